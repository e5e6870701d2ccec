package app

// Training runs. A run is recorded together with its training job (one
// transaction, store.CreateRun) and its status is the job's, derived when
// the run is read: the two cannot disagree, a cancelled or interrupted job
// needs no patching of its run, and reading a run never writes. The job's
// body records the run's results (loss per epoch as it goes, then the
// vector set, evaluation or the reason it stopped) before it returns.

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

type (
	// RunParams are the hyperparameters of a run.
	RunParams = runs.Params
	// RunResults are what a finished (or failed) run records.
	RunResults = runs.Results
	// Evaluation holds the analogy and similarity scores of a vector set.
	Evaluation = runs.Evaluation
	// Score is one analogy aggregate.
	Score = runs.Score
	// FidelityPoints are sampled nonzeros with what a model says of them.
	FidelityPoints = runs.FidelityPoints
	// EvalSets are the parsed evaluation files.
	EvalSets = runs.EvalSets
)

// Limits of the hyperparameters accepted from users.
const (
	MaxVectorSize = runs.MaxVectorSize
	MaxEpochs     = runs.MaxEpochs
	MaxThreads    = runs.MaxThreads
	MaxAlpha      = runs.MaxAlpha
	MaxEta        = runs.MaxEta
	MaxPower      = runs.MaxPower
	// DefaultPower is the SVD-PPMI eigenvalue weight p unless asked
	// otherwise.
	DefaultPower = runs.DefaultPower
)

// The models a run can fit (RunParams.Model).
const (
	ModelGloVe   = runs.ModelGloVe
	ModelSVDPPMI = runs.ModelSVDPPMI
)

// Errors of runs and evaluation.
var (
	ErrNoEvalSets    = runs.ErrNoEvalSets
	ErrModelMissing  = runs.ErrModelMissing
	ErrModelMismatch = runs.ErrModelMismatch
	// ErrEvalSetsUnreadable wraps the failure to read configured
	// evaluation sets (details for the log, not for users).
	ErrEvalSetsUnreadable = errors.New("the evaluation sets could not be read")
)

// DefaultRunParams returns the form's defaults.
func DefaultRunParams() RunParams { return runs.DefaultParams() }

// Rate formats a nonzeros-per-second figure (1.2M, 350k, 900).
func Rate(v float64) string { return runs.Rate(v) }

// evalNotConfigured is the note of a run scored on no evaluation set.
const evalNotConfigured = "evaluation sets are not configured"

// Run is a training run with its parameters and results decoded. (The
// embedded record's Params and Results hold the stored JSON.)
type Run struct {
	store.Run
	Params  RunParams
	Results RunResults
}

// decodeRun decodes the stored parameters and results of r. A cancelled or
// failed run whose job never recorded results says why.
func decodeRun(r store.Run) (Run, error) {
	p, err := runs.DecodeParams(r.Params)
	if err != nil {
		return Run{}, fmt.Errorf("run %d: %w", r.ID, err)
	}
	res, err := runs.DecodeResults(r.Results)
	if err != nil {
		return Run{}, fmt.Errorf("run %d: %w", r.ID, err)
	}
	if res.Error == "" {
		switch r.Status {
		case store.RunCancelled:
			res.Error = "Cancelled before training started."
		case store.RunFailed:
			res.Error = "The training job ended without finishing the run."
		}
	}
	return Run{Run: r, Params: p, Results: res}, nil
}

// Run returns training run id.
func (s *Service) Run(ctx context.Context, id int64) (Run, error) {
	r, err := s.st.Run(ctx, id)
	if err != nil {
		return Run{}, NotFound(err, "training run", id)
	}
	return decodeRun(r)
}

