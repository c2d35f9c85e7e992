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
	VerhaalID string // the Verhaal-ID in the name; "" when there is none
	Tekens    *int   // length in code points; nil when the text is missing
	Selecties int    // coded text selections
}

// Codering is one code applied to a text selection of a REFI-QDA source.
type Codering struct {
	Bron      string // source name
	VerhaalID string
	Selectie  string // guid of the selection
	Code      string // "Thema > Code", from the nested code names
	Begin     int    // code points, as in the project
	Eind      int
	Tekst     string // "" when unknown or withdrawn
	Codeur    string
}

// appendQDA appends a levering's REFI-QDA sources and codings.
func appendQDA(ap *appenders, l *Levering, in *Inhoud) error {
	for _, b := range in.QDABronnen {
		if err := ap.rij("qda_bron", l.ID, b.GUID, b.Naam, b.VerhaalID, nullInt(b.Tekens), int32(b.Selecties)); err != nil {
			return err
		}
	}
	for _, k := range in.Coderingen {
		if err := ap.rij("qda_codering", l.ID, k.Bron, k.VerhaalID, k.Selectie, k.Code, int32(k.Begin), int32(k.Eind), k.Tekst, k.Codeur); err != nil {
			return err
		}
	}
	return nil
}

// wisIngetrokkenTeksten blanks every text whose Verhaal-ID a log has
// withdrawn. It runs inside the transaction of every levering with
// stories or codings, after their rows are flushed, so that a withdrawal
// wins whichever file is imported first: a .qdpx after the log keeps no
// text of withdrawn stories, and a log that withdraws a story removes its
// text from projects and from older versions of the log imported before.
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
// still stored. IDs compare case-insensitively; the row stays, so the
// levering keeps its row count and its history.
var wisIngetrokken = []string{
	`UPDATE qda_codering SET tekst = ''
	 WHERE tekst <> '' AND lower(trim(verhaal_id)) IN
	   (SELECT lower(trim(verhaal_id)) FROM verhaal WHERE toestemming = 'ingetrokken')`,
	`UPDATE verhaal AS v SET fragment = ''
	 WHERE v.fragment <> '' AND EXISTS (SELECT 1 FROM verhaal w WHERE w.toestemming = 'ingetrokken'
	   AND w.coalitie = v.coalitie AND lower(trim(w.verhaal_id)) = lower(trim(v.verhaal_id)))`,
}
