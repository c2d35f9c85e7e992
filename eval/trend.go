package eval

import (
	"math"

	"kansrijk"
)

// Verdicts on a trend (user-facing).
const (
	TrendVerbetert    = "verbetert"
	TrendVerslechtert = "verslechtert"
	TrendStijgt       = "stijgt" // indicators without a better direction (KS05)
	TrendDaalt        = "daalt"
	TrendGeen         = "geen duidelijke verandering"
	TrendTeWeinig     = "te weinig gegevens"
)

const (
	// trendVenster is how far back a trend looks: two years, so that it
	// describes the recent course and not the programme's start-up.
	trendVenster = 8
	// trendMinimum kwartalen are needed for a verdict: with fewer, a
	// straight line says little and its scatter cannot be estimated.
	trendMinimum = 4
)

// Trend is the course of an indicator over the recent kwartalen: a
// straight line through the shown quarterly figures, and a verdict that
// names a direction only when the line's 95% interval excludes zero.
type Trend struct {
	Oordeel   string
	Kwartalen int               // figures the line is fitted to
	Van, Tot  kansrijk.Kwartaal // first and last of them
	// Helling is the change per kwartaal in procentpunten, with its 95%
	// interval Onder..Boven. All zero when Oordeel is TrendTeWeinig.
	Helling, Onder, Boven float64
}

// punt is one quarterly figure in a trend: x is the kwartaal's Index.
type punt struct {
	x, teller, noemer float64
}

// bepaalTrend fits the line and gives the verdict; beter is the
// indicator's better direction, personen whether it counts people.
func bepaalTrend(ps []punt, beter string, personen bool) Trend {
	if len(ps) < trendMinimum {
		return Trend{Oordeel: TrendTeWeinig, Kwartalen: len(ps)}
	}
	b, half := helling(ps, personen)
	t := Trend{
		Kwartalen: len(ps),
		Van:       kansrijk.FromIndex(int(ps[0].x)),
		Tot:       kansrijk.FromIndex(int(ps[len(ps)-1].x)),
		Helling:   100 * b,
		Onder:     100 * (b - half),
		Boven:     100 * (b + half),
	}
	// A tolerance far below any meaningful change keeps rounding noise of
	// a perfectly flat series from counting as a direction.
	const eps = 1e-9
	switch {
	case b-half > eps:
		t.Oordeel = richting(beter, TrendVerbetert, TrendVerslechtert, TrendStijgt)
	case b+half < -eps:
		t.Oordeel = richting(beter, TrendVerslechtert, TrendVerbetert, TrendDaalt)
	default:
		t.Oordeel = TrendGeen
	}
	return t
}

// richting maps a rise to a verdict: for "hoger" a rise improves, for
// "lager" it worsens, and without a better direction it only rises.
func richting(beter, hoger, lager, neutraal string) string {
	switch beter {
	case "hoger":
		return hoger
	case "lager":
		return lager
	}
	return neutraal
}

// helling returns the slope b of the proportions p = teller/noemer on the
// kwartaal, per kwartaal as a fraction, and the half-width of its 95%
// interval.
//
// For indicators that count people the line is a weighted least-squares
// fit with weights noemer, the weights under which the proportions are
// equally precise if they share one underlying value. Its slope divided
// by sqrt(p̄(1−p̄)/Sxx) is the Cochran–Armitage test for trend in
// proportions (Armitage 1955). That standard error only covers chance
// variation from the binomial sampling; real quarterly figures also vary
// for other reasons (overdispersion), which with large noemers would turn
// every wobble into a "trend". So the interval is the wider of
//
//	z(0.975) · sqrt(p̄(1−p̄) / Sxx)      binomial (Cochran–Armitage)
//	t(0.975, k−2) · sqrt(RSS / ((k−2) Sxx))  the observed scatter around the line
//
// and a direction is named only if both tests see one. Hours (KS08) and
// aandachtspunten (KS10) are not binomial counts: they get an ordinary
// unweighted least-squares fit with the t interval alone.
func helling(ps []punt, personen bool) (b, half float64) {
	gewicht := func(p punt) float64 {
		if personen {
			return p.noemer
		}
		return 1
	}
	var sw, swx, swp float64
	for _, p := range ps {
		w := gewicht(p)
		sw += w
		swx += w * p.x
		swp += w * p.teller / p.noemer
	}
	xm, pm := swx/sw, swp/sw // pm is Σteller/Σnoemer when weighted
	var sxx, sxp float64
	for _, p := range ps {
		w, dx := gewicht(p), p.x-xm
		sxx += w * dx * dx
		sxp += w * dx * (p.teller/p.noemer - pm)
	}
	b = sxp / sxx
	var rss float64
	for _, p := range ps {
		r := p.teller/p.noemer - pm - b*(p.x-xm)
		rss += gewicht(p) * r * r
	}
	k := len(ps)
	half = tKwantiel(k-2) * math.Sqrt(rss/(float64(k-2)*sxx))
	if personen {
		half = math.Max(half, z975*math.Sqrt(pm*(1-pm)/sxx))
	}
	return b, half
}
