package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"kansrijk"
	"kansrijk/bestand"
	"kansrijk/eval"
	"kansrijk/ingest"
	"kansrijk/reports"
	"kansrijk/store"
	"kansrijk/stories"
	"kansrijk/voorbeeld"
	"kansrijk/workspace"
)

func cmdInit(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("init", "init WERKMAP", "Maakt een nieuwe werkmap: kansrijk.toml (met uitleg), inbox/, rapporten/ en de database.")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return gebruik("geef precies één WERKMAP")
	}
	w, err := workspace.Init(pos[0], nil)
	if err != nil {
		return err
	}
	db, err := store.Open(w.Database(), store.Schrijven)
	if err != nil {
		return err
	}
	db.Close()
	printf(stdout, "Werkmap gemaakt: %s\n  Pas %s aan met uw coalities en partners.\n  Zet de bestanden van partners in %s en lees ze in met: kansrijk import -w %s %s\n",
		w.Dir, filepath.Join(w.Dir, workspace.ConfigNaam), w.Inbox(), w.Dir, w.Inbox())
	return nil
}

func cmdVoorbeeld(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("voorbeeld", "voorbeeld WERKMAP [--schaal N] [--config PAD]",
		"Maakt een werkmap gevuld met verzonnen (fictieve) bestanden van partners en ouderverhalen\nvoor de vier voorbeeldcoalities. Handig om kansrijk te leren kennen en om te testen.")
	schaal := fs.Int("schaal", 1, "vermenigvuldig het aantal coalities met N (voor metingen op grote schaal)")
	configPad := fs.String("config", "", "gebruik dit kansrijk.toml in plaats van de ingebouwde voorbeeldinstellingen")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return gebruik("geef precies één WERKMAP")
	}
	if *schaal < 1 || *schaal > 1000 {
		return gebruik("--schaal moet tussen 1 en 1000 liggen")
	}
	var config []byte
	if *configPad != "" {
		if config, err = os.ReadFile(*configPad); err != nil {
			return fmt.Errorf("instellingen %s lezen: %w", *configPad, err)
		}
	} else {
		var buf bytes.Buffer
		buf.WriteString("# Werkmap van kansrijk — verzonnen voorbeeldcoalities (fictieve gegevens).\n\n")
		if err := toml.NewEncoder(&buf).Encode(voorbeeld.Config(*schaal)); err != nil {
			return fmt.Errorf("voorbeeldinstellingen schrijven: %w", err)
		}
		config = buf.Bytes()
	}
	w, err := workspace.Init(pos[0], config)
	if err != nil {
		return err
	}
	db, err := store.Open(w.Database(), store.Schrijven)
	if err != nil {
		return err
	}
	db.Close()
	ov, err := voorbeeld.Schrijf(w.Inbox(), *schaal)
	if err != nil {
		return err
	}
	printf(stdout, "Voorbeeldwerkmap gemaakt: %s\n  %d verzonnen bestanden in %s (%d coalities).\n",
		w.Dir, ov.Bestanden, w.Inbox(), len(w.Config.Coalities))
	return nil
}

// openWerkmap opens the werkmap and its store: read-only (store.Lezen)
// for the commands that only read, so they run in a werkmap they may not
// write and never change the database.
func openWerkmap(dir string, m store.Modus) (*workspace.Werkmap, *store.DB, error) {
	w, err := workspace.Open(dir)
	if err != nil {
		return nil, nil, err
	}
	db, err := store.Open(w.Database(), m)
	if err != nil {
		return nil, nil, err
	}
	return w, db, nil
}

