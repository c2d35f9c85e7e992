package ingest

import (
	"errors"
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

var toestemmingen = map[string]bool{"intern": true, "rapport": true, "openbaar": true, "ingetrokken": true}

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
	err = l.File.Rows(k.blad, func(row int, cells []string) error {
		if row <= k.rij {
			return nil
		}
		get := func(veld string) string { return sheet.Get(cells, k.col(veld)) }
		cell := func(veld string) string { return sheet.Cell(k.col(veld)+1, row) }
		out.rijen++
		id := get("id")
		if id == "" {
			out.afgewezen++
			l.fout(k.blad, cell("id"), "", "Verhaal-ID ontbreekt; dit fragment telt niet mee")
			return nil
		}
		if prev, dup := seen[strings.ToLower(id)]; dup {
			out.afgewezen++
			l.fout(k.blad, cell("id"), id, "Verhaal-ID %s staat ook in rij %d; dit fragment telt één keer", id, prev)
			return nil
		}
		seen[strings.ToLower(id)] = row
		co, ok := l.Config.Coalitie(get("coalitie"))
		if !ok {
			out.afgewezen++
			l.fout(k.blad, cell("coalitie"), get("coalitie"), "coalitie '%s' staat niet in kansrijk.toml; dit fragment telt niet mee", get("coalitie"))
			return nil
		}
		coalities[co.Naam] = true
		v := store.Verhaal{Blad: k.blad, Rij: row, VerhaalID: id, Coalitie: co.Naam}
		v.Toestemming = strings.ToLower(get("toestemming"))
		if v.Toestemming == "ingetrokken" {
			// Withdrawn: never counted, never quoted, not even kept.
			out.inhoud.Verhalen = append(out.inhoud.Verhalen, v)
			return nil
		}
		if !toestemmingen[v.Toestemming] {
			l.fout(k.blad, cell("toestemming"), get("toestemming"),
				"toestemming '%s' is onbekend; verwacht intern, rapport, openbaar of ingetrokken. Het fragment telt mee maar wordt niet geciteerd (behandeld als intern)",
				get("toestemming"))
			v.Toestemming = "intern"
		}
		t, err := l.datum(get("datum"))
		if err != nil {
			out.afgewezen++
			l.report(k.blad, cell("datum"), get("datum"), "Datum", "dit fragment telt niet mee", err)
			return nil
		}
		v.Datum = &t
		v.Werkvorm, v.Persona, v.Doelgroep = get("werkvorm"), get("persona"), get("doelgroep")
		v.Fragment = get("fragment")
		v.IngevoerdDoor = get("door")
		v.Toon = strings.ToLower(get("toon"))
		if u, err := l.jaNee(get("uitgelicht")); err == nil {
			v.Uitgelicht = u
		} else if !errors.Is(err, errLeeg) {
			l.report(k.blad, cell("uitgelicht"), get("uitgelicht"), "Uitgelicht", "behandeld als nee", err)
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
