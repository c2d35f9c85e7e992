package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/store"
)

const (
	qdaCorpus = "../../shared/corpus/qdpx"
	qdaSample = "../../shared/samples/Ouderverhalen_Lindehoven.qdpx"
)

// leesVeilig reads a project like the importer does, turning a panic
// into an error and giving up after a minute, so a test can name the
// file that misbehaves.
func leesVeilig(t *testing.T, pad string) (out *gelezen, meldingen []store.Melding, err error) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		l := qdaLevering(filepath.Base(pad), nil)
		out, err = readQDA(l, pad)
		meldingen = l.meldingen
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatalf("%s: still reading after 60s (hang)", pad)
	}
	return out, meldingen, err
}

// Every real-world REFI-QDA project of the shared corpus ends in rows or
// in a Dutch message that names the file; none panics or hangs.
func TestQDACorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(qdaCorpus, "*"))
	if len(files) == 0 {
		t.Skipf("%s ontbreekt (het gedeelde testcorpus staat niet naast deze repository); test overgeslagen", qdaCorpus)
	}
	for _, p := range files {
		out, ms, err := leesVeilig(t, p)
		switch {
		case err != nil && strings.HasPrefix(err.Error(), "panic"):
			t.Errorf("%s: %v", p, err)
		case err != nil:
			if !strings.Contains(err.Error(), filepath.Base(p)) {
				t.Errorf("%s: message does not name the file: %v", p, err)
			}
			t.Logf("%s: %v", filepath.Base(p), err)
		case len(out.inhoud.QDABronnen)+len(out.inhoud.Coderingen) == 0:
			t.Errorf("%s: no rows and no message", p)
		default:
			t.Logf("%s: %d bronnen, %d coderingen, %d meldingen", filepath.Base(p), len(out.inhoud.QDABronnen), len(out.inhoud.Coderingen), len(ms))
			for _, m := range ms {
				t.Logf("  %s: %s", m.Plaats(), m.Tekst)
			}
		}
		if err == nil {
			for _, m := range ms {
				if m.File != filepath.Base(p) {
					t.Errorf("%s: melding names %q", p, m.File)
				}
			}
		}
	}
}

// The sample project: every text source becomes a row, and every coded
// selection is cut from its source by code point, so its text is the
// fragment as the Excel log has it.
func TestQDASample(t *testing.T) {
	if _, err := os.Stat(qdaSample); err != nil {
		t.Skipf("%s ontbreekt; test overgeslagen", qdaSample)
	}
	l := qdaLevering(filepath.Base(qdaSample), &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}}}})
	out, err := readQDA(l, qdaSample)
	if err != nil {
		t.Fatal(err)
	}
	// The project has no variables and no kwartaal in its name: the
	// safe defaults are said once each.
	for _, m := range l.meldingen {
		if !strings.Contains(m.Tekst, "geen datum of kwartaal") && !strings.Contains(m.Tekst, "geen toestemming") {
			t.Errorf("unexpected melding: %s: %s", m.Plaats(), m.Tekst)
		}
	}
	if len(l.meldingen) != 2 {
		t.Errorf("%d meldingen, want 2", len(l.meldingen))
	}
	if p := out.inhoud.QDAProject; len(p) != 1 || p[0].Conventie != "codepunten" || !p[0].Past || p[0].Origin != "QualCoder 3.5" {
		t.Errorf("project = %+v", p)
	}
	qde := unzipEntry(t, qdaSample, "project.qde")
	if want := strings.Count(qde, "<TextSource "); len(out.inhoud.QDABronnen) != want {
		t.Errorf("%d bronnen, want %d (TextSource elements in project.qde)", len(out.inhoud.QDABronnen), want)
	}
	if want := strings.Count(qde, "<CodeRef "); len(out.inhoud.Coderingen) != want {
		t.Errorf("%d coderingen, want %d (CodeRef elements in project.qde)", len(out.inhoud.Coderingen), want)
	}
	reName := regexp.MustCompile(`<TextSource [^>]*name="([^"]*)"`)
	for i, m := range reName.FindAllStringSubmatch(qde, -1) {
		b := out.inhoud.QDABronnen[i]
		if b.Naam != m[1] || b.VerhaalID != strings.Fields(m[1])[0] {
			t.Errorf("bron %d = %q (%q), want %q", i, b.Naam, b.VerhaalID, m[1])
		}
		if b.Tekens == nil {
			t.Errorf("bron %s: text not read", b.Naam)
		}
	}
	for _, c := range out.inhoud.Coderingen {
		if c.Tekst == "" || c.Codeur == "" || !strings.Contains(c.Code, " > ") {
			t.Errorf("codering %+v: want text, coder and Thema > Code", c)
		}
		if !strings.HasPrefix(strings.ToUpper(c.Bron), strings.ToUpper(c.VerhaalID)) {
			t.Errorf("codering of %s has Verhaal-ID %s", c.Bron, c.VerhaalID)
		}
	}
}

