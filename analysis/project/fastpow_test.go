package project

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestFastPow(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	worst := 0.0
	for range 200_000 {
		x := math.Exp(rng.Float64()*60 - 30) // e^-30 … e^30
		p := rng.Float64()*3 - 1             // −1 … 2
		got, want := fastPow(x, p), math.Pow(x, p)
		worst = math.Max(worst, math.Abs(got-want)/want)
	}
	if worst > 1e-12 {
		t.Errorf("worst relative error %g, want ≤ 1e-12", worst)
	}
	for _, c := range [][2]float64{{0, 0.9}, {-1, 0.5}, {math.Inf(1), 0.9}, {5e-324, 0.9}, {1e300, 1.5}, {1, 0.895}, {4, 0.5}} {
		got, want := fastPow(c[0], c[1]), math.Pow(c[0], c[1])
		if !(got == want || math.Abs(got-want) <= 1e-12*math.Abs(want) || (math.IsNaN(got) && math.IsNaN(want))) {
			t.Errorf("fastPow(%g, %g) = %g, want %g", c[0], c[1], got, want)
		}
	}
	t.Logf("worst relative error %.3g", worst)
}

func BenchmarkPow(b *testing.B) {
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = 0.01 + float64(i)*0.37
	}
	var sink float64
	b.Run("math.Pow", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += math.Pow(xs[i&1023], 0.895)
		}
	})
	b.Run("fastPow", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			sink += fastPow(xs[i&1023], 0.895)
		}
	})
	_ = sink
}
