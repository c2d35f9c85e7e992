package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// engelsOS are the file system's English messages.
var engelsOS = []string{"too many levels of symbolic links", "no such file", "permission denied", "is a directory", "not a directory"}

// TestNederlandsConfig (issue 12, class 12): a broken kansrijk.toml gives
// a Dutch message with the line, never the toml package's English
// ("strings cannot contain newlines"); a Dutch check of the
// configuration names its key and line too.
func TestNederlandsConfig(t *testing.T) {
	tests := []struct {
		naam string
		// wijzig changes kansrijk.toml and returns the line the message
		// must name.
		wijzig func(b []byte) ([]byte, int)
		want   string
		engels []string
	}{
		{"tekst over twee regels", func(b []byte) ([]byte, int) {
			i := bytes.Index(b, []byte(`naam = "Havenstad"`))
			return append(append(append([]byte{}, b[:i]...), []byte("naam = \"Haven\nstad\"")...), b[i+len(`naam = "Havenstad"`):]...),
				bytes.Count(b[:i], []byte("\n")) + 1
		}, "regel", []string{"strings cannot contain newlines", "toml:", "line"}},
		{"waarde zonder aanhalingstekens", func(b []byte) ([]byte, int) {
			i := bytes.Index(b, []byte(`naam = "Havenstad"`))
			return append(append(append([]byte{}, b[:i]...), []byte("naam = Havenstad")...), b[i+len(`naam = "Havenstad"`):]...),
				bytes.Count(b[:i], []byte("\n")) + 1
		}, "aanhalingstekens", []string{"expected", "toml:", "line"}},
		{"streefwaarde 75", func(b []byte) ([]byte, int) {
			n := bytes.Count(b, []byte("\n"))
			return append(b, []byte("\n[[indicator]]\ncode = \"KS99\"\nnaam = \"Proef\"\nstreefwaarde = 75\n")...), n + 5
		}, "streefwaarde", nil},
		{"onbekende bron", func(b []byte) ([]byte, int) {
			n := bytes.Count(b, []byte("\n"))
			return append(b, []byte("\n[[partner]]\nnaam = \"Proef\"\nbron = \"weer\"\nbestanden = [\"proef_*\"]\n")...), n + 4
		}, "onbekende bron", nil},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			dir, _ := voorbeeldWerkmap(t)
			p := filepath.Join(dir, "kansrijk.toml")
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			nieuw, regel := tt.wijzig(b)
			os.WriteFile(p, nieuw, 0o644)
			code, _, stderr := runCLI(t, "status", "-w", dir)
			if code == 0 || !strings.Contains(stderr, fmt.Sprintf("regel %d", regel)) || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, %q; want a Dutch message naming line %d and %q", code, stderr, regel, tt.want)
			}
			for _, e := range tt.engels {
				if strings.Contains(stderr, e) {
					t.Errorf("English %q in %q", e, stderr)
				}
			}
		})
	}
}

// TestNederlandsMappen (class 12): walking an input folder with a
// symbolic link in a loop, one that points nowhere and one to a folder
// says in Dutch what is wrong with each, never the system's English, and
// the other files are imported.
func TestNederlandsMappen(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	in := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(dir, "inbox", "wijkteam_dalwijk_2025-K1.csv"))
	os.WriteFile(filepath.Join(in, "wijkteam_dalwijk_2025-K1.csv"), b, 0o644)
	lus := filepath.Join(in, "wijkteam_dalwijk_2025-K2.csv")
	if err := os.Symlink(lus, lus); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.Symlink(filepath.Join(in, "weg.csv"), filepath.Join(in, "wijkteam_dalwijk_2025-K3.csv"))
	os.Mkdir(filepath.Join(in, "sub"), 0o755)
	os.Symlink(in, filepath.Join(in, "sub", "terug"))
	if os.Geteuid() != 0 {
		geheim := filepath.Join(in, "geheim")
		os.Mkdir(geheim, 0o000)
		defer os.Chmod(geheim, 0o755)
	}
	code, stdout, stderr := runCLI(t, "import", "-w", dir, in)
	if code != exitInvoer {
		t.Errorf("exit %d, want %d", code, exitInvoer)
	}
	if !strings.Contains(stdout, "ingelezen     wijkteam_dalwijk_2025-K1.csv") {
		t.Errorf("the good file was not imported:\n%s", stdout)
	}
	for _, w := range []string{"wijkteam_dalwijk_2025-K2.csv", "kring", "wijkteam_dalwijk_2025-K3.csv", "bestaat niet", "terug", "snelkoppeling naar een map"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("output lacks %q:\n%s", w, stdout)
		}
	}
	for _, e := range engelsOS {
		if strings.Contains(stdout+stderr, e) {
			t.Errorf("English %q reached the user:\n%s%s", e, stdout, stderr)
		}
	}
}
