package handlers_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/store"
)

// demoCorpusID returns the id of the demo corpus.
func demoCorpusID(t *testing.T, a *app) int64 {
	t.Helper()
	cs, err := a.st.Corpora(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Source == store.SourceDemo {
			return c.ID
		}
	}
	t.Fatal("no demo corpus")
	return 0
}

// postSpectrum posts body (JSON when it starts with "{", a form otherwise)
// to path with the CSRF header; hx marks it as an htmx request.
func (a *app) postSpectrum(path, body string, hx bool) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	if strings.HasPrefix(body, "{") {
		req.Header.Set("Content-Type", "application/json")
	} else {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if hx {
		req.Header.Set("HX-Request", "true")
	}
	return a.do(withToken(req, a.tok))
}

// apiSpectrum is the finished answer of GET /api/corpora/:id/spectra/:job.
type apiSpectrum struct {
	JobID          int64     `json:"job_id"`
	Status         string    `json:"status"`
	Progress       float64   `json:"progress"`
	Matrix         string    `json:"matrix"`
	Solver         string    `json:"solver"`
	N              int       `json:"n"`
	TopN           int       `json:"top_n"`
	K              int       `json:"k"`
	NNZ            int       `json:"nnz"`
	SingularValues []float64 `json:"singular_values"`
	Fit            *struct {
		Beta  float64 `json:"beta"`
		R2    float64 `json:"r2"`
		From  int     `json:"from"`
		To    int     `json:"to"`
		LogC  float64 `json:"log_c"`
		ExpR2 float64 `json:"exponential_r2"`
	} `json:"fit"`
}

