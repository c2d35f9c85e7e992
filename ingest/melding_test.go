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
	"kansrijk/voorbeeld"
	"kansrijk/workspace"
)

const samples = "../../shared/samples"

func needSamples(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("%s ontbreekt (%v); test overgeslagen", samples, err)
	}
}

// voorbeeldConfig is the configuration of the example werkmap, which
// also fits the shared samples.
func voorbeeldConfig(t *testing.T) *kansrijk.Config {
	t.Helper()
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	return &w.Config
}

// importeerSamples imports every sample delivery into a new store, with
// terugmeldingen, and returns the results by file name.
func importeerSamples(t *testing.T) (map[string]Resultaat, *kansrijk.Config) {
	t.Helper()
	needSamples(t)
	cfg := voorbeeldConfig(t)
	files, _, err := Bestanden([]string{samples})
	if err != nil {
		t.Fatal(err)
	}
	return importeerMet(t, cfg, t.TempDir(), files...), cfg
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
	res := importeer(t, voorbeeldConfig(t), bron)[filepath.Base(bron)]
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

// importeer imports the given files into a new store and returns their
// results by file name.
func importeer(t *testing.T, cfg *kansrijk.Config, paden ...string) map[string]Resultaat {
	t.Helper()
	return importeerMet(t, cfg, "", paden...)
}

// importeerMet is importeer, writing terugmeldingen to terug ("" none).
func importeerMet(t *testing.T, cfg *kansrijk.Config, terug string, paden ...string) map[string]Resultaat {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := &Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }, Terugmeldingen: terug}
	out := map[string]Resultaat{}
	im.Alle(context.Background(), paden, 2, func(i int, res Resultaat) { out[filepath.Base(res.Pad)] = res })
	return out
}

