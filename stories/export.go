package stories

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"kansrijk"
	"kansrijk/bestand"
	"kansrijk/csvuit"
	"kansrijk/store"
)

// The stories exports are internal: counts are exact, and a count from 1
// to 4 has status klein_aantal so that nobody publishes it as is.
const kleinAantal = "klein_aantal"

func status(n int) string {
	if n >= 1 && n <= 4 {
		return kleinAantal
	}
	return ""
}

// writeCSV writes one table through csvuit, so that no text from a log,
// the codebook or a persona runs as a formula in a spreadsheet.
func writeCSV(w io.Writer, kop []string, n int, rij func(i int) []string) error {
	cw := csvuit.NewWriter(w)
	if err := cw.Write(kop); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := cw.Write(rij(i)); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return nil
}

// WriteCodesCSV writes code frequencies.
func WriteCodesCSV(w io.Writer, fs []Frequentie) error {
	return writeCSV(w, []string{"coalitie", "kwartaal", "doelgroep", "persona", "thema", "code", "fragmenten", "status"}, len(fs), func(i int) []string {
		f := fs[i]
		return []string{f.Coalitie, f.Kwartaal.String(), f.Doelgroep, f.Persona, f.Thema, f.Code, strconv.Itoa(f.Fragmenten), status(f.Fragmenten)}
	})
}

// WriteThemasCSV writes theme frequencies.
func WriteThemasCSV(w io.Writer, fs []Frequentie) error {
	return writeCSV(w, []string{"coalitie", "kwartaal", "doelgroep", "persona", "thema", "fragmenten", "status"}, len(fs), func(i int) []string {
		f := fs[i]
		return []string{f.Coalitie, f.Kwartaal.String(), f.Doelgroep, f.Persona, f.Thema, strconv.Itoa(f.Fragmenten), status(f.Fragmenten)}
	})
}

// WriteToonCSV writes tone per theme per kwartaal.
func WriteToonCSV(w io.Writer, ts []Toon) error {
	return writeCSV(w, []string{"coalitie", "thema", "kwartaal", "positief", "negatief", "gemengd", "overig", "fragmenten", "status"}, len(ts), func(i int) []string {
		t := ts[i]
		return []string{t.Coalitie, t.Thema, t.Kwartaal.String(), strconv.Itoa(t.Positief), strconv.Itoa(t.Negatief),
			strconv.Itoa(t.Gemengd), strconv.Itoa(t.Overig), strconv.Itoa(t.Fragmenten()), status(t.Fragmenten())}
	})
}

// WriteSamenCSV writes code co-occurrence.
func WriteSamenCSV(w io.Writer, ps []Paar) error {
	return writeCSV(w, []string{"coalitie", "code_a", "code_b", "fragmenten", "status"}, len(ps), func(i int) []string {
		p := ps[i]
		return []string{p.Coalitie, p.CodeA, p.CodeB, strconv.Itoa(p.Fragmenten), status(p.Fragmenten)}
	})
}

// WriteOnbekendeCodesCSV writes the codes the codebook lacks.
func WriteOnbekendeCodesCSV(w io.Writer, oc []OnbekendeCode) error {
	return writeCSV(w, []string{"bestand", "blad", "rij", "verhaal_id", "coalitie", "code"}, len(oc), func(i int) []string {
		o := oc[i]
		return []string{o.Bestand, o.Blad, strconv.Itoa(o.Rij), o.VerhaalID, o.Coalitie, o.Code}
	})
}

// WritePersonasCSV writes one row per persona; themes as "Thema (n)".
func WritePersonasCSV(w io.Writer, ps []PersonaPagina) error {
	return writeCSV(w, []string{"persona", "voornaam", "coalitie", "doelgroep", "verhalen", "verhaal_ids", "themas", "indicatoren"}, len(ps), func(i int) []string {
		p := ps[i]
		var themas []string
		for _, t := range p.Themas {
			themas = append(themas, fmt.Sprintf("%s (%d)", t.Thema, t.Fragmenten))
		}
		return []string{p.Naam, p.Voornaam, p.Coalitie, p.Doelgroep, strconv.Itoa(p.Verhalen()),
			strings.Join(p.VerhaalIDs, "; "), strings.Join(themas, "; "), strings.Join(p.Indicatoren, "; ")}
	})
}

