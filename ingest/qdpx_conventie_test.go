package ingest

import (
	"fmt"
	"hash/fnv"
	"html"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"kansrijk"
)

// Fictitious interviews (fictieve gegevens), with emoji, é and CRLF.
var qdaVerhalen = []struct {
	naam, tekst string
	selecties   []string // coded, in order; each occurs once in the text
}{
	{"DW-2026-001 interview", "I: Hoe was de eerste afspraak?\r\nR: Eerlijk gezegd 😅 was ik te laat, pas na twaalf weken.\r\n" +
		"Ik durfde het aan niemand te vertellen.\r\nDaarna ging het beter 👍🏽 en kreeg ik een café-afspraak met de JGZ.\r\n",
		[]string{"Eerlijk gezegd 😅 was ik te laat", "Daarna ging het beter 👍🏽 en kreeg ik een café-afspraak met de JGZ."}},
	{"DW-2026-002 spiegelbijeenkomst", "R: De brieven van de gemeente 📄 begrijp ik niet.\r\nMijn buurvrouw Renée leest ze voor.\r\n" +
		"I: En de kraamzorg?\r\nR: Die was heel fijn 💛, echt een steun!\r\n",
		[]string{"De brieven van de gemeente 📄 begrijp ik niet.", "Die was heel fijn 💛, echt een steun!"}},
}

// telling is how one exporter counts: units of a prefix of the text as
// the exporter saw it. Written apart from refiqda, by re-encoding.
type telling struct {
	naam string
	tel  func(prefix string) int
}

var (
	tCodepunt  = telling{"codepunten", utf8.RuneCountInString}
	tUTF16     = telling{"utf16", func(s string) int { return len(utf16.Encode([]rune(s))) }}
	tBytes     = telling{"bytes", func(s string) int { return len(s) }}
	tCRLFEen   = telling{"codepunten+regeleinde1", func(s string) int { return utf8.RuneCountInString(strings.ReplaceAll(s, "\r\n", "\n")) }}
	tUTF16BOM  = telling{"utf16+bom", func(s string) int { return 1 + len(utf16.Encode([]rune(s))) }}
	tUTF16Twee = telling{"utf16+regeleinde2", func(s string) int { return len(utf16.Encode([]rune(s))) }} // counted over CRLF, read as LF
)

// qdaFixture describes one exporter's .qdpx.
type qdaFixture struct {
	bestand  string // file name
	origin   string
	telling  telling
	inline   bool   // PlainTextContent (CRLF folded to LF by the XML parser) instead of files
	bom      bool   // source files start with a BOM
	map_     string // folder of the source files: sources, Sources
	qde      string // name of the project file; "" is project.qde
	extra    map[string]string
	ongecod  bool // codes without codings in the codebook (MAXQDA)
	docx     bool // a .docx beside each .txt (richTextPath)
	nieuwe   string
	wilConv  string
	variabel bool // variables give coalitie, datum and toestemming
}

