package main

import (
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kansrijk/store"
)

// buildBinary builds kansrijk for tests that need a real process.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("bouwt en doodt processen; overgeslagen met -short")
	}
	bin := filepath.Join(t.TempDir(), "kansrijk")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func controleer(t *testing.T, dir string) int {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "kansrijk.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatalf("store after kill: %v", err)
	}
	defer db.Close()
	problems, err := db.Controleer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problems {
		t.Errorf("store inconsistent after kill -9: %s", p)
	}
	ls, err := db.Leveringen(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(ls)
}

// TestKillDuringImport kills an import with SIGKILL at random moments:
// the store must hold exactly the leveringen committed before the kill,
// each complete, and a rerun must end where an uninterrupted import ends.
func TestKillDuringImport(t *testing.T) {
	bin := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	rng := rand.New(rand.NewPCG(1, 2))
	before := 0
	for i := 0; i < 4; i++ {
		cmd := exec.Command(bin, "import", "-w", dir, inbox)
		// Each levering pauses half-way, so kills land mid-write.
		cmd.Env = append(os.Environ(), "KANSRIJK_TEST_PAUZE=40ms")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(150+rng.IntN(900)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		n := controleer(t, dir)
		if n < before {
			t.Fatalf("kill %d: %d leveringen, fewer than the %d committed before", i, n, before)
		}
		t.Logf("kill %d: %d leveringen committed", i, n)
		before = n
	}
	if code, stdout, _ := runCLI(t, "import", "-w", dir, inbox); code != 0 {
		t.Fatalf("import after kills: exit %d\n%s", code, stdout)
	}
	controleer(t, dir)

	clean := filepath.Join(t.TempDir(), "schoon")
	if code, _, _ := runCLI(t, "voorbeeld", clean); code != 0 {
		t.Fatal("voorbeeld")
	}
	if code, _, _ := runCLI(t, "import", "-w", clean, filepath.Join(clean, "inbox")); code != 0 {
		t.Fatal("clean import")
	}
	a, b := filepath.Join(t.TempDir(), "a.csv"), filepath.Join(t.TempDir(), "b.csv")
	runCLI(t, "export", "-w", dir, "--uit", a)
	runCLI(t, "export", "-w", clean, "--uit", b)
	da, _ := os.ReadFile(a)
	db, _ := os.ReadFile(b)
	if len(da) == 0 || string(da) != string(db) {
		t.Errorf("figures after interrupted imports differ from an uninterrupted import")
	}
}

// Two imports at once on one werkmap: the second refuses with a clear
// message and the first completes; the store stays consistent.
func TestConcurrentImport(t *testing.T) {
	bin := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	first := exec.Command(bin, "import", "-w", dir, inbox)
	first.Env = append(os.Environ(), "KANSRIJK_TEST_PAUZE=20ms")
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	code, _, stderr := runCLI(t, "import", "-w", dir, inbox)
	if err := first.Wait(); err != nil {
		t.Fatalf("first import: %v", err)
	}
	if code != exitInvoer || !strings.Contains(stderr, "in gebruik") {
		t.Errorf("second import: exit %d, %q; want a clear refusal", code, stderr)
	}
	// One levering per file of the example: 107 (see voorbeeld.TestSchrijf).
	if n := controleer(t, dir); n != 107 {
		t.Errorf("%d leveringen after the first import, want all 107", n)
	}
}
