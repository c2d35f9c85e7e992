package reports

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// pdfPen is the fpdf document as the PDF writers draw on it. Every fpdf
// method that draws, measures or stores text is redefined here and hands
// fpdf the text as pdfDrukbaar makes it, so all text of every PDF passes
// this one place. fpdf v0.12.0 cannot take what the embedded Go fonts
// do not cover: a rune above U+FFFF panics (its width table has 65536
// entries and is indexed with the rune), MultiCell stops with English
// "character outside the supported range", a BMP rune without a glyph
// prints an empty box, and the outline and document info garble
// anything outside the BMP (its UTF-16 conversion knows no surrogates)
// or panic on invalid UTF-8 at the end of a string.
//
// Methods that take no text (SetXY, Rect, ...) are fpdf's own.
// TestPDFPenDektTekstmethoden checks that no text method of fpdf is
// left out.
type pdfPen struct{ *fpdf.Fpdf }

func newPDFPen() *pdfPen {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(pdfFont, "", goregular.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "B", gobold.TTF)
	f.AddUTF8FontFromBytes(pdfFont, "I", goitalic.TTF)
	return &pdfPen{f}
}

func (p *pdfPen) CellFormat(w, h float64, s, border string, ln int, align string, fill bool, link int, linkStr string) {
	p.Fpdf.CellFormat(w, h, pdfDrukbareRegel(s), border, ln, align, fill, link, linkStr)
}

func (p *pdfPen) Cell(w, h float64, s string) { p.Fpdf.Cell(w, h, pdfDrukbareRegel(s)) }

func (p *pdfPen) Cellf(w, h float64, format string, a ...any) {
	p.Cell(w, h, fmt.Sprintf(format, a...))
}

func (p *pdfPen) MultiCell(w, h float64, s, border, align string, fill bool) {
	p.Fpdf.MultiCell(w, h, pdfDrukbaar(s), border, align, fill)
}

func (p *pdfPen) Text(x, y float64, s string) { p.Fpdf.Text(x, y, pdfDrukbareRegel(s)) }

func (p *pdfPen) ClipText(x, y float64, s string, outline bool) {
	p.Fpdf.ClipText(x, y, pdfDrukbareRegel(s), outline)
}

func (p *pdfPen) Write(h float64, s string) { p.Fpdf.Write(h, pdfDrukbaar(s)) }

func (p *pdfPen) Writef(h float64, format string, a ...any) {
	p.Write(h, fmt.Sprintf(format, a...))
}

func (p *pdfPen) WriteAligned(w, h float64, s, align string) {
	p.Fpdf.WriteAligned(w, h, pdfDrukbaar(s), align)
}

func (p *pdfPen) WriteLinkString(h float64, s, target string) {
	p.Fpdf.WriteLinkString(h, pdfDrukbaar(s), target)
}

func (p *pdfPen) WriteLinkID(h float64, s string, link int) {
	p.Fpdf.WriteLinkID(h, pdfDrukbaar(s), link)
}

func (p *pdfPen) SubWrite(h float64, s string, size, offset float64, link int, linkStr string) {
	p.Fpdf.SubWrite(h, pdfDrukbaar(s), size, offset, link, linkStr)
}

// GetStringWidth measures s as CellFormat draws it, so that a width
// measured is the width drawn.
func (p *pdfPen) GetStringWidth(s string) float64 { return p.Fpdf.GetStringWidth(pdfDrukbareRegel(s)) }

func (p *pdfPen) GetStringSymbolWidth(s string) int {
	return p.Fpdf.GetStringSymbolWidth(pdfDrukbareRegel(s))
}

// SplitText breaks s as MultiCell would; its lines are already as drawn.
func (p *pdfPen) SplitText(s string, w float64) []string { return p.Fpdf.SplitText(pdfDrukbaar(s), w) }

func (p *pdfPen) SplitLines(s []byte, w float64) [][]byte {
	return p.Fpdf.SplitLines([]byte(pdfDrukbaar(string(s))), w)
}

