package reports

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/bestand"
	"kansrijk/eval"
)

// Font family and layout in mm (A4 portrait).
const (
	pdfFont   = "Go"
	pdfMarge  = 20.0 // left and right
	pdfBoven  = 24.0 // top; leaves room for the header line
	pdfOnder  = 20.0 // bottom; leaves room for the footer
	pdfRegel  = 5.0  // line height of body text
	pdfTabel  = 5.0  // line height inside table cells
	pdfCelPad = 1.2  // vertical padding of a table cell
)

type pdfKleur struct{ R, G, B int }

// A calm palette: dark teal for structure, grey for secondary text.
var (
	pdfTeal   = pdfKleur{16, 87, 96}
	pdfTekst  = pdfKleur{38, 45, 52}
	pdfGrijs  = pdfKleur{108, 117, 125}
	pdfLijn   = pdfKleur{214, 221, 225}
	pdfVlak   = pdfKleur{232, 242, 243}
	pdfZacht  = pdfKleur{246, 249, 249}
	pdfStreef = pdfKleur{176, 118, 38}
)

var pdfMaanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december"}

// pdfDoc carries the document being built and the report it shows.
type pdfDoc struct {
	f *pdfPen
	r *Rapport
	// huidig is the index of r.Kwartaal in r.Kwartalen.
	huidig int
	// inhoud records the sections as they are laid out; vorige is the
	// record of the previous pass, from which the table of contents takes
	// its page numbers, and links their link ids.
	inhoud, vorige []pdfInhoud
	links          []int
}

// pdfInhoud is one line of the table of contents.
type pdfInhoud struct {
	Titel  string
	Niveau int // 0 a section, 1 an indicator
	Pagina int
}

// WritePDF renders r as an A4 PDF report for bestuurders. The output
// depends only on r: the same Rapport gives the same bytes.
//
// The table of contents comes right after the cover, but fpdf writes
// pages in order and cannot go back. So the report is laid out more than
// once: the first pass leaves the contents page empty and records on
// which page each section starts; the next pass prints those pages in the
// contents. The contents page is there in every pass, so the sections
// land on the same pages; should the contents need more pages than the
// pass before gave it, one more pass settles it.
func WritePDF(w io.Writer, r *Rapport) error {
	if r == nil {
		return errors.New("pdf-rapport: geen rapport")
	}
	return pdfInPassen(w, fmt.Sprintf("pdf-rapport %s %s", r.Coalitie.Naam, r.Kwartaal), func(vorige []pdfInhoud) *pdfDoc {
		d := newPDFDoc(r, vorige)
		d.schrijf()
		return d
	})
}

// pdfInPassen lays a document out with pass, at most four times, until
// its table of contents matches the pass before (see WritePDF), and
// writes the last pass to w. Errors are bestand.Fouten that name wat,
// without fpdf's English.
func pdfInPassen(w io.Writer, wat string, pass func(vorige []pdfInhoud) *pdfDoc) error {
	var d *pdfDoc
	var vorige []pdfInhoud
	for range 4 {
		d = pass(vorige)
		if err := d.f.Error(); err != nil {
			return &bestand.Fout{Wat: "het opmaken van de PDF (" + wat + ")", Err: err}
		}
		if vorige != nil && slices.Equal(vorige, d.inhoud) {
			break
		}
		vorige = d.inhoud
	}
	if err := d.f.Output(w); err != nil {
		return &bestand.Fout{Wat: "het schrijven van de PDF (" + wat + ")", Err: err}
	}
	return nil
}

// schrijf lays out the whole report.
func (d *pdfDoc) schrijf() {
	d.voorblad()
	d.inhoudsopgave()
	d.inHetKort()
	for i, rs := range d.r.Indicatoren {
		d.indicator(rs, i == 0)
	}
	d.borging()
	d.samenhang()
	d.personas()
	d.citaten()
	d.aanleverstatus()
	d.bronnen()
}

func newPDFDoc(r *Rapport, vorige []pdfInhoud) *pdfDoc {
	f := newPDFPen()
	d := &pdfDoc{f: f, r: r, huidig: huidigIndex(r), vorige: vorige}

	// fpdf falls back to time.Now for a zero date, which would make the
	// output differ between runs.
	gemaakt := r.Gemaakt
	if gemaakt.IsZero() {
		gemaakt = r.Kwartaal.End()
	}
	f.SetCreationDate(gemaakt)
	f.SetModificationDate(gemaakt)
	f.SetCatalogSort(true)

	f.SetTitle(fmt.Sprintf("Kansrijke Start — evaluatierapport %s %s", r.Coalitie.Naam, r.Kwartaal), true)
	f.SetSubject("Monitoring en evaluatie Kansrijke Start", true)
	f.SetCreator("kansrijk", true)
	f.SetLang("nl")

	f.SetMargins(pdfMarge, pdfBoven, pdfMarge)
	f.SetAutoPageBreak(true, pdfOnder)
	f.AliasNbPages("{nb}")
	f.SetHeaderFuncMode(d.kopregel, true)
	f.SetFooterFunc(d.voetregel)
	return d
}

// breedte is the width between the margins.
func (d *pdfDoc) breedte() float64 {
	w, _ := d.f.GetPageSize()
	return w - 2*pdfMarge
}

func (d *pdfDoc) font(stijl string, pt float64) { d.f.SetFont(pdfFont, stijl, pt) }
func (d *pdfDoc) tekstKleur(k pdfKleur)         { d.f.SetTextColor(k.R, k.G, k.B) }
func (d *pdfDoc) lijnKleur(k pdfKleur)          { d.f.SetDrawColor(k.R, k.G, k.B) }
func (d *pdfDoc) vlakKleur(k pdfKleur)          { d.f.SetFillColor(k.R, k.G, k.B) }

// past reports whether h mm still fit on the page above the footer.
func (d *pdfDoc) past(h float64) bool {
	_, ph := d.f.GetPageSize()
	return d.f.GetY()+h <= ph-pdfOnder
}

