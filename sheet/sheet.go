// Package sheet reads partner spreadsheets (xlsx) and CSV files safely:
// it reads only regular files, says what a file really is before
// trusting its name, streams rows (its own SpreadsheetML scanner, see
// xmlscan.go; CSV decoded record by record) instead of loading whole
// workbooks, bounds what a file may inflate to and the work per byte of
// it, and turns every failure into an *Error: a location and a Dutch
// message a partner understands. excelize stays for writing workbooks.
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Limits that keep a hostile or broken file from exhausting memory.
// Variables, so tests can lower them. See also MaxFile, MaxRecord,
// MaxCells and the limits on shared strings.
var (
	MaxUnzipped    uint64 = 1 << 30 // total inflated size of an xlsx
	MaxUnzippedXML int64  = 256 << 20
	MaxCSV         int64  = 256 << 20
	MaxRows               = 2_000_000 // row elements read from one sheet
)

// File is an opened spreadsheet or CSV file.
type File struct {
	Path string
	Name string // base name, for messages
	reg  *Regular
	wb   *workbook  // an xlsx
	csv  *csvSource // a CSV file

	// bewaarMax and bewaard: see Bewaar.
	bewaarMax int
	bewaard   map[string][]Rij
}

// Rij is one non-empty row of a sheet: its 1-based number and cell texts.
type Rij struct {
	Nr    int
	Cells []string
}

// Bewaar makes Rows keep every sheet it walks to the end, up to max
// cells per sheet, so that a second walk over the same sheet (the
// terugmelding to the partner, after the import read it) replays the rows
// from memory instead of parsing the file again. A larger sheet is
// walked again from the file, so memory stays bounded.
func (f *File) Bewaar(max int) {
	f.bewaarMax = max
}

// IsCSV reports whether the file was read as CSV.
func (f *File) IsCSV() bool { return f.csv != nil }

// Open reads what path really is and opens it: only a regular file
// (see OpenRegular), an xlsx by its zip structure, anything else as
// CSV. Errors are *Error values, in Dutch, naming the file.
func Open(path string) (*File, error) {
	name := filepath.Base(path)
	fail := func(msg string) (*File, error) { return nil, &Error{Location: Location{File: name}, Msg: msg} }
	if strings.HasPrefix(name, "~$") {
		return fail("dit is een tijdelijk vergrendelingsbestand van Excel, geen aanlevering; sla het bestand over")
	}
	reg, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	f, err := open(reg, path, name)
	if err != nil {
		reg.Close()
		return nil, err
	}
	return f, nil
}

