// Package sheet reads partner spreadsheets (xlsx) and CSV files safely:
// it says what a file really is before trusting its name, streams rows
// instead of loading whole workbooks, bounds what a file may inflate to,
// and turns every failure into a Dutch message a partner understands.
package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits that keep a hostile or broken file from exhausting memory.
// Variables, so tests can lower them.
var (
	MaxUnzipped    uint64 = 1 << 30 // total inflated size of an xlsx
	MaxUnzippedXML int64  = 256 << 20
	MaxCSV         int64  = 256 << 20
	MaxRows               = 2_000_000 // rows read from one sheet
	MaxEmptyRun           = 10_000    // consecutive empty rows after which a sheet is taken to end
)

// File is an opened spreadsheet or CSV file.
type File struct {
	Path string
	Name string // base name, for messages
	x    *excelize.File
	csv  [][]string
	// maxSheetXML is the largest inflated worksheet part, which bounds
	// what loading a sheet into memory may cost.
	maxSheetXML uint64

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
func (f *File) IsCSV() bool { return f.x == nil }

// Open reads what path really is and opens it. Errors are Dutch and
// name the file.
func Open(path string) (*File, error) {
	name := filepath.Base(path)
	fail := func(format string, a ...any) error {
		return fmt.Errorf("%s: %s", name, fmt.Sprintf(format, a...))
	}
	if strings.HasPrefix(name, "~$") {
		return nil, fail("dit is een tijdelijk vergrendelingsbestand van Excel, geen aanlevering; sla het bestand over")
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, fail("kan het bestand niet lezen (%v)", err)
	}
	if st.IsDir() {
		return nil, fail("dit is een map, geen bestand")
	}
	if st.Size() == 0 {
		return nil, fail("het bestand is leeg (0 bytes); vraag de partner het opnieuw te sturen")
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, fail("kan het bestand niet openen (%v)", err)
	}
	defer fh.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]

	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return openZip(path, name, st.Size())
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, fail("dit is een oud Excel-bestand (.xls, Excel 97-2003) of een met een wachtwoord beveiligd bestand. " +
			"Open het in Excel, haal een eventueel wachtwoord weg en kies 'Opslaan als' > 'Excel-werkmap (*.xlsx)'")
	case bytes.HasPrefix(head, []byte("PK")):
		return nil, fail("het bestand is beschadigd of niet volledig (geen geldige xlsx); vraag de partner het opnieuw te sturen")
	}
	if st.Size() > MaxCSV {
		return nil, fail("het bestand is groter dan %d MB; dat is te groot voor één aanlevering", MaxCSV>>20)
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".ods" {
		return nil, fail("heet %s maar is geen Excel-werkmap; open het in Excel en sla het op als .xlsx", ext)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fail("kan het bestand niet lezen (%v)", err)
	}
	recs, err := parseCSV(data)
	if err != nil {
		return nil, fail("%v", err)
	}
	return &File{Path: path, Name: name, csv: recs}, nil
}

func openZip(path, name string, size int64) (*File, error) {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("%s: %s", name, fmt.Sprintf(format, a...))
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		return nil, fail("het bestand is beschadigd of niet volledig (geen geldige xlsx); vraag de partner het opnieuw te sturen")
	}
	var total, maxSheet uint64
	isXLSX, isODS := false, false
	for _, zf := range zr.File {
		total += zf.UncompressedSize64
		if strings.HasPrefix(zf.Name, "xl/worksheets/") {
			maxSheet = max(maxSheet, zf.UncompressedSize64)
		}
		switch {
		case zf.Name == "xl/workbook.xml":
			isXLSX = true
		case zf.Name == "xl/workbook.bin":
			zr.Close()
			return nil, fail("dit is een binaire Excel-werkmap (.xlsb); sla het in Excel op als 'Excel-werkmap (*.xlsx)'")
		case zf.Name == "content.xml" || zf.Name == "mimetype":
			isODS = true
		}
	}
	zr.Close()
	if !isXLSX {
		if isODS {
			return nil, fail("dit is een OpenDocument-bestand (.ods of REFI-QDA), geen Excel-werkmap; sla het op als .xlsx")
		}
		return nil, fail("dit zip-bestand is geen Excel-werkmap (xl/workbook.xml ontbreekt)")
	}
	if total > MaxUnzipped {
		return nil, fail("het bestand pakt uit tot %d MB (zelf %d kB); dat is meer dan de grens van %d MB en wordt niet gelezen",
			total>>20, size>>10, MaxUnzipped>>20)
	}
	x, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: int64(MaxUnzipped), UnzipXMLSizeLimit: MaxUnzippedXML})
	if err != nil {
		return nil, fail("kan de werkmap niet lezen: %v", dutchExcelize(err))
	}
	return &File{Path: path, Name: name, x: x, maxSheetXML: maxSheet}, nil
}

