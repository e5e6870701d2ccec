package weat

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// Errors returned by Test; test with errors.Is.
var (
	// ErrTooFewWords reports a target set with fewer than two known words
	// or an attribute set with none.
	ErrTooFewWords = errors.New("too few known words in a WEAT word set")
	// ErrOverlap reports a word in both target sets or both attribute sets.
	ErrOverlap = errors.New("a word is in both sets")
	// ErrNoVariance reports target words whose associations s(w) are all
	// equal, so the effect size is undefined.
	ErrNoVariance = errors.New("every target word has the same association: the effect size is undefined")
	// ErrBadOptions reports an option outside its range.
	ErrBadOptions = errors.New("invalid WEAT options")
)

// Defaults of Options.
const (
	DefaultMaxExact     = 100_000
	DefaultPermutations = 100_000
)

// Options configures Test. The zero value uses the defaults.
type Options struct {
	// MaxExact is the most partitions enumerated for an exact p-value.
	MaxExact int
	// Permutations is the number of random partitions drawn when there
	// are more than MaxExact.
	Permutations int
	// Seed seeds the random partitions.
	Seed uint64
}

// Sets are the four word lists of a test.
type Sets struct {
	X, Y, A, B []string
}

// Association is one target word's s(w, A, B).
type Association struct {
	Word   string  `json:"word"`
	Target string  `json:"target"` // "X" or "Y"
	S      float64 `json:"s"`
}

// Result is the outcome of a test.
type Result struct {
	EffectSize float64 `json:"effect_size"`
	PValue     float64 `json:"p_value"`
	// Statistic is S(X, Y).
	Statistic float64 `json:"statistic"`
	// Permutations is the number of partitions the p-value counts: all of
	// them when Exact, else the number drawn (the observed one aside).
	Permutations int  `json:"permutations"`
	Exact        bool `json:"exact"`
	// Associations lists s(w) for X's words, then Y's, in input order.
	Associations []Association `json:"associations"`
	// Used are the words of each set found in the vector set; Missing
	// those left out.
	Used    Sets     `json:"used"`
	Missing []string `json:"missing"`
}

// Test runs the WEAT on set; see the package documentation.
func Test(ctx context.Context, set *vectors.Set, words Sets, opts Options) (*Result, error) {
	if opts.MaxExact == 0 {
		opts.MaxExact = DefaultMaxExact
	}
	if opts.Permutations == 0 {
		opts.Permutations = DefaultPermutations
	}
	if opts.MaxExact < 0 || opts.Permutations < 0 {
		return nil, fmt.Errorf("max-exact %d, permutations %d: %w", opts.MaxExact, opts.Permutations, ErrBadOptions)
	}
	res := &Result{}
	rows, err := lookUp(set, words, res)
	if err != nil {
		return nil, err
	}
	targets := append(append([]int(nil), rows.X...), rows.Y...)
	s := make([]float64, len(targets))
	for i, w := range targets {
		s[i] = association(set, w, rows.A, rows.B)
	}
	nx := len(rows.X)
	var sumX, sumY float64
	for i, v := range s {
		target := "X"
		if i < nx {
			sumX += v
		} else {
			sumY += v
			target = "Y"
		}
		res.Associations = append(res.Associations, Association{Word: set.Word(targets[i]), Target: target, S: v})
	}
	res.Statistic = sumX - sumY
	sd := sampleSD(s)
	if sd == 0 {
		return nil, ErrNoVariance
	}
	res.EffectSize = (sumX/float64(nx) - sumY/float64(len(s)-nx)) / sd

	if count, ok := binomial(len(s), nx, opts.MaxExact); ok {
		atLeast, err := exactCount(ctx, s, nx, sumX)
		if err != nil {
			return nil, err
		}
		res.Exact, res.Permutations = true, count
		res.PValue = float64(atLeast) / float64(count)
		return res, nil
	}
	atLeast, err := sampledCount(ctx, s, nx, sumX, opts)
	if err != nil {
		return nil, err
	}
	res.Permutations = opts.Permutations
	res.PValue = float64(1+atLeast) / float64(1+opts.Permutations)
	return res, nil
}

// rowSets holds the rows of the known words of each set.
type rowSets struct{ X, Y, A, B []int }

