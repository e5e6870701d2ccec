package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
)

// Sources of corpora and vector sets.
const (
	SourceDemo    = "demo"
	SourceUpload  = "upload"
	SourceTrained = "trained"
)

// Corpus is one text collection in the catalogue.
type Corpus struct {
	ID       int64
	Name     string
	Filename string // original file name as uploaded; display only
	Size     int64  // bytes on disk
	SHA256   string
	Gzipped  bool
	Source   string
	Created  time.Time
	Settings json.RawMessage // tokenizer / window settings, set by the builder
	Stats    CorpusStats
	Path     string // the corpus file, derived from ID (never from user input)
}

// CorpusStats holds the headline numbers of a built corpus. Built is false
// until the corpus has been tokenized; the other fields are then zero.
type CorpusStats struct {
	Built     bool  `json:"built"`
	Tokens    int64 `json:"tokens"`
	Types     int64 `json:"types"`
	VocabSize int64 `json:"vocab_size"`
	// Extra keeps any further figures the builder records.
	Extra map[string]any `json:"extra,omitempty"`
}

// NewCorpus describes a corpus to add.
type NewCorpus struct {
	Name     string
	Filename string
	Source   string // SourceUpload when empty
}

func cleanName(s string, max int) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max])
	}
	return s
}

// ErrDuplicate means the content of an upload is already in the
// catalogue; the error is a *DuplicateError naming the entry.
var ErrDuplicate = errors.New("already in the catalogue")

// DuplicateError names the corpus or vector set that already holds the
// content AddCorpus or AddVectorSet was given.
type DuplicateError struct {
	What string // "corpus" or "vector set"
	ID   int64
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("the same content is %s %d: %v", e.What, e.ID, ErrDuplicate)
}

// Unwrap makes errors.Is(err, ErrDuplicate) hold.
func (e *DuplicateError) Unwrap() error { return ErrDuplicate }

// findDuplicate returns a *DuplicateError when table (a constant) has a
// row of the given SHA-256; run in the insert's transaction, so that two identical
// uploads at once (a double click) add one entry.
func findDuplicate(ctx context.Context, tx *sql.Tx, what, table, sha string) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM `+table+` WHERE sha256 = ? ORDER BY id LIMIT 1`, sha).Scan(&id)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return fmt.Errorf("recording %s: %w", what, err)
	}
	return &DuplicateError{What: what, ID: id}
}

// AddCorpus records a corpus and moves its staged file into place. The
// staged file is consumed whether or not AddCorpus succeeds. A corpus
// with the same content (SHA-256) is not added twice: AddCorpus then
// fails with a *DuplicateError naming it, decided in the insert's
// transaction.
func (s *Store) AddCorpus(ctx context.Context, nc NewCorpus, f *Staged) (Corpus, error) {
	defer f.Discard()
	nc.Name = cleanName(nc.Name, 200)
	nc.Filename = cleanName(nc.Filename, 255)
	if nc.Name == "" {
		nc.Name = nc.Filename
	}
	if nc.Name == "" {
		return Corpus{}, fmt.Errorf("corpus name is empty: %w", ErrInvalid)
	}
	if nc.Source == "" {
		nc.Source = SourceUpload
	}
	created := s.now()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return Corpus{}, err
	}
	defer tx.Rollback()
	if err := findDuplicate(ctx, tx, "corpus", "corpora", f.SHA256); err != nil {
		return Corpus{}, err
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO corpora (name, filename, size, sha256, gzipped, source, created) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		nc.Name, nc.Filename, f.Size, f.SHA256, f.Gzipped, nc.Source, fmtTime(created))
	if err != nil {
		return Corpus{}, fmt.Errorf("recording corpus: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Corpus{}, err
	}
	dst := s.CorpusPath(id, f.Gzipped)
	if err := f.place(s.syncer, dst); err != nil {
		return Corpus{}, err
	}
	if err := tx.Commit(); err != nil {
		os.Remove(dst)
		return Corpus{}, fmt.Errorf("recording corpus: %w", err)
	}
	return Corpus{ID: id, Name: nc.Name, Filename: nc.Filename, Size: f.Size, SHA256: f.SHA256,
		Gzipped: f.Gzipped, Source: nc.Source, Created: created, Settings: json.RawMessage("{}"), Path: dst}, nil
}

const corpusCols = `id, name, filename, size, sha256, gzipped, source, created, settings, stats`

func (s *Store) scanCorpus(sc interface{ Scan(...any) error }) (Corpus, error) {
	var c Corpus
	var created sql.NullString
	var settings, stats string
	if err := sc.Scan(&c.ID, &c.Name, &c.Filename, &c.Size, &c.SHA256, &c.Gzipped, &c.Source, &created, &settings, &stats); err != nil {
		return Corpus{}, err
	}
	c.Created = parseTime(created)
	c.Settings = json.RawMessage(settings)
	c.Path = s.CorpusPath(c.ID, c.Gzipped)
	if err := json.Unmarshal([]byte(stats), &c.Stats); err != nil {
		return Corpus{}, fmt.Errorf("corpus %d stats: %w", c.ID, err)
	}
	return c, nil
}

// Corpus returns corpus id or ErrNotFound.
func (s *Store) Corpus(ctx context.Context, id int64) (Corpus, error) {
	c, err := s.scanCorpus(s.db.QueryRowContext(ctx, `SELECT `+corpusCols+` FROM corpora WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Corpus{}, notFound("corpus", id)
	}
	return c, err
}

