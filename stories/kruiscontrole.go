package stories

import (
	"context"
	"fmt"
	"path"
	"strings"

	"kansrijk/sheet"
	"kansrijk/store"
)

// QDAControle is the cross-check of one REFI-QDA project (.qdpx) against
// the Excel logs. Fragments are counted from the logs only (rule 12); a
// project only shows whether both codings agree. It is computed from the
// store whenever asked, so it does not matter which file came in first.
type QDAControle struct {
	Levering  int64
	Bestand   string
	Bronnen   []QDABronControle
	Meldingen []store.Melding // Dutch, for whoever codes the stories
}

// Gekoppeld is the number of sources that match a log fragment.
func (c QDAControle) Gekoppeld() int {
	n := 0
	for _, b := range c.Bronnen {
		if b.Gekoppeld {
			n++
		}
	}
	return n
}

// Samenvatting says in one Dutch line how the project matched.
func (c QDAControle) Samenvatting() string {
	return fmt.Sprintf("%s: %d van de %d bronnen horen bij een fragment in de logboeken; %d melding(en)",
		c.Bestand, c.Gekoppeld(), len(c.Bronnen), len(c.Meldingen))
}

// QDABronControle is one source of a project. A source is the same
// fragment as a log row when it carries that row's Verhaal-ID, compared
// case-insensitively: the ID found in its name, or else a word of its
// name that is a Verhaal-ID of a log.
type QDABronControle struct {
	Bron        string
	VerhaalID   string // the log's spelling when matched
	Gekoppeld   bool
	Ingetrokken bool // the log withdrew the fragment: nothing of it counts
	Logboek     string
	Rij         int
	AlleenQDA   []string // codes only in the project
	AlleenLog   []string // codes only in the log
}

type logRegel struct {
	id, bestand, blad string
	rij               int
	codes             []string
	ingetrokken       bool
}

