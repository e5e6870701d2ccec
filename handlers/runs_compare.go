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
	labels := compareLabels(rs)
	costs, ok := make([]float64, len(rs)), make([]bool, len(rs))
	curves := false
	for i, r := range rs {
		row := s.runRow(c, r, sims)
		row.CorpusName = r.Params.CorpusName
		d.Compared = append(d.Compared, views.CompareRow{Label: labels[i], Run: row})
		if r.Params.IsSVD() {
			d.NoCurve = append(d.NoCurve, fmt.Sprintf("Run %d is an SVD-PPMI run: it is computed in one step, not trained by epochs, so it has no loss curve and no cost; cost comparisons leave it out.", r.ID))
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
			d.NoCurve = append(d.NoCurve, fmt.Sprintf("Run %d has no finished epoch yet, so no loss curve.", r.ID))
		}
	}
	ranks, note := costRanking(rs, costs, ok)
	for i := range d.Compared {
		d.Compared[i].CostRank = ranks[i]
	}
	d.CostNote = note
	return curves, nil
}

// runSetting is one setting of a run as a comparison shows it: a name
// ("d", "η") and a value; an empty name shows the value alone (the
// model).
type runSetting struct {
	key, name, value string
}

func (s runSetting) String() string {
	if s.name == "" {
		return s.value
	}
	return s.name + " " + s.value
}

// runSettings lists the settings that make run r what it is, in the
// order labels show them. The corpus counts as one setting, identified by
// its id and the build it was trained on (a rebuilt corpus is another).
func runSettings(r app.Run) []runSetting {
	p := r.Params
	corpus := p.CorpusName
	if corpus == "" {
		corpus = "corpus " + strconv.FormatInt(r.CorpusID, 10)
	}
	set := []runSetting{
		{key: "seed", name: "seed", value: strconv.FormatUint(p.Seed, 10)},
		{key: "d", name: "d", value: strconv.Itoa(p.VectorSize)},
		{key: "model", value: p.ModelName()},
		{key: "corpus", name: "on", value: corpus},
		{key: "build", name: "build", value: fmt.Sprintf("%d words, %d nonzeros", p.VocabSize, p.NNZ)},
		{key: "window", name: "window", value: windowText(p.Window)},
	}
	if p.IsSVD() {
		return append(set, runSetting{key: "p", name: "p", value: fnum(p.Power)})
	}
	return append(set,
		runSetting{key: "epochs", name: "epochs", value: strconv.Itoa(p.Epochs)},
		runSetting{key: "x_max", name: "x_max", value: fnum(p.XMax)},
		runSetting{key: "alpha", name: "α", value: fnum(p.Alpha)},
		runSetting{key: "eta", name: "η", value: fnum(p.Eta)},
		runSetting{key: "threads", name: "threads", value: strconv.Itoa(p.Threads)},
	)
}

func windowText(w int) string {
	if w == 0 {
		return "?"
	}
	return strconv.Itoa(w)
}

// settingsKey identifies runs with the same settings (and corpus).
func settingsKey(r app.Run) string {
	var b strings.Builder
	fmt.Fprintf(&b, "corpus %d;", r.CorpusID)
	for _, s := range runSettings(r) {
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
func compareLabels(rs []app.Run) []string {
	values := map[string]map[string]bool{}
	for _, r := range rs {
		for _, s := range runSettings(r) {
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
		for _, s := range runSettings(r) {
			switch {
			case s.key == "seed" || s.key == "d" || s.key == "p":
				parts = append(parts, s.String())
			case s.key == "build" && differs("corpus"):
			case differs(s.key):
				parts = append(parts, s.String())
			}
		}
		label := fmt.Sprintf("run %d: %s", r.ID, strings.Join(parts, ", "))
		if twin := sameSettingsAs(rs, r); twin != 0 {
			label += fmt.Sprintf(" (same settings as run %d)", twin)
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
func costRanking(rs []app.Run, costs []float64, ok []bool) (ranks []string, note string) {
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
	checks := []check{{"corpus", "corpus"}, {"corpus build", "build"}, {"d", "d"}, {"x_max", "x_max"}, {"α", "alpha"}, {"window", "window"}}
	var differ []string
	for _, ch := range checks {
		var vals []string
		for _, i := range idx {
			for _, s := range runSettings(rs[i]) {
				if s.key == ch.key && !slices.Contains(vals, s.value) {
					vals = append(vals, s.value)
				}
			}
		}
		if len(vals) > 1 {
			differ = append(differ, fmt.Sprintf("%s (%s)", ch.what, strings.Join(vals, "; ")))
		}
	}
	if len(differ) > 0 {
		return ranks, "The final costs are not ranked: the runs differ in " + strings.Join(differ, ", ") +
			". The cost J depends on these, so a lower cost does not mean a better fit; compare the evaluation scores instead."
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
		ranks[i] = fmt.Sprintf("%d of %d", rank, len(order))
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
func runScores(r app.Run, names []string) views.RunScores {
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
		sc.Total = views.AccuracyText(a.Total.Correct, a.Total.Covered)
		sc.Semantic = views.AccuracyText(a.Semantic.Correct, a.Semantic.Covered)
		sc.Syntactic = views.AccuracyText(a.Syntactic.Correct, a.Syntactic.Covered)
	}
	for _, s := range ev.Similarity {
		i := slices.Index(names, s.Name)
		if i < 0 {
			continue
		}
		sc.Scored = true
		switch {
		case s.Pairs < minSimilarityPairs:
			sc.Similarity[i] = "few pairs"
		case s.Spearman != nil:
			sc.Similarity[i] = strconv.FormatFloat(*s.Spearman, 'f', 3, 64)
		}
	}
	return sc
}

// settingsText is the settings line of the runs table.
func settingsText(p app.RunParams) string {
	if p.IsSVD() {
		return fmt.Sprintf("d %d · p %s · seed %d", p.VectorSize, fnum(p.Power), p.Seed)
	}
	return fmt.Sprintf("d %d · η %s · x_max %s · α %s · seed %d", p.VectorSize, fnum(p.Eta), fnum(p.XMax), fnum(p.Alpha), p.Seed)
}
