package spectrum

import (
	"errors"
	"fmt"
	"math"

	"github.com/gloveboard/gloveboard/analysis/linefit"
)

// ErrFitRange reports a fit rank range that is empty, too short (fewer
// than 3 ranks) or outside the data.
var ErrFitRange = errors.New("fit range is empty or outside the data")

// ErrNonPositive reports a non-positive value where a logarithm is needed.
var ErrNonPositive = errors.New("non-positive value in a log fit")

// PowerLawFit is a least-squares fit of ln λ_r = ln C − β ln r over the
// 1-based ranks From..To (inclusive).
type PowerLawFit struct {
	Beta      float64   // decay exponent β (λ_r ∝ r^−β)
	LogC      float64   // intercept ln C
	R2        float64   // coefficient of determination on the log–log scale
	From, To  int       // the inclusive 1-based rank range fitted
	Residuals []float64 // ln λ_r − (ln C − β ln r), r = From..To
	// ExpR2 is the R² of the exponential-decay alternative
	// ln λ_r = a − b·r over the same range, for comparison.
	ExpR2   float64
	ExpRate float64 // b of that alternative
}

// FitPowerLaw fits λ_r ∝ r^−β to values (λ_1 = values[0]) over the ranks
// from..to. to = 0 means the last rank; from = 0 means rank 1.
func FitPowerLaw(values []float64, from, to int) (PowerLawFit, error) {
	if from == 0 {
		from = 1
	}
	if to == 0 {
		to = len(values)
	}
	if from < 1 || to > len(values) || to-from+1 < 3 {
		return PowerLawFit{}, fmt.Errorf("%w: ranks %d..%d of %d values (need at least 3)", ErrFitRange, from, to, len(values))
	}
	n := to - from + 1
	lx := make([]float64, n)
	ly := make([]float64, n)
	rx := make([]float64, n)
	for i := 0; i < n; i++ {
		v := values[from-1+i]
		if !(v > 0) || math.IsInf(v, 0) {
			return PowerLawFit{}, fmt.Errorf("%w: λ_%d = %v", ErrNonPositive, from+i, v)
		}
		r := float64(from + i)
		lx[i], ly[i], rx[i] = math.Log(r), math.Log(v), r
	}
	// The ranks differ and the values are finite, so neither fit fails
	// (a constant λ gives β = 0 and R² = 1: see analysis/linefit).
	pow, err := linefit.Fit(lx, ly)
	if err != nil {
		return PowerLawFit{}, fmt.Errorf("%w: %w", ErrFitRange, err)
	}
	res := make([]float64, n)
	for i := range res {
		res[i] = ly[i] - pow.At(lx[i])
	}
	exp, err := linefit.Fit(rx, ly)
	if err != nil {
		return PowerLawFit{}, fmt.Errorf("%w: %w", ErrFitRange, err)
	}
	return PowerLawFit{Beta: -pow.Slope, LogC: pow.Intercept, R2: pow.R2, From: from, To: to,
		Residuals: res, ExpR2: exp.R2, ExpRate: -exp.Slope}, nil
}
