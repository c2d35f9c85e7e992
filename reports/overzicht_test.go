package reports

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
)

// ovVerborgen is the percentage of Kleinkamp's KS01 in 2026-K3: 7/9 =
// 77,8%, not shown as the noemer is below 10. ovSecundair is Zandhoek's
// KS01 in 2026-K2, 333/500 = 66,6%, hidden to protect another figure.
// Neither may appear anywhere in the overview.
var (
	ovVerborgen = []string{"77,8", "77.8", "77,7", "77.7"}
	ovSecundair = []string{"82,4", "82.4"}
)

// ovTestConfig has five coalities: three large, one small and one with
// a hidden figure in the reporting kwartaal.
func ovTestConfig() *kansrijk.Config {
	ind := kansrijk.DefaultIndicatoren()
	return &kansrijk.Config{
		Regio: "Regio Test (fictief)",
		Coalities: []kansrijk.Coalitie{
			{Naam: "Noordhaven", Gemeenten: []string{"Noordhaven"}},
			{Naam: "Oostveen", Gemeenten: []string{"Oostveen"}},
			{Naam: "Zandhoek", Gemeenten: []string{"Zandhoek"}},
			{Naam: "Westerdijk", Gemeenten: []string{"Westerdijk"}},
			{Naam: "Kleinkamp", Gemeenten: []string{"Kleinkamp"}},
		},
		Indicatoren: []kansrijk.Indicator{ind[0], ind[1], ind[7]},
	}
}

// ovTestCijfers are hand-made coalitie figures over 2025-K4..2026-K3.
//
// KS01 in 2026-K3: Noordhaven 900/1000 and Westerdijk 500/1000 lie far
// from the pooled mean, Oostveen and Zandhoek within its limits, and
// Kleinkamp's 7/9 is small. KS02: every figure is near the mean, and
// Westerdijk's 6/50 = 12% is twice the others but has a noemer so small that
// its limits are wide. KS08 counts hours: no comparison at all.
func ovTestCijfers() []eval.Cijfer {
	qs := kansrijk.Between(kansrijk.Kwartaal{Jaar: 2025, K: 4}, kansrijk.Kwartaal{Jaar: 2026, K: 3})
	var cs []eval.Cijfer
	add := func(co, ind string, i int, t, n float64, st eval.Status) {
		cs = append(cs, eval.Cijfer{Coalitie: co, Kwartaal: qs[i], Indicator: ind, Teller: t, Noemer: n, Status: st})
	}
	ok := eval.StatusOK
	for i := range qs {
		add("Noordhaven", "KS01", i, 880+float64(i)*5, 1000, ok)
		add("Oostveen", "KS01", i, 700, 1000, ok)
		add("Westerdijk", "KS01", i, 520-float64(i)*5, 1000, ok)
		add("Noordhaven", "KS02", i, 60, 1000, ok)
		add("Oostveen", "KS02", i, 62, 1000, ok)
		add("Zandhoek", "KS02", i, 58, 1000, ok)
		add("Westerdijk", "KS02", i, 6, 50, ok)
		add("Noordhaven", "KS08", i, 900, 1000, ok)
		add("Oostveen", "KS08", i, 800, 1000, ok)
		add("Zandhoek", "KS08", i, 700, 1000, ok)
		add("Kleinkamp", "KS08", i, 40, 50, ok)
	}
	add("Zandhoek", "KS01", 0, 690, 1000, ok)
	add("Zandhoek", "KS01", 1, 695, 1000, ok)
	add("Zandhoek", "KS01", 2, 412, 500, eval.StatusSecundair)
	add("Zandhoek", "KS01", 3, 710, 1000, ok)
	add("Kleinkamp", "KS01", 3, 7, 9, eval.StatusKlein)
	return cs
}

func ovTestOverzicht() *Overzicht {
	return BuildOverzicht(ovTestConfig(), ovTestCijfers(), Opties{
		Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 3},
		Gemaakt:  time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
	})
}

func zoekIndicator(t *testing.T, o *Overzicht, code string) OverzichtIndicator {
	t.Helper()
	for _, oi := range o.Indicatoren {
		if oi.Indicator.Code == code {
			return oi
		}
	}
	t.Fatalf("%s staat niet in het overzicht", code)
	return OverzichtIndicator{}
}

