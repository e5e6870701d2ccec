package runs

// Checkpoints and resuming. A GloVe run writes its trainer's state
// (glove.Trainer.WriteCheckpoint: parameters, AdaGrad accumulators, the
// generator of the epoch orders and the cost history) to CheckpointFile
// in its run directory after epochs, so that a run cancelled or stopped by
// a shutdown can go on from the last one written (Training.Resume).

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/internal/durable"
)

// ErrNoCheckpoint means a run directory holds no checkpoint to resume
// from (the run stopped before its first one was written, or it is an
// SVD-PPMI run).
var ErrNoCheckpoint = errors.New("runs: no checkpoint to resume from")

// ErrCheckpointUnusable means a run's checkpoint cannot be resumed: it is
// damaged, or the corpus build changed since it was written.
var ErrCheckpointUnusable = errors.New("runs: the checkpoint cannot be resumed")

// A checkpoint is written after every epoch while writing one takes less
// than cheapCheckpoint; a slower one only once training has run
// checkpointEvery times as long as the last write took, so that slow
// checkpoints cost at most about a tenth of the time.
const (
	cheapCheckpoint = 250 * time.Millisecond
	checkpointEvery = 10
)

// checkpointer writes a trainer's checkpoint after an epoch (see
// cheapCheckpoint; the first epoch's is always written). A failed write
// keeps the previous checkpoint, which is still a consistent state to
// resume from, so training goes on.
type checkpointer struct {
	sy       durable.Syncer
	path     string
	lastEnd  time.Time
	lastCost time.Duration
}

func (c *checkpointer) maybeWrite(tr *glove.Trainer) {
	if c.lastCost >= cheapCheckpoint && time.Since(c.lastEnd) < checkpointEvery*c.lastCost {
		return
	}
	begin := time.Now()
	if err := writeFile(c.sy, c.path, tr.WriteCheckpoint); err != nil {
		return
	}
	c.lastEnd = time.Now()
	c.lastCost = c.lastEnd.Sub(begin)
}

// readCheckpoint reads the checkpoint in runDir: ErrNoCheckpoint when
// there is none, ErrCheckpointUnusable when it is damaged.
func readCheckpoint(runDir string) (*glove.Checkpoint, error) {
	f, err := os.Open(filepath.Join(runDir, CheckpointFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoCheckpoint
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ck, err := glove.ReadCheckpoint(f)
	if errors.Is(err, glove.ErrBadCheckpoint) {
		return nil, fmt.Errorf("%w: %w", ErrCheckpointUnusable, err)
	}
	return ck, err
}

// CheckpointEpoch returns the number of epochs the checkpoint in runDir
// holds, reading only its header (cheap enough for a page view; the rest
// is checked when the run resumes): ErrNoCheckpoint when there is none,
// ErrCheckpointUnusable when its header is damaged or foreign.
func CheckpointEpoch(runDir string) (int, error) {
	f, err := os.Open(filepath.Join(runDir, CheckpointFile))
	if errors.Is(err, os.ErrNotExist) {
		return 0, ErrNoCheckpoint
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	_, epoch, err := glove.CheckpointEpoch(f)
	if errors.Is(err, glove.ErrBadCheckpoint) {
		return 0, fmt.Errorf("%w: %w", ErrCheckpointUnusable, err)
	}
	return epoch, err
}

// Resumable reports, cheaply (reading the checkpoint's header only),
// whether the run directory dir holds a checkpoint a run could resume
// from. Clean-up of run directories keeps those for which it is true.
func Resumable(dir string) bool {
	_, err := CheckpointEpoch(dir)
	return err == nil
}

// elapsedBefore returns the training time recorded up to epoch (the
// loss point's seconds), so that a resumed run's clock goes on; 0 when
// it is not recorded.
func (j Training) elapsedBefore(ctx context.Context, epoch int) time.Duration {
	loss, err := j.Store.Loss(context.WithoutCancel(ctx), j.RunID)
	if err != nil {
		return 0
	}
	for _, l := range loss {
		if l.Epoch == epoch {
			return time.Duration(l.Seconds * float64(time.Second))
		}
	}
	return 0
}
