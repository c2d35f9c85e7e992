package reports

import (
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"kansrijk/eval"
)

//go:embed html_overzicht.tmpl
var htmlOverzichtSjabloon string

var htmlOverzichtTmpl = template.Must(template.New("overzicht").Parse(htmlOverzichtSjabloon))

// WriteOverzichtHTML writes o as one self-contained HTML file with the
// content of the PDF: styles, echarts and chart data inlined, no
// requests. Percentages of figures that are not Toonbaar never appear in
// it, not even in the chart data or the scale of an axis.
func WriteOverzichtHTML(w io.Writer, o *Overzicht) error {
	if o == nil {
		return errors.New("html-overzicht: geen overzicht")
	}
	if err := echartsInline(); err != nil {
		return fmt.Errorf("html-overzicht: %w", err)
	}
	p, err := ovMaakPagina(o)
	if err != nil {
		return fmt.Errorf("html-overzicht %s: %w", o.Kwartaal, err)
	}
	return htmlSchrijven(w, htmlOverzichtTmpl, p, fmt.Sprintf("html-overzicht %s", o.Kwartaal))
}

// ovPagina is what html_overzicht.tmpl shows; as in htmlPagina only
// EchartsJS and the chart options are template.JS.
type ovPagina struct {
	Titel, Kwartaal, Periode, Regio, Gemaakt, Coalities string
	TitelKort, Leeswijzer, RangUitleg                   string

	KortKoppen []string // the coalities, the columns of the table of all indicators
	Kort       []ovKortRij
	KortNoten  []noot
	KortUitleg string
	TeVeel     bool // too many coalities for that table

	Indicatoren []ovIndicator

	AlleNoten                                []noot
	NietAangeleverd, KleineAantallen, Marges string
	EchartsJS                                template.JS
}

type ovKortRij struct {
	ID, Code, Naam string
	Cellen         []htmlCel
	Gemiddelde     string
}

type ovIndicator struct {
	ID, Code, Naam, Toelichting string
	Rang                        []regel
	Rijen                       []ovRij
	Noten                       []noot
	Periode                     string
	Uitleg                      string // how to read the small charts
	Grafieken                   []ovGrafiek
}

type ovRij struct {
	Coalitie                   string
	Waarde                     htmlCel
	Marge, Trend, Vergelijking string
}

type ovGrafiek struct {
	ID, OptieID, Naam, Label, AriaLabel string
	Optie                               template.JS
}

func ovMaakPagina(o *Overzicht) (*ovPagina, error) {
	p := &ovPagina{
		Titel:           "Kansrijke Start — overzicht van alle coalities " + o.Kwartaal.String(),
		Kwartaal:        o.Kwartaal.String(),
		Regio:           o.Regio,
		Gemaakt:         htmlDatum(o.Gemaakt),
		TitelKort:       titelOverzichtKort,
		Leeswijzer:      overzichtLeeswijzer,
		RangUitleg:      overzichtRangUitleg,
		KortUitleg:      overzichtKortUitleg,
		TeVeel:          len(o.Coalities) > overzichtKortMax,
		AlleNoten:       noten,
		NietAangeleverd: nietAangeleverd,
		KleineAantallen: werkwijzeKleineAantallen,
		Marges:          werkwijzeMarges,
		EchartsJS:       template.JS(echartsJS),
	}
	if n := len(o.Kwartalen); n > 1 {
		p.Periode = o.Kwartalen[0].String() + " tot en met " + o.Kwartalen[n-1].String()
	}
	var namen []string
	for _, co := range o.Coalities {
		namen = append(namen, co.Naam)
	}
	p.Coalities = opsommen(namen)
	p.KortKoppen = namen

	gebruikt := map[eval.Status]bool{}
	ids := map[string]bool{} // keeps anchors unique; never iterated
	for k, r := range overzichtKort(o) {
		id := "ind-" + htmlSlug(r.Code)
		if id == "ind-" || ids[id] {
			id = fmt.Sprintf("%s-%d", id, k+1)
		}
		ids[id] = true
		rij := ovKortRij{ID: id, Code: r.Code, Naam: r.Naam, Gemiddelde: r.Gemiddelde}
		for i, c := range r.Cijfers {
			gebruikt[c.Status] = true
			cel := htmlPercentageCel(c)
			if t := vergelijkTeken(r.Oordelen[i]); t != "" {
				cel.Tekst += " " + t
				cel.Uitleg = r.Oordelen[i] + ", meer dan toeval"
			}
			rij.Cellen = append(rij.Cellen, cel)
		}
		p.Kort = append(p.Kort, rij)

		ind, err := ovMaakIndicator(o, o.Indicatoren[k], id)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.Code, err)
		}
		p.Indicatoren = append(p.Indicatoren, ind)
	}
	p.KortNoten = notenVoor(gebruikt)
	return p, nil
}

