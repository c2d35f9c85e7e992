package reports

import (
	_ "embed"
	"errors"
	"html/template"
	"io"
)

//go:embed html_ouders.tmpl
var htmlOudersSjabloon string

var htmlOudersTmpl = template.Must(template.New("ouders").Parse(htmlOudersSjabloon))

// WriteOudersHTML writes o as one self-contained, accessible HTML page:
// no scripts, no requests, large type, and a print style for one A4
// page. It shows what the PDF's page has room for.
func WriteOudersHTML(w io.Writer, o *Ouders) error {
	if o == nil {
		return errors.New("html-ouders: geen terugkoppeling")
	}
	return htmlSchrijven(w, htmlOudersTmpl, ouMaakPagina(o, oudersPagina(o).m), "html-ouders "+o.Coalitie.Naam)
}

// ouPagina is what html_ouders.tmpl shows: plain text only.
type ouPagina struct {
	Titel, Coalitie, Periode, Intro, Gemaakt string

	KopThemas, ThemasIntro, GeenThemas string
	Themas                             []ouPunt

	KopVeranderd, VeranderdIntro, GeenVeranderd string
	Veranderd                                   []string

	KopCitaten, Herkomst string
	Citaten              []string

	KopMeedoen, Meedoen, Privacy string
}

type ouPunt struct{ Kop, Tekst string }

// ouMaakPagina fills the page with what fits on the PDF's one page (m).
func ouMaakPagina(o *Ouders, m oudersMaat) ouPagina {
	p := ouPagina{
		Titel: oudersTitel, Coalitie: o.Coalitie.Naam, Periode: oudersPeriode(o), Intro: oudersIntro(o), Gemaakt: oudersGemaakt(o),
		KopThemas: oudersKopThemas, ThemasIntro: oudersThemasIntro,
		KopVeranderd: oudersKopVeranderd, VeranderdIntro: oudersVeranderdIntro(o), GeenVeranderd: oudersGeenVeranderd,
		KopCitaten: oudersKopCitaten, Herkomst: oudersHerkomst(o),
		KopMeedoen: oudersKopMeedoen, Meedoen: oudersMeedoen, Privacy: oudersPrivacy,
		Veranderd: o.Veranderd[:m.veranderd],
	}
	switch {
	case !o.Verhalen:
		p.GeenThemas = oudersGeenVerhalen
	case m.themas == 0:
		p.GeenThemas = oudersGeenThemas
	}
	for _, th := range o.Themas[:m.themas] {
		p.Themas = append(p.Themas, ouPunt{metHoofdletter(th.Tekst) + ".", th.Toon})
	}
	for _, c := range o.Citaten[:m.citaten] {
		// The second lock: only openbaar, short and without digits.
		if oudersCitaat(c) {
			p.Citaten = append(p.Citaten, aanhalen(c.Tekst))
		}
	}
	return p
}
