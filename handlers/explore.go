package handlers

// The Explore section: a vector set's page with nearest neighbours,
// analogies, 2-D maps (PCA and relation axes in the request, t-SNE as a
// job of the service), the covariance spectrum and evaluation scores.
// Figures: downloads.go; JSON twins: api_model.go.

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Limits of the Explore pages.
const (
	maxNeighbors   = 100
	maxWordListLen = 20000 // characters of a user word list
	maxMemo        = 32    // PCA and relation-axis maps kept in memory
)

// Sentinels of the Explore pages.
var (
	// ErrNeedsPost marks a GET for something that starts a job: jobs are
	// started only by POST, which carries the CSRF token.
	ErrNeedsPost = errors.New("this request starts a job and must be a POST")
	// ErrTooManyWords marks a word list longer than allowed.
	ErrTooManyWords = errors.New("too many words for this map")
)

// vectorSetOf returns the vector set of the path's id.
func (s *Server) vectorSetOf(c echo.Context) (store.VectorSet, error) {
	id, err := parseID(c, "vector set")
	if err != nil {
		return store.VectorSet{}, err
	}
	v, err := s.st.VectorSet(ctx(c), id)
	return v, notFound(err, "vector set", id)
}

// loadSet returns the vector set of the path's id and its vectors.
func (s *Server) loadSet(c echo.Context) (store.VectorSet, *vectors.Set, error) {
	v, err := s.vectorSetOf(c)
	if err != nil {
		return v, nil, err
	}
	set, err := s.svc.VectorSet(ctx(c), v)
	if err != nil {
		return v, nil, err
	}
	return v, set, nil
}

func (s *Server) exploreList(c echo.Context) error {
	vs, err := s.vectorRows(c)
	if err != nil {
		return err
	}
	return s.ok(c, views.ExploreList(views.ExploreListData{Page: s.page(c, locale(c).T("explore.list.heading"), views.SectionExplore), Vectors: vs}))
}

// exampleWords suggests words for the inputs: the most frequent ones.
func exampleWords(set *vectors.Set) []string {
	n := min(set.Len(), 200)
	out := make([]string, 0, n)
	for i := range n {
		out = append(out, set.Word(i))
	}
	return out
}

func (s *Server) explorePage(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	loc := locale(c)
	d := views.ExploreData{Page: s.page(c, loc.T("explore.page.title", loc.Name(v.Name)), views.SectionExplore), Set: vectorRow(v), N: 10,
		TSNEMax: min(project.MaxPointsTSNE, set.Len()), PCAMax: set.Len(), InstantMax: app.InstantMapMax,
		Downloads: vectorDownloadsIn(loc, v.ID), Examples: exampleWords(set), Method: "add"}
	if d.SavedMaps, err = s.savedMapRows(c, v.ID); err != nil {
		return err
	}
	q := c.QueryParams()
	// Without JavaScript the forms come back here with their fields.
	if w := strings.TrimSpace(q.Get("word")); w != "" {
		d.Word = w
		nv, err := s.neighbors(c, v, set)
		if err != nil {
			return err
		}
		d.Neighbors = &nv
	}
	if q.Get("a") != "" || q.Get("b") != "" || q.Get("c") != "" {
		av, err := s.analogy(c, v, set, 10)
		if err != nil {
			return err
		}
		d.Analogy = &av
		d.A, d.B, d.C, d.Method = av.A, av.B, av.C, av.Method
	}
	return s.ok(c, views.ExplorePage(d))
}

// savedMapRows lists the saved maps of vector set setID for its page.
func (s *Server) savedMapRows(c echo.Context, setID int64) ([]views.SavedMapRow, error) {
	ms, err := s.svc.SavedMaps(ctx(c), setID)
	if err != nil {
		return nil, err
	}
	loc := locale(c)
	rows := make([]views.SavedMapRow, len(ms))
	for i, m := range ms {
		rows[i] = views.SavedMapRow{ID: m.ID, Name: m.Params.Name, Method: methodLabel(m.Method), N: m.Words,
			Created: fmtTime(m.Created)}
		if trustText(m.Trust) != "" {
			rows[i].Trust = loc.Fixed(m.Trust.Value, 3)
		}
		if rows[i].Name == "" {
			rows[i].Name = loc.T("explore.saved_map.name", m.ID)
		}
		if m.Params.Seed != 0 {
			rows[i].Seed = strconv.FormatUint(m.Params.Seed, 10)
		}
		if t := m.Trust; t.K > 0 {
			rows[i].TrustNote = fmt.Sprintf("k = %d", t.K)
			if t.Sampled < m.Words {
				rows[i].TrustNote = loc.T("explore.saved_map.sampled", t.K, loc.Int(int64(t.Sampled)))
			}
		}
	}
	return rows, nil
}

