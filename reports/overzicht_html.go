package reports

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"math"
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
	var buf bytes.Buffer
	if err := htmlOverzichtTmpl.Execute(&buf, p); err != nil {
		return fmt.Errorf("html-overzicht %s opmaken: %w", o.Kwartaal, err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("html-overzicht %s schrijven: %w", o.Kwartaal, err)
	}
	return nil
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
	ondergrens, breedte := make([]htmlPunt, n), make([]htmlPunt, n)
	heeft := make([]bool, n)
	for i := range n {
		_, _, heeft[i] = interval(rs, i)
	}
	var balken [][3]float64
	band := false
	for i := range n {
		punten[i].Value, ondergrens[i].Value, breedte[i].Value = "-", "-", "-"
		if v, ok := toonbaar(cijferOp(rs.Coalitie, i)); ok {
			punten[i].Value = htmlProcent(v)
		}
		lo, hi, ok := interval(rs, i)
		if !ok {
			continue
		}
		punten[i].Marge = marge(lo, hi)
		if (i > 0 && heeft[i-1]) || (i+1 < n && heeft[i+1]) {
			ondergrens[i].Value = htmlProcent(lo)
			breedte[i].Value = (math.Round(hi*1000) - math.Round(lo*1000)) / 10
			band = true
		} else {
			balken = append(balken, [3]float64{float64(i), htmlProcent(lo), htmlProcent(hi)})
		}
	}

	yas := opts.YAxis{
		Type:      "value",
		Min:       0,
		AxisLabel: &opts.AxisLabel{Formatter: "{value}%", Color: "#4b5563"},
		SplitLine: &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: "#e1e6ea"}},
	}
	if top, stap, ok := htmlAsSchaal(hoogste); ok {
		yas.Max, yas.MinInterval, yas.MaxInterval = top, stap, stap
	}
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
