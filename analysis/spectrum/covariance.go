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
		rowsDone int
		wg       sync.WaitGroup
	)
	// Worker w accumulates blocks w, w+workers, …: a fixed assignment, so
	// that each worker's sum, and the sum of the workers' in index order,
	// add the same numbers in the same order on every run (maps drawn from
	// this covariance are reproducible to the bit).
	report := func(finished int) bool {
		mu.Lock()
		defer mu.Unlock()
		rowsDone += finished
		if opt.Progress != nil && finished > 0 {
			opt.Progress(rowsDone, n)
		}
		return ctx.Err() == nil
	}
	// Dimensions are padded to a multiple of 4 for the 4×4 kernel.
	d4 := (d + 3) &^ 3
	for w := 0; w < workers; w++ {
		acc[w] = make([]float64, d4*d4)
		wg.Add(1)
		go func(w int, c []float64) {
			defer wg.Done()
			// The block is stored transposed (d4 × rows, padding rows
			// zero) so that each covariance entry is a contiguous dot product.
			bt := make([]float64, d4*covarianceBlock)
			for b := w; b < blocks; b += workers {
				if !report(0) {
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
				report(rows)
			}
		}(w, acc[w])
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

// accumulateGram adds the upper triangle of B Bᵀ (in 2×4 tiles; entries
// of a tile below the diagonal are added too and never read) to the d4×d4
// row-major c, where bt holds B as d4 rows of length rows and d4 is a
// multiple of 4. Rows are summed in four lanes by gram2x4 (AVX2 where the
// CPU has it, bit-identical Go elsewhere), the last rows mod 4 in Go.
func accumulateGram(c []float64, d4 int, bt []float64, rows int) {
	n4 := rows &^ 3
	var s [8]float64
	for i := 0; i < d4; i += 2 {
		a0 := bt[i*rows : i*rows+rows]
		a1 := bt[(i+1)*rows : (i+1)*rows+rows]
		for j := i &^ 3; j < d4; j += 4 {
			b0 := bt[j*rows : j*rows+rows]
			b1 := bt[(j+1)*rows : (j+1)*rows+rows]
			b2 := bt[(j+2)*rows : (j+2)*rows+rows]
			b3 := bt[(j+3)*rows : (j+3)*rows+rows]
			if n4 > 0 {
				gram2x4(&s, a0, a1, b0, b1, b2, b3, n4)
			} else {
				s = [8]float64{}
			}
			for r := n4; r < rows; r++ {
				x0, x1 := a0[r], a1[r]
				s[0] += float64(x0 * b0[r]) // unfused, as in gram2x4Go
				s[1] += float64(x0 * b1[r])
				s[2] += float64(x0 * b2[r])
				s[3] += float64(x0 * b3[r])
				s[4] += float64(x1 * b0[r])
				s[5] += float64(x1 * b1[r])
				s[6] += float64(x1 * b2[r])
				s[7] += float64(x1 * b3[r])
			}
			r0 := c[i*d4+j : i*d4+j+4]
			r1 := c[(i+1)*d4+j : (i+1)*d4+j+4]
			for q := 0; q < 4; q++ {
				r0[q] += s[q]
				r1[q] += s[4+q]
			}
		}
	}
}

// gram2x4Go sets s[4i+j] to the dot product of a_i (i = 0, 1) with b_j
// (j = 0..3) over the first n entries, n a multiple of 4, summed in four
// lanes (entry r goes to lane r mod 4, each a multiply then an add) and
// combined as (l0+l2) + (l1+l3): the order of gram2x4AVX, so both give
// the same bits.
func gram2x4Go(s *[8]float64, a0, a1, b0, b1, b2, b3 []float64, n int) {
	var l [8][4]float64
	a0, a1 = a0[:n], a1[:n]
	b0, b1, b2, b3 = b0[:n], b1[:n], b2[:n], b3[:n]
	for r := 0; r < n; r += 4 {
		for q := 0; q < 4; q++ {
			x0, x1 := a0[r+q], a1[r+q]
			y0, y1, y2, y3 := b0[r+q], b1[r+q], b2[r+q], b3[r+q]
			// float64(…) rounds each product on its own: Go may otherwise
			// fuse it into the add (GOAMD64=v3, arm64), and the AVX2 kernel
			// does not fuse.
			l[0][q] += float64(x0 * y0)
			l[1][q] += float64(x0 * y1)
			l[2][q] += float64(x0 * y2)
			l[3][q] += float64(x0 * y3)
			l[4][q] += float64(x1 * y0)
			l[5][q] += float64(x1 * y1)
			l[6][q] += float64(x1 * y2)
			l[7][q] += float64(x1 * y3)
		}
	}
	for k := range s {
		s[k] = (l[k][0] + l[k][2]) + (l[k][1] + l[k][3])
	}
}
