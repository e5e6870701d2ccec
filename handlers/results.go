package handlers

// Finished job results kept across restarts: a t-SNE map
// (explore_pages.go) and a co-occurrence spectrum (corpus_spectrum.go) are
// saved as JSON through the store (results/<job>.json, deleted with their
// vector set or corpus) when their job finishes, before it is marked done.
// The in-memory caches answer first; after a restart, or once a result
// has left its cache, it is read back from the store. Every float64 is
// written with the shortest decimal that parses back to the same bits, and
// NaN and ±Inf as strings, so a result read back is identical to the one
// computed, and so are the pages, plots and API answers made from it.

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
	"github.com/gloveboard/gloveboard/internal/store"
)

// ErrResultFormat marks a saved result that cannot be decoded (another
// version or kind, or malformed JSON).
var ErrResultFormat = errors.New("saved result cannot be read")

// resultVersion is the version of the saved result format.
const resultVersion = 1

// Kinds of saved results.
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

// resultHeader starts every saved result.
type resultHeader struct {
	Version int    `json:"version"`
	Kind    string `json:"kind"`
}

// savedMap is a mapResult as saved.
type savedMap struct {
	resultHeader
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
}

func encodeMapResult(res *mapResult) ([]byte, error) {
	m := res.m
	return json.Marshal(savedMap{resultHeader: resultHeader{Version: resultVersion, Kind: resultKindMap},
		VectorSetID: res.setID, Words: res.words, Groups: res.groups, Skipped: res.skipped,
		RelationA: res.relation.GroupA, RelationB: res.relation.GroupB,
		Method: m.Method, Engine: m.Engine, Points: m.Points, ExplainedVarianceRatio: m.ExplainedVarianceRatio,
		KL: exactFloat(m.KL), AxisAlignment: exactFloat(m.AxisAlignment), AxisPairs: m.AxisPairs,
		TrustValue: exactFloat(m.Trust.Value), TrustK: m.Trust.K, TrustSampled: m.Trust.Sampled})
}

// decodeResult reads data into v after checking its version and kind.
func decodeResult(data []byte, kind string, v any) error {
	var h resultHeader
	if err := json.Unmarshal(data, &h); err != nil {
		return fmt.Errorf("%v: %w", err, ErrResultFormat)
	}
	if h.Version != resultVersion || h.Kind != kind {
		return fmt.Errorf("a %q result of version %d, want %q of version %d: %w", h.Kind, h.Version, kind, resultVersion, ErrResultFormat)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, ErrResultFormat) {
			return err
		}
		return fmt.Errorf("%v: %w", err, ErrResultFormat)
	}
	return nil
}

func decodeMapResult(data []byte) (*mapResult, error) {
	var s savedMap
	if err := decodeResult(data, resultKindMap, &s); err != nil {
		return nil, err
	}
	if len(s.Groups) != len(s.Words) || len(s.Points) != 2*len(s.Words) {
		return nil, fmt.Errorf("%d words, %d groups and %d coordinates: %w", len(s.Words), len(s.Groups), len(s.Points), ErrResultFormat)
	}
	return &mapResult{setID: s.VectorSetID, words: s.Words, groups: s.Groups, skipped: s.Skipped,
		relation: wordgroups.Family{GroupA: s.RelationA, GroupB: s.RelationB},
		m: &project.Map{Method: s.Method, Engine: s.Engine, Points: s.Points, ExplainedVarianceRatio: s.ExplainedVarianceRatio,
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

// savedSpectrum is a corpusSpectrumResult as saved.
type savedSpectrum struct {
	resultHeader
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

func encodeSpectrumResult(res *corpusSpectrumResult) ([]byte, error) {
	r := res.req
	s := savedSpectrum{resultHeader: resultHeader{Version: resultVersion, Kind: resultKindSpectrum},
		CorpusID: res.corpusID, CorpusName: res.name,
		Matrix: r.weighting.String(), TopN: r.topN, K: r.k, FitFrom: r.from, FitTo: r.to, BlockNNZ: r.nnz, Note: r.note,
		NNZ: res.nnz, SingularValues: res.values, FitError: res.fitErr}
	if res.fitErr == "" {
		f := res.fit
		s.Fit = &savedFit{Beta: exactFloat(f.Beta), LogC: exactFloat(f.LogC), R2: exactFloat(f.R2), From: f.From, To: f.To,
			Residuals: f.Residuals, ExpR2: exactFloat(f.ExpR2), ExpRate: exactFloat(f.ExpRate)}
	}
	return json.Marshal(s)
}

func decodeSpectrumResult(data []byte) (*corpusSpectrumResult, error) {
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
	res := &corpusSpectrumResult{corpusID: s.CorpusID, name: s.CorpusName,
		req: spectrumRequest{weighting: w, topN: s.TopN, k: s.K, from: s.FitFrom, to: s.FitTo, nnz: s.BlockNNZ, note: s.Note},
		nnz: s.NNZ, values: s.SingularValues, fitErr: s.FitError}
	if f := s.Fit; f != nil {
		res.fit = spectrum.PowerLawFit{Beta: float64(f.Beta), LogC: float64(f.LogC), R2: float64(f.R2), From: f.From, To: f.To,
			Residuals: f.Residuals, ExpR2: float64(f.ExpR2), ExpRate: float64(f.ExpRate)}
	}
	return res, nil
}

// saveResult saves data, the encoded result of job owner.JobID, which
// belongs to owner's vector set or corpus. It runs in the job, before the
// job is marked done, and is not cut short by the job's cancellation.
func (s *Server) saveResult(jctx context.Context, owner store.NewJobResult, data []byte) error {
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
func loadResult[T any](ctx context.Context, s *Server, jobID int64, decode func([]byte) (T, error), gone string) (T, error) {
	var zero T
	data, err := s.st.JobResult(ctx, jobID)
	if err == nil {
		var res T
		if res, err = decode(data); err == nil {
			return res, nil
		}
	}
	if errors.Is(err, store.ErrNotFound) {
		return zero, public(ErrResultGone, gone)
	}
	if errors.Is(err, store.ErrDamaged) || errors.Is(err, ErrResultFormat) {
		s.log.Error("reading a saved result", "job", jobID, "err", err)
		return zero, public(ErrResultGone, gone)
	}
	return zero, err
}
