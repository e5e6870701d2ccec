package spectrum

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// LanczosOptions configures LanczosSVD. Zero values select the defaults.
type LanczosOptions struct {
	K int // number of singular values (default 300, clamped to min(m, n))
	// Basis is the largest Krylov basis kept between restarts
	// (default max(2K+1, K+32), clamped to the operator's size). A larger
	// basis needs fewer restarts and more memory: 8·n·(Basis+1) bytes.
	Basis int
	// Tol is the relative residual at which a Ritz value counts as
	// converged: ‖AᵀA x − θx‖ ≤ Tol·θ₁ (default 1e-10). The singular
	// values are then accurate to about Tol·σ₁²/σ_k relative.
	Tol      float64
	MaxIters int    // restarts before ErrNotConverged (default 200)
	Seed     uint64 // seed of the start vector
	Workers  int    // goroutines for products (default min(GOMAXPROCS, 2))
	// Progress, if set, is called after each restart with the number of
	// the top K values converged and K. It must not block.
	Progress func(done, total int)
}

// ErrNotConverged reports that LanczosSVD did not reach its tolerance
// within its restart limit.
var ErrNotConverged = errors.New("the Lanczos iteration did not converge")

// ErrNotFinite reports a matrix with a NaN or infinite entry.
var ErrNotFinite = errors.New("matrix entries must be finite")

// sameValues reports whether a and b agree within tol entry by entry.
func sameValues(a, b []float64, tol float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// LanczosSVD returns the top-K singular values of a, descending, as the
// square roots of the top eigenvalues of the Gram operator AᵀA (or AAᵀ,
// whichever is smaller), found by the thick-restart Lanczos method (Wu &
// Simon 2000) with full reorthogonalisation. Unlike RandomizedSVD the
// values are converged to Tol, not estimated from a subspace.
//
// Memory: a Krylov basis of n×(Basis+1) float64 (n = min(rows, cols)), a
// transpose of a when it has more columns than rows, and a few Basis²
// matrices for the projected matrix and its eigendecomposition
// (LanczosMemoryBytes).
//
// It grows its basis from a single start vector (as ARPACK does), which
// holds only one direction of each eigenspace: when a singular value is
// repeated (exactly, as in a diagonal matrix or a matrix with symmetries)
// and the first cycle converges, the repeated copy can be missed and the
// next smaller value reported in its place. A basis that becomes exactly invariant is detected
// and restarted from a random direction. RandomizedSVD, a block method,
// does not have this weakness.
//
// The context is checked every 16 steps and at each
// restart; errors are ErrEmptyMatrix, ErrNotFinite, ErrNotConverged or the
// context's.
func LanczosSVD(ctx context.Context, a *CSR, opt LanczosOptions) ([]float64, error) {
	sol, err := solveLanczos(ctx, a, opt)
	if err != nil {
		return nil, err
	}
	return sol.singularValues(), nil
}

// LanczosSVDLeft returns what LanczosSVD returns and the matching left
// singular vectors as the columns of u (a.Rows×K): the Ritz vectors of
// AAᵀ, or A·v_i/σ_i from those of AᵀA when A has more rows than columns
// (a zero column where σ_i is 0). Each column's sign is arbitrary.
func LanczosSVDLeft(ctx context.Context, a *CSR, opt LanczosOptions) (vals []float64, u *mat.Dense, err error) {
	sol, err := solveLanczos(ctx, a, opt)
	if err != nil {
		return nil, nil, err
	}
	vals = sol.singularValues()
	k := len(vals)
	x := sol.ritzVectors() // n×k, row-major
	if sol.l.op.b != a {
		// The operator is AAᵀ: its Ritz vectors are the left vectors.
		return vals, mat.NewDense(a.Rows, k, x), nil
	}
	ux := make([]float64, a.Rows*k)
	a.mulDense(ux, x, k, sol.l.workers)
	for j, s := range vals {
		inv := 0.0
		if s > 0 {
			inv = 1 / s
		}
		for i := 0; i < a.Rows; i++ {
			ux[i*k+j] *= inv
		}
	}
	return vals, mat.NewDense(a.Rows, k, ux), nil
}

// lanczosSolution is a converged Lanczos iteration: the basis of size m,
// the Ritz values theta (descending) and vectors vecs of its projected
// matrix, and the number k of wanted values.
type lanczosSolution struct {
	l     *lanczos
	m, k  int
	theta []float64
	vecs  *mat.Dense
}

func (s *lanczosSolution) singularValues() []float64 {
	out := make([]float64, s.k)
	for i := range out {
		out[i] = math.Sqrt(math.Max(s.theta[i], 0))
	}
	return out
}

// ritzVectors returns V·s_i for the top k Ritz pairs as an n×k row-major
// matrix: the eigenvectors of the Gram operator.
func (s *lanczosSolution) ritzVectors() []float64 {
	l, m, k := s.l, s.m, s.k
	stride := l.m + 1
	sv := blas64.General{Rows: m, Cols: k, Stride: k, Data: make([]float64, m*k)}
	for r := 0; r < m; r++ {
		for c := 0; c < k; c++ {
			sv.Data[r*k+c] = s.vecs.At(r, c)
		}
	}
	out := blas64.General{Rows: l.n, Cols: k, Stride: k, Data: make([]float64, l.n*k)}
	v := blas64.General{Rows: l.n, Cols: m, Stride: stride, Data: l.basis}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, v, sv, 0, out)
	return out.Data
}

