package project

import (
	"context"
	"math/rand/v2"
	"testing"
)

func benchClusters(n, d int) []float32 {
	rng := rand.New(rand.NewPCG(1, 2))
	centres := make([]float64, 20*d)
	for i := range centres {
		centres[i] = 3 * rng.NormFloat64()
	}
	out := make([]float32, n*d)
	for i := 0; i < n; i++ {
		k := rng.IntN(20)
		for j := 0; j < d; j++ {
			out[i*d+j] = float32(centres[k*d+j] + rng.NormFloat64())
		}
	}
	return out
}

// BenchmarkTSNEBarnesHut2000 times a full 1000-iteration run on 2,000
// clustered 50-d points; bench/project/compare.py compares 5,000 points
// with scikit-learn.
func BenchmarkTSNEBarnesHut2000(b *testing.B) {
	const n, d = 2000, 50
	data := benchClusters(n, d)
	for b.Loop() {
		r, err := TSNE(context.Background(), data, n, d, TSNEOptions{Engine: EngineBarnesHut})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(r.KL, "KL")
	}
}

// BenchmarkPCA100kx100 times PCA of 100,000 × 100 float32 data.
func BenchmarkPCA100kx100(b *testing.B) {
	const n, d = 100000, 100
	data := benchClusters(n, d)
	for b.Loop() {
		if _, err := PCA(context.Background(), data, n, d, PCAOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