// houdBijElkaar starts a new page unless h mm fit on this one, so that
// a heading never ends up alone at the bottom of a page.
func (d *pdfDoc) houdBijElkaar(h float64) {
	if !d.past(h) {
		d.f.AddPage()
	}
}

func (d *pdfDoc) kopregel() {
	if d.f.PageNo() == 1 {
		return // the cover has no header
	}
	w := d.breedte()
	d.font("", 8)
	d.tekstKleur(pdfGrijs)
	d.f.SetXY(pdfMarge, 11)
	rechts := "Evaluatierapport " + d.r.Kwartaal.String()
	rw := d.f.GetStringWidth(rechts) + 2
	links := "Kansrijke Start"
	if d.r.Coalitie.Naam != "" {
		links += " · " + d.r.Coalitie.Naam
	}
	links = d.f.inkorten(links, w-rw-4)
	d.f.CellFormat(w-rw, 5, links, "", 0, "L", false, 0, "")
	d.f.CellFormat(rw, 5, rechts, "", 0, "R", false, 0, "")
	d.lijnKleur(pdfLijn)
	d.f.SetLineWidth(0.3)
	d.f.Line(pdfMarge, 16.5, pdfMarge+w, 16.5)
}

func (d *pdfDoc) voetregel() { d.voetregelMet(d.r.Gemaakt) }

// voetregelMet writes the footer of every page but the cover: the page
// number and, if known, the date gemaakt.
func (d *pdfDoc) voetregelMet(gemaakt time.Time) {
	if d.f.PageNo() == 1 {
		return
	}
	_, ph := d.f.GetPageSize()
	w := d.breedte()
	d.font("", 8)
	d.tekstKleur(pdfGrijs)
	d.f.SetXY(pdfMarge, ph-13)
	// Left-aligned: the width of the {nb} alias is not that of the number
	// that replaces it, so right alignment would be off.
	d.f.CellFormat(w/2, 5, fmt.Sprintf("Pagina %d van {nb}", d.f.PageNo()), "", 0, "L", false, 0, "")
	if !gemaakt.IsZero() {
		d.f.CellFormat(w/2, 5, "Gemaakt op "+pdfDatum(gemaakt), "", 0, "R", false, 0, "")
	}
}

// sectie records that a section starts here: in the PDF's outline, in
// the table of contents, and as the target of its line there.
func (d *pdfDoc) sectie(titel string, niveau int) {
	d.f.Bookmark(titel, niveau, -1)
	if i := len(d.inhoud); i < len(d.links) {
		d.f.SetLink(d.links[i], -1, -1)
	}
	d.inhoud = append(d.inhoud, pdfInhoud{Titel: titel, Niveau: niveau, Pagina: d.f.PageNo()})
}

// kop starts a section: a large heading, also in the outline and the
// table of contents.
func (d *pdfDoc) kop(tekst string) {
	d.font("B", 18)
	d.tekstKleur(pdfTeal)
	d.sectie(tekst, 0)
	d.f.MultiCell(0, 9, tekst, "", "L", false)
	d.f.Ln(3)
}

func (d *pdfDoc) subkop(tekst string) {
	d.houdBijElkaar(20)
	d.font("B", 11.5)
	d.tekstKleur(pdfTeal)
	d.f.MultiCell(0, 6, tekst, "", "L", false)
	d.f.Ln(1)
}

func (d *pdfDoc) alinea(tekst string) {
	d.font("", 10)
	d.tekstKleur(pdfTekst)
	d.f.MultiCell(0, pdfRegel, tekst, "", "L", false)
	d.f.Ln(2)
}

// opsomming writes a bulleted list; each item wraps under its own text.
func (d *pdfDoc) opsomming(items []string) {
	d.font("", 10.5)
	d.tekstKleur(pdfTekst)
	in := 6.0
	for _, it := range items {
		d.houdBijElkaar(2 * 5.5)
		y := d.f.GetY()
		d.tekstKleur(pdfTeal)
		d.f.SetXY(pdfMarge+1, y)
		d.f.CellFormat(in-1, 5.5, "•", "", 0, "L", false, 0, "")
		d.tekstKleur(pdfTekst)
		d.f.SetXY(pdfMarge+in, y)
		d.f.MultiCell(d.breedte()-in, 5.5, it, "", "L", false)
		d.f.Ln(2)
	}
}

// noten writes the footnotes for the statuses in gebruikt, in their
// fixed order.
func (d *pdfDoc) noten(gebruikt map[eval.Status]bool) {
	for _, n := range notenVoor(gebruikt) {
		d.noot(n.Teken, n.Uitleg)
	}
}

// noot writes one footnote with its marker hanging in the margin.
func (d *pdfDoc) noot(teken, uitleg string) {
	d.font("", 8)
	d.tekstKleur(pdfGrijs)
	// Break first: an automatic break inside would lose the indent.
	d.houdBijElkaar(float64(len(d.f.SplitText(uitleg, d.breedte()-3))) * 4)
	y := d.f.GetY()
	d.f.SetXY(pdfMarge, y)
	d.f.CellFormat(3, 4, teken, "", 0, "L", false, 0, "")
	d.f.SetXY(pdfMarge+3, y)
	d.f.MultiCell(d.breedte()-3, 4, uitleg, "", "L", false)
}

