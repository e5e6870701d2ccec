package project

import (
	"context"
	"fmt"
)

// Methods accepted by Project.
const (
	MethodPCA       = "pca"
	MethodTSNE      = "tsne"       // engine chosen by size (EngineAuto) unless set
	MethodTSNEExact = "tsne-exact" // the exact engine
	// MethodUMAP (umap.go) is UMAP.
	// MethodAxis (axis.go) is the relation-axis map; it needs Options.Pairs.
)

// DefaultTrustK is the neighbourhood size of the trustworthiness reported
// with every map.
const DefaultTrustK = 10

// Options configures Project.
type Options struct {
	TSNE    TSNEOptions // t-SNE settings (Engine is overridden by MethodTSNEExact)
	UMAP    UMAPOptions // UMAP settings
	Workers int         // goroutines for PCA and trustworthiness (default 2)
	TrustK  int         // default DefaultTrustK
	// Pairs are the word pairs whose mean offset is the x axis of a
	// MethodAxis map (row indices of the data).
	Pairs []Pair
	// Progress, if set, receives (done, total) of the current stage. It
	// must not block.
	Progress func(done, total int)
}

// Map is a 2-D map of n points with its quality.
type Map struct {
	Method string
	Engine string    // "pca", "barnes-hut", "exact", "umap-spectral", "umap-random" or "relation-axis"
	Points []float64 // n×2 row-major
	// ExplainedVarianceRatio holds all d ratios (PCA only).
	ExplainedVarianceRatio []float64
	KL                     float64 // final KL divergence (t-SNE only)
	// AxisAlignment is the mean cosine of the pair offsets with the axis,
	// over AxisPairs pairs (MethodAxis only).
	AxisAlignment float64
	AxisPairs     int
	Trust         TrustworthinessResult
}

// Project maps the n×d float32 row-major data to 2-D with method and
// reports its trustworthiness. It panics if len(data) != n·d.
func Project(ctx context.Context, data []float32, n, d int, method string, opt Options) (*Map, error) {
	if len(data) != n*d {
		panic(fmt.Sprintf("project: data length %d is not %d×%d", len(data), n, d))
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = 2
	}
	k := opt.TrustK
	if k <= 0 {
		k = DefaultTrustK
	}
	var m *Map
	switch method {
	case MethodPCA:
		p, err := PCA(ctx, data, n, d, PCAOptions{Components: 2, Workers: workers, Progress: opt.Progress})
		if err != nil {
			return nil, err
		}
		pts := p.Points
		if p.Components == 1 {
			pts = make([]float64, 2*n)
			for i := 0; i < n; i++ {
				pts[2*i] = p.Points[i]
			}
		}
		m = &Map{Method: method, Engine: "pca", Points: pts, ExplainedVarianceRatio: p.ExplainedVarianceRatio}
	case MethodTSNE, MethodTSNEExact:
		o := opt.TSNE
		if method == MethodTSNEExact {
			o.Engine = EngineExact
		}
		if o.Workers <= 0 {
			o.Workers = workers
		}
		if o.Progress == nil {
			o.Progress = opt.Progress
		}
		r, err := TSNE(ctx, data, n, d, o)
		if err != nil {
			return nil, err
		}
		m = &Map{Method: method, Engine: string(r.Engine), Points: r.Points, KL: r.KL}
	case MethodUMAP:
		o := opt.UMAP
		if o.Workers <= 0 {
			o.Workers = workers
		}
		if o.Progress == nil {
			o.Progress = opt.Progress
		}
		r, err := UMAP(ctx, data, n, d, o)
		if err != nil {
			return nil, err
		}
		m = &Map{Method: method, Engine: "umap-" + r.Init, Points: r.Points}
	case MethodAxis:
		a, err := RelationAxis(ctx, data, n, d, opt.Pairs)
		if err != nil {
			return nil, err
		}
		m = &Map{Method: method, Engine: "relation-axis", Points: a.Points, AxisAlignment: a.Alignment, AxisPairs: a.Pairs}
	default:
		return nil, fmt.Errorf("%w: method %q (want pca, tsne, tsne-exact, umap or axis)", ErrUnknownMethod, method)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if 2*k < min(n, TrustworthinessMaxExact) {
		t, err := Trustworthiness(ctx, data, d, m.Points, 2, k, workers)
		if err != nil {
			return nil, err
		}
		m.Trust = t
	}
	return m, nil
}
