package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"kansrijk"
	"kansrijk/refiqda"
	"kansrijk/sheet"
	"kansrijk/store"
)

// Limits that keep a hostile or broken REFI-QDA project from exhausting
// memory. Variables, so tests can lower them.
var (
	MaxQDABestanden       = 10_000    // entries in one .qdpx
	MaxQDAProject   int64 = 64 << 20  // project.qde, inflated
	MaxQDABron      int64 = 16 << 20  // one source text, inflated
	MaxQDABronnen   int64 = 256 << 20 // all source texts of a project together
)

// reVerhaalID finds a Verhaal-ID such as LH-2025-001 in a source name
// ("LH-2025-001 spiegelbijeenkomst").
var reVerhaalID = regexp.MustCompile(`\b[A-Za-z]{1,8}-\d{4}-\d{1,5}\b`)

// leesQDA reads a REFI-QDA project into v, like lees does a spreadsheet
// from the point where the partner is known and the file is new.
func (im *Importer) leesQDA(v *voorbereid, p kansrijk.Partner, sum string) {
	res := &v.res
	name := filepath.Base(res.Pad)
	defer func() {
		if r := recover(); r != nil {
			v.levering, v.inhoud = nil, nil
			res.Status = Afgewezen
			res.Fout = fmt.Sprintf("%s: interne fout bij het lezen (%v); meld dit aan de beheerder van kansrijk", name, r)
		}
	}()
	prof, std, err := profielVoor(im.Config, p)
	if err != nil {
		res.Status, res.Fout = Afgewezen, fmt.Sprintf("%s: %v", name, err)
		return
	}
	lev := &levering{Partner: p, Config: im.Config, Naam: name, Profiel: prof, standaard: std, nu: im.kwartaal()}
	out, err := readQDA(lev, res.Pad)
	lev.afronden(0)
	res.Meldingen = lev.meldingen
	if err != nil {
		res.Status, res.Fout = Afgewezen, err.Error()
		return
	}
	res.Toelichting = out.toelichting
	im.klaarzetten(v, lev, out, sum)
}

