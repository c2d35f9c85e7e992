package stories

import (
	"slices"
	"strings"
)

// namenlijst holds names to find in texts where no letter or digit
// touches them. A region's stories know thousands of names and a quote
// holds a handful of words, so each name is indexed by its first word
// and a text is searched only for the names whose first word it holds.
type namenlijst struct {
	namen  []string
	perKop map[string][]int // first word → positions in namen
	altijd []int            // names that do not start with a letter or digit
}

func nieuweNamenlijst(namen []string) namenlijst {
	l := namenlijst{namen: namen, perKop: map[string][]int{}}
	for i, n := range namen {
		if k := kop(n); k != "" {
			l.perKop[k] = append(l.perKop[k], i)
		} else {
			l.altijd = append(l.altijd, i)
		}
	}
	return l
}

// kop is the first word of a name: the letters and digits it starts with.
func kop(naam string) string {
	if i := strings.IndexFunc(naam, geenWoordteken); i >= 0 {
		return naam[:i]
	}
	return naam
}

func geenWoordteken(r rune) bool { return !woordteken(r) }

// in returns the positions, in list order, of the names that may occur
// in s with no letter or digit touching them. A name found so in s
// starts with a whole word of s (a letter or digit on either side would
// touch it). The answer still holds after the caller replaced some of
// them by "[naam]": that leaves the other words of s as they were and
// adds only the word naam.
func (l *namenlijst) in(s string) []int {
	out := slices.Clone(l.altijd)
	for _, w := range strings.FieldsFunc(s, geenWoordteken) {
		out = append(out, l.perKop[w]...)
	}
	out = append(out, l.perKop["naam"]...)
	slices.Sort(out)
	return slices.Compact(out)
}
