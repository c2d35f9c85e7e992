package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"kansrijk"
	"kansrijk/csvuit"
	"kansrijk/sheet"
)

// ErrGeenSjabloon marks a bron for which kansrijk makes no template.
var ErrGeenSjabloon = errors.New("geen sjabloon voor deze bron")

const (
	// sjabloonRijen is how many rows of a data sheet get the hints and
	// checks: far more than one quarter of any partner.
	sjabloonRijen = 5000
	// sjabloonDatum is fixed in the document properties, so the same
	// request gives the same bytes.
	sjabloonDatum = "2026-01-01T00:00:00Z"
)

// bronSjabloon is how the template of one bron is made.
type bronSjabloon struct {
	blad string // the data sheet, unless the bronprofiel names one
	// eerst puts the data sheet before Uitleg: the procesmonitor reader
	// reads only the first sheet.
	eerst bool
	vul   func(s *sjabloon, blad string) error
}

// sjabloonVoor is how a bron's template is made. A switch, not a map: a
// map would be an initialisation cycle, as the procesmonitor's template
// checks file names, which asks which bronnen have a template.
func sjabloonVoor(b kansrijk.Bron) (bronSjabloon, bool) {
	switch b {
	case kansrijk.BronVerloskunde:
		return bronSjabloon{blad: "Cliënten", vul: (*sjabloon).verloskunde}, true
	case kansrijk.BronWijkteam:
		return bronSjabloon{blad: "Aanmeldingen", vul: (*sjabloon).wijkteam}, true
	case kansrijk.BronJGZ:
		return bronSjabloon{blad: "Kwartaalcijfers", vul: (*sjabloon).jgz}, true
	case kansrijk.BronKraamzorg:
		return bronSjabloon{blad: "Rapportage", vul: (*sjabloon).kraamzorg}, true
	case kansrijk.BronProcesmonitor:
		return bronSjabloon{blad: "Procesmonitor", eerst: true, vul: (*sjabloon).procesmonitor}, true
	case kansrijk.BronOuderverhalen:
		return bronSjabloon{blad: "Verhalen", vul: (*sjabloon).ouderverhalen}, true
	}
	return bronSjabloon{}, false
}

// naamMetKwartaal are the bronnen whose reader takes the kwartaal from
// the file name.
var naamMetKwartaal = map[kansrijk.Bron]bool{kansrijk.BronVerloskunde: true, kansrijk.BronWijkteam: true}

func sjabloonMogelijk(p kansrijk.Partner) error {
	if _, ok := sjabloonVoor(p.Bron); ok {
		return nil
	}
	switch p.Bron {
	case kansrijk.BronCodeboek, kansrijk.BronPersonas:
		return fmt.Errorf("%w voor %s: bron %s is één bestand dat de regio zelf bijhoudt; dat hoeft niet per kwartaal ingevuld te worden", ErrGeenSjabloon, p.Naam, p.Bron)
	}
	return fmt.Errorf("%w voor %s: voor bron %s kan kansrijk geen sjabloon maken", ErrGeenSjabloon, p.Naam, p.Bron)
}

// Aanvraag says what a template is for: partner Partner's delivery about
// Kwartaal, and for a procesmonitor the coalitie that fills it in (""
// leaves the choice to the form).
type Aanvraag struct {
	Partner  kansrijk.Partner
	Kwartaal kansrijk.Kwartaal
	Coalitie string
}

