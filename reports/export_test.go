package reports

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/eval"
)

func TestWriteXLSX(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	cs := []eval.Cijfer{
		{Coalitie: "Havenstad", Kwartaal: q, Indicator: "KS01", Teller: 333, Noemer: 437, Status: eval.StatusOK},
		{Coalitie: "Dijkwaard", Gemeente: "Dijkwaard", Kwartaal: q, Indicator: "KS07", Status: eval.StatusBronOnderdrukt},
		{Coalitie: "=HYPERLINK(\"http://x\",\"klik\")", Kwartaal: q, Indicator: "@SUM(A1)", Teller: 0, Noemer: 0, Status: eval.StatusGeenNoemer},
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Tabel{CijferTabel(cs), AanleverTabel([]eval.Aanlevering{{Coalitie: "Havenstad", Partner: "P", Kwartaal: q, Status: eval.Ontbreekt}})}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) != 2 || got[0] != "Cijfers" || got[1] != "Aanleverstatus" {
		t.Fatalf("sheets = %v", got)
	}
	// Numbers are numbers: teller 333 in E2, and 333/437 as a fraction.
	if typ, _ := x.GetCellType("Cijfers", "E2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("E2 type %v, want a number", typ)
	}
	if v, _ := x.GetCellValue("Cijfers", "G2", excelize.Options{RawCellValue: true}); v[:6] != "0.7620" {
		t.Errorf("G2 = %s, want 333/437 = 0.7620...", v)
	}
	if v, _ := x.GetCellValue("Cijfers", "G2"); v != "76.20%" {
		t.Errorf("G2 shows %q, want 76.20%%", v)
	}
	// Suppressed at the source: no counts, no value.
	for _, c := range []string{"E3", "F3", "G3"} {
		if v, _ := x.GetCellValue("Cijfers", c); v != "" {
			t.Errorf("%s = %q, want empty", c, v)
		}
	}
	// Text from input stays text.
	for _, c := range []string{"A4", "D4"} {
		if f, _ := x.GetCellFormula("Cijfers", c); f != "" {
			t.Errorf("%s became a formula: %s", c, f)
		}
	}
	if v, _ := x.GetCellValue("Cijfers", "A4"); v != "'"+cs[2].Coalitie {
		t.Errorf("A4 = %q", v)
	}
	if v, _ := x.GetCellValue("Aanleverstatus", "D2"); v != "ontbreekt" {
		t.Errorf("Aanleverstatus D2 = %q", v)
	}
}

// TestWriteXLSXZonderFormules: every text cell of the workbook, also
// those of the stories sheets that come through CSV, is a string with an
// apostrophe before a formula; numbers, a negative one too, are numbers.
func TestWriteXLSXZonderFormules(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	cs := []eval.Cijfer{{Coalitie: "=1+2", Gemeente: "+SUM(A1:A9)", Kwartaal: q, Indicator: "@SUM(A1)", Teller: -3, Noemer: 10, Status: eval.StatusOK}}
	verhalen, err := TabelUitCSV("Verhalen codes", []byte("coalitie,code,fragmenten\n\"=DDE(\"\"cmd\"\";\"\"/C calc\"\";\"\"A1\"\")\",＝1,-4\n"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, []Tabel{CijferTabel(cs), verhalen}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, tt := range []struct {
		blad, cel, want string
		typ             excelize.CellType
	}{
		{"Cijfers", "A2", "'=1+2", excelize.CellTypeInlineString},
		{"Cijfers", "B2", "'+SUM(A1:A9)", excelize.CellTypeInlineString},
		{"Cijfers", "D2", "'@SUM(A1)", excelize.CellTypeInlineString},
		{"Cijfers", "E2", "-3", excelize.CellTypeUnset}, // a number: the stream writer leaves out t="n"
		{"Verhalen codes", "A2", `'=DDE("cmd";"/C calc";"A1")`, excelize.CellTypeInlineString},
		{"Verhalen codes", "B2", "'＝1", excelize.CellTypeInlineString},
		{"Verhalen codes", "C2", "-4", excelize.CellTypeUnset},
	} {
		if f, _ := x.GetCellFormula(tt.blad, tt.cel); f != "" {
			t.Errorf("%s!%s is a formula: %s", tt.blad, tt.cel, f)
		}
		if v, _ := x.GetCellValue(tt.blad, tt.cel); v != tt.want {
			t.Errorf("%s!%s = %q, want %q", tt.blad, tt.cel, v, tt.want)
		}
		if typ, _ := x.GetCellType(tt.blad, tt.cel); typ != tt.typ {
			t.Errorf("%s!%s has type %v, want %v", tt.blad, tt.cel, typ, tt.typ)
		}
	}
}
