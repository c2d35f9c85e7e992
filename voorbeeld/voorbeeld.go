// Package voorbeeld generates the example workspace of kansrijk: partner
// deliveries for fictitious coalities, used by `kansrijk voorbeeld` for
// demos, tests and benchmarks.
//
// All data is fictitious. The gemeenten, coalities, organisations, clients,
// parents, stories, names, numbers and addresses are invented (fictieve
// gegevens); any resemblance to real people or places is coincidental.
//
// The files have the shapes of the sample deliveries in the shared samples
// folder, mess included (spelling variants, n.b., bare week numbers,
// suppressed cells, a _v2 correction, a missing delivery), so the importer
// reads both alike. Everything is drawn from random sources seeded per
// partner, gemeente and quarter: the same schaal gives the same files, and
// a larger schaal adds coalities without changing the first ones.
// Generated coalities (schaal 2 and up) log more stories than their script
// (see extraVerhalen), so that schaal 69 has the national work unit's
// number of story fragments too.
//
// The window is eight kwartalen, 2024-K4 up to and including 2026-K3, as in
// the national work unit. The trends are planted from 2025-K1, the
// indicators' baseline; 2024-K4 takes that quarter's values.
//
// Planted trends, for evaluators to find:
//   - Havenstad: KS01 rises from ~62% to ~76% over the window while its
//     stories coded "Zwangerschapszorg > Te laat in zorg" turn from negative
//     to positive; KS07 rises too; KS09 slips in 2026 and "Bestaanszekerheid
//     > Lang wachten op hulp" stories appear.
//   - Lindehoven: stable.
//   - Vechtmonde: KS06 toeleiding rises from ~47% to ~81% while stories
//     about "Vroegsignalering > Doorverwijzing liep vast" stay negative;
//     kraamzorg delivery (KS08) dips in Dalwijk in 2026 with "Kraamzorg >
//     Uren tekort" stories.
//   - KS10 borging grows in every coalitie, slowest in Dijkwaard.
package voorbeeld

import (
	"fmt"
	"os"
	"runtime"
	"sync"
)

// Overzicht counts what Schrijf wrote.
type Overzicht struct {
	Bestanden int // files
	Records   int // record-level rows: verloskunde clients and wijkteam registrations
	Verhalen  int // story fragments
}

func (o *Overzicht) plus(p Overzicht) {
	o.Bestanden += p.Bestanden
	o.Records += p.Records
	o.Verhalen += p.Verhalen
}

// Schrijf writes the fictitious partner files for Config(schaal) into dir
// (the workspace's inbox, created if needed) and returns what it wrote.
// Blocks of four coalities are written in parallel; each file depends only
// on its own seeds, so the result does not depend on scheduling.
func Schrijf(dir string, schaal int) (Overzicht, error) {
	if schaal < 1 {
		return Overzicht{}, fmt.Errorf("voorbeeld: schaal %d is kleiner dan 1", schaal)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Overzicht{}, fmt.Errorf("voorbeeld: map %s maken: %w", dir, err)
	}
	if err := schrijfCodeboek(dir); err != nil {
		return Overzicht{}, fmt.Errorf("voorbeeld: %w", err)
	}
	if err := schrijfPersonas(dir); err != nil {
		return Overzicht{}, fmt.Errorf("voorbeeld: %w", err)
	}
	totaal := Overzicht{Bestanden: 2}

	overzichten := make([]Overzicht, schaal)
	fouten := make([]error, schaal)
	werk := make(chan int)
	var wg sync.WaitGroup
	for range min(schaal, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for nr := range werk {
				overzichten[nr], fouten[nr] = maakBlok(nr).schrijf(dir)
			}
		})
	}
	for nr := range schaal {
		werk <- nr
	}
	close(werk)
	wg.Wait()

	for nr := range schaal {
		if fouten[nr] != nil {
			return totaal, fmt.Errorf("voorbeeld: %w", fouten[nr])
		}
		totaal.plus(overzichten[nr])
	}
	return totaal, nil
}

// schrijf writes all files of one block.
func (b *blok) schrijf(dir string) (Overzicht, error) {
	var o Overzicht
	for _, p := range b.praktijken {
		n, rec, err := p.schrijfVerloskunde(dir)
		o.Bestanden, o.Records = o.Bestanden+n, o.Records+rec
		if err != nil {
			return o, err
		}
	}
	n, err := b.schrijfJGZ(dir)
	o.Bestanden += n
	if err != nil {
		return o, err
	}
	n, err = b.schrijfKraamzorg(dir)
	o.Bestanden += n
	if err != nil {
		return o, err
	}
	n, rec, err := b.schrijfWijkteams(dir)
	o.Bestanden, o.Records = o.Bestanden+n, o.Records+rec
	if err != nil {
		return o, err
	}
	for _, c := range b.coalities {
		n, err := c.schrijfProcesmonitors(dir, b.nr == 0)
		o.Bestanden += n
		if err != nil {
			return o, err
		}
		v, err := c.schrijfVerhalen(dir)
		if err != nil {
			return o, err
		}
		o.Bestanden++
		o.Verhalen += v
	}
	return o, nil
}
