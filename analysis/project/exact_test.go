package project

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/danaugrs/go-tsne/tsne"
	"gonum.org/v1/gonum/mat"
)

// TestGoTSNEGradientOracle checks the trick exactTSNE relies on: after
// resetAccumulator and with learning rate 1, one go-tsne iteration moves Y
// by exactly the KL gradient 4 Σ_j (p_ij − q_ij)(1 + d_ij²)⁻¹ (y_i − y_j)
// for its P.
func TestGoTSNEGradientOracle(t *testing.T) {
	g := loadGlove(t, 40)
	n := len(g.words)
	x := mat.NewDense(n, g.dim, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < g.dim; j++ {
			x.Set(i, j, float64(g.data[i*g.dim+j]))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	y := make([]float64, 2*n)
	for i := range y {
		y[i] = rng.NormFloat64()
	}
	centre(y)
	engine := tsne.NewTSNE(2, 10, 1, 2, false)
	var moved []float64
	engine.EmbedData(x, func(iter int, _ float64, emb mat.Matrix) bool {
		raw := emb.(*mat.Dense).RawMatrix()
		if iter == 0 {
			resetAccumulator(engine)
			for i := range y {
				raw.Data[(i/2)*raw.Stride+i%2] = y[i]
			}
			return false
		}
		for i := range y {
			moved = append(moved, y[i]-raw.Data[(i/2)*raw.Stride+i%2])
		}
		return true
	})
	var z float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
				z += 1 / (1 + dx*dx + dy*dy)
			}
		}
	}
	for i := 0; i < n; i++ {
		var gx, gy float64
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
			w := 1 / (1 + dx*dx + dy*dy)
			q := math.Max(w/z, 1e-12) // go-tsne floors Q like P
			m := 4 * (engine.P.At(i, j) - q) * w
			gx += m * dx
			gy += m * dy
		}
		if math.Abs(moved[2*i]-gx) > 1e-12 || math.Abs(moved[2*i+1]-gy) > 1e-12 {
			t.Fatalf("point %d: library moved by (%g, %g), gradient is (%g, %g)", i, moved[2*i], moved[2*i+1], gx, gy)
		}
	}
}
