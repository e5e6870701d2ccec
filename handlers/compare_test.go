package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/views"
)

// uploadRotated uploads a copy of vector set id rotated by a random
// orthogonal matrix, with noise of relative size noise added and the
// vectors of each pair of words in swaps exchanged; it returns the new
// set's id.
func uploadRotated(t *testing.T, a *app, id int64, noise float64, swaps [][2]string) int64 {
	t.Helper()
	ctx := context.Background()
	v, err := a.st.VectorSet(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	set, err := a.svc.VectorSet(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	n, d := set.Len(), set.Dim()
	rng := rand.New(rand.NewPCG(2016, 16))
	g := mat.NewDense(d, d, nil)
	for i := range d {
		for j := range d {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	words := set.Words()
	data := make([]float32, n*d)
	for i := range n {
		row := set.Vector(i)
		var norm float64
		for _, x := range row {
			norm += float64(x) * float64(x)
		}
		norm = math.Sqrt(norm)
		for k := range d {
			var s float64
			for j := range d {
				s += float64(row[j]) * q.At(j, k)
			}
			data[i*d+k] = float32(s + noise*norm/math.Sqrt(float64(d))*rng.NormFloat64())
		}
	}
	for _, sw := range swaps {
		x, okX := set.Index(sw[0])
		y, okY := set.Index(sw[1])
		if !okX || !okY {
			t.Fatalf("swap %v: not in the set", sw)
		}
		for k := range d {
			data[x*d+k], data[y*d+k] = data[y*d+k], data[x*d+k]
		}
	}
	out, err := vectors.New(words, d, data)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := vectors.WriteText(&buf, out, false); err != nil {
		t.Fatal(err)
	}
	rec := a.upload(t, "/vectors", "rotated copy", "rotated.txt", buf.Bytes())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body.String())
	}
	newID, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(rec.Header().Get("Location"), "?", 2)[0], "/vectors/"), 10, 64)
	if err != nil {
		t.Fatalf("Location %q", rec.Header().Get("Location"))
	}
	return newID
}

// uploadText uploads a small vector file and returns its id.
func uploadText(t *testing.T, a *app, name, content string) int64 {
	t.Helper()
	rec := a.upload(t, "/vectors", name, name+".txt", []byte(content))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload %s: %d %s", name, rec.Code, rec.Body.String())
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(rec.Header().Get("Location"), "?", 2)[0], "/vectors/"), 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

type alignAPI struct {
	A, B     struct{ ID int64 }
	Shared   int     `json:"shared"`
	FitWords int     `json:"fit_words"`
	Residual float64 `json:"residual"`
	Matching int     `json:"matching"`
	Moved    []struct {
		Word     string  `json:"word"`
		Distance float64 `json:"distance"`
		RankA    int     `json:"rank_a"`
		RankB    int     `json:"rank_b"`
	} `json:"moved"`
	Neighbours *struct {
		Kept, Lost, Gained []string
	} `json:"neighbours"`
}

func getJSON[T any](t *testing.T, a *app, path string) T {
	t.Helper()
	rec := a.get(path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, rec.Code, rec.Body.String())
	}
	var v T
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	return v
}

