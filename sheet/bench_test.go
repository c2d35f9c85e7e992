package sheet

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchFiles are the xlsx files the benchmarks read: the shared samples,
// or those of the folder in SHEET_BENCH_DIR (say, the inbox of
// kansrijk voorbeeld --schaal 4).
func benchFiles(b *testing.B) []string {
	dir := os.Getenv("SHEET_BENCH_DIR")
	if dir == "" {
		dir = "../../shared/samples"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(files) == 0 {
		b.Skipf("geen xlsx-bestanden in %s; benchmark overgeslagen", dir)
	}
	return files
}

// BenchmarkRows reads every sheet of the files with sheet's reader.
func BenchmarkRows(b *testing.B) {
	files := benchFiles(b)
	cells := 0
	for b.Loop() {
		for _, p := range files {
			f, err := Open(p)
			if err != nil {
				continue
			}
			for _, s := range f.Sheets() {
				f.Rows(s, func(_ int, c []string) error { cells += len(c); return nil })
			}
			f.Close()
		}
	}
	b.ReportMetric(float64(cells)/float64(b.N), "cells/op")
}

// BenchmarkExcelizeRows reads the same with excelize's streaming Rows,
// as sheet did before it had its own reader.
func BenchmarkExcelizeRows(b *testing.B) {
	files := benchFiles(b)
	cells := 0
	for b.Loop() {
		for _, p := range files {
			x, err := excelize.OpenFile(p)
			if err != nil {
				continue
			}
			for _, s := range x.GetSheetList() {
				rows, err := x.Rows(s)
				if err != nil {
					continue
				}
				for rows.Next() {
					c, _ := rows.Columns(excelize.Options{RawCellValue: true})
					cells += len(c)
				}
				rows.Close()
			}
			x.Close()
		}
	}
	b.ReportMetric(float64(cells)/float64(b.N), "cells/op")
}
