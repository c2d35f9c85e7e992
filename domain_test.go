package kansrijk

import (
	"testing"
)

func testConfig() *Config {
	return &Config{Coalities: []Coalitie{
		{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}},
		{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk aan Zee"}},
		{Naam: "Zuid", Gemeenten: []string{"Éénhoorn"}},
	}}
}

func TestGemeente(t *testing.T) {
	cfg := testConfig()
	tests := []struct {
		in, gemeente, coalitie string
		ok                     bool
	}{
		{"Havenstad", "Havenstad", "Havenstad", true},
		{"  HAVENSTAD\u00a0", "Havenstad", "Havenstad", true},
		{"dalwijk  aan\tzee", "Dalwijk aan Zee", "Vechtmonde", true},
		{"Dalwijk\u00a0aan Zee ", "Dalwijk aan Zee", "Vechtmonde", true},
		{"ommerveld", "Ommerveld", "Vechtmonde", true},
		{"ÉÉNHOORN", "Éénhoorn", "Zuid", true},
		{"Dalwijkaan Zee", "", "", false},
		{"Dalwijk aan", "", "", false},
		{"Havenstadt", "", "", false},
		{"Haven", "", "", false},
		{"", "", "", false},
		{" \u00a0\t", "", "", false},
	}
	plaatsen := NieuwePlaatsen(cfg)
	for range 2 { // the second time from memory
		for _, tt := range tests {
			g, c, ok := cfg.Gemeente(tt.in)
			if g != tt.gemeente || c != tt.coalitie || ok != tt.ok {
				t.Errorf("Gemeente(%q) = %q, %q, %v; want %q, %q, %v", tt.in, g, c, ok, tt.gemeente, tt.coalitie, tt.ok)
			}
			if p := plaatsen.Van(tt.in); p != (Plaats{tt.gemeente, tt.coalitie, tt.ok}) {
				t.Errorf("Plaatsen.Van(%q) = %+v; want %q, %q, %v", tt.in, p, tt.gemeente, tt.coalitie, tt.ok)
			}
		}
	}
	if co, ok := cfg.Coalitie(" vechtMONDE"); !ok || co.Naam != "Vechtmonde" {
		t.Errorf("Coalitie(\" vechtMONDE\") = %q, %v; want Vechtmonde", co.Naam, ok)
	}
}

func TestGemeenteAlloceertNiet(t *testing.T) {
	cfg := testConfig()
	if n := testing.AllocsPerRun(100, func() { cfg.Gemeente(" dalwijk AAN zee") }); n != 0 {
		t.Errorf("Gemeente allocates %v times per call, want 0", n)
	}
}

// FuzzNormGelijk checks the allocation-free comparison against the
// definition: two names match exactly when their NormGemeente are equal.
func FuzzNormGelijk(f *testing.F) {
	for _, p := range [][2]string{
		{"Havenstad", " havenstad "}, {"a  b", "a b"}, {"a b", "ab"}, {"\u212a", "k"},
		{"\xff", "\ufffd"}, {"x\u00a0", "X"}, {"", " "}, {" a", "a "}, {"İ", "i̇"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := normGelijk(a, b), NormGemeente(a) == NormGemeente(b); got != want {
			t.Errorf("normGelijk(%q, %q) = %v; NormGemeente gives %q and %q", a, b, got, NormGemeente(a), NormGemeente(b))
		}
		if got, want := leeg(a), NormGemeente(a) == ""; got != want {
			t.Errorf("leeg(%q) = %v, want %v", a, got, want)
		}
	})
}
