package stories_test

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/refiqda"
	"kansrijk/store"
	"kansrijk/stories"
)

// qdaBron is a source of a test project: a story with its variables
// and its coded selections (each a text that occurs once in the source,
// with code paths; "Toon > x" gives a tone).
type qdaBron struct {
	naam, tekst string
	vars        map[string]string // variable name → text value
	sels        []qdaSel
}

type qdaSel struct {
	tekst string
	codes []string
}

// maakProject writes a .qdpx with these sources, positions in code
// points, through the REFI-QDA writer (its reader is tested on other
// exporters' conventions in ingest). nieuw gives other GUIDs, as a
// program does on every export.
func maakProject(t *testing.T, dir, naam, nieuw string, bronnen []qdaBron) string {
	t.Helper()
	p := &refiqda.Project{Naam: naam, Origin: "QualCoder 3.6", CodeBook: &refiqda.CodeBook{}, Variables: &refiqda.Variables{}, Sources: &refiqda.Sources{}}
	codes := map[string]string{}
	code := func(pad string) string {
		if g, ok := codes[pad]; ok {
			return g
		}
		delen := strings.Split(pad, " > ")
		cs := &p.CodeBook.Codes
		for i, d := range delen {
			j := slices.IndexFunc(*cs, func(c refiqda.Code) bool { return c.Name == d })
			if j < 0 {
				*cs = append(*cs, refiqda.Code{GUID: refiqda.GUID(nieuw, "code", strings.Join(delen[:i+1], ">")), Name: d, IsCodable: fmt.Sprint(i > 0)})
				j = len(*cs) - 1
			}
			if i == len(delen)-1 {
				codes[pad] = (*cs)[j].GUID
			}
			cs = &(*cs)[j].Codes
		}
		return codes[pad]
	}
	vars := map[string]string{}
	var files []refiqda.Bestand
	for i, b := range bronnen {
		s := refiqda.TextSource{GUID: refiqda.GUID(nieuw, "bron", fmt.Sprint(i)), Name: b.naam}
		s.PlainTextPath = "internal://" + s.GUID + ".txt"
		files = append(files, refiqda.Bestand{Pad: "sources/" + s.GUID + ".txt", Tekst: b.tekst})
		for j, sel := range b.sels {
			at := strings.Index(b.tekst, sel.tekst)
			if at < 0 {
				t.Fatalf("%q not in %s", sel.tekst, b.naam)
			}
			begin := len([]rune(b.tekst[:at]))
			x := refiqda.Selection{GUID: refiqda.GUID(nieuw, "sel", fmt.Sprint(i, j)), Start: fmt.Sprint(begin), End: fmt.Sprint(begin + len([]rune(sel.tekst)))}
			for k, c := range sel.codes {
				x.Codings = append(x.Codings, refiqda.Coding{GUID: refiqda.GUID(nieuw, "cod", fmt.Sprint(i, j, k)), Ref: refiqda.Ref{Target: code(c)}})
			}
			s.Selections = append(s.Selections, x)
		}
		var namen []string
		for n := range b.vars {
			namen = append(namen, n)
		}
		sort.Strings(namen)
		for _, n := range namen {
			if vars[n] == "" {
				vars[n] = refiqda.GUID(nieuw, "var", n)
				p.Variables.Variable = append(p.Variables.Variable, refiqda.Variable{GUID: vars[n], Name: n, TypeOfVariable: "Text"})
			}
			w := b.vars[n]
			s.VariableValue = append(s.VariableValue, refiqda.VariableValue{Ref: refiqda.Ref{Target: vars[n]}, TextValue: &w})
		}
		p.Sources.Text = append(p.Sources.Text, s)
	}
	if len(p.Variables.Variable) == 0 {
		p.Variables = nil
	}
	pad := filepath.Join(dir, naam)
	f, err := os.Create(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := refiqda.Schrijf(f, p, files); err != nil {
		t.Fatal(err)
	}
	return pad
}

// Vechtmonde codes its stories only in a QDA program: fictitious
// interviews, with emoji, é and CRLF.
var vechtmonde = []qdaBron{
	{"VM-2026-001 interview", "I: Hoe ging de doorverwijzing?\r\nR: Ik werd van het kastje naar de muur gestuurd 😞, drie keer gebeld.\r\nNiemand belde terug.\r\n",
		map[string]string{"Toestemming": "rapport", "Datum": "12-01-2026", "Persona": "Agnieszka", "Werkvorm": "interview", "Doelgroep": "arbeidsmigrant"},
		[]qdaSel{{"Ik werd van het kastje naar de muur gestuurd 😞, drie keer gebeld.", []string{"Vroegsignalering > Doorverwijzing liep vast", "Toon > Negatief"}}}},
	{"VM-2026-002 spiegelbijeenkomst", "R: De kraamverzorgster was geweldig 💛, ze nam echt de tijd.\r\nDaarna bleef ik alleen met mijn zorgen over geld.\r\n",
		map[string]string{"Toestemming": "openbaar", "Datum": "2026-02-03", "Persona": "Nadia", "Werkvorm": "spiegelbijeenkomst"},
		[]qdaSel{{"De kraamverzorgster was geweldig 💛, ze nam echt de tijd.", []string{"Kraamzorg > Fijne kraamverzorgster", "Toon > Positief"}},
			{"Daarna bleef ik alleen met mijn zorgen over geld.", []string{"Bestaanszekerheid > Geldzorgen", "Toon > Negatief"}}}},
	{"VM-2026-003 interview", "R: Over mijn schulden wil ik liever niets kwijt, maar het café-gesprek hielp.\r\n",
		map[string]string{"Kwartaal": "2026-K1"}, // no consent: intern
		[]qdaSel{{"Over mijn schulden wil ik liever niets kwijt, maar het café-gesprek hielp.", []string{"Bestaanszekerheid > Geldzorgen", "Toon > Gemengd"}}}},
}

// qdaConfig is the example workspace with a partner for projects.
func qdaWerkmap(t *testing.T) (*kansrijk.Config, *store.DB, *ingest.Importer) {
	t.Helper()
	cfg := config(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return cfg, db, &ingest.Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }}
}

