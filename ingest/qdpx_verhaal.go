package ingest

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kansrijk"
	"kansrijk/refiqda"
	"kansrijk/sheet"
	"kansrijk/store"
)

// Limits of a REFI-QDA project's codebook and names, so that memory
// stays in proportion to the file: a code path is built once per code
// and holds at most MaxQDADiepte names of at most MaxQDANaam characters.
var (
	MaxQDADiepte   = 32
	MaxQDANaam     = 300
	MaxQDAFragment = 64 << 10 // bytes of one selected text kept as a fragment
)

// qdaVelden are the fields a refiqda bronprofiel names: for each, the
// names of the case or source variables (REFI-QDA Variables) that hold
// it. toon also names the code group whose codes give the tone.
var qdaVelden = []kolom{
	{veld: "id"}, {veld: "coalitie"}, {veld: "datum"}, {veld: "kwartaal"}, {veld: "werkvorm"},
	{veld: "persona"}, {veld: "doelgroep"}, {veld: "toestemming"}, {veld: "toon"}, {veld: "uitgelicht"},
}

// qdaCode is one code of a project's codebook, flattened.
type qdaCode struct {
	naam, beschrijving string
	ouder              int // index in the list; -1 for a top-level code
	diepte             int // 1 for a top-level code
	pad                string
	toon               string // the tone this code gives; "" for a theme code
	klaar              bool   // pad is computed
}

// qdaCodeboek is a project's codebook: codes by guid, their "Thema >
// Code" paths built on demand.
type qdaCodeboek struct {
	codes []qdaCode
	guid  map[string]int
}

// nieuwQDACodeboek flattens the nested codes without recursion. Codes
// of the tone group (the profiel's toon names, Toon by default) give a
// fragment its tone instead of a code.
func nieuwQDACodeboek(l *levering, p *refiqda.Project) *qdaCodeboek {
	cb := &qdaCodeboek{guid: map[string]int{}}
	if p.CodeBook == nil {
		return cb
	}
	toonNamen := map[string]bool{normKop("toon"): true}
	for _, a := range l.aliassen("toon") {
		toonNamen[normKop(a)] = true
	}
	type item struct {
		c      *refiqda.Code
		ouder  int
		diepte int
		toon   bool
	}
	var stapel []item
	for i := len(p.CodeBook.Codes) - 1; i >= 0; i-- {
		stapel = append(stapel, item{&p.CodeBook.Codes[i], -1, 1, false})
	}
	for len(stapel) > 0 {
		it := stapel[len(stapel)-1]
		stapel = stapel[:len(stapel)-1]
		naam := strings.Join(strings.Fields(it.c.Name), " ")
		k := qdaCode{naam: naam, beschrijving: strings.TrimSpace(it.c.Description), ouder: it.ouder, diepte: it.diepte}
		toon := it.toon || it.diepte == 1 && toonNamen[normKop(naam)]
		if toon && it.diepte > 1 {
			k.toon = strings.ToLower(naam)
		}
		i := len(cb.codes)
		cb.codes = append(cb.codes, k)
		if g := strings.ToLower(strings.TrimSpace(it.c.GUID)); g != "" {
			if _, dup := cb.guid[g]; !dup {
				cb.guid[g] = i
			}
		}
		for j := len(it.c.Codes) - 1; j >= 0; j-- {
			stapel = append(stapel, item{&it.c.Codes[j], i, it.diepte + 1, toon})
		}
	}
	return cb
}

// bruikbaar says why code i cannot be counted, or "" if it can.
func (cb *qdaCodeboek) bruikbaar(i int) string {
	k := &cb.codes[i]
	switch {
	case k.diepte > MaxQDADiepte:
		return fmt.Sprintf("die dieper dan %d niveaus genest is", MaxQDADiepte)
	}
	for j := i; j >= 0; j = cb.codes[j].ouder {
		if n := utf8.RuneCountInString(cb.codes[j].naam); n > MaxQDANaam {
			return fmt.Sprintf("waarvan de naam (of die van een thema erboven) langer is dan %d tekens", MaxQDANaam)
		} else if n == 0 {
			return "die (of een thema erboven) geen naam heeft"
		}
	}
	return ""
}

// pad is "Thema > Code > …" of code i, built once. A tone code's path
// is refiqda.ToonGroep > tone, whatever the group is called.
func (cb *qdaCodeboek) padVan(i int) string {
	k := &cb.codes[i]
	if k.klaar {
		return k.pad
	}
	if k.toon != "" {
		k.pad = refiqda.ToonGroep + " > " + k.toon
	} else {
		namen := make([]string, k.diepte)
		for j, d := i, k.diepte-1; j >= 0; j, d = cb.codes[j].ouder, d-1 {
			namen[d] = cb.codes[j].naam
		}
		k.pad = strings.Join(namen, " > ")
	}
	k.klaar = true
	return k.pad
}

