package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Whatever bytes a partner sends, reading ends in rows or a Dutch message
// that names the file: never a panic.

func FuzzCSV(f *testing.F) {
	for _, s := range []string{"a;b\r\nc;d\r\n", "\xef\xbb\xbfa,b\n", "\xff\xfea\x00;\x00", "a\"b;c\rd", "\"\"\"", "x\x00y"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := parseCSV(data)
		if err == nil && len(recs) == 0 {
			t.Errorf("parseCSV(%q): no rows and no error", data)
		}
		var se *Error
		if err != nil && !errors.As(err, &se) {
			t.Errorf("parseCSV(%q): %v is no *Error", data, err)
		}
	})
}

func FuzzOpen(f *testing.F) {
	x := excelize.NewFile()
	x.SetCellStr("Sheet1", "A1", "Cliëntnummer")
	x.SetCellStr("Sheet1", "A2", "VK-1")
	var buf bytes.Buffer
	x.Write(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x03\x04garbage"))
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0})
	f.Add([]byte("a;b\n1;2\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		p := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		file, err := Open(p)
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.xlsx") {
				t.Errorf("message does not name the file: %v", err)
			}
			return
		}
		defer file.Close()
		for _, s := range file.Sheets() {
			_ = file.Rows(s, func(int, []string) error { return nil })
		}
	})
}

// parseCSV reads CSV data as Open and Rows do.
func parseCSV(data []byte) ([][]string, error) {
	if len(data) == 0 {
		return nil, &Error{Location: Location{File: "fuzz.csv"}, Msg: "leeg"}
	}
	c, err := openCSV(bytes.NewReader(data), int64(len(data)), "fuzz.csv")
	if err != nil {
		return nil, err
	}
	var recs [][]string
	err = c.walk(func(_ int, rec []string) error { recs = append(recs, rec); return nil })
	return recs, err
}

// FuzzSheetXML feeds the SpreadsheetML reader any sheet XML (and, after
// a line "--sst--", any shared strings XML): it ends in rows or an
// *Error that names the file, never a panic or a row wider than Excel.
func FuzzSheetXML(f *testing.F) {
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>3.5</v></c></row><row><c t="inlineStr"><is><r><t>a</t></r><rPh><t>x</t></rPh><t xml:space="preserve"> b</t></is></c></row></sheetData></worksheet>` +
			"\n--sst--\n" + `<sst><si><t>Cli&#235;nt &amp; _x000D_</t></si><si><r><t>rich</t></r></si></sst>`,
		`<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1048576"><x:c r="XFD1048576" t="b"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		`<?xml version="1.0" encoding="windows-1252"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData><row r="2"><c r="B2" t="e"><v>#N/A</v></c><c r="C2"><v><![CDATA[1<2]]></v></c><!-- c --></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c r="A1"><f>SUM(B1)</f><v>2</v></c></row><row r="0"/><row r="x"><c r="ZZZZ1"/></row>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sheetXML, sstXML, hasSST := bytes.Cut(data, []byte("\n--sst--\n"))
		wb := &workbook{sst: &sharedStrings{}}
		if hasSST {
			x, err := newXMLScanner(bytes.NewReader(sstXML))
			if err != nil {
				err = wb.partError("xl/sharedStrings.xml", "fuzz.xlsx", err) // as workbook.open does
			} else {
				wb.sst, err = parseSharedStrings(x, "fuzz.xlsx", "xl/sharedStrings.xml")
			}
			if err != nil {
				checkError(t, err)
				return
			}
		}
		x, err := newXMLScanner(bytes.NewReader(sheetXML))
		if err != nil {
			checkError(t, wb.partError("xl/worksheets/sheet1.xml", "fuzz.xlsx", err))
			return
		}
		r := &sheetReader{x: x, wb: wb, file: "fuzz.xlsx", sheet: "Blad1"}
		err = r.walk(func(row int, cells []string) error {
			if row < 1 || row > maxRow || len(cells) == 0 || len(cells) > maxColumn || isEmpty(cells) {
				t.Errorf("row %d with %d cells %q", row, len(cells), cells)
			}
			return nil
		})
		if err != nil {
			checkError(t, err)
		}
	})
}

func checkError(t *testing.T, err error) {
	t.Helper()
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("%v (%T) is no *sheet.Error", err, err)
	}
	if !strings.HasPrefix(err.Error(), "fuzz.xlsx") {
		t.Errorf("message does not name the file: %v", err)
	}
}
