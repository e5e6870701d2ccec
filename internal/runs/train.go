package runs

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// Files in a run directory.
const (
	ModelFile      = "model.gob"      // W, W̃, b, b̃ (glove.WriteModel)
	CheckpointFile = "checkpoint.bin" // glove.Trainer checkpoint (resumable)
)

// Training is one training run to carry out (the work of a train job).
type Training struct {
	// Store records the run; its run directory receives the artefacts,
	// made durable with the store's Syncer like its other files.
	Store  *store.Store
	RunID  int64
	Params Params
	// Build is a loaded corpus build to train on; or nil, and BuildDir
	// names a finished build whose words are read from its vocabulary and
	// whose nonzeros are read from its matrix file as the trainer needs
	// them (cooccur.OpenMatrixRecords), so that the matrix is never held
	// in memory whole.
	Build    *corpusbuild.Loaded
	BuildDir string
	// MemoryBytes bounds the nonzeros the trainer holds
	// (glove.Options.MemoryBytes, 0 = no bound): above it they are
	// block-shuffled into a temporary file in TempDir ("" = the system's)
	// and streamed from it every epoch. The file is removed when Execute
	// returns, whatever happens.
	MemoryBytes int64
	TempDir     string
	Eval        *EvalSets // nil: no evaluation
	// Progress receives the job's progress (fraction, message).
	Progress func(frac float64, msg string)
	// VectorSetName names the vector set of the result.
	VectorSetName string
	// Resume continues the run from the checkpoint in its run directory
	// (CheckpointFile, written after epochs as it trains) to
	// Params.Epochs, instead of starting afresh; the store's loss points
	// after the checkpoint's epoch must have been removed
	// (store.ResumeRun). With one thread the result is bit-for-bit the
	// run that never stopped.
	Resume bool
}

// Execute trains, records the loss of every epoch with Store.AppendLoss,
// stores W + W̃ as a vector set and the model in the run directory, and
// evaluates the vectors. A divergence is a *DivergedError; a cancelled
// context returns its error.
func Execute(ctx context.Context, j Training) (Results, error) {
	start := time.Now()
	progress := j.Progress
	if progress == nil {
		progress = func(float64, string) {}
	}
	var res Results
	dir, err := j.Store.RunDir(j.RunID)
	if err != nil {
		return res, err
	}
	progress(0.01, "reading and shuffling the co-occurrence matrix")
	words, tr, err := j.newTrainer(ctx, dir)
	if err != nil {
		return res, err
	}
	defer tr.Close() // removes a streamed run's block file
	if h := tr.History(); len(h) > 0 {
		// Resumed: the clock and results go on from the checkpoint.
		res.Epochs, res.FinalCost = tr.Epoch(), h[len(h)-1].Cost
		start = start.Add(-j.elapsedBefore(ctx, tr.Epoch()))
		progress(0.02+0.88*float64(tr.Epoch())/float64(max(j.Params.Epochs, 1)), fmt.Sprintf("resuming after epoch %d of %d", tr.Epoch(), j.Params.Epochs))
	}
	ck := checkpointer{sy: j.Store.Syncer(), path: filepath.Join(dir, CheckpointFile)}
	opt := j.Params.Options()
	nnz := float64(tr.NNZ())
	how := fmt.Sprintf("training on %.0f nonzeros", nnz)
	streamed := false
	if chunk, ok := tr.Streamed(); ok {
		// The trainer holds two chunks: the one trained on and the next, read meanwhile.
		res.InMemoryNonzeros = int64(min(2*chunk, tr.NNZ()))
		how = fmt.Sprintf("streaming the nonzeros from disk: %d of %d in memory", res.InMemoryNonzeros, tr.NNZ())
		streamed = true
	}
	var lossErr error
	tr.SetProgress(func(es glove.EpochStats) {
		res.Epochs, res.FinalCost = es.Epoch, es.Cost
		if err := j.Store.AppendLoss(context.WithoutCancel(ctx), j.RunID,
			store.LossPoint{Epoch: es.Epoch, Cost: es.Cost, Seconds: time.Since(start).Seconds()}); err != nil && lossErr == nil {
			lossErr = err
		}
		// One whole format each, so that the job list can translate
		// the message (views.Locale.Message).
		msg := fmt.Sprintf("epoch %d of %d · cost %.5f · %s nonzeros/s", es.Epoch, opt.Epochs, es.Cost, rate(es.NonzerosPerSecond))
		if streamed {
			msg = fmt.Sprintf("epoch %d of %d · cost %.5f · %s nonzeros/s · streamed from disk", es.Epoch, opt.Epochs, es.Cost, rate(es.NonzerosPerSecond))
		}
		progress(0.02+0.88*float64(es.Epoch)/float64(opt.Epochs), msg)
		if es.Epoch < opt.Epochs { // the last epoch's is written with the model
			ck.maybeWrite(tr)
		}
	})
	progress(0.02, how)
	if err := tr.Run(ctx); err != nil {
		res.Seconds = time.Since(start).Seconds()
		if errors.Is(err, glove.ErrDiverged) {
			res.DivergedEpoch = tr.Epoch() + 1
			return res, &DivergedError{Epoch: tr.Epoch() + 1, Eta: j.Params.Eta, Err: err}
		}
		return res, err
	}
	if lossErr != nil {
		return res, lossErr
	}
	// The nonzeros (or a streamed run's blocks and file) are not needed
	// to save and score the model: free them first.
	if err := tr.Close(); err != nil {
		return res, err
	}

	progress(0.9, "saving the vectors")
	model := tr.Model()
	set, err := SumSet(words, model)
	if err != nil {
		return res, err
	}
	sy := j.Store.Syncer()
	if err := saveModel(sy, filepath.Join(dir, ModelFile), model); err != nil {
		return res, err
	}
	if err := writeFile(sy, filepath.Join(dir, CheckpointFile), tr.WriteCheckpoint); err != nil {
		return res, err
	}
	if err := publish(ctx, j.Store, j.RunID, j.VectorSetName, set, j.Eval, progress, &res); err != nil {
		return res, err
	}
	res.Seconds = time.Since(start).Seconds()
	progress(1, fmt.Sprintf("done: %d epochs, final cost %.5f", res.Epochs, res.FinalCost))
	return res, nil
}

