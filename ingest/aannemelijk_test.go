package ingest

import (
	"strings"
	"testing"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// TestAggregaatCelAannemelijk: a fraction of a person, an impossible
// magnitude or no number makes a cell not available with a fout at it;
// hours may have decimals.
func TestAggregaatCelAannemelijk(t *testing.T) {
	tests := []struct {
		raw, maat string
		waarde    float64 // -1: not available
		fout      string
	}{
		{"12", MaatAanmeldingenPrenataal, 12, ""},
		{"3.250", MaatKinderen01, 3250, ""},
		{"12,5", MaatAanmeldingenPrenataal, -1, "heel aantal"},
		{"12.5", MaatClienten, -1, "heel aantal"},
		{"1e15", MaatHuisbezoekenPrenataal, -1, "aannemelijk aantal personen"},
		{"100001", MaatHuisbezoekenPrenataal, -1, "meer dan 100000"},
		{"100000", MaatHuisbezoekenPrenataal, 100000, ""},
		{"17357,5", MaatUrenGeleverd, 17357.5, ""},
		{"1e15", MaatUrenGeindiceerd, -1, "aannemelijk aantal uren"},
		{"-3", MaatUrenGeindiceerd, -1, "geen aantal"},
	}
	for _, tt := range tests {
		l := &levering{Naam: "x.xlsx", Partner: kansrijk.Partner{Bron: kansrijk.BronJGZ}}
		a, ok := l.aggregaatCel(sheet.Location{File: "x.xlsx", Sheet: "B", Row: 3, Col: 3}, tt.raw, tt.maat, true)
		if !ok {
			t.Fatalf("%s: empty", tt.raw)
		}
		switch {
		case tt.waarde >= 0 && (a.Waarde == nil || *a.Waarde != tt.waarde || len(l.meldingen) > 0):
			t.Errorf("%s (%s): %+v, %v; want %v", tt.raw, tt.maat, a, l.meldingen, tt.waarde)
		case tt.waarde < 0 && (a.Waarde != nil || a.Code != "n.b." || len(l.meldingen) != 1 || !strings.Contains(l.meldingen[0].Tekst, tt.fout) || l.meldingen[0].Cell() != "C3"):
			t.Errorf("%s (%s): %+v, %v; want n.b. and a fout at C3 with %q", tt.raw, tt.maat, a, l.meldingen, tt.fout)
		}
	}
}

// TestDeelNietMeerDanGeheel: more huisbezoeken than aanmeldingen (KS07)
// makes the teller not available, with a fout naming both cells; <5
// stands for 1 to 4 on either side.
func TestDeelNietMeerDanGeheel(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 1}
	w := func(f float64) *float64 { return &f }
	cel := func(maat, c string, v *float64, code string) store.Aggregaat {
		return store.Aggregaat{Blad: "B", Cel: c, Gemeente: "Havenstad", Kwartaal: q, Maat: maat, Waarde: v, Code: code}
	}
	tests := []struct {
		naam                 string
		aanmeldingen, bezoek store.Aggregaat
		fout                 bool
	}{
		{"gelijk", cel(MaatAanmeldingenPrenataal, "B8", w(63), ""), cel(MaatHuisbezoekenPrenataal, "F8", w(63), ""), false},
		{"meer", cel(MaatAanmeldingenPrenataal, "B8", w(63), ""), cel(MaatHuisbezoekenPrenataal, "F8", w(500), ""), true},
		{"<5 tegen 7", cel(MaatAanmeldingenPrenataal, "B8", nil, "<5"), cel(MaatHuisbezoekenPrenataal, "F8", w(7), ""), true},
		{"<5 tegen 4", cel(MaatAanmeldingenPrenataal, "B8", nil, "<5"), cel(MaatHuisbezoekenPrenataal, "F8", w(4), ""), false},
		{"2 tegen <5", cel(MaatAanmeldingenPrenataal, "B8", w(2), ""), cel(MaatHuisbezoekenPrenataal, "F8", nil, "<5"), false},
		{"n.b.", cel(MaatAanmeldingenPrenataal, "B8", nil, "n.b."), cel(MaatHuisbezoekenPrenataal, "F8", w(9), ""), false},
	}
	for _, tt := range tests {
		l := &levering{Naam: "x.xlsx"}
		as := []store.Aggregaat{tt.aanmeldingen, tt.bezoek}
		l.controleerDelen(as)
		gemeld := len(l.meldingen) == 1 && l.meldingen[0].Cell() == "F8" && strings.Contains(l.meldingen[0].Tekst, "B8") && strings.Contains(l.meldingen[0].Tekst, "KS07")
		if tt.fout != gemeld || tt.fout != (as[1].Code == "n.b." && as[1].Waarde == nil) || len(l.meldingen) > 1 {
			t.Errorf("%s: meldingen %v, huisbezoeken %+v; want a fout: %v", tt.naam, l.meldingen, as[1], tt.fout)
		}
	}
}
