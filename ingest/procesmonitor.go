package ingest

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// borgingStatus finds a status of the procesmonitor as the coalitie
// wrote it, ignoring case, accents and extra spaces (rule 10 of the
// samples' README).
func borgingStatus(s string) (string, bool) {
	return keuze(s, kansrijk.BorgingStatussen[:])
}

// readProcesmonitor reads a coalitie's quarterly procesmonitor: labels
// (Coalitie, Kwartaal) at the top, the 10 aandachtspunten with a status,
// then a few counts.
func readProcesmonitor(l *levering) (*gelezen, error) {
	blad := l.File.Sheets()[0]
	var (
		coalitie, kwRaw string
		coalRij, kwRij  int
		kop             = -1
		nrCol, apCol    = -1, -1
		stCol, tlCol    = -1, -1
		pm              store.Procesmonitor
		rows            []store.Borging
	)
	out := &gelezen{}
	fout := func(row, col int, msg string) error {
		return &sheet.Error{Location: sheet.Location{File: l.Naam, Sheet: blad, Row: row, Col: col}, Msg: msg}
	}
	// count reads one of the counts in column B, labelled in column A;
	// max is what one coalitie can plausibly have in a kwartaal (far
	// above any real one).
	count := func(row int, cells []string, max int) *int {
		raw := sheet.Get(cells, 1)
		if raw == "" {
			return nil
		}
		label := sheet.Get(cells, 0)
		p := sheet.Location{File: l.Naam, Sheet: blad, Row: row, Col: 2, Header: label}
		f, err := ParseGetal(raw)
		switch {
		case err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) || f != math.Trunc(f):
			l.meld(store.Melding{Location: p, Waarde: raw, Ernst: store.Fout, Verwacht: "een heel getal: 0 of meer",
				Tekst: fmt.Sprintf("%s: '%s' is geen aantal; verwacht een heel getal: 0 of meer. Dit aantal telt niet mee", label, raw)})
			return nil
		case f > float64(max):
			l.meld(store.Melding{Location: p, Waarde: raw, Ernst: store.Fout, Verwacht: fmt.Sprintf("hoogstens %s", eval4(float64(max))),
				Tekst: fmt.Sprintf("%s: '%s' is geen aannemelijk aantal voor één coalitie in één kwartaal (meer dan %s); controleer de cel. Dit aantal telt niet mee",
					label, raw, eval4(float64(max)))})
			return nil
		}
		n := int(f)
		return &n
	}
	var begin []sheet.Rij // the rows down to the header, for the terugmelding
	err := l.rows(blad, func(row int, cells []string) error {
		if kop < 0 {
			begin = append(begin, sheet.Rij{Nr: row, Cells: slices.Clone(cells)})
		}
		label := normKop(sheet.Get(cells, 0))
		switch {
		case label == "coalitie":
			coalitie, coalRij = sheet.Get(cells, 1), row
		case label == "kwartaal":
			kwRaw, kwRij = sheet.Get(cells, 1), row
		case kop < 0 && label == "nr":
			kop = row
			l.zetKoppen(blad, cells)
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
			pm.Partners = count(row, cells, 1_000)
		case strings.HasPrefix(label, "aantal bijeenkomsten"):
			pm.Bijeenkomsten = count(row, cells, 1_000)
		case strings.HasPrefix(label, "aantal betrokken ouders"):
			pm.Ouders = count(row, cells, maxPersonen)
		case label == "toelichting" && kop > 0:
			pm.Toelichting = sheet.Get(cells, 1)
		case kop > 0 && stCol >= 0:
			nr, err := strconv.Atoi(sheet.Get(cells, nrCol))
			if err != nil || nr < 1 || nr > 10 {
				return nil
			}
			out.rijen++
			ap := sheet.Get(cells, apCol)
			rec := sheet.Record{Kind: "Aandachtspunt", Key: strconv.Itoa(nr)}
			if ap != "" {
				rec.Key += " (" + ap + ")"
			}
			p := l.cel(blad, row, stCol, rec)
			ruw := ""
			if stCol < len(cells) {
				ruw = cells[stCol]
			}
			raw := sheet.Get(cells, stCol)
			st, ok := borgingStatus(raw)
			lijst := strings.Join(kansrijk.BorgingStatussen[:], ", ")
			switch {
			case raw == "":
				l.waarschuwing(p, "", "de status van aandachtspunt %d is leeg; wij tellen het als niet gerealiseerd (KS10)", nr)
			case !ok:
				l.meld(store.Melding{Location: p, Waarde: ruw, Ernst: store.Fout, Verwacht: "een status uit de keuzelijst: " + lijst,
					Tekst: fmt.Sprintf("status '%s' van aandachtspunt %d is onbekend; verwacht %s. Telt als niet gerealiseerd (KS10)", raw, nr, lijst)})
				st = raw
			case ruw != st:
				l.keuzeAangenomen(p, ruw, st, kansrijk.BorgingStatussen[:])
			}
			rows = append(rows, store.Borging{Blad: blad, Cel: p.Cell(), Nr: nr, Aandachtspunt: ap,
				Status: st, Toelichting: sheet.Get(cells, tlCol)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	co, ok := l.Config.Coalitie(coalitie)
	if !ok {
		return nil, fout(coalRij, 2, fmt.Sprintf("coalitie '%s' staat niet in kansrijk.toml; verwacht een van: %s", coalitie, coalitieNamen(l.Config)))
	}
	q, err := kansrijk.ParseKwartaal(kwRaw)
	if err != nil {
		if fq, ok := kansrijk.KwartaalInNaam(l.Naam); ok {
			q = fq
			if err := l.aannemelijk(q); err != nil {
				return nil, fmt.Errorf("%s (kwartaal in de bestandsnaam): %v; controleer de naam", l.Naam, err)
			}
		} else {
			return nil, fout(kwRij, 2, err.Error())
		}
	} else if err := l.aannemelijk(q); err != nil {
		return nil, fout(kwRij, 2, err.Error())
	}
	if kop < 0 || stCol < 0 {
		return nil, fout(0, 0, "geen kopregel 'Nr | Aandachtspunt | Status' gevonden")
	}
	l.bewaarKop(blad, kop, begin)
	seen := map[int]bool{}
	for i := range rows {
		rows[i].Coalitie, rows[i].Kwartaal = co.Naam, q
		seen[rows[i].Nr] = true
	}
	for nr := 1; nr <= 10; nr++ {
		if !seen[nr] {
			l.waarschuwing(sheet.Location{File: l.Naam, Sheet: blad, Record: sheet.Record{Kind: "Aandachtspunt", Key: fmt.Sprintf("%d (%s)", nr, kansrijk.Aandachtspunten[nr-1])}},
				"", "aandachtspunt %d ontbreekt; wij tellen het als niet gerealiseerd (KS10)", nr)
		}
	}
	// The counts and the form's cells belong to the coalitie's kwartaal.
	for i := range l.meldingen {
		if m := &l.meldingen[i]; m.Record.Key == "" && m.Row > 0 {
			m.Record = sheet.Record{Kind: "Coalitie en kwartaal", Key: co.Naam + ", " + q.String()}
		}
	}
	pm.Coalitie, pm.Kwartaal = co.Naam, q
	out.inhoud.Borging = rows
	out.inhoud.Procesmonitor = []store.Procesmonitor{pm}
	out.periode = co.Naam + " " + q.String()
	l.velden = []string{"status"}
	l.afronden(out.rijen)
	return out, nil
}
