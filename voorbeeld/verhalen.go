package voorbeeld

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kansrijk"
)

// verhaal is one row of a coalitie's story log.
type verhaal struct {
	id          string
	datum       time.Time
	werkvorm    string
	persona     string
	doelgroep   string
	toestemming string
	tekst       string
	codes       string
	toon        string
	uitgelicht  string
	invoerder   string
}

var (
	doelgroepen = []string{"statushouder", "tienermoeder", "ouders met schulden", "eenoudergezin",
		"verslavingsproblematiek", "arbeidsmigrant"}
	werkvormen  = []string{"spiegelbijeenkomst", "focusgroep", "interview", "open vraag vragenlijst", "ervaringsdeskundige"}
	inleidingen = []string{"Kijk, ", "Eerlijk gezegd, ", "Weet je, ", "Nou, "}
	staarten    = []string{"Dat wil ik wel even kwijt.", "Zo is het gewoon gegaan.",
		"Ik hoop dat ze daar iets mee doen.", "Misschien heb je er wat aan.", "Ik zeg het maar eerlijk."}
)

// verhalen collects the coalitie's fragments following its role's script:
// per quarter one or more sessions, each with a date, a werkvorm and a few
// fragments. 2024-K4 joined the window last: its fragments are drawn after
// the others, so those are as they were, and listed first.
func (c *coalitie) verhalen() []verhaal {
	r := bron("verhalen", c.naam)
	st := &stapel{r: r}

	var perKwartaal [aantalKwartalen][]verhaal
	perJaar := map[int]int{} // Verhaal-IDs are numbered per year
	qs := kwartalen()
	for _, q := range slices.Concat(qs[1:], qs[:1]) {
		soorten := draaiboek[c.rol][plek(q)]
		data, vormen := sessies(r, q, len(soorten), 0.6)
		for i, s := range soorten {
			f := st.volgende(s)
			v := c.verhaal(r, f)
			v.datum, v.werkvorm = data[i], vormen[i]
			perJaar[v.datum.Year()]++
			v.id = verhaalID(c.code, v.datum.Year(), perJaar[v.datum.Year()])
			perKwartaal[plek(q)] = append(perKwartaal[plek(q)], v)
		}
	}
	if c.extra > 0 {
		c.aanvullen(&perKwartaal, perJaar)
	}
	return slices.Concat(perKwartaal[:]...)
}

// sessies splits n fragments of quarter q over sessions on increasing
// dates, each session with its own werkvorm: a fragment joins the
// previous one's session with chance samen, else starts a new one. It
// returns each fragment's date and werkvorm.
func sessies(r *rand.Rand, q kansrijk.Kwartaal, n int, samen float64) (data []time.Time, vormen []string) {
	if n == 0 {
		return nil, nil
	}
	sessie := make([]int, n)
	for i := 1; i < n; i++ {
		sessie[i] = sessie[i-1]
		if !kans(r, samen) {
			sessie[i]++
		}
	}
	dagen := int(q.End().Sub(q.Start()).Hours() / 24)
	sd := make([]time.Time, sessie[n-1]+1)
	sv := make([]string, len(sd))
	for i := range sd {
		sd[i] = q.Start().AddDate(0, 0, r.IntN(dagen))
		sv[i] = werkvormen[kies(r, 35, 20, 20, 20, 5)]
	}
	slices.SortFunc(sd, func(a, b time.Time) int { return a.Compare(b) })
	data, vormen = make([]time.Time, n), make([]string, n)
	for i, s := range sessie {
		data[i], vormen[i] = sd[s], sv[s]
	}
	return data, vormen
}

// verhaalID numbers a coalitie's fragments per year: HS-2025-007.
func verhaalID(code string, jaar, nr int) string { return fmt.Sprintf("%s-%d-%03d", code, jaar, nr) }

// stapel deals each kind's fragments in a shuffled order, so a log repeats
// a fragment only when its kind runs out.
type stapel struct {
	r        *rand.Rand
	volgorde [aantalSoorten][]int
	gebruikt [aantalSoorten]int
}

func (st *stapel) volgende(s soort) fragment {
	if st.volgorde[s] == nil {
		st.volgorde[s] = st.r.Perm(len(bibliotheek[s]))
	}
	i := st.volgorde[s][st.gebruikt[s]%len(st.volgorde[s])]
	st.gebruikt[s]++
	return bibliotheek[s][i]
}

