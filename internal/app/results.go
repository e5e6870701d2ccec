package app

// Saved results. A finished map job or co-occurrence spectrum is saved
// through the store as results/<job>.json when its job finishes, before the
// job is marked done, and deleted with its vector set or corpus. Every
// result kind has the same envelope:
//
//	{"kind": "map", "version": 2, "result": {...}}
//
// kind names the payload's type (resultKindMap, resultKindSpectrum) and
// version its layout. Files of version 1 (written before the envelope) held
// the payload's fields at the top level beside "kind" and "version"; they
// are still read. Every float64 is written with the shortest decimal that
// parses back to the same bits, and NaN and ±Inf as strings, so a result
// read back is identical to the one computed, and so are the pages, plots
// and API answers made from it.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/lru"
	"github.com/gloveboard/gloveboard/internal/store"
)

// ErrResultFormat marks a saved result that cannot be decoded (another
// version or kind, or malformed JSON).
var ErrResultFormat = errors.New("saved result cannot be read")

// ErrResultGone marks a job's result the server no longer has (a job
// finished before results were saved, or a damaged file).
var ErrResultGone = errors.New("result no longer available")

const (
	// resultVersion is the version of the saved result format written.
	resultVersion = 2
	// legacyResultVersion is the flat format (no envelope) still read.
	legacyResultVersion = 1
)

// Kinds of saved results (the "kind" of the envelope).
const (
	resultKindMap      = "map"
	resultKindSpectrum = "corpus-spectrum"
)

// resultSaveTimeout bounds saving a result. The save does not follow the
// job's cancellation: a result is saved whole or not at all.
const resultSaveTimeout = time.Minute

// exactFloat is a float64 that survives JSON exactly, NaN and ±Inf
// included ("NaN", "+Inf", "-Inf").
type exactFloat float64

func appendExact(b []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(b, `"NaN"`...)
	case math.IsInf(v, 1):
		return append(b, `"+Inf"`...)
	case math.IsInf(v, -1):
		return append(b, `"-Inf"`...)
	}
	return strconv.AppendFloat(b, v, 'g', -1, 64)
}

func parseExact(b []byte) (float64, error) {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return 0, err
		}
		switch s {
		case "NaN":
			return math.NaN(), nil
		case "+Inf":
			return math.Inf(1), nil
		case "-Inf":
			return math.Inf(-1), nil
		}
		return 0, fmt.Errorf("%q is not a number: %w", s, ErrResultFormat)
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		return 0, fmt.Errorf("%s is not a number: %w", b, ErrResultFormat)
	}
	return v, nil
}

// MarshalJSON implements json.Marshaler.
func (f exactFloat) MarshalJSON() ([]byte, error) { return appendExact(nil, float64(f)), nil }

// UnmarshalJSON implements json.Unmarshaler.
func (f *exactFloat) UnmarshalJSON(b []byte) error {
	v, err := parseExact(b)
	*f = exactFloat(v)
	return err
}

// exactFloats is a []float64 written as exactFloat values; nil is null.
type exactFloats []float64

// MarshalJSON implements json.Marshaler.
func (fs exactFloats) MarshalJSON() ([]byte, error) {
	if fs == nil {
		return []byte("null"), nil
	}
	b := make([]byte, 0, 2+len(fs)*24)
	b = append(b, '[')
	for i, v := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendExact(b, v)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON implements json.Unmarshaler.
func (fs *exactFloats) UnmarshalJSON(b []byte) error {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw == nil {
		*fs = nil
		return nil
	}
	out := make([]float64, len(raw))
	for i, r := range raw {
		v, err := parseExact(r)
		if err != nil {
			return err
		}
		out[i] = v
	}
	*fs = out
	return nil
}

// envelope is the outside of every saved result.
type envelope struct {
	Kind    string          `json:"kind"`
	Version int             `json:"version"`
	Result  json.RawMessage `json:"result,omitempty"`
}

// encodeResult wraps payload in the envelope of kind.
func encodeResult(kind string, payload any) ([]byte, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return nil, err
	}
	return json.Marshal(envelope{Kind: kind, Version: resultVersion, Result: raw})
}

// decodeResult reads the payload of a saved result of kind into v,
// strictly (unknown fields are an error): from the envelope, or from a
// legacy flat file.
func decodeResult(data []byte, kind string, v any) error {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return fmt.Errorf("%v: %w", err, ErrResultFormat)
	}
	if env.Kind != kind || (env.Version != resultVersion && env.Version != legacyResultVersion) {
		return fmt.Errorf("a %q result of version %d, want %q of version %d or %d: %w", env.Kind, env.Version, kind,
			legacyResultVersion, resultVersion, ErrResultFormat)
	}
	payload := []byte(env.Result)
	if env.Version == legacyResultVersion {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(data, &fields); err != nil {
			return fmt.Errorf("%v: %w", err, ErrResultFormat)
		}
		delete(fields, "kind")
		delete(fields, "version")
		var err error
		if payload, err = json.Marshal(fields); err != nil {
			return fmt.Errorf("%v: %w", err, ErrResultFormat)
		}
	}
	if len(payload) == 0 {
		return fmt.Errorf("no result: %w", ErrResultFormat)
	}
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, ErrResultFormat) {
			return err
		}
		return fmt.Errorf("%v: %w", err, ErrResultFormat)
	}
	return nil
}

