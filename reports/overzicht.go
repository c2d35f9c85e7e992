package reports

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/eval"
)

// Overzicht is the report across all coalities: per indicator every
// coalitie's figure, margin, trend and comparison with the mean, a small
// chart per coalitie and a ranking where the numbers allow one.
// BuildOverzicht fills it; WriteOverzichtPDF and WriteOverzichtHTML
// render it with the display rules of weergave.go.
type Overzicht struct {
	Regio     string
	Kwartaal  kansrijk.Kwartaal   // the reporting quarter
	Kwartalen []kansrijk.Kwartaal // the series shown, oldest first, ending at Kwartaal
	Gemaakt   time.Time
	Coalities []kansrijk.Coalitie

	Indicatoren []OverzichtIndicator
}

// OverzichtIndicator is one indicator for every coalitie.
type OverzichtIndicator struct {
	Indicator kansrijk.Indicator
	// Reeksen holds one series per coalitie, in the order of
	// Overzicht.Coalities, over Overzicht.Kwartalen, with eval's
	// Beoordelingen; Gemeenten and Noten stay empty.
	Reeksen []Reeks
}

// BuildOverzicht gathers the overview of all coalities of cfg from the
// figures. Like Basis.Rapport, it shows opt.Kwartalen kwartalen (default 8) up to
// opt.Kwartaal, leaving out leading kwartalen without any figure.
func BuildOverzicht(cfg *kansrijk.Config, cijfers []eval.Cijfer, opt Opties) *Overzicht {
	n := opt.Kwartalen
	if n <= 0 {
		n = 8
	}
	o := &Overzicht{Regio: cfg.Regio, Kwartaal: opt.Kwartaal, Gemaakt: opt.Gemaakt, Coalities: cfg.Coalities}

	type sleutel struct {
		coalitie, ind string
		q             int
	}
	idx := map[sleutel]eval.Cijfer{}
	eerste := opt.Kwartaal.Index()
	for _, c := range cijfers {
		if c.Gemeente != "" || c.Kwartaal.Index() > opt.Kwartaal.Index() || c.Kwartaal.Index() <= opt.Kwartaal.Index()-n {
			continue
		}
		idx[sleutel{c.Coalitie, c.Indicator, c.Kwartaal.Index()}] = c
		eerste = min(eerste, c.Kwartaal.Index())
	}
	o.Kwartalen = kansrijk.Between(kansrijk.FromIndex(eerste), opt.Kwartaal)

	for _, in := range cfg.Indicatoren {
		oi := OverzichtIndicator{Indicator: in, Reeksen: make([]Reeks, len(cfg.Coalities))}
		heeft := false
		for j, co := range cfg.Coalities {
			rs := Reeks{Indicator: in, Coalitie: make([]eval.Cijfer, len(o.Kwartalen)), Beoordelingen: make([]eval.Beoordeling, len(o.Kwartalen))}
			for i, q := range o.Kwartalen {
				c, ok := idx[sleutel{co.Naam, in.Code, q.Index()}]
				if !ok {
					c = eval.Cijfer{Coalitie: co.Naam, Kwartaal: q, Indicator: in.Code}
				}
				heeft = heeft || ok
				rs.Coalitie[i] = c
			}
			oi.Reeksen[j] = rs
		}
		if !heeft {
			continue
		}
		o.Indicatoren = append(o.Indicatoren, oi)
	}
	// Where each coalitie's series is, by coalitie and indicator (kwartaal
	// left zero); pointers only once the slice no longer grows.
	plek := map[sleutel]*Reeks{}
	for k := range o.Indicatoren {
		for j, co := range cfg.Coalities {
			plek[sleutel{co.Naam, o.Indicatoren[k].Indicator.Code, 0}] = &o.Indicatoren[k].Reeksen[j]
		}
	}

	// One Analyse per kwartaal, as Basis.Rapport does: each point gets the
	// interval eval gives it, and the reporting kwartaal its comparison.
	for i, q := range o.Kwartalen {
		for _, b := range eval.Analyse(cijfers, cfg, q) {
			if rs := plek[sleutel{b.Coalitie, b.Indicator, 0}]; rs != nil {
				rs.Beoordelingen[i] = b
			}
		}
	}
	return o
}

// huidig is the index of the reporting kwartaal in o.Kwartalen.
func (o *Overzicht) huidig() int {
	h := len(o.Kwartalen) - 1
	for i, q := range o.Kwartalen {
		if q == o.Kwartaal {
			h = i
		}
	}
	return h
}

