package voorbeeld

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"kansrijk"
)

// schrijfKraamzorg writes the block's kraamzorg workbooks: quarters below
// each other, a formula column, subtotals per year and a grand total. The
// report over 2025-2026 came first; 2024-K4 followed as a report of its own.
func (b *blok) schrijfKraamzorg(dir string) (int, error) {
	n := 0
	for _, d := range []struct {
		jaartal string
		qs      []kansrijk.Kwartaal
	}{
		{"2024", kansrijk.Between(eersteKwartaal, basisKwartaal.Add(-1))},
		{"2025-2026", kansrijk.Between(basisKwartaal, laatsteKwartaal)},
	} {
		if err := maakWerkboek(dir, b.kzBestand+"_"+d.jaartal+".xlsx", b.kzNaam, "Rapportage",
			func(w *werkboek) error { return b.vulKraamzorg(w, d.jaartal, d.qs) }); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// periode spells quarter q the way the colleague who filled in that row
// did; pos is the gemeente's position in the block (5 = outside).
func periode(q kansrijk.Kwartaal, pos int) string {
	switch kwartaalIndex(q) {
	case -1:
		return fmt.Sprintf("okt-dec %d", q.Jaar)
	case 1:
		if pos == 4 {
			return fmt.Sprintf("%d-Q2", q.Jaar)
		}
		return fmt.Sprintf("Q2 %d", q.Jaar)
	case 2, 6:
		return fmt.Sprintf("jul-sep %d", q.Jaar)
	case 3:
		if pos == 3 {
			return fmt.Sprintf("K4 %d", q.Jaar)
		}
		return fmt.Sprintf("%d kw4", q.Jaar)
	case 4:
		if pos == 0 {
			return q.String()
		}
		return fmt.Sprintf("K%d %d", q.K, q.Jaar)
	case 5:
		return fmt.Sprintf("%d-Q%d", q.Jaar, q.K)
	}
	return q.String()
}

// kwartier rounds hours to quarters of an hour, as the planning does.
func kwartier(u float64) float64 { return math.Round(u*4) / 4 }

// uren sums a stretch of rows.
type uren struct {
	rij           int // row of the (sub)total
	ind, gel, cli float64
}

// vulKraamzorg fills the report over the quarters qs; jaartal names their
// years in the title.
func (b *blok) vulKraamzorg(w *werkboek, jaartal string, qs []kansrijk.Kwartaal) error {
	s, err := w.nieuweStroom("Rapportage", []float64{18, 14, 18, 16, 12, 15}, 0)
	if err != nil {
		return err
	}
	kop := [][]any{
		{cel(w.s.titel, b.kzNaam+" — rapportage Kansrijke Start "+jaartal)},
		{"Geïndiceerde en geleverde kraamzorguren per gemeente per kwartaal. Fictieve gegevens."},
		nil,
		w.kop("Gemeente", "Periode", "Geïndiceerde uren", "Geleverde uren", "% geleverd", "Aantal cliënten"),
	}
	for _, rij := range kop {
		if rij == nil {
			s.leeg()
			continue
		}
		if err := s.schrijf(rij...); err != nil {
			return err
		}
	}
	gemeenten := append(slices.Clone(b.gemeenten[:]), b.buiten)
	var jaren []uren
	var jaar uren
	eerste := s.rij + 1
	for i, q := range qs {
		qi := kwartaalIndex(q)
		for pos, g := range gemeenten {
			r := bron("kraamzorg", b.kzNaam, g.naam, q.String())
			clienten := aantal(r, float64(g.geboorten)/4*0.87)
			ind := kwartier(float64(clienten) * (46 + 5*r.Float64()))
			gel := kwartier(min(ind, ind*(g.p.geleverd.op(qi)+0.008*r.NormFloat64())))
			rij := s.rij + 1
			formule := fmt.Sprintf("D%d/C%d", rij, rij)
			var geleverd any = cel(w.s.uren, gel)
			pct := excelize.Cell{StyleID: w.s.procent, Formula: formule, Value: verhouding(gel, ind)}
			if pos == 4 && qi == 5 {
				// Not filled in; Excel shows #VALUE! in the formula column.
				geleverd, gel = "n.b.", 0
				pct = excelize.Cell{StyleID: w.s.procent, Formula: formule}
			}
			if err := s.schrijf(g.naam, periode(q, pos), cel(w.s.uren, ind), geleverd, pct, clienten); err != nil {
				return err
			}
			jaar.ind, jaar.gel, jaar.cli = jaar.ind+ind, jaar.gel+gel, jaar.cli+float64(clienten)
		}
		if i < len(qs)-1 && qs[i+1].Jaar == q.Jaar {
			continue
		}
		jaar.rij = s.rij + 1
		if err := s.schrijf(totaalRij(w, fmt.Sprintf("Subtotaal %d", q.Jaar), jaar,
			fmt.Sprintf("SUM(C%d:C%d)", eerste, jaar.rij-1), fmt.Sprintf("SUM(D%d:D%d)", eerste, jaar.rij-1),
			fmt.Sprintf("SUM(F%d:F%d)", eerste, jaar.rij-1))...); err != nil {
			return err
		}
		jaren = append(jaren, jaar)
		jaar, eerste = uren{}, jaar.rij+1
	}

	s.leeg()
	totaal := uren{rij: s.rij + 1}
	var fc, fd, ff []string
	for _, j := range jaren {
		totaal.ind, totaal.gel, totaal.cli = totaal.ind+j.ind, totaal.gel+j.gel, totaal.cli+j.cli
		fc = append(fc, fmt.Sprintf("C%d", j.rij))
		fd = append(fd, fmt.Sprintf("D%d", j.rij))
		ff = append(ff, fmt.Sprintf("F%d", j.rij))
	}
	if err := s.schrijf(totaalRij(w, "Totaal", totaal,
		strings.Join(fc, "+"), strings.Join(fd, "+"), strings.Join(ff, "+"))...); err != nil {
		return err
	}
	return s.klaar()
}

// totaalRij is a bold (sub)total row with formulas and their cached values.
func totaalRij(w *werkboek, label string, u uren, fc, fd, ff string) []any {
	return []any{
		cel(w.s.vet, label), cel(w.s.vet, nil),
		excelize.Cell{StyleID: w.s.vetUren, Formula: fc, Value: u.ind},
		excelize.Cell{StyleID: w.s.vetUren, Formula: fd, Value: u.gel},
		excelize.Cell{StyleID: w.s.vetProcent, Formula: fmt.Sprintf("D%d/C%d", u.rij, u.rij), Value: verhouding(u.gel, u.ind)},
		excelize.Cell{StyleID: w.s.vet, Formula: ff, Value: u.cli},
	}
}

func verhouding(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return a / b
}
