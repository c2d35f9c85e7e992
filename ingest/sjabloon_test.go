package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/workspace"
)

var sjKwartaal = kansrijk.Kwartaal{Jaar: 2026, K: 3}

func sjConfig(t *testing.T) *kansrijk.Config {
	t.Helper()
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	return &w.Config
}

func sjPartner(t *testing.T, cfg *kansrijk.Config, naam string) kansrijk.Partner {
	t.Helper()
	for _, p := range cfg.Partners {
		if p.Naam == naam {
			return p
		}
	}
	t.Fatalf("partner %q staat niet in de voorbeeldwerkmap", naam)
	return kansrijk.Partner{}
}

// sjMaak writes p's template under its suggested name in a new folder.
func sjMaak(t *testing.T, cfg *kansrijk.Config, p kansrijk.Partner) string {
	t.Helper()
	naam, err := ingest.SjabloonNaam(cfg, ingest.Aanvraag{Partner: p, Kwartaal: sjKwartaal})
	if err != nil {
		t.Fatal(err)
	}
	pad := filepath.Join(t.TempDir(), naam)
	if err := ingest.Sjabloon(cfg, ingest.Aanvraag{Partner: p, Kwartaal: sjKwartaal}, pad); err != nil {
		t.Fatal(err)
	}
	return pad
}

// sjImport imports one file into a new store and fails on any error
// message for the partner.
func sjImport(t *testing.T, cfg *kansrijk.Config, pad string) ingest.Resultaat {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := &ingest.Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 10, 15, 0, 0, 0, 0, time.UTC) }}
	res := im.Bestand(context.Background(), pad)
	if res.Status != ingest.Ingelezen {
		t.Fatalf("%s: %s: %s", filepath.Base(pad), res.Status, res.Fout)
	}
	for _, m := range res.Meldingen {
		if m.Ernst == store.Fout {
			t.Errorf("%s: fout %s: %s", filepath.Base(pad), m.Plaats(), m.Tekst)
		} else {
			t.Logf("%s: %s %s: %s", filepath.Base(pad), m.Ernst, m.Plaats(), m.Tekst)
		}
	}
	return res
}

// sjRij writes one row of a record sheet by header text, as a partner
// fills it in.
func sjRij(t *testing.T, f *excelize.File, blad string, rij int, waarden map[string]any) {
	t.Helper()
	kop, err := f.GetRows(blad)
	if err != nil || len(kop) == 0 {
		t.Fatalf("blad %s: geen kopregel (%v)", blad, err)
	}
	for tekst, v := range waarden {
		col := slices.Index(kop[0], tekst)
		if col < 0 {
			t.Fatalf("blad %s: kolom %q ontbreekt; kopregel %q", blad, tekst, kop[0])
		}
		cel, _ := excelize.CoordinatesToCellName(col+1, rij)
		if err := f.SetCellValue(blad, cel, v); err != nil {
			t.Fatal(err)
		}
	}
}

func sjZet(t *testing.T, f *excelize.File, blad string, cellen map[string]any) {
	t.Helper()
	for cel, v := range cellen {
		if err := f.SetCellValue(blad, cel, v); err != nil {
			t.Fatal(err)
		}
	}
}