// MapResult is a finished word map: the words placed (rows of Map.Points),
// their groups, the words left out (not in the vector set), for a
// relation-axis map its pair family, and the request's parameters.
type MapResult struct {
	SetID    int64
	SetName  string // the vector set's name when the map was drawn
	Words    []string
	Groups   []string
	Skipped  []string
	Map      *project.Map
	Relation wordgroups.Family
	Params   MapParams
}

// MapParams are the parameters of a map beyond its method: the source of
// its words and the method's settings (zero when they do not apply; maps
// saved before they were recorded have them all zero).
type MapParams struct {
	Name       string  `json:"name"`   // the words for people ("the top 5,000 words")
	Source     string  `json:"source"` // builtin, words, top, neighbors or sample
	N          int     `json:"n,omitempty"`
	Word       string  `json:"word,omitempty"`
	Seed       uint64  `json:"seed"`
	Perplexity float64 `json:"perplexity,omitempty"` // t-SNE
	Neighbors  int     `json:"neighbors,omitempty"`  // UMAP n_neighbors
	MinDist    float64 `json:"min_dist,omitempty"`   // UMAP min_dist
}

// savedMap is a MapResult as saved.
type savedMap struct {
	VectorSetID int64    `json:"vector_set_id"`
	Words       []string `json:"words"`
	Groups      []string `json:"groups"`
	Skipped     []string `json:"skipped"`
	// RelationA and RelationB are the groups of a relation-axis map's
	// pair family ("" otherwise).
	RelationA              string      `json:"relation_a,omitempty"`
	RelationB              string      `json:"relation_b,omitempty"`
	Method                 string      `json:"method"`
	Engine                 string      `json:"engine"`
	Points                 exactFloats `json:"points"` // n×2 row-major
	ExplainedVarianceRatio exactFloats `json:"explained_variance_ratio"`
	KL                     exactFloat  `json:"kl"`
	AxisAlignment          exactFloat  `json:"axis_alignment"`
	AxisPairs              int         `json:"axis_pairs"`
	TrustValue             exactFloat  `json:"trust_value"`
	TrustK                 int         `json:"trust_k"`
	TrustSampled           int         `json:"trust_sampled"`
	// Since the word sources (still version 2: older files lack them).
	VectorSetName string     `json:"vector_set_name,omitempty"`
	Params        *MapParams `json:"params,omitempty"`
}

func encodeMapResult(res *MapResult) ([]byte, error) {
	m := res.Map
	return encodeResult(resultKindMap, savedMap{
		VectorSetID: res.SetID, Words: res.Words, Groups: res.Groups, Skipped: res.Skipped,
		RelationA: res.Relation.GroupA, RelationB: res.Relation.GroupB,
		Method: m.Method, Engine: m.Engine, Points: m.Points, ExplainedVarianceRatio: m.ExplainedVarianceRatio,
		KL: exactFloat(m.KL), AxisAlignment: exactFloat(m.AxisAlignment), AxisPairs: m.AxisPairs,
		TrustValue: exactFloat(m.Trust.Value), TrustK: m.Trust.K, TrustSampled: m.Trust.Sampled,
		VectorSetName: res.SetName, Params: &res.Params})
}

func decodeMapResult(data []byte) (*MapResult, error) {
	var s savedMap
	if err := decodeResult(data, resultKindMap, &s); err != nil {
		return nil, err
	}
	if len(s.Groups) != len(s.Words) || len(s.Points) != 2*len(s.Words) {
		return nil, fmt.Errorf("%d words, %d groups and %d coordinates: %w", len(s.Words), len(s.Groups), len(s.Points), ErrResultFormat)
	}
	var params MapParams
	if s.Params != nil {
		params = *s.Params
	}
	return &MapResult{SetID: s.VectorSetID, SetName: s.VectorSetName, Words: s.Words, Groups: s.Groups, Skipped: s.Skipped, Params: params,
		Relation: wordgroups.Family{GroupA: s.RelationA, GroupB: s.RelationB},
		Map: &project.Map{Method: s.Method, Engine: s.Engine, Points: s.Points, ExplainedVarianceRatio: s.ExplainedVarianceRatio,
			KL: float64(s.KL), AxisAlignment: float64(s.AxisAlignment), AxisPairs: s.AxisPairs,
			Trust: project.TrustworthinessResult{Value: float64(s.TrustValue), K: s.TrustK, Sampled: s.TrustSampled}}}, nil
}

// savedFit is a spectrum.PowerLawFit as saved.
type savedFit struct {
	Beta      exactFloat  `json:"beta"`
	LogC      exactFloat  `json:"log_c"`
	R2        exactFloat  `json:"r2"`
	From      int         `json:"from"`
	To        int         `json:"to"`
	Residuals exactFloats `json:"residuals"`
	ExpR2     exactFloat  `json:"exp_r2"`
	ExpRate   exactFloat  `json:"exp_rate"`
}

