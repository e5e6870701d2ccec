package handlers

// Runs side by side: what the runs of a comparison differ in (the legend
// labels), whether their final costs can be ranked, and their evaluation
// scores as table cells. Pure functions of the runs, so that the page,
// the figure and the tests agree.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/views"
)

// sideBySide fills d's comparison of rs (in the order asked): a row for
// each run with its legend label, scores (a column for each of sims) and
// cost rank, why costs are not ranked, and which runs have no loss curve.
// It reports whether any of rs has a loss curve to plot.
func (s *Server) sideBySide(c echo.Context, rs []app.Run, sims []string, d *views.CompareData) (bool, error) {
	loc := locale(c)
	labels := compareLabels(loc, rs)
	costs, ok := make([]float64, len(rs)), make([]bool, len(rs))
	curves := false
	for i, r := range rs {
		row := s.runRow(c, r, sims)
		row.CorpusName = r.Params.CorpusName
		d.Compared = append(d.Compared, views.CompareRow{Label: labels[i], Run: row})
		if r.Params.IsSVD() {
			d.NoCurve = append(d.NoCurve, loc.T("train.compare.svd_no_curve", r.ID))
			continue
		}
		loss, err := s.st.Loss(ctx(c), r.ID)
		if err != nil {
			return false, err
		}
		if n := len(loss); n > 0 {
			curves = true
			costs[i], ok[i] = loss[n-1].Cost, isFinite(loss[n-1].Cost)
		} else {
			d.NoCurve = append(d.NoCurve, loc.T("train.compare.no_epoch_yet", r.ID))
		}
	}
	ranks, note := costRanking(loc, rs, costs, ok)
	for i := range d.Compared {
		d.Compared[i].CostRank = ranks[i]
	}
	d.CostNote = note
	return curves, nil
}

// runSetting is one setting of a run as a comparison shows it: a name
// ("d", "η", "on"; empty for the model, shown by its value alone) and its
// value as the page writes it (shown), both in the page's language; value
// is the setting in a form independent of the language, which tells
// whether two runs agree on it.
type runSetting struct {
	key, name, shown, value string
}

func (s runSetting) String() string {
	if s.name == "" {
		return s.shown
	}
	return s.name + " " + s.shown
}

// runSettings lists the settings that make run r what it is, in the
// order labels show them, written in loc's language. The corpus counts
// as one setting, identified by its id and the build it was trained on
// (a rebuilt corpus is another).
func runSettings(loc views.Locale, r app.Run) []runSetting {
	p := r.Params
	corpus := p.CorpusName
	if corpus == "" {
		corpus = loc.T("train.setting.corpus_id", r.CorpusID)
	} else {
		corpus = loc.Name(corpus)
	}
	seed := strconv.FormatUint(p.Seed, 10)
	num := func(key, name string, v float64) runSetting {
		return runSetting{key: key, name: name, shown: paramNum(loc, v), value: fnum(v)}
	}
	whole := func(key, name string, n int) runSetting {
		return runSetting{key: key, name: name, shown: loc.Int(int64(n)), value: strconv.Itoa(n)}
	}
	window := whole("window", loc.T("train.setting.window"), p.Window)
	if p.Window == 0 {
		window.shown, window.value = "?", "?"
	}
	set := []runSetting{
		{key: "seed", name: loc.T("train.setting.seed"), shown: seed, value: seed},
		whole("d", "d", p.VectorSize),
		{key: "model", shown: modelText(loc, p), value: p.ModelName()},
		{key: "corpus", name: loc.T("train.setting.on"), shown: corpus, value: corpus},
		{key: "build", name: loc.T("train.setting.build"),
			shown: loc.T("train.setting.build_sizes", loc.Int(int64(p.VocabSize)), loc.Int(p.NNZ)),
			value: fmt.Sprintf("%d words, %d nonzeros", p.VocabSize, p.NNZ)},
		window,
	}
	if p.IsSVD() {
		return append(set, num("p", "p", p.Power))
	}
	return append(set,
		whole("epochs", loc.T("train.setting.epochs"), p.Epochs),
		num("x_max", "x_max", p.XMax),
		num("alpha", "α", p.Alpha),
		num("eta", "η", p.Eta),
		whole("threads", loc.T("train.setting.threads"), p.Threads),
	)
}

// modelText names p's model in loc's language.
func modelText(loc views.Locale, p app.RunParams) string {
	if p.IsSVD() {
		return loc.T("train.model.svd_ppmi")
	}
	return loc.T("train.model.glove")
}

// settingsKey identifies runs with the same settings (and corpus).
func settingsKey(r app.Run) string {
	var b strings.Builder
	fmt.Fprintf(&b, "corpus %d;", r.CorpusID)
	for _, s := range runSettings(views.NewLocale(views.English), r) { // values only
		b.WriteString(s.key + "=" + s.value + ";")
	}
	return b.String()
}

// compareLabels names each of rs (in order) for a legend and a table:
// "run 3: seed 1, d 50" (and p for an SVD-PPMI run), then every other
// setting whose value differs between the runs that have it ("η 0.1",
// "SVD-PPMI", "on Other corpus"), and, for a
// run whose settings are all those of a run with a smaller id among rs,
// "(same settings as run 1)". The corpus's build size is named only when
// the corpus is the same.
func compareLabels(loc views.Locale, rs []app.Run) []string {
	values := map[string]map[string]bool{}
	for _, r := range rs {
		for _, s := range runSettings(loc, r) {
			if values[s.key] == nil {
				values[s.key] = map[string]bool{}
			}
			values[s.key][s.value] = true
		}
	}
	// A setting differs when the runs that have it do not agree on it
	// (GloVe's η is not compared with an SVD-PPMI run, which has none).
	differs := func(key string) bool { return len(values[key]) > 1 }
	labels := make([]string, len(rs))
	for i, r := range rs {
		var parts []string
		for _, s := range runSettings(loc, r) {
			switch {
			case s.key == "seed" || s.key == "d" || s.key == "p":
				parts = append(parts, s.String())
			case s.key == "build" && differs("corpus"):
			case differs(s.key):
				parts = append(parts, s.String())
			}
		}
		label := loc.T("train.compare.label", r.ID, strings.Join(parts, ", "))
		if twin := sameSettingsAs(rs, r); twin != 0 {
			label = loc.T("train.compare.label_twin", label, twin)
		}
		labels[i] = label
	}
	return labels
}

