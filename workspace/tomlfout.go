package workspace

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Fout is a problem in a werkmap's configuration: the file, the line and
// the key it is about, and what is wrong, in Dutch. Every error of Parse
// is a *Fout.
type Fout struct {
	Bestand string
	Regel   int    // 1-based; 0 when the problem has no single line
	Sleutel string // the key as kansrijk.toml writes it, e.g. "streefwaarde" or "[[coalitie]]"
	Tekst   string
}

func (e *Fout) Error() string {
	var b strings.Builder
	b.WriteString(e.Bestand)
	if e.Regel > 0 {
		fmt.Fprintf(&b, ", regel %d", e.Regel)
	}
	if e.Sleutel != "" {
		fmt.Fprintf(&b, " (%s)", e.Sleutel)
	}
	b.WriteString(": ")
	b.WriteString(e.Tekst)
	return b.String()
}

// tomlFout turns an error of the toml package into a Fout: the line and
// key it names and its message in Dutch. The package's own text is
// English and never shown.
func tomlFout(err error, name, invoer string, p plekken) *Fout {
	f := &Fout{Bestand: name}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// The lexer's line is one too far when the error's span takes
		// in the newline (a header without ]]); its byte offset is exact.
		kolom := pe.Position.Col
		f.Regel = pe.Position.Line
		if s := pe.Position.Start; s >= 0 && s <= len(invoer) {
			f.Regel = 1 + strings.Count(invoer[:s], "\n")
			kolom = utf8.RuneCountInString(invoer[strings.LastIndex(invoer[:s], "\n")+1:s]) + 1
		}
		// LastKey is the last key the parser saw; it is the key of the
		// problem only when it stands on the same line.
		if k := pe.LastKey; k != "" && p.regelVanSleutel(strings.Split(k, ".")) == f.Regel {
			f.Sleutel = laatsteDeel(k)
		}
		f.Tekst = vertaal(pe.Message)
		if kolom > 0 && f.Sleutel == "" {
			f.Tekst = fmt.Sprintf("teken %d: %s", kolom, f.Tekst)
		}
		return f
	}
	// Decoding errors ("incompatible types") are plain errors of the
	// form "toml: line 3 (last key "a.b"): ...".
	msg := err.Error()
	if m := reDecodeFout.FindStringSubmatch(msg); m != nil {
		f.Regel, _ = strconv.Atoi(m[1])
		key := m[2]
		if f.Regel == 0 {
			f.Regel = p.regelVanSleutel(strings.Split(key, "."))
		}
		f.Sleutel = laatsteDeel(key)
		f.Tekst = vertaal(m[3])
		return f
	}
	f.Tekst = vertaal(strings.TrimPrefix(msg, "toml: "))
	return f
}

var reDecodeFout = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

func laatsteDeel(key string) string {
	if i := strings.LastIndex(key, "."); i >= 0 {
		return key[i+1:]
	}
	return key
}

// typen names TOML's and Go's types as a user of kansrijk.toml knows them.
var typen = map[string]string{
	"string": "tekst", "float64": "getal", "float": "getal", "int64": "geheel getal", "integer": "geheel getal", "int": "geheel getal",
	"bool": "true of false", "boolean": "true of false", "array": "lijst", "slice": "lijst", "[]string": "lijst met teksten",
	"hash": "tabel", "map": "tabel", "table": "tabel", "struct": "tabel", "datetime": "datum", "time.Time": "datum",
	"[]map[string]any": "lijst van tabellen", "primitive (string-like)": "tekst",
}

func typeNaam(t string) string {
	t = strings.TrimPrefix(t, "kansrijk.")
	if n, ok := typen[t]; ok {
		return n
	}
	switch {
	case strings.HasPrefix(t, "[]"), strings.HasPrefix(t, "slice"):
		return "lijst"
	case strings.HasPrefix(t, "map"):
		return "tabel"
	case strings.HasPrefix(t, "toml.Local"):
		return "datum"
	}
	switch t {
	case "Bron":
		return "tekst"
	case "Coalitie", "Partner", "Profiel", "Indicator":
		return "[[" + strings.ToLower(t) + "]]-tabel"
	}
	return "waarde"
}

// vertaling is one message of the toml package, as a pattern, and its
// Dutch rendering ($1... are the pattern's groups).
type vertaling struct {
	re *regexp.Regexp
	nl func(m []string) string
}

