package ingest

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
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
	"kansrijk/sheet"
	"kansrijk/store"
)

// Colours of the terugmelding: red for a value that is not used, orange
// for one that is used but worth a look.
const (
	kleurFout         = "FF8080"
	kleurWaarschuwing = "FFC000"
)

const (
	bladUitleg    = "Uitleg"
	bladMeldingen = "Meldingen"
	bladCSV       = "Gegevens" // a CSV file has no sheet name of its own
	maxBladNaam   = 31         // Excel's limit, in UTF-16 units
	proefRijen    = 500        // rows looked at to size the columns
)

// Terugmelding writes a feedback workbook for one imported file to uit
// (an .xlsx path): the partner's own rows with each problem cell
// highlighted and a comment saying what is wrong and what is expected,
// plus a sheet "Meldingen" listing all messages (Bestand, Blad, Cel,
// Waarde, Ernst, Melding). It writes nothing and returns ok=false when
// there are no messages.
//
// Every text from the partner's file or from a message is written as a
// string cell, so a value like =HYPERLINK(...) stays inert text. The
// output depends only on the input: the same levering gives the same bytes.
//
// res is the import's result for the file: its path, its messages and
// which columns hold dates (shown as dd-mm-jjjj rather than Excel's day
// numbers).
func Terugmelding(res Resultaat, uit string) (ok bool, err error) {
	return terugmeldingVan(nil, res, uit)
}

