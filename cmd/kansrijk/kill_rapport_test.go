package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// heleRapporten fails for a report file in dir that is not whole, and
// returns the temporary files there.
func heleRapporten(t *testing.T, dir string) (tijdelijk []string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if strings.HasPrefix(n, ".tmp-") {
			tijdelijk = append(tijdelijk, n)
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(n) {
		case ".pdf":
			if !bytes.HasPrefix(b, []byte("%PDF")) || !bytes.HasSuffix(b, []byte("%%EOF\n")) {
				t.Errorf("%s is not a whole PDF (%d bytes)", n, len(b))
			}
		case ".html":
			if !bytes.HasSuffix(b, []byte("</html>\n")) {
				t.Errorf("%s is not a whole HTML file (%d bytes)", n, len(b))
			}
		}
	}
	return tijdelijk
}

// TestKillDuringRapport kills kansrijk rapport with SIGKILL at random
// moments, also while a file is written but not in place: a report under
// its own name is always whole, and the next run leaves no temporary
// file behind, also none of the killed runs.
func TestKillDuringRapport(t *testing.T) {
	bin := buildBinary(t)
	dir, inbox := voorbeeldWerkmap(t)
	importeer(t, dir, inbox)
	rep := filepath.Join(dir, "rapporten")
	rng := rand.New(rand.NewPCG(3, 4))
	achtergelaten := 0
	for i := range 6 {
		// Another date each time, so that every run writes every file.
		cmd := exec.Command(bin, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", time.Date(2026, 11, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly))
		cmd.Env = append(os.Environ(), "KANSRIJK_TEST_PAUZE=60ms")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(200+rng.IntN(700)) * time.Millisecond)
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		achtergelaten += len(heleRapporten(t, rep))
	}
	t.Logf("%d temporary files left by the killed runs", achtergelaten)
	if code, stdout, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23"); code != 0 {
		t.Fatalf("rapport after the kills: exit %d\n%s%s", code, stdout, stderr)
	}
	if over := heleRapporten(t, rep); len(over) > 0 {
		t.Errorf("temporary files after a complete run: %v", over)
	}
}
