package handlers

// The parts of a corpus word page beyond its counts: the word's point on
// the Zipf plot, its concordance (first lines in the corpus, with the
// windows the counts were made with), and the panel of a training run on
// the corpus: nearest neighbours next to the PMI partners, and the fit of
// the word's row (plotted at /corpora/:id/words/:word/plots/fit?run=N).

import (
	"cmp"
	"math"
	"net/url"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Messages of the run panel's errors (English; messagesVI translates
// them at display).
const (
	badRunMessage = "“run” must be the id of a finished run trained on this corpus."
	noRunMessage  = "No finished training run was trained on this corpus."
)

const (
	// runNeighbors is how many neighbours and PMI partners the run
	// panel compares; worstFitted how many badly fitted partners it lists.
	runNeighbors = 10
	worstFitted  = 10
)

// zipfMark places w on the corpus's Zipf plot (ranked over every type).
func zipfMark(loc views.Locale, corpusID int64, l *app.Build, w string) *views.ZipfMarkView {
	id, ok := l.Unigrams.ID(w)
	if !ok {
		return nil
	}
	q := url.Values{"word": {w}}
	return &views.ZipfMarkView{Rank: int(id) + 1,
		Plot: corpusPlotLinks(corpusID, "zipf", q, loc.T("word.zipf.alt", w))}
}

// zipfMarkOf reads ?word= of a Zipf plot request: the word to mark, if
// it is a type of the corpus.
func zipfMarkOf(c echo.Context, l *app.Build) *plot.ZipfMark {
	w := normWord(l, c.QueryParam("word"))
	if w == "" {
		return nil
	}
	id, ok := l.Unigrams.ID(w)
	if !ok {
		return nil
	}
	loc := locale(c)
	return &plot.ZipfMark{Rank: int(id) + 1, Label: w,
		Name: loc.T("word.zipf.mark", w, loc.Int(int64(id)+1), loc.Int(l.Unigrams.Count(id)))}
}

// concordanceView reads the word's first lines (through the service's
// budget and cache) and turns them into a view.
func (s *Server) concordanceView(c echo.Context, corp store.Corpus, l *app.Build, w string) (*views.ConcordanceView, *app.Concordance) {
	loc := locale(c)
	set := l.Summary.Settings
	v := &views.ConcordanceView{Max: concord.DefaultMaxLines, WindowRule: windowRule(loc, set.Window, set.Symmetric, set.DistanceWeighting)}
	res, err := s.svc.Concordance(ctx(c), corp, l, w)
	if err != nil {
		s.log.Error("concordance", "corpus", corp.ID, "err", err)
		v.Error = loc.T("word.conc.unreadable")
		return v, nil
	}
	v.Complete = res.Complete
	if res.Complete {
		v.Scope = loc.T("word.conc.scope_whole", loc.Bytes(res.Bytes))
	} else {
		v.Scope = loc.T("word.conc.scope_first", loc.Bytes(res.Bytes))
	}
	for _, line := range res.Lines {
		cl := views.ConcordLine{Number: line.Number, CutBefore: line.CutBefore, CutAfter: line.CutAfter}
		for _, t := range line.Tokens {
			cl.Tokens = append(cl.Tokens, concordToken(loc, w, t, set.DistanceWeighting))
		}
		v.Lines = append(v.Lines, cl)
	}
	return v, res
}

// concordToken gives a token its class and the hover text that states
// what it adds to X.
func concordToken(loc views.Locale, w string, t concord.Token, weighted bool) views.ConcordToken {
	ct := views.ConcordToken{Text: t.Text}
	switch t.Role {
	case concord.Keyword:
		ct.Class, ct.Title = "kw", loc.T("word.conc.token_word")
	case concord.InWindow:
		key := "word.conc.token_after"
		if t.Distance < 0 {
			key = "word.conc.token_before"
		}
		// Shaded by distance, so the 1/d weights show at a glance.
		switch d := abs(t.Distance); {
		case d == 1:
			ct.Class = "win w1"
		case d <= 3:
			ct.Class = "win w2"
		default:
			ct.Class = "win w3"
		}
		ct.Title = loc.T(key, loc.Int(int64(abs(t.Distance))), weightText(loc, t.Distance, weighted), loc.Sig(t.Weight), w, t.Text)
	case concord.Dropped:
		ct.Class, ct.Title = "oov", loc.T("word.conc.token_oov")
	}
	return ct
}

func weightText(loc views.Locale, d int, weighted bool) string {
	if !weighted {
		return loc.T("word.conc.weight_none")
	}
	return "1/" + strconv.Itoa(abs(d))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// windowRule states the window the counts were made with.
func windowRule(loc views.Locale, window int, symmetric, weighted bool) string {
	side, weight := loc.T("word.conc.window_symmetric"), loc.T("word.conc.window_weighted")
	if !symmetric {
		side = loc.T("word.conc.window_asymmetric")
	}
	if !weighted {
		weight = loc.T("word.conc.window_unweighted")
	}
	return loc.T("word.conc.window", loc.Int(int64(window)), side, weight)
}

// wordRun is the run panel's data, shared by the page and the API.
type wordRun struct {
	runs      []app.Run
	run       *app.Run
	errMsg    string
	vectorSet int64
	neighbors []views.WordScore
	pmiTop    []views.WordScore
	overlap   int
	fit       *spectrum.RowFit
}

// runPanel computes the chosen run's view of word id (?run=N, default
// the newest finished run on the corpus). It returns nil when no run was
// trained on the corpus.
func (s *Server) runPanel(c echo.Context, corpusID int64, l *app.Build, id int32) (*wordRun, error) {
	rs, err := s.svc.CorpusRuns(ctx(c), corpusID)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	p := &wordRun{runs: rs}
	p.run = &rs[0]
	if q := c.QueryParam("run"); q != "" {
		n, err := strconv.ParseInt(q, 10, 64)
		i := slices.IndexFunc(rs, func(r app.Run) bool { return r.ID == n })
		if err != nil || i < 0 {
			return nil, public(ErrBadRequest, badRunMessage)
		}
		p.run = &rs[i]
	}
	w := l.Vocab.Word(id)
	// What the user can be told (a stale model, a deleted vector set)
	// empties the panel with the reason; the word page still shows.
	unavailable := func(err error) (*wordRun, error) {
		status, msg := s.resolve(err)
		if status >= 500 {
			return nil, err
		}
		p.fit, p.errMsg = nil, msg
		return p, nil
	}
	fit, err := s.svc.WordFit(*p.run, l, id)
	if err != nil {
		return unavailable(err)
	}
	p.fit = &fit
	v, set, err := s.svc.RunVectors(ctx(c), *p.run)
	if err != nil {
		return unavailable(err)
	}
	p.vectorSet = v.ID
	ns, err := set.NeighborsOf(ctx(c), w, runNeighbors)
	if err != nil {
		return unavailable(err)
	}
	inPMI := map[string]bool{}
	for _, q := range l.PMI.TopByPMI(id, runNeighbors, defaultPMIMin) {
		k := l.Vocab.Word(q.ID)
		inPMI[k] = true
		p.pmiTop = append(p.pmiTop, views.WordScore{Word: k, Score: q.PMI / math.Ln2})
	}
	inNeighbors := map[string]bool{}
	for _, m := range ns {
		inNeighbors[m.Word] = true
		p.neighbors = append(p.neighbors, views.WordScore{Word: m.Word, Score: m.Score, Shared: inPMI[m.Word]})
		if inPMI[m.Word] {
			p.overlap++
		}
	}
	for i := range p.pmiTop {
		p.pmiTop[i].Shared = inNeighbors[p.pmiTop[i].Word]
	}
	return p, nil
}

// runPanelView turns the panel into its view.
func runPanelView(loc views.Locale, corpusID int64, l *app.Build, w string, p *wordRun) *views.WordRunPanel {
	v := &views.WordRunPanel{RunID: p.run.ID, Error: p.errMsg, Overlap: p.overlap}
	for _, r := range p.runs {
		label := loc.T("word.run.choice", r.ID, loc.Int(int64(r.Params.VectorSize)), loc.Int(int64(r.Params.Epochs)), r.Created.UTC().Format("2006-01-02 15:04"))
		v.Runs = append(v.Runs, views.RunChoice{ID: r.ID, Label: label, Selected: r.ID == p.run.ID})
	}
	if p.fit == nil {
		return v
	}
	v.VectorWordURL = views.VectorWordURL(p.vectorSet, w)
	link := func(ws []views.WordScore) []views.WordScore {
		for i := range ws {
			ws[i].URL = views.WordURL(corpusID, ws[i].Word)
		}
		return ws
	}
	v.Neighbors, v.PMITop = link(p.neighbors), link(p.pmiTop)
	f := p.fit
	base := views.WordURL(corpusID, w) + "/plots/fit?run=" + strconv.FormatInt(p.run.ID, 10)
	fv := &views.WordFitView{Partners: len(f.Cols), XMax: p.run.Params.XMax, Alpha: p.run.Params.Alpha,
		Plot:  views.NewModelPlot(base, loc.T("word.fit.alt", w), ""),
		LogXR: f.LogCountR, LogXR2: f.LogCountR2, PMIR: f.PMIR, WeightedRMS: f.WeightedRMS,
		WordBias: f.WordBias, LogXW: f.LogRowSum, LogS: f.LogTotal, MeanContextBias: f.MeanContextBias}
	for _, k := range worstOf(f, worstFitted) {
		word := l.Vocab.Word(f.Cols[k])
		// exp(ln X) is off by rounding (2469.0000000000005): to a
		// millionth, a whole count shows as one (2,469, not 2,469.00).
		x := math.Round(math.Exp(f.LogX[k])*1e6) / 1e6
		fv.Worst = append(fv.Worst, views.FitPartner{Word: word, URL: views.WordURL(corpusID, word), X: x,
			F: f.Weight[k], LogX: f.LogX[k], Model: f.Model[k], Residual: f.Residual[k], Dot: f.Dot[k], PMI: f.PMI[k],
			WeightedSquare: f.Weight[k] * f.Residual[k] * f.Residual[k]})
	}
	v.Fit = fv
	return v
}

// worstOf returns the indices of the n partners with the largest
// f(X_wk)·r², largest first (ties by column).
func worstOf(f *spectrum.RowFit, n int) []int {
	idx := make([]int, len(f.Cols))
	for i := range idx {
		idx[i] = i
	}
	term := func(i int) float64 { return f.Weight[i] * f.Residual[i] * f.Residual[i] }
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(term(b), term(a)); c != 0 {
			return c
		}
		return cmp.Compare(f.Cols[a], f.Cols[b])
	})
	return idx[:min(n, len(idx))]
}

