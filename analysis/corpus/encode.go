package corpus

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
)

// lineBreakID marks a line break in the provisional id stream.
const lineBreakID = math.MaxUint32

// blockLen is the number of ids per stream block (4 MiB), the unit of
// spilling, replay, cancellation and progress.
const blockLen = 1 << 20

// DefaultMaxTypes bounds the number of distinct words Encode accepts, so
// that a hostile input cannot exhaust memory with unique tokens.
const DefaultMaxTypes = 20_000_000

// EncodeOptions configures Encode.
type EncodeOptions struct {
	Tokenizer Tokenizer
	// Normalization and ToneMarks are applied before tokenizing (see
	// ScanOptions); the zero values mean NFC and tone marks kept.
	Normalization Normalization
	ToneMarks     ToneMarks
	// Phrases, if set, rewrites the token stream before it is counted
	// (a phrases.Model joining word pairs into one token).
	Phrases Rewriter
	// MemoryBytes is the budget for the in-memory token stream (4 bytes a
	// token). Beyond it the stream spills to a file in TempDir. 0 means
	// 512 MiB.
	MemoryBytes int64
	// TempDir holds spill files; "" means os.TempDir().
	TempDir string
	// MaxTypes bounds the number of distinct words; 0 means
	// DefaultMaxTypes. Exceeding it yields ErrVocabularyTooLarge.
	MaxTypes int
	// Progress, if set, is called from Encode's goroutine after each block
	// of about a million tokens. It must return quickly.
	Progress func(Stats)
}

// TokenStream is a stream of tokens and line breaks: a Scanner, or a
// stream derived from one.
type TokenStream interface {
	// Scan advances to the next token or line break; false at the end.
	Scan() bool
	// Token is the current token, valid until the next Scan.
	Token() []byte
	// LineBreak reports whether the current item is a line break.
	LineBreak() bool
	// Err is the first error, nil at a clean end.
	Err() error
	// Stats are the counts so far.
	Stats() Stats
}

// A Rewriter derives the token stream that is counted from the
// scanner's, reading it one item at a time (a phrase model joining
// pairs: phrases.Model). It must keep line breaks where they are.
type Rewriter interface {
	Rewrite(TokenStream) TokenStream
}

// Encoded is a corpus read once: the full vocabulary (every type, sorted)
// and the token stream as ids, replayable any number of times. Close
// removes its spill file.
type Encoded struct {
	// Vocabulary holds every distinct word of the corpus.
	Vocabulary *Vocabulary
	// Stats are the tokenizer's counts.
	Stats Stats

	rankOf []int32 // provisional id → rank in Vocabulary
	stream idStream
}

// Encode reads a whole corpus from r (already decoded: see NewReader),
// counting words and recording the token stream. A corpus without any
// token yields ErrEmptyCorpus. ctx is checked once per block.
func Encode(ctx context.Context, r io.Reader, opt EncodeOptions) (*Encoded, error) {
	return encode(ctx, r, opt, true)
}

// CountWords reads a corpus like Encode but keeps only the vocabulary of
// every type with its count, not the token stream.
func CountWords(ctx context.Context, r io.Reader, opt EncodeOptions) (*Vocabulary, Stats, error) {
	enc, err := encode(ctx, r, opt, false)
	if err != nil {
		return nil, Stats{}, err
	}
	return enc.Vocabulary, enc.Stats, nil
}

// tokenBatch carries tokens from the scanning goroutine to the counting
// one: the bytes of each token back to back, and for each item the end
// offset of its token in text, or -1 for a line break.
type tokenBatch struct {
	text  []byte
	ends  []int32
	stats Stats
}

const batchItems = 1 << 14

// scanBatches runs the scanner, sending batches on out and taking empty
// ones from free, until the input ends, an error occurs or done closes.
// It closes out when it returns.
func scanBatches(sc TokenStream, out chan<- *tokenBatch, free <-chan *tokenBatch, done <-chan struct{}) {
	defer close(out)
	for {
		var b *tokenBatch
		select {
		case b = <-free:
		case <-done:
			return
		}
		b.text, b.ends = b.text[:0], b.ends[:0]
		more := true
		for len(b.ends) < batchItems {
			if more = sc.Scan(); !more {
				break
			}
			if sc.LineBreak() {
				b.ends = append(b.ends, -1)
				continue
			}
			b.text = append(b.text, sc.Token()...)
			b.ends = append(b.ends, int32(len(b.text)))
		}
		b.stats = sc.Stats()
		select {
		case out <- b:
		case <-done:
			return
		}
		if !more {
			return
		}
	}
}

