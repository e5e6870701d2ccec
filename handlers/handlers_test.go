package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/net/html"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

func TestHomeListsDemoData(t *testing.T) {
	a := newApp(t, 0)
	rec := a.get("/")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET / = %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	tests := []struct {
		section string
		rows    int
		want    []string
	}{
		{"corpora", demoCorpora, []string{demo.CorpusName, "wordnet-glosses.txt.gz", "2.9 MiB", "not built yet"}},
		{"vectors", 1, []string{demo.VectorsName, "4,197", "50", "1.7 MiB"}},
	}
	for _, tc := range tests {
		sec := find(doc, "section", tc.section)
		if sec == nil {
			t.Fatalf("no section #%s", tc.section)
		}
		rows := findAll(find(sec, "tbody", ""), "tr")
		if len(rows) != tc.rows {
			t.Fatalf("#%s: %d rows, want %d", tc.section, len(rows), tc.rows)
		}
		got := text(rows[len(rows)-1]) // the catalogue lists the newest first
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("#%s row %q lacks %q", tc.section, got, w)
			}
		}
	}
	// The header navigation has the four sections, Home marked current.
	nav := find(doc, "nav", "")
	if got := text(nav); got != "Home Corpora Train Explore" {
		t.Errorf("nav = %q", got)
	}
	if cur := findAll(nav, "a")[0]; attr(cur, "aria-current") != "page" {
		t.Error("Home is not marked as the current page")
	}
	// htmx requests carry the CSRF token.
	body := find(doc, "body", "")
	if !strings.Contains(attr(body, "hx-headers"), a.tok) {
		t.Errorf("body hx-headers = %q, want the CSRF token", attr(body, "hx-headers"))
	}
}

func TestSecurityHeaders(t *testing.T) {
	a := newApp(t, 0)
	for _, path := range []string{"/", "/static/style.css", "/corpora/999", "/api/corpora"} {
		rec := a.get(path)
		h := rec.Header()
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: headers %v", path, h)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestUploadCorpus(t *testing.T) {
	tests := []struct {
		name, field, filename string
		content               []byte
		wantName              string
		wantGzip              bool
	}{
		{"plain text", "", "tiny.txt", []byte("ice is solid . steam is gas .\n"), "tiny.txt", false},
		{"gzip with name", "My corpus", "tiny.txt.gz", gz(t, "water flows .\n"), "My corpus", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t, 0)
			rec := a.upload(t, "/corpora", tc.field, tc.filename, tc.content)
			if rec.Code != http.StatusSeeOther {
				t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
			}
			loc := rec.Header().Get("Location")
			id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/corpora/"), 10, 64)
			if err != nil {
				t.Fatalf("Location %q", loc)
			}
			c, err := a.st.Corpus(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if c.Name != tc.wantName || c.Gzipped != tc.wantGzip || c.Size != int64(len(tc.content)) || c.Filename != tc.filename {
				t.Errorf("stored %+v", c)
			}
			onDisk, err := os.ReadFile(a.st.CorpusPath(id, c.Gzipped))
			if err != nil || !bytes.Equal(onDisk, tc.content) {
				t.Errorf("file on disk differs (%v)", err)
			}
			a.tmpEmpty(t)
			page := a.get(loc)
			if page.Code != http.StatusOK || !strings.Contains(text(find(parse(t, page.Body.String()), "h1", "")), tc.wantName) {
				t.Errorf("corpus page %d: %s", page.Code, page.Body)
			}
			home := text(find(parse(t, a.get("/").Body.String()), "section", "corpora"))
			if !strings.Contains(home, tc.wantName) {
				t.Errorf("home does not list %q: %s", tc.wantName, home)
			}
		})
	}
}

