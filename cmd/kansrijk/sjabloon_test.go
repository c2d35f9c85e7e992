package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
		{[]string{"--partner", "JGZ Regio Noord", "--uit", filepath.Join(uit, "jgz.xlsx")}, []string{"--uit", "past bij geen"}},
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
