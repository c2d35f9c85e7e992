package sheet

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func rows(t *testing.T, p string) [][]string {
	t.Helper()
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out [][]string
	if err := f.Rows(f.Sheets()[0], func(_ int, c []string) error { out = append(out, c); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCSVVariants(t *testing.T) {
	utf16le := []byte{0xFF, 0xFE}
	for _, r := range "a;b\r\nç;é\r\n" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	tests := []struct {
		name string
		data []byte
		want [][]string
	}{
		{"semicolon cp1252", []byte("Naam;Bedrag\r\nFinanci\xeble zorgen;1.234,50\r\n"), [][]string{{"Naam", "Bedrag"}, {"Financiële zorgen", "1.234,50"}}},
		{"utf-8 bom", []byte("\xef\xbb\xbfa,b\nc,d\n"), [][]string{{"a", "b"}, {"c", "d"}}},
		{"cr only", []byte("a;b\rc;d\r"), [][]string{{"a", "b"}, {"c", "d"}}},
		{"tabs", []byte("a\tb\nc\td\n"), [][]string{{"a", "b"}, {"c", "d"}}},
		{"ragged", []byte("a;b;c\nd\n"), [][]string{{"a", "b", "c"}, {"d"}}},
		{"utf-16 bom", utf16le, [][]string{{"a", "b"}, {"ç", "é"}}},
		{"quoted separator", []byte("a;\"b;c\"\n"), [][]string{{"a", "b;c"}}},
	}
	for _, tt := range tests {
		got := rows(t, write(t, "x.csv", tt.data))
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if strings.Join(got[i], "|") != strings.Join(tt.want[i], "|") {
				t.Errorf("%s: row %d = %q, want %q", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}

func xlsx(t *testing.T, fill func(*excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	fill(f)
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Bad files end in a Dutch message that names the file and says what
// to do; never a panic.
func TestBadFiles(t *testing.T) {
	good := xlsx(t, func(f *excelize.File) { f.SetCellStr("Sheet1", "A1", "x") })
	var ods bytes.Buffer
	zw := zip.NewWriter(&ods)
	w, _ := zw.Create("mimetype")
	w.Write([]byte("application/vnd.oasis.opendocument.spreadsheet"))
	w, _ = zw.Create("content.xml")
	w.Write([]byte("<x/>"))
	zw.Close()
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"leeg.xlsx", nil, "leeg"},
		{"oud.xlsx", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "Excel 97-2003"},
		{"afgebroken.xlsx", good[:len(good)/2], "beschadigd"},
		{"tabel.ods", ods.Bytes(), "OpenDocument"},
		{"~$lock.xlsx", []byte("x"), "vergrendelingsbestand"},
		{"tekst.xlsx", []byte("dit is geen werkmap"), "geen Excel-werkmap"},
		{"nul.csv", []byte("a;b\nc\x00;d\n"), "NUL-teken"},
		{"gz.csv", []byte("\x1f\x8b\x08\x00rest"), "gzip"},
	}
	for _, tt := range tests {
		_, err := Open(write(t, tt.name, tt.data))
		if err == nil {
			t.Errorf("%s: opened without error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.name) {
			t.Errorf("%s: %v; want it to name the file and say %q", tt.name, err, tt.want)
		}
	}
}

// A workbook that inflates far beyond its size is refused before it is
// read.
func TestZipBomb(t *testing.T) {
	defer func(old uint64, oldXML int64) { MaxUnzipped, MaxUnzippedXML = old, oldXML }(MaxUnzipped, MaxUnzippedXML)
	MaxUnzipped, MaxUnzippedXML = 1<<20, 1<<19
	data := xlsx(t, func(f *excelize.File) {
		for i := 1; i <= 100; i++ {
			f.SetCellStr("Sheet1", Cell(1, i), Cell(1, i)+strings.Repeat("a", 30000))
		}
	})
	if len(data) > 1<<20 {
		t.Fatalf("test workbook is %d bytes; it should be small and inflate large", len(data))
	}
	_, err := Open(write(t, "bom.xlsx", data))
	if err == nil || !strings.Contains(err.Error(), "pakt uit tot") {
		t.Fatalf("err = %v, want a refusal", err)
	}
}

// Formatted but empty rows cost nothing and end nothing: a row after
// 10,000 of them, at Excel's last row, is read (issue 12, class 5: it
// was dropped without a word).
func TestEmptyRows(t *testing.T) {
	data := xlsx(t, func(f *excelize.File) {
		style, _ := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{"FFFF00"}, Pattern: 1}})
		f.SetCellStr("Sheet1", "A1", "kop")
		f.SetCellStr("Sheet1", "A50", "na een gat")
		f.SetCellStyle("Sheet1", "A51", "A10100", style)
		f.SetCellStr("Sheet1", "A1048576", "helemaal onderaan")
	})
	p := write(t, "leeg.xlsx", data)
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []string
	var nrs []int
	if err := f.Rows("Sheet1", func(r int, c []string) error { got, nrs = append(got, c[0]), append(nrs, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, []string{"kop", "na een gat", "helemaal onderaan"}) || !reflect.DeepEqual(nrs, []int{1, 50, 1048576}) {
		t.Errorf("rows %v = %q, want rows 1, 50 and 1048576", nrs, got)
	}
}

func TestRowNumbersMatchExcel(t *testing.T) {
	data := xlsx(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "B3", "drie")
		f.SetCellStr("Sheet1", "C7", "zeven")
	})
	f, err := Open(write(t, "gaten.xlsx", data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []int
	f.Rows("Sheet1", func(r int, _ []string) error { got = append(got, r); return nil })
	if len(got) != 2 || got[0] != 3 || got[1] != 7 {
		t.Errorf("row numbers = %v, want [3 7]", got)
	}
	if Cell(3, 7) != "C7" {
		t.Errorf("Cell(3, 7) = %s", Cell(3, 7))
	}
}

func TestBewaar(t *testing.T) {
	data := xlsx(t, func(f *excelize.File) {
		f.SetCellStr("Sheet1", "A1", "kop")
		f.SetCellStr("Sheet1", "B1", "waarde")
		f.SetCellStr("Sheet1", "A3", "x")
		f.SetCellStr("Sheet1", "B3", "45000")
	})
	p := write(t, "bewaar.xlsx", data)
	walk := func(f *File, change bool, stop bool) []Rij {
		var out []Rij
		err := f.Rows("Sheet1", func(r int, c []string) error {
			out = append(out, Rij{r, slices.Clone(c)})
			if change {
				c[0] = "veranderd"
			}
			if stop {
				return ErrStop
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := []Rij{{1, []string{"kop", "waarde"}}, {3, []string{"x", "45000"}}}
	for _, tt := range []struct {
		naam string
		max  int
		stop bool // the first walk stops after one row
		kept bool
	}{
		{"klein blad", 100, false, true},
		{"groter dan de grens", 3, false, false},
		{"eerste keer vroeg gestopt", 100, true, false},
		{"niet gevraagd", 0, false, false},
	} {
		t.Run(tt.naam, func(t *testing.T) {
			f, err := Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			f.Bewaar(tt.max)
			first := walk(f, true, tt.stop)
			if tt.stop && len(first) != 1 {
				t.Fatalf("first walk gave %d rows, want 1", len(first))
			}
			if _, ok := f.bewaard["Sheet1"]; ok != tt.kept {
				t.Errorf("kept = %v, want %v", ok, tt.kept)
			}
			// The second walk gives every row as in the file, also
			// when the first walk changed its cells.
			for range 2 {
				if got := walk(f, true, false); !reflect.DeepEqual(got, want) {
					t.Errorf("walk = %v, want %v", got, want)
				}
			}
		})
	}
}
