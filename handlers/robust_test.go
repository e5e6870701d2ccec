package handlers_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/jobs"
)

// TestHeadAnswersLikeGet: HEAD on a GET route answers the GET's status
// and headers without a body (issue 13, item 10: it answered 405, on
// /healthz too).
func TestHeadAnswersLikeGet(t *testing.T) {
	a := newApp(t, 0)
	id := demoCorpusID(t, a)
	for _, path := range []string{"/", "/healthz", "/about", "/corpora", "/vectors", "/api/corpora",
		"/api/jobs", "/corpora/" + strconv.FormatInt(id, 10), "/static/style.css", "/no-such-page", "/corpora/999999"} {
		get := a.get(path)
		head := a.do(httptest.NewRequest(http.MethodHead, path, nil))
		if head.Code != get.Code {
			t.Errorf("HEAD %s: %d, GET: %d", path, head.Code, get.Code)
		}
		if head.Body.Len() != 0 {
			t.Errorf("HEAD %s sent a body of %d bytes", path, head.Body.Len())
		}
		if h, g := head.Header().Get("Content-Type"), get.Header().Get("Content-Type"); h != g {
			t.Errorf("HEAD %s: Content-Type %q, GET %q", path, h, g)
		}
	}
	// HEAD changes nothing: a POST route still wants its POST.
	if rec := a.do(httptest.NewRequest(http.MethodHead, "/jobs/1/cancel", nil)); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("HEAD on a POST route: %d, want 405", rec.Code)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestClientGoneIsNotAServerError: a request whose client has
// disconnected (its context cancelled) is logged as 499 without an ERROR
// line, not as a 500 with two.
func TestClientGoneIsNotAServerError(t *testing.T) {
	var log syncBuffer
	a := newAppConfig(t, func(o *appOptions) { o.handlers.Logger = slog.New(slog.NewTextHandler(&log, nil)) })
	vs, err := a.st.VectorSets(context.Background())
	if err != nil || len(vs) == 0 {
		t.Fatalf("vector sets: %v %v", vs, err)
	}
	fragment := "/vectors/" + strconv.FormatInt(vs[0].ID, 10) + "/neighbors?word=king"
	for _, path := range []string{"/api/corpora", "/corpora", "/api/jobs", fragment} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		req := httptest.NewRequest(http.MethodGet, path, nil).WithContext(ctx)
		req.Header.Set("HX-Request", "true")
		a.do(req)
	}
	out := log.String()
	if strings.Contains(out, "level=ERROR") || strings.Contains(out, "status=500") {
		t.Errorf("a client that went away was logged as a failure:\n%s", out)
	}
	if !strings.Contains(out, "status=499") {
		t.Errorf("no request logged with status 499:\n%s", out)
	}
}

// stalledUpload opens a connection to srv and sends the start of a corpus
// upload (headers, the CSRF token, the file part and a few bytes of it),
// then nothing more.
func stalledUpload(t *testing.T, srv *httptest.Server, a *app) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	const boundary = "stallstallstall"
	start := "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.txt\"\r\n" +
		"Content-Type: text/plain\r\n\r\nthe first words of a corpus that never arrives\n"
	fmt.Fprintf(conn, "POST /corpora HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=%s\r\n"+
		"Content-Length: 10000000\r\nCookie: _csrf=%s\r\nX-CSRF-Token: %s\r\n\r\n%s",
		srv.Listener.Addr(), boundary, a.nonce, a.tok, start)
	return conn
}

