package project

import (
	"context"
	"math"
	"sync"
	"sync/atomic"

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
// holds the non-empty nodes again, compactly and in depth-first preorder,
// for the force traversal, and order holds the points in the order their
// leaves are met in that walk.
type quadTree struct {
	nodes []quadNode
	summ  []nodeSummary
	order []int32 // the points, in the preorder of their leaves
	// leafOf[i] is the arena index of the node point i was last placed in
	// (a leaf, or for coincident points moved down together by a split,
	// the node they were in, which precedes their leaf in preorder), and
	// pre[node] its position in summ: together they sort the points.
	leafOf []int32
	pre    []int32
	y      []float64
}

// nodeSummary is what the traversal reads, 32 bytes: centre of mass,
// squared cell width (0 for a leaf, which is always summarised), point
// count, and skip, the index in summ just past the node's subtree. In
// preorder a node's first child, when it has one, is the next entry, so
// the walk needs no stack: it either summarises a node and jumps to skip,
// or descends to the next entry. A leaf has skip = its index + 1.
type nodeSummary struct {
	mx, my float64
	width2 float32
	count  float32 // exact up to 2^24 points
	skip   int32
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
	t.leafOf = append(t.leafOf[:0], make([]int32, n)...)
	t.nodes = append(t.nodes, quadNode{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, child: -1, point: -1})
	for i := 0; i < n; i++ {
		t.insert(int32(i))
	}
	t.summ = t.summ[:0]
	t.pre = append(t.pre[:0], make([]int32, len(t.nodes))...)
	t.summarise(0)
	t.sortPoints()
}

// sortPoints fills order with the points sorted by the preorder position of
// their nodes (a counting sort), so that consecutive points walk nearly the
// same cells and find them in cache.
func (t *quadTree) sortPoints() {
	n := len(t.leafOf)
	start := make([]int32, len(t.summ)+1)
	for _, leaf := range t.leafOf {
		start[t.pre[leaf]+1]++
	}
	for k := 1; k < len(start); k++ {
		start[k] += start[k-1]
	}
	t.order = append(t.order[:0], make([]int32, n)...)
	for i, leaf := range t.leafOf {
		k := t.pre[leaf]
		t.order[start[k]] = int32(i)
		start[k]++
	}
}

// summarise appends node idx and its non-empty descendants to summ in
// preorder, and the points of its leaves to order. The recursion is at
// most maxQuadDepth deep.
func (t *quadTree) summarise(idx int32) {
	nd := &t.nodes[idx]
	c := float64(nd.count)
	at := len(t.summ)
	t.pre[idx] = int32(at)
	width2 := float32(4 * nd.half * nd.half)
	if nd.child < 0 {
		width2 = 0
	}
	t.summ = append(t.summ, nodeSummary{mx: nd.sx / c, my: nd.sy / c, width2: width2, count: float32(c)})
	if nd.child >= 0 {
		for ch := nd.child; ch < nd.child+4; ch++ {
			if t.nodes[ch].count > 0 {
				t.summarise(ch)
			}
		}
	}
	t.summ[at].skip = int32(len(t.summ))
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
	t.leafOf[p] = first + t.quadrant(&t.nodes[idx], px, py)
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
				t.leafOf[i] = idx
				return
			}
			p := nd.point
			if (t.y[2*p] == x && t.y[2*p+1] == y) || depth >= maxQuadDepth {
				nd.count++
				nd.sx += x
				nd.sy += y
				t.leafOf[i] = idx
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

// repulsion returns the unnormalised repulsive force on point i,
// Σ_j q_ij² Z² (y_i − y_j) approximated with accuracy theta, and the
// point's share of Z = Σ_j (1 + d_ij²)⁻¹. It walks summ in preorder: a
// cell of squared width w² at squared distance d² from the point with
// w² < θ²d² (every leaf not at the point) is taken as one body at its
// centre of mass and its subtree skipped; otherwise the walk descends.
func (t *quadTree) repulsion(i int, theta float64) (fx, fy, z float64) {
	x, y := t.y[2*i], t.y[2*i+1]
	theta2 := theta * theta
	summ := t.summ
	for idx := 0; idx < len(summ); {
		nd := &summ[idx]
		dx, dy := x-nd.mx, y-nd.my
		d2 := dx*dx + dy*dy
		// Descend into a cell too wide for its distance. A leaf (width 0)
		// is summarised, except at distance 0 (the point itself and its
		// duplicates), where "descending" moves to idx+1 = its skip.
		if float64(nd.width2) >= theta2*d2 {
			idx++
			continue
		}
		idx = int(nd.skip)
		q := 1 / (1 + d2)
		cq := float64(nd.count) * q
		z += cq
		cq *= q
		fx += cq * dx
		fy += cq * dy
	}
	return fx, fy, z
}

// gradientChunk is how many consecutive points a gradient worker takes at
// a time: enough to share cached cells, few enough to balance the work.
const gradientChunk = 64

// chunkedIndices yields worker w's share of 0…n−1: the chunks c = w,
// w + workers, w + 2·workers, … of gradientChunk consecutive indices.
func chunkedIndices(n, w, workers int) func(yield func(int) bool) {
	return func(yield func(int) bool) {
		for start := w * gradientChunk; start < n; start += workers * gradientChunk {
			for k := start; k < min(n, start+gradientChunk); k++ {
				if !yield(k) {
					return
				}
			}
		}
	}
}

// gradient writes the KL gradient for map y into grad, with P multiplied
// by exag. theta = 0 computes the repulsion exactly.
func gradient(p *spectrum.CSR, y, grad []float64, exag, theta float64, tree *quadTree, workers int) {
	n := len(y) / 2
	// Phase 1: the attraction of every point, which needs no tree, on
	// every worker, chunks handed out in turn by an atomic counter (a
	// point's sum is the same whichever worker computes it), while worker 0
	// first builds the tree, so that the build overlaps the attraction
	// instead of running alone.
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			if w == 0 && theta > 0 {
				tree.build(y)
			}
			for {
				start := int(next.Add(gradientChunk)) - gradientChunk
				if start >= n {
					return
				}
				for i := start; i < min(n, start+gradientChunk); i++ {
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
			}
		})
	}
	wg.Wait()
	// Phase 2: the repulsion. Points are taken in chunks of gradientChunk,
	// chunk c by worker c mod workers (a fixed assignment, so that each
	// worker's share of Z is summed in the same order on every run); with
	// a tree, in the tree's order so that a chunk's points are neighbours
	// and walk the same cells.
	rep := make([]float64, 2*n)
	zs := make([]float64, workers)
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			var z float64
			for k := range chunkedIndices(n, w, workers) {
				i := k
				if theta > 0 {
					i = int(tree.order[k])
				}
				var fx, fy, zi float64
				if theta > 0 {
					fx, fy, zi = tree.repulsion(i, theta)
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
			}
			zs[w] = z
		})
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
