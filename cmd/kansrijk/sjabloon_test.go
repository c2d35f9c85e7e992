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

func TestSjabloon(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != exitOK {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "sjabloon", "-w", dir, "--partner", "JGZ Regio Noord", "--kwartaal", "2026-K3")
	pad := filepath.Join(dir, "sjablonen", "JGZ_regio_kwartaalcijfers_2026-K3.xlsx")
	if code != exitOK || !strings.Contains(stdout, pad) {
		t.Fatalf("sjabloon: exit %d, stdout %q, stderr %q; want exit 0 naming %s", code, stdout, stderr, pad)
	}
	if _, err := os.Stat(pad); err != nil {
		t.Fatalf("no template written: %v", err)
	}

	// The partner name is matched without case; --uit may be a folder.
	uit := t.TempDir()
	if code, _, stderr := runCLI(t, "sjabloon", "-w", dir, "--partner", "verloskundigen lindehoven", "--kwartaal", "2026-K3", "--uit", uit); code != exitOK {
		t.Fatalf("sjabloon --uit MAP: exit %d: %s", code, stderr)
	}
	vk := filepath.Join(uit, "Verloskundigen_Lindehoven_2026-K3.xlsx")
	// Even unfilled, the template is a delivery kansrijk reads.
	if code, stdout, stderr := runCLI(t, "import", "-w", dir, vk); code != exitOK || !strings.Contains(stdout, "ingelezen") {
		t.Errorf("import of the template: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	for _, tt := range []struct {
		args []string
		want []string
	}{
		{[]string{"--partner", "Bestaat Niet"}, []string{"staat niet in", "JGZ Regio Noord", "Procesmonitor"}},
		{nil, []string{"--partner is verplicht"}},
		{[]string{"--partner", "Codeboek"}, []string{"geen sjabloon"}},
		{[]string{"--partner", "JGZ Regio Noord", "--kwartaal", "2026-K9"}, []string{"geen kwartaal"}},
		{[]string{"--partner", "JGZ Regio Noord", "--coalitie", "Havenstad"}, []string{"--coalitie hoort bij de procesmonitor"}},
		{[]string{"--partner", "Procesmonitor", "--coalitie", "Atlantis"}, []string{"staat niet in", "Havenstad"}},
		{[]string{"--partner", "Procesmonitor", "--uit", filepath.Join(uit, "pm.xlsx")}, []string{"een sjabloon per coalitie"}},
	} {
		args := append([]string{"sjabloon", "-w", dir}, tt.args...)
		code, _, stderr := runCLI(t, args...)
		if code != exitGebruik {
			t.Errorf("kansrijk %v: exit %d, want %d", args, code, exitGebruik)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("kansrijk %v: stderr %q, want %q", args, stderr, w)
			}
		}
	}
}

// --uit naming a file kansrijk would not recognise gets the name that it
// will, in the same folder, and the command says so; the default
// kwartaal is the last one closed; the procesmonitor gets a template per
// coalitie, each named after it.
func TestSjabloonUitEnStandaard(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != exitOK {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	uit := t.TempDir()
	code, stdout, stderr := runCLI(t, "sjabloon", "-w", dir, "--partner", "JGZ Regio Noord", "--kwartaal", "2026-K3", "--uit", filepath.Join(uit, "sjabloon.xlsx"))
	want := filepath.Join(uit, "JGZ_regio_kwartaalcijfers_2026-K3.xlsx")
	if code != exitOK || !strings.Contains(stdout, "Let op: sjabloon.xlsx past bij geen enkel bestandspatroon") || !strings.Contains(stdout, want) {
		t.Fatalf("sjabloon --uit sjabloon.xlsx: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(uit, "sjabloon.xlsx")); !os.IsNotExist(err) {
		t.Errorf("sjabloon.xlsx written too (%v)", err)
	}
	// A folder that does not exist yet.
	nieuw := filepath.Join(uit, "nieuw")
	if code, _, stderr := runCLI(t, "sjabloon", "-w", dir, "--partner", "JGZ Regio Noord", "--kwartaal", "2026-K3", "--uit", nieuw); code != exitOK {
		t.Fatalf("--uit a new folder: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(nieuw, "JGZ_regio_kwartaalcijfers_2026-K3.xlsx")); err != nil {
		t.Error(err)
	}

	// The last closed kwartaal, counted here from the calendar.
	nu := time.Now()
	jaar, k := nu.Year(), (int(nu.Month())-1)/3 // the running kwartaal is k+1
	if k == 0 {
		jaar, k = jaar-1, 4
	}
	vorig := fmt.Sprintf("%d-K%d", jaar, k)
	pm := t.TempDir()
	code, stdout, stderr = runCLI(t, "sjabloon", "-w", dir, "--partner", "Procesmonitor", "--uit", pm)
	if code != exitOK {
		t.Fatalf("procesmonitor: exit %d: %s", code, stderr)
	}
	for _, co := range []string{"Havenstad", "Lindehoven", "Dijkwaard", "Vechtmonde"} {
		p := filepath.Join(pm, "Procesmonitor_"+co+"_"+vorig+".xlsx")
		if !strings.Contains(stdout, p) {
			t.Errorf("no template %s:\n%s", p, stdout)
			continue
		}
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		b3, _ := f.GetCellValue("Procesmonitor", "B3")
		b4, _ := f.GetCellValue("Procesmonitor", "B4")
		f.Close()
		if b3 != co || b4 != vorig {
			t.Errorf("%s: coalitie %q, kwartaal %q; want %s, %s", p, b3, b4, co, vorig)
		}
	}
}
