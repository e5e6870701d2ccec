package handlers

// The singular-value spectrum of a built corpus's co-occurrence matrix,
// the web counterpart of `glove spectrum -corpus`: a form on the corpus
// page starts a job (the top-N block of the matrix, weighted as counts,
// log(1+X) or PPMI, then a Lanczos SVD), a fragment polls its progress
// and then shows the log–log plot with the power-law fit; the same as
// JSON under /api. Results are saved in the store when the job finishes
// (results.go) and the latest are kept in memory, keyed by job, like
// t-SNE maps.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

const (
	// kindCorpusSpectrum is the job kind of a co-occurrence spectrum.
	kindCorpusSpectrum = "corpus-spectrum"
	// maxSpectrumTopN is the most words (rows and columns) a spectrum
	// may use.
	maxSpectrumTopN     = 50_000
	defaultSpectrumTopN = 5000
	defaultSpectrumK    = 300
	// maxSpectrumResults is how many finished spectra stay in memory (all
	// are saved in the store).
	maxSpectrumResults = 16
	// spectrumSeed is the seed of the SVD's random start (the CLI's default).
	spectrumSeed = 1
)

// ErrSpectrumTooLarge marks a spectrum asked for more words than
// maxSpectrumTopN.
var ErrSpectrumTooLarge = errors.New("too many words for a co-occurrence spectrum")

// errSpectrumNeedsPost refuses a GET of the address that starts a job.
var errSpectrumNeedsPost = public(ErrNeedsPost, "The singular-value spectrum is computed by a background job, so it must be asked for with POST (the form on the corpus page does this). Its result is at /corpora/ID/spectra/JOB, or /api/corpora/ID/spectra/JOB as JSON.")

func (s *Server) registerCorpusSpectrumRoutes(e *echo.Echo) {
	e.POST("/corpora/:id/spectrum", s.startCorpusSpectrum)
	e.GET("/corpora/:id/spectrum", s.corpusSpectrumNeedsPost)
	e.GET("/corpora/:id/spectra/:job", s.corpusSpectrumFragment)
	e.GET("/corpora/:id/spectra/:job/plot", s.corpusSpectrumPlot)
	e.POST("/api/corpora/:id/spectrum", s.apiStartCorpusSpectrum)
	e.GET("/api/corpora/:id/spectrum", s.corpusSpectrumNeedsPost)
	e.GET("/api/corpora/:id/spectra/:job", s.apiCorpusSpectrum)
}

// spectrumParams are the request's fields as given ("" when absent).
type spectrumParams struct {
	matrix, topN, k, fitFrom, fitTo string
}

// spectrumRequest is a validated spectrum request.
type spectrumRequest struct {
	weighting spectrum.Weighting
	topN      int // rows and columns used (at most the vocabulary)
	k         int
	from, to  int // the fit's inclusive rank range (to resolved)
	nnz       int // nonzeros of the top-N block before weighting
	note      string
}

// corpusSpectrumResult is a finished spectrum.
type corpusSpectrumResult struct {
	corpusID int64
	name     string // the corpus's name, for file names
	req      spectrumRequest
	nnz      int // nonzeros of the weighted matrix
	values   []float64
	fit      spectrum.PowerLawFit
	fitErr   string // why no fit was made ("" when fit is set)
}

// weightingLabel names a weighting for people.
func weightingLabel(w spectrum.Weighting) string {
	switch w {
	case spectrum.Counts:
		return "raw counts X"
	case spectrum.Log1p:
		return "log(1 + X)"
	}
	return "PPMI"
}

// formSpectrumParams reads the form (or query) fields.
func formSpectrumParams(c echo.Context) spectrumParams {
	return spectrumParams{matrix: c.FormValue("matrix"), topN: c.FormValue("top_n"), k: c.FormValue("k"),
		fitFrom: c.FormValue("fit_from"), fitTo: c.FormValue("fit_to")}
}

// apiSpectrumParams reads a JSON body {"matrix", "top_n", "k", "fit_from",
// "fit_to"} when the request has one, and form or query fields otherwise.
func apiSpectrumParams(c echo.Context) (spectrumParams, error) {
	if !strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		return formSpectrumParams(c), nil
	}
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return spectrumParams{}, err
	}
	var in struct {
		Matrix  *string `json:"matrix"`
		TopN    *int    `json:"top_n"`
		K       *int    `json:"k"`
		FitFrom *int    `json:"fit_from"`
		FitTo   *int    `json:"fit_to"`
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return spectrumParams{}, public(ErrBadRequest, "The body must be a JSON object with any of matrix (a string), top_n, k, fit_from and fit_to (whole numbers) ("+jsonProblem(err)+").")
		}
	}
	itoa := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	p := spectrumParams{topN: itoa(in.TopN), k: itoa(in.K), fitFrom: itoa(in.FitFrom), fitTo: itoa(in.FitTo)}
	if in.Matrix != nil {
		p.matrix = *in.Matrix
	}
	return p, nil
}

