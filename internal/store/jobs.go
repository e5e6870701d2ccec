package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// JobStatus is the state of a background job.
type JobStatus string

// Job states. Queued and Running are active; the others are final.
const (
	JobQueued      JobStatus = "queued"
	JobRunning     JobStatus = "running"
	JobDone        JobStatus = "done"
	JobFailed      JobStatus = "failed"
	JobCancelled   JobStatus = "cancelled"
	JobInterrupted JobStatus = "interrupted"
)

// Final reports whether no further change of state can happen.
func (s JobStatus) Final() bool { return s != JobQueued && s != JobRunning }

// Job is the persistent record of a background job.
type Job struct {
	ID       int64
	Kind     string // e.g. "build-corpus", "train", "tsne"
	TargetID int64  // id of the corpus / run / vector set it works on
	Status   JobStatus
	Progress float64 // 0..1
	Message  string  // latest progress message
	Error    string  // user-facing reason for failed / interrupted
	Created  time.Time
	Started  time.Time
	Finished time.Time
}

// CreateJob records a new queued job that works on nothing a user can
// delete (see CreateJobFor).
func (s *Store) CreateJob(ctx context.Context, kind string, targetID int64) (Job, error) {
	return s.CreateJobFor(ctx, kind, targetID, JobOwner{})
}

// JobOwner is the corpus or the vector set a job works on (at most one
// of the two ids is set; the zero JobOwner is neither). While the job is
// queued or running, DeleteCorpus and DeleteVectorSet refuse to delete
// its owner with an *InUseError.
type JobOwner struct {
	CorpusID    int64
	VectorSetID int64
}

// CreateJobFor records a new queued job of kind on targetID working on
// owner. The owner's existence is checked in the transaction that inserts
// the job, so a concurrent delete of the owner either commits first (and
// CreateJobFor fails with ErrNotFound) or finds the job and refuses.
func (s *Store) CreateJobFor(ctx context.Context, kind string, targetID int64, owner JobOwner) (Job, error) {
	if kind == "" || (owner.CorpusID > 0 && owner.VectorSetID > 0) {
		return Job{}, fmt.Errorf("job of kind %q on corpus %d and vector set %d: %w", kind, owner.CorpusID, owner.VectorSetID, ErrInvalid)
	}
	created := s.now()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Job{}, fmt.Errorf("recording job: %w", err)
	}
	defer tx.Rollback()
	id, err := insertJob(ctx, tx, kind, targetID, owner, created)
	if err != nil {
		return Job{}, err
	}
	if err := tx.Commit(); err != nil {
		return Job{}, fmt.Errorf("recording job: %w", err)
	}
	return Job{ID: id, Kind: kind, TargetID: targetID, Status: JobQueued, Created: created}, nil
}

// insertJob checks in tx that owner exists (ErrNotFound otherwise) and
// inserts a queued job working on it.
func insertJob(ctx context.Context, tx *sql.Tx, kind string, targetID int64, owner JobOwner, created time.Time) (int64, error) {
	var corpusID, setID any // NULL unless set
	check := func(what, table string, id int64) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM `+table+` WHERE id = ?`, id).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound(what, id)
		}
		return err
	}
	switch {
	case owner.CorpusID > 0:
		if err := check("corpus", "corpora", owner.CorpusID); err != nil {
			return 0, err
		}
		corpusID = owner.CorpusID
	case owner.VectorSetID > 0:
		if err := check("vector set", "vector_sets", owner.VectorSetID); err != nil {
			return 0, err
		}
		setID = owner.VectorSetID
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO jobs (kind, target_id, status, created, corpus_id, vector_set_id) VALUES (?, ?, ?, ?, ?, ?)`,
		kind, targetID, string(JobQueued), fmtTime(created), corpusID, setID)
	if err != nil {
		return 0, fmt.Errorf("recording job: %w", err)
	}
	return res.LastInsertId()
}

// ErrInUse means a queued or running job works on what was to be
// deleted; the error is an *InUseError naming the job.
var ErrInUse = errors.New("in use by a job")

// InUseError says which active job stands in the way of a delete.
type InUseError struct {
	What  string // "corpus" or "vector set"
	ID    int64
	JobID int64
}

