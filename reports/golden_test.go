package reports

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it with -update.
// A difference shows the first line that differs, so a reviewer sees what
// a change did to the report a bestuurder reads.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (make it with: go test ./reports -run Golden -update)", err)
	}
	if got == string(want) {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("%s differs from line %d:\n got: %q\nwant: %q\n(if the change is intended: go test ./reports -run Golden -update)", path, i+1, gl, wl)
		}
	}
}

// TestGoldenPDFText keeps the text of a full report, page by page, as it
// reaches the reader.
func TestGoldenPDFText(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext ontbreekt (apt-get install poppler-utils); gouden tekst niet vergeleken")
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, beoordelingRapport()); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "r.pdf")
	os.WriteFile(f, buf.Bytes(), 0o644)
	out, err := exec.Command("pdftotext", "-layout", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Trailing spaces depend on the poppler version, not on the report.
	lines := strings.Split(string(out), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	golden(t, "rapport_pdf.txt", strings.Join(lines, "\n"))
}

var (
	reKop  = regexp.MustCompile(`(?s)<(h[1-4]|caption)[^>]*>(.*?)</(?:h[1-4]|caption)>`)
	reTags = regexp.MustCompile(`<[^>]+>`)
	reWit  = regexp.MustCompile(`\s+`)
)

// TestGoldenHTMLStructure keeps the outline of the HTML report: its
// headings and table captions, in order.
func TestGoldenHTMLStructure(t *testing.T) {
	doc := renderHTML(t, beoordelingRapport())
	var b strings.Builder
	for _, m := range reKop.FindAllStringSubmatch(doc, -1) {
		tekst := strings.TrimSpace(reWit.ReplaceAllString(reTags.ReplaceAllString(m[2], ""), " "))
		b.WriteString(m[1] + ": " + tekst + "\n")
	}
	golden(t, "rapport_html_koppen.txt", b.String())
}
