// Package workspace is a kansrijk werkmap on disk: its configuration
// (kansrijk.toml), the inbox where partner files arrive, the reports
// folder and the store.
package workspace

import (
	_ "embed"
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"

	"kansrijk"
)

// ConfigNaam is the configuration file of a werkmap.
const ConfigNaam = "kansrijk.toml"

// Werkmap is an opened workspace.
type Werkmap struct {
	Dir    string
	Config kansrijk.Config
}

func (w *Werkmap) Inbox() string     { return filepath.Join(w.Dir, "inbox") }
func (w *Werkmap) Rapporten() string { return filepath.Join(w.Dir, "rapporten") }
func (w *Werkmap) Database() string  { return filepath.Join(w.Dir, "kansrijk.duckdb") }

// Terugmeldingen is where feedback workbooks for partners are written.
func (w *Werkmap) Terugmeldingen() string { return filepath.Join(w.Dir, "terugmeldingen") }

//go:embed nieuw.toml
var nieuwConfig []byte

// Init creates a new werkmap in dir with the given configuration (nil:
// the commented starting configuration). It refuses to overwrite an
// existing configuration.
func Init(dir string, config []byte) (*Werkmap, error) {
	if config == nil {
		config = nieuwConfig
	}
	cfgPath := filepath.Join(dir, ConfigNaam)
	if _, err := os.Stat(cfgPath); err == nil {
		return nil, fmt.Errorf("%s bestaat al; kies een lege map of verwijder dat bestand eerst", cfgPath)
	}
	cfg, err := Parse(config, cfgPath)
	if err != nil {
		return nil, err
	}
	w := &Werkmap{Dir: dir, Config: cfg}
	for _, d := range []string{dir, w.Inbox(), w.Rapporten()} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("map %s aanmaken: %w", d, err)
		}
	}
	if err := os.WriteFile(cfgPath, config, 0o644); err != nil {
		return nil, fmt.Errorf("%s schrijven: %w", cfgPath, err)
	}
	return w, nil
}

// Open opens the werkmap in dir.
func Open(dir string) (*Werkmap, error) {
	cfgPath := filepath.Join(dir, ConfigNaam)
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s is geen werkmap van kansrijk (%s ontbreekt); maak er een met 'kansrijk init %s'", dir, ConfigNaam, dir)
		}
		return nil, fmt.Errorf("%s lezen: %w", cfgPath, err)
	}
	cfg, err := Parse(data, cfgPath)
	if err != nil {
		return nil, err
	}
	return &Werkmap{Dir: dir, Config: cfg}, nil
}

// Parse reads and checks a configuration; name is used in messages.
// Every error is a *Fout naming the line and key of the problem.
func Parse(data []byte, name string) (cfg kansrijk.Config, err error) {
	defer func() {
		// The toml package panics on what it considers its own bug; a
		// user's file must still end in a message.
		if r := recover(); r != nil {
			cfg, err = kansrijk.Config{}, &Fout{Bestand: name, Tekst: "dit bestand kan kansrijk niet lezen als TOML; vergelijk het met de uitleg bovenin een nieuw kansrijk.toml (kansrijk init)"}
		}
	}()
	md, derr := toml.Decode(string(data), &cfg)
	if derr != nil {
		return cfg, tomlFout(derr, name, string(data), zoekPlekken(string(data)))
	}
	c := &controle{naam: name, plek: zoekPlekken(string(data))}
	if und := md.Undecoded(); len(und) > 0 {
		return cfg, c.fout(c.plek.regelVanSleutel(und[0]), und[0][len(und[0])-1],
			"onbekende instelling %q; controleer de spelling", und[0].String())
	}
	if len(cfg.Indicatoren) == 0 {
		cfg.Indicatoren = kansrijk.DefaultIndicatoren()
		c.standaardIndicatoren = true
	}
	return cfg, c.check(&cfg)
}

