package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestRapportAlleenWatVerandert runs kansrijk rapport again and again on
// the example workspace: it writes a report file only when the file
// would change, and says how many reports it brought up to date.
func TestRapportAlleenWatVerandert(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: exit %d: %s", code, stderr)
	}
	inbox := filepath.Join(dir, "inbox")
	if code, _, stderr := runCLI(t, "import", "-w", dir, inbox); code != 0 {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	rapporten := filepath.Join(dir, "rapporten")
	rapport := func(datum, want string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", datum)
		if code != 0 {
			t.Fatalf("rapport: exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, want) {
			t.Errorf("rapport zegt niet %q:\n%s", want, stdout)
		}
		// Every report is named, written anew or not.
		for _, co := range []string{"Havenstad", "Lindehoven", "Dijkwaard", "Vechtmonde"} {
			for _, ext := range []string{".pdf", ".html"} {
				if p := filepath.Join(rapporten, "Kansrijke_Start_"+co+"_2026-K3"+ext); !strings.Contains(stdout, p) {
					t.Errorf("rapport noemt %s niet", p)
				}
			}
		}
	}
	// bestanden maps each report file to what identifies its version: a
	// file written anew is a new file (written beside it, then renamed),
	// with a later modification time (its inode may be that of a file
	// deleted before).
	bestanden := func() map[string]os.FileInfo {
		t.Helper()
		entries, err := os.ReadDir(rapporten)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]os.FileInfo{}
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "Kansrijke_Start_") {
				info, err := e.Info()
				if err != nil {
					t.Fatal(err)
				}
				out[e.Name()] = info
			}
		}
		return out
	}
	// nieuw lists the files of na that are not the same files as in voor.
	nieuw := func(voor, na map[string]os.FileInfo) string {
		var out []string
		for naam, info := range na {
			if v, ok := voor[naam]; !ok || !os.SameFile(v, info) || !v.ModTime().Equal(info.ModTime()) {
				out = append(out, naam)
			}
		}
		sort.Strings(out)
		return strings.Join(out, " ")
	}

	rapport("2026-11-23", "4 bijgewerkt, 0 ongewijzigd")
	eerst := bestanden()
	if len(eerst) != 8 {
		t.Fatalf("%d report files, want 8", len(eerst))
	}

	// Nothing changed: nothing is written.
	rapport("2026-11-23", "0 bijgewerkt, 4 ongewijzigd")
	if got := nieuw(eerst, bestanden()); got != "" {
		t.Errorf("nothing changed, yet written: %s", got)
	}

	// A correction from Sociaal wijkteam Dalwijk for 2026-K3, with only
	// a remark added. Dalwijk lies in Vechtmonde (with Ommerveld) and the
	// remark counts in no figure, so no comparison between coalities
	// moves: only Vechtmonde's report changes, in its sources, its
	// delivery status and a note on the correction.
	orig, err := os.ReadFile(filepath.Join(inbox, "wijkteam_dalwijk_2026-K3.csv"))
	if err != nil {
		t.Fatal(err)
	}
	regels := bytes.SplitN(orig, []byte("\n"), 3)
	if len(regels) < 3 {
		t.Fatalf("the wijkteam file has no rows: %q", orig)
	}
	rij := bytes.TrimSuffix(regels[1], []byte("\r"))
	if !bytes.HasSuffix(rij, []byte(";")) {
		t.Fatalf("the first row does not end in an empty Opmerking: %q", rij)
	}
	regels[1] = slices.Concat(rij, []byte("nagekeken"), regels[1][len(rij):])
	if err := os.WriteFile(filepath.Join(inbox, "wijkteam_dalwijk_2026-K3_v2.csv"), bytes.Join(regels, []byte("\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI(t, "import", "-w", dir, inbox)
	if code != 0 || !strings.Contains(stdout, "1 ingelezen") {
		t.Fatalf("import of the correction: exit %d: %s\n%s", code, stdout[max(0, len(stdout)-600):], stderr)
	}
	voor := bestanden()
	rapport("2026-11-23", "1 bijgewerkt, 3 ongewijzigd")
	na := bestanden()
	if got, want := nieuw(voor, na), "Kansrijke_Start_Vechtmonde_2026-K3.html Kansrijke_Start_Vechtmonde_2026-K3.pdf"; got != want {
		t.Errorf("after the correction written: %s; want %s", got, want)
	}
	if html, _ := os.ReadFile(filepath.Join(rapporten, "Kansrijke_Start_Vechtmonde_2026-K3.html")); !bytes.Contains(html, []byte("wijkteam_dalwijk_2026-K3_v2.csv")) {
		t.Error("Vechtmonde's report does not name the correction among its sources")
	}

	// A deleted file is written again, and only that one.
	if err := os.Remove(filepath.Join(rapporten, "Kansrijke_Start_Havenstad_2026-K3.html")); err != nil {
		t.Fatal(err)
	}
	rapport("2026-11-23", "1 bijgewerkt, 3 ongewijzigd")
	if got, want := nieuw(na, bestanden()), "Kansrijke_Start_Havenstad_2026-K3.html"; got != want {
		t.Errorf("after deleting a file written: %s; want %s", got, want)
	}

	// Another date on the reports: all are written.
	voor = bestanden()
	rapport("2026-11-24", "4 bijgewerkt, 0 ongewijzigd")
	if got := nieuw(voor, bestanden()); len(strings.Fields(got)) != 8 {
		t.Errorf("after another --datum written: %s; want all 8", got)
	}
}
