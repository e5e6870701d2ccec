package cooccur

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// maxVocabForPacking is the largest vocabulary whose pairs fit the packed
// 64-bit overflow records (28 bits a word, 8 bits of distance).
const maxVocabForPacking = 1 << 28

// Result is the outcome of counting a corpus.
type Result struct {
	// Vocab is the kept vocabulary (min-count, max-vocab); its ranks
	// index Matrix.
	Vocab *corpus.Vocabulary
	// Unigrams holds every type of the corpus with its count.
	Unigrams *corpus.Vocabulary
	// Matrix is the co-occurrence matrix (nil for CountTo).
	Matrix *Matrix
	// Stats are the tokenizer's counts over the whole corpus.
	Stats corpus.Stats
	// NNZ is the number of nonzero entries; Sum their total.
	NNZ int64
	Sum float64
	// SpilledRuns is the number of sorted runs written to temporary
	// files because the memory budget was reached.
	SpilledRuns int
	// Options are the options used, defaults filled in.
	Options Options
}

// Count reads a corpus (plain text or gzip) from r, builds its
// vocabulary and counts its co-occurrence matrix in memory.
func Count(ctx context.Context, r io.Reader, opt Options) (*Result, error) {
	var b *matrixBuilder
	res, err := count(ctx, r, opt, func(vocabSize int, nnzHint int64) (rowSink, error) {
		b = newMatrixBuilder(vocabSize, nnzHint, opt.Symmetric)
		return b.addRow, nil
	})
	if err != nil {
		return nil, err
	}
	res.Matrix = b.build()
	return res, nil
}

// CountTo is Count without the in-memory matrix: the nonzeros are written
// to w in the Stanford cooccurrence.bin format, sorted by row then
// column, as they are produced.
func CountTo(ctx context.Context, r io.Reader, opt Options, w io.Writer) (*Result, error) {
	bw := NewBinWriter(w)
	res, err := count(ctx, r, opt, func(int, int64) (rowSink, error) {
		return func(row int32, cols []int32, vals []float64) error {
			for k, c := range cols {
				if err := bw.Write(Entry{Row: row, Col: c, Value: vals[k]}); err != nil {
					return err
				}
			}
			return nil
		}, nil
	})
	if err != nil {
		return nil, err
	}
	return res, bw.Flush()
}

// rowSink receives the matrix row by row, in order; the slices are reused.
type rowSink func(row int32, cols []int32, vals []float64) error

// count counts the corpus in r and passes the matrix's rows, in order, to
// the sink that newSink makes once the vocabulary is known.
func count(ctx context.Context, r io.Reader, opt Options, newSink func(vocabSize int, nnzHint int64) (rowSink, error)) (*Result, error) {
	if err := opt.validate(); err != nil {
		return nil, err
	}
	text, err := corpus.NewReader(r, corpus.ReadOptions{MaxBytes: opt.MaxBytes})
	if err != nil {
		return nil, err
	}
	var encProgress func(corpus.Stats)
	if opt.Progress != nil {
		encProgress = func(s corpus.Stats) {
			opt.Progress(Progress{Phase: "reading", Tokens: s.Tokens, Bytes: s.Bytes})
		}
	}
	enc, err := corpus.Encode(ctx, text, corpus.EncodeOptions{
		Tokenizer:     opt.Tokenizer,
		Normalization: opt.Normalization,
		ToneMarks:     opt.ToneMarks,
		Phrases:       opt.Phrases,
		MemoryBytes:   opt.MemoryBytes / 5,
		MaxTypes:      opt.MaxTypes,
		TempDir:       opt.TempDir,
		Progress:      encProgress,
	})
	if err != nil {
		return nil, err
	}
	defer enc.Close()
	vocab := enc.Vocabulary.Prune(opt.MinCount, opt.MaxVocab)
	if vocab.Len() == 0 {
		return nil, fmt.Errorf("%w: no word occurs at least %d times (the most frequent, %q, occurs %d times)",
			corpus.ErrEmptyCorpus, opt.MinCount, enc.Vocabulary.Word(0), enc.Vocabulary.Count(0))
	}
	if vocab.Len() > maxVocabForPacking {
		return nil, fmt.Errorf("%w: %d words exceed the limit of %d; raise min-count or set max-vocab", corpus.ErrVocabularyTooLarge, vocab.Len(), maxVocabForPacking)
	}
	res := &Result{Vocab: vocab, Unigrams: enc.Vocabulary, Stats: enc.Stats, Options: opt}
	c := newCounter(vocab.Len(), opt, vocab.Total())
	defer c.runs.close()
	if err := c.countStream(ctx, enc); err != nil {
		return nil, err
	}
	// The token stream is replayed no more: free its memory (and file)
	// for the merge.
	if err := enc.Close(); err != nil {
		return nil, err
	}
	res.SpilledRuns = c.runs.spilled
	hint := c.nnzHint() // an upper bound: runs may still hold duplicates
	if opt.MaxNonzeros > 0 {
		hint = min(hint, opt.MaxNonzeros)
	}
	emit, err := newSink(vocab.Len(), hint)
	if err != nil {
		return nil, err
	}
	if err := c.emitRows(ctx, func(row int32, cols []int32, vals []float64) error {
		res.NNZ += int64(len(cols))
		if opt.MaxNonzeros > 0 && res.NNZ > opt.MaxNonzeros {
			return fmt.Errorf("%w: more than %d nonzeros (%d words kept)", ErrMatrixTooLarge, opt.MaxNonzeros, vocab.Len())
		}
		for _, v := range vals {
			res.Sum += v
		}
		return emit(row, cols, vals)
	}); err != nil {
		return nil, err
	}
	return res, nil
}

