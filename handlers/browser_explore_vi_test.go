package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// exploreShots is where TestBrowserExploreVietnamese leaves its
// screenshots (explore-vi-<page>-<width>.png).
var exploreShots = filepath.Join(os.TempDir(), "gloveboard-explore-vi")

// TestBrowserExploreVietnamese opens the Explore pages of the demo vectors
// in a browser that asks for Vietnamese, asks for neighbours and an
// analogy, waits for the spectrum and evaluation cards, and checks that
// their Vietnamese text fits a 400 px and a 1400 px window (no
// horizontal scrolling) and that the numbers use a decimal comma.
func TestBrowserExploreVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "renders the Explore pages in Vietnamese in a real browser")
	a := newModelApp(t, "")
	id := demoSet(t, a)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 2*time.Minute, chromedp.Flag("accept-lang", "vi-VN,vi"), chromedp.Flag("lang", "vi"))
	ctx := browser.ctx
	if err := os.MkdirAll(exploreShots, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := func(name string) {
		t.Helper()
		for _, w := range []int64{400, 1400} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900), chromedp.Sleep(200*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			if sw := mustRun(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); sw > float64(w) {
				t.Errorf("%s is %v px wide in a %d px window", name, sw, w)
			}
			shot(t, ctx, filepath.Join(exploreShots, fmt.Sprintf("explore-vi-%s-%d.png", name, w)))
		}
		if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
			t.Fatal(err)
		}
	}

	for _, page := range []struct{ path, name, heading string }{
		{"/explore", "list", "Khám phá"},
		{"/vectors", "vectors", "Tập véc-tơ"},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page.path), chromedp.WaitVisible(chromedp.CSS("main h1"))); err != nil {
			t.Fatal(err)
		}
		if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS("main h1"))); got != page.heading {
			t.Errorf("%s heading %q, want %q", page.path, got, page.heading)
		}
		shots(page.name)
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/explore", srv.URL, id)),
		chromedp.WaitVisible(chromedp.ID("analogy")),
		chromedp.SendKeys(chromedp.ID("nb-word"), "king"),
		chromedp.Click(chromedp.ID("nb-submit")),
		chromedp.WaitVisible(chromedp.CSS("#neighbors-result table")),
		chromedp.SendKeys(chromedp.ID("an-a"), "man"),
		chromedp.SendKeys(chromedp.ID("an-b"), "king"),
		chromedp.SendKeys(chromedp.ID("an-c"), "woman"),
		chromedp.Click(chromedp.ID("an-submit")),
		chromedp.WaitVisible(chromedp.ID("analogy-top")),
		chromedp.WaitVisible(chromedp.ID("spectrum-beta")),
		chromedp.WaitVisible(chromedp.ID("uploaded-evals")),
	); err != nil {
		t.Fatalf("explore page: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#analogy .answer"))); got != "Đáp án tốt nhất: queen" {
		t.Errorf("analogy answer %q", got)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("spectrum-beta"))); !viDecimal.MatchString(strings.TrimSpace(got)) {
		t.Errorf("β %q is not written with a decimal comma", got)
	}
	shots("page")
}
