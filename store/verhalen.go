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

// appendQDA stores a levering's REFI-QDA sources and codings, and then
// blanks every text whose Verhaal-ID a log has withdrawn. It runs for
// every levering, inside its transaction, so that a withdrawal wins
// whichever file is imported first: a .qdpx after the log keeps no text
// of withdrawn stories, and a log that withdraws a story removes its
// text from projects and from older versions of the log imported before.
func appendQDA(c driver.Conn, l *Levering, in *Inhoud) error {
	err := appendRows(c, "qda_bron", len(in.QDABronnen), func(i int) []driver.Value {
		b := in.QDABronnen[i]
		return []driver.Value{l.ID, b.GUID, b.Naam, b.VerhaalID, nullInt(b.Tekens), int32(b.Selecties)}
	})
	if err != nil {
		return err
	}
	err = appendRows(c, "qda_codering", len(in.Coderingen), func(i int) []driver.Value {
		k := in.Coderingen[i]
		return []driver.Value{l.ID, k.Bron, k.VerhaalID, k.Selectie, k.Code, int32(k.Begin), int32(k.Eind), k.Tekst, k.Codeur}
	})
	if err != nil {
		return err
	}
	if len(in.Coderingen) == 0 && len(in.Verhalen) == 0 {
		return nil
	}
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
