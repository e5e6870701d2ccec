package handlers

// The Compare pages: two vector sets aligned (/compare/align, its figure
// and JSON twin). The concept-axis and WEAT pages of one set are in
// axes.go.

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/align"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Limits of the align page.
const (
	defaultMoved   = 25   // words listed
	maxMoved       = 1000 // words listed at most
	alignNeighbors = 10   // neighbours compared for a chosen word
	defaultArrows  = 12   // words on the aligned map
	maxArrows      = 60
)

// alignRequest is a parsed /compare/align query.
type alignRequest struct {
	a, b             store.VectorSet
	fitTop           int
	minRank, maxRank int // 1-based; maxRank 0: no bound
	n                int
	word             string
	arrows           int
}

// hasSets reports whether the page was asked for an alignment: both sets
// named, or anything besides a first set (a link from a set's Explore
// page names only a, and gets the form with a chosen).
func hasSets(c echo.Context) bool {
	q := c.QueryParams()
	for k := range q {
		if k != "a" {
			return true
		}
	}
	return false
}

// parseAlign reads the query of the align page, its figure and its API.
func (s *Server) parseAlign(c echo.Context) (alignRequest, error) {
	var r alignRequest
	var err error
	for _, side := range []struct {
		name, missing string
		dst           *store.VectorSet
	}{{"a", "Choose the first vector set (a=ID).", &r.a}, {"b", "Choose the second vector set (b=ID).", &r.b}} {
		raw := strings.TrimSpace(c.FormValue(side.name))
		if raw == "" {
			return r, public(ErrBadRequest, side.missing)
		}
		id, err := parseIDText(raw, "vector set")
		if err != nil {
			return r, err
		}
		v, err := s.st.VectorSet(ctx(c), id)
		if err != nil {
			return r, notFound(err, "vector set", id)
		}
		*side.dst = v
	}
	if r.fitTop, err = wholeNumber(c.FormValue("fit_top"), "The number of fit words (fit_top)", 0, 0, maxOf[int]()); err != nil {
		return r, err
	}
	if r.minRank, err = wholeNumber(c.FormValue("min_rank"), "The lowest frequency rank (min_rank)", 1, 1, maxOf[int]()); err != nil {
		return r, err
	}
	if r.maxRank, err = wholeNumber(c.FormValue("max_rank"), "The highest frequency rank (max_rank)", 0, 1, maxOf[int]()); err != nil {
		return r, err
	}
	if r.maxRank != 0 && r.maxRank < r.minRank {
		return r, public(ErrBadRequest, fmt.Sprintf("The highest frequency rank (%d) is below the lowest (%d).", r.maxRank, r.minRank))
	}
	if r.n, err = wholeNumber(c.FormValue("n"), "The number of words listed", defaultMoved, 1, maxMoved); err != nil {
		return r, err
	}
	if r.arrows, err = wholeNumber(c.FormValue("arrows"), "The number of words on the map", defaultArrows, 1, maxArrows); err != nil {
		return r, err
	}
	r.word = strings.TrimSpace(c.FormValue("word"))
	if len(r.word) > 200 {
		return r, public(ErrBadRequest, "That word is too long.")
	}
	return r, nil
}

// frequencyRank is a shared word's rank for the filter: its 1-based
// position in the set where it comes later.
func frequencyRank(m align.Moved) int { return max(m.RankA, m.RankB) + 1 }

// filterMoved returns the moved words (most moved first) whose frequency
// rank lies in the request's range.
func (r alignRequest) filterMoved(all []align.Moved) []align.Moved {
	if r.minRank <= 1 && r.maxRank == 0 {
		return all
	}
	var out []align.Moved
	for _, m := range all {
		rank := frequencyRank(m)
		if rank >= r.minRank && (r.maxRank == 0 || rank <= r.maxRank) {
			out = append(out, m)
		}
	}
	return out
}

