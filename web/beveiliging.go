package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// sessie is one browser visiting the pages: a random id in a cookie, to
// which the CSRF token is bound. Accounts (who is behind a session, with
// which role) would be added here; without them a session may do
// everything, as whoever started kansrijk web on this computer may.
type sessie struct {
	ID string
	// Nieuw: the browser sent no cookie; the session was made for this
	// request, so a post of it cannot be one of the server's forms.
	Nieuw bool
}

// mag reports whether the session has right r. Without accounts, every
// session has every right.
func (se sessie) mag(r recht) bool { return true }

const sessieCookie = "kansrijk_sessie"

type sessieSleutel struct{}

// sessieVan is the session of a request (set by beveiliging.sessies).
func sessieVan(r *http.Request) sessie {
	se, _ := r.Context().Value(sessieSleutel{}).(sessie)
	return se
}

// beveiliging holds what protects the pages: the secret the CSRF tokens
// are made with (new at every start, so a token of an earlier run is
// refused) and the host names requests may name.
type beveiliging struct {
	geheim []byte
	hosts  map[string]bool
}

func nieuweBeveiliging(hosts []string) (*beveiliging, error) {
	b := &beveiliging{geheim: make([]byte, 32), hosts: map[string]bool{"localhost": true}}
	if _, err := rand.Read(b.geheim); err != nil {
		return nil, err
	}
	for _, h := range hosts {
		b.hosts[strings.ToLower(strings.TrimSuffix(h, "."))] = true
	}
	return b, nil
}

// willekeurig is a random id of 128 bits, for sessions, jobs and files.
func willekeurig() string {
	b := make([]byte, 16)
	rand.Read(b) // never fails (crypto/rand since Go 1.24)
	return base64.RawURLEncoding.EncodeToString(b)
}

// token is the CSRF token of a session: an HMAC of its id, so the server
// keeps no list and a token fits one session only.
func (b *beveiliging) token(se sessie) string {
	if se.ID == "" {
		return ""
	}
	m := hmac.New(sha256.New, b.geheim)
	m.Write([]byte("csrf\x00" + se.ID))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// tokenGeldig compares in constant time.
func (b *beveiliging) tokenGeldig(se sessie, token string) bool {
	want := b.token(se)
	return want != "" && hmac.Equal([]byte(want), []byte(token))
}

var (
	errGeenSessie = errors.New("Uw browser stuurde geen sessie mee (cookies uit?). Laad de pagina opnieuw en probeer het nog eens.")
	errToken      = errors.New("Dit formulier is verlopen of komt niet van deze pagina (bijvoorbeeld omdat kansrijk web opnieuw is gestart). Laad de pagina opnieuw en probeer het nog eens.")
	errHerkomst   = errors.New("Dit verzoek komt van een andere website en is geweigerd.")
)

// herkomst checks that a post comes from a page of this server: the
// browser's Origin and Sec-Fetch-Site headers, where it sends them, and
// a session. The token itself is checked by formulier or, for an
// upload, by ontvang.
func (b *beveiliging) herkomst(r *http.Request, se sessie) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		return errHerkomst
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		if err != nil || u.Scheme != scheme || !strings.EqualFold(u.Host, r.Host) {
			return errHerkomst
		}
	}
	if se.Nieuw {
		return errGeenSessie
	}
	return nil
}

// formulier reads a small form post and checks its CSRF token.
func (b *beveiliging) formulier(w http.ResponseWriter, r *http.Request, se sessie) error {
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	if err := r.ParseForm(); err != nil {
		return errToken
	}
	if !b.tokenGeldig(se, r.PostForm.Get("csrf")) {
		return errToken
	}
	return nil
}

// sessies gives every request its session, setting the cookie when the
// browser has none.
func (b *beveiliging) sessies(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var se sessie
		if c, err := r.Cookie(sessieCookie); err == nil && geldigID(c.Value) {
			se.ID = c.Value
		} else {
			id := willekeurig()
			http.SetCookie(w, &http.Cookie{
				Name: sessieCookie, Value: id, Path: "/", HttpOnly: true,
				Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode,
			})
			se = sessie{ID: id, Nieuw: true}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), sessieSleutel{}, se)))
	})
}

// geldigID accepts what willekeurig makes.
func geldigID(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == 16
}

// hostcontrole refuses a Host header that is not this computer: a page
// on another site whose name was made to point at 127.0.0.1 (DNS
// rebinding) would otherwise read these pages. IP addresses and
// localhost are always fine (no other site can have them as its origin),
// and so are the names in Opties.Hosts.
func (b *beveiliging) hostcontrole(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := r.Host
		if hh, _, err := net.SplitHostPort(h); err == nil {
			h = hh
		}
		h = strings.ToLower(strings.TrimSuffix(strings.Trim(h, "[]"), "."))
		if net.ParseIP(h) == nil && !b.hosts[h] {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(http.StatusMisdirectedRequest)
			w.Write([]byte("kansrijk web: onbekende hostnaam; open de pagina via het adres dat kansrijk web bij het starten noemde.\n"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// csp is the policy of kansrijk's own pages: nothing but files from this
// server, no inline script or style, no frames, forms only to here.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// rapportCSP is the policy of a report's HTML as the server shows it: the
// report's inline styles, charts and scripts, but sandboxed in an origin
// of its own, so that its scripts can reach nothing of the server.
const rapportCSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; " +
	"form-action 'none'; frame-ancestors 'none'; base-uri 'none'; sandbox allow-scripts allow-modals"

// kopteksten sets the security headers of every answer.
func (b *beveiliging) kopteksten(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		// same-origin, not no-referrer: with no-referrer a browser sends
		// "Origin: null" on the pages' own form posts.
		h.Set("Referrer-Policy", "same-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