var bronnen = map[kansrijk.Bron]bool{
	kansrijk.BronVerloskunde: true, kansrijk.BronJGZ: true, kansrijk.BronKraamzorg: true,
	kansrijk.BronWijkteam: true, kansrijk.BronProcesmonitor: true, kansrijk.BronOuderverhalen: true,
	kansrijk.BronCodeboek: true, kansrijk.BronPersonas: true, kansrijk.BronQDA: true,
}

// controle checks a decoded configuration and says where in the file a
// problem is.
type controle struct {
	naam string
	plek plekken
	// standaardIndicatoren: the file has no [[indicator]]; KS01–KS10
	// apply and have no line.
	standaardIndicatoren bool
}

func (c *controle) fout(regel int, sleutel, format string, a ...any) *Fout {
	return &Fout{Bestand: c.naam, Regel: regel, Sleutel: sleutel, Tekst: fmt.Sprintf(format, a...)}
}

func (c *controle) check(cfg *kansrijk.Config) error {
	if len(cfg.Coalities) == 0 {
		return c.fout(0, "[[coalitie]]", "er staat geen enkele [[coalitie]] in")
	}
	if err := c.coalities(cfg); err != nil {
		return err
	}
	if err := c.partners(cfg); err != nil {
		return err
	}
	if err := c.patronen(cfg); err != nil {
		return err
	}
	return c.indicatoren(cfg)
}

func (c *controle) coalities(cfg *kansrijk.Config) error {
	gemeenten := map[string]string{}
	coalities := map[string]int{}
	for i, co := range cfg.Coalities {
		if strings.TrimSpace(co.Naam) == "" {
			return c.fout(c.plek.regelVan("coalitie", i), "naam", "een [[coalitie]] heeft geen naam")
		}
		if j, dup := coalities[kansrijk.NormGemeente(co.Naam)]; dup {
			return c.fout(c.plek.regelVan("coalitie", i, "naam"), "naam", "coalitie %q staat er twee keer in (ook op regel %d)",
				co.Naam, c.plek.regelVan("coalitie", j, "naam"))
		}
		coalities[kansrijk.NormGemeente(co.Naam)] = i
		if len(co.Gemeenten) == 0 {
			return c.fout(c.plek.regelVan("coalitie", i, "gemeenten"), "gemeenten", "coalitie %q heeft geen gemeenten", co.Naam)
		}
		for j, g := range co.Gemeenten {
			if strings.TrimSpace(g) == "" {
				return c.fout(c.plek.regelVan("coalitie", i, "gemeenten", j), "gemeenten", "coalitie %q heeft een lege gemeentenaam", co.Naam)
			}
			if prev, dup := gemeenten[kansrijk.NormGemeente(g)]; dup {
				return c.fout(c.plek.regelVan("coalitie", i, "gemeenten", j), "gemeenten", "gemeente %q hoort bij twee coalities (%s en %s)", g, prev, co.Naam)
			}
			gemeenten[kansrijk.NormGemeente(g)] = co.Naam
		}
	}
	return c.bestandsnamen(cfg)
}

// bestandsnamen refuses coalities whose report files would get the same
// name (ignoring case, as Windows and macOS do): one would overwrite the
// other. "Noord/Oost" and "Noord Oost" both become Noord_Oost; a
// coalitie "X ouders" would take the page for parents of coalitie X, and
// one named "overzicht" the overview of all coalities.
func (c *controle) bestandsnamen(cfg *kansrijk.Config) error {
	q := kansrijk.Kwartaal{Jaar: 2026, K: 3} // the kwartaal is in every name alike
	type bezit struct {
		i   int // coalitie, -1 for the overview
		wat string
	}
	namen := map[string]bezit{strings.ToLower(kansrijk.OverzichtNaam(q)): {-1, "het overzicht van alle coalities"}}
	for i, co := range cfg.Coalities {
		for _, n := range []struct{ naam, wat string }{
			{kansrijk.RapportNaam(co, q), "het rapport"},
			{kansrijk.OudersNaam(co, q), "de pagina voor ouders"},
		} {
			k := strings.ToLower(n.naam)
			prev, dup := namen[k]
			if !dup {
				namen[k] = bezit{i, n.wat}
				continue
			}
			regel := c.plek.regelVan("coalitie", i, "naam")
			if prev.i < 0 {
				return c.fout(regel, "naam", "coalitie %q krijgt %s met dezelfde bestandsnaam als %s (%s.pdf); kies een andere naam voor de coalitie",
					co.Naam, n.wat, prev.wat, n.naam)
			}
			wat := "hun rapporten"
			if prev.wat != n.wat {
				wat = fmt.Sprintf("%s van de een en %s van de ander", prev.wat, n.wat)
			}
			return c.fout(regel, "naam", "coalities %q (regel %d) en %q krijgen dezelfde bestandsnaam voor %s (%s.pdf), zodat het ene bestand het andere zou overschrijven; geef een van beide een andere naam",
				cfg.Coalities[prev.i].Naam, c.plek.regelVan("coalitie", prev.i, "naam"), co.Naam, wat, n.naam)
		}
	}
	return nil
}

