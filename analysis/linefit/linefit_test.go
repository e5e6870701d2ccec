package linefit_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/linefit"
)

// The references are numpy 1.24: np.polyfit(x, y, 1), R² computed as
// 1 − Σ(y − ŷ)²/Σ(y − ȳ)², and np.corrcoef(x, y)[0, 1].
func TestFitAgreesWithNumpy(t *testing.T) {
	logs := func(v ...float64) []float64 {
		out := make([]float64, len(v))
		for i, e := range v {
			out[i] = math.Log(e)
		}
		return out
	}
	tests := []struct {
		name             string
		x, y             []float64
		slope, icept, r2 float64
		r                float64
	}{
		{"noisy line", []float64{1, 2, 3, 4, 5}, []float64{2.1, 3.9, 6.2, 7.8, 10.1},
			1.9899999999999995, 0.05000000000000108, 0.9973053289009771, 0.9986517555689656},
		{"log–log ranks", logs(1, 2, 3, 4, 5, 6, 7), logs(100, 48, 35, 22, 21, 15, 13),
			-1.0412063737443558, 4.616676579195901, 0.9910610674951629, -0.9955205007909996},
	}
	const tol = 1e-12
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := linefit.Fit(tc.x, tc.y)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(l.Slope-tc.slope) > tol || math.Abs(l.Intercept-tc.icept) > tol || math.Abs(l.R2-tc.r2) > tol {
				t.Errorf("Fit = %+v, want slope %v, intercept %v, R² %v", l, tc.slope, tc.icept, tc.r2)
			}
			r, err := linefit.Correlation(tc.x, tc.y)
			if err != nil || math.Abs(r-tc.r) > tol {
				t.Errorf("Correlation = %v, %v; want %v", r, err, tc.r)
			}
			// For a least-squares line R² is r².
			if math.Abs(l.R2-r*r) > tol {
				t.Errorf("R² %v but r² %v", l.R2, r*r)
			}
		})
	}
}

// TestEdgeCases pins the policy of the package comment.
func TestEdgeCases(t *testing.T) {
	tests := []struct {
		name    string
		x, y    []float64
		fit     linefit.Line
		fitErr  error
		corrErr error
	}{
		{"no points", nil, nil, linefit.Line{}, linefit.ErrTooFewPoints, linefit.ErrTooFewPoints},
		{"one point", []float64{1}, []float64{2}, linefit.Line{}, linefit.ErrTooFewPoints, linefit.ErrTooFewPoints},
		{"constant x", []float64{3, 3, 3}, []float64{1, 2, 3}, linefit.Line{}, linefit.ErrNoSpread, linefit.ErrNoSpread},
		{"constant x and y", []float64{3, 3}, []float64{1, 1}, linefit.Line{}, linefit.ErrNoSpread, linefit.ErrNoSpread},
		{"constant y", []float64{1, 2, 3}, []float64{5, 5, 5}, linefit.Line{Slope: 0, Intercept: 5, R2: 1}, nil, linefit.ErrNoSpread},
		{"two points", []float64{1, 3}, []float64{1, 5}, linefit.Line{Slope: 2, Intercept: -1, R2: 1}, nil, nil},
		{"NaN in y", []float64{1, 2, 3}, []float64{1, math.NaN(), 3}, linefit.Line{}, linefit.ErrNonFinite, linefit.ErrNonFinite},
		{"Inf in x", []float64{1, math.Inf(1), 3}, []float64{1, 2, 3}, linefit.Line{}, linefit.ErrNonFinite, linefit.ErrNonFinite},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l, err := linefit.Fit(tc.x, tc.y)
			if !errors.Is(err, tc.fitErr) || (tc.fitErr == nil) != (err == nil) {
				t.Errorf("Fit error %v, want %v", err, tc.fitErr)
			}
			if err == nil && (math.Abs(l.Slope-tc.fit.Slope) > 1e-15 || math.Abs(l.Intercept-tc.fit.Intercept) > 1e-15 || l.R2 != tc.fit.R2) {
				t.Errorf("Fit = %+v, want %+v", l, tc.fit)
			}
			r, err := linefit.Correlation(tc.x, tc.y)
			if !errors.Is(err, tc.corrErr) || (tc.corrErr == nil) != (err == nil) {
				t.Errorf("Correlation error %v, want %v", err, tc.corrErr)
			}
			if err == nil && math.IsNaN(r) {
				t.Errorf("Correlation = NaN without an error")
			}
		})
	}
}

func TestLengthMismatchPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Fit of slices of different lengths did not panic")
		}
	}()
	_, _ = linefit.Fit([]float64{1, 2}, []float64{1})
}

func ExampleFit() {
	l, err := linefit.Fit([]float64{0, 1, 2, 3}, []float64{1, 3, 5, 7})
	fmt.Println(l.Slope, l.Intercept, l.R2, err)
	_, err = linefit.Fit([]float64{2, 2, 2}, []float64{1, 2, 3})
	fmt.Println(err)
	// Output:
	// 2 1 1 <nil>
	// no spread: all values are equal: x = 2 at all 3 points
}
