package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The HTML forms that start work (training, corpus builds, uploads) show a
// refused value on the form's own page: the message next to the form, the
// values sent kept in the inputs, and the status the error table gives.

// formPage checks that rec is a form page with status want, not the
// generic error page, and returns its parsed document.
func formPage(t *testing.T, rec *httptest.ResponseRecorder, want int) *html.Node {
	t.Helper()
	if rec.Code != want {
		t.Fatalf("status %d, want %d: %s", rec.Code, want, clipBody(mainText(t, rec)))
	}
	doc := parse(t, rec.Body.String())
	if strings.Contains(text(doc), "Back to the home page") {
		t.Errorf("got the generic error page, not the form: %s", clipBody(mainText(t, rec)))
	}
	return doc
}

// inputValue returns the value attribute of the input with the given id,
// failing when there is none.
func inputValue(t *testing.T, doc *html.Node, id string) string {
	t.Helper()
	in := find(doc, "input", id)
	if in == nil {
		t.Fatalf("no input #%s on the page", id)
	}
	return attr(in, "value")
}

// byName returns the first element with the given tag and name below n.
func byName(n *html.Node, tag, name string) *html.Node {
	for _, e := range findAll(n, tag) {
		if attr(e, "name") == name {
			return e
		}
	}
	return nil
}

// selectedValue returns the value of the selected option of sel.
func selectedValue(sel *html.Node) string {
	for _, o := range findAll(sel, "option") {
		if hasAttr(o, "selected") {
			return attr(o, "value")
		}
	}
	return ""
}

