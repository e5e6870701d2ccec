package handlers

// The Train section: the training form, run pages with live progress,
// loss curves and fidelity, and the loss comparison of several runs. Runs
// are started and read through the service; figures are in downloads.go,
// the JSON twins in api_model.go.

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// minSimilarityPairs is the fewest covered pairs for which a Spearman
// correlation is shown on the run page (the API reports it anyway).
const minSimilarityPairs = 10

// maxCompareRuns caps the runs overlaid on one loss plot.
const maxCompareRuns = 12

// cpus is the number of processors training may use, shown as a hint
// next to the number of threads.
func cpus() int { return max(runtime.GOMAXPROCS(0), 1) }

func (s *Server) trainPage(c echo.Context) error {
	def := app.DefaultRunParams()
	form := views.NewTrainForm(0, def.VectorSize, def.Epochs, def.XMax, def.Alpha, def.Eta, def.Threads, def.Seed)
	if q := c.QueryParam("corpus"); q != "" {
		form.CorpusID, _ = parseIDText(q, "corpus") // only preselects: 0 selects none
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
	d := views.TrainPageData{Page: s.page(c, locale(c).T("train.title"), views.SectionTrain), Form: form, Limits: views.TrainLimits{
		MaxVector: app.MaxVectorSize, MaxEpochs: app.MaxEpochs, MaxThreads: app.MaxThreads,
		MaxAlpha: app.MaxAlpha, MaxEta: app.MaxEta, MaxPower: app.MaxPower, CPUs: cpus(),
	}}
	if _, err := s.svc.EvalSets(); err == nil {
		// The embedded sets always load; EvalDir only says where more
		// came from, and must not be empty once sets are configured.
		d.EvalDir = cmp.Or(s.svc.EvalDir(), "(embedded sets)")
	}
	for _, corp := range cs {
		tc := views.TrainCorpus{ID: corp.ID, Name: corp.Name}
		if sum, err := s.svc.BuildSummary(corp.ID); err == nil {
			tc.Built, tc.VocabSize, tc.Tokens, tc.NNZ = true, int64(sum.VocabSize), sum.Tokens, sum.NNZ
			d.HasBuilt = true
		}
		d.Corpora = append(d.Corpora, tc)
	}
	d.Runs, d.SimilarityNames, err = s.runRows(c, nil)
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
		Model: c.FormValue("model"), Power: c.FormValue("power"),
	}
	form.CorpusID, _ = parseIDText(strings.TrimSpace(c.FormValue("corpus_id")), "corpus")
	d, derr := s.trainPageData(c, form)
	if derr != nil {
		return derr
	}
	d.Error = locale(c).Message(msg)
	return s.render(c, status, views.TrainPage(d))
}

// runRows lists all runs, newest first, ticking those in checked, with
// the names of the similarity sets their score columns show.
func (s *Server) runRows(c echo.Context, checked []int64) ([]views.RunRow, []string, error) {
	rs, err := s.svc.Runs(ctx(c))
	if err != nil {
		return nil, nil, err
	}
	sims := similarityNames(rs)
	names := map[int64]string{}
	if cs, err := s.st.Corpora(ctx(c)); err == nil {
		for _, corp := range cs {
			names[corp.ID] = corp.Name
		}
	}
	rows := make([]views.RunRow, 0, len(rs))
	for _, r := range rs {
		row := s.runRow(c, r, sims)
		row.CorpusName = names[r.CorpusID]
		row.Checked = slices.Contains(checked, r.ID)
		rows = append(rows, row)
	}
	return rows, sims, nil
}