func (p *pdfPen) Bookmark(s string, level int, y float64) {
	p.Fpdf.Bookmark(pdfDrukbareRegel(s), level, y)
}

func (p *pdfPen) AddLayer(name string, visible bool) int {
	return p.Fpdf.AddLayer(pdfDrukbareRegel(name), visible)
}

func (p *pdfPen) RegisterAlias(alias, replacement string) {
	p.Fpdf.RegisterAlias(alias, pdfDrukbareRegel(replacement))
}

func (p *pdfPen) SetTitle(s string, isUTF8 bool)    { p.Fpdf.SetTitle(pdfDrukbareRegel(s), isUTF8) }
func (p *pdfPen) SetSubject(s string, isUTF8 bool)  { p.Fpdf.SetSubject(pdfDrukbareRegel(s), isUTF8) }
func (p *pdfPen) SetAuthor(s string, isUTF8 bool)   { p.Fpdf.SetAuthor(pdfDrukbareRegel(s), isUTF8) }
func (p *pdfPen) SetKeywords(s string, isUTF8 bool) { p.Fpdf.SetKeywords(pdfDrukbareRegel(s), isUTF8) }
func (p *pdfPen) SetCreator(s string, isUTF8 bool)  { p.Fpdf.SetCreator(pdfDrukbareRegel(s), isUTF8) }
func (p *pdfPen) SetProducer(s string, isUTF8 bool) { p.Fpdf.SetProducer(pdfDrukbareRegel(s), isUTF8) }

