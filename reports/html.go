package reports

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"kansrijk"
	"kansrijk/bestand"
	"kansrijk/eval"
	"kansrijk/stories"
)

//go:embed html_rapport.tmpl
var htmlSjabloon string

var htmlTmpl = template.Must(template.New("rapport").Parse(htmlSjabloon))

// WriteHTML writes r as one self-contained HTML file with the content of
// the PDF report: styles, echarts and the chart data are inlined, so the
// file opens offline and makes no requests. The same Rapport always gives
// the same bytes. Percentages of figures that are not Toonbaar and counts
// from 1 to 4 never appear in it, not even in the chart data.
func WriteHTML(w io.Writer, r *Rapport) error {
	if r == nil {
		return errors.New("html-rapport: geen rapport")
	}
	if err := echartsInline(); err != nil {
		return fmt.Errorf("html-rapport: %w", err)
	}
	p, err := htmlMaakPagina(r)
	if err != nil {
		return fmt.Errorf("html-rapport %s %s: %w", r.Coalitie.Naam, r.Kwartaal, err)
	}
	return htmlSchrijven(w, htmlTmpl, p, fmt.Sprintf("html-rapport %s %s", r.Coalitie.Naam, r.Kwartaal))
}

// htmlSchrijven executes t with data and writes the result to w. It
// renders into a buffer first so that a failing template never leaves
// half a page behind. Errors are bestand.Fouten that name wat, without
// text/template's English.
func htmlSchrijven(w io.Writer, t *template.Template, data any, wat string) error {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return &bestand.Fout{Wat: "het opmaken van de HTML (" + wat + ")", Err: err}
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return &bestand.Fout{Wat: "het schrijven van de HTML (" + wat + ")", Err: err}
	}
	return nil
}

// htmlPagina is what the template shows. Its text is plain text that
// html/template escapes; only EchartsJS and the chart options are
// template.JS, and both are made safe for a <script> element first.
type htmlPagina struct {
	Titel       string
	Coalitie    string
	Gemeenten   string // "Gemeenten Ommerveld en Dalwijk"
	Kwartaal    string
	Periode     string // "2025-K1 tot en met 2026-K3"
	Regio       string
	Gemaakt     string
	Kort        []string
	Overzicht   htmlOverzicht
	Indicatoren []htmlIndicator
	Borging     htmlBorging
	Aanlever    htmlAanlever
	Samenhangen []htmlSamenhang
	Personas    []htmlPersona
	Citaten     []htmlCitaat
	// CitatenIntro opens "Wat ouders vertellen", which is left out when
	// CitatenTonen is false.
	CitatenIntro string
	CitatenTonen bool
	Bronnen      []htmlBron
	AlleNoten    []noot
	// The texts shared with the PDF.
	Titels              htmlTitels
	Leeswijzer          string
	BorgingIntro        string
	AanleverIntro       string
	KleineAantallen     string
	Marges              string
	NietAangeleverd     string
	KwartaalTeken       string
	KwartaalTekenUitleg string
	SamenhangIntro      string
	ToonUitleg          string
	SignaalKop          string
	PersonaIntro        string
	WerkwijzeVerhalen   string
	EchartsJS           template.JS
}

// htmlTitels are the section titles, the same as the PDF's.
type htmlTitels struct {
	Kort, Indicatoren, Borging, Samenhang, Personas, Ouders, Aanlever, Werkwijze string
}

// htmlOverzicht is the table of all indicators in "In het kort".
type htmlOverzicht struct {
	Kwartaal string
	Vorig    string // the kwartaal before, "" if there is none
	Rijen    []htmlOverzichtRij
	Noten    []noot
}

type htmlOverzichtRij struct {
	ID, Code, Naam string
	Nu, Vorig      htmlCel
	Streef         string
	Trend          string
}

type htmlIndicator struct {
	ID          string // section anchor, from the code
	GrafiekID   string
	OptieID     string
	Code        string
	Naam        string
	Toelichting string
	Beoordeling []regel // the figure, its margin, changes, trend and comparisons
	Marge       bool    // the chart shows the coalitie's interval
	AriaLabel   string
	Optie       template.JS

	Rijen         []htmlRij
	Noten         []noot
	KwartaalNoten []string // completeness notes, each starting with its kwartaal

	// Per gemeente, only for coalities of more than one gemeente.
	Gemeenten     []string
	GemeenteRijen []htmlGemeenteRij
	GemeenteNoten []noot
}