// Positions count code points (rule 13): not bytes, not UTF-16 units.
// Before the selection stand letters of two bytes (é), of two bytes and
// one code point (ı) and an emoji of four bytes and two UTF-16 units.
func TestQDACodePoints(t *testing.T) {
	tekst := "Één moeder 🙂 zei: Hatice Yılmaz hielp mij. Daarna ging het beter."
	sel := "Daarna ging het beter."
	start := strings.Index(tekst, sel)
	begin := len([]rune(tekst[:start]))
	pad := maakQDPX(t, t.TempDir(), "p.qdpx", projectXML(fmt.Sprintf(`
		<TextSource guid="s1" name="LH-2025-001 interview" plainTextPath="internal://s1.txt" creatingUser="u1">
		  <PlainTextSelection guid="x1" startPosition="%d" endPosition="%d">
		    <Coding guid="c1"><CodeRef targetGUID="k2"/></Coding>
		  </PlainTextSelection>
		</TextSource>`, begin, begin+len([]rune(sel)))), map[string]string{"sources/s1.txt": tekst})
	out, ms, err := leesVeilig(t, pad)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.inhoud.Coderingen) != 1 {
		t.Fatalf("coderingen = %+v, meldingen %+v", out.inhoud.Coderingen, ms)
	}
	c := out.inhoud.Coderingen[0]
	if c.Tekst != sel || c.Code != "Bestaanszekerheid > Geldzorgen" || c.Codeur != "R. Jansen" || c.VerhaalID != "LH-2025-001" {
		t.Errorf("codering = %+v", c)
	}
	if begin == start {
		t.Fatal("test text has no multi-byte characters before the selection")
	}
}

