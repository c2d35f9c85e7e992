package ingest

import (
	"fmt"
	"maps"
	"math"
	"regexp"
	"slices"
	"sort"
	"strings"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// Maten of aggregated deliveries, as stored.
const (
	MaatAanmeldingenPrenataal = "aanmeldingen_prenataal"
	MaatHuisbezoekenPrenataal = "huisbezoeken_prenataal"
	MaatKinderen01            = "kinderen_0_1_in_zorg"
	MaatUrenGeindiceerd       = "uren_geindiceerd"
	MaatUrenGeleverd          = "uren_geleverd"
	MaatClienten              = "clienten"
)

// Plausible magnitudes of one aggregated cell, one gemeente in one
// kwartaal: the largest gemeente has about 10,000 births a year, so
// 100,000 persons or 1,000,000 hours of kraamzorg in a kwartaal is ten
// times what any gemeente can have. A value above is a typing error
// (1e15, a pasted total), never a figure to publish.
const (
	maxPersonen = 100_000
	maxUren     = 1_000_000
)

// personen are the maten that count persons: whole numbers.
var personen = map[string]bool{
	MaatAanmeldingenPrenataal: true, MaatHuisbezoekenPrenataal: true, MaatKinderen01: true, MaatClienten: true,
}

// deelVan are the maten that count a part of another maat of the same
// gemeente and kwartaal, as the domain reference defines them: every
// prenatal home visit of the JGZ follows an aanmelding prenataal (KS07),
// so more visits than aanmeldingen cannot be right.
var deelVan = []struct{ deel, geheel, indicator string }{
	{MaatHuisbezoekenPrenataal, MaatAanmeldingenPrenataal, "KS07"},
}

// aggregaatCel reads one aggregated cell of maat at p. ok is false for
// an empty cell (not yet reported). A value that is no number, or not a
// plausible one (a fraction of a person, an impossible magnitude), is
// reported and stored as not available: the figure is not computable,
// never published. With melden, n.b. and <5 in a cell that an indicator
// uses are reported as informatie: the figure is not computable.
func (l *levering) aggregaatCel(p sheet.Location, raw, maat string, melden bool) (a store.Aggregaat, ok bool) {
	a = store.Aggregaat{Blad: p.Sheet, Cel: p.Cell()}
	ks := strings.Join(indicatorenVan(l.Partner.Bron, maat), ", ")
	melden = melden && ks != ""
	gevolg := "telt niet mee"
	if ks != "" {
		gevolg = fmt.Sprintf("telt niet mee: %s is hier niet te berekenen", ks)
		if p.Record.Key != "" {
			gevolg = fmt.Sprintf("telt niet mee: %s is voor %s niet te berekenen", ks, p.Record.Key)
		}
	}
	v, err := classify(raw)
	switch {
	case err == errLeeg:
		return a, false
	case err == errOnbekend:
		a.Code = "n.b."
		if melden {
			l.informatie(p, raw, "'%s': dit cijfer is niet bekend; %s", raw, gevolg)
		}
		return a, true
	case strings.ReplaceAll(v, " ", "") == "<5":
		a.Code = "<5"
		if melden {
			l.informatie(p, raw, "<5 is een aantal van 1 tot en met 4, afgeschermd voor de privacy; %s", gevolg)
		}
		return a, true
	}
	f, err := ParseGetal(v)
	fout := func(verwacht, format string, a ...any) {
		l.meld(store.Melding{Location: p, Waarde: raw, Ernst: store.Fout, Verwacht: verwacht, Tekst: fmt.Sprintf(format, a...) + "; " + gevolg})
	}
	heel := "een heel getal (0 of meer), <5 of n.b."
	switch {
	case err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f):
		if personen[maat] {
			fout(heel, "'%s' is geen aantal; verwacht %s", raw, heel)
		} else {
			fout("een getal (0 of meer) of n.b.", "'%s' is geen aantal; verwacht een getal (0 of meer) of n.b.", raw)
		}
	case personen[maat] && f > maxPersonen:
		fout(fmt.Sprintf("hoogstens %s personen", eval4(maxPersonen)),
			"'%s' is geen aannemelijk aantal personen voor één gemeente in één kwartaal (meer dan %s); controleer de cel", raw, eval4(maxPersonen))
	case personen[maat] && math.Abs(f-math.Round(f)) > 1e-9:
		fout(heel, "'%s' is geen heel aantal personen; verwacht %s", raw, heel)
	case !personen[maat] && f > maxUren:
		fout(fmt.Sprintf("hoogstens %s uren", eval4(maxUren)),
			"'%s' is geen aannemelijk aantal uren voor één gemeente in één kwartaal (meer dan %s); controleer de cel", raw, eval4(maxUren))
	default:
		a.Waarde = &f
		return a, true
	}
	a.Code = "n.b."
	return a, true
}