// terugmeldingVan is Terugmelding from src, the file still open after
// the import read it (its rows may still be in memory), or from the
// file at res.Pad when src is nil.
func terugmeldingVan(src *sheet.File, res Resultaat, uit string) (ok bool, err error) {
	meldingen := res.Meldingen
	if len(meldingen) == 0 {
		return false, nil
	}
	fail := func(err error) (bool, error) {
		return false, fmt.Errorf("terugmelding %s schrijven: %w", uit, err)
	}
	if src == nil {
		if src, err = sheet.Open(res.Pad); err != nil {
			return fail(err)
		}
		defer src.Close()
		src.Bewaar(grootBlad) // read once for verken and kopie
	}

	x := excelize.NewFile()
	defer x.Close()
	x.SetZipWriter(snelZip)
	tm := &terugmelding{x: x, src: src, meldingen: meldingen, datums: res.DatumKolommen, bezet: map[string]bool{"history": true}}
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

type terugmelding struct {
	x         *excelize.File
	src       *sheet.File
	meldingen []store.Melding
	datums    map[string][]int // per source sheet, the 0-based date columns
	bezet     map[string]bool  // sheet names taken, lower case
	stijl     struct{ kop, fout, waarschuwing, tekst, titel, link int }
	bladen    []string // names of the copied source sheets
	// zonderOpmerkingen are the copied sheets too big for comments.
	zonderOpmerkingen []string
}

// cel is one flagged cell of a source sheet.
type cel struct {
	col, row  int
	meldingen []store.Melding
}

func (c *cel) ernst() string {
	for _, m := range c.meldingen {
		if m.Ernst == store.Fout {
			return store.Fout
		}
	}
	return store.Waarschuwing
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

	// A source sheet is copied when a message names it; a message that
	// points at one of its cells flags that cell.
	bronBladen := tm.src.Sheets()
	gemeld := map[string]bool{}
	cellen := map[string][]*cel{} // per source sheet
	type plek struct {
		blad     string
		row, col int
	}
	index := map[plek]*cel{}
	for _, m := range tm.meldingen {
		if !slices.Contains(bronBladen, m.Blad) {
			continue
		}
		gemeld[m.Blad] = true
		col, row, err := excelize.CellNameToCoordinates(m.Cel)
		if m.Cel == "" || err != nil {
			continue // no cell to point at: only on the Meldingen sheet
		}
		k := plek{m.Blad, row, col}
		c := index[k]
		if c == nil {
			c = &cel{col: col, row: row}
			index[k] = c
			cellen[m.Blad] = append(cellen[m.Blad], c)
		}
		c.meldingen = append(c.meldingen, m)
	}
	links := map[string]string{} // source sheet -> copied sheet name
	for _, blad := range bronBladen {
		if !gemeld[blad] {
			continue
		}
		naam := blad
		if tm.src.IsCSV() {
			naam = bladCSV
		}
		naam = tm.uniek(naam)
		links[blad] = naam
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
	return tm.lijst(links)
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
	tm.stijl.kop = nieuw(&excelize.Style{Font: &excelize.Font{Bold: true}})
	tm.stijl.fout = nieuw(&excelize.Style{Fill: vul(kleurFout)})
	tm.stijl.waarschuwing = nieuw(&excelize.Style{Fill: vul(kleurWaarschuwing)})
	tm.stijl.tekst = nieuw(&excelize.Style{Alignment: boven})
	tm.stijl.titel = nieuw(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	tm.stijl.link = nieuw(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	return err
}

func (tm *terugmelding) vulling(ernst string) int {
	if ernst == store.Fout {
		return tm.stijl.fout
	}
	return tm.stijl.waarschuwing
}

// bestand is the partner's name of the file, as the messages call it.
func (tm *terugmelding) bestand() string {
	for _, m := range tm.meldingen {
		if m.Bestand != "" {
			return m.Bestand
		}
	}
	return tm.src.Name
}

// grootBlad is the number of filled cells above which a sheet is copied
// with excelize's stream writer, in bounded memory. Excelize cannot add
// comments in stream mode, so such a sheet gets colours only; its
// messages are on the Meldingen sheet, linked to the cells.
var grootBlad = 100_000

// kopie copies every row of source sheet blad to sheet naam as text,
// colouring and commenting the flagged cells (sorted by row, column).
func (tm *terugmelding) kopie(blad, naam string, cellen []*cel) error {
	p, err := tm.verken(blad)
	if err != nil {
		return err
	}
	// The stream writer writes each row straight to XML: far cheaper
	// than excelize's cell model, and every value goes in as text.
	sw, err := tm.x.NewStreamWriter(naam)
	if err != nil {
		return err
	}
	zet := func(row int, vals []any) error { return sw.SetRow(sheet.Cell(1, row), vals) }
	if err := tm.opmaak(sw, p); err != nil {
		return err
	}

	next := 0 // first flagged cell not yet written
	kopieer := func(row int, cells []string) error {
		// Flagged cells in rows the source skips (empty rows) come first.
		for next < len(cellen) && cellen[next].row < row {
			r := cellen[next].row
			if err := zet(r, tm.rij(r, nil, cellen, &next, 0)); err != nil {
				return err
			}
		}
		// The partner should see dates as dates, not as day numbers.
		for _, col := range tm.datums[blad] {
			if col < len(cells) {
				if d, ok := excelDatum(cells[col]); ok {
					cells[col] = d
				}
			}
		}
		return zet(row, tm.rij(row, cells, cellen, &next, p.kop))
	}
	// Up to grootBlad cells the rows come from memory (sheet.File.Bewaar).
	if err := tm.src.Rows(blad, kopieer); err != nil {
		return err
	}
	for next < len(cellen) {
		r := cellen[next].row
		if err := zet(r, tm.rij(r, nil, cellen, &next, 0)); err != nil {
			return err
		}
	}
	// Comments go in before Flush, which writes the sheet's reference to
	// them (excelize keeps comments in their own part, not in the rows).
	// A very large sheet gets colours only, to keep memory bounded.
	if p.cellen > grootBlad {
		tm.zonderOpmerkingen = append(tm.zonderOpmerkingen, naam)
	} else {
		for _, c := range cellen {
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

// opmaak sets the column widths and freezes the header row; with the
// stream writer this must come before the rows. Neighbouring columns of
// one width are set in one call.
func (tm *terugmelding) opmaak(sw *excelize.StreamWriter, p proef) error {
	breedte := p.breedte[:min(len(p.breedte), maxBreedKolommen)]
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
	if p.kop == 0 {
		return nil
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: p.kop, TopLeftCell: sheet.Cell(1, p.kop+1), ActivePane: "bottomLeft"})
}

// rij is one row to write: the cells as strings, the flagged ones of this
// row (from cellen[*next] on) as an excelize.Cell with their fill.
func (tm *terugmelding) rij(row int, cells []string, cellen []*cel, next *int, kop int) []any {
	vals := make([]any, len(cells))
	for i, s := range cells {
		switch {
		case row == kop:
			vals[i] = excelize.Cell{StyleID: tm.stijl.kop, Value: s}
		case s != "":
			vals[i] = s
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
		vals[c.col-1] = excelize.Cell{StyleID: tm.vulling(c.ernst()), Value: s}
	}
	return vals
}

// proef is what a first pass over a sheet tells: column widths (from the
// first rows), the header row and the number of filled cells.
type proef struct {
	breedte []float64
	kop     int // the first of the first ten rows with the most filled cells
	cellen  int
}

// verken makes the first pass over source sheet blad.
func (tm *terugmelding) verken(blad string) (p proef, err error) {
	breed := func(cells []string) {
		for i, s := range cells {
			if s == "" {
				continue
			}
			for len(p.breedte) <= i {
				p.breedte = append(p.breedte, 0)
			}
			p.breedte[i] = max(p.breedte[i], min(float64(utf8.RuneCountInString(s))+2, 40), 8)
		}
	}
	// The first rows wait until the header is known: a title above it
	// should not make column A wide.
	type rij struct {
		row   int
		cells []string
	}
	var begin []rij
	n, beste := 0, 0
	err = tm.src.Rows(blad, func(row int, cells []string) error {
		n++
		gevuld := 0
		for _, s := range cells {
			if s != "" {
				gevuld++
			}
		}
		p.cellen += gevuld
		switch {
		case n <= 10:
			begin = append(begin, rij{row, cells})
			if gevuld > beste {
				p.kop, beste = row, gevuld
			}
		case n <= proefRijen:
			breed(cells)
		}
		return nil
	})
	for _, r := range begin {
		if r.row >= p.kop {
			breed(r.cells)
		}
	}
	return p, err
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
			excelize.RichTextRun{Text: ernstNaam(m.Ernst) + ": ", Font: &excelize.Font{Bold: true}},
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

func ernstNaam(ernst string) string {
	if ernst == store.Fout {
		return "Fout"
	}
	return "Waarschuwing"
}

// uitleg fills the first sheet: what this workbook is, in plain Dutch.
func (tm *terugmelding) uitleg() error {
	fouten, waarschuwingen := 0, 0
	for _, m := range tm.meldingen {
		if m.Ernst == store.Fout {
			fouten++
		} else {
			waarschuwingen++
		}
	}
	naam := tm.bestand()
	versie := kansrijk.VersieInNaam(naam) + 1
	nieuw := fmt.Sprintf("%s_v%d%s", basisNaam(naam), versie, filepath.Ext(naam))
	type regel struct {
		a, b  string
		stijl int // of column A
	}
	regels := []regel{
		{"Terugmelding op uw aanlevering", "", tm.stijl.titel},
		{},
		{"Bestand", naam, tm.stijl.kop},
		{"Fouten", fmt.Sprint(fouten), tm.stijl.kop},
		{"Waarschuwingen", fmt.Sprint(waarschuwingen), tm.stijl.kop},
		{},
		{"Wat ziet u hier?", "", tm.stijl.kop},
	}
	lijst := "In het blad 'Meldingen' staan alle meldingen onder elkaar, ook die over het bestand als geheel."
	verbeter := "Verbeter uw eigen bestand volgens de meldingen (niet dit overzicht)."
	if len(tm.bladen) == 0 {
		regels = append(regels, regel{"", "Wij hebben uw bestand gecontroleerd. De meldingen gaan over het bestand als geheel, niet over losse cellen.", 0})
	} else {
		bladen := "het blad " + citeer(tm.bladen)
		if len(tm.bladen) > 1 {
			bladen = "de bladen " + citeer(tm.bladen)
		}
		regels = append(regels, regel{"", "Wij hebben uw bestand cel voor cel gecontroleerd. In " + bladen +
			" staan al uw rijen; de cellen waar iets mee is, hebben een kleur.", 0})
		lijst += " Klik daar op een cel in de kolom Cel om naar die cel te gaan."
		verbeter = "Verbeter de gekleurde cellen in uw eigen bestand (niet in dit overzicht)."
	}
	regels = append(regels,
		regel{"Rood", "Fout: deze waarde kunnen wij niet gebruiken; hij telt niet mee in de cijfers.", tm.stijl.fout},
		regel{"Oranje", "Waarschuwing: deze waarde gebruiken wij wel, maar kijk even of hij klopt.", tm.stijl.waarschuwing})
	if len(tm.zonderOpmerkingen) < len(tm.bladen) {
		regels = append(regels, regel{"", "Ga met de muis op een gekleurde cel staan om te lezen wat er niet klopt en wat wij verwachten.", 0})
	}
	if len(tm.zonderOpmerkingen) > 0 {
		regels = append(regels, regel{"", "Het blad " + citeer(tm.zonderOpmerkingen) + " is te groot voor opmerkingen bij de cellen; " +
			"wat er niet klopt, staat in het blad 'Meldingen'.", 0})
	}
	regels = append(regels,
		regel{"", lijst, 0},
		regel{},
		regel{"Wat kunt u doen?", "", tm.stijl.kop},
		regel{"1.", verbeter, 0},
		regel{"2.", fmt.Sprintf("Sla het verbeterde bestand op met _v%d aan het eind van de naam: %s", versie, nieuw), 0},
		regel{"3.", "Stuur het hele bestand opnieuw. Het vervangt dan uw eerdere aanlevering.", 0},
	)
	x := tm.x
	for i, r := range regels {
		a, b := sheet.Cell(1, i+1), sheet.Cell(2, i+1)
		for _, c := range [][2]string{{a, r.a}, {b, r.b}} {
			if c[1] == "" {
				continue
			}
			if err := x.SetCellStr(bladUitleg, c[0], c[1]); err != nil {
				return err
			}
		}
		if r.stijl != 0 {
			if err := x.SetCellStyle(bladUitleg, a, a, r.stijl); err != nil {
				return err
			}
		}
		if err := x.SetCellStyle(bladUitleg, b, b, tm.stijl.tekst); err != nil {
			return err
		}
	}
	if err := x.SetColWidth(bladUitleg, "A", "A", 20); err != nil {
		return err
	}
	return x.SetColWidth(bladUitleg, "B", "B", 90)
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

// lijst fills the Meldingen sheet: one row per message, in the order of
// the messages, with a link to the cell where there is one.
func (tm *terugmelding) lijst(links map[string]string) error {
	x, blad := tm.x, bladMeldingen
	kop := []string{"Bestand", "Blad", "Cel", "Waarde", "Ernst", "Melding"}
	for i, k := range kop {
		if err := x.SetCellStr(blad, sheet.Cell(i+1, 1), k); err != nil {
			return err
		}
	}
	if err := x.SetCellStyle(blad, "A1", sheet.Cell(len(kop), 1), tm.stijl.kop); err != nil {
		return err
	}
	for i, m := range tm.meldingen {
		row := i + 2
		for j, s := range []string{m.Bestand, m.Blad, m.Cel, m.Waarde, m.Ernst, m.Tekst} {
			if err := x.SetCellStr(blad, sheet.Cell(j+1, row), s); err != nil {
				return err
			}
		}
		if err := x.SetCellStyle(blad, sheet.Cell(5, row), sheet.Cell(5, row), tm.vulling(m.Ernst)); err != nil {
			return err
		}
		if err := x.SetCellStyle(blad, sheet.Cell(6, row), sheet.Cell(6, row), tm.stijl.tekst); err != nil {
			return err
		}
		if naam, ok := links[m.Blad]; ok && m.Cel != "" {
			if _, _, err := excelize.CellNameToCoordinates(m.Cel); err == nil {
				doel := "'" + strings.ReplaceAll(naam, "'", "''") + "'!" + m.Cel
				cell := sheet.Cell(3, row)
				if err := x.SetCellHyperLink(blad, cell, doel, "Location"); err != nil {
					return err
				}
				if err := x.SetCellStyle(blad, cell, cell, tm.stijl.link); err != nil {
					return err
				}
			}
		}
	}
	for i, w := range []float64{30, 16, 8, 20, 14, 80} {
		col := string(rune('A' + i))
		if err := x.SetColWidth(blad, col, col, w); err != nil {
			return err
		}
	}
	if err := x.SetPanes(blad, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return x.AutoFilter(blad, "A1:"+sheet.Cell(len(kop), len(tm.meldingen)+1), nil)
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
