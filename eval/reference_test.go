package eval_test

// An independent reference for KS01–KS10 on the shared samples. Every
// figure is recomputed straight from the partners' files, following
// ../../shared/domain/indicatoren.md ("spec") and the "Interpretation rules
// for importing" in ../../shared/samples/README.md ("rule n"), with small
// parsers of its own: nothing of kansrijk/ingest is used for the reference.
// The pipeline (importFiles and importInto of analyse_samples_test.go,
// then eval.Cijfers) must give exactly the same figures, both ways.

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"kansrijk/eval"
)

// refPatterns are the partner files that carry KS01–KS10.
var refPatterns = []string{"Verlosk*.xlsx", "JGZ_*.xlsx", "Kraamzorg_*.xlsx", "wijkteam_*.csv", "Procesmonitor_*.xlsx"}

// refCoalities is the coalitie table of the spec.
var refCoalities = []struct {
	naam      string
	gemeenten []string
}{
	{"Havenstad", []string{"Havenstad"}},
	{"Lindehoven", []string{"Lindehoven"}},
	{"Dijkwaard", []string{"Dijkwaard"}},
	{"Vechtmonde", []string{"Ommerveld", "Dalwijk"}},
}

// refPraktijken are the verloskunde partners of the README: file prefix
// and the gemeenten each practice delivers for.
var refPraktijken = []struct {
	prefix    string
	gemeenten []string
}{
	{"Verloskundigenpraktijk_DeWieg_", []string{"Havenstad"}},
	{"Verloskundigen_Lindehoven_", []string{"Lindehoven"}},
	{"Verloskundige_Praktijk_Rivierland_", []string{"Dijkwaard", "Ommerveld", "Dalwijk"}},
}

// refVan and refTot bound the reporting window (rule 1).
var refVan, refTot = refQ{2025, 1}, refQ{2026, 3}

// Not-computable classes of a figure; "" means computable.
const (
	refOnderdrukt = "onderdrukt_bij_bron" // a <5 cell
	refNietBesch  = "niet_beschikbaar"    // n.b., unreadable, or a gemeente missing
)

type refQ struct{ jaar, k int }

func (q refQ) String() string   { return fmt.Sprintf("%d-K%d", q.jaar, q.k) }
func (q refQ) index() int       { return q.jaar*4 + q.k - 1 }
func (q refQ) less(p refQ) bool { return q.index() < p.index() }
func (q refQ) inWindow() bool   { return !q.less(refVan) && !refTot.less(q) }

// refQVan is the kwartaal a date falls in.
func refQVan(d time.Time) refQ { return refQ{d.Year(), (int(d.Month())-1)/3 + 1} }

// refQOf makes a kwartaal of a year and a quarter number in digits.
func refQOf(jaar, k string) refQ {
	y, _ := strconv.Atoi(jaar)
	n, _ := strconv.Atoi(k)
	return refQ{y, n}
}

// A refCel is one gemeente (or, with gemeente "", one coalitie) in one
// kwartaal for one indicator.
type refCel struct{ coalitie, gemeente, kwartaal, indicator string }

type refFig struct {
	teller, noemer float64
	niet           string // "" or a not-computable class
}

func (f refFig) String() string {
	if f.niet != "" {
		return f.niet
	}
	return fmt.Sprintf("%v/%v", f.teller, f.noemer)
}

// ---------------------------------------------------------------------------
// Small parsers.

// refTrim trims any whitespace, non-breaking spaces included (rule 4).
func refTrim(s string) string { return strings.TrimFunc(s, unicode.IsSpace) }

func refLower(s string) string { return strings.ToLower(refTrim(s)) }

// refGemeente matches a gemeente of the four coalities case-insensitively
// after trimming (rule 4) and returns its coalitie and spelling.
func refGemeente(s string) (coalitie, gemeente string, ok bool) {
	for _, c := range refCoalities {
		for _, g := range c.gemeenten {
			if strings.EqualFold(refTrim(s), g) {
				return c.naam, g, true
			}
		}
	}
	return "", "", false
}

