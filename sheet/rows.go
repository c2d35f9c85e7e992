package sheet

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// cellSpan is one value of the row being read: its column and where its
// text is (in the row's text, or an entry of the shared strings).
type cellSpan struct {
	col        int // 0-based
	start, end int // in rowReader.text
	shared     int // shared string index + 1; 0 for a text value
}

// sheetReader walks the rows of one worksheet part. Per row it makes
// one string of all the row's own texts and one slice of cells; shared
// strings are handed out as they are, without a copy.
type sheetReader struct {
	x     *xmlScanner
	wb    *workbook
	file  string // base name, for messages
	sheet string
	text  []byte
	spans []cellSpan
	sst   *sharedStrings
	cells int // handed out so far, see MaxCells
	size  int // bytes of text handed out so far, see MaxText
	rows  int // row elements read, see MaxRows
}

func (r *sheetReader) fail(row, col int, msg string, err error) error {
	return &Error{Location: Location{File: r.file, Sheet: r.sheet, Row: row, Col: col}, Msg: msg, Err: err}
}

// walk calls fn for every row that holds a value.
func (r *sheetReader) walk(fn func(row int, cells []string) error) error {
	// Everything before <sheetData> (columns, views) is skipped; so is
	// everything after it (merged cells, formatting): as before, a
	// merged header's value is in its top-left cell only.
	for {
		t, err := r.x.next()
		if err != nil {
			return r.fail(0, 0, reason(err), err)
		}
		if t.kind == tokNone {
			return nil // a chart sheet, or a sheet without data
		}
		if string(t.name) == "sheetData" {
			if t.kind != tokStart {
				return nil
			}
			break
		}
	}
	row := 0
	for {
		t, err := r.x.next()
		if err != nil {
			return r.fail(0, 0, fmt.Sprintf("na rij %d: %s", row, reason(err)), err)
		}
		switch {
		case t.kind == tokNone:
			return r.fail(0, 0, fmt.Sprintf("het blad houdt na rij %d op zonder einde; het bestand is niet volledig", row), errTruncated)
		case t.kind == tokEnd && string(t.name) == "sheetData":
			return r.verify()
		case string(t.name) != "row" || t.kind == tokEnd:
			if t.kind == tokStart {
				if err := r.x.skipElement(); err != nil {
					return r.fail(0, 0, fmt.Sprintf("na rij %d: %s", row, reason(err)), err)
				}
			}
			continue
		}
		if r.rows++; r.rows > MaxRows {
			return r.fail(0, 0, fmt.Sprintf("het blad heeft meer dan %d rijen; dat is te groot voor één aanlevering", MaxRows), nil)
		}
		// A row without a number (or with 0, as some writers do) follows
		// the previous one.
		next := row + 1
		if v, ok := attr(t.attrs, "r"); ok {
			if n, ok := parseUint(v); ok && n > 0 {
				next = n
			} else if !ok && isDigits(v) {
				next = maxRow + 1
			}
		}
		if next > maxRow {
			return r.fail(0, 0, fmt.Sprintf("na rij %d volgt een rijnummer boven %d, het laatste dat Excel kent; het bestand is beschadigd", row, maxRow), nil)
		}
		row = next
		if t.kind == tokEmpty {
			continue
		}
		if err := r.readRow(row); err != nil {
			return err
		}
		if len(r.spans) == 0 {
			continue
		}
		cells, err := r.build(row)
		if err != nil {
			return err
		}
		if cells == nil {
			continue
		}
		if err := fn(row, cells); err != nil {
			return err
		}
	}
}

