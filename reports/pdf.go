package reports

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"

	"kansrijk"
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
	f *fpdf.Fpdf
	r *Rapport
	// huidig is the index of r.Kwartaal in r.Kwartalen.
	huidig int
}

// WritePDF renders r as an A4 PDF report for bestuurders. The output
// depends only on r: the same Rapport gives the same bytes.
func WritePDF(w io.Writer, r *Rapport) error {
	if r == nil {
		return errors.New("pdf-rapport: geen rapport")
	}
	d := newPDFDoc(r)
	d.voorblad()
	d.inHetKort()
	for i, rs := range r.Indicatoren {
		d.indicator(rs, i == 0)
	}
	d.citaten()
	d.bronnen()
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("pdf-rapport %s %s opmaken: %w", r.Coalitie.Naam, r.Kwartaal, err)
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("pdf-rapport %s %s schrijven: %w", r.Coalitie.Naam, r.Kwartaal, err)
	}
	return nil
}

func newPDFDoc(r *Rapport) *pdfDoc {
	f := fpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r, huidig: huidigIndex(r)}

	// fpdf falls back to time.Now for a zero date, which would make the
	// output differ between runs.
	gemaakt := r.Gemaakt
	if gemaakt.IsZero() {
		gemaakt = r.Kwartaal.End()
	}
	f.SetCreationDate(gemaakt)
	f.SetModificationDate(gemaakt)
	f.SetCatalogSort(true)

	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)

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
	links = pdfInkorten(d.f, links, w-rw-4)
	d.f.CellFormat(w-rw, 5, links, "", 0, "L", false, 0, "")
	d.f.CellFormat(rw, 5, rechts, "", 0, "R", false, 0, "")
	d.lijnKleur(pdfLijn)
	d.f.SetLineWidth(0.3)
	d.f.Line(pdfMarge, 16.5, pdfMarge+w, 16.5)
}

func (d *pdfDoc) voetregel() {
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
	if !d.r.Gemaakt.IsZero() {
		d.f.CellFormat(w/2, 5, "Gemaakt op "+pdfDatum(d.r.Gemaakt), "", 0, "R", false, 0, "")
	}
}

// kop starts a section: a large heading, also in the PDF's outline.
func (d *pdfDoc) kop(tekst string) {
	d.font("B", 18)
	d.tekstKleur(pdfTeal)
	d.f.Bookmark(tekst, 0, -1)
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
	f.AddPage()
	w := d.breedte()
	pw, ph := f.GetPageSize()

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
	f.MultiCell(w, 11, "Kansrijke Start — evaluatierapport", "", "L", false)
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

	f.Ln(8)
	d.lijnKleur(pdfTeal)
	f.SetLineWidth(0.8)
	f.Line(pdfMarge, f.GetY(), pdfMarge+30, f.GetY())
	f.Ln(8)

	rij := func(label, waarde string) {
		if waarde == "" {
			return
		}
		d.font("", 10)
		d.tekstKleur(pdfGrijs)
		y := f.GetY()
		f.CellFormat(45, 6.5, label, "", 0, "L", false, 0, "")
		d.font("B", 11)
		d.tekstKleur(pdfTekst)
		f.SetXY(pdfMarge+45, y)
		f.MultiCell(w-45, 6.5, waarde, "", "L", false)
	}
	rij("Kwartaal", r.Kwartaal.String())
	if n := len(r.Kwartalen); n > 1 {
		rij("Cijfers over", r.Kwartalen[0].String()+" tot en met "+r.Kwartalen[n-1].String())
	}
	rij("Regio", r.Regio)
	if !r.Gemaakt.IsZero() {
		rij("Gemaakt op", pdfDatum(r.Gemaakt))
	}

	f.SetY(ph - 58)
	d.font("", 9.5)
	d.tekstKleur(pdfGrijs)
	f.MultiCell(w*0.8, 5, "Dit rapport volgt de cijfers van de coalitie per kwartaal en laat ouders "+
		"zelf aan het woord. Kleine aantallen zijn afgeschermd, zodat niemand herkenbaar is. "+
		"Hoe de cijfers tot stand komen, staat achterin onder ‘Bronnen en werkwijze’.", "", "L", false)
}

func (d *pdfDoc) inHetKort() {
	f, r := d.f, d.r
	f.AddPage()
	d.kop("In het kort")
	d.opsomming(bevindingen(r, d.huidig))
	f.Ln(4)

	d.subkop("Alle indicatoren in " + r.Kwartaal.String())
	w := d.breedte()
	kols := []pdfKolom{{"Indicator", w - 3*30, "L"}, {r.Kwartaal.String(), 30, "R"}}
	vorig := d.huidig > 0 && d.huidig < len(r.Kwartalen)
	if vorig {
		kols = append(kols, pdfKolom{r.Kwartalen[d.huidig-1].String(), 30, "R"})
	} else {
		kols[0].Breedte += 30
	}
	kols = append(kols, pdfKolom{"Streefwaarde", 30, "R"})

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
		rijen = append(rijen, pdfRij{Cellen: append(cel, streef)})
	}
	if len(rijen) == 0 {
		d.alinea("Dit rapport bevat geen indicatoren.")
		return
	}
	d.tabel(kols, rijen)
	f.Ln(2)
	d.noten(gebruikt)
}

