package glove

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"
)

// workerState is what one worker keeps over an epoch: its generator of
// within-block orders and its scratch order.
type workerState struct {
	rng   *rand.Rand
	order []uint16
	res   workerResult
}

// workerResult is what one worker reports at the end of an epoch.
type workerResult struct {
	cost      float64
	visited   int
	cancelled bool
	diverged  bool
}

// chunkFeed hands the chunks of an epoch to runEpoch in the order asked:
// slices of the in-memory entries, or blocks read from the block file.
type chunkFeed interface {
	// next returns the entries of the next chunk; they stay valid until
	// the following call to next or stop.
	next(ctx context.Context) ([]entry, error)
	// stop ends the feed and waits for any goroutine it started.
	stop()
}

// memoryFeed serves chunks of the in-memory entries.
type memoryFeed struct {
	ents     []entry
	chunkLen int
	order    []int32
	k        int
}

func (f *memoryFeed) next(context.Context) ([]entry, error) {
	lo := int(f.order[f.k]) * f.chunkLen
	f.k++
	return f.ents[lo:min(lo+f.chunkLen, len(f.ents))], nil
}

func (f *memoryFeed) stop() {}

// runEpoch trains one epoch. Its order, drawn from the trainer's
// generator, is: the order of the chunks (one chunk, drawing nothing, in
// memory), then the order of the 256-nonzero blocks inside each chunk as
// the chunk starts, and, right after the first chunk's block order, one
// seed per worker for the orders inside blocks. In memory this is the
// order of versions before streaming existed, draw for draw.
func (t *Trainer) runEpoch(ctx context.Context) (EpochStats, error) {
	start := time.Now()
	rng := rand.New(t.pcg)
	nChunks := (t.nnz + t.chunkLen - 1) / t.chunkLen
	chunkOrder := make([]int32, nChunks)
	for i := range chunkOrder {
		chunkOrder[i] = int32(i)
	}
	rng.Shuffle(nChunks, func(i, j int) { chunkOrder[i], chunkOrder[j] = chunkOrder[j], chunkOrder[i] })

	var feed chunkFeed
	if t.stream != nil {
		feed = t.stream.feed(chunkOrder)
	} else {
		feed = &memoryFeed{ents: t.ents, chunkLen: t.chunkLen, order: chunkOrder}
	}
	defer feed.stop()

	workers := min(workerCount(t.opt.Workers), (t.chunkLen+blockSize-1)/blockSize)
	states := make([]workerState, workers)
	epoch := t.epoch + 1
	for k := range chunkOrder {
		ents, err := feed.next(ctx)
		if err != nil {
			return EpochStats{}, fmt.Errorf("glove: epoch %d, chunk %d of %d: %w", epoch, k+1, nChunks, err)
		}
		blocks := t.blocks[:(len(ents)+blockSize-1)/blockSize]
		for i := range blocks {
			blocks[i] = int32(i)
		}
		rng.Shuffle(len(blocks), func(i, j int) { blocks[i], blocks[j] = blocks[j], blocks[i] })
		if k == 0 {
			for w := range states {
				states[w] = workerState{rng: rand.New(rand.NewPCG(rng.Uint64(), rng.Uint64())), order: make([]uint16, blockSize)}
			}
		}
		if err := t.trainChunk(ctx, ents, blocks, states, epoch); err != nil {
			return EpochStats{}, err
		}
	}

	var cost float64
	for _, s := range states {
		cost += s.res.cost
	}
	cost /= float64(t.nnz)
	if math.IsNaN(cost) || math.IsInf(cost, 0) {
		return EpochStats{}, &DivergedError{Epoch: epoch, Cost: cost, Eta: t.opt.Eta}
	}
	if cost > MaxCost || (len(t.history) > 0 && cost > DivergenceGrowth*t.history[0].Cost) {
		return EpochStats{}, &DivergedError{Epoch: epoch, Cost: cost, Eta: t.opt.Eta}
	}
	elapsed := time.Since(start)
	return EpochStats{
		Epoch:             epoch,
		Cost:              cost,
		Elapsed:           elapsed,
		NonzerosPerSecond: float64(t.nnz) / elapsed.Seconds(),
	}, nil
}

// trainChunk has the workers train the permuted blocks of one chunk and
// waits for them; it reports divergence and cancellation. The workers
// take the blocks in their permuted order, cancelCheckBlocks at a time,
// from a shared counter: a worker slowed down (by other jobs on the
// machine, say) leaves more to the others instead of keeping them
// waiting. With one worker the order is exactly the permuted one.
func (t *Trainer) trainChunk(ctx context.Context, ents []entry, blocks []int32, states []workerState, epoch int) error {
	var stop atomic.Bool
	var turn hogwildTurn
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range states {
		wg.Go(func() {
			t.work(ctx, ents, blocks, &next, &states[w], &stop, &turn)
		})
	}
	wg.Wait()
	visited := 0
	for _, s := range states {
		if s.res.diverged {
			return fmt.Errorf("%w at epoch %d: a residual became NaN or infinite after %d of %d nonzeros (try a smaller eta, now %g)",
				ErrDiverged, epoch, visited+s.res.visited, t.nnz, t.opt.Eta)
		}
		visited += s.res.visited
	}
	for _, s := range states {
		if s.res.cancelled {
			return fmt.Errorf("glove: epoch %d stopped after %d of %d nonzeros: %w", epoch, visited, t.nnz, ctx.Err())
		}
	}
	return nil
}

// work trains blocks of ents, taking them cancelCheckBlocks at a time from
// blocks[next:], each in a fresh random order drawn from the worker's
// generator, adding to s.res. It stops early when ctx is cancelled or
// another worker has set stop.
func (t *Trainer) work(ctx context.Context, ents []entry, blocks []int32, next *atomic.Int64, s *workerState, stop *atomic.Bool, turn *hogwildTurn) {
	for {
		if ctx.Err() != nil {
			s.res.cancelled = true
			return
		}
		if stop.Load() {
			return
		}
		hi := int(next.Add(cancelCheckBlocks))
		lo := hi - cancelCheckBlocks
		if lo >= len(blocks) {
			return
		}
		if !t.trainBlocks(ents, blocks[lo:min(hi, len(blocks))], s, stop, turn) {
			return
		}
	}
}

// trainBlocks trains the given blocks of ents for work; false means the
// residual diverged.
func (t *Trainer) trainBlocks(ents []entry, blocks []int32, s *workerState, stop *atomic.Bool, turn *hogwildTurn) bool {
	steps := stepSizes{eta: float32(t.opt.Eta), biasEta: float32(t.opt.BiasEta), clip: float32(t.opt.GradClip)}
	for _, b := range blocks {
		lo := int(b) * blockSize
		block := ents[lo:min(lo+blockSize, len(ents))]
		ord := s.order[:len(block)]
		for i := range ord {
			ord[i] = uint16(i)
		}
		for i := len(ord) - 1; i > 0; i-- {
			j := s.rng.IntN(i + 1)
			ord[i], ord[j] = ord[j], ord[i]
		}
		turn.begin()
		cost, done := trainBlock(t.params, block, ord, t.lay, steps)
		turn.end()
		s.res.cost += cost
		s.res.visited += done
		if done < len(ord) {
			s.res.diverged = true
			stop.Store(true)
			return false
		}
	}
	return true
}
