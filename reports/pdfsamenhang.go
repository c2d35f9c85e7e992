package reports

import (
	"fmt"
	"strings"

	"kansrijk/stories"
)

// Colours of the tones, as in the HTML; they differ in lightness too,
// and the chart stacks them in a fixed order.
var pdfToonKleuren = map[string]pdfKleur{
	"negatief":      {170, 60, 45},
	"gemengd":       {224, 180, 92},
	"positief":      {47, 138, 148},
	"toon onbekend": {176, 182, 188},
}

// The question of a joint display stands apart in amber, the colour the
// report uses for what asks attention without being a figure.
var (
	pdfVraagVlak = pdfKleur{252, 243, 226}
	pdfVraagRand = pdfKleur{176, 118, 38}
)

// Layout of a joint display in mm.
const (
	pdfKolomGat    = 6.0 // between figures and stories
	pdfKolomPad    = 3.0 // inside a column
	pdfBlokje      = 3.6 // height of a tone block, at most
	pdfToonHoogte  = 22.0
	pdfCitaatRegel = 5.5
)

// samenhang writes "Tellen én vertellen": per theme the linked figures
// beside the stories, the quotes and the question to the coalitie.
func (d *pdfDoc) samenhang() {
	bs := samenhangBlokken(d.r)
	if len(bs) == 0 {
		return
	}
	d.paginaMetIntro(titelSamenhang, samenhangIntro)
	for i, b := range bs {
		d.samenhangBlok(b, i > 0)
	}
}

// pdfScheiding is the room a line between two blocks takes.
const pdfScheiding = 8.0

// scheiding starts a block that needs h mm kept together: after a thin
// line if there is room for both, else on a new page, so that no line
// is left alone at the foot of a page.
func (d *pdfDoc) scheiding(h float64, lijn bool) {
	f := d.f
	switch {
	case !lijn:
		d.houdBijElkaar(h)
	case !d.past(pdfScheiding + h):
		f.AddPage()
	default:
		f.Ln(2)
		d.lijnKleur(pdfLijn)
		f.SetLineWidth(0.3)
		f.Line(pdfMarge, f.GetY(), pdfMarge+d.breedte(), f.GetY())
		f.Ln(pdfScheiding - 2)
	}
}

// samenhangBlok writes one theme, after a line unless it is the first.
// The whole theme stays on one page when it fits on one; otherwise at
// least its heading and both columns do, and each quote and the question
// stay whole.
func (d *pdfDoc) samenhangBlok(b samenhangBlok, lijn bool) {
	f := d.f
	w := d.breedte()
	kw := (w - pdfKolomGat) / 2
	const kopHoogte = 9.0
	kolommen := max(d.cijferKolom(0, 0, kw, b, false), d.verhalenKolom(0, 0, kw, b, false))
	citaten := make([]float64, len(b.Citaten))
	totaal := kopHoogte + kolommen + 4
	for i, c := range b.Citaten {
		citaten[i] = d.citaat(c.Citaat, false)
		totaal += citaten[i]
	}
	vraag := 0.0
	if b.Signaal != "" {
		vraag = d.vraag(b.Signaal, false)
		totaal += vraag + 2
	}
	_, ph := f.GetPageSize()
	if totaal > ph-pdfBoven-pdfOnder {
		totaal = kopHoogte + kolommen
	}
	d.scheiding(totaal, lijn)

	d.blokKop(b.Thema)

	y := f.GetY()
	d.paneel(pdfMarge, y, kw, kolommen, pdfTeal)
	d.paneel(pdfMarge+kw+pdfKolomGat, y, kw, kolommen, pdfTeal)
	d.cijferKolom(pdfMarge, y, kw, b, true)
	d.verhalenKolom(pdfMarge+kw+pdfKolomGat, y, kw, b, true)
	f.SetXY(pdfMarge, y+kolommen+4)

	for i, c := range b.Citaten {
		d.houdBijElkaar(citaten[i])
		d.citaat(c.Citaat, true)
	}
	if b.Signaal != "" {
		d.houdBijElkaar(vraag)
		d.vraag(b.Signaal, true)
		f.Ln(2)
	}
}

// kolomKop is the small heading of a column; it returns its height.
func (d *pdfDoc) kolomKop(x, y, w float64, tekst string, teken bool) float64 {
	if teken {
		d.font("B", 8)
		d.tekstKleur(pdfTeal)
		d.f.SetXY(x, y)
		d.f.CellFormat(w, 4, strings.ToUpper(tekst), "", 0, "L", false, 0, "")
	}
	return 6
}

