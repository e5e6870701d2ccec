package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// RunStatus is the state of a training run.
type RunStatus string

// Run statuses share the job vocabulary. A run recorded with its job
// (CreateRun) has the status of that job, derived when it is read: running
// while the job is queued or running, then the job's final state. Only
// runs recorded before schema 2, which have no job, keep a status of their
// own.
const (
	RunRunning     RunStatus = "running"
	RunDone        RunStatus = "done"
	RunFailed      RunStatus = "failed"
	RunCancelled   RunStatus = "cancelled"
	RunInterrupted RunStatus = "interrupted"
)

// runStatusOf is the status of a run whose job has status js.
func runStatusOf(js JobStatus) RunStatus {
	switch js {
	case JobQueued, JobRunning:
		return RunRunning
	case JobDone:
		return RunDone
	case JobFailed:
		return RunFailed
	case JobCancelled:
		return RunCancelled
	}
	return RunInterrupted
}

// Run is one GloVe training run.
type Run struct {
	ID       int64
	CorpusID int64 // 0 when the corpus has been deleted
	JobID    int64 // the run's training job; 0 for runs older than schema 2
	// JobStatus is the state of the job as recorded ("" without a job).
	JobStatus JobStatus
	Params    json.RawMessage
	Status    RunStatus
	// Results is what the training job recorded ({} until it has).
	Results  json.RawMessage
	Created  time.Time
	Finished time.Time // zero while running
}

// LossPoint is the training cost after one epoch.
type LossPoint struct {
	Epoch   int
	Cost    float64
	Seconds float64 // wall time since the start of training
}

