package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/reports"
	"kansrijk/store"
	"kansrijk/workspace"
)

// werkplaats is the one place in web that knows the packages below it
// (workspace, store, ingest, eval, reports): the pages get plain values.
//
// Every operation opens the store and closes it again, holding one lock
// for the werkmap: one import or report run at a time, and DuckDB, which
// allows one writing process per file, is free for the command line
// between operations.
type werkplaats struct {
	dir  string
	slot chan struct{} // holds a token while an operation has the store
	now  func() time.Time
	// wachtOpSlot is how long a page waits for a job of this server to
	// finish with the werkmap; a job waits its turn.
	wachtOpSlot time.Duration
	// wachtOpStore is how long a page waits for a store that another
	// process (kansrijk import in a terminal) holds; a job, whose page
	// shows it waits, waits wachtOpStoreTaak.
	wachtOpStore, wachtOpStoreTaak time.Duration
}

func nieuweWerkplaats(dir string) *werkplaats {
	return &werkplaats{dir: dir, slot: make(chan struct{}, 1), now: time.Now,
		wachtOpSlot: 3 * time.Second, wachtOpStore: 5 * time.Second, wachtOpStoreTaak: time.Minute}
}

// errBezig says the werkmap is busy with another operation of this server.
var errBezig = errors.New("bezig")

// pak takes the werkmap's lock, waiting until ctx ends or, when wacht is
// not 0, for wacht at most.
func (p *werkplaats) pak(ctx context.Context, wacht time.Duration) error {
	var tijd <-chan time.Time
	if wacht > 0 {
		t := time.NewTimer(wacht)
		defer t.Stop()
		tijd = t.C
	}
	select {
	case p.slot <- struct{}{}:
		return nil
	case <-tijd:
		return errBezig
	case <-ctx.Done():
		return errBezig
	}
}

func (p *werkplaats) laat() { <-p.slot }

// werkmap reads the werkmap's configuration afresh, so that an edited
// kansrijk.toml counts at once.
func (p *werkplaats) werkmap() (*workspace.Werkmap, error) { return workspace.Open(p.dir) }

// lees runs f for a page, with the werkmap and its store open, under the
// lock: if a job has it, the page waits wachtOpSlot at most.
func (p *werkplaats) lees(ctx context.Context, f func(*workspace.Werkmap, *store.DB) error) error {
	return p.metStore(ctx, p.wachtOpSlot, p.wachtOpStore, store.Lezen, f)
}

// werk runs f for a job, waiting its turn for the lock.
func (p *werkplaats) werk(ctx context.Context, f func(*workspace.Werkmap, *store.DB) error) error {
	return p.metStore(ctx, 0, p.wachtOpStoreTaak, store.Schrijven, f)
}

func (p *werkplaats) metStore(ctx context.Context, wachtSlot, wachtStore time.Duration, modus store.Modus, f func(*workspace.Werkmap, *store.DB) error) error {
	if err := p.pak(ctx, wachtSlot); err != nil {
		return err
	}
	defer p.laat()
	w, err := p.werkmap()
	if err != nil {
		return err
	}
	db, err := p.openStore(ctx, w.Database(), modus, wachtStore)
	if err != nil {
		return err
	}
	defer db.Close()
	return f(w, db)
}

// storeDicht is a store that could not be opened; its message is the
// store's own (Dutch, naming the process that holds it).
type storeDicht struct{ err error }

func (e storeDicht) Error() string { return e.err.Error() }
func (e storeDicht) Unwrap() error { return e.err }

// openStore opens the store, trying again for a while when another
// process has it: that one is most often done in a moment.
func (p *werkplaats) openStore(ctx context.Context, pad string, modus store.Modus, wacht time.Duration) (*store.DB, error) {
	tot := time.Now().Add(wacht)
	pauze := 50 * time.Millisecond
	for {
		db, err := store.Open(pad, modus)
		if err == nil {
			return db, nil
		}
		// Only another process holding the store passes in a moment; a
		// damaged or read-only store is said at once.
		if !store.IsSoort(err, store.InGebruik) || time.Now().After(tot) {
			return nil, storeDicht{err}
		}
		select {
		case <-time.After(pauze):
		case <-ctx.Done():
			return nil, storeDicht{err}
		}
		pauze = min(2*pauze, 500*time.Millisecond)
	}
}

