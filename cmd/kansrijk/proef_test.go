package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// bestandStatus reads the first word of each result line of an import's
// output, by file name.
var reResultaat = regexp.MustCompile(`(?m)^(nieuw|vervangt|telt niet|ongewijzigd|ingelezen|afgewezen|niet herkend|niet ondersteund)\s+(\S+)`)

func bestandStatus(out string) map[string]string {
	m := map[string]string{}
	for _, r := range reResultaat.FindAllStringSubmatch(out, -1) {
		naam := filepath.Base(strings.TrimSuffix(r[2], ":"))
		m[naam] = r[1]
	}
	return m
}

func hashVan(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func mapInhoud(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestProefimport: a trial import of the whole inbox (the shared samples
// when there, else the example's) stores nothing: the database is the
// same byte for byte and the real terugmeldingen folder stays empty; and
// what it announces is what the real import then does: every file new,
// replacing, unchanged or refused as announced, the same terugmeldingen,
// as many figures as it said would change. A correction (_v2) then shows
// which levering it replaces and the figure it changes, old → new, and
// the real import gives that new figure.
func TestProefimport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != exitOK {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	if _, err := os.Stat(samples); err == nil {
		inbox = samples
	}
	db := filepath.Join(dir, "kansrijk.duckdb")
	voor := hashVan(t, db)

	code, proef, stderr := runCLI(t, "import", "-w", dir, "--proef", inbox)
	if code > 1 {
		t.Fatalf("import --proef: exit %d: %s", code, stderr)
	}
	if hashVan(t, db) != voor {
		t.Error("the trial changed the database")
	}
	if got := mapInhoud(t, filepath.Join(dir, "terugmeldingen")); len(got) != 0 {
		t.Errorf("the trial wrote real terugmeldingen: %v", got)
	}
	proefTerug := mapInhoud(t, filepath.Join(dir, proefMap))
	if len(proefTerug) == 0 {
		t.Error("the trial wrote no terugmeldingen")
	}
	m := regexp.MustCompile(`Cijfers die zouden veranderen \(oud → nieuw\): (\d+)`).FindStringSubmatch(proef)
	if m == nil {
		t.Fatalf("no figures in the trial's summary:\n%s", proef)
	}
	verwacht, _ := strconv.Atoi(m[1])
	if !strings.Contains(proef, "niets opgeslagen") {
		t.Errorf("the summary does not say nothing was stored:\n%s", proef)
	}

	code2, echt, stderr := runCLI(t, "import", "-w", dir, inbox)
	if code2 != code {
		t.Errorf("real import: exit %d, the trial %d: %s", code2, code, stderr)
	}
	zou, deed := bestandStatus(proef), bestandStatus(echt)
	if len(zou) < 10 || len(zou) != len(deed) {
		t.Fatalf("trial names %d files, the import %d", len(zou), len(deed))
	}
	hoort := map[string]string{"nieuw": "ingelezen", "vervangt": "ingelezen", "telt niet": "ingelezen",
		"ongewijzigd": "ongewijzigd", "afgewezen": "afgewezen", "niet herkend": "niet herkend", "niet ondersteund": "niet ondersteund"}
	for naam, z := range zou {
		if deed[naam] != hoort[z] {
			t.Errorf("%s: the trial said %q, the import did %q", naam, z, deed[naam])
		}
	}
	if got := mapInhoud(t, filepath.Join(dir, "terugmeldingen")); !slices.Equal(got, proefTerug) {
		t.Errorf("terugmeldingen: import %v, trial %v", got, proefTerug)
	}
	uit := filepath.Join(t.TempDir(), "c.csv")
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", uit); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	cijfers := readExport(t, uit)
	if len(cijfers) != verwacht {
		t.Errorf("the trial said %d figures would change (from none), the import gives %d", verwacht, len(cijfers))
	}

	// A correction of Havenstad's 2025-K2 wijkteam export without its first
	// aanmelding with Financiële zorgen.
	bron := filepath.Join(inbox, "wijkteam_havenstad_2025-K2.csv")
	data, err := os.ReadFile(bron)
	if err != nil {
		t.Fatal(err)
	}
	regels := bytes.SplitAfter(data, []byte("\n"))
	weg := slices.IndexFunc(regels, func(r []byte) bool { return bytes.Contains(r, []byte(";Financi")) && bytes.Contains(r, []byte("-0")) })
	if weg < 1 {
		t.Fatal("no aanmelding with Financiële zorgen in the file")
	}
	v2 := filepath.Join(t.TempDir(), "wijkteam_havenstad_2025-K2_v2.csv")
	if err := os.WriteFile(v2, bytes.Join(slices.Delete(regels, weg, weg+1), nil), 0o644); err != nil {
		t.Fatal(err)
	}
	voor = hashVan(t, db)
	code, proef, stderr = runCLI(t, "import", "-w", dir, "--proef", v2)
	if code != 0 {
		t.Fatalf("import --proef v2: exit %d: %s\n%s", code, stderr, proef)
	}
	if hashVan(t, db) != voor {
		t.Error("the trial of the correction changed the database")
	}
	if !strings.Contains(proef, "vervangt      wijkteam_havenstad_2025-K2_v2.csv — Sociaal wijkteam Havenstad, 2025-K2: vervangt wijkteam_havenstad_2025-K2.csv") {
		t.Errorf("the trial does not say what the correction replaces:\n%s", proef)
	}
	lijn := regexp.MustCompile(`KS09 Havenstad (\d{4}-K\d): (\d+)/(\d+) \([^)]*\) → (\d+)/(\d+)`).FindStringSubmatch(proef)
	if lijn == nil {
		t.Fatalf("no KS09 change for Havenstad in the trial:\n%s", proef)
	}
	if code, _, stderr := runCLI(t, "import", "-w", dir, v2); code != 0 {
		t.Fatalf("import v2: %s", stderr)
	}
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", uit); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	oud := cijfers[fmt.Sprintf("Havenstad|Havenstad|%s|KS09", lijn[1])]
	nieuw := readExport(t, uit)[fmt.Sprintf("Havenstad|Havenstad|%s|KS09", lijn[1])]
	if oud == nil || nieuw == nil || oud[4] != lijn[2] || oud[5] != lijn[3] || nieuw[4] != lijn[4] || nieuw[5] != lijn[5] {
		t.Errorf("the trial said KS09 Havenstad %s %s/%s → %s/%s; the export had %v and has %v", lijn[1], lijn[2], lijn[3], lijn[4], lijn[5], oud, nieuw)
	}
}
