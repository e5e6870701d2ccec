package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBrowserCorpusVietnamese opens the corpora list and the Vietnamese
// demo corpus page (built with phrases, with a spectrum) and the unbuilt
// English demo corpus after choosing Tiếng Việt in the header: the pages
// read in Vietnamese, fit a 400 px window, and are saved as
// corpora-vi-*.png, corpus-unbuilt-vi-*.png, corpus-spectrum-vi-*.png and
// corpus-vi-*.png (400 and 1400 px) in $GLOVEBOARD_SHOTS when it is set.
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
	spectrum := a.startSpectrum(t, id, "top_n=500&k=50")
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

	// The English demo corpus is not built: its page is the build form.
	corpora, err := a.st.Corpora(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var english int64
	for _, c := range corpora {
		if c.Source == store.SourceDemo && c.ID != id {
			english = c.ID
		}
	}
	compareShots(t, ctx, fmt.Sprintf("%s/corpora/%d", srv.URL, english), "form.build-form", "corpus-unbuilt-vi")
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("build"))); !strings.Contains(got, "Kho ngữ liệu này chưa được xây dựng") {
		t.Errorf("unbuilt corpus page in Vietnamese: %q", got)
	}
	compareShots(t, ctx, fmt.Sprintf("%s%s?spectrum=%d#corpus-spectrum", srv.URL, page, spectrum.JobID), "#spectrum-result img", "corpus-spectrum-vi")
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("spectrum-result"))); !strings.Contains(got, "Ý nghĩa của các con số") {
		t.Errorf("spectrum result in Vietnamese: %q", got)
	}

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
