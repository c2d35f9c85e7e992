package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"
)

// The tests of this file follow the classes of bad input of issue 12;
// each failed on the reader that sheet had before (excelize's).

// workbookZip builds a minimal xlsx from sheet XML (the content of
// <sheetData>) and optional extra parts.
func workbookZip(t testing.TB, sheetData string, extra map[string]string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			sheetData + `</sheetData></worksheet>`,
		"xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
	}
	for k, v := range extra {
		if v == "" {
			delete(parts, k)
		} else {
			parts[k] = v
		}
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// allRows reads the first sheet of a file.
func allRows(t testing.TB, p string) ([]Rij, error) {
	t.Helper()
	f, err := Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Rij
	err = f.Rows(f.Sheets()[0], func(r int, c []string) error { out = append(out, Rij{r, c}); return nil })
	return out, err
}

// allocated is how many bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Class 3: 3,000 rows that each hold one styled but empty cell in
// column XFD: 22 kB of xlsx that cost 1.25 GiB when rows were padded to
// their last cell. Empty cells cost nothing now.
func TestStyledEmptyCellsAtXFD(t *testing.T) {
	var sd strings.Builder
	for i := 1; i <= 3000; i++ {
		fmt.Fprintf(&sd, `<row r="%d"><c r="XFD%d" s="1"/></row>`, i, i)
	}
	p := write(t, "breed.xlsx", workbookZip(t, sd.String(), nil))
	var rows []Rij
	var err error
	n := allocated(func() { rows, err = allRows(t, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 0 {
		t.Errorf("rows = %v, want none", rows)
	}
	if n > 32<<20 {
		t.Errorf("reading allocated %d MB; empty cells must cost nothing", n>>20)
	}
}

// Class 3: a styles.xml of 3M entries took 1.1 GiB; styles are not read.
func TestHugeStyles(t *testing.T) {
	var st strings.Builder
	st.WriteString(`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="3000000">`)
	for range 3_000_000 {
		st.WriteString(`<xf numFmtId="14"/>`)
	}
	st.WriteString(`</cellXfs></styleSheet>`)
	sd := `<row r="1"><c r="A1" s="2999999"><v>45000</v></c><c r="B1" s="1"><v>1.5</v></c></row>`
	p := write(t, "stijlen.xlsx", workbookZip(t, sd, map[string]string{"xl/styles.xml": st.String()}))
	var rows []Rij
	var err error
	n := allocated(func() { rows, err = allRows(t, p) })
	if err != nil {
		t.Fatal(err)
	}
	if want := []Rij{{1, []string{"45000", "1.5"}}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows = %v, want %v", rows, want)
	}
	if n > 32<<20 {
		t.Errorf("reading allocated %d MB; styles must not be parsed", n>>20)
	}
}

// A real value in column XFD is read, as 16,384 cells; a sheet of such
// rows that would cost gigabytes is refused with the cell where it
// stops.
func TestValueAtXFD(t *testing.T) {
	p := write(t, "ver.xlsx", workbookZip(t, `<row r="2"><c r="A2"><v>1</v></c><c r="XFD2"><v>2</v></c></row>`, nil))
	rows, err := allRows(t, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || len(rows[0].Cells) != 16384 || rows[0].Cells[0] != "1" || rows[0].Cells[16383] != "2" {
		t.Fatalf("got %d rows, want one of 16,384 cells", len(rows))
	}
	defer func(old int) { MaxCells = old }(MaxCells)
	MaxCells = 100_000
	var sd strings.Builder
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&sd, `<row r="%d"><c r="XFD%d"><v>%d</v></c></row>`, i, i, i)
	}
	_, err = allRows(t, write(t, "ver.xlsx", workbookZip(t, sd.String(), nil)))
	if err == nil || !strings.Contains(err.Error(), "ver.xlsx, blad 'Blad1', cel XFD7:") {
		t.Errorf("err = %v, want a refusal at cel XFD7", err)
	}
}

// Class 3: a 20 MB UTF-16 CSV is decoded as a stream; what is live
// while its rows are read stays far below the file's size (it was the
// whole file, decoded, several times over).
func TestCSVMemory(t *testing.T) {
	var text strings.Builder
	text.WriteString("Dossiernummer;Aanmelddatum;Hulpvraag\r\n")
	for i := 0; text.Len() < 10<<20; i++ {
		fmt.Fprintf(&text, "WT-%06d;01-02-2026;Financiële zorgen en opvoeding, ronde %d\r\n", i, i)
	}
	u := utf16.Encode([]rune(text.String()))
	data := make([]byte, 2, 2+2*len(u))
	data[0], data[1] = 0xFF, 0xFE
	for _, c := range u {
		data = append(data, byte(c), byte(c>>8))
	}
	p := write(t, "wijkteam.csv", data)
	data, u = nil, nil
	runtime.GC()
	var peak uint64
	var ms runtime.MemStats
	n := 0
	f, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = f.Rows("", func(_ int, c []string) error {
		if n++; n%20000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100_000 {
		t.Fatalf("read %d rows", n)
	}
	if peak > 8<<20 {
		t.Errorf("%d MB live while reading a 20 MB CSV; want it bounded by the record", peak>>20)
	}
}

// Class 5: a valid header followed by megabytes on one line (200 MB in
// the attack) was read as one row, and the levering stored empty. A
// record that long is refused, with its line.
func TestCSVHugeLine(t *testing.T) {
	data := "Dossiernummer;Aanmelddatum\r\nWT-1;01-02-2026\r\n" + strings.Repeat("x", 5<<20) + "\r\nWT-2;02-02-2026\r\n"
	_, err := allRows(t, write(t, "wijkteam_lang.csv", []byte(data)))
	if err == nil || !strings.Contains(err.Error(), "wijkteam_lang.csv, regel 3: ") || !strings.Contains(err.Error(), "langer dan") {
		t.Errorf("err = %v, want a refusal of regel 3", err)
	}
}

// Class 5: a quote that is never closed made the rest of the file one
// field, and its rows disappeared without a word.
func TestCSVUnclosedQuote(t *testing.T) {
	data := "Dossiernummer;Hulpvraag\nWT-1;geldzorgen\nWT-2;\"opvoeding\nWT-3;huisvesting\nWT-4;werk\n"
	_, err := allRows(t, write(t, "quote.csv", []byte(data)))
	if err == nil || !strings.Contains(err.Error(), "quote.csv, regel 3: ") || !strings.Contains(err.Error(), "aanhalingsteken") {
		t.Errorf("err = %v, want the open quote of regel 3", err)
	}
}

// Class 10: CSV dialects.
func TestCSVDialects(t *testing.T) {
	utf16NoBOM := func(s string, big bool) []byte {
		var b []byte
		for _, c := range utf16.Encode([]rune(s)) {
			if big {
				b = append(b, byte(c>>8), byte(c))
			} else {
				b = append(b, byte(c), byte(c>>8))
			}
		}
		return b
	}
	utf32le := func(s string) []byte {
		var b []byte
		for _, r := range s {
			b = append(b, byte(r), byte(r>>8), byte(r>>16), 0)
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want []Rij
	}{
		{"title line with commas", []byte("Wijkteam Dijkwaard, aanmeldingen, 2026-K1\nDossier;Datum;Hulpvraag\nWT-1;01-02-2026;werk, inkomen\nWT-2;02-02-2026;opvoeding\n"),
			[]Rij{{1, []string{"Wijkteam Dijkwaard, aanmeldingen, 2026-K1"}}, {2, []string{"Dossier", "Datum", "Hulpvraag"}},
				{3, []string{"WT-1", "01-02-2026", "werk, inkomen"}}, {4, []string{"WT-2", "02-02-2026", "opvoeding"}}}},
		{"utf-8 bom before windows-1252", []byte("\xef\xbb\xbfNaam;Bedrag\r\nFinanci\xeble zorgen;1.234,50\r\n"),
			[]Rij{{1, []string{"Naam", "Bedrag"}}, {2, []string{"Financiële zorgen", "1.234,50"}}}},
		{"utf-8 with a windows-1252 row", []byte("Naam;Plaats\nJosé;Noord\nRen\xe9;Oost\n"),
			[]Rij{{1, []string{"Naam", "Plaats"}}, {2, []string{"José", "Noord"}}, {3, []string{"René", "Oost"}}}},
		{"utf-16le without bom", utf16NoBOM("a;b\r\nç;é\r\n", false), []Rij{{1, []string{"a", "b"}}, {2, []string{"ç", "é"}}}},
		{"utf-16be without bom", utf16NoBOM("a;b\r\nç;é\r\n", true), []Rij{{1, []string{"a", "b"}}, {2, []string{"ç", "é"}}}},
		{"utf-32le without bom", utf32le("a,b\nc,d\n"), []Rij{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"utf-32le bom", append([]byte{0xFF, 0xFE, 0, 0}, utf32le("a,b\nc,d\n")...), []Rij{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"decimal commas and an open quote", []byte("Dossier;Bedrag;Hulpvraag\nWT-1;1,50;werk\nWT-2;2,50;geld\nWT-3;3,50;\"zorg\nWT-4;4,50;wonen\n"), nil},
		{"cr only", []byte("a;b\rc;d\r"), []Rij{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}}},
		{"blank lines keep row numbers", []byte("a;b\n\nc;d\n"), []Rij{{1, []string{"a", "b"}}, {3, []string{"c", "d"}}}},
		{"line break in a quoted field is one row", []byte("a;\"b\nc\"\nd;e\n"), []Rij{{1, []string{"a", "b\nc"}}, {2, []string{"d", "e"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := allRows(t, write(t, "x.csv", tt.data))
			if tt.want == nil {
				// Read with semicolons, so the open quote is what is wrong.
				if err == nil || !strings.Contains(err.Error(), "x.csv, regel 4: ") || !strings.Contains(err.Error(), "aanhalingsteken") {
					t.Errorf("err = %v, want the open quote of regel 4", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// english lists words of the messages of Go, the OS and encoding/xml.
var english = []string{"XML syntax", "syntax error", "too many levels", "permission denied", "no such file", "unexpected EOF",
	"invalid", "zip:", "flate", "open ", "stat ", "sheet ", "does not exist"}

func assertDutch(t *testing.T, err error, name string, want ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error", name)
	}
	msg := err.Error()
	for _, e := range english {
		if strings.Contains(msg, e) {
			t.Errorf("%s: %q holds English %q", name, msg, e)
		}
	}
	for _, w := range want {
		if !strings.Contains(msg, w) {
			t.Errorf("%s: %q lacks %q", name, msg, w)
		}
	}
	var se *Error
	if !errors.As(err, &se) {
		t.Errorf("%s: %T is no *sheet.Error", name, err)
	}
}

// Class 12: no English from XML or the OS reaches a partner, and a
// fault in the shared strings is the table's, not "rij 1".
func TestMessagesDutch(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "kring.xlsx")
	os.Symlink(loop, loop)
	_, err := Open(loop)
	assertDutch(t, err, "symlink loop", "kring.xlsx: ", "kring")

	_, err = Open(filepath.Join(dir, "weg.xlsx"))
	assertDutch(t, err, "missing", "weg.xlsx: ", "bestaat niet")

	sd := `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`
	p := write(t, "sst.xlsx", workbookZip(t, sd, map[string]string{"xl/sharedStrings.xml": `<sst><si><t>Cliënt</t></si><si><t>kapot`}))
	_, err = allRows(t, p)
	assertDutch(t, err, "broken shared strings", "sst.xlsx, onderdeel xl/sharedstrings.xml", "gedeelde tekst nr. 1")
	if err != nil && strings.Contains(err.Error(), "rij 1") {
		t.Errorf("%v: a fault of the shared strings is no fault of rij 1", err)
	}

	p = write(t, "xml.xlsx", workbookZip(t, `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</c></row>`, nil))
	_, err = allRows(t, p)
	assertDutch(t, err, "broken sheet XML", "xml.xlsx, blad 'Blad1', cel A2: ", "XML")

	p = write(t, "index.xlsx", workbookZip(t, `<row r="4"><c r="C4" t="s"><v>7</v></c></row>`, map[string]string{"xl/sharedStrings.xml": `<sst><si><t>a</t></si></sst>`}))
	_, err = allRows(t, p)
	assertDutch(t, err, "shared string out of range", "index.xlsx, blad 'Blad1', cel C4: ", "nr. 7")

	p = write(t, "entiteit.xlsx", workbookZip(t, `<row r="1"><c r="B1" t="inlineStr"><is><t>&lol9;</t></is></c></row>`, nil))
	_, err = allRows(t, p)
	assertDutch(t, err, "undefined entity", "entiteit.xlsx, blad 'Blad1', cel B1: ", "&lol9;")

	for _, e := range []error{syscall.EACCES, syscall.ELOOP, syscall.ENOENT, syscall.EIO, syscall.EINVAL} {
		if r := osReason(&os.PathError{Op: "open", Path: "x", Err: e}); strings.Contains(r, e.Error()) {
			t.Errorf("osReason(%v) = %q", e, r)
		}
	}
}

// Class 2: only regular files are read. A link to /dev/zero reads
// forever, a named pipe blocks on open; both are refused at once.
func TestOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "Procesmonitor_Dijkwaard_2026-K1.xlsx")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	fifo := filepath.Join(dir, "wijkteam_dijkwaard_2026-K1.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	good := write(t, "goed.csv", []byte("a;b\n"))
	link := filepath.Join(dir, "link.csv")
	os.Symlink(good, link)
	for _, tt := range []struct{ path, want string }{
		{zero, "apparaat"}, {fifo, "named pipe"}, {dir, "map"}, {link, ""},
	} {
		done := make(chan error, 2)
		go func() {
			r, err := OpenRegular(tt.path)
			if err == nil {
				r.Close()
			}
			done <- err
			f, err := Open(tt.path)
			if err == nil {
				f.Close()
			}
			done <- err
		}()
		for range 2 {
			select {
			case err := <-done:
				if tt.want == "" {
					if err != nil {
						t.Errorf("%s: %v", tt.path, err)
					}
					continue
				}
				assertDutch(t, err, tt.path, filepath.Base(tt.path)+": ", tt.want)
			case <-time.After(5 * time.Second):
				t.Fatalf("%s: still opening after 5 s", tt.path)
			}
		}
	}
}