func TestTrainFormErrorShownInPlace(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	cid := strconv.FormatInt(c.ID, 10)

	fields := map[string]string{"vector_size": "train-vector-size", "epochs": "train-epochs", "x_max": "train-xmax",
		"alpha": "train-alpha", "eta": "train-eta", "threads": "train-threads", "seed": "train-seed"}
	tests := []struct {
		name string
		over map[string]string
		code int
		want string
	}{
		{"negative eta", map[string]string{"eta": "-1", "vector_size": "12", "epochs": "3"}, 400, "The learning rate η must be a number greater than 0 and at most 1e+30 (0.05 is usual); you gave -1."},
		{"x_max 0", map[string]string{"x_max": "0", "alpha": "0.5"}, 400, "x_max must be a number greater than 0"},
		{"epochs not a number", map[string]string{"epochs": "abc", "seed": "42"}, 400, "The number of epochs must be a whole number; “abc” is not."},
		{"eta above the limit", map[string]string{"eta": "1e31"}, 400, "learning rate η"},
		{"unknown corpus", map[string]string{"corpus_id": "9999"}, 404, "no corpus with id 9999"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sent := modelTrainValues(c.ID, tc.over)
			doc := formPage(t, a.postModelForm("/train", sent, false), tc.code)
			form := find(doc, "form", "train-form")
			if form == nil {
				t.Fatalf("no training form on the page: %s", clipBody(text(doc)))
			}
			msg := find(doc, "p", "train-error")
			if msg == nil || !strings.Contains(text(msg), tc.want) || attr(msg, "role") != "alert" {
				t.Errorf("error message %q, want an alert with %q", textOf(msg), tc.want)
			}
			for name, id := range fields {
				if got := inputValue(t, form, id); got != sent.Get(name) {
					t.Errorf("input %s = %q, want the value sent %q", name, got, sent.Get(name))
				}
			}
			if tc.over["corpus_id"] == "" {
				if got := selectedValue(find(form, "select", "train-corpus")); got != cid {
					t.Errorf("corpus selected %q, want %s", got, cid)
				}
			}
			// The form still carries the CSRF token.
			checkFormToken(t, form, "/train", a.tok)
		})
	}
	// The API keeps answering in JSON.
	req := httptest.NewRequest(http.MethodPost, "/api/runs", strings.NewReader(`{"corpus_id":`+cid+`,"eta":-1}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", a.tok)
	rec := a.do(req)
	if rec.Code != http.StatusBadRequest || !strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") || !strings.Contains(message(t, rec), "learning rate η") {
		t.Errorf("API: %d %s %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
}

func TestTrainFormLimits(t *testing.T) {
	a := newModelApp(t, "")
	a.modelCorpus(t)
	form := find(parse(t, a.get("/train").Body.String()), "form", "train-form")
	if form == nil {
		t.Fatal("no training form")
	}
	// min, max and step as the server's checks (internal/runs); absent
	// where the server has no bound.
	want := map[string][3]string{
		"train-vector-size": {"1", "1000", "1"},
		"train-epochs":      {"1", "1000", "1"},
		"train-xmax":        {"0", "", "any"},
		"train-alpha":       {"0", "10", "any"},
		"train-eta":         {"0", "1e30", "any"},
		"train-threads":     {"1", "64", "1"},
		"train-seed":        {"0", "", "1"},
	}
	for id, w := range want {
		in := find(form, "input", id)
		if in == nil {
			t.Fatalf("no input #%s", id)
		}
		for i, key := range []string{"min", "max", "step"} {
			if w[i] == "" {
				if hasAttr(in, key) {
					t.Errorf("#%s has %s=%q, want none", id, key, attr(in, key))
				}
			} else if attr(in, key) != w[i] {
				t.Errorf("#%s %s=%q, want %q", id, key, attr(in, key), w[i])
			}
		}
		// An empty field takes the default on the server.
		if hasAttr(in, "required") {
			t.Errorf("#%s is required, but the server takes the default for an empty value", id)
		}
	}
}

func TestBuildFormErrorShownInPlace(t *testing.T) {
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "ratios", "ratios.txt", ratioCorpus())
	page := rec.Header().Get("Location")

	check := func(t *testing.T, over url.Values, code int, want string, rebuild bool) {
		t.Helper()
		f := url.Values{}
		for k, v := range buildSettings {
			f[k] = v
		}
		for k, v := range over {
			f[k] = v
		}
		doc := formPage(t, a.postForm(page+"/build", f), code)
		if h1 := text(find(doc, "h1", "")); h1 != "ratios" {
			t.Errorf("heading %q, want the corpus page", h1)
		}
		section := find(doc, "section", "build")
		if section == nil {
			t.Fatal("no build section")
		}
		if rebuild {
			if d := find(section, "details", ""); d == nil || !hasAttr(d, "open") {
				t.Error("the rebuild settings are folded away: the error would be hidden")
			}
		}
		msg := find(section, "p", "build-error")
		if msg == nil || !strings.Contains(text(msg), want) || attr(msg, "role") != "alert" {
			t.Errorf("error message %q, want an alert with %q", textOf(msg), want)
		}
		form := find(section, "form", "")
		for name, id := range map[string]string{"window": "b-window", "min_count": "b-min-count", "max_vocab": "b-max-vocab"} {
			if got := inputValue(t, form, id); got != f.Get(name) {
				t.Errorf("input %s = %q, want the value sent %q", name, got, f.Get(name))
			}
		}
		if got := selectedValue(find(form, "select", "b-tokenizer")); got != f.Get("tokenizer") {
			t.Errorf("tokenizer %q, want %q", got, f.Get("tokenizer"))
		}
		for _, name := range []string{"symmetric", "distance_weighting"} {
			if got, want := hasAttr(byName(form, "input", name), "checked"), f.Get(name) == "1"; got != want {
				t.Errorf("%s checked = %v, want %v", name, got, want)
			}
		}
		checkFormToken(t, form, page+"/build#build", a.tok)
	}

	t.Run("first build, window 0", func(t *testing.T) {
		check(t, url.Values{"window": {"0"}, "symmetric": {""}}, 400, "The window must be a whole number from 1 to 255; “0” is not.", false)
	})
	t.Run("first build, minimum count not a number", func(t *testing.T) {
		check(t, url.Values{"min_count": {"lots"}, "max_vocab": {"500"}}, 400, "The minimum count must be a whole number from 1 to 1,000,000,000,000; “lots” is not.", false)
	})
	if rec := a.postForm(page+"/build", buildSettings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d", rec.Code)
	}
	a.waitJobs(t)
	t.Run("rebuild, window 0", func(t *testing.T) {
		check(t, url.Values{"window": {"0"}, "tokenizer": {"words"}, "distance_weighting": {""}}, 400, "The window must be a whole number from 1 to 255; “0” is not.", true)
	})
	t.Run("rebuild, window 300", func(t *testing.T) {
		check(t, url.Values{"window": {"300"}}, 400, "from 1 to 255", true)
	})
	// The build form's limits are the server's.
	doc := parse(t, a.get(page).Body.String())
	for id, w := range map[string][3]string{"b-window": {"1", "255", "1"}, "b-min-count": {"1", "1000000000000", "1"}, "b-max-vocab": {"0", "100000000", "1"}} {
		in := find(doc, "input", id)
		if in == nil {
			t.Fatalf("no input #%s", id)
		}
		if got := [3]string{attr(in, "min"), attr(in, "max"), attr(in, "step")}; got != w {
			t.Errorf("#%s min/max/step %q, want %q", id, got, w)
		}
	}
	if hasAttr(find(doc, "input", "b-max-vocab"), "required") {
		t.Error("the maximum vocabulary is required, but the server reads an empty value as 0")
	}
}

func TestUploadFormErrorShownInPlace(t *testing.T) {
	a := newApp(t, 0)
	small := newApp(t, 4096)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	tests := []struct {
		name      string
		a         *app
		path      string
		file      string
		content   []byte
		code      int
		want      string
		nameInput string
	}{
		{"empty corpus", a, "/corpora", "empty.txt", nil, 400, "The file is empty.", "corpus-name"},
		{"PNG as a corpus", a, "/corpora", "x.png", png, 422, "does not look like a text file", "corpus-name"},
		{"corpus over the limit", small, "/corpora", "big.txt", []byte(strings.Repeat("word ", 1000)), 413, "larger than the upload limit of 4 KiB", "corpus-name"},
		{"empty vector file", a, "/vectors", "v.txt", nil, 400, "The file is empty.", "vectors-name"},
		{"PNG as vectors", a, "/vectors", "x.png", png, 400, "not a word-vector text file", "vectors-name"},
		{"ragged vectors", a, "/vectors", "v.txt", []byte("a 1 2\nb 3\n"), 400, "line 2: 1 components where earlier lines have 2", "vectors-name"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const name = "my <named> upload"
			doc := formPage(t, tc.a.upload(t, tc.path, name, tc.file, tc.content), tc.code)
			form := find(doc, "form", "")
			for _, f := range findAll(doc, "form") {
				if strings.Contains(attr(f, "class"), "upload") {
					form = f
				}
			}
			if form == nil || !strings.Contains(attr(form, "class"), "upload") {
				t.Fatal("no upload form on the page")
			}
			var msg *html.Node
			for _, p := range findAll(form, "p") {
				if strings.Contains(attr(p, "class"), "upload-error") {
					msg = p
				}
			}
			if msg == nil || hasAttr(msg, "hidden") || !strings.Contains(text(msg), tc.want) {
				t.Errorf("upload error %q (hidden %v), want %q shown", textOf(msg), msg != nil && hasAttr(msg, "hidden"), tc.want)
			}
			if got := inputValue(t, form, tc.nameInput); got != name {
				t.Errorf("name input %q, want the name sent %q", got, name)
			}
			checkFormToken(t, form, tc.path, tc.a.tok)
			tc.a.tmpEmpty(t)
		})
	}
}

// textOf is text(n), or "" for no node.
func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	return text(n)
}
