package voorbeeld

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/xuri/excelize/v2"

	"kansrijk"
)

func TestConfigEqualsExampleToml(t *testing.T) {
	var want kansrijk.Config
	if _, err := toml.DecodeFile(filepath.Join("..", "testdata", "voorbeeld", "kansrijk.toml"), &want); err != nil {
		t.Fatal(err)
	}
	if got := Config(1); !reflect.DeepEqual(got, want) {
		t.Errorf("Config(1) differs from kansrijk.toml\n got: %+v\nwant: %+v", got, want)
	}
}

func TestConfigSchaal(t *testing.T) {
	een, twee := Config(1), Config(2)
	if len(twee.Coalities) != 8 {
		t.Fatalf("Config(2) has %d coalities, want 8", len(twee.Coalities))
	}
	if !reflect.DeepEqual(twee.Coalities[:4], een.Coalities) {
		t.Errorf("Config(2) changes the first four coalities: %v", twee.Coalities[:4])
	}
	for _, schaal := range []int{2, 69} {
		cfg := Config(schaal)
		if got := len(cfg.Coalities); got != 4*schaal {
			t.Errorf("Config(%d) has %d coalities, want %d", schaal, got, 4*schaal)
		}
		coalities, gemeenten := map[string]bool{}, map[string]bool{}
		for _, c := range cfg.Coalities {
			if k := kansrijk.NormGemeente(c.Naam); coalities[k] {
				t.Errorf("Config(%d): coalitie %q twice", schaal, c.Naam)
			} else {
				coalities[k] = true
			}
			for _, g := range c.Gemeenten {
				if k := kansrijk.NormGemeente(g); gemeenten[k] {
					t.Errorf("Config(%d): gemeente %q twice", schaal, g)
				} else {
					gemeenten[k] = true
				}
			}
		}
		// A file named after any partner's pattern belongs to that partner only.
		for _, p := range cfg.Partners {
			for _, pat := range p.Bestanden {
				naam := strings.Replace(pat, "*", "2025-K1", 1)
				if got := partnersVoor(cfg, naam); len(got) != 1 || got[0] != p.Naam {
					t.Errorf("Config(%d): %s matches %v, want only %q", schaal, naam, got, p.Naam)
				}
			}
		}
	}
}

// partnersVoor returns the partners whose patterns match a file name,
// case-insensitively as the importer matches them.
func partnersVoor(cfg kansrijk.Config, naam string) []string {
	var ps []string
	for _, p := range cfg.Partners {
		for _, pat := range p.Bestanden {
			if ok, _ := path.Match(strings.ToLower(pat), strings.ToLower(naam)); ok {
				ps = append(ps, p.Naam)
				break
			}
		}
	}
	return ps
}

var (
	gedeeldOnce sync.Once
	gedeeldDir  string
	gedeeldO    Overzicht
	gedeeldErr  error
)

// voorbeeld1 returns a schaal-1 workspace shared by the tests that only
// read it.
func voorbeeld1(t *testing.T) (string, Overzicht) {
	t.Helper()
	gedeeldOnce.Do(func() {
		gedeeldDir, gedeeldErr = os.MkdirTemp("", "voorbeeld-")
		if gedeeldErr == nil {
			gedeeldO, gedeeldErr = Schrijf(gedeeldDir, 1)
		}
	})
	if gedeeldErr != nil {
		t.Fatal(gedeeldErr)
	}
	return gedeeldDir, gedeeldO
}

func TestMain(m *testing.M) {
	code := m.Run()
	if gedeeldDir != "" {
		os.RemoveAll(gedeeldDir)
	}
	os.Exit(code)
}

func schrijf(t *testing.T, schaal int) (string, Overzicht) {
	t.Helper()
	dir := t.TempDir()
	o, err := Schrijf(dir, schaal)
	if err != nil {
		t.Fatal(err)
	}
	return dir, o
}

func bestanden(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range es {
		ns = append(ns, e.Name())
	}
	return ns
}

