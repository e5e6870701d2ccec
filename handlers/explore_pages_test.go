package handlers_test

import (
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"golang.org/x/net/html"
)

// demoSet returns the id of the demo vector set.
func demoSet(t *testing.T, a *app) int64 {
	t.Helper()
	vs, err := a.st.VectorSets(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Name == demo.VectorsName {
			return v.ID
		}
	}
	t.Fatal("no demo vector set")
	return 0
}

func TestExplorePages(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	base := fmt.Sprintf("/vectors/%d", id)

	rec := a.get("/explore")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /explore: %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	if !strings.Contains(text(find(doc, "section", "explore-sets")), demo.VectorsName) {
		t.Error("explore list lacks the demo vectors")
	}

	rec = a.get(base + "/explore")
	if rec.Code != http.StatusOK {
		t.Fatalf("explore page: %d", rec.Code)
	}
	doc = parse(t, rec.Body.String())
	for _, id := range []string{"neighbors", "analogy", "maps", "spectrum", "downloads"} {
		if find(doc, "section", id) == nil {
			t.Errorf("explore page lacks section %s", id)
		}
	}
	// Every field has a name a screen reader can read out: a <label for>,
	// an enclosing <label> or an aria-label longer than a letter.
	labelled, wrapped := map[string]bool{}, map[*html.Node]bool{}
	for _, l := range findAll(doc, "label") {
		labelled[attr(l, "for")] = true
		for _, tag := range []string{"input", "select", "textarea"} {
			for _, f := range findAll(l, tag) {
				wrapped[f] = true
			}
		}
	}
	for _, tag := range []string{"input", "select", "textarea"} {
		for _, f := range findAll(doc, tag) {
			if attr(f, "type") == "hidden" || wrapped[f] || labelled[attr(f, "id")] && attr(f, "id") != "" {
				continue
			}
			if l := attr(f, "aria-label"); len([]rune(l)) < 3 {
				t.Errorf("explore page: %s name=%q has no label (aria-label %q)", tag, attr(f, "name"), l)
			}
		}
	}
	if find(doc, "section", "fidelity") != nil {
		t.Error("fidelity offered for vectors that were not trained here")
	}

	// Neighbours, as htmx asks for them and as a plain form would.
	rec = a.get(base + "/neighbors?word=king&n=5")
	doc = parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || len(findAll(doc, "tr")) != 6 || !strings.Contains(text(doc), "queen") {
		t.Errorf("neighbours of king: %d %q", rec.Code, text(doc))
	}
	rec = a.get(base + "/explore?word=king")
	if !strings.Contains(text(find(parse(t, rec.Body.String()), "div", "neighbors-result")), "prince") {
		t.Error("explore page with ?word=king does not show the neighbours")
	}

	// The analogy the paper made famous.
	for _, method := range []string{"add", "mul"} {
		rec = a.get(base + "/analogy?a=man&b=king&c=woman&method=" + method)
		doc = parse(t, rec.Body.String())
		if top := find(doc, "strong", "analogy-top"); rec.Code != http.StatusOK || top == nil || text(top) != "queen" {
			t.Errorf("%s: man:king::woman:? answered %q", method, text(doc))
		}
		img := find(find(doc, "figure", "analogy-plot"), "img", "")
		rec = a.get(attr(img, "src"))
		// Page figures are laid out 600 px wide, drawn at twice the pixels.
		if im, err := png.Decode(rec.Body); err != nil || im.Bounds().Dx() != 1200 || im.Bounds().Dy() != 788 {
			t.Errorf("analogy bar chart: %v", err)
		}
	}

	// Unknown words and bad parameters are 4xx with a clear message,
	// marked for htmx to show in place.
	for path, want := range map[string]string{
		"/neighbors?word=qwertyuiop":                        "“qwertyuiop” is not in this vector set",
		"/neighbors?word=King":                              "try “king”",
		"/neighbors?word=":                                  "Type a word",
		"/neighbors?word=king&n=0":                          "from 1 to 100",
		"/neighbors?word=king&n=lots":                       "from 1 to 100",
		"/analogy?a=man&b=king&c=zzzzqq":                    "“zzzzqq” is not in this vector set",
		"/analogy?a=man&b=king&c=woman&method=cosplay":      "add (3CosAdd) or mul (3CosMul)",
		"/neighbors?word=%3Cscript%3Ealert(1)%3C/script%3E": "is not in this vector set",
	} {
		rec := a.get(base + path)
		if rec.Code < 400 || rec.Code >= 500 || !strings.Contains(rec.Body.String(), want) && !strings.Contains(text(parse(t, rec.Body.String())), want) {
			t.Errorf("%s: %d %s, want a 4xx saying %q", path, rec.Code, rec.Body, want)
		}
		if rec.Header().Get("X-Fragment-Error") == "" {
			t.Errorf("%s: error not marked as a fragment", path)
		}
		if strings.Contains(rec.Body.String(), "<script>") {
			t.Errorf("%s: user input echoed unescaped", path)
		}
	}
	for path, status := range map[string]int{"/vectors/999/explore": 404, "/vectors/abc/explore": 400,
		base + "/plots/nothing": 404, base + "/download/secrets.txt": 404, base + "/explore?word=zzzzqq": 422} {
		if rec := a.get(path); rec.Code != status {
			t.Errorf("GET %s: %d, want %d", path, rec.Code, status)
		}
	}

	// Spectrum.
	rec = a.get(base + "/spectrum")
	doc = parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || find(doc, "dd", "spectrum-beta") == nil || strings.Contains(text(doc), "NaN") {
		t.Errorf("spectrum: %d %q", rec.Code, text(doc))
	}
	rec = a.get(base + "/spectrum?from=0&to=2")
	if body := text(parse(t, rec.Body.String())); rec.Code != http.StatusOK || !strings.Contains(body, "The fit range must be") || !strings.Contains(body, "β") {
		t.Errorf("bad fit range: %d %q", rec.Code, body)
	}
	rec = a.get(base + "/spectrum?from=2&to=20")
	if body := text(parse(t, rec.Body.String())); !strings.Contains(body, "ranks 2–20") {
		t.Errorf("fit over ranks 2–20: %q", body)
	}
	if rec := a.get(base + "/plots/spectrum?from=40&to=41"); rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("spectrum plot with a short range: %d", rec.Code)
	}
	rec = a.get(base + "/plots/spectrum?format=csv")
	if lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n"); len(lines) != 51 || lines[0] != "rank,eigenvalue,power_law_fit" {
		t.Errorf("spectrum CSV has %d lines", len(lines))
	}
}

