package handlers

// The parts of a corpus word page beyond its counts: the word's point on
// the Zipf plot, its concordance (first lines in the corpus, with the
// windows the counts were made with), and the panel of a training run on
// the corpus: nearest neighbours next to the PMI partners, and the fit of
// the word's row (plotted at /corpora/:id/words/:word/plots/fit?run=N).

import (
	"cmp"
	"fmt"
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

const (
	// runNeighbors is how many neighbours and PMI partners the run
	// panel compares; worstFitted how many badly fitted partners it lists.
	runNeighbors = 10
	worstFitted  = 10
)

// zipfMark places w on the corpus's Zipf plot (ranked over every type).
func zipfMark(corpusID int64, l *app.Build, w string) *views.ZipfMarkView {
	id, ok := l.Unigrams.ID(w)
	if !ok {
		return nil
	}
	q := url.Values{"word": {w}}
	return &views.ZipfMarkView{Rank: int(id) + 1,
		Plot: corpusPlotLinks(corpusID, "zipf", q, "Zipf plot of the corpus with “"+w+"” marked")}
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
	return &plot.ZipfMark{Rank: int(id) + 1, Label: w}
}

// concordanceView reads the word's first lines (through the service's
// budget and cache) and turns them into a view.
func (s *Server) concordanceView(c echo.Context, corp store.Corpus, l *app.Build, w string) (*views.ConcordanceView, *app.Concordance) {
	set := l.Summary.Settings
	v := &views.ConcordanceView{Max: concord.DefaultMaxLines, WindowRule: windowRule(set.Window, set.Symmetric, set.DistanceWeighting)}
	res, err := s.svc.Concordance(ctx(c), corp, l, w)
	if err != nil {
		s.log.Error("concordance", "corpus", corp.ID, "err", err)
		v.Error = "The corpus file could not be read for the concordance."
		return v, nil
	}
	v.Complete = res.Complete
	if res.Complete {
		v.Scope = "the whole corpus (" + views.Bytes(res.Bytes) + " of text)"
	} else {
		v.Scope = "the first " + views.Bytes(res.Bytes) + " of text"
	}
	for _, line := range res.Lines {
		cl := views.ConcordLine{Number: line.Number, CutBefore: line.CutBefore, CutAfter: line.CutAfter}
		for _, t := range line.Tokens {
			cl.Tokens = append(cl.Tokens, concordToken(w, t, set.DistanceWeighting))
		}
		v.Lines = append(v.Lines, cl)
	}
	return v, res
}

// concordToken gives a token its class and the hover text that states
// what it adds to X.
func concordToken(w string, t concord.Token, weighted bool) views.ConcordToken {
	ct := views.ConcordToken{Text: t.Text}
	switch t.Role {
	case concord.Keyword:
		ct.Class, ct.Title = "kw", "the word"
	case concord.InWindow:
		side := "after"
		if t.Distance < 0 {
			side = "before"
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
		ct.Title = fmt.Sprintf("%d %s; weight %s: adds %s to X(%s, %s)", abs(t.Distance), side, weightText(t.Distance, weighted), fnum(t.Weight), w, t.Text)
	case concord.Dropped:
		ct.Class, ct.Title = "oov", "not in the vocabulary (below the minimum count): skipped before windowing"
	}
	return ct
}

func weightText(d int, weighted bool) string {
	if !weighted {
		return "1 (no distance weighting)"
	}
	return "1/" + strconv.Itoa(abs(d))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func windowRule(window int, symmetric, weighted bool) string {
	r := fmt.Sprintf("The window: %d words", window)
	if symmetric {
		r += " on each side"
	} else {
		r += " after the word (an asymmetric build)"
	}
	if weighted {
		r += ", a word at distance d adding 1/d to X_wk"
	} else {
		r += ", each adding 1 to X_wk"
	}
	return r + "; words below the minimum count (greyed) are skipped before windowing, and windows stop at line ends. Hover a word for its weight."
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
			return nil, public(ErrBadRequest, "“run” must be the id of a finished run trained on this corpus.")
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
func runPanelView(corpusID int64, l *app.Build, w string, p *wordRun) *views.WordRunPanel {
	v := &views.WordRunPanel{RunID: p.run.ID, Error: p.errMsg, Overlap: p.overlap}
	for _, r := range p.runs {
		label := fmt.Sprintf("Run %d: d = %d, %d epochs, %s", r.ID, r.Params.VectorSize, r.Params.Epochs, r.Created.UTC().Format("2006-01-02 15:04"))
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
		Plot:  views.NewModelPlot(base, "GloVe's fit of the row of “"+w+"”: model against log count", ""),
		LogXR: r2Text(f.LogCountR), LogXR2: r2Text(f.LogCountR2), PMIR: r2Text(f.PMIR), WeightedRMS: r2Text(f.WeightedRMS),
		WordBias: r2Text(f.WordBias), LogXW: r2Text(f.LogRowSum), LogS: r2Text(f.LogTotal), MeanContextBias: r2Text(f.MeanContextBias)}
	for _, k := range worstOf(f, worstFitted) {
		word := l.Vocab.Word(f.Cols[k])
		fv.Worst = append(fv.Worst, views.FitPartner{Word: word, URL: views.WordURL(corpusID, word), X: math.Exp(f.LogX[k]),
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
		return apperr.New(apperr.NotFound, "No finished training run was trained on this corpus.")
	}
	if p.fit == nil {
		return apperr.New(apperr.Conflict, p.errMsg)
	}
	f := p.fit
	r2 := f.LogCountR2
	spec := plot.FidelitySpec{X: f.LogX, Y: f.Model, Sizes: f.Weight, SizeLabel: "f(X_wk)", Reference: plot.Identity, R2: &r2,
		Title:  fmt.Sprintf("Run %d: the row of %s", p.run.ID, w),
		XLabel: "ln X_wk", YLabel: "w·w̃_k + b_w + b̃_k"}
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
