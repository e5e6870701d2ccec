package handlers_test

import (
	"bytes"
	"context"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/net/html"

	"github.com/gloveboard/gloveboard/handlers"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// app is a dashboard instance on a temporary data directory.
type app struct {
	e    *echo.Echo
	st   *store.Store
	jobs *jobs.Manager
	tok  string // CSRF token (also sent as cookie by do)
}

func newApp(t testing.TB, maxUpload int64) *app {
	t.Helper()
	return newAppConfig(t, func(cfg *handlers.Config) { cfg.MaxUpload = maxUpload })
}

// newAppConfig is newApp with the handlers' configuration changed by
// configure (Store and Jobs are already set).
func newAppConfig(t testing.TB, configure func(*handlers.Config)) *app {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Install(ctx, st); err != nil {
		t.Fatal(err)
	}
	jm, err := jobs.New(ctx, st, jobs.Options{Workers: 1, ErrorMessage: handlers.JobErrorMessage(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	cfg := handlers.Config{Store: st, Jobs: jm}
	configure(&cfg)
	e, err := handlers.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		jm.Close(cctx)
		st.Close()
	})
	a := &app{e: e, st: st, jobs: jm}
	// Fetch a page to obtain the CSRF cookie.
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	for _, c := range rec.Result().Cookies() {
		if c.Name == "_csrf" {
			a.tok = c.Value
		}
	}
	if a.tok == "" {
		t.Fatal("no _csrf cookie on the home page")
	}
	return a
}

// do serves req, adding the CSRF cookie (the token itself is the caller's
// business: header, query or nothing).
func (a *app) do(req *http.Request) *httptest.ResponseRecorder {
	req.AddCookie(&http.Cookie{Name: "_csrf", Value: a.tok})
	rec := httptest.NewRecorder()
	a.e.ServeHTTP(rec, req)
	return rec
}

func (a *app) get(path string) *httptest.ResponseRecorder {
	return a.do(httptest.NewRequest(http.MethodGet, path, nil))
}

// multipartBody builds an upload form.
func multipartBody(t *testing.T, name, filename string, content []byte) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if name != "" {
		if err := w.WriteField("name", name); err != nil {
			t.Fatal(err)
		}
	}
	fw, err := w.CreateFormFile("file", filename)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(content)
	w.Close()
	return &buf, w.FormDataContentType()
}

// upload posts a file to path (/corpora or /vectors) with the CSRF token in
// the query, as the upload forms do.
func (a *app) upload(t *testing.T, path, name, filename string, content []byte) *httptest.ResponseRecorder {
	t.Helper()
	body, ctype := multipartBody(t, name, filename, content)
	req := httptest.NewRequest(http.MethodPost, path+"?_csrf="+a.tok, body)
	req.Header.Set("Content-Type", ctype)
	return a.do(req)
}

// tmpEmpty fails unless the data directory's tmp folder is empty.
func (a *app) tmpEmpty(t *testing.T) {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(a.st.Dir(), "tmp"))
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 0 {
		t.Errorf("%d files left in the upload folder", len(es))
	}
}

// parse parses an HTML body.
func parse(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// find returns the first element below n with the given tag (and id, if
// not empty).
func find(n *html.Node, tag, id string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag && (id == "" || attr(n, "id") == id) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, tag, id); f != nil {
			return f
		}
	}
	return nil
}

// findAll returns all elements below n with the given tag.
func findAll(n *html.Node, tag string) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == tag {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// text returns the text content of n with whitespace collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