// inkorten shortens s with an ellipsis until it fits in w mm in the
// current font. It shortens the text as drawn, so that it never cuts an
// emoji or a description in two.
func (p *pdfPen) inkorten(s string, w float64) string {
	s = pdfDrukbareRegel(s)
	if p.GetStringWidth(s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && p.GetStringWidth(string(r)+"…") > w {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// pdfGlyphs tells which runes of the BMP all three embedded Go fonts
// have a glyph for, read from their cmap tables. The fonts cover WGL4:
// Latin, Greek, Cyrillic and common signs; no emoji, no combining marks,
// no Arabic, Hebrew or Han.
var pdfGlyphs = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var set [0x10000 / 64]uint64
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			// Cannot happen with the embedded fonts; printable ASCII is
			// in every font, so fall back to that.
			for r := ' '; r <= '~'; r++ {
				set[r/64] |= 1 << (r % 64)
			}
			return &set
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		alle := true
		for _, f := range fonts {
			if g, err := f.GlyphIndex(&buf, r); err != nil || g == 0 {
				alle = false
				break
			}
		}
		if alle {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// pdfGedekt reports whether the fonts draw r as itself. Control and
// format characters never are, even where the font maps them.
func pdfGedekt(r rune) bool {
	if r < 0x20 || r >= 0x10000 || (r >= 0x7f && r < 0xa0) || unicode.Is(unicode.Cf, r) {
		return false
	}
	return pdfGlyphs()[r/64]&(1<<(r%64)) != 0
}

// pdfDrukbareRegel is pdfDrukbaar for a single line: a line break becomes a space.
func pdfDrukbareRegel(s string) string {
	s = pdfDrukbaar(s)
	if strings.IndexByte(s, '\n') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\n", " ")
}

// pdfDrukbaar returns s as the PDF's fonts can draw it; text they draw
// unchanged comes back as it is. Otherwise, after NFC (which makes a
// letter with a combining accent one precomposed letter):
//   - an emoji, with its skin tone, variation selector and zero-width
//     joined parts, becomes a short Dutch description: "[glimlach]",
//     "[vlag NL]", "[3× lachtranen]" for a repeat, else "[emoji]";
//   - a letter without a glyph is drawn without its accents where the
//     bare letter has one ("ễ" becomes "ê");
//   - a run of a script the fonts lack (Arabic, Hebrew, Han, ...)
//     becomes one "[tekst in Arabisch schrift]";
//   - any other sign, and a stretch of invalid UTF-8, becomes "[teken]";
//   - a tab or other space becomes a space, CR LF and CR a line break;
//     control and invisible format characters (zero-width space, bidi
//     controls, byte order mark) are left out, as are combining marks
//     that do not fit any letter.
//
// The HTML reports show the text as written; only the PDF needs this.
func pdfDrukbaar(s string) string {
	if pdfAlGedekt(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s) + 16)
	// A description waits in vorige so that repeats make one.
	var vorige string
	herhaald := 0
	schrijf := func(omschrijving string) {
		if omschrijving == vorige {
			herhaald++
			return
		}
		spoel(&b, vorige, herhaald)
		vorige, herhaald = omschrijving, 1
	}
	tekst := func(t string) {
		spoel(&b, vorige, herhaald)
		vorige, herhaald = "", 0
		b.WriteString(t)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			for i < len(s) {
				if r, n := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || n > 1 {
					break
				}
				i++
			}
			schrijf("teken")
			continue
		case r == '\r':
			if strings.HasPrefix(s[i+1:], "\n") {
				n++
			}
			tekst("\n")
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			tekst("\n")
		case pdfGedekt(r):
			tekst(s[i : i+n])
		case r == '\t' || unicode.Is(unicode.Zs, r):
			if r == '\u202f' || r == '\u2007' {
				tekst("\u00a0") // both do not break
			} else {
				tekst(" ")
			}
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.In(r, unicode.Mn, unicode.Me):
			// Invisible, or a mark NFC could not join to its letter.
		case pdfRegionaal(r):
			// Two regional indicators are a flag, named by its country code.
			if r2, n2 := utf8.DecodeRuneInString(s[i+n:]); pdfRegionaal(r2) {
				schrijf("vlag " + string('A'+r-0x1F1E6) + string('A'+r2-0x1F1E6))
				n += n2
			} else {
				schrijf("emoji")
			}
			i = pdfEmojiEinde(s, i+n)
			continue
		case pdfEmoji(s, i, r, n):
			m := pdfEmojiEinde(s, i+n)
			naam, ok := pdfEmojiNamen[r]
			if !ok || strings.ContainsRune(s[i:m], '\u200d') {
				naam = "emoji" // a joined sequence means more than its first part
			}
			schrijf(naam)
			i = m
			continue
		default:
			if kaal, ok := pdfKaleLetter(r); ok {
				tekst(kaal)
				break
			}
			if naam, m := pdfSchriftRun(s, i); m > i {
				schrijf("tekst in " + naam)
				i = m
				continue
			}
			schrijf("teken")
		}
		i += n
	}
	spoel(&b, vorige, herhaald)
	return b.String()
}

// spoel writes a waiting description, n times over. Its spaces do not
// break, so that a description stays on one line.
func spoel(b *strings.Builder, omschrijving string, n int) {
	if n == 0 {
		return
	}
	b.WriteByte('[')
	if n > 1 {
		b.WriteString(strconv.Itoa(n) + "×\u00a0")
	}
	b.WriteString(strings.ReplaceAll(omschrijving, " ", "\u00a0"))
	b.WriteByte(']')
}

// pdfAlGedekt reports whether s can go to fpdf as it is: valid UTF-8 of
// covered runes and line breaks only.
func pdfAlGedekt(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f || c == '\n' {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n <= 1) || !pdfGedekt(r) {
			return false
		}
		i += n - 1
	}
	return true
}

func pdfRegionaal(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

// pdfEmoji reports whether the uncovered r at s[i:] starts an emoji: a
// rune of the pictographic blocks, or any rune in emoji presentation
// (followed by U+FE0F).
func pdfEmoji(s string, i int, r rune, n int) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF, r >= 0x2600 && r <= 0x27BF, r >= 0x2B00 && r <= 0x2BFF:
		return true
	}
	_, ok := pdfEmojiNamen[r]
	return ok || strings.HasPrefix(s[i+n:], "\ufe0f")
}

