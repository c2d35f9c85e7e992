package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNieuwConfigIsValid(t *testing.T) {
	cfg, err := Parse(nieuwConfig, "nieuw.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Indicatoren) != 10 {
		t.Errorf("the starting configuration has %d indicators, want KS01–KS10", len(cfg.Indicatoren))
	}
	got := map[string]bool{}
	for _, p := range StandaardProfielen() {
		got[string(p.Bron)] = true
	}
	for _, b := range []string{"verloskunde", "jgz", "kraamzorg", "wijkteam", "ouderverhalen", "codeboek", "personas"} {
		if !got[b] {
			t.Errorf("no standard bronprofiel for %s", b)
		}
	}
}

func TestParseErrors(t *testing.T) {
	base := "[[coalitie]]\nnaam = \"A\"\ngemeenten = [\"X\"]\n"
	tests := []struct {
		toml string
		want string
	}{
		{"regio = ", "regel 1"},
		{"", "geen enkele [[coalitie]]"},
		{base + "onzin = 1\n", "onbekende instelling"},
		{base + "[[coalitie]]\nnaam = \"B\"\ngemeenten = [\"x \"]\n", "hoort bij twee coalities"},
		{base + "[[partner]]\nnaam = \"P\"\nbron = \"weer\"\n", "onbekende bron"},
		{base + "[[partner]]\nnaam = \"P\"\nbron = \"jgz\"\ngemeenten = [\"Y\"]\n", "bij geen enkele coalitie"},
		{base + "[[indicator]]\ncode = \"KS01\"\nstreefwaarde = 75\n", "fractie tussen 0 en 1"},
		{base + "[[indicator]]\ncode = \"KS01\"\nbeter = \"meer\"\n", "kies \"hoger\""},
		{base + "[[indicator]]\ncode = \"KS01\"\nbaseline = \"begin 2025\"\n", "baseline"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.toml), "k.toml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "k.toml") {
			t.Errorf("Parse(%q) = %v, want an error naming the file and saying %q", tt.toml, err, tt.want)
		}
	}
}

func TestInitAndOpen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "kansrijk init") {
		t.Errorf("Open of a missing werkmap: %v, want a hint to run kansrijk init", err)
	}
	w, err := Init(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{w.Inbox(), w.Rapporten()} {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			t.Errorf("%s not made", d)
		}
	}
	if _, err := Open(dir); err != nil {
		t.Errorf("Open after Init: %v", err)
	}
	if _, err := Init(dir, nil); err == nil {
		t.Error("Init overwrote an existing configuration")
	}
}
