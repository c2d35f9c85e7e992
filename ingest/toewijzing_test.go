package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/store"
)

func importeurVoor(t *testing.T, cfg *kansrijk.Config) *ingest.Importer {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &ingest.Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }}
}

// TestBestandVanTweePartners (issue 12, class 6): a configuration built
// without the checks of kansrijk.toml can still have two partners whose
// patterns match one file; the file is then refused, naming both, and
// never read as the first one's.
func TestBestandVanTweePartners(t *testing.T) {
	cfg := &kansrijk.Config{
		Coalities: []kansrijk.Coalitie{{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}}, {Naam: "Dal", Gemeenten: []string{"Dalwijk"}}},
		Partners: []kansrijk.Partner{
			{Naam: "Wijkteam regio", Bron: kansrijk.BronWijkteam, Bestanden: []string{"wijkteam_*"}, Gemeenten: []string{"Havenstad"}},
			{Naam: "Wijkteam Dalwijk", Bron: kansrijk.BronWijkteam, Bestanden: []string{"wijkteam_dalwijk_*"}, Gemeenten: []string{"Dalwijk"}},
			{Naam: "Verhalen", Bron: kansrijk.BronOuderverhalen, Bestanden: []string{"Ouderverhalen_*"}},
			{Naam: "QDA", Bron: kansrijk.BronQDA, Bestanden: []string{"*.qdpx"}},
		},
		Indicatoren: kansrijk.DefaultIndicatoren(),
	}
	im := importeurVoor(t, cfg)
	pad := filepath.Join(t.TempDir(), "wijkteam_dalwijk_2026-K1.csv")
	if err := os.WriteFile(pad, []byte("Dossiernummer;Aanmelddatum;Datum start hulp;Hulpvraag;Gemeente\nD-1;05-01-2026;;Opvoeding;Dalwijk\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := im.Bestand(context.Background(), pad)
	if res.Status != ingest.Afgewezen {
		t.Fatalf("status %s, want afgewezen (%s)", res.Status, res.Fout)
	}
	for _, w := range []string{"Wijkteam regio", `"wijkteam_*"`, "Wijkteam Dalwijk", `"wijkteam_dalwijk_*"`} {
		if !strings.Contains(res.Fout, w) {
			t.Errorf("%q lacks %q", res.Fout, w)
		}
	}
	if ls, _ := im.DB.Leveringen(context.Background()); len(ls) != 0 {
		t.Errorf("%d leveringen stored", len(ls))
	}
	// A REFI-QDA project matched by both story patterns goes to the
	// partner that reads projects: no dispute.
	if p, ok := ingest.Partner(cfg, "Ouderverhalen_Lindehoven.qdpx"); !ok || p.Naam != "QDA" {
		t.Errorf("Partner(Ouderverhalen_Lindehoven.qdpx) = %s, %v; want QDA", p.Naam, ok)
	}
	if p, ok := ingest.Partner(cfg, "Ouderverhalen_Lindehoven.xlsx"); !ok || p.Naam != "Verhalen" {
		t.Errorf("Partner(Ouderverhalen_Lindehoven.xlsx) = %s, %v; want Verhalen", p.Naam, ok)
	}
	if _, ok := ingest.Partner(cfg, "wijkteam_dalwijk_2026-K1.csv"); ok {
		t.Error("Partner chose one of two matching partners")
	}
}
