package workspace

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path"
	"strings"
	"testing"
)

const basis = "[[coalitie]]\nnaam = \"A\"\ngemeenten = [\"X\"]\n" // lines 1–3

// engels are words of the toml package's and Go's English messages that
// must never reach a user.
var engels = []string{"toml:", "expected", "unexpected", "invalid", "cannot", "incompatible", "strings", "newline", "line ", "key", "type ", "found", "destination"}

func nederlands(t *testing.T, err error) {
	t.Helper()
	for _, w := range engels {
		if strings.Contains(strings.ToLower(err.Error()), w) {
			t.Errorf("English %q in %q", w, err)
		}
	}
}

// TestTOMLFoutenInHetNederlands: a broken kansrijk.toml gives a Dutch
// message with the line (and the key where there is one), never the toml
// package's English ("strings cannot contain newlines").
func TestTOMLFoutenInHetNederlands(t *testing.T) {
	tests := []struct {
		toml  string
		regel int
		want  string
	}{
		{"regio = \"Regio\nNoord\"\n" + basis, 1, "sluit hem op dezelfde regel af"},
		{basis + "[[partner]]\nnaam = Havenstad\n", 5, "tussen aanhalingstekens"},
		{basis + "[[partner]]\nnaam = \"P\"\nbron = \"jgz\"\nbestanden = [\"a\", \n", 7, "ontbreekt er een ]"},
		{basis + "regio = \"a\\qb\"\n", 4, `'\q'`},
		{basis + "[[indicator]]\ncode = \"KS01\"\nstreefwaarde = \"hoog\"\n", 6, "hier staat een tekst, maar hier hoort een getal"},
		{basis + "[[indicator]]\ncode = \"KS01\"\nstreefwaarde = 1e400\n", 6, "te groot"},
		{basis + "[[coalitie]]\nnaam = \"B\"\ngemeenten = \"Y\"\n", 6, "hoort een lijst"},
		{basis + "naam = \"dubbel\"\n", 4, "twee keer"},
		{"regio = \x01\n" + basis, 1, "stuurteken"},
		{"regio = \"\xff\"\n" + basis, 1, "UTF-8"},
		{basis + "[[partner]\n", 4, "]]"},
		{basis + "= 3\n", 4, "ontbreekt de naam"},
		{basis + "regio = \"a\" \"b\"\n", 4, "eigen regel"},
		{basis + "regio = .5\n", 4, "0.75"},
		{basis + "gemeenten = [\"a\" \"b\"]\n", 4, "komma's"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.toml), "k.toml")
		var f *Fout
		if !errors.As(err, &f) {
			t.Errorf("Parse(%q) = %v, want a *Fout", tt.toml, err)
			continue
		}
		if f.Regel != tt.regel || !strings.Contains(err.Error(), fmt.Sprintf("k.toml, regel %d", tt.regel)) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %q, want line %d and %q", tt.toml, err, tt.regel, tt.want)
		}
		nederlands(t, err)
	}
}

// TestConfigFoutenNoemenRegelEnSleutel: every check of the configuration
// names the line and the key, also inside the n-th [[partner]] and in a
// list spread over lines.
func TestConfigFoutenNoemenRegelEnSleutel(t *testing.T) {
	partner := func(naam, bron string, regels ...string) string {
		return fmt.Sprintf("[[partner]]\nnaam = %q\nbron = %q\n%s", naam, bron, strings.Join(regels, ""))
	}
	tests := []struct {
		toml    string
		regel   int
		sleutel string
		want    string
	}{
		{basis + "[[coalitie]]\nnaam = \"B\"\ngemeenten = [\"x \"]\n", 6, "gemeenten", "hoort bij twee coalities"},
		{basis + "[[coalitie]]\nnaam = \" a\"\ngemeenten = [\"Y\"]\n", 5, "naam", "ook op regel 2"},
		{basis + "[[coalitie]]\nnaam = \"B\"\n", 4, "gemeenten", "geen gemeenten"},
		{basis + partner("P", "jgz") + partner("Q", "weer"), 9, "bron", "onbekende bron"},
		{basis + partner("P", "jgz", "gemeenten = [\n  \"X\",\n  \"Y\",\n]\n"), 9, "gemeenten", "bij geen enkele coalitie"},
		{basis + partner("P", "jgz", "bestanden = [\"[a\"]\n"), 7, "bestanden", "ongeldig"},
		{basis + partner("P", "jgz") + "onzin = 1\n", 7, "onzin", "onbekende instelling"},
		{basis + "[[indicator]]\ncode = \"KS01\"\n[[indicator]]\ncode = \"KS02\"\nstreefwaarde = 75\n", 8, "streefwaarde", "fractie tussen 0 en 1"},
		{basis + "[[indicator]]\ncode = \"KS01\"\nbeter = \"meer\"\n", 6, "beter", "kies \"hoger\""},
		{basis + "[[indicator]]\ncode = \"KS01\"\nbaseline = \"begin 2025\"\n", 6, "baseline", "baseline"},
		{basis + "[[indicator]]\ncode = \"KS01\"\nbaseline = \"1900-K1\"\n", 6, "baseline", "niet aannemelijk"},
		{basis + "[[indicator]]\ncode = \"KS01\"\n[[indicator]]\ncode = \"KS01\"\n", 7, "code", "twee keer"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.toml), "k.toml")
		var f *Fout
		if !errors.As(err, &f) || f.Regel != tt.regel || f.Sleutel != tt.sleutel || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want line %d, key %s and %q", tt.toml, err, tt.regel, tt.sleutel, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), fmt.Sprintf("k.toml, regel %d (%s)", tt.regel, tt.sleutel)) {
			t.Errorf("message %q does not name line and key", err)
		}
	}
}

