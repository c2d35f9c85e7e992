package sheet

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// Location is where in a partner's file something is, with what the
// partner knows it by: the column's header as she wrote it and the
// record (her cliëntnummer, dossiernummer, the gemeente and kwartaal of
// an aggregated cell, an aandachtspunt, a Verhaal-ID). Like
// encoding/csv's ParseError it is a value; String renders it in Dutch,
// the one place that does, for reading problems (Error) and for the
// messages about cells alike.
type Location struct {
	File  string // base name of the file
	Sheet string // sheet name; "" for a CSV file or a problem outside a sheet
	Row   int    // 1-based row of the sheet or line of a CSV file; 0: none, or the whole column
	Col   int    // 1-based column; 0: none, or the whole row
	// CSV means Row is a line of a CSV file, named as such; a message
	// about a CSV cell names it as a cell (the terugmelding shows the
	// lines as the rows of a sheet).
	CSV    bool
	Header string // the column's header as the partner wrote it; "" if none
	Record Record // the record the location belongs to; zero if none
}

// Record names a record of a partner's file the way the partner knows
// it: Kind is what the key is called (the header of the key column as
// she wrote it, such as "Cliëntnummer", or "Gemeente en kwartaal"), Key
// its value ("VK-0042", "Havenstad, 2025-K2").
type Record struct {
	Kind, Key string
}

func (r Record) String() string {
	if r.Kind == "" {
		return r.Key
	}
	return r.Kind + " " + r.Key
}

// Cell is the cell's reference as Excel writes it (E95), the column's
// letters for a whole column (E), or "" when the location has no column.
func (l Location) Cell() string {
	switch {
	case l.Col > 0 && l.Row > 0:
		return Cell(l.Col, l.Row)
	case l.Col > 0 && l.Col <= maxColumn:
		return columnName(l.Col)
	}
	return ""
}

// String renders the location in Dutch: "Praktijk_2025-Q2.xlsx, blad
// 'Export', cel E95 (kolom 'Amenorroeduur'), Cliëntnummer VK-0042".
func (l Location) String() string { return l.render("", true) }

// InFile is String without the file's name, for a list of messages under
// it: "blad 'Export', cel E95 (kolom 'Amenorroeduur'), Cliëntnummer VK-0042".
func (l Location) InFile() string {
	return strings.TrimPrefix(l.render("", false), ", ")
}

// render is String with the workbook part of a reading problem, with or
// without the file's name.
func (l Location) render(part string, file bool) string {
	var b strings.Builder
	if file {
		b.WriteString(l.File)
	}
	if l.Sheet != "" {
		fmt.Fprintf(&b, ", blad '%s'", l.Sheet)
	}
	if part != "" {
		fmt.Fprintf(&b, ", onderdeel %s", part)
	}
	switch {
	case l.CSV && l.Row > 0 && l.Col > 0:
		fmt.Fprintf(&b, ", regel %d, veld %d", l.Row, l.Col)
	case l.CSV && l.Row > 0:
		fmt.Fprintf(&b, ", regel %d", l.Row)
	case l.Row > 0 && l.Col > 0:
		fmt.Fprintf(&b, ", cel %s", Cell(l.Col, l.Row))
	case l.Row > 0:
		fmt.Fprintf(&b, ", rij %d", l.Row)
	case l.Col > 0:
		fmt.Fprintf(&b, ", kolom %s", l.Cell())
	}
	if l.Header != "" {
		fmt.Fprintf(&b, " (kolom '%s')", l.Header)
	}
	if r := l.Record.String(); r != "" {
		b.WriteString(", ")
		b.WriteString(r)
	}
	return b.String()
}

// Error is a problem reading a file, at a place the partner can find:
// like encoding/csv's ParseError, the location is a value and the
// message is rendered in one place, in Dutch. Every error that sheet
// returns is an *Error.
type Error struct {
	Location
	Part string // the workbook part (xl/sharedStrings.xml) for a problem outside a sheet
	Msg  string // Dutch: what is wrong, what was expected and what to do
	Err  error  // the cause, for errors.Is and errors.As; never shown, it may be English
}

func (e *Error) Error() string {
	return e.Location.render(e.Part, true) + ": " + e.Msg
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

// ParseCell reads a reference as Cell writes it: "E95" is column 5, row
// 95; "E" alone (a whole column) is column 5, row 0. ok is false for
// anything else, "" included.
func ParseCell(ref string) (col, row int, ok bool) {
	b := []byte(ref)
	i := 0
	for i < len(b) && (b[i]|0x20) >= 'a' && (b[i]|0x20) <= 'z' {
		i++
	}
	if i == 0 || i > 3 || b[0] < 'A' || b[0] > 'Z' {
		return 0, 0, false
	}
	if col, ok = parseColumn(b[:i]); !ok {
		return 0, 0, false
	}
	if i == len(b) {
		return col, 0, true
	}
	if row, ok = parseUint(b[i:]); !ok || row < 1 || row > maxRow {
		return 0, 0, false
	}
	return col, row, true
}