// readQDA reads a REFI-QDA project: a .qdpx (a zip with the project
// file and the source texts under sources/) or a bare project.qde. It
// keeps the text sources, one row per code applied to a text selection,
// and, for every source whose coalitie and Verhaal-ID are known, its
// coded selections as story fragments (verhaal rows: the selected text
// is the quotable fragment). The project's codebook is kept as codeboek
// rows, used when no Excel codebook is imported.
//
// Exporters count positions differently (refiqda.Conventie): the
// convention is detected over the whole project, from its origin and
// from which convention puts the selections on word boundaries, in a
// first pass over the texts; the second pass cuts the selections. Only
// one source text is in memory at a time. Sources of other kinds (pdf,
// picture, audio, video) are skipped with a message. Messages never
// quote a selection: its text may be withdrawn later.
func readQDA(l *levering, pad string) (*gelezen, error) {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("%s: %s", l.Naam, fmt.Sprintf(format, a...))
	}
	proj, err := openQDA(pad)
	if err != nil {
		return nil, fail("%v", err)
	}
	defer proj.Close()
	var p refiqda.Project
	if err := unmarshalQDE(proj.qde, &p); err != nil {
		return nil, fail("%s is geen leesbaar REFI-QDA-project (%v)", proj.qdeNaam, err)
	}
	proj.qde = nil // decoded; the bytes are not needed any more
	var bronnen []refiqda.TextSource
	var anders int
	if p.Sources != nil {
		bronnen, anders = p.Sources.Text, len(p.Sources.Other)
	}
	if len(bronnen) == 0 {
		if anders > 0 {
			return nil, fail("het project heeft %d bron(nen), maar geen enkele tekstbron; kansrijk leest alleen gecodeerde tekst", anders)
		}
		return nil, fail("het project bevat geen bronnen; exporteer het project opnieuw uit het QDA-programma (REFI-QDA, .qdpx)")
	}

	cb := nieuwQDACodeboek(l, &p)
	users := map[string]string{}
	if p.Users != nil {
		for _, u := range p.Users.User {
			users[strings.ToLower(u.GUID)] = strings.TrimSpace(u.Name)
		}
	}
	codeur := func(guids ...string) string {
		for _, g := range guids {
			if g == "" {
				continue
			}
			if n, ok := users[strings.ToLower(g)]; ok && n != "" {
				return n
			}
			return g // a user the project does not name: keep the reference
		}
		return ""
	}
	vk := nieuweQDAKenmerken(l, &p)

	// Pass 1: positions, and how each convention fits them.
	type bron struct {
		naam        string
		begin, eind []int  // per selection; valid only where geldig
		geldig      []bool // both positions are numbers, 0 ≤ begin ≤ end
		tekst       bool   // the text could be read
	}
	werk := make([]bron, len(bronnen))
	telling := refiqda.NieuweTelling()
	budget := MaxQDABronnen
	for i := range bronnen {
		s := &bronnen[i]
		w := &werk[i]
		w.naam = bronNaam(l, s)
		for _, sel := range s.Selections {
			b, err1 := strconv.Atoi(strings.TrimSpace(sel.Start))
			e, err2 := strconv.Atoi(strings.TrimSpace(sel.End))
			ok := err1 == nil && err2 == nil && b >= 0 && e >= b
			w.begin, w.eind, w.geldig = append(w.begin, b), append(w.eind, e), append(w.geldig, ok)
		}
		t, ok := proj.tekst(l, w.naam, s, &budget, true)
		w.tekst = ok
		if ok {
			var bs, es []int
			for j := range w.begin {
				if w.geldig[j] {
					bs, es = append(bs, w.begin[j]), append(es, w.eind[j])
				}
			}
			telling.Tel(t, bs, es)
		}
	}
	keuze := telling.Kies(p.Origin)

	// Pass 2: cut the selections with the chosen convention.
	out := &gelezen{periode: basisNaam(l.Naam)}
	out.inhoud.QDAProject = []store.QDAProject{{Naam: strings.TrimSpace(p.Naam), Origin: strings.TrimSpace(p.Origin),
		Conventie: keuze.Conventie.Code(), Past: keuze.Past, Toelichting: keuze.Toelichting}}
	out.toelichting = append(out.toelichting, fmt.Sprintf("posities geteld in %s: %s", keuze.Conventie, keuze.Toelichting))
	var st qdaStand
	for i := range bronnen {
		s := &bronnen[i]
		w := &werk[i]
		kv := vk.voorBron(s, w.naam, &st)
		b := store.QDABron{GUID: s.GUID, Naam: w.naam, VerhaalID: kv.id, Selecties: len(s.Selections), Coalitie: kv.coalitie}
		var tekst refiqda.Tekst
		var bytes []int
		if w.tekst {
			tekst, _ = proj.tekst(l, w.naam, s, nil, false)
			n := utf8.RuneCountInString(tekst.S)
			b.Tekens = &n
			pos := append(append([]int{}, w.begin...), w.eind...)
			bytes = keuze.Conventie.Bytes(tekst, pos)
		}
		out.inhoud.QDABronnen = append(out.inhoud.QDABronnen, b)
		verhaal := kv.coalitie != "" && kv.id != ""
		if verhaal && kv.toestemming == "ingetrokken" {
			// Withdrawn: never counted, never quoted, not even kept.
			out.inhoud.Verhalen = append(out.inhoud.Verhalen, store.Verhaal{Blad: w.naam, VerhaalID: kv.id, Coalitie: kv.coalitie,
				Toestemming: "ingetrokken", Codes: []string{}})
			st.ingetrokken++
		}
		nr := 0
		for j, sel := range s.Selections {
			if !w.geldig[j] {
				out.rijen += max(len(sel.Codings), 1)
				out.afgewezen += max(len(sel.Codings), 1)
				l.fout(l.selectie(w.naam, sel.GUID), sel.Start+"-"+sel.End,
					"selectie %s heeft geen geldige positie (startPosition %q, endPosition %q); de codering telt niet mee",
					sel.GUID, sel.Start, sel.End)
				continue
			}
			if len(sel.Codings) == 0 {
				l.waarschuwing(l.selectie(w.naam, sel.GUID), "", "selectie %s heeft geen code; overgeslagen", sel.GUID)
				continue
			}
			selTekst := ""
			if w.tekst {
				be, ee := bytes[j], bytes[len(w.begin)+j]
				plek := fmt.Sprintf("%d-%d", w.begin[j], w.eind[j])
				switch {
				case be < 0 || ee < be:
					st.buiten++
					l.waarschuwing(l.selectie(w.naam, sel.GUID), plek,
						"selectie %s (%s) valt buiten de brontekst of midden in een teken, geteld in %s; de codering telt, maar zonder tekst",
						sel.GUID, plek, keuze.Conventie)
				case !keuze.Past && !(refiqda.Grens(tekst.S, be) && refiqda.Grens(tekst.S, ee)):
					st.doorsneden++
					l.waarschuwing(l.selectie(w.naam, sel.GUID), plek,
						"selectie %s (%s) begint of eindigt midden in een woord, en geen enkele telling van posities past bij dit project; de codering telt, maar de tekst wordt niet bewaard of geciteerd",
						sel.GUID, plek)
				case ee-be > MaxQDAFragment:
					l.waarschuwing(l.selectie(w.naam, sel.GUID), plek,
						"selectie %s is langer dan %d kB; de codering telt, maar de tekst wordt niet bewaard of geciteerd", sel.GUID, MaxQDAFragment>>10)
				case kv.toestemming != "ingetrokken":
					selTekst = strings.Clone(tekst.S[be:ee]) // not the whole source
				}
			}
			v := store.Verhaal{Blad: w.naam, VerhaalID: kv.id, Coalitie: kv.coalitie, Datum: kv.datum, Werkvorm: kv.werkvorm,
				Persona: kv.persona, Doelgroep: kv.doelgroep, Toestemming: kv.toestemming, Fragment: selTekst,
				Codes: []string{}, Toon: kv.toon, Uitgelicht: kv.uitgelicht}
			bekend := false
			for _, c := range sel.Codings {
				out.rijen++
				ref := strings.TrimSpace(c.Ref.Target)
				code, ok := cb.zoek(ref)
				if !ok {
					out.afgewezen++
					l.fout(l.selectie(w.naam, sel.GUID), ref, "selectie %s verwijst naar code %q, %s; de codering telt niet mee",
						sel.GUID, ref, cb.waarom(ref))
					continue
				}
				bekend = true
				if code.zonder {
					st.zonderThema++
				}
				wie := codeur(c.CreatingUser, sel.CreatingUser, s.CreatingUser)
				if v.IngevoerdDoor == "" {
					v.IngevoerdDoor = wie
				}
				if code.toon != "" {
					v.Toon = code.toon
				} else if !slices.Contains(v.Codes, code.pad) {
					v.Codes = append(v.Codes, code.pad)
				}
				out.inhoud.Coderingen = append(out.inhoud.Coderingen, store.Codering{
					Bron: w.naam, VerhaalID: kv.id, Selectie: sel.GUID, Code: code.pad,
					Begin: w.begin[j], Eind: w.eind[j], Tekst: selTekst, Codeur: wie,
				})
			}
			if verhaal && bekend && kv.toestemming != "ingetrokken" {
				nr++
				v.Rij = nr
				out.inhoud.Verhalen = append(out.inhoud.Verhalen, v)
				st.fragmenten++
			}
		}
	}
	out.inhoud.Codes = cb.codeboek()
	if anders > 0 {
		l.waarschuwing(l.at(""), strconv.Itoa(anders), "%d bron(nen) zijn geen tekst (pdf, beeld, geluid of video); kansrijk leest alleen tekstbronnen en heeft die overgeslagen", anders)
	}
	if out.rijen == 0 {
		l.waarschuwing(l.at(""), "", "het project heeft %d tekstbron(nen) maar geen enkele gecodeerde selectie", len(bronnen))
	}
	vk.meldingen(&st, len(bronnen))
	if !keuze.Past && st.doorsneden > 0 {
		l.fout(l.at(""), keuze.Conventie.Code(), "%s; %d selectie(s) zijn daarom zonder tekst bewaard (zie de meldingen per selectie). Controleer of het project goed is geëxporteerd",
			keuze.Toelichting, st.doorsneden)
	}
	out.toelichting = append(out.toelichting, st.samenvatting(len(bronnen)))
	return out, nil
}

