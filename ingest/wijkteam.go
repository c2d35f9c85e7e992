package ingest

import (
	"fmt"
	"strings"

	"kansrijk/sheet"
	"kansrijk/store"
)

var wijkteamKolommen = []kolom{
	{veld: "dossier", verplicht: true},
	{veld: "aanmelding", verplicht: true},
	{veld: "start", verplicht: true},
	{veld: "hulpvraag", verplicht: true},
	{veld: "gemeente"},
}

// readWijkteam reads the sociaal wijkteam's registration export: one row
// per aanmelding. The kwartaal of a row is that of its aanmelddatum,
// whichever file it is in.
func readWijkteam(l *levering) (*gelezen, error) {
	q, err := l.kwartaal()
	if err != nil {
		return nil, err
	}
	k, err := l.zoekKop(wijkteamKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{periode: q.String()}
	l.datumKolommen(k.blad, k.col("aanmelding"), k.col("start"))
	// Without a gemeente column the partner's own gemeente applies; that
	// only works for a partner of one gemeente.
	eigen := ""
	for _, g := range l.Partner.Gemeenten {
		if gem, _, ok := l.gemeente(g); ok {
			out.inhoud.Dekking = append(out.inhoud.Dekking, store.Dekking{Gemeente: gem, Kwartaal: q})
			eigen = gem
		}
	}
	if k.col("gemeente") < 0 && len(l.Partner.Gemeenten) != 1 {
		return nil, fmt.Errorf("%s: partner %s werkt voor %d gemeenten, maar het bestand heeft geen kolom 'Gemeente'; voeg die kolom toe of geef de partner één gemeente in kansrijk.toml",
			l.Naam, l.Partner.Naam, len(l.Partner.Gemeenten))
	}
	seen := map[string]int{}
	buiten := map[string]bool{}
	err = l.File.Rows(k.blad, func(row int, cells []string) error {
		if row <= k.rij {
			return nil
		}
		get := func(veld string) string { return sheet.Get(cells, k.col(veld)) }
		cell := func(veld string) string { return sheet.Cell(k.col(veld)+1, row) }
		out.rijen++
		w := store.Wijkteam{Blad: k.blad, Rij: row, Dossier: get("dossier"), Gemeente: eigen, Hulpvraag: get("hulpvraag")}
		if w.Dossier == "" {
			out.afgewezen++
			l.fout(k.blad, cell("dossier"), "", "Dossiernummer ontbreekt; deze rij telt niet mee")
			return nil
		}
		if k.col("gemeente") >= 0 {
			g, _, ok := l.gemeente(get("gemeente"))
			if !ok {
				buiten[get("gemeente")] = true
				return nil
			}
			w.Gemeente = g
		}
		a, err := l.datum(get("aanmelding"))
		if err != nil {
			out.afgewezen++
			l.report(k.blad, cell("aanmelding"), get("aanmelding"), "Aanmelddatum", "zonder aanmelddatum telt deze aanmelding niet mee (KS09)", err)
			return nil
		}
		w.Aanmelddatum = a
		if raw := get("start"); raw != "" {
			s, err := l.datum(raw)
			switch {
			case err != nil:
				w.Onbekend = true
				l.report(k.blad, cell("start"), raw, "Datum start hulp", "deze aanmelding telt niet mee voor KS09", err)
			case s.Before(a):
				w.Onbekend = true
				l.fout(k.blad, cell("start"), raw, "Datum start hulp (%s) ligt vóór de aanmelddatum (%s); deze aanmelding telt niet mee voor KS09",
					s.Format("02-01-2006"), a.Format("02-01-2006"))
			default:
				w.Start = &s
			}
		}
		if w.Hulpvraag == "" {
			l.waarschuwing(k.blad, cell("hulpvraag"), "", "Hulpvraag is leeg; deze aanmelding telt niet mee voor KS09")
		}
		key := strings.ToLower(w.Dossier) + "|" + a.Format("2006-01-02")
		if prev, dup := seen[key]; dup {
			l.waarschuwing(k.blad, cell("dossier"), w.Dossier, "dubbele rij: dossier %s met dezelfde aanmelddatum staat ook in rij %d; telt één keer", w.Dossier, prev)
			return nil
		}
		seen[key] = row
		out.inhoud.Wijkteam = append(out.inhoud.Wijkteam, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.meldBuiten(k.blad, buiten)
	return out, nil
}
