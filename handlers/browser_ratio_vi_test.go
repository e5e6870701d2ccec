package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBrowserRatioVietnamese opens the ratio page of the Vietnamese demo
// corpus (built with phrases) in a browser that asks for Vietnamese: the
// page declares lang="vi", its figure loads, the text around the table
// reads in Vietnamese, and it fits a 400 px window (screenshots at 400
// and 1400 px go to GLOVEBOARD_SHOTS when set, as ratio-vi-*.png).
func TestBrowserRatioVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "shows the Vietnamese ratio page in a real browser")
	a := newApp(t, 0)
	page := fmt.Sprintf("/corpora/%d", buildVietnameseDemo(t, a))
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 120*time.Second)
	ctx := browser.ctx
	// Network is enabled on every chromedp target (chromedp.go).
	if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "vi-VN,vi;q=0.9"}}); err != nil {
		t.Fatal(err)
	}

	compareShots(t, ctx, srv.URL+page+"/ratio", "#ratio", "ratio-vi")
	if lang := mustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
		t.Errorf(`<html lang=%q>, want "vi"`, lang)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const i = document.querySelector("#ratio img"); return i.complete && i.naturalWidth > 0; })()`,
		chromedp.WithPollingInterval(100*time.Millisecond), chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the ratio figure did not load: %v", err)
	}
	main := mustRun(t, ctx, chromedp.Text(chromedp.CSS("main")))
	for _, want := range []string{"Tỷ lệ xác suất", "Các từ thăm dò k", "Xác suất và tỷ lệ", "Nghiêng rõ về “hàng”"} {
		if !strings.Contains(main, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	for _, english := range []string{"Probability", "Probe words", "Compute ratios", "Leaning clearly"} {
		if strings.Contains(main, english) {
			t.Errorf("the Vietnamese page says %q", english)
		}
	}
}
