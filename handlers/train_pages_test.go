package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// newModelApp is newApp with an evaluation directory ("" for none).
func newModelApp(t *testing.T, evalDir string) *app {
	t.Helper()
	return newAppConfig(t, func(o *appOptions) { o.service.EvalDir = evalDir })
}

// modelTinyCorpus is a small synthetic text with royal, gendered and plural
// words, enough for a few epochs in milliseconds.
func modelTinyCorpus() []byte {
	r := rand.New(rand.NewPCG(1, 2))
	subjects := []string{"the king", "the queen", "a man", "a woman", "the prince", "the princess", "the boy", "the girl", "the kings", "the queens"}
	verbs := []string{"rules", "walks", "sees", "loves", "visits", "leaves"}
	objects := []string{"the kingdom", "the castle", "the city", "paris", "france", "the river", "the cars", "a car", "the children", "a child"}
	var b bytes.Buffer
	for range 1500 {
		fmt.Fprintf(&b, "%s %s %s .\n", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))], objects[r.IntN(len(objects))])
	}
	return b.Bytes()
}

// modelWideCorpus has a few hundred word types, so that an epoch takes
// long enough to cancel a run in the middle.
func modelWideCorpus() []byte {
	r := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	for i := range 40000 {
		fmt.Fprintf(&b, "w%d ", int(400*r.Float64()*r.Float64()))
		if i%20 == 19 {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

// postModelForm posts form values with the CSRF header, as htmx does.
func (a *app) postModelForm(path string, v url.Values, hx bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-CSRF-Token", a.tok)
	if hx {
		req.Header.Set("HX-Request", "true")
	}
	return a.do(req)
}

// uploadCorpus uploads content and returns the new corpus.
func (a *app) modelUpload(t *testing.T, name string, content []byte) store.Corpus {
	t.Helper()
	rec := a.upload(t, "/corpora", name, name+".txt", content)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	loc := rec.Header().Get("Location")
	id, err := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], "/corpora/"), 10, 64)
	if err != nil {
		t.Fatalf("upload redirected to %q", loc)
	}
	c, err := a.st.Corpus(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// buildCorpus builds corpus c (window 5, every word kept) as the Corpus
// page's build job does.
func (a *app) modelBuild(t testing.TB, c store.Corpus) {
	t.Helper()
	ctx := context.Background()
	set := corpusbuild.DefaultSettings()
	set.MinCount, set.Window = 1, 5
	sum, err := corpusbuild.Build(ctx, c.Path, a.st.CorpusBuildDir(c.ID), set, corpusbuild.Budget{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.st.SetCorpusStats(ctx, c.ID, set, store.CorpusStats{Built: true, Tokens: sum.Tokens, Types: int64(sum.Types), VocabSize: int64(sum.VocabSize)}); err != nil {
		t.Fatal(err)
	}
}

// builtCorpus uploads and builds the tiny corpus.
func (a *app) modelCorpus(t *testing.T) store.Corpus {
	t.Helper()
	c := a.modelUpload(t, "tiny royal corpus", modelTinyCorpus())
	a.modelBuild(t, c)
	return c
}

func modelTrainValues(corpusID int64, over map[string]string) url.Values {
	v := url.Values{"corpus_id": {strconv.FormatInt(corpusID, 10)}, "vector_size": {"10"}, "epochs": {"2"},
		"x_max": {"10"}, "alpha": {"0.75"}, "eta": {"0.05"}, "threads": {"1"}, "seed": {"1"}}
	for k, x := range over {
		v.Set(k, x)
	}
	return v
}

// startRun posts the training form and returns the run id.
func (a *app) modelStartRun(t *testing.T, v url.Values) int64 {
	t.Helper()
	rec := a.postModelForm("/train", v, false)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("POST /train: %d %s", rec.Code, rec.Body)
	}
	id, err := strconv.ParseInt(strings.TrimPrefix(rec.Header().Get("Location"), "/runs/"), 10, 64)
	if err != nil {
		t.Fatalf("POST /train redirected to %q", rec.Header().Get("Location"))
	}
	return id
}

// waitRun waits until run id has left the running state.
func (a *app) modelWaitRun(t *testing.T, id int64) store.Run {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		r, err := a.st.Run(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status != store.RunRunning {
			// Let the job record its end too.
			for _, j := range modelJobs(t, a) {
				if j.Kind == "train" && !j.Status.Final() {
					a.jobs.Wait(context.Background(), j.ID)
				}
			}
			return r
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("run %d still running after 60 s", id)
	return store.Run{}
}

func modelJobs(t *testing.T, a *app) []service.JobInfo {
	t.Helper()
	l, err := a.jobs.List(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestTrainPageWithoutBuiltCorpus(t *testing.T) {
	a := newModelApp(t, "")
	rec := a.get("/train")
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /train: %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	if find(doc, "form", "train-form") != nil {
		t.Error("training form shown although no corpus is built")
	}
	body := text(doc)
	for _, want := range []string{"No corpus has been built yet", "Finished runs are scored on the Google analogy set", "No training runs yet", demo.CorpusName + " is not built yet"} {
		if !strings.Contains(body, want) {
			t.Errorf("train page lacks %q", want)
		}
	}
}

func TestTrainFormValidation(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	unbuilt := a.modelUpload(t, "unbuilt", []byte("just a few words here\n"))

	rec := a.get("/train")
	doc := parse(t, rec.Body.String())
	form := find(doc, "form", "train-form")
	if form == nil {
		t.Fatal("no training form with a built corpus")
	}
	if sel := find(form, "select", "train-corpus"); sel == nil || !strings.Contains(text(sel), "tiny royal corpus") || strings.Contains(text(sel), "unbuilt") {
		t.Errorf("corpus choice %q should offer only the built corpus", text(sel))
	}
	if !strings.Contains(text(doc), "unbuilt is not built yet") {
		t.Error("the unbuilt corpus is not pointed to its build page")
	}

	tests := []struct {
		field, value string
		status       int
		want         string
	}{
		{"vector_size", "0", 400, "vector size"},
		{"vector_size", "100000", 400, "vector size"},
		{"epochs", "0", 400, "epochs"},
		{"x_max", "0", 400, "x_max"},
		{"x_max", "-5", 400, "x_max"},
		{"alpha", "-0.5", 400, "α"},
		{"eta", "NaN", 400, "η"},
		{"eta", "Inf", 400, "η"},
		{"eta", "0", 400, "η"},
		{"eta", "fast", 400, "“fast” is not"},
		{"epochs", "2.5", 400, "whole number"},
		{"threads", "0", 400, "threads"},
		{"seed", "-1", 400, "seed"},
		{"corpus_id", "abc", 400, "Choose a corpus"},
		{"corpus_id", "9999", 404, "no corpus with id 9999"},
		{"corpus_id", strconv.FormatInt(unbuilt.ID, 10), 409, "has not been built yet"},
	}
	if !strings.Contains(text(doc), "J/2 divided by the number of nonzeros") {
		t.Errorf("the train page does not explain that the cost shown is a mean per nonzero: %q", text(doc))
	}
	for _, tc := range tests {
		rec := a.postModelForm("/train", modelTrainValues(c.ID, map[string]string{tc.field: tc.value}), false)
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s=%s: %d, want %d with %q; body %s", tc.field, tc.value, rec.Code, tc.status, tc.want, text(parse(t, rec.Body.String())))
		}
	}
	if rs, _ := a.st.Runs(context.Background()); len(rs) != 0 {
		t.Errorf("%d runs recorded from invalid forms", len(rs))
	}
	// The form needs the CSRF token.
	req := httptest.NewRequest(http.MethodPost, "/train", strings.NewReader(modelTrainValues(c.ID, nil).Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if rec := a.do(req); rec.Code != http.StatusForbidden {
		t.Errorf("POST /train without token: %d", rec.Code)
	}
}

func TestTrainEndToEnd(t *testing.T) {
	a := newModelApp(t, "") // no evaluation folder: the embedded sets score the run
	c := a.modelCorpus(t)
	id := a.modelStartRun(t, modelTrainValues(c.ID, nil))
	r := a.modelWaitRun(t, id)
	if r.Status != store.RunDone {
		t.Fatalf("run status %s, results %s", r.Status, r.Results)
	}
	loss, _ := a.st.Loss(context.Background(), id)
	if len(loss) != 2 || loss[1].Epoch != 2 {
		t.Fatalf("loss rows %+v, want epochs 1 and 2", loss)
	}

	rec := a.get(fmt.Sprintf("/runs/%d", id))
	if rec.Code != http.StatusOK {
		t.Fatalf("run page: %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	body := text(doc)
	// The cost shown is not the sum J of the training form's formula: the
	// page says what it is (the trainer's mean of ½ f(X)(…)² per nonzero).
	if c := find(doc, "span", "run-cost"); c == nil || !strings.Contains(text(c.Parent), "per nonzero") {
		t.Error("the run page does not say what its cost is (mean per nonzero)")
	}
	for _, want := range []string{"done", "Epoch 2 of 2", "Google analogies", "Total", "Semantic", "Syntactic", "WS-353", "SimLex-999", "MEN", "GloVe text", "word2vec binary", "Projector vectors.tsv", "Explore these vectors"} {
		if !strings.Contains(body, want) {
			t.Errorf("run page lacks %q", want)
		}
	}
	if prog := find(doc, "section", "run-progress"); prog == nil || attr(prog, "hx-trigger") != "" {
		t.Error("a finished run's progress still polls")
	}
	fig := find(doc, "figure", "loss-plot")
	if fig == nil {
		t.Fatal("no loss plot on the run page")
	}
	img := find(fig, "img", "")
	src := attr(img, "src")
	rec = a.get(src)
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("loss plot %s: %d %s", src, rec.Code, rec.Header().Get("Content-Type"))
	}
	if _, err := png.Decode(rec.Body); err != nil {
		t.Errorf("loss plot is not a PNG: %v", err)
	}
	rec = a.get(fmt.Sprintf("/runs/%d/plots/loss?format=csv&download=1", id))
	if cd := rec.Header().Get("Content-Disposition"); cd != fmt.Sprintf(`attachment; filename="gloveboard-run%d-tiny-royal-corpus-loss.csv"`, id) {
		t.Errorf("CSV disposition %q", cd)
	}
	if lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n"); len(lines) != 3 || lines[0] != "run,epoch,cost,seconds" {
		t.Errorf("loss CSV %q", rec.Body.String())
	}

	// The API reports the run with its loss curve and evaluation.
	rec = a.get(fmt.Sprintf("/api/runs/%d", id))
	var got struct {
		Status string `json:"status"`
		Params struct {
			VectorSize int     `json:"vector_size"`
			Eta        float64 `json:"eta"`
		} `json:"params"`
		Loss    []struct{ Epoch int } `json:"loss"`
		Results struct {
			VectorSetID int64 `json:"vector_set_id"`
			Evaluation  struct {
				Analogy struct {
					Total struct{ Questions int } `json:"total"`
				} `json:"analogy"`
				Similarity []struct {
					Name  string `json:"name"`
					Pairs int    `json:"pairs"`
				} `json:"similarity"`
			} `json:"evaluation"`
		} `json:"results"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("API run: %v: %s", err, rec.Body)
	}
	if got.Status != "done" || got.Params.VectorSize != 10 || len(got.Loss) != 2 || got.Results.VectorSetID == 0 ||
		got.Results.Evaluation.Analogy.Total.Questions < 19000 || len(got.Results.Evaluation.Similarity) != 3 {
		t.Errorf("API run: %s", rec.Body)
	}

	// The vectors are a trained vector set.
	v, err := a.st.VectorSet(context.Background(), got.Results.VectorSetID)
	if err != nil || v.Source != store.SourceTrained || v.RunID != id || v.Dim != 10 {
		t.Fatalf("vector set %+v, %v", v, err)
	}
	rec = a.get(fmt.Sprintf("/vectors/%d/download/word2vec.bin", v.ID))
	if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), strconv.Itoa(v.Count)+" 10\n") {
		t.Errorf("word2vec download: %d %q", rec.Code, rec.Body.String()[:min(20, rec.Body.Len())])
	}
	// Fidelity plots for the trained run.
	rec = a.get(fmt.Sprintf("/runs/%d/fidelity", id))
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "correlation r =") {
		t.Errorf("fidelity fragment: %d %s", rec.Code, rec.Body)
	}
	for _, kind := range []string{"logx", "pmi"} {
		rec = a.get(fmt.Sprintf("/runs/%d/plots/fidelity?kind=%s&format=svg", id, kind))
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<svg") {
			t.Errorf("fidelity %s SVG: %d", kind, rec.Code)
		}
	}
	if _, err := os.Stat(filepath.Join(a.st.Dir(), "runs", strconv.FormatInt(id, 10), "model.gob")); err != nil {
		t.Errorf("model file: %v", err)
	}

	// A second run and the comparison of both.
	id2 := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"eta": "0.1", "seed": "2"}))
	a.modelWaitRun(t, id2)
	rec = a.get(fmt.Sprintf("/runs/compare?runs=%d,%d", id, id2))
	if rec.Code != http.StatusOK {
		t.Fatalf("compare: %d", rec.Code)
	}
	doc = parse(t, rec.Body.String())
	if f := find(doc, "figure", "compare-plot"); f == nil {
		t.Error("no comparison plot")
	}
	if l := find(doc, "a", "toggle-log"); l == nil || !strings.HasSuffix(attr(l, "href"), "&log=1") {
		t.Error("no link to a logarithmic cost axis")
	}
	if rec := a.get(fmt.Sprintf("/runs/compare/plot?runs=%d,%d&log=1", id, id2)); rec.Code != http.StatusOK {
		t.Errorf("log-scale comparison: %d", rec.Code)
	}
	rec = a.get(fmt.Sprintf("/runs/compare/plot?runs=%d,%d&format=csv", id, id2))
	if n := strings.Count(rec.Body.String(), "\n"); n != 5 {
		t.Errorf("comparison CSV has %d lines, want 5: %s", n, rec.Body)
	}
	for path, status := range map[string]int{"/runs/compare?runs=1,x": 400, "/runs/compare?runs=999": 404, "/runs/999": 404, "/runs/abc": 400,
		fmt.Sprintf("/runs/%d/plots/loss?format=gif", id): 400} {
		if rec := a.get(path); rec.Code != status {
			t.Errorf("GET %s: %d, want %d", path, rec.Code, status)
		}
	}
}

func TestTrainDivergedAndCancelled(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)

	// An absurd learning rate makes the cost overflow.
	id := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"eta": "1e20", "epochs": "3"}))
	r := a.modelWaitRun(t, id)
	body := text(parse(t, a.get(fmt.Sprintf("/runs/%d", id)).Body.String()))
	if r.Status != store.RunFailed || !strings.Contains(body, "diverged at epoch 1") || !strings.Contains(body, "lower the learning rate η") {
		t.Errorf("diverged run: status %s, page %q", r.Status, body)
	}

	// A long run is cancelled from its page once it has started.
	wide := a.modelUpload(t, "wide", modelWideCorpus())
	a.modelBuild(t, wide)
	id = a.modelStartRun(t, modelTrainValues(wide.ID, map[string]string{"vector_size": "300", "epochs": "1000", "threads": "2"}))
	deadline := time.Now().Add(30 * time.Second)
	for {
		loss, _ := a.st.Loss(context.Background(), id)
		if len(loss) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no epoch finished in 30 s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	rec := a.get(fmt.Sprintf("/runs/%d/progress", id))
	if doc := parse(t, rec.Body.String()); find(doc, "button", "run-cancel") == nil || find(doc, "img", "") == nil {
		t.Errorf("running progress fragment lacks Cancel or the loss image: %s", rec.Body)
	}
	rec = a.postModelForm(fmt.Sprintf("/runs/%d/cancel", id), nil, true)
	if rec.Code != http.StatusOK {
		t.Fatalf("cancel: %d %s", rec.Code, rec.Body)
	}
	r = a.modelWaitRun(t, id)
	if r.Status != store.RunCancelled {
		t.Errorf("cancelled run has status %s", r.Status)
	}
	if body := a.get(fmt.Sprintf("/runs/%d", id)).Body.String(); !strings.Contains(body, "Cancelled after") {
		t.Errorf("cancelled run page lacks the reason")
	}

	// A queued run cancelled before it starts is cancelled too.
	block := make(chan struct{})
	bj, err := a.jobs.Submit("build-corpus", c.ID, func(ctx context.Context, _ jobs.Run) error {
		select {
		case <-block:
		case <-ctx.Done():
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	id = a.modelStartRun(t, modelTrainValues(c.ID, nil))
	if body := a.get(fmt.Sprintf("/runs/%d", id)).Body.String(); !strings.Contains(body, "queued") {
		t.Error("a waiting run is not shown as queued")
	}
	rec = a.postModelForm(fmt.Sprintf("/runs/%d/cancel", id), nil, false)
	if rec.Code != http.StatusSeeOther {
		t.Errorf("cancel without htmx: %d", rec.Code)
	}
	close(block)
	a.jobs.Wait(context.Background(), bj.ID)
	if r, _ := a.st.Run(context.Background(), id); r.Status != store.RunCancelled {
		t.Errorf("run cancelled while queued has status %s", r.Status)
	}
}

func TestRunAPI(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	post := func(body string, token bool) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/api/runs", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token {
			req.Header.Set("X-CSRF-Token", a.tok)
		}
		return a.do(req)
	}
	if rec := post(`{"corpus_id": 1}`, false); rec.Code != http.StatusForbidden {
		t.Errorf("API start without CSRF token: %d", rec.Code)
	}
	for body, status := range map[string]int{
		`{"corpus_id": ` + strconv.FormatInt(c.ID, 10) + `, "x_max": 0}`:      400,
		`{"corpus_id": ` + strconv.FormatInt(c.ID, 10) + `, "epochs": "ten"}`: 400,
		`{"corpus_id": ` + strconv.FormatInt(c.ID, 10) + `, "colour": 1}`:     400,
		`{"corpus_id": 4242}`: 404,
		`not json`:            400,
	} {
		rec := post(body, true)
		var e struct{ Error string }
		if rec.Code != status || json.Unmarshal(rec.Body.Bytes(), &e) != nil || e.Error == "" {
			t.Errorf("POST /api/runs %s: %d %s, want %d with an error", body, rec.Code, rec.Body, status)
		}
	}
	rec := post(fmt.Sprintf(`{"corpus_id": %d, "vector_size": 8, "epochs": 2, "x_max": 10, "threads": 1}`, c.ID), true)
	if rec.Code != http.StatusAccepted {
		t.Fatalf("POST /api/runs: %d %s", rec.Code, rec.Body)
	}
	var started struct {
		RunID int64 `json:"run_id"`
		JobID int64 `json:"job_id"`
	}
	json.Unmarshal(rec.Body.Bytes(), &started)
	if started.RunID == 0 || started.JobID == 0 {
		t.Fatalf("start answer %s", rec.Body)
	}
	a.modelWaitRun(t, started.RunID)
	rec = a.get("/api/runs")
	if !strings.Contains(rec.Body.String(), `"status":"done"`) || !strings.Contains(rec.Body.String(), `"evaluation":{"analogy":{"total"`) {
		t.Errorf("API runs list: %s", rec.Body)
	}
	if rec := a.get("/api/runs/77"); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "no training run with id 77") {
		t.Errorf("unknown run: %d %s", rec.Code, rec.Body)
	}
}
