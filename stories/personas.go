package stories

import (
	"context"
	"sort"
	"strings"

	"kansrijk/store"
)

// PersonaPagina is one persona with the stories that name her, ready
// for a report page.
type PersonaPagina struct {
	store.Persona
	// VerhaalIDs are the counted (not withdrawn) stories that name the
	// persona, oldest first, each once.
	VerhaalIDs []string
	Themas     []PersonaThema // most fragments first, then codebook order
	// Indicatoren are the KS indicators linked to the codes these stories
	// carry (not to every code of their themes), sorted.
	Indicatoren []string
}

// Verhalen is the number of counted fragments that name the persona.
func (p PersonaPagina) Verhalen() int { return len(p.VerhaalIDs) }

// PersonaThema is a theme a persona's stories touch.
type PersonaThema struct {
	Thema       string
	Fragmenten  int
	Codes       []string // codes of the theme in these stories, codebook order
	Indicatoren []string // linked to those codes, sorted
}

// Personas reads the store and builds the persona pages.
func Personas(ctx context.Context, db *store.DB) ([]PersonaPagina, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	return v.PersonaPaginas(), nil
}

// PersonaPaginas links each persona to its stories. A story names a
// persona by first name (case-insensitive); when two persona's share a
// first name, the one of the story's coalitie is meant. Without a
// codebook the pages have stories but no themes.
func (v *Verhalen) PersonaPaginas() []PersonaPagina {
	out := make([]PersonaPagina, len(v.Personas))
	byName := map[string][]int{}
	for i, p := range v.Personas {
		out[i].Persona = p
		k := strings.ToLower(p.Voornaam)
		byName[k] = append(byName[k], i)
	}
	var codes []Code
	if v.Codeboek != nil {
		codes = v.Codeboek.Codes
	}
	volgorde := map[string]int{}
	for i, c := range codes {
		volgorde[c.Pad] = i
	}
	type thema struct {
		n     int
		codes map[string]bool
		inds  map[string]bool
		eerst int
	}
	per := make([]map[string]*thema, len(out))
	verhalen := make([]map[string]bool, len(out)) // a project's story has a fragment per coded selection
	for _, f := range v.Fragmenten {
		i := v.persona(byName, f)
		if i < 0 {
			continue
		}
		if verhalen[i] == nil {
			verhalen[i] = map[string]bool{}
		}
		if k := idSleutel(f); !verhalen[i][k] {
			verhalen[i][k] = true
			out[i].VerhaalIDs = append(out[i].VerhaalIDs, f.VerhaalID)
		}
		if per[i] == nil {
			per[i] = map[string]*thema{}
		}
		seen := map[string]bool{}
		for _, c := range f.Codes {
			t := per[i][c.Thema]
			if t == nil {
				t = &thema{codes: map[string]bool{}, inds: map[string]bool{}, eerst: volgorde[c.Pad]}
				per[i][c.Thema] = t
			}
			if !seen[c.Thema] {
				seen[c.Thema] = true
				t.n++
			}
			t.codes[c.Pad] = true
			t.eerst = min(t.eerst, volgorde[c.Pad])
			for _, k := range c.Indicatoren {
				t.inds[k] = true
			}
		}
	}
	for i := range out {
		alle := map[string]bool{}
		for naam, t := range per[i] {
			pt := PersonaThema{Thema: naam, Fragmenten: t.n, Indicatoren: keys(t.inds)}
			for _, c := range codes {
				if t.codes[c.Pad] {
					pt.Codes = append(pt.Codes, c.Code)
				}
			}
			for k := range t.inds {
				alle[k] = true
			}
			out[i].Themas = append(out[i].Themas, pt)
		}
		sort.Slice(out[i].Themas, func(a, b int) bool {
			ta, tb := out[i].Themas[a], out[i].Themas[b]
			if ta.Fragmenten != tb.Fragmenten {
				return ta.Fragmenten > tb.Fragmenten
			}
			return per[i][ta.Thema].eerst < per[i][tb.Thema].eerst
		})
		out[i].Indicatoren = keys(alle)
	}
	return out
}

// persona returns the index of the persona a fragment names, or -1.
func (v *Verhalen) persona(byName map[string][]int, f Fragment) int {
	kand := byName[strings.ToLower(f.Persona)]
	switch {
	case f.Persona == "" || len(kand) == 0:
		return -1
	case len(kand) == 1:
		return kand[0]
	}
	for _, i := range kand {
		if strings.EqualFold(v.Personas[i].Coalitie, f.Coalitie) {
			return i
		}
	}
	return -1
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
