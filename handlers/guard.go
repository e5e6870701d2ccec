package handlers

// The guards every request passes before a handler runs: the Host check
// against DNS rebinding (hostGuard), the body-idle cut and upload slots
// (bodyGuard), the CSRF check of state-changing requests (csrfGuard) and
// HEAD answered as GET (headAsGet); and clientGone, which keeps a
// disconnected client's errors out of the error log.

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/store"
)

// StatusClientClosed is the status the request log shows for a request
// whose client disconnected before the answer (no response is sent).
const StatusClientClosed = 499

var (
	// ErrTooManyUploads marks an upload refused because
	// Config.MaxConcurrentUploads are already being received.
	ErrTooManyUploads = errors.New("too many uploads in progress")
	// ErrBodyStalled marks a request whose body sent nothing for
	// Config.BodyIdleTimeout.
	ErrBodyStalled = errors.New("request body stalled")
	// ErrMisdirected marks a request whose Host header names a host the
	// server does not answer to (a DNS-rebinding page, or a missing
	// -allowed-hosts entry).
	ErrMisdirected = errors.New("host not allowed")
)

// LoopbackHosts returns the host names a server answers to, on any port,
// when Config.AllowedHosts is empty.
func LoopbackHosts() []string { return []string{"localhost", "127.0.0.1", "[::1]"} }

// hostSet is the parsed form of Config.AllowedHosts: entries with a port
// match that host and port exactly; entries without one match the name on
// any port (or none).
type hostSet struct {
	exact map[string]bool // "127.0.0.1:8080"
	names map[string]bool // "localhost", "::1" (brackets removed)
}

func newHostSet(entries []string) hostSet {
	hs := hostSet{exact: map[string]bool{}, names: map[string]bool{}}
	if len(entries) == 0 {
		entries = LoopbackHosts()
	}
	for _, e := range entries {
		e = strings.ToLower(strings.TrimSpace(e))
		if e == "" {
			continue
		}
		if host, port, err := net.SplitHostPort(e); err == nil && port != "" {
			hs.exact[net.JoinHostPort(host, port)] = true
			continue
		}
		hs.names[strings.Trim(e, "[]")] = true
	}
	return hs
}

// allows reports whether the Host header value host is one of the set.
func (hs hostSet) allows(host string) bool {
	host = strings.ToLower(host)
	if host == "" {
		return false
	}
	name, port, err := net.SplitHostPort(host)
	if err != nil { // no port
		return hs.names[strings.Trim(host, "[]")]
	}
	return hs.exact[net.JoinHostPort(name, port)] || hs.names[name]
}

// hostGuard answers 421 Misdirected Request, before routing, to requests
// whose Host is not allowed: a page on attacker.example that rebinds its
// name to 127.0.0.1 reaches the server with Host: attacker.example:PORT.
func (s *Server) hostGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		host := c.Request().Host
		if s.hosts.allows(host) {
			return next(c)
		}
		shown := host
		if r := []rune(shown); len(r) > 100 {
			shown = string(r[:100]) + "…"
		}
		return public(ErrMisdirected, fmt.Sprintf("This server does not answer to the host name %q. Open it by the address it listens on (such as 127.0.0.1), or start it with -allowed-hosts naming this host.", shown))
	}
}

// CSRF protection: the cookie csrfCookie holds a random nonce; the token
// pages carry (hx-headers, a hidden _csrf form field) is
// HMAC-SHA256(key, nonce), and a state-changing request must send the
// token of its cookie's nonce. The key is the server's, so a cookie
// planted by another service on the same host (cookies ignore ports)
// cannot be paired with a token it chose. Fetch metadata may refuse a
// request (Sec-Fetch-Site cross-site or same-site) but never admits one
// without the token.
const (
	csrfCookie = "_csrf"
	csrfField  = "_csrf"
	csrfHeader = echo.HeaderXCSRFToken
	// csrfKeyMeta is the catalogue's meta key holding the key (hex), so
	// that tokens outlive a restart.
	csrfKeyMeta = "csrf_key"
	nonceBytes  = 32
	// maxTokenLen bounds a token read from a multipart field.
	maxTokenLen = 128
)