// Runs returns every training run, newest first.
func (s *Service) Runs(ctx context.Context) ([]Run, error) {
	rs, err := s.st.Runs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Run, len(rs))
	for i, r := range rs {
		if out[i], err = decodeRun(r); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// StartRun validates p, records a run on its corpus with its training job
// and queues the job.
// An SVD-PPMI run (p.Model "svd-ppmi") is recorded the same way with a
// job of KindSVD.
func (s *Service) StartRun(ctx context.Context, p RunParams) (Run, store.Job, error) {
	if p.IsSVD() {
		p = p.SVDParams()
	}
	if err := p.Validate(); err != nil {
		return Run{}, store.Job{}, apperr.Wrap(err, apperr.Invalid, err.Error())
	}
	c, err := s.st.Corpus(ctx, p.CorpusID)
	if err != nil {
		return Run{}, store.Job{}, NotFound(err, "corpus", p.CorpusID)
	}
	sum, err := s.BuildSummary(c.ID)
	if errors.Is(err, corpusbuild.ErrNotBuilt) {
		return Run{}, store.Job{}, apperr.Wrap(err, apperr.Conflict, fmt.Sprintf("The corpus “%s” has not been built yet. Build it on its page (Corpora) first, then train.", c.Name))
	}
	if err != nil {
		return Run{}, store.Job{}, err
	}
	if sum.NNZ == 0 {
		return Run{}, store.Job{}, apperr.Wrap(glove.ErrNoCooccurrences, apperr.Unprocessable, fmt.Sprintf("The corpus “%s” has no co-occurrences to train on.", c.Name))
	}
	if p.IsSVD() {
		err = s.checkSVD(c.Name, sum.VocabSize, sum.NNZ, p.VectorSize)
	} else {
		err = s.checkTraining(sum.VocabSize, sum.NNZ, p.VectorSize)
	}
	if err != nil {
		return Run{}, store.Job{}, err
	}
	// The bodies see the build's sizes (memory bound, names, messages).
	p.CorpusName, p.VocabSize, p.NNZ, p.Window = c.Name, sum.VocabSize, sum.NNZ, sum.Settings.Window
	kind, body := KindTrain, s.trainBody(p, s.st.CorpusBuildDir(c.ID), false)
	if p.IsSVD() {
		kind, body = KindSVD, s.svdBody(p, c.ID)
	}
	var rec store.Run
	job, err := s.jobs.SubmitWith(func(ctx context.Context) (store.Job, error) {
		r, j, err := s.st.CreateRun(ctx, string(kind), c.ID, p.Encode())
		rec = r
		return j, err
	}, body)
	if err != nil {
		return Run{}, store.Job{}, NotFound(jobSubmitError(err), "corpus", c.ID)
	}
	return Run{Run: rec, Params: p}, job, nil
}

// trainingBytes is the memory of a run whose trainer may hold
// nonzeroBytes of nonzeros (0 = all): the trainer and model, with the
// nonzeros held in memory when they fit and streamed from disk (two
// blocks in memory) when they do not, and the row pointers of the matrix
// file they are read from. The matrix itself is read from disk, never
// loaded whole.
func trainingBytes(vocabSize int, nnz int64, vectorSize int, nonzeroBytes int64) int64 {
	return glove.MemoryBytesWithin(vocabSize, nnz, vectorSize, nonzeroBytes) + 8*int64(vocabSize+1)
}

// checkTraining refuses a run whose model would exceed the budget (the
// nonzeros stream from disk when they do not fit), naming the largest
// vector size that fits.
func (s *Service) checkTraining(vocabSize int, nnz int64, vectorSize int) error {
	need := trainingBytes(vocabSize, nnz, vectorSize, s.trainBudget(vocabSize, nnz, vectorSize))
	if need <= s.budget {
		return nil
	}
	fits := 0
	for d := vectorSize - 1; d >= 1; d-- { // at most runs.MaxVectorSize steps
		if trainingBytes(vocabSize, nnz, d, s.trainBudget(vocabSize, nnz, d)) <= s.budget {
			fits = d
			break
		}
	}
	advice := "Rebuild the corpus with a higher minimum count or a maximum vocabulary"
	if fits > 0 {
		advice = fmt.Sprintf("Use a vector size of at most %d, or rebuild the corpus with a higher minimum count or a maximum vocabulary", fits)
	}
	return apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("Training %s words × %d dimensions on %s nonzeros needs about %s of memory, more than the budget of %s for one job, even with the nonzeros streamed from disk. %s (or start the server with a larger -memory-budget).",
		views.Count(vocabSize), vectorSize, views.Count(nnz), views.Bytes(need), views.Bytes(s.budget), advice))
}

// streamSlack is what a streamed trainer takes besides its model and its
// two blocks (the dealing pass's channels and buffers, 128 KiB, the count
// memos of its two converting goroutines, 256 KiB, and the block orders
// and bookkeeping of its chunks), rounded up.
const streamSlack = 512 << 10

