package voorbeeld

import (
	"strings"

	"kansrijk"
	"kansrijk/workspace"
)

// The reporting window of the example: 2024-K4 up to and including 2026-K3,
// eight kwartalen. Trends are planted from basisKwartaal, the indicators'
// baseline 2025-K1; 2024-K4 is the quarter before it and takes the
// baseline's values, so the later quarters are as they were before 2024-K4
// joined the window.
var (
	eersteKwartaal  = kansrijk.Kwartaal{Jaar: 2024, K: 4}
	basisKwartaal   = kansrijk.Kwartaal{Jaar: 2025, K: 1}
	laatsteKwartaal = kansrijk.Kwartaal{Jaar: 2026, K: 3}
)

const (
	aantalKwartalen = 8 // in the window
	trendKwartalen  = 7 // in a reeks: 2025-K1 up to and including 2026-K3
)

// kwartalen returns the quarters of the window.
func kwartalen() []kansrijk.Kwartaal { return kansrijk.Between(eersteKwartaal, laatsteKwartaal) }

// plek is q's position in the window (0 = 2024-K4).
func plek(q kansrijk.Kwartaal) int { return q.Index() - eersteKwartaal.Index() }

// inVenster reports whether q is in the window.
func inVenster(q kansrijk.Kwartaal) bool { return plek(q) >= 0 && plek(q) < aantalKwartalen }

// kwartaalIndex is q's position from the baseline (0 = 2025-K1, -1 =
// 2024-K4); trends and the quirks of particular exports are keyed on it.
// It is outside 0..6 for quarters before or after 2025-K1..2026-K3.
func kwartaalIndex(q kansrijk.Kwartaal) int { return q.Index() - basisKwartaal.Index() }

// reeks holds a value per quarter from 2025-K1 to 2026-K3; it is how trends
// are planted.
type reeks [trendKwartalen]float64

// vlak is a series without a trend.
func vlak(v float64) reeks {
	var s reeks
	for i := range s {
		s[i] = v
	}
	return s
}

// lijn runs linearly from a in 2025-K1 to b in 2026-K3.
func lijn(a, b float64) reeks {
	var s reeks
	for i := range s {
		s[i] = a + (b-a)*float64(i)/float64(trendKwartalen-1)
	}
	return s
}

// op returns the value for quarter index qi; quarters outside 2025-K1..2026-K3
// take the nearest value. Clients with a first visit before 2025 turn up in
// the 2025 exports, so extrapolating instead would change those.
func (s reeks) op(qi int) float64 { return s[min(max(qi, 0), trendKwartalen-1)] }

// profiel holds what a gemeente's figures tend to be; the generators draw
// records around it.
type profiel struct {
	vroeg      reeks   // KS01: share with eerste controle before 10+0 weeks
	roken      reeks   // KS04: share smoking, of those with a known status
	gestopt    float64 // share that stopped smoking
	kwetsbaar  float64 // KS05: share with kwetsbaarheid gesignaleerd
	verwezen   reeks   // KS06: share referred, of those signalled
	vroeggeb   float64 // KS02: share born before 37+0 weeks
	jgzAanmeld float64 // prenatal JGZ registrations per birth
	huisbezoek reeks   // KS07: prenatal home visits per registration
	geleverd   reeks   // KS08: delivered share of indicated kraamzorg hours
	wijkteam   float64 // wijkteam registrations per quarter
	snel       reeks   // KS09: Financiële zorgen helped within 28 days
}

// gemeente is a fictitious municipality with its size and profile.
type gemeente struct {
	naam      string
	code      string // two letters for dossier numbers
	postcode  int    // first of its four-digit postcodes
	postcodes int    // number of postcodes
	geboorten int    // births per year
	p         profiel
}

// rol is a coalitie's part in a block of four; each block repeats the
// reference example's mix of sizes.
type rol int

const (
	rolGroot  rol = iota // like Havenstad
	rolMiddel            // like Lindehoven
	rolKlein             // like Dijkwaard
	rolRegio             // like Vechtmonde: two gemeenten
)

