package reports

import (
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"

	"kansrijk/bestand"
)

// Layout of the parents' page in mm and points: large type, wide lines.
const (
	oudersTekstPt = 12
	oudersRegel   = 5.9
	oudersKopPt   = 15
	oudersVoet    = 16.0 // room for the line at the bottom
)

// A warm tint for the box that invites parents to tell their story.
var oudersWarm = pdfKleur{251, 238, 212}

// WriteOudersPDF renders o as exactly one A4 page. When the content does
// not fit, it leaves out the last quote, change or theme until it does
// (oudersPagina): the page is a short letter, not a report.
func WriteOudersPDF(w io.Writer, o *Ouders) error {
	if o == nil {
		return errors.New("pdf-ouders: geen terugkoppeling")
	}
	p := oudersPagina(o)
	if err := p.f.Error(); err != nil {
		return &bestand.Fout{Wat: "het opmaken van de PDF (pdf-ouders " + o.Coalitie.Naam + ")", Err: err}
	}
	if n := p.f.PageCount(); n != 1 {
		return fmt.Errorf("pdf-ouders %s: %d pagina's in plaats van één", o.Coalitie.Naam, n)
	}
	if err := p.f.Output(w); err != nil {
		return &bestand.Fout{Wat: "het schrijven van de PDF (pdf-ouders " + o.Coalitie.Naam + ")", Err: err}
	}
	return nil
}

// oudersPagina lays out the fullest page that fits on one A4. The HTML
// shows what it shows, so that both say the same.
func oudersPagina(o *Ouders) *ouPDF {
	var p *ouPDF
	for _, m := range oudersInkortingen(o) {
		if p = newOudersPDF(o, m); p.schrijf() {
			break
		}
	}
	return p
}

// oudersMaat is how many themes, changes and quotes a layout shows.
type oudersMaat struct{ themas, veranderd, citaten int }

// oudersInkortingen are the layouts to try, fullest first; the last
// always fits.
func oudersInkortingen(o *Ouders) []oudersMaat {
	m := oudersMaat{len(o.Themas), len(o.Veranderd), len(o.Citaten)}
	uit := []oudersMaat{m}
	stap := func(veld *int, tot int) {
		for *veld > tot {
			*veld--
			uit = append(uit, m)
		}
	}
	stap(&m.citaten, 2)
	stap(&m.veranderd, 3)
	stap(&m.themas, 2)
	stap(&m.veranderd, 2)
	stap(&m.citaten, 1)
	stap(&m.citaten, 0)
	stap(&m.themas, 1)
	stap(&m.veranderd, 1)
	stap(&m.themas, 0)
	stap(&m.veranderd, 0)
	return uit
}

type ouPDF struct {
	*pdfDoc
	o *Ouders
	m oudersMaat
}

func newOudersPDF(o *Ouders, m oudersMaat) *ouPDF {
	r := &Rapport{Coalitie: o.Coalitie, Kwartaal: o.Kwartaal, Gemaakt: o.Gemaakt}
	p := &ouPDF{pdfDoc: newPDFDoc(r, nil), o: o, m: m}
	f := p.f
	f.SetTitle(oudersTitel+" — Kansrijke Start "+o.Coalitie.Naam, true)
	f.SetSubject("Terugkoppeling aan ouders", true)
	// No header or footer of the report; no automatic second page:
	// schrijf measures instead.
	f.SetHeaderFuncMode(func() {}, false)
	f.SetFooterFunc(func() {})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(pdfMarge, 20, pdfMarge)
	return p
}

