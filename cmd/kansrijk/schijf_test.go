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

	// A folder one may not write in: a read-only one for an ordinary
	// user; root may write anywhere except in /sys, a kernel file system.
	alleenLezen := filepath.Join(t.TempDir(), "alleen-lezen")
	os.Mkdir(alleenLezen, 0o555)
	if os.Geteuid() == 0 {
		alleenLezen = "/sys"
	}
	if err := os.WriteFile(filepath.Join(alleenLezen, "proef"), nil, 0o644); err == nil {
		t.Skipf("%s is writable here; cannot test a read-only folder", alleenLezen)
	}
	for _, args := range [][]string{
		{"rapport", "-w", dir, "--kwartaal", "2026-K3", "--uit", filepath.Join(alleenLezen, "rapporten")},
		{"export", "-w", dir, "--uit", filepath.Join(alleenLezen, "cijfers.csv")},
	} {
		code, _, stderr := runCLI(t, args...)
		if code != exitInvoer || !strings.Contains(stderr, "U mag op deze plek niet schrijven") || strings.Contains(stderr, "goroutine") {
			t.Errorf("%s into a read-only folder: exit %d, %q", args[0], code, stderr)
		}
	}
}
