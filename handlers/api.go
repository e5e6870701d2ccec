package handlers

// The JSON API of the catalogue (corpora, vector sets, jobs) and the one
// autocomplete shape of corpus and vector words. Field names are part of
// the API (docs/api.md). The corpus statistics API is in api_corpus.go,
// the training and Explore API in api_model.go.

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
)

// JSON shapes of the /api endpoints. Field names are part of the API.
type apiCorpus struct {
	ID       int64             `json:"id"`
	Name     string            `json:"name"`
	Filename string            `json:"filename"`
	Source   string            `json:"source"`
	Size     int64             `json:"size"`
	SHA256   string            `json:"sha256"`
	Gzipped  bool              `json:"gzipped"`
	Created  time.Time         `json:"created"`
	Stats    store.CorpusStats `json:"stats"`
}

type apiVectorSet struct {
	ID       int64     `json:"id"`
	Name     string    `json:"name"`
	Source   string    `json:"source"`
	RunID    int64     `json:"run_id,omitempty"`
	Filename string    `json:"filename"`
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	Count    int       `json:"count"`
	Dim      int       `json:"dim"`
	Created  time.Time `json:"created"`
}

type apiJob struct {
	ID       int64      `json:"id"`
	Kind     string     `json:"kind"`
	TargetID int64      `json:"target_id"`
	Status   string     `json:"status"`
	Progress float64    `json:"progress"`
	Message  string     `json:"message,omitempty"`
	Error    string     `json:"error,omitempty"`
	Position int        `json:"queue_position,omitempty"`
	Created  time.Time  `json:"created"`
	Started  *time.Time `json:"started,omitempty"`
	Finished *time.Time `json:"finished,omitempty"`
}

func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func toAPIJob(j app.JobInfo) apiJob {
	return apiJob{ID: j.ID, Kind: j.Kind, TargetID: j.TargetID, Status: string(j.Status), Progress: j.Progress,
		Message: j.Message, Error: j.Error, Position: j.Position, Created: j.Created,
		Started: optTime(j.Started), Finished: optTime(j.Finished)}
}

func toAPICorpus(corp store.Corpus) apiCorpus {
	return apiCorpus{ID: corp.ID, Name: corp.Name, Filename: corp.Filename, Source: corp.Source, Size: corp.Size,
		SHA256: corp.SHA256, Gzipped: corp.Gzipped, Created: corp.Created, Stats: corp.Stats}
}

func toAPIVectorSet(v store.VectorSet) apiVectorSet {
	return apiVectorSet{ID: v.ID, Name: v.Name, Source: v.Source, RunID: v.RunID, Filename: v.Filename,
		Size: v.Size, SHA256: v.SHA256, Count: v.Count, Dim: v.Dim, Created: v.Created}
}

