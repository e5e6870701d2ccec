package handlers_test

import (
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBrowserTrainInVietnamese switches the Train page to Vietnamese in
// the header, checks the page script's own text (the start button while
// the run starts), trains from the form, follows the run's live progress
// and loss curve in Vietnamese, and switches back to English on the run
// page, which stays where it was.
func TestBrowserTrainInVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the Vietnamese train and run pages in a real browser")
	a := newModelApp(t, "")
	a.modelCorpus(t)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 120*time.Second)
	ctx := browser.ctx

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/train"),
		chromedp.WaitVisible(chromedp.ID("train-form")),
		chromedp.Click(chromedp.CSS(`.lang-switch a[lang="vi"]`)),
		chromedp.WaitVisible(chromedp.ID("train-form")),
	); err != nil {
		t.Fatalf("switching the train page to Vietnamese: %v", err)
	}
	if loc := mustRun(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "/train") {
		t.Errorf("the language switch left the train page for %s", loc)
	}
	if h1 := mustRun(t, ctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Huấn luyện" {
		t.Errorf("heading %q, want Huấn luyện", h1)
	}
	// The page's scripts run after the form shows: wait for them.
	mustRun(t, ctx, chromedp.Poll[bool](`document.readyState === "complete" && !!window.gloveboard`, chromedp.WithPollingTimeout(20*time.Second)))
	// The start button says the run is starting, in Vietnamese: the
	// script's text comes from the page's strings (the submission itself
	// is held back here, so that the button can be read).
	starting := mustRun(t, ctx, chromedp.Evaluate[string](`(() => {
		const form = document.getElementById("train-form");
		form.addEventListener("submit", (ev) => ev.preventDefault(), { once: true });
		form.requestSubmit();
		return document.getElementById("train-start").textContent;
	})()`))
	if starting != "Đang bắt đầu…" {
		t.Errorf("start button while starting %q, want Đang bắt đầu…", starting)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/train"),
		chromedp.WaitVisible(chromedp.ID("train-form")),
		chromedp.SetValue(chromedp.ID("train-vector-size"), "10"),
		chromedp.SetValue(chromedp.ID("train-epochs"), "3"),
		chromedp.SetValue(chromedp.ID("train-xmax"), "10"),
		chromedp.Click(chromedp.ID("train-start")),
		chromedp.WaitVisible(chromedp.CSS("#loss-plot img")),
		chromedp.WaitVisible(chromedp.CSS(`#run-progress[data-status="done"]`)),
		chromedp.WaitVisible(chromedp.ID("downloads")),
	); err != nil {
		t.Fatalf("training: %v", err)
	}
	runURL := mustRun(t, ctx, chromedp.Location())
	if !regexp.MustCompile(`/runs/\d+$`).MatchString(runURL) {
		t.Fatalf("after starting the run at %s, want /runs/<id>", runURL)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("run-epoch"))); got != "3 trên 3" {
		t.Errorf("epoch shown %q, want 3 trên 3", got)
	}
	progress := mustRun(t, ctx, chromedp.Text(chromedp.ID("run-progress")))
	for _, want := range []string{"Tiến độ", "Trạng thái", "hoàn tất", "Giá trị mất mát", "phần tử khác 0/giây"} {
		if !strings.Contains(progress, want) {
			t.Errorf("progress %q lacks %q", progress, want)
		}
	}
	if w := mustRun(t, ctx, chromedp.Poll[float64](`(() => { const i = document.querySelector("#loss-plot img"); return i && i.complete ? i.naturalWidth + 1 : 0 })()`,
		chromedp.WithPollingTimeout(20*time.Second))) - 1; w <= 0 {
		t.Errorf("loss image did not load (naturalWidth %v)", w)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("evaluation"))); !strings.Contains(got, "Phép loại suy của Google") || !strings.Contains(got, "19.544") {
		t.Errorf("evaluation %q: want Vietnamese headings and 19.544 questions", got)
	}

	// Back to English on the run page: same page, English text.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`.lang-switch a[lang="en"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#run-progress[data-status="done"]`)),
	); err != nil {
		t.Fatalf("switching back to English: %v", err)
	}
	if loc := mustRun(t, ctx, chromedp.Location()); loc != runURL {
		t.Errorf("switching language moved from %s to %s", runURL, loc)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("run-epoch"))); got != "3 of 3" {
		t.Errorf("epoch shown in English %q, want 3 of 3", got)
	}
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("console errors: %q", p)
	}
}
