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
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

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

// formSpectrumParams reads the form (or query) fields.
func formSpectrumParams(c echo.Context) app.SpectrumParams {
	return app.SpectrumParams{Matrix: c.FormValue("matrix"), TopN: c.FormValue("top_n"), K: c.FormValue("k"),
		FitFrom: c.FormValue("fit_from"), FitTo: c.FormValue("fit_to")}
}

// apiSpectrumParams reads a JSON body {"matrix", "top_n", "k", "fit_from",
// "fit_to"} when the request has one, and form or query fields otherwise.
func apiSpectrumParams(c echo.Context) (app.SpectrumParams, error) {
	if !strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		return formSpectrumParams(c), nil
	}
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return app.SpectrumParams{}, err
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
			return app.SpectrumParams{}, public(ErrBadRequest, "The body must be a JSON object with any of matrix (a string), top_n, k, fit_from and fit_to (whole numbers) ("+jsonProblem(err)+").")
		}
	}
	itoa := func(p *int) string {
		if p == nil {
			return ""
		}
		return strconv.Itoa(*p)
	}
	p := app.SpectrumParams{TopN: itoa(in.TopN), K: itoa(in.K), FitFrom: itoa(in.FitFrom), FitTo: itoa(in.FitTo)}
	if in.Matrix != nil {
		p.Matrix = *in.Matrix
	}
	return p, nil
}

// corpusOf returns the corpus of the path's id (built or not).
func (s *Server) corpusOf(c echo.Context) (store.Corpus, error) {
	id, err := parseID(c, "corpus")
	if err != nil {
		return store.Corpus{}, err
	}
	x, err := s.st.Corpus(ctx(c), id)
	return x, notFound(err, "corpus", id)
}

// spectrumJobParam reads the path parameter job.
func (s *Server) spectrumJobParam(c echo.Context) (store.Corpus, app.JobInfo, *app.CorpusSpectrum, error) {
	x, err := s.corpusOf(c)
	if err != nil {
		return x, app.JobInfo{}, nil, err
	}
	id, err := parseParamID(c, "job", "spectrum job")
	if err != nil {
		return x, app.JobInfo{}, nil, err
	}
	info, res, err := s.svc.CorpusSpectrumJob(ctx(c), x.ID, id)
	return x, info, res, err
}

func pendingSpectrumOf(info app.JobInfo) views.CorpusSpectrumPending {
	p := views.CorpusSpectrumPending{CorpusID: info.TargetID, JobID: info.ID, Status: string(info.Status),
		Percent: info.Progress, Message: info.Message, Error: info.Error}
	if info.Position > 0 {
		p.Message = fmt.Sprintf("waiting for a worker (position %d in the queue)", info.Position)
	}
	return p
}

func corpusSpectrumResultView(res *app.CorpusSpectrum, jobID int64) views.CorpusSpectrumResult {
	r := res.Request
	v := views.CorpusSpectrumResult{CorpusID: res.CorpusID, JobID: jobID, Matrix: app.WeightingLabel(r.Weighting), TopN: r.TopN,
		K: len(res.Values), NNZ: res.NNZ, Note: r.Note, FitError: res.FitError,
		API: fmt.Sprintf("/api/corpora/%d/spectra/%d", res.CorpusID, jobID),
		Plot: views.NewModelPlot(fmt.Sprintf("/corpora/%d/spectra/%d/plot", res.CorpusID, jobID),
			fmt.Sprintf("Singular values of the %s matrix of the top %s words against rank, log–log, with the power-law fit", app.WeightingLabel(r.Weighting), views.Count(r.TopN)), "")}
	if n := len(res.Values); n > 0 {
		v.First, v.Last = res.Values[0], res.Values[n-1]
	}
	if res.FitError == "" {
		f := res.Fit
		v.Beta, v.R2, v.ExpR2, v.From, v.To = f.Beta, f.R2, f.ExpR2, f.From, f.To
	}
	return v
}