type htmlRij struct {
	Kwartaal   string
	Noot       string // the completeness note of this kwartaal, if any
	Huidig     bool
	Teller     htmlCel
	Noemer     htmlCel
	Percentage htmlCel
}

type htmlGemeenteRij struct {
	Kwartaal string
	Huidig   bool
	Cellen   []htmlCel // coalitie first, then the gemeenten
}

// htmlCel is one table cell: the text, an optional footnote marker and,
// for a bare "—" or "<5", words for screen readers.
type htmlCel struct {
	Tekst  string
	Noot   string
	Uitleg string
}

// htmlBorging is the Borging section.
type htmlBorging struct {
	Samenvatting string
	Heeft        bool // a procesmonitor over these kwartalen
	Stil         []string
	GeenStil     string
	Kwartalen    []string
	Legenda      []htmlBorgCel
	Punten       []htmlBorgPunt
	Monitor      []htmlMonitorRij
	MonitorNoten []string

	GrafiekID, OptieID, AriaLabel string
	Optie                         template.JS
}

type htmlBorgPunt struct {
	Naam   string
	Cellen []htmlBorgCel
}

// htmlBorgCel is one status: its niveau picks colour and symbol, the
// label says it in words.
type htmlBorgCel struct {
	Niveau int
	Label  string
}

type htmlMonitorRij struct {
	Kwartaal                              string
	Huidig                                bool
	Gerealiseerd, Partners, Bijeenkomsten string
	Ouders                                htmlCel
}

// htmlAanlever is the Aanleverstatus section.
type htmlAanlever struct {
	Samenvatting string
	Kwartalen    []string
	Rijen        []htmlAanleverRij
	Legenda      []aanleverTeken
}

type htmlAanleverRij struct {
	Partner string
	Cellen  []aanleverTeken
}

type htmlCitaat struct {
	Tekst    string
	Herkomst string
}

type htmlBron struct {
	Partner   string
	Bestand   string
	Periode   string
	Ingelezen string
}

func htmlMaakPagina(r *Rapport) (*htmlPagina, error) {
	huidig := huidigIndex(r)
	p := &htmlPagina{
		Titel:     fmt.Sprintf("Kansrijke Start — evaluatierapport %s %s", r.Coalitie.Naam, r.Kwartaal),
		Coalitie:  r.Coalitie.Naam,
		Kwartaal:  r.Kwartaal.String(),
		Regio:     r.Regio,
		Gemaakt:   htmlDatum(r.Gemaakt),
		Kort:      bevindingen(r, huidig),
		AlleNoten: noten,
		Titels: htmlTitels{Kort: titelKort, Indicatoren: titelIndicators, Borging: titelBorging, Samenhang: titelSamenhang,
			Personas: titelPersonas, Ouders: titelOuders, Aanlever: titelAanlever, Werkwijze: titelWerkwijze},
		Leeswijzer:          leeswijzer,
		BorgingIntro:        borgingIntro,
		AanleverIntro:       aanleverIntro,
		KleineAantallen:     werkwijzeKleineAantallen,
		Marges:              werkwijzeMarges,
		NietAangeleverd:     nietAangeleverd,
		KwartaalTeken:       kwartaalTeken,
		KwartaalTekenUitleg: kwartaalTekenUitleg,
		SamenhangIntro:      samenhangIntro,
		ToonUitleg:          toonUitleg,
		SignaalKop:          signaalKop,
		PersonaIntro:        personaIntro,
		WerkwijzeVerhalen:   werkwijzeVerhalen,
		EchartsJS:           template.JS(echartsJS),
	}
	p.CitatenIntro, p.CitatenTonen = citatenIntro(r)
	if g := r.Coalitie.Gemeenten; len(g) == 1 {
		p.Gemeenten = "Gemeente " + g[0]
	} else if len(g) > 1 {
		p.Gemeenten = "Gemeenten " + opsommen(g)
	}
	if n := len(r.Kwartalen); n > 1 {
		p.Periode = r.Kwartalen[0].String() + " tot en met " + r.Kwartalen[n-1].String()
	}
	p.Overzicht = htmlMaakOverzicht(r, huidig)

	ids := map[string]bool{} // keeps anchors unique; never iterated
	for i, s := range r.Indicatoren {
		id := "ind-" + htmlSlug(s.Indicator.Code)
		if id == "ind-" || ids[id] {
			id = fmt.Sprintf("%s-%d", id, i+1)
		}
		ids[id] = true
		p.Overzicht.Rijen[i].ID = id
		ind, err := htmlMaakIndicator(r, s, id, huidig)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.Indicator.Code, err)
		}
		p.Indicatoren = append(p.Indicatoren, ind)
	}

	borging, err := htmlMaakBorging(r, huidig)
	if err != nil {
		return nil, fmt.Errorf("borging: %w", err)
	}
	p.Borging = borging
	p.Aanlever = htmlMaakAanlever(r)
	if err := htmlMaakSamenhang(r, p); err != nil {
		return nil, fmt.Errorf("tellen en vertellen: %w", err)
	}

	for _, c := range r.Citaten {
		// Basis.Rapport selects the quotes; this second lock keeps a fragment
		// without consent to quote out of a report even if that selection slips.
		if c.Toestemming != stories.Rapport && c.Toestemming != stories.Openbaar {
			continue
		}
		p.Citaten = append(p.Citaten, htmlCitaat{
			Tekst:    aanhalen(c.Tekst),
			Herkomst: citaatHerkomst(c.Werkvorm, c.Persona, c.Kwartaal),
		})
	}

	for _, b := range r.Bronnen {
		in := "—"
		if !b.Ingelezen.IsZero() {
			in = htmlDatum(b.Ingelezen)
		}
		p.Bronnen = append(p.Bronnen, htmlBron{Partner: b.Partner, Bestand: b.Bestand, Periode: b.Periode, Ingelezen: in})
	}
	return p, nil
}

