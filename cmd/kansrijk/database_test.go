package main

import (
	"crypto/sha256"
	"database/sql"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// voorbeeldWerkmap makes the example werkmap in a fresh folder.
// voegToe appends TOML to the werkmap's kansrijk.toml.
func voegToe(t *testing.T, dir, toml string) {
	t.Helper()
	p := filepath.Join(dir, "kansrijk.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(b, []byte("\n"+toml)...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// driverTekst are words of DuckDB's own (English) messages.
var driverTekst = []string{"IO Error", "Corrupt", "checksum", "DuckDB database file", "driver", "SIGSEGV", "goroutine", "Catalog Error", "Binder"}

func geenDriverTekst(t *testing.T, wat, s string) {
	t.Helper()
	for _, w := range driverTekst {
		if strings.Contains(s, w) {
			t.Errorf("%s: %q reached the user:\n%s", wat, w, s)
		}
	}
}

func sha(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// datablokken returns the blocks of the database file that hold the
// rows of table, as DuckDB reports them.
func datablokken(t *testing.T, db, table string) []int64 {
	t.Helper()
	c, err := sql.Open("duckdb", db+"?access_mode=read_only")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, err := c.Query(`SELECT DISTINCT block_id FROM pragma_storage_info('` + table + `') WHERE block_id >= 0 ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		t.Fatalf("no blocks for %s", table)
	}
	return ids
}

// beschadig overwrites 64 bytes inside block id of a DuckDB file with
// random bytes. A DuckDB file starts with three 4 KiB headers, then
// blocks of 256 KiB, each led by its checksum.
func beschadig(t *testing.T, p string, id int64, seed uint64) {
	t.Helper()
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, 64)
	rng := rand.New(rand.NewPCG(seed, 7))
	for i := range buf {
		buf[i] = byte(rng.Uint32())
	}
	if _, err := f.WriteAt(buf, 3*4096+id*256*1024+1000); err != nil {
		t.Fatal(err)
	}
}

// TestDatabaseBeschadigd (issue 12, class 8): a damaged kansrijk.duckdb
// (not a database at all, or one overwritten block of stored rows) gives
// a Dutch message in every command, the driver's text never; import
// refuses it and leaves the file as it was, rather than saying
// "ingelezen" and writing into it.
func TestDatabaseBeschadigd(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	inbox := filepath.Join(dir, "inbox")
	if code, _, stderr := runCLI(t, "import", "-w", dir, inbox); code > 1 {
		t.Fatalf("import: %s", stderr)
	}
	db := filepath.Join(dir, "kansrijk.duckdb")
	goed, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	nieuw := t.TempDir()
	b, _ := os.ReadFile(filepath.Join(inbox, "wijkteam_havenstad_2026-K3.csv"))
	os.WriteFile(filepath.Join(nieuw, "wijkteam_havenstad_2026-K3_v2.csv"), b, 0o644)

	bin := ""
	if !testing.Short() {
		bin = buildBinary(t) // a real process: the check runs in a child
	}
	uit := t.TempDir()
	opdrachten := [][]string{
		{"import", "-w", dir, nieuw},
		{"status", "-w", dir},
		{"export", "-w", dir, "--uit", filepath.Join(uit, "c.csv")},
	}
	probeer := func(t *testing.T, wat string) {
		t.Helper()
		voor := sha(t, db)
		for _, args := range opdrachten {
			code, stdout, stderr := runCLI(t, args...)
			if code != exitInvoer || !strings.Contains(stderr+stdout, "beschadigd") || strings.Contains(stdout, "ingelezen ") {
				t.Errorf("%s: kansrijk %s: exit %d, want 1 and a Dutch message that the database is damaged:\n%s%s", wat, args[0], code, stdout, stderr)
			}
			geenDriverTekst(t, wat+": kansrijk "+args[0], stdout+stderr)
			if bin != "" {
				out, err := exec.Command(bin, args...).CombinedOutput()
				if err == nil || !strings.Contains(string(out), "beschadigd") || strings.Contains(string(out), "ingelezen ") {
					t.Errorf("%s: process kansrijk %s: %v, want exit 1 and a Dutch message:\n%s", wat, args[0], err, out)
				}
				geenDriverTekst(t, wat+": process kansrijk "+args[0], string(out))
			}
		}
		if sha(t, db) != voor {
			t.Errorf("%s: the damaged database was written to", wat)
		}
		os.Remove(db + ".wal")
	}

	if err := os.WriteFile(db, []byte("Dit is geen database, maar een tekst die iemand hier neerzette.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	probeer(t, "geen database")

	for _, table := range []string{"verloskunde", "wijkteam", "melding", "levering"} {
		os.WriteFile(db, goed, 0o644)
		ids := datablokken(t, db, table)
		beschadig(t, db, ids[0], uint64(len(table)))
		probeer(t, "blok "+table)
	}
}

// TestAlleenLezen (class 8): the commands that only read leave the
// database as it was (today status wrote to it, opening it for writing),
// so they also run in a werkmap one may not write, with the reports
// going elsewhere.
func TestAlleenLezen(t *testing.T) {
	dir, _ := voorbeeldWerkmap(t)
	if code, _, stderr := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox")); code > 1 {
		t.Fatalf("import: %s", stderr)
	}
	db := filepath.Join(dir, "kansrijk.duckdb")
	uit := t.TempDir()
	if os.Geteuid() != 0 {
		// Root may write anyway; everyone else gets a read-only werkmap.
		for _, p := range []string{db, dir} {
			os.Chmod(p, 0o555)
			defer os.Chmod(p, 0o755)
		}
	}
	voor := sha(t, db)
	for _, args := range [][]string{
		{"status", "-w", dir},
		{"export", "-w", dir, "--uit", filepath.Join(uit, "c.csv"), "--verhalen", uit},
		{"rapport", "-w", dir, "--kwartaal", "2026-K3", "--coalitie", "Dijkwaard", "--uit", uit, "--datum", "2026-11-01"},
	} {
		code, stdout, stderr := runCLI(t, args...)
		if code != 0 {
			t.Errorf("kansrijk %s in a read-only werkmap: exit %d\n%s%s", args[0], code, stdout, stderr)
		}
		if sha(t, db) != voor {
			t.Errorf("kansrijk %s changed the database", args[0])
		}
		if _, err := os.Stat(db + ".wal"); err == nil {
			t.Errorf("kansrijk %s left a write-ahead log", args[0])
		}
	}
}
