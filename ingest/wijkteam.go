package ingest

import (
	"fmt"
	"strings"

	"kansrijk"
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
	gevolg := gevolgVoor(kansrijk.BronWijkteam, "")
	seen := map[string]int{}
	buiten := map[string]bool{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		r := l.rij(k, row, cells, "dossier")
		out.rijen++
		w := store.Wijkteam{Blad: k.blad, Rij: row, Dossier: r.get("dossier"), Gemeente: eigen, Hulpvraag: r.get("hulpvraag")}
		if w.Dossier == "" {
			out.afgewezen++
			l.fout(r.plek("dossier"), "", "%s ontbreekt; deze rij telt niet mee", l.kopNaam(k, "dossier"))
			return nil
		}
		if k.col("gemeente") >= 0 {
			g, _, ok := l.gemeente(r.get("gemeente"))
			if !ok {
				buiten[r.get("gemeente")] = true
				return nil
			}
			w.Gemeente = g
		}
		a, err := l.datum(r.get("aanmelding"))
		if err != nil {
			out.afgewezen++
			l.report(r.plek("aanmelding"), r.get("aanmelding"), "zonder aanmelddatum telt deze aanmelding niet mee ("+strings.TrimPrefix(gevolg, "telt niet mee voor ")+")", err)
			return nil
		}
		w.Aanmelddatum = a
		if raw := r.get("start"); raw != "" {
			s, err := l.datum(raw)
			switch {
			case err != nil:
				w.Onbekend = true
				l.report(r.plek("start"), raw, "deze aanmelding "+gevolg, err)
			case s.Before(a):
				w.Onbekend = true
				l.meld(store.Melding{Location: r.plek("start"), Waarde: raw, Ernst: store.Fout, Verwacht: "een datum op of na de aanmelddatum",
					Tekst: fmt.Sprintf("%s (%s) ligt vóór de %s (%s); deze aanmelding %s",
						l.kopNaam(k, "start"), s.Format("02-01-2006"), strings.ToLower(l.kopNaam(k, "aanmelding")), a.Format("02-01-2006"), gevolg)})
			default:
				w.Start = &s
			}
		}
		if w.Hulpvraag == "" {
			l.leeg(r.plek("hulpvraag"), "deze aanmelding "+gevolg)
		} else if h, ok := keuze(w.Hulpvraag, sjabloonHulpvragen); ok && r.ruw("hulpvraag") != h {
			// Stored as the list spells it, so the figures read it as the
			// message says.
			l.keuzeAangenomen(r.plek("hulpvraag"), r.ruw("hulpvraag"), h, sjabloonHulpvragen)
			w.Hulpvraag = h
		}
		key := strings.ToLower(w.Dossier) + "|" + a.Format("2006-01-02")
		if prev, dup := seen[key]; dup {
			l.waarschuwing(r.plek("dossier"), w.Dossier, "dubbele rij: %s %s met dezelfde %s staat ook in rij %d; telt één keer",
				r.rec.Kind, w.Dossier, strings.ToLower(l.kopNaam(k, "aanmelding")), prev)
			return nil
		}
		seen[key] = row
		out.inhoud.Wijkteam = append(out.inhoud.Wijkteam, w)
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.meldBuiten(k, "gemeente", buiten)
	l.afronden(out.rijen)
	return out, nil
}
