package spectrum_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// powerLaw returns n values r^-beta.
func powerLaw(n int, beta float64) []float64 {
	v := make([]float64, n)
	for r := range v {
		v[r] = math.Pow(float64(r+1), -beta)
	}
	return v
}

func TestDefaultFitRange(t *testing.T) {
	collapsed := powerLaw(50, 1) // ranks 41..50 fall 1000× below the law
	for r := 40; r < 50; r++ {
		collapsed[r] /= 1000
	}
	early := powerLaw(50, 1) // a drop in the first half stays in the fit
	for r := 10; r < 50; r++ {
		early[r] /= 1000
	}
	zeros := append(powerLaw(20, 0.5), 1e-17, 0, -1e-18)
	twoDrops := powerLaw(40, 1)
	for r := 30; r < 40; r++ {
		twoDrops[r] /= 20 // a 20× drop after rank 30 ...
	}
	for r := 35; r < 40; r++ {
		twoDrops[r] /= 100 // ... and a larger one after rank 35
	}
	tests := []struct {
		name   string
		values []float64
		want   spectrum.FitRange
	}{
		{"power law", powerLaw(30, 0.8), spectrum.FitRange{From: 1, To: 30, Positive: 30}},
		{"collapsed tail", collapsed, spectrum.FitRange{From: 1, To: 40, Positive: 50, Cut: 41}},
		{"drop in the first half", early, spectrum.FitRange{From: 1, To: 50, Positive: 50}},
		{"noise and zeros", zeros, spectrum.FitRange{From: 1, To: 20, Positive: 20}},
		{"largest of two drops", twoDrops, spectrum.FitRange{From: 1, To: 35, Positive: 40, Cut: 36}},
		{"three values", []float64{3, 2, 1}, spectrum.FitRange{From: 1, To: 3, Positive: 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := spectrum.DefaultFitRange(tc.values)
			if err != nil || got != tc.want {
				t.Fatalf("DefaultFitRange = %+v, %v; want %+v", got, err, tc.want)
			}
			// The range is always fittable.
			if _, err := spectrum.FitPowerLaw(tc.values, got.From, got.To); err != nil {
				t.Errorf("FitPowerLaw over the default range: %v", err)
			}
		})
	}
	for _, bad := range [][]float64{nil, {1, 0.5}, {1, 1e-13, 1e-14, 0}, {0, 0, 0, 0}} {
		if got, err := spectrum.DefaultFitRange(bad); !errors.Is(err, spectrum.ErrFitRange) {
			t.Errorf("DefaultFitRange(%v) = %+v, %v; want ErrFitRange", bad, got, err)
		}
	}
}

// TestDefaultFitRangeRecoversBeta checks the point of the rule: with a
// collapsed tail the default range recovers the head's exponent, while a
// fit over every rank does not.
func TestDefaultFitRangeRecoversBeta(t *testing.T) {
	values := powerLaw(100, 0.7)
	for r := 80; r < 100; r++ {
		values[r] *= 1e-4
	}
	fr, err := spectrum.DefaultFitRange(values)
	if err != nil {
		t.Fatal(err)
	}
	head, err := spectrum.FitPowerLaw(values, fr.From, fr.To)
	if err != nil {
		t.Fatal(err)
	}
	all, err := spectrum.FitPowerLaw(values, 1, len(values))
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(head.Beta-0.7) > 1e-9 {
		t.Errorf("β over the default range %d..%d = %v, want 0.7", fr.From, fr.To, head.Beta)
	}
	if math.Abs(all.Beta-0.7) < 0.1 {
		t.Errorf("β over every rank = %v: the tail should have pulled it away from 0.7", all.Beta)
	}
}

func ExampleDefaultFitRange() {
	// Eigenvalues r^-1 of 8 dimensions, the last two barely used.
	values := []float64{1, 0.5, 1.0 / 3, 0.25, 0.2, 1.0 / 6, 1e-4, 1e-5}
	fr, _ := spectrum.DefaultFitRange(values)
	fit, _ := spectrum.FitPowerLaw(values, fr.From, fr.To)
	fmt.Printf("ranks %d..%d (from rank %d left out): β = %.3f\n", fr.From, fr.To, fr.Cut, fit.Beta)
	// Output: ranks 1..6 (from rank 7 left out): β = 1.000
}
