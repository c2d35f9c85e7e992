package store

import (
	"database/sql"
	_ "embed"
	"strings"
)

// plaatsSQL upgrades a database from before messages carried their full
// place; see plaats.sql. Kept apart from schema.sql so that it becomes
// one numbered migration once store has them.
//
//go:embed plaats.sql
var plaatsSQL string

// upgradePlaats brings an older database up to the melding and verhaal
// tables of schema.sql. Opened to write (m == Schrijven) it runs
// plaats.sql once, in one transaction; opened to read, it leaves the
// file alone and shadows the two tables with temporary views that add
// the new columns empty, so the readers see one layout.
func upgradePlaats(db *sql.DB, m Modus) error {
	var oud bool
	if err := db.QueryRow(`SELECT count(*) = 0 FROM duckdb_columns()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'melding' AND column_name = 'kop'`).Scan(&oud); err != nil || !oud {
		return err
	}
	if m == Schrijven {
		tx, err := db.Begin()
		if err != nil {
			return err
		}
		if _, err := tx.Exec(plaatsSQL); err != nil {
			tx.Rollback()
			return err
		}
		return tx.Commit()
	}
	var catalogus string
	if err := db.QueryRow(`SELECT current_database()`).Scan(&catalogus); err != nil {
		return err
	}
	// The views read the tables by their full name, so they do not read
	// themselves; rowid is passed on, Meldingen keeps the order by it.
	tabel := `"` + strings.ReplaceAll(catalogus, `"`, `""`) + `".main.`
	_, err := db.Exec(`CREATE OR REPLACE TEMP VIEW melding AS
		SELECT *, '' AS kop, '' AS record_soort, '' AS record, '' AS verwacht, rowid AS rowid FROM ` + tabel + `melding;
		CREATE OR REPLACE TEMP VIEW verhaal AS
		SELECT *, '' AS codes_cel, '' AS codes_kop FROM ` + tabel + `verhaal`)
	return err
}