// runRow is run r as a table row, with a score cell for each similarity
// set of sims.
func (s *Server) runRow(c echo.Context, r app.Run, sims []string) views.RunRow {
	p, res := r.Params, r.Results
	loc := locale(c)
	row := views.RunRow{ID: r.ID, CorpusID: r.CorpusID, CorpusName: p.CorpusName, Status: string(r.Status), Created: fmtTime(r.Created),
		TotalEpochs: p.Epochs, VectorSize: p.VectorSize, Eta: fnum(p.Eta), VectorSetID: res.VectorSetID,
		Model: p.ModelName(), SVD: p.IsSVD(), Settings: settingsText(loc, p), Scores: runScores(loc, r, sims)}
	if loss, err := s.st.Loss(ctx(c), r.ID); err == nil && len(loss) > 0 {
		row.Epochs = loss[len(loss)-1].Epoch
		row.FinalCost = fmtCost(loc, loss[len(loss)-1].Cost)
	}
	return row
}

// fmtCost writes a cost as loc writes numbers: five decimals (0.01234),
// whole above 10⁴ and m×10ⁿ above 10¹⁵ (a diverging run).
func fmtCost(loc views.Locale, v float64) string {
	switch a := math.Abs(v); {
	case !isFinite(v):
		return loc.T("train.cost.nan")
	case a >= 1e15:
		return loc.Sci(v)
	case a >= 1e4:
		return loc.Fixed(v, 0)
	}
	return loc.Fixed(v, 5)
}

// paramNum writes a hyperparameter as loc writes numbers, exactly as it
// was given (0.05 or 0,05); values too large or small to read in full
// are written m×10ⁿ.
func paramNum(loc views.Locale, v float64) string {
	if a := math.Abs(v); v != 0 && (a < 1e-4 || a >= 1e9) {
		return loc.Sci(v)
	}
	return loc.Fixed(v, -1)
}

// parseTrainForm reads the training form. Only the syntax of the numbers
// is checked here; their ranges are app.RunParams.Validate's.
// Its messages are English, translated where they are shown (field labels
// included, as messages of their own in messagesVI).
func parseTrainForm(c echo.Context) (app.RunParams, error) {
	p := app.DefaultRunParams()
	var err error
	if p.CorpusID, err = parseIDText(strings.TrimSpace(c.FormValue("corpus_id")), "corpus"); err != nil {
		return p, public(ErrBadRequest, "Choose a corpus to train on.")
	}
	anyInt, anyReal := func(name, label string, def int) (int, error) {
		return wholeNumber(c.FormValue(name), label, def, minOf[int](), maxOf[int]())
	}, func(name, label string, def float64) (float64, error) {
		return realNumber(c.FormValue(name), label, def, math.Inf(-1), math.Inf(1))
	}
	if p.VectorSize, err = anyInt("vector_size", "The vector size", p.VectorSize); err != nil {
		return p, err
	}
	if p.Epochs, err = anyInt("epochs", "The number of epochs", p.Epochs); err != nil {
		return p, err
	}
	if p.XMax, err = anyReal("x_max", "x_max", p.XMax); err != nil {
		return p, err
	}
	if p.Alpha, err = anyReal("alpha", "α", p.Alpha); err != nil {
		return p, err
	}
	if p.Eta, err = anyReal("eta", "The learning rate η", p.Eta); err != nil {
		return p, err
	}
	if p.Threads, err = anyInt("threads", "The number of threads", p.Threads); err != nil {
		return p, err
	}
	seed, err := wholeNumber(c.FormValue("seed"), "The seed", int64(p.Seed), 0, maxOf[int64]())
	p.Seed = uint64(seed)
	if err != nil {
		return p, err
	}
	switch model := strings.TrimSpace(c.FormValue("model")); model {
	case "", app.ModelGloVe:
	case app.ModelSVDPPMI:
		p.Model = model
		if p.Power, err = anyReal("power", "The eigenvalue weight p", app.DefaultPower); err != nil {
			return p, err
		}
	default:
		return p, public(ErrBadRequest, fmt.Sprintf("The model must be GloVe (glove) or SVD-PPMI (svd-ppmi), not %s.", apperr.Quote(model)))
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

func (s *Server) loadRun(c echo.Context) (app.Run, error) {
	id, err := parseID(c, "training run")
	if err != nil {
		return app.Run{}, err
	}
	return s.svc.Run(ctx(c), id)
}

func (s *Server) progressModel(c echo.Context, r app.Run) (views.RunProgress, error) {
	p, res := r.Params, r.Results
	loc := locale(c)
	loss, err := s.st.Loss(ctx(c), r.ID)
	if err != nil {
		return views.RunProgress{}, err
	}
	m := views.RunProgress{RunID: r.ID, Status: string(r.Status), Active: r.Status == store.RunRunning, Epochs: p.Epochs, Error: res.Error, SVD: p.IsSVD()}
	if n := len(loss); n > 0 {
		last := loss[n-1]
		m.Epoch, m.Cost = last.Epoch, fmtCost(loc, last.Cost)
		dt := last.Seconds
		if n > 1 {
			dt -= loss[n-2].Seconds
		}
		if dt > 0 && p.NNZ > 0 {
			m.Rate = loc.Int(int64(math.Round(float64(p.NNZ) / dt)))
		}
		links := views.NewModelPlot(fmt.Sprintf("/runs/%d/plots/loss", r.ID),
			loc.T("train.plot.loss_alt", r.ID), fmt.Sprintf("%d-%s-%s", n, r.Status, loc.Lang()))
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
				m.Message = loc.T("train.progress.queued", loc.Int(int64(info.Position)))
			}
		}
	}
	if r.Status == store.RunDone {
		m.Percent = 1
	}
	return m, nil
}