// savedSpectrum is a CorpusSpectrum as saved.
type savedSpectrum struct {
	CorpusID   int64  `json:"corpus_id"`
	CorpusName string `json:"corpus_name"`
	// The request.
	Matrix   string `json:"matrix"`
	TopN     int    `json:"top_n"`
	K        int    `json:"k"`
	FitFrom  int    `json:"fit_from"`
	FitTo    int    `json:"fit_to"`
	BlockNNZ int    `json:"block_nnz"`
	Note     string `json:"note,omitempty"`
	// The result.
	NNZ            int         `json:"nnz"`
	SingularValues exactFloats `json:"singular_values"`
	Fit            *savedFit   `json:"fit"`
	FitError       string      `json:"fit_error,omitempty"`
}

func encodeSpectrumResult(res *CorpusSpectrum) ([]byte, error) {
	r := res.Request
	s := savedSpectrum{CorpusID: res.CorpusID, CorpusName: res.Name,
		Matrix: r.Weighting.String(), TopN: r.TopN, K: r.K, FitFrom: r.From, FitTo: r.To, BlockNNZ: r.NNZ, Note: r.Note,
		NNZ: res.NNZ, SingularValues: res.Values, FitError: res.FitError}
	if res.FitError == "" {
		f := res.Fit
		s.Fit = &savedFit{Beta: exactFloat(f.Beta), LogC: exactFloat(f.LogC), R2: exactFloat(f.R2), From: f.From, To: f.To,
			Residuals: f.Residuals, ExpR2: exactFloat(f.ExpR2), ExpRate: exactFloat(f.ExpRate)}
	}
	return encodeResult(resultKindSpectrum, s)
}

func decodeSpectrumResult(data []byte) (*CorpusSpectrum, error) {
	var s savedSpectrum
	if err := decodeResult(data, resultKindSpectrum, &s); err != nil {
		return nil, err
	}
	w, err := spectrum.ParseWeighting(s.Matrix)
	if err != nil {
		return nil, fmt.Errorf("matrix %q: %w", s.Matrix, ErrResultFormat)
	}
	if (s.Fit == nil) == (s.FitError == "") {
		return nil, fmt.Errorf("a spectrum needs a fit or the reason it has none: %w", ErrResultFormat)
	}
	res := &CorpusSpectrum{CorpusID: s.CorpusID, Name: s.CorpusName,
		Request: SpectrumRequest{Weighting: w, TopN: s.TopN, K: s.K, From: s.FitFrom, To: s.FitTo, NNZ: s.BlockNNZ, Note: s.Note},
		NNZ:     s.NNZ, Values: s.SingularValues, FitError: s.FitError}
	if f := s.Fit; f != nil {
		res.Fit = spectrum.PowerLawFit{Beta: float64(f.Beta), LogC: float64(f.LogC), R2: float64(f.R2), From: f.From, To: f.To,
			Residuals: f.Residuals, ExpR2: float64(f.ExpR2), ExpRate: float64(f.ExpRate)}
	}
	return res, nil
}

// keepResult ends the body of job run, whose result res belongs to owner:
// it saves res (encoded by encode) through the store, keeps it in cache
// under the job's id and reports the job done.
func keepResult[T any](s *Service, jctx context.Context, run jobs.Run, owner store.NewJobResult, res T,
	encode func(T) ([]byte, error), cache *lru.LRU[int64, T]) error {
	enc, err := encode(res)
	if err != nil {
		return err
	}
	if err := s.saveResult(jctx, owner, enc); err != nil {
		return err
	}
	cache.Add(run.ID, res)
	run.Progress(1, "done")
	return nil
}

// saveResult saves data, the encoded result of job owner.JobID, which
// belongs to owner's vector set or corpus. It runs in the job, before the
// job is marked done, and is not cut short by the job's cancellation.
func (s *Service) saveResult(jctx context.Context, owner store.NewJobResult, data []byte) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(jctx), resultSaveTimeout)
	defer cancel()
	if err := s.st.SaveJobResult(ctx, owner, data); err != nil {
		return fmt.Errorf("saving the result of job %d: %w", owner.JobID, err)
	}
	return nil
}

// loadResult reads the saved result of job jobID with decode. A result
// that is not there (jobs finished before results were saved) is gone;
// one that is damaged or unreadable is gone too, and logged.
func loadResult[T any](ctx context.Context, s *Service, jobID int64, decode func([]byte) (T, error), gone string) (T, error) {
	var zero T
	data, err := s.st.JobResult(ctx, jobID)
	if err == nil {
		var res T
		if res, err = decode(data); err == nil {
			return res, nil
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		return zero, apperr.Wrap(ErrResultGone, apperr.Gone, gone)
	}
	if errors.Is(err, store.ErrDamaged) || errors.Is(err, ErrResultFormat) {
		s.log.Error("reading a saved result", "job", jobID, "err", err)
		return zero, apperr.Wrap(ErrResultGone, apperr.Gone, gone)
	}
	return zero, err
}
