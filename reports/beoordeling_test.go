package reports

import (
	"bytes"
	"encoding/json"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
)

// The figure of beoordelingRapport that may not be shown: KS01 in
// 2025-K1 is 7 of 9 = 77,8%, noemer below 10. The fixture also slips it a
// Beoordeling that claims it may be shown, with its Wilson interval
// 45,3–93,7%, to prove the reports' own check.
var beoordelingVerborgen = []string{"77,8", "77.8", "45,3", "45.3", "93,7", "93.7"}

// beoordelingRapport is Lindehoven over 2025-K1..2026-K3 with eval's
// analysis filled in by hand: KS01 improving with a clear change since a
// year before, KS07 without a figure in 2026-K3 and too few for a trend,
// KS09 with a clear drop, KS10 below its target; a procesmonitor with a
// point stuck for four kwartalen and 3 betrokken ouders; a corrected and
// two missing leveringen.
func beoordelingRapport() *Rapport {
	qs := kansrijk.Between(kansrijk.Kwartaal{Jaar: 2025, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 3})
	ind := kansrijk.DefaultIndicatoren()
	ok, kl := eval.StatusOK, eval.StatusKlein
	reeks := func(in kansrijk.Indicator, tellers, noemers []float64, st []eval.Status) Reeks {
		rs := Reeks{Indicator: in}
		for i := range qs {
			rs.Coalitie = append(rs.Coalitie, eval.Cijfer{Coalitie: "Lindehoven", Kwartaal: qs[i], Indicator: in.Code,
				Teller: tellers[i], Noemer: noemers[i], Status: st[i]})
			b := eval.Beoordeling{Coalitie: "Lindehoven", Indicator: in.Code, Kwartaal: qs[i], Status: st[i]}
			if st[i] == ok {
				b.Getoond, b.Waarde = true, tellers[i]/noemers[i]
				if eval.TeltPersonen(in.Code) {
					lo, hi, _ := eval.Wilson(tellers[i], noemers[i])
					b.Interval = &eval.Interval{Onder: lo, Boven: hi}
				}
			}
			rs.Beoordelingen = append(rs.Beoordelingen, b)
		}
		rs.Noten = make([]eval.Noot, len(qs))
		return rs
	}

	// KS01: 60,0% 65,5% 68,0% 71,0% 75,0% 76,0% after the hidden 7/9.
	ks01 := reeks(ind[0], []float64{7, 120, 131, 136, 142, 75, 76}, []float64{9, 200, 200, 200, 200, 100, 100},
		[]eval.Status{kl, ok, ok, ok, ok, ok, ok})
	// The slip: a Beoordeling for 7/9 as if it could be shown.
	ks01.Beoordelingen[0].Getoond, ks01.Beoordelingen[0].Waarde = true, 7.0/9
	ks01.Beoordelingen[0].Interval = &eval.Interval{Onder: 0.4529, Boven: 0.9368}
	ks01.Beoordelingen[6] = eval.Beoordeling{Coalitie: "Lindehoven", Indicator: "KS01", Kwartaal: qs[6], Status: ok,
		Getoond: true, Waarde: 0.76,
		// Wilson for 76 of 100, by hand: (0.76 + 1.96²/200) / (1 + 1.96²/100)
		// ± 1.96/(1 + 1.96²/100) · sqrt(0.76·0.24/100 + 1.96²/40000)
		// = 0.7504 ± 0.0827.
		Interval:      &eval.Interval{Onder: 0.6677, Boven: 0.8331},
		VorigKwartaal: &eval.Verschil{Sinds: qs[5], Procentpunten: 1, MetInterval: true, Onder: -10.8, Boven: 12.7},
		VorigJaar:     &eval.Verschil{Sinds: qs[2], Procentpunten: 10.5, MetInterval: true, Onder: 1.8, Boven: 18.6},
		Streef:        &eval.Streef{Streefwaarde: 0.75, Verschil: 1, Bereikt: true},
		Vergelijking:  &eval.Vergelijking{Oordeel: eval.BovenGemiddelde, Gemiddelde: 0.64, Onder: 0.546, Boven: 0.734, Coalities: 4},
		Trend:         eval.Trend{Oordeel: eval.TrendVerbetert, Kwartalen: 6, Van: qs[1], Tot: qs[6], Helling: 2.34, Onder: 1.2, Boven: 3.5},
	}
	ks01.Noten[1] = eval.Noot{Coalitie: "Lindehoven", Indicator: "KS01", Kwartaal: qs[1], Status: eval.Volledig,
		Gecorrigeerd: []string{"Verloskundigen Lindehoven"},
		Tekst:        "gebaseerd op een gecorrigeerde levering van Verloskundigen Lindehoven"}

	// KS07: two figures, then nothing; no figure in 2026-K3.
	ks07 := reeks(ind[6], []float64{30, 33, 0, 0, 0, 0, 0}, []float64{50, 50, 0, 0, 0, 0, 0},
		[]eval.Status{ok, ok, eval.StatusBronOnderdrukt, eval.StatusBronOnderdrukt, eval.StatusBronOnderdrukt, eval.StatusBronOnderdrukt, ""})
	ks07.Beoordelingen[6].Trend = eval.Trend{Oordeel: eval.TrendTeWeinig, Kwartalen: 2}
	ks07.Noten[6] = eval.Noot{Coalitie: "Lindehoven", Indicator: "KS07", Kwartaal: qs[6], Status: eval.NietAangeleverd,
		Ontbrekend: []string{"JGZ Regio Noord"}, Tekst: "niet aangeleverd door JGZ Regio Noord"}

	// KS09: from 70/100 to 50/100, a clear drop; 2026-K1 not delivered.
	ks09 := reeks(ind[8], []float64{35, 36, 34, 37, 0, 70, 50}, []float64{50, 50, 50, 50, 0, 100, 100},
		[]eval.Status{ok, ok, ok, ok, "", ok, ok})
	ks09.Beoordelingen[6].VorigKwartaal = &eval.Verschil{Sinds: qs[5], Procentpunten: -20, MetInterval: true, Onder: -32.4, Boven: -6.6}
	ks09.Beoordelingen[6].Streef = &eval.Streef{Streefwaarde: 0.8, Verschil: -30, NogTeGaan: 30}
	ks09.Beoordelingen[6].Trend = eval.Trend{Oordeel: eval.TrendGeen, Kwartalen: 6, Van: qs[0], Tot: qs[6], Helling: -1.1, Onder: -4, Boven: 1.8}
	ks09.Noten[4] = eval.Noot{Coalitie: "Lindehoven", Indicator: "KS09", Kwartaal: qs[4], Status: eval.NietAangeleverd,
		Ontbrekend: []string{"Sociaal wijkteam Lindehoven"}, Tekst: "niet aangeleverd door Sociaal wijkteam Lindehoven"}

	// KS10: aandachtspunten, no interval and no comparison.
	ks10 := reeks(ind[9], []float64{4, 4, 5, 6, 6, 7, 7}, []float64{10, 10, 10, 10, 10, 10, 10},
		[]eval.Status{ok, ok, ok, ok, ok, ok, ok})
	ks10.Beoordelingen[6].VorigKwartaal = &eval.Verschil{Sinds: qs[5]}
	ks10.Beoordelingen[6].VorigJaar = &eval.Verschil{Sinds: qs[2], Procentpunten: 20}
	ks10.Beoordelingen[6].Streef = &eval.Streef{Streefwaarde: 0.8, Verschil: -10, NogTeGaan: 10}
	ks10.Beoordelingen[6].Trend = eval.Trend{Oordeel: eval.TrendGeen, Kwartalen: 7, Van: qs[0], Tot: qs[6]}

	getal := func(n int) *int { return &n }
	b := &eval.BorgingCoalitie{Coalitie: "Lindehoven"}
	for i, n := range []int{4, 4, 5, 6, 6, 7, 7} {
		b.Kwartalen = append(b.Kwartalen, eval.BorgingKwartaal{Kwartaal: qs[i], Gerealiseerd: n,
			Partners: getal(13 + i/3), Bijeenkomsten: getal(2), Ouders: getal(10 + i)})
	}
	b.Kwartalen[6].Partners, b.Kwartalen[6].Bijeenkomsten, b.Kwartalen[6].Ouders = getal(15), getal(2), getal(3)
	b.Kwartalen[5].Bijeenkomsten = nil
	const ng, io, gr, gb = "Niet gestart", "In ontwikkeling", "Gerealiseerd", "Geborgd"
	for nr, st := range [][]string{
		{gr, gr, gr, gb, gb, gb, gb}, {gr, gr, gr, gb, gb, gb, gb}, {gr, gr, gr, gb, "", gb, gb},
		{io, io, io, gr, gr, gr, gb}, {io, io, io, io, gr, gr, gr}, {ng, ng, ng, io, io, io, io},
		{ng, ng, ng, ng, io, io, io}, {ng, ng, io, io, io, io, gr}, {gr, gr, gr, gr, gb, gb, gb},
		{io, io, gr, gr, gr, gr, gr},
	} {
		p := eval.Aandachtspunt{Nr: nr + 1, Naam: []string{"Stip op de horizon (gedeelde visie)", "Kartrekker(s) aangewezen",
			"Afspraken op uitvoeringsniveau", "Afspraken op organisatieniveau", "Afspraken op bestuursniveau (intentieverklaring)",
			"Structurele financiering", "Samenwerken met de doelgroep", "Terugkoppeling aan ouders",
			"Monitoring en evaluatie (tellen en vertellen)", "Deskundigheidsbevordering"}[nr], Status: st}
		if nr == 5 {
			p.Stilstand, p.Vastgelopen = 4, true
		}
		if nr == 6 {
			p.Stilstand = 3
		}
		b.Punten = append(b.Punten, p)
	}

	var as []eval.Aanlevering
	for _, p := range []string{"JGZ Regio Noord", "Procesmonitor", "Sociaal wijkteam Lindehoven", "Verloskundigen Lindehoven"} {
		for _, q := range qs {
			a := eval.Aanlevering{Coalitie: "Lindehoven", Partner: p, Kwartaal: q, Status: eval.Geleverd, Leveringen: 1}
			switch {
			case p == "JGZ Regio Noord" && q == qs[6], p == "Sociaal wijkteam Lindehoven" && q == qs[4]:
				a.Status, a.Leveringen = eval.Ontbreekt, 0
			case p == "Verloskundigen Lindehoven" && q == qs[1]:
				a.Status, a.Leveringen = eval.Gecorrigeerd, 2
			}
			as = append(as, a)
		}
	}

	return &Rapport{
		Regio:         "Regio Noord (fictief)",
		Coalitie:      kansrijk.Coalitie{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}},
		Kwartaal:      qs[6],
		Kwartalen:     qs,
		Gemaakt:       time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		Indicatoren:   []Reeks{ks01, ks07, ks09, ks10},
		Borging:       b,
		Aanleveringen: as,
	}
}

