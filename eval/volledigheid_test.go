package eval_test

import (
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

func TestVolledigheid(t *testing.T) {
	cfg := config(t)
	k1, k2 := kw(t, "2026-K1"), kw(t, "2026-K2")
	cs := cijfers(
		ok("Lindehoven", "KS01", k1, 40, 60),
		ok("Lindehoven", "KS01", k2, 41, 60),
		ok("Lindehoven", "KS09", k2, 12, 20),
		fig{Coalitie: "Lindehoven", Indicator: "KS07", Kwartaal: k1, Status: eval.StatusBronOnderdrukt},
		fig{Coalitie: "Lindehoven", Indicator: "KS07", Kwartaal: k2, Status: eval.StatusGeenNoemer},
		fig{Coalitie: "Vechtmonde", Indicator: "KS09", Kwartaal: k1, Status: eval.StatusNietBeschikbaar},
		fig{Coalitie: "Vechtmonde", Indicator: "KS08", Kwartaal: k1, Status: eval.StatusNietBeschikbaar},
		ok("Dijkwaard", "KS01", k1, 3, 8).klein(),
	)
	as := []eval.Aanlevering{
		{Coalitie: "Lindehoven", Partner: "Verloskundigen Lindehoven", Kwartaal: k1, Status: eval.Gecorrigeerd, Leveringen: 2},
		{Coalitie: "Lindehoven", Partner: "Verloskundigen Lindehoven", Kwartaal: k2, Status: eval.Geleverd, Leveringen: 1},
		{Coalitie: "Lindehoven", Partner: "Sociaal wijkteam Lindehoven", Kwartaal: k1, Status: eval.Ontbreekt},
		{Coalitie: "Lindehoven", Partner: "Sociaal wijkteam Lindehoven", Kwartaal: k2, Status: eval.Geleverd, Leveringen: 1},
		{Coalitie: "Vechtmonde", Partner: "Sociaal wijkteam Ommerveld", Kwartaal: k1, Status: eval.Geleverd, Leveringen: 1},
		{Coalitie: "Vechtmonde", Partner: "Sociaal wijkteam Dalwijk", Kwartaal: k1, Status: eval.Ontbreekt},
		// Kraamzorg corrected its workbook: every figure of it rests on it.
		{Coalitie: "Vechtmonde", Partner: "Kraamzorg Noord", Kwartaal: k1, Status: eval.Gecorrigeerd, Leveringen: 2},
	}
	ns := eval.Volledigheid(cs, as, cfg, []kansrijk.Kwartaal{k1, k2})
	if want := len(cfg.Coalities) * len(cfg.Indicatoren) * 2; len(ns) != want {
		t.Fatalf("got %d notes, want one per coalitie, indicator and kwartaal (%d)", len(ns), want)
	}
	got := map[string]eval.Noot{}
	for _, n := range ns {
		got[n.Coalitie+" "+n.Indicator+" "+n.Kwartaal.String()] = n
	}
	for _, c := range []struct {
		key    string
		status eval.Volledigheidsstatus
		tekst  string
	}{
		{"Lindehoven KS01 2026-K1", eval.Volledig, "gebaseerd op een gecorrigeerde levering van Verloskundigen Lindehoven"},
		{"Lindehoven KS01 2026-K2", eval.Volledig, ""},
		{"Lindehoven KS09 2026-K1", eval.NietAangeleverd, "niet aangeleverd door Sociaal wijkteam Lindehoven"},
		{"Lindehoven KS09 2026-K2", eval.Volledig, ""},
		{"Lindehoven KS07 2026-K1", eval.NietBerekenbaar, "niet berekenbaar: de partner leverde <5 aan"},
		{"Lindehoven KS07 2026-K2", eval.NietBerekenbaar, "niet berekenbaar: niemand om mee te tellen (0 van 0)"},
		{"Vechtmonde KS09 2026-K1", eval.NietBerekenbaar, "niet berekenbaar: niet aangeleverd door Sociaal wijkteam Dalwijk"},
		{"Vechtmonde KS08 2026-K1", eval.NietBerekenbaar, "niet berekenbaar: niet beschikbaar bij de partner of voor een van de gemeenten; gebaseerd op een gecorrigeerde levering van Kraamzorg Noord"},
		{"Vechtmonde KS09 2026-K2", eval.NietAangeleverd, "niet aangeleverd"},
		// Small numbers are a matter of privacy, not completeness.
		{"Dijkwaard KS01 2026-K1", eval.Volledig, ""},
		{"Havenstad KS10 2026-K1", eval.NietAangeleverd, "niet aangeleverd"},
	} {
		n, ok := got[c.key]
		if !ok || n.Status != c.status || n.Tekst != c.tekst {
			t.Errorf("%s: %s %q, want %s %q", c.key, n.Status, n.Tekst, c.status, c.tekst)
		}
	}
	if n := got["Vechtmonde KS09 2026-K1"]; len(n.Ontbrekend) != 1 || n.Ontbrekend[0] != "Sociaal wijkteam Dalwijk" {
		t.Errorf("Vechtmonde KS09 ontbrekend = %v", n.Ontbrekend)
	}
	// A correction of the verloskunde levering says nothing about KS09.
	if n := got["Lindehoven KS09 2026-K2"]; len(n.Gecorrigeerd) != 0 {
		t.Errorf("KS09 rests on %v", n.Gecorrigeerd)
	}
}
