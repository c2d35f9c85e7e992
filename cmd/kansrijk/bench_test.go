package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"kansrijk"
	"kansrijk/ingest"
	"kansrijk/sheet"
	"kansrijk/workspace"
)

// make bench runs BenchmarkEindTotEind: kansrijk against the Python peer
// (../shared/peer) on the example work unit of each schaal, on 2 cores
// and on 1, every step a process of its own timed from outside and pinned
// with taskset to the same processors as the peer. Configured through
// the environment (the Makefile sets it):
//
//	KANSRIJK_BENCH_SCHALEN  schalen, e.g. "35 69 138" (69 is the national unit; default 4)
//	KANSRIJK_BENCH_KERNEN   core counts, default "2 1"
//	KANSRIJK_BIN            the kansrijk binary (default: built into a temporary folder)
//	KANSRIJK_PEER           peer_pipeline.py (default ../shared/peer from the repository root)
//	KANSRIJK_PEER_PYTHON    the Python with pandas, openpyxl, matplotlib and reportlab (default /usr/bin/python3)
//
// It prints, per schaal and core count, each side's time per phase, the
// ratio peer/kansrijk, the peak memory of every process, whether the
// figures of both agree, and at the end the targets of issue 19 as
// pass/fail lines. No timing fails the benchmark; only a run that does
// not do its work does.

// Targets of issue 19: kansrijk (import + all reports) against the peer
// on the national unit, and its memory.
const (
	doelKernen2     = 20.0 // × the peer on 2 cores
	doelKernen1     = 10.0 // × the peer on 1 core
	doelGeheugenMiB = 1024.0
	doelGroei       = 0.15 // peak memory growth from schaal 35 to 138
	landelijk       = 69   // schaal of the national unit
)

// rapportDatum fixes the date on the reports, so a second run finds
// nothing changed.
const rapportDatum = "2026-11-23"

// rapportKwartalen is how many kwartalen the series of a kansrijk report
// spans (reports.Opties.Kwartalen's default); the peer is given no longer
// a window.
const rapportKwartalen = 8

// TestMain lets the test binary serve as the bare reader of
// BenchmarkEindTotEind, which starts it again, pinned, with
// KANSRIJK_KAAL_LEZEN set to an inbox.
func TestMain(m *testing.M) {
	if dir := os.Getenv("KANSRIJK_KAAL_LEZEN"); dir != "" {
		stelGeheugenIn() // as the import does
		os.Exit(kaalLezen(dir, os.Stdout))
	}
	os.Exit(m.Run())
}

// kaalLezen is the floor for the import: every sheet of every file the
// import would be given, read with kansrijk's own reader (sheet.Open and
// Rows, as ingest reads them) by as many workers as the import uses, and
// nothing else: no checks, no hashing, no store, no terugmelding.
func kaalLezen(dir string, w io.Writer) int {
	files, _, err := ingest.Bestanden([]string{dir})
	if err != nil {
		fmt.Fprintln(w, err)
		return 1
	}
	var (
		mu                             sync.Mutex
		bladen, rijen, cellen, onleesb int
		werk                           = make(chan string)
		wg                             sync.WaitGroup
	)
	for range runtime.NumCPU() {
		wg.Go(func() {
			var b, r, c, o int
			for p := range werk {
				f, err := sheet.Open(p)
				if err != nil {
					o++
					continue
				}
				for _, s := range f.Sheets() {
					b++
					if f.Rows(s, func(_ int, cells []string) error { r++; c += len(cells); return nil }) != nil {
						o++
					}
				}
				f.Close()
			}
			mu.Lock()
			bladen, rijen, cellen, onleesb = bladen+b, rijen+r, cellen+c, onleesb+o
			mu.Unlock()
		})
	}
	for _, f := range files {
		werk <- f
	}
	close(werk)
	wg.Wait()
	fmt.Fprintf(w, "kaal %d %d %d %d %d\n", len(files), bladen, rijen, cellen, onleesb)
	return 0
}

// meting is one process as the operating system accounted it.
type meting struct {
	wall time.Duration
	cpu  time.Duration // user + system
	piek float64       // peak resident memory, MiB
}

func (m meting) String() string {
	return fmt.Sprintf("%s s (cpu %s s, %s MiB)", komma(m.wall.Seconds(), 1), komma(m.cpu.Seconds(), 1), komma(m.piek, 0))
}

