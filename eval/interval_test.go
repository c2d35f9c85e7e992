package eval_test

import (
	"math"
	"testing"

	"kansrijk/eval"
)

// wilsonRef is the Wilson score interval written the other way round,
// (2x + z² ± z·sqrt(z² + 4x(1 − x/n))) / (2(n + z²)), so the test does not
// share a formula with the code.
func wilsonRef(x, n float64) (lo, hi float64) {
	z := 1.959963984540054
	a := 2*x + z*z
	b := z * math.Sqrt(z*z+4*x*(1-x/n))
	d := 2 * (n + z*z)
	return math.Max(0, (a-b)/d), math.Min(1, (a+b)/d)
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestWilson(t *testing.T) {
	// Published: Newcombe (1998), Statistics in Medicine 17:857–872,
	// table II, method 3 (score interval without continuity correction).
	for _, c := range []struct{ x, n, lo, hi float64 }{
		{81, 263, 0.2553, 0.3662},
		{15, 148, 0.0624, 0.1605},
		{0, 20, 0, 0.1611},
		{1, 29, 0.0061, 0.1718},
		{29, 29, 0.8830, 1},
	} {
		lo, hi, ok := eval.Wilson(c.x, c.n)
		if !ok || !near(lo, c.lo, 0.00005) || !near(hi, c.hi, 0.00005) {
			t.Errorf("Wilson(%v, %v) = %.4f, %.4f, %v; published %.4f, %.4f", c.x, c.n, lo, hi, ok, c.lo, c.hi)
		}
	}
	for _, c := range [][2]float64{{81, 263}, {0, 10}, {10, 10}, {5, 10}, {37, 412}, {450, 451}, {1, 1}} {
		lo, hi, ok := eval.Wilson(c[0], c[1])
		wlo, whi := wilsonRef(c[0], c[1])
		if !ok || !near(lo, wlo, 1e-4) || !near(hi, whi, 1e-4) {
			t.Errorf("Wilson(%v, %v) = %.4f, %.4f; closed form %.4f, %.4f", c[0], c[1], lo, hi, wlo, whi)
		}
	}
	for _, c := range [][2]float64{{0, 0}, {3, 0}, {5, 4}, {-1, 10}} {
		if lo, hi, ok := eval.Wilson(c[0], c[1]); ok || lo != 0 || hi != 0 {
			t.Errorf("Wilson(%v, %v) = %v, %v, %v; want 0, 0, false", c[0], c[1], lo, hi, ok)
		}
	}
}
