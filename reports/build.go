package reports

import (
	"slices"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/eval"
)

// Opties control what a report covers.
type Opties struct {
	Kwartaal kansrijk.Kwartaal
	// Kwartalen is the length of the series shown (default 8), ending at
	// Kwartaal; leading kwartalen without any figure are left out.
	Kwartalen int
	// Gemaakt is the date printed on the report and stored in the PDF;
	// fixing it makes reports byte-identical across runs.
	Gemaakt time.Time
}

// Rapport gathers coalitie co's report from the figures and the stories.
func (b *Basis) Rapport(co kansrijk.Coalitie) (*Rapport, error) {
	cfg, opt, n := b.cfg, b.opt, b.opt.Kwartalen
	r := &Rapport{Regio: cfg.Regio, Coalitie: co, Kwartaal: opt.Kwartaal, Gemaakt: opt.Gemaakt}

	type key struct {
		gemeente, ind string
		q             int
	}
	idx := map[key]eval.Cijfer{}
	first := opt.Kwartaal.Index()
	for _, c := range b.cijfersVan[co.Naam] {
		if c.Kwartaal.Index() > opt.Kwartaal.Index() || c.Kwartaal.Index() <= opt.Kwartaal.Index()-n {
			continue
		}
		idx[key{c.Gemeente, c.Indicator, c.Kwartaal.Index()}] = c
		first = min(first, c.Kwartaal.Index())
	}
	r.Kwartalen = kansrijk.Between(kansrijk.FromIndex(first), opt.Kwartaal)

	reeks := func(gemeente, ind string) ([]eval.Cijfer, bool) {
		out := make([]eval.Cijfer, len(r.Kwartalen))
		any := false
		for i, q := range r.Kwartalen {
			c, ok := idx[key{gemeente, ind, q.Index()}]
			if !ok {
				c = eval.Cijfer{Coalitie: co.Naam, Gemeente: gemeente, Kwartaal: q, Indicator: ind}
			}
			any = any || ok
			out[i] = c
		}
		return out, any
	}
	for _, in := range cfg.Indicatoren {
		cs, ok := reeks("", in.Code)
		if !ok {
			continue
		}
		rs := Reeks{Indicator: in, Coalitie: cs}
		if len(co.Gemeenten) > 1 {
			for _, g := range co.Gemeenten {
				gs, _ := reeks(g, in.Code)
				rs.Gemeenten = append(rs.Gemeenten, GemeenteReeks{Gemeente: g, Cijfers: gs})
			}
		}
		r.Indicatoren = append(r.Indicatoren, rs)
	}

	b.analyseer(co, r)
	if err := vertelMet(cfg, co, b.verhalen, b.kopie, r); err != nil {
		return nil, err
	}
	r.Bronnen = slices.Clone(b.bronnen[co.Naam])
	return r, nil
}

// analyseer adds eval's analysis to r: the Beoordelingen and
// completeness notes per indicator, the procesmonitor's detail and the
// delivery status of the coalitie's partners.
func (b *Basis) analyseer(co kansrijk.Coalitie, r *Rapport) {
	n := len(r.Kwartalen)
	plek := make(map[int]int, n) // kwartaal index → position in r.Kwartalen
	for i, q := range r.Kwartalen {
		plek[q.Index()] = i
	}
	hoort := func(coalitie string, q kansrijk.Kwartaal) (int, bool) {
		i, ok := plek[q.Index()]
		return i, ok && coalitie == co.Naam
	}
	pos := make(map[string]int, len(r.Indicatoren)) // indicator code → position in r.Indicatoren
	for i, rs := range r.Indicatoren {
		pos[rs.Indicator.Code] = i
		r.Indicatoren[i].Beoordelingen = make([]eval.Beoordeling, n)
		r.Indicatoren[i].Noten = make([]eval.Noot, n)
	}

	// eval's analysis compares a coalitie with all the others; per
	// kwartaal it gives each point of the chart its interval.
	for _, q := range r.Kwartalen {
		for _, be := range b.analyse[q.Index()][co.Naam] {
			if i, ok := hoort(be.Coalitie, be.Kwartaal); ok {
				if j, ok := pos[be.Indicator]; ok {
					r.Indicatoren[j].Beoordelingen[i] = be
				}
			}
		}
	}
	for _, nt := range b.noten[co.Naam] {
		if i, ok := hoort(nt.Coalitie, nt.Kwartaal); ok {
			if j, ok := pos[nt.Indicator]; ok {
				r.Indicatoren[j].Noten[i] = nt
			}
		}
	}
	r.Aanleveringen = aanleveringenIn(b.aanlevering[co.Naam], co.Naam, r.Kwartalen)
	if bc := b.borging[co.Naam]; bc != nil {
		r.Borging = borgingIn(*bc, r.Kwartalen)
	}
}

