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
	"strconv"
	"strings"
	"unicode/utf8"

	"kansrijk"
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
	lev := &levering{Partner: p, Config: im.Config, Naam: name, nu: im.kwartaal()}
	out, err := readQDA(lev, res.Pad)
	lev.afronden(0)
	res.Meldingen = lev.meldingen
	if err != nil {
		res.Status, res.Fout = Afgewezen, err.Error()
		return
	}
	im.klaarzetten(v, lev, out, sum)
}

// readQDA reads a REFI-QDA project: a .qdpx (a zip with project.qde and
// the source texts under sources/) or a bare project.qde. It keeps the
// text sources, and one row per code applied to a text selection. The
// selected text is cut from the source by code point (rule 13). Sources
// of other kinds (pdf, picture, audio, video) are skipped with a message.
// Messages never quote a selection: its text may be withdrawn later.
func readQDA(l *levering, pad string) (*gelezen, error) {
	fail := func(format string, a ...any) error {
		return fmt.Errorf("%s: %s", l.Naam, fmt.Sprintf(format, a...))
	}
	proj, err := openQDA(pad)
	if err != nil {
		return nil, fail("%v", err)
	}
	defer proj.Close()
	var p qdeProject
	if err := unmarshalQDE(proj.qde, &p); err != nil {
		return nil, fail("%s is geen leesbaar REFI-QDA-project (%v)", proj.qdeNaam, err)
	}
	if len(p.Sources.Text) == 0 {
		if n := len(p.Sources.Other); n > 0 {
			return nil, fail("het project heeft %d bron(nen), maar geen enkele tekstbron; kansrijk leest alleen gecodeerde tekst", n)
		}
		return nil, fail("het project bevat geen bronnen; exporteer het project opnieuw uit het QDA-programma (REFI-QDA, .qdpx)")
	}

	codes := map[string]string{} // guid → "Thema > Code"
	var walk func(parent string, cs []qdeCode)
	walk = func(parent string, cs []qdeCode) {
		for _, c := range cs {
			naam := strings.Join(strings.Fields(c.Name), " ")
			if parent != "" {
				naam = parent + " > " + naam
			}
			if c.GUID != "" {
				codes[strings.ToLower(c.GUID)] = naam
			}
			walk(naam, c.Codes)
		}
	}
	walk("", p.Codes)
	users := map[string]string{}
	for _, u := range p.Users {
		users[strings.ToLower(u.GUID)] = strings.TrimSpace(u.Name)
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

	out := &gelezen{periode: basisNaam(l.Naam)}
	budget := MaxQDABronnen
	for _, s := range p.Sources.Text {
		bron := strings.TrimSpace(s.Name)
		if bron == "" {
			bron = s.GUID
		}
		b := store.QDABron{GUID: s.GUID, Naam: bron, VerhaalID: reVerhaalID.FindString(bron), Selecties: len(s.Selections)}
		tekst, ok := proj.tekst(l, bron, s, &budget)
		var runes []rune
		if ok {
			runes = []rune(tekst)
			n := len(runes)
			b.Tekens = &n
		}
		out.inhoud.QDABronnen = append(out.inhoud.QDABronnen, b)
		for _, sel := range s.Selections {
			begin, err1 := strconv.Atoi(strings.TrimSpace(sel.Start))
			eind, err2 := strconv.Atoi(strings.TrimSpace(sel.End))
			posOK := err1 == nil && err2 == nil && begin >= 0 && eind >= begin
			if !posOK {
				out.rijen += max(len(sel.Codings), 1)
				out.afgewezen += max(len(sel.Codings), 1)
				l.fout(l.at(bron), sel.Start+"-"+sel.End,
					"selectie %s heeft geen geldige positie (startPosition %q, endPosition %q); de codering telt niet mee",
					sel.GUID, sel.Start, sel.End)
				continue
			}
			selTekst := ""
			switch {
			case !ok:
			case eind > len(runes):
				l.waarschuwing(l.at(bron), fmt.Sprintf("%d-%d", begin, eind),
					"selectie %s loopt tot teken %d, maar de brontekst heeft %d tekens; de codering is bewaard zonder tekst",
					sel.GUID, eind, len(runes))
			default:
				selTekst = string(runes[begin:eind])
			}
			if len(sel.Codings) == 0 {
				l.waarschuwing(l.at(bron), sel.GUID, "selectie %s heeft geen code; overgeslagen", sel.GUID)
			}
			for _, c := range sel.Codings {
				out.rijen++
				ref := strings.TrimSpace(c.Ref.Target)
				code, known := codes[strings.ToLower(ref)]
				if !known {
					out.afgewezen++
					l.fout(l.at(bron), ref, "selectie %s verwijst naar code %q, die niet in het codeboek van het project staat; de codering telt niet mee",
						sel.GUID, ref)
					continue
				}
				out.inhoud.Coderingen = append(out.inhoud.Coderingen, store.Codering{
					Bron: bron, VerhaalID: b.VerhaalID, Selectie: sel.GUID, Code: code,
					Begin: begin, Eind: eind, Tekst: selTekst,
					Codeur: codeur(c.CreatingUser, sel.CreatingUser, s.CreatingUser),
				})
			}
		}
	}
	if n := len(p.Sources.Other); n > 0 {
		l.waarschuwing(l.at(""), strconv.Itoa(n), "%d bron(nen) zijn geen tekst (pdf, beeld, geluid of video); kansrijk leest alleen tekstbronnen en heeft die overgeslagen", n)
	}
	if out.rijen == 0 {
		l.waarschuwing(l.at(""), "", "het project heeft %d tekstbron(nen) maar geen enkele gecodeerde selectie", len(p.Sources.Text))
	}
	return out, nil
}

// The parts of a REFI-QDA project.qde that kansrijk reads. Tags without
// a namespace match the standard's urn:QDA-XML:project:1.0.
type qdeProject struct {
	XMLName xml.Name  `xml:"Project"`
	Users   []qdeUser `xml:"Users>User"`
	Codes   []qdeCode `xml:"CodeBook>Codes>Code"`
	Sources struct {
		Text  []qdeTextSource `xml:"TextSource"`
		Other []struct {
			XMLName xml.Name
		} `xml:",any"`
	} `xml:"Sources"`
}

type qdeUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr"`
}

