package linefit

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"
)

// Errors of Fit and Correlation (see the package comment for the policy).
var (
	// ErrTooFewPoints reports fewer than two points.
	ErrTooFewPoints = errors.New("fewer than two points")
	// ErrNoSpread reports a constant x (Fit) or a constant x or y
	// (Correlation).
	ErrNoSpread = errors.New("no spread: all values are equal")
	// ErrNonFinite reports a NaN or infinite value.
	ErrNonFinite = errors.New("a value is NaN or infinite")
)

// Line is y = Intercept + Slope·x fitted by ordinary least squares, with
// its coefficient of determination R² = 1 − SS_res/SS_tot.
type Line struct {
	Slope, Intercept, R2 float64
}

// At returns the line's y at x.
func (l Line) At(x float64) float64 { return l.Intercept + l.Slope*x }

// Fit fits y = a + b·x to the points (x[i], y[i]) by ordinary least
// squares. It panics if len(x) != len(y).
func Fit(x, y []float64) (Line, error) {
	if err := check(x, y); err != nil {
		return Line{}, err
	}
	if constant(x) {
		return Line{}, fmt.Errorf("%w: x = %g at all %d points", ErrNoSpread, x[0], len(x))
	}
	if constant(y) {
		return Line{Slope: 0, Intercept: y[0], R2: 1}, nil
	}
	a, b := stat.LinearRegression(x, y, nil, false)
	return Line{Slope: b, Intercept: a, R2: stat.RSquared(x, y, nil, a, b)}, nil
}

// Correlation returns Pearson's r of x and y. It panics if
// len(x) != len(y).
func Correlation(x, y []float64) (float64, error) {
	if err := check(x, y); err != nil {
		return 0, err
	}
	if constant(x) || constant(y) {
		return 0, fmt.Errorf("%w: r is undefined when x or y is constant", ErrNoSpread)
	}
	return stat.Correlation(x, y, nil), nil
}

// check applies the shared part of the policy: equal lengths (else
// panic), n ≥ 2 and finite values.
func check(x, y []float64) error {
	if len(x) != len(y) {
		panic(fmt.Sprintf("linefit: len(x) = %d but len(y) = %d", len(x), len(y)))
	}
	if len(x) < 2 {
		return fmt.Errorf("%w: %d", ErrTooFewPoints, len(x))
	}
	for i := range x {
		if math.IsNaN(x[i]) || math.IsInf(x[i], 0) || math.IsNaN(y[i]) || math.IsInf(y[i], 0) {
			return fmt.Errorf("%w: point %d is (%g, %g)", ErrNonFinite, i, x[i], y[i])
		}
	}
	return nil
}

// constant reports whether every value of v equals the first.
func constant(v []float64) bool {
	for _, e := range v[1:] {
		if e != v[0] {
			return false
		}
	}
	return true
}