// verhaal turns a fragment into a log row the way coders fill it in:
// consent, persona and codes with the occasional slip.
func (c *coalitie) verhaal(r *rand.Rand, f fragment) verhaal {
	v := verhaal{toon: f.toon, uitgelicht: "nee"}
	if kans(r, 0.4) {
		p := c.personas[r.IntN(len(c.personas))]
		if f.doelgroep == "" || f.doelgroep == p.doelgroep {
			v.persona, v.doelgroep = p.naam, p.doelgroep
		}
	}
	if v.doelgroep == "" {
		if f.doelgroep != "" && kans(r, 0.8) {
			v.doelgroep = f.doelgroep
		} else {
			v.doelgroep = doelgroepen[r.IntN(len(doelgroepen))]
		}
	}

	v.toestemming = []string{"intern", "rapport", "openbaar", "ingetrokken"}[kies(r, 28, 38, 24, 10)]
	switch kies(r, 90, 5, 5) {
	case 1:
		v.toestemming = hoofdletter(v.toestemming)
	case 2:
		v.toestemming += " "
	}

	v.tekst = f.tekst
	if kans(r, 0.15) {
		v.tekst = inleidingen[r.IntN(len(inleidingen))] + kleineletter(v.tekst)
	}
	if kans(r, 0.2) {
		v.tekst += " " + staarten[r.IntN(len(staarten))]
	}

	codes := slices.Clone(f.codes)
	switch x := r.Float64(); {
	case x < 0.02:
		codes = append(codes, onbekendeCodes[r.IntN(len(onbekendeCodes))])
	case x < 0.04:
		codes = append(codes, codes[0])
	case x < 0.08:
		i := r.IntN(len(codes))
		thema, code, _ := strings.Cut(codes[i], " > ")
		codes[i] = thema + " > " + strings.ToLower(code)
	}
	v.codes = strings.Join(codes, "; ")
	switch x := r.Float64(); {
	case x < 0.08:
		v.codes = strings.ReplaceAll(v.codes, " > ", ">")
	case x < 0.15:
		v.codes = strings.Join(codes, ";")
	case x < 0.20:
		v.codes += ";"
	}

	if kans(r, 0.1) {
		v.uitgelicht = "ja"
	}
	v.invoerder = c.invoerders[r.IntN(len(c.invoerders))]
	return v
}

