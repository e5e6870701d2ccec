package project

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"sync"
)

// TrustworthinessMaxExact is the largest number of points whose
// trustworthiness is computed on all pairs; larger maps use a seeded
// subset of this many points.
const TrustworthinessMaxExact = 5000

// TrustworthinessResult is a trustworthiness score and how it was computed.
type TrustworthinessResult struct {
	Value   float64
	K       int
	Sampled int // points used: n, or TrustworthinessMaxExact for a subset
}

// Trustworthiness computes T(k) of the n×dim map emb (float64 row-major)
// for the n×d input data (float32 row-major); see the package
// documentation. k must satisfy k < n/2. It panics on shape mismatches.
// The context is checked every 64 points.
func Trustworthiness(ctx context.Context, data []float32, d int, emb []float64, dim, k, workers int) (TrustworthinessResult, error) {
	n := len(data) / d
	if len(data) != n*d || len(emb) != n*dim {
		panic(fmt.Sprintf("project: trustworthiness shapes: %d input values (d=%d), %d map values (dim=%d)", len(data), d, len(emb), dim))
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if n > TrustworthinessMaxExact {
		rng := rand.New(rand.NewPCG(uint64(n), 0x7bb))
		rng.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		idx = idx[:TrustworthinessMaxExact]
		sort.Ints(idx)
	}
	m := len(idx)
	if k < 1 || 2*k >= m {
		return TrustworthinessResult{}, fmt.Errorf("%w: trustworthiness with k=%d needs more than %d points, have %d", ErrTooFewPoints, k, 2*k, m)
	}
	if workers <= 0 {
		workers = 2
	}
	penalties := make([]float64, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			in := make([]float64, m)
			out := make([]float64, m)
			nearest := make([]int, 0, k+1)
			for a := w; a < m; a += workers {
				if a%64 == w && ctx.Err() != nil {
					return
				}
				i := idx[a]
				xi := data[i*d : (i+1)*d]
				yi := emb[i*dim : (i+1)*dim]
				for b, j := range idx {
					xj := data[j*d : (j+1)*d]
					var s float64
					for t := range xi {
						v := float64(xi[t]) - float64(xj[t])
						s += v * v
					}
					in[b] = s
					yj := emb[j*dim : (j+1)*dim]
					s = 0
					for t := range yi {
						v := yi[t] - yj[t]
						s += v * v
					}
					out[b] = s
				}
				nearest = kSmallest(out, a, k, nearest[:0])
				for _, b := range nearest {
					// Rank of b by input distance from a (1-based, ties by index).
					r := 1
					for c := range in {
						if c != a && (in[c] < in[b] || (in[c] == in[b] && c < b)) {
							r++
						}
					}
					if r > k {
						penalties[w] += float64(r - k)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return TrustworthinessResult{}, err
	}
	var sum float64
	for _, p := range penalties {
		sum += p
	}
	fm, fk := float64(m), float64(k)
	return TrustworthinessResult{Value: 1 - 2/(fm*fk*(2*fm-3*fk-1))*sum, K: k, Sampled: m}, nil
}

// kSmallest appends to dst the indices of the k smallest values of dist,
// excluding index self, ties broken by index.
func kSmallest(dist []float64, self, k int, dst []int) []int {
	less := func(a, b int) bool { return dist[a] < dist[b] || (dist[a] == dist[b] && a < b) }
	for c := range dist {
		if c == self {
			continue
		}
		if len(dst) < k {
			dst = append(dst, c)
			for p := len(dst) - 1; p > 0 && less(dst[p], dst[p-1]); p-- {
				dst[p], dst[p-1] = dst[p-1], dst[p]
			}
			continue
		}
		if less(c, dst[k-1]) {
			dst[k-1] = c
			for p := k - 1; p > 0 && less(dst[p], dst[p-1]); p-- {
				dst[p], dst[p-1] = dst[p-1], dst[p]
			}
		}
	}
	return dst
}