func TestUploadRejected(t *testing.T) {
	big := bytes.Repeat([]byte("word "), 1000) // 5,000 bytes
	tests := []struct {
		name, path, filename string
		content              []byte
		wantCode             int
		wantMsg              string
	}{
		{"corpus over limit", "/corpora", "big.txt", big, http.StatusRequestEntityTooLarge, "larger than the upload limit of 4 KiB"},
		{"vectors over limit", "/vectors", "big.txt", big, http.StatusRequestEntityTooLarge, "larger than the upload limit"},
		{"empty corpus", "/corpora", "empty.txt", nil, http.StatusBadRequest, "The file is empty"},
		{"binary corpus", "/corpora", "x.bin", []byte{0, 1, 2, 3, 0xff}, http.StatusUnprocessableEntity, "does not look like a text file"},
		{"broken gzip", "/corpora", "x.gz", []byte{0x1f, 0x8b, 9, 9, 9}, http.StatusUnprocessableEntity, "truncated or damaged"},
		{"ragged vectors", "/vectors", "v.txt", []byte("a 1 2\nb 3\n"), http.StatusBadRequest, "line 2: 1 components where earlier lines have 2"},
		{"gzip of ragged vectors", "/vectors", "v.txt.gz", gz(t, "a 1 2\nb 3\n"), http.StatusUnprocessableEntity, "This vector file could not be read: line 2"},
		{"Projector vectors.tsv without its words", "/vectors", "vectors.tsv", []byte("1\t2\n3\t4\n"), http.StatusBadRequest, "Choose it together with its metadata.tsv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newApp(t, 4096)
			rec := a.upload(t, tc.path, "", tc.filename, tc.content)
			if rec.Code != tc.wantCode {
				t.Fatalf("code %d, want %d: %s", rec.Code, tc.wantCode, rec.Body)
			}
			if msg := text(find(parse(t, rec.Body.String()), "main", "")); !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q lacks %q", msg, tc.wantMsg)
			}
			a.tmpEmpty(t)
			cs, _ := a.st.Corpora(context.Background())
			vs, _ := a.st.VectorSets(context.Background())
			if len(cs) != demoCorpora || len(vs) != 1 {
				t.Errorf("catalogue changed: %d corpora, %d vector sets", len(cs), len(vs))
			}
		})
	}
}

func TestUploadNoFileChosen(t *testing.T) {
	a := newApp(t, 0)
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("name", "x")
	w.Close()
	req := httptest.NewRequest(http.MethodPost, "/corpora?_csrf="+a.tok, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	rec := a.do(req)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "Choose a file to upload") {
		t.Errorf("got %d: %s", rec.Code, rec.Body)
	}
}

// A client that disconnects half-way leaves nothing behind.
func TestPartialUploadLeavesNoFile(t *testing.T) {
	a := newApp(t, 0)
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		fw, _ := mw.CreateFormFile("file", "half.txt")
		fw.Write(bytes.Repeat([]byte("half an upload "), 10000))
		pw.CloseWithError(io.ErrUnexpectedEOF) // connection lost
	}()
	req := httptest.NewRequest(http.MethodPost, "/corpora?_csrf="+a.tok, pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := a.do(req)
	if rec.Code != http.StatusBadRequest {
		t.Errorf("code %d, want 400", rec.Code)
	}
	a.tmpEmpty(t)
	if cs, _ := a.st.Corpora(context.Background()); len(cs) != demoCorpora {
		t.Errorf("%d corpora, want only the demo corpora", len(cs))
	}
}

func TestCSRF(t *testing.T) {
	a := newApp(t, 0)
	tests := []struct {
		name   string
		path   string
		header map[string]string
	}{
		{"upload without token", "/corpora", nil},
		{"upload with wrong token", "/corpora?_csrf=wrong", nil},
		{"cancel without token", "/jobs/1/cancel", nil},
		{"api cancel without token", "/api/jobs/1/cancel", nil},
		{"cancel with wrong header", "/jobs/1/cancel", map[string]string{"X-CSRF-Token": "nope"}},
		{"cross-site form post", "/jobs/1/cancel", map[string]string{"Sec-Fetch-Site": "cross-site"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body, ctype := multipartBody(t, "x", "x.txt", []byte("some text"))
			req := httptest.NewRequest(http.MethodPost, tc.path, body)
			req.Header.Set("Content-Type", ctype)
			for k, v := range tc.header {
				req.Header.Set(k, v)
			}
			rec := a.do(req)
			if rec.Code != http.StatusForbidden {
				t.Errorf("code %d, want 403: %s", rec.Code, rec.Body)
			}
		})
	}
	if cs, _ := a.st.Corpora(context.Background()); len(cs) != demoCorpora {
		t.Errorf("%d corpora after refused uploads, want %d", len(cs), demoCorpora)
	}
	a.tmpEmpty(t)
}

func TestUserStringsAreEscaped(t *testing.T) {
	a := newApp(t, 0)
	const evil = `<script>alert(1)</script>.txt`
	rec := a.upload(t, "/corpora", evil, evil, []byte("plain words\n"))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
	}
	for _, path := range []string{rec.Header().Get("Location"), "/", "/corpora", "/train"} {
		body := a.get(path).Body.String()
		if strings.Contains(body, "<script>alert") {
			t.Errorf("%s: unescaped script in page", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;.txt") {
			t.Errorf("%s: escaped name missing", path)
		}
	}
}

