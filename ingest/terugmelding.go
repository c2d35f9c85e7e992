package ingest

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/csvuit"
	"kansrijk/sheet"
	"kansrijk/store"
)

// Colours of the terugmelding, one per severity (see Ernsten): red for a
// value that is not used, orange for one used with an assumption, grey
// for an empty or unknown value.
const (
	kleurFout         = "FF8080"
	kleurWaarschuwing = "FFC000"
	kleurInformatie   = "D9D9D9"
)

const (
	bladUitleg    = "Uitleg"
	bladMeldingen = "Meldingen"
	bladCSV       = "Gegevens" // a CSV file has no sheet name of its own
	maxBladNaam   = 31         // Excel's limit, in UTF-16 units
	// maxSamenvatting bounds the lines of the summary per column.
	maxSamenvatting = 40
	regelHoogte     = 15 // points per line of text (Calibri 11)
)

// maxOpmerkingen bounds the comments of one copied sheet: excelize
// keeps them in memory. A sheet with more gets colours only; its
// messages are on the Meldingen sheet, linked to the cells. A variable,
// so a test can lower it.
var maxOpmerkingen = 5_000

// bronRijen is what the import kept of a file for its terugmelding: the
// rows to show (the header rows and every row with a message), so that
// the terugmelding costs what it reports, not a second copy of the file.
type bronRijen struct {
	bladen  []string                    // the file's sheets, in order
	rijen   map[string]map[int][]string // per sheet, per row: the cells as read
	kopRij  map[string]int              // per sheet: the header row
	data    map[string]int              // per sheet: the data rows read
	legenda []string                    // the indicators the file feeds
}

// Terugmelding writes a feedback workbook for one imported file to uit
// (an .xlsx path). It shows the partner, on the sheet of her file, only
// the rows that have a message (under her header rows, with the row
// numbers of her own file; the rows without a message are hidden), each
// problem cell coloured by severity, the errors and warnings with a
// comment; a sheet Uitleg with what the colours mean, a summary per
// column and the indicators the file feeds; and a sheet Meldingen with
// every message: severity, sheet, cell, column header, the record she
// knows it by, value, what was expected and what is wrong. Nothing is
// written, and ok is false, when there are no messages.
//
// Every text is written as a string cell through csvuit.Tekst, so a
// value like =HYPERLINK(...) stays inert, also once saved as CSV. The
// output depends only on the input: the same levering gives the same
// bytes.
//
// res is the import's result for the file: its path, its messages, the
// date columns (shown as dd-mm-jjjj rather than Excel's day numbers) and
// the rows the import kept; rows it did not keep are read from res.Pad.
func Terugmelding(res Resultaat, uit string) (ok bool, err error) {
	if len(res.Meldingen) == 0 {
		return false, nil
	}
	fail := func(err error) (bool, error) {
		return false, fmt.Errorf("terugmelding %s schrijven: %s", uit, schrijfReden(err))
	}
	src := res.toon
	if src == nil {
		src = &bronRijen{}
	}
	if err := src.aanvullen(res.Pad, res.Meldingen); err != nil {
		return fail(err)
	}
	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(snelZip)
	tm := &terugmelding{x: x, src: src, naam: filepath.Base(res.Pad), datums: res.DatumKolommen, bezet: map[string]bool{"history": true}}
	tm.meldingen = slices.Clone(res.Meldingen)
	slices.SortStableFunc(tm.meldingen, func(a, b store.Melding) int { return cmp.Compare(ernstRang(a.Ernst), ernstRang(b.Ernst)) })
	if err := tm.schrijf(); err != nil {
		return fail(err)
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		return fail(err)
	}
	if err := schrijfAtomisch(uit, buf.Bytes()); err != nil {
		return fail(err)
	}
	return true, nil
}

// schrijfReden says in Dutch why a workbook could not be written: the
// system's and excelize's own texts are English.
func schrijfReden(err error) string {
	var se *sheet.Error
	switch {
	case errors.As(err, &se):
		return se.Error()
	case os.IsPermission(err):
		return "geen schrijfrechten in die map"
	case os.IsNotExist(err):
		return "de map bestaat niet en kan niet worden gemaakt"
	}
	return "de werkmap kon niet worden gemaakt of opgeslagen (" + OSReden(err) + ")"
}

