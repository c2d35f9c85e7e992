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
		return nil, &Error{File: "fuzz.csv", Msg: "leeg"}
	}
	c, err := openCSV(bytes.NewReader(data), int64(len(data)), "fuzz.csv")
	if err != nil {
		return nil, err
	}
	var recs [][]string
	err = c.walk(func(_ int, rec []string) error { recs = append(recs, rec); return nil })
	return recs, err
}