var (
	reRefWeken    = regexp.MustCompile(`^(\d+)\s*(?:\+\s*(\d+))?$`)
	reRefGewicht  = regexp.MustCompile(`^(?:\d+|\d{1,3}(?:\.\d{3})+)$`)
	reRefSerial   = regexp.MustCompile(`^\d{5}(?:\.0+)?$`)
	reRefQJaarEen = regexp.MustCompile(`^(\d{4})\s*-?\s*(?:k|q|kw)\s*([1-4])$`)
	reRefQJaarNa  = regexp.MustCompile(`^(?:k|q|kw)\s*([1-4])\s*-?\s*(\d{4})$`)
	reRefQMaanden = regexp.MustCompile(`^(jan-mrt|apr-jun|jul-sep|okt-dec)\s+(\d{4})$`)
	reRefQNaam    = regexp.MustCompile(`_(\d{4})-[QK]([1-4])(?:_v(\d+))?\.[a-z]+$`)
	reRefEenheid  = regexp.MustCompile(`\(.*\)`)
	reRefJGZJaar  = regexp.MustCompile(`_(\d{4})\.xlsx$`)
	reRefWijkteam = regexp.MustCompile(`^wijkteam_([a-z]+)_(\d{4})-K([1-4])\.csv$`)
)

// refDagen reads w+d (d in 0..6) or bare whole weeks as a number of days
// (rule 5); ok is false for anything else.
func refDagen(s string) (int, bool) {
	m := reRefWeken.FindStringSubmatch(refTrim(s))
	if m == nil {
		return 0, false
	}
	w, _ := strconv.Atoi(m[1])
	d := 0
	if m[2] != "" {
		d, _ = strconv.Atoi(m[2])
	}
	if d > 6 {
		return 0, false
	}
	return 7*w + d, true
}

// refWeken is w+0 in days.
func refWeken(w int) int { return 7 * w }

// refGram reads a birth weight in grams; a dot before three digits is the
// Dutch thousands separator (rule 5).
func refGram(s string) (int, bool) {
	s = refTrim(s)
	if !reRefGewicht.MatchString(s) {
		return 0, false
	}
	g, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	return g, err == nil
}

// refDatum reads an Excel serial, dd-mm-yyyy or yyyy-mm-dd; an impossible
// date is not a date.
func refDatum(s string) (time.Time, bool) {
	s = refTrim(s)
	if reRefSerial.MatchString(s) {
		n, _ := strconv.Atoi(strings.SplitN(s, ".", 2)[0])
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), true
	}
	for _, layout := range []string{"2-1-2006", "2006-1-2"} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// refKwartaal reads the quarter spellings of the spec and rule 11.
func refKwartaal(s string) (refQ, bool) {
	t := strings.ToLower(strings.Join(strings.Fields(s), " "))
	if m := reRefQJaarEen.FindStringSubmatch(t); m != nil {
		return refQOf(m[1], m[2]), true
	}
	if m := reRefQJaarNa.FindStringSubmatch(t); m != nil {
		return refQOf(m[2], m[1]), true
	}
	if m := reRefQMaanden.FindStringSubmatch(t); m != nil {
		k := map[string]string{"jan-mrt": "1", "apr-jun": "2", "jul-sep": "3", "okt-dec": "4"}[m[1]]
		return refQOf(m[2], k), true
	}
	return refQ{}, false
}

// refJaNee reads the spec's yes/no answers; for roken also "gestopt".
// Anything else (blank, onbekend, …) is unknown (rule 6).
func refJaNee(s string) string {
	switch refLower(s) {
	case "ja", "j", "yes":
		return "ja"
	case "nee", "n", "no":
		return "nee"
	case "gestopt":
		return "gestopt"
	}
	return ""
}

// refSheetRows returns the rows of the first sheet of an xlsx that has a
// row containing header (compared after trimming, case-insensitively).
func refSheetRows(t *testing.T, path, header string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			for _, c := range r {
				if strings.EqualFold(refTrim(c), header) {
					return rows
				}
			}
		}
	}
	t.Fatalf("%s: no sheet with a %q header", path, header)
	return nil
}

