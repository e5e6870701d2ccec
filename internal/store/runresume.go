package store

import (
	"context"
	"errors"
	"fmt"
)

// ErrRunJobChanged means a run was given a new job by someone else
// between reading it and resuming it (two Resume presses at once).
var ErrRunJobChanged = errors.New("the run's job changed meanwhile")

// ResumeRun gives run id, whose job is oldJobID, a new queued job of kind
// on its corpus, in one transaction: the run's results are cleared (the
// new job records them), and its loss points after keepEpochs (the
// epochs its checkpoint holds) are deleted, so that the resumed run
// appends to the same curve. It fails with ErrRunJobChanged if the run's
// job is no longer oldJobID, and ErrNotFound if there is no run id. Pass
// it to jobs.Manager.SubmitWith.
func (s *Store) ResumeRun(ctx context.Context, id, oldJobID int64, kind string, keepEpochs int) (Job, error) {
	if kind == "" || keepEpochs < 0 {
		return Job{}, fmt.Errorf("resuming run %d as %q from epoch %d: %w", id, kind, keepEpochs, ErrInvalid)
	}
	r, err := s.Run(ctx, id)
	if err != nil {
		return Job{}, err
	}
	created := s.now()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Job{}, err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO jobs (kind, target_id, status, created) VALUES (?, ?, ?, ?)`,
		kind, r.CorpusID, string(JobQueued), fmtTime(created))
	if err != nil {
		return Job{}, fmt.Errorf("recording the resumed run's job: %w", err)
	}
	jobID, err := res.LastInsertId()
	if err != nil {
		return Job{}, err
	}
	res, err = tx.ExecContext(ctx, `UPDATE runs SET job_id = ?, results = '{}', finished = NULL WHERE id = ? AND job_id = ?`,
		jobID, id, oldJobID)
	if err != nil {
		return Job{}, fmt.Errorf("resuming run %d: %w", id, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return Job{}, err
	} else if n != 1 {
		return Job{}, fmt.Errorf("run %d: %w", id, ErrRunJobChanged)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM run_loss WHERE run_id = ? AND epoch > ?`, id, keepEpochs); err != nil {
		return Job{}, fmt.Errorf("resuming run %d: %w", id, err)
	}
	if err := tx.Commit(); err != nil {
		return Job{}, fmt.Errorf("resuming run %d: %w", id, err)
	}
	return Job{ID: jobID, Kind: kind, TargetID: r.CorpusID, Status: JobQueued, Created: created}, nil
}