// verify reads the rest of the part, which holds nothing Rows needs,
// so that the zip's checksum over it is checked: a damaged file is not
// read as if it were whole.
func (r *sheetReader) verify() error {
	if _, err := io.Copy(io.Discard, readerFunc(r.x.readRest)); err != nil {
		return r.fail(0, 0, reason(err), err)
	}
	return nil
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// readRow reads the cells of a row up to its end tag.
func (r *sheetReader) readRow(row int) error {
	r.text, r.spans = r.text[:0], r.spans[:0]
	col := -1
	for {
		t, err := r.x.inside()
		if err != nil {
			return r.fail(row, 0, reason(err), err)
		}
		switch {
		case t.kind == tokEnd && string(t.name) == "row":
			return nil
		case t.kind == tokEnd:
			continue
		case string(t.name) != "c":
			if t.kind == tokStart {
				if err := r.x.skipElement(); err != nil {
					return r.fail(row, 0, reason(err), err)
				}
			}
			continue
		}
		col++
		if ref, ok := attr(t.attrs, "r"); ok {
			c, ok := parseColumn(ref)
			if !ok {
				return r.fail(row, col+1, fmt.Sprintf("de celverwijzing '%s' is ongeldig; verwacht een kolom A tot en met XFD met een rijnummer, zoals B7", clip(ref)), nil)
			}
			col = c - 1
		}
		if col >= maxColumn {
			return r.fail(row, 0, fmt.Sprintf("een cel voorbij kolom XFD (de %de kolom); Excel kent niet meer dan %d kolommen", col+1, maxColumn), nil)
		}
		// The type is read now: the token's bytes are gone after the
		// next one.
		typ := typeOther
		if v, _ := attr(t.attrs, "t"); string(v) == "s" {
			typ = typeShared
		} else if string(v) == "inlineStr" {
			typ = typeInline
		}
		if t.kind == tokEmpty {
			continue
		}
		if err := r.readCell(row, col, typ); err != nil {
			return err
		}
	}
}

// readCell reads a cell's value: the raw <v> (numbers unformatted,
// dates as serial numbers, booleans 0 and 1, error values as #N/A), a
// shared string, or an inline string.
func (r *sheetReader) readCell(row, col int, typ cellType) error {
	start := len(r.text)
	shared := -1
	var err error
	for {
		t, e := r.x.inside()
		if err = e; err != nil {
			break
		}
		if t.kind == tokEnd {
			if string(t.name) == "c" {
				break
			}
			continue
		}
		if t.kind == tokEmpty {
			continue
		}
		switch string(t.name) {
		case "v":
			r.text = r.text[:start]
			if r.text, err = r.x.elementText(r.text, "v"); err != nil {
				break
			}
			if typ == typeShared {
				v := bytes.TrimSpace(r.text[start:])
				r.text = r.text[:start]
				if len(v) == 0 {
					continue
				}
				n, ok := parseUint(v)
				if !ok {
					return r.fail(row, col+1, fmt.Sprintf("de cel verwijst naar gedeelde tekst '%s'; verwacht een volgnummer; het bestand is beschadigd", clip(v)), nil)
				}
				shared = n
			}
		case "is":
			if typ != typeInline {
				err = r.x.skipElement()
				break
			}
			r.text = r.text[:start]
			if r.text, err = r.x.richText(r.text); err != nil {
				break
			}
			u := unescapeOOXML(r.text[start:])
			r.text = r.text[:start+len(u)]
		default: // <f> and anything else: the value is in <v>
			err = r.x.skipElement()
		}
		if err != nil {
			break
		}
	}
	if err != nil {
		return r.fail(row, col+1, reason(err), err)
	}
	switch {
	case shared >= 0:
		if r.sst == nil {
			if r.sst, err = r.wb.sharedStrings(r.file); err != nil {
				return err
			}
		}
		if shared >= len(r.sst.ends) {
			return r.fail(row, col+1, fmt.Sprintf("de cel verwijst naar gedeelde tekst nr. %d, maar de werkmap heeft er %d; het bestand is beschadigd", shared, len(r.sst.ends)), nil)
		}
		if r.sst.at(shared) != "" {
			r.spans = append(r.spans, cellSpan{col: col, shared: shared + 1})
		}
	case len(r.text) > start:
		r.spans = append(r.spans, cellSpan{col: col, start: start, end: len(r.text)})
	}
	return nil
}

// build makes the row's cells, or nil when they are all blank.
func (r *sheetReader) build(row int) ([]string, error) {
	width, blank := 0, true
	for _, s := range r.spans {
		width = max(width, s.col+1)
		if blank {
			if s.shared > 0 {
				blank = strings.TrimSpace(r.sst.at(s.shared-1)) == ""
			} else {
				blank = len(bytes.TrimSpace(r.text[s.start:s.end])) == 0
			}
		}
	}
	if blank {
		return nil, nil
	}
	size := 0
	for _, s := range r.spans {
		if s.shared > 0 {
			size += len(r.sst.at(s.shared - 1))
		}
	}
	if r.size += size + len(r.text); r.size > MaxText {
		return nil, r.fail(row, 0, fmt.Sprintf("de cellen van het blad hebben tot en met deze rij samen meer dan %s tekst; dat is te groot voor één aanlevering", mb(int64(MaxText))), nil)
	}
	if r.cells += width; r.cells > MaxCells {
		return nil, r.fail(row, width, fmt.Sprintf("het blad heeft meer dan %d cellen (tot en met deze cel, de lege tussen de waarden meegeteld); dat is te groot voor één aanlevering. Staat er ver rechts in het blad nog iets?", MaxCells), nil)
	}
	if !utf8.Valid(r.text) {
		// Not XML, so not from Excel: keep what can be read, visibly
		// marked, rather than hand the store bytes it refuses.
		fixed := make([]byte, 0, len(r.text))
		for i := range r.spans {
			s := &r.spans[i]
			if s.shared > 0 {
				continue
			}
			start := len(fixed)
			fixed = append(fixed, bytes.ToValidUTF8(r.text[s.start:s.end], []byte("\uFFFD"))...)
			s.start, s.end = start, len(fixed)
		}
		r.text = fixed
	}
	text := string(r.text)
	cells := make([]string, width)
	for _, s := range r.spans {
		if s.shared > 0 {
			cells[s.col] = r.sst.at(s.shared - 1)
		} else {
			cells[s.col] = text[s.start:s.end]
		}
	}
	return cells, nil
}

type cellType uint8

const (
	typeOther  cellType = iota // numbers, dates, booleans, errors, formula strings: the raw <v>
	typeShared                 // t="s": <v> is an index into the shared strings
	typeInline                 // t="inlineStr": the text is in <is>
)

// parseColumn returns the 1-based column of a cell reference like B7.
func parseColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if col > maxColumn {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	if i < len(ref) {
		if _, ok := parseUint(ref[i:]); !ok {
			return 0, false
		}
	}
	return col, true
}

// parseUint parses a decimal number without allocating; it refuses
// anything above maxRow*16 so it cannot overflow.
func parseUint(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n = n*10 + int(c-'0'); n > 1<<40 {
			return 0, false
		}
	}
	return n, true
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// clip shortens a raw value for a message.
func clip(b []byte) string {
	s := strings.ToValidUTF8(string(b), "?")
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
