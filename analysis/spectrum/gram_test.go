package spectrum

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGramKernelsAgree checks that the kernel in use (AVX2 where the CPU
// has it) gives the same bits as the Go kernel, and that accumulateGram
// matches a naive B Bᵀ, for row counts with and without a remainder mod 4.
func TestGramKernelsAgree(t *testing.T) {
	t.Logf("AVX2 kernel in use: %v", hasAVX2)
	rng := rand.New(rand.NewPCG(5, 6))
	for _, rows := range []int{1, 3, 4, 5, 8, 37, 512} {
		const d4 = 12
		bt := make([]float64, d4*rows)
		for i := range bt {
			bt[i] = rng.NormFloat64() * math.Exp(3*rng.NormFloat64())
		}
		if n4 := rows &^ 3; n4 > 0 {
			var got, want [8]float64
			r := func(i int) []float64 { return bt[i*rows : (i+1)*rows] }
			gram2x4(&got, r(0), r(5), r(4), r(7), r(8), r(11), n4)
			gram2x4Go(&want, r(0), r(5), r(4), r(7), r(8), r(11), n4)
			if got != want {
				t.Errorf("rows %d: kernel %v, Go %v", rows, got, want)
			}
		}
		c := make([]float64, d4*d4)
		accumulateGram(c, d4, bt, rows)
		for i := 0; i < d4; i++ {
			for j := i; j < d4; j++ {
				var want, scale float64
				for r := 0; r < rows; r++ {
					want += bt[i*rows+r] * bt[j*rows+r]
					scale += math.Abs(bt[i*rows+r] * bt[j*rows+r])
				}
				if got := c[i*d4+j]; math.Abs(got-want) > 1e-13*scale {
					t.Errorf("rows %d: (B Bᵀ)[%d][%d] = %.17g, want %.17g", rows, i, j, got, want)
				}
			}
		}
	}
}

func BenchmarkAccumulateGram(b *testing.B) {
	const d4, rows = 304, 512
	rng := rand.New(rand.NewPCG(1, 2))
	bt := make([]float64, d4*rows)
	for i := range bt {
		bt[i] = rng.NormFloat64()
	}
	c := make([]float64, d4*d4)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		accumulateGram(c, d4, bt, rows)
	}
	b.ReportMetric(float64(b.N)*float64(rows)*d4*(d4+4)/2/b.Elapsed().Seconds()/1e9, "Gmuladd/s")
}