// aggPlek is the location of a stored aggregated cell: its header and
// its gemeente and kwartaal.
func (l *levering) aggPlek(a store.Aggregaat) sheet.Location {
	col, row, _ := sheet.ParseCell(a.Cel)
	return l.cel(a.Blad, row, col-1, aggRecord(a.Gemeente, a.Kwartaal.String()))
}

// aggRecord is how the partner knows an aggregated cell.
func aggRecord(gemeente, kwartaal string) sheet.Record {
	return sheet.Record{Kind: "Gemeente en kwartaal", Key: gemeente + ", " + kwartaal}
}

// bereikVan is the range of values an aggregated cell can stand for: a
// value itself, 1 to 4 for <5; ok is false for n.b.
func bereikVan(a store.Aggregaat) (lo, hi float64, ok bool) {
	switch {
	case a.Waarde != nil:
		return *a.Waarde, *a.Waarde, true
	case a.Code == "<5":
		return 1, 4, true
	}
	return 0, 0, false
}

// controleerDelen holds the cells of one row against deelVan: a part
// that exceeds its whole (also taking <5 as 1 to 4) is reported at its
// cell and made not available, so the indicator is not computable for
// that gemeente and kwartaal instead of showing 793,7%.
func (l *levering) controleerDelen(as []store.Aggregaat) {
	for _, r := range deelVan {
		for i := range as {
			if as[i].Maat != r.deel {
				continue
			}
			for j := range as {
				if as[j].Maat != r.geheel || as[j].Kwartaal != as[i].Kwartaal {
					continue
				}
				dlo, _, ok1 := bereikVan(as[i])
				_, ghi, ok2 := bereikVan(as[j])
				if !ok1 || !ok2 || dlo <= ghi {
					continue
				}
				p := l.aggPlek(as[i])
				l.meld(store.Melding{Location: p, Waarde: waardeTekst(as[i]), Ernst: store.Fout,
					Verwacht: fmt.Sprintf("hoogstens %s (cel %s)", waardeTekst(as[j]), as[j].Cel),
					Tekst: fmt.Sprintf("%s (%s) is meer dan %s (%s, cel %s) voor %s in %s; dat kan niet. Controleer beide cellen; dit cijfer (%s) is niet te berekenen",
						l.naam(r.deel), waardeTekst(as[i]), l.naam(r.geheel), waardeTekst(as[j]), as[j].Cel, as[i].Gemeente, as[i].Kwartaal, r.indicator)})
				as[i].Waarde, as[i].Code = nil, "n.b."
			}
		}
	}
}

func waardeTekst(a store.Aggregaat) string {
	if a.Waarde != nil {
		return eval4(*a.Waarde)
	}
	return a.Code
}

var reJaar = regexp.MustCompile(`(?:^|[^0-9])(20\d\d)(?:[^0-9]|$)`)

// jgzKolommen are the fields of the JGZ workbook: the gemeente column
// and the measure groups, each spanning its kwartalen.
var jgzKolommen = []kolom{
	{veld: "gemeente", verplicht: true},
	{veld: MaatAanmeldingenPrenataal, verplicht: true},
	{veld: MaatHuisbezoekenPrenataal, verplicht: true},
	{veld: MaatKinderen01},
}