// gevonden is a code a coding refers to.
type gevonden struct {
	pad    string
	toon   string
	zonder bool // a top-level code: no theme above it
}

// zoek finds the code a CodeRef targets, if it can be counted.
func (cb *qdaCodeboek) zoek(guid string) (gevonden, bool) {
	i, ok := cb.guid[strings.ToLower(guid)]
	if !ok || cb.bruikbaar(i) != "" {
		return gevonden{}, false
	}
	return gevonden{cb.padVan(i), cb.codes[i].toon, cb.codes[i].diepte == 1}, true
}

// waarom says in Dutch why a CodeRef cannot be counted.
func (cb *qdaCodeboek) waarom(guid string) string {
	i, ok := cb.guid[strings.ToLower(guid)]
	if !ok {
		return "die niet in het codeboek van het project staat"
	}
	return cb.bruikbaar(i)
}

// codeboek is the project's codebook as codeboek rows: every countable
// code under a theme, tone codes left out. A top-level code is a theme:
// a coding on it is kept, and reported as a code the codebook lacks. Indicators named in a code's
// description (KS01) are kept, as the Excel codebook does.
func (cb *qdaCodeboek) codeboek() []store.Code {
	var out []store.Code
	seen := map[string]bool{}
	for i := range cb.codes {
		if cb.codes[i].toon != "" || cb.codes[i].diepte == 1 || cb.bruikbaar(i) != "" {
			continue
		}
		pad := cb.padVan(i)
		if seen[strings.ToLower(pad)] {
			continue
		}
		seen[strings.ToLower(pad)] = true
		thema, code, _ := strings.Cut(pad, " > ")
		inds := []string{}
		for _, m := range reIndicator.FindAllString(cb.codes[i].beschrijving, -1) {
			inds = append(inds, strings.ToUpper(strings.ReplaceAll(m, " ", "")))
		}
		out = append(out, store.Code{Blad: "CodeBook", Rij: len(out) + 1, Thema: thema, Code: code,
			Omschrijving: cb.codes[i].beschrijving, Indicatoren: inds})
	}
	return out
}

// bronNaam is a source's name, trimmed and bounded, or its guid.
func bronNaam(l *levering, s *refiqda.TextSource) string {
	naam := strings.Join(strings.Fields(s.Name), " ")
	if naam == "" {
		naam = strings.TrimSpace(s.GUID)
	}
	if utf8.RuneCountInString(naam) > MaxQDANaam {
		naam = string([]rune(naam)[:MaxQDANaam]) + "…"
		l.waarschuwing(l.at(naam), "", "de naam van deze bron is langer dan %d tekens en is ingekort", MaxQDANaam)
	}
	return naam
}

// qdaKenmerken reads the case and source variables of a project into
// what a story needs, with the file's own defaults.
type qdaKenmerken struct {
	l        *levering
	veld     map[string]string            // variable guid → field
	perBron  map[string]map[string]string // source guid → field → value, from the cases it belongs to
	coalitie string                       // from the file or project name, or the partner's gemeenten
	kwartaal kansrijk.Kwartaal            // from the file name
	geen     bool                         // no variable of the project names a field
}

func nieuweQDAKenmerken(l *levering, p *refiqda.Project) *qdaKenmerken {
	vk := &qdaKenmerken{l: l, veld: map[string]string{}, perBron: map[string]map[string]string{}}
	if l.Config == nil {
		l.Config = &kansrijk.Config{} // read without a workspace (tests, fuzzing): no coalitie is known
	}
	namen := map[string]string{}
	for _, k := range qdaVelden {
		for _, a := range append(l.aliassen(k.veld), k.veld) {
			if n := normKop(a); n != "" {
				if _, dup := namen[n]; !dup {
					namen[n] = k.veld
				}
			}
		}
	}
	if p.Variables != nil {
		for _, v := range p.Variables.Variable {
			if f, ok := namen[normKop(v.Name)]; ok {
				vk.veld[strings.ToLower(strings.TrimSpace(v.GUID))] = f
			}
		}
	}
	vk.geen = len(vk.veld) == 0
	if p.Cases != nil {
		for _, c := range p.Cases.Case {
			w := vk.waarden(c.VariableValue)
			for _, r := range c.SourceRef {
				g := strings.ToLower(strings.TrimSpace(r.Target))
				m := vk.perBron[g]
				if m == nil {
					m = map[string]string{}
					vk.perBron[g] = m
				}
				for f, x := range w {
					if _, dup := m[f]; !dup {
						m[f] = x
					}
				}
			}
		}
	}
	vk.coalitie = coalitieInNaam(l.Config, l.Naam)
	if vk.coalitie == "" {
		vk.coalitie = coalitieInNaam(l.Config, p.Naam)
	}
	if vk.coalitie == "" {
		vk.coalitie = coalitieVanPartner(l.Config, l.Partner)
	}
	if q, ok := kansrijk.KwartaalInNaam(l.Naam); ok && l.aannemelijk(q) == nil {
		vk.kwartaal = q
	}
	return vk
}