func htmlMaakOverzicht(r *Rapport, huidig int) htmlOverzicht {
	o := htmlOverzicht{Kwartaal: r.Kwartaal.String()}
	vorig := huidig > 0 && huidig < len(r.Kwartalen)
	if vorig {
		o.Vorig = r.Kwartalen[huidig-1].String()
	}
	gebruikt := map[eval.Status]bool{}
	for _, s := range r.Indicatoren {
		nu := cijferOp(s.Coalitie, huidig)
		rij := htmlOverzichtRij{Code: s.Indicator.Code, Naam: s.Indicator.Naam, Nu: htmlPercentageCel(nu), Streef: "—", Trend: trendKort(s, huidig)}
		gebruikt[nu.Status] = true
		if vorig {
			c := cijferOp(s.Coalitie, huidig-1)
			rij.Vorig = htmlPercentageCel(c)
			gebruikt[c.Status] = true
		}
		if v := s.Indicator.Streefwaarde; v > 0 {
			rij.Streef = streefwaarde(v)
		}
		o.Rijen = append(o.Rijen, rij)
	}
	o.Noten = notenVoor(gebruikt)
	return o
}

func htmlMaakIndicator(r *Rapport, s Reeks, id string, huidig int) (htmlIndicator, error) {
	in := s.Indicator
	kort := strings.TrimPrefix(id, "ind-")
	ind := htmlIndicator{
		ID:          id,
		GrafiekID:   "grafiek-" + kort,
		OptieID:     "optie-" + kort,
		Code:        in.Code,
		Naam:        in.Naam,
		Toelichting: toelichting(s),
	}
	ind.Beoordeling = beoordelingRegels(r, s, huidig)
	for i := range r.Kwartalen {
		_, _, ok := interval(s, i)
		ind.Marge = ind.Marge || ok
	}

	gebruikt := map[eval.Status]bool{}
	for i, q := range r.Kwartalen {
		c := cijferOp(s.Coalitie, i)
		gebruikt[c.Status] = true
		ind.Rijen = append(ind.Rijen, htmlRij{
			Kwartaal: q.String(), Noot: volledigheidsNoot(s, i), Huidig: i == huidig,
			Teller: htmlAantalCel(tellerTekst(c)), Noemer: htmlAantalCel(noemerTekst(c)), Percentage: htmlPercentageCel(c),
		})
	}
	ind.Noten = notenVoor(gebruikt)
	ind.KwartaalNoten = kwartaalNoten(r, s)

	if len(s.Gemeenten) > 1 {
		gebruikt := map[eval.Status]bool{}
		for _, g := range s.Gemeenten {
			ind.Gemeenten = append(ind.Gemeenten, g.Gemeente)
		}
		for i, q := range r.Kwartalen {
			rij := htmlGemeenteRij{Kwartaal: q.String(), Huidig: i == huidig}
			cs := []eval.Cijfer{cijferOp(s.Coalitie, i)}
			for _, g := range s.Gemeenten {
				cs = append(cs, cijferOp(g.Cijfers, i))
			}
			for _, c := range cs {
				gebruikt[c.Status] = true
				rij.Cellen = append(rij.Cellen, htmlPercentageCel(c))
			}
			ind.GemeenteRijen = append(ind.GemeenteRijen, rij)
		}
		ind.GemeenteNoten = notenVoor(gebruikt)
	}

	ind.AriaLabel = htmlAriaLabel(r, s, huidig)
	optie, err := htmlGrafiekOptie(r, s, ind.GrafiekID)
	if err != nil {
		return ind, err
	}
	ind.Optie = optie
	return ind, nil
}

