package evaluate

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/linefit"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// WordPair is one line of a similarity set: two words and the human score.
type WordPair struct {
	A, B string
	Gold float64
	Line int
}

// ReadPairs parses "w1<TAB>w2<TAB>score" lines (any run of blanks also
// separates fields); blank lines and lines starting with '#' are skipped,
// and so is a UTF-8 byte-order mark at the start.
func ReadPairs(r io.Reader) ([]WordPair, error) {
	var pairs []WordPair
	sc := bufio.NewScanner(r)
	line := 1
	for ; sc.Scan(); line++ {
		text := strings.TrimSpace(trimBOM(line, sc.Text()))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 3 {
			f = strings.Fields(text)
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("line %d: %d fields, want word, word, score: %w", line, len(f), ErrBadLine)
		}
		gold, err := strconv.ParseFloat(strings.TrimSpace(f[2]), 64)
		if err != nil || math.IsNaN(gold) || math.IsInf(gold, 0) {
			return nil, fmt.Errorf("line %d: score %q is not a finite number: %w", line, f[2], ErrBadLine)
		}
		a, b := strings.TrimSpace(f[0]), strings.TrimSpace(f[1])
		if a == "" || b == "" {
			// "a<TAB><TAB>1" splits into three fields, one of them empty.
			return nil, fmt.Errorf("line %d: an empty word: %w", line, ErrBadLine)
		}
		pairs = append(pairs, WordPair{A: a, B: b, Gold: gold, Line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, scanError(err, line)
	}
	return pairs, nil
}

// LoadPairs reads a similarity file (see ReadPairs).
func LoadPairs(path string) ([]WordPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	p, err := ReadPairs(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// SimilarityOptions tunes Similarity; the zero value is case-insensitive
// over the whole vocabulary.
type SimilarityOptions struct {
	CaseSensitive bool
	// Restrict limits the vocabulary to the first Restrict rows; 0 = all.
	Restrict int
}

// SimilarityScore is the result of Similarity.
type SimilarityScore struct {
	Spearman float64 // Spearman's ρ of gold vs cosine, ties averaged
	Pearson  float64 // Pearson's r of gold vs cosine
	Pairs    int     // pairs with both words known (used)
	OOV      int     // pairs skipped for an unknown word
	// ContrastAUC is ContrastAUC of the covered pairs when every gold
	// score is 0 or 1 (a ViCon set: synonyms 1, antonyms 0), else NaN.
	ContrastAUC float64
}

// Similarity correlates the human scores of pairs with the cosines of
// their vectors. It returns ErrNoPairs when no pair is covered.
func Similarity(set *vectors.Set, pairs []WordPair, opts SimilarityOptions) (SimilarityScore, error) {
	vocab := newVocabulary(set, opts.Restrict, opts.CaseSensitive)
	var gold, model []float64
	var res SimilarityScore
	for _, p := range pairs {
		a, okA := vocab.row(p.A)
		b, okB := vocab.row(p.B)
		if !okA || !okB {
			res.OOV++
			continue
		}
		gold = append(gold, p.Gold)
		model = append(model, set.SimilarityAt(a, b))
	}
	res.Pairs = len(gold)
	if res.Pairs == 0 {
		return res, fmt.Errorf("%d pairs, all with an unknown word: %w", len(pairs), ErrNoPairs)
	}
	res.Spearman = Spearman(gold, model)
	res.Pearson = correlation(gold, model)
	res.ContrastAUC = math.NaN()
	if !slices.ContainsFunc(gold, func(g float64) bool { return g != 0 && g != 1 }) {
		res.ContrastAUC = ContrastAUC(gold, model)
	}
	return res, nil
}

// Spearman returns Spearman's rank correlation of x and y: the Pearson
// correlation of their ranks, tied values sharing the mean of the ranks
// they span. It panics when the lengths differ and returns NaN for fewer
// than two values or a constant input.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) {
		panic("evaluate: Spearman of slices of different lengths")
	}
	return correlation(Ranks(x), Ranks(y))
}

// correlation is Pearson's r by analysis/linefit (gonum's
// stat.Correlation), NaN where r is undefined: fewer than two values or a
// constant input. SimilarityScore keeps NaN for "no score" and its users
// (the dashboard, glove eval) show it as such.
func correlation(x, y []float64) float64 {
	r, err := linefit.Correlation(x, y)
	if err != nil {
		return math.NaN()
	}
	return r
}

// Ranks returns the 1-based ranks of x in ascending order, ties getting
// the average of the ranks they occupy (e.g. [10 20 20 30] → [1 2.5 2.5 4]).
func Ranks(x []float64) []float64 {
	order := make([]int, len(x))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	ranks := make([]float64, len(x))
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && x[order[hi]] == x[order[lo]] {
			hi++
		}
		// positions lo..hi-1 hold ranks lo+1..hi; their mean:
		avg := float64(lo+1+hi) / 2
		for _, i := range order[lo:hi] {
			ranks[i] = avg
		}
		lo = hi
	}
	return ranks
}