// topNNonzeros counts the nonzeros of the leading n×n block of m.
func topNNonzeros(m *cooccur.Matrix, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		cols, _ := m.Row(int32(i))
		total += sort.Search(len(cols), func(t int) bool { return int(cols[t]) >= n })
	}
	return total
}

// spectrumMemoryBytes is what a spectrum job needs: the unweighted top-N
// block and its weighted copy (12 B a nonzero each), and the Lanczos SVD of
// the weighted one.
func spectrumMemoryBytes(n, nnz, k int) int64 {
	return spectrum.LanczosMemoryBytes(n, n, nnz, k, 0, 0) + 2*(12*int64(nnz)+8*int64(n+1))
}

// parseSpectrumRequest validates p against the build l and the memory
// budget, with messages for people. The defaults are those of the form:
// PPMI, the top min(vocabulary, 5,000) words, k = min(300, N), and a fit
// over ranks 1..k (as `glove spectrum`).
func parseSpectrumRequest(p spectrumParams, l *corpusbuild.Loaded, budget int64) (spectrumRequest, error) {
	var r spectrumRequest
	vocab := l.Matrix.Dim()
	name := strings.ToLower(strings.TrimSpace(p.matrix))
	if name == "" {
		name = "ppmi"
	}
	w, err := spectrum.ParseWeighting(name)
	if err != nil {
		return r, public(ErrBadRequest, fmt.Sprintf("The matrix weighting must be counts, log (log(1 + X)) or ppmi, not “%s”.", clip(strings.TrimSpace(p.matrix))))
	}
	r.weighting = w

	r.topN, err = wholeNumber(p.topN, "The number of words (top-N)", min(vocab, defaultSpectrumTopN), 2, maxSpectrumTopN)
	switch {
	case err != nil && errors.Is(err, errOutOfRange) && r.topN > maxSpectrumTopN:
		return r, public(ErrSpectrumTooLarge, fmt.Sprintf("A spectrum can use at most the %s most frequent words, not %s. Use fewer words.",
			views.Count(maxSpectrumTopN), views.Count(r.topN)))
	case err != nil:
		return r, err
	case r.topN > vocab:
		r.note = fmt.Sprintf("This corpus's co-occurrence matrix has only %s words, so all of them are used (%s were asked for).",
			views.Count(vocab), views.Count(r.topN))
		r.topN = vocab
	}

	if r.k, err = wholeNumber(p.k, "The number of singular values k", min(defaultSpectrumK, r.topN), 1, r.topN); err != nil {
		return r, err
	}

	rangeRule := fmt.Sprintf("The fit range must be whole ranks with 1 ≤ from, from + 2 ≤ to and to ≤ k = %d (an empty or 0 “to” means k)", r.k)
	if r.from, err = wholeNumber(p.fitFrom, "The first rank of the fit range", 1, minOf[int](), maxOf[int]()); err != nil {
		return r, err
	}
	if r.to, err = wholeNumber(p.fitTo, "The last rank of the fit range", 0, minOf[int](), maxOf[int]()); err != nil {
		return r, err
	}
	if r.to == 0 {
		r.to = r.k
	}
	if r.from < 1 || r.to > r.k || r.to-r.from < 2 {
		return r, public(spectrum.ErrFitRange, fmt.Sprintf("%s; %d–%d is not.", rangeRule, r.from, r.to))
	}

	r.nnz = topNNonzeros(l.Matrix, r.topN)
	if need := spectrumMemoryBytes(r.topN, r.nnz, r.k); need > budget {
		return r, public(ErrOverBudget, fmt.Sprintf("The spectrum of the top %s words (%s nonzeros) with k = %s needs about %s of memory, more than the budget of %s for one job. Use fewer words or a smaller k (or start the server with a larger -memory-budget).",
			views.Count(r.topN), views.Count(r.nnz), views.Count(r.k), views.Bytes(need), views.Bytes(budget)))
	}
	return r, nil
}