// refCell is r[i] trimmed, or "" when the row is shorter.
func refCell(r []string, i int) string {
	if i < 0 || i >= len(r) {
		return ""
	}
	return refTrim(r[i])
}

// refGlob lists sample files matching pattern.
func refGlob(t *testing.T, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(samples, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample files for %s", pattern)
	}
	return files
}

// ---------------------------------------------------------------------------
// Gemeente figures, per source.

// refTelling collects record-level counts per gemeente-kwartaal, and which
// gemeente-kwartalen were delivered (rule 8).
type refTelling struct {
	geleverd map[[2]string]bool // {gemeente, kwartaal}
	n        map[refCel]*[2]int
}

func newRefTelling() *refTelling {
	return &refTelling{geleverd: map[[2]string]bool{}, n: map[refCel]*[2]int{}}
}

// tel counts one record for ind in gemeente g and kwartaal q: known adds
// to the noemer, hit also to the teller. Records outside the window or in
// a kwartaal that was not delivered give no figure (rules 1, 8).
func (rt *refTelling) tel(ind, g string, q refQ, known, hit bool) {
	if !known || !q.inWindow() || !rt.geleverd[[2]string{g, q.String()}] {
		return
	}
	c := refCel{gemeente: g, kwartaal: q.String(), indicator: ind}
	if rt.n[c] == nil {
		rt.n[c] = &[2]int{}
	}
	rt.n[c][1]++
	if hit {
		rt.n[c][0]++
	}
}

// figuren gives every delivered gemeente-kwartaal in the window a figure
// for each indicator, 0/0 when nothing was counted (rule 8).
func (rt *refTelling) figuren(out map[refCel]refFig, inds ...string) {
	for gq := range rt.geleverd {
		q, _ := refKwartaal(gq[1])
		if !q.inWindow() {
			continue
		}
		for _, ind := range inds {
			c := refCel{gemeente: gq[0], kwartaal: gq[1], indicator: ind}
			var tn [2]int
			if p := rt.n[c]; p != nil {
				tn = *p
			}
			out[c] = refFig{teller: float64(tn[0]), noemer: float64(tn[1])}
		}
	}
}

// refVerloskundeKolommen maps the practices' headers (lower case, without
// a unit in brackets) to fields.
var refVerloskundeKolommen = map[string]string{
	"cliëntnummer":                   "client",
	"woonplaats":                     "gemeente",
	"gemeente":                       "gemeente",
	"datum eerste controle":          "eerste",
	"amenorroeduur eerste controle":  "amenorroe",
	"bevallingsdatum":                "bevalling",
	"zwangerschapsduur bij geboorte": "duur",
	"geboortegewicht":                "gewicht",
	"roken tijdens zwangerschap":     "roken",
	"kwetsbaarheid gesignaleerd":     "kwetsbaar",
	"verwezen naar":                  "verwezen",
}

// refVerloskundeRijen reads a practice export as records by field.
func refVerloskundeRijen(t *testing.T, path string) []map[string]string {
	t.Helper()
	rows := refSheetRows(t, path, "Cliëntnummer")
	var out []map[string]string
	col := map[string]int{}
	for _, r := range rows {
		if len(col) == 0 {
			for j, h := range r {
				h = refLower(reRefEenheid.ReplaceAllString(h, ""))
				if f, ok := refVerloskundeKolommen[h]; ok {
					col[f] = j
				}
			}
			if _, ok := col["client"]; !ok {
				col = map[string]int{}
			}
			continue
		}
		rec := map[string]string{}
		for f, j := range col {
			rec[f] = refCell(r, j)
		}
		if rec["client"] != "" {
			out = append(out, rec)
		}
	}
	for _, f := range []string{"client", "gemeente", "eerste", "amenorroe", "bevalling", "duur", "gewicht", "roken", "kwetsbaar", "verwezen"} {
		if _, ok := col[f]; !ok {
			t.Fatalf("%s: no column for %s", path, f)
		}
	}
	return out
}

