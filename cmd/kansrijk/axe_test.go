package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// axeJS is fetched by make test (npm pack axe-core, integrity checked).
const axeJS = "../../.cache/axe.min.js"

var reAxeTitel = regexp.MustCompile(`<title>AXE:(.*?)</title>`)

// TestAccessibility runs axe-core on every HTML report of the example
// workspace in headless Chromium, offline, and wants zero violations.
func TestAccessibility(t *testing.T) {
	chromium, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium ontbreekt (apt-get install chromium); toegankelijkheid van de HTML niet gecontroleerd")
	}
	axe, err := os.ReadFile(axeJS)
	if err != nil {
		t.Skipf("%s ontbreekt (make test haalt axe-core op); toegankelijkheid niet gecontroleerd", axeJS)
	}
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	if code, _, _ := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox")); code != 0 {
		t.Fatal("import failed")
	}
	if code, _, stderr := runCLI(t, "rapport", "-w", dir, "--kwartaal", "2026-K3", "--datum", "2026-11-23"); code != 0 {
		t.Fatalf("rapport: %s", stderr)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "rapporten", "*.html"))
	if len(pages) == 0 {
		t.Fatal("no HTML reports")
	}
	// axe reports into the title, which --dump-dom then shows.
	runner := `<script>` + string(axe) + `</script><script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  document.title = "AXE:" + JSON.stringify(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })};
  }));
});
</script>`
	for _, p := range pages {
		html, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// The report's own security policy forbids scripts that are not in
		// it; the test copy drops it to let axe in.
		page := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy"[^>]*>`).ReplaceAllString(string(html), "")
		i := strings.LastIndex(page, "</body>")
		if i < 0 {
			t.Fatalf("%s has no </body>", p)
		}
		page = page[:i] + runner + page[i:]
		probe := filepath.Join(t.TempDir(), filepath.Base(p))
		if err := os.WriteFile(probe, []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+t.TempDir(), "--virtual-time-budget=20000", "--dump-dom", "file://"+probe).Output()
		if err != nil {
			t.Fatalf("chromium %s: %v", p, err)
		}
		m := reAxeTitel.FindSubmatch(out)
		if m == nil {
			t.Fatalf("%s: axe did not report (no AXE title in the DOM)", filepath.Base(p))
		}
		var violations []struct {
			ID, Impact, Help string
			Nodes            []string
		}
		if err := json.Unmarshal([]byte(strings.ReplaceAll(string(m[1]), "&quot;", `"`)), &violations); err != nil {
			t.Fatalf("%s: axe result %q: %v", filepath.Base(p), m[1], err)
		}
		for _, v := range violations {
			t.Errorf("%s: %s (%s): %s at %v", filepath.Base(p), v.ID, v.Impact, v.Help, v.Nodes)
		}
	}
}
