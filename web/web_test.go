package web

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/eval"
	"kansrijk/store"
	"kansrijk/workspace"
)

// testConfig is a werkmap of one coalitie with a wijkteam and a
// verloskundige practice.
const testConfig = `regio = "Testregio"

[[coalitie]]
  naam = "Lindehoven"
  gemeenten = ["Lindehoven"]

[[partner]]
  naam = "Sociaal wijkteam Lindehoven"
  bron = "wijkteam"
  bestanden = ["wijkteam_lindehoven_*"]
  gemeenten = ["Lindehoven"]

[[partner]]
  naam = "Verloskundigen Lindehoven"
  bron = "verloskunde"
  bestanden = ["Verloskundigen_Lindehoven_*"]
  gemeenten = ["Lindehoven"]
`

// wijkteamCSV is a wijkteam export written by hand: three aanmeldingen,
// the second on 30 February, which does not exist (cell B3). By hand: 3
// rows, 2 accepted, 1 rejected, 1 error.
const wijkteamCSV = "Dossiernummer;Aanmelddatum;Datum start hulp;Hulpvraag;Eenoudergezin;Zwanger of kind < 1 jaar;Opmerking\r\n" +
	"LH-26-1001;15-01-2026;20-01-2026;Opvoeding;nee;ja;\r\n" +
	"LH-26-1002;30-02-2026;05-03-2026;Financiële zorgen;nee;ja;\r\n" +
	"LH-26-1003;03-02-2026;10-02-2026;Psychische klachten;ja;ja;eerste gesprek\r\n"

// kapotXLSX starts like a zip (an xlsx) but is none.
const kapotXLSX = "PK\x03\x04dit is geen werkmap"

// werkmapVoorTest makes a werkmap with config and an empty store.
func werkmapVoorTest(t *testing.T, config string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "werkmap")
	w, err := workspace.Init(dir, []byte(config))
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(w.Database(), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	return dir
}

