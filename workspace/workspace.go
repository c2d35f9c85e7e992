// Package workspace is a kansrijk werkmap on disk: its configuration
// (kansrijk.toml), the inbox where partner files arrive, the reports
// folder and the store.
package workspace

import (
	_ "embed"
	"errors"
	"fmt"
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
func Parse(data []byte, name string) (kansrijk.Config, error) {
	var cfg kansrijk.Config
	md, err := toml.Decode(string(data), &cfg)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return cfg, fmt.Errorf("%s, regel %d: %s", name, pe.Position.Line, pe.Message)
		}
		return cfg, fmt.Errorf("%s: %v", name, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return cfg, fmt.Errorf("%s: onbekende instelling %q; controleer de spelling", name, und[0].String())
	}
	if len(cfg.Indicatoren) == 0 {
		cfg.Indicatoren = kansrijk.DefaultIndicatoren()
	}
	return cfg, check(&cfg, name)
}

var bronnen = map[kansrijk.Bron]bool{
	kansrijk.BronVerloskunde: true, kansrijk.BronJGZ: true, kansrijk.BronKraamzorg: true,
	kansrijk.BronWijkteam: true, kansrijk.BronProcesmonitor: true, kansrijk.BronOuderverhalen: true,
	kansrijk.BronCodeboek: true, kansrijk.BronPersonas: true, kansrijk.BronQDA: true,
}

func check(cfg *kansrijk.Config, name string) error {
	if len(cfg.Coalities) == 0 {
		return fmt.Errorf("%s: er staat geen enkele [[coalitie]] in", name)
	}
	gemeenten := map[string]string{}
	coalities := map[string]bool{}
	for _, c := range cfg.Coalities {
		if strings.TrimSpace(c.Naam) == "" {
			return fmt.Errorf("%s: een [[coalitie]] heeft geen naam", name)
		}
		if coalities[kansrijk.NormGemeente(c.Naam)] {
			return fmt.Errorf("%s: coalitie %q staat er twee keer in", name, c.Naam)
		}
		coalities[kansrijk.NormGemeente(c.Naam)] = true
		if len(c.Gemeenten) == 0 {
			return fmt.Errorf("%s: coalitie %q heeft geen gemeenten", name, c.Naam)
		}
		for _, g := range c.Gemeenten {
			if prev, dup := gemeenten[kansrijk.NormGemeente(g)]; dup {
				return fmt.Errorf("%s: gemeente %q hoort bij twee coalities (%s en %s)", name, g, prev, c.Naam)
			}
			gemeenten[kansrijk.NormGemeente(g)] = c.Naam
		}
	}
	for _, p := range cfg.Partners {
		if !bronnen[p.Bron] {
			return fmt.Errorf("%s: partner %q heeft onbekende bron %q; kies uit verloskunde, jgz, kraamzorg, wijkteam, procesmonitor, ouderverhalen, codeboek, personas, refiqda", name, p.Naam, p.Bron)
		}
		for _, pat := range p.Bestanden {
			if _, err := path.Match(pat, ""); err != nil {
				return fmt.Errorf("%s: partner %q: patroon %q is ongeldig", name, p.Naam, pat)
			}
		}
		for _, g := range p.Gemeenten {
			if _, ok := gemeenten[kansrijk.NormGemeente(g)]; !ok {
				return fmt.Errorf("%s: partner %q noemt gemeente %q, die bij geen enkele coalitie hoort", name, p.Naam, g)
			}
		}
	}
	codes := map[string]bool{}
	for _, in := range cfg.Indicatoren {
		if codes[in.Code] {
			return fmt.Errorf("%s: indicator %s staat er twee keer in", name, in.Code)
		}
		codes[in.Code] = true
		if in.Beter != "" && in.Beter != "hoger" && in.Beter != "lager" {
			return fmt.Errorf("%s: indicator %s: beter = %q; kies \"hoger\", \"lager\" of laat leeg", name, in.Code, in.Beter)
		}
		if in.Baseline != "" {
			if _, err := kansrijk.ParseKwartaal(in.Baseline); err != nil {
				return fmt.Errorf("%s: indicator %s: baseline: %v", name, in.Code, err)
			}
		}
		if in.Streefwaarde < 0 || in.Streefwaarde > 1 {
			return fmt.Errorf("%s: indicator %s: streefwaarde %v moet een fractie tussen 0 en 1 zijn (0.75 = 75%%)", name, in.Code, in.Streefwaarde)
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
