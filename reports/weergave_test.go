package reports

import (
	"strings"
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// TestCellen checks the table cells of both reports against figures
// chosen by hand; every expected text is worked out by hand as well.
func TestCellen(t *testing.T) {
	c := func(ind string, teller, noemer float64, st eval.Status) eval.Cijfer {
		return eval.Cijfer{Coalitie: "Vechtmonde", Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 3},
			Indicator: ind, Teller: teller, Noemer: noemer, Status: st}
	}
	for _, tc := range []struct {
		naam           string
		c              eval.Cijfer
		teller, noemer string
		percentage     string // cell text including the marker
	}{
		// 47/64 = 0,734375.
		{"ok personen", c("KS01", 47, 64, eval.StatusOK), "47", "64", "73,4%"},
		// A zero count is not small; 0/12 = 0%.
		{"ok nul", c("KS01", 0, 12, eval.StatusOK), "0", "12", "0,0%"},
		{"geen noemer", c("KS01", 0, 0, eval.StatusGeenNoemer), "0", "0", "—²"},
		// Noemer 7: no percentage; teller 6 is not small in itself but
		// would give it away with the noemer, so both are hidden.
		{"klein noemer", c("KS01", 6, 7, eval.StatusKlein), "—", "<10", "—¹"},
		{"klein teller", c("KS01", 3, 40, eval.StatusKlein), "<5", "40", "—¹"},
		{"klein beide", c("KS01", 4, 9, eval.StatusKlein), "<5", "<10", "—¹"},
		{"klein nul van weinig", c("KS01", 0, 5, eval.StatusKlein), "—", "<10", "—¹"},
		// 30/50 = 60,0% is not small, but hidden to protect a gemeente.
		{"secundair", c("KS01", 30, 50, eval.StatusSecundair), "—", "—", "—⁵"},
		// Aandachtspunten are not people: 2 of 10 = 20,0% is shown.
		{"KS10 2 van 10", c("KS10", 2, 10, eval.StatusOK), "2", "10", "20,0%"},
		// Hours are not people: 619,5/639,75 = 0,96835.
		{"KS08 uren", c("KS08", 619.5, 639.75, eval.StatusOK), "619,5", "639,75", "96,8%"},
		// 3,5/12 = 0,29167; a small number of hours stays a number.
		{"KS08 weinig uren", c("KS08", 3.5, 12, eval.StatusOK), "3,5", "12", "29,2%"},
		{"KS08 groot", c("KS08", 12345, 13000, eval.StatusOK), "12.345", "13.000", "95,0%"},
		{"bron onderdrukt", c("KS07", 0, 0, eval.StatusBronOnderdrukt), "—", "—", "<5 bij bron³"},
		{"niet beschikbaar", c("KS07", 0, 0, eval.StatusNietBeschikbaar), "—", "—", "n.b.⁴"},
		{"niet aangeleverd", eval.Cijfer{}, "—", "—", "niet aangeleverd"},
	} {
		t.Run(tc.naam, func(t *testing.T) {
			if got := tellerTekst(tc.c); got != tc.teller {
				t.Errorf("teller = %q, want %q", got, tc.teller)
			}
			if got := noemerTekst(tc.c); got != tc.noemer {
				t.Errorf("noemer = %q, want %q", got, tc.noemer)
			}
			if got := percentageCel(tc.c).String(); got != tc.percentage {
				t.Errorf("percentage = %q, want %q", got, tc.percentage)
			}
		})
	}
}

// TestCellenTellerVanPersonen: eval marks 3 of 40 as klein, so an OK
// figure with teller 3 does not occur; should one slip through, its
// count cell still says <5 for people, and not for hours.
func TestCellenTellerVanPersonen(t *testing.T) {
	for _, tc := range []struct {
		ind, want string
	}{{"KS01", "<5"}, {"KS09", "<5"}, {"", "<5"}, {"KS08", "3"}, {"KS10", "3"}} {
		c := eval.Cijfer{Indicator: tc.ind, Teller: 3, Noemer: 40, Status: eval.StatusOK}
		if got := tellerTekst(c); got != tc.want {
			t.Errorf("%q: teller 3 van 40 = %q, want %q", tc.ind, got, tc.want)
		}
	}
	c := eval.Cijfer{Indicator: "KS01", Teller: 0, Noemer: 4, Status: eval.StatusGeenNoemer}
	if got := noemerTekst(c); got != "<5" {
		t.Errorf("noemer 4 van personen = %q, want <5", got)
	}
}

