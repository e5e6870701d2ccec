package pmi

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// ErrBadAlpha reports a context-smoothing exponent outside (0, 1].
var ErrBadAlpha = errors.New("context smoothing α must be in (0, 1]")

// Unit is the base of the logarithms of an information quantity.
type Unit int

// The units of information.
const (
	Nats Unit = iota
	Bits
)

func (u Unit) scale(x float64) float64 {
	if u == Bits {
		return x / math.Ln2
	}
	return x
}

// Model answers PMI questions about one matrix. Build it with New; it is
// safe for concurrent use.
type Model struct {
	m         *cooccur.Matrix
	alpha     float64
	sum       float64
	smoothNrm float64 // Σ_k X_·k^α
}

// New returns a Model of m with context-distribution smoothing alpha in
// (0, 1] (1: plain PPMI). An empty matrix gives a model whose every pair
// is absent.
func New(m *cooccur.Matrix, alpha float64) (*Model, error) {
	if !(alpha > 0 && alpha <= 1) {
		return nil, fmt.Errorf("%w: got %g", ErrBadAlpha, alpha)
	}
	md := &Model{m: m, alpha: alpha, sum: m.Sum()}
	for j := 0; j < m.Dim(); j++ {
		if c := m.ColSum(int32(j)); c > 0 {
			md.smoothNrm += math.Pow(c, alpha)
		}
	}
	return md, nil
}

// PMI returns PMI(i, j) in nats, and ok = false when X_ij = 0 (PMI = −∞).
func (md *Model) PMI(i, j int32) (pmi float64, ok bool) {
	x := md.m.At(i, j)
	if x <= 0 {
		return 0, false
	}
	return md.pmiOf(i, j, x), true
}

func (md *Model) pmiOf(i, j int32, x float64) float64 {
	return math.Log(x) + math.Log(md.sum) - math.Log(md.m.RowSum(i)) - math.Log(md.m.ColSum(j))
}

// PPMI returns the positive, context-smoothed PMI of (i, j) in nats; 0
// when X_ij = 0.
func (md *Model) PPMI(i, j int32) float64 {
	x := md.m.At(i, j)
	if x <= 0 {
		return 0
	}
	return md.ppmiOf(i, j, x)
}

func (md *Model) ppmiOf(i, j int32, x float64) float64 {
	pa := math.Pow(md.m.ColSum(j), md.alpha) / md.smoothNrm
	v := math.Log(x/md.sum) - math.Log(md.m.RowSum(i)/md.sum) - math.Log(pa)
	return max(v, 0)
}

// RowPPMI returns the columns and PPMI values (nats) of row i, keeping
// only positive values. The result is freshly allocated.
func (md *Model) RowPPMI(i int32) (cols []int32, vals []float64) {
	c, v := md.m.Row(i)
	for k, j := range c {
		if p := md.ppmiOf(i, j, v[k]); p > 0 {
			cols = append(cols, j)
			vals = append(vals, p)
		}
	}
	return cols, vals
}

// Partner is a context word with its PMI and raw count.
type Partner struct {
	ID  int32
	PMI float64 // nats
	X   float64
}

// Top returns the n words j with the largest PMI(i, j) among those with
// X_ij ≥ minCount, largest first (ties: larger count, then smaller id).
// The count threshold keeps rare pairs, whose PMI is inflated, out.
func (md *Model) Top(i int32, n int, minCount float64) []Partner {
	cols, vals := md.m.Row(i)
	var ps []Partner
	for k, j := range cols {
		if vals[k] < minCount {
			continue
		}
		ps = append(ps, Partner{ID: j, PMI: md.pmiOf(i, j, vals[k]), X: vals[k]})
	}
	slices.SortFunc(ps, func(a, b Partner) int {
		if c := cmp.Compare(b.PMI, a.PMI); c != 0 {
			return c
		}
		if c := cmp.Compare(b.X, a.X); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return ps[:min(n, len(ps))]
}

// MutualInformation returns I(W;C) of the co-occurrence distribution of
// m, in the given unit; 0 for an empty matrix.
func MutualInformation(m *cooccur.Matrix, u Unit) float64 {
	mi, _ := MutualInformationOf(m, u) // an in-memory matrix cannot fail
	return mi
}

// Rows is a co-occurrence matrix read row by row: a *cooccur.Matrix, or a
// *cooccur.MatrixFile, which keeps its entries on disk.
type Rows interface {
	Dim() int
	RowSum(i int32) float64
	ColSum(j int32) float64
	Sum() float64
	EachRow(fn func(i int32, cols []int32, vals []float64) error) error
}

// MutualInformationOf is MutualInformation of a matrix read row by row,
// with the same arithmetic in the same order (the same bits); the error
// is the one of reading the rows.
func MutualInformationOf(m Rows, u Unit) (float64, error) {
	s := m.Sum()
	if s <= 0 {
		return 0, nil
	}
	logS := math.Log(s)
	logCol := make([]float64, m.Dim())
	for j := range logCol {
		if c := m.ColSum(int32(j)); c > 0 {
			logCol[j] = math.Log(c)
		}
	}
	var mi float64
	err := m.EachRow(func(i int32, cols []int32, vals []float64) error {
		logRow := math.Log(m.RowSum(i))
		for k, j := range cols {
			x := vals[k]
			mi += x * (math.Log(x) + logS - logRow - logCol[j])
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return u.scale(mi / s), nil
}

// Entropy returns H = −Σ p log p of the distribution proportional to
// counts (zeros are skipped), in the given unit; 0 when all counts are 0.
// Negative counts are a programming error and panic.
func Entropy(counts []int64, u Unit) float64 {
	var n float64
	for _, c := range counts {
		if c < 0 {
			panic("pmi: negative count")
		}
		n += float64(c)
	}
	if n == 0 {
		return 0
	}
	var h float64
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log(p)
		}
	}
	return u.scale(h)
}
