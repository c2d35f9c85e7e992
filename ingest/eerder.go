package ingest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// A dossier- or cliëntnummer can turn up in more than one levering of a
// partner: a client in the export of her first check-up and again in
// that of the birth, an aanmelding entered late in the next quarter's
// export, a number given twice by a practice system. The figures take a
// record as (partner, number, date: eerste controle, bevallingsdatum or
// aanmelddatum), and for one record the newest levering's row counts
// (the one read last; see eval and the README). When the same number
// comes with other data, the partner hears it, with both rows:
//   - the same date, other values: one record; this levering's row
//     counts, the other's does not;
//   - another date: two records, both count; if they are one, a date is
//     wrong in one of the files.
// A row that only adds what the other left empty (the birth after the
// first check-up, the start of help) is no conflict.

// eerder holds, during one run of Alle, the record rows of the
// leveringen read so far, per partner, so a levering is compared with
// those read before it in the run as well as with those stored already.
type eerder struct {
	db         *store.DB
	mu         sync.Mutex
	klaarCond  *sync.Cond
	partnerVan []string       // per file of the run: its partner, "" for none or other bronnen
	laatste    map[string]int // per partner: the position of its last file
	klaar      []bool
	perPartner map[string]map[string]*periodeRijen // partner -> periode -> rows
}

// periodeRijen are the record rows of the levering that counts for one
// period of a partner.
type periodeRijen struct {
	bestand  string
	versie   int
	uitStore bool
	vk       []store.Verloskunde
	wt       []store.Wijkteam
}

// vergelijkt are the bronnen whose rows are compared across leveringen.
var vergelijkt = map[kansrijk.Bron]bool{kansrijk.BronVerloskunde: true, kansrijk.BronWijkteam: true}

func nieuwEerder(db *store.DB, cfg *kansrijk.Config, paden []string) *eerder {
	e := &eerder{db: db, partnerVan: make([]string, len(paden)), laatste: map[string]int{}, klaar: make([]bool, len(paden)),
		perPartner: map[string]map[string]*periodeRijen{}}
	e.klaarCond = sync.NewCond(&e.mu)
	for i, p := range paden {
		if pt, ok := Partner(cfg, filepath.Base(p)); ok && vergelijkt[pt.Bron] {
			e.partnerVan[i] = pt.Naam
			e.laatste[pt.Naam] = i
		}
	}
	return e
}