func TestNotFound(t *testing.T) {
	a := newApp(t, 0)
	tests := []struct {
		path     string
		wantCode int
		wantMsg  string
	}{
		{"/corpora/999", http.StatusNotFound, "There is no corpus with id 999"},
		{"/vectors/999", http.StatusNotFound, "There is no vector set with id 999"},
		{"/no/such/page", http.StatusNotFound, "There is no page at this address"},
		{"/corpora/abc", http.StatusBadRequest, "not a valid corpus id"},
		{"/corpora/-1", http.StatusBadRequest, "not a valid corpus id"},
		{"/api/jobs/999", http.StatusNotFound, "There is no job with id 999"},
	}
	for _, tc := range tests {
		rec := a.get(tc.path)
		if rec.Code != tc.wantCode || !strings.Contains(rec.Body.String(), tc.wantMsg) {
			t.Errorf("%s: %d %s, want %d with %q", tc.path, rec.Code, rec.Body, tc.wantCode, tc.wantMsg)
		}
	}
	rec := a.get("/api/jobs/999")
	var got map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || got["status"] != float64(404) {
		t.Errorf("API error body %s (%v)", rec.Body, err)
	}
}

func TestPathTraversalIsRejected(t *testing.T) {
	a := newApp(t, 0)
	// A file next to the catalogue that a traversal might try to reach.
	secret := "top secret catalogue bytes"
	if err := os.WriteFile(a.st.Dir()+"/secret.txt", []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/corpora/..%2fsecret.txt",
		"/corpora/%2e%2e%2fsecret.txt",
		"/corpora/%2e%2e%2f%2e%2e%2fgloveboard.db",
		"/vectors/..%2F..%2Fgloveboard.db",
		"/corpora/1%2f..%2f..%2fsecret.txt",
		"/api/jobs/..%2f1",
		"/static/..%2f..%2fgo.mod",
		"/static/%2e%2e/%2e%2e/handlers/server.go",
	} {
		rec := a.get(path)
		if rec.Code < 400 || rec.Code >= 500 {
			t.Errorf("%s: code %d, want 4xx", path, rec.Code)
		}
		body := rec.Body.String()
		if strings.Contains(body, secret) || strings.Contains(body, "SQLite format") || strings.Contains(body, "package handlers") || strings.Contains(body, a.st.Dir()) {
			t.Errorf("%s: response leaks file contents or paths", path)
		}
	}
}