func cmdImport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", "import [-w WERKMAP] [--proef] PAD...",
		"Leest bestanden van partners in (een map wordt helemaal doorlopen). Per bestand volgt een\nkorte samenvatting; goede rijen en bestanden gaan door, ook als andere worden afgewezen.\n"+
			"Met --proef wordt alles gelezen en gecontroleerd, maar niets opgeslagen: u ziet per bestand wat\n"+
			"nieuw zou zijn, welke eerdere levering het zou vervangen en welke cijfers zouden veranderen.")
	dir := fs.String("w", ".", "de werkmap")
	proef := fs.Bool("proef", false, "alleen kijken: niets opslaan; de terugmeldingen komen in "+proefMap+"/ in de werkmap")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return gebruik("geef één of meer bestanden of mappen om in te lezen")
	}
	if *proef {
		w, err := workspace.Open(*dir)
		if err != nil {
			return err
		}
		return proefImport(w, pos, stdout, stderr)
	}
	w, db, err := openWerkmap(*dir, store.Schrijven)
	if err != nil {
		return err
	}
	defer db.Close()
	files, overgeslagen, err := ingest.Bestanden(pos)
	if err != nil {
		return err
	}
	for _, o := range overgeslagen {
		printf(stdout, "%-13s %s: %s\n", "overgeslagen", o.Pad, o.Reden)
	}
	im := &ingest.Importer{DB: db, Config: &w.Config, Now: time.Now, Terugmeldingen: w.Terugmeldingen()}
	v := newVoortgang(stderr, len(files))
	tel := map[ingest.Status]int{}
	meldingen, terug := 0, 0
	personas := false // a persona file was stored: look for persona's delivered twice
	im.Alle(context.Background(), files, runtime.NumCPU(), func(i int, res ingest.Resultaat) {
		v.klaar()
		defer v.stap(i+1, filepath.Base(res.Pad))
		tel[res.Status]++
		personas = personas || res.Status == ingest.Ingelezen && res.Levering.Bron == kansrijk.BronPersonas
		meldingen += len(res.Meldingen)
		printResultaat(stdout, res)
		if res.TerugmeldingFout != "" {
			printf(stdout, "              terugmelding niet geschreven: %s\n", res.TerugmeldingFout)
		}
		if res.Terugmelding != "" {
			terug++
		}
	})
	v.klaar()
	printf(stdout, "\nKlaar: %d bestand(en): %d ingelezen, %d al eerder ingelezen (niets veranderd), %d afgewezen, %d niet herkend, %d nog niet ondersteund; %d melding(en) voor partners.\n",
		len(files), tel[ingest.Ingelezen], tel[ingest.AlIngelezen], tel[ingest.Afgewezen], tel[ingest.NietHerkend], tel[ingest.NietOndersteund], meldingen)
	if terug > 0 {
		printf(stdout, "Terugmeldingen voor partners (hun eigen rijen met de meldingen erbij): %d in %s\n", terug, w.Terugmeldingen())
	}
	if err := printVerhaalcontrole(stdout, db); err != nil {
		return err
	}
	if personas {
		if err := printDubbelePersonas(stdout, db); err != nil {
			return err
		}
	}
	if tel[ingest.Afgewezen]+tel[ingest.NietHerkend]+tel[ingest.NietOndersteund]+len(overgeslagen) > 0 {
		return errInvoer
	}
	return nil
}

// maxMeldingen is how many messages per file the terminal shows.
const maxMeldingen = 5

func printResultaat(w io.Writer, res ingest.Resultaat) {
	name := filepath.Base(res.Pad)
	switch res.Status {
	case ingest.Ingelezen:
		l := res.Levering
		fouten := 0
		for _, m := range res.Meldingen {
			if m.Ernst == store.Fout {
				fouten++
			}
		}
		printf(w, "ingelezen     %s — %s, %s: %d rijen, %d geaccepteerd, %d afgewezen; %d fout(en), %d waarschuwing(en)\n",
			name, l.Partner, l.Periode, l.Rijen, l.Geaccepteerd, l.Afgewezen, fouten, l.Waarschuwingen)
	case ingest.AlIngelezen:
		printf(w, "ongewijzigd   %s — al ingelezen op %s\n", name, res.Levering.Ingelezen.Local().Format("02-01-2006 15:04"))
	default:
		printf(w, "%-13s %s\n", res.Status, res.Fout)
	}
	for _, t := range res.Toelichting {
		printf(w, "              %s\n", t)
	}
	shown := 0
	for _, m := range res.Meldingen {
		if m.Ernst != store.Fout {
			continue
		}
		if shown == maxMeldingen {
			printf(w, "              … en meer; alle meldingen staan in de database bij deze levering\n")
			break
		}
		printf(w, "              %s: %s\n", m.InFile(), m.Tekst)
		shown++
	}
}

