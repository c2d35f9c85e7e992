package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"kansrijk/sheet"
)

// kolom is one field a reader expects. The header texts partners use for
// it come from the bronprofiel.
type kolom struct {
	veld      string
	verplicht bool
}

// kop is a found header row.
type kop struct {
	blad  string
	rij   int
	index map[string]int // veld → 0-based column
}

func (k kop) col(veld string) int {
	if i, ok := k.index[veld]; ok {
		return i
	}
	return -1
}

var (
	accents  = strings.NewReplacer("ë", "e", "é", "e", "è", "e", "ï", "i", "ö", "o", "ü", "u", "á", "a", "à", "a")
	reParens = regexp.MustCompile(`\([^)]*\)`)
	reNonAl  = regexp.MustCompile(`[^a-z0-9<>%]+`)
)

// normKop folds a header text for matching: lower case, no accents, no
// units in parentheses, single spaces.
func normKop(s string) string {
	s = accents.Replace(strings.ToLower(s))
	s = reParens.ReplaceAllString(s, " ")
	s = reNonAl.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

// maxKopRij is how far down a sheet we look for the header row, past
// title and explanation rows.
const maxKopRij = 30

// aliassen returns the header texts of a field: from the partner's
// bronprofiel, else from the standard one.
func (l *levering) aliassen(veld string) []string {
	if a := l.Profiel.Kolommen[veld]; len(a) > 0 {
		return a
	}
	return l.standaard.Kolommen[veld]
}

// naam is how messages name a field: its first header text.
func (l *levering) naam(veld string) string {
	if a := l.aliassen(veld); len(a) > 0 {
		return a[0]
	}
	return veld
}

// zoekKop finds, in the profiel's sheet or else in the first sheet that
// has one, the header row with the most expected columns (at least all
// required ones).
func (l *levering) zoekKop(kolommen []kolom) (kop, error) {
	f := l.File
	aliases := map[string]string{}
	for _, k := range kolommen {
		for _, a := range append(l.aliassen(k.veld), k.veld) {
			aliases[normKop(a)] = k.veld
		}
	}
	bladen := f.Sheets()
	if l.Profiel.Blad != "" {
		found := false
		for _, b := range bladen {
			if strings.EqualFold(strings.TrimSpace(b), strings.TrimSpace(l.Profiel.Blad)) {
				bladen, found = []string{b}, true
				break
			}
		}
		if !found {
			return kop{}, fmt.Errorf("%s: blad '%s' ontbreekt (profiel %s); de werkmap heeft de bladen: %s",
				f.Name, l.Profiel.Blad, l.Profiel.Naam, strings.Join(f.Sheets(), ", "))
		}
	}
	var best kop
	var bestCells []string
	bestHits := 0
	for _, blad := range bladen {
		var begin []sheet.Rij // the rows above the header, for the terugmelding
		err := f.Rows(blad, func(row int, cells []string) error {
			if row > maxKopRij {
				return sheet.ErrStop
			}
			begin = append(begin, sheet.Rij{Nr: row, Cells: slices.Clone(cells)})
			idx := map[string]int{}
			for i, c := range cells {
				if v, ok := aliases[normKop(c)]; ok {
					if _, dup := idx[v]; !dup {
						idx[v] = i
					}
				}
			}
			if len(idx) > bestHits && hasRequired(idx, kolommen) {
				best, bestHits, bestCells = kop{blad: blad, rij: row, index: idx}, len(idx), cells
			}
			return nil
		})
		if err != nil {
			return kop{}, err
		}
		if bestHits > 0 {
			l.zetKoppen(best.blad, bestCells)
			l.bewaarKop(best.blad, best.rij, begin)
			l.dataKop = best
			for _, k := range kolommen {
				if best.col(k.veld) >= 0 {
					l.velden = append(l.velden, k.veld)
				}
			}
			return best, nil
		}
	}
	var req []string
	for _, k := range kolommen {
		if k.verplicht {
			req = append(req, "'"+l.naam(k.veld)+"'")
		}
	}
	return kop{}, fmt.Errorf("%s: geen kopregel gevonden met de kolommen %s (gezocht in de eerste %d rijen van elk blad)",
		f.Name, strings.Join(req, ", "), maxKopRij)
}

func hasRequired(idx map[string]int, kolommen []kolom) bool {
	for _, k := range kolommen {
		if _, ok := idx[k.veld]; k.verplicht && !ok {
			return false
		}
	}
	return true
}

// dataRijen walks the rows of sheet k.blad below its header row,
// counting the filled cells per column (see afronden).
func (l *levering) dataRijen(k kop, fn func(row int, cells []string) error) error {
	return l.rows(k.blad, func(row int, cells []string) error {
		if row <= k.rij {
			return nil
		}
		l.telGevuld(k.blad, cells)
		return fn(row, cells)
	})
}

// rij is one data row of a record sheet: its cells, and the record the
// partner knows it by (the value of the key column, under its header).
type rij struct {
	l     *levering
	k     kop
	nr    int
	cells []string
	rec   sheet.Record
}

// rij makes a data row whose record is the value of field sleutel.
func (l *levering) rij(k kop, nr int, cells []string, sleutel string) rij {
	r := rij{l: l, k: k, nr: nr, cells: cells}
	if v := r.get(sleutel); v != "" {
		r.rec = sheet.Record{Kind: l.kopNaam(k, sleutel), Key: v}
	}
	return r
}

// get is the trimmed value of a field in the row, "" without the column.
func (r rij) get(veld string) string { return sheet.Get(r.cells, r.k.col(veld)) }

// ruw is the value of a field as written, spaces and all.
func (r rij) ruw(veld string) string {
	if c := r.k.col(veld); c >= 0 && c < len(r.cells) {
		return r.cells[c]
	}
	return ""
}

// plek is the location of a field's cell in the row.
func (r rij) plek(veld string) sheet.Location {
	return r.l.cel(r.k.blad, r.nr, r.k.col(veld), r.rec)
}

// kopNaam is how the file heads the column of a field, or the field's
// usual name when it lacks the column.
func (l *levering) kopNaam(k kop, veld string) string {
	if c := k.col(veld); c >= 0 {
		if t := l.kopTekst(k.blad, c); t != "" {
			return t
		}
	}
	return l.naam(veld)
}
