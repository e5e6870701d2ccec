package project

import (
	"context"
	"math"
	"reflect"
	"unsafe"

	"github.com/danaugrs/go-tsne/tsne"
	"gonum.org/v1/gonum/mat"
)

// exactTSNE runs go-tsne as an exact-gradient oracle driven by our
// optimiser; see "go-tsne's quirks and reproducibility" in the package
// documentation for why each of the steps below exists.
func exactTSNE(ctx context.Context, data []float32, n, d int, y0 []float64, opt TSNEOptions) (*TSNEResult, error) {
	x := mat.NewDense(n, d, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			x.Set(i, j, float64(data[i*d+j]))
		}
	}
	// Learning rate 1: each library step moves Y by exactly its
	// accumulated gradient. One warm-up iteration discards its random start.
	const warmup = 1
	engine := tsne.NewTSNE(2, opt.Perplexity, 1, opt.Iterations+warmup, false)
	o := newOptimiser(n, opt)
	y := append([]float64(nil), y0...)
	centre(y)
	grad := make([]float64, 2*n)
	var original *mat.Dense
	var stopErr error
	done := 0
	engine.EmbedData(x, func(iter int, _ float64, emb mat.Matrix) bool {
		raw := emb.(*mat.Dense).RawMatrix()
		at := func(i int) *float64 { return &raw.Data[(i/2)*raw.Stride+i%2] }
		if iter >= warmup {
			// The library moved Y from y by its accumulator, which
			// resetAccumulator emptied before this iteration: the move is
			// this iteration's gradient (plus the re-centring shift, ~0
			// because y is centred and gradients sum to zero).
			for i := 0; i < 2*n; i++ {
				grad[i] = y[i] - *at(i)
			}
			it := iter - warmup
			o.step(y, grad, it)
			centre(y)
			if it+1 == opt.ExaggerationIters {
				engine.P.Copy(original)
			}
			done = it + 1
			if opt.Progress != nil {
				opt.Progress(done, opt.Iterations)
			}
		} else {
			original = mat.DenseCopyOf(engine.P)
			engine.P.Scale(opt.Exaggeration, original)
		}
		if err := ctx.Err(); err != nil {
			stopErr = err
			return true
		}
		if done == opt.Iterations {
			return true
		}
		resetAccumulator(engine)
		for i := 0; i < 2*n; i++ {
			*at(i) = y[i]
		}
		return false
	})
	if stopErr != nil {
		return nil, stopErr
	}
	if original == nil {
		original = engine.P
	}
	return &TSNEResult{Points: y, Engine: EngineExact, KL: denseKL(original, y), Iterations: done}, nil
}

// resetAccumulator zeroes go-tsne's unexported gradient accumulator
// (TSNE.dCdY, *mat.Dense, never reset by the library itself). It reaches
// the field by reflection; the field's name and type are those of the
// version pinned in go.mod, and it panics if they change, which the tests
// would catch.
func resetAccumulator(t *tsne.TSNE) {
	f := reflect.ValueOf(t).Elem().FieldByName("dCdY")
	if !f.IsValid() || f.Type() != reflect.TypeFor[*mat.Dense]() {
		panic("project: go-tsne no longer has a dCdY *mat.Dense field; update exact.go")
	}
	acc := *(**mat.Dense)(unsafe.Pointer(f.UnsafeAddr()))
	acc.Zero()
}

// centre subtracts the mean of each coordinate of the n×2 map y.
func centre(y []float64) {
	n := len(y) / 2
	var mx, my float64
	for i := 0; i < n; i++ {
		mx += y[2*i]
		my += y[2*i+1]
	}
	mx /= float64(n)
	my /= float64(n)
	for i := 0; i < n; i++ {
		y[2*i] -= mx
		y[2*i+1] -= my
	}
}

// denseKL is KL(P‖Q) over all ordered pairs i ≠ j for a dense P.
func denseKL(p *mat.Dense, y []float64) float64 {
	n := len(y) / 2
	z := exactZ(y, 1)
	var kl float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			pv := p.At(i, j)
			dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
			q := 1 / (1 + dx*dx + dy*dy) / z
			kl += pv * math.Log(pv/q)
		}
	}
	return kl
}
