package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kansrijk/reports"
)

// TestRapportOverzichtEnOuders runs kansrijk rapport --overzicht and
// --ouders on the example workspace: each writes its own files, only
// those, and says where they are.
func TestRapportOverzichtEnOuders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox")); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}

	uit := filepath.Join(t.TempDir(), "overzicht")
	code, stdout, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23", "--uit", uit, "--overzicht")
	if code != 0 {
		t.Fatalf("rapport --overzicht: exit %d: %s", code, stderr)
	}
	want := []string{"Kansrijke_Start_overzicht_2026-K3.html", "Kansrijke_Start_overzicht_2026-K3.pdf"}
	controleerBestanden(t, uit, want, stdout)

	uit = filepath.Join(t.TempDir(), "ouders")
	code, stdout, stderr = runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23", "--uit", uit, "--ouders")
	if code != 0 {
		t.Fatalf("rapport --ouders: exit %d: %s", code, stderr)
	}
	want = nil
	for _, co := range []string{"Dijkwaard", "Havenstad", "Lindehoven", "Vechtmonde"} {
		want = append(want, "Kansrijke_Start_"+co+"_ouders_2026-K3.html", "Kansrijke_Start_"+co+"_ouders_2026-K3.pdf")
	}
	controleerBestanden(t, uit, want, stdout)

	uit = filepath.Join(t.TempDir(), "beide")
	code, stdout, stderr = runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--uit", uit, "--ouders", "--overzicht", "--coalitie", "Dijkwaard")
	if code != 0 {
		t.Fatalf("rapport --ouders --overzicht --coalitie: exit %d: %s", code, stderr)
	}
	want = []string{"Kansrijke_Start_Dijkwaard_ouders_2026-K3.html", "Kansrijke_Start_Dijkwaard_ouders_2026-K3.pdf",
		"Kansrijke_Start_overzicht_2026-K3.html", "Kansrijke_Start_overzicht_2026-K3.pdf"}
	controleerBestanden(t, uit, want, stdout)
}

// controleerBestanden checks that dir holds exactly want (besides the
// manifest), none of them empty, and that stdout names each.
func controleerBestanden(t *testing.T, dir string, want []string, stdout string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		if e.Name() == reports.Manifest {
			continue
		}
		got = append(got, e.Name())
		if info, err := e.Info(); err != nil || info.Size() == 0 {
			t.Errorf("%s is leeg", e.Name())
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("in %s:\n%s\nwant\n%s", dir, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, w := range want {
		if !strings.Contains(stdout, filepath.Join(dir, w)) {
			t.Errorf("uitvoer noemt %s niet:\n%s", w, stdout)
		}
	}
}

func TestRapportOverzichtGebruik(t *testing.T) {
	code, _, stderr := runCLI(t, "rapport", "-w", t.TempDir(), "--kwartaal", "2026-K3", "--overzicht", "--coalitie", "Havenstad")
	if code != exitGebruik || !strings.Contains(stderr, "alle coalities") {
		t.Errorf("--overzicht met --coalitie: exit %d, %q; want exit 2 and a Dutch hint", code, stderr)
	}
	code, stdout, _ := runCLI(t, "rapport", "--help")
	if code != exitOK || !strings.Contains(stdout, "--overzicht") || !strings.Contains(stdout, "--ouders") {
		t.Errorf("rapport --help: exit %d, %q; want both options explained", code, stdout)
	}
}
