package cooccur

import (
	"errors"
	"fmt"
	"runtime"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// MaxWindow is the largest window accepted.
const MaxWindow = 255

// ErrBadOptions reports an option value out of range.
var ErrBadOptions = errors.New("invalid co-occurrence options")

// ErrMatrixTooLarge reports a matrix with more nonzeros than
// Options.MaxNonzeros allows.
var ErrMatrixTooLarge = errors.New("the co-occurrence matrix is larger than allowed")

// BytesPerNonzero is the memory one nonzero takes in a Matrix (a float64
// value and an int32 column index); callers turn a memory budget into
// Options.MaxNonzeros with it.
const BytesPerNonzero = 12

// Options configures Count.
type Options struct {
	// Window is the number of words on each side (or on the left, when
	// not Symmetric) that count as context: 1..MaxWindow.
	Window int
	// Symmetric counts both left and right contexts.
	Symmetric bool
	// DistanceWeighting weights a pair at distance d by 1/d instead of 1.
	DistanceWeighting bool
	// MinCount drops words seen fewer times; at least 1.
	MinCount int64
	// MaxVocab keeps at most this many words (the most frequent); 0 = all.
	MaxVocab int
	// Tokenizer selects how the text is split.
	Tokenizer corpus.Tokenizer
	// Normalization is applied to the text before tokenizing: NFC (the
	// zero value) or none. ToneMarks moves Vietnamese tone marks to one
	// convention (kept by default). See corpus.ScanOptions.
	Normalization corpus.Normalization
	ToneMarks     corpus.ToneMarks
	// Phrases, if set, joins word pairs into one token before counting:
	// a *phrases.Model (package analysis/phrases), learned beforehand.
	Phrases corpus.Rewriter
	// MemoryBytes is a soft budget for the whole computation. Beyond it,
	// sorted runs spill to temporary files in TempDir. 0 means 1 GiB.
	MemoryBytes int64
	// TempDir holds spill files; "" means os.TempDir().
	TempDir string
	// Workers is the number of counting goroutines; 0 means GOMAXPROCS.
	Workers int
	// MaxBytes bounds the decoded input size (0: no bound).
	MaxBytes int64
	// MaxTypes bounds the number of distinct words read (0:
	// corpus.DefaultMaxTypes); beyond it Count fails with
	// corpus.ErrVocabularyTooLarge before counting any pair.
	MaxTypes int
	// MaxNonzeros bounds the nonzeros of the result (0: no bound): Count
	// holds the matrix in memory at 12 bytes a nonzero (and whoever loads
	// a matrix CountToFile wrote does too), so this is how a caller keeps
	// a matrix inside its memory budget. Beyond it counting fails with
	// ErrMatrixTooLarge before the matrix is allocated in full.
	MaxNonzeros int64
	// Progress, if set, is called at block boundaries from the counting
	// goroutine. It must not block.
	Progress func(Progress)
}

// Progress reports how far Count has come.
type Progress struct {
	Phase  string // "reading", "counting" or "merging"
	Tokens int64  // tokens read (reading), or stream items (tokens and line ends) replayed (counting)
	Bytes  int64  // decoded bytes read
	Done   float64
}

// DefaultOptions returns the defaults of the paper and the Stanford
// demo: a symmetric window of 10 with 1/d weighting, min-count 5, the
// Words tokenizer and a 1 GiB memory budget.
func DefaultOptions() Options {
	return Options{
		Window:            10,
		Symmetric:         true,
		DistanceWeighting: true,
		MinCount:          5,
		Tokenizer:         corpus.Words,
	}
}

// CheckVocabLimits checks a minimum count and a maximum vocabulary as
// Count does (ErrBadOptions). It is exported for callers that prune a
// vocabulary without counting pairs (glove vocab), so that a bad value is
// refused there with the same message as by every build.
func CheckVocabLimits(minCount int64, maxVocab int) error {
	if minCount < 1 {
		return fmt.Errorf("%w: min-count %d must be at least 1", ErrBadOptions, minCount)
	}
	if maxVocab < 0 {
		return fmt.Errorf("%w: max-vocab %d must not be negative", ErrBadOptions, maxVocab)
	}
	return nil
}

// validate checks o and fills in defaults.
func (o *Options) validate() error {
	if o.Window < 1 || o.Window > MaxWindow {
		return fmt.Errorf("%w: window %d must be between 1 and %d", ErrBadOptions, o.Window, MaxWindow)
	}
	if err := CheckVocabLimits(o.MinCount, o.MaxVocab); err != nil {
		return err
	}
	if o.MaxTypes < 0 || o.MaxNonzeros < 0 {
		return fmt.Errorf("%w: MaxTypes and MaxNonzeros must be ≥ 0", ErrBadOptions)
	}
	if o.MemoryBytes < 0 {
		return fmt.Errorf("%w: memory budget %d must not be negative", ErrBadOptions, o.MemoryBytes)
	}
	if o.MemoryBytes == 0 {
		o.MemoryBytes = 1 << 30
	}
	if o.MemoryBytes < 1<<20 {
		o.MemoryBytes = 1 << 20
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Workers > 64 {
		o.Workers = 64
	}
	return corpus.ScanOptions{Tokenizer: o.Tokenizer, Normalization: o.Normalization, ToneMarks: o.ToneMarks}.Check()
}
