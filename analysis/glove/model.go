package glove

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// Model is a trained GloVe model. Row i of Word and Context belongs to the
// word of vocabulary rank i.
type Model struct {
	// Word is W (V×d): the vectors w_i of words as centres.
	Word *mat.Dense
	// Context is W̃ (V×d): the vectors w̃_j of words as contexts.
	Context *mat.Dense
	// WordBias and ContextBias are b and b̃ (length V).
	WordBias, ContextBias []float64
}

// Sum returns W + W̃ (V×d), the vectors the paper (and glove -model 2)
// publishes: the two sets are equivalent up to noise when X is symmetric,
// and their sum is a little better than either.
func (m *Model) Sum() *mat.Dense {
	var s mat.Dense
	s.Add(m.Word, m.Context)
	return &s
}

// VocabSize returns V.
func (m *Model) VocabSize() int { r, _ := m.Word.Dims(); return r }

// VectorSize returns d.
func (m *Model) VectorSize() int { _, c := m.Word.Dims(); return c }

// Model returns a copy of the current parameters as float64 matrices.
func (t *Trainer) Model() *Model {
	v, d := t.vocabSize, t.lay.dim
	m := &Model{
		Word:        mat.NewDense(v, d, nil),
		Context:     mat.NewDense(v, d, nil),
		WordBias:    make([]float64, v),
		ContextBias: make([]float64, v),
	}
	for i := range v {
		word := t.params[i*t.lay.stride:]
		ctx := t.params[(v+i)*t.lay.stride:]
		wOut, cOut := m.Word.RawRowView(i), m.Context.RawRowView(i)
		for k := range d {
			wOut[k] = float64(word[k])
			cOut[k] = float64(ctx[k])
		}
		m.WordBias[i] = float64(word[d])
		m.ContextBias[i] = float64(ctx[d])
	}
	return m
}

// Objective returns J = Σ f(X_ij)(w_iᵀw̃_j + b_i + b̃_j − log X_ij)² over
// the entries, in float64, with f(x) = (x/xMax)^alpha below xMax and 1
// above. It returns an error wrapping ErrBadEntry for an entry outside the
// model's vocabulary or with a count that is not finite and positive, and
// ErrInvalidOptions for xMax ≤ 0 or alpha < 0. The Stanford per-epoch
// cost is about Objective/(2·nnz).
func Objective(m *Model, entries []cooccur.Entry, xMax, alpha float64) (float64, error) {
	if !(xMax > 0) || math.IsInf(xMax, 0) || !(alpha >= 0) || math.IsInf(alpha, 0) {
		return 0, fmt.Errorf("%w: need finite x_max > 0 and alpha ≥ 0, got %v and %v", ErrInvalidOptions, xMax, alpha)
	}
	v := m.VocabSize()
	var j float64
	for n, e := range entries {
		if e.Row < 0 || int(e.Row) >= v || e.Col < 0 || int(e.Col) >= v {
			return 0, fmt.Errorf("%w: entry %d is (%d, %d), outside the vocabulary of %d words", ErrBadEntry, n, e.Row, e.Col, v)
		}
		if !(e.Value > 0) || math.IsInf(e.Value, 0) {
			return 0, fmt.Errorf("%w: entry %d has count %v", ErrBadEntry, n, e.Value)
		}
		diff := mat.Dot(m.Word.RowView(int(e.Row)), m.Context.RowView(int(e.Col))) +
			m.WordBias[e.Row] + m.ContextBias[e.Col] - math.Log(e.Value)
		j += weight(e.Value, xMax, alpha) * diff * diff
	}
	return j, nil
}
