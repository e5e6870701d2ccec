package handlers_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// The pseudo-locale test. Pages are rendered with views.PseudoLocale,
// which wraps every string taken from the catalogue in ⟦ ⟧. Whatever a
// page shows outside those marks must then be data: words of the corpus
// (all of them start with "zq" here, so that no English word can pass as
// data), names the user gave, numbers and punctuation. A word of three or
// more letters outside the marks was written into a template, a handler
// or a plot instead of the catalogue, and would stay English on a
// Vietnamese page.

// pseudoWord is the i-th word of the pseudo corpus: "zq" and letters.
func pseudoWord(i int) string {
	const letters = "abcdefghijklmnoprstuvy"
	s := "zq"
	for {
		s += string(letters[i%len(letters)])
		i /= len(letters)
		if i == 0 {
			return s
		}
	}
}

// pseudoCorpus is a Zipf-like text over pseudo words, with zqice and
// zqsteam for the ratio page.
func pseudoCorpus() []byte {
	r := rand.New(rand.NewPCG(17, 4))
	var b bytes.Buffer
	for line := range 1500 {
		for k := range 12 {
			switch {
			case k == 0 && line%3 == 0:
				b.WriteString("zqice ")
			case k == 0 && line%3 == 1:
				b.WriteString("zqsteam ")
			default:
				b.WriteString(pseudoWord(int(300*r.Float64()*r.Float64())) + " ")
			}
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// pseudoApp serves the dashboard in the pseudo locale with a built
// pseudo corpus, one trained run and its vector set.
type pseudoApp struct {
	*app
	corpus, run, set int64
	names            map[string]bool // lower-cased words of names shown as data
}

func newPseudoApp(t *testing.T) *pseudoApp {
	t.Helper()
	pseudo := views.PseudoLocale()
	a := newAppConfig(t, func(o *appOptions) { o.handlers.ForceLocale = &pseudo })
	rec := a.upload(t, "/corpora", "zqcorpus", "zqcorpus.txt", pseudoCorpus())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
	}
	page := rec.Header().Get("Location")
	if rec := a.postForm(page+"/build", buildSettings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	p := &pseudoApp{app: a, names: make(map[string]bool)}
	fmt.Sscanf(page, "/corpora/%d", &p.corpus)
	p.run = a.modelStartRun(t, modelTrainValues(p.corpus, map[string]string{"epochs": "3"}))
	a.waitJobs(t)
	ctx := context.Background()
	sets, err := a.st.VectorSets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range sets {
		p.addName(v.Name)
		if v.Source != store.SourceDemo {
			p.set = v.ID
		}
	}
	corpora, err := a.st.Corpora(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range corpora {
		p.addName(c.Name)
		p.addName(c.Filename)
	}
	if p.set == 0 {
		t.Fatal("the run made no vector set")
	}
	return p
}

// addName allows the words of a name the user (or the demo) gave.
func (p *pseudoApp) addName(name string) {
	for _, w := range letterWords(name) {
		p.names[strings.ToLower(w)] = true
	}
}

// letterWords splits s into runs of letters.
func letterWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// outsideMarks returns s without its ⟦ ⟧ segments (nested ones too).
func outsideMarks(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '⟦':
			depth++
		case r == '⟧' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// strays returns the words of s, outside the marks, that are not data.
func (p *pseudoApp) strays(s string) []string {
	var out []string
	for _, w := range letterWords(outsideMarks(s)) {
		lw := strings.ToLower(w)
		if len([]rune(w)) < 3 || strings.HasPrefix(lw, "zq") || lw == "gloveboard" || units[lw] || p.names[lw] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// units are written the same in every language.
var units = map[string]bool{"kib": true, "mib": true, "gib": true, "tib": true}

// skipped elements hold code, licences or scripts, not interface text.
// Elements with a lang attribute (a language's own name in the switch)
// or translate="no" (corpus words and other data, which a browser's
// page translation must not touch either) are skipped with their
// children.
var skippedElements = map[string]bool{"script": true, "style": true, "code": true, "kbd": true, "samp": true, "pre": true}

// textAttributes are the attributes people read or hear.
var textAttributes = []string{"title", "placeholder", "aria-label", "alt", "data-confirm", "label", "aria-description"}

// pageTexts returns the texts of an HTML page people see or hear, and the
// SVG plots it shows.
func pageTexts(doc *html.Node) (texts, svgs []string) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if skippedElements[n.Data] || (n.Data != "html" && attr(n, "lang") != "") || attr(n, "translate") == "no" {
				return
			}
			for _, at := range n.Attr {
				for _, name := range textAttributes {
					if at.Key == name {
						texts = append(texts, at.Val)
					}
				}
				if at.Key == "value" && n.Data == "input" && (attr(n, "type") == "submit" || attr(n, "type") == "button") {
					texts = append(texts, at.Val)
				}
				if n.Data == "img" && at.Key == "src" && strings.Contains(at.Val, "format=svg") {
					svgs = append(svgs, at.Val)
				}
			}
		}
		if n.Type == html.TextNode && n.Parent != nil && n.Parent.Data == "noscript" {
			// With scripting on, a parser keeps noscript's content as
			// raw text (the map's picture for pages without JavaScript):
			// read it as the HTML it is.
			div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			if nodes, err := html.ParseFragment(strings.NewReader(n.Data), div); err == nil {
				for _, c := range nodes {
					walk(c)
				}
				return
			}
		}
		if n.Type == html.TextNode {
			texts = append(texts, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return texts, svgs
}

// svgTexts returns the text of an SVG plot's <text> elements.
func svgTexts(t *testing.T, body string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node, inText bool)
	walk = func(n *html.Node, inText bool) {
		if n.Type == html.ElementNode && n.Data == "text" {
			inText = true
		}
		if n.Type == html.TextNode && inText {
			out = append(out, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inText)
		}
	}
	walk(doc, false)
	return out
}

// pseudoPages are the pages (and htmx fragments) checked, with the
// corpus, run and vector set ids filled in. Each helper adds its pages in
// its own block.
func (p *pseudoApp) pseudoPages() []string {
	c, r, v := p.corpus, p.run, p.set
	pages := []string{
		// frame
		"/", "/about", "/jobs", "/corpora/999999",
		// corpus
		"/corpora", fmt.Sprintf("/corpora/%d", c), fmt.Sprintf("/corpora/%d/build-status", c),
		fmt.Sprintf("/corpora/%d?pmi=zqice", c), fmt.Sprintf("/corpora/%d?pmi=zqnotthere", c),
		fmt.Sprintf("/corpora/%d/spectrum", c),
		// ratio
		fmt.Sprintf("/corpora/%d/ratio?i=zqice&j=zqsteam", c),
		fmt.Sprintf("/corpora/%d/ratio", c), // the most frequent words, with a note
		fmt.Sprintf("/corpora/%d/ratio?i=zqice&j=zqsteam&probes=zqa,zqb,zqc,zqd,zqe,zqf,zqg,zzzz&smoothing=0.5&thin=1000000&top=5&min_evidence=1", c),
		fmt.Sprintf("/corpora/%d/ratio?i=zqice&j=zqice", c), fmt.Sprintf("/corpora/%d/ratio?i=zqice&j=&probes=", c),
		fmt.Sprintf("/corpora/%d/ratio?i=zqice&j=zqsteam&probes=zzzz", c),
		// word
		fmt.Sprintf("/corpora/%d/words/zqice", c), fmt.Sprintf("/vectors/%d/words/zqice", v),
		fmt.Sprintf("/corpora/%d/words/zqice/plots/fit?run=%d&format=svg", c, r),
		fmt.Sprintf("/corpora/%d/words/%s", c, strings.Repeat("zq", 201)), fmt.Sprintf("/vectors/%d/words/%s", v, strings.Repeat("zq", 101)),
		// train
		"/train", fmt.Sprintf("/runs/%d", r), fmt.Sprintf("/runs/%d/progress", r),
		"/runs/compare", fmt.Sprintf("/runs/compare?runs=%d", r), fmt.Sprintf("/runs/%d/fidelity", r),
		fmt.Sprintf("/runs/%d/plots/loss?format=svg", r), fmt.Sprintf("/runs/compare/plot?runs=%d,%d&format=svg&log=1", r, r),
		fmt.Sprintf("/runs/%d/plots/fidelity?kind=logx&format=svg", r), fmt.Sprintf("/runs/%d/plots/fidelity?kind=pmi&format=svg", r),
		// explore
		"/explore", "/vectors", fmt.Sprintf("/vectors/%d", v), fmt.Sprintf("/vectors/%d/explore", v),
		fmt.Sprintf("/vectors/%d/neighbors?word=zqice", v), fmt.Sprintf("/vectors/%d/spectrum", v),
		fmt.Sprintf("/vectors/%d/evaluation", v),
		fmt.Sprintf("/vectors/%d/analogy?a=zqice&b=zqsteam&c=zqa", v), fmt.Sprintf("/vectors/%d/neighbors?word=zqnotthere", v),
		fmt.Sprintf("/vectors/%d/spectrum?from=5&to=6", v),
		fmt.Sprintf("/vectors/%d/plots/neighbors?word=zqice&format=svg", v),
		fmt.Sprintf("/vectors/%d/plots/analogy?a=zqice&b=zqsteam&c=zqa&method=mul&format=svg", v),
		fmt.Sprintf("/vectors/%d/plots/spectrum?format=svg", v),
		// map
		fmt.Sprintf("/vectors/%d/map?method=pca&source=top&n=200", v),
		fmt.Sprintf("/vectors/%d/plots/map?method=pca&source=top&n=200&format=svg", v),
		fmt.Sprintf("/vectors/%d/map?method=pca&source=words&words=zqa%%0Azqb%%0Azqc+zqgroup%%0Azqd+zqgroup%%0Azqe%%0Azqzzz", v),
		// compare
		fmt.Sprintf("/vectors/%d/axes", v), fmt.Sprintf("/vectors/%d/weat", v), "/compare/align",
		fmt.Sprintf("/vectors/%d/axes?pairs=zqice+zqsteam&n=3", v), fmt.Sprintf("/vectors/%d/axes?mode=sets&set_a=zqice+zqa&set_b=zqsteam&words=zqb+zqc+zqd", v),
		fmt.Sprintf("/vectors/%d/plots/axes?pairs=zqice+zqsteam&format=svg", v), fmt.Sprintf("/vectors/%d/axes?pairs=zqice", v),
		fmt.Sprintf("/vectors/%d/weat?x=zqa+zqb&y=zqc+zqd&a=zqe&b=zqf", v), fmt.Sprintf("/vectors/%d/weat?example=flowers-insects", v),
		fmt.Sprintf("/compare/align?a=%d&b=%d&word=zqice&min_rank=2&max_rank=100", v, v), fmt.Sprintf("/compare/plots/align?a=%d&b=%d&format=svg", v, v),
	}
	return pages
}

func TestPagesSpeakOnlyCatalogue(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and trains a corpus")
	}
	p := newPseudoApp(t)
	seenSVG := make(map[string]bool)
	for _, path := range p.pseudoPages() {
		t.Run(strings.TrimPrefix(path, "/"), func(t *testing.T) {
			rec := p.get(path)
			if rec.Code >= 500 {
				t.Fatalf("GET %s = %d", path, rec.Code)
			}
			texts, svgs := pageTexts(parse(t, rec.Body.String()))
			report := make(map[string][]string) // stray word → texts
			for _, s := range texts {
				for _, w := range p.strays(s) {
					report[w] = append(report[w], strings.TrimSpace(s))
				}
			}
			for _, src := range svgs {
				if seenSVG[src] {
					continue
				}
				seenSVG[src] = true
				u, err := url.Parse(src)
				if err != nil {
					t.Fatal(err)
				}
				svg := p.get(u.RequestURI())
				if svg.Code != http.StatusOK {
					continue // the page's own test checks its plots answer
				}
				for _, s := range svgTexts(t, svg.Body.String()) {
					for _, w := range p.strays(s) {
						report[w] = append(report[w], "plot "+u.Path+": "+strings.TrimSpace(s))
					}
				}
			}
			words := make([]string, 0, len(report))
			for w := range report {
				words = append(words, w)
			}
			sort.Strings(words)
			for _, w := range words {
				t.Errorf("GET %s shows %q outside the catalogue, in %q", path, w, report[w][0])
			}
		})
	}
}