// counter holds the state of one counting pass.
type counter struct {
	v       int
	opt     Options
	weights [MaxWindow + 1]float64
	table   *denseTable
	owner   []uint8 // worker owning each table row
	runs    *runSet
	vbits   uint
	workers []*worker
	tokens  int64 // kept tokens replayed
	total   int64 // kept tokens expected
}

func newCounter(v int, opt Options, keptTokens int64) *counter {
	c := &counter{v: v, opt: opt, total: keptTokens}
	for d := 1; d <= MaxWindow; d++ {
		c.weights[d] = 1
		if opt.DistanceWeighting {
			c.weights[d] = 1 / float64(d)
		}
	}
	stride := int64(1)
	if !opt.Symmetric {
		stride = 2
	}
	// Budget: ~15% dense table, ~10% pair buffers (with their sort
	// scratch), the rest for in-memory runs (the token stream has its own
	// 20%). The table never needs more cells than the pairs can touch.
	maxCells := opt.MemoryBytes * 3 / 20 / (8 * stride)
	if events := keptTokens * int64(opt.Window) * 2; events < maxCells {
		maxCells = max(events, 1<<16)
	}
	c.table = newDenseTable(v, stride, maxCells)
	c.owner = make([]uint8, v)
	for a := range c.owner {
		c.owner[a] = uint8(a % opt.Workers)
	}
	c.runs = &runSet{budget: opt.MemoryBytes * 3 / 10, tempDir: opt.TempDir}
	c.vbits = uint(bits.Len(uint(v - 1)))
	if c.vbits == 0 {
		c.vbits = 1
	}
	bufLen := int(opt.MemoryBytes / 10 / 16 / int64(opt.Workers))
	bufLen = max(bufLen, 1<<16)
	for i := 0; i < opt.Workers; i++ {
		ring := 1
		for ring < opt.Window {
			ring <<= 1
		}
		c.workers = append(c.workers, &worker{
			c: c, id: uint8(i), ring: make([]int32, ring), mask: ring - 1,
			buf: make([]uint64, 0, bufLen),
		})
	}
	return c
}