// trainBudget is the bound (bytes) on the nonzeros a run holds in memory
// (glove.Options.MemoryBytes): 0 (none) when the whole run fits in the
// job budget, else the budget less the model's part and streamSlack, at
// least 1 so that it bounds. Two blocks of a streamed run together take
// about this much.
func (s *Service) trainBudget(vocabSize int, nnz int64, vectorSize int) int64 {
	if trainingBytes(vocabSize, nnz, vectorSize, 0) <= s.budget {
		return 0
	}
	return max(s.budget-trainingBytes(vocabSize, 0, vectorSize, 0)-streamSlack, 1)
}

// runJob is the start of every run job's body: the run the job works for,
// a progress callback whose messages name that run (the job list on the
// home page shows which run a job computes), and record, which saves the
// run's results and only logs a failure to save them (the job's status still
// tells the outcome).
func (s *Service) runJob(jctx context.Context, job jobs.Run) (runID int64, progress func(float64, string), record func(RunResults), err error) {
	rec, err := s.st.RunOfJob(jctx, job.ID)
	if err != nil {
		return 0, nil, nil, err
	}
	runID = rec.ID
	// One format with the message as its argument, which the job list
	// translates in turn (views.Locale.Message).
	progress = func(f float64, msg string) { job.Progress(f, fmt.Sprintf("run %d: %s", runID, msg)) }
	record = func(res RunResults) {
		enc, err := res.Encode()
		if err == nil {
			err = s.st.SetRunResults(context.WithoutCancel(jctx), runID, enc)
		}
		if err != nil {
			s.log.Error("recording the results of a run", "run", runID, "err", err)
		}
	}
	return runID, progress, record, nil
}

// buildUnreadableMessage is what a run says when its corpus build cannot
// be read (err from loading it).
func buildUnreadableMessage(err error) string {
	if errors.Is(err, corpusbuild.ErrRebuilt) {
		return "The corpus was being rebuilt when this run started. Start a new run once its build has finished."
	}
	if errors.Is(err, corpusbuild.ErrNotBuilt) {
		return "The corpus is no longer built. Build it again and start a new run."
	}
	return "The corpus build could not be read. Rebuild the corpus and try again."
}

// trainBody is the work of a train job on the build in dir, resuming the
// run from its checkpoint when resume. It records the run's results
// whatever happens; the run's status is the job's.
func (s *Service) trainBody(p RunParams, dir string, resume bool) func(context.Context, jobs.Run) error {
	return func(jctx context.Context, job jobs.Run) error {
		runID, progress, record, err := s.runJob(jctx, job)
		if err != nil {
			return err
		}
		progress(0, "loading the co-occurrence matrix")
		unreadable := func(err error) error {
			msg := buildUnreadableMessage(err)
			record(RunResults{Error: msg})
			return apperr.Wrap(err, apperr.Invalid, msg)
		}
		if _, err := corpusbuild.ReadSummary(dir); err != nil {
			return unreadable(err)
		}
		eval, note := s.evalSetsForRun()
		// The nonzeros are read from the build's matrix file, not from a
		// loaded build, and a block file of a run that streams goes to the
		// data directory's tmp/, which the next start clears if this
		// process is killed.
		res, err := runs.Execute(jctx, runs.Training{Store: s.st, RunID: runID, Params: p, BuildDir: dir,
			MemoryBytes: s.trainBudget(p.VocabSize, p.NNZ, p.VectorSize), TempDir: filepath.Join(s.st.Dir(), "tmp"), Eval: eval,
			Progress: progress, VectorSetName: fmt.Sprintf("Run %d · %s · %dd", runID, p.CorpusName, p.VectorSize), Resume: resume})
		if errors.Is(err, runs.ErrBuildUnreadable) {
			return unreadable(err)
		}
		if errors.Is(err, runs.ErrNoCheckpoint) || errors.Is(err, runs.ErrCheckpointUnusable) {
			msg := "The checkpoint of this run could not be resumed (it is damaged, or the corpus was rebuilt since). Retry starts the run again."
			record(RunResults{Error: msg, Epochs: res.Epochs})
			return apperr.Wrap(err, apperr.Conflict, msg)
		}
		if note != "" && res.EvalNote == evalNotConfigured {
			res.EvalNote = note
		}
		err = trainOutcome(jctx, p, &res, err)
		if err != nil && res.Error == "" {
			res.Error = s.jobErrorMessage(err)
		}
		record(res)
		return err
	}
}