func (d *pdfDoc) voorblad() {
	f, r := d.f, d.r
	w := d.voorbladBegin("Kansrijke Start — evaluatierapport")
	f.Ln(6)
	d.font("B", 20)
	d.tekstKleur(pdfTekst)
	f.MultiCell(w, 9, r.Coalitie.Naam, "", "L", false)
	if len(r.Coalitie.Gemeenten) > 0 {
		d.font("", 12)
		d.tekstKleur(pdfGrijs)
		woord := "Gemeente "
		if len(r.Coalitie.Gemeenten) > 1 {
			woord = "Gemeenten "
		}
		f.MultiCell(w, 6, woord+opsommen(r.Coalitie.Gemeenten), "", "L", false)
	}

	d.voorbladStreep()
	d.voorbladRijen(r.Kwartaal, r.Kwartalen, r.Regio)
	if !r.Gemaakt.IsZero() {
		d.voorbladRij("Gemaakt op", pdfDatum(r.Gemaakt))
	}
	d.voorbladSlot("Dit rapport volgt de cijfers van de coalitie per kwartaal en laat ouders " +
		"zelf aan het woord. Kleine aantallen zijn afgeschermd, zodat niemand herkenbaar is. " +
		"Hoe de cijfers tot stand komen, staat achterin onder ‘Bronnen en werkwijze’.")
}

// voorbladBegin starts the cover page: the band at the top, the kicker
// and the title. It returns the width between the margins.
func (d *pdfDoc) voorbladBegin(titel string) float64 {
	f := d.f
	f.AddPage()
	w := d.breedte()
	pw, _ := f.GetPageSize()

	d.vlakKleur(pdfTeal)
	f.Rect(0, 0, pw, 9, "F")

	f.SetY(72)
	d.font("B", 9)
	d.tekstKleur(pdfGrijs)
	f.CellFormat(0, 5, "MONITORING EN EVALUATIE", "", 1, "L", false, 0, "")
	f.Ln(3)
	d.font("B", 26)
	d.tekstKleur(pdfTeal)
	f.Bookmark("Voorblad", 0, -1)
	f.MultiCell(w, 11, titel, "", "L", false)
	return w
}

// voorbladStreep draws the short rule between the cover's title and its rows.
func (d *pdfDoc) voorbladStreep() {
	f := d.f
	f.Ln(8)
	d.lijnKleur(pdfTeal)
	f.SetLineWidth(0.8)
	f.Line(pdfMarge, f.GetY(), pdfMarge+30, f.GetY())
	f.Ln(8)
}

// voorbladRijen writes the cover rows for the quarter, the quarters the
// figures cover and the region.
func (d *pdfDoc) voorbladRijen(kwartaal kansrijk.Kwartaal, kwartalen []kansrijk.Kwartaal, regio string) {
	d.voorbladRij("Kwartaal", kwartaal.String())
	if n := len(kwartalen); n > 1 {
		d.voorbladRij("Cijfers over", kwartalen[0].String()+" tot en met "+kwartalen[n-1].String())
	}
	d.voorbladRij("Regio", regio)
}

// voorbladRij writes one label/value row on the cover; an empty value
// writes nothing.
func (d *pdfDoc) voorbladRij(label, waarde string) {
	if waarde == "" {
		return
	}
	f, w := d.f, d.breedte()
	d.font("", 10)
	d.tekstKleur(pdfGrijs)
	y := f.GetY()
	f.CellFormat(45, 6.5, label, "", 0, "L", false, 0, "")
	d.font("B", 11)
	d.tekstKleur(pdfTekst)
	f.SetXY(pdfMarge+45, y)
	f.MultiCell(w-45, 6.5, waarde, "", "L", false)
}

// voorbladSlot writes the closing note near the bottom of the cover.
func (d *pdfDoc) voorbladSlot(tekst string) {
	f := d.f
	_, ph := f.GetPageSize()
	f.SetY(ph - 58)
	d.font("", 9.5)
	d.tekstKleur(pdfGrijs)
	f.MultiCell(d.breedte()*0.8, 5, tekst, "", "L", false)
}

// inhoudsopgave writes the table of contents: every section with the page
// it starts on, as the previous pass laid them out, each line a link to
// its section. On the first pass the page stays empty but for its title.
func (d *pdfDoc) inhoudsopgave() {
	f := d.f
	f.AddPage()
	d.font("B", 18)
	d.tekstKleur(pdfTeal)
	f.Bookmark("Inhoud", 0, -1)
	f.MultiCell(0, 9, "Inhoud", "", "L", false)
	f.Ln(6)

	w := d.breedte()
	const paginaBreedte = 12.0
	for _, it := range d.vorige {
		link := f.AddLink()
		d.links = append(d.links, link)
		in, h := 0.0, 7.5
		d.font("B", 11)
		d.tekstKleur(pdfTekst)
		if it.Niveau > 0 {
			in, h = 7, 6
			d.font("", 10)
		} else if f.GetY() > pdfBoven+20 {
			f.Ln(1.5)
		}
		y := f.GetY()
		titel := f.inkorten(it.Titel, w-in-paginaBreedte-8)
		tw := f.GetStringWidth(titel)
		f.SetXY(pdfMarge+in, y)
		f.CellFormat(tw+1, h, titel, "", 0, "L", false, 0, "")

		// Dot leaders between the title and its page number.
		d.font("", 9)
		d.tekstKleur(pdfGrijs)
		van, tot := pdfMarge+in+tw+3, pdfMarge+w-paginaBreedte-1
		if stip := f.GetStringWidth(". "); tot > van {
			punten := strings.Repeat(". ", int((tot-van)/stip))
			f.SetXY(tot-f.GetStringWidth(punten), y)
			f.CellFormat(f.GetStringWidth(punten), h, punten, "", 0, "L", false, 0, "")
		}
		d.font("", 10)
		if it.Niveau == 0 {
			d.font("B", 10.5)
		}
		d.tekstKleur(pdfTekst)
		f.SetXY(pdfMarge+w-paginaBreedte, y)
		f.CellFormat(paginaBreedte, h, fmt.Sprint(it.Pagina), "", 0, "R", false, 0, "")
		f.Link(pdfMarge, y, w, h, link)
		f.SetXY(pdfMarge, y+h)
	}
}

