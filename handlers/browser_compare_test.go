package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// compareShots saves a screenshot of the page at 400 and 1400 px into the
// folder named by GLOVEBOARD_SHOTS (when set) as name-400.png and
// name-1400.png, and fails if the page is wider than a 400 px window.
func compareShots(t *testing.T, ctx context.Context, url, ready, name string) {
	t.Helper()
	dir := os.Getenv("GLOVEBOARD_SHOTS")
	for _, width := range []int64{400, 1400} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
			t.Fatalf("%s at %d px: %v", name, width, err)
		}
		mustRun(t, ctx, chromedp.Poll[bool](`Array.from(document.images).every(i => i.complete)`, chromedp.WithPollingTimeout(20*time.Second)))
		if width == 400 {
			if w := mustRun(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); w > 400 {
				t.Errorf("%s is %v px wide in a 400 px window", name, w)
			}
		}
		if dir != "" {
			shot(t, ctx, filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, width)))
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserCompare acts as a user: from the Explore list, compare the
// demo set with a rotated, perturbed copy in which two pairs of words
// swapped vectors, and read the most-moved words (exactly the swapped
// ones); open one word's neighbours; then run the paper's science/arts
// WEAT from the set's Explore page and read the effect size (the API's);
// then draw a concept axis; then see the same pages in Vietnamese.
func TestBrowserCompare(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "aligns two vector sets and runs a WEAT from the pages")
	a := newModelApp(t, "")
	demoID := demoSet(t, a)
	rotID := uploadRotated(t, a, demoID, 0.01, [][2]string{{"king", "water"}, {"music", "france"}})
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 240*time.Second)
	ctx := browser.ctx

	compareLink := fmt.Sprintf(`#explore-sets a[href="/compare/align?a=%d"]`, demoID)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.Click(chromedp.CSS(compareLink)),
		chromedp.WaitVisible(chromedp.ID("align-form")),
	); err != nil {
		t.Fatalf("from the Explore list to the align form: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Value(chromedp.ID("align-a"))); got != strconv.FormatInt(demoID, 10) {
		t.Errorf("the first set is %q, want the demo set %d", got, demoID)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("align-b"), strconv.FormatInt(rotID, 10)),
		chromedp.Click(chromedp.ID("align-submit")),
		chromedp.WaitVisible(chromedp.ID("moved-table")),
	); err != nil {
		t.Fatalf("aligning: %v", err)
	}
	moved := mustRun(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#moved-table tbody td.word")).map(td => td.textContent.trim())`))
	if len(moved) < 5 {
		t.Fatalf("moved words %v", moved)
	}
	first := slices.Clone(moved[:4])
	slices.Sort(first)
	if want := []string{"france", "king", "music", "water"}; !slices.Equal(first, want) {
		t.Errorf("the four most moved words are %v, want the swapped %v", moved[:4], want)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#moved-table tbody tr:first-child a.small-link`)),
		chromedp.WaitVisible(chromedp.ID("align-neighbours")),
	); err != nil {
		t.Fatalf("opening a word's neighbours: %v", err)
	}
	if lost := mustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#neighbours-a tr.nb-lost").length`)); lost < 5 {
		t.Errorf("a swapped word lost only %d of its neighbours", lost)
	}
	// The map is drawn by the server when the page asks for it: wait for
	// it (a loaded image has a width; a broken one is complete without).
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		state := mustRun(t, ctx, chromedp.Evaluate[string](`(() => { const i = document.querySelector("#align-plot img"); return !i ? "missing" : !i.complete ? "loading" : i.naturalWidth > 0 ? "loaded" : "broken" })()`))
		if state == "loaded" {
			break
		}
		if state != "loading" || time.Now().After(deadline) {
			t.Errorf("the aligned map did not load: %s", state)
			break
		}
	}
	alignURL := mustRun(t, ctx, chromedp.Location())

	// WEAT from the set's page.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/explore", srv.URL, demoID)),
		chromedp.Click(chromedp.ID("compare-weat-link")),
		chromedp.WaitVisible(chromedp.ID("weat-example")),
	); err != nil {
		t.Fatalf("opening the WEAT page: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("weat-example"), "science-arts"),
		chromedp.Click(chromedp.ID("weat-example-submit")),
		chromedp.WaitVisible(chromedp.ID("weat-effect")),
	); err != nil {
		t.Fatalf("running the WEAT: %v", err)
	}
	effect := mustRun(t, ctx, chromedp.Text(chromedp.ID("weat-effect")))
	rec := a.postWEAT(demoID, `{"example": "science-arts"}`)
	var api weatAPI
	if err := json.Unmarshal(rec.Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	if want := strconv.FormatFloat(api.EffectSize, 'f', 4, 64); effect != want {
		t.Errorf("effect size on the page %q, API %s", effect, want)
	}
	weatURL := mustRun(t, ctx, chromedp.Location())

	// A concept axis with the default pairs.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/explore", srv.URL, demoID)),
		chromedp.Click(chromedp.ID("compare-axes-link")),
		chromedp.WaitVisible(chromedp.ID("axes-form")),
		chromedp.SetValue(chromedp.ID("axes-words"), "mother father daughter son actress actor wife husband nurse engineer"),
		chromedp.Click(chromedp.ID("axes-submit")),
		chromedp.WaitVisible(chromedp.ID("axis-to")),
	); err != nil {
		t.Fatalf("drawing an axis: %v", err)
	}
	top := mustRun(t, ctx, chromedp.Text(chromedp.CSS(`#axis-to tbody tr:first-child td.word`)))
	if !strings.Contains("mother daughter actress wife nurse", top) {
		t.Errorf("the word most toward she is %q", top)
	}
	axesURL := mustRun(t, ctx, chromedp.Location())

	compareShots(t, ctx, alignURL, "#align-plot img", "align")
	compareShots(t, ctx, weatURL, "#weat-result", "weat")
	compareShots(t, ctx, axesURL, "#axes-plot img", "axes")
	compareShots(t, ctx, srv.URL+"/compare/align", "#align-form", "align-form")
	compareShots(t, ctx, fmt.Sprintf("%s/vectors/%d/explore#compare", srv.URL, demoID), "#compare", "explore")

	// The same pages in Vietnamese, chosen with the header's switch (a
	// cookie): each has its Vietnamese heading and fits 400 px.
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/lang/vi?next=/compare/align"), chromedp.WaitVisible(chromedp.ID("align-form"))); err != nil {
		t.Fatalf("switching to Vietnamese: %v", err)
	}
	for _, p := range []struct{ url, ready, name, heading string }{
		{alignURL, "#align-plot img", "vi-align", "Căn chỉnh hai tập véc-tơ"},
		{srv.URL + "/compare/align", "#align-form", "vi-align-form", "Căn chỉnh hai tập véc-tơ"},
		{weatURL, "#weat-result", "vi-weat", "Kiểm định liên tưởng của biểu diễn từ (WEAT)"},
		{axesURL, "#axes-plot img", "vi-axes", "Trục khái niệm"},
	} {
		compareShots(t, ctx, p.url, p.ready, p.name)
		if lang := mustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
			t.Errorf("%s: <html lang=%q>, want vi", p.name, lang)
		}
		if h1 := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("main h1").textContent.trim()`)); h1 != p.heading {
			t.Errorf("%s: heading %q, want %q", p.name, h1, p.heading)
		}
	}
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("console errors: %v", p)
	}
}