// waarden maps variable values to fields; the first non-empty wins.
func (vk *qdaKenmerken) waarden(vv []refiqda.VariableValue) map[string]string {
	out := map[string]string{}
	for _, v := range vv {
		f, ok := vk.veld[strings.ToLower(strings.TrimSpace(v.Ref.Target))]
		x := strings.TrimSpace(v.Waarde())
		if _, dup := out[f]; ok && x != "" && !dup {
			out[f] = x
		}
	}
	return out
}

// bronKenmerken is what a source's variables say of its story.
type bronKenmerken struct {
	id, coalitie, werkvorm, persona, doelgroep, toestemming, toon string
	datum                                                         *time.Time
	uitgelicht                                                    bool
}

// qdaStand counts what became of the sources, for the messages and the
// summary of one file.
type qdaStand struct {
	zonderThema                                              int
	zonderID, zonderCoalitie, zonderDatum, zonderToestemming int
	verhalen, fragmenten, ingetrokken, buiten, doorsneden    int
	coalities                                                map[string]bool
}

// voorBron reads a source's story: its own variables, then those of the
// cases it belongs to, then the file's defaults. A Verhaal-ID comes
// from a variable or else the source name.
func (vk *qdaKenmerken) voorBron(s *refiqda.TextSource, naam string, st *qdaStand) bronKenmerken {
	l := vk.l
	w := vk.waarden(s.VariableValue)
	for f, x := range vk.perBron[strings.ToLower(strings.TrimSpace(s.GUID))] {
		if _, ok := w[f]; !ok {
			w[f] = x
		}
	}
	k := bronKenmerken{id: w["id"], werkvorm: w["werkvorm"], persona: w["persona"], doelgroep: w["doelgroep"]}
	if k.id == "" {
		k.id = reVerhaalID.FindString(naam)
	}
	if k.id == "" {
		st.zonderID++
		return k
	}
	if c := w["coalitie"]; c != "" {
		co, ok := l.Config.Coalitie(c)
		if !ok {
			l.fout(l.at(naam), c, "coalitie '%s' (variabele %s) staat niet in kansrijk.toml; dit verhaal telt niet mee", c, l.naam("coalitie"))
			st.zonderCoalitie++
			return k
		}
		k.coalitie = co.Naam
	} else {
		k.coalitie = vk.coalitie
	}
	if k.coalitie == "" {
		st.zonderCoalitie++
		return k
	}
	if st.coalities == nil {
		st.coalities = map[string]bool{}
	}
	st.coalities[k.coalitie] = true
	st.verhalen++

	switch t, bekend := keuze(w["toestemming"], sjabloonToestemming); {
	case w["toestemming"] == "":
		k.toestemming = "intern"
		st.zonderToestemming++
	case bekend:
		k.toestemming = t
	default:
		l.fout(l.at(naam), w["toestemming"], "toestemming '%s' is onbekend; verwacht intern, rapport, openbaar of ingetrokken. Het verhaal telt mee maar wordt niet geciteerd (behandeld als intern)", w["toestemming"])
		k.toestemming = "intern"
	}
	if k.toestemming == "ingetrokken" {
		return k
	}
	k.toon = strings.ToLower(w["toon"])
	if u := w["uitgelicht"]; u != "" {
		if b, err := l.jaNee(u); err == nil {
			k.uitgelicht = b
		} else {
			l.report(l.kolomVan(naam, l.naam("uitgelicht")), u, "behandeld als nee", err)
		}
	}
	if d := w["datum"]; d != "" {
		if i := strings.IndexByte(d, 'T'); i == 10 {
			d = d[:i] // a DateTimeValue: the day is enough
		}
		t, err := l.datum(d)
		if err != nil {
			l.report(l.kolomVan(naam, l.naam("datum")), w["datum"], "het kwartaal komt uit de variabele Kwartaal of de bestandsnaam", err)
		} else {
			k.datum = &t
		}
	}
	if k.datum == nil && w["kwartaal"] != "" {
		q, err := kansrijk.ParseKwartaal(w["kwartaal"])
		if err == nil {
			err = l.aannemelijk(q)
		}
		if err != nil {
			l.report(l.kolomVan(naam, l.naam("kwartaal")), w["kwartaal"], "het kwartaal komt uit de bestandsnaam", err)
		} else {
			t := q.Start()
			k.datum = &t
		}
	}
	if k.datum == nil && !vk.kwartaal.IsZero() {
		t := vk.kwartaal.Start()
		k.datum = &t
	}
	if k.datum == nil {
		st.zonderDatum++
	}
	return k
}

