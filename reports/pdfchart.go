package reports

import (
	"fmt"
	"math"

	"codeberg.org/go-pdf/fpdf"

	"kansrijk/eval"
)

// pdfSerie is one line of a chart.
type pdfSerie struct {
	naam    string
	kleur   pdfKleur
	dikte   float64 // line width
	straal  float64 // point radius
	cijfers []eval.Cijfer
}

// Muted colours for the gemeenten, distinct from the coalitie's teal and
// from the target's amber.
var pdfGemeenteKleuren = []pdfKleur{
	{70, 126, 178}, {186, 100, 84}, {124, 96, 160}, {112, 138, 62}, {120, 120, 120},
}

// The coalitie's interval: a light tint of its teal, and a little darker
// for a lone error bar.
var (
	pdfBand     = pdfKleur{205, 228, 231}
	pdfBandRand = pdfKleur{120, 170, 176}
)

// Chart layout in mm.
const (
	pdfAsLinks   = 13.0 // room for the y-axis labels
	pdfAsRechts  = 19.0 // room for the target label
	pdfAsOnder   = 8.0  // room for the kwartaal labels
	pdfBinnenPad = 5.0  // keeps the first and last point off the frame
)

// grafiek draws rs as a vector line chart in the box x, y, w, h: the
// coalitie's percentage per kwartaal, thinner lines for its gemeenten and
// a dashed target line. Figures the report may not show get no point, so
// the line breaks there instead of suggesting a value.
func (d *pdfDoc) grafiek(x, y, w, h float64, rs Reeks) {
	f := d.f
	series := make([]pdfSerie, 0, len(rs.Gemeenten)+1)
	if len(rs.Gemeenten) > 1 {
		for i, g := range rs.Gemeenten {
			series = append(series, pdfSerie{g.Gemeente, pdfGemeenteKleuren[i%len(pdfGemeenteKleuren)], 0.35, 0.6, g.Cijfers})
		}
	}
	naam := d.r.Coalitie.Naam
	if len(series) > 0 {
		naam += " (coalitie)"
	}
	// The coalitie goes last so that it is drawn on top.
	series = append(series, pdfSerie{naam, pdfTeal, 0.8, 1.0, rs.Coalitie})
	streef := rs.Indicator.Streefwaarde

	// The coalitie's 95% intervals, only where eval gives one for a
	// figure that may be shown.
	n := len(d.r.Kwartalen)
	marges := make([]pdfInterval, n)
	band := false
	for i := range marges {
		lo, hi, ok := interval(rs, i)
		marges[i] = pdfInterval{lo, hi, ok}
		band = band || ok
	}

	top := y
	if len(series) > 1 || band {
		top += d.legenda(x+pdfAsLinks, y, w-pdfAsLinks, series, streef > 0, band) + 2
	}
	px, py := x+pdfAsLinks, top+2
	pw, ph := w-pdfAsLinks-pdfAsRechts, y+h-pdfAsOnder-py

	xOf := func(i int) float64 {
		if n <= 1 {
			return px + pw/2
		}
		return px + pdfBinnenPad + (pw-2*pdfBinnenPad)*float64(i)/float64(n-1)
	}

	hoogste, punten := streef, 0
	for _, m := range marges {
		if m.ok {
			hoogste = max(hoogste, m.hi)
		}
	}
	for _, s := range series {
		for i := range n {
			if v, ok := toonbaar(cijferOp(s.cijfers, i)); ok {
				hoogste = max(hoogste, v)
				punten++
			}
		}
	}
	asTop, stap := pdfAsSchaal(hoogste)
	yOf := func(v float64) float64 { return py + ph - v/asTop*ph }

	// The band goes first, so that grid lines stay visible through it.
	// Where neighbouring figures both have an interval the band joins
	// them; a lone one gets an error bar.
	d.intervalBand(marges, xOf, yOf, 0.5, 1.2)

	// Grid and y-axis labels.
	d.font("", 7)
	d.tekstKleur(pdfGrijs)
	f.SetLineWidth(0.2)
	for k := 0; k <= int(math.Round(asTop/stap)); k++ {
		v := float64(k) * stap
		yy := yOf(v)
		d.lijnKleur(pdfLijn)
		if k == 0 {
			d.lijnKleur(pdfGrijs)
		}
		f.Line(px, yy, px+pw, yy)
		f.SetXY(x, yy-2)
		f.CellFormat(pdfAsLinks-2, 4, fmt.Sprintf("%.0f%%", v*100), "", 0, "R", false, 0, "")
	}

	// Kwartaal labels; with many kwartalen only every k-th, always
	// including the reporting kwartaal at the end.
	if n > 0 {
		elke := 1
		if n > 1 {
			tussen := (pw - 2*pdfBinnenPad) / float64(n-1)
			for tussen*float64(elke) < f.GetStringWidth("2026-K3")+2 {
				elke++
			}
		}
		for i, q := range d.r.Kwartalen {
			if (n-1-i)%elke != 0 {
				continue
			}
			d.font("", 7)
			d.tekstKleur(pdfGrijs)
			if i == d.huidig {
				d.font("B", 7)
				d.tekstKleur(pdfTeal)
			}
			f.SetXY(xOf(i)-10, py+ph+1.5)
			f.CellFormat(20, 4, q.String(), "", 0, "C", false, 0, "")
		}
	}

	if streef > 0 {
		d.streefLijn(px, pw, yOf(streef), streefwaarde(streef))
	}

	if punten == 0 {
		d.font("I", 8.5)
		d.tekstKleur(pdfGrijs)
		f.SetXY(px, py+ph/2-6)
		f.MultiCell(pw, 4.5, "Geen cijfers om te tonen: de aantallen zijn te klein of de cijfers zijn niet aangeleverd.", "", "C", false)
		return
	}

	for _, s := range series {
		d.lijnKleur(s.kleur)
		d.vlakKleur(s.kleur)
		f.SetLineWidth(s.dikte)
		f.SetLineCapStyle("round")
		for i := 1; i < n; i++ {
			a, okA := toonbaar(cijferOp(s.cijfers, i-1))
			b, okB := toonbaar(cijferOp(s.cijfers, i))
			if okA && okB {
				f.Line(xOf(i-1), yOf(a), xOf(i), yOf(b))
			}
		}
		f.SetLineCapStyle("butt")
		for i := range n {
			if v, ok := toonbaar(cijferOp(s.cijfers, i)); ok {
				f.Circle(xOf(i), yOf(v), s.straal, "F")
			}
		}
	}

	// Label the coalitie's latest shown value, on a white patch so that
	// grid and target lines do not run through it.
	for i := n - 1; i >= 0; i-- {
		v, ok := toonbaar(cijferOp(rs.Coalitie, i))
		if !ok {
			continue
		}
		label := eval.Percentage(v)
		d.font("B", 7.5)
		lw := f.GetStringWidth(label) + 1.6
		ly := yOf(v) - 6.5
		if ly < py {
			ly = yOf(v) + 2.5
		}
		lx := min(max(xOf(i)-lw/2, px), px+pw-lw)
		f.SetFillColor(255, 255, 255)
		f.Rect(lx, ly, lw, 4, "F")
		d.tekstKleur(pdfTeal)
		f.SetXY(lx, ly)
		f.CellFormat(lw, 4, label, "", 0, "C", false, 0, "")
		break
	}
}

