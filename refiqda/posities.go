package refiqda

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Eenheid is what a position counts.
type Eenheid int

const (
	Codepunt Eenheid = iota // Unicode code points (QualCoder)
	UTF16                   // UTF-16 code units: an emoji counts two (NVivo)
	Byte                    // UTF-8 bytes
)

// Regeleinde is how a line break counts.
type Regeleinde int

const (
	// Zoals counts a line break as the text has it: CRLF two, LF one.
	Zoals Regeleinde = iota
	// Een counts every line break, also CRLF, as one (ATLAS.ti is
	// reported to count so).
	Een
	// Twee counts every line break as two: the exporter counted CRLF
	// where the text has LF, as when an XML parser has folded the CRLF
	// of a PlainTextContent.
	Twee
)

// Conventie is how a program counts startPosition and endPosition.
type Conventie struct {
	Eenheid    Eenheid
	Regeleinde Regeleinde
	// BOM: a byte-order mark at the start of the source file counts as
	// one position (three in bytes).
	BOM bool
}

// Conventies lists every convention kansrijk recognises, the most
// common first: on a tie between conventions that all fit, the first
// wins.
var Conventies = func() []Conventie {
	var cs []Conventie
	for _, e := range []Eenheid{Codepunt, UTF16, Byte} {
		for _, r := range []Regeleinde{Zoals, Een, Twee} {
			for _, b := range []bool{false, true} {
				cs = append(cs, Conventie{e, r, b})
			}
		}
	}
	return cs
}()

// Code is a short, stable name of the convention, as stored and in
// exports: "codepunten", "utf16+crlf1", "bytes+bom".
func (c Conventie) Code() string {
	s := [...]string{"codepunten", "utf16", "bytes"}[c.Eenheid]
	switch c.Regeleinde {
	case Een:
		s += "+regeleinde1"
	case Twee:
		s += "+regeleinde2"
	}
	if c.BOM {
		s += "+bom"
	}
	return s
}

// String says in Dutch what the convention counts.
func (c Conventie) String() string {
	s := [...]string{"tekens (Unicode-codepunten)", "UTF-16-eenheden (een emoji telt als twee)", "bytes (UTF-8)"}[c.Eenheid]
	switch c.Regeleinde {
	case Een:
		s += ", elke regelovergang (ook CRLF) telt als één"
	case Twee:
		s += ", elke regelovergang telt als twee (CRLF)"
	}
	if c.BOM {
		s += ", de BOM aan het begin telt mee"
	}
	return s
}

// ParseConventie reads a Code back.
func ParseConventie(s string) (Conventie, bool) {
	for _, c := range Conventies {
		if c.Code() == s {
			return c, true
		}
	}
	return Conventie{}, false
}

// Tekst is a source text as kansrijk cuts it: the text without its BOM,
// and whether the file had one.
type Tekst struct {
	S   string
	BOM bool
}

// NieuweTekst strips a UTF-8 BOM from a source file's text.
func NieuweTekst(s string) Tekst {
	if t, ok := strings.CutPrefix(s, "\uFEFF"); ok {
		return Tekst{t, true}
	}
	return Tekst{S: s}
}

// kenmerken are what makes conventions differ on a text.
type kenmerken struct {
	crlf, los, astraal, multibyte bool
}

func kenmerkenVan(s string) kenmerken {
	var k kenmerken
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			k.crlf = true
			i++
		case c == '\r' || c == '\n':
			k.los = true
		case c >= 0xF0:
			k.astraal, k.multibyte = true, true
		case c >= 0x80:
			k.multibyte = true
		}
	}
	return k
}

// gelijkwaardig is the simplest convention that gives the same byte
// offsets as c on a text with these features, so that each distinct
// mapping is computed once.
func (k kenmerken) gelijkwaardig(c Conventie, bom bool) Conventie {
	if !bom {
		c.BOM = false
	}
	if !k.crlf && c.Regeleinde == Een || !k.los && c.Regeleinde == Twee {
		c.Regeleinde = Zoals
	}
	if !k.multibyte || !k.astraal && c.Eenheid == UTF16 {
		c.Eenheid = Codepunt
	}
	return c
}