func (c *controle) partners(cfg *kansrijk.Config) error {
	gemeenten := map[string]bool{}
	for _, co := range cfg.Coalities {
		for _, g := range co.Gemeenten {
			gemeenten[kansrijk.NormGemeente(g)] = true
		}
	}
	for i, p := range cfg.Partners {
		if strings.TrimSpace(p.Naam) == "" {
			return c.fout(c.plek.regelVan("partner", i), "naam", "een [[partner]] heeft geen naam")
		}
		if !bronnen[p.Bron] {
			return c.fout(c.plek.regelVan("partner", i, "bron"), "bron", "partner %q heeft onbekende bron %q; kies uit verloskunde, jgz, kraamzorg, wijkteam, procesmonitor, ouderverhalen, codeboek, personas, refiqda", p.Naam, p.Bron)
		}
		for j, pat := range p.Bestanden {
			regel := c.plek.regelVan("partner", i, "bestanden", j)
			if len(pat) > maxPatroon {
				return c.fout(regel, "bestanden", "partner %q: patroon is langer dan %d tekens", p.Naam, maxPatroon)
			}
			if _, err := path.Match(pat, ""); err != nil {
				return c.fout(regel, "bestanden", "partner %q: patroon %q is ongeldig; gebruik * voor een willekeurig stuk van de naam, ? voor één teken en [abc] voor één van die tekens", p.Naam, pat)
			}
		}
		for j, g := range p.Gemeenten {
			if !gemeenten[kansrijk.NormGemeente(g)] {
				return c.fout(c.plek.regelVan("partner", i, "gemeenten", j), "gemeenten", "partner %q noemt gemeente %q, die bij geen enkele coalitie hoort", p.Naam, g)
			}
		}
	}
	return nil
}

// patronen refuses file patterns of different partners that can match
// one file name: the first partner in the file would take the other's
// files without a word (a "*" would take every file).
func (c *controle) patronen(cfg *kansrijk.Config) error {
	type patroon struct {
		partner, nr  int
		tekst        string
		voor, achter string // literal start and end, lower case, to skip most pairs cheaply
	}
	var ps []patroon
	for i, p := range cfg.Partners {
		for j, pat := range p.Bestanden {
			l := strings.ToLower(pat)
			ps = append(ps, patroon{i, j, pat, letterlijkBegin(l), letterlijkEind(l)})
		}
	}
	for a := range ps {
		for b := a + 1; b < len(ps); b++ {
			x, y := ps[a], ps[b]
			px, py := cfg.Partners[x.partner], cfg.Partners[y.partner]
			if x.partner == y.partner || px.Naam == py.Naam || (px.Bron == kansrijk.BronQDA) != (py.Bron == kansrijk.BronQDA) {
				continue // no dispute: one partner, or files of different kinds (see Bron.Leest)
			}
			if !verenigbaar(x.voor, y.voor, strings.HasPrefix) || !verenigbaar(x.achter, y.achter, strings.HasSuffix) {
				continue
			}
			naam, ok, err := Overlap(x.tekst, y.tekst)
			if err != nil || !ok {
				continue
			}
			bv := ""
			if naam != "" {
				bv = fmt.Sprintf(", bijvoorbeeld %q", naam)
			}
			return c.fout(c.plek.regelVan("partner", y.partner, "bestanden", y.nr), "bestanden",
				"patroon %q van partner %q en patroon %q van partner %q (regel %d) passen allebei bij dezelfde bestandsnamen%s; "+
					"dan is niet te zeggen van wie een bestand is. Maak de patronen zo dat elk bestand bij één partner past",
				y.tekst, py.Naam, x.tekst, px.Naam,
				c.plek.regelVan("partner", x.partner, "bestanden", x.nr), bv)
		}
	}
	return nil
}