// sjVul opens a template, lets vul fill its data sheet and saves it under
// the same name.
func sjVul(t *testing.T, pad, blad string, vul func(f *excelize.File, blad string)) {
	t.Helper()
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	vul(f, blad)
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func datum(d, m int) time.Time { return time.Date(2026, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// Every supported bron: the template, filled in with a few valid rows
// and saved under the suggested name, imports without any message.
func TestSjabloonIngevuld(t *testing.T) {
	cfg := sjConfig(t)
	tests := []struct {
		partner, blad string
		vul           func(t *testing.T, f *excelize.File, blad string)
		rijen         int
		periode       string
	}{
		{"Verloskundigen Lindehoven", "Cliënten", func(t *testing.T, f *excelize.File, blad string) {
			sjRij(t, f, blad, 2, map[string]any{"Cliëntnummer": "VK-1001", "Woonplaats": "Lindehoven", "Datum eerste controle": datum(6, 7),
				"Amenorroeduur eerste controle": "8+3", "Roken tijdens zwangerschap": "nee", "Kwetsbaarheid gesignaleerd": "nee", "Verwezen naar": "geen"})
			sjRij(t, f, blad, 3, map[string]any{"Cliëntnummer": "VK-1002", "Woonplaats": "Lindehoven", "Datum eerste controle": "14-07-2026",
				"Amenorroeduur eerste controle": "11+0", "Roken tijdens zwangerschap": "gestopt", "Kwetsbaarheid gesignaleerd": "ja", "Verwezen naar": "Sociaal wijkteam"})
			sjRij(t, f, blad, 4, map[string]any{"Cliëntnummer": "VK-0903", "Woonplaats": "Lindehoven", "Datum eerste controle": datum(20, 1),
				"Amenorroeduur eerste controle": "7+6", "Roken tijdens zwangerschap": "ja", "Kwetsbaarheid gesignaleerd": "nee", "Verwezen naar": "geen",
				"Bevallingsdatum": datum(12, 8), "Zwangerschapsduur bij geboorte": "39+2", "Geboortegewicht": 3250})
		}, 3, "2026-K3"},
		{"Sociaal wijkteam Havenstad", "Aanmeldingen", func(t *testing.T, f *excelize.File, blad string) {
			sjRij(t, f, blad, 2, map[string]any{"Dossiernummer": "HS-26-9001", "Aanmelddatum": datum(2, 7), "Datum start hulp": datum(20, 7), "Hulpvraag": "Financiële zorgen"})
			sjRij(t, f, blad, 3, map[string]any{"Dossiernummer": "HS-26-9002", "Aanmelddatum": "03-07-2026", "Hulpvraag": "Opvoeding"})
		}, 2, "2026-K3"},
		{"JGZ Regio Noord", "Kwartaalcijfers", func(t *testing.T, f *excelize.File, blad string) {
			// Rows 6-10 are the gemeenten, B-D, F-H and J-L kwartalen 1-3;
			// the huisbezoeken (F-H) stay below the aanmeldingen (B-D).
			for rij := 6; rij <= 10; rij++ {
				for _, col := range []int{2, 3, 4, 6, 7, 8, 10, 11, 12} {
					cel, _ := excelize.CoordinatesToCellName(col, rij)
					v := 10*rij + col
					if col >= 6 && col <= 8 {
						v -= 6
					}
					sjZet(t, f, blad, map[string]any{cel: v})
				}
			}
			sjZet(t, f, blad, map[string]any{"F8": "<5", "L9": "n.b."})
		}, 5, "2026-K1 t/m 2026-K3"},
		{"Kraamzorg Noord", "Rapportage", func(t *testing.T, f *excelize.File, blad string) {
			for rij := 2; rij <= 6; rij++ {
				sjRij(t, f, blad, rij, map[string]any{"Geïndiceerde uren": 1000.5 * float64(rij), "Geleverde uren": 950.25 * float64(rij), "Aantal cliënten": 20 * rij})
			}
			sjZet(t, f, blad, map[string]any{"E4": "<5"})
		}, 5, "2026-K3"},
		{"Procesmonitor", "Procesmonitor", func(t *testing.T, f *excelize.File, blad string) {
			sjZet(t, f, blad, map[string]any{"B3": "Havenstad", "B5": "M. de Vries", "B19": 12, "B20": 2, "B21": 3, "B22": "Ouderpanel gestart."})
			statussen := []string{"Niet gestart", "In ontwikkeling", "Gerealiseerd", "Geborgd"}
			for i := range 10 {
				cel, _ := excelize.CoordinatesToCellName(3, 8+i)
				sjZet(t, f, blad, map[string]any{cel: statussen[i%4]})
			}
		}, 10, "Havenstad 2026-K3"},
		{"Ouderverhalen", "Verhalen", func(t *testing.T, f *excelize.File, blad string) {
			sjRij(t, f, blad, 2, map[string]any{"Verhaal-ID": "HS-2026-101", "Coalitie": "Havenstad", "Datum": datum(3, 9), "Werkvorm": "interview",
				"Toestemming": "rapport", "Fragment": "Ik wist niet waar ik moest beginnen.", "Codes": "Bestaanszekerheid > Geldzorgen", "Toon": "negatief", "Uitgelicht": "nee"})
			sjRij(t, f, blad, 3, map[string]any{"Verhaal-ID": "HS-2026-102", "Coalitie": "Havenstad", "Datum": "10-09-2026",
				"Toestemming": "intern", "Fragment": "De kraamverzorgster was fijn.", "Uitgelicht": "ja"})
		}, 2, "Havenstad"},
	}
	for _, tt := range tests {
		t.Run(tt.partner, func(t *testing.T) {
			p := sjPartner(t, cfg, tt.partner)
			pad := sjMaak(t, cfg, p)
			sjTeksten(t, pad)
			sjVul(t, pad, tt.blad, func(f *excelize.File, blad string) { tt.vul(t, f, blad) })
			res := sjImport(t, cfg, pad)
			l := res.Levering
			if l.Partner != p.Naam || l.Rijen != tt.rijen || l.Geaccepteerd != tt.rijen || l.Periode != tt.periode {
				t.Errorf("levering %s, %d rijen, %d geaccepteerd, periode %q; want %s, %d, %d, %q",
					l.Partner, l.Rijen, l.Geaccepteerd, l.Periode, p.Naam, tt.rijen, tt.rijen, tt.periode)
			}
		})
	}
}

// An empty record-level template is an empty delivery, not a file
// without a header row.
func TestSjabloonLeeg(t *testing.T) {
	cfg := sjConfig(t)
	for _, naam := range []string{"Verloskundigen Lindehoven", "Sociaal wijkteam Dijkwaard", "Ouderverhalen"} {
		t.Run(naam, func(t *testing.T) {
			res := sjImport(t, cfg, sjMaak(t, cfg, sjPartner(t, cfg, naam)))
			if res.Levering.Rijen != 0 || len(res.Meldingen) != 0 {
				t.Errorf("%d rijen, meldingen %v; want an empty delivery", res.Levering.Rijen, res.Meldingen)
			}
		})
	}
}

// A wijkteam of two gemeenten gets a Gemeente column (the reader needs
// one), listing its gemeenten.
func TestSjabloonWijkteamTweeGemeenten(t *testing.T) {
	cfg := *sjConfig(t)
	cfg.Partners = slices.Clone(cfg.Partners)
	i := slices.IndexFunc(cfg.Partners, func(p kansrijk.Partner) bool { return p.Naam == "Sociaal wijkteam Dalwijk" })
	cfg.Partners[i].Gemeenten = []string{"Dalwijk", "Ommerveld"}
	p := cfg.Partners[i]
	pad := sjMaak(t, &cfg, p)
	if lijst := sjLijst(t, pad, "Aanmeldingen", "Gemeente"); lijst != `"Dalwijk,Ommerveld"` {
		t.Errorf("Gemeente list %s, want Dalwijk,Ommerveld", lijst)
	}
	sjVul(t, pad, "Aanmeldingen", func(f *excelize.File, blad string) {
		sjRij(t, f, blad, 2, map[string]any{"Dossiernummer": "DW-1", "Aanmelddatum": datum(1, 8), "Hulpvraag": "Huisvesting", "Gemeente": "Ommerveld"})
		sjRij(t, f, blad, 3, map[string]any{"Dossiernummer": "DW-2", "Aanmelddatum": datum(2, 8), "Hulpvraag": "Huisvesting", "Gemeente": "Dalwijk"})
	})
	if res := sjImport(t, &cfg, pad); res.Levering.Geaccepteerd != 2 {
		t.Errorf("%d rijen geaccepteerd, want 2", res.Levering.Geaccepteerd)
	}
}

// sjLijst returns the drop-down list of the column with the given header
// in row 1 (or of the cell, for a form): the validation's formula.
func sjLijst(t *testing.T, pad, blad, kop string) string {
	t.Helper()
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref := kop
	if rows, _ := f.GetRows(blad); len(rows) > 0 {
		if col := slices.Index(rows[0], kop); col >= 0 {
			ref, _ = excelize.ColumnNumberToName(col + 1)
			ref += "2"
		}
	}
	dvs, err := f.GetDataValidations(blad)
	if err != nil {
		t.Fatal(err)
	}
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, ref+":") || dv.Sqref == ref {
			if dv.Type != "list" {
				t.Fatalf("%s!%s: validation %s, want a list", blad, dv.Sqref, dv.Type)
			}
			return dv.Formula1
		}
	}
	t.Fatalf("%s: no validation at %s (%s)", blad, ref, kop)
	return ""
}

// sjTeksten checks what Excel would otherwise refuse to open: hint and
// message texts over its limits.
func sjTeksten(t *testing.T, pad string) {
	t.Helper()
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := func(s *string) int {
		if s == nil {
			return 0
		}
		return len(utf16.Encode([]rune(*s)))
	}
	for _, blad := range f.GetSheetList() {
		dvs, _ := f.GetDataValidations(blad)
		for _, dv := range dvs {
			if n(dv.PromptTitle) > 32 || n(dv.ErrorTitle) > 32 || n(dv.Prompt) > 255 || n(dv.Error) > 255 {
				t.Errorf("%s!%s: validation texts too long for Excel", blad, dv.Sqref)
			}
		}
	}
}

func TestSjabloonBladenEnLijsten(t *testing.T) {
	cfg := sjConfig(t)
	open := func(pad string) *excelize.File {
		f, err := excelize.OpenFile(pad)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	beschermd := func(f *excelize.File, blad string) bool {
		// Only a protected sheet reports selecting cells as allowed.
		opts, err := f.GetSheetProtection(blad)
		if err != nil {
			t.Fatal(err)
		}
		return opts.SelectLockedCells
	}

	vk := sjMaak(t, cfg, sjPartner(t, cfg, "Verloskundigen Lindehoven"))
	f := open(vk)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Uitleg", "Cliënten"}) {
		t.Errorf("bladen %q, want Uitleg first", got)
	}
	if !beschermd(f, "Uitleg") || beschermd(f, "Cliënten") {
		t.Errorf("only Uitleg should be protected")
	}
	uitleg, _ := f.GetRows("Uitleg")
	var tekst strings.Builder
	for _, r := range uitleg {
		tekst.WriteString(strings.Join(r, " ") + "\n")
	}
	for _, want := range []string{"dd-mm-jjjj", "8+3", "ja of nee", ".xlsx", "Verloskundigen_Lindehoven_2026-K3.xlsx"} {
		if !strings.Contains(tekst.String(), want) {
			t.Errorf("Uitleg says nothing about %q", want)
		}
	}
	for kop, want := range map[string]string{
		"Roken tijdens zwangerschap": `"ja,nee,gestopt"`,
		"Kwetsbaarheid gesignaleerd": `"ja,nee"`,
		"Woonplaats":                 `"Lindehoven"`,
	} {
		if got := sjLijst(t, vk, "Cliënten", kop); got != want {
			t.Errorf("%s: list %s, want %s", kop, got, want)
		}
	}
	dvs, _ := f.GetDataValidations("Cliënten")
	soort := map[string]string{}
	for _, dv := range dvs {
		soort[dv.Sqref] = dv.Type
		if dv.PromptTitle == nil || *dv.Prompt == "" {
			t.Errorf("Cliënten!%s has no hint", dv.Sqref)
		}
	}
	if soort["C2:C5001"] != "date" || soort["H2:H5001"] != "date" || soort["J2:J5001"] != "whole" {
		t.Errorf("validations %v; want dates in C and H, a whole number in J, over rows 2-5001", soort)
	}
	if panes, _ := f.GetPanes("Cliënten"); !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row not frozen: %+v", panes)
	}

	// The procesmonitor reader reads the first sheet: the form comes first.
	pm := sjMaak(t, cfg, sjPartner(t, cfg, "Procesmonitor"))
	f = open(pm)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Procesmonitor", "Uitleg"}) || !beschermd(f, "Uitleg") {
		t.Errorf("bladen %q; want the form, then a protected Uitleg", got)
	}
	if got := sjLijst(t, pm, "Procesmonitor", "C8"); got != `"Niet gestart,In ontwikkeling,Gerealiseerd,Geborgd"` {
		t.Errorf("status list %s", got)
	}
	if got := sjLijst(t, pm, "Procesmonitor", "B3"); got != `"Havenstad,Lindehoven,Dijkwaard,Vechtmonde"` {
		t.Errorf("coalitie list %s", got)
	}

	ov := sjMaak(t, cfg, sjPartner(t, cfg, "Ouderverhalen"))
	if got := sjLijst(t, ov, "Verhalen", "Toestemming"); got != `"intern,rapport,openbaar,ingetrokken"` {
		t.Errorf("toestemming list %s", got)
	}
	wt := sjMaak(t, cfg, sjPartner(t, cfg, "Sociaal wijkteam Havenstad"))
	if got := sjLijst(t, wt, "Aanmeldingen", "Hulpvraag"); !strings.Contains(got, "Financiële zorgen") {
		t.Errorf("hulpvraag list %s", got)
	}
	if rows, _ := open(wt).GetRows("Aanmeldingen"); slices.Contains(rows[0], "Gemeente") {
		t.Errorf("a wijkteam of one gemeente gets no Gemeente column: %q", rows[0])
	}
}

