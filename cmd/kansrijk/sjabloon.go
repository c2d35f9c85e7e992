package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/workspace"
)

func cmdSjabloon(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sjabloon", "sjabloon [-w WERKMAP] --partner NAAM [--kwartaal 2026-K3] [--uit PAD]",
		"Maakt een Excel-sjabloon voor een partner: een blad Uitleg en een blad om in te vullen, met\n"+
			"de kolomnamen uit het bronprofiel, een korte uitleg per kolom en keuzelijsten. Ingevuld en\n"+
			"onder dezelfde naam teruggestuurd, leest kansrijk het zonder aanpassingen in.")
	dir := fs.String("w", ".", "de werkmap")
	partner := fs.String("partner", "", "de partner, zoals hij in kansrijk.toml heet (verplicht)")
	kw := fs.String("kwartaal", "", "het kwartaal van de aanlevering, zoals 2026-K3 (standaard: het huidige kwartaal)")
	uit := fs.String("uit", "", "bestand of map voor het sjabloon (standaard: sjablonen/ in de werkmap, met een naam die past bij de partner)")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	q := kansrijk.KwartaalVan(time.Now())
	if *kw != "" {
		if q, err = kansrijk.ParseKwartaal(*kw); err != nil {
			return gebruik("--kwartaal: %v", err)
		}
	}
	w, err := workspace.Open(*dir)
	if err != nil {
		return err
	}
	var namen []string
	for _, p := range w.Config.Partners {
		namen = append(namen, p.Naam)
	}
	if *partner == "" {
		return gebruik("--partner is verplicht; kies uit: %s", strings.Join(namen, ", "))
	}
	var p kansrijk.Partner
	found := false
	for _, c := range w.Config.Partners {
		if kansrijk.NormGemeente(c.Naam) == kansrijk.NormGemeente(*partner) {
			p, found = c, true
			break
		}
	}
	if !found {
		return gebruik("partner %q staat niet in %s; kies uit: %s", *partner, filepath.Join(w.Dir, workspace.ConfigNaam), strings.Join(namen, ", "))
	}

	pad := *uit
	if st, err := os.Stat(pad); pad == "" || err == nil && st.IsDir() {
		naam, err := ingest.SjabloonNaam(&w.Config, p, q)
		if err != nil {
			if errors.Is(err, ingest.ErrGeenSjabloon) {
				return gebruik("%v", err)
			}
			return gebruik("%v; geef de naam met --uit", err)
		}
		if pad == "" {
			pad = filepath.Join(w.Dir, "sjablonen")
		}
		pad = filepath.Join(pad, naam)
	} else if err := ingest.ControleerSjabloonNaam(&w.Config, p, q, pad); errors.Is(err, ingest.ErrGeenSjabloon) {
		return gebruik("%v", err)
	} else if err != nil {
		return gebruik("--uit: %v", err)
	}
	if err := ingest.Sjabloon(&w.Config, p, q, pad); err != nil {
		if errors.Is(err, ingest.ErrGeenSjabloon) {
			return gebruik("%v", err)
		}
		return err
	}
	printf(stdout, "Sjabloon voor %s (%s, %s): %s\n", p.Naam, p.Bron, q, pad)
	printf(stdout, "  Stuur het naar de partner. Komt het ingevuld terug, met dezelfde naam? Zet het in %s en lees het in met: kansrijk import -w %s %s\n",
		w.Inbox(), w.Dir, w.Inbox())
	return nil
}
