package spectrum

import (
	"context"
	"runtime"
	"testing"
)

// TestRandomizedSVDMemoryBytes compares the estimate with the bytes
// actually allocated (runtime.MemStats.TotalAlloc, which also counts
// memory already freed, so it bounds the peak from above) by making the
// weighted matrix and running RandomizedSVD with the options the
// dashboard uses. The estimate must never be below the measurement, and
// must not be so loose that the budget check refuses jobs that fit.
func TestRandomizedSVDMemoryBytes(t *testing.T) {
	tests := []struct {
		name       string
		rows, cols int
		k          int
		w          Weighting
		maxRatio   float64 // estimate / measured at most this
	}{
		{"counts 600x600 k=20", 600, 600, 20, Counts, 2},
		{"ppmi 800x300 k=30", 800, 300, 30, PPMI, 2},
		{"log 1500x1500 k=50", 1500, 1500, 50, Log1p, 2},
		{"k near the size 120x100 k=60", 120, 100, 60, Counts, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			counts := countLike(tc.rows, tc.cols, 20, 5)
			var measured uint64
			nnz := 0
			// The largest of three runs: allocations are deterministic up
			// to goroutine scheduling.
			for range 3 {
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				m := Weight(counts, tc.w, 0)
				sv, err := RandomizedSVD(context.Background(), m, SVDOptions{K: tc.k, Seed: 1, Progress: func(int, int) {}})
				runtime.ReadMemStats(&after)
				if err != nil {
					t.Fatal(err)
				}
				if len(sv) != min(tc.k, tc.rows, tc.cols) {
					t.Fatalf("%d singular values, want %d", len(sv), min(tc.k, tc.rows, tc.cols))
				}
				measured = max(measured, after.TotalAlloc-before.TotalAlloc)
				nnz = m.NNZ()
			}
			got := RandomizedSVDMemoryBytes(tc.rows, tc.cols, nnz, tc.k, 0)
			ratio := float64(got) / float64(measured)
			t.Logf("nnz %d: estimate %d B, measured %d B, ratio %.2f", nnz, got, measured, ratio)
			if got < int64(measured) {
				t.Errorf("estimate %d B is below the %d B allocated", got, measured)
			}
			if ratio > tc.maxRatio {
				t.Errorf("estimate %d B is %.2f× the %d B allocated, want at most %.1f×", got, ratio, measured, tc.maxRatio)
			}
		})
	}
}

// TestRandomizedSVDMemoryBytesShapes checks the formula's edge cases.
func TestRandomizedSVDMemoryBytesShapes(t *testing.T) {
	tests := []struct {
		name                           string
		rows, cols, nnz, k, oversample int
		want                           int64
	}{
		// l = 2k = 40: 2·(12·1000 + 8·202) + 8·200·40·2 + 8·1600·22 + 65536.
		{"default oversampling", 100, 100, 1000, 20, 0, 2*(12*1000+8*202) + 8*200*40*2 + 8*1600*22 + 65536},
		// l is clamped to the smaller side, 10.
		{"l clamped", 50, 10, 100, 20, 5, 2*(12*100+8*62) + 8*60*10*2 + 8*100*22 + 65536},
		{"empty", 0, 0, 0, 0, 0, 2*(8*2) + 65536},
	}
	for _, tc := range tests {
		if got := RandomizedSVDMemoryBytes(tc.rows, tc.cols, tc.nnz, tc.k, tc.oversample); got != tc.want {
			t.Errorf("%s: got %d, want %d", tc.name, got, tc.want)
		}
	}
	// Monotone in every argument that grows the work.
	base := RandomizedSVDMemoryBytes(5000, 5000, 1e6, 300, 0)
	for _, more := range []int64{
		RandomizedSVDMemoryBytes(6000, 5000, 1e6, 300, 0),
		RandomizedSVDMemoryBytes(5000, 5000, 2e6, 300, 0),
		RandomizedSVDMemoryBytes(5000, 5000, 1e6, 400, 0),
	} {
		if more <= base {
			t.Errorf("estimate %d not above %d for a larger job", more, base)
		}
	}
}

// TestLanczosMemoryBytes compares the estimate with the bytes LanczosSVD
// allocates in a case that converges without a restart (the basis spans
// the whole space), where everything allocated is alive at the end, and
// with a wide matrix, whose transpose is counted.
func TestLanczosMemoryBytes(t *testing.T) {
	tests := []struct {
		name        string
		rows, cols  int
		k, basis    int
		wantRestart bool
	}{
		{"tall, one cycle", 900, 300, 50, 300, false},
		{"wide, one cycle", 300, 900, 50, 300, false},
		{"tall, restarts", 900, 600, 60, 80, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := Weight(countLike(tc.rows, tc.cols, 20, 4), PPMI, 0)
			restarts := 0
			opt := LanczosOptions{K: tc.k, Basis: tc.basis, Seed: 1, Workers: 2, Progress: func(int, int) { restarts++ }}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			if _, err := LanczosSVD(context.Background(), m, opt); err != nil {
				t.Fatal(err)
			}
			runtime.ReadMemStats(&after)
			got := int64(after.TotalAlloc - before.TotalAlloc)
			est := LanczosMemoryBytes(tc.rows, tc.cols, m.NNZ(), tc.k, tc.basis, 2)
			t.Logf("allocated %d B over %d cycles, estimate %d B (%.2f×)", got, restarts, est, float64(est)/float64(got))
			if (restarts > 1) != tc.wantRestart {
				t.Fatalf("%d cycles; the case is meant to restart: %v", restarts, tc.wantRestart)
			}
			if !tc.wantRestart && est < got {
				t.Errorf("estimate %d B is below the %d B allocated", est, got)
			}
			if tc.wantRestart {
				// Each restart's temporaries are garbage by the next one:
				// the peak is below the allocation total, but the estimate
				// must still cover one cycle's worth.
				perCycle := got / int64(restarts)
				if est < perCycle {
					t.Errorf("estimate %d B is below one cycle's %d B", est, perCycle)
				}
			}
			if est > 3*got && !tc.wantRestart {
				t.Errorf("estimate %d B is over 3× the %d B allocated", est, got)
			}
		})
	}
}