// The same request gives the same bytes, and a file already there is
// never overwritten by a different one.
func TestSjabloonVast(t *testing.T) {
	cfg := sjConfig(t)
	p := sjPartner(t, cfg, "JGZ Regio Noord")
	a, b := sjMaak(t, cfg, p), sjMaak(t, cfg, p)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if !bytes.Equal(da, db) {
		t.Fatal("two runs wrote different bytes")
	}
	if err := ingest.Sjabloon(cfg, ingest.Aanvraag{Partner: p, Kwartaal: sjKwartaal}, a); err != nil {
		t.Errorf("same template again: %v", err)
	}
	if err := os.WriteFile(a, []byte("ingevuld"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ingest.Sjabloon(cfg, ingest.Aanvraag{Partner: p, Kwartaal: sjKwartaal}, a); err == nil || !strings.Contains(err.Error(), "bestaat al") {
		t.Errorf("overwrote a different file (err %v)", err)
	}
	if got, _ := os.ReadFile(a); string(got) != "ingevuld" {
		t.Error("existing file changed")
	}
}

func TestSjabloonNaam(t *testing.T) {
	cfg := *sjConfig(t)
	cfg.Partners = append(slices.Clone(cfg.Partners),
		kansrijk.Partner{Naam: "Praktijk Zuid", Bron: kansrijk.BronVerloskunde, Bestanden: []string{"Praktijk_??_*"}, Gemeenten: []string{"Havenstad"}},
		kansrijk.Partner{Naam: "Wijkteam CSV", Bron: kansrijk.BronWijkteam, Bestanden: []string{"wt_zuid_*.csv"}, Gemeenten: []string{"Havenstad"}},
	)
	for partner, want := range map[string]string{
		"Verloskundigen Lindehoven": "Verloskundigen_Lindehoven_2026-K3.xlsx",
		"Ouderverhalen":             "Ouderverhalen_2026-K3.xlsx",
		"Sociaal wijkteam Dalwijk":  "wijkteam_dalwijk_2026-K3.xlsx",
	} {
		got, err := ingest.SjabloonNaam(&cfg, ingest.Aanvraag{Partner: sjPartner(t, &cfg, partner), Kwartaal: sjKwartaal})
		if err != nil || got != want {
			t.Errorf("%s: %q, %v; want %q", partner, got, err, want)
		}
	}
	for _, partner := range []string{"Praktijk Zuid", "Wijkteam CSV"} {
		if got, err := ingest.SjabloonNaam(&cfg, ingest.Aanvraag{Partner: sjPartner(t, &cfg, partner), Kwartaal: sjKwartaal}); err == nil {
			t.Errorf("%s: name %q from a pattern that gives none", partner, got)
		}
	}
	if _, err := ingest.SjabloonNaam(&cfg, ingest.Aanvraag{Partner: sjPartner(t, &cfg, "Codeboek"), Kwartaal: sjKwartaal}); !errors.Is(err, ingest.ErrGeenSjabloon) {
		t.Errorf("codeboek: %v; want ErrGeenSjabloon", err)
	}

	zuid := sjPartner(t, &cfg, "Praktijk Zuid")
	if err := ingest.ControleerSjabloonNaam(&cfg, ingest.Aanvraag{Partner: zuid, Kwartaal: sjKwartaal}, "Praktijk_AB_2026-K3.xlsx"); err != nil {
		t.Errorf("a name the pattern takes: %v", err)
	}
	for naam, want := range map[string]string{
		"Praktijk_A_2026-K3.xlsx":                "past bij geen",
		"Praktijk_AB_2026-K3.csv":                ".xlsx",
		"Praktijk_AB_2026-K2.xlsx":               "noemt kwartaal 2026-K2",
		"Praktijk_AB_export.xlsx":                "zet het kwartaal in de naam",
		"Verloskundigen_Lindehoven_2026-K3.xlsx": "Verloskundigen Lindehoven",
	} {
		if err := ingest.ControleerSjabloonNaam(&cfg, ingest.Aanvraag{Partner: zuid, Kwartaal: sjKwartaal}, naam); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v; want an error about %q", naam, err, want)
		}
	}
	// A name chosen by hand is used as given.
	pad := filepath.Join(t.TempDir(), "Praktijk_AB_2026-K3.xlsx")
	if err := ingest.Sjabloon(&cfg, ingest.Aanvraag{Partner: zuid, Kwartaal: sjKwartaal}, pad); err != nil {
		t.Fatal(err)
	}
	sjImport(t, &cfg, pad)
}

// SjabloonPad: a folder gets the template under its name; a name kansrijk
// would recognise is kept; another is replaced, with the reason.
func TestSjabloonPad(t *testing.T) {
	cfg := sjConfig(t)
	a := ingest.Aanvraag{Partner: sjPartner(t, cfg, "Kraamzorg Noord"), Kwartaal: sjKwartaal}
	naam, err := ingest.SjabloonNaam(cfg, a)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		uit, want, waarom string
	}{
		{"", filepath.Join(dir, "standaard", naam), ""},
		{dir, filepath.Join(dir, naam), ""},
		{filepath.Join(dir, "nog-niet"), filepath.Join(dir, "nog-niet", naam), ""},
		{filepath.Join(dir, "map") + string(filepath.Separator), filepath.Join(dir, "map", naam), ""},
		{filepath.Join(dir, "Kraamzorg_Noord_rapportage_eigen.xlsx"), filepath.Join(dir, "Kraamzorg_Noord_rapportage_eigen.xlsx"), ""},
		{filepath.Join(dir, "sjabloon.xlsx"), filepath.Join(dir, naam), "sjabloon.xlsx past bij geen enkel bestandspatroon"},
		{filepath.Join(dir, "Kraamzorg_Noord_rapportage_2026-K2.xlsx"), filepath.Join(dir, naam), "noemt kwartaal 2026-K2"},
		{filepath.Join(dir, "sjabloon.xls"), filepath.Join(dir, naam), ".xlsx"},
	} {
		pad, waarom, err := ingest.SjabloonPad(cfg, a, tt.uit, filepath.Join(dir, "standaard"))
		if err != nil || pad != tt.want || (tt.waarom == "") != (waarom == "") || !strings.Contains(waarom, tt.waarom) {
			t.Errorf("SjabloonPad(%q) = %q, %q, %v; want %q, %q", tt.uit, pad, waarom, err, tt.want, tt.waarom)
		}
	}
	// The procesmonitor's name carries the coalitie, and its form has it.
	pm := ingest.Aanvraag{Partner: sjPartner(t, cfg, "Procesmonitor"), Kwartaal: sjKwartaal, Coalitie: "vechtmonde"}
	if got, err := ingest.SjabloonNaam(cfg, pm); err != nil || got != "Procesmonitor_vechtmonde_2026-K3.xlsx" {
		t.Errorf("procesmonitor name %q, %v", got, err)
	}
	pad := filepath.Join(t.TempDir(), "Procesmonitor_Vechtmonde_2026-K3.xlsx")
	if err := ingest.Sjabloon(cfg, pm, pad); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if b3, _ := f.GetCellValue("Procesmonitor", "B3"); b3 != "Vechtmonde" {
		t.Errorf("B3 = %q, want the coalitie as kansrijk.toml spells it", b3)
	}
	if err := ingest.Sjabloon(cfg, ingest.Aanvraag{Partner: pm.Partner, Kwartaal: sjKwartaal, Coalitie: "Atlantis"}, pad+".xlsx"); err == nil {
		t.Error("a coalitie that does not exist was accepted")
	}
}

