package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kansrijk/sheet"
)

// TestUpgradePlaats: a database made before messages carried their full
// place (the schema of commit 95cd29a) reads as it was, also opened to
// read; opened to write it gains the new columns once, keeps every
// message in its order, and takes an informatie.
func TestUpgradePlaats(t *testing.T) {
	oud, err := os.ReadFile("testdata/schema_95cd29a.sql")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "oud.duckdb")
	raw, err := sql.Open("duckdb", p)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(oud),
		`INSERT INTO levering VALUES (1, 'a.xlsx', '/a.xlsx', 'x', 'P', 'verloskunde', '2025-K1', 1, TIMESTAMP '2026-01-01', 1, 1, 0, 1, 0, [])`,
		`INSERT INTO melding VALUES (1, 'a.xlsx', 'Export', 'E7', '99+9', 'fout', 'eerste'), (1, 'a.xlsx', 'Export', '', '', 'waarschuwing', 'tweede')`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	want := []Melding{
		{Location: sheet.Location{File: "a.xlsx", Sheet: "Export", Row: 7, Col: 5}, Waarde: "99+9", Ernst: Fout, Tekst: "eerste"},
		{Location: sheet.Location{File: "a.xlsx", Sheet: "Export"}, Ernst: Waarschuwing, Tekst: "tweede"},
	}
	check := func(db *DB) {
		t.Helper()
		ms, err := db.Meldingen(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != len(want) {
			t.Fatalf("%d messages, want %d: %+v", len(ms), len(want), ms)
		}
		for i := range want {
			if ms[i] != want[i] {
				t.Errorf("message %d = %+v, want %+v", i, ms[i], want[i])
			}
		}
	}
	for _, m := range []Modus{Lezen, Schrijven, Schrijven, Lezen} {
		db, err := Open(p, m)
		if err != nil {
			t.Fatalf("open (%v): %v", m, err)
		}
		check(db)
		db.Close()
	}
	db, err := Open(p, Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	l := &Levering{Bestand: "b.xlsx", Pad: "/b.xlsx", SHA256: "y", Partner: "P", Bron: "verloskunde", Periode: "2025-K2", Versie: 1, Ingelezen: time.Now()}
	info := Melding{Location: sheet.Location{File: "b.xlsx", Sheet: "Export", Col: 6, Header: "Roken"}, Ernst: Informatie, Tekst: "leeg", Verwacht: "ja of nee"}
	if err := db.VoegToe(context.Background(), l, &Inhoud{Meldingen: []Melding{info}}); err != nil {
		t.Fatal(err)
	}
	ms, err := db.Meldingen(context.Background(), l.ID)
	if err != nil || len(ms) != 1 || ms[0] != info {
		t.Errorf("after the upgrade: %+v, %v; want %+v", ms, err, info)
	}
}
