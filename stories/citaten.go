package stories

import (
	"context"
	"fmt"
	"sort"
	"time"

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
// Verhaal-ID. Only fragments with consent rapport or openbaar are
// considered, and every quote is redacted before it is returned.
func Citaten(ctx context.Context, db *store.DB, cfg *kansrijk.Config, s Selectie) ([]Citaat, error) {
	allowed := []string{string(Rapport), string(Openbaar)}
	if s.AlleenOpenbaar {
		allowed = []string{string(Openbaar)}
	}
	from := s.Kwartaal.Add(-s.Terug)
	rows, err := db.QueryContext(ctx, `
		SELECT v.verhaal_id, v.coalitie, v.datum, v.werkvorm, v.persona, v.doelgroep, v.toestemming,
		       v.fragment, v.codes, v.toon, v.uitgelicht, v.ingevoerd_door
		FROM verhaal v JOIN actieve_levering l ON v.levering = l.id
		WHERE v.coalitie = ? AND list_contains(?, v.toestemming)
		  AND v.datum >= ? AND v.datum < ? AND v.fragment <> ''
		ORDER BY v.uitgelicht DESC, v.datum DESC, v.verhaal_id`,
		s.Coalitie, allowed, from.Start(), s.Kwartaal.End())
	if err != nil {
		return nil, fmt.Errorf("citaten kiezen: %w", err)
	}
	defer rows.Close()
	red := Redactor{Toegestaan: plaatsen(cfg)}
	var out []Citaat
	seen := map[string]bool{}
	for rows.Next() {
		var c Citaat
		var datum time.Time
		var codes []any
		var uitgelicht bool
		var door, toestemming string
		if err := rows.Scan(&c.VerhaalID, &c.Coalitie, &datum, &c.Werkvorm, &c.Persona, &c.Doelgroep, &toestemming,
			&c.Tekst, &codes, &c.Toon, &uitgelicht, &door); err != nil {
			return nil, fmt.Errorf("citaten kiezen: %w", err)
		}
		if seen[c.VerhaalID] {
			continue
		}
		seen[c.VerhaalID] = true
		c.Toestemming = Toestemming(toestemming)
		c.Kwartaal = kansrijk.KwartaalVan(datum)
		for _, x := range codes {
			if s, ok := x.(string); ok {
				c.Codes = append(c.Codes, s)
			}
		}
		red.Namen = []string{door, c.Persona}
		c.Tekst = red.Redact(c.Tekst)
		out = append(out, c)
		if s.Max > 0 && len(out) == s.Max {
			break
		}
	}
	return out, rows.Err()
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