func TestExploreMaps(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	base := fmt.Sprintf("/vectors/%d", id)

	rec := a.get(base + "/map?source=builtin&method=pca")
	doc := parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || find(doc, "figure", "map-plot") == nil {
		t.Fatalf("PCA map: %d %s", rec.Code, rec.Body)
	}
	if trust := text(find(doc, "dd", "map-trust")); !strings.HasPrefix(trust, "0.") {
		t.Errorf("trustworthiness %q", trust)
	}
	// The page draws the map on a canvas; its figure, as charts on pages
	// are drawn (?view=page), and as downloaded.
	plotSrc := mapPlotSrc(doc)
	rec = a.get(plotSrc + "&view=page")
	if rec.Code != http.StatusOK {
		t.Fatalf("PCA plot: %d %s", rec.Code, rec.Body)
	}
	// On the page: laid out 600 px wide (tick labels ≥ 11 CSS px where
	// shown 560 px wide or more), drawn at twice the pixels.
	if im, err := png.Decode(rec.Body); err != nil || im.Bounds().Dx() != 1200 || im.Bounds().Dy() != 900 {
		t.Errorf("PCA plot PNG on the page: %v", err)
	}
	if im, err := png.Decode(a.get(strings.Replace(plotSrc, "&view=page", "", 1)).Body); err != nil || im.Bounds().Dx() != 960 || im.Bounds().Dy() != 720 {
		t.Errorf("PCA plot PNG download: %v", err)
	}
	rec = a.get(strings.Replace(plotSrc, "format=png", "format=svg&download=1", 1))
	if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="gloveboard-glove-6b-50d-4k-words-demo-pca-`) || !strings.Contains(cd, `-seed1.svg"; filename*=UTF-8''gloveboard-GloVe-6B-50d`) {
		t.Errorf("SVG disposition %q", cd)
	}

	words := url.QueryEscape("paris city\nlondon city\ntokyo city\nmoscow city\nfrance country\ngermany country\nitaly country\nengland country\nnotaword")
	rec = a.get(base + "/map?source=words&method=pca&words=" + words)
	if body := text(parse(t, rec.Body.String())); rec.Code != http.StatusOK || !strings.Contains(body, "left out: notaword") {
		t.Errorf("PCA of a word list: %d %q", rec.Code, body)
	}

	// Limits are checked before any work.
	many := make([]string, 0, 1200)
	vs, _ := a.st.VectorSet(context.Background(), id)
	_ = vs
	for i := range 1200 {
		many = append(many, fmt.Sprintf("w%d", i))
	}
	for path, want := range map[string]string{
		"/map?source=words&method=tsne&perplexity=30&words=" + words:  "too large for 8 words",
		"/map?source=words&method=tsne&perplexity=-1&words=" + words:  "greater than 0",
		"/map?source=words&method=tsne&perplexity=abc&words=" + words: "greater than 0",
		"/map?source=words&method=lda&words=" + words:                 "pca, tsne, umap or axis",
		"/map?source=words&method=umap&words=" + words:                "UMAP with 15 neighbours needs at least 15 words",
		"/map?source=words&method=pca&words=paris%0Alondon":           "at least 4 words",
	} {
		rec := a.get(base + path)
		if rec.Code != http.StatusBadRequest || !strings.Contains(text(parse(t, rec.Body.String())), want) {
			t.Errorf("%s: %d %q, want 400 saying %q", path, rec.Code, text(parse(t, rec.Body.String())), want)
		}
	}
	// Too many words for t-SNE: use the demo's own words.
	rec = a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=the&n=100", id))
	if rec.Code != http.StatusOK {
		t.Fatalf("API neighbours: %d", rec.Code)
	}
	if rec := a.get(base + "/map?source=top&n=5000&method=tsne"); rec.Code != http.StatusBadRequest ||
		!strings.Contains(rec.Body.String(), "from 4 to 4,197 for a t-SNE map") {
		t.Errorf("t-SNE of the top 5,000 of 4,197 words: %d %s", rec.Code, rec.Body)
	}

	// A t-SNE map starts a job, so a GET is refused and a POST (with the
	// CSRF token, as the form sends it) is needed.
	if rec := a.get(base + "/map?source=words&method=tsne&perplexity=2&words=" + words); rec.Code != http.StatusMethodNotAllowed ||
		!strings.Contains(rec.Body.String(), "must be asked for with POST") {
		t.Errorf("t-SNE by GET: %d %s", rec.Code, rec.Body)
	}
	if rec := a.do(httptest.NewRequest(http.MethodPost, base+"/map?source=words&method=tsne&perplexity=2&words="+words, nil)); rec.Code != http.StatusForbidden {
		t.Errorf("t-SNE POST without the CSRF token: %d, want 403", rec.Code)
	}
	// A small t-SNE map through the job manager.
	rec = a.postMap(base+"/map", "source=words&method=tsne&perplexity=2&words="+words)
	doc = parse(t, rec.Body.String())
	pending := find(doc, "div", "map-pending")
	if rec.Code != http.StatusOK || pending == nil {
		t.Fatalf("t-SNE submit: %d %s", rec.Code, rec.Body)
	}
	poll := attr(pending, "hx-get")
	deadline := time.Now().Add(60 * time.Second)
	for {
		rec = a.get(poll)
		doc = parse(t, rec.Body.String())
		if find(doc, "div", "map-pending") == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("t-SNE still pending after 60 s")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if body := text(doc); !strings.Contains(body, "t-SNE · engine exact (every pair") || !strings.Contains(body, "0 would be a perfect match") || find(doc, "figure", "map-plot") == nil {
		t.Errorf("t-SNE result %q", body)
	}
	rec = a.get(mapPlotSrc(doc))
	if _, err := png.Decode(rec.Body); err != nil {
		t.Errorf("t-SNE plot: %v", err)
	}
	if rec := a.get(base + "/maps/99999"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown map job: %d", rec.Code)
	}
}

// demoWords returns the first n words of vector set id.
func demoWords(t *testing.T, a *app, id int64, n int) []string {
	t.Helper()
	rec := a.get(fmt.Sprintf("/vectors/%d/download/metadata.tsv", id))
	ws := strings.Split(strings.TrimSpace(rec.Body.String()), "\n")
	return ws[:n]
}

func TestExploreAPI(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	var res struct {
		Results []struct {
			Word  string  `json:"word"`
			Score float64 `json:"score"`
		} `json:"results"`
		Error string `json:"error"`
	}
	rec := a.get(fmt.Sprintf("/api/vectors/%d/analogy?a=man&b=king&c=woman&method=add&n=5", id))
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || len(res.Results) != 5 || res.Results[0].Word != "queen" || res.Results[0].Score <= 0 {
		t.Errorf("API analogy: %s", rec.Body)
	}
	rec = a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=king&n=10", id))
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || len(res.Results) != 10 {
		t.Errorf("API neighbours: %s", rec.Body)
	}
	rec = a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=xyzzyq", id))
	res.Error = ""
	if json.Unmarshal(rec.Body.Bytes(), &res); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(res.Error, "not in this vector set") {
		t.Errorf("API unknown word: %d %s", rec.Code, rec.Body)
	}
	rec = a.get(fmt.Sprintf("/api/vectors/%d/map?method=pca", id))
	var m struct {
		Method string `json:"method"`
		Points []struct {
			Word  string  `json:"word"`
			Group string  `json:"group"`
			X     float64 `json:"x"`
		} `json:"points"`
		Trust struct {
			Value float64 `json:"value"`
		} `json:"trustworthiness"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil || m.Method != "pca" || len(m.Points) < 20 || m.Trust.Value <= 0 {
		t.Errorf("API PCA map: %s", rec.Body)
	}
	words := url.QueryEscape("paris\nlondon\ntokyo\nmoscow\nfrance\ngermany\nitaly\nengland")
	rec = a.postMap(fmt.Sprintf("/api/vectors/%d/map", id), "method=tsne&perplexity=2&words="+words)
	var job struct {
		JobID     int64  `json:"job_id"`
		ResultURL string `json:"result_url"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &job); err != nil || rec.Code != http.StatusAccepted || job.JobID == 0 {
		t.Fatalf("API t-SNE: %d %s", rec.Code, rec.Body)
	}
	if info, err := a.jobs.Wait(context.Background(), job.JobID); err != nil || info.Status != store.JobDone {
		t.Fatalf("t-SNE job: %+v %v", info, err)
	}
	rec = a.get(job.ResultURL)
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil || rec.Code != http.StatusOK || len(m.Points) != 8 {
		t.Errorf("API t-SNE result: %d %s", rec.Code, rec.Body)
	}
	rec = a.postMap(fmt.Sprintf("/api/vectors/%d/map", id), "method=tsne&words="+words)
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "too large") {
		t.Errorf("API t-SNE perplexity too large: %d %s", rec.Code, rec.Body)
	}
	if rec := a.get("/api/vectors/999/neighbors?word=king"); rec.Code != http.StatusNotFound {
		t.Errorf("API unknown set: %d", rec.Code)
	}
	// Suggestions have the one autocomplete shape (as a corpus's, without
	// counts), under /vectors and /api/vectors.
	for _, p := range []string{"/vectors/%d/words?prefix=Kin&limit=3", "/api/vectors/%d/words?prefix=Kin&limit=3"} {
		rec = a.get(fmt.Sprintf(p, id))
		var got struct {
			Prefix string `json:"prefix"`
			Words  []struct {
				Word  string `json:"word"`
				Rank  int    `json:"rank"`
				Count *int64 `json:"count"`
			} `json:"words"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil || rec.Code != http.StatusOK || got.Prefix != "Kin" || len(got.Words) != 3 {
			t.Fatalf("%s: %d %s", p, rec.Code, rec.Body)
		}
		for i, w := range got.Words {
			if !strings.HasPrefix(w.Word, "kin") || w.Count != nil || (i > 0 && w.Rank <= got.Words[i-1].Rank) {
				t.Errorf("%s: suggestion %d %+v", p, i, w)
			}
		}
		if got.Words[0].Word != "king" {
			t.Errorf("%s: the most frequent word is %q, want king", p, got.Words[0].Word)
		}
	}
	if rec := a.get(fmt.Sprintf("/vectors/%d/words?prefix=a&limit=500", id)); rec.Code != http.StatusBadRequest {
		t.Errorf("limit=500: %d", rec.Code)
	}
}

