package store

import (
	"context"
	"database/sql"
	"time"
)

// EerdereRij is a record row of an active levering, for comparing a new
// levering of the same partner with: a dossier or cliëntnummer that also
// appears in another of its leveringen with other data is reported to
// the partner (see ingest).
type EerdereRij struct {
	Levering int64
	Bestand  string
	Periode  string
	Versie   int
	// One of them is set, by the levering's bron.
	Verloskunde *Verloskunde
	Wijkteam    *Wijkteam
}

// EerdereRijen returns the verloskunde and wijkteam rows of partner's
// active leveringen, in levering and row order.
func (d *DB) EerdereRijen(ctx context.Context, partner string) ([]EerdereRij, error) {
	var out []EerdereRij
	rows, err := d.sql.QueryContext(ctx, `
		SELECT l.id, l.bestand, l.periode, l.versie, v.blad, v.rij, v.client, coalesce(v.gemeente, ''),
		       v.eerste_controle, v.amenorroe, v.bevalling, v.duur, v.gewicht, coalesce(v.roken, ''), v.kwetsbaar, v.verwezen
		FROM verloskunde v JOIN actieve_levering l ON v.levering = l.id
		WHERE l.partner = ? ORDER BY l.id, v.rij`, partner)
	if err != nil {
		return nil, d.fout("eerdere leveringen lezen", err)
	}
	for rows.Next() {
		var e EerdereRij
		var v Verloskunde
		var eerste, bevalling sql.NullTime
		var amenorroe, duur, gewicht sql.NullInt32
		var kwetsbaar, verwezen sql.NullBool
		if err := rows.Scan(&e.Levering, &e.Bestand, &e.Periode, &e.Versie, &v.Blad, &v.Rij, &v.Client, &v.Gemeente,
			&eerste, &amenorroe, &bevalling, &duur, &gewicht, &v.Roken, &kwetsbaar, &verwezen); err != nil {
			rows.Close()
			return nil, d.fout("eerdere leveringen lezen", err)
		}
		v.EersteControle, v.Bevalling = tijd(eerste), tijd(bevalling)
		v.Amenorroe, v.Duur, v.Gewicht = getal(amenorroe), getal(duur), getal(gewicht)
		v.Kwetsbaar, v.Verwezen = waar(kwetsbaar), waar(verwezen)
		e.Verloskunde = &v
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, d.fout("eerdere leveringen lezen", err)
	}
	rows, err = d.sql.QueryContext(ctx, `
		SELECT l.id, l.bestand, l.periode, l.versie, w.blad, w.rij, w.dossier, w.gemeente, w.aanmelddatum, w.start, w.hulpvraag, w.onbekend
		FROM wijkteam w JOIN actieve_levering l ON w.levering = l.id
		WHERE l.partner = ? ORDER BY l.id, w.rij`, partner)
	if err != nil {
		return nil, d.fout("eerdere leveringen lezen", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e EerdereRij
		var w Wijkteam
		var start sql.NullTime
		if err := rows.Scan(&e.Levering, &e.Bestand, &e.Periode, &e.Versie, &w.Blad, &w.Rij, &w.Dossier, &w.Gemeente,
			&w.Aanmelddatum, &start, &w.Hulpvraag, &w.Onbekend); err != nil {
			return nil, d.fout("eerdere leveringen lezen", err)
		}
		w.Start = tijd(start)
		e.Wijkteam = &w
		out = append(out, e)
	}
	return out, d.fout("eerdere leveringen lezen", rows.Err())
}

func tijd(t sql.NullTime) *time.Time {
	if !t.Valid {
		return nil
	}
	u := t.Time.UTC()
	return &u
}

func getal(n sql.NullInt32) *int {
	if !n.Valid {
		return nil
	}
	i := int(n.Int32)
	return &i
}

func waar(b sql.NullBool) *bool {
	if !b.Valid {
		return nil
	}
	return &b.Bool
}
