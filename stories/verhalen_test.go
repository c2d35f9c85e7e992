package stories_test

import (
	"archive/zip"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/store"
	"kansrijk/stories"
	"kansrijk/workspace"
)

// samples is the shared folder of realistic partner deliveries.
const samples = "../../shared/samples"

func needSamples(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(samples); err != nil {
		t.Skipf("%s ontbreekt (de gedeelde voorbeeldleveringen staan niet naast deze repository); test overgeslagen", samples)
	}
}

// config is the example workspace plus the partner for REFI-QDA
// projects, as a workspace would configure it.
func config(t *testing.T) *kansrijk.Config {
	t.Helper()
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	cfg := w.Config
	cfg.Partners = append(cfg.Partners, kansrijk.Partner{Naam: "QualCoder-projecten", Bron: kansrijk.BronQDA, Bestanden: []string{"*.qdpx"}})
	return &cfg
}

// importeer imports the sample files matching the patterns, in that
// order, into a new store.
func importeer(t *testing.T, cfg *kansrijk.Config, patronen ...string) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	im := &ingest.Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }}
	for _, pat := range patronen {
		files, _ := filepath.Glob(filepath.Join(samples, pat))
		if len(files) == 0 {
			t.Fatalf("no sample files for %s", pat)
		}
		for _, f := range files {
			res := im.Bestand(context.Background(), f)
			if res.Status != ingest.Ingelezen {
				t.Fatalf("%s: %s %s", f, res.Status, res.Fout)
			}
		}
	}
	return db
}

var alles = []string{"Codeboek.xlsx", "Personas.xlsx", "Ouderverhalen_*.xlsx", "Ouderverhalen_*.qdpx"}

