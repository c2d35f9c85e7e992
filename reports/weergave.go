package reports

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"kansrijk"
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

// verhalenTekst is a number of story fragments. Fragments are people's
// stories, so 1 to 4 is "<5", as for any count of people.
func verhalenTekst(n int) string {
	if kleinAantal(float64(n)) {
		return "<5"
	}
	return eval.Getal(float64(n))
}

// verhalenPerBlokje is how many fragments one block of the tone chart
// stands for, at most. A chart that drew each fragment would show a
// count of 1 to 4 that verhalenTekst hides; a block of up to five does
// not.
const verhalenPerBlokje = 5

// toonBlokjes is the number of blocks the tone chart draws for n
// fragments: one per five, rounded up.
func toonBlokjes(n int) int {
	return (n + verhalenPerBlokje - 1) / verhalenPerBlokje
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
	richtingEnStreef(&s, rs.Indicator)
	return s.String()
}

// richtingEnStreef ends an indicator's toelichting: which direction is
// good and, if there is one, the target.
func richtingEnStreef(s *strings.Builder, in kansrijk.Indicator) {
	switch in.Beter {
	case "hoger":
		s.WriteString("Hoger is beter.")
	case "lager":
		s.WriteString("Lager is beter.")
	default:
		s.WriteString("Dit cijfer geeft context: hoger of lager is niet vanzelf beter.")
	}
	if v := in.Streefwaarde; v > 0 {
		fmt.Fprintf(s, " Streefwaarde %s.", streefwaarde(v))
	}
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

// Section titles, shared so that the PDF's table of contents, its
// outline and the HTML's navigation name the same sections.
const (
	titelKort       = "In het kort"
	titelIndicators = "Indicatoren"
	titelBorging    = "Borging"
	titelOuders     = "Wat ouders vertellen"
	titelSamenhang  = "Tellen én vertellen"
	titelPersonas   = "Persona’s"
	titelAanlever   = "Aanleverstatus"
	titelWerkwijze  = "Bronnen en werkwijze"
)

// leeswijzer introduces the indicators: how to read the figures beside
// each chart.
const leeswijzer = "Per indicator staat bovenaan het cijfer van het laatste kwartaal. Tussen haakjes staat de marge " +
	"(het 95%-betrouwbaarheidsinterval): het werkelijke percentage ligt vrijwel zeker daartussen. Een verandering " +
	"of een verschil met het gemiddelde van de coalities heet alleen ‘duidelijk’ als het groter is dan toeval kan " +
	"verklaren. In de grafiek is de marge de lichte band rond de lijn."

// werkwijzeMarges is the paragraph on intervals, changes, trends and the
// comparison with the other coalities under "Bronnen en werkwijze".
const werkwijzeMarges = "Een percentage over één kwartaal schommelt ook door toeval, zeker bij kleine aantallen. " +
	"De marge is het 95%-betrouwbaarheidsinterval volgens Wilson. Een verandering ten opzichte van een eerder kwartaal " +
	"heet duidelijk als haar eigen 95%-interval (Newcombe) nul niet bevat. De trend is een rechte lijn door de getoonde " +
	"kwartaalcijfers van de laatste twee jaar; we noemen een richting alleen als die lijn duidelijk stijgt of daalt, " +
	"en er zijn minstens vier kwartalen met een cijfer nodig. Het gemiddelde van de coalities is het totaal van hun " +
	"tellers gedeeld door het totaal van hun noemers; een coalitie wijkt alleen af als haar cijfer buiten de " +
	"toevalsgrenzen valt die bij haar aantallen horen. Uren kraamzorg en aandachtspunten tellen geen personen: " +
	"daar geven we geen marge en geen vergelijking met het gemiddelde. Afgeschermde cijfers tellen nergens mee."

// regel is one line of a label and its text, such as a row of an
// indicator's assessment.
type regel struct {
	Label string
	Tekst string
}

// procentpunt is a change with its sign, one decimal: "+5,3 procentpunt",
// "−0,4 procentpunt"; a change that rounds to zero has no sign.
func procentpunt(pp float64) string {
	switch v := math.Round(pp*10) / 10; {
	case v > 0:
		return "+" + afstand(v)
	case v < 0:
		return "−" + afstand(v)
	}
	return afstand(0)
}

// afstand is a distance without sign, one decimal: "1,2 procentpunt".
func afstand(pp float64) string {
	return strings.Replace(fmt.Sprintf("%.1f", math.Abs(math.Round(pp*10)/10)), ".", ",", 1) + " procentpunt"
}

// beoordelingOp is eval's assessment of the coalitie's figure in
// kwartaal i, if Basis.Rapport gave one. Getoond is false in it unless the figure
// itself may be shown as well: eval withholds what may not be shown, and
// this second lock keeps a slip on either side out of the report.
func beoordelingOp(rs Reeks, i int) (eval.Beoordeling, bool) {
	if i < 0 || i >= len(rs.Beoordelingen) || len(rs.Beoordelingen) != len(rs.Coalitie) {
		return eval.Beoordeling{}, false
	}
	b := rs.Beoordelingen[i]
	if _, ok := toonbaar(cijferOp(rs.Coalitie, i)); !ok {
		b.Getoond = false
	}
	return b, b.Indicator != ""
}

// interval is the 95% interval of the coalitie's figure in kwartaal i,
// as fractions: only when eval gives one and the figure may be shown.
func interval(rs Reeks, i int) (lo, hi float64, ok bool) {
	b, ok := beoordelingOp(rs, i)
	if !ok || !b.Getoond || b.Interval == nil {
		return 0, 0, false
	}
	return b.Interval.Onder, b.Interval.Boven, true
}

// marge is an interval the Dutch way: "72,0–80,0%".
func marge(lo, hi float64) string {
	return strings.TrimSuffix(eval.Percentage(lo), "%") + "–" + eval.Percentage(hi)
}

// waardeMetMarge is a shown figure with its interval, if it has one:
// "76,2% (72,0–80,0%)".
func waardeMetMarge(b eval.Beoordeling) string {
	s := eval.Percentage(b.Waarde)
	if b.Interval != nil {
		s += " (" + marge(b.Interval.Onder, b.Interval.Boven) + ")"
	}
	return s
}

// waardeIn is the coalitie's figure in kwartaal q, if it may be shown.
func waardeIn(r *Rapport, rs Reeks, q kansrijk.Kwartaal) (float64, bool) {
	for i, k := range r.Kwartalen {
		if k == q {
			return toonbaar(cijferOp(rs.Coalitie, i))
		}
	}
	return 0, false
}

// verschilOp is a change eval gives, nil when there is none or when the
// earlier figure may not be shown after all: with the current figure, the
// change would give it away. eval never gives such a change; this is the
// second lock, as in beoordelingOp.
func verschilOp(r *Rapport, rs Reeks, v *eval.Verschil) *eval.Verschil {
	if v == nil {
		return nil
	}
	for i, q := range r.Kwartalen {
		if q == v.Sinds {
			if _, ok := toonbaar(cijferOp(rs.Coalitie, i)); !ok {
				return nil
			}
		}
	}
	return v
}

// richtingWoord names a change of pp for an indicator: "verbetering" or
// "verslechtering" where a direction is better, "stijging" or "daling"
// where none is.
func richtingWoord(pp float64, beter string) string {
	stijgt := pp > 0
	switch {
	case beter == "hoger" && stijgt, beter == "lager" && !stijgt:
		return "verbetering"
	case beter == "hoger", beter == "lager":
		return "verslechtering"
	case stijgt:
		return "stijging"
	}
	return "daling"
}

// verschilTekst describes a change: "+9,3 procentpunt (2025-K3: 67,0%),
// een duidelijke verbetering". Only a change eval calls Duidelijk is
// called duidelijk; one with an interval that includes zero may be
// chance; for hours and aandachtspunten there is no interval to judge by.
func verschilTekst(r *Rapport, rs Reeks, v *eval.Verschil) string {
	var s strings.Builder
	s.WriteString(procentpunt(v.Procentpunten))
	if w, ok := waardeIn(r, rs, v.Sinds); ok {
		fmt.Fprintf(&s, " (%s: %s)", v.Sinds, eval.Percentage(w))
	} else {
		fmt.Fprintf(&s, " (sinds %s)", v.Sinds)
	}
	switch {
	case v.Duidelijk():
		s.WriteString(", een duidelijke " + richtingWoord(v.Procentpunten, rs.Indicator.Beter))
	case v.MetInterval:
		s.WriteString(", kan toeval zijn")
	}
	return s.String()
}

// trendTekst is the trend's verdict with its span: "verbetert sinds
// 2025-K1 (gemiddeld +2,2 procentpunt per kwartaal)", or why there is
// none.
func trendTekst(t eval.Trend, kwartaal kansrijk.Kwartaal) string {
	if t.Oordeel == eval.TrendTeWeinig || t.Oordeel == "" {
		switch t.Kwartalen {
		case 0:
			return "te weinig gegevens: geen kwartaal met een cijfer om te tonen"
		case 1:
			return "te weinig gegevens: één kwartaal met een cijfer om te tonen"
		}
		return fmt.Sprintf("te weinig gegevens: %d kwartalen met een cijfer om te tonen", t.Kwartalen)
	}
	s := t.Oordeel + " sinds " + t.Van.String()
	if t.Tot != kwartaal {
		s = fmt.Sprintf("%s van %s tot en met %s", t.Oordeel, t.Van, t.Tot)
	}
	if t.Oordeel != eval.TrendGeen {
		s += " (gemiddeld " + procentpunt(t.Helling) + " per kwartaal)"
	}
	return s
}

// streefTekst is the distance to the target: "bereikt, 1,2 procentpunt
// erboven" or "nog 3,8 procentpunt te gaan".
func streefTekst(st *eval.Streef) string {
	if !st.Bereikt {
		return "nog " + afstand(st.NogTeGaan) + " te gaan"
	}
	switch v := math.Round(st.Verschil*10) / 10; {
	case v > 0:
		return "bereikt, " + afstand(v) + " erboven"
	case v < 0:
		return "bereikt, " + afstand(v) + " eronder"
	}
	return "bereikt"
}

// vergelijkingTekst places the figure against the mean of the coalities:
// "hoger dan het gemiddelde van 4 coalities (64,0%), meer dan toeval kan
// verklaren".
func vergelijkingTekst(v *eval.Vergelijking) string {
	gem := fmt.Sprintf("het gemiddelde van %d coalities (%s)", v.Coalities, eval.Percentage(v.Gemiddelde))
	switch v.Oordeel {
	case eval.BovenGemiddelde:
		return "hoger dan " + gem + ", meer dan toeval kan verklaren"
	case eval.OnderGemiddelde:
		return "lager dan " + gem + ", meer dan toeval kan verklaren"
	case eval.ZoalsGemiddelde:
		return "niet te onderscheiden van " + gem
	}
	return v.Oordeel + " (" + gem + ")"
}

// beoordelingRegels are the lines beside an indicator's chart: the figure
// of the reporting kwartaal with its margin, the changes, the trend, the
// distance to the target and the comparison with the other coalities.
// For a figure that may not be shown only why, and the trend of the
// figures that may.
func beoordelingRegels(r *Rapport, rs Reeks, huidig int) []regel {
	if huidig < 0 || huidig >= len(r.Kwartalen) {
		return nil
	}
	kw := r.Kwartalen[huidig]
	b, ok := beoordelingOp(rs, huidig)
	if !ok {
		return []regel{{"In " + kw.String(), stand(cijferOp(rs.Coalitie, huidig))}}
	}
	if !b.Getoond {
		return []regel{
			{"In " + kw.String(), stand(cijferOp(rs.Coalitie, huidig))},
			{"Trend", trendTekst(b.Trend, kw)},
		}
	}
	rs2 := []regel{{"In " + kw.String(), waardeMetMarge(b)}}
	vergelijk := func(label string, v *eval.Verschil, q kansrijk.Kwartaal) {
		if v = verschilOp(r, rs, v); v != nil {
			rs2 = append(rs2, regel{label, verschilTekst(r, rs, v)})
		} else {
			rs2 = append(rs2, regel{label, "geen vergelijking: over " + q.String() + " is geen cijfer te tonen"})
		}
	}
	vergelijk("Vorig kwartaal", b.VorigKwartaal, kw.Add(-1))
	vergelijk("Een jaar eerder", b.VorigJaar, kw.Add(-4))
	rs2 = append(rs2, regel{"Trend", trendTekst(b.Trend, kw)})
	if b.Streef != nil {
		rs2 = append(rs2, regel{"Streefwaarde " + streefwaarde(b.Streef.Streefwaarde), streefTekst(b.Streef)})
	}
	if b.Vergelijking != nil {
		rs2 = append(rs2, regel{"Alle coalities", vergelijkingTekst(b.Vergelijking)})
	}
	return rs2
}

// trendKort is the trend's verdict alone, for the overview table.
func trendKort(rs Reeks, huidig int) string {
	b, ok := beoordelingOp(rs, huidig)
	if !ok || b.Trend.Oordeel == "" {
		return "—"
	}
	return b.Trend.Oordeel
}

// kwartaalTeken marks a kwartaal row that has a completeness note.
const kwartaalTeken = "*"

// volledigheidsNoot is the completeness note of the coalitie's figure in
// kwartaal i, "" when it adds nothing to the cell: only a missing or a
// corrected levering is worth a note; why a figure cannot be computed is
// already the cell's footnote.
func volledigheidsNoot(rs Reeks, i int) string {
	if i < 0 || i >= len(rs.Noten) {
		return ""
	}
	n := rs.Noten[i]
	if n.Tekst == "" || (len(n.Ontbrekend) == 0 && len(n.Gecorrigeerd) == 0) {
		return ""
	}
	return n.Tekst
}

// kwartaalNoten are the completeness notes of an indicator's table, each
// starting with its kwartaal.
func kwartaalNoten(r *Rapport, rs Reeks) []string {
	var ns []string
	for i, q := range r.Kwartalen {
		if t := volledigheidsNoot(rs, i); t != "" {
			ns = append(ns, q.String()+": "+t+".")
		}
	}
	return ns
}

// bevinding is a candidate for "In het kort": its text and how
// informative it is. Trends come first, then clear changes, then
// differences from the mean, then the target, then bare values.
type bevinding struct {
	gewicht  float64
	volgorde int
	tekst    string
}

// bevindingVoor is the most informative finding on one indicator, or
// false when its figure may not be shown and it has no trend either.
// Every number in it is one the report shows elsewhere.
func bevindingVoor(r *Rapport, rs Reeks, huidig int) (bevinding, bool) {
	kw := r.Kwartalen[huidig]
	naam := rs.Indicator.Naam
	b, ok := beoordelingOp(rs, huidig)
	if !ok {
		// Without eval's analysis only the figure itself.
		v, ok := toonbaar(cijferOp(rs.Coalitie, huidig))
		if !ok {
			return bevinding{}, false
		}
		return bevinding{tekst: fmt.Sprintf("%s: %s in %s.", naam, eval.Percentage(v), kw)}, true
	}

	// The target, as a clause after another finding or as one of its own.
	streefZin := ""
	if st := b.Streef; b.Getoond && st != nil {
		if st.Bereikt {
			streefZin = fmt.Sprintf(" De streefwaarde van %s is bereikt.", streefwaarde(st.Streefwaarde))
		} else {
			streefZin = fmt.Sprintf(" Tot de streefwaarde van %s is het nog %s.", streefwaarde(st.Streefwaarde), afstand(st.NogTeGaan))
		}
	}

	switch t := b.Trend; t.Oordeel {
	case eval.TrendVerbetert, eval.TrendVerslechtert, eval.TrendStijgt, eval.TrendDaalt:
		g := 40 + math.Abs(t.Helling)
		if t.Oordeel == eval.TrendVerslechtert {
			g += 5 // what needs attention first
		}
		s := fmt.Sprintf("%s %s sinds %s", naam, t.Oordeel, t.Van)
		v, okV := waardeIn(r, rs, t.Van)
		w, okW := waardeIn(r, rs, t.Tot)
		if okV && okW {
			s += fmt.Sprintf(": van %s in %s naar %s in %s", eval.Percentage(v), t.Van, eval.Percentage(w), t.Tot)
		}
		return bevinding{gewicht: g, tekst: s + "." + streefZin}, true
	}
	if !b.Getoond {
		return bevinding{}, false
	}

	// The larger of the clear changes.
	var d *eval.Verschil
	for _, v := range []*eval.Verschil{verschilOp(r, rs, b.VorigKwartaal), verschilOp(r, rs, b.VorigJaar)} {
		if v != nil && v.Duidelijk() && (d == nil || math.Abs(v.Procentpunten) > math.Abs(d.Procentpunten)) {
			d = v
		}
	}
	if d != nil {
		woord := "gestegen"
		if d.Procentpunten < 0 {
			woord = "gedaald"
		}
		s := fmt.Sprintf("%s is sinds %s duidelijk %s", naam, d.Sinds, woord)
		if w, ok := waardeIn(r, rs, d.Sinds); ok {
			s += fmt.Sprintf(": van %s naar %s in %s", eval.Percentage(w), eval.Percentage(b.Waarde), kw)
		}
		s += fmt.Sprintf(" (%s)", procentpunt(d.Procentpunten))
		if rs.Indicator.Beter != "" {
			s += ", een " + richtingWoord(d.Procentpunten, rs.Indicator.Beter)
		}
		return bevinding{gewicht: 30 + math.Abs(d.Procentpunten)/10, tekst: s + "." + streefZin}, true
	}

	if v := b.Vergelijking; v != nil && v.Oordeel != eval.ZoalsGemiddelde {
		kant := "boven"
		if v.Oordeel == eval.OnderGemiddelde {
			kant = "onder"
		}
		return bevinding{gewicht: 20, tekst: fmt.Sprintf("%s ligt met %s in %s %s het gemiddelde van de coalities (%s), meer dan toeval kan verklaren.",
			naam, eval.Percentage(b.Waarde), kw, kant, eval.Percentage(v.Gemiddelde))}, true
	}

	if st := b.Streef; st != nil {
		// A target reached or lost since the kwartaal before says more
		// than one that stays so.
		if vb, ok := beoordelingOp(rs, huidig-1); ok && vb.Getoond && vb.Streef != nil && vb.Streef.Bereikt != st.Bereikt {
			vorig := r.Kwartalen[huidig-1]
			if st.Bereikt {
				return bevinding{gewicht: 15, tekst: fmt.Sprintf("%s haalt in %s de streefwaarde van %s: %s, was %s in %s.",
					naam, kw, streefwaarde(st.Streefwaarde), eval.Percentage(b.Waarde), eval.Percentage(vb.Waarde), vorig)}, true
			}
			return bevinding{gewicht: 15, tekst: fmt.Sprintf("%s haalt in %s de streefwaarde van %s niet meer: %s, was %s in %s.",
				naam, kw, streefwaarde(st.Streefwaarde), eval.Percentage(b.Waarde), eval.Percentage(vb.Waarde), vorig)}, true
		}
		if st.Bereikt {
			return bevinding{gewicht: 4, tekst: fmt.Sprintf("%s haalt de streefwaarde van %s: %s in %s.",
				naam, streefwaarde(st.Streefwaarde), eval.Percentage(b.Waarde), kw)}, true
		}
		return bevinding{gewicht: 5, tekst: fmt.Sprintf("%s: %s in %s; tot de streefwaarde van %s is het nog %s.",
			naam, eval.Percentage(b.Waarde), kw, streefwaarde(st.Streefwaarde), afstand(st.NogTeGaan))}, true
	}
	return bevinding{tekst: fmt.Sprintf("%s: %s in %s.", naam, eval.Percentage(b.Waarde), kw)}, true
}

// bevindingen are the findings of "In het kort": at most five, the most
// informative first (trends, clear changes, differences from the mean of
// the coalities, the target), each naming the figures it rests on, and a
// last line on the indicators that cannot be shown. huidig is the
// reporting kwartaal's index in r.Kwartalen.
func bevindingen(r *Rapport, huidig int) []string {
	if len(r.Kwartalen) == 0 || len(r.Indicatoren) == 0 || huidig < 0 || huidig >= len(r.Kwartalen) {
		return []string{"Dit rapport bevat geen cijfers."}
	}
	kw := r.Kwartalen[huidig]
	var bs []bevinding
	verborgen := 0
	for i, rs := range r.Indicatoren {
		if _, ok := toonbaar(cijferOp(rs.Coalitie, huidig)); !ok {
			verborgen++
		}
		if b, ok := bevindingVoor(r, rs, huidig); ok {
			b.volgorde = i
			bs = append(bs, b)
		}
	}
	ruimte := 5
	if verborgen > 0 {
		ruimte-- // for the line about what is not shown
	}
	vraag := signaalBevinding(r)
	if vraag != "" {
		ruimte-- // for the question of the joint display
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].gewicht > bs[j].gewicht })
	var uit []string
	for _, b := range bs[:min(len(bs), ruimte)] {
		uit = append(uit, b.tekst)
	}
	if vraag != "" {
		uit = append(uit, vraag)
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

// Borging: the statuses of the aandachtspunten, in their order of
// progress. Niveau 0 is a blank status or a kwartaal without
// procesmonitor.
var borgingNiveaus = [...]string{"niet ingevuld", "Niet gestart", "In ontwikkeling", "Gerealiseerd", "Geborgd"}

// borgingNiveau places a procesmonitor status on that scale.
func borgingNiveau(s string) int {
	n := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for i, b := range borgingNiveaus[1:] {
		if n == strings.ToLower(b) {
			return i + 1
		}
	}
	return 0
}

// borgingKolom is the index in b.Kwartalen of kwartaal q, -1 when the
// coalitie sent no procesmonitor for it.
func borgingKolom(b *eval.BorgingCoalitie, q kansrijk.Kwartaal) int {
	for i, k := range b.Kwartalen {
		if k.Kwartaal == q {
			return i
		}
	}
	return -1
}

// borgingStreef is KS10's target in aandachtspunten (of 10), 0 without one.
func borgingStreef(r *Rapport) float64 {
	for _, rs := range r.Indicatoren {
		if rs.Indicator.Bron == kansrijk.BronProcesmonitor {
			return math.Round(rs.Indicator.Streefwaarde * 10)
		}
	}
	return 0
}

// borgingSamenvatting is the first line of the Borging section.
func borgingSamenvatting(r *Rapport) string {
	b := r.Borging
	if b == nil || len(b.Kwartalen) == 0 {
		return "Over deze kwartalen is geen procesmonitor van de coalitie ontvangen."
	}
	laatste := b.Kwartalen[len(b.Kwartalen)-1]
	var s strings.Builder
	if laatste.Kwartaal != r.Kwartaal {
		fmt.Fprintf(&s, "Over %s is geen procesmonitor ontvangen; de laatste is van %s. ", r.Kwartaal, laatste.Kwartaal)
	}
	werkwoord := "zijn"
	if laatste.Gerealiseerd == 1 {
		werkwoord = "is"
	}
	fmt.Fprintf(&s, "In %s %s %d van de 10 aandachtspunten gerealiseerd of geborgd", laatste.Kwartaal, werkwoord, laatste.Gerealiseerd)
	if st := borgingStreef(r); st > 0 {
		fmt.Fprintf(&s, "; de streefwaarde is %s", eval.Getal(st))
	}
	s.WriteString(".")
	if len(b.Kwartalen) > 1 {
		eerste := b.Kwartalen[0]
		fmt.Fprintf(&s, " In %s waren het er %d.", eerste.Kwartaal, eerste.Gerealiseerd)
	}
	return s.String()
}

// stilstaand are the aandachtspunten that have not moved for a year or
// more, in words: "Structurele financiering (punt 6) staat al 4 kwartalen
// op In ontwikkeling."
func stilstaand(b *eval.BorgingCoalitie) []string {
	if b == nil {
		return nil
	}
	var uit []string
	for _, p := range b.Punten {
		if !p.Vastgelopen || len(p.Status) == 0 {
			continue
		}
		status := borgingNiveaus[borgingNiveau(p.Status[len(p.Status)-1])]
		uit = append(uit, fmt.Sprintf("%s (punt %d) staat al %d kwartalen op %s.", p.Naam, p.Nr, p.Stilstand, status))
	}
	return uit
}

// geenStilstand is said when no aandachtspunt stands still.
const geenStilstand = "Geen aandachtspunt staat een jaar of langer stil."

// aantalOuders is the procesmonitor's count of betrokken ouders: it
// counts people, so 1 to 4 is "<5". "—" when it was not filled in.
func aantalOuders(n *int) string {
	if n == nil {
		return "—"
	}
	if kleinAantal(float64(*n)) {
		return "<5"
	}
	return eval.Getal(float64(*n))
}

// aantalOfStreep is a count that is not of people (partners,
// bijeenkomsten), "—" when it was not filled in.
func aantalOfStreep(n *int) string {
	if n == nil {
		return "—"
	}
	return eval.Getal(float64(*n))
}

// procesmonitorNoten explain the signs in the procesmonitor's table.
var procesmonitorNoten = []string{
	"<5: 1 tot en met 4 ouders; zo kleine aantallen tonen we niet precies.",
	"—: niet ingevuld in de procesmonitor, of geen procesmonitor ontvangen.",
}

// aanleverTeken is how a delivery status looks in the table and the
// legend. Each has a sign and words, so colour is never the only cue.
type aanleverTeken struct {
	Status eval.Aanleverstatus
	Teken  string
	Woord  string
	Uitleg string
}

var aanleverTekens = []aanleverTeken{
	{eval.Geleverd, "✓", "geleverd", "geleverd"},
	{eval.Gecorrigeerd, "✓*", "gecorrigeerd", "gecorrigeerd: een verbeterde levering verving de eerdere"},
	{eval.Ontbreekt, "×", "ontbreekt", "ontbreekt: geen levering ontvangen"},
}

func aanleverTekenVoor(s eval.Aanleverstatus) aanleverTeken {
	for _, t := range aanleverTekens {
		if t.Status == s {
			return t
		}
	}
	return aanleverTeken{Status: s, Teken: "?", Woord: string(s), Uitleg: string(s)}
}

// aanleverRaster is the delivery status as a grid: partners in the order
// of r.Aanleveringen, one cell per kwartaal of r.Kwartalen.
type aanleverRij struct {
	Partner string
	Cellen  []eval.Aanleverstatus
}

func aanleverRaster(r *Rapport) []aanleverRij {
	plek := map[kansrijk.Kwartaal]int{}
	for i, q := range r.Kwartalen {
		plek[q] = i
	}
	var rijen []aanleverRij
	for _, a := range r.Aanleveringen {
		i, ok := plek[a.Kwartaal]
		if !ok {
			continue
		}
		if len(rijen) == 0 || rijen[len(rijen)-1].Partner != a.Partner {
			rij := aanleverRij{Partner: a.Partner, Cellen: make([]eval.Aanleverstatus, len(r.Kwartalen))}
			for j := range rij.Cellen {
				rij.Cellen[j] = eval.Ontbreekt
			}
			rijen = append(rijen, rij)
		}
		rijen[len(rijen)-1].Cellen[i] = a.Status
	}
	return rijen
}

// aanleverSamenvatting says what is missing, naming partner and kwartaal.
func aanleverSamenvatting(r *Rapport) string {
	rijen := aanleverRaster(r)
	if len(rijen) == 0 {
		return "Er zijn geen leveringen van partners vastgelegd."
	}
	huidig := huidigIndex(r)
	var nu, eerder []string
	for _, rij := range rijen {
		var kws []string
		for i, s := range rij.Cellen {
			if s != eval.Ontbreekt {
				continue
			}
			if i == huidig {
				nu = append(nu, rij.Partner)
			} else {
				kws = append(kws, r.Kwartalen[i].String())
			}
		}
		if len(kws) > 0 {
			eerder = append(eerder, fmt.Sprintf("%s (%s)", rij.Partner, opsommen(kws)))
		}
	}
	var s strings.Builder
	if len(nu) == 0 {
		fmt.Fprintf(&s, "Over %s hebben alle %d partners aangeleverd.", r.Kwartaal, len(rijen))
	} else {
		fmt.Fprintf(&s, "Over %s ontbreekt nog de levering van %s.", r.Kwartaal, opsommen(nu))
	}
	if len(eerder) > 0 {
		fmt.Fprintf(&s, " Eerder ontbrak een levering van %s.", opsommen(eerder))
	}
	return s.String()
}

// kwartaalTekenUitleg explains kwartaalTeken under "Bronnen en werkwijze".
const kwartaalTekenUitleg = "bij een kwartaal: een opmerking over de levering, zoals een ontbrekende of een gecorrigeerde levering, staat onder de tabel."

// borgingIntro opens the Borging section.
const borgingIntro = "De procesmonitor volgt tien aandachtspunten die samen bepalen of de aanpak van de coalitie " +
	"blijft bestaan, ook na de looptijd van het programma. Elk kwartaal geeft de coalitie elk punt een status: " +
	"niet gestart, in ontwikkeling, gerealiseerd of geborgd. Indicator KS10 telt de punten die gerealiseerd of geborgd zijn."

// aanleverIntro opens the Aanleverstatus section.
const aanleverIntro = "Welke partner voor welk kwartaal gegevens heeft aangeleverd. Een ontbrekende levering betekent " +
	"dat de cijfers van dat kwartaal onvolledig of niet beschikbaar zijn; een gecorrigeerde levering vervangt de eerdere."
