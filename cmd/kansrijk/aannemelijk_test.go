package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestOnaannemelijkeCijfers (issue 12, class 7): huisbezoeken above the
// aanmeldingen, 1e15 persons or half a person are reported at their cell
// and the figure is not computable, never published as ok (793,7%); a
// streefwaarde of nan is refused when kansrijk.toml is read.
func TestOnaannemelijkeCijfers(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	inbox := filepath.Join(dir, "inbox")
	// JGZ 2026, rows 6-11 the gemeenten: B-D aanmeldingen K1-K3, F-H
	// huisbezoeken K1-K3 (row 8 Havenstad 63 81 82 / 39 48 53).
	p := filepath.Join(inbox, "JGZ_regio_kwartaalcijfers_2026.xlsx")
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	blad := f.GetSheetList()[0]
	rij := map[string]int{}
	for r := 6; r <= 11; r++ {
		g, _ := f.GetCellValue(blad, fmt.Sprintf("A%d", r))
		rij[g] = r
	}
	zet := func(cel string, v any) {
		if err := f.SetCellValue(blad, cel, v); err != nil {
			t.Fatal(err)
		}
	}
	zet(fmt.Sprintf("F%d", rij["Havenstad"]), 500)     // K1: 500 huisbezoeken, 63 aanmeldingen
	zet(fmt.Sprintf("C%d", rij["Lindehoven"]), "1e15") // K2: 1e15 aanmeldingen
	zet(fmt.Sprintf("G%d", rij["Lindehoven"]), 1e15)   // K2: and as a number
	zet(fmt.Sprintf("H%d", rij["Havenstad"]), "12,5")  // K3: half a person
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, stdout, stderr := runCLI(t, "import", "-w", dir, inbox)
	if code > 1 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	for _, w := range []string{
		fmt.Sprintf("blad 'Kwartaalcijfers', cel F%d", rij["Havenstad"]),
		fmt.Sprintf("blad 'Kwartaalcijfers', cel C%d", rij["Lindehoven"]),
		fmt.Sprintf("blad 'Kwartaalcijfers', cel H%d", rij["Havenstad"]),
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("no message at %s:\n%s", w, regelsMet(stdout, "JGZ_regio_kwartaalcijfers_2026"))
		}
	}
	uit := filepath.Join(t.TempDir(), "c.csv")
	if code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", uit); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	cijfers := readExport(t, uit)
	for _, k := range []string{
		"Havenstad|Havenstad|2026-K1|KS07", "Havenstad||2026-K1|KS07",
		"Lindehoven|Lindehoven|2026-K2|KS07", "Havenstad|Havenstad|2026-K3|KS07",
	} {
		r, ok := cijfers[k]
		if !ok {
			t.Errorf("%s: not in the export", k)
			continue
		}
		if r[7] == "ok" || r[6] != "" {
			t.Errorf("%s published as %v; want a figure that is not computable", k, r[4:])
		}
	}
	// An untouched cell keeps its figure: Lindehoven 2026-K1 is 11/17.
	if r := cijfers["Lindehoven|Lindehoven|2026-K1|KS07"]; len(r) < 8 || r[4] != "11" || r[5] != "17" {
		t.Errorf("Lindehoven 2026-K1 KS07 = %v, want 11/17", r)
	}

	for _, w := range []string{"nan", "inf", "-inf"} {
		d, _ := voorbeeldWerkmap(t)
		voegToe(t, d, "[[indicator]]\ncode = \"KS99\"\nnaam = \"Proef\"\nbron = \"jgz\"\nstreefwaarde = "+w+"\n")
		code, _, stderr := runCLI(t, "status", "-w", d)
		if code == 0 || !strings.Contains(stderr, "streefwaarde") || !strings.Contains(stderr, "regel") {
			t.Errorf("streefwaarde = %s: exit %d, %q; want a refusal naming the key and line", w, code, stderr)
		}
	}
}

func regelsMet(s, deel string) string {
	var out []string
	in := false
	for _, r := range strings.Split(s, "\n") {
		if strings.Contains(r, deel) {
			in = true
		} else if !strings.HasPrefix(r, "      ") {
			in = false
		}
		if in {
			out = append(out, r)
		}
	}
	return strings.Join(out, "\n")
}

