package handlers_test

import (
	"context"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// trainErrorScreenshot shows the Train page after a refused form, for
// people to look at.
const trainErrorScreenshot = "/tmp/gloveboard-train-error.png"

// TestBrowserTrainFormError submits the training form with learning rates
// the server refuses, in a real browser: η = 0, which the browser lets
// through (the server wants η > 0), and η = −1, which the browser itself
// refuses until its validation is switched off. Each time the Train page
// comes back with the server's message above the form and every value as
// it was typed.
func TestBrowserTrainFormError(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the dashboard forms in a real browser")
	a := newModelApp(t, "")
	a.modelCorpus(t)
	srv := httptest.NewServer(a.e)
	defer srv.Close()

	browser := newBrowser(t, chromium, 90*time.Second)
	ctx := browser.ctx

	typed := map[string]string{"train-vector-size": "12", "train-epochs": "3", "train-xmax": "25", "train-alpha": "0.5", "train-seed": "7"}
	fill := []chromedp.Action[chromedp.Void]{chromedp.Navigate(srv.URL + "/train"), chromedp.WaitVisible(chromedp.ID("train-form"))}
	for id, v := range typed {
		fill = append(fill, chromedp.SetValue(chromedp.ID(id), v))
	}
	fill = append(fill, chromedp.SetValue(chromedp.ID("train-eta"), "0"))
	if err := chromedp.Do(ctx, fill...); err != nil {
		t.Fatalf("filling the training form: %v", err)
	}
	// The browser accepts η = 0 (min="0"): the server refuses it.
	if ok := mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("train-form").checkValidity()`)); !ok {
		t.Fatal("the browser refuses η = 0, so the server's check is never reached")
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("train-start")),
		chromedp.WaitVisible(chromedp.ID("train-error")),
	); err != nil {
		t.Fatalf("submitting η = 0: %v", err)
	}
	checkTrainError(t, ctx, srv.URL, "you gave 0.", typed, "0")

	// η = −1: the browser's own validation stops it (min="0")...
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("train-eta"), "-1")); err != nil {
		t.Fatal(err)
	}
	if under := mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("train-eta").validity.rangeUnderflow`)); !under {
		t.Error("the browser accepts η = −1: the input has no min")
	}
	// ... and with it switched off, the server's message comes back in
	// place. The old message is removed first, to wait for the new page.
	mustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("train-error").remove(); document.getElementById("train-form").noValidate = true; true`))
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("train-start")),
		chromedp.WaitVisible(chromedp.ID("train-error")),
	); err != nil {
		t.Fatalf("submitting η = −1 without browser validation: %v", err)
	}
	checkTrainError(t, ctx, srv.URL, "The learning rate η must be a number greater than 0 and at most 1e+30 (0.05 is usual); you gave -1.", typed, "-1")
	shot(t, ctx, trainErrorScreenshot)

	if rs, _ := a.st.Runs(context.Background()); len(rs) != 0 {
		t.Errorf("%d runs started from refused forms", len(rs))
	}
	// The refused forms were answered with 400, which Chromium logs; any
	// other error (a CSP violation, a script error) is a failure.
	for _, p := range browser.problems() {
		if !strings.Contains(p, "Failed to load resource: the server responded with a status of 400") {
			t.Errorf("browser reported an error: %q", p)
		}
	}
}

// checkTrainError checks the Train page shown after a refused form: at
// /train, the message want above the form, the values typed still there.
func checkTrainError(t *testing.T, ctx context.Context, base, want string, typed map[string]string, eta string) {
	t.Helper()
	loc := mustRun(t, ctx, chromedp.Location())
	if u, err := url.Parse(loc); err != nil || u.Path != "/train" || !strings.HasPrefix(loc, base) {
		t.Errorf("after the refused form at %s, want /train", loc)
	}
	if got := mustRun(t, ctx, chromedp.Text(chromedp.ID("train-error"))); !strings.Contains(got, want) {
		t.Errorf("error shown %q, want %q", got, want)
	}
	if h := mustRun(t, ctx, chromedp.Text(chromedp.CSS("h1"))); h != "Train" {
		t.Errorf("heading %q: not the Train page", h)
	}
	// The message is above the form.
	if above := mustRun(t, ctx, chromedp.Evaluate[bool](`!!(document.getElementById("train-error").compareDocumentPosition(document.getElementById("train-form")) & Node.DOCUMENT_POSITION_FOLLOWING)`)); !above {
		t.Error("the message is not above the form")
	}
	for id, v := range typed {
		if got := mustRun(t, ctx, chromedp.Value(chromedp.ID(id))); got != v {
			t.Errorf("#%s = %q after the refused form, want %q as typed", id, got, v)
		}
	}
	if got := mustRun(t, ctx, chromedp.Value(chromedp.ID("train-eta"))); got != eta {
		t.Errorf("η = %q after the refused form, want %q as typed", got, eta)
	}
}