// filterText says which frequency ranks the list keeps, "" for all.
func (r alignRequest) filterText(loc views.Locale) string {
	switch {
	case r.minRank <= 1 && r.maxRank == 0:
		return ""
	case r.maxRank == 0:
		return loc.T("compare.align.filter_from", loc.Int(int64(r.minRank)))
	}
	return loc.T("compare.align.filter_range", loc.Int(int64(r.minRank)), loc.Int(int64(r.maxRank)))
}

// query is the request's query without word and n (for links that change
// them).
func (r alignRequest) query() url.Values {
	q := url.Values{}
	q.Set("a", strconv.FormatInt(r.a.ID, 10))
	q.Set("b", strconv.FormatInt(r.b.ID, 10))
	if r.fitTop > 0 {
		q.Set("fit_top", strconv.Itoa(r.fitTop))
	}
	if r.minRank > 1 {
		q.Set("min_rank", strconv.Itoa(r.minRank))
	}
	if r.maxRank > 0 {
		q.Set("max_rank", strconv.Itoa(r.maxRank))
	}
	return q
}

// alignment parses the request and gets its alignment from the service.
func (s *Server) alignment(c echo.Context) (alignRequest, *app.Alignment, error) {
	r, err := s.parseAlign(c)
	if err != nil {
		return r, nil, err
	}
	al, err := s.svc.Align(ctx(c), r.a, r.b, r.fitTop)
	return r, al, err
}

// neighbours compares the chosen word's neighbours in both sets; nil when
// no word was chosen.
func (s *Server) neighbours(c echo.Context, r alignRequest) (*align.NeighbourChange, error) {
	if r.word == "" {
		return nil, nil
	}
	setA, err := s.svc.VectorSet(ctx(c), r.a)
	if err != nil {
		return nil, err
	}
	setB, err := s.svc.VectorSet(ctx(c), r.b)
	if err != nil {
		return nil, err
	}
	for _, sc := range []struct {
		set  *vectors.Set
		name string
	}{{setA, r.a.Name}, {setB, r.b.Name}} {
		if _, ok := sc.set.Index(r.word); !ok {
			return nil, public(vectors.ErrUnknownWord, fmt.Sprintf("“%s” is not in “%s”, so its neighbours cannot be compared.", apperr.Quote(r.word), apperr.Quote(sc.name)))
		}
	}
	return align.Neighbours(ctx(c), setA, setB, r.word, alignNeighbors)
}

// setChoices lists every vector set for the choosers.
func (s *Server) setChoices(c echo.Context) ([]views.SetChoice, error) {
	vs, err := s.st.VectorSets(ctx(c))
	if err != nil {
		return nil, err
	}
	out := make([]views.SetChoice, len(vs))
	for i, v := range vs {
		out[i] = views.SetChoice{ID: v.ID, Name: v.Name, Words: int64(v.Count), Dim: v.Dim}
	}
	return out, nil
}

