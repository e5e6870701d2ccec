package handlers

// The JSON twins of the Corpora section: build statistics, Zipf fit,
// ratio table, PMI partners, starting a build, and co-occurrence spectra
// (with the field names of `glove spectrum -json`).

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/labstack/echo/v4"
)

func (s *Server) apiBuild(c echo.Context) error {
	id, err := parseID(c, "corpus")
	if err != nil {
		return err
	}
	settings := app.DefaultBuildSettings()
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&settings); err != nil {
			return public(ErrBadRequest, "The body must be a JSON object with any of tokenizer, window, symmetric, distance_weighting, min_count, max_vocab, tokens, phrase_passes, phrase_min_count and phrase_threshold ("+jsonProblem(err)+").")
		}
	}
	if err := validateSettings(settings); err != nil {
		return err
	}
	j, err := s.svc.StartBuild(ctx(c), id, settings)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, toAPIJob(app.JobInfo{Job: j}))
}

// jsonProblem describes a JSON decoding error without echoing input.
func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "field " + te.Field + " has the wrong type"
	}
	if strings.HasPrefix(err.Error(), "json: unknown field") {
		return "unknown field"
	}
	return "malformed JSON"
}

type apiSettings struct {
	Tokenizer         string `json:"tokenizer"`
	Window            int    `json:"window"`
	Symmetric         bool   `json:"symmetric"`
	DistanceWeighting bool   `json:"distance_weighting"`
	MinCount          int64  `json:"min_count"`
	MaxVocab          int    `json:"max_vocab"`
	// Tokens is syllables or phrases; the phrase settings are those of a
	// phrases build.
	Tokens          string  `json:"tokens"`
	PhrasePasses    int     `json:"phrase_passes,omitempty"`
	PhraseMinCount  int64   `json:"phrase_min_count,omitempty"`
	PhraseThreshold float64 `json:"phrase_threshold,omitempty"`
}

type apiStats struct {
	CorpusID              int64       `json:"corpus_id"`
	Name                  string      `json:"name"`
	Tokens                int64       `json:"tokens"`
	Types                 int         `json:"types"`
	Lines                 int64       `json:"lines"`
	VocabSize             int         `json:"vocab_size"`
	NNZ                   int64       `json:"nnz"`
	SumX                  float64     `json:"sum_x"`
	EntropyBits           float64     `json:"entropy_bits"`
	MutualInformationBits float64     `json:"mutual_information_bits"`
	InvalidUTF8           int64       `json:"invalid_utf8"`
	TruncatedTokens       int64       `json:"truncated_tokens"`
	NormalizedLines       int64       `json:"normalized_lines"`
	JoinedPairs           int64       `json:"joined_pairs"`
	Phrases               int         `json:"phrases"`
	Settings              apiSettings `json:"settings"`
	Built                 time.Time   `json:"built"`
	Seconds               float64     `json:"seconds"`
}

func (s *Server) apiCorpusStats(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	m := l.Summary
	st := m.Settings
	settings := apiSettings{Tokenizer: st.Tokenizer, Window: st.Window, Symmetric: st.Symmetric, DistanceWeighting: st.DistanceWeighting,
		MinCount: st.MinCount, MaxVocab: st.MaxVocab, Tokens: cmp.Or(st.Tokens, tokensSyllables)}
	if st.Phrases() {
		settings.PhrasePasses, settings.PhraseMinCount, settings.PhraseThreshold = st.PhrasePasses, st.PhraseMinCount, st.PhraseThreshold
	}
	return c.JSON(http.StatusOK, apiStats{CorpusID: corp.ID, Name: corp.Name, Tokens: m.Tokens, Types: m.Types, Lines: m.Lines,
		VocabSize: m.VocabSize, NNZ: m.NNZ, SumX: finite(m.SumX), EntropyBits: finite(m.EntropyBits),
		MutualInformationBits: finite(m.MutualInformationBits), InvalidUTF8: m.InvalidUTF8, TruncatedTokens: m.TruncatedTokens,
		NormalizedLines: m.NormalizedLines, JoinedPairs: m.JoinedPairs, Phrases: m.Phrases,
		Settings: settings,
		Built:    m.Built, Seconds: m.Seconds})
}

type apiRankFreq struct {
	Rank      int    `json:"rank"`
	Word      string `json:"word"`
	Frequency int64  `json:"frequency"`
}

type apiZipf struct {
	CorpusID     int64                      `json:"corpus_id"`
	Types        int                        `json:"types"`
	Tokens       int64                      `json:"tokens"`
	MLE          *spectrum.PowerLawMLE      `json:"mle"`
	MLEError     string                     `json:"mle_error,omitempty"`
	LeastSquares *spectrum.ZipfLeastSquares `json:"least_squares"`
	Head         []apiRankFreq              `json:"head"`
}

func (s *Server) apiZipf(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	n, err := wholeNumber(c.QueryParam("n"), "“n”", defaultZipfHead, 0, maxZipfHead)
	if err != nil {
		return err
	}
	z := s.zipfOf(corp.ID, l)
	out := apiZipf{CorpusID: corp.ID, Types: l.Unigrams.Len(), Tokens: l.Summary.Tokens, Head: []apiRankFreq{}}
	if z.mleErr == nil {
		m := z.mle
		out.MLE = &m
	} else {
		out.MLEError = "too few distinct words for a power-law fit"
	}
	if z.lsErr == nil {
		ls := z.ls
		out.LeastSquares = &ls
	}
	for id := 0; id < min(n, l.Unigrams.Len()); id++ {
		out.Head = append(out.Head, apiRankFreq{Rank: id + 1, Word: l.Unigrams.Word(int32(id)), Frequency: l.Unigrams.Count(int32(id))})
	}
	return c.JSON(http.StatusOK, out)
}