// instellingen is the Instellingen page: kansrijk.toml as it is on disk
// and what checking it says.
type instellingen struct {
	Pad      string
	Tekst    string
	Fout     string // the check's message; "" when the file is fine
	Config   *kansrijk.Config
	Afgekapt bool // the file is larger than shown
}

const maxInstellingen = 1 << 20

func (p *werkplaats) instellingen() instellingen {
	pad := filepath.Join(p.dir, workspace.ConfigNaam)
	in := instellingen{Pad: pad}
	f, err := os.Open(pad)
	if err != nil {
		in.Fout = fmt.Sprintf("%s kan niet worden gelezen: %v", pad, err)
		return in
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInstellingen+1))
	if err != nil {
		in.Fout = fmt.Sprintf("%s kan niet worden gelezen: %v", pad, err)
		return in
	}
	if len(data) > maxInstellingen {
		data, in.Afgekapt = data[:maxInstellingen], true
	}
	in.Tekst = strings.ToValidUTF8(string(data), "\uFFFD")
	cfg, err := workspace.Parse(data, pad)
	if err != nil {
		in.Fout = err.Error()
		return in
	}
	in.Config = &cfg
	return in
}

// importOpties are the choices of one import from the page.
type importOpties struct {
	// Proef asks for the proefimport (issue 18: read and check, store
	// nothing, say what would change). importeer refuses it until ingest
	// offers one; the page has no switch for it until then.
	Proef bool
}

// errGeenProef is the refusal of a proefimport.
var errGeenProef = errors.New("Deze versie van kansrijk kan nog geen proefimport doen; lees de bestanden gewoon in of wacht op een nieuwere versie.")

// uitslag is what happened to one file of an import, for the page.
type uitslag struct {
	Naam           string
	Status         string // ingest.Status
	Soort          string // goed, letop or fout: how the page marks it
	Partner        string
	Periode        string
	LeveringID     int64
	Rijen          int
	Geaccepteerd   int
	Afgewezen      int
	Fouten         int
	Waarschuwingen int
	AlIngelezenOp  time.Time
	// Fout says, in Dutch, why the file was not used.
	Fout string
	// Meldingen are the first messages, errors first; Verborgen how many
	// more there are.
	Meldingen []melding
	Verborgen int
	// terugmelding is the feedback workbook ingest wrote; the server gives
	// it a download id (Terugmelding).
	terugmelding     string
	Terugmelding     string
	TerugmeldingFout string
	// volgnr is the file's place in its upload.
	volgnr int
}

// melding is one message about a cell or row, for the page.
type melding struct {
	Fout   bool   // an error
	Ernst  string // how serious, as the terugmelding names it
	Soort  string // fout, waarschuwing or informatie: how the page marks it
	Plaats string // Blad!C5, or C5 in a CSV file
	Kolom  string // the column's header as the partner wrote it, and its letters
	Record string // the record the partner knows: Cliëntnummer VK-0042
	Waarde string
	Tekst  string
}

// maxMeldingen is how many messages per file a page shows; the
// terugmelding has them all.
const maxMeldingen = 200

var reKolom = regexp.MustCompile(`^[A-Z]{1,3}`)

// meldingen turns the store's messages into the page's, errors first,
// then warnings, then information, keeping at most maxMeldingen.
func meldingen(ms []store.Melding) (out []melding, verborgen int) {
	for _, e := range ingest.Ernsten {
		for _, m := range ms {
			if m.Ernst != e.Ernst {
				continue
			}
			if len(out) == maxMeldingen {
				verborgen++
				continue
			}
			kolom := reKolom.FindString(m.Cell())
			if m.Header != "" && kolom != "" {
				kolom = m.Header + " (" + kolom + ")"
			}
			out = append(out, melding{
				Fout: m.Ernst == store.Fout, Ernst: e.Naam, Soort: m.Ernst, Plaats: m.Plaats(), Kolom: kolom,
				Record: m.Record.String(), Waarde: m.Waarde, Tekst: m.Tekst,
			})
		}
	}
	return out, verborgen
}