// startSpectrum starts a spectrum through the API, waits for the job and
// returns its finished result.
func (a *app) startSpectrum(t *testing.T, corpusID int64, body string) apiSpectrum {
	t.Helper()
	rec := a.postSpectrum(fmt.Sprintf("/api/corpora/%d/spectrum", corpusID), body, false)
	var started struct {
		JobID     int64  `json:"job_id"`
		ResultURL string `json:"result_url"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &started); err != nil || rec.Code != http.StatusAccepted || started.JobID == 0 {
		t.Fatalf("POST spectrum %s = %d %s", body, rec.Code, rec.Body)
	}
	if want := fmt.Sprintf("/api/corpora/%d/spectra/%d", corpusID, started.JobID); started.ResultURL != want {
		t.Errorf("result_url %q, want %q", started.ResultURL, want)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	info, err := a.jobs.Wait(ctx, started.JobID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != store.JobDone {
		t.Fatalf("spectrum job %s: %s", info.Status, info.Error)
	}
	rec = a.get(started.ResultURL)
	var res apiSpectrum
	if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("GET %s = %d %s", started.ResultURL, rec.Code, clipBody(rec.Body.String()))
	}
	return res
}

// denseTop returns the top k singular values of m by gonum's dense SVD.
func denseTop(t *testing.T, m *spectrum.CSR, k int) []float64 {
	t.Helper()
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(m.Rows, m.Cols, m.Dense()), mat.SVDNone) {
		t.Fatal("dense SVD did not converge")
	}
	return svd.Values(nil)[:k]
}

// TestCorpusSpectrumAPI builds the demo corpus through the API, computes
// small spectra (top 500 words, k = 20) of each weighting through the API
// and compares them with spectrum.LanczosSVD called directly with the
// same options (the same computation: 1e-12 relative) and with gonum's
// dense SVD of the same 500×500 matrix (1e-9 relative: the solver
// converges to working precision), and checks the fit, the downloads and
// the page.
func TestCorpusSpectrumAPI(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoCorpusID(t, a)
	if info := a.buildByAPI(t, id, `{}`); info.Status != store.JobDone {
		t.Fatalf("demo build %s: %s", info.Status, info.Error)
	}
	l, err := corpusbuild.Load(a.st.CorpusBuildDir(id))
	if err != nil {
		t.Fatal(err)
	}
	const topN, k = 500, 20
	// Relative tolerances. The web job is the same computation as
	// LanczosSVD with the same options, so it must agree to rounding; the
	// solver converges to a residual of 1e-10·σ₁², so the values agree
	// with the dense SVD's to about 1e-10 relative at these ranks.
	const (
		sameTol  = 1e-12
		denseTol = 1e-9
	)
	tests := []struct {
		matrix string
		body   string
		w      spectrum.Weighting
	}{
		{"ppmi", `{"matrix":"ppmi","top_n":500,"k":20}`, spectrum.PPMI},
		{"log", "matrix=log&top_n=500&k=20", spectrum.Log1p},
		{"counts", "matrix=counts&top_n=500&k=20&fit_from=2&fit_to=15", spectrum.Counts},
	}
	for _, tc := range tests {
		t.Run(tc.matrix, func(t *testing.T) {
			got := a.startSpectrum(t, id, tc.body)
			if got.Solver != "lanczos" {
				t.Errorf("solver %q, want lanczos", got.Solver)
			}
			if got.Matrix != tc.matrix || got.TopN != topN || got.N != topN || got.K != k || len(got.SingularValues) != k || got.Status != "done" || got.Progress != 1 {
				t.Fatalf("matrix %q top_n %d n %d k %d, %d values, %s %.2f; want %s, %d, %d, %d values, done 1",
					got.Matrix, got.TopN, got.N, got.K, len(got.SingularValues), got.Status, got.Progress, tc.matrix, topN, k, k)
			}
			m := spectrum.Weight(spectrum.FromCooccur(l.Matrix, topN), tc.w, 0)
			if got.NNZ != m.NNZ() {
				t.Errorf("nnz %d, want %d", got.NNZ, m.NNZ())
			}
			direct, err := spectrum.LanczosSVD(context.Background(), m, spectrum.LanczosOptions{K: k, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			dense := denseTop(t, m, k)
			var worst float64
			for i, v := range got.SingularValues {
				if !(v > 0) || math.IsInf(v, 0) {
					t.Errorf("σ_%d = %v, want positive and finite", i+1, v)
				}
				if i > 0 && v > got.SingularValues[i-1] {
					t.Errorf("σ_%d = %v > σ_%d = %v: not descending", i+1, v, i, got.SingularValues[i-1])
				}
				if rel := math.Abs(v-direct[i]) / direct[i]; rel > sameTol {
					t.Errorf("σ_%d = %v, LanczosSVD gives %v (relative difference %.2g > %g)", i+1, v, direct[i], rel, sameTol)
				}
				rel := math.Abs(v-dense[i]) / dense[i]
				worst = max(worst, rel)
				if rel > denseTol {
					t.Errorf("σ_%d = %v, dense SVD gives %v (relative difference %.2g > %g)", i+1, v, dense[i], rel, denseTol)
				}
			}
			t.Logf("relative difference from the dense SVD: at most %.2g", worst)
			f := got.Fit
			if f == nil {
				t.Fatal("no fit")
			}
			wantFrom, wantTo := 1, k
			if tc.matrix == "counts" {
				wantFrom, wantTo = 2, 15
			}
			if f.From != wantFrom || f.To != wantTo {
				t.Errorf("fit over %d–%d, want %d–%d", f.From, f.To, wantFrom, wantTo)
			}
			for name, v := range map[string]float64{"beta": f.Beta, "r2": f.R2, "log_c": f.LogC, "exponential_r2": f.ExpR2} {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Errorf("fit %s = %v, want finite", name, v)
				}
			}
			want, err := spectrum.FitPowerLaw(got.SingularValues, wantFrom, wantTo)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(f.Beta-want.Beta) > 1e-12 || math.Abs(f.R2-want.R2) > 1e-12 || math.Abs(f.ExpR2-want.ExpR2) > 1e-12 {
				t.Errorf("fit β %v R² %v exp R² %v, FitPowerLaw gives %v %v %v", f.Beta, f.R2, f.ExpR2, want.Beta, want.R2, want.ExpR2)
			}
			if !(f.Beta > 0) || f.R2 < 0 || f.R2 > 1 {
				t.Errorf("β = %v, R² = %v: want β > 0 for a decaying spectrum and R² in [0, 1]", f.Beta, f.R2)
			}

			// The CSV download holds rank,singular_value exactly.
			plotURL := fmt.Sprintf("/corpora/%d/spectra/%d/plot", id, got.JobID)
			rec := a.get(plotURL + "?format=csv&download=1")
			if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Content-Disposition"), "spectrum") {
				t.Fatalf("CSV %d %q", rec.Code, rec.Header().Get("Content-Disposition"))
			}
			rows, err := csv.NewReader(rec.Body).ReadAll()
			if err != nil || len(rows) != k+1 || strings.Join(rows[0], ",") != "rank,singular_value" {
				t.Fatalf("CSV rows %q (%v)", rows, err)
			}
			for i, r := range rows[1:] {
				v, err := strconv.ParseFloat(r[1], 64)
				if r[0] != strconv.Itoa(i+1) || err != nil || v != got.SingularValues[i] {
					t.Errorf("CSV row %d = %q, want %d,%v", i+1, r, i+1, got.SingularValues[i])
				}
			}
		})
	}

	// The plot, the fragments and the corpus page, for the first job.
	res := a.startSpectrum(t, id, "top_n=500&k=20")
	plotURL := fmt.Sprintf("/corpora/%d/spectra/%d/plot", id, res.JobID)
	rec := a.get(plotURL + "?format=png")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("PNG %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
	if _, err := png.Decode(bytes.NewReader(rec.Body.Bytes())); err != nil {
		t.Errorf("PNG does not decode: %v", err)
	}
	rec = a.get(plotURL + "?format=svg&download=1")
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "<svg") || !strings.Contains(rec.Body.String(), "power law") {
		t.Errorf("SVG %d: %s", rec.Code, clipBody(rec.Body.String()))
	}
	for _, path := range []string{fmt.Sprintf("/corpora/%d/spectra/%d", id, res.JobID), fmt.Sprintf("/corpora/%d?spectrum=%d", id, res.JobID)} {
		rec := a.get(path)
		body := text(parse(t, rec.Body.String()))
		if rec.Code != http.StatusOK || !strings.Contains(body, "β = "+strconv.FormatFloat(res.Fit.Beta, 'f', 3, 64)) ||
			!strings.Contains(body, "What the numbers mean") || !strings.Contains(body, "exponential decay") {
			t.Errorf("%s: %d %s", path, rec.Code, clipBody(body))
		}
	}

	// The form: htmx gets the polling fragment, a plain POST a redirect.
	rec = a.postSpectrum(fmt.Sprintf("/corpora/%d/spectrum", id), "matrix=ppmi&top_n=300&k=10", true)
	if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), fmt.Sprintf(`hx-get="/corpora/%d/spectra/`, id)) {
		t.Errorf("htmx form POST: %d %s", rec.Code, clipBody(rec.Body.String()))
	}
	rec = a.postSpectrum(fmt.Sprintf("/corpora/%d/spectrum", id), "matrix=ppmi&top_n=300&k=10", false)
	if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || !strings.Contains(loc, fmt.Sprintf("/corpora/%d?spectrum=", id)) {
		t.Errorf("plain form POST: %d to %q", rec.Code, loc)
	}
	a.waitJobs(t)

	// The corpus page has the form with its defaults.
	page := parse(t, a.get(fmt.Sprintf("/corpora/%d", id)).Body.String())
	form := find(page, "form", "spectrum-form")
	if form == nil {
		t.Fatal("no spectrum form on the corpus page")
	}
	if got := attr(form, "hx-post"); got != fmt.Sprintf("/corpora/%d/spectrum", id) {
		t.Errorf("form hx-post %q", got)
	}
	n := min(l.Matrix.Dim(), 5000)
	for _, f := range []struct{ id, want string }{{"sp-top-n", strconv.Itoa(n)}, {"sp-k", strconv.Itoa(min(300, n))}, {"sp-fit-from", "1"}, {"sp-fit-to", ""}} {
		if in := find(form, "input", f.id); in == nil || attr(in, "value") != f.want {
			t.Errorf("input %s value %q, want %q", f.id, attr(in, "value"), f.want)
		}
	}
}

