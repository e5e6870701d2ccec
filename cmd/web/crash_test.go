//go:build unix

package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/cookiejar"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"go.uber.org/goleak"
)

// Timeouts are generous: the machines this runs on are small and shared.
// They only matter when something is wrong.
const (
	crashStartTimeout = 2 * time.Minute // server start (first start installs the demo data)
	crashJobTimeout   = 2 * time.Minute // a corpus build, a short run, the first epochs of a long one
	crashStopTimeout  = time.Minute     // graceful shutdown, process exit after SIGKILL
	crashHTTPTimeout  = time.Minute     // one ordinary request
	crashPollEvery    = 200 * time.Millisecond
)

// TestCrashSafety builds the real cmd/web binary, fills a data directory
// through the HTTP API (an uploaded and built corpus, a finished training
// run, the demo data), then kills the server with SIGKILL in the middle of
// a training run and in the middle of an upload (os.Process.Kill is SIGKILL
// on Unix: the server gets no chance to clean up). After each crash it checks,
// through a restarted server and by opening the catalogue directly, that
// nothing written earlier was lost or damaged, that the cut-off work is
// marked interrupted or cleaned away, and that the server works normally.
func TestCrashSafety(t *testing.T) {
	// Registered first, so it runs after every other cleanup (servers
	// killed and waited for, connections closed): the test must leave no
	// goroutine of its own behind.
	ignore := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, ignore) })
	// Any real English corpus other than the demo will do (the slow
	// evaluation set below is made of common English words, which must be
	// in the vocabulary): the first 3 MiB of the shipped WordNet glosses,
	// about as many tokens as brown-ci, which the test used before.
	corpusFile := filepath.Join(t.TempDir(), "glosses-3MiB.txt")
	if err := os.WriteFile(corpusFile, testkit.ShippedPrefix(t, testkit.DemoCorpus, 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	bin := buildWebBinary(t)
	data := filepath.Join(t.TempDir(), "data")

	srv := startCrashServer(t, bin, data)

	// --- earlier data -----------------------------------------------------
	srv.waitNoActiveJobs(t) // the demo corpus build queued at first start
	corpusID := srv.uploadFile(t, corpusFile)
	buildJob := srv.postJSON(t, fmt.Sprintf("/api/corpora/%d/build", corpusID), `{}`, http.StatusAccepted)
	srv.waitJob(t, jsonInt(t, buildJob, "id"), "done")
	var c crashCorpus
	srv.getJSON(t, fmt.Sprintf("/api/corpora/%d", corpusID), &c)
	if !strings.Contains(string(c.Stats), `"built":true`) {
		t.Fatalf("corpus %d not built after its build job: %s", corpusID, c.Stats)
	}
	// A finished short run (about a second on an idle machine).
	started := time.Now()
	shortRun := srv.postJSON(t, "/api/runs",
		fmt.Sprintf(`{"corpus_id": %d, "vector_size": 10, "epochs": 2, "threads": 1}`, corpusID), http.StatusAccepted)
	shortRunID := jsonInt(t, shortRun, "run_id")
	srv.waitJob(t, jsonInt(t, shortRun, "job_id"), "done")
	var r crashRun
	srv.getJSON(t, fmt.Sprintf("/api/runs/%d", shortRunID), &r)
	if r.Status != store.RunDone || len(r.Loss) != 2 {
		t.Fatalf("short run %d: status %q with %d loss points, want done with 2", shortRunID, r.Status, len(r.Loss))
	}
	t.Logf("earlier data ready: corpus %d built, run %d finished in %.1fs", corpusID, shortRunID, time.Since(started).Seconds())
	srv.checkDataFiles(t, srv.snapshot(t))

	t.Run("during training", func(t *testing.T) {
		srv = ensureCrashServer(t, srv, bin, data)
		before := srv.snapshot(t)
		if len(before.corpora) < 2 || len(before.vectors) < 2 || len(before.runs) < 1 {
			t.Fatalf("too little earlier data to check: %d corpora, %d vector sets, %d finished runs",
				len(before.corpora), len(before.vectors), len(before.runs))
		}
		// 1000 epochs of 50 dimensions take minutes: the run is certainly
		// still training when the server is killed.
		long := srv.postJSON(t, "/api/runs",
			fmt.Sprintf(`{"corpus_id": %d, "vector_size": 50, "epochs": 1000, "threads": 1}`, corpusID), http.StatusAccepted)
		runID, jobID := jsonInt(t, long, "run_id"), jsonInt(t, long, "job_id")
		var seen crashRun
		srv.waitFor(t, "two epochs of the long run", crashJobTimeout, func() (bool, string) {
			seen = crashRun{}
			srv.getJSON(t, fmt.Sprintf("/api/runs/%d", runID), &seen)
			if seen.Status != store.RunRunning {
				t.Fatalf("long run %d is %q before the kill, want running", runID, seen.Status)
			}
			return len(seen.Loss) >= 2, fmt.Sprintf("run %d: %d loss points", runID, len(seen.Loss))
		})
		var job crashJob
		srv.getJSON(t, fmt.Sprintf("/api/jobs/%d", jobID), &job)
		if job.Status != string(store.JobRunning) {
			t.Fatalf("job %d of the long run is %q before the kill, want running", jobID, job.Status)
		}

		srv.kill(t)
		checkCrashImage(t, data)

		srv = startCrashServer(t, bin, data)
		srv.checkIntact(t, before)
		var after crashRun
		srv.getJSON(t, fmt.Sprintf("/api/runs/%d", runID), &after)
		if after.Status != store.RunInterrupted {
			t.Errorf("run %d after the restart: status %q, want %q", runID, after.Status, store.RunInterrupted)
		}
		if after.Finished == "" {
			t.Errorf("interrupted run %d has no finish time", runID)
		}
		if after.JobID != jobID {
			t.Errorf("run %d after the restart names job %d, want %d (the job POST /api/runs answered)", runID, after.JobID, jobID)
		}
		// Every loss point the API showed before the kill was committed and
		// must still be there, unchanged.
		if len(after.Loss) < len(seen.Loss) || !reflect.DeepEqual(after.Loss[:len(seen.Loss)], seen.Loss) {
			t.Errorf("loss of run %d before the kill %v, after the restart %v", runID, seen.Loss, after.Loss)
		}
		job = crashJob{}
		srv.getJSON(t, fmt.Sprintf("/api/jobs/%d", jobID), &job)
		if job.Status != string(store.JobInterrupted) || job.Error == "" || job.Finished == "" {
			t.Errorf("job %d after the restart: status %q, error %q, finished %q; want interrupted with a reason and a time",
				jobID, job.Status, job.Error, job.Finished)
		}
		// No vector set may have been created for the cut-off run.
		var vs []crashVectorSet
		srv.getJSON(t, "/api/vectors", &vs)
		for _, v := range vs {
			if v.RunID == runID {
				t.Errorf("vector set %d belongs to the interrupted run %d", v.ID, runID)
			}
		}
		srv.checkPages(t, "/", "/healthz", "/train", fmt.Sprintf("/runs/%d", runID), fmt.Sprintf("/corpora/%d", corpusID))
		srv.checkRunsAgree(t)

		srv.stop(t)
		checkCatalogue(t, data, before)
	})

	t.Run("during evaluation", func(t *testing.T) {
		srv = ensureCrashServer(t, srv, bin, data)
		srv.stop(t)
		srv = startCrashServer(t, bin, data, "-eval-dir", slowEvalDir(t, corpusFile))
		before := srv.snapshot(t)
		// A short run on a large analogy set: the kill comes while the
		// vectors are being scored, after training and saving the model.
		run := srv.postJSON(t, "/api/runs",
			fmt.Sprintf(`{"corpus_id": %d, "vector_size": 10, "epochs": 1, "threads": 1}`, corpusID), http.StatusAccepted)
		runID, jobID := jsonInt(t, run, "run_id"), jsonInt(t, run, "job_id")
		srv.waitFor(t, "the evaluation of the run", crashJobTimeout, func() (bool, string) {
			var job crashJob
			srv.getJSON(t, fmt.Sprintf("/api/jobs/%d", jobID), &job)
			if job.final() {
				t.Fatalf("run %d ended (%s) before the kill: the evaluation was too quick to catch", runID, job.Status)
			}
			return strings.Contains(job.Message, "evaluating:"), fmt.Sprintf("job %d: %s", jobID, job.Message)
		})

		srv.kill(t)
		checkCrashImage(t, data)

		srv = startCrashServer(t, bin, data)
		srv.checkIntact(t, before)
		var after crashRun
		srv.getJSON(t, fmt.Sprintf("/api/runs/%d", runID), &after)
		var job crashJob
		srv.getJSON(t, fmt.Sprintf("/api/jobs/%d", jobID), &job)
		if after.Status != store.RunInterrupted || job.Status != string(store.JobInterrupted) {
			t.Errorf("after the restart run %d is %q and its job %d %q; want both interrupted", runID, after.Status, jobID, job.Status)
		}
		var vs []crashVectorSet
		srv.getJSON(t, "/api/vectors", &vs)
		for _, v := range vs {
			if v.RunID == runID {
				t.Errorf("vector set %d belongs to the interrupted run %d", v.ID, runID)
			}
		}
		srv.checkRunsAgree(t)
		srv.checkPages(t, "/", "/train", fmt.Sprintf("/runs/%d", runID))

		srv.stop(t)
		checkCatalogue(t, data, before)
	})

	t.Run("during upload", func(t *testing.T) {
		srv = ensureCrashServer(t, srv, bin, data)
		before := srv.snapshot(t)
		tmp := filepath.Join(data, "tmp")
		if n := len(tmpFiles(t, tmp)); n != 0 {
			t.Fatalf("%d files in %s before the upload", n, tmp)
		}

		up := srv.startStreamingUpload(t, 20<<20)
		const enough = 4 << 20 // bytes staged before the kill
		srv.waitFor(t, "the upload's staging file", crashJobTimeout, func() (bool, string) {
			select {
			case <-up.done:
				t.Fatalf("the upload ended before the kill: %v", up.err)
			default:
			}
			fs := tmpFiles(t, tmp)
			for _, size := range fs {
				if size >= enough {
					return true, ""
				}
			}
			return false, fmt.Sprintf("tmp holds %v (want a file of at least %d bytes)", fs, enough)
		})

		srv.kill(t)
		up.abort(t)
		// The crash left the partial upload behind: the restart must clear it.
		if fs := tmpFiles(t, tmp); len(fs) == 0 {
			t.Fatalf("no staging file in %s after the kill: the test did not catch the upload in progress", tmp)
		} else {
			t.Logf("left by the crash in tmp: %v", fs)
		}
		checkCrashImage(t, data)

		srv = startCrashServer(t, bin, data)
		if fs := tmpFiles(t, tmp); len(fs) != 0 {
			t.Errorf("after the restart %s still holds %v", tmp, fs)
		}
		srv.checkIntact(t, before) // includes: no corpus added
		srv.checkPages(t, "/", "/healthz", "/corpora")

		srv.stop(t)
		checkCatalogue(t, data, before)
	})
}

// slowEvalDir writes an evaluation folder whose analogy set is large
// enough (300,000 questions on the corpus's 150 most frequent words, so
// that they are in the run's vocabulary and really scored) that scoring a
// run takes seconds, so that a kill can land in the middle of it.
func slowEvalDir(t *testing.T, corpusFile string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "eval")
	if err := os.MkdirAll(filepath.Join(dir, "analogy"), 0o755); err != nil {
		t.Fatal(err)
	}
	words := frequentWords(t, corpusFile, 150)
	var b strings.Builder
	b.WriteString(": capital-common-countries\n")
	for i := range 300_000 {
		fmt.Fprintf(&b, "%s %s %s %s\n", words[i%len(words)], words[(i/7)%len(words)], words[(i/3+5)%len(words)], words[(i/11+9)%len(words)])
	}
	if err := os.WriteFile(filepath.Join(dir, "analogy", "questions-words.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// frequentWords returns the n most frequent tokens of a gzip corpus, as
// the dashboard's default build counts them (lower-cased words).
func frequentWords(t *testing.T, gzPath string, n int) []string {
	t.Helper()
	f, err := os.Open(gzPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := corpus.NewReader(f, corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	sc := corpus.NewScanner(text, corpus.Words)
	for sc.Scan() {
		if !sc.LineBreak() {
			counts[string(sc.Token())]++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(words) < n {
		t.Fatalf("%s has only %d distinct words", gzPath, len(words))
	}
	return words[:n]
}

// checkRunsAgree checks that every run's status is its job's (a run
// recorded with a job has no status of its own to drift).
func (s *crashServer) checkRunsAgree(t *testing.T) {
	t.Helper()
	var rs struct {
		Runs []struct {
			ID        int64  `json:"id"`
			Status    string `json:"status"`
			JobID     int64  `json:"job_id"`
			JobStatus string `json:"job_status"`
		} `json:"runs"`
	}
	s.getJSON(t, "/api/runs", &rs)
	want := map[string]string{"queued": "running", "running": "running", "done": "done", "failed": "failed",
		"cancelled": "cancelled", "interrupted": "interrupted"}
	for _, r := range rs.Runs {
		if r.JobID == 0 {
			continue
		}
		if r.Status != want[r.JobStatus] {
			t.Errorf("run %d is %q but its job %d is %q", r.ID, r.Status, r.JobID, r.JobStatus)
		}
	}
}

// --- the server process ------------------------------------------------------

// buildWebBinary compiles this command once into a temporary directory.
func buildWebBinary(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		goTool = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	bin := filepath.Join(t.TempDir(), "gloveboard-web")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, goTool, "build", "-o", bin, ".")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build of cmd/web (%s): %v\n%s", goTool, err, out)
	}
	return bin
}

// crashServer is one running cmd/web process.
type crashServer struct {
	cmd    *exec.Cmd
	data   string
	url    string
	client *http.Client
	token  string // CSRF token of the cookie in client's jar
	stdout *watchWriter
	stderr *watchWriter
	exited chan struct{} // closed once the process has been waited for
	err    error         // the process's exit status, set before exited closes
}

// watchWriter collects a process's output and reports the listening line.
type watchWriter struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	listen chan string
	sent   bool
}

const listenPrefix = "gloveboard listening on "

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if w.listen != nil && !w.sent {
		s := w.buf.String()
		if i := strings.Index(s, listenPrefix); i >= 0 {
			if rest := s[i+len(listenPrefix):]; strings.Contains(rest, "\n") {
				w.listen <- strings.TrimSpace(rest[:strings.Index(rest, "\n")])
				w.sent = true
			}
		}
	}
	return len(p), nil
}

// tail returns the last n bytes written.
func (w *watchWriter) tail(n int) string {
	w.mu.Lock()
	defer w.mu.Unlock()
	b := w.buf.Bytes()
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return string(b)
}

// startCrashServer starts the binary on a free port and waits for its
// listening line. The process is killed and waited for when the test ends
// if it is still running.
func startCrashServer(t *testing.T, bin, data string, args ...string) *crashServer {
	t.Helper()
	if len(args) == 0 {
		args = []string{"-eval-dir", ""}
	}
	s := &crashServer{
		data:   data,
		stdout: &watchWriter{listen: make(chan string, 1)},
		stderr: &watchWriter{},
		exited: make(chan struct{}),
	}
	s.cmd = exec.Command(bin, append([]string{"-addr", "127.0.0.1:0", "-data", data, "-workers", "1"}, args...)...)
	s.cmd.Dir = filepath.Dir(data)
	s.cmd.Stdout, s.cmd.Stderr = s.stdout, s.stderr
	s.cmd.WaitDelay = 10 * time.Second
	begun := time.Now()
	if err := s.cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	go func() {
		s.err = s.cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			s.cmd.Process.Kill()
			select {
			case <-s.exited:
			case <-time.After(crashStopTimeout):
				t.Errorf("server process %d did not exit after SIGKILL", s.cmd.Process.Pid)
			}
		}
		if s.client != nil {
			s.client.CloseIdleConnections()
		}
	})
	select {
	case s.url = <-s.stdout.listen:
	case <-s.exited:
		t.Fatalf("server exited before listening: %v\nstdout:\n%s\nstderr:\n%s", s.err, s.stdout.tail(4096), s.stderr.tail(4096))
	case <-time.After(crashStartTimeout):
		t.Fatalf("server did not print its listening line within %v\nstderr:\n%s", crashStartTimeout, s.stderr.tail(4096))
	}
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.client = &http.Client{Jar: jar, Timeout: crashHTTPTimeout, Transport: &http.Transport{},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	// The home page sets the CSRF cookie and names its token.
	home, err := s.client.Get(s.url + "/")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, home.Body)
	home.Body.Close()
	s.token = home.Header.Get("X-CSRF-Token")
	if s.token == "" {
		t.Fatal("the home page named no CSRF token")
	}
	t.Logf("server pid %d listening on %s after %.1fs", s.cmd.Process.Pid, s.url, time.Since(begun).Seconds())
	return s
}

// ensureCrashServer returns s if its process is still running (an earlier
// subtest may have failed half-way), else a new server on the same data.
func ensureCrashServer(t *testing.T, s *crashServer, bin, data string) *crashServer {
	t.Helper()
	if s != nil {
		select {
		case <-s.exited:
		default:
			return s
		}
	}
	return startCrashServer(t, bin, data)
}

// kill sends SIGKILL and waits for the process to be gone.
func (s *crashServer) kill(t *testing.T) {
	t.Helper()
	if err := s.cmd.Process.Kill(); err != nil {
		t.Fatalf("kill: %v", err)
	}
	select {
	case <-s.exited:
	case <-time.After(crashStopTimeout):
		t.Fatalf("server process %d still running %v after SIGKILL", s.cmd.Process.Pid, crashStopTimeout)
	}
	s.client.CloseIdleConnections()
	var ee *exec.ExitError
	if !errors.As(s.err, &ee) {
		t.Fatalf("killed server: wait returned %v", s.err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Logf("server process %d ended by signal %d (%v)", s.cmd.Process.Pid, ws.Signal(), ws.Signal())
	}
}

// stop shuts the server down as Ctrl-C would and checks that it exits
// cleanly.
func (s *crashServer) stop(t *testing.T) {
	t.Helper()
	s.client.CloseIdleConnections()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatalf("SIGTERM: %v", err)
	}
	select {
	case <-s.exited:
	case <-time.After(crashStopTimeout):
		s.cmd.Process.Kill()
		<-s.exited
		t.Fatalf("server did not shut down within %v of SIGTERM\nstderr:\n%s", crashStopTimeout, s.stderr.tail(4096))
	}
	if s.err != nil {
		t.Errorf("server exited with %v after SIGTERM\nstderr:\n%s", s.err, s.stderr.tail(4096))
	}
}

// waitFor polls cond until it reports true, failing after timeout or as
// soon as the server process has died.
func (s *crashServer) waitFor(t *testing.T, what string, timeout time.Duration, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ok, state := cond()
		if ok {
			return
		}
		select {
		case <-s.exited:
			t.Fatalf("server exited (%v) while waiting for %s (%s)\nstderr:\n%s", s.err, what, state, s.stderr.tail(4096))
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s: %s", timeout, what, state)
		}
		time.Sleep(crashPollEvery)
	}
}

