package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/transform"
)

// MaxRecord bounds one CSV record (a line, or more lines when a quoted
// field holds line breaks): a partner's row is a few hundred bytes, so a
// record of megabytes is a broken file (a line that never ends, a quote
// that is never closed), and it is refused rather than read as one
// huge field that hides the rows after it.
var MaxRecord = 4 << 20

// A CSV file is read as a stream: Open decides the encoding and the
// separator, each Rows walk decodes the file again record by record, so
// memory stays bounded by the record, not the file.
type csvSource struct {
	src   io.ReaderAt
	size  int64
	name  string
	skip  int64 // byte order mark
	enc   csvEncoding
	comma rune
}

type csvEncoding uint8

const (
	encUTF8 csvEncoding = iota
	encCP1252
	encMixed // UTF-8, and a byte that is not read as Windows-1252
	encUTF16LE
	encUTF16BE
	encUTF32LE
	encUTF32BE
)

// openCSV decides how to read a partner's CSV whatever Excel or another
// program saved it as: UTF-8 with or without BOM, Windows-1252 (also
// behind a UTF-8 BOM), UTF-16 or UTF-32 with or without BOM; separated
// by semicolons (Dutch Excel), commas, tabs or bars; CRLF, LF or CR-only
// lines; rows of different lengths.
func openCSV(src io.ReaderAt, size int64, name string) (*csvSource, error) {
	c := &csvSource{src: src, size: size, name: name}
	fail := func(msg string) (*csvSource, error) { return nil, &Error{Location: Location{File: name}, Msg: msg} }
	head := make([]byte, min(size, 4096))
	if _, err := src.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, readError(name, err)
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE, 0, 0}):
		c.enc, c.skip = encUTF32LE, 4
	case bytes.HasPrefix(head, []byte{0, 0, 0xFE, 0xFF}):
		c.enc, c.skip = encUTF32BE, 4
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		c.enc, c.skip = encUTF16LE, 2
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		c.enc, c.skip = encUTF16BE, 2
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return fail("dit is een ingepakt bestand (gzip), geen CSV; pak het eerst uit")
	default:
		if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			c.skip = 3
		}
		if enc, ok := wideWithoutBOM(head[c.skip:]); ok {
			c.enc = enc
			break
		} else if bytes.Count(head, []byte{0}) > len(head)/8 {
			return fail("het bestand bevat binaire gegevens (NUL-tekens); is het wel een CSV-bestand? " +
				"Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'")
		}
		enc, err := c.scan8bit()
		if err != nil {
			return nil, err
		}
		c.enc = enc
	}
	comma, err := c.sniff()
	if err != nil {
		return nil, err
	}
	c.comma = comma
	return c, nil
}

// wideWithoutBOM spots UTF-16 or UTF-32 text without a byte order mark
// by where the NUL bytes of its (mostly Latin) characters fall.
func wideWithoutBOM(b []byte) (csvEncoding, bool) {
	n := len(b) &^ 3
	if n < 8 {
		return 0, false
	}
	var zero [4]int
	for i := range n {
		if b[i] == 0 {
			zero[i&3]++
		}
	}
	q := n / 4 // bytes at each position mod 4
	hi := func(k int) bool { return zero[k] > q*3/4 }
	lo := func(k int) bool { return zero[k] < q/4 }
	switch {
	case lo(0) && hi(1) && hi(2) && hi(3):
		return encUTF32LE, true
	case hi(0) && hi(1) && hi(2) && lo(3):
		return encUTF32BE, true
	case lo(0) && hi(1) && lo(2) && hi(3):
		return encUTF16LE, true
	case hi(0) && lo(1) && hi(2) && lo(3):
		return encUTF16BE, true
	}
	return 0, false
}

// scan8bit reads the whole file once to decide between UTF-8 and
// Windows-1252: a file that is valid UTF-8 is UTF-8; one without a
// single UTF-8 sequence is Windows-1252 (Dutch Excel's "CSV"), also
// behind a UTF-8 BOM; one with both is read as UTF-8 with its other
// bytes as Windows-1252 (rows pasted from two systems).
func (c *csvSource) scan8bit() (csvEncoding, error) {
	r := io.NewSectionReader(c.src, c.skip, c.size-c.skip)
	buf := make([]byte, 64<<10)
	multi, invalid := false, false
	keep := 0
	for {
		n, err := r.Read(buf[keep:])
		b := buf[:keep+n]
		keep = 0
		for i := 0; i < len(b); {
			if b[i] < utf8.RuneSelf {
				i++
				continue
			}
			if !utf8.FullRune(b[i:]) && err == nil {
				keep = copy(buf, b[i:])
				break
			}
			r, size := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && size == 1 {
				invalid = true
			} else {
				multi = true
			}
			i += size
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, readError(c.name, err)
		}
	}
	switch {
	case !invalid:
		return encUTF8, nil
	case !multi:
		return encCP1252, nil
	}
	return encMixed, nil
}

