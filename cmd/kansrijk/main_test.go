package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kansrijk/store"
)

const samples = "../../../shared/samples"

func runCLI(t testing.TB, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		args []string
		want string
	}{
		{nil, "Gebruik:"},
		{[]string{"onzin"}, "onbekende opdracht"},
		{[]string{"rapport", "-w", dir}, "--kwartaal is verplicht"},
		{[]string{"rapport", "-w", dir, "--kwartaal", "2026-K9"}, "geen kwartaal"},
		{[]string{"export", "-w", dir}, "--uit is verplicht"},
		{[]string{"import", "-w", dir}, "geef één of meer bestanden"},
		{[]string{"voorbeeld"}, "geef precies één WERKMAP"},
		{[]string{"voorbeeld", dir, "--schaal", "0"}, "--schaal"},
		{[]string{"init", dir, "--bestaatniet"}, "onbekende optie"},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, tt.args...)
		if code != exitGebruik {
			t.Errorf("kansrijk %v: exit %d, want %d", tt.args, code, exitGebruik)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("kansrijk %v: stderr %q, want it to contain %q", tt.args, stderr, tt.want)
		}
	}
}

func TestNotAWorkspace(t *testing.T) {
	code, _, stderr := runCLI(t, "export", "-w", t.TempDir(), "--uit", "x.csv")
	if code != exitInvoer || !strings.Contains(stderr, "geen werkmap") {
		t.Errorf("exit %d, stderr %q; want exit 1 and a Dutch hint", code, stderr)
	}
}

func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d: %s", code, stderr)
	}
	for _, p := range []string{"kansrijk.toml", "inbox", "rapporten", "kansrijk.duckdb"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Errorf("init made no %s", p)
		}
	}
	if code, _, stderr := runCLI(t, "init", dir); code == 0 || !strings.Contains(stderr, "bestaat al") {
		t.Errorf("second init: exit %d, %q; want a refusal", code, stderr)
	}
}

// readExport returns the export rows keyed by coalitie|gemeente|kwartaal|indicator.
func readExport(t *testing.T, path string) map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "coalitie,gemeente,kwartaal,indicator,teller,noemer,waarde,status" {
		t.Fatalf("export header = %s", got)
	}
	out := map[string][]string{}
	for _, r := range recs[1:] {
		out[strings.Join(r[:4], "|")] = r
	}
	return out
}