// uitslagVan makes the page's view of one file's result.
func uitslagVan(res ingest.Resultaat) uitslag {
	u := uitslag{
		Naam: filepath.Base(res.Pad), Status: string(res.Status), Fout: res.Fout,
		terugmelding: res.Terugmelding, TerugmeldingFout: res.TerugmeldingFout,
	}
	u.Meldingen, u.Verborgen = meldingen(res.Meldingen)
	for _, m := range res.Meldingen {
		if m.Ernst == store.Fout {
			u.Fouten++
		}
	}
	l := res.Levering
	switch res.Status {
	case ingest.Ingelezen:
		u.Soort = "goed"
		if u.Fouten > 0 || l.Afgewezen > 0 {
			u.Soort = "letop"
		}
		u.Partner, u.Periode, u.LeveringID = l.Partner, l.Periode, l.ID
		u.Rijen, u.Geaccepteerd, u.Afgewezen, u.Waarschuwingen = l.Rijen, l.Geaccepteerd, l.Afgewezen, l.Waarschuwingen
	case ingest.AlIngelezen:
		u.Soort = "goed"
		u.Partner, u.Periode, u.LeveringID, u.AlIngelezenOp = l.Partner, l.Periode, l.ID, l.Ingelezen
	default:
		u.Soort = "fout"
	}
	return u
}

// importeer reads files as kansrijk import does: ingest.Importer.Alle,
// each file one levering in one transaction, with a terugmelding for
// every file with messages. klaar is called for each file in order.
// begonnen is called once the import has the werkmap.
func (p *werkplaats) importeer(ctx context.Context, paden []string, opt importOpties, begonnen func(), klaar func(i int, u uitslag)) error {
	if opt.Proef {
		return errGeenProef
	}
	return p.werk(ctx, func(w *workspace.Werkmap, db *store.DB) error {
		begonnen()
		im := &ingest.Importer{DB: db, Config: &w.Config, Now: p.now, Terugmeldingen: w.Terugmeldingen()}
		im.Alle(ctx, paden, runtime.NumCPU(), func(i int, res ingest.Resultaat) {
			if res.Status == ingest.AlIngelezen {
				// The upload is a copy of a file stored before: keep no twin.
				os.Remove(res.Pad)
			}
			klaar(i, uitslagVan(res))
		})
		return nil
	})
}

// levering is one stored levering with its messages, for its page.
type levering struct {
	uitslag
	Bestand   string
	Bron      string
	Ingelezen time.Time
	Actief    bool
}

// errOnbekend says something asked for by id does not exist.
var errOnbekend = errors.New("onbekend")

func (p *werkplaats) levering(ctx context.Context, id int64) (levering, error) {
	var l levering
	err := p.lees(ctx, func(w *workspace.Werkmap, db *store.DB) error {
		alle, err := db.Leveringen(ctx)
		if err != nil {
			return err
		}
		actief, err := db.ActieveLeveringen(ctx)
		if err != nil {
			return err
		}
		for _, s := range alle {
			if s.ID != id {
				continue
			}
			ms, err := db.Meldingen(ctx, id)
			if err != nil {
				return err
			}
			l.uitslag = uitslagVan(ingest.Resultaat{Pad: s.Bestand, Status: ingest.Ingelezen, Levering: s, Meldingen: ms})
			l.Bestand, l.Bron, l.Ingelezen = s.Bestand, string(s.Bron), s.Ingelezen
			for _, a := range actief {
				l.Actief = l.Actief || a.ID == id
			}
			return nil
		}
		return errOnbekend
	})
	return l, err
}

// aanleverstatus is the coalitie × partner × kwartaal matrix.
type aanleverstatus struct {
	Kwartalen []kansrijk.Kwartaal
	Coalities []statusCoalitie
	// Ontbreekt lists what is missing, by coalitie, partner and kwartaal.
	Ontbreekt []eval.Aanlevering
	Leeg      bool // nothing imported yet
}

