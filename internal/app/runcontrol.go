package app

// Resume, Retry and the SVD-PPMI baseline as a run. A GloVe run that was
// cancelled or stopped by a shutdown goes on from its last checkpoint in
// the same run (its record gets a new job, store.ResumeRun); any run that
// is over can be retried, which starts a new run with the same settings.
// An SVD-PPMI run is recorded like a GloVe run with a job of KindSVD.

import (
	"context"
	"errors"
	"fmt"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// ErrNotResumable marks a run that cannot be resumed (wrapped in an
// *apperr.Error saying why, with code Conflict).
var ErrNotResumable = errors.New("the run cannot be resumed")

// Resumable reports whether run r can be resumed now, with the epoch its
// checkpoint holds (its header read; the rest is checked when the run
// resumes), or an *apperr.Error (Conflict, wrapping ErrNotResumable)
// saying why not.
func (s *Service) Resumable(r Run) (int, error) {
	no := func(format string, args ...any) (int, error) {
		return 0, apperr.Wrap(ErrNotResumable, apperr.Conflict, fmt.Sprintf(format, args...))
	}
	switch {
	case r.Params.IsSVD():
		return no("Run %d is an SVD-PPMI run: it has no epochs to resume. Retry computes it again.", r.ID)
	case r.Status == store.RunRunning:
		return no("Run %d is still running.", r.ID)
	case r.Status == store.RunDone:
		return no("Run %d is done: there is nothing to resume. Retry trains the same settings as a new run.", r.ID)
	case r.Status == store.RunFailed:
		return no("Run %d failed; resuming it would fail again. Retry starts it afresh as a new run.", r.ID)
	case r.JobID == 0:
		return no("Run %d was recorded by an older version without a job, so it cannot be resumed. Retry starts it again.", r.ID)
	case r.CorpusID == 0:
		return no("The corpus of run %d has been deleted, so it cannot be resumed.", r.ID)
	}
	sum, err := s.BuildSummary(r.CorpusID)
	if err != nil {
		return no("The corpus of run %d is not built any more, so the run cannot be resumed. Build it again and retry.", r.ID)
	}
	if sum.VocabSize != r.Params.VocabSize || sum.NNZ != r.Params.NNZ {
		return no("The corpus of run %d has been rebuilt since it trained (%s words and %s nonzeros then, %s and %s now), so its checkpoint does not fit. Retry trains on the new build.",
			r.ID, views.Count(r.Params.VocabSize), views.Count(r.Params.NNZ), views.Count(sum.VocabSize), views.Count(sum.NNZ))
	}
	dir, err := s.st.RunDir(r.ID)
	if err != nil {
		return 0, err
	}
	epoch, err := runs.CheckpointEpoch(dir)
	switch {
	case errors.Is(err, runs.ErrNoCheckpoint):
		return no("Run %d stopped before its first epoch was saved: there is no checkpoint to resume from. Retry starts it again.", r.ID)
	case errors.Is(err, runs.ErrCheckpointUnusable):
		return no("The checkpoint of run %d is damaged, so it cannot be resumed. Retry starts it again.", r.ID)
	case err != nil:
		return 0, err
	case epoch >= r.Params.Epochs:
		return no("Run %d had trained all its %d epochs before it stopped; Retry trains it again.", r.ID, r.Params.Epochs)
	}
	return epoch, nil
}

// ResumeRun continues the cancelled or interrupted GloVe run id from its
// checkpoint to its planned epochs, in the same run: its loss points
// after the checkpoint are dropped and new ones appended. It returns the
// run's new job. A run that cannot be resumed is a Conflict saying why
// (see Resumable).
func (s *Service) ResumeRun(ctx context.Context, id int64) (Run, store.Job, error) {
	r, err := s.Run(ctx, id)
	if err != nil {
		return Run{}, store.Job{}, err
	}
	epoch, err := s.Resumable(r)
	if err != nil {
		return Run{}, store.Job{}, err
	}
	if err := s.checkTraining(r.Params.VocabSize, r.Params.NNZ, r.Params.VectorSize); err != nil {
		return Run{}, store.Job{}, err
	}
	job, err := s.jobs.SubmitWith(func(ctx context.Context) (store.Job, error) {
		return s.st.ResumeRun(ctx, r.ID, r.JobID, string(KindTrain), epoch)
	}, s.trainBody(r.Params, s.st.CorpusBuildDir(r.CorpusID), true))
	if errors.Is(err, store.ErrRunJobChanged) {
		return Run{}, store.Job{}, apperr.Wrap(err, apperr.Conflict, fmt.Sprintf("Run %d has just been resumed by another request.", r.ID))
	}
	if err != nil {
		return Run{}, store.Job{}, jobSubmitError(err)
	}
	r, err = s.Run(ctx, id)
	return r, job, err
}

// RetryRun starts a new run with the settings of run id, which must be
// over (done, failed, cancelled or interrupted), on the same corpus.
func (s *Service) RetryRun(ctx context.Context, id int64) (Run, store.Job, error) {
	r, err := s.Run(ctx, id)
	if err != nil {
		return Run{}, store.Job{}, err
	}
	switch {
	case r.Status == store.RunRunning:
		return Run{}, store.Job{}, apperr.Wrap(ErrInUse, apperr.Conflict, fmt.Sprintf("Run %d is still running: cancel it first, or wait for it to end.", r.ID))
	case r.CorpusID == 0:
		return Run{}, store.Job{}, apperr.Wrap(store.ErrNotFound, apperr.Conflict, fmt.Sprintf("The corpus of run %d has been deleted, so it cannot be trained again.", r.ID))
	}
	p := r.Params
	p.CorpusID, p.CorpusName, p.VocabSize, p.NNZ, p.Window = r.CorpusID, "", 0, 0, 0
	if p.Model == "" {
		p.Model = runs.ModelGloVe
	}
	return s.StartRun(ctx, p)
}

// checkSVD refuses an SVD-PPMI run of vectorSize dimensions on a corpus
// of vocabSize words and nnz nonzeros that has fewer words than
// dimensions or would exceed the memory budget with its loaded build.
func (s *Service) checkSVD(corpusName string, vocabSize int, nnz int64, vectorSize int) error {
	if vectorSize > vocabSize {
		return apperr.Wrap(runs.ErrSVDTooLarge, apperr.Unprocessable, fmt.Sprintf("The corpus “%s” has %s words, fewer than the %d dimensions asked for: the SVD gives at most one dimension a word.",
			corpusName, views.Count(vocabSize), vectorSize))
	}
	// The loaded build holds the matrix (about 16 bytes a nonzero) besides
	// what the SVD takes.
	need := runs.SVDBytes(vocabSize, nnz, vectorSize) + 16*nnz
	if need > s.budget {
		return apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("The SVD-PPMI vectors of %s words × %d dimensions from %s nonzeros need about %s of memory, more than the budget of %s for one job. Use a smaller vector size, or rebuild the corpus with a higher minimum count.",
			views.Count(vocabSize), vectorSize, views.Count(nnz), views.Bytes(need), views.Bytes(s.budget)))
	}
	return nil
}