// apiRatio answers the ratio table as JSON: the shape of the CLI's glove
// ratio -json, where a row's ratio is null unless ratio_kind is "finite".
func (s *Server) apiRatio(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	_, t, err := computeRatio(c, l)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, t)
}

type apiPMIPartner struct {
	Word    string  `json:"word"`
	PMIBits float64 `json:"pmi_bits"`
	PMINats float64 `json:"pmi_nats"`
	X       float64 `json:"x"`
}

func (s *Server) apiPMI(c echo.Context) error {
	_, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	q := c.QueryParams()
	word := strings.TrimSpace(q.Get("word"))
	if word == "" {
		return public(ErrBadRequest, "Give a word: ?word=ice.")
	}
	n, err := wholeNumber(q.Get("n"), "“n”", defaultPMIN, 0, maxTop)
	if err != nil {
		return err
	}
	minCount, err := realNumber(q.Get("min_count"), "“min_count”", defaultPMIMin, 0, 1e12)
	if err != nil {
		return err
	}
	parts, err := pmiPartners(l, word, n, minCount)
	if err != nil {
		return err
	}
	out := make([]apiPMIPartner, len(parts))
	for i, p := range parts {
		out[i] = apiPMIPartner{Word: p.word, PMIBits: p.bits, PMINats: p.nats, X: p.x}
	}
	return c.JSON(http.StatusOK, map[string]any{"word": normWord(l, word), "n": n, "min_count": minCount, "partners": out})
}

// apiSpectrumParams reads a JSON body {"matrix", "top_n", "k", "fit_from",
// "fit_to"} when the request has one, and form or query fields otherwise.
func apiSpectrumParams(c echo.Context) (app.SpectrumParams, error) {
	if !strings.HasPrefix(c.Request().Header.Get(echo.HeaderContentType), echo.MIMEApplicationJSON) {
		return formSpectrumParams(c)
	}
	body, err := io.ReadAll(io.LimitReader(c.Request().Body, formBodyLimit))
	if err != nil {
		return app.SpectrumParams{}, err
	}
	var in struct {
		Matrix  *string `json:"matrix"`
		TopN    *int    `json:"top_n"`
		K       *int    `json:"k"`
		FitFrom *int    `json:"fit_from"`
		FitTo   *int    `json:"fit_to"`
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&in); err != nil {
			return app.SpectrumParams{}, public(ErrBadRequest, "The body must be a JSON object with any of matrix (a string), top_n, k, fit_from and fit_to (whole numbers) ("+jsonProblem(err)+").")
		}
	}
	p := app.SpectrumParams{TopN: in.TopN, K: in.K, FitFrom: in.FitFrom, FitTo: in.FitTo}
	if in.Matrix != nil {
		p.Matrix = *in.Matrix
	}
	return p, nil
}

// apiStartCorpusSpectrum is POST /api/corpora/:id/spectrum.
func (s *Server) apiStartCorpusSpectrum(c echo.Context) error {
	corp, l, err := s.corpusAndBuild(c)
	if err != nil {
		return err
	}
	p, err := apiSpectrumParams(c)
	if err != nil {
		return err
	}
	r, err := s.svc.CorpusSpectrumRequest(l, p)
	if err != nil {
		return err
	}
	job, err := s.svc.SubmitCorpusSpectrum(corp, l, r)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusAccepted, map[string]any{"job_id": job.ID, "status": job.Status,
		"status_url": fmt.Sprintf("/api/jobs/%d", job.ID), "result_url": fmt.Sprintf("/api/corpora/%d/spectra/%d", corp.ID, job.ID)})
}

// apiCorpusSpectrumBody is a finished spectrum: the fields of `glove
// spectrum -json` (matrix, n, nnz, singular_values, fit) plus the job and
// the request (top_n, k).
type apiCorpusSpectrumBody struct {
	JobID          int64                 `json:"job_id"`
	Status         string                `json:"status"`
	Progress       float64               `json:"progress"`
	Matrix         string                `json:"matrix"`
	Solver         string                `json:"solver"` // always "lanczos" here
	N              int                   `json:"n"`
	TopN           int                   `json:"top_n"`
	K              int                   `json:"k"`
	NNZ            int                   `json:"nnz"`
	SingularValues []float64             `json:"singular_values"`
	Fit            *spectrum.PowerLawFit `json:"fit"`
	FitError       string                `json:"fit_error,omitempty"`
	Note           string                `json:"note,omitempty"`
}

// apiCorpusSpectrum is GET /api/corpora/:id/spectra/:job: 202 with the
// progress while the job runs, 409 when it failed, 200 with the result.
func (s *Server) apiCorpusSpectrum(c echo.Context) error {
	_, info, res, err := s.spectrumJobParam(c)
	if err != nil {
		return err
	}
	switch {
	case !info.Status.Final():
		return c.JSON(http.StatusAccepted, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress,
			"message": info.Message, "position": info.Position})
	case res == nil:
		return c.JSON(http.StatusConflict, map[string]any{"job_id": info.ID, "status": info.Status, "progress": info.Progress,
			"error": info.Error, "status_code": http.StatusConflict})
	}
	r := res.Request
	body := apiCorpusSpectrumBody{JobID: info.ID, Status: string(info.Status), Progress: info.Progress, Matrix: r.Weighting.String(),
		Solver: "lanczos", N: r.TopN, TopN: r.TopN, K: len(res.Values), NNZ: res.NNZ, SingularValues: finiteAll(res.Values), FitError: res.FitError, Note: r.Note}
	if res.FitError == "" {
		f := res.Fit
		body.Fit = &f
	}
	return c.JSON(http.StatusOK, body)
}
