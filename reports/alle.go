package reports

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"kansrijk"
)

// Alle builds and writes the reports of coalities with maak, on
// runtime.NumCPU() workers: maak must be safe to call from several
// goroutines at once (a Basis and an Uitvoer are). klaar is called for
// each coalitie in the order of coalities, from the calling goroutine,
// so what it prints comes out as a serial run would print it. An error
// stops the rest at once: no further coalitie is started, and Alle
// returns the first error in the order of coalities, with the coalitie's
// name.
func Alle(ctx context.Context, coalities []kansrijk.Coalitie, maak func(kansrijk.Coalitie) (Geschreven, error), klaar func(i int, g Geschreven)) error {
	ctx, stop := context.WithCancel(ctx)

	// Every coalitie gets exactly one uitkomst, so the loop below can
	// take them in order.
	type uitkomst struct {
		g            Geschreven
		err          error
		overgeslagen bool // not started: stopped before
	}
	uit := make([]chan uitkomst, len(coalities))
	for i := range uit {
		uit[i] = make(chan uitkomst, 1)
	}
	taken := make(chan int)
	go func() {
		defer close(taken)
		for i := range coalities {
			taken <- i
		}
	}()
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(coalities)) {
		wg.Go(func() {
			for i := range taken {
				if err := ctx.Err(); err != nil {
					uit[i] <- uitkomst{err: err, overgeslagen: true}
					continue
				}
				g, err := maak(coalities[i])
				if err != nil {
					stop()
				}
				uit[i] <- uitkomst{g: g, err: err}
			}
		})
	}
	defer func() {
		stop()
		wg.Wait() // workers finish what they started
	}()

	// What finished is handed over in order up to the first coalitie
	// skipped after a stop; the error returned is the first real one in
	// that order, or else why the first was skipped.
	var overgeslagen error
	for i, co := range coalities {
		u := <-uit[i]
		switch {
		case u.overgeslagen:
			if overgeslagen == nil {
				overgeslagen = fmt.Errorf("%s: %w", co.Naam, u.err)
			}
		case u.err != nil:
			return fmt.Errorf("%s: %w", co.Naam, u.err)
		case overgeslagen == nil:
			klaar(i, u.g)
		}
	}
	return overgeslagen
}
