package stories

import (
	"sort"

	"kansrijk"
)

// Frequentie is how many counted fragments carry a code (or touch a
// theme) in one cell of coalitie × kwartaal × doelgroep × persona. A
// fragment counts once per code and once per theme, however many of
// the theme's codes it has.
type Frequentie struct {
	Coalitie   string
	Kwartaal   kansrijk.Kwartaal
	Doelgroep  string
	Persona    string // "" when the fragment names none
	Thema      string
	Code       string // "" in a theme row
	Fragmenten int
}

// CodeFrequenties counts fragments per code. Unknown codes are not
// counted (see OnbekendeCodes).
func (v *Verhalen) CodeFrequenties() ([]Frequentie, error) {
	return v.frequenties(false)
}

// ThemaFrequenties counts fragments per theme.
func (v *Verhalen) ThemaFrequenties() ([]Frequentie, error) {
	return v.frequenties(true)
}

func (v *Verhalen) frequenties(thema bool) ([]Frequentie, error) {
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	type sleutel struct {
		coalitie           string
		kwartaal           kansrijk.Kwartaal
		doelgroep, persona string
		thema, code        string
	}
	n := map[sleutel]int{}
	for _, f := range v.Fragmenten {
		seen := map[string]bool{}
		for _, c := range f.Codes {
			k := sleutel{f.Coalitie, f.Kwartaal, f.Doelgroep, f.Persona, c.Thema, c.Code}
			if thema {
				k.code = ""
				if seen[c.Thema] {
					continue
				}
				seen[c.Thema] = true
			}
			n[k]++
		}
	}
	out := make([]Frequentie, 0, len(n))
	for k, c := range n {
		out = append(out, Frequentie{k.coalitie, k.kwartaal, k.doelgroep, k.persona, k.thema, k.code, c})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Coalitie != b.Coalitie:
			return a.Coalitie < b.Coalitie
		case a.Kwartaal != b.Kwartaal:
			return a.Kwartaal.Index() < b.Kwartaal.Index()
		case a.Doelgroep != b.Doelgroep:
			return a.Doelgroep < b.Doelgroep
		case a.Persona != b.Persona:
			return a.Persona < b.Persona
		case a.Thema != b.Thema:
			return a.Thema < b.Thema
		}
		return a.Code < b.Code
	})
	return out, nil
}

// Toon counts the tone of the fragments that touch a theme, per
// coalitie and kwartaal. Overig is a blank or unrecognised tone.
type Toon struct {
	Coalitie string
	Thema    string
	Kwartaal kansrijk.Kwartaal
	Positief int
	Negatief int
	Gemengd  int
	Overig   int
}

// Fragmenten is the number of fragments counted in t.
func (t Toon) Fragmenten() int { return t.Positief + t.Negatief + t.Gemengd + t.Overig }

// Tonen counts tone per theme per kwartaal, for each coalitie.
func (v *Verhalen) Tonen() ([]Toon, error) {
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	type sleutel struct {
		coalitie, thema string
		kwartaal        kansrijk.Kwartaal
	}
	m := map[sleutel]*Toon{}
	for _, f := range v.Fragmenten {
		seen := map[string]bool{}
		for _, c := range f.Codes {
			if seen[c.Thema] {
				continue
			}
			seen[c.Thema] = true
			k := sleutel{f.Coalitie, c.Thema, f.Kwartaal}
			t := m[k]
			if t == nil {
				t = &Toon{Coalitie: f.Coalitie, Thema: c.Thema, Kwartaal: f.Kwartaal}
				m[k] = t
			}
			switch f.Toon {
			case "positief":
				t.Positief++
			case "negatief":
				t.Negatief++
			case "gemengd":
				t.Gemengd++
			default:
				t.Overig++
			}
		}
	}
	out := make([]Toon, 0, len(m))
	for _, t := range m {
		out = append(out, *t)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Coalitie != b.Coalitie:
			return a.Coalitie < b.Coalitie
		case a.Thema != b.Thema:
			return a.Thema < b.Thema
		}
		return a.Kwartaal.Index() < b.Kwartaal.Index()
	})
	return out, nil
}

// Paar is how many fragments of a coalitie carry both codes; CodeA
// sorts before CodeB.
type Paar struct {
	Coalitie   string
	CodeA      string
	CodeB      string
	Fragmenten int
}

// SamenVoorkomen counts pairs of codes in the same fragment, per
// coalitie, most frequent first.
func (v *Verhalen) SamenVoorkomen() ([]Paar, error) {
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	type sleutel struct{ coalitie, a, b string }
	n := map[sleutel]int{}
	for _, f := range v.Fragmenten {
		paden := make([]string, len(f.Codes))
		for i, c := range f.Codes {
			paden[i] = c.Pad
		}
		sort.Strings(paden)
		for i := range paden {
			for j := i + 1; j < len(paden); j++ {
				n[sleutel{f.Coalitie, paden[i], paden[j]}]++
			}
		}
	}
	out := make([]Paar, 0, len(n))
	for k, c := range n {
		out = append(out, Paar{k.coalitie, k.a, k.b, c})
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Coalitie != b.Coalitie:
			return a.Coalitie < b.Coalitie
		case a.Fragmenten != b.Fragmenten:
			return a.Fragmenten > b.Fragmenten
		case a.CodeA != b.CodeA:
			return a.CodeA < b.CodeA
		}
		return a.CodeB < b.CodeB
	})
	return out, nil
}
