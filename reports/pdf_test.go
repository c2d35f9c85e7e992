package reports

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/stories"
)

var pdfUit = flag.String("pdfuit", "", "schrijf het PDF-testrapport ook naar dit bestand")

// pdfTestRapport is a coalitie of two gemeenten with KS01 over
// 2025-K1..2026-K3, including small numbers, a figure hidden to protect
// another gemeente, a figure suppressed at the source and a kwartaal
// without delivery.
func pdfTestRapport() *Rapport {
	q := func(j, k int) kansrijk.Kwartaal { return kansrijk.Kwartaal{Jaar: j, K: k} }
	kwartalen := kansrijk.Between(q(2025, 1), q(2026, 3))
	cijfer := func(gemeente string, i int, teller, noemer float64, st eval.Status) eval.Cijfer {
		return eval.Cijfer{Coalitie: "Vechtmonde", Gemeente: gemeente, Kwartaal: kwartalen[i],
			Indicator: "KS01", Teller: teller, Noemer: noemer, Status: st}
	}
	reeks := func(gemeente string, vs [][3]float64, st []eval.Status) []eval.Cijfer {
		cs := make([]eval.Cijfer, len(vs))
		for i, v := range vs {
			cs[i] = cijfer(gemeente, i, v[0], v[1], st[i])
		}
		return cs
	}
	ok, kl := eval.StatusOK, eval.StatusKlein
	// In 2026-K2 Dalwijk's 7/8 is small; Ommerveld's 165/237 = 69,6% is
	// hidden too, as the coalitie total minus it would give 7/8 away.
	ommerveld := reeks("Ommerveld",
		[][3]float64{{120, 165}, {4, 5}, {0, 0}, {2, 30}, {0, 0}, {165, 237}, {160, 210}},
		[]eval.Status{ok, kl, "", kl, eval.StatusBronOnderdrukt, eval.StatusSecundair, ok})
	dalwijk := reeks("Dalwijk",
		[][3]float64{{30, 45}, {2, 2}, {0, 0}, {1, 10}, {12, 16}, {7, 8}, {51, 74}},
		[]eval.Status{ok, kl, "", kl, ok, kl, ok})
	// Coalitie = sum of tellers over sum of noemers. 2025-K2 is 6/7 =
	// 85,7%, which must never appear, nor must its counts; 2026-K2 is
	// 172/245 = 70,2%; 2026-K3 is 211/284 = 74,3%.
	coalitie := reeks("",
		[][3]float64{{150, 210}, {6, 7}, {0, 0}, {3, 40}, {0, 0}, {172, 245}, {211, 284}},
		[]eval.Status{ok, kl, "", kl, eval.StatusNietBeschikbaar, ok, ok})

	ks07 := make([]eval.Cijfer, len(kwartalen))
	for i := range ks07 {
		ks07[i] = eval.Cijfer{Kwartaal: kwartalen[i], Indicator: "KS07", Teller: 40 + float64(i)*3, Noemer: 80, Status: ok}
	}
	ks07[2] = eval.Cijfer{Kwartaal: kwartalen[2], Indicator: "KS07", Status: eval.StatusGeenNoemer}

	ind := kansrijk.DefaultIndicatoren()
	gemaakt := time.Date(2026, 11, 23, 10, 30, 0, 0, time.UTC)
	return &Rapport{
		Regio:     "Regio Vechtdal (fictief)",
		Coalitie:  kansrijk.Coalitie{Naam: "Vechtmonde", Gemeenten: []string{"Ommerveld", "Dalwijk"}},
		Kwartaal:  q(2026, 3),
		Kwartalen: kwartalen,
		Gemaakt:   gemaakt,
		Indicatoren: []Reeks{
			{Indicator: ind[0], Coalitie: coalitie, Gemeenten: []GemeenteReeks{{"Ommerveld", ommerveld}, {"Dalwijk", dalwijk}}},
			{Indicator: ind[6], Coalitie: ks07},
		},
		Citaten: []stories.Citaat{
			{VerhaalID: "V-012", Coalitie: "Vechtmonde", Kwartaal: q(2026, 3), Werkvorm: "Ouderpanel",
				Persona: "Jonge moeder", Toestemming: stories.Rapport,
				Tekst: "De verloskundige zei: “Je staat er niet alleen voor.” Dat deed me écht goed."},
			{VerhaalID: "V-031", Coalitie: "Vechtmonde", Kwartaal: q(2026, 2), Werkvorm: "Keukentafelgesprek",
				Toestemming: stories.Openbaar,
				Tekst:       "Ik had €40 per week tekort; de ‘geldcoach’ van het wijkteam hielp me binnen één week, ook met de naïeve vragen."},
		},
		Bronnen: []Bron{
			{Partner: "Verloskundigenpraktijk De Vecht", Bestand: "Verloskundigen_Vechtmonde_2026-Q3_v2.xlsx", Periode: "2026-K3", Ingelezen: gemaakt.AddDate(0, 0, -10)},
			{Partner: "JGZ Vechtdal", Bestand: "jgz_prenataal_2026.xlsx", Periode: "2025-K1 t/m 2026-K3", Ingelezen: gemaakt.AddDate(0, 0, -12)},
		},
	}
}

func renderPDF(t *testing.T, r *Rapport) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WritePDF(&buf, r); err != nil {
		t.Fatalf("WritePDF: %v", err)
	}
	return buf.Bytes()
}

