package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strings"
)

// Kopieer writes a copy of the store at pad to a new database file at
// doel, for kansrijk import --proef: the trial imports into the copy,
// and the store itself is opened read-only, so it is never changed (and
// no other process writes it during the copy). A store that does not
// exist yet gives no copy: the trial then starts from an empty store.
// Every error is a *Storing.
func Kopieer(ctx context.Context, pad, doel string) error {
	if _, err := os.Stat(pad); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err := controleer(pad); err != nil {
		return err
	}
	db, err := sql.Open("duckdb", pad+"?access_mode=read_only")
	if err != nil {
		return nieuweFout(pad, "kopiëren", err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return nieuweFout(pad, "kopiëren", err)
	}
	defer conn.Close()
	var catalogus string
	if err := conn.QueryRowContext(ctx, `SELECT current_database()`).Scan(&catalogus); err != nil {
		return nieuweFout(pad, "kopiëren", err)
	}
	tekst := func(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
	naam := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	for _, q := range []string{
		`ATTACH ` + tekst(doel) + ` AS kansrijk_proef (READ_WRITE)`,
		`COPY FROM DATABASE ` + naam(catalogus) + ` TO kansrijk_proef`,
		`DETACH kansrijk_proef`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return nieuweFout(doel, "kopiëren", err)
		}
	}
	return nil
}
