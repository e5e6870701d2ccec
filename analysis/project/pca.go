package project

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// ErrTooFewPoints reports a projection of fewer points than it needs.
var ErrTooFewPoints = errors.New("too few points to project")

// PCAResult is a principal-component projection.
type PCAResult struct {
	// Points holds the n×Components scores, row-major.
	Points     []float64
	Components int
	// Loadings holds the d×Components principal axes, row-major (column c
	// is axis c).
	Loadings []float64
	// ExplainedVariance holds all d eigenvalues of the covariance,
	// descending; ExplainedVarianceRatio each divided by their sum.
	ExplainedVariance      []float64
	ExplainedVarianceRatio []float64
	Mean                   []float64
}

// PCAOptions configures PCA.
type PCAOptions struct {
	Components int // number of scores per point (default 2, at most d)
	Workers    int // goroutines (default min(GOMAXPROCS, 2))
	// Progress, if set, receives rows of covariance accumulated so far and
	// n. It must not block.
	Progress func(done, total int)
}

// PCA projects the n×d float32 row-major data on its leading principal
// components. It panics if len(data) != n·d.
func PCA(ctx context.Context, data []float32, n, d int, opt PCAOptions) (*PCAResult, error) {
	if len(data) != n*d {
		panic(fmt.Sprintf("project: data length %d is not %d×%d", len(data), n, d))
	}
	if n < 2 {
		return nil, fmt.Errorf("%w: PCA of %d points", ErrTooFewPoints, n)
	}
	c := opt.Components
	if c <= 0 {
		c = 2
	}
	c = min(c, d)
	eig, err := spectrum.CovarianceEigen(ctx, data, n, d, true, spectrum.CovOptions{Workers: opt.Workers, Progress: opt.Progress})
	if err != nil {
		return nil, err
	}
	res := &PCAResult{Components: c, Mean: eig.Mean, ExplainedVariance: eig.Values,
		ExplainedVarianceRatio: make([]float64, d), Loadings: make([]float64, d*c)}
	var total float64
	for _, v := range eig.Values {
		total += v
	}
	for i, v := range eig.Values {
		res.ExplainedVarianceRatio[i] = v / total
	}
	for k := 0; k < c; k++ {
		// Sign: largest-magnitude loading positive.
		var big float64
		for j := 0; j < d; j++ {
			if v := eig.Vectors.At(j, k); math.Abs(v) > math.Abs(big) {
				big = v
			}
		}
		sign := 1.0
		if big < 0 {
			sign = -1
		}
		for j := 0; j < d; j++ {
			res.Loadings[j*c+k] = sign * eig.Vectors.At(j, k)
		}
	}
	res.Points = make([]float64, n*c)
	workers := max(1, opt.Workers)
	if opt.Workers <= 0 {
		workers = 2
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			centred := make([]float64, d)
			for i := lo; i < hi; i++ {
				for j := 0; j < d; j++ {
					centred[j] = float64(data[i*d+j]) - eig.Mean[j]
				}
				out := res.Points[i*c : (i+1)*c]
				for j, x := range centred {
					row := res.Loadings[j*c : (j+1)*c]
					for k := range out {
						out[k] += x * row[k]
					}
				}
			}
		}(lo, hi)
	}
	wg.Wait()
	return res, nil
}