// Broken and hostile projects end in a Dutch message naming the file,
// or in rows with messages; never in a panic, a hang or silence.
func TestQDAStuk(t *testing.T) {
	dir := t.TempDir()
	oud := MaxQDAProject
	MaxQDAProject = 1 << 20
	t.Cleanup(func() { MaxQDAProject = oud })

	goed := projectXML(`<TextSource guid="s1" name="LH-2025-001" plainTextPath="internal://s1.txt">
		<PlainTextSelection guid="x1" startPosition="0" endPosition="4"><Coding guid="c1"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		</TextSource>`)
	diep := strings.Repeat("<Code guid=\"d\" name=\"d\">", 20000) + strings.Repeat("</Code>", 20000)
	veel := map[string]string{}
	for i := 0; i <= MaxQDABestanden; i++ {
		veel[fmt.Sprintf("sources/%d.txt", i)] = "x"
	}
	fouten := []struct {
		naam, wil string
		maak      func(string) string
	}{
		{"leeg.qdpx", "leeg", func(n string) string { return schrijf(t, dir, n, "") }},
		{"tekst.qdpx", "geen REFI-QDA-project", func(n string) string { return schrijf(t, dir, n, "Dit is geen project") }},
		{"half.qdpx", "beschadigd", func(n string) string { return schrijf(t, dir, n, "PK\x03\x04rest") }},
		{"geenproject.qdpx", "geen projectbestand", func(n string) string {
			return maakQDPX(t, dir, n, "", map[string]string{"sources/a.txt": "x"})
		}},
		{"excel.qdpx", "Excel-werkmap", func(n string) string {
			return maakQDPX(t, dir, n, "", map[string]string{"xl/workbook.xml": "<workbook/>"})
		}},
		{"kapot.qdpx", "XML", func(n string) string { return maakQDPX(t, dir, n, "<Project><Sources><TextSource", nil) }},
		{"anders.qdpx", "<Project>", func(n string) string { return maakQDPX(t, dir, n, "<Boek/>", nil) }},
		{"diep.qdpx", "XML", func(n string) string {
			return maakQDPX(t, dir, n, `<Project><CodeBook><Codes>`+diep+`</Codes></CodeBook></Project>`, nil)
		}},
		{"groot.qdpx", "MB", func(n string) string {
			return maakQDPX(t, dir, n, goed+"<!--"+strings.Repeat("x", 2<<20)+"-->", nil)
		}},
		{"veel.qdpx", "bestanden", func(n string) string { return maakQDPX(t, dir, n, goed, veel) }},
		{"utf16.qde", "UTF-16", func(n string) string { return schrijf(t, dir, n, "\xFF\xFE<\x00P\x00") }},
		{"latin.qde", "tekenset", func(n string) string {
			return schrijf(t, dir, n, `<?xml version="1.0" encoding="koi8-r"?><Project/>`)
		}},
		{"zonderbronnen.qde", "geen bronnen", func(n string) string { return schrijf(t, dir, n, projectXML("")) }},
		{"beeld.qde", "geen enkele tekstbron", func(n string) string {
			return schrijf(t, dir, n, projectXML(`<PictureSource guid="p" name="foto.jpg"/>`))
		}},
	}
	for _, f := range fouten {
		pad := f.maak(f.naam)
		_, _, err := leesVeilig(t, pad)
		if err == nil || !strings.Contains(err.Error(), f.naam) || !strings.Contains(err.Error(), f.wil) {
			t.Errorf("%s: err = %v, want a message naming the file with %q", f.naam, err, f.wil)
		}
		t.Logf("%v", err)
	}

	// Read, with messages: a text missing from the zip, a source text
	// too big, positions outside the text, a code the project lacks.
	oudBron := MaxQDABron
	MaxQDABron = 100
	t.Cleanup(func() { MaxQDABron = oudBron })
	pad := maakQDPX(t, dir, "rommelig.qdpx", projectXML(`
		<TextSource guid="s1" name="LH-2025-001" plainTextPath="internal://weg.txt">
		  <PlainTextSelection guid="x1" startPosition="0" endPosition="4"><Coding guid="c1"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		</TextSource>
		<TextSource guid="s2" name="LH-2025-002" plainTextPath="internal://groot.txt">
		  <PlainTextSelection guid="x2" startPosition="0" endPosition="4"><Coding guid="c2"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		</TextSource>
		<TextSource guid="s3" name="Interview drie" plainTextPath="internal://s3.txt">
		  <PlainTextSelection guid="x3" startPosition="2" endPosition="400"><Coding guid="c3"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		  <PlainTextSelection guid="x4" startPosition="5" endPosition="2"><Coding guid="c4"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		  <PlainTextSelection guid="x5" startPosition="0" endPosition="3"><Coding guid="c5"><CodeRef targetGUID="onbekend"/></Coding></PlainTextSelection>
		</TextSource>
		<AudioSource guid="a1" name="opname.m4a"/>`),
		map[string]string{"sources/groot.txt": strings.Repeat("x", 200), "sources/s3.txt": "kort"})
	out, ms, err := leesVeilig(t, pad)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.inhoud.QDABronnen) != 3 || len(out.inhoud.Coderingen) != 3 || out.rijen != 5 || out.afgewezen != 2 {
		t.Errorf("bronnen %d, coderingen %d, rijen %d, afgewezen %d; want 3, 3, 5, 2",
			len(out.inhoud.QDABronnen), len(out.inhoud.Coderingen), out.rijen, out.afgewezen)
	}
	for _, c := range out.inhoud.Coderingen {
		if c.Tekst != "" {
			t.Errorf("%s: text %q, want none", c.Bron, c.Tekst)
		}
	}
	if out.inhoud.QDABronnen[2].VerhaalID != "" {
		t.Errorf("Interview drie has Verhaal-ID %q", out.inhoud.QDABronnen[2].VerhaalID)
	}
	alle := ""
	for _, m := range ms {
		alle += m.Tekst + "\n"
	}
	for _, want := range []string{"ontbreekt in de .qdpx", "pakt uit tot meer dan", "(2-400) valt buiten de brontekst", "geen geldige positie", "niet in het codeboek van het project", "geen tekst (pdf"} {
		if !strings.Contains(alle, want) {
			t.Errorf("no melding with %q in:\n%s", want, alle)
		}
	}
}

