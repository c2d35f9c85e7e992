// Package ingest reads partners' deliveries (Excel and CSV exports),
// validates every cell against the rules of the domain reference, and
// stores each file as one levering with its provenance and the messages
// for the partner. A bad cell never stops the good rows; a bad file never
// stops the other files.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
	"kansrijk/workspace"
)

// Importer imports files into a store, using a workspace's configuration
// to recognise partners and gemeenten.
type Importer struct {
	DB     *store.DB
	Config *kansrijk.Config
	// Now gives the import time stored with each levering.
	Now func() time.Time
	// Terugmeldingen, when set, is the folder where a feedback workbook
	// is written for every file with messages (see Terugmelding).
	Terugmeldingen string
	// fataal is the store error that stops storing (see schrijf).
	fataal error
	// run holds, during Alle, the rows read so far per partner (see
	// vergelijkEerder).
	run *eerder
}

// Status of one file after an import.
type Status string

const (
	Ingelezen       Status = "ingelezen"    // stored as a new levering
	AlIngelezen     Status = "al ingelezen" // same content imported before: nothing changed
	Afgewezen       Status = "afgewezen"    // the file could not be used at all
	NietHerkend     Status = "niet herkend" // no partner pattern matches the name
	NietOndersteund Status = "niet ondersteund"
)

// Resultaat is what happened to one file.
type Resultaat struct {
	Pad      string
	Status   Status
	Levering store.Levering // for Ingelezen and AlIngelezen
	// Meldingen are the messages about cells and rows, for the partner.
	Meldingen []store.Melding
	// Fout explains, in Dutch, why a file was not used.
	Fout string
	// Toelichting are Dutch lines for the import summary beyond the
	// counts: for a REFI-QDA project, how its positions count and what
	// it adds as stories.
	Toelichting []string
	// DatumKolommen are, per sheet, the 0-based columns the reader took
	// as dates, so feedback can show them as dates.
	DatumKolommen map[string][]int
	// Terugmelding is the feedback workbook written for the partner, if
	// any; TerugmeldingFout says why it could not be written.
	Terugmelding     string
	TerugmeldingFout string
	// toon is what the import kept of the file for the terugmelding.
	toon *bronRijen
}

// Overgeslagen is an entry of an input folder that could not be read,
// with the reason in Dutch.
type Overgeslagen struct {
	Pad, Reden string
}

