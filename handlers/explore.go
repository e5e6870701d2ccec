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
	"github.com/gloveboard/gloveboard/analysis/spectrum"
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
	maxPCAWords    = 2000
	maxTSNEWords   = 1000
	maxWordListLen = 20000 // characters of a user word list
	maxMemo        = 32    // PCA and relation-axis maps kept in memory
)

// Sentinels of the Explore pages.
var (
	// ErrNeedsPost marks a GET for something that starts a job: jobs are
	// started only by POST, which carries the CSRF token.
	ErrNeedsPost = errors.New("this request starts a job and must be a POST")
	// ErrTooManyWords marks a map asked for more words than allowed.
	ErrTooManyWords = errors.New("too many words for this map")
)

// errTSNENeedsPost refuses a t-SNE map asked for with GET.
var errTSNENeedsPost = public(ErrNeedsPost, "A t-SNE map is computed by a background job, so it must be asked for with POST (the map form does this); PCA and relation-axis maps can be fetched with GET.")

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
	return s.ok(c, views.ExploreList(views.ExploreListData{Page: s.page(c, "Explore", views.SectionExplore), Vectors: vs}))
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
	d := views.ExploreData{Page: s.page(c, "Explore "+v.Name, views.SectionExplore), Set: vectorRow(v), N: 10,
		TSNEMax: maxTSNEWords, PCAMax: maxPCAWords, Downloads: vectorDownloads(v.ID), Examples: exampleWords(set),
		Method: "add"}
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

