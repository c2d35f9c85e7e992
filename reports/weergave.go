package reports

import (
	"fmt"
	"sort"
	"strings"

	"kansrijk/eval"
)

// This file holds the display rules both renderers share: which figure a
// report may show and in what words, the footnotes that say why one is
// not shown, and the findings of "In het kort". WritePDF and WriteHTML
// only lay these texts out; neither decides on its own what to show.
//
// Whether a percentage may be shown is eval's decision (Cijfer.Toonbaar):
// eval applies the small-number rule, exempts indicators that do not
// count people, and marks complementary suppression. The reports do not
// second-guess it.

// noot explains why a figure is not shown. The markers are fixed per
// status so that they mean the same in every table of both reports.
type noot struct {
	Status eval.Status
	Teken  string
	Uitleg string
}

// noten in their fixed order. StatusSecundair came last, so that the
// markers of the other statuses stay what readers know.
var noten = []noot{
	{eval.StatusKlein, "¹", "Te kleine aantallen: een percentage staat er alleen bij een noemer van 10 of meer, een aantal van 1 tot en met 4 staat er als <5 en een noemer onder 10 als <10. Zo blijven ouders onherkenbaar."},
	{eval.StatusGeenNoemer, "²", "Geen noemer: in dit kwartaal was er niemand om mee te tellen (0 van 0)."},
	{eval.StatusBronOnderdrukt, "³", "<5 bij bron: de partner leverde een aantal aan als <5; het cijfer is dan niet te berekenen."},
	{eval.StatusNietBeschikbaar, "⁴", "n.b.: niet beschikbaar. De partner leverde n.b. aan, of het cijfer van een van de gemeenten ontbreekt."},
	{eval.StatusSecundair, "⁵", "Aanvullend afgeschermd: dit cijfer is niet klein, maar samen met het coalitietotaal zou het een klein aantal van een andere gemeente verraden."},
}

// nietAangeleverd explains the cell of a kwartaal without a figure; it
// has no marker because the cell says it in words.
const nietAangeleverd = "niet aangeleverd: voor dit kwartaal is (nog) geen levering ontvangen."

// werkwijzeKleineAantallen is the paragraph on small numbers under
// "Bronnen en werkwijze".
const werkwijzeKleineAantallen = "Om ouders onherkenbaar te houden, tonen we geen percentage als de noemer kleiner is dan 10, " +
	"en geen aantal van 1 tot en met 4. In de tabellen staat dan ‘—’, ‘<5’ of ‘<10’ met een voetnoot. " +
	"Soms is ook een cijfer afgeschermd dat zelf niet klein is: samen met het cijfer van de coalitie zou het " +
	"anders een klein aantal van een andere gemeente verraden. Uren en aandachtspunten tellen geen personen; " +
	"daar gelden deze grenzen niet. In de grafieken ontbreekt een afgeschermd punt; de lijn is daar onderbroken."

// teken is the footnote marker for a status, "" if it has none.
func teken(s eval.Status) string {
	for _, n := range noten {
		if n.Status == s {
			return n.Teken
		}
	}
	return ""
}

// notenVoor returns the notes for the statuses in gebruikt, in the fixed
// order of noten.
func notenVoor(gebruikt map[eval.Status]bool) []noot {
	var ns []noot
	for _, n := range noten {
		if gebruikt[n.Status] {
			ns = append(ns, n)
		}
	}
	return ns
}

// cijferOp is figure i of a series; a missing one counts as not
// delivered.
func cijferOp(cs []eval.Cijfer, i int) eval.Cijfer {
	if i < 0 || i >= len(cs) {
		return eval.Cijfer{}
	}
	return cs[i]
}

// huidigIndex is the index of the reporting kwartaal in r.Kwartalen; the
// last one if it is not there, -1 if there are none.
func huidigIndex(r *Rapport) int {
	h := len(r.Kwartalen) - 1
	for i, q := range r.Kwartalen {
		if q == r.Kwartaal {
			h = i
		}
	}
	return h
}

// toonbaar is the figure's value if a report may show it. Cijfer.Toonbaar
// decides; this is the only place the reports ask.
func toonbaar(c eval.Cijfer) (float64, bool) {
	if !c.Toonbaar() {
		return 0, false
	}
	return c.Waarde()
}