// pinning runs commands on a set of processors.
type pinning struct {
	kernen int
	cpus   string // for taskset -c; "" runs unpinned (all processors)
}

func (p pinning) String() string {
	if p.cpus == "" {
		return fmt.Sprintf("%d kern(en), alle processors", p.kernen)
	}
	return fmt.Sprintf("%d kern(en), processor %s", p.kernen, p.cpus)
}

// voer runs a command on p's processors with extra environment and
// returns what it printed and its accounting.
func (p pinning) voer(env []string, naam string, args ...string) (meting, []byte, []byte, error) {
	if p.cpus != "" {
		args = append([]string{"-c", p.cpus, naam}, args...)
		naam = "taskset"
	}
	cmd := exec.Command(naam, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	t0 := time.Now()
	err := cmd.Run()
	m := meting{wall: time.Since(t0)}
	if ps := cmd.ProcessState; ps != nil {
		m.cpu = ps.UserTime() + ps.SystemTime()
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			m.piek = float64(ru.Maxrss) / 1024 // KiB on Linux
		}
	}
	return m, out.Bytes(), errb.Bytes(), err
}

// pinningen returns, per core count asked, the first that many of the
// processors this process may use, or why that count is not measured.
func pinningen(kernen []int) ([]pinning, []string) {
	cpus := toegestaneCPUs()
	_, tasksetErr := exec.LookPath("taskset")
	var ps []pinning
	var niet []string
	for _, k := range kernen {
		switch {
		case k > len(cpus):
			niet = append(niet, fmt.Sprintf("%d kernen niet gemeten: deze machine geeft maar %d processor(s)", k, len(cpus)))
		case tasksetErr != nil && k == len(cpus):
			ps = append(ps, pinning{kernen: k})
		case tasksetErr != nil:
			niet = append(niet, fmt.Sprintf("%d kern(en) niet gemeten: taskset (util-linux) ontbreekt, dus beide kanten zijn niet op dezelfde processors te zetten", k))
		default:
			ids := make([]string, k)
			for i := range k {
				ids[i] = strconv.Itoa(cpus[i])
			}
			ps = append(ps, pinning{kernen: k, cpus: strings.Join(ids, ",")})
		}
	}
	return ps, niet
}

// toegestaneCPUs lists the processors this process may run on
// (Cpus_allowed_list in /proc/self/status), or 0..NumCPU-1.
func toegestaneCPUs() []int {
	var cpus []int
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			lijst, ok := strings.CutPrefix(l, "Cpus_allowed_list:")
			if !ok {
				continue
			}
			for _, deel := range strings.Split(strings.TrimSpace(lijst), ",") {
				van, tot, _ := strings.Cut(deel, "-")
				a, err1 := strconv.Atoi(van)
				z, err2 := strconv.Atoi(tot)
				if err2 != nil {
					z = a
				}
				for i := a; err1 == nil && i <= z; i++ {
					cpus = append(cpus, i)
				}
			}
		}
	}
	if len(cpus) == 0 {
		for i := range runtime.NumCPU() {
			cpus = append(cpus, i)
		}
	}
	return cpus
}

// kernMeting is what one core count measured on one schaal.
type kernMeting struct {
	pin                            pinning
	kaal                           meting
	kaalCellen                     int
	invoer, invoerHerhaald         meting
	rapport, rapportHerhaald       meting
	peer                           *peerMeting // nil: not run
	peerFout                       string
	bestanden, ingelezen, rijen    int
	afgewezen, nietHerkend, anders int
}

// kansrijk is the time of import plus all reports.
func (k *kernMeting) kansrijk() time.Duration { return k.invoer.wall + k.rapport.wall }

// piek is kansrijk's largest process.
func (k *kernMeting) piek() float64 { return max(k.invoer.piek, k.rapport.piek) }

// verhouding is the peer's total time over kansrijk's, or 0.
func (k *kernMeting) verhouding() float64 {
	if k.peer == nil {
		return 0
	}
	return k.peer.proces.wall.Seconds() / k.kansrijk().Seconds()
}

