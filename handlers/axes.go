package handlers

// A vector set's concept axes (/vectors/:id/axes and its figure) and the
// Word Embedding Association Test (/vectors/:id/weat and its JSON twin).
// Both compute in the request on the vectors the service hands out: an
// axis of at most maxAxisWords words and a WEAT of at most 100,000
// partitions take milliseconds.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Limits of the axes page.
const (
	defaultAxisTop  = 1000
	maxAxisWords    = 10000
	maxPoleWords    = 200 // words of each pole (sets mode)
	defaultAxisRows = 15
	maxAxisRows     = 200
)

// splitWords reads a word list typed into a field: words separated by
// spaces, commas or lines, duplicates dropped, in order.
func splitWords(raw, label string) ([]string, error) {
	if len(raw) > maxWordListLen {
		return nil, public(ErrTooManyWords, fmt.Sprintf("%s is too long (at most %s characters).", label, views.Count(maxWordListLen)))
	}
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out, nil
}

// axesRequest is a parsed axes query.
type axesRequest struct {
	mode       string      // "pairs" or "sets"
	pairs      [][2]string // pairs mode: (from, to)
	from, to   []string    // the poles' words
	words      []string    // words to project; nil: the top
	top, n     int
	fromLabel  string
	toLabel    string
	rawWords   string
	rawPairs   string
	rawA, rawB string
}

// wantsAxis reports whether the query asks for an axis (else the page
// shows the form alone).
func wantsAxis(c echo.Context) bool {
	q := c.QueryParams()
	return q.Has("mode") || q.Has("pairs") || q.Has("set_a") || q.Has("set_b")
}

func parseAxes(c echo.Context) (axesRequest, error) {
	q := c.QueryParams()
	r := axesRequest{mode: q.Get("mode"), rawPairs: q.Get("pairs"), rawA: q.Get("set_a"), rawB: q.Get("set_b"), rawWords: q.Get("words")}
	if r.mode == "" {
		r.mode = "pairs"
		if strings.TrimSpace(r.rawPairs) == "" && strings.TrimSpace(r.rawA+r.rawB) != "" {
			r.mode = "sets"
		}
	}
	var err error
	switch r.mode {
	case "pairs":
		if err := r.parsePairs(); err != nil {
			return r, err
		}
	case "sets":
		if r.from, err = splitWords(r.rawA, "The first word set"); err != nil {
			return r, err
		}
		if r.to, err = splitWords(r.rawB, "The second word set"); err != nil {
			return r, err
		}
		if len(r.from) == 0 || len(r.to) == 0 {
			return r, public(ErrBadRequest, "Type words into both sets: the axis runs from the mean of the first to the mean of the second.")
		}
		if len(r.from) > maxPoleWords || len(r.to) > maxPoleWords {
			return r, public(ErrTooManyWords, fmt.Sprintf("Each word set may hold at most %d words.", maxPoleWords))
		}
		in := map[string]bool{}
		for _, w := range r.from {
			in[w] = true
		}
		for _, w := range r.to {
			if in[w] {
				return r, public(ErrBadRequest, fmt.Sprintf("“%s” is in both word sets; a word can mark only one end of the axis.", apperr.Quote(w)))
			}
		}
	default:
		return r, public(ErrBadRequest, "The axis mode must be pairs or sets.")
	}
	if r.words, err = splitWords(r.rawWords, "The word list"); err != nil {
		return r, err
	}
	if len(r.words) > maxAxisWords {
		return r, public(ErrTooManyWords, fmt.Sprintf("%s words is too many: at most %s.", views.Count(len(r.words)), views.Count(maxAxisWords)))
	}
	if r.top, err = wholeNumber(q.Get("top"), "The number of most frequent words (top)", defaultAxisTop, 2, maxAxisWords); err != nil {
		return r, err
	}
	if r.n, err = wholeNumber(q.Get("n"), "The number of words listed at each end", defaultAxisRows, 1, maxAxisRows); err != nil {
		return r, err
	}
	return r, nil
}