// htmlMaakBorging fills the Borging section from r.Borging.
func htmlMaakBorging(r *Rapport, huidig int) (htmlBorging, error) {
	h := htmlBorging{Samenvatting: borgingSamenvatting(r), GeenStil: geenStilstand, MonitorNoten: procesmonitorNoten,
		GrafiekID: "grafiek-borging", OptieID: "optie-borging"}
	b := r.Borging
	if b == nil {
		return h, nil
	}
	h.Heeft = true
	h.Stil = stilstaand(b)
	for _, q := range r.Kwartalen {
		h.Kwartalen = append(h.Kwartalen, q.String())
	}
	for niveau := 1; niveau < len(borgingNiveaus); niveau++ {
		h.Legenda = append(h.Legenda, htmlBorgCel{niveau, borgingNiveaus[niveau]})
	}
	h.Legenda = append(h.Legenda, htmlBorgCel{0, borgingNiveaus[0]})
	for _, p := range b.Punten {
		pt := htmlBorgPunt{Naam: fmt.Sprintf("%d. %s", p.Nr, p.Naam)}
		for _, q := range r.Kwartalen {
			niveau := 0
			if k := borgingKolom(b, q); k >= 0 && k < len(p.Status) {
				niveau = borgingNiveau(p.Status[k])
			}
			pt.Cellen = append(pt.Cellen, htmlBorgCel{niveau, borgingNiveaus[niveau]})
		}
		h.Punten = append(h.Punten, pt)
	}
	for i, q := range r.Kwartalen {
		rij := htmlMonitorRij{Kwartaal: q.String(), Huidig: i == huidig, Gerealiseerd: "—", Partners: "—", Bijeenkomsten: "—",
			Ouders: htmlAantalCel("—")}
		if k := borgingKolom(b, q); k >= 0 {
			bk := b.Kwartalen[k]
			rij.Gerealiseerd = fmt.Sprintf("%d van 10", bk.Gerealiseerd)
			rij.Partners, rij.Bijeenkomsten = aantalOfStreep(bk.Partners), aantalOfStreep(bk.Bijeenkomsten)
			rij.Ouders = htmlAantalCel(aantalOuders(bk.Ouders))
		}
		h.Monitor = append(h.Monitor, rij)
	}

	// KS10's progress as bars; a kwartaal without procesmonitor is a gap.
	kwartalen := make([]string, len(r.Kwartalen))
	data := make([]opts.BarData, len(r.Kwartalen))
	var delen []string
	for i, q := range r.Kwartalen {
		kwartalen[i] = q.String()
		data[i].Value = "-"
		if k := borgingKolom(b, q); k >= 0 {
			data[i].Value = b.Kwartalen[k].Gerealiseerd
			delen = append(delen, fmt.Sprintf("%s %d", q, b.Kwartalen[k].Gerealiseerd))
			if i == huidig {
				data[i].ItemStyle = &opts.ItemStyle{Color: htmlTeal}
			}
		}
	}
	h.AriaLabel = "Staafgrafiek: aandachtspunten gerealiseerd of geborgd per kwartaal, van de 10: " + strings.Join(delen, ", ") + "."
	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: h.GrafiekID}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: "84", Top: "24", Bottom: "8", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Color: "#4b5563"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: 10, MinInterval: 2, MaxInterval: 2,
			AxisLabel: &opts.AxisLabel{Color: "#4b5563"},
			SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#e1e6ea"}}}),
	)
	bar.SetXAxis(kwartalen)
	reeks := []charts.SeriesOpts{
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#2f8a94"}),
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top", Color: "#262d34", FontWeight: "bold"}),
		charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.BarMaxWidth = "42" }),
	}
	if st := borgingStreef(r); st > 0 {
		reeks = append(reeks,
			charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: "Streefwaarde", YAxis: st}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "end", Formatter: "streefwaarde\n" + eval.Getal(st), Color: htmlStreefKleur, LineHeight: 15},
				LineStyle: &opts.LineStyle{Color: "#b07626", Type: "dashed", Width: 1.5},
			}),
		)
	}
	bar.AddSeries("Gerealiseerd of geborgd", data, reeks...)
	bar.Validate()
	optie, err := htmlJSON(bar.JSON())
	if err != nil {
		return h, err
	}
	h.Optie = optie
	return h, nil
}

