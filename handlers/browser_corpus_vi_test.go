package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBrowserCorpusVietnamese opens the corpora list and the Vietnamese
// demo corpus page (built with phrases) after choosing Tiếng Việt in the
// header: both pages read in Vietnamese, fit a 400 px window, and are
// saved as corpora-vi-{400,1400}.png and corpus-vi-{400,1400}.png in
// $GLOVEBOARD_SHOTS when it is set.
func TestBrowserCorpusVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "renders the Vietnamese corpus pages in a real browser")
	a := newApp(t, 0)
	id := a.vietnameseDemo(t)
	page := fmt.Sprintf("/corpora/%d", id)
	if rec := a.postForm(page+"/build", phrasesForm); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 120*time.Second)
	ctx := browser.ctx

	// The header's switch sets the cookie and comes back to the page.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/corpora"),
		chromedp.WaitVisible(chromedp.CSS(`.lang-switch a[lang="vi"]`)),
		chromedp.Click(chromedp.CSS(`.lang-switch a[lang="vi"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="vi"] form.upload`)),
	); err != nil {
		t.Fatalf("switching to Vietnamese: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.CSS("main"))); !strings.Contains(got, "Tải lên một kho ngữ liệu") || strings.Contains(got, "Upload a corpus") {
		t.Errorf("corpora list after the switch: %q", got)
	}
	compareShots(t, ctx, srv.URL+"/corpora", "form.upload", "corpora-vi")

	corpusURL := srv.URL + page + "?pmi=" + url.QueryEscape("văn bản") + "#pmi"
	compareShots(t, ctx, corpusURL, "#zipf img", "corpus-vi")
	main := mustRun(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Thống kê kho ngữ liệu", "Các cụm từ đã học", "Định luật Zipf", "Từ đi kèm j của “văn_bản”", "Tính phổ"} {
		if !strings.Contains(main, want) {
			t.Errorf("Vietnamese corpus page lacks %q", want)
		}
	}
	for _, english := range []string{"Corpus statistics", "Learned phrases", "Show partners", "Compute spectrum", "Delete this corpus"} {
		if strings.Contains(main, english) {
			t.Errorf("Vietnamese corpus page still says %q", english)
		}
	}
}
