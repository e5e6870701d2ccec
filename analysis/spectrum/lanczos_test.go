package spectrum

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestLanczosSVDMatchesDense(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
		weight     Weighting
		k, basis   int
	}{
		{"counts 300x200 k50", 300, 200, Counts, 50, 0},
		{"log 800x600 k50", 800, 600, Log1p, 50, 0},
		{"ppmi 1000x700 k100", 1000, 700, PPMI, 100, 0},
		{"ppmi 700x1000 k100 (wide)", 700, 1000, PPMI, 100, 0},
		{"ppmi 1000x700 k100 small basis", 1000, 700, PPMI, 100, 120},
		{"log 120x90 k90 (all values)", 120, 90, Log1p, 90, 0},
	}
	const tol = 1e-9
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Weight(countLike(tc.rows, tc.cols, 20, 3), tc.weight, 0)
			want := denseSingularValues(m)
			got, err := LanczosSVD(context.Background(), m, LanczosOptions{K: tc.k, Basis: tc.basis, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.k {
				t.Fatalf("got %d values, want %d", len(got), tc.k)
			}
			for i, g := range got {
				// Values are eigenvalues of the Gram matrix, so their absolute
				// error scales with σ₁²/σᵢ.
				lim := tol * want[0] * want[0] / math.Max(want[i], 1e-300)
				if math.Abs(g-want[i]) > math.Max(lim, tol*want[i]) {
					t.Errorf("σ_%d = %.12g, want %.12g (dense)", i+1, g, want[i])
				}
			}
		})
	}
}

// TestLanczosSVDRankDeficient checks a matrix of rank 3: the iteration
// breaks down after three steps and must report the three values and
// zeros, not fail or return NaN.
func TestLanczosSVDRankDeficient(t *testing.T) {
	const rows, cols, rank = 60, 40, 3
	var ts []Triplet
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			// Sum of three separable terms: rank 3.
			v := float64((i%5+1)*(j%3+1)) + float64((i%7)*(j%2)) + float64(i%2*(j%11))
			if v != 0 {
				ts = append(ts, Triplet{int32(i), int32(j), v})
			}
		}
	}
	m, err := FromTriplets(rows, cols, ts)
	if err != nil {
		t.Fatal(err)
	}
	want := denseSingularValues(m)
	got, err := LanczosSVD(context.Background(), m, LanczosOptions{K: 10, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if math.IsNaN(g) {
			t.Fatalf("σ_%d is NaN", i+1)
		}
		if math.Abs(g-want[i]) > 1e-6*want[0] {
			t.Errorf("σ_%d = %g, want %g", i+1, g, want[i])
		}
	}
	if want[rank-1] < 1e-6*want[0] || want[rank] > 1e-9*want[0] {
		t.Fatalf("test matrix is not of rank %d: %v", rank, want[:rank+1])
	}
}

func TestLanczosSVDProperties(t *testing.T) {
	m := Weight(countLike(500, 400, 20, 5), PPMI, 0)
	var progress [][2]int
	got, err := LanczosSVD(context.Background(), m, LanczosOptions{K: 40, Basis: 60, Seed: 3,
		Progress: func(done, total int) { progress = append(progress, [2]int{done, total}) }})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(got); i++ {
		if got[i] > got[i-1] {
			t.Errorf("not descending at %d: %g > %g", i, got[i], got[i-1])
		}
	}
	if len(progress) < 2 {
		t.Fatalf("a 60-vector basis for 40 values should restart; progress calls: %v", progress)
	}
	if last := progress[len(progress)-1]; last != [2]int{40, 40} {
		t.Errorf("last progress = %v, want [40 40]", last)
	}
	// Different seeds converge to the same values.
	other, err := LanczosSVD(context.Background(), m, LanczosOptions{K: 40, Basis: 60, Seed: 99})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if math.Abs(got[i]-other[i]) > 1e-8*got[0] {
			t.Errorf("σ_%d: seed 3 gives %.12g, seed 99 gives %.12g", i+1, got[i], other[i])
		}
	}
}