// TestAggregaatNbEnKlein: every n.b. and <5 in an aggregated sample, in
// a row of a gemeente of the coalities and a column an indicator uses,
// is reported as informatie at its cell; those of Zuiderveen (outside
// the coalities) and of the kinderen 0-1 jaar (no indicator) are not.
// The cells are found here with excelize, by the headers.
func TestAggregaatNbEnKlein(t *testing.T) {
	needSamples(t)
	cfg := voorbeeldConfig(t)
	bestanden := map[string][]string{ // file -> the column groups that feed an indicator
		"JGZ_regio_kwartaalcijfers_2025.xlsx":       {"Aanmeldingen prenataal", "Prenatale huisbezoeken"},
		"JGZ_regio_kwartaalcijfers_2026.xlsx":       {"Aanmeldingen prenataal", "Prenatale huisbezoeken"},
		"Kraamzorg_Noord_rapportage_2025-2026.xlsx": {"Geïndiceerde uren", "Geleverde uren"},
	}
	var paden []string
	for b := range bestanden {
		paden = append(paden, filepath.Join(samples, b))
	}
	results := importeer(t, cfg, paden...)
	totaal := 0
	for b, groepen := range bestanden {
		x, err := excelize.OpenFile(filepath.Join(samples, b))
		if err != nil {
			t.Fatal(err)
		}
		blad := x.GetSheetList()[0]
		rows, _ := x.GetRows(blad)
		x.Close()
		want := map[string]bool{}
		var groep []string // per column: the group above it, filled forward
		for i, r := range rows {
			if len(r) > 0 && strings.TrimSpace(r[0]) == "Gemeente" && groep == nil {
				cur := ""
				for _, c := range r {
					if c = strings.TrimSpace(c); c != "" {
						cur = c
					}
					groep = append(groep, cur)
				}
				continue
			}
			if groep == nil || len(r) == 0 {
				continue
			}
			if _, _, ok := cfg.Gemeente(r[0]); !ok {
				continue
			}
			for j, c := range r {
				v := strings.ToLower(strings.TrimSpace(c))
				if (v == "<5" || v == "n.b.") && j < len(groep) && slices.Contains(groepen, groep[j]) {
					want[sheet.Cell(j+1, i+1)] = true
				}
			}
		}
		got := map[string]bool{}
		for _, m := range results[b].Meldingen {
			if v := strings.ToLower(m.Waarde); v == "<5" || v == "n.b." {
				if m.Ernst != store.Informatie || m.Header == "" || !strings.Contains(m.Record.Key, ", 20") || !strings.Contains(m.Tekst, "telt niet mee") {
					t.Errorf("%s %s: %+v; want informatie with the header, gemeente and kwartaal", b, m.Cell(), m)
				}
				got[m.Cell()] = true
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: no n.b. or <5 found; the test proves nothing", b)
		}
		for c := range want {
			if !got[c] {
				t.Errorf("%s: %s (n.b. or <5) is not reported", b, c)
			}
		}
		for c := range got {
			if !want[c] {
				t.Errorf("%s: %s is reported, but is outside the coalities or feeds no indicator", b, c)
			}
		}
		totaal += len(want)
	}
	t.Logf("%d cells with n.b. or <5", totaal)
}

// TestKeuzelijst: a value written otherwise than its keuzelijst (case,
// spaces) is read as the list's value, with a warning at its cell that
// says so; one that is not in the list at all stays a fout. The
// variants are found here with excelize in the example's procesmonitors
// and the samples' story logs.
func TestKeuzelijst(t *testing.T) {
	cfg := voorbeeldConfig(t)
	type geval struct {
		bestand, blad, cel, ruw, lijst string
	}
	var gevallen []geval
	zoek := func(pad, kop string, lijst []string) {
		x, err := excelize.OpenFile(pad)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		blad := x.GetSheetList()[0]
		rows, _ := x.GetRows(blad, excelize.Options{RawCellValue: true})
		col := -1
		for i, r := range rows {
			if col < 0 {
				col = slices.Index(r, kop)
				continue
			}
			if col >= len(r) || r[col] == "" || slices.Contains(lijst, r[col]) {
				continue
			}
			for _, l := range lijst {
				if strings.EqualFold(strings.TrimSpace(r[col]), l) {
					gevallen = append(gevallen, geval{filepath.Base(pad), blad, sheet.Cell(col+1, i+1), r[col], l})
				}
			}
		}
	}
	dir := t.TempDir()
	if _, err := voorbeeld.Schrijf(dir, 1); err != nil {
		t.Fatal(err)
	}
	pms, _ := filepath.Glob(filepath.Join(dir, "Procesmonitor_*.xlsx"))
	paden := pms
	for _, p := range pms {
		zoek(p, "Status", kansrijk.BorgingStatussen[:])
	}
	if _, err := os.Stat(samples); err == nil {
		ovs, _ := filepath.Glob(filepath.Join(samples, "Ouderverhalen_*.xlsx"))
		paden = append(paden, ovs...)
		for _, p := range ovs {
			zoek(p, "Toestemming", []string{"intern", "rapport", "openbaar"})
		}
	}
	if len(gevallen) == 0 {
		t.Fatal("no value written otherwise than its list; the test proves nothing")
	}
	results := importeer(t, cfg, paden...)
	for _, g := range gevallen {
		gevonden := false
		for _, m := range results[g.bestand].Meldingen {
			if m.Cell() == g.cel && m.Sheet == g.blad {
				gevonden = true
				if m.Ernst != store.Waarschuwing || m.Waarde != g.ruw || !strings.Contains(m.Tekst, "wij lazen "+g.lijst) || m.Record.Key == "" {
					t.Errorf("%s %s %q: %+v; want a warning that it was read as %s", g.bestand, g.cel, g.ruw, m, g.lijst)
				}
			}
		}
		if !gevonden {
			t.Errorf("%s %s: %q (read as %s) is not reported", g.bestand, g.cel, g.ruw, g.lijst)
		}
	}
	t.Logf("%d values written otherwise than their list", len(gevallen))
}

// TestProcesmonitorAantal: the planted −2 in Havenstad 2025-K3 names its
// field and asks for 0 or more (−2 is a whole number).
func TestProcesmonitorAantal(t *testing.T) {
	needSamples(t)
	res := importeer(t, voorbeeldConfig(t), filepath.Join(samples, "Procesmonitor_Havenstad_2025-K3.xlsx"))["Procesmonitor_Havenstad_2025-K3.xlsx"]
	for _, m := range res.Meldingen {
		if m.Waarde == "-2" {
			if m.Ernst != store.Fout || m.Cell() != "B20" || m.Header != "Aantal bijeenkomsten met ouders" ||
				!strings.Contains(m.Tekst, "Aantal bijeenkomsten met ouders") || !strings.Contains(m.Tekst, "0 of meer") || strings.Contains(m.Tekst, "verwacht een heel getal;") {
				t.Errorf("message %+v", m)
			}
			return
		}
	}
	t.Errorf("no message about -2: %v", res.Meldingen)
}
