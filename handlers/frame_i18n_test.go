package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/views"
)

// frameGet fetches path as a browser asking for lang; htmx marks the
// request as htmx's.
func (a *app) frameGet(lang, path string, htmx bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", lang)
	if htmx {
		req.Header.Set("HX-Request", "true")
	}
	return a.do(req)
}

// wantIn fails unless body contains every string of want.
func wantIn(t *testing.T, what, body string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(body, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// frameDemoCount returns the number of words of the demo vector set, written
// in English and in Vietnamese.
func frameDemoCount(t *testing.T, a *app) (en, vi string) {
	t.Helper()
	v, err := a.st.VectorSet(context.Background(), demoSet(t, a))
	if err != nil {
		t.Fatal(err)
	}
	if v.Count < 1000 {
		t.Fatalf("the demo vector set has %d words, too few to show a group separator", v.Count)
	}
	return views.NewLocale(views.English).Int(int64(v.Count)), views.NewLocale(views.Vietnamese).Int(int64(v.Count))
}

// TestHomePageVietnamese reads the home page and the about page with
// Accept-Language: vi: Vietnamese headings and table headings, the demo
// vector set's word count written 1.234 style, and the same page in
// English (1,234) without it.
func TestHomePageVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	wordsEN, wordsVI := frameDemoCount(t, a)

	vi := a.frameGet("vi-VN,vi;q=0.9", "/", false)
	if vi.Code != http.StatusOK {
		t.Fatalf("home = %d", vi.Code)
	}
	body := vi.Body.String()
	wantIn(t, "Vietnamese home page", body,
		`<html lang="vi">`, "<title>Trang chủ · gloveboard</title>",
		"GloVe, từng bước một", "Bắt đầu với ví dụ của bài báo", "Tập véc-tơ", "Tải lên kho ngữ liệu",
		"<th>Tên</th>", "Số chiều", "chưa xây dựng", "Tác vụ", "Chưa có tác vụ nào.", ">mẫu</span>",
		">"+wordsVI+"</td>")
	for _, english := range []string{"GloVe, step by step", "Vector sets", "not built yet", "No jobs yet", ">" + wordsEN + "</td>"} {
		if strings.Contains(body, english) {
			t.Errorf("Vietnamese home page shows %q", english)
		}
	}
	en := a.frameGet("", "/", false).Body.String()
	wantIn(t, "English home page", en, `<html lang="en">`, "GloVe, step by step", "Vector sets", ">"+wordsEN+"</td>", "No jobs yet.")

	about := a.frameGet("vi", "/about", false).Body.String()
	wantIn(t, "Vietnamese about page", about, "Giới thiệu gloveboard", "Bộ dữ liệu đánh giá", "Giấy phép Công cộng Mozilla 2.0")
}

// TestErrorPagesVietnamese checks that error pages and htmx error
// fragments show the message in the page's language, with its noun,
// field label and numbers translated.
func TestErrorPagesVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	for _, tc := range []struct {
		path   string
		htmx   bool
		status int
		want   []string
	}{
		{path: "/corpora/999999", status: http.StatusNotFound, want: []string{
			"<title>Lỗi · gloveboard</title>", "<h1>Không tìm thấy</h1>",
			"Không có kho ngữ liệu nào mang mã số 999999. Có thể nó đã bị xóa.", "Quay về trang chủ"}},
		{path: "/corpora/abc", status: http.StatusBadRequest, want: []string{
			"<h1>Không thể làm việc này</h1>", "Đây không phải mã số kho ngữ liệu hợp lệ"}},
		{path: "/no/such/page", status: http.StatusNotFound, want: []string{"Không có trang nào ở địa chỉ này."}},
		{path: fmt.Sprintf("/vectors/%d/neighbors?word=king&n=0", demoSet(t, a)), htmx: true, status: http.StatusBadRequest, want: []string{
			"Số kết quả phải là một số nguyên từ 1 đến 100; “0” không hợp lệ."}},
	} {
		rec := a.frameGet("vi", tc.path, tc.htmx)
		if rec.Code != tc.status {
			t.Errorf("GET %s = %d, want %d", tc.path, rec.Code, tc.status)
		}
		wantIn(t, "GET "+tc.path, rec.Body.String(), tc.want...)
	}
	// The JSON API stays English: it is a machine format.
	rec := a.frameGet("vi", "/api/corpora/999999", false)
	if body := rec.Body.String(); !strings.Contains(body, "There is no corpus with id 999999") {
		t.Errorf("API error in Vietnamese: %s", body)
	}
}

