package eval

import (
	"fmt"
	"strings"

	"kansrijk"
	"kansrijk/stories"
)

// Samenhang is the joint display (tellen én vertellen) of one theme of
// the codebook for one coalitie: the indicators the theme's codes link
// to, beside what parents tell about it, and a question when the two
// point different ways.
type Samenhang struct {
	Coalitie    string
	Thema       string
	Indicatoren []Beoordeling // linked indicators, codebook order
	// Tonen holds the tone of the theme's fragments per kwartaal of the
	// window, oldest first.
	Tonen []stories.Toon
	// Eerder and Recent sum the tone over the two halves of the window.
	Eerder, Recent stories.Toon
	// Verhaaltrend is "positiever", "negatiever", "gelijk" or
	// "te weinig verhalen"; Overwegend says "negatief" or "positief" when
	// at least 70% of the recent fragments have that tone.
	Verhaaltrend string
	Overwegend   string
	Citaten      []stories.Keuze
	// Signaal is a question for the coalitie when figures and stories
	// diverge; empty when they do not (or too little is known).
	Signaal string
}

// Thresholds of the story side, kept simple so a reader can check them:
// at least minVerhalen fragments in each half before a tone change is
// named, a change in net tone of at least toonDrempel, and 70% of one
// tone for "overwegend".
const (
	samenhangVenster = 8 // kwartalen, split into two halves of 4
	minVerhalen      = 3
	toonDrempel      = 0.3
	overwegendDeel   = 0.7
)

// Samenhangen builds the joint displays of coalitie co for kwartaal q:
// one per theme of the codebook that has linked indicators or stories.
// beoordelingen are Analyse's output for q; v holds the stories.
func Samenhangen(co string, q kansrijk.Kwartaal, cfg *kansrijk.Config, beoordelingen []Beoordeling, v *stories.Verhalen) ([]Samenhang, error) {
	if v == nil || v.Codeboek.Leeg() {
		return nil, nil
	}
	tonen, err := v.Tonen()
	if err != nil {
		return nil, err
	}
	van := q.Add(1 - samenhangVenster)
	midden := q.Add(1 - samenhangVenster/2)
	keuzes, err := v.Kies(cfg, stories.ThemaSelectie{Coalitie: co, Van: midden, Tot: q, PerThema: 2})
	if err != nil {
		return nil, err
	}
	perInd := map[string]Beoordeling{}
	for _, b := range beoordelingen {
		if b.Coalitie == co {
			perInd[b.Indicator] = b
		}
	}
	var out []Samenhang
	for _, thema := range v.Codeboek.Themas() {
		s := Samenhang{Coalitie: co, Thema: thema}
		seen := map[string]bool{}
		for _, c := range v.Codeboek.Codes {
			if c.Thema != thema {
				continue
			}
			for _, ind := range c.Indicatoren {
				if b, ok := perInd[ind]; ok && !seen[ind] {
					seen[ind] = true
					s.Indicatoren = append(s.Indicatoren, b)
				}
			}
		}
		for _, t := range tonen {
			if t.Coalitie != co || t.Thema != thema || t.Kwartaal.Index() < van.Index() || t.Kwartaal.Index() > q.Index() {
				continue
			}
			s.Tonen = append(s.Tonen, t)
			half := &s.Eerder
			if t.Kwartaal.Index() >= midden.Index() {
				half = &s.Recent
			}
			half.Positief += t.Positief
			half.Negatief += t.Negatief
			half.Gemengd += t.Gemengd
			half.Overig += t.Overig
		}
		for _, k := range keuzes {
			if k.Thema == thema {
				s.Citaten = append(s.Citaten, k)
			}
		}
		if len(s.Indicatoren) == 0 && len(s.Tonen) == 0 {
			continue
		}
		s.Verhaaltrend, s.Overwegend = verhaaltrend(s.Eerder, s.Recent)
		s.Signaal = signaal(s, cfg)
		out = append(out, s)
	}
	return out, nil
}

// netto is the net tone of fragments: (positief − negatief) / all.
func netto(t stories.Toon) float64 {
	return float64(t.Positief-t.Negatief) / float64(t.Fragmenten())
}

func verhaaltrend(eerder, recent stories.Toon) (trend, overwegend string) {
	if n := recent.Fragmenten(); n >= minVerhalen+1 {
		switch {
		case float64(recent.Negatief) >= overwegendDeel*float64(n):
			overwegend = "negatief"
		case float64(recent.Positief) >= overwegendDeel*float64(n):
			overwegend = "positief"
		}
	}
	if eerder.Fragmenten() < minVerhalen || recent.Fragmenten() < minVerhalen {
		return "te weinig verhalen", overwegend
	}
	switch d := netto(recent) - netto(eerder); {
	case d >= toonDrempel:
		return "positiever", overwegend
	case d <= -toonDrempel:
		return "negatiever", overwegend
	}
	return "gelijk", overwegend
}

// signaal words a divergence between figures and stories as a question:
// the figures may be right and the stories about something else, or the
// other way round; the coalitie knows which.
func signaal(s Samenhang, cfg *kansrijk.Config) string {
	beter, slechter := []string{}, []string{}
	for _, b := range s.Indicatoren {
		naam := b.Indicator
		if in, ok := cfg.Indicator(b.Indicator); ok {
			naam = fmt.Sprintf("%s (%s)", strings.ToLower(in.Naam), in.Code)
		}
		switch b.Trend.Oordeel {
		case TrendVerbetert:
			beter = append(beter, naam)
		case TrendVerslechtert:
			slechter = append(slechter, naam)
		}
	}
	negatief := s.Verhaaltrend == "negatiever" || s.Overwegend == "negatief"
	positief := s.Verhaaltrend == "positiever" || s.Overwegend == "positief"
	hoe := func(pos bool) string {
		switch {
		case pos && s.Verhaaltrend == "positiever":
			return "positiever dan eerder"
		case pos:
			return "vooral positief"
		case s.Verhaaltrend == "negatiever":
			return "negatiever dan eerder"
		}
		return "vooral negatief"
	}
	switch {
	case len(beter) > 0 && negatief:
		return fmt.Sprintf("De cijfers voor %s verbeteren, maar ouders vertellen over ‘%s’ %s. Wat zien jullie in de praktijk dat dit verklaart?",
			opsomming(beter), s.Thema, hoe(false))
	case len(slechter) > 0 && positief:
		return fmt.Sprintf("De cijfers voor %s verslechteren, terwijl ouders over ‘%s’ %s vertellen. Meten de cijfers iets anders dan wat ouders ervaren?",
			opsomming(slechter), s.Thema, hoe(true))
	}
	return ""
}
