package project

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// MethodUMAP is the UMAP map of UMAP.
const MethodUMAP = "umap"

// UMAPExactNeighborsMax is the largest map whose neighbour graph is found
// exactly (brute force, O(n²·d)); larger maps use NN-descent.
const UMAPExactNeighborsMax = 20_000

// ErrBadUMAPOptions reports a UMAP parameter outside its range.
var ErrBadUMAPOptions = errors.New("invalid UMAP parameters")

// UMAPOptions configures UMAP. Zero values select the defaults.
type UMAPOptions struct {
	// Neighbors is the size of each point's neighbourhood, the point
	// itself included, as in umap-learn and umap-js (default 15, at least
	// 2, at most n).
	Neighbors int
	// MinDist is how tightly points may pack in the map (default 0.1,
	// 0 ≤ MinDist ≤ Spread).
	MinDist float64
	// Spread is the scale of the map's distances (default 1).
	Spread float64
	// Epochs of stochastic gradient descent (default 500 for n ≤ 10,000,
	// else 200, as umap-learn).
	Epochs int
	// NegativeSampleRate is the number of repulsive samples per attractive
	// one (default 5); Repulsion weighs them (γ, default 1).
	NegativeSampleRate int
	Repulsion          float64
	// LearningRate is the initial step (default 1), decayed linearly.
	LearningRate float64
	Seed         uint64
	Workers      int // goroutines for the neighbour search (default 2)
	// Progress, if set, is called after every epoch with the number done
	// and the total. It must not block.
	Progress func(done, total int)
}

func (o UMAPOptions) withDefaults(n int) (UMAPOptions, error) {
	if o.Neighbors == 0 {
		o.Neighbors = 15
	}
	if o.Spread == 0 {
		o.Spread = 1
	}
	if o.MinDist == 0 {
		o.MinDist = 0.1
	} else if o.MinDist < 0 {
		o.MinDist = 0
	}
	if o.Epochs == 0 {
		o.Epochs = 500
		if n > 10_000 {
			o.Epochs = 200
		}
	}
	if o.NegativeSampleRate == 0 {
		o.NegativeSampleRate = 5
	}
	if o.Repulsion == 0 {
		o.Repulsion = 1
	}
	if o.LearningRate == 0 {
		o.LearningRate = 1
	}
	if o.Workers <= 0 {
		o.Workers = 2
	}
	switch {
	case o.Neighbors < 2 || o.Neighbors > n:
		return o, fmt.Errorf("%w: %d neighbours for %d points (want 2 to %d)", ErrBadUMAPOptions, o.Neighbors, n, n)
	case !(o.Spread > 0) || math.IsInf(o.Spread, 0):
		return o, fmt.Errorf("%w: spread %g must be a positive number", ErrBadUMAPOptions, o.Spread)
	case !(o.MinDist <= o.Spread):
		return o, fmt.Errorf("%w: min-dist %g must be between 0 and the spread %g", ErrBadUMAPOptions, o.MinDist, o.Spread)
	case o.Epochs < 1 || o.NegativeSampleRate < 0 || !(o.Repulsion >= 0) || !(o.LearningRate > 0):
		return o, fmt.Errorf("%w: epochs %d, negative sample rate %d, repulsion %g, learning rate %g",
			ErrBadUMAPOptions, o.Epochs, o.NegativeSampleRate, o.Repulsion, o.LearningRate)
	}
	return o, nil
}

// UMAPResult is a UMAP map.
type UMAPResult struct {
	Points []float64 // n×2 row-major
	// A and B are the parameters of the map's similarity curve
	// 1/(1 + a·d^{2b}) fitted to MinDist and Spread.
	A, B float64
	// Init is "spectral", or "random" when the spectral initialisation
	// did not converge (then the map starts from seeded noise).
	Init   string
	Epochs int
}

// UMAP embeds the n×d float32 row-major data in 2-D (McInnes, Healy &
// Melville 2018); see the package documentation. It panics if len(data)
// != n·d.
func UMAP(ctx context.Context, data []float32, n, d int, opt UMAPOptions) (*UMAPResult, error) {
	if len(data) != n*d {
		panic(fmt.Sprintf("project: data length %d is not %d×%d", len(data), n, d))
	}
	if n < 4 {
		return nil, fmt.Errorf("%w: UMAP of %d points", ErrTooFewPoints, n)
	}
	opt, err := opt.withDefaults(n)
	if err != nil {
		return nil, err
	}
	graph, err := fuzzyGraph(ctx, data, n, d, opt)
	if err != nil {
		return nil, err
	}
	a, b := fitCurve(opt.MinDist, opt.Spread)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x554d4150)) // "UMAP"
	y, init, err := spectralInit(ctx, graph, rng)
	if err != nil {
		return nil, err
	}
	if err := layout(ctx, graph, y, a, b, opt, rng); err != nil {
		return nil, err
	}
	return &UMAPResult{Points: y, A: a, B: b, Init: init, Epochs: opt.Epochs}, nil
}

