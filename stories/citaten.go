package stories

import (
	"context"
	"sort"

	"kansrijk"
	"kansrijk/store"
)

// Selectie says which quotes a report may show.
type Selectie struct {
	Coalitie string
	Kwartaal kansrijk.Kwartaal // the report's kwartaal
	Terug    int               // also quote from this many kwartalen before it
	Max      int
	// AlleenOpenbaar limits quotes to consent openbaar, for outputs that
	// go beyond bestuurders (the terugkoppeling aan ouders).
	AlleenOpenbaar bool
}

// Citaten selects quotes for a report, deterministically: highlighted
// stories first, then the newest, then by Verhaal-ID; at most one per
// Verhaal-ID, and none that nearly repeats a quote already chosen. Only
// fragments with consent rapport or openbaar are considered, never a
// withdrawn one, and every quote is redacted (persona's and whoever
// entered a story are known names) before it is returned.
func Citaten(ctx context.Context, db *store.DB, cfg *kansrijk.Config, s Selectie) ([]Citaat, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	return v.Citaten(cfg, s), nil
}

// Citaten is Citaten on what Lees read.
func (v *Verhalen) Citaten(cfg *kansrijk.Config, s Selectie) []Citaat {
	from, to := s.Kwartaal.Add(-s.Terug).Index(), s.Kwartaal.Index()
	var fs []Fragment
	for _, f := range v.Fragmenten {
		if f.Coalitie == s.Coalitie && citeerbaar(f, s.AlleenOpenbaar) && f.Kwartaal.Index() >= from && f.Kwartaal.Index() <= to {
			fs = append(fs, f)
		}
	}
	sort.SliceStable(fs, func(i, j int) bool { return eerder(fs[i], fs[j]) })
	red := v.redactor(cfg)
	var out []Citaat
	var gekozen []woorden
	seen := map[string]bool{}
	for _, f := range fs {
		w := woordenVan(f.Tekst)
		if seen[idSleutel(f)] || lijktOp(w, gekozen) {
			continue
		}
		seen[idSleutel(f)] = true
		gekozen = append(gekozen, w)
		out = append(out, citaat(f, red))
		if s.Max > 0 && len(out) == s.Max {
			break
		}
	}
	return out
}

// plaatsen are the capitalised words in quotes that are places, not
// people: gemeenten and coalities.
func plaatsen(cfg *kansrijk.Config) []string {
	var out []string
	for _, c := range cfg.Coalities {
		out = append(out, c.Naam)
		out = append(out, c.Gemeenten...)
	}
	sort.Strings(out)
	return out
}