// TestExploreEscapesWords uploads vectors whose words are markup and checks
// that every page and plot shows them as text.
func TestExploreEscapesWords(t *testing.T) {
	a := newModelApp(t, "")
	evil := `<script>alert(1)</script>`
	vecs := evil + " 1 0 0\n" + `"><img/src=x/onerror=alert(2)>` + " 0.9 0.1 0\ncat 0 1 0\ndog 0 0.9 0.1\nsun 0 0 1\n"
	rec := a.upload(t, "/vectors", "hostile", "hostile.txt", []byte(vecs))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	base := strings.SplitN(rec.Header().Get("Location"), "?", 2)[0]
	for _, path := range []string{
		"/explore?word=" + url.QueryEscape(evil),
		"/neighbors?word=" + url.QueryEscape(evil),
		"/analogy?a=cat&b=dog&c=" + url.QueryEscape(evil),
		"/map?source=words&method=pca&words=" + url.QueryEscape(evil+"\ncat\ndog\nsun\n<b>missing</b>"),
		"/words?prefix=%3C",
	} {
		rec := a.get(base + path)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || strings.Contains(body, "<script>alert") || strings.Contains(body, "<img/src") || strings.Contains(body, "<b>missing") {
			t.Errorf("%s: %d, markup not escaped: %s", path, rec.Code, body)
		}
	}
	rec = a.get(base + "/plots/neighbors?format=svg&word=" + url.QueryEscape(evil))
	if rec.Code != http.StatusOK || strings.Contains(rec.Body.String(), "<script>") {
		t.Errorf("neighbour SVG: %d, markup not escaped", rec.Code)
	}
}