// persona is a persona's first name and doelgroep, as used in story logs.
type persona struct {
	naam      string
	doelgroep string
}

type coalitie struct {
	naam       string
	code       string // two letters for Verhaal-IDs
	rol        rol
	gemeenten  []*gemeente
	invuller   string   // fills in the procesmonitor
	invoerders []string // enter stories in the log
	personas   []persona
	extra      int // fragments per quarter beyond the script; 0 in block 0
}

// stijl is one of the three export layouts of the reference practices.
type stijl int

const (
	stijlWieg   stijl = iota // title rows, header on row 4, Excel dates
	stijlLinde               // header on row 1, Gemeente column, Toelichting sheet
	stijlRivier              // two title rows, Leeftijd and Pariteit
)

type praktijk struct {
	naam    string // partner name
	bestand string // file-name stem before _<jjjj>-Q<n>
	titel   string // name in the export's title row
	maker   string // document author
	stijl   stijl
	// gemeenten the practice serves; clients from buiten live outside the
	// region and make up buitenAandeel of the practice.
	gemeenten     []*gemeente
	buiten        *gemeente
	buitenAandeel float64
}

// blok is one copy of the reference example: four coalities, five
// gemeenten, three practices, one JGZ and one kraamzorg organisation.
// Block 0 is the reference example itself.
type blok struct {
	nr         int
	jgzNaam    string
	jgzBestand string
	kzNaam     string
	kzBestand  string
	gemeenten  [5]*gemeente // groot, middel, klein, regio 1, regio 2
	buiten     *gemeente    // outside every coalitie (Zuiderveen)
	coalities  [4]*coalitie
	praktijken [3]*praktijk
}

// Profiles of the reference gemeenten; generated blocks reuse them by
// position so every block tells the same story.
var (
	profielGroot = profiel{ // Havenstad: KS01 and KS07 improve, KS09 slips
		vroeg: lijn(0.62, 0.76), roken: lijn(0.095, 0.07), gestopt: 0.09,
		kwetsbaar: 0.30, verwezen: vlak(0.72), vroeggeb: 0.075,
		jgzAanmeld: 0.155, huisbezoek: lijn(0.48, 0.68), geleverd: vlak(0.925),
		wijkteam: 125, snel: reeks{0.78, 0.77, 0.76, 0.72, 0.63, 0.57, 0.53},
	}
	profielMiddel = profiel{ // Lindehoven: stable
		vroeg: vlak(0.71), roken: vlak(0.06), gestopt: 0.08,
		kwetsbaar: 0.22, verwezen: vlak(0.70), vroeggeb: 0.065,
		jgzAanmeld: 0.12, huisbezoek: vlak(0.58), geleverd: vlak(0.95),
		wijkteam: 40, snel: vlak(0.70),
	}
	profielKlein = profiel{ // Dijkwaard: small cells
		vroeg: vlak(0.68), roken: vlak(0.08), gestopt: 0.10,
		kwetsbaar: 0.20, verwezen: vlak(0.70), vroeggeb: 0.06,
		jgzAanmeld: 0.25, huisbezoek: vlak(0.50), geleverd: vlak(0.97),
		wijkteam: 2, snel: vlak(0.80),
	}
	profielRegio1 = profiel{ // Ommerveld: KS06 improves
		vroeg: vlak(0.66), roken: vlak(0.10), gestopt: 0.09,
		kwetsbaar: 0.30, verwezen: lijn(0.48, 0.82), vroeggeb: 0.07,
		jgzAanmeld: 0.15, huisbezoek: vlak(0.60), geleverd: vlak(0.94),
		wijkteam: 20, snel: vlak(0.68),
	}
	profielRegio2 = profiel{ // Dalwijk: KS06 improves, kraamzorg dips in 2026
		vroeg: vlak(0.64), roken: vlak(0.11), gestopt: 0.08,
		kwetsbaar: 0.31, verwezen: lijn(0.46, 0.80), vroeggeb: 0.07,
		jgzAanmeld: 0.30, huisbezoek: vlak(0.60),
		geleverd: reeks{0.95, 0.96, 0.94, 0.95, 0.89, 0.92, 0.85},
		wijkteam: 10, snel: vlak(0.72),
	}
	profielBuiten = profiel{
		vroeg: vlak(0.70), roken: vlak(0.08), gestopt: 0.09,
		kwetsbaar: 0.22, verwezen: vlak(0.70), vroeggeb: 0.07,
		jgzAanmeld: 0.15, huisbezoek: vlak(0.60), geleverd: vlak(0.93),
	}
)

