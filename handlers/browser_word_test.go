package handlers_test

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBrowserWordPage acts as a user: open the ice/steam ratio page,
// click the probe "solid", land on its word page, read its partners
// (they must be the JSON API's), then type "steam" into "compare with…"
// and open the ratio table of solid and steam.
func TestBrowserWordPage(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "clicks from the ratio page to a word page and back to a ratio table")
	a, page := builtCorpus(t)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 90*time.Second)
	ctx := browser.ctx

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+page+"/ratio?i=ice&j=steam"),
		chromedp.WaitVisible(chromedp.ID("ratio-table")),
		chromedp.Click(chromedp.CSS(`#ratio-table th[data-k="solid"] a`)),
		chromedp.WaitVisible(chromedp.ID("partners-table")),
	); err != nil {
		t.Fatalf("from the ratio page to solid's page: %v", err)
	}
	if loc := mustRun(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, page+"/words/solid") {
		t.Errorf("landed on %s", loc)
	}
	if title := mustRun(t, ctx, chromedp.Text(chromedp.ID("word-title"))); title != "solid" {
		t.Errorf("word page title %q", title)
	}
	shown := mustRun(t, ctx, chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#partners-table tbody td.word")).map(td => td.textContent.trim())`))
	api := getWord(t, a, "/api"+page+"/words/solid")
	if len(shown) != len(api.Partners) || len(shown) == 0 {
		t.Fatalf("page partners %v, API %d partners", shown, len(api.Partners))
	}
	for n, p := range api.Partners {
		if shown[n] != p.Word {
			t.Errorf("partner %d: page %q, API %q", n, shown[n], p.Word)
		}
	}
	if !strings.Contains(strings.Join(shown, " "), "ice") {
		t.Errorf("solid's partners %v lack ice", shown)
	}

	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("compare-j"), "steam"),
		chromedp.Click(chromedp.ID("compare-submit")),
		chromedp.WaitVisible(chromedp.ID("ratio-table")),
	); err != nil {
		t.Fatalf("compare with steam: %v", err)
	}
	loc := mustRun(t, ctx, chromedp.Location())
	u, err := url.Parse(loc)
	if err != nil || u.Path != page+"/ratio" || u.Query().Get("i") != "solid" || u.Query().Get("j") != "steam" {
		t.Errorf("compare opened %s", loc)
	}
	if h := mustRun(t, ctx, chromedp.Text(chromedp.CSS("#ratio h2"))); !strings.Contains(h, "solid") || !strings.Contains(h, "steam") {
		t.Errorf("ratio table heading %q", h)
	}
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("console errors: %v", p)
	}
}