func (d *pdfDoc) inHetKort() {
	f, r := d.f, d.r
	f.AddPage()
	d.kop(titelKort)
	d.opsomming(bevindingen(r, d.huidig))
	f.Ln(4)

	d.subkop("Alle indicatoren in " + r.Kwartaal.String())
	w := d.breedte()
	const kw, streef, trend = 21.0, 23.0, 45.0
	kols := []pdfKolom{{"Indicator", w - 2*kw - streef - trend, "L"}, {r.Kwartaal.String(), kw, "R"}}
	vorig := d.huidig > 0 && d.huidig < len(r.Kwartalen)
	if vorig {
		kols = append(kols, pdfKolom{r.Kwartalen[d.huidig-1].String(), kw, "R"})
	} else {
		kols[0].Breedte += kw
	}
	kols = append(kols, pdfKolom{"Streefwaarde", streef, "R"}, pdfKolom{"Trend", trend, "L"})
	// The trend column starts with a little room after the numbers.
	kols[len(kols)-1].Kop = "   Trend"

	gebruikt := map[eval.Status]bool{}
	var rijen []pdfRij
	for _, rs := range r.Indicatoren {
		nu := cijferOp(rs.Coalitie, d.huidig)
		gebruikt[nu.Status] = true
		cel := []string{rs.Indicator.Code + "  " + rs.Indicator.Naam, percentageCel(nu).String()}
		if vorig {
			c := cijferOp(rs.Coalitie, d.huidig-1)
			gebruikt[c.Status] = true
			cel = append(cel, percentageCel(c).String())
		}
		streef := "—"
		if rs.Indicator.Streefwaarde > 0 {
			streef = streefwaarde(rs.Indicator.Streefwaarde)
		}
		rijen = append(rijen, pdfRij{Cellen: append(cel, streef, "   "+trendKort(rs, d.huidig))})
	}
	if len(rijen) == 0 {
		d.alinea("Dit rapport bevat geen indicatoren.")
		return
	}
	d.tabel(kols, rijen)
	f.Ln(2)
	d.noten(gebruikt)
}

// indicator writes one indicator: heading, its assessment, chart, table
// and footnotes. The first also opens the section of the indicators.
func (d *pdfDoc) indicator(rs Reeks, eerste bool) {
	f, r := d.f, d.r
	const grafiekHoogte = 66.0
	w := d.breedte()

	regels := beoordelingRegels(r, rs, d.huidig)
	n := len(r.Kwartalen)
	// At least the heading, the assessment, the chart and the start of the
	// table stay together; the whole indicator if it fits on a page.
	minst := 16 + d.regelBlokHoogte(regels) + 4 + grafiekHoogte + 6 + 4*(pdfTabel+2*pdfCelPad)
	nodig := minst + float64(n-3)*(pdfTabel+2*pdfCelPad) + 12
	_, ph := f.GetPageSize()
	if vol := ph - pdfBoven - pdfOnder; nodig > vol {
		nodig = minst
	}
	if eerste {
		// The first shares its page with the section's heading, which
		// must not stay behind alone.
		d.paginaMetIntro(titelIndicators, leeswijzer)
		nodig = minst
	}
	d.houdBijElkaar(nodig)

	in := rs.Indicator
	d.indicatorKop(in, 14, 1, 7, toelichting(rs))

	d.regelBlok(regels)
	f.Ln(4)

	y := f.GetY()
	d.grafiek(pdfMarge, y, w, grafiekHoogte, rs)
	f.SetXY(pdfMarge, y+grafiekHoogte+5)

	kols := []pdfKolom{{"Kwartaal", w - 3*36, "L"}, {"Teller", 36, "R"}, {"Noemer", 36, "R"}, {"Percentage", 36, "R"}}
	gebruikt := map[eval.Status]bool{}
	rijen := make([]pdfRij, 0, n)
	for i, q := range r.Kwartalen {
		c := cijferOp(rs.Coalitie, i)
		gebruikt[c.Status] = true
		kw := q.String()
		if volledigheidsNoot(rs, i) != "" {
			kw += kwartaalTeken
		}
		rijen = append(rijen, pdfRij{
			Cellen: []string{kw, tellerTekst(c), noemerTekst(c), percentageCel(c).String()},
			Nadruk: i == d.huidig,
		})
	}
	d.tabel(kols, rijen)
	f.Ln(2)
	d.noten(gebruikt)
	for _, t := range kwartaalNoten(r, rs) {
		d.noot(kwartaalTeken, t)
	}
	f.Ln(10)
}

// Layout of an assessment block in mm.
const (
	pdfBlokLabel = 34.0 // label column
	pdfBlokPad   = 2.6  // padding inside the block
	pdfBlokRegel = 4.7  // line height
)

// regelFont sets the font of line i of an assessment: the figure itself
// stands out.
func (d *pdfDoc) regelFont(i int) {
	if i == 0 {
		d.font("B", 10.5)
		return
	}
	d.font("", 9.5)
}

// regelBlokHoogte is the height regelBlok will take.
func (d *pdfDoc) regelBlokHoogte(regels []regel) float64 {
	if len(regels) == 0 {
		return 0
	}
	tw := d.breedte() - pdfBlokLabel - 2*pdfBlokPad - 2
	h := 2 * pdfBlokPad
	for i, rg := range regels {
		d.regelFont(i)
		h += float64(len(d.f.SplitText(rg.Tekst, tw)))*pdfBlokRegel + 0.8
	}
	return h
}

