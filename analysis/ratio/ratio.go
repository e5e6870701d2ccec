package ratio

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// Errors returned for unusable requests; they are wrapped with details.
var (
	ErrUnknownWord    = errors.New("word not in the vocabulary")
	ErrSameWord       = errors.New("the two words must differ")
	ErrNoCooccurrence = errors.New("word has no co-occurrences")
	ErrNoProbes       = errors.New("no probe words and no discovery requested")
	ErrBadOptions     = errors.New("invalid ratio options")
)

// DefaultProbes are the context words of the paper's Table 1.
var DefaultProbes = []string{"solid", "gas", "water", "fashion"}

// Kind classifies a ratio.
type Kind string

// The kinds of ratio.
const (
	Finite    Kind = "finite"
	Inf       Kind = "inf"
	Zero      Kind = "zero"
	Undefined Kind = "undefined"
)

// Row is one context word k of a ratio table.
type Row struct {
	K       string
	InVocab bool    // false: k is unknown and every count is 0
	XIK     float64 // X_ik
	XJK     float64 // X_jk
	PIK     float64 // P(k|i)
	PJK     float64 // P(k|j)
	Ratio   float64 // P(k|i)/P(k|j); meaningful only when Kind is Finite
	Kind    Kind
	Thin    bool // X_ik or X_jk below Options.ThinBelow
	// Bound is set on discovered rows only (0 elsewhere): the one-sided
	// confidence bound of the ratio on the side the word leans to, at
	// Options.Confidence — a lower bound (> 1) in Table.Largest, an
	// upper bound (< 1) in Table.Smallest. See leanBounds.
	Bound float64
}

// Options configures Compute.
type Options struct {
	// Probes are the context words of the table; none is allowed when
	// Top > 0.
	Probes []string
	// Smoothing λ ≥ 0 is added to every count (0: none).
	Smoothing float64
	// ThinBelow flags rows whose X_ik or X_jk is below it.
	ThinBelow float64
	// Top is the number of discovered words on each side (0: none).
	Top int
	// MinEvidence is the least X_ik + X_jk for a discovered word.
	MinEvidence float64
	// LeanThreshold ρ₀ ≥ 1: a discovered word must have a ratio of at
	// least ρ₀ (Largest) or at most 1/ρ₀ (Smallest); 0 means
	// DefaultLeanThreshold (2), 1 keeps every word that leans at all.
	LeanThreshold float64
	// Confidence in (0, 1) is the level of the bound that ranks the
	// discovered words and that must exclude a ratio of 1; 0 means
	// DefaultConfidence (0.95).
	Confidence float64
}

// DefaultOptions returns the paper's probes, no smoothing, thin evidence
// below 5, and the top 10 discovered words with X_ik + X_jk ≥ 10 leaning
// clearly: ratio ≥ 2 or ≤ 0.5, with a 95 % bound that excludes 1.
func DefaultOptions() Options {
	return Options{Probes: DefaultProbes, ThinBelow: 5, Top: 10, MinEvidence: 10,
		LeanThreshold: DefaultLeanThreshold, Confidence: DefaultConfidence}
}

// Table is a probability-ratio table for words I and J.
type Table struct {
	I, J     string
	XI, XJ   float64 // row sums X_i, X_j
	Rows     []Row   // one per probe, in the order given
	Largest  []Row   // discovered words with the largest ratios, largest first
	Smallest []Row   // discovered words with the smallest ratios, smallest first
}

// Compute builds the ratio table of words i and j over matrix m whose
// ids are the ranks of vocab.
func Compute(m *cooccur.Matrix, vocab *corpus.Vocabulary, i, j string, opt Options) (*Table, error) {
	if m.Dim() != vocab.Len() {
		panic(fmt.Sprintf("ratio: matrix dimension %d differs from vocabulary size %d", m.Dim(), vocab.Len()))
	}
	if opt.Smoothing < 0 || math.IsNaN(opt.Smoothing) || opt.ThinBelow < 0 || math.IsNaN(opt.ThinBelow) ||
		opt.MinEvidence < 0 || math.IsNaN(opt.MinEvidence) || opt.Top < 0 {
		return nil, fmt.Errorf("%w: smoothing, thin-evidence threshold, minimum evidence and top must be non-negative numbers", ErrBadOptions)
	}
	if opt.LeanThreshold == 0 {
		opt.LeanThreshold = DefaultLeanThreshold
	}
	if opt.Confidence == 0 {
		opt.Confidence = DefaultConfidence
	}
	if !(opt.LeanThreshold >= 1) || math.IsInf(opt.LeanThreshold, 0) || !(opt.Confidence > 0 && opt.Confidence < 1) {
		return nil, fmt.Errorf("%w: the lean threshold must be a number ≥ 1 and the confidence between 0 and 1", ErrBadOptions)
	}
	if len(opt.Probes) == 0 && opt.Top == 0 {
		return nil, ErrNoProbes
	}
	if i == j {
		return nil, fmt.Errorf("%w: i and j are both %q", ErrSameWord, i)
	}
	ii, ok := vocab.ID(i)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownWord, i)
	}
	jj, ok := vocab.ID(j)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownWord, j)
	}
	c := calc{opt: opt, v: float64(vocab.Len()), xi: m.RowSum(ii), xj: m.RowSum(jj)}
	for _, w := range []struct {
		word string
		sum  float64
	}{{i, c.xi}, {j, c.xj}} {
		if w.sum == 0 && opt.Smoothing == 0 {
			return nil, fmt.Errorf("%w: %q never appears near another kept word", ErrNoCooccurrence, w.word)
		}
	}
	t := &Table{I: i, J: j, XI: c.xi, XJ: c.xj}
	for _, k := range opt.Probes {
		id, ok := vocab.ID(k)
		if !ok {
			t.Rows = append(t.Rows, c.row(k, false, 0, 0))
			continue
		}
		t.Rows = append(t.Rows, c.row(k, true, m.At(ii, id), m.At(jj, id)))
	}
	if opt.Top > 0 {
		t.Largest, t.Smallest = c.discover(m, vocab, ii, jj)
	}
	return t, nil
}

