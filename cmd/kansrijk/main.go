// Command kansrijk turns partners' spreadsheets and parents' stories into
// evaluation reports for Kansrijke Start coalities.
//
// Usage:
//
//	kansrijk init WERKMAP
//	kansrijk voorbeeld WERKMAP [--schaal N] [--config PAD]
//	kansrijk import [-w WERKMAP] PAD...
//	kansrijk rapport [-w WERKMAP] --kwartaal 2026-K3 [--coalitie NAAM] [--uit MAP] [--overzicht] [--ouders]
//	kansrijk export [-w WERKMAP] --uit cijfers.csv|cijfers.xlsx [--verhalen MAP]
//	kansrijk status [-w WERKMAP] [--coalitie NAAM]
//	kansrijk sjabloon [-w WERKMAP] --partner NAAM [--kwartaal 2026-K3] [--uit PAD]
//	kansrijk web [-w WERKMAP] [--adres 127.0.0.1:8080]
//
// Exit status: 0 all went well, 1 some input was rejected (the rest was
// still processed) or the run failed, 2 usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"syscall"

	"kansrijk/store"
)

const (
	exitOK      = 0
	exitInvoer  = 1 // some input rejected, or the run failed
	exitGebruik = 2 // usage error
)

const usage = `kansrijk — tellen en vertellen voor Kansrijke Start

Gebruik:
  kansrijk init WERKMAP                     nieuwe werkmap met kansrijk.toml, inbox/ en rapporten/
  kansrijk voorbeeld WERKMAP [--schaal N]   werkmap gevuld met verzonnen voorbeeldbestanden
  kansrijk import [-w WERKMAP] PAD...       bestanden en mappen inlezen
  kansrijk rapport [-w WERKMAP] --kwartaal 2026-K3 [--coalitie NAAM] [--uit MAP] [--overzicht] [--ouders]
                                            PDF- en HTML-rapport per coalitie; --overzicht: één rapport
                                            over alle coalities; --ouders: terugkoppeling aan ouders
  kansrijk export [-w WERKMAP] --uit cijfers.csv|cijfers.xlsx
                                            alle berekende cijfers als CSV of Excel
  kansrijk status [-w WERKMAP] [--coalitie NAAM]
                                            aanleverstatus per coalitie, partner en kwartaal
  kansrijk sjabloon [-w WERKMAP] --partner NAAM [--kwartaal 2026-K3] [--uit PAD]
                                            Excel-sjabloon om in te vullen voor een partner
  kansrijk web [-w WERKMAP] [--adres 127.0.0.1:8080]
                                            webpagina op deze computer: aanleveren, aanleverstatus,
                                            rapporten en instellingen

-w WERKMAP is standaard de huidige map.
Meer uitleg per opdracht: kansrijk OPDRACHT --help
`

// usageError is a mistake in how kansrijk was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func gebruik(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errInvoer marks a run in which some input was rejected; the details
// have been printed already.
var errInvoer = errors.New("een deel van de invoer is afgewezen")

func main() {
	store.ControleerAlsKind() // a child process that checks a database exits here
	stelGeheugenIn()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// stelGeheugenIn lets the Go heap grow to five times what is live before
// collecting (GOGC=400 rather than 100): an import allocates much
// short-lived data per row and its live heap is small, so this saves
// about a tenth of the CPU time. A soft limit of 512 MiB on the Go heap
// keeps the whole process (with DuckDB's own memory) well under the
// 1 GiB target. GOGC or GOMEMLIMIT in the environment win.
func stelGeheugenIn() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		printf(stderr, "%s", programmaTekst(usage))
		return exitGebruik
	}
	cmds := map[string]func([]string, io.Writer, io.Writer) error{
		"init":      cmdInit,
		"voorbeeld": cmdVoorbeeld,
		"import":    cmdImport,
		"rapport":   cmdRapport,
		"export":    cmdExport,
		"status":    cmdStatus,
		"sjabloon":  cmdSjabloon,
		"web":       cmdWeb,
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" {
		printf(stdout, "%s", programmaTekst(usage))
		return exitOK
	}
	cmd, ok := cmds[name]
	if !ok {
		printf(stderr, "kansrijk: onbekende opdracht %q\n\n%s", name, programmaTekst(usage))
		return exitGebruik
	}
	err := cmd(args[1:], stdout, stderr)
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		printf(stderr, "kansrijk %s: %s\n(zie 'kansrijk %s --help')\n", name, ue.msg, name)
		return exitGebruik
	case errors.Is(err, errInvoer):
		return exitInvoer
	default:
		printf(stderr, "kansrijk %s: %s\n", name, err)
		if u := uitleg(err); u != "" {
			printf(stderr, "  %s\n", u)
		}
		return exitInvoer
	}
}

// uitleg says in plain Dutch what the file-system errors people meet
// mean and what to do; the system's own text is English.
func uitleg(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return "De schijf is vol. Maak ruimte vrij en probeer het opnieuw; wat al klaar was, is bewaard."
	case errors.Is(err, syscall.EROFS):
		return "Deze map is alleen-lezen. Kies een andere map (bijvoorbeeld met --uit)."
	case errors.Is(err, fs.ErrPermission):
		return "U mag op deze plek niet schrijven. Kies een andere map of vraag schrijfrechten aan."
	case errors.Is(err, syscall.ENOTDIR):
		return "Een deel van het pad is een bestand en geen map. Kies een andere map."
	}
	return ""
}

// parse parses flags that may stand before, between or after the
// positional arguments ("kansrijk voorbeeld WERKMAP --schaal 3").
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, error) {
	// The flag package's own messages are English; keep them quiet and
	// say it in Dutch.
	fs.SetOutput(io.Discard)
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stdout)
				fs.Usage()
				return nil, err
			}
			return nil, gebruik("%s", dutchFlagError(err))
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func dutchFlagError(err error) string {
	msg := err.Error()
	for en, nl := range map[string]string{
		"flag provided but not defined: ": "onbekende optie ",
		"flag needs an argument: ":        "deze optie heeft een waarde nodig: ",
		"invalid value ":                  "ongeldige waarde ",
	} {
		if strings.HasPrefix(msg, en) {
			return nl + strings.TrimPrefix(msg, en)
		}
	}
	return msg
}

// newFlags makes a flag set whose help text is Dutch.
func newFlags(name string, synopsis, uitleg programmaTekst) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Usage = func() {
		w := fs.Output()
		printf(w, "Gebruik: kansrijk %s\n\n%s\n", synopsis, uitleg)
		n := 0
		fs.VisitAll(func(f *flag.Flag) { n++ })
		if n == 0 {
			return
		}
		printf(w, "\nOpties:\n")
		fs.VisitAll(func(f *flag.Flag) {
			dash := "--"
			if len(f.Name) == 1 {
				dash = "-"
			}
			def := ""
			if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
				def = fmt.Sprintf(" (standaard %s)", f.DefValue)
			}
			printf(w, "  %s%s\n      %s%s\n", dash, f.Name, programmaTekst(f.Usage), def)
		})
	}
	return fs
}