func lees(t *testing.T, db *store.DB) *stories.Verhalen {
	t.Helper()
	v, err := stories.Lees(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// --- The samples read by hand, without any of kansrijk's code ---

type handCode struct{ thema, code string }

type handFragment struct {
	bestand, id, coalitie, kwartaal, doelgroep, persona, werkvorm, toestemming, tekst, door string
	rij                                                                                     int
	codes                                                                                   []handCode // known, once
	onbekend                                                                                []string   // folded
	ingetrokken                                                                             bool
}

type hand struct {
	codes      map[string]handCode   // folded "thema>code" → spelling
	indicators map[handCode][]string // per code
	voornamen  []string
	fragmenten []handFragment // also the withdrawn ones
}

// fold applies rule 12 by hand: no case, no white space at all.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

func rows(t *testing.T, file string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func leesHand(t *testing.T) *hand {
	t.Helper()
	h := &hand{codes: map[string]handCode{}, indicators: map[handCode][]string{}}
	reKS := regexp.MustCompile(`KS\d\d`)
	thema := ""
	for i, r := range rows(t, filepath.Join(samples, "Codeboek.xlsx")) {
		if i == 0 || len(r) < 2 {
			continue
		}
		if strings.TrimSpace(r[0]) != "" {
			thema = strings.TrimSpace(r[0])
		}
		c := handCode{thema, strings.TrimSpace(r[1])}
		h.codes[fold(c.thema)+">"+fold(c.code)] = c
		if len(r) > 3 {
			h.indicators[c] = reKS.FindAllString(r[3], -1)
		}
	}
	for i, r := range rows(t, filepath.Join(samples, "Personas.xlsx")) {
		if i == 0 || len(r) < 2 {
			continue
		}
		naam := strings.TrimSpace(strings.Split(r[0], ",")[0])
		h.voornamen = append(h.voornamen, naam)
	}
	logs, _ := filepath.Glob(filepath.Join(samples, "Ouderverhalen_*.xlsx"))
	for _, file := range logs {
		rs := rows(t, file)
		col := map[string]int{}
		start := -1
		for i, r := range rs {
			if len(r) > 0 && strings.TrimSpace(r[0]) == "Verhaal-ID" {
				for j, c := range r {
					col[strings.TrimSpace(c)] = j
				}
				start = i + 1
				break
			}
		}
		if start < 0 {
			t.Fatalf("%s: no header", file)
		}
		seen := map[string]bool{}
		for i := start; i < len(rs); i++ {
			r := rs[i]
			get := func(h string) string {
				if j, ok := col[h]; ok && j < len(r) {
					return strings.TrimSpace(strings.ReplaceAll(r[j], "\u00a0", " "))
				}
				return ""
			}
			f := handFragment{bestand: filepath.Base(file), rij: i + 1, id: get("Verhaal-ID"), coalitie: get("Coalitie"),
				doelgroep: strings.Join(strings.Fields(get("Doelgroep")), " "), werkvorm: get("Werkvorm"),
				toestemming: strings.ToLower(get("Toestemming")), tekst: get("Fragment"), door: get("Ingevoerd door")}
			if f.id == "" || seen[strings.ToLower(f.id)] {
				continue
			}
			seen[strings.ToLower(f.id)] = true
			if f.toestemming == "ingetrokken" {
				f.ingetrokken = true
				h.fragmenten = append(h.fragmenten, f)
				continue
			}
			var d time.Time
			raw := get("Datum")
			if n, err := strconv.Atoi(raw); err == nil {
				d = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
			} else if d, err = time.Parse("02-01-2006", raw); err != nil {
				continue // the importer rejects the row: it does not count
			}
			f.kwartaal = fmt.Sprintf("%d-K%d", d.Year(), (int(d.Month())-1)/3+1)
			f.persona = get("Persona")
			for _, n := range h.voornamen {
				if strings.EqualFold(n, f.persona) {
					f.persona = n
				}
			}
			dubbel := map[string]bool{}
			for _, part := range strings.Split(get("Codes"), ";") {
				bits := strings.Split(part, ">")
				for j := range bits {
					bits[j] = fold(bits[j])
				}
				k := strings.Join(bits, ">")
				if k == "" || dubbel[k] {
					continue
				}
				dubbel[k] = true
				if c, ok := h.codes[k]; ok {
					f.codes = append(f.codes, c)
				} else {
					f.onbekend = append(f.onbekend, k)
				}
			}
			h.fragmenten = append(h.fragmenten, f)
		}
	}
	return h
}

func (h *hand) geteld() []handFragment {
	var out []handFragment
	for _, f := range h.fragmenten {
		if !f.ingetrokken {
			out = append(out, f)
		}
	}
	return out
}

// Code and theme frequencies equal what the Excel logs say when rule 12
// is applied by hand.
func TestFrequentiesLogsByHand(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	v := lees(t, importeer(t, cfg, alles...))
	h := leesHand(t)

	wantCodes, wantThemas := map[string]int{}, map[string]int{}
	for _, f := range h.geteld() {
		themas := map[string]bool{}
		for _, c := range f.codes {
			wantCodes[strings.Join([]string{f.coalitie, f.kwartaal, f.doelgroep, f.persona, c.thema, c.code}, "|")]++
			if !themas[c.thema] {
				themas[c.thema] = true
				wantThemas[strings.Join([]string{f.coalitie, f.kwartaal, f.doelgroep, f.persona, c.thema}, "|")]++
			}
		}
	}
	codes, err := v.CodeFrequenties()
	if err != nil {
		t.Fatal(err)
	}
	gotCodes := map[string]int{}
	for _, c := range codes {
		gotCodes[strings.Join([]string{c.Coalitie, c.Kwartaal.String(), c.Doelgroep, c.Persona, c.Thema, c.Code}, "|")] += c.Fragmenten
	}
	vergelijk(t, "codes", gotCodes, wantCodes)
	themas, err := v.ThemaFrequenties()
	if err != nil {
		t.Fatal(err)
	}
	gotThemas := map[string]int{}
	for _, c := range themas {
		gotThemas[strings.Join([]string{c.Coalitie, c.Kwartaal.String(), c.Doelgroep, c.Persona, c.Thema}, "|")] += c.Fragmenten
	}
	vergelijk(t, "themas", gotThemas, wantThemas)
	if len(v.Fragmenten) != len(h.geteld()) {
		t.Errorf("%d fragments counted, want %d", len(v.Fragmenten), len(h.geteld()))
	}

	// Tone and pairs, summed, agree with the same fragments.
	tonen, _ := v.Tonen()
	nToon := 0
	for _, x := range tonen {
		nToon += x.Fragmenten()
	}
	paren, _ := v.SamenVoorkomen()
	nPaar := 0
	for _, p := range paren {
		nPaar += p.Fragmenten
	}
	wantToon, wantPaar := 0, 0
	for _, n := range wantThemas {
		wantToon += n
	}
	for _, f := range h.geteld() {
		wantPaar += len(f.codes) * (len(f.codes) - 1) / 2
	}
	if nToon != wantToon || nPaar != wantPaar {
		t.Errorf("tone counts %d fragments, pairs %d; want %d and %d", nToon, nPaar, wantToon, wantPaar)
	}
}

func vergelijk(t *testing.T, wat string, got, want map[string]int) {
	t.Helper()
	if len(want) == 0 {
		t.Fatalf("%s: nothing counted by hand", wat)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s %s = %d, want %d", wat, k, got[k], n)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s %s = %d, want none", wat, k, n)
		}
	}
}

// Unknown codes are listed with file, row and cell, and the codebook check
// waits for a codebook.
func TestOnbekendeCodes(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	h := leesHand(t)
	var want []string
	for _, f := range h.geteld() {
		for _, c := range f.onbekend {
			want = append(want, fmt.Sprintf("%s|%d|%s", f.bestand, f.rij, c))
		}
	}
	if len(want) == 0 {
		t.Fatal("the samples have no unknown codes; the test proves nothing")
	}

	db := importeer(t, cfg, "Ouderverhalen_*.xlsx")
	if _, err := stories.OnbekendeCodes(context.Background(), db); err != stories.ErrGeenCodeboek {
		t.Errorf("without codebook: err = %v, want ErrGeenCodeboek", err)
	}
	if _, err := lees(t, db).CodeFrequenties(); err != stories.ErrGeenCodeboek {
		t.Errorf("frequencies without codebook: err = %v", err)
	}
	db = importeer(t, cfg, "Ouderverhalen_*.xlsx", "Codeboek.xlsx") // the log first
	oc, err := stories.OnbekendeCodes(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range oc {
		got = append(got, fmt.Sprintf("%s|%d|%s", o.Bestand, o.Rij, stories.Sleutel(strings.ReplaceAll(o.Code, " > ", ">"))))
		m := o.Melding()
		// At the cell of the Codes column in the fragment's row, under its
		// header, with the Verhaal-ID.
		if m.File != o.Bestand || m.Sheet == "" || m.Row != o.Rij || m.Col == 0 || m.Cell() != o.Cel ||
			!strings.Contains(strings.ToLower(m.Header), "code") || m.Record.Key != o.VerhaalID || !strings.Contains(m.Tekst, o.Code) {
			t.Errorf("melding %+v", m)
		}
	}
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("unknown codes\n got %v\nwant %v", got, want)
	}
}

// The sample project is cross-checked against the Lindehoven log: every
// source is reported, and those whose Verhaal-ID the log has match,
// whichever file came in first.
func TestKruiscontroleSample(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	qde := projectHand(t, filepath.Join(samples, "Ouderverhalen_Lindehoven.qdpx"))
	h := leesHand(t)
	logIDs := map[string]handFragment{}
	for _, f := range h.fragmenten {
		if f.bestand == "Ouderverhalen_Lindehoven.xlsx" {
			logIDs[strings.ToLower(f.id)] = f
		}
	}
	wantMatch := 0
	wantVerschil := map[string]bool{}
	for _, b := range qde {
		f, ok := logIDs[strings.ToLower(strings.Fields(b.naam)[0])]
		if !ok {
			continue
		}
		wantMatch++
		if f.ingetrokken {
			continue
		}
		log, qd := map[string]bool{}, map[string]bool{}
		for _, c := range f.codes {
			log[fold(c.thema)+">"+fold(c.code)] = true
		}
		for _, k := range f.onbekend {
			log[k] = true
		}
		for _, c := range b.codes {
			qd[c] = true
		}
		if !reflect.DeepEqual(log, qd) {
			wantVerschil[b.naam] = true
		}
	}
	for _, volgorde := range [][]string{
		{"Codeboek.xlsx", "Ouderverhalen_Lindehoven.xlsx", "Ouderverhalen_Lindehoven.qdpx"},
		{"Ouderverhalen_Lindehoven.qdpx", "Codeboek.xlsx", "Ouderverhalen_Lindehoven.xlsx"},
	} {
		db := importeer(t, cfg, volgorde...)
		cs, err := stories.Kruiscontrole(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 1 {
			t.Fatalf("%d projects", len(cs))
		}
		c := cs[0]
		if len(c.Bronnen) != len(qde) || c.Gekoppeld() != wantMatch {
			t.Errorf("%v: %d sources, %d matched; want %d and %d", volgorde, len(c.Bronnen), c.Gekoppeld(), len(qde), wantMatch)
		}
		gotVerschil := map[string]bool{}
		for _, b := range c.Bronnen {
			if len(b.AlleenQDA)+len(b.AlleenLog) > 0 {
				gotVerschil[b.Bron] = true
			}
		}
		if !reflect.DeepEqual(gotVerschil, wantVerschil) {
			t.Errorf("sources with other codes: got %v, want %v", gotVerschil, wantVerschil)
		}
		for _, m := range c.Meldingen {
			if m.File != "Ouderverhalen_Lindehoven.qdpx" || !strings.Contains(m.Tekst, m.Sheet) || m.Ernst != store.Waarschuwing {
				t.Errorf("melding %+v does not name the source", m)
			}
		}
		t.Log(c.Samenvatting())
	}
}

type handBron struct {
	naam  string
	codes []string // folded "thema>code" of every CodeRef
}

// projectHand reads project.qde with a plain token walk: code names by
// nesting, and the codes each TextSource refers to.
func projectHand(t *testing.T, pad string) []handBron {
	t.Helper()
	zr, err := zip.OpenReader(pad)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var r io.ReadCloser
	for _, f := range zr.File {
		if f.Name == "project.qde" {
			r, _ = f.Open()
		}
	}
	defer r.Close()
	d := xml.NewDecoder(r)
	paths := map[string]string{}
	var stack []string
	var bronnen []handBron
	var refs [][]string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		attr := func(e xml.StartElement, n string) string {
			for _, a := range e.Attr {
				if a.Name.Local == n {
					return a.Value
				}
			}
			return ""
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "Code":
				stack = append(stack, fold(attr(e, "name")))
				paths[attr(e, "guid")] = strings.Join(stack, ">")
			case "TextSource":
				bronnen = append(bronnen, handBron{naam: attr(e, "name")})
				refs = append(refs, nil)
			case "CodeRef":
				if len(bronnen) > 0 {
					refs[len(refs)-1] = append(refs[len(refs)-1], attr(e, "targetGUID"))
				}
			}
		case xml.EndElement:
			if e.Name.Local == "Code" {
				stack = stack[:len(stack)-1]
			}
		}
	}
	for i := range bronnen {
		for _, g := range refs[i] {
			bronnen[i].codes = append(bronnen[i].codes, paths[g])
		}
	}
	return bronnen
}

