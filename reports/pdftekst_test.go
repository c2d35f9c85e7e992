package reports

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sync"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// pdfDrukbaarGevallen are texts with what the PDF draws of them, worked
// out by hand from the fonts' cmap (WGL4: no emoji, no combining marks,
// no Arabic, Hebrew or Han; ê and ☺ are there). A description's spaces
// do not break (U+00A0, nb).
var pdfDrukbaarGevallen = []struct{ in, want string }{
	{"gewoon Nederlands: één, ‘zo’ — €40 • ×", "gewoon Nederlands: één, ‘zo’ — €40 • ×"},
	{"Ze was zo lief 😊 echt", "Ze was zo lief [glimlach] echt"},
	{"haha😂😂😂 ja", "haha[3×" + nb + "lachtranen] ja"},
	{"😂 😂", "[lachtranen] [lachtranen]"},
	{"top 👍🏽 zo", "top [duim" + nb + "omhoog] zo"},
	{"👨‍👩‍👧", "[emoji]"},
	{"🏃‍♀️ weg", "[emoji] weg"},
	{"ik ❤️ jullie ☺️ blij", "ik [hart] jullie ☺ blij"},
	{"🇸🇾🇳🇱", "[vlag" + nb + "SY][vlag" + nb + "NL]"},
	{"🇳 los", "[emoji] los"},
	{"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", "[emoji]"},
	{"1️⃣ eerst", "1 eerst"},
	{"🦄", "[emoji]"},
	{"✓ klaar", "[vinkje] klaar"},
	{"Cafe\u0301", "Café"},
	{"Nguyê\u0303n", "Nguyên"},
	{"n\u0308", "n"},
	{"ə", "[teken]"},
	{"مرحبا بكم، يا.", "[tekst" + nb + "in" + nb + "Arabisch" + nb + "schrift]."},
	{"En: שָׁלוֹם!", "En: [tekst" + nb + "in" + nb + "Hebreeuws" + nb + "schrift]!"},
	{"ሰላም 😊", "[tekst" + nb + "in" + nb + "Ethiopisch" + nb + "schrift] [glimlach]"},
	{"宝宝 slaapt", "[tekst" + nb + "in" + nb + "Chinees" + nb + "schrift] slaapt"},
	{"naam\u202Egpj.exe\u202C klaar", "naamgpj.exe klaar"},
	{"bel\x07len\x1b[31m rood\x00", "bellen[31m rood"},
	{"a\tb\r\nc\rd\u2028e", "a b\nc\nd\ne"},
	{"smal\u202fspatie\u2009dun", "smal\u00a0spatie dun"},
	{"zero\u200bwidth\ufeff\u00ad", "zerowidth"},
	{"caf\xe9 au \xff\xfelait", "caf[teken] au [teken]lait"},
	{"\xf0\x9f\x98", "[teken]"}, // an emoji cut off
	{"som \U0001D538 \ue000 \uffff", "som [teken] [teken] [teken]"},
	{"", ""},
}

const nb = "\u00a0"

// TestPDFDrukbaar: pdfDrukbaar gives what pdfDrukbaarGevallen want, and
// the same again on its own output.
func TestPDFDrukbaar(t *testing.T) {
	for _, tt := range pdfDrukbaarGevallen {
		got := pdfDrukbaar(tt.in)
		if got != tt.want {
			t.Errorf("pdfDrukbaar(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := pdfDrukbaar(got); again != got {
			t.Errorf("pdfDrukbaar is not idempotent on %q: %q", got, again)
		}
	}
	// fpdf draws every case, and writes the document, without a panic
	// or an error.
	p := newPDFPen()
	p.AddPage()
	p.SetFont(pdfFont, "", 10)
	for _, tt := range pdfDrukbaarGevallen {
		p.MultiCell(80, 5, tt.in, "", "L", false)
		p.CellFormat(80, 5, tt.in, "", 1, "L", false, 0, "")
		p.Bookmark(tt.in, 0, -1)
		p.SetTitle(tt.in, true)
	}
	if _, err := zonderPaniek(func(b *bytes.Buffer) error { return p.Output(b) }); err != nil {
		t.Fatal(err)
	}
	if got := pdfDrukbareRegel("een\nregel"); got != "een regel" {
		t.Errorf("pdfDrukbareRegel = %q", got)
	}
}

// fuzzPen is one document for all of FuzzPDFDrukbaar's inputs: a new
// one parses three fonts (milliseconds).
var fuzzPen = sync.OnceValue(func() *pdfPen {
	p := newPDFPen()
	p.AddPage()
	p.SetFont(pdfFont, "", 10)
	return p
})

// FuzzPDFDrukbaar: whatever the text, pdfDrukbaar gives valid UTF-8 the
// fonts cover, the same again when given its own output, and fpdf
// measures and breaks it without a panic or an error.
func FuzzPDFDrukbaar(f *testing.F) {
	for _, s := range []string{"Ze was zo lief 😊", "🇳🇱🇳", "👨‍👩‍👧‍", "e\u0301\u0302", "مرحبا", "\xff\xf0\x9f", "\r\n\t\x00\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := pdfDrukbaar(s)
		if !utf8.ValidString(got) || !pdfAlGedekt(got) {
			t.Fatalf("pdfDrukbaar(%q) = %q: not all drawable", s, got)
		}
		if pdfDrukbaar(got) != got {
			t.Fatalf("pdfDrukbaar(%q) = %q is not stable", s, got)
		}
		p := fuzzPen()
		p.GetStringWidth(s)
		p.SplitText(s, 30)
		if err := p.Error(); err != nil {
			t.Fatalf("fpdf on %q: %v", s, err)
		}
	})
}