// sameSettingsAs returns the smallest id of a run among rs, other than r
// and older than it, with r's settings (0 for none).
func sameSettingsAs(rs []app.Run, r app.Run) int64 {
	var twin int64
	key := settingsKey(r)
	for _, o := range rs {
		if o.ID < r.ID && settingsKey(o) == key && (twin == 0 || o.ID < twin) {
			twin = o.ID
		}
	}
	return twin
}

// costRanking says whether the final costs of rs can be ranked. The cost
// J depends on the corpus (its nonzeros and their weights), d, x_max, α
// and the window, so costs are ranked only among GloVe runs that agree
// on all of them; SVD-PPMI runs have no cost and are left out. costs
// holds each run's final cost (ok false when it has none). It returns,
// for each run, its rank ("1 of 3", "" when unranked) and a note saying
// why costs are not ranked ("" when they are, or when fewer than two
// runs have a cost).
func costRanking(loc views.Locale, rs []app.Run, costs []float64, ok []bool) (ranks []string, note string) {
	ranks = make([]string, len(rs))
	var idx []int
	for i, r := range rs {
		if ok[i] && !r.Params.IsSVD() {
			idx = append(idx, i)
		}
	}
	if len(idx) < 2 {
		return ranks, ""
	}
	type check struct{ what, key string }
	checks := []check{{loc.T("train.setting.what_corpus"), "corpus"}, {loc.T("train.setting.what_build"), "build"}, {"d", "d"},
		{"x_max", "x_max"}, {"α", "alpha"}, {loc.T("train.setting.what_window"), "window"}}
	var differ []string
	for _, ch := range checks {
		var vals, shown []string
		for _, i := range idx {
			for _, s := range runSettings(loc, rs[i]) {
				if s.key == ch.key && !slices.Contains(vals, s.value) {
					vals = append(vals, s.value)
					shown = append(shown, s.shown)
				}
			}
		}
		if len(vals) > 1 {
			differ = append(differ, fmt.Sprintf("%s (%s)", ch.what, strings.Join(shown, "; ")))
		}
	}
	if len(differ) > 0 {
		return ranks, loc.T("train.compare.not_ranked", strings.Join(differ, ", "))
	}
	order := slices.Clone(idx)
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case costs[a] < costs[b]:
			return -1
		case costs[a] > costs[b]:
			return 1
		}
		return 0
	})
	// Equal costs share a rank (1, 2, 2, 4).
	rank := 0
	for k, i := range order {
		if k == 0 || costs[i] != costs[order[k-1]] {
			rank = k + 1
		}
		ranks[i] = loc.T("train.compare.rank_of", loc.Int(int64(rank)), loc.Int(int64(len(order))))
	}
	return ranks, ""
}

// similarityNames returns the names of the similarity sets the runs were
// scored on, in the order they were first met.
func similarityNames(rs []app.Run) []string {
	var names []string
	for _, r := range rs {
		if ev := r.Results.Evaluation; ev != nil {
			for _, s := range ev.Similarity {
				if !slices.Contains(names, s.Name) {
					names = append(names, s.Name)
				}
			}
		}
	}
	return names
}

// notScored is the table cell of a score a run does not have.
const notScored = "–"

// runScores returns r's scores as table cells, with one similarity cell
// for each of names.
func runScores(loc views.Locale, r app.Run, names []string) views.RunScores {
	sc := views.RunScores{Total: notScored, Semantic: notScored, Syntactic: notScored, Similarity: make([]string, len(names))}
	for i := range names {
		sc.Similarity[i] = notScored
	}
	ev := r.Results.Evaluation
	if ev == nil {
		return sc
	}
	if a := ev.Analogy; a != nil {
		sc.Scored = true
		sc.Total = views.AccuracyText(loc, a.Total.Correct, a.Total.Covered)
		sc.Semantic = views.AccuracyText(loc, a.Semantic.Correct, a.Semantic.Covered)
		sc.Syntactic = views.AccuracyText(loc, a.Syntactic.Correct, a.Syntactic.Covered)
	}
	for _, s := range ev.Similarity {
		i := slices.Index(names, s.Name)
		if i < 0 {
			continue
		}
		sc.Scored = true
		switch {
		case s.Pairs < minSimilarityPairs:
			sc.Similarity[i] = loc.T("train.score.few_pairs")
		case s.Spearman != nil:
			sc.Similarity[i] = loc.Fixed(*s.Spearman, 3)
		}
	}
	return sc
}

// settingsText is the settings line of the runs table.
func settingsText(loc views.Locale, p app.RunParams) string {
	seed := strconv.FormatUint(p.Seed, 10)
	if p.IsSVD() {
		return loc.T("train.settings.svd", loc.Int(int64(p.VectorSize)), paramNum(loc, p.Power), seed)
	}
	return loc.T("train.settings.glove", loc.Int(int64(p.VectorSize)), paramNum(loc, p.Eta), paramNum(loc, p.XMax), paramNum(loc, p.Alpha), seed)
}
