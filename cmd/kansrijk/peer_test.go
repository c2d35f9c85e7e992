package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"kansrijk"
)

// The Python peer of issue 19 (../shared/peer/peer_pipeline.py): what a
// GGD analyst would write instead of kansrijk. The benchmark runs it on
// the same inbox and processors; nothing of it is in this repository.

// peerModules are the Python packages the peer imports.
var peerModules = []string{"pandas", "openpyxl", "matplotlib", "reportlab"}

// peerPipeline is a peer that can run.
type peerPipeline struct {
	python, script string
}

// zoekPeer finds the peer and checks that its Python has its packages;
// otherwise it says, in Dutch, why the comparison is skipped. Empty
// arguments mean Debian's /usr/bin/python3 and ../shared/peer seen from
// the repository root; script "uit" turns the peer off.
func zoekPeer(python, script string) (*peerPipeline, string) {
	if script == "uit" {
		return nil, "uitgezet met PEER=uit"
	}
	if python == "" {
		python = "/usr/bin/python3"
	}
	if script == "" {
		script = filepath.Join("..", "..", "..", "shared", "peer", "peer_pipeline.py")
	}
	if abs, err := filepath.Abs(script); err == nil {
		script = abs
	}
	if _, err := os.Stat(script); err != nil {
		return nil, fmt.Sprintf("de peer %s is er niet (de gedeelde map ../shared/peer ontbreekt; geef een ander pad met PEER=...)", script)
	}
	if _, err := exec.LookPath(python); err != nil {
		return nil, fmt.Sprintf("Python %s ontbreekt (installeer Debians python3 met apt-get install -y python3, of geef PEER_PYTHON=...)", python)
	}
	// Which of the packages are missing, without importing them.
	out, err := exec.Command(python, append([]string{"-c",
		"import importlib.util, sys; print(' '.join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))"},
		peerModules...)...).CombinedOutput()
	if err != nil {
		return nil, fmt.Sprintf("%s start niet: %s", python, strings.TrimSpace(string(out)))
	}
	if ontbreekt := strings.Fields(string(out)); len(ontbreekt) > 0 {
		apt := make([]string, len(ontbreekt))
		for i, m := range ontbreekt {
			apt[i] = "python3-" + m
		}
		return nil, fmt.Sprintf("%s mist de Python-pakket(ten) %s (installeer met apt-get install -y %s)",
			python, strings.Join(ontbreekt, ", "), strings.Join(apt, " "))
	}
	return &peerPipeline{python: python, script: script}, ""
}

// peerMeting is one run of the peer.
type peerMeting struct {
	uit                           string  // its output folder
	proces                        meting  // the whole process
	lezen, rekenen, maken, totaal float64 // seconds, as it timed its phases
}

// voer runs the peer on inbox, pinned like kansrijk, into uit.
func (p *peerPipeline) voer(pin pinning, inbox, uit string, kwartaal, vanaf kansrijk.Kwartaal, coalities string) (*peerMeting, error) {
	if err := os.RemoveAll(uit); err != nil {
		return nil, err
	}
	m, _, errb, err := pin.voer(nil, p.python, p.script, "--inbox", inbox, "--out", uit,
		"--kwartaal", kwartaal.String(), "--vanaf", vanaf.String(), "--coalities", coalities)
	if err != nil {
		return nil, fmt.Errorf("%v: %s", err, staart(errb, 1500))
	}
	b, err := os.ReadFile(filepath.Join(uit, "peer_timings.json"))
	if err != nil {
		return nil, err
	}
	var t struct {
		Seconds struct {
			Read, Compute, Render, Total float64
		}
	}
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("peer_timings.json: %w", err)
	}
	return &peerMeting{uit: uit, proces: m, lezen: t.Seconds.Read, rekenen: t.Seconds.Compute, maken: t.Seconds.Render, totaal: t.Seconds.Total}, nil
}

// staart is the end of a command's output, for a message.
func staart(b []byte, n int) string {
	s := strings.TrimSpace(string(b))
	if len(s) > n {
		s = "…" + s[len(s)-n:]
	}
	return s
}

