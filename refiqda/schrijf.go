package refiqda

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
)

// Bestand is a source text stored in a .qdpx beside project.qde.
type Bestand struct {
	Pad   string // inside the zip: sources/GUID.txt
	Tekst string
}

// Schrijf writes a .qdpx: project.qde and the source texts under
// sources/, as QDA programs expect them.
func Schrijf(w io.Writer, p *Project, bestanden []Bestand) error {
	if p.Xmlns == "" {
		p.Xmlns = Namespace
	}
	zw := zip.NewWriter(w)
	f, err := zw.Create("project.qde")
	if err != nil {
		return err
	}
	if _, err := io.WriteString(f, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(f)
	enc.Indent("", "  ")
	if err := enc.Encode(p); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	for _, b := range bestanden {
		f, err := zw.Create(b.Pad)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, b.Tekst); err != nil {
			return err
		}
	}
	return zw.Close()
}

// naamruimte makes the GUIDs of an export: name-based (UUID version
// 5), so the same stories give the same project every time.
var naamruimte = uuid.MustParse("6f1b3c2e-5a0d-4c8e-9b7a-2d4e6f8a0c1e")

// GUID is the stable GUID of what the parts name.
func GUID(parts ...string) string {
	return uuid.NewSHA1(naamruimte, []byte(strings.Join(parts, "\x00"))).String()
}

// Datum writes a DateValue.
func Datum(t time.Time) string { return t.Format("2006-01-02") }

var (
	reGUID = regexp.MustCompile(`^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$`)
	reRGB  = regexp.MustCompile(`^#([A-Fa-f0-9]{6}|[A-Fa-f0-9]{3})$`)
)

