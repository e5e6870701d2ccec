package handlers_test

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/gloveboard/gloveboard/internal/store"
)

// checkFormToken fails unless form posts to action with no token in its
// URL and carries the CSRF token tok in a hidden _csrf field placed first
// (the server reads it from the first part of a streamed upload).
func checkFormToken(t *testing.T, form *html.Node, action, tok string) {
	t.Helper()
	if form == nil {
		t.Fatal("no form")
	}
	if got := attr(form, "action"); got != action {
		t.Errorf("form action %q, want %q (no token in the URL)", got, action)
	}
	var first *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if first != nil {
			return
		}
		if n.Type == html.ElementNode && (n.Data == "input" || n.Data == "select" || n.Data == "textarea") {
			first = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	if first == nil || attr(first, "name") != "_csrf" || attr(first, "type") != "hidden" || attr(first, "value") != tok {
		t.Errorf("the form's first field is not the hidden _csrf token")
	}
}

// TestHostGuard sends a DNS-rebinding attack (issue 13, item 3): a POST
// deleting the demo corpus with Host: attacker.example:PORT, a matching
// Origin and Sec-Fetch-Site: same-origin. It must be refused with 421
// before any handler runs, and the corpus kept; so must every request
// to a host not allowed, whatever its token. Allowed names pass.
func TestHostGuard(t *testing.T) {
	a := newAppConfig(t, func(o *appOptions) {
		o.handlers.AllowedHosts = []string{"example.com", "gloveboard.example.org", "127.0.0.1:8080"}
	})
	id := demoCorpusID(t, a)
	del := "/corpora/" + strconv.FormatInt(id, 10) + "/delete"
	tests := []struct {
		name, method, path, host string
		token                    bool
		want                     int
	}{
		{"rebinding delete, no token", http.MethodPost, del, "attacker.example:8080", false, http.StatusMisdirectedRequest},
		{"rebinding delete with token", http.MethodPost, del, "attacker.example:8080", true, http.StatusMisdirectedRequest},
		{"rebinding page", http.MethodGet, "/", "attacker.example", false, http.StatusMisdirectedRequest},
		{"rebinding health", http.MethodGet, "/healthz", "attacker.example:8080", false, http.StatusMisdirectedRequest},
		{"rebinding API", http.MethodGet, "/api/corpora", "attacker.example:8080", false, http.StatusMisdirectedRequest},
		{"rebinding unknown route", http.MethodGet, "/nope", "attacker.example:8080", false, http.StatusMisdirectedRequest},
		{"loopback on another port", http.MethodGet, "/healthz", "127.0.0.1:9090", false, http.StatusMisdirectedRequest},
		{"localhost not listed", http.MethodGet, "/healthz", "localhost:8080", false, http.StatusMisdirectedRequest},
		{"no host", http.MethodGet, "/healthz", "", false, http.StatusMisdirectedRequest},
		{"listed address", http.MethodGet, "/healthz", "127.0.0.1:8080", false, http.StatusOK},
		{"listed name, any port", http.MethodGet, "/healthz", "gloveboard.example.org:443", false, http.StatusOK},
		{"listed name, no port, upper case", http.MethodGet, "/healthz", "GloveBoard.Example.Org", false, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, tc.path, nil)
			req.Host = tc.host
			req.Header.Set("Origin", "http://"+tc.host)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			if tc.token {
				req.Header.Set("X-CSRF-Token", a.tok)
			}
			rec := a.do(req)
			if rec.Code != tc.want {
				t.Fatalf("code %d, want %d: %.200s", rec.Code, tc.want, rec.Body)
			}
			if tc.want == http.StatusMisdirectedRequest && tc.path != "/api/corpora" && !strings.Contains(rec.Body.String(), "does not answer to the host name") {
				t.Errorf("no clear message: %.300s", rec.Body)
			}
		})
	}
	if _, err := a.st.Corpus(context.Background(), id); err != nil {
		t.Fatalf("the demo corpus was deleted: %v", err)
	}
}

