package eval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"kansrijk"
	"kansrijk/store"
)

// vastgelopenNa is how many kwartalen without any change an aandachtspunt
// that is not realised may stand still before it counts as vastgelopen:
// a year, the pace of most coalitie plans.
const vastgelopenNa = 4

// BorgingCoalitie is the detail behind KS10 for one coalitie: per
// kwartaal the procesmonitor's counts and how many aandachtspunten were
// realised, and per aandachtspunt its course.
type BorgingCoalitie struct {
	Coalitie  string
	Kwartalen []BorgingKwartaal // kwartalen with a procesmonitor, oldest first
	Punten    []Aandachtspunt   // the 10 aandachtspunten, by Nr
}

// BorgingKwartaal is one kwartaal of a coalitie's procesmonitor.
type BorgingKwartaal struct {
	Kwartaal kansrijk.Kwartaal
	// Gerealiseerd counts the aandachtspunten with status Gerealiseerd or
	// Geborgd: KS10's teller, the coalitie's progress.
	Gerealiseerd int
	// The procesmonitor's counts: deelnemende partners, bijeenkomsten met
	// ouders, betrokken ouders. Nil when not filled in or unreadable.
	// Ouders counts people: reports outside the M&E team show 1–4 as <5.
	Partners, Bijeenkomsten, Ouders *int
}

// Aandachtspunt is the course of one aandachtspunt for one coalitie.
type Aandachtspunt struct {
	Nr   int
	Naam string
	// Status per kwartaal, parallel to BorgingCoalitie.Kwartalen, as the
	// procesmonitor gives it ("Niet gestart", "In ontwikkeling",
	// "Gerealiseerd", "Geborgd"); "" when blank or missing.
	Status []string
	// Stilstand counts the latest consecutive kwartalen in which the
	// point was Niet gestart or In ontwikkeling without any change of
	// status. A blank or unknown status, or a kwartaal without
	// procesmonitor, interrupts it: then nobody knows it stood still.
	Stilstand int
	// Vastgelopen: Stilstand is 4 kwartalen or more.
	Vastgelopen bool
}

// borgingDetailSQL reads the aandachtspunten of the active leveringen.
const borgingDetailSQL = `
SELECT b.coalitie, b.kwartaal, b.nr, b.status
FROM borging b JOIN actieve_levering l ON b.levering = l.id
ORDER BY l.id DESC, b.cel`

// procesmonitorSQL reads the procesmonitor's counts of the active leveringen.
const procesmonitorSQL = `
SELECT p.coalitie, p.kwartaal, p.partners, p.bijeenkomsten, p.ouders
FROM procesmonitor p JOIN actieve_levering l ON p.levering = l.id
ORDER BY l.id DESC`