func solveLanczos(ctx context.Context, a *CSR, opt LanczosOptions) (*lanczosSolution, error) {
	if a.Rows == 0 || a.Cols == 0 || a.NNZ() == 0 {
		return nil, ErrEmptyMatrix
	}
	for _, v := range a.Vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("spectrum: the matrix holds %v: %w", v, ErrNotFinite)
		}
	}
	op := newGramOperator(a, defaultWorkers(opt.Workers))
	n := op.n
	k := opt.K
	if k <= 0 {
		k = 300
	}
	k = min(k, n)
	m := opt.Basis
	if m <= 0 {
		m = max(2*k+1, k+32)
	}
	m = min(max(m, k+1), n)
	tol := opt.Tol
	if !(tol > 0) {
		tol = 1e-10
	}
	maxIters := opt.MaxIters
	if maxIters <= 0 {
		maxIters = 200
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	l := &lanczos{op: op, n: n, m: m, workers: op.workers}
	l.basis = make([]float64, n*(m+1))
	l.proj = make([]float64, m*m)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x1a2c205))
	start := make([]float64, n)
	for i := range start {
		start[i] = rng.NormFloat64()
	}
	if !l.setNext(0, start) {
		panic("spectrum: Lanczos start vector is zero") // a Gaussian vector is not
	}

	kept := 0 // Ritz vectors carried over by the last restart
	var theta []float64
	var vecs *mat.Dense
	var prevTop []float64 // top k values of a cycle that ended in an invariant subspace
	for iter := 0; iter < maxIters; iter++ {
		// Extend the basis from kept+1 to m vectors. Column j of the
		// projected matrix is Vᵀ(AᵀA)v_j, found by the reorthogonalisation.
		for j := kept; j < m; j++ {
			if j%16 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			if !l.step(j, rng) {
				// The basis spans the whole space: the projected
				// matrix holds the entire spectrum.
				m = j + 1
				break
			}
		}
		vals, vs := l.ritz(m)
		vecs = vs
		// Ritz residuals: ‖AᵀA Vs − θ Vs‖ = β_m |s_m|, where β_m couples
		// the last basis vector to the next.
		beta := l.beta
		conv := 0
		scale := math.Abs(vals[0])
		for i := 0; i < k; i++ {
			if math.Abs(beta*vecs.At(m-1, i)) <= tol*scale {
				conv++
			} else {
				break
			}
		}
		theta = vals
		if opt.Progress != nil {
			opt.Progress(conv, k)
		}
		if m == n {
			break // the basis spans the whole space
		}
		if beta == 0 {
			// The basis spans an invariant subspace, so its values are
			// exact, but a start vector holds each eigenvalue's direction
			// only once: a repeated value can be missing. Restart with the
			// random direction step left in column m, and accept once a
			// cycle that ended so changes none of the top k values.
			if prevTop != nil && sameValues(prevTop, vals[:k], tol*scale) {
				break
			}
			prevTop = append(prevTop[:0], vals[:k]...)
		} else {
			prevTop = nil
			if conv == k {
				break
			}
		}
		if iter == maxIters-1 {
			return nil, fmt.Errorf("spectrum: %d of the top %d values converged after %d restarts: %w", conv, k, maxIters, ErrNotConverged)
		}
		// Keep the top Ritz vectors (more than k, so that the wanted
		// values keep converging through the restart) and continue from
		// the residual direction.
		kept = min(k+(m-k)/2, m-1)
		l.restart(m, kept, vals, vecs)
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return &lanczosSolution{l: l, m: m, k: k, theta: theta, vecs: vecs}, nil
}

