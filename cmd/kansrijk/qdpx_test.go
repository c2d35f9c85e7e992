package main

import (
	"archive/zip"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A coalitie that codes its stories only in a QDA program gets stories,
// quotes and tone in its report. The project is made the way a
// coalitie would get one: exported from another werkmap with kansrijk
// export --qdpx (the consented stories of Vechtmonde); the new werkmap
// has no Vechtmonde log.
func TestRapportAlleenQDPX(t *testing.T) {
	bron := filepath.Join(t.TempDir(), "a")
	if code, _, stderr := runCLI(t, "voorbeeld", bron); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runCLI(t, "import", "-w", bron, filepath.Join(bron, "inbox")); code != 0 {
		t.Fatal(stderr)
	}
	qdpx := filepath.Join(t.TempDir(), "Ouderverhalen_Vechtmonde.qdpx")
	code, stdout, stderr := runCLI(t, "export", "-w", bron, "--qdpx", qdpx, "--coalitie", "Vechtmonde")
	if code != 0 || !strings.Contains(stdout, "REFI-QDA-project geschreven") {
		t.Fatalf("export --qdpx: %d %s %s", code, stdout, stderr)
	}
	fragmenten := qdpxFragmenten(t, qdpx)
	if len(fragmenten) < 5 {
		t.Fatalf("only %d fragments exported", len(fragmenten))
	}

	dir := filepath.Join(t.TempDir(), "b")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatal(stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	if err := os.Remove(filepath.Join(inbox, "Ouderverhalen_Vechtmonde.xlsx")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(qdpx)
	os.WriteFile(filepath.Join(inbox, filepath.Base(qdpx)), b, 0o644)
	code, stdout, stderr = runCLI(t, "import", "-w", dir, inbox)
	if code != 0 {
		t.Fatalf("import: %d %s", code, stderr)
	}
	for _, want := range []string{"posities geteld in tekens", "verhalen: ", "(Vechtmonde)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("import summary lacks %q", want)
		}
	}
	uit := filepath.Join(t.TempDir(), "rapport")
	if code, _, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--coalitie", "Vechtmonde", "--uit", uit); code != 0 {
		t.Fatal(stderr)
	}
	paden, _ := filepath.Glob(filepath.Join(uit, "*Vechtmonde*.html"))
	if len(paden) != 1 {
		t.Fatalf("reports: %v", paden)
	}
	h, _ := os.ReadFile(paden[0])
	rapport := string(h)
	geciteerd := 0
	for _, f := range fragmenten {
		if strings.Contains(rapport, html.EscapeString(f)) {
			geciteerd++
		}
	}
	if geciteerd == 0 {
		t.Errorf("no fragment of the project is quoted in the report")
	}
	if !strings.Contains(rapport, "per kwartaal en toon") {
		t.Errorf("the report has no tone table")
	}
	t.Logf("%d of %d fragments quoted", geciteerd, len(fragmenten))
}

// qdpxFragmenten reads the source texts of a .qdpx written by kansrijk:
// its fragments, separated by an empty line.
func qdpxFragmenten(t *testing.T, pad string) []string {
	t.Helper()
	zr, err := zip.OpenReader(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var out []string
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "sources/") {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			out = append(out, strings.Split(string(b), "\n\n")...)
		}
	}
	return out
}
