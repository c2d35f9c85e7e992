package stories

import (
	"context"
	"fmt"
	"path"
	"strings"

	"kansrijk"
	"kansrijk/refiqda"
	"kansrijk/sheet"
	"kansrijk/store"
)

// QDAControle is the cross-check of one REFI-QDA project (.qdpx) against
// the Excel logs. Where a log and a project describe the same story
// (coalitie and Verhaal-ID), the log is the master (Meester) and the
// project shows whether both codings agree; a source no log has is a
// story of the project itself. It is computed from the store whenever
// asked, so it does not matter which file came in first.
type QDAControle struct {
	Levering  int64
	Bestand   string
	Bronnen   []QDABronControle
	Meldingen []store.Melding // Dutch, for whoever codes the stories
}

// Gekoppeld is the number of sources that match a log fragment.
func (c QDAControle) Gekoppeld() int {
	return c.tel(func(b QDABronControle) bool { return b.Gekoppeld })
}

// Verhalen is the number of sources that count as stories of the
// project itself.
func (c QDAControle) Verhalen() int { return c.tel(func(b QDABronControle) bool { return b.Verhaal }) }

func (c QDAControle) tel(f func(QDABronControle) bool) int {
	n := 0
	for _, b := range c.Bronnen {
		if f(b) {
			n++
		}
	}
	return n
}

// Samenvatting says in one Dutch line how the project matched.
func (c QDAControle) Samenvatting() string {
	return fmt.Sprintf("%s: %d van de %d bronnen horen bij een fragment in de logboeken (het logboek telt), %d zijn verhalen uit het project zelf; %d melding(en)",
		c.Bestand, c.Gekoppeld(), len(c.Bronnen), c.Verhalen(), len(c.Meldingen))
}

// QDABronControle is one source of a project. A source is the same
// story as a log row when it carries that row's Verhaal-ID, compared
// case-insensitively, within the source's coalitie: the ID found in its
// name (or a variable), or else a word of its name that is a Verhaal-ID
// of a log. When the project does not say the coalitie, the ID must be
// in the log of one coalitie only.
type QDABronControle struct {
	Bron        string
	VerhaalID   string // the log's spelling when matched
	Coalitie    string
	Gekoppeld   bool
	Verhaal     bool // no log has it: the project's own story, counted
	Ingetrokken bool // the log withdrew the fragment: nothing of it counts
	Logboek     string
	Rij         int
	AlleenQDA   []string // codes only in the project
	AlleenLog   []string // codes only in the log
}

type logRegel struct {
	id, coalitie, bestand, blad string
	rij                         int
	codes                       []string
	ingetrokken                 bool
}

// logRegels are the rows of the active story logs, by coalitie and
// lower-case Verhaal-ID, and the coalities whose logs have an ID.
type logRegels struct {
	rij       map[string]logRegel // coalitie + "\x00" + id
	coalities map[string][]string // id → coalities
}

// Kruiscontrole cross-checks every active REFI-QDA project against the
// story logs of the active leveringen.
func Kruiscontrole(ctx context.Context, db *store.DB) ([]QDAControle, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	return v.Kruiscontrole(ctx, db)
}