// fuzzyGraph returns the symmetric fuzzy simplicial set of the data: for
// each point i with neighbours j (the point itself excluded), distance
// d_ij, ρ_i the distance to its nearest neighbour and σ_i chosen so that
// Σ_j exp(−max(0, d_ij − ρ_i)/σ_i) = log₂(Neighbors), the membership
// w_ij = exp(−max(0, d_ij − ρ_i)/σ_i); then the fuzzy union
// P = W + Wᵀ − W∘Wᵀ.
func fuzzyGraph(ctx context.Context, data []float32, n, d int, opt UMAPOptions) (*spectrum.CSR, error) {
	k := opt.Neighbors - 1 // the point itself is the first of its Neighbors
	var nbr []int32
	var dist2 []float64
	var err error
	if n <= UMAPExactNeighborsMax {
		nbr, dist2, err = exactNeighbours(ctx, data, n, d, k, opt.Workers)
	} else {
		nbr, dist2, err = nnDescent(ctx, data, n, d, k, opt.Seed)
	}
	if err != nil {
		return nil, err
	}
	dist := make([]float64, len(dist2))
	var meanAll float64
	for t, v := range dist2 {
		dist[t] = math.Sqrt(v)
		meanAll += dist[t]
	}
	meanAll /= float64(len(dist))
	w := make([]spectrum.Triplet, 0, n*k)
	target := math.Log2(float64(opt.Neighbors))
	for i := 0; i < n; i++ {
		row := dist[i*k : (i+1)*k]
		rho, sigma := smoothDistances(row, target, meanAll)
		for a, j := range nbr[i*k : (i+1)*k] {
			v := 1.0
			if excess := row[a] - rho; excess > 0 && sigma > 0 {
				v = math.Exp(-excess / sigma)
			}
			w = append(w, spectrum.Triplet{Row: int32(i), Col: j, Value: v})
		}
	}
	// Fuzzy union: p_ij = w_ij + w_ji − w_ij·w_ji. Summing the triplets
	// of W and Wᵀ gives w_ij + w_ji; the product is subtracted through a
	// third set of triplets over the pairs present in both directions.
	directed := make(map[[2]int32]float64, len(w))
	for _, t := range w {
		directed[[2]int32{t.Row, t.Col}] = t.Value
	}
	ts := make([]spectrum.Triplet, 0, 3*len(w))
	for _, t := range w {
		ts = append(ts, t, spectrum.Triplet{Row: t.Col, Col: t.Row, Value: t.Value})
		if back, ok := directed[[2]int32{t.Col, t.Row}]; ok {
			ts = append(ts, spectrum.Triplet{Row: t.Row, Col: t.Col, Value: -t.Value * back})
		}
	}
	return spectrum.FromTriplets(n, n, ts)
}

// smoothDistances returns ρ (the smallest positive distance in row, the
// neighbour distances of one point, ascending) and σ, found by bisection
// (64 steps, tolerance 1e-5) so that Σ exp(−max(0, d − ρ)/σ) = target. σ
// is kept at least 1e-3 times the row's mean distance (or meanAll's when
// every distance is 0), as umap-learn does, so that duplicates do not
// give σ = 0.
func smoothDistances(row []float64, target, meanAll float64) (rho, sigma float64) {
	for _, v := range row {
		if v > 0 {
			rho = v
			break
		}
	}
	lo, hi, mid := 0.0, math.Inf(1), 1.0
	for range 64 {
		var sum float64
		for _, v := range row {
			if excess := v - rho; excess > 0 {
				sum += math.Exp(-excess / mid)
			} else {
				sum++
			}
		}
		if math.Abs(sum-target) < 1e-5 {
			break
		}
		if sum > target {
			hi = mid
			mid = (lo + hi) / 2
		} else {
			lo = mid
			if math.IsInf(hi, 1) {
				mid *= 2
			} else {
				mid = (lo + hi) / 2
			}
		}
	}
	var mean float64
	for _, v := range row {
		mean += v
	}
	mean /= float64(len(row))
	floor := 1e-3 * mean
	if rho == 0 {
		floor = 1e-3 * meanAll
	}
	return rho, math.Max(mid, floor)
}

