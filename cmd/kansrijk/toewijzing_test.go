package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestToewijzingOverlap (issue 12, class 6): a pattern that claims other
// partners' files ("wijkteam_*" on one team, a catch-all "*") and two
// coalities whose reports get one file name are refused when kansrijk.toml
// is read, with a Dutch message naming both, before any file is read as
// the wrong partner's or any report overwritten.
func TestToewijzingOverlap(t *testing.T) {
	tests := []struct {
		naam, toml string
		want       []string
	}{
		{"wijkteam_*", "[[partner]]\nnaam = \"Wijkteam regio\"\nbron = \"wijkteam\"\nbestanden = [\"wijkteam_*\"]\ngemeenten = [\"Havenstad\"]\n",
			[]string{"Wijkteam regio", "wijkteam_*", "Sociaal wijkteam Havenstad", "wijkteam_havenstad_*", "regel"}},
		{"alles", "[[partner]]\nnaam = \"Alles\"\nbron = \"jgz\"\nbestanden = [\"*\"]\n",
			[]string{"\"Alles\"", "\"*\"", "regel"}},
		{"coalities", "[[coalitie]]\nnaam = \"Noord/Oost\"\ngemeenten = [\"Noordoord\"]\n\n[[coalitie]]\nnaam = \"Noord Oost\"\ngemeenten = [\"Oostoord\"]\n",
			[]string{"Noord/Oost", "Noord Oost", "Kansrijke_Start_Noord_Oost_", "regel"}},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			dir, _ := voorbeeldWerkmap(t)
			voegToe(t, dir, tt.toml)
			code, stdout, stderr := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox"))
			if code == 0 || strings.Contains(stdout, "ingelezen ") {
				t.Fatalf("import accepted the configuration: exit %d\n%.2000s", code, stdout)
			}
			for _, w := range tt.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("message lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}

// TestPersonaKopie (class 6): a copy of the persona file shows every
// persona once, and the import says which were delivered twice.
func TestPersonaKopie(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	inbox := filepath.Join(dir, "inbox")
	b, err := os.ReadFile(filepath.Join(inbox, "Personas.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(inbox, "Personas_kopie.xlsx"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "import", "-w", dir, inbox)
	if code > 1 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Personas.xlsx, rij ") || !strings.Contains(stdout, "Personas_kopie.xlsx, rij ") {
		t.Errorf("the import does not report the persona's delivered twice:\n%s", stdout[max(0, len(stdout)-3000):])
	}
	uit := t.TempDir()
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", filepath.Join(uit, "c.csv"), "--verhalen", uit); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	f, err := os.Open(filepath.Join(uit, "verhalen_personas.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	gezien := map[string]int{}
	for _, r := range recs[1:] {
		gezien[r[0]+"|"+r[2]]++
	}
	if len(gezien) == 0 {
		t.Fatal("no persona's exported")
	}
	for k, n := range gezien {
		if n > 1 {
			t.Errorf("persona %s exported %d times", k, n)
		}
	}
}
