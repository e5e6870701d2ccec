package vectors

import (
	"errors"
	"fmt"
	"math"
	"sync"
)

// Errors for data problems. They are wrapped with %w and a message naming
// the line (text files) or record (binary files); test with errors.Is.
var (
	// ErrEmpty reports input without a single vector.
	ErrEmpty = errors.New("no word vectors in input")
	// ErrRaggedRow reports a row whose number of values differs from the
	// dimension set by the header or the first row.
	ErrRaggedRow = errors.New("row has the wrong number of values")
	// ErrNotNumber reports a vector component that is not a decimal number.
	ErrNotNumber = errors.New("vector value is not a number")
	// ErrNonFinite reports a NaN or infinite component, or one outside the
	// float32 range.
	ErrNonFinite = errors.New("vector value is NaN, infinite or out of float32 range")
	// ErrBlankLine reports an empty line followed by more rows.
	ErrBlankLine = errors.New("blank line between vector rows")
	// ErrHeaderMismatch reports a header whose counts disagree with the
	// data (dimension always; row count only with LoadOptions.StrictHeader)
	// or a header that is not "n d".
	ErrHeaderMismatch = errors.New("header does not match the vectors")
	// ErrTruncated reports a binary file that ends inside a record.
	ErrTruncated = errors.New("truncated word2vec binary record")
	// ErrDuplicateWord reports a word seen twice when duplicates are
	// rejected (LoadOptions.RejectDuplicates) or passed to New.
	ErrDuplicateWord = errors.New("duplicate word")
	// ErrUnknownWord reports a query word that is not in the set.
	ErrUnknownWord = errors.New("unknown word")
	// ErrTooFewWords reports an odd-one-out query with fewer than three
	// words.
	ErrTooFewWords = errors.New("too few words")
)

// Set is an immutable set of word vectors: n words of dimension d, stored
// row-major in one []float32 of length n·d. It is safe for concurrent use.
type Set struct {
	words []string
	dim   int
	data  []float32
	index map[string]int32

	unitOnce sync.Once
	unit     []float32 // rows of data scaled to unit length, computed once
}

// New returns a Set of the given words and row-major vectors; it takes
// ownership of both slices. It panics when len(data) != len(words)·dim or
// dim < 1 (programmer errors) and returns ErrDuplicateWord for a repeated
// word and ErrNonFinite for NaN or infinite values (data errors).
func New(words []string, dim int, data []float32) (*Set, error) {
	if dim < 1 || len(data) != len(words)*dim {
		panic(fmt.Sprintf("vectors.New: %d words × dim %d needs %d values, got %d", len(words), dim, len(words)*dim, len(data)))
	}
	for i, v := range data {
		if f := float64(v); math.IsNaN(f) || math.IsInf(f, 0) {
			return nil, fmt.Errorf("vectors.New: word %q component %d: %w", words[i/dim], i%dim+1, ErrNonFinite)
		}
	}
	index := make(map[string]int32, len(words))
	for i, w := range words {
		if j, dup := index[w]; dup {
			return nil, fmt.Errorf("vectors.New: %q at rows %d and %d: %w", w, j, i, ErrDuplicateWord)
		}
		index[w] = int32(i)
	}
	return &Set{words: words, dim: dim, data: data, index: index}, nil
}

// MemoryBytes estimates the memory s holds once its unit-length copy has
// been made (the first search makes it): 2·n·d float32 values and the n
// words (string header, bytes, index slot; about 48 bytes each plus
// their length).
func (s *Set) MemoryBytes() int64 {
	b := 8 * int64(len(s.data))
	for _, w := range s.words {
		b += 48 + int64(len(w))
	}
	return b
}

// Len returns the number of words n.
func (s *Set) Len() int { return len(s.words) }

// Dim returns the dimension d of every vector.
func (s *Set) Dim() int { return s.dim }

// Word returns the word of row i (0 ≤ i < Len).
func (s *Set) Word(i int) string { return s.words[i] }

// Words returns the words in row order. The slice is shared: do not modify.
func (s *Set) Words() []string { return s.words }

// Index returns the row of word, and false when it is unknown. Lookup is
// exact (case-sensitive).
func (s *Set) Index(word string) (int, bool) {
	i, ok := s.index[word]
	return int(i), ok
}

// Vector returns row i (length Dim). The slice is shared: do not modify.
func (s *Set) Vector(i int) []float32 { return s.data[i*s.dim : (i+1)*s.dim : (i+1)*s.dim] }

// Lookup returns the vector of word, or ErrUnknownWord.
func (s *Set) Lookup(word string) ([]float32, error) {
	i, ok := s.Index(word)
	if !ok {
		return nil, fmt.Errorf("%q: %w", word, ErrUnknownWord)
	}
	return s.Vector(i), nil
}

// Data returns all vectors, row-major, length Len·Dim. The slice is shared:
// do not modify.
func (s *Set) Data() []float32 { return s.data }

// Unit returns the rows scaled to unit Euclidean length (zero rows stay
// zero), row-major like Data. It is computed on first use and cached; the
// slice is shared: do not modify.
func (s *Set) Unit() []float32 {
	s.unitOnce.Do(func() {
		unit := make([]float32, len(s.data))
		parallelRows(len(s.words), func(lo, hi int) {
			for i := lo; i < hi; i++ {
				row := s.data[i*s.dim : (i+1)*s.dim]
				normaliseInto(unit[i*s.dim:(i+1)*s.dim], row)
			}
		})
		s.unit = unit
	})
	return s.unit
}

// UnitVector returns row i of Unit.
func (s *Set) UnitVector(i int) []float32 {
	u := s.Unit()
	return u[i*s.dim : (i+1)*s.dim : (i+1)*s.dim]
}

// Norm returns the Euclidean length of row i.
func (s *Set) Norm(i int) float64 { return math.Sqrt(sumSquares(s.Vector(i))) }

// Similarity returns the cosine of the vectors of words a and b, or
// ErrUnknownWord.
func (s *Set) Similarity(a, b string) (float64, error) {
	i, ok := s.Index(a)
	if !ok {
		return 0, fmt.Errorf("%q: %w", a, ErrUnknownWord)
	}
	j, ok := s.Index(b)
	if !ok {
		return 0, fmt.Errorf("%q: %w", b, ErrUnknownWord)
	}
	return s.SimilarityAt(i, j), nil
}

// SimilarityAt returns the cosine of rows i and j (float32 arithmetic on
// the cached unit vectors).
func (s *Set) SimilarityAt(i, j int) float64 {
	return float64(dot32(s.UnitVector(i), s.UnitVector(j)))
}

// sumSquares returns Σ v_i² accumulated in float64.
func sumSquares(v []float32) float64 {
	var ss float64
	for _, x := range v {
		ss += float64(x) * float64(x)
	}
	return ss
}

// normaliseInto writes v/‖v‖ into dst (len(dst) == len(v)); a zero vector
// stays zero.
func normaliseInto(dst, v []float32) {
	ss := sumSquares(v)
	if ss == 0 {
		clear(dst)
		return
	}
	inv := 1 / math.Sqrt(ss)
	for i, x := range v {
		dst[i] = float32(float64(x) * inv)
	}
}

// parallelRows calls fn on two halves of [0, n) concurrently and waits.
func parallelRows(n int, fn func(lo, hi int)) {
	if n < 4096 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	mid := n / 2
	wg.Go(func() { fn(0, mid) })
	fn(mid, n)
	wg.Wait()
}
