package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/workspace"
)

// benchSchaal is the size of the work unit: KANSRIJK_BENCH_SCHAAL=69 is the
// national one (276 coalities); the default keeps make bench short.
func benchSchaal() int {
	if n, err := strconv.Atoi(os.Getenv("KANSRIJK_BENCH_SCHAAL")); err == nil && n > 0 {
		return n
	}
	return 4
}

// piekGeheugen is the process's peak resident memory in MiB (Linux), or 0,
// since the last write of 5 to /proc/self/clear_refs: the peaks of the
// import and of the reports are measured apart.
func piekGeheugen() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkEindTotEind times the whole run on one work unit: import of
// every file (with terugmeldingen) and a PDF and HTML report per
// coalitie, and the bare cost of streaming the same xlsx files with
// excelize, so the import's overhead shows as a ratio.
func BenchmarkEindTotEind(b *testing.B) {
	stelGeheugenIn() // as the kansrijk command does
	schaal := benchSchaal()
	dir := filepath.Join(b.TempDir(), "w")
	if code, _, stderr := runCLI(b, "voorbeeld", dir, "--schaal", strconv.Itoa(schaal)); code != 0 {
		b.Fatalf("voorbeeld: %s", stderr)
	}
	w, err := workspace.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	files, _, _ := ingest.Bestanden([]string{w.Inbox()})
	ctx := context.Background()

	for b.Loop() {
		// Bare streaming read of every xlsx: the floor for the import.
		t0 := time.Now()
		for _, f := range files {
			if filepath.Ext(f) != ".xlsx" {
				continue
			}
			x, err := excelize.OpenFile(f)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range x.GetSheetList() {
				rows, _ := x.Rows(s)
				for rows.Next() {
					_, _ = rows.Columns(excelize.Options{RawCellValue: true})
				}
				rows.Close()
			}
			x.Close()
		}
		kaal := time.Since(t0)

		os.RemoveAll(w.Database())
		os.RemoveAll(w.Terugmeldingen())
		db, err := store.Open(w.Database(), store.Schrijven)
		if err != nil {
			b.Fatal(err)
		}
		im := &ingest.Importer{DB: db, Config: &w.Config, Now: time.Now, Terugmeldingen: w.Terugmeldingen()}
		rijen := 0
		_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
		t1 := time.Now()
		im.Alle(ctx, files, runtime.NumCPU(), func(_ int, res ingest.Resultaat) { rijen += res.Levering.Rijen })
		invoer := time.Since(t1)
		// Again, with nothing changed: every file is known already.
		t4 := time.Now()
		opnieuw := 0
		im.Alle(ctx, files, runtime.NumCPU(), func(_ int, res ingest.Resultaat) {
			if res.Status != ingest.AlIngelezen {
				opnieuw++
			}
		})
		if opnieuw > 0 {
			b.Fatalf("herhaalde import las %d bestanden opnieuw in, want 0", opnieuw)
		}
		invoerHerhaald := time.Since(t4)
		piekInvoer := piekGeheugen()
		_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)

		db.Close()

		// The reports as kansrijk rapport makes them, then again with
		// nothing changed: only the check that nothing did.
		n := len(w.Config.Coalities)
		rapporteer := func(want string) {
			code, stdout, stderr := runCLI(b, "rapport", "-w", dir, "--kwartaal", laatste.String(), "--datum", "2026-11-23")
			if code != 0 || !strings.Contains(stdout, want) {
				b.Fatalf("rapport: exit %d, want %q in the summary\n%.500s%s", code, want, stdout, stderr)
			}
		}
		t2 := time.Now()
		rapporteer(fmt.Sprintf("%d bijgewerkt, 0 ongewijzigd", n))
		rapport := time.Since(t2)
		t3 := time.Now()
		rapporteer(fmt.Sprintf("0 bijgewerkt, %d ongewijzigd", n))
		herhaling := time.Since(t3)

		b.ReportMetric(float64(len(files))/invoer.Seconds(), "bestanden/s")
		b.ReportMetric(float64(rijen)/invoer.Seconds(), "rijen/s")
		b.ReportMetric(float64(len(w.Config.Coalities))/rapport.Seconds(), "rapporten/s")
		b.ReportMetric((invoer + rapport).Seconds(), "s-import+rapporten")
		b.ReportMetric(invoer.Seconds(), "s-import")
		b.ReportMetric(invoerHerhaald.Seconds(), "s-import-herhaald")
		b.ReportMetric(rapport.Seconds(), "s-rapporten")
		b.ReportMetric(herhaling.Seconds(), "s-rapporten-herhaald")
		b.ReportMetric(invoer.Seconds()/kaal.Seconds(), "import/kaal-lezen")
		b.ReportMetric(piekInvoer, "MiB-piek-import")
		b.ReportMetric(piekGeheugen(), "MiB-piek-rapporten")
	}
}

// laatste is the last kwartaal of the example workspace.
var laatste = kansrijk.Kwartaal{Jaar: 2026, K: 3}