// schrijfCoalities writes the peer's coalities file (coalitie,gemeente,
// a row per gemeente) from a workspace's configuration.
func schrijfCoalities(pad string, coalities []kansrijk.Coalitie) error {
	f, err := os.Create(pad)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	cw.Write([]string{"coalitie", "gemeente"})
	for _, c := range coalities {
		for _, g := range c.Gemeenten {
			cw.Write([]string{c.Naam, g})
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cijferSleutel names a figure in both exports.
type cijferSleutel struct{ coalitie, gemeente, kwartaal, indicator string }

func (k cijferSleutel) String() string {
	plaats := k.coalitie
	if k.gemeente != "" {
		plaats += "/" + k.gemeente
	}
	return fmt.Sprintf("%s %s %s", k.indicator, plaats, k.kwartaal)
}

// cijferRij is a figure as an export writes it.
type cijferRij struct{ teller, noemer, status string }

func (r cijferRij) heeftWaarde() bool { return r.teller != "" && r.noemer != "" }

func (r cijferRij) String() string {
	if !r.heeftWaarde() {
		return "geen teller/noemer (" + r.status + ")"
	}
	return fmt.Sprintf("%s/%s (%s)", r.teller, r.noemer, r.status)
}

// indicatorVerschil counts, for one indicator, how the two exports differ.
type indicatorVerschil struct {
	beide          int // figures in both
	teller, noemer int // both have a number, and it differs
	berekenbaar    int // one has teller and noemer, the other not
	alleenKansrijk int // with teller and noemer, missing in the peer's
	alleenPeer     int
	alleenLeeg     int               // in one only, without teller and noemer
	status         map[[2]string]int // small-number status differences, kansrijk↔peer
}

// vergelijking is kansrijk's figures export against the peer's cijfers.csv.
type vergelijking struct {
	per         map[string]*indicatorVerschil
	voorbeelden []string
}

// peerStatus is the peer's word for a kansrijk status (peer_pipeline.py
// knows ok, klein for noemer < 10, and niet_berekenbaar); "" where the
// peer has none (secundair_onderdrukt).
var peerStatus = map[string]string{
	"ok": "ok", "klein_aantal": "klein", "geen_noemer": "klein",
	"onderdrukt_bij_bron": "niet_berekenbaar", "niet_beschikbaar": "niet_berekenbaar",
}

// maxVoorbeelden is how many disagreements the benchmark shows.
const maxVoorbeelden = 12

// vergelijkBestanden compares two exports by path.
func vergelijkBestanden(kansrijkPad, peerPad string) (*vergelijking, error) {
	k, err := os.Open(kansrijkPad)
	if err != nil {
		return nil, err
	}
	defer k.Close()
	p, err := os.Open(peerPad)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	return vergelijkCijfers(k, p)
}

// vergelijkCijfers compares every figure of kansrijk's export with the
// peer's: teller and noemer where both have them (to 0,005, as the peer
// writes KS08's hours with two decimals), whether both have them, and
// which figures only one has. The small-number status is counted apart:
// the two apply different rules for it.
func vergelijkCijfers(kansrijkCSV, peerCSV io.Reader) (*vergelijking, error) {
	k, err := leesCijfers(kansrijkCSV, "kansrijk")
	if err != nil {
		return nil, err
	}
	p, err := leesCijfers(peerCSV, "peer")
	if err != nil {
		return nil, err
	}
	v := &vergelijking{per: map[string]*indicatorVerschil{}}
	van := func(ind string) *indicatorVerschil {
		if v.per[ind] == nil {
			v.per[ind] = &indicatorVerschil{status: map[[2]string]int{}}
		}
		return v.per[ind]
	}
	voorbeeld := func(key cijferSleutel, a, b string) {
		if len(v.voorbeelden) < maxVoorbeelden {
			v.voorbeelden = append(v.voorbeelden, fmt.Sprintf("%s: kansrijk %s, peer %s", key, a, b))
		}
	}
	for _, key := range gesorteerd(k) {
		a := k[key]
		d := van(key.indicator)
		b, ok := p[key]
		if !ok {
			if a.heeftWaarde() {
				d.alleenKansrijk++
				voorbeeld(key, a.String(), "geen cijfer")
			} else {
				d.alleenLeeg++
			}
			continue
		}
		d.beide++
		switch {
		case a.heeftWaarde() != b.heeftWaarde():
			d.berekenbaar++
			voorbeeld(key, a.String(), b.String())
		case a.heeftWaarde():
			tOK, nOK := zelfdeGetal(a.teller, b.teller), zelfdeGetal(a.noemer, b.noemer)
			if !tOK {
				d.teller++
			}
			if !nOK {
				d.noemer++
			}
			if !tOK || !nOK {
				voorbeeld(key, a.String(), b.String())
			}
		}
		if peerStatus[a.status] != b.status {
			d.status[[2]string{a.status, b.status}]++
		}
	}
	for _, key := range gesorteerd(p) {
		if _, ok := k[key]; ok {
			continue
		}
		b := p[key]
		d := van(key.indicator)
		if b.heeftWaarde() {
			d.alleenPeer++
			voorbeeld(key, "geen cijfer", b.String())
		} else {
			d.alleenLeeg++
		}
	}
	return v, nil
}

// leesCijfers reads an export with kansrijk's columns.
func leesCijfers(r io.Reader, wie string) (map[cijferSleutel]cijferRij, error) {
	recs, err := csv.NewReader(r).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("cijfers van %s: %w", wie, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("cijfers van %s: leeg", wie)
	}
	kol := map[string]int{}
	for i, h := range recs[0] {
		kol[h] = i
	}
	for _, h := range []string{"coalitie", "gemeente", "kwartaal", "indicator", "teller", "noemer", "status"} {
		if _, ok := kol[h]; !ok {
			return nil, fmt.Errorf("cijfers van %s: kolom %q ontbreekt", wie, h)
		}
	}
	out := map[cijferSleutel]cijferRij{}
	for _, r := range recs[1:] {
		key := cijferSleutel{r[kol["coalitie"]], r[kol["gemeente"]], r[kol["kwartaal"]], r[kol["indicator"]]}
		out[key] = cijferRij{r[kol["teller"]], r[kol["noemer"]], r[kol["status"]]}
	}
	return out, nil
}

func gesorteerd(m map[cijferSleutel]cijferRij) []cijferSleutel {
	keys := make([]cijferSleutel, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b cijferSleutel) int {
		return strings.Compare(a.indicator+a.coalitie+"\x00"+a.gemeente+a.kwartaal, b.indicator+b.coalitie+"\x00"+b.gemeente+b.kwartaal)
	})
	return keys
}

// zelfdeGetal compares two numbers as the exports write them.
func zelfdeGetal(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return math.Abs(x-y) <= 0.005+1e-9
}

// gelijk: no figure both have differs in teller, noemer or being
// computable. Figures only one side has are counted apart (alleen).
func (v *vergelijking) gelijk() bool {
	for _, d := range v.per {
		if d.teller+d.noemer+d.berekenbaar > 0 {
			return false
		}
	}
	return true
}

// alleen counts the computable figures only kansrijk and only the peer has.
func (v *vergelijking) alleen() (kansrijk, peer int) {
	for _, d := range v.per {
		kansrijk += d.alleenKansrijk
		peer += d.alleenPeer
	}
	return kansrijk, peer
}

// samenvatting is the verdict in a line.
func (v *vergelijking) samenvatting() string {
	var beide, anders int
	var welke []string
	for _, ind := range v.indicatoren() {
		d := v.per[ind]
		beide += d.beide
		if n := d.teller + d.noemer + d.berekenbaar; n > 0 {
			anders += n
			welke = append(welke, ind)
		}
	}
	s := fmt.Sprintf("teller en noemer gelijk bij alle %d cijfers die beide hebben", beide)
	if anders > 0 {
		s = fmt.Sprintf("%d van de %d cijfers die beide hebben verschillen, bij %s", anders, beide, strings.Join(welke, ", "))
	}
	if k, p := v.alleen(); k+p > 0 {
		s += fmt.Sprintf("; daarnaast %d cijfer(s) alleen bij kansrijk en %d alleen bij de peer", k, p)
	}
	return s
}

func (v *vergelijking) indicatoren() []string {
	var inds []string
	for ind := range v.per {
		inds = append(inds, ind)
	}
	slices.Sort(inds)
	return inds
}

// print writes the comparison per indicator.
func (v *vergelijking) print(w io.Writer) {
	fmt.Fprintln(w, "   cijfers: kansrijk export tegen cijfers.csv van de peer (teller en noemer, KS08 tot op 0,005 uur):")
	fmt.Fprintf(w, "   %-9s %7s %8s %8s %12s %16s %12s   %s\n", "indicator", "beide", "teller≠", "noemer≠", "berekenbaar≠", "alleen kansrijk", "alleen peer", "status≠ (kleine aantallen), kansrijk↔peer")
	for _, ind := range v.indicatoren() {
		d := v.per[ind]
		var st []string
		for pair, n := range d.status {
			st = append(st, fmt.Sprintf("%s↔%s %d", pair[0], pair[1], n))
		}
		slices.Sort(st)
		leeg := ""
		if d.alleenLeeg > 0 {
			leeg = fmt.Sprintf(" (+%d zonder waarde aan één kant)", d.alleenLeeg)
		}
		fmt.Fprintf(w, "   %-9s %7d %8d %8d %12d %16d %12d   %s%s\n", ind, d.beide, d.teller, d.noemer, d.berekenbaar,
			d.alleenKansrijk, d.alleenPeer, strings.Join(st, ", "), leeg)
	}
	if len(v.voorbeelden) > 0 {
		fmt.Fprintln(w, "   voorbeelden van verschillen:")
		for _, s := range v.voorbeelden {
			fmt.Fprintf(w, "     %s\n", s)
		}
	}
	fmt.Fprintln(w, "   status≠ is geen rekenverschil: de peer noemt een cijfer 'klein' bij een noemer onder 10; kansrijk noemt het")
	fmt.Fprintln(w, "   klein_aantal bij een noemer onder 10 of een teller van 1 tot 4, geen_noemer bij 0/0, en kent secundair_onderdrukt.")
	fmt.Fprintf(w, "   uitslag: %s\n", v.samenvatting())
}

func TestVergelijkCijfers(t *testing.T) {
	// Hand-made exports; the expected counts are read off by hand.
	const kansrijkCSV = `coalitie,gemeente,kwartaal,indicator,teller,noemer,waarde,status
A,,2025-K1,KS01,14,21,0.666667,ok
A,,2025-K1,KS02,3,40,0.075,klein_aantal
A,,2025-K1,KS07,,,,onderdrukt_bij_bron
A,,2025-K1,KS08,120.5,130,0.926923,ok
A,,2025-K2,KS08,100,110,0.909091,ok
A,,2025-K1,KS09,0,0,,geen_noemer
A,X,2025-K1,KS01,5,9,0.555556,klein_aantal
A,,2025-K2,KS01,,,,niet_beschikbaar
`
	const peerCSV = `coalitie,gemeente,kwartaal,indicator,teller,noemer,waarde,status
A,,2025-K1,KS01,14,21,66.7,ok
A,,2025-K1,KS02,4,40,10.0,ok
A,,2025-K1,KS07,,,,niet_berekenbaar
A,,2025-K1,KS08,120.50,130.00,92.7,ok
A,,2025-K2,KS08,,,,niet_berekenbaar
A,,2025-K1,KS09,0,0,,klein
A,,2025-K3,KS10,5,10,50.0,ok
`
	v, err := vergelijkCijfers(strings.NewReader(kansrijkCSV), strings.NewReader(peerCSV))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]indicatorVerschil{
		"KS01": {beide: 1, alleenKansrijk: 1, alleenLeeg: 1},
		"KS02": {beide: 1, teller: 1, status: map[[2]string]int{{"klein_aantal", "ok"}: 1}},
		"KS07": {beide: 1},
		"KS08": {beide: 2, berekenbaar: 1, status: map[[2]string]int{{"ok", "niet_berekenbaar"}: 1}},
		"KS09": {beide: 1},
		"KS10": {alleenPeer: 1},
	}
	if len(v.per) != len(want) {
		t.Errorf("indicators %v, want %d", v.indicatoren(), len(want))
	}
	for ind, w := range want {
		got := v.per[ind]
		if got == nil {
			t.Errorf("%s: missing", ind)
			continue
		}
		if len(w.status) == 0 {
			w.status = map[[2]string]int{}
		}
		if fmt.Sprint(*got) != fmt.Sprint(w) {
			t.Errorf("%s: got %+v, want %+v", ind, *got, w)
		}
	}
	if v.gelijk() {
		t.Error("gelijk() = true, want false")
	}
	if s, want := v.samenvatting(), "2 van de 6 cijfers die beide hebben verschillen, bij KS02, KS08; "+
		"daarnaast 1 cijfer(s) alleen bij kansrijk en 1 alleen bij de peer"; s != want {
		t.Errorf("samenvatting %q, want %q", s, want)
	}
	if len(v.voorbeelden) != 4 || !strings.Contains(strings.Join(v.voorbeelden, "\n"), "KS02 A 2025-K1: kansrijk 3/40 (klein_aantal), peer 4/40 (ok)") {
		t.Errorf("voorbeelden %q", v.voorbeelden)
	}

	same, err := vergelijkCijfers(strings.NewReader(kansrijkCSV), strings.NewReader(kansrijkCSV))
	if err != nil {
		t.Fatal(err)
	}
	if !same.gelijk() || same.samenvatting() != "teller en noemer gelijk bij alle 8 cijfers die beide hebben" {
		t.Errorf("an export against itself: gelijk %v, %q", same.gelijk(), same.samenvatting())
	}

	if _, err := vergelijkCijfers(strings.NewReader("coalitie,kwartaal\n"), strings.NewReader(peerCSV)); err == nil ||
		!strings.Contains(err.Error(), `kolom "gemeente" ontbreekt`) {
		t.Errorf("export without columns: %v", err)
	}
}

func TestZoekPeer(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "peer_pipeline.py")
	if err := os.WriteFile(script, []byte("print()\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A Python whose package check answers that reportlab is missing.
	nep := filepath.Join(dir, "python3")
	if err := os.WriteFile(nep, []byte("#!/bin/sh\necho reportlab\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	heel := filepath.Join(dir, "python3-heel")
	if err := os.WriteFile(heel, []byte("#!/bin/sh\necho\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		python, script string
		want           string // in the reason; "" = found
	}{
		{nep, filepath.Join(dir, "weg.py"), "weg.py is er niet"},
		{nep, "uit", "uitgezet met PEER=uit"},
		{filepath.Join(dir, "geen-python"), script, "geen-python ontbreekt"},
		{nep, script, "mist de Python-pakket(ten) reportlab (installeer met apt-get install -y python3-reportlab)"},
		{heel, script, ""},
	}
	for _, tt := range tests {
		p, reden := zoekPeer(tt.python, tt.script)
		if tt.want == "" {
			if p == nil || p.script != script {
				t.Errorf("zoekPeer(%s, %s) = %v, %q; want the peer", tt.python, tt.script, p, reden)
			}
			continue
		}
		if p != nil || !strings.Contains(reden, tt.want) {
			t.Errorf("zoekPeer(%s, %s) = %v, %q; want a reason with %q", tt.python, tt.script, p, reden, tt.want)
		}
	}
}

func TestSchrijfCoalities(t *testing.T) {
	pad := filepath.Join(t.TempDir(), "coalities.csv")
	err := schrijfCoalities(pad, []kansrijk.Coalitie{
		{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}},
		{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pad)
	if want := "coalitie,gemeente\nHavenstad,Havenstad\nVechtmonde,Ommerveld\nVechtmonde,Dalwijk\n"; string(b) != want {
		t.Errorf("got %q, want %q", b, want)
	}
}

func TestImportSamenvatting(t *testing.T) {
	out := []byte(`ingelezen     JGZ_2024.xlsx — JGZ Regio Noord, 2024: 24 rijen, 24 geaccepteerd, 0 afgewezen; 0 fout(en), 0 waarschuwing(en)
afgewezen     kapot.xlsx: het bestand is beschadigd
ingelezen     wijkteam_a_2026-K3.csv — Sociaal wijkteam A, 2026-K3: 16 rijen, 15 geaccepteerd, 1 afgewezen; 1 fout(en), 0 waarschuwing(en)

Klaar: 3 bestand(en): 2 ingelezen, 0 al eerder ingelezen (niets veranderd), 1 afgewezen, 0 niet herkend, 0 nog niet ondersteund; 3 melding(en) voor partners.
`)
	s, ok := importSamenvatting(out)
	if want := (importSam{bestanden: 3, ingelezen: 2, afgewezen: 1, rijen: 40}); !ok || s != want {
		t.Errorf("got %+v %v, want %+v", s, ok, want)
	}
	if _, ok := importSamenvatting([]byte("iets anders")); ok {
		t.Error("output without a summary read as one")
	}
}