func groepNamen(g rangGroep) string {
	var s []string
	for _, p := range g.Plekken {
		s = append(s, p.Coalitie)
	}
	return strings.Join(s, ",")
}

func TestRangordeAlleenBuitenToeval(t *testing.T) {
	o := ovTestOverzicht()
	if len(o.Kwartalen) != 4 || o.Kwartalen[3] != o.Kwartaal {
		t.Fatalf("kwartalen %v", o.Kwartalen)
	}

	r := maakRangorde(o, zoekIndicator(t, o, "KS01"))
	if len(r.Groepen) != 2 || r.Groepen[0].Label != "Beter" || groepNamen(r.Groepen[0]) != "Noordhaven" ||
		r.Groepen[1].Label != "Minder goed" || groepNamen(r.Groepen[1]) != "Westerdijk" {
		t.Errorf("KS01: groepen %+v, want Beter Noordhaven en Minder goed Westerdijk", r.Groepen)
	}
	if strings.Join(r.Midden, ",") != "Oostveen,Zandhoek" {
		t.Errorf("KS01: midden %v, want Oostveen en Zandhoek", r.Midden)
	}
	// Kleinkamp's 7/9 may not be shown, so it is not ranked at all.
	if strings.Join(r.Zonder, ",") != "Kleinkamp" {
		t.Errorf("KS01: zonder cijfer %v, want Kleinkamp", r.Zonder)
	}

	// Westerdijk's 12% is twice the others, but 50 births leave
	// room for chance: no ranking.
	r = maakRangorde(o, zoekIndicator(t, o, "KS02"))
	if len(r.Groepen) != 0 || !strings.Contains(r.Tekst, "te klein om de coalities te rangschikken") {
		t.Errorf("KS02: %+v, want no ranking and a plain sentence why", r)
	}

	r = maakRangorde(o, zoekIndicator(t, o, "KS08"))
	if len(r.Groepen) != 0 || !strings.Contains(r.Tekst, "Geen rangorde") || !strings.Contains(r.Tekst, "geen personen") {
		t.Errorf("KS08: %+v, want no ranking: hours are not people", r)
	}
}

// TestRangordeTweedeSlot hands maakRangorde a comparison that eval would
// never give: "above the mean" for a figure that may not be shown. It
// must not rank it.
func TestRangordeTweedeSlot(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	in := kansrijk.DefaultIndicatoren()[1] // KS02: lager is beter
	reeks := func(co string, teller, noemer float64, st eval.Status, oordeel string) Reeks {
		c := eval.Cijfer{Coalitie: co, Kwartaal: q, Indicator: in.Code, Teller: teller, Noemer: noemer, Status: st}
		b := eval.Beoordeling{Coalitie: co, Indicator: in.Code, Kwartaal: q, Status: st, Getoond: true, Waarde: teller / noemer,
			Vergelijking: &eval.Vergelijking{Oordeel: oordeel, Gemiddelde: 0.06, Coalities: 4}}
		return Reeks{Indicator: in, Coalitie: []eval.Cijfer{c}, Beoordelingen: []eval.Beoordeling{b}}
	}
	o := &Overzicht{Kwartaal: q, Kwartalen: []kansrijk.Kwartaal{q},
		Coalities: []kansrijk.Coalitie{{Naam: "A"}, {Naam: "B"}, {Naam: "C"}, {Naam: "D"}, {Naam: "E"}}}
	oi := OverzichtIndicator{Indicator: in, Reeksen: []Reeks{
		reeks("A", 30, 1000, eval.StatusOK, eval.OnderGemiddelde),
		reeks("B", 20, 1000, eval.StatusOK, eval.OnderGemiddelde),
		reeks("C", 60, 1000, eval.StatusOK, eval.ZoalsGemiddelde),
		reeks("D", 100, 1000, eval.StatusOK, eval.BovenGemiddelde),
		reeks("E", 3, 8, eval.StatusKlein, eval.BovenGemiddelde),
	}}
	r := maakRangorde(o, oi)
	// Lager is beter: below the mean first, lowest first.
	if len(r.Groepen) != 2 || r.Groepen[0].Label != "Beter" || groepNamen(r.Groepen[0]) != "B,A" ||
		r.Groepen[1].Label != "Minder goed" || groepNamen(r.Groepen[1]) != "D" {
		t.Errorf("groepen %+v, want Beter B,A and Minder goed D", r.Groepen)
	}
	if strings.Join(r.Zonder, ",") != "E" {
		t.Errorf("zonder %v, want E", r.Zonder)
	}
	for _, rg := range rangRegels(o, r) {
		if strings.Contains(rg.Tekst, "37,5") {
			t.Errorf("the hidden 3/8 is in the ranking: %q", rg.Tekst)
		}
	}
}