// WriteKruiscontroleCSV writes one row per source of each REFI-QDA project.
func WriteKruiscontroleCSV(w io.Writer, cs []QDAControle) error {
	type rij struct {
		c QDAControle
		b QDABronControle
	}
	var rs []rij
	for _, c := range cs {
		for _, b := range c.Bronnen {
			rs = append(rs, rij{c, b})
		}
	}
	return writeCSV(w, []string{"bestand", "bron", "verhaal_id", "gekoppeld", "ingetrokken", "logboek", "rij", "alleen_qdpx", "alleen_logboek"}, len(rs), func(i int) []string {
		c, b := rs[i].c, rs[i].b
		r := ""
		if b.Rij > 0 {
			r = strconv.Itoa(b.Rij)
		}
		return []string{c.Bestand, b.Bron, b.VerhaalID, jaNee(b.Gekoppeld), jaNee(b.Ingetrokken), b.Logboek, r,
			strings.Join(b.AlleenQDA, "; "), strings.Join(b.AlleenLog, "; ")}
	})
}

// WriteCitatenCSV writes chosen quotes with the reason for each; the
// texts are redacted already.
func WriteCitatenCSV(w io.Writer, ks []Keuze) error {
	return writeCSV(w, []string{"thema", "verhaal_id", "coalitie", "kwartaal", "werkvorm", "persona", "doelgroep", "toon", "toestemming", "uitgelicht", "reden", "tekst"}, len(ks), func(i int) []string {
		k := ks[i]
		return []string{k.Thema, k.VerhaalID, k.Coalitie, k.Kwartaal.String(), k.Werkvorm, k.Persona, k.Doelgroep, k.Toon,
			string(k.Toestemming), jaNee(k.Uitgelicht), k.Reden, k.Tekst}
	})
}

func jaNee(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}

// Tabel is one stories table for an export: its file name and a writer
// of its CSV.
type Tabel struct {
	Naam  string // verhalen_codes.csv, ...
	Write func(io.Writer) error
}

// Tabellen returns every stories table. The quotes are those a report
// to bestuurders may show (consent rapport or openbaar), redacted.
func Tabellen(ctx context.Context, db *store.DB, cfg *kansrijk.Config) ([]Tabel, error) {
	v, err := Lees(ctx, db)
	if err != nil {
		return nil, err
	}
	if v.Codeboek.Leeg() {
		return nil, ErrGeenCodeboek
	}
	codes, _ := v.CodeFrequenties()
	themas, _ := v.ThemaFrequenties()
	tonen, _ := v.Tonen()
	samen, _ := v.SamenVoorkomen()
	onbekend, _ := v.OnbekendeCodes()
	citaten, _ := v.Kies(cfg, ThemaSelectie{})
	controle, err := v.Kruiscontrole(ctx, db)
	if err != nil {
		return nil, err
	}
	coderingen, err := v.Coderingen(ctx, db, cfg)
	if err != nil {
		return nil, err
	}
	return []Tabel{
		{"verhalen_codes.csv", func(w io.Writer) error { return WriteCodesCSV(w, codes) }},
		{"verhalen_themas.csv", func(w io.Writer) error { return WriteThemasCSV(w, themas) }},
		{"verhalen_toon.csv", func(w io.Writer) error { return WriteToonCSV(w, tonen) }},
		{"verhalen_samen.csv", func(w io.Writer) error { return WriteSamenCSV(w, samen) }},
		{"verhalen_onbekende_codes.csv", func(w io.Writer) error { return WriteOnbekendeCodesCSV(w, onbekend) }},
		{"verhalen_personas.csv", func(w io.Writer) error { return WritePersonasCSV(w, v.PersonaPaginas()) }},
		{"verhalen_citaten.csv", func(w io.Writer) error { return WriteCitatenCSV(w, citaten) }},
		{"verhalen_qdpx_controle.csv", func(w io.Writer) error { return WriteKruiscontroleCSV(w, controle) }},
		{"verhalen_qdpx_coderingen.csv", func(w io.Writer) error { return WriteCoderingenCSV(w, coderingen) }},
	}, nil
}

// Exporteer writes every stories table as CSV into dir, for kansrijk
// export, and returns the files written. Each file is written whole
// (bestand.Schrijf): a killed export leaves no half table.
func Exporteer(ctx context.Context, db *store.DB, cfg *kansrijk.Config, dir string) ([]string, error) {
	tabellen, err := Tabellen(ctx, db, cfg)
	if err != nil {
		return nil, err
	}
	if err := bestand.MaakMap(dir); err != nil {
		return nil, err
	}
	bestand.RuimOp(dir, func(naam string) bool {
		return slices.ContainsFunc(tabellen, func(t Tabel) bool { return t.Naam == naam })
	})
	var paden []string
	for _, t := range tabellen {
		p := filepath.Join(dir, t.Naam)
		if err := bestand.Schrijf(p, t.Write); err != nil {
			return paden, err
		}
		paden = append(paden, p)
	}
	return paden, nil
}
