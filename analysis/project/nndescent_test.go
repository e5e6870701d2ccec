package project

import (
	"context"
	"errors"
	"testing"
)

// TestNNDescent: on clustered data NN-descent finds at least 95 % of the
// exact k nearest neighbours, returns them nearest first, never the
// point itself, and the same graph for the same seed.
func TestNNDescent(t *testing.T) {
	const n, d, k = 3000, 20, 14
	data, _ := blobs(11, 30, n/30, d)
	exact, _, err := exactNeighbours(context.Background(), data, n, d, k, 2)
	if err != nil {
		t.Fatal(err)
	}
	approx, dist2, err := nnDescent(context.Background(), data, n, d, k, 1)
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for i := 0; i < n; i++ {
		want := map[int32]bool{}
		for _, j := range exact[i*k : (i+1)*k] {
			want[j] = true
		}
		for a, j := range approx[i*k : (i+1)*k] {
			if int(j) == i {
				t.Fatalf("point %d is its own neighbour", i)
			}
			if a > 0 && dist2[i*k+a] < dist2[i*k+a-1] {
				t.Fatalf("point %d: neighbours not nearest first", i)
			}
			if want[j] {
				found++
			}
		}
	}
	recall := float64(found) / float64(n*k)
	if recall < 0.95 {
		t.Errorf("recall %.4f, want ≥ 0.95", recall)
	}
	again, _, _ := nnDescent(context.Background(), data, n, d, k, 1)
	for i := range again {
		if again[i] != approx[i] {
			t.Fatal("same seed, different graph")
		}
	}
	t.Logf("NN-descent recall %.4f", recall)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := nnDescent(ctx, data, n, d, k, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