func TestJobsFragmentAndCancel(t *testing.T) {
	a := newApp(t, 0)
	started := make(chan struct{})
	j, err := a.jobs.Submit("build-corpus", 1, func(ctx context.Context, run jobs.Run) error {
		progress := run.Progress
		progress(0.4, "counting words")
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	id := strconv.FormatInt(j.ID, 10)

	frag := parse(t, a.get("/jobs").Body.String())
	sec := find(frag, "section", "jobs")
	if sec == nil || attr(sec, "hx-trigger") != "every 1s" {
		t.Fatalf("jobs fragment does not poll while a job runs")
	}
	row := text(find(sec, "tr", "job-"+id))
	for _, want := range []string{"Build corpus", "corpus “WordNet glosses (demo)”", "running", "40%", "counting words", "Cancel"} {
		if !strings.Contains(row, want) {
			t.Errorf("job row %q lacks %q", row, want)
		}
	}
	if p := find(sec, "progress", ""); p == nil || attr(p, "value") != "0.400" {
		t.Errorf("progress element missing or wrong")
	}

	var apiJob map[string]any
	if err := json.Unmarshal(a.get("/api/jobs/"+id).Body.Bytes(), &apiJob); err != nil || apiJob["status"] != "running" || apiJob["progress"] != 0.4 {
		t.Errorf("api job %v (%v)", apiJob, err)
	}

	req := httptest.NewRequest(http.MethodPost, "/jobs/"+id+"/cancel", nil)
	req.Header.Set("X-CSRF-Token", a.tok)
	req.Header.Set("HX-Request", "true")
	if rec := a.do(req); rec.Code != http.StatusOK {
		t.Fatalf("cancel = %d: %s", rec.Code, rec.Body)
	}
	wctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if info, err := a.jobs.Wait(wctx, j.ID); err != nil || info.Status != store.JobCancelled {
		t.Fatalf("after cancel: %+v, %v", info, err)
	}
	req = httptest.NewRequest(http.MethodGet, "/jobs", nil)
	req.Header.Set("HX-Request", "true")
	rec := a.do(req)
	frag = parse(t, rec.Body.String())
	if sec := find(frag, "section", "jobs"); attr(sec, "hx-trigger") != "" {
		t.Error("jobs fragment still polls with no active job")
	}
	if rec.Header().Get("HX-Refresh") != "true" {
		t.Error("the last poll does not ask htmx to reload the page")
	}
	// Cancelling again: the job has finished.
	req = httptest.NewRequest(http.MethodPost, "/api/jobs/"+id+"/cancel", nil)
	req.Header.Set("X-CSRF-Token", a.tok)
	if rec := a.do(req); rec.Code != http.StatusConflict {
		t.Errorf("second cancel = %d, want 409", rec.Code)
	}
}

func TestAPILists(t *testing.T) {
	a := newApp(t, 0)
	var corpora []map[string]any
	if err := json.Unmarshal(a.get("/api/corpora").Body.Bytes(), &corpora); err != nil || len(corpora) != demoCorpora || corpora[demoCorpora-1]["name"] != demo.CorpusName {
		t.Errorf("api corpora %v (%v)", corpora, err)
	}
	var vecs []map[string]any
	if err := json.Unmarshal(a.get("/api/vectors").Body.Bytes(), &vecs); err != nil || len(vecs) != 1 || vecs[0]["count"] != float64(4197) || vecs[0]["dim"] != float64(50) {
		t.Errorf("api vectors %v (%v)", vecs, err)
	}
}

func TestUploadVectors(t *testing.T) {
	a := newApp(t, 0)
	rec := a.upload(t, "/vectors", "tiny", "tiny.txt", []byte("2 3\nice 1 0 0\nsteam 0 1 0\n"))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
	}
	page := text(find(parse(t, a.get(rec.Header().Get("Location")).Body.String()), "main", ""))
	if !strings.Contains(page, "2 × 3") {
		t.Errorf("vector page %q lacks 2 × 3", page)
	}
}

func TestDuplicateUploadAddsNothing(t *testing.T) {
	a := newApp(t, 0)
	content := []byte("the same words twice\n")
	first := a.upload(t, "/corpora", "first", "a.txt", content)
	second := a.upload(t, "/corpora", "second", "b.txt", content)
	if first.Code != http.StatusSeeOther || second.Code != http.StatusSeeOther {
		t.Fatalf("codes %d, %d", first.Code, second.Code)
	}
	if want := first.Header().Get("Location") + "?duplicate=1"; second.Header().Get("Location") != want {
		t.Errorf("second upload goes to %q, want %q", second.Header().Get("Location"), want)
	}
	page := text(find(parse(t, a.get(second.Header().Get("Location")).Body.String()), "main", ""))
	if !strings.Contains(page, "already in the catalogue") || !strings.Contains(page, "first") {
		t.Errorf("duplicate page %q", page)
	}
	if cs, _ := a.st.Corpora(context.Background()); len(cs) != demoCorpora+1 {
		t.Errorf("%d corpora, want the demo corpora + one", len(cs))
	}
	a.tmpEmpty(t)
	// Uploading the demo vectors again finds the demo set.
	vecs, err := os.ReadFile("../internal/demo/glove.6B.50d.4k.txt")
	if err != nil {
		t.Fatal(err)
	}
	if rec := a.upload(t, "/vectors", "", "glove.txt", vecs); rec.Header().Get("Location") != "/vectors/1?duplicate=1" {
		t.Errorf("vector re-upload: %d %q", rec.Code, rec.Header().Get("Location"))
	}
}

func TestDelete(t *testing.T) {
	a := newApp(t, 0)
	ctx := context.Background()
	post := func(path string) *httptest.ResponseRecorder {
		return a.do(httptest.NewRequest(http.MethodPost, path+"?_csrf="+a.tok, nil))
	}
	// A corpus a job is working on cannot be deleted.
	started := make(chan struct{})
	j, err := a.jobs.Submit("build-corpus", 1, func(ctx context.Context, _ jobs.Run) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	if rec := post("/corpora/1/delete"); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "is working on this corpus") {
		t.Errorf("delete while in use: %d %s", rec.Code, rec.Body)
	}
	if err := a.jobs.Cancel(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := a.jobs.Wait(ctx, j.ID); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path     string
		wantCode int
		wantLoc  string
	}{
		{"/corpora/1/delete", http.StatusSeeOther, "/corpora"},
		{"/vectors/1/delete", http.StatusSeeOther, "/vectors"},
		{"/corpora/1/delete", http.StatusNotFound, ""},
		{"/vectors/..%2f1/delete", http.StatusBadRequest, ""},
	}
	for _, tc := range tests {
		rec := post(tc.path)
		if rec.Code != tc.wantCode || rec.Header().Get("Location") != tc.wantLoc {
			t.Errorf("POST %s: %d %q, want %d %q", tc.path, rec.Code, rec.Header().Get("Location"), tc.wantCode, tc.wantLoc)
		}
	}
	cs, _ := a.st.Corpora(ctx)
	vs, _ := a.st.VectorSets(ctx)
	if len(cs) != demoCorpora-1 || len(vs) != 0 || (len(cs) > 0 && cs[0].Name != demo.VietnameseName) {
		t.Errorf("%d corpora and %d vector sets left, want only the Vietnamese demo corpus", len(cs), len(vs))
	}
	if _, err := os.Stat(a.st.CorpusPath(1, true)); !os.IsNotExist(err) {
		t.Errorf("corpus file still there: %v", err)
	}
	// Deleting needs the CSRF token like every state change.
	if rec := a.do(httptest.NewRequest(http.MethodPost, "/vectors/1/delete", nil)); rec.Code != http.StatusForbidden {
		t.Errorf("delete without token: %d", rec.Code)
	}
}

func TestAPIOne(t *testing.T) {
	a := newApp(t, 0)
	tests := []struct {
		path     string
		wantCode int
		wantKey  string
		wantVal  any
	}{
		{"/api/corpora/1", http.StatusOK, "name", demo.CorpusName},
		{"/api/vectors/1", http.StatusOK, "dim", float64(50)},
		{"/api/corpora/7", http.StatusNotFound, "error", "There is no corpus with id 7. It may have been deleted."},
		{"/api/vectors/x", http.StatusBadRequest, "status", float64(400)},
	}
	for _, tc := range tests {
		rec := a.get(tc.path)
		var got map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if rec.Code != tc.wantCode || got[tc.wantKey] != tc.wantVal {
			t.Errorf("%s: %d %v, want %d with %s=%v", tc.path, rec.Code, got, tc.wantCode, tc.wantKey, tc.wantVal)
		}
	}
}

func TestHealth(t *testing.T) {
	a := newApp(t, 0)
	if rec := a.get("/healthz"); rec.Code != http.StatusOK || rec.Body.String() != "ok\n" {
		t.Errorf("healthz: %d %q", rec.Code, rec.Body)
	}
}

func TestInternalErrorsAreNotShown(t *testing.T) {
	a := newApp(t, 0)
	a.e.GET("/boom", func(echo.Context) error { panic("open /secret/path: denied") })
	a.e.GET("/fail", func(echo.Context) error { return errors.New("query failed at /secret/db") })
	for _, path := range []string{"/boom", "/fail"} {
		rec := a.get(path)
		body := rec.Body.String()
		if rec.Code != http.StatusInternalServerError || strings.Contains(body, "/secret") || !strings.Contains(body, "details are in the server log") {
			t.Errorf("%s: %d %s", path, rec.Code, body)
		}
	}
}

// The corpus page leads on to training and the vector page to exploring.
func TestNextStepLinks(t *testing.T) {
	a, page := builtCorpus(t)
	id := strings.TrimPrefix(page, "/corpora/")
	doc := parse(t, a.get(page).Body.String())
	if l := find(doc, "a", "train-link"); l == nil || attr(l, "href") != "/train?corpus="+id {
		t.Errorf("corpus page: train link %v", l)
	}
	// The training form then has this corpus chosen.
	train := parse(t, a.get("/train?corpus="+id).Body.String())
	chosen := false
	for _, o := range findAll(train, "option") {
		chosen = chosen || (attr(o, "value") == id && hasAttr(o, "selected"))
	}
	if !chosen {
		t.Errorf("/train?corpus=%s does not preselect the corpus", id)
	}
	vs, err := a.st.VectorSets(context.Background())
	if err != nil || len(vs) == 0 {
		t.Fatal(err)
	}
	vdoc := parse(t, a.get(fmt.Sprintf("/vectors/%d", vs[0].ID)).Body.String())
	if l := find(vdoc, "a", "explore-link"); l == nil || attr(l, "href") != fmt.Sprintf("/vectors/%d/explore", vs[0].ID) {
		t.Errorf("vector page: explore link %v", l)
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