// unknownVectorWord explains that word is not in the set. The message is
// one of three whole formats (translated by messagesVI).
func unknownVectorWord(set *vectors.Set, word string) error {
	q, n := apperr.Quote(word), views.Count(set.Len())
	msg := fmt.Sprintf("“%s” is not in this vector set (%s words).", q, n)
	if low := strings.ToLower(word); low != word {
		if _, ok := set.Index(low); ok {
			msg = fmt.Sprintf("“%s” is not in this vector set (%s words). Words are case-sensitive: try “%s”.", q, n, apperr.Quote(low))
		}
	} else {
		msg = fmt.Sprintf("“%s” is not in this vector set (%s words). Check the spelling, or try a more frequent word.", q, n)
	}
	return public(vectors.ErrUnknownWord, msg)
}

func queryWord(c echo.Context, name, label string) (string, error) {
	w := strings.TrimSpace(c.QueryParam(name))
	if w == "" {
		return "", public(ErrBadRequest, "Type a word for "+label+".")
	}
	if len(w) > 200 {
		return "", public(ErrBadRequest, "That word is too long.")
	}
	return w, nil
}

// queryCount reads ?n, the number of results (def when absent).
func queryCount(c echo.Context, def int) (int, error) {
	return wholeNumber(c.QueryParam("n"), "The number of results", def, 1, maxNeighbors)
}

func scoreRows(ms []vectors.Match) ([]views.ScoreRow, []plot.ScoreBar, [][]string) {
	rows := make([]views.ScoreRow, len(ms))
	bars := make([]plot.ScoreBar, len(ms))
	csvRows := make([][]string, len(ms))
	for i, m := range ms {
		rows[i] = views.ScoreRow{Rank: i + 1, Word: m.Word, Score: m.Score}
		bars[i] = plot.ScoreBar{Word: m.Word, Score: m.Score}
		csvRows[i] = []string{strconv.Itoa(i + 1), m.Word, fnum(m.Score)}
	}
	return rows, bars, csvRows
}

// linkWords points each result word to its word page in set setID.
func linkWords(rows []views.ScoreRow, setID int64) {
	for i := range rows {
		rows[i].URL = views.VectorWordURL(setID, rows[i].Word)
	}
}

func (s *Server) neighborMatches(c echo.Context, set *vectors.Set, def int) (string, []vectors.Match, error) {
	word, err := queryWord(c, "word", "its neighbours")
	if err != nil {
		return "", nil, err
	}
	n, err := queryCount(c, def)
	if err != nil {
		return "", nil, err
	}
	ms, err := set.NeighborsOf(ctx(c), word, n)
	if errors.Is(err, vectors.ErrUnknownWord) {
		return "", nil, unknownVectorWord(set, word)
	}
	return word, ms, err
}

func (s *Server) neighbors(c echo.Context, v store.VectorSet, set *vectors.Set) (views.NeighborsView, error) {
	word, ms, err := s.neighborMatches(c, set, 10)
	if err != nil {
		return views.NeighborsView{}, err
	}
	rows, _, _ := scoreRows(ms)
	linkWords(rows, v.ID)
	q := fmt.Sprintf("/vectors/%d/plots/neighbors?word=%s&n=%d", v.ID, urlQuery(word), len(ms))
	alt := locale(c).T("explore.neighbors.plot_alt", word)
	return views.NeighborsView{Word: word, Rows: rows, Plot: views.NewModelPlot(q, alt, "")}, nil
}

func urlQuery(s string) string { return url.QueryEscape(s) }

func (s *Server) neighborsFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	nv, err := s.neighbors(c, v, set)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.NeighborsResult(nv))
}

type analogyQuery struct {
	a, b, c string
	method  vectors.Method
}

func parseAnalogy(c echo.Context) (analogyQuery, error) {
	var q analogyQuery
	var err error
	if q.a, err = queryWord(c, "a", "a"); err != nil {
		return q, err
	}
	if q.b, err = queryWord(c, "b", "b"); err != nil {
		return q, err
	}
	if q.c, err = queryWord(c, "c", "c"); err != nil {
		return q, err
	}
	m := c.FormValue("method")
	if m == "" {
		m = "add"
	}
	if q.method, err = vectors.ParseMethod(m); err != nil {
		return q, public(ErrBadRequest, fmt.Sprintf("The analogy method must be add (3CosAdd) or mul (3CosMul), not “%s”.", apperr.Quote(m)))
	}
	return q, nil
}

