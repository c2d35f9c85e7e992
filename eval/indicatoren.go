package eval

import (
	"context"
	"fmt"
	"iter"
	"maps"
	"sort"

	"kansrijk"
	"kansrijk/store"
)

// verloskundeSQL computes KS01–KS06 per gemeente per kwartaal from the
// active leveringen. Each client counts once per indicator across all
// deliveries of a practice: key (practice, client, datum eerste controle)
// for KS01/04/05/06 and (practice, client, bevallingsdatum) for KS02/03;
// the newest levering's row wins.
const verloskundeSQL = `
WITH v AS (
    SELECT v.*, l.partner, l.id AS lid
    FROM verloskunde v JOIN actieve_levering l ON v.levering = l.id
    WHERE v.gemeente IS NOT NULL
),
ec AS (
    SELECT * FROM v WHERE eerste_controle IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY partner, lower(client), eerste_controle ORDER BY lid DESC, rij) = 1
),
bv AS (
    SELECT * FROM v WHERE bevalling IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY partner, lower(client), bevalling ORDER BY lid DESC, rij) = 1
)
SELECT 'KS01', gemeente, year(eerste_controle), quarter(eerste_controle),
       count(*) FILTER (WHERE amenorroe < 70), count(amenorroe)
FROM ec GROUP BY ALL
UNION ALL
SELECT 'KS04', gemeente, year(eerste_controle), quarter(eerste_controle),
       count(*) FILTER (WHERE roken = 'ja'), count(roken)
FROM ec GROUP BY ALL
UNION ALL
SELECT 'KS05', gemeente, year(eerste_controle), quarter(eerste_controle),
       count(*) FILTER (WHERE kwetsbaar), count(kwetsbaar)
FROM ec GROUP BY ALL
UNION ALL
SELECT 'KS06', gemeente, year(eerste_controle), quarter(eerste_controle),
       count(*) FILTER (WHERE kwetsbaar AND verwezen), count(*) FILTER (WHERE kwetsbaar AND verwezen IS NOT NULL)
FROM ec GROUP BY ALL
UNION ALL
SELECT 'KS02', gemeente, year(bevalling), quarter(bevalling),
       count(*) FILTER (WHERE duur < 37 * 7), count(duur)
FROM bv GROUP BY ALL
UNION ALL
SELECT 'KS03', gemeente, year(bevalling), quarter(bevalling),
       count(*) FILTER (WHERE gewicht < 2500), count(gewicht)
FROM bv GROUP BY ALL
`

// wijkteamSQL computes KS09: of the aanmeldingen with hulpvraag
// Financiële zorgen, those where help started within 28 days. Period is
// the kwartaal of the aanmelddatum, whichever file the row is in.
const wijkteamSQL = `
WITH w AS (
    SELECT w.*, l.partner, l.id AS lid
    FROM wijkteam w JOIN actieve_levering l ON w.levering = l.id
    QUALIFY row_number() OVER (PARTITION BY partner, lower(dossier), aanmelddatum ORDER BY lid DESC, rij) = 1
)
SELECT 'KS09', gemeente, year(aanmelddatum), quarter(aanmelddatum),
       count(*) FILTER (WHERE start IS NOT NULL AND start - aanmelddatum <= 28), count(*)
FROM w
WHERE NOT onbekend AND lower(trim(hulpvraag)) IN ('financiële zorgen', 'financiele zorgen')
GROUP BY ALL
`

// aggregaatSQL returns the aggregated cells (JGZ, kraamzorg) that count:
// per bron, gemeente, kwartaal and maat the newest levering's value.
const aggregaatSQL = `
SELECT l.bron, a.gemeente, a.kwartaal, a.maat, a.waarde, a.code
FROM aggregaat a JOIN actieve_levering l ON a.levering = l.id
QUALIFY row_number() OVER (PARTITION BY l.bron, a.gemeente, a.kwartaal, a.maat ORDER BY l.versie DESC, l.id DESC) = 1
`

// borgingSQL computes KS10 per coalitie per kwartaal: aandachtspunten
// with status Gerealiseerd or Geborgd (compared case-insensitively after
// trimming), always out of 10.
const borgingSQL = `
SELECT b.coalitie, b.kwartaal,
       count(DISTINCT b.nr) FILTER (WHERE lower(trim(b.status)) IN ('gerealiseerd', 'geborgd'))
FROM borging b JOIN actieve_levering l ON b.levering = l.id
GROUP BY ALL
`

