package reports

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/stories"
)

// Opties control what a report covers.
type Opties struct {
	Kwartaal kansrijk.Kwartaal
	// Kwartalen is the length of the series shown (default 8), ending at
	// Kwartaal; leading kwartalen without any figure are left out.
	Kwartalen int
	// Gemaakt is the date printed on the report and stored in the PDF;
	// fixing it makes reports byte-identical across runs.
	Gemaakt time.Time
}

// Build gathers one coalitie's report from the figures and the stories.
func Build(ctx context.Context, db *store.DB, cfg *kansrijk.Config, co kansrijk.Coalitie, cijfers []eval.Cijfer, opt Opties) (*Rapport, error) {
	n := opt.Kwartalen
	if n <= 0 {
		n = 8
	}
	r := &Rapport{Regio: cfg.Regio, Coalitie: co, Kwartaal: opt.Kwartaal, Gemaakt: opt.Gemaakt}

	type key struct {
		gemeente, ind string
		q             int
	}
	idx := map[key]eval.Cijfer{}
	first := opt.Kwartaal.Index()
	for _, c := range cijfers {
		if c.Coalitie != co.Naam || c.Kwartaal.Index() > opt.Kwartaal.Index() || c.Kwartaal.Index() <= opt.Kwartaal.Index()-n {
			continue
		}
		idx[key{c.Gemeente, c.Indicator, c.Kwartaal.Index()}] = c
		first = min(first, c.Kwartaal.Index())
	}
	r.Kwartalen = kansrijk.Between(kansrijk.FromIndex(first), opt.Kwartaal)

	reeks := func(gemeente, ind string) ([]eval.Cijfer, bool) {
		out := make([]eval.Cijfer, len(r.Kwartalen))
		any := false
		for i, q := range r.Kwartalen {
			c, ok := idx[key{gemeente, ind, q.Index()}]
			if !ok {
				c = eval.Cijfer{Coalitie: co.Naam, Gemeente: gemeente, Kwartaal: q, Indicator: ind}
			}
			any = any || ok
			out[i] = c
		}
		return out, any
	}
	for _, in := range cfg.Indicatoren {
		cs, ok := reeks("", in.Code)
		if !ok {
			continue
		}
		rs := Reeks{Indicator: in, Coalitie: cs}
		if len(co.Gemeenten) > 1 {
			for _, g := range co.Gemeenten {
				gs, _ := reeks(g, in.Code)
				rs.Gemeenten = append(rs.Gemeenten, GemeenteReeks{Gemeente: g, Cijfers: gs})
			}
		}
		r.Indicatoren = append(r.Indicatoren, rs)
	}

	cit, err := stories.Citaten(ctx, db, cfg, stories.Selectie{Coalitie: co.Naam, Kwartaal: opt.Kwartaal, Terug: 3, Max: 3})
	if err != nil {
		return nil, err
	}
	r.Citaten = cit

	ls, err := db.ActieveLeveringen(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if levertAan(cfg, l, co) {
			r.Bronnen = append(r.Bronnen, Bron{Partner: l.Partner, Bestand: l.Bestand, Periode: l.Periode, Ingelezen: l.Ingelezen})
		}
	}
	return r, nil
}

// levertAan reports whether a levering holds data of the coalitie.
func levertAan(cfg *kansrijk.Config, l store.Levering, co kansrijk.Coalitie) bool {
	if l.Bron == kansrijk.BronOuderverhalen {
		for _, c := range strings.Split(l.Periode, ", ") {
			if c == co.Naam {
				return true
			}
		}
		return false
	}
	for _, p := range cfg.Partners {
		if p.Naam != l.Partner {
			continue
		}
		for _, g := range p.Gemeenten {
			if _, c, ok := cfg.Gemeente(g); ok && c == co.Naam {
				return true
			}
		}
	}
	return false
}

// Bestandsnaam is the base name of a coalitie's report files.
func Bestandsnaam(co kansrijk.Coalitie, q kansrijk.Kwartaal) string {
	safe := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		if r == ' ' {
			return '_'
		}
		return r
	}, co.Naam)
	return fmt.Sprintf("Kansrijke_Start_%s_%s", safe, q)
}

// Schrijf writes the PDF and the HTML of r into dir, each via a temporary
// file so a reader never sees half a report.
func Schrijf(dir string, r *Rapport) (pdf, html string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("map %s aanmaken: %w", dir, err)
	}
	base := filepath.Join(dir, Bestandsnaam(r.Coalitie, r.Kwartaal))
	pdf, html = base+".pdf", base+".html"
	if err := writeAtomic(pdf, func(f *os.File) error { return WritePDF(f, r) }); err != nil {
		return "", "", err
	}
	if err := writeAtomic(html, func(f *os.File) error { return WriteHTML(f, r) }); err != nil {
		return "", "", err
	}
	return pdf, html, nil
}

func writeAtomic(path string, write func(*os.File) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	defer os.Remove(f.Name())
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("%s schrijven: %w", path, err)
	}
	return nil
}