func TestWritePDF(t *testing.T) {
	r := pdfTestRapport()
	a := renderPDF(t, r)
	if !bytes.HasPrefix(a, []byte("%PDF")) {
		t.Fatalf("uitvoer begint niet met %%PDF: %q", a[:min(len(a), 16)])
	}
	if *pdfUit != "" {
		if err := os.WriteFile(*pdfUit, a, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Several renders: map order in fpdf or here would show up as a
	// difference between any two of them.
	for range 3 {
		if b := renderPDF(t, r); !bytes.Equal(a, b) {
			t.Fatalf("twee keer hetzelfde rapport gaf verschillende PDF's (%d en %d bytes)", len(a), len(b))
		}
	}

	path := filepath.Join(t.TempDir(), "rapport.pdf")
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("tekst", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext niet gevonden (poppler-utils); tekstcontrole overgeslagen")
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		// Line breaks fall anywhere; compare on single spaces.
		tekst := strings.Join(strings.Fields(string(out)), " ")

		// 211/284 = 0,742958 → 74,3%, worked out by hand.
		if got := eval.Percentage(211.0 / 284); got != "74,3%" {
			t.Fatalf("eval.Percentage(211/284) = %q, verwacht 74,3%%", got)
		}
		for _, want := range []string{
			"Kansrijke Start — evaluatierapport",
			"Vechtmonde",
			"Ommerveld en Dalwijk",
			"2026-K3",
			"23 november 2026",
			"74,3%",
			// Without eval's analysis a finding is the figure alone.
			"Vroege start zwangerschapszorg: 74,3% in 2026-K3.",
			"<5",
			"<5 bij bron",
			"<10", // the noemer 7 of 2025-K2
			"Aanvullend afgeschermd: dit cijfer is niet klein, maar samen met het coalitietotaal zou het een klein aantal van een andere gemeente verraden.",
			"n.b.",
			"niet aangeleverd",
			"“De verloskundige zei: “Je staat er niet alleen voor.” Dat deed me écht goed.”",
			"Ik had €40 per week tekort; de ‘geldcoach’ van het wijkteam hielp me binnen één week, ook met de naïeve vragen.",
			"— Ouderpanel, Jonge moeder, 2026-K3",
			"Verloskundigen_Vechtmonde_2026-Q3_v2.xlsx",
		} {
			if !strings.Contains(tekst, want) {
				t.Errorf("tekst mist %q", want)
			}
		}
		if !regexp.MustCompile(`Pagina 2 van [0-9]+`).MatchString(tekst) || strings.Contains(tekst, "{nb}") {
			t.Error("paginanummers ontbreken of {nb} is niet vervangen")
		}
		// 6/7 has noemer < 10: its percentage must not be printed;
		// 165/237 is hidden to protect Dalwijk's 7/8.
		for _, verboden := range []string{"85,7%", "85,7", "69,6"} {
			if strings.Contains(tekst, verboden) {
				t.Errorf("tekst bevat %q, het percentage van een cijfer dat niet getoond mag worden", verboden)
			}
		}
		// KS01's row of 2025-K2 (its first table; the chart's axis labels
		// come before it) shows neither 6 nor 7.
		var rij []string
		for _, m := range regexp.MustCompile(`2025-K2 (\S+) (\S+) (\S+)`).FindAllStringSubmatch(tekst, -1) {
			if !strings.HasPrefix(m[1], "20") {
				rij = m
				break
			}
		}
		if rij == nil {
			t.Error("geen rij voor 2025-K2")
		} else if rij[1] != "—" || rij[2] != "<10" || rij[3] != "—¹" {
			t.Errorf("rij 2025-K2 (6 van 7) = %q, want — <10 —¹", rij[0])
		}
	})

	t.Run("fonts", func(t *testing.T) {
		if _, err := exec.LookPath("pdffonts"); err != nil {
			t.Skip("pdffonts niet gevonden (poppler-utils); fontcontrole overgeslagen")
		}
		out, err := exec.Command("pdffonts", path).Output()
		if err != nil {
			t.Fatalf("pdffonts: %v", err)
		}
		regels := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(regels) < 3 {
			t.Fatalf("pdffonts vond geen fonts:\n%s", out)
		}
		for _, regel := range regels[2:] { // skip the header and the ---- line
			// name type encoding emb sub uni object ID; the type can hold
			// a space, so count from the end.
			v := strings.Fields(regel)
			if len(v) < 6 || v[len(v)-5] != "yes" {
				t.Errorf("font niet ingebed: %s", regel)
			}
		}
	})

	t.Run("vector", func(t *testing.T) {
		if _, err := exec.LookPath("pdfimages"); err != nil {
			t.Skip("pdfimages niet gevonden (poppler-utils); controle op afbeeldingen overgeslagen")
		}
		out, err := exec.Command("pdfimages", "-list", path).Output()
		if err != nil {
			t.Fatalf("pdfimages: %v", err)
		}
		// Two header lines; anything more is a raster image.
		if regels := strings.Split(strings.TrimSpace(string(out)), "\n"); len(regels) > 2 {
			t.Errorf("PDF bevat afbeeldingen; grafieken moeten vectoren zijn:\n%s", out)
		}
	})
}

func TestWritePDFZonderCitaten(t *testing.T) {
	r := pdfTestRapport()
	r.Citaten = nil
	r.Bronnen = nil
	a := renderPDF(t, r)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext niet gevonden (poppler-utils); tekstcontrole overgeslagen")
	}
	tekst := pdfTekstVan(t, a)
	if want := "Voor dit kwartaal zijn geen citaten met toestemming beschikbaar."; !strings.Contains(tekst, want) {
		t.Errorf("tekst mist %q", want)
	}
}

func TestWritePDFNil(t *testing.T) {
	if err := WritePDF(&bytes.Buffer{}, nil); err == nil {
		t.Error("WritePDF(nil) gaf geen fout")
	}
}