func open(reg *Regular, path, name string) (*File, error) {
	fail := func(msg string) (*File, error) { return nil, &Error{Location: Location{File: name}, Msg: msg} }
	size := reg.Size()
	if size == 0 {
		return fail("het bestand is leeg (0 bytes); vraag de partner het opnieuw te sturen")
	}
	head := make([]byte, min(size, 8))
	if _, err := reg.ReadAt(head, 0); err != nil {
		return nil, readError(name, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		wb, err := openZip(reg, name)
		if err != nil {
			return nil, err
		}
		return &File{Path: path, Name: name, reg: reg, wb: wb}, nil
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return fail("dit is een oud Excel-bestand (.xls, Excel 97-2003) of een met een wachtwoord beveiligd bestand. " +
			"Open het in Excel, haal een eventueel wachtwoord weg en kies 'Opslaan als' > 'Excel-werkmap (*.xlsx)'")
	case bytes.HasPrefix(head, []byte("PK")):
		return fail("het bestand is beschadigd of niet volledig (geen geldige xlsx); vraag de partner het opnieuw te sturen")
	}
	if size > MaxCSV {
		return fail(fmt.Sprintf("het bestand is groter dan %s; dat is te groot voor één aanlevering", mb(MaxCSV)))
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".ods" {
		return fail(fmt.Sprintf("heet %s maar is geen Excel-werkmap; open het in Excel en sla het op als .xlsx", ext))
	}
	c, err := openCSV(reg, size, name)
	if err != nil {
		return nil, err
	}
	return &File{Path: path, Name: name, reg: reg, csv: c}, nil
}

func openZip(reg *Regular, name string) (*workbook, error) {
	fail := func(msg string) (*workbook, error) { return nil, &Error{Location: Location{File: name}, Msg: msg} }
	zr, err := zip.NewReader(reg, reg.Size())
	if err != nil {
		return fail("het bestand is beschadigd of niet volledig (geen geldige xlsx); vraag de partner het opnieuw te sturen")
	}
	var total uint64
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if total > MaxUnzipped || total < zf.UncompressedSize64 {
			return fail(fmt.Sprintf("het bestand pakt uit tot meer dan %s (zelf %s); dat is meer dan de grens van %s en wordt niet gelezen",
				mb(int64(min(total, MaxUnzipped))), kb(reg.Size()), mb(int64(MaxUnzipped))))
		}
	}
	return openWorkbook(zr, name)
}

// mb writes a size for a message.
func mb(n int64) string {
	if n < 1<<20 {
		return kb(n)
	}
	return strconv.FormatInt(n>>20, 10) + " MB"
}

func kb(n int64) string { return strconv.FormatInt((n+1023)>>10, 10) + " kB" }

// Close releases the file.
func (f *File) Close() error {
	if f.reg != nil {
		return f.reg.Close()
	}
	return nil
}

// Sheets lists the sheet names in the workbook's order; a CSV file has
// one sheet named "".
func (f *File) Sheets() []string {
	if f.wb == nil {
		return []string{""}
	}
	names := make([]string, len(f.wb.sheets))
	for i, s := range f.wb.sheets {
		names[i] = s.name
	}
	return names
}

// Rows calls fn for every row of sheet, in order, with its 1-based row
// number and the raw cell texts (dates as Excel serial numbers, numbers
// without display formatting, booleans as 0 and 1, shared and inline
// strings resolved). Empty rows are skipped; row numbers stay those the
// partner sees. fn may return ErrStop to end early; its other errors
// are returned as they are.
func (f *File) Rows(sheet string, fn func(row int, cells []string) error) error {
	if rijen, ok := f.bewaard[sheet]; ok {
		for _, r := range rijen {
			// A copy: fn may change the cells it is given.
			if err := fn(r.Nr, slices.Clone(r.Cells)); err != nil {
				if errors.Is(err, ErrStop) {
					return nil
				}
				return err
			}
		}
		return nil
	}
	if f.bewaarMax <= 0 {
		return f.rows(sheet, fn)
	}
	var (
		rijen  []Rij
		cellen int
		heel   = true // every row so far is kept and none was skipped
	)
	err := f.rows(sheet, func(row int, cells []string) error {
		if heel {
			if cellen += len(cells); cellen > f.bewaarMax {
				heel, rijen = false, nil
			} else {
				rijen = append(rijen, Rij{row, slices.Clone(cells)})
			}
		}
		err := fn(row, cells)
		if errors.Is(err, ErrStop) {
			heel = false // stopped early: the rows are not all there
		}
		return err
	})
	if err == nil && heel {
		if f.bewaard == nil {
			f.bewaard = map[string][]Rij{}
		}
		f.bewaard[sheet] = rijen
	}
	return err
}

func (f *File) rows(sheet string, fn func(row int, cells []string) error) error {
	var err error
	if f.csv != nil {
		err = f.csv.walk(fn)
	} else {
		err = f.walkSheet(sheet, fn)
	}
	if errors.Is(err, ErrStop) {
		return nil
	}
	return err
}

// walkSheet streams one worksheet of an xlsx.
func (f *File) walkSheet(sheet string, fn func(row int, cells []string) error) error {
	var s *wbSheet
	for i := range f.wb.sheets {
		if f.wb.sheets[i].name == sheet {
			s = &f.wb.sheets[i]
			break
		}
	}
	if s == nil {
		for i := range f.wb.sheets {
			if strings.EqualFold(f.wb.sheets[i].name, sheet) {
				s = &f.wb.sheets[i]
				break
			}
		}
	}
	if s == nil {
		return &Error{Location: Location{File: f.Name, Sheet: sheet}, Msg: "dit blad staat niet in de werkmap; die heeft de bladen: " + strings.Join(f.Sheets(), ", ")}
	}
	if s.part == "" || f.wb.parts[s.part] == nil {
		return &Error{Location: Location{File: f.Name, Sheet: s.name}, Msg: "de werkmap noemt dit blad, maar het blad zelf ontbreekt; het bestand is beschadigd. Sla het opnieuw op in Excel"}
	}
	x, closer, err := f.wb.open(s.part, f.Name)
	if err != nil {
		var se *Error
		if errors.As(err, &se) {
			se.Sheet, se.Part = s.name, ""
		}
		return err
	}
	defer closer.Close()
	r := &sheetReader{x: x, wb: f.wb, file: f.Name, sheet: s.name}
	return r.walk(fn)
}

// ErrStop ends a Rows walk early without error.
var ErrStop = errors.New("stop")

func isEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Cell names a cell the way Excel does: Cell(3, 7) is "C7".
func Cell(col, row int) string {
	if col < 1 || col > maxColumn || row < 1 || row > maxRow {
		return fmt.Sprintf("kolom %d, rij %d", col, row)
	}
	return columnName(col) + strconv.Itoa(row)
}

// columnName is Excel's name of a 1-based column: 1 is A, 28 is AB.
func columnName(col int) string {
	var b [4]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// Get returns cells[i] trimmed, or "" past the end of the row.
func Get(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(cells[i], "\u00a0", " "))
}
