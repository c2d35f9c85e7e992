package ingest

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A value is either valid, empty, explicitly unknown (n.b., onbekend,
// n.v.t.) or wrong. Empty and unknown values count in neither teller nor
// noemer; wrong ones are also reported as errors.
var (
	errLeeg     = errors.New("leeg")
	errOnbekend = errors.New("onbekend")
)

func isOnbekend(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "n.b.", "nb", "n.b", "onbekend", "n.v.t.", "nvt", "n.v.t", "?", "-":
		return true
	}
	return false
}

func classify(s string) (string, error) {
	s = strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " "))
	if s == "" {
		return "", errLeeg
	}
	if isOnbekend(s) {
		return s, errOnbekend
	}
	return s, nil
}

var reDuur = regexp.MustCompile(`^(\d{1,2})(?:\s*\+\s*(\d{1,2}))?$`)

// ParseDuur reads a pregnancy duration written as weeks+days ("8+3",
// "10 + 5") or whole weeks ("9" = 9+0) and returns it in days. Days must
// be 0..6.
func ParseDuur(s string) (int, error) {
	s, err := classify(s)
	if err != nil {
		return 0, err
	}
	m := reDuur.FindStringSubmatch(s)
	if m == nil {
		return 0, verwacht("weken+dagen, zoals 8+3")
	}
	w, _ := strconv.Atoi(m[1])
	d := 0
	if m[2] != "" {
		d, _ = strconv.Atoi(m[2])
		if d > 6 {
			return 0, ongeldig(fmt.Sprintf("%d dagen kan niet: na +6 komt de volgende week", d), "weken+dagen, dagen 0 tot en met 6")
		}
	}
	return w*7 + d, nil
}

// FormatDuur writes days as weeks+days.
func FormatDuur(days int) string { return fmt.Sprintf("%d+%d", days/7, days%7) }

