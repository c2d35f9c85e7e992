package reports

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// engels finds the English of Go's os package, the system, fpdf,
// excelize, text/template and encoding/json in a message.
var engels = regexp.MustCompile(`(?i)no space left|no such file|not a directory|permission denied|read-only file system|` +
	`is a directory|file exists|too many|\bopen |\bmkdir |\bwrite |\bread |\brename |template:|json:|unsupported|invalid|` +
	`\berror\b|\bfailed\b|outside the supported|\bcannot\b`)

// volleSchijf is a writer on a full disk.
type volleSchijf struct{ na int }

func (v *volleSchijf) Write(p []byte) (int, error) {
	if v.na -= len(p); v.na < 0 {
		return 0, &fs.PathError{Op: "write", Path: "/media/usb/rapport", Err: syscall.ENOSPC}
	}
	return len(p), nil
}

// TestSchrijversFoutenNederlands: a writer whose disk is full gives an
// error in Dutch that says so, with none of the system's English, for
// every kind of file the reports package writes; the cause stays there
// for errors.Is.
func TestSchrijversFoutenNederlands(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	for naam, write := range map[string]func(io.Writer) error{
		"pdf-rapport":    func(w io.Writer) error { return WritePDF(w, pdfTestRapport()) },
		"html-rapport":   func(w io.Writer) error { return WriteHTML(w, pdfTestRapport()) },
		"pdf-ouders":     func(w io.Writer) error { return WriteOudersPDF(w, ouTestOuders(t)) },
		"html-ouders":    func(w io.Writer) error { return WriteOudersHTML(w, ouTestOuders(t)) },
		"pdf-overzicht":  func(w io.Writer) error { return WriteOverzichtPDF(w, ovTestOverzicht()) },
		"html-overzicht": func(w io.Writer) error { return WriteOverzichtHTML(w, ovTestOverzicht()) },
		"xlsx": func(w io.Writer) error {
			return WriteXLSX(w, []Tabel{CijferTabel([]eval.Cijfer{{Coalitie: "Havenstad", Kwartaal: q, Indicator: "KS01", Teller: 1, Noemer: 2}})})
		},
	} {
		for _, na := range []int{0, 1000} {
			err := write(&volleSchijf{na: na})
			if err == nil {
				t.Errorf("%s: no error on a full disk", naam)
				continue
			}
			if m := engels.FindString(err.Error()); m != "" {
				t.Errorf("%s: %q holds English (%q)", naam, err, m)
			}
			if !regexp.MustCompile(`de schijf is vol`).MatchString(err.Error()) {
				t.Errorf("%s: %q does not say the disk is full", naam, err)
			}
			if !errors.Is(err, syscall.ENOSPC) {
				t.Errorf("%s: %v lost its cause", naam, err)
			}
		}
	}
}

// TestUitvoerFoutenNederlands: a reports folder that cannot be made, or
// a report that cannot be written there, gives a Dutch error naming the
// folder or file.
func TestUitvoerFoutenNederlands(t *testing.T) {
	bestand := filepath.Join(t.TempDir(), "een-bestand")
	os.WriteFile(bestand, []byte("x"), 0o644)
	_, err := OpenUitvoer(filepath.Join(bestand, "rapporten"))
	want := fmt.Sprintf("%s: het aanmaken van de map lukte niet: een deel van het pad is een bestand en geen map", filepath.Join(bestand, "rapporten"))
	if err == nil || err.Error() != want {
		t.Errorf("OpenUitvoer under a file: %v, want %q", err, want)
	}

	// A folder in the place of the report's PDF.
	dir := t.TempDir()
	r := pdfTestRapport()
	pdf := filepath.Join(dir, Bestandsnaam(r.Coalitie, r.Kwartaal)+".pdf")
	if err := os.Mkdir(pdf, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(pdf, "x"), nil, 0o644)
	u, err := OpenUitvoer(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = u.Schrijf(r)
	if err == nil || engels.MatchString(err.Error()) || !regexp.MustCompile(regexp.QuoteMeta(pdf)+`: het (lezen|schrijven) lukte niet: op die plek staat een map`).MatchString(err.Error()) {
		t.Errorf("a folder where the PDF goes: %v", err)
	}
}
