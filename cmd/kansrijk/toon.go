package main

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode/utf8"
)

// printf is how kansrijk writes to a terminal or a log, and the only
// place that does (TestAlleUitvoerViaPrintf checks). format is the
// program's own text; every argument may hold text from outside (a file
// name, a cell, a partner's or coalitie's name from kansrijk.toml, an
// error naming them) and is shown with zichtbaar, so that a newline in a
// file name cannot forge a line of output, and an escape sequence or a
// bidi override cannot reach the terminal. Numbers pass as they are, %q
// quotes as fmt does (which escapes all of these too), and width flags
// such as %-13s keep working.
func printf(w io.Writer, format string, args ...any) {
	veilig := make([]any, len(args))
	for i, a := range args {
		veilig[i] = toonbaar(a)
	}
	fmt.Fprintf(w, format, veilig...)
}

// zichtbareRegels is a writer for a log.Logger: each Write is one entry
// ending in a line break, and what comes before it is shown with
// zichtbaar, so that a request path or a file name in a log line of
// kansrijk web cannot forge another line or act on the terminal.
type zichtbareRegels struct{ w io.Writer }

func (z zichtbareRegels) Write(p []byte) (int, error) {
	regel, eind := strings.CutSuffix(string(p), "\n")
	s := zichtbaar(regel)
	if eind {
		s += "\n"
	}
	if _, err := io.WriteString(z.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}

// programmaTekst is text of the program itself, such as a help text with
// its line breaks; printf shows it as it is. Only a constant converts to
// it without a conversion, so text from outside cannot become one by
// accident.
type programmaTekst string

// zichtbareTekst is text that printf formats with zichtbaar.
type zichtbareTekst string

func (t zichtbareTekst) Format(f fmt.State, verb rune) {
	s := string(t)
	if verb != 'q' {
		s = zichtbaar(s)
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), s)
}

// toonbaar returns a, as printf may show it.
func toonbaar(a any) any {
	switch x := a.(type) {
	case nil:
		return nil
	case programmaTekst:
		return string(x)
	case string:
		return zichtbareTekst(x)
	case error:
		// Errors joined with errors.Join each get a line of their own.
		if j, ok := x.(interface{ Unwrap() []error }); ok {
			var regels []string
			for _, e := range j.Unwrap() {
				if e != nil {
					regels = append(regels, zichtbaar(e.Error()))
				}
			}
			return strings.Join(regels, "\n")
		}
		return zichtbareTekst(x.Error())
	case fmt.Stringer:
		return zichtbareTekst(x.String())
	}
	if v := reflect.ValueOf(a); v.Kind() == reflect.String {
		return zichtbareTekst(v.String())
	}
	return a
}

// zichtbaar returns s with every character that would act on a terminal
// rather than show written as an escape, like Go writes them: control
// characters (a line break as \n, ESC as \x1b), the bidi controls that
// can reorder what a reader sees (\u202e), zero-width characters that
// hide in a name, line and paragraph separators, and invalid UTF-8
// (\xff). Letters, accents and emoji stay as they are. zichtbaar of its
// own result changes nothing.
func zichtbaar(s string) string {
	if !moetZichtbaar(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case onzichtbaar(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// moetZichtbaar reports whether zichtbaar has anything to do in s.
func moetZichtbaar(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7f || (r == utf8.RuneError && n <= 1) || onzichtbaar(r) {
			return true
		}
		i += n
	}
	return false
}

// onzichtbaar reports whether r is a non-ASCII character that changes
// what a terminal shows without showing itself: C1 controls (U+0085
// ends a line on some terminals, U+009B starts an escape sequence), the
// bidi controls, zero-width spaces and joiners that are no part of an
// emoji, the byte order mark, and the line and paragraph separators.
func onzichtbaar(r rune) bool {
	switch {
	case r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200b, r == 0x200c, r == 0x200e, r == 0x200f, r == 0x2060, r == 0xfeff:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
