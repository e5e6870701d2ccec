package project

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// Engine names a t-SNE implementation.
type Engine string

const (
	EngineAuto      Engine = "auto"
	EngineBarnesHut Engine = "barnes-hut"
	EngineExact     Engine = "exact"
)

// AutoExactMax is the largest n for which EngineAuto uses the exact
// engine: go-tsne allocates about a dozen dense n×n matrices per iteration;
// 1,000 iterations took 3.6 s at n = 200 and 25 s at n = 500 on the
// project's 2-core machine, against 0.4 s and 0.9 s for Barnes–Hut.
const AutoExactMax = 200

// ExactMax is the largest n the exact engine accepts (its memory is about
// 12 n² float64 per iteration).
const ExactMax = 3000

// Init selects the initial map of t-SNE.
type Init int

const (
	InitPCA    Init = iota // PCA scores scaled to std 1e-4 on the first axis
	InitRandom             // seeded Gaussian noise with std 1e-4
)

var (
	// ErrPerplexityTooLarge reports a perplexity not below n − 1.
	ErrPerplexityTooLarge = errors.New("perplexity must be smaller than the number of points minus one")
	// ErrTooManyPointsExact reports an exact-engine run above ExactMax.
	ErrTooManyPointsExact = errors.New("too many points for the exact t-SNE engine")
	// ErrUnknownMethod reports a method or engine name that is not known.
	ErrUnknownMethod = errors.New("unknown projection method or engine")
)

// TSNEOptions configures TSNE. Zero values select the defaults.
type TSNEOptions struct {
	Perplexity        float64 // default 30
	Iterations        int     // total iterations including early exaggeration (default 1000)
	Exaggeration      float64 // default 12
	ExaggerationIters int     // default 250
	LearningRate      float64 // default max(n/Exaggeration/4, 50)
	// Theta is the Barnes–Hut accuracy (default 0.5); a negative value
	// means θ = 0, the exact O(n²) repulsion.
	Theta   float64
	Engine  Engine // default EngineAuto
	Init    Init
	Seed    uint64
	Workers int // goroutines (default 2)
	// Progress, if set, is called after every iteration with the number
	// done and the total. It must not block.
	Progress func(done, total int)
}

