package stories

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"kansrijk"
	"kansrijk/bestand"
	"kansrijk/refiqda"
	"kansrijk/store"
)

// QDPXKeuze says what a REFI-QDA export holds.
//
// A .qdpx leaves the M&E team: it goes to a coalitie, a researcher or
// another QDA program. So by default it holds only what a report to
// bestuurders may show: stories with consent rapport or openbaar, their
// texts redacted as quotes are (names of parents, persona's and whoever
// entered a story, and other personal data replaced), and no names of
// staff as users. A withdrawn (ingetrokken) story is never in it.
// Intern adds the stories with consent intern, unredacted and with the
// users who coded them, so that a project moves to another QDA program
// within the M&E team without loss; such a project says INTERN in its
// name and description.
type QDPXKeuze struct {
	Coalitie string // "" for every coalitie
	Intern   bool
	Nu       time.Time // creationDateTime of the project
}

// QDPXOverzicht counts what an export holds.
type QDPXOverzicht struct {
	Verhalen, Fragmenten, Personas int
	// Weggelaten are the counted stories left out: consent intern,
	// without Intern.
	Weggelaten int
}

// Project builds the REFI-QDA project of the chosen stories: a source
// per story (Verhaal-ID and werkvorm as name, its fragments as text,
// separated by an empty line), a coded selection per fragment, the
// codebook with the tones (Toon > positief), the story's fields as
// source variables, and the persona's as cases with their stories.
// Positions count code points; GUIDs are derived from the stories, so
// the same stories give the same project.
func (v *Verhalen) Project(cfg *kansrijk.Config, k QDPXKeuze) (*refiqda.Project, []refiqda.Bestand, QDPXOverzicht, error) {
	var ov QDPXOverzicht
	if v.Codeboek.Leeg() {
		return nil, nil, ov, ErrGeenCodeboek
	}
	type verhaal struct {
		fs []Fragment
	}
	var volgorde []string
	per := map[string]*verhaal{}
	weg := map[string]bool{}
	for _, f := range v.Fragmenten {
		if k.Coalitie != "" && !strings.EqualFold(f.Coalitie, k.Coalitie) {
			continue
		}
		id := idSleutel(f)
		if f.Toestemming != Rapport && f.Toestemming != Openbaar && !k.Intern {
			weg[id] = true
			continue
		}
		if per[id] == nil {
			per[id] = &verhaal{}
			volgorde = append(volgorde, id)
		}
		per[id].fs = append(per[id].fs, f)
	}
	ov.Weggelaten = len(weg)
	red := v.redactor(cfg)
	tekst := func(s string) string {
		if k.Intern {
			return s
		}
		return red.redact(s)
	}

	naam := "Ouderverhalen"
	if k.Coalitie != "" {
		if co, ok := cfg.Coalitie(k.Coalitie); ok {
			naam += " " + co.Naam
		} else {
			naam += " " + k.Coalitie
		}
	} else if cfg.Regio != "" {
		naam += " " + cfg.Regio
	}
	beschrijving := "Export van kansrijk: alleen verhalen met toestemming rapport of openbaar; namen en andere persoonsgegevens in de teksten zijn vervangen. Ingetrokken verhalen staan er nooit in."
	if k.Intern {
		naam += " (INTERN)"
		beschrijving = "INTERN — alleen voor het M&E-team. Export van kansrijk met ook de verhalen met toestemming intern (tellen mee, nooit citeren), onbewerkt. Ingetrokken verhalen staan er nooit in."
	}
	p := &refiqda.Project{Naam: naam, Origin: "kansrijk", Description: beschrijving}
	if !k.Nu.IsZero() {
		p.CreationDateTime = k.Nu.UTC().Format(time.RFC3339)
	}

	// Codebook: themes as non-codable parents, codes (also deeper paths)
	// under them, then the tones used.
	codeGUID := map[string]string{} // Sleutel(pad) → guid
	cb := &refiqda.CodeBook{}
	var zoek func(cs *[]refiqda.Code, pad []string, omschrijving string) string
	zoek = func(cs *[]refiqda.Code, pad []string, omschrijving string) string {
		for i := range *cs {
			if strings.EqualFold((*cs)[i].Name, pad[0]) {
				if len(pad) == 1 {
					return (*cs)[i].GUID
				}
				return zoek(&(*cs)[i].Codes, pad[1:], omschrijving)
			}
		}
		c := refiqda.Code{GUID: refiqda.GUID("code", strings.Join(pad, " > ")), Name: pad[0], IsCodable: "false"}
		if len(pad) == 1 {
			c.IsCodable, c.Description = "true", omschrijving
		}
		*cs = append(*cs, c)
		if len(pad) == 1 {
			return c.GUID
		}
		return zoek(&(*cs)[len(*cs)-1].Codes, pad[1:], omschrijving)
	}
	for _, c := range v.Codeboek.Codes {
		pad := append([]string{c.Thema}, strings.Split(c.Code, " > ")...)
		om := c.Omschrijving
		if len(c.Indicatoren) > 0 && !strings.Contains(om, c.Indicatoren[0]) {
			om = strings.TrimSpace(om + " (" + strings.Join(c.Indicatoren, ", ") + ")")
		}
		codeGUID[Sleutel(c.Pad)] = zoek(&cb.Codes, pad, om)
	}
	var tonen []string
	for _, id := range volgorde {
		for _, f := range per[id].fs {
			if f.Toon != "" && !slices.Contains(tonen, f.Toon) {
				tonen = append(tonen, f.Toon)
			}
		}
	}
	slices.Sort(tonen)
	for _, t := range tonen {
		codeGUID[Sleutel(refiqda.ToonGroep+">"+t)] = zoek(&cb.Codes, []string{refiqda.ToonGroep, t}, "De toon van het fragment.")
	}
	p.CodeBook = cb

	velden := []struct{ naam, soort string }{
		{"Verhaal-ID", "Text"}, {"Coalitie", "Text"}, {"Datum", "Date"}, {"Kwartaal", "Text"}, {"Werkvorm", "Text"},
		{"Persona", "Text"}, {"Doelgroep", "Text"}, {"Toestemming", "Text"}, {"Uitgelicht", "Boolean"},
	}
	vars := &refiqda.Variables{}
	varGUID := map[string]string{}
	for _, vd := range velden {
		g := refiqda.GUID("variabele", vd.naam)
		varGUID[vd.naam] = g
		vars.Variable = append(vars.Variable, refiqda.Variable{GUID: g, Name: vd.naam, TypeOfVariable: vd.soort})
	}
	p.Variables = vars
	waarde := func(veld, soort, x string) refiqda.VariableValue {
		vv := refiqda.VariableValue{Ref: refiqda.Ref{Target: varGUID[veld]}}
		switch soort {
		case "Date":
			vv.DateValue = &x
		case "Boolean":
			vv.BooleanValue = &x
		default:
			vv.TextValue = &x
		}
		return vv
	}

	users := map[string]string{}
	var userLijst []refiqda.User
	user := func(naam string) string {
		if !k.Intern || naam == "" {
			return ""
		}
		if g, ok := users[naam]; ok {
			return g
		}
		g := refiqda.GUID("gebruiker", naam)
		users[naam] = g
		userLijst = append(userLijst, refiqda.User{GUID: g, Name: naam})
		return g
	}

	bronnen := &refiqda.Sources{}
	var bestanden []refiqda.Bestand
	perPersona := map[string][]string{} // coalitie + lower first name → source guids
	for _, id := range volgorde {
		fs := per[id].fs
		f0 := fs[0]
		sleutel := f0.Coalitie + "\x00" + f0.VerhaalID
		s := refiqda.TextSource{GUID: refiqda.GUID("bron", sleutel), Name: strings.TrimSpace(f0.VerhaalID + " " + f0.Werkvorm)}
		s.PlainTextPath = "internal://" + s.GUID + ".txt"
		var b strings.Builder
		for i, f := range fs {
			if i > 0 {
				b.WriteString("\n\n")
			}
			t := tekst(f.Tekst)
			start := len([]rune(b.String()))
			b.WriteString(t)
			sel := refiqda.Selection{GUID: refiqda.GUID("selectie", sleutel, fmt.Sprint(i)),
				Start: fmt.Sprint(start), End: fmt.Sprint(start + len([]rune(t))), CreatingUser: user(f.IngevoerdDoor)}
			codes := []string{}
			for _, c := range f.Codes {
				codes = append(codes, c.Pad)
			}
			if f.Toon != "" {
				codes = append(codes, refiqda.ToonGroep+">"+f.Toon)
			}
			for _, c := range codes {
				sel.Codings = append(sel.Codings, refiqda.Coding{GUID: refiqda.GUID("codering", sleutel, fmt.Sprint(i), c),
					CreatingUser: sel.CreatingUser, Ref: refiqda.Ref{Target: codeGUID[Sleutel(c)]}})
			}
			if len(sel.Codings) == 0 {
				continue // a selection without a code is no coding
			}
			s.Selections = append(s.Selections, sel)
			ov.Fragmenten++
		}
		s.VariableValue = append(s.VariableValue, waarde("Verhaal-ID", "Text", f0.VerhaalID), waarde("Coalitie", "Text", f0.Coalitie),
			waarde("Datum", "Date", refiqda.Datum(f0.Datum)), waarde("Kwartaal", "Text", f0.Kwartaal.String()))
		for _, x := range []struct{ veld, w string }{{"Werkvorm", f0.Werkvorm}, {"Persona", f0.Persona}, {"Doelgroep", f0.Doelgroep}} {
			if x.w != "" {
				s.VariableValue = append(s.VariableValue, waarde(x.veld, "Text", x.w))
			}
		}
		s.VariableValue = append(s.VariableValue, waarde("Toestemming", "Text", string(f0.Toestemming)),
			waarde("Uitgelicht", "Boolean", fmt.Sprint(f0.Uitgelicht)))
		bronnen.Text = append(bronnen.Text, s)
		bestanden = append(bestanden, refiqda.Bestand{Pad: "sources/" + s.GUID + ".txt", Tekst: b.String()})
		if f0.Persona != "" {
			pk := f0.Coalitie + "\x00" + strings.ToLower(f0.Persona)
			perPersona[pk] = append(perPersona[pk], s.GUID)
		}
		ov.Verhalen++
	}
	if len(bronnen.Text) > 0 {
		p.Sources = bronnen
	}
	if len(userLijst) > 0 {
		p.Users = &refiqda.Users{User: userLijst}
	}

	// Persona's as cases, with the stories that name them.
	cases := &refiqda.Cases{}
	for _, ps := range v.Personas {
		if k.Coalitie != "" && !strings.EqualFold(ps.Coalitie, k.Coalitie) {
			continue
		}
		c := refiqda.Case{GUID: refiqda.GUID("persona", ps.Coalitie, ps.Naam), Name: ps.Naam}
		var d []string
		for _, x := range []struct{ kop, w string }{{"Coalitie", ps.Coalitie}, {"Doelgroep", ps.Doelgroep}, {"Situatie", ps.Situatie},
			{"Wat ik nodig heb", ps.Nodig}, {"Waar ik tegenaan loop", ps.Tegenaan}, {"Bron", ps.Bron}} {
			if x.w != "" {
				d = append(d, x.kop+": "+x.w)
			}
		}
		c.Description = strings.Join(d, "\n")
		for _, g := range perPersona[ps.Coalitie+"\x00"+strings.ToLower(ps.Voornaam)] {
			c.SourceRef = append(c.SourceRef, refiqda.Ref{Target: g})
		}
		cases.Case = append(cases.Case, c)
		ov.Personas++
	}
	if len(cases.Case) > 0 {
		p.Cases = cases
	}
	if fouten := refiqda.Controleer(p); len(fouten) > 0 {
		return nil, nil, ov, fmt.Errorf("het REFI-QDA-project klopt niet (interne fout): %s", strings.Join(fouten, "; "))
	}
	return p, bestanden, ov, nil
}

// ExporteerQDPX writes the chosen stories as a REFI-QDA project to pad
// (see QDPXKeuze for what it holds), whole or not at all.
func ExporteerQDPX(ctx context.Context, db *store.DB, cfg *kansrijk.Config, pad string, k QDPXKeuze) (QDPXOverzicht, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return QDPXOverzicht{}, err
	}
	if k.Coalitie != "" {
		if _, ok := cfg.Coalitie(k.Coalitie); !ok {
			return QDPXOverzicht{}, fmt.Errorf("coalitie %q staat niet in kansrijk.toml", k.Coalitie)
		}
	}
	p, bs, ov, err := v.Project(cfg, k)
	if err != nil {
		return ov, err
	}
	var buf bytes.Buffer
	if err := refiqda.Schrijf(&buf, p, bs); err != nil {
		return ov, err
	}
	return ov, bestand.Schrijf(pad, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}
