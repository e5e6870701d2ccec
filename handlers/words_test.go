package handlers_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/views"
	"golang.org/x/net/html"
)

// apiWord is the JSON of /api/corpora/:id/words/:word.
type apiWord struct {
	Word        string  `json:"word"`
	Count       int64   `json:"count"`
	Rank        int     `json:"rank"`
	Share       float64 `json:"share"`
	XW          float64 `json:"x_w"`
	Contexts    int     `json:"contexts"`
	EntropyBits float64 `json:"entropy_bits"`
	MIShare     float64 `json:"mi_share"`
	Partners    []struct {
		Word string  `json:"word"`
		X    float64 `json:"x"`
		P    float64 `json:"p"`
		PMI  float64 `json:"pmi"`
	} `json:"partners"`
	PMIPartners []struct {
		Word string  `json:"word"`
		X    float64 `json:"x"`
		P    float64 `json:"p"`
		PMI  float64 `json:"pmi"`
	} `json:"pmi_partners"`
	Contrasts []string `json:"contrasts"`
}

func getWord(t *testing.T, a *app, path string) apiWord {
	t.Helper()
	rec := a.get(path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", path, rec.Code, rec.Body)
	}
	var w apiWord
	if err := json.Unmarshal(rec.Body.Bytes(), &w); err != nil {
		t.Fatal(err)
	}
	return w
}

// tinyWords is "A b a c" and "a b", five times each: with the words
// tokenizer (lower-cased), window 2, symmetric, 1/d weights, one line
// gives the pairs a–b (d 1), a–a (d 2, twice on the diagonal), b–a (1),
// b–c (2), a–c (1), the other a–b (1). Times five:
//
//	X_aa = 5, X_ab = 15, X_ac = 5   (X_a = 25)
//	X_ba = 15, X_bc = 2.5           (X_b = 17.5)
//	X_ca = 5, X_cb = 2.5            (X_c = 7.5),   S = 50
//
// and counts a 15, b 10, c 5 of 30 tokens.
func tinyWords() []byte {
	return []byte(strings.Repeat("A b a c\na b\n", 5))
}

var tinyX = map[string]map[string]float64{
	"a": {"a": 5, "b": 15, "c": 5},
	"b": {"a": 15, "c": 2.5},
	"c": {"a": 5, "b": 2.5},
}

// tinyWant computes a word's numbers from tinyX by the definitions, with
// no package of the project: P(k|w) = X_wk/X_w, H = −Σ P log₂ P,
// PMI = log₂(X_wk S / (X_w X_k)), MI term = Σ_k (X_wk/S) PMI.
func tinyWant(w string) (xw, h, miShare float64, pmi map[string]float64) {
	rowSum := func(r string) (s float64) {
		for _, x := range tinyX[r] {
			s += x
		}
		return s
	}
	var total float64
	for r := range tinyX {
		total += rowSum(r)
	}
	term := func(r string) (m float64) {
		for k, x := range tinyX[r] {
			m += x / total * math.Log2(x*total/(rowSum(r)*rowSum(k)))
		}
		return m
	}
	var mi float64
	for r := range tinyX {
		mi += term(r)
	}
	xw = rowSum(w)
	pmi = map[string]float64{}
	for k, x := range tinyX[w] {
		h -= x / xw * math.Log2(x/xw)
		pmi[k] = math.Log2(x * total / (xw * rowSum(k)))
	}
	return xw, h, term(w) / mi, pmi
}

func near(got, want float64) bool { return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want)) }

func tinyCorpus(t *testing.T) (*app, string) {
	t.Helper()
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "tiny", "tiny.txt", tinyWords())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d", rec.Code)
	}
	page := rec.Header().Get("Location")
	settings := url.Values{"tokenizer": {"words"}, "window": {"2"}, "symmetric": {"1"}, "distance_weighting": {"1"}, "min_count": {"1"}, "max_vocab": {"0"}}
	if rec := a.postForm(page+"/build", settings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	return a, page
}