// submitCorpusSpectrum queues the job computing r for corpus x.
func (s *Server) submitCorpusSpectrum(x store.Corpus, l *corpusbuild.Loaded, r spectrumRequest) (store.Job, error) {
	var jobID int64
	ready := make(chan struct{})
	job, err := s.jobs.Submit(kindCorpusSpectrum, x.ID, func(jctx context.Context, progress jobs.Progress) error {
		<-ready
		progress(0, fmt.Sprintf("weighting the top %s words (%s)", views.Count(r.topN), weightingLabel(r.weighting)))
		m := spectrum.Weight(spectrum.FromCooccur(l.Matrix, r.topN), r.weighting, 0)
		if err := jctx.Err(); err != nil {
			return err
		}
		progress(0.05, "Lanczos SVD")
		sv, err := spectrum.LanczosSVD(jctx, m, spectrum.LanczosOptions{K: r.k, Seed: spectrumSeed,
			Progress: func(done, total int) {
				if total > 0 {
					progress(0.05+0.9*float64(done)/float64(total), fmt.Sprintf("Lanczos SVD: %d of %d singular values converged", done, total))
				}
			}})
		switch {
		case errors.Is(err, spectrum.ErrEmptyMatrix):
			return public(plot.ErrNoData, fmt.Sprintf("The %s matrix of the top %s words has no nonzero entries, so it has no spectrum. Use more words or another weighting.",
				weightingLabel(r.weighting), views.Count(r.topN)))
		case errors.Is(err, spectrum.ErrNotConverged):
			return public(err, fmt.Sprintf("The singular values of the %s matrix of the top %s words did not converge (%v). Ask for fewer values (a smaller k).",
				weightingLabel(r.weighting), views.Count(r.topN), err))
		case err != nil:
			return err
		}
		res := &corpusSpectrumResult{corpusID: x.ID, name: x.Name, req: r, nnz: m.NNZ(), values: sv}
		fit, err := spectrum.FitPowerLaw(sv, r.from, r.to)
		switch {
		case err == nil:
			res.fit = fit
		case errors.Is(err, spectrum.ErrNonPositive):
			res.fitErr = fmt.Sprintf("No power law was fitted: some singular values in ranks %d–%d are zero (the matrix has lower rank). Fit a range of smaller ranks.", r.from, r.to)
		case errors.Is(err, spectrum.ErrFitRange):
			res.fitErr = fmt.Sprintf("No power law was fitted: ranks %d–%d are not within the %d values.", r.from, r.to, len(sv))
		default:
			return err
		}
		progress(0.97, "saving the spectrum")
		enc, err := encodeSpectrumResult(res)
		if err != nil {
			return err
		}
		if err := s.saveResult(jctx, store.NewJobResult{JobID: jobID, CorpusID: x.ID}, enc); err != nil {
			return err
		}
		s.cspectra.put(jobID, res, maxSpectrumResults)
		progress(1, "done")
		return nil
	})
	if err == nil {
		jobID = job.ID
	}
	close(ready)
	return job, err
}

// corpusOf returns the corpus of the path's id (built or not).
func (s *Server) corpusOf(c echo.Context) (store.Corpus, error) {
	id, err := parseID(c, "corpus")
	if err != nil {
		return store.Corpus{}, err
	}
	corp, err := s.st.Corpus(ctx(c), id)
	return corp, notFound(err, "corpus", id)
}

// corpusSpectrumJob returns job jobID if it is a spectrum of corpus
// corpusID, and its result when it has finished.
func (s *Server) corpusSpectrumJob(c echo.Context, corpusID, jobID int64) (jobs.Info, *corpusSpectrumResult, error) {
	info, err := s.jobs.Get(ctx(c), jobID)
	if err != nil || info.Kind != kindCorpusSpectrum || info.TargetID != corpusID {
		return jobs.Info{}, nil, public(store.ErrNotFound, fmt.Sprintf("There is no spectrum job %d of this corpus.", jobID))
	}
	if info.Status != store.JobDone {
		return info, nil, nil
	}
	if res, ok := s.cspectra.get(info.ID); ok {
		return info, res, nil
	}
	res, err := loadResult(ctx(c), s, info.ID, decodeSpectrumResult, "The result of this spectrum is no longer available on the server. Compute it again.")
	if err != nil {
		return info, nil, err
	}
	s.cspectra.put(info.ID, res, maxSpectrumResults)
	return info, res, nil
}

// spectrumJobParam reads the path parameter job.
func (s *Server) spectrumJobParam(c echo.Context) (store.Corpus, jobs.Info, *corpusSpectrumResult, error) {
	corp, err := s.corpusOf(c)
	if err != nil {
		return corp, jobs.Info{}, nil, err
	}
	id, err := idParam(c, "job", "spectrum job")
	if err != nil {
		return corp, jobs.Info{}, nil, err
	}
	info, res, err := s.corpusSpectrumJob(c, corp.ID, id)
	return corp, info, res, err
}