func TestExploreEvaluation(t *testing.T) {
	// Without an evaluation folder the embedded sets score the demo.
	a := newModelApp(t, "")
	id := demoSet(t, a)
	rec := a.get(fmt.Sprintf("/vectors/%d/evaluation", id))
	body := text(parse(t, rec.Body.String()))
	if rec.Code != http.StatusOK || !strings.Contains(body, "Google analogies") || !strings.Contains(body, "SimLex-999") {
		t.Errorf("demo evaluation without a folder: %d %q", rec.Code, body)
	}
	// A folder adds its sets (the shipped folder holds 13 similarity sets).
	a = newModelApp(t, testkit.Shipped(t, testkit.EvalDir))
	id = demoSet(t, a)
	rec = a.get(fmt.Sprintf("/vectors/%d/evaluation", id))
	body = text(parse(t, rec.Body.String()))
	if rec.Code != http.StatusOK || !strings.Contains(body, "Google analogies") || !strings.Contains(body, "RW-STANFORD") {
		t.Errorf("demo evaluation with a folder: %d %q", rec.Code, body)
	}
}

// TestRelationAxisMap draws the built-in groups along the country→capital
// axis of the demo vectors: the capitals lie on one side of the midpoint
// between the two groups' means and the countries on the other, the page
// says the axis is learned from the pairs, and the plot names the axis.
func TestRelationAxisMap(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	rec := a.get(fmt.Sprintf("/api/vectors/%d/map?method=axis&relation=country-capital", id))
	var res struct {
		Method, Relation string
		AxisPairs        int     `json:"axis_pairs"`
		AxisAlignment    float64 `json:"axis_alignment"`
		Points           []struct {
			Word, Group string
			X, Y        float64
		}
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("axis map: %d %s", rec.Code, rec.Body)
	}
	if res.Method != "axis" || res.Relation != "country-capital" || res.AxisPairs != 9 || res.AxisAlignment < 0.7 {
		t.Errorf("axis map header %+v", res)
	}
	var sum [2]float64
	var cnt [2]int
	side := map[string]int{"country": 0, "capital": 1}
	for _, p := range res.Points {
		if g, ok := side[p.Group]; ok {
			sum[g] += p.X
			cnt[g]++
		}
	}
	mid := (sum[0]/float64(cnt[0]) + sum[1]/float64(cnt[1])) / 2
	wrong := 0
	for _, p := range res.Points {
		if g, ok := side[p.Group]; ok && (p.X > mid) != (g == 1) {
			wrong++
			t.Logf("%s (%s) on the wrong side: x = %.3f, midpoint %.3f", p.Word, p.Group, p.X, mid)
		}
	}
	if cnt[0] != 36 || cnt[1] != 9 || wrong > 0 {
		t.Errorf("%d countries, %d capitals, %d on the wrong side", cnt[0], cnt[1], wrong)
	}

	base := fmt.Sprintf("/vectors/%d", id)
	rec = a.get(base + "/map?source=builtin&method=axis&relation=male-female")
	if body := text(parse(t, rec.Body.String())); rec.Code != http.StatusOK || !strings.Contains(body, "separate by construction") {
		t.Errorf("axis map fragment: %d %q", rec.Code, body)
	}
	rec = a.get(base + "/plots/map?format=svg&source=builtin&method=axis&relation=male-female")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "male→female axis") {
		t.Errorf("axis map SVG: %d", rec.Code)
	}
	for path, want := range map[string]string{
		"/map?method=axis&relation=cat-dog":                             "country-capital, male-female or singular-plural",
		"/map?method=axis&source=words&words=king%0Aman%0Acat%0Adog%0A": "needs at least one pair",
	} {
		rec := a.get(base + path)
		if rec.Code/100 != 4 || !strings.Contains(text(parse(t, rec.Body.String())), want) {
			t.Errorf("%s: %d %q, want a 4xx saying %q", path, rec.Code, text(parse(t, rec.Body.String())), want)
		}
	}
}