// beoordelingTeksten appear, in these words, in both reports.
var beoordelingTeksten = []string{
	// The figure with the interval chosen above.
	"76,0% (66,8–83,3%)",
	"+1,0 procentpunt (2026-K2: 75,0%), kan toeval zijn",
	"+10,5 procentpunt (2025-K3: 65,5%), een duidelijke verbetering",
	"verbetert sinds 2025-K2 (gemiddeld +2,3 procentpunt per kwartaal)",
	"bereikt, 1,0 procentpunt erboven",
	"hoger dan het gemiddelde van 4 coalities (64,0%), meer dan toeval kan verklaren",
	"te weinig gegevens: 2 kwartalen met een cijfer om te tonen",
	"−20,0 procentpunt (2026-K2: 70,0%), een duidelijke verslechtering",
	"geen duidelijke verandering sinds 2025-K1",
	"nog 10,0 procentpunt te gaan",
	// In het kort: the trend first, then the clear drop, then the target.
	"Vroege start zwangerschapszorg verbetert sinds 2025-K2: van 60,0% in 2025-K2 naar 76,0% in 2026-K3. De streefwaarde van 75% is bereikt.",
	"Snelle start bestaanszekerheid is sinds 2026-K2 duidelijk gedaald: van 70,0% naar 50,0% in 2026-K3 (−20,0 procentpunt), een verslechtering. Tot de streefwaarde van 80% is het nog 30,0 procentpunt.",
	"Borging: 70,0% in 2026-K3; tot de streefwaarde van 80% is het nog 10,0 procentpunt.",
	"Voor 1 van de 4 indicatoren is over 2026-K3 geen cijfer te tonen",
	// Completeness notes beside their kwartaal.
	"2025-K2: gebaseerd op een gecorrigeerde levering van Verloskundigen Lindehoven.",
	"2026-K3: niet aangeleverd door JGZ Regio Noord.",
	// Borging.
	"In 2026-K3 zijn 7 van de 10 aandachtspunten gerealiseerd of geborgd; de streefwaarde is 8. In 2025-K1 waren het er 4.",
	"Structurele financiering (punt 6) staat al 4 kwartalen op In ontwikkeling.",
	"Gerealiseerd", "Geborgd", "Niet gestart", "niet ingevuld",
	// Aanleverstatus.
	"Over 2026-K3 ontbreekt nog de levering van JGZ Regio Noord. Eerder ontbrak een levering van Sociaal wijkteam Lindehoven (2026-K1).",
	"gecorrigeerd: een verbeterde levering verving de eerdere",
	"ontbreekt: geen levering ontvangen",
}