// text is the file's decoded text with LF line ends.
func (c *csvSource) text() io.Reader {
	r := io.Reader(io.NewSectionReader(c.src, c.skip, c.size-c.skip))
	var dec transform.Transformer
	switch c.enc {
	case encCP1252:
		dec = charmap.Windows1252.NewDecoder()
	case encMixed:
		dec = utf8OrCP1252{}
	case encUTF16LE:
		dec = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder()
	case encUTF16BE:
		dec = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder()
	case encUTF32LE:
		dec = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewDecoder()
	case encUTF32BE:
		dec = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewDecoder()
	}
	if dec == nil {
		return transform.NewReader(r, newlines{})
	}
	return transform.NewReader(r, transform.Chain(dec, newlines{}))
}

// sniff picks the separator from the first lines: the one that splits
// most of them into the same number of fields (more than one), counted
// in cells. One line is not enough: a title above the table ("Wijkteam Dijkwaard, K1")
// has commas where the table has semicolons.
func (c *csvSource) sniff() (rune, error) {
	g := &csvGuard{r: c.text(), name: c.name, line: 1}
	sample, err := io.ReadAll(io.LimitReader(g, 64<<10))
	if err != nil {
		return 0, err
	}
	if len(bytes.TrimSpace(sample)) == 0 && g.given < 64<<10 {
		return 0, &Error{Location: Location{File: c.name}, Msg: "het bestand bevat geen regels"}
	}
	if len(sample) == 64<<10 {
		// Only whole lines, and no more than fifty of them.
		if i := bytes.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i+1]
		}
	}
	lines := 0
	for i := range sample {
		if sample[i] == '\n' {
			if lines++; lines == 50 {
				sample = sample[:i+1]
				break
			}
		}
	}
	best, bestScore, bestShare := ';', 0, 0.0
	for _, d := range []rune{';', ',', '\t', '|'} {
		r := csv.NewReader(bytes.NewReader(sample))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = d, true, -1
		counts := map[int]int{}
		records := 0
		for {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if isEmpty(rec) {
				continue
			}
			records++
			if len(rec) > 1 {
				counts[len(rec)]++
			}
		}
		// The score is the number of cells in the lines that agree on a
		// field count: a few commas in numbers (1,5) or one quote
		// left open do not outweigh a table of semicolons.
		support, score := 0, 0
		for n, k := range counts {
			if n*k > score || (n*k == score && k > support) {
				support, score = k, n*k
			}
		}
		if records == 0 {
			continue
		}
		share := float64(support) / float64(records)
		if score > bestScore || (score == bestScore && score > 0 && share > bestShare) {
			best, bestScore, bestShare = d, score, share
		}
	}
	return best, nil
}

// walk reads the records and calls fn with each non-empty one and its
// row number as Excel shows it when it opens the file (a record with
// line breaks in a quoted field is one row).
func (c *csvSource) walk(fn func(row int, cells []string) error) error {
	g := &csvGuard{r: c.text(), name: c.name, comma: byte(c.comma), line: 1}
	r := csv.NewReader(g)
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = c.comma, true, -1
	extra, records := 0, 0
	var prev int64
	for {
		rec, err := r.Read()
		if err == io.EOF {
			if err := g.atEOF(); err != nil {
				return err
			}
			if records == 0 {
				return &Error{Location: Location{File: c.name}, Msg: "het bestand bevat geen gegevens: alle regels zijn leeg"}
			}
			return nil
		}
		if err != nil {
			if g.err != nil {
				return g.err
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &Error{Location: Location{File: c.name, CSV: true, Row: pe.Line}, Msg: "dit is geen geldige CSV-regel", Err: err}
			}
			return &Error{Location: Location{File: c.name}, Msg: "het bestand is geen geldige CSV", Err: err}
		}
		line, _ := r.FieldPos(0)
		off := r.InputOffset()
		if off-prev > int64(MaxRecord) {
			return g.tooLong(line)
		}
		prev, g.base, g.start = off, off, 0
		row := line - extra
		for _, f := range rec {
			extra += countByte(f, '\n')
		}
		if isEmpty(rec) {
			continue
		}
		records++
		if err := fn(row, rec); err != nil {
			return err
		}
	}
}

func countByte(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}

