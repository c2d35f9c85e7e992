package reports

import (
	"bytes"
	"fmt"
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
	"kansrijk/stories"
)

// Texts of the test's stories that must never reach the parents' page.
const (
	ouIntern  = "Dit verhaal is alleen intern te tellen"
	ouRapport = "Dit verhaal mag alleen naar bestuurders"
	ouCijfer  = "Ik wachtte 3 weken op hulp"
	ouLang    = "Dit openbare verhaal is veel te lang voor de pagina"
)

// ouTestVerhalen are Havenstad's stories of the year up to 2026-K3:
// kraamzorg in 7 of them, geld in 5, taal in 4 (too few to mention), one
// from before the year and one of another coalitie.
func ouTestVerhalen() *stories.Verhalen {
	cb := stories.NieuwCodeboek([]stories.Code{
		{Thema: "Kraamzorg", Code: "Fijne kraamverzorgster"},
		{Thema: "Kraamzorg", Code: "Uren tekort"},
		{Thema: "Bestaanszekerheid", Code: "Geldzorgen"},
		{Thema: "Taal en begrip", Code: "Tolk geregeld"},
	})
	code := func(pad string) stories.Code {
		c, ok := cb.Zoek(pad)
		if !ok {
			panic(pad)
		}
		return c
	}
	kraam, uren, geld, taal := code("Kraamzorg > Fijne kraamverzorgster"), code("Kraamzorg > Uren tekort"),
		code("Bestaanszekerheid > Geldzorgen"), code("Taal en begrip > Tolk geregeld")
	v := &stories.Verhalen{Codeboek: cb}
	n := 0
	add := func(co string, datum time.Time, t stories.Toestemming, tekst, toon string, codes ...stories.Code) {
		n++
		v.Fragmenten = append(v.Fragmenten, stories.Fragment{VerhaalID: fmt.Sprintf("V-%03d", n), Coalitie: co, Datum: datum,
			Kwartaal: kansrijk.KwartaalVan(datum), Toestemming: t, Tekst: tekst, Toon: toon, Codes: codes})
	}
	d := func(m, dag int) time.Time { return time.Date(2026, time.Month(m), dag, 0, 0, 0, 0, time.UTC) }
	add("Havenstad", d(8, 1), stories.Openbaar, "De kraamverzorgster was een engel. Ze bleef gewoon rustig.", "positief", kraam)
	add("Havenstad", d(8, 2), stories.Intern, ouIntern+", over de kraamzorg.", "positief", kraam)
	add("Havenstad", d(7, 3), stories.Rapport, ouRapport+", over de kraamzorg.", "positief", kraam)
	add("Havenstad", d(5, 4), stories.Openbaar, ouCijfer+", en toen kwam de kraamzorg.", "negatief", uren)
	add("Havenstad", d(4, 5), stories.Intern, "Weinig uren kraamzorg gehad.", "negatief", uren)
	add("Havenstad", d(2, 6), stories.Openbaar, "Ze leerde me de baby in bad doen. Dat vergeet ik nooit.", "positief", kraam)
	add("Havenstad", d(1, 7), stories.Intern, "Fijne kraamtijd.", "positief", kraam, geld)
	add("Havenstad", d(6, 8), stories.Openbaar, "Het wijkteam hielp me snel met de rekeningen.", "positief", geld)
	add("Havenstad", d(6, 9), stories.Openbaar, ouLang+strings.Repeat(", en het ging maar door", 10)+".", "negatief", geld)
	add("Havenstad", d(3, 10), stories.Rapport, "Geldzorgen gaven veel stress.", "negatief", geld)
	add("Havenstad", d(3, 11), stories.Intern, "Rekeningen stapelden zich op.", "negatief", geld)
	for i := range 4 {
		add("Havenstad", d(2+i, 12), stories.Openbaar, fmt.Sprintf("Er was een tolk, bericht %c.", 'a'+i), "positief", taal)
	}
	add("Havenstad", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), stories.Openbaar, "Een oud verhaal over geld.", "negatief", geld, geld)
	add("Lindehoven", d(8, 1), stories.Openbaar, "Een verhaal uit Lindehoven over kraamzorg.", "positief", kraam)
	return v
}