func (s *Server) analogyMatches(c echo.Context, set *vectors.Set, def int) (analogyQuery, []vectors.Match, error) {
	q, err := parseAnalogy(c)
	if err != nil {
		return q, nil, err
	}
	n, err := queryCount(c, def)
	if err != nil {
		return q, nil, err
	}
	for _, w := range []string{q.a, q.b, q.c} {
		if _, ok := set.Index(w); !ok {
			return q, nil, unknownVectorWord(set, w)
		}
	}
	ms, err := set.Analogy(ctx(c), q.a, q.b, q.c, q.method, n)
	return q, ms, err
}

// methodName names an analogy method in loc's catalogue (3CosAdd,
// 3CosMul).
func methodName(loc views.Locale, m vectors.Method) string {
	if m == vectors.CosMul {
		return loc.T("explore.method.cosmul")
	}
	return loc.T("explore.method.cosadd")
}

func (s *Server) analogy(c echo.Context, v store.VectorSet, set *vectors.Set, def int) (views.AnalogyView, error) {
	q, ms, err := s.analogyMatches(c, set, def)
	if err != nil {
		return views.AnalogyView{}, err
	}
	rows, _, _ := scoreRows(ms)
	linkWords(rows, v.ID)
	link := fmt.Sprintf("/vectors/%d/plots/analogy?a=%s&b=%s&c=%s&method=%s&n=%d", v.ID, urlQuery(q.a), urlQuery(q.b), urlQuery(q.c), q.method, len(ms))
	alt := locale(c).T("explore.analogy.plot_alt", q.a, q.b, q.c)
	return views.AnalogyView{A: q.a, B: q.b, C: q.c, Method: q.method.String(), Rows: rows,
		Plot: views.NewModelPlot(link, alt, "")}, nil
}

func (s *Server) analogyFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	av, err := s.analogy(c, v, set, 10)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.AnalogyResult(av))
}

// mapForm is a map request as read from the query or form, with the
// key of its instant map in the memo.
type mapForm struct {
	plan *app.MapPlan
	key  string
}

// Defaults of the map form.
const (
	defaultMapTopN      = 1000
	defaultMapNeighbors = 100
	defaultMapSample    = 1000
)

// parseMapRequest reads a map request (parseMapForm) and has the service
// check it against the vector set and pick its words (app.PlanMap: the
// size limits, the memory budget and the vocabulary are the service's).
func (s *Server) parseMapRequest(c echo.Context, v store.VectorSet, set *vectors.Set) (mapForm, error) {
	req, err := parseMapForm(c)
	if err != nil {
		return mapForm{}, err
	}
	plan, err := s.svc.PlanMap(ctx(c), set, req)
	if err != nil {
		return mapForm{}, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%s|%d|%s|%d|%g|%d|%g|%s|", v.SHA256, plan.Method, plan.Source, plan.N, plan.Word, plan.Seed,
		plan.Perplexity, plan.Neighbors, plan.MinDist, plan.Relation.Name())
	for i, w := range plan.Words {
		fmt.Fprintf(h, "%s\x00%s\x00", w, plan.Groups[i])
	}
	return mapForm{plan: plan, key: "map:" + hex.EncodeToString(h.Sum(nil))}, nil
}

