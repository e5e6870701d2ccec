package glove

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// MaxVectorSize bounds Options.VectorSize; larger values are almost
// certainly a typo and would allocate gigabytes per thousand words.
const MaxVectorSize = 10000

// Sentinel errors; returned errors wrap them with details.
var (
	// ErrInvalidOptions reports an option outside its valid range.
	ErrInvalidOptions = errors.New("invalid GloVe training options")
	// ErrNoCooccurrences reports an empty co-occurrence matrix.
	ErrNoCooccurrences = errors.New("no co-occurrences to train on")
	// ErrBadEntry reports a co-occurrence entry outside the vocabulary or
	// with a count that is not finite and positive.
	ErrBadEntry = errors.New("bad co-occurrence entry")
	// ErrDiverged reports a cost that is NaN or infinite or has grown past
	// the bounds MaxCost and DivergenceGrowth (a *DivergedError).
	ErrDiverged = errors.New("GloVe training diverged")
	// ErrBadCheckpoint reports an unreadable or corrupt checkpoint.
	ErrBadCheckpoint = errors.New("bad GloVe checkpoint")
	// ErrCheckpointMismatch reports a checkpoint trained on other data or
	// with another vector size than the one it is resumed with.
	ErrCheckpointMismatch = errors.New("checkpoint does not match the training data")
)

// Options configures training. Start from DefaultOptions.
type Options struct {
	// VectorSize is d, the dimension of word and context vectors
	// (1..MaxVectorSize).
	VectorSize int
	// Epochs is the total number of passes over the nonzeros that Run
	// trains up to (counting epochs restored from a checkpoint).
	Epochs int
	// XMax and Alpha define the weighting f(x) = (x/XMax)^Alpha for
	// x < XMax, else 1. XMax > 0, Alpha ≥ 0.
	XMax, Alpha float64
	// Eta is the AdaGrad learning rate of the vectors (> 0).
	Eta float64
	// BiasEta is the AdaGrad learning rate of the biases (> 0). glove.c
	// uses 1 (it applies no learning rate to the bias step); that is the
	// default, so that costs match the Stanford tool.
	BiasEta float64
	// GradClip clips each component of a vector gradient to
	// [−GradClip, GradClip] (> 0).
	GradClip float64
	// Workers is the number of goroutines updating the parameters
	// concurrently; 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Seed fixes the initialisation and the visiting order.
	Seed uint64
	// MemoryBytes bounds the memory (bytes) NewTrainerBin may spend on
	// nonzeros, 16 bytes each; 0 means no bound. Above it, the nonzeros
	// are block-shuffled into a file in TempDir and streamed from disk
	// every epoch in chunks of MemoryBytes/32 nonzeros (at least 64 Ki),
	// two chunks in memory at a time. It is not part of the model: a
	// checkpoint does not save it.
	MemoryBytes int64
	// TempDir is the directory of a streamed run's block file ("": the
	// system's temporary directory). The file takes 16 bytes a nonzero.
	TempDir string
	// Progress, if non-nil, is called on the training goroutine after
	// every epoch. It must return quickly (hand the value to a channel
	// with a select/default, say); training waits for it.
	Progress func(EpochStats)
}

// DefaultOptions returns the defaults of the Stanford tool and the paper:
// d = 50, 15 epochs, x_max = 100, α = 0.75, η = 0.05, bias η 1 (as in
// glove.c), gradient clip 100, all cores, seed 1.
func DefaultOptions() Options {
	return Options{
		VectorSize: 50,
		Epochs:     15,
		XMax:       100,
		Alpha:      0.75,
		Eta:        0.05,
		BiasEta:    1,
		GradClip:   100,
		Seed:       1,
	}
}

// EpochStats describes one finished epoch.
type EpochStats struct {
	// Epoch is 1-based and counts epochs restored from a checkpoint.
	Epoch int
	// Cost is the Stanford per-epoch cost: the mean over nonzeros of
	// ½ f(X_ij)·diff², each taken just before that nonzero's update.
	Cost float64
	// Elapsed is the wall time of the epoch.
	Elapsed time.Duration
	// NonzerosPerSecond is the number of nonzeros divided by Elapsed.
	NonzerosPerSecond float64
}

