package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// engels finds the English of Go's os package, the system and the
// libraries kansrijk writes with.
var engels = regexp.MustCompile(`(?i)no space left|no such file|not a directory|permission denied|read-only file system|` +
	`is a directory|file exists|\bopen |\bmkdir |\bwrite |\bread |\brename |template:|json:|unsupported|invalid|` +
	`\berror\b|\bfailed\b|outside the supported|\bcannot\b`)

// TestSchrijfFoutenNederlands: when kansrijk cannot write a report or an
// export, the user reads in Dutch which file and why, without the
// system's English.
func TestSchrijfFoutenNederlands(t *testing.T) {
	dir, inbox := voorbeeldWerkmap(t)
	importeer(t, dir, inbox)
	tmp := t.TempDir()
	blok := filepath.Join(tmp, "een-bestand")
	os.WriteFile(blok, []byte("x"), 0o644)
	mapAlsPdf := filepath.Join(tmp, "rapporten")
	os.MkdirAll(filepath.Join(mapAlsPdf, "Kansrijke_Start_Havenstad_2026-K3.pdf", "x"), 0o755)
	mapAlsCsv := filepath.Join(tmp, "map.csv")
	os.Mkdir(mapAlsCsv, 0o755)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "-w", dir, "--uit", filepath.Join(tmp, "bestaat-niet", "cijfers.csv")},
			filepath.Join(tmp, "bestaat-niet", "cijfers.csv") + ": het schrijven lukte niet: de map bestaat niet"},
		{[]string{"export", "-w", dir, "--uit", filepath.Join(blok, "cijfers.xlsx")},
			filepath.Join(blok, "cijfers.xlsx") + ": het schrijven lukte niet: een deel van het pad is een bestand en geen map"},
		{[]string{"export", "-w", dir, "--uit", filepath.Join(tmp, "c.csv"), "--verhalen", filepath.Join(blok, "verhalen")},
			filepath.Join(blok, "verhalen") + ": het aanmaken van de map lukte niet: een deel van het pad is een bestand en geen map"},
		{[]string{"export", "-w", dir, "--uit", mapAlsCsv},
			mapAlsCsv + ": het schrijven lukte niet: op die plek staat een map"},
		{[]string{"rapport", "-w", dir, "--kwartaal", "2026-K3", "--uit", filepath.Join(blok, "rapporten")},
			filepath.Join(blok, "rapporten") + ": het aanmaken van de map lukte niet: een deel van het pad is een bestand en geen map"},
		{[]string{"rapport", "-w", dir, "--kwartaal", "2026-K3", "--coalitie", "Havenstad", "--uit", mapAlsPdf},
			filepath.Join(mapAlsPdf, "Kansrijke_Start_Havenstad_2026-K3.pdf") + ": het lezen lukte niet: op die plek staat een map"},
	} {
		code, stdout, stderr := runCLI(t, tt.args...)
		if code == exitOK {
			t.Errorf("%v: exit 0\n%s", tt.args, stdout)
			continue
		}
		if m := engels.FindString(stderr); m != "" {
			t.Errorf("%v: English %q reached the user:\n%s", tt.args, m, stderr)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: stderr\n%s\nwant it to contain %q", tt.args, stderr, tt.want)
		}
	}
}