// corpusSpectrumView is the spectrum card of a built corpus's page, with
// the job of ?spectrum=N when given.
func (s *Server) corpusSpectrumView(c echo.Context, x store.Corpus, l *app.Build) *views.CorpusSpectrumView {
	vocab := l.Matrix.Dim()
	n := min(vocab, app.DefaultSpectrumTopN)
	v := &views.CorpusSpectrumView{CorpusID: x.ID, Vocab: vocab, MaxTopN: app.MaxSpectrumTopN,
		Form: views.CorpusSpectrumForm{Matrix: "ppmi", TopN: n, K: min(app.DefaultSpectrumK, n), FitFrom: 1}}
	raw := strings.TrimSpace(c.QueryParam("spectrum"))
	if raw == "" {
		return v
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		v.Message = "That is not a valid spectrum job id: ids are whole numbers such as 1 or 42."
		return v
	}
	info, res, err := s.svc.CorpusSpectrumJob(ctx(c), x.ID, id)
	switch {
	case err != nil:
		_, v.Message = s.resolve(err)
	case res != nil:
		r := res.Request
		v.Form = views.CorpusSpectrumForm{Matrix: r.Weighting.String(), TopN: r.TopN, K: r.K, FitFrom: r.From, FitTo: r.To}
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
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return fail(err)
	}
	r, err := s.svc.CorpusSpectrumRequest(l, formSpectrumParams(c))
	if err != nil {
		return fail(err)
	}
	job, err := s.svc.SubmitCorpusSpectrum(x, l, r)
	if err != nil {
		return fail(err)
	}
	if !isHTMX(c) {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/corpora/%d?spectrum=%d#corpus-spectrum", x.ID, job.ID))
	}
	return s.ok(c, views.CorpusSpectrumPendingFragment(pendingSpectrumOf(app.JobInfo{Job: job})))
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

func corpusSpectrumPlot(res *app.CorpusSpectrum) plotOut {
	r := res.Request
	spec := plot.SpectrumSpec{Values: res.Values, Quantity: "singular value",
		Matrix: fmt.Sprintf("%s (top %s words)", app.WeightingLabel(r.Weighting), views.Count(r.TopN))}
	if res.FitError == "" {
		logC := res.Fit.LogC
		spec.Fit = &plot.PowerLawFit{Beta: res.Fit.Beta, R2: res.Fit.R2, From: res.Fit.From, To: res.Fit.To, LogC: &logC}
	}
	rows := make([][]string, len(res.Values))
	for i, v := range res.Values {
		rows[i] = []string{strconv.Itoa(i + 1), csvFloat(v)}
	}
	return plotOut{name: fmt.Sprintf("%s-%s-spectrum-top%d", res.Name, r.Weighting, r.TopN),
		figure: func() (*plot.Figure, error) { return plot.NewSpectrum(spec) },
		header: []string{"rank", "singular_value"}, rows: rows}
}

// apiStartCorpusSpectrum is POST /api/corpora/:id/spectrum.
func (s *Server) apiStartCorpusSpectrum(c echo.Context) error {
	x, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	p, err := apiSpectrumParams(c)
	if err != nil {
		return err
	}
	r, err := s.svc.CorpusSpectrumRequest(l, p)
	if err != nil {
		return err
	}
	job, err := s.svc.SubmitCorpusSpectrum(x, l, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/corpora/%d/spectra/%d", x.ID, job.ID)})
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
	r := res.Request
	body := apiCorpusSpectrumBody{JobID: info.ID, Status: string(info.Status), Progress: info.Progress, Matrix: r.Weighting.String(),
		Solver: "lanczos", N: r.TopN, TopN: r.TopN, K: len(res.Values), NNZ: res.NNZ, SingularValues: finiteAll(res.Values), FitError: res.FitError, Note: r.Note}
	if res.FitError == "" {
		f := res.Fit
		body.Fit = &apiSpectrumFit{Beta: finite(f.Beta), R2: finite(f.R2), From: f.From, To: f.To, LogC: finite(f.LogC),
			ExpR2: finite(f.ExpR2), Residuals: finiteAll(f.Residuals)}
	}
	return c.JSON(http.StatusOK, body)
}
