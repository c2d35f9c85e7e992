package reports

import (
	"bytes"
	"encoding/json"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/stories"
)

// samenhangSignaal is the question of the test's joint display.
const samenhangSignaal = "De cijfers voor vroege start zwangerschapszorg (KS01) verbeteren, maar ouders vertellen over " +
	"‘Zwangerschapszorg’ negatiever dan eerder. Wat zien jullie in de praktijk dat dit verklaart?"

// samenhangGeheim marks every text of the fixture that may never appear:
// quotes with consent intern and a theme with neither figures nor
// stories.
const samenhangGeheim = "GEHEIM"

// samenhangRapport is beoordelingRapport with stories: a joint display
// for Zwangerschapszorg (KS01 improving, stories turning negative: a
// question), one for Bejegening (stories, no indicator) and an empty
// theme that must be left out; two persona's, one with a quote and one
// whose only quote is intern.
func samenhangRapport() *Rapport {
	r := beoordelingRapport()
	qs := r.Kwartalen
	ks01 := r.Indicatoren[0].Beoordelingen[6]
	keuze := func(id string, q kansrijk.Kwartaal, toestemming stories.Toestemming, persona, werkvorm, tekst string) stories.Keuze {
		return stories.Keuze{Thema: "Zwangerschapszorg", Citaat: stories.Citaat{VerhaalID: id, Coalitie: "Lindehoven",
			Kwartaal: q, Werkvorm: werkvorm, Persona: persona, Toestemming: toestemming, Tekst: tekst}}
	}
	r.Samenhangen = []eval.Samenhang{
		{
			Coalitie: "Lindehoven", Thema: "Zwangerschapszorg", Indicatoren: []eval.Beoordeling{ks01},
			// 2025-K2: 3 stories, shown as <5; 2025-K4: 7, shown as 7.
			Tonen: []stories.Toon{
				{Coalitie: "Lindehoven", Thema: "Zwangerschapszorg", Kwartaal: qs[1], Positief: 2, Negatief: 1},
				{Coalitie: "Lindehoven", Thema: "Zwangerschapszorg", Kwartaal: qs[3], Positief: 2, Negatief: 5},
			},
			Eerder:       stories.Toon{Positief: 2, Negatief: 1},
			Recent:       stories.Toon{Positief: 2, Negatief: 5},
			Verhaaltrend: "negatiever", Overwegend: "negatief",
			Citaten: []stories.Keuze{
				keuze("LH-1", qs[6], stories.Rapport, "Fenna", "interview", "Ik moest <script>alert(3)</script> drie keer bellen voor een afspraak."),
				keuze("LH-2", qs[5], stories.Intern, "", "focusgroep", samenhangGeheim+" intern citaat bij het thema."),
			},
			Signaal: samenhangSignaal,
		},
		{
			Coalitie: "Lindehoven", Thema: "Bejegening",
			Tonen:        []stories.Toon{{Coalitie: "Lindehoven", Thema: "Bejegening", Kwartaal: qs[5], Gemengd: 1}},
			Recent:       stories.Toon{Gemengd: 1},
			Verhaaltrend: "te weinig verhalen",
		},
		{Coalitie: "Lindehoven", Thema: samenhangGeheim + " leeg thema"},
	}
	r.Personas = []Persona{
		{
			PersonaPagina: stories.PersonaPagina{
				Persona: store.Persona{Naam: "Fenna, 27, eerste kind", Voornaam: "Fenna", Coalitie: "Lindehoven",
					Doelgroep: "eenoudergezin", Situatie: "Verhuisd voor werk, familie woont ver weg.",
					Nodig: "Andere moeders om mee te praten.", Tegenaan: "Alles alleen moeten uitzoeken.", Bron: "spiegelbijeenkomst 2025-K1"},
				VerhaalIDs:  []string{"LH-1", "LH-3", "LH-4", "LH-5", "LH-6", "LH-7"},
				Themas:      []stories.PersonaThema{{Thema: "Zwangerschapszorg", Fragmenten: 6}, {Thema: "Bejegening", Fragmenten: 3}},
				Indicatoren: []string{"KS01", "KS06"},
			},
			Citaat: &stories.Citaat{VerhaalID: "LH-3", Coalitie: "Lindehoven", Kwartaal: qs[4], Werkvorm: "spiegelbijeenkomst",
				Persona: "Fenna", Toestemming: stories.Openbaar, Tekst: "De buurvrouw kwam elke ochtend even kijken."},
		},
		{
			PersonaPagina: stories.PersonaPagina{
				Persona: store.Persona{Naam: "Dewi, 34", Voornaam: "Dewi", Coalitie: "Lindehoven", Doelgroep: "verslavingsproblematiek"},
			},
			Citaat:   &stories.Citaat{VerhaalID: "LH-9", Coalitie: "Lindehoven", Toestemming: stories.Intern, Tekst: samenhangGeheim + " persona intern."},
			ZieThema: "Zwangerschapszorg",
		},
	}
	r.Citaten = []stories.Citaat{{VerhaalID: "LH-8", Coalitie: "Lindehoven", Kwartaal: qs[6], Werkvorm: "interview",
		Toestemming: stories.Rapport, Tekst: "Nog een ander verhaal over de kraamzorg."}}
	return r
}