// gramOperator applies x ↦ BᵀB x for B = A (n = cols) or B = Aᵀ
// (n = rows), whichever gives the smaller n. One pass over B's rows
// computes both products: the row's dot product with x, then its scatter
// into the result, while the row is still in cache.
type gramOperator struct {
	b       *CSR
	n       int
	workers int
	ranges  [][2]int
	partial [][]float64 // one n-vector per extra worker
}

func newGramOperator(a *CSR, workers int) *gramOperator {
	b := a
	if a.Cols > a.Rows {
		b = a.Transpose()
	}
	g := &gramOperator{b: b, n: b.Cols, workers: workers, ranges: b.rowRanges(workers)}
	for range g.ranges[1:] {
		g.partial = append(g.partial, make([]float64, b.Cols))
	}
	return g
}

func (g *gramOperator) apply(dst, x []float64) {
	if len(x) != g.n || len(dst) != g.n {
		panic("spectrum: Gram operator shape mismatch")
	}
	var wg sync.WaitGroup
	for p, r := range g.ranges {
		out := dst
		if p > 0 {
			out = g.partial[p-1]
		}
		wg.Add(1)
		go func(out []float64, lo, hi int) {
			defer wg.Done()
			clear(out)
			g.b.gramRows(out, x, lo, hi)
		}(out, r[0], r[1])
	}
	wg.Wait()
	for _, part := range g.partial {
		for i, v := range part {
			dst[i] += v
		}
	}
}

// gramRows adds Σ_{i∈[lo,hi)} b_i (b_iᵀ x) to out, where b_i is row i.
func (m *CSR) gramRows(out, x []float64, lo, hi int) {
	for i := lo; i < hi; i++ {
		cols := m.ColIdx[m.RowPtr[i]:m.RowPtr[i+1]]
		vals := m.Vals[m.RowPtr[i]:m.RowPtr[i+1]]
		vals = vals[:len(cols)]
		var dot float64
		for t, c := range cols {
			dot += vals[t] * x[c]
		}
		if dot == 0 {
			continue
		}
		for t, c := range cols {
			out[c] += vals[t] * dot
		}
	}
}

// lanczos holds the Krylov basis, row-major n×(m+1) so that row i holds
// the i-th coordinate of every basis vector, and the m×m projected matrix.
type lanczos struct {
	op      *gramOperator
	n, m    int
	workers int
	basis   []float64   // n×(m+1), stride m+1
	proj    []float64   // m×m, row-major, symmetric
	beta    float64     // norm coupling the last basis vector to the next
	w, x    []float64   // n-vectors reused by step
	h, tmp  []float64   // coefficient vectors reused by step
	parts   [][]float64 // per-worker coefficient sums
}

// setNext stores x/‖x‖ as basis column j and reports false if x is zero.
func (l *lanczos) setNext(j int, x []float64) bool {
	norm := blas64.Nrm2(blas64.Vector{N: len(x), Inc: 1, Data: x})
	if norm == 0 || math.IsNaN(norm) {
		return false
	}
	stride := l.m + 1
	for i, v := range x {
		l.basis[i*stride+j] = v / norm
	}
	return true
}

