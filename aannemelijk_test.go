package kansrijk

import (
	"strings"
	"testing"
	"time"
)

func TestAannemelijk(t *testing.T) {
	nu := Kwartaal{2026, 4}
	for _, q := range []Kwartaal{{2010, 1}, {2025, 3}, {2026, 4}} {
		if err := q.Aannemelijk(nu); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	for q, want := range map[Kwartaal]string{{2027, 1}: "toekomst", {2031, 1}: "toekomst", {2009, 4}: "niet aannemelijk", {1900, 1}: "niet aannemelijk"} {
		if err := q.Aannemelijk(nu); err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), q.String()) {
			t.Errorf("%s: %v, want %q", q, err, want)
		}
	}
	d := func(y, m, dag int) time.Time { return time.Date(y, time.Month(m), dag, 0, 0, 0, 0, time.UTC) }
	for _, t0 := range []time.Time{d(2010, 1, 1), d(2026, 12, 31)} {
		if err := AannemelijkeDatum(t0, nu); err != nil {
			t.Errorf("%v: %v", t0, err)
		}
	}
	for _, t0 := range []time.Time{d(2009, 12, 31), d(2027, 1, 1), d(2031, 2, 3)} {
		if err := AannemelijkeDatum(t0, nu); err == nil || !strings.Contains(err.Error(), t0.Format("02-01-2006")) {
			t.Errorf("%v: %v, want a refusal naming the date", t0, err)
		}
	}
}

func TestRapportNaam(t *testing.T) {
	q := Kwartaal{2026, 3}
	for naam, want := range map[string]string{
		"Havenstad": "Kansrijke_Start_Havenstad_2026-K3", "Noord/Oost": "Kansrijke_Start_Noord_Oost_2026-K3",
		"Noord Oost": "Kansrijke_Start_Noord_Oost_2026-K3", `a:b*c?"<>|\d`: "Kansrijke_Start_a_b_c______d_2026-K3",
	} {
		if got := RapportNaam(Coalitie{Naam: naam}, q); got != want {
			t.Errorf("RapportNaam(%q) = %q, want %q", naam, got, want)
		}
	}
	if got := OudersNaam(Coalitie{Naam: "Dal"}, q); got != "Kansrijke_Start_Dal_ouders_2026-K3" {
		t.Errorf("OudersNaam = %q", got)
	}
}

func TestBronLeest(t *testing.T) {
	for naam, qda := range map[string]bool{"a.qdpx": true, "A.QDPX": true, "p.qde": true, "a.xlsx": false, "a.csv": false, "qdpx": false} {
		if BronQDA.Leest(naam) != qda || BronJGZ.Leest(naam) == qda {
			t.Errorf("Leest(%q): refiqda %v, jgz %v", naam, BronQDA.Leest(naam), BronJGZ.Leest(naam))
		}
	}
}
