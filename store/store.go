// Package store keeps everything kansrijk knows in one DuckDB file:
// leveringen with their provenance, the rows read from them, the
// messages sent back to partners, and the coded stories. A levering is
// written in one transaction: all of it or nothing.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"kansrijk"
	"kansrijk/sheet"
)

//go:embed schema.sql
var schema string

// pauze widens the window between a levering's first and last write, so
// that a test killing the process lands inside it. Only the environment
// of a test sets it.
var pauze, _ = time.ParseDuration(os.Getenv("KANSRIJK_TEST_PAUZE"))

// DB is an open kansrijk store.
type DB struct {
	sql  *sql.DB
	path string
	// modus is how the store was opened; a Lezen store refuses writes.
	modus Modus
}

// Modus says whether a command may write the store.
type Modus int

const (
	// Lezen opens the store read-only: for commands that only read
	// (status, export, rapport), so they work in a werkmap they may not
	// write, beside a running import, and never change the file. A
	// database that does not exist yet reads as an empty store.
	Lezen Modus = iota
	// Schrijven opens (or creates) the store to import into it.
	Schrijven
)

// Open opens the store at path. With Schrijven it creates the file if
// needed and brings its schema up to date. Either way it first checks an
// existing database (see controleer): a damaged file gives a Beschadigd
// error and is not written to. Every error is a *Storing.
func Open(path string, m Modus) (*DB, error) {
	_, statErr := os.Stat(path)
	bestaat := statErr == nil
	if bestaat {
		// Before DuckDB opens it for real (and, in Schrijven, writes).
		if err := controleer(path); err != nil {
			return nil, err
		}
	}
	dsn := path
	switch {
	case m == Lezen && !bestaat && errors.Is(statErr, os.ErrNotExist):
		dsn = "" // nothing imported yet: an empty store in memory, nothing written
	case m == Lezen:
		dsn = path + "?access_mode=read_only"
	}
	db, err := sql.Open("duckdb", dsn)
	if err == nil {
		if err = db.Ping(); err != nil {
			db.Close()
		}
	}
	if err != nil {
		return nil, nieuweFout(path, "openen", err)
	}
	d := &DB{sql: db, path: path, modus: m}
	ddl := schema
	if m == Lezen && dsn != "" {
		// A read-only database keeps the views it was written with; the
		// current ones go in as temporary views, which shadow them and
		// are never written.
		ddl = strings.Join(reView.FindAllString(schema, -1), "\n")
		ddl = strings.ReplaceAll(ddl, "CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW")
	}
	if _, err := db.Exec(ddl); err != nil {
		db.Close()
		return nil, nieuweFout(path, "inrichten", err)
	}
	if m == Lezen && dsn != "" {
		if err := d.tijdelijkeTabellen(); err != nil {
			db.Close()
			return nil, nieuweFout(path, "inrichten", err)
		}
	}
	if err := upgradePlaats(db, m); err != nil {
		db.Close()
		return nil, nieuweFout(path, "bijwerken", err)
	}
	return d, nil
}

// tijdelijkeTabellen makes, in a store opened read-only, an empty
// temporary table for each table a store written before it lacks
// (nieuweTabellen), so that reading it works; the store is not written.
func (d *DB) tijdelijkeTabellen() error {
	for _, t := range nieuweTabellen {
		var n int
		if err := d.sql.QueryRow(`SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary`, t).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			continue
		}
		ddl := reTabel(t).FindString(schema)
		if ddl == "" {
			return fmt.Errorf("table %s not in schema.sql", t)
		}
		if _, err := d.sql.Exec(strings.Replace(ddl, "CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE IF NOT EXISTS", 1)); err != nil {
			return err
		}
	}
	return nil
}

// nieuweTabellen are the tables added after the first release of the
// schema (for REFI-QDA projects as stories); until issue 13's numbered
// migrations, a store written before them is read as if they are empty.
var nieuweTabellen = []string{"qda_project", "qda_bron_coalitie"}

func reTabel(t string) *regexp.Regexp {
	return regexp.MustCompile(`(?ms)^CREATE TABLE IF NOT EXISTS ` + t + ` \(.*?^\);$`)
}

// reView finds the views of the schema (each ends with a semicolon at
// the end of a line).
var reView = regexp.MustCompile(`(?ms)^CREATE OR REPLACE VIEW .*?;$`)