// tekstRegels writes lines of text at x, y in w mm in the current font and
// colour and returns their height; with teken false it only measures.
func (d *pdfDoc) tekstRegels(x, y, w, h float64, tekst string, teken bool) float64 {
	ls := d.f.SplitText(tekst, w)
	if teken {
		for i, s := range ls {
			d.f.SetXY(x, y+float64(i)*h)
			d.f.CellFormat(w, h, s, "", 0, "L", false, 0, "")
		}
	}
	return float64(len(ls)) * h
}

// paneel draws the shaded background of a column with a bar on its left.
func (d *pdfDoc) paneel(x, y, w, h float64, rand pdfKleur) {
	d.vlakKleur(pdfZacht)
	d.f.Rect(x, y, w, h, "F")
	d.vlakKleur(rand)
	d.f.Rect(x, y, 1.2, h, "F")
}

// cijferKolom writes the linked indicators in the column at x, y of
// width w and returns its height; with teken false it only measures.
func (d *pdfDoc) cijferKolom(x, y, w float64, b samenhangBlok, teken bool) float64 {
	x, w = x+pdfKolomPad+1, w-2*pdfKolomPad-1
	yy := y + pdfKolomPad
	yy += d.kolomKop(x, yy, w, "Wat de cijfers zeggen", teken)
	if len(b.Cijfers) == 0 {
		d.font("I", 9)
		d.tekstKleur(pdfGrijs)
		yy += d.tekstRegels(x, yy, w, 4.5, "Aan dit thema zijn geen indicatoren gekoppeld.", teken)
	}
	for i, c := range b.Cijfers {
		if i > 0 {
			yy += 2.5
		}
		d.font("B", 9.5)
		d.tekstKleur(pdfTekst)
		yy += d.tekstRegels(x, yy, w, 4.6, c.Code+" "+c.Naam, teken)
		d.font("", 9)
		d.tekstKleur(pdfTeal)
		yy += d.tekstRegels(x, yy, w, 4.4, "In "+d.r.Kwartaal.String()+": "+c.Stand, teken)
		d.font("", 8.5)
		d.tekstKleur(pdfGrijs)
		yy += d.tekstRegels(x, yy, w, 4.2, "Trend: "+c.Trend, teken)
	}
	return yy + pdfKolomPad - y
}

// verhalenKolom writes the story side: how many, their tone in words and
// the tone chart. It returns its height; with teken false it only
// measures.
func (d *pdfDoc) verhalenKolom(x, y, w float64, b samenhangBlok, teken bool) float64 {
	x, w = x+pdfKolomPad+1, w-2*pdfKolomPad-1
	yy := y + pdfKolomPad
	yy += d.kolomKop(x, yy, w, "Wat ouders vertellen", teken)
	const label = 17.0
	for _, rg := range b.Verhalen {
		d.font("", 8.5)
		d.tekstKleur(pdfGrijs)
		if teken {
			d.f.SetXY(x, yy)
			d.f.CellFormat(label, 4.5, rg.Label, "", 0, "L", false, 0, "")
		}
		d.font("", 9)
		d.tekstKleur(pdfTekst)
		yy += d.tekstRegels(x+label, yy, w-label, 4.5, rg.Tekst, teken) + 0.8
	}
	if len(b.Tonen) > 0 {
		yy += 2
		yy += d.toonGrafiek(x, yy, w, b, teken)
		d.font("", 7.5)
		d.tekstKleur(pdfGrijs)
		yy += d.tekstRegels(x, yy+1, w, 3.6, toonUitleg, teken) + 1
	}
	return yy + pdfKolomPad - y
}