// regelBlok writes label and text lines in a shaded block with a bar on
// its left, kept on one page.
func (d *pdfDoc) regelBlok(regels []regel) {
	if len(regels) == 0 {
		return
	}
	f := d.f
	w := d.breedte()
	h := d.regelBlokHoogte(regels)
	d.houdBijElkaar(h)
	y := f.GetY()
	d.vlakKleur(pdfZacht)
	f.Rect(pdfMarge, y, w, h, "F")
	d.vlakKleur(pdfTeal)
	f.Rect(pdfMarge, y, 1.2, h, "F")

	x := pdfMarge + pdfBlokPad + 1
	tw := w - pdfBlokLabel - 2*pdfBlokPad - 2
	yy := y + pdfBlokPad
	for i, rg := range regels {
		d.font("", 8.5)
		d.tekstKleur(pdfGrijs)
		f.SetXY(x, yy)
		f.CellFormat(pdfBlokLabel, pdfBlokRegel, rg.Label, "", 0, "L", false, 0, "")
		d.regelFont(i)
		d.tekstKleur(pdfTekst)
		if i == 0 {
			d.tekstKleur(pdfTeal)
		}
		regels := f.SplitText(rg.Tekst, tw)
		for j, s := range regels {
			f.SetXY(x+pdfBlokLabel, yy+float64(j)*pdfBlokRegel)
			f.CellFormat(tw, pdfBlokRegel, s, "", 0, "L", false, 0, "")
		}
		yy += float64(len(regels))*pdfBlokRegel + 0.8
	}
	f.SetXY(pdfMarge, y+h)
}

// Colours of the borging statuses, by niveau (see borgingNiveaus): a
// light cell and a darker symbol, from grey to teal as a point advances.
var (
	pdfBorgVlak = [...]pdfKleur{{255, 255, 255}, {241, 243, 244}, {251, 238, 212}, {215, 236, 238}, {176, 214, 219}}
	pdfBorgBal  = [...]pdfKleur{{150, 156, 162}, {120, 128, 135}, {176, 118, 38}, {47, 138, 148}, {16, 87, 96}}
)

// bal draws a status symbol centred on x, y: an empty circle (niet
// gestart), a half one (in ontwikkeling), a full one (gerealiseerd) and a
// full one with a ring (geborgd), so that the status reads without colour
// too. A blank status is a short dash.
func (d *pdfDoc) bal(x, y, straal float64, niveau int) {
	f := d.f
	k := pdfBorgBal[niveau]
	d.lijnKleur(k)
	d.vlakKleur(k)
	f.SetLineWidth(0.35)
	switch niveau {
	case 0:
		f.Line(x-straal*0.7, y, x+straal*0.7, y)
	case 1:
		f.Circle(x, y, straal, "D")
	case 2:
		f.Circle(x, y, straal, "D")
		f.Arc(x, y, straal, straal, 0, 90, 270, "F")
	case 3:
		f.Circle(x, y, straal, "F")
	case 4:
		f.Circle(x, y, straal*0.78, "F")
		f.SetLineWidth(0.3)
		f.Circle(x, y, straal*1.12, "D")
	}
}

// vinkje draws a check mark centred on x, y: the Go fonts have no ✓.
func (d *pdfDoc) vinkje(x, y, s float64, k pdfKleur) {
	f := d.f
	d.lijnKleur(k)
	f.SetLineWidth(0.5)
	f.SetLineCapStyle("round")
	f.SetLineJoinStyle("round")
	f.MoveTo(x-s*0.5, y)
	f.LineTo(x-s*0.15, y+s*0.38)
	f.LineTo(x+s*0.55, y-s*0.45)
	f.DrawPath("D")
	f.SetLineCapStyle("butt")
	f.SetLineJoinStyle("miter")
}

// pdfRasterRij is a row of a grid: its name, and a function that draws
// cell i in the box x, y, w, h.
type pdfRasterRij struct {
	Naam string
	Cel  func(i int, x, y, w, h float64)
}

// raster draws a grid with one column per kwartaal of the report after a
// name column; rows never split, and the header repeats on a new page.
func (d *pdfDoc) raster(naamKop string, naamBreedte float64, rijen []pdfRasterRij) {
	f, r := d.f, d.r
	w := d.breedte()
	n := max(len(r.Kwartalen), 1)
	kb := (w - naamBreedte) / float64(n)
	kop := func() {
		const h = 7.0
		y := f.GetY()
		d.vlakKleur(pdfVlak)
		f.Rect(pdfMarge, y, w, h, "F")
		d.font("B", 8)
		d.tekstKleur(pdfTeal)
		f.SetXY(pdfMarge+1, y)
		f.CellFormat(naamBreedte-1, h, naamKop, "", 0, "L", false, 0, "")
		for i, q := range r.Kwartalen {
			f.SetXY(pdfMarge+naamBreedte+float64(i)*kb, y)
			f.CellFormat(kb, h, q.String(), "", 0, "C", false, 0, "")
		}
		d.lijnKleur(pdfTeal)
		f.SetLineWidth(0.25)
		f.Line(pdfMarge, y+h, pdfMarge+w, y+h)
		f.SetXY(pdfMarge, y+h)
	}
	d.houdBijElkaar(7 + 2*8)
	kop()
	for _, rij := range rijen {
		d.font("", 8.5)
		regels := f.SplitText(rij.Naam, naamBreedte-2)
		h := max(float64(len(regels))*3.9+2.4, 7.5)
		if !d.past(h) {
			f.AddPage()
			kop()
		}
		y := f.GetY()
		d.font("", 8.5)
		d.tekstKleur(pdfTekst)
		top := y + (h-float64(len(regels))*3.9)/2
		for j, s := range regels {
			f.SetXY(pdfMarge+1, top+float64(j)*3.9)
			f.CellFormat(naamBreedte-2, 3.9, s, "", 0, "L", false, 0, "")
		}
		for i := range r.Kwartalen {
			rij.Cel(i, pdfMarge+naamBreedte+float64(i)*kb, y, kb, h)
		}
		d.lijnKleur(pdfLijn)
		f.SetLineWidth(0.2)
		f.Line(pdfMarge, y+h, pdfMarge+w, y+h)
		f.SetXY(pdfMarge, y+h)
	}
}

