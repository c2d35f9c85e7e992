package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Text as partners, parents and a careless or hostile user can put it in
// the files and the configuration kansrijk reads.
const (
	fHyper = `=HYPERLINK("http://x.nl","klik")`
	fDDE   = `=DDE("cmd";"/C calc";"A1")`
	fPlus  = "+SUM(A1:A9)"
	fAt    = "@SUM(A1)"
	fMin   = "-2+3"
)

// voorbeeldWerkmap makes an example werkmap and returns it with its inbox.
func voorbeeldWerkmap(t *testing.T) (dir, inbox string) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	return dir, filepath.Join(dir, "inbox")
}

// zetCellen writes text into cells of a workbook.
func zetCellen(t *testing.T, pad, blad string, cellen map[string]string) {
	t.Helper()
	f, err := excelize.OpenFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	for cel, v := range cellen {
		if err := f.SetCellStr(blad, cel, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

// vervang replaces old by new in a file, which must hold it.
func vervang(t *testing.T, pad, old, new string) {
	t.Helper()
	b, err := os.ReadFile(pad)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s holds no %q", pad, old)
	}
	if err := os.WriteFile(pad, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// importeer imports the inbox; rows and files may be refused, nothing
// may crash.
func importeer(t *testing.T, dir, inbox string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runCLI(t, "import", "-w", dir, inbox)
	if code != exitOK && code != exitInvoer {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	return stdout, stderr
}

// geenPaniek fails when a Go panic or English library text reached the
// user.
func geenPaniek(t *testing.T, wat, uit string) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine", "runtime error", "index out of range", "character outside the supported range"} {
		if strings.Contains(uit, s) {
			t.Errorf("%s: %q reached the user:\n%s", wat, s, uit)
		}
	}
}

// TestEmojiInRapporten: a parent's emoji in a quote and an emoji in the
// name of a partner's file, once stored, make every later run of all
// three kinds of report fail (a panic in fpdf, or "character outside the
// supported range"). They must give reports, with the emoji described in
// the PDF and as written in the HTML.
func TestEmojiInRapporten(t *testing.T) {
	dir, inbox := voorbeeldWerkmap(t)
	// HS-2024-003 may be quoted in reports; HS-2024-007 on the page for
	// parents too.
	log := filepath.Join(inbox, "Ouderverhalen_Havenstad.xlsx")
	f, err := excelize.OpenFile(log)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("Verhalen")
	f.Close()
	cellen := map[string]string{}
	for i, r := range rows {
		if len(r) > 7 && i >= 4 {
			cellen[fmt.Sprintf("H%d", i+1)] = r[7] + " 😊👍🏽"
		}
	}
	zetCellen(t, log, "Verhalen", cellen)
	if err := os.Rename(filepath.Join(inbox, "wijkteam_havenstad_2026-K3.csv"), filepath.Join(inbox, "wijkteam_havenstad_2026-K3 😊.csv")); err != nil {
		t.Fatal(err)
	}
	stdout, stderr := importeer(t, dir, inbox)
	if !strings.Contains(stdout, "ingelezen     wijkteam_havenstad_2026-K3 😊.csv") {
		t.Fatalf("the file with an emoji in its name was not imported:\n%s", stdout)
	}
	geenPaniek(t, "import", stdout+stderr)

	rep := filepath.Join(dir, "rapporten")
	for run := range 2 { // what is stored stays: the second run too
		for _, soort := range [][]string{nil, {"--overzicht"}, {"--ouders"}} {
			args := append([]string{"rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23"}, soort...)
			code, stdout, stderr := runCLI(t, args...)
			geenPaniek(t, strings.Join(args, " "), stdout+stderr)
			if code != exitOK {
				t.Errorf("run %d: %v: exit %d\n%s%s", run+1, soort, code, stdout, stderr)
			}
		}
	}
	html, err := os.ReadFile(filepath.Join(rep, "Kansrijke_Start_Havenstad_2026-K3.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(html, []byte("😊👍🏽")) || !bytes.Contains(html, []byte("wijkteam_havenstad_2026-K3 😊.csv")) {
		t.Errorf("the HTML does not show the emoji as written")
	}
	for _, naam := range []string{"Kansrijke_Start_Havenstad_2026-K3.pdf", "Kansrijke_Start_Havenstad_ouders_2026-K3.pdf"} {
		tekst := strings.Join(strings.Fields(pdfText(t, filepath.Join(rep, naam))), " ")
		if !strings.Contains(tekst, "[glimlach][duim omhoog]") {
			t.Errorf("%s does not describe the emoji as [glimlach][duim omhoog]", naam)
		}
		if naam == "Kansrijke_Start_Havenstad_2026-K3.pdf" && !strings.Contains(tekst, "wijkteam_havenstad_2026-K3 [glimlach].csv") {
			t.Errorf("%s does not list the source file with [glimlach]", naam)
		}
	}
}

// levend reports whether a spreadsheet would run s as a formula: it
// starts, after spaces, with = + - @, a tab or a line break (or a
// full-width = + - @) and is no number.
func levend(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	if s == "" || regexp.MustCompile(`^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$`).MatchString(s) {
		return false
	}
	return strings.ContainsAny(s[:len(string([]rune(s)[0]))], "=+-@\t\r\n＝＋－＠")
}

// TestExportZonderFormules: formulas typed into a story log, the codebook,
// the persona table and a coalitie's name in kansrijk.toml reach no CSV
// of export --verhalen, nor cijfers.csv or the workbook, as a live
// formula; the reports show them as written.
func TestExportZonderFormules(t *testing.T) {
	dir, inbox := voorbeeldWerkmap(t)
	// HS-2024-003, consent rapport: persona, werkvorm, fragment, a code of
	// a theme of the codebook and one the codebook lacks.
	zetCellen(t, filepath.Join(inbox, "Ouderverhalen_Havenstad.xlsx"), "Verhalen", map[string]string{
		"D7": fDDE, "E7": fHyper, "H7": fPlus + " zei de verloskundige, en dat klopte.", "I7": fAt + " > " + fMin + "; =ONBEKEND(1)",
	})
	cb, err := excelize.OpenFile(filepath.Join(inbox, "Codeboek.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := cb.GetRows("Codeboek")
	cb.SetSheetRow("Codeboek", fmt.Sprintf("A%d", len(rows)+1), &[]string{fAt, fMin, "=1+2"})
	cb.Save()
	cb.Close()
	zetCellen(t, filepath.Join(inbox, "Personas.xlsx"), "Persona's", map[string]string{"A2": fHyper + ", 23"})
	vervang(t, filepath.Join(dir, "kansrijk.toml"), `naam = "Dijkwaard"`, `naam = "=1+2"`)
	importeer(t, dir, inbox)

	uit := t.TempDir()
	verhalen := filepath.Join(uit, "verhalen")
	if code, stdout, stderr := runCLI(t, "export", "-w", dir, "--uit", filepath.Join(uit, "cijfers.csv"), "--verhalen", verhalen); code != 0 {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	csvs, _ := filepath.Glob(filepath.Join(verhalen, "*.csv"))
	if len(csvs) < 8 {
		t.Fatalf("export --verhalen wrote %d CSV files, want 8", len(csvs))
	}
	alles := map[string]bool{}
	for _, p := range append(csvs, filepath.Join(uit, "cijfers.csv")) {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for i, rec := range recs {
			for j, v := range rec {
				alles[v] = true
				if levend(v) {
					t.Errorf("%s rij %d kolom %d is a live formula: %q", filepath.Base(p), i+1, j+1, v)
				}
			}
		}
	}
	// The payloads did reach the files, made inert.
	for _, want := range []string{"'=1+2", "'" + fHyper + ", 23", "'" + fAt, "'" + fMin, "'=ONBEKEND(1)", "'" + fDDE, "'" + fHyper} {
		if !alles[want] {
			t.Errorf("no CSV field %q", want)
		}
	}

	xlsx := filepath.Join(uit, "cijfers.xlsx")
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", xlsx); code != 0 {
		t.Fatalf("export xlsx: %s", stderr)
	}
	x, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	gezien := 0
	for _, blad := range x.GetSheetList() {
		rows, _ := x.GetRows(blad)
		for i, r := range rows {
			for j, v := range r {
				cel, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if f, _ := x.GetCellFormula(blad, cel); f != "" || levend(v) {
					t.Errorf("%s!%s is a live formula: %q %q", blad, cel, f, v)
				}
				if v == "'=1+2" || v == "'"+fHyper+", 23" {
					gezien++
				}
			}
		}
	}
	if gezien == 0 {
		t.Error("the workbook holds neither the coalitie =1+2 nor the persona, made inert")
	}

	// The reports are unaffected: they show the name as written.
	if code, stdout, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--coalitie", "=1+2", "--datum", "2026-11-23"); code != 0 {
		t.Fatalf("rapport: exit %d\n%s%s", code, stdout, stderr)
	}
	htmls, _ := filepath.Glob(filepath.Join(dir, "rapporten", "*.html"))
	pdfs, _ := filepath.Glob(filepath.Join(dir, "rapporten", "*.pdf"))
	if len(htmls) != 1 || len(pdfs) != 1 {
		t.Fatalf("rapport wrote %v %v", htmls, pdfs)
	}
	html, _ := os.ReadFile(htmls[0])
	if !bytes.Contains(html, []byte("<h1")) || !bytes.Contains(html, []byte("=1+2")) || bytes.Contains(html, []byte("&#39;=1+2")) {
		t.Error("the HTML report does not show the coalitie =1+2 as written")
	}
	if tekst := pdfText(t, pdfs[0]); !strings.Contains(tekst, "=1+2") || strings.Contains(tekst, "'=1+2") {
		t.Error("the PDF report does not show the coalitie =1+2 as written")
	}
}

// TestUitvoerZichtbaar: file names, cell values and names from
// kansrijk.toml reach the terminal with their line breaks, escape
// sequences and bidi overrides written out, so that none forges a line
// of output or acts on the terminal.
func TestUitvoerZichtbaar(t *testing.T) {
	dir, inbox := voorbeeldWerkmap(t)
	hernoem := func(van, naar string) {
		t.Helper()
		if err := os.Rename(filepath.Join(inbox, van), filepath.Join(inbox, naar)); err != nil {
			t.Fatal(err)
		}
	}
	hernoem("wijkteam_dalwijk_2026-K3.csv", "wijkteam_dalwijk_2026-K3\ningelezen     nep.csv — alles goed.csv")
	hernoem("Procesmonitor_Havenstad_2026-K3.xlsx", "Procesmonitor_Havenstad_2026-K3\x1b[2J\x1b[31m.xlsx")
	hernoem("wijkteam_lindehoven_2026-K3.csv", "wijkteam_lindehoven_2026-K3\u202evsc.exe")
	// A cell with an escape sequence: its message quotes it.
	vervang(t, filepath.Join(inbox, "wijkteam_havenstad_2026-K3.csv"), "28-06-2026", "28-06-2026\x1b[31m\x07")
	vervang(t, filepath.Join(dir, "kansrijk.toml"), `naam = "Sociaal wijkteam Ommerveld"`, `naam = "Sociaal wijkteam Ommerveld\u001b[5m"`)
	vervang(t, filepath.Join(dir, "kansrijk.toml"), `naam = "Vechtmonde"`, `naam = "Vechtmonde\u202e"`)

	stdout, stderr := importeer(t, dir, inbox)
	uit := map[string]string{"import": stdout + stderr}
	_, stdout, stderr = runCLI(t, "status", "-w", dir)
	uit["status"] = stdout + stderr
	_, stdout, stderr = runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23")
	uit["rapport"] = stdout + stderr

	for wat, s := range uit {
		if strings.ContainsAny(s, "\x1b\x07\r\u202e") {
			t.Errorf("%s: a control character or bidi override reached the terminal:\n%q", wat, s)
		}
		for _, regel := range strings.Split(s, "\n") {
			if strings.HasPrefix(regel, "ingelezen     nep") {
				t.Errorf("%s: a file name forged the line %q", wat, regel)
			}
		}
	}
	for wat, want := range map[string][]string{
		"import": {`wijkteam_dalwijk_2026-K3\ningelezen     nep.csv — alles goed.csv`, `Procesmonitor_Havenstad_2026-K3\x1b[2J\x1b[31m.xlsx`,
			`wijkteam_lindehoven_2026-K3\u202evsc.exe`, `28-06-2026\x1b[31m\x07`, `Sociaal wijkteam Ommerveld\x1b[5m`},
		"status":  {`Aanleverstatus Vechtmonde\u202e`, `Sociaal wijkteam Ommerveld\x1b[5m`},
		"rapport": {`\u202e`},
	} {
		for _, w := range want {
			if !strings.Contains(uit[wat], w) {
				t.Errorf("%s does not show %q:\n%s", wat, w, uit[wat])
			}
		}
	}
}
