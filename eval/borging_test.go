package eval_test

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
)

// procesmonitor stores one procesmonitor levering of a coalitie: statuses
// of aandachtspunten 1..10 (fewer leave the rest out), and the counts.
func procesmonitor(t *testing.T, db *store.DB, coalitie string, q kansrijk.Kwartaal, versie int, statussen []string, tellingen ...int) {
	t.Helper()
	naam := fmt.Sprintf("Procesmonitor_%s_%s_v%d.xlsx", coalitie, q, versie)
	l := &store.Levering{Bestand: naam, Pad: "/in/" + naam, SHA256: naam, Partner: "Procesmonitor",
		Bron: kansrijk.BronProcesmonitor, Periode: coalitie + " " + q.String(), Versie: versie,
		Ingelezen: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), Ontbrekend: []string{}}
	in := &store.Inhoud{}
	for i, s := range statussen {
		in.Borging = append(in.Borging, store.Borging{Blad: "Procesmonitor", Cel: fmt.Sprintf("C%d", 8+i), Coalitie: coalitie,
			Kwartaal: q, Nr: i + 1, Aandachtspunt: fmt.Sprintf("punt %d", i+1), Status: s})
	}
	pm := store.Procesmonitor{Coalitie: coalitie, Kwartaal: q}
	telling := func(i int) *int {
		if i >= len(tellingen) || tellingen[i] < 0 {
			return nil // not filled in
		}
		return &tellingen[i]
	}
	pm.Partners, pm.Bijeenkomsten, pm.Ouders = telling(0), telling(1), telling(2)
	in.Procesmonitor = []store.Procesmonitor{pm}
	if err := db.VoegToe(context.Background(), l, in); err != nil {
		t.Fatal(err)
	}
}

const (
	ng = "Niet gestart"
	io = "In ontwikkeling"
	gr = "Gerealiseerd"
	gb = "Geborgd"
)

func TestBorgingHandmatig(t *testing.T) {
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := vierCoalities()
	k := func(s string) kansrijk.Kwartaal { return kw(t, s) }

	// Havenstad, five kwartalen. Point 6 stays In ontwikkeling from
	// 2025-K2 on: four kwartalen without change, vastgelopen. Point 7
	// moved from Niet gestart to In ontwikkeling in 2025-K4: two. Point 8
	// is In ontwikkeling throughout but was blank in 2025-K3, which breaks
	// the run. Point 10 is realised at the end.
	procesmonitor(t, db, "Havenstad", k("2025-K1"), 1, []string{gr, gr, io, io, ng, ng, ng, io, io, ng}, 14, 2, 24)
	procesmonitor(t, db, "Havenstad", k("2025-K2"), 1, []string{gr, gr, gr, io, ng, io, ng, io, io, ng}, 14, 3, 18)
	// 2025-K3 came twice: the correction (v2) counts, the first not.
	procesmonitor(t, db, "Havenstad", k("2025-K3"), 1, []string{ng, ng, ng, ng, ng, ng, ng, ng, ng, ng}, 1, 1, 1)
	procesmonitor(t, db, "Havenstad", k("2025-K3"), 2, []string{gr, gr, gr, io, io, io, ng, "", io, io}, 15, -1, 20)
	procesmonitor(t, db, "Havenstad", k("2025-K4"), 1, []string{gb, gb, gr, gr, io, io, io, io, gr, io}, 15, 2, 7)
	procesmonitor(t, db, "Havenstad", k("2026-K1"), 1, []string{gb, gb, gb, gr, gr, io, io, io, gr, gr}, -1, -1, -1)
	// Lindehoven has no procesmonitor for 2025-K3: a gap interrupts a
	// run, so point 10 (Niet gestart in all four) has stood still for two
	// kwartalen that we know of. Its point 9 is missing in 2025-K1.
	for _, q := range []string{"2025-K1", "2025-K2", "2025-K4", "2026-K1"} {
		sts := []string{gr, io, io, io, io, io, io, io, ng, ng}
		if q == "2025-K1" {
			sts = []string{gr, io, io, io, io, io, io, io}
			sts = append(sts, "", ng)
		}
		procesmonitor(t, db, "Lindehoven", k(q), 1, sts, 10, 1, 4)
	}

	bs, err := eval.Borging(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 4 || bs[0].Coalitie != "Havenstad" || bs[1].Coalitie != "Lindehoven" || len(bs[2].Kwartalen) != 0 {
		t.Fatalf("Borging = %+v, want the 4 coalities in configuration order", bs)
	}
	h := bs[0]
	var kws []string
	var real []int
	for _, bk := range h.Kwartalen {
		kws = append(kws, bk.Kwartaal.String())
		real = append(real, bk.Gerealiseerd)
	}
	// Counted by hand from the rows above.
	if want := []string{"2025-K1", "2025-K2", "2025-K3", "2025-K4", "2026-K1"}; !reflect.DeepEqual(kws, want) {
		t.Errorf("kwartalen %v, want %v", kws, want)
	}
	if want := []int{2, 3, 3, 5, 7}; !reflect.DeepEqual(real, want) {
		t.Errorf("gerealiseerd %v, want %v", real, want)
	}
	if k3 := h.Kwartalen[2]; k3.Partners == nil || *k3.Partners != 15 || k3.Bijeenkomsten != nil || k3.Ouders == nil || *k3.Ouders != 20 {
		t.Errorf("2025-K3 counts = %v %v %v, want the correction's 15, none, 20", k3.Partners, k3.Bijeenkomsten, k3.Ouders)
	}
	if last := h.Kwartalen[4]; last.Partners != nil || last.Bijeenkomsten != nil || last.Ouders != nil {
		t.Errorf("2026-K1 counts not filled in, got %v %v %v", last.Partners, last.Bijeenkomsten, last.Ouders)
	}
	stil := map[int]int{}
	for _, p := range h.Punten {
		stil[p.Nr] = p.Stilstand
		if p.Vastgelopen != (p.Stilstand >= 4) {
			t.Errorf("point %d: vastgelopen %v with stilstand %d", p.Nr, p.Vastgelopen, p.Stilstand)
		}
	}
	if want := map[int]int{1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 4, 7: 2, 8: 2, 9: 0, 10: 0}; !reflect.DeepEqual(stil, want) {
		t.Errorf("Havenstad stilstand %v, want %v", stil, want)
	}
	if p := h.Punten[7]; p.Nr != 8 || !reflect.DeepEqual(p.Status, []string{io, io, "", io, io}) {
		t.Errorf("point 8 = %+v", p)
	}
	if p := h.Punten[5]; p.Naam != "Structurele financiering" || !p.Vastgelopen {
		t.Errorf("point 6 = %+v, want Structurele financiering, vastgelopen", p)
	}

	l := bs[1]
	if p := l.Punten[9]; p.Stilstand != 2 || p.Vastgelopen {
		t.Errorf("Lindehoven point 10 across a gap: %+v, want stilstand 2", p)
	}
	if p := l.Punten[8]; p.Status[0] != "" || p.Stilstand != 2 {
		t.Errorf("Lindehoven point 9 = %+v", p)
	}

	// KS10 agrees with the detail.
	cs, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Coalitie == "Havenstad" && c.Indicator == "KS10" {
			for _, bk := range h.Kwartalen {
				if bk.Kwartaal == c.Kwartaal && float64(bk.Gerealiseerd) != c.Teller {
					t.Errorf("KS10 %s = %v, detail says %d", c.Kwartaal, c.Teller, bk.Gerealiseerd)
				}
			}
		}
	}
}
