package reports

import (
	"errors"
	"fmt"
	"io"

	"kansrijk/eval"
)

// ovPDF lays out the overview with the report's page setup, fonts,
// colours, tables and table of contents (pdfDoc); its Rapport carries
// only what those read: regio, kwartalen and date.
type ovPDF struct {
	*pdfDoc
	o *Overzicht
}

// WriteOverzichtPDF renders o as an A4 PDF. As in WritePDF the layout
// runs until the table of contents shows the pages the sections land on;
// the same Overzicht gives the same bytes.
func WriteOverzichtPDF(w io.Writer, o *Overzicht) error {
	if o == nil {
		return errors.New("pdf-overzicht: geen overzicht")
	}
	return pdfInPassen(w, fmt.Sprintf("pdf-overzicht %s", o.Kwartaal), func(vorige []pdfInhoud) *pdfDoc {
		p := newOverzichtPDF(o, vorige)
		p.schrijf()
		return p.pdfDoc
	})
}

func newOverzichtPDF(o *Overzicht, vorige []pdfInhoud) *ovPDF {
	r := &Rapport{Regio: o.Regio, Kwartaal: o.Kwartaal, Kwartalen: o.Kwartalen, Gemaakt: o.Gemaakt}
	p := &ovPDF{pdfDoc: newPDFDoc(r, vorige), o: o}
	p.f.SetTitle("Kansrijke Start — overzicht van alle coalities "+o.Kwartaal.String(), true)
	p.f.SetHeaderFuncMode(p.kopregel, true)
	p.f.SetFooterFunc(p.voetregel)
	return p
}

func (p *ovPDF) schrijf() {
	p.voorblad()
	p.inhoudsopgave()
	p.kort()
	for _, oi := range p.o.Indicatoren {
		p.indicator(oi)
	}
	p.werkwijze()
}

func (p *ovPDF) kopregel() {
	if p.f.PageNo() == 1 {
		return
	}
	w := p.breedte()
	p.font("", 8)
	p.tekstKleur(pdfGrijs)
	p.f.SetXY(pdfMarge, 11)
	p.f.CellFormat(w/2, 5, "Kansrijke Start · Overzicht van alle coalities", "", 0, "L", false, 0, "")
	p.f.CellFormat(w/2, 5, "Overzicht "+p.o.Kwartaal.String(), "", 0, "R", false, 0, "")
	p.lijnKleur(pdfLijn)
	p.f.SetLineWidth(0.3)
	p.f.Line(pdfMarge, 16.5, pdfMarge+w, 16.5)
}

func (p *ovPDF) voetregel() { p.voetregelMet(p.o.Gemaakt) }

func (p *ovPDF) voorblad() {
	o := p.o
	p.voorbladBegin("Kansrijke Start — overzicht van alle coalities")
	p.voorbladStreep()
	p.voorbladRijen(o.Kwartaal, o.Kwartalen, o.Regio)
	var namen []string
	for _, co := range o.Coalities {
		namen = append(namen, co.Naam)
	}
	p.voorbladRij("Coalities", opsommen(namen))
	if !o.Gemaakt.IsZero() {
		p.voorbladRij("Gemaakt op", pdfDatum(o.Gemaakt))
	}
	p.voorbladSlot("Dit overzicht zet de cijfers van alle coalities naast elkaar. Een rangorde staat er alleen " +
		"waar de verschillen groter zijn dan toeval. Kleine aantallen zijn afgeschermd, zodat niemand herkenbaar is. " +
		"Hoe de cijfers tot stand komen, staat achterin onder ‘Werkwijze’.")
}

// kort is the page with how to read the overview and, when it fits,
// the table of all indicators by coalitie.
func (p *ovPDF) kort() {
	f, o := p.f, p.o
	f.AddPage()
	p.kop(titelOverzichtKort)
	p.alinea(overzichtLeeswijzer)
	p.alinea(overzichtRangUitleg)
	f.Ln(2)
	if len(o.Indicatoren) == 0 {
		p.alinea("Dit overzicht bevat geen cijfers.")
		return
	}
	if len(o.Coalities) > overzichtKortMax {
		p.alinea("Er zijn te veel coalities voor één tabel; per indicator staan ze hierna onder elkaar.")
		return
	}
	p.subkop("Alle indicatoren in " + o.Kwartaal.String())
	w := p.breedte()
	const gem = 22.0
	kb := min(24, (w-56-gem)/float64(max(len(o.Coalities), 1)))
	kols := []pdfKolom{{"Indicator", w - gem - kb*float64(len(o.Coalities)), "L"}}
	for _, co := range o.Coalities {
		kols = append(kols, pdfKolom{co.Naam, kb, "R"})
	}
	kols = append(kols, pdfKolom{"Gemiddelde", gem, "R"})
	gebruikt := map[eval.Status]bool{}
	var rijen []pdfRij
	for _, r := range overzichtKort(o) {
		cel := []string{r.Code + "  " + r.Naam}
		for i, c := range r.Cijfers {
			cel = append(cel, kortCel(c, r.Oordelen[i]).String())
			gebruikt[c.Status] = true
		}
		rijen = append(rijen, pdfRij{Cellen: append(cel, r.Gemiddelde)})
	}
	p.tabel(kols, rijen)
	f.Ln(2)
	p.noot("", overzichtKortUitleg)
	p.noten(gebruikt)
}