// Bytes maps positions counted by c to byte offsets in t.S; an offset
// is -1 where the position lies outside the text or inside a character
// (half an emoji in UTF-16, inside a CRLF counted as one). It walks the
// text once.
func (c Conventie) Bytes(t Tekst, posities []int) []int {
	out := make([]int, len(posities))
	order := make([]int, len(posities))
	for i := range order {
		order[i] = i
		out[i] = -1
	}
	sort.Slice(order, func(a, b int) bool { return posities[order[a]] < posities[order[b]] })
	start := 0
	if c.BOM && t.BOM {
		start = 1
		if c.Eenheid == Byte {
			start = 3
		}
	}
	s := t.S
	j := 0
	// A position inside a counted BOM is the start of the text.
	for j < len(order) && posities[order[j]] < start {
		if posities[order[j]] >= 0 {
			out[order[j]] = 0
		}
		j++
	}
	n := start // units before byte i
	i := 0
	for j < len(order) {
		p := posities[order[j]]
		if p == n {
			out[order[j]] = i
			j++
			continue
		}
		if i >= len(s) {
			break // p > n: past the end
		}
		// Advance one character (a CRLF is one character here).
		var w, breedte int // bytes, units
		switch b := s[i]; {
		case b == '\r' && i+1 < len(s) && s[i+1] == '\n':
			w = 2
			breedte = 2
			if c.Regeleinde == Een {
				breedte = 1
			}
			if c.Regeleinde != Een && p == n+1 {
				// Between CR and LF: a boundary in these conventions.
				out[order[j]] = i + 1
				j++
				continue
			}
		case b == '\r' || b == '\n':
			w = 1
			breedte = 1
			if c.Regeleinde == Twee {
				breedte = 2
			}
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			w = size
			switch c.Eenheid {
			case Codepunt:
				breedte = 1
			case UTF16:
				breedte = 1
				if r > 0xFFFF {
					breedte = 2
				}
			case Byte:
				breedte = size
			}
		}
		if p < n+breedte {
			// Inside this character: no boundary.
			out[order[j]] = -1
			j++
			continue
		}
		n += breedte
		i += w
	}
	return out
}

// Grens reports whether byte offset b of s is not inside a word: a
// selection that starts or ends there cuts no word in two.
func Grens(s string, b int) bool {
	if b <= 0 || b >= len(s) {
		return b == 0 || b == len(s)
	}
	voor, _ := utf8.DecodeLastRuneInString(s[:b])
	na, _ := utf8.DecodeRuneInString(s[b:])
	return !(woordteken(voor) && woordteken(na))
}

