package ingest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// This file makes the messages for the partner: each at a
// sheet.Location (file, sheet, cell, the column's header as the partner
// wrote it, the record she knows), with how serious it is and what was
// expected. The readers say what is wrong; the rules for severity, for
// a column left empty throughout and for the order live here.

// at is the location of a sheet (or, for a REFI-QDA project, a source)
// of the file, without a cell.
func (l *levering) at(blad string) sheet.Location {
	return sheet.Location{File: l.Naam, Sheet: blad}
}

// cel is the location of the cell in 0-based column col of row, with
// the column's header as the partner wrote it and the row's record. A
// negative col (a column the file lacks) gives the row alone.
func (l *levering) cel(blad string, row, col int, rec sheet.Record) sheet.Location {
	p := sheet.Location{File: l.Naam, Sheet: blad, Row: row, Record: rec}
	if col >= 0 {
		p.Col = col + 1
		p.Header = l.kopTekst(blad, col)
	}
	return p
}

// kopTekst is the header of 0-based column col of blad as the partner
// wrote it, or "" when there is none.
func (l *levering) kopTekst(blad string, col int) string {
	return sheet.Get(l.koppen[blad], col)
}

// kop names the header texts of blad: cells of the header row.
func (l *levering) zetKoppen(blad string, cells []string) {
	if l.koppen == nil {
		l.koppen = map[string][]string{}
	}
	l.koppen[blad] = slices.Clone(cells)
}

// meld adds a message. One about the row being read keeps that row for
// the terugmelding.
func (l *levering) meld(m store.Melding) {
	if m.File == "" {
		m.File = l.Naam
	}
	if l.lopend && m.Row == l.huidig.Nr && m.Sheet == l.huidigIn {
		l.bewaar(m.Sheet, m.Row, l.huidig.Cells)
	}
	l.meldingen = append(l.meldingen, m)
}

func (l *levering) melding(ernst string, p sheet.Location, waarde, format string, a ...any) {
	l.meld(store.Melding{Location: p, Waarde: waarde, Ernst: ernst, Tekst: fmt.Sprintf(format, a...)})
}

// fout: the value or row cannot be used and counts in no figure.
func (l *levering) fout(p sheet.Location, waarde, format string, a ...any) {
	l.melding(store.Fout, p, waarde, format, a...)
}

// waarschuwing: the value is used, but something was assumed (the
// message says what); the partner should check it.
func (l *levering) waarschuwing(p sheet.Location, waarde, format string, a ...any) {
	l.melding(store.Waarschuwing, p, waarde, format, a...)
}

// informatie: the cell is empty or says it is not known (n.b., <5).
// That is allowed; it counts in no figure that needs it.
func (l *levering) informatie(p sheet.Location, waarde, format string, a ...any) {
	l.melding(store.Informatie, p, waarde, format, a...)
}

// waardeFout is why a value cannot be used, with what was expected.
type waardeFout struct {
	reden    string // what is wrong, if more than "not what was expected"
	verwacht string
}

func (e *waardeFout) Error() string {
	if e.reden == "" {
		return "verwacht " + e.verwacht
	}
	return e.reden + " (verwacht " + e.verwacht + ")"
}

func verwacht(v string) error { return &waardeFout{verwacht: v} }

func ongeldig(reden, v string) error { return &waardeFout{reden: reden, verwacht: v} }

// verwachtVan is what a value error says was expected, or "".
func verwachtVan(err error) string {
	var wf *waardeFout
	if errors.As(err, &wf) {
		return wf.verwacht
	}
	return ""
}

// report turns a value error of the cell at p into a message. An empty
// or unknown value is informatie: nothing is wrong, but it counts in no
// figure that needs it (gevolg says which, "telt niet mee voor KS01").
// Any other value is a fout, with what was expected.
func (l *levering) report(p sheet.Location, waarde, gevolg string, err error) {
	naam := p.Header
	switch {
	case errors.Is(err, errLeeg):
		l.leeg(p, gevolg)
	case errors.Is(err, errOnbekend):
		l.informatie(p, waarde, "%s is onbekend (%s); %s", naam, waarde, gevolg)
	default:
		l.meld(store.Melding{Location: p, Waarde: waarde, Ernst: store.Fout, Verwacht: verwachtVan(err),
			Tekst: fmt.Sprintf("%s: '%s' is niet bruikbaar: %v; %s", naam, waarde, err, gevolg)})
	}
}