// Sizes by position: births per year and number of postcodes.
var (
	positieGeboorten = [5]int{1800, 600, 80, 240, 120}
	positieProfiel   = [5]profiel{profielGroot, profielMiddel, profielKlein, profielRegio1, profielRegio2}
	positiePostcodes = [5]int{80, 19, 6, 9, 6}
)

// namenPerBlok is how many generated names a block after the first uses:
// five gemeenten, the regional coalitie, the outside gemeente, the JGZ and
// kraamzorg region and the regional practice.
const namenPerBlok = 9

// maakBlok builds block nr. Block 0 is the reference example; later blocks
// get generated names and otherwise the same make-up.
func maakBlok(nr int) *blok {
	if nr == 0 {
		return referentieBlok()
	}
	naam := func(k int) plaatsnaam { return plaats((nr-1)*namenPerBlok + k) }
	b := &blok{nr: nr}
	for i := range b.gemeenten {
		p := naam(i)
		b.gemeenten[i] = &gemeente{
			naam: p.naam, code: p.code,
			postcode:  1000 + ((nr*5+i)*373)%8800,
			postcodes: positiePostcodes[i],
			geboorten: positieGeboorten[i],
			p:         positieProfiel[i],
		}
	}
	bu := naam(6)
	b.buiten = &gemeente{naam: bu.naam, code: bu.code, postcode: 1000 + (nr*941)%8800, postcodes: 9, geboorten: 240, p: profielBuiten}
	regio := naam(7).naam
	b.jgzNaam, b.jgzBestand = "JGZ Regio "+regio, "JGZ_"+regio+"_kwartaalcijfers"
	b.kzNaam, b.kzBestand = "Kraamzorg "+regio, "Kraamzorg_"+regio+"_rapportage"

	g := b.gemeenten
	rc := naam(5)
	b.coalities = [4]*coalitie{
		{naam: g[0].naam, code: g[0].code, rol: rolGroot, gemeenten: []*gemeente{g[0]}},
		{naam: g[1].naam, code: g[1].code, rol: rolMiddel, gemeenten: []*gemeente{g[1]}},
		{naam: g[2].naam, code: g[2].code, rol: rolKlein, gemeenten: []*gemeente{g[2]}},
		{naam: rc.naam, code: rc.code, rol: rolRegio, gemeenten: []*gemeente{g[3], g[4]}},
	}
	for _, c := range b.coalities {
		r := bron("mensen", c.naam)
		c.invuller = persoon(r)
		c.invoerders = []string{c.invuller, persoon(r)}
		c.personas = rolPersonas[c.rol]
		c.extra = extraVerhalen[c.rol]
	}
	rp := naam(8).naam
	b.praktijken = [3]*praktijk{
		{naam: "Verloskundigenpraktijk " + g[0].naam, bestand: "Verloskundigenpraktijk_" + g[0].naam,
			titel: "Praktijk " + g[0].naam, maker: "VerloSoft rapportagemodule", stijl: stijlWieg,
			gemeenten: []*gemeente{g[0]}, buiten: b.buiten, buitenAandeel: 0.011},
		{naam: "Verloskundigen " + g[1].naam, bestand: "Verloskundigen_" + g[1].naam,
			titel: "Verloskundigen " + g[1].naam, maker: "Praktijkmanager", stijl: stijlLinde,
			gemeenten: []*gemeente{g[1]}, buiten: b.buiten, buitenAandeel: 0.013},
		{naam: "Verloskundige Praktijk " + rp, bestand: "Verloskundige_Praktijk_" + rp,
			titel: "Verloskundige Praktijk " + rp, maker: rp, stijl: stijlRivier,
			gemeenten: []*gemeente{g[2], g[3], g[4]}, buiten: b.buiten, buitenAandeel: 0.023},
	}
	return b
}