// refLevering is one delivered file: its kwartaal and version.
type refLevering struct {
	path   string
	q      refQ
	versie int
}

// refActief keeps, per kwartaal, only the newest version: a _v2 replaces
// the whole earlier file (rule 3). Sorted by kwartaal.
func refActief(t *testing.T, files []string) []refLevering {
	t.Helper()
	best := map[refQ]refLevering{}
	for _, f := range files {
		m := reRefQNaam.FindStringSubmatch(filepath.Base(f))
		if m == nil {
			t.Fatalf("%s: no kwartaal in the name", f)
		}
		l := refLevering{path: f, q: refQOf(m[1], m[2]), versie: 1}
		if m[3] != "" {
			l.versie, _ = strconv.Atoi(m[3])
		}
		if b, ok := best[l.q]; !ok || l.versie > b.versie {
			best[l.q] = l
		}
	}
	var out []refLevering
	for _, l := range best {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].q.less(out[j].q) })
	return out
}

// refVerloskunde computes KS01–KS06 per gemeente-kwartaal.
//
// Once per client (rule 2): per practice, the first record seen for
// (Cliëntnummer, Datum eerste controle) is the one that counts for
// KS01/04/05/06, and for (Cliëntnummer, Bevallingsdatum) for KS02/03;
// deliveries are read oldest kwartaal first (in the samples a repeated
// client has the same answers in every delivery, so first or newest makes
// no difference). Exact duplicate rows fall under the same key. A record
// without a readable date has no period and is not counted. Period: datum
// eerste controle resp. bevallingsdatum (spec).
func refVerloskunde(t *testing.T, out map[refCel]refFig) {
	rt := newRefTelling()
	leveringen := make([][]refLevering, len(refPraktijken))
	for i, p := range refPraktijken {
		leveringen[i] = refActief(t, refGlob(t, p.prefix+"*.xlsx"))
		for _, l := range leveringen[i] {
			for _, g := range p.gemeenten {
				rt.geleverd[[2]string{g, l.q.String()}] = true
			}
		}
	}
	for i := range refPraktijken {
		eerste, bevalling := map[string]bool{}, map[string]bool{}
		for _, l := range leveringen[i] {
			for _, r := range refVerloskundeRijen(t, l.path) {
				_, g, ok := refGemeente(r["gemeente"])
				if !ok {
					continue // outside the coalities (rule 4)
				}
				client := strings.ToUpper(r["client"]) + "|"
				if d, ok := refDatum(r["eerste"]); ok && !eerste[client+d.Format(time.DateOnly)] {
					eerste[client+d.Format(time.DateOnly)] = true
					refTelEersteControle(rt, g, refQVan(d), r)
				}
				if d, ok := refDatum(r["bevalling"]); ok && !bevalling[client+d.Format(time.DateOnly)] {
					bevalling[client+d.Format(time.DateOnly)] = true
					refTelBevalling(rt, g, refQVan(d), r)
				}
			}
		}
	}
	rt.figuren(out, "KS01", "KS02", "KS03", "KS04", "KS05", "KS06")
}

// refTelEersteControle counts KS01, KS04, KS05 and KS06 for one pregnancy.
func refTelEersteControle(rt *refTelling, g string, q refQ, r map[string]string) {
	// KS01: known = plausible amenorroeduur 4+0..42+6; teller < 10+0.
	a, ok := refDagen(r["amenorroe"])
	ok = ok && a >= refWeken(4) && a <= refWeken(42)+6
	rt.tel("KS01", g, q, ok, a < refWeken(10))

	// KS04: known = ja, nee or gestopt; teller = ja.
	roken := refJaNee(r["roken"])
	rt.tel("KS04", g, q, roken != "", roken == "ja")

	// KS05: known = ja or nee; teller = ja (gestopt is no answer here).
	kw := refJaNee(r["kwetsbaar"])
	rt.tel("KS05", g, q, kw == "ja" || kw == "nee", kw == "ja")

	// KS06: noemer = gesignaleerd ja; teller = also referred. A blank or
	// "geen" verwijzing is "not referred" (rule 6); onbekend-like answers
	// are unknown (spec).
	if kw == "ja" {
		v := refLower(r["verwezen"])
		switch v {
		case "onbekend", "n.b.", "n.v.t.":
			return
		}
		rt.tel("KS06", g, q, true, v != "" && v != "geen")
	}
}