// kolomSleutel is one column of one sheet.
type kolomSleutel struct {
	blad string
	col  int // 1-based
}

// leegCel is a message about an empty cell, kept apart so that a column
// left empty in every row gets one message instead of one per row.
type leegCel struct {
	i      int // index in meldingen
	gevolg string
}

// leeg reports an empty cell that a figure needs.
func (l *levering) leeg(p sheet.Location, gevolg string) {
	if l.legeCellen == nil {
		l.legeCellen = map[kolomSleutel][]leegCel{}
	}
	k := kolomSleutel{p.Sheet, p.Col}
	l.legeCellen[k] = append(l.legeCellen[k], leegCel{len(l.meldingen), gevolg})
	l.informatie(p, "", "%s is leeg; %s", p.Header, gevolg)
}

// telGevuld counts, per column, the data rows with a value in it: a
// column without any is empty throughout (see afronden).
func (l *levering) telGevuld(blad string, cells []string) {
	if l.gevuld == nil {
		l.gevuld = map[string][]int{}
	}
	g := l.gevuld[blad]
	for len(g) < len(cells) {
		g = append(g, 0)
	}
	for i, c := range cells {
		if c != "" && strings.TrimSpace(c) != "" {
			g[i]++
		}
	}
	l.gevuld[blad] = g
}

// isGevuld reports whether a column (1-based) has a value in any row.
func (l *levering) isGevuld(k kolomSleutel) bool {
	g := l.gevuld[k.blad]
	return k.col <= len(g) && g[k.col-1] > 0
}

// afronden finishes the messages of a file read: a column that is empty
// in every data row (of rijen) gets one message about the column, not
// one per row; then the messages are put in order, errors first, then
// warnings, then information, each by sheet, row and column.
func (l *levering) afronden(rijen int) {
	weg := map[int]bool{}
	for k, cellen := range l.legeCellen {
		if len(cellen) < 2 || l.isGevuld(k) {
			continue
		}
		eerste := &l.meldingen[cellen[0].i]
		kop := eerste.Header
		*eerste = store.Melding{
			Location: sheet.Location{File: eerste.File, Sheet: k.blad, Col: k.col, Header: kop},
			Ernst:    store.Informatie,
			Tekst: fmt.Sprintf("kolom '%s' is in alle %d rijen leeg; %s. Houdt u dit niet bij? Dan hoeft u niets te doen",
				kop, rijen, cellen[0].gevolg),
		}
		for _, c := range cellen[1:] {
			weg[c.i] = true
		}
	}
	if len(weg) > 0 {
		ms := l.meldingen[:0]
		for i, m := range l.meldingen {
			if !weg[i] {
				ms = append(ms, m)
			}
		}
		l.meldingen = ms
	}
	l.legeCellen = nil
	bladen := map[string]int{}
	if l.File != nil {
		for i, b := range l.File.Sheets() {
			bladen[b] = i + 1
		}
	}
	slices.SortStableFunc(l.meldingen, func(a, b store.Melding) int {
		return cmp.Or(cmp.Compare(ernstRang(a.Ernst), ernstRang(b.Ernst)),
			cmp.Compare(bladen[a.Sheet], bladen[b.Sheet]),
			cmp.Compare(a.Row, b.Row), cmp.Compare(a.Col, b.Col))
	})
}

// ernstRang orders the severities: errors first.
func ernstRang(ernst string) int {
	switch ernst {
	case store.Fout:
		return 0
	case store.Waarschuwing:
		return 1
	}
	return 2
}

