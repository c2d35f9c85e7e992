package stories

import (
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	r := &Redactor{Namen: []string{"Marloes", "K. Smit", "Öztürk"}, Toegestaan: []string{"Havenstad", "Dijkwaard"}}
	tests := []struct {
		in     string
		gone   []string // must not survive
		marker string
	}{
		{"Bel me op 06-12345678 als het kan.", []string{"12345678"}, "[telefoon]"},
		{"Mijn nummer is 06 12 34 56 78.", []string{"56 78"}, "[telefoon]"},
		{"Of via +31 6 12345678 natuurlijk.", []string{"12345678"}, "[telefoon]"},
		{"Het wijkteam: 010-1234567.", []string{"1234567"}, "[telefoon]"},
		{"Mail naar sanne.devries@example.nl graag.", []string{"devries", "example.nl"}, "[e-mail]"},
		{"Mijn rekening is NL91 ABNA 0417 1643 00 zei ik.", []string{"0417"}, "[iban]"},
		{"Mijn BSN is 111222333 hoor.", []string{"111222333"}, "[bsn]"},
		{"Ik woon op de Kerkstraat 12 in Havenstad.", []string{"Kerkstraat", "12"}, "[adres]"},
		{"Ons adres is 3034 AB 17, vlakbij.", []string{"3034", "AB 17"}, "[postcode]"},
		{"Ik ben geboren op 12-03-1999 in het ziekenhuis.", []string{"1999"}, "[datum]"},
		{"Onze verloskundige Ilse van Dongen was echt top.", []string{"Ilse", "Dongen"}, "[naam]"},
		{"Alleen mijn nicht Roosmarijn weet dat.", []string{"Roosmarijn"}, "[naam]"},
		{"Marloes zei dat het goed ging.", []string{"Marloes"}, "[naam]"},
		{"Ingevoerd door K. Smit vandaag.", []string{"Smit"}, "[naam]"},
		{"Öztürk hielp me. Ook mevrouw Öztürk.", []string{"Öztürk"}, "[naam]"},
		{"Marloes, Marloes en nog eens Marloes.", []string{"Marloes"}, "[naam]"},
	}
	for _, tt := range tests {
		got := r.Redact(tt.in)
		for _, g := range tt.gone {
			if strings.Contains(got, g) {
				t.Errorf("Redact(%q) = %q: %q survived", tt.in, got, g)
			}
		}
		if !strings.Contains(got, tt.marker) {
			t.Errorf("Redact(%q) = %q: want marker %s", tt.in, got, tt.marker)
		}
	}
}

// Ordinary text must come through untouched: places, languages, numbers
// that are no BSN or IBAN.
func TestRedactKeepsOrdinaryText(t *testing.T) {
	r := &Redactor{Toegestaan: []string{"Havenstad"}}
	for _, s := range []string{
		"Ik spreek nog weinig Nederlands, maar in Havenstad gaat het goed.",
		"We wachtten 123456789 minuten, zo voelde het.", // fails the 11-proef
		"Ze kwam 3 keer langs in 2025.",
		"Nou, via de spiegelbijeenkomst ken ik nu drie moeders.",
	} {
		if got := r.Redact(s); got != s {
			t.Errorf("Redact(%q) = %q, want unchanged", s, got)
		}
	}
}

func TestValidBSN(t *testing.T) {
	for s, want := range map[string]bool{"111222333": true, "123456782": true, "123456789": false, "000000000": false} {
		if got := validBSN(s); got != want {
			t.Errorf("validBSN(%s) = %v, want %v", s, got, want)
		}
	}
}

// A name with invalid UTF-8 (a broken export) is still redacted, and
// does not crash the report.
func TestRedactInvalidUTF8(t *testing.T) {
	naam := "Sa\xffra"
	r := &Redactor{Namen: []string{naam}}
	got := r.Redact("Ik sprak met " + naam + " over de kraamzorg.")
	if strings.Contains(got, "Sa") || !strings.Contains(got, "[naam]") {
		t.Errorf("Redact = %q, want the name replaced by [naam]", got)
	}
}
