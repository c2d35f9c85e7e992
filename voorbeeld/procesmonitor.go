package voorbeeld

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"kansrijk"
)

var statussen = map[byte]string{
	'N': "Niet gestart", 'O': "In ontwikkeling", 'R': "Gerealiseerd", 'G': "Geborgd",
}

// verloop is per role, per aandachtspunt, the status in each quarter of the
// window (N, O, R, G), 2024-K4 first. Realised or secured points (KS10) grow
// from 3 to 8 in Havenstad and Lindehoven, from 1 to 7 in Vechtmonde and
// from 0 to 5 in Dijkwaard.
var verloop = [4][10]string{
	rolGroot: {
		"RRRRGGGG", "ORRRGGGG", "RRRRGGGG", "OOORRRGG", "NOOORRRG",
		"NNNNOOOO", "NNNNNNOO", "NOOOOORR", "RRRRGGGG", "NNNOORRR",
	},
	rolMiddel: {
		"RRRRGGGG", "RRRRGGGG", "ORRRGGGG", "OOOORRRG", "NOOOORRR",
		"NNNNOOOO", "NNNNNOOO", "NNNOOOOR", "RRRRRGGG", "OOORRRRR",
	},
	rolKlein: {
		"OOORRRGG", "ORRRRGGG", "OOOOOORR", "NNNOOOOO", "NNNNNNNN",
		"NNNNNNOO", "NNNNNNNN", "NNNNNNNN", "NOOORRRR", "NNNOOOOR",
	},
	rolRegio: {
		"RRRRGGGG", "ORRRGGGG", "OORRRGGG", "OOOOORRR", "NNOOOOOR",
		"NNNNNOOO", "NNNNNNNN", "NNNNNNNO", "OOORRRRG", "NNNNOORR",
	},
}

// Quarter spellings in the Kwartaal cell, one per quarter of the window.
var pmKwartaal = []string{"okt-dec %d", "%d-K1", "Q2 %d", "jul-sep %d", "%d kw4", "K1 %d", "%d-Q2", "%d-K3"}

var (
	pmToelichtingen = []string{
		"Intentieverklaring ligt ter ondertekening bij de wethouder.",
		"Twee nieuwe partners aangesloten (voedselbank, taalhuis).",
		"Ouderpanel gestart; terugkoppeling via nieuwsbrief.",
		"Scholing 'Samen in gesprek over geld' voor verloskundigen en JGZ afgerond.",
		"Monitor besproken in stuurgroep; wens om vaker ouderverhalen te verzamelen.",
		"Goede opkomst bij de spiegelbijeenkomst; gemeente werkt aan structurele financiering.",
		"Kartrekkers gewisseld door personeelsverloop, afspraken opnieuw vastgelegd.",
		"Werkafspraken warme overdracht verloskunde-wijkteam getekend.",
		"Wachtlijst schuldhulpverlening besproken met de gemeente.",
	}
	pmPuntToelichting = []string{"zie jaarplan", "loopt via gemeente", "besproken in stuurgroep", "vastgelegd in convenant"}
	pmPartners        = [4]int{rolGroot: 14, rolMiddel: 13, rolKlein: 3, rolRegio: 7}
)

// status returns aandachtspunt i's status in quarter qi (0 = 2025-K1).
// From 2025-K1 on, generated coalities run up to a quarter ahead of or
// behind their role's schedule; in 2024-K4, before it, they all start
// where their role does.
func (c *coalitie) status(i, qi int, verschuiving []int) string {
	s := verloop[c.rol][i]
	j := 0
	if qi >= 0 {
		j = 1 + min(max(qi-verschuiving[i], 0), len(s)-2)
	}
	return statussen[s[j]]
}

