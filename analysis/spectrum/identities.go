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

// MeasureIdentities samples up to sample entries (all when sample ≤ 0 or
// larger than len(entries)) with a seeded generator. Marginals for PMI are
// summed over all entries. It panics when an entry indexes outside the
// model or its matrices and biases disagree in shape.
func MeasureIdentities(m *glove.Model, entries []cooccur.Entry, sample int, seed uint64) (Identities, error) {
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
		return Identities{}, ErrNoEntries
	}
	if sample > 0 && sample < len(positive) {
		rng := rand.New(rand.NewPCG(seed, 0x1de7))
		rng.Shuffle(len(positive), func(i, j int) { positive[i], positive[j] = positive[j], positive[i] })
		positive = positive[:sample]
	}
	n := len(positive)
	dots := make([]float64, n)
	model := make([]float64, n)
	logX := make([]float64, n)
	pmi := make([]float64, n)
	logTotal := math.Log(total)
	for s, k := range positive {
		e := entries[k]
		dot := mat.Dot(m.Word.RowView(int(e.Row)), m.Context.RowView(int(e.Col)))
		dots[s] = dot
		model[s] = dot + m.WordBias[e.Row] + m.ContextBias[e.Col]
		logX[s] = math.Log(e.Value)
		pmi[s] = logX[s] + logTotal - math.Log(rowSum[e.Row]) - math.Log(colSum[e.Col])
	}
	out := Identities{Sampled: n}
	out.LogCountR = stat.Correlation(model, logX, nil)
	var mean float64
	for _, y := range logX {
		mean += y
	}
	mean /= float64(n)
	var sse, sst float64
	for s := range logX {
		sse += (logX[s] - model[s]) * (logX[s] - model[s])
		sst += (logX[s] - mean) * (logX[s] - mean)
	}
	out.LogCountR2 = 1 - sse/sst
	if sst == 0 {
		out.LogCountR2 = math.NaN()
	}
	out.PMIR = stat.Correlation(dots, pmi, nil)
	out.PMIR2 = out.PMIR * out.PMIR
	return out, nil
}