func TestStand(t *testing.T) {
	for _, tc := range []struct {
		c    eval.Cijfer
		want string
	}{
		{eval.Cijfer{Indicator: "KS01", Teller: 47, Noemer: 64, Status: eval.StatusOK}, "73,4% (47 van 64)"},
		{eval.Cijfer{Indicator: "KS10", Teller: 2, Noemer: 10, Status: eval.StatusOK}, "20,0% (2 van 10)"},
		{eval.Cijfer{Indicator: "KS08", Teller: 619.5, Noemer: 639.75, Status: eval.StatusOK}, "96,8% (619,5 van 639,75)"},
		{eval.Cijfer{Indicator: "KS01", Teller: 6, Noemer: 7, Status: eval.StatusKlein}, "niet getoond, de aantallen zijn te klein"},
		{eval.Cijfer{Indicator: "KS01", Teller: 30, Noemer: 50, Status: eval.StatusSecundair}, "niet getoond, aanvullend afgeschermd om kleine aantallen elders te beschermen"},
		{eval.Cijfer{Status: eval.StatusGeenNoemer}, "geen cijfer, er was niemand om mee te tellen"},
		{eval.Cijfer{Status: eval.StatusBronOnderdrukt}, "niet te berekenen, de partner leverde <5 aan"},
		{eval.Cijfer{Status: eval.StatusNietBeschikbaar}, "niet beschikbaar"},
		{eval.Cijfer{}, "niet aangeleverd"},
	} {
		if got := stand(tc.c); got != tc.want {
			t.Errorf("stand(%+v) = %q, want %q", tc.c, got, tc.want)
		}
	}
}

// TestNoten: every status that hides a figure has its own marker, the
// order is fixed, and notenVoor keeps it.
func TestNoten(t *testing.T) {
	want := []struct {
		st    eval.Status
		teken string
	}{
		{eval.StatusKlein, "¹"}, {eval.StatusGeenNoemer, "²"}, {eval.StatusBronOnderdrukt, "³"},
		{eval.StatusNietBeschikbaar, "⁴"}, {eval.StatusSecundair, "⁵"},
	}
	if len(noten) != len(want) {
		t.Fatalf("%d noten, want %d", len(noten), len(want))
	}
	for i, w := range want {
		if noten[i].Status != w.st || noten[i].Teken != w.teken || teken(w.st) != w.teken {
			t.Errorf("noot %d = %s %q, want %s %q", i, noten[i].Status, noten[i].Teken, w.st, w.teken)
		}
	}
	if teken(eval.StatusOK) != "" || teken("") != "" {
		t.Error("een getoond of niet aangeleverd cijfer heeft een voetnoot")
	}
	if !strings.HasPrefix(noten[4].Uitleg, "Aanvullend afgeschermd:") {
		t.Errorf("noot voor secundair: %q", noten[4].Uitleg)
	}
	got := notenVoor(map[eval.Status]bool{eval.StatusSecundair: true, eval.StatusOK: true, eval.StatusKlein: true, "": true})
	if len(got) != 2 || got[0].Teken != "¹" || got[1].Teken != "⁵" {
		t.Errorf("notenVoor = %+v, want ¹ en ⁵", got)
	}
}

// TestBevindingenSecundair: a gemeente hidden to protect another one
// never shows up in the findings; without eval's analysis a finding is
// the coalitie's figure alone.
func TestBevindingenSecundair(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	ind := kansrijk.DefaultIndicatoren()[0]
	r := &Rapport{
		Coalitie:  kansrijk.Coalitie{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk", "Hessel"}},
		Kwartaal:  q,
		Kwartalen: []kansrijk.Kwartaal{q},
		Indicatoren: []Reeks{{
			Indicator: ind,
			// 30+6+40 = 76 of 50+8+60 = 118: 64,4%.
			Coalitie: []eval.Cijfer{{Indicator: "KS01", Kwartaal: q, Teller: 76, Noemer: 118, Status: eval.StatusOK}},
			Gemeenten: []GemeenteReeks{
				{"Ommerveld", []eval.Cijfer{{Indicator: "KS01", Kwartaal: q, Teller: 30, Noemer: 50, Status: eval.StatusSecundair}}},
				{"Dalwijk", []eval.Cijfer{{Indicator: "KS01", Kwartaal: q, Teller: 6, Noemer: 8, Status: eval.StatusKlein}}},
				{"Hessel", []eval.Cijfer{{Indicator: "KS01", Kwartaal: q, Teller: 40, Noemer: 60, Status: eval.StatusOK}}},
			},
		}},
	}
	got := strings.Join(bevindingen(r, huidigIndex(r)), "\n")
	if want := "Vroege start zwangerschapszorg: 64,4% in 2026-K3."; got != want {
		t.Errorf("bevindingen = %q, want %q", got, want)
	}
}

func TestBevindingenLeeg(t *testing.T) {
	if got := bevindingen(&Rapport{}, -1); len(got) != 1 || got[0] != "Dit rapport bevat geen cijfers." {
		t.Errorf("bevindingen van een leeg rapport = %q", got)
	}
}
