package handlers

// The word page of a vector set (Explore section), for sets with or
// without a corpus: the word's norm, its row in the file (its frequency
// rank when the file lists words by frequency), its nearest neighbours,
// the evaluation analogies whose answer it is and that the vectors get
// right, and links to Explore and, for a trained set, to its corpus word
// page. The JSON twin is apiVectorWord; both go through vectorWordReport.

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

const (
	vectorWordNeighbors = 10
	// maxAnalogyChecks bounds the evaluation questions tried per word.
	maxAnalogyChecks = 200
)

// vectorWordResult is what the page and the API show of one word.
type vectorWordResult struct {
	word      string
	row       int
	norm      float64
	meanNorm  float64
	shorter   int // vectors shorter than the word's
	neighbors []vectors.Match
	done      []views.AnalogyDone
	asked     int
	corpusID  int64 // the corpus the set was trained on, if its build has the word
	onMaps    []app.WordOnMap
}

// vectorWordParam reads :word (path-escaped), trimmed; a word not in the
// set is tried in lower case before it is refused.
func vectorWordParam(c echo.Context, set *vectors.Set) (string, int, error) {
	raw := c.Param("word")
	if u, err := url.PathUnescape(raw); err == nil {
		raw = u
	}
	w := strings.TrimSpace(raw)
	if w == "" {
		return "", 0, public(ErrBadRequest, "Give a word: /vectors/ID/words/WORD.")
	}
	if len(w) > 200 {
		return "", 0, public(ErrBadRequest, "That word is too long.")
	}
	if i, ok := set.Index(w); ok {
		return w, i, nil
	}
	if i, ok := set.Index(strings.ToLower(w)); ok {
		return strings.ToLower(w), i, nil
	}
	// A word page that does not exist is a 404 (Explore's forms answer
	// an unknown word with a 422).
	msg, _ := apperr.MessageOf(unknownVectorWord(set, w))
	return w, 0, apperr.New(apperr.NotFound, msg)
}

func (s *Server) vectorWordReport(c echo.Context, v store.VectorSet, set *vectors.Set) (vectorWordResult, error) {
	w, row, err := vectorWordParam(c, set)
	if err != nil {
		return vectorWordResult{}, err
	}
	r := vectorWordResult{word: w, row: row, norm: set.Norm(row)}
	for i := range set.Len() {
		n := set.Norm(i)
		r.meanNorm += n
		if n < r.norm {
			r.shorter++
		}
	}
	r.meanNorm /= float64(set.Len())
	if r.neighbors, err = set.NeighborsOf(ctx(c), w, vectorWordNeighbors); err != nil {
		return r, err
	}
	if r.done, r.asked, err = s.analogiesAnswered(ctx(c), set, w); err != nil {
		return r, err
	}
	r.corpusID = s.trainedCorpus(c, v, w)
	if r.onMaps, err = s.svc.WordOnMaps(ctx(c), v.ID, w); err != nil {
		return r, err
	}
	return r, nil
}

// analogiesAnswered returns the evaluation questions whose expected
// answer is w (case-insensitive, as the evaluation compares) that the
// vectors answer right by 3CosAdd, and how many were tried. Each
// question is scored as its own section, so the evaluator's rules
// (coverage, case folding, query words excluded) apply unchanged.
func (s *Server) analogiesAnswered(ctx context.Context, set *vectors.Set, w string) ([]views.AnalogyDone, int, error) {
	es, err := s.svc.EvalSets()
	if errors.Is(err, app.ErrNoEvalSets) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	var qs []evaluate.AnalogySection
	var names []string
	for _, sec := range es.Analogy {
		for _, q := range sec.Questions {
			if strings.EqualFold(q.Expected, w) && len(qs) < maxAnalogyChecks {
				qs = append(qs, evaluate.AnalogySection{Name: strconv.Itoa(len(qs)), Questions: []evaluate.AnalogyQuestion{q}})
				names = append(names, sec.Name)
			}
		}
	}
	if len(qs) == 0 {
		return nil, 0, nil
	}
	rep, err := evaluate.Analogies(ctx, set, qs, evaluate.AnalogyOptions{})
	if err != nil {
		return nil, 0, err
	}
	var done []views.AnalogyDone
	for i, sc := range rep.Sections {
		if sc.Correct == 1 {
			q := qs[i].Questions[0]
			done = append(done, views.AnalogyDone{Section: names[i], A: q.A, B: q.B, C: q.C, D: q.Expected})
		}
	}
	return done, rep.Total.Covered, nil
}

// trainedCorpus returns the corpus whose run published vector set v, if
// its current build has word w; 0 otherwise.
func (s *Server) trainedCorpus(c echo.Context, v store.VectorSet, w string) int64 {
	rs, err := s.svc.Runs(ctx(c))
	if err != nil {
		return 0
	}
	for _, r := range rs {
		if r.Results.VectorSetID != v.ID || r.CorpusID == 0 {
			continue
		}
		l, err := s.svc.Build(r.CorpusID)
		if err != nil {
			return 0
		}
		if _, ok := l.Vocab.ID(w); ok {
			return r.CorpusID
		}
	}
	return 0
}