func pendingSpectrumOf(info jobs.Info) views.CorpusSpectrumPending {
	p := views.CorpusSpectrumPending{CorpusID: info.TargetID, JobID: info.ID, Status: string(info.Status),
		Percent: info.Progress, Message: info.Message, Error: info.Error}
	if info.Position > 0 {
		p.Message = fmt.Sprintf("waiting for a worker (position %d in the queue)", info.Position)
	}
	return p
}

func corpusSpectrumResultView(res *corpusSpectrumResult, jobID int64) views.CorpusSpectrumResult {
	r := res.req
	v := views.CorpusSpectrumResult{CorpusID: res.corpusID, JobID: jobID, Matrix: weightingLabel(r.weighting), TopN: r.topN,
		K: len(res.values), NNZ: res.nnz, Note: r.note, FitError: res.fitErr,
		API: fmt.Sprintf("/api/corpora/%d/spectra/%d", res.corpusID, jobID),
		Plot: views.NewModelPlot(fmt.Sprintf("/corpora/%d/spectra/%d/plot", res.corpusID, jobID),
			fmt.Sprintf("Singular values of the %s matrix of the top %s words against rank, log–log, with the power-law fit", weightingLabel(r.weighting), views.Count(r.topN)), "")}
	if n := len(res.values); n > 0 {
		v.First, v.Last = res.values[0], res.values[n-1]
	}
	if res.fitErr == "" {
		f := res.fit
		v.Beta, v.R2, v.ExpR2, v.From, v.To = f.Beta, f.R2, f.ExpR2, f.From, f.To
	}
	return v
}

// corpusSpectrumView is the spectrum card of a built corpus's page, with
// the job of ?spectrum=N when given.
func (s *Server) corpusSpectrumView(c echo.Context, corp store.Corpus, l *corpusbuild.Loaded) *views.CorpusSpectrumView {
	vocab := l.Matrix.Dim()
	n := min(vocab, defaultSpectrumTopN)
	v := &views.CorpusSpectrumView{CorpusID: corp.ID, Vocab: vocab, MaxTopN: maxSpectrumTopN,
		Form: views.CorpusSpectrumForm{Matrix: "ppmi", TopN: n, K: min(defaultSpectrumK, n), FitFrom: 1}}
	raw := strings.TrimSpace(c.QueryParam("spectrum"))
	if raw == "" {
		return v
	}
	id, err := parseIDText(raw, "spectrum job")
	if err != nil {
		_, v.Message = s.resolve(err)
		return v
	}
	info, res, err := s.corpusSpectrumJob(c, corp.ID, id)
	switch {
	case err != nil:
		_, v.Message = s.resolve(err)
	case res != nil:
		r := res.req
		v.Form = views.CorpusSpectrumForm{Matrix: r.weighting.String(), TopN: r.topN, K: r.k, FitFrom: r.from, FitTo: r.to}
		rv := corpusSpectrumResultView(res, info.ID)
		v.Result = &rv
	default:
		p := pendingSpectrumOf(info)
		v.Pending = &p
	}
	return v
}

// isHTMX reports whether the request was sent by htmx (it then wants a
// fragment, errors included).
func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }

// startCorpusSpectrum answers the corpus page's form: with htmx, the
// polling fragment (or an error fragment); without, a redirect to the
// corpus page showing the job.
func (s *Server) startCorpusSpectrum(c echo.Context) error {
	fail := func(err error) error {
		if isHTMX(c) {
			return s.fragmentError(c, err)
		}
		return err
	}
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return fail(err)
	}
	r, err := parseSpectrumRequest(formSpectrumParams(c), l, s.budget)
	if err != nil {
		return fail(err)
	}
	job, err := s.submitCorpusSpectrum(corp, l, r)
	if err != nil {
		return fail(err)
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/corpora/%d?spectrum=%d#corpus-spectrum", corp.ID, job.ID))
	}
	return s.ok(c, views.CorpusSpectrumPendingFragment(pendingSpectrumOf(jobs.Info{Job: job})))
}

func (s *Server) corpusSpectrumNeedsPost(c echo.Context) error { return errSpectrumNeedsPost }

// corpusSpectrumFragment is the polled fragment of a spectrum job.
func (s *Server) corpusSpectrumFragment(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	if res == nil {
		return s.ok(c, views.CorpusSpectrumPendingFragment(pendingSpectrumOf(info)))
	}
	return s.ok(c, views.CorpusSpectrumResultFragment(corpusSpectrumResultView(res, info.ID)))
}

