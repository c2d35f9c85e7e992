package web

import (
	"bytes"
	"embed"
	"encoding/json"
	"html/template"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kansrijk"
)

// taakPagina shows a job: waiting, its progress, and when done what
// happened to each file or which reports were made.
func (s *Server) taakPagina(w http.ResponseWriter, r *http.Request, se sessie) {
	t, ok := s.taken.zoek(r.PathValue("id"))
	if !ok {
		s.fout(w, r, http.StatusNotFound, "Deze opdracht is onbekend. Na een herstart van kansrijk web zijn eerdere opdrachten niet meer te zien; de leveringen zelf staan bij Aanleverstatus.")
		return
	}
	st := t.stand()
	titel := "Aanlevering van " + st.Begin.Local().Format("02-01-2006 15:04")
	actief := "aanleveren"
	if st.Soort == soortRapportage {
		titel, actief = "Rapporten maken", "rapporten"
	}
	s.toon(w, r, http.StatusOK, "taak.html", pagina{Titel: titel, Actief: actief, Inhoud: st})
}

// taakVoortgang is a job's progress for the page's script.
func (s *Server) taakVoortgang(w http.ResponseWriter, r *http.Request, se sessie) {
	t, ok := s.taken.zoek(r.PathValue("id"))
	if !ok {
		schrijfJSON(w, http.StatusNotFound, map[string]string{"fout": "onbekende opdracht"})
		return
	}
	st := t.stand()
	schrijfJSON(w, http.StatusOK, map[string]any{
		"fase": st.Fase, "gedaan": st.Gedaan, "totaal": st.Totaal, "wat": st.Wat, "tekst": voortgangTekst(st),
	})
}

// voortgangTekst says in a sentence where a job is.
func voortgangTekst(st stand) string {
	switch st.Fase {
	case faseWacht:
		return "Wacht op een andere opdracht die nu met deze werkmap bezig is; daarna begint deze vanzelf."
	case faseKlaar:
		return "Klaar."
	}
	eenheid := "bestanden"
	if st.Soort == soortRapportage {
		eenheid = "stappen"
	}
	t := strconv.Itoa(st.Gedaan) + " van " + strconv.Itoa(st.Totaal) + " " + eenheid + " klaar"
	if st.Wat != "" {
		t += "; nu: " + st.Wat
	}
	return t + "."
}

// samenvatting counts an import's files per status, leaving out what
// did not happen: "3 bestanden: 2 ingelezen, 1 afgewezen".
func samenvatting(st stand) string {
	n := len(st.Uitslagen)
	t := strconv.Itoa(n) + " bestanden"
	if n == 1 {
		t = "1 bestand"
	}
	var delen []string
	for _, s := range []struct{ status, tekst string }{
		{"ingelezen", "ingelezen"}, {"al ingelezen", "al eerder ingelezen (niets veranderd)"}, {"afgewezen", "afgewezen"},
		{"niet herkend", "niet herkend"}, {"niet ondersteund", "nog niet ondersteund"},
	} {
		if k := st.Tel[s.status]; k > 0 {
			delen = append(delen, strconv.Itoa(k)+" "+s.tekst)
		}
	}
	if len(delen) == 0 {
		return t
	}
	return t + ": " + strings.Join(delen, ", ")
}

// leveringPagina shows one stored levering and its messages.
func (s *Server) leveringPagina(w http.ResponseWriter, r *http.Request, se sessie) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.fout(w, r, http.StatusNotFound, "Deze levering bestaat niet.")
		return
	}
	ctx := r.Context()
	l, err := s.plaats.levering(ctx, id)
	if err != nil {
		s.mislukt(w, r, err)
		return
	}
	l.Terugmelding, _ = s.bestanden.vanLevering(id)
	s.toon(w, r, http.StatusOK, "levering.html", pagina{Titel: "Levering " + l.Bestand, Actief: "status", Inhoud: l})
}

// terugmelding downloads a terugmelding this server's import wrote.
func (s *Server) terugmelding(w http.ResponseWriter, r *http.Request, se sessie) {
	d, ok := s.bestanden.zoek(r.PathValue("id"))
	if !ok {
		s.fout(w, r, http.StatusNotFound, "Deze terugmelding is niet (meer) te downloaden. Een nieuwere levering met dezelfde naam kan haar hebben vervangen; de meldingen staan bij de levering onder Aanleverstatus.")
		return
	}
	dir, naam := filepath.Split(d.Pad)
	s.stuurBestand(w, r, dir, naam, true)
}

// stuurBestand sends file naam from folder dir, opened through an
// os.Root so that it cannot lead elsewhere; as a download (attachment)
// or, for a report's HTML, to show in the browser.
func (s *Server) stuurBestand(w http.ResponseWriter, r *http.Request, dir, naam string, bijlage bool) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		s.fout(w, r, http.StatusNotFound, "Dit bestand is er niet (meer).")
		return
	}
	defer root.Close()
	f, err := root.Open(naam)
	if err != nil {
		s.fout(w, r, http.StatusNotFound, "Dit bestand is er niet (meer). Maak het opnieuw.")
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		s.fout(w, r, http.StatusNotFound, "Dit bestand is er niet (meer).")
		return
	}
	h := w.Header()
	soort := mime.TypeByExtension(strings.ToLower(path.Ext(naam)))
	switch strings.ToLower(path.Ext(naam)) {
	case ".xlsx":
		soort = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".html":
		soort = "text/html; charset=utf-8"
		h.Set("Content-Security-Policy", rapportCSP)
	case ".pdf":
		soort = "application/pdf"
	}
	if soort == "" {
		soort = "application/octet-stream"
	}
	h.Set("Content-Type", soort)
	wijze := "inline"
	if bijlage {
		wijze = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(wijze, map[string]string{"filename": naam}))
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// status is the Aanleverstatus page.
func (s *Server) status(w http.ResponseWriter, r *http.Request, se sessie) {
	st, err := s.plaats.aanleverstatus(r.Context())
	if err != nil {
		s.mislukt(w, r, err)
		return
	}
	s.toon(w, r, http.StatusOK, "status.html", pagina{Titel: "Aanleverstatus", Actief: "status", Inhoud: st})
}

