package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

var htmlUit = flag.String("htmluit", "", "schrijf het HTML-testrapport ook naar dit bestand")

// htmlOnderdrukt is the percentage of the test's figure with noemer 7:
// 5/7 = 71,4%. It must appear nowhere in the report.
const htmlOnderdrukt = "71,4"

// htmlSecundair is the percentage of Ommerveld in 2026-K2, hidden because
// with the coalitie's 45/65 it would give away Dalwijk's 5/8: 40/57 =
// 0,70175 = 70,2%. It must appear nowhere in the report either.
const htmlSecundair = "70,2"

// htmlTestRapport is Vechtmonde (Ommerveld and Dalwijk) over 2025-K1 to
// 2026-K3, with every status the report has to handle.
func htmlTestRapport() *Rapport {
	qs := kansrijk.Between(kansrijk.Kwartaal{Jaar: 2025, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 3})
	c := func(g string, i int, teller, noemer float64, st eval.Status) eval.Cijfer {
		return eval.Cijfer{Coalitie: "Vechtmonde", Gemeente: g, Kwartaal: qs[i], Indicator: "KS01", Teller: teller, Noemer: noemer, Status: st}
	}
	ks01 := Reeks{
		Indicator: kansrijk.DefaultIndicatoren()[0],
		Coalitie: []eval.Cijfer{
			c("", 0, 40, 60, eval.StatusOK),   // 66,7%
			c("", 1, 5, 7, eval.StatusKlein),  // 71,4%: noemer < 10
			c("", 2, 3, 40, eval.StatusKlein), // teller 3
			{},                                // not delivered
			c("", 4, 0, 0, eval.StatusBronOnderdrukt), // <5 at the source
			c("", 5, 45, 65, eval.StatusOK),           // 69,2%
			c("", 6, 47, 64, eval.StatusOK),           // 73,4%
		},
		Gemeenten: []GemeenteReeks{
			{Gemeente: "Ommerveld", Cijfers: []eval.Cijfer{
				c("Ommerveld", 0, 30, 44, eval.StatusOK),
				c("Ommerveld", 1, 4, 5, eval.StatusKlein),
				c("Ommerveld", 2, 2, 28, eval.StatusKlein),
				{},
				c("Ommerveld", 4, 12, 20, eval.StatusOK),
				c("Ommerveld", 5, 40, 57, eval.StatusSecundair), // 70,2%
				c("Ommerveld", 6, 36, 48, eval.StatusOK),
			}},
			{Gemeente: "Dalwijk", Cijfers: []eval.Cijfer{
				c("Dalwijk", 0, 10, 16, eval.StatusOK),
				c("Dalwijk", 1, 1, 2, eval.StatusKlein),
				c("Dalwijk", 2, 1, 12, eval.StatusKlein),
				{},
				c("Dalwijk", 4, 0, 0, eval.StatusBronOnderdrukt),
				c("Dalwijk", 5, 5, 8, eval.StatusKlein),
				c("Dalwijk", 6, 11, 16, eval.StatusOK),
			}},
		},
	}
	ks07 := Reeks{
		Indicator: kansrijk.DefaultIndicatoren()[6],
		Coalitie: []eval.Cijfer{
			c("", 0, 20, 50, eval.StatusOK), c("", 1, 22, 50, eval.StatusOK), c("", 2, 25, 52, eval.StatusOK),
			c("", 3, 0, 0, eval.StatusGeenNoemer), c("", 4, 0, 0, eval.StatusNietBeschikbaar),
			c("", 5, 30, 55, eval.StatusOK), c("", 6, 33, 54, eval.StatusOK),
		},
	}
	for i := range ks07.Coalitie {
		ks07.Coalitie[i].Indicator = "KS07"
	}
	// Aandachtspunten out of 10 are not people: 2 of 10 is shown.
	ks10 := Reeks{Indicator: kansrijk.DefaultIndicatoren()[9]}
	for i, n := range []float64{1, 2, 2, 3, 4, 5, 7} {
		ks10.Coalitie = append(ks10.Coalitie, eval.Cijfer{Coalitie: "Vechtmonde", Kwartaal: qs[i], Indicator: "KS10", Teller: n, Noemer: 10, Status: eval.StatusOK})
	}
	q := qs[6]
	return &Rapport{
		Regio:       "Vechtstreek",
		Coalitie:    kansrijk.Coalitie{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk"}},
		Kwartaal:    q,
		Kwartalen:   qs,
		Gemaakt:     time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC),
		Indicatoren: []Reeks{ks01, ks07, ks10},
		Citaten: []stories.Citaat{
			{VerhaalID: "V1", Coalitie: "Vechtmonde", Kwartaal: q, Werkvorm: "Huiskamergesprek", Persona: "Jonge moeder",
				Toestemming: stories.Rapport, Tekst: "De verloskundige belde zelf terug. Dat gaf rust."},
			{VerhaalID: "V2", Coalitie: "Vechtmonde", Kwartaal: q, Werkvorm: "Interview", Persona: "Vader",
				Toestemming: stories.Openbaar, Tekst: "<script>alert(1)</script> stond er in mijn app."},
			{VerhaalID: "V3", Coalitie: "Vechtmonde", Kwartaal: q, Werkvorm: "Interview", Persona: "Moeder",
				Toestemming: stories.Intern, Tekst: "Alleen intern te tellen fragment."},
		},
		Bronnen: []Bron{
			{Partner: "Verloskundigenpraktijk De Vecht", Bestand: "verloskunde_vechtmonde_2026-K3.xlsx", Periode: "2026-K3",
				Ingelezen: time.Date(2026, 10, 14, 9, 30, 0, 0, time.UTC)},
			{Partner: "JGZ Vechtstreek", Bestand: "jgz_2026-K3_v2.xlsx", Periode: "2026-K3",
				Ingelezen: time.Date(2026, 10, 20, 14, 0, 0, 0, time.UTC)},
		},
	}
}

