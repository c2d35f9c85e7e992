package reports

import (
	"reflect"
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

func TestBorgingIn(t *testing.T) {
	qs := kansrijk.Between(kansrijk.Kwartaal{Jaar: 2025, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 3})
	b := eval.BorgingCoalitie{Coalitie: "Havenstad"}
	for _, q := range qs {
		b.Kwartalen = append(b.Kwartalen, eval.BorgingKwartaal{Kwartaal: q})
	}
	const ng, io, gr = "Niet gestart", "In ontwikkeling", "Gerealiseerd"
	// Point 1 has stood still since 2025-K2 (6 kwartalen); point 2 since
	// 2025-K4, but only 2 kwartalen up to 2026-K1; point 3 moved on in
	// 2026-K3.
	b.Punten = []eval.Aandachtspunt{
		{Nr: 1, Status: []string{ng, io, io, io, io, io, io}, Stilstand: 6, Vastgelopen: true},
		{Nr: 2, Status: []string{ng, ng, ng, io, io, io, io}, Stilstand: 4, Vastgelopen: true},
		{Nr: 3, Status: []string{io, io, io, io, io, io, gr}},
	}

	// A report on 2026-K1 over 2025-K3..2026-K1 must not know what came
	// after 2026-K1.
	got := borgingIn(b, qs[2:5])
	if len(got.Kwartalen) != 3 || got.Kwartalen[0].Kwartaal != qs[2] || got.Kwartalen[2].Kwartaal != qs[4] {
		t.Fatalf("kwartalen = %+v, want 2025-K3..2026-K1", got.Kwartalen)
	}
	for i, want := range []struct {
		status      []string
		stilstand   int
		vastgelopen bool
	}{
		{[]string{io, io, io}, 4, true}, // 2025-K2..2026-K1, partly before the series
		{[]string{ng, io, io}, 2, false},
		{[]string{io, io, io}, 5, true},
	} {
		p := got.Punten[i]
		if !reflect.DeepEqual(p.Status, want.status) || p.Stilstand != want.stilstand || p.Vastgelopen != want.vastgelopen {
			t.Errorf("punt %d = %v %d %v, want %v %d %v", p.Nr, p.Status, p.Stilstand, p.Vastgelopen, want.status, want.stilstand, want.vastgelopen)
		}
	}
	// Up to the last kwartaal, eval's count stands.
	if got := borgingIn(b, qs); got.Punten[0].Stilstand != 6 || got.Punten[1].Stilstand != 4 {
		t.Errorf("stilstand over alle kwartalen = %d en %d, want 6 en 4", got.Punten[0].Stilstand, got.Punten[1].Stilstand)
	}
	if borgingIn(b, kansrijk.Between(kansrijk.Kwartaal{Jaar: 2027, K: 1}, kansrijk.Kwartaal{Jaar: 2027, K: 2})) != nil {
		t.Error("borging zonder kwartalen in de reeks is niet nil")
	}
}

func TestAanleveringenIn(t *testing.T) {
	qs := kansrijk.Between(kansrijk.Kwartaal{Jaar: 2026, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 4})
	as := []eval.Aanlevering{
		{Coalitie: "Dijkwaard", Partner: "JGZ", Kwartaal: qs[0], Status: eval.Geleverd},
		{Coalitie: "Havenstad", Partner: "JGZ", Kwartaal: qs[0], Status: eval.Geleverd},
		{Coalitie: "Havenstad", Partner: "JGZ", Kwartaal: qs[1], Status: eval.Gecorrigeerd},
		{Coalitie: "Havenstad", Partner: "JGZ", Kwartaal: qs[2], Status: eval.Ontbreekt},
		{Coalitie: "Havenstad", Partner: "Wijkteam", Kwartaal: qs[0], Status: eval.Geleverd},
	}
	var got []eval.Aanleverstatus
	for _, a := range aanleveringenIn(as, "Havenstad", qs) {
		got = append(got, a.Status)
	}
	// 2026-K4 lies past everything delivered: missing. So are Wijkteam's
	// kwartalen without a record.
	want := []eval.Aanleverstatus{eval.Geleverd, eval.Gecorrigeerd, eval.Ontbreekt, eval.Ontbreekt,
		eval.Geleverd, eval.Ontbreekt, eval.Ontbreekt, eval.Ontbreekt}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("aanleveringen = %v, want %v", got, want)
	}
}