// TestAlignPage aligns the demo set with a rotated, slightly perturbed
// copy in which two pairs of words swapped vectors: the page and the API
// list exactly the four swapped words first with the same distances, the
// residual is small, the frequency filter and the neighbour comparison
// work, and the aligned map is served as PNG, SVG and CSV.
func TestAlignPage(t *testing.T) {
	a := newModelApp(t, "")
	demoID := demoSet(t, a)
	swaps := [][2]string{{"king", "water"}, {"music", "france"}}
	rotID := uploadRotated(t, a, demoID, 0.01, swaps)
	q := fmt.Sprintf("a=%d&b=%d", demoID, rotID)

	demo, err := a.st.VectorSet(context.Background(), demoID)
	if err != nil {
		t.Fatal(err)
	}
	api := getJSON[alignAPI](t, a, "/api/compare/align?"+q+"&n=10")
	if api.Shared != demo.Count || api.FitWords != demo.Count || len(api.Moved) != 10 {
		t.Fatalf("shared %d, fit %d, %d moved", api.Shared, api.FitWords, len(api.Moved))
	}
	if api.Residual > 0.1 {
		t.Errorf("residual %g, want small (1%% noise, 4 rows swapped)", api.Residual)
	}
	swapped := map[string]bool{"king": true, "water": true, "music": true, "france": true}
	for i := range 4 {
		if !swapped[api.Moved[i].Word] {
			t.Errorf("moved[%d] = %s, not a swapped word", i, api.Moved[i].Word)
		}
	}
	if api.Moved[4].Distance > api.Moved[3].Distance/5 {
		t.Errorf("the first unswapped word moved %g, the last swapped %g", api.Moved[4].Distance, api.Moved[3].Distance)
	}

	rec := a.get("/compare/align?" + q + "&n=10")
	if rec.Code != http.StatusOK {
		t.Fatalf("page: %d %s", rec.Code, rec.Body.String())
	}
	doc := parse(t, rec.Body.String())
	if got, want := text(find(doc, "span", "align-shared")), views.Count(demo.Count); got != want {
		t.Errorf("shared on the page %q, want %q", got, want)
	}
	if got, want := text(find(doc, "span", "align-residual")), strconv.FormatFloat(api.Residual, 'f', 4, 64); got != want {
		t.Errorf("residual on the page %q, API %q", got, want)
	}
	rows := findAll(find(find(doc, "table", "moved-table"), "tbody", ""), "tr")
	if len(rows) != len(api.Moved) {
		t.Fatalf("%d rows on the page, %d in the API", len(rows), len(api.Moved))
	}
	for i, tr := range rows {
		cells := findAll(tr, "td")
		word, dist := text(cells[1]), text(cells[2])
		if word != api.Moved[i].Word || dist != strconv.FormatFloat(api.Moved[i].Distance, 'f', 4, 64) {
			t.Errorf("row %d: page %s %s, API %s %.4f", i, word, dist, api.Moved[i].Word, api.Moved[i].Distance)
		}
		if href := attr(find(cells[1], "a", ""), "href"); href != fmt.Sprintf("/vectors/%d/words/%s", rotID, url.PathEscape(word)) {
			t.Errorf("row %d links to %s", i, href)
		}
	}

	// The frequency filter: ranks 1–100 leave out water (rank > 100?) only
	// if it is rarer; every listed word has both ranks ≤ 100.
	filtered := getJSON[alignAPI](t, a, "/api/compare/align?"+q+"&max_rank=100&n=1000")
	if filtered.Matching != len(filtered.Moved) || filtered.Matching > 100 || filtered.Matching < 90 {
		t.Errorf("ranks 1–100: %d matching, %d listed", filtered.Matching, len(filtered.Moved))
	}
	for _, m := range filtered.Moved {
		if m.RankA >= 100 || m.RankB >= 100 {
			t.Errorf("%s has ranks %d, %d outside 1–100", m.Word, m.RankA+1, m.RankB+1)
		}
	}
	// fit_top changes the fit, and is part of the cache key.
	top := getJSON[alignAPI](t, a, "/api/compare/align?"+q+"&fit_top=500&n=4")
	if top.FitWords != 500 || top.Shared != demo.Count {
		t.Errorf("fit_top=500: fit %d of %d", top.FitWords, top.Shared)
	}

	// A swapped word's neighbours: in B it sits where "water" was.
	nb := getJSON[alignAPI](t, a, "/api/compare/align?"+q+"&word=king")
	if nb.Neighbours == nil || len(nb.Neighbours.Kept) > 2 || len(nb.Neighbours.Lost) < 8 {
		t.Fatalf("king's neighbours: %+v", nb.Neighbours)
	}
	page := a.get("/compare/align?" + q + "&word=king")
	doc = parse(t, page.Body.String())
	if len(findAll(find(doc, "table", "neighbours-a"), "tr")) != 11 || !strings.Contains(text(find(doc, "table", "neighbours-a")), "lost") {
		t.Errorf("neighbour table in A: %q", text(find(doc, "table", "neighbours-a")))
	}
	if !strings.Contains(text(find(doc, "table", "neighbours-b")), "gained") {
		t.Errorf("neighbour table in B: %q", text(find(doc, "table", "neighbours-b")))
	}

	// The aligned map, through the downloads convention.
	img := find(find(doc, "figure", "align-plot"), "img", "")
	src := attr(img, "src")
	png1 := a.get(src)
	if png1.Code != http.StatusOK || png1.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("map %s: %d %s", src, png1.Code, png1.Body.String())
	}
	if _, err := png.Decode(png1.Body); err != nil {
		t.Errorf("map PNG: %v", err)
	}
	csvRec := a.get(strings.Replace(src, "format=png", "format=csv&download=1", 1))
	if !strings.HasPrefix(csvRec.Body.String(), "word,a_x,a_y,b_x,b_y,distance\nking,") {
		t.Errorf("map CSV starts %q", csvRec.Body.String()[:min(80, csvRec.Body.Len())])
	}
	// The one naming rule: gloveboard-<set A>-align-onto-<set B>-fit<N>-<word>.
	if cd := csvRec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="gloveboard-glove-6b-50d-4k-words-demo-align-onto-rotated-copy-`) ||
		!strings.Contains(cd, `-fit0-king.csv"`) {
		t.Errorf("CSV Content-Disposition %q", cd)
	}
	if lines := strings.Count(csvRec.Body.String(), "\n"); lines != 13 {
		t.Errorf("CSV has %d lines, want a header and 12 words", lines)
	}
}

