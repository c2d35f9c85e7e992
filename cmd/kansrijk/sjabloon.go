package main

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/workspace"
)

func cmdSjabloon(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sjabloon", "sjabloon [-w WERKMAP] --partner NAAM [--kwartaal 2026-K3] [--coalitie NAAM] [--uit PAD]",
		"Maakt een Excel-sjabloon voor een partner: een blad Uitleg en een blad om in te vullen, met\n"+
			"de kolomnamen uit het bronprofiel, een korte uitleg per kolom, keuzelijsten en controles. Ingevuld en\n"+
			"onder dezelfde naam teruggestuurd, leest kansrijk het zonder aanpassingen in. Voor de procesmonitor\n"+
			"komt er een sjabloon per coalitie, met de coalitie in de naam (of alleen voor --coalitie).")
	dir := fs.String("w", ".", "de werkmap")
	partner := fs.String("partner", "", "de partner, zoals hij in kansrijk.toml heet (verplicht)")
	kw := fs.String("kwartaal", "", "het kwartaal van de aanlevering, zoals 2026-K3 (standaard: het laatste afgesloten kwartaal)")
	coalitie := fs.String("coalitie", "", "alleen voor de procesmonitor: de coalitie die het invult (standaard: elke coalitie een eigen sjabloon)")
	uit := fs.String("uit", "", "map of bestand voor het sjabloon (standaard: sjablonen/ in de werkmap); een naam die kansrijk niet zou herkennen, wordt vervangen door een die past")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	// The kwartaal still running has no figures yet: the last one closed.
	q := kansrijk.KwartaalVan(time.Now()).Add(-1)
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

	aanvragen := []ingest.Aanvraag{{Partner: p, Kwartaal: q}}
	switch {
	case *coalitie != "" && p.Bron != kansrijk.BronProcesmonitor:
		return gebruik("--coalitie hoort bij de procesmonitor; %s levert %s", p.Naam, p.Bron)
	case *coalitie != "":
		co, ok := w.Config.Coalitie(*coalitie)
		if !ok {
			var cs []string
			for _, c := range w.Config.Coalities {
				cs = append(cs, c.Naam)
			}
			return gebruik("coalitie %q staat niet in %s; kies uit: %s", *coalitie, filepath.Join(w.Dir, workspace.ConfigNaam), strings.Join(cs, ", "))
		}
		aanvragen[0].Coalitie = co.Naam
	case p.Bron == kansrijk.BronProcesmonitor:
		aanvragen = aanvragen[:0]
		for _, co := range w.Config.Coalities {
			aanvragen = append(aanvragen, ingest.Aanvraag{Partner: p, Kwartaal: q, Coalitie: co.Naam})
		}
		if len(aanvragen) > 1 && strings.EqualFold(filepath.Ext(*uit), ".xlsx") {
			return gebruik("--uit noemt één bestand, maar er komt een sjabloon per coalitie; geef een map, of kies er één met --coalitie")
		}
	}
	for _, a := range aanvragen {
		pad, waarom, err := ingest.SjabloonPad(&w.Config, a, *uit, filepath.Join(w.Dir, "sjablonen"))
		switch {
		case errors.Is(err, ingest.ErrGeenSjabloon):
			return gebruik("%v", err)
		case err != nil:
			return gebruik("%v; geef een naam die past met --uit", err)
		}
		if waarom != "" {
			printf(stdout, "Let op: %s.\n", waarom)
		}
		if err := ingest.Sjabloon(&w.Config, a, pad); err != nil {
			if errors.Is(err, ingest.ErrGeenSjabloon) {
				return gebruik("%v", err)
			}
			return err
		}
		voor := string(p.Bron)
		if a.Coalitie != "" {
			voor += ", coalitie " + a.Coalitie
		}
		printf(stdout, "Sjabloon voor %s (%s, %s): %s\n", p.Naam, voor, q, pad)
	}
	printf(stdout, "  Stuur het naar de partner. Komt het ingevuld terug, met dezelfde naam? Zet het in %s en lees het in met: kansrijk import -w %s %s\n",
		w.Inbox(), w.Dir, w.Inbox())
	return nil
}