func hoofdletter(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func kleineletter(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}

var verhaalKop = []string{"Verhaal-ID", "Coalitie", "Datum", "Werkvorm", "Persona", "Doelgroep",
	"Toestemming", "Fragment", "Codes", "Toon", "Uitgelicht", "Ingevoerd door"}

// schrijfVerhalen writes Ouderverhalen_<coalitie>.xlsx in the layout the
// reference coalitie of the same role uses, and returns the fragment count.
func (c *coalitie) schrijfVerhalen(dir string) (int, error) {
	naam := "Ouderverhalen_" + c.naam + ".xlsx"
	blad := "Verhalen"
	if c.rol == rolKlein {
		blad = "Logboek"
	}
	vs := c.verhalen()
	if err := maakWerkboek(dir, naam, "Kansrijke Start "+c.naam, blad,
		func(w *werkboek) error { return c.vulVerhalen(w, blad, vs) }); err != nil {
		return 0, err
	}
	return len(vs), nil
}

func (c *coalitie) vulVerhalen(w *werkboek, blad string, vs []verhaal) error {
	titel := cel(w.s.titel, fmt.Sprintf("Ouderverhalen %s — gecodeerd logboek (fictieve gegevens)", c.naam))
	var titels [][]any
	switch c.rol {
	case rolGroot:
		titels = [][]any{{titel}, {"Alleen voor intern gebruik. Let op de kolom Toestemming voordat je citeert."}, nil}
	case rolRegio:
		titels = [][]any{{titel}}
	}
	s, err := w.nieuweStroom(blad, []float64{13, 12, 12, 20, 12, 20, 13, 80, 50, 10, 10, 16}, len(titels)+1)
	if err != nil {
		return err
	}
	for _, t := range titels {
		if t == nil {
			s.leeg()
			continue
		}
		if err := s.schrijf(t...); err != nil {
			return err
		}
	}
	if err := s.schrijf(w.kop(verhaalKop...)...); err != nil {
		return err
	}
	for _, v := range vs {
		var datum any = cel(w.s.datum, serieel(v.datum))
		if c.rol == rolKlein {
			datum = datumNL(v.datum)
		}
		if err := s.schrijf(v.id, c.naam, datum, v.werkvorm, leeg(v.persona), v.doelgroep, v.toestemming,
			cel(w.s.tekst, v.tekst), v.codes, v.toon, v.uitgelicht, v.invoerder); err != nil {
			return err
		}
	}
	return s.klaar()
}

// schrijfCodeboek writes the regional codebook, themes merged down column A.
func schrijfCodeboek(dir string) error {
	return maakWerkboek(dir, "Codeboek.xlsx", "Kansrijke Start regio", "Codeboek",
		func(w *werkboek) error { return vulCodeboek(w, "Codeboek") })
}

func vulCodeboek(w *werkboek, blad string) error {
	themaStijl, err := w.f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	s, err := w.nieuweStroom(blad, []float64{24, 28, 70, 22}, 0)
	if err != nil {
		return err
	}
	if err := s.schrijf(w.kop("Thema", "Code", "Omschrijving", "Gekoppelde indicatoren")...); err != nil {
		return err
	}
	begin := 0
	for i, rij := range codeboek {
		var thema any
		if i == 0 || codeboek[i-1].thema != rij.thema {
			thema, begin = cel(themaStijl, rij.thema), s.rij+1
		}
		if err := s.schrijf(thema, rij.code, rij.omschrijving, leeg(rij.indicatoren)); err != nil {
			return err
		}
		if i == len(codeboek)-1 || codeboek[i+1].thema != rij.thema {
			if err := s.sw.MergeCell(fmt.Sprintf("A%d", begin), fmt.Sprintf("A%d", s.rij)); err != nil {
				return err
			}
		}
	}
	if err := s.klaar(); err != nil {
		return err
	}
	return w.toelichting(
		"Fictieve gegevens — codeboek ouderverhalen Kansrijke Start (regio).",
		"Codes worden in de logboeken geschreven als 'Thema > Code'.",
		"Gekoppelde indicatoren: de KS-indicatoren waar een code inhoudelijk bij past.",
	)
}

// personas of the sample delivery; the logs use the first name.
var personaRijen = [][]string{
	{"Samira, 23, statushouder, eerste kind", "Havenstad", "statushouder",
		"Woont sinds een jaar in Havenstad, partner werkt in de schoonmaak, spreekt nog weinig Nederlands.",
		"Iemand die uitlegt hoe de zorg hier werkt, in mijn eigen taal.",
		"Brieven, telefoonmenu's en niet weten bij wie ik moet zijn.", "spiegelbijeenkomst 2025-K2"},
	{"Kim, 19, tienermoeder", "Havenstad", "tienermoeder",
		"Woont nog bij haar moeder, stopte met haar mbo-opleiding toen ze zwanger werd.",
		"Dat ze met mij praten en niet over mij.",
		"Het gevoel dat iedereen al klaar is met mij voordat ik iets zeg.", "focusgroep 2025-K3"},
	{"Jessica, 31, alleenstaand met schulden", "Havenstad", "ouders met schulden",
		"Twee kinderen, werkt parttime, heeft schulden uit haar vorige relatie.",
		"Eén vast aanspreekpunt dat snel regelt wat er geregeld moet worden.",
		"Wachtlijsten en steeds weer dezelfde papieren aanleveren.", "interviews 2025-K4"},
	{"Fenna, 27, eerste kind, weinig netwerk", "Lindehoven", "eenoudergezin",
		"Verhuisd voor werk, familie woont ver weg, relatie ging uit tijdens de zwangerschap.",
		"Andere moeders om mee te praten en iemand die even meekijkt.",
		"Alles alleen moeten uitzoeken.", "spiegelbijeenkomst 2025-K1"},
	{"Dewi, 34, herstellend van verslaving", "Lindehoven", "verslavingsproblematiek",
		"Al twee jaar clean, tweede zwangerschap, eerste kind woont bij oma.",
		"Hulpverleners die me vertrouwen en niet meteen het ergste denken.",
		"De angst dat mijn verleden alles bepaalt.", "ervaringsdeskundige 2025-K3"},
	{"Agnieszka, 29, arbeidsmigrant", "Vechtmonde", "arbeidsmigrant",
		"Werkt in de kassen in ploegendiensten, woont met partner in een gedeelde woning van het uitzendbureau.",
		"Afspraken buiten werktijd en informatie in het Pools.",
		"Vrij nemen kost loon; ik weet niet welke zorg gratis is.", "interviews 2025-K2"},
	{"Nadia, 36, derde kind, geldzorgen", "Vechtmonde", "ouders met schulden",
		"Partner is arbeidsongeschikt, toeslagen werden teruggevorderd.",
		"Snelle hulp met geld zodat ik aan de baby kan denken.",
		"Regels die ik niet begrijp en lange wachttijden.", "spiegelbijeenkomst 2026-K1"},
	{"Marloes, 25, alleenstaand, tweede kind", "Dijkwaard", "eenoudergezin",
		"Woont in een dorp zonder goede busverbinding, ex-partner niet in beeld.",
		"Zorg dichtbij huis of iemand die langskomt.",
		"Vervoer naar afspraken en het gevoel er alleen voor te staan.", "open vraag vragenlijst 2025-K4"},
}

// schrijfPersonas writes the persona descriptions.
func schrijfPersonas(dir string) error {
	return maakWerkboek(dir, "Personas.xlsx", "Kansrijke Start regio", "Persona's",
		func(w *werkboek) error { return vulPersonas(w, "Persona's") })
}

func vulPersonas(w *werkboek, blad string) error {
	s, err := w.nieuweStroom(blad, []float64{36, 12, 22, 50, 40, 40, 28}, 0)
	if err != nil {
		return err
	}
	if err := s.schrijf(w.kop("Persona", "Coalitie", "Doelgroep", "Situatie", "Wat ik nodig heb",
		"Waar ik tegenaan loop", "Bron")...); err != nil {
		return err
	}
	for _, p := range personaRijen {
		rij := make([]any, len(p))
		for i, t := range p {
			rij[i] = cel(w.s.tekst, t)
		}
		if err := s.schrijf(rij...); err != nil {
			return err
		}
	}
	if err := s.klaar(); err != nil {
		return err
	}
	return w.toelichting(
		"Fictieve gegevens — persona's opgesteld met ouders in spiegelbijeenkomsten en interviews.",
		"In de ouderverhalen verwijst de kolom Persona naar de voornaam van de persona.",
	)
}