// spectralInit returns the starting map: the eigenvectors of the second
// and third smallest eigenvalues of the normalised Laplacian
// L = I − D^{-1/2} P D^{-1/2}, found as the leading eigenvectors of the
// positive semi-definite M = I + D^{-1/2} P D^{-1/2} (eigenvalues in
// [0, 2]; the first belongs to D^{1/2}·1 and is skipped), scaled to a
// largest coordinate of 10 plus Gaussian noise of 1e-4, then each axis
// scaled to [0, 10] (umap-learn's steps). When the eigensolver does not
// converge the start is uniform noise in [−10, 10].
func spectralInit(ctx context.Context, p *spectrum.CSR, rng *rand.Rand) ([]float64, string, error) {
	n := p.Rows
	y := make([]float64, 2*n)
	deg := make([]float64, n)
	for i := 0; i < n; i++ {
		for t := p.RowPtr[i]; t < p.RowPtr[i+1]; t++ {
			deg[i] += p.Vals[t]
		}
	}
	ts := make([]spectrum.Triplet, 0, len(p.Vals)+n)
	for i := 0; i < n; i++ {
		ts = append(ts, spectrum.Triplet{Row: int32(i), Col: int32(i), Value: 1})
		for t := p.RowPtr[i]; t < p.RowPtr[i+1]; t++ {
			j := p.ColIdx[t]
			ts = append(ts, spectrum.Triplet{Row: int32(i), Col: j, Value: p.Vals[t] / math.Sqrt(deg[i]*deg[j])})
		}
	}
	m, err := spectrum.FromTriplets(n, n, ts)
	if err != nil {
		return nil, "", err
	}
	_, vecs, err := spectrum.LanczosSVDLeft(ctx, m, spectrum.LanczosOptions{K: 3, Tol: 1e-8, MaxIters: 300, Seed: rng.Uint64()})
	if err := ctx.Err(); err != nil {
		return nil, "", err
	}
	if err != nil {
		for i := range y {
			y[i] = 20*rng.Float64() - 10
		}
		return y, "random", nil
	}
	var peak float64
	for i := 0; i < n; i++ {
		y[2*i], y[2*i+1] = vecs.At(i, 1), vecs.At(i, 2)
		peak = math.Max(peak, math.Max(math.Abs(y[2*i]), math.Abs(y[2*i+1])))
	}
	for i := range y {
		y[i] = y[i]*10/peak + 1e-4*rng.NormFloat64()
	}
	for axis := 0; axis < 2; axis++ {
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := 0; i < n; i++ {
			lo, hi = math.Min(lo, y[2*i+axis]), math.Max(hi, y[2*i+axis])
		}
		for i := 0; i < n; i++ {
			y[2*i+axis] = 10 * (y[2*i+axis] - lo) / (hi - lo)
		}
	}
	return y, "spectral", nil
}