// ouTestBorging has Havenstad's procesmonitor a year apart:
// terugkoppeling aan ouders (8) and structurele financiering (6) were
// realised in the year, stip op de horizon (1) was already.
func ouTestBorging() *eval.BorgingCoalitie {
	b := &eval.BorgingCoalitie{Coalitie: "Havenstad", Kwartalen: []eval.BorgingKwartaal{
		{Kwartaal: kansrijk.Kwartaal{Jaar: 2025, K: 3}}, {Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 3}},
	}}
	for nr := 1; nr <= 10; nr++ {
		p := eval.Aandachtspunt{Nr: nr, Naam: kansrijk.Aandachtspunten[nr-1], Status: []string{"In ontwikkeling", "In ontwikkeling"}}
		switch nr {
		case 1:
			p.Status = []string{"Gerealiseerd", "Geborgd"}
		case 6, 8:
			p.Status = []string{"In ontwikkeling", "Gerealiseerd"}
		}
		b.Punten = append(b.Punten, p)
	}
	return b
}

func ouTestOuders(t *testing.T) *Ouders {
	t.Helper()
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	cfg := &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}}},
		Indicatoren: kansrijk.DefaultIndicatoren()}
	bs := []eval.Beoordeling{
		{Coalitie: "Havenstad", Indicator: "KS01", Kwartaal: q, Getoond: true, Trend: eval.Trend{Oordeel: eval.TrendVerbetert}},
		{Coalitie: "Havenstad", Indicator: "KS04", Kwartaal: q, Getoond: true, Trend: eval.Trend{Oordeel: eval.TrendVerslechtert}},
		{Coalitie: "Havenstad", Indicator: "KS09", Kwartaal: q, Getoond: true, Trend: eval.Trend{Oordeel: eval.TrendGeen},
			VorigJaar: &eval.Verschil{Procentpunten: 12, MetInterval: true, Onder: 3, Boven: 21}},
	}
	o, err := oudersUit(cfg, cfg.Coalities[0], Opties{Kwartaal: q, Gemaakt: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
		ouTestVerhalen(), ouTestBorging(), bs)
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestOudersInhoud(t *testing.T) {
	o := ouTestOuders(t)
	var themas []string
	for _, th := range o.Themas {
		themas = append(themas, th.Thema)
	}
	// Taal en begrip has 4 stories: never mentioned, not even without a number.
	if strings.Join(themas, ",") != "Kraamzorg,Bestaanszekerheid" {
		t.Errorf("thema's %v, want Kraamzorg (7) and Bestaanszekerheid (5), not Taal en begrip (4)", themas)
	}
	if len(o.Citaten) == 0 || len(o.Citaten) > 3 {
		t.Errorf("%d citaten, want 1 to 3", len(o.Citaten))
	}
	for _, c := range o.Citaten {
		if c.Toestemming != stories.Openbaar || c.Coalitie != "Havenstad" {
			t.Errorf("citaat %s met toestemming %s uit %s", c.VerhaalID, c.Toestemming, c.Coalitie)
		}
	}
	want := []string{
		aandachtspuntInWoorden(eval.Aandachtspunt{Nr: 8}), // about parents: first
		indicatorInWoorden(kansrijk.Indicator{Code: "KS01"}),
		indicatorInWoorden(kansrijk.Indicator{Code: "KS09"}), // clearly better than a year before
		aandachtspuntInWoorden(eval.Aandachtspunt{Nr: 6}),
	}
	if strings.Join(o.Veranderd, "|") != strings.Join(want, "|") {
		t.Errorf("veranderd:\n%s\nwant\n%s", strings.Join(o.Veranderd, "\n"), strings.Join(want, "\n"))
	}
}

// pdfPaginas counts the page objects of a PDF, so the test needs no
// tools: fpdf writes every page as an uncompressed "/Type /Page" object.
func pdfPaginas(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf, -1))
}

// ouVerboden are the words and signs that have no place on the parents'
// page.
var ouVerboden = regexp.MustCompile(`(?i)KS0|KS1|indicator|noemer|teller|procent|%|interval|` +
	regexp.QuoteMeta(ouIntern) + `|` + regexp.QuoteMeta(ouRapport) + `|` + regexp.QuoteMeta(ouCijfer) + `|` + regexp.QuoteMeta(ouLang) + `|Lindehoven`)

// ouKleinGetal finds a digit 1 to 4 standing alone: a count of parents.
var ouKleinGetal = regexp.MustCompile(`(^|[^0-9])[1-4]([^0-9]|$)`)

func controleerOudersTekst(t *testing.T, wat, tekst string) {
	t.Helper()
	for _, want := range []string{"Wat hebben we gedaan met jullie verhalen?", "Veel ouders vertelden over",
		"kraamzorg na de geboorte", "eldzorgen en hulp bij geld", "Wat is er veranderd?", "Wat ouders zeiden"} {
		if !strings.Contains(strings.Join(strings.Fields(tekst), " "), want) {
			t.Errorf("%s mist %q", wat, want)
		}
	}
	if m := ouVerboden.FindString(tekst); m != "" {
		t.Errorf("%s bevat %q", wat, m)
	}
	if m := ouKleinGetal.FindString(tekst); m != "" {
		t.Errorf("%s bevat een los getal van 1 tot en met 4: %q", wat, m)
	}
	if strings.Contains(strings.ToLower(tekst), "taal") {
		t.Errorf("%s noemt het thema met maar vier verhalen", wat)
	}
}

