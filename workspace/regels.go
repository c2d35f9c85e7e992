package workspace

import (
	"strconv"
	"strings"
)

// plekken maps the keys of a TOML document to the lines they stand on,
// so that a message about the configuration can name the line. A key of
// an array of tables carries the element's index: "partner.3.bestanden"
// is bestanden of the fourth [[partner]], "partner.3" the line of that
// [[partner]] itself, "partner.3.bestanden.1" the second pattern.
//
// BurntSushi/toml (v1.6) keeps key positions private (MetaData.keyInfo),
// and keys them by path, so every [[partner]]'s naam shares one entry;
// it exposes a position only in its own errors. This small reader fills
// that gap. It runs only on a document the toml package has parsed
// without error, so it handles valid TOML and merely stops early, never
// loops or panics, on anything else.
type plekken struct {
	regel map[string]int // full path (with indices) → line
	kaal  map[string]int // path without indices → first line, for toml.Key
}

// regelVan returns the line of the path built from delen (strings and
// element indices), or of the nearest enclosing key that has one; 0 if
// none is known.
func (p plekken) regelVan(delen ...any) int {
	ss := make([]string, len(delen))
	for i, d := range delen {
		switch v := d.(type) {
		case int:
			ss[i] = strconv.Itoa(v)
		case string:
			ss[i] = v
		}
	}
	for n := len(ss); n > 0; n-- {
		if r, ok := p.regel[strings.Join(ss[:n], ".")]; ok {
			return r
		}
	}
	return 0
}

// regelVanSleutel returns the first line of a key as toml.MetaData names
// it (without element indices), 0 if unknown.
func (p plekken) regelVanSleutel(key []string) int {
	for n := len(key); n > 0; n-- {
		if r, ok := p.kaal[strings.Join(key[:n], ".")]; ok {
			return r
		}
	}
	return 0
}

type pad struct{ vol, kaal string }

func (p pad) plus(deel string) pad {
	if p.vol == "" {
		return pad{deel, deel}
	}
	return pad{p.vol + "." + deel, p.kaal + "." + deel}
}

func (p pad) element(i int) pad { return pad{p.vol + "." + strconv.Itoa(i), p.kaal} }

type plekLezer struct {
	s      string
	i      int
	regel  int
	uit    plekken
	tabels map[string]int // array of tables (full path) → elements so far
}

func zoekPlekken(s string) plekken {
	l := &plekLezer{s: s, regel: 1, uit: plekken{regel: map[string]int{}, kaal: map[string]int{}}, tabels: map[string]int{}}
	tabel := pad{}
	for l.i < len(l.s) {
		start := l.i
		l.spaties()
		if l.i >= len(l.s) {
			break
		}
		switch c := l.s[l.i]; {
		case c == '\n':
			l.i++
			l.regel++
		case c == '\r':
			l.i++
		case c == '#':
			l.totEindeRegel()
		case c == '[':
			dubbel := strings.HasPrefix(l.s[l.i:], "[[")
			l.i++
			if dubbel {
				l.i++
			}
			regel := l.regel
			tabel = l.kop(l.sleutel(), dubbel)
			l.zet(tabel, regel)
			l.totEindeRegel()
		default:
			l.paar(tabel)
		}
		if l.i == start {
			l.i++ // not valid TOML: move on rather than loop
		}
	}
	return l.uit
}

// paar reads "key = value" in table p, noting the key's line.
func (l *plekLezer) paar(p pad) {
	regel := l.regel
	k := l.sleutel()
	l.spaties()
	if l.i < len(l.s) && l.s[l.i] == '=' {
		l.i++
	}
	for _, d := range k {
		p = p.plus(d)
	}
	l.zet(p, regel)
	l.waarde(p)
}

func (l *plekLezer) zet(p pad, regel int) {
	if p.vol == "" {
		return
	}
	if _, ok := l.uit.regel[p.vol]; !ok {
		l.uit.regel[p.vol] = regel
	}
	if _, ok := l.uit.kaal[p.kaal]; !ok {
		l.uit.kaal[p.kaal] = regel
	}
}

// kop resolves a table header: each part that names an array of tables
// refers to its last element; [[...]] starts a new element.
func (l *plekLezer) kop(delen []string, dubbel bool) pad {
	p := pad{}
	for i, d := range delen {
		p = p.plus(d)
		if dubbel && i == len(delen)-1 {
			n := l.tabels[p.vol]
			l.tabels[p.vol] = n + 1
			return p.element(n)
		}
		if n, ok := l.tabels[p.vol]; ok {
			p = p.element(n - 1)
		}
	}
	return p
}

