package glove

import (
	"context"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

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
// for concurrent use; Run itself uses Options.Workers goroutines and
// leaves none behind.
type Trainer struct {
	opt       Options
	vocabSize int
	lay       layout
	params    []float32 // 2·vocabSize rows of lay.stride floats
	ents      []entry   // nonzeros in their one-off shuffled order
	checksum  uint64    // of the entries as given, see entriesChecksum
	pcg       *rand.PCG // per-epoch orders; saved in checkpoints
	epoch     int
	history   []EpochStats
	blocks    []int32 // scratch: block order of the current epoch
}

// NewTrainer validates the options and the entries (0-based ranks below
// vocabSize, finite positive counts), shuffles the nonzeros and
// initialises the parameters like glove.c: uniform in [−0.5, 0.5]/d,
// accumulators at 1. It panics if vocabSize < 1.
func NewTrainer(entries []cooccur.Entry, vocabSize int, opt Options) (*Trainer, error) {
	t, err := newTrainerState(entries, vocabSize, opt)
	if err != nil {
		return nil, err
	}
	rng := rand.New(t.pcg)
	half := float64(0.5)
	inv := 1 / float64(t.lay.dim)
	for r := 0; r < 2*vocabSize; r++ {
		row := t.params[r*t.lay.stride : r*t.lay.stride+2*(t.lay.dim+1)]
		for k := 0; k <= t.lay.dim; k++ {
			row[k] = float32((rng.Float64() - half) * inv)
		}
		for k := t.lay.dim + 1; k < len(row); k++ {
			row[k] = 1
		}
	}
	return t, nil
}

// newTrainerState does everything NewTrainer does except initialising
// the parameters, which Resume restores instead.
func newTrainerState(entries []cooccur.Entry, vocabSize int, opt Options) (*Trainer, error) {
	if vocabSize < 1 {
		panic(fmt.Sprintf("glove: vocabulary size %d < 1", vocabSize))
	}
	if err := opt.validate(); err != nil {
		return nil, err
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%w: the co-occurrence matrix has no nonzeros (corpus too small, or min-count too high?)", ErrNoCooccurrences)
	}
	ents := make([]entry, len(entries))
	for n, e := range entries {
		if e.Row < 0 || int(e.Row) >= vocabSize || e.Col < 0 || int(e.Col) >= vocabSize {
			return nil, fmt.Errorf("%w: entry %d is (%d, %d), outside the vocabulary of %d words", ErrBadEntry, n, e.Row, e.Col, vocabSize)
		}
		if !(e.Value > 0) || math.IsInf(e.Value, 0) {
			return nil, fmt.Errorf("%w: entry %d (%d, %d) has count %v; counts must be finite and positive", ErrBadEntry, n, e.Row, e.Col, e.Value)
		}
		ents[n] = entry{
			row:    uint32(e.Row),
			ctx:    uint32(vocabSize) + uint32(e.Col),
			logX:   float32(math.Log(e.Value)),
			weight: float32(weight(e.Value, opt.XMax, opt.Alpha)),
		}
	}
	shuffle := rand.New(rand.NewPCG(opt.Seed, shuffleStream))
	shuffle.Shuffle(len(ents), func(i, j int) { ents[i], ents[j] = ents[j], ents[i] })
	lay := newLayout(opt.VectorSize)
	return &Trainer{
		opt:       opt,
		vocabSize: vocabSize,
		lay:       lay,
		params:    make([]float32, 2*vocabSize*lay.stride),
		ents:      ents,
		checksum:  entriesChecksum(entries),
		pcg:       rand.NewPCG(opt.Seed, trainStream),
		blocks:    make([]int32, (len(ents)+blockSize-1)/blockSize),
	}, nil
}

// entriesChecksum is an FNV-1a hash of the entries in the order given,
// used to refuse resuming a checkpoint on other data.
func entriesChecksum(entries []cooccur.Entry) uint64 {
	h := fnv.New64a()
	var buf [4096]byte
	n := 0
	for _, e := range entries {
		if n+16 > len(buf) {
			h.Write(buf[:n])
			n = 0
		}
		binary.LittleEndian.PutUint32(buf[n:], uint32(e.Row))
		binary.LittleEndian.PutUint32(buf[n+4:], uint32(e.Col))
		binary.LittleEndian.PutUint64(buf[n+8:], math.Float64bits(e.Value))
		n += 16
	}
	h.Write(buf[:n])
	return h.Sum64()
}

// Train is NewTrainer followed by Run: it trains opt.Epochs epochs and
// returns the model and the per-epoch statistics.
func Train(ctx context.Context, entries []cooccur.Entry, vocabSize int, opt Options) (*Model, []EpochStats, error) {
	t, err := NewTrainer(entries, vocabSize, opt)
	if err != nil {
		return nil, nil, err
	}
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
func (t *Trainer) NNZ() int { return len(t.ents) }

// History returns the statistics of every epoch trained so far, including
// epochs restored from a checkpoint.
func (t *Trainer) History() []EpochStats { return append([]EpochStats(nil), t.history...) }

// Run trains until Options.Epochs epochs are done, calling
// Options.Progress after each. It returns ctx's error if ctx is cancelled
// (checked between blocks of nonzeros) and an error wrapping ErrDiverged
// if the cost becomes NaN or infinite. All worker goroutines have exited
// when Run returns.
func (t *Trainer) Run(ctx context.Context) error {
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

// workerResult is what one worker reports at the end of an epoch.
type workerResult struct {
	cost      float64
	visited   int
	cancelled bool
	diverged  bool
}

// runEpoch draws this epoch's block order, splits it between the workers
// and waits for them.
func (t *Trainer) runEpoch(ctx context.Context) (EpochStats, error) {
	start := time.Now()
	rng := rand.New(t.pcg)
	for i := range t.blocks {
		t.blocks[i] = int32(i)
	}
	rng.Shuffle(len(t.blocks), func(i, j int) { t.blocks[i], t.blocks[j] = t.blocks[j], t.blocks[i] })

	workers := t.opt.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(t.blocks))
	seeds := make([][2]uint64, workers)
	for w := range seeds {
		seeds[w] = [2]uint64{rng.Uint64(), rng.Uint64()}
	}

	results := make([]workerResult, workers)
	var stop atomic.Bool
	var turn hogwildTurn
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(t.blocks)/workers, (w+1)*len(t.blocks)/workers
		wg.Go(func() {
			results[w] = t.work(ctx, t.blocks[lo:hi], seeds[w], &stop, &turn)
		})
	}
	wg.Wait()

	epoch := t.epoch + 1
	var cost float64
	visited := 0
	for _, r := range results {
		if r.diverged {
			return EpochStats{}, fmt.Errorf("%w at epoch %d: a residual became NaN or infinite after %d of %d nonzeros (try a smaller eta, now %g)",
				ErrDiverged, epoch, visited+r.visited, len(t.ents), t.opt.Eta)
		}
		cost += r.cost
		visited += r.visited
	}
	for _, r := range results {
		if r.cancelled {
			return EpochStats{}, fmt.Errorf("glove: epoch %d stopped after %d of %d nonzeros: %w", epoch, visited, len(t.ents), ctx.Err())
		}
	}
	cost /= float64(len(t.ents))
	if math.IsNaN(cost) || math.IsInf(cost, 0) {
		return EpochStats{}, fmt.Errorf("%w at epoch %d: cost is %v (try a smaller eta, now %g)", ErrDiverged, epoch, cost, t.opt.Eta)
	}
	elapsed := time.Since(start)
	return EpochStats{
		Epoch:             epoch,
		Cost:              cost,
		Elapsed:           elapsed,
		NonzerosPerSecond: float64(len(t.ents)) / elapsed.Seconds(),
	}, nil
}

// work trains the given blocks, each in a fresh random order drawn from a
// generator seeded with seed. It stops early when ctx is cancelled or
// another worker has set stop.
func (t *Trainer) work(ctx context.Context, blocks []int32, seed [2]uint64, stop *atomic.Bool, turn *hogwildTurn) workerResult {
	var res workerResult
	rng := rand.New(rand.NewPCG(seed[0], seed[1]))
	order := make([]uint16, blockSize)
	steps := stepSizes{eta: float32(t.opt.Eta), biasEta: float32(t.opt.BiasEta), clip: float32(t.opt.GradClip)}
	for n, b := range blocks {
		if n%cancelCheckBlocks == 0 {
			if ctx.Err() != nil {
				res.cancelled = true
				return res
			}
			if stop.Load() {
				return res
			}
		}
		lo := int(b) * blockSize
		ents := t.ents[lo:min(lo+blockSize, len(t.ents))]
		ord := order[:len(ents)]
		for i := range ord {
			ord[i] = uint16(i)
		}
		for i := len(ord) - 1; i > 0; i-- {
			j := rng.IntN(i + 1)
			ord[i], ord[j] = ord[j], ord[i]
		}
		turn.begin()
		cost, done := trainBlock(t.params, ents, ord, t.lay, steps)
		turn.end()
		res.cost += cost
		res.visited += done
		if done < len(ord) {
			res.diverged = true
			stop.Store(true)
			return res
		}
	}
	return res
}