// legenda draws the chart's legend in one or more rows from x, y within
// width w and returns its height.
func (d *pdfDoc) legenda(x, y, w float64, series []pdfSerie, streef, band bool) float64 {
	f := d.f
	const staal, rij = 7.0, 5.0 // sample line length, row height
	type item struct {
		naam  string
		kleur pdfKleur
		dikte float64
		stip  bool
		vlak  bool
	}
	var items []item
	// The coalitie first: it is the figure the report is about.
	last := series[len(series)-1]
	items = append(items, item{naam: last.naam, kleur: last.kleur, dikte: last.dikte})
	if band {
		items = append(items, item{naam: "95%-interval (marge)", kleur: pdfBand, vlak: true})
	}
	for _, s := range series[:len(series)-1] {
		items = append(items, item{naam: s.naam, kleur: s.kleur, dikte: s.dikte})
	}
	if streef {
		items = append(items, item{naam: "streefwaarde", kleur: pdfStreef, dikte: 0.4, stip: true})
	}

	d.font("", 7.5)
	cx, cy := x, y
	for _, it := range items {
		iw := staal + 1.5 + f.GetStringWidth(it.naam) + 6
		if cx > x && cx+iw > x+w {
			cx, cy = x, cy+rij
		}
		if it.vlak {
			d.vlakKleur(it.kleur)
			f.Rect(cx, cy+rij/2-1.5, staal, 3, "F")
		} else {
			d.lijnKleur(it.kleur)
			f.SetLineWidth(it.dikte)
			if it.stip {
				f.SetDashPattern([]float64{1.6, 1.2}, 0)
			}
			f.Line(cx, cy+rij/2, cx+staal, cy+rij/2)
			f.SetDashPattern(nil, 0)
		}
		d.tekstKleur(pdfTekst)
		f.SetXY(cx+staal+1.5, cy)
		f.CellFormat(iw-staal-1.5, rij, it.naam, "", 0, "L", false, 0, "")
		cx += iw
	}
	return cy + rij - y
}