// TestCSRFTokenIsBoundToTheServer plants cookies and tokens as another
// service on the same host could (cookies ignore ports) and relies on
// fetch metadata alone: all are refused with 403 and the corpus kept. The
// page's own token and cookie pass.
func TestCSRFTokenIsBoundToTheServer(t *testing.T) {
	a := newApp(t, 0)
	id := demoCorpusID(t, a)
	del := "/corpora/" + strconv.FormatInt(id, 10) + "/delete"
	planted := "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWY" // 32 bytes, base64url
	tests := []struct {
		name          string
		cookie, token string
		site          string
	}{
		{"planted cookie equal to the token", planted, planted, ""},
		{"planted cookie equal to the token, same-origin", planted, planted, "same-origin"},
		{"real cookie sent back as the token", a.nonce, a.nonce, ""},
		{"fetch metadata alone", a.nonce, "", "same-origin"},
		{"no cookie, the page's token", "", a.tok, ""},
		{"the page's token from a sibling port", a.nonce, a.tok, "same-site"},
		{"the page's token cross-site", a.nonce, a.tok, "cross-site"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, del, nil)
			if tc.cookie != "" {
				req.AddCookie(&http.Cookie{Name: "_csrf", Value: tc.cookie})
			}
			if tc.token != "" {
				req.Header.Set("X-CSRF-Token", tc.token)
			}
			if tc.site != "" {
				req.Header.Set("Sec-Fetch-Site", tc.site)
			}
			rec := httptest.NewRecorder()
			a.e.ServeHTTP(rec, req)
			if rec.Code != http.StatusForbidden {
				t.Fatalf("code %d, want 403: %.200s", rec.Code, rec.Body)
			}
		})
	}
	if _, err := a.st.Corpus(context.Background(), id); err != nil {
		t.Fatalf("the demo corpus was deleted: %v", err)
	}

	// A token in a multipart upload counts only as its first field.
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("name", "late token")
	fw, _ := w.CreateFormFile("file", "x.txt")
	fw.Write([]byte("some words here\n"))
	w.WriteField("_csrf", a.tok)
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/corpora", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	if rec := a.do(req); rec.Code != http.StatusForbidden {
		t.Errorf("upload with the token last: %d, want 403", rec.Code)
	}

	// The page's token, in the header or as a form's first field, passes.
	req = httptest.NewRequest(http.MethodPost, del, strings.NewReader("_csrf="+a.tok))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if rec := a.do(req); rec.Code != http.StatusSeeOther {
		t.Fatalf("delete with the form's token: %d: %.200s", rec.Code, rec.Body)
	}
	if _, err := a.st.Corpus(context.Background(), id); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("corpus still there after an allowed delete: %v", err)
	}
}

// TestRefusedUploadKeepsTheTokenOutOfTheURL posts a refused upload the
// way the upload form does: the page shown again must be at the form's
// own address (no ?_csrf= for the address bar, history or logs) and
// carry the token in its hidden field.
func TestRefusedUploadKeepsTheTokenOutOfTheURL(t *testing.T) {
	a := newApp(t, 0)
	rec := a.get("/corpora")
	form := find(parse(t, rec.Body.String()), "form", "")
	checkFormToken(t, form, "/corpora", a.tok)
	rec = a.upload(t, attr(form, "action"), "bad", "bad.bin", []byte("\x00\x01\x02binary"))
	if rec.Code < 400 || rec.Code >= 500 {
		t.Fatalf("binary upload: %d", rec.Code)
	}
	if loc := rec.Header().Get("Location"); strings.Contains(loc, "_csrf") {
		t.Errorf("redirected to %q", loc)
	}
	checkFormToken(t, find(parse(t, rec.Body.String()), "form", ""), "/corpora", a.tok)
	if strings.Contains(rec.Body.String(), "_csrf=") {
		t.Error("the page puts the token in a URL")
	}
}