// schrijfProcesmonitors writes the coalitie's procesmonitor per quarter.
func (c *coalitie) schrijfProcesmonitors(dir string, referentie bool) (int, error) {
	verschuiving := make([]int, len(kansrijk.Aandachtspunten))
	if !referentie {
		r := bron("procesmonitor-verloop", c.naam)
		for i := range verschuiving {
			verschuiving[i] = []int{-1, 0, 0, 1}[r.IntN(4)]
		}
	}
	n := 0
	for _, q := range kwartalen() {
		naam := fmt.Sprintf("Procesmonitor_%s_%s.xlsx", c.naam, q)
		if err := maakWerkboek(dir, naam, "Kansrijke Start "+c.naam, "Procesmonitor",
			func(w *werkboek) error { return c.vulProcesmonitor(w, q, verschuiving) }); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func (c *coalitie) vulProcesmonitor(w *werkboek, q kansrijk.Kwartaal, verschuiving []int) error {
	const blad = "Procesmonitor"
	f := w.f
	r := bron("procesmonitor", c.naam, q.String())
	qi := kwartaalIndex(q)
	var err error
	zet := func(ref string, v any, stijl int) {
		if err != nil || v == nil {
			return
		}
		if err = f.SetCellValue(blad, ref, v); err == nil && stijl != 0 {
			err = f.SetCellStyle(blad, ref, ref, stijl)
		}
	}
	for i, b := range []float64{34, 48, 18, 30} {
		kol := string(rune('A' + i))
		if err := f.SetColWidth(blad, kol, kol, b); err != nil {
			return err
		}
	}
	zet("A1", "Procesmonitor Kansrijke Start", w.s.titel)
	zet("A2", "Invullen per kwartaal. Fictieve gegevens.", 0)
	zet("A3", "Coalitie", 0)
	zet("B3", c.naam, 0)
	zet("A4", "Kwartaal", 0)
	zet("B4", fmt.Sprintf(pmKwartaal[plek(q)], q.Jaar), 0)
	zet("A5", "Ingevuld door", 0)
	zet("B5", c.invuller, 0)
	for i, k := range []string{"Nr", "Aandachtspunt", "Status", "Toelichting"} {
		zet(fmt.Sprintf("%c7", 'A'+i), k, w.s.kop)
	}

	// Now and then the template is not filled in quite as intended.
	leegPunt, rommelPunt := -1, -1
	if kans(r, 0.12) {
		leegPunt = r.IntN(len(kansrijk.Aandachtspunten))
	}
	if kans(r, 0.12) {
		rommelPunt = r.IntN(len(kansrijk.Aandachtspunten))
	}
	for i, punt := range kansrijk.Aandachtspunten {
		rij := 8 + i
		status := c.status(i, qi, verschuiving)
		switch i {
		case leegPunt:
			status = ""
		case rommelPunt:
			status = strings.ToLower(status) + " "
		}
		zet(fmt.Sprintf("A%d", rij), i+1, 0)
		zet(fmt.Sprintf("B%d", rij), punt, 0)
		zet(fmt.Sprintf("C%d", rij), leeg(status), 0)
		if kans(r, 0.08) {
			zet(fmt.Sprintf("D%d", rij), pmPuntToelichting[r.IntN(len(pmPuntToelichting))], 0)
		}
	}

	partners := pmPartners[c.rol] + qi/3
	bijeenkomsten := r.IntN(4)
	tellingen := []any{partners, bijeenkomsten, bijeenkomsten * (5 + r.IntN(8))}
	if kans(r, 0.1) {
		tellingen[r.IntN(3)] = []any{"drie", -2, "?"}[r.IntN(3)]
	}
	for i, label := range []string{"Aantal deelnemende partners", "Aantal bijeenkomsten met ouders", "Aantal betrokken ouders"} {
		zet(fmt.Sprintf("A%d", 19+i), label, 0)
		zet(fmt.Sprintf("B%d", 19+i), tellingen[i], 0)
	}
	zet("A22", "Toelichting", 0)
	zet("B22", pmToelichtingen[r.IntN(len(pmToelichtingen))], w.s.tekst)
	if err != nil {
		return err
	}

	lijst := excelize.NewDataValidation(true)
	lijst.Sqref = "C8:C17"
	if err := lijst.SetDropList([]string{"Niet gestart", "In ontwikkeling", "Gerealiseerd", "Geborgd"}); err != nil {
		return err
	}
	getal := excelize.NewDataValidation(true)
	getal.Sqref = "B19:B21"
	if err := getal.SetRange(0, 9999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	for _, dv := range []*excelize.DataValidation{lijst, getal} {
		if err := f.AddDataValidation(blad, dv); err != nil {
			return err
		}
	}
	return nil
}