// countStream replays the token stream through all workers, block by
// block, and flushes their buffers.
func (c *counter) countStream(ctx context.Context, enc *corpus.Encoded) error {
	var wg sync.WaitGroup
	errs := make([]error, len(c.workers))
	err := enc.Replay(ctx, c.v, func(block []int32) error {
		for i, w := range c.workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = w.process(block)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		c.tokens += int64(len(block))
		if c.opt.Progress != nil {
			c.opt.Progress(Progress{Phase: "counting", Tokens: c.tokens, Done: min(1, float64(c.tokens)/float64(max(c.total, 1)))})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, w := range c.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = w.flush()
		}()
	}
	wg.Wait()
	for _, w := range c.workers {
		w.buf, w.scratch = nil, nil
	}
	return errors.Join(errs...)
}

// nnzHint bounds the number of nonzeros the rows will hold.
func (c *counter) nnzHint() int64 {
	var dense int64
	for _, x := range c.table.cells {
		if x != 0 {
			dense++
		}
	}
	if c.opt.Symmetric {
		dense *= 2
	}
	return dense + c.runs.entries
}

// worker counts the pairs whose table row it owns.
type worker struct {
	c       *counter
	id      uint8
	ring    []int32 // last kept words of the current line
	mask    int
	pos     int // position in the current line
	buf     []uint64
	scratch []uint64
}

// process counts the pairs of one block of ranks.
func (w *worker) process(block []int32) error {
	c := w.c
	t := c.table
	cells := t.cells
	rowEnd, rowStart := t.rowEnd, t.rowStart
	owner := c.owner
	single := len(c.workers) == 1
	// With a power-of-two number of workers the owner of row a is its
	// low bits: no table look-up in the innermost loop.
	pow2 := len(c.workers)&(len(c.workers)-1) == 0
	ownMask := int32(len(c.workers) - 1)
	me := int32(w.id)
	sym := c.opt.Symmetric
	window := c.opt.Window
	vb := c.vbits
	ring, mask := w.ring, w.mask
	pos := w.pos
	for _, target := range block {
		if target == corpus.LineBreak {
			pos = 0
			continue
		}
		lo := max(pos-window, 0)
		for k := pos - 1; k >= lo; k-- {
			ctx := ring[k&mask]
			d := pos - k
			a, b := ctx, target
			if a > b {
				a, b = b, a
			}
			if !single {
				if pow2 {
					if a&ownMask != me {
						continue
					}
				} else if owner[a] != w.id {
					continue
				}
			}
			weight := c.weights[d]
			if b < rowEnd[a] {
				cell := rowStart[a] + int64(b-a)
				if sym {
					if a == b {
						weight *= 2
					}
					cells[cell] += weight
				} else if ctx <= target {
					cells[2*cell] += weight
				} else {
					cells[2*cell+1] += weight
				}
				continue
			}
			if len(w.buf)+2 > cap(w.buf) {
				if err := w.flush(); err != nil {
					return err
				}
			}
			rec := uint64(ctx)<<(vb+8) | uint64(target)<<8 | uint64(d)
			w.buf = append(w.buf, rec)
			if sym {
				w.buf = append(w.buf, uint64(target)<<(vb+8)|uint64(ctx)<<8|uint64(d))
			}
		}
		ring[pos&mask] = target
		pos++
	}
	w.pos = pos
	return nil
}

// flush sorts the buffered pairs, sums equal ones into a run and hands
// it to the run set.
func (w *worker) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	if cap(w.scratch) < len(w.buf) {
		w.scratch = make([]uint64, cap(w.buf))
	}
	keyBits := 2 * w.c.vbits
	sorted := radixSort(w.buf, w.scratch[:len(w.buf)], 8, 8+keyBits)
	r := compact(sorted, w.c.vbits, &w.c.weights)
	w.buf = w.buf[:0]
	return w.c.runs.add(r)
}

// radixSort sorts recs by bits [from, to) with an LSD radix sort of 8-bit
// digits, using scratch (same length) as the second buffer, and returns
// whichever buffer holds the result. The sort is stable.
func radixSort(recs, scratch []uint64, from, to uint) []uint64 {
	src, dst := recs, scratch
	for shift := from; shift < to; shift += 8 {
		var counts [256]int
		for _, x := range src {
			counts[(x>>shift)&0xff]++
		}
		sum := 0
		for i, n := range counts {
			counts[i] = sum
			sum += n
		}
		for _, x := range src {
			d := (x >> shift) & 0xff
			dst[counts[d]] = x
			counts[d]++
		}
		src, dst = dst, src
	}
	return src
}