type statusCoalitie struct {
	Naam     string
	Partners []statusPartner
}

type statusPartner struct {
	Naam   string
	Cellen []statusCel
}

// statusCel is one partner's delivery for one coalitie in one kwartaal.
type statusCel struct {
	Kwartaal   kansrijk.Kwartaal
	Status     string // eval.Aanleverstatus
	Leveringen int
	// Waarschuwingen and Rijen are those of the levering that counts
	// (the newest), for the cell's mark of many warnings.
	Waarschuwingen int
	Rijen          int
	Veel           bool
	LeveringID     int64
}

// veelWaarschuwingen: a levering has many warnings when at least one row
// in ten has one, and at least ten rows do.
func veelWaarschuwingen(waarschuwingen, rijen int) bool {
	return waarschuwingen >= 10 && waarschuwingen*10 >= rijen
}

func (p *werkplaats) aanleverstatus(ctx context.Context) (aanleverstatus, error) {
	var st aanleverstatus
	err := p.lees(ctx, func(w *workspace.Werkmap, db *store.DB) error {
		as, err := eval.Aanleveringen(ctx, db, &w.Config)
		if err != nil {
			return err
		}
		actief, err := db.ActieveLeveringen(ctx)
		if err != nil {
			return err
		}
		st = statusVan(&w.Config, as, actief)
		return nil
	})
	return st, err
}

// statusVan lays out eval's delivery status as the matrix, with the
// warnings of the levering that counts in each cell.
func statusVan(cfg *kansrijk.Config, as []eval.Aanlevering, actief []store.Levering) aanleverstatus {
	st := aanleverstatus{Leeg: len(as) == 0}
	gezien := map[kansrijk.Kwartaal]bool{}
	type sleutel struct {
		partner, coalitie string
		q                 kansrijk.Kwartaal
	}
	nieuwste := map[sleutel]store.Levering{}
	for _, l := range actief { // oldest first: a later one wins
		co, qs := dekking(cfg, l.Periode)
		for _, q := range qs {
			nieuwste[sleutel{l.Partner, co, q}] = l
		}
	}
	for _, a := range as {
		if !gezien[a.Kwartaal] {
			gezien[a.Kwartaal] = true
			st.Kwartalen = append(st.Kwartalen, a.Kwartaal)
		}
		if a.Status == eval.Ontbreekt {
			st.Ontbreekt = append(st.Ontbreekt, a)
		}
		n := len(st.Coalities)
		if n == 0 || st.Coalities[n-1].Naam != a.Coalitie {
			st.Coalities = append(st.Coalities, statusCoalitie{Naam: a.Coalitie})
			n++
		}
		co := &st.Coalities[n-1]
		m := len(co.Partners)
		if m == 0 || co.Partners[m-1].Naam != a.Partner {
			co.Partners = append(co.Partners, statusPartner{Naam: a.Partner})
			m++
		}
		cel := statusCel{Kwartaal: a.Kwartaal, Status: string(a.Status), Leveringen: a.Leveringen}
		if a.Status != eval.Ontbreekt {
			l, ok := nieuwste[sleutel{a.Partner, a.Coalitie, a.Kwartaal}]
			if !ok {
				l, ok = nieuwste[sleutel{a.Partner, "", a.Kwartaal}]
			}
			if ok {
				cel.Waarschuwingen, cel.Rijen, cel.LeveringID = l.Waarschuwingen, l.Rijen, l.ID
				cel.Veel = veelWaarschuwingen(l.Waarschuwingen, l.Rijen)
			}
		}
		co.Partners[m-1].Cellen = append(co.Partners[m-1].Cellen, cel)
	}
	sort.Slice(st.Kwartalen, func(i, j int) bool { return st.Kwartalen[i].Index() < st.Kwartalen[j].Index() })
	return st
}

var reKwartaal = regexp.MustCompile(`\d{4}-K[1-4]`)