// aanvullen reads from the file at pad the rows that messages point at
// and the import did not keep (all of them when nothing was kept, as for
// messages read back from the store), and the header rows.
func (b *bronRijen) aanvullen(pad string, ms []store.Melding) error {
	nodig := map[string]map[int]bool{}
	for _, m := range ms {
		if m.Row > 0 && b.rijen[m.Sheet][m.Row] == nil {
			if nodig[m.Sheet] == nil {
				nodig[m.Sheet] = map[int]bool{}
			}
			nodig[m.Sheet][m.Row] = true
		}
	}
	if b.bladen != nil && len(nodig) == 0 {
		return nil
	}
	f, err := sheet.Open(pad)
	if err != nil {
		return err
	}
	defer f.Close()
	b.bladen = f.Sheets()
	for blad, rijen := range nodig {
		if !slices.Contains(b.bladen, blad) {
			continue
		}
		_, kopBekend := b.kopRij[blad]
		var begin []sheet.Rij // the first rows, to find the header in
		var alle []int        // the rows of the sheet, to count the data rows
		err := f.Rows(blad, func(row int, cells []string) error {
			if !kopBekend && len(begin) < 10 {
				begin = append(begin, sheet.Rij{Nr: row, Cells: slices.Clone(cells)})
			}
			if rijen[row] || kopBekend && row <= b.kopRij[blad] {
				b.bewaar(blad, row, cells)
			}
			if b.data[blad] == 0 {
				alle = append(alle, row)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for row := range rijen {
			b.bewaar(blad, row, []string{}) // a message on a row the file leaves empty
		}
		if !kopBekend {
			// The header is the first of the first ten rows with the most
			// filled cells; a title above it is shown too.
			kop, beste := 0, 0
			for _, r := range begin {
				if n := gevuld(r.Cells); n > beste {
					kop, beste = r.Nr, n
				}
			}
			for _, r := range begin {
				if r.Nr <= kop {
					b.bewaar(blad, r.Nr, r.Cells)
				}
			}
			if b.kopRij == nil {
				b.kopRij = map[string]int{}
			}
			b.kopRij[blad] = kop
		}
		if b.data[blad] == 0 {
			if b.data == nil {
				b.data = map[string]int{}
			}
			for _, row := range alle {
				if row > b.kopRij[blad] {
					b.data[blad]++
				}
			}
		}
	}
	return nil
}

func (b *bronRijen) bewaar(blad string, row int, cells []string) {
	if b.rijen == nil {
		b.rijen = map[string]map[int][]string{}
	}
	if b.rijen[blad] == nil {
		b.rijen[blad] = map[int][]string{}
	}
	if b.rijen[blad][row] == nil {
		b.rijen[blad][row] = slices.Clone(cells)
	}
}

func gevuld(cells []string) int {
	n := 0
	for _, s := range cells {
		if s != "" {
			n++
		}
	}
	return n
}

type terugmelding struct {
	x         *excelize.File
	src       *bronRijen
	naam      string // the file's name
	meldingen []store.Melding
	datums    map[string][]int // per source sheet, the 0-based date columns
	bezet     map[string]bool  // sheet names taken, lower case
	stijl     struct {
		kop, tekst, titel, link, kopTekst int
		ernst                             map[string]int // fill per severity
	}
	bladen []string // names of the copied source sheets
	// zonderOpmerkingen are the copied sheets with too many messages for
	// comments; weggelaten are the data rows shown nowhere.
	zonderOpmerkingen []string
	weggelaten        int
	links             map[string]string // source sheet -> copied sheet name
}

// cel is one flagged cell of a source sheet.
type cel struct {
	col, row  int
	meldingen []store.Melding
}

// ernst is the most serious severity of the cell's messages.
func (c *cel) ernst() string {
	e := store.Informatie
	for _, m := range c.meldingen {
		if ernstRang(m.Ernst) < ernstRang(e) {
			e = m.Ernst
		}
	}
	return e
}

func (tm *terugmelding) schrijf() error {
	if err := tm.stijlen(); err != nil {
		return err
	}
	// Document properties are fixed so that the same input gives the
	// same bytes; the dates stay those of excelize's template, not now.
	if err := tm.x.SetDocProps(&excelize.DocProperties{
		Creator:  "kansrijk",
		Title:    "Terugmelding " + tm.bestand(),
		Language: "nl-NL",
	}); err != nil {
		return err
	}
	if err := tm.x.SetSheetName("Sheet1", bladUitleg); err != nil {
		return err
	}
	tm.bezet[strings.ToLower(bladUitleg)] = true
	tm.bezet[strings.ToLower(bladMeldingen)] = true

	// A source sheet is copied when a message points into it; a message
	// at a cell flags that cell, one about a whole column its header.
	cellen := map[string][]*cel{} // per source sheet
	type plek struct {
		blad     string
		row, col int
	}
	index := map[plek]*cel{}
	for _, m := range tm.meldingen {
		if !slices.Contains(tm.src.bladen, m.Sheet) || m.Col == 0 && m.Row == 0 {
			continue // only on the Meldingen sheet
		}
		row := m.Row
		if row == 0 {
			row = tm.src.kopRij[m.Sheet]
		}
		if m.Col == 0 || row == 0 || tm.src.rijen[m.Sheet][row] == nil {
			continue
		}
		k := plek{m.Sheet, row, m.Col}
		c := index[k]
		if c == nil {
			c = &cel{col: m.Col, row: row}
			index[k] = c
			cellen[m.Sheet] = append(cellen[m.Sheet], c)
		}
		c.meldingen = append(c.meldingen, m)
	}
	tm.links = map[string]string{}
	for _, blad := range tm.src.bladen {
		if cellen[blad] == nil {
			continue
		}
		naam := blad
		if blad == "" {
			naam = bladCSV
		}
		naam = tm.uniek(naam)
		tm.links[blad] = naam
		tm.bladen = append(tm.bladen, naam)
		if _, err := tm.x.NewSheet(naam); err != nil {
			return err
		}
		c := cellen[blad]
		slices.SortFunc(c, func(a, b *cel) int {
			return cmp.Or(cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
		})
		if err := tm.kopie(blad, naam, c); err != nil {
			return err
		}
	}
	if _, err := tm.x.NewSheet(bladMeldingen); err != nil {
		return err
	}
	if err := tm.uitleg(); err != nil {
		return err
	}
	return tm.lijst()
}

func (tm *terugmelding) stijlen() error {
	var err error
	nieuw := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = tm.x.NewStyle(s)
		return id
	}
	vul := func(kleur string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{kleur}}
	}
	boven := &excelize.Alignment{Vertical: "top", WrapText: true}
	tm.stijl.kop = nieuw(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	tm.stijl.kopTekst = nieuw(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: boven})
	tm.stijl.tekst = nieuw(&excelize.Style{Alignment: boven})
	tm.stijl.titel = nieuw(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	tm.stijl.link = nieuw(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{Vertical: "top"}})
	tm.stijl.ernst = map[string]int{
		store.Fout:         nieuw(&excelize.Style{Fill: vul(kleurFout), Alignment: &excelize.Alignment{Vertical: "top"}}),
		store.Waarschuwing: nieuw(&excelize.Style{Fill: vul(kleurWaarschuwing), Alignment: &excelize.Alignment{Vertical: "top"}}),
		store.Informatie:   nieuw(&excelize.Style{Fill: vul(kleurInformatie), Alignment: &excelize.Alignment{Vertical: "top"}}),
	}
	return err
}

// bestand is the partner's name of the file, as the messages call it.
func (tm *terugmelding) bestand() string {
	for _, m := range tm.meldingen {
		if m.File != "" {
			return m.File
		}
	}
	return tm.naam
}

// kopie writes to sheet naam the header rows of source sheet blad and
// every row with a flagged cell, at their own row numbers, the other
// rows hidden; the flagged cells (sorted by row, column) coloured, the
// errors and warnings and the column messages with a comment.
func (tm *terugmelding) kopie(blad, naam string, cellen []*cel) error {
	rijen := tm.src.rijen[blad]
	nrs := slices.Sorted(func(yield func(int) bool) {
		for nr := range rijen {
			if !yield(nr) {
				return
			}
		}
	})
	kop := tm.src.kopRij[blad]
	if n := tm.src.data[blad]; n > 0 {
		getoond := 0
		for _, nr := range nrs {
			if nr > kop {
				getoond++
			}
		}
		tm.weggelaten += max(n-getoond, 0)
	}
	// Rows not written are hidden, so the partner sees her own row
	// numbers with only the rows that matter.
	verborgen := true
	if err := tm.x.SetSheetProps(naam, &excelize.SheetPropsOptions{ZeroHeight: &verborgen}); err != nil {
		return err
	}
	// The stream writer writes no sheetPr, so the copy cannot be fitted
	// to the page; landscape suits a row of a partner's export.
	liggend := "landscape"
	if err := tm.x.SetPageLayout(naam, &excelize.PageLayoutOptions{Orientation: &liggend}); err != nil {
		return err
	}
	sw, err := tm.x.NewStreamWriter(naam)
	if err != nil {
		return err
	}
	if err := tm.opmaak(sw, blad, nrs, kop); err != nil {
		return err
	}
	next := 0
	for _, nr := range nrs {
		cells := slices.Clone(rijen[nr])
		if nr > kop {
			// The partner should see dates as dates, not as day numbers.
			for _, col := range tm.datums[blad] {
				if col < len(cells) {
					if d, ok := excelDatum(cells[col]); ok {
						cells[col] = d
					}
				}
			}
		}
		for next < len(cellen) && cellen[next].row < nr {
			next++ // a flagged row that is not shown (none are)
		}
		if err := sw.SetRow(sheet.Cell(1, nr), tm.rij(nr, cells, cellen, &next, kop), excelize.RowOpts{Height: regelHoogte}); err != nil {
			return err
		}
	}
	// Comments go in before Flush, which writes the sheet's reference to
	// them (excelize keeps comments in their own part, not in the rows).
	var opm []*cel
	for _, c := range cellen {
		if c.ernst() != store.Informatie || c.row == kop {
			opm = append(opm, c)
		}
	}
	if len(opm) > maxOpmerkingen {
		tm.zonderOpmerkingen = append(tm.zonderOpmerkingen, naam)
	} else {
		for _, c := range opm {
			if err := tm.x.AddComment(naam, opmerking(c)); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// maxBreedKolommen bounds the columns that get a width of their own;
// the others keep Excel's default. Excelize flattens the column list on
// every SetColWidth and compares each column with each (quadratic per
// call), so a sheet of 10,000 columns took minutes; a partner's export
// never has more than a few dozen columns worth sizing.
const maxBreedKolommen = 200

// opmaak sets the column widths (from the rows shown, the header and
// the rows below it, not a title above) and freezes the header row;
// with the stream writer this must come before the rows. Neighbouring
// columns of one width are set in one call.
func (tm *terugmelding) opmaak(sw *excelize.StreamWriter, blad string, nrs []int, kop int) error {
	var breedte []float64
	for _, nr := range nrs {
		if nr < kop {
			continue
		}
		for i, s := range tm.src.rijen[blad][nr] {
			if s == "" || i >= maxBreedKolommen {
				continue
			}
			for len(breedte) <= i {
				breedte = append(breedte, 0)
			}
			breedte[i] = max(breedte[i], min(float64(utf8.RuneCountInString(s))+2, 40), 8)
		}
	}
	for i := 0; i < len(breedte); {
		j := i
		for j+1 < len(breedte) && breedte[j+1] == breedte[i] {
			j++
		}
		if b := breedte[i]; b != 0 {
			if err := sw.SetColWidth(i+1, j+1, b); err != nil {
				return err
			}
		}
		i = j + 1
	}
	if kop == 0 {
		return nil
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: kop, TopLeftCell: sheet.Cell(1, kop+1), ActivePane: "bottomLeft"})
}

// rij is one row to write: the cells as text, the flagged ones of this
// row (from cellen[*next] on) with the fill of their severity.
func (tm *terugmelding) rij(row int, cells []string, cellen []*cel, next *int, kop int) []any {
	vals := make([]any, len(cells))
	for i, s := range cells {
		switch {
		case row == kop:
			vals[i] = excelize.Cell{StyleID: tm.stijl.kop, Value: csvuit.Tekst(s)}
		case s != "":
			vals[i] = csvuit.Tekst(s)
		}
	}
	for ; *next < len(cellen) && cellen[*next].row == row; *next++ {
		c := cellen[*next]
		for len(vals) < c.col {
			vals = append(vals, nil)
		}
		s := ""
		if c.col <= len(cells) {
			s = cells[c.col-1]
		}
		vals[c.col-1] = excelize.Cell{StyleID: tm.stijl.ernst[c.ernst()], Value: csvuit.Tekst(s)}
	}
	return vals
}

// opmerking is the comment of a flagged cell: every message on it, each
// starting with how serious it is.
func opmerking(c *cel) excelize.Comment {
	var runs []excelize.RichTextRun
	regels := 0
	for i, m := range c.meldingen {
		if i > 0 {
			runs = append(runs, excelize.RichTextRun{Text: "\n\n"})
			regels++
		}
		runs = append(runs,
			excelize.RichTextRun{Text: ErnstNaam(m.Ernst) + ": ", Font: &excelize.Font{Bold: true}},
			excelize.RichTextRun{Text: m.Tekst})
		regels += 1 + utf8.RuneCountInString(m.Tekst)/45
	}
	return excelize.Comment{
		Cell:      sheet.Cell(c.col, c.row),
		Author:    "kansrijk",
		Paragraph: runs,
		Width:     300,
		Height:    uint(min(20+15*regels, 400)),
	}
}

// tekstRegels is how many lines text takes in a column of breedte characters
// (Excel's column width unit) when wrapped at spaces: a little more than
// the average text needs, so that no row is too low in Excel or in
// LibreOffice, which do not grow a row to fit wrapped text themselves.
func tekstRegels(text string, breedte float64) int {
	per := max(int(breedte)-3, 8)
	n := 0
	for _, alinea := range strings.Split(text, "\n") {
		n++
		lijn := 0
		for _, w := range strings.Fields(alinea) {
			l := utf8.RuneCountInString(w)
			switch {
			case lijn == 0:
				lijn = l
			case lijn+1+l <= per:
				lijn += 1 + l
			default:
				n++
				lijn = l
			}
			for lijn > per { // a word longer than the line
				n++
				lijn -= per
			}
		}
	}
	return max(n, 1)
}

// uitleg fills the first sheet: what this workbook is and what the
// colours mean, in plain Dutch, a summary per column and the indicators
// the file feeds.
func (tm *terugmelding) uitleg() error {
	tel := map[string]int{}
	for _, m := range tm.meldingen {
		tel[m.Ernst]++
	}
	naam := tm.bestand()
	versie := kansrijk.VersieInNaam(naam) + 1
	nieuw := fmt.Sprintf("%s_v%d%s", basisNaam(naam), versie, filepath.Ext(naam))
	type regel = uitlegRegel
	regels := []regel{
		{a: "Terugmelding op uw aanlevering", stijl: tm.stijl.titel},
		{},
		{a: "Bestand", b: naam, stijl: tm.stijl.kop},
		{a: "Fouten", b: fmt.Sprint(tel[store.Fout]), stijl: tm.stijl.kop},
		{a: "Waarschuwingen", b: fmt.Sprint(tel[store.Waarschuwing]), stijl: tm.stijl.kop},
		{a: "Informatie", b: fmt.Sprint(tel[store.Informatie]), stijl: tm.stijl.kop},
		{},
		{a: "Wat ziet u hier?", stijl: tm.stijl.kop},
	}
	lijst := "In het blad 'Meldingen' staan alle meldingen onder elkaar, eerst de fouten, dan de waarschuwingen en de informatie; ook die over het bestand als geheel."
	verbeter := "Verbeter uw eigen bestand volgens de meldingen (niet dit overzicht)."
	if len(tm.bladen) == 0 {
		regels = append(regels, regel{b: "Wij hebben uw bestand gecontroleerd. De meldingen gaan over het bestand of over hele kolommen, niet over losse cellen."})
	} else {
		bladen := "het blad " + citeer(tm.bladen)
		if len(tm.bladen) > 1 {
			bladen = "de bladen " + citeer(tm.bladen)
		}
		tekst := "Wij hebben uw bestand cel voor cel gecontroleerd. In " + bladen + " staan uw kopregel en de rijen met een melding, " +
			"met dezelfde rijnummers als in uw eigen bestand; de cellen waar iets mee is, hebben een kleur."
		switch {
		case tm.weggelaten == 1:
			tekst += " Eén rij had geen melding; die staat er niet bij."
		case tm.weggelaten > 1:
			tekst += fmt.Sprintf(" De %d rijen zonder melding staan er niet bij.", tm.weggelaten)
		}
		regels = append(regels, regel{b: tekst})
		lijst += " Klik daar op een cel in de kolom Cel om naar die cel te gaan."
		verbeter = "Verbeter de gekleurde cellen in uw eigen bestand (niet in dit overzicht)."
		if k := recordKop(tm.meldingen); k != recordKopAlgemeen {
			verbeter += " Zoek de rij op met de kolom " + k + "; die staat ook in het blad 'Meldingen'."
		}
	}
	for _, e := range Ernsten {
		regels = append(regels, regel{a: e.Naam, b: e.Kleur + ": " + e.Betekenis, stijl: tm.stijl.ernst[e.Ernst]})
	}
	if len(tm.zonderOpmerkingen) < len(tm.bladen) {
		regels = append(regels, regel{b: "Ga met de muis op een rode of oranje cel staan om te lezen wat er niet klopt en wat wij verwachten."})
	}
	if len(tm.zonderOpmerkingen) > 0 {
		regels = append(regels, regel{b: "Het blad " + citeer(tm.zonderOpmerkingen) + " heeft te veel meldingen voor opmerkingen bij de cellen; " +
			"wat er niet klopt, staat in het blad 'Meldingen'."})
	}
	regels = append(regels, regel{b: lijst})

	if sam := samenvatting(tm.meldingen); len(sam) > 0 {
		regels = append(regels, regel{}, regel{a: "Per kolom", stijl: tm.stijl.kop, b: "Hoe vaak wij wat vonden, per kolom:"})
		regels = append(regels, sam...)
	}
	if leg := tm.src.legenda; len(leg) > 0 {
		regels = append(regels, regel{}, regel{a: "Indicatoren", stijl: tm.stijl.kop,
			b: "Uw bestand telt mee voor deze indicatoren. In de meldingen staat bij welke een waarde niet meetelt."})
		for _, l := range leg {
			code, rest, _ := strings.Cut(l, " ")
			regels = append(regels, regel{a: code, b: rest})
		}
	}
	regels = append(regels,
		regel{},
		regel{a: "Wat kunt u doen?", stijl: tm.stijl.kop},
		regel{a: "1.", b: verbeter},
		regel{a: "2.", b: fmt.Sprintf("Sla het verbeterde bestand op met _v%d aan het eind van de naam: %s", versie, nieuw)},
		regel{a: "3.", b: "Stuur het hele bestand opnieuw. Het vervangt dan uw eerdere aanlevering."},
	)
	x := tm.x
	const breedA, breedB = 20.0, 90.0
	for i, r := range regels {
		row := i + 1
		a, b := sheet.Cell(1, row), sheet.Cell(2, row)
		if r.a != "" {
			if err := x.SetCellStr(bladUitleg, a, csvuit.Tekst(r.a)); err != nil {
				return err
			}
		}
		if r.b != "" {
			if err := x.SetCellStr(bladUitleg, b, csvuit.Tekst(r.b)); err != nil {
				return err
			}
		}
		stijl := r.stijl
		if stijl == 0 {
			stijl = tm.stijl.tekst
		}
		if err := x.SetCellStyle(bladUitleg, a, a, stijl); err != nil {
			return err
		}
		if err := x.SetCellStyle(bladUitleg, b, b, tm.stijl.tekst); err != nil {
			return err
		}
		if n := max(aantalRegels(r.a, breedA), aantalRegels(r.b, breedB)); n > 1 {
			if err := x.SetRowHeight(bladUitleg, row, float64(n*regelHoogte)); err != nil {
				return err
			}
		}
	}
	if err := x.SetColWidth(bladUitleg, "A", "A", breedA); err != nil {
		return err
	}
	if err := x.SetColWidth(bladUitleg, "B", "B", breedB); err != nil {
		return err
	}
	return paginaBreed(x, bladUitleg, "portrait")
}

// paginaBreed prints a sheet one page wide.
func paginaBreed(x *excelize.File, blad, richting string) error {
	passend := true
	if err := x.SetSheetProps(blad, &excelize.SheetPropsOptions{FitToPage: &passend}); err != nil {
		return err
	}
	een, vrij := 1, 0
	return x.SetPageLayout(blad, &excelize.PageLayoutOptions{Orientation: &richting, FitToWidth: &een, FitToHeight: &vrij})
}

// uitlegRegel is one row of the Uitleg sheet: columns A and B, and the
// style of A.
type uitlegRegel struct {
	a, b  string
	stijl int
}

// aantalRegels is tekstRegels for a cell that may be empty.
func aantalRegels(s string, breedte float64) int {
	if s == "" {
		return 1
	}
	return tekstRegels(s, breedte)
}

// samenvatting counts the messages per column, severity and kind of
// problem, most serious and most frequent first: "27× n.b." under
// "Amenorroeduur".
func samenvatting(ms []store.Melding) []uitlegRegel {
	type sleutel struct{ kolom, ernst, wat string }
	tel := map[sleutel]int{}
	var volgorde []sleutel
	for _, m := range ms {
		k := sleutel{kolom: m.Header, ernst: m.Ernst}
		if k.kolom == "" {
			k.kolom = "(het bestand)"
			if m.Row > 0 {
				k.kolom = "(rij)"
			}
		}
		switch {
		case m.Ernst == store.Informatie && m.Row == 0 && m.Col > 0 && m.Waarde == "":
			k.wat = "leeg in alle rijen"
		case m.Row == 0:
			k.wat = m.Tekst
		case m.Ernst == store.Informatie && strings.TrimSpace(m.Waarde) == "":
			k.wat = "leeg"
		case m.Ernst == store.Informatie:
			k.wat = strings.ToLower(strings.TrimSpace(m.Waarde))
		case m.Verwacht != "":
			k.wat = "verwacht " + m.Verwacht
		default:
			k.wat = m.Tekst
		}
		if tel[k] == 0 {
			volgorde = append(volgorde, k)
		}
		tel[k]++
	}
	slices.SortStableFunc(volgorde, func(a, b sleutel) int {
		return cmp.Or(cmp.Compare(ernstRang(a.ernst), ernstRang(b.ernst)), cmp.Compare(tel[b], tel[a]), strings.Compare(a.kolom, b.kolom))
	})
	var out []uitlegRegel
	for i, k := range volgorde {
		if i == maxSamenvatting {
			out = append(out, uitlegRegel{b: fmt.Sprintf("… en nog %d andere; zie het blad 'Meldingen'", len(volgorde)-i)})
			break
		}
		out = append(out, uitlegRegel{a: ErnstNaam(k.ernst), b: fmt.Sprintf("%s: %d× %s", k.kolom, tel[k], k.wat)})
	}
	return out
}

func citeer(namen []string) string {
	q := make([]string, len(namen))
	for i, n := range namen {
		q[i] = "'" + n + "'"
	}
	if len(q) > 1 {
		return strings.Join(q[:len(q)-1], ", ") + " en " + q[len(q)-1]
	}
	return strings.Join(q, "")
}

// recordKop is the header of the Meldingen sheet's record column: what
// the messages' records are called, when they agree.
func recordKop(ms []store.Melding) string {
	kop := ""
	for _, m := range ms {
		switch k := m.Record.Kind; {
		case k == "" || k == kop:
		case kop == "":
			kop = k
		default:
			return recordKopAlgemeen
		}
	}
	if kop == "" {
		return recordKopAlgemeen
	}
	return kop
}

// recordKopAlgemeen heads the record column when the records have more
// than one kind.
const recordKopAlgemeen = "Rij (zoals u die kent)"

// lijst fills the Meldingen sheet: one row per message, errors first,
// with a link to the cell where it is shown.
func (tm *terugmelding) lijst() error {
	x, blad := tm.x, bladMeldingen
	kop := []string{"Ernst", "Blad", "Cel", "Kolom", recordKop(tm.meldingen), "Waarde", "Verwacht", "Melding"}
	breedte := []float64{14, 16, 8, 24, 18, 20, 30, 70}
	for i, k := range kop {
		if err := x.SetCellStr(blad, sheet.Cell(i+1, 1), csvuit.Tekst(k)); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(blad, "A1", sheet.Cell(len(kop), 1), tm.stijl.kopTekst); err != nil {
		return err
	}
	hoog := 1
	for i, k := range kop {
		hoog = max(hoog, tekstRegels(k, breedte[i]))
	}
	if err := x.SetRowHeight(blad, 1, float64(hoog*regelHoogte)); err != nil {
		return err
	}
	for i, m := range tm.meldingen {
		row := i + 2
		vals := []string{ErnstNaam(m.Ernst), tm.bladNaam(m.Sheet), m.Cell(), m.Header, m.Record.Key, m.Waarde, m.Verwacht, m.Tekst}
		if vals[2] == "" && m.Row > 0 {
			vals[2] = fmt.Sprintf("rij %d", m.Row)
		}
		hoog := 1
		for j, s := range vals {
			if s == "" {
				continue
			}
			if err := x.SetCellStr(blad, sheet.Cell(j+1, row), csvuit.Tekst(s)); err != nil {
				return err
			}
			hoog = max(hoog, tekstRegels(s, breedte[j]))
		}
		if err := x.SetCellStyle(blad, sheet.Cell(1, row), sheet.Cell(1, row), tm.stijl.ernst[m.Ernst]); err != nil {
			return err
		}
		if err := x.SetCellStyle(blad, sheet.Cell(2, row), sheet.Cell(len(kop), row), tm.stijl.tekst); err != nil {
			return err
		}
		if hoog > 1 {
			if err := x.SetRowHeight(blad, row, float64(hoog*regelHoogte)); err != nil {
				return err
			}
		}
		if doel, ok := tm.doel(m); ok {
			cell := sheet.Cell(3, row)
			if err := x.SetCellHyperLink(blad, cell, doel, "Location"); err != nil {
				return err
			}
			if err := x.SetCellStyle(blad, cell, cell, tm.stijl.link); err != nil {
				return err
			}
		}
	}
	for i, w := range breedte {
		col := string(rune('A' + i))
		if err := x.SetColWidth(blad, col, col, w); err != nil {
			return err
		}
	}
	if err := x.SetPanes(blad, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := x.AutoFilter(blad, "A1:"+sheet.Cell(len(kop), len(tm.meldingen)+1), nil); err != nil {
		return err
	}
	return paginaBreed(x, blad, "landscape") // after AutoFilter, which sets the sheet's properties anew
}

// bladNaam is how the Meldingen sheet names a source sheet: a CSV file's
// one sheet is the copied sheet's name.
func (tm *terugmelding) bladNaam(blad string) string {
	if blad == "" {
		if n, ok := tm.links[""]; ok {
			return n
		}
	}
	return blad
}

// doel is where a message's link goes: its cell on the copied sheet, or
// the header cell for a message about a whole column.
func (tm *terugmelding) doel(m store.Melding) (string, bool) {
	naam, ok := tm.links[m.Sheet]
	row := m.Row
	if row == 0 {
		row = tm.src.kopRij[m.Sheet]
	}
	if !ok || m.Col == 0 || row == 0 || tm.src.rijen[m.Sheet][row] == nil {
		return "", false
	}
	return "'" + strings.ReplaceAll(naam, "'", "''") + "'!" + sheet.Cell(m.Col, row), true
}

// uniek makes naam a valid sheet name that is not taken yet: no
// characters Excel forbids, at most 31 long, unique ignoring case.
func (tm *terugmelding) uniek(naam string) string {
	naam = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`:\/?*[]`, r) {
			return '_'
		}
		return r
	}, naam)
	if strings.Trim(naam, "' ") == "" {
		naam = bladCSV
	}
	for i := 1; ; i++ {
		achter := ""
		if i > 1 {
			achter = fmt.Sprintf(" (%d)", i)
		}
		n := strings.Trim(inkorten(naam, maxBladNaam-len(achter)), "'") + achter
		if !tm.bezet[strings.ToLower(n)] {
			tm.bezet[strings.ToLower(n)] = true
			return n
		}
	}
}

// inkorten cuts s to at most n UTF-16 units, the way Excel counts.
func inkorten(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// schrijfAtomisch writes the workbook to a temporary file next to uit and
// renames it, so that no half-written workbook ever carries the name.
func schrijfAtomisch(uit string, data []byte) (err error) {
	dir := filepath.Dir(uit)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".terugmelding-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := sorteerZip(tmp, data); err != nil {
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), uit)
}

// snelZip is a zip writer that compresses at flate.BestSpeed, with
// pooled compressors: a terugmelding is written once per levering, and
// the default level costs about twice the time for a slightly smaller
// file.
func snelZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		fw, ok := flatePool.Get().(*flate.Writer)
		if ok {
			fw.Reset(w)
		} else {
			var err error
			if fw, err = flate.NewWriter(w, flate.BestSpeed); err != nil {
				return nil, err
			}
		}
		return &pooledFlate{fw}, nil
	})
	return zw
}

var flatePool sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	p.Writer = nil
	return err
}

// sorteerZip copies the xlsx package in data to w with its parts in a
// fixed order. Excelize writes streamed sheets in map order, which would
// make two runs on the same input differ in bytes.
func sorteerZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	delen := slices.Clone(zr.File)
	slices.SortFunc(delen, func(a, b *zip.File) int {
		// [Content_Types].xml first, as Excel itself writes it.
		ta, tb := a.Name == "[Content_Types].xml", b.Name == "[Content_Types].xml"
		if ta != tb {
			if ta {
				return -1
			}
			return 1
		}
		return strings.Compare(a.Name, b.Name)
	})
	zw := zip.NewWriter(w)
	for _, d := range delen {
		if err := zw.Copy(d); err != nil {
			return err
		}
	}
	return zw.Close()
}

// excelDatum writes an Excel day number as dd-mm-jjjj; other text is not
// a day number.
func excelDatum(s string) (string, bool) {
	if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err != nil {
		return "", false
	}
	t, err := ParseDatum(s)
	if err != nil {
		return "", false
	}
	return t.Format("02-01-2006"), true
}