// borging writes the procesmonitor: the summary, the points that stand
// still, KS10's progress, the status of every point per kwartaal and the
// procesmonitor's counts.
func (d *pdfDoc) borging() {
	f, r := d.f, d.r
	d.paginaMetSamenvatting(titelBorging, borgingIntro, borgingSamenvatting(r))
	b := r.Borging
	if b == nil {
		return
	}

	d.subkop("Aandachtspunten die stilstaan")
	if stil := stilstaand(b); len(stil) > 0 {
		d.opsomming(stil)
	} else {
		d.alinea(geenStilstand)
	}
	f.Ln(2)

	d.subkop("Aandachtspunten gerealiseerd of geborgd, per kwartaal (van de 10)")
	const hoogte = 46.0
	d.houdBijElkaar(hoogte)
	y := f.GetY()
	d.staven(pdfMarge, y, d.breedte(), hoogte)
	f.SetXY(pdfMarge, y+hoogte+6)

	d.subkop("Status per aandachtspunt")
	d.borgingLegenda()
	f.Ln(2)
	var rijen []pdfRasterRij
	for _, p := range b.Punten {
		rijen = append(rijen, pdfRasterRij{
			Naam: fmt.Sprintf("%d. %s", p.Nr, p.Naam),
			Cel: func(i int, x, y, w, h float64) {
				niveau := 0
				if k := borgingKolom(b, r.Kwartalen[i]); k >= 0 && k < len(p.Status) {
					niveau = borgingNiveau(p.Status[k])
				}
				if niveau > 0 {
					d.vlakKleur(pdfBorgVlak[niveau])
					f.Rect(x+0.4, y+0.4, w-0.8, h-0.8, "F")
				}
				d.bal(x+w/2, y+h/2, 1.7, niveau)
			},
		})
	}
	d.raster("Aandachtspunt", 64, rijen)
	f.Ln(8)

	d.subkop("Procesmonitor per kwartaal")
	w := d.breedte()
	kols := []pdfKolom{{"Kwartaal", w - 4*35, "L"}, {"Gerealiseerd of geborgd", 35, "R"}, {"Deelnemende partners", 35, "R"},
		{"Bijeenkomsten met ouders", 35, "R"}, {"Ouders betrokken", 35, "R"}}
	var tr []pdfRij
	for i, q := range r.Kwartalen {
		cel := []string{q.String(), "—", "—", "—", "—"}
		if k := borgingKolom(b, q); k >= 0 {
			bk := b.Kwartalen[k]
			cel = []string{q.String(), fmt.Sprintf("%d van 10", bk.Gerealiseerd), aantalOfStreep(bk.Partners),
				aantalOfStreep(bk.Bijeenkomsten), aantalOuders(bk.Ouders)}
		}
		tr = append(tr, pdfRij{Cellen: cel, Nadruk: i == d.huidig})
	}
	d.tabel(kols, tr)
	f.Ln(2)
	for _, n := range procesmonitorNoten {
		d.noot("", n)
	}
}

// borgingLegenda explains the status symbols on one line.
func (d *pdfDoc) borgingLegenda() {
	f := d.f
	y := f.GetY()
	x := pdfMarge
	d.font("", 8.5)
	for niveau := 1; niveau < len(borgingNiveaus); niveau++ {
		d.vlakKleur(pdfBorgVlak[niveau])
		f.Rect(x, y, 7, 6, "F")
		d.bal(x+3.5, y+3, 1.7, niveau)
		d.tekstKleur(pdfTekst)
		f.SetXY(x+8.5, y)
		label := borgingNiveaus[niveau]
		f.CellFormat(f.GetStringWidth(label)+1, 6, label, "", 0, "L", false, 0, "")
		x += 8.5 + f.GetStringWidth(label) + 7
	}
	d.bal(x+3.5, y+3, 1.7, 0)
	d.tekstKleur(pdfTekst)
	f.SetXY(x+8.5, y)
	f.CellFormat(40, 6, borgingNiveaus[0], "", 0, "L", false, 0, "")
	f.SetXY(pdfMarge, y+6)
}

// staven draws KS10's progress as bars: aandachtspunten realised or
// secured per kwartaal, out of 10, with the target as a dashed line.
func (d *pdfDoc) staven(x, y, w, h float64) {
	f, r, b := d.f, d.r, d.r.Borging
	px, py := x+pdfAsLinks, y+3
	pw, ph := w-pdfAsLinks-pdfAsRechts, h-pdfAsOnder-3
	yOf := func(v float64) float64 { return py + ph - v/10*ph }
	n := max(len(r.Kwartalen), 1)
	slot := pw / float64(n)

	d.font("", 7)
	f.SetLineWidth(0.2)
	for v := 0; v <= 10; v += 2 {
		d.lijnKleur(pdfLijn)
		if v == 0 {
			d.lijnKleur(pdfGrijs)
		}
		f.Line(px, yOf(float64(v)), px+pw, yOf(float64(v)))
		d.tekstKleur(pdfGrijs)
		f.SetXY(x, yOf(float64(v))-2)
		f.CellFormat(pdfAsLinks-2, 4, fmt.Sprint(v), "", 0, "R", false, 0, "")
	}
	for i, q := range r.Kwartalen {
		cx := px + slot*(float64(i)+0.5)
		d.font("", 7)
		d.tekstKleur(pdfGrijs)
		if i == d.huidig {
			d.font("B", 7)
			d.tekstKleur(pdfTeal)
		}
		f.SetXY(cx-10, py+ph+1.5)
		f.CellFormat(20, 4, q.String(), "", 0, "C", false, 0, "")
		k := borgingKolom(b, q)
		if k < 0 {
			d.font("I", 6.5)
			d.tekstKleur(pdfGrijs)
			f.SetXY(cx-10, yOf(0)-4.5)
			f.CellFormat(20, 4, "geen", "", 0, "C", false, 0, "")
			continue
		}
		v := float64(b.Kwartalen[k].Gerealiseerd)
		bw := min(slot*0.55, 12)
		d.vlakKleur(pdfBorgBal[3])
		if i == d.huidig {
			d.vlakKleur(pdfTeal)
		}
		f.Rect(cx-bw/2, yOf(v), bw, yOf(0)-yOf(v), "F")
		d.font("B", 7.5)
		d.tekstKleur(pdfTekst)
		f.SetXY(cx-10, yOf(v)-4.2)
		f.CellFormat(20, 4, fmt.Sprint(b.Kwartalen[k].Gerealiseerd), "", 0, "C", false, 0, "")
	}
	if st := borgingStreef(r); st > 0 {
		d.streefLijn(px, pw, yOf(st), eval.Getal(st))
	}
}

