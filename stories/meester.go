package stories

import (
	"strconv"

	"kansrijk"
)

// Meester is the one rule that decides, when more than one levering
// describes the same story, which one counts: a story is its coalitie
// and Verhaal-ID (IDs are unique within a coalitie only). An Excel log
// is the master over a REFI-QDA project; among leveringen of the same
// kind the newest (highest levering number) wins. Only the master's
// fragments of that story count: a log row once, a project's coded
// selections each; nothing is counted twice. fs may come in any order;
// the result keeps it.
func Meester(fs []Fragment) []Fragment {
	type kandidaat struct {
		log      bool
		levering int64
	}
	beste := map[string]kandidaat{}
	for _, f := range fs {
		k := kandidaat{f.Bron != kansrijk.BronQDA, f.Levering}
		id := idSleutel(f)
		if b, ok := beste[id]; !ok || k.log && !b.log || k.log == b.log && k.levering > b.levering {
			beste[id] = k
		}
	}
	out := fs[:0:0]
	for _, f := range fs {
		if beste[idSleutel(f)].levering == f.Levering {
			out = append(out, f)
		}
	}
	return out
}

// isQDA reports whether a fragment is a coded selection of a REFI-QDA
// project rather than a row of a log.
func (f Fragment) isQDA() bool { return f.Bron == kansrijk.BronQDA }

// plaats is how a message names where a fragment is: a row of a log, or
// a selection of a project's source.
func (f Fragment) plaats() string {
	if f.isQDA() {
		return "bron '" + f.Blad + "', selectie " + strconv.Itoa(f.Rij)
	}
	return "rij " + strconv.Itoa(f.Rij)
}
