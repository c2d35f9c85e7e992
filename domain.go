package kansrijk

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Config is a workspace's configuration (kansrijk.toml).
type Config struct {
	Regio       string      `toml:"regio"`
	Coalities   []Coalitie  `toml:"coalitie"`
	Partners    []Partner   `toml:"partner"`
	Profielen   []Profiel   `toml:"profiel"`
	Indicatoren []Indicator `toml:"indicator"`
}

// Coalitie is a local Kansrijke Start coalition covering one or more gemeenten.
type Coalitie struct {
	Naam      string   `toml:"naam"`
	Gemeenten []string `toml:"gemeenten"`
}

// Bron names the kind of data a partner delivers; it selects the reader.
type Bron string

const (
	BronVerloskunde   Bron = "verloskunde"   // record-level, one row per client
	BronJGZ           Bron = "jgz"           // aggregated, quarters as columns
	BronKraamzorg     Bron = "kraamzorg"     // aggregated, quarters as rows
	BronWijkteam      Bron = "wijkteam"      // record-level CSV
	BronProcesmonitor Bron = "procesmonitor" // one per coalitie per quarter
	BronOuderverhalen Bron = "ouderverhalen" // coded story log
	BronCodeboek      Bron = "codeboek"      // regional codebook
	BronPersonas      Bron = "personas"      // persona descriptions
	BronQDA           Bron = "refiqda"       // REFI-QDA project (.qdpx): codings to cross-check the story logs
)

// Leest reports whether a partner of bron b can deliver a file of this
// name: a REFI-QDA project (.qdpx or .qde) only for bron refiqda, any
// other file only for the bronnen read as spreadsheets. A file is matched
// to a partner by its kind before its pattern, so "*.qdpx" of one partner
// and "Praktijk_*" of another never dispute a file.
func (b Bron) Leest(naam string) bool {
	ext := strings.ToLower(path.Ext(naam))
	return (ext == ".qdpx" || ext == ".qde") == (b == BronQDA)
}

// Partner is an organisation that delivers files. Bestanden are file-name
// patterns (path.Match syntax, case-insensitive) that recognise its files.
type Partner struct {
	Naam      string   `toml:"naam"`
	Bron      Bron     `toml:"bron"`
	Bestanden []string `toml:"bestanden"`
	Gemeenten []string `toml:"gemeenten"`
	// Profiel names the bronprofiel that describes the partner's export;
	// empty means the profiel named after the bron, if there is one.
	Profiel string `toml:"profiel,omitempty"`
}

// Profiel (bronprofiel) describes declaratively how a partner's export
// maps to the data model, so a new export layout needs a configuration
// change, not a code change.
type Profiel struct {
	Naam string `toml:"naam"`
	Bron Bron   `toml:"bron"`
	// Blad is the sheet to read; empty means the first sheet with a
	// recognisable header row (title rows above it are skipped).
	Blad string `toml:"blad,omitempty"`
	// Kolommen maps each field of the data model to the header texts
	// partners use for it (compared without case, accents or units in
	// parentheses). A field not listed keeps kansrijk's built-in names.
	Kolommen map[string][]string `toml:"kolommen,omitempty"`
	// Waarden are the spellings that mean ja, nee and onbekend.
	Ja       []string `toml:"ja,omitempty"`
	Nee      []string `toml:"nee,omitempty"`
	Onbekend []string `toml:"onbekend,omitempty"`
	// Gewicht is the unit of birth weights: "g" (default) or "kg".
	Gewicht string `toml:"gewicht,omitempty"`
}

// Indicator is one figure of the monitoring, as defined in the domain
// reference. Streefwaarde is a fraction (0.75 = 75%); 0 means none.
type Indicator struct {
	Code         string  `toml:"code"`
	Naam         string  `toml:"naam"`
	Teller       string  `toml:"teller"` // what is counted, in words, for reports
	Noemer       string  `toml:"noemer"`
	Bron         Bron    `toml:"bron"`
	Beter        string  `toml:"beter"` // "hoger", "lager" or "" (context)
	Streefwaarde float64 `toml:"streefwaarde"`
	// Baseline is the kwartaal progress is measured from, e.g. 2025-K1.
	Baseline string `toml:"baseline"`
}

// Coalitie returns the coalitie with the given name (case-insensitive).
func (c *Config) Coalitie(naam string) (Coalitie, bool) {
	for _, co := range c.Coalities {
		if normGelijk(co.Naam, naam) {
			return co, true
		}
	}
	return Coalitie{}, false
}

// ProfielVoor returns the bronprofiel that applies to a partner.
func (c *Config) ProfielVoor(p Partner) (Profiel, bool) {
	naam := p.Profiel
	if naam == "" {
		naam = string(p.Bron)
	}
	for _, pr := range c.Profielen {
		if strings.EqualFold(pr.Naam, naam) {
			return pr, true
		}
	}
	return Profiel{}, false
}

// Indicator returns the indicator with the given code.
func (c *Config) Indicator(code string) (Indicator, bool) {
	for _, in := range c.Indicatoren {
		if strings.EqualFold(in.Code, code) {
			return in, true
		}
	}
	return Indicator{}, false
}

// Gemeente returns the configured spelling of a gemeente and its coalitie,
// matching case-insensitively after trimming any white space (also
// non-breaking spaces). ok is false for gemeenten outside every coalitie.
//
// Import and eval call it for every row and figure, so it compares
// without building the normalised names (see normGelijk).
func (c *Config) Gemeente(s string) (gemeente, coalitie string, ok bool) {
	if leeg(s) {
		return "", "", false
	}
	for _, co := range c.Coalities {
		for _, g := range co.Gemeenten {
			if normGelijk(g, s) {
				return g, co.Naam, true
			}
		}
	}
	return "", "", false
}