// corpusSpectrumPlot serves the plot (?format=png|svg) or its data
// (?format=csv: rank,singular_value).
func (s *Server) corpusSpectrumPlot(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return err
	}
	if res == nil {
		return public(ErrInUse, fmt.Sprintf("The spectrum (job %d) is %s, so there is nothing to draw yet.", info.ID, info.Status))
	}
	return s.sendPlot(c, corpusSpectrumPlot(res))
}

func corpusSpectrumPlot(res *corpusSpectrumResult) plotOut {
	r := res.req
	spec := plot.SpectrumSpec{Values: res.values, Quantity: "singular value",
		Matrix: fmt.Sprintf("%s (top %s words)", weightingLabel(r.weighting), views.Count(r.topN))}
	if res.fitErr == "" {
		logC := res.fit.LogC
		spec.Fit = &plot.PowerLawFit{Beta: res.fit.Beta, R2: res.fit.R2, From: res.fit.From, To: res.fit.To, LogC: &logC}
	}
	rows := make([][]string, len(res.values))
	for i, v := range res.values {
		rows[i] = []string{strconv.Itoa(i + 1), fnum(v)}
	}
	return plotOut{what: "spectrum", owner: corpusOwner(res.corpusID, res.name),
		params: []string{r.weighting.String(), fmt.Sprintf("top%d", r.topN), fmt.Sprintf("k%d", r.k)},
		figure: func() (*plot.Figure, error) { return plot.NewSpectrum(spec) },
		header: []string{"rank", "singular_value"}, rows: rows}
}

// apiStartCorpusSpectrum is POST /api/corpora/:id/spectrum.
func (s *Server) apiStartCorpusSpectrum(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	p, err := apiSpectrumParams(c)
	if err != nil {
		return err
	}
	r, err := parseSpectrumRequest(p, l, s.budget)
	if err != nil {
		return err
	}
	job, err := s.submitCorpusSpectrum(corp, l, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/corpora/%d/spectra/%d", corp.ID, job.ID)})
}

// apiSpectrumFit has the field names of `glove spectrum -json`.
type apiSpectrumFit struct {
	Beta      float64   `json:"beta"`
	R2        float64   `json:"r2"`
	From      int       `json:"from"`
	To        int       `json:"to"`
	LogC      float64   `json:"log_c"`
	ExpR2     float64   `json:"exponential_r2"`
	Residuals []float64 `json:"residuals"`
}

// apiCorpusSpectrumBody is a finished spectrum: the fields of `glove
// spectrum -json` (matrix, n, nnz, singular_values, fit) plus the job and
// the request (top_n, k).
type apiCorpusSpectrumBody struct {
	JobID          int64           `json:"job_id"`
	Status         string          `json:"status"`
	Progress       float64         `json:"progress"`
	Matrix         string          `json:"matrix"`
	Solver         string          `json:"solver"` // always "lanczos" here
	N              int             `json:"n"`
	TopN           int             `json:"top_n"`
	K              int             `json:"k"`
	NNZ            int             `json:"nnz"`
	SingularValues []float64       `json:"singular_values"`
	Fit            *apiSpectrumFit `json:"fit"`
	FitError       string          `json:"fit_error,omitempty"`
	Note           string          `json:"note,omitempty"`
}

func finiteAll(vs []float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = finite(v)
	}
	return out
}

// apiCorpusSpectrum is GET /api/corpora/:id/spectra/:job: 202 with the
// progress while the job runs, 409 when it failed, 200 with the result.
func (s *Server) apiCorpusSpectrum(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return err
	}
	switch {
	case !info.Status.Final():
		return c.JSON(http.StatusAccepted, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress,
			"message": info.Message, "position": info.Position})
	case res == nil:
		return c.JSON(http.StatusConflict, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress,
			"error": info.Error, "status_code": http.StatusConflict})
	}
	r := res.req
	body := apiCorpusSpectrumBody{JobID: info.ID, Status: string(info.Status), Progress: info.Progress, Matrix: r.weighting.String(),
		Solver: "lanczos", N: r.topN, TopN: r.topN, K: len(res.values), NNZ: res.nnz, SingularValues: finiteAll(res.values), FitError: res.fitErr, Note: r.note}
	if res.fitErr == "" {
		f := res.fit
		body.Fit = &apiSpectrumFit{Beta: finite(f.Beta), R2: finite(f.R2), From: f.From, To: f.To, LogC: finite(f.LogC),
			ExpR2: finite(f.ExpR2), Residuals: finiteAll(f.Residuals)}
	}
	return c.JSON(http.StatusOK, body)
}