// paramFacts lists a run's settings for its page, in loc's language.
// Seeds are identifiers, written without group separators.
func paramFacts(loc views.Locale, p app.RunParams) []views.Fact {
	seed := strconv.FormatUint(p.Seed, 10)
	if p.IsSVD() {
		fs := []views.Fact{
			{Label: loc.T("train.fact.model"), Value: loc.T("train.fact.model_svd")},
			{Label: loc.T("train.field.vector_size"), Value: loc.Int(int64(p.VectorSize))},
			{Label: loc.T("train.field.power"), Value: paramNum(loc, p.Power)},
			{Label: loc.T("train.field.seed"), Value: loc.T("train.fact.seed_lanczos", seed)},
		}
		return append(fs, buildFacts(loc, p)...)
	}
	fs := []views.Fact{
		{Label: loc.T("train.fact.model"), Value: loc.T("train.model.glove")},
		{Label: loc.T("train.field.vector_size"), Value: loc.Int(int64(p.VectorSize))},
		{Label: loc.T("train.field.epochs"), Value: loc.Int(int64(p.Epochs))},
		{Label: loc.T("train.field.xmax"), Value: paramNum(loc, p.XMax)},
		{Label: "α", Value: paramNum(loc, p.Alpha)},
		{Label: loc.T("train.field.eta"), Value: paramNum(loc, p.Eta)},
		{Label: loc.T("train.field.threads"), Value: loc.Int(int64(p.Threads))},
		{Label: loc.T("train.field.seed"), Value: seed},
	}
	return append(fs, buildFacts(loc, p)...)
}