// Plaatsen remembers Config.Gemeente per spelling, for callers that look
// up the same few spellings for many rows (a partner's file, the store):
// each lookup walks every gemeente of every coalitie. Not safe for
// concurrent use.
type Plaatsen struct {
	cfg    *Config
	gezien map[string]Plaats
}

// Plaats is where a configuration places a gemeente name: its configured
// spelling and coalitie; OK is false for gemeenten outside every coalitie.
type Plaats struct {
	Gemeente, Coalitie string
	OK                 bool
}

// NieuwePlaatsen returns an empty memory of cfg's gemeenten.
func NieuwePlaatsen(cfg *Config) *Plaatsen {
	return &Plaatsen{cfg: cfg, gezien: map[string]Plaats{}}
}

// Van is cfg.Gemeente(s), remembered.
func (p *Plaatsen) Van(s string) Plaats {
	pl, ok := p.gezien[s]
	if !ok {
		pl.Gemeente, pl.Coalitie, pl.OK = p.cfg.Gemeente(s)
		p.gezien[s] = pl
	}
	return pl
}

// NormGemeente folds a name for matching: trimmed, inner white space
// collapsed, lower case.
func NormGemeente(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " "))
}

// normGelijk reports whether NormGemeente(a) == NormGemeente(b) without
// allocating: it walks both names rune by rune as NormGemeente would
// write them.
func normGelijk(a, b string) bool {
	x, y := normLezer{s: a}, normLezer{s: b}
	for {
		ra, oka := x.volgende()
		rb, okb := y.volgende()
		if ra != rb || oka != okb {
			return false
		}
		if !oka {
			return true
		}
	}
}

// leeg reports whether NormGemeente(s) is "".
func leeg(s string) bool {
	l := normLezer{s: s}
	_, ok := l.volgende()
	return !ok
}

// normLezer yields the runes of NormGemeente(s) one at a time. Invalid
// UTF-8 reads as utf8.RuneError, as strings.ToLower writes it.
type normLezer struct {
	s        string
	i        int
	begonnen bool // a rune has been yielded
	spatie   bool // white space was skipped since the last rune
}

func (l *normLezer) volgende() (rune, bool) {
	for l.i < len(l.s) {
		r, n := utf8.DecodeRuneInString(l.s[l.i:])
		if unicode.IsSpace(r) {
			l.i += n
			l.spatie = true
			continue
		}
		if l.spatie && l.begonnen {
			l.spatie = false
			return ' ', true // r comes on the next call
		}
		l.spatie, l.begonnen = false, true
		l.i += n
		return unicode.ToLower(r), true
	}
	return 0, false
}

// DefaultIndicatoren are KS01–KS10 of the domain reference.
func DefaultIndicatoren() []Indicator {
	return []Indicator{
		{Code: "KS01", Naam: "Vroege start zwangerschapszorg", Teller: "eerste controle vóór 10 weken zwangerschap", Noemer: "zwangeren met een eerste controle in het kwartaal", Bron: BronVerloskunde, Beter: "hoger", Streefwaarde: 0.75, Baseline: "2025-K1"},
		{Code: "KS02", Naam: "Vroeggeboorte", Teller: "geboren vóór 37 weken", Noemer: "geboorten in het kwartaal", Bron: BronVerloskunde, Beter: "lager", Streefwaarde: 0.07, Baseline: "2025-K1"},
		{Code: "KS03", Naam: "Laag geboortegewicht", Teller: "geboortegewicht onder 2500 gram", Noemer: "geboorten in het kwartaal", Bron: BronVerloskunde, Beter: "lager", Streefwaarde: 0.06, Baseline: "2025-K1"},
		{Code: "KS04", Naam: "Roken tijdens zwangerschap", Teller: "rookt", Noemer: "zwangeren met een eerste controle en bekende rookstatus", Bron: BronVerloskunde, Beter: "lager", Streefwaarde: 0.05, Baseline: "2025-K1"},
		{Code: "KS05", Naam: "Kwetsbaarheid gesignaleerd", Teller: "kwetsbaarheid gesignaleerd", Noemer: "zwangeren met een eerste controle in het kwartaal", Bron: BronVerloskunde, Baseline: "2025-K1"},
		{Code: "KS06", Naam: "Toeleiding na signalering", Teller: "gesignaleerd en doorverwezen", Noemer: "zwangeren bij wie kwetsbaarheid is gesignaleerd", Bron: BronVerloskunde, Beter: "hoger", Streefwaarde: 0.8, Baseline: "2025-K1"},
		{Code: "KS07", Naam: "Bereik prenataal huisbezoek", Teller: "prenatale huisbezoeken", Noemer: "aanmeldingen prenataal bij de JGZ", Bron: BronJGZ, Beter: "hoger", Streefwaarde: 0.6, Baseline: "2025-K1"},
		{Code: "KS08", Naam: "Geleverde kraamzorg", Teller: "geleverde uren kraamzorg", Noemer: "geïndiceerde uren", Bron: BronKraamzorg, Beter: "hoger", Streefwaarde: 0.95, Baseline: "2025-K1"},
		{Code: "KS09", Naam: "Snelle start bestaanszekerheid", Teller: "hulp gestart binnen 28 dagen", Noemer: "aanmeldingen met financiële zorgen", Bron: BronWijkteam, Beter: "hoger", Streefwaarde: 0.8, Baseline: "2025-K1"},
		{Code: "KS10", Naam: "Borging", Teller: "aandachtspunten gerealiseerd of geborgd", Noemer: "10 aandachtspunten", Bron: BronProcesmonitor, Beter: "hoger", Streefwaarde: 0.8, Baseline: "2025-K1"},
	}
}
