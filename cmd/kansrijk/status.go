package main

import (
	"context"
	"io"
	"text/tabwriter"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
)

func cmdStatus(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("status", "status [-w WERKMAP] [--coalitie NAAM]",
		"Toont per coalitie welke partner voor welk kwartaal heeft aangeleverd (aanleverstatus).")
	dir := fs.String("w", ".", "de werkmap")
	coalitie := fs.String("coalitie", "", "alleen deze coalitie (standaard: alle)")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	w, db, err := openWerkmap(*dir, store.Lezen)
	if err != nil {
		return err
	}
	defer db.Close()
	if *coalitie != "" {
		if _, ok := w.Config.Coalitie(*coalitie); !ok {
			return gebruik("coalitie %q staat niet in kansrijk.toml", *coalitie)
		}
	}
	as, err := eval.Aanleveringen(context.Background(), db, &w.Config)
	if err != nil {
		return err
	}
	if len(as) == 0 {
		printf(stdout, "Er is nog niets ingelezen. Lees bestanden in met: kansrijk import -w WERKMAP PAD\n")
		return nil
	}
	ontbreekt := 0
	for _, co := range w.Config.Coalities {
		if *coalitie != "" && kansrijk.NormGemeente(co.Naam) != kansrijk.NormGemeente(*coalitie) {
			continue
		}
		var rij []eval.Aanlevering
		for _, a := range as {
			if a.Coalitie == co.Naam {
				rij = append(rij, a)
			}
		}
		if len(rij) == 0 {
			continue
		}
		printf(stdout, "\nAanleverstatus %s\n", co.Naam)
		tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
		var kwartalen []kansrijk.Kwartaal
		for _, a := range rij {
			if a.Partner != rij[0].Partner {
				break
			}
			kwartalen = append(kwartalen, a.Kwartaal)
		}
		printf(tw, "partner")
		for _, q := range kwartalen {
			printf(tw, "\t%s", q)
		}
		printf(tw, "\n")
		for i, a := range rij {
			if i == 0 || a.Partner != rij[i-1].Partner {
				if i > 0 {
					printf(tw, "\n")
				}
				printf(tw, "%s", a.Partner)
			}
			printf(tw, "\t%s", teken(a.Status))
			if a.Status == eval.Ontbreekt {
				ontbreekt++
			}
		}
		printf(tw, "\n")
		tw.Flush()
	}
	printf(stdout, "\n✓ geleverd   ✓* gecorrigeerd (een nieuwere levering verving een eerdere)   – ontbreekt\n")
	printf(stdout, "Klaar: %d ontbrekende levering(en).\n", ontbreekt)
	return nil
}

func teken(s eval.Aanleverstatus) string {
	switch s {
	case eval.Geleverd:
		return "✓"
	case eval.Gecorrigeerd:
		return "✓*"
	}
	return "–"
}
