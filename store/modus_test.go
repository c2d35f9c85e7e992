package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLezen: a store opened with Lezen reads what was written, refuses
// to write and leaves the file as it was; a database that does not exist
// reads as an empty store and is not created.
func TestLezen(t *testing.T) {
	ctx := context.Background()
	pad := filepath.Join(t.TempDir(), "kansrijk.duckdb")
	leeg, err := Open(pad, Lezen)
	if err != nil {
		t.Fatal(err)
	}
	if ls, err := leeg.Leveringen(ctx); err != nil || len(ls) != 0 {
		t.Errorf("empty store: %v, %v", ls, err)
	}
	leeg.Close()
	if _, err := os.Stat(pad); err == nil {
		t.Error("Lezen created the database")
	}

	w, err := Open(pad, Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.VoegToe(ctx, levering("a", 1), inhoud(2)); err != nil {
		t.Fatal(err)
	}
	w.Close()
	voor, _ := os.ReadFile(pad)

	r, err := Open(pad, Lezen)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if ls, err := r.ActieveLeveringen(ctx); err != nil || len(ls) != 1 {
		t.Errorf("ActieveLeveringen = %v, %v", ls, err)
	}
	err = r.VoegToe(ctx, levering("b", 1), inhoud(1))
	if !IsSoort(err, GeenSchrijfrecht) {
		t.Errorf("VoegToe on a Lezen store: %v", err)
	}
	r.Close()
	if na, _ := os.ReadFile(pad); string(na) != string(voor) {
		t.Error("a Lezen store changed the file")
	}
}

// TestStoringInHetNederlands: every error of Open on a damaged file is a
// Dutch *Storing of kind Beschadigd that keeps the driver's error for
// errors.As but never shows it.
func TestStoringInHetNederlands(t *testing.T) {
	dir := t.TempDir()
	pad := filepath.Join(dir, "kansrijk.duckdb")
	w, err := Open(pad, Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	l := levering("a", 1)
	in := inhoud(3000)
	for i := range in.Verloskunde {
		in.Verloskunde[i].Client = strings.Repeat("c", i%50)
	}
	if err := w.VoegToe(context.Background(), l, in); err != nil {
		t.Fatal(err)
	}
	w.Close()
	goed, _ := os.ReadFile(pad)
	for _, tt := range []struct {
		naam string
		data []byte
	}{
		{"tekst", []byte("geen database\n")},
		{"half", goed[:len(goed)/2]},
		{"kop", append([]byte("\x00\x01\x02\x03"), goed[4:]...)}, // the main header's checksum
	} {
		os.WriteFile(pad, tt.data, 0o644)
		for _, m := range []Modus{Lezen, Schrijven} {
			db, err := Open(pad, m)
			if err == nil {
				db.Close()
			}
			var s *Storing
			if !errors.As(err, &s) || s.Soort != Beschadigd || s.Err == nil {
				t.Errorf("%s, modus %d: %v, want a Beschadigd *Storing", tt.naam, m, err)
				continue
			}
			for _, e := range []string{"IO Error", "Corrupt", "DuckDB database file", "driver"} {
				if strings.Contains(err.Error(), e) {
					t.Errorf("%s: driver text %q in %q", tt.naam, e, err)
				}
			}
		}
		if got, _ := os.ReadFile(pad); string(got) != string(tt.data) {
			t.Errorf("%s: the damaged file was written to", tt.naam)
		}
	}
}