// Bestanden lists the files under the given paths (folders are walked),
// in a stable order, skipping hidden files. Entries that cannot be used
// are skipped and listed with the reason, in Dutch: a folder without
// read permission, a symbolic link that points nowhere or in a loop, a
// link to a folder (not followed, so a walk can never loop). The error
// is for a path given that does not exist or cannot be read at all.
func Bestanden(paden []string) ([]string, []Overgeslagen, error) {
	var out []string
	var over []Overgeslagen
	for _, p := range paden {
		st, err := os.Stat(p)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %s", p, OSReden(err))
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil {
				if q == p {
					return err
				}
				over = append(over, Overgeslagen{q, OSReden(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if q != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				doel, err := os.Stat(q)
				switch {
				case err != nil:
					over = append(over, Overgeslagen{q, "snelkoppeling (symbolische link) die niet te volgen is: " + OSReden(err)})
					return nil
				case doel.IsDir():
					over = append(over, Overgeslagen{q, "snelkoppeling naar een map; kansrijk volgt die niet (geef de map zelf op)"})
					return nil
				}
			}
			if !d.IsDir() {
				out = append(out, q)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("map %s doorlopen: %s", p, OSReden(err))
		}
	}
	sort.Strings(out)
	return out, over, nil
}

// OSReden says in Dutch why the file system refused a path; the
// system's own text is English.
func OSReden(err error) string {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return "een snelkoppeling (symbolische link) die in een kring naar zichzelf verwijst"
	case errors.Is(err, fs.ErrNotExist):
		return "bestaat niet (of een snelkoppeling wijst naar iets dat niet bestaat)"
	case errors.Is(err, fs.ErrPermission):
		return "u heeft geen leesrechten; vraag ze aan of kopieer het bestand naar een map van uzelf"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "de naam of het pad is te lang"
	case errors.Is(err, syscall.ENOTDIR):
		return "een deel van het pad is een bestand en geen map"
	case errors.Is(err, syscall.EIO):
		return "de schijf gaf een leesfout; kopieer het bestand opnieuw"
	}
	var pe *fs.PathError
	var errno syscall.Errno
	if !errors.As(err, &pe) && !errors.As(err, &errno) {
		return err.Error() // kansrijk's own message, already Dutch
	}
	return "niet leesbaar"
}

// Partner returns the configured partner whose file pattern matches the
// file name (case-insensitive) and whose bron reads a file of its kind
// (see kansrijk.Bron.Leest). ok is false when no partner or more than one
// matches: a file must never silently go to the first of two.
func Partner(cfg *kansrijk.Config, name string) (kansrijk.Partner, bool) {
	ts := treffers(cfg, name)
	if len(ts) != 1 || !ts[0].Partner.Bron.Leest(name) {
		return kansrijk.Partner{}, false
	}
	return ts[0].Partner, true
}

// treffer is a partner whose pattern matches a file name.
type treffer struct {
	Partner kansrijk.Partner
	Patroon string
}

// treffers returns the partners (each once, in the order of the
// configuration, by their first matching pattern) whose pattern matches
// the name. If some of them read files of this kind (kansrijk.Bron.Leest),
// only those are returned.
func treffers(cfg *kansrijk.Config, name string) []treffer {
	base := strings.ToLower(filepath.Base(name))
	var alle, soort []treffer
	gezien := map[string]bool{}
	for _, p := range cfg.Partners {
		if gezien[p.Naam] {
			continue // one partner listed twice is still one partner
		}
		for _, pat := range p.Bestanden {
			pat = strings.ToLower(pat)
			// Most patterns start with a literal part: a cheap test
			// before path.Match, as every file is held against every
			// partner.
			if i := strings.IndexAny(pat, `*?[\`); i > 0 && !strings.HasPrefix(base, pat[:i]) {
				continue
			}
			if ok, _ := path.Match(pat, base); ok {
				gezien[p.Naam] = true
				t := treffer{p, pat}
				alle = append(alle, t)
				if p.Bron.Leest(base) {
					soort = append(soort, t)
				}
				break
			}
		}
	}
	if len(soort) > 0 {
		return soort
	}
	return alle
}

// herken finds the partner of a file, or says in Dutch why there is none.
func herken(cfg *kansrijk.Config, name string) (kansrijk.Partner, Status, string) {
	ts := treffers(cfg, name)
	switch {
	case len(ts) == 0:
		return kansrijk.Partner{}, NietHerkend, fmt.Sprintf("%s: van welke partner is dit bestand? Geen enkel patroon in kansrijk.toml past bij deze naam; "+
			"voeg bij de juiste [[partner]] een patroon toe aan 'bestanden'", name)
	case len(ts) > 1:
		namen := make([]string, len(ts))
		for i, t := range ts {
			namen[i] = fmt.Sprintf("%s (patroon %q)", t.Partner.Naam, t.Patroon)
		}
		return kansrijk.Partner{}, Afgewezen, fmt.Sprintf("%s past bij de bestandspatronen van %d partners: %s; kansrijk kan niet kiezen van wie het is en leest het niet in. "+
			"Maak de patronen in kansrijk.toml zo dat elk bestand bij één partner past", name, len(ts), strings.Join(namen[:len(namen)-1], ", ")+" en "+namen[len(namen)-1])
	case !ts[0].Partner.Bron.Leest(name):
		soort := "een spreadsheet (Excel of CSV)"
		if kansrijk.BronQDA.Leest(name) {
			soort = "een REFI-QDA-project"
		}
		return kansrijk.Partner{}, Afgewezen, fmt.Sprintf("%s past bij het patroon %q van partner %s (bron %s), maar dit is %s, en dat leest die bron niet; "+
			"geef het bestand een naam die bij de juiste partner past", name, ts[0].Patroon, ts[0].Partner.Naam, ts[0].Partner.Bron, soort)
	}
	return ts[0].Partner, "", ""
}

// Bestand imports one file. It never panics on a user's file: every
// problem ends in the Resultaat.
func (im *Importer) Bestand(ctx context.Context, pad string) Resultaat {
	v := im.lees(ctx, pad, nil, -1)
	im.terugmelding(v)
	return im.schrijf(ctx, v)
}

// terugmelding writes the feedback workbook of a read file, if asked to
// and if there is anything to say.
func (im *Importer) terugmelding(v *voorbereid) {
	if im.Terugmeldingen == "" || len(v.res.Meldingen) == 0 || strings.EqualFold(filepath.Ext(v.res.Pad), ".qdpx") {
		return // a REFI-QDA project has no rows to show the partner
	}
	base := filepath.Base(v.res.Pad)
	uit := filepath.Join(im.Terugmeldingen, strings.TrimSuffix(base, filepath.Ext(base))+"_terugmelding.xlsx")
	if ok, err := Terugmelding(v.res, uit); err != nil {
		v.res.TerugmeldingFout = err.Error()
	} else if ok {
		v.res.Terugmelding = uit
	}
}

// Alle imports files with a bounded pool of readers feeding one writer:
// reading and checking files, the costly part, runs on werkers
// goroutines, while the store takes leveringen in the order of paden, so
// levering numbers do not depend on timing. The writer stores the files
// that are read and waiting in one transaction (up to maxBatch files or
// maxBatchRijen rows): each levering is still all or nothing, but many
// small files share one commit. klaar is called for each file in order,
// from the calling goroutine, once its levering is committed.
func (im *Importer) Alle(ctx context.Context, paden []string, werkers int, klaar func(i int, res Resultaat)) {
	werkers = max(werkers, 1)
	// What the store holds already, in one query rather than one per file.
	bekend, err := im.DB.BekendeLeveringen(ctx)
	if err != nil {
		bekend = nil // each file asks the store itself, and reports the error
	}
	im.run = nieuwEerder(im.DB, im.Config, paden)
	defer func() { im.run = nil }()
	type taak struct {
		i   int
		uit chan *voorbereid
	}
	taken := make(chan taak)
	wachtrij := make(chan taak, werkers)
	go func() {
		defer close(wachtrij)
		for i := range paden {
			t := taak{i, make(chan *voorbereid, 1)}
			select {
			case wachtrij <- t:
			case <-ctx.Done():
				return
			}
			taken <- t
		}
	}()
	for w := 0; w < werkers; w++ {
		go func() {
			for t := range taken {
				v := im.lees(ctx, paden[t.i], bekend, t.i)
				im.run.gedaan(t.i)
				im.terugmelding(v)
				t.uit <- v
			}
		}()
	}

	var (
		batch []wacht
		rijen int
		klok  <-chan time.Time // fires when the batch has waited maxWacht
	)
	opslaan := func() {
		if len(batch) > 1 && im.DB.VoegToeAlle(ctx, nieuw(batch)) == nil {
			for _, w := range batch {
				klaar(w.i, w.v.ingelezen())
			}
		} else {
			// One at a time: a single file, or a batch that failed, so
			// that one bad levering keeps no other out.
			for _, w := range batch {
				klaar(w.i, im.schrijf(ctx, w.v))
			}
		}
		batch, rijen, klok = batch[:0], 0, nil
	}
	written := map[string]bool{}
	for t := range wachtrij {
		var v *voorbereid
		select {
		case v = <-t.uit:
		case <-klok:
			opslaan() // the next file takes long: store what is ready
			v = <-t.uit
		}
		if v.levering == nil {
			opslaan()
			klaar(t.i, v.res)
			continue
		}
		key := v.levering.SHA256 + "|" + v.levering.Bestand
		if written[key] {
			// The same file given twice in one run: the second is a no-op.
			opslaan()
			if l, ok, err := im.DB.Bekend(ctx, v.levering.SHA256, v.levering.Bestand); err == nil && ok {
				klaar(t.i, Resultaat{Pad: v.res.Pad, Status: AlIngelezen, Levering: l})
				continue
			}
		}
		written[key] = true
		if len(batch) == 0 {
			klok = time.After(maxWacht)
		}
		batch = append(batch, wacht{t.i, v})
		if rijen += v.levering.Rijen + len(v.inhoud.Meldingen); len(batch) >= maxBatch || rijen >= maxBatchRijen {
			opslaan()
		}
	}
	opslaan()
	close(taken)
}

// Bounds of one transaction of Alle: enough to share a commit among many
// small files, small enough to keep little in memory; and a batch waits
// at most maxWacht for the next file.
const (
	maxBatch      = 64
	maxBatchRijen = 50_000
	maxWacht      = 250 * time.Millisecond
)

// voorbereid is a file read and checked, waiting to be stored.
type voorbereid struct {
	res      Resultaat
	levering *store.Levering // nil: nothing to store, res is final
	inhoud   *store.Inhoud
}

// lees reads and checks one file without writing to the store. bekend
// holds the leveringen stored already (see store.BekendeLeveringen); if
// nil, lees asks the store. i is the file's position in a run of Alle,
// -1 outside one.
func (im *Importer) lees(ctx context.Context, pad string, bekend map[string]store.Levering, i int) (v *voorbereid) {
	v = &voorbereid{res: Resultaat{Pad: pad}}
	res := &v.res
	name := filepath.Base(pad)
	defer func() {
		// A reader bug must not take the whole run down; report it as a
		// rejected file so the other files still go through.
		if r := recover(); r != nil {
			v.levering, v.inhoud = nil, nil
			res.Status = Afgewezen
			res.Fout = fmt.Sprintf("%s: interne fout bij het lezen (%v); meld dit aan de beheerder van kansrijk", name, r)
		}
	}()
	p, status, fout := herken(im.Config, name)
	if fout != "" {
		res.Status, res.Fout = status, fout
		return v
	}
	sum, err := hashFile(pad)
	if err != nil {
		res.Status = Afgewezen
		res.Fout = err.Error() // a *sheet.Error: Dutch, naming the file
		return v
	}
	if l, ok, err := im.opgeslagen(ctx, bekend, sum, name); err != nil {
		res.Status, res.Fout = Afgewezen, err.Error()
		return v
	} else if ok {
		res.Status, res.Levering = AlIngelezen, l
		return v
	}
	if p.Bron == kansrijk.BronQDA {
		// A REFI-QDA project is a zip of XML, not a spreadsheet.
		im.leesQDA(v, p, sum)
		return v
	}
	read, ok := readers[p.Bron]
	if !ok {
		res.Status = NietOndersteund
		res.Fout = fmt.Sprintf("%s: bron %q van partner %s kan kansrijk nog niet inlezen", name, p.Bron, p.Naam)
		return v
	}
	f, err := sheet.Open(pad)
	if err != nil {
		res.Status, res.Fout = Afgewezen, err.Error()
		return v
	}
	defer f.Close()

	prof, std, err := profielVoor(im.Config, p)
	if err != nil {
		res.Status, res.Fout = Afgewezen, fmt.Sprintf("%s: %v", name, err)
		return v
	}
	lev := &levering{File: f, Partner: p, Config: im.Config, Naam: name, Profiel: prof, standaard: std, nu: im.kwartaal()}
	out, err := read(lev)
	res.Meldingen, res.DatumKolommen = lev.meldingen, lev.datums
	res.toon = lev.toon(out)
	if err != nil {
		res.Status, res.Fout = Afgewezen, err.Error()
		return v
	}
	if out.rijen > 0 && out.afgewezen >= out.rijen {
		// Nothing usable: storing it would register a levering for its
		// period (widening the status, replacing an earlier delivery)
		// with no figure behind it. A header-only export (no rows) is a
		// delivery of 0 records and is stored.
		res.Status = Afgewezen
		res.Fout = fmt.Sprintf("%s: geen enkele rij is bruikbaar (%d van de %d afgewezen, zie de meldingen); het bestand is niet opgeslagen en telt niet mee",
			name, out.afgewezen, out.rijen)
		return v
	}
	im.vergelijkEerder(ctx, i, lev, out)
	lev.afronden(out.rijen)
	res.Meldingen = lev.meldingen
	im.klaarzetten(v, lev, out, sum)
	return v
}

// kwartaal is the current kwartaal: data for a later one cannot exist.
func (im *Importer) kwartaal() kansrijk.Kwartaal {
	if im.Now == nil {
		return kansrijk.KwartaalVan(time.Now())
	}
	return kansrijk.KwartaalVan(im.Now())
}

// opgeslagen returns the levering stored already with this content
// under this name: from bekend, or from the store when bekend is nil.
func (im *Importer) opgeslagen(ctx context.Context, bekend map[string]store.Levering, sum, name string) (store.Levering, bool, error) {
	if bekend != nil {
		l, ok := bekend[store.BekendSleutel(sum, name)]
		return l, ok, nil
	}
	return im.DB.Bekend(ctx, sum, name)
}

// klaarzetten makes what a reader read into a levering waiting to be
// stored.
func (im *Importer) klaarzetten(v *voorbereid, lev *levering, out *gelezen, sum string) {
	l := &store.Levering{
		Bestand:      lev.Naam,
		Pad:          v.res.Pad,
		SHA256:       sum,
		Partner:      lev.Partner.Naam,
		Bron:         lev.Partner.Bron,
		Periode:      out.periode,
		Versie:       kansrijk.VersieInNaam(strings.TrimSuffix(lev.Naam, filepath.Ext(lev.Naam))),
		Ingelezen:    im.Now().UTC().Truncate(time.Second),
		Rijen:        out.rijen,
		Geaccepteerd: out.rijen - out.afgewezen,
		Afgewezen:    out.afgewezen,
		Ontbrekend:   out.ontbrekend,
	}
	for _, m := range lev.meldingen {
		if m.Ernst == store.Waarschuwing {
			l.Waarschuwingen++
		}
	}
	out.inhoud.Meldingen = lev.meldingen
	v.levering, v.inhoud = l, &out.inhoud
}

// schrijf stores a read file as one levering, all or nothing. Once the
// store is found damaged, full or not writable, the files after it are
// not tried: each would fail alike, and a damaged file is not written.
func (im *Importer) schrijf(ctx context.Context, v *voorbereid) Resultaat {
	res := v.res
	if v.levering == nil {
		return res
	}
	if im.fataal != nil {
		res.Status = Afgewezen
		res.Fout = fmt.Sprintf("%s: niet opgeslagen, omdat de database niet te gebruiken is (zie de melding hierboven)", filepath.Base(res.Pad))
		return res
	}
	if err := im.DB.VoegToe(ctx, v.levering, v.inhoud); err != nil {
		if store.IsSoort(err, store.Beschadigd) || store.IsSoort(err, store.SchijfVol) || store.IsSoort(err, store.GeenSchrijfrecht) {
			im.fataal = err
		}
		res.Status, res.Fout = Afgewezen, err.Error()
		return res
	}
	return v.ingelezen()
}

// ingelezen is the result of a file once its levering is stored.
func (v *voorbereid) ingelezen() Resultaat {
	res := v.res
	res.Status, res.Levering = Ingelezen, *v.levering
	return res
}

// wacht is a read file waiting in Alle for its batch to be stored: its
// position in paden and what was read.
type wacht struct {
	i int
	v *voorbereid
}

// nieuw lists the leveringen of a batch for the store.
func nieuw(batch []wacht) []store.Nieuw {
	ns := make([]store.Nieuw, len(batch))
	for j, w := range batch {
		ns[j] = store.Nieuw{Levering: w.v.levering, Inhoud: w.v.inhoud}
	}
	return ns
}

// hashFile hashes a file only once sheet.OpenRegular has found it a
// regular file within bounds: a symbolic link to /dev/zero or a named
// pipe would otherwise hang the import here.
func hashFile(p string) (string, error) {
	f, err := sheet.OpenRegular(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// levering is the state of one file being read: where messages go.
type levering struct {
	File    *sheet.File
	Partner kansrijk.Partner
	Config  *kansrijk.Config
	Naam    string
	// Profiel is the partner's bronprofiel; standaard the one kansrijk
	// ships for the bron, for whatever the partner's profiel leaves out.
	Profiel   kansrijk.Profiel
	standaard kansrijk.Profiel
	meldingen []store.Melding
	datums    map[string][]int
	// plaatsen remembers Config.Gemeente: a file repeats the same few
	// spellings on every row.
	plaatsen *kansrijk.Plaatsen
	// nu is the current kwartaal: kwartalen and dates after it (or
	// before kansrijk.EersteKwartaal) are not plausible.
	nu kansrijk.Kwartaal
	// koppen are, per sheet, the header row as the partner wrote it.
	koppen map[string][]string
	// legeCellen and gevuld find columns left empty throughout (see
	// afronden); velden are the fields the file has, for the legend.
	legeCellen map[kolomSleutel][]leegCel
	gevuld     map[string][]int
	velden     []string
	// huidig is the row being read (see rows); bewaard the rows kept for
	// the terugmelding, kopRij per sheet its header row, dataBlad the
	// sheet of the records.
	huidig   sheet.Rij
	huidigIn string
	lopend   bool
	bewaard  *bronRijen
	dataBlad string
	// dataKop is the header of a record sheet (see zoekKop).
	dataKop kop
}

// aannemelijk checks a kwartaal of the file (its name, a cell) against
// the plausible range; see kansrijk.Kwartaal.Aannemelijk.
func (l *levering) aannemelijk(q kansrijk.Kwartaal) error {
	if l.nu.IsZero() {
		l.nu = kansrijk.KwartaalVan(time.Now())
	}
	return q.Aannemelijk(l.nu)
}

// datum reads a date of a row (ParseDatum) and checks that it lies in
// the plausible range: a first check-up in 2031 or in 1995 is a typing
// error, not a figure for that kwartaal.
func (l *levering) datum(s string) (time.Time, error) {
	t, err := ParseDatum(s)
	if err != nil {
		return t, err
	}
	if l.nu.IsZero() {
		l.nu = kansrijk.KwartaalVan(time.Now())
	}
	if err := kansrijk.AannemelijkeDatum(t, l.nu); err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// gemeente is Config.Gemeente, cached for this levering.
func (l *levering) gemeente(s string) (gemeente, coalitie string, ok bool) {
	if l.plaatsen == nil {
		l.plaatsen = kansrijk.NieuwePlaatsen(l.Config)
	}
	p := l.plaatsen.Van(s)
	return p.Gemeente, p.Coalitie, p.OK
}

// datumKolommen notes which columns of a sheet hold dates.
func (l *levering) datumKolommen(blad string, cols ...int) {
	if l.datums == nil {
		l.datums = map[string][]int{}
	}
	for _, c := range cols {
		if c >= 0 {
			l.datums[blad] = append(l.datums[blad], c)
		}
	}
}

// gelezen is what a reader made of a file.
type gelezen struct {
	periode   string
	rijen     int // data rows seen
	afgewezen int // data rows not stored
	// ontbrekend are fields whose column is missing: their figures are
	// not available for what this levering covers.
	ontbrekend []string
	inhoud     store.Inhoud
	// toelichting: see Resultaat.Toelichting.
	toelichting []string
}

// bronVelden are the fields a bronprofiel may name, per bron.
var bronVelden = map[kansrijk.Bron][]kolom{
	kansrijk.BronVerloskunde:   verloskundeKolommen,
	kansrijk.BronJGZ:           jgzKolommen,
	kansrijk.BronKraamzorg:     kraamzorgKolommen,
	kansrijk.BronWijkteam:      wijkteamKolommen,
	kansrijk.BronOuderverhalen: verhaalKolommen,
	kansrijk.BronCodeboek:      codeboekKolommen,
	kansrijk.BronPersonas:      personaKolommen,
	kansrijk.BronQDA:           qdaVelden,
}

// standaardProfielen are kansrijk's own bronprofielen, parsed once (not
// per file); the readers never change a profiel.
var standaardProfielen = sync.OnceValue(workspace.StandaardProfielen)

// profielVoor finds the partner's bronprofiel and kansrijk's standard one
// for its bron, and checks that the profiel names only known fields.
func profielVoor(cfg *kansrijk.Config, p kansrijk.Partner) (prof, std kansrijk.Profiel, err error) {
	for _, s := range standaardProfielen() {
		if s.Bron == p.Bron {
			std = s
		}
	}
	prof, ok := cfg.ProfielVoor(p)
	switch {
	case !ok && p.Profiel != "":
		return prof, std, fmt.Errorf("partner %s noemt profiel %q, maar dat staat niet in kansrijk.toml", p.Naam, p.Profiel)
	case !ok:
		return std, std, nil
	case prof.Bron != "" && prof.Bron != p.Bron:
		return prof, std, fmt.Errorf("profiel %q is voor bron %s, maar partner %s levert %s", prof.Naam, prof.Bron, p.Naam, p.Bron)
	}
	known := map[string]bool{}
	var names []string
	for _, k := range bronVelden[p.Bron] {
		known[k.veld] = true
		names = append(names, k.veld)
	}
	for veld := range prof.Kolommen {
		if !known[veld] {
			return prof, std, fmt.Errorf("profiel %q noemt onbekend veld %q; bekende velden voor %s: %s",
				prof.Naam, veld, p.Bron, strings.Join(names, ", "))
		}
	}
	if prof.Gewicht != "" && prof.Gewicht != "g" && prof.Gewicht != "kg" {
		return prof, std, fmt.Errorf("profiel %q: gewicht = %q; kies \"g\" of \"kg\"", prof.Naam, prof.Gewicht)
	}
	return prof, std, nil
}

// readers maps a bron to the reader for its files.
var readers = map[kansrijk.Bron]func(*levering) (*gelezen, error){
	kansrijk.BronVerloskunde:   readVerloskunde,
	kansrijk.BronJGZ:           readJGZ,
	kansrijk.BronKraamzorg:     readKraamzorg,
	kansrijk.BronWijkteam:      readWijkteam,
	kansrijk.BronProcesmonitor: readProcesmonitor,
	kansrijk.BronOuderverhalen: readOuderverhalen,
	kansrijk.BronCodeboek:      readCodeboek,
	kansrijk.BronPersonas:      readPersonas,
}

// kwartaal finds the quarter a single-quarter levering is about: from the
// file name, else from the first rows of the first sheet.
func (l *levering) kwartaal() (kansrijk.Kwartaal, error) {
	if q, ok := kansrijk.KwartaalInNaam(l.Naam); ok {
		if err := l.aannemelijk(q); err != nil {
			return q, fmt.Errorf("%s (kwartaal in de bestandsnaam): %v; controleer de naam", l.Naam, err)
		}
		return q, nil
	}
	var found kansrijk.Kwartaal
	var cel string
	sheets := l.File.Sheets()
	_ = l.File.Rows(sheets[0], func(row int, cells []string) error {
		for i, c := range cells {
			if q, ok := kansrijk.KwartaalInNaam(c); ok {
				found, cel = q, sheet.Cell(i+1, row)
				return sheet.ErrStop
			}
		}
		if row >= 10 {
			return sheet.ErrStop
		}
		return nil
	})
	if found.IsZero() {
		return found, fmt.Errorf("%s: over welk kwartaal gaat dit bestand? Zet het kwartaal in de bestandsnaam, zoals %s_2026-K3.xlsx",
			l.Naam, strings.TrimSuffix(l.Naam, filepath.Ext(l.Naam)))
	}
	if err := l.aannemelijk(found); err != nil {
		return found, fmt.Errorf("%s, blad %q, cel %s: %v", l.Naam, sheets[0], cel, err)
	}
	return found, nil
}

var reVersieSuffix = regexp.MustCompile(`(?i)[_ -]v\d{1,3}$`)

// basisNaam is a file name without extension and version suffix: the
// periode of a multi-period levering, so that Kraamzorg_2025-2026_v2.xlsx
// replaces Kraamzorg_2025-2026.xlsx.
func basisNaam(name string) string {
	return reVersieSuffix.ReplaceAllString(strings.TrimSuffix(name, filepath.Ext(name)), "")
}
