package stories

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/sheet"
	"kansrijk/store"
)

// ErrGeenCodeboek means no codebook has been imported: codes cannot be
// checked, so none are counted.
var ErrGeenCodeboek = errors.New("er is nog geen codeboek ingelezen; lees Codeboek.xlsx in, anders kunnen de codes van de verhalen niet worden gecontroleerd en geteld")

// Sleutel folds a code for matching (rule 12): case and every kind of
// white space are ignored, so "Bestaanszekerheid>geldzorgen" is
// "Bestaanszekerheid > Geldzorgen".
func Sleutel(code string) string {
	return strings.ToLower(strings.Join(strings.Fields(code), ""))
}

// Code is one code of the codebook.
type Code struct {
	Thema        string
	Code         string
	Pad          string // "Thema > Code", as the codebook spells it
	Omschrijving string
	Indicatoren  []string
}

// Codeboek is the regional codebook of the active leveringen, in the
// order of the workbook.
type Codeboek struct {
	Codes  []Code
	sleut  map[string]int
	themas []string
}

// NieuwCodeboek makes a codebook of codes in their order; a code that
// matches an earlier one (Sleutel) is left out.
func NieuwCodeboek(codes []Code) *Codeboek {
	cb := &Codeboek{sleut: map[string]int{}}
	seen := map[string]bool{}
	for _, c := range codes {
		c.Thema = strings.Join(strings.Fields(c.Thema), " ")
		c.Code = strings.Join(strings.Fields(c.Code), " ")
		c.Pad = c.Thema + " > " + c.Code
		k := Sleutel(c.Pad)
		if _, dup := cb.sleut[k]; dup {
			continue
		}
		cb.sleut[k] = len(cb.Codes)
		cb.Codes = append(cb.Codes, c)
		if !seen[Sleutel(c.Thema)] {
			seen[Sleutel(c.Thema)] = true
			cb.themas = append(cb.themas, c.Thema)
		}
	}
	return cb
}

// Zoek finds a code as written in a log, matched by Sleutel.
func (cb *Codeboek) Zoek(code string) (Code, bool) {
	if cb == nil {
		return Code{}, false
	}
	i, ok := cb.sleut[Sleutel(code)]
	if !ok {
		return Code{}, false
	}
	return cb.Codes[i], true
}

// Themas lists the themes in codebook order.
func (cb *Codeboek) Themas() []string {
	if cb == nil {
		return nil
	}
	return cb.themas
}

// Leeg reports whether there is no codebook at all.
func (cb *Codeboek) Leeg() bool { return cb == nil || len(cb.Codes) == 0 }

// Fragment is one counted story fragment of an Excel log or a REFI-QDA
// project: active levering, not withdrawn, the master of its story
// (Meester). Withdrawn fragments never get this far.
type Fragment struct {
	Levering int64
	// Bron is the kind of levering: an Excel log (ouderverhalen) or a
	// REFI-QDA project (refiqda), whose fragments are coded selections:
	// Blad is then the source and Rij the selection's number in it.
	Bron      kansrijk.Bron
	Bestand   string
	Blad      string
	Rij       int
	VerhaalID string
	Coalitie  string
	Datum     time.Time
	Kwartaal  kansrijk.Kwartaal
	Werkvorm  string
	Persona   string // as the persona table spells the first name, when known
	Doelgroep string
	// Toestemming is intern, rapport or openbaar; anything else reads as
	// intern (counted, never quoted).
	Toestemming   Toestemming
	Tekst         string
	Ruw           []string // codes as written in the log
	Codes         []Code   // codebook codes, each once, in log order
	Onbekend      []string // codes not in the codebook: reported, not counted
	Toon          string
	Uitgelicht    bool
	IngevoerdDoor string
	// CodesCel is the cell of the Codes column in the log (I5), CodesKop
	// its header as written; "" for a levering stored without them.
	CodesCel, CodesKop string
}

