package spectrum

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// ErrTooFewVectors reports a covariance asked of fewer than two vectors.
var ErrTooFewVectors = errors.New("need at least two vectors for a covariance")

// covarianceBlock is the number of rows centred and accumulated at once.
const covarianceBlock = 512

// CovOptions configures Covariance and CovarianceEigen.
type CovOptions struct {
	Workers int // goroutines (default min(GOMAXPROCS, 2))
	// Progress, if set, is called with rows accumulated so far and n. It
	// must not block.
	Progress func(done, total int)
}

// Covariance returns the d×d sample covariance (divisor n−1) of the n rows
// of data (float32, row-major, len n·d) and their mean. It panics when
// len(data) != n·d.
func Covariance(ctx context.Context, data []float32, n, d int, opt CovOptions) (*mat.SymDense, []float64, error) {
	if len(data) != n*d || d <= 0 {
		panic(fmt.Sprintf("spectrum: covariance data has length %d, want %d×%d", len(data), n, d))
	}
	if n < 2 {
		return nil, nil, ErrTooFewVectors
	}
	mean := make([]float64, d)
	for i := 0; i < n; i++ {
		row := data[i*d : (i+1)*d]
		for j, v := range row {
			mean[j] += float64(v)
		}
	}
	for j := range mean {
		mean[j] /= float64(n)
	}

	workers := defaultWorkers(opt.Workers)
	blocks := (n + covarianceBlock - 1) / covarianceBlock
	acc := make([][]float64, workers)
	var (
		mu       sync.Mutex
		nextBlk  int
		rowsDone int
		wg       sync.WaitGroup
	)
	take := func(finished int) (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		rowsDone += finished
		if opt.Progress != nil && finished > 0 {
			opt.Progress(rowsDone, n)
		}
		if nextBlk >= blocks || ctx.Err() != nil {
			return 0, false
		}
		b := nextBlk
		nextBlk++
		return b, true
	}
	// Dimensions are padded to a multiple of 4 for the 4×4 kernel.
	d4 := (d + 3) &^ 3
	for w := 0; w < workers; w++ {
		acc[w] = make([]float64, d4*d4)
		wg.Add(1)
		go func(c []float64) {
			defer wg.Done()
			// The block is stored transposed (d4 × rows, padding rows
			// zero) so that each covariance entry is a contiguous dot product.
			bt := make([]float64, d4*covarianceBlock)
			finished := 0
			for {
				b, ok := take(finished)
				if !ok {
					return
				}
				lo := b * covarianceBlock
				hi := min(lo+covarianceBlock, n)
				rows := hi - lo
				for i := lo; i < hi; i++ {
					row := data[i*d : (i+1)*d]
					for j, v := range row {
						bt[j*rows+(i-lo)] = float64(v) - mean[j]
					}
				}
				clear(bt[d*rows : d4*rows])
				accumulateGram(c, d4, bt[:d4*rows], rows)
				finished = rows
			}
		}(acc[w])
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	cov := mat.NewSymDense(d, nil)
	scale := 1 / float64(n-1)
	for i := 0; i < d; i++ {
		for j := i; j < d; j++ {
			var s float64
			for _, c := range acc {
				s += c[i*d4+j]
			}
			cov.SetSym(i, j, s*scale)
		}
	}
	return cov, mean, nil
}

// Eigen is the eigendecomposition of a covariance matrix.
type Eigen struct {
	Values  []float64  // descending
	Vectors *mat.Dense // d×d, column i belongs to Values[i]; nil unless asked for
	Mean    []float64  // the mean vector that was subtracted
}

// ErrEigenFailed reports that the symmetric eigensolver did not converge.
var ErrEigenFailed = errors.New("symmetric eigendecomposition did not converge")

// CovarianceEigen returns the eigenvalues (descending) of the covariance of
// the n×d float32 data, with the eigenvectors when vectors is true.
func CovarianceEigen(ctx context.Context, data []float32, n, d int, vectors bool, opt CovOptions) (*Eigen, error) {
	cov, mean, err := Covariance(ctx, data, n, d, opt)
	if err != nil {
		return nil, err
	}
	var es mat.EigenSym
	if !es.Factorize(cov, vectors) {
		return nil, ErrEigenFailed
	}
	asc := es.Values(nil)
	out := &Eigen{Values: make([]float64, d), Mean: mean}
	for i := range asc {
		out.Values[i] = asc[d-1-i]
	}
	if vectors {
		var v mat.Dense
		es.VectorsTo(&v)
		out.Vectors = mat.NewDense(d, d, nil)
		for i := 0; i < d; i++ {
			out.Vectors.Slice(0, d, i, i+1).(*mat.Dense).Copy(v.Slice(0, d, d-1-i, d-i))
		}
	}
	return out, nil
}

// accumulateGram adds the upper triangle (in 4×4 tiles) of B Bᵀ to the
// d4×d4 row-major c, where bt holds B as d4 rows of length rows. Each tile
// keeps 16 sums in registers over one pass of 8 rows of B.
func accumulateGram(c []float64, d4 int, bt []float64, rows int) {
	for i := 0; i < d4; i += 4 {
		a0 := bt[i*rows : i*rows+rows]
		a1 := bt[(i+1)*rows : (i+1)*rows+rows]
		a2 := bt[(i+2)*rows : (i+2)*rows+rows]
		a3 := bt[(i+3)*rows : (i+3)*rows+rows]
		for j := i; j < d4; j += 4 {
			b0 := bt[j*rows : j*rows+rows]
			b1 := bt[(j+1)*rows : (j+1)*rows+rows]
			b2 := bt[(j+2)*rows : (j+2)*rows+rows]
			b3 := bt[(j+3)*rows : (j+3)*rows+rows]
			var s00, s01, s02, s03, s10, s11, s12, s13 float64
			var s20, s21, s22, s23, s30, s31, s32, s33 float64
			for r := range a0 {
				x0, x1, x2, x3 := a0[r], a1[r], a2[r], a3[r]
				y0, y1, y2, y3 := b0[r], b1[r], b2[r], b3[r]
				s00 += x0 * y0
				s01 += x0 * y1
				s02 += x0 * y2
				s03 += x0 * y3
				s10 += x1 * y0
				s11 += x1 * y1
				s12 += x1 * y2
				s13 += x1 * y3
				s20 += x2 * y0
				s21 += x2 * y1
				s22 += x2 * y2
				s23 += x2 * y3
				s30 += x3 * y0
				s31 += x3 * y1
				s32 += x3 * y2
				s33 += x3 * y3
			}
			r0 := c[i*d4+j : i*d4+j+4]
			r1 := c[(i+1)*d4+j : (i+1)*d4+j+4]
			r2 := c[(i+2)*d4+j : (i+2)*d4+j+4]
			r3 := c[(i+3)*d4+j : (i+3)*d4+j+4]
			r0[0] += s00
			r0[1] += s01
			r0[2] += s02
			r0[3] += s03
			r1[0] += s10
			r1[1] += s11
			r1[2] += s12
			r1[3] += s13
			r2[0] += s20
			r2[1] += s21
			r2[2] += s22
			r2[3] += s23
			r3[0] += s30
			r3[1] += s31
			r3[2] += s32
			r3[3] += s33
		}
	}
}
