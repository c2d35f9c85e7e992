package stories

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// Redactor removes personal data from a quote before it leaves the store.
// Redaction is visible: [naam], [telefoon], [e-mail], [iban], [bsn],
// [adres], [postcode], [datum].
//
// What it catches: e-mail addresses; Dutch phone numbers (06, 0xx and
// +31/0031 forms, with spaces or dashes); IBANs that pass the mod-97
// check; nine-digit numbers that pass the BSN 11-proef; street + house
// number for common street suffixes; postcode + house number; dates in
// day-month-year form (a date of birth looks like any other date); names
// from the known list (persona's, whoever entered the story) and any
// capitalised word that is not at the start of a sentence and is not a
// known place or ordinary word, with tussenvoegsels (van, de, ...).
//
// What it misses: names written in lower case, a name that is the first
// word of a sentence and not in the known list, nicknames that are also
// ordinary words, addresses without a house number, and indirect
// identification (a rare job, "the only midwife in the village").
type Redactor struct {
	// Namen are names known to occur (persona's, Ingevoerd door).
	Namen []string
	// Toegestaan are capitalised words that are not names: gemeenten,
	// coalities, organisations.
	Toegestaan []string

	once sync.Once
	// namen are the parts of Namen to replace, in order, each with its
	// pattern, compiled when a text first holds the part: a report
	// redacts many quotes, each naming few of the region's people.
	namen      namenlijst
	patronen   []func() *regexp.Regexp
	toegestaan map[string]bool // the words of Toegestaan, lower case
}

var (
	reEmail    = regexp.MustCompile(`(?i)[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}`)
	reIBAN     = regexp.MustCompile(`(?i)\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){2,4}\b`)
	rePhone    = regexp.MustCompile(`(?:(?:\+|\b00)31[\s\-]?(?:\(0\)[\s\-]?)?\d|\b0\d)(?:[\s\-]?\d){8}\b`)
	reBSN      = regexp.MustCompile(`\b\d{4}[.\s]?\d{2}[.\s]?\d{3}\b|\b\d{9}\b`)
	rePostcode = regexp.MustCompile(`\b[1-9]\d{3}\s?[A-Z]{2}\b(?:\s*,?\s*\d{1,5}\s?[a-z]?\b)?`)
	reStreet   = regexp.MustCompile(`(?i)\b[\p{L}\-]+(?:straat|weg|laan|plein|gracht|singel|kade|dijk|hof|steeg|pad|dreef|park|markt|erf|ring|allee)\s+\d{1,5}\s?[a-z]?\b`)
	reDate     = regexp.MustCompile(`\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}\b|\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s+(?:19|20)\d{2}\b`)
)

// Redact returns s with personal data replaced.
func (r *Redactor) Redact(s string) string {
	// Invalid UTF-8 (a broken export) would make a name's pattern fail
	// to compile; names and text get the same replacement character.
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = reEmail.ReplaceAllString(s, "[e-mail]")
	s = reIBAN.ReplaceAllStringFunc(s, func(m string) string {
		if validIBAN(m) {
			return "[iban]"
		}
		return m
	})
	s = reDate.ReplaceAllString(s, "[datum]")
	s = reStreet.ReplaceAllString(s, "[adres]")
	s = rePostcode.ReplaceAllString(s, "[postcode]")
	s = rePhone.ReplaceAllString(s, "[telefoon]")
	s = reBSN.ReplaceAllStringFunc(s, func(m string) string {
		if validBSN(m) {
			return "[bsn]"
		}
		return m
	})
	r.voorbereid()
	for _, i := range r.namen.in(s) {
		s = r.patronen[i]().ReplaceAllString(s, "${1}[naam]${2}")
	}
	return r.capitalised(s)
}

// voorbereid sets up, once, the parts of the known names to replace:
// per name the whole name, then each part of it that can stand alone
// ("K. Smit" also removes "Smit"); and the allowed words.
func (r *Redactor) voorbereid() {
	r.once.Do(func() {
		var delen []string
		for _, n := range r.Namen {
			n = strings.ToValidUTF8(n, "\uFFFD")
			for _, part := range append([]string{n}, strings.Fields(n)...) {
				if part = strings.TrimSpace(part); len([]rune(part)) >= 3 && !tussenvoegsels[part] {
					delen = append(delen, part)
					// \b is ASCII-only in Go; letters like Ö need their own edge.
					r.patronen = append(r.patronen, sync.OnceValue(func() *regexp.Regexp {
						return regexp.MustCompile(`(^|[^\pL\pN])` + regexp.QuoteMeta(part) + `($|[^\pL\pN])`)
					}))
				}
			}
		}
		r.namen = nieuweNamenlijst(delen)
		r.toegestaan = map[string]bool{}
		for _, a := range r.Toegestaan {
			for _, w := range strings.Fields(a) {
				r.toegestaan[strings.ToLower(w)] = true
			}
		}
	})
}