// TestStalledUploadsAreCutAndBounded: an upload that sends nothing for
// BodyIdleTimeout is cut (408, its staging file removed), and no more
// than MaxConcurrentUploads are received at once: the next one gets 429
// (issue 13, item 10: 100 stalled uploads held 100 staging files).
func TestStalledUploadsAreCutAndBounded(t *testing.T) {
	a := newAppConfig(t, func(o *appOptions) {
		o.handlers.BodyIdleTimeout = 1500 * time.Millisecond
		o.handlers.MaxConcurrentUploads = 2
	})
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	tmp := filepath.Join(a.st.Dir(), "tmp")
	staged := func() int {
		es, _ := os.ReadDir(tmp)
		return len(es)
	}
	conns := []net.Conn{stalledUpload(t, srv, a), stalledUpload(t, srv, a)}
	begun := time.Now()
	for staged() < 2 {
		if time.Since(begun) > 10*time.Second {
			t.Fatalf("the stalled uploads were not staged: %d files", staged())
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Both slots are taken: a third upload is refused at once.
	body, ctype := formBody(t, a.tok, "third", "third.txt", []byte("words for a third upload\n"))
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/corpora", body)
	req.Header.Set("Content-Type", ctype)
	req.AddCookie(&http.Cookie{Name: "_csrf", Value: a.nonce})
	client := &http.Client{Timeout: 10 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("third upload while two are received: %d, want 429", resp.StatusCode)
	}

	// The stalled uploads are cut after the idle timeout.
	for i, conn := range conns {
		conn.SetReadDeadline(time.Now().Add(15 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("stalled upload %d: no answer: %v", i, err)
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusRequestTimeout || !strings.Contains(string(msg), "sent nothing for 1.5s") {
			t.Errorf("stalled upload %d: %d, want 408 saying it sent nothing: %.300s", i, resp.StatusCode, msg)
		}
	}
	if waited := time.Since(begun); waited > 10*time.Second {
		t.Errorf("the stalled uploads were cut after %v", waited)
	}
	a.tmpEmpty(t)

	// The slots are free again.
	body, ctype = formBody(t, a.tok, "fourth", "fourth.txt", []byte("words for a fourth upload\n"))
	req, _ = http.NewRequest(http.MethodPost, srv.URL+"/corpora", body)
	req.Header.Set("Content-Type", ctype)
	req.AddCookie(&http.Cookie{Name: "_csrf", Value: a.nonce})
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("upload after the stalled ones: %d, want 303", resp.StatusCode)
	}
}

// TestDoubleClickedUploadMakesOneEntry sends the same upload 8 times at
// once (issue 13, item 8): one corpus (and one vector set) is added and
// every answer redirects to it.
func TestDoubleClickedUploadMakesOneEntry(t *testing.T) {
	a := newApp(t, 0)
	ctx := context.Background()
	for _, tc := range []struct {
		path    string
		content string
		count   func() int
	}{
		{"/corpora", "a corpus sent twice by a double click\n", func() int { cs, _ := a.st.Corpora(ctx); return len(cs) }},
		{"/vectors", "double 0.5 0.25\nclick 0.125 1\n", func() int { vs, _ := a.st.VectorSets(ctx); return len(vs) }},
	} {
		before := tc.count()
		const n = 8
		locations := make([]string, n)
		codes := make([]int, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rec := a.upload(t, tc.path, "double click", "double.txt", []byte(tc.content))
				codes[i], locations[i] = rec.Code, rec.Header().Get("Location")
			}()
		}
		wg.Wait()
		if got := tc.count() - before; got != 1 {
			t.Errorf("%s: %d entries added, want 1", tc.path, got)
		}
		want, _, _ := strings.Cut(locations[0], "?")
		for i := range n {
			got, _, _ := strings.Cut(locations[i], "?")
			if codes[i] != http.StatusSeeOther || got != want || !strings.HasPrefix(got, tc.path+"/") {
				t.Errorf("%s upload %d: %d to %q, want 303 to %q", tc.path, i, codes[i], locations[i], want)
			}
		}
		a.tmpEmpty(t)
	}
}

// TestActiveJobsAPI: /api/jobs?active=1 lists every job recorded as
// queued or running, however old.
func TestActiveJobsAPI(t *testing.T) {
	a := newApp(t, 0)
	release := make(chan struct{})
	job, err := a.jobs.Submit("build-corpus", 1, func(ctx context.Context, run jobs.Run) error {
		select {
		case <-release:
		case <-ctx.Done():
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list := func() []int64 {
		rec := a.get("/api/jobs?active=1")
		var js []struct {
			ID int64 `json:"id"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &js); err != nil || rec.Code != http.StatusOK {
			t.Fatalf("active jobs: %d %v: %s", rec.Code, err, rec.Body)
		}
		ids := make([]int64, len(js))
		for i, j := range js {
			ids[i] = j.ID
		}
		return ids
	}
	if ids := list(); len(ids) != 1 || ids[0] != job.ID {
		t.Errorf("active jobs %v, want [%d]", ids, job.ID)
	}
	close(release)
	if _, err := a.jobs.Wait(context.Background(), job.ID); err != nil {
		t.Fatal(err)
	}
	if ids := list(); len(ids) != 0 {
		t.Errorf("active jobs after the job ended: %v", ids)
	}
}
