// Package bestand writes the files kansrijk makes (reports, exports)
// whole, and tells in Dutch what went wrong when it cannot: which file,
// what did not work and why, never the system's or a library's English.
package bestand

import (
	"errors"
	"io/fs"
	"syscall"
)

// Fout is a file or folder kansrijk could not make or write, told
// in Dutch: which one, what did not work and, for the faults of the
// system people meet, why. The cause stays reachable with errors.Is and
// errors.As; its own text, English from the system or from a library
// (fpdf, excelize, text/template), is never shown.
type Fout struct {
	Pad string // the file or folder; "" while the writer does not know it
	Wat string // what did not work: "het schrijven", "het opmaken van de PDF", ...
	Err error
}

func (e *Fout) Error() string {
	s := e.Wat + " lukte niet"
	if e.Pad != "" {
		s = e.Pad + ": " + s
	}
	if r := Reden(e.Err); r != "" {
		s += ": " + r
	}
	return s
}

func (e *Fout) Unwrap() error { return e.Err }

// MetPad returns err as an error about the file pad: a Fout that names
// no file gets pad; any other error, one of kansrijk's own in Dutch, is
// told after pad.
func MetPad(err error, pad string) error {
	if err == nil {
		return nil
	}
	if sf, ok := err.(*Fout); ok && sf.Pad == "" {
		c := *sf
		c.Pad = pad
		return &c
	}
	return &padFout{pad, err}
}

// padFout is an error of kansrijk's own, in Dutch, about the file pad.
type padFout struct {
	pad string
	err error
}

func (e *padFout) Error() string { return e.pad + ": " + e.err.Error() }
func (e *padFout) Unwrap() error { return e.err }

// Reden says in Dutch why a file could not be made or written, for the
// faults of the system people meet; "" for any other error. A
// Fout inside err tells its own story.
func Reden(err error) string {
	var sf *Fout
	switch {
	case err == nil:
		return ""
	case errors.As(err, &sf):
		return sf.Error()
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "de schijf is vol"
	case errors.Is(err, syscall.EROFS):
		return "de map is alleen-lezen"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is een bestand en geen map"
	case errors.Is(err, syscall.EISDIR):
		return "op die plek staat een map"
	case errors.Is(err, fs.ErrPermission):
		return "geen toestemming om hier te schrijven"
	case errors.Is(err, fs.ErrNotExist):
		return "de map bestaat niet"
	case errors.Is(err, fs.ErrExist):
		return "er staat al iets met die naam"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "de naam is te lang"
	case errors.Is(err, syscall.ELOOP):
		return "het pad heeft te veel symbolische koppelingen"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return "er staan te veel bestanden tegelijk open"
	case errors.Is(err, syscall.EBUSY), errors.Is(err, syscall.ETXTBSY):
		return "het bestand is in gebruik"
	case errors.Is(err, syscall.EIO):
		return "de schijf meldt een fout; controleer de schijf of kies een andere"
	}
	return ""
}
