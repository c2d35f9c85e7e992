package voorbeeld

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"kansrijk"
)

// client is one pregnancy as a practice system holds it, with every value
// already spelled the way it will be written (mess included), so that a
// client looks the same in each export she appears in.
type client struct {
	id         int
	woonplaats string
	postcode   int
	leeftijd   int
	pariteit   int
	ec         time.Time // datum eerste controle
	geboorte   time.Time // bevallingsdatum
	amen       any       // amenorroeduur: "8+3", "10 + 5", "n.b." or bare weeks
	roken      string
	kwets      string
	verwezen   string
	duur       string // zwangerschapsduur bij geboorte
	gewicht    any    // 3250, "3.250" or "3250"
	geboren    bool   // birth columns are filled in this export
}

// maand returns the clients whose eerste controle falls in the month that
// starts at start. Each month has its own random source, so any export can
// regenerate exactly the clients it needs.
func (p *praktijk) maand(start time.Time) []client {
	r := bron("verloskunde", p.naam, start.Format("2006-01"))
	qi := kwartaalIndex(kansrijk.KwartaalVan(start))
	dagen := int(start.AddDate(0, 1, 0).Sub(start).Hours() / 24)
	// Client numbers: unique per practice, scattered like a practice
	// system's (a permutation of month and sequence number).
	maandNr := max(0, (start.Year()-2023)*12+int(start.Month())-1)
	sleutel := uint32(hash(p.naam))
	nummer := func(seq int) int { return int(verhaspel(uint32(maandNr*4000+seq), sleutel)) }

	var cs []client
	groep := func(g *gemeente, mean float64) {
		n := aantal(r, mean)
		// Draw the indicator outcomes for the group first, so quarterly
		// figures follow the profile closely.
		vroeg := vlaggen(r, n, g.p.vroeg.op(qi))
		kwetsbaar := vlaggen(r, n, g.p.kwetsbaar)
		verwezen := vlaggen(r, tel(kwetsbaar), g.p.verwezen.op(qi))
		for i := range n {
			l := lot{vroeg: vroeg[i], kwetsbaar: kwetsbaar[i]}
			if l.kwetsbaar {
				l.verwezen, verwezen = verwezen[0], verwezen[1:]
			}
			ec := start.AddDate(0, 0, r.IntN(dagen))
			cs = append(cs, nieuweClient(r, g, ec, qi, nummer(len(cs)), l))
		}
	}
	totaal := 0.0
	for _, g := range p.gemeenten {
		totaal += float64(g.geboorten)
		groep(g, float64(g.geboorten)/12)
	}
	groep(p.buiten, totaal/12*p.buitenAandeel)
	return cs
}

// verhaspel permutes 0..999999: a four-round Feistel network on 20 bits,
// walking the cycle until the result is below a million again.
func verhaspel(x, sleutel uint32) uint32 {
	for {
		l, r := x>>10, x&1023
		for ronde := range uint32(4) {
			f := (r*2654435761 ^ sleutel ^ ronde*0x9e3779b9) >> 11
			l, r = r, l^(f&1023)
		}
		x = l<<10 | r
		if x < 1_000_000 {
			return x
		}
	}
}

// Week distributions (weights per week) for the amenorroeduur at the first
// visit, early (5..9) or late (10..24), and the duration at birth, preterm
// (26..36) or at term (37..42).
var (
	wekenVroeg   = []float64{5, 15, 25, 30, 25}
	wekenLaat    = []float64{22, 18, 14, 10, 7, 5, 5, 4, 3, 3, 3, 2, 2, 1, 1}
	wekenPreterm = []float64{1, 1, 1, 2, 2, 3, 4, 6, 9, 14, 22}
	wekenAterm   = []float64{6, 13, 25, 30, 20, 6}
)

// lot is what was drawn for a client ahead: whether her first visit was
// early (KS01), whether vulnerability was signalled (KS05) and whether she
// was then referred (KS06).
type lot struct {
	vroeg, kwetsbaar, verwezen bool
}

func tel(v []bool) int {
	n := 0
	for _, b := range v {
		if b {
			n++
		}
	}
	return n
}

