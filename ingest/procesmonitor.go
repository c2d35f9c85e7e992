package ingest

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// borgingStatus finds a status of the procesmonitor as the coalitie
// wrote it, ignoring case and extra spaces.
func borgingStatus(s string) (string, bool) {
	s = strings.Join(strings.Fields(s), " ")
	for _, st := range kansrijk.BorgingStatussen {
		if strings.EqualFold(s, st) {
			return st, true
		}
	}
	return "", false
}

// readProcesmonitor reads a coalitie's quarterly procesmonitor: labels
// (Coalitie, Kwartaal) at the top, the 10 aandachtspunten with a status,
// then a few counts.
func readProcesmonitor(l *levering) (*gelezen, error) {
	blad := l.File.Sheets()[0]
	var (
		coalitie, kwRaw string
		coalCel, kwCel  string
		kop             = -1
		nrCol, apCol    = -1, -1
		stCol, tlCol    = -1, -1
		pm              store.Procesmonitor
		rows            []store.Borging
	)
	out := &gelezen{}
	// count reads one of the counts; max is what one coalitie can
	// plausibly have in a kwartaal (far above any real one).
	count := func(row int, raw string, max int) *int {
		if raw == "" {
			return nil
		}
		f, err := ParseGetal(raw)
		switch {
		case err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f):
			l.fout(blad, sheet.Cell(2, row), raw, "'%s' is geen aantal; verwacht een heel getal", raw)
			return nil
		case f > float64(max):
			l.fout(blad, sheet.Cell(2, row), raw, "'%s' is geen aannemelijk aantal voor één coalitie in één kwartaal (meer dan %s); controleer de cel", raw, eval4(float64(max)))
			return nil
		}
		n := int(f)
		return &n
	}
	err := l.File.Rows(blad, func(row int, cells []string) error {
		label := normKop(sheet.Get(cells, 0))
		switch {
		case label == "coalitie":
			coalitie, coalCel = sheet.Get(cells, 1), sheet.Cell(2, row)
		case label == "kwartaal":
			kwRaw, kwCel = sheet.Get(cells, 1), sheet.Cell(2, row)
		case kop < 0 && label == "nr":
			kop = row
			for i, c := range cells {
				switch normKop(c) {
				case "nr":
					nrCol = i
				case "aandachtspunt":
					apCol = i
				case "status":
					stCol = i
				case "toelichting":
					tlCol = i
				}
			}
		case strings.HasPrefix(label, "aantal deelnemende partners"):
			pm.Partners = count(row, sheet.Get(cells, 1), 1_000)
		case strings.HasPrefix(label, "aantal bijeenkomsten"):
			pm.Bijeenkomsten = count(row, sheet.Get(cells, 1), 1_000)
		case strings.HasPrefix(label, "aantal betrokken ouders"):
			pm.Ouders = count(row, sheet.Get(cells, 1), maxPersonen)
		case label == "toelichting" && kop > 0:
			pm.Toelichting = sheet.Get(cells, 1)
		case kop > 0 && stCol >= 0:
			nr, err := strconv.Atoi(sheet.Get(cells, nrCol))
			if err != nil || nr < 1 || nr > 10 {
				return nil
			}
			out.rijen++
			raw := sheet.Get(cells, stCol)
			st, ok := borgingStatus(raw)
			cel := sheet.Cell(stCol+1, row)
			switch {
			case raw == "":
				l.waarschuwing(blad, cel, raw, "status van aandachtspunt %d is leeg; telt als niet gerealiseerd (KS10)", nr)
			case !ok:
				l.fout(blad, cel, raw, "status '%s' van aandachtspunt %d is onbekend; verwacht Niet gestart, In ontwikkeling, Gerealiseerd of Geborgd. Telt als niet gerealiseerd (KS10)", raw, nr)
				st = raw
			}
			rows = append(rows, store.Borging{Blad: blad, Cel: cel, Nr: nr, Aandachtspunt: sheet.Get(cells, apCol),
				Status: st, Toelichting: sheet.Get(cells, tlCol)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	co, ok := l.Config.Coalitie(coalitie)
	if !ok {
		return nil, fmt.Errorf("%s, blad %q, cel %s: coalitie '%s' staat niet in kansrijk.toml", l.Naam, blad, coalCel, coalitie)
	}
	q, err := kansrijk.ParseKwartaal(kwRaw)
	if err != nil {
		if fq, ok := kansrijk.KwartaalInNaam(l.Naam); ok {
			q = fq
			if err := l.aannemelijk(q); err != nil {
				return nil, fmt.Errorf("%s (kwartaal in de bestandsnaam): %v; controleer de naam", l.Naam, err)
			}
		} else {
			return nil, fmt.Errorf("%s, blad %q, cel %s: %v", l.Naam, blad, kwCel, err)
		}
	} else if err := l.aannemelijk(q); err != nil {
		return nil, fmt.Errorf("%s, blad %q, cel %s: %v", l.Naam, blad, kwCel, err)
	}
	if kop < 0 || stCol < 0 {
		return nil, fmt.Errorf("%s, blad %q: geen kopregel 'Nr | Aandachtspunt | Status' gevonden", l.Naam, blad)
	}
	seen := map[int]bool{}
	for i := range rows {
		rows[i].Coalitie, rows[i].Kwartaal = co.Naam, q
		seen[rows[i].Nr] = true
	}
	for nr := 1; nr <= 10; nr++ {
		if !seen[nr] {
			l.waarschuwing(blad, "", "", "aandachtspunt %d ontbreekt; telt als niet gerealiseerd (KS10)", nr)
		}
	}
	pm.Coalitie, pm.Kwartaal = co.Naam, q
	out.inhoud.Borging = rows
	out.inhoud.Procesmonitor = []store.Procesmonitor{pm}
	out.periode = co.Naam + " " + q.String()
	return out, nil
}
