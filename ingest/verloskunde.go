package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"kansrijk/sheet"
	"kansrijk/store"
)

var verloskundeKolommen = []kolom{
	{veld: "client", verplicht: true},
	{veld: "gemeente", verplicht: true},
	{veld: "eerste", verplicht: true},
	{veld: "amenorroe"},
	{veld: "bevalling"},
	{veld: "duur"},
	{veld: "gewicht"},
	{veld: "roken"},
	{veld: "kwetsbaar"},
	{veld: "verwezen"},
}

// Plausible ranges from the domain reference, in days and grams.
const (
	amenorroeMin, amenorroeMax = 4 * 7, 42*7 + 6
	duurMin, duurMax           = 22 * 7, 44*7 + 6
	gewichtMin, gewichtMax     = 300, 6500
)

// readVerloskunde reads a practice's record-level quarterly export: one
// row per client with her first check-up and, once born, the birth.
func readVerloskunde(l *levering) (*gelezen, error) {
	q, err := l.kwartaal()
	if err != nil {
		return nil, err
	}
	k, err := l.zoekKop(verloskundeKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{periode: q.String()}
	l.datumKolommen(k.blad, k.col("eerste"), k.col("bevalling"))
	for _, c := range verloskundeKolommen {
		if k.col(c.veld) < 0 {
			out.ontbrekend = append(out.ontbrekend, c.veld)
			l.fout(k.blad, sheet.Cell(1, k.rij), "", "kolom '%s' ontbreekt in de kopregel; de cijfers die deze kolom nodig hebben (%s) zijn voor dit kwartaal niet beschikbaar",
				l.naam(c.veld), veldIndicatoren[c.veld])
		}
	}
	for _, g := range l.Partner.Gemeenten {
		if gem, _, ok := l.gemeente(g); ok {
			out.inhoud.Dekking = append(out.inhoud.Dekking, store.Dekking{Gemeente: gem, Kwartaal: q})
		}
	}

	type seenAt struct{ rij int }
	seen := map[string]seenAt{}
	buiten := map[string]int{}
	err = l.File.Rows(k.blad, func(row int, cells []string) error {
		if row <= k.rij {
			return nil
		}
		get := func(veld string) string { return sheet.Get(cells, k.col(veld)) }
		cell := func(veld string) string { return sheet.Cell(k.col(veld)+1, row) }
		client := get("client")
		if client == "" {
			out.rijen++
			out.afgewezen++
			l.fout(k.blad, cell("client"), "", "Cliëntnummer ontbreekt; deze rij telt niet mee")
			return nil
		}
		out.rijen++
		if isTestregel(client) {
			out.afgewezen++
			l.fout(k.blad, cell("client"), client, "dit lijkt een testregel (cliëntnummer %s), geen echte cliënt; deze rij telt niet mee. Haal testregels weg voor het versturen", client)
			return nil
		}
		gem, _, ok := l.gemeente(get("gemeente"))
		if !ok {
			if get("gemeente") == "" {
				out.afgewezen++
				l.fout(k.blad, cell("gemeente"), "", "%s ontbreekt; zonder gemeente telt deze rij niet mee", l.naam("gemeente"))
			} else {
				buiten[strings.TrimSpace(get("gemeente"))]++
			}
			return nil
		}
		r := store.Verloskunde{Blad: k.blad, Rij: row, Client: client, Gemeente: gem}
		datum := func(veld string) *time.Time {
			if l.isOnbekend(get(veld)) {
				l.reportVeld(k.blad, cell(veld), get(veld), veld, errOnbekend)
				return nil
			}
			t, err := l.datum(get(veld))
			if err != nil {
				l.reportVeld(k.blad, cell(veld), get(veld), veld, err)
				return nil
			}
			return &t
		}
		r.EersteControle = datum("eerste")
		if get("bevalling") != "" {
			r.Bevalling = datum("bevalling")
		}
		if r.EersteControle == nil && r.Bevalling == nil {
			out.afgewezen++
			return nil
		}
		if r.EersteControle != nil {
			r.Amenorroe = l.duur(k.blad, cell("amenorroe"), get("amenorroe"), "amenorroe", amenorroeMin, amenorroeMax)
			if s, err := l.roken(get("roken")); err != nil {
				l.reportVeld(k.blad, cell("roken"), get("roken"), "roken", err)
			} else {
				r.Roken = s
			}
			if b, err := l.jaNee(get("kwetsbaar")); err != nil {
				l.reportVeld(k.blad, cell("kwetsbaar"), get("kwetsbaar"), "kwetsbaar", err)
			} else {
				r.Kwetsbaar = &b
			}
			if b, err := ParseVerwezen(get("verwezen")); err != nil {
				l.reportVeld(k.blad, cell("verwezen"), get("verwezen"), "verwezen", err)
			} else {
				r.Verwezen = &b
			}
		}
		if r.Bevalling != nil {
			r.Duur = l.duur(k.blad, cell("duur"), get("duur"), "duur", duurMin, duurMax)
			r.Gewicht = l.gewicht(k.blad, cell("gewicht"), get("gewicht"))
		}
		// Once per client per date (rule 2 of the samples' README): a
		// repeated row counts once, and the partner hears about it.
		for _, key := range []struct {
			veld string
			t    *time.Time
		}{{"eerste", r.EersteControle}, {"bevalling", r.Bevalling}} {
			if key.t == nil {
				continue
			}
			id := key.veld + "|" + strings.ToLower(client) + "|" + key.t.Format(time.DateOnly)
			if prev, dup := seen[id]; dup {
				l.waarschuwing(k.blad, sheet.Cell(k.col("client")+1, row), client,
					"dubbele rij: cliëntnummer %s met dezelfde %s staat ook in rij %d; telt één keer",
					client, strings.ToLower(l.naam(key.veld)), prev.rij)
				break
			}
			seen[id] = seenAt{row}
		}
		out.inhoud.Verloskunde = append(out.inhoud.Verloskunde, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(buiten) > 0 {
		names := make([]string, 0, len(buiten))
		n := 0
		for g, c := range buiten {
			names = append(names, g)
			n += c
		}
		sort.Strings(names)
		l.waarschuwing(k.blad, "", strings.Join(names, ", "),
			"%d rij(en) met een woonplaats buiten de coalities (%s); die tellen niet mee", n, strings.Join(names, ", "))
	}
	return out, nil
}

// veldIndicatoren says which indicators a column feeds, for messages.
var veldIndicatoren = map[string]string{
	"client":    "alle",
	"gemeente":  "alle",
	"eerste":    "KS01, KS04, KS05, KS06",
	"amenorroe": "KS01",
	"bevalling": "KS02, KS03",
	"duur":      "KS02",
	"gewicht":   "KS03",
	"roken":     "KS04",
	"kwetsbaar": "KS05, KS06",
	"verwezen":  "KS06",
}

// report turns a value error into a message: empty and unknown values are
// warnings (the figure is simply unknown), wrong ones errors.
// naam is the column as the partner knows it, gevolg what the value
// missing means ("telt niet mee voor KS01").
func (l *levering) report(blad, cel, waarde, naam, gevolg string, err error) {
	switch {
	case errors.Is(err, errLeeg):
		l.waarschuwing(blad, cel, waarde, "%s is leeg; %s", naam, gevolg)
	case errors.Is(err, errOnbekend):
		l.waarschuwing(blad, cel, waarde, "%s is onbekend (%s); %s", naam, waarde, gevolg)
	default:
		l.fout(blad, cel, waarde, "%s: '%s' is niet bruikbaar: %v; %s", naam, waarde, err, gevolg)
	}
}

// reportVeld reports a verloskunde value by its field.
func (l *levering) reportVeld(blad, cel, waarde, veld string, err error) {
	l.report(blad, cel, waarde, l.naam(veld), "telt niet mee voor "+veldIndicatoren[veld], err)
}

func (l *levering) duur(blad, cel, waarde, veld string, lo, hi int) *int {
	d, err := l.parse(waarde, ParseDuur)
	if err == nil && (d < lo || d > hi) {
		err = fmt.Errorf("buiten het aannemelijke bereik %s tot %s weken", FormatDuur(lo), FormatDuur(hi))
	}
	if err != nil {
		l.reportVeld(blad, cel, waarde, veld, err)
		return nil
	}
	return &d
}

func (l *levering) gewicht(blad, cel, waarde string) *int {
	var g float64
	var err error
	switch {
	case l.isOnbekend(waarde):
		err = errOnbekend
	case l.Profiel.Gewicht == "kg":
		// In kilograms a dot is a decimal point: 3.250 kg is 3250 g.
		g, err = strconv.ParseFloat(strings.Replace(strings.TrimSpace(waarde), ",", ".", 1), 64)
		if err != nil {
			_, err = classify(waarde)
			if err == nil {
				err = fmt.Errorf("verwacht een gewicht in kilogrammen, zoals 3,25")
			}
		}
		g *= 1000
	default:
		g, err = ParseGetal(waarde)
	}
	if err == nil && (g < gewichtMin || g > gewichtMax) {
		err = fmt.Errorf("verwacht een gewicht in grammen tussen %d en %d", gewichtMin, gewichtMax)
	}
	if err != nil {
		l.reportVeld(blad, cel, waarde, "gewicht", err)
		return nil
	}
	n := int(g + 0.5)
	return &n
}

// isTestregel spots rows that practice systems create for testing, such
// as TEST-0001: counting them would inflate every figure.
func isTestregel(client string) bool {
	c := strings.ToLower(client)
	return strings.HasPrefix(c, "test") || strings.HasPrefix(c, "dummy") || strings.HasPrefix(c, "proef")
}