func TestSchrijf(t *testing.T) {
	dir, o := voorbeeld1(t)
	namen := bestanden(t, dir)
	// Per block, over the eight kwartalen 2024-K4..2026-K3: 3 practices × 8
	// + 1 correction, JGZ 2024, 2025 and 2026, kraamzorg 2024 and
	// 2025-2026, 5 wijkteams × 8 − 1 not delivered, 4 procesmonitors × 8
	// and 4 story logs: 25+3+2+39+32+4 = 105; with codebook and personas 107.
	if o.Bestanden != len(namen) || o.Bestanden != 107 {
		t.Errorf("Overzicht.Bestanden = %d, files in dir = %d, want 107", o.Bestanden, len(namen))
	}
	if o.Records < 10000 || o.Verhalen < 60 {
		t.Errorf("Overzicht = %+v, want at least 10000 records and 60 stories", o)
	}
	for _, n := range []string{
		"Verloskundigenpraktijk_DeWieg_2024-Q4.xlsx",
		"Verloskundigenpraktijk_DeWieg_2025-Q1.xlsx",
		"Verloskundigen_Lindehoven_2025-Q2.xlsx",
		"Verloskundigen_Lindehoven_2025-Q2_v2.xlsx",
		"Verloskundige_Praktijk_Rivierland_2026-Q3.xlsx",
		"JGZ_regio_kwartaalcijfers_2024.xlsx",
		"JGZ_regio_kwartaalcijfers_2025.xlsx",
		"JGZ_regio_kwartaalcijfers_2026.xlsx",
		"Kraamzorg_Noord_rapportage_2024.xlsx",
		"Kraamzorg_Noord_rapportage_2025-2026.xlsx",
		"wijkteam_dalwijk_2026-K3.csv",
		"wijkteam_havenstad_2024-K4.csv",
		"wijkteam_havenstad_2025-K1.csv",
		"Procesmonitor_Vechtmonde_2024-K4.xlsx",
		"Procesmonitor_Vechtmonde_2025-K1.xlsx",
		"Ouderverhalen_Havenstad.xlsx",
		"Codeboek.xlsx",
		"Personas.xlsx",
	} {
		if !slices.Contains(namen, n) {
			t.Errorf("%s not written", n)
		}
	}
	for _, n := range []string{"wijkteam_lindehoven_2026-K1.csv", "Verloskundigenpraktijk_DeWieg_2026-Q4.xlsx",
		"Verloskundigenpraktijk_DeWieg_2024-Q3.xlsx", "wijkteam_havenstad_2024-K3.csv"} {
		if slices.Contains(namen, n) {
			t.Errorf("%s written, want it missing", n)
		}
	}
	cfg := Config(1)
	for _, n := range namen {
		if ps := partnersVoor(cfg, n); len(ps) != 1 {
			t.Errorf("%s matches partners %v, want exactly one", n, ps)
		}
	}
}