// refTelBevalling counts KS02 and KS03 for one birth.
func refTelBevalling(rt *refTelling, g string, q refQ, r map[string]string) {
	// KS02: known = plausible zwangerschapsduur 22+0..44+6; teller < 37+0.
	d, ok := refDagen(r["duur"])
	ok = ok && d >= refWeken(22) && d <= refWeken(44)+6
	rt.tel("KS02", g, q, ok, d < refWeken(37))

	// KS03: known = plausible weight 300..6500 g; teller < 2500 g.
	w, ok := refGram(r["gewicht"])
	ok = ok && w >= 300 && w <= 6500
	rt.tel("KS03", g, q, ok, w < 2500)
}

// refAggregaat turns a teller and a noemer cell into a figure (rule 7):
// an empty cell is no figure, <5 and n.b. are not computable, hours keep
// their decimals. With <5 in one cell and n.b. in the other (not in the
// samples; the rules do not say) the figure counts as onderdrukt.
func refAggregaat(teller, noemer string) (refFig, bool) {
	if teller == "" || noemer == "" {
		return refFig{}, false
	}
	if teller == "<5" || noemer == "<5" {
		return refFig{niet: refOnderdrukt}, true
	}
	t, tok := refGetal(teller)
	n, nok := refGetal(noemer)
	if !tok || !nok {
		return refFig{niet: refNietBesch}, true // n.b. or unreadable
	}
	return refFig{teller: t, noemer: n}, true
}

