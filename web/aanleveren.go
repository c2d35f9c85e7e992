package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// aanleveren is the Aanleveren page: the upload form and the latest
// uploads.
func (s *Server) aanleveren(w http.ResponseWriter, r *http.Request, se sessie) {
	s.toon(w, r, http.StatusOK, "aanleveren.html", pagina{Titel: "Aanleveren", Actief: "aanleveren", Inhoud: struct {
		Opties
		MaxBestandMB, MaxTotaalMB int64
		Accept                    string
		Recent                    []stand
	}{s.opt, s.opt.MaxBestand >> 20, s.opt.MaxTotaal >> 20, accept(), s.taken.recent(soortAanlevering)}})
}

const (
	soortAanlevering = "aanlevering"
	soortRapportage  = "rapportage"
)

// extensies are the kinds of file an upload may hold: what ingest reads,
// and the Excel kinds it explains how to save as .xlsx.
var extensies = []string{".xlsx", ".xlsm", ".csv", ".txt", ".qdpx", ".xls", ".xlsb", ".ods"}

func accept() string { return strings.Join(extensies, ",") }

// aanvraagFout is a refusal of an upload, with its status code.
type aanvraagFout struct {
	code    int
	bericht string
}

func (e aanvraagFout) Error() string { return e.bericht }

func weiger(code int, format string, a ...any) error {
	return aanvraagFout{code, fmt.Sprintf(format, a...)}
}

// ontvang takes an upload: it streams the files into a new folder under
// the werkmap's inbox, checking the CSRF token before the first file and
// the bounds on the way, and starts their import. Whatever is refused
// leaves nothing behind.
func (s *Server) ontvang(w http.ResponseWriter, r *http.Request, se sessie) {
	if s.taken.vol() {
		s.fout(w, r, http.StatusServiceUnavailable, errVol.Error())
		return
	}
	u := &upload{s: s, se: se, token: r.Header.Get("X-CSRF-Token")}
	err := u.lees(w, r)
	if err == nil && u.aantal() == 0 {
		err = weiger(http.StatusBadRequest, "Er zat geen bestand bij. Kies eerst één of meer bestanden.")
	}
	if err == nil && u.proef {
		err = weiger(http.StatusBadRequest, "%s", errGeenProef.Error())
	}
	var t *taak
	if err == nil {
		t, err = s.begin(soortAanlevering, se, u.aantal(), u.importeer)
	}
	if err != nil {
		u.opruimen()
		code := http.StatusServiceUnavailable
		var af aanvraagFout
		if errors.As(err, &af) {
			code = af.code
		}
		s.fout(w, r, code, err.Error())
		return
	}
	s.naarTaak(w, r, t)
}

// naarTaak sends the browser to a job's page.
func (s *Server) naarTaak(w http.ResponseWriter, r *http.Request, t *taak) {
	naar := "/taak/" + t.ID
	if wilJSON(r) {
		schrijfJSON(w, http.StatusOK, map[string]string{"naar": naar})
		return
	}
	http.Redirect(w, r, naar, http.StatusSeeOther)
}

// upload is one upload being received.
type upload struct {
	s     *Server
	se    sessie
	token string
	proef bool
	// root is the new folder the files go to, map_ its path; paden the
	// files written.
	root  *os.Root
	map_  string
	paden []string
	// geweigerd are the files refused on arrival (their name, kind or
	// size), with the reason; they are not stored.
	geweigerd []uitslag
	// volgnrs are the places of paden among all files of the upload, so
	// the results come in the order the files were sent.
	volgnrs []int
}

// aantal is the number of files received so far.
func (u *upload) aantal() int { return len(u.paden) + len(u.geweigerd) }

