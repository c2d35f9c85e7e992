package sheet

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Limits on what one workbook part may hold. Variables, so tests can
// lower them.
var (
	MaxSharedStrings     = 4_000_000 // entries of the shared strings table
	MaxSharedStringBytes = 256 << 20 // their text in total
	// MaxCells bounds the cells (empty ones up to a row's last value
	// included) that Rows hands out for one sheet: a row with a value in
	// column XFD is read as 16,384 cells, but a file of such rows is
	// refused before it costs gigabytes.
	MaxCells = 32 << 20
	// MaxText bounds the text that Rows hands out for one sheet: cells
	// that share a string cost nothing to read, but a sheet of 12,000
	// cells that each show the same 1 MB string would cost 12 GB to
	// whoever stores them.
	MaxText = 256 << 20
)

const (
	maxColumn = 16384   // XFD, Excel's last column
	maxRow    = 1048576 // Excel's last row
)

// workbook is an opened xlsx: its zip, its sheets in order, and what
// Rows needs to read them.
type workbook struct {
	zr      *zip.Reader
	parts   map[string]*zip.File // normalised name → entry
	sheets  []wbSheet
	sstPart string
	sstMu   sync.Mutex
	sst     *sharedStrings // nil until a sheet needs it
	sstErr  error
}

type wbSheet struct {
	name string
	part string // normalised part name, "" if the workbook lists a sheet it lacks
}

// normPart turns a zip entry or relationship target into the form the
// parts map uses: forward slashes (some tools write Windows separators),
// no leading slash, lower case (Excel itself ignores case).
func normPart(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Clean("/" + name)
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// resolveTarget resolves a relationship target against the folder of
// the part whose relationships it is: absolute targets (/xl/...) start
// at the package root, relative ones (worksheets/sheet1.xml,
// ../xl/...) at dir.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return normPart(target)
	}
	return normPart(path.Join("/"+dir, target))
}

func relsPath(part string) string {
	dir, base := path.Split(part)
	return dir + "_rels/" + base + ".rels"
}

type relationship struct {
	id, typ, target string
	external        bool
}