// wordFitPlot serves /corpora/:id/words/:word/plots/fit?run=N: the
// scatter of the model against ln X_wk over the word's partners, point
// size f(X_wk), with y = x; CSV: one row a partner.
func (s *Server) wordFitPlot(c echo.Context) error {
	req, err := s.word(c)
	if err != nil {
		return err
	}
	l, w := req.build, req.result.word
	id, _ := l.Vocab.ID(w)
	p, err := s.runPanel(c, req.corpusID, l, id)
	if err != nil {
		return err
	}
	if p == nil {
		return apperr.New(apperr.NotFound, noRunMessage)
	}
	if p.fit == nil {
		return apperr.New(apperr.Conflict, p.errMsg)
	}
	f := p.fit
	r2 := f.LogCountR2
	loc := locale(c)
	spec := plot.FidelitySpec{X: f.LogX, Y: f.Model, Sizes: f.Weight, SizeLabel: "f(X_wk)", Reference: plot.Identity, R2: &r2,
		Title:  loc.T("word.fit.plot_title", p.run.ID, w),
		XLabel: "ln X_wk", YLabel: "w·w̃_k + b_w + b̃_k",
		Text: plot.FidelityText{Points: loc.T("train.plot.points"), SizedBy: loc.T("word.fit.plot_sized_by"),
			R2: loc.T("train.plot.r2"), Thinned: loc.T("train.plot.thinned"), Omitted: loc.T("train.plot.points_omitted"),
			NoSpread: loc.T("train.plot.no_spread"), Number: plotNumber(loc)}}
	header := []string{"word", "x", "f", "log_x", "model", "residual", "dot", "pmi_nats"}
	rows := make([][]string, len(f.Cols))
	for k := range f.Cols {
		rows[k] = []string{l.Vocab.Word(f.Cols[k]), fnum(math.Exp(f.LogX[k])), fnum(f.Weight[k]), fnum(f.LogX[k]),
			fnum(f.Model[k]), fnum(f.Residual[k]), fnum(f.Dot[k]), fnum(f.PMI[k])}
	}
	return s.sendPlot(c, plotOut{what: "word-fit", owner: corpusOwner(req.corpusID, req.corpusName),
		params: []string{w, "run" + strconv.FormatInt(p.run.ID, 10)}, width: 640, height: 520,
		figure: func() (*plot.Figure, error) { return plot.NewFidelity(spec) }, header: header, rows: rows})
}
