package handlers

// The Train section: the training form, run pages with live progress and
// loss curves, the loss comparison of several runs, and the run API.

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// minSimilarityPairs is the fewest covered pairs for which a Spearman
// correlation is shown on the run page (the API reports it anyway).
const minSimilarityPairs = 10

// maxCompareRuns caps the runs overlaid on one loss plot.
const maxCompareRuns = 12

// registerModelRoutes adds the Train and Explore pages and their API.
func (s *Server) registerModelRoutes(e *echo.Echo) {
	e.GET("/train", s.trainPage)
	e.POST("/train", s.startRun)
	e.GET("/runs/compare", s.compareRuns)
	e.GET("/runs/compare/plot", s.comparePlot)
	e.GET("/runs/:id", s.runPage)
	e.GET("/runs/:id/progress", s.runProgress)
	e.POST("/runs/:id/cancel", s.cancelRun)
	e.GET("/runs/:id/fidelity", s.runFidelity)
	e.GET("/runs/:id/plots/loss", s.lossPlot)
	e.GET("/runs/:id/plots/fidelity", s.fidelityPlot)

	e.GET("/explore", s.exploreList)
	e.GET("/vectors/:id/explore", s.explorePage)
	e.GET("/vectors/:id/neighbors", s.neighborsFragment)
	e.GET("/vectors/:id/analogy", s.analogyFragment)
	e.GET("/vectors/:id/map", s.mapFragment)
	e.POST("/vectors/:id/map", s.mapFragment) // t-SNE maps start a job: POST only
	e.GET("/vectors/:id/maps/:job", s.mapJobFragment)
	e.GET("/vectors/:id/spectrum", s.spectrumFragment)
	e.GET("/vectors/:id/words", s.vectorWords)
	e.GET("/vectors/:id/evaluation", s.evaluationFragment)
	e.GET("/vectors/:id/plots/:kind", s.vectorPlot)
	e.GET("/vectors/:id/download/:file", s.downloadVectors)

	e.GET("/api/runs", s.apiRuns)
	e.POST("/api/runs", s.apiStartRun)
	e.GET("/api/runs/:id", s.apiRun)
	e.GET("/api/vectors/:id/neighbors", s.apiNeighbors)
	e.GET("/api/vectors/:id/analogy", s.apiAnalogy)
	e.GET("/api/vectors/:id/spectrum", s.apiVectorSpectrum)
	e.GET("/api/vectors/:id/map", s.apiMap)
	e.POST("/api/vectors/:id/map", s.apiMap)
	e.GET("/api/vectors/:id/maps/:job", s.apiMapJob)
}

// parseParamID reads the path parameter name as a positive id.
func parseParamID(c echo.Context, name, what string) (int64, error) {
	raw := c.Param(name)
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 || strings.HasPrefix(raw, "+") {
		return 0, public(ErrBadRequest, "That is not a valid "+what+" id: ids are whole numbers such as 1 or 42.")
	}
	return id, nil
}

// --- training form and submission -----------------------------------------

// cpus is the number of processors training may use, shown as a hint
// next to the number of threads.
func cpus() int { return max(runtime.GOMAXPROCS(0), 1) }

func (s *Server) trainPage(c echo.Context) error {
	def := app.DefaultRunParams()
	form := views.NewTrainForm(0, def.VectorSize, def.Epochs, def.XMax, def.Alpha, def.Eta, def.Threads, def.Seed)
	if q := c.QueryParam("corpus"); q != "" {
		form.CorpusID, _ = strconv.ParseInt(q, 10, 64)
	}
	d, err := s.trainPageData(c, form)
	if err != nil {
		return err
	}
	return s.ok(c, views.TrainPage(d))
}

// trainPageData builds the Train page with form in the training form.
func (s *Server) trainPageData(c echo.Context, form views.TrainForm) (views.TrainPageData, error) {
	cs, err := s.st.Corpora(ctx(c))
	if err != nil {
		return views.TrainPageData{}, err
	}
	d := views.TrainPageData{Page: s.page(c, "Train", views.SectionTrain), Form: form, Limits: views.TrainLimits{
		MaxVector: app.MaxVectorSize, MaxEpochs: app.MaxEpochs, MaxThreads: app.MaxThreads,
		MaxAlpha: app.MaxAlpha, MaxEta: app.MaxEta, CPUs: cpus(),
	}}
	if _, err := s.svc.EvalSets(); err == nil {
		// The embedded sets always load; EvalDir only says where more
		// came from, and must not be empty once sets are configured.
		d.EvalDir = cmp.Or(s.svc.EvalDir(), "(embedded sets)")
	}
	for _, x := range cs {
		tc := views.TrainCorpus{ID: x.ID, Name: x.Name}
		if sum, err := s.svc.BuildSummary(x.ID); err == nil {
			tc.Built, tc.VocabSize, tc.Tokens, tc.NNZ = true, int64(sum.VocabSize), sum.Tokens, sum.NNZ
			d.HasBuilt = true
		}
		d.Corpora = append(d.Corpora, tc)
	}
	d.Runs, err = s.runRows(c, nil)
	if err != nil {
		return views.TrainPageData{}, err
	}
	return d, nil
}

