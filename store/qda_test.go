package store

import (
	"context"
	"path/filepath"
	"testing"
)

// A store written before the REFI-QDA tables existed reads, opened
// read-only, as if they are empty; opened to write, it gets them.
func TestOudeStoreZonderQDATabellen(t *testing.T) {
	pad := filepath.Join(t.TempDir(), "k.duckdb")
	db, err := Open(pad, Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range nieuweTabellen {
		if _, err := db.sql.Exec("DROP TABLE " + tb); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	ctx := context.Background()
	db, err = Open(pad, Lezen)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.QDACoderingen(ctx); err != nil {
		t.Errorf("read-only: %v", err)
	}
	if _, err := db.QDABronnen(ctx); err != nil {
		t.Errorf("read-only: %v", err)
	}
	db.Close()
	db, err = Open(pad, Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if ps, err := db.Controleer(ctx); err != nil || len(ps) > 0 {
		t.Errorf("Controleer: %v %v", ps, err)
	}
}
