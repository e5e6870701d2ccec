package glove

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// entryBytes is the size of a prepared entry, and also of a record of the
// Stanford cooccurrence.bin format (int32 word, int32 context, float64
// count, little-endian, 1-based ids). Because the two sizes are equal,
// records are read straight into the entry array and converted in place:
// the nonzeros cost 16 bytes each and nothing else.
const entryBytes = 16

// Compile-time check that entry is exactly entryBytes bytes.
var _ [entryBytes - unsafe.Sizeof(entry{})]byte
var _ [unsafe.Sizeof(entry{}) - entryBytes]byte

// loadSlice is the number of records read and converted at a time: 1 MiB,
// converted by one worker while it is still in the caches.
const loadSlice = 64 << 10

// entryBytesView returns the memory of ents as len(ents)·16 bytes, the
// buffer records are read into.
func entryBytesView(ents []entry) []byte {
	if len(ents) == 0 {
		return nil
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(ents))), len(ents)*entryBytes)
}

// loadRecords fills ents with len(ents) cooccurrence.bin records read from
// r, prepared for training and shuffled with rng. This goroutine reads
// slices of loadSlice records straight into ents; one goroutine per prep
// converts each slice in place (convertRecords) as soon as it has
// arrived, and one more shuffles (forwardShuffler) each slice as soon
// as it and all before it are converted: the shuffle, bound by memory
// latency, overlaps the reading and converting instead of following them.
// The permutation depends only on rng, never on the timing. first is the
// 0-based number of ents[0] in the whole input, for messages. It returns
// the sum of the records' nonzeroHash. A stream that ends early or the
// earliest bad record is an error wrapping cooccur.ErrBadBinFile; ctx is
// checked between slices.
func loadRecords(ctx context.Context, r io.Reader, ents []entry, first int64, preps []*prep, rng *rand.Rand) (uint64, error) {
	workers := len(preps)
	slices := make(chan int, 2*workers)
	converted := make(chan int, (len(ents)+loadSlice-1)/loadSlice)
	shuffled := make(chan struct{})
	go func() {
		defer close(shuffled)
		sh := forwardShuffler{ents: ents, rng: rng}
		done := make([]bool, cap(converted))
		next := 0
		for lo := range converted {
			done[lo/loadSlice] = true
			for ; next < len(done) && done[next]; next++ {
				sh.shuffleTo(min((next+1)*loadSlice, len(ents)))
			}
		}
	}()
	sums := make([]uint64, workers)
	var mu sync.Mutex
	var failed atomic.Bool // a bad record was found: stop reading
	badSlice, badErr := len(ents), error(nil)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			p := preps[w]
			for lo := range slices {
				hi := min(lo+loadSlice, len(ents))
				sum, err := convertRecords(p, ents[lo:hi], first+int64(lo))
				sums[w] += sum
				if err == nil {
					converted <- lo
				} else {
					failed.Store(true)
					mu.Lock()
					if lo < badSlice {
						badSlice, badErr = lo, err
					}
					mu.Unlock()
				}
			}
		})
	}
	readErr := func() error {
		defer close(slices)
		raw := entryBytesView(ents)
		for lo := 0; lo < len(ents) && !failed.Load(); lo += loadSlice {
			if err := ctx.Err(); err != nil {
				return err
			}
			hi := min(lo+loadSlice, len(ents))
			n, err := io.ReadFull(r, raw[lo*entryBytes:hi*entryBytes])
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return fmt.Errorf("%w: the data ends after %d whole records, %d were expected (truncated file?)",
					cooccur.ErrBadBinFile, first+int64(lo+n/entryBytes), first+int64(len(ents)))
			}
			if err != nil {
				return fmt.Errorf("glove: reading co-occurrence records: %w", err)
			}
			slices <- lo
		}
		return nil
	}()
	wg.Wait()
	close(converted)
	<-shuffled
	if badErr != nil {
		return 0, badErr
	}
	if readErr != nil {
		return 0, readErr
	}
	var sum uint64
	for _, s := range sums {
		sum += s
	}
	return sum, nil
}

// prep turns counts into the per-nonzero constants of training. It
// remembers the last counts seen in a direct-mapped table (memo): counts
// repeat a lot (most are sums of a few 1/distance weights), so most
// nonzeros skip math.Log and math.Pow. On bench-prose (window 15) the
// 1,024 most frequent of its 424 k distinct counts cover 89.5 % of the
// nonzeros, and the 8,192 most frequent 93.6 %; with a table of 8 Ki
// entries (128 KiB, within a core's L2 cache) reading a record in and
// converting it takes about 14.6 ns, against 18.3 ns with 1 Ki (4 M of
// its records, one goroutine). The table changes only speed, never a
// value.
// A prep is used by one goroutine at a time.
type prep struct {
	vocabSize   uint32
	xMax, alpha float64
	memo        []memoEntry // a power of 2 long
	shift       uint        // 64 − log2(len(memo)): hashed count → slot
}