// dekking reads what a levering's periode covers, as ingest writes it:
// "2026-K3", "2025-K1 t/m 2026-K3", or a coalitie and a kwartaal for the
// procesmonitor ("Dijkwaard 2026-K3"). Story logs and codebooks cover no
// kwartaal.
func dekking(cfg *kansrijk.Config, periode string) (coalitie string, qs []kansrijk.Kwartaal) {
	loc := reKwartaal.FindAllStringIndex(periode, 2)
	if len(loc) == 0 {
		return "", nil
	}
	van, err := kansrijk.ParseKwartaal(periode[loc[0][0]:loc[0][1]])
	if err != nil {
		return "", nil
	}
	tot := van
	if len(loc) == 2 {
		if tot, err = kansrijk.ParseKwartaal(periode[loc[1][0]:loc[1][1]]); err != nil {
			return "", nil
		}
	}
	if co, ok := cfg.Coalitie(strings.TrimSpace(periode[:loc[0][0]])); ok {
		coalitie = co.Naam
	}
	return coalitie, kansrijk.Between(van, tot)
}

// kwartalen are those anything was delivered for, oldest first, to
// choose the reports' kwartaal from.
func (p *werkplaats) kwartalen(ctx context.Context) ([]kansrijk.Kwartaal, error) {
	st, err := p.aanleverstatus(ctx)
	return st.Kwartalen, err
}

// rapportBestand is one report file that kansrijk writes for a
// kwartaal, and whether it is on disk.
type rapportBestand struct {
	Naam    string // the file name in rapporten/
	Bestaat bool
}

// rapportRij is one line of the Rapporten page: the overview, or a
// coalitie's report and its page for parents.
type rapportRij struct {
	Wat               string
	IsOverzicht       bool
	PDF, HTML         rapportBestand
	OudersPDF, Ouders rapportBestand
	Iets              bool // any of them is on disk
}

// rapportNamen are the base names of every report file of kwartaal q,
// by what they are: only these can be downloaded.
func rapportNamen(cfg *kansrijk.Config, q kansrijk.Kwartaal) (overzicht string, rapport, ouders map[string]string) {
	rapport, ouders = map[string]string{}, map[string]string{}
	for _, co := range cfg.Coalities {
		rapport[co.Naam] = reports.Bestandsnaam(co, q)
		ouders[co.Naam] = reports.OudersBestandsnaam(co, q)
	}
	return reports.OverzichtBestandsnaam(q), rapport, ouders
}

// rapportBestanden lists the report files of kwartaal q that can be on
// disk, and which are.
func (p *werkplaats) rapportBestanden(q kansrijk.Kwartaal) ([]rapportRij, error) {
	w, err := p.werkmap()
	if err != nil {
		return nil, err
	}
	stat := func(naam string) rapportBestand {
		st, err := os.Stat(filepath.Join(w.Rapporten(), naam))
		return rapportBestand{Naam: naam, Bestaat: err == nil && st.Mode().IsRegular()}
	}
	overzicht, rapport, ouders := rapportNamen(&w.Config, q)
	rijen := []rapportRij{{Wat: "Overzicht van alle coalities", IsOverzicht: true,
		PDF: stat(overzicht + ".pdf"), HTML: stat(overzicht + ".html")}}
	for _, co := range w.Config.Coalities {
		rijen = append(rijen, rapportRij{Wat: co.Naam,
			PDF: stat(rapport[co.Naam] + ".pdf"), HTML: stat(rapport[co.Naam] + ".html"),
			OudersPDF: stat(ouders[co.Naam] + ".pdf"), Ouders: stat(ouders[co.Naam] + ".html")})
	}
	for i := range rijen {
		r := &rijen[i]
		r.Iets = r.PDF.Bestaat || r.HTML.Bestaat || r.OudersPDF.Bestaat || r.Ouders.Bestaat
	}
	return rijen, nil
}