// aanleverstatus writes which partner delivered for which kwartaal.
func (d *pdfDoc) aanleverstatus() {
	f, r := d.f, d.r
	d.paginaMetSamenvatting(titelAanlever, aanleverIntro, aanleverSamenvatting(r))
	raster := aanleverRaster(r)
	if len(raster) == 0 {
		return
	}
	var rijen []pdfRasterRij
	for _, rij := range raster {
		rijen = append(rijen, pdfRasterRij{Naam: rij.Partner, Cel: func(i int, x, y, w, h float64) {
			d.aanleverCel(rij.Cellen[i], x, y, w, h)
		}})
	}
	d.raster("Partner", 62, rijen)
	f.Ln(4)
	for _, t := range aanleverTekens {
		y := f.GetY()
		d.aanleverCel(t.Status, pdfMarge, y, 10, 6)
		d.font("", 8.5)
		d.tekstKleur(pdfTekst)
		f.SetXY(pdfMarge+12, y)
		f.CellFormat(d.breedte()-12, 6, t.Uitleg, "", 0, "L", false, 0, "")
		f.SetXY(pdfMarge, y+7)
	}
}

// aanleverCel draws one delivery status: a check, a check with an
// asterisk, or a cross on a light red cell.
func (d *pdfDoc) aanleverCel(s eval.Aanleverstatus, x, y, w, h float64) {
	f := d.f
	cx, cy := x+w/2, y+h/2
	switch s {
	case eval.Geleverd:
		d.vinkje(cx, cy, 3, pdfTeal)
	case eval.Gecorrigeerd:
		d.vinkje(cx-1, cy, 3, pdfTeal)
		d.font("B", 9)
		d.tekstKleur(pdfStreef)
		f.SetXY(cx+1, cy-2.6)
		f.CellFormat(3, 4, "*", "", 0, "L", false, 0, "")
	default:
		d.vlakKleur(pdfKleur{250, 226, 222})
		f.Rect(x+0.4, y+0.4, w-0.8, h-0.8, "F")
		d.font("B", 13)
		d.tekstKleur(pdfKleur{165, 45, 35})
		f.SetXY(x, y)
		f.CellFormat(w, h, "×", "", 0, "C", false, 0, "")
	}
}

func (d *pdfDoc) citaten() {
	f, r := d.f, d.r
	intro, toon := citatenIntro(r)
	if !toon {
		return
	}
	f.AddPage()
	d.kop(titelOuders)
	d.alinea(intro)
	if len(r.Citaten) == 0 {
		return
	}
	f.Ln(3)

	const regel, in = 6.0, 7.0
	w := d.breedte() - in
	for _, c := range r.Citaten {
		if !citeerbaar(c) {
			continue
		}
		tekst := aanhalen(c.Tekst)
		d.font("I", 11.5)
		h := float64(len(f.SplitText(tekst, w))) * regel
		d.houdBijElkaar(h + 6)

		y := f.GetY()
		if d.past(h) {
			// The bar only makes sense when the quote stays on one page.
			d.vlakKleur(pdfVlak)
			f.Rect(pdfMarge, y+0.5, 1.6, h+5, "F")
		}
		d.tekstKleur(pdfTekst)
		f.SetXY(pdfMarge+in, y)
		f.MultiCell(w, regel, tekst, "", "L", false)

		d.font("", 8.5)
		d.tekstKleur(pdfGrijs)
		f.SetX(pdfMarge + in)
		f.MultiCell(w, 5, pdfHerkomst(c.Werkvorm, c.Persona, c.Kwartaal), "", "L", false)
		f.Ln(7)
	}
}

// pdfHerkomst is the line under a quote: "— werkvorm, persona, kwartaal".
func pdfHerkomst(werkvorm, persona string, q kansrijk.Kwartaal) string {
	return "— " + citaatHerkomst(werkvorm, persona, q)
}

func (d *pdfDoc) bronnen() {
	f, r := d.f, d.r
	f.AddPage()
	d.kop(titelWerkwijze)

	d.subkop("Leveringen")
	if len(r.Bronnen) == 0 {
		d.alinea("Voor dit rapport zijn geen leveringen vastgelegd.")
	} else {
		d.alinea("De cijfers in dit rapport rusten op deze leveringen van partners.")
		w := d.breedte()
		// Dates on one line; file names have no spaces to wrap at, so
		// they get the rest.
		d.font("", 9)
		dw := f.GetStringWidth("30 september 2026") + 3
		kols := []pdfKolom{{"Partner", 36, "L"}, {"Bestand", w - 36 - 26 - dw, "L"}, {"Periode", 26, "L"}, {"Ingelezen", dw, "L"}}
		var rijen []pdfRij
		for _, b := range r.Bronnen {
			in := "—"
			if !b.Ingelezen.IsZero() {
				in = pdfDatum(b.Ingelezen)
			}
			rijen = append(rijen, pdfRij{Cellen: []string{b.Partner, b.Bestand, b.Periode, in}})
		}
		d.tabel(kols, rijen)
	}
	f.Ln(6)

	d.subkop("Cijfer van de coalitie")
	d.alinea("Het cijfer van de coalitie is de som van de tellers van alle gemeenten, gedeeld door " +
		"de som van de noemers. Het is dus geen gemiddelde van de percentages van de gemeenten. " +
		"Ontbreekt het cijfer van een van de gemeenten, dan is het cijfer van de coalitie niet beschikbaar.")

	d.subkop("Kleine aantallen")
	d.alinea(werkwijzeKleineAantallen)

	d.subkop("Marges, trends en vergelijkingen")
	d.alinea(werkwijzeMarges)

	d.subkop("Tekens in de tabellen")
	for _, n := range noten {
		d.noot(n.Teken, n.Uitleg)
	}
	d.noot("", nietAangeleverd)
	d.noot(kwartaalTeken, kwartaalTekenUitleg)
	f.Ln(4)

	d.subkop("Citaten")
	d.alinea("We citeren alleen ouders die toestemming gaven voor gebruik in rapporten of voor openbaar " +
		"gebruik. Namen, adressen, telefoonnummers en andere gegevens waarmee iemand herkenbaar is, " +
		"zijn weggelaten. Wie de toestemming intrekt, komt in geen enkel rapport meer voor.")

	if len(r.Samenhangen) > 0 {
		d.subkop("Verhalen tellen")
		d.alinea(werkwijzeVerhalen)
	}

	d.subkop("Kwartalen")
	d.alinea("Een cijfer hoort bij het kwartaal van de datum in de registratie, zoals de datum van de " +
		"eerste controle of de bevallingsdatum. Levert een partner een verbeterde versie over dezelfde " +
		"periode, dan vervangt die de eerdere levering.")
}