// calc holds what every row needs.
type calc struct {
	opt    Options
	v      float64
	xi, xj float64
}

func (c *calc) row(k string, inVocab bool, xik, xjk float64) Row {
	lambda := c.opt.Smoothing
	r := Row{K: k, InVocab: inVocab, XIK: xik, XJK: xjk}
	r.PIK = prob(xik, c.xi, lambda, c.v)
	r.PJK = prob(xjk, c.xj, lambda, c.v)
	r.Thin = xik < c.opt.ThinBelow || xjk < c.opt.ThinBelow
	switch {
	case r.PIK == 0 && r.PJK == 0:
		r.Kind = Undefined
	case r.PJK == 0:
		r.Kind = Inf
	case r.PIK == 0:
		r.Kind = Zero
	default:
		r.Kind = Finite
		r.Ratio = r.PIK / r.PJK
	}
	return r
}

// prob returns (x + λ) / (sum + λ·v), and 0 when the denominator is 0.
func prob(x, sum, lambda, v float64) float64 {
	den := sum + lambda*v
	if den == 0 {
		return 0
	}
	return (x + lambda) / den
}

// discover merges rows i and j and keeps the words that lean most
// clearly to either side.
func (c *calc) discover(m *cooccur.Matrix, vocab *corpus.Vocabulary, ii, jj int32) (largest, smallest []Row) {
	ci, vi := m.Row(ii)
	cj, vj := m.Row(jj)
	var rows []Row
	a, b := 0, 0
	for a < len(ci) || b < len(cj) {
		var k int32
		var xik, xjk float64
		switch {
		case b >= len(cj) || (a < len(ci) && ci[a] < cj[b]):
			k, xik = ci[a], vi[a]
			a++
		case a >= len(ci) || cj[b] < ci[a]:
			k, xjk = cj[b], vj[b]
			b++
		default:
			k, xik, xjk = ci[a], vi[a], vj[b]
			a++
			b++
		}
		if k == ii || k == jj || xik+xjk < c.opt.MinEvidence {
			continue
		}
		rows = append(rows, c.row(vocab.Word(k), true, xik, xjk))
	}
	// A word leans to i when its ratio clears the threshold and the
	// lower confidence bound of its ratio is above 1; the most clearly
	// leaning come first (highest lower bound; ties by evidence, then
	// word). Symmetrically for j with the upper bound below 1. Ranking by
	// the bound, not the ratio, keeps thin evidence (2 sightings against
	// 0) below strong evidence (200 against 20).
	for _, r := range rows {
		lo, hi := leanBounds(r.XIK, r.XJK, c.xi, c.xj, c.opt.Confidence)
		switch {
		case (r.Kind == Inf || (r.Kind == Finite && r.Ratio >= c.opt.LeanThreshold)) && lo > 1:
			r.Bound = lo
			largest = append(largest, r)
		case (r.Kind == Zero || (r.Kind == Finite && r.Ratio <= 1/c.opt.LeanThreshold)) && hi < 1:
			r.Bound = hi
			smallest = append(smallest, r)
		}
	}
	slices.SortStableFunc(largest, func(x, y Row) int {
		if c := cmp.Compare(y.Bound, x.Bound); c != 0 {
			return c
		}
		if c := cmp.Compare(y.XIK+y.XJK, x.XIK+x.XJK); c != 0 {
			return c
		}
		return cmp.Compare(x.K, y.K)
	})
	slices.SortStableFunc(smallest, func(x, y Row) int {
		if c := cmp.Compare(x.Bound, y.Bound); c != 0 {
			return c
		}
		if c := cmp.Compare(y.XIK+y.XJK, x.XIK+x.XJK); c != 0 {
			return c
		}
		return cmp.Compare(x.K, y.K)
	})
	largest = slices.Clip(largest[:min(c.opt.Top, len(largest))])
	smallest = slices.Clip(smallest[:min(c.opt.Top, len(smallest))])
	return largest, smallest
}
