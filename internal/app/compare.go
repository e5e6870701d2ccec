package app

// Comparing two vector sets: the orthogonal Procrustes alignment of one
// onto the other (analysis/align), kept in a cache keyed by the two sets
// and the number of fit words, and the aligned map of chosen words.

import (
	"context"
	"errors"
	"fmt"

	"github.com/gloveboard/gloveboard/analysis/align"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// maxAlignments is how many alignments the cache keeps.
const maxAlignments = 8

// DefaultMaxInstantAlign is the default of Config.MaxInstantAlign: two
// sets sharing more words are aligned by a job (SubmitAlign).
const DefaultMaxInstantAlign = 50_000

// ErrAlignLarge marks an alignment of more shared words than are aligned
// in a request and not yet computed: SubmitAlign runs it as a job, after
// which Align returns it from the cache.
var ErrAlignLarge = errors.New("the alignment is too large for a request: run it as a job")

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

// Align returns vector set a rotated onto b over their shared words
// (fitTop > 0 fits the rotation on the first fitTop shared words in a's
// order). An alignment is computed once per (a, b, fitTop) and kept in a
// cache of the last few. Up to Config.MaxInstantAlign shared words it is
// computed in the call; above, unless a job (SubmitAlign) has already
// computed it, the error is ErrAlignLarge (a Conflict). Fewer than two
// shared words is an Unprocessable error that says how many there are.
func (s *Service) Align(ctx context.Context, a, b store.VectorSet, fitTop int) (*Alignment, error) {
	key := alignKey{a: a.SHA256, b: b.SHA256, fitTop: fitTop}
	if al, ok := s.aligns.Peek(key); ok {
		return al, nil
	}
	setA, setB, shared, err := s.alignSets(ctx, a, b)
	if err != nil {
		return nil, err
	}
	if shared > s.maxInstantAlign {
		return nil, apperr.Wrap(ErrAlignLarge, apperr.Conflict, fmt.Sprintf("“%s” and “%s” share %s words, more than the %s aligned while you wait: align them in the background (a job).",
			apperr.Quote(a.Name), apperr.Quote(b.Name), views.Count(shared), views.Count(s.maxInstantAlign)))
	}
	return s.aligns.Get(key, func() (*Alignment, error) {
		// The computation is shared by concurrent callers: it must not
		// stop when the first one leaves.
		return computeAlignment(context.WithoutCancel(ctx), a, b, setA, setB, fitTop)
	})
}

// SubmitAlign queues a job that aligns a onto b (as Align) and keeps the
// result in the cache, where Align finds it.
func (s *Service) SubmitAlign(ctx context.Context, a, b store.VectorSet, fitTop int) (store.Job, error) {
	setA, setB, _, err := s.alignSets(ctx, a, b)
	if err != nil {
		return store.Job{}, err
	}
	key := alignKey{a: a.SHA256, b: b.SHA256, fitTop: fitTop}
	return s.submit(KindAlign, a.ID, func(jctx context.Context, run jobs.Run) error {
		run.Progress(0, fmt.Sprintf("aligning “%s” onto “%s”", a.Name, b.Name))
		al, err := computeAlignment(jctx, a, b, setA, setB, fitTop)
		if err != nil {
			return err
		}
		s.aligns.Add(key, al)
		return nil
	})
}

// alignSets loads both sets and refuses an alignment over the memory
// budget (the unit rows of both sets and A rotated, in float64). It
// returns the number of shared words.
func (s *Service) alignSets(ctx context.Context, a, b store.VectorSet) (setA, setB *vectors.Set, shared int, err error) {
	if setA, err = s.VectorSet(ctx, a); err != nil {
		return nil, nil, 0, err
	}
	if setB, err = s.VectorSet(ctx, b); err != nil {
		return nil, nil, 0, err
	}
	words, _, _ := align.SharedWords(setA, setB)
	n := int64(len(words))
	if need := 8 * n * int64(setA.Dim()+2*setB.Dim()); need > s.budget {
		return nil, nil, 0, apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("Aligning %s shared words needs about %s of memory, more than the budget of %s for one job (start the server with a larger -memory-budget).",
			views.Count(n), views.Bytes(need), views.Bytes(s.budget)))
	}
	return setA, setB, len(words), nil
}

// computeAlignment runs align.Align, explaining too few shared words.
func computeAlignment(ctx context.Context, a, b store.VectorSet, setA, setB *vectors.Set, fitTop int) (*Alignment, error) {
	res, err := align.Align(ctx, setA, setB, align.Options{FitTop: fitTop})
	if errors.Is(err, align.ErrTooFewShared) {
		shared, _, _ := align.SharedWords(setA, setB)
		return nil, apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("“%s” and “%s” share %s, and fitting a rotation needs at least 2 (and at least 2 fit words).",
			apperr.Quote(a.Name), apperr.Quote(b.Name), wordCount(len(shared))))
	}
	if err != nil {
		return nil, err
	}
	return &Alignment{A: a, B: b, FitTop: fitTop, Result: res}, nil
}

func wordCount(n int) string {
	if n == 1 {
		return "1 word"
	}
	return views.Count(n) + " words"
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
		va := setA.UnitVector(ia)
		from := make([]float64, dB)
		for k := range dA {
			row := rot.Data[k*rot.Stride : k*rot.Stride+dB]
			for j := range dB {
				from[j] += float64(va[k]) * row[j]
			}
		}
		for j := range dB {
			data[i*dB+j] = float32(from[j])
		}
		copy(data[(n+i)*dB:(n+i+1)*dB], setB.UnitVector(ib))
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
