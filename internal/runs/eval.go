package runs

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/evalsets"
)

// ErrNoEvalSets means an evaluation folder holds none of the expected
// files (analogy/questions-words.txt, similarity/*.txt).
var ErrNoEvalSets = errors.New("no evaluation sets in the folder")

// EvalSets are the parsed evaluation files.
type EvalSets struct {
	Analogy    []evaluate.AnalogySection
	Similarity []NamedPairs
}

// NamedPairs is one word-similarity set.
type NamedPairs = evalsets.NamedPairs

// LoadEvalSets returns the sets runs are scored on: the embedded Google
// analogy set and WS-353, SimLex-999 and MEN (package evalsets), plus the
// sets of dir when it is not empty. dir has the layout of
// ../shared/data/eval: its analogy/questions-words.txt, when present,
// replaces the embedded analogy set, and each similarity/*.txt is added,
// or replaces the embedded set of the same name (so a copy of the shipped
// files adds nothing twice). A dir holding none of these files is an
// error wrapping ErrNoEvalSets.
func LoadEvalSets(dir string) (*EvalSets, error) {
	analogy, similarity, err := evalsets.Default()
	if err != nil {
		return nil, fmt.Errorf("embedded evaluation sets: %w", err)
	}
	es := &EvalSets{Analogy: analogy, Similarity: similarity}
	if dir == "" {
		return es, nil
	}
	moreAnalogy, more, err := evalsets.Load(os.DirFS(dir))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", dir, ErrNoEvalSets)
	case err != nil:
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if moreAnalogy != nil {
		es.Analogy = moreAnalogy
	}
	for _, np := range more {
		i := slices.IndexFunc(es.Similarity, func(s NamedPairs) bool { return s.Name == np.Name })
		if i >= 0 {
			es.Similarity[i] = np
			continue
		}
		es.Similarity = append(es.Similarity, np)
	}
	return es, nil
}

// Score is one analogy aggregate.
type Score struct {
	Correct   int     `json:"correct"`
	Covered   int     `json:"covered"`
	Questions int     `json:"questions"`
	Accuracy  float64 `json:"accuracy"` // Correct/Covered, 0 when nothing is covered
}

// AnalogyScores are the Google analogy results.
type AnalogyScores struct {
	Total     Score `json:"total"`
	Semantic  Score `json:"semantic"`
	Syntactic Score `json:"syntactic"`
}

// SimilarityResult is one word-similarity score. Spearman is nil when it
// cannot be computed (no or too few pairs covered).
type SimilarityResult struct {
	Name     string   `json:"name"`
	Spearman *float64 `json:"spearman"`
	Pairs    int      `json:"pairs"`
	Total    int      `json:"total"`
}

// Evaluation holds every score of a vector set.
type Evaluation struct {
	Analogy    *AnalogyScores     `json:"analogy,omitempty"`
	Similarity []SimilarityResult `json:"similarity,omitempty"`
}

func score(s evaluate.Score) Score {
	return Score{Correct: s.Correct, Covered: s.Covered, Questions: s.Questions, Accuracy: s.Accuracy()}
}

// Evaluate scores set on the analogy and similarity sets. progress, if
// not nil, receives the analogy questions answered so far and their total.
func (es *EvalSets) Evaluate(ctx context.Context, set *vectors.Set, progress func(done, total int)) (*Evaluation, error) {
	ev := &Evaluation{}
	if es.Analogy != nil {
		rep, err := evaluate.Analogies(ctx, set, es.Analogy, evaluate.AnalogyOptions{Progress: progress})
		if err != nil {
			return nil, err
		}
		ev.Analogy = &AnalogyScores{Total: score(rep.Total), Semantic: score(rep.Semantic), Syntactic: score(rep.Syntactic)}
	}
	for _, np := range es.Similarity {
		r := SimilarityResult{Name: np.Name, Total: len(np.Pairs)}
		s, err := evaluate.Similarity(set, np.Pairs, evaluate.SimilarityOptions{})
		switch {
		case errors.Is(err, evaluate.ErrNoPairs):
		case err != nil:
			return nil, err
		default:
			r.Pairs = s.Pairs
			if !math.IsNaN(s.Spearman) && !math.IsInf(s.Spearman, 0) {
				v := s.Spearman
				r.Spearman = &v
			}
		}
		ev.Similarity = append(ev.Similarity, r)
	}
	return ev, nil
}