// OverzichtBestandsnaam is the base name of the overview's files.
func OverzichtBestandsnaam(q kansrijk.Kwartaal) string {
	return kansrijk.OverzichtNaam(q)
}

// The display rules of the overview. Like weergave.go they decide what
// both renderers show; every figure goes through toonbaar,
// beoordelingOp or interval there.

// Section titles of the overview, shared by the PDF and the HTML.
const (
	titelOverzichtKort = "Alle indicatoren in één oogopslag"
	titelOverzichtLees = "Zo leest u dit overzicht"
)

// overzichtLeeswijzer explains the tables, charts and rankings.
const overzichtLeeswijzer = "Per indicator staan alle coalities naast elkaar: het cijfer van het laatste kwartaal met zijn marge " +
	"(het 95%-betrouwbaarheidsinterval), de trend over de laatste twee jaar en de vergelijking met het gemiddelde van de coalities. " +
	"Daaronder staat voor elke coalitie een kleine grafiek; alle grafieken van een indicator hebben dezelfde schaal, zodat u ze " +
	"direct kunt vergelijken."

// overzichtRangUitleg explains when coalities are ranked.
const overzichtRangUitleg = "Een rangorde geven we alleen waar de cijfers dat toelaten. Een coalitie staat alleen boven of onder " +
	"het midden als haar cijfer getoond mag worden én meer van het gemiddelde afwijkt dan toeval kan verklaren. Kleine coalities " +
	"hebben ruimere toevalsgrenzen, zodat ze niet door toeval bovenaan of onderaan belanden. Binnen een groep staan de coalities " +
	"op volgorde van hun cijfer, maar dat verschil is niet getoetst. Wijkt geen coalitie duidelijk af, dan zeggen we dat."

// overzichtToelichting is the line under an indicator's heading.
func overzichtToelichting(o *Overzicht, in kansrijk.Indicator) string {
	var s strings.Builder
	fmt.Fprintf(&s, "Percentage per coalitie in %s. ", o.Kwartaal)
	richtingEnStreef(&s, in)
	return s.String()
}

// overzichtRij is one coalitie's row in an indicator's table.
type overzichtRij struct {
	Coalitie     string
	Cijfer       eval.Cijfer // in the reporting kwartaal; percentageCel shows it
	Marge        string      // "72,0–80,0%", "—" without one
	Trend        string
	Vergelijking string
}

// overzichtRijen are the rows of an indicator's table, one per coalitie.
func overzichtRijen(o *Overzicht, oi OverzichtIndicator) []overzichtRij {
	h := o.huidig()
	rijen := make([]overzichtRij, 0, len(oi.Reeksen))
	for j, rs := range oi.Reeksen {
		rij := overzichtRij{Coalitie: coalitieNaam(o, j), Cijfer: cijferOp(rs.Coalitie, h), Marge: "—",
			Trend: trendKort(rs, h), Vergelijking: vergelijkingKort(rs, h)}
		if lo, hi, ok := interval(rs, h); ok {
			rij.Marge = marge(lo, hi)
		}
		rijen = append(rijen, rij)
	}
	return rijen
}

func coalitieNaam(o *Overzicht, j int) string {
	if j < len(o.Coalities) {
		return o.Coalities[j].Naam
	}
	return ""
}

// vergelijkingKort is the comparison with the mean in a table cell.
func vergelijkingKort(rs Reeks, i int) string {
	b, ok := beoordelingOp(rs, i)
	switch {
	case !ok || !b.Getoond:
		return "—"
	case b.Vergelijking == nil && !eval.TeltPersonen(rs.Indicator.Code):
		return "n.v.t."
	case b.Vergelijking == nil:
		return "—"
	case b.Vergelijking.Oordeel == eval.ZoalsGemiddelde:
		return "niet te onderscheiden"
	}
	return b.Vergelijking.Oordeel
}

// rangorde is the ranking of one indicator in the reporting kwartaal, in
// groups: the coalities better than the mean, those that cannot be told
// apart from it, and those worse, each beyond chance.
type rangorde struct {
	Tekst   string      // the verdict, always there
	Groepen []rangGroep // best first; only coalities that differ from the mean beyond chance
	Midden  []string    // shown, but not distinguishable from the mean
	Zonder  []string    // no figure to show
}

// rangGroep is the coalities on one side of the mean, best first.
type rangGroep struct {
	Label   string // "Beter", "Minder goed"; "Hoger", "Lager" where no direction is better
	Oordeel string // eval.BovenGemiddelde or eval.OnderGemiddelde
	Plekken []rangPlek
}