// Ernsten are the severities of a message, most serious first, with the
// word the partner reads for each (in the terugmelding, on the page and
// in the Uitleg: everywhere the same) and what it means.
var Ernsten = []struct {
	Ernst, Naam, Kleur, Betekenis string
}{
	{store.Fout, "Fout", "Rood", "deze waarde kunnen wij niet gebruiken; hij telt niet mee in de cijfers. Verbeter hem in uw eigen bestand."},
	{store.Waarschuwing, "Waarschuwing", "Oranje", "deze waarde gebruiken wij wel, maar wij namen er iets bij aan (dat staat in de melding). Kijk of dat klopt."},
	{store.Informatie, "Informatie", "Grijs", "deze cel is leeg of zegt dat de waarde niet bekend is (zoals n.b. of <5). Dat mag; de cijfers die deze waarde nodig hebben, tellen hem niet mee."},
}

// ErnstNaam is the word for a severity, as the partner reads it.
func ErnstNaam(ernst string) string {
	for _, e := range Ernsten {
		if e.Ernst == ernst {
			return e.Naam
		}
	}
	return ernst
}

// veldIndicatoren says, per bron, which indicators use each field; a
// field of a bron not listed feeds every indicator of that bron (the key
// of a record, its gemeente). See indicatorenVan.
var veldIndicatoren = map[kansrijk.Bron]map[string][]string{
	kansrijk.BronVerloskunde: {
		"eerste":    {"KS01", "KS04", "KS05", "KS06"},
		"amenorroe": {"KS01"},
		"bevalling": {"KS02", "KS03"},
		"duur":      {"KS02"},
		"gewicht":   {"KS03"},
		"roken":     {"KS04"},
		"kwetsbaar": {"KS05", "KS06"},
		"verwezen":  {"KS06"},
	},
	kansrijk.BronJGZ: {
		MaatAanmeldingenPrenataal: {"KS07"},
		MaatHuisbezoekenPrenataal: {"KS07"},
		MaatKinderen01:            {},
	},
	kansrijk.BronKraamzorg: {
		MaatUrenGeindiceerd: {"KS08"},
		MaatUrenGeleverd:    {"KS08"},
		MaatClienten:        {},
	},
	kansrijk.BronWijkteam:      {},
	kansrijk.BronProcesmonitor: {"status": {"KS10"}},
}

// bronIndicatoren are the indicators each bron feeds.
var bronIndicatoren = map[kansrijk.Bron][]string{
	kansrijk.BronVerloskunde:   {"KS01", "KS02", "KS03", "KS04", "KS05", "KS06"},
	kansrijk.BronJGZ:           {"KS07"},
	kansrijk.BronKraamzorg:     {"KS08"},
	kansrijk.BronWijkteam:      {"KS09"},
	kansrijk.BronProcesmonitor: {"KS10"},
}

// indicatorenVan returns the codes of the indicators that use field veld
// of bron b. It is the one place ingest asks; the indicator catalogue
// (kansrijk.toml) is to answer it once indicators are data.
func indicatorenVan(b kansrijk.Bron, veld string) []string {
	if v, ok := veldIndicatoren[b][veld]; ok {
		return v
	}
	return bronIndicatoren[b]
}

// gevolgVoor is what an unknown value of veld means for the figures:
// "telt niet mee voor KS01".
func gevolgVoor(b kansrijk.Bron, veld string) string {
	ks := indicatorenVan(b, veld)
	if len(ks) == 0 {
		return "telt niet mee"
	}
	return "telt niet mee voor " + strings.Join(ks, ", ")
}

// legenda lists the indicators that the fields velden of a levering of
// bron b feed, each with its name from kansrijk.toml: "KS01 Vroege start
// zwangerschapszorg".
func legenda(cfg *kansrijk.Config, b kansrijk.Bron, velden []string) []string {
	gebruikt := map[string]bool{}
	for _, v := range velden {
		for _, code := range indicatorenVan(b, v) {
			gebruikt[code] = true
		}
	}
	var out []string
	for _, code := range bronIndicatoren[b] {
		if !gebruikt[code] {
			continue
		}
		regel := code
		for _, in := range cfg.Indicatoren {
			if in.Code == code && in.Naam != "" {
				regel += " " + in.Naam
			}
		}
		out = append(out, regel)
	}
	return out
}