// lees reads the parts of the upload.
func (u *upload) lees(w http.ResponseWriter, r *http.Request) error {
	defer func() {
		if u.root != nil {
			u.root.Close()
		}
	}()
	opt := u.s.opt
	teGroot := weiger(http.StatusRequestEntityTooLarge,
		"Deze aanlevering is te groot: samen hoogstens %d MB per keer. Lever de bestanden in delen aan.", opt.MaxTotaal>>20)
	if r.ContentLength > opt.MaxTotaal {
		return teGroot
	}
	r.Body = http.MaxBytesReader(w, r.Body, opt.MaxTotaal)
	mr, err := r.MultipartReader()
	if err != nil {
		return weiger(http.StatusBadRequest, "Er kwamen geen bestanden aan. Kies de bestanden en probeer het opnieuw.")
	}
	velden := 0
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return teGroot
		}
		if err != nil {
			return weiger(http.StatusBadRequest, "De aanlevering kwam niet helemaal aan. Probeer het opnieuw.")
		}
		switch part.FormName() {
		case "csrf":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			u.token = string(b)
		case "proef":
			u.proef = true
		case "bestand":
			if !u.s.bev.tokenGeldig(u.se, u.token) {
				return weiger(http.StatusForbidden, "%s", errToken.Error())
			}
			if part.FileName() == "" {
				continue // the form's empty file field
			}
			if u.aantal() == opt.MaxBestanden {
				return weiger(http.StatusRequestEntityTooLarge,
					"Dat zijn te veel bestanden: hoogstens %d per keer. Lever de rest daarna aan.", opt.MaxBestanden)
			}
			if err := u.bewaar(part); err != nil {
				if errors.As(err, &mb) {
					return teGroot
				}
				return err
			}
		}
		part.Close()
		if velden++; velden > 4*opt.MaxBestanden+10 {
			return weiger(http.StatusBadRequest, "Deze aanlevering heeft te veel onderdelen.")
		}
	}
	if !u.s.bev.tokenGeldig(u.se, u.token) {
		return weiger(http.StatusForbidden, "%s", errToken.Error())
	}
	return nil
}