// validate checks every option and returns an error wrapping
// ErrInvalidOptions naming the first bad one.
func (o Options) validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrInvalidOptions, fmt.Sprintf(format, args...))
	}
	positive := func(name string, v float64) error {
		if math.IsNaN(v) || math.IsInf(v, 0) || v <= 0 {
			return bad("%s must be a finite number > 0, got %v", name, v)
		}
		return nil
	}
	switch {
	case o.VectorSize < 1 || o.VectorSize > MaxVectorSize:
		return bad("vector size must be in 1..%d, got %d", MaxVectorSize, o.VectorSize)
	case o.Epochs < 1:
		return bad("epochs must be at least 1, got %d", o.Epochs)
	case o.MemoryBytes < 0:
		return bad("memory bound must be ≥ 0 bytes (0 = no bound), got %d", o.MemoryBytes)
	case o.Workers < 0:
		return bad("workers must be ≥ 0 (0 = all cores), got %d", o.Workers)
	case math.IsNaN(o.Alpha) || math.IsInf(o.Alpha, 0) || o.Alpha < 0:
		return bad("alpha must be a finite number ≥ 0, got %v", o.Alpha)
	}
	for _, p := range []struct {
		name string
		v    float64
	}{{"x_max", o.XMax}, {"eta", o.Eta}, {"bias eta", o.BiasEta}, {"gradient clip", o.GradClip}} {
		if err := positive(p.name, p.v); err != nil {
			return err
		}
	}
	return nil
}

// weight returns f(x) = (x/xMax)^alpha for x < xMax, else 1.
// Weight is GloVe's weighting f(x) = (x/xMax)^alpha below xMax and 1
// from it on: how much the fit of log x counts in the objective.
func Weight(x, xMax, alpha float64) float64 { return weight(x, xMax, alpha) }

func weight(x, xMax, alpha float64) float64 {
	if x >= xMax {
		return 1
	}
	return math.Pow(x/xMax, alpha)
}

// MemoryBytes estimates the memory (bytes) a Trainer for vocabSize words,
// nnz nonzeros held in memory and vectors of vectorSize takes, with one
// Model copy for saving: the float32 parameters and AdaGrad accumulators
// of 2V rows (padded to cache lines), 16 bytes a nonzero for the training
// entries and their block order, the float64 model and 64 KiB of
// scratch. It lets callers refuse a run before allocating it; it does not
// count the caller's own copy of the co-occurrence matrix. For a run
// that may stream (Options.MemoryBytes), see MemoryBytesWithin.
func MemoryBytes(vocabSize int, nnz int64, vectorSize int) int64 {
	return modelMemoryBytes(vocabSize, vectorSize) + nnz*16 + (nnz+blockSize-1)/blockSize*4 + prepBytes(nnz)
}

// MemoryBytesWithin is MemoryBytes for NewTrainerBin with
// Options.MemoryBytes = budget: when the nonzeros (16 bytes each) exceed
// a budget > 0, they are streamed and only the two chunk buffers count.
// The model part does not depend on the budget: a caller with a total
// memory limit L can pass budget = L − MemoryBytesWithin(vocabSize, 0,
// vectorSize, 0) and train any matrix within L.
func MemoryBytesWithin(vocabSize int, nnz int64, vectorSize int, budget int64) int64 {
	if budget <= 0 || nnz*entryBytes <= budget {
		return MemoryBytes(vocabSize, nnz, vectorSize)
	}
	chunk := int64(min(chunkLenFor(budget), int(min(nnz, math.MaxInt32))))
	chunks := (nnz + chunk - 1) / chunk
	// The dealing pass adds channels and buffers (dealing), and a CRC,
	// room, fill and count per chunk.
	const dealing = 128 << 10
	return MemoryBytes(vocabSize, 2*chunk, vectorSize) + dealing + 32*chunks
}

// modelMemoryBytes is the part of MemoryBytes that does not depend on the
// nonzeros.
func modelMemoryBytes(vocabSize, vectorSize int) int64 {
	v, d := int64(vocabSize), int64(vectorSize)
	params := 2 * v * int64(newLayout(vectorSize).stride) * 4
	model := 2*v*d*8 + 2*v*8
	const scratch = 64 << 10 // block orders, RNG states, bookkeeping
	return params + model + scratch
}

// Divergence bounds on the mean cost per nonzero of an epoch. With the
// initial parameters (components below 0.5/d) the cost of a nonzero is
// about f(X)·(log X)², at most (log MaxFloat32 + 1)² ≈ 8000; training only
// lowers it. A cost past MaxCost, or grown DivergenceGrowth times past
// the first epoch's, means the parameters are blowing up (η too large):
// a learning rate of 1e10 otherwise "finishes" with a cost of 1e46.
const (
	MaxCost          = 1e6
	DivergenceGrowth = 1e6
)

// DivergedError is the error of an epoch whose mean cost is not finite or
// past the divergence bounds. It wraps ErrDiverged.
type DivergedError struct {
	Epoch int     // 1-based
	Cost  float64 // the epoch's mean cost per nonzero
	Eta   float64 // the learning rate
}

func (e *DivergedError) Error() string {
	return fmt.Sprintf("%v at epoch %d: cost is %g (try a smaller eta, now %g)", ErrDiverged, e.Epoch, e.Cost, e.Eta)
}

// Unwrap returns ErrDiverged.
func (e *DivergedError) Unwrap() error { return ErrDiverged }