func TestOudersPDFEenPagina(t *testing.T) {
	o := ouTestOuders(t)
	var buf bytes.Buffer
	if err := WriteOudersPDF(&buf, o); err != nil {
		t.Fatal(err)
	}
	if n := pdfPaginas(buf.Bytes()); n != 1 {
		t.Fatalf("%d pagina's, want 1", n)
	}

	// However much there is to say, the page stays one page.
	vol := *o
	for range 6 {
		vol.Veranderd = append(vol.Veranderd, "Een lange zin over wat er allemaal beter is geworden in de zorg rond de geboorte, die over meer regels doorloopt.")
	}
	vol.Themas = append(vol.Themas, vol.Themas...)
	for i := range 3 {
		vol.Citaten = append(vol.Citaten, stories.Citaat{VerhaalID: fmt.Sprintf("L%d", i), Toestemming: stories.Openbaar,
			Tekst: strings.Repeat("Een langer verhaal van een ouder. ", 5)})
	}
	var groot bytes.Buffer
	if err := WriteOudersPDF(&groot, &vol); err != nil {
		t.Fatal(err)
	}
	if n := pdfPaginas(groot.Bytes()); n != 1 {
		t.Errorf("met veel inhoud %d pagina's, want 1", n)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "ouders.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo en pdftotext ontbreken (apt-get install poppler-utils); pagina's alleen uit de PDF zelf geteld")
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo zegt niets over pagina's:\n%s", out)
	}
	if n, _ := strconv.Atoi(string(m[1])); n != 1 {
		t.Errorf("pdfinfo: %d pagina's, want 1", n)
	}
	tekst, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	controleerOudersTekst(t, "PDF", string(tekst))
}

func TestOudersHTML(t *testing.T) {
	o := ouTestOuders(t)
	var buf bytes.Buffer
	if err := WriteOudersHTML(&buf, o); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	for _, want := range []string{`<html lang="nl">`, "<main>", `<h2 id="themas">`, "<blockquote>", "@media print",
		"font-size: 1.25rem", "<title>"} {
		if !strings.Contains(doc, want) {
			t.Errorf("HTML mist %q", want)
		}
	}
	if strings.Count(doc, "<h1") != 1 {
		t.Error("niet precies één <h1>")
	}
	for _, s := range []string{"<script", "http://", "https://", "src=", "href=", "url(", "@import"} {
		if strings.Contains(doc, s) {
			t.Errorf("HTML bevat %q; de pagina moet op zichzelf staan", s)
		}
	}
	// The visible text: tags and the style sheet out.
	tekst := regexp.MustCompile(`(?s)<style>.*</style>|<[^>]+>`).ReplaceAllString(doc, " ")
	controleerOudersTekst(t, "HTML", tekst)
}

func TestOudersDeterministisch(t *testing.T) {
	render := func() ([]byte, []byte) {
		o := ouTestOuders(t)
		var p, h bytes.Buffer
		if err := WriteOudersPDF(&p, o); err != nil {
			t.Fatal(err)
		}
		if err := WriteOudersHTML(&h, o); err != nil {
			t.Fatal(err)
		}
		return p.Bytes(), h.Bytes()
	}
	pa, ha := render()
	pb, hb := render()
	if !bytes.Equal(pa, pb) || !bytes.Equal(ha, hb) {
		t.Error("twee keer dezelfde terugkoppeling geeft andere bestanden")
	}
}

func TestOudersZonderVerhalen(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	co := kansrijk.Coalitie{Naam: "Dijkwaard", Gemeenten: []string{"Dijkwaard"}}
	o, err := oudersUit(&kansrijk.Config{Coalities: []kansrijk.Coalitie{co}}, co, Opties{Kwartaal: q}, &stories.Verhalen{}, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if o.Verhalen || len(o.Themas)+len(o.Citaten)+len(o.Veranderd) != 0 {
		t.Fatalf("zonder verhalen: %+v", o)
	}
	var p, h bytes.Buffer
	if err := WriteOudersPDF(&p, o); err != nil {
		t.Fatal(err)
	}
	if err := WriteOudersHTML(&h, o); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h.String(), oudersGeenVerhalen) || !strings.Contains(h.String(), oudersGeenVeranderd) {
		t.Error("de pagina zegt niet dat er nog geen verhalen en veranderingen zijn")
	}
}