// nieuweClient draws one client of gemeente g with eerste controle on ec;
// qi is the quarter index the trends are read at.
func nieuweClient(r *rand.Rand, g *gemeente, ec time.Time, qi, id int, l lot) client {
	pr := g.p
	c := client{id: id, ec: ec}
	c.woonplaats = spelGemeente(r, g.naam)
	c.postcode = g.postcode + r.IntN(g.postcodes)
	c.leeftijd = min(45, max(16, int(math.Round(30+5*r.NormFloat64()))))
	c.pariteit = kies(r, 42, 35, 14, 6, 3)

	var aw int // amenorroeduur, weeks
	if l.vroeg {
		aw = 5 + kies(r, wekenVroeg...)
	} else {
		aw = 10 + kies(r, wekenLaat...)
	}
	ad := r.IntN(7)
	var gw int // zwangerschapsduur, weeks
	if kans(r, pr.vroeggeb) {
		gw = 26 + kies(r, wekenPreterm...)
	} else {
		gw = 37 + kies(r, wekenAterm...)
	}
	gd := r.IntN(7)
	if gw*7+gd < aw*7+ad+14 {
		gw, gd = aw+2, ad
	}
	c.geboorte = ec.AddDate(0, 0, (gw*7+gd)-(aw*7+ad))
	gram := geboortegewicht(r, gw, gd)

	switch {
	case kans(r, 0.035):
		c.roken = []string{"", "onbekend"}[kies(r, 40, 60)]
	case kans(r, pr.roken.op(qi)):
		c.roken = ja(r)
	case kans(r, pr.gestopt):
		c.roken = []string{"gestopt", "Gestopt"}[kies(r, 65, 35)]
	default:
		c.roken = nee(r)
	}

	switch {
	case kans(r, 0.02):
		c.kwets = ""
	case l.kwetsbaar:
		c.kwets = ja(r)
	default:
		c.kwets = nee(r)
	}
	switch {
	case l.verwezen:
		c.verwezen = []string{"Sociaal wijkteam", "JGZ prenataal huisbezoek", "POP-poli"}[kies(r, 40, 45, 15)]
	case l.kwetsbaar:
		c.verwezen = []string{"geen", "", "Geen"}[kies(r, 70, 25, 5)]
	default:
		c.verwezen = []string{"geen", "", "Geen", "JGZ prenataal huisbezoek"}[kies(r, 58, 33, 3, 6)]
	}

	// What practices actually type, at low rates.
	switch x := r.Float64(); {
	case x < 0.025:
		c.amen = "n.b."
	case x < 0.045: // bare week number: means aw+0
		if kans(r, 0.7) {
			c.amen = aw
		} else {
			c.amen = strconv.Itoa(aw)
		}
	case x < 0.06:
		c.amen = fmt.Sprintf("%d + %d", aw, ad)
	case x < 0.0615:
		c.amen = []string{"52+0", "2+1", "45+2"}[r.IntN(3)]
	default:
		c.amen = fmt.Sprintf("%d+%d", aw, ad)
	}
	switch x := r.Float64(); {
	case x < 0.02:
		c.duur = "n.b."
	case x < 0.0212:
		c.duur = []string{"39+7", "3+8"}[r.IntN(2)]
	default:
		c.duur = fmt.Sprintf("%d+%d", gw, gd)
	}
	switch x := r.Float64(); {
	case x < 0.0015: // a zero too many
		c.gewicht = gram * 10
	case x < 0.18:
		c.gewicht = duizendtal(gram)
	case x < 0.23:
		c.gewicht = strconv.Itoa(gram)
	default:
		c.gewicht = gram
	}
	return c
}

// gewichtMediaan is a rough median birth weight per completed week, 24..43.
var gewichtMediaan = []float64{
	650, 780, 900, 1020, 1150, 1300, 1450, 1620, 1800, 2020,
	2250, 2480, 2700, 2950, 3150, 3350, 3500, 3600, 3700, 3750,
}