func cmdRapport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("rapport", "rapport [-w WERKMAP] --kwartaal 2026-K3 [--coalitie NAAM] [--uit MAP] [--overzicht] [--ouders]",
		"Maakt per coalitie een PDF- en een HTML-rapport over het kwartaal en de kwartalen ervoor.\n"+
			"Met --overzicht komt er in plaats daarvan één overzicht van alle coalities naast elkaar;\n"+
			"met --ouders per coalitie één pagina terugkoppeling aan ouders in eenvoudige taal.\n"+
			"Met beide samen komen het overzicht en de pagina's voor ouders, zonder de rapporten per coalitie.\n"+
			"Een bestand wordt alleen geschreven als de inhoud verandert (zie .kansrijk-vingerafdrukken.json in de map).")
	dir := fs.String("w", ".", "de werkmap")
	kw := fs.String("kwartaal", "", "het kwartaal van het rapport, zoals 2026-K3 (verplicht)")
	coalitie := fs.String("coalitie", "", "alleen deze coalitie (standaard: alle)")
	uit := fs.String("uit", "", "map voor de rapporten (standaard: rapporten/ in de werkmap)")
	datum := fs.String("datum", "", "datum op het rapport, jjjj-mm-dd (standaard: vandaag); een vaste datum geeft steeds precies dezelfde bestanden")
	overzicht := fs.Bool("overzicht", false, "maak alleen het overzicht van alle coalities: per indicator alle coalities naast elkaar, met een rangorde waar de verschillen groter zijn dan toeval")
	ouders := fs.Bool("ouders", false, "maak alleen de terugkoppeling aan ouders: per coalitie één pagina over wat ouders het afgelopen jaar vertelden en wat er veranderde, zonder cijfers")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	if *kw == "" {
		return gebruik("--kwartaal is verplicht, bijvoorbeeld --kwartaal 2026-K3")
	}
	q, err := kansrijk.ParseKwartaal(*kw)
	if err != nil {
		return gebruik("--kwartaal: %v", err)
	}
	if *overzicht && *coalitie != "" && !*ouders {
		return gebruik("--overzicht gaat over alle coalities; laat --coalitie weg")
	}
	gemaakt := time.Now().UTC().Truncate(24 * time.Hour)
	if *datum != "" {
		if gemaakt, err = time.Parse(time.DateOnly, *datum); err != nil {
			return gebruik("--datum %q: verwacht jjjj-mm-dd, zoals 2026-11-23", *datum)
		}
	}
	w, db, err := openWerkmap(*dir, store.Lezen)
	if err != nil {
		return err
	}
	defer db.Close()
	coalities := w.Config.Coalities
	if *coalitie != "" {
		co, ok := w.Config.Coalitie(*coalitie)
		if !ok {
			return gebruik("coalitie %q staat niet in %s", *coalitie, filepath.Join(w.Dir, workspace.ConfigNaam))
		}
		coalities = []kansrijk.Coalitie{co}
	}
	out := *uit
	if out == "" {
		out = w.Rapporten()
	}
	ctx := context.Background()
	cijfers, err := eval.Cijfers(ctx, db, &w.Config)
	if err != nil {
		return err
	}
	opt := reports.Opties{Kwartaal: q, Gemaakt: gemaakt}
	u, err := reports.OpenUitvoer(out)
	if err != nil {
		return err
	}
	err = schrijfRapporten(ctx, stdout, stderr, rapportWerk{
		db: db, cfg: &w.Config, cijfers: cijfers, opt: opt, uit: u, dir: out,
		coalities: coalities, overzicht: *overzicht, ouders: *ouders,
	})
	// The manifest also records what was written before an error.
	if serr := u.Sluit(); err == nil {
		err = serr
	}
	return err
}

