package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kansrijk/csvuit"
	"kansrijk/sheet"
	"kansrijk/store"
)

// Values a partner's file may hold that Excel would run as a formula if
// they were written as one.
const (
	injectieLink = `=HYPERLINK("http://x","klik")`
	injectieSom  = "@SUM(A1)"
)

// bronXLSX writes a small partner workbook: a title row, a header row and
// data rows, with formula-like texts stored as plain strings.
func bronXLSX(t *testing.T, dir, blad string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", blad); err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"Export cliëntgegevens — Praktijk Test"},
		{"Cliëntnummer", "Woonplaats", "Bevallingsdatum", "Opmerking"},
		{"VK-001", "Havenstad", "10-07-2025", 3200},
		{"VK-002", "=1+1", "31-06-2025", injectieSom},
		{"VK-003", "+31", "-2", injectieLink},
	}
	for i, row := range rows {
		for j, v := range row {
			cell := sheet.Cell(j+1, i+1)
			var err error
			if s, ok := v.(string); ok {
				err = f.SetCellStr(blad, cell, s)
			} else {
				err = f.SetCellValue(blad, cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(dir, "Verloskundigen_Test_2025-Q3.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// bronCSV writes the same rows as a Dutch Excel CSV.
func bronCSV(t *testing.T, dir string) string {
	t.Helper()
	data := "Export wijkteam Test\r\n" +
		"Dossiernummer;Aanmelddatum;Datum start hulp;Opmerking\r\n" +
		"WT-001;04-04-2026;06-06-2026;3200\r\n" +
		"WT-002;=1+1;31-06-2025;" + injectieSom + "\r\n" +
		`WT-003;+31;-2;"=HYPERLINK(""http://x"",""klik"")"` + "\r\n"
	p := filepath.Join(dir, "wijkteam_test_2026-K2.csv")
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// meldingenVoor are the messages of the tests, as a reader makes them:
// two on C4 (a fout and a waarschuwing), one waarschuwing on D5, an
// informatie on B5, one about column B as a whole and one without a cell.
// Row 3 has no message.
func meldingenVoor(bestand, blad string) []store.Melding {
	plek := func(col, row int, kop, client string) sheet.Location {
		return sheet.Location{File: bestand, Sheet: blad, Row: row, Col: col, Header: kop, Record: sheet.Record{Kind: "Cliëntnummer", Key: client}}
	}
	return []store.Melding{
		{Location: plek(3, 4, "Bevallingsdatum", "VK-002"), Waarde: "31-06-2025", Ernst: store.Fout, Verwacht: "dd-mm-jjjj",
			Tekst: "Bevallingsdatum: '31-06-2025' is geen bestaande datum; verwacht dd-mm-jjjj"},
		{Location: plek(4, 5, "Opmerking", "VK-003"), Waarde: injectieLink, Ernst: store.Waarschuwing,
			Tekst: "Opmerking lijkt een formule; controleer de waarde"},
		{Location: plek(3, 4, "Bevallingsdatum", "VK-002"), Waarde: "31-06-2025", Ernst: store.Waarschuwing,
			Tekst: "Bevallingsdatum ligt na de exportdatum"},
		{Location: plek(2, 5, "Woonplaats", "VK-003"), Waarde: "+31", Ernst: store.Informatie,
			Tekst: "Woonplaats is onbekend (+31); telt niet mee"},
		{Location: sheet.Location{File: bestand, Sheet: blad, Col: 4, Header: "Opmerking"}, Ernst: store.Informatie,
			Tekst: "kolom 'Opmerking' is in alle 3 rijen leeg; telt niet mee"},
		{Location: sheet.Location{File: bestand, Sheet: blad}, Ernst: store.Waarschuwing,
			Tekst: "Kolom 'Gemeente' ontbreekt; de gemeente van de partner is gebruikt"},
	}
}

func openUit(t *testing.T, p string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// vulkleur is the fill colour of a cell, "" without fill.
func vulkleur(t *testing.T, f *excelize.File, blad, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(blad, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return strings.ToUpper(st.Fill.Color[0])
}

// opmerkingBij is the text of the comment on cell, and whether there is one.
func opmerkingBij(t *testing.T, f *excelize.File, blad, cell string) (string, bool) {
	t.Helper()
	cs, err := f.GetComments(blad)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Cell == cell {
			s := c.Text
			for _, r := range c.Paragraph {
				s += r.Text
			}
			return s, true
		}
	}
	return "", false
}

// tekstcel checks that cell holds exactly want as a string, not a formula.
func tekstcel(t *testing.T, f *excelize.File, blad, cell, want string) {
	t.Helper()
	got, err := f.GetCellValue(blad, cell)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("%s!%s = %q, want %q", blad, cell, got, want)
	}
	if fm, _ := f.GetCellFormula(blad, cell); fm != "" {
		t.Errorf("%s!%s has formula %q, want plain text", blad, cell, fm)
	}
	if want == "" {
		return
	}
	typ, err := f.GetCellType(blad, cell)
	if err != nil {
		t.Fatal(err)
	}
	if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
		t.Errorf("%s!%s has cell type %v, want a string", blad, cell, typ)
	}
}

func TestTerugmelding(t *testing.T) {
	tests := []struct {
		naam     string
		bron     func(t *testing.T, dir string) string
		bronBlad string // sheet name in the messages
		wantBlad string // copied sheet in the terugmelding
		// wantBladNaam is the sheet the Meldingen sheet names.
		wantBladNaam string
	}{
		{"xlsx", func(t *testing.T, dir string) string { return bronXLSX(t, dir, "Export") }, "Export", "Export", "Export"},
		{"csv", bronCSV, "", "Gegevens", "Gegevens"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			dir := t.TempDir()
			bron := tt.bron(t, dir)
			meldingen := meldingenVoor(filepath.Base(bron), tt.bronBlad)
			uit := filepath.Join(dir, "terugmeldingen", "nieuw", "terugmelding.xlsx")
			ok, err := Terugmelding(Resultaat{Pad: bron, Meldingen: meldingen}, uit)
			if err != nil || !ok {
				t.Fatalf("Terugmelding = %v, %v; want true, nil", ok, err)
			}
			f := openUit(t, uit)

			if got, want := f.GetSheetList(), []string{"Uitleg", tt.wantBlad, "Meldingen"}; !slices.Equal(got, want) {
				t.Fatalf("sheets = %q, want %q", got, want)
			}

			// The header rows and the rows with a message are there, as
			// text (made inert), at their own address; row 3 has no message
			// and is left out; the other rows are hidden.
			src, err := sheet.Open(bron)
			if err != nil {
				t.Fatal(err)
			}
			defer src.Close()
			cellen := 0
			err = src.Rows(tt.bronBlad, func(row int, cells []string) error {
				for i, s := range cells {
					want := csvuit.Tekst(s)
					if row == 3 {
						want = ""
					}
					tekstcel(t, f, tt.wantBlad, sheet.Cell(i+1, row), want)
					cellen++
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if cellen < 17 {
				t.Errorf("compared %d cells, want all 17 of the source", cellen)
			}
			for cell, want := range map[string]string{"B4": "'=1+1", "D4": "'" + injectieSom, "B5": "+31", "C5": "-2", "D5": "'" + injectieLink} {
				tekstcel(t, f, tt.wantBlad, cell, want)
			}
			if zh, err := f.GetSheetProps(tt.wantBlad); err != nil || zh.ZeroHeight == nil || !*zh.ZeroHeight {
				t.Errorf("rows not written are not hidden: %+v, %v", zh, err)
			}

			// C4 carries both its messages, red; D5 is orange with a comment;
			// B5 grey without one; the header D2 of the empty column grey
			// with its message; A3 is not there.
			c4, ok := opmerkingBij(t, f, tt.wantBlad, "C4")
			if !ok {
				t.Fatal("C4 has no comment")
			}
			for _, m := range []store.Melding{meldingen[0], meldingen[2]} {
				if !strings.Contains(c4, m.Tekst) {
					t.Errorf("comment on C4 = %q, want it to contain %q", c4, m.Tekst)
				}
			}
			if !strings.HasPrefix(c4, "Fout: ") || !strings.Contains(c4, "Waarschuwing: ") {
				t.Errorf("comment on C4 = %q, want the severities as the Uitleg names them", c4)
			}
			if d2, ok := opmerkingBij(t, f, tt.wantBlad, "D2"); !ok || !strings.Contains(d2, "in alle 3 rijen leeg") {
				t.Errorf("header D2 of the empty column: comment %q, %v", d2, ok)
			}
			for _, c := range []string{"A3", "B5"} {
				if _, ok := opmerkingBij(t, f, tt.wantBlad, c); ok {
					t.Errorf("%s has a comment", c)
				}
			}
			for cell, want := range map[string]string{"C4": kleurFout, "D5": kleurWaarschuwing, "B5": kleurInformatie, "D2": kleurInformatie, "A4": ""} {
				if got := vulkleur(t, f, tt.wantBlad, cell); got != want {
					t.Errorf("fill of %s = %q, want %q", cell, got, want)
				}
			}

			// Meldingen: a header and one row per message, errors first,
			// then warnings, then information, each as it came.
			rows, err := f.GetRows("Meldingen")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 1+len(meldingen) {
				t.Fatalf("Meldingen has %d rows, want %d", len(rows), 1+len(meldingen))
			}
			if want := []string{"Ernst", "Blad", "Cel", "Kolom", "Cliëntnummer", "Waarde", "Verwacht", "Melding"}; !slices.Equal(rows[0], want) {
				t.Errorf("Meldingen header = %q, want %q", rows[0], want)
			}
			volgorde := []int{0, 1, 2, 5, 3, 4}
			for i, j := range volgorde {
				m := meldingen[j]
				r := i + 2
				cel := m.Cell()
				for k, want := range []string{map[string]string{store.Fout: "Fout", store.Waarschuwing: "Waarschuwing", store.Informatie: "Informatie"}[m.Ernst],
					tt.wantBladNaam, cel, m.Header, m.Record.Key, csvuit.Tekst(m.Waarde), m.Verwacht, m.Tekst} {
					tekstcel(t, f, "Meldingen", sheet.Cell(k+1, r), want)
				}
			}
			if link, target, _ := f.GetCellHyperLink("Meldingen", "C2"); !link || target != "'"+tt.wantBlad+"'!C4" {
				t.Errorf("link of the first message: %v %q, want to %s!C4", link, target, tt.wantBlad)
			}
			if !heeftFilter(f, "Meldingen") {
				t.Error("Meldingen has no autofilter")
			}

			// The Uitleg names the file, the counts, the rows left out, the
			// summary per column and the next version.
			uitleg := uitlegTekst(t, f)
			for _, want := range []string{filepath.Base(bron), "Fouten 1", "Waarschuwingen 3", "Informatie 2", "Rood", "Oranje", "Grijs", "_v2",
				"Eén rij had geen melding", "Bevallingsdatum: 1× verwacht dd-mm-jjjj", "Opmerking: 1× leeg in alle rijen", "Woonplaats: 1× +31"} {
				if !strings.Contains(uitleg, want) {
					t.Errorf("Uitleg does not mention %q:\n%s", want, uitleg)
				}
			}

			// Only the workbook is left behind: no temporary file.
			if es, _ := os.ReadDir(filepath.Dir(uit)); len(es) != 1 {
				t.Errorf("%s holds %d entries, want only the workbook", filepath.Dir(uit), len(es))
			}
		})
	}
}

// uitlegTekst is the Uitleg sheet as text, a line per row.
func uitlegTekst(t *testing.T, f *excelize.File) string {
	t.Helper()
	rows, err := f.GetRows("Uitleg")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, " ") + "\n")
	}
	return b.String()
}

func heeftFilter(f *excelize.File, blad string) bool {
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == blad {
			return true
		}
	}
	return false
}

// TestTerugmeldingNiets: without messages, or without a readable source,
// nothing is written.
func TestTerugmeldingNiets(t *testing.T) {
	dir := t.TempDir()
	csv := bronCSV(t, dir)
	tests := []struct {
		naam      string
		bron      string
		meldingen []store.Melding
		fout      bool
	}{
		{"geen meldingen", csv, nil, false},
		{"bron ontbreekt", filepath.Join(dir, "weg.csv"), meldingenVoor("weg.csv", ""), true},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			uit := filepath.Join(dir, tt.naam, "terugmelding.xlsx")
			ok, err := Terugmelding(Resultaat{Pad: tt.bron, Meldingen: tt.meldingen}, uit)
			if ok || (err != nil) != tt.fout {
				t.Fatalf("Terugmelding = %v, %v; want false, error %v", ok, err, tt.fout)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "terugmelding "+uit+" schrijven: ") {
				t.Errorf("error %q does not say which terugmelding failed", err)
			}
			if _, err := os.Stat(filepath.Dir(uit)); !os.IsNotExist(err) {
				t.Errorf("%s exists (%v); want nothing written", filepath.Dir(uit), err)
			}
		})
	}
}

// TestTerugmeldingBladen covers a workbook with several flagged sheets, one
// of them named like a sheet of the terugmelding itself, and flags on a
// skipped empty row and past the end of a row; that the same input gives
// the same bytes; and sheets too big for comments, written by the stream
// writer.
func TestTerugmeldingBladen(t *testing.T) {
	dir := t.TempDir()
	bron := bronXLSX(t, dir, "Meldingen")
	f, err := excelize.OpenFile(bron)
	if err != nil {
		t.Fatal(err)
	}
	for _, blad := range []string{"Rijen 2026", "Leeg"} {
		if _, err := f.NewSheet(blad); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range [][2]string{{"A1", "Dossier"}, {"A3", "WT-9"}, {"B3", "=2+2"}} {
		if err := f.SetCellStr("Rijen 2026", c[0], c[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	naam := filepath.Base(bron)
	plek := func(blad string, col, row int) sheet.Location {
		return sheet.Location{File: naam, Sheet: blad, Row: row, Col: col}
	}
	meldingen := append(meldingenVoor(naam, "Meldingen"),
		store.Melding{Location: plek("Rijen 2026", 1, 2), Ernst: store.Fout, Tekst: "Dossiernummer ontbreekt"},
		store.Melding{Location: plek("Rijen 2026", 6, 3), Ernst: store.Waarschuwing, Tekst: "Gemeente ontbreekt"},
		store.Melding{Location: plek("Rijen 2026", 3, 0), Ernst: store.Fout, Tekst: "geen rij"},
		store.Melding{Location: plek("Bestaat niet", 1, 1), Ernst: store.Fout, Tekst: "ander blad"},
	)

	tests := []struct {
		naam        string
		max         int
		opmerkingen bool
	}{
		{"normaal", maxOpmerkingen, true},
		{"te veel", 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			defer func(g int) { maxOpmerkingen = g }(maxOpmerkingen)
			maxOpmerkingen = tt.max
			uit := filepath.Join(dir, tt.naam, "terugmelding.xlsx")
			var eerste []byte
			for i := range 5 {
				if ok, err := Terugmelding(Resultaat{Pad: bron, Meldingen: meldingen}, uit); err != nil || !ok {
					t.Fatalf("Terugmelding = %v, %v", ok, err)
				}
				data, err := os.ReadFile(uit)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					eerste = data
				} else if !bytes.Equal(data, eerste) {
					t.Fatalf("run %d wrote other bytes than run 1", i+1)
				}
			}

			f := openUit(t, uit)
			if got, want := f.GetSheetList(), []string{"Uitleg", "Meldingen (2)", "Rijen 2026", "Meldingen"}; !slices.Equal(got, want) {
				t.Fatalf("sheets = %q, want %q", got, want)
			}
			tekstcel(t, f, "Rijen 2026", "B3", "'=2+2")
			tekstcel(t, f, "Rijen 2026", "A2", "")
			for cell, want := range map[string]string{"B4": "'=1+1", "D4": "'" + injectieSom, "C5": "-2", "D5": "'" + injectieLink} {
				tekstcel(t, f, "Meldingen (2)", cell, want)
			}
			for _, c := range []struct{ blad, cell, kleur string }{
				{"Rijen 2026", "A2", kleurFout},
				{"Rijen 2026", "F3", kleurWaarschuwing},
				{"Meldingen (2)", "C4", kleurFout},
			} {
				if got := vulkleur(t, f, c.blad, c.cell); got != c.kleur {
					t.Errorf("%s!%s fill = %q, want %q", c.blad, c.cell, got, c.kleur)
				}
				if _, ok := opmerkingBij(t, f, c.blad, c.cell); ok != tt.opmerkingen {
					t.Errorf("%s!%s has a comment: %v, want %v", c.blad, c.cell, ok, tt.opmerkingen)
				}
			}
			if rows, _ := f.GetRows("Meldingen"); len(rows) != 1+len(meldingen) {
				t.Errorf("Meldingen has %d rows, want %d", len(rows), 1+len(meldingen))
			}
			// Without comments the Uitleg says where the explanation is.
			if got := strings.Contains(uitlegTekst(t, f), "te veel meldingen"); got == tt.opmerkingen {
				t.Errorf("Uitleg mentions a sheet too big for comments: %v, want %v", got, !tt.opmerkingen)
			}
		})
	}
}

func TestTerugmeldingBladNaam(t *testing.T) {
	tm := &terugmelding{bezet: map[string]bool{"uitleg": true, "meldingen": true, "history": true}}
	tests := []struct{ in, want string }{
		{"Export", "Export"},
		{"export", "export (2)"},
		{"Meldingen", "Meldingen (2)"},
		{"History", "History (2)"},
		{"a/b:c?d*e[f]g\\h", "a_b_c_d_e_f_g_h"},
		{"'citaat'", "citaat"},
		{"", "Gegevens"},
		{strings.Repeat("x", 40), strings.Repeat("x", 31)},
		{strings.Repeat("x", 40) + "!", strings.Repeat("x", 27) + " (2)"},
		{strings.Repeat("é", 30) + "😀", strings.Repeat("é", 30)},
	}
	for _, tt := range tests {
		if got := tm.uniek(tt.in); got != tt.want {
			t.Errorf("uniek(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestTerugmeldingVoorbeeld uses a real sample delivery, with a date that
// does not exist in B13.
func TestTerugmeldingVoorbeeld(t *testing.T) {
	bron := filepath.Join("..", "..", "shared", "samples", "wijkteam_ommerveld_2026-K2.csv")
	if _, err := os.Stat(bron); err != nil {
		t.Skipf("sample deliveries not available (%v); skipping", err)
	}
	naam := filepath.Base(bron)
	meldingen := []store.Melding{{Location: sheet.Location{File: naam, Row: 13, Col: 2}, Waarde: "31-06-2026", Ernst: store.Fout,
		Tekst: "Aanmelddatum: '31-06-2026' is niet bruikbaar: geen bestaande datum; zonder aanmelddatum telt deze aanmelding niet mee (KS09)"}}
	uit := filepath.Join(t.TempDir(), "terugmelding.xlsx")
	if ok, err := Terugmelding(Resultaat{Pad: bron, Meldingen: meldingen}, uit); err != nil || !ok {
		t.Fatalf("Terugmelding = %v, %v", ok, err)
	}
	f := openUit(t, uit)
	if got, want := f.GetSheetList(), []string{"Uitleg", "Gegevens", "Meldingen"}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	tekstcel(t, f, "Gegevens", "B13", "31-06-2026")
	tekstcel(t, f, "Gegevens", "A1", "Dossiernummer")
	if vulkleur(t, f, "Gegevens", "B13") != kleurFout {
		t.Error("B13 is not red")
	}
}

// Dates that Excel stores as day numbers come back to the partner as
// dates, in the rows the terugmelding shows: De Wieg's 2025-Q1 export has
// its first check-ups (column D) as day numbers.
func TestTerugmeldingToontDatums(t *testing.T) {
	bron := filepath.Join("..", "..", "shared", "samples", "Verloskundigenpraktijk_DeWieg_2025-Q1.xlsx")
	if _, err := os.Stat(bron); err != nil {
		t.Skipf("%s ontbreekt; test overgeslagen", bron)
	}
	res := importeer(t, voorbeeldConfig(t), bron)[filepath.Base(bron)]
	if res.Status != Ingelezen || len(res.Meldingen) == 0 {
		t.Fatalf("%s %s (%d meldingen)", res.Status, res.Fout, len(res.Meldingen))
	}
	uit := filepath.Join(t.TempDir(), "t.xlsx")
	if ok, err := Terugmelding(res, uit); !ok || err != nil {
		t.Fatalf("Terugmelding: %v, %v", ok, err)
	}
	x := openUit(t, uit)
	src := openUit(t, bron)
	getoond := 0
	for _, m := range res.Meldingen {
		if m.Row == 0 || m.Sheet != "Export" {
			continue
		}
		d := sheet.Cell(4, m.Row)
		raw, err := src.GetCellValue("Export", d, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			continue // written as text
		}
		dag, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := x.GetCellValue("Export", d); got != dag.Format("02-01-2006") {
			t.Errorf("%s = %q, want %s", d, got, dag.Format("02-01-2006"))
		}
		e := sheet.Cell(5, m.Row)
		want, _ := src.GetCellValue("Export", e, excelize.Options{RawCellValue: true})
		if got, _ := x.GetCellValue("Export", e); got != want {
			t.Errorf("%s = %q, want %q (untouched)", e, got, want)
		}
		getoond++
	}
	if getoond == 0 {
		t.Error("no row with a message and a date as day number; the test proves nothing")
	}
}
