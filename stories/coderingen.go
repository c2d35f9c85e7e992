package stories

import (
	"context"
	"io"
	"strconv"

	"kansrijk"
	"kansrijk/refiqda"
	"kansrijk/store"
)

// CoderingRij is one coding of a REFI-QDA project, for the table of
// every coding in kansrijk export --verhalen.
type CoderingRij struct {
	Bestand, Bron, VerhaalID, Coalitie, Code string
	Begin, Eind                              int // as the project writes them
	Conventie                                string
	// Toestemming is that of the story as it counts (the log's when a
	// log has it); "" when the source is no counted story.
	Toestemming Toestemming
	// Tekst is the selected text, redacted as a quote, only when the
	// story may be quoted (rapport or openbaar); Waarom says why not.
	Tekst, Waarom string
}

// Coderingen lists every coding of the active REFI-QDA projects. The
// selected text is shown as a quote would be: only with consent rapport
// or openbaar, redacted; never of an intern or withdrawn story.
func (v *Verhalen) Coderingen(ctx context.Context, db *store.DB, cfg *kansrijk.Config) ([]CoderingRij, error) {
	rs, err := db.QDACoderingen(ctx)
	if err != nil {
		return nil, err
	}
	telt := map[string]Fragment{}
	for _, f := range v.Fragmenten {
		if _, ok := telt[idSleutel(f)]; !ok {
			telt[idSleutel(f)] = f
		}
	}
	red := v.redactor(cfg)
	out := make([]CoderingRij, 0, len(rs))
	for _, r := range rs {
		c := CoderingRij{Bestand: r.Bestand, Bron: r.Bron, VerhaalID: r.VerhaalID, Coalitie: r.Coalitie, Code: r.Code,
			Begin: r.Begin, Eind: r.Eind, Conventie: r.Conventie}
		if conv, ok := refiqda.ParseConventie(r.Conventie); ok {
			c.Conventie = conv.Code()
		}
		f, geteld := telt[idSleutel(Fragment{Coalitie: r.Coalitie, VerhaalID: r.VerhaalID})]
		switch {
		case !geteld:
			c.Waarom = "geen geteld verhaal"
		case r.Tekst == "":
			c.Toestemming, c.Waarom = f.Toestemming, "geen tekst"
		case f.Toestemming != Rapport && f.Toestemming != Openbaar:
			c.Toestemming, c.Waarom = f.Toestemming, "intern: telt mee, niet geciteerd"
		default:
			c.Toestemming, c.Tekst = f.Toestemming, red.redact(r.Tekst)
		}
		out = append(out, c)
	}
	return out, nil
}

// WriteCoderingenCSV writes one row per coding of a REFI-QDA project.
func WriteCoderingenCSV(w io.Writer, rs []CoderingRij) error {
	return writeCSV(w, []string{"bestand", "bron", "verhaal_id", "coalitie", "code", "begin", "eind", "conventie", "toestemming", "tekst", "tekst_niet_getoond"}, len(rs), func(i int) []string {
		r := rs[i]
		return []string{r.Bestand, r.Bron, r.VerhaalID, r.Coalitie, r.Code, strconv.Itoa(r.Begin), strconv.Itoa(r.Eind), r.Conventie,
			string(r.Toestemming), r.Tekst, r.Waarom}
	})
}
