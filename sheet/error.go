package sheet

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// Error is a problem reading a file, at a place the partner can find:
// like encoding/csv's ParseError, the location is a value and the
// message is rendered in one place, in Dutch. Every error that sheet
// returns is an *Error.
type Error struct {
	File  string // base name of the file
	Sheet string // sheet name; "" for a CSV file or a problem outside a sheet
	Part  string // the workbook part (xl/sharedStrings.xml) for a problem outside a sheet
	Row   int    // 1-based row of the sheet or line of a CSV file; 0 if none
	Col   int    // 1-based column; 0 if none
	CSV   bool   // Row is a line of a CSV file
	Msg   string // Dutch: what is wrong, what was expected and what to do
	Err   error  // the cause, for errors.Is and errors.As; never shown, it may be English
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		fmt.Fprintf(&b, ", blad '%s'", e.Sheet)
	}
	if e.Part != "" {
		fmt.Fprintf(&b, ", onderdeel %s", e.Part)
	}
	switch {
	case e.CSV && e.Row > 0 && e.Col > 0:
		fmt.Fprintf(&b, ", regel %d, veld %d", e.Row, e.Col)
	case e.CSV && e.Row > 0:
		fmt.Fprintf(&b, ", regel %d", e.Row)
	case e.Row > 0 && e.Col > 0:
		fmt.Fprintf(&b, ", cel %s", Cell(e.Col, e.Row))
	case e.Row > 0:
		fmt.Fprintf(&b, ", rij %d", e.Row)
	case e.Col > 0:
		fmt.Fprintf(&b, ", kolom %s", columnName(e.Col))
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// osReason says in Dutch why the operating system could not read a
// file: its own text ("permission denied", "too many levels of symbolic
// links") is English.
func osReason(err error) string {
	var errno syscall.Errno
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "het bestand bestaat niet (meer); is het verplaatst of verwijderd?"
	case errors.Is(err, fs.ErrPermission):
		return "kansrijk mag het bestand niet lezen (geen leesrechten); pas de rechten aan of kopieer het bestand"
	case errors.As(err, &errno) && errno == syscall.ELOOP:
		return "het bestand is een snelkoppeling (symbolische link) die in een kring naar zichzelf verwijst"
	case errors.As(err, &errno) && errno == syscall.ENAMETOOLONG:
		return "de naam of het pad van het bestand is te lang"
	case errors.As(err, &errno) && errno == syscall.ENOTDIR:
		return "een deel van het pad is geen map"
	case errors.As(err, &errno) && errno == syscall.EIO:
		return "de schijf gaf een leesfout; kopieer het bestand opnieuw"
	}
	return "het besturingssysteem kan het bestand niet lezen"
}