// Files of a corpus build read by Training.BuildDir (as corpusbuild.Build
// names them).
const (
	buildVocabFile  = "vocab.txt"
	buildMatrixFile = "matrix.gbcsr"
)

// ErrBuildUnreadable means the corpus build to train on is missing a
// file or damaged.
var ErrBuildUnreadable = errors.New("runs: the corpus build could not be read")

// newTrainer returns the words of j's build and a trainer on its nonzeros,
// read as cooccurrence.bin records from the loaded matrix or from the
// matrix file, with j's memory bound; when j.Resume, the trainer is
// restored from the checkpoint in runDir.
func (j Training) newTrainer(ctx context.Context, runDir string) ([]string, *glove.Trainer, error) {
	opt := j.Params.Options()
	opt.MemoryBytes, opt.TempDir = j.MemoryBytes, j.TempDir
	var (
		words   []string
		records *cooccur.RecordReader
		err     error
	)
	if j.Build != nil {
		words, records = j.Build.Vocab.Words(), j.Build.Matrix.Records()
	} else {
		// The summary before and after opening the two files: a rebuild
		// between them must fail the run, not pair one build's words with
		// another's matrix (corpusbuild.Unchanged).
		before, err := corpusbuild.ReadSummary(j.BuildDir)
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		vf, err := os.Open(filepath.Join(j.BuildDir, buildVocabFile))
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		vocab, err := corpus.ReadVocabulary(vf)
		vf.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		mf, err := os.Open(filepath.Join(j.BuildDir, buildMatrixFile))
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		defer mf.Close() // the trainer has read every record when NewTrainerBin returns
		st, err := mf.Stat()
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		if records, err = cooccur.OpenMatrixRecords(mf, st.Size()); err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		if err := corpusbuild.Unchanged(j.BuildDir, before); err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
		}
		words = vocab.Words()
	}
	if records.Dim() != len(words) || len(words) == 0 {
		return nil, nil, fmt.Errorf("%w: a matrix of %d words for a vocabulary of %d", ErrBuildUnreadable, records.Dim(), len(words))
	}
	var tr *glove.Trainer
	if j.Resume {
		var ck *glove.Checkpoint
		if ck, err = readCheckpoint(runDir); err != nil {
			return nil, nil, err
		}
		ck.Options = opt // the run's own settings, with this process's memory bound
		tr, err = glove.ResumeBin(ctx, records, records.Size(), len(words), ck)
		if errors.Is(err, glove.ErrCheckpointMismatch) {
			err = fmt.Errorf("%w: %w", ErrCheckpointUnusable, err)
		}
	} else {
		tr, err = glove.NewTrainerBin(ctx, records, records.Size(), len(words), opt)
	}
	if errors.Is(err, cooccur.ErrBadBinFile) || errors.Is(err, cooccur.ErrBadMatrixFile) {
		err = fmt.Errorf("%w: %w", ErrBuildUnreadable, err)
	}
	return words, tr, err
}

