package phrases

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// Scorer selects the score of a pair; see the package documentation.
type Scorer int

const (
	// NPMI is the normalised pointwise mutual information, in [−1, 1].
	NPMI Scorer = iota
	// Word2Phrase is word2phrase's (c_ab − δ)/(c_a c_b)·N.
	Word2Phrase
)

// String returns the name ParseScorer accepts.
func (s Scorer) String() string {
	switch s {
	case NPMI:
		return "npmi"
	case Word2Phrase:
		return "word2phrase"
	}
	return fmt.Sprintf("Scorer(%d)", int(s))
}

// ParseScorer maps "npmi" and "word2phrase" to a Scorer.
func ParseScorer(name string) (Scorer, error) {
	switch name {
	case "npmi", "":
		return NPMI, nil
	case "word2phrase":
		return Word2Phrase, nil
	}
	return 0, fmt.Errorf("%w: scorer %q (want npmi or word2phrase)", ErrBadOptions, name)
}

// DefaultThreshold returns the default threshold of a scorer: for NPMI
// the value chosen on the corpora of bench/phrases, for Word2Phrase
// word2phrase's own default.
func DefaultThreshold(s Scorer) float64 {
	if s == Word2Phrase {
		return 100
	}
	return 0.5
}

// Options configures Learn.
type Options struct {
	// Passes is the number of passes, 1..MaxPasses.
	Passes int
	// MinCount is the least count of a pair and of each of its tokens,
	// and the discount δ of Word2Phrase; at least 1.
	MinCount int64
	// Scorer and Threshold select the pairs joined: those scoring above
	// Threshold.
	Scorer    Scorer
	Threshold float64
	// Scan says how the text is tokenized and normalised.
	Scan corpus.ScanOptions
	// MaxBytes bounds the decoded input (0: no bound); MaxTypes the
	// distinct tokens (0: corpus.DefaultMaxTypes); MemoryBytes and
	// TempDir are those of corpus.Encode.
	MaxBytes int64
	MaxTypes int
	// MaxPairs bounds the distinct pairs counted in a pass (0:
	// DefaultMaxPairs); each takes about BytesPerPair of memory. Beyond
	// it Learn fails with ErrTooManyPairs.
	MaxPairs    int
	MemoryBytes int64
	TempDir     string
}

// DefaultMaxPairs is the default bound on the distinct pairs of a pass.
const DefaultMaxPairs = 20_000_000

// BytesPerPair bounds the memory one distinct pair takes while a pass
// counts: a Go map entry of a packed pair and its count measured 25 to 47
// bytes (heap growth per entry for 1 to 8 million entries, depending on
// where the table is in its growth).
const BytesPerPair = 48

// DefaultOptions returns two passes of NPMI above DefaultThreshold(NPMI)
// with MinCount 5 and the Words tokenizer.
func DefaultOptions() Options {
	return Options{Passes: 2, MinCount: 5, Scorer: NPMI, Threshold: DefaultThreshold(NPMI)}
}

func (o Options) check() error {
	switch {
	case o.Passes < 1 || o.Passes > MaxPasses:
		return fmt.Errorf("%w: passes %d outside 1..%d", ErrBadOptions, o.Passes, MaxPasses)
	case o.MinCount < 1:
		return fmt.Errorf("%w: min-count %d must be at least 1", ErrBadOptions, o.MinCount)
	case o.Scorer != NPMI && o.Scorer != Word2Phrase:
		return fmt.Errorf("%w: %v", ErrBadOptions, o.Scorer)
	case math.IsNaN(o.Threshold) || math.IsInf(o.Threshold, 0):
		return fmt.Errorf("%w: threshold %v is not a finite number", ErrBadOptions, o.Threshold)
	case o.MaxBytes < 0 || o.MaxTypes < 0 || o.MemoryBytes < 0 || o.MaxPairs < 0:
		return fmt.Errorf("%w: limits must not be negative", ErrBadOptions)
	}
	if err := o.Scan.Check(); err != nil {
		return fmt.Errorf("%w: %v", ErrBadOptions, err)
	}
	return nil
}

