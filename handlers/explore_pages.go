package handlers

// The Explore section: neighbours, analogies, 2-D maps, the covariance
// spectrum and fidelity plots of a vector set, plot and vector downloads,
// and the vector API.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/app"
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

// --- plots -------------------------------------------------------------------

// plotOut is one plot: how to draw it and its data as CSV.
type plotOut struct {
	name          string // file name without extension
	width, height int
	figure        func() (*plot.Figure, error)
	header        []string
	rows          [][]string
}

func csvFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// fileName makes a safe ASCII file name stem of s.
func fileName(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range s {
		ok := r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_')
		switch {
		case ok:
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.Trim(b.String(), "-.")
	if out == "" {
		return "plot"
	}
	return out
}

func attachment(c echo.Context, name string) {
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="`+name+`"`)
}

// sendPlot writes the plot in the format asked for (?format=png|svg|csv),
// as an attachment when ?download=1.
func (s *Server) sendPlot(c echo.Context, p plotOut) error {
	format := strings.ToLower(c.QueryParam("format"))
	if format == "" {
		format = "png"
	}
	name := "gloveboard-" + fileName(p.name)
	var buf bytes.Buffer
	var ctype string
	switch format {
	case "csv":
		w := csv.NewWriter(&buf)
		_ = w.Write(p.header)
		_ = w.WriteAll(p.rows)
		ctype = "text/csv; charset=utf-8"
	case "png", "svg":
		fig, err := p.figure()
		if err != nil {
			return err
		}
		f, _ := plot.ParseFormat(format)
		w, h := p.width, p.height
		if w == 0 {
			w, h = plot.DefaultWidthPx, plot.DefaultHeightPx
		}
		if err := fig.Render(&buf, plot.Output{Format: f, Width: float64(w), Height: float64(h)}); err != nil {
			return err
		}
		ctype = "image/png"
		if format == "svg" {
			ctype = "image/svg+xml"
		}
	default:
		return public(plot.ErrFormat, fmt.Sprintf("Plots can be had as png, svg or csv, not “%s”.", clip(format)))
	}
	if c.QueryParam("download") != "" {
		attachment(c, name+"."+format)
	}
	if c.QueryParam("v") != "" {
		// Versioned addresses (the live loss plot) change with their content.
		c.Response().Header().Set(echo.HeaderCacheControl, "private, max-age=3600")
	} else {
		c.Response().Header().Set(echo.HeaderCacheControl, "no-cache")
	}
	return c.Blob(http.StatusOK, ctype, buf.Bytes())
}

// fragmentError renders err as a small message in place of a result, with
// the status of the central error table; htmx swaps it in (model.js).
func (s *Server) fragmentError(c echo.Context, err error) error {
	status, msg := s.resolve(err)
	if status >= 500 {
		s.log.Error("request failed", "method", c.Request().Method, "path", c.Request().URL.Path, "err", err)
	}
	c.Response().Header().Set("X-Fragment-Error", "1")
	return s.render(c, status, views.FragmentError(msg))
}

// --- vector sets ------------------------------------------------------------

func (s *Server) loadSet(c echo.Context) (store.VectorSet, *vectors.Set, error) {
	id, err := parseID(c, "vector set")
	if err != nil {
		return store.VectorSet{}, nil, err
	}
	v, err := s.st.VectorSet(ctx(c), id)
	if err != nil {
		return store.VectorSet{}, nil, notFound(err, "vector set", id)
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

func vectorDownloads(id int64) []views.Download {
	base := "/vectors/" + strconv.FormatInt(id, 10) + "/download/"
	return []views.Download{
		{Href: base + "glove.txt", Label: "GloVe text", Hint: "word v1 … vd per line, no header"},
		{Href: base + "word2vec.bin", Label: "word2vec binary", Hint: "“n d” header, then float32 records"},
		{Href: base + "vectors.tsv", Label: "Projector vectors.tsv", Hint: "for projector.tensorflow.org"},
		{Href: base + "metadata.tsv", Label: "Projector metadata.tsv", Hint: "the words, one a line"},
	}
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
	msg := fmt.Sprintf("“%s” is not in this vector set (%s words).", clip(word), views.Count(set.Len()))
	if low := strings.ToLower(word); low != word {
		if _, ok := set.Index(low); ok {
			msg += fmt.Sprintf(" Words are case-sensitive: try “%s”.", clip(low))
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

func queryCount(c echo.Context, def int) (int, error) {
	raw := strings.TrimSpace(c.QueryParam("n"))
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > maxNeighbors {
		return 0, public(ErrBadRequest, fmt.Sprintf("The number of results must be a whole number from 1 to %d.", maxNeighbors))
	}
	return n, nil
}

func scoreRows(ms []vectors.Match) ([]views.ScoreRow, []plot.ScoreBar, [][]string) {
	rows := make([]views.ScoreRow, len(ms))
	bars := make([]plot.ScoreBar, len(ms))
	csvRows := make([][]string, len(ms))
	for i, m := range ms {
		rows[i] = views.ScoreRow{Rank: i + 1, Word: m.Word, Score: strconv.FormatFloat(m.Score, 'f', 4, 64)}
		bars[i] = plot.ScoreBar{Word: m.Word, Score: m.Score}
		csvRows[i] = []string{strconv.Itoa(i + 1), m.Word, csvFloat(m.Score)}
	}
	return rows, bars, csvRows
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
		return q, public(ErrBadRequest, fmt.Sprintf("The analogy method must be add (3CosAdd) or mul (3CosMul), not “%s”.", clip(m)))
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

// --- maps --------------------------------------------------------------------

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
	r.method = strings.ToLower(strings.TrimSpace(c.FormValue("method")))
	if r.method == "" {
		r.method = "pca"
	}
	if r.method != "pca" && r.method != "tsne" && r.method != project.MethodAxis {
		return r, public(project.ErrUnknownMethod, fmt.Sprintf("The map method must be pca, tsne or axis, not “%s”.", clip(r.method)))
	}
	if r.method == project.MethodAxis {
		name := strings.TrimSpace(c.FormValue("relation"))
		if name == "" {
			name = "country-capital"
		}
		fam, ok := wordgroups.FamilyNamed(name)
		if !ok {
			return r, public(ErrBadRequest, fmt.Sprintf("The relation must be country-capital, male-female or singular-plural, not “%s”.", clip(name)))
		}
		r.relation = fam
	}
	as, err := mapWords(c)
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
	n := len(r.words)
	limit := maxPCAWords
	if r.method == "tsne" {
		limit = maxTSNEWords
	}
	if n > limit {
		return r, public(ErrTooManyWords, fmt.Sprintf("%s words is too many for a %s map here: at most %s.", views.Count(n), methodLabel(r.method), views.Count(limit)))
	}
	if n < 4 {
		return r, public(project.ErrTooFewPoints, fmt.Sprintf("A map needs at least 4 words that are in this vector set; %d of the words given are.", n))
	}
	r.perplexity = 30
	if raw := strings.TrimSpace(c.FormValue("perplexity")); raw != "" && r.method == "tsne" {
		p, err := strconv.ParseFloat(raw, 64)
		if err != nil || math.IsNaN(p) || math.IsInf(p, 0) || p <= 0 {
			return r, public(ErrBadRequest, fmt.Sprintf("The perplexity must be a number greater than 0, not “%s”.", clip(raw)))
		}
		r.perplexity = p
	}
	if r.method == "tsne" && r.perplexity >= float64(n-1) {
		return r, public(project.ErrPerplexityTooLarge, fmt.Sprintf("A perplexity of %g is too large for %d words: it must be below %d (the number of words minus one). Lower it or add words.",
			r.perplexity, n, n-1))
	}
	if r.method == "tsne" {
		if err := s.svc.CheckTSNE(n, set.Dim(), r.perplexity); err != nil {
			return r, err
		}
	}
	if r.method == project.MethodAxis {
		row := make(map[string]int, n)
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
			return r, public(project.ErrNoPairs, fmt.Sprintf("A %s→%s axis needs at least one pair whose two words are both on the map (for example %s and %s).",
				r.relation.GroupA, r.relation.GroupB, r.relation.Pairs[0].A, r.relation.Pairs[0].B))
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

// mapWords reads the words of a map request: the built-in groups, or the
// user's list (source=words).
func mapWords(c echo.Context) (*wordgroups.Assignment, error) {
	source := c.FormValue("source")
	text := c.FormValue("words")
	if source == "" && strings.TrimSpace(text) != "" {
		source = "words"
	}
	switch source {
	case "", "builtin":
		return wordgroups.FromGroups(wordgroups.Builtin()), nil
	case "words":
		if len(text) > maxWordListLen {
			return nil, public(ErrTooManyWords, fmt.Sprintf("The word list is too long (at most %s characters).", views.Count(maxWordListLen)))
		}
		as, err := wordgroups.Parse(strings.NewReader(strings.ReplaceAll(text, ",", "\n")))
		if err != nil {
			return nil, public(err, "The word list could not be read: "+clip(strings.TrimPrefix(err.Error(), "wordgroups: "))+". Write one word a line, optionally followed by a group name.")
		}
		if len(as.Words) == 0 {
			return nil, public(project.ErrTooFewPoints, "Type some words for the map, one a line.")
		}
		return as, nil
	}
	return nil, public(ErrBadRequest, "The word source must be builtin or words.")
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

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func trustText(t project.TrustworthinessResult) string {
	if t.K == 0 || math.IsNaN(t.Value) || math.IsInf(t.Value, 0) {
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
		if !math.IsNaN(m.KL) && !math.IsInf(m.KL, 0) && m.KL != 0 {
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
		return s.ok(c, views.MapResult(mapView(res, fmt.Sprintf("/vectors/%d/plots/map?%s", v.ID, mapQuery(c)))))
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
	id, err := parseParamID(c, "job", "map job")
	if err != nil {
		return app.JobInfo{}, err
	}
	return s.svc.TSNEJob(ctx(c), v.ID, id)
}

func (s *Server) mapJobFragment(c echo.Context) error {
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
	return s.ok(c, views.MapResult(mapView(res, fmt.Sprintf("/vectors/%d/plots/map?job=%d", v.ID, info.ID))))
}

func mapPlot(res *app.MapResult, setName string) plotOut {
	pts := make([]plot.MapPoint, len(res.Words))
	rows := make([][]string, len(res.Words))
	for i, w := range res.Words {
		x, y := res.Map.Points[2*i], res.Map.Points[2*i+1]
		pts[i] = plot.MapPoint{Word: w, X: x, Y: y, Group: res.Groups[i]}
		rows[i] = []string{w, res.Groups[i], csvFloat(x), csvFloat(y)}
	}
	spec := plot.ScatterSpec{Points: pts, Method: res.Map.Method, EqualAspect: res.Map.Method == project.MethodPCA}
	switch res.Map.Method {
	case project.MethodPCA:
		spec.ExplainedVariance = res.Map.ExplainedVarianceRatio
	case project.MethodAxis:
		spec.Title = fmt.Sprintf("Word map along the %s→%s axis", res.Relation.GroupA, res.Relation.GroupB)
		spec.XLabel = fmt.Sprintf("mean %s→%s offset of %d pairs", res.Relation.GroupA, res.Relation.GroupB, res.Map.AxisPairs)
		spec.YLabel = "first principal component of the rest"
	default:
		spec.Engine = res.Map.Engine
	}
	if t := res.Map.Trust; t.K > 0 && !math.IsNaN(t.Value) {
		v := t.Value
		spec.Trustworthiness = &v
	}
	return plotOut{name: setName + "-" + methodLabel(res.Map.Method) + "-map", figure: func() (*plot.Figure, error) { return plot.NewScatter(spec) },
		header: []string{"word", "group", "x", "y"}, rows: rows}
}

// --- spectrum ----------------------------------------------------------------

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
		if raw := strings.TrimSpace(c.QueryParam(f.name)); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil {
				return nil, rangeErr()
			}
			*f.dst = n
		}
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
	if math.IsNaN(v) || math.IsInf(v, 0) {
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

func spectrumPlot(res *spectrumResult, setName string) plotOut {
	logC := res.fit.LogC
	spec := plot.SpectrumSpec{Values: res.values, Quantity: "eigenvalue", Matrix: "covariance",
		Fit: &plot.PowerLawFit{Beta: res.fit.Beta, R2: res.fit.R2, From: res.fit.From, To: res.fit.To, LogC: &logC}}
	rows := make([][]string, len(res.values))
	for i, x := range res.values {
		r := i + 1
		fitted := ""
		if r >= res.fit.From && r <= res.fit.To {
			fitted = csvFloat(math.Exp(logC - res.fit.Beta*math.Log(float64(r))))
		}
		rows[i] = []string{strconv.Itoa(r), csvFloat(x), fitted}
	}
	return plotOut{name: setName + "-spectrum", figure: func() (*plot.Figure, error) { return plot.NewSpectrum(spec) },
		header: []string{"rank", "eigenvalue", "power_law_fit"}, rows: rows}
}

// --- plot route ----------------------------------------------------------------

// vectorPlot serves /vectors/:id/plots/:kind for kind neighbors, analogy,
// map and spectrum.
func (s *Server) vectorPlot(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	switch c.Param("kind") {
	case "neighbors":
		word, ms, err := s.neighborMatches(c, set, 10)
		if err != nil {
			return err
		}
		_, bars, rows := scoreRows(ms)
		return s.sendPlot(c, plotOut{name: v.Name + "-neighbors-" + word, width: 640, height: 420,
			figure: func() (*plot.Figure, error) { return plot.NewBars(plot.BarsSpec{Bars: bars, Query: word}) },
			header: []string{"rank", "word", "cosine"}, rows: rows})
	case "analogy":
		q, ms, err := s.analogyMatches(c, set, 10)
		if err != nil {
			return err
		}
		_, bars, rows := scoreRows(ms)
		xl := "cosine similarity"
		if q.method == vectors.CosMul {
			xl = "3CosMul score"
		}
		title := fmt.Sprintf("%s : %s :: %s : ?  (%s)", q.a, q.b, q.c, methodName(q.method))
		return s.sendPlot(c, plotOut{name: fmt.Sprintf("%s-analogy-%s-%s-%s", v.Name, q.a, q.b, q.c), width: 640, height: 420,
			figure: func() (*plot.Figure, error) { return plot.NewBars(plot.BarsSpec{Bars: bars, Title: title, XLabel: xl}) },
			header: []string{"rank", "word", "score"}, rows: rows})
	case "map":
		var res *app.MapResult
		if c.QueryParam("job") != "" {
			c.SetParamNames("id", "job")
			c.SetParamValues(strconv.FormatInt(v.ID, 10), c.QueryParam("job"))
			info, err := s.tsneJob(c, v)
			if err != nil {
				return err
			}
			if res, err = s.svc.TSNEResult(ctx(c), info); err != nil {
				return err
			}
		} else {
			r, err := s.parseMapRequest(c, v, set)
			if err != nil {
				return err
			}
			if r.method == "tsne" {
				return public(ErrBadRequest, "t-SNE maps are drawn by a job: use the job number (job=N).")
			}
			if res, err = s.instantMap(c, v, set, r); err != nil {
				return err
			}
		}
		return s.sendPlot(c, mapPlot(res, v.Name))
	case "spectrum":
		res, err := s.spectrumOf(c, v, set)
		if err != nil {
			return err
		}
		return s.sendPlot(c, spectrumPlot(res, v.Name))
	}
	return public(store.ErrNotFound, "There is no such plot. Plots are neighbors, analogy, map and spectrum.")
}

// --- downloads -----------------------------------------------------------------

func (s *Server) downloadVectors(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	file := c.Param("file")
	var write func(w *bufio.Writer) error
	ctype := "text/plain; charset=utf-8"
	switch file {
	case "glove.txt":
		write = func(w *bufio.Writer) error { return vectors.WriteText(w, set, false) }
	case "word2vec.bin":
		ctype = "application/octet-stream"
		write = func(w *bufio.Writer) error { return vectors.WriteBinary(w, set) }
	case "vectors.tsv":
		ctype = "text/tab-separated-values; charset=utf-8"
		write = func(w *bufio.Writer) error { return vectors.WriteProjector(w, discard{}, set) }
	case "metadata.tsv":
		ctype = "text/tab-separated-values; charset=utf-8"
		write = func(w *bufio.Writer) error { return vectors.WriteProjector(discard{}, w, set) }
	default:
		return public(store.ErrNotFound, "Vectors can be downloaded as glove.txt, word2vec.bin, vectors.tsv or metadata.tsv.")
	}
	attachment(c, "gloveboard-"+fileName(v.Name)+"-"+file)
	c.Response().Header().Set(echo.HeaderContentType, ctype)
	c.Response().WriteHeader(http.StatusOK)
	w := bufio.NewWriterSize(c.Response(), 1<<16)
	if err := write(w); err != nil {
		s.log.Error("writing vectors", "set", v.ID, "err", err)
		return nil
	}
	if err := w.Flush(); err != nil {
		s.log.Error("writing vectors", "set", v.ID, "err", err)
	}
	return nil
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// --- fidelity -----------------------------------------------------------------

func (s *Server) runFidelity(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	fp, err := s.svc.Fidelity(r)
	if err != nil {
		status, msg := s.resolve(err)
		if status < 500 {
			return s.ok(c, views.FidelityUnavailable(msg))
		}
		return s.fragmentError(c, err)
	}
	id := fp.Identities
	base := fmt.Sprintf("/runs/%d/plots/fidelity", r.ID)
	return s.ok(c, views.FidelityResult(views.FidelityView{Sampled: id.Sampled,
		LogXR: r2Text(id.LogCountR), LogXR2: r2Text(id.LogCountR2), PMIR: r2Text(id.PMIR), PMIR2: r2Text(id.PMIR2),
		LogXPlot: views.NewModelPlot(base+"?kind=logx", "Model prediction against log co-occurrence count", ""),
		PMIPlot:  views.NewModelPlot(base+"?kind=pmi", "Dot product of word and context vectors against PMI", "")}))
}

func (s *Server) fidelityPlot(c echo.Context) error {
	r, err := s.loadRun(c)
	if err != nil {
		return err
	}
	fp, err := s.svc.Fidelity(r)
	if err != nil {
		return err
	}
	var spec plot.FidelitySpec
	var header []string
	kind := c.QueryParam("kind")
	switch kind {
	case "", "logx":
		kind = "logx"
		r2 := fp.Identities.LogCountR2
		spec = plot.FidelitySpec{X: fp.LogX, Y: fp.Full, Reference: plot.Identity, R2: &r2,
			Title: fmt.Sprintf("Run %d: model vs log X", r.ID), XLabel: "log X_ij", YLabel: "w_i·w̃_j + b_i + b̃_j"}
		header = []string{"log_x", "model"}
	case "pmi":
		spec = plot.FidelitySpec{X: fp.PMI, Y: fp.Dot, Reference: plot.FitLine,
			Title: fmt.Sprintf("Run %d: w·w̃ vs PMI", r.ID), XLabel: "PMI(i, j)", YLabel: "w_i·w̃_j"}
		header = []string{"pmi", "dot"}
	default:
		return public(ErrBadRequest, "The fidelity plot kind must be logx or pmi.")
	}
	rows := make([][]string, len(spec.X))
	for i := range spec.X {
		rows[i] = []string{csvFloat(spec.X[i]), csvFloat(spec.Y[i])}
	}
	return s.sendPlot(c, plotOut{name: fmt.Sprintf("run-%d-fidelity-%s", r.ID, kind), width: 640, height: 520,
		figure: func() (*plot.Figure, error) { return plot.NewFidelity(spec) }, header: header, rows: rows})
}

// --- API ---------------------------------------------------------------------

type apiMatch struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

func apiMatches(ms []vectors.Match) []apiMatch {
	out := make([]apiMatch, len(ms))
	for i, m := range ms {
		out[i] = apiMatch{Word: m.Word, Score: m.Score}
	}
	return out
}

func (s *Server) apiNeighbors(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	word, ms, err := s.neighborMatches(c, set, 10)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"word": word, "results": apiMatches(ms)})
}

func (s *Server) apiAnalogy(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	q, ms, err := s.analogyMatches(c, set, 5)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"a": q.a, "b": q.b, "c": q.c, "method": q.method.String(), "results": apiMatches(ms)})
}

type apiPoint struct {
	Word  string  `json:"word"`
	Group string  `json:"group"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
}

func apiMapBody(res *app.MapResult) map[string]any {
	pts := make([]apiPoint, len(res.Words))
	for i, w := range res.Words {
		pts[i] = apiPoint{Word: w, Group: res.Groups[i], X: res.Map.Points[2*i], Y: res.Map.Points[2*i+1]}
	}
	body := map[string]any{"method": res.Map.Method, "engine": res.Map.Engine, "points": pts, "skipped": nonNil(res.Skipped)}
	if res.Map.Method == project.MethodAxis {
		body["relation"] = res.Relation.Name()
		body["axis_pairs"] = res.Map.AxisPairs
		body["axis_alignment"] = res.Map.AxisAlignment
	}
	if t := res.Map.Trust; t.K > 0 && !math.IsNaN(t.Value) && !math.IsInf(t.Value, 0) {
		body["trustworthiness"] = map[string]any{"value": t.Value, "k": t.K, "sampled": t.Sampled}
	}
	return body
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Server) apiMap(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	r, err := s.parseMapRequest(c, v, set)
	if err != nil {
		return err
	}
	if r.method == "tsne" && c.Request().Method != http.MethodPost {
		return errTSNENeedsPost
	}
	if r.method != "tsne" {
		res, err := s.instantMap(c, v, set, r)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, apiMapBody(res))
	}
	job, err := s.submitTSNE(v, set, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/vectors/%d/maps/%d", v.ID, job.ID)})
}

func (s *Server) apiMapJob(c echo.Context) error {
	v, _, err := s.loadSet(c)
	if err != nil {
		return err
	}
	info, err := s.tsneJob(c, v)
	if err != nil {
		return err
	}
	switch {
	case !info.Status.Final():
		return c.JSON(http.StatusAccepted, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress, "message": info.Message})
	case info.Status != store.JobDone:
		return c.JSON(http.StatusConflict, map[string]any{"job_id": info.ID, "status": info.Status, "error": info.Error, "status_code": http.StatusConflict})
	}
	res, err := s.svc.TSNEResult(ctx(c), info)
	if err != nil {
		return err
	}
	body := apiMapBody(res)
	body["job_id"], body["status"] = info.ID, info.Status
	return c.JSON(http.StatusOK, body)
}

// apiVectorSpectrum is the covariance spectrum of a vector set
// (GET /api/vectors/:id/spectrum[?from=&to=]) with the field names of
// `glove spectrum -vectors FILE -json`, and the same default fit range.
func (s *Server) apiVectorSpectrum(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	res, err := s.spectrumOf(c, v, set)
	if err != nil {
		return err
	}
	f := res.fit
	return c.JSON(http.StatusOK, apiVectorSpectrumBody{Matrix: "covariance", N: set.Len(), Eigenvalues: finiteAll(res.values),
		Fit: &apiSpectrumFit{Beta: finite(f.Beta), R2: finite(f.R2), From: f.From, To: f.To, LogC: finite(f.LogC),
			ExpR2: finite(f.ExpR2), Residuals: finiteAll(f.Residuals)}})
}

// apiVectorSpectrumBody is the answer of apiVectorSpectrum.
type apiVectorSpectrumBody struct {
	Matrix      string          `json:"matrix"` // always "covariance"
	N           int             `json:"n"`      // number of vectors
	Eigenvalues []float64       `json:"eigenvalues"`
	Fit         *apiSpectrumFit `json:"fit"`
}

// vectorWords suggests words of the set starting with ?prefix (most
// frequent first, i.e. file order): {"words": ["king", "kingdom"]}.
func (s *Server) vectorWords(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	prefix := strings.TrimSpace(c.QueryParam("prefix"))
	limit, err := strconv.Atoi(c.QueryParam("limit"))
	if err != nil || limit < 1 || limit > 50 {
		limit = 15
	}
	out := []string{}
	if prefix != "" {
		low := strings.ToLower(prefix)
		for _, w := range set.Words() {
			if strings.HasPrefix(w, prefix) || (low != prefix && strings.HasPrefix(w, low)) {
				out = append(out, w)
				if len(out) == limit {
					break
				}
			}
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"words": out})
}

// evaluationFragment scores a vector set on the evaluation sets (kept in
// memory per set).
func (s *Server) evaluationFragment(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return s.fragmentError(c, err)
	}
	ev, err := s.svc.Evaluate(ctx(c), v, set)
	switch {
	case errors.Is(err, app.ErrNoEvalSets):
		return s.ok(c, views.EvaluationResult(nil, "Evaluation sets are not configured: start the server with -eval-dir DIR (DIR holding analogy/questions-words.txt and similarity/EN-*.txt)."))
	case err != nil && errors.Is(err, app.ErrEvalSetsUnreadable):
		s.log.Error("loading evaluation sets", "dir", s.svc.EvalDir(), "err", err)
		return s.ok(c, views.EvaluationResult(nil, "The evaluation sets could not be read; the server log says why."))
	case err != nil:
		return s.fragmentError(c, err)
	}
	view := evalView(ev)
	return s.ok(c, views.EvaluationResult(&view, ""))
}