// unmarshalQDE decodes project XML. encoding/xml bounds the nesting
// depth, so a hostile file cannot exhaust the stack.
func unmarshalQDE(b []byte, p *refiqda.Project) error {
	if bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) {
		return errors.New("het bestand is UTF-16; sla het op als UTF-8")
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "us-ascii", "ascii":
			return in, nil
		case "iso-8859-1", "latin1", "latin-1":
			raw, err := io.ReadAll(in)
			if err != nil {
				return nil, err
			}
			rs := make([]rune, len(raw))
			for i, c := range raw {
				rs[i] = rune(c)
			}
			return strings.NewReader(string(rs)), nil
		}
		return nil, fmt.Errorf("tekenset %q wordt niet ondersteund; sla het project op als UTF-8", label)
	}
	if err := d.Decode(p); err != nil {
		var se *xml.SyntaxError
		switch {
		case errors.As(err, &se) && strings.Contains(se.Msg, "EOF"):
			return fmt.Errorf("de XML houdt op regel %d te vroeg op; het bestand is niet volledig", se.Line)
		case errors.As(err, &se):
			return fmt.Errorf("fout in de XML op regel %d: %s", se.Line, se.Msg)
		case strings.Contains(err.Error(), "tekenset"):
			return errors.New(err.Error()[strings.Index(err.Error(), "tekenset"):])
		case strings.Contains(err.Error(), "max depth"):
			return errors.New("de XML is te diep genest")
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return errors.New("de XML is leeg of houdt te vroeg op")
		}
		if strings.Contains(err.Error(), "expected element type <Project>") {
			return errors.New("het hoofdelement is geen <Project>")
		}
		return err
	}
	return nil
}