// Verhalen is what the stories analysis reads from the store.
type Verhalen struct {
	Codeboek   *Codeboek
	Fragmenten []Fragment
	Personas   []store.Persona
}

// Lees reads the codebook, persona's and counted fragments of the active
// leveringen. It does not fail without a codebook: quotes need none,
// while the analyses that count codes return ErrGeenCodeboek.
func Lees(ctx context.Context, db *store.DB) (*Verhalen, error) {
	cb, err := leesCodeboek(ctx, db)
	if err != nil {
		return nil, err
	}
	ps, err := leesPersonas(ctx, db)
	if err != nil {
		return nil, err
	}
	fs, err := leesFragmenten(ctx, db, cb, ps)
	if err != nil {
		return nil, err
	}
	return &Verhalen{Codeboek: cb, Fragmenten: fs, Personas: ps}, nil
}

func leesCodeboek(ctx context.Context, db *store.DB) (*Codeboek, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT l.bron, c.thema, c.code, c.omschrijving, c.indicatoren FROM codeboek c JOIN actieve_levering l ON c.levering = l.id
		ORDER BY c.levering, c.rij`)
	if err != nil {
		return nil, fmt.Errorf("codeboek lezen: %w", err)
	}
	defer rows.Close()
	var excel, qda []Code
	for rows.Next() {
		var c Code
		var bron string
		var inds []any
		if err := rows.Scan(&bron, &c.Thema, &c.Code, &c.Omschrijving, &inds); err != nil {
			return nil, fmt.Errorf("codeboek lezen: %w", err)
		}
		c.Indicatoren = strs(inds)
		if kansrijk.Bron(bron) == kansrijk.BronQDA {
			qda = append(qda, c)
		} else {
			excel = append(excel, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("codeboek lezen: %w", err)
	}
	// The regional (Excel) codebook is the codebook; the codebooks of
	// REFI-QDA projects only stand in when there is none.
	if len(excel) == 0 {
		excel = qda
	}
	return NieuwCodeboek(excel), nil
}

func leesPersonas(ctx context.Context, db *store.DB) ([]store.Persona, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT p.blad, p.rij, p.naam, p.voornaam, p.coalitie, p.doelgroep, p.situatie, p.nodig, p.tegenaan, p.bron
		FROM actieve_persona p ORDER BY p.levering, p.rij`)
	if err != nil {
		return nil, fmt.Errorf("persona's lezen: %w", err)
	}
	defer rows.Close()
	var out []store.Persona
	for rows.Next() {
		var p store.Persona
		if err := rows.Scan(&p.Blad, &p.Rij, &p.Naam, &p.Voornaam, &p.Coalitie, &p.Doelgroep, &p.Situatie, &p.Nodig, &p.Tegenaan, &p.Bron); err != nil {
			return nil, fmt.Errorf("persona's lezen: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ingetrokkenFilter keeps out every fragment whose Verhaal-ID any log,
// also an older version, marks as withdrawn: a withdrawal cannot be
// undone by a later delivery that forgot it.
const ingetrokkenFilter = `NOT EXISTS (SELECT 1 FROM verhaal w WHERE w.toestemming = 'ingetrokken'
	AND w.coalitie = v.coalitie AND lower(trim(w.verhaal_id)) = lower(trim(v.verhaal_id)))`

func leesFragmenten(ctx context.Context, db *store.DB, cb *Codeboek, ps []store.Persona) ([]Fragment, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT v.levering, l.bron, l.bestand, v.blad, v.rij, v.verhaal_id, v.coalitie, v.datum, v.werkvorm, v.persona,
		       v.doelgroep, v.toestemming, v.fragment, v.codes, v.toon, v.uitgelicht, v.ingevoerd_door,
		       v.codes_cel, v.codes_kop
		FROM verhaal v JOIN actieve_levering l ON v.levering = l.id
		WHERE lower(trim(v.toestemming)) <> 'ingetrokken' AND v.datum IS NOT NULL AND `+ingetrokkenFilter+`
		ORDER BY v.levering DESC, v.rij`)
	if err != nil {
		return nil, fmt.Errorf("verhalen lezen: %w", err)
	}
	defer rows.Close()
	persona := personaNamen(ps)
	var out []Fragment
	for rows.Next() {
		var f Fragment
		var codes []any
		var toestemming, bron string
		if err := rows.Scan(&f.Levering, &bron, &f.Bestand, &f.Blad, &f.Rij, &f.VerhaalID, &f.Coalitie, &f.Datum, &f.Werkvorm, &f.Persona,
			&f.Doelgroep, &toestemming, &f.Tekst, &codes, &f.Toon, &f.Uitgelicht, &f.IngevoerdDoor,
			&f.CodesCel, &f.CodesKop); err != nil {
			return nil, fmt.Errorf("verhalen lezen: %w", err)
		}
		f.Bron = kansrijk.Bron(bron)
		f.Kwartaal = kansrijk.KwartaalVan(f.Datum)
		switch t := Toestemming(strings.ToLower(strings.TrimSpace(toestemming))); t {
		case Rapport, Openbaar:
			f.Toestemming = t
		default:
			f.Toestemming = Intern
		}
		f.Toon = strings.ToLower(strings.TrimSpace(f.Toon))
		f.Doelgroep = strings.Join(strings.Fields(f.Doelgroep), " ")
		f.Werkvorm = strings.Join(strings.Fields(f.Werkvorm), " ")
		f.Persona = strings.TrimSpace(f.Persona)
		if n, ok := persona[strings.ToLower(f.Persona)]; ok {
			f.Persona = n
		}
		f.Ruw = strs(codes)
		dubbel := map[string]bool{}
		for _, c := range f.Ruw {
			k := Sleutel(c)
			if k == "" || dubbel[k] {
				continue // a code listed twice counts once
			}
			dubbel[k] = true
			if code, ok := cb.Zoek(c); ok {
				f.Codes = append(f.Codes, code)
			} else {
				f.Onbekend = append(f.Onbekend, c)
			}
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out = Meester(out) // one levering per story
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Coalitie != b.Coalitie {
			return a.Coalitie < b.Coalitie
		}
		if !a.Datum.Equal(b.Datum) {
			return a.Datum.Before(b.Datum)
		}
		if a.VerhaalID != b.VerhaalID {
			return a.VerhaalID < b.VerhaalID
		}
		return a.Rij < b.Rij
	})
	return out, nil
}

// personaNamen maps a lower-case first name to the persona table's
// spelling of it.
func personaNamen(ps []store.Persona) map[string]string {
	m := map[string]string{}
	for _, p := range ps {
		if p.Voornaam != "" {
			m[strings.ToLower(p.Voornaam)] = p.Voornaam
		}
	}
	return m
}

func strs(xs []any) []string {
	out := []string{}
	for _, x := range xs {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// OnbekendeCode is a code in a story log that the codebook does not
// have. It is reported and not counted.
type OnbekendeCode struct {
	Levering  int64
	Bron      kansrijk.Bron
	Bestand   string
	Blad      string
	Rij       int
	VerhaalID string
	Coalitie  string
	Code      string // as written in the log
	// Cel is the cell of the Codes column (I5), Kop its header; "" for a
	// log stored before they were kept, which is reported by row.
	Cel, Kop string
}

// Melding is the message for the coalitie that delivered the log or
// project, at the cell of the Codes column: the code does not count, so
// it is a fout.
func (o OnbekendeCode) Melding() store.Melding {
	return store.Melding{
		Location: verhaalPlaats(o.Bron, o.Bestand, o.Blad, o.Rij, o.Cel, o.Kop, o.VerhaalID),
		Waarde:   o.Code, Ernst: store.Fout, Verwacht: "een code uit het codeboek, zoals Thema > Code",
		Tekst: fmt.Sprintf("code '%s' staat niet in het codeboek en telt niet mee; controleer de spelling of vul het codeboek aan", o.Code),
	}
}

// verhaalPlaats is where in a story log a message points: the cell when
// it is known, else the row; the record is the Verhaal-ID. In a REFI-QDA
// project the sheet is the source and there are no rows to name.
func verhaalPlaats(bron kansrijk.Bron, bestand, blad string, rij int, cel, kop, id string) sheet.Location {
	p := sheet.Location{File: bestand, Sheet: blad, Row: rij, Header: kop, Record: sheet.Record{Kind: "Verhaal-ID", Key: id}}
	if bron == kansrijk.BronQDA {
		p.Row = 0
		return p
	}
	if col, row, ok := sheet.ParseCell(cel); ok && row == rij {
		p.Col = col
	}
	return p
}

// OnbekendeCodes lists the codes of counted fragments that the codebook
// lacks, per levering file and row. Without a codebook it returns
// ErrGeenCodeboek: then no code can be checked.
func (v *Verhalen) OnbekendeCodes() ([]OnbekendeCode, error) {
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	var out []OnbekendeCode
	for _, f := range v.Fragmenten {
		for _, c := range f.Onbekend {
			out = append(out, OnbekendeCode{Levering: f.Levering, Bron: f.Bron, Bestand: f.Bestand, Blad: f.Blad, Rij: f.Rij,
				VerhaalID: f.VerhaalID, Coalitie: f.Coalitie, Code: c, Cel: f.CodesCel, Kop: f.CodesKop})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Bestand != out[j].Bestand {
			return out[i].Bestand < out[j].Bestand
		}
		return out[i].Rij < out[j].Rij
	})
	return out, nil
}

// OnbekendeCodes reads the store and lists the unknown codes, for
// kansrijk import to print after a run.
func OnbekendeCodes(ctx context.Context, db *store.DB) ([]OnbekendeCode, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	return v.OnbekendeCodes()
}

// OnbekendePersona is a story that names a persona the persona's do not
// have; the story still counts, but is tied to no persona page.
type OnbekendePersona struct {
	Bron      kansrijk.Bron
	Bestand   string
	Blad      string
	Rij       int
	VerhaalID string
	Persona   string
}

// Melding is the message for the coalitie that delivered the log.
func (o OnbekendePersona) Melding() store.Melding {
	return store.Melding{
		Location: verhaalPlaats(o.Bron, o.Bestand, o.Blad, o.Rij, "", "", o.VerhaalID),
		Waarde:   o.Persona, Ernst: store.Waarschuwing, Verwacht: "de voornaam van een persona",
		Tekst: fmt.Sprintf("persona '%s' staat niet bij de persona's; het verhaal telt mee, maar hoort bij geen persona. Controleer de voornaam",
			o.Persona),
	}
}

// OnbekendePersonas lists the counted fragments whose Persona is not the
// first name of any persona. Without any persona's nothing can be
// checked and it returns nil.
func (v *Verhalen) OnbekendePersonas() []OnbekendePersona {
	if len(v.Personas) == 0 {
		return nil
	}
	known := map[string]bool{}
	for _, p := range v.Personas {
		known[strings.ToLower(strings.TrimSpace(p.Voornaam))] = true
	}
	var out []OnbekendePersona
	for _, f := range v.Fragmenten {
		if p := strings.TrimSpace(f.Persona); p != "" && !known[strings.ToLower(p)] {
			out = append(out, OnbekendePersona{Bron: f.Bron, Bestand: f.Bestand, Blad: f.Blad, Rij: f.Rij, VerhaalID: f.VerhaalID, Persona: p})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Bestand != out[j].Bestand {
			return out[i].Bestand < out[j].Bestand
		}
		return out[i].Rij < out[j].Rij
	})
	return out
}