// aanleveringenIn is the delivery status of coalitie's partners over
// kwartalen, by partner and kwartaal. A kwartaal past the last one anyone
// delivered for is not in eval's list; nothing came for it, so it counts
// as missing.
func aanleveringenIn(as []eval.Aanlevering, coalitie string, kwartalen []kansrijk.Kwartaal) []eval.Aanlevering {
	type sleutel struct {
		partner string
		q       int
	}
	status := map[sleutel]eval.Aanlevering{}
	var partners []string
	for _, a := range as {
		if a.Coalitie != coalitie {
			continue
		}
		if len(partners) == 0 || partners[len(partners)-1] != a.Partner {
			partners = append(partners, a.Partner) // eval sorts by partner
		}
		status[sleutel{a.Partner, a.Kwartaal.Index()}] = a
	}
	var out []eval.Aanlevering
	for _, p := range partners {
		for _, q := range kwartalen {
			a, ok := status[sleutel{p, q.Index()}]
			if !ok {
				a = eval.Aanlevering{Coalitie: coalitie, Partner: p, Kwartaal: q, Status: eval.Ontbreekt}
			}
			out = append(out, a)
		}
	}
	return out
}

// borgingIn cuts a coalitie's procesmonitor to kwartalen; nil when none of
// its kwartalen is left.
//
// Kwartalen after the report's kwartaal are dropped and, if there were
// any, each point's Stilstand is counted again up to the report's
// kwartaal, by eval's rule (Aandachtspunt.Stilstand): a report about an
// earlier kwartaal must not know what came later. Kwartalen before the
// series are dropped too, but a point's Stilstand still counts them.
func borgingIn(b eval.BorgingCoalitie, kwartalen []kansrijk.Kwartaal) *eval.BorgingCoalitie {
	if len(kwartalen) == 0 {
		return nil
	}
	eerste, laatste := kwartalen[0].Index(), kwartalen[len(kwartalen)-1].Index()
	tot := len(b.Kwartalen)
	for tot > 0 && b.Kwartalen[tot-1].Kwartaal.Index() > laatste {
		tot--
	}
	van := 0
	for van < tot && b.Kwartalen[van].Kwartaal.Index() < eerste {
		van++
	}
	if van == tot {
		return nil
	}
	uit := &eval.BorgingCoalitie{Coalitie: b.Coalitie, Kwartalen: append([]eval.BorgingKwartaal(nil), b.Kwartalen[van:tot]...)}
	for _, p := range b.Punten {
		if tot < len(b.Kwartalen) {
			p.Stilstand = stilstand(b.Kwartalen[:tot], p.Status[:tot])
			p.Vastgelopen = p.Stilstand >= vastgelopenNa
		}
		p.Status = append([]string(nil), p.Status[van:tot]...)
		uit.Punten = append(uit.Punten, p)
	}
	return uit
}

// vastgelopenNa is eval's threshold for Aandachtspunt.Vastgelopen.
const vastgelopenNa = 4

// stilstand counts the latest consecutive kwartalen in which a point was
// Niet gestart or In ontwikkeling without change, as eval does.
func stilstand(kw []eval.BorgingKwartaal, status []string) int {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	n := 0
	for i := len(status) - 1; i >= 0; i-- {
		s := norm(status[i])
		if s != "niet gestart" && s != "in ontwikkeling" {
			break
		}
		if i < len(status)-1 && (s != norm(status[i+1]) || kw[i].Kwartaal.Index() != kw[i+1].Kwartaal.Index()-1) {
			break
		}
		n++
	}
	return n
}

// Bestandsnaam is the base name of a coalitie's report files.
func Bestandsnaam(co kansrijk.Coalitie, q kansrijk.Kwartaal) string {
	return kansrijk.RapportNaam(co, q)
}
