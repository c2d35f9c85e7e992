package voorbeeld

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// bron returns a random source seeded from the given parts only, so every
// partner, gemeente and quarter draws the same numbers however many blocks
// are written and in whatever order.
func bron(delen ...string) *rand.Rand {
	s := hash(delen...)
	return rand.New(rand.NewPCG(s, s^0x9e3779b97f4a7c15))
}

// hash is FNV-1a over the parts, each ended by a zero byte.
func hash(delen ...string) uint64 {
	h := fnv.New64a()
	for _, d := range delen {
		h.Write([]byte(d))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// aantal draws a count around mean (roughly Poisson).
func aantal(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean < 20 {
		// Knuth's method: exact for the small cells that matter.
		l, k, p := math.Exp(-mean), 0, 1.0
		for {
			p *= r.Float64()
			if p <= l {
				return k
			}
			k++
		}
	}
	return max(0, int(math.Round(mean+r.NormFloat64()*math.Sqrt(mean))))
}

// deel draws how many of n have a property with chance p. The spread is
// half that of a binomial draw: the example should show its planted trends
// rather than drown them in sampling noise.
func deel(r *rand.Rand, n int, p float64) int {
	sd := math.Sqrt(float64(n) * p * (1 - p))
	return min(n, max(0, int(math.Round(float64(n)*p+0.5*sd*r.NormFloat64()))))
}

// vlaggen marks deel(r, n, p) of n items, in random order.
func vlaggen(r *rand.Rand, n int, p float64) []bool {
	v := make([]bool, n)
	for i := range deel(r, n, p) {
		v[i] = true
	}
	r.Shuffle(n, func(i, j int) { v[i], v[j] = v[j], v[i] })
	return v
}

// kies returns an index with chance proportional to its weight.
func kies(r *rand.Rand, gewichten ...float64) int {
	var som float64
	for _, g := range gewichten {
		som += g
	}
	x := r.Float64() * som
	for i, g := range gewichten {
		if x < g {
			return i
		}
		x -= g
	}
	return len(gewichten) - 1
}

// kans reports true with chance p.
func kans(r *rand.Rand, p float64) bool { return r.Float64() < p }

// dag returns the date at midnight UTC.
func dag(j int, m time.Month, d int) time.Time { return time.Date(j, m, d, 0, 0, 0, 0, time.UTC) }

// datumNL writes a date the Dutch way: 03-04-2025.
func datumNL(t time.Time) string { return t.Format("02-01-2006") }

// datumISO writes a date as 2025-04-03.
func datumISO(t time.Time) string { return t.Format("2006-01-02") }

// serieel is the Excel serial number of a date (1900 date system).
func serieel(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// bedrag writes an amount the Dutch way: 1994.24 → "1.994,24".
func bedrag(v float64) string {
	centen := int64(math.Round(v * 100))
	heel := strconv.FormatInt(centen/100, 10)
	var b strings.Builder
	for i, c := range heel {
		if i > 0 && (len(heel)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	b.WriteString("," + strconv.FormatInt(centen%100+100, 10)[1:])
	return b.String()
}

// duizendtal writes a whole number with a Dutch thousands dot: 3250 → "3.250".
func duizendtal(n int) string {
	if n < 1000 {
		return strconv.Itoa(n)
	}
	return strconv.Itoa(n/1000) + "." + strconv.Itoa(n%1000 + 1000)[1:]
}
