package reports

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// htmlSamenhang is one theme of "Tellen én vertellen".
type htmlSamenhang struct {
	ID       string
	Thema    string
	Kwartaal string
	Cijfers  []samenhangCijfer
	Verhalen []regel
	Citaten  []htmlCitaat
	Signaal  string

	// The tone chart and the table with its numbers; no chart when the
	// theme has no stories.
	Grafiek                       bool
	GrafiekID, OptieID, AriaLabel string
	Optie                         template.JS
	Soorten                       []string // the tones, as in the legend
	Kolommen                      []string // the same, as table headers
	Rijen                         []htmlToonRij
}

// htmlToonRij is one kwartaal of the tone table.
type htmlToonRij struct {
	Kwartaal string
	Huidig   bool
	Cellen   []htmlCel // per tone, then the total
}

// htmlPersona is one persona.
type htmlPersona struct {
	ID     string
	Naam   string
	Regels []regel
	Citaat *htmlCitaat
	Zie    string
	ZieID  string // the theme Zie points to
	Bron   string
}

// Tone colours, as in the PDF.
var htmlToonKleuren = map[string]string{
	"negatief":      "#aa3c2d",
	"gemengd":       "#e0b45c",
	"positief":      "#2f8a94",
	"toon onbekend": "#b0b6bc",
}

// htmlMaakSamenhang fills "Tellen én vertellen" and the persona's.
func htmlMaakSamenhang(r *Rapport, p *htmlPagina) error {
	ids := map[string]bool{} // keeps anchors unique; never iterated
	uniek := func(id string, i int) string {
		if ids[id] || strings.HasSuffix(id, "-") {
			id = fmt.Sprintf("%s-%d", strings.TrimSuffix(id, "-"), i+1)
		}
		ids[id] = true
		return id
	}
	themas := map[string]string{} // theme → anchor
	for i, b := range samenhangBlokken(r) {
		id := uniek("thema-"+htmlSlug(b.Thema), i)
		themas[b.Thema] = id
		h := htmlSamenhang{ID: id, Thema: b.Thema, Kwartaal: r.Kwartaal.String(), Cijfers: b.Cijfers,
			Verhalen: b.Verhalen, Signaal: b.Signaal}
		for _, k := range b.Citaten {
			h.Citaten = append(h.Citaten, htmlCitaat{Tekst: aanhalen(k.Tekst), Herkomst: strings.Join(keuzeHerkomst(k.Citaat), ", ")})
		}
		if len(b.Tonen) > 0 {
			if err := htmlToonGrafiek(r, b, &h); err != nil {
				return fmt.Errorf("%s: %w", b.Thema, err)
			}
		}
		p.Samenhangen = append(p.Samenhangen, h)
	}
	for i, b := range personaBlokken(r) {
		naam := b.Naam
		if j := strings.IndexByte(naam, ','); j > 0 {
			naam = naam[:j] // the first name makes a short anchor
		}
		hp := htmlPersona{ID: uniek("persona-"+htmlSlug(naam), i), Naam: b.Naam, Regels: b.Regels, Zie: b.Zie, Bron: b.Bron}
		if b.Zie != "" {
			hp.ZieID = themas[b.ZieThema]
		}
		if c := b.Citaat; c != nil {
			hp.Citaat = &htmlCitaat{Tekst: aanhalen(c.Tekst), Herkomst: strings.Join(keuzeHerkomst(*c), ", ")}
		}
		p.Personas = append(p.Personas, hp)
	}
	return nil
}

// htmlToonBlok is one tone of one kwartaal in the chart data: blocks Van
// to Tot (toonBlokjes), with the counts as the report may show them for
// the tooltip and the label above the bar. No exact count of 1 to 4 is in
// it.
type htmlToonBlok struct {
	Value  [3]int `json:"value"` // kwartaal index, first block, end block
	Name   string `json:"name"`
	Aantal string `json:"aantal"`
	Totaal string `json:"totaal,omitempty"`
	Boven  bool   `json:"boven,omitempty"` // the top tone of its bar
}

