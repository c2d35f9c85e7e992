package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/workspace"
)

// TestEerdereLevering: a dossiernummer that the partner's other
// levering has with other data is reported at its cell, naming the other
// file and row; the figures follow the rule the message states (one
// record per number and date, the levering read last counts), counted
// here by hand.
func TestEerdereLevering(t *testing.T) {
	dir := t.TempDir()
	schrijf := func(naam, rijen string) string {
		p := filepath.Join(dir, naam)
		if err := os.WriteFile(p, []byte("Dossiernummer;Aanmelddatum;Datum start hulp;Hulpvraag\r\n"+rijen), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	k2 := schrijf("wijkteam_havenstad_2025-K2.csv",
		"HS-25-0301;10-05-2025;;Opvoeding\r\n"+ // row 2: K3 has it with another hulpvraag
			"HS-25-0302;12-05-2025;20-05-2025;Financiële zorgen\r\n"+ // row 3: K3 has the number with another date
			"HS-25-0303;13-05-2025;;Financiële zorgen\r\n") // row 4: K3 adds the start: no conflict
	k3 := schrijf("wijkteam_havenstad_2025-K3.csv",
		"HS-25-0301;10-05-2025;15-05-2025;Financiële zorgen\r\n"+
			"HS-25-0302;03-07-2025;;Financiële zorgen\r\n"+
			"HS-25-0303;13-05-2025;01-06-2025;Financiële zorgen\r\n")
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		naam string
		run  func(im *Importer) []Resultaat
	}{
		{"in één keer", func(im *Importer) []Resultaat {
			var out []Resultaat
			im.Alle(context.Background(), []string{k2, k3}, 2, func(i int, res Resultaat) { out = append(out, res) })
			return out
		}},
		{"na elkaar", func(im *Importer) []Resultaat {
			return []Resultaat{im.Bestand(context.Background(), k2), im.Bestand(context.Background(), k3)}
		}},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			im := &Importer{DB: db, Config: &w.Config, Now: func() time.Time { return time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC) }}
			res := tt.run(im)
			if len(res) != 2 || res[0].Status != Ingelezen || res[1].Status != Ingelezen {
				t.Fatalf("results %+v", res)
			}
			for _, m := range res[0].Meldingen {
				if strings.Contains(m.Tekst, "staat ook in wijkteam") {
					t.Errorf("the first levering has nothing to compare with: %s", m.Tekst)
				}
			}
			want := map[int][]string{
				2: {"HS-25-0301", "wijkteam_havenstad_2025-K2.csv (rij 2)", "Hulpvraag 'Opvoeding' daar, 'Financiële zorgen' hier", "Wij tellen de gegevens uit dit bestand"},
				3: {"HS-25-0302", "wijkteam_havenstad_2025-K2.csv (rij 3)", "12-05-2025 (hier 03-07-2025)", "twee aanmeldingen"},
			}
			for _, m := range res[1].Meldingen {
				if !strings.Contains(m.Tekst, "staat ook in wijkteam") {
					continue
				}
				w, ok := want[m.Row]
				if !ok {
					t.Errorf("unexpected message at row %d: %s", m.Row, m.Tekst)
					continue
				}
				delete(want, m.Row)
				if m.Ernst != store.Waarschuwing || m.Cell() != "A"+string(rune('0'+m.Row)) || m.Header != "Dossiernummer" || m.Record.Key != w[0] {
					t.Errorf("message %+v; want a warning at the Dossiernummer of row %d", m, m.Row)
				}
				for _, s := range w[1:] {
					if !strings.Contains(m.Tekst, s) {
						t.Errorf("row %d: %q lacks %q", m.Row, m.Tekst, s)
					}
				}
			}
			for row := range want {
				t.Errorf("no message about row %d of the K3 file", row)
			}
			// By hand: 2025-K2 has 0301 (K3's row: Financiële zorgen, help
			// after 5 days), 0302 (12-05, help after 8 days) and 0303 (K3's
			// row: help after 19 days); 2025-K3 has 0302 of 03-07, no help.
			cs, err := eval.Cijfers(context.Background(), db, &w.Config)
			if err != nil {
				t.Fatal(err)
			}
			got := map[kansrijk.Kwartaal][2]float64{}
			for _, c := range cs {
				if c.Indicator == "KS09" && c.Gemeente == "Havenstad" {
					got[c.Kwartaal] = [2]float64{c.Teller, c.Noemer}
				}
			}
			for q, tn := range map[kansrijk.Kwartaal][2]float64{{Jaar: 2025, K: 2}: {3, 3}, {Jaar: 2025, K: 3}: {0, 1}} {
				if got[q] != tn {
					t.Errorf("KS09 Havenstad %s = %v, want %v", q, got[q], tn)
				}
			}
		})
	}
}