// drukte says which process that runs on one thread got clearly less
// than a processor: the peer always, kansrijk when pinned to 1 core.
// Such a process waited for others on the machine.
func (k *kernMeting) drukte() string {
	var s []string
	kijk := func(wie string, m meting) {
		if m.wall > 0 && m.cpu.Seconds() < 0.85*m.wall.Seconds() {
			s = append(s, fmt.Sprintf("%s kreeg maar %d%% van een processor (cpu %s s in %s s)",
				wie, int(100*m.cpu.Seconds()/m.wall.Seconds()), komma(m.cpu.Seconds(), 1), komma(m.wall.Seconds(), 1)))
		}
	}
	if k.peer != nil {
		kijk("de peer", k.peer.proces)
	}
	if k.pin.kernen == 1 {
		kijk("kansrijk import", k.invoer)
		kijk("kansrijk rapport", k.rapport)
	}
	return strings.Join(s, "; ")
}

// schaalMeting is what one schaal measured.
type schaalMeting struct {
	schaal                     int
	coalities                  int
	kwartaal, vanaf            kansrijk.Kwartaal
	kernen                     []*kernMeting
	vergelijking               *vergelijking // nil: no peer figures
	belastingVoor, belastingNa string
}

// piek is kansrijk's largest process on this schaal.
func (s *schaalMeting) piek() float64 {
	p := 0.0
	for _, k := range s.kernen {
		p = max(p, k.piek())
	}
	return p
}

// BenchmarkEindTotEind times, per schaal, the whole run of kansrijk
// (import of every file with terugmeldingen, then a PDF and HTML report
// per coalitie, each again with nothing changed) through the real
// binary, against the Python peer on the same inbox and processors, and
// the bare read of the same files with kansrijk's reader.
func BenchmarkEindTotEind(b *testing.B) {
	schalen := getallen(b, "KANSRIJK_BENCH_SCHALEN", []int{benchSchaal()})
	kernen := getallen(b, "KANSRIJK_BENCH_KERNEN", []int{2, 1})
	bin := kansrijkBinary(b)
	self, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	peer, reden := zoekPeer(os.Getenv("KANSRIJK_PEER_PYTHON"), os.Getenv("KANSRIJK_PEER"))
	if peer == nil {
		fmt.Printf("\nDe vergelijking met de peer wordt overgeslagen: %s. Alleen kansrijk wordt gemeten.\n", reden)
	}
	pins, niet := pinningen(kernen)
	for _, n := range niet {
		fmt.Printf("%s.\n", n)
	}
	if len(pins) == 0 {
		b.Fatal("geen enkel aantal kernen te meten")
	}

	var metingen []*schaalMeting
	for _, schaal := range schalen {
		b.Run(fmt.Sprintf("schaal=%d", schaal), func(b *testing.B) {
			for b.Loop() {
				s := meetSchaal(b, bin, self, peer, schaal, pins)
				metingen = append(metingen, s)
				printSchaal(os.Stdout, s)
				k := s.kernen[0]
				b.ReportMetric(float64(k.bestanden)/k.invoer.wall.Seconds(), "bestanden/s")
				b.ReportMetric(float64(k.rijen)/k.invoer.wall.Seconds(), "rijen/s")
				b.ReportMetric(float64(s.coalities)/k.rapport.wall.Seconds(), "rapporten/s")
				b.ReportMetric(k.kansrijk().Seconds(), "s-import+rapporten")
				b.ReportMetric(k.invoer.wall.Seconds(), "s-import")
				b.ReportMetric(k.invoerHerhaald.wall.Seconds(), "s-import-herhaald")
				b.ReportMetric(k.rapport.wall.Seconds(), "s-rapporten")
				b.ReportMetric(k.rapportHerhaald.wall.Seconds(), "s-rapporten-herhaald")
				b.ReportMetric(k.invoer.wall.Seconds()/k.kaal.wall.Seconds(), "import/kaal-lezen")
				b.ReportMetric(k.invoer.piek, "MiB-piek-import")
				b.ReportMetric(k.rapport.piek, "MiB-piek-rapporten")
				if v := k.verhouding(); v > 0 {
					b.ReportMetric(v, "peer/kansrijk")
				}
			}
		})
	}
	printDoelen(os.Stdout, metingen, reden)
}

// benchSchaal is the older single-schaal setting, KANSRIJK_BENCH_SCHAAL,
// or 4, which keeps a bare go test -bench short.
func benchSchaal() int {
	if n, err := strconv.Atoi(os.Getenv("KANSRIJK_BENCH_SCHAAL")); err == nil && n > 0 {
		return n
	}
	return 4
}

