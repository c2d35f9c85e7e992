package ingest

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kansrijk/sheet"
	"kansrijk/store"
)

// colWidths counts the column widths (<col> elements) of the first
// copied sheet of a terugmelding.
func colWidths(t *testing.T, p string) int {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet2.xml" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		return strings.Count(string(b), "<col ")
	}
	t.Fatal("no copied sheet")
	return 0
}

// breedCSV writes a CSV of n columns and a few rows, every cell filled.
func breedCSV(t *testing.T, n, rijen int) string {
	t.Helper()
	var b strings.Builder
	for r := 0; r < rijen; r++ {
		for c := 0; c < n; c++ {
			if c > 0 {
				b.WriteByte(';')
			}
			fmt.Fprintf(&b, "w%d_%d", c%97, r) // widths vary from column to column
		}
		b.WriteString("\r\n")
	}
	p := filepath.Join(t.TempDir(), fmt.Sprintf("wijkteam_breed_%d.csv", n))
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestTerugmeldingVeelKolommen: the column widths of a terugmelding are
// bounded (excelize's SetColWidth is quadratic in the columns already
// set, so a 1.4 MB CSV of 10,000 columns took minutes): at most
// maxBreedKolommen columns get a width, whatever the file holds, and a
// file of 10,000 columns is done like any other.
func TestTerugmeldingVeelKolommen(t *testing.T) {
	for _, n := range []int{400, 10_000} {
		if n > 400 && testing.Short() {
			continue
		}
		bron := breedCSV(t, n, 14)
		uit := filepath.Join(t.TempDir(), "uit.xlsx")
		// A CSV's one sheet has no name: the messages name none.
		m := []store.Melding{{Location: sheet.Location{File: filepath.Base(bron), Row: 3, Col: 3}, Waarde: "w2_1", Ernst: store.Fout, Tekst: "fout"}}
		ok, err := Terugmelding(Resultaat{Pad: bron, Meldingen: m}, uit)
		if err != nil || !ok {
			t.Fatalf("%d kolommen: %v %v", n, ok, err)
		}
		if got := colWidths(t, uit); got == 0 || got > 200 {
			t.Errorf("%d kolommen: %d column widths, want between 1 and 200", n, got)
		}
	}
}