// Close closes the store.
func (d *DB) Close() error { return d.sql.Close() }

// QueryContext runs a read query; eval and stories use it. Its error is
// a *Storing.
func (d *DB) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, d.fout("lezen", err)
	}
	return rows, nil
}

// Levering is one delivered file.
type Levering struct {
	ID             int64
	Bestand        string
	Pad            string
	SHA256         string
	Partner        string
	Bron           kansrijk.Bron
	Periode        string
	Versie         int
	Ingelezen      time.Time
	Rijen          int
	Geaccepteerd   int
	Afgewezen      int
	Waarschuwingen int
	// Opgeslagen is the number of data rows stored with the levering.
	Opgeslagen int
	// Ontbrekend are the fields whose column the file lacks; the figures
	// that need them are not available for what the levering covers.
	Ontbrekend []string
}

// Ernst of a message.
const (
	Fout         = "fout"         // the value or row is not used
	Waarschuwing = "waarschuwing" // used, but worth a look: something was assumed
	// Informatie: an empty or unknown value (leeg, n.b., <5) the partner
	// may well have meant; it counts in no figure that needs it.
	Informatie = "informatie"
)

// Melding is one message about a levering, for the partner: where (the
// file, sheet and cell, the column's header and the record, as the
// partner knows them), the value found, how serious, what is wrong in
// Dutch (Tekst) and what was expected.
type Melding struct {
	sheet.Location
	Waarde   string
	Ernst    string
	Tekst    string
	Verwacht string
}

// Plaats is where the message points, short: Blad!C5, or C5 in a CSV
// file; a whole column is its letters (Blad!E), a row without a column
// "rij 5".
func (m Melding) Plaats() string {
	cel := m.Cell()
	if cel == "" && m.Row > 0 {
		cel = fmt.Sprintf("rij %d", m.Row)
		if m.Sheet != "" {
			return m.Sheet + ", " + cel
		}
	}
	switch {
	case m.Sheet == "":
		return cel
	case cel == "":
		return m.Sheet
	}
	return m.Sheet + "!" + cel
}

// Dekking says a levering delivers figures of bron for gemeente in kwartaal.
type Dekking struct {
	Gemeente string
	Kwartaal kansrijk.Kwartaal
}

// Verloskunde is one client row of a verloskunde levering. Nil fields are
// unknown.
type Verloskunde struct {
	Blad           string
	Rij            int
	Client         string
	Gemeente       string // empty: outside the coalities
	EersteControle *time.Time
	Amenorroe      *int // days
	Bevalling      *time.Time
	Duur           *int // days
	Gewicht        *int // grams
	Roken          string
	Kwetsbaar      *bool
	Verwezen       *bool
}

// Verhaal is one coded story fragment.
type Verhaal struct {
	Blad        string
	Rij         int
	VerhaalID   string
	Coalitie    string
	Datum       *time.Time
	Werkvorm    string
	Persona     string
	Doelgroep   string
	Toestemming string
	Fragment    string
	Codes       []string
	Toon        string
	Uitgelicht  bool
	// IngevoerdDoor is who entered the story: a name to redact from quotes.
	IngevoerdDoor string
	// CodesCel is the cell of the Codes column in this row (I5), CodesKop
	// that column's header as written: where an unknown code is reported.
	CodesCel, CodesKop string
}

// Aggregaat is one aggregated value of a partner: a count or a number
// of hours for a gemeente in a kwartaal. Code "<5" or "n.b." means the
// value was suppressed or not available at the source (Waarde is nil).
type Aggregaat struct {
	Blad     string
	Cel      string
	Gemeente string
	Kwartaal kansrijk.Kwartaal
	Maat     string
	Waarde   *float64
	Code     string
}

// Wijkteam is one aanmelding at the sociaal wijkteam.
type Wijkteam struct {
	Blad         string
	Rij          int
	Dossier      string
	Gemeente     string
	Aanmelddatum time.Time
	Start        *time.Time
	Hulpvraag    string
	Onbekend     bool // impossible date or start before aanmelding
}

// Borging is the status of one aandachtspunt in the procesmonitor.
type Borging struct {
	Blad          string
	Cel           string
	Coalitie      string
	Kwartaal      kansrijk.Kwartaal
	Nr            int
	Aandachtspunt string
	Status        string
	Toelichting   string
}