// Learn reads a corpus (plain text or gzip: see corpus.NewReader) and
// learns its phrases. The corpus is read once; the passes replay its
// token stream (held as ids, in memory up to MemoryBytes). ctx is
// checked once per block of about a million tokens. Errors: ErrBadOptions,
// and those of corpus.NewReader and corpus.Encode (corpus.ErrEmptyCorpus
// for input without a token).
func Learn(ctx context.Context, r io.Reader, opt Options) (*Model, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	text, err := corpus.NewReader(r, corpus.ReadOptions{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	enc, err := corpus.Encode(ctx, text, corpus.EncodeOptions{
		Tokenizer: opt.Scan.Tokenizer, Normalization: opt.Scan.Normalization, ToneMarks: opt.Scan.ToneMarks,
		MemoryBytes: opt.MemoryBytes, TempDir: opt.TempDir, MaxTypes: opt.MaxTypes,
	})
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	l := &learner{opt: opt, enc: enc, words: slices.Clone(enc.Vocabulary.Words())}
	return l.learn(ctx)
}

// learner holds the state of Learn. Its ids are the ranks of the corpus
// vocabulary followed by the phrases; a phrase whose text equals a token
// of the corpus (possible with the whitespace tokenizer) shares its id,
// as it would share its text in the joined stream.
type learner struct {
	opt    Options
	enc    *corpus.Encoded
	words  []string
	extra  map[string]int32 // phrase texts not in the vocabulary
	passes []map[uint64]join
	found  []Phrase
}

func (l *learner) learn(ctx context.Context) (*Model, error) {
	for pass := 1; pass <= l.opt.Passes; pass++ {
		counts, total, err := l.countTokens(ctx)
		if err != nil {
			return nil, err
		}
		pairs, err := l.countPairs(ctx, counts)
		if err != nil {
			return nil, err
		}
		selected := l.selectPairs(pairs, counts, total, pass)
		if len(selected) == 0 {
			break
		}
		joins := make(map[uint64]join, len(selected))
		for _, p := range selected {
			joins[p.key] = join{l.id(p.phrase.Text), p.phrase.Score}
			l.found = append(l.found, p.phrase)
		}
		l.passes = append(l.passes, joins)
	}
	m, err := NewModel(l.found)
	if err != nil {
		return nil, err // cannot happen: the learner builds valid phrases
	}
	m.header = fmt.Sprintf("learned with scorer %v, threshold %g, min-count %d, passes %d, tokenizer %v, normalization %v, tone marks %v",
		l.opt.Scorer, l.opt.Threshold, l.opt.MinCount, l.opt.Passes, l.opt.Scan.Tokenizer, l.opt.Scan.Normalization, l.opt.Scan.ToneMarks)
	return m, nil
}

// id returns the learner id of a phrase text.
func (l *learner) id(text string) int32 {
	if id, ok := l.enc.Vocabulary.ID(text); ok {
		return id
	}
	if id, ok := l.extra[text]; ok {
		return id
	}
	if l.extra == nil {
		l.extra = make(map[string]int32)
	}
	id := int32(len(l.words))
	l.extra[text] = id
	l.words = append(l.words, text)
	return id
}

// replay passes the token stream, joined by the passes learned so far,
// to fn: ids, and -1 for line breaks.
//
// check, if not nil, is called after each block; an error stops the
// replay and is returned.
func (l *learner) replay(ctx context.Context, fn func(id int32), check func() error) error {
	stages := newStages(l.passes, nil, func(it item) {
		if it.brk {
			fn(-1)
		} else {
			fn(it.id)
		}
	})
	push := func(it item) { fn(it.id) }
	if len(stages) > 0 {
		push = stages[0].push
	}
	err := l.enc.Replay(ctx, l.enc.Vocabulary.Len(), func(block []int32) error {
		for _, id := range block {
			if id == corpus.LineBreak {
				push(item{brk: true, id: -1})
			} else {
				push(item{id: id})
			}
		}
		if check != nil {
			return check()
		}
		return nil
	})
	flushAll(stages)
	return err
}

// countTokens counts the tokens of the joined stream by id.
func (l *learner) countTokens(ctx context.Context) ([]int64, int64, error) {
	if len(l.passes) == 0 { // the stream as read: the vocabulary's counts
		return slices.Clone(l.enc.Vocabulary.Counts()), l.enc.Vocabulary.Total(), nil
	}
	counts := make([]int64, len(l.words))
	var total int64
	err := l.replay(ctx, func(id int32) {
		if id >= 0 {
			counts[id]++
			total++
		}
	}, nil)
	return counts, total, err
}

// countPairs counts adjacent pairs within lines whose tokens both occur
// at least MinCount times.
func (l *learner) countPairs(ctx context.Context, counts []int64) (map[uint64]int64, error) {
	pairs := make(map[uint64]int64)
	prev := int32(-1)
	min := l.opt.MinCount
	maxPairs := l.opt.MaxPairs
	if maxPairs == 0 {
		maxPairs = DefaultMaxPairs
	}
	err := l.replay(ctx, func(id int32) {
		if id >= 0 && prev >= 0 && counts[prev] >= min && counts[id] >= min {
			pairs[pairKey(prev, id)]++
		}
		prev = id
	}, func() error {
		if len(pairs) > maxPairs {
			return fmt.Errorf("%w: more than %d distinct pairs of words seen %d times or more; raise the minimum count", ErrTooManyPairs, maxPairs, min)
		}
		return nil
	})
	return pairs, err
}

type candidate struct {
	key    uint64
	phrase Phrase
}

// selectPairs scores the pairs seen at least MinCount times and returns
// those above the threshold, best first.
func (l *learner) selectPairs(pairs map[uint64]int64, counts []int64, total int64, pass int) []candidate {
	var out []candidate
	for key, cab := range pairs {
		if cab < l.opt.MinCount {
			continue
		}
		a, b := int32(key>>32), int32(uint32(key))
		s := Score(l.opt.Scorer, cab, counts[a], counts[b], total, l.opt.MinCount)
		if !(s > l.opt.Threshold) {
			continue
		}
		left, right := l.words[a], l.words[b]
		out = append(out, candidate{key, Phrase{Text: left + Joiner + right, Left: left, Right: right, Count: cab, Score: s, Pass: pass}})
	}
	slices.SortFunc(out, func(x, y candidate) int { return comparePhrases(x.phrase, y.phrase) })
	return out
}

// Score returns the score of a pair seen cab times whose tokens were seen
// ca and cb times among total tokens; delta is Word2Phrase's discount
// (MinCount). See the package documentation for the formulas.
func Score(s Scorer, cab, ca, cb, total, delta int64) float64 {
	if s == Word2Phrase {
		return (float64(cab) - float64(delta)) / (float64(ca) * float64(cb)) * float64(total)
	}
	n := float64(total)
	pab := float64(cab) / n
	if pab >= 1 {
		return 1
	}
	pmi := math.Log(pab / ((float64(ca) / n) * (float64(cb) / n)))
	return pmi / -math.Log(pab)
}
