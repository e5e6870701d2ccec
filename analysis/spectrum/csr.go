package spectrum

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// Triplet is one nonzero (Row, Col, Value) used to build a CSR matrix.
type Triplet struct {
	Row, Col int32
	Value    float64
}

// CSR is a sparse matrix in compressed-sparse-row form: the nonzeros of
// row i are Cols[RowPtr[i]:RowPtr[i+1]] (ascending) with values
// Vals[RowPtr[i]:RowPtr[i+1]].
type CSR struct {
	Rows, Cols int
	RowPtr     []int
	ColIdx     []int32
	Vals       []float64
}

// ErrBadIndex reports a triplet outside the declared shape.
var ErrBadIndex = errors.New("sparse entry outside the matrix")

// FromTriplets builds a rows×cols CSR matrix from triplets in any order;
// duplicates are summed and explicit zeros are kept out.
func FromTriplets(rows, cols int, ts []Triplet) (*CSR, error) {
	if rows < 0 || cols < 0 {
		panic("spectrum: negative matrix shape")
	}
	counts := make([]int, rows+1)
	for _, t := range ts {
		if t.Row < 0 || int(t.Row) >= rows || t.Col < 0 || int(t.Col) >= cols {
			return nil, fmt.Errorf("%w: (%d, %d) in %d×%d", ErrBadIndex, t.Row, t.Col, rows, cols)
		}
		counts[t.Row+1]++
	}
	for i := 0; i < rows; i++ {
		counts[i+1] += counts[i]
	}
	colIdx := make([]int32, len(ts))
	vals := make([]float64, len(ts))
	next := append([]int(nil), counts[:rows]...)
	for _, t := range ts {
		p := next[t.Row]
		colIdx[p], vals[p] = t.Col, t.Value
		next[t.Row]++
	}
	m := &CSR{Rows: rows, Cols: cols, RowPtr: make([]int, rows+1)}
	m.ColIdx = colIdx[:0]
	m.Vals = vals[:0]
	for i := 0; i < rows; i++ {
		lo, hi := counts[i], counts[i+1]
		sort.Sort(byCol{colIdx[lo:hi], vals[lo:hi]})
		for p := lo; p < hi; p++ {
			n := len(m.ColIdx)
			if n > m.RowPtr[i] && m.ColIdx[n-1] == colIdx[p] {
				m.Vals[n-1] += vals[p]
				continue
			}
			m.ColIdx = append(m.ColIdx, colIdx[p])
			m.Vals = append(m.Vals, vals[p])
		}
		m.RowPtr[i+1] = len(m.ColIdx)
	}
	return m.dropZeros(), nil
}

type byCol struct {
	c []int32
	v []float64
}

func (b byCol) Len() int           { return len(b.c) }
func (b byCol) Less(i, j int) bool { return b.c[i] < b.c[j] }
func (b byCol) Swap(i, j int) {
	b.c[i], b.c[j] = b.c[j], b.c[i]
	b.v[i], b.v[j] = b.v[j], b.v[i]
}

// NNZ returns the number of stored nonzeros.
func (m *CSR) NNZ() int { return len(m.Vals) }

// dropZeros removes stored zeros in place and returns m.
func (m *CSR) dropZeros() *CSR {
	w := 0
	start := 0
	for i := 0; i < m.Rows; i++ {
		end := m.RowPtr[i+1]
		for p := start; p < end; p++ {
			if m.Vals[p] != 0 {
				m.ColIdx[w], m.Vals[w] = m.ColIdx[p], m.Vals[p]
				w++
			}
		}
		start = end
		m.RowPtr[i+1] = w
	}
	m.ColIdx, m.Vals = m.ColIdx[:w], m.Vals[:w]
	return m
}

// Dense returns m as a row-major dense slice of length Rows·Cols.
func (m *CSR) Dense() []float64 {
	out := make([]float64, m.Rows*m.Cols)
	for i := 0; i < m.Rows; i++ {
		for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
			out[i*m.Cols+int(m.ColIdx[p])] = m.Vals[p]
		}
	}
	return out
}

// Transpose returns mᵀ as a new CSR matrix.
func (m *CSR) Transpose() *CSR {
	t := &CSR{Rows: m.Cols, Cols: m.Rows, RowPtr: make([]int, m.Cols+1),
		ColIdx: make([]int32, len(m.ColIdx)), Vals: make([]float64, len(m.Vals))}
	for _, c := range m.ColIdx {
		t.RowPtr[c+1]++
	}
	for i := 0; i < m.Cols; i++ {
		t.RowPtr[i+1] += t.RowPtr[i]
	}
	next := append([]int(nil), t.RowPtr[:m.Cols]...)
	for i := 0; i < m.Rows; i++ {
		for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
			c := m.ColIdx[p]
			q := next[c]
			t.ColIdx[q], t.Vals[q] = int32(i), m.Vals[p]
			next[c]++
		}
	}
	return t
}

// TopN returns the leading n×n block of m (rows and columns 0..n-1).
// n larger than the matrix is clamped.
func (m *CSR) TopN(n int) *CSR {
	rows, cols := min(n, m.Rows), min(n, m.Cols)
	out := &CSR{Rows: rows, Cols: cols, RowPtr: make([]int, rows+1)}
	for i := 0; i < rows; i++ {
		for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
			if int(m.ColIdx[p]) < cols {
				out.ColIdx = append(out.ColIdx, m.ColIdx[p])
				out.Vals = append(out.Vals, m.Vals[p])
			}
		}
		out.RowPtr[i+1] = len(out.ColIdx)
	}
	return out
}