// rolPersonas are the personas of the reference coalities (Personas.xlsx);
// generated coalities borrow those of their role.
var rolPersonas = [4][]persona{
	rolGroot:  {{"Samira", "statushouder"}, {"Kim", "tienermoeder"}, {"Jessica", "ouders met schulden"}},
	rolMiddel: {{"Fenna", "eenoudergezin"}, {"Dewi", "verslavingsproblematiek"}},
	rolKlein:  {{"Marloes", "eenoudergezin"}},
	rolRegio:  {{"Agnieszka", "arbeidsmigrant"}, {"Nadia", "ouders met schulden"}},
}

// referentieBlok is the example of the domain reference: Havenstad,
// Lindehoven, Dijkwaard and Vechtmonde (Ommerveld and Dalwijk).
func referentieBlok() *blok {
	mk := func(i int, naam, code string, postcode int) *gemeente {
		return &gemeente{naam: naam, code: code, postcode: postcode, postcodes: positiePostcodes[i],
			geboorten: positieGeboorten[i], p: positieProfiel[i]}
	}
	g := [5]*gemeente{
		mk(0, "Havenstad", "HS", 3010),
		mk(1, "Lindehoven", "LH", 3811),
		mk(2, "Dijkwaard", "DW", 4251),
		mk(3, "Ommerveld", "OV", 7701),
		mk(4, "Dalwijk", "DL", 7711),
	}
	buiten := &gemeente{naam: "Zuiderveen", code: "ZV", postcode: 7941, postcodes: 9, geboorten: 240, p: profielBuiten}
	return &blok{
		nr:         0,
		jgzNaam:    "JGZ Regio Noord",
		jgzBestand: "JGZ_regio_kwartaalcijfers",
		kzNaam:     "Kraamzorg Noord",
		kzBestand:  "Kraamzorg_Noord_rapportage",
		gemeenten:  g,
		buiten:     buiten,
		coalities: [4]*coalitie{
			{naam: "Havenstad", code: "HS", rol: rolGroot, gemeenten: []*gemeente{g[0]},
				invuller: "M. de Vries", invoerders: []string{"S. Öztürk", "M. de Vries", "J. Bakker"}, personas: rolPersonas[rolGroot]},
			{naam: "Lindehoven", code: "LH", rol: rolMiddel, gemeenten: []*gemeente{g[1]},
				invuller: "R. Jansen", invoerders: []string{"A. El Idrissi", "R. Jansen"}, personas: rolPersonas[rolMiddel]},
			{naam: "Dijkwaard", code: "DW", rol: rolKlein, gemeenten: []*gemeente{g[2]},
				invuller: "K. Smit", invoerders: []string{"K. Smit"}, personas: rolPersonas[rolKlein]},
			{naam: "Vechtmonde", code: "VM", rol: rolRegio, gemeenten: []*gemeente{g[3], g[4]},
				invuller: "P. Meijer", invoerders: []string{"P. Meijer", "L. Hoekstra"}, personas: rolPersonas[rolRegio]},
		},
		praktijken: [3]*praktijk{
			{naam: "Verloskundigenpraktijk De Wieg", bestand: "Verloskundigenpraktijk_DeWieg",
				titel: "Praktijk De Wieg", maker: "VerloSoft rapportagemodule", stijl: stijlWieg,
				gemeenten: []*gemeente{g[0]}, buiten: buiten, buitenAandeel: 0.011},
			{naam: "Verloskundigen Lindehoven", bestand: "Verloskundigen_Lindehoven",
				titel: "Verloskundigen Lindehoven", maker: "Praktijkmanager", stijl: stijlLinde,
				gemeenten: []*gemeente{g[1]}, buiten: buiten, buitenAandeel: 0.013},
			{naam: "Verloskundige Praktijk Rivierland", bestand: "Verloskundige_Praktijk_Rivierland",
				titel: "Verloskundige Praktijk Rivierland", maker: "Rivierland", stijl: stijlRivier,
				gemeenten: []*gemeente{g[2], g[3], g[4]}, buiten: buiten, buitenAandeel: 0.023},
		},
	}
}

