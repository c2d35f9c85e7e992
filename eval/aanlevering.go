package eval

import (
	"context"
	"fmt"
	"sort"

	"kansrijk"
	"kansrijk/store"
)

// Aanleverstatus says whether a partner delivered for a coalitie in a
// kwartaal.
type Aanleverstatus string

const (
	Geleverd     Aanleverstatus = "geleverd"
	Gecorrigeerd Aanleverstatus = "gecorrigeerd" // a newer levering replaced an earlier one
	Ontbreekt    Aanleverstatus = "ontbreekt"
)

// Aanlevering is the delivery status of one partner for one coalitie in
// one kwartaal.
type Aanlevering struct {
	Coalitie   string
	Partner    string
	Kwartaal   kansrijk.Kwartaal
	Status     Aanleverstatus
	Leveringen int // how many files arrived for it, corrections included
}

// aanleveringSQL counts, per partner, gemeente and kwartaal, the
// leveringen that delivered it (all versions, not only the active one).
const aanleveringSQL = `
SELECT l.partner, d.gemeente, d.kwartaal, count(DISTINCT l.id)
FROM dekking d JOIN levering l ON d.levering = l.id
GROUP BY ALL
UNION ALL
SELECT l.partner, '@' || b.coalitie, b.kwartaal, count(DISTINCT l.id)
FROM procesmonitor b JOIN levering l ON b.levering = l.id
GROUP BY ALL
`

// Aanleveringen returns, for every partner that delivers per kwartaal and
// every coalitie it serves, the status of each kwartaal from the first to
// the last kwartaal anything was delivered for. Sorted by coalitie,
// partner and kwartaal.
func Aanleveringen(ctx context.Context, db *store.DB, cfg *kansrijk.Config) ([]Aanlevering, error) {
	rows, err := db.QueryContext(ctx, aanleveringSQL)
	if err != nil {
		return nil, fmt.Errorf("aanleverstatus lezen: %w", err)
	}
	defer rows.Close()
	type key struct {
		partner, coalitie string
		q                 kansrijk.Kwartaal
	}
	count := map[key]int{}
	first, last := -1, -1
	for rows.Next() {
		var partner, plaats, kw string
		var n int
		if err := rows.Scan(&partner, &plaats, &kw, &n); err != nil {
			return nil, fmt.Errorf("aanleverstatus lezen: %w", err)
		}
		q, err := kansrijk.ParseKwartaal(kw)
		if err != nil {
			continue
		}
		coalitie := ""
		if len(plaats) > 0 && plaats[0] == '@' {
			coalitie = plaats[1:]
		} else if _, c, ok := cfg.Gemeente(plaats); ok {
			coalitie = c
		} else {
			continue
		}
		k := key{partner, coalitie, q}
		count[k] = max(count[k], n)
		if first < 0 || q.Index() < first {
			first = q.Index()
		}
		last = max(last, q.Index())
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if first < 0 {
		return nil, nil
	}
	var out []Aanlevering
	bed := nieuweBediening(cfg)
	for _, co := range cfg.Coalities {
		for i, p := range cfg.Partners {
			if !perKwartaal(p) || !bed.bedient(i, co) {
				continue
			}
			for i := first; i <= last; i++ {
				q := kansrijk.FromIndex(i)
				n := count[key{p.Naam, co.Naam, q}]
				a := Aanlevering{Coalitie: co.Naam, Partner: p.Naam, Kwartaal: q, Leveringen: n, Status: Geleverd}
				switch {
				case n == 0:
					a.Status = Ontbreekt
				case n > 1:
					a.Status = Gecorrigeerd
				}
				out = append(out, a)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Coalitie != b.Coalitie {
			return a.Coalitie < b.Coalitie
		}
		if a.Partner != b.Partner {
			return a.Partner < b.Partner
		}
		return a.Kwartaal.Index() < b.Kwartaal.Index()
	})
	return out, nil
}

// perKwartaal reports whether a partner is expected to deliver every
// kwartaal; story logs, codebooks and persona's are not.
func perKwartaal(p kansrijk.Partner) bool {
	switch p.Bron {
	case kansrijk.BronVerloskunde, kansrijk.BronJGZ, kansrijk.BronKraamzorg, kansrijk.BronWijkteam, kansrijk.BronProcesmonitor:
		return true
	}
	return false
}

// bediening says, for each partner of a config (by position), which
// coalities it delivers for: one of its gemeenten lies in the coalitie,
// or (the procesmonitor) it has no gemeenten and serves every coalitie
// (nil). Callers ask for every coalitie × partner, so they work it out
// once rather than looking up gemeenten for each question.
type bediening []map[string]bool

func nieuweBediening(cfg *kansrijk.Config) bediening {
	b := make(bediening, len(cfg.Partners))
	for i, p := range cfg.Partners {
		if len(p.Gemeenten) == 0 {
			continue
		}
		b[i] = map[string]bool{}
		for _, g := range p.Gemeenten {
			if _, c, ok := cfg.Gemeente(g); ok {
				b[i][c] = true
			}
		}
	}
	return b
}

// bedient reports whether partner i delivers for coalitie co.
func (b bediening) bedient(i int, co kansrijk.Coalitie) bool {
	return b[i] == nil || b[i][co.Naam]
}