func (e *InUseError) Error() string {
	return fmt.Sprintf("%s %d: job %d is working on it: %v", e.What, e.ID, e.JobID, ErrInUse)
}

// Unwrap makes errors.Is(err, ErrInUse) hold.
func (e *InUseError) Unwrap() error { return ErrInUse }

// checkNoActiveJob returns an *InUseError when a queued or running job
// records col (a constant: corpus_id or vector_set_id) = id; run in the
// delete's transaction, so no job can be recorded on id between the
// check and the delete.
func checkNoActiveJob(ctx context.Context, tx *sql.Tx, what, col string, id int64) error {
	var job int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM jobs WHERE `+col+` = ? AND status IN (?, ?) ORDER BY id LIMIT 1`,
		id, string(JobQueued), string(JobRunning)).Scan(&job)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	return &InUseError{What: what, ID: id, JobID: job}
}

// SaveJob writes the mutable fields of j (status, progress, message,
// error, start and finish times).
func (s *Store) SaveJob(ctx context.Context, j Job) error {
	res, err := s.w.ExecContext(ctx,
		`UPDATE jobs SET status = ?, progress = ?, message = ?, error = ?, started = ?, finished = ? WHERE id = ?`,
		string(j.Status), j.Progress, j.Message, j.Error, fmtTime(j.Started), fmtTime(j.Finished), j.ID)
	if err != nil {
		return err
	}
	return affectedOne(res, "job", j.ID)
}

const jobCols = `id, kind, target_id, status, progress, message, error, created, started, finished`

func scanJob(sc interface{ Scan(...any) error }) (Job, error) {
	var j Job
	var status string
	var created, started, finished sql.NullString
	if err := sc.Scan(&j.ID, &j.Kind, &j.TargetID, &status, &j.Progress, &j.Message, &j.Error, &created, &started, &finished); err != nil {
		return Job{}, err
	}
	j.Status = JobStatus(status)
	j.Created = parseTime(created)
	j.Started = parseTime(started)
	j.Finished = parseTime(finished)
	return j, nil
}

// Job returns job id or ErrNotFound.
func (s *Store) Job(ctx context.Context, id int64) (Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx, `SELECT `+jobCols+` FROM jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, notFound("job", id)
	}
	return j, err
}

// Jobs lists the most recent jobs, newest first, at most limit of them
// (limit <= 0: all).
func (s *Store) Jobs(ctx context.Context, limit int) ([]Job, error) {
	if limit <= 0 {
		limit = -1
	}
	return s.queryJobs(ctx, `SELECT `+jobCols+` FROM jobs ORDER BY id DESC LIMIT ?`, limit)
}

// ActiveJobs lists the jobs recorded as queued or running, oldest first.
func (s *Store) ActiveJobs(ctx context.Context) ([]Job, error) {
	return s.queryJobs(ctx, `SELECT `+jobCols+` FROM jobs WHERE status IN (?, ?) ORDER BY id`,
		string(JobQueued), string(JobRunning))
}

// queryJobs runs query (selecting jobCols) on the readers and scans its rows.
func (s *Store) queryJobs(ctx context.Context, query string, args ...any) ([]Job, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Job
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// LatestJob returns the most recent job of kind working on targetID, or
// ErrNotFound.
func (s *Store) LatestJob(ctx context.Context, kind string, targetID int64) (Job, error) {
	j, err := scanJob(s.db.QueryRowContext(ctx,
		`SELECT `+jobCols+` FROM jobs WHERE kind = ? AND target_id = ? ORDER BY id DESC LIMIT 1`, kind, targetID))
	if errors.Is(err, sql.ErrNoRows) {
		return Job{}, notFound(kind+" job of", targetID)
	}
	return j, err
}

// InterruptActiveJobs marks every queued or running job as interrupted
// with the given reason. It is called on start-up, when no job of a
// previous process can still be alive, and returns how many were marked.
func (s *Store) InterruptActiveJobs(ctx context.Context, reason string) (int64, error) {
	res, err := s.w.ExecContext(ctx,
		`UPDATE jobs SET status = ?, error = ?, finished = ? WHERE status IN (?, ?)`,
		string(JobInterrupted), reason, fmtTime(s.now()), string(JobQueued), string(JobRunning))
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