// geboortegewicht draws a weight in grams for a duration of w+d weeks,
// rounded to 5 g as scales show it.
func geboortegewicht(r *rand.Rand, w, d int) int {
	i := min(max(w-24, 0), len(gewichtMediaan)-2)
	m := gewichtMediaan[i] + (gewichtMediaan[i+1]-gewichtMediaan[i])*float64(d)/7
	g := m * (1 + 0.11*r.NormFloat64())
	return max(400, int(math.Round(g/5))*5)
}

// spelGemeente writes a gemeente the way a practice system holds it: mostly
// right, sometimes in capitals, lower case or with a stray space.
func spelGemeente(r *rand.Rand, naam string) string {
	switch kies(r, 910, 20, 35, 25, 5) {
	case 1:
		return strings.ToUpper(naam)
	case 2:
		return strings.ToLower(naam)
	case 3:
		return naam + " "
	case 4:
		return naam + "\u00a0"
	}
	return naam
}

func ja(r *rand.Rand) string  { return []string{"ja", "J", "Ja"}[kies(r, 45, 30, 25)] }
func nee(r *rand.Rand) string { return []string{"nee", "N", "Nee"}[kies(r, 55, 25, 20)] }

// datumVorm is how an export writes dates.
type datumVorm int

const (
	datumCel      datumVorm = iota // Excel date cell, DD-MM-YYYY
	datumTekstNL                   // text 03-04-2025: someone tidied the file
	datumTekstISO                  // text 2025-04-03
	datumGetal                     // bare serial number: the date format got lost
)

// vorm is the layout of one quarterly export.
type vorm struct {
	titels      bool // title rows above the header
	datum       datumVorm
	toelichting bool // a Toelichting sheet
}

// vorm returns the layout of quarter qi's export; it varies over time just
// as the sample deliveries do.
func (p *praktijk) vorm(qi int) vorm {
	switch p.stijl {
	case stijlWieg:
		if qi == 2 {
			return vorm{titels: true, datum: datumTekstNL}
		}
		return vorm{titels: true}
	case stijlLinde:
		if qi < 2 {
			return vorm{datum: datumTekstISO, toelichting: true}
		}
		return vorm{toelichting: true}
	}
	switch {
	case qi <= 2:
		return vorm{titels: true}
	case qi == 3:
		return vorm{titels: true, datum: datumTekstNL}
	case qi == 4:
		return vorm{datum: datumGetal, toelichting: true}
	}
	return vorm{toelichting: true}
}

// regels returns the rows of quarter q's export made on aangemaakt: every
// client whose eerste controle or birth falls in q up to that day, ordered
// by client number. Births after that day leave the birth columns empty.
func (p *praktijk) regels(q kansrijk.Kwartaal, aangemaakt time.Time) []client {
	tot := q.End().AddDate(0, 0, -1)
	if aangemaakt.Before(tot) {
		tot = aangemaakt
	}
	var rows []client
	// A birth comes at most ~39 weeks after the first visit.
	for m := q.Start().AddDate(0, -10, 0); m.Before(q.End()); m = m.AddDate(0, 1, 0) {
		for _, c := range p.maand(m) {
			ecIn := kansrijk.KwartaalVan(c.ec) == q && !c.ec.After(tot)
			bIn := kansrijk.KwartaalVan(c.geboorte) == q && !c.geboorte.After(tot)
			if ecIn || bIn {
				c.geboren = !c.geboorte.After(tot)
				rows = append(rows, c)
			}
		}
	}
	slices.SortFunc(rows, func(a, b client) int { return cmp.Compare(a.id, b.id) })
	return rows
}

// levering is one export file.
type levering struct {
	naam        string
	q           kansrijk.Kwartaal
	aangemaakt  time.Time
	vorm        vorm
	regels      []client
	rokenLeeg   bool // the roken column got lost
	testRijen   bool // two test clients were left in
	correctie   bool // replaces an earlier export
	aantalRijen int
}

// schrijfVerloskunde writes the practice's quarterly exports for the window
// and returns the number of files and records written.
func (p *praktijk) schrijfVerloskunde(dir string) (bestanden, records int, err error) {
	for _, q := range kwartalen() {
		for _, l := range p.leveringen(q) {
			if err := p.schrijfLevering(dir, l); err != nil {
				return bestanden, records, err
			}
			bestanden++
			records += l.aantalRijen
		}
	}
	return bestanden, records, nil
}

