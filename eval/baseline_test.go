package eval_test

import (
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// The change since the baseline kwartaal: 2025-K1 60 of 100, 2026-K3 75
// of 100 → +15 percentage points.
func TestSindsBaseline(t *testing.T) {
	cfg := &kansrijk.Config{
		Coalities:   []kansrijk.Coalitie{{Naam: "H", Gemeenten: []string{"H"}}},
		Indicatoren: []kansrijk.Indicator{{Code: "KS01", Beter: "hoger", Baseline: "2025-K1"}},
	}
	base, nu := kansrijk.Kwartaal{Jaar: 2025, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 3}
	cs := []eval.Cijfer{
		{Coalitie: "H", Kwartaal: base, Indicator: "KS01", Teller: 60, Noemer: 100, Status: eval.StatusOK},
		{Coalitie: "H", Kwartaal: nu, Indicator: "KS01", Teller: 75, Noemer: 100, Status: eval.StatusOK},
	}
	bs := eval.Analyse(cs, cfg, nu)
	if len(bs) != 1 || bs[0].SindsBaseline == nil {
		t.Fatalf("Analyse = %+v, want a change since the baseline", bs)
	}
	if d := bs[0].SindsBaseline; d.Sinds != base || d.Procentpunten < 14.9999 || d.Procentpunten > 15.0001 {
		t.Errorf("SindsBaseline = %+v, want +15 pp since 2025-K1", d)
	}
}
