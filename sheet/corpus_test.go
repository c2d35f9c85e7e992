package sheet

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const corpus = "../../shared/corpus"

// readAll opens a file and walks every sheet, turning a panic into an
// error so the test can name the file.
func readAll(path string) (rows int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	f, err := Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	for _, s := range f.Sheets() {
		if err := f.Rows(s, func(int, []string) error { rows++; return nil }); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

// TestCorpus reads every spreadsheet, CSV and REFI-QDA file of the shared
// robustness corpus: none may panic or hang, and each ends in rows or a
// Dutch message that names the file.
func TestCorpus(t *testing.T) {
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("%s ontbreekt (het gedeelde testcorpus staat niet naast deze repository); test overgeslagen", corpus)
	}
	var files []string
	for _, dir := range []string{"xlsx", "xls", "csv", "qdpx"} {
		fs, _ := filepath.Glob(filepath.Join(corpus, dir, "*"))
		files = append(files, fs...)
	}
	if len(files) < 100 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	if testing.Short() {
		files = files[:100]
	}
	var withRows, withError, empty int
	for _, p := range files {
		done := make(chan struct{})
		var rows int
		var err error
		go func() {
			rows, err = readAll(p)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(60 * time.Second):
			t.Fatalf("%s: still reading after 60s (hang)", p)
		}
		switch {
		case err != nil && strings.HasPrefix(err.Error(), "panic"):
			t.Errorf("%s: %v", p, err)
		case err != nil:
			withError++
			if !strings.Contains(err.Error(), filepath.Base(p)) {
				t.Errorf("%s: message does not name the file: %v", p, err)
			}
		case rows > 0:
			withRows++
		default:
			// Opened without rows: that is only right when the workbook
			// really holds no values at all.
			if n := valuesInXML(t, p); n > 0 {
				t.Errorf("%s: read no rows, but its sheets hold %d values", p, n)
			}
			empty++
		}
	}
	t.Logf("%d files: %d with rows, %d with a message, %d opened but without any row", len(files), withRows, withError, empty)
}

// valuesInXML counts cell values (<v> and inline strings) in a
// workbook's sheet XML, independently of excelize.
func valuesInXML(t *testing.T, path string) int {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		return 0 // a CSV: empty files are refused by Open
	}
	defer zr.Close()
	n, shared, refs := 0, 0, 0
	for _, f := range zr.File {
		if f.Name == "xl/sharedStrings.xml" {
			// Shared strings that are only white space (full-width
			// spaces, say) are no data.
			rc, err := f.Open()
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
			rc.Close()
			for _, part := range strings.Split(string(b), "<t")[1:] {
				if i := strings.Index(part, ">"); i >= 0 {
					if j := strings.Index(part[i:], "</t>"); j >= 0 && strings.TrimSpace(part[i+1:i+j]) != "" {
						shared++
					}
				}
			}
			continue
		}
		if !strings.HasPrefix(f.Name, "xl/worksheets/") || !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(io.LimitReader(rc, 64<<20))
		rc.Close()
		s := string(b)
		// Values that are no shared strings; those were counted above.
		n += strings.Count(s, "<v>") + strings.Count(s, "<x:v>") - strings.Count(s, `t="s"`) + strings.Count(s, "<is>")
		refs += strings.Count(s, `t="s"`)
	}
	if refs > 0 {
		// Cells point into the shared strings: the non-blank ones count.
		n += shared
	}
	return n
}
