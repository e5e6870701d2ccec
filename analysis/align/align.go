package align

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// Errors returned by Align and Neighbours; test with errors.Is.
var (
	// ErrTooFewShared reports fewer than two shared words (or fit words).
	ErrTooFewShared = errors.New("the two vector sets share fewer than two words")
	// ErrBadOptions reports an option outside its range.
	ErrBadOptions = errors.New("invalid alignment options")
)

// Options configures Align.
type Options struct {
	// FitTop, when positive, fits the rotation on the first FitTop shared
	// words in A's row order (the most frequent, in frequency-ordered
	// files) instead of all of them. 0 means all shared words.
	FitTop int
}

// Moved is one shared word and how far it moved.
type Moved struct {
	Word string `json:"word"`
	// Distance is 1 − cos(a_w R, b_w), in [0, 2].
	Distance float64 `json:"distance"`
	// RankA and RankB are the word's 0-based rows in A and in B (its
	// frequency rank in frequency-ordered files).
	RankA int `json:"rank_a"`
	RankB int `json:"rank_b"`
}

// Result is the alignment of A onto B.
type Result struct {
	// Shared is the number of words in both sets; FitWords how many of
	// them fitted the rotation.
	Shared   int `json:"shared"`
	FitWords int `json:"fit_words"`
	// Residual is ‖A R − B‖_F / ‖B‖_F over all shared words, unit rows.
	Residual float64 `json:"residual"`
	// Rotation is R, d_A × d_B.
	Rotation *mat.Dense `json:"-"`
	// Moved lists every shared word, most moved first.
	Moved []Moved `json:"moved"`
}

// SharedWords returns the words of a that are also in b, in a's row order,
// with their rows in a and b.
func SharedWords(a, b *vectors.Set) (words []string, rowsA, rowsB []int) {
	for i := 0; i < a.Len(); i++ {
		w := a.Word(i)
		if j, ok := b.Index(w); ok {
			words = append(words, w)
			rowsA = append(rowsA, i)
			rowsB = append(rowsB, j)
		}
	}
	return words, rowsA, rowsB
}

// Align rotates a onto b over their shared vocabulary; see the package
// documentation for the definitions. It checks ctx between the stages.
func Align(ctx context.Context, a, b *vectors.Set, opts Options) (*Result, error) {
	if opts.FitTop < 0 {
		return nil, fmt.Errorf("fit-top %d must be 0 (all shared words) or positive: %w", opts.FitTop, ErrBadOptions)
	}
	words, rowsA, rowsB := SharedWords(a, b)
	n := len(words)
	if n < 2 {
		return nil, fmt.Errorf("%d shared words: %w", n, ErrTooFewShared)
	}
	fit := n
	if opts.FitTop > 0 && opts.FitTop < n {
		fit = opts.FitTop
	}
	if fit < 2 {
		return nil, fmt.Errorf("%d fit words: %w", fit, ErrTooFewShared)
	}
	unitA := unitRows(a, rowsA) // n × d_A
	unitB := unitRows(b, rowsB) // n × d_B
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	rot, err := procrustes(unitA.Slice(0, fit, 0, a.Dim()), unitB.Slice(0, fit, 0, b.Dim()))
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var rotated mat.Dense // n × d_B
	rotated.Mul(unitA, rot)
	res := &Result{Shared: n, FitWords: fit, Rotation: rot, Moved: make([]Moved, n)}
	var diff mat.Dense
	diff.Sub(&rotated, unitB)
	if normB := mat.Norm(unitB, 2); normB > 0 {
		res.Residual = mat.Norm(&diff, 2) / normB
	}
	for i := range n {
		res.Moved[i] = Moved{Word: words[i], Distance: 1 - cosine(rotated.RawRowView(i), unitB.RawRowView(i)),
			RankA: rowsA[i], RankB: rowsB[i]}
	}
	sort.SliceStable(res.Moved, func(i, j int) bool { return res.Moved[i].Distance > res.Moved[j].Distance })
	return res, nil
}

// procrustes returns R = U Vᵀ for the thin SVD AᵀB = U Σ Vᵀ, the
// (semi-)orthogonal d_A × d_B matrix minimising ‖A R − B‖_F.
func procrustes(a, b mat.Matrix) (*mat.Dense, error) {
	var cross mat.Dense // d_A × d_B
	cross.Mul(a.T(), b)
	var svd mat.SVD
	if !svd.Factorize(&cross, mat.SVDThin) {
		return nil, errors.New("align: the SVD of AᵀB did not converge")
	}
	var u, v mat.Dense
	svd.UTo(&u)
	svd.VTo(&v)
	var rot mat.Dense
	rot.Mul(&u, v.T())
	return &rot, nil
}

// unitRows returns the given rows of s as float64, each scaled to unit
// length (zero rows stay zero).
func unitRows(s *vectors.Set, rows []int) *mat.Dense {
	d := s.Dim()
	out := mat.NewDense(len(rows), d, nil)
	for i, r := range rows {
		dst := out.RawRowView(i)
		var ss float64
		for k, v := range s.Vector(r) {
			dst[k] = float64(v)
			ss += float64(v) * float64(v)
		}
		if ss > 0 {
			inv := 1 / math.Sqrt(ss)
			for k := range dst {
				dst[k] *= inv
			}
		}
	}
	return out
}

// cosine returns the cosine of x and y, 0 when either is zero.
func cosine(x, y []float64) float64 {
	var dot, nx, ny float64
	for i := range x {
		dot += x[i] * y[i]
		nx += x[i] * x[i]
		ny += y[i] * y[i]
	}
	if nx == 0 || ny == 0 {
		return 0
	}
	return dot / math.Sqrt(nx*ny)
}

// Summary is the wire shape of an alignment, shared by `glove align
// -json` and the dashboard's /api/compare/align.
type Summary struct {
	Shared   int     `json:"shared"`
	FitWords int     `json:"fit_words"`
	Residual float64 `json:"residual"`
	Moved    []Moved `json:"moved"`
}

// Summary returns r's counts and residual with moved as the words listed
// (the first of r.Moved, or those left by a filter); nil gives an empty
// list, never null.
func (r *Result) Summary(moved []Moved) Summary {
	if moved == nil {
		moved = []Moved{}
	}
	return Summary{Shared: r.Shared, FitWords: r.FitWords, Residual: r.Residual, Moved: moved}
}
