package spectrum

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// SVDOptions configures RandomizedSVD. Zero values select the defaults.
type SVDOptions struct {
	K          int    // number of singular values (default 300, clamped to min(m, n))
	Oversample int    // extra columns p of the test matrix (default K)
	PowerIters int    // subspace iterations q (default 7; negative means 0)
	Seed       uint64 // seed of the Gaussian test matrix
	Workers    int    // goroutines for sparse products (default min(GOMAXPROCS, 2))
	// Progress, if set, is called after each stage with the number of
	// stages done and the total. It must not block.
	Progress func(done, total int)
}

// ErrEmptyMatrix reports a matrix with no rows, columns or nonzeros.
var ErrEmptyMatrix = errors.New("matrix is empty")

// RandomizedSVD returns the top-K singular values of a, descending.
func RandomizedSVD(ctx context.Context, a *CSR, opt SVDOptions) ([]float64, error) {
	vals, _, err := randomizedSVD(ctx, a, opt, false)
	return vals, err
}

// RandomizedSVDLeft returns the top-K singular values of a, descending,
// and the matching left singular vectors as the columns of u (a.Rows×K).
func RandomizedSVDLeft(ctx context.Context, a *CSR, opt SVDOptions) (vals []float64, u *mat.Dense, err error) {
	return randomizedSVD(ctx, a, opt, true)
}

func randomizedSVD(ctx context.Context, a *CSR, opt SVDOptions, wantU bool) ([]float64, *mat.Dense, error) {
	if a.Rows == 0 || a.Cols == 0 || a.NNZ() == 0 {
		return nil, nil, ErrEmptyMatrix
	}
	k := opt.K
	if k <= 0 {
		k = 300
	}
	small := min(a.Rows, a.Cols)
	k = min(k, small)
	p := opt.Oversample
	if p <= 0 {
		p = k
	}
	l := min(k+p, small)
	q := opt.PowerIters
	if q == 0 {
		q = 7
	} else if q < 0 {
		q = 0
	}
	workers := defaultWorkers(opt.Workers)
	at := a.Transpose()
	total := 2*q + 3
	done := 0
	step := func() error {
		done++
		if opt.Progress != nil {
			opt.Progress(done, total)
		}
		return ctx.Err()
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}

	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed5eed))
	omega := make([]float64, a.Cols*l)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	y := make([]float64, a.Rows*l)
	z := make([]float64, a.Cols*l)
	a.mulDense(y, omega, l, workers)
	normalize(y, a.Rows, l, q == 0)
	if err := step(); err != nil {
		return nil, nil, err
	}
	for it := 0; it < q; it++ {
		at.mulDense(z, y, l, workers)
		normalize(z, a.Cols, l, false)
		if err := step(); err != nil {
			return nil, nil, err
		}
		a.mulDense(y, z, l, workers)
		normalize(y, a.Rows, l, it == q-1)
		if err := step(); err != nil {
			return nil, nil, err
		}
	}
	// Bᵀ = Aᵀ Q is n×l; its singular values are those of B = QᵀA.
	at.mulDense(z, y, l, workers)
	if err := step(); err != nil {
		return nil, nil, err
	}
	// With Aᵀ Q = Q_z R and R = U_r Σ V_rᵀ, B = QᵀA = V_r Σ (Q_z U_r)ᵀ:
	// the left singular vectors of A are Q V_r.
	r := triangularFactor(z, a.Cols, l)
	var svd mat.SVD
	kind := mat.SVDNone
	if wantU {
		kind = mat.SVDThinV
	}
	if !svd.Factorize(r, kind) {
		return nil, nil, fmt.Errorf("spectrum: SVD of the %d×%d projected matrix did not converge", l, l)
	}
	vals := svd.Values(nil)
	var u *mat.Dense
	if wantU {
		var vr mat.Dense
		svd.VTo(&vr)
		q := mat.NewDense(a.Rows, l, y)
		u = mat.NewDense(a.Rows, k, nil)
		u.Mul(q, vr.Slice(0, l, 0, k))
	}
	if err := step(); err != nil {
		return nil, nil, err
	}
	return vals[:k], u, nil
}

// normalize orthonormalises the m×n row-major y in place. Between power
// iterations only the span matters, so the cheaper Cholesky QR
// (Q = Y R⁻¹ with RᵀR = YᵀY, two level-3 products) is used when YᵀY is
// safely positive definite; the last basis (final true) and any
// ill-conditioned one use Householder QR.
func normalize(y []float64, m, n int, final bool) {
	if final || !choleskyQR(y, m, n) {
		orthonormalize(y, m, n)
	}
}

// choleskyQR replaces y by Y R⁻¹ where RᵀR = YᵀY, and reports false
// (leaving y unchanged) when the Cholesky factor is missing or its
// diagonal spans more than 1e6 (condition number of Y above ~1e6).
func choleskyQR(y []float64, m, n int) bool {
	g := blas64.General{Rows: m, Cols: n, Stride: n, Data: y}
	gram := blas64.General{Rows: n, Cols: n, Stride: n, Data: make([]float64, n*n)}
	blas64.Gemm(blas.Trans, blas.NoTrans, 1, g, g, 0, gram)
	sym := blas64.Symmetric{N: n, Stride: n, Data: gram.Data, Uplo: blas.Upper}
	if _, ok := lapack64.Potrf(sym); !ok {
		return false
	}
	lo, hi := math.Inf(1), 0.0
	for i := 0; i < n; i++ {
		v := gram.Data[i*n+i]
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	if !(lo > 0) || hi/lo > 1e6 {
		return false
	}
	r := blas64.Triangular{N: n, Stride: n, Data: gram.Data, Uplo: blas.Upper, Diag: blas.NonUnit}
	blas64.Trsm(blas.Right, blas.NoTrans, 1, r, g)
	return true
}

// orthonormalize replaces the m×n row-major matrix y (m ≥ n) by the Q
// factor of its thin QR factorisation.
func orthonormalize(y []float64, m, n int) {
	g := blas64.General{Rows: m, Cols: n, Stride: n, Data: y}
	tau := make([]float64, n)
	work := []float64{0}
	lapack64.Geqrf(g, tau, work, -1)
	lwork := int(work[0])
	lapack64.Orgqr(g, tau, work, -1)
	lwork = max(lwork, int(work[0]), n)
	work = make([]float64, lwork)
	lapack64.Geqrf(g, tau, work, lwork)
	lapack64.Orgqr(g, tau, work, lwork)
}

// triangularFactor returns the n×n R factor of the QR factorisation of the
// m×n row-major matrix y (m ≥ n); y is overwritten.
func triangularFactor(y []float64, m, n int) *mat.Dense {
	g := blas64.General{Rows: m, Cols: n, Stride: n, Data: y}
	tau := make([]float64, n)
	work := []float64{0}
	lapack64.Geqrf(g, tau, work, -1)
	work = make([]float64, max(int(work[0]), n))
	lapack64.Geqrf(g, tau, work, len(work))
	r := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			r.Set(i, j, y[i*n+j])
		}
	}
	return r
}
