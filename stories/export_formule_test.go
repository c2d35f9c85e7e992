package stories_test

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"kansrijk"
	"kansrijk/store"
	"kansrijk/stories"
)

// Payloads a spreadsheet would run as a formula, as partners and parents
// can type them into a log, a codebook or a persona table.
const (
	fHyper = `=HYPERLINK("http://x.nl","klik")`
	fPlus  = "+SUM(A1:A9)"
	fAt    = "@SUM(A1)"
	fDDE   = `=DDE("cmd";"/C calc";"A1")`
	fMin   = "-2+3"
	fTab   = "\t=1"
	fBreed = "＝1+2"
)

// TestExportZonderFormules: every CSV of export --verhalen writes text
// from the logs, the codebook and the persona's with an apostrophe before
// a formula; counts, also those starting with a digit, stay as they are.
func TestExportZonderFormules(t *testing.T) {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3}
	freq := []stories.Frequentie{{Coalitie: fHyper, Kwartaal: q, Doelgroep: fPlus, Persona: fAt, Thema: fDDE, Code: fMin, Fragmenten: 3}}
	k := stories.Keuze{Citaat: stories.Citaat{VerhaalID: fTab, Coalitie: fBreed, Kwartaal: q, Werkvorm: fDDE, Persona: fHyper,
		Doelgroep: fAt, Toestemming: stories.Rapport, Tekst: fPlus + " zei ze", Toon: fMin}, Thema: fAt, Reden: fDDE}
	persona := stories.PersonaPagina{Persona: store.Persona{Naam: fHyper, Voornaam: fAt, Coalitie: fPlus, Doelgroep: fDDE},
		VerhaalIDs: []string{fMin}, Themas: []stories.PersonaThema{{Thema: "Geld", Fragmenten: 2}}, Indicatoren: []string{"KS09"}}
	controle := stories.QDAControle{Bestand: fHyper + ".qdpx", Bronnen: []stories.QDABronControle{{Bron: fAt, VerhaalID: fMin,
		Logboek: fDDE, Rij: 4, AlleenQDA: []string{fPlus}, AlleenLog: []string{fTab}}}}

	e := func(s string) string { return "'" + s }
	for _, tt := range []struct {
		naam  string
		write func(io.Writer) error
		want  []string // the data row, worked out by hand
	}{
		{"codes", func(w io.Writer) error { return stories.WriteCodesCSV(w, freq) },
			[]string{e(fHyper), "2026-K3", e(fPlus), e(fAt), e(fDDE), e(fMin), "3", "klein_aantal"}},
		{"themas", func(w io.Writer) error { return stories.WriteThemasCSV(w, freq) },
			[]string{e(fHyper), "2026-K3", e(fPlus), e(fAt), e(fDDE), "3", "klein_aantal"}},
		{"toon", func(w io.Writer) error {
			return stories.WriteToonCSV(w, []stories.Toon{{Coalitie: fAt, Thema: fMin, Kwartaal: q, Positief: 5, Negatief: 1}})
		}, []string{e(fAt), e(fMin), "2026-K3", "5", "1", "0", "0", "6", ""}},
		{"samen", func(w io.Writer) error {
			return stories.WriteSamenCSV(w, []stories.Paar{{Coalitie: fBreed, CodeA: fTab, CodeB: fPlus, Fragmenten: 7}})
		}, []string{e(fBreed), e(fTab), e(fPlus), "7", ""}},
		{"onbekende codes", func(w io.Writer) error {
			return stories.WriteOnbekendeCodesCSV(w, []stories.OnbekendeCode{{Bestand: fHyper + ".xlsx", Blad: fAt, Rij: 5, VerhaalID: fMin, Coalitie: fDDE, Code: fPlus}})
		}, []string{e(fHyper + ".xlsx"), e(fAt), "5", e(fMin), e(fDDE), e(fPlus)}},
		{"personas", func(w io.Writer) error { return stories.WritePersonasCSV(w, []stories.PersonaPagina{persona}) },
			[]string{e(fHyper), e(fAt), e(fPlus), e(fDDE), "1", e(fMin), "Geld (2)", "KS09"}},
		{"citaten", func(w io.Writer) error { return stories.WriteCitatenCSV(w, []stories.Keuze{k}) },
			[]string{e(fAt), e(fTab), e(fBreed), "2026-K3", e(fDDE), e(fHyper), e(fAt), e(fMin), "rapport", "nee", e(fDDE), e(fPlus + " zei ze")}},
		{"qdpx controle", func(w io.Writer) error { return stories.WriteKruiscontroleCSV(w, []stories.QDAControle{controle}) },
			[]string{e(fHyper + ".qdpx"), e(fAt), e(fMin), "nee", "nee", e(fDDE), "4", e(fPlus), e(fTab)}},
	} {
		var buf bytes.Buffer
		if err := tt.write(&buf); err != nil {
			t.Fatalf("%s: %v", tt.naam, err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", tt.naam, err)
		}
		if len(recs) != 2 || strings.Join(recs[1], "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: %q, want %q", tt.naam, recs[len(recs)-1], tt.want)
		}
	}
}
