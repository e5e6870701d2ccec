package glove

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"unsafe"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// blockSize is the number of consecutive (pre-shuffled) nonzeros that a
// worker takes at a time; the order inside a block is reshuffled every
// epoch. 256 entries are 4 KiB: one cheap permutation, read sequentially.
const blockSize = 256

// cancelCheckBlocks is how many blocks a worker trains between two checks
// of the context (about a millisecond of work).
const cancelCheckBlocks = 16

// Streams of the PCG generator: one for the one-off shuffle of the
// nonzeros, one for the initial parameters and the per-epoch orders.
const (
	shuffleStream = 0x5eed_5480_ff1e
	trainStream   = 0x7a1e_91ad_e0c4
)

// Trainer holds the state of one GloVe training run: parameters, AdaGrad
// accumulators, the random generator and the cost history. It is not safe
// for concurrent use; Run itself uses Options.Workers goroutines (and, when
// streaming, one reader) and leaves none behind. Call Close when done: a
// streamed trainer holds an open temporary file.
type Trainer struct {
	opt       Options
	vocabSize int
	lay       layout
	params    []float32 // 2·vocabSize rows of lay.stride floats
	nnz       int
	ents      []entry    // in memory: nonzeros in their one-off shuffled order
	stream    *blockFile // streamed: the block file; nil in memory
	chunkLen  int        // nonzeros per chunk (see runEpoch); nnz in memory
	checksum  uint64     // of the nonzeros, see nonzeroHash
	pcg       *rand.PCG  // per-epoch orders; saved in checkpoints
	epoch     int
	history   []EpochStats
	blocks    []int32 // scratch: block order inside the current chunk
}

// NewTrainer validates the options and the entries (0-based ranks below
// vocabSize, finite positive counts), shuffles the nonzeros and
// initialises the parameters like glove.c: uniform in [−0.5, 0.5]/d,
// accumulators at 1. The nonzeros are held in memory whatever
// Options.MemoryBytes says (entries already are); use NewTrainerBin to
// stream. It panics if vocabSize < 1.
func NewTrainer(entries []cooccur.Entry, vocabSize int, opt Options) (*Trainer, error) {
	t, err := newTrainerState(entries, vocabSize, opt)
	if err != nil {
		return nil, err
	}
	t.initParams()
	return t, nil
}

// NewTrainerBin is NewTrainer on the nonzeros of a Stanford
// cooccurrence.bin stream of size bytes (16 a record, 1-based ids), read
// from r in large blocks straight into the training layout. If
// opt.MemoryBytes > 0 and the nonzeros (16 bytes each) do not fit in it,
// they are block-shuffled once into a temporary file in opt.TempDir and
// streamed from it every epoch (see the package documentation); otherwise
// they are held in memory. A size that is not a whole number of records, a
// stream shorter than size, or a bad record is an error wrapping
// cooccur.ErrBadBinFile; ctx cancels the loading. It panics if vocabSize < 1.
func NewTrainerBin(ctx context.Context, r io.Reader, size int64, vocabSize int, opt Options) (*Trainer, error) {
	t, err := newTrainerStateBin(ctx, r, size, vocabSize, opt)
	if err != nil {
		return nil, err
	}
	t.initParams()
	return t, nil
}

// initParams draws the initial parameters like glove.c.
func (t *Trainer) initParams() {
	rng := rand.New(t.pcg)
	half := float64(0.5)
	inv := 1 / float64(t.lay.dim)
	for r := 0; r < 2*t.vocabSize; r++ {
		row := t.params[r*t.lay.stride : r*t.lay.stride+2*(t.lay.dim+1)]
		for k := 0; k <= t.lay.dim; k++ {
			row[k] = float32((rng.Float64() - half) * inv)
		}
		for k := t.lay.dim + 1; k < len(row); k++ {
			row[k] = 1
		}
	}
}

// checkStateArgs panics on an empty vocabulary and validates opt.
func checkStateArgs(vocabSize int, opt Options) error {
	if vocabSize < 1 {
		panic(fmt.Sprintf("glove: vocabulary size %d < 1", vocabSize))
	}
	return opt.validate()
}

// errNoNonzeros is returned for an empty matrix.
var errNoNonzeros = fmt.Errorf("%w: the co-occurrence matrix has no nonzeros (corpus too small, or min-count too high?)", ErrNoCooccurrences)

// newTrainerState does everything NewTrainer does except initialising
// the parameters, which Resume restores instead.
func newTrainerState(entries []cooccur.Entry, vocabSize int, opt Options) (*Trainer, error) {
	if err := checkStateArgs(vocabSize, opt); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, errNoNonzeros
	}
	ents := make([]entry, len(entries))
	sum, err := convertEntries(ents, entries, vocabSize, newPreps(vocabSize, opt, workerCount(opt.Workers), int64(len(entries))))
	if err != nil {
		return nil, err
	}
	shuffleEntries(ents, rand.New(rand.NewPCG(opt.Seed, shuffleStream)))
	return newTrainerPrepared(ents, sum, len(ents), vocabSize, opt), nil
}