// parseMapForm reads the fields of a map request: method (pca, tsne,
// umap or axis; default pca), source (builtin, words, top, neighbors or
// sample; default builtin, or words when words are given), n, word,
// words, seed, perplexity (t-SNE), neighbors and min_dist (UMAP),
// relation (axis) and save. It checks what a form can get wrong on its
// own (numbers, names); the service checks the rest.
func parseMapForm(c echo.Context) (app.MapRequest, error) {
	var r app.MapRequest
	var err error
	if r.Method, r.Relation, err = parseMapMethod(c); err != nil {
		return r, err
	}
	text := c.FormValue("words")
	src := strings.ToLower(strings.TrimSpace(c.FormValue("source")))
	if src == "" && strings.TrimSpace(text) != "" {
		src = string(app.SourceWords)
	}
	if r.Source, err = app.ParseSource(src); err != nil {
		return r, err
	}
	switch r.Source {
	case app.SourceWords:
		if r.List, err = parseMapWords(text); err != nil {
			return r, err
		}
	case app.SourceTop, app.SourceNeighbors, app.SourceSample:
		def := map[app.Source]int{app.SourceTop: defaultMapTopN, app.SourceNeighbors: defaultMapNeighbors, app.SourceSample: defaultMapSample}[r.Source]
		// The service checks the range, which depends on the method and
		// the vector set.
		if r.N, err = wholeNumber(c.FormValue("n"), "The number of words", def, 1, maxOf[int]()); err != nil {
			return r, err
		}
		if r.Source == app.SourceNeighbors {
			if r.Word, err = formWord(c, "word", "the word whose neighbours to map"); err != nil {
				return r, err
			}
		}
	}
	seed, err := wholeNumber(c.FormValue("seed"), "The seed", int64(1), 1, 1<<53)
	if err != nil {
		return r, err
	}
	r.Seed = uint64(seed)
	switch r.Method {
	case project.MethodTSNE:
		raw := c.FormValue("perplexity")
		// realNumber's ranges are closed: the open one is checked here.
		if r.Perplexity, err = realNumber(raw, "The perplexity", 30, 0, math.Inf(1)); err != nil || r.Perplexity == 0 {
			return r, badNumber("The perplexity", "a number greater than 0", raw, nil)
		}
	case project.MethodUMAP:
		if r.Neighbors, err = wholeNumber(c.FormValue("neighbors"), "The UMAP neighbours", 15, 2, 200); err != nil {
			return r, err
		}
		if r.MinDist, err = realNumber(c.FormValue("min_dist"), "The UMAP minimum distance", 0.1, 0, 1); err != nil {
			return r, err
		}
	}
	r.Save = c.FormValue("save") != ""
	return r, nil
}

// formWord reads the word of field name (from the query or form).
func formWord(c echo.Context, name, label string) (string, error) {
	w := strings.TrimSpace(c.FormValue(name))
	if w == "" {
		return "", public(ErrBadRequest, "Type "+label+".")
	}
	if len(w) > 200 {
		return "", public(ErrBadRequest, "That word is too long.")
	}
	return w, nil
}

// parseMapMethod reads ?method (default pca) and, for an axis map,
// ?relation (default country-capital).
func parseMapMethod(c echo.Context) (string, wordgroups.Family, error) {
	method := strings.ToLower(strings.TrimSpace(c.FormValue("method")))
	if method == "" {
		method = project.MethodPCA
	}
	switch method {
	case project.MethodPCA, project.MethodTSNE, project.MethodUMAP:
		return method, wordgroups.Family{}, nil
	case project.MethodAxis:
	default:
		return "", wordgroups.Family{}, public(project.ErrUnknownMethod, fmt.Sprintf("The map method must be pca, tsne, umap or axis, not “%s”.", apperr.Quote(method)))
	}
	name := strings.TrimSpace(c.FormValue("relation"))
	if name == "" {
		name = "country-capital"
	}
	fam, ok := wordgroups.FamilyNamed(name)
	if !ok {
		return "", fam, public(ErrBadRequest, fmt.Sprintf("The relation must be country-capital, male-female or singular-plural, not “%s”.", apperr.Quote(name)))
	}
	return method, fam, nil
}

// parseMapWords reads the user's words: one a line (or separated by
// commas), optionally followed by a group.
func parseMapWords(text string) (*wordgroups.Assignment, error) {
	if len(text) > maxWordListLen {
		return nil, public(ErrTooManyWords, fmt.Sprintf("The word list is too long (at most %s characters).", views.Count(maxWordListLen)))
	}
	as, err := wordgroups.Parse(strings.NewReader(strings.ReplaceAll(text, ",", "\n")))
	if err != nil {
		return nil, public(err, "The word list could not be read: "+apperr.Quote(strings.TrimPrefix(err.Error(), "wordgroups: "))+". Write one word a line, optionally followed by a group name.")
	}
	if len(as.Words) == 0 {
		return nil, public(project.ErrTooFewPoints, "Type some words for the map, one a line.")
	}
	return as, nil
}

func methodLabel(m string) string { return app.MethodLabel(m) }