// Every column with a fixed form has a check, and the check takes what
// the reader takes: weeks+days in the duration columns, a kwartaal in
// the kraamzorg's Periode and the procesmonitor's Kwartaal. The formulas
// are evaluated by LibreOffice (excelize's engine does not pass errors
// on through AND, as Excel and LibreOffice do).
func TestSjabloonControles(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("soffice (LibreOffice) ontbreekt; de controles worden niet uitgerekend")
	}
	cfg := sjConfig(t)
	formule := func(pad, blad, cel string) string {
		t.Helper()
		f, err := excelize.OpenFile(pad)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dvs, _ := f.GetDataValidations(blad)
		for _, dv := range dvs {
			if strings.HasPrefix(dv.Sqref, cel+":") || dv.Sqref == cel {
				if dv.Type != "custom" {
					t.Fatalf("%s!%s: check %s, want a formula", blad, cel, dv.Type)
				}
				return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(dv.Formula1)
			}
		}
		t.Fatalf("%s: no check at %s", blad, cel)
		return ""
	}
	vk := sjMaak(t, cfg, sjPartner(t, cfg, "Verloskundigen Lindehoven"))
	kz := sjMaak(t, cfg, sjPartner(t, cfg, "Kraamzorg Noord"))
	pm := sjMaak(t, cfg, sjPartner(t, cfg, "Procesmonitor"))
	type geval struct {
		controle, waarde string
		goed             bool
	}
	var gevallen []geval
	for _, tt := range []struct {
		pad, blad, cel string
		goed, fout     []string
	}{
		{vk, "Cliënten", "D2", []string{"8+3", "9", "10+0", "12+6", "10 + 5"}, []string{"8+7", "8,3", "acht", "8+", "+3", "8+2.5", "-3"}},
		{vk, "Cliënten", "I2", []string{"39+2", "40"}, []string{"39+9", "39 weken"}},
		{kz, "Rapportage", "B2", []string{"2026-K3", "2025-K1"}, []string{"2026-Q3", "K3 2026", "2026-K5", "2026K3"}},
		{pm, "Procesmonitor", "B4", []string{"2026-K3"}, []string{"2026-K0", "derde kwartaal"}},
	} {
		f := formule(tt.pad, tt.blad, tt.cel)
		for _, w := range tt.goed {
			gevallen = append(gevallen, geval{strings.ReplaceAll(f, tt.cel, "A%d"), w, true})
		}
		for _, w := range tt.fout {
			gevallen = append(gevallen, geval{strings.ReplaceAll(f, tt.cel, "A%d"), w, false})
		}
	}
	// One row per case: the value as text in A, the check in B.
	x := excelize.NewFile()
	for i, g := range gevallen {
		r := i + 1
		if err := x.SetCellStr("Sheet1", fmt.Sprintf("A%d", r), g.waarde); err != nil {
			t.Fatal(err)
		}
		if err := x.SetCellFormula("Sheet1", fmt.Sprintf("B%d", r), strings.ReplaceAll(g.controle, "A%d", fmt.Sprintf("A%d", r))); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "controles.xlsx")
	if err := x.SaveAs(in); err != nil {
		t.Fatal(err)
	}
	x.Close()
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--convert-to", "csv", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "controles.csv"))
	if err != nil {
		t.Fatal(err)
	}
	regels := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(regels) != len(gevallen) {
		t.Fatalf("%d results for %d cases:\n%s", len(regels), len(gevallen), data)
	}
	for i, g := range gevallen {
		_, uit, _ := strings.Cut(strings.TrimSpace(regels[i]), ",")
		if got := uit == "TRUE"; got != g.goed {
			t.Errorf("%q: check gives %s, want %v (%s)", g.waarde, uit, g.goed, g.controle)
		}
	}
}

