package workspace

import (
	"errors"
	"path"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Overlap between file patterns. Two partners whose patterns both match
// one file name would each claim it (today the first in kansrijk.toml
// wins, silently), so the configuration refuses them. Deciding whether
// two path.Match globs share a name needs no guessing: both are regular
// languages of a simple form, and a small search over pairs of positions
// finds a common name or proves there is none.
//
// Written here because neither the standard library nor a well-kept Go
// library decides the intersection of two globs; path.Match only tests
// one name.

// maxPatroon bounds a pattern's length, so the search (pattern length
// squared) stays small whatever kansrijk.toml holds.
const maxPatroon = 200

// bereik is an inclusive range of runes.
type bereik struct{ lo, hi rune }

// tekenset is a set of runes as sorted, disjoint, non-adjacent ranges.
type tekenset []bereik

// teken is one term of a pattern: a star, or one character from a set.
type teken struct {
	ster bool
	set  tekenset
}

var errPatroon = errors.New("ongeldig patroon")

// tekens splits a pattern, as Partner matches it (lower case), into
// terms. The names it is matched against are base names in lower case,
// so '/' and the ASCII capitals are left out of every set: a term that
// can only match those matches nothing. Literals are compared as runes;
// path.Match compares them byte by byte, which is the same for valid
// UTF-8.
func tekens(pat string) ([]teken, error) {
	if _, err := path.Match(pat, ""); err != nil {
		return nil, errPatroon
	}
	var out []teken
	zet := func(s tekenset) { out = append(out, teken{set: s.zonder('/').zonder('A', 'Z')}) }
	for i := 0; i < len(pat); {
		switch c := pat[i]; c {
		case '*':
			if len(out) == 0 || !out[len(out)-1].ster {
				out = append(out, teken{ster: true})
			}
			i++
		case '?':
			zet(tekenset{{0, unicode.MaxRune}})
			i++
		case '[':
			s, n, err := klasse(pat[i+1:])
			if err != nil {
				return nil, err
			}
			zet(s)
			i += 1 + n
		case '\\':
			i++
			fallthrough
		default:
			if i >= len(pat) {
				return nil, errPatroon
			}
			r, n := utf8.DecodeRuneInString(pat[i:])
			zet(tekenset{{r, r}})
			i += n
		}
	}
	return out, nil
}

// klasse reads a character class after its '[' and returns the set and
// the bytes read, up to and including ']', as path.Match reads it.
func klasse(s string) (tekenset, int, error) {
	i := 0
	negatief := i < len(s) && s[i] == '^'
	if negatief {
		i++
	}
	esc := func() (rune, error) {
		if i >= len(s) || s[i] == '-' || s[i] == ']' {
			return 0, errPatroon
		}
		if s[i] == '\\' {
			i++
			if i >= len(s) {
				return 0, errPatroon
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		return r, nil
	}
	var set tekenset
	for n := 0; ; n++ {
		if i < len(s) && s[i] == ']' && n > 0 {
			i++
			break
		}
		lo, err := esc()
		if err != nil {
			return nil, 0, err
		}
		hi := lo
		if i < len(s) && s[i] == '-' {
			i++
			if hi, err = esc(); err != nil {
				return nil, 0, err
			}
		}
		if lo <= hi {
			set = set.plus(bereik{lo, hi})
		}
	}
	if negatief {
		set = set.complement()
	}
	return set, i, nil
}

// plus adds a range, keeping the set sorted and merged.
func (s tekenset) plus(b bereik) tekenset {
	out := slices.Clone(s)
	out = append(out, b)
	slices.SortFunc(out, func(x, y bereik) int { return int(x.lo) - int(y.lo) })
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && r.lo <= merged[n-1].hi+1 {
			merged[n-1].hi = max(merged[n-1].hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

func (s tekenset) complement() tekenset {
	var out tekenset
	next := rune(0)
	for _, r := range s {
		if r.lo > next {
			out = append(out, bereik{next, r.lo - 1})
		}
		next = r.hi + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, bereik{next, unicode.MaxRune})
	}
	return out
}

// zonder removes the runes lo..hi (hi defaults to lo).
func (s tekenset) zonder(lo rune, hi ...rune) tekenset {
	h := lo
	if len(hi) > 0 {
		h = hi[0]
	}
	return s.snij(tekenset{{lo, h}}.complement())
}

// snij is the intersection of two sets.
func (s tekenset) snij(t tekenset) tekenset {
	var out tekenset
	for i, j := 0, 0; i < len(s) && j < len(t); {
		lo, hi := max(s[i].lo, t[j].lo), min(s[i].hi, t[j].hi)
		if lo <= hi {
			out = append(out, bereik{lo, hi})
		}
		if s[i].hi < t[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

func (s tekenset) bevat(r rune) bool {
	for _, b := range s {
		if b.lo <= r && r <= b.hi {
			return true
		}
	}
	return false
}

// voorbeeld picks a readable rune of a non-empty set for an example name.
func (s tekenset) voorbeeld() rune {
	for _, r := range "abcdefghijklmnopqrstuvwxyz0123456789_-." {
		if s.bevat(r) {
			return r
		}
	}
	for _, b := range s {
		if r := max(b.lo, '!'); r <= b.hi {
			return r
		}
	}
	return s[0].lo
}

// Overlap reports whether some file name matches both patterns, compared
// without case as Partner compares them, and returns such a name. It
// searches the pairs (i, j) of positions in a and b that one name can
// reach at once: a star may match nothing or take the character the
// other pattern's term takes; two terms step together when their sets
// meet. The names share a match if the ends are reachable together.
func Overlap(a, b string) (naam string, ok bool, err error) {
	if len(a) > maxPatroon || len(b) > maxPatroon {
		return "", false, errPatroon
	}
	p, err := tekens(strings.ToLower(a))
	if err != nil {
		return "", false, err
	}
	q, err := tekens(strings.ToLower(b))
	if err != nil {
		return "", false, err
	}
	n, m := len(p), len(q)
	type stap struct {
		van   int  // previous state, -1 for the start
		teken rune // the character this step adds, or -1
	}
	idx := func(i, j int) int { return i*(m+1) + j }
	gezien := make([]bool, (n+1)*(m+1))
	via := make([]stap, (n+1)*(m+1))
	rij := []int{0}
	gezien[0] = true
	via[0] = stap{-1, -1}
	naar := func(van, i, j int, r rune) {
		k := idx(i, j)
		if !gezien[k] {
			gezien[k], via[k] = true, stap{van, r}
			rij = append(rij, k)
		}
	}
	for len(rij) > 0 {
		k := rij[0]
		rij = rij[1:]
		i, j := k/(m+1), k%(m+1)
		if i == n && j == m {
			var rs []rune
			for ; via[k].van >= 0; k = via[k].van {
				if via[k].teken >= 0 {
					rs = append(rs, via[k].teken)
				}
			}
			slices.Reverse(rs)
			return string(rs), true, nil
		}
		switch {
		case i < n && p[i].ster:
			naar(k, i+1, j, -1)
			if j < m && !q[j].ster && len(q[j].set) > 0 {
				naar(k, i, j+1, q[j].set.voorbeeld())
			}
		}
		switch {
		case j < m && q[j].ster:
			naar(k, i, j+1, -1)
			if i < n && !p[i].ster && len(p[i].set) > 0 {
				naar(k, i+1, j, p[i].set.voorbeeld())
			}
		}
		if i < n && j < m && !p[i].ster && !q[j].ster {
			if s := p[i].set.snij(q[j].set); len(s) > 0 {
				naar(k, i+1, j+1, s.voorbeeld())
			}
		}
	}
	return "", false, nil
}