// SjabloonNaam is the file name of a's template: the first of the
// partner's bestanden patterns that gives a usable name, its last *
// replaced by the kwartaal (for a procesmonitor by the coalitie and the
// kwartaal) and any other * left out, as .xlsx. A pattern with ? or [ ]
// gives no name; then the caller must choose one (see
// ControleerSjabloonNaam).
func SjabloonNaam(cfg *kansrijk.Config, a Aanvraag) (string, error) {
	p, q := a.Partner, a.Kwartaal
	if err := sjabloonMogelijk(p); err != nil {
		return "", err
	}
	invul := q.String()
	if a.Coalitie != "" {
		invul = naamDeel(a.Coalitie) + "_" + invul
	}
	for _, pat := range p.Bestanden {
		if strings.ContainsAny(pat, `?[\`) {
			continue
		}
		naam := pat
		if i := strings.LastIndex(naam, "*"); i >= 0 {
			naam = naam[:i] + invul + naam[i+1:]
		}
		naam = strings.TrimLeft(strings.ReplaceAll(naam, "*", ""), "_- ")
		if !strings.EqualFold(filepath.Ext(naam), ".xlsx") {
			naam += ".xlsx"
		}
		if ControleerSjabloonNaam(cfg, a, naam) == nil {
			return naam, nil
		}
	}
	return "", fmt.Errorf("uit de bestandspatronen van %s (%s) is geen naam voor een .xlsx-bestand te maken; "+
		"kies zelf een naam die bij een van die patronen past, of voeg in kansrijk.toml een patroon voor .xlsx-bestanden toe",
		p.Naam, strings.Join(p.Bestanden, ", "))
}

// naamDeel makes a coalitie's name fit in a file name: no separators or
// characters a file system refuses, underscores for spaces.
func naamDeel(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
}

// ControleerSjabloonNaam checks that a template saved under naam would be
// imported as a's delivery: an .xlsx name that kansrijk.toml recognises
// as the partner's, naming no other kwartaal. For a bron without a
// template the error wraps ErrGeenSjabloon.
func ControleerSjabloonNaam(cfg *kansrijk.Config, a Aanvraag, naam string) error {
	p, q := a.Partner, a.Kwartaal
	if err := sjabloonMogelijk(p); err != nil {
		return err
	}
	base := filepath.Base(naam)
	if !strings.EqualFold(filepath.Ext(base), ".xlsx") {
		return fmt.Errorf("%s: een sjabloon is een Excel-werkmap; de naam moet eindigen op .xlsx", base)
	}
	switch got, _, fout := herken(cfg, base); {
	case fout != "" && len(treffers(cfg, base)) > 1:
		return errors.New(fout)
	case fout != "":
		return fmt.Errorf("%s past bij geen enkel bestandspatroon in kansrijk.toml; bij %s horen: %s", base, p.Naam, strings.Join(p.Bestanden, ", "))
	case got.Naam != p.Naam:
		return fmt.Errorf("%s zou worden ingelezen als bestand van %s, niet van %s; kies een naam die past bij %s",
			base, got.Naam, p.Naam, strings.Join(p.Bestanden, ", "))
	}
	nq, ok := kansrijk.KwartaalInNaam(base)
	switch {
	case ok && nq != q:
		return fmt.Errorf("%s noemt kwartaal %s, maar het sjabloon is voor %s", base, nq, q)
	case !ok && naamMetKwartaal[p.Bron]:
		return fmt.Errorf("%s: zet het kwartaal in de naam, zoals %s_%s.xlsx; kansrijk leest het kwartaal uit de bestandsnaam",
			base, strings.TrimSuffix(base, filepath.Ext(base)), q)
	}
	return nil
}

// SjabloonPad is where the template for a goes when the user asked for
// uit: a folder (one that exists, or a path that does not end in .xlsx)
// gets the template under SjabloonNaam; a file name that kansrijk would
// recognise as a's delivery is kept; any other file name is replaced, in
// its folder, by SjabloonNaam, and waarom says in Dutch why, for the
// user. An empty uit means the folder standaard.
func SjabloonPad(cfg *kansrijk.Config, a Aanvraag, uit, standaard string) (pad, waarom string, err error) {
	if uit == "" {
		uit = standaard
	}
	st, err := os.Stat(uit)
	isMap := err == nil && st.IsDir() || filepath.Ext(uit) == "" || strings.HasSuffix(uit, string(filepath.Separator))
	if !isMap {
		fout := ControleerSjabloonNaam(cfg, a, filepath.Base(uit))
		if fout == nil || errors.Is(fout, ErrGeenSjabloon) {
			return uit, "", fout
		}
		naam, err := SjabloonNaam(cfg, a)
		if err != nil {
			return "", "", fmt.Errorf("%v; en uit de bestandspatronen is geen andere naam te maken: %w", fout, err)
		}
		return filepath.Join(filepath.Dir(uit), naam), fmt.Sprintf("%v. Het sjabloon heet daarom %s, zodat kansrijk het herkent als het terugkomt", fout, naam), nil
	}
	naam, err := SjabloonNaam(cfg, a)
	if err != nil {
		return "", "", err
	}
	return filepath.Join(uit, naam), "", nil
}

// Sjabloon writes to uit an xlsx template for a's delivery: a protected
// sheet Uitleg, and a data sheet whose header
// texts are the ones the reader looks for (from the partner's
// bronprofiel, else kansrijk's standard one), with a hint and, where the
// values are known, a check or drop-down list per column. Filled in and
// saved under its name, it imports without any change to kansrijk.toml.
//
// The name of uit must pass ControleerSjabloonNaam. The same request
// gives the same bytes. An existing different file at uit is never
// overwritten: it may be a filled-in template.
func Sjabloon(cfg *kansrijk.Config, a Aanvraag, uit string) error {
	data, err := sjabloonBytes(cfg, a, filepath.Base(uit))
	if err != nil {
		return err
	}
	switch oud, err := os.ReadFile(uit); {
	case err == nil && bytes.Equal(oud, data):
		return nil
	case err == nil:
		return fmt.Errorf("%s bestaat al en is anders (misschien al ingevuld); kies een andere plek of verwijder het eerst", uit)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("sjabloon %s schrijven: %w", uit, err)
	}
	if err := schrijfAtomisch(uit, data); err != nil {
		return fmt.Errorf("sjabloon %s schrijven: %w", uit, err)
	}
	return nil
}

func sjabloonBytes(cfg *kansrijk.Config, a Aanvraag, naam string) ([]byte, error) {
	p, q := a.Partner, a.Kwartaal
	if err := ControleerSjabloonNaam(cfg, a, naam); err != nil {
		return nil, err
	}
	if a.Coalitie != "" {
		co, ok := cfg.Coalitie(a.Coalitie)
		if !ok {
			return nil, fmt.Errorf("coalitie %q staat niet in kansrijk.toml; kies uit: %s", a.Coalitie, coalitieNamen(cfg))
		}
		a.Coalitie = co.Naam
	}
	prof, std, err := profielVoor(cfg, p)
	if err != nil {
		return nil, fmt.Errorf("sjabloon voor %s: %w", p.Naam, err)
	}
	x := excelize.NewFile()
	defer x.Close()
	s := &sjabloon{cfg: cfg, p: p, q: q, coalitie: a.Coalitie, naam: naam, x: x,
		l: &levering{Partner: p, Config: cfg, Naam: naam, Profiel: prof, standaard: std}}
	if err := s.maak(); err != nil {
		return nil, fmt.Errorf("sjabloon voor %s: %w", p.Naam, err)
	}
	buf, err := x.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("sjabloon voor %s: %w", p.Naam, err)
	}
	var out bytes.Buffer
	if err := sorteerZip(&out, buf.Bytes()); err != nil {
		return nil, fmt.Errorf("sjabloon voor %s: %w", p.Naam, err)
	}
	return out.Bytes(), nil
}

// sjabloon is a template being made.
type sjabloon struct {
	cfg      *kansrijk.Config
	p        kansrijk.Partner
	q        kansrijk.Kwartaal
	coalitie string // of a procesmonitor: the coalitie it is for, if chosen
	naam     string // the file name the partner keeps
	// l gives the header texts exactly as the reader looks for them.
	l     *levering
	x     *excelize.File
	blad  string // the data sheet
	stijl struct{ titel, kop, vet, tekst, datum, code int }

	// What the Uitleg says: steps, a line per column, and the rules for
	// the kinds of values the data sheet asks for.
	stappen   []string
	kolommen  []string
	soorten   map[soort]bool
	janee     bool // a ja/nee question
	formulier bool // a form with labels, not a table
	perRij    bool // a row per client, aanmelding or fragment
}

func (s *sjabloon) maak() error {
	b, _ := sjabloonVoor(s.p.Bron)
	s.blad = b.blad
	if s.l.Profiel.Blad != "" {
		s.blad = s.l.Profiel.Blad // the reader looks only there
	}
	s.soorten = map[soort]bool{}
	if err := s.stijlen(); err != nil {
		return err
	}
	if err := s.x.SetDocProps(&excelize.DocProperties{
		Creator: "kansrijk", LastModifiedBy: "kansrijk", Language: "nl-NL",
		Title:   fmt.Sprintf("Sjabloon %s %s", s.p.Naam, s.q),
		Created: sjabloonDatum, Modified: sjabloonDatum,
	}); err != nil {
		return err
	}
	eerste, tweede := bladUitleg, s.blad
	if b.eerst {
		eerste, tweede = s.blad, bladUitleg
	}
	if err := s.x.SetSheetName("Sheet1", eerste); err != nil {
		return fmt.Errorf("blad %q: %w", eerste, err)
	}
	if _, err := s.x.NewSheet(tweede); err != nil {
		return fmt.Errorf("blad %q: %w", tweede, err)
	}
	if err := b.vul(s, s.blad); err != nil {
		return err
	}
	return s.uitleg()
}

func (s *sjabloon) stijlen() error {
	datum, tekst := "dd-mm-yyyy", 49 // 49 is Excel's "@": text as typed
	defs := []struct {
		id *int
		st excelize.Style
	}{
		{&s.stijl.titel, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&s.stijl.kop, excelize.Style{Font: &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.stijl.vet, excelize.Style{Font: &excelize.Font{Bold: true}}},
		{&s.stijl.tekst, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.stijl.datum, excelize.Style{CustomNumFmt: &datum}},
		{&s.stijl.code, excelize.Style{NumFmt: tekst}},
	}
	for _, d := range defs {
		id, err := s.x.NewStyle(&d.st)
		if err != nil {
			return err
		}
		*d.id = id
	}
	return nil
}

// soort is the kind of value a column holds: it sets the cell format,
// the check and the rules the Uitleg explains.
type soort int

const (
	soortVrij     soort = iota // free text
	soortCode                  // text kept exactly as typed: numbers with leading zeros
	soortDatum                 // dd-mm-jjjj
	soortDuur                  // weeks+days, 8+3; text, so Excel leaves it alone
	soortGetal                 // a number between min and max
	soortKeuze                 // one of lijst
	soortAantal                // aggregated count: a whole number, <5 or n.b.
	soortUren                  // aggregated hours: a number or n.b.
	soortTelling               // a count that must be exact (procesmonitor)
	soortKwartaal              // a kwartaal as 2026-K3; text
)

// invoer is how one field is filled in.
type invoer struct {
	veld   string
	uitleg string // the hint on selecting a cell, and the column's line in Uitleg
	soort  soort
	lijst  []string
	open   bool   // lijst is a suggestion: other values pass after a warning
	fout   string // what Excel says about a value outside the check, if not the default
	heel   bool   // getal: whole numbers only
	min    float64
	max    float64
	breed  float64 // column width; 0: from the header text
}

var sjabloonJaNee = []string{"ja", "nee"}

// velden puts the template's own order and hints on the reader's fields:
// every field the reader knows gets a column (one the template has no
// hint for yet still gets one), and a hint for a field the reader does
// not know is a mistake here.
func (s *sjabloon) velden(spec []invoer, weglaten ...string) ([]invoer, error) {
	kolommen := bronVelden[s.p.Bron]
	bekend := map[string]bool{}
	for _, k := range kolommen {
		bekend[k.veld] = true
	}
	var out []invoer
	gedaan := map[string]bool{}
	for _, in := range spec {
		if !bekend[in.veld] {
			return nil, fmt.Errorf("het sjabloon noemt veld %q, dat de lezer voor %s niet kent", in.veld, s.p.Bron)
		}
		gedaan[in.veld] = true
		if !slices.Contains(weglaten, in.veld) {
			out = append(out, in)
		}
	}
	for _, k := range kolommen {
		if !gedaan[k.veld] && !slices.Contains(weglaten, k.veld) {
			out = append(out, invoer{veld: k.veld})
		}
	}
	return out, nil
}

// gemeenten are the partner's gemeenten as kansrijk.toml spells them;
// a partner without any may deliver for every gemeente.
func (s *sjabloon) gemeenten() []string {
	var out []string
	for _, g := range s.p.Gemeenten {
		if gem, _, ok := s.cfg.Gemeente(g); ok && !slices.Contains(out, gem) {
			out = append(out, gem)
		}
	}
	if len(out) == 0 {
		for _, co := range s.cfg.Coalities {
			out = append(out, co.Gemeenten...)
		}
	}
	return out
}

func (s *sjabloon) coalities() []string {
	var out []string
	for _, co := range s.cfg.Coalities {
		out = append(out, co.Naam)
	}
	return out
}

func (s *sjabloon) gemeente(uitleg string) invoer {
	return invoer{veld: "gemeente", soort: soortKeuze, lijst: s.gemeenten(), open: true, uitleg: uitleg,
		fout: "Deze gemeente staat niet in de lijst. Rijen van gemeenten buiten de lijst tellen niet mee."}
}

func (s *sjabloon) verloskunde(blad string) error {
	s.perRij = true
	s.stappen = append(s.stappen,
		"Vul één rij in per cliënt bij wie dit kwartaal iets gebeurde: de eerste controle, de bevalling of allebei.",
		"Is het kind nog niet geboren? Laat de kolommen over de bevalling dan leeg.")
	gewicht := invoer{veld: "gewicht", soort: soortGetal, heel: true, min: gewichtMin, max: gewichtMax,
		uitleg: fmt.Sprintf("Geboortegewicht in grammen, zoals 3250. Tussen %d en %d.", gewichtMin, gewichtMax)}
	if strings.EqualFold(s.l.Profiel.Gewicht, "kg") {
		gewicht = invoer{veld: "gewicht", soort: soortGetal, min: gewichtMin / 1000.0, max: gewichtMax / 1000.0,
			uitleg: fmt.Sprintf("Geboortegewicht in kilogram, zoals 3,25. Tussen %g en %g.", gewichtMin/1000.0, gewichtMax/1000.0)}
	}
	velden, err := s.velden([]invoer{
		{veld: "client", soort: soortCode, uitleg: "Het cliëntnummer uit uw eigen systeem. Geen naam of BSN."},
		s.gemeente("De gemeente waar de cliënt woont. Kies uit de lijst."),
		{veld: "eerste", soort: soortDatum, uitleg: "Datum van de eerste controle, zoals 03-09-2026."},
		{veld: "amenorroe", soort: soortDuur, uitleg: fmt.Sprintf("Amenorroeduur bij de eerste controle, in weken+dagen, zoals 8+3. Tussen %s en %s.",
			FormatDuur(amenorroeMin), FormatDuur(amenorroeMax))},
		{veld: "roken", soort: soortKeuze, lijst: []string{"ja", "nee", "gestopt"}, uitleg: "Rookt de cliënt tijdens de zwangerschap? Kies ja, nee of gestopt."},
		{veld: "kwetsbaar", soort: soortKeuze, lijst: sjabloonJaNee, uitleg: "Is er kwetsbaarheid gesignaleerd? Kies ja of nee."},
		{veld: "verwezen", soort: soortVrij, breed: 26, uitleg: "Naar wie is de cliënt verwezen? Bijvoorbeeld Sociaal wijkteam. Niet verwezen: schrijf geen."},
		{veld: "bevalling", soort: soortDatum, uitleg: "Datum van de bevalling, zoals 28-09-2026. Nog niet bevallen: laat leeg."},
		{veld: "duur", soort: soortDuur, uitleg: fmt.Sprintf("Zwangerschapsduur bij de geboorte, in weken+dagen, zoals 39+2. Tussen %s en %s.",
			FormatDuur(duurMin), FormatDuur(duurMax))},
		gewicht,
	})
	if err != nil {
		return err
	}
	return s.rijenBlad(blad, velden)
}

// sjabloonHulpvragen are the sjabloonHulpvragen in the wijkteams' registrations;
// KS09 counts Financiële zorgen.
var sjabloonHulpvragen = []string{"Financiële zorgen", "Opvoeding", "Huisvesting", "Psychische klachten"}

func (s *sjabloon) wijkteam(blad string) error {
	s.perRij = true
	s.stappen = append(s.stappen, "Vul één rij in per aanmelding in dit kwartaal.")
	// For a partner of one gemeente the reader takes that gemeente; a
	// column left empty would only lose rows.
	var weg []string
	if len(s.p.Gemeenten) == 1 {
		weg = append(weg, "gemeente")
	}
	velden, err := s.velden([]invoer{
		{veld: "dossier", soort: soortCode, uitleg: "Het dossiernummer uit uw eigen systeem. Geen naam of BSN."},
		{veld: "aanmelding", soort: soortDatum, uitleg: "Datum van de aanmelding, zoals 02-07-2026."},
		{veld: "start", soort: soortDatum, uitleg: "Datum waarop de hulp begon. Nog niet begonnen: laat leeg."},
		{veld: "hulpvraag", soort: soortKeuze, lijst: sjabloonHulpvragen, open: true, breed: 22,
			uitleg: "De hulpvraag. Kies uit de lijst. Geldzorgen: kies Financiële zorgen."},
		s.gemeente("De gemeente waar het gezin woont. Kies uit de lijst."),
	}, weg...)
	if err != nil {
		return err
	}
	return s.rijenBlad(blad, velden)
}

// Suggestions for the story log, from the coalities' own logs.
var (
	sjabloonToestemming = []string{"intern", "rapport", "openbaar", "ingetrokken"}
	sjabloonWerkvormen  = []string{"interview", "focusgroep", "spiegelbijeenkomst", "ervaringsdeskundige", "open vraag vragenlijst"}
	sjabloonDoelgroepen = []string{"eenoudergezin", "tienermoeder", "statushouder", "arbeidsmigrant", "ouders met schulden", "verslavingsproblematiek"}
	sjabloonTonen       = []string{"positief", "negatief", "gemengd"}
)

func (s *sjabloon) ouderverhalen(blad string) error {
	s.perRij = true
	s.stappen = append(s.stappen,
		"Vul één rij in per fragment: een stukje uit het verhaal van een ouder.",
		"Vraag de ouder om toestemming en vul die in. Trekt een ouder de toestemming in? Kies dan ingetrokken; laat de rij staan.")
	velden, err := s.velden([]invoer{
		{veld: "id", soort: soortCode, uitleg: "Een eigen nummer voor elk fragment, zoals HS-2026-001. Gebruik elk nummer maar één keer."},
		{veld: "coalitie", soort: soortKeuze, lijst: s.coalities(), uitleg: "De coalitie. Kies uit de lijst."},
		{veld: "datum", soort: soortDatum, uitleg: "Datum van het gesprek, zoals 03-09-2026."},
		{veld: "werkvorm", soort: soortKeuze, lijst: sjabloonWerkvormen, open: true, breed: 22, uitleg: "Hoe het verhaal is opgehaald, bijvoorbeeld interview of focusgroep."},
		{veld: "persona", soort: soortVrij, uitleg: "De voornaam van de persona die bij het verhaal past. Geen persona: laat leeg."},
		{veld: "doelgroep", soort: soortKeuze, lijst: sjabloonDoelgroepen, open: true, breed: 24, uitleg: "De doelgroep van de ouder, bijvoorbeeld tienermoeder."},
		{veld: "toestemming", soort: soortKeuze, lijst: sjabloonToestemming,
			uitleg: "intern: alleen tellen. rapport: citeren in rapporten. openbaar: overal citeren. ingetrokken: niet gebruiken."},
		{veld: "fragment", soort: soortVrij, breed: 60, uitleg: "Wat de ouder zei, in eigen woorden. Haal namen, adressen, telefoonnummers en BSN weg."},
		{veld: "codes", soort: soortVrij, breed: 40, uitleg: "Codes uit het codeboek, zoals Bestaanszekerheid > Geldzorgen. Meer codes: zet er ; tussen."},
		{veld: "toon", soort: soortKeuze, lijst: sjabloonTonen, open: true, uitleg: "De toon van het fragment: positief, negatief of gemengd."},
		{veld: "uitgelicht", soort: soortKeuze, lijst: sjabloonJaNee, uitleg: "Wilt u dit fragment uitlichten in het rapport? Kies ja of nee."},
		{veld: "door", soort: soortVrij, breed: 18, uitleg: "Wie het fragment invoerde: naam of initialen."},
	})
	if err != nil {
		return err
	}
	return s.rijenBlad(blad, velden)
}

// rijenBlad writes a record sheet: the header row, and per column its
// format, width, hint and check for the first sjabloonRijen rows.
func (s *sjabloon) rijenBlad(blad string, velden []invoer) error {
	for i, in := range velden {
		naam := s.l.naam(in.veld)
		if err := s.kolom(blad, i+1, naam, in); err != nil {
			return err
		}
		if err := s.kopCel(blad, i+1, 1, naam); err != nil {
			return err
		}
		if err := s.controle(blad, sheet.Cell(i+1, 2)+":"+sheet.Cell(i+1, sjabloonRijen+1), naam, in); err != nil {
			return err
		}
	}
	return s.x.SetPanes(blad, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// kolom sets a column's format and width and notes it for the Uitleg.
// The format comes first: SetColStyle also restyles cells written before.
func (s *sjabloon) kolom(blad string, col int, naam string, in invoer) error {
	letter, err := excelize.ColumnNumberToName(col)
	if err != nil {
		return err
	}
	switch in.soort {
	case soortDatum:
		err = s.x.SetColStyle(blad, letter, s.stijl.datum)
	case soortCode, soortDuur, soortKwartaal:
		err = s.x.SetColStyle(blad, letter, s.stijl.code)
	}
	if err != nil {
		return err
	}
	breed := in.breed
	if breed == 0 {
		breed = max(12, float64(len([]rune(naam)))+4)
	}
	if err := s.x.SetColWidth(blad, letter, letter, breed); err != nil {
		return err
	}
	s.noteer(naam, in)
	return nil
}

func (s *sjabloon) noteer(naam string, in invoer) {
	s.soorten[in.soort] = true
	s.janee = s.janee || in.soort == soortKeuze && slices.Equal(in.lijst, sjabloonJaNee)
	if in.uitleg != "" {
		s.kolommen = append(s.kolommen, naam+": "+in.uitleg)
	}
}

func (s *sjabloon) kopCel(blad string, col, row int, tekst string) error {
	cel := sheet.Cell(col, row)
	if err := s.x.SetCellStr(blad, cel, csvuit.Tekst(tekst)); err != nil {
		return err
	}
	return s.x.SetCellStyle(blad, cel, cel, s.stijl.kop)
}

// Excel's limits on the texts of a data validation, in UTF-16 units.
const (
	maxTitel   = 32
	maxBericht = 255
)

// controle gives the cells in sqref a hint on selecting them and, where
// the values are known, a check or a drop-down list.
func (s *sjabloon) controle(blad, sqref, titel string, in invoer) error {
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if in.uitleg != "" {
		dv.SetInput(dvTekst(titel, maxTitel), dvTekst(in.uitleg, maxBericht))
	}
	eerste, _, _ := strings.Cut(sqref, ":")
	fout := func(stijl excelize.DataValidationErrorStyle, titel, standaard string) {
		if in.fout != "" {
			standaard = in.fout
		}
		dv.SetError(stijl, dvTekst(titel, maxTitel), dvTekst(standaard, maxBericht))
	}
	switch in.soort {
	case soortKeuze:
		// A list Excel cannot hold inline (a comma in a value, or over
		// 255 characters) keeps just the hint.
		if slices.ContainsFunc(in.lijst, func(v string) bool { return strings.Contains(v, ",") }) || dv.SetDropList(in.lijst) != nil {
			break
		}
		if in.open {
			fout(excelize.DataValidationErrorStyleWarning, "Niet in de lijst", "Deze waarde staat niet in de lijst. Klopt hij toch? Kies dan Ja.")
		} else {
			fout(excelize.DataValidationErrorStyleStop, "Kies uit de lijst", "Kies uit de lijst: "+strings.Join(in.lijst, ", ")+".")
		}
	case soortDatum:
		if err := dv.SetRange(int(serialMin), int(serialMax)-1, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		fout(excelize.DataValidationErrorStyleWarning, "Geen datum", "Dit is geen datum. Schrijf een datum als dd-mm-jjjj, zoals 03-09-2026.")
	case soortGetal:
		t := excelize.DataValidationTypeDecimal
		if in.heel {
			t = excelize.DataValidationTypeWhole
		}
		if err := dv.SetRange(in.min, in.max, t, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		fout(excelize.DataValidationErrorStyleWarning, "Klopt dit getal?", fmt.Sprintf("Verwacht een getal tussen %g en %g.", in.min, in.max))
	case soortTelling:
		if err := dv.SetRange(0, 99999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		fout(excelize.DataValidationErrorStyleStop, "Geen aantal", "Schrijf een heel getal: 0 of meer. Ook een klein aantal schrijft u precies op.")
	case soortAantal:
		// A custom formula: the check is relative to the first cell.
		dv.Type = "custom"
		dv.Formula1 = xmlFormule(fmt.Sprintf(`OR(AND(ISNUMBER(%[1]s),%[1]s>=0,%[1]s=INT(%[1]s)),%[1]s="<5",LOWER(%[1]s)="n.b.")`, eerste))
		fout(excelize.DataValidationErrorStyleStop, "Geen aantal", "Schrijf een heel getal (0 of meer). Een aantal van 1 tot en met 4 schrijft u als <5. Niet bekend: schrijf n.b.")
	case soortUren:
		dv.Type = "custom"
		dv.Formula1 = xmlFormule(fmt.Sprintf(`OR(AND(ISNUMBER(%[1]s),%[1]s>=0),LOWER(%[1]s)="n.b.")`, eerste))
		fout(excelize.DataValidationErrorStyleStop, "Geen aantal uren", "Schrijf het aantal uren, zoals 12,5. Niet bekend: schrijf n.b.")
	case soortDuur:
		dv.Type = "custom"
		dv.Formula1 = xmlFormule(duurFormule(eerste))
		fout(excelize.DataValidationErrorStyleWarning, "Weken+dagen", "Schrijf weken+dagen, zoals 8+3: dagen 0 tot en met 6. Weet u het niet? Laat de cel dan leeg.")
	case soortKwartaal:
		dv.Type = "custom"
		dv.Formula1 = xmlFormule(kwartaalFormule(eerste))
		fout(excelize.DataValidationErrorStyleStop, "Geen kwartaal", fmt.Sprintf("Schrijf het kwartaal als jaar-K en het nummer, zoals %s.", s.q))
	}
	if dv.Type == "" && dv.PromptTitle == nil {
		return nil
	}
	return s.x.AddDataValidation(blad, dv)
}

// duurFormule is true for a cell at ref that holds weeks+days as the
// reader takes them: whole weeks ("9") or weeks+days with days 0 to 6
// ("8+3"). Any part that is no number makes VALUE an error, which the
// outer IFERROR turns into FALSE: Excel and LibreOffice both pass an
// error on through AND.
func duurFormule(ref string) string {
	plus := fmt.Sprintf(`FIND("+",%s)`, ref)
	weken := fmt.Sprintf(`VALUE(LEFT(%s,%s-1))`, ref, plus)
	dagen := fmt.Sprintf(`VALUE(MID(%s,%s+1,9))`, ref, plus)
	geenTeken := fmt.Sprintf(`ISERROR(FIND(",",%[1]s)),ISERROR(FIND(".",%[1]s)),ISERROR(FIND("-",%[1]s))`, ref)
	return fmt.Sprintf(`IFERROR(IF(ISNUMBER(%[2]s),AND(%[2]s>1,%[5]s,INT(%[3]s)=%[3]s,INT(%[4]s)=%[4]s,%[4]s<=6),AND(%[5]s,INT(VALUE(%[1]s))=VALUE(%[1]s))),FALSE)`,
		ref, plus, weken, dagen, geenTeken)
}

// kwartaalFormule is true for a cell at ref that holds a kwartaal as the
// template writes it: 2026-K3.
func kwartaalFormule(ref string) string {
	return fmt.Sprintf(`IFERROR(AND(LEN(%[1]s)=7,MID(%[1]s,5,2)="-K",ISERROR(FIND(".",LEFT(%[1]s,4))),INT(VALUE(LEFT(%[1]s,4)))=VALUE(LEFT(%[1]s,4)),VALUE(LEFT(%[1]s,4))>=2000,OR(RIGHT(%[1]s,1)="1",RIGHT(%[1]s,1)="2",RIGHT(%[1]s,1)="3",RIGHT(%[1]s,1)="4")),FALSE)`, ref)
}

// xmlFormule escapes a formula as excelize writes it unescaped into the
// sheet's XML.
func xmlFormule(f string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(f)
}

// kort cuts s to at most n UTF-16 units, Excel's measure.
func dvTekst(s string, n int) string {
	if len(utf16.Encode([]rune(s))) <= n {
		return s
	}
	r := []rune(s)
	for len(utf16.Encode(r)) > n-1 {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}

// jgz writes the JGZ's wide sheet, laid out like the JGZ's own export: a
// row per gemeente and, per measure, the four kwartalen of q's year under
// a merged group header.
func (s *sjabloon) jgz(blad string) error {
	const kop = 4 // groups in row 4, kwartalen in row 5
	gemeenten := s.gemeenten()
	eerste, laatste := kop+2, kop+1+len(gemeenten)
	s.stappen = append(s.stappen,
		"Vul per gemeente de aantallen in, met een kolom per kwartaal. De gemeenten staan er al.",
		"Is een kwartaal nog niet voorbij? Laat die kolom dan leeg.")
	uitleg := map[string]string{
		"gemeente":                "De gemeente. Deze staan er al; verander ze niet.",
		MaatAanmeldingenPrenataal: "Aantal zwangeren dat in het kwartaal is aangemeld bij de JGZ.",
		MaatHuisbezoekenPrenataal: "Aantal prenatale huisbezoeken in het kwartaal.",
		MaatKinderen01:            "Aantal kinderen van 0 tot 1 jaar in zorg in het kwartaal.",
	}
	for _, k := range jgzKolommen {
		if uitleg[k.veld] == "" {
			return fmt.Errorf("het sjabloon heeft geen uitleg voor JGZ-veld %q", k.veld)
		}
	}
	x := s.x
	if err := x.SetCellStr(blad, "A1", csvuit.Tekst(fmt.Sprintf("%s — kwartaalcijfers Kansrijke Start %d", s.p.Naam, s.q.Jaar))); err != nil {
		return err
	}
	if err := x.SetCellStyle(blad, "A1", "A1", s.stijl.titel); err != nil {
		return err
	}
	if err := x.SetCellStr(blad, "A2", "Vul per gemeente de aantallen in. <5 = een aantal van 1 tot en met 4; n.b. = niet bekend. Meer uitleg staat op het blad Uitleg."); err != nil {
		return err
	}

	gem := invoer{veld: "gemeente", uitleg: uitleg["gemeente"]}
	gemNaam := s.l.naam("gemeente")
	if err := s.kolom(blad, 1, gemNaam, gem); err != nil {
		return err
	}
	if err := s.kopCel(blad, 1, kop, gemNaam); err != nil {
		return err
	}
	if err := s.kopCel(blad, 1, kop+1, ""); err != nil {
		return err
	}
	if err := x.MergeCell(blad, sheet.Cell(1, kop), sheet.Cell(1, kop+1)); err != nil {
		return err
	}
	for i, g := range gemeenten {
		if err := x.SetCellStr(blad, sheet.Cell(1, eerste+i), csvuit.Tekst(g)); err != nil {
			return err
		}
	}
	if err := s.controle(blad, sheet.Cell(1, eerste)+":"+sheet.Cell(1, laatste), gemNaam, gem); err != nil {
		return err
	}

	col := 2
	for _, k := range jgzKolommen[1:] {
		naam := s.l.naam(k.veld)
		in := invoer{veld: k.veld, soort: soortAantal, uitleg: uitleg[k.veld]}
		s.noteer(naam, in)
		begin := col
		for kw := 1; kw <= 4; kw++ {
			tekst := ""
			if kw == 1 {
				tekst = naam
			}
			if err := s.kopCel(blad, col, kop, tekst); err != nil {
				return err
			}
			// The full kwartaal, so the year need not come from the name.
			if err := s.kopCel(blad, col, kop+1, kansrijk.Kwartaal{Jaar: s.q.Jaar, K: kw}.String()); err != nil {
				return err
			}
			col++
		}
		first, last := sheet.Cell(begin, kop), sheet.Cell(col-1, kop)
		if err := x.MergeCell(blad, first, last); err != nil {
			return err
		}
		if err := s.controle(blad, sheet.Cell(begin, eerste)+":"+sheet.Cell(col-1, laatste), naam, in); err != nil {
			return err
		}
	}
	letter, err := excelize.ColumnNumberToName(col - 1)
	if err != nil {
		return err
	}
	if err := x.SetColWidth(blad, "B", letter, 12); err != nil {
		return err
	}
	return x.SetPanes(blad, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: kop + 1, TopLeftCell: sheet.Cell(2, eerste),
		ActivePane: "bottomRight", Selection: []excelize.Selection{{SQRef: sheet.Cell(2, eerste), ActiveCell: sheet.Cell(2, eerste), Pane: "bottomRight"}}})
}

// kraamzorg writes the kraamzorg's long sheet: a row per gemeente for q,
// ready to be filled in; rows for other kwartalen may be added.
func (s *sjabloon) kraamzorg(blad string) error {
	s.stappen = append(s.stappen,
		"Vul per gemeente de uren en het aantal cliënten van het kwartaal in. De gemeenten en het kwartaal staan er al.",
		fmt.Sprintf("Levert u ook cijfers over een ander kwartaal? Voeg dan een rij toe en schrijf het kwartaal in de kolom %s.", s.l.naam("periode")))
	velden, err := s.velden([]invoer{
		s.gemeente("De gemeente waar de cliënten wonen. Kies uit de lijst."),
		{veld: "periode", soort: soortKwartaal, uitleg: fmt.Sprintf("Het kwartaal, zoals %s.", s.q)},
		{veld: MaatUrenGeindiceerd, soort: soortUren, uitleg: "Aantal geïndiceerde kraamzorguren in het kwartaal, zoals 1250,5."},
		{veld: MaatUrenGeleverd, soort: soortUren, uitleg: "Aantal geleverde kraamzorguren in het kwartaal, zoals 1180,25."},
		{veld: MaatClienten, soort: soortAantal, uitleg: "Aantal cliënten met kraamzorg in het kwartaal."},
	})
	if err != nil {
		return err
	}
	if err := s.rijenBlad(blad, velden); err != nil {
		return err
	}
	for i, g := range s.gemeenten() {
		for c, in := range velden {
			waarde := map[string]string{"gemeente": g, "periode": s.q.String()}[in.veld]
			if waarde == "" {
				continue
			}
			if err := s.x.SetCellStr(blad, sheet.Cell(c+1, i+2), csvuit.Tekst(waarde)); err != nil {
				return err
			}
		}
	}
	return nil
}

// procesmonitor writes the coalitie's form. The labels are the ones the
// procesmonitor reader looks for in column A.
func (s *sjabloon) procesmonitor(blad string) error {
	const kop, tellingen = 7, 19 // the header of the aandachtspunten; the first count
	x := s.x
	s.formulier = true
	kies := "Kies bovenaan de coalitie. Het kwartaal staat er al."
	if s.coalitie != "" {
		kies = fmt.Sprintf("Bovenaan staan de coalitie (%s) en het kwartaal al.", s.coalitie)
	}
	s.stappen = append(s.stappen,
		kies,
		"Kies bij elk van de 10 aandachtspunten de status uit de lijst: "+strings.Join(kansrijk.BorgingStatussen[:], ", ")+".",
		"Vul onderaan de aantallen in en schrijf eventueel een korte toelichting.")
	if co := s.coalities(); len(co) > 1 {
		stap := "Vult u de procesmonitor in voor meer coalities? Maak dan voor elke coalitie een eigen bestand."
		if s.coalitie != "" {
			stap = "Dit bestand is voor " + s.coalitie + ". Voor een andere coalitie is er een eigen bestand."
		} else if n := strings.Replace(s.naam, s.q.String(), naamDeel(co[0])+"_"+s.q.String(), 1); n != s.naam &&
			ControleerSjabloonNaam(s.cfg, Aanvraag{Partner: s.p, Kwartaal: s.q}, n) == nil {
			stap += " Zet de naam van de coalitie in de bestandsnaam, zoals " + n + "."
		}
		s.stappen = append(s.stappen, stap)
	}
	for col, breed := range []float64{34, 48, 18, 48} {
		letter, _ := excelize.ColumnNumberToName(col + 1)
		if err := x.SetColWidth(blad, letter, letter, breed); err != nil {
			return err
		}
	}
	type cel struct {
		ref    string
		waarde any
		stijl  int
	}
	cellen := []cel{
		{"A1", "Procesmonitor Kansrijke Start", s.stijl.titel},
		{"A2", "Vul dit formulier elk kwartaal in. Meer uitleg staat op het blad Uitleg.", 0},
		{"A3", "Coalitie", s.stijl.vet},
		{"A4", "Kwartaal", s.stijl.vet},
		{"B4", s.q.String(), 0},
		{"A5", "Ingevuld door", s.stijl.vet},
	}
	if co := s.coalities(); s.coalitie != "" {
		cellen = append(cellen, cel{"B3", s.coalitie, 0})
	} else if len(co) == 1 {
		cellen = append(cellen, cel{"B3", co[0], 0})
	}
	for i, t := range []string{"Nr", "Aandachtspunt", "Status", "Toelichting"} {
		cellen = append(cellen, cel{sheet.Cell(i+1, kop), t, s.stijl.kop})
	}
	for i, ap := range kansrijk.Aandachtspunten {
		cellen = append(cellen, cel{sheet.Cell(1, kop+1+i), i + 1, 0}, cel{sheet.Cell(2, kop+1+i), ap, s.stijl.tekst})
	}
	labels := []string{"Aantal deelnemende partners", "Aantal bijeenkomsten met ouders", "Aantal betrokken ouders", "Toelichting"}
	for i, t := range labels {
		cellen = append(cellen, cel{sheet.Cell(1, tellingen+i), t, s.stijl.vet})
	}
	for _, c := range cellen {
		if t, ok := c.waarde.(string); ok {
			c.waarde = csvuit.Tekst(t)
		}
		if err := x.SetCellValue(blad, c.ref, c.waarde); err != nil {
			return err
		}
		if c.stijl != 0 {
			if err := x.SetCellStyle(blad, c.ref, c.ref, c.stijl); err != nil {
				return err
			}
		}
	}
	status := sheet.Cell(3, kop+1) + ":" + sheet.Cell(3, kop+10)
	velden := []struct {
		sqref, naam string
		in          invoer
	}{
		{"B3", "Coalitie", invoer{soort: soortKeuze, lijst: s.coalities(), uitleg: "De coalitie. Kies uit de lijst."}},
		{"B4", "Kwartaal", invoer{soort: soortKwartaal, uitleg: fmt.Sprintf("Het kwartaal, zoals %s. Dit staat er al.", s.q)}},
		{"B5", "Ingevuld door", invoer{uitleg: "Uw naam."}},
		{status, "Status", invoer{soort: soortKeuze, lijst: kansrijk.BorgingStatussen[:], uitleg: "Hoe ver is de coalitie met dit aandachtspunt? Kies uit de lijst."}},
		{sheet.Cell(4, kop+1) + ":" + sheet.Cell(4, kop+10), "Toelichting", invoer{uitleg: "Eventueel een korte toelichting bij de status."}},
		{sheet.Cell(2, tellingen), labels[0], invoer{soort: soortTelling, uitleg: "Hoeveel organisaties doen mee in de coalitie?"}},
		{sheet.Cell(2, tellingen+1), labels[1], invoer{soort: soortTelling, uitleg: "Hoeveel bijeenkomsten met ouders waren er dit kwartaal?"}},
		{sheet.Cell(2, tellingen+2), labels[2], invoer{soort: soortTelling, uitleg: "Hoeveel ouders deden dit kwartaal mee?"}},
		{sheet.Cell(2, tellingen+3), labels[3], invoer{uitleg: "Eventueel een korte toelichting op het kwartaal."}},
	}
	for _, v := range velden {
		s.noteer(v.naam, v.in)
		if err := s.controle(blad, v.sqref, v.naam, v.in); err != nil {
			return err
		}
	}
	return nil
}

// uitleg writes the sheet Uitleg: plain steps, a line per column, how to
// save the file; protected, so it stays as it is.
func (s *sjabloon) uitleg() error {
	type regel struct {
		tekst string
		stijl int
	}
	var rijen []regel
	kopje := func(t string) { rijen = append(rijen, regel{}, regel{t, s.stijl.vet}) }
	lijst := func(genummerd bool, teksten ...string) {
		for i, t := range teksten {
			if genummerd {
				t = fmt.Sprintf("%d. %s", i+1, t)
			} else {
				t = "• " + t
			}
			rijen = append(rijen, regel{t, s.stijl.tekst})
		}
	}
	rijen = append(rijen,
		regel{"Kansrijke Start — sjabloon voor " + s.p.Naam, s.stijl.titel},
		regel{fmt.Sprintf("Kwartaal %s. Bestand %s.", s.q, s.naam), s.stijl.tekst})

	stappen := append([]string{"Ga naar het blad " + s.blad + " (de tab onderaan het scherm)."}, s.stappen...)
	wat := "Wat hoort in elke kolom?"
	if s.formulier {
		wat = "Wat vult u in?"
		stappen = append(stappen, "Verander de vaste teksten, zoals Coalitie, Nr en Status, niet. Dan kan kansrijk het formulier lezen.")
	} else {
		stappen = append(stappen, "Verander de namen van de kolommen niet. Dan kan kansrijk het bestand lezen.")
	}
	if s.soorten[soortKeuze] {
		stappen = append(stappen, "Klik op een cel: u ziet dan wat erin hoort. Ziet u een pijltje naast de cel? Kies dan uit de lijst.")
	} else {
		stappen = append(stappen, "Klik op een cel: u ziet dan wat erin hoort.")
	}
	if s.soorten[soortDatum] {
		stappen = append(stappen, "Een datum schrijft u als dd-mm-jjjj, zoals 03-09-2026.")
	}
	if s.soorten[soortDuur] {
		stappen = append(stappen, "Weken en dagen schrijft u als weken+dagen: 8+3 is 8 weken en 3 dagen. Dagen gaan van 0 tot en met 6.")
	}
	if s.janee {
		stappen = append(stappen, "Bij een vraag met ja of nee kiest u ja of nee.")
	}
	if s.soorten[soortAantal] {
		stappen = append(stappen, "Is een aantal 1, 2, 3 of 4? Schrijf dan <5. Dat is voor de privacy. Gebruik <5 alleen voor deze aantallen.")
	}
	if s.soorten[soortAantal] || s.soorten[soortUren] {
		stappen = append(stappen, "Heeft u een cijfer niet? Schrijf dan n.b. Schrijf geen 0 als u het niet weet.")
	}
	if s.soorten[soortTelling] {
		stappen = append(stappen, "Schrijf bij de aantallen het precieze getal, ook als het klein is. Dus geen <5.")
	}
	if s.perRij {
		stappen = append(stappen,
			"Weet u iets niet? Laat de cel dan leeg.",
			"Zet geen namen, BSN, adressen of telefoonnummers in het bestand.")
	}
	kopje("Zo vult u het bestand in")
	lijst(true, stappen...)
	kopje(wat)
	lijst(false, s.kolommen...)

	opslaan := []string{
		"Sla het bestand op als Excel-werkmap (.xlsx). Dus niet als .csv of .xls.",
		"Houd deze bestandsnaam: " + s.naam + ".",
	}
	if volgend := strings.Replace(s.naam, s.q.String(), s.q.Add(1).String(), 1); volgend != s.naam {
		opslaan = append(opslaan, "Voor een ander kwartaal verandert u alleen het kwartaal in de naam, zoals "+volgend+".")
	}
	if v2 := strings.TrimSuffix(s.naam, filepath.Ext(s.naam)) + "_v2.xlsx"; ControleerSjabloonNaam(s.cfg, Aanvraag{Partner: s.p, Kwartaal: s.q}, v2) == nil {
		opslaan = append(opslaan, "Stuurt u later een verbeterde versie? Zet dan _v2 achter de naam: "+v2+".")
	}
	opslaan = append(opslaan, "Stuur het bestand daarna op zoals met u is afgesproken.")
	kopje("Opslaan en versturen")
	lijst(false, opslaan...)
	rijen = append(rijen, regel{}, regel{"Dit blad is alleen uitleg. U kunt het niet veranderen.", s.stijl.tekst})

	x := s.x
	if err := x.SetColWidth(bladUitleg, "A", "A", 110); err != nil {
		return err
	}
	for i, r := range rijen {
		if r.tekst == "" {
			continue
		}
		cel := sheet.Cell(1, i+1)
		if err := x.SetCellStr(bladUitleg, cel, csvuit.Tekst(r.tekst)); err != nil {
			return err
		}
		if err := x.SetCellStyle(bladUitleg, cel, cel, r.stijl); err != nil {
			return err
		}
	}
	// No password: the protection keeps the text from being changed by
	// accident, it is no secret.
	return x.ProtectSheet(bladUitleg, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true})
}