// Weighting selects the values of the matrix whose spectrum is measured.
type Weighting int

const (
	Counts Weighting = iota // raw counts X_ij
	Log1p                   // log(1 + X_ij)
	PPMI                    // positive PMI with context smoothing α
)

// String returns the CLI name of w: "counts", "log" or "ppmi".
func (w Weighting) String() string {
	switch w {
	case Counts:
		return "counts"
	case Log1p:
		return "log"
	case PPMI:
		return "ppmi"
	}
	return fmt.Sprintf("Weighting(%d)", int(w))
}

// ErrUnknownWeighting reports a weighting name ParseWeighting does not know.
var ErrUnknownWeighting = errors.New("unknown matrix weighting (want counts, log or ppmi)")

// ParseWeighting maps "counts", "log" (or "log1p") and "ppmi" to a Weighting.
func ParseWeighting(s string) (Weighting, error) {
	switch s {
	case "counts":
		return Counts, nil
	case "log", "log1p":
		return Log1p, nil
	case "ppmi":
		return PPMI, nil
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownWeighting, s)
}

// DefaultContextSmoothing is the α of Levy, Goldberg & Dagan (2015).
const DefaultContextSmoothing = 0.75

// Weight returns a reweighted copy of the count matrix m (see the package
// documentation for the formulas); alpha is the context smoothing exponent
// used by PPMI (0 means DefaultContextSmoothing). Counts must be
// non-negative.
func Weight(m *CSR, w Weighting, alpha float64) *CSR {
	out := &CSR{Rows: m.Rows, Cols: m.Cols, RowPtr: append([]int(nil), m.RowPtr...),
		ColIdx: append([]int32(nil), m.ColIdx...), Vals: make([]float64, len(m.Vals))}
	switch w {
	case Counts:
		copy(out.Vals, m.Vals)
	case Log1p:
		for p, v := range m.Vals {
			out.Vals[p] = math.Log1p(v)
		}
	case PPMI:
		if alpha == 0 {
			alpha = DefaultContextSmoothing
		}
		rowSum := make([]float64, m.Rows)
		colSum := make([]float64, m.Cols)
		for i := 0; i < m.Rows; i++ {
			for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
				rowSum[i] += m.Vals[p]
				colSum[m.ColIdx[p]] += m.Vals[p]
			}
		}
		var smoothTotal float64
		logCtx := make([]float64, m.Cols)
		for j, c := range colSum {
			if c > 0 {
				s := math.Pow(c, alpha)
				smoothTotal += s
				logCtx[j] = alpha * math.Log(c)
			}
		}
		logSmooth := math.Log(smoothTotal)
		for i := 0; i < m.Rows; i++ {
			if rowSum[i] == 0 {
				continue
			}
			logRow := math.Log(rowSum[i])
			for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
				if v := m.Vals[p]; v > 0 {
					pmi := math.Log(v) - logRow - (logCtx[m.ColIdx[p]] - logSmooth)
					out.Vals[p] = math.Max(0, pmi)
				}
			}
		}
		out.dropZeros()
	default:
		panic("spectrum: unknown weighting")
	}
	return out
}

// mulDense computes dst = m · x where x is m.Cols×l row-major and dst is
// m.Rows×l row-major, splitting rows over workers goroutines.
func (m *CSR) mulDense(dst, x []float64, l, workers int) {
	if len(x) != m.Cols*l || len(dst) != m.Rows*l {
		panic("spectrum: mulDense shape mismatch")
	}
	ranges := m.rowRanges(workers)
	var wg sync.WaitGroup
	for _, r := range ranges {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			for i := lo; i < hi; i++ {
				out := dst[i*l : (i+1)*l]
				clear(out)
				for p := m.RowPtr[i]; p < m.RowPtr[i+1]; p++ {
					v := m.Vals[p]
					c := int(m.ColIdx[p]) * l
					src := x[c : c+l]
					src = src[:len(out)]
					for t, s := range src {
						out[t] += v * s
					}
				}
			}
		}(r[0], r[1])
	}
	wg.Wait()
}

// rowRanges splits the rows into at most workers contiguous ranges of
// roughly equal nonzero counts.
func (m *CSR) rowRanges(workers int) [][2]int {
	if workers < 1 {
		workers = 1
	}
	nnz := m.NNZ()
	var out [][2]int
	lo := 0
	for w := 1; w <= workers && lo < m.Rows; w++ {
		target := nnz * w / workers
		hi := lo + 1
		if w == workers {
			hi = m.Rows
		} else {
			hi = max(hi, sort.SearchInts(m.RowPtr[1:], target)+1)
			hi = min(hi, m.Rows)
		}
		out = append(out, [2]int{lo, hi})
		lo = hi
	}
	return out
}

func defaultWorkers(n int) int {
	if n > 0 {
		return n
	}
	return min(runtime.GOMAXPROCS(0), 2)
}

// FromCooccur returns the leading topN×topN block of a co-occurrence
// matrix (ranks 0..topN-1; all rows when topN ≤ 0) as raw counts.
func FromCooccur(m *cooccur.Matrix, topN int) *CSR {
	n := m.Dim()
	if topN > 0 {
		n = min(n, topN)
	}
	out := &CSR{Rows: n, Cols: n, RowPtr: make([]int, n+1)}
	for i := 0; i < n; i++ {
		cols, vals := m.Row(int32(i))
		for t, c := range cols {
			if int(c) < n && vals[t] != 0 {
				out.ColIdx = append(out.ColIdx, c)
				out.Vals = append(out.Vals, vals[t])
			}
		}
		out.RowPtr[i+1] = len(out.ColIdx)
	}
	return out
}