func woordteken(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Stand is how well one convention fits the selections of a project.
type Stand struct {
	Selecties  int // selections with a text to check against
	Passend    int // both ends inside the text, on a character, start ≤ end
	Woordgrens int // passend, and both ends cut no word
}

// Telling collects, over the sources of one project, how each
// convention fits, one source at a time: a source's text need not stay
// in memory once counted.
type Telling struct {
	Stand map[Conventie]*Stand
}

// NieuweTelling starts a count.
func NieuweTelling() *Telling {
	t := &Telling{Stand: map[Conventie]*Stand{}}
	for _, c := range Conventies {
		t.Stand[c] = &Stand{}
	}
	return t
}

// Tel counts how each convention fits the selections of one text:
// begin[i] and eind[i] as the project writes them.
func (t *Telling) Tel(tekst Tekst, begin, eind []int) {
	if len(begin) == 0 {
		return
	}
	k := kenmerkenVan(tekst.S)
	pos := append(append([]int{}, begin...), eind...)
	gedaan := map[Conventie]Stand{}
	for _, c := range Conventies {
		g := k.gelijkwaardig(c, tekst.BOM)
		st, ok := gedaan[g]
		if !ok {
			bs := g.Bytes(tekst, pos)
			st.Selecties = len(begin)
			for i := range begin {
				b, e := bs[i], bs[len(begin)+i]
				if b < 0 || e < b {
					continue
				}
				st.Passend++
				if Grens(tekst.S, b) && Grens(tekst.S, e) {
					st.Woordgrens++
				}
			}
			gedaan[g] = st
		}
		s := t.Stand[c]
		s.Selecties += st.Selecties
		s.Passend += st.Passend
		s.Woordgrens += st.Woordgrens
	}
}

// Keuze is the convention chosen for a project, and why.
type Keuze struct {
	Conventie Conventie
	Stand     Stand
	// Past: the convention puts (nearly) every selection on word
	// boundaries. If not, no convention fits: each selection that cuts
	// a word is reported and its text is not used.
	Past bool
	// Toelichting says in Dutch how the convention was found.
	Toelichting string
}

// MinPassend is the share of selections that must start and end on
// word boundaries for a convention to fit a project. Coders do select
// half a word now and then: real NVivo exports put 97% and 99% of their
// codings on word boundaries under NVivo's own counting, against 9%
// and 6% when counted in code points.
const MinPassend = 0.8

// Verwacht is the convention a program is known to use, from the
// project's origin attribute ("NVivo 12.6", "ATLAS.ti 26", "QualCoder
// 3.5"); ok is false for a program of which nothing is known.
func Verwacht(origin string) (Conventie, bool) {
	o := strings.ToLower(origin)
	switch {
	case strings.Contains(o, "nvivo"):
		return Conventie{Eenheid: UTF16}, true
	case strings.Contains(o, "atlas"):
		return Conventie{Regeleinde: Een}, true
	case strings.Contains(o, "qualcoder"), strings.Contains(o, "kansrijk"):
		return Conventie{}, true
	}
	return Conventie{}, false
}

// Kies picks the convention under which the most selections land on
// word boundaries, then the most fit at all; on a tie the one the
// origin names, then the first of Conventies.
func (t *Telling) Kies(origin string) Keuze {
	verwacht, bekend := Verwacht(origin)
	beste := Conventies[0]
	if bekend {
		beste = verwacht
	}
	for _, c := range Conventies {
		a, b := t.Stand[c], t.Stand[beste]
		if a.Woordgrens > b.Woordgrens || a.Woordgrens == b.Woordgrens && a.Passend > b.Passend {
			beste = c
		}
	}
	st := *t.Stand[beste]
	k := Keuze{Conventie: beste, Stand: st}
	k.Past = st.Selecties == 0 || float64(st.Woordgrens) >= MinPassend*float64(st.Selecties)
	cp := *t.Stand[Conventie{}]
	uitleg := fmt.Sprintf("%d van de %d selecties beginnen en eindigen op een woordgrens", st.Woordgrens, st.Selecties)
	switch {
	case st.Selecties == 0:
		k.Toelichting = "geen selecties met tekst om te controleren; aangenomen: " + beste.String()
	case !k.Past:
		k.Toelichting = fmt.Sprintf("geen enkele telling past: in de beste (%s) %s", beste, uitleg)
	case allesGelijk(t):
		k.Toelichting = fmt.Sprintf("elke telling geeft in deze teksten dezelfde posities (%s)", uitleg)
	case bekend && beste == verwacht:
		k.Toelichting = fmt.Sprintf("zoals %s telt (origin %q) en bevestigd door de woordgrenzen: %s", beste, origin, uitleg)
		if beste != (Conventie{}) {
			k.Toelichting += fmt.Sprintf(" (in tekens geteld: %d)", cp.Woordgrens)
		}
	case bekend:
		k.Toelichting = fmt.Sprintf("herkend aan de woordgrenzen: %s; dat wijkt af van wat %q gewoonlijk telt (%s)", uitleg, origin, verwacht)
	default:
		k.Toelichting = "herkend aan de woordgrenzen: " + uitleg
		if beste != (Conventie{}) {
			k.Toelichting += fmt.Sprintf(" (in tekens geteld: %d)", cp.Woordgrens)
		}
	}
	return k
}

func allesGelijk(t *Telling) bool {
	eerste := *t.Stand[Conventies[0]]
	for _, c := range Conventies {
		if *t.Stand[c] != eerste {
			return false
		}
	}
	return true
}