// Controleer checks a project against the rules of Project.xsd that the
// types here do not enforce by themselves (the element order they do):
// required attributes, the GUID and colour patterns, the kinds of
// variables and their values, integer positions; and what the schema
// cannot say: every GUID unique, every reference pointing at something
// that exists. It returns a description of each problem.
func Controleer(p *Project) []string {
	var fouten []string
	fout := func(format string, a ...any) { fouten = append(fouten, fmt.Sprintf(format, a...)) }
	guids := map[string]string{}
	guid := func(wat, g string) {
		switch {
		case !reGUID.MatchString(g):
			fout("%s: guid %q is geen GUID", wat, g)
		case guids[strings.ToLower(g)] != "":
			fout("%s: guid %s is ook %s", wat, g, guids[strings.ToLower(g)])
		default:
			guids[strings.ToLower(g)] = wat
		}
	}
	if p.Naam == "" {
		fout("Project zonder name")
	}
	if p.Users != nil {
		if len(p.Users.User) == 0 {
			fout("Users zonder User")
		}
		for _, u := range p.Users.User {
			guid("User "+u.Name, u.GUID)
		}
	}
	codes := map[string]bool{}
	if p.CodeBook != nil {
		if len(p.CodeBook.Codes) == 0 {
			fout("Codes zonder Code")
		}
		var walk func([]Code)
		walk = func(cs []Code) {
			for _, c := range cs {
				guid("Code "+c.Name, c.GUID)
				codes[strings.ToLower(c.GUID)] = true
				if c.Name == "" {
					fout("Code %s zonder name", c.GUID)
				}
				if _, err := strconv.ParseBool(c.IsCodable); err != nil || c.IsCodable != strings.ToLower(c.IsCodable) {
					fout("Code %s: isCodable %q is geen xsd:boolean", c.Name, c.IsCodable)
				}
				if c.Color != "" && !reRGB.MatchString(c.Color) {
					fout("Code %s: color %q", c.Name, c.Color)
				}
				walk(c.Codes)
			}
		}
		walk(p.CodeBook.Codes)
	}
	soort := map[string]string{}
	if p.Variables != nil {
		for _, v := range p.Variables.Variable {
			guid("Variable "+v.Name, v.GUID)
			switch v.TypeOfVariable {
			case "Text", "Boolean", "Integer", "Float", "Date", "DateTime":
			default:
				fout("Variable %s: typeOfVariable %q", v.Name, v.TypeOfVariable)
			}
			if v.Name == "" {
				fout("Variable %s zonder name", v.GUID)
			}
			soort[strings.ToLower(v.GUID)] = v.TypeOfVariable
		}
	}
	waarden := func(wat string, vv []VariableValue) {
		for _, v := range vv {
			t, ok := soort[strings.ToLower(v.Ref.Target)]
			if !ok {
				fout("%s: VariableRef %s wijst naar geen Variable", wat, v.Ref.Target)
			}
			n := 0
			for _, x := range []*string{v.TextValue, v.BooleanValue, v.IntegerValue, v.FloatValue, v.DateValue, v.DateTimeValue} {
				if x != nil {
					n++
				}
			}
			if n > 1 {
				fout("%s: VariableValue met %d waarden", wat, n)
			}
			switch {
			case t == "Date" && v.DateValue == nil, t == "Boolean" && v.BooleanValue == nil, t == "Text" && v.TextValue == nil:
				if n > 0 {
					fout("%s: waarde van het verkeerde soort voor een %s-variabele", wat, t)
				}
			}
			if v.DateValue != nil {
				if _, err := time.Parse("2006-01-02", *v.DateValue); err != nil {
					fout("%s: DateValue %q is geen xsd:date", wat, *v.DateValue)
				}
			}
			if v.BooleanValue != nil && *v.BooleanValue != "true" && *v.BooleanValue != "false" {
				fout("%s: BooleanValue %q", wat, *v.BooleanValue)
			}
		}
	}
	bronnen := map[string]bool{}
	selecties := map[string]bool{}
	if p.Sources != nil {
		for _, s := range p.Sources.Text {
			guid("TextSource "+s.Name, s.GUID)
			bronnen[strings.ToLower(s.GUID)] = true
			if (s.PlainTextContent == nil) == (s.PlainTextPath == "") {
				fout("TextSource %s: precies één van PlainTextContent en plainTextPath hoort gevuld", s.Name)
			}
			for _, sel := range s.Selections {
				guid("PlainTextSelection in "+s.Name, sel.GUID)
				selecties[strings.ToLower(sel.GUID)] = true
				b, err1 := strconv.Atoi(sel.Start)
				e, err2 := strconv.Atoi(sel.End)
				if err1 != nil || err2 != nil || b < 0 || e < b {
					fout("PlainTextSelection %s: posities %q-%q", sel.GUID, sel.Start, sel.End)
				}
				for _, c := range sel.Codings {
					guid("Coding in "+s.Name, c.GUID)
					if !codes[strings.ToLower(c.Ref.Target)] {
						fout("Coding %s: CodeRef %s wijst naar geen Code", c.GUID, c.Ref.Target)
					}
					if c.CreatingUser != "" && !reGUID.MatchString(c.CreatingUser) {
						fout("Coding %s: creatingUser %q", c.GUID, c.CreatingUser)
					}
				}
				if sel.CreatingUser != "" && !reGUID.MatchString(sel.CreatingUser) {
					fout("PlainTextSelection %s: creatingUser %q", sel.GUID, sel.CreatingUser)
				}
			}
			waarden("TextSource "+s.Name, s.VariableValue)
		}
	}
	if p.Cases != nil {
		for _, c := range p.Cases.Case {
			guid("Case "+c.Name, c.GUID)
			waarden("Case "+c.Name, c.VariableValue)
			for _, r := range c.SourceRef {
				if !bronnen[strings.ToLower(r.Target)] {
					fout("Case %s: SourceRef %s wijst naar geen bron", c.Name, r.Target)
				}
			}
			for _, r := range c.SelectionRef {
				if !selecties[strings.ToLower(r.Target)] {
					fout("Case %s: SelectionRef %s wijst naar geen selectie", c.Name, r.Target)
				}
			}
		}
	}
	return fouten
}