// Layout of the small charts in mm.
const (
	ovGrafiekHoogte = 46.0
	ovGrafiekTussen = 6.0 // between two charts side by side
	ovAsLinks       = 10.0
	ovAsOnder       = 5.0
	ovTitel         = 7.0
)

// indicator writes one indicator on a page of its own: heading, the
// ranking, the table of coalities and the small charts.
func (p *ovPDF) indicator(oi OverzichtIndicator) {
	f, o := p.f, p.o
	f.AddPage()
	w := p.breedte()
	in := oi.Indicator
	p.indicatorKop(in, 16, 0, 8, overzichtToelichting(o, in))

	p.regelBlok(rangRegels(o, maakRangorde(o, oi)))
	f.Ln(4)

	// An empty column keeps the trend's words off the margin's numbers.
	kols := []pdfKolom{{"Coalitie", w - 20 - 28 - 5 - 45 - 36, "L"}, {o.Kwartaal.String(), 20, "R"}, {"Marge (95%)", 28, "R"},
		{"", 5, "L"}, {"Trend", 45, "L"}, {"Vergeleken met gemiddelde", 36, "L"}}
	gebruikt := map[eval.Status]bool{}
	var rijen []pdfRij
	for _, r := range overzichtRijen(o, oi) {
		gebruikt[r.Cijfer.Status] = true
		rijen = append(rijen, pdfRij{Cellen: []string{r.Coalitie, percentageCel(r.Cijfer).String(), r.Marge, "", r.Trend, r.Vergelijking}})
	}
	p.tabel(kols, rijen)
	f.Ln(2)
	p.noten(gebruikt)
	f.Ln(5)

	n := len(o.Kwartalen)
	titel := "Per coalitie"
	if n > 1 {
		titel += ", " + o.Kwartalen[0].String() + " tot en met " + o.Kwartalen[n-1].String()
	}
	p.subkop(titel)
	p.font("", 8)
	p.tekstKleur(pdfGrijs)
	uitleg := "Alle grafieken hebben dezelfde schaal. Lijn: het percentage per kwartaal; lichte band: de marge (95%-interval)"
	if in.Streefwaarde > 0 {
		uitleg += "; stippellijn: de streefwaarde"
	}
	f.MultiCell(0, 4, uitleg+". Waar de lijn onderbroken is, is er geen cijfer te tonen.", "", "L", false)
	f.Ln(3)

	top, stap := pdfAsSchaal(overzichtAs(o, oi))
	kolommen := 2
	if len(oi.Reeksen) > 4 {
		kolommen = 3
	}
	gw := (w - float64(kolommen-1)*ovGrafiekTussen) / float64(kolommen)
	var rij float64 // top of the current row of charts
	for j, rs := range oi.Reeksen {
		k := j % kolommen
		if k == 0 {
			if j > 0 {
				f.SetY(rij + ovGrafiekHoogte + 5)
			}
			p.houdBijElkaar(ovGrafiekHoogte)
			rij = f.GetY()
		}
		p.kleineGrafiek(pdfMarge+float64(k)*(gw+ovGrafiekTussen), rij, gw, ovGrafiekHoogte, coalitieNaam(o, j), rs, top, stap)
	}
	f.SetY(rij + ovGrafiekHoogte + 5)
}