var (
	reDMY = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)
	reYMD = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00)?)?$`)
	// Excel serial day numbers: 1990-01-01 up to 2100-01-01.
	serialMin, serialMax = 32874.0, 73051.0
)

// excelEpoch is day 0 of Excel's 1900 date system (1899-12-30 makes the
// serials after February 1900 come out right).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ParseDatum reads a date as partners write it: an Excel date (a serial
// number, also in a general-format column), dd-mm-jjjj (also with / or .)
// or jjjj-mm-dd.
func ParseDatum(s string) (time.Time, error) {
	s, err := classify(s)
	if err != nil {
		return time.Time{}, err
	}
	const want = "een datum, zoals 12-03-2025"
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		if f < serialMin || f >= serialMax || math.IsNaN(f) {
			return time.Time{}, verwacht(want)
		}
		return excelEpoch.AddDate(0, 0, int(math.Floor(f))), nil
	}
	var y, m, d int
	if p := reDMY.FindStringSubmatch(s); p != nil {
		d, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		y, _ = strconv.Atoi(p[3])
	} else if p := reYMD.FindStringSubmatch(s); p != nil {
		y, _ = strconv.Atoi(p[1])
		m, _ = strconv.Atoi(p[2])
		d, _ = strconv.Atoi(p[3])
	} else {
		return time.Time{}, verwacht(want)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, ongeldig("deze datum bestaat niet", want)
	}
	if y < 1990 || y > 2100 {
		return time.Time{}, ongeldig(fmt.Sprintf("jaar %d is niet aannemelijk", y), want)
	}
	return t, nil
}

var (
	reThousands = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	reDecimal   = regexp.MustCompile(`^\d+(?:[.,]\d+)?$`)
)

// ParseGetal reads a Dutch or plain number: "3.250" (Dutch thousands
// separator: 3250), "1.234,50", "12,5", "17357.5" (as Excel stores it),
// and percentages: "92,5%" is 0.925.
func ParseGetal(s string) (float64, error) {
	s, err := classify(s)
	if err != nil {
		return 0, err
	}
	if p, ok := strings.CutSuffix(strings.TrimSpace(s), "%"); ok {
		f, err := ParseGetal(p)
		if err != nil {
			return 0, verwacht("een percentage, zoals 92,5%")
		}
		return f / 100, nil
	}
	t := strings.ReplaceAll(s, " ", "")
	switch {
	case reThousands.MatchString(t):
		t = strings.ReplaceAll(t, ".", "")
	case strings.Contains(t, ",") && strings.Contains(t, "."):
		// 1.234,50: dots group thousands, the comma is the decimal mark.
		if strings.LastIndex(t, ",") < strings.LastIndex(t, ".") {
			return 0, verwacht("een getal, zoals 1234 of 1.234,5")
		}
		t = strings.ReplaceAll(t, ".", "")
		t = strings.Replace(t, ",", ".", 1)
	case strings.Contains(t, ","):
		t = strings.Replace(t, ",", ".", 1)
	}
	if !reDecimal.MatchString(strings.TrimPrefix(t, "-")) {
		// Excel may store 1E+3 style numbers in raw cells.
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, nil
		}
		return 0, verwacht("een getal, zoals 1234 of 1.234,5")
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, verwacht("een getal, zoals 1234 of 1.234,5")
	}
	return f, nil
}

// ParseJaNee reads ja/nee in the spellings partners use.
func ParseJaNee(s string) (bool, error) {
	s, err := classify(s)
	if err != nil {
		return false, err
	}
	switch strings.ToLower(s) {
	case "ja", "j", "yes", "y", "true", "waar", "1":
		return true, nil
	case "nee", "n", "no", "false", "onwaar", "0":
		return false, nil
	}
	return false, verwacht("ja of nee")
}

// ParseRoken reads the smoking status: ja, nee or gestopt.
func ParseRoken(s string) (string, error) {
	s, err := classify(s)
	if err != nil {
		return "", err
	}
	if strings.EqualFold(s, "gestopt") {
		return "gestopt", nil
	}
	b, err := ParseJaNee(s)
	if err != nil {
		return "", verwacht("ja, nee of gestopt")
	}
	if b {
		return "ja", nil
	}
	return "nee", nil
}

// ParseVerwezen reads "Verwezen naar": empty or "geen" is not referred,
// any named destination is referred.
func ParseVerwezen(s string) (bool, error) {
	s, err := classify(s)
	switch {
	case err == errLeeg:
		return false, nil
	case err != nil:
		return false, err
	}
	switch strings.ToLower(s) {
	case "geen", "nee", "n":
		return false, nil
	}
	return true, nil
}

// The value vocabulary of a bronprofiel: which words mean ja, nee and
// onbekend. Without a profiel the built-in spellings apply.

func inLijst(s string, lijst []string) bool {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, w := range lijst {
		if strings.ToLower(strings.TrimSpace(w)) == s {
			return true
		}
	}
	return false
}

// isOnbekend reports whether the profiel calls s unknown.
func (l *levering) isOnbekend(s string) bool {
	return strings.TrimSpace(s) != "" && inLijst(s, l.Profiel.Onbekend)
}

// parse runs a value parser after the profiel's own unknown words.
func (l *levering) parse(s string, fn func(string) (int, error)) (int, error) {
	if l.isOnbekend(s) {
		return 0, errOnbekend
	}
	return fn(s)
}

// jaNee reads ja/nee with the profiel's words.
func (l *levering) jaNee(s string) (bool, error) {
	switch {
	case l.isOnbekend(s):
		return false, errOnbekend
	case inLijst(s, l.Profiel.Ja):
		return true, nil
	case inLijst(s, l.Profiel.Nee):
		return false, nil
	}
	return ParseJaNee(s)
}

// roken reads the smoking status with the profiel's words for ja and nee.
func (l *levering) roken(s string) (string, error) {
	if strings.EqualFold(strings.TrimSpace(s), "gestopt") {
		return "gestopt", nil
	}
	b, err := l.jaNee(s)
	switch {
	case err == nil && b:
		return "ja", nil
	case err == nil:
		return "nee", nil
	case errors.Is(err, errLeeg), errors.Is(err, errOnbekend):
		return "", err
	}
	return "", verwacht("ja, nee of gestopt")
}