// Through the importer: a levering with its rows, and the same file
// again changes nothing.
func TestQDAImport(t *testing.T) {
	dir := t.TempDir()
	pad := maakQDPX(t, dir, "Project_Lindehoven.qdpx", projectXML(`
		<TextSource guid="s1" name="LH-2025-001" plainTextPath="internal://s1.txt">
		  <PlainTextSelection guid="x1" startPosition="0" endPosition="4">
		    <Coding guid="c1"><CodeRef targetGUID="k2"/></Coding><Coding guid="c2"><CodeRef targetGUID="k2"/></Coding>
		  </PlainTextSelection>
		</TextSource>`), map[string]string{"sources/s1.txt": "Geld is op."})
	db, err := store.Open(filepath.Join(dir, "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := &kansrijk.Config{
		Coalities: []kansrijk.Coalitie{{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}}},
		Partners:  []kansrijk.Partner{{Naam: "QualCoder-projecten", Bron: kansrijk.BronQDA, Bestanden: []string{"*.qdpx"}}},
	}
	im := &Importer{DB: db, Config: cfg, Now: time.Now}
	res := im.Bestand(context.Background(), pad)
	// Stored: the source (qda_bron and its coalitie), two codings, the
	// project, one fragment (verhaal) and one code of its codebook.
	if res.Status != Ingelezen || res.Levering.Opgeslagen != 7 || res.Levering.Bron != kansrijk.BronQDA || res.Levering.Periode != "Project_Lindehoven" {
		t.Fatalf("res = %+v", res)
	}
	if problems, err := db.Controleer(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("Controleer: %v %v", problems, err)
	}
	if res := im.Bestand(context.Background(), pad); res.Status != AlIngelezen {
		t.Errorf("again: %s %s", res.Status, res.Fout)
	}
}

// qdaLevering is the state of reading a project under cfg (nil: a
// workspace without coalities) with the standard bronprofiel.
func qdaLevering(naam string, cfg *kansrijk.Config) *levering {
	if cfg == nil {
		cfg = &kansrijk.Config{}
	}
	p := kansrijk.Partner{Naam: "QDA", Bron: kansrijk.BronQDA}
	prof, std, err := profielVoor(cfg, p)
	if err != nil {
		panic(err)
	}
	return &levering{Naam: naam, Config: cfg, Partner: p, Profiel: prof, standaard: std,
		nu: kansrijk.Kwartaal{Jaar: 2026, K: 4}}
}

func projectXML(bronnen string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Test">
  <Users><User guid="u1" name="R. Jansen"/></Users>
  <CodeBook><Codes>
    <Code guid="k1" name="Bestaanszekerheid" isCodable="false"><Code guid="k2" name="Geldzorgen" isCodable="true"/></Code>
  </Codes></CodeBook>
  <Sources>` + bronnen + `</Sources>
</Project>`
}

// maakQDPX writes a .qdpx with project.qde (unless qde is empty) and
// the given extra entries, in a stable order.
func maakQDPX(t testing.TB, dir, naam, qde string, extra map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(n, s string) {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, s)
	}
	if qde != "" {
		add("project.qde", qde)
	}
	var names []string
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		add(n, extra[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return schrijf(t, dir, naam, buf.String())
}

func schrijf(t testing.TB, dir, naam, inhoud string) string {
	t.Helper()
	p := filepath.Join(dir, naam)
	if err := os.WriteFile(p, []byte(inhoud), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func unzipEntry(t *testing.T, pad, naam string) string {
	t.Helper()
	zr, err := zip.OpenReader(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == naam {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	t.Fatalf("%s: no %s", pad, naam)
	return ""
}
