package ingest

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"kansrijk/sheet"
	"kansrijk/store"
)

var verhaalKolommen = []kolom{
	{veld: "id", verplicht: true},
	{veld: "coalitie", verplicht: true},
	{veld: "datum", verplicht: true},
	{veld: "werkvorm"},
	{veld: "persona"},
	{veld: "doelgroep"},
	{veld: "toestemming", verplicht: true},
	{veld: "fragment", verplicht: true},
	{veld: "codes"},
	{veld: "toon"},
	{veld: "uitgelicht"},
	{veld: "door"},
}

// readOuderverhalen reads a coalitie's coded story log: one row per
// fragment. A withdrawn fragment (toestemming ingetrokken) keeps only its
// ID, so its text never enters the store.
func readOuderverhalen(l *levering) (*gelezen, error) {
	k, err := l.zoekKop(verhaalKolommen)
	if err != nil {
		return nil, err
	}
	out := &gelezen{}
	l.datumKolommen(k.blad, k.col("datum"))
	coalities := map[string]bool{}
	seen := map[string]int{}
	err = l.dataRijen(k, func(row int, cells []string) error {
		r := l.rij(k, row, cells, "id")
		get := r.get
		out.rijen++
		id := get("id")
		if id == "" {
			out.afgewezen++
			l.fout(r.plek("id"), "", "%s ontbreekt; dit fragment telt niet mee", l.kopNaam(k, "id"))
			return nil
		}
		if prev, dup := seen[strings.ToLower(id)]; dup {
			out.afgewezen++
			l.fout(r.plek("id"), id, "%s %s staat ook in rij %d; dit fragment telt één keer", r.rec.Kind, id, prev)
			return nil
		}
		seen[strings.ToLower(id)] = row
		co, ok := l.Config.Coalitie(get("coalitie"))
		if !ok {
			out.afgewezen++
			l.meld(store.Melding{Location: r.plek("coalitie"), Waarde: get("coalitie"), Ernst: store.Fout, Verwacht: "een coalitie uit kansrijk.toml: " + coalitieNamen(l.Config),
				Tekst: fmt.Sprintf("coalitie '%s' staat niet in kansrijk.toml; dit fragment telt niet mee", get("coalitie"))})
			return nil
		}
		coalities[co.Naam] = true
		v := store.Verhaal{Blad: k.blad, Rij: row, VerhaalID: id, Coalitie: co.Naam}
		if c := k.col("codes"); c >= 0 {
			v.CodesCel, v.CodesKop = sheet.Cell(c+1, row), l.kopTekst(k.blad, c)
		}
		toestemming, bekend := keuze(get("toestemming"), sjabloonToestemming)
		v.Toestemming = toestemming
		if v.Toestemming == "ingetrokken" {
			// Withdrawn: never counted, never quoted, not even kept.
			out.inhoud.Verhalen = append(out.inhoud.Verhalen, v)
			return nil
		}
		switch {
		case !bekend:
			l.meld(store.Melding{Location: r.plek("toestemming"), Waarde: r.ruw("toestemming"), Ernst: store.Fout,
				Verwacht: "een waarde uit de keuzelijst: " + strings.Join(sjabloonToestemming, ", "),
				Tekst: fmt.Sprintf("toestemming '%s' is onbekend; verwacht intern, rapport, openbaar of ingetrokken. Het fragment telt mee maar wordt niet geciteerd (behandeld als intern)",
					get("toestemming"))})
			v.Toestemming = "intern"
		case r.ruw("toestemming") != toestemming:
			l.keuzeAangenomen(r.plek("toestemming"), r.ruw("toestemming"), toestemming, sjabloonToestemming)
		}
		t, err := l.datum(get("datum"))
		if err != nil {
			out.afgewezen++
			l.report(r.plek("datum"), get("datum"), "dit fragment telt niet mee", err)
			return nil
		}
		v.Datum = &t
		v.Werkvorm, v.Persona, v.Doelgroep = get("werkvorm"), get("persona"), get("doelgroep")
		v.Fragment = get("fragment")
		v.IngevoerdDoor = get("door")
		v.Toon = strings.ToLower(get("toon"))
		if toon, ok := keuze(get("toon"), sjabloonTonen); ok {
			if r.ruw("toon") != toon {
				l.keuzeAangenomen(r.plek("toon"), r.ruw("toon"), toon, sjabloonTonen)
			}
			v.Toon = toon
		}
		if u, err := l.jaNee(get("uitgelicht")); err == nil {
			v.Uitgelicht = u
		} else if !errors.Is(err, errLeeg) {
			l.report(r.plek("uitgelicht"), get("uitgelicht"), "behandeld als nee", err)
		}
		v.Codes = splitCodes(get("codes"))
		out.inhoud.Verhalen = append(out.inhoud.Verhalen, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(coalities))
	for c := range coalities {
		names = append(names, c)
	}
	sort.Strings(names)
	out.periode = strings.Join(names, ", ")
	l.afronden(out.rijen)
	return out, nil
}

// splitCodes reads "Thema > Code; Thema > Code" into normalised codes
// ("Thema > Code"), each once.
func splitCodes(s string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(s, ";") {
		var bits []string
		for _, b := range strings.Split(part, ">") {
			if b = strings.Join(strings.Fields(b), " "); b != "" {
				bits = append(bits, b)
			}
		}
		if len(bits) == 0 {
			continue
		}
		code := strings.Join(bits, " > ")
		if key := strings.ToLower(code); !seen[key] {
			seen[key] = true
			out = append(out, code)
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}