func encode(ctx context.Context, r io.Reader, opt EncodeOptions, record bool) (enc *Encoded, err error) {
	if opt.MemoryBytes <= 0 {
		opt.MemoryBytes = 512 << 20
	}
	if opt.MaxTypes <= 0 {
		opt.MaxTypes = DefaultMaxTypes
	}
	scan := ScanOptions{Tokenizer: opt.Tokenizer, Normalization: opt.Normalization, ToneMarks: opt.ToneMarks}
	if err := scan.Check(); err != nil {
		return nil, err
	}
	// Scanning (and gzip decoding) runs in its own goroutine, one batch
	// ahead of the map look-ups here: the two halves take similar time.
	var sc TokenStream = NewScannerOptions(r, scan)
	if opt.Phrases != nil {
		sc = opt.Phrases.Rewrite(sc)
	}
	batches := make(chan *tokenBatch, 2)
	free := make(chan *tokenBatch, 3)
	for i := 0; i < 3; i++ {
		free <- &tokenBatch{}
	}
	done := make(chan struct{})
	scanned := make(chan struct{})
	go func() {
		defer close(scanned)
		scanBatches(sc, batches, free, done)
	}()
	defer func() {
		close(done)
		<-scanned
	}()

	index := make(map[string]uint32, 1<<16)
	var words []string
	var counts []int64
	st := &idStream{budget: opt.MemoryBytes, tempDir: opt.TempDir}
	defer func() {
		if err != nil {
			st.close()
		}
	}()
	block := make([]uint32, 0, blockLen)
	last := uint32(lineBreakID) // no leading break
	var stats Stats
	var nextCheck int64
	for b := range batches {
		stats = b.stats
		startTok := int32(0)
		for _, end := range b.ends {
			var id uint32
			if end < 0 {
				if last == lineBreakID {
					continue
				}
				id = lineBreakID
			} else {
				tok := b.text[startTok:end]
				startTok = end
				var ok bool
				if id, ok = index[string(tok)]; !ok {
					if len(words) >= opt.MaxTypes {
						return nil, fmt.Errorf("%w: more than %d distinct words", ErrVocabularyTooLarge, opt.MaxTypes)
					}
					id = uint32(len(words))
					w := string(tok)
					index[w] = id
					words = append(words, w)
					counts = append(counts, 0)
				}
				counts[id]++
			}
			last = id
			if !record {
				continue
			}
			block = append(block, id)
			if len(block) == blockLen {
				if err := st.add(block); err != nil {
					return nil, err
				}
				block = make([]uint32, 0, blockLen)
			}
		}
		free <- b
		if stats.Tokens >= nextCheck {
			nextCheck = stats.Tokens + blockLen
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if opt.Progress != nil {
				opt.Progress(stats)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, ErrEmptyCorpus
	}
	if len(block) > 0 {
		if err := st.add(block); err != nil {
			return nil, err
		}
	}
	index = nil
	vocab, order := newSortedVocabulary(words, counts)
	if err := vocab.buildIndex(); err != nil {
		return nil, err
	}
	rankOf := make([]int32, len(order))
	for rank, prov := range order {
		rankOf[prov] = int32(rank)
	}
	if opt.Progress != nil {
		opt.Progress(stats)
	}
	return &Encoded{Vocabulary: vocab, Stats: stats, rankOf: rankOf, stream: *st}, nil
}

// Close releases the token stream and removes its spill file, if any.
func (e *Encoded) Close() error { return e.stream.close() }

// LineBreak marks the end of a line in the blocks Replay passes on.
const LineBreak int32 = -1

// Replay passes the token stream to fn in blocks of word ranks, keeping
// only words with rank < vocabSize (the words of Vocabulary.Prune) and
// marking line ends with LineBreak; dropped words do not count as
// positions, as in the Stanford cooccur tool. The slice passed to fn is
// reused after fn returns. ctx is checked once per block; an error from
// fn stops the replay and is returned.
func (e *Encoded) Replay(ctx context.Context, vocabSize int, fn func(ranks []int32) error) error {
	out := make([]int32, 0, blockLen)
	lastBreak := true
	return e.stream.each(func(block []uint32) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		out = out[:0]
		for _, id := range block {
			if id == lineBreakID {
				if !lastBreak {
					out = append(out, LineBreak)
					lastBreak = true
				}
				continue
			}
			if r := e.rankOf[id]; int(r) < vocabSize {
				out = append(out, r)
				lastBreak = false
			}
		}
		if len(out) == 0 {
			return nil
		}
		return fn(out)
	})
}

// idStream stores blocks of ids in memory up to budget bytes, and in a
// temporary file beyond.
type idStream struct {
	budget  int64
	tempDir string
	mem     [][]uint32
	memSize int64
	file    *os.File
	nFile   int // blocks in the file
	lens    []int
}

func (s *idStream) add(block []uint32) error {
	s.mem = append(s.mem, block)
	s.memSize += int64(len(block)) * 4
	if s.memSize <= s.budget {
		return nil
	}
	if s.file == nil {
		f, err := os.CreateTemp(s.tempDir, "gloveboard-tokens-*.bin")
		if err != nil {
			return fmt.Errorf("spilling the token stream: %w", err)
		}
		s.file = f
	}
	bw := bufio.NewWriterSize(s.file, 1<<20)
	for _, b := range s.mem {
		if err := binary.Write(bw, binary.LittleEndian, b); err != nil {
			return fmt.Errorf("spilling the token stream: %w", err)
		}
		s.lens = append(s.lens, len(b))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("spilling the token stream: %w", err)
	}
	s.nFile += len(s.mem)
	s.mem, s.memSize = nil, 0
	return nil
}

// each calls fn for every block in order.
func (s *idStream) each(fn func([]uint32) error) error {
	if s.file != nil {
		if _, err := s.file.Seek(0, io.SeekStart); err != nil {
			return err
		}
		br := bufio.NewReaderSize(s.file, 1<<20)
		buf := make([]uint32, blockLen)
		for _, n := range s.lens {
			b := buf[:n]
			if err := binary.Read(br, binary.LittleEndian, b); err != nil {
				return fmt.Errorf("reading the spilled token stream: %w", err)
			}
			if err := fn(b); err != nil {
				return err
			}
		}
	}
	for _, b := range s.mem {
		if err := fn(b); err != nil {
			return err
		}
	}
	return nil
}

func (s *idStream) close() error {
	s.mem = nil
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := errors.Join(s.file.Close(), os.Remove(name))
	s.file = nil
	return err
}
