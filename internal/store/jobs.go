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

// CreateJob records a new queued job.
func (s *Store) CreateJob(ctx context.Context, kind string, targetID int64) (Job, error) {
	if kind == "" {
		return Job{}, fmt.Errorf("job kind is empty: %w", ErrInvalid)
	}
	created := s.now()
	res, err := s.w.ExecContext(ctx,
		`INSERT INTO jobs (kind, target_id, status, created) VALUES (?, ?, ?, ?)`,
		kind, targetID, string(JobQueued), fmtTime(created))
	if err != nil {
		return Job{}, fmt.Errorf("recording job: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Job{}, err
	}
	return Job{ID: id, Kind: kind, TargetID: targetID, Status: JobQueued, Created: created}, nil
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
	rows, err := s.db.QueryContext(ctx, `SELECT `+jobCols+` FROM jobs ORDER BY id DESC LIMIT ?`, limit)
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