// gedaan marks file i as read (compared and registered, or not to be):
// the files after it of the same partner may go on. After a partner's
// last file its rows are dropped, so memory holds one partner at a time.
func (e *eerder) gedaan(i int) {
	if e == nil {
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.klaar[i] = true
	if p := e.partnerVan[i]; p != "" && e.laatste[p] == i {
		delete(e.perPartner, p)
	}
	e.klaarCond.Broadcast()
}

// rijenVoor waits until every file before i of partner p is read and
// returns p's rows of periods other than periode: those stored (read
// once) and those read in this run.
func (e *eerder) rijenVoor(ctx context.Context, i int, p, periode string) []*periodeRijen {
	e.mu.Lock()
	defer e.mu.Unlock()
	for {
		wacht := false
		for j := 0; j < i; j++ {
			if e.partnerVan[j] == p && !e.klaar[j] {
				wacht = true
				break
			}
		}
		if !wacht || ctx.Err() != nil {
			break
		}
		e.klaarCond.Wait()
	}
	m, ok := e.perPartner[p]
	if !ok {
		m = uitStore(ctx, e.db, p)
		e.perPartner[p] = m
	}
	return behalve(m, periode)
}

// behalve lists the periods' rows but those of periode, which a new
// levering of that period replaces.
func behalve(m map[string]*periodeRijen, periode string) []*periodeRijen {
	var out []*periodeRijen
	for q, r := range m {
		if q != periode {
			out = append(out, r)
		}
	}
	return out
}

// registreer keeps the rows of a levering read in this run for its
// period, unless the period already has a newer version.
func (e *eerder) registreer(p, periode string, r *periodeRijen) {
	e.mu.Lock()
	defer e.mu.Unlock()
	m := e.perPartner[p]
	if m == nil {
		m = map[string]*periodeRijen{}
		e.perPartner[p] = m
	}
	if oud, ok := m[periode]; !ok || oud.uitStore || r.versie >= oud.versie {
		m[periode] = r
	}
}

// uitStore reads partner p's stored rows per period. A store that
// cannot be read gives none: the comparison is a help, storing reports
// the store's problem.
func uitStore(ctx context.Context, db *store.DB, p string) map[string]*periodeRijen {
	m := map[string]*periodeRijen{}
	if db == nil {
		return m
	}
	rijen, err := db.EerdereRijen(ctx, p)
	if err != nil {
		return m
	}
	for _, r := range rijen {
		pr := m[r.Periode]
		if pr == nil {
			pr = &periodeRijen{bestand: r.Bestand, versie: r.Versie, uitStore: true}
			m[r.Periode] = pr
		}
		if r.Verloskunde != nil {
			pr.vk = append(pr.vk, *r.Verloskunde)
		}
		if r.Wijkteam != nil {
			pr.wt = append(pr.wt, *r.Wijkteam)
		}
	}
	return m
}

// vergelijkEerder compares what a record-level levering read with the
// partner's other leveringen (other periods: a levering of the same
// period replaces the earlier one) and reports a number that comes with
// other data; then it registers the levering's rows for the files after
// it. i is the file's position in the run of Alle, -1 outside a run.
func (im *Importer) vergelijkEerder(ctx context.Context, i int, l *levering, out *gelezen) {
	if !vergelijkt[l.Partner.Bron] {
		return
	}
	var lijst []*periodeRijen
	if im.run != nil && i >= 0 {
		lijst = im.run.rijenVoor(ctx, i, l.Partner.Naam, out.periode)
	} else {
		lijst = behalve(uitStore(ctx, im.DB, l.Partner.Naam), out.periode)
	}
	switch l.Partner.Bron {
	case kansrijk.BronWijkteam:
		l.vergelijkWijkteam(out.inhoud.Wijkteam, lijst)
	case kansrijk.BronVerloskunde:
		l.vergelijkVerloskunde(out.inhoud.Verloskunde, lijst)
	}
	if im.run != nil && i >= 0 {
		im.run.registreer(l.Partner.Naam, out.periode, &periodeRijen{bestand: l.Naam,
			versie: kansrijk.VersieInNaam(strings.TrimSuffix(l.Naam, filepath.Ext(l.Naam))),
			vk:     out.inhoud.Verloskunde, wt: out.inhoud.Wijkteam})
	}
}

// verschil notes one value that differs between two rows: "Hulpvraag
// 'Opvoeding' daar, 'Financiële zorgen' hier".
type verschillen []string

func (v *verschillen) tekst(kop, daar, hier string) {
	if daar == "" || hier == "" || strings.EqualFold(strings.TrimSpace(daar), strings.TrimSpace(hier)) {
		return // a value only one of them has is no conflict
	}
	*v = append(*v, fmt.Sprintf("%s '%s' daar, '%s' hier", kop, daar, hier))
}

func datumTekst(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format("02-01-2006")
}

func intTekst(n *int, f func(int) string) string {
	if n == nil {
		return ""
	}
	return f(*n)
}

func boolTekst(b *bool) string {
	switch {
	case b == nil:
		return ""
	case *b:
		return "ja"
	}
	return "nee"
}

// What a number found in another levering was expected to be.
const (
	verwachtEigenNummer = "een eigen nummer voor elke aanmelding, zwangerschap of bevalling"
	verwachtZelfde      = "dezelfde gegevens als in de eerdere levering, of een verbeterd bestand (_v2)"
)

// dubbel warns about a number that another levering has with other data.
func (l *levering) dubbel(p sheet.Location, waarde, verwacht, format string, a ...any) {
	l.meld(store.Melding{Location: p, Waarde: waarde, Ernst: store.Waarschuwing, Verwacht: verwacht, Tekst: fmt.Sprintf(format, a...)})
}

// sleutelPlek is the location of the key cell (field veld: the dossier-
// or cliëntnummer) of a row of this levering.
func (l *levering) sleutelPlek(veld, blad string, row int, key string) sheet.Location {
	return l.cel(blad, row, l.dataKop.col(veld), sheet.Record{Kind: l.kopNaam(l.dataKop, veld), Key: key})
}

// elders is a row of another levering with the same number.
type elders[T any] struct {
	r   *T
	van *periodeRijen
}

// perNummer indexes the rows of the other leveringen by their number,
// ignoring case and spaces, as eval does.
func perNummer[T any](andere []*periodeRijen, rijen func(*periodeRijen) []T, nummer func(*T) string) map[string][]elders[T] {
	index := map[string][]elders[T]{}
	for _, a := range andere {
		rs := rijen(a)
		for i := range rs {
			k := strings.ToLower(strings.TrimSpace(nummer(&rs[i])))
			index[k] = append(index[k], elders[T]{&rs[i], a})
		}
	}
	return index
}

func (l *levering) vergelijkWijkteam(rijen []store.Wijkteam, andere []*periodeRijen) {
	index := perNummer(andere, func(a *periodeRijen) []store.Wijkteam { return a.wt }, func(w *store.Wijkteam) string { return w.Dossier })
	kop := func(veld string) string { return l.kopNaam(l.dataKop, veld) }
	for _, w := range rijen {
		for _, o := range index[strings.ToLower(strings.TrimSpace(w.Dossier))] {
			d := *o.r
			p := l.sleutelPlek("dossier", w.Blad, w.Rij, w.Dossier)
			if !d.Aanmelddatum.Equal(w.Aanmelddatum) {
				l.dubbel(p, w.Dossier, verwachtEigenNummer, "%s %s staat ook in %s (rij %d) met %s %s (hier %s). Wij tellen ze als twee aanmeldingen; "+
					"is het één aanmelding, verbeter dan de datum in één van beide bestanden en stuur dat opnieuw (_v2)",
					p.Record.Kind, w.Dossier, o.van.bestand, d.Rij, strings.ToLower(kop("aanmelding")), d.Aanmelddatum.Format("02-01-2006"), w.Aanmelddatum.Format("02-01-2006"))
				continue
			}
			var v verschillen
			v.tekst(kop("hulpvraag"), d.Hulpvraag, w.Hulpvraag)
			v.tekst(kop("start"), datumTekst(d.Start), datumTekst(w.Start))
			v.tekst(kop("gemeente"), d.Gemeente, w.Gemeente)
			if len(v) > 0 {
				l.dubbel(p, w.Dossier, verwachtZelfde, "%s %s met %s %s staat ook in %s (rij %d) met andere gegevens: %s. "+
					"Wij tellen de gegevens uit dit bestand, de laatst ingelezen levering; klopt dat niet, stuur dan een verbeterd bestand (_v2)",
					p.Record.Kind, w.Dossier, strings.ToLower(kop("aanmelding")), w.Aanmelddatum.Format("02-01-2006"), o.van.bestand, d.Rij, strings.Join(v, "; "))
			}
		}
	}
}

func (l *levering) vergelijkVerloskunde(rijen []store.Verloskunde, andere []*periodeRijen) {
	index := perNummer(andere, func(a *periodeRijen) []store.Verloskunde { return a.vk }, func(v *store.Verloskunde) string { return v.Client })
	kop := func(veld string) string { return l.kopNaam(l.dataKop, veld) }
	zelfde := func(a, b *time.Time) bool { return a != nil && b != nil && a.Equal(*b) }
	anders := func(a, b *time.Time) bool { return a != nil && b != nil && !a.Equal(*b) }
	for _, v := range rijen {
		for _, o := range index[strings.ToLower(strings.TrimSpace(v.Client))] {
			d := *o.r
			p := l.sleutelPlek("client", v.Blad, v.Rij, v.Client)
			var ander string // a date that makes them two records
			switch {
			case anders(d.EersteControle, v.EersteControle):
				ander = fmt.Sprintf("%s %s (hier %s)", strings.ToLower(kop("eerste")), datumTekst(d.EersteControle), datumTekst(v.EersteControle))
			case !zelfde(d.EersteControle, v.EersteControle) && anders(d.Bevalling, v.Bevalling):
				ander = fmt.Sprintf("%s %s (hier %s)", strings.ToLower(kop("bevalling")), datumTekst(d.Bevalling), datumTekst(v.Bevalling))
			}
			if ander != "" {
				l.dubbel(p, v.Client, verwachtEigenNummer, "%s %s staat ook in %s (rij %d) met %s. Wij tellen ze als twee zwangerschappen of bevallingen; "+
					"is het dezelfde, verbeter dan de datum in één van beide bestanden en stuur dat opnieuw (_v2)",
					p.Record.Kind, v.Client, o.van.bestand, d.Rij, ander)
				continue
			}
			var vs verschillen
			if zelfde(d.EersteControle, v.EersteControle) {
				vs.tekst(kop("amenorroe"), intTekst(d.Amenorroe, FormatDuur), intTekst(v.Amenorroe, FormatDuur))
				vs.tekst(kop("roken"), d.Roken, v.Roken)
				vs.tekst(kop("kwetsbaar"), boolTekst(d.Kwetsbaar), boolTekst(v.Kwetsbaar))
				vs.tekst(kop("verwezen"), boolTekst(d.Verwezen), boolTekst(v.Verwezen))
				vs.tekst(kop("gemeente"), d.Gemeente, v.Gemeente)
			}
			if zelfde(d.Bevalling, v.Bevalling) {
				vs.tekst(kop("duur"), intTekst(d.Duur, FormatDuur), intTekst(v.Duur, FormatDuur))
				vs.tekst(kop("gewicht"), intTekst(d.Gewicht, func(g int) string { return fmt.Sprintf("%d g", g) }), intTekst(v.Gewicht, func(g int) string { return fmt.Sprintf("%d g", g) }))
			}
			if len(vs) > 0 {
				l.dubbel(p, v.Client, verwachtZelfde, "%s %s staat ook in %s (rij %d) met andere gegevens: %s. "+
					"Wij tellen de gegevens uit dit bestand, de laatst ingelezen levering; klopt dat niet, stuur dan een verbeterd bestand (_v2)",
					p.Record.Kind, v.Client, o.van.bestand, d.Rij, strings.Join(vs, "; "))
			}
		}
	}
}