// htmlMaakAanlever fills the Aanleverstatus section.
func htmlMaakAanlever(r *Rapport) htmlAanlever {
	a := htmlAanlever{Samenvatting: aanleverSamenvatting(r), Legenda: aanleverTekens}
	for _, q := range r.Kwartalen {
		a.Kwartalen = append(a.Kwartalen, q.String())
	}
	for _, rij := range aanleverRaster(r) {
		hr := htmlAanleverRij{Partner: rij.Partner}
		for _, s := range rij.Cellen {
			hr.Cellen = append(hr.Cellen, aanleverTekenVoor(s))
		}
		a.Rijen = append(a.Rijen, hr)
	}
	return a
}

// htmlPercentageCel is the shared percentage cell; a bare "—" gets
// words for screen readers, as the marker alone says nothing aloud.
func htmlPercentageCel(c eval.Cijfer) htmlCel {
	t := percentageCel(c)
	cel := htmlCel{Tekst: t.Tekst, Noot: t.Teken}
	if t.Tekst == "—" {
		switch c.Status {
		case eval.StatusKlein:
			cel.Uitleg = "niet getoond, te kleine aantallen"
		case eval.StatusSecundair:
			cel.Uitleg = "niet getoond, aanvullend afgeschermd"
		case eval.StatusGeenNoemer:
			cel.Uitleg = "geen noemer"
		default:
			cel.Uitleg = "geen cijfer"
		}
	}
	return cel
}

// htmlAantalCel is a shared teller or noemer text with words for screen
// readers where it is only a sign.
func htmlAantalCel(tekst string) htmlCel {
	cel := htmlCel{Tekst: tekst}
	switch tekst {
	case "—":
		cel.Uitleg = "geen aantal"
	case "<5":
		cel.Uitleg = "minder dan 5"
	case "<10":
		cel.Uitleg = "minder dan 10"
	}
	return cel
}

// Chart colours: the report's teal for the coalitie, muted colours for the
// gemeenten and amber for the target, as in the PDF.
const (
	htmlTeal        = "#105760"
	htmlStreefKleur = "#8a5a16"
)

var htmlGemeenteKleuren = []string{"#467eb2", "#ba6454", "#7c60a0", "#708a3e", "#787878"}

// The coalitie's 95% interval: the PDF's light tint of its teal, a
// little darker for a lone error bar.
const (
	htmlMargeNaam  = "95%-interval (marge)"
	htmlMargeKleur = "#cde4e7"
	htmlMargeRand  = "#78aab0"
)

// htmlPunt is one point of a line; Value "-" is a gap in echarts. Marge
// is the coalitie's 95% interval for the tooltip.
type htmlPunt struct {
	Value any         `json:"value"`
	Label *opts.Label `json:"label,omitempty"`
	Marge string      `json:"marge,omitempty"`
}