func TestBeoordelingTeksten(t *testing.T) {
	// The interval above is Wilson's, rounded as the report rounds it.
	lo, hi, _ := eval.Wilson(76, 100)
	if got := marge(lo, hi); got != "66,8–83,3%" {
		t.Fatalf("Wilson(76, 100) = %s, want 66,8–83,3%%", got)
	}
	r := beoordelingRapport()
	if got := bevindingen(r, huidigIndex(r)); len(got) != 4 {
		t.Errorf("%d bevindingen, want 4: %q", len(got), got)
	}
	// Only a change eval calls clear is called duidelijk.
	for _, rg := range beoordelingRegels(r, r.Indicatoren[0], 6) {
		if rg.Label == "Vorig kwartaal" && strings.Contains(rg.Tekst, "duidelijk") {
			t.Errorf("a change within chance is called duidelijk: %q", rg.Tekst)
		}
	}
	// The stalled point is the only one called out.
	if got := stilstaand(r.Borging); len(got) != 1 {
		t.Errorf("stilstaand = %q, want one point", got)
	}
}

func TestBeoordelingPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext niet gevonden (poppler-utils); tekstcontrole overgeslagen")
	}
	r := beoordelingRapport()
	a := renderPDF(t, r)
	if b := renderPDF(t, beoordelingRapport()); !bytes.Equal(a, b) {
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

	for _, want := range beoordelingTeksten {
		if !strings.Contains(tekst, want) {
			t.Errorf("PDF mist %q", want)
		}
	}
	for _, s := range beoordelingVerborgen {
		if strings.Contains(tekst, s) {
			t.Errorf("PDF bevat %q van een cijfer dat niet getoond mag worden", s)
		}
	}
	// 3 betrokken ouders count people: <5. The row is kwartaal,
	// gerealiseerd, partners, bijeenkomsten, ouders.
	if want := "2026-K3 7 van 10 15 2 <5"; !strings.Contains(tekst, want) {
		t.Errorf("procesmonitor mist rij %q", want)
	}
	// The row of the corrected kwartaal is marked.
	if !strings.Contains(tekst, "2025-K2* 120 200 60,0%") {
		t.Error("de rij van 2025-K2 heeft geen teken voor de gecorrigeerde levering")
	}

	// The table of contents on page 2: each section on the page it names,
	// its title as a line of its own there.
	gevonden := controleerInhoud(t, pagina)
	for _, titel := range []string{titelKort, titelIndicators, "KS01 Vroege start zwangerschapszorg", "KS10 Borging",
		titelBorging, titelOuders, titelAanlever, titelWerkwijze} {
		if gevonden[titel] == 0 {
			t.Errorf("inhoud mist %q:\n%s", titel, pagina("-layout", "-f", "2", "-l", "2"))
		}
	}
}

