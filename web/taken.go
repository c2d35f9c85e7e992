package web

import (
	"errors"
	"slices"
	"sync"
	"time"
)

// fase of a job.
type fase string

const (
	faseWacht fase = "wacht" // waits for another job to finish with the werkmap
	faseBezig fase = "bezig"
	faseKlaar fase = "klaar"
)

// taak is an import or report run, started from a page and followed on
// its own page while it runs in the background.
type taak struct {
	ID    string
	Soort string // "aanlevering" or "rapportage", as the pages name it
	Begin time.Time
	// sessie started it. Without accounts anyone may follow any job; with
	// them, only its owner or a beheerder.
	sessie string

	mu        sync.Mutex
	fase      fase
	gedaan    int
	totaal    int
	wat       string // what is being done now
	uitslagen []uitslag
	rapport   *rapportUitslag
	fout      string
	eind      time.Time
	// map is the folder of the uploaded files, for the page to name.
	map_ string
}

// stand is a copy of a job's state for a page.
type stand struct {
	ID, Soort      string
	Begin, Eind    time.Time
	Fase           fase
	Gedaan, Totaal int
	Wat            string
	Uitslagen      []uitslag
	Rapport        *rapportUitslag
	Fout           string
	Map            string
	Tel            map[string]int // files per status
}

func (t *taak) stand() stand {
	t.mu.Lock()
	defer t.mu.Unlock()
	st := stand{ID: t.ID, Soort: t.Soort, Begin: t.Begin, Eind: t.eind, Fase: t.fase, Gedaan: t.gedaan,
		Totaal: t.totaal, Wat: t.wat, Uitslagen: t.uitslagen, Rapport: t.rapport, Fout: t.fout, Map: t.map_,
		Tel: map[string]int{}}
	st.Uitslagen = slices.Clone(t.uitslagen)
	slices.SortStableFunc(st.Uitslagen, func(a, b uitslag) int { return a.volgnr - b.volgnr })
	for _, u := range t.uitslagen {
		st.Tel[u.Status]++
	}
	return st
}

func (t *taak) bezig(wat string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fase, t.wat = faseBezig, wat
}

// stap records progress: gedaan of totaal steps, wat comes next.
func (t *taak) stap(gedaan, totaal int, wat string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.fase, t.gedaan, t.totaal, t.wat = faseBezig, gedaan, totaal, wat
}

// voegToe records one file's result; wat is the next file.
func (t *taak) voegToe(u uitslag, wat string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.uitslagen = append(t.uitslagen, u)
	t.gedaan, t.wat = len(t.uitslagen), wat
}

func (t *taak) klaar(err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fase == faseKlaar {
		return
	}
	t.fase, t.eind, t.wat = faseKlaar, time.Now(), ""
	if err != nil {
		t.fout = err.Error()
	}
}

func (t *taak) isKlaar() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.fase == faseKlaar
}

// taken are the jobs of this server, the finished ones kept for a while
// so their pages can be opened again.
type taken struct {
	mu   sync.Mutex
	alle map[string]*taak
	rij  []*taak // oldest first
}

// Bounds: how many jobs may wait or run at once (the rest is told to try
// again later) and how many finished ones are kept.
const (
	maxOpen     = 4
	maxBewaard  = 100
	maxOverzien = 10 // shown on the Aanleveren page
)

var errVol = errors.New("Er wachten al vier opdrachten op hun beurt. Probeer het over een paar minuten opnieuw.")

func nieuweTaken() *taken { return &taken{alle: map[string]*taak{}} }

// vol reports whether no job can be added now.
func (ts *taken) vol() bool {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return ts.open() >= maxOpen
}

func (ts *taken) open() int {
	n := 0
	for _, t := range ts.rij {
		if !t.isKlaar() {
			n++
		}
	}
	return n
}

func (ts *taken) nieuw(soort string, se sessie, totaal int) (*taak, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.open() >= maxOpen {
		return nil, errVol
	}
	t := &taak{ID: willekeurig(), Soort: soort, Begin: time.Now(), sessie: se.ID, fase: faseWacht, totaal: totaal}
	ts.alle[t.ID] = t
	ts.rij = append(ts.rij, t)
	for i := 0; len(ts.rij) > maxBewaard && i < len(ts.rij); {
		if old := ts.rij[i]; old.isKlaar() {
			delete(ts.alle, old.ID)
			ts.rij = append(ts.rij[:i], ts.rij[i+1:]...)
			continue
		}
		i++
	}
	return t, nil
}

func (ts *taken) zoek(id string) (*taak, bool) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	t, ok := ts.alle[id]
	return t, ok
}

// lopend is the job that has the werkmap now, if any.
func (ts *taken) lopend() *taak {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	for _, t := range ts.rij {
		t.mu.Lock()
		f := t.fase
		t.mu.Unlock()
		if f == faseBezig {
			return t
		}
	}
	return nil
}

// recent are the newest jobs of a kind, newest first.
func (ts *taken) recent(soort string) []stand {
	ts.mu.Lock()
	rij := append([]*taak(nil), ts.rij...)
	ts.mu.Unlock()
	var out []stand
	for i := len(rij) - 1; i >= 0 && len(out) < maxOverzien; i-- {
		if rij[i].Soort == soort {
			out = append(out, rij[i].stand())
		}
	}
	return out
}

// register holds the files a user may download by id: the terugmeldingen
// this server's imports wrote. Only what is in it can be downloaded; the
// path never comes from a request.
type register struct {
	mu  sync.Mutex
	m   map[string]downloadbaar
	rij []string
}

type downloadbaar struct {
	Pad      string
	Soort    string // "terugmelding"
	Partner  string // whose file it is (for a partner's own view later)
	Levering int64
}

const maxRegister = 10_000

func nieuwRegister() *register { return &register{m: map[string]downloadbaar{}} }

// voegToe registers a file and returns its id. An earlier entry for the
// same path goes: ingest wrote the file anew for a later levering of the
// same name, so it is no longer the earlier levering's.
func (r *register) voegToe(d downloadbaar) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := 0; i < len(r.rij); {
		if r.m[r.rij[i]].Pad == d.Pad {
			delete(r.m, r.rij[i])
			r.rij = append(r.rij[:i], r.rij[i+1:]...)
			continue
		}
		i++
	}
	id := willekeurig()
	r.m[id] = d
	r.rij = append(r.rij, id)
	if len(r.rij) > maxRegister {
		delete(r.m, r.rij[0])
		r.rij = r.rij[1:]
	}
	return id
}

func (r *register) zoek(id string) (downloadbaar, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	d, ok := r.m[id]
	return d, ok
}

// vanLevering is the newest registered terugmelding of a levering.
func (r *register) vanLevering(id int64) (string, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.rij) - 1; i >= 0; i-- {
		if d := r.m[r.rij[i]]; d.Levering == id && d.Soort == "terugmelding" {
			return r.rij[i], true
		}
	}
	return "", false
}
