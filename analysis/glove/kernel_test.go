package glove

import (
	"math"
	"math/rand/v2"
	"testing"
)

// entryCost is ½ f·diff² for one nonzero, in float64, from a float64 copy
// of the parameters laid out as lay describes.
func entryCost(p []float64, lay layout, e entry) float64 {
	d := lay.dim
	wi := p[int(e.row)*lay.stride:]
	wj := p[int(e.ctx)*lay.stride:]
	diff := wi[d] + wj[d] - float64(e.logX)
	for k := range d {
		diff += wi[k] * wj[k]
	}
	return 0.5 * float64(e.weight) * diff * diff
}

// TestTrainBlockFollowsTheGradient checks the update of trainBlock
// against central finite differences of ½ f·diff²: with all AdaGrad
// accumulators at 1 and no clipping, one step moves every parameter by
// exactly −η·∂cost/∂θ, and each accumulator grows by the squared step.
func TestTrainBlockFollowsTheGradient(t *testing.T) {
	tests := []struct {
		name      string
		dim       int
		x         float64 // the co-occurrence count
		alpha     float64
		eta, beta float32
	}{
		{"below x_max", 5, 3, 0.75, 0.05, 0.05},
		{"above x_max", 7, 250, 0.75, 0.01, 0.02},
		{"alpha 1, Stanford bias step", 4, 40, 1, 0.05, 1},
		{"d=1", 1, 12, 0.5, 0.1, 0.1},
		{"d=16, all in 8-wide lanes", 16, 5, 0.75, 0.05, 1},
		{"d=19, lanes and a tail", 19, 80, 0.75, 0.02, 0.05},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			const vocab = 3
			lay := newLayout(tc.dim)
			rng := rand.New(rand.NewPCG(7, uint64(tc.dim)))
			params := make([]float32, 2*vocab*lay.stride)
			for r := range 2 * vocab {
				row := params[r*lay.stride:]
				for k := 0; k <= tc.dim; k++ {
					row[k] = float32(rng.Float64() - 0.5)
				}
				for k := tc.dim + 1; k < 2*(tc.dim+1); k++ {
					row[k] = 1
				}
			}
			e := entry{row: 1, ctx: vocab + 2, logX: float32(math.Log(tc.x)), weight: float32(weight(tc.x, 100, tc.alpha))}

			before := make([]float64, len(params))
			for i, v := range params {
				before[i] = float64(v)
			}
			wantCost := entryCost(before, lay, e)
			cost, done := trainBlock(params, []entry{e}, []uint16{0}, lay, stepSizes{eta: tc.eta, biasEta: tc.beta, clip: 1e30})
			if done != 1 {
				t.Fatalf("trainBlock did %d nonzeros, want 1", done)
			}
			if math.Abs(cost-wantCost) > 1e-5*wantCost+1e-9 {
				t.Errorf("cost = %v, want ½ f diff² = %v", cost, wantCost)
			}

			const h = 1e-5
			check := func(name string, idx int, eta float32) {
				t.Helper()
				p := append([]float64(nil), before...)
				p[idx] = before[idx] + h
				up := entryCost(p, lay, e)
				p[idx] = before[idx] - h
				down := entryCost(p, lay, e)
				wantGrad := (up - down) / (2 * h)
				step := before[idx] - float64(params[idx])
				gotGrad := step / float64(eta)
				if math.Abs(gotGrad-wantGrad) > 1e-4+1e-3*math.Abs(wantGrad) {
					t.Errorf("%s: step/η = %.6g, finite-difference gradient %.6g", name, gotGrad, wantGrad)
				}
				acc := idx + tc.dim + 1 // the accumulator sits d+1 floats after its parameter
				wantAcc := 1 + step*step
				if got := float64(params[acc]); math.Abs(got-wantAcc) > 1e-6*wantAcc {
					t.Errorf("%s: accumulator = %.8g, want 1 + step² = %.8g", name, got, wantAcc)
				}
			}
			oi, oj := int(e.row)*lay.stride, int(e.ctx)*lay.stride
			for k := range tc.dim {
				check("w_i", oi+k, tc.eta)
				check("w̃_j", oj+k, tc.eta)
			}
			check("b_i", oi+tc.dim, tc.beta)
			check("b̃_j", oj+tc.dim, tc.beta)

			// Rows not involved in the nonzero must not move.
			for r := range 2 * vocab {
				if r == int(e.row) || r == int(e.ctx) {
					continue
				}
				for k := r * lay.stride; k < (r+1)*lay.stride; k++ {
					if float64(params[k]) != before[k] {
						t.Fatalf("row %d changed at %d: %v → %v", r, k, before[k], params[k])
					}
				}
			}
		})
	}
}