// keuze finds s in a keuzelijst the way a person reads it: ignoring
// case, accents and extra spaces. It returns the list's own spelling.
func keuze(s string, lijst []string) (string, bool) {
	n := normKeuze(s)
	for _, w := range lijst {
		if normKeuze(w) == n {
			return w, true
		}
	}
	return "", false
}

func normKeuze(s string) string {
	return strings.Join(strings.Fields(accents.Replace(strings.ToLower(s))), " ")
}

// keuzeAangenomen warns that a value is not written as in the keuzelijst
// and says which entry was taken.
func (l *levering) keuzeAangenomen(p sheet.Location, ruw, gelezen string, lijst []string) {
	l.meld(store.Melding{Location: p, Waarde: ruw, Ernst: store.Waarschuwing, Verwacht: "een waarde uit de keuzelijst: " + strings.Join(lijst, ", "),
		Tekst: fmt.Sprintf("'%s' staat zo niet in de keuzelijst; wij lazen %s. Kies de waarde uit de lijst", ruw, gelezen)})
}

// meldBuiten reports, once per file, the gemeenten outside every
// coalitie whose rows were left out: nothing is wrong with them.
func (l *levering) meldBuiten(k kop, veld string, buiten map[string]bool) {
	if len(buiten) == 0 {
		return
	}
	names := make([]string, 0, len(buiten))
	for g := range buiten {
		names = append(names, g)
	}
	slices.Sort(names)
	p := l.at(k.blad)
	if c := k.col(veld); c >= 0 {
		p.Col, p.Header = c+1, l.kopNaam(k, veld)
	}
	l.informatie(p, strings.Join(names, ", "),
		"gemeente(n) buiten de coalities (%s); die rijen tellen niet mee", strings.Join(names, ", "))
}

// rows walks the rows of blad, noting each as the row being read, so
// that a message about it keeps the row's cells for the terugmelding
// (see meld): the terugmelding then needs no second copy of the file.
func (l *levering) rows(blad string, fn func(row int, cells []string) error) error {
	defer func() { l.lopend = false }()
	return l.File.Rows(blad, func(row int, cells []string) error {
		l.lopend, l.huidigIn, l.huidig = true, blad, sheet.Rij{Nr: row, Cells: cells}
		return fn(row, cells)
	})
}

// bewaar keeps a row for the terugmelding.
func (l *levering) bewaar(blad string, row int, cells []string) {
	if l.bewaard == nil {
		l.bewaard = &bronRijen{}
	}
	l.bewaard.bewaar(blad, row, cells)
}

// bewaarKop keeps the header row of blad and the rows above it (a
// title) for the terugmelding, from the first rows of the sheet.
func (l *levering) bewaarKop(blad string, kop int, begin []sheet.Rij) {
	for _, r := range begin {
		if r.Nr <= kop {
			l.bewaar(blad, r.Nr, r.Cells)
		}
	}
	if l.bewaard == nil {
		l.bewaard = &bronRijen{}
	}
	if l.bewaard.kopRij == nil {
		l.bewaard.kopRij = map[string]int{}
	}
	l.bewaard.kopRij[blad] = kop
	l.dataBlad = blad
}

// toon is what the terugmelding of this file needs: the rows kept, the
// number of data rows read and the indicators the file feeds.
func (l *levering) toon(out *gelezen) *bronRijen {
	b := l.bewaard
	if b == nil {
		b = &bronRijen{}
	}
	if l.File != nil {
		b.bladen = l.File.Sheets()
	}
	if out != nil && l.dataBlad != "" {
		b.data = map[string]int{l.dataBlad: out.rijen}
	}
	if l.Config != nil {
		b.legenda = legenda(l.Config, l.Partner.Bron, l.velden)
	}
	return b
}
