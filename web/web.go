// Package web is kansrijk's local web page for the gemeente data person:
// drop partner files and see what is wrong, send the terugmelding, see
// the delivery status, make and open the reports, read the settings.
//
// It is built on net/http and html/template with a little embedded
// JavaScript for drag-and-drop and progress (the pages work without it).
// Everything is served from the same origin and no page makes an
// external request. Safe by default: the Host header is checked (against
// DNS rebinding), every form post carries a CSRF token bound to the
// session, uploads are bounded and stored under the werkmap with names
// made safe, downloads are looked up server-side, and a panic in a
// handler or a job becomes a Dutch error page rather than a crash.
//
// There are no accounts yet: whoever can reach the server may do
// everything, which is why kansrijk web listens on loopback unless told
// otherwise. Each route names the right it needs (see recht), so that
// accounts and roles can be added in one place.
package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"kansrijk/workspace"
)

// Opties bound what the server accepts.
type Opties struct {
	// MaxBestanden is the number of files one upload may hold.
	MaxBestanden int
	// MaxBestand is the size of one uploaded file in bytes; MaxTotaal the
	// size of the whole upload.
	MaxBestand int64
	MaxTotaal  int64
	// Hosts are host names, besides localhost and IP addresses, that
	// requests may name in their Host header: the name the server was
	// told to listen on.
	Hosts []string
	// Log receives what went wrong inside the server (never a user's
	// data); nil logs to standard error.
	Log *log.Logger
}

// Standaard are the bounds kansrijk web uses.
var Standaard = Opties{MaxBestanden: 20, MaxBestand: 100 << 20, MaxTotaal: 250 << 20}

// Server serves the pages of one werkmap.
type Server struct {
	opt       Opties
	plaats    *werkplaats
	bev       *beveiliging
	taken     *taken
	bestanden *register
	paginas   map[string]*template.Template
	handler   http.Handler

	// ctx ends the jobs when the server stops; wg waits for them.
	ctx   context.Context
	stop  context.CancelFunc
	wg    sync.WaitGroup
	mu    sync.Mutex
	dicht bool // Shutdown was called: no new jobs
}

//go:embed sjablonen/*.html
var sjablonen embed.FS

// New makes the server of the werkmap in dir. The werkmap must exist; its
// kansrijk.toml is read afresh for every request, and may be wrong (the
// Instellingen page then says what is wrong).
func New(dir string, opt Opties) (*Server, error) {
	if _, err := os.Stat(filepath.Join(dir, workspace.ConfigNaam)); err != nil {
		_, err := workspace.Open(dir)
		return nil, err
	}
	if opt.MaxBestanden <= 0 {
		opt.MaxBestanden = Standaard.MaxBestanden
	}
	if opt.MaxBestand <= 0 {
		opt.MaxBestand = Standaard.MaxBestand
	}
	if opt.MaxTotaal <= 0 {
		opt.MaxTotaal = Standaard.MaxTotaal
	}
	if opt.Log == nil {
		opt.Log = log.New(os.Stderr, "kansrijk web: ", log.LstdFlags)
	}
	bev, err := nieuweBeveiliging(opt.Hosts)
	if err != nil {
		return nil, err
	}
	s := &Server{opt: opt, plaats: nieuweWerkplaats(dir), bev: bev, taken: nieuweTaken(), bestanden: nieuwRegister()}
	s.ctx, s.stop = context.WithCancel(context.Background())
	if s.paginas, err = laadPaginas(); err != nil {
		return nil, err
	}
	s.handler = s.routes()
	return s, nil
}

// ServeHTTP serves the pages.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Shutdown refuses new jobs and waits for the running ones (an import
// commits per levering, so one that is stopped keeps what it stored);
// when ctx ends first, it stops them and waits for that.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.dicht = true
	s.mu.Unlock()
	klaar := make(chan struct{})
	go func() { s.wg.Wait(); close(klaar) }()
	select {
	case <-klaar:
		s.stop()
		return nil
	case <-ctx.Done():
		s.stop()
		<-klaar
		return ctx.Err()
	}
}

// recht is what a route allows. Without accounts every visitor has every
// right (see sessie.mag); with them, a role grants some.
type recht int

const (
	rechtLezen      recht = iota // the reports and the overview
	rechtAanleveren              // upload files, see their results and terugmeldingen
	rechtBeheren                 // the delivery status of all partners, making reports, the settings
)

// route is one page or action of the server.
type route struct {
	patroon string
	recht   recht
	h       func(w http.ResponseWriter, r *http.Request, se sessie)
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	for _, rt := range []route{
		{"GET /{$}", rechtAanleveren, s.aanleveren},
		{"POST /aanleveren", rechtAanleveren, s.ontvang},
		{"GET /taak/{id}", rechtAanleveren, s.taakPagina},
		{"GET /taak/{id}/voortgang", rechtAanleveren, s.taakVoortgang},
		{"GET /levering/{id}", rechtAanleveren, s.leveringPagina},
		{"GET /terugmelding/{id}", rechtAanleveren, s.terugmelding},
		{"GET /status", rechtBeheren, s.status},
		{"GET /rapporten", rechtLezen, s.rapporten},
		{"POST /rapporten", rechtBeheren, s.maakRapporten},
		{"GET /rapporten/{kwartaal}/{naam}", rechtLezen, s.rapportBestand},
		{"GET /export/kansrijk-cijfers.xlsx", rechtBeheren, s.export},
		{"GET /instellingen", rechtBeheren, s.instellingen},
	} {
		mux.Handle(rt.patroon, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			se := sessieVan(r)
			if !se.mag(rt.recht) {
				s.fout(w, r, http.StatusForbidden, "U mag dit niet doen.")
				return
			}
			if r.Method == http.MethodPost {
				if err := s.bev.herkomst(r, se); err != nil {
					s.fout(w, r, http.StatusForbidden, err.Error())
					return
				}
			}
			rt.h(w, r, se)
		}))
	}
	mux.HandleFunc("GET /static/{naam}", statisch)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fout(w, r, http.StatusNotFound, "Deze pagina bestaat niet.")
	})
	return s.herstel(s.bev.kopteksten(s.bev.hostcontrole(s.bev.sessies(mux))))
}

