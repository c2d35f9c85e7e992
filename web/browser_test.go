package web

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/voorbeeld"
	"kansrijk/workspace"
)

// Fetched by make test (npm pack, integrity checked), never committed.
const (
	playwrightMap = "../.cache/playwright-core"
	axeJS         = "../.cache/axe.min.js"
	chromium      = "/usr/bin/chromium"
)

// voorbeeldWerkmap is the example werkmap of kansrijk voorbeeld, imported
// as kansrijk import does.
func voorbeeldWerkmap(t *testing.T) string {
	t.Helper()
	var cfg bytes.Buffer
	if err := toml.NewEncoder(&cfg).Encode(voorbeeld.Config(1)); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "werkmap")
	w, err := workspace.Init(dir, cfg.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := voorbeeld.Schrijf(w.Inbox(), 1); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(w.Database(), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	paden, _, err := ingest.Bestanden([]string{w.Inbox()})
	if err != nil {
		t.Fatal(err)
	}
	im := &ingest.Importer{DB: db, Config: &w.Config, Now: time.Now, Terugmeldingen: w.Terugmeldingen()}
	im.Alle(context.Background(), paden, 2, func(int, ingest.Resultaat) {})
	return dir
}

// TestBrowser runs web/testdata/browser.js against a server on a free
// port: the example werkmap, where the wijkteam of Lindehoven has not
// delivered 2026-K1, gets that file (with a bad cell) and a broken one.
// KANSRIJK_SCHERMAFDRUKKEN=docs (make schermafdrukken) keeps a PNG of
// every page at 1280 and 390 px.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("start chromium; overgeslagen met -short")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node ontbreekt (apt-get install nodejs); de browsertest van kansrijk web is overgeslagen")
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("chromium ontbreekt (apt-get install chromium); de browsertest van kansrijk web is overgeslagen")
	}
	for _, p := range []string{filepath.Join(playwrightMap, "index.js"), axeJS} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s ontbreekt (make test haalt playwright-core en axe-core op); de browsertest van kansrijk web is overgeslagen", p)
		}
	}
	dir := voorbeeldWerkmap(t)
	_, ts := testServer(t, dir, Opties{})

	in := t.TempDir()
	bestanden := []struct {
		Naam string `json:"naam"`
		Pad  string `json:"pad"`
	}{
		{"wijkteam_lindehoven_2026-K1.csv", filepath.Join(in, "wijkteam_lindehoven_2026-K1.csv")},
		{"Verloskundigen_Lindehoven_2026-Q4.xlsx", filepath.Join(in, "Verloskundigen_Lindehoven_2026-Q4.xlsx")},
	}
	os.WriteFile(bestanden[0].Pad, []byte(wijkteamCSV), 0o644)
	os.WriteFile(bestanden[1].Pad, []byte(kapotXLSX), 0o644)
	lijst, _ := json.Marshal(bestanden)
	uit := t.TempDir()
	abs := func(p string) string { a, _ := filepath.Abs(p); return a }

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "testdata/browser.js")
	cmd.Env = append(os.Environ(),
		"PLAYWRIGHT="+abs(playwrightMap), "AXE="+abs(axeJS), "BASIS="+ts.URL, "BESTANDEN="+string(lijst), "UIT="+uit,
		// By hand from wijkteamCSV: 30 February in the Aanmelddatum column of
		// the second aanmelding.
		"CEL=B3", "MELDING=Aanmelddatum: '30-02-2026' is niet bruikbaar: deze datum bestaat niet",
		"STATUSCEL=geleverd; Sociaal wijkteam Lindehoven, 2026-K1",
		"KWARTAAL=2026-K3", "COALITIE=Havenstad",
	)
	if d := os.Getenv("KANSRIJK_SCHERMAFDRUKKEN"); d != "" {
		cmd.Env = append(cmd.Env, "SCHERMAFDRUKKEN="+abs(d))
	}
	out, err := cmd.CombinedOutput()
	t.Logf("browser.js:\n%s", out)
	if err != nil {
		t.Fatalf("browser.js: %v", err)
	}

	// What was downloaded is what kansrijk made.
	tm, err := excelize.OpenFile(filepath.Join(uit, "terugmelding.xlsx"))
	if err != nil {
		t.Fatalf("terugmelding: %v", err)
	}
	defer tm.Close()
	rows, err := tm.GetRows("Meldingen")
	if err != nil {
		t.Fatalf("terugmelding without Meldingen sheet: %v", err)
	}
	found := false
	for _, r := range rows {
		found = found || strings.Contains(strings.Join(r, "|"), "B3")
	}
	if !found {
		t.Errorf("the downloaded terugmelding has no message at B3: %v", rows)
	}
	if pdf, err := os.ReadFile(filepath.Join(uit, "rapport.pdf")); err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("the downloaded report is no PDF (%v)", err)
	}
	ex, err := excelize.OpenFile(filepath.Join(uit, "export.xlsx"))
	if err != nil {
		t.Fatalf("export: %v", err)
	}
	defer ex.Close()
	if rows, err := ex.GetRows("Cijfers"); err != nil || len(rows) < 2 {
		t.Errorf("the Excel export has no figures: %d rows, %v", len(rows), err)
	}
}