// kleineGrafiek draws one coalitie's series in the box x, y, w, h on the
// shared axis 0..top: the shown figures as a line with points, the 95%
// intervals as a band (an error bar where a neighbour has none), the
// target dashed. A figure that may not be shown gets no point.
func (p *ovPDF) kleineGrafiek(x, y, w, h float64, naam string, rs Reeks, top, stap float64) {
	f, o := p.f, p.o
	n := len(o.Kwartalen)
	huidig := o.huidig()

	p.font("B", 9.5)
	p.tekstKleur(pdfTekst)
	f.SetXY(x, y)
	f.CellFormat(w*0.55, 5, f.inkorten(naam, w*0.55), "", 0, "L", false, 0, "")
	if v, i, ok := laatsteGetoond(rs, n); ok {
		label := eval.Percentage(v)
		if i != huidig {
			label += " in " + o.Kwartalen[i].String()
		}
		p.font("B", 9)
		p.tekstKleur(pdfTeal)
		f.SetXY(x+w*0.45, y)
		f.CellFormat(w*0.55, 5, label, "", 0, "R", false, 0, "")
	}

	px, py := x+ovAsLinks, y+ovTitel
	pw, ph := w-ovAsLinks-1, h-ovTitel-ovAsOnder
	xOf := func(i int) float64 {
		if n <= 1 {
			return px + pw/2
		}
		return px + 3 + (pw-6)*float64(i)/float64(n-1)
	}
	yOf := func(v float64) float64 { return py + ph - min(v, top)/top*ph }

	p.vlakKleur(pdfZacht)
	f.Rect(px, py, pw, ph, "F")

	// The band under everything, as in the report's charts.
	marges := make([]pdfInterval, n)
	for i := range marges {
		lo, hi, ok := interval(rs, i)
		marges[i] = pdfInterval{lo, hi, ok}
	}
	p.intervalBand(marges, xOf, yOf, 0.4, 0.9)

	p.font("", 6.5)
	f.SetLineWidth(0.15)
	for k := 0; float64(k)*stap <= top+1e-9; k++ {
		v := float64(k) * stap
		p.lijnKleur(pdfLijn)
		if k == 0 {
			p.lijnKleur(pdfGrijs)
		}
		f.Line(px, yOf(v), px+pw, yOf(v))
		p.tekstKleur(pdfGrijs)
		f.SetXY(x, yOf(v)-2)
		f.CellFormat(ovAsLinks-1.5, 4, fmt.Sprintf("%.0f%%", v*100), "", 0, "R", false, 0, "")
	}
	if n > 0 {
		// The first and the last kwartaal; the rest would crowd.
		for _, i := range []int{0, n - 1} {
			p.font("", 6.5)
			p.tekstKleur(pdfGrijs)
			uitlijn, lx := "L", xOf(i)-3
			if i == n-1 && n > 1 {
				uitlijn, lx = "R", xOf(i)-17
				if i == huidig {
					p.font("B", 6.5)
					p.tekstKleur(pdfTeal)
				}
			}
			f.SetXY(lx, py+ph+0.8)
			f.CellFormat(20, 3.5, o.Kwartalen[i].String(), "", 0, uitlijn, false, 0, "")
		}
	}

	if st := rs.Indicator.Streefwaarde; st > 0 && st <= top {
		p.lijnKleur(pdfStreef)
		f.SetLineWidth(0.35)
		f.SetDashPattern([]float64{1.2, 1}, 0)
		f.Line(px, yOf(st), px+pw, yOf(st))
		f.SetDashPattern(nil, 0)
	}

	punten := 0
	p.lijnKleur(pdfTeal)
	p.vlakKleur(pdfTeal)
	f.SetLineWidth(0.6)
	f.SetLineCapStyle("round")
	for i := range n {
		b, okB := toonbaar(cijferOp(rs.Coalitie, i))
		if !okB {
			continue
		}
		punten++
		if a, okA := toonbaar(cijferOp(rs.Coalitie, i-1)); okA && i > 0 {
			f.Line(xOf(i-1), yOf(a), xOf(i), yOf(b))
		}
	}
	f.SetLineCapStyle("butt")
	for i := range n {
		if v, ok := toonbaar(cijferOp(rs.Coalitie, i)); ok {
			f.Circle(xOf(i), yOf(v), 0.75, "F")
		}
	}
	if punten == 0 {
		const tekst = "Geen cijfer om te tonen: te kleine aantallen of niet aangeleverd."
		p.font("I", 7.5)
		h := float64(len(f.SplitText(tekst, pw-4))) * 4
		p.vlakKleur(pdfZacht) // over the grid and the target line
		f.Rect(px+1, py+ph/2-4-1, pw-2, h+2, "F")
		p.tekstKleur(pdfGrijs)
		f.SetXY(px+2, py+ph/2-4)
		f.MultiCell(pw-4, 4, tekst, "", "C", false)
	}
}

// werkwijze explains how the figures came about, as the reports do.
func (p *ovPDF) werkwijze() {
	p.f.AddPage()
	p.kop("Werkwijze")
	p.subkop("Cijfer van de coalitie")
	p.alinea("Het cijfer van een coalitie is de som van de tellers van al haar gemeenten, gedeeld door de som van de noemers. " +
		"Ontbreekt het cijfer van een van de gemeenten, dan is het cijfer van de coalitie niet beschikbaar.")
	p.subkop("Kleine aantallen")
	p.alinea(werkwijzeKleineAantallen)
	p.subkop("Marges, trends en vergelijkingen")
	p.alinea(werkwijzeMarges)
	p.subkop("Rangorde")
	p.alinea(overzichtRangUitleg)
	p.subkop("Tekens in de tabellen")
	for _, n := range noten {
		p.noot(n.Teken, n.Uitleg)
	}
	p.noot("", nietAangeleverd)
	p.noot("", "n.v.t.: geen vergelijking met het gemiddelde, want het cijfer telt geen personen.")
}
