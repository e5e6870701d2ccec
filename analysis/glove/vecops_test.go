package glove

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLaneKernelsMatchFloat64 checks the Go definitions of the arithmetic,
// dotLanesGo and adagradGo, against plain float64 arithmetic to float32
// accuracy, including components that hit the clip.
func TestLaneKernelsMatchFloat64(t *testing.T) {
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
			got := dotLanesGo(a, b)
			var exact float64
			for k := range a {
				exact += float64(a[k]) * float64(b[k])
			}
			if math.Abs(float64(got)-exact) > 1e-5*float64(n) {
				t.Fatalf("n=%d: lane dot %v, float64 dot %v", n, got, exact)
			}

			fdiff := float32(rng.NormFloat64() * 50) // large enough to clip sometimes
			eta, clip := float32(0.05), float32(1+trial%5)
			gi, gj := vec(10, 6), vec(10, 6) // accumulators ≥ 1
			w := [][]float32{slices.Clone(a), slices.Clone(b), slices.Clone(gi), slices.Clone(gj)}
			adagradGo(w[0], w[1], w[2], w[3], fdiff, eta, clip)
			clipTo := func(x float64) float64 { return math.Max(-float64(clip), math.Min(float64(clip), x)) }
			for k := range n {
				t1 := float64(eta) * clipTo(float64(fdiff)*float64(b[k]))
				t2 := float64(eta) * clipTo(float64(fdiff)*float64(a[k]))
				checks := []struct {
					name      string
					got, want float64
				}{
					{"w_i", float64(w[0][k]), float64(a[k]) - t1/math.Sqrt(float64(gi[k]))},
					{"w_j", float64(w[1][k]), float64(b[k]) - t2/math.Sqrt(float64(gj[k]))},
					{"G_i", float64(w[2][k]), float64(gi[k]) + t1*t1},
					{"G_j", float64(w[3][k]), float64(gj[k]) + t2*t2},
				}
				for _, c := range checks {
					if math.Abs(c.got-c.want) > 1e-6*(1+math.Abs(c.want)) {
						t.Fatalf("n=%d component %d: %s = %v, want %v", n, k, c.name, c.got, c.want)
					}
				}
			}
		}
	}
}

// TestTrainBlockAVX2MatchesGo checks that the assembly step gives
// bit-identical parameters, cost and count to trainBlockGo, for
// dimensions with and without a tail beyond the eight-lane groups, with
// gradients that hit the clip, and with a nonzero whose residual is
// infinite (the block stops there, before updating it).
func TestTrainBlockAVX2MatchesGo(t *testing.T) {
	if !hasAVX2 {
		t.Skip("needs an amd64 CPU with AVX2; trainBlockGo is the only kernel here")
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for _, d := range []int{1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 19, 24, 50, 64, 100, 301} {
		for trial := range 6 {
			const vocab = 40
			lay := newLayout(d)
			params := make([]float32, 2*vocab*lay.stride)
			for r := range 2 * vocab {
				row := params[r*lay.stride:]
				for k := 0; k <= d; k++ {
					row[k] = float32(rng.NormFloat64())
				}
				for k := d + 1; k < 2*(d+1); k++ {
					row[k] = float32(1 + 10*rng.Float64())
				}
				for k := 2 * (d + 1); k < lay.stride; k++ {
					row[k] = float32(rng.NormFloat64()) // padding: must stay untouched
				}
			}
			ents := make([]entry, 200)
			for i := range ents {
				x := 1 + 300*rng.Float64()
				ents[i] = entry{row: uint32(rng.IntN(vocab)), ctx: uint32(vocab + rng.IntN(vocab)),
					logX: float32(math.Log(x)), weight: float32(weight(x, 100, 0.75))}
			}
			stop := -1
			if trial%3 == 2 {
				stop = rng.IntN(len(ents))
				ents[stop].logX = float32(math.Inf(-1)) // diff = +Inf
			}
			order := make([]uint16, len(ents))
			for i := range order {
				order[i] = uint16(i)
			}
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			steps := stepSizes{eta: 0.05, biasEta: float32(0.05 + float64(trial%2)), clip: float32(0.5 + float64(trial))}

			goParams := slices.Clone(params)
			gotCost, gotDone := trainBlockAVX2(params, ents, order, lay, steps)
			wantCost, wantDone := trainBlockGo(goParams, ents, order, lay, steps)
			if gotDone != wantDone || math.Float64bits(gotCost) != math.Float64bits(wantCost) {
				t.Fatalf("d=%d trial %d: AVX2 cost %v after %d nonzeros, Go %v after %d", d, trial, gotCost, gotDone, wantCost, wantDone)
			}
			if stop >= 0 && wantDone != slices.Index(order, uint16(stop)) {
				t.Fatalf("d=%d trial %d: stopped after %d nonzeros, want at the infinite one, %d", d, trial, wantDone, slices.Index(order, uint16(stop)))
			}
			for i := range params {
				if math.Float32bits(params[i]) != math.Float32bits(goParams[i]) {
					t.Fatalf("d=%d trial %d: parameter %d (row %d, component %d) = %v, Go %v",
						d, trial, i, i/lay.stride, i%lay.stride, params[i], goParams[i])
				}
			}
		}
	}
}
