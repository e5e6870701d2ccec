package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// migrations are applied in order; migration i brings the schema to
// version i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: initial catalogue.
	`CREATE TABLE corpora (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT NOT NULL,
		filename   TEXT NOT NULL,
		size       INTEGER NOT NULL,
		sha256     TEXT NOT NULL,
		gzipped    INTEGER NOT NULL DEFAULT 0,
		source     TEXT NOT NULL DEFAULT 'upload',
		created    TEXT NOT NULL,
		settings   TEXT NOT NULL DEFAULT '{}',
		stats      TEXT NOT NULL DEFAULT '{}'
	);
	CREATE TABLE runs (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		corpus_id  INTEGER REFERENCES corpora(id) ON DELETE SET NULL,
		params     TEXT NOT NULL DEFAULT '{}',
		status     TEXT NOT NULL,
		results    TEXT NOT NULL DEFAULT '{}',
		created    TEXT NOT NULL,
		finished   TEXT
	);
	CREATE TABLE run_loss (
		run_id     INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
		epoch      INTEGER NOT NULL,
		cost       REAL NOT NULL,
		seconds    REAL NOT NULL,
		PRIMARY KEY (run_id, epoch)
	);
	CREATE TABLE vector_sets (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT NOT NULL,
		source     TEXT NOT NULL,
		run_id     INTEGER REFERENCES runs(id) ON DELETE SET NULL,
		filename   TEXT NOT NULL DEFAULT '',
		size       INTEGER NOT NULL DEFAULT 0,
		sha256     TEXT NOT NULL DEFAULT '',
		count      INTEGER NOT NULL,
		dim        INTEGER NOT NULL,
		created    TEXT NOT NULL
	);
	CREATE TABLE jobs (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		kind       TEXT NOT NULL,
		target_id  INTEGER NOT NULL DEFAULT 0,
		status     TEXT NOT NULL,
		progress   REAL NOT NULL DEFAULT 0,
		message    TEXT NOT NULL DEFAULT '',
		error      TEXT NOT NULL DEFAULT '',
		created    TEXT NOT NULL,
		started    TEXT,
		finished   TEXT
	);
	CREATE INDEX jobs_status ON jobs(status);
	CREATE TABLE meta (
		key        TEXT PRIMARY KEY,
		value      TEXT NOT NULL
	);`,
	// 2: a run remembers its training job, so that the link survives a
	// restart. Runs recorded before this migration have none (NULL).
	`ALTER TABLE runs ADD COLUMN job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL;`,
	// 3: finished jobs' results (t-SNE maps, co-occurrence spectra) kept
	// in results/<job_id>.json, so that they survive a restart. A result
	// belongs to exactly one vector set or corpus and goes with it.
	`CREATE TABLE job_results (
		job_id        INTEGER PRIMARY KEY REFERENCES jobs(id) ON DELETE CASCADE,
		vector_set_id INTEGER REFERENCES vector_sets(id) ON DELETE CASCADE,
		corpus_id     INTEGER REFERENCES corpora(id) ON DELETE CASCADE,
		size          INTEGER NOT NULL,
		sha256        TEXT NOT NULL,
		created       TEXT NOT NULL,
		CHECK ((vector_set_id IS NULL) <> (corpus_id IS NULL))
	);
	CREATE INDEX job_results_vector_set ON job_results(vector_set_id);
	CREATE INDEX job_results_corpus ON job_results(corpus_id);`,
	// 4: the latest job of a kind on a target (the corpus page's build
	// status, polled every second) is an index lookup.
	`CREATE INDEX jobs_kind_target ON jobs(kind, target_id, id);`,
	// 5: deleting a corpus sets the corpus of its runs to NULL (the
	// foreign key's ON DELETE SET NULL), and deleting a run's row does
	// the same for its vector sets: both look the rows up by an index
	// instead of scanning tables that grow with every job.
	`CREATE INDEX runs_corpus ON runs(corpus_id);
	CREATE INDEX vector_sets_run ON vector_sets(run_id);`,
	// 6: a job names the corpus or vector set it works on, so that a
	// delete and a job submission on the same one are decided by one
	// transaction each (store.CreateJobFor, DeleteCorpus,
	// DeleteVectorSet); jobs recorded before have none, and are final
	// (every job of a previous process is interrupted at start-up).
	// Uploads are deduplicated by content hash inside their insert, and
	// deletes find the runs and vector sets referring to what they delete
	// by index instead of a scan.
	`ALTER TABLE jobs ADD COLUMN corpus_id INTEGER;
	ALTER TABLE jobs ADD COLUMN vector_set_id INTEGER;
	CREATE INDEX jobs_corpus_status ON jobs(corpus_id, status) WHERE corpus_id IS NOT NULL;
	CREATE INDEX jobs_vector_set_status ON jobs(vector_set_id, status) WHERE vector_set_id IS NOT NULL;
	CREATE INDEX corpora_sha256 ON corpora(sha256);
	CREATE INDEX vector_sets_sha256 ON vector_sets(sha256);
	CREATE INDEX IF NOT EXISTS runs_corpus ON runs(corpus_id);
	CREATE INDEX IF NOT EXISTS vector_sets_run ON vector_sets(run_id);
	CREATE INDEX IF NOT EXISTS runs_job ON runs(job_id);`,
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int { return len(migrations) }

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx,
		`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("schema version table: %w", err)
	}
	var v int
	err := s.w.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&v)
	if err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("catalogue schema version %d is newer than this build (%d): %w", v, len(migrations), ErrInvalid)
	}
	for i := v; i < len(migrations); i++ {
		tx, err := s.w.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM schema_version`); err != nil {
			tx.Rollback()
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version (version) VALUES (?)`, i+1); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}

// Meta returns the value stored under key, or ErrNotFound.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("meta %q: %w", key, ErrNotFound)
		}
		return "", err
	}
	return v, nil
}

// SetMeta stores value under key.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.w.ExecContext(ctx,
		`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
