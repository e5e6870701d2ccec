package app

// Comparing two vector sets: the orthogonal Procrustes alignment of one
// onto the other (analysis/align), kept in a cache keyed by the two sets
// and the number of fit words, and the aligned map of chosen words.

import (
	"context"
	"errors"
	"fmt"
	"math"

	"github.com/gloveboard/gloveboard/analysis/align"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// maxAlignments is how many alignments the cache keeps.
const maxAlignments = 8

// MaxAlignShared is the most shared words aligned in a request. Above it
// the alignment is refused with a message (a background job for larger
// sets is not built yet).
const MaxAlignShared = 50_000

// alignKey identifies an alignment: the two sets by content and FitTop.
type alignKey struct {
	a, b   string // SHA-256 of the vector files
	fitTop int
}

// Alignment is vector set A rotated onto vector set B.
type Alignment struct {
	A, B   store.VectorSet
	FitTop int // as asked (0: all shared words)
	*align.Result
}

// Align rotates vector set a onto b over their shared words (FitTop > 0
// fits the rotation on the first FitTop shared words in a's order), once
// per (a, b, fitTop) while it stays in the cache. Fewer than two shared
// words is an Unprocessable error that says how many there are.
func (s *Service) Align(ctx context.Context, a, b store.VectorSet, fitTop int) (*Alignment, error) {
	key := alignKey{a: a.SHA256, b: b.SHA256, fitTop: fitTop}
	return s.aligns.Get(key, func() (*Alignment, error) {
		// The load is shared by concurrent callers: it must not stop when
		// the first one leaves.
		lctx := context.WithoutCancel(ctx)
		setA, err := s.VectorSet(lctx, a)
		if err != nil {
			return nil, err
		}
		setB, err := s.VectorSet(lctx, b)
		if err != nil {
			return nil, err
		}
		if err := s.checkAlign(a, b, setA, setB); err != nil {
			return nil, err
		}
		res, err := align.Align(lctx, setA, setB, align.Options{FitTop: fitTop})
		if errors.Is(err, align.ErrTooFewShared) {
			shared, _, _ := align.SharedWords(setA, setB)
			return nil, apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("“%s” and “%s” share %s, and fitting a rotation needs at least 2 (and at least 2 fit words).",
				apperr.Quote(a.Name), apperr.Quote(b.Name), wordCount(len(shared))))
		}
		if err != nil {
			return nil, err
		}
		return &Alignment{A: a, B: b, FitTop: fitTop, Result: res}, nil
	})
}

func wordCount(n int) string {
	if n == 1 {
		return "1 word"
	}
	return views.Count(n) + " words"
}

// checkAlign refuses alignments over MaxAlignShared shared words or the
// memory budget (the unit rows of both sets and A rotated, in float64).
func (s *Service) checkAlign(a, b store.VectorSet, setA, setB *vectors.Set) error {
	shared, _, _ := align.SharedWords(setA, setB)
	n := int64(len(shared))
	if n > MaxAlignShared {
		return apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("“%s” and “%s” share %s words; the dashboard aligns at most %s in a request. Use `glove align -a A -b B` on the command line for larger sets.",
			apperr.Quote(a.Name), apperr.Quote(b.Name), views.Count(n), views.Count(MaxAlignShared)))
	}
	if need := 8 * n * int64(setA.Dim()+2*setB.Dim()); need > s.budget {
		return apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("Aligning %s shared words needs about %s of memory, more than the budget of %s.",
			views.Count(n), views.Bytes(need), views.Bytes(s.budget)))
	}
	return nil
}

// AlignedMap is a PCA map of chosen words of an alignment in one frame:
// each word's unit vector from A rotated into B's frame (From) and its
// unit vector in B (To), projected on the two leading principal axes of
// the union of those points.
type AlignedMap struct {
	Words    []string
	From, To [][2]float64
	// ExplainedVarianceRatio is the share of the union's variance along
	// each of the two axes.
	ExplainedVarianceRatio [2]float64
}

// AlignedMap maps words (each in both sets; at least one) of al.
func (s *Service) AlignedMap(ctx context.Context, al *Alignment, words []string) (*AlignedMap, error) {
	if len(words) == 0 {
		return nil, apperr.Invalidf("Choose at least one word for the aligned map.")
	}
	setA, err := s.VectorSet(ctx, al.A)
	if err != nil {
		return nil, err
	}
	setB, err := s.VectorSet(ctx, al.B)
	if err != nil {
		return nil, err
	}
	dA, dB := setA.Dim(), setB.Dim()
	n := len(words)
	data := make([]float32, 2*n*dB) // rows 0..n−1: A rotated; n..2n−1: B
	rot := al.Rotation.RawMatrix()  // dA × dB
	for i, w := range words {
		ia, okA := setA.Index(w)
		ib, okB := setB.Index(w)
		if !okA || !okB {
			return nil, apperr.Wrap(vectors.ErrUnknownWord, apperr.Unprocessable, fmt.Sprintf("“%s” is not in both vector sets.", apperr.Quote(w)))
		}
		va, vb := unit(setA.Vector(ia)), unit(setB.Vector(ib))
		from := data[i*dB : (i+1)*dB]
		for k := range dA {
			row := rot.Data[k*rot.Stride : k*rot.Stride+dB]
			for j := range dB {
				from[j] += float32(va[k] * row[j])
			}
		}
		for j := range dB {
			data[(n+i)*dB+j] = float32(vb[j])
		}
	}
	pca, err := project.PCA(ctx, data, 2*n, dB, project.PCAOptions{Components: 2})
	if err != nil {
		return nil, err
	}
	m := &AlignedMap{Words: words, From: make([][2]float64, n), To: make([][2]float64, n)}
	c := pca.Components
	at := func(r int) [2]float64 {
		p := [2]float64{pca.Points[r*c], 0}
		if c > 1 {
			p[1] = pca.Points[r*c+1]
		}
		return p
	}
	for i := range n {
		m.From[i], m.To[i] = at(i), at(n+i)
	}
	for k := 0; k < 2 && k < len(pca.ExplainedVarianceRatio); k++ {
		m.ExplainedVarianceRatio[k] = pca.ExplainedVarianceRatio[k]
	}
	return m, nil
}

// unit returns v in float64 scaled to length 1 (a zero vector stays zero).
func unit(v []float32) []float64 {
	out := make([]float64, len(v))
	var ss float64
	for i, x := range v {
		out[i] = float64(x)
		ss += out[i] * out[i]
	}
	if ss > 0 {
		inv := 1 / math.Sqrt(ss)
		for i := range out {
			out[i] *= inv
		}
	}
	return out
}