func (f qdaFixture) bouw(t testing.TB, dir string) string {
	t.Helper()
	// GUIDs per kind and number; another export (nieuwe) gets new ones.
	g := func(s string, i int) string {
		h := fnv.New32a()
		h.Write([]byte(f.nieuwe + s))
		return fmt.Sprintf("%08x-0000-4000-8000-%012d", h.Sum32(), i)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Ouderverhalen Dijkwaard" origin="%s">
  <Users><User guid="%s" name="K. Smit"/></Users>
  <CodeBook><Codes>
    <Code guid="%s" name="Bestaanszekerheid" isCodable="false">
      <Code guid="%s" name="Geldzorgen" isCodable="true"/>
      <Code guid="%s" name="Brieven onduidelijk" isCodable="true"><Description>Brieven van instanties (KS09).</Description></Code>
    </Code>
    <Code guid="%s" name="Kraamzorg" isCodable="false"><Code guid="%s" name="Fijne kraamverzorgster" isCodable="true"/></Code>
    <Code guid="%s" name="Toon" isCodable="false"><Code guid="%s" name="Positief" isCodable="true"/><Code guid="%s" name="Negatief" isCodable="true"/></Code>`,
		f.origin, g("u", 1), g("t", 1), g("c", 1), g("c", 2), g("t", 2), g("c", 3), g("t", 3), g("p", 1), g("n", 1))
	if f.ongecod {
		fmt.Fprintf(&b, `
    <Code guid="%s" name="Netwerk en steun" isCodable="false"><Code guid="%s" name="Lotgenoten" isCodable="true"/></Code>`, g("t", 4), g("c", 4))
	}
	b.WriteString("\n  </Codes></CodeBook>\n")
	if f.variabel {
		fmt.Fprintf(&b, `  <Variables>
    <Variable guid="%s" name="Coalitie" typeOfVariable="Text"/>
    <Variable guid="%s" name="Datum" typeOfVariable="Date"/>
    <Variable guid="%s" name="toestemming" typeOfVariable="Text"/>
  </Variables>
`, g("v", 1), g("v", 2), g("v", 3))
	}
	b.WriteString("  <Sources>\n")
	files := map[string]string{}
	for k, v := range f.extra {
		files[k] = v
	}
	codes := [][]string{{g("c", 1), g("p", 1)}, {g("c", 2), g("c", 3)}}
	for i, v := range qdaVerhalen {
		sg := g("s", i)
		if f.inline {
			fmt.Fprintf(&b, `    <TextSource guid="%s" name="%s"><PlainTextContent>%s</PlainTextContent>`, sg, v.naam, html.EscapeString(v.tekst))
		} else {
			rich := ""
			if f.docx {
				rich = fmt.Sprintf(` richTextPath="internal://%s.docx"`, sg)
				files[f.map_+"/"+sg+".docx"] = "PK\x03\x04 niet echt Word"
			}
			fmt.Fprintf(&b, `    <TextSource guid="%s" name="%s" plainTextPath="internal://%s.txt"%s>`, sg, v.naam, sg, rich)
			tekst := v.tekst
			if f.bom {
				tekst = "\uFEFF" + tekst
			}
			files[f.map_+"/"+sg+".txt"] = tekst
		}
		for j, sel := range v.selecties {
			at := strings.Index(v.tekst, sel)
			fmt.Fprintf(&b, `
      <PlainTextSelection guid="%s" startPosition="%d" endPosition="%d" creatingUser="%s">`, g("x", 10*i+j), f.telling.tel(v.tekst[:at]), f.telling.tel(v.tekst[:at+len(sel)]), g("u", 1))
			for k, c := range codes[j] {
				fmt.Fprintf(&b, `<Coding guid="%s"><CodeRef targetGUID="%s"/></Coding>`, g("k", 100*i+10*j+k), c)
			}
			b.WriteString("</PlainTextSelection>")
		}
		if f.variabel {
			fmt.Fprintf(&b, `<VariableValue><VariableRef targetGUID="%s"/><TextValue>Dijkwaard</TextValue></VariableValue>`, g("v", 1))
			fmt.Fprintf(&b, `<VariableValue><VariableRef targetGUID="%s"/><DateValue>2026-0%d-15</DateValue></VariableValue>`, g("v", 2), i+2)
			fmt.Fprintf(&b, `<VariableValue><VariableRef targetGUID="%s"/><TextValue>Rapport</TextValue></VariableValue>`, g("v", 3))
		}
		b.WriteString("</TextSource>\n")
	}
	b.WriteString("  </Sources>\n</Project>\n")
	qde := f.qde
	if qde == "" {
		qde = "project.qde"
	}
	files[qde] = b.String()
	return maakQDPX(t, dir, f.bestand, "", files)
}

var qdaFixtures = []qdaFixture{
	{bestand: "Ouderverhalen_Dijkwaard_2026-K2.qdpx", origin: "QualCoder 3.6", telling: tCodepunt, map_: "sources", wilConv: "codepunten"},
	{bestand: "Dijkwaard_NVivo.qdpx", origin: "NVivo 12.6 for Windows", telling: tUTF16, bom: true, map_: "Sources", docx: true,
		extra: map[string]string{".root": "", "Sources/~$interview.docx": "lock"}, wilConv: "utf16", variabel: true},
	{bestand: "Dijkwaard_ATLAS.qdpx", origin: "ATLAS.ti 26", telling: tCRLFEen, map_: "sources", qde: "Ouderverhalen Dijkwaard.qde",
		extra: map[string]string{"~$Ouderverhalen Dijkwaard.docx": "lock"}, nieuwe: "x", wilConv: "codepunten+regeleinde1", variabel: true},
	{bestand: "Dijkwaard_ATLAS_opnieuw.qdpx", origin: "ATLAS.ti 26", telling: tCRLFEen, map_: "sources", qde: "Ouderverhalen Dijkwaard.qde",
		nieuwe: "andere guids", wilConv: "codepunten+regeleinde1", variabel: true},
	{bestand: "Dijkwaard_bom.qdpx", origin: "", telling: tUTF16BOM, bom: true, map_: "Sources", wilConv: "utf16+bom", variabel: true},
	{bestand: "Dijkwaard_inline.qdpx", origin: "NVivo 14", telling: tUTF16Twee, inline: true, wilConv: "utf16+regeleinde2", variabel: true},
	{bestand: "Dijkwaard_MAXQDA.qdpx", origin: "MAXQDA 2024", telling: tCodepunt, inline: false, map_: "sources", ongecod: true, wilConv: "codepunten", variabel: true},
	{bestand: "Dijkwaard_bytes.qdpx", origin: "", telling: tBytes, map_: "project/sources", wilConv: "bytes", variabel: true},
}

// Each exporter's convention is detected and applied: every coding's
// excerpt and every fragment is exactly the selected text.
func TestQDAConventies(t *testing.T) {
	cfg := &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Dijkwaard", Gemeenten: []string{"Dijkwaard"}}}}
	dir := t.TempDir()
	for _, f := range qdaFixtures {
		t.Run(f.bestand, func(t *testing.T) {
			pad := f.bouw(t, dir)
			l := qdaLevering(f.bestand, cfg)
			out, err := readQDA(l, pad)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range l.meldingen {
				if m.Ernst == "fout" || !strings.Contains(m.Tekst, "toestemming") {
					t.Errorf("melding %s: %s", m.Plaats(), m.Tekst)
				}
			}
			p := out.inhoud.QDAProject[0]
			if p.Conventie != f.wilConv || !p.Past {
				t.Errorf("convention %s (past %v), want %s: %s", p.Conventie, p.Past, f.wilConv, p.Toelichting)
			}
			if !strings.Contains(strings.Join(out.toelichting, "\n"), "posities geteld in") {
				t.Errorf("summary does not say how positions count: %q", out.toelichting)
			}
			var want, got []string
			for _, v := range qdaVerhalen {
				for _, s := range v.selecties {
					want = append(want, s, s) // two codings per selection
				}
			}
			for _, c := range out.inhoud.Coderingen {
				got = append(got, c.Tekst)
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("excerpts\n got %q\nwant %q", got, want)
			}
			if len(out.inhoud.Verhalen) != 4 {
				t.Fatalf("%d fragments, want 4", len(out.inhoud.Verhalen))
			}
			for i, v := range out.inhoud.Verhalen {
				sel := qdaVerhalen[i/2].selecties[i%2]
				if v.Fragment != sel || v.Coalitie != "Dijkwaard" || v.VerhaalID != qdaVerhalen[i/2].naam[:11] || v.Rij != i%2+1 || v.Datum == nil {
					t.Errorf("fragment %d = %+v", i, v)
				}
				if f.variabel && (v.Toestemming != "rapport" || int(v.Datum.Month()) != 2+i/2) {
					t.Errorf("fragment %d: toestemming %s, datum %v", i, v.Toestemming, v.Datum)
				}
				if !f.variabel && (v.Toestemming != "intern" || int(v.Datum.Month()) != 4) {
					t.Errorf("fragment %d: toestemming %s, datum %v; want intern and the kwartaal of the file name", i, v.Toestemming, v.Datum)
				}
			}
			if v := out.inhoud.Verhalen[0]; v.Toon != "positief" || strings.Join(v.Codes, ";") != "Bestaanszekerheid > Geldzorgen" || v.IngevoerdDoor != "K. Smit" {
				t.Errorf("fragment 0: toon %q, codes %q, door %q", v.Toon, v.Codes, v.IngevoerdDoor)
			}
			// The project's codebook, without the tone group; MAXQDA's
			// unused codes are in it too.
			var codes []string
			for _, c := range out.inhoud.Codes {
				codes = append(codes, c.Thema+" > "+c.Code+" "+strings.Join(c.Indicatoren, ","))
			}
			wantCodes := "Bestaanszekerheid > Geldzorgen |Bestaanszekerheid > Brieven onduidelijk KS09|Kraamzorg > Fijne kraamverzorgster "
			if f.ongecod {
				wantCodes += "|Netwerk en steun > Lotgenoten "
			}
			if strings.Join(codes, "|") != wantCodes {
				t.Errorf("codeboek %q", codes)
			}
		})
	}
}

// A project whose positions fit no convention keeps its codings, but
// each selection that cuts a word is reported and not kept as text:
// nothing is cut silently.
func TestQDAGeenConventie(t *testing.T) {
	cfg := &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Dijkwaard", Gemeenten: []string{"Dijkwaard"}}}}
	v := qdaVerhalen[0]
	pad := maakQDPX(t, t.TempDir(), "Dijkwaard_2026-K1.qdpx", projectXML(`
		<TextSource guid="s1" name="DW-2026-001" plainTextPath="internal://s1.txt">
		  <PlainTextSelection guid="x1" startPosition="5" endPosition="13"><Coding guid="c1"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		  <PlainTextSelection guid="x2" startPosition="41" endPosition="52"><Coding guid="c2"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		  <PlainTextSelection guid="x3" startPosition="71" endPosition="98"><Coding guid="c3"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>
		</TextSource>`), map[string]string{"sources/s1.txt": v.tekst})
	l := qdaLevering("Dijkwaard_2026-K1.qdpx", cfg)
	out, err := readQDA(l, pad)
	if err != nil {
		t.Fatal(err)
	}
	if out.inhoud.QDAProject[0].Past || len(out.inhoud.Coderingen) != 3 || len(out.inhoud.Verhalen) != 3 {
		t.Fatalf("project %+v, %d coderingen, %d verhalen", out.inhoud.QDAProject, len(out.inhoud.Coderingen), len(out.inhoud.Verhalen))
	}
	per := map[string]bool{}
	for _, m := range l.meldingen {
		if strings.Contains(m.Tekst, "midden in een woord") {
			per[m.Record.Key] = true
		}
	}
	for _, c := range out.inhoud.Coderingen {
		if c.Tekst != "" && !per[c.Selectie] {
			continue // this one happens to fit
		}
		if c.Tekst != "" || !per[c.Selectie] {
			t.Errorf("selectie %s: text %q, reported %v", c.Selectie, c.Tekst, per[c.Selectie])
		}
	}
	if len(per) == 0 || l.meldingen[len(l.meldingen)-1].Ernst != "fout" || !strings.Contains(l.meldingen[len(l.meldingen)-1].Tekst, "geen enkele telling past") {
		t.Errorf("not reported per selection and for the file: %+v", l.meldingen)
	}
}
