// Package kansrijk holds the domain types every part of the pipeline shares:
// kwartalen, coalities, indicators and the small-number rules of the
// Kansrijke Start monitoring. The packages below it do the work:
// ingest → store → eval → reports, with stories beside eval.
package kansrijk

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Kwartaal is a calendar quarter, written 2026-K3 in Dutch output.
type Kwartaal struct {
	Jaar int
	K    int // 1..4
}

func (q Kwartaal) String() string { return fmt.Sprintf("%d-K%d", q.Jaar, q.K) }

// IsZero reports whether q is the zero Kwartaal (no quarter).
func (q Kwartaal) IsZero() bool { return q.Jaar == 0 }

// Index orders quarters: consecutive quarters differ by one.
func (q Kwartaal) Index() int { return q.Jaar*4 + q.K - 1 }

// FromIndex is the inverse of Index.
func FromIndex(i int) Kwartaal { return Kwartaal{Jaar: i / 4, K: i%4 + 1} }

// Add returns the quarter n quarters after q (n may be negative).
func (q Kwartaal) Add(n int) Kwartaal { return FromIndex(q.Index() + n) }

// Start is the first day of the quarter.
func (q Kwartaal) Start() time.Time {
	return time.Date(q.Jaar, time.Month(3*(q.K-1)+1), 1, 0, 0, 0, 0, time.UTC)
}

// End is the first day after the quarter.
func (q Kwartaal) End() time.Time { return q.Add(1).Start() }

// KwartaalVan returns the quarter a date falls in.
func KwartaalVan(t time.Time) Kwartaal {
	return Kwartaal{Jaar: t.Year(), K: (int(t.Month())-1)/3 + 1}
}

// Between returns the quarters from a up to and including b.
func Between(a, b Kwartaal) []Kwartaal {
	var qs []Kwartaal
	for i := a.Index(); i <= b.Index(); i++ {
		qs = append(qs, FromIndex(i))
	}
	return qs
}

var (
	// 2026-K3, 2026-Q3, 2026 kw3, 2026 K3, 2026Q3
	reYearFirst = regexp.MustCompile(`^(\d{4})\s*[-_ ]?\s*(?:k|q|kw|kwartaal)\s*([1-4])$`)
	// K3 2026, Q3 2026, kw3 2026, Q3-2026
	reQuarterFirst = regexp.MustCompile(`^(?:k|q|kw|kwartaal)\s*([1-4])\s*[-_ ]?\s*(\d{4})$`)
	// jul-sep 2026, jul - sep 2026
	reMonths = regexp.MustCompile(`^([a-z]{3})\s*-\s*([a-z]{3})\s*[-_ ]?\s*(\d{4})$`)
)

var monthRanges = map[string]int{
	"jan-mrt": 1, "jan-mar": 1,
	"apr-jun": 2,
	"jul-sep": 3,
	"okt-dec": 4, "oct-dec": 4,
}

// ParseKwartaal reads every quarter spelling partners use: 2026-K3, 2026-Q3,
// Q3 2026, K3 2026, jul-sep 2026, 2026 kw3 (case-insensitive).
func ParseKwartaal(s string) (Kwartaal, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if m := reYearFirst.FindStringSubmatch(t); m != nil {
		return mk(m[1], m[2])
	}
	if m := reQuarterFirst.FindStringSubmatch(t); m != nil {
		return mk(m[2], m[1])
	}
	if m := reMonths.FindStringSubmatch(t); m != nil {
		if k, ok := monthRanges[m[1]+"-"+m[2]]; ok {
			return mk(m[3], strconv.Itoa(k))
		}
	}
	return Kwartaal{}, fmt.Errorf("%q is geen kwartaal (verwacht bijvoorbeeld 2026-K3, Q3 2026 of jul-sep 2026)", s)
}

func mk(year, k string) (Kwartaal, error) {
	y, _ := strconv.Atoi(year)
	n, _ := strconv.Atoi(k)
	if y < 1900 || y > 2200 {
		return Kwartaal{}, fmt.Errorf("jaartal %d is niet aannemelijk", y)
	}
	return Kwartaal{Jaar: y, K: n}, nil
}

// reInName finds a quarter inside a file name such as
// Verloskundigen_Lindehoven_2025-Q2_v2.xlsx or wijkteam_dalwijk_2026-K1.csv.
var reInName = regexp.MustCompile(`(?i)(\d{4})[-_ ]?(?:k|q|kw)([1-4])`)

// KwartaalInNaam returns the quarter named in a file name, if any.
func KwartaalInNaam(name string) (Kwartaal, bool) {
	m := reInName.FindStringSubmatch(name)
	if m == nil {
		return Kwartaal{}, false
	}
	q, err := mk(m[1], m[2])
	return q, err == nil
}

var reVersion = regexp.MustCompile(`(?i)[_ -]v(\d{1,3})(?:\.[a-z]+)?$`)

// VersieInNaam returns the delivery version named in a file name
// (..._v2.xlsx is version 2); a name without one is version 1.
func VersieInNaam(name string) int {
	if m := reVersion.FindStringSubmatch(name); m != nil {
		if v, err := strconv.Atoi(m[1]); err == nil && v > 0 {
			return v
		}
	}
	return 1
}

// EersteKwartaal is the earliest kwartaal kansrijk takes data for. The
// Kansrijke Start programme began in 2018; a few years before that leave
// room for a baseline, while a year like 1900 is a typing error.
var EersteKwartaal = Kwartaal{Jaar: 2010, K: 1}

// Aannemelijk checks that q can hold delivered data when nu is the
// current kwartaal: not before EersteKwartaal and not after nu (a
// partner cannot have counted a kwartaal that has not begun). The error
// is Dutch and says what was expected.
func (q Kwartaal) Aannemelijk(nu Kwartaal) error {
	switch {
	case q.Index() < EersteKwartaal.Index():
		return fmt.Errorf("kwartaal %s is niet aannemelijk: kansrijk neemt gegevens aan vanaf %s (verwacht een kwartaal van %s tot en met %s)",
			q, EersteKwartaal, EersteKwartaal, nu)
	case q.Index() > nu.Index():
		return fmt.Errorf("kwartaal %s ligt in de toekomst: het is nu %s (verwacht een kwartaal van %s tot en met %s)",
			q, nu, EersteKwartaal, nu)
	}
	return nil
}

// AannemelijkeDatum checks a date of a row (a first check-up, a birth,
// an aanmelding) as Aannemelijk checks a kwartaal: from the start of
// EersteKwartaal up to the end of the current kwartaal nu.
func AannemelijkeDatum(t time.Time, nu Kwartaal) error {
	switch {
	case t.Before(EersteKwartaal.Start()):
		return fmt.Errorf("de datum %s is niet aannemelijk: kansrijk neemt gegevens aan vanaf %s (verwacht een datum van %s tot en met %s)",
			t.Format("02-01-2006"), EersteKwartaal.Start().Format("02-01-2006"), EersteKwartaal.Start().Format("02-01-2006"), nu.End().AddDate(0, 0, -1).Format("02-01-2006"))
	case !t.Before(nu.End()):
		return fmt.Errorf("de datum %s ligt na het huidige kwartaal %s (verwacht een datum tot en met %s)",
			t.Format("02-01-2006"), nu, nu.End().AddDate(0, 0, -1).Format("02-01-2006"))
	}
	return nil
}