// Procesmonitor holds the counts a coalitie reports each kwartaal.
type Procesmonitor struct {
	Coalitie      string
	Kwartaal      kansrijk.Kwartaal
	Partners      *int
	Bijeenkomsten *int
	Ouders        *int
	Toelichting   string
}

// Code is one code of the codebook.
type Code struct {
	Blad         string
	Rij          int
	Thema        string
	Code         string
	Omschrijving string
	Indicatoren  []string
}

// Persona is one persona description.
type Persona struct {
	Blad      string
	Rij       int
	Naam      string
	Voornaam  string
	Coalitie  string
	Doelgroep string
	Situatie  string
	Nodig     string
	Tegenaan  string
	Bron      string
}

// Inhoud is everything read from one levering.
type Inhoud struct {
	Dekking       []Dekking
	Meldingen     []Melding
	Verloskunde   []Verloskunde
	Verhalen      []Verhaal
	Aggregaten    []Aggregaat
	Wijkteam      []Wijkteam
	Borging       []Borging
	Procesmonitor []Procesmonitor
	Codes         []Code
	Personas      []Persona
	// QDABronnen and Coderingen come from a REFI-QDA project (.qdpx).
	QDABronnen []QDABron
	Coderingen []Codering
	QDAProject []QDAProject // at most one: the project itself
}

// rijen counts the data rows (not messages) of an Inhoud.
func (in *Inhoud) rijen() int {
	return len(in.Dekking) + len(in.Verloskunde) + len(in.Verhalen) + len(in.Aggregaten) + len(in.Wijkteam) +
		len(in.Borging) + len(in.Procesmonitor) + len(in.Codes) + len(in.Personas) +
		2*len(in.QDABronnen) + len(in.Coderingen) + len(in.QDAProject) // a source is a row of qda_bron and of qda_bron_coalitie
}

// dataTabellen are the tables whose rows belong to a levering.
var dataTabellen = []string{"dekking", "verloskunde", "verhaal", "aggregaat", "wijkteam", "borging", "procesmonitor", "codeboek", "persona", "qda_bron", "qda_codering", "qda_project", "qda_bron_coalitie"}

// Controleer checks the store's integrity: every levering has exactly
// the data rows it was stored with, and no row belongs to a levering
// that does not exist. It returns a Dutch description of each problem.
func (d *DB) Controleer(ctx context.Context) ([]string, error) {
	var parts []string
	for _, t := range dataTabellen {
		parts = append(parts, "SELECT levering FROM "+t)
	}
	q := `WITH r AS (` + strings.Join(parts, " UNION ALL ") + `),
		n AS (SELECT levering, count(*) AS n FROM r GROUP BY levering)
		SELECT coalesce(l.id, n.levering), l.bestand, coalesce(l.opgeslagen, -1), coalesce(n.n, 0)
		FROM levering l FULL OUTER JOIN n ON n.levering = l.id
		WHERE l.id IS NULL OR coalesce(n.n, 0) <> l.opgeslagen`
	rows, err := d.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, d.fout("controleren", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var id int64
		var bestand sql.NullString
		var want, got int
		if err := rows.Scan(&id, &bestand, &want, &got); err != nil {
			return nil, d.fout("controleren", err)
		}
		if !bestand.Valid {
			problems = append(problems, fmt.Sprintf("%d rijen horen bij levering %d, die niet bestaat", got, id))
		} else {
			problems = append(problems, fmt.Sprintf("levering %d (%s) heeft %d rijen, verwacht %d", id, bestand.String, got, want))
		}
	}
	return problems, d.fout("controleren", rows.Err())
}

// Bekend returns the levering already imported with this content hash
// under this file name.
func (d *DB) Bekend(ctx context.Context, sha, bestand string) (Levering, bool, error) {
	ls, err := d.leveringen(ctx, "WHERE sha256 = ? AND bestand = ?", sha, bestand)
	if err != nil || len(ls) == 0 {
		return Levering{}, false, err
	}
	return ls[0], true, nil
}