// trainFormError shows the Train page again after a refused submission:
// err's message above the form, which keeps the values sent, with err's
// status. Server errors go to the error page.
func (s *Server) trainFormError(c echo.Context, err error) error {
	status, msg := s.resolve(err)
	if status >= 500 {
		return err
	}
	form := views.TrainForm{
		VectorSize: c.FormValue("vector_size"), Epochs: c.FormValue("epochs"), XMax: c.FormValue("x_max"),
		Alpha: c.FormValue("alpha"), Eta: c.FormValue("eta"), Threads: c.FormValue("threads"), Seed: c.FormValue("seed"),
	}
	form.CorpusID, _ = strconv.ParseInt(strings.TrimSpace(c.FormValue("corpus_id")), 10, 64)
	d, derr := s.trainPageData(c, form)
	if derr != nil {
		return derr
	}
	d.Error = msg
	return s.render(c, status, views.TrainPage(d))
}

// runRows lists all runs, newest first, ticking those in checked.
func (s *Server) runRows(c echo.Context, checked []int64) ([]views.RunRow, error) {
	rs, err := s.svc.Runs(ctx(c))
	if err != nil {
		return nil, err
	}
	names := map[int64]string{}
	if cs, err := s.st.Corpora(ctx(c)); err == nil {
		for _, x := range cs {
			names[x.ID] = x.Name
		}
	}
	rows := make([]views.RunRow, 0, len(rs))
	for _, r := range rs {
		row := s.runRow(c, r)
		row.CorpusName = names[r.CorpusID]
		row.Checked = slices.Contains(checked, r.ID)
		rows = append(rows, row)
	}
	return rows, nil
}

func (s *Server) runRow(c echo.Context, r app.Run) views.RunRow {
	p, res := r.Params, r.Results
	row := views.RunRow{ID: r.ID, CorpusID: r.CorpusID, CorpusName: p.CorpusName, Status: string(r.Status), Created: fmtTime(r.Created),
		TotalEpochs: p.Epochs, VectorSize: p.VectorSize, Eta: strconv.FormatFloat(p.Eta, 'g', -1, 64), VectorSetID: res.VectorSetID}
	if loss, err := s.st.Loss(ctx(c), r.ID); err == nil && len(loss) > 0 {
		row.Epochs = loss[len(loss)-1].Epoch
		row.FinalCost = fmtCost(loss[len(loss)-1].Cost)
	}
	return row
}

func fmtCost(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "not a number"
	}
	if math.Abs(v) >= 1e4 {
		return strconv.FormatFloat(v, 'g', 5, 64)
	}
	return strconv.FormatFloat(v, 'f', 5, 64)
}

// formInt and formFloat parse a form or query value, naming the field in
// the error.
func formInt(c echo.Context, name, label string, def int) (int, error) {
	raw := strings.TrimSpace(c.FormValue(name))
	if raw == "" {
		return def, nil
	}
	v, err := strconv.Atoi(raw)
	if err != nil {
		return 0, public(glove.ErrInvalidOptions, fmt.Sprintf("%s must be a whole number; “%s” is not.", label, clip(raw)))
	}
	return v, nil
}

func formFloat(c echo.Context, name, label string, def float64) (float64, error) {
	raw := strings.TrimSpace(c.FormValue(name))
	if raw == "" {
		return def, nil
	}
	v, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, public(glove.ErrInvalidOptions, fmt.Sprintf("%s must be a finite number; “%s” is not.", label, clip(raw)))
	}
	return v, nil
}