// trainOutcome turns the end of runs.Execute into the job's error, and
// says in res.Error why a run stopped early.
func trainOutcome(jctx context.Context, p RunParams, res *RunResults, err error) error {
	var div *runs.DivergedError
	switch {
	case err == nil:
		return nil
	case jctx.Err() != nil && errors.Is(context.Cause(jctx), jobs.ErrShutdown):
		// Nobody cancelled it: the server stopped, as the job will say.
		res.Error = fmt.Sprintf("The server shut down after %d of %d epochs.", res.Epochs, p.Epochs)
		return jctx.Err()
	case jctx.Err() != nil:
		res.Error = fmt.Sprintf("Cancelled after %d of %d epochs.", res.Epochs, p.Epochs)
		return jctx.Err()
	case errors.As(err, &div):
		res.Error = div.Error()
		return apperr.Wrap(err, apperr.Unprocessable, div.Error())
	}
	return err
}

// EvalDir returns the folder of the evaluation sets ("" for none).
func (s *Service) EvalDir() string { return s.evalDir }

// EvalSets returns the evaluation sets, read once (ErrNoEvalSets when none
// are configured).
func (s *Service) EvalSets() (*EvalSets, error) {
	s.evalOnce.Do(func() { s.eval, s.evalErr = runs.LoadEvalSets(s.evalDir) })
	return s.eval, s.evalErr
}

// evalSetsForRun returns the sets a run is scored on, or nil and a note
// for the run page when they cannot be read.
func (s *Service) evalSetsForRun() (*EvalSets, string) {
	es, err := s.EvalSets()
	switch {
	case err == nil:
		return es, ""
	case errors.Is(err, runs.ErrNoEvalSets):
		return nil, ""
	}
	s.log.Error("loading evaluation sets", "dir", s.evalDir, "err", err)
	return nil, "The evaluation sets could not be read; see the server log."
}

// VectorSet returns the vectors of the catalogued set v, loaded once and
// kept while they are among the most recently used.
func (s *Service) VectorSet(ctx context.Context, v store.VectorSet) (*vectors.Set, error) {
	return s.sets.Get(v.SHA256, func() (*vectors.Set, error) {
		// The load is shared: it must not stop when the first caller leaves.
		set, _, err := vectors.Load(context.WithoutCancel(ctx), v.Path, vectors.LoadOptions{})
		return set, err
	})
}

// Evaluate scores the vector set v (vectors set) on the evaluation sets,
// kept per set.
func (s *Service) Evaluate(ctx context.Context, v store.VectorSet, set *vectors.Set) (*Evaluation, error) {
	es, err := s.EvalSets()
	if err != nil && !errors.Is(err, runs.ErrNoEvalSets) {
		return nil, fmt.Errorf("%w: %w", ErrEvalSetsUnreadable, err)
	}
	if err != nil {
		return nil, err
	}
	return figure(s, "eval:"+v.SHA256, func() (*Evaluation, error) { return es.Evaluate(ctx, set, nil) })
}

// fidelitySample is the number of nonzeros sampled for fidelity plots.
const fidelitySample = 3000

// Fidelity samples the nonzeros of run r's corpus and what r's model says
// of them (kept per run).
func (s *Service) Fidelity(r Run) (*FidelityPoints, error) {
	if r.Status != store.RunDone {
		return nil, apperr.Wrap(runs.ErrModelMissing, apperr.NotFound, "Fidelity plots need a finished run.")
	}
	if r.CorpusID == 0 {
		return nil, apperr.Wrap(runs.ErrModelMismatch, apperr.Conflict, "The corpus of this run has been deleted, so its model cannot be compared with the counts.")
	}
	return figure(s, fmt.Sprintf("fidelity:%d", r.ID), func() (*FidelityPoints, error) {
		dir, err := s.st.RunDir(r.ID)
		if err != nil {
			return nil, err
		}
		params, err := runs.LoadModel(dir)
		if err != nil {
			return nil, err
		}
		b, err := s.Build(r.CorpusID)
		if err != nil {
			return nil, err
		}
		if b.Vocab.Len() != params.VocabSize() {
			return nil, runs.ErrModelMismatch
		}
		return runs.Fidelity(params, b.Matrix.AppendEntries(nil), fidelitySample, 1)
	})
}

// figure returns the computed figure under key from the figures cache,
// computing it once with compute (an error is not kept).
func figure[T any](s *Service, key string, compute func() (T, error)) (T, error) {
	v, err := s.figures.Get(key, func() (any, error) { return compute() })
	if err != nil {
		var zero T
		return zero, err
	}
	return v.(T), nil
}
