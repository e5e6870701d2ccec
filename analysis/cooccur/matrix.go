package cooccur

import (
	"fmt"
	"io"
	"slices"
	"sort"
)

// Matrix is a square sparse co-occurrence matrix in compressed sparse row
// form: row i holds the columns cols[rowPtr[i]:rowPtr[i+1]] in ascending
// order with their values. It is read-only once built and safe for
// concurrent readers.
type Matrix struct {
	n         int
	rowPtr    []int64 // length n+1
	cols      []int32
	vals      []float64
	rowSums   []float64
	colSums   []float64
	sum       float64
	symmetric bool
}

// matrixBuilder appends rows in order.
type matrixBuilder struct {
	m    *Matrix
	next int32
}

func newMatrixBuilder(n int, nnzHint int64, symmetric bool) *matrixBuilder {
	return &matrixBuilder{m: &Matrix{
		n:         n,
		rowPtr:    make([]int64, 1, n+1),
		cols:      make([]int32, 0, nnzHint),
		vals:      make([]float64, 0, nnzHint),
		symmetric: symmetric,
	}}
}

func (b *matrixBuilder) addRow(row int32, cols []int32, vals []float64) error {
	m := b.m
	for ; b.next < row; b.next++ {
		m.rowPtr = append(m.rowPtr, int64(len(m.cols)))
	}
	m.cols = append(m.cols, cols...)
	m.vals = append(m.vals, vals...)
	m.rowPtr = append(m.rowPtr, int64(len(m.cols)))
	b.next = row + 1
	return nil
}

func (b *matrixBuilder) build() *Matrix {
	m := b.m
	for ; int(b.next) < m.n; b.next++ {
		m.rowPtr = append(m.rowPtr, int64(len(m.cols)))
	}
	m.cols = slices.Clip(m.cols)
	m.vals = slices.Clip(m.vals)
	m.computeSums()
	return m
}

func (m *Matrix) computeSums() {
	m.rowSums = make([]float64, m.n)
	m.colSums = make([]float64, m.n)
	m.sum = 0
	for i := 0; i < m.n; i++ {
		s := 0.0
		for k := m.rowPtr[i]; k < m.rowPtr[i+1]; k++ {
			s += m.vals[k]
			m.colSums[m.cols[k]] += m.vals[k]
		}
		m.rowSums[i] = s
		m.sum += s
	}
}

// NewMatrix builds a Matrix of dimension n from entries in any order;
// entries with the same row and column are summed. symmetric records
// whether the counts were taken with a symmetric window (it is not
// checked). It returns ErrBadBinFile-free errors only for ids out of
// range.
func NewMatrix(n int, entries []Entry, symmetric bool) (*Matrix, error) {
	sorted := slices.Clone(entries)
	for _, e := range sorted {
		if e.Row < 0 || int(e.Row) >= n || e.Col < 0 || int(e.Col) >= n {
			return nil, fmt.Errorf("%w: entry (%d, %d) outside a %d-word vocabulary", ErrBadBinFile, e.Row, e.Col, n)
		}
	}
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].Row != sorted[j].Row {
			return sorted[i].Row < sorted[j].Row
		}
		return sorted[i].Col < sorted[j].Col
	})
	b := newMatrixBuilder(n, int64(len(sorted)), symmetric)
	var cols []int32
	var vals []float64
	for i := 0; i < len(sorted); {
		row := sorted[i].Row
		cols, vals = cols[:0], vals[:0]
		for ; i < len(sorted) && sorted[i].Row == row; i++ {
			e := sorted[i]
			if k := len(cols) - 1; k >= 0 && cols[k] == e.Col {
				vals[k] += e.Value
				continue
			}
			cols = append(cols, e.Col)
			vals = append(vals, e.Value)
		}
		b.addRow(row, cols, vals)
	}
	return b.build(), nil
}

// Dim returns the number of rows (= columns = vocabulary size).
func (m *Matrix) Dim() int { return m.n }

// NNZ returns the number of stored nonzeros.
func (m *Matrix) NNZ() int { return len(m.cols) }

// Symmetric reports whether the counts come from a symmetric window.
func (m *Matrix) Symmetric() bool { return m.symmetric }

// Row returns the columns (ascending) and values of row i. The slices
// alias the matrix and must not be modified.
func (m *Matrix) Row(i int32) (cols []int32, vals []float64) {
	lo, hi := m.rowPtr[i], m.rowPtr[i+1]
	return m.cols[lo:hi:hi], m.vals[lo:hi:hi]
}

// EachRow passes each nonempty row, in order, to fn (the slices alias the
// matrix and must not be modified); an error from fn stops it and is
// returned. It reads a Matrix as MatrixFile.EachRow reads a matrix on
// disk.
func (m *Matrix) EachRow(fn func(i int32, cols []int32, vals []float64) error) error {
	for i := 0; i < m.n; i++ {
		if m.rowPtr[i+1] == m.rowPtr[i] {
			continue
		}
		cols, vals := m.Row(int32(i))
		if err := fn(int32(i), cols, vals); err != nil {
			return err
		}
	}
	return nil
}

// At returns X[i][j] (0 if absent).
func (m *Matrix) At(i, j int32) float64 {
	cols, vals := m.Row(i)
	k, ok := slices.BinarySearch(cols, j)
	if !ok {
		return 0
	}
	return vals[k]
}

// RowSum returns X_i = Σ_k X[i][k].
func (m *Matrix) RowSum(i int32) float64 { return m.rowSums[i] }

// ColSum returns Σ_k X[k][j].
func (m *Matrix) ColSum(j int32) float64 { return m.colSums[j] }

// Sum returns Σ_ij X[i][j].
func (m *Matrix) Sum() float64 { return m.sum }

// AppendEntries appends every nonzero, row by row, to dst.
func (m *Matrix) AppendEntries(dst []Entry) []Entry {
	dst = slices.Grow(dst, len(m.cols))
	for i := 0; i < m.n; i++ {
		for k := m.rowPtr[i]; k < m.rowPtr[i+1]; k++ {
			dst = append(dst, Entry{Row: int32(i), Col: m.cols[k], Value: m.vals[k]})
		}
	}
	return dst
}

// WriteBin writes the matrix in the Stanford cooccurrence.bin format,
// sorted by row then column.
func (m *Matrix) WriteBin(w io.Writer) error {
	bw := NewBinWriter(w)
	for i := 0; i < m.n; i++ {
		for k := m.rowPtr[i]; k < m.rowPtr[i+1]; k++ {
			if err := bw.Write(Entry{Row: int32(i), Col: m.cols[k], Value: m.vals[k]}); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