type memoEntry struct {
	bits         uint64
	logX, weight float32
}

// maxMemoLen is the longest table a prep keeps; a table never has more
// entries than the nonzeros it will see need (memoLen).
const maxMemoLen = 1 << 13

// memoLen is the table length for nnz nonzeros: the power of 2 at least
// nnz, within [64, maxMemoLen].
func memoLen(nnz int64) int {
	n := 64
	for n < maxMemoLen && int64(n) < nnz {
		n *= 2
	}
	return n
}

// maxConverters bounds the goroutines (and preps) that convert records:
// one converts about 68 M records (1.1 GB) a second, so two keep up with
// the single reader, and each prep holds a table.
const maxConverters = 2

// prepBytes is the memory of the preps that convert nnz nonzeros, at
// most: maxConverters tables of memoLen(nnz) entries.
func prepBytes(nnz int64) int64 {
	return maxConverters * int64(memoLen(nnz)) * int64(unsafe.Sizeof(memoEntry{}))
}

// newPreps returns one prep per converting goroutine, min(workers,
// maxConverters) and at least one, for nnz nonzeros in all.
func newPreps(vocabSize int, opt Options, workers int, nnz int64) []*prep {
	preps := make([]*prep, max(1, min(workers, maxConverters)))
	for i := range preps {
		preps[i] = newPrep(vocabSize, opt, nnz)
	}
	return preps
}

func newPrep(vocabSize int, opt Options, nnz int64) *prep {
	n := memoLen(nnz)
	p := &prep{vocabSize: uint32(vocabSize), xMax: opt.XMax, alpha: opt.Alpha,
		memo: make([]memoEntry, n), shift: uint(64 - bits.TrailingZeros(uint(n)))}
	for i := range p.memo {
		p.memo[i].bits = math.Float64bits(-1) // never a valid count
	}
	return p
}

// entry returns the prepared entry of X[row][col] = v (0-based ids,
// already checked).
func (p *prep) entry(row, col uint32, v float64) entry {
	bits := math.Float64bits(v)
	m := &p.memo[(bits*0x9e3779b97f4a7c15)>>p.shift]
	if m.bits != bits {
		m.bits = bits
		m.logX = float32(math.Log(v))
		m.weight = float32(weight(v, p.xMax, p.alpha))
	}
	return entry{row: row, ctx: p.vocabSize + col, logX: m.logX, weight: m.weight}
}

// mix64 is the SplitMix64 finaliser: a bijection of uint64 that spreads
// every input bit over the output.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ x>>31
}

// nonzeroHash is the contribution of one nonzero (0-based ids, count) to
// the data checksum: the sum of these over all nonzeros does not depend on
// their order, so it can be computed in parallel, on any block, and checks
// the data a checkpoint is resumed on.
func nonzeroHash(row, col uint32, v float64) uint64 {
	return mix64(uint64(row)<<32|uint64(col)) ^ mix64(math.Float64bits(v)+0x2545f4914f6cdd1d)
}

// preparedHash is the contribution of one prepared entry to the checksum
// that checks a block file end to end (see blockFile).
func preparedHash(e entry) uint64 {
	return mix64(uint64(e.row)<<32|uint64(e.ctx)) ^ mix64(uint64(math.Float32bits(e.logX))<<32|uint64(math.Float32bits(e.weight)))
}