// htmlGrafiekOptie builds the echarts option for one indicator with
// go-echarts and encodes it as JSON for a <script type="application/json">.
// Only figures that may be shown get a value; the others are "-", which
// echarts draws as a gap, so a hidden figure is not even in the data.
func htmlGrafiekOptie(r *Rapport, s Reeks, id string) (template.JS, error) {
	n := len(r.Kwartalen)
	kwartalen := make([]string, n)
	for i, q := range r.Kwartalen {
		kwartalen[i] = q.String()
	}
	// The axis follows the shown values and the target only, so its scale
	// says nothing about a figure that is not shown.
	hoogste := s.Indicator.Streefwaarde
	punten := func(cs []eval.Cijfer) []htmlPunt {
		d := make([]htmlPunt, n)
		for i := range d {
			d[i].Value = "-"
			if v, ok := toonbaar(cijferOp(cs, i)); ok {
				d[i].Value = htmlProcent(v)
				hoogste = max(hoogste, v)
			}
		}
		return d
	}
	coalitie := punten(s.Coalitie)
	ondergrens, breedte, balken, band := htmlMarges(s, coalitie)
	for i := range n {
		if _, hi, ok := interval(s, i); ok {
			hoogste = max(hoogste, hi)
		}
	}
	// Label the coalitie's latest shown value, as the PDF does.
	for i := n - 1; i >= 0; i-- {
		if v, ok := toonbaar(cijferOp(s.Coalitie, i)); ok {
			coalitie[i].Label = &opts.Label{Show: opts.Bool(true), Position: "top", Formatter: eval.Percentage(v),
				Color: htmlTeal, FontWeight: "bold", BackgroundColor: "#fff"}
			break
		}
	}
	perGemeente := len(s.Gemeenten) > 1
	var gemeenten [][]htmlPunt
	if perGemeente {
		for _, g := range s.Gemeenten {
			gemeenten = append(gemeenten, punten(g.Cijfers))
		}
	}

	yas := htmlYAs(hoogste)
	onder, rechts := "8", "24"
	if perGemeente {
		onder = "36" // room for the legend
	}
	if s.Indicator.Streefwaarde > 0 {
		rechts = "84" // room for the target's label, right of the plot
	}

	naam := r.Coalitie.Naam
	if perGemeente {
		naam += " (coalitie)"
	}
	legenda := []string{naam}
	if band || len(balken) > 0 {
		legenda = append(legenda, htmlMargeNaam)
	}
	for _, g := range s.Gemeenten {
		if perGemeente {
			legenda = append(legenda, g.Gemeente)
		}
	}

	line := charts.NewLine()
	line.SetGlobalOptions(
		// A fixed ID: go-echarts would otherwise draw a random one.
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithAnimation(false),
		charts.WithColorsOpts(append(opts.Colors{}, htmlGemeenteKleuren...)),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(perGemeente), Type: "scroll", Bottom: "0", Data: legenda,
			TextStyle: &opts.TextStyle{Color: "#262d34"}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "8", Right: rechts, Top: "30", Bottom: onder, ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Color: "#4b5563"}}),
		charts.WithYAxisOpts(yas),
	)
	line.SetXAxis(kwartalen)

	htmlMargeReeksen(line, band, ondergrens, breedte, balken)

	// Gemeenten first and the coalitie last, so that it is drawn on top.
	// Gemeenten differ in symbol and dash as well as colour.
	symbolen := []string{"rect", "triangle", "diamond", "roundRect"}
	for i, d := range gemeenten {
		line.AddSeries(s.Gemeenten[i].Gemeente, nil,
			htmlData(d),
			charts.WithLineChartOpts(opts.LineChart{Symbol: symbolen[i%len(symbolen)], SymbolSize: 7, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 1.5, Type: "dashed", Color: htmlGemeenteKleuren[i%len(htmlGemeenteKleuren)]}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: htmlGemeenteKleuren[i%len(htmlGemeenteKleuren)]}),
		)
	}
	reeks := []charts.SeriesOpts{
		htmlData(coalitie),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 8, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 3, Color: htmlTeal}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: htmlTeal}),
	}
	if st := s.Indicator.Streefwaarde; st > 0 {
		reeks = append(reeks,
			charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: "Streefwaarde", YAxis: htmlProcent(st)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(true), Position: "end", Formatter: "streefwaarde\n" + streefwaarde(st), Color: htmlStreefKleur, LineHeight: 15},
				LineStyle: &opts.LineStyle{Color: "#b07626", Type: "dashed", Width: 1.5},
			}),
		)
	}
	line.AddSeries(naam, nil, reeks...)

	line.Validate()
	return htmlJSON(line.JSON())
}

