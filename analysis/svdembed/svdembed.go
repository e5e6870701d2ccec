package svdembed

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/spectrum"

	"gonum.org/v1/gonum/mat"
)

// ErrBadOptions reports an option out of range.
var ErrBadOptions = errors.New("invalid SVD embedding options")

// Options configures Embed. Zero values select the defaults.
type Options struct {
	Dim     int     // vector dimension d (default 50)
	Power   float64 // eigenvalue weighting p (default 0.5; set NoPower for p = 0)
	NoPower bool    // use p = 0 (U_d alone)
	Alpha   float64 // context smoothing α of PPMI (default 0.75)
	// Randomized selects spectrum.RandomizedSVDLeft with Oversample and
	// PowerIters instead of the default spectrum.LanczosSVDLeft, which
	// converges to working precision.
	Randomized bool
	Oversample int // randomized SVD oversampling (default d)
	PowerIters int // randomized SVD power iterations (default 7)
	Seed       uint64
}

// Result holds the embedding: Vectors is n×d row-major (row i is the word
// of rank i) and Singular the top-d singular values of the PPMI matrix.
type Result struct {
	Dim      int
	Vectors  []float32
	Singular []float64
	Power    float64
}

// Embed returns W = U_d Σ_d^p of the PPMI matrix of m.
func Embed(ctx context.Context, m *cooccur.Matrix, opt Options) (*Result, error) {
	d := opt.Dim
	if d == 0 {
		d = 50
	}
	p := opt.Power
	if p == 0 && !opt.NoPower {
		p = 0.5
	}
	if opt.NoPower {
		p = 0
	}
	alpha := opt.Alpha
	if alpha == 0 {
		alpha = spectrum.DefaultContextSmoothing
	}
	n := m.Dim()
	switch {
	case d < 1 || d > n:
		return nil, fmt.Errorf("%w: dimension %d must be between 1 and the vocabulary size %d", ErrBadOptions, d, n)
	case p < 0 || math.IsNaN(p) || math.IsInf(p, 0):
		return nil, fmt.Errorf("%w: eigenvalue weighting p = %g must be a non-negative number", ErrBadOptions, p)
	case !(alpha > 0 && alpha <= 1):
		return nil, fmt.Errorf("%w: context smoothing α = %g must be in (0, 1]", ErrBadOptions, alpha)
	}
	ppmi := spectrum.Weight(spectrum.FromCooccur(m, 0), spectrum.PPMI, alpha)
	var vals []float64
	var u *mat.Dense
	var err error
	if opt.Randomized {
		vals, u, err = spectrum.RandomizedSVDLeft(ctx, ppmi, spectrum.SVDOptions{
			K: d, Oversample: opt.Oversample, PowerIters: opt.PowerIters, Seed: opt.Seed,
		})
	} else {
		vals, u, err = spectrum.LanczosSVDLeft(ctx, ppmi, spectrum.LanczosOptions{K: d, Seed: opt.Seed})
	}
	if err != nil {
		return nil, err
	}
	res := &Result{Dim: d, Vectors: make([]float32, n*d), Singular: vals, Power: p}
	for j := 0; j < d; j++ {
		// Orient the column: its largest-magnitude entry positive.
		big, sign := 0.0, 1.0
		for i := 0; i < n; i++ {
			if v := u.At(i, j); math.Abs(v) > big {
				big, sign = math.Abs(v), math.Copysign(1, v)
			}
		}
		scale := sign * math.Pow(vals[j], p)
		for i := 0; i < n; i++ {
			res.Vectors[i*d+j] = float32(u.At(i, j) * scale)
		}
	}
	return res, nil
}
