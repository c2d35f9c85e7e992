package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/workspace"
)

// proefMap is the folder of a werkmap where a trial import writes its
// terugmeldingen, apart from those of real imports.
const proefMap = "terugmeldingen-proef"

// maxProefCijfers bounds the changed figures printed per file and in
// total; the rest is counted.
const maxProefCijfers = 12

// proefImport is kansrijk import --proef: it reads and checks the files
// exactly as an import does, into a copy of the store (store.Kopieer),
// so the werkmap's store never changes; then it compares the copy before
// and after: which leveringen would be new, which earlier one each would
// replace, which figures would change (old → new), which files are
// unchanged or refused. The copy is removed afterwards.
func proefImport(w *workspace.Werkmap, paden []string, stdout, stderr io.Writer) error {
	ctx := context.Background()
	files, overgeslagen, err := ingest.Bestanden(paden)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "kansrijk-proef-")
	if err != nil {
		return fmt.Errorf("tijdelijke map voor de proef: %s", ingest.OSReden(err))
	}
	defer os.RemoveAll(tmp)
	kopie := filepath.Join(tmp, "kansrijk.duckdb")
	if err := store.Kopieer(ctx, w.Database(), kopie); err != nil {
		return err
	}
	db, err := store.Open(kopie, store.Schrijven)
	if err != nil {
		return err
	}
	defer db.Close()
	voor, err := eval.Cijfers(ctx, db, &w.Config)
	if err != nil {
		return err
	}
	actiefVoor, err := db.ActieveLeveringen(ctx)
	if err != nil {
		return err
	}

	for _, o := range overgeslagen {
		printf(stdout, "%-13s %s: %s\n", "overgeslagen", o.Pad, o.Reden)
	}
	terug := filepath.Join(w.Dir, proefMap)
	im := &ingest.Importer{DB: db, Config: &w.Config, Now: time.Now, Terugmeldingen: terug}
	v := newVoortgang(stderr, len(files))
	var resultaten []ingest.Resultaat
	im.Alle(ctx, files, runtime.NumCPU(), func(i int, res ingest.Resultaat) {
		v.klaar()
		defer v.stap(i+1, filepath.Base(res.Pad))
		resultaten = append(resultaten, res)
	})
	v.klaar()
	na, err := eval.Cijfers(ctx, db, &w.Config)
	if err != nil {
		return err
	}
	actiefNa, err := db.ActieveLeveringen(ctx)
	if err != nil {
		return err
	}
	veranderd := cijferVerschillen(voor, na)

	sleutel := func(l store.Levering) string { return l.Partner + "\x00" + string(l.Bron) + "\x00" + l.Periode }
	eerder := map[string]store.Levering{}
	for _, l := range actiefVoor {
		eerder[sleutel(l)] = l
	}
	telt := map[int64]bool{}
	nu := map[string]store.Levering{}
	for _, l := range actiefNa {
		telt[l.ID] = true
		nu[sleutel(l)] = l
	}
	bronVan := map[string]kansrijk.Bron{}
	for _, in := range w.Config.Indicatoren {
		bronVan[in.Code] = in.Bron
	}
	tel := map[string]int{}
	terugmeldingen := 0
	for _, res := range resultaten {
		naam := filepath.Base(res.Pad)
		if res.Terugmelding != "" {
			terugmeldingen++
		}
		switch res.Status {
		case ingest.Ingelezen:
			l := res.Levering
			oud, was := eerder[sleutel(l)]
			switch {
			case !telt[l.ID]:
				tel["niet geteld"]++
				printf(stdout, "%-13s %s — %s, %s: zou worden opgeslagen, maar telt niet mee: %s is een nieuwere versie voor %s\n",
					"telt niet", naam, l.Partner, l.Periode, nu[sleutel(l)].Bestand, l.Periode)
			case was:
				tel["vervangt"]++
				printf(stdout, "%-13s %s — %s, %s: vervangt %s (ingelezen op %s); %d rijen, %d afgewezen\n",
					"vervangt", naam, l.Partner, l.Periode, oud.Bestand, oud.Ingelezen.Local().Format("02-01-2006 15:04"), l.Rijen, l.Afgewezen)
			default:
				tel["nieuw"]++
				printf(stdout, "%-13s %s — %s, %s: %d rijen, %d afgewezen\n", "nieuw", naam, l.Partner, l.Periode, l.Rijen, l.Afgewezen)
			}
			if telt[l.ID] {
				gaatOver := voorPartner(&w.Config, l.Partner)
				var eigen []cijferVerschil
				for _, c := range veranderd {
					if bronVan[c.indicator] == l.Bron && dektPeriode(l.Periode, c.kwartaal) && gaatOver(c.coalitie, c.gemeente) {
						eigen = append(eigen, c)
					}
				}
				printVerschillen(stdout, "              ", eigen)
			}
		case ingest.AlIngelezen:
			tel["ongewijzigd"]++
			printf(stdout, "%-13s %s — al ingelezen op %s\n", "ongewijzigd", naam, res.Levering.Ingelezen.Local().Format("02-01-2006 15:04"))
		default:
			tel["afgewezen"]++
			printf(stdout, "%-13s %s\n", res.Status, res.Fout)
		}
	}
	printf(stdout, "\nProef, niets opgeslagen: %d bestand(en): %d nieuw, %d vervangen een eerdere levering, %d ongewijzigd, %d afgewezen of niet herkend",
		len(files), tel["nieuw"], tel["vervangt"], tel["ongewijzigd"], tel["afgewezen"])
	if n := tel["niet geteld"]; n > 0 {
		printf(stdout, ", %d zouden niet meetellen", n)
	}
	printf(stdout, ".\n")
	if len(veranderd) == 0 {
		printf(stdout, "Geen enkel cijfer zou veranderen.\n")
	} else {
		printf(stdout, "Cijfers die zouden veranderen (oud → nieuw): %d\n", len(veranderd))
		printVerschillen(stdout, "  ", veranderd)
	}
	if terugmeldingen > 0 {
		printf(stdout, "Terugmeldingen van de proef: %d in %s (de echte staan in %s)\n", terugmeldingen, terug, w.Terugmeldingen())
	}
	if err := printVerhaalcontrole(stdout, db); err != nil {
		return err
	}
	if tel["afgewezen"]+len(overgeslagen) > 0 {
		return errInvoer
	}
	return nil
}

