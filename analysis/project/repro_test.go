package project

import (
	"context"
	"slices"
	"testing"
)

// TestMapsReproducible: PCA, Barnes–Hut t-SNE and UMAP on two workers
// give the same coordinates, bit for bit, every time they run with the
// same seed (the covariance's blocks once went to whichever worker was
// free, which changed the last bits of PCA and so every t-SNE map).
func TestMapsReproducible(t *testing.T) {
	const n, d = 1200, 20
	data := benchClusters(n, d)
	ctx := context.Background()
	tests := []struct {
		method string
		opt    Options
	}{
		{MethodPCA, Options{Workers: 2}},
		{MethodTSNE, Options{Workers: 2, TSNE: TSNEOptions{Engine: EngineBarnesHut, Iterations: 200, Seed: 3}}},
		{MethodUMAP, Options{Workers: 2, UMAP: UMAPOptions{Epochs: 50, Seed: 3}}},
	}
	for _, tc := range tests {
		var first []float64
		for run := range 3 {
			m, err := Project(ctx, data, n, d, tc.method, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if run == 0 {
				first = m.Points
			} else if !slices.Equal(first, m.Points) {
				t.Errorf("%s: run %d differs from run 0", tc.method, run)
			}
		}
	}
}
