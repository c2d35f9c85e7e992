package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/sheet"
)

func open(t *testing.T) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "kansrijk.duckdb"), Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func levering(sha string, versie int) *Levering {
	return &Levering{Bestand: "a.xlsx", Pad: "/in/a.xlsx", SHA256: sha, Partner: "P", Bron: kansrijk.BronVerloskunde,
		Periode: "2025-K1", Versie: versie, Ingelezen: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
}

func inhoud(n int) *Inhoud {
	d := time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)
	a := 60
	in := &Inhoud{Dekking: []Dekking{{Gemeente: "Havenstad", Kwartaal: kansrijk.Kwartaal{Jaar: 2025, K: 1}}}}
	for i := 0; i < n; i++ {
		in.Verloskunde = append(in.Verloskunde, Verloskunde{Blad: "Export", Rij: i + 5, Client: "VK-1", Gemeente: "Havenstad", EersteControle: &d, Amenorroe: &a})
	}
	in.Meldingen = []Melding{{Location: sheet.Location{File: "a.xlsx", Sheet: "Export", Row: 7, Col: 5, Header: "Amenorroeduur",
		Record: sheet.Record{Kind: "Cliëntnummer", Key: "VK-1"}}, Waarde: "99+9", Ernst: Fout, Tekst: "x", Verwacht: "weken+dagen"}}
	return in
}

func TestVoegToeStoresEverything(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	l := levering("abc", 1)
	if err := db.VoegToe(ctx, l, inhoud(3)); err != nil {
		t.Fatal(err)
	}
	if l.ID != 1 {
		t.Errorf("ID = %d, want 1", l.ID)
	}
	if got := count(t, db, "verloskunde"); got != 3 {
		t.Errorf("verloskunde rows = %d, want 3", got)
	}
	if got := count(t, db, "melding"); got != 1 {
		t.Errorf("melding rows = %d, want 1", got)
	}
	got, ok, err := db.Bekend(ctx, "abc", "a.xlsx")
	if err != nil || !ok || got.Partner != "P" || got.Versie != 1 {
		t.Errorf("Bekend = %+v, %v, %v", got, ok, err)
	}
}

// A failure half-way through a levering must leave nothing of it behind.
func TestVoegToeIsAtomic(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if err := db.VoegToe(ctx, levering("first", 1), inhoud(2)); err != nil {
		t.Fatal(err)
	}
	bad := inhoud(5)
	bad.Meldingen[0].Ernst = "onzin" // violates the CHECK after the rows were appended
	if err := db.VoegToe(ctx, levering("second", 1), bad); err == nil {
		t.Fatal("VoegToe accepted an invalid message")
	}
	if got := count(t, db, "levering"); got != 1 {
		t.Errorf("leveringen = %d, want 1", got)
	}
	if got := count(t, db, "verloskunde"); got != 2 {
		t.Errorf("verloskunde rows = %d, want 2 (only the first levering)", got)
	}
	// The store is still usable afterwards.
	if err := db.VoegToe(ctx, levering("third", 1), inhoud(1)); err != nil {
		t.Fatal(err)
	}
}

// Several leveringen in one transaction: consecutive IDs when it
// succeeds; when one of them fails, none of them is stored.
func TestVoegToeAlle(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if err := db.VoegToe(ctx, levering("eerst", 1), inhoud(1)); err != nil {
		t.Fatal(err)
	}
	bad := inhoud(4)
	bad.Meldingen[0].Ernst = "onzin"
	fout := []Nieuw{{levering("a", 1), inhoud(2)}, {levering("b", 1), bad}, {levering("c", 1), inhoud(3)}}
	if err := db.VoegToeAlle(ctx, fout); err == nil {
		t.Fatal("VoegToeAlle accepted an invalid message")
	}
	for _, n := range fout {
		if n.Levering.ID != 0 {
			t.Errorf("%s: ID = %d after a failed transaction, want 0", n.Levering.SHA256, n.Levering.ID)
		}
	}
	if got := count(t, db, "levering"); got != 1 {
		t.Errorf("leveringen = %d, want 1", got)
	}
	if got := count(t, db, "verloskunde"); got != 1 {
		t.Errorf("verloskunde rows = %d, want 1 (only the first levering)", got)
	}

	goed := []Nieuw{{levering("a", 1), inhoud(2)}, {levering("c", 1), inhoud(3)}}
	if err := db.VoegToeAlle(ctx, goed); err != nil {
		t.Fatal(err)
	}
	if goed[0].Levering.ID != 2 || goed[1].Levering.ID != 3 {
		t.Errorf("IDs = %d, %d, want 2, 3", goed[0].Levering.ID, goed[1].Levering.ID)
	}
	// 1 + 2 + 3 rows, and per levering the rows point back to it.
	if got := count(t, db, "verloskunde"); got != 6 {
		t.Errorf("verloskunde rows = %d, want 6", got)
	}
	var n int
	if err := db.sql.QueryRow("SELECT count(*) FROM verloskunde WHERE levering = 3").Scan(&n); err != nil || n != 3 {
		t.Errorf("rows of levering 3 = %d (%v), want 3", n, err)
	}
	if problems, err := db.Controleer(ctx); err != nil || len(problems) > 0 {
		t.Errorf("Controleer = %v, %v", problems, err)
	}
}

func TestNewestVersionIsActive(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	for _, l := range []*Levering{levering("v2", 2), levering("v1", 1)} {
		if err := db.VoegToe(ctx, l, inhoud(1)); err != nil {
			t.Fatal(err)
		}
	}
	act, err := db.ActieveLeveringen(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(act) != 1 || act[0].SHA256 != "v2" {
		t.Errorf("active = %+v, want only v2 (a late v1 does not replace v2)", act)
	}
}

func TestControleer(t *testing.T) {
	db := open(t)
	ctx := context.Background()
	if err := db.VoegToe(ctx, levering("a", 1), inhoud(3)); err != nil {
		t.Fatal(err)
	}
	if p, err := db.Controleer(ctx); err != nil || len(p) != 0 {
		t.Fatalf("Controleer on a healthy store = %v, %v", p, err)
	}
	// Damage it behind the store's back: the check must notice.
	if _, err := db.sql.Exec("DELETE FROM verloskunde WHERE rij = 5"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.sql.Exec("INSERT INTO dekking VALUES (99, 'verloskunde', 'X', '2025-K1')"); err != nil {
		t.Fatal(err)
	}
	p, err := db.Controleer(ctx)
	if err != nil || len(p) != 2 {
		t.Errorf("Controleer = %q, %v; want two problems", p, err)
	}
}
