package ingest

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
	"kansrijk/workspace"
)

const samples = "../../shared/samples"

func needSamples(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("%s ontbreekt (%v); test overgeslagen", samples, err)
	}
}

// importeerSamples imports every sample delivery into a new store, with
// terugmeldingen, and returns the results by file name.
func importeerSamples(t *testing.T) (map[string]Resultaat, *kansrijk.Config) {
	t.Helper()
	needSamples(t)
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	files, _, err := Bestanden([]string{samples})
	if err != nil {
		t.Fatal(err)
	}
	im := &Importer{DB: db, Config: &w.Config, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) },
		Terugmeldingen: t.TempDir()}
	out := map[string]Resultaat{}
	im.Alle(context.Background(), files, 2, func(i int, res Resultaat) { out[filepath.Base(res.Pad)] = res })
	return out, &w.Config
}

// TestMeldingenNoemenPlaats: on the samples, every message about a cell
// names the column by its header, every message about a row of a
// record-level file the record the partner knows, and the messages come
// errors first, then warnings, then information. What each severity
// says agrees with the Uitleg: information never counts, a warning is
// used.
func TestMeldingenNoemenPlaats(t *testing.T) {
	results, cfg := importeerSamples(t)
	n := 0
	for naam, res := range results {
		p, _ := Partner(cfg, naam)
		for i, m := range res.Meldingen {
			n++
			if i > 0 && ernstRang(m.Ernst) < ernstRang(res.Meldingen[i-1].Ernst) {
				t.Errorf("%s: %s after %s", naam, m.Ernst, res.Meldingen[i-1].Ernst)
			}
			if m.File != naam {
				t.Errorf("%s: message names file %q", naam, m.File)
			}
			if m.Col > 0 && m.Header == "" && p.Bron != kansrijk.BronQDA {
				t.Errorf("%s: %s has no header: %s", naam, m.Location, m.Tekst)
			}
			switch p.Bron {
			case kansrijk.BronVerloskunde, kansrijk.BronWijkteam, kansrijk.BronOuderverhalen, kansrijk.BronJGZ, kansrijk.BronKraamzorg, kansrijk.BronProcesmonitor:
				if m.Row > 0 && m.Record.Key == "" && !strings.Contains(m.Tekst, "ontbreekt") {
					t.Errorf("%s: %s names no record: %s", naam, m.Location, m.Tekst)
				}
			}
			switch m.Ernst {
			case store.Informatie:
				if !strings.Contains(m.Tekst, "niet mee") {
					t.Errorf("%s: informatie that does not say it does not count: %s", naam, m.Tekst)
				}
			case store.Waarschuwing:
				if strings.Contains(m.Tekst, "telt niet mee") || strings.Contains(m.Tekst, "niet te berekenen") {
					t.Errorf("%s: a warning (a value that is used) says it does not count: %s", naam, m.Tekst)
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d messages on the samples; the test proves little", n)
	}
}

// TestKolomOveralLeeg: Lindehoven 2025-Q2 leaves "Roken tijdens
// zwangerschap" empty in every row; that is one message about the
// column, not one per row (rows counted here with excelize).
func TestKolomOveralLeeg(t *testing.T) {
	needSamples(t)
	bron := filepath.Join(samples, "Verloskundigen_Lindehoven_2025-Q2.xlsx")
	x, err := excelize.OpenFile(bron)
	if err != nil {
		t.Fatal(err)
	}
	blad := x.GetSheetList()[0]
	rows, err := x.GetRows(blad)
	x.Close()
	if err != nil {
		t.Fatal(err)
	}
	kop, col := -1, -1
	for i, r := range rows {
		if j := slices.Index(r, "Roken tijdens zwangerschap"); j >= 0 {
			kop, col = i, j
			break
		}
	}
	if kop < 0 {
		t.Fatal("no column Roken tijdens zwangerschap")
	}
	data := 0
	for _, r := range rows[kop+1:] {
		if slices.ContainsFunc(r, func(s string) bool { return strings.TrimSpace(s) != "" }) {
			data++
			if col < len(r) && strings.TrimSpace(r[col]) != "" {
				t.Fatalf("the column is not empty: %q", r[col])
			}
		}
	}
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res := (&Importer{DB: db, Config: &w.Config, Now: time.Now}).Bestand(context.Background(), bron)
	var over []store.Melding
	for _, m := range res.Meldingen {
		if m.Col == col+1 {
			over = append(over, m)
		}
	}
	if len(over) != 1 {
		t.Fatalf("%d messages about the column, want 1: %v", len(over), over)
	}
	m := over[0]
	if m.Row != 0 || m.Ernst != store.Informatie || m.Header != "Roken tijdens zwangerschap" ||
		!strings.Contains(m.Tekst, "in alle "+strconv.Itoa(data)+" rijen leeg") || !strings.Contains(m.Tekst, "KS04") {
		t.Errorf("message %+v; want informatie about the whole column, %d rijen, KS04", m, data)
	}
}

// TestTerugmeldingUitlegEnMeldingen reads the Uitleg and the Meldingen
// of every terugmelding of the samples: each severity on the Meldingen
// sheet is one the Uitleg explains, in the same words and colour, and
// the counts agree; the indicators the Uitleg lists are those of the
// partner's bron; and every row that holds wrapped text is high enough
// for it (LibreOffice does not grow a row itself).
func TestTerugmeldingUitlegEnMeldingen(t *testing.T) {
	results, cfg := importeerSamples(t)
	gezien := 0
	for naam, res := range results {
		if res.Terugmelding == "" {
			continue
		}
		gezien++
		f := openUit(t, res.Terugmelding)
		uitleg, err := f.GetRows(bladUitleg)
		if err != nil {
			t.Fatal(err)
		}
		uitgelegd := map[string]string{} // severity word -> fill
		tellingen := map[string]string{}
		for i, r := range uitleg {
			if len(r) < 2 {
				continue
			}
			for _, e := range Ernsten {
				if r[0] == e.Naam && strings.HasPrefix(r[1], e.Kleur+": ") {
					uitgelegd[r[0]] = vulkleur(t, f, bladUitleg, sheet.Cell(1, i+1))
				}
			}
			if _, ok := tellingen[r[0]]; !ok {
				tellingen[r[0]] = r[1] // the counts come first; the summary repeats the words
			}
		}
		meldingen, err := f.GetRows(bladMeldingen)
		if err != nil {
			t.Fatal(err)
		}
		tel := map[string]int{}
		for i, r := range meldingen[1:] {
			kleur, ok := uitgelegd[r[0]]
			if !ok {
				t.Errorf("%s: Meldingen row %d has severity %q, which the Uitleg does not explain (%v)", naam, i+2, r[0], uitgelegd)
				continue
			}
			if got := vulkleur(t, f, bladMeldingen, sheet.Cell(1, i+2)); got != kleur {
				t.Errorf("%s: %q is %s on Meldingen but %s in the Uitleg", naam, r[0], got, kleur)
			}
			tel[r[0]]++
		}
		for woord, label := range map[string]string{"Fout": "Fouten", "Waarschuwing": "Waarschuwingen", "Informatie": "Informatie"} {
			if got := tellingen[label]; got != strconv.Itoa(tel[woord]) {
				t.Errorf("%s: Uitleg says %s %s, the Meldingen sheet has %d", naam, label, got, tel[woord])
			}
		}
		p, _ := Partner(cfg, naam)
		uitlegTekst := uitlegTekst(t, f)
		for _, in := range cfg.Indicatoren {
			if got, want := strings.Contains(uitlegTekst, in.Code+" "+in.Naam), in.Bron == p.Bron; got != want && p.Bron != kansrijk.BronOuderverhalen {
				t.Errorf("%s (%s): Uitleg lists %s %s: %v, want %v", naam, p.Bron, in.Code, in.Naam, got, want)
			}
		}
		for _, blad := range []string{bladUitleg, bladMeldingen} {
			rijenPassen(t, f, naam, blad)
		}
	}
	if gezien < 10 {
		t.Fatalf("only %d terugmeldingen", gezien)
	}
}

// rijenPassen checks that every wrapped text of blad fits its row: at
// least one line of 15 points per column width of characters (a
// generous width: characters are narrower than Excel's unit, a '0').
func rijenPassen(t *testing.T, f *excelize.File, naam, blad string) {
	t.Helper()
	rows, err := f.GetRows(blad)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		hoogte, err := f.GetRowHeight(blad, i+1)
		if err != nil {
			t.Fatal(err)
		}
		for j, s := range r {
			if s == "" {
				continue
			}
			id, _ := f.GetCellStyle(blad, sheet.Cell(j+1, i+1))
			st, _ := f.GetStyle(id)
			if st == nil || st.Alignment == nil || !st.Alignment.WrapText {
				continue
			}
			kol, _ := excelize.ColumnNumberToName(j + 1)
			breedte, _ := f.GetColWidth(blad, kol)
			nodig := 15 * math.Ceil(float64(utf8.RuneCountInString(s))/breedte)
			if hoogte < nodig {
				t.Errorf("%s, %s row %d: height %v for %d characters in a column %v wide (want at least %v)",
					naam, blad, i+1, hoogte, utf8.RuneCountInString(s), breedte, nodig)
			}
		}
	}
}
