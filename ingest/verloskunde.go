package ingest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"kansrijk"
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
			p := l.at(k.blad)
			p.Row, p.Col = k.rij, 1
			l.fout(p, "", "kolom '%s' ontbreekt in de kopregel; de cijfers die deze kolom nodig hebben (%s) zijn voor dit kwartaal niet beschikbaar",
				l.naam(c.veld), strings.Join(indicatorenVan(kansrijk.BronVerloskunde, c.veld), ", "))
		}
	}
	for _, g := range l.Partner.Gemeenten {
		if gem, _, ok := l.gemeente(g); ok {
			out.inhoud.Dekking = append(out.inhoud.Dekking, store.Dekking{Gemeente: gem, Kwartaal: q})
		}
	}

	seen := map[string]int{}
	buiten := map[string]int{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		r := l.rij(k, row, cells, "client")
		client := r.get("client")
		out.rijen++
		if client == "" {
			out.afgewezen++
			l.fout(r.plek("client"), "", "%s ontbreekt; deze rij telt niet mee", l.kopNaam(k, "client"))
			return nil
		}
		if isTestregel(client) {
			out.afgewezen++
			l.fout(r.plek("client"), client, "dit lijkt een testregel (%s %s), geen echte cliënt; deze rij telt niet mee. Haal testregels weg voor het versturen",
				r.rec.Kind, client)
			return nil
		}
		gem, _, ok := l.gemeente(r.get("gemeente"))
		if !ok {
			if r.get("gemeente") == "" {
				out.afgewezen++
				l.fout(r.plek("gemeente"), "", "%s ontbreekt; zonder gemeente telt deze rij niet mee", l.kopNaam(k, "gemeente"))
			} else {
				buiten[r.get("gemeente")]++
			}
			return nil
		}
		v := store.Verloskunde{Blad: k.blad, Rij: row, Client: client, Gemeente: gem}
		datum := func(veld string) *time.Time {
			if l.isOnbekend(r.get(veld)) {
				l.reportVeld(r, veld, errOnbekend)
				return nil
			}
			t, err := l.datum(r.get(veld))
			if err != nil {
				l.reportVeld(r, veld, err)
				return nil
			}
			return &t
		}
		v.EersteControle = datum("eerste")
		if r.get("bevalling") != "" {
			v.Bevalling = datum("bevalling")
		}
		if v.EersteControle == nil && v.Bevalling == nil {
			out.afgewezen++
			return nil
		}
		if v.EersteControle != nil {
			v.Amenorroe = l.duur(r, "amenorroe", amenorroeMin, amenorroeMax)
			if s, err := l.roken(r.get("roken")); err != nil {
				l.reportVeld(r, "roken", err)
			} else {
				v.Roken = s
			}
			if b, err := l.jaNee(r.get("kwetsbaar")); err != nil {
				l.reportVeld(r, "kwetsbaar", err)
			} else {
				v.Kwetsbaar = &b
			}
			if b, err := ParseVerwezen(r.get("verwezen")); err != nil {
				l.reportVeld(r, "verwezen", err)
			} else {
				v.Verwezen = &b
			}
		}
		if v.Bevalling != nil {
			v.Duur = l.duur(r, "duur", duurMin, duurMax)
			v.Gewicht = l.gewicht(r)
		}
		// Once per client per date (rule 2 of the samples' README): a
		// repeated row counts once, and the partner hears about it.
		for _, key := range []struct {
			veld string
			t    *time.Time
		}{{"eerste", v.EersteControle}, {"bevalling", v.Bevalling}} {
			if key.t == nil {
				continue
			}
			id := key.veld + "|" + strings.ToLower(client) + "|" + key.t.Format(time.DateOnly)
			if prev, dup := seen[id]; dup {
				l.waarschuwing(r.plek("client"), client,
					"dubbele rij: %s %s met dezelfde %s staat ook in rij %d; telt één keer",
					r.rec.Kind, client, strings.ToLower(l.kopNaam(k, key.veld)), prev)
				break
			}
			seen[id] = row
		}
		out.inhoud.Verloskunde = append(out.inhoud.Verloskunde, v)
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
		p := l.at(k.blad)
		if c := k.col("gemeente"); c >= 0 {
			p.Col, p.Header = c+1, l.kopNaam(k, "gemeente")
		}
		l.informatie(p, strings.Join(names, ", "),
			"%d rij(en) met een woonplaats buiten de coalities (%s); die tellen niet mee", n, strings.Join(names, ", "))
	}
	l.afronden(out.rijen)
	return out, nil
}

// reportVeld reports a verloskunde value of field veld in row r.
func (l *levering) reportVeld(r rij, veld string, err error) {
	l.report(r.plek(veld), r.get(veld), gevolgVoor(kansrijk.BronVerloskunde, veld), err)
}

// duur reads a duration in weeks+days of field veld, within lo..hi days.
func (l *levering) duur(r rij, veld string, lo, hi int) *int {
	d, err := l.parse(r.get(veld), ParseDuur)
	if err == nil && (d < lo || d > hi) {
		err = ongeldig("buiten het aannemelijke bereik", fmt.Sprintf("weken+dagen van %s tot en met %s", FormatDuur(lo), FormatDuur(hi)))
	}
	if err != nil {
		l.reportVeld(r, veld, err)
		return nil
	}
	return &d
}

func (l *levering) gewicht(r rij) *int {
	waarde := r.get("gewicht")
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
				err = verwacht("een gewicht in kilogrammen, zoals 3,25")
			}
		}
		g *= 1000
	default:
		g, err = ParseGetal(waarde)
	}
	if err == nil && (g < gewichtMin || g > gewichtMax) {
		err = verwacht(fmt.Sprintf("een gewicht in grammen tussen %d en %d", gewichtMin, gewichtMax))
	}
	if err != nil {
		l.reportVeld(r, "gewicht", err)
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
