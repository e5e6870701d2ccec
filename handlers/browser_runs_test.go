package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/color"
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

// runsShots is where the Chromium tests of runs leave screenshots for
// people to look at (name-400.png and name-1400.png).
var runsShots = filepath.Join(os.TempDir(), "gloveboard-runs")

// shotWidths saves full-page screenshots of the current page at 400 and
// 1400 px as runsShots/name-<width>.png, and checks that at 400 px the
// page is no wider than the window (wide tables scroll in their card).
func shotWidths(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if err := os.MkdirAll(runsShots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int64{400, 1400} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900), chromedp.Sleep(200*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
		if sw := mustRun(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); sw > float64(w) {
			t.Errorf("%s is %v px wide in a %d px window", name, sw, w)
		}
		shot(t, ctx, filepath.Join(runsShots, fmt.Sprintf("%s-%d.png", name, w)))
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCompareIdenticalRuns compares two runs with the same
// settings (identical curves) and one with another η, as a user would:
// the legend labels differ and name the twin, the figure's SVG draws the
// curves with different dash patterns, and the PNG shows the colour of
// the curve that lies under its twin in the plot, not just in the legend.
func TestBrowserCompareIdenticalRuns(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the runs comparison in a real browser")
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	first := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"epochs": "8"}))
	a.modelWaitRun(t, first)
	twin := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"epochs": "8"}))
	a.modelWaitRun(t, twin)
	other := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"epochs": "8", "eta": "0.1"}))
	a.modelWaitRun(t, other)
	rec := a.postAPI("/api/runs", fmt.Sprintf(`{"corpus_id": %d, "model": "svd-ppmi", "vector_size": 5}`, c.ID))
	var svd struct {
		RunID int64 `json:"run_id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &svd); err != nil || rec.Code != http.StatusAccepted {
		t.Fatalf("SVD run: %d %s", rec.Code, rec.Body)
	}
	a.modelWaitRun(t, svd.RunID)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 90*time.Second)
	ctx := browser.ctx

	// Tick the runs on the Train page and press Compare runs.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/train"),
		chromedp.WaitVisible(chromedp.ID("runs")),
	); err != nil {
		t.Fatal(err)
	}
	shotWidths(t, ctx, "train")
	for _, id := range []int64{first, twin, other, svd.RunID} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`#run-%d input[type="checkbox"]`, id)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("compare-runs")),
		chromedp.WaitVisible(chromedp.CSS("#compare-plot img")),
		chromedp.WaitVisible(chromedp.ID("compare-table")),
	); err != nil {
		t.Fatalf("comparing: %v", err)
	}
	if w := mustRun(t, ctx, chromedp.Poll[float64](`(() => { const i = document.querySelector("#compare-plot img"); return i && i.complete ? i.naturalWidth + 1 : 0 })()`,
		chromedp.WithPollingTimeout(20*time.Second))) - 1; w <= 0 {
		t.Errorf("comparison image did not load (naturalWidth %v)", w)
	}
	labels := mustRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#compare-table td.label")].map(td => td.textContent.trim())`))
	want := map[int64]string{
		first:     fmt.Sprintf("run %d: seed 1, d 10, GloVe, η 0.05", first),
		twin:      fmt.Sprintf("run %d: seed 1, d 10, GloVe, η 0.05 (same settings as run %d)", twin, first),
		other:     fmt.Sprintf("run %d: seed 1, d 10, GloVe, η 0.1", other),
		svd.RunID: fmt.Sprintf("run %d: seed 1, d 5, SVD-PPMI, p 0.5", svd.RunID),
	}
	if len(labels) != 4 {
		t.Fatalf("labels %q", labels)
	}
	for _, l := range labels {
		var id int64
		fmt.Sscanf(l, "run %d", &id)
		if want[id] != l {
			t.Errorf("label %q, want %q", l, want[id])
		}
	}
	notes := mustRun(t, ctx, chromedp.Text(chromedp.ID("compare-table")))
	if !strings.Contains(notes, "no loss curve") || strings.Contains(notes, "not ranked") {
		t.Errorf("comparison notes %q: want the SVD run's missing curve, and costs ranked (same corpus, d, x_max, α)", notes)
	}
	if ranks := mustRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#compare-table td.cost-rank")].map(td => td.textContent.trim())`)); len(ranks) != 3 || !strings.HasSuffix(ranks[0], "of 3") {
		t.Errorf("cost ranks %q", ranks)
	}
	shotWidths(t, ctx, "compare")

	// The figure: its SVG strokes the curves with different dashes, and
	// its PNG shows the first run's colour beyond the legend's thumbnail.
	src := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#compare-plot a.dl-svg").getAttribute("href")`))
	svg := string(httpGet(t, srv.URL+src))
	dashes := map[string]bool{}
	for _, m := range regexp.MustCompile(`stroke-dasharray:([^;"]+)`).FindAllStringSubmatch(svg, -1) {
		dashes[m[1]] = true
	}
	if len(dashes) < 2 { // the first curve is solid (no dash array)
		t.Errorf("SVG dash patterns %v: want two, besides the solid curve", dashes)
	}
	pngSrc := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#compare-plot a.dl-png").getAttribute("href")`))
	img, err := png.Decode(bytes.NewReader(httpGet(t, srv.URL+pngSrc)))
	if err != nil {
		t.Fatal(err)
	}
	strokes := regexp.MustCompile(`stroke:(#[0-9a-fA-F]{6})`).FindAllStringSubmatch(svg, -1)
	counts := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bl >> 8), 255}]++
		}
	}
	var firstColour color.RGBA
	for _, s := range strokes { // the first data colour drawn after the grid and axes
		var c color.RGBA
		fmt.Sscanf(s[1], "#%02x%02x%02x", &c.R, &c.G, &c.B)
		c.A = 255
		if c.R != c.G || c.G != c.B { // not a grey
			firstColour = c
			break
		}
	}
	if n := counts[firstColour]; n < 150 {
		t.Errorf("the first run's colour %v covers %d pixels of the PNG: its curve is hidden under its twin", firstColour, n)
	}
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser reported errors: %q", p)
	}
}

// TestBrowserResume cancels a run after its third epoch, opens its page
// and presses Resume: the run goes on to done with every epoch, and
// Retry stays offered.
func TestBrowserResume(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "clicks Resume in a real browser")
	a := newModelApp(t, "")
	wide := a.modelUpload(t, "wide", modelWideCorpus())
	a.modelBuild(t, wide)
	id := a.cancelledRun(t, wide.ID, "40")
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 90*time.Second)
	ctx := browser.ctx
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/runs/%d", srv.URL, id)),
		chromedp.WaitVisible(chromedp.ID("run-resume")),
		chromedp.WaitVisible(chromedp.ID("run-retry")),
	); err != nil {
		t.Fatalf("cancelled run page: %v", err)
	}
	shotWidths(t, ctx, "run-cancelled")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("run-resume")),
		chromedp.WaitVisible(chromedp.CSS(`#run-progress[data-status="done"]`)),
		chromedp.WaitVisible(chromedp.ID("evaluation")),
	); err != nil {
		t.Fatalf("resuming: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("run-epoch"))); got != "40 of 40" {
		t.Errorf("epoch shown after resuming: %q", got)
	}
	if loc := mustRun(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, fmt.Sprintf("/runs/%d", id)) {
		t.Errorf("after Resume the browser is at %s", loc)
	}
	shotWidths(t, ctx, "run-resumed")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser reported errors: %q", p)
	}
}

// httpGet returns the body of a 200 answer to GET url.
func httpGet(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return body
}
