package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"time"
)

// VectorSet is a table of word vectors: Count words of Dim components.
type VectorSet struct {
	ID       int64
	Name     string
	Source   string // SourceDemo, SourceUpload or SourceTrained
	RunID    int64  // training run that produced it; 0 otherwise
	Filename string // original file name; display only
	Size     int64
	SHA256   string
	Count    int
	Dim      int
	Created  time.Time
	Path     string // the vector file, derived from ID (never from user input)
}

// NewVectorSet describes a vector set to add. Count and Dim must have been
// measured on the file by the caller.
type NewVectorSet struct {
	Name     string
	Source   string
	RunID    int64
	Filename string
	Count    int
	Dim      int
}

// AddVectorSet records a vector set and moves its staged file into place.
// The staged file is consumed whether or not AddVectorSet succeeds. An
// uploaded or demo set whose content (SHA-256) is already in the
// catalogue is not added: AddVectorSet then fails with a *DuplicateError
// naming it, decided in the insert's transaction. Trained sets are always
// added (each belongs to its run).
func (s *Store) AddVectorSet(ctx context.Context, nv NewVectorSet, f *Staged) (VectorSet, error) {
	defer f.Discard()
	nv.Name = cleanName(nv.Name, 200)
	nv.Filename = cleanName(nv.Filename, 255)
	if nv.Name == "" {
		nv.Name = nv.Filename
	}
	switch {
	case nv.Name == "":
		return VectorSet{}, fmt.Errorf("vector set name is empty: %w", ErrInvalid)
	case nv.Count <= 0 || nv.Dim <= 0:
		return VectorSet{}, fmt.Errorf("vector set has %d words of dimension %d: %w", nv.Count, nv.Dim, ErrInvalid)
	}
	if nv.Source == "" {
		nv.Source = SourceUpload
	}
	var runID any
	if nv.RunID != 0 {
		runID = nv.RunID
	}
	created := s.now()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return VectorSet{}, err
	}
	defer tx.Rollback()
	if nv.Source != SourceTrained {
		if err := findDuplicate(ctx, tx, "vector set", "vector_sets", f.SHA256); err != nil {
			return VectorSet{}, err
		}
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO vector_sets (name, source, run_id, filename, size, sha256, count, dim, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nv.Name, nv.Source, runID, nv.Filename, f.Size, f.SHA256, nv.Count, nv.Dim, fmtTime(created))
	if err != nil {
		return VectorSet{}, fmt.Errorf("recording vector set: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return VectorSet{}, err
	}
	dst := s.VectorPath(id)
	if err := f.place(s.syncer, dst); err != nil {
		return VectorSet{}, err
	}
	if err := tx.Commit(); err != nil {
		os.Remove(dst)
		return VectorSet{}, fmt.Errorf("recording vector set: %w", err)
	}
	return VectorSet{ID: id, Name: nv.Name, Source: nv.Source, RunID: nv.RunID, Filename: nv.Filename,
		Size: f.Size, SHA256: f.SHA256, Count: nv.Count, Dim: nv.Dim, Created: created, Path: dst}, nil
}

const vectorCols = `id, name, source, run_id, filename, size, sha256, count, dim, created`

func (s *Store) scanVectorSet(sc interface{ Scan(...any) error }) (VectorSet, error) {
	var v VectorSet
	var run sql.NullInt64
	var created sql.NullString
	if err := sc.Scan(&v.ID, &v.Name, &v.Source, &run, &v.Filename, &v.Size, &v.SHA256, &v.Count, &v.Dim, &created); err != nil {
		return VectorSet{}, err
	}
	v.RunID = run.Int64
	v.Created = parseTime(created)
	v.Path = s.VectorPath(v.ID)
	return v, nil
}

// VectorSet returns vector set id or ErrNotFound.
func (s *Store) VectorSet(ctx context.Context, id int64) (VectorSet, error) {
	v, err := s.scanVectorSet(s.db.QueryRowContext(ctx, `SELECT `+vectorCols+` FROM vector_sets WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return VectorSet{}, notFound("vector set", id)
	}
	return v, err
}

// VectorSets lists all vector sets, newest first.
func (s *Store) VectorSets(ctx context.Context) ([]VectorSet, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+vectorCols+` FROM vector_sets ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []VectorSet
	for rows.Next() {
		v, err := s.scanVectorSet(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// FindVectorSetBySHA returns the first vector set with the given content
// hash, or ErrNotFound.
func (s *Store) FindVectorSetBySHA(ctx context.Context, sha string) (VectorSet, error) {
	v, err := s.scanVectorSet(s.db.QueryRowContext(ctx, `SELECT `+vectorCols+` FROM vector_sets WHERE sha256 = ? ORDER BY id LIMIT 1`, sha))
	if errors.Is(err, sql.ErrNoRows) {
		return VectorSet{}, fmt.Errorf("vector set with sha256 %s: %w", sha, ErrNotFound)
	}
	return v, err
}

// DeleteVectorSet removes vector set id, its file and the results of jobs
// that belong to it (its t-SNE maps).
//
// A queued or running job working on the set (CreateJobFor) makes it fail
// with an *InUseError, decided in the delete's transaction as for
// DeleteCorpus.
func (s *Store) DeleteVectorSet(ctx context.Context, id int64) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := checkNoActiveJob(ctx, tx, "vector set", "vector_set_id", id); err != nil {
		return err
	}
	results, err := deleteResultsOf(ctx, tx, "vector_set_id", id)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM vector_sets WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if err := affectedOne(res, "vector set", id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := os.Remove(s.VectorPath(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return s.removeResultFiles(results)
}