// TestCorpusSpectrumRefusals covers what is refused before a job starts:
// a GET of the address that starts the job (405), a spectrum over the
// memory budget (422 naming the need and the budget), and an unbuilt
// corpus (409); a job id of another kind or corpus is a 404.
func TestCorpusSpectrumRefusals(t *testing.T) {
	const budget = 96 << 10
	a := newAppConfig(t, func(o *appOptions) { o.service.MemoryBudget = budget })
	c := a.modelCorpus(t)
	var stats struct {
		VocabSize int `json:"vocab_size"`
	}
	if err := json.Unmarshal(a.get(fmt.Sprintf("/api/corpora/%d/stats", c.ID)).Body.Bytes(), &stats); err != nil || stats.VocabSize < 10 {
		t.Fatalf("stats: %+v %v", stats, err)
	}
	api := fmt.Sprintf("/api/corpora/%d/spectrum", c.ID)
	n := stats.VocabSize
	tests := []struct {
		name     string
		send     func() *httptest.ResponseRecorder
		wantCode int
		wantMsg  string
	}{
		{"GET of the page's job address", func() *httptest.ResponseRecorder { return a.get(fmt.Sprintf("/corpora/%d/spectrum", c.ID)) }, 405, "must be asked for with POST"},
		{"GET of the API's job address", func() *httptest.ResponseRecorder { return a.get(api + "?top_n=10&k=3") }, 405, "must be asked for with POST"},
		{"over the budget", func() *httptest.ResponseRecorder {
			return a.postSpectrum(api, fmt.Sprintf("top_n=%d&k=%d", n, n), false)
		}, 422, "96 KiB"},
		{"within the budget", func() *httptest.ResponseRecorder { return a.postSpectrum(api, "top_n=10&k=5", false) }, 202, ""},
		{"unbuilt corpus", func() *httptest.ResponseRecorder {
			x := a.modelUpload(t, "never built", []byte("a few words that nobody builds\n"))
			return a.postSpectrum(fmt.Sprintf("/api/corpora/%d/spectrum", x.ID), "top_n=10&k=3", false)
		}, 409, "has not been built yet"},
		{"unbuilt corpus (htmx fragment)", func() *httptest.ResponseRecorder {
			x := a.modelUpload(t, "never built either", []byte("other words that nobody builds\n"))
			return a.postSpectrum(fmt.Sprintf("/corpora/%d/spectrum", x.ID), "top_n=10&k=3", true)
		}, 409, "has not been built yet"},
		{"a spectrum job of another corpus", func() *httptest.ResponseRecorder {
			// Job 1 is the spectrum of the model corpus started above.
			return a.get(fmt.Sprintf("/api/corpora/%d/spectra/1", demoCorpusID(t, a)))
		}, 404, "no spectrum job 1"},
		{"an unknown job", func() *httptest.ResponseRecorder {
			return a.get(fmt.Sprintf("/corpora/%d/spectra/987654", c.ID))
		}, 404, "no spectrum job 987654"},
		{"a job id that is not a number", func() *httptest.ResponseRecorder {
			return a.get(fmt.Sprintf("/corpora/%d/spectra/abc", c.ID))
		}, 400, "not a valid spectrum job id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := tc.send()
			if rec.Code != tc.wantCode {
				t.Fatalf("status %d, want %d: %s", rec.Code, tc.wantCode, clipBody(rec.Body.String()))
			}
			if tc.wantMsg == "" {
				return
			}
			msg := rec.Body.String()
			if strings.HasPrefix(rec.Header().Get("Content-Type"), "application/json") {
				msg = message(t, rec)
			} else {
				msg = text(parse(t, msg))
			}
			if !strings.Contains(msg, tc.wantMsg) {
				t.Errorf("message %q lacks %q", clipBody(msg), tc.wantMsg)
			}
		})
	}
	a.waitJobs(t)
}

