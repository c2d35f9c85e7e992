package eval_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// TestWriteCSVZonderFormules: text from the configuration never reaches
// cijfers.csv as a live formula (a coalitie named =1+2); numbers, also a
// negative one, stay numbers.
func TestWriteCSVZonderFormules(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	var buf bytes.Buffer
	err := eval.WriteCSV(&buf, []eval.Cijfer{
		{Coalitie: "=1+2", Gemeente: "+SUM(A1:A9)", Kwartaal: q, Indicator: "@SUM(A1)", Teller: -3, Noemer: 10, Status: eval.StatusOK},
		{Coalitie: `=HYPERLINK("http://x.nl","klik")`, Gemeente: "＝1+2", Kwartaal: q, Indicator: "\t=1", Teller: 1, Noemer: 4, Status: eval.StatusKlein},
	})
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		eval.ExportKolommen,
		{"'=1+2", "'+SUM(A1:A9)", "2026-K3", "'@SUM(A1)", "-3", "10", "-0.3", "ok"},
		{`'=HYPERLINK("http://x.nl","klik")`, "'＝1+2", "2026-K3", "'\t=1", "1", "4", "0.25", "klein_aantal"},
	}
	for i := range want {
		for j := range want[i] {
			if i >= len(recs) || j >= len(recs[i]) || recs[i][j] != want[i][j] {
				t.Errorf("rij %d: %q, want %q", i, recs[min(i, len(recs)-1)], want[i])
				break
			}
		}
	}
}