// Kruiscontrole is the cross-check, with the counted fragments already
// read.
func (v *Verhalen) Kruiscontrole(ctx context.Context, db *store.DB) ([]QDAControle, error) {
	logs, err := leesLogRegels(ctx, db)
	if err != nil {
		return nil, err
	}
	coderingen, err := db.QDACoderingen(ctx)
	if err != nil {
		return nil, err
	}
	toon := Sleutel(refiqda.ToonGroep) + ">"
	codes := map[string][]string{} // levering + source name → codes, tone left out
	for _, c := range coderingen {
		if strings.HasPrefix(Sleutel(c.Code), toon) {
			continue // a tone, not a code: the log has it in its own column
		}
		k := fmt.Sprint(c.Levering, "\x00", c.Bron)
		codes[k] = append(codes[k], c.Code)
	}
	telt := map[string]Fragment{} // story → a counted fragment
	for _, f := range v.Fragmenten {
		if _, ok := telt[idSleutel(f)]; !ok {
			telt[idSleutel(f)] = f
		}
	}
	bronnen, err := db.QDABronnen(ctx)
	if err != nil {
		return nil, err
	}
	var out []QDAControle
	for _, r := range bronnen {
		if len(out) == 0 || out[len(out)-1].Levering != r.Levering {
			out = append(out, QDAControle{Levering: r.Levering, Bestand: r.Bestand})
		}
		c := &out[len(out)-1]
		naam, id := r.Naam, r.VerhaalID
		b := QDABronControle{Bron: naam, VerhaalID: id, Coalitie: r.Coalitie}
		melding := func(waarde, format string, a ...any) {
			c.Meldingen = append(c.Meldingen, store.Melding{Location: sheet.Location{File: r.Bestand, Sheet: naam}, Waarde: waarde,
				Ernst: store.Waarschuwing, Tekst: fmt.Sprintf(format, a...)})
		}
		lr, ok, andere := logs.zoek(naam, id, r.Coalitie)
		f, geteld := telt[idSleutel(Fragment{Coalitie: r.Coalitie, VerhaalID: id})]
		switch {
		case !ok && len(andere) > 1:
			melding(id, "bron '%s': Verhaal-ID %s staat in de logboeken van %s, en het project zegt niet bij welke coalitie de bron hoort; de coderingen zijn niet vergeleken. Zet de coalitie in de bestandsnaam of in een variabele Coalitie",
				naam, id, strings.Join(andere, " en "))
		case !ok && id == "":
			melding("", "bron '%s' heeft geen Verhaal-ID in de naam of in een variabele en hoort bij geen fragment in de logboeken; de coderingen tellen niet mee", naam)
		case !ok && r.Coalitie == "":
			melding(id, "bron '%s': Verhaal-ID %s staat in geen enkel logboek, en het project zegt niet bij welke coalitie de bron hoort; de coderingen tellen niet mee", naam, id)
		case !ok && geteld && f.Levering == r.Levering:
			b.Verhaal = true
		case !ok && geteld:
			melding(id, "bron '%s': verhaal %s van %s telt uit %s, een nieuwer project; deze bron telt niet mee", naam, id, r.Coalitie, f.Bestand)
		case !ok:
			melding(id, "bron '%s': Verhaal-ID %s staat in geen logboek van %s en telt niet mee als verhaal (geen datum, ingetrokken of geen gecodeerde selectie; zie de meldingen bij het inlezen)", naam, id, r.Coalitie)
		case lr.ingetrokken:
			b.Gekoppeld, b.Ingetrokken, b.VerhaalID, b.Coalitie, b.Logboek, b.Rij = true, true, lr.id, lr.coalitie, lr.bestand, lr.rij
			melding(lr.id, "bron '%s': fragment %s is ingetrokken (%s, rij %d); de tekst is niet bewaard en de coderingen tellen niet mee", naam, lr.id, lr.bestand, lr.rij)
		default:
			b.Gekoppeld, b.VerhaalID, b.Coalitie, b.Logboek, b.Rij = true, lr.id, lr.coalitie, lr.bestand, lr.rij
			b.AlleenQDA, b.AlleenLog = verschil(codes[fmt.Sprint(r.Levering, "\x00", naam)], lr.codes)
			if len(b.AlleenQDA)+len(b.AlleenLog) > 0 {
				melding(lr.id, "bron '%s': de codes verschillen van het logboek (%s, rij %d); alleen in de .qdpx: %s; alleen in het logboek: %s",
					naam, lr.bestand, lr.rij, lijst(b.AlleenQDA), lijst(b.AlleenLog))
			}
		}
		c.Bronnen = append(c.Bronnen, b)
	}
	return out, nil
}

// leesLogRegels reads every row of the active story logs (not the
// stories of projects), withdrawn ones too, by coalitie and lower-case
// Verhaal-ID; the first levering's row wins.
func leesLogRegels(ctx context.Context, db *store.DB) (logRegels, error) {
	out := logRegels{rij: map[string]logRegel{}, coalities: map[string][]string{}}
	rows, err := db.QueryContext(ctx, `
		SELECT v.verhaal_id, v.coalitie, l.bestand, v.blad, v.rij, v.codes,
		       lower(trim(v.toestemming)) = 'ingetrokken' OR NOT (`+ingetrokkenFilter+`)
		FROM verhaal v JOIN actieve_levering l ON v.levering = l.id
		WHERE l.bron <> '`+string(kansrijk.BronQDA)+`'
		ORDER BY v.levering, v.rij`)
	if err != nil {
		return out, fmt.Errorf("logboeken lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r logRegel
		var codes []any
		if err := rows.Scan(&r.id, &r.coalitie, &r.bestand, &r.blad, &r.rij, &codes, &r.ingetrokken); err != nil {
			return out, fmt.Errorf("logboeken lezen: %w", err)
		}
		r.codes = strs(codes)
		id := strings.ToLower(strings.TrimSpace(r.id))
		k := r.coalitie + "\x00" + id
		if _, dup := out.rij[k]; !dup && id != "" {
			out.rij[k] = r
			out.coalities[id] = append(out.coalities[id], r.coalitie)
		}
	}
	return out, rows.Err()
}

// zoek finds the log row of a source: by its Verhaal-ID, or else a word
// of its name, within its coalitie; with the coalitie unknown, in the
// one coalitie whose log has the ID. andere lists the coalities whose
// logs have the ID when that is not one.
func (l logRegels) zoek(naam, id, coalitie string) (logRegel, bool, []string) {
	kandidaten := []string{strings.ToLower(id)}
	if id == "" {
		kandidaten = kandidaten[:0]
		naam = strings.TrimSuffix(naam, path.Ext(naam))
		for _, w := range strings.FieldsFunc(naam, func(r rune) bool { return r == ' ' || r == '_' || r == ',' || r == ';' }) {
			kandidaten = append(kandidaten, strings.ToLower(w))
		}
	}
	for _, k := range kandidaten {
		cs := l.coalities[k]
		switch {
		case coalitie != "":
			if r, ok := l.rij[coalitie+"\x00"+k]; ok {
				return r, true, nil
			}
		case len(cs) == 1:
			return l.rij[cs[0]+"\x00"+k], true, nil
		case len(cs) > 1:
			return logRegel{}, false, cs
		}
	}
	return logRegel{}, false, nil
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