func (r *axesRequest) parsePairs() error {
	if len(r.rawPairs) > maxWordListLen {
		return public(ErrTooManyWords, fmt.Sprintf("The pair list is too long (at most %s characters).", views.Count(maxWordListLen)))
	}
	for i, line := range strings.Split(r.rawPairs, "\n") {
		f := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\r' })
		switch len(f) {
		case 0:
			continue
		case 2:
		default:
			return public(ErrBadRequest, fmt.Sprintf("Line %d (“%s”) is not a pair: write two words a line, such as “he she”.", i+1, apperr.Quote(strings.TrimSpace(line))))
		}
		if f[0] == f[1] {
			return public(ErrBadRequest, fmt.Sprintf("Line %d pairs “%s” with itself; the two words of a pair must differ.", i+1, apperr.Quote(f[0])))
		}
		r.pairs = append(r.pairs, [2]string{f[0], f[1]})
		r.from, r.to = append(r.from, f[0]), append(r.to, f[1])
	}
	if len(r.pairs) == 0 {
		return public(project.ErrNoPairs, "Type at least one word pair, such as “he she”, one a line.")
	}
	return nil
}

// axisResult is an axis and every projected word on it.
type axisResult struct {
	words    []string  // all rows: the projected words, then pole words not among them
	group    []string  // "from", "to" or "" per row
	points   []float64 // x (projection) and y per row
	skipped  []string
	pairs    int
	align    float64
	poleRows map[int]bool
}

// computeAxis projects the request's words of set on its axis with
// project.RelationAxis, over unit rows.
func computeAxis(ctx context.Context, set *vectors.Set, r axesRequest) (*axisResult, error) {
	res := &axisResult{poleRows: map[int]bool{}}
	row := map[string]int{}
	add := func(w, group string) (int, bool) {
		if i, ok := row[w]; ok {
			if group != "" {
				res.group[i] = group
				res.poleRows[i] = true
			}
			return i, true
		}
		if _, ok := set.Index(w); !ok {
			res.skipped = append(res.skipped, w)
			return 0, false
		}
		row[w] = len(res.words)
		res.words = append(res.words, w)
		res.group = append(res.group, group)
		if group != "" {
			res.poleRows[row[w]] = true
		}
		return row[w], true
	}
	if r.words != nil {
		for _, w := range r.words {
			add(w, "")
		}
	} else {
		for i := range min(r.top, set.Len()) {
			add(set.Word(i), "")
		}
	}
	var pairs []project.Pair
	if r.mode == "pairs" {
		for _, p := range r.pairs {
			a, okA := add(p[0], "from")
			b, okB := add(p[1], "to")
			if okA && okB {
				pairs = append(pairs, project.Pair{A: a, B: b})
			}
		}
	} else {
		var as, bs []int
		for _, w := range r.from {
			if i, ok := add(w, "from"); ok {
				as = append(as, i)
			}
		}
		for _, w := range r.to {
			if i, ok := add(w, "to"); ok {
				bs = append(bs, i)
			}
		}
		// The mean over all cross pairs of b − a is mean(B) − mean(A).
		for _, a := range as {
			for _, b := range bs {
				pairs = append(pairs, project.Pair{A: a, B: b})
			}
		}
	}
	if len(pairs) == 0 {
		what := "no pair has both its words"
		if r.mode == "sets" {
			what = "one of the word sets has no word"
		}
		return nil, public(project.ErrNoPairs, fmt.Sprintf("No axis can be drawn: %s in this vector set (%s words). Left out: %s.", what, views.Count(set.Len()), strings.Join(quoteAll(res.skipped), ", ")))
	}
	if len(res.words)-len(res.poleRows) < 1 {
		return nil, public(project.ErrTooFewPoints, "Give at least one word to project besides the words that define the axis.")
	}
	d := set.Dim()
	data := make([]float32, len(res.words)*d)
	for i, w := range res.words {
		j, _ := set.Index(w)
		copy(data[i*d:(i+1)*d], set.UnitVector(j))
	}
	ax, err := project.RelationAxis(ctx, data, len(res.words), d, pairs)
	if err != nil {
		return nil, err
	}
	res.points, res.pairs, res.align = ax.Points, ax.Pairs, ax.Alignment
	return res, nil
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = "“" + apperr.Quote(w) + "”"
	}
	return out
}

// poleLabel names one end of the axis by its first words.
func poleLabel(ws []string) string {
	if len(ws) > 4 {
		return strings.Join(ws[:4], ", ") + ", …"
	}
	return strings.Join(ws, ", ")
}

// ranked returns the rows at the two ends of the axis, pole words left out.
func (res *axisResult) ranked(loc views.Locale, setID int64, n int) (toward, away []views.AxisRow) {
	var idx []int
	for i := range res.words {
		if !res.poleRows[i] {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return res.points[2*idx[a]] > res.points[2*idx[b]] })
	row := func(rank, i int) views.AxisRow {
		return views.AxisRow{Rank: rank, Word: res.words[i], Href: views.VectorWordURL(setID, res.words[i]), Value: loc.Fixed(res.points[2*i], 4)}
	}
	// With fewer than 2n words, each list takes its half, so that no word
	// is at both ends.
	nTo, nFrom := min(n, (len(idx)+1)/2), min(n, len(idx)/2)
	for k := range nTo {
		toward = append(toward, row(k+1, idx[k]))
	}
	for k := range nFrom {
		away = append(away, row(k+1, idx[len(idx)-1-k]))
	}
	return toward, away
}