// samenhangTeksten appear, in these words, in both reports.
var samenhangTeksten = []string{
	titelSamenhang, titelPersonas, "Zwangerschapszorg", "Bejegening",
	"KS01 Vroege start zwangerschapszorg",
	"In 2026-K3: 76,0% (66,8–83,3%)",
	"Trend: verbetert sinds 2025-K2 (gemiddeld +2,3 procentpunt per kwartaal)",
	"Aan dit thema zijn geen indicatoren gekoppeld.",
	// 7 stories recently, 3 before: <5.
	"het laatste jaar 7, het jaar ervoor <5",
	"negatiever dan eerder; het laatste jaar overwegend negatief",
	"te weinig verhalen om met eerder te vergelijken",
	signaalKop, samenhangSignaal,
	"Vraag aan de coalitie: " + samenhangSignaal, // In het kort
	// Persona's.
	"Fenna, 27, eerste kind", "eenoudergezin", "Verhuisd voor werk, familie woont ver weg.",
	"Andere moeders om mee te praten.", "Alles alleen moeten uitzoeken.",
	"6 verhalen bij deze persona, tot en met 2026-K3",
	"Zwangerschapszorg (6) en Bejegening (<5)",
	"KS01 Vroege start zwangerschapszorg en KS06",
	"De buurvrouw kwam elke ochtend even kijken.",
	"Persona opgesteld uit: spiegelbijeenkomst 2025-K1.",
	"Dewi, 34", "nog geen verhalen bij deze persona, tot en met 2026-K3",
	"Een citaat bij deze persona staat onder Tellen én vertellen, bij ‘Zwangerschapszorg’.",
	// What the joint display and the persona's leave.
	"Nog een ander verhaal over de kraamzorg.",
}