// rapportWerk is what kansrijk rapport was asked to write.
type rapportWerk struct {
	db        *store.DB
	cfg       *kansrijk.Config
	cijfers   []eval.Cijfer
	opt       reports.Opties
	uit       *reports.Uitvoer
	dir       string // where they go
	coalities []kansrijk.Coalitie
	overzicht bool // the overview of all coalities instead of the reports per coalitie
	ouders    bool // the pages for parents instead of the reports per coalitie
}

// schrijfRapporten writes the reports of werk and prints, per kind, a
// summary with the paths of every file (written anew or not).
func schrijfRapporten(ctx context.Context, stdout, stderr io.Writer, werk rapportWerk) error {
	q := werk.opt.Kwartaal
	// --overzicht and --ouders each replace the reports per coalitie;
	// together they write both of theirs.
	if werk.overzicht {
		g, err := werk.uit.SchrijfOverzicht(reports.BuildOverzicht(werk.cfg, werk.cijfers, werk.opt))
		if err != nil {
			return fmt.Errorf("overzicht: %w", err)
		}
		status := "ongewijzigd"
		if g.Bijgewerkt > 0 {
			status = "bijgewerkt"
		}
		printf(stdout, "Klaar: overzicht van alle %d coalities over %s, als PDF en HTML (%s), in %s\n", len(werk.cfg.Coalities), q, status, werk.dir)
		printPaden(stdout, g.Paden)
	}
	if werk.overzicht && !werk.ouders {
		return nil
	}

	basis, err := reports.NieuweBasis(ctx, werk.db, werk.cfg, werk.cijfers, werk.opt)
	if err != nil {
		return err
	}
	if werk.ouders {
		paden, bij, err := perCoalitie(ctx, stderr, werk.coalities, func(co kansrijk.Coalitie) (reports.Geschreven, error) {
			o, err := basis.Ouders(co)
			if err != nil {
				return reports.Geschreven{}, err
			}
			return werk.uit.SchrijfOuders(o)
		})
		if err != nil {
			return fmt.Errorf("terugkoppeling aan ouders %w", err)
		}
		printf(stdout, "Klaar: terugkoppeling aan ouders over het jaar tot en met %s voor %d coalitie(s), elk één pagina als PDF en HTML: %d bijgewerkt, %d ongewijzigd, in %s\n",
			q, len(werk.coalities), bij, len(werk.coalities)-bij, werk.dir)
		printPaden(stdout, paden)
		return nil
	}

	paden, bij, err := perCoalitie(ctx, stderr, werk.coalities, func(co kansrijk.Coalitie) (reports.Geschreven, error) {
		r, err := basis.Rapport(co)
		if err != nil {
			return reports.Geschreven{}, err
		}
		return werk.uit.Schrijf(r)
	})
	if err != nil {
		return fmt.Errorf("rapport %w", err)
	}
	printf(stdout, "Klaar: %d rapport(en) over %s, elk als PDF en HTML: %d bijgewerkt, %d ongewijzigd, in %s\n",
		len(werk.coalities), q, bij, len(werk.coalities)-bij, werk.dir)
	printPaden(stdout, paden)
	return nil
}