// testServer serves dir; the jobs are stopped when the test ends.
func testServer(t *testing.T, dir string, opt Opties) (*Server, *httptest.Server) {
	t.Helper()
	var logbuf bytes.Buffer
	opt.Log = log.New(&logbuf, "", 0)
	s, err := New(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(func() {
		ts.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.Shutdown(ctx); err != nil {
			t.Errorf("Shutdown: %v", err)
		}
		if logbuf.Len() > 0 {
			t.Logf("server log:\n%s", logbuf.String())
		}
	})
	return s, ts
}

// opzet is a test werkmap (testConfig) with its server and a browser.
func opzet(t *testing.T, opt Opties) (string, *httptest.Server, *bezoeker) {
	t.Helper()
	dir := werkmapVoorTest(t, testConfig)
	_, ts := testServer(t, dir, opt)
	return dir, ts, nieuweBezoeker(t, ts)
}

// bezoeker is a browser: a client with cookies that does not follow
// redirects.
type bezoeker struct {
	t    *testing.T
	c    *http.Client
	base string
}

func nieuweBezoeker(t *testing.T, ts *httptest.Server) *bezoeker {
	jar, _ := cookiejar.New(nil)
	return &bezoeker{t: t, base: ts.URL, c: &http.Client{Jar: jar, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

var reToken = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// token opens the Aanleveren page (getting a session) and returns the
// form's CSRF token.
func (b *bezoeker) token() string {
	b.t.Helper()
	_, body := b.get("/")
	m := reToken.FindStringSubmatch(body)
	if m == nil {
		b.t.Fatalf("no CSRF token on the page:\n%s", body)
	}
	return m[1]
}

func (b *bezoeker) get(pad string) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.Get(b.base + pad)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (b *bezoeker) do(req *http.Request) (*http.Response, string) {
	b.t.Helper()
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

// bestand is one file of an upload.
type bestand struct {
	naam, inhoud string
}

// uploadVerzoek makes the form post of the Aanleveren page: the token
// first, then the files.
func (b *bezoeker) uploadVerzoek(token string, bestanden ...bestand) *http.Request {
	b.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if token != "" {
		mw.WriteField("csrf", token)
	}
	for _, f := range bestanden {
		h := textproto.MIMEHeader{}
		// Written by hand: CreateFormFile would escape what the tests
		// want to send as it is.
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="bestand"; filename="%s"`, f.naam))
		h.Set("Content-Type", "application/octet-stream")
		w, _ := mw.CreatePart(h)
		io.WriteString(w, f.inhoud)
	}
	mw.Close()
	req, _ := http.NewRequest("POST", b.base+"/aanleveren", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Origin", b.base)
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	return req
}

// aanleveren uploads files and returns the job's page once it is done.
func (b *bezoeker) aanleveren(bestanden ...bestand) string {
	b.t.Helper()
	resp, body := b.do(b.uploadVerzoek(b.token(), bestanden...))
	if resp.StatusCode != http.StatusSeeOther {
		b.t.Fatalf("upload: %s\n%s", resp.Status, body)
	}
	return b.wachtOp(resp.Header.Get("Location"))
}

// wachtOp polls a job until it is done and returns its page.
func (b *bezoeker) wachtOp(taak string) string {
	b.t.Helper()
	for tot := time.Now().Add(60 * time.Second); time.Now().Before(tot); time.Sleep(50 * time.Millisecond) {
		if b.fase(taak) == "klaar" {
			_, body := b.get(taak)
			return body
		}
	}
	b.t.Fatalf("%s not done after a minute", taak)
	return ""
}

func (b *bezoeker) fase(taak string) string {
	b.t.Helper()
	resp, body := b.get(taak + "/voortgang")
	if resp.StatusCode != http.StatusOK {
		b.t.Fatalf("%s/voortgang: %s", taak, resp.Status)
	}
	var st struct{ Fase string }
	if err := json.Unmarshal([]byte(body), &st); err != nil {
		b.t.Fatal(err)
	}
	return st.Fase
}

// leveringen are what the store holds, opened as the command line would.
func leveringen(t *testing.T, dir string) []store.Levering {
	t.Helper()
	db, err := store.Open(filepath.Join(dir, "kansrijk.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatalf("the store is not free after the web's operation: %v", err)
	}
	defer db.Close()
	problemen, err := db.Controleer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range problemen {
		t.Errorf("store: %s", p)
	}
	ls, err := db.Leveringen(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// geuploadeBestanden lists the files under inbox/web.
func geuploadeBestanden(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(dir, "inbox", uploadMap), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

func TestAanleverenToontMeldingPerCel(t *testing.T) {
	dir, _, b := opzet(t, Opties{})
	page := b.aanleveren(
		bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV},
		bestand{"Verloskundigen_Lindehoven_2026-Q1.xlsx", kapotXLSX},
	)
	for _, want := range []string{
		"Klaar:</strong> 2 bestanden: 1 ingelezen, 1 afgewezen.</p>",
		"<dt>Rijen</dt><dd>3</dd>", "<dt>Geaccepteerd</dt><dd>2</dd>", "<dt>Afgewezen</dt><dd>1</dd>",
		`<td>Fout</td><td data-kop="Cel"><code>B3</code></td><td data-kop="Kolom">Aanmelddatum (B)</td><td data-kop="Rij">Dossiernummer LH-26-1002</td><td data-kop="Waarde"><code>30-02-2026</code></td>`,
		"deze datum bestaat niet",
		"Verloskundigen_Lindehoven_2026-Q1.xlsx: het bestand is beschadigd",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	// The terugmelding of the CSV, by the id on the page.
	m := regexp.MustCompile(`href="(/terugmelding/[^"]+)"`).FindAllStringSubmatch(page, -1)
	if len(m) != 1 {
		t.Fatalf("want 1 terugmelding link, got %d", len(m))
	}
	resp, body := b.get(m[0][1])
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "PK") {
		t.Fatalf("terugmelding: %s, %d bytes", resp.Status, len(body))
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename=wijkteam_lindehoven_2026-K1_terugmelding.xlsx` {
		t.Errorf("Content-Disposition %q", cd)
	}
	ls := leveringen(t, dir)
	if len(ls) != 1 || ls[0].Geaccepteerd != 2 || ls[0].Afgewezen != 1 {
		t.Fatalf("store holds %+v; want the CSV's levering with 2 accepted and 1 rejected row", ls)
	}
	// The levering's page shows the same message, from the store.
	_, lp := b.get(fmt.Sprintf("/levering/%d", ls[0].ID))
	if !strings.Contains(lp, "<code>B3</code>") || !strings.Contains(lp, m[0][1]) {
		t.Errorf("levering page lacks the message at B3 or the terugmelding link")
	}
	// Delivered again: nothing changes, and no twin stays in the inbox.
	again := b.aanleveren(bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV})
	if !strings.Contains(again, "Al eerder ingelezen") {
		t.Errorf("second delivery of the same file is not 'al ingelezen'")
	}
	if n := len(leveringen(t, dir)); n != 1 {
		t.Errorf("%d leveringen after delivering the same file twice, want 1", n)
	}
	if got := geuploadeBestanden(t, dir); len(got) != 2 {
		t.Errorf("uploaded files kept: %v; want the two of the first upload", got)
	}
}

func TestCSRF(t *testing.T) {
	dir, ts, b := opzet(t, Opties{})
	token := b.token()
	ander := nieuweBezoeker(t, ts).token() // another session's token
	f := bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV}
	tests := []struct {
		naam  string
		maak  func() *http.Request
		bezig *bezoeker
		want  string
	}{
		{"zonder token", func() *http.Request { return b.uploadVerzoek("", f) }, b, "verlopen"},
		{"fout token", func() *http.Request { return b.uploadVerzoek(token[:len(token)-2]+"xx", f) }, b, "verlopen"},
		{"token van een andere sessie", func() *http.Request { return b.uploadVerzoek(ander, f) }, b, "verlopen"},
		{"andere website (Origin)", func() *http.Request {
			r := b.uploadVerzoek(token, f)
			r.Header.Set("Origin", "http://kwaadaardig.example")
			return r
		}, b, "andere website"},
		{"andere website (Sec-Fetch-Site)", func() *http.Request {
			r := b.uploadVerzoek(token, f)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, b, "andere website"},
		{"zonder sessie", func() *http.Request { return b.uploadVerzoek(token, f) }, nieuweBezoeker(t, ts), "geen sessie"},
		{"token in kop, fout", func() *http.Request {
			r := b.uploadVerzoek("", f)
			r.Header.Set("X-CSRF-Token", ander)
			return r
		}, b, "verlopen"},
		{"rapporten zonder token", func() *http.Request {
			r, _ := http.NewRequest("POST", ts.URL+"/rapporten", strings.NewReader("kwartaal=2026-K1"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			return r
		}, b, "verlopen"},
	}
	for _, tt := range tests {
		t.Run(tt.naam, func(t *testing.T) {
			resp, body := tt.bezig.do(tt.maak())
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, tt.want) {
				t.Errorf("%s: %s, want 403 saying %q:\n%s", tt.naam, resp.Status, tt.want, body)
			}
		})
	}
	if got := geuploadeBestanden(t, dir); len(got) > 0 {
		t.Errorf("refused posts left files: %v", got)
	}
	if n := len(leveringen(t, dir)); n != 0 {
		t.Errorf("refused posts stored %d leveringen", n)
	}
	// The token in the header (the page's script) is accepted.
	r := b.uploadVerzoek("", f)
	r.Header.Set("X-CSRF-Token", token)
	if resp, body := b.do(r); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("upload with the token in X-CSRF-Token: %s\n%s", resp.Status, body)
	} else {
		b.wachtOp(resp.Header.Get("Location"))
	}
}

func TestUploadGrenzen(t *testing.T) {
	dir := werkmapVoorTest(t, testConfig)
	_, ts := testServer(t, dir, Opties{MaxBestanden: 2, MaxBestand: 1 << 10, MaxTotaal: 8 << 10})
	b := nieuweBezoeker(t, ts)
	klein := bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV}
	groot := bestand{"wijkteam_lindehoven_2026-K2.csv", wijkteamCSV + strings.Repeat("LH-26-2001;15-04-2026;20-04-2026;Opvoeding;nee;ja;\r\n", 40)}

	resp, body := b.do(b.uploadVerzoek(b.token(), klein, bestand{"a.csv", "x"}, bestand{"b.csv", "y"}))
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "te veel bestanden: hoogstens 2 per keer") {
		t.Errorf("three files: %s\n%s", resp.Status, body)
	}
	resp, body = b.do(b.uploadVerzoek(b.token(), bestand{"wijkteam_lindehoven_2026-K3.csv", strings.Repeat("x", 9<<10)}))
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "samen hoogstens 0 MB") && !strings.Contains(body, "te groot: samen") {
		t.Errorf("upload over the total: %s\n%s", resp.Status, body)
	}
	if got := geuploadeBestanden(t, dir); len(got) > 0 {
		t.Errorf("refused uploads left files: %v", got)
	}
	// A file over the bound is refused on its own; the other goes in.
	page := b.aanleveren(groot, klein)
	if !strings.Contains(page, "wijkteam_lindehoven_2026-K2.csv is te groot: hoogstens") {
		t.Errorf("the large file is not refused with its name and the bound")
	}
	if ls := leveringen(t, dir); len(ls) != 1 || ls[0].Bestand != klein.naam {
		t.Errorf("stored %+v; want the small file only", ls)
	}
	if got := geuploadeBestanden(t, dir); len(got) != 1 || filepath.Base(got[0]) != klein.naam {
		t.Errorf("kept %v; want the small file only", got)
	}
	resp, body = b.do(b.uploadVerzoek(b.token()))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Kies eerst één of meer bestanden") {
		t.Errorf("no files: %s\n%s", resp.Status, body)
	}
}

func TestVeiligeNaam(t *testing.T) {
	tests := []struct{ in, want string }{
		{"wijkteam_lindehoven_2026-K1.csv", "wijkteam_lindehoven_2026-K1.csv"},
		{"../../../kansrijk.csv", "kansrijk.csv"},
		{`..\..\Windows\evil.csv`, "evil.csv"},
		{"/etc/cron.d/x.csv", "x.csv"},
		{"C:\\Users\\ans\\Bureaublad\\JGZ 2026.xlsx", "JGZ 2026.xlsx"},
		{".verborgen.csv", "verborgen.csv"},
		{"nul\x00en\x1bescape.csv", "nulenescape.csv"},
		{"links\u202egpj.csv", "linksgpj.csv"}, // right-to-left override
		{"a:b|c?.csv", "a_b_c_.csv"},
		{"Cliënten 2026-K3.XLSX", "Cliënten 2026-K3.XLSX"},
		{"punt aan het eind.csv. ", "punt aan het eind.csv"},
		{strings.Repeat("é", 100) + ".csv", strings.Repeat("é", 73) + ".csv"},
	}
	for _, tt := range tests {
		got, err := veiligeNaam(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("veiligeNaam(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"", "..", "../", ".csv", "...csv", "passwd", "x.exe", "kansrijk.toml", "a/b/..", "x.csv/"} {
		if got, err := veiligeNaam(in); err == nil {
			t.Errorf("veiligeNaam(%q) = %q; want a refusal", in, got)
		}
	}
}

func TestNamenVanDeClientBlijvenInDeWerkmap(t *testing.T) {
	dir, _, b := opzet(t, Opties{})
	toml, _ := os.ReadFile(filepath.Join(dir, workspace.ConfigNaam))
	page := b.aanleveren(
		bestand{"../../wijkteam_lindehoven_2026-K1.csv", wijkteamCSV},
		bestand{`..\..\..\kansrijk.duckdb.csv`, "x;y\r\n1;2\r\n"},
		bestand{"../kansrijk.toml", "regio = \"overschreven\"\n"},
		bestand{"<img src=x onerror=alert(1)>.exe", "MZ"},
		bestand{"wijkteam_lindehoven_2026-K4.csv", "Dossiernummer;Aanmelddatum;Datum start hulp;Hulpvraag\r\nLH-1;<img src=y onerror=alert(2)>;;Opvoeding\r\n"},
	)
	for _, want := range []string{"&lt;img src=x onerror=alert(1)&gt;.exe", "&lt;img src=y onerror=alert(2)&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q: a file name or value is not escaped\n%s", want, page)
		}
	}
	if strings.Contains(page, "<img") {
		t.Errorf("the page holds a client's markup")
	}
	if !strings.Contains(page, "kansrijk.toml: dit soort bestand leest kansrijk niet") {
		t.Errorf("kansrijk.toml as a file name is not refused")
	}
	if after, _ := os.ReadFile(filepath.Join(dir, workspace.ConfigNaam)); !bytes.Equal(after, toml) {
		t.Errorf("kansrijk.toml changed")
	}
	got := geuploadeBestanden(t, dir)
	if len(got) != 3 { // kansrijk.toml and the .exe are refused
		t.Errorf("stored %v; want three files", got)
	}
	for _, p := range got {
		if d := filepath.Dir(filepath.Dir(p)); d != filepath.Join("inbox", uploadMap) {
			t.Errorf("%s is not in an upload's own folder", p)
		}
	}
	// Nothing was written next to the werkmap or above it.
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("the werkmap's parent holds %d entries, want only the werkmap", len(entries))
	}
}

func TestSlechteBestanden(t *testing.T) {
	dir, _, b := opzet(t, Opties{})
	page := b.aanleveren(
		bestand{"Verloskundigen_Lindehoven_2026-Q1.xlsx", kapotXLSX},
		bestand{"Verloskundigen_Lindehoven_2026-Q2.xlsx", ""},
		bestand{"Verloskundigen_Lindehoven_2026-Q3.xlsx", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 oud Excel"},
		bestand{"Verloskundigen_Lindehoven_2026-Q4.xlsx", "gewoon tekst, geen Excel"},
		bestand{"wijkteam_lindehoven_2026-K2.csv", "\x00\x01\x02\xff\xfe binaire rommel"},
		bestand{"onbekende_partner.csv", "a;b\r\n1;2\r\n"},
		bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV},
	)
	for _, want := range []string{
		"Q1.xlsx: het bestand is beschadigd",
		"Q2.xlsx: het bestand is leeg",
		"Q3.xlsx: dit is een oud Excel-bestand",
		"Q4.xlsx: heet .xlsx maar is geen Excel-werkmap",
		"onbekende_partner.csv: van welke partner is dit bestand?",
		"Ingelezen: Sociaal wijkteam Lindehoven, 2026-K1",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	if !strings.Contains(page, "wijkteam_lindehoven_2026-K2.csv") {
		t.Errorf("the binary CSV has no result")
	}
	// The server still answers, and the good file is stored.
	if resp, _ := b.get("/status"); resp.StatusCode != http.StatusOK {
		t.Errorf("status page after bad files: %s", resp.Status)
	}
	if ls := leveringen(t, dir); len(ls) != 1 {
		t.Errorf("%d leveringen stored, want 1 (the good CSV)", len(ls))
	}
}

func TestGelijktijdigAanleveren(t *testing.T) {
	dir := werkmapVoorTest(t, testConfig)
	s, ts := testServer(t, dir, Opties{})
	// A job holds the werkmap: the next upload waits for it and says so.
	if err := s.plaats.pak(context.Background(), 0); err != nil {
		t.Fatal(err)
	}
	b := nieuweBezoeker(t, ts)
	resp, _ := b.do(b.uploadVerzoek(b.token(), bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV}))
	taak := resp.Header.Get("Location")
	if f := b.fase(taak); f != "wacht" {
		t.Errorf("upload while the werkmap is busy: fase %q, want wacht", f)
	}
	if _, page := b.get(taak); !strings.Contains(page, "Wacht op een andere opdracht") {
		t.Errorf("the job's page does not say it waits")
	}
	if resp, body := b.get("/status"); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "probeer het zo opnieuw") {
		t.Errorf("status page while busy: %s", resp.Status)
	}
	s.plaats.laat()
	b.wachtOp(taak)

	// Two tabs at once: both imports run, one after the other.
	var wg sync.WaitGroup
	pages := make([]string, 2)
	for i, naam := range []string{"wijkteam_lindehoven_2026-K2.csv", "wijkteam_lindehoven_2026-K3.csv"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tab := nieuweBezoeker(t, ts)
			inhoud := strings.ReplaceAll(strings.ReplaceAll(wijkteamCSV, "-01-2026", "-0"+fmt.Sprint(4+3*i)+"-2026"), "-02-2026", "-0"+fmt.Sprint(5+3*i)+"-2026")
			pages[i] = tab.aanleveren(bestand{naam, inhoud})
		}()
	}
	wg.Wait()
	for i, p := range pages {
		if !strings.Contains(p, "1 bestand: 1 ingelezen.") {
			t.Errorf("tab %d: its file was not ingelezen", i)
		}
	}
	ls := leveringen(t, dir)
	if len(ls) != 3 {
		t.Fatalf("%d leveringen, want 3", len(ls))
	}
}

func TestDownloadsAlleenWatKansrijkMaakte(t *testing.T) {
	dir, _, b := opzet(t, Opties{})
	rapporten := filepath.Join(dir, "rapporten")
	os.WriteFile(filepath.Join(rapporten, "Kansrijke_Start_Lindehoven_2026-K1.html"), []byte("<p>rapport</p>"), 0o644)
	os.WriteFile(filepath.Join(rapporten, "geheim.html"), []byte("geheim"), 0o644)
	for _, pad := range []string{
		"/terugmelding/onbekend",
		"/terugmelding/..%2F..%2Fkansrijk.toml",
		"/rapporten/2026-K1/geheim.html",
		"/rapporten/2026-K1/..%2Fkansrijk.toml",
		"/rapporten/2026-K1/.kansrijk-vingerafdrukken.json",
		"/rapporten/2026-K1/Kansrijke_Start_Havenstad_2026-K1.html",  // no such coalitie
		"/rapporten/2026-K2/Kansrijke_Start_Lindehoven_2026-K1.html", // another kwartaal's
		"/rapporten/2026-K9/x.html",
		"/static/",
		"/static/kansrijk.go",
		"/sjablonen/basis.html",
		"/levering/999",
		"/levering/abc",
		"/taak/onbekend",
		"/inbox/",
	} {
		resp, _ := b.get(pad)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404", pad, resp.Status)
		}
	}
	resp, body := b.get("/rapporten/2026-K1/Kansrijke_Start_Lindehoven_2026-K1.html")
	if resp.StatusCode != 200 || body != "<p>rapport</p>" {
		t.Fatalf("the report: %s %q", resp.Status, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
		t.Errorf("a report is shown without sandbox: %q", csp)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "inline") {
		t.Errorf("the report's HTML is not shown inline: %q", cd)
	}
	resp, _ = b.get("/rapporten/2026-K1/Kansrijke_Start_Lindehoven_2026-K1.html?download=1")
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment") {
		t.Errorf("download of the HTML is not an attachment: %q", cd)
	}
}

func TestKoptekstenEnHost(t *testing.T) {
	_, ts, b := opzet(t, Opties{})
	for _, pad := range []string{"/", "/status", "/rapporten", "/instellingen", "/static/kansrijk.css", "/bestaat-niet"} {
		resp, _ := b.get(pad)
		h := resp.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", pad, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"} {
			if h.Get(k) != v {
				t.Errorf("%s: %s = %q, want %q", pad, k, h.Get(k), v)
			}
		}
	}
	c := b.c.Jar.Cookies(mustURL(t, ts.URL))
	if len(c) != 1 || c[0].Name != sessieCookie {
		t.Fatalf("cookies %v", c)
	}
	resp, _ := b.get("/")
	if sc := resp.Header.Values("Set-Cookie"); len(sc) != 0 {
		t.Errorf("a known session gets a new cookie: %v", sc)
	}
	first := nieuweBezoeker(t, ts)
	resp, _ = first.get("/")
	if sc := resp.Header.Get("Set-Cookie"); !strings.Contains(sc, "HttpOnly") || !strings.Contains(sc, "SameSite=Strict") {
		t.Errorf("session cookie %q", sc)
	}
	for host, want := range map[string]int{
		"aanval.example:80": http.StatusMisdirectedRequest, "127.0.0.1.nip.io": http.StatusMisdirectedRequest,
		"localhost": http.StatusOK, "127.0.0.1:8080": http.StatusOK, "[::1]:8080": http.StatusOK,
	} {
		req, _ := http.NewRequest("GET", ts.URL+"/", nil)
		req.Host = host
		if resp, _ := b.do(req); resp.StatusCode != want {
			t.Errorf("Host %s: %s, want %d", host, resp.Status, want)
		}
	}
}

func TestPaniekWordtFoutpagina(t *testing.T) {
	dir := werkmapVoorTest(t, testConfig)
	s, _ := testServer(t, dir, Opties{})
	h := s.herstel(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic("kapot") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(rec.Body.String(), "Er ging iets mis in kansrijk zelf") {
		t.Errorf("panic: %d %q", rec.Code, rec.Body.String())
	}
	// A panic in a job ends the job, not the server.
	tk, err := s.begin(soortAanlevering, sessie{ID: "x"}, 1, func(*taak) error { panic("kapot") })
	if err != nil {
		t.Fatal(err)
	}
	for !tk.isKlaar() {
		time.Sleep(10 * time.Millisecond)
	}
	if st := tk.stand(); !strings.Contains(st.Fout, "er ging iets mis in kansrijk zelf") {
		t.Errorf("job after a panic: %q", st.Fout)
	}
}

func TestProefimportNogNiet(t *testing.T) {
	dir, ts, b := opzet(t, Opties{})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", b.token())
	mw.WriteField("proef", "aan")
	w, _ := mw.CreateFormFile("bestand", "wijkteam_lindehoven_2026-K1.csv")
	io.WriteString(w, wijkteamCSV)
	mw.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/aanleveren", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	resp, page := b.do(req)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(page, "nog geen proefimport") {
		t.Errorf("proef: %s\n%s", resp.Status, page)
	}
	if len(geuploadeBestanden(t, dir)) > 0 || len(leveringen(t, dir)) > 0 {
		t.Errorf("a refused proefimport left files or leveringen")
	}
}

func TestInstellingenMetFout(t *testing.T) {
	dir, _, b := opzet(t, Opties{})
	_, page := b.get("/instellingen")
	if !strings.Contains(page, "De instellingen zijn in orde") || !strings.Contains(page, "<code>wijkteam_lindehoven_*</code>") {
		t.Errorf("instellingen of a good werkmap:\n%s", page)
	}
	// Broken while the server runs: the pages say so, the import refuses.
	config := filepath.Join(dir, workspace.ConfigNaam)
	os.WriteFile(config, []byte(testConfig+"\n[[partner]\n"), 0o644)
	if _, page = b.get("/instellingen"); !strings.Contains(page, "Dit bestand kan niet worden gebruikt") || !strings.Contains(page, "kansrijk.toml, regel ") {
		t.Errorf("instellingen with a syntax error lack the message with its line:\n%s", page)
	}
	os.WriteFile(config, []byte(testConfig+"\n[[partner]]\nnaam = \"<b>x</b>\"\nbron = \"fax\"\n"), 0o644)
	_, page = b.get("/instellingen")
	if !strings.Contains(page, `partner &#34;&lt;b&gt;x&lt;/b&gt;&#34; heeft onbekende bron &#34;fax&#34;`) {
		t.Errorf("instellingen lack the check's message, escaped:\n%s", page)
	}
	if !strings.Contains(page, "<li><code>naam = &#34;&lt;b&gt;x&lt;/b&gt;&#34;</code></li>") {
		t.Errorf("the file's text is not shown escaped")
	}
	_, page = b.get("/")
	if !strings.Contains(page, "De instellingen kunnen niet worden gebruikt") {
		t.Errorf("the Aanleveren page does not warn about the settings")
	}
	page = b.aanleveren(bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV})
	if !strings.Contains(page, "heeft onbekende bron") || strings.Contains(page, "Klaar:") {
		t.Errorf("an import with broken settings does not say why it failed:\n%s", page)
	}
}

func TestShutdownWachtOpAanlevering(t *testing.T) {
	dir := werkmapVoorTest(t, testConfig)
	s, err := New(dir, Opties{Log: log.New(io.Discard, "", 0)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	b := nieuweBezoeker(t, ts)
	s.plaats.pak(context.Background(), 0)
	resp, _ := b.do(b.uploadVerzoek(b.token(), bestand{"wijkteam_lindehoven_2026-K1.csv", wijkteamCSV}))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("upload: %s", resp.Status)
	}
	gestopt := make(chan error)
	go func() { gestopt <- s.Shutdown(context.Background()) }()
	select {
	case <-gestopt:
		t.Fatal("Shutdown did not wait for the waiting import")
	case <-time.After(200 * time.Millisecond):
	}
	if resp, body := b.do(b.uploadVerzoek(b.token(), bestand{"wijkteam_lindehoven_2026-K2.csv", wijkteamCSV})); resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "de server stopt") {
		t.Errorf("upload while stopping: %s", resp.Status)
	}
	s.plaats.laat()
	if err := <-gestopt; err != nil {
		t.Fatal(err)
	}
	if n := len(leveringen(t, dir)); n != 1 {
		t.Errorf("%d leveringen after shutdown, want the one that was waiting", n)
	}
}

func TestDekking(t *testing.T) {
	cfg, err := workspace.Parse([]byte(testConfig), "test")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		periode, coalitie string
		n                 int
	}{
		{"2026-K3", "", 1}, {"2025-K1 t/m 2026-K3", "", 7}, {"Lindehoven 2026-K3", "Lindehoven", 1},
		{"Codeboek", "", 0}, {"Lindehoven", "", 0},
	} {
		co, qs := dekking(&cfg, tt.periode)
		if co != tt.coalitie || len(qs) != tt.n {
			t.Errorf("dekking(%q) = %q, %v; want %q and %d kwartalen", tt.periode, co, qs, tt.coalitie, tt.n)
		}
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func TestStatusVan(t *testing.T) {
	cfg, err := workspace.Parse([]byte(testConfig), "test")
	if err != nil {
		t.Fatal(err)
	}
	k1, k2 := kansrijk.Kwartaal{Jaar: 2026, K: 1}, kansrijk.Kwartaal{Jaar: 2026, K: 2}
	const vk, wt = "Verloskundigen Lindehoven", "Sociaal wijkteam Lindehoven"
	as := []eval.Aanlevering{
		{Coalitie: "Lindehoven", Partner: wt, Kwartaal: k1, Status: eval.Geleverd, Leveringen: 1},
		{Coalitie: "Lindehoven", Partner: wt, Kwartaal: k2, Status: eval.Ontbreekt},
		{Coalitie: "Lindehoven", Partner: vk, Kwartaal: k1, Status: eval.Geleverd, Leveringen: 1},
		{Coalitie: "Lindehoven", Partner: vk, Kwartaal: k2, Status: eval.Gecorrigeerd, Leveringen: 2},
	}
	actief := []store.Levering{ // oldest first
		{ID: 1, Partner: wt, Periode: "2026-K1", Rijen: 20, Waarschuwingen: 9},
		{ID: 2, Partner: vk, Periode: "2026-K1 t/m 2026-K2", Rijen: 100, Waarschuwingen: 10},
		{ID: 3, Partner: vk, Periode: "2026-K2", Rijen: 101, Waarschuwingen: 10},
	}
	st := statusVan(&cfg, as, actief)
	if len(st.Kwartalen) != 2 || len(st.Coalities) != 1 || len(st.Coalities[0].Partners) != 2 {
		t.Fatalf("matrix %+v", st)
	}
	if len(st.Ontbreekt) != 1 || st.Ontbreekt[0].Partner != wt || st.Ontbreekt[0].Kwartaal != k2 {
		t.Errorf("ontbreekt %+v", st.Ontbreekt)
	}
	// By hand: a mark when at least 10 warnings and at least one row in
	// ten has one; the newest levering covering a kwartaal counts.
	want := map[string][2]int64{ // partner -> levering id of K1, K2
		wt: {1, 0}, vk: {2, 3},
	}
	veel := map[string][2]bool{wt: {false, false}, vk: {true, false}}
	for _, p := range st.Coalities[0].Partners {
		for i, c := range p.Cellen {
			if c.LeveringID != want[p.Naam][i] || c.Veel != veel[p.Naam][i] {
				t.Errorf("%s %s: levering %d, veel %v; want %d, %v", p.Naam, c.Kwartaal, c.LeveringID, c.Veel, want[p.Naam][i], veel[p.Naam][i])
			}
		}
	}
}