// rapporten is the Rapporten page: make the reports of a kwartaal, and
// the files there are for it.
func (s *Server) rapporten(w http.ResponseWriter, r *http.Request, se sessie) {
	kwartalen, err := s.plaats.kwartalen(r.Context())
	if err != nil {
		s.mislukt(w, r, err)
		return
	}
	var q kansrijk.Kwartaal
	if v := r.URL.Query().Get("kwartaal"); v != "" {
		if q, err = kansrijk.ParseKwartaal(v); err != nil {
			s.fout(w, r, http.StatusBadRequest, "Onbekend kwartaal: "+err.Error())
			return
		}
	} else if len(kwartalen) > 0 {
		q = kwartalen[len(kwartalen)-1]
	}
	inhoud := struct {
		Kwartaal  kansrijk.Kwartaal
		Kwartalen []kansrijk.Kwartaal
		Rijen     []rapportRij
		Recent    []stand
	}{Kwartaal: q, Kwartalen: kwartalen, Recent: s.taken.recent(soortRapportage)}
	if !q.IsZero() {
		if inhoud.Rijen, err = s.plaats.rapportBestanden(q); err != nil {
			s.mislukt(w, r, err)
			return
		}
	}
	s.toon(w, r, http.StatusOK, "rapporten.html", pagina{Titel: "Rapporten", Actief: "rapporten", Inhoud: inhoud})
}

// maakRapporten starts making the reports of a kwartaal.
func (s *Server) maakRapporten(w http.ResponseWriter, r *http.Request, se sessie) {
	if err := s.bev.formulier(w, r, se); err != nil {
		s.fout(w, r, http.StatusForbidden, err.Error())
		return
	}
	q, err := kansrijk.ParseKwartaal(r.PostForm.Get("kwartaal"))
	if err != nil {
		s.fout(w, r, http.StatusBadRequest, "Kies een kwartaal, zoals 2026-K3: "+err.Error())
		return
	}
	t, err := s.begin(soortRapportage, se, 0, func(t *taak) error {
		uit, err := s.plaats.maakRapporten(s.ctx, q, t.stap)
		t.mu.Lock()
		t.rapport = &uit
		t.mu.Unlock()
		return err
	})
	if err != nil {
		s.fout(w, r, http.StatusServiceUnavailable, err.Error())
		return
	}
	s.naarTaak(w, r, t)
}

// rapportBestand sends a report file: the name must be one kansrijk
// writes for the kwartaal. The HTML opens in the browser unless a
// download is asked for.
func (s *Server) rapportBestand(w http.ResponseWriter, r *http.Request, se sessie) {
	q, err := kansrijk.ParseKwartaal(r.PathValue("kwartaal"))
	if err != nil {
		s.fout(w, r, http.StatusNotFound, "Dit rapport bestaat niet.")
		return
	}
	naam := r.PathValue("naam")
	dir, ok := s.plaats.rapportPad(q, naam)
	if !ok {
		s.fout(w, r, http.StatusNotFound, "Dit rapport bestaat niet.")
		return
	}
	bijlage := r.URL.Query().Has("download") || !strings.HasSuffix(naam, ".html")
	s.stuurBestand(w, r, dir, naam, bijlage)
}

// export sends the Excel export of every figure, made now.
func (s *Server) export(w http.ResponseWriter, r *http.Request, se sessie) {
	var buf bytes.Buffer
	if err := s.plaats.exporteer(r.Context(), &buf); err != nil {
		s.mislukt(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{
		"filename": "kansrijk-cijfers-" + time.Now().Format("2006-01-02") + ".xlsx"}))
	w.Write(buf.Bytes())
}

// instellingen is the Instellingen page: kansrijk.toml, read-only, with
// what checking it says.
func (s *Server) instellingen(w http.ResponseWriter, r *http.Request, se sessie) {
	in := s.plaats.instellingen()
	s.toon(w, r, http.StatusOK, "instellingen.html", pagina{Titel: "Instellingen", Actief: "instellingen", ConfigFout: in.Fout, Inhoud: in})
}

//go:embed statisch
var statischFS embed.FS

// statisch serves the page's own style sheet, script and icon: only the
// files embedded, never a listing.
func statisch(w http.ResponseWriter, r *http.Request) {
	naam := r.PathValue("naam")
	data, err := statischFS.ReadFile("statisch/" + naam)
	if err != nil || strings.Contains(naam, "/") {
		http.NotFound(w, r)
		return
	}
	soort := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}[path.Ext(naam)]
	w.Header().Set("Content-Type", soort)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", opgestart, bytes.NewReader(data))
}

// opgestart stamps the embedded files for caching.
var opgestart = time.Now()

// wilJSON reports whether the page's script asked (for JSON rather than a
// page).
func wilJSON(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/json")
}

func schrijfJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"datum": func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Local().Format("02-01-2006 15:04")
	},
	"procent": func(a, b int) int {
		if b <= 0 {
			return 0
		}
		return 100 * a / b
	},
	"pad": func(q kansrijk.Kwartaal, naam string) string {
		return "/rapporten/" + q.String() + "/" + url.PathEscape(naam)
	},
	"regels":         func(s string) []string { return strings.Split(strings.TrimSuffix(s, "\n"), "\n") },
	"voortgangTekst": voortgangTekst,
	"samenvatting":   samenvatting,
}
