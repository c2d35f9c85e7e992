package reports

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"strconv"

	"github.com/xuri/excelize/v2"

	"kansrijk/bestand"
	"kansrijk/csvuit"
	"kansrijk/eval"
)

// Tabel is one sheet of the export workbook: a header and rows of cells.
// A cell is a string (always written as text, "=1+1" as "'=1+1", see
// csvuit), an int, a float64, or a Percentage.
type Tabel struct {
	Naam  string
	Kop   []string
	Rijen [][]any
}

// Percentage is a fraction shown as a percentage in the workbook.
type Percentage float64

// CijferTabel lays out figures as the export's first sheet: the same
// columns as the CSV export, with numbers as numbers.
func CijferTabel(cijfers []eval.Cijfer) Tabel {
	t := Tabel{Naam: "Cijfers", Kop: eval.ExportKolommen}
	for _, c := range cijfers {
		row := []any{c.Coalitie, c.Gemeente, c.Kwartaal.String(), c.Indicator, nil, nil, nil, string(c.Status)}
		if c.Status != eval.StatusBronOnderdrukt && c.Status != eval.StatusNietBeschikbaar {
			row[4], row[5] = c.Teller, c.Noemer
		}
		if v, ok := c.Waarde(); ok {
			row[6] = Percentage(v)
		}
		t.Rijen = append(t.Rijen, row)
	}
	return t
}

// AanleverTabel lays out the delivery status per coalitie, partner and
// kwartaal.
func AanleverTabel(as []eval.Aanlevering) Tabel {
	t := Tabel{Naam: "Aanleverstatus", Kop: []string{"coalitie", "partner", "kwartaal", "status", "leveringen"}}
	for _, a := range as {
		t.Rijen = append(t.Rijen, []any{a.Coalitie, a.Partner, a.Kwartaal.String(), string(a.Status), a.Leveringen})
	}
	return t
}

// TabelUitCSV turns a CSV table (a header and rows) into a sheet of the
// workbook: whole numbers become numbers, everything else stays text.
func TabelUitCSV(naam string, data []byte) (Tabel, error) {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return Tabel{}, &bestand.Fout{Wat: "het lezen van de tabel " + naam, Err: err}
	}
	t := Tabel{Naam: naam}
	if len(recs) == 0 {
		return t, nil
	}
	t.Kop = recs[0]
	for _, rec := range recs[1:] {
		row := make([]any, len(rec))
		for i, v := range rec {
			if n, err := strconv.Atoi(v); err == nil && v == strconv.Itoa(n) {
				row[i] = float64(n)
			} else if v != "" {
				row[i] = v
			}
		}
		t.Rijen = append(t.Rijen, row)
	}
	return t, nil
}

// WriteXLSX writes tables as a tidy workbook: one sheet per table, a
// bold frozen header with an autofilter, typed cells (numbers as numbers,
// percentages formatted), and text that can never run as a formula.
func WriteXLSX(w io.Writer, tabellen []Tabel) error {
	x := excelize.NewFile()
	defer x.Close()
	// Fixed properties: the same figures give the same workbook.
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "kansrijk", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return opmaakFout("", err)
	}
	kop, _ := x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E6F0F0"}}})
	pct, _ := x.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	for i, t := range tabellen {
		if i == 0 {
			if err := x.SetSheetName("Sheet1", t.Naam); err != nil {
				return opmaakFout(t.Naam, err)
			}
		} else if _, err := x.NewSheet(t.Naam); err != nil {
			return opmaakFout(t.Naam, err)
		}
		sw, err := x.NewStreamWriter(t.Naam)
		if err != nil {
			return opmaakFout(t.Naam, err)
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return opmaakFout(t.Naam, err)
		}
		for c := range t.Kop {
			if err := sw.SetColWidth(c+1, c+1, 16); err != nil {
				return opmaakFout(t.Naam, err)
			}
		}
		head := make([]any, len(t.Kop))
		for c, h := range t.Kop {
			head[c] = excelize.Cell{StyleID: kop, Value: h}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return opmaakFout(t.Naam, err)
		}
		for r, row := range t.Rijen {
			cells := make([]any, len(row))
			for c, v := range row {
				cells[c] = cel(v, pct)
			}
			addr, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(addr, cells); err != nil {
				return opmaakFout(t.Naam, err)
			}
		}
		if err := sw.Flush(); err != nil {
			return opmaakFout(t.Naam, err)
		}
		if len(t.Kop) > 0 {
			last, _ := excelize.CoordinatesToCellName(len(t.Kop), len(t.Rijen)+1)
			if err := x.AutoFilter(t.Naam, "A1:"+last, nil); err != nil {
				return opmaakFout(t.Naam, err)
			}
		}
	}
	if _, err := x.WriteTo(w); err != nil {
		return &bestand.Fout{Wat: "het schrijven van het Excel-bestand", Err: err}
	}
	return nil
}

// opmaakFout is an excelize error while making the sheet blad, in Dutch.
func opmaakFout(blad string, err error) error {
	wat := "het opmaken van het Excel-bestand"
	if blad != "" {
		wat += " (blad " + blad + ")"
	}
	return &bestand.Fout{Wat: wat, Err: err}
}

// cel turns a table value into a typed stream-writer cell. Strings go
// through excelize's string type, which never becomes a formula, and
// through csvuit.Tekst, so that the sheet saved or copied as CSV stays
// inert too; NaN and infinities become empty cells.
func cel(v any, pct int) any {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return excelize.Cell{Value: csvuit.Tekst(x)}
	case Percentage:
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return nil
		}
		return excelize.Cell{StyleID: pct, Value: float64(x)}
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil
		}
		return x
	}
	return v
}