func (l *plekLezer) spaties() {
	for l.i < len(l.s) && (l.s[l.i] == ' ' || l.s[l.i] == '\t') {
		l.i++
	}
}

// leeg skips white space, newlines and comments (inside arrays).
func (l *plekLezer) leeg() {
	for l.i < len(l.s) {
		switch l.s[l.i] {
		case ' ', '\t', '\r':
			l.i++
		case '\n':
			l.i++
			l.regel++
		case '#':
			l.totEindeRegel()
		default:
			return
		}
	}
}

func (l *plekLezer) totEindeRegel() {
	for l.i < len(l.s) && l.s[l.i] != '\n' {
		l.i++
	}
}

// sleutel reads a dotted key: bare, "quoted" or 'literal' parts.
func (l *plekLezer) sleutel() []string {
	var delen []string
	for {
		l.spaties()
		if l.i >= len(l.s) {
			return delen
		}
		switch l.s[l.i] {
		case '"':
			delen = append(delen, l.tekst('"'))
		case '\'':
			delen = append(delen, l.tekst('\''))
		default:
			b := l.i
			for l.i < len(l.s) && !strings.ContainsRune(" \t=.[]#\r\n\"',{}", rune(l.s[l.i])) {
				l.i++
			}
			if l.i == b {
				return delen
			}
			delen = append(delen, l.s[b:l.i])
		}
		l.spaties()
		if l.i < len(l.s) && l.s[l.i] == '.' {
			l.i++
			continue
		}
		return delen
	}
}

// tekst reads a one-line string from its opening quote and returns its
// content (escapes other than \" and \\ are kept as written; keys with
// them are rare and only need to be recognisable).
func (l *plekLezer) tekst(q byte) string {
	l.i++
	var b strings.Builder
	for l.i < len(l.s) && l.s[l.i] != '\n' {
		c := l.s[l.i]
		switch {
		case c == q:
			l.i++
			return b.String()
		case c == '\\' && q == '"' && l.i+1 < len(l.s):
			l.i++
			c = l.s[l.i]
			if c != '"' && c != '\\' {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
		l.i++
	}
	return b.String()
}

// waarde skips the value of key p, noting the lines of array elements
// and of the keys of inline tables.
func (l *plekLezer) waarde(p pad) {
	l.spaties()
	if l.i >= len(l.s) {
		return
	}
	switch l.s[l.i] {
	case '"', '\'':
		q := l.s[l.i]
		drie := strings.Repeat(string(q), 3)
		if !strings.HasPrefix(l.s[l.i:], drie) {
			l.tekst(q)
			return
		}
		l.i += 3
		for l.i < len(l.s) {
			switch {
			case strings.HasPrefix(l.s[l.i:], drie):
				l.i += 3
				// Up to two more quotes belong to the content.
				for n := 0; n < 2 && l.i < len(l.s) && l.s[l.i] == q; n++ {
					l.i++
				}
				return
			case l.s[l.i] == '\\' && q == '"' && l.i+1 < len(l.s):
				if l.s[l.i+1] == '\n' {
					l.regel++
				}
				l.i += 2
			case l.s[l.i] == '\n':
				l.regel++
				l.i++
			default:
				l.i++
			}
		}
	case '[':
		l.i++
		for n := 0; l.i < len(l.s); {
			l.leeg()
			if l.i >= len(l.s) {
				return
			}
			switch l.s[l.i] {
			case ']':
				l.i++
				return
			case ',':
				l.i++
				continue
			}
			start := l.i
			e := p.element(n)
			l.zet(e, l.regel)
			l.waarde(e)
			n++
			if l.i == start {
				l.i++
			}
		}
	case '{':
		l.i++
		for l.i < len(l.s) {
			l.leeg()
			if l.i >= len(l.s) {
				return
			}
			switch l.s[l.i] {
			case '}':
				l.i++
				return
			case ',':
				l.i++
				continue
			}
			start := l.i
			l.paar(p)
			if l.i == start {
				l.i++
			}
		}
	default:
		for l.i < len(l.s) && !strings.ContainsRune(",]}#\n", rune(l.s[l.i])) {
			l.i++
		}
	}
}