// postMap posts a map request (form-encoded body) with the CSRF header, as
// the map form does through htmx.
func (a *app) postMap(path, form string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", a.tok)
	return a.do(req)
}

// TestSpectrumPermalink: a vector set's covariance spectrum asked for by a
// browser is a page of its own whose address (with the fit range) is its
// permalink, linked from the spectrum itself; htmx still gets the bare
// fragment, and a bad request is an error page, not a fragment.
func TestSpectrumPermalink(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	base := fmt.Sprintf("/vectors/%d", id)
	perma := base + "/spectrum?from=2&to=20"

	rec := a.get(perma)
	doc := parse(t, rec.Body.String())
	h1 := text(find(doc, "h1", ""))
	if rec.Code != http.StatusOK || !strings.HasPrefix(h1, "Covariance spectrum of ") || find(doc, "dd", "spectrum-beta") == nil {
		t.Fatalf("spectrum page: %d, h1 %q", rec.Code, h1)
	}
	link := find(doc, "a", "spectrum-permalink")
	if link == nil || attr(link, "href") != perma {
		t.Errorf("permalink %v, want %s", link, perma)
	}

	req := httptest.NewRequest(http.MethodGet, perma, nil)
	req.Header.Set("HX-Request", "true")
	frag := a.do(req)
	if frag.Code != http.StatusOK || strings.Contains(frag.Body.String(), "<html") || !strings.Contains(frag.Body.String(), `id="spectrum-beta"`) {
		t.Errorf("htmx spectrum: %d, want the fragment alone", frag.Code)
	}

	if rec := a.get("/vectors/999/spectrum"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "<html") {
		t.Errorf("unknown set's spectrum page: %d", rec.Code)
	}
}