// htmlJSON encodes a chart option for a <script type="application/json">.
// encoding/json escapes <, > and & as \u003c, \u003e and \u0026 (and
// U+2028/U+2029), so names from the input cannot close the <script>
// element or open a comment. Map keys come out sorted: deterministic.
func htmlJSON(optie map[string]any) (template.JS, error) {
	b, err := json.Marshal(optie)
	if err != nil {
		return "", &bestand.Fout{Wat: "het opmaken van een grafiek", Err: err}
	}
	if bytes.ContainsRune(b, '<') {
		return "", errors.New("grafiek: optie bevat een onveilig teken")
	}
	return template.JS(b), nil
}

// htmlData sets a series' points; go-echarts' LineData has no label per
// point, which the latest coalitie value needs.
func htmlData(d []htmlPunt) charts.SeriesOpts {
	return charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.Data = d })
}

// htmlProcent is a fraction as a percentage with one decimal, the
// precision the tables show: 0.734375 → 73.4.
func htmlProcent(v float64) float64 { return math.Round(v*1000) / 10 }

// htmlAsSchaal picks the top of the y-axis and the step between grid lines
// in percent, as the PDF does: at most five steps, a little headroom, never
// above 100% unless a value is. ok is false when echarts should choose.
func htmlAsSchaal(hoogste float64) (top, stap float64, ok bool) {
	if hoogste > 1 {
		return 0, 0, false
	}
	v := min(max(hoogste, 0.05)*1.1, 1)
	for _, s := range []float64{0.01, 0.02, 0.05, 0.1, 0.2, 0.25} {
		if k := math.Ceil(v/s - 1e-9); k <= 5 {
			return math.Round(min(k*s, 1) * 100), math.Round(s * 100), true
		}
	}
	return 100, 25, true
}

// htmlAriaLabel summarises a chart for screen readers; the table beside it
// holds every figure.
func htmlAriaLabel(r *Rapport, s Reeks, huidig int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Lijngrafiek van %s %s: percentage per kwartaal", s.Indicator.Code, s.Indicator.Naam)
	if n := len(r.Kwartalen); n > 1 {
		fmt.Fprintf(&b, " van %s tot en met %s", r.Kwartalen[0], r.Kwartalen[n-1])
	}
	fmt.Fprintf(&b, " voor %s", r.Coalitie.Naam)
	if len(s.Gemeenten) > 1 {
		var gs []string
		for _, g := range s.Gemeenten {
			gs = append(gs, g.Gemeente)
		}
		fmt.Fprintf(&b, ", met een lijn per gemeente (%s)", opsommen(gs))
	}
	b.WriteString(".")
	if huidig >= 0 {
		fmt.Fprintf(&b, " %s: %s.", r.Kwartalen[huidig], stand(cijferOp(s.Coalitie, huidig)))
	}
	if v := s.Indicator.Streefwaarde; v > 0 {
		fmt.Fprintf(&b, " Streefwaarde %s.", streefwaarde(v))
	}
	if _, _, ok := interval(s, huidig); ok {
		b.WriteString(" Een lichte band rond de lijn toont de marge (95%-interval).")
	}
	b.WriteString(" Waar de lijn onderbroken is, is er geen cijfer te tonen. Alle cijfers staan in de tabel.")
	return b.String()
}

// aanhalen puts a quote between curly quotes, unless it already is.
func aanhalen(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") {
		return s
	}
	return "“" + s + "”"
}

// citaatHerkomst is the source of a quote: "werkvorm, persona, kwartaal".
func citaatHerkomst(werkvorm, persona string, q kansrijk.Kwartaal) string {
	var delen []string
	for _, s := range []string{werkvorm, persona} {
		if s = strings.TrimSpace(s); s != "" {
			delen = append(delen, s)
		}
	}
	if !q.IsZero() {
		delen = append(delen, q.String())
	}
	return strings.Join(delen, ", ")
}

var htmlMaanden = [...]string{"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december"}