// herstel turns a panic in a handler into an error page, so that a bad
// file or a bug in one request never takes the server down.
func (s *Server) herstel(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			s.opt.Log.Printf("interne fout bij %s %s: %v", r.Method, r.URL.Path, v)
			s.fout(w, r, http.StatusInternalServerError,
				"Er ging iets mis in kansrijk zelf. Wat al was opgeslagen, blijft bewaard. Meld dit aan de beheerder van kansrijk.")
		}()
		next.ServeHTTP(w, r)
	})
}

// pagina is what every page template gets.
type pagina struct {
	Titel   string
	Actief  string // the menu item of the page
	CSRF    string
	Werkmap string
	// ConfigFout is set when kansrijk.toml cannot be used.
	ConfigFout string
	Inhoud     any
}

func laadPaginas() (map[string]*template.Template, error) {
	basis, err := template.New("").Funcs(funcs).ParseFS(sjablonen, "sjablonen/basis.html")
	if err != nil {
		return nil, err
	}
	namen, err := sjablonen.ReadDir("sjablonen")
	if err != nil {
		return nil, err
	}
	out := map[string]*template.Template{}
	for _, n := range namen {
		if n.Name() == "basis.html" {
			continue
		}
		t, err := template.Must(basis.Clone()).ParseFS(sjablonen, "sjablonen/"+n.Name())
		if err != nil {
			return nil, err
		}
		out[n.Name()] = t
	}
	return out, nil
}

// toon renders page naam with status code.
func (s *Server) toon(w http.ResponseWriter, r *http.Request, code int, naam string, p pagina) {
	t, ok := s.paginas[naam]
	if !ok {
		panic("web: no template " + naam)
	}
	p.CSRF = s.bev.token(sessieVan(r))
	p.Werkmap = s.plaats.dir
	if p.ConfigFout == "" && p.Actief != "instellingen" {
		if _, err := s.plaats.werkmap(); err != nil {
			p.ConfigFout = err.Error()
		}
	}
	// Rendered into a buffer first, so that an error halfway gives an
	// error page rather than half a page.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "basis", p); err != nil {
		s.opt.Log.Printf("pagina %s: %v", naam, err)
		http.Error(w, "Deze pagina kon niet worden gemaakt.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// fout answers with an error page, or JSON for the page's script.
func (s *Server) fout(w http.ResponseWriter, r *http.Request, code int, bericht string) {
	if wilJSON(r) {
		schrijfJSON(w, code, map[string]string{"fout": bericht})
		return
	}
	titel := map[int]string{
		http.StatusNotFound: "Niet gevonden", http.StatusForbidden: "Geweigerd",
		http.StatusRequestEntityTooLarge: "Te groot", http.StatusServiceUnavailable: "Even geduld",
		http.StatusInternalServerError: "Er ging iets mis",
	}[code]
	if titel == "" {
		titel = "Dat lukte niet"
	}
	s.toon(w, r, code, "fout.html", pagina{Titel: titel, Inhoud: bericht})
}

// druk says the werkmap is busy with a job of this server.
func (s *Server) druk(w http.ResponseWriter, r *http.Request) {
	bericht := "Er loopt nu een aanlevering of worden rapporten gemaakt. Deze pagina is te zien zodra dat klaar is; probeer het zo opnieuw."
	if t := s.taken.lopend(); t != nil {
		bericht = fmt.Sprintf("Er loopt nu een %s (gestart om %s). Deze pagina is te zien zodra die klaar is; probeer het zo opnieuw.",
			t.Soort, t.Begin.Local().Format("15:04"))
	}
	w.Header().Set("Retry-After", "5")
	s.fout(w, r, http.StatusServiceUnavailable, bericht)
}

// mislukt answers an operation that failed: busy, unknown, or an error
// whose (Dutch) text says what went wrong.
func (s *Server) mislukt(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, errBezig):
		s.druk(w, r)
	case errors.Is(err, errOnbekend):
		s.fout(w, r, http.StatusNotFound, "Dit bestaat niet (meer).")
	case errors.As(err, new(storeDicht)):
		w.Header().Set("Retry-After", "5")
		s.fout(w, r, http.StatusServiceUnavailable, err.Error())
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		s.fout(w, r, http.StatusServiceUnavailable, "Dit duurde te lang of de server stopt; probeer het opnieuw.")
	default:
		s.opt.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		s.fout(w, r, http.StatusInternalServerError, err.Error())
	}
}

// begin registers a job, unless the server is stopping.
func (s *Server) begin(soort string, se sessie, totaal int, werk func(t *taak) error) (*taak, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dicht {
		return nil, errors.New("de server stopt; er kan niets meer worden gestart")
	}
	t, err := s.taken.nieuw(soort, se, totaal)
	if err != nil {
		return nil, err
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer func() {
			if v := recover(); v != nil {
				s.opt.Log.Printf("interne fout in %s %s: %v", soort, t.ID, v)
				t.klaar(errors.New("er ging iets mis in kansrijk zelf; wat al was opgeslagen, blijft bewaard. Meld dit aan de beheerder van kansrijk"))
			}
		}()
		t.klaar(werk(t))
	}()
	return t, nil
}