// getallen reads a list of positive numbers from the environment.
func getallen(b *testing.B, naam string, standaard []int) []int {
	velden := strings.Fields(os.Getenv(naam))
	if len(velden) == 0 {
		return standaard
	}
	var out []int
	for _, v := range velden {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("%s=%q: verwacht positieve gehele getallen, gescheiden door spaties", naam, os.Getenv(naam))
		}
		out = append(out, n)
	}
	return out
}

// kansrijkBinary is KANSRIJK_BIN, or the command built for this run.
func kansrijkBinary(b *testing.B) string {
	if p := os.Getenv("KANSRIJK_BIN"); p != "" {
		if _, err := os.Stat(p); err != nil {
			b.Fatalf("KANSRIJK_BIN: %v", err)
		}
		return p
	}
	p := filepath.Join(b.TempDir(), "kansrijk")
	if out, err := exec.Command("go", "build", "-o", p, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return p
}

// meetSchaal makes the example work unit of schaal and measures it on
// every pinning: bare read, import, import again, reports, reports again,
// then the peer. The figures are compared after the first import.
func meetSchaal(b *testing.B, bin, self string, peer *peerPipeline, schaal int, pins []pinning) *schaalMeting {
	tmp := b.TempDir()
	dir := filepath.Join(tmp, "w")
	fmt.Printf("\nwerkeenheid schaal %d: voorbeeld maken ...\n", schaal)
	if out, err := exec.Command(bin, "voorbeeld", dir, "--schaal", strconv.Itoa(schaal)).CombinedOutput(); err != nil {
		b.Fatalf("kansrijk voorbeeld: %v\n%s", err, out)
	}
	w, err := workspace.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	coalitiesCSV := filepath.Join(tmp, "coalities.csv")
	if err := schrijfCoalities(coalitiesCSV, w.Config.Coalities); err != nil {
		b.Fatal(err)
	}
	s := &schaalMeting{schaal: schaal, coalities: len(w.Config.Coalities), belastingVoor: belasting()}
	export := filepath.Join(tmp, "kansrijk-cijfers.csv")
	for i, pin := range pins {
		k := &kernMeting{pin: pin}
		s.kernen = append(s.kernen, k)
		stap := func(wat string) { fmt.Printf("  schaal %d, %s: %s ...\n", schaal, pin, wat) }

		os.RemoveAll(w.Database())
		os.RemoveAll(w.Terugmeldingen())
		os.RemoveAll(w.Rapporten())
		if err := os.MkdirAll(w.Rapporten(), 0o755); err != nil {
			b.Fatal(err)
		}

		stap("kaal lezen")
		m, out, errb, err := pin.voer([]string{"KANSRIJK_KAAL_LEZEN=" + w.Inbox()}, self)
		var n [5]int
		if _, serr := fmt.Sscanf(string(out), "kaal %d %d %d %d %d", &n[0], &n[1], &n[2], &n[3], &n[4]); err != nil || serr != nil {
			b.Fatalf("kaal lezen: %v %v\n%s%s", err, serr, out, errb)
		}
		k.kaal, k.kaalCellen = m, n[3]

		stap("import")
		m, out, errb, err = pin.voer(nil, bin, "import", "-w", dir, w.Inbox())
		if !geldigeImport(err) {
			b.Fatalf("kansrijk import: %v\n%.2000s", err, errb)
		}
		k.invoer = m
		sam, ok := importSamenvatting(out)
		if !ok {
			b.Fatalf("kansrijk import: geen samenvatting\n%.2000s", out)
		}
		k.bestanden, k.ingelezen, k.rijen = sam.bestanden, sam.ingelezen, sam.rijen
		k.afgewezen, k.nietHerkend, k.anders = sam.afgewezen, sam.nietHerkend, sam.nietOndersteund

		stap("import herhaald")
		m, out, errb, err = pin.voer(nil, bin, "import", "-w", dir, w.Inbox())
		if !geldigeImport(err) {
			b.Fatalf("kansrijk import herhaald: %v\n%.2000s", err, errb)
		}
		if her, ok := importSamenvatting(out); !ok || her.ingelezen != 0 || her.alIngelezen != k.ingelezen {
			b.Fatalf("herhaalde import las bestanden opnieuw in (want 0 ingelezen, %d al eerder ingelezen):\n%.2000s", k.ingelezen, out)
		}
		k.invoerHerhaald = m

		if i == 0 {
			// The window of the comparison: the kwartalen with figures,
			// at most those of a report's series.
			if out, err := exec.Command(bin, "export", "-w", dir, "--uit", export).CombinedOutput(); err != nil {
				b.Fatalf("kansrijk export: %v\n%s", err, out)
			}
			eerste, laatste, err := kwartalenIn(export)
			if err != nil {
				b.Fatal(err)
			}
			s.kwartaal, s.vanaf = laatste, eerste
			if v := laatste.Add(1 - rapportKwartalen); v.Index() > eerste.Index() {
				s.vanaf = v
			}
		}

		stap("rapporten")
		rapport := func(want string) meting {
			m, out, errb, err := pin.voer(nil, bin, "rapport", "-w", dir, "--kwartaal", s.kwartaal.String(), "--datum", rapportDatum)
			if err != nil || !strings.Contains(string(out), want) {
				b.Fatalf("kansrijk rapport: %v, want %q in the summary\n%.500s%.2000s", err, want, out, errb)
			}
			return m
		}
		k.rapport = rapport(fmt.Sprintf("%d bijgewerkt, 0 ongewijzigd", s.coalities))
		stap("rapporten herhaald")
		k.rapportHerhaald = rapport(fmt.Sprintf("0 bijgewerkt, %d ongewijzigd", s.coalities))

		if peer != nil {
			stap("peer")
			uit := filepath.Join(tmp, fmt.Sprintf("peer-%d", pin.kernen))
			k.peer, err = peer.voer(pin, w.Inbox(), uit, s.kwartaal, s.vanaf, coalitiesCSV)
			if err != nil {
				k.peerFout = err.Error()
				fmt.Printf("  de peer faalde: %v\n", err)
			}
		}
	}
	s.belastingNa = belasting()
	for _, k := range s.kernen {
		if k.peer != nil {
			v, err := vergelijkBestanden(export, filepath.Join(k.peer.uit, "cijfers.csv"))
			if err != nil {
				b.Fatal(err)
			}
			s.vergelijking = v
			break
		}
	}
	return s
}

// geldigeImport: exit 0, or 1 when some input was rejected.
func geldigeImport(err error) bool {
	var ee *exec.ExitError
	return err == nil || errors.As(err, &ee) && ee.ExitCode() == exitInvoer
}

type importSam struct {
	bestanden, ingelezen, alIngelezen, afgewezen, nietHerkend, nietOndersteund int
	rijen                                                                      int
}

var (
	klaarRe     = regexp.MustCompile(`Klaar: (\d+) bestand\(en\): (\d+) ingelezen, (\d+) al eerder ingelezen \(niets veranderd\), (\d+) afgewezen, (\d+) niet herkend, (\d+) nog niet ondersteund`)
	ingelezenRe = regexp.MustCompile(`(?m)^ingelezen .*: (\d+) rijen, `)
)

// importSamenvatting reads the counts from kansrijk import's output.
func importSamenvatting(out []byte) (importSam, bool) {
	m := klaarRe.FindSubmatch(out)
	if m == nil {
		return importSam{}, false
	}
	var n [6]int
	for i := range n {
		n[i], _ = strconv.Atoi(string(m[i+1]))
	}
	s := importSam{n[0], n[1], n[2], n[3], n[4], n[5], 0}
	for _, r := range ingelezenRe.FindAllSubmatch(out, -1) {
		v, _ := strconv.Atoi(string(r[1]))
		s.rijen += v
	}
	return s, true
}

// kwartalenIn returns the first and last kwartaal of a figures export.
func kwartalenIn(pad string) (eerste, laatste kansrijk.Kwartaal, err error) {
	f, err := os.Open(pad)
	if err != nil {
		return eerste, laatste, err
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return eerste, laatste, fmt.Errorf("%s: %w", pad, err)
	}
	for _, r := range recs[min(1, len(recs)):] {
		if len(r) < 3 {
			continue
		}
		q, err := kansrijk.ParseKwartaal(r[2])
		if err != nil {
			return eerste, laatste, fmt.Errorf("%s: %w", pad, err)
		}
		if eerste.IsZero() || q.Index() < eerste.Index() {
			eerste = q
		}
		if q.Index() > laatste.Index() {
			laatste = q
		}
	}
	if eerste.IsZero() {
		return eerste, laatste, fmt.Errorf("%s: geen cijfers", pad)
	}
	return eerste, laatste, nil
}

// belasting is the machine's load average over 1, 5 and 15 minutes.
func belasting() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "onbekend"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "onbekend"
	}
	return strings.ReplaceAll(strings.Join(f[:3], " / "), ".", ",")
}

