package spectrum

import "fmt"

// FitRange is the inclusive 1-based rank range of a power-law fit chosen
// by DefaultFitRange, with what it left out.
type FitRange struct {
	From, To int
	// Positive is the last rank whose value is above the noise floor
	// (see DefaultFitRange): no fit may reach beyond it.
	Positive int
	// Cut is the first rank of a collapsed tail left out of the fit
	// (To+1), or 0 when there is none.
	Cut int
}

// noiseFloor is the relative size below which a value of a spectrum is
// taken for zero: eigen- and singular-value solvers in float64 leave the
// values of a rank-deficient matrix at about 1e-16 of the largest, and a
// logarithm of such noise means nothing.
const noiseFloor = 1e-12

// collapseRatio is the drop between neighbouring ranks that marks a
// collapsed tail.
const collapseRatio = 10

// DefaultFitRange picks the ranks over which a power law λ_r ∝ r^−β is
// fitted to a spectrum (values, largest first) when the user names none.
// It is the rule of both `glove spectrum -vectors` and the Explore page,
// so that the two report the same β:
//
//  1. The fit stops at Positive, the last rank whose value is positive and
//     above noiseFloor times the first: beyond it the values are rounding
//     noise of zero (a rank-deficient matrix) and have no logarithm worth
//     fitting.
//  2. Within ranks 1..Positive, if the second half holds a drop by more
//     than collapseRatio (10×) from one rank to the next, the fit ends
//     before the largest such drop (Cut is the first rank left out). Such
//     a collapsed tail — dimensions the vectors barely use, as when
//     vectors were trained with more dimensions than the data support —
//     sits far below the power law of the head, and a least-squares fit on
//     the log–log scale would bend to those few points. Drops in the first
//     half are part of the spectrum's shape and stay in the fit.
//
// It returns ErrFitRange when fewer than three ranks are above the noise
// floor (a power law needs three points).
func DefaultFitRange(values []float64) (FitRange, error) {
	last := 0
	for i, v := range values {
		if v > 0 && v > noiseFloor*values[0] {
			last = i + 1
		}
	}
	if last < 3 {
		return FitRange{}, fmt.Errorf("%w: %d of %d values are above the noise floor (need at least 3)", ErrFitRange, last, len(values))
	}
	r := FitRange{From: 1, To: last, Positive: last}
	if t := collapsedTail(values, last); t >= 3 {
		r.To, r.Cut = t, t+1
	}
	return r, nil
}

// collapsedTail returns the 1-based rank after which the values of the
// second half of ranks 1..last drop by more than collapseRatio from one
// rank to the next (the largest such drop), or 0 when there is none.
func collapsedTail(values []float64, last int) int {
	best, at := float64(collapseRatio), 0
	for i := max(last/2, 2); i < last-1; i++ {
		if values[i+1] > 0 && values[i]/values[i+1] > best {
			best, at = values[i]/values[i+1], i+1
		}
	}
	return at
}
