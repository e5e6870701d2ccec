package cooccur

// denseTable stores the co-occurrences of frequent word pairs in a packed
// upper triangle: the cell of ranks a ≤ b exists when (a+1)(b+1) ≤ P, and
// holds X[a][b] (slot 0) and, in left-only mode, X[b][a] (slot 1).
type denseTable struct {
	p        int64   // rank-product bound
	stride   int64   // slots per cell: 1 symmetric, 2 left-only
	rowEnd   []int32 // cell (a, b) exists for a ≤ b < rowEnd[a]
	rowStart []int64 // cell index of (a, a)
	cells    []float64
}

// denseCells returns the number of cells of the table for bound p over a
// vocabulary of v words.
func denseCells(p int64, v int) int64 {
	var n int64
	for a := int64(0); a < int64(v); a++ {
		end := p / (a + 1)
		if end > int64(v) {
			end = int64(v)
		}
		if end <= a {
			break // p/(a+1) only decreases from here
		}
		n += end - a
	}
	return n
}

// newDenseTable sizes the table to at most maxCells cells (each of
// stride slots) and allocates it.
func newDenseTable(v int, stride int64, maxCells int64) *denseTable {
	// Largest P with denseCells(P) ≤ maxCells, by bisection.
	lo, hi := int64(0), int64(v)*int64(v)
	if denseCells(hi, v) <= maxCells {
		lo = hi
	}
	for lo < hi {
		mid := lo + (hi-lo+1)/2
		if denseCells(mid, v) <= maxCells {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	p := lo
	t := &denseTable{p: p, stride: stride, rowEnd: make([]int32, v), rowStart: make([]int64, v)}
	var n int64
	for a := 0; a < v; a++ {
		end := p / int64(a+1)
		if end > int64(v) {
			end = int64(v)
		}
		if end < int64(a) {
			end = int64(a)
		}
		t.rowEnd[a] = int32(end)
		t.rowStart[a] = n
		n += end - int64(a)
	}
	t.cells = make([]float64, n*stride)
	return t
}

// mirrorRows returns how many rows c < r hold a cell (c, r): the rows
// whose rowEnd exceeds r form a prefix because rowEnd is non-increasing
// where it is above the diagonal.
func (t *denseTable) mirrorRows(r int32) int32 {
	lo, hi := int32(0), r // find first c in [0, r) with rowEnd[c] <= r
	for lo < hi {
		mid := lo + (hi-lo)/2
		if t.rowEnd[mid] > r {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}