func TestCompareBadInput(t *testing.T) {
	a := newModelApp(t, "")
	demoID := demoSet(t, a)
	other := uploadText(t, a, "disjoint", "zzqa 1 0\nzzqb 0 1\nking 1 1\n")
	q := fmt.Sprintf("a=%d&b=%d", demoID, demoID)
	axes := fmt.Sprintf("/vectors/%d/axes", demoID)
	weatPath := fmt.Sprintf("/vectors/%d/weat", demoID)
	for _, c := range []struct {
		path   string
		status int
		want   string
	}{
		{"/compare/align?a=" + strconv.FormatInt(demoID, 10) + "&b=", 400, "Choose the second vector set"},
		{"/api/compare/align?a=" + strconv.FormatInt(demoID, 10), 400, "Choose the second vector set"},
		{"/api/compare/align?a=999&b=1", 404, "no vector set with id 999"},
		{"/api/compare/align?a=x&b=1", 400, "not a valid vector set id"},
		{"/api/compare/align?" + q + "&fit_top=-3", 400, "fit_top"},
		{"/api/compare/align?" + q + "&max_rank=5&min_rank=10", 400, "below the lowest"},
		{"/api/compare/align?" + q + "&n=0", 400, "number of words listed"},
		{fmt.Sprintf("/api/compare/align?a=%d&b=%d", demoID, other), 422, "share 1 word"},
		{fmt.Sprintf("/compare/align?a=%d&b=%d", demoID, other), 422, "share 1 word"},
		{"/api/compare/align?" + q + "&word=notawordzz", 422, "is not in"},
		{fmt.Sprintf("/api/compare/align?%s&fit_top=1", q), 422, "at least 2"},
		{axes + "?mode=pairs&pairs=", 422, "at least one word pair"},
		{axes + "?pairs=he+she+it", 400, "is not a pair"},
		{axes + "?pairs=he+he", 400, "with itself"},
		{axes + "?mode=sets&set_a=he&set_b=", 400, "both sets"},
		{axes + "?mode=sets&set_a=he+him&set_b=she+him", 400, "in both word sets"},
		{axes + "?pairs=zzqx+zzqy", 422, "No axis can be drawn"},
		{axes + "?pairs=he+she&top=1", 400, "top"},
		{axes + "?pairs=he+she&words=he+she", 400, "besides the words"},
		{axes + "?mode=diagonal&pairs=he+she", 400, "pairs or sets"},
		{fmt.Sprintf("/vectors/%d/plots/axes?pairs=he", demoID), 400, "is not a pair"},
		{weatPath + "?x=rose&y=ant&a=love&b=", 400, "Set B is empty"},
		{weatPath + "?x=rose+zzqq&y=ant+bee&a=love&b=death", 422, "Set X has 1 word"},
		{weatPath + "?x=he+man&y=man+she&a=work&b=home", 400, "both target sets"},
		{weatPath + "?example=nope", 400, "no built-in test"},
		{weatPath + "?x=rose+lily&y=ant+bee&a=love&b=death&permutations=0", 400, "permutations"},
	} {
		rec := a.get(c.path)
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("GET %s: %d, want %d with %q; body %.300s", c.path, rec.Code, c.status, c.want, rec.Body.String())
		}
	}
	for _, c := range []struct {
		body   string
		status int
		want   string
	}{
		{`{"x": ["rose"]`, 400, "JSON object"},
		{`{"x": ["rose", "lily"], "y": ["ant", "bee"], "a": ["love"], "b": [], "seed": 1}`, 400, "Set B is empty"},
		{`{"x": ["rose", "lily"], "y": ["ant", "bee"], "a": ["love"], "b": ["death"], "permutations": 0}`, 400, "permutations"},
		{`{"x": ["rose", "lily"], "y": ["ant", "bee"], "a": ["love"], "b": ["death"], "extra": 1}`, 400, "unknown field"},
		{`{"example": "flowers-insects", "x": ["rose"]}`, 400, "not both"},
	} {
		rec := a.postWEAT(demoID, c.body)
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("POST %s: %d, want %d with %q; body %.300s", c.body, rec.Code, c.status, c.want, rec.Body.String())
		}
	}
}

