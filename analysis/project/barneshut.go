package project

import (
	"context"
	"math"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// quadNode is a cell of the Barnes–Hut quadtree. A leaf holds the points
// inserted into it (all at one position when there are several); an
// internal node has four children starting at child.
type quadNode struct {
	cx, cy, half float64 // cell centre and half width
	sx, sy       float64 // sum of the positions below
	count        int32
	child        int32 // first of four children, or -1 for a leaf
	point        int32 // a point of a leaf, or -1 when empty
}

// quadTree is an arena of nodes; node 0 is the root. After build, summ
// holds a compact copy for the force traversal.
type quadTree struct {
	nodes []quadNode
	summ  []nodeSummary
	y     []float64
}

// nodeSummary is what the traversal reads: centre of mass, squared cell
// width, point count and first child (-1 for a leaf).
type nodeSummary struct {
	mx, my, width2 float64
	count          float64
	child          int32
}

// maxQuadDepth stops subdividing coincident or nearly coincident points.
const maxQuadDepth = 48

func (t *quadTree) build(y []float64) {
	t.y = y
	t.nodes = t.nodes[:0]
	n := len(y) / 2
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for i := 0; i < n; i++ {
		minX, maxX = math.Min(minX, y[2*i]), math.Max(maxX, y[2*i])
		minY, maxY = math.Min(minY, y[2*i+1]), math.Max(maxY, y[2*i+1])
	}
	half := math.Max(maxX-minX, maxY-minY)/2*(1+1e-9) + 1e-12
	t.nodes = append(t.nodes, quadNode{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, child: -1, point: -1})
	for i := 0; i < n; i++ {
		t.insert(int32(i))
	}
	t.summ = t.summ[:0]
	for _, nd := range t.nodes {
		c := float64(nd.count)
		s := nodeSummary{width2: 4 * nd.half * nd.half, count: c, child: nd.child}
		if nd.count > 0 {
			s.mx, s.my = nd.sx/c, nd.sy/c
		}
		t.summ = append(t.summ, s)
	}
}

func (t *quadTree) quadrant(nd *quadNode, x, y float64) int32 {
	var q int32
	if x > nd.cx {
		q |= 1
	}
	if y > nd.cy {
		q |= 2
	}
	return q
}

func (t *quadTree) split(idx int32) {
	nd := t.nodes[idx]
	first := int32(len(t.nodes))
	h := nd.half / 2
	for q := 0; q < 4; q++ {
		cx, cy := nd.cx-h, nd.cy-h
		if q&1 != 0 {
			cx = nd.cx + h
		}
		if q&2 != 0 {
			cy = nd.cy + h
		}
		t.nodes = append(t.nodes, quadNode{cx: cx, cy: cy, half: h, child: -1, point: -1})
	}
	// Move the leaf's points (count copies at one position) down.
	p := nd.point
	px, py := t.y[2*p], t.y[2*p+1]
	c := &t.nodes[first+t.quadrant(&t.nodes[idx], px, py)]
	c.point, c.count = p, nd.count
	c.sx, c.sy = nd.sx, nd.sy
	t.nodes[idx].child = first
	t.nodes[idx].point = -1
}

func (t *quadTree) insert(i int32) {
	x, y := t.y[2*i], t.y[2*i+1]
	idx := int32(0)
	for depth := 0; ; depth++ {
		nd := &t.nodes[idx]
		if nd.child < 0 {
			if nd.count == 0 {
				nd.point = i
				nd.count, nd.sx, nd.sy = 1, x, y
				return
			}
			p := nd.point
			if (t.y[2*p] == x && t.y[2*p+1] == y) || depth >= maxQuadDepth {
				nd.count++
				nd.sx += x
				nd.sy += y
				return
			}
			t.split(idx)
			nd = &t.nodes[idx]
		}
		nd.count++
		nd.sx += x
		nd.sy += y
		idx = nd.child + t.quadrant(nd, x, y)
	}
}

// repulsion adds to f the unnormalised repulsive force on point i,
// Σ_j q_ij² Z² (y_i − y_j) approximated with accuracy theta, and returns
// the point's share of Z = Σ_j (1 + d_ij²)⁻¹.
func (t *quadTree) repulsion(i int, theta float64, stack []int32) (fx, fy, z float64, _ []int32) {
	x, y := t.y[2*i], t.y[2*i+1]
	theta2 := theta * theta
	summ := t.summ
	stack = append(stack[:0], 0)
	for len(stack) > 0 {
		idx := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		nd := &summ[idx]
		dx, dy := x-nd.mx, y-nd.my
		d2 := dx*dx + dy*dy
		if nd.child < 0 || nd.width2 < theta2*d2 {
			if d2 == 0 {
				continue // the point itself (and exact duplicates)
			}
			q := 1 / (1 + d2)
			cq := nd.count * q
			z += cq
			cq *= q
			fx += cq * dx
			fy += cq * dy
			continue
		}
		for c := nd.child; c < nd.child+4; c++ {
			if summ[c].count > 0 {
				stack = append(stack, c)
			}
		}
	}
	return fx, fy, z, stack
}

// gradient writes the KL gradient for map y into grad, with P multiplied
// by exag. theta = 0 computes the repulsion exactly.
func gradient(p *spectrum.CSR, y, grad []float64, exag, theta float64, tree *quadTree, workers int) {
	n := len(y) / 2
	if theta > 0 {
		tree.build(y)
	}
	rep := make([]float64, 2*n)
	zs := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			var stack []int32
			var z float64
			for i := w; i < n; i += workers {
				var fx, fy, zi float64
				if theta > 0 {
					fx, fy, zi, stack = tree.repulsion(i, theta, stack)
				} else {
					xi, yi := y[2*i], y[2*i+1]
					for j := 0; j < n; j++ {
						if j == i {
							continue
						}
						dx, dy := xi-y[2*j], yi-y[2*j+1]
						q := 1 / (1 + dx*dx + dy*dy)
						zi += q
						fx += q * q * dx
						fy += q * q * dy
					}
				}
				rep[2*i], rep[2*i+1] = fx, fy
				z += zi
				// Attraction over the sparse row of P.
				var ax, ay float64
				xi, yi := y[2*i], y[2*i+1]
				for t := p.RowPtr[i]; t < p.RowPtr[i+1]; t++ {
					j := p.ColIdx[t]
					dx, dy := xi-y[2*j], yi-y[2*j+1]
					q := 1 / (1 + dx*dx + dy*dy)
					ax += p.Vals[t] * q * dx
					ay += p.Vals[t] * q * dy
				}
				grad[2*i], grad[2*i+1] = exag*ax, exag*ay
			}
			zs[w] = z
		}(w)
	}
	wg.Wait()
	var z float64
	for _, v := range zs {
		z += v
	}
	for i := range grad {
		grad[i] = 4 * (grad[i] - rep[i]/z)
	}
}

// barnesHutTSNE runs the optimiser with Barnes–Hut gradients from y0.
func barnesHutTSNE(ctx context.Context, p *spectrum.CSR, y0 []float64, opt TSNEOptions) (*TSNEResult, error) {
	n := len(y0) / 2
	y := append([]float64(nil), y0...)
	grad := make([]float64, 2*n)
	o := newOptimiser(n, opt)
	tree := &quadTree{}
	for it := 0; it < opt.Iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		exag := 1.0
		if it < opt.ExaggerationIters {
			exag = opt.Exaggeration
		}
		gradient(p, y, grad, exag, opt.Theta, tree, opt.Workers)
		o.step(y, grad, it)
		if opt.Progress != nil {
			opt.Progress(it+1, opt.Iterations)
		}
	}
	return &TSNEResult{Points: y, Engine: EngineBarnesHut, KL: klDivergence(p, y, opt.Workers), Iterations: opt.Iterations}, nil
}