// TestTrainBlockClipsAndAdapts checks the clipped, AdaGrad-scaled vector
// step against a direct evaluation of the glove.c formula for a nonzero
// with a large residual and accumulators that are not 1.
func TestTrainBlockClipsAndAdapts(t *testing.T) {
	lay := newLayout(2)
	params := make([]float32, 2*1*lay.stride)
	wi, wj := params[0:], params[lay.stride:]
	copy(wi, []float32{3, -2, 0.5, 4, 9, 16}) // w, b, G_w, G_b
	copy(wj, []float32{1, 5, -0.5, 1, 25, 4})
	e := entry{row: 0, ctx: 1, logX: 0, weight: 1}
	const eta, clip = 0.1, 2
	// diff = 3·1 + (−2)·5 + 0.5 − 0.5 − 0 = −7; fdiff = −7.
	fdiff := -7.0
	clipTo := func(v float64) float64 { return math.Max(-clip, math.Min(clip, v)) }
	want := map[int]float64{
		0:              3 - eta*clipTo(fdiff*1)/math.Sqrt(4),
		1:              -2 - eta*clipTo(fdiff*5)/math.Sqrt(9),
		lay.stride:     1 - eta*clipTo(fdiff*3)/math.Sqrt(1),
		lay.stride + 1: 5 - eta*clipTo(fdiff*-2)/math.Sqrt(25),
		2:              0.5 - 1*fdiff/math.Sqrt(16), // bias: η_b = 1, no clip
		lay.stride + 2: -0.5 - 1*fdiff/math.Sqrt(4),
	}
	cost, _ := trainBlock(params, []entry{e}, []uint16{0}, lay, stepSizes{eta: eta, biasEta: 1, clip: clip})
	if want := 0.5 * 49; math.Abs(cost-want) > 1e-9 {
		t.Errorf("cost = %v, want %v", cost, want)
	}
	for idx, w := range want {
		if got := float64(params[idx]); math.Abs(got-w) > 1e-6 {
			t.Errorf("params[%d] = %.7g, want %.7g", idx, got, w)
		}
	}
}

func TestTrainBlockStopsOnNonFiniteResidual(t *testing.T) {
	lay := newLayout(2)
	params := make([]float32, 2*2*lay.stride)
	for i := range params {
		params[i] = 1
	}
	params[1*lay.stride] = float32(math.Inf(1)) // w_1 is infinite
	ents := []entry{{row: 0, ctx: 2, weight: 1}, {row: 1, ctx: 3, weight: 1}, {row: 0, ctx: 3, weight: 1}}
	_, done := trainBlock(params, ents, []uint16{0, 1, 2}, lay, stepSizes{eta: 0.05, biasEta: 1, clip: 100})
	if done != 1 {
		t.Fatalf("done = %d, want 1 (stop at the nonzero whose residual is infinite)", done)
	}
}

func TestLayoutRowsAreWholeCacheLines(t *testing.T) {
	for _, d := range []int{1, 7, 50, 100, 300} {
		lay := newLayout(d)
		if lay.stride < 2*(d+1) || lay.stride%16 != 0 || lay.stride >= 2*(d+1)+16 {
			t.Errorf("d=%d: stride %d, want the smallest multiple of 16 ≥ %d", d, lay.stride, 2*(d+1))
		}
	}
}