// readJGZ reads the JGZ's wide workbook: one row per gemeente, per
// measure a group of kwartalen side by side under a merged header.
func readJGZ(l *levering) (*gelezen, error) {
	groepen := map[string]string{}
	for _, k := range jgzKolommen[1:] {
		for _, a := range append(l.aliassen(k.veld), k.veld) {
			groepen[normKop(a)] = k.veld
		}
	}
	isGemeente := map[string]bool{"gemeente": true}
	for _, a := range l.aliassen("gemeente") {
		isGemeente[normKop(a)] = true
	}
	jaar := 0
	if m := reJaar.FindStringSubmatch(l.Naam); m != nil {
		fmt.Sscan(m[1], &jaar)
	}
	type kolomInfo struct {
		maat string
		q    kansrijk.Kwartaal
	}
	var (
		blad     string
		kopRij   int
		gemCol   = -1
		kolommen = map[int]kolomInfo{}
		perKolom []string // the merged group row, filled forward
		groepKop []string // its header texts as written, filled forward
		koppen   []string // per column: the group and kwartaal as written
	)
	var begin []sheet.Rij // the rows down to the header, for the terugmelding
	for _, b := range l.File.Sheets() {
		begin = begin[:0]
		err := l.File.Rows(b, func(row int, cells []string) error {
			if row > maxKopRij {
				return sheet.ErrStop
			}
			begin = append(begin, sheet.Rij{Nr: row, Cells: slices.Clone(cells)})
			if gemCol < 0 {
				for i, c := range cells {
					if isGemeente[normKop(c)] {
						gemCol = i
					}
					if jaar == 0 {
						if m := reJaar.FindStringSubmatch(c); m != nil {
							fmt.Sscan(m[1], &jaar)
						}
					}
				}
				if gemCol < 0 {
					return nil
				}
				cur, tekst := "", ""
				perKolom, groepKop = make([]string, len(cells)), make([]string, len(cells))
				for i, c := range cells {
					if g, ok := groepen[normKop(c)]; ok {
						cur, tekst = g, strings.TrimSpace(c)
					} else if strings.TrimSpace(c) != "" {
						cur, tekst = "", ""
					}
					perKolom[i], groepKop[i] = cur, tekst
				}
				koppen = slices.Clone(cells)
				return nil
			}
			// The row under the groups names the kwartalen.
			for i, c := range cells {
				if i >= len(perKolom) || perKolom[i] == "" || strings.TrimSpace(c) == "" {
					continue
				}
				koppen[i] = groepKop[i] + " " + strings.TrimSpace(c)
				p := sheet.Location{File: l.Naam, Sheet: b, Row: row, Col: i + 1, Header: groepKop[i]}
				q, err := kansrijk.ParseKwartaal(c)
				if err != nil {
					var k int
					if _, e := fmt.Sscanf(strings.ToUpper(strings.TrimSpace(c)), "K%d", &k); e == nil && k >= 1 && k <= 4 && jaar > 0 {
						q, err = kansrijk.Kwartaal{Jaar: jaar, K: k}, nil
					} else if _, e := fmt.Sscanf(strings.ToUpper(strings.TrimSpace(c)), "Q%d", &k); e == nil && k >= 1 && k <= 4 && jaar > 0 {
						q, err = kansrijk.Kwartaal{Jaar: jaar, K: k}, nil
					}
				}
				if err != nil {
					l.meld(store.Melding{Location: p, Waarde: c, Ernst: store.Fout, Verwacht: "K1 tot en met K4 (met het jaar in de titel of bestandsnaam)",
						Tekst: fmt.Sprintf("'%s' is geen kwartaal; verwacht K1 tot en met K4 (met het jaar in de titel of bestandsnaam). De cijfers in deze kolom tellen niet mee", c)})
					continue
				}
				if err := l.aannemelijk(q); err != nil {
					l.fout(p, c, "%v; de cijfers in deze kolom tellen niet mee", err)
					continue
				}
				kolommen[i] = kolomInfo{perKolom[i], q}
			}
			blad, kopRij = b, row
			return sheet.ErrStop
		})
		if err != nil {
			return nil, err
		}
		if blad != "" {
			break
		}
		gemCol = -1
	}
	if blad == "" || len(kolommen) == 0 {
		return nil, fmt.Errorf("%s: geen kopregel gevonden met '%s' en de groepen '%s' en '%s' met de kwartalen eronder",
			l.Naam, l.naam("gemeente"), l.naam(MaatAanmeldingenPrenataal), l.naam(MaatHuisbezoekenPrenataal))
	}
	l.zetKoppen(blad, koppen)
	l.bewaarKop(blad, kopRij, begin)
	for _, k := range jgzKolommen {
		for _, ki := range kolommen {
			if ki.maat == k.veld || k.veld == "gemeente" {
				l.velden = append(l.velden, k.veld)
				break
			}
		}
	}
	out := &gelezen{periode: basisNaam(l.Naam)}
	som := map[int]float64{}
	onzeker := map[int]int{} // <5 cells in the column
	nb := map[int]bool{}
	dekking := map[store.Dekking]bool{}
	buiten := map[string]bool{}
	// The columns come from a map: walk them in sheet order, so messages
	// (and the store) do not depend on it.
	cols := slices.Sorted(maps.Keys(kolommen))
	err := l.rows(blad, func(row int, cells []string) error {
		if row <= kopRij {
			return nil
		}
		gem := sheet.Get(cells, gemCol)
		if gem == "" {
			return nil
		}
		if isTotaal(gem) {
			for _, col := range cols {
				l.checkTotaal(l.cel(blad, row, col, sheet.Record{Key: gem}), sheet.Get(cells, col), som[col], onzeker[col], nb[col])
			}
			return nil
		}
		hasValue := false
		for _, col := range cols {
			if sheet.Get(cells, col) != "" {
				hasValue = true
			}
		}
		if !hasValue {
			return nil // a footnote or an empty line
		}
		out.rijen++
		g, _, inRegio := l.gemeente(gem)
		begin := len(out.inhoud.Aggregaten)
		for _, col := range cols {
			k := kolommen[col]
			naam := gem
			if inRegio {
				naam = g
			}
			a, ok := l.aggregaatCel(l.cel(blad, row, col, aggRecord(naam, k.q.String())), sheet.Get(cells, col), k.maat, inRegio)
			if !ok {
				continue
			}
			switch {
			case a.Waarde != nil:
				som[col] += *a.Waarde
			case a.Code == "<5":
				onzeker[col]++
			default:
				nb[col] = true
			}
			if !inRegio {
				continue
			}
			a.Gemeente, a.Kwartaal, a.Maat = g, k.q, k.maat
			out.inhoud.Aggregaten = append(out.inhoud.Aggregaten, a)
			if k.maat != MaatKinderen01 {
				dekking[store.Dekking{Gemeente: g, Kwartaal: k.q}] = true
			}
		}
		if !inRegio {
			buiten[gem] = true
		}
		l.controleerDelen(out.inhoud.Aggregaten[begin:])
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.inhoud.Dekking = sortDekking(dekking)
	out.periode = bereik(out.inhoud.Dekking, out.periode)
	l.meldBuiten(kop{blad: blad, index: map[string]int{"gemeente": gemCol}}, "gemeente", buiten)
	l.afronden(out.rijen)
	return out, nil
}

// isTotaal recognises total and subtotal rows, which are not source data.
func isTotaal(s string) bool {
	n := normKop(s)
	return strings.HasPrefix(n, "totaal") || strings.HasPrefix(n, "subtotaal") || n == "som" || strings.HasPrefix(n, "eindtotaal")
}

// checkTotaal compares a total cell with the sum of the rows it covers.
// A column with <5 cells can only be checked within bounds; one with n.b.
// not at all.
func (l *levering) checkTotaal(p sheet.Location, raw string, som float64, onzeker int, nb bool) {
	t, err := ParseGetal(raw)
	if err != nil || nb {
		return
	}
	lo, hi := som+float64(onzeker), som+4*float64(onzeker)
	if t < lo-0.005 || t > hi+0.005 {
		want := eval4(som)
		if onzeker > 0 {
			want = fmt.Sprintf("tussen %s en %s", eval4(lo), eval4(hi))
		}
		l.meld(store.Melding{Location: p, Waarde: raw, Ernst: store.Fout, Verwacht: want,
			Tekst: fmt.Sprintf("het totaal %s klopt niet met de rijen erboven (som: %s); controleer de cijfers", raw, want)})
	}
}

func eval4(f float64) string {
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%.2f", f), "0"), ".")
}

// bereik names the period a multi-period levering covers, "2025-K1 t/m
// 2026-K3", which is also what a correction of it must cover to replace
// it; without any figure it falls back to the file's base name.
func bereik(ds []store.Dekking, fallback string) string {
	if len(ds) == 0 {
		return fallback
	}
	lo, hi := ds[0].Kwartaal, ds[0].Kwartaal
	for _, d := range ds {
		if d.Kwartaal.Index() < lo.Index() {
			lo = d.Kwartaal
		}
		if d.Kwartaal.Index() > hi.Index() {
			hi = d.Kwartaal
		}
	}
	if lo == hi {
		return lo.String()
	}
	return lo.String() + " t/m " + hi.String()
}

func sortDekking(m map[store.Dekking]bool) []store.Dekking {
	out := make([]store.Dekking, 0, len(m))
	for d := range m {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gemeente != out[j].Gemeente {
			return out[i].Gemeente < out[j].Gemeente
		}
		return out[i].Kwartaal.Index() < out[j].Kwartaal.Index()
	})
	return out
}

var kraamzorgKolommen = []kolom{
	{veld: "gemeente", verplicht: true},
	{veld: "periode", verplicht: true},
	{veld: MaatUrenGeindiceerd, verplicht: true},
	{veld: MaatUrenGeleverd, verplicht: true},
	{veld: MaatClienten},
}

// readKraamzorg reads the kraamzorg's long workbook: one row per gemeente
// per kwartaal, with subtotal and total rows that are checked, not stored.
func readKraamzorg(l *levering) (*gelezen, error) {
	k, err := l.zoekKop(kraamzorgKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{periode: basisNaam(l.Naam)}
	maten := []struct{ veld, maat string }{{MaatUrenGeindiceerd, MaatUrenGeindiceerd}, {MaatUrenGeleverd, MaatUrenGeleverd}, {MaatClienten, MaatClienten}}
	type acc struct {
		som     float64
		onzeker int
		nb      bool
	}
	perJaar := map[string]map[int]*acc{} // "" = all years
	add := func(jaar string, col int, a store.Aggregaat) {
		for _, key := range []string{jaar, ""} {
			if perJaar[key] == nil {
				perJaar[key] = map[int]*acc{}
			}
			s := perJaar[key][col]
			if s == nil {
				s = &acc{}
				perJaar[key][col] = s
			}
			switch {
			case a.Waarde != nil:
				s.som += *a.Waarde
			case a.Code == "<5":
				s.onzeker++
			default:
				s.nb = true
			}
		}
	}
	dekking := map[store.Dekking]bool{}
	buiten := map[string]bool{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		gem := sheet.Get(cells, k.col("gemeente"))
		if gem == "" {
			return nil
		}
		if isTotaal(gem) {
			jaar := ""
			if m := reJaar.FindStringSubmatch(gem); m != nil {
				jaar = m[1]
			}
			for _, m := range maten {
				col := k.col(m.veld)
				if col < 0 {
					continue
				}
				s := perJaar[jaar][col]
				if s == nil {
					s = &acc{}
				}
				l.checkTotaal(l.cel(k.blad, row, col, sheet.Record{Key: gem}), sheet.Get(cells, col), s.som, s.onzeker, s.nb)
			}
			return nil
		}
		out.rijen++
		periode := sheet.Get(cells, k.col("periode"))
		g, _, inRegio := l.gemeente(gem)
		naam := gem
		if inRegio {
			naam = g
		}
		q, err := kansrijk.ParseKwartaal(periode)
		if err == nil {
			err = l.aannemelijk(q)
		}
		if err != nil {
			out.afgewezen++
			l.meld(store.Melding{Location: l.cel(k.blad, row, k.col("periode"), aggRecord(naam, periode)), Waarde: periode, Ernst: store.Fout,
				Verwacht: "een kwartaal, zoals 2026-K3", Tekst: fmt.Sprintf("%v; deze rij telt niet mee", err)})
			return nil
		}
		for _, m := range maten {
			col := k.col(m.veld)
			if col < 0 {
				continue
			}
			a, ok := l.aggregaatCel(l.cel(k.blad, row, col, aggRecord(naam, q.String())), sheet.Get(cells, col), m.maat, inRegio)
			if !ok {
				continue
			}
			add(fmt.Sprint(q.Jaar), col, a)
			if !inRegio {
				continue
			}
			a.Gemeente, a.Kwartaal, a.Maat = g, q, m.maat
			out.inhoud.Aggregaten = append(out.inhoud.Aggregaten, a)
			dekking[store.Dekking{Gemeente: g, Kwartaal: q}] = true
		}
		if !inRegio {
			buiten[gem] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out.inhoud.Dekking = sortDekking(dekking)
	out.periode = bereik(out.inhoud.Dekking, out.periode)
	l.meldBuiten(k, "gemeente", buiten)
	l.afronden(out.rijen)
	return out, nil
}