// pdfEmojiEinde returns the end of the emoji sequence whose base ends at
// i: variation selectors, skin tones, the keycap, tag characters, and
// anything joined with a zero-width joiner. Hand-written as Go's
// standard library and golang.org/x/text have no grapheme clusters and
// an emoji is all that needs them here.
func pdfEmojiEinde(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF, r == 0x20E3,
			r >= 0xE0020 && r <= 0xE007F, r >= 0xE0100 && r <= 0xE01EF:
			i += n
		case r == '\u200d':
			i += n
			if i < len(s) {
				_, n2 := utf8.DecodeRuneInString(s[i:])
				i += n2
			}
		default:
			return i
		}
	}
	return i
}

// pdfKaleLetter returns an uncovered letter without the accents the
// fonts lack, keeping as many as they have: "ễ" gives "ê", "ǹ" "n".
func pdfKaleLetter(r rune) (string, bool) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) < 2 || !unicode.IsLetter(d[0]) {
		return "", false
	}
	for k := len(d) - 1; k >= 1; k-- {
		c := []rune(norm.NFC.String(string(d[:k])))
		if len(c) == 1 && pdfGedekt(c[0]) {
			return string(c), true
		}
	}
	return "", false
}

// pdfSchriften are the scripts the fonts lack, with their Dutch names;
// the order only matters for speed. A script not named here is "een
// ander schrift". Latin, Greek and Cyrillic are not here: the fonts have
// most of their letters, and the few they lack become "[teken]".
var pdfSchriften = []struct {
	tabel *unicode.RangeTable
	naam  string
}{
	{unicode.Arabic, "Arabisch schrift"},
	{unicode.Hebrew, "Hebreeuws schrift"},
	{unicode.Ethiopic, "Ethiopisch schrift"}, // Tigrinya, Amhaars
	{unicode.Tifinagh, "Tifinagh-schrift"},   // Tamazight
	{unicode.Han, "Chinees schrift"},
	{unicode.Hiragana, "Japans schrift"},
	{unicode.Katakana, "Japans schrift"},
	{unicode.Hangul, "Koreaans schrift"},
	{unicode.Devanagari, "Devanagari-schrift"},
	{unicode.Bengali, "Bengaals schrift"},
	{unicode.Gurmukhi, "Gurmukhi-schrift"},
	{unicode.Tamil, "Tamil schrift"},
	{unicode.Thai, "Thais schrift"},
	{unicode.Armenian, "Armeens schrift"},
	{unicode.Georgian, "Georgisch schrift"},
	{unicode.Syriac, "Syrisch schrift"},
	{unicode.Thaana, "Thaana-schrift"},
	{unicode.Myanmar, "Birmaans schrift"},
	{unicode.Khmer, "Khmer-schrift"},
}

// pdfSchriftRun returns the Dutch name of the script of the uncovered
// letter at s[i:] and the end of the run of that script from there,
// spaces and punctuation between its words included; m == i if r is no
// letter of a script the fonts lack.
func pdfSchriftRun(s string, i int) (naam string, m int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	if !unicode.IsLetter(r) || unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Common, unicode.Inherited) {
		return "", i
	}
	tabel, naam := pdfSchriftVan(r)
	return naam, pdfRunEinde(s, i+n, func(r rune) bool { return unicode.Is(tabel, r) && !pdfGedekt(r) })
}

// pdfRunEinde returns where a run of runes for which in holds ends,
// from i: marks and invisible characters belong to the run, and so do
// spaces, digits and punctuation followed by more of it.
func pdfRunEinde(s string, i int, in func(rune) bool) int {
	einde := i
	for j := i; j < len(s); {
		r, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case in(r) || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			j += n
			einde = j
		case unicode.IsSpace(r) && r != '\n' || unicode.IsPunct(r) || unicode.IsNumber(r):
			j += n // belongs to the run only if more of it follows
		default:
			return einde
		}
	}
	return einde
}