func renderHTML(t *testing.T, r *Rapport) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteHTML(&buf, r); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return buf.String()
}

// htmlEigen is the document without the inlined echarts library, whose
// code holds URL strings and arbitrary digits of its own.
func htmlEigen(t *testing.T, doc string) string {
	t.Helper()
	if strings.Count(doc, echartsJS) != 1 {
		t.Fatalf("echarts.min.js staat %d keer in het document, want 1", strings.Count(doc, echartsJS))
	}
	return strings.Replace(doc, echartsJS, "", 1)
}

func TestWriteHTML(t *testing.T) {
	doc := renderHTML(t, htmlTestRapport())
	if *htmlUit != "" {
		if err := os.WriteFile(*htmlUit, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eigen := htmlEigen(t, doc)

	for _, want := range []string{
		`<html lang="nl">`,
		"Vechtmonde", "Gemeenten Ommerveld en Dalwijk", "2026-K3", "Vechtstreek", "23 november 2026",
		"73,4%", // 47/64, the reporting kwartaal
		"66,7%", // 40/60
		"&lt;5", // teller 3 and the source-suppressed figure
		"niet aangeleverd", "n.b.", "&lt;5 bij bron",
		"<header", "<nav", "<main", "<footer", `href="#inhoud"`,
		`role="img"`, `aria-label="Lijngrafiek van KS01`,
		`<th scope="col">Teller</th>`, `<th scope="row">2025-K1</th>`, "<caption>",
		"<blockquote>", "<cite>Huiskamergesprek, Jonge moeder, 2026-K3</cite>",
		"In het kort", "Wat ouders vertellen", "Bronnen en werkwijze",
		"verloskunde_vechtmonde_2026-K3.xlsx", "14 oktober 2026",
		"echarts.init(",
	} {
		if !strings.Contains(eigen, want) {
			t.Errorf("document mist %q", want)
		}
	}
	if n := strings.Count(eigen, "<h1"); n != 1 {
		t.Errorf("%d <h1>, want 1", n)
	}
	if !strings.Contains(echartsJS, "echarts") || !strings.Contains(doc, "<script>"+echartsJS+"</script>") {
		t.Error("echarts is niet inline opgenomen")
	}
	if strings.Contains(eigen, "Alleen intern") {
		t.Error("een citaat met toestemming intern staat in het rapport")
	}
}

func TestWriteHTMLOffline(t *testing.T) {
	controleerOffline(t, htmlEigen(t, renderHTML(t, htmlTestRapport())))
}

// controleerOffline checks that a document's own markup (the inlined
// echarts left out) refers to nothing outside itself.
func controleerOffline(t *testing.T, eigen string) {
	t.Helper()
	for _, s := range []string{"http://", "https://", "//cdn", "@import", "url("} {
		if strings.Contains(eigen, s) {
			t.Errorf("document bevat %q: een verwijzing naar buiten", s)
		}
	}
	// Every src or href must stay inside the document.
	for _, m := range regexp.MustCompile(`(?i)\b(src|href)\s*=\s*["']?([^"'\s>]*)`).FindAllStringSubmatch(eigen, -1) {
		if m[1] == "src" || !strings.HasPrefix(m[2], "#") {
			t.Errorf("%s=%q wijst buiten het document", m[1], m[2])
		}
	}
	for _, tag := range regexp.MustCompile(`(?i)<script[^>]*>`).FindAllString(eigen, -1) {
		if tag != "<script>" && !strings.HasPrefix(tag, `<script type="application/json"`) {
			t.Errorf("onverwachte script-tag %s", tag)
		}
	}
}

// controleerInhoud checks the PDF's table of contents on page 2: every
// line lands on the page it names, as a line of its own there. pagina
// runs pdftotext with the given arguments. It returns each title's page.
func controleerInhoud(t *testing.T, pagina func(args ...string) string) map[string]int {
	t.Helper()
	regel := regexp.MustCompile(`(?m)^\s*(\S.*?)\s*(?:\.\s*){3,}(\d+)\s*$`)
	op := map[string]int{}
	for _, m := range regel.FindAllStringSubmatch(pagina("-layout", "-f", "2", "-l", "2"), -1) {
		titel := m[1]
		p, _ := strconv.Atoi(m[2])
		op[titel] = p
		var regels []string
		for _, l := range strings.Split(pagina("-f", m[2], "-l", m[2]), "\n") {
			regels = append(regels, strings.Join(strings.Fields(l), " "))
		}
		if p < 3 || !strings.Contains("\n"+strings.Join(regels, "\n")+"\n", "\n"+titel+"\n") {
			t.Errorf("inhoud: %q op pagina %d, maar daar staat die kop niet", titel, p)
		}
	}
	return op
}

func TestWriteHTMLDeterministisch(t *testing.T) {
	a := renderHTML(t, htmlTestRapport())
	for range 3 {
		if b := renderHTML(t, htmlTestRapport()); a != b {
			t.Fatal("twee keer hetzelfde rapport geeft verschillende HTML")
		}
	}
}

func TestWriteHTMLKleineAantallen(t *testing.T) {
	eigen := htmlEigen(t, renderHTML(t, htmlTestRapport()))
	// The suppressed percentages, in Dutch and in JSON notation.
	for _, s := range []string{htmlOnderdrukt, strings.Replace(htmlOnderdrukt, ",", ".", 1), "71.42",
		htmlSecundair, strings.Replace(htmlSecundair, ",", ".", 1), "70.17"} {
		if strings.Contains(eigen, s) {
			t.Errorf("onderdrukt percentage %q staat in het document", s)
		}
	}
	// 5/7: noemer below 10, so neither count is shown.
	k2 := regexp.MustCompile(`<th scope="row">2025-K2</th>(.*?)</tr>`).FindStringSubmatch(eigen)
	if k2 == nil {
		t.Fatal("geen rij voor 2025-K2")
	}
	if !strings.HasPrefix(k2[1], "<td>—<") || !strings.Contains(k2[1], "<td>&lt;10<") {
		t.Errorf("rij 2025-K2 (5 van 7) toont niet — en <10: %s", k2[1])
	}
	// Ommerveld in 2026-K2 is hidden with its own marker and note.
	gem := regexp.MustCompile(`id="ind-ks01-gem"(?s:.*?)<th scope="row">2026-K2</th>(.*?)</tr>`).FindStringSubmatch(eigen)
	if gem == nil {
		t.Fatal("geen rij voor 2026-K2 in de tabel per gemeente")
	}
	if want := `<td>69,2%</td><td>—<sup aria-hidden="true">⁵</sup><span class="vh"> (niet getoond, aanvullend afgeschermd)</span></td><td>—<sup aria-hidden="true">¹</sup>`; !strings.HasPrefix(gem[1], want) {
		t.Errorf("rij 2026-K2 per gemeente = %s, want begin %s", gem[1], want)
	}
	if !strings.Contains(eigen, "Aanvullend afgeschermd: dit cijfer is niet klein") {
		t.Error("de voetnoot voor aanvullend afgeschermde cijfers ontbreekt")
	}
	// 3/40 = 7,5% for teller 3; the row shows <5 and no percentage.
	rij := regexp.MustCompile(`<th scope="row">2025-K3</th>(.*?)</tr>`).FindStringSubmatch(eigen)
	if rij == nil {
		t.Fatal("geen rij voor 2025-K3")
	}
	if !strings.HasPrefix(rij[1], "<td>&lt;5") || strings.Contains(rij[1], "<td>3<") || strings.Contains(rij[1], "7,5") {
		t.Errorf("rij 2025-K3 toont een klein aantal: %s", rij[1])
	}
	// No count of people from 1 to 4 in any cell. KS10 counts
	// aandachtspunten: 2 of 10 is shown there.
	for _, sectie := range strings.Split(eigen, `<section class="indicator"`)[1:] {
		if strings.HasPrefix(sectie, ` id="ind-ks10"`) {
			if !strings.Contains(sectie, `<th scope="row">2025-K2</th><td>2</td><td>10</td><td>20,0%</td>`) {
				t.Error("KS10: 2 van 10 aandachtspunten staat er niet als 2, 10 en 20,0%")
			}
			continue
		}
		if m := regexp.MustCompile(`<td>[1-4]<`).FindString(sectie); m != "" {
			t.Errorf("cel met een aantal van 1 tot en met 4: %s", m)
		}
	}

	// The chart data: a gap ("-") wherever a figure may not be shown.
	opties := regexp.MustCompile(`<script type="application/json" id="optie-ks01">(.*?)</script>`).FindStringSubmatch(eigen)
	if opties == nil {
		t.Fatal("geen grafiekdata voor KS01")
	}
	var optie struct {
		Series []struct {
			Name string
			Data []struct{ Value any }
		}
	}
	if err := json.Unmarshal([]byte(opties[1]), &optie); err != nil {
		t.Fatalf("grafiekdata is geen JSON: %v", err)
	}
	want := map[string][]any{
		"Vechtmonde (coalitie)": {66.7, "-", "-", "-", "-", 69.2, 73.4},
		"Ommerveld":             {68.2, "-", "-", "-", 60.0, "-", 75.0},
		"Dalwijk":               {62.5, "-", "-", "-", "-", "-", 68.8},
	}
	if len(optie.Series) != len(want) {
		t.Fatalf("%d lijnen, want %d", len(optie.Series), len(want))
	}
	for _, s := range optie.Series {
		w, ok := want[s.Name]
		if !ok || len(s.Data) != len(w) {
			t.Errorf("lijn %q: %d punten", s.Name, len(s.Data))
			continue
		}
		for i, p := range s.Data {
			if p.Value != w[i] {
				t.Errorf("lijn %q punt %d = %v, want %v", s.Name, i, p.Value, w[i])
			}
		}
	}
}

func TestWriteHTMLEscapet(t *testing.T) {
	r := htmlTestRapport()
	r.Coalitie.Naam = `Vecht</script><script>alert(2)</script><!--`
	r.Indicatoren[0].Gemeenten[1].Gemeente = `Dal<b>wijk</b>`
	eigen := htmlEigen(t, renderHTML(t, r))

	for _, s := range []string{"<script>alert(1)", "<script>alert(2)", "</script><script>", "<!--", "<b>wijk"} {
		if strings.Contains(eigen, s) {
			t.Errorf("invoer %q staat onge-escapet in het document", s)
		}
	}
	if !strings.Contains(eigen, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("het citaat met <script> staat er niet als tekst")
	}
	// One <script> for echarts, one to draw, one with data per chart.
	if n, want := strings.Count(eigen, "<script"), 2+len(r.Indicatoren); n != want {
		t.Errorf("%d <script>-elementen, want %d", n, want)
	}
	for _, m := range regexp.MustCompile(`(?s)<script type="application/json"[^>]*>(.*?)</script>`).FindAllStringSubmatch(eigen, -1) {
		if strings.Contains(m[1], "<") {
			t.Errorf("grafiekdata bevat <: %.80s", m[1])
		}
		if !json.Valid([]byte(m[1])) {
			t.Errorf("grafiekdata is geen geldige JSON: %.80s", m[1])
		}
	}
}

func TestWriteHTMLNil(t *testing.T) {
	if err := WriteHTML(&bytes.Buffer{}, nil); err == nil {
		t.Error("WriteHTML(nil) geeft geen fout")
	}
}
