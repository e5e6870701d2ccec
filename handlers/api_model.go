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

// apiMapBody is a map in the API: the shape of `glove project -json`
// (method, engine, points[{word,x,y,group}], trustworthiness) plus the
// vector set, the source of the words and the method's parameters.
func apiMapBody(res *app.MapResult) map[string]any {
	pts := make([]apiPoint, len(res.Words))
	for i, w := range res.Words {
		pts[i] = apiPoint{Word: w, Group: res.Groups[i], X: res.Map.Points[2*i], Y: res.Map.Points[2*i+1]}
	}
	body := map[string]any{"method": res.Map.Method, "engine": res.Map.Engine, "points": pts, "skipped": nonNil(res.Skipped),
		"vector_set_id": res.SetID, "params": res.Params}
	if res.SetName != "" {
		body["vector_set"] = res.SetName
	}
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
	if r.plan.Instant() {
		res, err := s.instantMap(c, v, set, r)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, apiMapBody(res))
	}
	if c.Request().Method != http.MethodPost {
		return errJobNeedsPost
	}
	job, err := s.svc.SubmitMap(v, set, r.plan)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "map_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/vectors/%d/maps/%d", v.ID, job.ID),
		"page": mapPermalink(v.ID, job.ID)})
}

// mapPermalink is the address of saved map id of vector set setID.
func mapPermalink(setID, id int64) string { return fmt.Sprintf("/vectors/%d/maps/%d", setID, id) }

func (s *Server) apiMapJob(c echo.Context) error {
	v, _, err := s.loadSet(c)
	if err != nil {
		return err
	}
	info, err := s.mapJob(c, v)
	if err != nil {
		return err
	}
	switch {
	case !info.Status.Final():
		return c.JSON(http.StatusAccepted, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress, "message": info.Message})
	case info.Status != store.JobDone:
		return c.JSON(http.StatusConflict, map[string]any{"job_id": info.ID, "status": info.Status, "error": info.Error, "status_code": http.StatusConflict})
	}
	res, err := s.svc.MapResultOf(ctx(c), info)
	if err != nil {
		return err
	}
	body := apiMapBody(res)
	body["job_id"], body["map_id"], body["status"] = info.ID, info.ID, info.Status
	return c.JSON(http.StatusOK, body)
}

// apiSavedMap is a saved map as listed by GET /api/vectors/:id/maps.
type apiSavedMap struct {
	ID              int64         `json:"id"`
	Name            string        `json:"name"`
	Method          string        `json:"method"`
	Engine          string        `json:"engine"`
	N               int           `json:"n"` // points on the map
	Seed            uint64        `json:"seed"`
	Params          app.MapParams `json:"params"`
	Trustworthiness *float64      `json:"trustworthiness"` // null when not computed
	TrustK          int           `json:"trustworthiness_k,omitempty"`
	TrustSampled    int           `json:"trustworthiness_points,omitempty"`
	Created         string        `json:"created"`
	Page            string        `json:"page"`
	URL             string        `json:"url"`
}

func (s *Server) apiSavedMaps(c echo.Context) error {
	v, err := s.vectorSetOf(c)
	if err != nil {
		return err
	}
	ms, err := s.svc.SavedMaps(ctx(c), v.ID)
	if err != nil {
		return err
	}
	out := make([]apiSavedMap, len(ms))
	for i, m := range ms {
		out[i] = apiSavedMap{ID: m.ID, Name: m.Params.Name, Method: m.Method, Engine: m.Engine, N: m.Words, Seed: m.Params.Seed,
			Params: m.Params, Created: fmtTime(m.Created), Page: mapPermalink(v.ID, m.ID), URL: fmt.Sprintf("/api/vectors/%d/maps/%d", v.ID, m.ID)}
		if t := m.Trust; t.K > 0 && isFinite(t.Value) {
			val := t.Value
			out[i].Trustworthiness, out[i].TrustK, out[i].TrustSampled = &val, t.K, t.Sampled
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"vector_set_id": v.ID, "vector_set": v.Name, "maps": out})
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