// buildFacts describes the corpus build a run was trained on.
func buildFacts(loc views.Locale, p app.RunParams) []views.Fact {
	var fs []views.Fact
	if p.VocabSize > 0 {
		fs = append(fs, views.Fact{Label: loc.T("train.fact.vocabulary"), Value: loc.T("train.fact.words", loc.Int(int64(p.VocabSize)))},
			views.Fact{Label: loc.T("train.fact.nonzeros"), Value: loc.Int(p.NNZ)})
	}
	if p.Window > 0 {
		fs = append(fs, views.Fact{Label: loc.T("train.fact.window"), Value: loc.Int(int64(p.Window))})
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
	row := s.runRow(c, r, nil)
	if r.CorpusID != 0 {
		if corp, err := s.st.Corpus(ctx(c), r.CorpusID); err == nil {
			row.CorpusName = corp.Name
		}
	} else {
		row.CorpusName = ""
	}
	loc := locale(c)
	d := views.RunPageData{Page: s.page(c, loc.T("train.run.name", r.ID), views.SectionTrain), Run: row, Params: paramFacts(loc, p),
		Progress: prog, EvalNote: loc.Message(res.EvalNote), Diverged: res.DivergedEpoch, Actions: s.runActions(r)}
	if res.Evaluation != nil {
		ev := evalView(res.Evaluation)
		d.Eval = &ev
	} else if res.EvalNote == "" || res.EvalNote == "evaluation sets are not configured" {
		d.EvalNote = loc.T("train.run.eval_unloaded")
	}
	if res.VectorSetID != 0 {
		if _, err := s.st.VectorSet(ctx(c), res.VectorSetID); err == nil {
			d.VectorSetID = res.VectorSetID
			d.Downloads = vectorDownloadsIn(loc, res.VectorSetID)
		}
	}
	if d.VectorSetID == 0 && r.Status == store.RunDone {
		d.EvalNote = strings.TrimSpace(d.EvalNote + " " + loc.T("train.run.set_deleted"))
	}
	return s.ok(c, views.RunPage(d))
}

func evalView(e *app.Evaluation) views.EvalView {
	var v views.EvalView
	if a := e.Analogy; a != nil {
		for _, x := range []struct {
			name string
			s    app.Score
		}{{"train.eval.total", a.Total}, {"train.eval.semantic", a.Semantic}, {"train.eval.syntactic", a.Syntactic}} {
			v.Analogy = append(v.Analogy, views.EvalAnalogyRow{Name: x.name, Correct: x.s.Correct, Covered: x.s.Covered, Questions: x.s.Questions})
		}
	}
	for _, sr := range e.Similarity {
		v.Similarity = append(v.Similarity, views.EvalSimilarityRow{Name: sr.Name, Spearman: sr.Spearman,
			TooFew: sr.Pairs < minSimilarityPairs, Pairs: sr.Pairs, Total: sr.Total})
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

// parseRunList reads ?runs=1,2,3 (or repeated runs=1&runs=2).
func parseRunList(c echo.Context) ([]int64, error) {
	var ids []int64
	for _, v := range c.QueryParams()["runs"] {
		for f := range strings.SplitSeq(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			id, err := parseIDText(f, "training run")
			if err != nil {
				return nil, err
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
	ids, rs, err := s.selectedRuns(c)
	if err != nil {
		return err
	}
	rows, sims, err := s.runRows(c, ids)
	if err != nil {
		return err
	}
	loc := locale(c)
	d := views.CompareData{Page: s.page(c, loc.T("train.compare.heading"), views.SectionTrain), Runs: rows, Selected: ids, SimilarityNames: sims}
	if len(ids) == 0 {
		d.Note = loc.T("train.compare.none")
		return s.ok(c, views.CompareRuns(d))
	}
	curves, err := s.sideBySide(c, rs, sims, &d)
	if err != nil {
		return err
	}
	if !curves {
		return s.ok(c, views.CompareRuns(d))
	}
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
	l := views.NewModelPlot(q, loc.T("train.plot.compare_alt", strings.Join(compareLabels(loc, rs), "; ")), "")
	d.Plot = &l
	return s.ok(c, views.CompareRuns(d))
}

func (s *Server) runFidelity(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	loc := locale(c)
	fp, err := s.svc.Fidelity(r)
	if err != nil {
		status, msg := s.resolve(err)
		if status < 500 {
			return s.ok(c, views.FidelityUnavailable(loc.Message(msg)))
		}
		return s.fragmentError(c, err)
	}
	id := fp.Identities
	base := fmt.Sprintf("/runs/%d/plots/fidelity", r.ID)
	return s.ok(c, views.FidelityResult(views.FidelityView{Sampled: id.Sampled,
		LogXR: r2Text(id.LogCountR), LogXR2: r2Text(id.LogCountR2), PMIR: r2Text(id.PMIR), PMIR2: r2Text(id.PMIR2),
		LogXPlot: views.NewModelPlot(base+"?kind=logx", loc.T("train.plot.fidelity_logx_alt"), ""),
		PMIPlot:  views.NewModelPlot(base+"?kind=pmi", loc.T("train.plot.fidelity_pmi_alt"), "")}))
}