// unknownVectorWord explains that word is not in the set.
func unknownVectorWord(set *vectors.Set, word string) error {
	msg := fmt.Sprintf("“%s” is not in this vector set (%s words).", apperr.Quote(word), views.Count(set.Len()))
	if low := strings.ToLower(word); low != word {
		if _, ok := set.Index(low); ok {
			msg += fmt.Sprintf(" Words are case-sensitive: try “%s”.", apperr.Quote(low))
		}
	} else {
		msg += " Check the spelling, or try a more frequent word."
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
		rows[i] = views.ScoreRow{Rank: i + 1, Word: m.Word, Score: strconv.FormatFloat(m.Score, 'f', 4, 64)}
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
	return views.NeighborsView{Word: word, Rows: rows, Plot: views.NewModelPlot(q, "Bar chart of the nearest neighbours of "+word, "")}, nil
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

func methodName(m vectors.Method) string {
	if m == vectors.CosMul {
		return "3CosMul"
	}
	return "3CosAdd"
}

func (s *Server) analogy(c echo.Context, v store.VectorSet, set *vectors.Set, def int) (views.AnalogyView, error) {
	q, ms, err := s.analogyMatches(c, set, def)
	if err != nil {
		return views.AnalogyView{}, err
	}
	rows, _, _ := scoreRows(ms)
	linkWords(rows, v.ID)
	link := fmt.Sprintf("/vectors/%d/plots/analogy?a=%s&b=%s&c=%s&method=%s&n=%d", v.ID, urlQuery(q.a), urlQuery(q.b), urlQuery(q.c), q.method, len(ms))
	return views.AnalogyView{A: q.a, B: q.b, C: q.c, Method: q.method.String(), MethodName: methodName(q.method), Rows: rows,
		Plot: views.NewModelPlot(link, fmt.Sprintf("Bar chart of the answers to %s : %s :: %s : ?", q.a, q.b, q.c), "")}, nil
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

type mapRequest struct {
	method     string // pca | tsne | axis
	relation   wordgroups.Family
	pairs      []project.Pair // rows of the relation's pairs (axis)
	perplexity float64
	words      []string
	groups     []string
	skipped    []string
	key        string
}

// parseMapRequest reads a map request and refuses maps over the limits
// (word counts, perplexity, and the service's memory budget).
func (s *Server) parseMapRequest(c echo.Context, v store.VectorSet, set *vectors.Set) (mapRequest, error) {
	var r mapRequest
	var err error
	if r.method, r.relation, err = parseMapMethod(c); err != nil {
		return r, err
	}
	as, err := parseMapWords(c)
	if err != nil {
		return r, err
	}
	for _, w := range as.Words {
		if _, ok := set.Index(w); ok {
			r.words = append(r.words, w)
			r.groups = append(r.groups, as.Group(w))
		} else {
			r.skipped = append(r.skipped, w)
		}
	}
	if err := r.checkSize(c, set.Dim(), s.svc.CheckTSNE); err != nil {
		return r, err
	}
	if r.method == project.MethodAxis {
		if err := r.findPairs(); err != nil {
			return r, err
		}
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s|%s|%g|%s|", v.SHA256, r.method, r.perplexity, r.relation.Name())
	for i, w := range r.words {
		fmt.Fprintf(h, "%s\x00%s\x00", w, r.groups[i])
	}
	r.key = "map:" + hex.EncodeToString(h.Sum(nil))
	return r, nil
}

// parseMapMethod reads ?method (default pca) and, for an axis map,
// ?relation (default country-capital).
func parseMapMethod(c echo.Context) (string, wordgroups.Family, error) {
	method := strings.ToLower(strings.TrimSpace(c.FormValue("method")))
	if method == "" {
		method = "pca"
	}
	if method != "pca" && method != "tsne" && method != project.MethodAxis {
		return "", wordgroups.Family{}, public(project.ErrUnknownMethod, fmt.Sprintf("The map method must be pca, tsne or axis, not “%s”.", apperr.Quote(method)))
	}
	if method != project.MethodAxis {
		return method, wordgroups.Family{}, nil
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

// parseMapWords reads the words to map: ?source=builtin (the default) or
// words, with ?words one word a line, optionally followed by a group.
func parseMapWords(c echo.Context) (*wordgroups.Assignment, error) {
	source := c.FormValue("source")
	text := c.FormValue("words")
	if source == "" && strings.TrimSpace(text) != "" {
		source = "words"
	}
	switch source {
	case "", "builtin":
		return wordgroups.FromGroups(wordgroups.Builtin()), nil
	case "words":
	default:
		return nil, public(ErrBadRequest, "The word source must be builtin or words.")
	}
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

// checkSize refuses too few or too many words for r's method, reads the
// perplexity of a t-SNE map, and asks checkTSNE (the service's memory
// budget) about a t-SNE map of vectors of dim dimensions.
func (r *mapRequest) checkSize(c echo.Context, dim int, checkTSNE func(n, dim int, perplexity float64) error) error {
	n := len(r.words)
	limit := maxPCAWords
	if r.method == "tsne" {
		limit = maxTSNEWords
	}
	if n > limit {
		return public(ErrTooManyWords, fmt.Sprintf("%s words is too many for a %s map here: at most %s.", views.Count(n), methodLabel(r.method), views.Count(limit)))
	}
	if n < 4 {
		return public(project.ErrTooFewPoints, fmt.Sprintf("A map needs at least 4 words that are in this vector set; %d of the words given are.", n))
	}
	r.perplexity = 30
	if r.method != "tsne" {
		return nil
	}
	raw := c.FormValue("perplexity")
	// realNumber's ranges are closed: the open one is checked here.
	p, err := realNumber(raw, "The perplexity", r.perplexity, 0, math.Inf(1))
	if err != nil || p == 0 {
		return badNumber("The perplexity", "a number greater than 0", raw, nil)
	}
	r.perplexity = p
	if r.perplexity >= float64(n-1) {
		return public(project.ErrPerplexityTooLarge, fmt.Sprintf("A perplexity of %g is too large for %d words: it must be below %d (the number of words minus one). Lower it or add words.",
			r.perplexity, n, n-1))
	}
	return checkTSNE(n, dim, r.perplexity)
}

// findPairs sets the rows of the relation's pairs whose two words are both
// on the map, and refuses an axis map without any.
func (r *mapRequest) findPairs() error {
	row := make(map[string]int, len(r.words))
	for i, w := range r.words {
		row[w] = i
	}
	for _, p := range r.relation.Pairs {
		a, okA := row[p.A]
		b, okB := row[p.B]
		if okA && okB {
			r.pairs = append(r.pairs, project.Pair{A: a, B: b})
		}
	}
	if len(r.pairs) == 0 {
		return public(project.ErrNoPairs, fmt.Sprintf("A %s→%s axis needs at least one pair whose two words are both on the map (for example %s and %s).",
			r.relation.GroupA, r.relation.GroupB, r.relation.Pairs[0].A, r.relation.Pairs[0].B))
	}
	return nil
}

func methodLabel(m string) string {
	switch m {
	case "tsne":
		return "t-SNE"
	case project.MethodAxis:
		return "relation-axis"
	}
	return "PCA"
}

// instantMap computes (or recalls) a PCA or relation-axis map: both take
// milliseconds, so they run in the request rather than as a job.
func (s *Server) instantMap(c echo.Context, v store.VectorSet, set *vectors.Set, r mapRequest) (*app.MapResult, error) {
	return s.memo.Get(r.key, func() (*app.MapResult, error) {
		m, err := project.Project(ctx(c), app.Gather(set, r.words), len(r.words), set.Dim(), r.method, project.Options{Workers: 2, Pairs: r.pairs})
		if err != nil {
			return nil, err
		}
		return &app.MapResult{SetID: v.ID, Words: r.words, Groups: r.groups, Skipped: r.skipped, Map: m, Relation: r.relation}, nil
	})
}

func trustText(t project.TrustworthinessResult) string {
	if t.K == 0 || !isFinite(t.Value) {
		return ""
	}
	return strconv.FormatFloat(t.Value, 'f', 3, 64)
}

func mapView(res *app.MapResult, link string) views.MapView {
	m := res.Map
	mv := views.MapView{Method: methodLabel(m.Method), Words: len(res.Words), Skipped: res.Skipped, Trust: trustText(m.Trust), TrustK: m.Trust.K}
	switch m.Method {
	case project.MethodPCA:
		mv.Method = "PCA"
		if r := m.ExplainedVarianceRatio; len(r) >= 2 && isFinite(r[0]) && isFinite(r[1]) {
			mv.Extra = fmt.Sprintf("the two axes explain %.1f%% and %.1f%% of the variance of these words", 100*r[0], 100*r[1])
		}
	case project.MethodAxis:
		mv.Method = "relation axis"
		mv.Extra = fmt.Sprintf("x runs along the mean %s→%s offset of %d pairs (their offsets align with it at %.2f on average); y is the main remaining direction. The axis is learned from these pairs, so their own words separate by construction: judge it by the other words",
			res.Relation.GroupA, res.Relation.GroupB, m.AxisPairs, m.AxisAlignment)
	default:
		mv.Method = "t-SNE"
		switch project.Engine(m.Engine) {
		case project.EngineExact:
			mv.Engine = "exact (every pair of words attracts or repels every other; used up to a few thousand words)"
		case project.EngineBarnesHut:
			mv.Engine = "Barnes–Hut (far-away groups of words are treated as one, θ = 0.5; fast for many words)"
		default:
			mv.Engine = m.Engine
		}
		if isFinite(m.KL) && m.KL != 0 {
			mv.Extra = fmt.Sprintf("final KL divergence %.3f: how far the map's neighbour probabilities are from those of the full space (0 would be a perfect match; lower is better, but only comparable between maps of the same words)", m.KL)
		}
	}
	mv.Plot = views.NewModelPlot(link, mv.Method+" map of "+strconv.Itoa(len(res.Words))+" words", "")
	return mv
}

func mapQuery(c echo.Context) string {
	q := url.Values{}
	if err := c.Request().ParseForm(); err == nil {
		q = c.Request().Form // the query and, for POST, the form body
	}
	for _, k := range []string{"format", "download", "v", "_csrf"} {
		q.Del(k)
	}
	return q.Encode()
}

func (s *Server) mapFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	r, err := s.parseMapRequest(c, v, set)
	if err != nil {
		return s.fragmentError(c, err)
	}
	if r.method == "tsne" && c.Request().Method != http.MethodPost {
		return s.fragmentError(c, errTSNENeedsPost)
	}
	if r.method != "tsne" {
		res, err := s.instantMap(c, v, set, r)
		if err != nil {
			return s.fragmentError(c, err)
		}
		link := fmt.Sprintf("/vectors/%d/plots/map?%s", v.ID, mapQuery(c))
		mv, err := withViewer(mapView(res, link), v, res, link, 0)
		if err != nil {
			return s.fragmentError(c, err)
		}
		return s.ok(c, views.MapResult(mv))
	}
	job, err := s.submitTSNE(v, set, r)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.MapPendingFragment(views.MapPending{SetID: v.ID, JobID: job.ID, Status: string(job.Status)}))
}

// submitTSNE queues the t-SNE map of r.
func (s *Server) submitTSNE(v store.VectorSet, set *vectors.Set, r mapRequest) (store.Job, error) {
	return s.svc.SubmitTSNE(v, set, app.TSNERequest{Words: r.words, Groups: r.groups, Skipped: r.skipped, Perplexity: r.perplexity})
}

// tsneJob returns the t-SNE job :job of vector set v.
func (s *Server) tsneJob(c echo.Context, v store.VectorSet) (app.JobInfo, error) {
	id, err := idParam(c, "job", "map job")
	if err != nil {
		return app.JobInfo{}, err
	}
	return s.svc.TSNEJob(ctx(c), v.ID, id)
}

func (s *Server) mapJobFragment(c echo.Context) error {
	if !isHTMX(c) {
		return s.mapPage(c)
	}
	v, _, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	info, err := s.tsneJob(c, v)
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
	res, err := s.svc.TSNEResult(ctx(c), info)
	if err != nil {
		return s.fragmentError(c, err)
	}
	link := fmt.Sprintf("/vectors/%d/plots/map?job=%d", v.ID, info.ID)
	mv, err := withViewer(mapView(res, link), v, res, link, info.ID)
	if err != nil {
		return s.fragmentError(c, err)
	}
	return s.ok(c, views.MapResult(mv))
}

type spectrumResult struct {
	values []float64
	fit    spectrum.PowerLawFit
	// cut is the first rank of a collapsed tail left out of the default
	// fit (0: none).
	cut  int
	note string
}

// spectrumOf fits a power law to the eigenvalues over the ranks ?from..?to
// (by default those of spectrum.DefaultFitRange, as `glove spectrum
// -vectors`; ?to alone may reach the last rank with a positive eigenvalue).
func (s *Server) spectrumOf(c echo.Context, v store.VectorSet, set *vectors.Set) (*spectrumResult, error) {
	values, err := s.svc.CovarianceEigenvalues(ctx(c), v, set)
	if err != nil {
		return nil, err
	}
	def, err := spectrum.DefaultFitRange(values)
	if err != nil {
		return nil, public(err, "This vector set has fewer than three dimensions with variance, so no power law can be fitted to its spectrum.")
	}
	last := def.Positive
	from, to, cut := def.From, def.To, def.Cut
	if c.QueryParam("to") != "" {
		to, cut = last, 0
	}
	rangeErr := func() error {
		return public(spectrum.ErrFitRange, fmt.Sprintf("The fit range must be whole ranks with 1 ≤ from, from + 2 ≤ to and to ≤ %d (the last rank with a positive eigenvalue).", last))
	}
	for _, f := range []struct {
		name string
		dst  *int
	}{{"from", &from}, {"to", &to}} {
		n, err := wholeNumber(c.QueryParam(f.name), "“"+f.name+"”", *f.dst, minOf[int](), maxOf[int]())
		if err != nil {
			return nil, rangeErr()
		}
		*f.dst = n
	}
	if from < 1 || to > last || to-from < 2 {
		return nil, rangeErr()
	}
	fit, err := spectrum.FitPowerLaw(values, from, to)
	if err != nil {
		return nil, err
	}
	return &spectrumResult{values: values, fit: fit, cut: cut}, nil
}

func r2Text(v float64) string {
	if !isFinite(v) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func (s *Server) spectrumFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	res, err := s.spectrumOf(c, v, set)
	note := ""
	if err != nil && errors.Is(err, spectrum.ErrFitRange) && (c.QueryParam("from") != "" || c.QueryParam("to") != "") {
		// Show the message above the default fit, keeping the form.
		_, note = s.resolve(err)
		q := c.QueryParams()
		q.Del("from")
		q.Del("to")
		res, err = s.spectrumOf(c, v, set)
	}
	if err != nil {
		return s.fragmentError(c, err)
	}
	total := 0.0
	for _, x := range res.values {
		total += x
	}
	top := "n/a"
	if total > 0 {
		top = strconv.FormatFloat(100*res.values[0]/total, 'f', 1, 64) + "%"
	}
	if res.cut > 0 {
		note2 := fmt.Sprintf("Ranks %d–%d, where the eigenvalues fall more than tenfold, are left out of the fit; set the range above to include them.", res.cut, len(res.values))
		if note == "" {
			res.note = note2
		}
	}
	return s.ok(c, views.SpectrumResult(views.SpectrumView{SetID: v.ID, Error: note, Note: res.note, Dim: set.Dim(), Words: set.Len(),
		Beta: r2Text(res.fit.Beta), R2: r2Text(res.fit.R2), ExpR2: r2Text(res.fit.ExpR2), From: res.fit.From, To: res.fit.To, Top: top,
		Plot: views.NewModelPlot(fmt.Sprintf("/vectors/%d/plots/spectrum?from=%d&to=%d", v.ID, res.fit.From, res.fit.To),
			"Eigenvalues of the covariance against rank, log–log, with a power-law fit", "")}))
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
		return s.ok(c, views.EvaluationWithUploads(nil, "The evaluation sets could not be loaded: the folder given with -eval-dir holds neither analogy/questions-words.txt nor similarity/EN-*.txt. Without the flag the built-in sets are used.", up))
	case err != nil && errors.Is(err, app.ErrEvalSetsUnreadable):
		s.log.Error("loading evaluation sets", "dir", s.svc.EvalDir(), "err", err)
		return s.ok(c, views.EvaluationWithUploads(nil, "The evaluation sets could not be read; the server log says why.", up))
	case err != nil:
		return s.fragmentError(c, err)
	}
	view := evalView(ev)
	return s.ok(c, views.EvaluationWithUploads(&view, "", up))
}
