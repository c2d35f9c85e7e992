package refiqda

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// telHand counts the units of prefix as a program using convention c
// would, independently of Bytes: by re-encoding the text, not walking it.
func telHand(prefix string, c Conventie, bom bool) int {
	switch c.Regeleinde {
	case Een:
		prefix = strings.ReplaceAll(prefix, "\r\n", "\n")
	case Twee:
		prefix = strings.ReplaceAll(strings.ReplaceAll(prefix, "\r\n", "\n"), "\n", "\r\n")
	}
	n := 0
	switch c.Eenheid {
	case Codepunt:
		n = utf8.RuneCountInString(prefix)
	case UTF16:
		n = len(utf16.Encode([]rune(prefix)))
	case Byte:
		n = len(prefix)
	}
	if c.BOM && bom {
		n += map[Eenheid]int{Codepunt: 1, UTF16: 1, Byte: 3}[c.Eenheid]
	}
	return n
}

// Fictitious story with an emoji, é, ı and CRLF line breaks.
const verhaal = "I: Hoe ging het bij de verloskundige?\r\nR: Eerlijk gezegd 😅 was ik te laat, pas na twaalf weken.\r\n" +
	"Ik durfde het aan niemand te vertellen, ook niet aan Hatice Yılmaz.\r\nDaarna ging het beter 👍🏽 en kreeg ik een café-afspraak met de JGZ.\r\n"

var stukken = []string{"Eerlijk gezegd 😅 was ik te laat", "Ik durfde het aan niemand te vertellen", "Daarna ging het beter 👍🏽 en kreeg ik een café-afspraak", "JGZ"}

// Every convention maps the positions a program using it would write
// back onto the exact selected text.
func TestBytesElkeConventie(t *testing.T) {
	for _, tekst := range []string{verhaal, strings.ReplaceAll(verhaal, "\r\n", "\n")} {
		for _, bom := range []bool{false, true} {
			tk := Tekst{S: tekst, BOM: bom}
			for _, c := range Conventies {
				if c.Regeleinde == Twee && strings.Contains(tekst, "\r\n") {
					continue // Twee is for texts whose CRLF is lost
				}
				var pos []int
				for _, s := range stukken {
					b := strings.Index(tekst, s)
					pos = append(pos, telHand(tekst[:b], c, bom), telHand(tekst[:b+len(s)], c, bom))
				}
				bs := c.Bytes(tk, pos)
				for i, s := range stukken {
					b, e := bs[2*i], bs[2*i+1]
					if b < 0 || e < b || tekst[b:e] != s {
						t.Errorf("%s (bom %v, crlf %v): %q → bytes %d-%d", c.Code(), bom, strings.Contains(tekst, "\r"), s, b, e)
					}
				}
			}
		}
	}
}

// Positions inside a character or past the end map to -1.
func TestBytesOngeldig(t *testing.T) {
	tk := Tekst{S: "a😅\r\nb"}
	cases := []struct {
		c    Conventie
		pos  int
		want int
	}{
		{Conventie{Eenheid: UTF16}, 2, -1},              // half the emoji
		{Conventie{Eenheid: UTF16}, 3, 5},               // after it
		{Conventie{Eenheid: Byte}, 3, -1},               // inside its bytes
		{Conventie{Regeleinde: Een}, 3, 7},              // CRLF counts one
		{Conventie{}, 3, 6},                             // between CR and LF
		{Conventie{}, 5, 8},                             // the end
		{Conventie{}, 6, -1},                            // past the end
		{Conventie{Eenheid: Codepunt, BOM: true}, 0, 0}, // no BOM in the text: nothing shifts
	}
	for _, c := range cases {
		if got := c.c.Bytes(tk, []int{c.pos})[0]; got != c.want {
			t.Errorf("%s: position %d → %d, want %d", c.c.Code(), c.pos, got, c.want)
		}
	}
}

// The count finds the convention that puts the codings on word
// boundaries, and the origin decides a tie.
func TestKies(t *testing.T) {
	for _, c := range []Conventie{{}, {Eenheid: UTF16}, {Regeleinde: Een}, {Eenheid: UTF16, BOM: true}, {Eenheid: Byte}} {
		tl := NieuweTelling()
		var begin, eind []int
		for _, s := range stukken {
			b := strings.Index(verhaal, s)
			begin = append(begin, telHand(verhaal[:b], c, true))
			eind = append(eind, telHand(verhaal[:b+len(s)], c, true))
		}
		tl.Tel(Tekst{S: verhaal, BOM: true}, begin, eind)
		k := tl.Kies("")
		if k.Conventie != c || !k.Past {
			t.Errorf("want %s, got %s (%+v): %s", c.Code(), k.Conventie.Code(), k.Stand, k.Toelichting)
		}
	}
	// ASCII without line breaks: every convention is the same; the
	// origin decides, and says so.
	tl := NieuweTelling()
	tl.Tel(Tekst{S: "geld is op"}, []int{0}, []int{4})
	if k := tl.Kies("NVivo 12.6"); k.Conventie != (Conventie{Eenheid: UTF16}) || !strings.Contains(k.Toelichting, "dezelfde posities") {
		t.Errorf("tie: %s, %s", k.Conventie.Code(), k.Toelichting)
	}
	// Nothing fits.
	tl = NieuweTelling()
	tl.Tel(Tekst{S: "geld is op, zei ze"}, []int{1, 6}, []int{3, 13})
	if k := tl.Kies(""); k.Past {
		t.Errorf("random positions fit %s: %s", k.Conventie.Code(), k.Toelichting)
	}
}

func TestConventieCode(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Conventies {
		if seen[c.Code()] {
			t.Errorf("code %s twice", c.Code())
		}
		seen[c.Code()] = true
		if d, ok := ParseConventie(c.Code()); !ok || d != c {
			t.Errorf("ParseConventie(%s) = %v", c.Code(), d)
		}
	}
}