// pdfSchriftVan returns the script of r and its Dutch name.
func pdfSchriftVan(r rune) (*unicode.RangeTable, string) {
	for _, sc := range pdfSchriften {
		if unicode.Is(sc.tabel, r) {
			return sc.tabel, sc.naam
		}
	}
	for _, tabel := range unicode.Scripts {
		// Every rune is of one script, so the map's order does not matter.
		if unicode.Is(tabel, r) {
			return tabel, "een ander schrift"
		}
	}
	return unicode.Common, "een ander schrift"
}

// pdfEmojiNamen are the Dutch descriptions of the emoji parents write
// most; the others are "[emoji]".
var pdfEmojiNamen = map[rune]string{
	0x1F600: "lach", 0x1F601: "lach", 0x1F603: "lach", 0x1F604: "lach", 0x1F605: "lach", 0x1F606: "lach",
	0x1F602: "lachtranen", 0x1F923: "lachtranen",
	0x1F60A: "glimlach", 0x1F642: "glimlach",
	0x1F607: "engeltje", 0x1F609: "knipoog", 0x1F60C: "opgelucht",
	0x1F60D: "verliefd", 0x1F970: "verliefd", 0x1F618: "kus", 0x1F917: "knuffel", 0x1F914: "nadenken",
	0x1F614: "somber", 0x1F61E: "teleurgesteld", 0x1F61F: "bezorgd", 0x1F615: "twijfel",
	0x1F641: "verdrietig", 0x2639: "verdrietig", 0x1F625: "verdrietig", 0x1F622: "traan", 0x1F62D: "huilen",
	0x1F620: "boos", 0x1F621: "boos", 0x1F624: "boos", 0x1F631: "geschrokken", 0x1F62E: "verbaasd", 0x1F632: "verbaasd",
	0x1F634: "slapen", 0x1F629: "moe", 0x1F62B: "moe", 0x1F97A: "ontroerd",
	0x2764: "hart", 0x1F493: "hart", 0x1F496: "hart", 0x1F497: "hart", 0x1F498: "hart", 0x1F499: "hart",
	0x1F49A: "hart", 0x1F49B: "hart", 0x1F49C: "hart", 0x1F49D: "hart", 0x1F9E1: "hart", 0x1F5A4: "hart",
	0x1F90D: "hart", 0x1F90E: "hart", 0x1F495: "hartjes", 0x1F49E: "hartjes", 0x1F494: "gebroken hart",
	0x1F44D: "duim omhoog", 0x1F44E: "duim omlaag", 0x1F44F: "applaus", 0x1F64F: "handen gevouwen",
	0x1F4AA: "spierballen", 0x1F44B: "zwaaien", 0x1F44C: "oké", 0x1F91D: "handdruk",
	0x1F476: "baby", 0x1F930: "zwanger", 0x1FAC3: "zwanger", 0x1F931: "borstvoeding", 0x1F37C: "zuigfles",
	0x1F46A: "gezin", 0x1F389: "feest", 0x1F38A: "feest", 0x1F388: "ballon", 0x1F381: "cadeau",
	0x1F338: "bloem", 0x1F339: "bloem", 0x1F33B: "bloem", 0x1F337: "bloem", 0x1F490: "bloemen",
	0x2B50: "ster", 0x1F31F: "ster", 0x2728: "sterretjes", 0x2600: "zon", 0x1F31E: "zon", 0x1F308: "regenboog",
	0x2705: "vinkje", 0x2714: "vinkje", 0x2713: "vinkje", 0x274C: "kruis", 0x26A0: "let op",
	0x2757: "uitroepteken", 0x2753: "vraagteken", 0x1F4DE: "telefoon", 0x1F4F1: "telefoon",
	0x1F3E0: "huis", 0x1F3E5: "ziekenhuis", 0x1F4B6: "geld", 0x1F4B0: "geld", 0x1F4B8: "geld",
}