// --- HTTP helpers ------------------------------------------------------------

func (s *crashServer) do(t *testing.T, req *http.Request) (int, []byte) {
	t.Helper()
	resp, err := s.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading the answer: %v", req.Method, req.URL.Path, err)
	}
	return resp.StatusCode, body
}

func (s *crashServer) getJSON(t *testing.T, path string, v any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.url+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	code, body := s.do(t, req)
	if code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, code, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

func (s *crashServer) postJSON(t *testing.T, path, body string, want int) map[string]any {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", s.token)
	code, out := s.do(t, req)
	if code != want {
		t.Fatalf("POST %s %s: %d %s, want %d", path, body, code, out, want)
	}
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatalf("POST %s: %v in %s", path, err, out)
	}
	return m
}

func jsonInt(t *testing.T, m map[string]any, key string) int64 {
	t.Helper()
	f, ok := m[key].(float64)
	if !ok || f <= 0 {
		t.Fatalf("no positive %q in %v", key, m)
	}
	return int64(f)
}

// checkPages expects 200 from each path.
func (s *crashServer) checkPages(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		req, err := http.NewRequest(http.MethodGet, s.url+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if code, body := s.do(t, req); code != http.StatusOK {
			t.Errorf("GET %s: %d %.300s", p, code, body)
		}
	}
}

