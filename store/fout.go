package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"github.com/duckdb/duckdb-go/v2"
)

// Soort is the kind of a store error, for callers that act on it and
// for the Dutch explanation.
type Soort int

const (
	Anders           Soort = iota // any other failure of the database
	InGebruik                     // another process holds the database
	Beschadigd                    // not a DuckDB database, or part of it fails its checksum
	GeenSchrijfrecht              // the file or its folder may not be written (also a read-only file system)
	SchijfVol                     // no space left on the device
	AndereVersie                  // written by a DuckDB version this kansrijk cannot read
	Afgebroken                    // the work was cancelled (context)
)

// Storing is an error of the store: what failed, its kind and the database,
// rendered in Dutch by Error. The driver's own error is kept for
// errors.Is and errors.As, never shown: its text is English and means
// nothing to a user.
type Storing struct {
	Soort Soort
	Pad   string // the database file; "" for an in-memory store
	Wat   string // what was being done, e.g. "leveringen lezen"
	PID   string // InGebruik: the other process, when DuckDB names it
	Err   error
}

func (e *Storing) Unwrap() error { return e.Err }

func (e *Storing) Error() string {
	db := "de database"
	if e.Pad != "" {
		db = "database " + e.Pad
	}
	var uitleg string
	switch e.Soort {
	case InGebruik:
		wie := "een ander proces"
		if e.PID != "" {
			wie = fmt.Sprintf("een ander kansrijk-proces (PID %s)", e.PID)
		}
		return fmt.Sprintf("%s is in gebruik door %s; wacht tot dat klaar is en probeer het dan opnieuw", db, wie)
	case Beschadigd:
		return fmt.Sprintf("%s is beschadigd: een deel van het bestand klopt niet meer (%s). kansrijk schrijft er niets in. "+
			"Zet een reservekopie terug, of zet het bestand opzij en lees de bestanden van partners opnieuw in met 'kansrijk import' "+
			"(dan maakt kansrijk een nieuwe database)", db, e.Wat)
	case AndereVersie:
		return fmt.Sprintf("%s is gemaakt met een andere versie van kansrijk of DuckDB en kan deze versie niet lezen (%s); "+
			"gebruik de versie van kansrijk die de database maakte, of lees de bestanden opnieuw in in een nieuwe werkmap", db, e.Wat)
	case GeenSchrijfrecht:
		uitleg = "kansrijk mag het bestand of de map niet schrijven (alleen-lezen); kies een werkmap waarin u mag schrijven"
	case SchijfVol:
		uitleg = "de schijf is vol; maak ruimte vrij en probeer het opnieuw (wat al was opgeslagen, blijft bewaard)"
	case Afgebroken:
		uitleg = "afgebroken"
	default:
		uitleg = "de database gaf een onverwachte fout; probeer het opnieuw, en meld het aan de beheerder van kansrijk als het blijft gebeuren"
	}
	return fmt.Sprintf("%s: %s: %s", db, e.Wat, uitleg)
}

// IsSoort reports whether err is a store error of kind s.
func IsSoort(err error, s Soort) bool {
	var f *Storing
	return errors.As(err, &f) && f.Soort == s
}

var (
	reLock    = regexp.MustCompile(`Could not set lock.*\(PID (\d+)\)`)
	reKapot   = regexp.MustCompile(`(?i)not a valid DuckDB database file|Corrupt database file|checksum|database file .*(truncated|too small)|Failed to load metadata|could not read enough bytes|Serialization Error|is not a valid|invalid database|block .* (out of range|not found)`)
	reVersie  = regexp.MustCompile(`(?i)version number|built specifically for DuckDB version|storage version|newer version`)
	reRechten = regexp.MustCompile(`(?i)permission denied|read-only file system|read only mode|cannot .* read-only|attached in read-only mode`)
	reVol     = regexp.MustCompile(`(?i)no space left on device|disk is full|out of disk space`)
)

// fout maps an error of the driver (or of the file system under it) to
// a *Storing of the right kind. A *Storing passes through with its kind.
func (d *DB) fout(wat string, err error) error {
	pad := ""
	if d != nil {
		pad = d.path
	}
	return nieuweFout(pad, wat, err)
}

func nieuweFout(pad, wat string, err error) error {
	if err == nil {
		return nil
	}
	var f *Storing
	if errors.As(err, &f) {
		return err
	}
	f = &Storing{Soort: Anders, Pad: pad, Wat: wat, Err: err}
	msg := err.Error()
	var de *duckdb.Error
	isDuck := errors.As(err, &de)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		f.Soort = Afgebroken
	case strings.Contains(msg, "Could not set lock"):
		f.Soort = InGebruik
		if m := reLock.FindStringSubmatch(msg); m != nil {
			f.PID = m[1]
		}
	case errors.Is(err, syscall.ENOSPC), reVol.MatchString(msg):
		f.Soort = SchijfVol
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS), reRechten.MatchString(msg),
		isDuck && de.Type == duckdb.ErrorTypePermission:
		f.Soort = GeenSchrijfrecht
	case reVersie.MatchString(msg):
		f.Soort = AndereVersie
	case reKapot.MatchString(msg), isDuck && (de.Type == duckdb.ErrorTypeSerialization || de.Type == duckdb.ErrorTypeFatal):
		f.Soort = Beschadigd
	}
	return f
}
