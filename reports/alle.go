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

	type uitkomst struct {
		g   Geschreven
		err error
	}
	uit := make([]chan uitkomst, len(coalities))
	for i := range uit {
		uit[i] = make(chan uitkomst, 1)
	}
	taken := make(chan int)
	go func() {
		defer close(taken)
		for i := range coalities {
			select {
			case taken <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range min(runtime.NumCPU(), len(coalities)) {
		wg.Go(func() {
			for i := range taken {
				if ctx.Err() != nil {
					continue // stopped: start nothing new
				}
				g, err := maak(coalities[i])
				if err != nil {
					stop()
				}
				uit[i] <- uitkomst{g, err}
			}
		})
	}
	defer func() {
		stop()
		wg.Wait() // workers finish what they started
	}()

	// After a stop, the workers are waited for and what they finished is
	// handed over in order up to the first coalitie they skipped.
	gestopt, gat := false, -1
	for i, co := range coalities {
		var u uitkomst
		ok := false
		if !gestopt {
			select {
			case u, ok = <-uit[i]:
			case <-ctx.Done():
				gestopt = true
				wg.Wait()
			}
		}
		if !ok && gestopt {
			select {
			case u, ok = <-uit[i]:
			default:
			}
		}
		switch {
		case !ok:
			if gat < 0 {
				gat = i // skipped after a stop
			}
		case u.err != nil:
			return fmt.Errorf("%s: %w", co.Naam, u.err)
		case gat < 0:
			klaar(i, u.g)
		}
	}
	if gat >= 0 {
		return fmt.Errorf("%s: %w", coalities[gat].Naam, ctx.Err())
	}
	return nil
}