// uploadFile uploads a corpus through the form endpoint and returns its id.
func (s *crashServer) uploadFile(t *testing.T, path string) int64 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, err := mw.CreateFormFile("file", filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(fw, f); err != nil {
		t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(http.MethodPost, s.url+"/corpora?_csrf="+s.token, &body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	code, out := s.do(t, req)
	if code != http.StatusSeeOther {
		t.Fatalf("uploading %s: %d %.300s", path, code, out)
	}
	var list []crashCorpus
	s.getJSON(t, "/api/corpora", &list)
	for _, c := range list {
		if c.Filename == filepath.Base(path) {
			return c.ID
		}
	}
	t.Fatalf("uploaded %s but it is not in /api/corpora", path)
	return 0
}

// waitJob polls /api/jobs/ID until the job is final and checks its status.
func (s *crashServer) waitJob(t *testing.T, id int64, want string) {
	t.Helper()
	var j crashJob
	s.waitFor(t, fmt.Sprintf("job %d", id), crashJobTimeout, func() (bool, string) {
		j = crashJob{}
		s.getJSON(t, fmt.Sprintf("/api/jobs/%d", id), &j)
		return j.final(), fmt.Sprintf("job %d is %s (%.0f%%, %s)", id, j.Status, 100*j.Progress, j.Message)
	})
	if j.Status != want {
		t.Fatalf("job %d ended %q (%s), want %q", id, j.Status, j.Error, want)
	}
}

func (s *crashServer) waitNoActiveJobs(t *testing.T) {
	t.Helper()
	s.waitFor(t, "the queued jobs", crashJobTimeout, func() (bool, string) {
		var js []crashJob
		s.getJSON(t, "/api/jobs", &js)
		for _, j := range js {
			if !j.final() {
				return false, fmt.Sprintf("job %d (%s) is %s", j.ID, j.Kind, j.Status)
			}
		}
		return true, ""
	})
}

// streamingUpload is a corpus upload whose body is still being sent.
type streamingUpload struct {
	pw      *io.PipeWriter
	cancel  context.CancelFunc
	release chan struct{}
	once    sync.Once
	wrote   chan struct{} // closed when the body writer has returned
	done    chan struct{} // closed when the request has returned
	err     error         // set before done closes: an answer to the unfinished body
}

// startStreamingUpload posts a multipart corpus upload whose file part
// sends n bytes of text and then stalls until abort (or the end of the
// test).
func (s *crashServer) startStreamingUpload(t *testing.T, n int) *streamingUpload {
	t.Helper()
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	ctx, cancel := context.WithCancel(context.Background())
	up := &streamingUpload{pw: pw, cancel: cancel, release: make(chan struct{}),
		wrote: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(up.wrote)
		if err := mw.WriteField("name", "crash upload"); err != nil {
			return
		}
		fw, err := mw.CreateFormFile("file", "crash-upload.txt")
		if err != nil {
			return
		}
		line := []byte("the quick brown fox jumps over the lazy dog while the server is killed\n")
		chunk := bytes.Repeat(line, (64<<10)/len(line))
		for sent := 0; sent < n; sent += len(chunk) {
			if _, err := fw.Write(chunk); err != nil {
				return // the pipe was closed: the upload is over
			}
		}
		<-up.release // the body never ends while the server lives
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/corpora?_csrf="+s.token, pr)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	client := &http.Client{Jar: s.client.Jar, Transport: &http.Transport{},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	go func() {
		defer close(up.done)
		defer client.CloseIdleConnections()
		resp, err := client.Do(req)
		if err != nil {
			return // expected: the server died under it
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		up.err = fmt.Errorf("the upload was answered %s although its body never ended", resp.Status)
		if resp.StatusCode == http.StatusSeeOther {
			up.err = fmt.Errorf("the unfinished upload was accepted: %s to %s", resp.Status, resp.Header.Get("Location"))
		}
	}()
	t.Cleanup(func() {
		if err := up.stop(); err != nil {
			t.Error(err)
		}
	})
	return up
}

// stop ends the upload and waits for both of its goroutines. It may be
// called more than once.
func (up *streamingUpload) stop() error {
	up.once.Do(func() {
		close(up.release)
		up.pw.CloseWithError(errors.New("test: upload aborted"))
		up.cancel()
	})
	for what, ch := range map[string]chan struct{}{"request": up.done, "body writer": up.wrote} {
		select {
		case <-ch:
		case <-time.After(crashStopTimeout):
			return fmt.Errorf("the upload's %s did not stop within %v", what, crashStopTimeout)
		}
	}
	return nil
}

// abort ends the upload after the server died and checks that the server
// never answered it.
func (up *streamingUpload) abort(t *testing.T) {
	t.Helper()
	if err := up.stop(); err != nil {
		t.Fatal(err)
	}
	if up.err != nil {
		t.Error(up.err)
	}
}

// tmpFiles lists the files in dir with their sizes.
func tmpFiles(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	out := make(map[string]int64, len(es))
	for _, e := range es {
		if info, err := e.Info(); err == nil {
			out[e.Name()] = info.Size()
		} else {
			out[e.Name()] = -1 // vanished while listing
		}
	}
	return out
}

// --- snapshots of the catalogue ------------------------------------------

type crashCorpus struct {
	ID       int64           `json:"id"`
	Name     string          `json:"name"`
	Filename string          `json:"filename"`
	Source   string          `json:"source"`
	Size     int64           `json:"size"`
	SHA256   string          `json:"sha256"`
	Gzipped  bool            `json:"gzipped"`
	Created  string          `json:"created"`
	Stats    json.RawMessage `json:"stats"`
}

type crashVectorSet struct {
	ID       int64  `json:"id"`
	Name     string `json:"name"`
	Source   string `json:"source"`
	RunID    int64  `json:"run_id"`
	Filename string `json:"filename"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Count    int    `json:"count"`
	Dim      int    `json:"dim"`
	Created  string `json:"created"`
}

type crashLoss struct {
	Epoch   int     `json:"epoch"`
	Cost    float64 `json:"cost"`
	Seconds float64 `json:"seconds"`
}

type crashRun struct {
	ID       int64           `json:"id"`
	CorpusID int64           `json:"corpus_id"`
	Status   store.RunStatus `json:"status"`
	Created  string          `json:"created"`
	Finished string          `json:"finished"`
	Params   json.RawMessage `json:"params"`
	Loss     []crashLoss     `json:"loss"`
	Results  json.RawMessage `json:"results"`
	// JobID is kept in the catalogue, so it must survive the crash too.
	// (job_status is left out: a finished run's job may still be
	// finishing when the snapshot is taken.)
	JobID int64 `json:"job_id"`
}

type crashJob struct {
	ID       int64   `json:"id"`
	Kind     string  `json:"kind"`
	TargetID int64   `json:"target_id"`
	Status   string  `json:"status"`
	Progress float64 `json:"progress"`
	Message  string  `json:"message"`
	Error    string  `json:"error"`
	Created  string  `json:"created"`
	Started  string  `json:"started"`
	Finished string  `json:"finished"`
}

func (j crashJob) final() bool { return store.JobStatus(j.Status).Final() }

// crashSnapshot is what the API says about the catalogue's finished data.
type crashSnapshot struct {
	corpora []crashCorpus
	stats   map[int64]json.RawMessage // /api/corpora/ID/stats of built corpora
	vectors []crashVectorSet
	runs    []crashRun // finished runs only
	jobs    []crashJob // final jobs only
}

func (s *crashServer) snapshot(t *testing.T) crashSnapshot {
	t.Helper()
	var snap crashSnapshot
	s.getJSON(t, "/api/corpora", &snap.corpora)
	snap.stats = make(map[int64]json.RawMessage)
	for _, c := range snap.corpora {
		if strings.Contains(string(c.Stats), `"built":true`) {
			var raw json.RawMessage
			s.getJSON(t, fmt.Sprintf("/api/corpora/%d/stats", c.ID), &raw)
			snap.stats[c.ID] = raw
		}
	}
	s.getJSON(t, "/api/vectors", &snap.vectors)
	var rs struct {
		Runs []crashRun `json:"runs"`
	}
	s.getJSON(t, "/api/runs", &rs)
	for _, r := range rs.Runs {
		if r.Status != store.RunRunning {
			snap.runs = append(snap.runs, r)
		}
	}
	var js []crashJob
	s.getJSON(t, "/api/jobs", &js)
	for _, j := range js {
		if j.final() {
			snap.jobs = append(snap.jobs, j)
		}
	}
	return snap
}

// checkIntact compares what the restarted server reports with the
// snapshot taken before the crash, and hashes the files on disk.
func (s *crashServer) checkIntact(t *testing.T, before crashSnapshot) {
	t.Helper()
	now := s.snapshot(t)
	if !reflect.DeepEqual(now.corpora, before.corpora) {
		t.Errorf("corpora changed across the crash:\nbefore %+v\nafter  %+v", before.corpora, now.corpora)
	}
	for id, st := range before.stats {
		if !bytes.Equal(now.stats[id], st) {
			t.Errorf("statistics of corpus %d changed across the crash:\nbefore %s\nafter  %s", id, st, now.stats[id])
		}
	}
	if !reflect.DeepEqual(now.vectors, before.vectors) {
		t.Errorf("vector sets changed across the crash:\nbefore %+v\nafter  %+v", before.vectors, now.vectors)
	}
	runs := make(map[int64]crashRun)
	for _, r := range now.runs {
		runs[r.ID] = r
	}
	for _, r := range before.runs {
		if got, ok := runs[r.ID]; !ok {
			t.Errorf("finished run %d is gone after the crash", r.ID)
		} else if !reflect.DeepEqual(got, r) {
			t.Errorf("run %d changed across the crash:\nbefore %+v\nafter  %+v", r.ID, r, got)
		}
	}
	jobs := make(map[int64]crashJob)
	for _, j := range now.jobs {
		jobs[j.ID] = j
	}
	for _, j := range before.jobs {
		if got, ok := jobs[j.ID]; !ok {
			t.Errorf("finished job %d is gone after the crash", j.ID)
		} else if got != j {
			t.Errorf("job %d changed across the crash:\nbefore %+v\nafter  %+v", j.ID, j, got)
		}
	}
	s.checkDataFiles(t, before)
}

// checkDataFiles hashes every corpus and vector file of snap and looks for
// the model file of every finished run.
func (s *crashServer) checkDataFiles(t *testing.T, snap crashSnapshot) {
	t.Helper()
	for _, c := range snap.corpora {
		name := strconv.FormatInt(c.ID, 10) + ".txt"
		if c.Gzipped {
			name += ".gz"
		}
		checkFileHash(t, filepath.Join(s.data, "corpora", name), c.Size, c.SHA256)
	}
	for _, v := range snap.vectors {
		checkFileHash(t, filepath.Join(s.data, "vectors", strconv.FormatInt(v.ID, 10)+".txt"), v.Size, v.SHA256)
	}
	for _, r := range snap.runs {
		if r.Status != store.RunDone {
			continue
		}
		p := filepath.Join(s.data, "runs", strconv.FormatInt(r.ID, 10), runs.ModelFile)
		if info, err := os.Stat(p); err != nil || info.Size() == 0 {
			t.Errorf("model of finished run %d: %v", r.ID, err)
		}
	}
}

func checkFileHash(t *testing.T, path string, size int64, sha string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Errorf("catalogued file: %v", err)
		return
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		t.Errorf("reading %s: %v", path, err)
		return
	}
	if got := hex.EncodeToString(h.Sum(nil)); n != size || got != sha {
		t.Errorf("%s: %d bytes with sha256 %s, catalogue says %d bytes with %s", path, n, got, size, sha)
	}
}

// --- the catalogue, opened directly ------------------------------------

// checkCrashImage copies the catalogue as the kill left it (database and
// write-ahead log) to a scratch directory and runs SQLite's integrity check
// there, so that the real data directory is first opened by the restarted
// server, as after a real crash.
func checkCrashImage(t *testing.T, data string) {
	t.Helper()
	scratch := t.TempDir()
	for _, name := range []string{store.DBFile, store.DBFile + "-wal"} {
		b, err := os.ReadFile(filepath.Join(data, name))
		if errors.Is(err, os.ErrNotExist) && name != store.DBFile {
			continue
		}
		if err != nil {
			t.Fatalf("copying the catalogue: %v", err)
		}
		if err := os.WriteFile(filepath.Join(scratch, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), crashHTTPTimeout)
	defer cancel()
	st, err := store.Open(ctx, scratch)
	if err != nil {
		t.Fatalf("opening the catalogue left by the crash: %v", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Errorf("catalogue left by the crash: %v", err)
	}
}

// checkCatalogue opens the data directory's catalogue directly (the server
// is stopped: store.Open also clears tmp, which must not race a live
// server), runs the integrity check and compares the records with the
// snapshot.
func checkCatalogue(t *testing.T, data string, before crashSnapshot) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), crashHTTPTimeout)
	defer cancel()
	st, err := store.Open(ctx, data)
	if err != nil {
		t.Fatalf("opening the catalogue: %v", err)
	}
	defer st.Close()
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Errorf("after the restart: %v", err)
	}
	cs, err := st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != len(before.corpora) {
		t.Errorf("catalogue holds %d corpora, %d before the crash", len(cs), len(before.corpora))
	}
	for _, c := range before.corpora {
		got, err := st.Corpus(ctx, c.ID)
		if err != nil {
			t.Errorf("corpus %d: %v", c.ID, err)
			continue
		}
		if got.Name != c.Name || got.Size != c.Size || got.SHA256 != c.SHA256 {
			t.Errorf("corpus %d in the catalogue: %q %d %s, before the crash %q %d %s",
				c.ID, got.Name, got.Size, got.SHA256, c.Name, c.Size, c.SHA256)
		}
	}
	vs, err := st.VectorSets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != len(before.vectors) {
		t.Errorf("catalogue holds %d vector sets, %d before the crash", len(vs), len(before.vectors))
	}
}
