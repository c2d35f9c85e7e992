package eval_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/voorbeeld"
)

// TestVoorbeeldKS01MatchesHandCount keeps the main path tested without
// the shared samples: the project's own example workspace, imported, must
// give the KS01 figures that a count straight from its spreadsheets gives.
func TestVoorbeeldKS01MatchesHandCount(t *testing.T) {
	inbox := t.TempDir()
	if _, err := voorbeeld.Schrijf(inbox, 1); err != nil {
		t.Fatal(err)
	}
	cfg := voorbeeld.Config(1)
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	files, _, err := ingest.Bestanden([]string{inbox})
	if err != nil {
		t.Fatal(err)
	}
	im := &ingest.Importer{DB: db, Config: &cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }}
	for _, f := range files {
		if res := im.Bestand(context.Background(), f); res.Status != ingest.Ingelezen {
			t.Fatalf("%s: %s %s", f, res.Status, res.Fout)
		}
	}
	dewieg, _ := filepath.Glob(filepath.Join(inbox, "Verloskundigenpraktijk_DeWieg_*.xlsx"))
	// The example delivers 2024-K4 up to and including 2026-K3.
	want := ks01ByHand(t, dewieg, kansrijk.Kwartaal{Jaar: 2024, K: 4})
	got, err := eval.Cijfers(context.Background(), db, &cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range got {
		if c.Indicator != "KS01" || c.Coalitie != "Havenstad" || c.Gemeente != "" {
			continue
		}
		w := want[c.Kwartaal.String()]
		if c.Teller != float64(w[0]) || c.Noemer != float64(w[1]) {
			t.Errorf("KS01 Havenstad %s = %v/%v, want %d/%d", c.Kwartaal, c.Teller, c.Noemer, w[0], w[1])
		}
		n++
	}
	if n != 8 || len(want) != 8 {
		t.Errorf("got %d coalitie figures and %d hand-counted kwartalen, want 8 each", n, len(want))
	}
}
