package reports

import (
	"bytes"
	"fmt"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kansrijk"
	"kansrijk/stories"
)

// vreemdeTekst is text the Go fonts of the PDF cannot all draw, as
// parents, partners and file systems deliver it, with what a reader of the
// PDF must see of it (worked out by hand from the font's cmap: it has
// WGL4, no emoji, no Arabic, Hebrew or Han, no combining marks).
var vreemdeTeksten = []struct {
	naam, tekst string
	pdf         []string // in the PDF's text, in this order
}{
	{"emoji", "Ze was zo lief 😊 echt", []string{"Ze was zo lief [glimlach] echt"}},
	{"herhaald", "haha😂😂😂 ja", []string{"haha[3× lachtranen] ja"}},
	{"huidskleur", "top 👍🏽 zo", []string{"top [duim omhoog] zo"}},
	{"zwj", "ons gezin 👨‍👩‍👧 thuis", []string{"ons gezin [emoji] thuis"}},
	{"variatie", "ik ❤️ jullie ☺️ blij", []string{"ik [hart] jullie ☺ blij"}},
	{"vlaggen", "van 🇸🇾 naar 🇳🇱 gekomen", []string{"van [vlag SY] naar [vlag NL] gekomen"}},
	{"combinerend", "Cafe\u0301 en Nguyê\u0303n", []string{"Café en Nguyên"}},
	{"rtl", "Zij zei: مرحبا بكم. En: שלום!", []string{"Zij zei: [tekst in Arabisch schrift]. En: [tekst in Hebreeuws schrift]!"}},
	{"bidi", "naam\u202Egpj.exe\u202C klaar", []string{"naamgpj.exe klaar"}},
	{"stuurtekens", "bel\x07len\x1b[31m rood\x00 tab\tnu", []string{"bellen[31m rood tab nu"}},
	{"ongeldig", "caf\xe9 au \xff\xfelait", []string{"caf[teken] au [teken]lait"}},
	{"onzichtbaar", "zero\u200bwidth\ufeff woord", []string{"zerowidth woord"}},
	{"han", "宝宝 slaapt", []string{"[tekst in Chinees schrift] slaapt"}},
	{"overig", "som \U0001D538 en \ue000 eind", []string{"som [teken] en [teken] eind"}},
}

