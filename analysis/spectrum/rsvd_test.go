package spectrum

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// countLike returns a rows×cols sparse matrix whose nonzeros follow
// Zipf-like row and column weights, as co-occurrence counts do.
func countLike(rows, cols int, density float64, seed uint64) *CSR {
	rng := rand.New(rand.NewPCG(seed, 7))
	var ts []Triplet
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			// Frequent rows and columns are denser, as in real counts.
			p := math.Min(1, density/math.Sqrt(float64((i+1)*(j+1))))
			if rng.Float64() < p {
				v := math.Round(1 + 1e4*math.Exp(rng.NormFloat64())/math.Pow(float64((i+1)*(j+1)), 0.9))
				ts = append(ts, Triplet{int32(i), int32(j), v})
			}
		}
	}
	m, err := FromTriplets(rows, cols, ts)
	if err != nil {
		panic(err)
	}
	return m
}

func denseSingularValues(m *CSR) []float64 {
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(m.Rows, m.Cols, m.Dense()), mat.SVDNone) {
		panic("dense SVD failed")
	}
	return svd.Values(nil)
}

func TestRandomizedSVDMatchesDense(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
		weight     Weighting
	}{
		{"counts 300x200", 300, 200, Counts},
		{"log 800x600", 800, 600, Log1p},
		{"ppmi 1000x700", 1000, 700, PPMI},
	}
	const k, tol = 50, 1e-3
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Weight(countLike(tc.rows, tc.cols, 20, 3), tc.weight, 0)
			checkTopSingularValues(t, m, denseSingularValues(m), k, tol)
		})
	}
}

// TestRandomizedSVDGlossPPMI checks the top 50 singular values of the
// PPMI matrix of the 2,000 most frequent words of real text (3 MiB of the
// shipped WordNet glosses) against gonum's dense SVD.
func TestRandomizedSVDGlossPPMI(t *testing.T) {
	if testing.Short() {
		t.Skip("dense 2k × 2k SVD takes several seconds")
	}
	t.Parallel()
	m, want := glossPPMI(t)
	checkTopSingularValues(t, m, want, 50, 1e-3)
}

// checkTopSingularValues compares the top k singular values of the
// randomized SVD of m with want, all of m's singular values.
func checkTopSingularValues(t *testing.T, m *CSR, want []float64, k int, tol float64) {
	t.Helper()
	got, err := RandomizedSVD(context.Background(), m, SVDOptions{K: k, Oversample: 2 * k, PowerIters: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != k {
		t.Fatalf("got %d values, want %d", len(got), k)
	}
	worst := 0.0
	for i := range got {
		rel := math.Abs(got[i]-want[i]) / want[i]
		worst = math.Max(worst, rel)
		if i > 0 && got[i] > got[i-1] {
			t.Errorf("not descending at %d: %v > %v", i, got[i], got[i-1])
		}
	}
	if worst > tol {
		t.Errorf("worst relative error %.3g > %g (σ1 %v vs %v, σ50 %v vs %v)", worst, tol, got[0], want[0], got[k-1], want[k-1])
	}
	t.Logf("%d×%d, nnz %d, worst relative error of top %d: %.2g", m.Rows, m.Cols, m.NNZ(), k, worst)
}

func TestRandomizedSVDDeterministic(t *testing.T) {
	m := countLike(200, 150, 5, 9)
	a, _ := RandomizedSVD(context.Background(), m, SVDOptions{K: 10, Seed: 5, Workers: 1})
	b, _ := RandomizedSVD(context.Background(), m, SVDOptions{K: 10, Seed: 5, Workers: 2})
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("σ_%d differs between 1 and 2 workers: %v vs %v", i+1, a[i], b[i])
		}
	}
}

func TestRandomizedSVDErrors(t *testing.T) {
	empty, _ := FromTriplets(5, 5, nil)
	if _, err := RandomizedSVD(context.Background(), empty, SVDOptions{}); !errors.Is(err, ErrEmptyMatrix) {
		t.Errorf("empty: got %v, want ErrEmptyMatrix", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := RandomizedSVD(ctx, countLike(50, 50, 5, 1), SVDOptions{K: 5}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
	var calls int
	ctx2, cancel2 := context.WithCancel(context.Background())
	defer cancel2()
	_, err := RandomizedSVD(ctx2, countLike(50, 50, 5, 1), SVDOptions{K: 5, Progress: func(done, total int) {
		calls++
		if done == 2 {
			cancel2()
		}
	}})
	if !errors.Is(err, context.Canceled) || calls != 2 {
		t.Errorf("cancel mid-run: got %v after %d progress calls, want context.Canceled after 2", err, calls)
	}
}

// BenchmarkRandomizedSVDBrownPPMI times the top 100 singular values of
// the PPMI matrix of the 5,000 most frequent Brown words (defaults p = k,
// q = 7). bench/spectrum/compare.py compares 50k × 50k with scipy.
func BenchmarkRandomizedSVDBrownPPMI(b *testing.B) {
	m := Weight(brownCounts(b, 5000), PPMI, 0)
	for b.Loop() {
		sv, err := RandomizedSVD(context.Background(), m, SVDOptions{K: 100, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(sv[0], "sigma1")
	}
}