func leesIn(t *testing.T, im *ingest.Importer, paden ...string) {
	t.Helper()
	for _, p := range paden {
		if res := im.Bestand(context.Background(), p); res.Status != ingest.Ingelezen {
			t.Fatalf("%s: %s %s %+v", p, res.Status, res.Fout, res.Meldingen)
		}
	}
}

// A coalitie with only a .qdpx and no codebook: its sources are stories,
// its coded selections fragments, with tone; the project's own codebook
// counts; consented fragments are quoted, an intern one never.
func TestQDPXAlleen(t *testing.T) {
	cfg, db, im := qdaWerkmap(t)
	leesIn(t, im, maakProject(t, t.TempDir(), "Ouderverhalen_Vechtmonde.qdpx", "", vechtmonde))
	v := lees(t, db)
	if len(v.Fragmenten) != 4 {
		t.Fatalf("%d fragments, want 4: %+v", len(v.Fragmenten), v.Fragmenten)
	}
	var got []string
	for _, f := range v.Fragmenten {
		var codes []string
		for _, c := range f.Codes {
			codes = append(codes, c.Pad)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s %s %s|%s", f.VerhaalID, f.Coalitie, f.Kwartaal, f.Toestemming, f.Toon, f.Persona, strings.Join(codes, ";")))
		if f.Bron != kansrijk.BronQDA || !strings.Contains(vechtmondeTekst(f.VerhaalID), f.Tekst) || f.Tekst == "" {
			t.Errorf("%s: bron %s, tekst %q", f.VerhaalID, f.Bron, f.Tekst)
		}
	}
	want := []string{
		"VM-2026-003 Vechtmonde 2026-K1 intern gemengd |Bestaanszekerheid > Geldzorgen",
		"VM-2026-001 Vechtmonde 2026-K1 rapport negatief Agnieszka|Vroegsignalering > Doorverwijzing liep vast",
		"VM-2026-002 Vechtmonde 2026-K1 openbaar positief Nadia|Kraamzorg > Fijne kraamverzorgster",
		"VM-2026-002 Vechtmonde 2026-K1 openbaar negatief Nadia|Bestaanszekerheid > Geldzorgen",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fragments\n got %q\nwant %q", got, want)
	}
	if v.Codeboek.Leeg() || len(v.Codeboek.Codes) != 3 {
		t.Errorf("codebook from the project: %+v", v.Codeboek)
	}
	tonen, err := v.Tonen()
	if err != nil || len(tonen) == 0 {
		t.Fatalf("tone: %v %v", tonen, err)
	}
	n := 0
	for _, x := range tonen {
		n += x.Fragmenten()
	}
	if n != 4 {
		t.Errorf("tone counts %d fragments, want 4: %+v", n, tonen)
	}
	ks, err := v.Kies(cfg, stories.ThemaSelectie{Coalitie: "Vechtmonde", PerThema: 10})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, k := range ks {
		ids = append(ids, k.VerhaalID)
	}
	sort.Strings(ids)
	if strings.Join(ids, " ") != "VM-2026-001 VM-2026-002" {
		t.Errorf("quoted %v; want the two consented stories, not the intern one", ids)
	}
	// Its export as REFI-QDA validates, also without the shared folder
	// (kansrijk's own check of the structure).
	uit := filepath.Join(t.TempDir(), "Vechtmonde.qdpx")
	if ov, err := stories.ExporteerQDPX(context.Background(), db, cfg, uit, stories.QDPXKeuze{Coalitie: "Vechtmonde"}); err != nil || ov.Verhalen != 2 || ov.Weggelaten != 1 {
		t.Errorf("export: %+v %v", ov, err)
	}
	if qde := valideer(t, uit); strings.Contains(qde, "schulden") {
		t.Error("the intern story is in the export")
	}
	// export --verhalen works on a qdpx-only workspace.
	paden, err := stories.Exporteer(context.Background(), db, cfg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	tabel, _ := os.ReadFile(paden[len(paden)-1])
	if !strings.Contains(string(tabel), "VM-2026-002 spiegelbijeenkomst,VM-2026-002,Vechtmonde,Kraamzorg > Fijne kraamverzorgster,") ||
		strings.Contains(string(tabel), "schulden") {
		t.Errorf("codings table:\n%s", tabel)
	}
}

func vechtmondeTekst(id string) string {
	for _, b := range vechtmonde {
		if strings.HasPrefix(b.naam, id) {
			return b.tekst
		}
	}
	return ""
}

// A log and a project that describe the same story: the log is the
// master and nothing counts twice, whichever came first; the project's
// other stories count. Two exports of the same project (new GUIDs)
// count once too.
func TestMeesterLogEnProject(t *testing.T) {
	needSamples(t)
	dir := t.TempDir()
	// LH-2025-001 is in the Lindehoven log; LH-2026-900 is not.
	bronnen := []qdaBron{
		{"LH-2025-001 spiegelbijeenkomst", "Een andere tekst over geldzorgen.", map[string]string{"Datum": "2025-01-15", "Toestemming": "rapport"},
			[]qdaSel{{"Een andere tekst over geldzorgen.", []string{"Bestaanszekerheid > Geldzorgen"}}}},
		{"LH-2026-900 interview", "Ik kreeg snel hulp 🙂 van het wijkteam.", map[string]string{"Datum": "2026-07-01", "Toestemming": "rapport"},
			[]qdaSel{{"Ik kreeg snel hulp 🙂 van het wijkteam.", []string{"Bestaanszekerheid > Snelle hulp"}}}},
	}
	eerste := maakProject(t, dir, "Ouderverhalen_Lindehoven.qdpx", "", bronnen)
	tweede := maakProject(t, dir, "Ouderverhalen_Lindehoven_2026-11.qdpx", "opnieuw", bronnen)
	for _, volgorde := range [][]string{{"log", "qdpx"}, {"qdpx", "log"}} {
		cfg, db, im := qdaWerkmap(t)
		for _, w := range volgorde {
			if w == "log" {
				leesIn(t, im, filepath.Join(samples, "Codeboek.xlsx"), filepath.Join(samples, "Ouderverhalen_Lindehoven.xlsx"))
			} else {
				leesIn(t, im, eerste, tweede)
			}
		}
		_ = cfg
		v := lees(t, db)
		per := map[string][]stories.Fragment{}
		for _, f := range v.Fragmenten {
			per[f.VerhaalID] = append(per[f.VerhaalID], f)
		}
		if fs := per["LH-2025-001"]; len(fs) != 1 || fs[0].Bron != kansrijk.BronOuderverhalen {
			t.Errorf("%v: LH-2025-001 counted %d times: %+v", volgorde, len(fs), fs)
		}
		if fs := per["LH-2026-900"]; len(fs) != 1 || fs[0].Bron != kansrijk.BronQDA || fs[0].Bestand != "Ouderverhalen_Lindehoven_2026-11.qdpx" {
			t.Errorf("%v: LH-2026-900 counted %d times: %+v", volgorde, len(fs), fs)
		}
		for id, fs := range per {
			if len(fs) != 1 {
				t.Errorf("%v: %s counted %d times", volgorde, id, len(fs))
			}
		}
	}
}

// The rule itself, on made-up rows: log before project, newest first,
// per coalitie; all of the master's fragments of a story count.
func TestMeester(t *testing.T) {
	f := func(lev int64, bron kansrijk.Bron, coalitie, id string, rij int) stories.Fragment {
		return stories.Fragment{Levering: lev, Bron: bron, Coalitie: coalitie, VerhaalID: id, Rij: rij}
	}
	log, qda := kansrijk.BronOuderverhalen, kansrijk.BronQDA
	in := []stories.Fragment{
		f(5, qda, "A", "X-1", 1), f(5, qda, "A", "X-1", 2), f(2, log, "A", "x-1", 7), // log wins over a newer project
		f(6, qda, "A", "X-2", 1), f(4, qda, "A", "X-2", 1), f(6, qda, "A", "X-2", 2), // newest project, both selections
		f(3, log, "A", "X-3", 1), f(1, log, "A", "X-3", 1), // newest log
		f(5, qda, "B", "X-1", 1), // another coalitie: its own story
	}
	var got []string
	for _, x := range stories.Meester(in) {
		got = append(got, fmt.Sprintf("%d %s %s %d", x.Levering, x.Coalitie, x.VerhaalID, x.Rij))
	}
	want := []string{"2 A x-1 7", "6 A X-2 1", "6 A X-2 2", "3 A X-3 1", "5 B X-1 1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// Verhaal-IDs are unique within a coalitie only: a project of one
// coalitie is compared with that coalitie's log, never another's.
func TestKruiscontroleBinnenCoalitie(t *testing.T) {
	needSamples(t)
	cfg, db, im := qdaWerkmap(t)
	dir := t.TempDir()
	// Havenstad's log has no LH- IDs; this project of Havenstad reuses
	// an ID of the Lindehoven log for a story of its own.
	pad := maakProject(t, dir, "Ouderverhalen_Havenstad_2026-K2.qdpx", "", []qdaBron{
		{"LH-2025-001 interview", "Het consultatiebureau belde mij zelf op.", map[string]string{"Toestemming": "rapport"},
			[]qdaSel{{"Het consultatiebureau belde mij zelf op.", []string{"Netwerk en steun > Steun van consultatiebureau"}}}}})
	leesIn(t, im, filepath.Join(samples, "Codeboek.xlsx"), filepath.Join(samples, "Ouderverhalen_Lindehoven.xlsx"), pad)
	_ = cfg
	cs, err := stories.Kruiscontrole(context.Background(), db)
	if err != nil || len(cs) != 1 {
		t.Fatalf("%v %v", cs, err)
	}
	b := cs[0].Bronnen[0]
	if b.Gekoppeld || !b.Verhaal || b.Coalitie != "Havenstad" || len(cs[0].Meldingen) != 0 {
		t.Errorf("bron %+v, meldingen %+v", b, cs[0].Meldingen)
	}
	n := 0
	for _, f := range lees(t, db).Fragmenten {
		if strings.EqualFold(f.VerhaalID, "LH-2025-001") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("LH-2025-001 counted %d times; want once for Lindehoven (log) and once for Havenstad (project)", n)
	}
}

// A story withdrawn in a project loses its text in the log too, and
// one withdrawn in a log loses it in the project, whichever came first;
// it is in no output, not in an exported .qdpx either.
func TestIngetrokkenQDPX(t *testing.T) {
	dir := t.TempDir()
	geheim := "Mijn buurman weet van de schulden bij de woningcorporatie 😟."
	log := func(naam, toestemming string) string {
		return logboek(t, filepath.Join(dir, naam), []string{"VM-2026-050", "Vechtmonde", "05-01-2026", "interview", "", "", toestemming, geheim, "Bestaanszekerheid > Geldzorgen", "negatief", "nee", "K. Smit"})
	}
	project := func(naam, toestemming string) string {
		return maakProject(t, dir, naam, naam, []qdaBron{{"VM-2026-050 interview", geheim, map[string]string{"Toestemming": toestemming, "Datum": "2026-01-05"},
			[]qdaSel{{geheim, []string{"Bestaanszekerheid > Geldzorgen"}}}}})
	}
	for _, c := range []struct {
		naam  string
		paden []string
	}{
		{"project trekt in, na het log", []string{log("Ouderverhalen_Vechtmonde.xlsx", "rapport"), project("Vechtmonde_a.qdpx", "ingetrokken")}},
		{"project trekt in, voor het log", []string{project("Vechtmonde_b.qdpx", "ingetrokken"), log("Ouderverhalen_Vechtmonde_2.xlsx", "rapport")}},
		{"log trekt in, na het project", []string{project("Vechtmonde_c.qdpx", "rapport"), log("Ouderverhalen_Vechtmonde_3.xlsx", "ingetrokken")}},
		{"log trekt in, voor het project", []string{log("Ouderverhalen_Vechtmonde_4.xlsx", "ingetrokken"), project("Vechtmonde_d.qdpx", "openbaar")}},
	} {
		t.Run(c.naam, func(t *testing.T) {
			cfg, db, im := qdaWerkmap(t)
			if len(cfg.Coalities) == 0 {
				t.Fatal("no coalities")
			}
			leesIn(t, im, c.paden...)
			uit := alleUitvoer(t, db, cfg)
			for _, deel := range []string{geheim, "woningcorporatie"} {
				if strings.Contains(uit, deel) {
					t.Errorf("withdrawn text %q is in the output", deel)
				}
			}
			for _, f := range lees(t, db).Fragmenten {
				if f.VerhaalID == "VM-2026-050" {
					t.Errorf("withdrawn story counted: %+v", f)
				}
			}
		})
	}
}

// The exported project validates against the REFI-QDA schema (with
// xmllint, when installed) and kansrijk's structural check, and read
// back it gives the same stories, codings, tones and codebook.
func TestQDPXRondgang(t *testing.T) {
	needSamples(t)
	cfg, db, im := qdaWerkmap(t)
	dir := t.TempDir()
	leesIn(t, im, filepath.Join(samples, "Codeboek.xlsx"), filepath.Join(samples, "Personas.xlsx"), filepath.Join(samples, "Ouderverhalen_Lindehoven.xlsx"),
		maakProject(t, dir, "Ouderverhalen_Vechtmonde.qdpx", "", vechtmonde))
	voor := lees(t, db)
	for _, k := range []stories.QDPXKeuze{{Intern: true}, {Coalitie: "Vechtmonde"}, {Coalitie: "Lindehoven", Intern: true}} {
		t.Run(fmt.Sprintf("%+v", k), func(t *testing.T) {
			uit := filepath.Join(t.TempDir(), "Export.qdpx")
			k.Nu = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
			ov, err := stories.ExporteerQDPX(context.Background(), db, cfg, uit, k)
			if err != nil {
				t.Fatal(err)
			}
			qde := valideer(t, uit)
			if k.Intern != strings.Contains(qde, "INTERN") {
				t.Errorf("intern %v, project says INTERN: %v", k.Intern, !k.Intern)
			}
			// What should come back: the counted fragments of the
			// coalitie, consented ones unless intern.
			var want []string
			for _, f := range voor.Fragmenten {
				if (k.Coalitie == "" || f.Coalitie == k.Coalitie) && (k.Intern || f.Toestemming != stories.Intern) && (len(f.Codes) > 0 || f.Toon != "") {
					if !k.Intern {
						f.IngevoerdDoor = "" // no staff names leave the team
					}
					want = append(want, samenvatting(f))
				}
			}
			if len(want) < 3 {
				t.Fatalf("only %d fragments to export", len(want))
			}
			if ov.Fragmenten != len(want) {
				t.Errorf("%d fragments exported, want %d", ov.Fragmenten, len(want))
			}
			// Read back into a workspace of its own, without a codebook.
			_, db2, im2 := qdaWerkmap(t)
			res := im2.Bestand(context.Background(), uit)
			if res.Status != ingest.Ingelezen {
				t.Fatalf("%s %s", res.Status, res.Fout)
			}
			for _, m := range res.Meldingen {
				t.Errorf("melding on re-import: %s: %s", m.Plaats(), m.Tekst)
			}
			na := lees(t, db2)
			var got []string
			for _, f := range na.Fragmenten {
				got = append(got, samenvatting(f))
			}
			sort.Strings(got)
			sort.Strings(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip\n got %d %q\nwant %d %q", len(got), got, len(want), want)
			}
			if len(na.Codeboek.Codes) != len(voor.Codeboek.Codes) {
				t.Errorf("codebook: %d codes back, want %d", len(na.Codeboek.Codes), len(voor.Codeboek.Codes))
			}
			for i, c := range voor.Codeboek.Codes {
				if i < len(na.Codeboek.Codes) && (na.Codeboek.Codes[i].Pad != c.Pad || !reflect.DeepEqual(na.Codeboek.Codes[i].Indicatoren, c.Indicatoren)) {
					t.Errorf("code %d: %+v, want %+v", i, na.Codeboek.Codes[i], c)
				}
			}
		})
	}
}

// samenvatting is what a round trip keeps of a fragment.
func samenvatting(f stories.Fragment) string {
	var codes []string
	for _, c := range f.Codes {
		codes = append(codes, c.Pad)
	}
	return strings.Join([]string{f.Coalitie, f.VerhaalID, f.Datum.Format("2006-01-02"), f.Werkvorm, f.Persona, f.Doelgroep, string(f.Toestemming),
		f.Toon, fmt.Sprint(f.Uitgelicht), f.IngevoerdDoor, strings.Join(codes, ";"), f.Tekst}, "|")
}

// valideer checks an exported .qdpx with xmllint against Project.xsd
// when both are there, and always with refiqda.Controleer, and returns
// its project.qde.
func valideer(t *testing.T, pad string) string {
	t.Helper()
	zr, err := zip.OpenReader(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var qde string
	for _, f := range zr.File {
		if f.Name == "project.qde" {
			r, _ := f.Open()
			b, _ := io.ReadAll(r)
			r.Close()
			qde = string(b)
		}
	}
	xsd := "../../shared/reference/refi-qda/Project.xsd"
	_, errXSD := os.Stat(xsd)
	lint, errLint := exec.LookPath("xmllint")
	switch {
	case errXSD != nil:
		t.Logf("%s ontbreekt; alleen de eigen controle van de structuur", xsd)
	case errLint != nil:
		t.Logf("xmllint is niet geïnstalleerd (apt-get install libxml2-utils); alleen de eigen controle van de structuur")
	default:
		f := filepath.Join(t.TempDir(), "project.qde")
		os.WriteFile(f, []byte(qde), 0o644)
		if out, err := exec.Command(lint, "--noout", "--schema", xsd, f).CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	}
	var p refiqda.Project
	if err := xmlUnmarshal(qde, &p); err != nil {
		t.Fatal(err)
	}
	if p.Xmlns != refiqda.Namespace {
		t.Errorf("namespace %q", p.Xmlns)
	}
	for _, f := range refiqda.Controleer(&p) {
		t.Error(f)
	}
	return qde
}

func xmlUnmarshal(s string, p *refiqda.Project) error { return xml.Unmarshal([]byte(s), p) }
