package handlers_test

import (
	"context"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/store"
)

// hostile are payloads that would run script if they reached a page as
// markup.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(2)>`,
	`'><svg onload=alert(3)>`,
}

// markupOf reports the raw markup a hostile payload would inject.
func markupOf(body string) string {
	for _, m := range []string{"<script>alert", "<img src=x", "<svg onload"} {
		if strings.Contains(body, m) {
			return m
		}
	}
	return ""
}

// TestHostileInputIsInert puts the payloads everywhere a user can put text
// — a corpus's name, file name and tokens, a vector set's name and words,
// query parameters — and fetches every page, fragment, plot (SVG), CSV
// and API answer that shows them: HTML and SVG must carry them escaped,
// JSON must escape < and >, download names must be plain, and the stored
// files must live inside the data directory whatever the upload's name.
func TestHostileInputIsInert(t *testing.T) {
	a := newApp(t, 0)
	ctx := context.Background()

	// A corpus whose name, file name and tokens are hostile.
	var text strings.Builder
	for range 20 {
		for _, h := range hostile {
			fmt.Fprintf(&text, "water %s ice %s steam\n", strings.ReplaceAll(h, " ", "_"), strings.ReplaceAll(h, " ", "_"))
		}
	}
	rec := a.upload(t, "/corpora", hostile[0], "../../"+hostile[1]+".txt", []byte(text.String()))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("corpus upload = %d: %s", rec.Code, rec.Body)
	}
	corpusPage := rec.Header().Get("Location")
	var x store.Corpus
	cs, _ := a.st.Corpora(ctx)
	for _, c := range cs {
		if c.Name == hostile[0] {
			x = c
		}
	}
	if x.ID == 0 {
		t.Fatal("hostile corpus not stored")
	}
	dataDir, _ := filepath.Abs(a.st.Dir())
	if p, _ := filepath.Abs(x.Path); !strings.HasPrefix(p, dataDir+string(filepath.Separator)) || strings.Contains(filepath.Base(p), "img") {
		t.Errorf("the upload's name became part of a file path: %s", p)
	}
	set := corpusbuild.DefaultSettings()
	set.Tokenizer, set.MinCount, set.Window = "whitespace", 1, 3
	if _, err := corpusbuild.Build(ctx, x.Path, a.st.CorpusBuildDir(x.ID), set, corpusbuild.Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := a.st.SetCorpusStats(ctx, x.ID, set, store.CorpusStats{Built: true}); err != nil {
		t.Fatal(err)
	}

	// A vector set whose name and words are hostile.
	vecs := ""
	for i, h := range hostile {
		vecs += fmt.Sprintf("%s %d 1 0.5\n", strings.ReplaceAll(h, " ", "_"), i+1)
	}
	vecs += "cat 0 1 0\ndog 0 0.9 0.1\nsun 1 0 1\n"
	rec = a.upload(t, "/vectors", hostile[2], hostile[1]+".txt", []byte(vecs))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("vector upload = %d: %s", rec.Code, rec.Body)
	}
	setPage := strings.SplitN(rec.Header().Get("Location"), "?", 2)[0]

	w0 := url.QueryEscape(strings.ReplaceAll(hostile[0], " ", "_"))
	w1 := url.QueryEscape(strings.ReplaceAll(hostile[1], " ", "_"))
	q := url.QueryEscape(hostile[1])
	api := "/api" + corpusPage
	paths := []string{
		"/", "/corpora", "/vectors", "/train", "/explore", "/jobs",
		corpusPage, corpusPage + "?duplicate=1&x=" + q,
		corpusPage + "/ratio?i=" + w0 + "&j=" + w1 + "&probes=" + w0 + "," + q,
		corpusPage + "/ratio?i=" + q + "&j=water",
		corpusPage + "/words?prefix=%3C",
		corpusPage + "?pmi=" + w0,
		corpusPage + "/plots/ratio.svg?i=" + w0 + "&j=water",
		corpusPage + "/plots/ratio.csv?i=" + w0 + "&j=water",
		corpusPage + "/plots/zipf.svg",
		api, api + "/stats", api + "/ratio?i=" + w0 + "&j=water", api + "/ratio?i=" + q + "&j=water",
		api + "/pmi?word=" + w0, api + "/words?prefix=%3C", "/api/corpora",
		setPage, setPage + "/explore?word=" + w0, setPage + "/explore?word=" + q,
		setPage + "/neighbors?word=" + w0, setPage + "/neighbors?word=" + q,
		setPage + "/analogy?a=cat&b=dog&c=" + w1,
		setPage + "/map?source=words&method=pca&words=" + url.QueryEscape(strings.Join([]string{strings.ReplaceAll(hostile[0], " ", "_"), "cat", "dog", "sun", hostile[2]}, "\n")),
		setPage + "/plots/neighbors?format=svg&word=" + w0,
		setPage + "/plots/neighbors?format=csv&word=" + w0,
		setPage + "/plots/analogy?format=svg&a=cat&b=dog&c=" + w1,
		setPage + "/plots/map?format=svg&source=words&method=pca&words=" + url.QueryEscape(strings.Join([]string{strings.ReplaceAll(hostile[0], " ", "_"), "cat", "dog", "sun"}, "\n")),
		setPage + "/words?prefix=%3C",
		"/api" + setPage, "/api" + setPage + "/neighbors?word=" + w0, "/api" + setPage + "/neighbors?word=" + q,
		"/api" + setPage + "/analogy?a=cat&b=dog&c=" + w1, "/api/vectors",
		"/corpora/" + q, "/api/corpora/" + q, "/no/such/" + q,
	}
	for _, p := range paths {
		rec := a.get(p)
		body := rec.Body.String()
		ctype, _, _ := mime.ParseMediaType(rec.Header().Get("Content-Type"))
		switch ctype {
		case "application/json":
			if strings.ContainsAny(body, "<>") {
				t.Errorf("%s: JSON carries unescaped < or >: %.300s", p, body)
			}
		case "text/html", "image/svg+xml", "text/plain", "":
			if m := markupOf(body); m != "" {
				t.Errorf("%s (%d, %s): raw %q in the body", p, rec.Code, ctype, m)
			}
		case "text/csv":
			// A download, never rendered; its name must still be plain.
		default:
			t.Errorf("%s: unexpected content type %q", p, ctype)
		}
		if cd := rec.Header().Get("Content-Disposition"); strings.ContainsAny(cd, "<>\r\n") || strings.Count(cd, `"`) > 2 {
			t.Errorf("%s: Content-Disposition %q", p, cd)
		}
		if rec.Code >= 500 {
			t.Errorf("%s: %d", p, rec.Code)
		}
	}
}
