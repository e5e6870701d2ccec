package project

import (
	"context"
	"testing"
)

// TestMapsAreReproducible checks that PCA, Barnes–Hut t-SNE and UMAP give
// the same map, bit for bit, when run twice with the same seed on two
// workers: a saved map's permalink promises coordinates that a rerun
// reproduces, so no result may depend on which worker finished first.
// The data spans several covariance blocks (covarianceBlock rows), where
// a first-free-worker schedule once summed blocks in a varying order.
func TestMapsAreReproducible(t *testing.T) {
	data, _ := blobs(7, 6, 250, 20) // 1,500 × 20
	n, d := 1500, 20
	runs := []struct {
		name string
		run  func() ([]float64, error)
	}{
		{"pca", func() ([]float64, error) {
			r, err := PCA(context.Background(), data, n, d, PCAOptions{Components: 2, Workers: 2})
			if err != nil {
				return nil, err
			}
			return r.Points, nil
		}},
		{"tsne", func() ([]float64, error) {
			r, err := TSNE(context.Background(), data, n, d, TSNEOptions{Engine: EngineBarnesHut, Seed: 3, Iterations: 120, Workers: 2})
			if err != nil {
				return nil, err
			}
			return r.Points, nil
		}},
		{"umap", func() ([]float64, error) {
			r, err := UMAP(context.Background(), data, n, d, UMAPOptions{Seed: 3, Epochs: 60, Workers: 2})
			if err != nil {
				return nil, err
			}
			return r.Points, nil
		}},
	}
	for _, c := range runs {
		t.Run(c.name, func(t *testing.T) {
			first, err := c.run()
			if err != nil {
				t.Fatal(err)
			}
			for rep := 0; rep < 3; rep++ {
				got, err := c.run()
				if err != nil {
					t.Fatal(err)
				}
				for i := range got {
					if got[i] != first[i] {
						t.Fatalf("run %d: coordinate %d = %v, first run %v", rep+2, i, got[i], first[i])
					}
				}
			}
		})
	}
}
