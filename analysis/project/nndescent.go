package project

import (
	"context"
	"math/rand/v2"
	"slices"
)

// nnDescent returns approximate k nearest neighbours of each of the n rows
// of the n×d float32 row-major data, in the layout of exactNeighbours
// (nearest first, squared Euclidean distances), by NN-descent (Dong,
// Charikar & Li 2011, "Efficient k-nearest neighbor graph construction for
// generic similarity measures"): start from k random neighbours per point,
// then repeatedly compare the neighbours of each point with one another
// (a neighbour of a neighbour is likely a neighbour), both directions of
// the graph, only pairs involving a neighbour that is new since the last
// round. It stops when a round improves fewer than 0.1 % of the n·k
// entries, or after maxRounds. The work is O(rounds·n·k²·d) instead of
// exact search's O(n²·d); recall is typically above 0.95 (TestNNDescent).
// The result is a deterministic function of the data, k and seed. k must
// be below n. The context is checked once per point of each round's join.
func nnDescent(ctx context.Context, data []float32, n, d, k int, seed uint64) (nbr []int32, dist2 []float64, err error) {
	const maxRounds = 12
	rng := rand.New(rand.NewPCG(seed, 0x4e4e44))
	dist := func(a, b int32) float64 {
		xa, xb := data[int(a)*d:int(a+1)*d], data[int(b)*d:int(b+1)*d]
		var s float64
		for t := range xa {
			v := float64(xa[t]) - float64(xb[t])
			s += v * v
		}
		return s
	}
	g := newKNNHeaps(n, k)
	for i := 0; i < n; i++ {
		for g.size(i) < k {
			j := int32(rng.IntN(n))
			if int(j) != i {
				g.push(i, j, dist(int32(i), j))
			}
		}
	}
	newList := make([][]int32, n)
	oldList := make([][]int32, n)
	for round := 0; round < maxRounds; round++ {
		for i := 0; i < n; i++ {
			newList[i], oldList[i] = newList[i][:0], oldList[i][:0]
		}
		// Forward lists, marking the new ones old, then reverse lists.
		for i := 0; i < n; i++ {
			for s := g.start(i); s < g.start(i)+k; s++ {
				if g.isNew[s] {
					newList[i] = append(newList[i], g.ids[s])
					g.isNew[s] = false
				} else {
					oldList[i] = append(oldList[i], g.ids[s])
				}
			}
		}
		fwdNew := make([]int, n)
		fwdOld := make([]int, n)
		for i := 0; i < n; i++ {
			fwdNew[i], fwdOld[i] = len(newList[i]), len(oldList[i])
		}
		for i := 0; i < n; i++ {
			for _, j := range newList[i][:fwdNew[i]] {
				if len(newList[j]) < 2*k {
					newList[j] = append(newList[j], int32(i))
				}
			}
			for _, j := range oldList[i][:fwdOld[i]] {
				if len(oldList[j]) < 2*k {
					oldList[j] = append(oldList[j], int32(i))
				}
			}
		}
		updates := 0
		for i := 0; i < n; i++ {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			nl, ol := uniqueIDs(newList[i]), uniqueIDs(oldList[i])
			for a, p := range nl {
				for _, q := range nl[a+1:] {
					updates += g.join(p, q, dist(p, q))
				}
				for _, q := range ol {
					if p != q {
						updates += g.join(p, q, dist(p, q))
					}
				}
			}
		}
		if updates <= n*k/1000 {
			break
		}
	}
	nbr = make([]int32, n*k)
	dist2 = make([]float64, n*k)
	for i := 0; i < n; i++ {
		ord := make([]int, k)
		for a := range ord {
			ord[a] = g.start(i) + a
		}
		slices.SortFunc(ord, func(x, y int) int {
			if g.dist[x] != g.dist[y] {
				if g.dist[x] < g.dist[y] {
					return -1
				}
				return 1
			}
			return int(g.ids[x]) - int(g.ids[y])
		})
		for a, s := range ord {
			nbr[i*k+a], dist2[i*k+a] = g.ids[s], g.dist[s]
		}
	}
	return nbr, dist2, nil
}

// uniqueIDs sorts ids and removes repeats in place.
func uniqueIDs(ids []int32) []int32 {
	slices.Sort(ids)
	return slices.Compact(ids)
}

// knnHeaps holds one max-heap of k (id, squared distance, new) entries per
// point, flat: point i's entries are [i·k, (i+1)·k).
type knnHeaps struct {
	k     int
	count []int
	ids   []int32
	dist  []float64
	isNew []bool
}

func newKNNHeaps(n, k int) *knnHeaps {
	return &knnHeaps{k: k, count: make([]int, n), ids: make([]int32, n*k), dist: make([]float64, n*k), isNew: make([]bool, n*k)}
}

func (h *knnHeaps) start(i int) int { return i * h.k }
func (h *knnHeaps) size(i int) int  { return h.count[i] }

// contains reports whether j is among i's entries.
func (h *knnHeaps) contains(i int, j int32) bool {
	for s := h.start(i); s < h.start(i)+h.count[i]; s++ {
		if h.ids[s] == j {
			return true
		}
	}
	return false
}

// push adds j to i's heap while it has fewer than k entries (a repeat is
// ignored).
func (h *knnHeaps) push(i int, j int32, d float64) {
	if h.contains(i, j) {
		return
	}
	s := h.start(i) + h.count[i]
	h.ids[s], h.dist[s], h.isNew[s] = j, d, true
	h.count[i]++
	// Sift up.
	base := h.start(i)
	for c := s - base; c > 0; {
		p := (c - 1) / 2
		if h.dist[base+p] >= h.dist[base+c] {
			break
		}
		h.swap(base+p, base+c)
		c = p
	}
}

// offer replaces i's farthest entry with j when j is nearer and not yet
// there; it returns 1 when it did, else 0.
func (h *knnHeaps) offer(i int, j int32, d float64) int {
	base := h.start(i)
	if d >= h.dist[base] || int(j) == i || h.contains(i, j) {
		return 0
	}
	h.ids[base], h.dist[base], h.isNew[base] = j, d, true
	for c := 0; ; {
		l, r, big := 2*c+1, 2*c+2, c
		if l < h.k && h.dist[base+l] > h.dist[base+big] {
			big = l
		}
		if r < h.k && h.dist[base+r] > h.dist[base+big] {
			big = r
		}
		if big == c {
			return 1
		}
		h.swap(base+c, base+big)
		c = big
	}
}

// join offers p to q and q to p.
func (h *knnHeaps) join(p, q int32, d float64) int {
	return h.offer(int(p), q, d) + h.offer(int(q), p, d)
}

func (h *knnHeaps) swap(a, b int) {
	h.ids[a], h.ids[b] = h.ids[b], h.ids[a]
	h.dist[a], h.dist[b] = h.dist[b], h.dist[a]
	h.isNew[a], h.isNew[b] = h.isNew[b], h.isNew[a]
}