func ovMaakIndicator(o *Overzicht, oi OverzichtIndicator, id string) (ovIndicator, error) {
	in := oi.Indicator
	ind := ovIndicator{ID: id, Code: in.Code, Naam: in.Naam, Toelichting: overzichtToelichting(o, in),
		Rang: rangRegels(o, maakRangorde(o, oi)), Periode: "Per coalitie"}
	if n := len(o.Kwartalen); n > 1 {
		ind.Periode += ", " + o.Kwartalen[0].String() + " tot en met " + o.Kwartalen[n-1].String()
	}
	ind.Uitleg = "Alle grafieken hebben dezelfde schaal. Lijn: het percentage per kwartaal; lichte band: de marge (95%-interval)"
	if in.Streefwaarde > 0 {
		ind.Uitleg += "; stippellijn: de streefwaarde"
	}
	ind.Uitleg += ". Waar de lijn onderbroken is, is er geen cijfer te tonen."

	gebruikt := map[eval.Status]bool{}
	for _, r := range overzichtRijen(o, oi) {
		gebruikt[r.Cijfer.Status] = true
		ind.Rijen = append(ind.Rijen, ovRij{Coalitie: r.Coalitie, Waarde: htmlPercentageCel(r.Cijfer), Marge: r.Marge,
			Trend: r.Trend, Vergelijking: r.Vergelijking})
	}
	ind.Noten = notenVoor(gebruikt)

	hoogste := overzichtAs(o, oi)
	kort := strings.TrimPrefix(id, "ind-")
	for j, rs := range oi.Reeksen {
		g := ovGrafiek{ID: fmt.Sprintf("grafiek-%s-%d", kort, j+1), OptieID: fmt.Sprintf("optie-%s-%d", kort, j+1), Naam: coalitieNaam(o, j)}
		if v, i, ok := laatsteGetoond(rs, len(o.Kwartalen)); ok {
			g.Label = eval.Percentage(v)
			if i != o.huidig() {
				g.Label += " in " + o.Kwartalen[i].String()
			}
		}
		g.AriaLabel = ovAriaLabel(o, rs, g.Naam)
		optie, err := ovGrafiekOptie(o, rs, g.Naam, g.ID, hoogste)
		if err != nil {
			return ind, err
		}
		g.Optie = optie
		ind.Grafieken = append(ind.Grafieken, g)
	}
	return ind, nil
}

// ovAriaLabel summarises a small chart for screen readers; the table
// above it holds the reporting kwartaal's figures.
func ovAriaLabel(o *Overzicht, rs Reeks, naam string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Lijngrafiek van %s %s voor %s", rs.Indicator.Code, rs.Indicator.Naam, naam)
	if n := len(o.Kwartalen); n > 1 {
		fmt.Fprintf(&b, ", %s tot en met %s", o.Kwartalen[0], o.Kwartalen[n-1])
	}
	fmt.Fprintf(&b, ". %s: %s.", o.Kwartaal, stand(cijferOp(rs.Coalitie, o.huidig())))
	b.WriteString(" Waar de lijn onderbroken is, is er geen cijfer te tonen.")
	return b.String()
}

// ovGrafiekOptie is the echarts option of one small chart on the shared
// axis up to hoogste: the coalitie's shown figures, its intervals and the
// target. A figure that may not be shown is "-", a gap, as in the report.
func ovGrafiekOptie(o *Overzicht, rs Reeks, naam, id string, hoogste float64) (template.JS, error) {
	n := len(o.Kwartalen)
	kwartalen := make([]string, n)
	for i, q := range o.Kwartalen {
		kwartalen[i] = q.String()
	}
	punten := make([]htmlPunt, n)
	for i := range n {
		punten[i].Value = "-"
		if v, ok := toonbaar(cijferOp(rs.Coalitie, i)); ok {
			punten[i].Value = htmlProcent(v)
		}
	}
	ondergrens, breedte, balken, band := htmlMarges(rs, punten)

	yas := htmlYAs(hoogste)
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: id}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "4", Right: "14", Top: "14", Bottom: "4", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Color: "#4b5563"}}),
		charts.WithYAxisOpts(yas),
	)
	line.SetXAxis(kwartalen)
	htmlMargeReeksen(line, band, ondergrens, breedte, balken)
	reeks := []charts.SeriesOpts{
		htmlData(punten),
		charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 6, ShowSymbol: opts.Bool(true)}),
		charts.WithLineStyleOpts(opts.LineStyle{Width: 2.5, Color: htmlTeal}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: htmlTeal}),
	}
	if st := rs.Indicator.Streefwaarde; st > 0 {
		reeks = append(reeks,
			charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: "Streefwaarde", YAxis: htmlProcent(st)}),
			charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				Label:     &opts.Label{Show: opts.Bool(false)},
				LineStyle: &opts.LineStyle{Color: "#b07626", Type: "dashed", Width: 1.2},
			}),
		)
	}
	line.AddSeries(naam, nil, reeks...)
	line.Validate()
	return htmlJSON(line.JSON())
}
