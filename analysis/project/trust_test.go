package project

import (
	"context"
	"errors"
	"math"
	"testing"
)

func TestTrustworthinessHandMade(t *testing.T) {
	// Ten points on a line; maps that keep, swap or scramble the order.
	line := []float32{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	tests := []struct {
		name string
		emb  []float64
		k    int
		want float64
	}{
		{"identity", []float64{0, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 9, 0}, 2, 1},
		{"scaled and mirrored", []float64{0, -9, 0, -8, 0, -7, 0, -6, 0, -5, 0, -4, 0, -3, 0, -2, 0, -1, 0, 0}, 3, 1},
		{"ends swapped", []float64{9, 0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8, 0, 0, 0}, 1, handSwapped()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Trustworthiness(context.Background(), line, 1, tc.emb, 2, tc.k, 2)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.Value-tc.want) > 1e-12 {
				t.Errorf("got %v, want %v", got.Value, tc.want)
			}
		})
	}
	if _, err := Trustworthiness(context.Background(), line, 1, make([]float64, 20), 2, 5, 1); !errors.Is(err, ErrTooFewPoints) {
		t.Errorf("k=5 of 10: got %v, want ErrTooFewPoints", err)
	}
}

// handSwapped is T(1) for the line 0..9 whose points 0 and 9 swap places
// in the map; ties (in either space) go to the lower index. Map nearest
// neighbours and their input ranks from the point:
//   - 0 (drawn at 9) → 8: seven points are closer in the input, rank 8;
//   - 9 (drawn at 0) → 1: rank 8;
//   - 8 (at 8) → 0 (drawn at 9; tied with 7, lower index): rank 9;
//   - 1 (at 1) → 2 (tied with 9, drawn at 0): in the input 0 and 2 tie
//     and 0 wins, so 2 has rank 2;
//   - 2..7 keep a true nearest neighbour.
//
// Penalties (rank − k): 7 + 7 + 8 + 1 = 23.
func handSwapped() float64 {
	const n, k = 10.0, 1.0
	return 1 - 2/(n*k*(2*n-3*k-1))*23
}

func TestTrustworthinessMatchesSklearn(t *testing.T) {
	want := readExpected(t)
	g := loadGlove(t, want.TrustRows)
	n := len(g.words)
	emb := make([]float64, 2*n)
	for i := 0; i < n; i++ {
		emb[2*i], emb[2*i+1] = float64(g.data[i*g.dim]), float64(g.data[i*g.dim+1])
	}
	for _, tc := range []struct {
		k    int
		want float64
	}{{10, want.TrustK10}, {5, want.TrustK5}} {
		got, err := Trustworthiness(context.Background(), g.data, g.dim, emb, 2, tc.k, 2)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Value-tc.want) > 1e-9 {
			t.Errorf("k=%d: got %.12f, want sklearn's %.12f", tc.k, got.Value, tc.want)
		}
	}
}