// celTekst is what a table cell shows: the text and, when the figure is
// not shown, the marker of the footnote that says why.
type celTekst struct {
	Tekst string
	Teken string
}

func (c celTekst) String() string { return c.Tekst + c.Teken }

// percentageCel is the percentage cell for c: the value when it may be
// shown, otherwise why not.
func percentageCel(c eval.Cijfer) celTekst {
	if v, ok := toonbaar(c); ok {
		return celTekst{Tekst: eval.Percentage(v)}
	}
	switch c.Status {
	case "":
		return celTekst{Tekst: "niet aangeleverd"}
	case eval.StatusBronOnderdrukt:
		return celTekst{Tekst: "<5 bij bron", Teken: teken(c.Status)}
	case eval.StatusNietBeschikbaar:
		return celTekst{Tekst: "n.b.", Teken: teken(c.Status)}
	}
	// Klein, Secundair and GeenNoemer have a marker; an OK figure
	// without a value (noemer 0) has none.
	return celTekst{Tekst: "—", Teken: teken(c.Status)}
}

// tellerTekst and noemerTekst are the count cells of c.
func tellerTekst(c eval.Cijfer) string { return aantalTekst(c, c.Teller, false) }
func noemerTekst(c eval.Cijfer) string { return aantalTekst(c, c.Noemer, true) }

// aantalTekst is a teller (noemer false) or noemer cell:
//   - OK or GeenNoemer: the number, but a count of people from 1 to 4
//     is "<5";
//   - Klein: a teller from 1 to 4 is "<5", any other teller "—"; a
//     noemer below 10 is "<10", any other the number;
//   - Secundair, and figures that were not computed: "—".
func aantalTekst(c eval.Cijfer, v float64, noemer bool) string {
	switch c.Status {
	case eval.StatusOK, eval.StatusGeenNoemer:
		if eval.TeltPersonen(c.Indicator) && kleinAantal(v) {
			return "<5"
		}
		return eval.Getal(v)
	case eval.StatusKlein:
		switch {
		case noemer && v < 10:
			return "<10"
		case noemer:
			return eval.Getal(v)
		case kleinAantal(v):
			return "<5"
		}
	}
	return "—"
}

// kleinAantal reports whether a count is one from 1 to 4. Counts of
// people are whole; anything between 0 and 5 is taken as small to be
// safe.
func kleinAantal(v float64) bool { return v > 0 && v < 5 }

// stand describes a figure in words: for the line under an indicator's
// heading and a chart's label for screen readers.
func stand(c eval.Cijfer) string {
	if v, ok := toonbaar(c); ok {
		return fmt.Sprintf("%s (%s van %s)", eval.Percentage(v), tellerTekst(c), noemerTekst(c))
	}
	switch c.Status {
	case "":
		return "niet aangeleverd"
	case eval.StatusKlein:
		return "niet getoond, de aantallen zijn te klein"
	case eval.StatusSecundair:
		return "niet getoond, aanvullend afgeschermd om kleine aantallen elders te beschermen"
	case eval.StatusGeenNoemer:
		return "geen cijfer, er was niemand om mee te tellen"
	case eval.StatusBronOnderdrukt:
		return "niet te berekenen, de partner leverde <5 aan"
	case eval.StatusOK:
		return "geen cijfer"
	}
	return "niet beschikbaar"
}

// toelichting is the line under an indicator's heading: what is shown
// and which direction is good.
func toelichting(rs Reeks) string {
	var s strings.Builder
	s.WriteString("Percentage per kwartaal voor de coalitie")
	if len(rs.Gemeenten) > 1 {
		s.WriteString(" en per gemeente")
	}
	s.WriteString(". ")
	switch rs.Indicator.Beter {
	case "hoger":
		s.WriteString("Hoger is beter.")
	case "lager":
		s.WriteString("Lager is beter.")
	default:
		s.WriteString("Dit cijfer geeft context: hoger of lager is niet vanzelf beter.")
	}
	if v := rs.Indicator.Streefwaarde; v > 0 {
		fmt.Fprintf(&s, " Streefwaarde %s.", streefwaarde(v))
	}
	return s.String()
}

// streefwaarde formats a target without a needless decimal: 75%, 6,5%.
func streefwaarde(v float64) string {
	s := eval.Percentage(v)
	if strings.HasSuffix(s, ",0%") {
		s = strings.TrimSuffix(s, ",0%") + "%"
	}
	return s
}