// Kruiscontrole cross-checks every active REFI-QDA project against the
// story logs of the active leveringen.
func Kruiscontrole(ctx context.Context, db *store.DB) ([]QDAControle, error) {
	logs, err := leesLogRegels(ctx, db)
	if err != nil {
		return nil, err
	}
	codes := map[string][]string{} // levering + source name → codes
	rows, err := db.QueryContext(ctx, `
		SELECT c.levering, c.bron, c.code FROM qda_codering c JOIN actieve_levering l ON c.levering = l.id
		ORDER BY c.levering, c.rowid`)
	if err != nil {
		return nil, fmt.Errorf("coderingen lezen: %w", err)
	}
	for rows.Next() {
		var lev int64
		var bron, code string
		if err := rows.Scan(&lev, &bron, &code); err != nil {
			rows.Close()
			return nil, fmt.Errorf("coderingen lezen: %w", err)
		}
		k := fmt.Sprint(lev, "\x00", bron)
		codes[k] = append(codes[k], code)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = db.QueryContext(ctx, `
		SELECT b.levering, l.bestand, b.naam, b.verhaal_id FROM qda_bron b JOIN actieve_levering l ON b.levering = l.id
		ORDER BY b.levering, b.rowid`)
	if err != nil {
		return nil, fmt.Errorf("bronnen lezen: %w", err)
	}
	defer rows.Close()
	var out []QDAControle
	for rows.Next() {
		var lev int64
		var bestand, naam, id string
		if err := rows.Scan(&lev, &bestand, &naam, &id); err != nil {
			return nil, fmt.Errorf("bronnen lezen: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].Levering != lev {
			out = append(out, QDAControle{Levering: lev, Bestand: bestand})
		}
		c := &out[len(out)-1]
		b := QDABronControle{Bron: naam, VerhaalID: id}
		melding := func(waarde, format string, a ...any) {
			c.Meldingen = append(c.Meldingen, store.Melding{Location: sheet.Location{File: bestand, Sheet: naam}, Waarde: waarde,
				Ernst: store.Waarschuwing, Tekst: fmt.Sprintf(format, a...)})
		}
		r, ok := zoekLog(logs, naam, id)
		switch {
		case !ok && id == "":
			melding("", "bron '%s' heeft geen Verhaal-ID in de naam en hoort bij geen fragment in de logboeken; de coderingen zijn niet vergeleken", naam)
		case !ok:
			melding(id, "bron '%s': Verhaal-ID %s staat in geen enkel logboek; de coderingen zijn niet vergeleken (fragmenten tellen alleen uit de logboeken)", naam, id)
		case r.ingetrokken:
			b.Gekoppeld, b.Ingetrokken, b.VerhaalID, b.Logboek, b.Rij = true, true, r.id, r.bestand, r.rij
			melding(r.id, "bron '%s': fragment %s is ingetrokken (%s, rij %d); de tekst is niet bewaard en de coderingen tellen niet mee", naam, r.id, r.bestand, r.rij)
		default:
			b.Gekoppeld, b.VerhaalID, b.Logboek, b.Rij = true, r.id, r.bestand, r.rij
			b.AlleenQDA, b.AlleenLog = verschil(codes[fmt.Sprint(lev, "\x00", naam)], r.codes)
			if len(b.AlleenQDA)+len(b.AlleenLog) > 0 {
				melding(r.id, "bron '%s': de codes verschillen van het logboek (%s, rij %d); alleen in de .qdpx: %s; alleen in het logboek: %s",
					naam, r.bestand, r.rij, lijst(b.AlleenQDA), lijst(b.AlleenLog))
			}
		}
		c.Bronnen = append(c.Bronnen, b)
	}
	return out, rows.Err()
}

// leesLogRegels reads every row of the active story logs, withdrawn ones
// too, by lower-case Verhaal-ID; the first levering's row wins.
func leesLogRegels(ctx context.Context, db *store.DB) (map[string]logRegel, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT v.verhaal_id, l.bestand, v.blad, v.rij, v.codes,
		       lower(trim(v.toestemming)) = 'ingetrokken' OR NOT (`+ingetrokkenFilter+`)
		FROM verhaal v JOIN actieve_levering l ON v.levering = l.id
		ORDER BY v.levering, v.rij`)
	if err != nil {
		return nil, fmt.Errorf("logboeken lezen: %w", err)
	}
	defer rows.Close()
	out := map[string]logRegel{}
	for rows.Next() {
		var r logRegel
		var codes []any
		if err := rows.Scan(&r.id, &r.bestand, &r.blad, &r.rij, &codes, &r.ingetrokken); err != nil {
			return nil, fmt.Errorf("logboeken lezen: %w", err)
		}
		r.codes = strs(codes)
		k := strings.ToLower(strings.TrimSpace(r.id))
		if _, dup := out[k]; !dup && k != "" {
			out[k] = r
		}
	}
	return out, rows.Err()
}

func zoekLog(logs map[string]logRegel, naam, id string) (logRegel, bool) {
	if id != "" {
		r, ok := logs[strings.ToLower(id)]
		return r, ok
	}
	naam = strings.TrimSuffix(naam, path.Ext(naam))
	for _, w := range strings.FieldsFunc(naam, func(r rune) bool { return r == ' ' || r == '_' || r == ',' || r == ';' }) {
		if r, ok := logs[strings.ToLower(w)]; ok {
			return r, true
		}
	}
	return logRegel{}, false
}

// verschil returns the codes only in a and only in b, matched by Sleutel,
// each once, in their own spelling.
func verschil(a, b []string) (alleenA, alleenB []string) {
	inA, inB := map[string]bool{}, map[string]bool{}
	for _, x := range a {
		inA[Sleutel(x)] = true
	}
	for _, x := range b {
		inB[Sleutel(x)] = true
	}
	seen := map[string]bool{}
	for _, x := range a {
		if k := Sleutel(x); !inB[k] && !seen[k] {
			seen[k] = true
			alleenA = append(alleenA, x)
		}
	}
	for _, x := range b {
		if k := Sleutel(x); !inA[k] && !seen[k] {
			seen[k] = true
			alleenB = append(alleenB, x)
		}
	}
	return alleenA, alleenB
}

func lijst(xs []string) string {
	if len(xs) == 0 {
		return "geen"
	}
	return strings.Join(xs, "; ")
}