// instantMap computes (or recalls) a small PCA or relation-axis map: both
// take milliseconds, so they run in the request rather than as a job.
func (s *Server) instantMap(c echo.Context, v store.VectorSet, set *vectors.Set, r mapForm) (*app.MapResult, error) {
	return s.memo.Get(r.key, func() (*app.MapResult, error) { return app.DrawMap(ctx(c), v, set, r.plan, nil) })
}

func trustText(t project.TrustworthinessResult) string {
	if t.K == 0 || !isFinite(t.Value) {
		return ""
	}
	return strconv.FormatFloat(t.Value, 'f', 3, 64)
}

func mapQuery(c echo.Context) string {
	q := url.Values{}
	if err := c.Request().ParseForm(); err == nil {
		q = c.Request().Form // the query and, for POST, the form body
	}
	for _, k := range []string{"format", "download", "v", "_csrf", "save"} {
		q.Del(k)
	}
	return q.Encode()
}

// errJobNeedsPost refuses a map job asked for with GET.
var errJobNeedsPost = public(ErrNeedsPost, "This map is computed by a background job (t-SNE, UMAP, a large PCA map, or a map to save), so it must be asked for with POST (the map form does this); small PCA and relation-axis maps can be fetched with GET.")

func (s *Server) mapFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	r, err := s.parseMapRequest(c, v, set)
	if err != nil {
		return s.fragmentError(c, err)
	}
	if r.plan.Instant() {
		res, err := s.instantMap(c, v, set, r)
		if err != nil {
			return s.fragmentError(c, err)
		}
		link := fmt.Sprintf("/vectors/%d/plots/map?%s", v.ID, mapQuery(c))
		mv, err := withViewer(mapView(locale(c), res, link), locale(c), v, res, link, 0)
		if err != nil {
			return s.fragmentError(c, err)
		}
		return s.ok(c, views.MapResult(mv))
	}
	if c.Request().Method != http.MethodPost {
		return s.fragmentError(c, errJobNeedsPost)
	}
	job, err := s.svc.SubmitMap(v, set, r.plan)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.MapPendingFragment(views.MapPending{SetID: v.ID, JobID: job.ID, Status: string(job.Status)}))
}

// mapJob returns the map job :job of vector set v.
func (s *Server) mapJob(c echo.Context, v store.VectorSet) (app.JobInfo, error) {
	id, err := idParam(c, "job", "map")
	if err != nil {
		return app.JobInfo{}, err
	}
	return s.svc.MapJob(ctx(c), v.ID, id)
}

func (s *Server) mapJobFragment(c echo.Context) error {
	if !isHTMX(c) {
		return s.mapPage(c)
	}
	v, _, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	info, err := s.mapJob(c, v)
	if err != nil {
		return s.fragmentError(c, err)
	}
	pend := views.MapPending{SetID: v.ID, JobID: info.ID, Status: string(info.Status), Percent: info.Progress, Message: info.Message, Error: info.Error}
	switch {
	case !info.Status.Final():
		if info.Position > 0 {
			pend.Message = fmt.Sprintf("waiting for a worker (position %d in the queue)", info.Position)
		}
		return s.ok(c, views.MapPendingFragment(pend))
	case info.Status != store.JobDone:
		return s.ok(c, views.MapFailedFragment(pend))
	}
	res, err := s.svc.MapResultOf(ctx(c), info)
	if err != nil {
		return s.fragmentError(c, err)
	}
	link := fmt.Sprintf("/vectors/%d/plots/map?job=%d", v.ID, info.ID)
	mv, err := withViewer(mapView(locale(c), res, link), locale(c), v, res, link, info.ID)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.MapResult(mv))
}

// evaluationFragment scores a vector set on the evaluation sets (kept in
// memory per set) and on those users uploaded (evalsets.go).
func (s *Server) evaluationFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	ev, err := s.svc.Evaluate(ctx(c), v, set)
	up := s.uploadedEvals(c, v.ID, set)
	switch {
	case errors.Is(err, app.ErrNoEvalSets):
		return s.ok(c, views.EvaluationWithUploads(nil, locale(c).T("explore.evaluation.no_sets"), up))
	case err != nil && errors.Is(err, app.ErrEvalSetsUnreadable):
		s.log.Error("loading evaluation sets", "dir", s.svc.EvalDir(), "err", err)
		return s.ok(c, views.EvaluationWithUploads(nil, locale(c).T("explore.evaluation.unreadable"), up))
	case err != nil:
		return s.fragmentError(c, err)
	}
	view := evalView(ev)
	return s.ok(c, views.EvaluationWithUploads(&view, "", up))
}
