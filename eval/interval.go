package eval

import "math"

// z975 is the 97.5% quantile of the standard normal distribution: the
// multiplier of every 95% interval in this package.
const z975 = 1.959963984540054

// Interval is a 95% confidence interval for a proportion, as fractions
// (0.25 = 25%).
type Interval struct {
	Onder, Boven float64
}

// Wilson returns the 95% Wilson score interval for teller out of noemer
// (Wilson 1927; Newcombe 1998, method 3). Unlike the textbook p ± 1.96·SE
// it stays within [0, 1] and keeps its coverage for small noemers and
// proportions near 0 or 100%, which quarterly coalitie figures often have.
//
// ok is false, and the interval (0, 0), when there is nothing to estimate:
// noemer 0 (or less), or teller outside 0..noemer.
//
// The interval assumes teller counts independent people out of noemer
// people. Analyse only gives it for indicators where TeltPersonen is true:
// not for KS08 (hours are not people) nor KS10 (aandachtspunten out of 10
// are a score, not a sample).
func Wilson(teller, noemer float64) (lo, hi float64, ok bool) {
	if noemer <= 0 || teller < 0 || teller > noemer {
		return 0, 0, false
	}
	p := teller / noemer
	z2 := z975 * z975
	d := 1 + z2/noemer
	mid := (p + z2/(2*noemer)) / d
	half := z975 / d * math.Sqrt(p*(1-p)/noemer+z2/(4*noemer*noemer))
	return math.Max(0, mid-half), math.Min(1, mid+half), true
}

// newcombe returns the 95% interval for the difference p1 − p2 of two
// independent proportions by Newcombe's hybrid score method (Newcombe
// 1998, "Interval estimation for the difference between independent
// proportions", method 10): it combines the two Wilson intervals, so it
// inherits their good behaviour for small counts.
func newcombe(t1, n1, t2, n2 float64) (lo, hi float64, ok bool) {
	l1, u1, ok1 := Wilson(t1, n1)
	l2, u2, ok2 := Wilson(t2, n2)
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	p1, p2 := t1/n1, t2/n2
	d := p1 - p2
	lo = d - math.Hypot(p1-l1, u2-p2)
	hi = d + math.Hypot(u1-p1, p2-l2)
	return lo, hi, true
}

// t975 holds the 97.5% quantiles of Student's t distribution for 1..30
// degrees of freedom.
var t975 = [...]float64{
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
	2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
	2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
}

// tKwantiel returns the 97.5% quantile of Student's t with df degrees of
// freedom: from the table, or beyond it the Cornish–Fisher expansion
// (accurate to 0.001 from df 30 on).
func tKwantiel(df int) float64 {
	if df < 1 {
		return math.Inf(1)
	}
	if df <= len(t975) {
		return t975[df-1]
	}
	z, v := z975, float64(df)
	return z + (z*z*z+z)/(4*v) + (5*math.Pow(z, 5)+16*z*z*z+3*z)/(96*v*v)
}