// refGetal reads a count or a number of hours (decimal point or comma).
func refGetal(s string) (float64, bool) {
	if strings.Contains(s, ",") {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// refJGZ computes KS07 = prenatale huisbezoeken / aanmeldingen prenataal
// from the JGZ workbooks: a merged group header over K1..K4, one workbook
// per year (year from the file name), one row per gemeente.
func refJGZ(t *testing.T, out map[refCel]refFig) {
	for _, path := range refGlob(t, "JGZ_*.xlsx") {
		m := reRefJGZJaar.FindStringSubmatch(path)
		if m == nil {
			t.Fatalf("%s: no year in the name", path)
		}
		rows := refSheetRows(t, path, "Gemeente")
		h := -1
		for i, r := range rows {
			if strings.EqualFold(refCell(r, 0), "Gemeente") {
				h = i
				break
			}
		}
		if h < 0 || h+1 >= len(rows) {
			t.Fatalf("%s: no header", path)
		}
		// teller/noemer column per K: the group name is in the first
		// cell of its merged range only.
		teller, noemer := map[string]int{}, map[string]int{}
		groep := ""
		for j := 1; j < len(rows[h+1]); j++ {
			if g := refLower(refCell(rows[h], j)); g != "" {
				groep = g
			}
			k := refCell(rows[h+1], j)
			switch groep {
			case "prenatale huisbezoeken":
				teller[k] = j
			case "aanmeldingen prenataal":
				noemer[k] = j
			}
		}
		for _, r := range rows[h+2:] {
			_, g, ok := refGemeente(refCell(r, 0))
			if !ok {
				continue // Zuiderveen, Totaal regio, footnote (rules 4, 7)
			}
			for k, tj := range teller {
				nj, ok := noemer[k]
				q, qok := refKwartaal(m[1] + "-" + k)
				if !ok || !qok {
					t.Fatalf("%s: column %q", path, k)
				}
				if f, ok := refAggregaat(refCell(r, tj), refCell(r, nj)); ok && q.inWindow() {
					out[refCel{gemeente: g, kwartaal: q.String(), indicator: "KS07"}] = f
				}
			}
		}
	}
}

// refKraamzorg computes KS08 = geleverde / geïndiceerde uren, one row per
// gemeente per kwartaal in mixed spellings; subtotal and total rows name
// no gemeente and are skipped, as is the formula column (rule 7).
func refKraamzorg(t *testing.T, out map[refCel]refFig) {
	for _, path := range refGlob(t, "Kraamzorg_*.xlsx") {
		rows := refSheetRows(t, path, "Periode")
		col := map[string]int{}
		for _, r := range rows {
			if len(col) == 0 {
				for j, c := range r {
					col[refLower(c)] = j
				}
				if _, ok := col["periode"]; !ok {
					col = map[string]int{}
				}
				continue
			}
			_, g, ok := refGemeente(refCell(r, col["gemeente"]))
			if !ok {
				continue
			}
			q, ok := refKwartaal(refCell(r, col["periode"]))
			if !ok {
				t.Fatalf("%s: kwartaal %q", path, refCell(r, col["periode"]))
			}
			c := refCel{gemeente: g, kwartaal: q.String(), indicator: "KS08"}
			if _, dup := out[c]; dup {
				t.Fatalf("%s: %s %s twice", path, g, q)
			}
			f, ok := refAggregaat(refCell(r, col["geleverde uren"]), refCell(r, col["geïndiceerde uren"]))
			if ok && q.inWindow() {
				out[c] = f
			}
		}
	}
}

// refWijkteam computes KS09 from the wijkteam CSVs (rule 9): noemer =
// aanmeldingen with hulpvraag Financiële zorgen, teller = help started at
// most 28 days after the aanmelding. Period = kwartaal of the
// aanmelddatum, whichever file. An impossible date or a start before the
// aanmelding is unknown. The gemeente is in the file name; a file with
// only the header is a delivery with nothing to count (rule 8).
func refWijkteam(t *testing.T, out map[refCel]refFig) {
	rt := newRefTelling()
	type rij struct {
		g    string
		cols []string
		col  map[string]int
	}
	var rijen []rij
	for _, path := range refGlob(t, "wijkteam_*.csv") {
		m := reRefWijkteam.FindStringSubmatch(filepath.Base(path))
		if m == nil {
			t.Fatalf("%s: unexpected name", path)
		}
		_, g, ok := refGemeente(m[1])
		if !ok {
			t.Fatalf("%s: unknown gemeente", path)
		}
		rt.geleverd[[2]string{g, refQOf(m[2], m[3]).String()}] = true

		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(f))
		r.Comma = ';'
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		f.Close()
		if err != nil || len(recs) == 0 {
			t.Fatalf("%s: %v", path, err)
		}
		col := map[string]int{}
		for j, h := range recs[0] {
			col[refLower(h)] = j
		}
		seen := map[string]bool{} // exact duplicate rows count once
		for _, rec := range recs[1:] {
			if key := strings.Join(rec, ";"); !seen[key] && strings.Trim(key, "; ") != "" {
				seen[key] = true
				rijen = append(rijen, rij{g, rec, col})
			}
		}
	}
	for _, r := range rijen {
		get := func(h string) string {
			j, ok := r.col[h]
			if !ok {
				t.Fatalf("wijkteam: no column %q", h)
			}
			return refCell(r.cols, j)
		}
		if refLower(get("hulpvraag")) != "financiële zorgen" {
			continue
		}
		a, ok := refDatum(get("aanmelddatum"))
		if !ok {
			continue // impossible aanmelddatum: unknown
		}
		start, known, hit := get("datum start hulp"), true, false
		if start != "" { // empty: help has not started
			s, ok := refDatum(start)
			known = ok && !s.Before(a)
			hit = known && s.Sub(a) <= 28*24*time.Hour
		}
		rt.tel("KS09", r.g, refQVan(a), known, hit)
	}
	rt.figuren(out, "KS09")
}

// refGemeenteFiguren is the reference for KS01–KS09 per gemeente.
func refGemeenteFiguren(t *testing.T) map[refCel]refFig {
	t.Helper()
	out := map[refCel]refFig{}
	refVerloskunde(t, out)
	refJGZ(t, out)
	refKraamzorg(t, out)
	refWijkteam(t, out)
	return out
}

// refMetCoalities adds each gemeente figure's coalitie and the coalitie
// totals: Σteller/Σnoemer over its gemeenten (spec), not computable if
// any gemeente is not computable or has no figure (rule 7). A <5 in one
// of the gemeenten makes the total onderdrukt_bij_bron, otherwise it is
// niet_beschikbaar. A total exists where at least one gemeente has a
// figure.
func refMetCoalities(gem map[refCel]refFig) map[refCel]refFig {
	out := map[refCel]refFig{}
	type tq struct{ ind, kw string }
	perTQ := map[tq]bool{}
	for c, f := range gem {
		co, _, _ := refGemeente(c.gemeente)
		c.coalitie = co
		out[c] = f
		perTQ[tq{c.indicator, c.kwartaal}] = true
	}
	for x := range perTQ {
		for _, co := range refCoalities {
			var tot refFig
			n := 0
			for _, g := range co.gemeenten {
				f, ok := gem[refCel{gemeente: g, kwartaal: x.kw, indicator: x.ind}]
				switch {
				case !ok:
					if tot.niet == "" {
						tot.niet = refNietBesch
					}
					continue
				case f.niet == refOnderdrukt:
					tot.niet = refOnderdrukt
				case f.niet != "" && tot.niet == "":
					tot.niet = f.niet
				}
				n++
				tot.teller += f.teller
				tot.noemer += f.noemer
			}
			if n == 0 {
				continue
			}
			if tot.niet != "" {
				tot.teller, tot.noemer = 0, 0
			}
			out[refCel{coalitie: co.naam, kwartaal: x.kw, indicator: x.ind}] = tot
		}
	}
	return out
}

// refProcesmonitor computes KS10 per coalitie-kwartaal (rule 10): the
// aandachtspunten 1..10 whose status is Gerealiseerd or Geborgd after
// trimming, case-insensitively; anything else is not realised; out of 10.
func refProcesmonitor(t *testing.T) map[refCel]refFig {
	t.Helper()
	out := map[refCel]refFig{}
	for _, path := range refGlob(t, "Procesmonitor_*.xlsx") {
		rows := refSheetRows(t, path, "Status")
		var coalitie string
		var q refQ
		var qok bool
		status := -1
		klaar := map[int]bool{}
		for _, r := range rows {
			label := refLower(refCell(r, 0))
			switch {
			case label == "coalitie":
				for _, c := range refCoalities {
					if strings.EqualFold(refCell(r, 1), c.naam) {
						coalitie = c.naam
					}
				}
			case label == "kwartaal":
				q, qok = refKwartaal(refCell(r, 1))
			case label == "nr":
				for j, c := range r {
					if refLower(c) == "status" {
						status = j
					}
				}
			case status >= 0:
				nr, err := strconv.Atoi(label)
				if err != nil || nr < 1 || nr > 10 {
					continue
				}
				switch refLower(refCell(r, status)) {
				case "gerealiseerd", "geborgd":
					klaar[nr] = true
				}
			}
		}
		if coalitie == "" || !qok || status < 0 {
			t.Fatalf("%s: coalitie %q, kwartaal ok %v, status column %d", path, coalitie, qok, status)
		}
		c := refCel{coalitie: coalitie, kwartaal: q.String(), indicator: "KS10"}
		if _, dup := out[c]; dup {
			t.Fatalf("%s: %s %s twice", path, coalitie, q)
		}
		if q.inWindow() {
			out[c] = refFig{teller: float64(len(klaar)), noemer: 10}
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// Comparison.

// refVanPipeline turns the pipeline's figures for the given indicators
// into reference form. Statuses other than the two not-computable ones
// are all computable (ok, klein_aantal, secundair_onderdrukt, geen_noemer).
func refVanPipeline(t *testing.T, cs []eval.Cijfer, inds map[string]bool) map[refCel]refFig {
	t.Helper()
	out := map[refCel]refFig{}
	for _, c := range cs {
		if !inds[c.Indicator] {
			continue
		}
		k := refCel{c.Coalitie, c.Gemeente, c.Kwartaal.String(), c.Indicator}
		f := refFig{teller: c.Teller, noemer: c.Noemer}
		switch c.Status {
		case eval.StatusBronOnderdrukt:
			f.niet = refOnderdrukt
		case eval.StatusNietBeschikbaar:
			f.niet = refNietBesch
		}
		if f.niet != "" && (f.teller != 0 || f.noemer != 0) {
			t.Errorf("%v: not computable (%s) but %v/%v", k, c.Status, c.Teller, c.Noemer)
			f.teller, f.noemer = 0, 0
		}
		if _, dup := out[k]; dup {
			t.Errorf("pipeline gives %v twice", k)
		}
		out[k] = f
	}
	return out
}

// refVergelijk reports every figure that differs, is missing or is extra.
func refVergelijk(t *testing.T, want, got map[refCel]refFig) {
	t.Helper()
	keys := map[refCel]bool{}
	for k := range want {
		keys[k] = true
	}
	for k := range got {
		keys[k] = true
	}
	var diffs []string
	for k := range keys {
		w, wok := want[k]
		g, gok := got[k]
		if wok && gok && w == g {
			continue
		}
		ws, gs := w.String(), g.String()
		if !wok {
			ws = "(no figure)"
		}
		if !gok {
			gs = "(no figure)"
		}
		gem := k.gemeente
		if gem == "" {
			gem = "(totaal)"
		}
		diffs = append(diffs, fmt.Sprintf("%-4s %-10s %-10s %-7s want %-20s got %s", k.indicator, k.coalitie, gem, k.kwartaal, ws, gs))
	}
	sort.Strings(diffs)
	if len(diffs) > 0 {
		t.Errorf("%d of %d figures differ from the reference:\n%s", len(diffs), len(keys), strings.Join(diffs, "\n"))
	}
	t.Logf("compared %d figures (reference %d, pipeline %d)", len(keys), len(want), len(got))
}

// TestReferenceKS01toKS09 compares every KS01–KS09 figure of the pipeline,
// per gemeente and per coalitie, with the reference.
func TestReferenceKS01toKS09(t *testing.T) {
	needSamples(t)
	cfg := config(t)

	// The coalities of the workspace are those of the spec.
	if len(cfg.Coalities) != len(refCoalities) {
		t.Fatalf("workspace has %d coalities, spec %d", len(cfg.Coalities), len(refCoalities))
	}
	for i, co := range cfg.Coalities {
		if co.Naam != refCoalities[i].naam || strings.Join(co.Gemeenten, ",") != strings.Join(refCoalities[i].gemeenten, ",") {
			t.Fatalf("workspace coalitie %v, spec %v", co, refCoalities[i])
		}
	}

	db := importFiles(t, cfg, refPatterns[0])
	for _, p := range refPatterns[1:] {
		importInto(t, db, cfg, p)
	}
	cs, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}

	gem := refGemeenteFiguren(t)
	// The README: everything was delivered for 2025-K1..2026-K3 except
	// Lindehoven's wijkteam 2026-K1, and no JGZ or kraamzorg cell in the
	// window is empty. So every gemeente has a figure for every indicator
	// and kwartaal but that one.
	if n, want := len(gem), 5*7*9-1; n != want {
		t.Errorf("reference has %d gemeente figures, want %d", n, want)
	}
	inds := map[string]bool{}
	for i := 1; i <= 9; i++ {
		inds[fmt.Sprintf("KS%02d", i)] = true
	}
	refVergelijk(t, refMetCoalities(gem), refVanPipeline(t, cs, inds))
}

// TestReferenceKS10 compares every KS10 figure of the pipeline with the
// reference.
func TestReferenceKS10(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	db := importFiles(t, cfg, "Procesmonitor_*.xlsx")
	cs, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := refProcesmonitor(t)
	if len(want) != 4*7 {
		t.Errorf("reference has %d KS10 figures, want 4 coalities × 7 kwartalen", len(want))
	}
	refVergelijk(t, want, refVanPipeline(t, cs, map[string]bool{"KS10": true}))
}
