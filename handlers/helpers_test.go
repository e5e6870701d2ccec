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
	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// demoCorpora is the number of demo corpora installed at first start
// (WordNet glosses and the Vietnamese LibreOffice help).
const demoCorpora = 2

// app is a dashboard instance on a temporary data directory: the real
// application service behind the handlers.
type app struct {
	e    *echo.Echo
	svc  *service.Service
	st   *store.Store
	jobs jobsOf // the service's jobs, as the tests use them
	tok  string // CSRF token, bound to the cookie nonce
	// nonce is the CSRF cookie's value, sent by do.
	nonce string
}

// jobsOf gives tests the job operations of a service under short names.
type jobsOf struct{ svc *service.Service }

func (j jobsOf) Submit(kind string, target int64, body func(context.Context, jobs.Run) error) (store.Job, error) {
	return j.svc.Submit(service.Kind(kind), target, body)
}
func (j jobsOf) Get(ctx context.Context, id int64) (service.JobInfo, error) {
	return j.svc.Job(ctx, id)
}
func (j jobsOf) List(ctx context.Context, limit int) ([]service.JobInfo, error) {
	return j.svc.Jobs(ctx, limit)
}
func (j jobsOf) Wait(ctx context.Context, id int64) (service.JobInfo, error) {
	return j.svc.WaitJob(ctx, id)
}
func (j jobsOf) Cancel(ctx context.Context, id int64) error { return j.svc.CancelJob(ctx, id) }

// appOptions are what a test may change: the service's and the
// handlers' configuration.
type appOptions struct {
	service  service.Config
	handlers handlers.Config
}

func newApp(t testing.TB, maxUpload int64) *app {
	t.Helper()
	return newAppConfig(t, func(o *appOptions) { o.handlers.MaxUpload = maxUpload })
}

// newAppConfig is newApp with the configuration changed by configure
// (the data directory and the handlers' Service are set afterwards). The
// demo data is installed but not built.
func newAppConfig(t testing.TB, configure func(*appOptions)) *app {
	t.Helper()
	return startApp(t, t.TempDir(), configure)
}

// startApp opens the service on dir as cmd/web does (with the demo build
// off unless configure turns it on) and serves it with the handlers.
func startApp(t testing.TB, dir string, configure func(*appOptions)) *app {
	t.Helper()
	ctx := context.Background()
	// httptest.NewRequest sends Host: example.com; browser tests reach
	// an httptest.Server at 127.0.0.1.
	o := appOptions{service: service.Config{Workers: 1, SkipDemoBuild: true},
		handlers: handlers.Config{AllowedHosts: append([]string{"example.com"}, handlers.LoopbackHosts()...)}}
	configure(&o)
	o.service.DataDir = dir
	svc, err := service.Open(ctx, o.service)
	if err != nil {
		t.Fatal(err)
	}
	o.handlers.Service = svc
	e, err := handlers.New(o.handlers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		svc.Close(cctx)
	})
	a := &app{e: e, svc: svc, st: svc.Store(), jobs: jobsOf{svc}}
	// Fetch a page to obtain the CSRF cookie and its token.
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	for _, c := range rec.Result().Cookies() {
		if c.Name == "_csrf" {
			a.nonce = c.Value
		}
	}
	a.tok = rec.Header().Get("X-CSRF-Token")
	if a.nonce == "" || a.tok == "" {
		t.Fatalf("no _csrf cookie (%q) or token (%q) on the home page", a.nonce, a.tok)
	}
	return a
}

// buildDemo builds the demo corpus with the default settings and waits.
func (a *app) buildDemo(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	cs, err := a.st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Source != store.SourceDemo {
			continue
		}
		j, err := a.svc.StartBuild(ctx, c.ID, service.DefaultBuildSettings())
		if err != nil {
			t.Fatal(err)
		}
		wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		if info, err := a.svc.WaitJob(wctx, j.ID); err != nil || info.Status != store.JobDone {
			t.Fatalf("demo build: %+v, %v", info, err)
		}
	}
}

// do serves req, adding the CSRF cookie (the token itself is the caller's
// business: header, query or nothing).
func (a *app) do(req *http.Request) *httptest.ResponseRecorder {
	req.AddCookie(&http.Cookie{Name: "_csrf", Value: a.nonce})
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
	return formBody(t, "", name, filename, content)
}

// formBody is multipartBody with the CSRF token tok as first field, as
// the upload forms send it (none when tok is "").
func formBody(t *testing.T, tok, name, filename string, content []byte) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if tok != "" {
		if err := w.WriteField("_csrf", tok); err != nil {
			t.Fatal(err)
		}
	}
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

// upload posts a file to path (/corpora or /vectors) with the CSRF token
// in the first field, as the upload forms do.
func (a *app) upload(t *testing.T, path, name, filename string, content []byte) *httptest.ResponseRecorder {
	t.Helper()
	body, ctype := formBody(t, a.tok, name, filename, content)
	req := httptest.NewRequest(http.MethodPost, path, body)
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

// viAccept is the Accept-Language of a browser set to Vietnamese.
const viAccept = "vi-VN,vi;q=0.9,en;q=0.5"

// getIn serves GET path as a browser asking for accept (Accept-Language)
// would, as htmx asks when hx is set.
func (a *app) getIn(accept, path string, hx bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", accept)
	if hx {
		req.Header.Set("HX-Request", "true")
	}
	return a.do(req)
}
