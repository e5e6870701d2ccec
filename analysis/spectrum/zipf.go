package spectrum

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/mathext"

	"github.com/gloveboard/gloveboard/analysis/linefit"
)

// RankFrequency returns the positive counts sorted in descending order:
// element r-1 is the frequency of the word of rank r.
func RankFrequency(counts []int64) []float64 {
	out := make([]float64, 0, len(counts))
	for _, c := range counts {
		if c > 0 {
			out = append(out, float64(c))
		}
	}
	slices.SortFunc(out, func(a, b float64) int {
		switch {
		case a > b:
			return -1
		case a < b:
			return 1
		}
		return 0
	})
	return out
}

// ZipfLeastSquares is the descriptive least-squares line through the
// log–log rank–frequency plot. Its slope is not an estimate of the
// power-law exponent (Clauset et al. 2009 explain why); FitDiscretePowerLaw
// is.
type ZipfLeastSquares struct {
	Slope     float64 // d ln f / d ln r
	Intercept float64
	R2        float64
}

// FitZipfLeastSquares fits ln f_r = a + slope·ln r over all ranks of the
// positive counts.
func FitZipfLeastSquares(counts []int64) (ZipfLeastSquares, error) {
	freq := RankFrequency(counts)
	if len(freq) < 3 {
		return ZipfLeastSquares{}, fmt.Errorf("%w: %d positive counts", ErrFitRange, len(freq))
	}
	x := make([]float64, len(freq))
	y := make([]float64, len(freq))
	for i, f := range freq {
		x[i], y[i] = math.Log(float64(i+1)), math.Log(f)
	}
	// The ranks differ, so the fit cannot fail; equal counts give slope 0
	// and R² = 1 (see analysis/linefit).
	l, err := linefit.Fit(x, y)
	if err != nil {
		return ZipfLeastSquares{}, fmt.Errorf("%w: %w", ErrFitRange, err)
	}
	return ZipfLeastSquares{Slope: l.Slope, Intercept: l.Intercept, R2: l.R2}, nil
}

// PowerLawMLE is the Clauset–Shalizi–Newman fit of a discrete power law
// p(x) = x^−α / ζ(α, x_min), x ≥ x_min.
type PowerLawMLE struct {
	Alpha   float64 // maximum-likelihood exponent α
	AlphaSE float64 // its standard error, 1/sqrt(observed Fisher information)
	XMin    int64   // lower cut-off chosen by minimising KS
	NTail   int     // number of observations ≥ XMin
	KS      float64 // Kolmogorov–Smirnov distance of the fit on the tail
	// RankExponent is 1/(α−1), the exponent of the rank–frequency law
	// f(r) ∝ r^−RankExponent implied by α.
	RankExponent float64
}

// MLEOptions configures FitDiscretePowerLaw.
type MLEOptions struct {
	// MinTail is the fewest observations a candidate x_min must leave in
	// the tail (default 50).
	MinTail int
	// XMin, if positive, fixes x_min instead of scanning candidates; it is
	// raised to the smallest observed value ≥ XMin.
	XMin int64
	// MaxCandidates bounds the number of x_min candidates scanned (the
	// smallest distinct values first; default 2000).
	MaxCandidates int
	Workers       int // goroutines for the candidate scan (default min(GOMAXPROCS, 2))
	// Progress, if set, is called with candidates done and their total. It
	// must not block.
	Progress func(done, total int)
}

// ErrTooFewObservations reports data with fewer observations than MinTail
// (or fewer than 2) at or above every candidate x_min.
var ErrTooFewObservations = errors.New("too few observations for a power-law fit")

// tailData is the sorted distinct values with multiplicities, plus suffix
// sums used by every candidate x_min.
type tailData struct {
	values  []int64   // distinct, ascending
	mult    []int     // multiplicity of each value
	suffixN []int     // observations ≥ values[k]
	suffixL []float64 // Σ ln x over observations ≥ values[k]
}

func newTailData(xs []int64) tailData {
	sorted := make([]int64, 0, len(xs))
	for _, x := range xs {
		if x > 0 {
			sorted = append(sorted, x)
		}
	}
	slices.Sort(sorted)
	var t tailData
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		t.values = append(t.values, sorted[i])
		t.mult = append(t.mult, j-i)
		i = j
	}
	d := len(t.values)
	t.suffixN = make([]int, d+1)
	t.suffixL = make([]float64, d+1)
	for k := d - 1; k >= 0; k-- {
		t.suffixN[k] = t.suffixN[k+1] + t.mult[k]
		t.suffixL[k] = t.suffixL[k+1] + float64(t.mult[k])*math.Log(float64(t.values[k]))
	}
	return t
}

