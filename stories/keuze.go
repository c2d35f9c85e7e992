package stories

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"kansrijk"
	"kansrijk/store"
)

// ThemaSelectie says which quotes a report shows per theme.
type ThemaSelectie struct {
	Coalitie string            // "" for every coalitie
	Van, Tot kansrijk.Kwartaal // inclusive; a zero kwartaal leaves that side open
	PerThema int               // at most this many quotes per theme; 0 means 3
	// Openbaar limits quotes to consent openbaar, for public outputs.
	Openbaar bool
}

// Keuze is a quote chosen for a theme, with the reason it was chosen.
type Keuze struct {
	Citaat
	Thema      string
	Uitgelicht bool
	Reden      string // Dutch, for the report's verantwoording
}

// CitatenPerThema selects quotes per theme of the codebook; see Kies.
func CitatenPerThema(ctx context.Context, db *store.DB, cfg *kansrijk.Config, s ThemaSelectie) ([]Keuze, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	return v.Kies(cfg, s)
}

// Kies selects quotes per theme, in codebook order, deterministically
// and explainably. Only fragments with consent rapport or openbaar
// (openbaar alone for public outputs) and a text are candidates. Within
// a theme, a highlighted (uitgelicht) fragment goes first; after that
// the fragment that adds the most not yet shown among persona, werkvorm
// and tone; ties go to the newest, then the lowest Verhaal-ID. No
// fragment is quoted twice in one report, nor one whose text is nearly
// that of a quote already chosen (logs hold the same story twice, with
// a sentence added). Every quote is redacted.
func (v *Verhalen) Kies(cfg *kansrijk.Config, s ThemaSelectie) ([]Keuze, error) {
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	per := s.PerThema
	if per <= 0 {
		per = 3
	}
	var kandidaten []Fragment
	for _, f := range v.Fragmenten {
		if !citeerbaar(f, s.Openbaar) || (s.Coalitie != "" && !strings.EqualFold(f.Coalitie, s.Coalitie)) ||
			(!s.Van.IsZero() && f.Kwartaal.Index() < s.Van.Index()) || (!s.Tot.IsZero() && f.Kwartaal.Index() > s.Tot.Index()) {
			continue
		}
		kandidaten = append(kandidaten, f)
	}
	sort.SliceStable(kandidaten, func(i, j int) bool { return eerder(kandidaten[i], kandidaten[j]) })
	tekstWoorden := make(map[string]woorden, len(kandidaten))
	for _, f := range kandidaten {
		tekstWoorden[idSleutel(f)] = woordenVan(f.Tekst)
	}

	red := v.redactor(cfg)
	var out []Keuze
	var gekozen []woorden // every quote of the report so far
	gebruikt := map[string]bool{}
	for _, thema := range v.Codeboek.Themas() {
		var pool []Fragment
		for _, f := range kandidaten {
			if heeftThema(f, thema) {
				pool = append(pool, f)
			}
		}
		personas, werkvormen, tonen := map[string]bool{}, map[string]bool{}, map[string]bool{}
		for n := 0; n < per; n++ {
			best, bestNieuw := -1, [4]int{}
			for i, f := range pool {
				if gebruikt[idSleutel(f)] || lijktOp(tekstWoorden[idSleutel(f)], gekozen) {
					continue
				}
				nieuw := [4]int{}
				if f.Persona != "" && !personas[strings.ToLower(f.Persona)] {
					nieuw[1] = 1
				}
				if f.Werkvorm != "" && !werkvormen[strings.ToLower(f.Werkvorm)] {
					nieuw[2] = 1
				}
				if f.Toon != "" && !tonen[f.Toon] {
					nieuw[3] = 1
				}
				nieuw[0] = nieuw[1] + nieuw[2] + nieuw[3]
				// pool is in base order, so the first best stays on a tie.
				if best < 0 || beter(f, nieuw, pool[best], bestNieuw) {
					best, bestNieuw = i, nieuw
				}
			}
			if best < 0 {
				break
			}
			f := pool[best]
			gebruikt[idSleutel(f)] = true
			gekozen = append(gekozen, tekstWoorden[idSleutel(f)])
			out = append(out, Keuze{
				Citaat:     citaat(f, red),
				Thema:      thema,
				Uitgelicht: f.Uitgelicht,
				Reden:      reden(f, n == 0, bestNieuw),
			})
			personas[strings.ToLower(f.Persona)] = true
			werkvormen[strings.ToLower(f.Werkvorm)] = true
			tonen[f.Toon] = true
		}
	}
	return out, nil
}

// beter compares two candidates of one theme: highlighted first, then
// the most new among persona, werkvorm and tone (persona before
// werkvorm before tone on a tie). The base order decides the rest.
func beter(a Fragment, na [4]int, b Fragment, nb [4]int) bool {
	if a.Uitgelicht != b.Uitgelicht {
		return a.Uitgelicht
	}
	for i := range na {
		if na[i] != nb[i] {
			return na[i] > nb[i]
		}
	}
	return false
}

// eerder is the base order of quotes: highlighted, newest, Verhaal-ID.
func eerder(a, b Fragment) bool {
	if a.Uitgelicht != b.Uitgelicht {
		return a.Uitgelicht
	}
	if !a.Datum.Equal(b.Datum) {
		return a.Datum.After(b.Datum)
	}
	if a.VerhaalID != b.VerhaalID {
		return a.VerhaalID < b.VerhaalID
	}
	return a.Coalitie < b.Coalitie
}