// compact sums the weights of equal (row, col) pairs of sorted records.
func compact(sorted []uint64, vbits uint, weights *[MaxWindow + 1]float64) *run {
	n := 0
	for i := range sorted {
		if i == 0 || sorted[i]>>8 != sorted[i-1]>>8 {
			n++
		}
	}
	r := &run{keys: make([]uint64, 0, n), vals: make([]float64, 0, n), n: n}
	colMask := uint64(1)<<vbits - 1
	for i := 0; i < len(sorted); {
		key := sorted[i] >> 8
		v := 0.0
		for ; i < len(sorted) && sorted[i]>>8 == key; i++ {
			v += weights[sorted[i]&0xff]
		}
		r.keys = append(r.keys, (key>>vbits)<<32|key&colMask)
		r.vals = append(r.vals, v)
	}
	return r
}

// emitBlock is the number of rows emitted together, so that the mirrored
// half of the dense table is read row-contiguously (a block transpose)
// rather than with a stride.
const emitBlock = 256

// emitRows merges the dense table and the runs and passes each nonempty
// row, columns ascending, to sink.
func (c *counter) emitRows(ctx context.Context, sink rowSink) error {
	// The worker buffers (10 % of the budget) and the token stream (20 %)
	// are released by now: their share reads the spilled runs.
	readBuf, err := c.runs.reduce(ctx, c.opt.MemoryBytes*3/10)
	if err != nil {
		return err
	}
	m, err := newMerger(c.runs.runs, readBuf)
	if err != nil {
		return err
	}
	defer m.close()
	t := c.table
	stride := t.stride
	// X[r][c] for c < r lives in cell (c, r): slot 0 when symmetric, slot
	// 1 (the lower triangle) when left-only.
	slot := int64(0)
	if stride == 2 {
		slot = 1
	}
	var cols []int32
	var vals []float64
	var ovCols []int32
	var ovVals []float64
	var mirror []float64 // mirror[(r-r0)*nMirror + col] = X[r][col], col < r
	for r0 := int32(0); int(r0) < c.v; r0 += emitBlock {
		if err := ctx.Err(); err != nil {
			return err
		}
		if c.opt.Progress != nil {
			c.opt.Progress(Progress{Phase: "merging", Done: float64(r0) / float64(c.v)})
		}
		r1 := min(r0+emitBlock, int32(c.v))
		// Rows col < r1 whose dense part reaches column r0 or beyond:
		// (col+1)(r0+1) ≤ P.
		nMirror := int32(min(t.p/int64(r0+1), int64(r1)))
		need := int(r1-r0) * int(nMirror)
		if cap(mirror) < need {
			mirror = make([]float64, need)
		}
		mirror = mirror[:need]
		for col := int32(0); col < nMirror; col++ {
			base := t.rowStart[col] - int64(col)
			for r := max(r0, col+1); r < min(r1, t.rowEnd[col]); r++ {
				mirror[int(r-r0)*int(nMirror)+int(col)] = t.cells[(base+int64(r))*stride+slot]
			}
		}
		for r := r0; r < r1; r++ {
			// Overflow entries of row r.
			ovCols, ovVals = ovCols[:0], ovVals[:0]
			for {
				key, ok := m.peek()
				if !ok || int32(key>>32) != r {
					break
				}
				key, v, err := m.pop()
				if err != nil {
					return err
				}
				ovCols = append(ovCols, int32(key&0xffffffff))
				ovVals = append(ovVals, v)
			}
			cols, vals = cols[:0], vals[:0]
			oi := 0
			add := func(col int32, v float64) {
				for oi < len(ovCols) && ovCols[oi] < col {
					cols = append(cols, ovCols[oi])
					vals = append(vals, ovVals[oi])
					oi++
				}
				if v != 0 {
					cols = append(cols, col)
					vals = append(vals, v)
				}
			}
			// Dense cells (col, r) for col < r, from the block transpose.
			row := mirror[int(r-r0)*int(nMirror):]
			for col, n := int32(0), min(t.mirrorRows(r), r); col < n; col++ {
				add(col, row[col])
			}
			// Dense cells (r, col) for col ≥ r: slot 0.
			base := t.rowStart[r] - int64(r)
			for col := r; col < t.rowEnd[r]; col++ {
				add(col, t.cells[(base+int64(col))*stride])
			}
			for ; oi < len(ovCols); oi++ {
				cols = append(cols, ovCols[oi])
				vals = append(vals, ovVals[oi])
			}
			if len(cols) == 0 {
				continue
			}
			if err := sink(r, cols, vals); err != nil {
				return err
			}
		}
	}
	return nil
}