// CreateRun records a training run on corpus corpusID with params (the
// encoded hyperparameters) together with its queued job of kind, in one
// transaction, so that a run never exists without its job; a corpus that
// does not exist (or is being deleted) is ErrNotFound. Pass it to
// jobs.Manager.SubmitWith.
func (s *Store) CreateRun(ctx context.Context, kind string, corpusID int64, params json.RawMessage) (Run, Job, error) {
	if kind == "" || !json.Valid(params) {
		return Run{}, Job{}, fmt.Errorf("run of kind %q with params %q: %w", kind, params, ErrInvalid)
	}
	created := s.now()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Run{}, Job{}, fmt.Errorf("recording run: %w", err)
	}
	defer tx.Rollback()
	// The job works on the corpus: checked to exist in this transaction,
	// it cannot be deleted until the job has ended.
	jobID, err := insertJob(ctx, tx, kind, corpusID, JobOwner{CorpusID: corpusID}, created)
	if err != nil {
		return Run{}, Job{}, err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO runs (corpus_id, job_id, params, status, created) VALUES (?, ?, ?, ?, ?)`,
		corpusID, jobID, string(params), RunRunning, fmtTime(created))
	if err != nil {
		return Run{}, Job{}, fmt.Errorf("recording run: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Run{}, Job{}, err
	}
	if err := tx.Commit(); err != nil {
		return Run{}, Job{}, fmt.Errorf("recording run: %w", err)
	}
	return Run{ID: id, CorpusID: corpusID, JobID: jobID, JobStatus: JobQueued, Params: params, Status: RunRunning,
			Results: json.RawMessage("{}"), Created: created},
		Job{ID: jobID, Kind: kind, TargetID: corpusID, Status: JobQueued, Created: created}, nil
}

// RunOfJob returns the run trained by job jobID, or ErrNotFound.
func (s *Store) RunOfJob(ctx context.Context, jobID int64) (Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, runSelect+` WHERE r.job_id = ?`, jobID))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, notFound("run of job", jobID)
	}
	return r, err
}

// AppendLoss records the cost after epoch of run id (replacing any earlier
// value for that epoch).
func (s *Store) AppendLoss(ctx context.Context, id int64, p LossPoint) error {
	_, err := s.w.ExecContext(ctx,
		`INSERT INTO run_loss (run_id, epoch, cost, seconds) VALUES (?, ?, ?, ?)
		 ON CONFLICT(run_id, epoch) DO UPDATE SET cost = excluded.cost, seconds = excluded.seconds`,
		id, p.Epoch, p.Cost, p.Seconds)
	return err
}

// Loss returns the loss curve of run id in epoch order.
func (s *Store) Loss(ctx context.Context, id int64) ([]LossPoint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT epoch, cost, seconds FROM run_loss WHERE run_id = ? ORDER BY epoch`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LossPoint
	for rows.Next() {
		var p LossPoint
		if err := rows.Scan(&p.Epoch, &p.Cost, &p.Seconds); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// SetRunResults records the results of run id (encoded by the caller;
// its training job writes them before it ends). The status is the job's.
func (s *Store) SetRunResults(ctx context.Context, id int64, results json.RawMessage) error {
	if !json.Valid(results) {
		return fmt.Errorf("results of run %d are not JSON: %w", id, ErrInvalid)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE runs SET results = ?, finished = ? WHERE id = ?`,
		string(results), fmtTime(s.now()), id)
	if err != nil {
		return err
	}
	return affectedOne(res, "run", id)
}

// runSelect reads a run with its job's status and finish time.
const runSelect = `SELECT r.id, r.corpus_id, r.job_id, r.params, r.status, r.results, r.created, r.finished, j.status, j.finished
	FROM runs r LEFT JOIN jobs j ON j.id = r.job_id`

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var corpus, job sql.NullInt64
	var params, results, status string
	var created, finished, jobStatus, jobFinished sql.NullString
	if err := sc.Scan(&r.ID, &corpus, &job, &params, &status, &results, &created, &finished, &jobStatus, &jobFinished); err != nil {
		return Run{}, err
	}
	r.CorpusID = corpus.Int64
	r.JobID = job.Int64
	r.Params = json.RawMessage(params)
	r.Results = json.RawMessage(results)
	r.Created = parseTime(created)
	r.Status = RunStatus(status)
	r.Finished = parseTime(finished)
	if jobStatus.Valid {
		// The job is the truth; runs without one (schema 1) keep theirs.
		r.JobStatus = JobStatus(jobStatus.String)
		r.Status = runStatusOf(r.JobStatus)
		r.Finished = time.Time{}
		if r.JobStatus.Final() {
			r.Finished = parseTime(jobFinished)
		}
	}
	return r, nil
}

// Run returns run id or ErrNotFound.
func (s *Store) Run(ctx context.Context, id int64) (Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, runSelect+` WHERE r.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, notFound("run", id)
	}
	return r, err
}

// Runs lists all runs, newest first.
func (s *Store) Runs(ctx context.Context) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, runSelect+` ORDER BY r.id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// InterruptUnlinkedRuns marks interrupted the runs still running that
// have no job (recorded before schema 2 by a process that stopped): the
// status of every other run is its job's. It is called at start-up and
// returns how many it marked.
func (s *Store) InterruptUnlinkedRuns(ctx context.Context) (int64, error) {
	res, err := s.w.ExecContext(ctx, `UPDATE runs SET status = ?, finished = ? WHERE status = ? AND job_id IS NULL`,
		RunInterrupted, fmtTime(s.now()), RunRunning)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

// DeleteVectorSetsOfUnfinishedRuns deletes the vector sets trained by runs
// whose job did not finish (a run saves its vectors before its job is
// marked done, so a process killed in between leaves a set behind). It is
// called at start-up, when no job of a previous process can still be
// alive, and returns how many it deleted.
func (s *Store) DeleteVectorSetsOfUnfinishedRuns(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT v.id FROM vector_sets v JOIN runs r ON r.id = v.run_id
		JOIN jobs j ON j.id = r.job_id WHERE j.status != ?`, string(JobDone))
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for i, id := range ids {
		if err := s.DeleteVectorSet(ctx, id); err != nil {
			return i, fmt.Errorf("vector set %d of an unfinished run: %w", id, err)
		}
	}
	return len(ids), nil
}

// RemoveRunDirs removes, at start-up (when no job of a previous process
// can still be alive), the directories (model, checkpoint) of runs that
// did not finish and cannot be resumed: a run that failed or was
// cancelled, and an interrupted run for which keep returns false (the
// caller keeps those whose checkpoint a resume can continue from). A
// run still queued or running, or done, keeps its directory; directories
// without a run row at all are removed by Open. It returns how many
// directories it removed.
func (s *Store) RemoveRunDirs(ctx context.Context, keep func(r Run, dir string) bool) (int, error) {
	rs, err := s.Runs(ctx)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, r := range rs {
		dir := filepath.Join(s.dir, "runs", strconv.FormatInt(r.ID, 10))
		switch r.Status {
		case RunFailed:
		case RunInterrupted, RunCancelled:
			// Both can be resumed from their checkpoint (Resume on the
			// run page): keep is asked whether this one can.
			if keep(r, dir) {
				continue
			}
		default:
			continue
		}
		if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err := os.RemoveAll(dir); err != nil {
			return removed, fmt.Errorf("run %d: %w", r.ID, err)
		}
		removed++
	}
	return removed, nil
}