// TestPerioden (issue 12, class 9): data for a kwartaal that has not
// begun, or for 1900, is refused with a Dutch message and never becomes
// a source of a report; a file whose rows are all refused registers no
// levering, so the status keeps its span; a date in the future in a row
// is refused at its cell.
func TestPerioden(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	inbox := filepath.Join(dir, "inbox")
	if code, _, stderr := runCLI(t, "import", "-w", dir, inbox); code > 1 {
		t.Fatalf("import: %s", stderr)
	}
	_, voor, _ := runCLI(t, "status", "-w", dir)

	toekomst := time.Now().Year() + 5
	bron, err := os.ReadFile(filepath.Join(inbox, "wijkteam_havenstad_2026-K3.csv"))
	if err != nil {
		t.Fatal(err)
	}
	nieuw := t.TempDir()
	schrijf := func(naam string, data []byte) {
		if err := os.WriteFile(filepath.Join(nieuw, naam), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	schrijf(fmt.Sprintf("wijkteam_havenstad_%d-K1.csv", toekomst), bron)
	schrijf("wijkteam_havenstad_1900-K1.csv", bron)
	// 2015-K1 is plausible, but every row's aanmelddatum is impossible.
	kop, rest, _ := strings.Cut(string(bron), "\n")
	var rijen []string
	for i, r := range strings.Split(strings.TrimSpace(rest), "\n") {
		velden := strings.Split(r, ";")
		velden[0] = fmt.Sprintf("HS-15-%04d", i)
		velden[1] = "31-02-2015"
		rijen = append(rijen, strings.Join(velden, ";"))
	}
	schrijf("wijkteam_havenstad_2015-K1.csv", []byte(kop+"\n"+strings.Join(rijen, "\n")+"\n"))
	// A correction of 2026-K3 with one aanmelding, first, dated in the
	// future.
	eerste, _, _ := strings.Cut(rest, "\n")
	velden := strings.Split(eerste, ";")
	velden[0], velden[1] = "HS-26-9999", fmt.Sprintf("03-02-%d", toekomst)
	schrijf("wijkteam_havenstad_2026-K3_v2.csv", []byte(kop+"\n"+strings.Join(velden, ";")+"\n"+rest))

	code, stdout, _ := runCLI(t, "import", "-w", dir, nieuw)
	if code != exitInvoer {
		t.Errorf("import: exit %d, want %d", code, exitInvoer)
	}
	for _, w := range []string{
		fmt.Sprintf("afgewezen     wijkteam_havenstad_%d-K1.csv", toekomst), "in de toekomst",
		"afgewezen     wijkteam_havenstad_1900-K1.csv", "niet aannemelijk",
		"afgewezen     wijkteam_havenstad_2015-K1.csv",
		"ingelezen     wijkteam_havenstad_2026-K3_v2.csv",
		fmt.Sprintf("03-02-%d", toekomst),
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("import output lacks %q:\n%s", w, stdout)
		}
	}
	_, na, _ := runCLI(t, "status", "-w", dir)
	if eerste := strings.SplitN(strings.TrimSpace(voor), "\n", 3); !strings.Contains(na, eerste[1]) {
		t.Errorf("the status changed its span:\nbefore %s\nafter:\n%s", eerste[1], na)
	}
	for _, q := range []string{"1900-K1", "2015-K1", fmt.Sprintf("%d-K1", toekomst)} {
		if strings.Contains(na, q) {
			t.Errorf("status shows %s:\n%s", q, na)
		}
	}
	rap := t.TempDir()
	if code, _, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--coalitie", "Havenstad", "--uit", rap, "--datum", "2026-11-01"); code != 0 {
		t.Fatalf("rapport: %s", stderr)
	}
	html, err := os.ReadFile(filepath.Join(rap, "Kansrijke_Start_Havenstad_2026-K3.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(html), fmt.Sprintf("%d-K1.csv", toekomst)) || strings.Contains(string(html), "1900-K1") {
		t.Error("the report lists a file of an implausible kwartaal as a source")
	}
}