func (o TSNEOptions) withDefaults(n int) TSNEOptions {
	if o.Perplexity == 0 {
		o.Perplexity = 30
	}
	if o.Iterations == 0 {
		o.Iterations = 1000
	}
	if o.Exaggeration == 0 {
		o.Exaggeration = 12
	}
	if o.ExaggerationIters == 0 {
		o.ExaggerationIters = 250
	}
	if o.LearningRate == 0 {
		o.LearningRate = math.Max(float64(n)/o.Exaggeration/4, 50)
	}
	if o.Theta == 0 {
		o.Theta = 0.5
	} else if o.Theta < 0 {
		o.Theta = 0
	}
	if o.Engine == "" {
		o.Engine = EngineAuto
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	return o
}

// TSNEResult is a t-SNE map.
type TSNEResult struct {
	Points     []float64 // n×2 row-major
	Engine     Engine    // the engine actually used
	KL         float64   // final KL(P‖Q), exact Z, with the engine's P
	Iterations int
}

// TSNE embeds the n×d float32 row-major data in 2-D. It panics if
// len(data) != n·d.
func TSNE(ctx context.Context, data []float32, n, d int, opt TSNEOptions) (*TSNEResult, error) {
	if len(data) != n*d {
		panic(fmt.Sprintf("project: data length %d is not %d×%d", len(data), n, d))
	}
	opt = opt.withDefaults(n)
	if n < 4 {
		return nil, fmt.Errorf("%w: t-SNE of %d points", ErrTooFewPoints, n)
	}
	if opt.Perplexity >= float64(n-1) {
		return nil, fmt.Errorf("%w: perplexity %g with %d points", ErrPerplexityTooLarge, opt.Perplexity, n)
	}
	engine := opt.Engine
	switch engine {
	case EngineAuto:
		engine = EngineBarnesHut
		if n <= AutoExactMax {
			engine = EngineExact
		}
	case EngineBarnesHut, EngineExact:
	default:
		return nil, fmt.Errorf("%w: engine %q", ErrUnknownMethod, engine)
	}
	if engine == EngineExact && n > ExactMax {
		return nil, fmt.Errorf("%w: %d points, at most %d", ErrTooManyPointsExact, n, ExactMax)
	}
	y0, err := initialMap(ctx, data, n, d, opt)
	if err != nil {
		return nil, err
	}
	if engine == EngineExact {
		return exactTSNE(ctx, data, n, d, y0, opt)
	}
	p, err := sparseAffinities(ctx, data, n, d, opt.Perplexity, opt.Workers)
	if err != nil {
		return nil, err
	}
	return barnesHutTSNE(ctx, p, y0, opt)
}

// initialMap returns the n×2 starting map.
func initialMap(ctx context.Context, data []float32, n, d int, opt TSNEOptions) ([]float64, error) {
	y := make([]float64, 2*n)
	if opt.Init == InitRandom {
		rng := rand.New(rand.NewPCG(opt.Seed, 0x75e))
		for i := range y {
			y[i] = 1e-4 * rng.NormFloat64()
		}
		return y, nil
	}
	pca, err := PCA(ctx, data, n, d, PCAOptions{Components: 2, Workers: opt.Workers})
	if err != nil {
		return nil, err
	}
	copy(y, pca.Points)
	if pca.Components < 2 { // d == 1
		for i := 0; i < n; i++ {
			y[2*i], y[2*i+1] = pca.Points[i], 0
		}
	}
	var mean, sq float64
	for i := 0; i < n; i++ {
		mean += y[2*i]
	}
	mean /= float64(n)
	for i := 0; i < n; i++ {
		sq += (y[2*i] - mean) * (y[2*i] - mean)
	}
	std := math.Sqrt(sq / float64(n))
	if std == 0 {
		std = 1
	}
	for i := range y {
		y[i] *= 1e-4 / std
	}
	return y, nil
}

// sparseAffinities returns the symmetric joint probabilities P over the
// k = min(n−1, ⌊3·perplexity⌋+1) nearest neighbours of each point.
func sparseAffinities(ctx context.Context, data []float32, n, d int, perplexity float64, workers int) (*spectrum.CSR, error) {
	k := min(n-1, int(3*perplexity)+1)
	nbr, dist, err := exactNeighbours(ctx, data, n, d, k, workers)
	if err != nil {
		return nil, err
	}
	// Each row's binary search is independent: calibrate them on the same
	// workers as the neighbour search did (rows interleaved).
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				calibrateRow(dist[i*k:(i+1)*k], perplexity)
			}
		})
	}
	wg.Wait()
	ts := make([]spectrum.Triplet, 0, 2*n*k)
	for i := 0; i < n; i++ {
		for a := 0; a < k; a++ {
			p := dist[i*k+a]
			j := nbr[i*k+a]
			ts = append(ts, spectrum.Triplet{Row: int32(i), Col: j, Value: p}, spectrum.Triplet{Row: j, Col: int32(i), Value: p})
		}
	}
	p, err := spectrum.FromTriplets(n, n, ts)
	if err != nil {
		return nil, err
	}
	var sum float64
	for _, v := range p.Vals {
		sum += v
	}
	for t := range p.Vals {
		p.Vals[t] /= sum
	}
	return p, nil
}

// calibrateRow replaces the squared distances of one point's neighbours
// by the conditional probabilities p_j|i whose entropy is ln(perplexity),
// found by binary search on the precision β (tolerance 1e-5 nats, at most
// 100 steps).
func calibrateRow(d2 []float64, perplexity float64) {
	target := math.Log(perplexity)
	beta, lo, hi := 1.0, math.Inf(-1), math.Inf(1)
	// Shift by the smallest distance for numerical range; it cancels.
	dmin := d2[0]
	for _, v := range d2 {
		dmin = math.Min(dmin, v)
	}
	p := make([]float64, len(d2))
	for step := 0; step < 100; step++ {
		var sum, sumDP float64
		for j, v := range d2 {
			p[j] = math.Exp(-(v - dmin) * beta)
			sum += p[j]
			sumDP += (v - dmin) * p[j]
		}
		h := math.Log(sum) + beta*sumDP/sum
		diff := h - target
		if math.Abs(diff) < 1e-5 {
			break
		}
		if diff > 0 {
			lo = beta
			if math.IsInf(hi, 1) {
				beta *= 2
			} else {
				beta = (beta + hi) / 2
			}
		} else {
			hi = beta
			if math.IsInf(lo, -1) {
				beta /= 2
			} else {
				beta = (beta + lo) / 2
			}
		}
	}
	var sum float64
	for j, v := range d2 {
		p[j] = math.Exp(-(v - dmin) * beta)
		sum += p[j]
	}
	for j := range d2 {
		d2[j] = p[j] / sum
	}
}

