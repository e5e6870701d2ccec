package runs

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// Files of the evaluation directory (the layout of ../shared/data/eval).
const (
	AnalogyFile = "analogy/questions-words.txt"
)

// SimilaritySets are the word-similarity files scored, with their names.
var SimilaritySets = []struct{ Name, File string }{
	{"WS-353", "similarity/EN-WS-353-ALL.txt"},
	{"SimLex-999", "similarity/EN-SIMLEX-999.txt"},
	{"MEN", "similarity/EN-MEN-TR-3k.txt"},
}

// ErrNoEvalSets means no evaluation directory is configured or it holds
// none of the expected files.
var ErrNoEvalSets = errors.New("evaluation sets are not configured")

// EvalSets are the parsed evaluation files.
type EvalSets struct {
	Analogy    []evaluate.AnalogySection
	Similarity []NamedPairs
}

// NamedPairs is one word-similarity set.
type NamedPairs struct {
	Name  string
	Pairs []evaluate.WordPair
}

// LoadEvalSets reads the evaluation files present in dir. It returns
// ErrNoEvalSets when dir is empty or holds none of them.
func LoadEvalSets(dir string) (*EvalSets, error) {
	if dir == "" {
		return nil, ErrNoEvalSets
	}
	es := &EvalSets{}
	p := filepath.Join(dir, filepath.FromSlash(AnalogyFile))
	if _, err := os.Stat(p); err == nil {
		secs, err := evaluate.LoadAnalogies(p)
		if err != nil {
			return nil, fmt.Errorf("analogy set: %w", err)
		}
		es.Analogy = secs
	}
	for _, s := range SimilaritySets {
		p := filepath.Join(dir, filepath.FromSlash(s.File))
		if _, err := os.Stat(p); err != nil {
			continue
		}
		pairs, err := evaluate.LoadPairs(p)
		if err != nil {
			return nil, fmt.Errorf("similarity set %s: %w", s.Name, err)
		}
		es.Similarity = append(es.Similarity, NamedPairs{Name: s.Name, Pairs: pairs})
	}
	if es.Analogy == nil && es.Similarity == nil {
		return nil, ErrNoEvalSets
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