type rangPlek struct {
	Coalitie string
	Waarde   float64
}

// maakRangorde ranks the coalities on one indicator only as far as eval's
// funnel comparison allows: a coalitie is ranked only if its figure may
// be shown and lies outside the chance limits around the mean of the
// coalities. That gives groups, not places: within a group the coalities
// are listed by value, but the difference between them is not tested.
func maakRangorde(o *Overzicht, oi OverzichtIndicator) rangorde {
	h := o.huidig()
	in := oi.Indicator
	var r rangorde
	boven := rangGroep{Label: "Hoger", Oordeel: eval.BovenGemiddelde}
	onder := rangGroep{Label: "Lager", Oordeel: eval.OnderGemiddelde}
	var gem *eval.Vergelijking
	getoond := 0
	for j, rs := range oi.Reeksen {
		naam := coalitieNaam(o, j)
		b, ok := beoordelingOp(rs, h)
		if !ok || !b.Getoond {
			r.Zonder = append(r.Zonder, naam)
			continue
		}
		getoond++
		v := b.Vergelijking
		if v == nil {
			continue
		}
		gem = v
		p := rangPlek{Coalitie: naam, Waarde: b.Waarde}
		switch v.Oordeel {
		case eval.BovenGemiddelde:
			boven.Plekken = append(boven.Plekken, p)
		case eval.OnderGemiddelde:
			onder.Plekken = append(onder.Plekken, p)
		default:
			r.Midden = append(r.Midden, naam)
		}
	}

	if gem == nil {
		if !eval.TeltPersonen(in.Code) {
			r.Tekst = "Geen rangorde. Dit cijfer telt geen personen; of verschillen tussen de coalities groter zijn dan toeval, is niet te toetsen."
		} else {
			r.Tekst = fmt.Sprintf("Geen rangorde. Voor een vergelijking met het gemiddelde zijn minstens drie coalities met een cijfer nodig; in %s zijn het er %s.",
				o.Kwartaal, telwoord(getoond))
		}
		return r
	}

	// Best first: for "lager is beter" the group below the mean and the
	// lowest value; otherwise the group above it and the highest.
	for _, g := range []*rangGroep{&boven, &onder} {
		sort.SliceStable(g.Plekken, func(i, j int) bool {
			if in.Beter == "lager" {
				return g.Plekken[i].Waarde < g.Plekken[j].Waarde
			}
			return g.Plekken[i].Waarde > g.Plekken[j].Waarde
		})
	}
	eerst, dan := &boven, &onder
	switch in.Beter {
	case "hoger":
		boven.Label, onder.Label = "Beter", "Minder goed"
	case "lager":
		eerst, dan = &onder, &boven
		boven.Label, onder.Label = "Minder goed", "Beter"
	}
	var namen []string
	for _, g := range []*rangGroep{eerst, dan} {
		if len(g.Plekken) > 0 {
			r.Groepen = append(r.Groepen, *g)
			for _, p := range g.Plekken {
				namen = append(namen, p.Coalitie)
			}
		}
	}

	gemTekst := fmt.Sprintf("het gemiddelde van de coalities (%s)", eval.Percentage(gem.Gemiddelde))
	switch {
	case len(namen) == 0:
		r.Tekst = fmt.Sprintf("De verschillen zijn te klein om de coalities te rangschikken: geen coalitie wijkt meer af van %s dan toeval kan verklaren.", gemTekst)
	default:
		werkwoord := "wijkt"
		if len(namen) > 1 {
			werkwoord = "wijken"
		}
		r.Tekst = fmt.Sprintf("%s %s meer af van %s dan toeval kan verklaren.", opsommen(namen), werkwoord, gemTekst)
		if len(r.Midden) > 0 {
			r.Tekst += " Tussen de andere coalities zijn de verschillen te klein om te rangschikken."
		}
	}
	return r
}

// rangRegels are the ranking as lines of label and text, best first, for
// the block above an indicator's table.
func rangRegels(o *Overzicht, r rangorde) []regel {
	rs := []regel{{"Rangorde", r.Tekst}}
	groep := func(g rangGroep) {
		var delen []string
		for _, p := range g.Plekken {
			delen = append(delen, p.Coalitie+" "+eval.Percentage(p.Waarde))
		}
		rs = append(rs, regel{g.Label, strings.Join(delen, ", ") + " (" + g.Oordeel + ")"})
	}
	if len(r.Groepen) > 0 {
		groep(r.Groepen[0])
		if len(r.Midden) > 0 {
			rs = append(rs, regel{"Midden", opsommen(r.Midden) + " (niet te onderscheiden van het gemiddelde)"})
		}
		for _, g := range r.Groepen[1:] {
			groep(g)
		}
	}
	if len(r.Zonder) > 0 {
		rs = append(rs, regel{"Geen cijfer", opsommen(r.Zonder) + " (in " + o.Kwartaal.String() + " geen cijfer te tonen)"})
	}
	return rs
}