func TestVerhalenTekst(t *testing.T) {
	for n, want := range map[int]string{0: "0", 1: "<5", 3: "<5", 4: "<5", 5: "5", 1200: "1.200"} {
		if got := verhalenTekst(n); got != want {
			t.Errorf("verhalenTekst(%d) = %q, want %q", n, got, want)
		}
	}
	for n, want := range map[int]int{0: 0, 1: 1, 4: 1, 5: 1, 6: 2, 10: 2, 11: 3} {
		if got := toonBlokjes(n); got != want {
			t.Errorf("toonBlokjes(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestSamenhangPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext niet gevonden (poppler-utils); tekstcontrole overgeslagen")
	}
	a := renderPDF(t, samenhangRapport())
	if b := renderPDF(t, samenhangRapport()); !bytes.Equal(a, b) {
		t.Fatal("twee keer hetzelfde rapport gaf verschillende PDF's")
	}
	path := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	pagina := func(args ...string) string {
		t.Helper()
		out, err := exec.Command("pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), path, "-")...).Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		return string(out)
	}
	tekst := strings.Join(strings.Fields(pagina()), " ")
	for _, want := range append(samenhangTeksten,
		"Ik moest <script>alert(3)</script> drie keer bellen voor een afspraak.",
		"— interview, Fenna, 2026-K3", "WAT DE CIJFERS ZEGGEN", "WAT OUDERS VERTELLEN",
		"Elk blokje staat voor 1 tot 5 verhalen") {
		if !strings.Contains(tekst, want) {
			t.Errorf("PDF mist %q", want)
		}
	}
	if strings.Contains(tekst, samenhangGeheim) {
		t.Errorf("PDF bevat een intern citaat of een leeg thema")
	}

	// Every line of the table of contents lands on the page it names, as
	// a line of its own there.
	op := controleerInhoud(t, pagina)
	for _, titel := range []string{titelSamenhang, "Zwangerschapszorg", "Bejegening", titelPersonas,
		"Fenna, 27, eerste kind", "Dewi, 34", titelOuders} {
		if op[titel] == 0 {
			t.Errorf("inhoud mist %q:\n%s", titel, pagina("-layout", "-f", "2", "-l", "2"))
		}
	}
	// A theme that fits on a page stays on one: its figures, its stories
	// and its question on the page of its heading.
	thema := strings.Join(strings.Fields(pagina("-f", strconv.Itoa(op["Zwangerschapszorg"]), "-l", strconv.Itoa(op["Zwangerschapszorg"]))), " ")
	for _, want := range []string{"WAT DE CIJFERS ZEGGEN", "WAT OUDERS VERTELLEN", signaalKop, "drie keer bellen"} {
		if !strings.Contains(thema, want) {
			t.Errorf("pagina van Zwangerschapszorg mist %q", want)
		}
	}
}

func TestSamenhangHTML(t *testing.T) {
	doc := renderHTML(t, samenhangRapport())
	for range 2 {
		if renderHTML(t, samenhangRapport()) != doc {
			t.Fatal("twee keer hetzelfde rapport geeft verschillende HTML")
		}
	}
	eigen := htmlEigen(t, doc)
	tekst := stdhtml.UnescapeString(eigen)
	for _, want := range samenhangTeksten {
		if !strings.Contains(tekst, want) {
			t.Errorf("HTML mist %q", want)
		}
	}
	if strings.Contains(tekst, samenhangGeheim) {
		t.Error("HTML bevat een intern citaat of een leeg thema")
	}
	// A story with <script> is text.
	if strings.Contains(eigen, "<script>alert(3)") || !strings.Contains(eigen, "&lt;script&gt;alert(3)&lt;/script&gt;") {
		t.Error("het citaat met <script> staat er niet als tekst")
	}
	for _, want := range []string{
		`<section class="sectie" id="samenhang" aria-labelledby="samenhang-kop">`,
		`<section class="thema" id="thema-zwangerschapszorg" aria-labelledby="thema-zwangerschapszorg-kop">`,
		`<section class="sectie" id="personas" aria-labelledby="personas-kop">`,
		`<li><a href="#samenhang">Tellen én vertellen</a>`, `<li><a href="#thema-bejegening">Bejegening</a></li>`,
		`<li><a href="#personas">Persona’s</a>`, `<li><a href="#persona-fenna">Fenna, 27, eerste kind</a></li>`,
		`<a href="#thema-zwangerschapszorg">Een citaat bij deze persona`,
		"<h4>Wat de cijfers zeggen</h4>", "<h4>Wat ouders vertellen</h4>",
		"<cite>interview, Fenna, 2026-K3</cite>",
		`role="img" aria-label="Staafgrafiek: toon van de verhalen over ‘Zwangerschapszorg’`,
		// The accessible table: 2025-K2 has 2 positive and 1 negative
		// story, all <5; 2025-K4 has 2 and 5, 7 in all.
		`<th scope="row">2025-K2</th><td>&lt;5<span class="vh"> (minder dan 5)</span></td><td>0</td><td>&lt;5<span class="vh"> (minder dan 5)</span></td><td>&lt;5<span class="vh"> (minder dan 5)</span></td></tr>`,
		`<th scope="row">2025-K4</th><td>&lt;5<span class="vh"> (minder dan 5)</span></td><td>0</td><td>5</td><td>7</td></tr>`,
	} {
		if !strings.Contains(eigen, want) {
			t.Errorf("HTML mist %s", want)
		}
	}

	// Headings in order: no level skipped on the way down.
	vorig := 1
	for _, m := range regexp.MustCompile(`<h([1-6])[ >]`).FindAllStringSubmatch(eigen, -1) {
		n := int(m[1][0] - '0')
		if n > vorig+1 {
			t.Errorf("kop h%d volgt op h%d", n, vorig)
		}
		vorig = n
	}

	// Nothing outside the document.
	for _, s := range []string{"http://", "https://", "//cdn", "@import", "url("} {
		if strings.Contains(eigen, s) {
			t.Errorf("HTML bevat %q: een verwijzing naar buiten", s)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)\b(src|href)\s*=\s*["']?([^"'\s>]*)`).FindAllStringSubmatch(eigen, -1) {
		if m[1] == "src" || !strings.HasPrefix(m[2], "#") {
			t.Errorf("%s=%q wijst buiten het document", m[1], m[2])
		}
	}

	// The tone charts: no exact count of 1 to 4, blocks instead.
	opties := regexp.MustCompile(`<script type="application/json" id="optie-toon-([a-z-]+)">(.*?)</script>`).FindAllStringSubmatch(eigen, -1)
	if len(opties) != 2 {
		t.Fatalf("%d toongrafieken, want 2", len(opties))
	}
	var optie struct {
		Series []struct {
			Name string
			Data []htmlToonBlok
		}
	}
	if err := json.Unmarshal([]byte(opties[0][2]), &optie); err != nil {
		t.Fatal(err)
	}
	blokken := map[string][]htmlToonBlok{}
	for _, s := range optie.Series {
		blokken[s.Name] = s.Data
		for _, b := range s.Data {
			if n, err := strconv.Atoi(b.Aantal); err == nil && n < 5 || b.Totaal != "" && b.Totaal != "<5" && b.Totaal != "7" {
				t.Errorf("%s %s: aantal %q, totaal %q", s.Name, b.Name, b.Aantal, b.Totaal)
			}
		}
	}
	want := map[string][]htmlToonBlok{
		"positief": {{Value: [3]int{1, 0, 1}, Name: "2025-K2", Aantal: "<5"}, {Value: [3]int{3, 0, 1}, Name: "2025-K4", Aantal: "<5"}},
		"gemengd":  {},
		"negatief": {{Value: [3]int{1, 1, 2}, Name: "2025-K2", Aantal: "<5", Totaal: "<5", Boven: true},
			{Value: [3]int{3, 1, 2}, Name: "2025-K4", Aantal: "5", Totaal: "7", Boven: true}},
	}
	for naam, w := range want {
		if got := blokken[naam]; len(got) != len(w) {
			t.Errorf("%s: %+v, want %+v", naam, got, w)
		} else {
			for i := range w {
				if got[i] != w[i] {
					t.Errorf("%s %d: %+v, want %+v", naam, i, got[i], w[i])
				}
			}
		}
	}
	// One <script> for echarts, one to draw, one with data per chart.
	if n, want := strings.Count(eigen, "<script"), 2+len(samenhangRapport().Indicatoren)+1+2; n != want {
		t.Errorf("%d <script>-elementen, want %d", n, want)
	}
}

// Without quotes left over, the joint display replaces "Wat ouders
// vertellen"; without a joint display, that section stays.
func TestSamenhangZonderCitaten(t *testing.T) {
	r := samenhangRapport()
	r.Citaten = nil
	eigen := htmlEigen(t, renderHTML(t, r))
	if strings.Contains(eigen, `id="ouders"`) || strings.Contains(eigen, `href="#ouders"`) {
		t.Error("lege sectie Wat ouders vertellen naast Tellen én vertellen")
	}
	if intro, toon := citatenIntro(r); toon {
		t.Errorf("citatenIntro = %q, true; want no section", intro)
	}
	r.Samenhangen, r.Personas = nil, nil
	eigen = htmlEigen(t, renderHTML(t, r))
	for _, want := range []string{`id="ouders"`, "Voor dit kwartaal zijn geen citaten met toestemming beschikbaar."} {
		if !strings.Contains(eigen, want) {
			t.Errorf("HTML zonder verhalen mist %q", want)
		}
	}
	for _, s := range []string{`id="samenhang"`, `id="personas"`, titelSamenhang} {
		if strings.Contains(eigen, s) {
			t.Errorf("HTML zonder verhalen bevat %q", s)
		}
	}
}

// vertel shows every quote once: the joint display first, then the
// persona's, then "Wat ouders vertellen"; and never one whose story is
// also in a log as intern.
func TestVertelCitatenUniek(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	cfg := &kansrijk.Config{Indicatoren: kansrijk.DefaultIndicatoren(),
		Coalities: []kansrijk.Coalitie{{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}}, {Naam: "Havenstad", Gemeenten: []string{"Havenstad"}}}}
	zorg := stories.Code{Thema: "Zwangerschapszorg", Code: "Te laat in zorg", Indicatoren: []string{"KS01"}}
	steun := stories.Code{Thema: "Netwerk en steun", Code: "Alleen staan"}
	v := &stories.Verhalen{
		Codeboek: stories.NieuwCodeboek([]stories.Code{zorg, steun}),
		Personas: []store.Persona{{Naam: "Fenna, 27", Voornaam: "Fenna", Coalitie: "Lindehoven"}},
	}
	zorg, steun = v.Codeboek.Codes[0], v.Codeboek.Codes[1]
	n := 0
	frag := func(co string, kw kansrijk.Kwartaal, toestemming stories.Toestemming, persona, tekst string, codes ...stories.Code) {
		n++
		v.Fragmenten = append(v.Fragmenten, stories.Fragment{VerhaalID: "V-" + strconv.Itoa(n), Coalitie: co,
			Datum: kw.Start().Add(time.Duration(n) * time.Hour), Kwartaal: kw, Toestemming: toestemming, Persona: persona,
			Tekst: tekst, Codes: codes, Toon: "negatief", Werkvorm: "interview"})
	}
	frag("Lindehoven", q, stories.Rapport, "Fenna", "De verloskundige had pas na zes weken tijd voor mij.", zorg)
	frag("Lindehoven", q, stories.Openbaar, "Fenna", "Mijn moeder woont ver weg en ik kende hier nog niemand.", steun)
	frag("Lindehoven", q.Add(-1), stories.Rapport, "Fenna", "Bij de tweede afspraak kreeg ik weer een andere verloskundige.", zorg)
	frag("Lindehoven", q.Add(-1), stories.Rapport, "", "Ik wist niet dat je zo vroeg al moest bellen voor een afspraak.", zorg)
	frag("Lindehoven", q.Add(-2), stories.Openbaar, "", "Niemand vroeg hoe het thuis ging, alleen hoe de baby groeide.", zorg)
	// The same story as an intern fragment in another coalitie's log:
	// its quotable copy is not quoted either.
	frag("Lindehoven", q, stories.Openbaar, "", "Op het consultatiebureau kan ik alles vragen, ook over geld en wonen.", steun)
	frag("Havenstad", q, stories.Intern, "", "Op het consultatiebureau kan ik alles vragen, ook over geld en wonen. Echt waar.", steun)

	r := &Rapport{Coalitie: cfg.Coalities[0], Kwartaal: q, Kwartalen: kansrijk.Between(q.Add(-6), q)}
	if err := vertel(cfg, cfg.Coalities[0], v, r); err != nil {
		t.Fatal(err)
	}
	gezien := map[string]string{}
	zie := func(waar string, c stories.Citaat) {
		if strings.Contains(c.Tekst, "consultatiebureau") {
			t.Errorf("%s: citaat van een verhaal dat elders intern is: %q", waar, c.Tekst)
		}
		if eerder, ok := gezien[c.VerhaalID]; ok {
			t.Errorf("%s staat in %s en in %s", c.VerhaalID, eerder, waar)
		}
		gezien[c.VerhaalID] = waar
	}
	for _, s := range r.Samenhangen {
		for _, k := range s.Citaten {
			zie("samenhang "+s.Thema, k.Citaat)
		}
	}
	if len(r.Personas) != 1 {
		t.Fatalf("%d persona's, want 1", len(r.Personas))
	}
	if p := r.Personas[0]; p.Citaat != nil {
		zie("persona", *p.Citaat)
	} else if p.ZieThema == "" {
		t.Error("persona zonder citaat en zonder verwijzing naar een thema")
	}
	for _, c := range r.Citaten {
		zie("citaten", c)
	}
	if len(gezien) < 5 {
		t.Errorf("%d citaten in het rapport, want alle 5 die mogen: %v", len(gezien), gezien)
	}
}