// komma writes a number the Dutch way with dec decimals.
func komma(v float64, dec int) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', dec, 64), ".", ",", 1)
}

// keer writes a ratio, or "—" when there is none.
func keer(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "—"
	}
	return komma(a/b, 1) + "×"
}

// printSchaal prints what one schaal measured.
func printSchaal(w io.Writer, s *schaalMeting) {
	k0 := s.kernen[0]
	fmt.Fprintf(w, "\n== werkeenheid schaal %d: %d coalities, %d bestanden, %d rijen; kwartalen %s tot en met %s ==\n",
		s.schaal, s.coalities, k0.bestanden, k0.rijen, s.vanaf, s.kwartaal)
	fmt.Fprintf(w, "   import: %d ingelezen, %d afgewezen, %d niet herkend, %d nog niet ondersteund\n",
		k0.ingelezen, k0.afgewezen, k0.nietHerkend, k0.anders)
	fmt.Fprintf(w, "   belasting van de machine (1/5/15 min) voor: %s, na: %s (%d processors)\n", s.belastingVoor, s.belastingNa, runtime.NumCPU())
	for _, k := range s.kernen {
		fmt.Fprintf(w, "\n   %s — tijd van buiten gemeten (wall), cpu = user+system, piek = grootste RSS:\n", k.pin)
		if p := k.peer; p != nil {
			fmt.Fprintf(w, "   %-30s %-38s %-34s %s\n", "fase", "kansrijk", "peer", "peer/kansrijk")
			fmt.Fprintf(w, "   %-30s %-38s %-34s %s\n", "lezen ↔ import", k.invoer, komma(p.lezen, 1)+" s", keer(p.lezen, k.invoer.wall.Seconds()))
			fmt.Fprintf(w, "   %-30s %-38s %-34s %s\n", "rekenen + maken ↔ rapporten", k.rapport,
				fmt.Sprintf("%s s (rekenen %s, maken %s)", komma(p.rekenen+p.maken, 1), komma(p.rekenen, 1), komma(p.maken, 1)),
				keer(p.rekenen+p.maken, k.rapport.wall.Seconds()))
			fmt.Fprintf(w, "   %-30s %-38s %-34s %s\n", "totaal (hele processen)",
				fmt.Sprintf("%s s (cpu %s s)", komma(k.kansrijk().Seconds(), 1), komma((k.invoer.cpu+k.rapport.cpu).Seconds(), 1)),
				p.proces.String(), keer(p.proces.wall.Seconds(), k.kansrijk().Seconds()))
			fmt.Fprintf(w, "   %-30s %-38s %-34s\n", "piekgeheugen",
				fmt.Sprintf("%s MiB (import %s, rapporten %s)", komma(k.piek(), 0), komma(k.invoer.piek, 0), komma(k.rapport.piek, 0)),
				komma(p.proces.piek, 0)+" MiB")
			fmt.Fprintf(w, "   (peer: fasen volgens zijn peer_timings.json, samen %s s; de rest van zijn proces is het starten van Python en het laden van pandas)\n",
				komma(p.totaal, 1))
		} else {
			fmt.Fprintf(w, "   %-30s %s\n", "fase", "kansrijk")
			fmt.Fprintf(w, "   %-30s %s\n", "import", k.invoer)
			fmt.Fprintf(w, "   %-30s %s\n", "rapporten", k.rapport)
			fmt.Fprintf(w, "   %-30s %s s\n", "totaal", komma(k.kansrijk().Seconds(), 1))
			if k.peerFout != "" {
				fmt.Fprintf(w, "   peer: mislukt (%s)\n", k.peerFout)
			}
		}
		fmt.Fprintf(w, "   %-30s %s; %d cellen; import/kaal lezen %s\n", "kaal lezen", k.kaal, k.kaalCellen, keer(k.invoer.wall.Seconds(), k.kaal.wall.Seconds()))
		fmt.Fprintf(w, "   %-30s %s s import, %s s rapporten\n", "herhaald (niets veranderd)",
			komma(k.invoerHerhaald.wall.Seconds(), 2), komma(k.rapportHerhaald.wall.Seconds(), 2))
		if d := k.drukte(); d != "" {
			fmt.Fprintf(w, "   let op: %s; wie minder krijgt, wacht op andere processen of op de schijf: deze tijden en verhoudingen zijn onzeker\n", d)
		}
	}
	fmt.Fprintln(w, "\n   kaal lezen: elk blad van elk bestand van de inbox met kansrijks eigen lezer (sheet.Open en Rows),")
	fmt.Fprintln(w, "   met evenveel werkers als de import, zonder controles, hashen, opslag of terugmelding: de bodem voor de import.")
	if s.vergelijking != nil {
		fmt.Fprintln(w)
		s.vergelijking.print(w)
	}
}

