package handlers_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/views"
)

// TestBrowserWordPagesVietnamese opens the word page of "ice" (with a run
// trained on the demo corpus) and its vector word page in a browser that
// asks for Vietnamese: the headings, the hover text of a window word and
// the run panel are Vietnamese, no English heading is left, the fit plot
// loads, and screenshots at 400 and 1400 px go to wordShots
// (word-vi-*.png, vector-word-vi-*.png).
func TestBrowserWordPagesVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "the word pages in Vietnamese, as a user")
	a := newApp(t, 0)
	a.buildDemo(t)
	demo := minKey(snapshot(t, a).corpora)
	run := a.modelStartRun(t, modelTrainValues(demo, map[string]string{"vector_size": "20", "epochs": "3", "threads": "2"}))
	if r := a.modelWaitRun(t, run); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", run, r.Status)
	}
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 150*time.Second)
	ctx := browser.ctx
	// Every request of the tab asks for Vietnamese, as a browser set to
	// Vietnamese does (no cookie: the language comes from the header).
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "vi-VN,vi;q=0.9"}}); err != nil {
		t.Fatal(err)
	}
	shots := wordShots(t)
	shoot := func(name string) {
		for _, w := range []int64{400, 1400} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			shot(t, ctx, filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, w)))
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
			t.Fatal(err)
		}
	}
	headings := func() string {
		return mustRun(t, ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("main h1, main h2, main h3, main h4, main th, main button, main label")).map(e => e.textContent.trim()).join(" | ")`))
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/corpora/%d/words/ice", srv.URL, demo)),
		chromedp.WaitVisible(chromedp.ID("word-run")),
		chromedp.WaitVisible(chromedp.ID("concordance-table")),
	); err != nil {
		t.Fatalf("ice's word page: %v", err)
	}
	if lang := mustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
		t.Errorf("<html lang=%q>, want vi", lang)
	}
	h := headings()
	for _, want := range []string{"Số lần xuất hiện và ngữ cảnh", "Các từ đi kèm thường gặp nhất", "Trong ngữ cảnh", "Mô hình đã huấn luyện biểu diễn “ice” ra sao", "Độ khớp của hàng", "Mở bảng tỷ lệ xác suất"} {
		if !strings.Contains(h, want) {
			t.Errorf("the word page lacks %q: %s", want, h)
		}
	}
	for _, english := range []string{"Counts", "partners", "context", "trained model", "fit", "Open the", "Run", "Show"} {
		if strings.Contains(h, english) {
			t.Errorf("an English heading, label or button is left (%q): %s", english, h)
		}
	}
	title := mustRun(t, ctx, chromedp.Evaluate[string](`document.querySelector("#concordance-table span.win").title`))
	if !strings.Contains(title, "trọng số") || !strings.Contains(title, "vào X(ice,") {
		t.Errorf("hover text of a window word: %q", title)
	}
	loaded := mustRun(t, ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector("#word-fit-plot img"); return i.complete && i.naturalWidth > 0 })()`))
	if !loaded {
		t.Errorf("the fit plot did not load")
	}
	shoot("word-vi")

	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("word-vector-link")),
		chromedp.WaitVisible(chromedp.ID("vword-neighbors-list")),
	); err != nil {
		t.Fatalf("to the vector word page: %v", err)
	}
	h = headings()
	for _, want := range []string{"Véc-tơ của từ", "Láng giềng gần nhất", "Trên các bản đồ đã lưu"} {
		if !strings.Contains(h, want) {
			t.Errorf("the vector word page lacks %q: %s", want, h)
		}
	}
	shoot("vector-word-vi")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("console errors: %v", p)
	}
}

// TestBrowserVietnameseWordPage opens the word page of “văn_bản” in the
// Vietnamese demo corpus (built with phrases, a run trained on it) and
// the word in the run's vectors, in a browser set to Vietnamese, and
// finds on them no word that is neither Vietnamese interface text, a
// word of the corpus nor a word of a corpus or vector set name (data).
// The plots' download links (Download PNG SVG CSV), drawn by the Train
// pages' shared component, are left to those pages' tests.
func TestBrowserVietnameseWordPage(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "the word page of the Vietnamese demo corpus, in Vietnamese")
	a := newApp(t, 0)
	corpusID := buildVietnameseDemo(t, a)
	run := a.modelStartRun(t, modelTrainValues(corpusID, map[string]string{"vector_size": "16", "epochs": "3", "threads": "2"}))
	if r := a.modelWaitRun(t, run); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", run, r.Status)
	}
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 3*time.Minute, chromedp.Flag("accept-lang", "vi-VN,vi"), chromedp.Flag("lang", "vi"))
	ctx := browser.ctx
	allowed := vietnameseWords(t)
	vi := views.NewLocale(views.Vietnamese)
	cs, err := a.st.Corpora(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	vs, err := a.st.VectorSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, c := range cs {
		names = append(names, vi.Name(c.Name))
	}
	for _, v := range vs {
		names = append(names, vi.Name(v.Name))
	}
	for _, n := range names {
		for _, w := range letterWords(strings.ToLower(norm.NFC.String(n))) {
			allowed[w] = true
		}
	}
	check := func(step string) {
		t.Helper()
		if lang := mustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
			t.Errorf("%s: <html lang=%q>, want vi", step, lang)
		}
		text := mustRun(t, ctx, chromedp.Evaluate[string](strings.Replace(pageWordsJS, "pre, [translate", "pre, .plot-downloads, [translate", 1)))
		strays := map[string]string{}
		for _, line := range strings.Split(text, "\n") {
			for _, word := range letterWords(strings.ToLower(norm.NFC.String(line))) {
				if !allowed[word] {
					strays[word] = strings.TrimSpace(line)
				}
			}
		}
		for word, line := range strays {
			t.Errorf("%s: %q is neither Vietnamese interface text, a corpus word nor a name, in %q", step, word, line)
		}
		for _, w := range []int64{400, 1400} {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900)); err != nil {
				t.Fatal(err)
			}
			if sw := mustRun(t, ctx, chromedp.Evaluate[float64](`document.documentElement.scrollWidth`)); sw > float64(w) {
				t.Errorf("%s is %v px wide in a %d px window", step, sw, w)
			}
			shot(t, ctx, filepath.Join(wordShots(t), fmt.Sprintf("%s-%d.png", step, w)))
		}
		if err := chromedp.Do(ctx, chromedp.EmulateReset()); err != nil {
			t.Fatal(err)
		}
	}

	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/corpora/%d/words/%s", srv.URL, corpusID, url.PathEscape("văn_bản"))),
		chromedp.WaitVisible(chromedp.ID("word-run")),
	); err != nil {
		t.Fatalf("the word page of văn_bản: %v", err)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("word-title"))); got != "văn_bản" {
		t.Errorf("word page of %q", got)
	}
	check("word-vi-phrase")
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("word-vector-link")),
		chromedp.WaitVisible(chromedp.ID("vword-neighbors-list")),
	); err != nil {
		t.Fatalf("to the vector word page: %v", err)
	}
	check("vector-word-vi-phrase")
	for _, p := range browser.problems() {
		t.Errorf("browser reported an error: %q", p)
	}
}