// csvGuard stands between the decoded text and encoding/csv. It keeps a
// record from growing past MaxRecord, refuses NUL bytes, and follows the
// quotes as encoding/csv does with LazyQuotes, to tell a quote that is
// never closed (encoding/csv would quietly make the rest of the file
// one field) from the end of a file.
type csvGuard struct {
	r     io.Reader
	name  string
	comma byte
	given int64 // bytes handed to encoding/csv
	base  int64 // given at the start of the record being read
	start int   // line where that record starts; 0 until known
	line  int   // line of the next byte
	state quoteState
	open  int // line where the quoted field being read opened
	err   error
}

type quoteState uint8

const (
	fieldStart quoteState = iota
	unquoted
	quoted
	quoteInQuoted // a quote in a quoted field: its end, or the first of ""
)

// slack is what encoding/csv reads ahead of the record it is on.
const slack = 4096

func (g *csvGuard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	for i := 0; i < n; i++ {
		c := p[i]
		if c == 0 {
			g.err = &Error{Location: Location{File: g.name, CSV: true, Row: g.line}, Msg: "de regel bevat een NUL-teken (binaire gegevens); is het wel een CSV-bestand? " +
				"Sla het in Excel op als 'CSV (gescheiden door lijstscheidingsteken)'"}

			g.given += int64(i)
			return i, g.err
		}
		if g.start == 0 && c != '\n' && g.given+int64(i) >= g.base {
			g.start = g.line
		}
		switch g.state {
		case fieldStart:
			switch {
			case c == '"':
				g.state, g.open = quoted, g.line
			case c == g.comma || c == '\n':
			default:
				g.state = unquoted
			}
		case unquoted:
			if c == g.comma || c == '\n' {
				g.state = fieldStart
			}
		case quoted:
			if c == '"' {
				g.state = quoteInQuoted
			}
		case quoteInQuoted:
			switch {
			case c == g.comma || c == '\n':
				g.state = fieldStart
			default:
				g.state = quoted // "" or, lazily, a stray quote
			}
		}
		if c == '\n' {
			g.line++
		}
	}
	g.given += int64(n)
	if g.given-g.base > int64(MaxRecord)+slack {
		g.err = g.tooLong(g.start)
		return n, g.err
	}
	if err != nil && err != io.EOF {
		var se *Error
		if !errors.As(err, &se) {
			err = &Error{Location: Location{File: g.name}, Msg: "de tekst van het bestand is niet te lezen in de tekenset die kansrijk herkende", Err: err}
		}
		g.err = err
	}
	return n, err
}

// tooLong is the error for a record longer than MaxRecord that starts
// at line.
func (g *csvGuard) tooLong(line int) error {
	if g.state == quoted {
		return g.unclosed()
	}
	return &Error{Location: Location{File: g.name, CSV: true, Row: line}, Msg: fmt.Sprintf("deze regel is langer dan %s; dat is geen rij van een export. "+
		"Is het bestand beschadigd, of ontbreken de regeleinden? Vraag de partner het bestand opnieuw te sturen", mb(int64(MaxRecord)))}

}

func (g *csvGuard) unclosed() error {
	return &Error{Location: Location{File: g.name, CSV: true, Row: g.open}, Msg: "een veld begint met een aanhalingsteken (\") dat nergens wordt gesloten, " +
		"zodat alles daarna één veld zou worden. Zet het sluitende aanhalingsteken terug of haal het losse weg"}

}

// atEOF checks the end of the file: not inside a quoted field.
func (g *csvGuard) atEOF() error {
	if g.state == quoted {
		return g.unclosed()
	}
	return nil
}

// newlines turns CRLF and CR-only line ends (old Mac Excel) into LF;
// encoding/csv would read a CR-only file as one record.
type newlines struct{ transform.NopResetter }

func (newlines) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		if nDst >= len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		c := src[nSrc]
		if c == '\r' {
			if nSrc+1 == len(src) && !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
			if nSrc+1 < len(src) && src[nSrc+1] == '\n' {
				nSrc++ // the LF is copied next
				continue
			}
			c = '\n'
		}
		dst[nDst] = c
		nDst++
		nSrc++
	}
	return nDst, nSrc, nil
}

// utf8OrCP1252 reads UTF-8, and each byte that is not part of a UTF-8
// sequence as Windows-1252.
type utf8OrCP1252 struct{ transform.NopResetter }

func (utf8OrCP1252) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		if !atEOF && !utf8.FullRune(src[nSrc:]) {
			return nDst, nSrc, transform.ErrShortSrc
		}
		r, size := utf8.DecodeRune(src[nSrc:])
		if r == utf8.RuneError && size == 1 {
			r = charmap.Windows1252.DecodeByte(c)
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

func readError(name string, err error) error {
	var se *Error
	if errors.As(err, &se) {
		return se
	}
	return &Error{Location: Location{File: name}, Msg: osReason(err), Err: err}
}