// parallelChunks runs f on workers contiguous pieces of [0, n) and waits.
func parallelChunks(n, workers int, f func(w, lo, hi int)) {
	workers = max(1, min(workers, n/(64<<10)+1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*n/workers, (w+1)*n/workers
		wg.Go(func() { f(w, lo, hi) })
	}
	wg.Wait()
}

// convertRecords turns the raw cooccurrence.bin records that were read
// into ents into prepared entries, in place. It checks every record (ids
// in 1..vocabSize, count finite and positive) and returns the sum of their
// nonzeroHash; the first bad record (first is the number of ents[0] in the
// input) is an error wrapping cooccur.ErrBadBinFile.
func convertRecords(p *prep, ents []entry, first int64) (uint64, error) {
	raw := entryBytesView(ents)
	var sum uint64
	for n := range ents {
		rec := raw[n*entryBytes : n*entryBytes+entryBytes]
		row := binary.LittleEndian.Uint32(rec[0:]) - 1 // 0 wraps round and fails the test below
		col := binary.LittleEndian.Uint32(rec[4:]) - 1
		v := math.Float64frombits(binary.LittleEndian.Uint64(rec[8:]))
		if row >= p.vocabSize || col >= p.vocabSize || !(v > 0) || math.IsInf(v, 0) {
			return sum, fmt.Errorf("%w: record %d is (%d, %d, %v); ids must be in 1..%d (outside the vocabulary?) and counts finite and positive",
				cooccur.ErrBadBinFile, first+int64(n)+1, int32(row+1), int32(col+1), v, p.vocabSize)
		}
		sum += nonzeroHash(row, col, v)
		ents[n] = p.entry(row, col, v)
	}
	return sum, nil
}

// convertEntries prepares entries into dst (same length) with up to one
// goroutine per prep, with the checks and checksum of convertRecords.
func convertEntries(dst []entry, entries []cooccur.Entry, vocabSize int, preps []*prep) (uint64, error) {
	sums := make([]uint64, len(preps))
	bads := make([]error, len(preps))
	parallelChunks(len(entries), len(preps), func(w, lo, hi int) {
		p := preps[w]
		var sum uint64
		for n := lo; n < hi; n++ {
			e := entries[n]
			if e.Row < 0 || int(e.Row) >= vocabSize || e.Col < 0 || int(e.Col) >= vocabSize {
				bads[w] = fmt.Errorf("%w: entry %d is (%d, %d), outside the vocabulary of %d words", ErrBadEntry, n, e.Row, e.Col, vocabSize)
				return
			}
			if !(e.Value > 0) || math.IsInf(e.Value, 0) {
				bads[w] = fmt.Errorf("%w: entry %d (%d, %d) has count %v; counts must be finite and positive", ErrBadEntry, n, e.Row, e.Col, e.Value)
				return
			}
			sum += nonzeroHash(uint32(e.Row), uint32(e.Col), e.Value)
			dst[n] = p.entry(uint32(e.Row), uint32(e.Col), e.Value)
		}
		sums[w] = sum
	})
	var sum uint64
	for w := range sums {
		if bads[w] != nil {
			return 0, bads[w]
		}
		sum += sums[w]
	}
	return sum, nil
}

// shuffleAhead is how many swaps ahead the shuffle draws its random
// indices and prefetches the entries they point to.
const shuffleAhead = 32

// forwardShuffler permutes ents uniformly at random with rng, front to
// back, so that it can follow the data as it arrives: the forward
// Fisher-Yates shuffle (the "inside-out" form done in place), which for
// i = 1, 2, … swaps ents[i] with ents[j], j uniform in [0, i]; after step
// i the first i+1 entries are a uniformly random permutation of
// themselves. Each j is drawn shuffleAhead swaps early and its entry
// prefetched: a shuffle of hundreds of megabytes is otherwise one cache
// and TLB miss after another, each waited for in turn.
type forwardShuffler struct {
	ents  []entry
	rng   *rand.Rand
	i     int // next position to swap
	drawn int // positions whose j is in ring
	ring  [shuffleAhead]int
}

// shuffleTo performs the swaps of positions up to end (exclusive); the
// entries below end must be ready.
func (f *forwardShuffler) shuffleTo(end int) {
	ents := f.ents
	for f.drawn < min(f.i+shuffleAhead, end) {
		f.draw()
	}
	for ; f.i < end; f.i++ {
		j := f.ring[f.i%shuffleAhead]
		if f.drawn < end {
			f.draw()
		}
		ents[f.i], ents[j] = ents[j], ents[f.i]
	}
}

// draw draws the j of position f.drawn and prefetches its entry.
func (f *forwardShuffler) draw() {
	j := int(f.rng.Uint64N(uint64(f.drawn + 1)))
	p := (*float32)(unsafe.Pointer(&f.ents[j]))
	prefetchRows(p, p, entryBytes)
	f.ring[f.drawn%shuffleAhead] = j
	f.drawn++
}

// shuffleEntries permutes all of ents with the forward shuffle.
func shuffleEntries(ents []entry, rng *rand.Rand) {
	f := forwardShuffler{ents: ents, rng: rng}
	f.shuffleTo(len(ents))
}

// workerCount resolves Options.Workers (0: all cores).
func workerCount(w int) int {
	if w == 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}