// TestKwartaal2024K4 checks the quarter before the baseline: yearly files
// of 2024 hold K4 only, and 2025-K1 holds nothing of 2024.
func TestKwartaal2024K4(t *testing.T) {
	dir, _ := voorbeeld1(t)
	k4 := kansrijk.Kwartaal{Jaar: 2024, K: 4}

	// JGZ: K1–K3 empty and K4 filled, for each of the three measures.
	jgz := leesBlad(t, filepath.Join(dir, "JGZ_regio_kwartaalcijfers_2024.xlsx"), "Kwartaalcijfers")
	i := slices.IndexFunc(jgz, func(r []string) bool { return len(r) > 0 && r[0] == "Havenstad" })
	if i < 0 {
		t.Fatal("JGZ 2024: no Havenstad row")
	}
	rij := append(jgz[i], make([]string, 13)...)
	for m := range 3 {
		for k := range 4 {
			if v := rij[1+4*m+k]; (v != "") != (k == 3) {
				t.Errorf("JGZ 2024 Havenstad measure %d K%d = %q, want only K4 filled", m+1, k+1, v)
			}
		}
	}

	// Kraamzorg 2024: six gemeenten, all in 2024-K4.
	n := 0
	for _, r := range leesBlad(t, filepath.Join(dir, "Kraamzorg_Noord_rapportage_2024.xlsx"), "Rapportage")[4:] {
		if len(r) < 2 || r[1] == "" {
			continue
		}
		if q, err := kansrijk.ParseKwartaal(r[1]); err != nil || q != k4 {
			t.Errorf("kraamzorg 2024: periode %q, want 2024-K4", r[1])
		}
		n++
	}
	if n != 6 {
		t.Errorf("kraamzorg 2024: %d rows, want 6 (five gemeenten and Zuiderveen)", n)
	}

	pm := leesBlad(t, filepath.Join(dir, "Procesmonitor_Havenstad_2024-K4.xlsx"), "Procesmonitor")
	if q, err := kansrijk.ParseKwartaal(pm[3][1]); err != nil || q != k4 {
		t.Errorf("procesmonitor 2024-K4: Kwartaal %q", pm[3][1])
	}

	// The story log lists 2024-K4 first: three fragments for Havenstad.
	vs := maakBlok(0).coalities[rolGroot].verhalen()
	for j, v := range vs[:4] {
		if got, want := kansrijk.KwartaalVan(v.datum) == k4, j < 3; got != want || (want && !strings.HasPrefix(v.id, "HS-2024-")) {
			t.Errorf("Havenstad story %d: %s on %s", j+1, v.id, datumISO(v.datum))
		}
	}

	// 2024-K4's late wijkteam entries stay in its own export.
	data, err := os.ReadFile(filepath.Join(dir, "wijkteam_havenstad_2025-K1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range strings.Split(strings.TrimSpace(string(data)), "\r\n")[1:] {
		if velden := strings.Split(r, ";"); !strings.HasPrefix(velden[0], "HS-25-1") || !strings.HasSuffix(velden[1], "-2025") {
			t.Errorf("wijkteam 2025-K1 holds %q", r)
		}
	}
}

// Header rows of the sample deliveries, per practice.
var (
	kopDeWieg = []string{"Cliëntnummer", "Woonplaats", "Postcode", "Datum eerste controle",
		"Amenorroeduur eerste controle", "Bevallingsdatum", "Zwangerschapsduur bij geboorte",
		"Geboortegewicht", "Roken tijdens zwangerschap", "Kwetsbaarheid gesignaleerd", "Verwezen naar"}
	kopLindehoven = []string{"Cliëntnummer", "Gemeente", "Postcode", "Datum eerste controle",
		"Amenorroeduur eerste controle", "Roken tijdens zwangerschap", "Kwetsbaarheid gesignaleerd",
		"Verwezen naar", "Bevallingsdatum", "Zwangerschapsduur bij geboorte", "Geboortegewicht"}
	kopRivierland = []string{"Cliëntnummer", "Postcode", "Woonplaats", "Leeftijd", "Pariteit",
		"Datum eerste controle", "Amenorroeduur eerste controle", "Roken tijdens zwangerschap",
		"Kwetsbaarheid gesignaleerd", "Verwezen naar", "Bevallingsdatum",
		"Zwangerschapsduur bij geboorte", "Geboortegewicht (g)"}
)

func TestVerloskundeLikeSamples(t *testing.T) {
	dir, _ := voorbeeld1(t)
	tests := []struct {
		bestand string
		blad    string
		kopRij  int // 1-based
		kop     []string
	}{
		{"Verloskundigenpraktijk_DeWieg_2025-Q1.xlsx", "Export", 4, kopDeWieg},
		{"Verloskundigenpraktijk_DeWieg_2025-Q3.xlsx", "Export", 4, kopDeWieg},
		{"Verloskundigen_Lindehoven_2025-Q1.xlsx", "Cliënten", 1, kopLindehoven},
		{"Verloskundigen_Lindehoven_2025-Q2_v2.xlsx", "Cliënten", 1, kopLindehoven},
		{"Verloskundige_Praktijk_Rivierland_2025-Q1.xlsx", "Blad1", 3, kopRivierland},
		{"Verloskundige_Praktijk_Rivierland_2026-Q2.xlsx", "Blad1", 1, kopRivierland},
	}
	for _, tt := range tests {
		rijen := leesBlad(t, filepath.Join(dir, tt.bestand), tt.blad)
		if len(rijen) < tt.kopRij+50 {
			t.Errorf("%s: %d rows, want a header on row %d and at least 50 clients", tt.bestand, len(rijen), tt.kopRij)
			continue
		}
		if got := rijen[tt.kopRij-1]; !slices.Equal(got, tt.kop) {
			t.Errorf("%s: header row %d = %q\nwant %q", tt.bestand, tt.kopRij, got, tt.kop)
		}
	}

	// A client is in the file of her first visit and again, with the birth
	// filled in, in the file of the quarter she gives birth.
	q1 := clienten(leesBlad(t, filepath.Join(dir, "Verloskundigenpraktijk_DeWieg_2025-Q1.xlsx"), "Export")[4:], 5)
	terug := 0
	for _, f := range []string{"2025-Q2", "2025-Q3", "2025-Q4"} {
		for id, geboorte := range clienten(leesBlad(t, filepath.Join(dir, "Verloskundigenpraktijk_DeWieg_"+f+".xlsx"), "Export")[4:], 5) {
			if leeg, ok := q1[id]; ok && leeg == "" && geboorte != "" {
				terug++
			}
		}
	}
	if terug < 200 {
		t.Errorf("only %d 2025-Q1 first visits return with a birth later in 2025", terug)
	}
}

// clienten maps client number to the value in column kol (0-based).
func clienten(rijen [][]string, kol int) map[string]string {
	m := map[string]string{}
	for _, r := range rijen {
		if len(r) > kol {
			m[r[0]] = r[kol]
		} else if len(r) > 0 {
			m[r[0]] = ""
		}
	}
	return m
}

func leesBlad(t *testing.T, bestand, blad string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(bestand)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rijen, err := f.GetRows(blad, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s: %v", bestand, err)
	}
	return rijen
}

func TestWijkteamCSV(t *testing.T) {
	dir, _ := voorbeeld1(t)
	data, err := os.ReadFile(filepath.Join(dir, "wijkteam_havenstad_2025-K1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Windows-1252: € is 0x80 (header) and ë is 0xEB (Financiële zorgen).
	if !bytes.Contains(data, []byte{0x80}) || !bytes.Contains(data, []byte("Financi\xeble zorgen")) {
		t.Error("CSV is not Windows-1252: no 0x80 for € or 0xEB for ë")
	}
	regels := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	if len(regels) < 50 {
		t.Fatalf("%d lines, want a header and about 125 registrations", len(regels))
	}
	for i, r := range regels {
		if strings.Contains(r, "\n") || strings.Count(r, ";") != 7 {
			t.Fatalf("line %d = %q, want 8 fields separated by ; and CRLF line ends", i+1, r)
		}
	}
	if !strings.HasPrefix(regels[0], "Dossiernummer;Aanmelddatum;Datum start hulp;Hulpvraag;") {
		t.Errorf("header = %q", regels[0])
	}
}

func TestVerhalen(t *testing.T) {
	dir, _ := voorbeeld1(t)
	toestemming := map[string]int{}
	for _, c := range []struct{ naam, blad string }{
		{"Havenstad", "Verhalen"}, {"Lindehoven", "Verhalen"}, {"Dijkwaard", "Logboek"}, {"Vechtmonde", "Verhalen"},
	} {
		rijen := leesBlad(t, filepath.Join(dir, "Ouderverhalen_"+c.naam+".xlsx"), c.blad)
		kop := slices.IndexFunc(rijen, func(r []string) bool { return len(r) > 0 && r[0] == "Verhaal-ID" })
		if kop < 0 {
			t.Fatalf("%s: no header row", c.naam)
		}
		// The scripts hold 33, 26, 18 and 26 fragments.
		if n := len(rijen) - kop - 1; n < 15 || n > 35 {
			t.Errorf("%s: %d fragments, want 15–35", c.naam, n)
		}
		for _, r := range rijen[kop+1:] {
			toestemming[r[6]]++
		}
	}
	for _, want := range []string{"intern", "rapport", "openbaar", "ingetrokken"} {
		if toestemming[want] == 0 {
			t.Errorf("no fragment with consent %q: %v", want, toestemming)
		}
	}
	varianten := 0
	for k, n := range toestemming {
		if k != strings.ToLower(strings.TrimSpace(k)) {
			varianten += n
		}
	}
	if varianten == 0 {
		t.Errorf("no consent spelling variants: %v", toestemming)
	}
}

// inhoud reads the named files back: cell values per sheet, or a CSV's
// bytes.
func inhoud(t *testing.T, dir string, namen []string) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, n := range namen {
		p := filepath.Join(dir, n)
		if strings.HasSuffix(n, ".csv") {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			m[n] = string(data)
			continue
		}
		f, err := excelize.OpenFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		for _, blad := range f.GetSheetList() {
			rijen, err := f.GetRows(blad, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			b.WriteString("## " + blad + "\n")
			for _, r := range rijen {
				b.WriteString(strings.Join(r, "\t") + "\n")
			}
		}
		f.Close()
		m[n] = b.String()
	}
	return m
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	a, _ := voorbeeld1(t)
	b, _ := schrijf(t, 1)
	na, nb := bestanden(t, a), bestanden(t, b)
	if !slices.Equal(na, nb) {
		t.Fatalf("runs wrote different files: %d and %d", len(na), len(nb))
	}
	ia, ib := inhoud(t, a, na), inhoud(t, b, nb)
	for n, v := range ia {
		if ib[n] != v {
			t.Errorf("%s differs between two runs", n)
		}
	}
}

func TestSchaal2KeepsSchaal1(t *testing.T) {
	t.Parallel()
	een, _ := voorbeeld1(t)
	twee, o := schrijf(t, 2)
	namen := bestanden(t, twee)
	if o.Bestanden != len(namen) {
		t.Errorf("Overzicht.Bestanden = %d, files = %d", o.Bestanden, len(namen))
	}
	cfg := Config(2)
	verhalen := 0
	for _, n := range namen {
		if strings.HasPrefix(n, "Ouderverhalen_") {
			verhalen++
		}
		if ps := partnersVoor(cfg, n); len(ps) != 1 {
			t.Errorf("%s matches partners %v of Config(2), want exactly one", n, ps)
		}
	}
	if verhalen != 8 {
		t.Errorf("%d story logs, want 8", verhalen)
	}
	// Adding coalities must not change the first four.
	ne := bestanden(t, een)
	ie, it := inhoud(t, een, ne), inhoud(t, twee, ne)
	for n, v := range ie {
		if it[n] != v {
			t.Errorf("%s differs between schaal 1 and 2", n)
		}
	}
}

// weken reads the whole weeks of an amenorroeduur as written ("8+3",
// "10 + 5", 9); ok is false for n.b. and implausible values.
func weken(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case string:
		w, _, _ := strings.Cut(v, "+")
		n, err := strconv.Atoi(strings.TrimSpace(w))
		return n, err == nil && n >= 4 && n <= 42
	}
	return 0, false
}

// TestPlantedTrends checks the stories the example is meant to tell.
func TestPlantedTrends(t *testing.T) {
	b := maakBlok(0)
	begin, eind := eersteKwartaal, laatsteKwartaal

	// Havenstad KS01: share of first visits before 10+0 weeks.
	vroeg := func(q kansrijk.Kwartaal) float64 {
		n, v := 0, 0
		for m := q.Start(); m.Before(q.End()); m = m.AddDate(0, 1, 0) {
			for _, c := range b.praktijken[0].maand(m) {
				if strings.TrimSpace(c.woonplaats) == "Zuiderveen" {
					continue
				}
				if w, ok := weken(c.amen); ok {
					n++
					if w < 10 {
						v++
					}
				}
			}
		}
		return float64(v) / float64(n)
	}
	if a, z := vroeg(begin), vroeg(eind); a > 0.66 || z < 0.72 {
		t.Errorf("Havenstad early start %.2f → %.2f, want ~0.62 → ~0.76", a, z)
	}

	// Stories: Havenstad's "Te laat in zorg" turns positive in 2026;
	// Vechtmonde's "Doorverwijzing liep vast" stays negative every quarter.
	for _, v := range b.coalities[rolGroot].verhalen() {
		if !strings.Contains(strings.ToLower(v.codes), "te laat in zorg") {
			continue
		}
		if negatief := v.toon == "negatief"; negatief != (v.datum.Year() < 2026) {
			t.Errorf("Havenstad %s (%s) is %s", v.id, v.datum.Format("2006-01"), v.toon)
		}
	}
	kwartalenVast := map[kansrijk.Kwartaal]bool{}
	for _, v := range b.coalities[rolRegio].verhalen() {
		if strings.Contains(strings.ToLower(v.codes), "doorverwijzing liep vast") {
			kwartalenVast[kansrijk.KwartaalVan(v.datum)] = true
			if v.toon != "negatief" {
				t.Errorf("Vechtmonde %s is %s", v.id, v.toon)
			}
		}
	}
	if len(kwartalenVast) != aantalKwartalen {
		t.Errorf("Vechtmonde has stuck-referral stories in %d quarters, want all %d", len(kwartalenVast), aantalKwartalen)
	}
}

func BenchmarkSchrijf(b *testing.B) {
	for b.Loop() {
		if _, err := Schrijf(b.TempDir(), 1); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAanvulling checks the added fragments of a generated block: block 1
// of schaal 2 holds its script plus 30, 20, 10 and 20 fragments in every
// quarter, by role.
func TestAanvulling(t *testing.T) {
	t.Parallel()
	dir, o := schrijf(t, 2)
	// Block 0 holds its scripts, 33 + 26 + 18 + 26 = 103; block 1 those
	// and 8 × (30 + 20 + 10 + 20) = 640 more.
	if o.Verhalen != 103+743 {
		t.Errorf("Overzicht.Verhalen = %d, want 846", o.Verhalen)
	}
	b := maakBlok(1)
	for _, c := range []struct {
		rol         rol
		totaal, min int // fragments in the log; at least min in every quarter
	}{
		{rolGroot, 33 + 240, 30 + 3},
		{rolMiddel, 26 + 160, 20 + 2},
		{rolKlein, 18 + 80, 10 + 2},
		{rolRegio, 26 + 160, 20 + 2},
	} {
		co := b.coalities[c.rol]
		blad := "Verhalen"
		if c.rol == rolKlein {
			blad = "Logboek"
		}
		rijen := leesBlad(t, filepath.Join(dir, "Ouderverhalen_"+co.naam+".xlsx"), blad)
		kop := slices.IndexFunc(rijen, func(r []string) bool { return len(r) > 0 && r[0] == "Verhaal-ID" })
		if kop < 0 {
			t.Fatalf("%s: no header row", co.naam)
		}
		rijen = rijen[kop+1:]
		if len(rijen) != c.totaal {
			t.Errorf("%s: %d fragments, want %d", co.naam, len(rijen), c.totaal)
		}
		ids := map[string]bool{}
		perKwartaal := map[kansrijk.Kwartaal]int{}
		var toegestaan, weg []string
		for _, r := range rijen {
			if ids[r[0]] {
				t.Errorf("%s: Verhaal-ID %s twice", co.naam, r[0])
			}
			ids[r[0]] = true
			d, err := time.Parse("02-01-2006", r[2])
			if n, err2 := strconv.Atoi(r[2]); err2 == nil {
				d, err = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n), nil
			}
			if err != nil {
				t.Fatalf("%s %s: date %q", co.naam, r[0], r[2])
			}
			perKwartaal[kansrijk.KwartaalVan(d)]++
			if strings.EqualFold(strings.TrimSpace(r[6]), "ingetrokken") {
				weg = append(weg, r[7])
			} else {
				toegestaan = append(toegestaan, r[7])
			}
		}
		for _, q := range kansrijk.Between(kansrijk.Kwartaal{Jaar: 2024, K: 4}, kansrijk.Kwartaal{Jaar: 2026, K: 3}) {
			if perKwartaal[q] < c.min {
				t.Errorf("%s %s: %d fragments, want at least %d", co.naam, q, perKwartaal[q], c.min)
			}
			delete(perKwartaal, q)
		}
		if len(perKwartaal) > 0 {
			t.Errorf("%s: fragments outside the window: %v", co.naam, perKwartaal)
		}
		// About one in ten is withdrawn, and no withdrawn text stands in a
		// consented fragment.
		if n := len(weg); n < c.totaal/20 || n > c.totaal/6 {
			t.Errorf("%s: %d of %d withdrawn, want about 10%%", co.naam, n, c.totaal)
		}
		for _, w := range weg {
			for _, k := range toegestaan {
				if strings.Contains(k, w) {
					t.Errorf("%s: withdrawn %q stands in consented %q", co.naam, w, k)
				}
			}
		}
	}

	// The planted story trend holds in the larger log too.
	for _, v := range b.coalities[rolGroot].verhalen() {
		if strings.Contains(strings.ToLower(v.codes), "te laat in zorg") {
			if negatief := v.toon == "negatief"; negatief != (v.datum.Year() < 2026) {
				t.Errorf("%s %s (%s) is %s", b.coalities[rolGroot].naam, v.id, v.datum.Format("2006-01"), v.toon)
			}
		}
	}
}