// leveringen returns the exports for quarter q: one, or for the Lindehoven
// style's 2025-Q2 an incomplete first delivery and its _v2 correction.
func (p *praktijk) leveringen(q kansrijk.Kwartaal) []*levering {
	qi := kwartaalIndex(q)
	r := bron("verloskunde-export", p.naam, q.String())
	stam := fmt.Sprintf("%s_%d-Q%d", p.bestand, q.Jaar, q.K)
	aangemaakt := q.End().AddDate(0, 0, 2+r.IntN(5)+3*int(p.stijl))
	l := &levering{naam: stam + ".xlsx", q: q, aangemaakt: aangemaakt, vorm: p.vorm(qi)}
	if p.stijl == stijlLinde && qi == 1 {
		// Exported ten days before the quarter ended, without the roken
		// column and with two test clients; corrected a fortnight later.
		eerst := &levering{naam: l.naam, q: q, aangemaakt: q.End().AddDate(0, 0, -11),
			vorm: l.vorm, rokenLeeg: true, testRijen: true}
		eerst.regels = p.regels(q, eerst.aangemaakt)
		l.naam, l.aangemaakt, l.correctie = stam+"_v2.xlsx", q.End().AddDate(0, 0, 14), true
		l.regels = p.regels(q, l.aangemaakt)
		return []*levering{eerst, l}
	}
	l.regels = p.regels(q, aangemaakt)
	if len(l.regels) > 0 && kans(r, 0.5) {
		// Someone pasted a row twice.
		i := r.IntN(len(l.regels))
		l.regels = slices.Insert(l.regels, i+1, l.regels[i])
	}
	return []*levering{l}
}

// Header texts and column widths of the three practice layouts, exactly as
// in the sample deliveries.
var (
	kopWieg = []string{"Cliëntnummer", "Woonplaats", "Postcode", "Datum eerste controle",
		"Amenorroeduur eerste controle", "Bevallingsdatum", "Zwangerschapsduur bij geboorte",
		"Geboortegewicht", "Roken tijdens zwangerschap", "Kwetsbaarheid gesignaleerd", "Verwezen naar"}
	kopLinde = []string{"Cliëntnummer", "Gemeente", "Postcode", "Datum eerste controle",
		"Amenorroeduur eerste controle", "Roken tijdens zwangerschap", "Kwetsbaarheid gesignaleerd",
		"Verwezen naar", "Bevallingsdatum", "Zwangerschapsduur bij geboorte", "Geboortegewicht"}
	kopRivier = []string{"Cliëntnummer", "Postcode", "Woonplaats", "Leeftijd", "Pariteit",
		"Datum eerste controle", "Amenorroeduur eerste controle", "Roken tijdens zwangerschap",
		"Kwetsbaarheid gesignaleerd", "Verwezen naar", "Bevallingsdatum",
		"Zwangerschapsduur bij geboorte", "Geboortegewicht (g)"}

	breedteWieg   = []float64{14, 12, 12, 23, 30, 17, 30, 17, 28, 28, 15}
	breedteLinde  = []float64{14, 12, 12, 23, 30, 28, 28, 15, 17, 30, 17}
	breedteRivier = []float64{14, 12, 12, 12, 12, 23, 30, 28, 28, 15, 17, 30, 21}
)

func (p *praktijk) schrijfLevering(dir string, l *levering) error {
	blad, kop, breedte := "Blad1", kopRivier, breedteRivier
	switch p.stijl {
	case stijlWieg:
		blad, kop, breedte = "Export", kopWieg, breedteWieg
	case stijlLinde:
		blad, kop, breedte = "Cliënten", kopLinde, breedteLinde
	}
	return maakWerkboek(dir, l.naam, p.maker, blad,
		func(w *werkboek) error { return p.vulLevering(w, blad, kop, breedte, l) })
}