func validIBAN(m string) bool {
	s := strings.ToUpper(strings.ReplaceAll(m, " ", ""))
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	s = s[4:] + s[:4]
	rem := 0
	for _, c := range s {
		var v int
		switch {
		case c >= '0' && c <= '9':
			v = int(c - '0')
		case c >= 'A' && c <= 'Z':
			v = int(c-'A') + 10
		default:
			return false
		}
		if v >= 10 {
			rem = (rem*100 + v) % 97
		} else {
			rem = (rem*10 + v) % 97
		}
	}
	return rem == 1
}

// validBSN applies the 11-proef.
func validBSN(m string) bool {
	var d []int
	for _, c := range m {
		if c >= '0' && c <= '9' {
			d = append(d, int(c-'0'))
		}
	}
	if len(d) != 9 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += d[i] * (9 - i)
	}
	sum -= d[8]
	return sum%11 == 0 && sum != 0
}

var tussenvoegsels = map[string]bool{"van": true, "de": true, "der": true, "den": true, "ter": true, "ten": true, "het": true, "la": true, "le": true, "'t": true}

// gewoneWoorden are capitalised words that occur mid-sentence in quotes
// and are not names.
var gewoneWoorden = map[string]bool{
	"Nederlands": true, "Nederland": true, "Pools": true, "Arabisch": true, "Turks": true, "Engels": true,
	"God": true, "Kerst": true, "Ramadan": true, "Suikerfeest": true, "Pasen": true,
	"Ik": true, "Nou": true, "Ja": true, "Nee": true,
	"JGZ": true, "GGD": true, "POP": true, "CJG": true, "UWV": true, "DUO": true, "BSN": true,
}

// capitalised replaces runs of capitalised words that look like names.
func (r *Redactor) capitalised(s string) string {
	allowed := r.toegestaan
	words := splitWords(s)
	var b strings.Builder
	sentenceStart := true
	for i := 0; i < len(words); i++ {
		w := words[i]
		if !w.word {
			b.WriteString(w.text)
			if strings.ContainsAny(w.text, ".!?:\"“”‘’") || strings.Contains(w.text, "\n") {
				sentenceStart = true
			}
			continue
		}
		if isNameWord(w.text) && !sentenceStart && !gewoneWoorden[w.text] && !allowed[strings.ToLower(w.text)] {
			// Swallow following tussenvoegsels and capitalised words:
			// "Ilse van Dongen" is one [naam].
			j := i + 1
			for j+1 < len(words) && !words[j].word && words[j].text == " " &&
				(tussenvoegsels[words[j+1].text] || isNameWord(words[j+1].text)) {
				j += 2
			}
			// Do not end on a tussenvoegsel.
			for j-1 > i && tussenvoegsels[words[j-1].text] {
				j -= 2
			}
			b.WriteString("[naam]")
			i = j - 1
			sentenceStart = false
			continue
		}
		b.WriteString(w.text)
		sentenceStart = false
	}
	return b.String()
}

func isNameWord(w string) bool {
	rs := []rune(w)
	if len(rs) < 2 || !unicode.IsUpper(rs[0]) {
		return false
	}
	for _, c := range rs[1:] {
		if !unicode.IsLower(c) && c != '-' && c != '\'' {
			return false
		}
	}
	return true
}

type token struct {
	text string
	word bool
}

// splitWords splits s into words (letters, digits, - and ') and the text
// between them, keeping everything so the text can be rebuilt.
func splitWords(s string) []token {
	var out []token
	var cur []rune
	inWord := false
	flush := func() {
		if len(cur) > 0 {
			out = append(out, token{string(cur), inWord})
			cur = cur[:0]
		}
	}
	for _, c := range s {
		isW := unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' || c == '\'' || c == '[' || c == ']'
		if isW != inWord {
			flush()
			inWord = isW
		}
		cur = append(cur, c)
	}
	flush()
	return out
}