// Text that a spreadsheet would run as a formula (a coalitie or a
// gemeente named =HYPERLINK(...) in kansrijk.toml) is written inert.
func TestSjabloonFormuleVeilig(t *testing.T) {
	cfg := *sjConfig(t)
	const link = `=HYPERLINK("http://x","klik")`
	cfg.Coalities = slices.Clone(cfg.Coalities)
	cfg.Coalities[0].Gemeenten = append(slices.Clone(cfg.Coalities[0].Gemeenten), link)
	cfg.Partners = append(slices.Clone(cfg.Partners), kansrijk.Partner{Naam: "Kraamzorg Alles", Bron: kansrijk.BronKraamzorg, Bestanden: []string{"Kraam_Alles_*"}})
	pad := sjMaak(t, &cfg, sjPartner(t, &cfg, "Kraamzorg Alles"))
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Rapportage")
	gezien := false
	for i, r := range rows {
		for j, v := range r {
			cel, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if fm, _ := f.GetCellFormula("Rapportage", cel); fm != "" {
				t.Errorf("%s holds formula %q", cel, fm)
			}
			if strings.Contains(v, "HYPERLINK") {
				gezien = true
				if v != "'"+link {
					t.Errorf("%s = %q, want it behind an apostrophe", cel, v)
				}
			}
		}
	}
	if !gezien {
		t.Error("the gemeente is not in the template; the test proves nothing")
	}
}