func rate(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "?"
	case v >= 1e6:
		return fmt.Sprintf("%.1fM", v/1e6)
	case v >= 1e3:
		return fmt.Sprintf("%.0fk", v/1e3)
	}
	return fmt.Sprintf("%.0f", v)
}

// Rate formats a nonzeros-per-second figure (1.2M, 350k, 900).
func Rate(v float64) string { return rate(v) }

// SumSet returns W + W̃ as a vector set with the given words (vocabulary
// rank order).
func SumSet(words []string, m *glove.Model) (*vectors.Set, error) {
	sum := m.Sum()
	v, d := sum.Dims()
	if v != len(words) {
		return nil, fmt.Errorf("runs: %d words for %d vectors", len(words), v)
	}
	data := make([]float32, v*d)
	for i := range v {
		for k := range d {
			data[i*d+k] = float32(sum.At(i, k))
		}
	}
	return vectors.New(append([]string(nil), words...), d, data)
}

// publish scores set on eval (nil: none) into res, then saves it as the
// vector set of run runID, named name, and records its id in res. The
// vectors are scored before they are saved: a set is registered only for
// a run about to finish, and one left by a process killed in between is
// removed at the next start (its run's job is not done).
func publish(ctx context.Context, st *store.Store, runID int64, name string, set *vectors.Set, eval *EvalSets,
	progress func(float64, string), res *Results) error {
	if eval != nil {
		progress(0.93, "evaluating on analogy and similarity sets")
		ev, err := eval.Evaluate(ctx, set, func(done, total int) {
			if total > 0 {
				progress(0.93+0.05*float64(done)/float64(total), fmt.Sprintf("evaluating: %d of %d analogy questions answered", done, total))
			}
		})
		if err != nil {
			return err
		}
		res.Evaluation = ev
	} else {
		res.EvalNote = "evaluation sets are not configured"
	}
	progress(0.99, "saving the vector set")
	vs, err := addVectorSet(st, runID, name, set)
	if err != nil {
		return err
	}
	res.VectorSetID = vs.ID
	return nil
}

func addVectorSet(st *store.Store, runID int64, name string, set *vectors.Set) (store.VectorSet, error) {
	stg, err := st.NewStaging(0)
	if err != nil {
		return store.VectorSet{}, err
	}
	defer stg.Discard()
	bw := bufio.NewWriterSize(stg, 1<<20)
	if err := vectors.WriteText(bw, set, false); err != nil {
		return store.VectorSet{}, err
	}
	if err := bw.Flush(); err != nil {
		return store.VectorSet{}, err
	}
	staged, err := stg.Finish()
	if err != nil {
		return store.VectorSet{}, err
	}
	if name == "" {
		name = fmt.Sprintf("Run %d", runID)
	}
	return st.AddVectorSet(context.Background(), store.NewVectorSet{
		Name: name, Source: store.SourceTrained, RunID: runID,
		Filename: fmt.Sprintf("run-%d-vectors.txt", runID), Count: set.Len(), Dim: set.Dim(),
	}, staged)
}

// writeFile writes path in the run directory durably with sy (synced
// file, rename, synced directory): the run is recorded as done only after
// its artefacts are on disk.
func writeFile(sy durable.Syncer, path string, write func(w io.Writer) error) error {
	return sy.WriteFile(path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<20)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// SaveModel writes the parameters of m to path, durably.
func SaveModel(path string, m *glove.Model) error {
	return saveModel(durable.Syncer{}, path, m)
}

// saveModel is SaveModel making the file durable with sy.
func saveModel(sy durable.Syncer, path string, m *glove.Model) error {
	return writeFile(sy, path, func(w io.Writer) error { return glove.WriteModel(w, m) })
}

// LoadModel reads the parameters saved in the directory of a run. It
// returns ErrModelMissing when there are none.
func LoadModel(runDir string) (*glove.Model, error) {
	f, err := os.Open(filepath.Join(runDir, ModelFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrModelMissing
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := glove.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("runs: reading model: %w", err)
	}
	return m, nil
}