// TestStreefwaardeGeenGetal: nan and inf are TOML floats; a streefwaarde
// of nan was printed as "Streefwaarde NaN%".
func TestStreefwaardeGeenGetal(t *testing.T) {
	for _, w := range []string{"nan", "+nan", "-nan", "inf", "-inf", "+inf", "1.5", "-0.1"} {
		_, err := Parse([]byte(basis+"[[indicator]]\ncode = \"KS01\"\nstreefwaarde = "+w+"\n"), "k.toml")
		if err == nil || !strings.Contains(err.Error(), "k.toml, regel 6 (streefwaarde)") {
			t.Errorf("streefwaarde = %s: %v, want a refusal naming line 6", w, err)
		}
	}
	for _, w := range []string{"0", "0.75", "1"} {
		if _, err := Parse([]byte(basis+"[[indicator]]\ncode = \"KS01\"\nstreefwaarde = "+w+"\n"), "k.toml"); err != nil {
			t.Errorf("streefwaarde = %s: %v", w, err)
		}
	}
}

// TestBestandsnamenBotsen: coalities whose reports would get one file
// name are refused at load, naming both; so are a coalitie that would
// take another's page for parents or the overview.
func TestBestandsnamenBotsen(t *testing.T) {
	coalitie := func(naam, gemeente string) string {
		return fmt.Sprintf("[[coalitie]]\nnaam = %q\ngemeenten = [%q]\n", naam, gemeente)
	}
	tests := []struct {
		toml  string
		regel int
		want  []string
	}{
		{coalitie("Noord/Oost", "X") + coalitie("Noord Oost", "Y"), 5, []string{`"Noord/Oost" (regel 2)`, `"Noord Oost"`, "Kansrijke_Start_Noord_Oost_"}},
		{coalitie("Zuid:West", "X") + coalitie("zuid west", "Y"), 5, []string{`"Zuid:West"`, `"zuid west"`}},
		{coalitie("Dal", "X") + coalitie("Dal ouders", "Y"), 5, []string{`"Dal"`, `"Dal ouders"`, "pagina voor ouders"}},
		{coalitie("Overzicht", "X"), 2, []string{`"Overzicht"`, "overzicht van alle coalities"}},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.toml), "k.toml")
		var f *Fout
		if !errors.As(err, &f) || f.Regel != tt.regel {
			t.Errorf("Parse(%q) = %v, want a refusal on line %d", tt.toml, err, tt.regel)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q lacks %q", err, w)
			}
		}
	}
	if _, err := Parse([]byte(coalitie("Noord", "X")+coalitie("Noord-Oost", "Y")+coalitie("Oost", "Z")), "k.toml"); err != nil {
		t.Errorf("distinct names refused: %v", err)
	}
}

// TestPatronenVanTweePartners: a pattern that claims another partner's
// files (a "*" claims every file) is refused at load, naming both
// partners, both patterns and a file name that both match.
func TestPatronenVanTweePartners(t *testing.T) {
	partner := func(naam string, pats ...string) string {
		return fmt.Sprintf("[[partner]]\nnaam = %q\nbron = \"wijkteam\"\nbestanden = [%s]\n", naam, `"`+strings.Join(pats, `", "`)+`"`)
	}
	tests := []struct {
		toml string
		want []string
	}{
		{basis + partner("Wijkteam Havenstad", "wijkteam_havenstad_*") + partner("Wijkteam Dalwijk", "wijkteam_*"),
			[]string{"regel 11 (bestanden)", `"wijkteam_*" van partner "Wijkteam Dalwijk"`, `"wijkteam_havenstad_*" van partner "Wijkteam Havenstad" (regel 7)`, `"wijkteam_havenstad_"`}},
		{basis + partner("Alles", "*") + partner("JGZ", "JGZ_*.xlsx"),
			[]string{`"JGZ_*.xlsx" van partner "JGZ"`, `"*" van partner "Alles"`, `"jgz_.xlsx"`}},
		{basis + partner("Hoofdletters", "Wijkteam_A*") + partner("Klein", "wijkteam_a?.csv"), []string{"Hoofdletters", "Klein"}},
		{basis + partner("Klasse", "wt_[a-c]*") + partner("Vraag", "wt_?x.csv"), []string{"Klasse", "Vraag", `"wt_ax.csv"`}},
		{basis + "[[partner]]\nnaam = \"QDA1\"\nbron = \"refiqda\"\nbestanden = [\"*.qdpx\"]\n" +
			"[[partner]]\nnaam = \"QDA2\"\nbron = \"refiqda\"\nbestanden = [\"Lindehoven*\"]\n", []string{"QDA1", "QDA2", `"lindehoven.qdpx"`}},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.toml), "k.toml")
		if err == nil {
			t.Errorf("Parse(%q) accepted overlapping patterns", tt.toml)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q lacks %q", err, w)
			}
		}
	}
	for _, ok := range []string{
		partner("Ouderverhalen", "Ouderverhalen_*.xlsx") + partner("QDA", "*.qdpx"),
		partner("A", "wijkteam_havenstad_*") + partner("B", "wijkteam_dalwijk_*"),
		partner("A", "wt_[a-c]*") + partner("B", "wt_[d-z]*"),
		partner("A", "x_*", "y_*") + partner("A", "x_1*"), // one partner in two entries: no dispute
		// A REFI-QDA project goes to a refiqda partner only (Bron.Leest).
		partner("Praktijk", "Praktijk_*") + "[[partner]]\nnaam = \"QDA\"\nbron = \"refiqda\"\nbestanden = [\"*.qdpx\"]\n",
	} {
		if _, err := Parse([]byte(basis+ok), "k.toml"); err != nil {
			t.Errorf("Parse refused disjoint patterns: %v", err)
		}
	}
}

