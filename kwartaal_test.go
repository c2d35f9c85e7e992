package kansrijk

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseKwartaal(t *testing.T) {
	want := Kwartaal{Jaar: 2026, K: 3}
	for _, s := range []string{"2026-K3", "2026-Q3", "Q3 2026", "K3 2026", "jul-sep 2026", "2026 kw3", " 2026-k3 ", "q3-2026", "Kwartaal 3 2026"} {
		got, err := ParseKwartaal(s)
		if err != nil || got != want {
			t.Errorf("ParseKwartaal(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for s, k := range map[string]int{"jan-mrt 2025": 1, "apr-jun 2025": 2, "okt-dec 2025": 4} {
		if got, err := ParseKwartaal(s); err != nil || got != (Kwartaal{2025, k}) {
			t.Errorf("ParseKwartaal(%q) = %v, %v; want 2025-K%d", s, got, err, k)
		}
	}
	for _, s := range []string{"", "2026-K5", "2026", "zomer 2026", "K3", "feb-apr 2026"} {
		if _, err := ParseKwartaal(s); err == nil {
			t.Errorf("ParseKwartaal(%q) gave no error", s)
		}
	}
}

func TestKwartaalArithmetic(t *testing.T) {
	q := Kwartaal{2025, 4}
	if got := q.Add(1); got != (Kwartaal{2026, 1}) {
		t.Errorf("2025-K4 + 1 = %v", got)
	}
	if got := q.Add(-4); got != (Kwartaal{2024, 4}) {
		t.Errorf("2025-K4 - 4 = %v", got)
	}
	if got := KwartaalVan(time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)); got != (Kwartaal{2025, 3}) {
		t.Errorf("KwartaalVan(30 sep 2025) = %v", got)
	}
	if !q.End().Equal(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("2025-K4 ends %v", q.End())
	}
	if n := len(Between(Kwartaal{2025, 1}, Kwartaal{2026, 3})); n != 7 {
		t.Errorf("2025-K1..2026-K3 has %d kwartalen, want 7", n)
	}
}

func TestNamen(t *testing.T) {
	tests := []struct {
		name   string
		q      string
		versie int
	}{
		{"Verloskundigen_Lindehoven_2025-Q2_v2.xlsx", "2025-K2", 2},
		{"wijkteam_dalwijk_2026-K1.csv", "2026-K1", 1},
		{"Procesmonitor_Havenstad_2025-K4 v3.xlsx", "2025-K4", 3},
	}
	for _, tt := range tests {
		q, ok := KwartaalInNaam(tt.name)
		if !ok || q.String() != tt.q {
			t.Errorf("KwartaalInNaam(%q) = %v, %v; want %s", tt.name, q, ok, tt.q)
		}
		if v := VersieInNaam(strings.TrimSuffix(tt.name, filepath.Ext(tt.name))); v != tt.versie {
			t.Errorf("VersieInNaam(%q) = %d, want %d", tt.name, v, tt.versie)
		}
	}
}

func FuzzParseKwartaal(f *testing.F) {
	for _, s := range []string{"2026-K3", "Q3 2026", "jul-sep 2026", "2026 kw3", "K9 2026", "0000-K1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseKwartaal(s)
		if err == nil && (q.K < 1 || q.K > 4 || q.Jaar < 1900 || q.Jaar > 2200) {
			t.Errorf("ParseKwartaal(%q) = %+v", s, q)
		}
		if err == nil {
			if back, err := ParseKwartaal(q.String()); err != nil || back != q {
				t.Errorf("ParseKwartaal(%q) does not round-trip: %v, %v", q.String(), back, err)
			}
		}
	})
}

// File names: a quarter found is a real one, and a version at least 1.
func FuzzInNaam(f *testing.F) {
	for _, s := range []string{"Verloskundigen_Lindehoven_2025-Q2_v2.xlsx", "wijkteam_2026-K1.csv", "x_v0.xlsx", "2025kw4", "v999", "_v1000.xlsx", "9999-Q9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if q, ok := KwartaalInNaam(name); ok && (q.K < 1 || q.K > 4 || q.Jaar < 1000 || q.Jaar > 9999) {
			t.Errorf("KwartaalInNaam(%q) = %+v", name, q)
		}
		if v := VersieInNaam(name); v < 1 || v > 999 {
			t.Errorf("VersieInNaam(%q) = %d", name, v)
		}
	})
}
