package eval_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/stories"
)

// verhalen makes a codebook with one theme linked to KS06 and fragments
// on it: per kwartaal, the tones given.
func verhalen(t *testing.T, tonen map[kansrijk.Kwartaal][]string) *stories.Verhalen {
	t.Helper()
	code := stories.Code{Thema: "Vroegsignalering", Code: "Doorverwijzing liep vast", Pad: "Vroegsignalering > Doorverwijzing liep vast", Indicatoren: []string{"KS06"}}
	v := &stories.Verhalen{Codeboek: stories.NieuwCodeboek([]stories.Code{code})}
	n := 0
	for q, ts := range tonen {
		for _, toon := range ts {
			n++
			v.Fragmenten = append(v.Fragmenten, stories.Fragment{
				VerhaalID: "V-" + string(rune('A'+n)), Coalitie: "V", Datum: q.Start().Add(24 * time.Hour), Kwartaal: q,
				Toestemming: stories.Intern, Codes: []stories.Code{code}, Toon: toon,
			})
		}
	}
	return v
}

func TestSamenhangSignaal(t *testing.T) {
	cfg := &kansrijk.Config{Indicatoren: []kansrijk.Indicator{{Code: "KS06", Naam: "Toeleiding na signalering", Beter: "hoger"}}}
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	verbetert := []eval.Beoordeling{{Coalitie: "V", Indicator: "KS06", Trend: eval.Trend{Oordeel: eval.TrendVerbetert}}}
	geen := []eval.Beoordeling{{Coalitie: "V", Indicator: "KS06", Trend: eval.Trend{Oordeel: eval.TrendGeen}}}
	k := func(i int) kansrijk.Kwartaal { return q.Add(-i) }

	tests := []struct {
		naam    string
		b       []eval.Beoordeling
		tonen   map[kansrijk.Kwartaal][]string
		trend   string
		signaal string // substring; "" means no signal
	}{
		{"figures improve, stories turn negative", verbetert,
			map[kansrijk.Kwartaal][]string{k(7): {"positief", "positief"}, k(5): {"positief", "gemengd"}, k(2): {"negatief", "negatief"}, k(0): {"negatief", "negatief"}},
			"negatiever", "verbeteren, maar ouders vertellen over ‘Vroegsignalering’ negatiever dan eerder"},
		{"figures improve, stories stay negative", verbetert,
			map[kansrijk.Kwartaal][]string{k(6): {"negatief", "negatief", "negatief"}, k(1): {"negatief", "negatief", "negatief", "gemengd"}},
			"gelijk", "vooral negatief"},
		{"no trend in the figures: no question", geen,
			map[kansrijk.Kwartaal][]string{k(6): {"positief", "positief", "positief"}, k(1): {"negatief", "negatief", "negatief"}},
			"negatiever", ""},
		{"too few stories", verbetert,
			map[kansrijk.Kwartaal][]string{k(6): {"positief"}, k(1): {"negatief", "negatief"}},
			"te weinig verhalen", ""},
	}
	for _, tt := range tests {
		ss, err := eval.Samenhangen("V", q, cfg, tt.b, verhalen(t, tt.tonen))
		if err != nil {
			t.Fatal(err)
		}
		if len(ss) != 1 {
			t.Fatalf("%s: %d joint displays, want 1", tt.naam, len(ss))
		}
		s := ss[0]
		if s.Verhaaltrend != tt.trend {
			t.Errorf("%s: story trend %q, want %q", tt.naam, s.Verhaaltrend, tt.trend)
		}
		if (tt.signaal == "") != (s.Signaal == "") || !strings.Contains(s.Signaal, tt.signaal) {
			t.Errorf("%s: signal %q, want %q", tt.naam, s.Signaal, tt.signaal)
		}
		if len(s.Indicatoren) != 1 || s.Indicatoren[0].Indicator != "KS06" {
			t.Errorf("%s: linked indicators %+v, want KS06", tt.naam, s.Indicatoren)
		}
	}
}

// In the samples, Havenstad's KS07 (prenatal home visits) improves while
// parents' stories about Prenataal huisbezoek turn negative: the joint
// display must ask about it. Lindehoven's KS01 improves and its stories
// on Zwangerschapszorg turn positive: no question there.
func TestSamenhangSamples(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, pat := range []string{"Verlosk*.xlsx", "JGZ_*.xlsx", "Kraamzorg_*.xlsx", "wijkteam_*.csv", "Procesmonitor_*.xlsx",
		"Ouderverhalen_*.xlsx", "Codeboek.xlsx", "Personas.xlsx"} {
		importInto(t, db, cfg, pat)
	}
	cs, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	bs := eval.Analyse(cs, cfg, q)
	v, err := stories.Lees(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	signaal := func(co, thema string) string {
		ss, err := eval.Samenhangen(co, q, cfg, bs, v)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss {
			if s.Thema == thema {
				return s.Signaal
			}
		}
		t.Fatalf("no joint display for %s / %s", co, thema)
		return ""
	}
	if s := signaal("Havenstad", "Prenataal huisbezoek"); !strings.Contains(s, "KS07") || !strings.Contains(s, "negatiever") {
		t.Errorf("Havenstad / Prenataal huisbezoek: signal %q, want a question about KS07 and negative stories", s)
	}
	if s := signaal("Lindehoven", "Zwangerschapszorg"); s != "" {
		t.Errorf("Lindehoven / Zwangerschapszorg: signal %q, want none (figures and stories both improve)", s)
	}
}
