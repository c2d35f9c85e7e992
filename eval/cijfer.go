// Package eval turns what the store holds into figures: indicators per
// gemeente and coalitie per kwartaal, with the small-number rules applied
// in one place. It reads only from the store.
package eval

import (
	"fmt"
	"math"
	"strings"

	"kansrijk"
)

// Status says how a figure may be used.
type Status string

const (
	StatusOK Status = "ok"
	// StatusKlein: noemer below 10 or teller 1–4. Exact in internal
	// exports, never shown in reports outside the M&E team.
	StatusKlein Status = "klein_aantal"
	// StatusSecundair: not small itself, but hidden in reports because
	// with the coalitie total it would reveal a small gemeente figure.
	StatusSecundair Status = "secundair_onderdrukt"
	// StatusGeenNoemer: delivered, but nothing to count (0/0).
	StatusGeenNoemer Status = "geen_noemer"
	// StatusBronOnderdrukt: the partner wrote <5; not computable.
	StatusBronOnderdrukt Status = "onderdrukt_bij_bron"
	// StatusNietBeschikbaar: the partner wrote n.b. or a gemeente of the
	// coalitie has no figure; not computable.
	StatusNietBeschikbaar Status = "niet_beschikbaar"
)

// Cijfer is one figure: teller over noemer for an indicator in a kwartaal,
// for one gemeente or (Gemeente empty) a whole coalitie.
type Cijfer struct {
	Coalitie  string
	Gemeente  string
	Kwartaal  kansrijk.Kwartaal
	Indicator string
	Teller    float64
	Noemer    float64
	Status    Status
}

// Berekenbaar reports whether the figure has a value at all.
func (c Cijfer) Berekenbaar() bool {
	return c.Status == StatusOK || c.Status == StatusKlein || c.Status == StatusSecundair
}

// Waarde is teller/noemer; ok is false when it is not computable.
func (c Cijfer) Waarde() (float64, bool) {
	if !c.Berekenbaar() || c.Noemer == 0 {
		return 0, false
	}
	return c.Teller / c.Noemer, true
}

// Toonbaar reports whether the percentage may appear in a report shared
// outside the M&E team: noemer at least 10 and no count from 1 to 4.
func (c Cijfer) Toonbaar() bool {
	return c.Status == StatusOK
}

// klein applies the small-number rule of the domain reference.
func klein(teller, noemer float64) bool {
	return noemer < 10 || (teller >= 1 && teller <= 4)
}

// status derives the status of a computed figure.
func status(teller, noemer float64) Status {
	switch {
	case noemer == 0:
		return StatusGeenNoemer
	case klein(teller, noemer):
		return StatusKlein
	}
	return StatusOK
}

// Percentage formats a fraction the Dutch way: 0.734 → "73,4%".
func Percentage(v float64) string {
	s := fmt.Sprintf("%.1f%%", math.Round(v*1000)/10)
	return strings.Replace(s, ".", ",", 1)
}

// Getal formats a count or number of hours the Dutch way, without
// decimals when it is whole: 1234 → "1.234", 12.5 → "12,5".
func Getal(v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	whole := math.Floor(v)
	frac := v - whole
	digits := fmt.Sprintf("%.0f", whole)
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	s := b.String()
	if frac > 1e-9 {
		f := fmt.Sprintf("%.2f", frac)[1:] // ".50"
		f = strings.TrimRight(f, "0")
		s += strings.Replace(f, ".", ",", 1)
	}
	if neg {
		s = "-" + s
	}
	return s
}