// loadCSRFKey returns the key kept in the catalogue, creating it on first
// use.
func loadCSRFKey(ctx context.Context, st *store.Store) ([]byte, error) {
	if v, err := st.Meta(ctx, csrfKeyMeta); err == nil {
		if key, err := hex.DecodeString(v); err == nil && len(key) >= 32 {
			return key, nil
		}
	} else if !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	key := make([]byte, 32)
	rand.Read(key)
	if err := st.SetMeta(ctx, csrfKeyMeta, hex.EncodeToString(key)); err != nil {
		return nil, fmt.Errorf("saving the CSRF key: %w", err)
	}
	return key, nil
}

// csrfToken is the token belonging to nonce.
func (s *Server) csrfToken(nonce string) string {
	m := hmac.New(sha256.New, s.csrfKey)
	m.Write([]byte(nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// validNonce reports whether v looks like a nonce this server issued.
func validNonce(v string) bool {
	b, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil && len(b) == nonceBytes
}

// safeMethod reports whether m changes nothing (no token needed).
func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions || m == http.MethodTrace
}

// csrfGuard sets the nonce cookie when missing, puts the token in the
// context ("csrf", for the pages) and in the X-CSRF-Token header of safe
// requests' answers (for scripts; other origins cannot read it), and
// refuses state-changing requests without the right token.
func (s *Server) csrfGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		nonce := ""
		if ck, err := req.Cookie(csrfCookie); err == nil && validNonce(ck.Value) {
			nonce = ck.Value
		}
		if nonce == "" {
			b := make([]byte, nonceBytes)
			rand.Read(b)
			nonce = base64.RawURLEncoding.EncodeToString(b)
			c.SetCookie(&http.Cookie{Name: csrfCookie, Value: nonce, Path: "/", HttpOnly: true,
				Secure: c.IsTLS(), SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
		}
		want := s.csrfToken(nonce)
		c.Set("csrf", want)
		if safeMethod(req.Method) {
			c.Response().Header().Set(csrfHeader, want)
			return next(c)
		}
		switch req.Header.Get("Sec-Fetch-Site") {
		case "", "same-origin", "none":
		default:
			return fmt.Errorf("Sec-Fetch-Site %q: %w", req.Header.Get("Sec-Fetch-Site"), ErrCSRF)
		}
		sent, err := sentToken(req)
		if err != nil {
			return err
		}
		if sent == "" || !hmac.Equal([]byte(sent), []byte(want)) {
			return fmt.Errorf("token does not match the cookie: %w", ErrCSRF)
		}
		return next(c)
	}
}

// sentToken finds the token of a state-changing request: the
// X-CSRF-Token header (htmx, scripts), the _csrf query parameter
// (scripts), the _csrf field of a URL-encoded form, or the first part of
// a multipart form when it is the _csrf field (the upload forms put it
// first; the body is given back whole to the handler, which streams it).
func sentToken(req *http.Request) (string, error) {
	if t := req.Header.Get(csrfHeader); t != "" {
		return t, nil
	}
	if t := req.URL.Query().Get(csrfField); t != "" {
		return t, nil
	}
	mt, params, err := mime.ParseMediaType(req.Header.Get(echo.HeaderContentType))
	if err != nil {
		return "", nil
	}
	switch {
	case mt == echo.MIMEApplicationForm:
		// The body limit (formBodyLimit) applies: uploads are multipart.
		return req.PostFormValue(csrfField), nil
	case mt == echo.MIMEMultipartForm && params["boundary"] != "":
		return firstPartToken(req, params["boundary"]), nil
	}
	return "", nil
}

// firstPartToken reads the first part of req's multipart body if it is
// the _csrf field, and puts the bytes it consumed back in front of the
// rest of the body.
func firstPartToken(req *http.Request, boundary string) string {
	var seen bytes.Buffer
	mr := multipart.NewReader(io.TeeReader(io.LimitReader(req.Body, 16<<10), &seen), boundary)
	tok := ""
	if part, err := mr.NextPart(); err == nil && part.FormName() == csrfField && part.FileName() == "" {
		b, _ := io.ReadAll(io.LimitReader(part, maxTokenLen+1))
		if len(b) <= maxTokenLen {
			tok = string(b)
		}
	}
	req.Body = readCloser{io.MultiReader(bytes.NewReader(seen.Bytes()), req.Body), req.Body}
	return tok
}

type readCloser struct {
	io.Reader
	io.Closer
}

// clientGone reports whether the client of c has disconnected (its
// request's context ends with the connection): errors then are not the
// server's, and nobody reads an answer.
func clientGone(c echo.Context) bool { return c.Request().Context().Err() != nil }

// headAsGet answers HEAD like GET on every GET route (echo routes HEAD on
// its own, and would answer 405): the request is routed as a GET and the
// body written is dropped. It runs before routing (echo.Pre).
func headAsGet(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Method != http.MethodHead {
			return next(c)
		}
		req.Method = http.MethodGet
		c.Response().Writer = headWriter{c.Response().Writer}
		return next(c)
	}
}

// headWriter drops the body of a HEAD answer.
type headWriter struct{ http.ResponseWriter }

func (w headWriter) Write(p []byte) (int, error) { return len(p), nil }

// DefaultBodyIdleTimeout is how long a request body may send nothing
// before the server cuts it, when Config.BodyIdleTimeout is 0.
const DefaultBodyIdleTimeout = 30 * time.Second

// DefaultMaxConcurrentUploads is the number of uploads received at the
// same time (each holds a staging file), when Config.MaxConcurrentUploads
// is 0.
const DefaultMaxConcurrentUploads = 32

// bodyGuard cuts a request body that sends nothing for s.bodyIdle: before
// each read it moves the connection's read deadline s.bodyIdle ahead, so a
// stalled upload fails its next read (and its staging file is removed)
// instead of holding a file and a descriptor for ever. Uploads also take
// one of s.uploads' slots while they are received, or are refused with
// 429.
func (s *Server) bodyGuard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		req := c.Request()
		if req.Body == nil || req.Body == http.NoBody || safeMethod(req.Method) {
			return next(c)
		}
		body := &idleLimitedBody{ReadCloser: req.Body, rc: http.NewResponseController(c.Response().Writer), idle: s.bodyIdle}
		req.Body = body
		if isUpload(c) {
			select {
			case s.uploads <- struct{}{}:
				defer func() { <-s.uploads }()
			default:
				c.Response().Header().Set("Retry-After", "5")
				return public(ErrTooManyUploads, fmt.Sprintf("%d uploads are being received right now, the most this server takes at once. Try again in a moment.", cap(s.uploads)))
			}
		}
		err := next(c)
		if body.stalled && !c.Response().Committed {
			// The failed read also ended the request's context, so
			// whatever the handler tried next failed: say what happened,
			// under a context that lets the answer be written.
			c.SetRequest(req.WithContext(context.WithoutCancel(req.Context())))
			return public(ErrBodyStalled, fmt.Sprintf("The request sent nothing for %s, so the server stopped waiting for it. Please try again.", s.bodyIdle))
		}
		return err
	}
}

// idleLimitedBody moves the connection's read deadline idle ahead before
// every read of the body.
type idleLimitedBody struct {
	io.ReadCloser
	rc      *http.ResponseController
	idle    time.Duration
	stalled bool // a read hit the deadline
}

func (b *idleLimitedBody) Read(p []byte) (int, error) {
	// Not every ResponseWriter supports deadlines (httptest's
	// recorder does not); the body is then read without one.
	b.rc.SetReadDeadline(time.Now().Add(b.idle))
	n, err := b.ReadCloser.Read(p)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		b.stalled = true
	}
	return n, err
}
