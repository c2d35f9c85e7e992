package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"kansrijk/store"
)

var reWebURL = regexp.MustCompile(`op (http://\S+/)`)

// startWeb starts kansrijk web as its own process and returns its URL.
func startWeb(t *testing.T, bin string, args ...string) (*exec.Cmd, string, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"web"}, args...)...)
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	r := bufio.NewReader(pipe)
	line, err := r.ReadString('\n')
	if err != nil {
		t.Fatalf("kansrijk web printed no address: %v\n%s", err, stderr.String())
	}
	stdout.WriteString(line)
	go io.Copy(&stdout, r)
	m := reWebURL.FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("no URL in %q", line)
	}
	return cmd, m[1], &stdout, &stderr
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// stopt sends sig and waits for a clean exit.
func stopt(t *testing.T, cmd *exec.Cmd, sig syscall.Signal, stdout *bytes.Buffer) {
	t.Helper()
	cmd.Process.Signal(sig)
	klaar := make(chan error, 1)
	go func() { klaar <- cmd.Wait() }()
	select {
	case err := <-klaar:
		if err != nil {
			t.Errorf("kansrijk web after %v: %v", sig, err)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("kansrijk web did not stop after %v", sig)
	}
	time.Sleep(50 * time.Millisecond) // the rest of stdout
	if !strings.Contains(stdout.String(), "Gestopt.") {
		t.Errorf("kansrijk web did not say it stopped:\n%s", stdout.String())
	}
}

// TestWeb runs kansrijk web as a process: it serves on loopback, leaves
// the store to the command line between operations, says so when another
// process holds it, and stops cleanly on SIGTERM and Ctrl-C.
func TestWeb(t *testing.T) {
	bin := buildBinary(t)
	dir := filepath.Join(t.TempDir(), "w")
	if code, _, stderr := runCLI(t, "voorbeeld", dir); code != 0 {
		t.Fatalf("voorbeeld: %s", stderr)
	}
	cmd, url, stdout, _ := startWeb(t, bin, "-w", dir, "--adres", "127.0.0.1:0")
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("URL %s is not on loopback", url)
	}
	if code, body := get(t, url); code != 200 || !strings.Contains(body, "<h1>Aanleveren</h1>") {
		t.Fatalf("GET %s: %d", url, code)
	}
	// Between operations the command line can use the werkmap.
	if code, out, stderr := runCLI(t, "import", "-w", dir, filepath.Join(dir, "inbox")); code != 0 || !strings.Contains(out, "107 ingelezen") {
		t.Fatalf("kansrijk import while kansrijk web runs: %d\n%s", code, stderr)
	}
	if code, body := get(t, url+"status"); code != 200 || !strings.Contains(body, "Sociaal wijkteam Lindehoven, 2026-K1 (coalitie Lindehoven)") {
		t.Errorf("status after the command line's import: %d", code)
	}
	// Another process holds the store: the page says so, in Dutch.
	db, err := store.Open(filepath.Join(dir, "kansrijk.duckdb"), store.Schrijven)
	if err != nil {
		t.Fatal(err)
	}
	code, body := get(t, url+"status")
	db.Close()
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "in gebruik door een ander kansrijk-proces") {
		t.Errorf("status while another process holds the store: %d\n%s", code, body)
	}
	if code, _ := get(t, url+"status"); code != 200 {
		t.Errorf("status once the store is free again: %d", code)
	}
	stopt(t, cmd, syscall.SIGTERM, stdout)

	// Another address only when named, with a warning.
	cmd, url, stdout, stderr := startWeb(t, bin, "-w", dir, "--adres", "0.0.0.0:0")
	if !strings.Contains(stderr.String(), "Let op: kansrijk web is nu ook bereikbaar voor andere computers") {
		t.Errorf("no warning for a non-loopback address: %q", stderr.String())
	}
	if !strings.HasPrefix(url, "http://localhost:") {
		t.Errorf("URL %s", url)
	}
	stopt(t, cmd, syscall.SIGINT, stdout)
}

func TestWebGebruik(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"web", "-w", dir, "--adres", "zonderpoort"}, exitGebruik, "verwacht host:poort"},
		{[]string{"web", "-w", dir, "extra"}, exitGebruik, "onverwacht argument"},
		{[]string{"web", "-w", filepath.Join(dir, "bestaat-niet")}, exitInvoer, "is geen werkmap van kansrijk"},
	} {
		code, _, stderr := runCLI(t, tt.args...)
		if code != tt.code || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", tt.args, code, stderr, tt.code, tt.want)
		}
	}
}
