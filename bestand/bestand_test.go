package bestand

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestFout(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{&Fout{Pad: "/m/x.pdf", Wat: "het schrijven", Err: &fs.PathError{Op: "write", Path: "/m/x.pdf", Err: syscall.ENOSPC}},
			"/m/x.pdf: het schrijven lukte niet: de schijf is vol"},
		{&Fout{Pad: "/m", Wat: "het aanmaken van de map", Err: &fs.PathError{Op: "mkdir", Path: "/m", Err: syscall.EACCES}},
			"/m: het aanmaken van de map lukte niet: geen toestemming om hier te schrijven"},
		{&Fout{Wat: "het opmaken van de PDF", Err: errors.New("character outside the supported range")},
			"het opmaken van de PDF lukte niet"},
		{MetPad(&Fout{Wat: "het opmaken van de PDF", Err: errors.New("x")}, "/m/x.pdf"),
			"/m/x.pdf: het opmaken van de PDF lukte niet"},
		{MetPad(errors.New("geen rapport"), "/m/x.pdf"), "/m/x.pdf: geen rapport"},
		{&Fout{Pad: "/m/x.csv", Wat: "het schrijven", Err: &Fout{Wat: "het schrijven van de CSV", Err: syscall.EROFS}},
			"/m/x.csv: het schrijven lukte niet: het schrijven van de CSV lukte niet: de map is alleen-lezen"},
	} {
		if tt.err.Error() != tt.want {
			t.Errorf("got %q, want %q", tt.err, tt.want)
		}
	}
	if err := MetPad(&Fout{Wat: "w", Err: syscall.ENOSPC}, "p"); !errors.Is(err, syscall.ENOSPC) {
		t.Error("MetPad lost the cause")
	}
}

func TestSchrijf(t *testing.T) {
	dir := t.TempDir()
	pad := filepath.Join(dir, "a.csv")
	if err := SchrijfBytes(pad, []byte("een")); err != nil {
		t.Fatal(err)
	}
	// A link is followed: the file it points to changes, the link stays.
	link := filepath.Join(dir, "link.csv")
	os.Symlink(pad, link)
	if err := SchrijfBytes(link, []byte("twee")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(pad); string(b) != "twee" {
		t.Errorf("through the link: %q", b)
	}
	if st, _ := os.Lstat(link); st.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	// A failing writer leaves the old file and no temporary one.
	err := Schrijf(pad, func(w io.Writer) error {
		w.Write([]byte("half"))
		return &fs.PathError{Op: "write", Path: pad, Err: syscall.ENOSPC}
	})
	if err == nil || err.Error() != pad+": het schrijven lukte niet: de schijf is vol" {
		t.Errorf("failing writer: %v", err)
	}
	if b, _ := os.ReadFile(pad); string(b) != "twee" {
		t.Errorf("after a failed write: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
	// What is no regular file is written into: /dev/full says it is full.
	if _, err := os.Stat("/dev/full"); err == nil {
		err := SchrijfBytes("/dev/full", []byte("x"))
		if err == nil || !strings.HasSuffix(err.Error(), "de schijf is vol") {
			t.Errorf("/dev/full: %v", err)
		}
	}
}

func TestRuimOp(t *testing.T) {
	dir := t.TempDir()
	hoort := func(n string) bool { return strings.HasSuffix(n, ".pdf") }
	weg := []string{".tmp-a.pdf-123", ".tmp-b-2026.pdf-999999999-77", ".tmp-c.pdf-" + strconv.Itoa(os.Getpid()) + "-5"}
	blijft := []string{".tmp-a.txt-123", ".tmp-a.pdf", ".tmp-a.pdf-x", "a.pdf", ".tmp-a.pdf-" + strconv.Itoa(os.Getppid()) + "-5"}
	for _, n := range append(append([]string{}, weg...), blijft...) {
		os.WriteFile(filepath.Join(dir, n), nil, 0o644)
	}
	RuimOp(dir, hoort)
	for _, n := range weg {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			t.Errorf("%s is still there", n)
		}
	}
	for _, n := range blijft {
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			t.Errorf("%s was removed", n)
		}
	}
}