// letterlijkBegin is the start of a (lower-case) pattern up to its first
// special character; letterlijkEind the end after its last one.
func letterlijkBegin(pat string) string {
	if i := strings.IndexAny(pat, `*?[\`); i >= 0 {
		return pat[:i]
	}
	return pat
}

func letterlijkEind(pat string) string {
	if i := strings.LastIndexAny(pat, `*?]\`); i >= 0 {
		return pat[i+1:]
	}
	return pat
}

// verenigbaar reports whether two literal starts (or ends) can belong to
// one name: one must extend the other.
func verenigbaar(a, b string, heeft func(s, deel string) bool) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	return heeft(a, b)
}

func (c *controle) indicatoren(cfg *kansrijk.Config) error {
	regel := func(i int, key string) int {
		if c.standaardIndicatoren {
			return 0
		}
		return c.plek.regelVan("indicator", i, key)
	}
	codes := map[string]int{}
	for i, in := range cfg.Indicatoren {
		if strings.TrimSpace(in.Code) == "" {
			return c.fout(regel(i, ""), "code", "een [[indicator]] heeft geen code")
		}
		if j, dup := codes[in.Code]; dup {
			return c.fout(regel(i, "code"), "code", "indicator %s staat er twee keer in (ook op regel %d)", in.Code, regel(j, "code"))
		}
		codes[in.Code] = i
		if in.Beter != "" && in.Beter != "hoger" && in.Beter != "lager" {
			return c.fout(regel(i, "beter"), "beter", "indicator %s: beter = %q; kies \"hoger\", \"lager\" of laat leeg", in.Code, in.Beter)
		}
		if in.Baseline != "" {
			q, err := kansrijk.ParseKwartaal(in.Baseline)
			if err == nil && q.Index() < kansrijk.EersteKwartaal.Index() {
				err = fmt.Errorf("kwartaal %s is niet aannemelijk: kansrijk neemt gegevens aan vanaf %s", q, kansrijk.EersteKwartaal)
			}
			if err != nil {
				return c.fout(regel(i, "baseline"), "baseline", "indicator %s: baseline: %v", in.Code, err)
			}
		}
		switch w := in.Streefwaarde; {
		case math.IsNaN(w) || math.IsInf(w, 0):
			return c.fout(regel(i, "streefwaarde"), "streefwaarde", "indicator %s: streefwaarde %v is geen getal; schrijf een fractie tussen 0 en 1 (0.75 = 75%%) of laat hem weg", in.Code, w)
		case w < 0 || w > 1:
			return c.fout(regel(i, "streefwaarde"), "streefwaarde", "indicator %s: streefwaarde %v moet een fractie tussen 0 en 1 zijn (0.75 = 75%%)", in.Code, w)
		}
	}
	return nil
}

// StandaardProfielen are the bronprofielen that a new werkmap starts
// with: they read every export layout kansrijk knows. They are taken from
// the starting configuration, so the file a user edits and the defaults
// can never disagree.
func StandaardProfielen() []kansrijk.Profiel {
	var cfg kansrijk.Config
	if _, err := toml.Decode(string(nieuwConfig), &cfg); err != nil {
		panic("workspace: nieuw.toml is invalid: " + err.Error()) // a build defect, caught by tests
	}
	return cfg.Profielen
}
