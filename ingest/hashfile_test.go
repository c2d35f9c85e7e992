package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A partner-named file that is a link to /dev/zero was hashed forever,
// and a named pipe blocked the import on open (issue 12, class 2):
// hashFile refuses both at once, in Dutch.
func TestHashFileOnlyRegular(t *testing.T) {
	dir := t.TempDir()
	zero := filepath.Join(dir, "Procesmonitor_Dijkwaard_2026-K1.xlsx")
	fifo := filepath.Join(dir, "wijkteam_dijkwaard_2026-K1.csv")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Skip(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, tt := range []struct{ path, want string }{{zero, "apparaat"}, {fifo, "named pipe"}} {
		done := make(chan error, 1)
		go func() {
			_, err := hashFile(tt.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), filepath.Base(tt.path)+": ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("hashFile(%s) = %v, want a Dutch refusal naming the file", tt.path, err)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("hashFile(%s) still running after 5 s", tt.path)
		}
	}
}
