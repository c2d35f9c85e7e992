package voorbeeld

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// extraVerhalen is how many fragments a generated coalitie adds to its
// script in every quarter, by role. A block then holds 103 + 8 × 80 = 743
// fragments, and the national work unit (schaal 69) about 50,000 story
// fragments, the size it is meant to have. Block 0, the reference example,
// adds none: tests and worked figures rest on its 103.
var extraVerhalen = [4]int{rolGroot: 30, rolMiddel: 20, rolKlein: 10, rolRegio: 20}

// achtergrond are the kinds of story that carry no planted trend (KS01,
// KS06, KS08 and KS09 stories are left out). Added fragments take half
// their kinds from here and half from the quarter's script, so the trends
// keep their weight in a larger log.
var achtergrond = []soort{
	goedeVK, roken, vroegBevallen, vertrouwen, thuisvragen, drempel, waardevolBezoek, nietAangeboden,
	afvink, geenKraam, geldzorgen, toeslagen, veroordeeld, serieus, nietSerieus, taal, tolk, brieven,
	alleen, familie, lotgenoten, consultatiebureau,
}

// Openings and closings of added fragments: the log's own and a few more,
// so that a coalitie with many fragments does not have to repeat a text.
var (
	meerInleidingen = slices.Concat(inleidingen,
		[]string{"Ja, ", "Tja, ", "Nou ja, ", "Om eerlijk te zijn, ", "Wat ik wil zeggen: ", "Het zit zo: ", "Goed, "})
	meerStaarten = slices.Concat(staarten,
		[]string{"Dat is mijn ervaring.", "Zo heb ik het beleefd.", "Daar denk ik nog vaak aan.",
			"Dat wilde ik even vertellen.", "Zo ging het bij ons.", "Meer valt er niet over te zeggen.", "Dat is het eigenlijk."})
)

// aanvullen adds c.extra fragments to every quarter of the log, after the
// scripted ones. They come from a random source of their own, so the
// scripted fragments stay as they were, and their Verhaal-IDs go on from
// the year's last scripted one.
func (c *coalitie) aanvullen(perKwartaal *[aantalKwartalen][]verhaal, perJaar map[int]int) {
	r := bron("verhalen", c.naam, "aanvulling")
	st := &stapel{r: r}
	reg := register{teksten: map[string]bool{}}
	for _, vs := range perKwartaal {
		for _, v := range vs {
			reg.voeg(v)
		}
	}
	for _, q := range kwartalen() {
		script := draaiboek[c.rol][plek(q)]
		var vs []verhaal
		for poging := 0; len(vs) < c.extra && poging < 10*c.extra; poging++ {
			s := achtergrond[r.IntN(len(achtergrond))]
			if kans(r, 0.5) {
				s = script[r.IntN(len(script))]
			}
			f := st.volgende(s)
			v := c.verhaal(r, f)
			// The wording is drawn anew from the longer lists: the log
			// holds each text once.
			tekst, ok := reg.varieer(r, f.tekst, ingetrokken(v))
			if !ok {
				continue
			}
			v.tekst = tekst
			reg.voeg(v)
			vs = append(vs, v)
		}

		// Sessions are larger than the script's: a focus group or a batch
		// of questionnaires yields many fragments on one day.
		data, vormen := sessies(r, q, len(vs), 0.8)
		for i := range vs {
			v := &vs[i]
			v.datum, v.werkvorm = data[i], vormen[i]
			perJaar[v.datum.Year()]++
			v.id = verhaalID(c.code, v.datum.Year(), perJaar[v.datum.Year()])
		}
		perKwartaal[plek(q)] = append(perKwartaal[plek(q)], vs...)
	}
}

// register holds the texts of a coalitie's log. Withdrawal goes by
// Verhaal-ID, so a withdrawn text must not also stand, whole, inside a
// consented fragment of the same log: that one would be quoted.
type register struct {
	teksten     map[string]bool
	toegestaan  []string // texts of fragments with consent
	ingetrokken []string // texts of withdrawn fragments
}

func (reg *register) voeg(v verhaal) {
	reg.teksten[v.tekst] = true
	if ingetrokken(v) {
		reg.ingetrokken = append(reg.ingetrokken, v.tekst)
	} else {
		reg.toegestaan = append(reg.toegestaan, v.tekst)
	}
}

// past reports whether a fragment with text t may join the log.
func (reg *register) past(t string, ingetrokken bool) bool {
	if reg.teksten[t] {
		return false
	}
	if ingetrokken {
		return !slices.ContainsFunc(reg.toegestaan, func(k string) bool { return strings.Contains(k, t) })
	}
	return !slices.ContainsFunc(reg.ingetrokken, func(w string) bool { return strings.Contains(t, w) })
}

// varieer words a fragment the way a parent might have put it, with an
// opening or a closing or both, in a form that fits the log; ok is false
// when 40 tries found none.
func (reg *register) varieer(r *rand.Rand, tekst string, ingetrokken bool) (string, bool) {
	for range 40 {
		t := tekst
		if kans(r, 0.4) {
			t = meerInleidingen[r.IntN(len(meerInleidingen))] + kleineletter(t)
		}
		if kans(r, 0.5) {
			t += " " + meerStaarten[r.IntN(len(meerStaarten))]
		}
		if reg.past(t, ingetrokken) {
			return t, true
		}
	}
	return "", false
}

// ingetrokken reports whether v's consent is withdrawn, however it is
// spelt.
func ingetrokken(v verhaal) bool {
	return strings.EqualFold(strings.TrimSpace(v.toestemming), "ingetrokken")
}