// newTrainerStateBin is newTrainerState for NewTrainerBin.
func newTrainerStateBin(ctx context.Context, r io.Reader, size int64, vocabSize int, opt Options) (*Trainer, error) {
	if err := checkStateArgs(vocabSize, opt); err != nil {
		return nil, err
	}
	if size < 0 || size%entryBytes != 0 {
		return nil, fmt.Errorf("%w: %d bytes is not a whole number of %d-byte records (truncated file?)", cooccur.ErrBadBinFile, size, entryBytes)
	}
	nnz := size / entryBytes
	if nnz == 0 {
		return nil, errNoNonzeros
	}
	if nnz > math.MaxInt32*int64(blockSize) {
		return nil, fmt.Errorf("%w: %d nonzeros is more than this trainer indexes", cooccur.ErrBadBinFile, nnz)
	}
	if opt.MemoryBytes > 0 && size > opt.MemoryBytes {
		bf, sum, err := newBlockFile(ctx, r, int(nnz), vocabSize, opt)
		if err != nil {
			return nil, err
		}
		t := newTrainerPrepared(nil, sum, int(nnz), vocabSize, opt)
		t.stream, t.chunkLen = bf, bf.chunkLen
		t.blocks = make([]int32, (t.chunkLen+blockSize-1)/blockSize)
		return t, nil
	}
	ents := make([]entry, nnz)
	adviseHugePages(entryBytesView(ents))
	sum, err := loadRecords(ctx, r, ents, 0, newPreps(vocabSize, opt, workerCount(opt.Workers), nnz), rand.New(rand.NewPCG(opt.Seed, shuffleStream)))
	if err != nil {
		return nil, err
	}
	return newTrainerPrepared(ents, sum, len(ents), vocabSize, opt), nil
}

// newTrainerPrepared returns a trainer on prepared entries in their
// training order (ents nil when streamed), as one chunk, with zero
// parameters.
func newTrainerPrepared(ents []entry, checksum uint64, nnz, vocabSize int, opt Options) *Trainer {
	lay := newLayout(opt.VectorSize)
	params := make([]float32, 2*vocabSize*lay.stride)
	adviseHugePages(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(params))), 4*len(params)))
	return &Trainer{
		opt:       opt,
		vocabSize: vocabSize,
		lay:       lay,
		params:    params,
		nnz:       nnz,
		ents:      ents,
		chunkLen:  nnz,
		checksum:  checksum,
		pcg:       rand.NewPCG(opt.Seed, trainStream),
		blocks:    make([]int32, (nnz+blockSize-1)/blockSize),
	}
}

// Close releases the nonzeros: the entries held in memory, or the
// temporary block file and chunk buffers of a streamed trainer. Model,
// History, Epoch and WriteCheckpoint still work afterwards; Run does not.
// Close is idempotent.
func (t *Trainer) Close() error {
	t.ents = nil
	if t.stream == nil {
		return nil
	}
	err := t.stream.close()
	t.stream = nil
	return err
}

// Streamed reports whether the nonzeros are streamed from a block file,
// and how many nonzeros one block (chunk) of it holds.
func (t *Trainer) Streamed() (chunkLen int, ok bool) {
	if t.stream == nil {
		return 0, false
	}
	return t.chunkLen, true
}

// Train is NewTrainer followed by Run: it trains opt.Epochs epochs and
// returns the model and the per-epoch statistics.
func Train(ctx context.Context, entries []cooccur.Entry, vocabSize int, opt Options) (*Model, []EpochStats, error) {
	t, err := NewTrainer(entries, vocabSize, opt)
	if err != nil {
		return nil, nil, err
	}
	defer t.Close()
	if err := t.Run(ctx); err != nil {
		return nil, t.History(), err
	}
	return t.Model(), t.History(), nil
}

// SetProgress replaces Options.Progress, the callback called after every
// epoch (nil for none).
func (t *Trainer) SetProgress(f func(EpochStats)) { t.opt.Progress = f }

// Epoch returns the number of epochs trained so far.
func (t *Trainer) Epoch() int { return t.epoch }

// Options returns the options the trainer runs with.
func (t *Trainer) Options() Options { return t.opt }

// NNZ returns the number of nonzeros trained on per epoch.
func (t *Trainer) NNZ() int { return t.nnz }

// History returns the statistics of every epoch trained so far, including
// epochs restored from a checkpoint.
func (t *Trainer) History() []EpochStats { return append([]EpochStats(nil), t.history...) }

// Run trains until Options.Epochs epochs are done, calling
// Options.Progress after each. It returns ctx's error if ctx is cancelled
// (checked between blocks of nonzeros) and an error wrapping ErrDiverged
// if the cost becomes NaN or infinite. All worker goroutines have exited
// when Run returns.
func (t *Trainer) Run(ctx context.Context) error {
	if t.ents == nil && t.stream == nil {
		panic("glove: Run after Close")
	}
	for t.epoch < t.opt.Epochs {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := t.runEpoch(ctx)
		if err != nil {
			return err
		}
		t.epoch++
		t.history = append(t.history, st)
		if t.opt.Progress != nil {
			t.opt.Progress(st)
		}
	}
	return nil
}
