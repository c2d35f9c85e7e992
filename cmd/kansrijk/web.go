package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"kansrijk/web"
)

// standaardAdres is where kansrijk web listens unless told otherwise:
// this computer only.
const standaardAdres = "127.0.0.1:8080"

func cmdWeb(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("web", "web [-w WERKMAP] [--adres 127.0.0.1:8080]",
		"Start een webpagina op deze computer: bestanden van partners aanleveren (slepen of kiezen) en zien\n"+
			"wat er mis is, de terugmelding downloaden, de aanleverstatus, rapporten maken en openen, en de\n"+
			"instellingen. Alleen bereikbaar vanaf deze computer, tenzij u met --adres een ander adres noemt.\n"+
			"Stoppen met Ctrl-C.")
	dir := fs.String("w", ".", "de werkmap")
	adres := fs.String("adres", standaardAdres, "adres en poort om op te luisteren; poort 0 kiest een vrije poort")
	pos, err := parse(fs, args, stdout)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return gebruik("onverwacht argument %q", pos[0])
	}
	host, _, err := net.SplitHostPort(*adres)
	if err != nil {
		return gebruik("--adres %q: verwacht host:poort, zoals %s", *adres, standaardAdres)
	}
	opt := web.Standaard
	opt.Log = log.New(zichtbareRegels{stderr}, "kansrijk web: ", log.LstdFlags)
	if !isLoopback(host) {
		// Named explicitly: serve there, and say what that means.
		printf(stderr, "Let op: kansrijk web is nu ook bereikbaar voor andere computers via %s. Er is geen inlog:\n"+
			"iedereen die dit adres bereikt, kan bestanden aanleveren en rapporten en terugmeldingen met gegevens\n"+
			"van cliënten bekijken. Gebruik dit alleen op een afgeschermd netwerk.\n", *adres)
		if host != "" && net.ParseIP(host) == nil {
			opt.Hosts = append(opt.Hosts, host)
		}
		if naam, err := os.Hostname(); err == nil {
			opt.Hosts = append(opt.Hosts, naam)
		}
	}
	s, err := web.New(*dir, opt)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *adres)
	if err != nil {
		return fmt.Errorf("kan niet luisteren op %s: %w; kies een andere poort met --adres, zoals 127.0.0.1:8081", *adres, err)
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       10 * time.Minute, // an upload of many MB over a slow network
		WriteTimeout:      15 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          opt.Log,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fout := make(chan error, 1)
	go func() { fout <- srv.Serve(ln) }()
	printf(stdout, "kansrijk web draait voor werkmap %s op http://%s/\nOpen dat adres in uw browser. Stoppen met Ctrl-C.\n", *dir, url(ln.Addr()))

	select {
	case err := <-fout:
		return err
	case <-ctx.Done():
	}
	stop()
	printf(stdout, "Stoppen: wacht tot lopende aanleveringen en rapporten klaar zijn (hoogstens een halve minuut) …\n")
	klaar, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = errors.Join(srv.Shutdown(klaar), s.Shutdown(klaar))
	if errors.Is(err, context.DeadlineExceeded) {
		printf(stdout, "Gestopt; wat nog liep, is afgebroken (wat al was opgeslagen, blijft bewaard).\n")
		return nil
	}
	if err != nil {
		return err
	}
	printf(stdout, "Gestopt.\n")
	return nil
}

// isLoopback reports whether host names this computer only.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// url is the address to open in a browser: a wildcard address becomes
// localhost.
func url(a net.Addr) string {
	t, ok := a.(*net.TCPAddr)
	if !ok {
		return a.String()
	}
	if t.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(t.Port))
	}
	return t.String()
}