// dekkingSQL lists the gemeente-kwartalen each bron delivered, from the
// active leveringen only.
const dekkingSQL = `
SELECT DISTINCT d.bron, d.gemeente, d.kwartaal
FROM dekking d JOIN actieve_levering l ON d.levering = l.id`

type cel struct {
	gemeente string
	kwartaal kansrijk.Kwartaal
}

// aggregaatIndicatoren say which maten make teller and noemer.
var aggregaatIndicatoren = map[string]struct{ bron, teller, noemer string }{
	"KS07": {"jgz", "huisbezoeken_prenataal", "aanmeldingen_prenataal"},
	"KS08": {"kraamzorg", "uren_geleverd", "uren_geindiceerd"},
}

// geenPersonen are indicators that do not count people (hours,
// aandachtspunten): the small-number rule protects people, so it does
// not apply to them.
var geenPersonen = map[string]bool{"KS08": true, "KS10": true}

// TeltPersonen reports whether an indicator's teller and noemer count
// people, so that the small-number rule applies to them.
func TeltPersonen(indicator string) bool { return !geenPersonen[indicator] }

// Cijfers computes every figure the store supports, per gemeente and per
// coalitie (Gemeente empty), sorted by coalitie, gemeente, indicator and
// kwartaal. A gemeente-kwartaal that was delivered but has nothing to
// count gives 0/0; one that was not delivered gives no figure.
func Cijfers(ctx context.Context, db *store.DB, cfg *kansrijk.Config) ([]Cijfer, error) {
	dekking, err := leesDekking(ctx, db)
	if err != nil {
		return nil, err
	}
	counted := map[string]map[cel][2]float64{}
	for _, q := range []string{verloskundeSQL, wijkteamSQL} {
		if err := leesTellingen(ctx, db, q, counted); err != nil {
			return nil, err
		}
	}
	agg, err := leesAggregaten(ctx, db)
	if err != nil {
		return nil, err
	}
	borging, err := leesBorging(ctx, db)
	if err != nil {
		return nil, err
	}

	ontbreekt, err := leesOntbrekend(ctx, db)
	if err != nil {
		return nil, err
	}

	// Every cell belongs to at most one coalitie: sort the cells once
	// instead of looking up each cell's gemeente for every coalitie.
	plaats := kansrijk.NieuwePlaatsen(cfg).Van
	dekkingVan := map[kansrijk.Bron]map[string][]cel{}
	for b, cs := range dekking {
		dekkingVan[b] = perCoalitie(maps.Keys(cs), plaats)
	}
	aggVan := map[string]map[string][]cel{}
	for b, cs := range agg {
		aggVan[b] = perCoalitie(maps.Keys(cs), plaats)
	}

	var out []Cijfer
	for _, co := range cfg.Coalities {
		for _, in := range cfg.Indicatoren {
			perQ := map[kansrijk.Kwartaal][]Cijfer{}
			add := func(f Cijfer) {
				p := plaats(f.Gemeente)
				if !p.OK || p.Coalitie != co.Naam {
					return
				}
				f.Coalitie, f.Gemeente, f.Indicator = co.Naam, p.Gemeente, in.Code
				perQ[f.Kwartaal] = append(perQ[f.Kwartaal], f)
			}
			switch {
			case in.Code == "KS10":
				for q, teller := range borging[co.Naam] {
					out = append(out, Cijfer{Coalitie: co.Naam, Kwartaal: q, Indicator: in.Code, Teller: teller, Noemer: 10, Status: StatusOK})
				}
				continue
			case aggregaatIndicatoren[in.Code].bron != "":
				ai := aggregaatIndicatoren[in.Code]
				for _, c := range aggVan[ai.bron][co.Naam] {
					maten := agg[ai.bron][c]
					t, tok := maten[ai.teller]
					n, nok := maten[ai.noemer]
					if !tok || !nok {
						continue // not (yet) reported: no figure
					}
					add(aggregaatCijfer(c, t, n, in.Code))
				}
			default:
				for _, c := range dekkingVan[in.Bron][co.Naam] {
					if mist(ontbreekt[c], in.Code) {
						add(Cijfer{Gemeente: c.gemeente, Kwartaal: c.kwartaal, Status: StatusNietBeschikbaar})
						continue
					}
					tn := counted[in.Code][c]
					add(Cijfer{Gemeente: c.gemeente, Kwartaal: c.kwartaal, Teller: tn[0], Noemer: tn[1], Status: statusVoor(in.Code, tn[0], tn[1])})
				}
			}
			for q, fs := range perQ {
				total := coalitieCijfer(co, in.Code, q, fs)
				beschermTegenAftrekken(fs, total)
				out = append(out, fs...)
				out = append(out, total)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Coalitie != b.Coalitie {
			return a.Coalitie < b.Coalitie
		}
		if a.Gemeente != b.Gemeente {
			return a.Gemeente < b.Gemeente
		}
		if a.Indicator != b.Indicator {
			return a.Indicator < b.Indicator
		}
		return a.Kwartaal.Index() < b.Kwartaal.Index()
	})
	return out, nil
}

// perCoalitie groups cells by the coalitie of their gemeente; cells
// outside every coalitie are left out.
func perCoalitie(cellen iter.Seq[cel], plaats func(string) kansrijk.Plaats) map[string][]cel {
	out := map[string][]cel{}
	for c := range cellen {
		if p := plaats(c.gemeente); p.OK {
			out[p.Coalitie] = append(out[p.Coalitie], c)
		}
	}
	return out
}

// statusVoor applies the small-number rule where it protects people.
func statusVoor(ind string, teller, noemer float64) Status {
	if geenPersonen[ind] && noemer > 0 {
		return StatusOK
	}
	return status(teller, noemer)
}

type aggWaarde struct {
	waarde *float64
	code   string
}

func aggregaatCijfer(c cel, t, n aggWaarde, ind string) Cijfer {
	f := Cijfer{Gemeente: c.gemeente, Kwartaal: c.kwartaal}
	switch {
	case t.code == "<5" || n.code == "<5":
		f.Status = StatusBronOnderdrukt
	case t.code != "" || n.code != "" || t.waarde == nil || n.waarde == nil:
		f.Status = StatusNietBeschikbaar
	default:
		f.Teller, f.Noemer = *t.waarde, *n.waarde
		f.Status = statusVoor(ind, f.Teller, f.Noemer)
	}
	return f
}

func leesDekking(ctx context.Context, db *store.DB) (map[kansrijk.Bron]map[cel]bool, error) {
	dekking := map[kansrijk.Bron]map[cel]bool{}
	rows, err := db.QueryContext(ctx, dekkingSQL)
	if err != nil {
		return nil, fmt.Errorf("aanlevering lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bron, gem, kw string
		if err := rows.Scan(&bron, &gem, &kw); err != nil {
			return nil, fmt.Errorf("aanlevering lezen: %w", err)
		}
		q, err := kansrijk.ParseKwartaal(kw)
		if err != nil {
			continue
		}
		b := kansrijk.Bron(bron)
		if dekking[b] == nil {
			dekking[b] = map[cel]bool{}
		}
		dekking[b][cel{gem, q}] = true
	}
	return dekking, rows.Err()
}

func leesTellingen(ctx context.Context, db *store.DB, q string, counted map[string]map[cel][2]float64) error {
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("cijfers berekenen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ind, gem string
		var jaar, k int
		var teller, noemer float64
		if err := rows.Scan(&ind, &gem, &jaar, &k, &teller, &noemer); err != nil {
			return fmt.Errorf("cijfers berekenen: %w", err)
		}
		if counted[ind] == nil {
			counted[ind] = map[cel][2]float64{}
		}
		counted[ind][cel{gem, kansrijk.Kwartaal{Jaar: jaar, K: k}}] = [2]float64{teller, noemer}
	}
	return rows.Err()
}

func leesAggregaten(ctx context.Context, db *store.DB) (map[string]map[cel]map[string]aggWaarde, error) {
	out := map[string]map[cel]map[string]aggWaarde{}
	rows, err := db.QueryContext(ctx, aggregaatSQL)
	if err != nil {
		return nil, fmt.Errorf("kwartaalcijfers lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bron, gem, kw, maat, code string
		var waarde *float64
		if err := rows.Scan(&bron, &gem, &kw, &maat, &waarde, &code); err != nil {
			return nil, fmt.Errorf("kwartaalcijfers lezen: %w", err)
		}
		q, err := kansrijk.ParseKwartaal(kw)
		if err != nil {
			continue
		}
		if out[bron] == nil {
			out[bron] = map[cel]map[string]aggWaarde{}
		}
		c := cel{gem, q}
		if out[bron][c] == nil {
			out[bron][c] = map[string]aggWaarde{}
		}
		out[bron][c][maat] = aggWaarde{waarde, code}
	}
	return out, rows.Err()
}

func leesBorging(ctx context.Context, db *store.DB) (map[string]map[kansrijk.Kwartaal]float64, error) {
	out := map[string]map[kansrijk.Kwartaal]float64{}
	rows, err := db.QueryContext(ctx, borgingSQL)
	if err != nil {
		return nil, fmt.Errorf("procesmonitor lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var co, kw string
		var n float64
		if err := rows.Scan(&co, &kw, &n); err != nil {
			return nil, fmt.Errorf("procesmonitor lezen: %w", err)
		}
		q, err := kansrijk.ParseKwartaal(kw)
		if err != nil {
			continue
		}
		if out[co] == nil {
			out[co] = map[kansrijk.Kwartaal]float64{}
		}
		out[co][q] = n
	}
	return out, rows.Err()
}

// coalitieCijfer sums a coalitie's gemeenten: Σteller/Σnoemer, never the
// mean of percentages. If a gemeente is missing or not computable, the
// coalitie figure is not computable either.
func coalitieCijfer(co kansrijk.Coalitie, ind string, q kansrijk.Kwartaal, fs []Cijfer) Cijfer {
	c := Cijfer{Coalitie: co.Naam, Kwartaal: q, Indicator: ind}
	if len(fs) < len(co.Gemeenten) {
		c.Status = StatusNietBeschikbaar
		return c
	}
	// <5 at the source is the stronger reason: it wins over n.b., so the
	// status does not depend on the order of the gemeenten.
	for _, st := range []Status{StatusBronOnderdrukt, StatusNietBeschikbaar} {
		for _, f := range fs {
			if f.Status == st {
				return Cijfer{Coalitie: co.Naam, Kwartaal: q, Indicator: ind, Status: st}
			}
		}
	}
	for _, f := range fs {
		c.Teller += f.Teller
		c.Noemer += f.Noemer
	}
	c.Status = statusVoor(ind, c.Teller, c.Noemer)
	return c
}

// beschermTegenAftrekken prevents secondary disclosure: when exactly one
// gemeente's figure is hidden for small numbers while the coalitie total
// is shown, that figure would follow from the total minus the other
// gemeenten. Then the other gemeente with the smallest noemer is hidden
// too (complementary suppression); of two with the same noemer, the
// first by name, so the choice does not depend on the order of fs.
func beschermTegenAftrekken(fs []Cijfer, total Cijfer) {
	if !total.Toonbaar() || len(fs) < 2 {
		return
	}
	klein, other := 0, -1
	kleiner := func(a, b Cijfer) bool {
		return a.Noemer < b.Noemer || a.Noemer == b.Noemer && a.Gemeente < b.Gemeente
	}
	for i, f := range fs {
		switch {
		case f.Status == StatusKlein:
			klein++
		case f.Toonbaar() && (other < 0 || kleiner(f, fs[other])):
			other = i
		}
	}
	if klein == 1 && other >= 0 {
		fs[other].Status = StatusSecundair
	}
}

// nodigVoor lists, per indicator, the record fields it cannot do without.
var nodigVoor = map[string][]string{
	"KS01": {"amenorroe"},
	"KS02": {"bevalling", "duur"},
	"KS03": {"bevalling", "gewicht"},
	"KS04": {"roken"},
	"KS05": {"kwetsbaar"},
	"KS06": {"kwetsbaar", "verwezen"},
}

func mist(ontbrekend map[string]bool, ind string) bool {
	for _, v := range nodigVoor[ind] {
		if ontbrekend[v] {
			return true
		}
	}
	return false
}

// leesOntbrekend returns, per gemeente-kwartaal, the fields that an
// active levering covering it lacked a column for.
func leesOntbrekend(ctx context.Context, db *store.DB) (map[cel]map[string]bool, error) {
	rows, err := db.QueryContext(ctx, `
		SELECT DISTINCT d.gemeente, d.kwartaal, unnest(l.ontbrekend)
		FROM dekking d JOIN actieve_levering l ON d.levering = l.id
		WHERE len(l.ontbrekend) > 0`)
	if err != nil {
		return nil, fmt.Errorf("ontbrekende kolommen lezen: %w", err)
	}
	defer rows.Close()
	out := map[cel]map[string]bool{}
	for rows.Next() {
		var gem, kw, veld string
		if err := rows.Scan(&gem, &kw, &veld); err != nil {
			return nil, fmt.Errorf("ontbrekende kolommen lezen: %w", err)
		}
		q, err := kansrijk.ParseKwartaal(kw)
		if err != nil {
			continue
		}
		c := cel{gem, q}
		if out[c] == nil {
			out[c] = map[string]bool{}
		}
		out[c][veld] = true
	}
	return out, rows.Err()
}
