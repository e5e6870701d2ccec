package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// wordShots is where TestBrowserWordRunAndVectors leaves its screenshots
// for people to look at: $GLOVEBOARD_SHOTS, else /tmp/gloveboard-word.
func wordShots(t *testing.T) string {
	dir := os.Getenv("GLOVEBOARD_SHOTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "gloveboard-word")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowserWordRunAndVectors acts as a user on the demo corpus with a
// run trained on it: the home page leads to the ice/steam table, the word
// page of "ice" shows its concordance (weights on hover), the run panel's
// neighbours (the API's) and the fit plot; its link opens the word in the
// run's vectors, whose neighbours link on to other word pages. It saves
// screenshots of the pages at 400 and 1400 px.
func TestBrowserWordRunAndVectors(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "the word page's run panel and the vector word page, as a user")
	a := newApp(t, 0)
	a.buildDemo(t)
	demo := minKey(snapshot(t, a).corpora)
	page := fmt.Sprintf("/corpora/%d", demo)
	run := a.modelStartRun(t, modelTrainValues(demo, map[string]string{"vector_size": "20", "epochs": "3", "threads": "2"}))
	if r := a.modelWaitRun(t, run); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", run, r.Status)
	}
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 150*time.Second)
	ctx := browser.ctx
	shots := wordShots(t)
	sizes := []int64{400, 1400}
	shoot := func(name string) {
		for _, w := range sizes {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			shot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, w)))
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(chromedp.ID("start"))); err != nil {
		t.Fatal(err)
	}
	shoot("home")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("start-ratio")),
		chromedp.WaitVisible(chromedp.ID("ratio-table")),
	); err != nil {
		t.Fatalf("from the home page to Table 1: %v", err)
	}
	shoot("ratio")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+page+"/ratio?i=ice&j=steam&probes=solid,gas,water,fashion,cold,hot,liquid,frozen,vapor"),
		chromedp.WaitVisible(chromedp.ID("ratio-table")),
	); err != nil {
		t.Fatalf("Table 1 with nine probes: %v", err)
	}
	shoot("ratio-many")
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+page+"/words/ice"),
		chromedp.WaitVisible(chromedp.ID("word-run")),
		chromedp.WaitVisible(chromedp.ID("concordance-table")),
	); err != nil {
		t.Fatalf("ice's word page: %v", err)
	}
	title := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#concordance-table span.win").title`))
	if !strings.Contains(title, "adds") || !strings.Contains(title, "X(ice,") {
		t.Errorf("hover text of a window word: %q", title)
	}
	shown := mustRun(t, ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#neighbors-list a")).map(a => a.textContent.trim())`))
	api := getWordExtras(t, a, "/api"+page+"/words/ice")
	if api.Run == nil || len(api.Run.Neighbors) != len(shown) || len(shown) == 0 {
		t.Fatalf("page neighbours %v, API %+v", shown, api.Run)
	}
	for n, m := range api.Run.Neighbors {
		if shown[n] != m.Word {
			t.Errorf("neighbour %d: page %q, API %q", n, shown[n], m.Word)
		}
	}
	loaded := mustRun(t, ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector("#word-fit-plot img"); return i.complete && i.naturalWidth > 0 })()`))
	if !loaded {
		t.Errorf("the fit plot did not load")
	}
	shoot("word")

	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("word-vector-link")),
		chromedp.WaitVisible(chromedp.ID("vword-neighbors-list")),
	); err != nil {
		t.Fatalf("to the vector word page: %v", err)
	}
	if loc := mustRun(t, ctx, chromedp.Location()); !regexp.MustCompile(`/vectors/\d+/words/ice$`).MatchString(loc) {
		t.Errorf("vector word page at %s", loc)
	}
	shoot("vector-word-run")
	first := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#vword-neighbors-list li:first-child a")))
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#vword-neighbors-list li:first-child a")),
		chromedp.WaitVisible(chromedp.ID("vword-neighbors-list")),
	); err != nil {
		t.Fatalf("to a neighbour's page: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("word-title"))); got != first {
		t.Errorf("clicked %q, landed on %q", first, got)
	}
	// A vector set without a corpus: the demo's GloVe sample.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/words/queen", srv.URL, demoVectors(t, a))),
		chromedp.WaitVisible(chromedp.ID("vword-analogies")),
	); err != nil {
		t.Fatalf("queen in the demo vectors: %v", err)
	}
	shoot("vector-word")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("console errors: %v", p)
	}
}