// layout moves the map y by stochastic gradient descent on the fuzzy
// cross-entropy between the graph and the map's similarities
// 1/(1 + a·d^{2b}). Each edge (i, j) of weight w is sampled once every
// w_max/w epochs (edges below w_max/Epochs are never sampled); a sample
// pulls i and j together with the gradient −2ab·d^{2(b−1)}/(1 + a·d^{2b})
// and pushes i away from NegativeSampleRate random points with
// 2γb/((0.001 + d²)(1 + a·d^{2b})), each coordinate's step clipped to ±4
// and scaled by a learning rate decaying linearly to 0. The order of the
// edges and the random draws are fixed by the seed, so a map is a
// deterministic function of the data and the options.
func layout(ctx context.Context, p *spectrum.CSR, y []float64, a, b float64, opt UMAPOptions, rng *rand.Rand) error {
	n := p.Rows
	var wMax float64
	for _, v := range p.Vals {
		wMax = math.Max(wMax, v)
	}
	type edge struct {
		head, tail int32
		every      float64 // epochs per sample
	}
	edges := make([]edge, 0, len(p.Vals))
	for i := 0; i < n; i++ {
		for t := p.RowPtr[i]; t < p.RowPtr[i+1]; t++ {
			if w := p.Vals[t]; w >= wMax/float64(opt.Epochs) {
				edges = append(edges, edge{head: int32(i), tail: p.ColIdx[t], every: wMax / w})
			}
		}
	}
	// The graph is symmetric and each direction is its own edge, moving
	// both ends, as umap-learn does; edges are visited in row order.
	nextSample := make([]float64, len(edges))
	nextNegative := make([]float64, len(edges))
	for e := range edges {
		nextSample[e] = edges[e].every
		if opt.NegativeSampleRate > 0 {
			nextNegative[e] = edges[e].every / float64(opt.NegativeSampleRate)
		}
	}
	clip := func(v float64) float64 {
		if v > 4 {
			return 4
		}
		if v < -4 {
			return -4
		}
		return v
	}
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		alpha := opt.LearningRate * (1 - float64(epoch)/float64(opt.Epochs))
		at := float64(epoch)
		for e := range edges {
			if nextSample[e] > at {
				continue
			}
			i, j := int(edges[e].head), int(edges[e].tail)
			dx, dy := y[2*i]-y[2*j], y[2*i+1]-y[2*j+1]
			d2 := dx*dx + dy*dy
			if d2 > 0 {
				// d^{2b} once; d^{2(b−1)} = d^{2b}/d².
				pb := fastPow(d2, b)
				c := -2 * a * b * pb / d2 / (a*pb + 1)
				gx, gy := clip(c*dx)*alpha, clip(c*dy)*alpha
				y[2*i] += gx
				y[2*i+1] += gy
				y[2*j] -= gx
				y[2*j+1] -= gy
			}
			nextSample[e] += edges[e].every
			if opt.NegativeSampleRate == 0 {
				continue
			}
			perNegative := edges[e].every / float64(opt.NegativeSampleRate)
			negatives := int((at - nextNegative[e]) / perNegative)
			// The negative samples of one edge are a small batch: each
			// gradient is taken at i's position before the batch and the
			// clipped steps are summed. This differs from one-at-a-time
			// updates by O(alpha²) per batch, and it breaks the chain of
			// dependent updates through y[i] so that the processor can
			// overlap the samples' arithmetic (about twice as fast).
			xi, yi := y[2*i], y[2*i+1]
			var stepX, stepY float64
			for range negatives {
				k := rng.IntN(n)
				if k == i {
					continue
				}
				dx, dy := xi-y[2*k], yi-y[2*k+1]
				d2 := dx*dx + dy*dy
				if d2 > 0 {
					c := 2 * opt.Repulsion * b / ((0.001 + d2) * (a*fastPow(d2, b) + 1))
					stepX += clip(c * dx)
					stepY += clip(c * dy)
				} else {
					stepX += 4
					stepY += 4
				}
			}
			y[2*i] += stepX * alpha
			y[2*i+1] += stepY * alpha
			nextNegative[e] += float64(negatives) * perNegative
		}
		if opt.Progress != nil {
			opt.Progress(epoch+1, opt.Epochs)
		}
	}
	return nil
}

// fitCurve returns a and b of the map similarity 1/(1 + a·x^{2b}) fitted
// by least squares (Levenberg–Marquardt from a = b = 1) to the target
// curve f(x) = 1 for x < minDist and exp(−(x − minDist)/spread) beyond, at
// 300 points evenly spaced in [0, 3·spread] (umap-learn's
// find_ab_params).
func fitCurve(minDist, spread float64) (a, b float64) {
	const points = 300
	xs := make([]float64, points)
	fs := make([]float64, points)
	for t := range xs {
		xs[t] = 3 * spread * float64(t) / (points - 1)
		fs[t] = 1
		if xs[t] >= minDist {
			fs[t] = math.Exp(-(xs[t] - minDist) / spread)
		}
	}
	cost := func(a, b float64) float64 {
		var s float64
		for t, x := range xs {
			r := 1/(1+a*math.Pow(x, 2*b)) - fs[t]
			s += r * r
		}
		return s
	}
	a, b = 1, 1
	lambda := 1e-3
	current := cost(a, b)
	for range 200 {
		// Normal equations JᵀJ δ = −Jᵀr of the residuals
		// r = 1/(1 + a x^{2b}) − f, with ∂r/∂a = −x^{2b}/(1+a x^{2b})² and
		// ∂r/∂b = −2a ln(x) x^{2b}/(1+a x^{2b})² (0 at x = 0).
		var jaa, jab, jbb, ga, gb float64
		for t, x := range xs {
			if x == 0 {
				continue
			}
			p := math.Pow(x, 2*b)
			den := 1 + a*p
			r := 1/den - fs[t]
			da := -p / (den * den)
			db := -2 * a * math.Log(x) * p / (den * den)
			jaa += da * da
			jab += da * db
			jbb += db * db
			ga += da * r
			gb += db * r
		}
		improved := false
		for range 20 {
			m00, m11 := jaa*(1+lambda), jbb*(1+lambda)
			det := m00*m11 - jab*jab
			if det == 0 {
				break
			}
			stepA := -(m11*ga - jab*gb) / det
			stepB := -(m00*gb - jab*ga) / det
			na, nb := a+stepA, b+stepB
			if c := cost(na, nb); na > 0 && nb > 0 && c < current {
				converged := current-c < 1e-14*(1+current)
				a, b, current = na, nb, c
				lambda = math.Max(lambda/10, 1e-12)
				improved = !converged
				break
			}
			lambda *= 10
		}
		if !improved {
			break
		}
	}
	return a, b
}
