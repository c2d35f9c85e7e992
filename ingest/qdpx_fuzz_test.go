package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzQDPX feeds the REFI-QDA reader any bytes as a .qdpx (a zip, or a
// bare project XML): it must end in rows or a Dutch error naming the
// file, never a panic or a hang, and what it keeps must hold together.
func FuzzQDPX(f *testing.F) {
	dir := f.TempDir()
	for _, fx := range qdaFixtures[:3] {
		b, err := os.ReadFile(fx.bouw(f, dir))
		if err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(projectXML(`<TextSource guid="s1" name="DW-2026-001"><PlainTextContent>Geld is op 😅.</PlainTextContent>
		<PlainTextSelection guid="x" startPosition="0" endPosition="4"><Coding guid="c"><CodeRef targetGUID="k2"/></Coding></PlainTextSelection></TextSource>`)))
	f.Add([]byte("PK\x03\x04"))
	oud := [...]int64{MaxQDAProject, MaxQDABron, MaxQDABronnen}
	MaxQDAProject, MaxQDABron, MaxQDABronnen = 1<<20, 1<<20, 4<<20
	f.Cleanup(func() { MaxQDAProject, MaxQDABron, MaxQDABronnen = oud[0], oud[1], oud[2] })
	f.Fuzz(func(t *testing.T, b []byte) {
		pad := filepath.Join(t.TempDir(), "Ouderverhalen_Dijkwaard_2026-K1.qdpx")
		if err := os.WriteFile(pad, b, 0o644); err != nil {
			t.Fatal(err)
		}
		l := qdaLevering(filepath.Base(pad), dijkwaard)
		out, err := readQDA(l, pad)
		if err != nil {
			if !strings.HasPrefix(err.Error(), filepath.Base(pad)+": ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if out.afgewezen > out.rijen {
			t.Fatalf("%d of %d rows rejected", out.afgewezen, out.rijen)
		}
		for _, v := range out.inhoud.Verhalen {
			if v.Coalitie != "Dijkwaard" || v.VerhaalID == "" || len(v.Fragment) > MaxQDAFragment {
				t.Fatalf("fragment %+v", v)
			}
		}
		for _, c := range out.inhoud.Coderingen {
			if c.Begin < 0 || c.Eind < c.Begin || len(c.Tekst) > MaxQDAFragment {
				t.Fatalf("codering %+v", c)
			}
		}
	})
}