// telwoord writes small numbers in words, as Dutch prose does.
func telwoord(n int) string {
	woorden := [...]string{"geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"}
	if n >= 0 && n < len(woorden) {
		return woorden[n]
	}
	return fmt.Sprint(n)
}

// overzichtKortRij is one indicator in the table of all indicators: a
// figure per coalitie, marked where it differs from the mean beyond
// chance.
type overzichtKortRij struct {
	Code, Naam string
	Cijfers    []eval.Cijfer // per coalitie, in the reporting kwartaal
	Oordelen   []string      // eval's comparison per coalitie, "" without one
	Gemiddelde string        // the mean of the coalities, "—" without one
}

// Markers of the table of all indicators. The Go fonts have both.
const (
	tekenBoven = "▲"
	tekenOnder = "▼"
)

// vergelijkTeken is the marker of a comparison, "" when the figure does
// not differ from the mean beyond chance.
func vergelijkTeken(oordeel string) string {
	switch oordeel {
	case eval.BovenGemiddelde:
		return tekenBoven
	case eval.OnderGemiddelde:
		return tekenOnder
	}
	return ""
}

// kortCel is a cell of the table of all indicators: the percentage cell
// and the marker of its comparison.
func kortCel(c eval.Cijfer, oordeel string) celTekst {
	cel := percentageCel(c)
	if t := vergelijkTeken(oordeel); t != "" {
		cel.Tekst += " " + t
	}
	return cel
}

// overzichtKort is the table of all indicators by coalitie.
func overzichtKort(o *Overzicht) []overzichtKortRij {
	h := o.huidig()
	var rijen []overzichtKortRij
	for _, oi := range o.Indicatoren {
		rij := overzichtKortRij{Code: oi.Indicator.Code, Naam: oi.Indicator.Naam, Gemiddelde: "—"}
		for _, rs := range oi.Reeksen {
			oordeel := ""
			if b, ok := beoordelingOp(rs, h); ok && b.Getoond && b.Vergelijking != nil {
				oordeel = b.Vergelijking.Oordeel
				rij.Gemiddelde = eval.Percentage(b.Vergelijking.Gemiddelde)
			}
			rij.Cijfers = append(rij.Cijfers, cijferOp(rs.Coalitie, h))
			rij.Oordelen = append(rij.Oordelen, oordeel)
		}
		rijen = append(rijen, rij)
	}
	return rijen
}

// overzichtKortUitleg explains the markers of the table of all indicators.
const overzichtKortUitleg = tekenBoven + " hoger en " + tekenOnder + " lager dan het gemiddelde van de coalities, meer dan toeval kan verklaren. " +
	"Zonder teken is het verschil met het gemiddelde niet duidelijk, of is er geen vergelijking (uren en aandachtspunten tellen geen personen)."

// overzichtKortMax is the most coalities the table of all indicators
// has room for on A4; with more, each indicator's own table says it.
const overzichtKortMax = 6

// overzichtAs is the shared y-axis of an indicator's small charts: the
// highest value any of them shows, interval or target. Figures that may
// not be shown do not count, so the scale gives none of them away.
func overzichtAs(o *Overzicht, oi OverzichtIndicator) float64 {
	hoogste := oi.Indicator.Streefwaarde
	for _, rs := range oi.Reeksen {
		for i := range o.Kwartalen {
			if v, ok := toonbaar(cijferOp(rs.Coalitie, i)); ok {
				hoogste = max(hoogste, v)
			}
			if _, hi, ok := interval(rs, i); ok {
				hoogste = max(hoogste, hi)
			}
		}
	}
	return hoogste
}

// laatsteGetoond is the latest figure of rs that may be shown, with its
// kwartaal index; ok is false when there is none.
func laatsteGetoond(rs Reeks, n int) (v float64, i int, ok bool) {
	for i = n - 1; i >= 0; i-- {
		if v, ok = toonbaar(cijferOp(rs.Coalitie, i)); ok {
			return v, i, true
		}
	}
	return 0, -1, false
}