// rapportPad is where report file naam of kwartaal q is, if naam is one
// kansrijk writes for q; otherwise ok is false.
func (p *werkplaats) rapportPad(q kansrijk.Kwartaal, naam string) (dir string, ok bool) {
	w, err := p.werkmap()
	if err != nil {
		return "", false
	}
	overzicht, rapport, ouders := rapportNamen(&w.Config, q)
	geldig := map[string]bool{overzicht + ".pdf": true, overzicht + ".html": true}
	for _, m := range []map[string]string{rapport, ouders} {
		for _, n := range m {
			geldig[n+".pdf"], geldig[n+".html"] = true, true
		}
	}
	return w.Rapporten(), geldig[naam]
}

// rapportUitslag is what making the reports of a kwartaal did.
type rapportUitslag struct {
	Kwartaal   kansrijk.Kwartaal
	Coalities  int
	Bestanden  int
	Bijgewerkt int
}

// maakRapporten writes, as kansrijk rapport does, the overview, the
// report of every coalitie and the pages for parents over kwartaal q,
// dated today. stap reports progress: gedaan of totaal steps, and what
// comes next.
func (p *werkplaats) maakRapporten(ctx context.Context, q kansrijk.Kwartaal, stap func(gedaan, totaal int, wat string)) (rapportUitslag, error) {
	uit := rapportUitslag{Kwartaal: q}
	err := p.werk(ctx, func(w *workspace.Werkmap, db *store.DB) (err error) {
		coalities := w.Config.Coalities
		totaal := 2 + 2*len(coalities)
		gedaan := 0
		tel := func(g reports.Geschreven, wat string) {
			gedaan++
			uit.Bestanden += len(g.Paden)
			uit.Bijgewerkt += g.Bijgewerkt
			stap(gedaan, totaal, wat)
		}
		stap(0, totaal, "cijfers berekenen")
		cijfers, err := eval.Cijfers(ctx, db, &w.Config)
		if err != nil {
			return err
		}
		opt := reports.Opties{Kwartaal: q, Gemaakt: p.now().UTC().Truncate(24 * time.Hour)}
		u, err := reports.OpenUitvoer(w.Rapporten())
		if err != nil {
			return err
		}
		defer func() {
			// The manifest also records what was written before an error.
			if serr := u.Sluit(); err == nil {
				err = serr
			}
		}()
		g, err := u.SchrijfOverzicht(reports.BuildOverzicht(&w.Config, cijfers, opt))
		if err != nil {
			return fmt.Errorf("overzicht: %w", err)
		}
		tel(g, "rapporten per coalitie")
		basis, err := reports.NieuweBasis(ctx, db, &w.Config, cijfers, opt)
		if err != nil {
			return err
		}
		perCoalitie := func(soort string, maak func(kansrijk.Coalitie) (reports.Geschreven, error)) error {
			return reports.Alle(ctx, coalities, maak, func(i int, g reports.Geschreven) { tel(g, soort+" "+coalities[i].Naam) })
		}
		err = perCoalitie("rapport", func(co kansrijk.Coalitie) (reports.Geschreven, error) {
			r, err := basis.Rapport(co)
			if err != nil {
				return reports.Geschreven{}, err
			}
			return u.Schrijf(r)
		})
		if err != nil {
			return fmt.Errorf("rapport %w", err)
		}
		err = perCoalitie("pagina voor ouders", func(co kansrijk.Coalitie) (reports.Geschreven, error) {
			o, err := basis.Ouders(co)
			if err != nil {
				return reports.Geschreven{}, err
			}
			return u.SchrijfOuders(o)
		})
		if err != nil {
			return fmt.Errorf("terugkoppeling aan ouders %w", err)
		}
		uit.Coalities = len(coalities)
		return nil
	})
	return uit, err
}

// exporteer writes the Excel export of kansrijk export --uit cijfers.xlsx.
func (p *werkplaats) exporteer(ctx context.Context, out io.Writer) error {
	return p.lees(ctx, func(w *workspace.Werkmap, db *store.DB) error {
		cijfers, err := eval.Cijfers(ctx, db, &w.Config)
		if err != nil {
			return err
		}
		tabellen, err := reports.ExportTabellen(ctx, db, &w.Config, cijfers)
		if err != nil {
			return err
		}
		return reports.WriteXLSX(out, tabellen)
	})
}
