package ingest

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"kansrijk"
)

// diepProject is a codebook of 4,000 codes nested in each other (about
// 24 kB of XML), with codings on the deepest codes.
func diepProject(t testing.TB, dir string) string {
	var b strings.Builder
	for i := 0; i < 4000; i++ {
		fmt.Fprintf(&b, `<Code guid="%d" name="c%d">`, i, i)
	}
	b.WriteString(strings.Repeat("</Code>", 4000))
	var sels strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&sels, `<PlainTextSelection guid="x%d" startPosition="0" endPosition="4"><Coding guid="k%d"><CodeRef targetGUID="%d"/></Coding></PlainTextSelection>`, i, i, 3999-i)
	}
	return maakQDPX(t, dir, "Diep_Dijkwaard_2026-K1.qdpx", `<Project name="d"><CodeBook><Codes>`+b.String()+`</Codes></CodeBook>
<Sources><TextSource guid="s" name="DW-2026-001"><PlainTextContent>Geld is op.</PlainTextContent>`+sels.String()+`</TextSource></Sources></Project>`, nil)
}

// langProject is one 16 MB source text with 12 selections over all of it.
func langProject(t testing.TB, dir string) string {
	tekst := strings.Repeat("Geld is op 😅, zei ze. ", (16<<20)/27)
	n := len([]rune(tekst))
	var sels strings.Builder
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&sels, `<PlainTextSelection guid="x%d" startPosition="0" endPosition="%d"><Coding guid="k%d"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection>`, i, n, i)
	}
	return maakQDPX(t, dir, "Lang_Dijkwaard_2026-K1.qdpx", projectXML(`<TextSource guid="s1" name="DW-2026-001" plainTextPath="internal://s1.txt">`+
		sels.String()+`</TextSource>`), map[string]string{"sources/s1.txt": tekst})
}

var dijkwaard = &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Dijkwaard", Gemeenten: []string{"Dijkwaard"}}}}

// allocated runs f and returns the bytes it allocated.
func allocated(f func()) uint64 {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.TotalAlloc - a.TotalAlloc
}

// A deeply nested codebook: codes deeper than MaxQDADiepte are reported
// and not counted, and building their paths costs no quadratic memory.
func TestQDADiep(t *testing.T) {
	pad := diepProject(t, t.TempDir())
	var out *gelezen
	var l *levering
	n := allocated(func() {
		l = qdaLevering("Diep_Dijkwaard_2026-K1.qdpx", dijkwaard)
		var err error
		if out, err = readQDA(l, pad); err != nil {
			t.Fatal(err)
		}
	})
	if len(out.inhoud.Coderingen) != 0 || out.afgewezen != 12 || len(out.inhoud.Codes) != MaxQDADiepte-1 {
		t.Errorf("coderingen %d, afgewezen %d, codes %d", len(out.inhoud.Coderingen), out.afgewezen, len(out.inhoud.Codes))
	}
	if !strings.Contains(l.meldingen[0].Tekst, "dieper dan") {
		t.Errorf("melding %q", l.meldingen[0].Tekst)
	}
	t.Logf("%d MB allocated", n>>20)
	if n > 64<<20 {
		t.Errorf("%d MB allocated for a 24 kB codebook", n>>20)
	}
}

// A huge source text: the selections count, no 16 MB fragment is kept,
// and memory stays a small multiple of the text.
func TestQDALang(t *testing.T) {
	pad := langProject(t, t.TempDir())
	var out *gelezen
	var l *levering
	n := allocated(func() {
		l = qdaLevering("Lang_Dijkwaard_2026-K1.qdpx", dijkwaard)
		var err error
		if out, err = readQDA(l, pad); err != nil {
			t.Fatal(err)
		}
	})
	if len(out.inhoud.Coderingen) != 12 || len(out.inhoud.Verhalen) != 12 {
		t.Fatalf("coderingen %d, verhalen %d", len(out.inhoud.Coderingen), len(out.inhoud.Verhalen))
	}
	for _, c := range out.inhoud.Coderingen {
		if c.Tekst != "" {
			t.Fatalf("a %d-byte fragment is kept", len(c.Tekst))
		}
	}
	t.Logf("%d MB allocated", n>>20)
	if n > 200<<20 {
		t.Errorf("%d MB allocated for a 16 MB text", n>>20)
	}
}

// Memory of the two shapes, for make bench.
func BenchmarkQDAGroot(b *testing.B) {
	dir := b.TempDir()
	for _, p := range []string{diepProject(b, dir), langProject(b, dir)} {
		b.Run(p[len(dir)+1:], func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				if _, err := readQDA(qdaLevering("p.qdpx", dijkwaard), p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