// toonGrafiek draws the tone of a theme's stories per kwartaal as stacked
// blocks, each for one to five stories (toonBlokjes), so that the chart
// shows no count that verhalenTekst hides. Above a bar stands its number
// of stories by the same rule. It returns its height; with teken false it
// only measures.
func (d *pdfDoc) toonGrafiek(x, y, w float64, b samenhangBlok, teken bool) float64 {
	f := d.f
	soorten := toonSoortenVoor(b.Tonen)
	hoogste := 1
	for _, t := range b.Tonen {
		n := 0
		for _, s := range soorten {
			n += toonBlokjes(s.Aantal(t))
		}
		hoogste = max(hoogste, n)
	}
	blok := min(pdfBlokje, pdfToonHoogte/float64(hoogste))
	plot := blok * float64(max(hoogste, 3))
	const legenda, boven, onder = 5.0, 4.0, 8.0
	hoogte := legenda + boven + plot + onder
	if !teken {
		return hoogte
	}

	lx := x
	d.font("", 7)
	for _, s := range soorten {
		k := pdfToonKleuren[s.Naam]
		d.vlakKleur(k)
		f.Rect(lx, y+0.8, 2.6, 2.6, "F")
		d.tekstKleur(pdfTekst)
		f.SetXY(lx+3.2, y)
		f.CellFormat(f.GetStringWidth(s.Naam)+1, 4.2, s.Naam, "", 0, "L", false, 0, "")
		lx += 3.2 + f.GetStringWidth(s.Naam) + 4
	}

	n := len(b.Kwartalen)
	slot := w / float64(max(n, 1))
	bw := min(slot*0.62, 7)
	basis := y + legenda + boven + plot
	for i, t := range b.Tonen {
		cx := x + slot*(float64(i)+0.5)
		top := basis
		for _, s := range soorten {
			k := pdfToonKleuren[s.Naam]
			d.vlakKleur(k)
			for range toonBlokjes(s.Aantal(t)) {
				f.Rect(cx-bw/2, top-blok+0.25, bw, blok-0.5, "F")
				top -= blok
			}
		}
		if m := t.Fragmenten(); m > 0 {
			d.font("", 6.5)
			d.tekstKleur(pdfTekst)
			f.SetXY(cx-slot/2, top-boven)
			f.CellFormat(slot, boven, verhalenTekst(m), "", 0, "C", false, 0, "")
		}
		q := b.Kwartalen[i]
		d.font("", 6.5)
		d.tekstKleur(pdfGrijs)
		if q == d.r.Kwartaal {
			d.font("B", 6.5)
			d.tekstKleur(pdfTeal)
		}
		f.SetXY(cx-slot/2, basis+0.8)
		f.CellFormat(slot, 3.2, fmt.Sprintf("K%d", q.K), "", 0, "C", false, 0, "")
		// The year once, under its first kwartaal in the chart.
		if i == 0 || q.K == 1 {
			d.font("", 6.5)
			d.tekstKleur(pdfGrijs)
			f.SetXY(cx-slot/2, basis+4)
			f.CellFormat(slot, 3.2, fmt.Sprint(q.Jaar), "", 0, "C", false, 0, "")
		}
	}
	d.lijnKleur(pdfGrijs)
	f.SetLineWidth(0.2)
	f.Line(x, basis, x+w, basis)
	return hoogte
}

// citaat writes a quote with its source over the full width and returns
// its height; with teken false it only measures.
func (d *pdfDoc) citaat(c stories.Citaat, teken bool) float64 {
	f := d.f
	const in = 7.0
	w := d.breedte() - in
	tekst := aanhalen(c.Tekst)
	d.font("I", 10.5)
	h := float64(len(f.SplitText(tekst, w))) * pdfCitaatRegel
	herkomst := "— " + strings.Join(keuzeHerkomst(c), ", ")
	d.font("", 8.5)
	hh := float64(len(f.SplitText(herkomst, w))) * 4.5
	if !teken {
		return h + hh + 5
	}
	y := f.GetY()
	d.vlakKleur(pdfVlak)
	f.Rect(pdfMarge, y+0.5, 1.6, h+hh, "F")
	d.font("I", 10.5)
	d.tekstKleur(pdfTekst)
	d.tekstRegels(pdfMarge+in, y, w, pdfCitaatRegel, tekst, true)
	d.font("", 8.5)
	d.tekstKleur(pdfGrijs)
	d.tekstRegels(pdfMarge+in, y+h+0.5, w, 4.5, herkomst, true)
	f.SetXY(pdfMarge, y+h+hh+5)
	return h + hh + 5
}

