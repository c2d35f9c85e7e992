package ingest

import (
	"fmt"
	"regexp"
	"strings"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

var codeboekKolommen = []kolom{
	{veld: "thema", verplicht: true},
	{veld: "code", verplicht: true},
	{veld: "omschrijving"},
	{veld: "indicatoren"},
}

var personaKolommen = []kolom{
	{veld: "persona", verplicht: true},
	{veld: "coalitie", verplicht: true},
	{veld: "doelgroep"},
	{veld: "situatie"},
	{veld: "nodig"},
	{veld: "tegenaan"},
	{veld: "bron"},
}

var reIndicator = regexp.MustCompile(`(?i)\bKS\s?\d{2}\b`)

// readCodeboek reads the regional codebook: Thema (merged down over its
// codes), Code, Omschrijving and the KS indicators a code relates to.
func readCodeboek(l *levering) (*gelezen, error) {
	k, err := l.zoekKop(codeboekKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{periode: basisNaam(l.Naam)}
	thema := ""
	seen := map[string]int{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		get := func(veld string) string { return sheet.Get(cells, k.col(veld)) }
		if t := get("thema"); t != "" {
			thema = t // a merged cell holds its text in the first row only
		}
		code := get("code")
		if code == "" {
			return nil
		}
		out.rijen++
		rec := sheet.Record{Kind: l.kopNaam(k, "code"), Key: code}
		if thema == "" {
			out.afgewezen++
			l.fout(l.cel(k.blad, row, k.col("thema"), rec), "", "code '%s' heeft geen thema; deze code telt niet mee", code)
			return nil
		}
		rec.Key = thema + " > " + code
		key := strings.ToLower(thema + " > " + code)
		if prev, dup := seen[key]; dup {
			out.afgewezen++
			l.fout(l.cel(k.blad, row, k.col("code"), rec), code, "code '%s > %s' staat ook in rij %d; deze rij telt niet mee", thema, code, prev)
			return nil
		}
		seen[key] = row
		var inds []string
		for _, m := range reIndicator.FindAllString(get("indicatoren"), -1) {
			inds = append(inds, strings.ToUpper(strings.ReplaceAll(m, " ", "")))
		}
		if inds == nil {
			inds = []string{}
		}
		out.inhoud.Codes = append(out.inhoud.Codes, store.Code{Blad: k.blad, Rij: row, Thema: thema, Code: code,
			Omschrijving: get("omschrijving"), Indicatoren: inds})
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.afronden(out.rijen)
	return out, nil
}

// readPersonas reads the persona's. Stories name a persona by the first
// word of its name ("Samira, 23, statushouder" is Samira).
func readPersonas(l *levering) (*gelezen, error) {
	k, err := l.zoekKop(personaKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{periode: basisNaam(l.Naam)}
	seen := map[string]int{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		r := l.rij(k, row, cells, "persona")
		get := r.get
		naam := get("persona")
		if naam == "" {
			return nil
		}
		out.rijen++
		co, ok := l.Config.Coalitie(get("coalitie"))
		if !ok {
			out.afgewezen++
			l.meld(store.Melding{Location: r.plek("coalitie"), Waarde: get("coalitie"), Ernst: store.Fout, Verwacht: "een coalitie uit kansrijk.toml: " + coalitieNamen(l.Config),
				Tekst: fmt.Sprintf("coalitie '%s' staat niet in kansrijk.toml; deze persona telt niet mee", get("coalitie"))})
			return nil
		}
		// The same persona twice counts and shows once (the store does
		// the same across files: actieve_persona).
		key := co.Naam + "\x00" + strings.ToLower(strings.TrimSpace(naam))
		if prev, dup := seen[key]; dup {
			l.waarschuwing(r.plek("persona"), naam, "persona '%s' van %s staat ook in rij %d; telt één keer", naam, co.Naam, prev)
			return nil
		}
		seen[key] = row
		voornaam := strings.TrimSpace(strings.FieldsFunc(naam, func(r rune) bool { return r == ',' || r == ' ' })[0])
		out.inhoud.Personas = append(out.inhoud.Personas, store.Persona{Blad: k.blad, Rij: row, Naam: naam, Voornaam: voornaam,
			Coalitie: co.Naam, Doelgroep: get("doelgroep"), Situatie: get("situatie"), Nodig: get("nodig"),
			Tegenaan: get("tegenaan"), Bron: get("bron")})
		return nil
	})
	if err != nil {
		return nil, err
	}
	l.afronden(out.rijen)
	return out, nil
}

// coalitieNamen lists the coalities of kansrijk.toml, for a message.
func coalitieNamen(cfg *kansrijk.Config) string {
	var namen []string
	for _, co := range cfg.Coalities {
		namen = append(namen, co.Naam)
	}
	return strings.Join(namen, ", ")
}
