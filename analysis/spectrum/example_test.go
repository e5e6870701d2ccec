package spectrum_test

import (
	"context"
	"fmt"
	"math"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

func ExampleRandomizedSVD() {
	// diag(5, 3, 1) as a sparse matrix.
	m, _ := spectrum.FromTriplets(3, 3, []spectrum.Triplet{{Row: 0, Col: 0, Value: 5}, {Row: 1, Col: 1, Value: 3}, {Row: 2, Col: 2, Value: 1}})
	s, _ := spectrum.RandomizedSVD(context.Background(), m, spectrum.SVDOptions{K: 2, Seed: 1})
	fmt.Printf("%.6f %.6f\n", s[0], s[1])
	// Output: 5.000000 3.000000
}

func ExampleFitPowerLaw() {
	lambda := make([]float64, 50)
	for r := range lambda {
		lambda[r] = 2 * math.Pow(float64(r+1), -0.8)
	}
	fit, _ := spectrum.FitPowerLaw(lambda, 5, 40)
	fmt.Printf("β=%.2f R²=%.3f ranks %d..%d\n", fit.Beta, fit.R2, fit.From, fit.To)
	// Output: β=0.80 R²=1.000 ranks 5..40
}

func ExampleFitDiscretePowerLaw() {
	// Word counts of a toy vocabulary: f(r) = 1000/r.
	counts := make([]int64, 2000)
	for r := range counts {
		counts[r] = int64(math.Max(1, math.Round(1000/float64(r+1))))
	}
	fit, _ := spectrum.FitDiscretePowerLaw(context.Background(), counts, spectrum.MLEOptions{MinTail: 20})
	fmt.Printf("α≈%.1f, rank exponent≈%.1f\n", fit.Alpha, fit.RankExponent)
	// Output: α≈2.0, rank exponent≈1.0
}

func ExampleLanczosSVD() {
	// A 3×2 matrix with singular values 5 and 3:
	// [[3, 0], [0, 4], [0, 3]] has columns of norm 3 and 5.
	m, _ := spectrum.FromTriplets(3, 2, []spectrum.Triplet{{Row: 0, Col: 0, Value: 3}, {Row: 1, Col: 1, Value: 4}, {Row: 2, Col: 1, Value: 3}})
	s, _ := spectrum.LanczosSVD(context.Background(), m, spectrum.LanczosOptions{K: 2})
	fmt.Printf("%.12f %.12f\n", s[0], s[1])
	// Output: 5.000000000000 3.000000000000
}
