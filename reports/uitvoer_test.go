package reports

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/stories"
)

func afdrukVan(t *testing.T, v any) string {
	t.Helper()
	a, err := vingerafdruk(v)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Every model renders from its fingerprint: a change anywhere in it, also
// behind a pointer or in an unexported field, changes the fingerprint;
// building the same model again does not.
func TestVingerafdruk(t *testing.T) {
	for _, m := range []any{beoordelingRapport(), samenhangRapport(), pdfTestRapport(), ouTestOuders(t), ovTestOverzicht()} {
		afdrukVan(t, m)
	}
	basis := afdrukVan(t, samenhangRapport())
	if got := afdrukVan(t, samenhangRapport()); got != basis {
		t.Errorf("the same report gives two fingerprints")
	}
	wijzig := map[string]func(r *Rapport){
		"datum":            func(r *Rapport) { r.Gemaakt = r.Gemaakt.AddDate(0, 0, 1) },
		"tijdzone":         func(r *Rapport) { r.Gemaakt = r.Gemaakt.In(time.FixedZone("CET", 3600)) },
		"kwartaal":         func(r *Rapport) { r.Kwartaal = r.Kwartaal.Add(1) },
		"citaat":           func(r *Rapport) { r.Citaten[0].Tekst += "." },
		"persona-citaat":   func(r *Rapport) { r.Personas[0].Citaat.Tekst += "." },
		"samenhang":        func(r *Rapport) { r.Samenhangen[0].Citaten = r.Samenhangen[0].Citaten[1:] },
		"teller":           func(r *Rapport) { r.Indicatoren[0].Coalitie[0].Teller++ },
		"indicatornaam":    func(r *Rapport) { r.Indicatoren[0].Indicator.Naam += " " },
		"geen citaten":     func(r *Rapport) { r.Citaten = nil },
		"coalitienaam":     func(r *Rapport) { r.Coalitie.Naam = "Anders" },
		"gemeente erbij":   func(r *Rapport) { r.Coalitie.Gemeenten = append(r.Coalitie.Gemeenten, "Extra") },
		"bron ingelezen":   func(r *Rapport) { r.Bronnen = append(r.Bronnen, Bron{Ingelezen: time.Unix(1, 0).UTC()}) },
		"regio (leeg→x)":   func(r *Rapport) { r.Regio += "x" },
		"kwartalen korter": func(r *Rapport) { r.Kwartalen = r.Kwartalen[1:] },
	}
	for naam, f := range wijzig {
		r := samenhangRapport()
		f(r)
		if afdrukVan(t, r) == basis {
			t.Errorf("%s: fingerprint unchanged", naam)
		}
	}

	// Maps count by content, not by the order they were filled in.
	a := map[string]int{}
	b := map[string]int{}
	for i := range 50 {
		a[string(rune('a'+i))] = i
		b[string(rune('a'+49-i))] = 49 - i
	}
	if afdrukVan(t, a) != afdrukVan(t, b) {
		t.Error("two equal maps give two fingerprints")
	}
	b["a"] = 1
	if afdrukVan(t, a) == afdrukVan(t, b) {
		t.Error("two different maps give one fingerprint")
	}
	// A codebook keeps its themes in an unexported field.
	if afdrukVan(t, stories.NieuwCodeboek([]stories.Code{{Thema: "A", Code: "x"}})) == afdrukVan(t, stories.NieuwCodeboek([]stories.Code{{Thema: "B", Code: "x"}})) {
		t.Error("two codebooks give one fingerprint")
	}
	if _, err := vingerafdruk(struct{ F func() }{}); err == nil {
		t.Error("a func field gives a fingerprint; want an error")
	}
}

// bestandInfo is what shows a file was not touched: the same inode and
// modification time.
func bestandInfo(t *testing.T, pad string) os.FileInfo {
	t.Helper()
	st, err := os.Stat(pad)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func onaangeroerd(a, b os.FileInfo) bool { return os.SameFile(a, b) && a.ModTime().Equal(b.ModTime()) }

func schrijfUitvoer(t *testing.T, dir string, r *Rapport) Geschreven {
	t.Helper()
	u, err := OpenUitvoer(dir)
	if err != nil {
		t.Fatal(err)
	}
	g, err := u.Schrijf(r)
	if err != nil {
		t.Fatal(err)
	}
	if err := u.Sluit(); err != nil {
		t.Fatal(err)
	}
	return g
}

func TestUitvoer(t *testing.T) {
	dir := t.TempDir()
	r := samenhangRapport()
	base := filepath.Join(dir, Bestandsnaam(r.Coalitie, r.Kwartaal))
	pdf, html := base+".pdf", base+".html"

	g := schrijfUitvoer(t, dir, r)
	if g.Bijgewerkt != 2 || !slices.Equal(g.Paden, []string{pdf, html}) {
		t.Fatalf("first run: %+v, want both files written", g)
	}
	// The files are what Schrijf writes.
	var want bytes.Buffer
	if err := WritePDF(&want, r); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(pdf); !bytes.Equal(got, want.Bytes()) {
		t.Error("the PDF differs from WritePDF's")
	}

	voor := []os.FileInfo{bestandInfo(t, pdf), bestandInfo(t, html), bestandInfo(t, filepath.Join(dir, Manifest))}
	time.Sleep(10 * time.Millisecond) // a rewrite would show a later mtime
	if g := schrijfUitvoer(t, dir, samenhangRapport()); g.Bijgewerkt != 0 || len(g.Paden) != 2 {
		t.Errorf("same report again: %+v, want nothing written and both paths", g)
	}
	for i, p := range []string{pdf, html, filepath.Join(dir, Manifest)} {
		if !onaangroerdPad(t, voor[i], p) {
			t.Errorf("same report again: %s was rewritten", filepath.Base(p))
		}
	}

	// A deleted file is written again, and only that one.
	os.Remove(html)
	pdfVoor := bestandInfo(t, pdf)
	if g := schrijfUitvoer(t, dir, samenhangRapport()); g.Bijgewerkt != 1 {
		t.Errorf("after deleting the HTML: %d written, want 1", g.Bijgewerkt)
	}
	if _, err := os.Stat(html); err != nil || !onaangroerdPad(t, pdfVoor, pdf) {
		t.Errorf("after deleting the HTML: HTML there %v, PDF untouched %v", err == nil, onaangroerdPad(t, pdfVoor, pdf))
	}

	// A file changed on disk is put back.
	if err := os.WriteFile(pdf, []byte("%PDF kapot"), 0o644); err != nil {
		t.Fatal(err)
	}
	if g := schrijfUitvoer(t, dir, samenhangRapport()); g.Bijgewerkt != 1 {
		t.Errorf("after changing the PDF: %d written, want 1", g.Bijgewerkt)
	}
	if got, _ := os.ReadFile(pdf); !bytes.Equal(got, want.Bytes()) {
		t.Error("the changed PDF was not put back")
	}

	// Without a manifest everything is rendered again, but a file that
	// comes out the same is left alone.
	os.Remove(filepath.Join(dir, Manifest))
	voor = []os.FileInfo{bestandInfo(t, pdf), bestandInfo(t, html)}
	if g := schrijfUitvoer(t, dir, samenhangRapport()); g.Bijgewerkt != 0 {
		t.Errorf("without a manifest: %d written, want 0", g.Bijgewerkt)
	}
	if !onaangroerdPad(t, voor[0], pdf) || !onaangroerdPad(t, voor[1], html) {
		t.Error("without a manifest: an unchanged file was rewritten")
	}
	if _, err := os.Stat(filepath.Join(dir, Manifest)); err != nil {
		t.Errorf("the manifest was not written again: %v", err)
	}

	// Another date on the report: both files change.
	r = samenhangRapport()
	r.Gemaakt = r.Gemaakt.AddDate(0, 0, 1)
	if g := schrijfUitvoer(t, dir, r); g.Bijgewerkt != 2 {
		t.Errorf("another date: %d written, want 2", g.Bijgewerkt)
	}
}

func onaangroerdPad(t *testing.T, voor os.FileInfo, pad string) bool {
	t.Helper()
	return onaangeroerd(voor, bestandInfo(t, pad))
}

// A manifest that cannot be read counts as none.
func TestUitvoerKapotManifest(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, Manifest), []byte("{kapot"), 0o644); err != nil {
		t.Fatal(err)
	}
	if g := schrijfUitvoer(t, dir, samenhangRapport()); g.Bijgewerkt != 2 {
		t.Errorf("%d written, want 2", g.Bijgewerkt)
	}
	b, _ := os.ReadFile(filepath.Join(dir, Manifest))
	if !strings.Contains(string(b), Bestandsnaam(samenhangRapport().Coalitie, samenhangRapport().Kwartaal)+".pdf") {
		t.Errorf("manifest not rewritten: %s", b)
	}
}