// Borging returns, for every coalitie of cfg, the course of its
// procesmonitor from the active leveringen, in the order of cfg.
func Borging(ctx context.Context, db *store.DB, cfg *kansrijk.Config) ([]BorgingCoalitie, error) {
	type sleutel struct {
		coalitie string
		q        kansrijk.Kwartaal
	}
	statussen := map[sleutel]*[10]string{}
	kwartalen := map[sleutel]*BorgingKwartaal{}
	// Every row names its coalitie; look each spelling up once.
	type gevonden struct {
		co kansrijk.Coalitie
		ok bool
	}
	coalities := map[string]gevonden{}
	kwartaal := func(coalitie, kw string) (sleutel, bool) {
		g, bekend := coalities[coalitie]
		if !bekend {
			g.co, g.ok = cfg.Coalitie(coalitie)
			coalities[coalitie] = g
		}
		co, ok := g.co, g.ok
		q, err := kansrijk.ParseKwartaal(kw)
		if !ok || err != nil {
			return sleutel{}, false
		}
		k := sleutel{co.Naam, q}
		if kwartalen[k] == nil {
			kwartalen[k] = &BorgingKwartaal{Kwartaal: q}
			statussen[k] = &[10]string{}
		}
		return k, true
	}

	rows, err := db.QueryContext(ctx, borgingDetailSQL)
	if err != nil {
		return nil, fmt.Errorf("procesmonitor lezen: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var coalitie, kw, status string
		var nr int
		if err := rows.Scan(&coalitie, &kw, &nr, &status); err != nil {
			return nil, fmt.Errorf("procesmonitor lezen: %w", err)
		}
		k, ok := kwartaal(coalitie, kw)
		if !ok || nr < 1 || nr > 10 {
			continue
		}
		// A point listed twice counts as realised if either row says so,
		// as KS10 counts it.
		st := &statussen[k][nr-1]
		if *st == "" || (!gerealiseerd(*st) && gerealiseerd(status)) {
			*st = strings.TrimSpace(status)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("procesmonitor lezen: %w", err)
	}

	pm, err := db.QueryContext(ctx, procesmonitorSQL)
	if err != nil {
		return nil, fmt.Errorf("procesmonitor lezen: %w", err)
	}
	defer pm.Close()
	geteld := map[sleutel]bool{} // the newest levering's counts win
	for pm.Next() {
		var coalitie, kw string
		var partners, bijeenkomsten, ouders *int
		if err := pm.Scan(&coalitie, &kw, &partners, &bijeenkomsten, &ouders); err != nil {
			return nil, fmt.Errorf("procesmonitor lezen: %w", err)
		}
		if k, ok := kwartaal(coalitie, kw); ok && !geteld[k] {
			geteld[k] = true
			kwartalen[k].Partners, kwartalen[k].Bijeenkomsten, kwartalen[k].Ouders = partners, bijeenkomsten, ouders
		}
	}
	if err := pm.Err(); err != nil {
		return nil, fmt.Errorf("procesmonitor lezen: %w", err)
	}

	var out []BorgingCoalitie
	for _, co := range cfg.Coalities {
		bc := BorgingCoalitie{Coalitie: co.Naam}
		var sts []*[10]string
		for k, bk := range kwartalen {
			if k.coalitie == co.Naam {
				bc.Kwartalen = append(bc.Kwartalen, *bk)
				sts = append(sts, statussen[k])
			}
		}
		sort.Sort(opKwartaal{bc.Kwartalen, sts})
		for i := range bc.Kwartalen {
			for _, s := range sts[i] {
				if gerealiseerd(s) {
					bc.Kwartalen[i].Gerealiseerd++
				}
			}
		}
		for nr := 1; nr <= 10; nr++ {
			p := Aandachtspunt{Nr: nr, Naam: kansrijk.Aandachtspunten[nr-1]}
			for _, s := range sts {
				p.Status = append(p.Status, s[nr-1])
			}
			p.Stilstand = stilstand(bc.Kwartalen, p.Status)
			p.Vastgelopen = p.Stilstand >= vastgelopenNa
			bc.Punten = append(bc.Punten, p)
		}
		out = append(out, bc)
	}
	return out, nil
}

// opKwartaal sorts a coalitie's kwartalen and their statuses together.
type opKwartaal struct {
	kw  []BorgingKwartaal
	sts []*[10]string
}

func (o opKwartaal) Len() int           { return len(o.kw) }
func (o opKwartaal) Less(i, j int) bool { return o.kw[i].Kwartaal.Index() < o.kw[j].Kwartaal.Index() }
func (o opKwartaal) Swap(i, j int) {
	o.kw[i], o.kw[j] = o.kw[j], o.kw[i]
	o.sts[i], o.sts[j] = o.sts[j], o.sts[i]
}

// normStatus folds a status for comparison: trimmed, inner white space
// collapsed, lower case (samples' README, rule 10).
func normStatus(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func gerealiseerd(s string) bool {
	n := normStatus(s)
	return n == "gerealiseerd" || n == "geborgd"
}

// stilstand counts the latest consecutive kwartalen with the same
// not-realised status.
func stilstand(kw []BorgingKwartaal, status []string) int {
	n := 0
	for i := len(status) - 1; i >= 0; i-- {
		s := normStatus(status[i])
		if s != "niet gestart" && s != "in ontwikkeling" {
			break
		}
		if i < len(status)-1 && (s != normStatus(status[i+1]) || kw[i].Kwartaal.Index() != kw[i+1].Kwartaal.Index()-1) {
			break
		}
		n++
	}
	return n
}
