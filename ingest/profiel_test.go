package ingest_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/store"
)

// A partner with an export kansrijk has never seen is read by describing
// it in a bronprofiel: sheet, header texts, words for ja/nee/onbekend and
// the unit of weights. No code changes.
func TestBronprofiel(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Overzicht")
	f.NewSheet("Data")
	f.SetCellStr("Overzicht", "A1", "Cliëntnummer staat op blad Data") // a decoy
	f.SetSheetRow("Data", "A1", &[]string{"Kwartaaloverzicht praktijk Zuid"})
	f.SetSheetRow("Data", "A3", &[]string{"Klantnr", "Plaats", "1e controle", "AD", "Rookt (j/n)", "Signalering", "Geboren op", "Duur", "Gewicht (kg)"})
	rows := [][]string{
		{"K1", "Havenstad", "05-01-2025", "8+0", "wel", "niet", "", "", ""},
		{"K2", "Havenstad", "06-01-2025", "11+0", "niet", "wel", "", "", ""},
		{"K3", "Havenstad", "07-01-2025", "9+2", "geen idee", "niet", "", "", ""},
		{"K4", "Havenstad", "08-01-2024", "9+2", "niet", "niet", "10-02-2025", "38+0", "3,25"},
		{"K5", "Havenstad", "09-01-2024", "9+2", "niet", "niet", "11-02-2025", "39+0", "2,1"},
	}
	for i, r := range rows {
		f.SetSheetRow("Data", "A"+string(rune('4'+i)), &r)
	}
	path := filepath.Join(dir, "Praktijk_Zuid_2025-K1.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	cfg := &kansrijk.Config{
		Coalities: []kansrijk.Coalitie{{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}}},
		Partners: []kansrijk.Partner{
			{Naam: "Praktijk Zuid", Bron: kansrijk.BronVerloskunde, Bestanden: []string{"Praktijk_Zuid_*"}, Gemeenten: []string{"Havenstad"}, Profiel: "zuid"},
			{Naam: "Praktijk Noord", Bron: kansrijk.BronVerloskunde, Bestanden: []string{"Praktijk_Noord_*"}, Gemeenten: []string{"Havenstad"}, Profiel: "noord"},
		},
		Profielen: []kansrijk.Profiel{
			{Naam: "zuid", Bron: kansrijk.BronVerloskunde, Blad: "Data", Ja: []string{"wel"}, Nee: []string{"niet"}, Onbekend: []string{"geen idee"}, Gewicht: "kg",
				Kolommen: map[string][]string{
					"client": {"Klantnr"}, "gemeente": {"Plaats"}, "eerste": {"1e controle"}, "amenorroe": {"AD"},
					"roken": {"Rookt"}, "kwetsbaar": {"Signalering"}, "bevalling": {"Geboren op"}, "duur": {"Duur"}, "gewicht": {"Gewicht"},
				}},
			{Naam: "noord", Bron: kansrijk.BronVerloskunde, Blad: "Gegevens"},
		},
		Indicatoren: kansrijk.DefaultIndicatoren(),
	}
	db, err := store.Open(filepath.Join(dir, "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := &ingest.Importer{DB: db, Config: cfg, Now: time.Now}
	res := im.Bestand(context.Background(), path)
	if res.Status != ingest.Ingelezen {
		t.Fatalf("%s: %s", res.Status, res.Fout)
	}
	// The only error: the export has no column for Verwezen naar.
	for _, m := range res.Meldingen {
		if m.Ernst == store.Fout && !strings.Contains(m.Tekst, "kolom 'Verwezen naar' ontbreekt") {
			t.Errorf("unexpected error message: %s %s", m.Plaats(), m.Tekst)
		}
	}
	cs, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// By hand: 2025-K1 first check-ups K1, K2, K3: KS01 2 of 3 before
	// 10+0; KS04 smoking 1 of 2 known (K3's "geen idee" is unknown);
	// births in 2025-K1 K4 (3,25 kg) and K5 (2,1 kg): KS03 1 of 2.
	want := map[string][2]float64{"KS01": {2, 3}, "KS04": {1, 2}, "KS05": {1, 3}, "KS03": {1, 2}}
	for _, c := range cs {
		if c.Indicator == "KS06" && c.Status != eval.StatusNietBeschikbaar {
			t.Errorf("KS06 without a Verwezen naar column: %v, want niet beschikbaar", c)
		}
		if w, ok := want[c.Indicator]; ok && c.Gemeente == "Havenstad" && c.Kwartaal.String() == "2025-K1" {
			if c.Teller != w[0] || c.Noemer != w[1] {
				t.Errorf("%s = %v/%v, want %v/%v", c.Indicator, c.Teller, c.Noemer, w[0], w[1])
			}
			delete(want, c.Indicator)
		}
	}
	if len(want) > 0 {
		t.Errorf("no figures for %v", want)
	}

	// A profiel naming a sheet the workbook lacks: a clear refusal.
	noord := filepath.Join(dir, "Praktijk_Noord_2025-K1.xlsx")
	f.SaveAs(noord)
	res = im.Bestand(context.Background(), noord)
	if res.Status != ingest.Afgewezen || !strings.Contains(res.Fout, "blad 'Gegevens' ontbreekt") || !strings.Contains(res.Fout, "Overzicht, Data") {
		t.Errorf("missing sheet: %s %q", res.Status, res.Fout)
	}
}
