package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"kansrijk/bestand"
)

// Manifest is the file in a reports folder that remembers, per report
// file, what it was written from.
const Manifest = ".kansrijk-vingerafdrukken.json"

// Uitvoer is a reports folder that writes a file only when its content
// would change. Per file the manifest keeps a fingerprint of what the file
// shows (the program, the kind of report and its whole model, the date
// on it and the kwartaal included) and a hash of the bytes written. A
// file is rendered again when its fingerprint differs or the file on disk
// is missing or not what was written; it is written only when the new
// bytes differ from the file on disk.
//
// The methods may be called from several goroutines at once; Sluit
// writes the manifest.
type Uitvoer struct {
	dir       string
	programma string

	mu        sync.Mutex
	vorig     map[string]vermelding // as read from the manifest
	nieuw     map[string]vermelding // files handled in this run
	gewijzigd bool                  // nieuw differs from vorig
}

// vermelding is one file's line in the manifest.
type vermelding struct {
	Vingerafdruk string `json:"vingerafdruk"`
	Inhoud       string `json:"sha256"`
}

// Geschreven is what writing one coalitie's reports did.
type Geschreven struct {
	Paden      []string // the files, in the order written (PDF, then HTML)
	Bijgewerkt int      // how many of them were written anew
}

// OpenUitvoer opens the reports folder dir, making it if need be, and
// removes the temporary files a killed run left there. A missing or
// unreadable manifest means nothing is known: every file is rendered and
// compared with what is on disk.
func OpenUitvoer(dir string) (*Uitvoer, error) {
	if err := bestand.MaakMap(dir); err != nil {
		return nil, err
	}
	prog, err := programma()
	if err != nil {
		return nil, err
	}
	bestand.RuimOp(dir, eigenBestand)
	u := &Uitvoer{dir: dir, programma: prog, vorig: map[string]vermelding{}, nieuw: map[string]vermelding{}}
	b, err := os.ReadFile(filepath.Join(dir, Manifest))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, &bestand.Fout{Pad: filepath.Join(dir, Manifest), Wat: "het lezen", Err: err}
	default:
		if json.Unmarshal(b, &u.vorig) != nil {
			u.vorig = map[string]vermelding{}
		}
	}
	return u, nil
}

// Sluit writes the manifest, if anything changed: the files of this run
// and those of earlier runs that are still there.
func (u *Uitvoer) Sluit() error {
	u.mu.Lock()
	defer u.mu.Unlock()
	if !u.gewijzigd {
		return nil
	}
	alle := make(map[string]vermelding, len(u.vorig)+len(u.nieuw))
	for naam, v := range u.vorig {
		if _, err := os.Stat(filepath.Join(u.dir, naam)); err == nil {
			alle[naam] = v
		}
	}
	for naam, v := range u.nieuw {
		alle[naam] = v
	}
	b, err := json.MarshalIndent(alle, "", "  ")
	if err != nil {
		return err
	}
	return bestand.SchrijfBytes(filepath.Join(u.dir, Manifest), append(b, '\n'))
}

// Schrijf writes the PDF and the HTML of r where they would change.
func (u *Uitvoer) Schrijf(r *Rapport) (Geschreven, error) {
	return u.paar(Bestandsnaam(r.Coalitie, r.Kwartaal), "rapport", r,
		func(w io.Writer) error { return WritePDF(w, r) },
		func(w io.Writer) error { return WriteHTML(w, r) })
}

// SchrijfOuders writes the terugkoppeling aan ouders o where it would
// change.
func (u *Uitvoer) SchrijfOuders(o *Ouders) (Geschreven, error) {
	return u.paar(OudersBestandsnaam(o.Coalitie, o.Kwartaal), "ouders", o,
		func(w io.Writer) error { return WriteOudersPDF(w, o) },
		func(w io.Writer) error { return WriteOudersHTML(w, o) })
}

// SchrijfOverzicht writes the overview o where it would change.
func (u *Uitvoer) SchrijfOverzicht(o *Overzicht) (Geschreven, error) {
	return u.paar(OverzichtBestandsnaam(o.Kwartaal), "overzicht", o,
		func(w io.Writer) error { return WriteOverzichtPDF(w, o) },
		func(w io.Writer) error { return WriteOverzichtHTML(w, o) })
}

// paar writes naam.pdf and naam.html, rendered from model by pdf and
// html, where they would change.
func (u *Uitvoer) paar(naam, soort string, model any, pdf, html func(io.Writer) error) (Geschreven, error) {
	m, err := vingerafdruk(model)
	if err != nil {
		return Geschreven{}, err
	}
	var g Geschreven
	for _, f := range []struct {
		ext    string
		render func(io.Writer) error
	}{{".pdf", pdf}, {".html", html}} {
		bestand := naam + f.ext
		h := sha256.New()
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", u.programma, soort, bestand, m)
		nieuw, err := u.bestand(bestand, hex.EncodeToString(h.Sum(nil)), f.render)
		if err != nil {
			return Geschreven{}, err
		}
		g.Paden = append(g.Paden, filepath.Join(u.dir, bestand))
		if nieuw {
			g.Bijgewerkt++
		}
	}
	return g, nil
}

// bestand brings one file up to date; nieuw reports whether it wrote it.
func (u *Uitvoer) bestand(naam, afdruk string, render func(io.Writer) error) (nieuw bool, err error) {
	pad := filepath.Join(u.dir, naam)
	u.mu.Lock()
	oud, bekend := u.vorig[naam]
	u.mu.Unlock()
	opSchijf, err := inhoudVan(pad)
	if err != nil {
		return false, err
	}
	if bekend && oud.Vingerafdruk == afdruk && oud.Inhoud == opSchijf {
		u.onthoud(naam, oud)
		return false, nil
	}
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return false, bestand.MetPad(err, pad)
	}
	som := sha256.Sum256(buf.Bytes())
	v := vermelding{Vingerafdruk: afdruk, Inhoud: hex.EncodeToString(som[:])}
	if v.Inhoud != opSchijf {
		if err := bestand.SchrijfBytes(pad, buf.Bytes()); err != nil {
			return false, err
		}
		nieuw = true
	}
	u.onthoud(naam, v)
	return nieuw, nil
}

func (u *Uitvoer) onthoud(naam string, v vermelding) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.nieuw[naam] = v
	if u.vorig[naam] != v {
		u.gewijzigd = true
	}
}

// inhoudVan is the sha256 of the file at pad, or "" when there is none.
func inhoudVan(pad string) (string, error) {
	f, err := os.Open(pad)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", &bestand.Fout{Pad: pad, Wat: "het lezen", Err: err}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", &bestand.Fout{Pad: pad, Wat: "het lezen", Err: err}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// eigenBestand reports whether a file in a reports folder is one the
// reports writer writes: a report or the manifest.
func eigenBestand(naam string) bool {
	return naam == Manifest || strings.HasSuffix(naam, ".pdf") || strings.HasSuffix(naam, ".html")
}
