package voorbeeld

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"kansrijk"
)

// schrijfJGZ writes the block's JGZ workbooks, one per year of the window
// (2024 holds K4 only): quarters side by side under a merged two-row
// header, counts 1–4 shown as <5.
func (b *blok) schrijfJGZ(dir string) (int, error) {
	n := 0
	for jaar := eersteKwartaal.Jaar; jaar <= laatsteKwartaal.Jaar; jaar++ {
		naam := fmt.Sprintf("%s_%d.xlsx", b.jgzBestand, jaar)
		if err := maakWerkboek(dir, naam, b.jgzNaam, "Kwartaalcijfers",
			func(w *werkboek) error { return b.vulJGZ(w, jaar) }); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// jgzRegio is the rows of a JGZ workbook: the block's gemeenten and the
// outside gemeente, alphabetically as the JGZ sorts them.
func (b *blok) jgzRegio() []*gemeente {
	gs := append(slices.Clone(b.gemeenten[:]), b.buiten)
	slices.SortFunc(gs, func(x, y *gemeente) int { return cmp.Compare(x.naam, y.naam) })
	return gs
}

// jgzTelling is one gemeente's year: aanmeldingen, huisbezoeken and
// kinderen 0-1 per quarter; -1 means the quarter is outside the window.
type jgzTelling [3][4]int

func (b *blok) jgzTellingen(g *gemeente, jaar int) jgzTelling {
	r := bron("jgz", b.jgzNaam, g.naam, fmt.Sprint(jaar))
	var t jgzTelling
	for k := 1; k <= 4; k++ {
		q := kansrijk.Kwartaal{Jaar: jaar, K: k}
		if !inVenster(q) {
			t[0][k-1], t[1][k-1], t[2][k-1] = -1, -1, -1
			continue
		}
		aanmeld := aantal(r, float64(g.geboorten)/4*g.p.jgzAanmeld)
		t[0][k-1] = aanmeld
		t[1][k-1] = deel(r, aanmeld, g.p.huisbezoek.op(kwartaalIndex(q)))
		t[2][k-1] = aantal(r, float64(g.geboorten)*0.95)
	}
	return t
}

func (b *blok) vulJGZ(w *werkboek, jaar int) error {
	r := bron("jgz-export", b.jgzNaam, fmt.Sprint(jaar))
	eerste, laatste := kansrijk.Kwartaal{Jaar: jaar, K: 1}, kansrijk.Kwartaal{Jaar: jaar, K: 4}
	if eerste.Index() < eersteKwartaal.Index() {
		eerste = eersteKwartaal
	}
	if laatste.Index() > laatsteKwartaal.Index() {
		laatste = laatsteKwartaal
	}
	aangemaakt := laatste.End().AddDate(0, 0, 7+r.IntN(8))

	s, err := w.nieuweStroom("Kwartaalcijfers", append([]float64{16}, slices.Repeat([]float64{8}, 12)...), 0)
	if err != nil {
		return err
	}
	for _, m := range []string{"A4:A5", "B4:E4", "F4:I4", "J4:M4"} {
		van, tot, _ := strings.Cut(m, ":")
		if err := s.sw.MergeCell(van, tot); err != nil {
			return err
		}
	}
	rijen := [][]any{
		{cel(w.s.titel, fmt.Sprintf("%s — kwartaalcijfers Kansrijke Start %d", b.jgzNaam, jaar))},
		{fmt.Sprintf("Bron: registratie JGZ. Fictieve gegevens. Aangemaakt %s.", datumNL(aangemaakt))},
		nil,
		w.kop("Gemeente", "Aanmeldingen prenataal", "", "", "", "Prenatale huisbezoeken", "", "", "",
			"Kinderen 0-1 jaar in zorg", "", "", ""),
		w.kop("", "K1", "K2", "K3", "K4", "K1", "K2", "K3", "K4", "K1", "K2", "K3", "K4"),
	}
	regio := b.jgzRegio()
	// One figure the JGZ could not deliver this year.
	nbRij, nbMaat, nbK := r.IntN(len(regio)), 1+r.IntN(2), eerste.K-1+r.IntN(laatste.K-eerste.K+1)
	var totaal jgzTelling
	for _, g := range regio {
		t := b.jgzTellingen(g, jaar)
		rij := []any{g.naam}
		for m := range 3 {
			for k := range 4 {
				v := t[m][k]
				switch {
				case v < 0:
					rij = append(rij, nil)
					totaal[m][k] = -1
					continue
				case g == regio[nbRij] && m == nbMaat && k == nbK:
					rij = append(rij, "n.b.")
					continue
				case v >= 1 && v <= 4:
					rij = append(rij, "<5")
				default:
					rij = append(rij, v)
				}
				totaal[m][k] += v
			}
		}
		rijen = append(rijen, rij)
	}
	tot := []any{cel(w.s.vet, "Totaal regio")}
	for m := range 3 {
		for k := range 4 {
			if totaal[m][k] < 0 {
				tot = append(tot, nil)
			} else {
				tot = append(tot, cel(w.s.vet, totaal[m][k]))
			}
		}
	}
	rijen = append(rijen, tot, nil,
		[]any{cel(w.s.voetnoot, "<5 = aantal tussen 1 en 4, niet getoond i.v.m. privacy; n.b. = niet beschikbaar. Fictieve gegevens.")})
	for _, rij := range rijen {
		if rij == nil {
			s.leeg()
			continue
		}
		if err := s.schrijf(rij...); err != nil {
			return err
		}
	}
	return s.klaar()
}
