package eval_test

import (
	"math"
	"testing"

	"kansrijk"
	"kansrijk/eval"
)

// vierCoalities is the configuration of the domain reference, by hand.
func vierCoalities() *kansrijk.Config {
	return &kansrijk.Config{
		Coalities: []kansrijk.Coalitie{
			{Naam: "Havenstad", Gemeenten: []string{"Havenstad"}},
			{Naam: "Lindehoven", Gemeenten: []string{"Lindehoven"}},
			{Naam: "Dijkwaard", Gemeenten: []string{"Dijkwaard"}},
			{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk"}},
		},
		Indicatoren: kansrijk.DefaultIndicatoren(),
	}
}

func kw(t *testing.T, s string) kansrijk.Kwartaal {
	t.Helper()
	q, err := kansrijk.ParseKwartaal(s)
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// fig is a coalitie figure with status ok; use .klein() for a small one.
type fig eval.Cijfer

func ok(co, ind string, q kansrijk.Kwartaal, teller, noemer float64) fig {
	return fig{Coalitie: co, Indicator: ind, Kwartaal: q, Teller: teller, Noemer: noemer, Status: eval.StatusOK}
}

func (f fig) klein() fig { f.Status = eval.StatusKlein; return f }

func cijfers(fs ...fig) []eval.Cijfer {
	var out []eval.Cijfer
	for _, f := range fs {
		out = append(out, eval.Cijfer(f))
	}
	return out
}

func vind(t *testing.T, bs []eval.Beoordeling, co, ind string) eval.Beoordeling {
	t.Helper()
	for _, b := range bs {
		if b.Coalitie == co && b.Indicator == ind {
			return b
		}
	}
	t.Fatalf("geen beoordeling voor %s %s", co, ind)
	return eval.Beoordeling{}
}

func TestAnalyseWaardeVeranderingStreef(t *testing.T) {
	cfg := vierCoalities()
	q := kw(t, "2026-K3")
	cs := cijfers(
		ok("Havenstad", "KS01", q, 56, 70),
		ok("Havenstad", "KS01", q.Add(-1), 48, 80),
		ok("Havenstad", "KS01", q.Add(-4), 35, 70),
		ok("Havenstad", "KS02", q, 30, 300),
		ok("Havenstad", "KS05", q, 40, 200),
		ok("Havenstad", "KS08", q, 960, 1000),
		ok("Havenstad", "KS08", q.Add(-1), 900, 1000),
		// A gemeente figure is not a coalitie figure: ignored.
		fig{Coalitie: "Havenstad", Gemeente: "Havenstad", Indicator: "KS02", Kwartaal: q.Add(-1), Teller: 1, Noemer: 2, Status: eval.StatusOK},
	)
	bs := eval.Analyse(cs, cfg, q)
	if len(bs) != 4*10 {
		t.Fatalf("got %d beoordelingen, want one per coalitie and indicator (40)", len(bs))
	}

	b := vind(t, bs, "Havenstad", "KS01")
	lo, hi := wilsonRef(56, 70)
	if !b.Getoond || b.Status != eval.StatusOK || !near(b.Waarde, 0.8, 1e-12) || b.Interval == nil ||
		!near(b.Interval.Onder, lo, 1e-9) || !near(b.Interval.Boven, hi, 1e-9) {
		t.Errorf("KS01 = %+v (interval %+v), want 80%% with Wilson %.4f..%.4f", b, b.Interval, lo, hi)
	}
	// 56/70 − 48/80 = 80% − 60%; Newcombe (1998), Statistics in Medicine
	// 17:873–890, table II, method 10: 0.0524 to 0.3339.
	if v := b.VorigKwartaal; v == nil || v.Sinds != q.Add(-1) || !near(v.Procentpunten, 20, 1e-9) ||
		!v.MetInterval || !near(v.Onder, 5.24, 0.005) || !near(v.Boven, 33.39, 0.005) || !v.Duidelijk() {
		t.Errorf("KS01 t.o.v. vorig kwartaal = %+v, want +20 pp, interval 5,24..33,39", v)
	}
	if v := b.VorigJaar; v == nil || v.Sinds != q.Add(-4) || !near(v.Procentpunten, 30, 1e-9) {
		t.Errorf("KS01 t.o.v. vorig jaar = %+v, want +30 pp since %s", v, q.Add(-4))
	}
	if s := b.Streef; s == nil || !near(s.Verschil, 5, 1e-9) || s.NogTeGaan != 0 || !s.Bereikt {
		t.Errorf("KS01 streef = %+v, want 5 pp above 75%%, reached", s)
	}

	// Lower is better: 10% against a streefwaarde of 7% is 3 pp to go.
	b = vind(t, bs, "Havenstad", "KS02")
	if s := b.Streef; s == nil || !near(s.Verschil, 3, 1e-9) || !near(s.NogTeGaan, 3, 1e-9) || s.Bereikt {
		t.Errorf("KS02 streef = %+v, want 3 pp to go, not reached", s)
	}
	if b.VorigKwartaal != nil || b.VorigJaar != nil {
		t.Errorf("KS02 has changes %+v %+v without earlier coalitie figures", b.VorigKwartaal, b.VorigJaar)
	}
	if b := vind(t, bs, "Havenstad", "KS05"); !b.Getoond || b.Streef != nil {
		t.Errorf("KS05 (no streefwaarde) streef = %+v", b.Streef)
	}

	// Hours are not people: no Wilson interval, no interval on the change,
	// no funnel comparison.
	b = vind(t, bs, "Havenstad", "KS08")
	if !b.Getoond || b.Interval != nil || b.Vergelijking != nil {
		t.Errorf("KS08 = %+v, want a value without interval or comparison", b)
	}
	if v := b.VorigKwartaal; v == nil || !near(v.Procentpunten, 6, 1e-9) || v.MetInterval || v.Duidelijk() {
		t.Errorf("KS08 change = %+v, want +6 pp without interval", v)
	}
	if s := b.Streef; s == nil || !near(s.Verschil, 1, 1e-9) || !s.Bereikt {
		t.Errorf("KS08 streef = %+v, want 1 pp above 95%%", s)
	}

	if b := vind(t, bs, "Lindehoven", "KS01"); b.Status != "" || b.Getoond || b.Trend.Oordeel != eval.TrendTeWeinig {
		t.Errorf("without any figure: %+v", b)
	}
}

// A figure that may not be shown gives nothing that would reveal it.
func TestAnalyseKleinAantalGeenWaarde(t *testing.T) {
	cfg := vierCoalities()
	q := kw(t, "2026-K3")
	cs := cijfers(
		ok("Dijkwaard", "KS01", q, 3, 12).klein(),
		ok("Dijkwaard", "KS01", q.Add(-1), 8, 12),
		ok("Dijkwaard", "KS01", q.Add(-4), 9, 12),
		ok("Havenstad", "KS01", q, 30, 40),
		ok("Havenstad", "KS01", q.Add(-1), 2, 40).klein(),
		ok("Havenstad", "KS01", q.Add(-4), 3, 8).klein(),
		ok("Lindehoven", "KS01", q, 20, 40),
		ok("Vechtmonde", "KS01", q, 25, 40),
	)
	bs := eval.Analyse(cs, cfg, q)
	b := vind(t, bs, "Dijkwaard", "KS01")
	if b.Getoond || b.Status != eval.StatusKlein || b.Waarde != 0 || b.Interval != nil || b.VorigKwartaal != nil ||
		b.VorigJaar != nil || b.Streef != nil || b.Vergelijking != nil {
		t.Errorf("small current figure gives %+v; want status only", b)
	}
	b = vind(t, bs, "Havenstad", "KS01")
	if !b.Getoond || b.VorigKwartaal != nil || b.VorigJaar != nil {
		t.Errorf("a change against a small figure would reveal it: %+v %+v", b.VorigKwartaal, b.VorigJaar)
	}
	// The mean of the coalities leaves Dijkwaard's small figure out:
	// (30 + 20 + 25) / (40 + 40 + 40).
	if v := b.Vergelijking; v == nil || v.Coalities != 3 || !near(v.Gemiddelde, 75.0/120, 1e-12) {
		t.Errorf("comparison = %+v, want the mean of the 3 shown coalities, 62,5%%", v)
	}
}

func TestAnalyseVergelijking(t *testing.T) {
	cfg := vierCoalities()
	q := kw(t, "2026-K3")
	cs := cijfers(
		ok("Havenstad", "KS01", q, 56, 70),    // 80%
		ok("Lindehoven", "KS01", q, 300, 500), // 60%
		ok("Dijkwaard", "KS01", q, 6, 10),     // 60%, but n = 10
		ok("Vechtmonde", "KS01", q, 150, 200), // 75%
	)
	// By hand: p0 = 512/780 = 0.65641, p0(1−p0) = 0.225536.
	//   Havenstad  n=70:  ± 1.96·sqrt(0.225536/70)  = ± 0.1113 → 0.5452..0.7677: 0.80 above
	//   Lindehoven n=500: ± 0.0416 → 0.6148..0.6980: 0.60 below
	//   Dijkwaard  n=10:  ± 0.2944 → 0.3621..0.9508: 0.60 inside
	//   Vechtmonde n=200: ± 0.0658 → 0.5906..0.7222: 0.75 above
	want := map[string]struct {
		oordeel      string
		onder, boven float64
	}{
		"Havenstad":  {eval.BovenGemiddelde, 0.5452, 0.7677},
		"Lindehoven": {eval.OnderGemiddelde, 0.6148, 0.6980},
		"Dijkwaard":  {eval.ZoalsGemiddelde, 0.3621, 0.9508},
		"Vechtmonde": {eval.BovenGemiddelde, 0.5906, 0.7222},
	}
	bs := eval.Analyse(cs, cfg, q)
	for co, w := range want {
		v := vind(t, bs, co, "KS01").Vergelijking
		if v == nil || v.Oordeel != w.oordeel || v.Coalities != 4 || !near(v.Gemiddelde, 512.0/780, 1e-12) ||
			!near(v.Onder, w.onder, 0.0001) || !near(v.Boven, w.boven, 0.0001) {
			t.Errorf("%s: %+v, want %q within %.4f..%.4f", co, v, w.oordeel, w.onder, w.boven)
		}
	}

	// Fewer than 3 coalities that may be shown: no comparison.
	cs = cijfers(
		ok("Havenstad", "KS01", q, 56, 70),
		ok("Lindehoven", "KS01", q, 300, 500),
		ok("Dijkwaard", "KS01", q, 3, 10).klein(),
	)
	for _, b := range eval.Analyse(cs, cfg, q) {
		if b.Vergelijking != nil {
			t.Errorf("%s %s compared among fewer than 3 coalities: %+v", b.Coalitie, b.Indicator, b.Vergelijking)
		}
	}
}

// reeks makes coalitie figures for Havenstad from 2025-K1 on.
func reeks(t *testing.T, ind string, ps []float64, noemer float64) []eval.Cijfer {
	var fs []fig
	for i, p := range ps {
		fs = append(fs, ok("Havenstad", ind, kw(t, "2025-K1").Add(i), math.Round(p*noemer), noemer))
	}
	return cijfers(fs...)
}

// cochranArmitage is the trend statistic in Armitage's (1955) own form,
// with scores 0, 1, 2, …: T = Σ x(a − n·p̄), Var T = p̄(1−p̄)(Σ n·x² − (Σ n·x)²/N).
func cochranArmitage(cs []eval.Cijfer) float64 {
	var a, n, nx, nxx float64
	for _, c := range cs {
		a += c.Teller
		n += c.Noemer
	}
	p := a / n
	var tt float64
	for i, c := range cs {
		x := float64(i)
		tt += x * (c.Teller - c.Noemer*p)
		nx += c.Noemer * x
		nxx += c.Noemer * x * x
	}
	return tt / math.Sqrt(p*(1-p)*(nxx-nx*nx/n))
}

func TestAnalyseTrend(t *testing.T) {
	cfg := vierCoalities()
	q := kw(t, "2026-K3")
	stijgend := []float64{.60, .62, .64, .66, .68, .70, .72}
	dalend := []float64{.72, .70, .68, .66, .64, .62, .60}
	for _, c := range []struct {
		naam string
		ind  string
		cs   []eval.Cijfer
		want string
	}{
		{"stijging, hoger is beter", "KS01", reeks(t, "KS01", stijgend, 200), eval.TrendVerbetert},
		{"daling, hoger is beter", "KS01", reeks(t, "KS01", dalend, 200), eval.TrendVerslechtert},
		{"stijging, lager is beter", "KS02", reeks(t, "KS02", stijgend, 200), eval.TrendVerslechtert},
		{"daling, lager is beter", "KS02", reeks(t, "KS02", dalend, 200), eval.TrendVerbetert},
		{"stijging zonder richting", "KS05", reeks(t, "KS05", stijgend, 200), eval.TrendStijgt},
		{"daling zonder richting", "KS05", reeks(t, "KS05", dalend, 200), eval.TrendDaalt},
		{"vlak met ruis", "KS01", reeks(t, "KS01", []float64{.70, .66, .71, .68, .72, .67, .70}, 100), eval.TrendGeen},
		{"maar 3 kwartalen", "KS01", reeks(t, "KS01", stijgend, 200)[4:], eval.TrendTeWeinig},
		{"KS10 stijgt", "KS10", reeks(t, "KS10", []float64{.4, .4, .5, .6, .6, .7, .8}, 10), eval.TrendVerbetert},
		{"KS10 gelijk", "KS10", reeks(t, "KS10", []float64{.3, .3, .3, .3, .3, .3, .3}, 10), eval.TrendGeen},
		{"KS08 uren dalen", "KS08", reeks(t, "KS08", []float64{.99, .97, .96, .93, .92, .90, .87}, 900), eval.TrendVerslechtert},
	} {
		b := vind(t, eval.Analyse(c.cs, cfg, q), "Havenstad", c.ind)
		if b.Trend.Oordeel != c.want {
			t.Errorf("%s: trend %+v, want %q", c.naam, b.Trend, c.want)
		}
	}

	// The rising series by hand: slope 2 pp per kwartaal exactly; p̄ = 0.66,
	// Sxx = Σ n(x − x̄)² = 200·28 = 5600, so the binomial half-width is
	// 1.96·sqrt(0.66·0.34/5600) = 0.012407 = 1.2407 pp; the points lie on
	// the line, so the scatter adds nothing.
	tr := vind(t, eval.Analyse(reeks(t, "KS01", stijgend, 200), cfg, q), "Havenstad", "KS01").Trend
	if tr.Kwartalen != 7 || tr.Van != kw(t, "2025-K1") || tr.Tot != q || !near(tr.Helling, 2, 1e-9) ||
		!near(tr.Onder, 2-1.2407, 1e-4) || !near(tr.Boven, 2+1.2407, 1e-4) {
		t.Errorf("rising trend = %+v, want 2 pp/kwartaal, 0,7593..3,2407 over 7 kwartalen", tr)
	}
	// KS10 by hand: 4,4,5,6,6,7,8 of 10 on x = 0..6: Sxy = 19, Sxx = 28,
	// slope 19/28 aandachtspunt = 6.7857 pp per kwartaal.
	tr = vind(t, eval.Analyse(reeks(t, "KS10", []float64{.4, .4, .5, .6, .6, .7, .8}, 10), cfg, q), "Havenstad", "KS10").Trend
	if !near(tr.Helling, 1000.0*19/28/100, 1e-9) {
		t.Errorf("KS10 slope = %v, want %v", tr.Helling, 1000.0*19/28/100)
	}

	// Overdispersion: with noemers of 2000 the zigzag below passes the
	// Cochran–Armitage test on its own, but the points scatter far more
	// around the line than chance explains, so it is no clear trend.
	zigzag := reeks(t, "KS01", []float64{.50, .58, .49, .60, .51, .62}, 2000)
	if z := cochranArmitage(zigzag); z < 1.96 {
		t.Fatalf("test series too weak: Cochran–Armitage z = %.2f", z)
	}
	if tr := vind(t, eval.Analyse(zigzag, cfg, q), "Havenstad", "KS01").Trend; tr.Oordeel != eval.TrendGeen {
		t.Errorf("overdispersed zigzag: %+v, want %q", tr, eval.TrendGeen)
	}
	// The flat noisy series is flat by Cochran–Armitage too.
	if z := cochranArmitage(reeks(t, "KS01", []float64{.70, .66, .71, .68, .72, .67, .70}, 100)); math.Abs(z) > 1.96 {
		t.Errorf("flat series has Cochran–Armitage z = %.2f", z)
	}

	// Small figures do not count: 7 kwartalen, of which 4 small, leave 3.
	cs := reeks(t, "KS01", stijgend, 200)
	for i := range cs[:4] {
		cs[i].Status = eval.StatusKlein
	}
	if tr := vind(t, eval.Analyse(cs, cfg, q), "Havenstad", "KS01").Trend; tr.Oordeel != eval.TrendTeWeinig || tr.Kwartalen != 3 {
		t.Errorf("trend over small figures: %+v, want %q from 3 kwartalen", tr, eval.TrendTeWeinig)
	}
	// Only the last two years count: 2024 figures before the window are left out.
	old := append(cijfers(ok("Havenstad", "KS01", kw(t, "2024-K3"), 10, 200), ok("Havenstad", "KS01", kw(t, "2024-K4"), 190, 200)),
		reeks(t, "KS01", stijgend, 200)...)
	if tr := vind(t, eval.Analyse(old, cfg, q), "Havenstad", "KS01").Trend; tr.Kwartalen != 8 || tr.Van != kw(t, "2024-K4") {
		t.Errorf("trend window = %d kwartalen from %s, want 8 from 2024-K4", tr.Kwartalen, tr.Van)
	}
}