// bewaar writes one uploaded file into the upload's folder under a safe
// name, never over another file. A file refused for its name, kind or
// size is noted in geweigerd and the upload goes on; an error ends it.
func (u *upload) bewaar(part *multipart.Part) error {
	naam, err := veiligeNaam(part.FileName())
	if err != nil {
		return u.weigerBestand(part, naamVoorTonen(part.FileName()), err.Error())
	}
	if u.root == nil {
		if err := u.maakMap(); err != nil {
			return err
		}
	}
	f, err := u.root.OpenFile(naam, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return u.weigerBestand(part, naam, naam+" zit twee keer in deze aanlevering; het tweede is niet ingelezen.")
	}
	if err != nil {
		return fmt.Errorf("%s bewaren: %w", naam, err)
	}
	max := u.s.opt.MaxBestand
	n, err := io.Copy(f, io.LimitReader(part, max+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > max {
		u.root.Remove(naam)
		return u.weigerBestand(part, naam, fmt.Sprintf(
			"%s is te groot: hoogstens %d MB per bestand. Vraag de partner het bestand te splitsen, bijvoorbeeld per kwartaal.", naam, max>>20))
	}
	if err != nil {
		u.root.Remove(naam)
		return err
	}
	u.volgnrs = append(u.volgnrs, u.aantal())
	u.paden = append(u.paden, filepath.Join(u.map_, naam))
	return nil
}

// weigerBestand notes a refused file and skips the rest of its bytes.
func (u *upload) weigerBestand(part *multipart.Part, naam, waarom string) error {
	u.geweigerd = append(u.geweigerd, uitslag{Naam: naam, Status: "afgewezen", Soort: "fout", Fout: waarom, volgnr: u.aantal()})
	_, err := io.Copy(io.Discard, part)
	return err
}

// naamVoorTonen is a client's file name as a page may show it: its last
// element, valid UTF-8, bounded.
func naamVoorTonen(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	if strings.TrimSpace(s) == "" {
		return "(zonder naam)"
	}
	return s
}

// uploadMap is the folder in the inbox where uploads go, each in a
// folder of its own, so that no upload replaces another's file and the
// command line (kansrijk import inbox) sees them as already imported.
const uploadMap = "web"

// maakMap makes the upload's own folder, inbox/web/<time>_<random>,
// through an os.Root of the werkmap, so no name can lead outside it.
func (u *upload) maakMap() error {
	werkmap, err := os.OpenRoot(u.s.plaats.dir)
	if err != nil {
		return err
	}
	defer werkmap.Close()
	naam := time.Now().Format("2006-01-02_150405") + "_" + willekeurig()[:8]
	rel := filepath.Join("inbox", uploadMap, naam)
	if err := werkmap.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
		return fmt.Errorf("map voor aanleveringen maken: %w", err)
	}
	if err := werkmap.Mkdir(rel, 0o755); err != nil {
		return fmt.Errorf("map voor deze aanlevering maken: %w", err)
	}
	if u.root, err = werkmap.OpenRoot(rel); err != nil {
		return err
	}
	u.map_ = filepath.Join(u.s.plaats.dir, rel)
	return nil
}

// opruimen removes the upload's folder after a refusal.
func (u *upload) opruimen() {
	if u.map_ != "" {
		os.RemoveAll(u.map_)
	}
}

// importeer is the upload's job: the same import as kansrijk import.
func (u *upload) importeer(t *taak) error {
	t.mu.Lock()
	t.map_ = u.map_
	t.mu.Unlock()
	for _, g := range u.geweigerd {
		t.voegToe(g, "")
	}
	if len(u.paden) == 0 {
		return nil
	}
	namen := make([]string, len(u.paden))
	for i, p := range u.paden {
		namen[i] = filepath.Base(p)
	}
	err := u.s.plaats.importeer(u.s.ctx, u.paden, importOpties{Proef: u.proef},
		func() { t.bezig(namen[0]) },
		func(i int, res uitslag) {
			res.volgnr = u.volgnrs[i]
			if res.terugmelding != "" {
				res.Terugmelding = u.s.bestanden.voegToe(downloadbaar{
					Pad: res.terugmelding, Soort: "terugmelding", Partner: res.Partner, Levering: res.LeveringID})
			}
			volgende := ""
			if i+1 < len(namen) {
				volgende = namen[i+1]
			}
			t.voegToe(res, volgende)
		})
	if os.Remove(u.map_) == nil {
		// Empty: every file was stored before.
		t.mu.Lock()
		t.map_ = ""
		t.mu.Unlock()
	}
	if errors.Is(err, errBezig) {
		return fmt.Errorf("kansrijk web stopte voordat deze aanlevering aan de beurt was; de bestanden staan in %s", u.map_)
	}
	if err != nil {
		return fmt.Errorf("%v. De bestanden staan in %s; lever ze later opnieuw aan of lees ze in met kansrijk import", err, u.map_)
	}
	return nil
}

// maxNaam bounds a file name in bytes, extension included.
const maxNaam = 150

// veiligeNaam makes a client's file name safe to store: only its last
// element, without control or format characters, without the characters
// file systems refuse, not hidden, not too long, and of a kind that
// kansrijk reads. The name matters (partners are recognised by it), so
// it is kept as far as it is safe.
func veiligeNaam(s string) (string, error) {
	s = strings.ToValidUTF8(s, "")
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		s = s[i+1:]
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			return -1
		case strings.ContainsRune(`<>:"|?*`, r):
			return '_'
		}
		return r
	}, s)
	s = strings.Trim(s, " .")
	ext := strings.ToLower(filepath.Ext(s))
	if len(s) > maxNaam {
		// An "extension" longer than the name may be (a dot, then 150
		// bytes) leaves no stem.
		ext = ext[:min(len(ext), maxNaam)]
		stam := s[:maxNaam-len(ext)]
		for !utf8.ValidString(stam) {
			stam = stam[:len(stam)-1]
		}
		s = stam + s[len(s)-len(ext):]
	}
	stam := strings.TrimSuffix(s, filepath.Ext(s))
	if strings.Trim(stam, " ._-") == "" {
		return "", errors.New("Dit bestand heeft geen bruikbare naam. Geef het een naam zoals de partner het aanlevert, bijvoorbeeld Verloskundigen_2026-K3.xlsx, en lever het opnieuw aan.")
	}
	for _, e := range extensies {
		if ext == e {
			return s, nil
		}
	}
	return "", fmt.Errorf("%s: dit soort bestand leest kansrijk niet. Lever Excel (.xlsx), CSV (.csv) of een REFI-QDA-project (.qdpx) aan.", s)
}
