package handlers_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// apiWordExtras is the concordance and run part of the word JSON.
type apiWordExtras struct {
	ZipfRank    int `json:"zipf_rank"`
	Concordance struct {
		Lines []struct {
			Line   int64 `json:"line"`
			Tokens []struct {
				Text     string  `json:"text"`
				Role     string  `json:"role"`
				Distance int     `json:"distance"`
				Weight   float64 `json:"weight"`
			} `json:"tokens"`
		} `json:"lines"`
		BytesRead int64 `json:"bytes_read"`
		Complete  bool  `json:"complete"`
	} `json:"concordance"`
	Run *struct {
		Run       int64 `json:"run"`
		Error     string
		Neighbors []struct {
			Word  string  `json:"word"`
			Score float64 `json:"score"`
		} `json:"neighbors"`
		Overlap int `json:"overlap"`
		Fit     *struct {
			Partners   int      `json:"partners"`
			LogCountR  *float64 `json:"log_count_r"`
			LogCountR2 *float64 `json:"log_count_r2"`
			PMIR       *float64 `json:"pmi_r"`
			WordBias   float64  `json:"word_bias"`
			LogXW      float64  `json:"log_x_w"`
			Worst      []struct {
				Word     string  `json:"word"`
				X        float64 `json:"x"`
				F        float64 `json:"f"`
				LogX     float64 `json:"log_x"`
				Model    float64 `json:"model"`
				Residual float64 `json:"residual"`
				Dot      float64 `json:"dot"`
				PMI      float64 `json:"pmi_nats"`
			} `json:"worst"`
		} `json:"fit"`
	} `json:"run"`
}

func getWordExtras(t *testing.T, a *app, path string) apiWordExtras {
	t.Helper()
	rec := a.get(path)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d: %s", path, rec.Code, rec.Body)
	}
	var w apiWordExtras
	if err := json.Unmarshal(rec.Body.Bytes(), &w); err != nil {
		t.Fatal(err)
	}
	return w
}

// TestWordConcordanceHandComputed checks the tiny corpus's concordance
// (window 2, symmetric, 1/d) by hand: c occurs on the odd lines, after
// "a b a", so its window is a at distance 1 (weight 1) and b at 2 (0.5);
// summed over every line the window weights of each word are its row of
// tinyX. The page shows the API's lines with the weights on hover.
func TestWordConcordanceHandComputed(t *testing.T) {
	t.Parallel()
	a, page := tinyCorpus(t)
	c := getWordExtras(t, a, "/api"+page+"/words/c")
	if c.ZipfRank != 3 || !c.Concordance.Complete || c.Concordance.BytesRead != int64(len(tinyWords())) {
		t.Errorf("zipf rank %d, complete %v after %d bytes", c.ZipfRank, c.Concordance.Complete, c.Concordance.BytesRead)
	}
	var lines []int64
	for _, l := range c.Concordance.Lines {
		lines = append(lines, l.Line)
		var got []string
		for _, tk := range l.Tokens {
			got = append(got, fmt.Sprintf("%s/%s/%d/%g", tk.Text, tk.Role, tk.Distance, tk.Weight))
		}
		if want := "a/outside/0/0 b/window/-2/0.5 a/window/-1/1 c/keyword/0/0"; strings.Join(got, " ") != want {
			t.Errorf("line %d: %s, want %s", l.Line, strings.Join(got, " "), want)
		}
	}
	if !slices.Equal(lines, []int64{1, 3, 5, 7, 9}) {
		t.Errorf("c on lines %v, want 1 3 5 7 9", lines)
	}
	for w, row := range tinyX {
		got := getWordExtras(t, a, "/api"+page+"/words/"+w)
		sum := map[string]float64{}
		for _, l := range got.Concordance.Lines {
			for _, tk := range l.Tokens {
				sum[tk.Text] += tk.Weight
			}
		}
		for k, x := range row {
			if !near(sum[k], x) {
				t.Errorf("%s: window weights of %s sum to %g, X = %g", w, k, sum[k], x)
			}
		}
	}
	rec := a.get(page + "/words/c")
	doc := parse(t, rec.Body.String())
	table := find(doc, "table", "concordance-table")
	if table == nil {
		t.Fatalf("no concordance table: %s", mainText(t, rec))
	}
	if rows := findAll(table, "tr"); len(rows) != len(c.Concordance.Lines) {
		t.Errorf("page shows %d lines, API %d", len(rows), len(c.Concordance.Lines))
	}
	var titles []string
	for _, span := range findAll(table, "span") {
		if strings.HasPrefix(attr(span, "class"), "win ") {
			titles = append(titles, attr(span, "title"))
		}
	}
	if len(titles) != 10 || !strings.Contains(titles[0], "2 before; weight 1/2: adds 0.5 to X(c, b)") || !strings.Contains(titles[1], "adds 1 to X(c, a)") {
		t.Errorf("window titles %q", titles)
	}
	if s := text(find(doc, "p", "concordance-scope")); !strings.Contains(s, "All 5 occurrences") {
		t.Errorf("scope %q", s)
	}
	img := find(find(doc, "figure", "word-zipf-plot"), "img", "")
	if img == nil || !strings.Contains(attr(img, "src"), "word=c") {
		t.Fatalf("no Zipf plot marking c")
	}
	svg := a.get(page + "/plots/zipf?word=c&format=svg")
	if svg.Code != http.StatusOK || !strings.Contains(svg.Body.String(), "c: rank 3, f = 5") {
		t.Errorf("Zipf SVG = %d, legend missing the mark", svg.Code)
	}
}

