package handlers_test

import (
	"bytes"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// Screenshots of the Train, run and Explore pages, for people to look at.
const (
	trainScreenshot   = "/tmp/gloveboard-train.png"
	runScreenshot     = "/tmp/gloveboard-run.png"
	exploreScreenshot = "/tmp/gloveboard-explore.png"
)

// TestBrowserTrainAndExplore acts as a new user: upload a small corpus,
// build it with the corpus page's form, train two epochs from the Train
// page, watch the loss curve appear and the run finish, then ask the demo
// vectors man : king :: woman : ? and download a plot.
func TestBrowserTrainAndExplore(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the train and explore pages in a real browser")
	corpusFile := filepath.Join(t.TempDir(), "royal.txt")
	if err := os.WriteFile(corpusFile, modelTinyCorpus(), 0o644); err != nil {
		t.Fatal(err)
	}
	a := newModelApp(t, "")
	srv := httptest.NewServer(a.e)
	defer srv.Close()

	browser := newBrowser(t, chromium, 120*time.Second)
	ctx := browser.ctx

	// With nothing built, the Train page says what to do.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/train"),
		chromedp.WaitVisible(chromedp.ID("train-form-card")),
	); err != nil {
		t.Fatalf("train page: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("train-form-card"))); !strings.Contains(got, "No corpus has been built yet") {
		t.Errorf("train page without a built corpus says %q", got)
	}

	// Upload and build the corpus through the Corpora pages.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/corpora"),
		chromedp.WaitVisible(chromedp.ID("corpus-file")),
		chromedp.SetUploadFiles(chromedp.ID("corpus-file"), []string{corpusFile}),
		chromedp.Click(chromedp.CSS(`form.upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS("form.build-form")),
		chromedp.SetValue(chromedp.ID("b-window"), "5"),
		chromedp.Click(chromedp.ID("build-submit")),
		chromedp.WaitVisible(chromedp.ID("stats")),
	); err != nil {
		t.Fatalf("uploading and building the corpus: %v", err)
	}

	// Train two epochs from the form.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/train"),
		chromedp.WaitVisible(chromedp.ID("train-form")),
		chromedp.SetValue(chromedp.ID("train-vector-size"), "10"),
		chromedp.SetValue(chromedp.ID("train-epochs"), "2"),
		chromedp.SetValue(chromedp.ID("train-xmax"), "10"),
	); err != nil {
		t.Fatalf("filling the training form: %v", err)
	}
	shot(t, ctx, trainScreenshot)
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("train-start")),
		chromedp.WaitVisible(chromedp.CSS("#loss-plot img")),
		chromedp.WaitVisible(chromedp.CSS(`#run-progress[data-status="done"]`)),
		chromedp.WaitVisible(chromedp.ID("downloads")),
	); err != nil {
		t.Fatalf("training: %v", err)
	}
	location := mustRun(t, ctx, chromedp.Location())
	if !regexp.MustCompile(`/runs/\d+$`).MatchString(location) {
		t.Errorf("after Start training at %s, want /runs/<id>", location)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("run-epoch"))); got != "2 of 2" {
		t.Errorf("epoch shown %q", got)
	}
	// The reloaded page's image may still be on its way: wait until the
	// browser is done with it (a broken image is complete too, with width 0).
	if w := mustRun(t, ctx, chromedp.Poll[float64](`(() => { const i = document.querySelector("#loss-plot img"); return i && i.complete ? i.naturalWidth + 1 : 0 })()`,
		chromedp.WithPollingTimeout(20*time.Second))) - 1; w <= 0 {
		t.Errorf("loss image did not load (naturalWidth %v)", w)
	}
	// Scored on the embedded sets, with no evaluation folder configured.
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("evaluation"))); !strings.Contains(got, "Google analogies") ||
		!strings.Contains(got, "19,544") || !strings.Contains(got, "SimLex-999") || !strings.Contains(got, "MEN") {
		t.Errorf("evaluation section %q", got)
	}
	shot(t, ctx, runScreenshot)

	// Explore the demo vectors: man is to king as woman is to ?
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(chromedp.ID("explore-sets")),
		chromedp.Click(chromedp.CSS(`#explore-sets tr[data-source="demo"] a.button`)),
		chromedp.WaitVisible(chromedp.ID("analogy")),
		chromedp.SendKeys(chromedp.ID("an-a"), "man"),
		chromedp.SendKeys(chromedp.ID("an-b"), "king"),
		chromedp.SendKeys(chromedp.ID("an-c"), "woman"),
		chromedp.Click(chromedp.ID("an-submit")),
		chromedp.WaitVisible(chromedp.ID("analogy-top")),
	); err != nil {
		t.Fatalf("analogy: %v", err)
	}
	exploreURL := mustRun(t, ctx, chromedp.Location())
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("analogy-top"))); got != "queen" {
		t.Errorf("man : king :: woman : ? answered %q, want queen", got)
	}
	// Word suggestions come from the vector set in the one autocomplete
	// shape (static/autocomplete.js): the list holds words starting with
	// what was typed.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("nb-word"), "wom"),
		chromedp.Poll[chromedp.Void](`(() => { const o = Array.from(document.querySelectorAll("#word-examples option")); return o.length > 0 && o.every(x => x.value.startsWith("wom")); })()`, chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second)),
	); err != nil {
		t.Errorf("suggestions for %q: %v", "wom", err)
	}
	mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("nb-word").value = ""; true`))
	// An unknown word gets a message in place, not an error page.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("nb-word"), "frobnicatorz"),
		chromedp.Click(chromedp.ID("nb-submit")),
		chromedp.WaitVisible(chromedp.CSS("#neighbors-result .run-error")),
	); err != nil {
		t.Fatalf("unknown word: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#neighbors-result"))); !strings.Contains(got, "not in this vector set") {
		t.Errorf("unknown word message %q", got)
	}
	mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("nb-word").value = ""; true`))
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("nb-word"), "ice"),
		chromedp.Click(chromedp.ID("nb-submit")),
		chromedp.WaitVisible(chromedp.CSS("#neighbors-plot img")),
		chromedp.Click(chromedp.ID("map-submit")),
		chromedp.WaitVisible(chromedp.CSS("#map-plot canvas")),
		chromedp.WaitVisible(chromedp.CSS("#spectrum-plot img")),
	); err != nil {
		t.Fatalf("neighbours, map and spectrum: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("map-trust"))); !strings.HasPrefix(got, "0.") {
		t.Errorf("map trustworthiness %q", got)
	}
	// Let the images load before the picture is taken.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("images did not load: %v", err)
	}
	shot(t, ctx, exploreScreenshot)

	// Download the analogy chart from its PNG link.
	href := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#analogy-plot .plot-downloads a").href`))
	resp, err := http.Get(href)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if ct, cd := resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"); ct != "image/png" || !strings.Contains(cd, `filename="gloveboard-`) || !strings.Contains(cd, `-analogy-man-king-woman-add.png"`) || !strings.HasPrefix(cd, "attachment") {
		t.Errorf("download: %s, %q", ct, cd)
	}
	img, err := png.Decode(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("decoding the downloaded PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 420 {
		t.Errorf("PNG is %v, want 640×420", b)
	}

	// In a 400 px window (a phone) no page is wider than the window: the
	// cards shrink to fit and wide tables scroll inside their card.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(400, 900)); err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{srv.URL + "/", location, exploreURL, srv.URL + "/train"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(u), chromedp.WaitVisible(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("narrow %s: %v", u, err)
		}
		if w := mustRun(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); w > 400 {
			t.Errorf("%s is %v px wide in a 400 px window", u, w)
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
		t.Fatal(err)
	}

	problems := browser.problems()
	// The unknown word is answered with a 422 on purpose; Chromium logs
	// every 4xx response as a console error.
	expected := 0
	for i, p := range problems {
		if strings.Contains(p, "status of 422") && expected == 0 {
			expected++
			problems = append(problems[:i:i], problems[i+1:]...)
			break
		}
	}
	if len(problems) > 0 {
		t.Errorf("browser reported errors: %q", problems)
	}
}