func (a *app) postWEAT(id int64, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/vectors/%d/weat", id), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", a.tok)
	return a.do(req)
}

type weatAPI struct {
	EffectSize   float64  `json:"effect_size"`
	PValue       float64  `json:"p_value"`
	Permutations int      `json:"permutations"`
	Exact        bool     `json:"exact"`
	Missing      []string `json:"missing"`
	Statistic    float64  `json:"statistic"`
}

// TestWEATPageMatchesAPI runs the paper's science/arts test on the demo
// set from the page and through the API (the same effect size and exact
// p-value, the dropped words named, the conventions shown), then a test
// with more than 100,000 partitions, sampled with a seed, on both.
func TestWEATPageMatchesAPI(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	rec := a.get(fmt.Sprintf("/vectors/%d/weat?example=science-arts", id))
	if rec.Code != http.StatusOK {
		t.Fatalf("page: %d %.400s", rec.Code, rec.Body.String())
	}
	doc := parse(t, rec.Body.String())
	if note := text(find(doc, "p", "weat-note")); !strings.Contains(note, "were dropped: chemistry, Einstein") {
		t.Errorf("note %q does not name the dropped words", note)
	}
	var ex weatAPI
	exRec := a.postWEAT(id, `{"example": "science-arts"}`)
	if err := json.Unmarshal(exRec.Body.Bytes(), &ex); err != nil || !ex.Exact || len(ex.Missing) == 0 {
		t.Fatalf("example via the API: %s (%v)", exRec.Body.String(), err)
	}
	checkWEAT(t, doc, ex, "exact")
	page := text(find(doc, "main", ""))
	for _, conv := range []string{"mean cosine of w to the words of A", "n − 1", "the observed one included", "100,000", "The paper reports d = 1.24"} {
		if !strings.Contains(page, conv) {
			t.Errorf("the page does not state %q", conv)
		}
	}

	lists := map[string]string{"x": "he him his man men boy boys father son brother king", "y": "she her woman women girl girls mother daughter wife queen lady",
		"a": "work business office money company", "b": "home family children house love"}
	form := url.Values{"permutations": {"20000"}, "seed": {"3"}}
	body := map[string]any{"permutations": 20000, "seed": 3}
	for k, v := range lists {
		form.Set(k, v)
		body[k] = strings.Fields(v)
	}
	rec = a.get(fmt.Sprintf("/vectors/%d/weat?%s", id, form.Encode()))
	if rec.Code != http.StatusOK {
		t.Fatalf("page: %d %.400s", rec.Code, rec.Body.String())
	}
	js, _ := json.Marshal(body)
	apiRec := a.postWEAT(id, string(js))
	var api weatAPI
	if err := json.Unmarshal(apiRec.Body.Bytes(), &api); err != nil || apiRec.Code != http.StatusOK {
		t.Fatalf("API: %d %s", apiRec.Code, apiRec.Body.String())
	}
	if api.Exact || api.Permutations != 20000 || len(api.Missing) > 2 {
		t.Errorf("API: exact %v over %d, missing %v; want sampled over 20000", api.Exact, api.Permutations, api.Missing)
	}
	checkWEAT(t, parse(t, rec.Body.String()), api, "sampled")
	if !strings.Contains(rec.Body.String(), "seed 3") {
		t.Error("the sampled result does not state its seed")
	}
	// A small test is exact.
	small := a.postWEAT(id, `{"x": ["he", "him", "man"], "y": ["she", "her", "woman"], "a": ["work"], "b": ["home"]}`)
	var sm weatAPI
	if err := json.Unmarshal(small.Body.Bytes(), &sm); err != nil || !sm.Exact || sm.Permutations != 20 {
		t.Errorf("small test: %s", small.Body.String())
	}
}