// Config returns the example configuration for schaal (1 = the four
// coalities of the domain reference, equal to testdata/voorbeeld/kansrijk.toml;
// N repeats that make-up N times under generated names, for benchmarks).
// A schaal below 1 counts as 1.
func Config(schaal int) kansrijk.Config {
	cfg := kansrijk.Config{
		Regio:       "Regio Noord (fictief)",
		Indicatoren: kansrijk.DefaultIndicatoren(),
		Profielen:   workspace.StandaardProfielen(),
	}
	for nr := range max(schaal, 1) {
		b := maakBlok(nr)
		cfg.Coalities = append(cfg.Coalities, b.coalitieConfig()...)
		cfg.Partners = append(cfg.Partners, b.partners()...)
	}
	// The procesmonitor and story partners serve every coalitie (the
	// coalitie is named inside their files); codebook and personas are
	// regional.
	cfg.Partners = append(cfg.Partners,
		kansrijk.Partner{Naam: "Procesmonitor", Bron: kansrijk.BronProcesmonitor, Bestanden: []string{"Procesmonitor_*"}},
		kansrijk.Partner{Naam: "Ouderverhalen", Bron: kansrijk.BronOuderverhalen, Bestanden: []string{"Ouderverhalen_*.xlsx"}},
		kansrijk.Partner{Naam: "QualCoder-projecten", Bron: kansrijk.BronQDA, Bestanden: []string{"*.qdpx"}},
		kansrijk.Partner{Naam: "Codeboek", Bron: kansrijk.BronCodeboek, Bestanden: []string{"Codeboek*.xlsx"}},
		kansrijk.Partner{Naam: "Persona's", Bron: kansrijk.BronPersonas, Bestanden: []string{"Personas*.xlsx"}},
	)
	return cfg
}

func (b *blok) coalitieConfig() []kansrijk.Coalitie {
	var cs []kansrijk.Coalitie
	for _, c := range b.coalities {
		cs = append(cs, kansrijk.Coalitie{Naam: c.naam, Gemeenten: gemeenteNamen(c.gemeenten)})
	}
	return cs
}

// partners lists the block's partners in the order of kansrijk.toml.
func (b *blok) partners() []kansrijk.Partner {
	var ps []kansrijk.Partner
	for _, p := range b.praktijken {
		ps = append(ps, kansrijk.Partner{Naam: p.naam, Bron: kansrijk.BronVerloskunde,
			Bestanden: []string{p.bestand + "_*"}, Gemeenten: gemeenteNamen(p.gemeenten)})
	}
	alle := gemeenteNamen(b.gemeenten[:])
	ps = append(ps,
		kansrijk.Partner{Naam: b.jgzNaam, Bron: kansrijk.BronJGZ, Bestanden: []string{b.jgzBestand + "_*"}, Gemeenten: alle},
		kansrijk.Partner{Naam: b.kzNaam, Bron: kansrijk.BronKraamzorg, Bestanden: []string{b.kzBestand + "_*"}, Gemeenten: alle},
	)
	for _, g := range b.gemeenten {
		ps = append(ps, kansrijk.Partner{Naam: "Sociaal wijkteam " + g.naam, Bron: kansrijk.BronWijkteam,
			Bestanden: []string{wijkteamStam(g) + "_*"}, Gemeenten: []string{g.naam}})
	}
	return ps
}

func wijkteamStam(g *gemeente) string { return "wijkteam_" + strings.ToLower(g.naam) }

func gemeenteNamen(gs []*gemeente) []string {
	ns := make([]string, len(gs))
	for i, g := range gs {
		ns[i] = g.naam
	}
	return ns
}