// Corpora lists all corpora, newest first.
func (s *Store) Corpora(ctx context.Context) ([]Corpus, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+corpusCols+` FROM corpora ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Corpus
	for rows.Next() {
		c, err := s.scanCorpus(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// FindCorpusBySHA returns the first corpus with the given content hash, or
// ErrNotFound.
func (s *Store) FindCorpusBySHA(ctx context.Context, sha string) (Corpus, error) {
	c, err := s.scanCorpus(s.db.QueryRowContext(ctx, `SELECT `+corpusCols+` FROM corpora WHERE sha256 = ? ORDER BY id LIMIT 1`, sha))
	if errors.Is(err, sql.ErrNoRows) {
		return Corpus{}, fmt.Errorf("corpus with sha256 %s: %w", sha, ErrNotFound)
	}
	return c, err
}

// SetCorpusStats records the headline numbers (and settings used) of a
// built corpus.
func (s *Store) SetCorpusStats(ctx context.Context, id int64, settings any, stats CorpusStats) error {
	sj, err := json.Marshal(settings)
	if err != nil {
		return fmt.Errorf("corpus settings: %w", err)
	}
	tj, err := json.Marshal(stats)
	if err != nil {
		return fmt.Errorf("corpus stats: %w", err)
	}
	res, err := s.w.ExecContext(ctx, `UPDATE corpora SET settings = ?, stats = ? WHERE id = ?`, string(sj), string(tj), id)
	if err != nil {
		return err
	}
	return affectedOne(res, "corpus", id)
}

// DeleteCorpus removes corpus id, its file, its build and the results of
// jobs that belong to it (its co-occurrence spectra).
//
// A queued or running job working on the corpus (CreateJobFor, CreateRun)
// makes it fail with an *InUseError; the check and the delete are one
// transaction, so a job submitted at the same time either is found or
// finds the corpus gone.
func (s *Store) DeleteCorpus(ctx context.Context, id int64) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var gzipped bool
	err = tx.QueryRowContext(ctx, `SELECT gzipped FROM corpora WHERE id = ?`, id).Scan(&gzipped)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("corpus", id)
	} else if err != nil {
		return err
	}
	if err := checkNoActiveJob(ctx, tx, "corpus", "corpus_id", id); err != nil {
		return err
	}
	results, err := deleteResultsOf(ctx, tx, "corpus_id", id)
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM corpora WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if err := affectedOne(res, "corpus", id); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := os.Remove(s.CorpusPath(id, gzipped)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	if err := os.RemoveAll(s.CorpusBuildDir(id)); err != nil {
		return err
	}
	return s.removeResultFiles(results)
}

func affectedOne(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(what, id)
	}
	return nil
}