// checkWEAT compares the page's numbers with the API's.
func checkWEAT(t *testing.T, doc *html.Node, api weatAPI, how string) {
	t.Helper()
	if got, want := text(find(doc, "span", "weat-effect")), strconv.FormatFloat(api.EffectSize, 'f', 4, 64); got != want {
		t.Errorf("effect size: page %s, API %s", got, want)
	}
	if got, want := text(find(doc, "span", "weat-p")), views.PValue(views.NewLocale(views.English), api.PValue); got != want {
		t.Errorf("p-value: page %s, API %s", got, want)
	}
	if got := text(find(doc, "p", "weat-how")); !strings.Contains(got, how) || !strings.Contains(got, views.Count(api.Permutations)) {
		t.Errorf("page says %q; API exact %v over %d", got, api.Exact, api.Permutations)
	}
}

// TestAxesPage: the he→she axis of the demo set puts "she"-side words at
// one end and "he"-side words at the other, lists no pole word, and
// draws the figure; the sets mode gives the same ranking as pairs whose
// offsets average to the same direction.
func TestAxesPage(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	path := fmt.Sprintf("/vectors/%d/axes?pairs=%s&words=%s&n=3", id, url.QueryEscape("he she\nman woman\nking queen"),
		url.QueryEscape("mother father daughter son actress actor wife husband"))
	rec := a.get(path)
	if rec.Code != http.StatusOK {
		t.Fatalf("%d %.300s", rec.Code, rec.Body.String())
	}
	doc := parse(t, rec.Body.String())
	col := func(id string) []string {
		var out []string
		for _, tr := range findAll(find(find(doc, "table", id), "tbody", ""), "tr") {
			out = append(out, text(findAll(tr, "td")[1]))
		}
		return out
	}
	female := map[string]bool{"mother": true, "daughter": true, "actress": true, "wife": true}
	to, from := col("axis-to"), col("axis-from")
	if len(to) != 3 || len(from) != 3 {
		t.Fatalf("toward she %v, toward he %v", to, from)
	}
	for i := range 3 {
		if !female[to[i]] || female[from[i]] {
			t.Errorf("toward she %v, toward he %v", to, from)
			break
		}
	}
	img := attr(find(find(doc, "figure", "axes-plot"), "img", ""), "src")
	if r := a.get(img); r.Code != http.StatusOK || r.Header().Get("Content-Type") != "image/png" {
		t.Errorf("axis plot %s: %d", img, r.Code)
	}
	// Sets mode with the same words: mean(B) − mean(A) is the mean of the
	// three pair offsets, so the ranking is the same.
	sets := fmt.Sprintf("/vectors/%d/axes?mode=sets&set_a=%s&set_b=%s&words=%s&n=3", id, url.QueryEscape("he man king"), url.QueryEscape("she woman queen"),
		url.QueryEscape("mother father daughter son actress actor wife husband"))
	doc = parse(t, a.get(sets).Body.String())
	if got := col("axis-to"); strings.Join(got, " ") != strings.Join(to, " ") {
		t.Errorf("sets mode %v, pairs mode %v", got, to)
	}
	// Without a query the page shows the form with example pairs.
	if form := a.get(fmt.Sprintf("/vectors/%d/axes", id)); form.Code != http.StatusOK || !strings.Contains(form.Body.String(), "he she") {
		t.Errorf("form: %d", form.Code)
	}
}