func renderOverzicht(t *testing.T, o *Overzicht) (pdf []byte, html string) {
	t.Helper()
	var p, h bytes.Buffer
	if err := WriteOverzichtPDF(&p, o); err != nil {
		t.Fatalf("WriteOverzichtPDF: %v", err)
	}
	if err := WriteOverzichtHTML(&h, o); err != nil {
		t.Fatalf("WriteOverzichtHTML: %v", err)
	}
	return p.Bytes(), h.String()
}

func TestOverzichtGeenVerborgenCijfer(t *testing.T) {
	pdf, html := renderOverzicht(t, ovTestOverzicht())
	eigen := htmlEigen(t, html)
	for _, want := range []string{"Noordhaven", "Kleinkamp", "KS01", "Vroege start zwangerschapszorg", "Rangorde",
		"niet te onderscheiden", "te klein om de coalities te rangschikken", "—"} {
		if !strings.Contains(eigen, want) {
			t.Errorf("HTML mist %q", want)
		}
	}
	for _, s := range append(append([]string{}, ovVerborgen...), ovSecundair...) {
		if strings.Contains(eigen, s) {
			t.Errorf("HTML (met grafiekdata) bevat het verborgen cijfer %q", s)
		}
	}
	// Each chart's data is in a <script type="application/json">: check
	// that they are there, so that the check above covered them.
	if n := strings.Count(eigen, `<script type="application/json"`); n != 3*5 {
		t.Errorf("%d grafieken in de HTML, want 15 (3 indicatoren × 5 coalities)", n)
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext ontbreekt (apt-get install poppler-utils); PDF-tekst niet gecontroleerd")
	}
	path := filepath.Join(t.TempDir(), "overzicht.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	tekst := string(out)
	for _, want := range []string{"Overzicht van alle coalities", "Inhoud", "Pagina 3 van", "Noordhaven", "Rangorde",
		"Beter", "Minder goed", "89,5%"} {
		if !strings.Contains(tekst, want) {
			t.Errorf("PDF mist %q", want)
		}
	}
	for _, s := range append(append([]string{}, ovVerborgen...), ovSecundair...) {
		if strings.Contains(tekst, s) {
			t.Errorf("PDF bevat het verborgen cijfer %q", s)
		}
	}
}

func TestOverzichtDeterministisch(t *testing.T) {
	pa, ha := renderOverzicht(t, ovTestOverzicht())
	pb, hb := renderOverzicht(t, ovTestOverzicht())
	if !bytes.Equal(pa, pb) {
		t.Error("twee keer hetzelfde overzicht geeft een andere PDF")
	}
	if ha != hb {
		t.Error("twee keer hetzelfde overzicht geeft andere HTML")
	}
}

func TestOverzichtHTMLOffline(t *testing.T) {
	_, html := renderOverzicht(t, ovTestOverzicht())
	controleerOffline(t, htmlEigen(t, html))
}

func TestOverzichtLeegEnNil(t *testing.T) {
	o := BuildOverzicht(ovTestConfig(), nil, Opties{Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 3}})
	if len(o.Indicatoren) != 0 {
		t.Fatalf("zonder cijfers %d indicatoren", len(o.Indicatoren))
	}
	renderOverzicht(t, o)
	if WriteOverzichtPDF(&bytes.Buffer{}, nil) == nil || WriteOverzichtHTML(&bytes.Buffer{}, nil) == nil {
		t.Error("nil overzicht geeft geen fout")
	}
}