// cijferVerschil is a figure that an import would change.
type cijferVerschil struct {
	coalitie, gemeente, indicator string
	kwartaal                      kansrijk.Kwartaal
	oud, nieuw                    *eval.Cijfer // nil: none
}

// cijferVerschillen lists the figures that differ between voor and na,
// by coalitie, gemeente (the coalitie's own figure first), indicator and
// kwartaal; changed figures before new or gone ones.
func cijferVerschillen(voor, na []eval.Cijfer) []cijferVerschil {
	type sleutel struct {
		coalitie, gemeente, indicator string
		kwartaal                      kansrijk.Kwartaal
	}
	m := map[sleutel]*cijferVerschil{}
	var volgorde []sleutel
	zet := func(c eval.Cijfer, nieuw bool) {
		k := sleutel{c.Coalitie, c.Gemeente, c.Indicator, c.Kwartaal}
		v := m[k]
		if v == nil {
			v = &cijferVerschil{coalitie: c.Coalitie, gemeente: c.Gemeente, indicator: c.Indicator, kwartaal: c.Kwartaal}
			m[k] = v
			volgorde = append(volgorde, k)
		}
		if nieuw {
			v.nieuw = &c
		} else {
			v.oud = &c
		}
	}
	for _, c := range voor {
		zet(c, false)
	}
	for _, c := range na {
		zet(c, true)
	}
	var out []cijferVerschil
	for _, k := range volgorde {
		v := m[k]
		if v.oud != nil && v.nieuw != nil && v.oud.Teller == v.nieuw.Teller && v.oud.Noemer == v.nieuw.Noemer && v.oud.Status == v.nieuw.Status {
			continue
		}
		out = append(out, *v)
	}
	slices.SortStableFunc(out, func(a, b cijferVerschil) int {
		beide := func(v cijferVerschil) int {
			if v.oud != nil && v.nieuw != nil {
				return 0
			}
			return 1
		}
		return cmp.Or(cmp.Compare(beide(a), beide(b)), strings.Compare(a.coalitie, b.coalitie), strings.Compare(a.gemeente, b.gemeente),
			strings.Compare(a.indicator, b.indicator), cmp.Compare(a.kwartaal.Index(), b.kwartaal.Index()))
	})
	return out
}

// printVerschillen prints changed figures, at most maxProefCijfers.
func printVerschillen(w io.Writer, inspring string, vs []cijferVerschil) {
	for i, v := range vs {
		if i == maxProefCijfers {
			printf(w, "%s… en %d meer\n", inspring, len(vs)-i)
			return
		}
		wie := v.coalitie
		if v.gemeente != "" && v.gemeente != v.coalitie {
			wie += ", " + v.gemeente
		} else if v.gemeente == "" {
			wie += " (coalitie)"
		}
		printf(w, "%s%s %s %s: %s → %s\n", inspring, v.indicator, wie, v.kwartaal, cijferTekst(v.oud), cijferTekst(v.nieuw))
	}
}

// cijferTekst writes a figure for the terminal: exact, for whoever
// imports (like the internal export), "—" for none.
func cijferTekst(c *eval.Cijfer) string {
	if c == nil {
		return "—"
	}
	if w, ok := c.Waarde(); ok {
		return fmt.Sprintf("%s/%s (%s)", eval.Getal(c.Teller), eval.Getal(c.Noemer), eval.Percentage(w))
	}
	switch c.Status {
	case eval.StatusGeenNoemer:
		return "0/0"
	case eval.StatusBronOnderdrukt:
		return "niet te berekenen (<5)"
	}
	return "niet te berekenen"
}

// dektPeriode reports whether a levering's periode ("2025-K2",
// "Havenstad 2025-K2", "2025-K1 t/m 2026-K3") covers kwartaal q.
func dektPeriode(periode string, q kansrijk.Kwartaal) bool {
	if strings.Contains(periode, q.String()) {
		return true
	}
	van, tot, ok := strings.Cut(periode, " t/m ")
	if !ok {
		return false
	}
	a, err1 := kansrijk.ParseKwartaal(van[max(0, len(van)-7):])
	b, err2 := kansrijk.ParseKwartaal(tot)
	return err1 == nil && err2 == nil && a.Index() <= q.Index() && q.Index() <= b.Index()
}

// voorPartner says which figures a partner's levering can change: those
// of its gemeenten and of the coalities they are in; all, for a partner
// that names no gemeenten (a regional JGZ).
func voorPartner(cfg *kansrijk.Config, partner string) func(coalitie, gemeente string) bool {
	gemeenten, coalities := map[string]bool{}, map[string]bool{}
	for _, p := range cfg.Partners {
		if p.Naam != partner {
			continue
		}
		for _, g := range p.Gemeenten {
			if gem, co, ok := cfg.Gemeente(g); ok {
				gemeenten[gem], coalities[co] = true, true
			}
		}
	}
	return func(coalitie, gemeente string) bool {
		if len(gemeenten) == 0 {
			return true
		}
		if gemeente == "" {
			return coalities[coalitie]
		}
		return gemeenten[gemeente]
	}
}
