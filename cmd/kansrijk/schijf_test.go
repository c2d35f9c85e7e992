package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A full disk or an output path that cannot be a folder ends in a plain
// Dutch explanation, exit 1, and no stack trace.
func TestSchrijfFouten(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	if code, _, _ := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox")); code != 0 {
		t.Fatal("import failed")
	}
	// /dev/full answers every write with "no space left on device".
	vol := filepath.Join(t.TempDir(), "cijfers.csv")
	if err := os.Symlink("/dev/full", vol); err == nil {
		code, _, stderr := runCLI(t, "export", "-w", dir, "--uit", vol)
		if code != exitInvoer || !strings.Contains(stderr, "De schijf is vol") {
			t.Errorf("export to a full disk: exit %d, %q", code, stderr)
		}
	}
	blok := filepath.Join(t.TempDir(), "een-bestand")
	os.WriteFile(blok, []byte("x"), 0o644)
	code, _, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--uit", filepath.Join(blok, "rapporten"))
	if code != exitInvoer || !strings.Contains(stderr, "een bestand en geen map") {
		t.Errorf("rapport into a file: exit %d, %q", code, stderr)
	}
	if strings.Contains(stderr, "goroutine") {
		t.Errorf("stack trace: %s", stderr)
	}
}