// pdfTekstVan returns the text of a PDF as pdftotext reads it, with all
// white space made one space.
func pdfTekstVan(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// zonderPaniek runs write and turns a panic into an error, so that one
// bad text fails its own case and not the whole test binary.
func zonderPaniek(write func(*bytes.Buffer) error) (pdf []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	var buf bytes.Buffer
	err = write(&buf)
	return buf.Bytes(), err
}

// TestPDFTekenbuitenBereik puts every vreemdeTekst in the quotes, persona
// names, coalitie names and source file names of all three report kinds:
// the PDF is made without a panic or error and shows the text as the
// fonts can draw it; the HTML keeps it as written.
func TestPDFTekenBuitenBereik(t *testing.T) {
	heeftPdftotext := true
	if _, err := exec.LookPath("pdftotext"); err != nil {
		heeftPdftotext = false
	}
	for _, vt := range vreemdeTeksten {
		t.Run(vt.naam, func(t *testing.T) {
			type soort struct {
				naam      string
				pdf, html func(*bytes.Buffer) error
			}
			var kinds []soort

			// The coalitie's report: a quote with a persona, a persona of
			// its own, the coalitie's name and a source file name.
			r := samenhangRapport()
			r.Coalitie.Naam = "Lindehoven " + vt.tekst
			r.Citaten = append(r.Citaten, stories.Citaat{VerhaalID: "LH-X", Coalitie: "Lindehoven", Kwartaal: r.Kwartaal,
				Werkvorm: "interview", Persona: "Fenna " + vt.tekst, Toestemming: stories.Rapport, Tekst: "Citaat: " + vt.tekst})
			r.Personas[0].Naam = "Fenna " + vt.tekst
			r.Samenhangen[0].Citaten[0].Citaat.Tekst = "Samenhang: " + vt.tekst
			r.Bronnen = append(r.Bronnen, Bron{Partner: "Partner " + vt.tekst, Bestand: "bestand " + vt.tekst + ".xlsx",
				Periode: r.Kwartaal.String()})
			kinds = append(kinds, soort{"rapport", func(b *bytes.Buffer) error { return WritePDF(b, r) }, func(b *bytes.Buffer) error { return WriteHTML(b, r) }})

			// The overview: a coalitie's name.
			cfg := ovTestConfig()
			cfg.Coalities[0].Naam = "Noordhaven " + vt.tekst
			cs := ovTestCijfers()
			for i := range cs {
				if cs[i].Coalitie == "Noordhaven" {
					cs[i].Coalitie = cfg.Coalities[0].Naam
				}
			}
			o := BuildOverzicht(cfg, cs, Opties{Kwartaal: kansrijk.Kwartaal{Jaar: 2026, K: 3}, Gemaakt: r.Gemaakt})
			kinds = append(kinds, soort{"overzicht", func(b *bytes.Buffer) error { return WriteOverzichtPDF(b, o) }, func(b *bytes.Buffer) error { return WriteOverzichtHTML(b, o) }})

			// The parents' page: a quote and the coalitie's name.
			ou := ouTestOuders(t)
			ou.Coalitie.Naam = "Havenstad " + vt.tekst
			ou.Citaten = append([]stories.Citaat{{VerhaalID: "H-X", Coalitie: "Havenstad", Toestemming: stories.Openbaar,
				Tekst: "Citaat: " + vt.tekst}}, ou.Citaten[:min(len(ou.Citaten), 2)]...)
			kinds = append(kinds, soort{"ouders", func(b *bytes.Buffer) error { return WriteOudersPDF(b, ou) }, func(b *bytes.Buffer) error { return WriteOudersHTML(b, ou) }})

			for _, k := range kinds {
				pdf, err := zonderPaniek(k.pdf)
				if err != nil {
					t.Errorf("%s: PDF: %v", k.naam, err)
					continue
				}
				html, err := zonderPaniek(k.html)
				if err != nil {
					t.Errorf("%s: HTML: %v", k.naam, err)
				}
				// As written: html/template only makes a NUL U+FFFD, as HTML
				// requires.
				alsGeschreven := stdhtml.EscapeString(strings.ReplaceAll(vt.tekst, "\x00", "\uFFFD"))
				if utf8.ValidString(vt.tekst) && !strings.Contains(string(html), alsGeschreven) {
					t.Errorf("%s: de HTML geeft %q niet weer zoals geschreven", k.naam, vt.tekst)
				}
				if !heeftPdftotext {
					continue
				}
				tekst := pdfTekstVan(t, pdf)
				for _, want := range vt.pdf {
					if !strings.Contains(tekst, want) {
						t.Errorf("%s: PDF mist %q", k.naam, want)
					}
				}
				if strings.ContainsRune(tekst, utf8.RuneError) {
					t.Errorf("%s: PDF bevat een vervangingsteken: %q", k.naam, tekst)
				}
			}
		})
	}
	if !heeftPdftotext {
		t.Log("pdftotext ontbreekt (apt-get install poppler-utils); alleen gecontroleerd dat de PDF's gemaakt worden")
	}
}

// TestPDFEmojiInBestandsnaam: an emoji only in a source file name made
// fpdf panic while writing the font (index out of range [65536]).
func TestPDFEmojiInBestandsnaam(t *testing.T) {
	r := pdfTestRapport()
	r.Bronnen[0].Bestand = "Verloskundigen_😊_2026-Q3.xlsx"
	pdf, err := zonderPaniek(func(b *bytes.Buffer) error { return WritePDF(b, r) })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext ontbreekt (apt-get install poppler-utils); alleen gecontroleerd dat de PDF gemaakt wordt")
	}
	if tekst := pdfTekstVan(t, pdf); !strings.Contains(tekst, "Verloskundigen_[glimlach]_2026-Q3.xlsx") {
		t.Errorf("PDF mist de bestandsnaam met [glimlach]")
	}
}