func coalities(namen ...string) []kansrijk.Coalitie {
	var cs []kansrijk.Coalitie
	for _, n := range namen {
		cs = append(cs, kansrijk.Coalitie{Naam: n})
	}
	return cs
}

// Alle hands results over in the order of the coalities, whatever order
// the workers finish in.
func TestAlleVolgorde(t *testing.T) {
	var namen []string
	for i := range 40 {
		namen = append(namen, string(rune('A'+i)))
	}
	var volgorde []string
	err := Alle(context.Background(), coalities(namen...), func(co kansrijk.Coalitie) (Geschreven, error) {
		if co.Naam[0]%3 == 0 {
			time.Sleep(time.Millisecond) // let later ones finish first
		}
		return Geschreven{Paden: []string{co.Naam + ".pdf"}}, nil
	}, func(i int, g Geschreven) {
		if g.Paden[0] != namen[i]+".pdf" {
			t.Errorf("klaar(%d) got %s's result", i, g.Paden[0])
		}
		volgorde = append(volgorde, namen[i])
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(volgorde, namen) {
		t.Errorf("klaar order %v, want %v", volgorde, namen)
	}
}

// An error stops the rest and names its coalitie; the ones before it
// are reported done.
func TestAlleFout(t *testing.T) {
	var namen []string
	for i := range 1000 {
		namen = append(namen, "C"+string(rune('0'+i%10))+string(rune('a'+i/10%26))+string(rune('a'+i/260)))
	}
	kapot := errors.New("schijf vol")
	var gestart atomic.Int32
	var klaar []int
	err := Alle(context.Background(), coalities(namen...), func(co kansrijk.Coalitie) (Geschreven, error) {
		gestart.Add(1)
		if co.Naam == namen[2] {
			return Geschreven{}, kapot
		}
		time.Sleep(time.Millisecond)
		return Geschreven{}, nil
	}, func(i int, _ Geschreven) { klaar = append(klaar, i) })
	if !errors.Is(err, kapot) || !strings.HasPrefix(err.Error(), namen[2]+": ") {
		t.Errorf("error %v, want schijf vol naming %s", err, namen[2])
	}
	if !slices.Equal(klaar, []int{0, 1}) {
		t.Errorf("klaar for %v, want [0 1]", klaar)
	}
	if n := gestart.Load(); n == int32(len(namen)) {
		t.Errorf("all %d coalities were started after the error", n)
	}
}

// A cancelled context stops Alle as an error does.
func TestAlleGestopt(t *testing.T) {
	ctx, stop := context.WithCancel(context.Background())
	stop()
	err := Alle(ctx, coalities("A", "B"), func(kansrijk.Coalitie) (Geschreven, error) {
		return Geschreven{}, nil
	}, func(int, Geschreven) {})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

// The manifest keeps what earlier runs wrote (another coalitie, say) as
// long as the file is there.
func TestUitvoerAndereBestanden(t *testing.T) {
	dir := t.TempDir()
	a, b := samenhangRapport(), samenhangRapport()
	b.Coalitie.Naam = "Anders"
	schrijfUitvoer(t, dir, a)
	schrijfUitvoer(t, dir, b)
	bNaam := Bestandsnaam(b.Coalitie, b.Kwartaal)
	if err := os.Remove(filepath.Join(dir, bNaam+".pdf")); err != nil {
		t.Fatal(err)
	}
	a.Gemaakt = a.Gemaakt.AddDate(0, 0, 1)
	schrijfUitvoer(t, dir, a)
	m, err := os.ReadFile(filepath.Join(dir, Manifest))
	if err != nil {
		t.Fatal(err)
	}
	aNaam := Bestandsnaam(a.Coalitie, a.Kwartaal)
	for naam, want := range map[string]bool{aNaam + ".pdf": true, aNaam + ".html": true, bNaam + ".html": true, bNaam + ".pdf": false} {
		if got := strings.Contains(string(m), `"`+naam+`"`); got != want {
			t.Errorf("manifest names %s: %v, want %v", naam, got, want)
		}
	}
}

// The program's fingerprint is the hash of the running binary.
func TestProgramma(t *testing.T) {
	pad, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	b, err := os.ReadFile(pad)
	if err != nil {
		t.Skip(err)
	}
	got, err := programma()
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%x", sha256.Sum256(b)); got != want {
		t.Errorf("programma() = %s, want sha256 of %s = %s", got, pad, want)
	}
}