func dutchExcelize(err error) string {
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "geen ondersteund werkmapformaat"
	case strings.Contains(err.Error(), "password") || strings.Contains(err.Error(), "encrypt"):
		return "de werkmap is met een wachtwoord beveiligd"
	}
	return err.Error()
}

// Close releases the file.
func (f *File) Close() error {
	if f.x != nil {
		return f.x.Close()
	}
	return nil
}

// Sheets lists the sheet names; a CSV file has one sheet named "".
func (f *File) Sheets() []string {
	if f.x == nil {
		return []string{""}
	}
	return f.x.GetSheetList()
}

// Rows calls fn for every row of sheet, in order, with its 1-based row
// number and the raw cell texts (dates as Excel serial numbers, numbers
// without display formatting). Empty rows are skipped; row numbers stay
// those the partner sees. fn may return ErrStop to end early.
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
	if f.bewaarMax <= 0 || f.x == nil { // a CSV file is in memory already
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
	if f.x == nil {
		for i, rec := range f.csv {
			if isEmpty(rec) {
				continue
			}
			if err := fn(i+1, rec); err != nil {
				if errors.Is(err, ErrStop) {
					return nil
				}
				return err
			}
		}
		return nil
	}
	seen, err := f.stream(sheet, fn)
	if err != nil || seen > 0 || f.maxSheetXML > maxFallbackXML {
		return err
	}
	// excelize's streaming reader drops the values of cells with an empty
	// style attribute (s=""). Loading the sheet into memory first makes
	// Rows read excelize's own cleaned-up copy, which keeps them. Only
	// done for an apparently empty, small sheet, so a sheet of a million
	// empty rows is never loaded whole.
	if _, err := f.x.GetCellValue(sheet, "A1"); err != nil {
		return nil
	}
	_, err = f.stream(sheet, fn)
	return err
}

// maxFallbackXML bounds the sheets that may be loaded into memory.
const maxFallbackXML = 16 << 20

// stream walks a sheet with excelize's streaming reader and returns how
// many non-empty rows it passed to fn.
func (f *File) stream(sheet string, fn func(row int, cells []string) error) (seen int, err error) {
	rows, err := f.x.Rows(sheet)
	if err != nil {
		return 0, fmt.Errorf("%s, blad %q: kan het blad niet lezen: %v", f.Name, sheet, err)
	}
	defer rows.Close()
	n, empty := 0, 0
	for rows.Next() {
		n++
		if n > MaxRows {
			return seen, fmt.Errorf("%s, blad %q: meer dan %d rijen; dat is te groot voor één aanlevering", f.Name, sheet, MaxRows)
		}
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return seen, fmt.Errorf("%s, blad %q, rij %d: kan de rij niet lezen: %v", f.Name, sheet, n, err)
		}
		if isEmpty(cells) {
			// Workbooks with many formatted but empty rows: stop after a
			// long empty run instead of walking a million rows.
			if empty++; empty > MaxEmptyRun {
				return seen, nil
			}
			continue
		}
		empty = 0
		seen++
		if err := fn(n, cells); err != nil {
			if errors.Is(err, ErrStop) {
				return seen, nil
			}
			return seen, err
		}
	}
	if err := rows.Error(); err != nil {
		return seen, fmt.Errorf("%s, blad %q: kan het blad niet lezen: %v", f.Name, sheet, err)
	}
	return seen, nil
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
	s, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return fmt.Sprintf("kolom %d, rij %d", col, row)
	}
	return s
}

// Get returns cells[i] trimmed, or "" past the end of the row.
func Get(cells []string, i int) string {
	if i < 0 || i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(strings.ReplaceAll(cells[i], "\u00a0", " "))
}