// qdaProject is an opened project: the project XML and, for a .qdpx,
// the zip that holds the source texts.
type qdaProject struct {
	qdeNaam string
	qde     []byte
	zr      *zip.Reader
	fh      io.Closer            // the file, open while zr reads it
	bronnen map[string]*zip.File // lower-case base name → entry under sources/
}

func (p *qdaProject) Close() {
	if p.fh != nil {
		p.fh.Close()
	}
}

// openQDA opens a .qdpx or a bare .qde, within the size limits.
func openQDA(pad string) (*qdaProject, error) {
	// Only a regular file is read (no FIFO, no link to /dev/zero).
	fh, err := sheet.OpenRegular(pad)
	if err != nil {
		var se *sheet.Error
		if errors.As(err, &se) {
			return nil, errors.New(se.Msg) // the caller names the file
		}
		return nil, err
	}
	keep := false
	defer func() {
		if !keep {
			fh.Close()
		}
	}()
	head := make([]byte, 4)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case fh.Size() == 0:
		return nil, errors.New("het bestand is leeg (0 bytes); vraag de partner het opnieuw te sturen")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		p, err := openQDPX(fh)
		keep = err == nil
		return p, err
	case bytes.HasPrefix(head, []byte("PK")):
		return nil, errors.New("het bestand is beschadigd of niet volledig (geen geldige .qdpx); vraag de partner het opnieuw te sturen")
	}
	// A bare project.qde: XML without the source texts.
	if fh.Size() > MaxQDAProject {
		return nil, fmt.Errorf("het project is groter dan %d MB en wordt niet gelezen", MaxQDAProject>>20)
	}
	if err := fh.Rewind(); err != nil {
		return nil, err
	}
	b, err := io.ReadAll(fh)
	if err != nil {
		return nil, fmt.Errorf("kan het bestand niet lezen (%v)", err)
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF")), " \t\r\n"); !bytes.HasPrefix(t, []byte("<")) &&
		!bytes.HasPrefix(b, []byte{0xFE, 0xFF}) && !bytes.HasPrefix(b, []byte{0xFF, 0xFE}) {
		return nil, errors.New("dit is geen REFI-QDA-project (geen .qdpx-zip en geen project-XML); exporteer het project als REFI-QDA (.qdpx)")
	}
	return &qdaProject{qdeNaam: filepath.Base(pad), qde: b}, nil
}