// htmlToonGrafiek builds the tone chart of a theme: per tone a custom
// series whose items the report's script draws as blocks (blokjes), and
// the table that holds the same numbers.
func htmlToonGrafiek(r *Rapport, b samenhangBlok, h *htmlSamenhang) error {
	kort := strings.TrimPrefix(h.ID, "thema-")
	h.Grafiek, h.GrafiekID, h.OptieID = true, "grafiek-toon-"+kort, "optie-toon-"+kort
	soorten := toonSoortenVoor(b.Tonen)
	for _, s := range soorten {
		h.Soorten = append(h.Soorten, s.Naam)
		h.Kolommen = append(h.Kolommen, strings.ToUpper(s.Naam[:1])+s.Naam[1:])
	}

	kwartalen := make([]string, len(b.Kwartalen))
	per := make([][]htmlToonBlok, len(soorten))
	for j := range per {
		per[j] = []htmlToonBlok{} // an empty series, not null
	}
	hoogste := 0
	for i, t := range b.Tonen {
		q := b.Kwartalen[i]
		kwartalen[i] = q.String()
		rij := htmlToonRij{Kwartaal: q.String(), Huidig: q == r.Kwartaal}
		van, boven := 0, -1
		for j, s := range soorten {
			n := s.Aantal(t)
			rij.Cellen = append(rij.Cellen, htmlAantalCel(verhalenTekst(n)))
			if n == 0 {
				continue
			}
			tot := van + toonBlokjes(n)
			per[j] = append(per[j], htmlToonBlok{Value: [3]int{i, van, tot}, Name: q.String(), Aantal: verhalenTekst(n)})
			van, boven = tot, j
		}
		if boven >= 0 {
			top := &per[boven][len(per[boven])-1]
			top.Boven, top.Totaal = true, verhalenTekst(t.Fragmenten())
		}
		hoogste = max(hoogste, van)
		rij.Cellen = append(rij.Cellen, htmlAantalCel(verhalenTekst(t.Fragmenten())))
		h.Rijen = append(h.Rijen, rij)
	}
	h.AriaLabel = fmt.Sprintf("Staafgrafiek: toon van de verhalen over ‘%s’ per kwartaal, van %s tot en met %s. "+
		"Elk blokje staat voor 1 tot 5 verhalen. De aantallen staan in de tabel onder de grafiek.",
		b.Thema, kwartalen[0], kwartalen[len(kwartalen)-1])

	bar := charts.NewBar()
	bar.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{ChartID: h.GrafiekID}),
		charts.WithAnimation(false),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Left: "0", Icon: "rect", ItemWidth: 12, ItemHeight: 12,
			Data: h.Soorten, TextStyle: &opts.TextStyle{Color: "#262d34"}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "4", Right: "4", Top: "48", Bottom: "4", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Color: "#4b5563", Interval: "0"}}),
		// The report's script writes the labels as the PDF does: K1 with
		// its year under it; eight full labels do not fit on a phone.
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Show: opts.Bool(false), Min: 0, Max: max(hoogste, 3),
			SplitLine: &opts.SplitLine{Show: opts.Bool(false)}}),
	)
	bar.SetXAxis(kwartalen)
	for j, s := range soorten {
		bar.MultiSeries = append(bar.MultiSeries, charts.SingleSeries{
			Name: s.Naam, Type: "custom", Id: "toon-" + htmlSlug(s.Naam), Data: per[j],
			Encode:    &opts.Encode{X: 0, Y: []int{1, 2}},
			ItemStyle: &opts.ItemStyle{Color: htmlToonKleuren[s.Naam]},
		})
	}
	bar.Validate()
	optie, err := htmlJSON(bar.JSON())
	if err != nil {
		return err
	}
	h.Optie = optie
	return nil
}
