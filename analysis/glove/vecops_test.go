package glove

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestLaneKernelsMatchGo checks that dotLanes and adagradLanes (AVX2 on
// machines that have it) give bit-identical results to their Go
// definitions, including components that hit the clip, and that the Go
// definitions agree with plain float64 arithmetic to float32 accuracy.
func TestLaneKernelsMatchGo(t *testing.T) {
	t.Logf("AVX2 kernels in use: %v", hasAVX2)
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{8, 16, 48, 96, 296} {
		for trial := range 20 {
			vec := func(scale float64, offset float64) []float32 {
				v := make([]float32, n)
				for k := range v {
					v[k] = float32(offset + scale*(rng.Float64()-0.5))
				}
				return v
			}
			a, b := vec(2, 0), vec(2, 0)
			got, want := dotLanes(a, b), dotLanesGo(a, b)
			if math.Float32bits(got) != math.Float32bits(want) {
				t.Fatalf("n=%d: dotLanes = %v, Go lanes = %v", n, got, want)
			}
			var exact float64
			for k := range a {
				exact += float64(a[k]) * float64(b[k])
			}
			if math.Abs(float64(want)-exact) > 1e-5*float64(n) {
				t.Fatalf("n=%d: lane dot %v, float64 dot %v", n, want, exact)
			}

			fdiff := float32(rng.NormFloat64() * 50) // large enough to clip sometimes
			eta, clip := float32(0.05), float32(1+trial%5)
			gi, gj := vec(10, 6), vec(10, 6) // accumulators ≥ 1
			w1 := [][]float32{append([]float32(nil), a...), append([]float32(nil), b...), append([]float32(nil), gi...), append([]float32(nil), gj...)}
			w2 := [][]float32{append([]float32(nil), a...), append([]float32(nil), b...), append([]float32(nil), gi...), append([]float32(nil), gj...)}
			adagradLanes(w1[0], w1[1], w1[2], w1[3], fdiff, eta, clip)
			adagradGo(w2[0], w2[1], w2[2], w2[3], fdiff, eta, clip)
			for s := range w1 {
				for k := range w1[s] {
					if math.Float32bits(w1[s][k]) != math.Float32bits(w2[s][k]) {
						t.Fatalf("n=%d slice %d component %d: lanes %v, Go %v", n, s, k, w1[s][k], w2[s][k])
					}
				}
			}
			// The Go definition against glove.c's formula in float64.
			for k := range n {
				clipTo := func(x float64) float64 { return math.Max(-float64(clip), math.Min(float64(clip), x)) }
				t1 := float64(eta) * clipTo(float64(fdiff)*float64(b[k]))
				wantW := float64(a[k]) - t1/math.Sqrt(float64(gi[k]))
				if math.Abs(float64(w2[0][k])-wantW) > 1e-6*(1+math.Abs(wantW)) {
					t.Fatalf("n=%d component %d: w_i = %v, want %v", n, k, w2[0][k], wantW)
				}
				if wantG := float64(gi[k]) + t1*t1; math.Abs(float64(w2[2][k])-wantG) > 1e-6*wantG {
					t.Fatalf("n=%d component %d: G_i = %v, want %v", n, k, w2[2][k], wantG)
				}
			}
		}
	}
}
