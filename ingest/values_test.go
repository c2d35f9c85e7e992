package ingest

import (
	"errors"
	"testing"
	"time"
)

func TestParseDuur(t *testing.T) {
	tests := []struct {
		in   string
		want int
		err  error // errLeeg, errOnbekend, or nil for "any error" when bad is set
		bad  bool
	}{
		{in: "8+3", want: 59},
		{in: "10 + 5", want: 75},
		{in: " 9 ", want: 63},
		{in: "9", want: 63},
		{in: "42+6", want: 300},
		{in: "", err: errLeeg},
		{in: "n.b.", err: errOnbekend},
		{in: "onbekend", err: errOnbekend},
		{in: "N.v.t.", err: errOnbekend},
		{in: "39+7", bad: true},
		{in: "3+8", bad: true},
		{in: "acht", bad: true},
		{in: "8-3", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseDuur(tt.in)
		switch {
		case tt.err != nil:
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseDuur(%q) error = %v, want %v", tt.in, err, tt.err)
			}
		case tt.bad:
			if err == nil || errors.Is(err, errLeeg) || errors.Is(err, errOnbekend) {
				t.Errorf("ParseDuur(%q) = %d, %v; want an error", tt.in, got, err)
			}
		default:
			if err != nil || got != tt.want {
				t.Errorf("ParseDuur(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		}
	}
}

func TestParseDatum(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
		bad  bool
	}{
		{in: "45594", want: d(2024, 10, 29)}, // Excel serial
		{in: "45658", want: d(2025, 1, 1)},
		{in: "45658.75", want: d(2025, 1, 1)}, // a time of day is dropped
		{in: "12-03-2025", want: d(2025, 3, 12)},
		{in: "2025-03-12", want: d(2025, 3, 12)},
		{in: "1-3-2025", want: d(2025, 3, 1)},
		{in: "12/03/2025", want: d(2025, 3, 12)},
		{in: "31-02-2025", bad: true},
		{in: "2025-13-01", bad: true},
		{in: "12", bad: true},
		{in: "gisteren", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseDatum(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseDatum(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) {
			t.Errorf("ParseDatum(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParseGetal(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		bad  bool
	}{
		{in: "3250", want: 3250},
		{in: "3.250", want: 3250}, // Dutch thousands separator
		{in: "1.234,50", want: 1234.5},
		{in: "12,5", want: 12.5},
		{in: "17357.5", want: 17357.5}, // as Excel stores it
		{in: "1.234.567", want: 1234567},
		{in: "92,5%", want: 0.925},
		{in: "100 %", want: 1},
		{in: "%", bad: true},
		{in: "1,234.5", bad: true},
		{in: "veel", bad: true},
	}
	for _, tt := range tests {
		got, err := ParseGetal(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseGetal(%q) = %v, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseGetal(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestYesNoAndRoken(t *testing.T) {
	for _, s := range []string{"ja", "Ja", "J", "j", "yes"} {
		if b, err := ParseJaNee(s); err != nil || !b {
			t.Errorf("ParseJaNee(%q) = %v, %v; want ja", s, b, err)
		}
	}
	for _, s := range []string{"nee", "Nee", "N", "n", "no"} {
		if b, err := ParseJaNee(s); err != nil || b {
			t.Errorf("ParseJaNee(%q) = %v, %v; want nee", s, b, err)
		}
	}
	if _, err := ParseJaNee("misschien"); err == nil {
		t.Error("ParseJaNee(misschien) gave no error")
	}
	for in, want := range map[string]string{"Gestopt": "gestopt", "J": "ja", "nee": "nee"} {
		if got, err := ParseRoken(in); err != nil || got != want {
			t.Errorf("ParseRoken(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseRoken("onbekend"); !errors.Is(err, errOnbekend) {
		t.Errorf("ParseRoken(onbekend) error = %v, want unknown", err)
	}
	for in, want := range map[string]bool{"": false, "geen": false, "Geen": false, "Sociaal wijkteam": true, "POP-poli": true} {
		if got, err := ParseVerwezen(in); err != nil || got != want {
			t.Errorf("ParseVerwezen(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}
