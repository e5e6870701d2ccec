package ratio

import (
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Defaults of the discovered lists (Options.LeanThreshold, Confidence).
const (
	DefaultLeanThreshold = 2
	DefaultConfidence    = 0.95
)

// leanBounds returns the one-sided confidence bounds of the ratio
// ρ = P(k|i)/P(k|j) from the counts a = X_ik and b = X_jk, at level conf:
// the lower bound (to support ρ > 1) and the upper bound (to support
// ρ < 1).
//
// The model: a and b are Poisson counts with means X_i·P(k|i) and
// X_j·P(k|j), so given n = a + b, a is binomial with
// θ = X_i P(k|i) / (X_i P(k|i) + X_j P(k|j)), and
// ρ = θ/(1 − θ) · X_j/X_i. The Wilson score bounds of θ (z the standard
// normal quantile of conf; counts weighted by 1/d enter as they are, an
// approximation for non-integer counts) map to bounds of ρ through that
// increasing function. With b = 0 the upper bound is +Inf and the lower
// bound finite: two sightings of k near i and none near j give a lower
// bound of about 0.74·X_j/X_i, not infinity.
func leanBounds(a, b, xi, xj, conf float64) (lo, hi float64) {
	n := a + b
	if n <= 0 || xi <= 0 || xj <= 0 {
		return 0, math.Inf(1)
	}
	z := distuv.UnitNormal.Quantile(conf)
	p := a / n
	z2n := z * z / n
	centre := p + z2n/2
	half := z * math.Sqrt(p*(1-p)/n+z2n/(4*n))
	den := 1 + z2n
	thetaLo := math.Max(0, (centre-half)/den)
	thetaHi := math.Min(1, (centre+half)/den)
	scale := xj / xi
	lo = thetaLo / (1 - thetaLo) * scale
	if thetaHi >= 1 {
		hi = math.Inf(1)
	} else {
		hi = thetaHi / (1 - thetaHi) * scale
	}
	return lo, hi
}