func TestLanczosSVDErrors(t *testing.T) {
	m := Weight(countLike(300, 300, 20, 6), PPMI, 0)
	empty, err := FromTriplets(3, 3, nil)
	if err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		m    *CSR
		opt  LanczosOptions
		want error
	}{
		{"empty matrix", context.Background(), empty, LanczosOptions{K: 2}, ErrEmptyMatrix},
		{"cancelled", cancelled, m, LanczosOptions{K: 10}, context.Canceled},
		{"restart limit", context.Background(), m, LanczosOptions{K: 50, Basis: 51, MaxIters: 2, Tol: 1e-14}, ErrNotConverged},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LanczosSVD(tc.ctx, tc.m, tc.opt)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

// TestLanczosSVDCancelMidway cancels from the progress callback after the
// first restart: the call must return context.Canceled promptly.
func TestLanczosSVDCancelMidway(t *testing.T) {
	m := Weight(countLike(600, 600, 20, 8), PPMI, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, err := LanczosSVD(ctx, m, LanczosOptions{K: 50, Basis: 55, Tol: 1e-14, Seed: 1,
		Progress: func(done, total int) { calls++; cancel() }})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls != 1 {
		t.Errorf("progress called %d times after cancelling, want 1", calls)
	}
}

// TestLanczosSVDGlossPPMI checks all top 300 singular values of the PPMI
// matrix of the 2,000 most frequent words of real text (3 MiB of the
// shipped WordNet glosses) against gonum's dense SVD.
func TestLanczosSVDGlossPPMI(t *testing.T) {
	if testing.Short() {
		t.Skip("dense 2k × 2k SVD takes several seconds")
	}
	t.Parallel()
	m, want := glossPPMI(t)
	got, err := LanczosSVD(context.Background(), m, LanczosOptions{K: 300, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	worst := 0.0
	for i, g := range got {
		worst = math.Max(worst, math.Abs(g-want[i])/want[i])
	}
	t.Logf("worst relative error over the top 300: %.2g", worst)
	if worst > 1e-9 {
		t.Errorf("worst relative error %.3g, want ≤ 1e-9", worst)
	}
}

// TestLanczosSVDLeftMatchesDense compares the left singular vectors with
// gonum's dense SVD, column by column up to sign, for a tall matrix (from
// the Ritz vectors of AᵀA) and a wide one (those of AAᵀ directly), and
// checks that they are orthonormal.
func TestLanczosSVDLeftMatchesDense(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
	}{
		{"tall 600x400", 600, 400},
		{"wide 400x600", 400, 600},
	}
	const k = 20
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Weight(countLike(tc.rows, tc.cols, 20, 11), PPMI, 0)
			vals, u, err := LanczosSVDLeft(context.Background(), m, LanczosOptions{K: k, Seed: 4})
			if err != nil {
				t.Fatal(err)
			}
			if r, c := u.Dims(); r != tc.rows || c != k {
				t.Fatalf("u is %d×%d, want %d×%d", r, c, tc.rows, k)
			}
			var svd mat.SVD
			if !svd.Factorize(mat.NewDense(m.Rows, m.Cols, m.Dense()), mat.SVDThinU) {
				t.Fatal("dense SVD failed")
			}
			want := svd.Values(nil)
			var du mat.Dense
			svd.UTo(&du)
			for j := 0; j < k; j++ {
				if rel := math.Abs(vals[j]-want[j]) / want[j]; rel > 1e-9 {
					t.Errorf("σ_%d = %.12g, dense %.12g", j+1, vals[j], want[j])
				}
				// |cos| between the columns; the spectrum of these
				// matrices has no repeated values among the top 20.
				cos := mat.Dot(u.ColView(j), du.ColView(j))
				if math.Abs(math.Abs(cos)-1) > 1e-8 {
					t.Errorf("column %d: |cos| with the dense u_%d = %.12f", j, j+1, math.Abs(cos))
				}
			}
			var gram mat.Dense
			gram.Mul(u.T(), u)
			for i := 0; i < k; i++ {
				for j := 0; j < k; j++ {
					want := 0.0
					if i == j {
						want = 1
					}
					if got := gram.At(i, j); math.Abs(got-want) > 1e-9 {
						t.Errorf("(UᵀU)[%d][%d] = %.3g, want %g", i, j, got, want)
					}
				}
			}
		})
	}
}

// TestLanczosSVDRepeatedValues: a Krylov space from one start vector holds
// a repeated singular value's directions only once, and here it becomes
// invariant exactly at the last step of the basis; the solver must restart
// and find the value twice instead of accepting the smaller next one.
// (When the first cycle converges without becoming invariant, a repeated
// value can still be missed, as with any single-vector Lanczos method; see
// LanczosSVD.)
func TestLanczosSVDRepeatedValues(t *testing.T) {
	diag := func(vals ...float64) *CSR {
		ts := make([]Triplet, len(vals))
		for i, v := range vals {
			ts[i] = Triplet{int32(i), int32(i), v}
		}
		m, err := FromTriplets(len(vals), len(vals), ts)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	tests := []struct {
		name string
		m    *CSR
		opt  LanczosOptions
		want []float64
	}{
		{"diag(3,3,2,1,1,1,1,1), basis 3", diag(3, 3, 2, 1, 1, 1, 1, 1), LanczosOptions{K: 2, Basis: 3, Seed: 1}, []float64{3, 3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := LanczosSVD(context.Background(), tc.m, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			for i := range tc.want {
				if math.Abs(got[i]-tc.want[i]) > 1e-9*tc.want[0] {
					t.Errorf("got %v, want %v", got, tc.want)
					break
				}
			}
		})
	}
}

func TestLanczosSVDRefusesNonFinite(t *testing.T) {
	for _, v := range []float64{math.NaN(), math.Inf(1)} {
		m, err := FromTriplets(2, 2, []Triplet{{0, 0, 1}, {1, 1, v}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := LanczosSVD(context.Background(), m, LanczosOptions{K: 1}); !errors.Is(err, ErrNotFinite) {
			t.Errorf("entry %v: err = %v, want ErrNotFinite", v, err)
		}
	}
}
