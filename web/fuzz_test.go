package web

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzVeiligeNaam: whatever name a client sends, a name that is kept is
// one plain file name of a kind kansrijk reads, and making it safe again
// changes nothing.
func FuzzVeiligeNaam(f *testing.F) {
	for _, s := range []string{"a.csv", "../x.xlsx", `..\..\y.csv`, "\x00.csv", ".csv", "é.qdpx", "a\u202e.csv", "x.csv. "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		naam, err := veiligeNaam(in)
		if err != nil {
			return
		}
		if naam == "" || strings.ContainsAny(naam, `/\<>:"|?*`) || strings.HasPrefix(naam, ".") ||
			!utf8.ValidString(naam) || len(naam) > maxNaam || filepath.Base(naam) != naam {
			t.Fatalf("veiligeNaam(%q) = %q", in, naam)
		}
		for _, r := range naam {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("veiligeNaam(%q) = %q holds %U", in, naam, r)
			}
		}
		if !slices.Contains(extensies, strings.ToLower(filepath.Ext(naam))) {
			t.Fatalf("veiligeNaam(%q) = %q: not a kind kansrijk reads", in, naam)
		}
		if again, err := veiligeNaam(naam); err != nil || again != naam {
			t.Fatalf("veiligeNaam(%q) = %q, but again %q, %v", in, naam, again, err)
		}
	})
}