// pdfGeenTekst are fpdf's methods with a string or []byte parameter
// that is no text for the reader: names of fonts, styles, images,
// links, files and the like.
var pdfGeenTekst = map[string]bool{
	"SetErrorf": true, "SetPageBoxRec": true, "SetPageBox": true, "SetFontLocation": true, "SetDisplayMode": true,
	"SetLang": true, "AliasNbPages": true, "AddPageFormat": true, "SetLineCapStyle": true, "SetLineJoinStyle": true,
	"Rect": true, "RoundedRect": true, "RoundedRectExt": true, "Circle": true, "Ellipse": true, "Polygon": true,
	"Beziergon": true, "Curve": true, "CurveCubic": true, "CurveBezierCubic": true, "Arc": true, "SetAlpha": true,
	"AddFont": true, "AddUTF8Font": true, "AddFontFromBytes": true, "AddUTF8FontFromBytes": true,
	"AddFontFromReader": true, "GetFontDesc": true, "SetFont": true, "SetFontStyle": true, "LinkString": true,
	"ImageTypeFromMime": true, "Image": true, "ImageOptions": true, "RegisterImageReader": true,
	"RegisterImageOptionsReader": true, "RegisterImage": true, "RegisterImageOptions": true, "GetImageInfo": true,
	"UseImportedTemplate": true, "ImportTemplates": true, "SetProtection": true, "OutputFileAndClose": true,
	"GetPageSizeStr": true, "RawWriteStr": true, "SetJavascript": true, "DrawPath": true, "AddSpotColor": true,
	"SetDrawSpotColor": true, "SetFillSpotColor": true, "SetTextSpotColor": true, "SVGBasicDraw": true,
	"UnicodeTranslatorFromDescriptor": true, "ImportObjects": true, "ImportObjPos": true,
	"SetAttachments": true, "AddAttachmentAnnotation": true, "SetXmpMetadata": true, "SetCompression": true,
}

// TestPDFPenDektTekstmethoden: every fpdf method that takes text is
// redefined on pdfPen, so no text reaches fpdf past pdfDrukbaar; a new
// fpdf version with a new text method fails here until it is added.
func TestPDFPenDektTekstmethoden(t *testing.T) {
	bestand, err := parser.ParseFile(token.NewFileSet(), "pdftekst.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	eigen := map[string]bool{}
	for _, d := range bestand.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
			if ster, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok && ster.X.(*ast.Ident).Name == "pdfPen" {
				eigen[fd.Name.Name] = true
			}
		}
	}
	tekstType := func(t reflect.Type) bool {
		return t.Kind() == reflect.String || t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
	}
	ft := reflect.TypeOf(&fpdf.Fpdf{})
	for i := range ft.NumMethod() {
		m := ft.Method(i)
		neemt := false
		for j := 1; j < m.Type.NumIn(); j++ {
			neemt = neemt || tekstType(m.Type.In(j))
		}
		if neemt && !pdfGeenTekst[m.Name] && !eigen[m.Name] {
			t.Errorf("fpdf.%s neemt tekst maar pdfPen heeft hem niet: tekst kan zo om pdfDrukbaar heen", m.Name)
		}
	}
	for naam := range eigen {
		if _, ok := ft.MethodByName(naam); ok && pdfGeenTekst[naam] {
			t.Errorf("pdfPen.%s staat ook in pdfGeenTekst", naam)
		}
	}
}