// schrijf lays out the page and reports whether it fits.
func (p *ouPDF) schrijf() bool {
	f, o := p.f, p.o
	f.AddPage()
	pw, ph := f.GetPageSize()
	w := p.breedte()

	// The title on a band of the programme's teal, as high as it needs.
	p.font("B", 22)
	band := 11 + 7 + float64(len(f.SplitText(oudersTitel, w)))*9.5 + 1 + 5.5 + 7
	p.vlakKleur(pdfTeal)
	f.Rect(0, 0, pw, band, "F")
	f.SetXY(pdfMarge, 11)
	p.font("B", 10)
	p.f.SetTextColor(211, 233, 235)
	f.CellFormat(w, 5, "Kansrijke Start "+o.Coalitie.Naam, "", 1, "L", false, 0, "")
	f.Ln(2)
	p.font("B", 22)
	f.SetTextColor(255, 255, 255)
	f.Bookmark(oudersTitel, 0, -1)
	f.MultiCell(w, 9.5, oudersTitel, "", "L", false)
	f.Ln(1)
	p.font("", 11)
	p.f.SetTextColor(211, 233, 235)
	f.MultiCell(w, 5.5, "Over "+oudersPeriode(o), "", "L", false)
	f.SetY(band + 6)

	p.tekst(oudersIntro(o))
	f.Ln(2)

	p.ouKop(oudersKopThemas)
	switch {
	case !o.Verhalen:
		p.tekst(oudersGeenVerhalen)
	case p.m.themas == 0:
		p.tekst(oudersGeenThemas)
	default:
		p.tekst(oudersThemasIntro)
		for _, th := range o.Themas[:p.m.themas] {
			p.punt(metHoofdletter(th.Tekst)+".", th.Toon)
		}
	}
	f.Ln(1)

	p.ouKop(oudersKopVeranderd)
	if p.m.veranderd == 0 {
		p.tekst(oudersGeenVeranderd)
	} else {
		p.tekst(oudersVeranderdIntro(o))
		for _, s := range o.Veranderd[:p.m.veranderd] {
			p.punt(s, "")
		}
	}
	f.Ln(1)

	if p.m.citaten > 0 {
		p.ouKop(oudersKopCitaten)
		for _, c := range o.Citaten[:p.m.citaten] {
			if oudersCitaat(c) { // the second lock, as in the HTML
				p.citaat(aanhalen(c.Tekst), oudersHerkomst(o))
			}
		}
	}

	// The invitation in a warm box, and the promise on privacy.
	f.Ln(1)
	p.font("", oudersTekstPt)
	in := 5.0
	regels := len(f.SplitText(oudersMeedoen, w-2*in))
	h := 4 + 7 + float64(regels)*oudersRegel + 4
	y := f.GetY()
	p.vlakKleur(oudersWarm)
	f.Rect(pdfMarge, y, w, h, "F")
	f.SetXY(pdfMarge+in, y+4)
	p.font("B", 13.5)
	p.tekstKleur(pdfTekst)
	f.CellFormat(w-2*in, 7, oudersKopMeedoen, "", 2, "L", false, 0, "")
	f.SetX(pdfMarge + in)
	p.font("", oudersTekstPt)
	f.MultiCell(w-2*in, oudersRegel, oudersMeedoen, "", "L", false)
	f.SetY(y + h + 4)
	p.font("", 10)
	p.tekstKleur(pdfGrijs)
	f.MultiCell(w, 5, oudersPrivacy, "", "L", false)
	past := f.GetY() <= ph-oudersVoet

	if s := oudersGemaakt(o); s != "" {
		p.font("", 9)
		p.tekstKleur(pdfGrijs)
		f.SetXY(pdfMarge, ph-12)
		f.CellFormat(w, 5, s, "", 0, "L", false, 0, "")
	}
	return past
}

func (p *ouPDF) tekst(s string) {
	p.font("", oudersTekstPt)
	p.tekstKleur(pdfTekst)
	p.f.MultiCell(0, oudersRegel, s, "", "L", false)
	p.f.Ln(1.5)
}

func (p *ouPDF) ouKop(s string) {
	p.f.Ln(2)
	p.font("B", oudersKopPt)
	p.tekstKleur(pdfTeal)
	p.f.MultiCell(0, 8, s, "", "L", false)
	p.f.Ln(1)
}

// punt is a bullet: its first sentence in bold when a second follows.
func (p *ouPDF) punt(eerste, tweede string) {
	f := p.f
	const in = 7.0
	y := f.GetY()
	p.vlakKleur(pdfTeal)
	f.Circle(pdfMarge+2, y+oudersRegel/2, 1.1, "F")
	f.SetXY(pdfMarge+in, y)
	p.tekstKleur(pdfTekst)
	if tweede == "" {
		p.font("", oudersTekstPt)
		f.MultiCell(p.breedte()-in, oudersRegel, eerste, "", "L", false)
	} else {
		p.font("B", oudersTekstPt)
		f.MultiCell(p.breedte()-in, oudersRegel, eerste, "", "L", false)
		f.SetX(pdfMarge + in)
		p.font("", oudersTekstPt)
		f.MultiCell(p.breedte()-in, oudersRegel, tweede, "", "L", false)
	}
	f.Ln(1.2)
}

// citaat is a quote on a light band with a bar, its source below.
func (p *ouPDF) citaat(tekst, herkomst string) {
	f := p.f
	const in = 6.0
	w := p.breedte() - 2*in
	p.font("I", oudersTekstPt)
	h := float64(len(f.SplitText(tekst, w)))*oudersRegel + 5.5 + 5
	y := f.GetY()
	p.vlakKleur(pdfVlak)
	f.Rect(pdfMarge, y, p.breedte(), h, "F")
	p.vlakKleur(pdfTeal)
	f.Rect(pdfMarge, y, 1.4, h, "F")
	f.SetXY(pdfMarge+in, y+2.5)
	p.tekstKleur(pdfTekst)
	f.MultiCell(w, oudersRegel, tekst, "", "L", false)
	f.SetX(pdfMarge + in)
	p.font("", 9.5)
	p.tekstKleur(pdfGrijs)
	f.MultiCell(w, 5, herkomst, "", "L", false)
	f.SetY(y + h + 2.5)
}

// metHoofdletter starts s with a capital.
func metHoofdletter(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