// pdfKolom and pdfRij describe a table for tabel.
type pdfKolom struct {
	Kop     string
	Breedte float64
	Uitlijn string // "L" or "R"
}

type pdfRij struct {
	Cellen []string
	Nadruk bool // the reporting kwartaal
}

// tabel draws a table whose cells wrap. A row never splits over two
// pages; the header row is repeated on every page the table spans.
func (d *pdfDoc) tabel(kols []pdfKolom, rijen []pdfRij) {
	f := d.f
	var w float64
	koppen := make([]string, len(kols))
	for i, k := range kols {
		w += k.Breedte
		koppen[i] = k.Kop
	}

	var rij func(cellen []string, kop, nadruk bool)
	rij = func(cellen []string, kop, nadruk bool) {
		stijl := ""
		if kop || nadruk {
			stijl = "B"
		}
		d.font(stijl, 9)
		regels := make([][]string, len(kols))
		n := 1
		for i, k := range kols {
			if i < len(cellen) {
				regels[i] = f.SplitText(cellen[i], k.Breedte)
			}
			n = max(n, len(regels[i]))
		}
		h := float64(n)*pdfTabel + 2*pdfCelPad
		if !kop && !d.past(h) {
			f.AddPage()
			rij(koppen, true, false)
			d.font(stijl, 9)
		}

		y := f.GetY()
		d.tekstKleur(pdfTekst)
		switch {
		case kop:
			d.vlakKleur(pdfVlak)
			f.Rect(pdfMarge, y, w, h, "F")
			d.tekstKleur(pdfTeal)
		case nadruk:
			d.vlakKleur(pdfZacht)
			f.Rect(pdfMarge, y, w, h, "F")
		}
		x := pdfMarge
		for i, k := range kols {
			for j, s := range regels[i] {
				f.SetXY(x, y+pdfCelPad+float64(j)*pdfTabel)
				f.CellFormat(k.Breedte, pdfTabel, s, "", 0, k.Uitlijn, false, 0, "")
			}
			x += k.Breedte
		}
		d.lijnKleur(pdfLijn)
		if kop {
			d.lijnKleur(pdfTeal)
		}
		f.SetLineWidth(0.25)
		f.Line(pdfMarge, y+h, pdfMarge+w, y+h)
		f.SetXY(pdfMarge, y+h)
	}

	// Keep the header with at least its first row.
	d.houdBijElkaar(2 * (pdfTabel + 2*pdfCelPad))
	rij(koppen, true, false)
	for _, r := range rijen {
		rij(r.Cellen, false, r.Nadruk)
	}
}

// pdfDatum writes a date the Dutch way: 23 november 2026.
func pdfDatum(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), pdfMaanden[t.Month()-1], t.Year())
}

// paginaMetSamenvatting starts a page with its heading, the intro and
// the summary in bold.
func (d *pdfDoc) paginaMetSamenvatting(titel, intro, samenvatting string) {
	f := d.f
	f.AddPage()
	d.kop(titel)
	d.alinea(intro)
	d.font("B", 10.5)
	d.tekstKleur(pdfTekst)
	f.MultiCell(0, 5.5, samenvatting, "", "L", false)
	f.Ln(4)
}

// indicatorKop writes an indicator's heading, its code in grey and its
// name in teal in pt points with lines h high, as a section of level
// niveau, and under it the toelichting.
func (d *pdfDoc) indicatorKop(in kansrijk.Indicator, pt float64, niveau int, h float64, toelichting string) {
	f, w := d.f, d.breedte()
	d.font("B", pt)
	d.sectie(in.Code+" "+in.Naam, niveau)
	y := f.GetY()
	cw := f.GetStringWidth(in.Code) + 4
	d.tekstKleur(pdfGrijs)
	f.CellFormat(cw, h, in.Code, "", 0, "L", false, 0, "")
	d.tekstKleur(pdfTeal)
	f.SetXY(pdfMarge+cw, y)
	f.MultiCell(w-cw, h, in.Naam, "", "L", false)
	d.font("", 9)
	d.tekstKleur(pdfGrijs)
	f.MultiCell(0, 4.5, toelichting, "", "L", false)
	f.Ln(3)
}

// paginaMetIntro starts a page with its heading and the intro in grey.
func (d *pdfDoc) paginaMetIntro(titel, intro string) {
	f := d.f
	f.AddPage()
	d.kop(titel)
	d.font("", 9.5)
	d.tekstKleur(pdfGrijs)
	f.MultiCell(0, 4.8, intro, "", "L", false)
	f.Ln(6)
}