// TestExploreLinksToCompare: the Explore page and the list link to the
// three Compare pages.
func TestExploreLinksToCompare(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	page := a.get(fmt.Sprintf("/vectors/%d/explore", id)).Body.String()
	for _, href := range []string{fmt.Sprintf("/compare/align?a=%d", id), fmt.Sprintf("/vectors/%d/axes", id), fmt.Sprintf("/vectors/%d/weat", id)} {
		if !strings.Contains(page, `href="`+href+`"`) {
			t.Errorf("the Explore page lacks a link to %s", href)
		}
		if r := a.get(href); r.Code != http.StatusOK {
			t.Errorf("%s: %d", href, r.Code)
		}
	}
	if list := a.get("/explore").Body.String(); !strings.Contains(list, `href="/compare/align?a=`) {
		t.Error("the Explore list lacks Compare links")
	}
}

// TestAlignJob: above the service's MaxInstantAlign the page offers a
// job instead of aligning in the request; after the job the page and the
// API show the result, and the job's card asks htmx to reload.
func TestAlignJob(t *testing.T) {
	a := newAppConfig(t, func(o *appOptions) { o.service.MaxInstantAlign = 100 })
	demoID := demoSet(t, a)
	rotID := uploadRotated(t, a, demoID, 0.01, [][2]string{{"king", "water"}})
	q := fmt.Sprintf("a=%d&b=%d", demoID, rotID)

	page := a.get("/compare/align?" + q + "&word=king")
	doc := parse(t, page.Body.String())
	if page.Code != http.StatusOK || find(doc, "form", "align-job-form") == nil || !strings.Contains(text(find(doc, "p", "align-error")), "more than the 100 aligned while you wait") {
		t.Fatalf("large alignment page: %d %q", page.Code, text(find(doc, "p", "align-error")))
	}
	if rec := a.get("/api/compare/align?" + q); rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), "background") {
		t.Errorf("API before the job: %d %s", rec.Code, rec.Body.String())
	}
	// The form posts the sets and the chosen word.
	form := url.Values{"a": {strconv.FormatInt(demoID, 10)}, "b": {strconv.FormatInt(rotID, 10)}, "word": {"king"}, "n": {""}}
	req := httptest.NewRequest(http.MethodPost, "/compare/align?_csrf="+a.tok, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := a.do(req)
	loc, err := url.Parse(rec.Header().Get("Location"))
	if rec.Code != http.StatusSeeOther || err != nil || loc.Query().Get("job") == "" || loc.Query().Get("word") != "king" {
		t.Fatalf("POST: %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	jobID, _ := strconv.ParseInt(loc.Query().Get("job"), 10, 64)
	if info, err := a.jobs.Wait(context.Background(), jobID); err != nil || info.Status != "done" || info.Kind != "align" {
		t.Fatalf("job: %+v, %v", info, err)
	}
	frag := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/compare/align/jobs/%d", jobID), nil)
	frag.Header.Set("HX-Request", "true")
	if rec := a.do(frag); rec.Code != http.StatusOK || rec.Header().Get("HX-Refresh") != "true" {
		t.Errorf("job fragment: %d, HX-Refresh %q", rec.Code, rec.Header().Get("HX-Refresh"))
	}
	doc = parse(t, a.get(loc.String()).Body.String())
	if find(doc, "table", "moved-table") == nil {
		t.Fatalf("no result after the job: %s", text(find(doc, "main", "")))
	}
	moved := findAll(find(find(doc, "table", "moved-table"), "tbody", ""), "tr")
	top := []string{text(findAll(moved[0], "td")[1]), text(findAll(moved[1], "td")[1])}
	slices.Sort(top)
	if strings.Join(top, " ") != "king water" {
		t.Errorf("most moved after the job: %v", top)
	}
	if find(doc, "section", "align-neighbours") == nil {
		t.Error("the chosen word's neighbours are missing after the job")
	}
	if api := getJSON[alignAPI](t, a, "/api/compare/align?"+q+"&n=2"); len(api.Moved) != 2 {
		t.Errorf("API after the job: %+v", api)
	}
	// The API starts the same job; another job's id is not an alignment.
	areq := httptest.NewRequest(http.MethodPost, "/api/compare/align?"+q+"&fit_top=50", nil)
	areq.Header.Set("X-CSRF-Token", a.tok)
	if rec := a.do(areq); rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), `"result_url":"/api/compare/align?a=`) {
		t.Errorf("API job: %d %s", rec.Code, rec.Body.String())
	}
	if rec := a.get("/compare/align?" + q + "&job=999"); rec.Code != http.StatusNotFound {
		t.Errorf("unknown job: %d", rec.Code)
	}
}