func reden(f Fragment, eerste bool, nieuw [4]int) string {
	var delen []string
	if f.Uitgelicht {
		delen = append(delen, "uitgelicht door de coalitie")
	}
	switch {
	case eerste && !f.Uitgelicht:
		delen = append(delen, "nieuwste citaat bij dit thema")
	case !eerste:
		var extra []string
		if nieuw[1] == 1 {
			extra = append(extra, "persona "+f.Persona)
		}
		if nieuw[2] == 1 {
			extra = append(extra, "werkvorm "+f.Werkvorm)
		}
		if nieuw[3] == 1 {
			extra = append(extra, "toon "+f.Toon)
		}
		if len(extra) > 0 {
			delen = append(delen, "voegt toe: "+strings.Join(extra, ", "))
		} else if !f.Uitgelicht {
			delen = append(delen, "nieuwste overgebleven citaat")
		}
	}
	return strings.Join(delen, "; ")
}

func citeerbaar(f Fragment, alleenOpenbaar bool) bool {
	if strings.TrimSpace(f.Tekst) == "" {
		return false
	}
	if alleenOpenbaar {
		return f.Toestemming == Openbaar
	}
	return f.Toestemming == Rapport || f.Toestemming == Openbaar
}

func heeftThema(f Fragment, thema string) bool {
	for _, c := range f.Codes {
		if c.Thema == thema {
			return true
		}
	}
	return false
}

func idSleutel(f Fragment) string {
	return strings.ToLower(f.Coalitie + "\x00" + strings.TrimSpace(f.VerhaalID))
}

// citaat makes the redacted quote of a fragment.
func citaat(f Fragment, red *redactie) Citaat {
	c := Citaat{VerhaalID: f.VerhaalID, Coalitie: f.Coalitie, Kwartaal: f.Kwartaal, Werkvorm: f.Werkvorm,
		Persona: f.Persona, Doelgroep: f.Doelgroep, Toestemming: f.Toestemming, Toon: f.Toon,
		Codes: append([]string{}, f.Ruw...)}
	if len(f.Codes) > 0 {
		c.Codes = c.Codes[:0]
		for _, k := range f.Codes {
			c.Codes = append(c.Codes, k.Pad)
		}
	}
	c.Tekst = red.redact(f.Tekst)
	return c
}

// redactie is a Redactor for every name the stories know: the persona's
// first names and whoever entered a story.
type redactie struct {
	Redactor
	delen namenlijst // names and their parts, longest first
}

func (v *Verhalen) redactor(cfg *kansrijk.Config) *redactie {
	set := map[string]bool{}
	var namen []string
	add := func(n string) {
		if n = strings.TrimSpace(n); n != "" && !set[n] {
			set[n] = true
			namen = append(namen, n)
		}
	}
	for _, p := range v.Personas {
		add(p.Voornaam)
	}
	for _, f := range v.Fragmenten {
		add(f.Persona)
		add(f.IngevoerdDoor)
	}
	sort.Strings(namen)
	// The names are replaced here, by vervangNaam; the Redactor is left
	// the rest (it would search for the same names again).
	r := &redactie{Redactor: Redactor{Toegestaan: plaatsen(cfg)}}
	seen := map[string]bool{}
	var delen []string
	for _, n := range namen {
		for _, part := range append([]string{n}, strings.Fields(n)...) {
			if len([]rune(part)) >= 3 && !tussenvoegsels[part] && !seen[part] {
				seen[part] = true
				delen = append(delen, part)
			}
		}
	}
	sort.SliceStable(delen, func(i, j int) bool { return len(delen[i]) > len(delen[j]) })
	r.delen = nieuweNamenlijst(delen)
	return r
}

// redact replaces the known names where no letter or digit touches them
// (also two in a row, which one pattern match per name would miss), then
// lets the Redactor remove the other personal data.
func (r *redactie) redact(s string) string {
	for _, i := range r.delen.in(s) {
		s = vervangNaam(s, r.delen.namen[i])
	}
	return r.Redactor.Redact(s)
}

// vervangNaam replaces naam in s where no letter or digit touches it.
func vervangNaam(s, naam string) string {
	var b strings.Builder
	klaar := 0 // s[:klaar] is in b
	for van := 0; ; {
		i := strings.Index(s[van:], naam)
		if i < 0 {
			break
		}
		i += van
		van = i + len(naam)
		voor, _ := utf8.DecodeLastRuneInString(s[:i])
		na, _ := utf8.DecodeRuneInString(s[van:])
		if i > 0 && woordteken(voor) || van < len(s) && woordteken(na) {
			continue
		}
		b.WriteString(s[klaar:i])
		b.WriteString("[naam]")
		klaar = van
	}
	b.WriteString(s[klaar:])
	return b.String()
}

func woordteken(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// woorden is the set of words of a text, to spot the same story told
// twice.
type woorden map[string]bool

func woordenVan(s string) woorden {
	w := woorden{}
	for _, x := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w[x] = true
	}
	return w
}

// lijktOp reports whether a text is nearly one already chosen: at least
// 80% of the words of the shorter of the two are in the other.
func lijktOp(w woorden, gekozen []woorden) bool {
	for _, g := range gekozen {
		klein, groot := w, g
		if len(g) < len(w) {
			klein, groot = g, w
		}
		if len(klein) == 0 {
			continue
		}
		n := 0
		for x := range klein {
			if groot[x] {
				n++
			}
		}
		if n*5 >= len(klein)*4 {
			return true
		}
	}
	return false
}

// String describes a choice in one line, for logs and tests.
func (k Keuze) String() string {
	return fmt.Sprintf("%s | %s | %s", k.Thema, k.VerhaalID, k.Reden)
}