// indicator writes one indicator: heading, chart, table and footnotes.
func (d *pdfDoc) indicator(rs Reeks, eerste bool) {
	f, r := d.f, d.r
	const grafiekHoogte = 72.0
	w := d.breedte()

	n := len(r.Kwartalen)
	nodig := 16 + grafiekHoogte + 6 + float64(n+1)*(pdfTabel+2*pdfCelPad) + 12
	_, ph := f.GetPageSize()
	if vol := ph - pdfBoven - pdfOnder; nodig > vol {
		// Too long for one page anyway: keep at least the heading, the
		// chart and the start of the table together.
		nodig = 16 + grafiekHoogte + 6 + 4*(pdfTabel+2*pdfCelPad)
	}
	if eerste {
		f.AddPage()
	} else {
		d.houdBijElkaar(nodig)
	}

	in := rs.Indicator
	d.font("B", 14)
	f.Bookmark(in.Code+" "+in.Naam, 0, -1)
	y := f.GetY()
	cw := f.GetStringWidth(in.Code) + 4
	d.tekstKleur(pdfGrijs)
	f.CellFormat(cw, 7, in.Code, "", 0, "L", false, 0, "")
	d.tekstKleur(pdfTeal)
	f.SetXY(pdfMarge+cw, y)
	f.MultiCell(w-cw, 7, in.Naam, "", "L", false)
	d.font("", 9)
	d.tekstKleur(pdfGrijs)
	f.MultiCell(0, 4.5, toelichting(rs), "", "L", false)
	f.Ln(3)

	y = f.GetY()
	d.grafiek(pdfMarge, y, w, grafiekHoogte, rs)
	f.SetXY(pdfMarge, y+grafiekHoogte+5)

	kols := []pdfKolom{{"Kwartaal", w - 3*36, "L"}, {"Teller", 36, "R"}, {"Noemer", 36, "R"}, {"Percentage", 36, "R"}}
	gebruikt := map[eval.Status]bool{}
	rijen := make([]pdfRij, 0, n)
	for i, q := range r.Kwartalen {
		c := cijferOp(rs.Coalitie, i)
		gebruikt[c.Status] = true
		rijen = append(rijen, pdfRij{
			Cellen: []string{q.String(), tellerTekst(c), noemerTekst(c), percentageCel(c).String()},
			Nadruk: i == d.huidig,
		})
	}
	d.tabel(kols, rijen)
	f.Ln(2)
	d.noten(gebruikt)
	f.Ln(10)
}

func (d *pdfDoc) citaten() {
	f, r := d.f, d.r
	f.AddPage()
	d.kop("Wat ouders vertellen")
	if len(r.Citaten) == 0 {
		d.alinea("Voor dit kwartaal zijn geen citaten met toestemming beschikbaar.")
		return
	}
	d.alinea("Uitspraken van ouders uit de verhalen die de coalitie heeft opgehaald. " +
		"Ze staan hier met toestemming van de ouders; namen en andere herkenbare gegevens zijn weggelaten.")
	f.Ln(3)

	const regel, in = 6.0, 7.0
	w := d.breedte() - in
	for _, c := range r.Citaten {
		tekst := pdfAanhalen(c.Tekst)
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

// pdfAanhalen puts a quote between curly quotes, unless it already is.
func pdfAanhalen(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") {
		return s
	}
	return "“" + s + "”"
}

// pdfHerkomst is the line under a quote: "— werkvorm, persona, kwartaal".
func pdfHerkomst(werkvorm, persona string, q kansrijk.Kwartaal) string {
	var delen []string
	for _, s := range []string{werkvorm, persona} {
		if s = strings.TrimSpace(s); s != "" {
			delen = append(delen, s)
		}
	}
	if !q.IsZero() {
		delen = append(delen, q.String())
	}
	return "— " + strings.Join(delen, ", ")
}

func (d *pdfDoc) bronnen() {
	f, r := d.f, d.r
	f.AddPage()
	d.kop("Bronnen en werkwijze")

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

	d.subkop("Tekens in de tabellen")
	for _, n := range noten {
		d.noot(n.Teken, n.Uitleg)
	}
	d.noot("", nietAangeleverd)
	f.Ln(4)

	d.subkop("Citaten")
	d.alinea("We citeren alleen ouders die toestemming gaven voor gebruik in rapporten of voor openbaar " +
		"gebruik. Namen, adressen, telefoonnummers en andere gegevens waarmee iemand herkenbaar is, " +
		"zijn weggelaten. Wie de toestemming intrekt, komt in geen enkel rapport meer voor.")

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

// pdfInkorten shortens s with an ellipsis until it fits in w mm in the
// current font.
func pdfInkorten(f *fpdf.Fpdf, s string, w float64) string {
	if f.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && f.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}
