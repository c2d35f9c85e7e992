package ingest

import (
	"errors"
	"strings"
	"testing"
)

// The value parsers take whatever a partner typed: they must never panic,
// and what they accept must lie within what the type allows.

func FuzzParseDuur(f *testing.F) {
	for _, s := range []string{"8+3", "10 + 5", "9", "n.b.", "39+7", "", "+", "99+99", "1e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuur(s)
		if err == nil && (d < 0 || d > 99*7+6) {
			t.Errorf("ParseDuur(%q) = %d days", s, d)
		}
	})
}

func FuzzParseDatum(f *testing.F) {
	for _, s := range []string{"45594", "12-03-2025", "2025-03-12", "31-02-2025", "1e308", "-1", "NaN", "0.5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDatum(s)
		if err == nil && (d.Year() < 1990 || d.Year() > 2100) {
			t.Errorf("ParseDatum(%q) = %v", s, d)
		}
	})
}

func FuzzParseGetal(f *testing.F) {
	for _, s := range []string{"3.250", "1.234,50", "12,5", "-2", "1E+3", "Inf", "NaN", "1,234.5", ".", ","} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseGetal(s)
		if err == nil && (v != v || v > 1e308 || v < -1e308) {
			t.Errorf("ParseGetal(%q) = %v", s, v)
		}
		if err != nil && !errors.Is(err, errLeeg) && !errors.Is(err, errOnbekend) && !strings.Contains(err.Error(), "verwacht") {
			t.Errorf("ParseGetal(%q): error %q does not say what is expected", s, err)
		}
	})
}

// The categorical parsers: an accepted value gives one of the allowed
// answers, and a refused one says what is expected (or is empty or
// unknown).
func FuzzParseCategorie(f *testing.F) {
	for _, s := range []string{"ja", "NEE", " j ", "gestopt", "geen", "Jeugdarts", "n.b.", "", "1", "0", "waar", "\u00a0nee"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		leeg := func(err error) bool { return errors.Is(err, errLeeg) || errors.Is(err, errOnbekend) }
		if b, err := ParseJaNee(s); err != nil && !leeg(err) && !strings.Contains(err.Error(), "verwacht ja of nee") {
			t.Errorf("ParseJaNee(%q): error %q does not say what is expected", s, err)
		} else if err == nil {
			// Whatever spelling was accepted, its answer must survive
			// the canonical spelling.
			canon := map[bool]string{true: "ja", false: "nee"}[b]
			if r, err := ParseRoken(s); err != nil || r != canon {
				t.Errorf("ParseJaNee(%q) = %v, but ParseRoken = %q, %v", s, b, r, err)
			}
		}
		if r, err := ParseRoken(s); err == nil && r != "ja" && r != "nee" && r != "gestopt" {
			t.Errorf("ParseRoken(%q) = %q", s, r)
		} else if err != nil && !leeg(err) && !strings.Contains(err.Error(), "verwacht ja, nee of gestopt") {
			t.Errorf("ParseRoken(%q): error %q does not say what is expected", s, err)
		}
		if _, err := ParseVerwezen(s); err != nil && !leeg(err) {
			t.Errorf("ParseVerwezen(%q): %v (any destination counts as verwezen)", s, err)
		}
	})
}