// FitDiscretePowerLaw fits a discrete power law to the positive integer
// observations xs (for Zipf: the count of each word type).
func FitDiscretePowerLaw(ctx context.Context, xs []int64, opt MLEOptions) (PowerLawMLE, error) {
	minTail := opt.MinTail
	if minTail <= 0 {
		minTail = 50
	}
	minTail = max(minTail, 2)
	maxCand := opt.MaxCandidates
	if maxCand <= 0 {
		maxCand = 2000
	}
	t := newTailData(xs)
	var cands []int
	for k := range t.values {
		if opt.XMin > 0 {
			if t.values[k] >= opt.XMin {
				if t.suffixN[k] >= 2 {
					cands = append(cands, k)
				}
				break
			}
			continue
		}
		if t.suffixN[k] < minTail || len(cands) >= maxCand {
			break
		}
		cands = append(cands, k)
	}
	if len(cands) == 0 {
		return PowerLawMLE{}, fmt.Errorf("%w: %d positive observations, need %d in the tail", ErrTooFewObservations, t.suffixN[0], minTail)
	}

	fits := make([]PowerLawMLE, len(cands))
	workers := defaultWorkers(opt.Workers)
	var (
		mu   sync.Mutex
		next int
		done int
		wg   sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				if next >= len(cands) || ctx.Err() != nil {
					mu.Unlock()
					return
				}
				c := next
				next++
				mu.Unlock()
				fits[c] = t.fitAt(cands[c])
				mu.Lock()
				done++
				if opt.Progress != nil {
					opt.Progress(done, len(cands))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return PowerLawMLE{}, err
	}
	best := 0
	for c := range fits {
		if fits[c].KS < fits[best].KS {
			best = c
		}
	}
	return fits[best], nil
}

// fitAt computes the MLE, its standard error and the KS distance for
// x_min = t.values[k].
func (t tailData) fitAt(k int) PowerLawMLE {
	xmin := t.values[k]
	n := float64(t.suffixN[k])
	sumLog := t.suffixL[k]
	// Continuous approximation as the seed.
	shifted := sumLog - n*math.Log(float64(xmin)-0.5)
	seed := 1 + n/shifted
	negLL := func(a float64) float64 { return n*math.Log(mathext.Zeta(a, float64(xmin))) + a*sumLog }
	lo, hi := math.Max(1+1e-9, seed-1), seed+1
	// Widen until the minimum is strictly inside the bracket.
	for hi < 50 && negLL(hi) < negLL(hi-1e-3) {
		hi += 1
	}
	alpha := goldenMin(negLL, lo, hi, 1e-10)
	const h = 1e-4
	lz := func(a float64) float64 { return math.Log(mathext.Zeta(a, float64(xmin))) }
	curv := n * (lz(alpha+h) - 2*lz(alpha) + lz(alpha-h)) / (h * h)
	se := math.Inf(1)
	if curv > 0 {
		se = 1 / math.Sqrt(curv)
	}
	return PowerLawMLE{Alpha: alpha, AlphaSE: se, XMin: xmin, NTail: t.suffixN[k],
		KS: t.ksDistance(k, alpha), RankExponent: 1 / (alpha - 1)}
}

// ksDistance is sup over integers x ≥ x_min of |F_emp(x) − F_fit(x)| for
// the tail starting at t.values[k], where F_fit(x) = 1 − ζ(α, x+1)/ζ(α, x_min).
func (t tailData) ksDistance(k int, alpha float64) float64 {
	xmin := float64(t.values[k])
	n := float64(t.suffixN[k])
	z0 := mathext.Zeta(alpha, xmin)
	var cum, d float64
	for j := k; j < len(t.values); j++ {
		cum += float64(t.mult[j])
		emp := cum / n
		// Model CDF at the observed value and just before the next one;
		// the empirical CDF is flat in between, the model increases.
		fitAt := 1 - mathext.Zeta(alpha, float64(t.values[j])+1)/z0
		d = math.Max(d, math.Abs(emp-fitAt))
		// Just below the observed value the empirical CDF is the previous level.
		prev := (cum - float64(t.mult[j])) / n
		fitBefore := 1 - mathext.Zeta(alpha, float64(t.values[j]))/z0
		d = math.Max(d, math.Abs(prev-fitBefore))
	}
	return d
}

// goldenMin minimises a unimodal f on [lo, hi] to an interval of width tol.
func goldenMin(f func(float64) float64, lo, hi, tol float64) float64 {
	const inv = 0.6180339887498949
	c := hi - inv*(hi-lo)
	d := lo + inv*(hi-lo)
	fc, fd := f(c), f(d)
	for hi-lo > tol {
		if fc < fd {
			hi, d, fd = d, c, fc
			c = hi - inv*(hi-lo)
			fc = f(c)
		} else {
			lo, c, fc = c, d, fd
			d = lo + inv*(hi-lo)
			fd = f(d)
		}
	}
	return (lo + hi) / 2
}
