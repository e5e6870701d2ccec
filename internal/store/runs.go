package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Run statuses share the job vocabulary.
const (
	RunRunning     = "running"
	RunDone        = "done"
	RunFailed      = "failed"
	RunCancelled   = "cancelled"
	RunInterrupted = "interrupted"
)

// Run is one GloVe training run.
type Run struct {
	ID       int64
	CorpusID int64 // 0 when the corpus has been deleted
	JobID    int64 // the run's training job; 0 until SetRunJob (and for runs older than schema 2)
	Params   json.RawMessage
	Status   string
	Results  json.RawMessage
	Created  time.Time
	Finished time.Time
}

// LossPoint is the training cost after one epoch.
type LossPoint struct {
	Epoch   int
	Cost    float64
	Seconds float64 // wall time since the start of training
}

// CreateRun records a new running training run on corpus corpusID.
func (s *Store) CreateRun(ctx context.Context, corpusID int64, params any) (Run, error) {
	pj, err := json.Marshal(params)
	if err != nil {
		return Run{}, fmt.Errorf("run params: %w", err)
	}
	created := s.now()
	res, err := s.db.ExecContext(ctx,
		`INSERT INTO runs (corpus_id, params, status, created) VALUES (?, ?, ?, ?)`,
		corpusID, string(pj), RunRunning, fmtTime(created))
	if err != nil {
		return Run{}, fmt.Errorf("recording run: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Run{}, err
	}
	return Run{ID: id, CorpusID: corpusID, Params: pj, Status: RunRunning, Results: json.RawMessage("{}"), Created: created}, nil
}

// AppendLoss records the cost after epoch of run id (replacing any earlier
// value for that epoch).
func (s *Store) AppendLoss(ctx context.Context, id int64, p LossPoint) error {
	_, err := s.db.ExecContext(ctx,
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

// SetRunJob records that job jobID trains run id.
func (s *Store) SetRunJob(ctx context.Context, id, jobID int64) error {
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET job_id = ? WHERE id = ?`, jobID, id)
	if err != nil {
		return fmt.Errorf("recording the job of run %d: %w", id, err)
	}
	return affectedOne(res, "run", id)
}

// FinishRun sets the final status and results of run id.
func (s *Store) FinishRun(ctx context.Context, id int64, status string, results any) error {
	rj, err := json.Marshal(results)
	if err != nil {
		return fmt.Errorf("run results: %w", err)
	}
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET status = ?, results = ?, finished = ? WHERE id = ?`,
		status, string(rj), fmtTime(s.now()), id)
	if err != nil {
		return err
	}
	return affectedOne(res, "run", id)
}

const runCols = `id, corpus_id, job_id, params, status, results, created, finished`

func scanRun(sc interface{ Scan(...any) error }) (Run, error) {
	var r Run
	var corpus, job sql.NullInt64
	var params, results string
	var created, finished sql.NullString
	if err := sc.Scan(&r.ID, &corpus, &job, &params, &r.Status, &results, &created, &finished); err != nil {
		return Run{}, err
	}
	r.CorpusID = corpus.Int64
	r.JobID = job.Int64
	r.Params = json.RawMessage(params)
	r.Results = json.RawMessage(results)
	r.Created = parseTime(created)
	r.Finished = parseTime(finished)
	return r, nil
}

// Run returns run id or ErrNotFound.
func (s *Store) Run(ctx context.Context, id int64) (Run, error) {
	r, err := scanRun(s.db.QueryRowContext(ctx, `SELECT `+runCols+` FROM runs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, notFound("run", id)
	}
	return r, err
}

// Runs lists all runs, newest first.
func (s *Store) Runs(ctx context.Context) ([]Run, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+runCols+` FROM runs ORDER BY id DESC`)
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

// InterruptRuns marks every running run as interrupted (used on start-up:
// a run cannot survive a restart).
func (s *Store) InterruptRuns(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE runs SET status = ?, finished = ? WHERE status = ?`,
		RunInterrupted, fmtTime(s.now()), RunRunning)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
