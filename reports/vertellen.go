package reports

import (
	"strings"
	"unicode"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

// vertel adds the stories to r: the joint displays, the persona's and
// the quotes that neither of them shows. r's figures and Beoordelingen
// must be in place; the joint display reuses those of r.Kwartaal.
//
// A report shows every quote once. The joint display chooses first, per
// theme; a persona page then takes a quote of the persona that the joint
// display does not show, and "Wat ouders vertellen" keeps only what is
// left. Quotes are matched on Verhaal-ID, and on their text as well: a
// log may hold the same story twice under two IDs.
func vertel(cfg *kansrijk.Config, co kansrijk.Coalitie, v *stories.Verhalen, r *Rapport) error {
	return vertelMet(cfg, co, v, internKopieen(v), r)
}

// vertelMet is vertel with internKopieen(v) made once for all reports.
func vertelMet(cfg *kansrijk.Config, co kansrijk.Coalitie, v *stories.Verhalen, kopie func(stories.Citaat) bool, r *Rapport) error {
	// The report knows nothing after its kwartaal, and the persona pages
	// speak of this coalitie's stories only.
	eigen := &stories.Verhalen{Codeboek: v.Codeboek, Personas: v.Personas}
	for _, f := range v.Fragmenten {
		if strings.EqualFold(f.Coalitie, co.Naam) && f.Kwartaal.Index() <= r.Kwartaal.Index() {
			eigen.Fragmenten = append(eigen.Fragmenten, f)
		}
	}

	var bs []eval.Beoordeling
	if h := huidigIndex(r); h >= 0 {
		for _, rs := range r.Indicatoren {
			if h < len(rs.Beoordelingen) && rs.Beoordelingen[h].Indicator != "" {
				bs = append(bs, rs.Beoordelingen[h])
			}
		}
	}
	ss, err := eval.Samenhangen(co.Naam, r.Kwartaal, cfg, bs, eigen)
	if err != nil {
		return err
	}
	for i := range ss {
		var cs []stories.Keuze
		for _, k := range ss[i].Citaten {
			if !kopie(k.Citaat) {
				cs = append(cs, k)
			}
		}
		ss[i].Citaten = cs
	}
	r.Samenhangen = ss

	getoond := map[string]string{} // quote key → theme that shows it
	for _, s := range ss {
		for _, k := range s.Citaten {
			for _, sl := range citaatSleutels(k.Citaat) {
				getoond[sl] = s.Thema
			}
		}
	}
	vrij := func(c stories.Citaat) bool {
		for _, sl := range citaatSleutels(c) {
			if _, ok := getoond[sl]; ok {
				return false
			}
		}
		return true
	}

	// A persona's quote comes from the quotable fragments of the series,
	// redacted, highlighted ones first, then the newest.
	terug := max(len(r.Kwartalen)-1, 0)
	kandidaten := eigen.Citaten(cfg, stories.Selectie{Coalitie: co.Naam, Kwartaal: r.Kwartaal, Terug: terug})
	for _, p := range eigen.PersonaPaginas() {
		if !strings.EqualFold(p.Coalitie, co.Naam) {
			continue
		}
		pp := Persona{PersonaPagina: p}
		for _, c := range kandidaten {
			if !strings.EqualFold(c.Persona, p.Voornaam) || !citeerbaar(c) || kopie(c) {
				continue
			}
			if vrij(c) {
				pp.Citaat = &c
				for _, sl := range citaatSleutels(c) {
					getoond[sl] = ""
				}
				break
			}
			for _, sl := range citaatSleutels(c) {
				if pp.ZieThema == "" {
					pp.ZieThema = getoond[sl]
				}
			}
		}
		if pp.Citaat != nil {
			pp.ZieThema = ""
		}
		r.Personas = append(r.Personas, pp)
	}

	cs := v.Citaten(cfg, stories.Selectie{Coalitie: co.Naam, Kwartaal: r.Kwartaal, Terug: 3})
	r.Citaten = nil
	for _, c := range cs {
		if len(r.Citaten) == maxCitaten {
			break
		}
		if citeerbaar(c) && vrij(c) && !kopie(c) {
			r.Citaten = append(r.Citaten, c)
		}
	}
	return nil
}

// maxCitaten is the number of quotes under "Wat ouders vertellen".
const maxCitaten = 3

// citaatSleutels are the keys that make two quotes the same: the
// Verhaal-ID and the text, both folded.
func citaatSleutels(c stories.Citaat) []string {
	return []string{
		"id\x00" + strings.ToLower(c.Coalitie+"\x00"+strings.TrimSpace(c.VerhaalID)),
		"tekst\x00" + strings.ToLower(strings.Join(strings.Fields(c.Tekst), " ")),
	}
}

// citeerbaar is the reports' own check on consent: the selection in
// stories already keeps other fragments out; this second lock keeps them
// out of a report even if a selection slips.
func citeerbaar(c stories.Citaat) bool {
	return (c.Toestemming == stories.Rapport || c.Toestemming == stories.Openbaar) && strings.TrimSpace(c.Tekst) != ""
}

// internKopieen returns whether a quote is nearly the text of a fragment
// with consent intern, in any coalitie's log. Logs hold the same story
// twice, with a sentence added (see stories.Kies); when one copy may not
// be quoted, the other is not quoted either. Withdrawn fragments cannot
// be checked this way: their text never enters the store.
func internKopieen(v *stories.Verhalen) func(stories.Citaat) bool {
	var intern []woordenSet
	ruw := map[string]string{} // quote key → the fragment's own text, before redaction
	for _, f := range v.Fragmenten {
		if f.Toestemming == stories.Intern {
			if w := woordenIn(f.Tekst); len(w) >= minKopieWoorden {
				intern = append(intern, w)
			}
			continue
		}
		ruw[citaatSleutels(stories.Citaat{Coalitie: f.Coalitie, VerhaalID: f.VerhaalID})[0]] = f.Tekst
	}
	return func(c stories.Citaat) bool {
		tekst, ok := ruw[citaatSleutels(c)[0]]
		if !ok {
			tekst = c.Tekst
		}
		w := woordenIn(tekst)
		for _, i := range intern {
			if bijnaGelijk(w, i) {
				return true
			}
		}
		return false
	}
}

// minKopieWoorden keeps a very short fragment ("Dank je wel.") from
// ruling out every quote that holds its words.
const minKopieWoorden = 6

// woordenSet is the set of words of a text, lower case.
type woordenSet map[string]bool

func woordenIn(s string) woordenSet {
	w := woordenSet{}
	for _, x := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w[x] = true
	}
	return w
}

// bijnaGelijk reports whether two texts are nearly the same, by the rule
// stories uses to keep one story from being quoted twice: at least 80% of
// the words of the shorter are in the other.
func bijnaGelijk(a, b woordenSet) bool {
	if len(b) < len(a) {
		a, b = b, a
	}
	if len(a) < minKopieWoorden {
		return false
	}
	n := 0
	for x := range a {
		if b[x] {
			n++
		}
	}
	return n*5 >= len(a)*4
}