// clip shortens user input quoted in a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func parseTrainForm(c echo.Context) (app.RunParams, error) {
	p := app.DefaultRunParams()
	var err error
	cid := strings.TrimSpace(c.FormValue("corpus_id"))
	if p.CorpusID, err = strconv.ParseInt(cid, 10, 64); err != nil || p.CorpusID <= 0 {
		return p, public(ErrBadRequest, "Choose a corpus to train on.")
	}
	if p.VectorSize, err = formInt(c, "vector_size", "The vector size", p.VectorSize); err != nil {
		return p, err
	}
	if p.Epochs, err = formInt(c, "epochs", "The number of epochs", p.Epochs); err != nil {
		return p, err
	}
	if p.XMax, err = formFloat(c, "x_max", "x_max", p.XMax); err != nil {
		return p, err
	}
	if p.Alpha, err = formFloat(c, "alpha", "α", p.Alpha); err != nil {
		return p, err
	}
	if p.Eta, err = formFloat(c, "eta", "The learning rate η", p.Eta); err != nil {
		return p, err
	}
	if p.Threads, err = formInt(c, "threads", "The number of threads", p.Threads); err != nil {
		return p, err
	}
	if raw := strings.TrimSpace(c.FormValue("seed")); raw != "" {
		if p.Seed, err = strconv.ParseUint(raw, 10, 64); err != nil {
			return p, public(glove.ErrInvalidOptions, fmt.Sprintf("The seed must be a whole number ≥ 0; “%s” is not.", clip(raw)))
		}
	}
	return p, nil
}

func (s *Server) startRun(c echo.Context) error {
	p, err := parseTrainForm(c)
	if err != nil {
		return s.trainFormError(c, err)
	}
	run, _, err := s.svc.StartRun(ctx(c), p)
	if err != nil {
		return s.trainFormError(c, err)
	}
	return c.Redirect(http.StatusSeeOther, "/runs/"+strconv.FormatInt(run.ID, 10))
}

// --- run page ----------------------------------------------------------------

func (s *Server) loadRun(c echo.Context) (app.Run, error) {
	id, err := parseID(c, "training run")
	if err != nil {
		return app.Run{}, err
	}
	return s.svc.Run(ctx(c), id)
}

func (s *Server) progressModel(c echo.Context, r app.Run) (views.RunProgress, error) {
	p, res := r.Params, r.Results
	loss, err := s.st.Loss(ctx(c), r.ID)
	if err != nil {
		return views.RunProgress{}, err
	}
	m := views.RunProgress{RunID: r.ID, Status: string(r.Status), Active: r.Status == store.RunRunning, Epochs: p.Epochs, Error: res.Error}
	if n := len(loss); n > 0 {
		last := loss[n-1]
		m.Epoch, m.Cost = last.Epoch, fmtCost(last.Cost)
		dt := last.Seconds
		if n > 1 {
			dt -= loss[n-2].Seconds
		}
		if dt > 0 && p.NNZ > 0 {
			m.Rate = app.Rate(float64(p.NNZ) / dt)
		}
		links := views.NewModelPlot(fmt.Sprintf("/runs/%d/plots/loss", r.ID),
			fmt.Sprintf("Loss curve of run %d: cost against epoch", r.ID), fmt.Sprintf("%d-%s", n, r.Status))
		m.Loss = &links
	}
	if p.Epochs > 0 {
		m.Percent = float64(m.Epoch) / float64(p.Epochs)
	}
	m.JobID = r.JobID
	if m.Active && r.JobID != 0 {
		if info, err := s.svc.Job(ctx(c), r.JobID); err == nil {
			m.Percent, m.Message = info.Progress, strings.TrimPrefix(info.Message, fmt.Sprintf("run %d: ", r.ID))
			if info.Status == store.JobQueued {
				m.Status = "queued"
				m.Message = fmt.Sprintf("waiting for a worker (position %d in the queue)", info.Position)
			}
		}
	}
	if r.Status == store.RunDone {
		m.Percent = 1
	}
	return m, nil
}

func paramFacts(p app.RunParams) []views.Fact {
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	fs := []views.Fact{
		{Label: "Vector size d", Value: strconv.Itoa(p.VectorSize)},
		{Label: "Epochs", Value: strconv.Itoa(p.Epochs)},
		{Label: "x_max", Value: g(p.XMax)},
		{Label: "α", Value: g(p.Alpha)},
		{Label: "Learning rate η", Value: g(p.Eta)},
		{Label: "Threads", Value: strconv.Itoa(p.Threads)},
		{Label: "Seed", Value: strconv.FormatUint(p.Seed, 10)},
	}
	if p.VocabSize > 0 {
		fs = append(fs, views.Fact{Label: "Vocabulary", Value: views.Count(p.VocabSize) + " words"},
			views.Fact{Label: "Nonzeros X_ij", Value: views.Count(p.NNZ)})
	}
	return fs
}