// pdfText extracts a PDF's text with pdftotext, or skips.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext ontbreekt (apt-get install poppler-utils); PDF-inhoud niet gecontroleerd")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// TestSamplesEndToEnd runs the skeleton path on the shared partner
// deliveries: verloskunde exports and story logs in, reports and export out.
func TestSamplesEndToEnd(t *testing.T) {
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("%s ontbreekt (de gedeelde voorbeeldleveringen staan niet naast deze repository); test overgeslagen", samples)
	}
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir, "--config", "../../testdata/voorbeeld/kansrijk.toml"); code != 0 {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	var files []string
	for _, pat := range []string{"Verlosk*.xlsx", "JGZ_*.xlsx", "Kraamzorg_*.xlsx", "wijkteam_*.csv", "Procesmonitor_*.xlsx",
		"Ouderverhalen_*.xlsx", "Ouderverhalen_*.qdpx", "Codeboek.xlsx", "Personas.xlsx"} {
		fs, _ := filepath.Glob(filepath.Join(samples, pat))
		files = append(files, fs...)
	}
	code, stdout, stderr := runCLI(t, append([]string{"import", "-w", dir}, files...)...)
	if code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	n := len(files)
	if !strings.Contains(stdout, fmt.Sprintf("Klaar: %d bestand(en): %d ingelezen", n, n)) {
		t.Errorf("import summary: %s", stdout)
	}
	// The practice systems' mistakes are reported with their cell.
	found := map[string]store.Melding{}
	db, err := store.Open(filepath.Join(dir, "kansrijk.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	ls, _ := db.Leveringen(context.Background())
	for _, l := range ls {
		ms, err := db.Meldingen(context.Background(), l.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.Ernst == store.Fout {
				found[m.Waarde] = m
			}
		}
	}
	db.Close()
	// Deliberately wrong cells in the samples, found by reading them.
	for _, bad := range []string{"39+7", "3+8", "45+2", "52+0", "2+1", "31250", "38100", "TEST-0001",
		"31-06-2026", "12-05-2025", "-2", "drie"} {
		m, ok := found[bad]
		if !ok || m.Cell() == "" || m.File == "" || m.Header == "" || m.Record.Key == "" {
			t.Errorf("no error naming file, cell, column and record for %q (got %+v)", bad, m)
		}
	}

	// Importing the same files again changes nothing.
	code, stdout, _ = runCLI(t, append([]string{"import", "-w", dir}, files...)...)
	if code != 0 || !strings.Contains(stdout, fmt.Sprintf("%d al eerder ingelezen", n)) {
		t.Errorf("re-import: exit %d\n%s", code, stdout)
	}

	out := filepath.Join(t.TempDir(), "cijfers.csv")
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", out); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	rows := readExport(t, out)
	// Vechtmonde is Ommerveld + Dalwijk: its figure is the sum of theirs.
	for _, q := range []string{"2025-K1", "2026-K3"} {
		om, da, ve := rows["Vechtmonde|Ommerveld|"+q+"|KS01"], rows["Vechtmonde|Dalwijk|"+q+"|KS01"], rows["Vechtmonde||"+q+"|KS01"]
		if om == nil || da == nil || ve == nil {
			t.Fatalf("missing Vechtmonde KS01 rows for %s", q)
		}
		if sum := atoi(t, om[4]) + atoi(t, da[4]); sum != atoi(t, ve[4]) {
			t.Errorf("Vechtmonde %s teller %s, want Ommerveld+Dalwijk = %d", q, ve[4], sum)
		}
		if sum := atoi(t, om[5]) + atoi(t, da[5]); sum != atoi(t, ve[5]) {
			t.Errorf("Vechtmonde %s noemer %s, want Ommerveld+Dalwijk = %d", q, ve[5], sum)
		}
	}

	rep := t.TempDir()
	code, stdout, stderr = runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--uit", rep, "--datum", "2026-11-23")
	if code != 0 {
		t.Fatalf("rapport: exit %d: %s", code, stderr)
	}
	for _, co := range []string{"Havenstad", "Lindehoven", "Dijkwaard", "Vechtmonde"} {
		for _, ext := range []string{".pdf", ".html"} {
			p := filepath.Join(rep, "Kansrijke_Start_"+co+"_2026-K3"+ext)
			if !strings.Contains(stdout, p) {
				t.Errorf("rapport did not print %s", p)
			}
			if st, err := os.Stat(p); err != nil || st.Size() == 0 {
				t.Errorf("%s missing or empty", p)
			}
		}
	}
	// A withdrawn story appears nowhere; a name in a quotable story is
	// redacted.
	html, _ := os.ReadFile(filepath.Join(rep, "Kansrijke_Start_Dijkwaard_2026-K3.html"))
	text := pdfText(t, filepath.Join(rep, "Kansrijke_Start_Dijkwaard_2026-K3.pdf"))
	for _, forbidden := range []string{"Roosmarijn", "pak melk", "juf van groep acht", "Ilse van Dongen"} {
		if strings.Contains(string(html), forbidden) || strings.Contains(text, forbidden) {
			t.Errorf("Dijkwaard report contains %q", forbidden)
		}
	}
	if !strings.Contains(text, "Dijkwaard") || !strings.Contains(text, "2026-K3") {
		t.Errorf("Dijkwaard PDF text lacks coalitie or kwartaal:\n%s", text)
	}
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	var n int
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a whole number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// withdrawn returns the probes (opening words) of the withdrawn fragments
// in the story logs of dir, read straight from the spreadsheets; a probe
// that a consented fragment also has is left out (the example data
// repeats common sentences, sometimes with a few words added, and quoting
// the consented one is right).
func withdrawn(t *testing.T, dir string) []string {
	t.Helper()
	logs, _ := filepath.Glob(filepath.Join(dir, "Ouderverhalen_*.xlsx"))
	var gone, kept []string
	for _, p := range logs {
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.GetSheetList() {
			rows, _ := f.GetRows(s)
			col := map[string]int{}
			for i, r := range rows {
				if i == 0 {
					for j, h := range r {
						col[h] = j
					}
					continue
				}
				ti, ok1 := col["Toestemming"]
				fi, ok2 := col["Fragment"]
				if !ok1 || !ok2 || ti >= len(r) || fi >= len(r) {
					continue
				}
				if strings.EqualFold(strings.TrimSpace(r[ti]), "ingetrokken") {
					gone = append(gone, r[fi][:min(len(r[fi]), 40)])
				} else {
					kept = append(kept, r[fi])
				}
			}
		}
		f.Close()
	}
	var out []string
	for _, g := range gone {
		if !slices.ContainsFunc(kept, func(k string) bool { return strings.Contains(k, g) }) {
			out = append(out, g)
		}
	}
	return out
}

// TestVoorbeeldEndToEnd is the newcomer's path of 'make run', without the
// shared samples: an example workspace, imported and reported.
func TestVoorbeeldEndToEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox"))
	if code != 0 {
		t.Fatalf("import: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "0 afgewezen, 0 niet herkend, 0 nog niet ondersteund") {
		t.Errorf("import summary: %s", stdout[max(0, len(stdout)-400):])
	}
	code, stdout, stderr = runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23")
	if code != 0 {
		t.Fatalf("rapport: exit %d: %s", code, stderr)
	}
	gone := withdrawn(t, filepath.Join(dir, "inbox"))
	if len(gone) == 0 {
		t.Fatal("the example has no withdrawn stories to check")
	}
	// The Excel export holds the figures, the delivery status and the
	// stories tables, and no withdrawn story.
	xlsx := filepath.Join(t.TempDir(), "cijfers.xlsx")
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", xlsx); code != 0 {
		t.Fatalf("export xlsx: %s", stderr)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	bladen := strings.Join(x.GetSheetList(), "|")
	for _, want := range []string{"Cijfers", "Aanleverstatus", "Verhalen codes", "Verhalen citaten"} {
		if !strings.Contains(bladen, want) {
			t.Errorf("export lacks sheet %s (has %s)", want, bladen)
		}
	}
	var alles strings.Builder
	for _, s := range x.GetSheetList() {
		rows, _ := x.GetRows(s)
		for _, r := range rows {
			alles.WriteString(strings.Join(r, " ") + "\n")
		}
	}
	x.Close()
	for _, g := range gone {
		if strings.Contains(alles.String(), g) {
			t.Errorf("export contains withdrawn story %q", g)
		}
	}
	for _, co := range []string{"Havenstad", "Lindehoven", "Dijkwaard", "Vechtmonde"} {
		base := filepath.Join(dir, "rapporten", "Kansrijke_Start_"+co+"_2026-K3")
		html, err := os.ReadFile(base + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{`src="http`, `href="http`, `src='http`, `<link `} {
			if strings.Contains(string(html), bad) {
				t.Errorf("%s.html refers outside itself (%s)", co, bad)
			}
		}
		text := pdfText(t, base+".pdf")
		if !strings.Contains(text, co) || !strings.Contains(text, "Vroege start zwangerschapszorg") {
			t.Errorf("%s.pdf lacks its coalitie or KS01", co)
		}
		for _, g := range gone {
			if strings.Contains(stdhtml.UnescapeString(string(html)), g) || strings.Contains(strings.Join(strings.Fields(text), " "), g) {
				t.Errorf("%s report contains withdrawn story %q", co, g)
			}
		}
	}
}
