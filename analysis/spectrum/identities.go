package spectrum

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
)

// Identities reports how well trained vectors satisfy the GloVe identities
// on a sample of nonzeros.
//
// LogCountR is the Pearson correlation of w_iᵀw̃_j + b_i + b̃_j with ln X_ij
// and LogCountR2 = 1 − Σ(ln X − model)² / Σ(ln X − mean)², the R² of the
// identity taken literally (no refitted slope or intercept; it can be
// negative). PMIR is the Pearson correlation of w_iᵀw̃_j with PMI(i,j) and
// PMIR2 its square (the identity holds only up to the biases, so only the
// linear association is meaningful).
type Identities struct {
	Sampled    int
	LogCountR  float64
	LogCountR2 float64
	PMIR       float64
	PMIR2      float64
}

// ErrNoEntries reports an identity check without any positive entry.
var ErrNoEntries = errors.New("no positive co-occurrence entries")

// IdentitySample is a seeded sample of positive co-occurrence entries
// with what a model says about each: LogX = ln X_ij against
// Model = w_iᵀw̃_j + b_i + b̃_j, and PMI(i,j) against Dot = w_iᵀw̃_j. The
// four slices have one element per sampled entry.
type IdentitySample struct {
	LogX, Model []float64
	PMI, Dot    []float64
}

// MeasureIdentities is SampleIdentities followed by Identities: the
// statistics of one seeded sample.
func MeasureIdentities(m *glove.Model, entries []cooccur.Entry, sample int, seed uint64) (Identities, error) {
	s, err := SampleIdentities(m, entries, sample, seed)
	if err != nil {
		return Identities{}, err
	}
	return s.Identities(), nil
}

// SampleIdentities samples up to sample positive entries (all when
// sample ≤ 0 or larger than their number) with a seeded generator and
// evaluates m on them. Marginals for PMI are summed over all entries. It
// returns ErrNoEntries without a positive entry, and panics when an entry
// indexes outside the model or its matrices and biases disagree in shape.
func SampleIdentities(m *glove.Model, entries []cooccur.Entry, sample int, seed uint64) (IdentitySample, error) {
	v, d := m.Word.Dims()
	if cv, cd := m.Context.Dims(); cv != v || cd != d || len(m.WordBias) != v || len(m.ContextBias) != v {
		panic(fmt.Sprintf("spectrum: inconsistent GloVe model shapes (W %d×%d, W̃ %d×%d, |b| %d, |b̃| %d)",
			v, d, cv, cd, len(m.WordBias), len(m.ContextBias)))
	}
	rowSum := make([]float64, v)
	colSum := make([]float64, v)
	var total float64
	var positive []int
	for k, e := range entries {
		if int(e.Row) >= v || int(e.Col) >= v || e.Row < 0 || e.Col < 0 {
			panic(fmt.Sprintf("spectrum: entry (%d, %d) outside a vocabulary of %d", e.Row, e.Col, v))
		}
		if e.Value > 0 {
			rowSum[e.Row] += e.Value
			colSum[e.Col] += e.Value
			total += e.Value
			positive = append(positive, k)
		}
	}
	if len(positive) == 0 {
		return IdentitySample{}, ErrNoEntries
	}
	if sample > 0 && sample < len(positive) {
		rng := rand.New(rand.NewPCG(seed, 0x1de7))
		rng.Shuffle(len(positive), func(i, j int) { positive[i], positive[j] = positive[j], positive[i] })
		positive = positive[:sample]
	}
	n := len(positive)
	s := IdentitySample{LogX: make([]float64, n), Model: make([]float64, n), PMI: make([]float64, n), Dot: make([]float64, n)}
	logTotal := math.Log(total)
	for i, k := range positive {
		e := entries[k]
		dot := mat.Dot(m.Word.RowView(int(e.Row)), m.Context.RowView(int(e.Col)))
		s.Dot[i] = dot
		s.Model[i] = dot + m.WordBias[e.Row] + m.ContextBias[e.Col]
		s.LogX[i] = math.Log(e.Value)
		s.PMI[i] = s.LogX[i] + logTotal - math.Log(rowSum[e.Row]) - math.Log(colSum[e.Col])
	}
	return s, nil
}

// Identities returns the statistics of the sample (see Identities). A
// statistic that is undefined (a constant ln X, model or PMI) is NaN.
func (s IdentitySample) Identities() Identities {
	out := Identities{Sampled: len(s.LogX)}
	out.LogCountR = stat.Correlation(s.Model, s.LogX, nil)
	mean := stat.Mean(s.LogX, nil)
	var sse, sst float64
	for i, y := range s.LogX {
		sse += (y - s.Model[i]) * (y - s.Model[i])
		sst += (y - mean) * (y - mean)
	}
	out.LogCountR2 = 1 - sse/sst
	if sst == 0 {
		out.LogCountR2 = math.NaN()
	}
	out.PMIR = stat.Correlation(s.Dot, s.PMI, nil)
	out.PMIR2 = out.PMIR * out.PMIR
	return out
}