// TestWordPageHandComputed checks every number of the word page and its
// JSON twin against tinyX, and that the page shows the JSON's numbers.
func TestWordPageHandComputed(t *testing.T) {
	t.Parallel()
	a, page := tinyCorpus(t)
	tests := []struct {
		path        string // as typed: "A" is matched as "a"
		word        string
		count, rank int
		share       float64
		byX         []string // partners by X (ties: more frequent word first)
		byPMI       []string // partners with X ≥ 5 by PMI
	}{
		{"A", "a", 15, 1, 15.0 / 30, []string{"b", "a", "c"}, []string{"b", "c", "a"}},
		{"b", "b", 10, 2, 10.0 / 30, []string{"a", "c"}, []string{"a"}},
		{"c", "c", 5, 3, 5.0 / 30, []string{"a", "b"}, []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			xw, h, miShare, pmi := tinyWant(tc.word)
			got := getWord(t, a, "/api"+page+"/words/"+tc.path)
			if got.Word != tc.word || got.Count != int64(tc.count) || got.Rank != tc.rank || !near(got.Share, tc.share) {
				t.Errorf("word, count, rank, share = %q %d %d %g, want %q %d %d %g", got.Word, got.Count, got.Rank, got.Share, tc.word, tc.count, tc.rank, tc.share)
			}
			if !near(got.XW, xw) || !near(got.EntropyBits, h) || !near(got.MIShare, miShare) || got.Contexts != len(tinyX[tc.word]) {
				t.Errorf("x_w, H, MI share, contexts = %g %g %g %d, want %g %g %g %d", got.XW, got.EntropyBits, got.MIShare, got.Contexts, xw, h, miShare, len(tinyX[tc.word]))
			}
			var byX, byPMI []string
			for _, p := range got.Partners {
				byX = append(byX, p.Word)
				x := tinyX[tc.word][p.Word]
				if !near(p.X, x) || !near(p.P, x/xw) || !near(p.PMI, pmi[p.Word]) {
					t.Errorf("partner %s: x, p, pmi = %g %g %g, want %g %g %g", p.Word, p.X, p.P, p.PMI, x, x/xw, pmi[p.Word])
				}
			}
			for _, p := range got.PMIPartners {
				byPMI = append(byPMI, p.Word)
				if !near(p.PMI, pmi[p.Word]) || !near(p.X, tinyX[tc.word][p.Word]) {
					t.Errorf("PMI partner %s: pmi %g x %g", p.Word, p.PMI, p.X)
				}
			}
			if !slices.Equal(byX, tc.byX) || !slices.Equal(byPMI, tc.byPMI) {
				t.Errorf("partners %v by PMI %v, want %v, %v", byX, byPMI, tc.byX, tc.byPMI)
			}

			// The page shows the same numbers, formatted.
			rec := a.get(page + "/words/" + tc.path)
			if rec.Code != http.StatusOK {
				t.Fatalf("page = %d", rec.Code)
			}
			doc := parse(t, rec.Body.String())
			for id, want := range map[string]string{
				"word-title":    tc.word,
				"word-count":    views.Count(tc.count),
				"word-rank":     views.Count(tc.rank),
				"word-share":    views.SharePercent(tc.share),
				"word-xw":       views.CountF(xw),
				"word-entropy":  views.Fixed(h, 3) + " bits",
				"word-mi-share": views.SharePercent(miShare),
			} {
				n := byID(doc, id)
				if n == nil || !strings.Contains(text(n), want) {
					t.Errorf("#%s does not show %q", id, want)
				}
			}
			rows := findAll(find(doc, "table", "partners-table"), "tr")[1:]
			if len(rows) != len(got.Partners) {
				t.Fatalf("page has %d partner rows, JSON %d", len(rows), len(got.Partners))
			}
			for n, r := range rows {
				p := got.Partners[n]
				cells := findAll(r, "td")
				if text(cells[1]) != p.Word || text(cells[2]) != views.CountF(p.X) || text(cells[3]) != views.Sci(p.P) || text(cells[4]) != views.Fixed(p.PMI, 2) {
					t.Errorf("page row %d = %q %q %q %q, JSON %+v", n, text(cells[1]), text(cells[2]), text(cells[3]), text(cells[4]), p)
				}
				if href := attr(find(cells[1], "a", ""), "href"); href != page+"/words/"+p.Word {
					t.Errorf("partner link %q", href)
				}
			}
		})
	}
}

// TestWordPageBadInput: unknown words are 404 on the page and in JSON, an
// unbuilt corpus is 409, a bad n is 400, and a word with markup is text.
func TestWordPageBadInput(t *testing.T) {
	t.Parallel()
	a, page := builtCorpus(t)
	rec := a.upload(t, "/corpora", "raw", "raw.txt", []byte("never built here\n"))
	unbuilt := rec.Header().Get("Location")
	for _, tc := range []struct {
		path   string
		status int
		want   string
	}{
		{page + "/words/zzzz", http.StatusNotFound, "not in this corpus&#39;s vocabulary"},
		{"/api" + page + "/words/zzzz", http.StatusNotFound, "not in this corpus's vocabulary"},
		{page + "/words/" + url.PathEscape("<b>x</b>"), http.StatusNotFound, "&lt;b&gt;x&lt;/b&gt;"},
		{unbuilt + "/words/here", http.StatusConflict, "has not been built yet"},
		{"/api" + unbuilt + "/words/here", http.StatusConflict, "has not been built yet"},
		{"/api" + page + "/words/ice?n=0", http.StatusBadRequest, "n"},
		{"/api" + page + "/words/ice?n=abc", http.StatusBadRequest, "n"},
		{"/api" + page + "/words/ice?n=101", http.StatusBadRequest, "n"},
		{"/corpora/999/words/ice", http.StatusNotFound, ""},
		{page + "/words/" + strings.Repeat("x", 500), http.StatusBadRequest, "at most 100"},
		{page + "/words/" + url.PathEscape(xssWord), http.StatusOK, "&lt;script&gt;"},
	} {
		rec := a.get(tc.path)
		body := rec.Body.String()
		if rec.Code != tc.status || !strings.Contains(body, tc.want) {
			t.Errorf("GET %s = %d, want %d with %q: %.300s", tc.path, rec.Code, tc.status, tc.want, body)
		}
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<b>x</b>") {
			t.Errorf("GET %s: markup reached the page", tc.path)
		}
	}
	// The hostile word's own JSON names it as it is.
	if got := getWord(t, a, "/api"+page+"/words/"+url.PathEscape(xssWord)); got.Word != xssWord || got.Count != 6 {
		t.Errorf("hostile word JSON: %q count %d", got.Word, got.Count)
	}
}