// printDoelen prints the targets of issue 19 as pass/fail lines.
// geenPeer says why the peer was not run, if it was not.
func printDoelen(w io.Writer, metingen []*schaalMeting, geenPeer string) {
	if len(metingen) == 0 {
		return
	}
	fmt.Fprintln(w, "\n== doelen (issue 19) ==")
	if geenPeer != "" {
		fmt.Fprintf(w, "   niet gemeten  snelheid tegen de peer en gelijke cijfers: de peer is overgeslagen (%s)\n", geenPeer)
	}
	regel := func(gehaald bool, format string, a ...any) {
		uitslag := "NIET GEHAALD"
		if gehaald {
			uitslag = "GEHAALD     "
		}
		fmt.Fprintf(w, "   %s  %s\n", uitslag, fmt.Sprintf(format, a...))
	}
	for _, s := range metingen {
		noot := ""
		if s.schaal != landelijk {
			noot = fmt.Sprintf(" (ter indicatie: het doel geldt voor de landelijke eenheid, schaal %d)", landelijk)
		}
		for _, k := range s.kernen {
			doel := map[int]float64{2: doelKernen2, 1: doelKernen1}[k.pin.kernen]
			if v := k.verhouding(); v > 0 && doel > 0 {
				regel(v >= doel, "schaal %d, %d kern(en): kansrijk %s zo snel als de peer (%s s tegen %s s; doel ≥ %s×)%s",
					s.schaal, k.pin.kernen, komma(v, 1)+"×", komma(k.kansrijk().Seconds(), 1), komma(k.peer.proces.wall.Seconds(), 1), komma(doel, 0), noot)
			}
		}
		regel(s.piek() < doelGeheugenMiB, "schaal %d: piekgeheugen kansrijk %s MiB (doel < %s MiB)", s.schaal, komma(s.piek(), 0), komma(doelGeheugenMiB, 0))
		if v := s.vergelijking; v != nil {
			regel(v.gelijk(), "schaal %d: cijfers gelijk aan die van de peer: %s", s.schaal, v.samenvatting())
		}
	}
	var half, dubbel *schaalMeting
	for _, s := range metingen {
		switch s.schaal {
		case 35:
			half = s
		case 138:
			dubbel = s
		}
	}
	if half != nil && dubbel != nil {
		g := dubbel.piek()/half.piek() - 1
		regel(g <= doelGroei, "piekgeheugen van schaal 35 naar 138: %s MiB → %s MiB, %s%% (doel ≤ +%s%%)",
			komma(half.piek(), 0), komma(dubbel.piek(), 0), plus(g*100), komma(doelGroei*100, 0))
	} else if len(metingen) > 1 {
		a, z := metingen[0], metingen[len(metingen)-1]
		fmt.Fprintf(w, "   ter indicatie  piekgeheugen van schaal %d naar %d: %s MiB → %s MiB, %s%%; het doel (≤ +%s%%) geldt van schaal 35 tot 138: make bench BENCH_SCHALEN=\"35 69 138\"\n",
			a.schaal, z.schaal, komma(a.piek(), 0), komma(z.piek(), 0), plus((z.piek()/a.piek()-1)*100), komma(doelGroei*100, 0))
	}
}

func plus(v float64) string {
	if v >= 0 {
		return "+" + komma(v, 0)
	}
	return komma(v, 0)
}