// meldingen reports, once per file, the sources that cannot be stories
// and the safe defaults taken.
func (vk *qdaKenmerken) meldingen(st *qdaStand, n int) {
	l := vk.l
	if st.zonderID > 0 {
		l.waarschuwing(l.at(""), "", "%d van de %d bronnen hebben geen Verhaal-ID (zoals LH-2025-001) in de naam of in een variabele %s; hun coderingen tellen niet als verhaal",
			st.zonderID, n, l.naam("id"))
	}
	if st.zonderCoalitie > 0 {
		l.waarschuwing(l.at(""), "", "van %d bron(nen) is niet bekend bij welke coalitie ze horen; ze tellen niet als verhaal. Zet de coalitie in de bestandsnaam (zoals Ouderverhalen_%s.qdpx) of geef de bronnen een variabele %s",
			st.zonderCoalitie, coalitieVoorbeeld(l.Config), l.naam("coalitie"))
	}
	if st.zonderDatum > 0 {
		l.waarschuwing(l.at(""), "", "%d bron(nen) hebben geen datum of kwartaal (variabele %s of %s) en de bestandsnaam noemt geen kwartaal; hun fragmenten tellen niet mee, tenzij een logboek hetzelfde Verhaal-ID heeft. Zet het kwartaal in de bestandsnaam (zoals %s_2026-K3.qdpx) of geef de bronnen een datum",
			st.zonderDatum, l.naam("datum"), l.naam("kwartaal"), basisNaam(l.Naam))
	}
	if st.zonderThema > 0 {
		l.waarschuwing(l.at(""), "", "%d codering(en) gebruiken een code zonder thema erboven; het codeboek kent alleen Thema > Code, dus die codes tellen niet mee. Zet de codes in het QDA-programma onder een thema",
			st.zonderThema)
	}
	if st.zonderToestemming > 0 {
		l.waarschuwing(l.at(""), "", "%d bron(nen) hebben geen toestemming (variabele %s); hun fragmenten tellen mee, maar worden nooit geciteerd (behandeld als intern)",
			st.zonderToestemming, l.naam("toestemming"))
	}
}

// samenvatting says in one Dutch line what the project adds as stories.
func (st *qdaStand) samenvatting(n int) string {
	if st.verhalen == 0 {
		return fmt.Sprintf("verhalen: geen van de %d bronnen is een verhaal met Verhaal-ID en coalitie; het project dient alleen om de logboeken te controleren", n)
	}
	var cs []string
	for c := range st.coalities {
		cs = append(cs, c)
	}
	sort.Strings(cs)
	s := fmt.Sprintf("verhalen: %d van de %d bronnen (%s), %d gecodeerde fragmenten", st.verhalen, n, strings.Join(cs, ", "), st.fragmenten)
	if st.ingetrokken > 0 {
		s += fmt.Sprintf(", %d ingetrokken", st.ingetrokken)
	}
	return s + "; heeft een logboek hetzelfde Verhaal-ID, dan telt het logboek"
}

// coalitieInNaam finds the configured coalitie whose name is a word (or
// words) of a file or project name: Ouderverhalen_Lindehoven.qdpx is
// Lindehoven. The longest name wins; two of the same length, none.
func coalitieInNaam(cfg *kansrijk.Config, naam string) string {
	woorden := " " + strings.Join(strings.FieldsFunc(strings.ToLower(naam), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ") + " "
	beste, dubbel := "", false
	for _, co := range cfg.Coalities {
		n := strings.Join(strings.FieldsFunc(strings.ToLower(co.Naam), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
		if n == "" || !strings.Contains(woorden, " "+n+" ") {
			continue
		}
		switch {
		case len(co.Naam) > len(beste):
			beste, dubbel = co.Naam, false
		case len(co.Naam) == len(beste):
			dubbel = true
		}
	}
	if dubbel {
		return ""
	}
	return beste
}

// coalitieVanPartner is the one coalitie of the partner's gemeenten, if
// they all lie in one.
func coalitieVanPartner(cfg *kansrijk.Config, p kansrijk.Partner) string {
	co := ""
	for _, g := range p.Gemeenten {
		_, c, ok := cfg.Gemeente(g)
		if !ok || co != "" && c != co {
			return ""
		}
		co = c
	}
	return co
}

func coalitieVoorbeeld(cfg *kansrijk.Config) string {
	if cfg != nil && len(cfg.Coalities) > 0 {
		return strings.ReplaceAll(cfg.Coalities[0].Naam, " ", "")
	}
	return "Coalitie"
}

// kolomVan is the location of a variable of a REFI-QDA source: the
// source as the sheet, the variable's name as the header.
func (l *levering) kolomVan(bron, variabele string) sheet.Location {
	p := l.at(bron)
	p.Header = variabele
	return p
}
