package glove

import (
	"context"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"os"
	"sync"
)

// ErrBadBlockFile reports a block file of a streamed run that does not
// read back as written: truncated, or damaged (a CRC-32C mismatch).
// Training stops with it rather than train on wrong data.
var ErrBadBlockFile = errors.New("damaged GloVe block file")

// minChunkLen is the smallest chunk a memory budget can ask for: below it
// the per-chunk synchronisation of the workers would cost more than 1 %.
const minChunkLen = 64 << 10

// blockStream is the generator stream of the streamed one-off shuffle.
const blockStream = 0xb10c_5480_ff1e

// castagnoli is the CRC-32C table (hardware-accelerated on amd64/arm64).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// blockFile is the on-disk copy of a streamed run's nonzeros, prepared
// for training (16 bytes each) and shuffled: chunk k holds entries
// [k·chunkLen, (k+1)·chunkLen) of a uniformly random permutation. The
// CRC-32C of every chunk is kept in memory and checked on every read. The
// file is unlinked as soon as it is created (where the system allows), so
// that it disappears when it is closed or the process dies; bufs are the
// two chunk buffers, the only nonzeros held in memory.
type blockFile struct {
	f        *os.File
	path     string // still to remove on close (systems that cannot unlink open files)
	nnz      int
	chunkLen int
	crcs     []uint32
	bufs     [2][]entry
}

// chunkLenFor returns the chunk length for a memory budget of budget
// bytes of nonzeros: two chunks (one trained, one being read) fit in it.
func chunkLenFor(budget int64) int {
	n := budget / (2 * entryBytes)
	n = n / blockSize * blockSize
	return int(max(n, minChunkLen))
}

// chunkRange returns the bounds of chunk k.
func (b *blockFile) chunkRange(k int) (lo, hi int) {
	return k * b.chunkLen, min((k+1)*b.chunkLen, b.nnz)
}

func (b *blockFile) chunks() int { return (b.nnz + b.chunkLen - 1) / b.chunkLen }

// newBlockFile reads nnz cooccurrence.bin records from r and writes them,
// prepared and shuffled, to a new block file in opt.TempDir, holding at
// most one chunk of records in memory. It returns the data checksum (sum
// of nonzeroHash). The shuffle takes two passes:
//
//  1. Read the input a chunk-sized piece at a time. Deal the piece's
//     nonzeros to the chunks at random, each with probability proportional
//     to the room the chunk has left (the sizes a uniformly random
//     permutation would give), shuffle the piece, and write each chunk's
//     share to the next free place of that chunk's region.
//  2. Read each chunk, shuffle it in memory, write it back and record its
//     CRC-32C.
//
// Together they lay the nonzeros out in a uniformly random order, like
// the in-memory one-off shuffle, for one read of the input and two reads
// and writes of the block file. A checksum of the prepared entries is
// taken in both passes: they must agree, so that the file is checked from
// the first write on.
func newBlockFile(ctx context.Context, r io.Reader, nnz, vocabSize int, opt Options) (_ *blockFile, _ uint64, err error) {
	f, err := os.CreateTemp(opt.TempDir, "glove-blocks-*")
	if err != nil {
		return nil, 0, fmt.Errorf("glove: creating the block file: %w", err)
	}
	b := &blockFile{f: f, nnz: nnz, chunkLen: min(chunkLenFor(opt.MemoryBytes), nnz)}
	if os.Remove(f.Name()) != nil {
		b.path = f.Name()
	}
	defer func() {
		if err != nil {
			b.close()
		}
	}()
	b.crcs = make([]uint32, b.chunks())
	b.bufs[0] = make([]entry, b.chunkLen)
	rng := rand.New(rand.NewPCG(opt.Seed, blockStream))
	sum, dealt, err := b.deal(ctx, r, vocabSize, opt, rng)
	if err != nil {
		return nil, 0, err
	}
	var again uint64
	buf := b.bufs[0]
	for k := range b.crcs {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		lo, hi := b.chunkRange(k)
		chunk := buf[:hi-lo]
		raw := entryBytesView(chunk)
		if _, err := b.f.ReadAt(raw, int64(lo)*entryBytes); err != nil {
			return nil, 0, fmt.Errorf("%w: reading chunk %d back: %v", ErrBadBlockFile, k, err)
		}
		shuffleEntries(chunk, rng)
		for _, e := range chunk {
			again += preparedHash(e)
		}
		b.crcs[k] = crc32.Checksum(raw, castagnoli)
		if _, err := b.f.WriteAt(raw, int64(lo)*entryBytes); err != nil {
			return nil, 0, fmt.Errorf("glove: writing the block file: %w", err)
		}
	}
	if again != dealt {
		return nil, 0, fmt.Errorf("%w: the nonzeros read back differ from those written", ErrBadBlockFile)
	}
	b.bufs[1] = make([]entry, b.chunkLen)
	return b, sum, nil
}