// optimiser holds the gradient-descent state shared by both engines.
type optimiser struct {
	opt    TSNEOptions
	update []float64
	gains  []float64
}

func newOptimiser(n int, opt TSNEOptions) *optimiser {
	o := &optimiser{opt: opt, update: make([]float64, 2*n), gains: make([]float64, 2*n)}
	for i := range o.gains {
		o.gains[i] = 1
	}
	return o
}

// step applies one momentum/gains update of y for gradient grad at
// iteration it (0-based).
func (o *optimiser) step(y, grad []float64, it int) {
	momentum := 0.8
	if it < o.opt.ExaggerationIters {
		momentum = 0.5
	}
	for i, g := range grad {
		if (g > 0) != (o.update[i] > 0) {
			o.gains[i] += 0.2
		} else {
			o.gains[i] *= 0.8
		}
		o.gains[i] = math.Max(o.gains[i], 0.01)
		o.update[i] = momentum*o.update[i] - o.opt.LearningRate*o.gains[i]*g
		y[i] += o.update[i]
	}
}

// klDivergence returns KL(P‖Q) for the sparse P and map y with the exact
// normalisation Z = Σ_{i≠j} (1 + ‖y_i − y_j‖²)⁻¹.
func klDivergence(p *spectrum.CSR, y []float64, workers int) float64 {
	z := exactZ(y, workers)
	var kl float64
	for i := 0; i < p.Rows; i++ {
		for t := p.RowPtr[i]; t < p.RowPtr[i+1]; t++ {
			j := p.ColIdx[t]
			dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
			q := 1 / (1 + dx*dx + dy*dy) / z
			if pv := p.Vals[t]; pv > 0 {
				kl += pv * math.Log(pv/math.Max(q, 1e-300))
			}
		}
	}
	return kl
}

func exactZ(y []float64, workers int) float64 {
	n := len(y) / 2
	parts := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var s float64
			for i := w; i < n; i += workers {
				for j := 0; j < n; j++ {
					if j != i {
						dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
						s += 1 / (1 + dx*dx + dy*dy)
					}
				}
			}
			parts[w] = s
		}(w)
	}
	wg.Wait()
	var z float64
	for _, s := range parts {
		z += s
	}
	return z
}

// TSNEMemoryBytes estimates the memory (bytes) of a t-SNE run on n points
// of dimension d with the given perplexity and engine (EngineAuto picks as
// TSNE does): the exact engine keeps about five n×n float64 matrices
// (distances, P, Q and its numerators, and go-tsne's scratch); Barnes-Hut
// keeps k = min(n−1, ⌊3·perplexity⌋+1) neighbours a point, twice over
// once P is symmetrised, plus a quadtree of about 4n nodes. Both hold the
// input as float64. Callers use it to refuse a map before starting it.
func TSNEMemoryBytes(n, d int, perplexity float64, engine Engine) int64 {
	if engine == EngineAuto || engine == "" {
		engine = EngineBarnesHut
		if n <= AutoExactMax {
			engine = EngineExact
		}
	}
	nn := int64(n)
	input := nn * int64(d) * 8
	if engine == EngineExact {
		return input + 5*nn*nn*8
	}
	k := int64(min(n-1, int(3*perplexity)+1))
	affinities := 2 * nn * k * (8 + 4 + 8) // neighbour lists, then the symmetric CSR
	tree := 4 * nn * 64
	optimiser := 4 * nn * 2 * 8 // map, gradient, update, gains
	return input + affinities + tree + optimiser
}