func (s *Server) vectorWordPage(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	loc := locale(c)
	d := views.VectorWordPageData{Page: s.page(c, loc.T("word.page_title", loc.Name(v.Name)), views.SectionExplore), SetID: v.ID, SetName: v.Name}
	r, err := s.vectorWordReport(c, v, set)
	if err != nil {
		status, msg := s.resolve(err)
		if status >= 500 {
			return err
		}
		d.Error = msg
		return s.render(c, status, views.VectorWordPage(d))
	}
	d.Page.Title = r.word + " · " + loc.Name(v.Name)
	wv := &views.VectorWordView{Word: r.word, Norm: r.norm, MeanNorm: r.meanNorm, LongerThan: float64(r.shorter) / float64(set.Len()),
		Position: r.row + 1, Words: set.Len(),
		Dim: set.Dim(), Analogies: r.done, Asked: r.asked, AskedMax: maxAnalogyChecks,
		ExploreURL: "/vectors/" + strconv.FormatInt(v.ID, 10) + "/explore?word=" + url.QueryEscape(r.word)}
	for _, m := range r.neighbors {
		wv.Neighbors = append(wv.Neighbors, views.WordScore{Word: m.Word, Score: m.Score, URL: views.VectorWordURL(v.ID, m.Word)})
	}
	if r.corpusID != 0 {
		wv.CorpusWordURL = views.WordURL(r.corpusID, r.word)
	}
	for _, m := range r.onMaps {
		wv.OnMaps = append(wv.OnMaps, views.WordOnMapRow{
			Map:    mapLabel(loc, m.Map),
			URL:    wordOnMapURL(v.ID, m.Map.ID, r.word),
			Method: m.Map.Method, Words: m.Map.Words, X: m.X, Y: m.Y, Group: m.Group})
	}
	d.Word = wv
	return s.ok(c, views.VectorWordPage(d))
}

// apiVectorWordOut is the JSON of GET /api/vectors/:id/words/:word.
type apiVectorWordOut struct {
	Word     string  `json:"word"`
	Position int     `json:"position"`
	Norm     float64 `json:"norm"`
	MeanNorm float64 `json:"mean_norm"`
	// LongerThan is the share of the set's vectors shorter than this one.
	LongerThan float64          `json:"longer_than"`
	Neighbors  []apiScore       `json:"neighbors"`
	Analogies  []apiAnalogyDone `json:"analogies"`
	Asked      int              `json:"analogies_covered"`
	CorpusID   int64            `json:"corpus_id,omitempty"`
	Maps       []apiWordOnMap   `json:"maps"`
}

// apiWordOnMap is the word's place on one saved map.
type apiWordOnMap struct {
	MapID  int64   `json:"map_id"`
	Method string  `json:"method"`
	Name   string  `json:"name"`
	N      int     `json:"n"`
	Seed   uint64  `json:"seed"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Group  string  `json:"group"`
	URL    string  `json:"url"`
}

// wordOnMapURL opens saved map mapID of set setID with word pinned (the
// map view reads #pin= from the address).
func wordOnMapURL(setID, mapID int64, word string) string {
	return fmt.Sprintf("/vectors/%d/maps/%d#pin=%s", setID, mapID, url.QueryEscape(word))
}

type apiAnalogyDone struct {
	Section string `json:"section"`
	A       string `json:"a"`
	B       string `json:"b"`
	C       string `json:"c"`
	D       string `json:"d"`
}

func (s *Server) apiVectorWord(c echo.Context) error {
	v, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	r, err := s.vectorWordReport(c, v, set)
	if err != nil {
		return err
	}
	out := apiVectorWordOut{Word: r.word, Position: r.row + 1, Norm: finite(r.norm), MeanNorm: finite(r.meanNorm),
		LongerThan: float64(r.shorter) / float64(set.Len()),
		Neighbors:  []apiScore{}, Analogies: []apiAnalogyDone{}, Asked: r.asked, CorpusID: r.corpusID}
	for _, m := range r.neighbors {
		out.Neighbors = append(out.Neighbors, apiScore{Word: m.Word, Score: finite(m.Score)})
	}
	for _, a := range r.done {
		out.Analogies = append(out.Analogies, apiAnalogyDone{a.Section, a.A, a.B, a.C, a.D})
	}
	out.Maps = make([]apiWordOnMap, 0, len(r.onMaps))
	for _, m := range r.onMaps {
		out.Maps = append(out.Maps, apiWordOnMap{MapID: m.Map.ID, Method: m.Map.Method, Name: m.Map.Params.Name, N: m.Map.Words,
			Seed: m.Map.Params.Seed, X: finite(m.X), Y: finite(m.Y), Group: m.Group, URL: wordOnMapURL(v.ID, m.Map.ID, r.word)})
	}
	return c.JSON(http.StatusOK, out)
}

// mapLabel names a saved map in the page's language from its method and
// the source of its words ("t-SNE map 12 · the top 5,000 words"); the
// name stored with the map is English.
func mapLabel(loc views.Locale, m app.SavedMap) string {
	p := m.Params
	var words string
	switch app.Source(p.Source) {
	case app.SourceWords:
		words = loc.T("word.vec.map_src_words")
	case app.SourceTop:
		words = loc.T("word.vec.map_src_top", loc.Int(int64(p.N)))
	case app.SourceNeighbors:
		words = loc.T("word.vec.map_src_neighbors", p.Word, loc.Int(int64(p.N)))
	case app.SourceSample:
		words = loc.T("word.vec.map_src_sample", loc.Int(int64(p.N)), p.Seed)
	default:
		words = loc.T("word.vec.map_src_builtin")
	}
	var method string
	switch methodLabel(m.Method) {
	case "t-SNE":
		method = loc.T("word.vec.method_tsne")
	case "UMAP":
		method = loc.T("word.vec.method_umap")
	case "relation-axis":
		method = loc.T("word.vec.method_axis")
	default:
		method = loc.T("word.vec.method_pca")
	}
	return loc.T("word.vec.map_label", method, m.ID, words)
}
