// Package csvuit writes CSV for people who open it in a spreadsheet.
// Text from partners, parents and the configuration ends up in the
// fields (a coalitie's name, a persona, a quote, a file name), and a
// spreadsheet runs a field that starts with = + - or @ as a formula:
// =HYPERLINK(…) sends the reader to a site, =DDE(…) starts a program.
// Every field passes Tekst, which puts an apostrophe before such text, as
// OWASP advises against CSV injection; Excel and LibreOffice then show
// it as text. Numbers stay numbers: -3 and -0,5 are not touched.
//
// The workbooks kansrijk writes put their text cells through Tekst too,
// so that a sheet copied or saved as CSV stays inert.
package csvuit

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"kansrijk/bestand"
)

// Writer is encoding/csv's Writer with every field made inert first.
type Writer struct {
	cw  *csv.Writer
	rec []string
}

// NewWriter returns a Writer to w with a comma as separator.
func NewWriter(w io.Writer) *Writer { return &Writer{cw: csv.NewWriter(w)} }

// Write writes one record, each field through Tekst. Errors are
// bestand.Fouten, in Dutch.
func (w *Writer) Write(record []string) error {
	w.rec = w.rec[:0]
	for _, s := range record {
		w.rec = append(w.rec, Tekst(s))
	}
	return fout(w.cw.Write(w.rec))
}

// Flush writes any buffered data to the underlying io.Writer; Error
// reports whether that went well.
func (w *Writer) Flush()       { w.cw.Flush() }
func (w *Writer) Error() error { return fout(w.cw.Error()) }

func fout(err error) error {
	if err == nil {
		return nil
	}
	return &bestand.Fout{Wat: "het schrijven van de CSV", Err: err}
}

// getal is a number as a spreadsheet reads it, with a decimal point or
// comma and an exponent: those may start with + or - and stay as they
// are.
var getal = regexp.MustCompile(`^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$`)

// Tekst returns s such that no spreadsheet evaluates it: text that starts
// (after spaces) with a character a spreadsheet takes as the start of a
// formula, = + - @, a tab, a line break, or one of their full-width forms
// (＝ ＋ － ＠, which some spreadsheets read as the same), gets an
// apostrophe in front. Anything else, a number too, comes back as it is;
// so does text that already starts with an apostrophe, so Tekst may run
// twice.
func Tekst(s string) string {
	t := strings.TrimLeft(s, " \u00a0")
	if t == "" {
		return s
	}
	r, _ := utf8.DecodeRuneInString(t)
	switch r {
	case '=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠':
	default:
		return s
	}
	if getal.MatchString(t) {
		return s
	}
	return "'" + s
}