// TestJobListVietnamese shows a running job and a failed one in the job
// list with Accept-Language: vi: kind, target, status, progress message
// (with its number written 12.345) and failure, all in Vietnamese.
func TestJobListVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	cs, err := a.st.Corpora(context.Background())
	if err != nil || len(cs) == 0 {
		t.Fatalf("corpora: %v, %v", cs, err)
	}
	target := cs[0]
	failed, err := a.jobs.Submit("corpus-spectrum", target.ID, func(ctx context.Context, run jobs.Run) error {
		return fmt.Errorf("reading: %w", corpus.ErrBinary)
	})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if info, err := a.jobs.Wait(wctx, failed.ID); err != nil || info.Status != store.JobFailed {
		t.Fatalf("failing job: %+v, %v", info, err)
	}
	started, release := make(chan struct{}), make(chan struct{})
	running, err := a.jobs.Submit("corpus-spectrum", target.ID, func(ctx context.Context, run jobs.Run) error {
		run.Progress(0.25, "weighting the top 12,345 words (raw counts X)")
		close(started)
		<-release
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		close(release)
		a.jobs.Wait(wctx, running.ID)
	}()
	<-started
	// The progress is recorded without blocking the job: wait for it.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if info, err := a.jobs.Get(wctx, running.ID); err == nil && info.Message != "" {
			break
		}
	}
	body := a.frameGet("vi", "/jobs", true).Body.String()
	wantIn(t, "Vietnamese job list", body,
		"Phổ đồng xuất hiện", "kho ngữ liệu “", "đang chạy", "thất bại", "25%",
		"đang đánh trọng số cho 12.345 từ đầu (số lần đồng xuất hiện thô X)",
		"Kho ngữ liệu có vẻ là tệp nhị phân, không phải văn bản.", ">Hủy</button>")
	en := a.frameGet("en", "/jobs", true).Body.String()
	wantIn(t, "English job list", en, "Co-occurrence spectrum", "running", "weighting the top 12,345 words (raw counts X)",
		"The corpus looks like a binary file, not text.", ">Cancel</button>")
}

// frameShots is where TestBrowserFrameVietnamese leaves its screenshots
// ($GLOVEBOARD_SHOTS, else the temporary directory).
func frameShots() string {
	if dir := os.Getenv("GLOVEBOARD_SHOTS"); dir != "" {
		return dir
	}
	return filepath.Join(os.TempDir(), "gloveboard-frame")
}

// TestBrowserFrameVietnamese opens the home page (demo corpora built, a
// job that failed), the about page and an error page in a browser asking
// for Vietnamese, at 400 and 1400 px: nothing is wider than the window
// (Vietnamese runs about 20% longer than English), and the screenshots
// are kept to be looked at.
func TestBrowserFrameVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "shows the home, about and error pages in Vietnamese in a real browser")
	a := newApp(t, 0)
	a.buildDemo(t)
	failed, err := a.jobs.Submit("corpus-spectrum", 1, func(ctx context.Context, run jobs.Run) error {
		return fmt.Errorf("reading: %w", corpus.ErrBinary)
	})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a.jobs.Wait(wctx, failed.ID)
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 2*time.Minute, chromedp.Flag("accept-lang", "vi-VN,vi"), chromedp.Flag("lang", "vi"))
	dir := frameShots()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, page := range []struct{ name, path, heading string }{
		{"home", "/", "GloVe, từng bước một"},
		{"about", "/about", "Giới thiệu gloveboard"},
		{"error", "/corpora/999999", "Không tìm thấy"},
	} {
		if err := chromedp.Do(browser.ctx, chromedp.Navigate(srv.URL+page.path)); err != nil {
			t.Fatal(err)
		}
		if h1 := mustRun(t, browser.ctx, chromedp.Evaluate[string](`document.querySelector("h1").innerText`)); h1 != page.heading {
			t.Errorf("%s: <h1> %q, want %q", page.path, h1, page.heading)
		}
		for _, w := range []int64{400, 1400} {
			if err := chromedp.Do(browser.ctx, chromedp.EmulateViewport(w, 900), chromedp.Sleep(200*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			if sw := mustRun(t, browser.ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); sw > float64(w) {
				t.Errorf("%s is %v px wide in a %d px window", page.path, sw, w)
			}
			shot(t, browser.ctx, filepath.Join(dir, fmt.Sprintf("%s-%d.png", page.name, w)))
		}
	}
}