func (s *Server) apiCorpora(c echo.Context) error {
	cs, err := s.st.Corpora(ctx(c))
	if err != nil {
		return err
	}
	out := make([]apiCorpus, len(cs))
	for i, corp := range cs {
		out[i] = toAPICorpus(corp)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiCorpus(c echo.Context) error {
	corp, err := s.corpusOf(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toAPICorpus(corp))
}

func (s *Server) apiVectors(c echo.Context) error {
	vs, err := s.st.VectorSets(ctx(c))
	if err != nil {
		return err
	}
	out := make([]apiVectorSet, len(vs))
	for i, v := range vs {
		out[i] = toAPIVectorSet(v)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiVectorSet(c echo.Context) error {
	v, err := s.vectorSetOf(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, toAPIVectorSet(v))
}

// apiJobs lists the 100 most recent jobs, or with ?active=1 every job
// recorded as queued or running (oldest first).
func (s *Server) apiJobs(c echo.Context) error {
	list, err := s.svc.Jobs(ctx(c), 100)
	if c.QueryParam("active") == "1" {
		list, err = s.svc.ActiveJobs(ctx(c))
	}
	if err != nil {
		return err
	}
	out := make([]apiJob, len(list))
	for i, j := range list {
		out[i] = toAPIJob(j)
	}
	return c.JSON(http.StatusOK, out)
}

func (s *Server) apiJob(c echo.Context) error {
	id, err := parseID(c, "job")
	if err != nil {
		return err
	}
	j, err := s.svc.Job(ctx(c), id)
	if err != nil {
		return notFound(err, "job", id)
	}
	return c.JSON(http.StatusOK, toAPIJob(j))
}

func (s *Server) apiCancelJob(c echo.Context) error {
	id, err := parseID(c, "job")
	if err != nil {
		return err
	}
	if err := s.svc.CancelJob(ctx(c), id); err != nil {
		return notFound(err, "job", id)
	}
	j, err := s.svc.Job(ctx(c), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toAPIJob(j))
}

// The one autocomplete shape, for corpora and vector sets alike:
//
//	GET …/words?prefix=ic&limit=20
//	{"prefix": "ic", "words": [{"word": "ice", "rank": 212, "count": 123}, …]}
//
// the most frequent words starting with prefix (an empty prefix: the most
// frequent words), rank being the 1-based frequency rank; count is the
// corpus count and is left out for vector sets, which have none. limit is
// 0–maxWordsLimit (default defaultWordsLimit); anything else is a 400.

// apiWord is one suggested word.
type apiWord struct {
	Word  string `json:"word"`
	Rank  int    `json:"rank"`
	Count int64  `json:"count,omitempty"`
	URL   string `json:"url"` // the word's page
}

// defaultWordsLimit is how many words a suggestion request gets by default.
const defaultWordsLimit = 20

// suggestWords answers an autocomplete request over n words in frequency
// order: word(i) is the word of rank i+1 and its count (0: none), match
// says whether a word fits the prefix. prefix is echoed as given to match.
func suggestWords(c echo.Context, prefix string, n int, word func(i int) (string, int64), match func(w string) bool) error {
	limit, err := wholeNumber(c.QueryParam("limit"), "“limit”", defaultWordsLimit, 0, maxWordsLimit)
	if err != nil {
		return err
	}
	out := []apiWord{}
	// Each suggestion links to its word page: /corpora/ID/words/WORD or
	// /vectors/ID/words/WORD, from this request's path.
	base := strings.TrimPrefix(c.Request().URL.Path, "/api") + "/"
	for i := 0; i < n && len(out) < limit; i++ {
		if w, count := word(i); match(w) {
			out = append(out, apiWord{Word: w, Rank: i + 1, Count: count, URL: base + url.PathEscape(w)})
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"prefix": prefix, "words": out})
}

// corpusWords suggests vocabulary words of a built corpus (the prefix is
// normalised as words typed on its pages are).
func (s *Server) corpusWords(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	prefix := normWord(l, c.QueryParam("prefix"))
	return suggestWords(c, prefix, l.Vocab.Len(), // ids are frequency ranks
		func(i int) (string, int64) { return l.Vocab.Word(int32(i)), l.Vocab.Count(int32(i)) },
		func(w string) bool { return strings.HasPrefix(w, prefix) })
}

// finite replaces NaN and ±Inf (which JSON cannot hold) with 0.
func finite(v float64) float64 {
	if !isFinite(v) {
		return 0
	}
	return v
}

func finiteAll(vs []float64) []float64 {
	out := make([]float64, len(vs))
	for i, v := range vs {
		out[i] = finite(v)
	}
	return out
}

// vectorWords suggests words of the set (file order is frequency order) in
// the one autocomplete shape (suggestWords). Words are case-sensitive; a
// prefix with capitals also matches the lower-case words.
func (s *Server) vectorWords(c echo.Context) error {
	_, set, err := s.loadSet(c)
	if err != nil {
		return err
	}
	prefix := strings.TrimSpace(c.QueryParam("prefix"))
	low := strings.ToLower(prefix)
	return suggestWords(c, prefix, set.Len(),
		func(i int) (string, int64) { return set.Word(i), 0 },
		func(w string) bool { return strings.HasPrefix(w, prefix) || strings.HasPrefix(w, low) })
}
