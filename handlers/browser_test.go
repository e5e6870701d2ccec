package handlers_test

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// screenshotPath is where the browser test leaves a picture of the home
// page for people to look at.
const screenshotPath = "/tmp/gloveboard-home.png"

// browserSession is a headless Chromium driven through chromedp, with the
// console errors and uncaught exceptions it reported (a CSP violation is
// reported as a console error).
type browserSession struct {
	ctx  context.Context
	mu   sync.Mutex
	errs []string
}

// newBrowser starts Chromium (the binary testkit.Browser found) for one test with a fresh profile; everything
// is stopped when the test ends. ctx carries the timeout.
func newBrowser(t testing.TB, chromium string, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) *browserSession {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancel := context.WithTimeout(bctx, timeout)
	b := &browserSession{ctx: ctx}
	consoleCtx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(consoleCtx)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException {
				b.mu.Lock()
				b.errs = append(b.errs, m.String())
				b.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		stopConsole()
		wg.Wait()
		cancel()
		cancelBrowser()
		cancelAlloc()
	})
	return b
}

// problems returns a copy of the errors reported so far.
func (b *browserSession) problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

// TestBrowserHomeAndUpload drives a real browser against the dashboard on
// a random loopback port: the demo data are listed, htmx loads under the
// CSP, and a corpus uploaded through the file input shows up.
func TestBrowserHomeAndUpload(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the home page and an upload in a real browser")
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "uploads brown-ci.txt through the browser form")

	a := newApp(t, 0)
	srv := httptest.NewServer(a.e)
	defer srv.Close()

	browser := newBrowser(t, chromium, 90*time.Second)
	ctx := browser.ctx

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#corpora")),
	); err != nil {
		t.Fatalf("loading the home page: %v", err)
	}
	corporaText := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#corpora")))
	vectorsText := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#vectors")))
	htmxType := mustRun(t, ctx, chromedp.Evaluate[string](`typeof htmx`))
	png := mustRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(screenshotPath, png, 0o644); err != nil {
		t.Errorf("saving screenshot: %v", err)
	}
	if !strings.Contains(corporaText, demo.CorpusName) {
		t.Errorf("home corpora section %q lacks the demo corpus", corporaText)
	}
	if !strings.Contains(vectorsText, demo.VectorsName) || !strings.Contains(vectorsText, "4,197") {
		t.Errorf("home vectors section %q lacks the demo vectors", vectorsText)
	}
	if htmxType != "object" {
		t.Errorf("htmx did not load: typeof htmx = %q", htmxType)
	}

	// Upload brown-ci.txt through the corpus form.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/corpora"),
		chromedp.WaitVisible(chromedp.ID("corpus-file")),
		chromedp.SetUploadFiles(chromedp.ID("corpus-file"), []string{brown}),
		chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("dl.facts")),
	); err != nil {
		t.Fatalf("uploading brown-ci.txt: %v", err)
	}
	heading := mustRun(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	location := mustRun(t, ctx, chromedp.Location())
	if heading != "brown-ci.txt" || !regexp.MustCompile(`/corpora/\d+$`).MatchString(location) {
		t.Errorf("after upload: heading %q at %s, want brown-ci.txt at /corpora/<id>", heading, location)
	}
	// A refused upload shows the form again at its own address: the CSRF
	// token travels in a hidden field, never in the address bar.
	binary := filepath.Join(t.TempDir(), "binary.txt")
	if err := os.WriteFile(binary, []byte("not\x00text\x00at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/corpora"),
		chromedp.WaitVisible(chromedp.ID("corpus-file")),
		chromedp.SetUploadFiles(chromedp.ID("corpus-file"), []string{binary}),
		chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("p.upload-error")),
	); err != nil {
		t.Fatalf("uploading a binary file: %v", err)
	}
	if location := mustRun(t, ctx, chromedp.Location()); location != srv.URL+"/corpora" {
		t.Errorf("after a refused upload the address bar shows %s, want %s/corpora", location, srv.URL)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#corpora")),
	); err != nil {
		t.Fatalf("reloading home: %v", err)
	}
	corporaText = mustRun(t, ctx, chromedp.Text(chromedp.CSS("#corpora")))
	if !strings.Contains(corporaText, "brown-ci.txt") || !strings.Contains(corporaText, "2.9 MiB") {
		t.Errorf("home corpora section %q does not list the upload", corporaText)
	}
	// A running job shows its progress; Cancel (an htmx POST carrying the
	// CSRF header) stops it and the polled job list reports it.
	job, err := a.jobs.Submit("build-corpus", 1, func(ctx context.Context, run jobs.Run) error {
		progress := run.Progress
		progress(0.5, "halfway there")
		<-ctx.Done()
		return ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	// The job is "running" a moment before its function reports progress
	// (the worker records the start in the catalogue first): wait for it.
	for {
		info, err := a.jobs.Get(ctx, job.ID)
		if err != nil {
			t.Fatal(err)
		}
		if info.Progress == 0.5 {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("the job never reported its progress: %+v", info)
		}
		time.Sleep(5 * time.Millisecond)
	}
	row := "#job-" + strconv.FormatInt(job.ID, 10)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(row+" progress")),
	); err != nil {
		t.Fatalf("waiting for the running job: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS(row))); !strings.Contains(got, "halfway there") || !strings.Contains(got, "50%") {
		t.Errorf("job row %q lacks its progress", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(row+" button")),
		chromedp.WaitVisible(chromedp.CSS(row+" .badge.cancelled")),
	); err != nil {
		t.Fatalf("cancelling the job from the page: %v", err)
	}
	if info, err := a.jobs.Get(ctx, job.ID); err != nil || info.Status != store.JobCancelled {
		t.Errorf("job after Cancel: %+v, %v", info, err)
	}

	// With a small upload limit the page refuses the file before sending it.
	small := newApp(t, 4096)
	smallSrv := httptest.NewServer(small.e)
	defer smallSrv.Close()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(smallSrv.URL+"/corpora"),
		chromedp.WaitVisible(chromedp.ID("corpus-file")),
		chromedp.SetUploadFiles(chromedp.ID("corpus-file"), []string{brown}),
		chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(".upload-error")),
	); err != nil {
		t.Fatalf("oversized upload: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS(".upload-error"))); !strings.Contains(got, "larger than the upload limit of 4 KiB") {
		t.Errorf("oversize message %q", got)
	}
	if cs, _ := small.st.Corpora(ctx); len(cs) != demoCorpora {
		t.Errorf("%d corpora after a refused upload, want only the demo", len(cs))
	}

	// The binary upload is refused with a 422 on purpose; Chromium logs
	// every 4xx response as a console error.
	problems := slices.DeleteFunc(browser.problems(), func(p string) bool {
		return strings.Contains(p, "status of 422")
	})
	if len(problems) > 0 {
		t.Errorf("browser reported errors: %q", problems)
	}
}

// mustRun runs one browser action and returns its value, failing t on error.
func mustRun[T any](t testing.TB, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}
