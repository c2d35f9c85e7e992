package main

import (
	"bytes"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"path/filepath"
	"strings"
	"testing"
)

func TestZichtbaar(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Verloskundigen_Lindehoven_2026-Q3.xlsx", "Verloskundigen_Lindehoven_2026-Q3.xlsx"},
		{"Cliënten ‘één’ — 😊 👨‍👩‍👧 🇳🇱", "Cliënten ‘één’ — 😊 👨‍👩‍👧 🇳🇱"},
		{"a.csv\ningelezen     nep.csv", `a.csv\ningelezen     nep.csv`},
		{"rood\x1b[31m\x1b]0;titel\x07", `rood\x1b[31m\x1b]0;titel\x07`},
		{"regel\r\tnul\x00del\x7f", `regel\r\tnul\x00del\x7f`},
		{"c1\u0085\u009b", `c1\u0085\u009b`},
		{"naam\u202egpj.exe", `naam\u202egpj.exe`},
		{"\u2066x\u2069\u200e\u200f\u061c", `\u2066x\u2069\u200e\u200f\u061c`},
		{"Haven\u200bstad\ufeff\u2060", `Haven\u200bstad\ufeff\u2060`},
		{"a\u2028b\u2029", `a\u2028b\u2029`},
		{"caf\xe9 \xff", `caf\xe9 \xff`},
		{"", ""},
	} {
		got := zichtbaar(tt.in)
		if got != tt.want {
			t.Errorf("zichtbaar(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if zichtbaar(got) != got {
			t.Errorf("zichtbaar changes its own result %q", got)
		}
	}
}

type status string

type stringer struct{}

func (stringer) String() string { return "x\ny" }

func TestPrintf(t *testing.T) {
	var b bytes.Buffer
	printf(&b, "%-8s|%s|%q|%d|%s|%v|%s|%s\n", status("a\x1b"), "b\nc", "d\ne", 42, errors.New("fout in\nnaam"),
		stringer{}, programmaTekst("regel 1\nregel 2"), errors.Join(errors.New("een\x1b"), errors.New("twee")))
	want := "a\\x1b   |b\\nc|\"d\\ne\"|42|fout in\\nnaam|x\\ny|regel 1\nregel 2|een\\x1b\ntwee\n"
	if b.String() != want {
		t.Errorf("printf wrote\n%q\nwant\n%q", b.String(), want)
	}
}

// TestVoortgangZichtbaar: the progress line shows a file name with a line
// break or an escape sequence as text, and cuts a long name between
// characters.
func TestVoortgangZichtbaar(t *testing.T) {
	var b bytes.Buffer
	v := &voortgang{w: &b, on: true, totaal: 2}
	v.stap(2, "a\nb\x1b[2J"+strings.Repeat("é", 100))
	out := b.String()
	if strings.ContainsAny(strings.TrimPrefix(out, "\r"), "\r\n\x1b") {
		t.Errorf("progress line %q holds a control character", out)
	}
	if !strings.Contains(out, `a\nb\x1b[2J`) || !strings.HasSuffix(out, "é…") {
		t.Errorf("progress line %q", out)
	}
}

// TestAlleUitvoerViaPrintf: nothing in kansrijk writes to the terminal but
// through printf, so no input reaches it unescaped.
func TestAlleUitvoerViaPrintf(t *testing.T) {
	bestanden, _ := filepath.Glob("*.go")
	for _, naam := range bestanden {
		if strings.HasSuffix(naam, "_test.go") || naam == "toon.go" {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), naam, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pkg, _ := sel.X.(*ast.Ident)
			switch {
			case pkg != nil && pkg.Name == "fmt" && (strings.HasPrefix(sel.Sel.Name, "Fprint") || strings.HasPrefix(sel.Sel.Name, "Print")),
				pkg != nil && pkg.Name == "io" && sel.Sel.Name == "WriteString",
				pkg != nil && (pkg.Name == "stdout" || pkg.Name == "stderr") && strings.HasPrefix(sel.Sel.Name, "Write"):
				t.Errorf("%s: %s.%s writes past printf", naam, pkg.Name, sel.Sel.Name)
			}
			return true
		})
	}
}

// TestZichtbareRegels: a log line of kansrijk web with a request path
// holding a line break and an escape sequence stays one visible line.
func TestZichtbareRegels(t *testing.T) {
	var b bytes.Buffer
	l := log.New(zichtbareRegels{&b}, "kansrijk web: ", 0)
	l.Printf("GET %s", "/rapporten/a\nkansrijk web: nep\x1b[2J")
	if want := "kansrijk web: GET /rapporten/a\\nkansrijk web: nep\\x1b[2J\n"; b.String() != want {
		t.Errorf("log wrote %q, want %q", b.String(), want)
	}
}