// pdfAsSchaal picks the top of the y-axis and the step between grid
// lines: at most five steps, a little headroom above the highest value,
// never above 100%. The axis starts at 0% so that changes are not
// exaggerated.
func pdfAsSchaal(hoogste float64) (top, stap float64) {
	v := min(max(hoogste, 0.05)*1.1, 1)
	for _, s := range []float64{0.01, 0.02, 0.05, 0.1, 0.2, 0.25} {
		if k := math.Ceil(v/s - 1e-9); k <= 5 {
			return min(k*s, 1), s
		}
	}
	return 1, 0.25
}

// streefLijn draws the dashed target line at height yy across the plot
// from px, pw wide, labelled in the right margin with waarde.
func (d *pdfDoc) streefLijn(px, pw, yy float64, waarde string) {
	f := d.f
	d.lijnKleur(pdfStreef)
	f.SetLineWidth(0.4)
	f.SetDashPattern([]float64{1.6, 1.2}, 0)
	f.Line(px, yy, px+pw, yy)
	f.SetDashPattern(nil, 0)
	d.font("", 6.5)
	d.tekstKleur(pdfStreef)
	f.SetXY(px+pw+1, yy-3.5)
	f.CellFormat(pdfAsRechts-1, 3.5, "streefwaarde", "", 2, "L", false, 0, "")
	d.font("B", 6.5)
	f.CellFormat(pdfAsRechts-1, 3.5, waarde, "", 0, "L", false, 0, "")
}

// pdfInterval is a figure's 95% interval; ok is false where there is none
// to show.
type pdfInterval struct {
	lo, hi float64
	ok     bool
}

// intervalBand draws the intervals of a series: where neighbouring
// figures both have one a band joins them, a lone one gets an error bar
// drawn dikte wide with whiskers snor to either side.
func (d *pdfDoc) intervalBand(marges []pdfInterval, xOf func(int) float64, yOf func(float64) float64, dikte, snor float64) {
	f, n := d.f, len(marges)
	d.vlakKleur(pdfBand)
	for i := 1; i < n; i++ {
		a, b := marges[i-1], marges[i]
		if a.ok && b.ok {
			f.Polygon([]fpdf.PointType{
				{X: xOf(i - 1), Y: yOf(a.hi)}, {X: xOf(i), Y: yOf(b.hi)},
				{X: xOf(i), Y: yOf(b.lo)}, {X: xOf(i - 1), Y: yOf(a.lo)},
			}, "F")
		}
	}
	for i, m := range marges {
		if !m.ok || (i > 0 && marges[i-1].ok) || (i+1 < n && marges[i+1].ok) {
			continue
		}
		d.lijnKleur(pdfBandRand)
		f.SetLineWidth(dikte)
		f.Line(xOf(i), yOf(m.lo), xOf(i), yOf(m.hi))
		f.Line(xOf(i)-snor, yOf(m.lo), xOf(i)+snor, yOf(m.lo))
		f.Line(xOf(i)-snor, yOf(m.hi), xOf(i)+snor, yOf(m.hi))
	}
}
