package refiqda

import (
	"testing"
	"unicode/utf8"
)

// FuzzBytes: whatever the text and positions, every convention maps a
// position to -1 or to a character boundary inside the text, and a
// later position never to an earlier byte.
func FuzzBytes(f *testing.F) {
	f.Add(verhaal, 3, 40, false)
	f.Add("a😅\r\nb\n", 2, 4, true)
	f.Fuzz(func(t *testing.T, s string, a, b int, bom bool) {
		if !utf8.ValidString(s) {
			return
		}
		tk := Tekst{S: s, BOM: bom}
		for _, c := range Conventies {
			bs := c.Bytes(tk, []int{a, b})
			for _, x := range bs {
				if x != -1 && (x < 0 || x > len(s) || x < len(s) && !utf8.RuneStart(s[x])) {
					t.Fatalf("%s: position → byte %d of %q", c.Code(), x, s)
				}
			}
			if a <= b && bs[0] >= 0 && bs[1] >= 0 && bs[0] > bs[1] {
				t.Fatalf("%s: %d ≤ %d but bytes %d > %d", c.Code(), a, b, bs[0], bs[1])
			}
		}
		tl := NieuweTelling()
		if a >= 0 && b >= a {
			tl.Tel(tk, []int{a}, []int{b})
		}
		_ = tl.Kies("")
	})
}