// TestWordLinks: the ratio page's probes and discovered words and the
// corpus page's PMI partners link to their word pages.
func TestWordLinks(t *testing.T) {
	t.Parallel()
	a, page := builtCorpus(t)
	hrefs := func(path, id string) []string {
		rec := a.get(path)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s = %d", path, rec.Code)
		}
		var out []string
		for _, n := range findAll(byID(parse(t, rec.Body.String()), id), "a") {
			out = append(out, attr(n, "href"))
		}
		return out
	}
	ratio := hrefs(page+"/ratio?i=ice&j=steam&probes=solid,gas&min_evidence=1", "ratio-table")
	if !slices.Contains(ratio, page+"/words/solid") || !slices.Contains(ratio, page+"/words/gas") {
		t.Errorf("ratio table links %v", ratio)
	}
	disc := hrefs(page+"/ratio?i=ice&j=steam&min_evidence=1", "discovered")
	if !slices.Contains(disc, page+"/words/solid") && !slices.Contains(disc, page+"/words/gas") {
		t.Errorf("discovered links %v", disc)
	}
	pmi := hrefs(page+"?pmi=ice", "pmi")
	if !slices.Contains(pmi, page+"/words/solid") {
		t.Errorf("PMI partner links %v", pmi)
	}
	// The hostile word is path-escaped in links.
	want := page + "/words/" + url.PathEscape(xssWord)
	if h := hrefs(page+"/words/near", "partners-table"); !slices.Contains(h, want) {
		t.Errorf("links of near's partners %v, want %s", h, want)
	}
}

// TestWordDemoIceRecount recounts the demo corpus's "ice" row by the
// Stanford rules written out here: tokens (lower-cased words) outside the
// vocabulary (count < min count) are dropped before windowing, windows
// stay within a line, each pair at distance d ≤ 10 on either side adds
// 1/d. The API's partners of ice must equal the recount.
func TestWordDemoIceRecount(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	a.buildDemo(t)
	f, err := os.Open("../internal/demo/wordnet-glosses.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]string
	counts := map[string]int64{}
	sc := corpus.NewScanner(bufio.NewReader(zr), corpus.Words)
	line := []string{}
	for sc.Scan() {
		if sc.LineBreak() {
			lines = append(lines, line)
			line = []string{}
			continue
		}
		w := string(sc.Token())
		counts[w]++
		line = append(line, w)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	lines = append(lines, line)
	settings := service.DefaultBuildSettings()
	if settings.Window != 10 || !settings.Symmetric || !settings.DistanceWeighting {
		t.Fatalf("default settings changed: %+v", settings)
	}
	row := map[string]float64{}
	for _, l := range lines {
		var kept []string
		for _, w := range l {
			if counts[w] >= settings.MinCount {
				kept = append(kept, w)
			}
		}
		for p, w := range kept {
			if w != "ice" {
				continue
			}
			for q := max(0, p-10); q <= min(len(kept)-1, p+10); q++ {
				if q != p {
					row[kept[q]] += 1 / math.Abs(float64(q-p))
				}
			}
		}
	}
	var xw float64
	for _, x := range row {
		xw += x
	}
	demo := minKey(snapshot(t, a).corpora)
	got := getWord(t, a, fmt.Sprintf("/api/corpora/%d/words/ice?n=30", demo))
	if got.Count != counts["ice"] || !near(got.XW, xw) || got.Contexts != len(row) {
		t.Errorf("ice: count %d x_w %g contexts %d, recount %d %g %d", got.Count, got.XW, got.Contexts, counts["ice"], xw, len(row))
	}
	// The recount's 30 largest X_wk, as values (ties may order words
	// either way), and each partner's own value.
	var xs []float64
	for _, x := range row {
		xs = append(xs, x)
	}
	slices.SortFunc(xs, func(p, q float64) int { return -cmpF(p, q) })
	if len(got.Partners) != min(30, len(row)) {
		t.Fatalf("%d partners, recount has %d contexts", len(got.Partners), len(row))
	}
	for n, p := range got.Partners {
		if !near(p.X, row[p.Word]) || !near(p.X, xs[n]) || !near(p.P, row[p.Word]/xw) {
			t.Errorf("partner %d %q: x %g p %g, recount %g (rank value %g)", n, p.Word, p.X, p.P, row[p.Word], xs[n])
		}
	}
}

func cmpF(p, q float64) int {
	switch {
	case p < q:
		return -1
	case p > q:
		return 1
	}
	return 0
}

// byID returns the element with the given id below n, whatever its tag.
func byID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && attr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := byID(c, id); f != nil {
			return f
		}
	}
	return nil
}