// vraag writes the question of a joint display in its own box, headed as
// a question to the coalitie. It returns its height; with teken false it
// only measures.
func (d *pdfDoc) vraag(tekst string, teken bool) float64 {
	f := d.f
	w := d.breedte()
	const pad, in = 3.5, 12.0
	d.font("", 10)
	h := pad + 5.5 + float64(len(f.SplitText(tekst, w-in-pad)))*5 + pad
	if !teken {
		return h
	}
	y := f.GetY()
	d.vlakKleur(pdfVraagVlak)
	f.Rect(pdfMarge, y, w, h, "F")
	d.vlakKleur(pdfVraagRand)
	f.Rect(pdfMarge, y, 1.2, h, "F")
	// A question mark in a circle, drawn: it reads without colour too.
	d.lijnKleur(pdfVraagRand)
	f.SetLineWidth(0.5)
	f.Circle(pdfMarge+6.5, y+pad+3, 3, "D")
	d.font("B", 10)
	d.tekstKleur(pdfVraagRand)
	f.SetXY(pdfMarge+3.5, y+pad)
	f.CellFormat(6, 6, "?", "", 0, "C", false, 0, "")
	d.font("B", 9.5)
	d.tekstKleur(pdfTekst)
	f.SetXY(pdfMarge+in, y+pad)
	f.CellFormat(w-in-pad, 5, signaalKop, "", 0, "L", false, 0, "")
	d.font("", 10)
	d.tekstRegels(pdfMarge+in, y+pad+5.5, w-in-pad, 5, tekst, true)
	f.SetXY(pdfMarge, y+h)
	return h
}

// personas writes a page per persona of the coalitie, several to a page
// when they fit, each kept whole.
func (d *pdfDoc) personas() {
	ps := personaBlokken(d.r)
	if len(ps) == 0 {
		return
	}
	d.paginaMetIntro(titelPersonas, personaIntro)
	for i, p := range ps {
		d.persona(p, i > 0)
	}
}

// Layout of a persona in mm.
const (
	pdfPersonaLabel = 40.0
	pdfPersonaRegel = 4.8
)

// persona writes one persona, kept whole, after a line unless it is the
// first.
func (d *pdfDoc) persona(p personaBlok, lijn bool) {
	f := d.f
	w := d.breedte()
	tw := w - pdfPersonaLabel - 2*pdfBlokPad - 2
	d.font("B", 13.5)
	kop := float64(len(f.SplitText(p.Naam, w)))*7 + 2
	blok := 2 * pdfBlokPad
	d.font("", 9.5)
	for _, rg := range p.Regels {
		blok += float64(len(f.SplitText(rg.Tekst, tw)))*pdfPersonaRegel + 1
	}
	totaal := kop + blok + 4
	if p.Citaat != nil {
		totaal += d.citaat(*p.Citaat, false)
	}
	if p.Zie != "" {
		totaal += 7
	}
	if p.Bron != "" {
		totaal += 5
	}
	d.scheiding(totaal, lijn)

	d.blokKop(p.Naam)

	y := f.GetY()
	d.paneel(pdfMarge, y, w, blok, pdfTeal)
	x := pdfMarge + pdfBlokPad + 1
	yy := y + pdfBlokPad
	for _, rg := range p.Regels {
		d.font("", 8.5)
		d.tekstKleur(pdfGrijs)
		f.SetXY(x, yy)
		f.CellFormat(pdfPersonaLabel, pdfPersonaRegel, rg.Label, "", 0, "L", false, 0, "")
		d.font("", 9.5)
		d.tekstKleur(pdfTekst)
		yy += d.tekstRegels(x+pdfPersonaLabel, yy, tw, pdfPersonaRegel, rg.Tekst, true) + 1
	}
	f.SetXY(pdfMarge, y+blok+4)
	if p.Citaat != nil {
		d.citaat(*p.Citaat, true)
	}
	if p.Zie != "" {
		d.font("I", 9)
		d.tekstKleur(pdfGrijs)
		f.MultiCell(0, 4.5, p.Zie, "", "L", false)
		f.Ln(2.5)
	}
	if p.Bron != "" {
		d.font("", 8)
		d.tekstKleur(pdfGrijs)
		f.MultiCell(0, 4, p.Bron, "", "L", false)
		f.Ln(1)
	}
}

// blokKop writes the heading of a theme or persona block, a section of
// level 1.
func (d *pdfDoc) blokKop(titel string) {
	d.font("B", 13.5)
	d.tekstKleur(pdfTeal)
	d.sectie(titel, 1)
	d.f.MultiCell(0, 7, titel, "", "L", false)
	d.f.Ln(2)
}