// lookUp finds each word's row, recording used and missing words in res.
func lookUp(set *vectors.Set, words Sets, res *Result) (rowSets, error) {
	var rows rowSets
	find := func(list []string, rowsOut *[]int, used *[]string) {
		for _, w := range list {
			if i, ok := set.Index(w); ok {
				*rowsOut = append(*rowsOut, i)
				*used = append(*used, w)
			} else {
				res.Missing = append(res.Missing, w)
			}
		}
	}
	find(words.X, &rows.X, &res.Used.X)
	find(words.Y, &rows.Y, &res.Used.Y)
	find(words.A, &rows.A, &res.Used.A)
	find(words.B, &rows.B, &res.Used.B)
	for _, c := range []struct {
		name string
		got  int
		need int
	}{{"X", len(rows.X), 2}, {"Y", len(rows.Y), 2}, {"A", len(rows.A), 1}, {"B", len(rows.B), 1}} {
		if c.got < c.need {
			return rows, fmt.Errorf("set %s has %d word(s) in the vocabulary, needs at least %d: %w", c.name, c.got, c.need, ErrTooFewWords)
		}
	}
	if w, ok := shared(rows.X, rows.Y); ok {
		return rows, fmt.Errorf("%q is in X and in Y: %w", set.Word(w), ErrOverlap)
	}
	if w, ok := shared(rows.A, rows.B); ok {
		return rows, fmt.Errorf("%q is in A and in B: %w", set.Word(w), ErrOverlap)
	}
	return rows, nil
}

func shared(p, q []int) (int, bool) {
	in := make(map[int]bool, len(p))
	for _, v := range p {
		in[v] = true
	}
	for _, v := range q {
		if in[v] {
			return v, true
		}
	}
	return 0, false
}

// association is s(w, A, B) for row w.
func association(set *vectors.Set, w int, a, b []int) float64 {
	mean := func(rows []int) float64 {
		var sum float64
		for _, r := range rows {
			sum += cosine(set.Vector(w), set.Vector(r))
		}
		return sum / float64(len(rows))
	}
	return mean(a) - mean(b)
}

// cosine is computed in float64 from the stored float32 values; 0 when
// either vector is zero.
func cosine(x, y []float32) float64 {
	var dot, nx, ny float64
	for i := range x {
		a, b := float64(x[i]), float64(y[i])
		dot += a * b
		nx += a * a
		ny += b * b
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	return dot / math.Sqrt(nx*ny)
}

// sampleSD is the standard deviation with n − 1 in the denominator.
func sampleSD(v []float64) float64 {
	var mean float64
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(v)-1))
}

// binomial returns C(n, k) and true when it is at most limit.
func binomial(n, k, limit int) (int, bool) {
	if k > n-k {
		k = n - k
	}
	c := 1 // C(n−k+i, i) after step i, increasing with i
	for i := 1; i <= k; i++ {
		if c > math.MaxInt/(n-k+i) {
			return 0, false
		}
		c = c * (n - k + i) / i
		if c > limit {
			return 0, false
		}
	}
	return c, true
}

// tolerance is how far below the observed sum a partition's sum may be
// and still count as at least as large (the same subset summed in another
// order).
func tolerance(s []float64) float64 {
	var abs float64
	for _, v := range s {
		abs += math.Abs(v)
	}
	return 1e-12 * abs
}

// exactCount counts the subsets of size k of s whose sum is at least
// observed (minus the tolerance). S_i = 2·Σ_{X_i} s − Σ s, so comparing
// the sums of the X side is comparing the statistics.
func exactCount(ctx context.Context, s []float64, k int, observed float64) (int, error) {
	threshold := observed - tolerance(s)
	count, visited := 0, 0
	var walk func(start, left int, sum float64) error
	walk = func(start, left int, sum float64) error {
		if left == 0 {
			if sum >= threshold {
				count++
			}
			visited++
			if visited%4096 == 0 {
				return ctx.Err()
			}
			return nil
		}
		for i := start; i <= len(s)-left; i++ {
			if err := walk(i+1, left-1, sum+s[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(0, k, 0); err != nil {
		return 0, err
	}
	return count, ctx.Err()
}

// sampledCount draws opts.Permutations random partitions (a partial
// Fisher–Yates shuffle picks X_i) and counts those whose X-side sum is at
// least observed.
func sampledCount(ctx context.Context, s []float64, k int, observed float64, opts Options) (int, error) {
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5745415400000000)) // "WEAT"
	threshold := observed - tolerance(s)
	perm := make([]float64, len(s))
	copy(perm, s)
	count := 0
	for p := range opts.Permutations {
		if p%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
		var sum float64
		for i := range k {
			j := i + rng.IntN(len(perm)-i)
			perm[i], perm[j] = perm[j], perm[i]
			sum += perm[i]
		}
		if sum >= threshold {
			count++
		}
	}
	return count, nil
}

// Summary is the wire shape of a test's outcome, shared by `glove weat
// -json` and the dashboard's POST /api/vectors/:id/weat.
type Summary struct {
	EffectSize   float64  `json:"effect_size"`
	PValue       float64  `json:"p_value"`
	Permutations int      `json:"permutations"`
	Exact        bool     `json:"exact"`
	Missing      []string `json:"missing"`
}

// Summary returns r's headline numbers; Missing is empty, never null,
// when every word was found.
func (r *Result) Summary() Summary {
	missing := r.Missing
	if missing == nil {
		missing = []string{}
	}
	return Summary{EffectSize: r.EffectSize, PValue: r.PValue, Permutations: r.Permutations, Exact: r.Exact, Missing: missing}
}