// step applies the operator to basis column j, orthogonalises the result
// against columns 0..j (classical Gram–Schmidt, repeated once when the
// DGKS test asks for it), records the
// coefficients as column j of the projected matrix, and stores the
// normalised remainder as column j+1. It reports false on breakdown that
// no random restart vector can repair.
func (l *lanczos) step(j int, rng *rand.Rand) bool {
	n, stride := l.n, l.m+1
	if l.w == nil {
		l.w = make([]float64, n)
		l.x = make([]float64, n)
		l.h = make([]float64, l.m+1)
		l.tmp = make([]float64, l.m+1)
	}
	x := l.x
	for i := range x {
		x[i] = l.basis[i*stride+j]
	}
	w := l.w
	l.op.apply(w, x)
	h := l.h[:j+1]
	tmp := l.tmp[:j+1]
	// Classical Gram–Schmidt with the DGKS test: a second pass only when
	// the first removed most of w (‖w′‖ < ‖w‖/√2), when cancellation may
	// have left components along the basis. The first pass's subtraction
	// and the second pass's projection share one read of the basis.
	before := blas64.Nrm2(blas64.Vector{N: n, Inc: 1, Data: w})
	l.project(h, w, j+1)
	after := l.subtractProject(w, h, tmp, j+1)
	if after < before/math.Sqrt2 {
		l.subtract(w, tmp, j+1)
		for i := range h {
			h[i] += tmp[i]
		}
	}
	m := l.m
	for i := 0; i <= j; i++ {
		// Columns below the kept block were set at restart; the upper
		// triangle is taken from the new column and mirrored.
		l.proj[i*m+j] = h[i]
		l.proj[j*m+i] = h[i]
	}
	beta := blas64.Nrm2(blas64.Vector{N: n, Inc: 1, Data: w})
	l.beta = beta
	if j+1 >= n {
		return false
	}
	if beta <= 1e-13*before {
		// Invariant subspace found; continue with a random direction
		// orthogonal to the basis so that the iteration can go on.
		l.beta = 0
		for i := range w {
			w[i] = rng.NormFloat64()
		}
		for pass := 0; pass < 2; pass++ {
			l.project(tmp, w, j+1)
			l.subtract(w, tmp, j+1)
		}
		return l.setNext(j+1, w)
	}
	for i, v := range w {
		l.basis[i*stride+j+1] = v / beta
	}
	return true
}

// project sets out[0:cols] = V[:, 0:cols]ᵀ w, splitting rows over workers.
func (l *lanczos) project(out, w []float64, cols int) {
	stride := l.m + 1
	ranges := splitRange(l.n, l.workers)
	parts := l.partials(len(ranges), cols)
	var wg sync.WaitGroup
	for p, r := range ranges {
		wg.Add(1)
		go func(dst []float64, lo, hi int) {
			defer wg.Done()
			v := blas64.General{Rows: hi - lo, Cols: cols, Stride: stride, Data: l.basis[lo*stride:]}
			blas64.Gemv(blas.Trans, 1, v, blas64.Vector{N: hi - lo, Inc: 1, Data: w[lo:hi]}, 0, blas64.Vector{N: cols, Inc: 1, Data: dst})
		}(parts[p], r[0], r[1])
	}
	wg.Wait()
	clear(out[:cols])
	for _, part := range parts {
		for i, v := range part {
			out[i] += v
		}
	}
}

// partials returns count zeroed coefficient vectors of length cols, one
// per worker, reusing their storage from step to step.
func (l *lanczos) partials(count, cols int) [][]float64 {
	for len(l.parts) < count {
		l.parts = append(l.parts, make([]float64, l.m+1))
	}
	out := l.parts[:count]
	for i := range out {
		out[i] = out[i][:cols]
		clear(out[i])
	}
	return out
}

