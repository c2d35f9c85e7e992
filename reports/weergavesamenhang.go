package reports

import (
	"fmt"
	"strings"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

// This file holds the texts of "Tellen én vertellen" and the persona's
// that both renderers share; the small-number rule for stories is in
// weergave.go (verhalenTekst, toonBlokjes).

// samenhangBlok is one theme of the joint display as the reports show it.
type samenhangBlok struct {
	Thema   string
	Cijfers []samenhangCijfer
	// Kwartalen and Tonen are the tone chart: one Toon per kwartaal, a
	// kwartaal without stories counts zero.
	Kwartalen []kansrijk.Kwartaal
	Tonen     []stories.Toon
	Verhalen  []regel // how many stories and their tone, in words
	Citaten   []stories.Keuze
	Signaal   string
}

// samenhangCijfer is a linked indicator: its figure in the report's
// kwartaal and its trend, in the words of the indicator's own section.
type samenhangCijfer struct {
	Code, Naam string
	Stand      string
	Trend      string
}

// toonSoort is one tone of the chart and its table. The chart stacks
// them from the bottom of a bar up in this order; the legend and the
// table list them in it.
type toonSoort struct {
	Naam   string
	Aantal func(stories.Toon) int
}

var toonSoorten = []toonSoort{
	{"positief", func(t stories.Toon) int { return t.Positief }},
	{"gemengd", func(t stories.Toon) int { return t.Gemengd }},
	{"negatief", func(t stories.Toon) int { return t.Negatief }},
	{"toon onbekend", func(t stories.Toon) int { return t.Overig }},
}

// toonSoortenVoor are the tones a theme's chart shows: "toon onbekend"
// only when a fragment has no recognised tone.
func toonSoortenVoor(ts []stories.Toon) []toonSoort {
	for _, t := range ts {
		if t.Overig > 0 {
			return toonSoorten
		}
	}
	return toonSoorten[:3]
}

// samenhangBlokken are the joint displays of r in codebook order; themes
// with neither a linked indicator nor a story are left out.
func samenhangBlokken(r *Rapport) []samenhangBlok {
	huidig := huidigIndex(r)
	var uit []samenhangBlok
	for _, s := range r.Samenhangen {
		if len(s.Indicatoren) == 0 && len(s.Tonen) == 0 {
			continue
		}
		b := samenhangBlok{Thema: s.Thema, Signaal: s.Signaal}
		for _, sb := range s.Indicatoren {
			b.Cijfers = append(b.Cijfers, samenhangCijferVoor(r, sb, huidig))
		}
		if len(s.Tonen) > 0 {
			b.Kwartalen, b.Tonen = toonReeks(r, s.Tonen)
		}
		b.Verhalen = verhalenRegels(s)
		for _, k := range s.Citaten {
			if citeerbaar(k.Citaat) {
				b.Citaten = append(b.Citaten, k)
			}
		}
		uit = append(uit, b)
	}
	return uit
}

// samenhangCijferVoor describes a linked indicator as its own section
// does, with the same second lock on what may be shown (beoordelingOp).
func samenhangCijferVoor(r *Rapport, b eval.Beoordeling, huidig int) samenhangCijfer {
	c := samenhangCijfer{Code: b.Indicator, Naam: b.Indicator, Stand: stand(eval.Cijfer{}), Trend: "—"}
	for _, rs := range r.Indicatoren {
		if rs.Indicator.Code != b.Indicator {
			continue
		}
		c.Naam = rs.Indicator.Naam
		c.Stand = stand(cijferOp(rs.Coalitie, huidig))
		if rb, ok := beoordelingOp(rs, huidig); ok {
			if rb.Getoond {
				c.Stand = waardeMetMarge(rb)
			}
			c.Trend = trendTekst(rb.Trend, r.Kwartaal)
		}
	}
	return c
}

// toonReeks spreads a theme's tone over the kwartalen of the report, and
// further back where stories go back further.
func toonReeks(r *Rapport, ts []stories.Toon) ([]kansrijk.Kwartaal, []stories.Toon) {
	van := r.Kwartaal
	if len(r.Kwartalen) > 0 {
		van = r.Kwartalen[0]
	}
	for _, t := range ts {
		if t.Kwartaal.Index() < van.Index() {
			van = t.Kwartaal
		}
	}
	qs := kansrijk.Between(van, r.Kwartaal)
	uit := make([]stories.Toon, len(qs))
	for i, q := range qs {
		uit[i].Kwartaal = q
		for _, t := range ts {
			if t.Kwartaal == q {
				uit[i] = t
			}
		}
	}
	return qs, uit
}

// verhalenRegels say how many stories there are and how their tone
// goes. eval compares the last four kwartalen with the four before.
func verhalenRegels(s eval.Samenhang) []regel {
	if len(s.Tonen) == 0 {
		return []regel{{"Verhalen", "geen verhalen over dit thema in de laatste twee jaar"}}
	}
	return []regel{
		{"Verhalen", fmt.Sprintf("het laatste jaar %s, het jaar ervoor %s",
			verhalenTekst(s.Recent.Fragmenten()), verhalenTekst(s.Eerder.Fragmenten()))},
		{"Toon", verhaaltrendTekst(s)},
	}
}

// verhaaltrendTekst is eval's story trend in words.
func verhaaltrendTekst(s eval.Samenhang) string {
	var t string
	switch s.Verhaaltrend {
	case "positiever":
		t = "positiever dan eerder"
	case "negatiever":
		t = "negatiever dan eerder"
	case "gelijk":
		t = "niet duidelijk anders dan eerder"
	default:
		t = "te weinig verhalen om met eerder te vergelijken"
	}
	if s.Overwegend != "" {
		t += "; het laatste jaar overwegend " + s.Overwegend
	}
	return t
}

// keuzeHerkomst is the line under a quote: werkvorm, persona, kwartaal.
func keuzeHerkomst(c stories.Citaat) []string {
	var delen []string
	for _, s := range []string{c.Werkvorm, c.Persona} {
		if s = strings.TrimSpace(s); s != "" {
			delen = append(delen, s)
		}
	}
	if !c.Kwartaal.IsZero() {
		delen = append(delen, c.Kwartaal.String())
	}
	return delen
}

// signaalKop heads the question of a joint display: it asks, it does not
// judge.
const signaalKop = "Vraag aan de coalitie"

// signaalBevinding is the finding of "In het kort" on the joint display:
// the first question where figures and stories diverge, naming the other
// themes where they do too; "" when there is none.
func signaalBevinding(r *Rapport) string {
	eerste := ""
	var andere []string
	for _, s := range r.Samenhangen {
		switch {
		case s.Signaal == "":
		case eerste == "":
			eerste = s.Signaal
		default:
			andere = append(andere, "‘"+s.Thema+"’")
		}
	}
	if eerste == "" {
		return ""
	}
	t := signaalKop + ": " + eerste
	if len(andere) > 0 {
		t += fmt.Sprintf(" Ook bij %s lopen cijfers en verhalen uiteen; zie %s.", opsommen(andere), titelSamenhang)
	}
	return t
}

// samenhangIntro opens "Tellen én vertellen".
const samenhangIntro = "Per thema staan hier de cijfers naast wat ouders erover vertellen. De cijfers laten zien " +
	"hoe vaak iets gebeurt; de verhalen laten zien hoe ouders het ervaren. Wijzen ze verschillende kanten op, " +
	"dan staat er een vraag aan de coalitie bij. Dat is geen oordeel, maar een aanleiding om erover te praten."

// toonUitleg explains the tone chart under it.
const toonUitleg = "Toon van de verhalen per kwartaal. Elk blokje staat voor 1 tot 5 verhalen, zodat kleine aantallen niet te herleiden zijn."

// werkwijzeVerhalen is the paragraph on counting stories under "Bronnen
// en werkwijze".
const werkwijzeVerhalen = "Een verhaal telt mee bij een thema als de coalitie het een code van dat thema gaf. " +
	"Een aantal verhalen van 1 tot en met 4 staat er als <5; in de grafieken staat elk blokje voor 1 tot 5 verhalen. " +
	"De toon van het laatste jaar vergelijken we met die van het jaar ervoor, alleen als er in elk jaar minstens " +
	"3 verhalen zijn. ‘Overwegend’ negatief of positief betekent: minstens 70% van de verhalen van het laatste jaar. " +
	"Ook verhalen die we niet mogen citeren, tellen mee; ingetrokken verhalen tellen nergens mee. " +
	"Elk citaat staat één keer in het rapport. Staat hetzelfde verhaal twee keer in de logboeken en mag " +
	"één van beide niet geciteerd worden, dan citeren we het niet."

// personaIntro opens the section on the persona's.
const personaIntro = "Een persona is een herkenbaar voorbeeld van een ouder, samengesteld uit gesprekken met ouders. " +
	"Het is niet één echt persoon. Per persona staat wat deze ouder nodig heeft, waar die tegenaan loopt en " +
	"waar de verhalen over gaan die de coalitie bij deze persona heeft opgehaald."

// personaBlok is one persona as the reports show it.
type personaBlok struct {
	Naam     string
	Regels   []regel
	Citaat   *stories.Citaat
	Zie      string // where the joint display quotes the persona, when Citaat is nil
	ZieThema string
	Bron     string
}

// personaBlokken are the persona's of r in words.
func personaBlokken(r *Rapport) []personaBlok {
	var uit []personaBlok
	for _, p := range r.Personas {
		b := personaBlok{Naam: p.Naam}
		if b.Naam == "" {
			b.Naam = p.Voornaam
		}
		for _, rg := range []regel{{"Doelgroep", p.Doelgroep}, {"Situatie", p.Situatie},
			{"Wat ik nodig heb", p.Nodig}, {"Waar ik tegenaan loop", p.Tegenaan}} {
			if rg.Tekst = strings.TrimSpace(rg.Tekst); rg.Tekst != "" {
				b.Regels = append(b.Regels, rg)
			}
		}
		if n := p.Verhalen(); n == 0 {
			b.Regels = append(b.Regels, regel{"Verhalen", fmt.Sprintf("nog geen verhalen bij deze persona, tot en met %s", r.Kwartaal)})
		} else {
			b.Regels = append(b.Regels, regel{"Verhalen", fmt.Sprintf("%s verhalen bij deze persona, tot en met %s", verhalenTekst(n), r.Kwartaal)})
		}
		var themas []string
		for _, t := range p.Themas {
			themas = append(themas, fmt.Sprintf("%s (%s)", t.Thema, verhalenTekst(t.Fragmenten)))
		}
		if len(themas) > 0 {
			b.Regels = append(b.Regels, regel{"Verhalen gaan over", opsommen(themas)})
		}
		var inds []string
		for _, code := range p.Indicatoren {
			inds = append(inds, indicatorNaam(r, code))
		}
		if len(inds) > 0 {
			b.Regels = append(b.Regels, regel{"Bijbehorende cijfers", opsommen(inds)})
		}
		if p.Citaat != nil && citeerbaar(*p.Citaat) {
			b.Citaat = p.Citaat
		} else if p.ZieThema != "" {
			b.ZieThema = p.ZieThema
			b.Zie = fmt.Sprintf("Een citaat bij deze persona staat onder %s, bij ‘%s’.", titelSamenhang, p.ZieThema)
		}
		if s := strings.TrimSpace(p.Bron); s != "" {
			b.Bron = "Persona opgesteld uit: " + s + "."
		}
		uit = append(uit, b)
	}
	return uit
}

// indicatorNaam is "KS06 Toeleiding na signalering", or the code alone
// when the report has no figures of it.
func indicatorNaam(r *Rapport, code string) string {
	for _, rs := range r.Indicatoren {
		if rs.Indicator.Code == code {
			return code + " " + rs.Indicator.Naam
		}
	}
	return code
}

// citatenIntro opens "Wat ouders vertellen"; toon is false when the
// section has nothing to add: the joint display already quotes parents.
func citatenIntro(r *Rapport) (intro string, toon bool) {
	switch {
	case len(r.Samenhangen) == 0 && len(r.Citaten) == 0:
		return "Voor dit kwartaal zijn geen citaten met toestemming beschikbaar.", true
	case len(r.Samenhangen) == 0:
		return citatenIntroAlleen, true
	case len(r.Citaten) == 0:
		return "", false
	}
	return "Nog meer uitspraken van ouders uit het laatste jaar, naast de citaten bij " + titelSamenhang +
		" en de persona’s. Ze staan hier met toestemming van de ouders; namen en andere herkenbare gegevens zijn weggelaten.", true
}

const citatenIntroAlleen = "Uitspraken van ouders uit de verhalen die de coalitie heeft opgehaald. " +
	"Ze staan hier met toestemming van de ouders; namen en andere herkenbare gegevens zijn weggelaten."