// TestOverlapTegenPathMatch checks the search against path.Match itself:
// for random patterns over a small alphabet, any name of up to six
// characters that matches both must be found, and every name Overlap
// returns must match both (as Partner matches: lower case).
func TestOverlapTegenPathMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	termen := []string{"a", "b", "A", "*", "?", "[ab]", "[^a]", "[b-c]", "\\*", "/", "[/]", "*"}
	maak := func() string {
		var b strings.Builder
		for n := rng.IntN(5); n >= 0; n-- {
			b.WriteString(termen[rng.IntN(len(termen))])
		}
		return b.String()
	}
	var namen []string
	var alle func(prefix string, n int)
	alle = func(prefix string, n int) {
		namen = append(namen, prefix)
		if n == 0 {
			return
		}
		for _, c := range []string{"a", "b", "c", "*"} {
			alle(prefix+c, n-1)
		}
	}
	alle("", 6)
	match := func(pat, naam string) bool {
		ok, _ := path.Match(strings.ToLower(pat), strings.ToLower(naam))
		return ok
	}
	for range 3000 {
		a, b := maak(), maak()
		naam, ok, err := Overlap(a, b)
		if err != nil {
			t.Fatalf("Overlap(%q, %q): %v", a, b, err)
		}
		if ok && (!match(a, naam) || !match(b, naam)) {
			t.Errorf("Overlap(%q, %q) = %q, which does not match both", a, b, naam)
		}
		if !ok {
			for _, n := range namen {
				if match(a, n) && match(b, n) {
					t.Errorf("Overlap(%q, %q) found nothing, but %q matches both", a, b, n)
					break
				}
			}
		}
	}
}

// FuzzParse: whatever kansrijk.toml holds, Parse ends in a configuration
// or a *Fout in Dutch with a sensible line; it never panics or hangs.
func FuzzParse(f *testing.F) {
	f.Add(string(nieuwConfig))
	f.Add(basis + "[[partner]]\nnaam = \"P\"\nbron = \"jgz\"\nbestanden = [\"a*\", '''b''']\n[profiel.kolommen]\nx = {a = [1, [2]], b = \"\"\"\n\"\"\"}\n")
	f.Add("regio = \"a\nb\"")
	f.Fuzz(func(t *testing.T, s string) {
		_, err := Parse([]byte(s), "k.toml")
		if err == nil {
			return
		}
		var fout *Fout
		if !errors.As(err, &fout) {
			t.Fatalf("Parse error %v is no *Fout", err)
		}
		if fout.Regel < 0 || fout.Regel > strings.Count(s, "\n")+1 {
			t.Fatalf("line %d outside the document (%d lines): %v", fout.Regel, strings.Count(s, "\n")+1, err)
		}
		if strings.Contains(err.Error(), "toml:") {
			t.Fatalf("the toml package's text reached the user: %v", err)
		}
	})
}

// FuzzOverlap: the search never panics and agrees with path.Match on
// the name it returns.
func FuzzOverlap(f *testing.F) {
	f.Add("wijkteam_*", "wijkteam_havenstad_*")
	f.Add("[^a-c]?*.x", "*[\\]]")
	f.Fuzz(func(t *testing.T, a, b string) {
		naam, ok, err := Overlap(a, b)
		if err != nil || !ok {
			return
		}
		for _, p := range []string{a, b} {
			if m, _ := path.Match(strings.ToLower(p), strings.ToLower(naam)); !m {
				t.Fatalf("Overlap(%q, %q) = %q, not matched by %q", a, b, naam, p)
			}
		}
	})
}
