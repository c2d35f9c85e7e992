package reports

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestUitvoerRuimtTijdelijkeBestandenOp: a run killed while writing
// leaves its temporary files behind, empty or half written; the next run
// removes those of the reports writer, and only those, and leaves none of
// its own.
func TestUitvoerRuimtTijdelijkeBestandenOp(t *testing.T) {
	dir := t.TempDir()
	oud := []string{
		".tmp-Kansrijke_Start_Lindehoven_2026-K3.pdf-3920123345",         // as kansrijk named them before
		".tmp-Kansrijke_Start_Lindehoven_2026-K3.html-117",               // idem, half written
		".tmp-" + Manifest + "-2718281828",                               // the manifest's
		".tmp-Kansrijke_Start_Havenstad_ouders_2026-K3.pdf-999999999-42", // a process that is gone
	}
	vreemd := []string{
		".tmp-notities.txt-123", // not a report's
		".tmp-iets",             // no number
		"rapport.pdf.tmp-123",   // another pattern
		".tmp-Kansrijke_Start_Lindehoven_2026-K3.pdf-12a", // no number
	}
	for i, n := range append(slices.Clone(oud), vreemd...) {
		inhoud := ""
		if i == 1 {
			inhoud = "%PDF-1.3 half"
		}
		if err := os.WriteFile(filepath.Join(dir, n), []byte(inhoud), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, err := OpenUitvoer(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.Schrijf(beoordelingRapport()); err != nil {
		t.Fatal(err)
	}
	if err := u.Sluit(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var over []string
	for _, e := range entries {
		over = append(over, e.Name())
	}
	for _, n := range oud {
		if slices.Contains(over, n) {
			t.Errorf("%s is still there", n)
		}
	}
	for _, n := range vreemd {
		if !slices.Contains(over, n) {
			t.Errorf("%s, not the reports writer's, was removed", n)
		}
	}
	for _, n := range over {
		if strings.HasPrefix(n, ".tmp-Kansrijke") || strings.HasPrefix(n, ".tmp-.kansrijk") {
			if !slices.Contains(vreemd, n) {
				t.Errorf("the run left %s", n)
			}
		}
	}
	if !slices.Contains(over, Bestandsnaam(beoordelingRapport().Coalitie, beoordelingRapport().Kwartaal)+".pdf") {
		t.Errorf("no report written: %v", over)
	}
}
