package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/store"
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

func config(t *testing.T) *kansrijk.Config {
	t.Helper()
	w, err := workspace.Open("../testdata/voorbeeld")
	if err != nil {
		t.Fatal(err)
	}
	return &w.Config
}

// importFiles imports the sample files matching pattern into a new store.
func importFiles(t *testing.T, cfg *kansrijk.Config, pattern string) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	files, err := filepath.Glob(filepath.Join(samples, pattern))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample files for %s", pattern)
	}
	im := &ingest.Importer{DB: db, Config: cfg, Now: func() time.Time { return time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC) }}
	for _, f := range files {
		if res := im.Bestand(context.Background(), f); res.Status != ingest.Ingelezen {
			t.Fatalf("%s: %s %s", f, res.Status, res.Fout)
		}
	}
	return db
}

// ks01ByHand counts KS01 for De Wieg's clients in Havenstad straight from
// the spreadsheets, following indicatoren.md and the samples' README
// rules, without any of the importer's code: teller = first check-up
// before 10+0 weeks, noemer = known (plausible) amenorroeduur, once per
// client and date of first check-up, period = date of first check-up.
// Quarters before vanaf, the first one the files deliver, have no figure.
func ks01ByHand(t *testing.T, files []string, vanaf kansrijk.Kwartaal) map[string][2]int {
	t.Helper()
	reDur := regexp.MustCompile(`^(\d+)\s*(?:\+\s*(\d+))?$`)
	seen := map[string]bool{}
	out := map[string][2]int{}
	for _, file := range files {
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(f.GetSheetList()[0], excelize.Options{RawCellValue: true})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		col := map[string]int{}
		start := 0
		for i, r := range rows {
			if len(r) > 0 && r[0] == "Cliëntnummer" {
				for j, h := range r {
					col[h] = j
				}
				start = i + 1
				break
			}
		}
		get := func(r []string, h string) string {
			if j, ok := col[h]; ok && j < len(r) {
				return strings.TrimSpace(strings.ReplaceAll(r[j], "\u00a0", " "))
			}
			return ""
		}
		for _, r := range rows[start:] {
			client := get(r, "Cliëntnummer")
			if client == "" || !strings.EqualFold(get(r, "Woonplaats"), "havenstad") {
				continue
			}
			raw := get(r, "Datum eerste controle")
			var d time.Time
			if n, err := strconv.Atoi(raw); err == nil {
				d = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
			} else if d, err = time.Parse("02-01-2006", raw); err != nil {
				continue
			}
			key := client + d.Format("2006-01-02")
			if seen[key] {
				continue
			}
			seen[key] = true
			q := kansrijk.KwartaalVan(d)
			if q.Index() < vanaf.Index() {
				continue // before the first delivered quarter: no figure
			}
			m := reDur.FindStringSubmatch(get(r, "Amenorroeduur eerste controle"))
			if m == nil {
				continue // n.b., empty: unknown
			}
			w, _ := strconv.Atoi(m[1])
			days := 0
			if m[2] != "" {
				days, _ = strconv.Atoi(m[2])
				if days > 6 {
					continue
				}
			}
			total := w*7 + days
			if total < 28 || total > 42*7+6 {
				continue // implausible: unknown
			}
			c := out[q.String()]
			c[1]++
			if total < 70 {
				c[0]++
			}
			out[q.String()] = c
		}
	}
	return out
}