// opsommen joins names the Dutch way: "A", "A en B", "A, B en C".
func opsommen(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " en " + s[len(s)-1]
}

// bevindingen are the short findings of "In het kort", each naming the
// figures it rests on: the indicators that moved most since an earlier
// shown figure, the largest difference between gemeenten, and how many
// indicators could not be shown. huidig is the reporting kwartaal's index
// in r.Kwartalen.
func bevindingen(r *Rapport, huidig int) []string {
	if len(r.Kwartalen) == 0 || len(r.Indicatoren) == 0 || huidig < 0 || huidig >= len(r.Kwartalen) {
		return []string{"Dit rapport bevat geen cijfers."}
	}
	kw := r.Kwartalen[huidig]
	type bevinding struct {
		volgorde int
		gewicht  float64 // size of the change; -1 without an earlier figure
		tekst    string
	}
	var bs []bevinding
	verborgen := 0
	for i, rs := range r.Indicatoren {
		v, ok := toonbaar(cijferOp(rs.Coalitie, huidig))
		if !ok {
			verborgen++
			continue
		}
		b := bevinding{volgorde: i, gewicht: -1}
		var s strings.Builder
		fmt.Fprintf(&s, "%s: %s in %s", rs.Indicator.Naam, eval.Percentage(v), kw)
		for j := huidig - 1; j >= 0; j-- {
			if w, ok := toonbaar(cijferOp(rs.Coalitie, j)); ok {
				fmt.Fprintf(&s, ", was %s in %s", eval.Percentage(w), r.Kwartalen[j])
				b.gewicht = max(v-w, w-v)
				break
			}
		}
		if rs.Indicator.Streefwaarde > 0 {
			fmt.Fprintf(&s, " (streefwaarde %s)", streefwaarde(rs.Indicator.Streefwaarde))
		}
		s.WriteString(".")
		b.tekst = s.String()
		bs = append(bs, b)
	}

	verschil := verschilGemeenten(r, huidig)
	ruimte := 4 // leaves room for the line about what is not shown
	if verschil != "" {
		ruimte--
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].gewicht > bs[j].gewicht })
	if len(bs) > ruimte {
		bs = bs[:ruimte]
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].volgorde < bs[j].volgorde })

	var uit []string
	for _, b := range bs {
		uit = append(uit, b.tekst)
	}
	if verschil != "" {
		uit = append(uit, verschil)
	}
	switch {
	case verborgen == len(r.Indicatoren):
		uit = append(uit, fmt.Sprintf("Over %s is voor geen van de %d indicatoren een cijfer te tonen: "+
			"de aantallen zijn te klein of de cijfers zijn niet aangeleverd.", kw, verborgen))
	case verborgen > 0:
		uit = append(uit, fmt.Sprintf("Voor %d van de %d indicatoren is over %s geen cijfer te tonen: "+
			"de aantallen zijn te klein of de cijfers zijn niet aangeleverd.", verborgen, len(r.Indicatoren), kw))
	}
	return uit
}

// verschilGemeenten is a finding on the indicator whose gemeenten differ
// most in the reporting kwartaal, or "" when there is none. Only
// indicators where every gemeente's figure may be shown count, so the
// sentence never hints at a hidden one.
func verschilGemeenten(r *Rapport, huidig int) string {
	var beste string
	grootste := 0.0
	for _, rs := range r.Indicatoren {
		if len(rs.Gemeenten) < 2 {
			continue
		}
		lo, hi := 1.0, 0.0
		delen := make([]string, 0, len(rs.Gemeenten))
		alle := true
		for _, g := range rs.Gemeenten {
			v, ok := toonbaar(cijferOp(g.Cijfers, huidig))
			if !ok {
				alle = false
				break
			}
			lo, hi = min(lo, v), max(hi, v)
			delen = append(delen, g.Gemeente+" "+eval.Percentage(v))
		}
		// Differences under a percentage point are not worth a finding.
		if alle && hi-lo >= 0.01 && hi-lo > grootste {
			grootste = hi - lo
			beste = fmt.Sprintf("%s verschilt per gemeente: %s in %s.",
				rs.Indicator.Naam, opsommen(delen), r.Kwartalen[huidig])
		}
	}
	return beste
}