// perCoalitie runs maak for every coalitie in parallel (reports.Alle)
// with progress on stderr, and returns the paths of all files in the
// order of the coalities and how many coalities had a file written
// anew.
func perCoalitie(ctx context.Context, stderr io.Writer, coalities []kansrijk.Coalitie, maak func(kansrijk.Coalitie) (reports.Geschreven, error)) (paden []string, bijgewerkt int, err error) {
	v := newVoortgang(stderr, len(coalities))
	defer v.klaar()
	err = reports.Alle(ctx, coalities, maak, func(i int, g reports.Geschreven) {
		v.stap(i+1, coalities[i].Naam)
		paden = append(paden, g.Paden...)
		if g.Bijgewerkt > 0 {
			bijgewerkt++
		}
	})
	return paden, bijgewerkt, err
}

func printPaden(w io.Writer, paden []string) {
	for _, p := range paden {
		printf(w, "  %s\n", p)
	}
}

func cmdExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "export [-w WERKMAP] --uit cijfers.csv|cijfers.xlsx [--verhalen MAP] | --qdpx UIT.qdpx [--coalitie NAAM] [--intern]",
		"Schrijft alle berekende cijfers weg: per coalitie, gemeente, kwartaal en indicator de teller,\nnoemer, waarde en status. Met .csv één CSV-bestand; met .xlsx een werkmap met ook de\naanleverstatus. Dit is een interne export: kleine aantallen staan er exact in, met de status\nklein_aantal; deel hem niet buiten het M&E-team.\n\n"+
			"Met --qdpx schrijft kansrijk de ouderverhalen als REFI-QDA-project, te openen in QualCoder,\nATLAS.ti, NVivo of MAXQDA: verhalen, codeboek, persona's (als cases) en coderingen. Zo'n\nproject gaat buiten het M&E-team; er staan alleen verhalen in met toestemming rapport of\nopenbaar, met namen en andere persoonsgegevens vervangen zoals in citaten. Ingetrokken\nverhalen staan er nooit in. --intern voegt de verhalen met toestemming intern toe, onbewerkt:\nalleen om binnen het M&E-team naar een ander programma over te stappen.")
	dir := fs.String("w", ".", "de werkmap")
	uit := fs.String("uit", "", "het bestand om te schrijven, .csv of .xlsx (verplicht, behalve met alleen --qdpx)")
	verhalen := fs.String("verhalen", "", "schrijf ook de tabellen over de ouderverhalen (codes, thema's, toon, citaten, persona's, coderingen) als CSV in deze map")
	qdpx := fs.String("qdpx", "", "schrijf de ouderverhalen als REFI-QDA-project (.qdpx)")
	coalitie := fs.String("coalitie", "", "met --qdpx: alleen de verhalen van deze coalitie")
	intern := fs.Bool("intern", false, "met --qdpx: ook de verhalen met toestemming intern, onbewerkt (alleen binnen het M&E-team)")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	if *uit == "" && *qdpx == "" {
		return gebruik("--uit is verplicht, bijvoorbeeld --uit cijfers.csv (of --qdpx verhalen.qdpx)")
	}
	if *qdpx != "" && !strings.EqualFold(filepath.Ext(*qdpx), ".qdpx") {
		return gebruik("--qdpx %q: kies een naam die eindigt op .qdpx", *qdpx)
	}
	if (*coalitie != "" || *intern) && *qdpx == "" {
		return gebruik("--coalitie en --intern horen bij --qdpx")
	}
	w, db, err := openWerkmap(*dir, store.Lezen)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	if *qdpx != "" {
		ov, err := stories.ExporteerQDPX(ctx, db, &w.Config, *qdpx, stories.QDPXKeuze{Coalitie: *coalitie, Intern: *intern, Nu: time.Now()})
		if err != nil {
			return err
		}
		printf(stdout, "REFI-QDA-project geschreven naar %s: %d verhalen, %d fragmenten, %d persona's.\n", *qdpx, ov.Verhalen, ov.Fragmenten, ov.Personas)
		if *intern {
			printf(stdout, "Let op: dit project bevat ook verhalen met toestemming intern, onbewerkt. Deel het niet buiten het M&E-team.\n")
		} else if ov.Weggelaten > 0 {
			printf(stdout, "%d verhalen met toestemming intern staan er niet in (ze mogen niet geciteerd worden).\n", ov.Weggelaten)
		}
		if *uit == "" {
			return nil
		}
	}
	cijfers, err := eval.Cijfers(ctx, db, &w.Config)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch strings.ToLower(filepath.Ext(*uit)) {
	case ".csv":
		err = eval.WriteCSV(&buf, cijfers)
	case ".xlsx":
		var tabellen []reports.Tabel
		if tabellen, err = reports.ExportTabellen(ctx, db, &w.Config, cijfers); err == nil {
			err = reports.WriteXLSX(&buf, tabellen)
		}
	default:
		return gebruik("--uit %q: kies een naam die eindigt op .csv of .xlsx", *uit)
	}
	if err != nil {
		return err
	}
	if err := bestand.SchrijfBytes(*uit, buf.Bytes()); err != nil {
		return err
	}
	printf(stdout, "Klaar: %d cijfers geschreven naar %s\n", len(cijfers), *uit)
	if *verhalen != "" {
		paden, err := stories.Exporteer(ctx, db, &w.Config, *verhalen)
		if err != nil {
			return err
		}
		printf(stdout, "Tabellen over de ouderverhalen: %d CSV-bestanden in %s\n", len(paden), *verhalen)
	}
	return nil
}

