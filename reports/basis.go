package reports

import (
	"context"
	"strings"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/stories"
)

// Basis is what the reports of every coalitie are built from, read from
// the store and worked out once: the figures, eval's analysis of each
// kwartaal of the series, the completeness notes, the delivery status,
// the procesmonitor, the stories and the leveringen. Each of these covers
// all coalities (a report compares its coalitie with the others), so
// building them per report would make a national run quadratic.
//
// A Basis is read-only once made: Rapport and Ouders may be called from
// several goroutines at once.
type Basis struct {
	cfg     *kansrijk.Config
	opt     Opties // Kwartalen filled in
	cijfers []eval.Cijfer

	cijfersVan  map[string][]eval.Cijfer              // per coalitie, in the order of cijfers
	analyse     map[int]map[string][]eval.Beoordeling // per kwartaal index, per coalitie
	noten       map[string][]eval.Noot                // per coalitie, every kwartaal of the series
	aanlevering map[string][]eval.Aanlevering         // per coalitie, by partner and kwartaal
	borging     map[string]*eval.BorgingCoalitie
	bronnen     map[string][]Bron // per coalitie, in the order of the store

	verhalen *stories.Verhalen
	kopie    func(stories.Citaat) bool // internKopieen of verhalen
	tonen    []stories.Toon
	tonenErr error
}

// NieuweBasis reads and works out what the reports over opt.Kwartaal
// need, from the store and cijfers (eval.Cijfers).
func NieuweBasis(ctx context.Context, db *store.DB, cfg *kansrijk.Config, cijfers []eval.Cijfer, opt Opties) (*Basis, error) {
	if opt.Kwartalen <= 0 {
		opt.Kwartalen = 8
	}
	b := &Basis{cfg: cfg, opt: opt, cijfers: cijfers, cijfersVan: map[string][]eval.Cijfer{}}
	for _, c := range cijfers {
		b.cijfersVan[c.Coalitie] = append(b.cijfersVan[c.Coalitie], c)
	}

	// The series of any report lies within these kwartalen (Rapport).
	reeks := kansrijk.Between(opt.Kwartaal.Add(1-opt.Kwartalen), opt.Kwartaal)
	b.analyse = map[int]map[string][]eval.Beoordeling{}
	for _, q := range reeks {
		per := map[string][]eval.Beoordeling{}
		for _, be := range eval.Analyse(cijfers, cfg, q) {
			per[be.Coalitie] = append(per[be.Coalitie], be)
		}
		b.analyse[q.Index()] = per
	}

	as, err := eval.Aanleveringen(ctx, db, cfg)
	if err != nil {
		return nil, err
	}
	b.aanlevering = map[string][]eval.Aanlevering{}
	for _, a := range as {
		b.aanlevering[a.Coalitie] = append(b.aanlevering[a.Coalitie], a)
	}
	// A Noot depends on its own kwartaal only, so the notes of the
	// whole series hold those of every report's shorter one.
	b.noten = map[string][]eval.Noot{}
	for _, nt := range eval.Volledigheid(cijfers, as, cfg, reeks) {
		b.noten[nt.Coalitie] = append(b.noten[nt.Coalitie], nt)
	}

	bs, err := eval.Borging(ctx, db, cfg)
	if err != nil {
		return nil, err
	}
	b.borging = map[string]*eval.BorgingCoalitie{}
	for i := range bs {
		b.borging[bs[i].Coalitie] = &bs[i]
	}

	if b.verhalen, err = stories.Lees(ctx, db); err != nil {
		return nil, err
	}
	b.kopie = internKopieen(b.verhalen)
	b.tonen, b.tonenErr = b.verhalen.Tonen()

	ls, err := db.ActieveLeveringen(ctx)
	if err != nil {
		return nil, err
	}
	b.bronnen = bronnenPerCoalitie(cfg, ls)
	return b, nil
}

// bronnenPerCoalitie lists, per coalitie, the leveringen that hold its
// data, in the order of ls: a story log names its coalities in its
// periode; another levering holds the coalities of its partner's
// gemeenten.
func bronnenPerCoalitie(cfg *kansrijk.Config, ls []store.Levering) map[string][]Bron {
	vanPartner := map[string]map[string]bool{} // partner → coalities of its gemeenten
	for _, p := range cfg.Partners {
		if vanPartner[p.Naam] == nil {
			vanPartner[p.Naam] = map[string]bool{}
		}
		for _, g := range p.Gemeenten {
			if _, c, ok := cfg.Gemeente(g); ok {
				vanPartner[p.Naam][c] = true
			}
		}
	}
	out := map[string][]Bron{}
	for _, l := range ls {
		cs := vanPartner[l.Partner]
		if l.Bron == kansrijk.BronOuderverhalen {
			cs = map[string]bool{}
			for _, c := range strings.Split(l.Periode, ", ") {
				cs[c] = true
			}
		}
		for _, co := range cfg.Coalities {
			if cs[co.Naam] {
				out[co.Naam] = append(out[co.Naam], Bron{Partner: l.Partner, Bestand: l.Bestand, Periode: l.Periode, Ingelezen: l.Ingelezen})
			}
		}
	}
	return out
}