func v(pattern string, nl func(m []string) string) vertaling {
	return vertaling{regexp.MustCompile(`^` + pattern + `$`), nl}
}

func vast(s string) func([]string) string { return func([]string) string { return s } }

const hintAanhalingstekens = `zet een tekst tussen aanhalingstekens, zoals naam = "Havenstad"`

// vertalingen cover the messages of the toml package's lexer, parser and
// decoder (v1.6: lex.go, parse.go, decode.go and error.go).
var vertalingen = []vertaling{
	v(`strings cannot contain newlines`, vast(`een tekst tussen aanhalingstekens loopt door tot het eind van de regel; sluit hem op dezelfde regel af met " (een tekst over meer regels begint en eindigt met """)`)),
	v(`newlines not allowed within inline tables`, vast(`een tabel tussen { en } moet op één regel staan; gebruik anders een kop als [profiel.kolommen] met de instellingen eronder`)),
	v(`TOML files cannot contain control characters: '0x(..)'`, func(m []string) string {
		return fmt.Sprintf("hier staat een onzichtbaar stuurteken (0x%s); haal het weg", m[1])
	}),
	v(`invalid escape in string '\\(.)'`, func(m []string) string {
		return fmt.Sprintf(`'\%s' in een tekst tussen "..." is geen geldige code; schrijf een \ als \\ of zet de tekst tussen '...'`, m[1])
	}),
	v(`expected (?:two|four|eight) hexadecimal digits after '\\(.)', but got (.*) instead`, func(m []string) string {
		return fmt.Sprintf(`na '\%s' in een tekst verwacht een tekencode in hexadecimale cijfers; schrijf een \ als \\`, m[1])
	}),
	v(`invalid UTF-8 byte: 0x(..)`, func(m []string) string {
		return fmt.Sprintf("het bestand is niet als UTF-8 opgeslagen (byte 0x%s); sla kansrijk.toml op als UTF-8", m[1])
	}),
	v(`invalid datetime: (.*)`, func(m []string) string {
		return fmt.Sprintf("%s is geen geldige datum; %s", m[1], hintAanhalingstekens)
	}),
	v(`(.*) is out of range for (.*)`, func(m []string) string {
		return fmt.Sprintf("het getal %s is te groot of te klein", m[1])
	}),
	v(`(.*) is out of the safe (.*) range`, func(m []string) string {
		return fmt.Sprintf("het getal %s is te groot om precies te bewaren", m[1])
	}),
	v(`invalid duration: (.*)`, func(m []string) string { return fmt.Sprintf("%s is geen geldige tijdsduur", m[1]) }),
	v(`unexpected EOF; expected value`, vast(`het bestand houdt op waar nog een waarde moet komen; ontbreekt er een ] of een aanhalingsteken?`)),
	v(`unexpected EOF; expected key separator '='`, vast(`na de naam van de instelling ontbreekt '=' en een waarde`)),
	v(`unexpected EOF; expected '"'`, vast(`de tekst wordt niet afgesloten; zet er " achter`)),
	v(`unexpected EOF; expected '"""'`, vast(`de tekst over meer regels wordt niet afgesloten; zet er """ achter`)),
	v(`unexpected EOF; expected "'"`, vast(`de tekst wordt niet afgesloten; zet er ' achter`)),
	v(`unexpected EOF; expected "'''"`, vast(`de tekst over meer regels wordt niet afgesloten; zet er ''' achter`)),
	v(`unexpected EOF`, vast(`het bestand houdt onverwacht op; er ontbreekt iets, bijvoorbeeld een ] of een aanhalingsteken`)),
	v(`expected value but found (.*) instead`, func(m []string) string {
		return fmt.Sprintf("na '=' verwacht een waarde (een tekst tussen aanhalingstekens, een getal, true/false of een lijst [...]), maar er staat %s; %s", m[1], hintAanhalingstekens)
	}),
	v(`expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`, func(m []string) string {
		return fmt.Sprintf("hier staat nog %s achter; zet elke instelling en elke kop op een eigen regel (en een tekst tussen aanhalingstekens)", m[1])
	}),
	v(`expected end of table array name delimiter '\]', but got (.*) instead`, vast(`een kop als [[partner]] moet met ]] eindigen`)),
	v(`unexpected end of table name \(table names cannot be empty\)`, vast(`tussen [ en ] ontbreekt de naam van de tabel`)),
	v(`unexpected table separator \(table names cannot be empty\)`, vast(`tussen [ en ] ontbreekt de naam van de tabel`)),
	v(`expected '\.' or '\]' to end table name, but got (.*) instead`, vast(`een kop als [profiel.kolommen] moet met ] eindigen`)),
	v(`unexpected '=': key name appears blank`, vast(`vóór '=' ontbreekt de naam van de instelling`)),
	v(`unexpected '\.': keys cannot start with a '\.'`, vast(`de naam van een instelling kan niet met een punt beginnen`)),
	v(`unexpected '='`, vast(`hier staat een '=' te veel`)),
	v(`unexpected '\.'`, vast(`hier staat een punt te veel in de naam van de instelling`)),
	v(`expected '\.' or '=', but got (.*) instead`, func(m []string) string {
		return fmt.Sprintf("na de naam van de instelling verwacht '=', maar er staat %s; een naam bestaat uit letters, cijfers, _ en -", m[1])
	}),
	v(`floats must start with a digit, not '\.'`, vast(`een getal moet met een cijfer beginnen: schrijf 0.75, niet .75`)),
	v(`unexpected comma`, vast(`hier staat een komma te veel`)),
	v(`expected a comma \(','\) or array terminator \('\]'\), but got (.*)`, func(m []string) string {
		return fmt.Sprintf("in een lijst [...] horen komma's tussen de waarden en een ] aan het eind, maar er staat %s", m[1])
	}),
	v(`expected a comma or an inline table terminator '\}', but got (.*) instead`, func(m []string) string {
		return fmt.Sprintf("in een tabel {...} horen komma's tussen de instellingen en een } aan het eind, maar er staat %s", m[1])
	}),
	v(`unexpected '""""""'`, vast(`hier staan te veel aanhalingstekens achter elkaar`)),
	v(`unexpected "''''''"`, vast(`hier staan te veel aanhalingstekens achter elkaar`)),
	v(`invalid float: '(.*)'`, func(m []string) string {
		return fmt.Sprintf("%s is geen geldig getal (schrijf een punt als decimaalteken: 0.75)", m[1])
	}),
	v(`cannot use sign with non-decimal numbers: '(.*)'`, func(m []string) string { return fmt.Sprintf("%s is geen geldig getal", m[1]) }),
	v(`expected a digit but got (.*)`, func(m []string) string {
		return fmt.Sprintf("in een getal verwacht een cijfer, maar er staat %s; %s", m[1], hintAanhalingstekens)
	}),
	v(`not a (?:binary|octal|hexadecimal) number: '(.*)'`, func(m []string) string { return fmt.Sprintf("%s is geen geldig getal", m[1]) }),
	v(`Key '(.*)' has already been defined\.`, func(m []string) string {
		return fmt.Sprintf("instelling '%s' staat er twee keer in; haal er één weg", m[1])
	}),
	v(`Key '(.*)' was already created as a hash\.`, func(m []string) string {
		return fmt.Sprintf("'%s' staat er al eerder in, als tabel; gebruik één van beide", m[1])
	}),
	v(`Key '(.*)' was already created and cannot be used as an array\.`, func(m []string) string {
		return fmt.Sprintf("'%s' staat er al eerder in; [[%s]] kan dan geen lijst van tabellen zijn", m[1], m[1])
	}),
	v(`"(.*)" is not a table`, func(m []string) string { return fmt.Sprintf("'%s' is geen tabel", m[1]) }),
	v(`incompatible types: TOML value has type (.*); destination has type (.*)`, func(m []string) string {
		return fmt.Sprintf("hier staat een %s, maar hier hoort een %s", typeNaam(m[1]), typeNaam(m[2]))
	}),
	v(`type mismatch for (.*): expected table but found (.*)`, func(m []string) string {
		return fmt.Sprintf("hier hoort een tabel, maar er staat een %s", typeNaam(m[2]))
	}),
	v(`cannot decode to .*`, vast(`deze waarde kan kansrijk niet lezen`)),
	v(`unsupported type .*`, vast(`deze waarde kan kansrijk niet lezen`)),
}

// vertaal renders a message of the toml package in Dutch; one not in
// the list gets a general Dutch message rather than the English.
func vertaal(msg string) string {
	msg = strings.TrimSpace(msg)
	for _, t := range vertalingen {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.nl(m)
		}
	}
	return "hier klopt de schrijfwijze van kansrijk.toml niet (TOML); vergelijk de regel met de uitleg bovenin het bestand"
}