// printVerhaalcontrole reports, after an import, what only shows once
// logs, codebook and REFI-QDA projects are all in: codes missing from the
// codebook, and how .qdpx sources matched the logs.
func printVerhaalcontrole(w io.Writer, db *store.DB) error {
	ctx := context.Background()
	v, err := stories.Lees(ctx, db)
	if err != nil {
		return err
	}
	if len(v.Fragmenten) == 0 {
		return nil
	}
	onbekend, err := v.OnbekendeCodes()
	if errors.Is(err, stories.ErrGeenCodeboek) {
		printf(w, "\nLet op: %v.\n", err)
		return nil
	}
	if err != nil {
		return err
	}
	if len(onbekend) > 0 {
		printf(w, "\nCodes in ouderverhalen die niet in het codeboek staan (tellen niet mee): %d\n", len(onbekend))
		for i, o := range onbekend {
			if i == maxMeldingen {
				printf(w, "  … en %d meer (zie kansrijk export --verhalen)\n", len(onbekend)-i)
				break
			}
			m := o.Melding()
			printf(w, "  %s: %s\n", m.Location, m.Tekst)
		}
	}
	if ps := v.OnbekendePersonas(); len(ps) > 0 {
		printf(w, "\nVerhalen met een persona die niet bij de persona's staat: %d\n", len(ps))
		for i, o := range ps {
			if i == maxMeldingen {
				printf(w, "  … en %d meer\n", len(ps)-i)
				break
			}
			m := o.Melding()
			printf(w, "  %s: %s\n", m.Location, m.Tekst)
		}
	}
	controles, err := v.Kruiscontrole(ctx, db)
	if err != nil {
		return err
	}
	for _, c := range controles {
		printf(w, "%s\n", c.Samenvatting())
	}
	return nil
}

// printDubbelePersonas names the persona's that more than one persona
// file delivers (a copy such as Personas_kopie.xlsx): they count and
// show once, and the user may want to remove the copy.
func printDubbelePersonas(w io.Writer, db *store.DB) error {
	ds, err := db.DubbelePersonas(context.Background())
	if err != nil || len(ds) == 0 {
		return err
	}
	printf(w, "\nPersona's die meer dan één keer zijn aangeleverd (ze tellen en staan er één keer in): %d\n", len(ds))
	for i, d := range ds {
		if i == maxMeldingen {
			printf(w, "  … en %d meer\n", len(ds)-i)
			break
		}
		printf(w, "  %s (%s): %s\n", d.Naam, d.Coalitie, strings.Join(d.Waar, "; "))
	}
	return nil
}