func (p *praktijk) vulLevering(w *werkboek, blad string, kop []string, breedte []float64, l *levering) error {
	kw := fmt.Sprintf("%d-Q%d", l.q.Jaar, l.q.K)
	var titels [][]any
	switch {
	case p.stijl == stijlWieg:
		titels = [][]any{
			{cel(w.s.titel, fmt.Sprintf("Export cliëntgegevens — %s — aangemaakt %s", p.titel, datumNL(l.aangemaakt)))},
			{fmt.Sprintf("Selectie: cliënten met eerste controle of bevalling in %s. Fictieve gegevens.", kw)},
			nil,
		}
	case p.stijl == stijlRivier && l.vorm.titels:
		titels = [][]any{
			{cel(w.s.titel, fmt.Sprintf("%s - kwartaalexport %s (fictieve gegevens)", p.titel, kw))},
			{fmt.Sprintf("Aangemaakt op %s door praktijkmanagement", datumNL(l.aangemaakt))},
		}
	}
	s, err := w.nieuweStroom(blad, breedte, len(titels)+1)
	if err != nil {
		return err
	}
	for _, t := range titels {
		if t == nil {
			s.leeg()
			continue
		}
		if err := s.schrijf(t...); err != nil {
			return err
		}
	}
	if err := s.schrijf(w.kop(kop...)...); err != nil {
		return err
	}
	for _, c := range l.regels {
		if err := s.schrijf(p.rij(w, c, l)...); err != nil {
			return err
		}
	}
	l.aantalRijen = len(l.regels)
	if l.testRijen {
		for _, id := range []string{"TEST-0001", "TEST-0002"} {
			test := []any{id, p.gemeenten[0].naam, "0000", datumWaarde(w, l.q.Start(), l.vorm.datum),
				"8+0", nil, "J", "POP-poli"}
			if err := s.schrijf(test...); err != nil {
				return err
			}
			l.aantalRijen++
		}
	}
	if err := s.klaar(); err != nil {
		return err
	}
	if !l.vorm.toelichting {
		return nil
	}
	regels := []string{
		fmt.Sprintf("Fictieve gegevens — export %s, kwartaal %s", p.titel, kw),
		"Aangemaakt " + datumNL(l.aangemaakt),
		"Eén rij per cliënt met een eerste controle of een bevalling in het kwartaal.",
	}
	if l.correctie {
		regels = append(regels, fmt.Sprintf("Correctie: deze levering vervangt de eerdere export van %s.", kw))
	}
	return w.toelichting(regels...)
}

// rij is a client's row in the practice's column order.
func (p *praktijk) rij(w *werkboek, c client, l *levering) []any {
	ec := datumWaarde(w, c.ec, l.vorm.datum)
	var bev, duur, gewicht any
	if c.geboren {
		bev, duur, gewicht = datumWaarde(w, c.geboorte, l.vorm.datum), leeg(c.duur), c.gewicht
	}
	roken := leeg(c.roken)
	if l.rokenLeeg {
		roken = nil
	}
	id := fmt.Sprintf("VK-%06d", c.id)
	switch p.stijl {
	case stijlWieg:
		return []any{id, c.woonplaats, c.postcode, ec, c.amen, bev, duur, gewicht,
			roken, leeg(c.kwets), leeg(c.verwezen)}
	case stijlLinde:
		return []any{id, c.woonplaats, strconv.Itoa(c.postcode), ec, c.amen, roken,
			leeg(c.kwets), leeg(c.verwezen), bev, duur, gewicht}
	}
	return []any{id, strconv.Itoa(c.postcode), c.woonplaats, c.leeftijd, c.pariteit, ec, c.amen,
		roken, leeg(c.kwets), leeg(c.verwezen), bev, duur, gewicht}
}

// datumWaarde is a date as the export writes it.
func datumWaarde(w *werkboek, t time.Time, v datumVorm) any {
	switch v {
	case datumTekstNL:
		return datumNL(t)
	case datumTekstISO:
		return datumISO(t)
	case datumGetal:
		return serieel(t)
	}
	return cel(w.s.datum, serieel(t))
}

// leeg leaves the cell out for an empty text.
func leeg(s string) any {
	if s == "" {
		return nil
	}
	return s
}