func (s *Server) alignPage(c echo.Context) error {
	sets, err := s.setChoices(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	d := views.AlignData{Page: s.page(c, locale(c).T("compare.align.title"), views.SectionExplore), Sets: sets,
		Form: views.AlignForm{FitTop: q.Get("fit_top"), MinRank: q.Get("min_rank"), MaxRank: q.Get("max_rank"), N: q.Get("n"), Word: q.Get("word")}}
	d.A, _ = strconv.ParseInt(q.Get("a"), 10, 64)
	d.B, _ = strconv.ParseInt(q.Get("b"), 10, 64)
	if !hasSets(c) {
		return s.ok(c, views.AlignPage(d))
	}
	if q.Get("job") != "" {
		job, err := s.alignJob(c, q.Get("job"))
		if err != nil {
			return err
		}
		if d.Job = &job; job.Active || job.Status != string(store.JobDone) {
			return s.ok(c, views.AlignPage(d))
		}
	}
	view, err := s.alignView(c)
	if errors.Is(err, app.ErrAlignLarge) {
		_, d.Error = s.resolve(err)
		d.Large = true
		return s.ok(c, views.AlignPage(d))
	}
	if err != nil {
		return s.formError(c, err, func(msg string) templ.Component { d.Error = msg; return views.AlignPage(d) })
	}
	d.Result = view
	return s.ok(c, views.AlignPage(d))
}

// alignJob returns the alignment job raw as the page shows it (404 for
// a job of another kind).
func (s *Server) alignJob(c echo.Context, raw string) (views.AlignJob, error) {
	id, err := parseIDText(raw, "job")
	if err != nil {
		return views.AlignJob{}, err
	}
	info, err := s.svc.Job(ctx(c), id)
	if err == nil && info.Kind != string(app.KindAlign) {
		err = store.ErrNotFound
	}
	if err != nil {
		return views.AlignJob{}, notFound(err, "alignment job", id)
	}
	return views.AlignJob{ID: info.ID, Status: string(info.Status), Progress: info.Progress, Position: info.Position, Message: info.Message, Error: info.Error,
		Active: !info.Status.Final(), Poll: "/compare/align/jobs/" + strconv.FormatInt(info.ID, 10)}, nil
}

// alignJobFragment is the polled progress card of an alignment job; when
// the job has ended it asks htmx to reload the page, which then shows
// the result.
func (s *Server) alignJobFragment(c echo.Context) error {
	job, err := s.alignJob(c, c.Param("job"))
	if err != nil {
		return s.fragmentError(c, err)
	}
	if !job.Active && isHTMX(c) {
		c.Response().Header().Set("HX-Refresh", "true")
	}
	return s.ok(c, views.AlignJobCard(job))
}

// startAlign queues an alignment too large for a request (POST, with the
// CSRF token) and sends the browser to the page, which waits for it.
func (s *Server) startAlign(c echo.Context) error {
	r, job, err := s.submitAlign(c)
	if err != nil {
		return err
	}
	q := r.query()
	for _, k := range []string{"n", "word"} {
		if v := strings.TrimSpace(c.FormValue(k)); v != "" {
			q.Set(k, v)
		}
	}
	q.Set("job", strconv.FormatInt(job.ID, 10))
	return c.Redirect(http.StatusSeeOther, "/compare/align?"+q.Encode())
}

func (s *Server) submitAlign(c echo.Context) (alignRequest, store.Job, error) {
	r, err := s.parseAlign(c)
	if err != nil {
		return r, store.Job{}, err
	}
	job, err := s.svc.SubmitAlign(ctx(c), r.a, r.b, r.fitTop)
	return r, job, err
}

// apiStartAlign is POST /api/compare/align: the job of a large
// alignment, whose result GET /api/compare/align then answers.
func (s *Server) apiStartAlign(c echo.Context) error {
	r, job, err := s.submitAlign(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": "/api/jobs/" + strconv.FormatInt(job.ID, 10), "result_url": "/api/compare/align?" + r.query().Encode()})
}

// formError shows a page's form again with the message of err, at err's
// status; an internal error goes to the error handler instead.
func (s *Server) formError(c echo.Context, err error, page func(msg string) templ.Component) error {
	status, msg := s.resolve(err)
	if status >= 500 {
		return err
	}
	return s.render(c, status, page(msg))
}

func (s *Server) alignView(c echo.Context) (*views.AlignView, error) {
	r, al, err := s.alignment(c)
	if err != nil {
		return nil, err
	}
	nc, err := s.neighbours(c, r)
	if err != nil {
		return nil, err
	}
	loc := locale(c)
	moved := r.filterMoved(al.Moved)
	listed := moved[:min(r.n, len(moved))]
	q := r.query()
	v := &views.AlignView{IDA: r.a.ID, IDB: r.b.ID, NameA: r.a.Name, NameB: r.b.Name,
		Shared: loc.Int(int64(al.Shared)), FitWords: loc.Int(int64(al.FitWords)), Residual: loc.Fixed(al.Residual, 4),
		Filter: r.filterText(loc), Matching: loc.Int(int64(len(moved))), Listed: len(listed)}
	for i, m := range listed {
		sel := url.Values{}
		for k, vs := range q {
			sel[k] = vs
		}
		sel.Set("word", m.Word)
		if r.n != defaultMoved {
			sel.Set("n", strconv.Itoa(r.n))
		}
		v.Moved = append(v.Moved, views.MovedRow{Rank: i + 1, Word: m.Word, Distance: loc.Fixed(m.Distance, 4),
			RankA: m.RankA + 1, RankB: m.RankB + 1, HrefA: views.VectorWordURL(r.a.ID, m.Word), HrefB: views.VectorWordURL(r.b.ID, m.Word),
			Select: "/compare/align?" + sel.Encode() + "#align-neighbours"})
	}
	if nc != nil {
		v.Neighbours = neighbourView(loc, nc, r.a.ID, r.b.ID)
	}
	words := r.mapWords(moved)
	v.PlotWords = strings.Join(words, ", ")
	pq := r.query()
	if r.word != "" {
		pq.Set("word", r.word)
	}
	if r.arrows != defaultArrows {
		pq.Set("arrows", strconv.Itoa(r.arrows))
	}
	v.Plot = views.NewModelPlot("/compare/plots/align?"+pq.Encode(), loc.T("compare.align.plot_alt", v.PlotWords), "")
	api := r.query()
	api.Set("n", strconv.Itoa(r.n))
	if r.word != "" {
		api.Set("word", r.word)
	}
	v.APIURL = "/api/compare/align?" + api.Encode()
	return v, nil
}

// mapWords are the words of the aligned map: the chosen word, then the
// most moved (after the filter), r.arrows in all.
func (r alignRequest) mapWords(moved []align.Moved) []string {
	var words []string
	if r.word != "" {
		words = append(words, r.word)
	}
	for _, m := range moved {
		if len(words) >= r.arrows {
			break
		}
		if m.Word != r.word {
			words = append(words, m.Word)
		}
	}
	return words
}

func neighbourView(loc views.Locale, nc *align.NeighbourChange, idA, idB int64) *views.NeighbourView {
	status := func(list []string) map[string]bool {
		m := make(map[string]bool, len(list))
		for _, w := range list {
			m[w] = true
		}
		return m
	}
	kept := status(nc.Kept)
	nv := &views.NeighbourView{Word: nc.Word, Kept: len(nc.Kept), Lost: len(nc.Lost), Gained: len(nc.Gained)}
	for _, m := range nc.InA {
		st := "lost"
		if kept[m.Word] {
			st = "kept"
		}
		nv.InA = append(nv.InA, views.NeighbourRow{Word: m.Word, Href: views.VectorWordURL(idA, m.Word), Cosine: loc.Fixed(m.Score, 4), Status: st})
	}
	for _, m := range nc.InB {
		st := "gained"
		if kept[m.Word] {
			st = "kept"
		}
		nv.InB = append(nv.InB, views.NeighbourRow{Word: m.Word, Href: views.VectorWordURL(idB, m.Word), Cosine: loc.Fixed(m.Score, 4), Status: st})
	}
	return nv
}

// alignPlot serves /compare/plots/align: the aligned map (PNG, SVG) or
// its rows (CSV), through the downloads convention.
func (s *Server) alignPlot(c echo.Context) error {
	r, al, err := s.alignment(c)
	if err != nil {
		return err
	}
	words := r.mapWords(r.filterMoved(al.Moved))
	m, err := s.svc.AlignedMap(ctx(c), al, words)
	if err != nil {
		return err
	}
	dist := make(map[string]float64, len(words))
	for _, mv := range al.Moved {
		dist[mv.Word] = mv.Distance
	}
	arrows := make([]plot.Arrow, len(m.Words))
	rows := make([][]string, len(m.Words))
	for i, w := range m.Words {
		arrows[i] = plot.Arrow{Word: w, FromX: m.From[i][0], FromY: m.From[i][1], ToX: m.To[i][0], ToY: m.To[i][1]}
		rows[i] = []string{w, fnum(m.From[i][0]), fnum(m.From[i][1]), fnum(m.To[i][0]), fnum(m.To[i][1]), fnum(dist[w])}
	}
	loc := locale(c)
	spec := plot.AlignedMapSpec{Arrows: arrows, FromName: loc.T("compare.align.plot.rotated", loc.Name(r.a.Name)), ToName: loc.Name(r.b.Name),
		Title:  loc.T("compare.align.plot.title", loc.Name(r.a.Name), loc.Name(r.b.Name)),
		XLabel: loc.T("compare.align.plot.pc1", loc.Fixed(100*m.ExplainedVarianceRatio[0], 1)),
		YLabel: loc.T("compare.align.plot.pc2", loc.Fixed(100*m.ExplainedVarianceRatio[1], 1)),
		SubtitleFor: func(words int) string {
			return loc.T(plural(words, "compare.align.plot.subtitle_one", "compare.align.plot.subtitle"), loc.Int(int64(words)))
		},
		OmittedNote: func(words int) string {
			return loc.T(plural(words, "compare.align.plot.omitted_one", "compare.align.plot.omitted"), loc.Int(int64(words)))
		}}
	params := []string{"onto", r.b.Name, fmt.Sprintf("fit%d", r.fitTop)}
	if r.word != "" {
		params = append(params, r.word)
	}
	return s.sendPlot(c, plotOut{what: "align", owner: setOwner(r.a.ID, r.a.Name), params: params, width: 760, height: 520,
		figure: func() (*plot.Figure, error) { return plot.NewAlignedMap(spec) },
		header: []string{"word", "a_x", "a_y", "b_x", "b_y", "distance"}, rows: rows})
}

// alignJSON is the JSON of /api/compare/align: align.Summary, the shape
// of `glove align -json`, with the two sets, how many words pass the rank
// filter and, when a word is chosen, its neighbours.
type alignJSON struct {
	A CompareSet `json:"a"`
	B CompareSet `json:"b"`
	align.Summary
	Matching   int            `json:"matching"`
	Neighbours *neighbourJSON `json:"neighbours,omitempty"`
}

// CompareSet names a vector set in the JSON.
type CompareSet struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// neighbourJSON is a word's neighbours in A and B, compared.
type neighbourJSON struct {
	Word   string       `json:"word"`
	InA    []cosineJSON `json:"in_a"`
	InB    []cosineJSON `json:"in_b"`
	Kept   []string     `json:"kept"`
	Lost   []string     `json:"lost"`
	Gained []string     `json:"gained"`
}

type cosineJSON struct {
	Word   string  `json:"word"`
	Cosine float64 `json:"cosine"`
}

func newNeighbourJSON(nc *align.NeighbourChange) *neighbourJSON {
	if nc == nil {
		return nil
	}
	list := func(ms []vectors.Match) []cosineJSON {
		out := make([]cosineJSON, len(ms))
		for i, m := range ms {
			out[i] = cosineJSON{m.Word, m.Score}
		}
		return out
	}
	orEmpty := func(ws []string) []string {
		if ws == nil {
			return []string{}
		}
		return ws
	}
	return &neighbourJSON{Word: nc.Word, InA: list(nc.InA), InB: list(nc.InB), Kept: orEmpty(nc.Kept), Lost: orEmpty(nc.Lost), Gained: orEmpty(nc.Gained)}
}

func (s *Server) apiAlign(c echo.Context) error {
	r, al, err := s.alignment(c)
	if err != nil {
		return err
	}
	nc, err := s.neighbours(c, r)
	if err != nil {
		return err
	}
	moved := r.filterMoved(al.Moved)
	out := alignJSON{A: CompareSet{r.a.ID, r.a.Name}, B: CompareSet{r.b.ID, r.b.Name}, Summary: al.Summary(moved[:min(r.n, len(moved))]),
		Matching: len(moved), Neighbours: newNeighbourJSON(nc)}
	return c.JSON(http.StatusOK, out)
}
