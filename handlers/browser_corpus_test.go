package handlers_test

import (
	"bytes"
	"context"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// Screenshots of the corpus and ratio pages, for people to look at.
const (
	corpusScreenshot = "/tmp/gloveboard-corpus.png"
	ratioScreenshot  = "/tmp/gloveboard-ratio.png"
	// The corpus page after computing a singular-value spectrum.
	spectrumScreenshot = "/tmp/gloveboard-corpus-spectrum.png"
)

// TestBrowserCorpusAndRatios acts as a new user: upload brown-ci.txt,
// build its co-occurrences through the settings form, wait for the job,
// compute the singular-value spectrum of the top 500 words (after a
// refused k), open the ratios of ice and steam, read the table from the
// DOM, use the word suggestions and download the ratio chart as PNG.
func TestBrowserCorpusAndRatios(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the corpus and ratio pages in a real browser")
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "uploads brown-ci.txt in a browser and checks its ratio table")
	a := newApp(t, 0)
	srv := httptest.NewServer(a.e)
	defer srv.Close()

	browser := newBrowser(t, chromium, 120*time.Second)
	ctx := browser.ctx

	// Home, then upload through the corpus form.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS("#corpora")),
		chromedp.Click(chromedp.CSS(`#corpora .card-head a`)),
		chromedp.WaitVisible(chromedp.ID("corpus-file")),
		chromedp.SetUploadFiles(chromedp.ID("corpus-file"), []string{brown}),
		chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.build-form")),
	); err != nil {
		t.Fatalf("uploading brown-ci.txt: %v", err)
	}
	location := mustRun(t, ctx, chromedp.Location())
	if !regexp.MustCompile(`/corpora/\d+$`).MatchString(location) {
		t.Fatalf("after upload at %s", location)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("build"))); !strings.Contains(got, "has not been built yet") {
		t.Errorf("unbuilt corpus page says %q", got)
	}

	// Build with the settings form (window 8 instead of 10) and wait
	// until the page has reloaded itself with the statistics.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("b-window"), "8"),
		chromedp.Click(chromedp.ID("build-submit")),
		chromedp.WaitVisible(chromedp.ID("stats")),
		chromedp.WaitVisible(chromedp.CSS("#zipf img")),
	); err != nil {
		t.Fatalf("building brown-ci.txt: %v", err)
	}
	stats := mustRun(t, ctx, chromedp.Text(chromedp.ID("stats")))
	if !strings.Contains(stats, "window 8") || !strings.Contains(stats, "tokens") || !strings.Contains(stats, "bits") {
		t.Errorf("stats after build: %q", stats)
	}
	// The Zipf image loads (an SVG served by the plot route; the fit
	// behind it can take a second on a busy machine).
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const i = document.querySelector("#zipf img"); return i.complete && i.naturalWidth > 0; })()`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("zipf image did not load: %v", err)
	}
	shot(t, ctx, corpusScreenshot)

	// The singular-value spectrum: a k larger than N is refused in place
	// (a 400 fragment), then the top 500 words with k = 20 run as a job
	// whose polled fragment ends with the plot and the fit.
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("sp-top-n"), "500"),
		chromedp.SetValue(chromedp.ID("sp-k"), "600"),
		chromedp.Click(chromedp.ID("spectrum-submit")),
		chromedp.WaitVisible(chromedp.CSS("#corpus-spectrum-result .run-error")),
	); err != nil {
		t.Fatalf("spectrum with k > N: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("corpus-spectrum-result"))); !strings.Contains(got, "from 1 to 500") {
		t.Errorf("spectrum error %q", got)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("sp-matrix"), "ppmi"),
		chromedp.SetValue(chromedp.ID("sp-k"), "20"),
		chromedp.Click(chromedp.ID("spectrum-submit")),
		chromedp.WaitVisible(chromedp.ID("spectrum-fit-beta")),
		chromedp.Poll[chromedp.Void](`(() => { const i = document.querySelector("#corpus-spectrum-plot img"); return i && i.complete && i.naturalWidth > 0; })()`, chromedp.WithPollingInterval(100*time.Millisecond)),
	); err != nil {
		t.Fatalf("spectrum of the top 500 words: %v", err)
	}
	beta := mustRun(t, ctx, chromedp.Text(chromedp.ID("spectrum-fit-beta")))
	if b, err := strconv.ParseFloat(beta, 64); err != nil || !(b > 0) {
		t.Errorf("β shown as %q, want a positive number", beta)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("spectrum-result"))); !strings.Contains(got, "top 500") && !strings.Contains(got, "500 most") {
		t.Errorf("spectrum result %q does not name the 500 words", got)
	}
	for _, link := range []string{"PNG", "SVG", "CSV data"} {
		href := mustRun(t, ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#corpus-spectrum-plot a")).filter(a => a.textContent.trim() === "`+link+`").map(a => a.href)[0] || ""`))
		if !strings.Contains(href, "/spectra/") || !strings.Contains(href, "download=1") {
			t.Errorf("%s download link %q", link, href)
		}
	}
	shot(t, ctx, spectrumScreenshot)

	// Ratios for ice and steam.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(location+"/ratio?i=ice&j=steam"),
		chromedp.WaitVisible(chromedp.ID("ratio-table")),
	); err != nil {
		t.Fatalf("ratio page: %v", err)
	}
	cols := mustRun(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#ratio-table thead th[data-k]")).map(th => th.dataset.k)`))
	if strings.Join(cols, ",") != "solid,gas,water,fashion" {
		t.Errorf("ratio columns %q", cols)
	}
	cells := mustRun(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#ratio-table tr.ratio-row td")).map(td => td.textContent.trim())`))
	if len(cells) != 4 {
		t.Errorf("ratio cells %q", cells)
	}
	for n, c := range cells {
		if _, err := strconv.ParseFloat(c, 64); err != nil && !strings.Contains(c, "×10") && c != "∞" && c != "undefined" {
			t.Errorf("ratio cell %d = %q: not a number, ∞ or undefined", n, c)
		}
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("#ratio img"))); err != nil {
		t.Fatal(err)
	}
	// Visible is not loaded: wait until the image is complete (loaded or
	// broken), then check that it has a width.
	if w := mustRun(t, ctx, chromedp.Poll[float64](`(() => { const i = document.querySelector("#ratio img"); return i && i.complete ? i.naturalWidth + 1 : 0 })()`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(60*time.Second))) - 1; w <= 0 {
		t.Errorf("ratio image did not load (naturalWidth %v)", w)
	}
	shot(t, ctx, ratioScreenshot)

	// Word suggestions come from the vocabulary (same-origin script).
	mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("r-j").value = ""; true`))
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("r-j"), "wat"),
		chromedp.WaitReady(chromedp.CSS(`#r-j-words option[value="water"]`)),
	); err != nil {
		t.Errorf("suggestions for %q: %v", "wat", err)
	}

	// Download the ratio chart from the page's link.
	href := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#ratio a.dl-png").href`))
	resp, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if cd := resp.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "-ratio-ice-steam.png") || !strings.Contains(cd, `filename="gloveboard-`) {
		t.Errorf("download name %q", cd)
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("decoding the downloaded PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 960 || b.Dy() != 720 {
		t.Errorf("PNG is %v, want 960×720", b)
	}

	problems := browser.problems()
	// The spectrum with k > N is answered with a 400 on purpose; Chromium
	// logs every 4xx response as a console error.
	for i, p := range problems {
		if strings.Contains(p, "status of 400") {
			problems = append(problems[:i:i], problems[i+1:]...)
			break
		}
	}
	if len(problems) > 0 {
		t.Errorf("browser reported errors: %q", problems)
	}
}

func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png := mustRun(t, ctx, chromedp.FullScreenshot(100))
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Errorf("saving screenshot: %v", err)
	}
}