func (r axesRequest) how(loc views.Locale, res *axisResult) string {
	pairs, align := loc.Int(int64(res.pairs)), loc.Fixed(res.align, 2)
	if r.mode == "sets" {
		return loc.T("compare.axes.how_sets", pairs, align)
	}
	return loc.T(plural(res.pairs, "compare.axes.how_pairs_one", "compare.axes.how_pairs"), pairs, align)
}

// plural picks one for n = 1, many otherwise: a word, or the catalogue
// key of a text about n things (English needs both; Vietnamese writes
// them alike).
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (s *Server) axesPage(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	d := views.AxesData{Page: s.page(c, locale(c).T("compare.axes.page_title", locale(c).Name(v.Name)), views.SectionExplore), Set: vectorRow(v),
		Mode: q.Get("mode"), Pairs: q.Get("pairs"), SetA: q.Get("set_a"), SetB: q.Get("set_b"), Words: q.Get("words"), Top: q.Get("top"), N: q.Get("n")}
	if !wantsAxis(c) {
		d.Pairs = "he she\nman woman\nking queen\nboy girl\nfather mother\nson daughter"
		return s.ok(c, views.AxesPage(d))
	}
	view, err := s.axesView(c, v, set)
	if err != nil {
		return s.formError(c, err, func(msg string) templ.Component { d.Error = msg; return views.AxesPage(d) })
	}
	d.Result = view
	return s.ok(c, views.AxesPage(d))
}

func (s *Server) axesView(c echo.Context, v store.VectorSet, set *vectors.Set) (*views.AxesView, error) {
	r, err := parseAxes(c)
	if err != nil {
		return nil, err
	}
	res, err := computeAxis(ctx(c), set, r)
	if err != nil {
		return nil, err
	}
	loc := locale(c)
	av := &views.AxesView{From: poleLabel(r.from), To: poleLabel(r.to), How: r.how(loc, res), Words: len(res.words), Skipped: res.skipped}
	av.TowardTo, av.TowardFro = res.ranked(loc, v.ID, r.n)
	av.Plot = views.NewModelPlot(fmt.Sprintf("/vectors/%d/plots/axes?%s", v.ID, mapQuery(c)), loc.T("compare.axes.plot_alt", av.From, av.To), "")
	return av, nil
}

// axesPlot serves /vectors/:id/plots/axes: the words on the axis (x) and
// the main remaining direction (y).
func (s *Server) axesPlot(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	r, err := parseAxes(c)
	if err != nil {
		return err
	}
	res, err := computeAxis(ctx(c), set, r)
	if err != nil {
		return err
	}
	loc := locale(c)
	from, to := poleLabel(r.from), poleLabel(r.to)
	pts := make([]plot.MapPoint, len(res.words))
	rows := make([][]string, len(res.words))
	for i, w := range res.words {
		g := loc.T("compare.axes.plot.projected")
		switch res.group[i] {
		case "from":
			g = loc.T("compare.axes.plot.from", from)
		case "to":
			g = loc.T("compare.axes.plot.to", to)
		}
		pts[i] = plot.MapPoint{Word: w, X: res.points[2*i], Y: res.points[2*i+1], Group: g}
		rows[i] = []string{w, res.group[i], fnum(res.points[2*i]), fnum(res.points[2*i+1])}
	}
	spec := plot.ScatterSpec{Points: pts, Method: project.MethodAxis, Title: loc.T("compare.axes.plot.title", from, to),
		Subtitle: loc.T(plural(len(pts), "compare.axes.plot.subtitle_one", "compare.axes.plot.subtitle"), loc.Int(int64(len(pts)))),
		XLabel:   loc.T("compare.axes.plot.x"), YLabel: loc.T("compare.axes.plot.y")}
	return s.sendPlot(c, plotOut{what: "axis", owner: setOwner(v.ID, v.Name), params: []string{r.mode, from, to}, width: 760, height: 520,
		figure: func() (*plot.Figure, error) { return plot.NewScatter(spec) },
		header: []string{"word", "pole", "projection", "y"}, rows: rows})
}