// BekendeLeveringen returns every levering by BekendSleutel, for an
// import that would otherwise ask Bekend for each file.
func (d *DB) BekendeLeveringen(ctx context.Context) (map[string]Levering, error) {
	ls, err := d.leveringen(ctx, "")
	if err != nil {
		return nil, err
	}
	m := make(map[string]Levering, len(ls))
	for _, l := range ls {
		m[BekendSleutel(l.SHA256, l.Bestand)] = l
	}
	return m, nil
}

// BekendSleutel is the key of a levering in BekendeLeveringen: what
// makes it the same levering (see Bekend).
func BekendSleutel(sha, bestand string) string { return sha + "\x00" + bestand }

// Leveringen returns every levering, oldest first.
func (d *DB) Leveringen(ctx context.Context) ([]Levering, error) {
	return d.leveringen(ctx, "")
}

// ActieveLeveringen returns the leveringen that count: per partner, bron
// and periode the newest version.
func (d *DB) ActieveLeveringen(ctx context.Context) ([]Levering, error) {
	return d.leveringen(ctx, "WHERE id IN (SELECT id FROM actieve_levering)")
}

func (d *DB) leveringen(ctx context.Context, where string, args ...any) ([]Levering, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT id, bestand, pad, sha256, partner, bron, periode, versie,
		ingelezen, rijen, geaccepteerd, afgewezen, waarschuwingen, opgeslagen FROM levering `+where+` ORDER BY id`, args...)
	if err != nil {
		return nil, d.fout("leveringen lezen", err)
	}
	defer rows.Close()
	var ls []Levering
	for rows.Next() {
		var l Levering
		var bron string
		if err := rows.Scan(&l.ID, &l.Bestand, &l.Pad, &l.SHA256, &l.Partner, &bron, &l.Periode, &l.Versie,
			&l.Ingelezen, &l.Rijen, &l.Geaccepteerd, &l.Afgewezen, &l.Waarschuwingen, &l.Opgeslagen); err != nil {
			return nil, d.fout("leveringen lezen", err)
		}
		l.Bron = kansrijk.Bron(bron)
		ls = append(ls, l)
	}
	return ls, d.fout("leveringen lezen", rows.Err())
}

// VoegToe stores a levering and everything read from it in one
// transaction, and sets l.ID. If anything fails, nothing is stored.
func (d *DB) VoegToe(ctx context.Context, l *Levering, in *Inhoud) error {
	return d.VoegToeAlle(ctx, []Nieuw{{l, in}})
}

// Nieuw is a levering to store with everything read from it.
type Nieuw struct {
	Levering *Levering
	Inhoud   *Inhoud
}

// VoegToeAlle stores leveringen in one transaction, in order, and sets
// their IDs: all of them or, if anything fails, none. Each levering is
// then complete or absent, as with VoegToe, while many small files share
// one commit (a sync to disk) and one Appender per table.
func (d *DB) VoegToeAlle(ctx context.Context, ns []Nieuw) (err error) {
	if len(ns) == 0 {
		return nil
	}
	wat := "levering " + ns[0].Levering.Bestand
	if len(ns) > 1 {
		wat = fmt.Sprintf("%d leveringen (%s t/m %s)", len(ns), ns[0].Levering.Bestand, ns[len(ns)-1].Levering.Bestand)
	}
	if d.modus != Schrijven {
		return &Storing{Soort: GeenSchrijfrecht, Pad: d.path, Wat: wat + " opslaan", Err: errors.New("store opened with Lezen")}
	}
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return d.fout(wat+" opslaan", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return d.fout(wat+" opslaan", err)
	}
	defer func() {
		if err != nil {
			_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
			for _, n := range ns {
				n.Levering.ID = 0
			}
			err = d.fout(wat+" opslaan (niets opgeslagen)", err)
		}
	}()
	var id int64
	if err := conn.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM levering").Scan(&id); err != nil {
		return err
	}
	for _, n := range ns {
		id++
		n.Levering.ID = id
		n.Levering.Opgeslagen = n.Inhoud.rijen()
	}
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("onverwachte databaseverbinding")
		}
		ap := &appenders{c: c}
		for _, n := range ns {
			if err := appendLevering(ap, n.Levering, n.Inhoud); err != nil {
				ap.sluit()
				return err
			}
		}
		if err := ap.sluit(); err != nil {
			return err
		}
		for _, n := range ns {
			if len(n.Inhoud.Coderingen) > 0 || len(n.Inhoud.Verhalen) > 0 {
				return wisIngetrokkenTeksten(c)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	return nil
}

// appendLevering appends one levering and its rows.
func appendLevering(ap *appenders, l *Levering, in *Inhoud) error {
	if err := ap.rij("levering", l.ID, l.Bestand, l.Pad, l.SHA256, l.Partner, string(l.Bron), l.Periode, int32(l.Versie),
		l.Ingelezen, int32(l.Rijen), int32(l.Geaccepteerd), int32(l.Afgewezen), int32(l.Waarschuwingen), int32(l.Opgeslagen), lijst(l.Ontbrekend)); err != nil {
		return err
	}
	if pauze > 0 {
		// Fault injection for the kill -9 test; see pauze. Flushed first,
		// so a kill lands after rows were written and before the commit.
		if err := ap.flush("levering"); err != nil {
			return err
		}
		time.Sleep(pauze)
	}
	for _, k := range in.Dekking {
		if err := ap.rij("dekking", l.ID, string(l.Bron), k.Gemeente, k.Kwartaal.String()); err != nil {
			return err
		}
	}
	for _, v := range in.Verloskunde {
		if err := ap.rij("verloskunde", l.ID, v.Blad, int32(v.Rij), v.Client, nullString(v.Gemeente),
			nullTime(v.EersteControle), nullInt(v.Amenorroe), nullTime(v.Bevalling), nullInt(v.Duur),
			nullInt(v.Gewicht), nullString(v.Roken), nullBool(v.Kwetsbaar), nullBool(v.Verwezen)); err != nil {
			return err
		}
	}
	for _, v := range in.Verhalen {
		if err := ap.rij("verhaal", l.ID, v.Blad, int32(v.Rij), v.VerhaalID, v.Coalitie, nullTime(v.Datum),
			v.Werkvorm, v.Persona, v.Doelgroep, v.Toestemming, v.Fragment, lijst(v.Codes), v.Toon, v.Uitgelicht, v.IngevoerdDoor,
			v.CodesCel, v.CodesKop); err != nil {
			return err
		}
	}
	for _, a := range in.Aggregaten {
		var w driver.Value
		if a.Waarde != nil {
			w = *a.Waarde
		}
		if err := ap.rij("aggregaat", l.ID, a.Blad, a.Cel, a.Gemeente, a.Kwartaal.String(), a.Maat, w, a.Code); err != nil {
			return err
		}
	}
	for _, w := range in.Wijkteam {
		if err := ap.rij("wijkteam", l.ID, w.Blad, int32(w.Rij), w.Dossier, w.Gemeente, w.Aanmelddatum, nullTime(w.Start), w.Hulpvraag, w.Onbekend); err != nil {
			return err
		}
	}
	for _, b := range in.Borging {
		if err := ap.rij("borging", l.ID, b.Blad, b.Cel, b.Coalitie, b.Kwartaal.String(), int32(b.Nr), b.Aandachtspunt, b.Status, b.Toelichting); err != nil {
			return err
		}
	}
	for _, p := range in.Procesmonitor {
		if err := ap.rij("procesmonitor", l.ID, p.Coalitie, p.Kwartaal.String(), nullInt(p.Partners), nullInt(p.Bijeenkomsten), nullInt(p.Ouders), p.Toelichting); err != nil {
			return err
		}
	}
	for _, k := range in.Codes {
		if err := ap.rij("codeboek", l.ID, k.Blad, int32(k.Rij), k.Thema, k.Code, k.Omschrijving, lijst(k.Indicatoren)); err != nil {
			return err
		}
	}
	for _, p := range in.Personas {
		if err := ap.rij("persona", l.ID, p.Blad, int32(p.Rij), p.Naam, p.Voornaam, p.Coalitie, p.Doelgroep, p.Situatie, p.Nodig, p.Tegenaan, p.Bron); err != nil {
			return err
		}
	}
	if err := appendQDA(ap, l, in); err != nil {
		return err
	}
	// Messages last: a test relies on a bad message failing after rows
	// were appended, to prove the rollback.
	for _, m := range in.Meldingen {
		if err := ap.rij("melding", l.ID, m.File, m.Sheet, m.Cell(), m.Waarde, m.Ernst, m.Tekst,
			m.Header, m.Record.Kind, m.Record.Key, m.Verwacht); err != nil {
			return err
		}
	}
	return nil
}

// appenders hands out one DuckDB Appender per table, inside the open
// transaction of c.
type appenders struct {
	c     driver.Conn
	open  map[string]*duckdb.Appender
	order []string // tables in the order first used
}

func (ap *appenders) rij(table string, vals ...driver.Value) error {
	a := ap.open[table]
	if a == nil {
		var err error
		if a, err = duckdb.NewAppenderFromConn(ap.c, "", table); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
		if ap.open == nil {
			ap.open = map[string]*duckdb.Appender{}
		}
		ap.open[table] = a
		ap.order = append(ap.order, table)
	}
	if err := a.AppendRow(vals...); err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	return nil
}

func (ap *appenders) flush(table string) error {
	if a := ap.open[table]; a != nil {
		if err := a.Flush(); err != nil {
			return fmt.Errorf("%s: %w", table, err)
		}
	}
	return nil
}

// sluit flushes and closes every appender; the first error wins.
func (ap *appenders) sluit() error {
	var first error
	for _, t := range ap.order {
		if err := ap.open[t].Close(); err != nil && first == nil {
			first = fmt.Errorf("%s: %w", t, err)
		}
	}
	ap.open, ap.order = nil, nil
	return first
}

// lijst is a LIST column's value, as the Appender takes it.
func lijst(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func nullString(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullTime(t *time.Time) driver.Value {
	if t == nil {
		return nil
	}
	return *t
}

func nullInt(p *int) driver.Value {
	if p == nil {
		return nil
	}
	return int32(*p)
}

func nullBool(p *bool) driver.Value {
	if p == nil {
		return nil
	}
	return *p
}

// Meldingen returns the messages of a levering, in the order they were
// made.
func (d *DB) Meldingen(ctx context.Context, levering int64) ([]Melding, error) {
	rows, err := d.sql.QueryContext(ctx, `SELECT bestand, blad, cel, waarde, ernst, tekst, kop, record_soort, record, verwacht
		FROM melding WHERE levering = ? ORDER BY rowid`, levering)
	if err != nil {
		return nil, d.fout("meldingen lezen", err)
	}
	defer rows.Close()
	var ms []Melding
	for rows.Next() {
		var m Melding
		var cel string
		if err := rows.Scan(&m.File, &m.Sheet, &cel, &m.Waarde, &m.Ernst, &m.Tekst,
			&m.Header, &m.Record.Kind, &m.Record.Key, &m.Verwacht); err != nil {
			return nil, d.fout("meldingen lezen", err)
		}
		m.Col, m.Row, _ = sheet.ParseCell(cel)
		ms = append(ms, m)
	}
	return ms, d.fout("meldingen lezen", rows.Err())
}

// DubbelePersona is a persona that more than one active levering
// delivers, such as a copy of the persona file: it counts and shows once
// (view actieve_persona).
type DubbelePersona struct {
	Coalitie, Naam string
	// Waar lists each delivery as "bestand, rij N", oldest first.
	Waar []string
}

// DubbelePersonas returns the persona's delivered more than once among
// the active leveringen, by coalitie and name.
func (d *DB) DubbelePersonas(ctx context.Context) ([]DubbelePersona, error) {
	rows, err := d.sql.QueryContext(ctx, `
		SELECT p.coalitie, min(p.naam), list(l.bestand || ', rij ' || p.rij ORDER BY p.levering, p.rij)
		FROM persona p JOIN actieve_levering l ON p.levering = l.id
		GROUP BY p.coalitie, lower(trim(p.naam)) HAVING count(*) > 1
		ORDER BY p.coalitie, min(p.naam)`)
	if err != nil {
		return nil, d.fout("persona's lezen", err)
	}
	defer rows.Close()
	var out []DubbelePersona
	for rows.Next() {
		var p DubbelePersona
		var waar []any
		if err := rows.Scan(&p.Coalitie, &p.Naam, &waar); err != nil {
			return nil, d.fout("persona's lezen", err)
		}
		for _, w := range waar {
			p.Waar = append(p.Waar, fmt.Sprint(w))
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, d.fout("persona's lezen", err)
	}
	return out, nil
}