// TestWordRunPanelHandComputed trains a run on the tiny corpus, reads
// its saved model, and recomputes the fit of row a by the definitions
// (model = w·w̃_k + b_w + b̃_k, f = min(1, (X/x_max)^α), residual =
// model − ln X, PMI = ln(X·S/(X_w X_k))): the API, the page and the CSV
// of the fit plot must show these numbers.
func TestWordRunPanelHandComputed(t *testing.T) {
	t.Parallel()
	a, page := tinyCorpus(t)
	corpusID, _ := strconv.ParseInt(strings.TrimPrefix(page, "/corpora/"), 10, 64)
	before := getWordExtras(t, a, "/api"+page+"/words/a")
	if before.Run != nil {
		t.Fatalf("a run panel before any run: %+v", before.Run)
	}
	id := a.modelStartRun(t, modelTrainValues(corpusID, map[string]string{"epochs": "5", "vector_size": "4"}))
	if r := a.modelWaitRun(t, id); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", id, r.Status)
	}
	dir, err := a.st.RunDir(id)
	if err != nil {
		t.Fatal(err)
	}
	m, err := runs.LoadModel(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := getWordExtras(t, a, fmt.Sprintf("/api%s/words/a?run=%d", page, id))
	if got.Run == nil || got.Run.Fit == nil || got.Run.Run != id {
		t.Fatalf("no fit: %+v", got.Run)
	}
	fit := got.Run.Fit
	rank := map[string]int{"a": 0, "b": 1, "c": 2}
	var sum float64
	rowSum := map[string]float64{}
	for w, row := range tinyX {
		for _, x := range row {
			sum += x
			rowSum[w] += x
		}
	}
	var model, logX, dot, pmi []float64
	for _, k := range []string{"a", "b", "c"} {
		x := tinyX["a"][k]
		var d float64
		for j := range 4 {
			d += m.Word.At(0, j) * m.Context.At(rank[k], j)
		}
		full := d + m.WordBias[0] + m.ContextBias[rank[k]]
		model, logX, dot = append(model, full), append(logX, math.Log(x)), append(dot, d)
		pmi = append(pmi, math.Log(x*sum/(rowSum["a"]*rowSum[k])))
		var w *struct {
			Word     string  `json:"word"`
			X        float64 `json:"x"`
			F        float64 `json:"f"`
			LogX     float64 `json:"log_x"`
			Model    float64 `json:"model"`
			Residual float64 `json:"residual"`
			Dot      float64 `json:"dot"`
			PMI      float64 `json:"pmi_nats"`
		}
		for i := range fit.Worst {
			if fit.Worst[i].Word == k {
				w = &fit.Worst[i]
			}
		}
		if w == nil {
			t.Fatalf("partner %s missing from %+v", k, fit.Worst)
		}
		f := math.Min(1, math.Pow(x/10, 0.75))
		if !near(w.X, x) || !near(w.F, f) || !near(w.Model, full) || !near(w.Residual, full-math.Log(x)) || !near(w.Dot, d) || !near(w.PMI, pmi[len(pmi)-1]) {
			t.Errorf("partner %s: %+v, want x %g f %g model %g dot %g pmi %g", k, *w, x, f, full, d, pmi[len(pmi)-1])
		}
	}
	pearson := func(p, q []float64) float64 {
		var mp, mq, spq, spp, sqq float64
		for i := range p {
			mp, mq = mp+p[i]/3, mq+q[i]/3
		}
		for i := range p {
			spq += (p[i] - mp) * (q[i] - mq)
			spp += (p[i] - mp) * (p[i] - mp)
			sqq += (q[i] - mq) * (q[i] - mq)
		}
		return spq / math.Sqrt(spp*sqq)
	}
	if fit.Partners != 3 || fit.LogCountR == nil || !near(*fit.LogCountR, pearson(model, logX)) || fit.PMIR == nil || !near(*fit.PMIR, pearson(dot, pmi)) {
		t.Errorf("fit %+v: want r(model, ln X) %g, r(dot, PMI) %g", fit, pearson(model, logX), pearson(dot, pmi))
	}
	if !near(fit.WordBias, m.WordBias[0]) || !near(fit.LogXW, math.Log(25)) {
		t.Errorf("b_w %g ln X_w %g, want %g %g", fit.WordBias, fit.LogXW, m.WordBias[0], math.Log(25))
	}
	// The page shows the API's statistics, and the plot's CSV its points.
	doc := parse(t, a.get(fmt.Sprintf("%s/words/a?run=%d", page, id)).Body.String())
	if s := text(find(doc, "span", "fit-logx-r")); s != strconv.FormatFloat(*fit.LogCountR, 'f', 3, 64) {
		t.Errorf("page r %q, API %g", s, *fit.LogCountR)
	}
	if s := text(find(doc, "span", "fit-pmi-r")); s != strconv.FormatFloat(*fit.PMIR, 'f', 3, 64) {
		t.Errorf("page PMI r %q, API %g", s, *fit.PMIR)
	}
	if n := len(findAll(find(doc, "ol", "neighbors-list"), "li")); n != len(got.Run.Neighbors) || n != 2 {
		t.Errorf("page shows %d neighbours, API %d (want 2 of 3 words)", n, len(got.Run.Neighbors))
	}
	rec := a.get(fmt.Sprintf("%s/words/a/plots/fit?run=%d&format=csv", page, id))
	rows, err := csv.NewReader(strings.NewReader(rec.Body.String())).ReadAll()
	if err != nil || len(rows) != 4 || rows[0][0] != "word" {
		t.Fatalf("fit CSV: %v %q", err, rows)
	}
	for _, r := range rows[1:] {
		v, _ := strconv.ParseFloat(r[4], 64)
		if k := rank[r[0]]; !near(v, model[k]) {
			t.Errorf("CSV model of %s = %g, want %g", r[0], v, model[k])
		}
	}
	if rec := a.get(fmt.Sprintf("%s/words/a/plots/fit?run=%d&format=png", page, id)); rec.Code != http.StatusOK {
		t.Errorf("fit PNG = %d", rec.Code)
	}
	for _, bad := range []string{"?run=999", "?run=x"} {
		if rec := a.get("/api" + page + "/words/a" + bad); rec.Code != http.StatusBadRequest {
			t.Errorf("run %s = %d, want 400", bad, rec.Code)
		}
	}
	// With the run's vectors deleted the word page still shows, and says
	// why the panel is empty.
	r, err := a.svc.Run(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec := a.postForm(fmt.Sprintf("/vectors/%d/delete", r.Results.VectorSetID), url.Values{}); rec.Code != http.StatusSeeOther {
		t.Fatalf("delete vectors = %d", rec.Code)
	}
	rec = a.get(fmt.Sprintf("%s/words/a?run=%d", page, id))
	if rec.Code != http.StatusOK || find(parse(t, rec.Body.String()), "p", "word-run-error") == nil {
		t.Errorf("word page after deleting the run's vectors = %d, no panel message", rec.Code)
	}
}

// TestWordConcordanceBudget checks the budget on a gzip corpus of 12 MB
// of text whose word "rare" occurs on the first and the last line: the
// concordance stops after about 8 MiB, finds only the first, and the
// page says how much it read.
func TestWordConcordanceBudget(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, "rare filler words here\n")
	for range 600_000 {
		io.WriteString(zw, "filler words here and there\n")
	}
	io.WriteString(zw, "rare filler words here\n")
	zw.Close()
	rec := a.upload(t, "/corpora", "big", "big.txt.gz", gz.Bytes())
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d: %s", rec.Code, rec.Body)
	}
	page := rec.Header().Get("Location")
	settings := url.Values{"tokenizer": {"words"}, "window": {"2"}, "symmetric": {"1"}, "distance_weighting": {"1"}, "min_count": {"1"}, "max_vocab": {"0"}}
	if rec := a.postForm(page+"/build", settings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	got := getWordExtras(t, a, "/api"+page+"/words/rare")
	c := got.Concordance
	if c.Complete || c.BytesRead < 8<<20-100 || c.BytesRead > 8<<20 || len(c.Lines) != 1 || c.Lines[0].Line != 1 {
		t.Errorf("complete %v after %d bytes, %d lines; want the 8 MiB budget and line 1 only", c.Complete, c.BytesRead, len(c.Lines))
	}
	scope := text(find(parse(t, a.get(page+"/words/rare").Body.String()), "p", "concordance-scope"))
	if !strings.Contains(scope, "in the first 8") || !strings.Contains(scope, "budget") {
		t.Errorf("scope %q does not say how much was read", scope)
	}
}
