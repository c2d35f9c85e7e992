package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// The check of a database at open (controleerBlokken) reads every stored
// value. On some damaged files DuckDB does not return an error but
// crashes the process (a segmentation fault in C++, measured on a file
// with one overwritten block), which Go cannot recover from. So where it
// can, Open runs the check in a child process: the kansrijk binary itself,
// started with kindOmgeving naming the database. A crash or a hang of the
// child then means "damaged", and the parent reports it in Dutch.

// kindOmgeving names the database a child process is to check.
const kindOmgeving = "KANSRIJK_STORE_CONTROLE"

// kindMogelijk is set once this binary has called ControleerAlsKind, so
// that a child started from it will check and exit rather than run the
// program (a test binary without the call would rerun its tests).
var kindMogelijk atomic.Bool

// kindCode is the exit status of a child that found a problem and wrote
// it to its standard output.
const kindCode = 3

// ControleerAlsKind must be called first in main. In a child process
// started by Open it checks the database named in the environment,
// writes what it found and exits; otherwise it returns at once and lets
// Open check databases in such a child.
func ControleerAlsKind() {
	pad := os.Getenv(kindOmgeving)
	if pad == "" {
		kindMogelijk.Store(true)
		return
	}
	err := controleerHier(pad)
	if err == nil {
		os.Exit(0)
	}
	var s *Storing
	if !errors.As(err, &s) {
		s = &Storing{Soort: Anders, Wat: "controleren"}
	}
	fmt.Printf("%d\t%s\t%s\n", s.Soort, strings.ReplaceAll(s.Wat, "\t", " "), s.PID)
	os.Exit(kindCode)
}

// controleer checks the database at pad before Open uses it: in a child
// process if this binary supports one, else in this process.
func controleer(pad string) error {
	exe, err := os.Executable()
	if !kindMogelijk.Load() || err != nil {
		return controleerHier(pad)
	}
	// Generous: the whole national work unit takes a fraction of a
	// second; a child that takes minutes is stuck on a damaged file.
	st, _ := os.Stat(pad)
	wacht := time.Minute + time.Duration(st.Size()>>20)*time.Second
	ctx, cancel := context.WithTimeout(context.Background(), wacht)
	defer cancel()
	cmd := exec.CommandContext(ctx, exe)
	cmd.Env = append(os.Environ(), kindOmgeving+"="+pad)
	var uit bytes.Buffer
	cmd.Stdout = &uit
	err = cmd.Run()
	if err == nil {
		return nil
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == kindCode {
		delen := strings.SplitN(strings.TrimRight(uit.String(), "\n"), "\t", 3)
		if len(delen) == 3 {
			soort, _ := strconv.Atoi(delen[0])
			return &Storing{Soort: Soort(soort), Pad: pad, Wat: delen[1], PID: delen[2], Err: errors.New("check in child process failed")}
		}
	}
	if ctx.Err() != nil {
		return &Storing{Soort: Beschadigd, Pad: pad, Wat: "controleren: het lezen bleef hangen", Err: ctx.Err()}
	}
	// Killed by a signal or any other end: DuckDB crashed on the file.
	return &Storing{Soort: Beschadigd, Pad: pad, Wat: "controleren: DuckDB stopte bij het lezen", Err: err}
}

// controleerHier opens the database at pad read-only and reads it all.
func controleerHier(pad string) error {
	db, err := sql.Open("duckdb", pad+"?access_mode=read_only")
	if err == nil {
		if err = db.Ping(); err != nil {
			db.Close()
		}
	}
	if err != nil {
		return nieuweFout(pad, "openen", err)
	}
	defer db.Close()
	return (&DB{sql: db, path: pad}).controleerBlokken(context.Background())
}

// leesFout are the kinds of driver error that reading stored data gives
// when the file is damaged.
var leesFout = map[duckdb.ErrorType]bool{
	duckdb.ErrorTypeIO: true, duckdb.ErrorTypeInternal: true, duckdb.ErrorTypeFatal: true,
	duckdb.ErrorTypeSerialization: true, duckdb.ErrorTypeConversion: true, duckdb.ErrorTypeInvalidInput: true,
	duckdb.ErrorTypeOutOfRange: true,
}

// controleerBlokken reads every value of every table once, so that DuckDB
// verifies the checksum of each block it reads: a damaged block
// surfaces here, before anything is written, and not halfway through an
// import or as a raw error in a report. DuckDB offers no integrity check
// of its own (no PRAGMA integrity_check), and count(*) or min/max are
// answered from metadata; hashing each row reads the data. It reads the
// whole file: about 0.1 s and 30 MB for the national work unit of make
// bench (27 MB of database).
func (d *DB) controleerBlokken(ctx context.Context) error {
	rows, err := d.sql.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY table_name`)
	if err != nil {
		return d.fout("controleren", err)
	}
	var tabellen []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return d.fout("controleren", err)
		}
		tabellen = append(tabellen, t)
	}
	if err := rows.Err(); err != nil {
		rows.Close()
		return d.fout("controleren", err)
	}
	rows.Close()
	for _, t := range tabellen {
		q := `SELECT count(*), bit_xor(hash(t)) FROM main."` + strings.ReplaceAll(t, `"`, `""`) + `" AS t`
		var n, h any
		if err := d.sql.QueryRowContext(ctx, q).Scan(&n, &h); err != nil {
			f := d.fout("tabel "+t+" controleren", err)
			var de *duckdb.Error
			if IsSoort(f, Anders) && errors.As(err, &de) && leesFout[de.Type] {
				f.(*Storing).Soort = Beschadigd
			}
			return f
		}
	}
	return nil
}
