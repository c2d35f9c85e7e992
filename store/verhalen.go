package store

import (
	"context"
	"database/sql/driver"
	"errors"
)

// QDABron is one source of a REFI-QDA project (.qdpx).
type QDABron struct {
	GUID      string
	Naam      string
	VerhaalID string // the Verhaal-ID in the name or a variable; "" when there is none
	Tekens    *int   // length in code points; nil when the text is missing
	Selecties int    // coded text selections
	// Coalitie is the coalitie the source's story belongs to; "" when
	// the project does not say (stored in qda_bron_coalitie).
	Coalitie string
}

// Codering is one code applied to a text selection of a REFI-QDA source.
type Codering struct {
	Bron      string // source name
	VerhaalID string
	Selectie  string // guid of the selection
	Code      string // "Thema > Code", from the nested code names
	Begin     int    // as the project writes them, in its convention (QDAProject)
	Eind      int
	Tekst     string // "" when unknown, not trusted or withdrawn
	Codeur    string
}

// QDAProject is what kansrijk found out about a REFI-QDA project as a
// whole: who wrote it and how its positions count.
type QDAProject struct {
	Naam        string
	Origin      string
	Conventie   string // refiqda.Conventie.Code()
	Past        bool   // a convention fits the selections
	Toelichting string // Dutch: how the convention was found
}

// appendQDA appends a levering's REFI-QDA sources and codings.
func appendQDA(ap *appenders, l *Levering, in *Inhoud) error {
	for _, b := range in.QDABronnen {
		if err := ap.rij("qda_bron", l.ID, b.GUID, b.Naam, b.VerhaalID, nullInt(b.Tekens), int32(b.Selecties)); err != nil {
			return err
		}
		if err := ap.rij("qda_bron_coalitie", l.ID, b.Naam, b.Coalitie); err != nil {
			return err
		}
	}
	for _, k := range in.Coderingen {
		if err := ap.rij("qda_codering", l.ID, k.Bron, k.VerhaalID, k.Selectie, k.Code, int32(k.Begin), int32(k.Eind), k.Tekst, k.Codeur); err != nil {
			return err
		}
	}
	for _, p := range in.QDAProject {
		if err := ap.rij("qda_project", l.ID, p.Naam, p.Origin, p.Conventie, p.Past, p.Toelichting); err != nil {
			return err
		}
	}
	return nil
}

// wisIngetrokkenTeksten blanks every text whose Verhaal-ID a log or a
// project has withdrawn. It runs inside the transaction of every
// levering with stories or codings, after their rows are flushed, so
// that a withdrawal wins whichever file is imported first: a .qdpx after
// the log keeps no text of withdrawn stories, and a log that withdraws a
// story removes its text from projects and from older versions of the
// log imported before.
func wisIngetrokkenTeksten(c driver.Conn) error {
	ex, ok := c.(driver.ExecerContext)
	if !ok {
		return errors.New("onverwachte databaseverbinding")
	}
	for _, q := range wisIngetrokken {
		if _, err := ex.ExecContext(context.Background(), q, nil); err != nil {
			return err
		}
	}
	return nil
}

// wisIngetrokken blanks the text of withdrawn stories wherever it is
// still stored. IDs compare case-insensitively, within the coalitie: a
// coding of a source whose coalitie is unknown loses its text when any
// coalitie withdrew that ID. The row stays, so the levering keeps its
// row count and its history.
var wisIngetrokken = []string{
	`UPDATE qda_codering AS c SET tekst = ''
	 WHERE c.tekst <> '' AND EXISTS (SELECT 1 FROM verhaal w WHERE w.toestemming = 'ingetrokken'
	   AND lower(trim(w.verhaal_id)) = lower(trim(c.verhaal_id))
	   AND w.coalitie = coalesce((SELECT max(k.coalitie) FROM qda_bron_coalitie k
	       WHERE k.levering = c.levering AND k.bron = c.bron AND k.coalitie <> ''), w.coalitie))`,
	`UPDATE verhaal AS v SET fragment = ''
	 WHERE v.fragment <> '' AND EXISTS (SELECT 1 FROM verhaal w WHERE w.toestemming = 'ingetrokken'
	   AND w.coalitie = v.coalitie AND lower(trim(w.verhaal_id)) = lower(trim(v.verhaal_id)))`,
}

// QDABronRij is a source of an active REFI-QDA levering.
type QDABronRij struct {
	Levering  int64
	Bestand   string
	Naam      string
	VerhaalID string
	Coalitie  string // "" when the project does not say
}

// QDABronnen returns the sources of the active REFI-QDA leveringen, in
// levering and project order.
func (d *DB) QDABronnen(ctx context.Context) ([]QDABronRij, error) {
	rows, err := d.sql.QueryContext(ctx, `
		SELECT b.levering, l.bestand, b.naam, b.verhaal_id,
		       coalesce((SELECT max(k.coalitie) FROM qda_bron_coalitie k WHERE k.levering = b.levering AND k.bron = b.naam), '')
		FROM qda_bron b JOIN actieve_levering l ON b.levering = l.id
		ORDER BY b.levering, b.rowid`)
	if err != nil {
		return nil, d.fout("bronnen van projecten lezen", err)
	}
	defer rows.Close()
	var out []QDABronRij
	for rows.Next() {
		var r QDABronRij
		if err := rows.Scan(&r.Levering, &r.Bestand, &r.Naam, &r.VerhaalID, &r.Coalitie); err != nil {
			return nil, d.fout("bronnen van projecten lezen", err)
		}
		out = append(out, r)
	}
	return out, d.fout("bronnen van projecten lezen", rows.Err())
}

// QDACoderingRij is a coding of an active REFI-QDA levering, with the
// convention its positions count in.
type QDACoderingRij struct {
	Levering int64
	Bestand  string
	Coalitie string // of the source; "" when the project does not say
	Codering
	Conventie string // "" for a levering imported before conventions were detected
}

// QDACoderingen returns every coding of the active REFI-QDA leveringen,
// in levering and project order.
func (d *DB) QDACoderingen(ctx context.Context) ([]QDACoderingRij, error) {
	rows, err := d.sql.QueryContext(ctx, `
		SELECT c.levering, l.bestand,
		       coalesce((SELECT max(k.coalitie) FROM qda_bron_coalitie k WHERE k.levering = c.levering AND k.bron = c.bron), ''),
		       c.bron, c.verhaal_id, c.selectie, c.code, c.begin_pos, c.eind_pos, c.tekst, c.codeur,
		       coalesce((SELECT max(p.conventie) FROM qda_project p WHERE p.levering = c.levering), '')
		FROM qda_codering c JOIN actieve_levering l ON c.levering = l.id
		ORDER BY c.levering, c.rowid`)
	if err != nil {
		return nil, d.fout("coderingen lezen", err)
	}
	defer rows.Close()
	var out []QDACoderingRij
	for rows.Next() {
		var r QDACoderingRij
		if err := rows.Scan(&r.Levering, &r.Bestand, &r.Coalitie, &r.Bron, &r.VerhaalID, &r.Selectie, &r.Code,
			&r.Begin, &r.Eind, &r.Tekst, &r.Codeur, &r.Conventie); err != nil {
			return nil, d.fout("coderingen lezen", err)
		}
		out = append(out, r)
	}
	return out, d.fout("coderingen lezen", rows.Err())
}