// openWorkbook reads the workbook's structure: which sheets it has and
// where their XML is. It reads no sheet and no styles.
func openWorkbook(zr *zip.Reader, name string) (*workbook, error) {
	fail := func(part, msg string, err error) (*workbook, error) {
		return nil, &Error{Location: Location{File: name}, Part: part, Msg: msg, Err: err}
	}
	wb := &workbook{zr: zr, parts: make(map[string]*zip.File, len(zr.File))}
	for _, zf := range zr.File {
		if strings.HasSuffix(zf.Name, "/") || strings.HasSuffix(zf.Name, `\`) {
			continue // a folder
		}
		n := normPart(zf.Name)
		if _, dup := wb.parts[n]; dup {
			// Which of the two is the workbook's is anyone's guess.
			return fail(n, "de werkmap bevat dit onderdeel twee keer; welke geldt is niet te zeggen. Sla het bestand opnieuw op in Excel", nil)
		}
		wb.parts[n] = zf
	}
	// The workbook part is the package's officeDocument; without one
	// (or with a broken one), xl/workbook.xml as Excel names it.
	wbPart := ""
	if rels, err := wb.rels("_rels/.rels", name); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") && !r.external {
				if p := resolveTarget("", r.target); wb.parts[p] != nil {
					wbPart = p
					break
				}
			}
		}
	}
	if wbPart == "" {
		if wb.parts["xl/workbook.xml"] != nil {
			wbPart = "xl/workbook.xml"
		} else {
			for p := range wb.parts {
				if path.Base(p) == "workbook.xml" {
					if wbPart != "" {
						return fail("", "de werkmap bevat meer dan één workbook.xml en zegt niet welke de werkmap is; sla het bestand opnieuw op in Excel", nil)
					}
					wbPart = p
				}
			}
		}
	}
	switch {
	case wbPart != "":
	case wb.parts["xl/workbook.bin"] != nil:
		return fail("", "dit is een binaire Excel-werkmap (.xlsb); sla het in Excel op als 'Excel-werkmap (*.xlsx)'", nil)
	case wb.parts["content.xml"] != nil || wb.parts["mimetype"] != nil:
		return fail("", "dit is een OpenDocument-bestand (.ods of REFI-QDA), geen Excel-werkmap; sla het op als .xlsx", nil)
	default:
		return fail("", "dit zip-bestand is geen Excel-werkmap (xl/workbook.xml ontbreekt)", nil)
	}

	rels, err := wb.rels(relsPath(wbPart), name)
	if err != nil {
		return nil, err
	}
	dir := path.Dir(wbPart)
	if dir == "." {
		dir = ""
	}
	targets := map[string]string{}
	for _, r := range rels {
		if r.external {
			continue
		}
		p := resolveTarget(dir, r.target)
		targets[r.id] = p
		if strings.HasSuffix(r.typ, "/sharedStrings") && wb.parts[p] != nil {
			wb.sstPart = p
		}
	}
	if wb.sstPart == "" {
		// Some writers leave the relationship out.
		if p := normPart(path.Join(dir, "sharedStrings.xml")); wb.parts[p] != nil {
			wb.sstPart = p
		}
	}
	if err := wb.readSheets(wbPart, name, targets); err != nil {
		return nil, err
	}
	return wb, nil
}

// readSheets reads the sheet list of workbook.xml.
func (wb *workbook) readSheets(part, name string, targets map[string]string) error {
	x, closer, err := wb.open(part, name)
	if err != nil {
		return err
	}
	defer closer.Close()
	for {
		t, err := x.next()
		if err != nil {
			return wb.partError(part, name, err)
		}
		if t.kind == tokNone {
			return nil
		}
		if t.kind == tokEnd && string(t.name) == "sheets" {
			return nil
		}
		if t.kind == tokEnd || string(t.name) != "sheet" {
			continue
		}
		sn, ok, err := attrText(t.attrs, "name")
		if err != nil {
			return wb.partError(part, name, err)
		}
		if !ok {
			continue
		}
		id, _, err := attrNS(t.attrs, "id", true)
		if err != nil {
			return wb.partError(part, name, err)
		}
		wb.sheets = append(wb.sheets, wbSheet{name: sn, part: targets[string(id)]})
	}
}

// rels reads a relationships part; a missing one has none.
func (wb *workbook) rels(part, name string) ([]relationship, error) {
	if wb.parts[part] == nil {
		return nil, nil
	}
	x, closer, err := wb.open(part, name)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	var out []relationship
	for {
		t, err := x.next()
		if err != nil {
			return nil, wb.partError(part, name, err)
		}
		if t.kind == tokNone {
			return out, nil
		}
		if t.kind == tokEnd || string(t.name) != "Relationship" {
			continue
		}
		var r relationship
		var e1, e2, e3, e4 error
		r.id, _, e1 = attrText(t.attrs, "Id")
		r.typ, _, e2 = attrText(t.attrs, "Type")
		r.target, _, e3 = attrText(t.attrs, "Target")
		mode, _, e4 := attrText(t.attrs, "TargetMode")
		if err := errors.Join(e1, e2, e3, e4); err != nil {
			return nil, wb.partError(part, name, err)
		}
		r.external = strings.EqualFold(mode, "External")
		out = append(out, r)
	}
}

// open starts reading a part, within MaxUnzippedXML.
func (wb *workbook) open(part, name string) (*xmlScanner, io.Closer, error) {
	zf := wb.parts[part]
	if zf == nil {
		return nil, nil, &Error{Location: Location{File: name}, Part: part, Msg: "dit onderdeel ontbreekt in de werkmap; het bestand is beschadigd"}
	}
	if zf.UncompressedSize64 > uint64(MaxUnzippedXML) {
		return nil, nil, &Error{Location: Location{File: name}, Part: part, Msg: fmt.Sprintf("dit onderdeel pakt uit tot %s; meer dan %s wordt niet gelezen",
			mb(int64(min(zf.UncompressedSize64, 1<<62))), mb(MaxUnzippedXML))}

	}
	rc, err := zf.Open()
	if err != nil {
		return nil, nil, wb.partError(part, name, err)
	}
	x, err := newXMLScanner(&limitedReader{r: rc, left: MaxUnzippedXML})
	if err != nil {
		rc.Close()
		return nil, nil, wb.partError(part, name, err)
	}
	return x, partCloser{rc, x}, nil
}

type partCloser struct {
	rc io.Closer
	x  *xmlScanner
}

func (c partCloser) Close() error {
	c.x.release()
	return c.rc.Close()
}

// limitedReader fails, rather than ending quietly, past its limit: a
// part that inflates beyond what its zip entry says is not cut short.
type limitedReader struct {
	r    io.Reader
	left int64
}

var errPartTooLarge = errors.New("part too large")

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, errPartTooLarge
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// reason says in Dutch what went wrong reading a part.
func reason(err error) string {
	var xe *xmlError
	var se *Error
	var ce flate.CorruptInputError
	switch {
	case errors.As(err, &xe):
		return "de XML is ongeldig: " + xe.msg + "; sla het bestand opnieuw op in Excel of vraag de partner het opnieuw te sturen"
	case errors.Is(err, errPartTooLarge):
		return fmt.Sprintf("dit onderdeel pakt uit tot meer dan %s; dat wordt niet gelezen", mb(MaxUnzippedXML))
	case errors.As(err, &se):
		return se.Msg
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrAlgorithm),
		errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &ce):
		return "de ingepakte gegevens zijn beschadigd of niet volledig; vraag de partner het bestand opnieuw te sturen"
	}
	return "het onderdeel kan niet worden uitgepakt; vraag de partner het bestand opnieuw te sturen"
}

func (wb *workbook) partError(part, name string, err error) error {
	return &Error{Location: Location{File: name}, Part: part, Msg: reason(err), Err: err}
}

// sharedStrings is the shared strings table: all texts in one string,
// so a workbook of a million strings costs two allocations, not a
// million.
type sharedStrings struct {
	text string
	ends []uint32
}

func (s *sharedStrings) at(i int) string {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.text[start:s.ends[i]]
}

// sharedStrings reads the shared strings table once, when a sheet first
// needs it. Its faults are the table's, not a row's.
func (wb *workbook) sharedStrings(name string) (*sharedStrings, error) {
	wb.sstMu.Lock()
	defer wb.sstMu.Unlock()
	if wb.sst != nil || wb.sstErr != nil {
		return wb.sst, wb.sstErr
	}
	if wb.sstPart == "" {
		wb.sstErr = &Error{Location: Location{File: name}, Part: "xl/sharedStrings.xml", Msg: "cellen verwijzen naar gedeelde teksten, maar de werkmap heeft er geen; het bestand is beschadigd"}
		return nil, wb.sstErr
	}
	wb.sst, wb.sstErr = readSharedStrings(wb, name)
	return wb.sst, wb.sstErr
}

func readSharedStrings(wb *workbook, name string) (*sharedStrings, error) {
	x, closer, err := wb.open(wb.sstPart, name)
	if err != nil {
		return nil, err
	}
	defer closer.Close()
	return parseSharedStrings(x, name, wb.sstPart)
}

func parseSharedStrings(x *xmlScanner, name, part string) (*sharedStrings, error) {
	fail := func(i int, err error) error {
		msg := reason(err)
		if i >= 0 {
			msg = fmt.Sprintf("gedeelde tekst nr. %d: %s", i, msg)
		}
		return &Error{Location: Location{File: name}, Part: part, Msg: msg, Err: err}
	}
	var buf []byte
	s := &sharedStrings{}
	for {
		t, err := x.next()
		if err != nil {
			return nil, fail(len(s.ends), err)
		}
		if t.kind == tokNone || (t.kind == tokEnd && string(t.name) == "sst") {
			break
		}
		if t.kind == tokStart && string(t.name) == "sst" {
			if n, ok := attr(t.attrs, "uniqueCount"); ok {
				if c, err := strconv.Atoi(string(n)); err == nil && c > 0 {
					s.ends = make([]uint32, 0, min(c, MaxSharedStrings, 1<<20))
				}
			}
			continue
		}
		if string(t.name) != "si" || t.kind == tokEnd {
			continue
		}
		if len(s.ends) >= MaxSharedStrings {
			return nil, &Error{Location: Location{File: name}, Part: part, Msg: fmt.Sprintf("de werkmap heeft meer dan %d gedeelde teksten; dat wordt niet gelezen", MaxSharedStrings)}
		}
		start := len(buf)
		if t.kind == tokStart {
			if buf, err = x.richText(buf); err != nil {
				return nil, fail(len(s.ends), err)
			}
			u := unescapeOOXML(buf[start:])
			buf = buf[:start+len(u)]
			if !utf8.Valid(buf[start:]) {
				// Not XML: Excel would refuse the file. Keep what can be
				// read, visibly marked.
				buf = append(buf[:start], bytes.ToValidUTF8(bytes.Clone(buf[start:]), []byte("\uFFFD"))...)
			}
		}
		if len(buf) > MaxSharedStringBytes {
			return nil, &Error{Location: Location{File: name}, Part: part, Msg: fmt.Sprintf("de gedeelde teksten zijn samen meer dan %s; dat wordt niet gelezen", mb(int64(MaxSharedStringBytes)))}
		}
		s.ends = append(s.ends, uint32(len(buf)))
	}
	s.text = string(buf)
	return s, nil
}