func (s *Server) runPage(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	p, res := r.Params, r.Results
	prog, err := s.progressModel(c, r)
	if err != nil {
		return err
	}
	row := s.runRow(c, r)
	if r.CorpusID != 0 {
		if x, err := s.st.Corpus(ctx(c), r.CorpusID); err == nil {
			row.CorpusName = x.Name
		}
	} else {
		row.CorpusName = ""
	}
	d := views.RunPageData{Page: s.page(c, fmt.Sprintf("Run %d", r.ID), views.SectionTrain), Run: row, Params: paramFacts(p),
		Progress: prog, EvalNote: res.EvalNote, Diverged: res.DivergedEpoch}
	if res.Evaluation != nil {
		ev := evalView(res.Evaluation)
		d.Eval = &ev
	} else if d.EvalNote == "" || d.EvalNote == "evaluation sets are not configured" {
		d.EvalNote = "Evaluation sets are not configured: start the server with -eval-dir DIR (DIR holding analogy/questions-words.txt and similarity/EN-*.txt) to score new runs."
	}
	if res.VectorSetID != 0 {
		if _, err := s.st.VectorSet(ctx(c), res.VectorSetID); err == nil {
			d.VectorSetID = res.VectorSetID
			d.Downloads = vectorDownloads(res.VectorSetID)
		}
	}
	if d.VectorSetID == 0 && r.Status == store.RunDone {
		d.EvalNote += " The vector set of this run has been deleted."
	}
	return s.ok(c, views.RunPage(d))
}

func evalView(e *app.Evaluation) views.EvalView {
	var v views.EvalView
	if a := e.Analogy; a != nil {
		for _, x := range []struct {
			name string
			s    app.Score
		}{{"Total", a.Total}, {"Semantic", a.Semantic}, {"Syntactic", a.Syntactic}} {
			v.Analogy = append(v.Analogy, views.EvalAnalogyRow{Name: x.name, Accuracy: views.AccuracyText(x.s.Correct, x.s.Covered), Correct: x.s.Correct, Covered: x.s.Covered, Questions: x.s.Questions})
		}
	}
	for _, sr := range e.Similarity {
		rho := "n/a"
		switch {
		case sr.Pairs < minSimilarityPairs:
			rho = "too few pairs"
		case sr.Spearman != nil:
			rho = strconv.FormatFloat(*sr.Spearman, 'f', 3, 64)
		}
		v.Similarity = append(v.Similarity, views.EvalSimilarityRow{Name: sr.Name, Spearman: rho, Pairs: sr.Pairs, Total: sr.Total})
	}
	return v
}

// runProgress is the polled fragment. Once the run is over it asks htmx to
// reload the page, which then shows the evaluation and downloads.
func (s *Server) runProgress(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	m, err := s.progressModel(c, r)
	if err != nil {
		return err
	}
	if c.Request().Header.Get("HX-Request") == "true" && !m.Active {
		c.Response().Header().Set("HX-Refresh", "true")
	}
	return s.ok(c, views.RunProgressFragment(m))
}

func (s *Server) cancelRun(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	if r.Status == store.RunRunning {
		if r.JobID == 0 {
			return public(app.ErrJobFinished, "This run's job is no longer known to the server; it cannot be cancelled.")
		}
		if err := s.svc.CancelJob(ctx(c), r.JobID); err != nil && !errors.Is(err, app.ErrJobFinished) {
			return err
		}
		if r, err = s.svc.Run(ctx(c), r.ID); err != nil {
			return err
		}
	}
	if c.Request().Header.Get("HX-Request") != "true" {
		return c.Redirect(http.StatusSeeOther, "/runs/"+strconv.FormatInt(r.ID, 10))
	}
	return s.runProgress(c)
}

// --- loss plots ----------------------------------------------------------------

func (s *Server) lossPlot(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	return s.sendLoss(c, []app.Run{r}, fmt.Sprintf("run-%d-loss", r.ID))
}