// deal is pass 1 of newBlockFile. It returns the data checksum and the
// checksum of the prepared entries written.
func (b *blockFile) deal(ctx context.Context, r io.Reader, vocabSize int, opt Options, rng *rand.Rand) (sum, dealt uint64, err error) {
	room := newFenwick(b.chunks())
	fill := make([]int, b.chunks()) // entries written so far to each chunk
	for k := range fill {
		lo, hi := b.chunkRange(k)
		room.add(k, hi-lo)
	}
	counts := make([]int, b.chunks())
	preps := newPreps(vocabSize, opt, workerCount(opt.Workers), int64(b.nnz))
	for first := 0; first < b.nnz; first += b.chunkLen {
		piece := b.bufs[0][:min(b.chunkLen, b.nnz-first)]
		s, err := loadRecords(ctx, r, piece, int64(first), preps, rng)
		if err != nil {
			return 0, 0, err
		}
		sum += s
		for _, e := range piece {
			dealt += preparedHash(e)
		}
		clear(counts)
		left := room.total()
		for range piece {
			k := room.find(int(rng.Uint64N(uint64(left))))
			room.add(k, -1)
			counts[k]++
			left--
		}
		at := 0
		for k, c := range counts {
			if c == 0 {
				continue
			}
			lo, _ := b.chunkRange(k)
			if _, err := b.f.WriteAt(entryBytesView(piece[at:at+c]), int64(lo+fill[k])*entryBytes); err != nil {
				return 0, 0, fmt.Errorf("glove: writing the block file: %w", err)
			}
			fill[k] += c
			at += c
		}
	}
	return sum, dealt, nil
}

// close closes (and if need be removes) the file.
func (b *blockFile) close() error {
	err := b.f.Close()
	if b.path != "" {
		if rerr := os.Remove(b.path); err == nil {
			err = rerr
		}
	}
	b.bufs = [2][]entry{}
	return err
}

// fileFeed reads the chunks of one epoch from a block file on its own
// goroutine, one chunk ahead of training: while the workers train on one
// buffer the reader fills the other.
type fileFeed struct {
	ready chan filledChunk
	free  chan []entry
	done  chan struct{}
	wg    sync.WaitGroup
	held  []entry // the buffer runEpoch is training on
}

type filledChunk struct {
	ents []entry
	err  error
}

// feed starts the reader for the chunks in order.
func (b *blockFile) feed(order []int32) *fileFeed {
	f := &fileFeed{
		ready: make(chan filledChunk),
		free:  make(chan []entry, 2),
		done:  make(chan struct{}),
	}
	f.free <- b.bufs[0]
	f.free <- b.bufs[1]
	f.wg.Go(func() { b.readChunks(order, f) })
	return f
}

// readChunks is the reader goroutine: it reads and checks each chunk into
// a free buffer and hands it over, until the order is done, a read fails
// or the feed is stopped.
func (b *blockFile) readChunks(order []int32, f *fileFeed) {
	for _, k := range order {
		var buf []entry
		select {
		case buf = <-f.free:
		case <-f.done:
			return
		}
		lo, hi := b.chunkRange(int(k))
		chunk := buf[:hi-lo]
		err := b.readChunk(int(k), chunk, f.done)
		select {
		case f.ready <- filledChunk{chunk, err}:
		case <-f.done:
			return
		}
		if err != nil {
			return
		}
	}
}

// readChunk reads chunk k into dst in slices, giving up early if done is
// closed, and checks its CRC.
func (b *blockFile) readChunk(k int, dst []entry, done <-chan struct{}) error {
	lo, _ := b.chunkRange(k)
	raw := entryBytesView(dst)
	const slice = 8 << 20
	for off := 0; off < len(raw); off += slice {
		select {
		case <-done:
			return errFeedStopped
		default:
		}
		end := min(off+slice, len(raw))
		n, err := b.f.ReadAt(raw[off:end], int64(lo)*entryBytes+int64(off))
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("%w: chunk %d is truncated (%d of %d bytes)", ErrBadBlockFile, k, off+n, len(raw))
		}
		if err != nil {
			return fmt.Errorf("glove: reading the block file: %w", err)
		}
	}
	if got := crc32.Checksum(raw, castagnoli); got != b.crcs[k] {
		return fmt.Errorf("%w: chunk %d has CRC-32C %08x, %08x was written (the file was changed or the disk returned bad data)",
			ErrBadBlockFile, k, got, b.crcs[k])
	}
	return nil
}

var errFeedStopped = errors.New("glove: block feed stopped")

func (f *fileFeed) next(ctx context.Context) ([]entry, error) {
	if f.held != nil {
		f.free <- f.held // never blocks: the channel holds both buffers
		f.held = nil
	}
	select {
	case c := <-f.ready:
		if c.err != nil {
			return nil, c.err
		}
		f.held = c.ents
		return c.ents, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (f *fileFeed) stop() {
	close(f.done)
	f.wg.Wait()
}

// fenwick is a Fenwick (binary indexed) tree of non-negative counts with
// the search deal needs: the slot where a running total passes a value.
type fenwick struct{ tree []int }

func newFenwick(n int) *fenwick { return &fenwick{tree: make([]int, n+1)} }

func (f *fenwick) add(k, delta int) {
	for i := k + 1; i < len(f.tree); i += i & -i {
		f.tree[i] += delta
	}
}

func (f *fenwick) total() int {
	s := 0
	for i := len(f.tree) - 1; i > 0; i -= i & -i {
		s += f.tree[i]
	}
	return s
}

// find returns the slot k with count[0]+…+count[k−1] ≤ u < count[0]+…+count[k],
// for 0 ≤ u < total().
func (f *fenwick) find(u int) int {
	pos := 0
	step := 1
	for step*2 < len(f.tree) {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next < len(f.tree) && f.tree[next] <= u {
			pos = next
			u -= f.tree[next]
		}
	}
	return pos
}
