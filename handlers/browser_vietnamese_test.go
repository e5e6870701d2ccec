package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/text/unicode/norm"

	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/views"
)

// pageWordsJS returns the words a person reads or hears on the page:
// visible text and the title, placeholder, aria-label and alt attributes,
// outside code, scripts, licences, mathematical notation (var, sub, sup)
// and elements marked as data
// (translate="no") or as another language (lang, as the language switch's
// own names are).
const pageWordsJS = `(() => {
  const out = [];
  const skip = (el) => el.closest('script, style, code, kbd, samp, pre, var, sub, sup, [translate="no"], body [lang]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || skip(el) || !el.getClientRects().length) continue;
    out.push(n.data);
  }
  for (const el of document.querySelectorAll('[title], [placeholder], [aria-label], [alt]')) {
    if (skip(el)) continue;
    for (const a of ['title', 'placeholder', 'aria-label', 'alt']) {
      if (el.hasAttribute(a)) out.push(el.getAttribute(a));
    }
  }
  out.push(document.title);
  return out.join('\n');
})()`

// vietnameseWords is what a Vietnamese page may show: the words of the
// Vietnamese catalogue, of the Vietnamese names of the demo data and of
// the Vietnamese demo corpus (NFC, lower case), the brand and byte units.
func vietnameseWords(t *testing.T) map[string]bool {
	t.Helper()
	allowed := map[string]bool{"gloveboard": true, "kib": true, "mib": true, "gib": true}
	vi := views.NewLocale(views.Vietnamese)
	texts := []string{vi.Name(demo.CorpusName), vi.Name(demo.VectorsName), vi.Name(demo.VietnameseName), vi.Name("Run 1 · x · 1d")}
	for _, s := range vi.Strings("") {
		texts = append(texts, s)
	}
	for _, s := range texts {
		for _, w := range letterWords(strings.ToLower(norm.NFC.String(s))) {
			allowed[w] = true
		}
	}
	f, err := os.Open("../internal/demo/" + demo.VietnameseFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range letterWords(strings.ToLower(norm.NFC.String(string(text)))) {
		allowed[w] = true
	}
	return allowed
}

// vietnameseWalk is the state of the walk through the Vietnamese pages.
type vietnameseWalk struct {
	t       *testing.T
	ctx     context.Context
	base    string
	allowed map[string]bool
}

// check fails for every word on the current page that is neither
// Vietnamese interface text nor a word of the corpus.
func (w *vietnameseWalk) check(step string) {
	w.t.Helper()
	if lang := mustRun(w.t, w.ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != "vi" {
		w.t.Errorf("%s: <html lang=%q>, want vi", step, lang)
	}
	text := mustRun(w.t, w.ctx, chromedp.Evaluate[string](pageWordsJS))
	strays := make(map[string]string)
	for _, line := range strings.Split(text, "\n") {
		for _, word := range letterWords(strings.ToLower(norm.NFC.String(line))) {
			if !w.allowed[word] {
				strays[word] = strings.TrimSpace(line)
			}
		}
	}
	words := make([]string, 0, len(strays))
	for word := range strays {
		words = append(words, word)
	}
	sort.Strings(words)
	for _, word := range words {
		w.t.Errorf("%s: %q is neither Vietnamese interface text nor a corpus word, in %q", step, word, strays[word])
	}
	shotWidths(w.t, w.ctx, "vi-"+strings.ReplaceAll(step, " ", "-"))
}

// follow clicks the first element matching selector and waits until the
// address contains want and the page has loaded.
func (w *vietnameseWalk) follow(selector, want string) {
	w.t.Helper()
	if err := chromedp.Do(w.ctx, chromedp.Click(chromedp.CSS(selector))); err != nil {
		w.t.Fatalf("clicking %s: %v", selector, err)
	}
	w.waitFor(fmt.Sprintf(`location.href.includes(%q) && document.readyState === "complete"`, want), "the page "+want)
}

// waitFor polls the page until the JavaScript condition holds.
func (w *vietnameseWalk) waitFor(cond, what string) {
	w.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(w.ctx, chromedp.Evaluate[bool](cond)); err == nil && ok {
			// htmx fragments load after the page: let them settle.
			time.Sleep(300 * time.Millisecond)
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	w.t.Fatalf("waiting for %s: %s never held", what, cond)
}

// formState returns the values of the page's named form fields.
const formStateJS = `JSON.stringify(Array.from(document.querySelectorAll('main form [name]')).map(e => e.name + '=' + e.value))`

// TestBrowserVietnamese walks the dashboard as a Vietnamese reader whose
// browser asks for Vietnamese (Accept-Language: vi): home → the Vietnamese
// demo corpus → its ratio page → a training run on it → Explore, and
// finds on every page no word that is neither Vietnamese interface text
// nor a word of the corpus. On the ratio page it switches to English and
// back: the address and the form keep their state.
func TestBrowserVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "walks the dashboard in Vietnamese in a real browser")
	a := newApp(t, 0)
	corpusID := buildVietnameseDemo(t, a)
	srv := httptest.NewServer(a.e)
	defer srv.Close()

	browser := newBrowser(t, chromium, 4*time.Minute, chromedp.Flag("accept-lang", "vi-VN,vi"), chromedp.Flag("lang", "vi"))
	w := &vietnameseWalk{t: t, ctx: browser.ctx, base: srv.URL, allowed: vietnameseWords(t)}

	if err := chromedp.Do(w.ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	w.waitFor(`document.readyState === "complete"`, "the home page")
	w.check("home")

	corpusPage := fmt.Sprintf("/corpora/%d", corpusID)
	w.follow(fmt.Sprintf(`main a[href="%s"]`, corpusPage), corpusPage)
	w.check("corpus")

	w.follow(fmt.Sprintf(`main a[href^="%s/ratio"]`, corpusPage), corpusPage+"/ratio")
	w.check("ratio")

	// Switch to English and back: same address, same form values.
	before := mustRun(t, w.ctx, chromedp.Location())
	state := mustRun(t, w.ctx, chromedp.Evaluate[string](formStateJS))
	if err := chromedp.Do(w.ctx, chromedp.Click(chromedp.CSS(`.lang-switch a[lang="en"]`))); err != nil {
		t.Fatal(err)
	}
	w.waitFor(`document.documentElement.lang === "en" && document.readyState === "complete"`, "the English page")
	if got := mustRun(t, w.ctx, chromedp.Location()); got != before {
		t.Errorf("switching to English went to %q, want %q", got, before)
	}
	if got := mustRun(t, w.ctx, chromedp.Evaluate[string](formStateJS)); got != state {
		t.Errorf("switching to English changed the form: %s, want %s", got, state)
	}
	if nav := mustRun(t, w.ctx, chromedp.Evaluate[string](`document.querySelector('.site-nav').innerText`)); !strings.Contains(nav, views.NewLocale(views.English).T("frame.nav.train")) {
		t.Errorf("English navigation reads %q", nav)
	}
	if err := chromedp.Do(w.ctx, chromedp.Click(chromedp.CSS(`.lang-switch a[lang="vi"]`))); err != nil {
		t.Fatal(err)
	}
	w.waitFor(`document.documentElement.lang === "vi" && document.readyState === "complete"`, "the Vietnamese page")
	if got := mustRun(t, w.ctx, chromedp.Location()); got != before {
		t.Errorf("switching back to Vietnamese went to %q, want %q", got, before)
	}

	// Train a small run on the corpus, from the Train page.
	w.follow(`.site-nav a[href="/train"]`, "/train")
	w.check("train")
	if err := chromedp.Do(w.ctx,
		chromedp.SetValue(chromedp.ID("train-corpus"), fmt.Sprint(corpusID)),
		chromedp.SetValue(chromedp.ID("train-vector-size"), "16"),
		chromedp.SetValue(chromedp.ID("train-epochs"), "3"),
		chromedp.Click(chromedp.ID("train-start")),
	); err != nil {
		t.Fatalf("starting a run: %v", err)
	}
	w.waitFor(`/\/runs\/\d+$/.test(location.pathname) && document.readyState === "complete"`, "the run page")
	var runID int64
	fmt.Sscanf(mustRun(t, w.ctx, chromedp.Evaluate[string](`location.pathname`)), "/runs/%d", &runID)
	setID := waitRunDone(t, srv.URL, runID)
	if err := chromedp.Do(w.ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	w.waitFor(`document.readyState === "complete"`, "the finished run page")
	w.check("run")

	w.follow(`.site-nav a[href="/explore"]`, "/explore")
	w.check("explore list")
	explore := fmt.Sprintf("/vectors/%d/explore", setID)
	w.follow(fmt.Sprintf(`main a[href="%s"]`, explore), explore)
	w.check("explore")

	for _, p := range browser.problems() {
		t.Errorf("browser reported an error: %q", p)
	}
}

// buildVietnameseDemo builds the Vietnamese demo corpus as the first start
// does (with phrases) and returns its id.
func buildVietnameseDemo(t *testing.T, a *app) int64 {
	t.Helper()
	ctx := context.Background()
	cs, err := a.st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Name != demo.VietnameseName {
			continue
		}
		settings := service.DefaultBuildSettings()
		settings.Tokens = corpusbuild.TokensPhrases
		j, err := a.svc.StartBuild(ctx, c.ID, settings)
		if err != nil {
			t.Fatal(err)
		}
		wctx, cancel := context.WithTimeout(ctx, 3*time.Minute)
		defer cancel()
		if info, err := a.svc.WaitJob(wctx, j.ID); err != nil || info.Status != store.JobDone {
			t.Fatalf("Vietnamese demo build: %+v, %v", info, err)
		}
		return c.ID
	}
	t.Fatal("no Vietnamese demo corpus")
	return 0
}

// waitRunDone polls the API until run id is done and returns its vector
// set.
func waitRunDone(t *testing.T, base string, id int64) int64 {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		resp, err := http.Get(fmt.Sprintf("%s/api/runs/%d", base, id))
		if err != nil {
			t.Fatal(err)
		}
		var body bytes.Buffer
		io.Copy(&body, resp.Body)
		resp.Body.Close()
		var run struct {
			Status  string `json:"status"`
			Results *struct {
				VectorSetID int64 `json:"vector_set_id"`
			} `json:"results"`
		}
		if err := json.Unmarshal(body.Bytes(), &run); err != nil {
			t.Fatalf("GET /api/runs/%d: %v: %s", id, err, body.String())
		}
		switch run.Status {
		case "done":
			if run.Results == nil || run.Results.VectorSetID == 0 {
				t.Fatalf("run %d is done without a vector set: %s", id, body.String())
			}
			return run.Results.VectorSetID
		case "failed", "cancelled":
			t.Fatalf("run %d %s: %s", id, run.Status, body.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("run %d did not finish", id)
	return 0
}

// TestDemoNamesTranslated: every name of the shipped demo data has a
// Vietnamese name, and names people give stay as they are.
func TestDemoNamesTranslated(t *testing.T) {
	vi := views.NewLocale(views.Vietnamese)
	for _, name := range []string{demo.CorpusName, demo.VectorsName, demo.VietnameseName} {
		if got := vi.Name(name); got == name || got == "" {
			t.Errorf("Vietnamese name of %q = %q", name, got)
		}
		if got := views.NewLocale(views.English).Name(name); got != name {
			t.Errorf("English name of %q = %q", name, got)
		}
	}
	for _, tc := range []struct{ name, want string }{
		{"my corpus", "my corpus"},
		{"Run 3 · " + demo.VietnameseName + " · 50d", "Lần chạy 3 · " + vi.Name(demo.VietnameseName) + " · 50 chiều"},
		{"Run 12 · my corpus · SVD-PPMI 100d", "Lần chạy 12 · my corpus · SVD-PPMI 100 chiều"},
	} {
		if got := vi.Name(tc.name); got != tc.want {
			t.Errorf("Vietnamese name of %q = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got, want := views.NewLocale(views.English).Name("Run 3 · x · 50d"), "Run 3 · x · 50d"; got != want {
		t.Errorf("English name of a run's vectors = %q, want %q", got, want)
	}
}