func TestBeoordelingHTML(t *testing.T) {
	doc := renderHTML(t, beoordelingRapport())
	if doc != renderHTML(t, beoordelingRapport()) {
		t.Fatal("twee keer hetzelfde rapport geeft verschillende HTML")
	}
	eigen := htmlEigen(t, doc)
	// html/template writes + as &#43;.
	tekst := stdhtml.UnescapeString(eigen)
	for _, want := range beoordelingTeksten {
		if !strings.Contains(tekst, want) {
			t.Errorf("HTML mist %q", want)
		}
	}
	for _, s := range beoordelingVerborgen {
		if strings.Contains(tekst, s) {
			t.Errorf("HTML bevat %q van een cijfer dat niet getoond mag worden", s)
		}
	}
	for _, s := range []string{"http://", "https://", "//cdn", "@import", "url("} {
		if strings.Contains(eigen, s) {
			t.Errorf("HTML bevat %q: een verwijzing naar buiten", s)
		}
	}
	// Statuses are words for screen readers as well as colours and signs.
	for _, want := range []string{
		`<td class="lever-ontbreekt" title="ontbreekt"><span aria-hidden="true">×</span><span class="vh">ontbreekt</span></td>`,
		`<td class="borg borg-2" title="In ontwikkeling"><span class="bal" aria-hidden="true"></span><span class="vh">In ontwikkeling</span></td>`,
		`<th scope="row">2025-K2<sup aria-hidden="true">*</sup><span class="vh"> (gebaseerd op een gecorrigeerde levering van Verloskundigen Lindehoven)</span></th>`,
	} {
		if !strings.Contains(eigen, want) {
			t.Errorf("HTML mist %s", want)
		}
	}
	// 3 betrokken ouders: <5, never 3.
	rij := regexp.MustCompile(`<table class="monitor">(?s:.*?)<th scope="row">2026-K3</th>(.*?)</tr>`).FindStringSubmatch(eigen)
	if rij == nil || !strings.HasSuffix(rij[1], `<td>&lt;5<span class="vh"> (minder dan 5)</span></td>`) {
		t.Errorf("procesmonitor 2026-K3 toont de ouders niet als <5: %v", rij)
	}

	// The chart: the band has no value where the figure may not be shown,
	// and the coalitie's latest point carries its margin.
	m := regexp.MustCompile(`<script type="application/json" id="optie-ks01">(.*?)</script>`).FindStringSubmatch(eigen)
	if m == nil {
		t.Fatal("geen grafiekdata voor KS01")
	}
	var optie struct {
		Series []struct {
			ID   string
			Name string
			Data []struct {
				Value any
				Marge string
			}
		}
	}
	if err := json.Unmarshal([]byte(m[1]), &optie); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for i, s := range optie.Series {
		ids[s.ID+"|"+s.Name] = i
	}
	onder, ok1 := ids["marge-onder|marge-onder"]
	band, ok2 := ids["marge-band|"+htmlMargeNaam]
	lijn, ok3 := ids["|Lindehoven"]
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("lijnen in de grafiek: %v", ids)
	}
	if v := optie.Series[onder].Data[0].Value; v != "-" {
		t.Errorf("band 2025-K1 (verborgen) = %v, want -", v)
	}
	// 120/200: Wilson 53,1–66,7%, so the band is 13,6 wide.
	lo, hi, _ := eval.Wilson(120, 200)
	if v, w := optie.Series[onder].Data[1].Value, htmlProcent(lo); v != w {
		t.Errorf("band 2025-K2 onder = %v, want %v", v, w)
	}
	if v, w := optie.Series[band].Data[1].Value, htmlProcent(hi)-htmlProcent(lo); v.(float64)-w > 1e-9 || w-v.(float64) > 1e-9 {
		t.Errorf("band 2025-K2 breedte = %v, want %v", v, w)
	}
	if got := optie.Series[lijn].Data[6].Marge; got != "66,8–83,3%" {
		t.Errorf("marge bij 2026-K3 = %q", got)
	}
	if got := optie.Series[lijn].Data[0].Value; got != "-" {
		t.Errorf("punt 2025-K1 = %v, want -", got)
	}
}