// htmlDatum writes a date the Dutch way: "23 november 2026".
func htmlDatum(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), htmlMaanden[t.Month()-1], t.Year())
}

// htmlSlug makes an indicator code fit for an id: "KS01" → "ks01".
func htmlSlug(s string) string {
	var b strings.Builder
	streep := false
	for _, r := range strings.ToLower(s) {
		switch {
		case (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'):
			if streep && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			streep = false
		default:
			streep = true
		}
	}
	return b.String()
}

// htmlMargeReeksen adds the margin series to line, before any other
// series. With band, the band comes first, below every line: a
// transparent lower bound with the interval's width stacked on it as a
// filled area. They carry ids starting with "marge-", which the page's
// script makes silent and leaves out of the tooltip. Balken, if any,
// become a custom series: the script gives it the function that draws an
// error bar from [kwartaal, onder, boven].
func htmlMargeReeksen(line *charts.Line, band bool, ondergrens, breedte []htmlPunt, balken [][3]float64) {
	if band {
		geen := &opts.LineStyle{Opacity: opts.Float(0)}
		line.AddSeries("marge-onder", nil, htmlData(ondergrens),
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				ss.Id, ss.Stack, ss.Symbol, ss.ShowSymbol, ss.LineStyle = "marge-onder", "marge", "none", opts.Bool(false), geen
			}))
		line.AddSeries(htmlMargeNaam, nil, htmlData(breedte),
			charts.WithSeriesOpts(func(ss *charts.SingleSeries) {
				ss.Id, ss.Stack, ss.Symbol, ss.ShowSymbol, ss.LineStyle = "marge-band", "marge", "none", opts.Bool(false), geen
				ss.AreaStyle = &opts.AreaStyle{Color: htmlMargeKleur, Opacity: opts.Float(1)}
				ss.ItemStyle = &opts.ItemStyle{Color: htmlMargeKleur}
			}))
	}
	if len(balken) > 0 {
		line.MultiSeries = append(line.MultiSeries, charts.SingleSeries{
			Name: htmlMargeNaam, Type: "custom", Id: "marge-balk", Data: balken,
			ItemStyle: &opts.ItemStyle{Color: htmlMargeRand},
		})
	}
}

// htmlMarges gives the 95% intervals of s's coalitie, only where eval
// gives one for a figure that may be shown: a band (ondergrens with
// breedte stacked on it) where neighbouring figures both have one, an
// error bar in balken for a lone one, as in the PDF. Band reports whether
// there is any band. It puts each interval in the Marge of its punt.
func htmlMarges(s Reeks, punten []htmlPunt) (ondergrens, breedte []htmlPunt, balken [][3]float64, band bool) {
	n := len(punten)
	ondergrens, breedte = make([]htmlPunt, n), make([]htmlPunt, n)
	heeft := make([]bool, n)
	for i := range heeft {
		_, _, heeft[i] = interval(s, i)
	}
	for i := range n {
		ondergrens[i].Value, breedte[i].Value = "-", "-"
		lo, hi, ok := interval(s, i)
		if !ok {
			continue
		}
		punten[i].Marge = marge(lo, hi)
		if (i > 0 && heeft[i-1]) || (i+1 < n && heeft[i+1]) {
			// In tenths of a percent, so that the stacked top is the
			// rounded upper bound exactly.
			ondergrens[i].Value = htmlProcent(lo)
			breedte[i].Value = (math.Round(hi*1000) - math.Round(lo*1000)) / 10
			band = true
		} else {
			balken = append(balken, [3]float64{float64(i), htmlProcent(lo), htmlProcent(hi)})
		}
	}
	return ondergrens, breedte, balken, band
}

// htmlYAs is the value axis in percent up to hoogste, with the scale
// htmlAsSchaal gives it.
func htmlYAs(hoogste float64) opts.YAxis {
	yas := opts.YAxis{
		Type:      "value",
		Min:       0,
		AxisLabel: &opts.AxisLabel{Formatter: "{value}%", Color: "#4b5563"},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#e1e6ea"}},
	}
	if top, stap, ok := htmlAsSchaal(hoogste); ok {
		yas.Max, yas.MinInterval, yas.MaxInterval = top, stap, stap
	}
	return yas
}
