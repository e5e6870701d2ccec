package align

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkAlign aligns a set of n words × d dimensions with a rotated,
// noisy copy: the dashboard aligns up to 50,000 shared words in a request
// (app.DefaultMaxInstantAlign) and runs larger alignments as a job.
func BenchmarkAlign(b *testing.B) {
	for _, size := range []struct{ n, d int }{{4_000, 50}, {50_000, 100}, {50_000, 300}} {
		b.Run(fmt.Sprintf("n=%d/d=%d", size.n, size.d), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			a, c, _ := rotatedCopy(b, rng, size.n, size.d, 0.01, nil)
			b.ResetTimer()
			for range b.N {
				if _, err := Align(context.Background(), a, c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(size.n)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