// subtractProject sets w −= V[:, 0:cols] c, then next = V[:, 0:cols]ᵀ w
// for the updated w, in one pass over the basis, and returns ‖w‖.
func (l *lanczos) subtractProject(w, c, next []float64, cols int) float64 {
	stride := l.m + 1
	ranges := splitRange(l.n, l.workers)
	parts := l.partials(len(ranges), cols)
	norms := make([]float64, len(ranges))
	var wg sync.WaitGroup
	for p, r := range ranges {
		wg.Add(1)
		go func(p, lo, hi int) {
			defer wg.Done()
			cv := blas64.Vector{N: cols, Inc: 1, Data: c[:cols]}
			acc := blas64.Vector{N: cols, Inc: 1, Data: parts[p]}
			var sq float64
			for i := lo; i < hi; i++ {
				row := blas64.Vector{N: cols, Inc: 1, Data: l.basis[i*stride : i*stride+cols]}
				w[i] -= blas64.Dot(row, cv)
				sq += w[i] * w[i]
				blas64.Axpy(w[i], row, acc)
			}
			norms[p] = sq
		}(p, r[0], r[1])
	}
	wg.Wait()
	clear(next[:cols])
	var sq float64
	for p, part := range parts {
		sq += norms[p]
		for i, v := range part {
			next[i] += v
		}
	}
	return math.Sqrt(sq)
}

// subtract sets w −= V[:, 0:cols] c, splitting rows over workers.
func (l *lanczos) subtract(w, c []float64, cols int) {
	stride := l.m + 1
	var wg sync.WaitGroup
	for _, r := range splitRange(l.n, l.workers) {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			v := blas64.General{Rows: hi - lo, Cols: cols, Stride: stride, Data: l.basis[lo*stride:]}
			blas64.Gemv(blas.NoTrans, -1, v, blas64.Vector{N: cols, Inc: 1, Data: c[:cols]}, 1, blas64.Vector{N: hi - lo, Inc: 1, Data: w[lo:hi]})
		}(r[0], r[1])
	}
	wg.Wait()
}

// ritz returns the eigenvalues of the leading m×m projected matrix,
// descending, and its eigenvectors as matching columns.
func (l *lanczos) ritz(m int) ([]float64, *mat.Dense) {
	sym := mat.NewSymDense(m, nil)
	for i := 0; i < m; i++ {
		for j := i; j < m; j++ {
			sym.SetSym(i, j, l.proj[i*l.m+j])
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		panic("spectrum: symmetric eigendecomposition of the projected matrix failed")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	// gonum returns the values ascending; reverse to descending.
	outVals := make([]float64, m)
	outVecs := mat.NewDense(m, m, nil)
	for c := 0; c < m; c++ {
		src := m - 1 - c
		outVals[c] = vals[src]
		for r := 0; r < m; r++ {
			outVecs.Set(r, c, vecs.At(r, src))
		}
	}
	return outVals, outVecs
}

// restart replaces the first kept basis columns by the top Ritz vectors
// V·s_i, moves the residual direction (column m) to column kept, and
// resets the projected matrix to diag(θ) on the kept block; the couplings
// to the new column come out of the next step's orthogonalisation.
func (l *lanczos) restart(m, kept int, vals []float64, vecs *mat.Dense) {
	stride := l.m + 1
	s := blas64.General{Rows: m, Cols: kept, Stride: kept, Data: make([]float64, m*kept)}
	for r := 0; r < m; r++ {
		for c := 0; c < kept; c++ {
			s.Data[r*kept+c] = vecs.At(r, c)
		}
	}
	const block = 256
	var wg sync.WaitGroup
	for _, r := range splitRange(l.n, l.workers) {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			out := make([]float64, block*kept)
			for b := lo; b < hi; b += block {
				rows := min(block, hi-b)
				v := blas64.General{Rows: rows, Cols: m, Stride: stride, Data: l.basis[b*stride:]}
				dst := blas64.General{Rows: rows, Cols: kept, Stride: kept, Data: out}
				blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, v, s, 0, dst)
				for i := 0; i < rows; i++ {
					row := l.basis[(b+i)*stride:]
					copy(row[:kept], out[i*kept:(i+1)*kept])
					row[kept] = row[m]
				}
			}
		}(r[0], r[1])
	}
	wg.Wait()
	clear(l.proj)
	for i := 0; i < kept; i++ {
		l.proj[i*l.m+i] = vals[i]
	}
}

// splitRange splits 0..n into at most parts contiguous ranges.
func splitRange(n, parts int) [][2]int {
	parts = max(1, min(parts, n))
	out := make([][2]int, 0, parts)
	for p := 0; p < parts; p++ {
		out = append(out, [2]int{n * p / parts, n * (p + 1) / parts})
	}
	return out
}