// TestCorpusSpectrumCancel cancels a spectrum job while the SVD runs: the
// job ends cancelled and its result address says so (409).
func TestCorpusSpectrumCancel(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoCorpusID(t, a)
	if info := a.buildByAPI(t, id, `{}`); info.Status != store.JobDone {
		t.Fatalf("demo build %s: %s", info.Status, info.Error)
	}
	rec := a.postSpectrum(fmt.Sprintf("/api/corpora/%d/spectrum", id), url.Values{"top_n": {"5000"}, "k": {"300"}}.Encode(), false)
	var started struct {
		JobID int64 `json:"job_id"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &started); err != nil || rec.Code != http.StatusAccepted {
		t.Fatalf("start: %d %s", rec.Code, rec.Body)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	for {
		info, err := a.jobs.Get(ctx, started.JobID)
		if err != nil {
			t.Fatal(err)
		}
		if info.Status.Final() {
			t.Fatalf("the job ended (%s) before it could be cancelled", info.Status)
		}
		if info.Status == store.JobRunning && info.Progress > 0.05 {
			break // inside the SVD
		}
		time.Sleep(2 * time.Millisecond)
	}
	if rec := a.do(withToken(httptest.NewRequest(http.MethodPost, fmt.Sprintf("/api/jobs/%d/cancel", started.JobID), nil), a.tok)); rec.Code >= 400 {
		t.Fatalf("cancel: %d %s", rec.Code, rec.Body)
	}
	info, err := a.jobs.Wait(ctx, started.JobID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != store.JobCancelled {
		t.Errorf("job %s after Cancel, want cancelled", info.Status)
	}
	rec = a.get(fmt.Sprintf("/api/corpora/%d/spectra/%d", id, started.JobID))
	if rec.Code != http.StatusConflict || !strings.Contains(rec.Body.String(), `"cancelled"`) {
		t.Errorf("result of a cancelled job: %d %s", rec.Code, rec.Body)
	}
}
