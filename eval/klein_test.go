package eval_test

import (
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// The small-number rule: a figure with noemer < 10 or a teller of 1–4 is
// not shown; others are.
func TestKleineAantallen(t *testing.T) {
	co := kansrijk.Coalitie{Naam: "D", Gemeenten: []string{"D"}}
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	tests := []struct {
		teller, noemer float64
		ind            string
		toonbaar       bool
	}{
		{47, 64, "KS01", true},
		{6, 9, "KS01", false},  // noemer < 10
		{3, 40, "KS01", false}, // teller 1–4
		{0, 12, "KS01", true},  // 0 is no small count
		{36, 40, "KS01", true}, // complement 4: the rule does not ask for it
		{2, 10, "KS10", true},  // aandachtspunten are no people
		{3.5, 9, "KS08", true}, // hours are no people
		{0, 0, "KS01", false},  // no noemer
	}
	for _, tt := range tests {
		c := eval.CoalitieCijfer(co, tt.ind, q, []eval.Cijfer{{Gemeente: "D", Teller: tt.teller, Noemer: tt.noemer, Status: eval.StatusOK}})
		if c.Toonbaar() != tt.toonbaar {
			t.Errorf("%s %v/%v: Toonbaar = %v (status %s), want %v", tt.ind, tt.teller, tt.noemer, c.Toonbaar(), c.Status, tt.toonbaar)
		}
	}
}

// Secondary disclosure: with Ommerveld hidden (3 of 8) and the coalitie
// total shown, Dalwijk's figure would give Ommerveld away by subtraction,
// so Dalwijk is hidden too. With both gemeenten shown, or the total
// hidden, nothing more is hidden.
func TestSecundaireOnthulling(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	co := kansrijk.Coalitie{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk"}}
	klein := eval.Cijfer{Gemeente: "Ommerveld", Kwartaal: q, Teller: 3, Noemer: 8, Status: eval.StatusKlein}
	groot := eval.Cijfer{Gemeente: "Dalwijk", Kwartaal: q, Teller: 30, Noemer: 50, Status: eval.StatusOK}
	fs := []eval.Cijfer{klein, groot}
	total := eval.CoalitieCijfer(co, "KS01", q, fs)
	if !total.Toonbaar() || total.Teller != 33 || total.Noemer != 58 {
		t.Fatalf("total = %+v, want 33/58 shown", total)
	}
	eval.BeschermTegenAftrekken(fs, total)
	if fs[1].Status != eval.StatusSecundair || fs[1].Toonbaar() {
		t.Errorf("Dalwijk = %s, want hidden (secundair)", fs[1].Status)
	}
	if v, ok := fs[1].Waarde(); !ok || v != 0.6 {
		t.Errorf("a secondarily hidden figure keeps its exact value for internal use, got %v %v", v, ok)
	}

	both := []eval.Cijfer{groot, {Gemeente: "Ommerveld", Kwartaal: q, Teller: 20, Noemer: 40, Status: eval.StatusOK}}
	eval.BeschermTegenAftrekken(both, eval.CoalitieCijfer(co, "KS01", q, both))
	for _, f := range both {
		if f.Status != eval.StatusOK {
			t.Errorf("%s = %s; nothing small, nothing to hide", f.Gemeente, f.Status)
		}
	}
}

// With two other gemeenten of the same noemer, the one hidden alongside
// the small figure is the first by name, whatever the order they come in.
func TestSecundaireOnthullingGelijkeNoemer(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	co := kansrijk.Coalitie{Naam: "Drie", Gemeenten: []string{"Amstel", "Beek", "Cuijk"}}
	klein := eval.Cijfer{Gemeente: "Cuijk", Kwartaal: q, Teller: 2, Noemer: 20, Status: eval.StatusKlein}
	beek := eval.Cijfer{Gemeente: "Beek", Kwartaal: q, Teller: 10, Noemer: 30, Status: eval.StatusOK}
	amstel := eval.Cijfer{Gemeente: "Amstel", Kwartaal: q, Teller: 12, Noemer: 30, Status: eval.StatusOK}
	for _, fs := range [][]eval.Cijfer{{klein, beek, amstel}, {amstel, klein, beek}} {
		eval.BeschermTegenAftrekken(fs, eval.CoalitieCijfer(co, "KS01", q, fs))
		for _, f := range fs {
			want := eval.StatusOK
			switch f.Gemeente {
			case "Cuijk":
				want = eval.StatusKlein
			case "Amstel":
				want = eval.StatusSecundair
			}
			if f.Status != want {
				t.Errorf("order %s…: %s = %s, want %s", fs[0].Gemeente, f.Gemeente, f.Status, want)
			}
		}
	}
}
