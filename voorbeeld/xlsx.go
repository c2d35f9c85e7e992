package voorbeeld

import (
	"fmt"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// vasteDatum is the creation date in every workbook's properties, so two
// runs write the same files.
const vasteDatum = "2026-10-12T09:00:00Z"

// stijlen are the cell styles the sample deliveries share.
type stijlen struct {
	titel, kop, datum, tekst, vet, voetnoot int
	uren, procent, vetUren, vetProcent      int
}

// werkboek is a new workbook with the house styles.
type werkboek struct {
	f *excelize.File
	s stijlen
}

// nieuwWerkboek creates a workbook whose first sheet is called blad and
// whose author is maker.
func nieuwWerkboek(maker, blad string) (*werkboek, error) {
	f := excelize.NewFile()
	w := &werkboek{f: f}
	if err := f.SetSheetName("Sheet1", blad); err != nil {
		return nil, err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: maker, LastModifiedBy: maker, Created: vasteDatum, Modified: vasteDatum,
	}); err != nil {
		return nil, err
	}
	kopVulling := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}
	boven := &excelize.Alignment{Vertical: "top", WrapText: true}
	procent := "0.0%"
	datum := "DD-MM-YYYY"
	defs := []struct {
		id *int
		st excelize.Style
	}{
		{&w.s.titel, excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}},
		{&w.s.kop, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: kopVulling, Alignment: boven}},
		{&w.s.datum, excelize.Style{CustomNumFmt: &datum}},
		{&w.s.tekst, excelize.Style{Alignment: boven}},
		{&w.s.vet, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&w.s.voetnoot, excelize.Style{Font: &excelize.Font{Italic: true, Size: 9}}},
		{&w.s.uren, excelize.Style{NumFmt: 4}},
		{&w.s.procent, excelize.Style{CustomNumFmt: &procent}},
		{&w.s.vetUren, excelize.Style{NumFmt: 4, Font: &excelize.Font{Bold: true}}},
		{&w.s.vetProcent, excelize.Style{CustomNumFmt: &procent, Font: &excelize.Font{Bold: true}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	return w, nil
}

// maakWerkboek writes dir/naam: a workbook by maker whose first sheet blad
// is filled by vul.
func maakWerkboek(dir, naam, maker, blad string, vul func(*werkboek) error) error {
	w, err := nieuwWerkboek(maker, blad)
	if err != nil {
		return fmt.Errorf("%s: %w", naam, err)
	}
	if err := vul(w); err != nil {
		w.f.Close()
		return fmt.Errorf("%s: %w", naam, err)
	}
	return w.opslaan(dir, naam)
}

// opslaan writes the workbook to dir/naam and closes it.
func (w *werkboek) opslaan(dir, naam string) error {
	err := w.f.SaveAs(filepath.Join(dir, naam))
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s schrijven: %w", naam, err)
	}
	return nil
}

// kop wraps header texts in the header style.
func (w *werkboek) kop(teksten ...string) []any {
	rij := make([]any, len(teksten))
	for i, t := range teksten {
		rij[i] = excelize.Cell{StyleID: w.s.kop, Value: t}
	}
	return rij
}

// cel is a value with a style.
func cel(stijl int, v any) excelize.Cell { return excelize.Cell{StyleID: stijl, Value: v} }

// stroom writes a sheet row by row with excelize's StreamWriter, which keeps
// memory flat for the large record sheets.
type stroom struct {
	sw  *excelize.StreamWriter
	rij int
}

// nieuweStroom starts streaming sheet blad with the given column widths and,
// if vast > 0, the top vast rows frozen.
func (w *werkboek) nieuweStroom(blad string, breedtes []float64, vast int) (*stroom, error) {
	sw, err := w.f.NewStreamWriter(blad)
	if err != nil {
		return nil, err
	}
	for i, b := range breedtes {
		if err := sw.SetColWidth(i+1, i+1, b); err != nil {
			return nil, err
		}
	}
	if vast > 0 {
		links, _ := excelize.CoordinatesToCellName(1, vast+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: vast, TopLeftCell: links, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A1", ActiveCell: "A1", Pane: "bottomLeft"}},
		}); err != nil {
			return nil, err
		}
	}
	return &stroom{sw: sw}, nil
}

// schrijf writes the next row; nil values leave a cell empty.
func (s *stroom) schrijf(waarden ...any) error {
	s.rij++
	ref, err := excelize.CoordinatesToCellName(1, s.rij)
	if err != nil {
		return err
	}
	return s.sw.SetRow(ref, waarden)
}

// leeg skips a row.
func (s *stroom) leeg() { s.rij++ }

func (s *stroom) klaar() error { return s.sw.Flush() }

// toelichting adds a sheet "Toelichting" with one line of text per row.
func (w *werkboek) toelichting(regels ...string) error {
	const blad = "Toelichting"
	if _, err := w.f.NewSheet(blad); err != nil {
		return err
	}
	if err := w.f.SetColWidth(blad, "A", "A", 100); err != nil {
		return err
	}
	for i, r := range regels {
		if err := w.f.SetCellStr(blad, fmt.Sprintf("A%d", i+1), r); err != nil {
			return err
		}
	}
	return nil
}