func (s *Server) sendLoss(c echo.Context, rs []app.Run, name string) error {
	// ?log=1 puts the cost on a logarithmic axis.
	spec := plot.LossSpec{LogY: c.QueryParam("log") == "1"}
	var rows [][]string
	for _, r := range rs {
		loss, err := s.st.Loss(ctx(c), r.ID)
		if err != nil {
			return err
		}
		p := r.Params
		ser := plot.Series{Name: fmt.Sprintf("run %d (d=%d, η=%g)", r.ID, p.VectorSize, p.Eta)}
		for _, l := range loss {
			ser.X = append(ser.X, float64(l.Epoch))
			ser.Y = append(ser.Y, l.Cost)
			rows = append(rows, []string{strconv.FormatInt(r.ID, 10), strconv.Itoa(l.Epoch), csvFloat(l.Cost), csvFloat(l.Seconds)})
		}
		if len(ser.Y) > 0 {
			spec.Runs = append(spec.Runs, ser)
		}
	}
	if len(spec.Runs) == 0 {
		return public(plot.ErrNoData, "No epoch has finished yet, so there is no loss to plot.")
	}
	if len(rs) == 1 {
		spec.Title = fmt.Sprintf("Training loss of run %d", rs[0].ID)
	}
	return s.sendPlot(c, plotOut{name: name, width: 720, height: 440,
		figure: func() (*plot.Figure, error) { return plot.NewLoss(spec) },
		header: []string{"run", "epoch", "cost", "seconds"}, rows: rows})
}

// parseRunList reads ?runs=1,2,3 (or repeated runs=1&runs=2).
func parseRunList(c echo.Context) ([]int64, error) {
	var ids []int64
	for _, v := range c.QueryParams()["runs"] {
		for f := range strings.SplitSeq(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			id, err := strconv.ParseInt(f, 10, 64)
			if err != nil || id <= 0 {
				return nil, public(ErrBadRequest, fmt.Sprintf("“%s” is not a run id: list run numbers such as runs=1,2,3.", clip(f)))
			}
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) > maxCompareRuns {
		return nil, public(ErrBadRequest, fmt.Sprintf("At most %d runs can be compared at once.", maxCompareRuns))
	}
	return ids, nil
}

func (s *Server) selectedRuns(c echo.Context) ([]int64, []app.Run, error) {
	ids, err := parseRunList(c)
	if err != nil {
		return nil, nil, err
	}
	var rs []app.Run
	for _, id := range ids {
		r, err := s.svc.Run(ctx(c), id)
		if err != nil {
			return nil, nil, err
		}
		rs = append(rs, r)
	}
	return ids, rs, nil
}

func (s *Server) compareRuns(c echo.Context) error {
	ids, _, err := s.selectedRuns(c)
	if err != nil {
		return err
	}
	rows, err := s.runRows(c, ids)
	if err != nil {
		return err
	}
	d := views.CompareData{Page: s.page(c, "Compare runs", views.SectionTrain), Runs: rows, Selected: ids}
	if len(ids) == 0 {
		d.Note = "Tick two or more runs below and press Compare loss curves."
	} else {
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = strconv.FormatInt(id, 10)
		}
		q := "/runs/compare/plot?runs=" + strings.Join(parts, ",")
		d.LogURL = "/runs/compare?runs=" + strings.Join(parts, ",")
		if c.QueryParam("log") == "1" {
			q += "&log=1"
			d.LogY = true
		} else {
			d.LogURL += "&log=1"
		}
		l := views.NewModelPlot(q, "Loss curves of runs "+strings.Join(parts, ", "), "")
		d.Plot = &l
	}
	return s.ok(c, views.CompareRuns(d))
}

func (s *Server) comparePlot(c echo.Context) error {
	ids, rs, err := s.selectedRuns(c)
	if err != nil {
		return err
	}
	if len(rs) == 0 {
		return public(ErrBadRequest, "Name the runs to compare: runs=1,2,3.")
	}
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return s.sendLoss(c, rs, "runs-"+strings.Join(parts, "-")+"-loss")
}

// --- API ---------------------------------------------------------------------

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
		if !math.IsNaN(l.Cost) && !math.IsInf(l.Cost, 0) {
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
	dec := json.NewDecoder(c.Request().Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return public(ErrBadRequest, "The body must be a JSON object such as {\"corpus_id\": 1, \"epochs\": 15}; "+clip(err.Error()))
	}
	p.VocabSize, p.NNZ, p.CorpusName = 0, 0, ""
	run, job, err := s.svc.StartRun(ctx(c), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{
		"run_id": run.ID, "job_id": job.ID,
		"url": "/api/runs/" + strconv.FormatInt(run.ID, 10), "page": "/runs/" + strconv.FormatInt(run.ID, 10),
	})
}