func openQDPX(fh *sheet.Regular) (*qdaProject, error) {
	zr, err := zip.NewReader(fh, fh.Size())
	if err != nil {
		return nil, errors.New("het bestand is beschadigd of niet volledig (geen geldige .qdpx); vraag de partner het opnieuw te sturen")
	}
	if len(zr.File) > MaxQDABestanden {
		return nil, fmt.Errorf("de .qdpx bevat %d bestanden; meer dan %d wordt niet gelezen", len(zr.File), MaxQDABestanden)
	}
	p := &qdaProject{zr: zr, fh: fh, bronnen: map[string]*zip.File{}}
	var qde []*zip.File
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		base := path.Base(name)
		switch {
		case strings.HasSuffix(name, "/"):
		case strings.HasPrefix(base, "~$"), strings.HasPrefix(base, "._"), strings.HasPrefix(name, "__macosx/"), base == ".ds_store":
			// A Word lock file, or what a Mac adds to a zip: not the project's.
		case path.Ext(name) == ".qde":
			qde = append(qde, f)
		case slices.Contains(strings.Split(path.Dir(name), "/"), "sources"):
			// Sources/ or sources/, also inside a folder of the zip.
			if _, dup := p.bronnen[base]; !dup {
				p.bronnen[base] = f
			}
		case name == "xl/workbook.xml":
			return nil, errors.New("dit is een Excel-werkmap met de extensie .qdpx, geen REFI-QDA-project")
		}
	}
	switch {
	case len(qde) == 0:
		return nil, errors.New("de .qdpx bevat geen projectbestand (.qde, meestal project.qde); exporteer het project opnieuw als REFI-QDA (.qdpx)")
	case len(qde) > 1:
		// The standard names it project.qde (ATLAS.ti 26 names it after
		// the project); prefer that one, else the one at the top.
		var top []*zip.File
		for _, f := range qde {
			if strings.EqualFold(path.Base(f.Name), "project.qde") {
				top = []*zip.File{f}
				break
			}
			if !strings.ContainsAny(f.Name, `/\`) {
				top = append(top, f)
			}
		}
		if len(top) != 1 {
			return nil, fmt.Errorf("de .qdpx bevat %d projectbestanden (.qde); verwacht één project.qde", len(qde))
		}
		qde = top
	}
	f := qde[0]
	p.qdeNaam = f.Name
	if f.UncompressedSize64 > uint64(MaxQDAProject) {
		return nil, fmt.Errorf("%s pakt uit tot %d MB; meer dan %d MB wordt niet gelezen", f.Name, f.UncompressedSize64>>20, MaxQDAProject>>20)
	}
	b, err := readZipFile(f, MaxQDAProject)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", f.Name, err)
	}
	p.qde = b
	return p, nil
}

// readZipFile reads one entry, trusting no declared size.
func readZipFile(f *zip.File, limit int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("kan niet worden uitgepakt (%v)", err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, fmt.Errorf("kan niet worden uitgepakt (%v)", err)
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("pakt uit tot meer dan %d MB en wordt niet gelezen", limit>>20)
	}
	return b, nil
}

// tekst returns a source's plain text, without a BOM: inline, or the
// internal file the source points to. A missing or unreadable text is a
// warning (when meld): the codings still count, without their text.
// budget, when not nil, bounds the texts of a project together.
func (p *qdaProject) tekst(l *levering, bron string, s *refiqda.TextSource, budget *int64, meld bool) (refiqda.Tekst, bool) {
	waarschuw := func(waarde, format string, a ...any) {
		if meld {
			l.waarschuwing(l.at(bron), waarde, format, a...)
		}
	}
	if s.PlainTextContent != nil {
		if !utf8.ValidString(*s.PlainTextContent) {
			waarschuw("", "de tekst van deze bron is geen geldige UTF-8; de coderingen zijn bewaard zonder tekst")
			return refiqda.Tekst{}, false
		}
		return refiqda.NieuweTekst(*s.PlainTextContent), true
	}
	ref := strings.TrimSpace(s.PlainTextPath)
	const internal = "internal://"
	if !strings.HasPrefix(strings.ToLower(ref), internal) {
		switch {
		case ref == "" && s.RichTextPath != "":
			waarschuw(s.RichTextPath, "deze bron heeft alleen een opgemaakte tekst (%s) en geen platte tekst (plainTextPath); kansrijk leest de platte tekst, dus de coderingen zijn bewaard zonder tekst", s.RichTextPath)
		case ref == "":
			waarschuw("", "deze bron heeft geen tekst (geen plainTextPath); de coderingen zijn bewaard zonder tekst")
		default:
			waarschuw(ref, "de tekst van deze bron staat buiten de .qdpx (%s); de coderingen zijn bewaard zonder tekst", ref)
		}
		return refiqda.Tekst{}, false
	}
	if p.zr == nil {
		waarschuw(ref, "een los projectbestand (.qde) bevat de bronteksten niet; de coderingen zijn bewaard zonder tekst. Exporteer het project als .qdpx")
		return refiqda.Tekst{}, false
	}
	f, ok := p.bronnen[strings.ToLower(path.Base(strings.ReplaceAll(ref[len(internal):], `\`, "/")))]
	if !ok {
		waarschuw(ref, "de brontekst %s ontbreekt in de .qdpx; de coderingen zijn bewaard zonder tekst", ref)
		return refiqda.Tekst{}, false
	}
	limiet := MaxQDABron
	if budget != nil {
		if *budget <= 0 {
			waarschuw(ref, "de bronteksten zijn samen groter dan %d MB; deze is niet gelezen en de coderingen zijn bewaard zonder tekst", MaxQDABronnen>>20)
			return refiqda.Tekst{}, false
		}
		limiet = min(limiet, *budget)
	}
	b, err := readZipFile(f, limiet)
	if err != nil {
		waarschuw(ref, "de brontekst %s %v; de coderingen zijn bewaard zonder tekst", ref, err)
		return refiqda.Tekst{}, false
	}
	if budget != nil {
		*budget -= int64(len(b))
	}
	if !utf8.Valid(b) {
		waarschuw(ref, "de brontekst %s is geen geldige UTF-8; de coderingen zijn bewaard zonder tekst", ref)
		return refiqda.Tekst{}, false
	}
	return refiqda.NieuweTekst(string(b)), true
}

// selectie is the location of a text selection of a REFI-QDA source: the
// source as the sheet, the selection's GUID as the record the QDA
// program knows.
func (l *levering) selectie(bron, guid string) sheet.Location {
	p := l.at(bron)
	p.Record = sheet.Record{Kind: "selectie", Key: guid}
	return p
}