// A source whose Verhaal-ID no log has, and one whose codes differ,
// each get a Dutch message naming the source.
func TestKruiscontroleMeldingen(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	dir := t.TempDir()
	qde := `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="T">
  <CodeBook><Codes><Code guid="t" name="Bestaanszekerheid"><Code guid="c" name="Geldzorgen"/></Code></Codes></CodeBook>
  <Sources>
    <TextSource guid="s1" name="lh-2025-002 spiegelbijeenkomst"><PlainTextContent>Rookt binnen.</PlainTextContent>
      <PlainTextSelection guid="x1" startPosition="0" endPosition="6"><Coding guid="k1"><CodeRef targetGUID="c"/></Coding></PlainTextSelection>
    </TextSource>
    <TextSource guid="s2" name="LH-2099-001 interview"><PlainTextContent>Iets.</PlainTextContent></TextSource>
    <TextSource guid="s3" name="Gesprek met buurvrouw"><PlainTextContent>Iets.</PlainTextContent></TextSource>
  </Sources>
</Project>`
	zf, err := os.Create(filepath.Join(dir, "Controle.qdpx"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	w, _ := zw.Create("project.qde")
	io.WriteString(w, qde)
	zw.Close()
	zf.Close()
	db := importeer(t, cfg, "Codeboek.xlsx", "Ouderverhalen_Lindehoven.xlsx")
	im := &ingest.Importer{DB: db, Config: cfg, Now: time.Now}
	if res := im.Bestand(context.Background(), zf.Name()); res.Status != ingest.Ingelezen {
		t.Fatal(res.Fout)
	}
	cs, err := stories.Kruiscontrole(context.Background(), db)
	if err != nil || len(cs) != 1 {
		t.Fatalf("%d projects, %v", len(cs), err)
	}
	c := cs[0]
	if c.Gekoppeld() != 1 || len(c.Meldingen) != 3 {
		t.Fatalf("matched %d, meldingen %+v", c.Gekoppeld(), c.Meldingen)
	}
	for i, want := range []string{"lh-2025-002 spiegelbijeenkomst': de codes verschillen", "LH-2099-001 staat in geen enkel logboek", "'Gesprek met buurvrouw' heeft geen Verhaal-ID"} {
		if !strings.Contains(c.Meldingen[i].Tekst, want) {
			t.Errorf("melding %d = %q, want %q", i, c.Meldingen[i].Tekst, want)
		}
	}
	if b := c.Bronnen[0]; b.VerhaalID != "LH-2025-002" || len(b.AlleenQDA) != 1 || len(b.AlleenLog) != 1 {
		t.Errorf("bron = %+v", b)
	}
}

// A withdrawn story's text is in no table, quote or export, whichever
// file came in first: only sentences that no other fragment also has
// are looked for, since logs repeat stories.
func TestIngetrokkenNergens(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	h := leesHand(t)
	var andere strings.Builder
	for _, f := range h.geteld() {
		andere.WriteString(f.tekst + "\n")
	}
	reZin := regexp.MustCompile(`[^.!?]+[.!?]`)
	var zinnen []string
	ids := map[string]bool{}
	for _, f := range h.fragmenten {
		if !f.ingetrokken {
			continue
		}
		ids[f.id] = true
		eigen := 0
		for _, z := range reZin.FindAllString(f.tekst, -1) {
			if z = strings.TrimSpace(z); len(z) > 15 && !strings.Contains(andere.String(), z) {
				zinnen = append(zinnen, z)
				eigen++
			}
		}
		if eigen == 0 {
			t.Logf("%s: every sentence also occurs in another fragment", f.id)
		}
	}
	if len(zinnen) < 10 {
		t.Fatalf("only %d withdrawn sentences to look for", len(zinnen))
	}
	for _, volgorde := range [][]string{
		{"Ouderverhalen_*.qdpx", "Codeboek.xlsx", "Personas.xlsx", "Ouderverhalen_*.xlsx"},
		{"Codeboek.xlsx", "Personas.xlsx", "Ouderverhalen_*.xlsx", "Ouderverhalen_*.qdpx"},
	} {
		db := importeer(t, cfg, volgorde...)
		uit := alleUitvoer(t, db, cfg)
		for _, z := range zinnen {
			if strings.Contains(uit, z) {
				t.Errorf("%v: withdrawn sentence %q is in the output", volgorde, z)
			}
		}
		v := lees(t, db)
		for _, f := range v.Fragmenten {
			if ids[f.VerhaalID] {
				t.Errorf("withdrawn %s is counted", f.VerhaalID)
			}
		}
	}
}

// alleUitvoer is every output the stories package makes, and every
// value in every table of the store, as one text.
func alleUitvoer(t *testing.T, db *store.DB, cfg *kansrijk.Config) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	dir := t.TempDir()
	paden, err := stories.Exporteer(ctx, db, cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paden {
		x, _ := os.ReadFile(p)
		b.Write(x)
	}
	v := lees(t, db)
	for _, openbaar := range []bool{false, true} {
		ks, err := v.Kies(cfg, stories.ThemaSelectie{Openbaar: openbaar, PerThema: 100})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%+v\n", ks)
	}
	for _, co := range cfg.Coalities {
		for _, q := range kansrijk.Between(kansrijk.Kwartaal{Jaar: 2025, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 3}) {
			cs, err := stories.Citaten(ctx, db, cfg, stories.Selectie{Coalitie: co.Naam, Kwartaal: q, Terug: 3})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%+v\n", cs)
		}
	}
	fmt.Fprintf(&b, "%+v\n", v.PersonaPaginas())
	for _, intern := range []bool{false, true} {
		// An exported REFI-QDA project, unpacked.
		uit := filepath.Join(dir, fmt.Sprintf("export_%v.qdpx", intern))
		if _, err := stories.ExporteerQDPX(ctx, db, cfg, uit, stories.QDPXKeuze{Intern: intern}); err != nil {
			if errors.Is(err, stories.ErrGeenCodeboek) {
				continue
			}
			t.Fatal(err)
		}
		zr, err := zip.OpenReader(uit)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			r, _ := f.Open()
			io.Copy(&b, r)
			r.Close()
		}
		zr.Close()
	}
	cs, _ := stories.Kruiscontrole(ctx, db)
	fmt.Fprintf(&b, "%+v\n", cs)

	tabellen, err := db.QueryContext(ctx, `SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'`)
	if err != nil {
		t.Fatal(err)
	}
	var namen []string
	for tabellen.Next() {
		var n string
		tabellen.Scan(&n)
		namen = append(namen, n)
	}
	tabellen.Close()
	if len(namen) < 10 {
		t.Fatalf("tables: %v", namen)
	}
	for _, n := range namen {
		rs, err := db.QueryContext(ctx, `SELECT * FROM "`+n+`"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%v\n", vals)
		}
		rs.Close()
	}
	return b.String()
}

// Quote selection is the same on every run and keeps its promises:
// consent, no quote twice, highlighted first, a reason for each.
func TestKiesStabiel(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	db := importeer(t, cfg, alles...)
	for _, s := range []stories.ThemaSelectie{
		{},
		{Coalitie: "Lindehoven", Van: kansrijk.Kwartaal{Jaar: 2026, K: 1}, Tot: kansrijk.Kwartaal{Jaar: 2026, K: 3}, PerThema: 2},
		{Openbaar: true, PerThema: 4},
	} {
		a, err := lees(t, db).Kies(cfg, s)
		if err != nil {
			t.Fatal(err)
		}
		b, err := stories.CitatenPerThema(context.Background(), importeer(t, cfg, alles...), cfg, s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%+v: two runs differ", s)
		}
		if len(a) == 0 {
			t.Fatalf("%+v: no quotes", s)
		}
		v := lees(t, db)
		frag := map[string]stories.Fragment{}
		for _, f := range v.Fragmenten {
			frag[f.VerhaalID] = f
		}
		seen := map[string]bool{}
		perThema := map[string]int{}
		for _, k := range a {
			f := frag[k.VerhaalID]
			switch {
			case seen[k.VerhaalID]:
				t.Errorf("%s quoted twice", k.VerhaalID)
			case k.Toestemming != stories.Openbaar && (s.Openbaar || k.Toestemming != stories.Rapport):
				t.Errorf("%s has consent %s", k.VerhaalID, k.Toestemming)
			case k.Reden == "":
				t.Errorf("%s: no reason", k.VerhaalID)
			case s.Coalitie != "" && k.Coalitie != s.Coalitie:
				t.Errorf("%s from %s", k.VerhaalID, k.Coalitie)
			}
			seen[k.VerhaalID] = true
			thema := false
			for _, c := range f.Codes {
				thema = thema || c.Thema == k.Thema
			}
			if !thema {
				t.Errorf("%s is not about %s", k.VerhaalID, k.Thema)
			}
			perThema[k.Thema]++
		}
		for th, n := range perThema {
			if max := s.PerThema; max > 0 && n > max || max == 0 && n > 3 {
				t.Errorf("%s: %d quotes", th, n)
			}
		}
	}
}

// Persona first names and whoever entered a story are redacted from
// quotes, also a name with a letter outside ASCII at its edge.
func TestRedactiePersonas(t *testing.T) {
	cfg := &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}}}}
	cb := stories.NieuwCodeboek([]stories.Code{{Thema: "Netwerk en steun", Code: "Lotgenoten"}})
	code := cb.Codes[0]
	v := &stories.Verhalen{
		Codeboek: cb,
		Personas: []store.Persona{{Naam: "Fenna, 27", Voornaam: "Fenna", Coalitie: "Lindehoven"}, {Naam: "Dewi, 34", Voornaam: "Dewi", Coalitie: "Lindehoven"}},
		Fragmenten: []stories.Fragment{{
			VerhaalID: "LH-1", Coalitie: "Lindehoven", Datum: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 1},
			Toestemming: stories.Rapport, Codes: []stories.Code{code}, IngevoerdDoor: "S. Öztürk", Persona: "Fenna",
			Tekst: "Dewi kwam elke week. Öztürk schreef alles op, en Fenna ook.",
		}},
	}
	got := v.Citaten(cfg, stories.Selectie{Coalitie: "Lindehoven", Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 1}})
	if len(got) != 1 {
		t.Fatalf("quotes = %+v", got)
	}
	for _, n := range []string{"Dewi", "Öztürk", "Fenna"} {
		if strings.Contains(got[0].Tekst, n) {
			t.Errorf("%q survived in %q", n, got[0].Tekst)
		}
	}
	if !strings.Contains(got[0].Tekst, "[naam]") || !strings.Contains(got[0].Tekst, "kwam elke week") {
		t.Errorf("redacted = %q", got[0].Tekst)
	}
}

// On the samples, no quote keeps a persona's first name or a surname of
// whoever entered a story.
func TestRedactieSamples(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	h := leesHand(t)
	db := importeer(t, cfg, alles...)
	ks, err := lees(t, db).Kies(cfg, stories.ThemaSelectie{PerThema: 100})
	if err != nil {
		t.Fatal(err)
	}
	namen := append([]string{}, h.voornamen...)
	for _, f := range h.fragmenten {
		parts := strings.Fields(f.door)
		if len(parts) > 0 {
			namen = append(namen, parts[len(parts)-1])
		}
	}
	gevonden := 0
	for _, f := range h.geteld() {
		for _, n := range namen {
			if strings.Contains(f.tekst, n) {
				gevonden++
			}
		}
	}
	t.Logf("%d quotes; %d names in the logs' texts", len(ks), gevonden)
	var res []*regexp.Regexp
	for _, n := range namen {
		res = append(res, regexp.MustCompile(`(^|[^\pL])`+regexp.QuoteMeta(n)+`($|[^\pL])`))
	}
	for _, k := range ks {
		for _, re := range res {
			if re.MatchString(k.Tekst) {
				t.Errorf("%s: %s in %q", k.VerhaalID, re, k.Tekst)
			}
		}
	}
}

// Persona pages: stories counted by hand, themes and indicators from
// the codebook by hand.
func TestPersonas(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	h := leesHand(t)
	ps, err := stories.Personas(context.Background(), importeer(t, cfg, alles...))
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(h.voornamen) {
		t.Fatalf("%d persona's, want %d", len(ps), len(h.voornamen))
	}
	for _, p := range ps {
		var ids []string
		themas := map[string]int{}
		inds := map[string]bool{}
		for _, f := range h.geteld() {
			// Persona first names are unique in the samples: a story
			// names its persona whatever its coalitie.
			if !strings.EqualFold(f.persona, p.Voornaam) {
				continue
			}
			ids = append(ids, f.id)
			seen := map[string]bool{}
			for _, c := range f.codes {
				if !seen[c.thema] {
					seen[c.thema] = true
					themas[c.thema]++
				}
				for _, k := range h.indicators[c] {
					inds[k] = true
				}
			}
		}
		got := append([]string{}, p.VerhaalIDs...)
		sort.Strings(got)
		sort.Strings(ids)
		if !reflect.DeepEqual(got, ids) {
			t.Errorf("%s: stories %v, want %v", p.Voornaam, got, ids)
		}
		gotThemas := map[string]int{}
		for _, th := range p.Themas {
			gotThemas[th.Thema] = th.Fragmenten
		}
		if len(themas) > 0 && !reflect.DeepEqual(gotThemas, themas) {
			t.Errorf("%s: themes %v, want %v", p.Voornaam, gotThemas, themas)
		}
		var wantInds []string
		for k := range inds {
			wantInds = append(wantInds, k)
		}
		sort.Strings(wantInds)
		if len(wantInds) > 0 && !reflect.DeepEqual(p.Indicatoren, wantInds) {
			t.Errorf("%s: indicators %v, want %v", p.Voornaam, p.Indicatoren, wantInds)
		}
		if p.Verhalen() == 0 {
			t.Errorf("%s: no stories", p.Voornaam)
		}
	}
}

// The export has Dutch column names and a file per table.
func TestExporteer(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	dir := t.TempDir()
	paden, err := stories.Exporteer(context.Background(), importeer(t, cfg, alles...), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paden) != 9 {
		t.Fatalf("files: %v", paden)
	}
	kop, _ := os.ReadFile(filepath.Join(dir, "verhalen_codes.csv"))
	if !strings.HasPrefix(string(kop), "coalitie,kwartaal,doelgroep,persona,thema,code,fragmenten,status\n") {
		t.Errorf("codes header: %.80s", kop)
	}
}

// The order of choice on a small made-up log: highlighted first, then
// what adds most among persona, werkvorm and tone, newest on a tie; a
// near copy of a chosen quote and a fragment chosen for an earlier
// theme are skipped; intern is never quoted.
func TestKiesVolgorde(t *testing.T) {
	cfg := &kansrijk.Config{Coalities: []kansrijk.Coalitie{{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}}}}
	cb := stories.NieuwCodeboek([]stories.Code{{Thema: "Kraamzorg", Code: "Uren tekort"}, {Thema: "Bestaanszekerheid", Code: "Geldzorgen"}})
	kraam, geld := cb.Codes[0], cb.Codes[1]
	f := func(id string, dag int, persona, werkvorm, toon string, t stories.Toestemming, uit bool, tekst string, codes ...stories.Code) stories.Fragment {
		d := time.Date(2026, 1, dag, 0, 0, 0, 0, time.UTC)
		return stories.Fragment{VerhaalID: id, Coalitie: "Lindehoven", Datum: d, Kwartaal: kansrijk.KwartaalVan(d), Persona: persona,
			Werkvorm: werkvorm, Toon: toon, Toestemming: t, Uitgelicht: uit, Tekst: tekst, Codes: codes}
	}
	v := &stories.Verhalen{Codeboek: cb, Fragmenten: []stories.Fragment{
		f("F1", 1, "", "interview", "negatief", stories.Rapport, true, "Er was bijna geen kraamzorg door het tekort.", kraam),
		f("F2", 20, "Dewi", "interview", "negatief", stories.Openbaar, false, "Elke dag kwam een andere kraamverzorgster langs bij ons.", kraam),
		f("F3", 10, "Fenna", "focusgroep", "positief", stories.Rapport, false, "De kraamverzorgster leerde mij rustig voeden, heel fijn.", kraam, geld),
		f("F4", 25, "Dewi", "interview", "negatief", stories.Rapport, false, "Drie dagen hulp, terwijl er acht waren beloofd.", kraam),
		f("F5", 28, "Nadia", "spiegelbijeenkomst", "gemengd", stories.Intern, true, "Intern verhaal over de kraamweek.", kraam),
		f("F6", 30, "Kim", "spiegelbijeenkomst", "gemengd", stories.Rapport, false, "Er was bijna geen kraamzorg door het tekort. Zo ging het.", kraam),
		f("F7", 5, "", "interview", "negatief", stories.Rapport, false, "Het geld was op voor de maand om was.", geld),
	}}
	ks, err := v.Kies(cfg, stories.ThemaSelectie{PerThema: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, k := range ks {
		got = append(got, k.String())
	}
	want := []string{
		"Kraamzorg | F1 | uitgelicht door de coalitie",
		"Kraamzorg | F3 | voegt toe: persona Fenna, werkvorm focusgroep, toon positief",
		"Kraamzorg | F4 | voegt toe: persona Dewi",
		"Bestaanszekerheid | F7 | nieuwste citaat bij dit thema",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Kies\n got %q\nwant %q", got, want)
	}
	ks, _ = v.Kies(cfg, stories.ThemaSelectie{Openbaar: true})
	if len(ks) != 1 || ks[0].VerhaalID != "F2" {
		t.Errorf("openbaar: %v", ks)
	}
}

// A story withdrawn in a newer version of a log loses its text in the
// older version too, and in a project imported before.
func TestIngetrokkenInNieuweVersie(t *testing.T) {
	cfg := config(t)
	dir := t.TempDir()
	geheim := "Mijn buurman weet van de schulden bij de woningcorporatie."
	maak := func(naam, toestemming string) string {
		return logboek(t, filepath.Join(dir, naam), []string{"DW-2026-900", "Dijkwaard", "05-01-2026", "interview", "", "eenoudergezin", toestemming, geheim, "Bestaanszekerheid > Geldzorgen", "negatief", "nee", "K. Smit"})
	}
	qde := `<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes><Code guid="t" name="Bestaanszekerheid"><Code guid="c" name="Geldzorgen"/></Code></Codes></CodeBook>
<Sources><TextSource guid="s" name="DW-2026-900"><PlainTextContent>` + geheim + `</PlainTextContent>
<PlainTextSelection guid="x" startPosition="0" endPosition="10"><Coding guid="k"><CodeRef targetGUID="c"/></Coding></PlainTextSelection></TextSource></Sources></Project>`
	qdpx := filepath.Join(dir, "Dijkwaard.qdpx")
	zf, _ := os.Create(qdpx)
	zw := zip.NewWriter(zf)
	w, _ := zw.Create("project.qde")
	io.WriteString(w, qde)
	zw.Close()
	zf.Close()

	db, err := store.Open(filepath.Join(dir, "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := &ingest.Importer{DB: db, Config: cfg, Now: time.Now}
	for _, p := range []string{maak("Ouderverhalen_Test.xlsx", "rapport"), qdpx, maak("Ouderverhalen_Test_v2.xlsx", "ingetrokken")} {
		if res := im.Bestand(context.Background(), p); res.Status != ingest.Ingelezen {
			t.Fatalf("%s: %s", p, res.Fout)
		}
	}
	rs, err := db.QueryContext(context.Background(), `SELECT fragment FROM verhaal UNION ALL SELECT tekst FROM qda_codering`)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	n := 0
	for rs.Next() {
		var s string
		rs.Scan(&s)
		if s != "" {
			t.Errorf("text kept: %q", s)
		}
		n++
	}
	// The two versions of the log, and the project's source as a story
	// fragment of Dijkwaard (the coalitie in its file name).
	if n != 4 {
		t.Errorf("%d rows, want 4", n)
	}
	if problems, err := db.Controleer(context.Background()); err != nil || len(problems) > 0 {
		t.Errorf("Controleer: %v %v", problems, err)
	}
}

// logboek writes a story log with these rows under the standard header,
// and returns its path.
func logboek(t *testing.T, pad string, rijen ...[]string) string {
	t.Helper()
	kop := []string{"Verhaal-ID", "Coalitie", "Datum", "Werkvorm", "Persona", "Doelgroep", "Toestemming", "Fragment", "Codes", "Toon", "Uitgelicht", "Ingevoerd door"}
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &kop)
	for i, r := range rijen {
		f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", i+2), &r)
	}
	if err := f.SaveAs(pad); err != nil {
		t.Fatal(err)
	}
	return pad
}
