package sheet

import (
	"fmt"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// excelizeRows reads a sheet the way sheet did before it had its own
// reader: excelize's streaming rows with raw values, empty rows
// skipped, and for an apparently empty sheet the same walk after
// excelize has loaded the sheet (its streaming reader drops values with
// s="").
func excelizeRows(x *excelize.File, sheet string) ([]Rij, error) {
	walk := func() ([]Rij, error) {
		rows, err := x.Rows(sheet)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []Rij
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return out, err
			}
			if !isEmpty(cells) {
				out = append(out, Rij{n, trimRight(cells)})
			}
		}
		return out, rows.Error()
	}
	out, err := walk()
	if err != nil || len(out) > 0 {
		return out, err
	}
	if _, err := x.GetCellValue(sheet, "A1"); err != nil {
		return nil, nil
	}
	return walk()
}

func trimRight(cells []string) []string {
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

func ourRows(path string) (map[string][]Rij, []string, error) {
	f, err := Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	out := map[string][]Rij{}
	for _, s := range f.Sheets() {
		var rows []Rij
		err := f.Rows(s, func(r int, c []string) error { rows = append(rows, Rij{r, trimRight(c)}); return nil })
		if err != nil {
			return out, f.Sheets(), err
		}
		out[s] = rows
	}
	return out, f.Sheets(), nil
}

// knownDifferences are the corpus files where our reader and excelize
// disagree, with the reason; every other file must give the same cells.
var knownDifferences = map[string]string{
	"phpspreadsheet__Reader-XLSX-issue.4724.xlsx":                             "_xD801__xDC05_ is one character (a surrogate pair) for us; excelize drops it",
	"phpspreadsheet__Reader-XLSX-utf16be.bom.xlsx":                            "parts in UTF-16: we decode them, excelize cannot",
	"phpspreadsheet__Reader-XLSX-utf16be.xlsx":                                "parts in UTF-16 without BOM: we decode them, excelize cannot",
	"poi__duplicate-filename-case-insensitive.xlsx":                           "a part twice in the zip: we refuse, excelize silently takes one",
	"poi__duplicate-filename.xlsx":                                            "a part twice in the zip: we refuse, excelize silently takes one",
	"poi__poc-shared-strings.xlsx":                                            "12,000 cells showing one 1 MB string: we refuse past MaxText, excelize fails on cell A0",
	"poi__xlsx-corrupted.xlsx":                                                "_rels/.rels is broken: we fall back to xl/workbook.xml, excelize fails with EOF",
	"sheetjs__wtf_path.xlsx":                                                  "shared strings outside xl/: we follow the relationship, excelize looks only in xl/ and drops the cells",
	"poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx": "a row number beyond Excel's last row: both refuse",
}

// TestAgainstExcelize reads every xlsx of the samples and the corpus
// with our reader and with excelize: the same sheets, rows and cells,
// or a known, listed reason.
func TestAgainstExcelize(t *testing.T) {
	var files []string
	for _, dir := range []string{"../../shared/samples", corpus + "/xlsx"} {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skip("../../shared ontbreekt (de gedeelde voorbeelden en het testcorpus staan niet naast deze repository); test overgeslagen")
	}
	var same, differ, bothFail int
	var report []string
	for _, p := range files {
		base := filepath.Base(p)
		got, sheets, ourErr := ourRows(p)
		want, wantSheets, theirErr := oracle(p)
		var diff string
		switch {
		case ourErr != nil && theirErr != nil:
			bothFail++
			continue
		case ourErr != nil:
			diff = fmt.Sprintf("we fail, excelize reads: %v", ourErr)
		case theirErr != nil:
			diff = fmt.Sprintf("excelize fails (%v), we read %d sheets", theirErr, len(got))
		case strings.Join(sheets, "\x00") != strings.Join(wantSheets, "\x00"):
			diff = fmt.Sprintf("sheets %q, excelize %q", sheets, wantSheets)
		default:
			for _, s := range sheets {
				if d := compareRows(got[s], want[s]); d != "" {
					diff = fmt.Sprintf("sheet %q: %s", s, d)
					break
				}
			}
		}
		if diff == "" {
			same++
			continue
		}
		differ++
		if reason, ok := knownDifferences[base]; ok {
			t.Logf("%s: %s (known: %s)", base, diff, reason)
			continue
		}
		report = append(report, base+": "+diff)
	}
	sort.Strings(report)
	for _, r := range report {
		t.Error(r)
	}
	t.Logf("%d files: %d the same, %d both refuse, %d differ (%d unexplained)", len(files), same, bothFail, differ, len(report))
}

func oracle(p string) (map[string][]Rij, []string, error) {
	type result struct {
		rows   map[string][]Rij
		sheets []string
		err    error
	}
	done := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{err: fmt.Errorf("panic: %v", r)}
			}
		}()
		x, err := excelize.OpenFile(p, excelize.Options{UnzipSizeLimit: int64(MaxUnzipped), UnzipXMLSizeLimit: MaxUnzippedXML})
		if err != nil {
			done <- result{err: err}
			return
		}
		defer x.Close()
		out := map[string][]Rij{}
		for _, s := range x.GetSheetList() {
			rows, err := excelizeRows(x, s)
			if err != nil {
				done <- result{out, x.GetSheetList(), err}
				return
			}
			out[s] = rows
		}
		done <- result{out, x.GetSheetList(), nil}
	}()
	select {
	case r := <-done:
		return r.rows, r.sheets, r.err
	case <-time.After(20 * time.Second):
		return nil, nil, fmt.Errorf("excelize still reading after 20 s")
	}
}

func compareRows(got, want []Rij) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			return fmt.Sprintf("row %d missing (excelize: %q), %d rows, excelize %d", want[i].Nr, clipRow(want[i].Cells), len(got), len(want))
		case i >= len(want):
			return fmt.Sprintf("extra row %d %q, %d rows, excelize %d", got[i].Nr, clipRow(got[i].Cells), len(got), len(want))
		case got[i].Nr != want[i].Nr || !reflect.DeepEqual(got[i].Cells, want[i].Cells):
			return fmt.Sprintf("row %d %q, excelize row %d %q", got[i].Nr, clipRow(got[i].Cells), want[i].Nr, clipRow(want[i].Cells))
		}
	}
	return ""
}

func clipRow(c []string) string {
	s := strings.Join(c, "|")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}
