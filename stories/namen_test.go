package stories

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"kansrijk"
)

func TestNamenlijstIn(t *testing.T) {
	l := nieuweNamenlijst([]string{"Anna de Vries", "Vries", "Öztürk", "'t Hart", "Anna", "naam"})
	tests := []struct {
		tekst string
		want  []int
	}{
		// "'t Hart" starts with an apostrophe: always a candidate; so is
		// "naam", which a replacement can bring in.
		{"Zij zei: Anna de Vries en Öztürk.", []int{0, 1, 2, 3, 4, 5}},
		{"Annabel en de Vriesland", []int{3, 5}},
		{"Geen namen hier", []int{3, 5}},
		{"Vries,Öztürk", []int{1, 2, 3, 5}},
	}
	for _, tt := range tests {
		if got := l.in(tt.tekst); !slices.Equal(got, tt.want) {
			t.Errorf("in(%q) = %v, want %v", tt.tekst, got, tt.want)
		}
	}
}

func TestRedactieGroteNamenlijst(t *testing.T) {
	v := &Verhalen{Fragmenten: []Fragment{
		{Persona: "Anna de Vries"}, {IngevoerdDoor: "K. Öztürk"}, {Persona: "Bo"}, {Persona: "Annabel"},
	}}
	red := v.redactor(&kansrijk.Config{})
	// Bo is too short to be a known name, and starts the sentence.
	got := red.redact("Bo niet. Ik sprak Anna de Vries, toen Annabel en mevrouw Öztürk.")
	want := "Bo niet. Ik sprak [naam], toen [naam] en mevrouw [naam]."
	if got != want {
		t.Errorf("redact = %q, want %q", got, want)
	}
}

// FuzzNamenlijst checks that searching only the indexed candidates
// replaces exactly what searching every name in order replaces, for
// both ways of replacing names: vervangNaam and the Redactor's patterns.
func FuzzNamenlijst(f *testing.F) {
	f.Add("Anna|Anna de Vries|Vries|'t Hart|naam", "Anna de Vries en Anna, Vries; 't Hart [naam]")
	f.Add("Öztürk|Zeynep Öztürk", "Öztürk,Öztürk Zeynep Öztürk.")
	f.Add("a b|b", "a b b")
	f.Fuzz(func(t *testing.T, namen, tekst string) {
		if !utf8.ValidString(namen) {
			t.Skip("a pattern needs valid UTF-8; names come from spreadsheets as text")
		}
		delen := strings.Split(namen, "|")
		l := nieuweNamenlijst(delen)
		patroon := func(d string) *regexp.Regexp {
			return regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(d) + `($|[^\pL\pN])`)
		}
		for _, vervang := range []func(s, d string) string{
			func(s, d string) string {
				if d == "" {
					return s
				}
				return vervangNaam(s, d)
			},
			func(s, d string) string { return patroon(d).ReplaceAllString(s, "${1}[naam]${2}") },
		} {
			alle, snel := tekst, tekst
			for _, d := range delen {
				alle = vervang(alle, d)
			}
			for _, i := range l.in(snel) {
				snel = vervang(snel, l.namen[i])
			}
			if alle != snel {
				t.Errorf("names %q in %q: every name gives %q, the candidates give %q", delen, tekst, alle, snel)
			}
		}
	})
}

func TestVervangNaam(t *testing.T) {
	tests := []struct{ s, naam, want string }{
		{"Anna en Anna.", "Anna", "[naam] en [naam]."},
		{"AnnaAnna", "Anna", "AnnaAnna"}, // the second touches the first
		{"Annabel, Anna", "Anna", "Annabel, [naam]"},
		{"Öztürk-Öztürk", "Öztürk", "[naam]-[naam]"},
		{"", "Anna", ""},
	}
	for _, tt := range tests {
		if got := vervangNaam(tt.s, tt.naam); got != tt.want {
			t.Errorf("vervangNaam(%q, %q) = %q, want %q", tt.s, tt.naam, got, tt.want)
		}
	}
}
