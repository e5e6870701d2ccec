package vectors

import (
	"context"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas32"
)

// Match is one search result: the word of row Index and its score (a
// cosine for neighbours and 3CosAdd, the 3CosMul ratio for 3CosMul).
type Match struct {
	Word  string
	Index int
	Score float64
}

// searchWorkers is the number of goroutines a scan uses (the machines this
// runs on have two cores to share).
const searchWorkers = 2

// scan computes the dot products of the unit rows [0, limit) with nq query
// vectors (queries is nq×d, row-major) block by block on searchWorkers
// goroutines. For each block of rows [r0, r0+n) it calls
// visit(worker, r0, n, scores) with nq·n scores laid out query-major:
// scores[j*n+i] = queries_j · unit_{r0+i}. Calls with the same worker
// index never overlap, so visit may keep per-worker state without locks.
// ctx is checked once per block; scan returns ctx.Err() when cancelled.
func (s *Set) scan(ctx context.Context, queries []float32, nq, limit int, visit func(worker, r0, n int, scores []float32)) error {
	d := s.dim
	if len(queries) != nq*d {
		panic(fmt.Sprintf("vectors: %d query values for %d queries of dim %d", len(queries), nq, d))
	}
	unit := s.Unit()
	// Rows per block: about 64k scores per block keeps the score buffer in
	// cache while the row block streams through once.
	blockRows := 65536 / nq
	blockRows = max(64, min(blockRows, 8192))
	nBlocks := (limit + blockRows - 1) / blockRows
	var next atomic.Int64
	var wg sync.WaitGroup
	workers := min(searchWorkers, nBlocks)
	for w := range workers {
		wg.Go(func() {
			scores := make([]float32, nq*blockRows)
			for {
				if ctx.Err() != nil {
					return
				}
				b := int(next.Add(1) - 1)
				if b >= nBlocks {
					return
				}
				r0 := b * blockRows
				n := min(blockRows, limit-r0)
				rows := blas32.General{Rows: n, Cols: d, Stride: d, Data: unit[r0*d : (r0+n)*d]}
				out := scores[:nq*n]
				if nq == 1 {
					blas32.Gemv(blas.NoTrans, 1, rows, blas32.Vector{N: d, Inc: 1, Data: queries}, 0, blas32.Vector{N: n, Inc: 1, Data: out})
				} else {
					q := blas32.General{Rows: nq, Cols: d, Stride: d, Data: queries}
					blas32.Gemm(blas.NoTrans, blas.Trans, 1, q, rows, 0, blas32.General{Rows: nq, Cols: n, Stride: n, Data: out})
				}
				visit(w, r0, n, out)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}

// toMatches converts kept candidates to Matches.
func (s *Set) toMatches(cands []scored) []Match {
	out := make([]Match, len(cands))
	for i, c := range cands {
		out[i] = Match{Word: s.words[c.row], Index: int(c.row), Score: float64(c.score)}
	}
	return out
}

// NeighborsOf returns the k words with the largest cosine to word, best
// first, word itself excluded. It returns ErrUnknownWord for a word not in
// the set.
func (s *Set) NeighborsOf(ctx context.Context, word string, k int) ([]Match, error) {
	i, ok := s.Index(word)
	if !ok {
		return nil, fmt.Errorf("%q: %w", word, ErrUnknownWord)
	}
	return s.Neighbors(ctx, s.UnitVector(i), k, i)
}

// Neighbors returns the k rows with the largest cosine to the query
// vector v (length Dim, any non-zero length), best first, skipping the
// rows listed in exclude. It panics when len(v) != Dim.
func (s *Set) Neighbors(ctx context.Context, v []float32, k int, exclude ...int) ([]Match, error) {
	if len(v) != s.dim {
		panic(fmt.Sprintf("vectors: query of length %d for dim %d", len(v), s.dim))
	}
	if k <= 0 {
		return nil, nil
	}
	q := make([]float32, s.dim)
	normaliseInto(q, v)
	skip := func(row int) bool {
		for _, e := range exclude {
			if e == row {
				return true
			}
		}
		return false
	}
	var tops [searchWorkers]topK
	for w := range tops {
		tops[w] = newTopK(k)
	}
	err := s.scan(ctx, q, 1, len(s.words), func(w, r0, n int, scores []float32) {
		top := &tops[w]
		th := top.threshold()
		for i, sc := range scores {
			if sc < th {
				continue
			}
			if row := r0 + i; !skip(row) {
				top.offer(scored{score: sc, row: int32(row)})
				th = top.threshold()
			}
		}
	})
	if err != nil {
		return nil, err
	}
	for w := 1; w < searchWorkers; w++ {
		tops[0].merge(&tops[w])
	}
	return s.toMatches(tops[0].best()), nil
}

// Method selects the analogy objective.
type Method int

const (
	// CosAdd is 3CosAdd: argmax_d cos(d, b̂ − â + ĉ).
	CosAdd Method = iota
	// CosMul is 3CosMul: argmax_d cos′(d,b)·cos′(d,c)/(cos′(d,a)+ε),
	// cos′ = (1+cos)/2, ε = CosMulEpsilon.
	CosMul
)

// CosMulEpsilon is the ε of 3CosMul, Levy & Goldberg's value.
const CosMulEpsilon = 0.001

// String returns "add" or "mul".
func (m Method) String() string {
	switch m {
	case CosAdd:
		return "add"
	case CosMul:
		return "mul"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// ParseMethod maps "add"/"3cosadd" and "mul"/"3cosmul" to a Method.
func ParseMethod(name string) (Method, error) {
	switch name {
	case "add", "3cosadd", "cosadd":
		return CosAdd, nil
	case "mul", "3cosmul", "cosmul":
		return CosMul, nil
	}
	return 0, fmt.Errorf("unknown analogy method %q (want add or mul)", name)
}

// AnalogyQuery is one question a:b :: c:? given as rows of the set.
type AnalogyQuery struct{ A, B, C int }

// BatchOptions tunes AnalogyBatch.
type BatchOptions struct {
	// Limit restricts the answers to rows [0, Limit) (the Limit most
	// frequent words); 0 means all rows.
	Limit int
	// Exclude, when set, also rejects row as an answer to question q. It is
	// called only for candidates good enough to enter the top k. The rows
	// A, B and C of each question are always excluded.
	Exclude func(q, row int) bool
	// BatchSize is the number of questions answered per pass over the
	// matrix; 0 means 256.
	BatchSize int
	// Progress, when set, is called after each batch with the number of
	// questions answered so far and the total. It must not block.
	Progress func(done, total int)
}

// Analogy answers a:b :: c:? ("a is to b as c is to ?"), returning the k
// best words, the three query words excluded. Unknown words return
// ErrUnknownWord.
func (s *Set) Analogy(ctx context.Context, a, b, c string, method Method, k int) ([]Match, error) {
	var rows [3]int
	for i, w := range [3]string{a, b, c} {
		r, ok := s.Index(w)
		if !ok {
			return nil, fmt.Errorf("%q: %w", w, ErrUnknownWord)
		}
		rows[i] = r
	}
	res, err := s.AnalogyBatch(ctx, []AnalogyQuery{{A: rows[0], B: rows[1], C: rows[2]}}, method, k, BatchOptions{})
	if err != nil {
		return nil, err
	}
	return res[0], nil
}

// AnalogyBatch answers many questions, each with its k best rows (best
// first, A, B and C excluded), scanning the matrix once per batch of
// questions with matrix-matrix products. It panics on rows out of range.
func (s *Set) AnalogyBatch(ctx context.Context, qs []AnalogyQuery, method Method, k int, opts BatchOptions) ([][]Match, error) {
	limit := len(s.words)
	if opts.Limit > 0 && opts.Limit < limit {
		limit = opts.Limit
	}
	batch := opts.BatchSize
	if batch <= 0 {
		batch = 256
	}
	out := make([][]Match, len(qs))
	for lo := 0; lo < len(qs); lo += batch {
		hi := min(lo+batch, len(qs))
		if err := s.analogyChunk(ctx, qs[lo:hi], lo, method, k, limit, opts.Exclude, out[lo:hi]); err != nil {
			return nil, err
		}
		if opts.Progress != nil {
			opts.Progress(hi, len(qs))
		}
	}
	return out, nil
}

// analogyChunk answers qs (question numbers offset, offset+1, …) into out.
func (s *Set) analogyChunk(ctx context.Context, qs []AnalogyQuery, offset int, method Method, k, limit int, exclude func(q, row int) bool, out [][]Match) error {
	d := s.dim
	nq := len(qs)
	perQ := 1
	if method == CosMul {
		perQ = 3
	}
	queries := make([]float32, nq*perQ*d)
	for j, q := range qs {
		a, b, c := s.UnitVector(q.A), s.UnitVector(q.B), s.UnitVector(q.C)
		if method == CosMul {
			copy(queries[(3*j)*d:], a)
			copy(queries[(3*j+1)*d:], b)
			copy(queries[(3*j+2)*d:], c)
			continue
		}
		dst := queries[j*d : (j+1)*d]
		for i := range dst {
			dst[i] = b[i] - a[i] + c[i]
		}
		normaliseInto(dst, dst)
	}
	tops := make([][]topK, searchWorkers)
	for w := range tops {
		tops[w] = make([]topK, nq)
		for j := range tops[w] {
			tops[w][j] = newTopK(k)
		}
	}
	var combined [searchWorkers][]float32
	err := s.scan(ctx, queries, nq*perQ, limit, func(w, r0, n int, scores []float32) {
		for j, q := range qs {
			var sc []float32
			if method == CosMul {
				if len(combined[w]) < n {
					combined[w] = make([]float32, n)
				}
				sc = combined[w][:n]
				ca := scores[(3*j)*n : (3*j+1)*n]
				cb := scores[(3*j+1)*n : (3*j+2)*n]
				cc := scores[(3*j+2)*n : (3*j+3)*n]
				for i := range sc {
					sc[i] = ((1 + cb[i]) / 2) * ((1 + cc[i]) / 2) / ((1+ca[i])/2 + CosMulEpsilon)
				}
			} else {
				sc = scores[j*n : (j+1)*n]
			}
			top := &tops[w][j]
			th := top.threshold()
			for i, v := range sc {
				if v < th {
					continue
				}
				row := r0 + i
				if row == q.A || row == q.B || row == q.C || (exclude != nil && exclude(offset+j, row)) {
					continue
				}
				top.offer(scored{score: v, row: int32(row)})
				th = top.threshold()
			}
		}
	})
	if err != nil {
		return err
	}
	for j := range qs {
		for w := 1; w < searchWorkers; w++ {
			tops[0][j].merge(&tops[w][j])
		}
		out[j] = s.toMatches(tops[0][j].best())
	}
	return nil
}

// OddOneOut returns the word among words whose vector has the smallest
// cosine to the mean of their unit vectors, with that cosine for every
// word (same order as words). It needs at least three words
// (ErrTooFewWords) and reports the first unknown one (ErrUnknownWord).
func (s *Set) OddOneOut(words []string) (string, []float64, error) {
	if len(words) < 3 {
		return "", nil, fmt.Errorf("odd one out of %d words: %w", len(words), ErrTooFewWords)
	}
	rows := make([]int, len(words))
	for i, w := range words {
		r, ok := s.Index(w)
		if !ok {
			return "", nil, fmt.Errorf("%q: %w", w, ErrUnknownWord)
		}
		rows[i] = r
	}
	mean := make([]float32, s.dim)
	for _, r := range rows {
		for i, x := range s.UnitVector(r) {
			mean[i] += x
		}
	}
	normaliseInto(mean, mean)
	cos := make([]float64, len(words))
	worst := 0
	for i, r := range rows {
		cos[i] = float64(dot32(s.UnitVector(r), mean))
		if cos[i] < cos[worst] {
			worst = i
		}
	}
	return words[worst], cos, nil
}

// dot32 returns x·y in float32 arithmetic (gonum's SIMD kernel).
func dot32(x, y []float32) float32 {
	if len(x) != len(y) {
		panic("vectors: dot of vectors of different lengths")
	}
	return blas32.Dot(blas32.Vector{N: len(x), Inc: 1, Data: x}, blas32.Vector{N: len(y), Inc: 1, Data: y})
}

// nonFinite reports whether f is NaN or ±Inf.
func nonFinite(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }
