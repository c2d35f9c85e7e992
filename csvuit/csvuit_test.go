package csvuit

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestTekst(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Havenstad", "Havenstad"},
		{"=1+2", "'=1+2"},
		{`=HYPERLINK("http://x.nl","klik")`, `'=HYPERLINK("http://x.nl","klik")`},
		{"+SUM(A1:A9)", "'+SUM(A1:A9)"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"=DDE(\"cmd\";\"/C calc\";\"A1\")", "'=DDE(\"cmd\";\"/C calc\";\"A1\")"},
		{"-2+3", "'-2+3"},
		{"- ik vond het fijn", "'- ik vond het fijn"},
		{"\t=1+2", "'\t=1+2"},
		{"\r=1+2", "'\r=1+2"},
		{"\n=1+2", "'\n=1+2"},
		{"  =1+2", "'  =1+2"},
		{"\u00a0=1", "'\u00a0=1"},
		{"＝1+2", "'＝1+2"},
		{"＋1", "'＋1"},
		{"－1", "'－1"},
		{"＠SUM(A1)", "'＠SUM(A1)"},
		{"-inf", "'-inf"},
		{"-", "'-"},
		// Numbers stay numbers.
		{"-3", "-3"},
		{"-0.5", "-0.5"},
		{"-0,5", "-0,5"},
		{"+31", "+31"},
		{"-1e5", "-1e5"},
		{"12", "12"},
		{"0.762014", "0.762014"},
		// Already inert, or no formula.
		{"'=1+2", "'=1+2"},
		{"a=1", "a=1"},
		{"2026-K3", "2026-K3"},
		{"", ""},
		{"  ", "  "},
	} {
		if got := Tekst(tt.in); got != tt.want {
			t.Errorf("Tekst(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Tekst(Tekst(tt.in)); got != tt.want {
			t.Errorf("Tekst twice on %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.Write([]string{"naam", "teller"})
	w.Write([]string{"=1+2", "-3"})
	w.Write([]string{"a,\"b\"", "@x"})
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	want := "naam,teller\n'=1+2,-3\n\"a,\"\"b\"\"\",'@x\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 3 || recs[2][0] != `a,"b"` {
		t.Errorf("read back %q, %v", recs, err)
	}
}