// svdBody is the work of an SVD-PPMI job on corpus corpusID's build. It
// records the run's results whatever happens.
func (s *Service) svdBody(p RunParams, corpusID int64) func(context.Context, jobs.Run) error {
	return func(jctx context.Context, job jobs.Run) error {
		runID, progress, record, err := s.runJob(jctx, job)
		if err != nil {
			return err
		}
		progress(0, "loading the co-occurrence matrix")
		b, err := s.Build(corpusID)
		if err != nil {
			msg := buildUnreadableMessage(err)
			record(RunResults{Error: msg})
			return apperr.Wrap(err, apperr.Invalid, msg)
		}
		eval, note := s.evalSetsForRun()
		res, err := runs.ExecuteSVD(jctx, runs.SVDTraining{Store: s.st, RunID: runID, Params: p, Build: b, Eval: eval,
			Progress: progress, VectorSetName: fmt.Sprintf("Run %d · %s · SVD-PPMI %dd", runID, p.CorpusName, p.VectorSize)})
		if note != "" && res.EvalNote == evalNotConfigured {
			res.EvalNote = note
		}
		switch {
		case err == nil:
		case jctx.Err() != nil && errors.Is(context.Cause(jctx), jobs.ErrShutdown):
			res.Error = "The server shut down while the SVD was computed. Retry computes it again."
			err = jctx.Err()
		case jctx.Err() != nil:
			res.Error = "Cancelled while the SVD was computed."
			err = jctx.Err()
		case errors.Is(err, runs.ErrSVDTooLarge):
			res.Error = "The corpus has fewer words than the dimensions asked for."
			err = apperr.Wrap(err, apperr.Unprocessable, res.Error)
		default:
			res.Error = JobErrorMessage(s.log)(err)
		}
		record(res)
		return err
	}
}