func TestKS01HavenstadMatchesHandCount(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	db := importFiles(t, cfg, "Verloskundigenpraktijk_DeWieg_*.xlsx")
	files, _ := filepath.Glob(filepath.Join(samples, "Verloskundigenpraktijk_DeWieg_*.xlsx"))
	want := ks01ByHand(t, files, kansrijk.Kwartaal{Jaar: 2025, K: 1})
	if len(want) != 7 {
		t.Fatalf("hand count covers %d kwartalen, want 7 (2025-K1..2026-K3)", len(want))
	}
	got, err := eval.Cijfers(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range got {
		if c.Indicator != "KS01" || c.Coalitie != "Havenstad" {
			continue
		}
		w, ok := want[c.Kwartaal.String()]
		if !ok {
			t.Errorf("unexpected figure for %s %q", c.Kwartaal, c.Gemeente)
			continue
		}
		if c.Teller != float64(w[0]) || c.Noemer != float64(w[1]) {
			t.Errorf("KS01 Havenstad %s (gemeente %q) = %v/%v, want %d/%d", c.Kwartaal, c.Gemeente, c.Teller, c.Noemer, w[0], w[1])
		}
		if c.Status != eval.StatusOK {
			t.Errorf("KS01 Havenstad %s status %s, want ok", c.Kwartaal, c.Status)
		}
		n++
	}
	// One gemeente figure and one coalitie figure per kwartaal.
	if n != 14 {
		t.Errorf("got %d KS01 figures for Havenstad, want 14", n)
	}
}

// The samples' README says: Lindehoven's wijkteam did not deliver
// 2026-K1, and Lindehoven's verloskunde 2025-Q2 was corrected with a _v2.
// Everything else was delivered for 2025-K1..2026-K3.
func TestAanleveringenSamples(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	im := &ingest.Importer{DB: db, Config: cfg, Now: time.Now}
	for _, pat := range []string{"Verlosk*.xlsx", "JGZ_*.xlsx", "Kraamzorg_*.xlsx", "wijkteam_*.csv", "Procesmonitor_*.xlsx"} {
		files, _ := filepath.Glob(filepath.Join(samples, pat))
		for _, f := range files {
			if res := im.Bestand(context.Background(), f); res.Status != ingest.Ingelezen {
				t.Fatalf("%s: %s", f, res.Fout)
			}
		}
	}
	as, err := eval.Aanleveringen(context.Background(), db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	// 7 kwartalen × (5 partners for Havenstad, Lindehoven and Dijkwaard,
	// 6 for Vechtmonde: two wijkteams).
	if len(as) != 7*(5+5+5+6) {
		t.Errorf("got %d statuses, want %d", len(as), 7*(5+5+5+6))
	}
	for _, a := range as {
		want := eval.Geleverd
		switch {
		case a.Partner == "Sociaal wijkteam Lindehoven" && a.Kwartaal.String() == "2026-K1":
			want = eval.Ontbreekt
		case a.Partner == "Verloskundigen Lindehoven" && a.Kwartaal.String() == "2025-K2":
			want = eval.Gecorrigeerd
		}
		if a.Status != want {
			t.Errorf("%s / %s / %s: %s, want %s", a.Coalitie, a.Partner, a.Kwartaal, a.Status, want)
		}
	}
}

// A _v2 file replaces its v1 whole, in whichever order they arrive:
// importing v1 after v2 changes nothing, and nothing of v1 (such as its
// TEST rows) counts.
func TestCorrectionReplacesEarlierLevering(t *testing.T) {
	needSamples(t)
	cfg := config(t)
	figures := func(files ...string) map[string]eval.Cijfer {
		db, err := store.Open(filepath.Join(t.TempDir(), "k.duckdb"), store.Schrijven)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		im := &ingest.Importer{DB: db, Config: cfg, Now: time.Now}
		for _, f := range files {
			if res := im.Bestand(context.Background(), filepath.Join(samples, f)); res.Status != ingest.Ingelezen {
				t.Fatalf("%s: %s", f, res.Fout)
			}
		}
		cs, err := eval.Cijfers(context.Background(), db, cfg)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]eval.Cijfer{}
		for _, c := range cs {
			out[c.Gemeente+"|"+c.Indicator+"|"+c.Kwartaal.String()] = c
		}
		return out
	}
	v1, v2 := "Verloskundigen_Lindehoven_2025-Q2.xlsx", "Verloskundigen_Lindehoven_2025-Q2_v2.xlsx"
	onlyV1, onlyV2 := figures(v1), figures(v2)
	both, reversed := figures(v1, v2), figures(v2, v1)
	key := "Lindehoven|KS04|2025-K2"
	if onlyV1[key] == onlyV2[key] {
		t.Fatalf("v1 and v2 give the same %s (%v); the test cannot tell them apart", key, onlyV1[key])
	}
	for k, want := range onlyV2 {
		if both[k] != want || reversed[k] != want {
			t.Errorf("%s: v1+v2 = %v, v2+v1 = %v; want v2's %v", k, both[k], reversed[k], want)
		}
	}
	if len(both) != len(onlyV2) {
		t.Errorf("v1+v2 gives %d figures, v2 alone %d", len(both), len(onlyV2))
	}
}

// A coalitie of a gemeente with <5 at the source and one with n.b. is
// suppressed at the source, whatever the order of its gemeenten.
func TestCoalitieStatusDoesNotDependOnOrder(t *testing.T) {
	co := kansrijk.Coalitie{Naam: "V", Gemeenten: []string{"A", "B"}}
	a := eval.Cijfer{Gemeente: "A", Status: eval.StatusBronOnderdrukt}
	b := eval.Cijfer{Gemeente: "B", Status: eval.StatusNietBeschikbaar}
	for _, fs := range [][]eval.Cijfer{{a, b}, {b, a}} {
		if got := eval.CoalitieCijfer(co, "KS07", kansrijk.Kwartaal{Jaar: 2025, K: 1}, fs); got.Status != eval.StatusBronOnderdrukt {
			t.Errorf("coalitie of %v: %s, want %s", fs, got.Status, eval.StatusBronOnderdrukt)
		}
	}
}