type qdeCode struct {
	GUID  string    `xml:"guid,attr"`
	Name  string    `xml:"name,attr"`
	Codes []qdeCode `xml:"Code"`
}

type qdeTextSource struct {
	GUID          string         `xml:"guid,attr"`
	Name          string         `xml:"name,attr"`
	PlainTextPath string         `xml:"plainTextPath,attr"`
	CreatingUser  string         `xml:"creatingUser,attr"`
	Content       *string        `xml:"PlainTextContent"`
	Selections    []qdeSelection `xml:"PlainTextSelection"`
}

type qdeSelection struct {
	GUID         string `xml:"guid,attr"`
	Start        string `xml:"startPosition,attr"`
	End          string `xml:"endPosition,attr"`
	CreatingUser string `xml:"creatingUser,attr"`
	Codings      []struct {
		CreatingUser string `xml:"creatingUser,attr"`
		Ref          struct {
			Target string `xml:"targetGUID,attr"`
		} `xml:"CodeRef"`
	} `xml:"Coding"`
}

// unmarshalQDE decodes project XML. encoding/xml bounds the nesting
// depth, so a hostile file cannot exhaust the stack.
func unmarshalQDE(b []byte, p *qdeProject) error {
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
		switch {
		case strings.HasSuffix(name, "/"):
		case path.Ext(name) == ".qde":
			qde = append(qde, f)
		case strings.HasPrefix(name, "sources/"):
			p.bronnen[path.Base(name)] = f
		case name == "xl/workbook.xml":
			return nil, errors.New("dit is een Excel-werkmap met de extensie .qdpx, geen REFI-QDA-project")
		}
	}
	switch {
	case len(qde) == 0:
		return nil, errors.New("de .qdpx bevat geen project.qde; exporteer het project opnieuw als REFI-QDA (.qdpx)")
	case len(qde) > 1:
		// The standard names it project.qde; prefer that one.
		for _, f := range qde {
			if strings.EqualFold(path.Base(f.Name), "project.qde") {
				qde = []*zip.File{f}
				break
			}
		}
		if len(qde) > 1 {
			return nil, fmt.Errorf("de .qdpx bevat %d projectbestanden (.qde); verwacht één project.qde", len(qde))
		}
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

// tekst returns a source's plain text: inline, or the internal file the
// source points to. A missing or unreadable text is a warning: the
// codings still count for the cross-check, without their text.
func (p *qdaProject) tekst(l *levering, bron string, s qdeTextSource, budget *int64) (string, bool) {
	if s.Content != nil {
		if !utf8.ValidString(*s.Content) {
			l.waarschuwing(l.at(bron), "", "de tekst van deze bron is geen geldige UTF-8; de coderingen zijn bewaard zonder tekst")
			return "", false
		}
		return *s.Content, true
	}
	ref := strings.TrimSpace(s.PlainTextPath)
	const internal = "internal://"
	if !strings.HasPrefix(strings.ToLower(ref), internal) {
		if ref == "" {
			l.waarschuwing(l.at(bron), "", "deze bron heeft geen tekst (geen plainTextPath); de coderingen zijn bewaard zonder tekst")
		} else {
			l.waarschuwing(l.at(bron), ref, "de tekst van deze bron staat buiten de .qdpx (%s); de coderingen zijn bewaard zonder tekst", ref)
		}
		return "", false
	}
	if p.zr == nil {
		l.waarschuwing(l.at(bron), ref, "een los projectbestand (.qde) bevat de bronteksten niet; de coderingen zijn bewaard zonder tekst. Exporteer het project als .qdpx")
		return "", false
	}
	f, ok := p.bronnen[strings.ToLower(path.Base(ref[len(internal):]))]
	if !ok {
		l.waarschuwing(l.at(bron), ref, "de brontekst %s ontbreekt in de .qdpx; de coderingen zijn bewaard zonder tekst", ref)
		return "", false
	}
	if *budget <= 0 {
		l.waarschuwing(l.at(bron), ref, "de bronteksten zijn samen groter dan %d MB; deze is niet gelezen en de coderingen zijn bewaard zonder tekst", MaxQDABronnen>>20)
		return "", false
	}
	b, err := readZipFile(f, min(MaxQDABron, *budget))
	if err != nil {
		l.waarschuwing(l.at(bron), ref, "de brontekst %s %v; de coderingen zijn bewaard zonder tekst", ref, err)
		return "", false
	}
	*budget -= int64(len(b))
	// Positions count code points of the text itself, not of a BOM.
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(b) {
		l.waarschuwing(l.at(bron), ref, "de brontekst %s is geen geldige UTF-8; de coderingen zijn bewaard zonder tekst", ref)
		return "", false
	}
	return string(b), true
}
