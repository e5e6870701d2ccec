package handlers

// The JSON twins of the Train and Explore sections: runs with their loss
// curves, neighbours, analogies, maps (t-SNE maps as jobs) and the
// covariance spectrum of a vector set.

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/labstack/echo/v4"
)

type apiMatch struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

func apiMatches(ms []vectors.Match) []apiMatch {
	out := make([]apiMatch, len(ms))
	for i, m := range ms {
		out[i] = apiMatch{Word: m.Word, Score: m.Score}
	}
	return out
}

func (s *Server) apiNeighbors(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	word, ms, err := s.neighborMatches(c, set, 10)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"word": word, "results": apiMatches(ms)})
}

func (s *Server) apiAnalogy(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	q, ms, err := s.analogyMatches(c, set, 5)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"a": q.a, "b": q.b, "c": q.c, "method": q.method.String(), "results": apiMatches(ms)})
}

type apiPoint struct {
	Word  string  `json:"word"`
	Group string  `json:"group"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
}

func apiMapBody(res *app.MapResult) map[string]any {
	pts := make([]apiPoint, len(res.Words))
	for i, w := range res.Words {
		pts[i] = apiPoint{Word: w, Group: res.Groups[i], X: res.Map.Points[2*i], Y: res.Map.Points[2*i+1]}
	}
	body := map[string]any{"method": res.Map.Method, "engine": res.Map.Engine, "points": pts, "skipped": nonNil(res.Skipped)}
	if res.Map.Method == project.MethodAxis {
		body["relation"] = res.Relation.Name()
		body["axis_pairs"] = res.Map.AxisPairs
		body["axis_alignment"] = res.Map.AxisAlignment
	}
	if t := res.Map.Trust; t.K > 0 && isFinite(t.Value) {
		body["trustworthiness"] = map[string]any{"value": t.Value, "k": t.K, "sampled": t.Sampled}
	}
	return body
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) apiMap(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	r, err := s.parseMapRequest(c, v, set)
	if err != nil {
		return err
	}
	if r.method == "tsne" && c.Request().Method != http.MethodPost {
		return errTSNENeedsPost
	}
	if r.method != "tsne" {
		res, err := s.instantMap(c, v, set, r)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, apiMapBody(res))
	}
	job, err := s.submitTSNE(v, set, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/vectors/%d/maps/%d", v.ID, job.ID)})
}

func (s *Server) apiMapJob(c echo.Context) error {
	v, _, err := s.loadSet(c)
	if err != nil {
		return err
	}
	info, err := s.tsneJob(c, v)
	if err != nil {
		return err
	}
	switch {
	case !info.Status.Final():
		return c.JSON(http.StatusAccepted, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress, "message": info.Message})
	case info.Status != store.JobDone:
		return c.JSON(http.StatusConflict, map[string]any{"job_id": info.ID, "status": info.Status, "error": info.Error, "status_code": http.StatusConflict})
	}
	res, err := s.svc.TSNEResult(ctx(c), info)
	if err != nil {
		return err
	}
	body := apiMapBody(res)
	body["job_id"], body["status"] = info.ID, info.Status
	return c.JSON(http.StatusOK, body)
}

// apiVectorSpectrum is the covariance spectrum of a vector set
// (GET /api/vectors/:id/spectrum[?from=&to=]) with the field names of
// `glove spectrum -vectors FILE -json`, and the same default fit range.
func (s *Server) apiVectorSpectrum(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	res, err := s.spectrumOf(c, v, set)
	if err != nil {
		return err
	}
	f := res.fit
	return c.JSON(http.StatusOK, apiVectorSpectrumBody{Matrix: "covariance", N: set.Len(), Eigenvalues: finiteAll(res.values),
		Fit: &f})
}

// apiVectorSpectrumBody is the answer of apiVectorSpectrum.
type apiVectorSpectrumBody struct {
	Matrix      string                `json:"matrix"` // always "covariance"
	N           int                   `json:"n"`      // number of vectors
	Eigenvalues []float64             `json:"eigenvalues"`
	Fit         *spectrum.PowerLawFit `json:"fit"`
}

type apiLoss struct {
	Epoch   int     `json:"epoch"`
	Cost    float64 `json:"cost"`
	Seconds float64 `json:"seconds"`
}

// apiRunBody is a run in the API. JobStatus is the state of job JobID:
// live while the job is active, otherwise as the catalogue recorded it (so
// after a restart the final state the job reached, or "interrupted" for a
// job the restart cut off).
type apiRunBody struct {
	ID        int64           `json:"id"`
	CorpusID  int64           `json:"corpus_id"`
	Status    string          `json:"status"`
	Created   string          `json:"created"`
	Finished  string          `json:"finished,omitempty"`
	JobID     int64           `json:"job_id,omitempty"`
	JobStatus string          `json:"job_status,omitempty"`
	Params    app.RunParams   `json:"params"`
	Loss      []apiLoss       `json:"loss"`
	Results   *app.RunResults `json:"results,omitempty"`
}

func (s *Server) apiRunJSON(c echo.Context, r app.Run) (apiRunBody, error) {
	p, res := r.Params, r.Results
	b := apiRunBody{ID: r.ID, CorpusID: r.CorpusID, Status: string(r.Status), Created: fmtTime(r.Created), Finished: fmtTime(r.Finished), Params: p, Loss: []apiLoss{}}
	if r.JobID != 0 {
		b.JobID = r.JobID
		if info, err := s.svc.Job(ctx(c), r.JobID); err == nil {
			b.JobStatus = string(info.Status)
		} else if !errors.Is(err, store.ErrNotFound) {
			return b, err
		}
	}
	loss, err := s.st.Loss(ctx(c), r.ID)
	if err != nil {
		return b, err
	}
	for _, l := range loss {
		if isFinite(l.Cost) {
			b.Loss = append(b.Loss, apiLoss{Epoch: l.Epoch, Cost: l.Cost, Seconds: l.Seconds})
		}
	}
	if len(r.Run.Results) > 0 && r.Status != store.RunRunning {
		b.Results = &res
	}
	return b, nil
}

func (s *Server) apiRuns(c echo.Context) error {
	rs, err := s.svc.Runs(ctx(c))
	if err != nil {
		return err
	}
	out := make([]apiRunBody, 0, len(rs))
	for _, r := range rs {
		b, err := s.apiRunJSON(c, r)
		if err != nil {
			return err
		}
		out = append(out, b)
	}
	return c.JSON(http.StatusOK, map[string]any{"runs": out})
}

func (s *Server) apiRun(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	b, err := s.apiRunJSON(c, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, b)
}

// apiStartRun starts a run from a JSON body; absent fields take the
// defaults.
func (s *Server) apiStartRun(c echo.Context) error {
	p := app.DefaultRunParams()
	p.Power = app.DefaultPower // used by "model": "svd-ppmi" only
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return public(ErrBadRequest, "The body must be a JSON object such as {\"corpus_id\": 1, \"epochs\": 15}; "+apperr.Quote(err.Error()))
	}
	p.VocabSize, p.NNZ, p.CorpusName, p.Window = 0, 0, "", 0
	if !p.IsSVD() {
		p.Power = 0
	}
	run, job, err := s.svc.StartRun(ctx(c), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{
		"run_id": run.ID, "job_id": job.ID,
		"url": "/api/runs/" + strconv.FormatInt(run.ID, 10), "page": "/runs/" + strconv.FormatInt(run.ID, 10),
	})
}
