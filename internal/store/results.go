package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// ErrDamaged means a file of the data directory no longer matches its
// catalogue entry (missing, or of another size or SHA-256).
var ErrDamaged = errors.New("file does not match its catalogue entry")

// NewJobResult says whose result is being saved: the finished job's id and
// the one vector set or corpus the result belongs to (set exactly one of
// VectorSetID and CorpusID). Deleting that vector set or corpus deletes the
// result.
type NewJobResult struct {
	JobID       int64
	VectorSetID int64
	CorpusID    int64
}

// ResultPath returns the file holding the result of job jobID.
func (s *Store) ResultPath(jobID int64) string {
	return filepath.Join(s.dir, "results", strconv.FormatInt(jobID, 10)+".json")
}

// SaveJobResult keeps data (the encoded result of a finished job; the store
// does not look inside) as results/<job>.json and records it in the
// catalogue. The file is synced, renamed into place and its directory
// synced before the row is committed, so once SaveJobResult has returned
// the result survives a power cut. A job has at most one result: saving a
// second one is ErrInvalid; an unknown job, vector set or corpus is
// ErrNotFound.
func (s *Store) SaveJobResult(ctx context.Context, nr NewJobResult, data []byte) error {
	switch {
	case (nr.VectorSetID > 0) == (nr.CorpusID > 0):
		return fmt.Errorf("result of job %d belongs to vector set %d and corpus %d; want exactly one: %w", nr.JobID, nr.VectorSetID, nr.CorpusID, ErrInvalid)
	case len(data) == 0:
		return fmt.Errorf("result of job %d is empty: %w", nr.JobID, ErrInvalid)
	}
	if _, err := s.Job(ctx, nr.JobID); err != nil {
		return err
	}
	var setID, corpusID any // NULL for the one not set
	if nr.VectorSetID > 0 {
		if _, err := s.VectorSet(ctx, nr.VectorSetID); err != nil {
			return err
		}
		setID = nr.VectorSetID
	} else {
		if _, err := s.Corpus(ctx, nr.CorpusID); err != nil {
			return err
		}
		corpusID = nr.CorpusID
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM job_results WHERE job_id = ?`, nr.JobID).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("result of job %d already saved: %w", nr.JobID, ErrInvalid)
	}

	f, err := s.Stage(bytes.NewReader(data), 0)
	if err != nil {
		return err
	}
	defer f.Discard()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO job_results (job_id, vector_set_id, corpus_id, size, sha256, created) VALUES (?, ?, ?, ?, ?, ?)`,
		nr.JobID, setID, corpusID, f.Size, f.SHA256, fmtTime(s.now())); err != nil {
		return fmt.Errorf("recording the result of job %d: %w", nr.JobID, err)
	}
	dst := s.ResultPath(nr.JobID)
	if err := f.place(s.syncer, dst); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		os.Remove(dst)
		return fmt.Errorf("recording the result of job %d: %w", nr.JobID, err)
	}
	return nil
}

// JobResult returns the bytes saved by SaveJobResult for job jobID:
// ErrNotFound when there are none (the job saved no result, or what it
// belonged to has been deleted), ErrDamaged when the file is missing or
// differs from what was saved.
func (s *Store) JobResult(ctx context.Context, jobID int64) ([]byte, error) {
	var size int64
	var sum string
	err := s.db.QueryRowContext(ctx, `SELECT size, sha256 FROM job_results WHERE job_id = ?`, jobID).Scan(&size, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("result of job", jobID)
	}
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(s.ResultPath(jobID))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("result of job %d: the file is missing: %w", jobID, ErrDamaged)
	}
	if err != nil {
		return nil, fmt.Errorf("result of job %d: %w", jobID, err)
	}
	h := sha256.Sum256(data)
	if int64(len(data)) != size || hex.EncodeToString(h[:]) != sum {
		return nil, fmt.Errorf("result of job %d: the file has changed since it was saved: %w", jobID, ErrDamaged)
	}
	return data, nil
}

// deleteResultsOf deletes, in tx, the result rows whose column col (a
// constant: vector_set_id or corpus_id) is id, and returns their jobs so
// that the caller removes the files once tx is committed. (The foreign
// keys would cascade too, but then the files could not be named.)
func deleteResultsOf(ctx context.Context, tx *sql.Tx, col string, id int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `DELETE FROM job_results WHERE `+col+` = ? RETURNING job_id`, id)
	if err != nil {
		return nil, fmt.Errorf("deleting results: %w", err)
	}
	defer rows.Close()
	var jobs []int64
	for rows.Next() {
		var j int64
		if err := rows.Scan(&j); err != nil {
			return nil, err
		}
		jobs = append(jobs, j)
	}
	return jobs, rows.Err()
}

// removeResultFiles removes the result files of jobs (whose rows are gone).
// A file that cannot be removed now is removed by the next Open.
func (s *Store) removeResultFiles(jobs []int64) error {
	var first error
	for _, j := range jobs {
		if err := os.Remove(s.ResultPath(j)); err != nil && !errors.Is(err, os.ErrNotExist) && first == nil {
			first = err
		}
	}
	return first
}

// forgetUnfinishedResults deletes the result rows of jobs that are not
// done. A job saves its result before it is marked done, so a process
// killed between the two leaves a result no page will serve (the job is
// interrupted at start-up); its file goes with the orphans that Open
// removes next. No job runs while Open does this.
func (s *Store) forgetUnfinishedResults(ctx context.Context) error {
	_, err := s.w.ExecContext(ctx,
		`DELETE FROM job_results WHERE job_id NOT IN (SELECT id FROM jobs WHERE status = ?)`, string(JobDone))
	return err
}

// SavedResult is the catalogue entry of a saved result.
type SavedResult struct {
	JobID   int64
	Size    int64 // bytes of its file
	Created time.Time
}

// VectorSetResults lists the saved results of vector set id, newest first
// (none for an unknown vector set).
func (s *Store) VectorSetResults(ctx context.Context, id int64) ([]SavedResult, error) {
	return s.resultsOf(ctx, "vector_set_id", id)
}

// CorpusResults lists the saved results of corpus id, newest first (none
// for an unknown corpus).
func (s *Store) CorpusResults(ctx context.Context, id int64) ([]SavedResult, error) {
	return s.resultsOf(ctx, "corpus_id", id)
}

// resultsOf lists the results whose column col (a constant:
// vector_set_id or corpus_id) is id.
func (s *Store) resultsOf(ctx context.Context, col string, id int64) ([]SavedResult, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT job_id, size, created FROM job_results WHERE `+col+` = ? ORDER BY job_id DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SavedResult
	for rows.Next() {
		var r SavedResult
		var created sql.NullString
		if err := rows.Scan(&r.JobID, &r.Size, &created); err != nil {
			return nil, err
		}
		r.Created = parseTime(created)
		out = append(out, r)
	}
	return out, rows.Err()
}
