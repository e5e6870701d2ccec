// Package store keeps gloveboard's catalogue in a SQLite database
// (modernc.org/sqlite, pure Go) inside a data directory, together with the
// large files it describes: uploaded corpora, vector sets and training
// artefacts. Files are always named by numeric id, never by anything a user
// typed.
//
// Layout of the data directory:
//
//	gloveboard.db        catalogue (WAL mode, synchronous FULL, foreign keys on)
//	corpora/<id>.txt     corpus text (<id>.txt.gz when uploaded gzipped)
//	builds/<id>/         artefacts built from corpus <id> (vocabulary, matrix, ...;
//	                     spill/ holds counting scratch files while a build runs)
//	vectors/<id>.txt     word vectors, one word and its components a line
//	runs/<id>/           training artefacts of run <id>
//	results/<job>.json   result of finished job <job> (a t-SNE map, a spectrum)
//	tmp/                 uploads in progress; emptied on Open
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/gloveboard/gloveboard/internal/durable"
)

// Sentinel errors. Callers test them with errors.Is.
var (
	// ErrNotFound means no record has the requested id.
	ErrNotFound = errors.New("not found")
	// ErrTooLarge means an upload exceeded the configured size limit.
	ErrTooLarge = errors.New("upload too large")
	// ErrEmptyUpload means an upload carried no bytes.
	ErrEmptyUpload = errors.New("empty upload")
	// ErrInvalid means a value handed to the store is unusable (for
	// example an empty name).
	ErrInvalid = errors.New("invalid value")
	// ErrLocked means another process has the data directory open.
	ErrLocked = errors.New("the data directory is in use by another gloveboard process")
)

// DBFile is the name of the catalogue database inside the data directory.
const DBFile = "gloveboard.db"

// Store is the catalogue plus the data directory holding its files. It is
// safe for concurrent use.
//
// Writes are serialised: they go through one connection (w), so two of
// them never contend for SQLite's write lock and none can fail with
// SQLITE_BUSY; a write waits its turn in database/sql's pool (bounded by
// its context) instead. Reads go through a separate pool (db) of
// read-only connections which, in WAL mode, neither wait for the writer
// nor make it wait.
type Store struct {
	db     *sql.DB // readers (query_only)
	w      *sql.DB // the one writer connection
	dir    string
	now    func() time.Time
	lock   *os.File       // holds the data directory's lock until Close
	syncer durable.Syncer // makes the files of the data directory durable
}

// Options configure a Store. The zero value is what Open uses.
type Options struct {
	// Syncer makes the directories created and the files published in
	// the data directory durable; its zero value just syncs. Set its
	// Observe field to see every sync (tests do).
	Syncer durable.Syncer
}

// catalogueSync is SQLite's synchronous setting for the catalogue. In WAL
// mode FULL syncs the log at every commit, so a transaction that has
// returned survives a power cut; NORMAL syncs it only at checkpoints and
// may lose the last transactions (never the database's consistency). The
// README ("Limits and failure behaviour") gives the measured cost.
const catalogueSync = "FULL"

// Open creates dir if needed, opens (or creates) the catalogue inside it,
// applies pending migrations and removes leftovers of interrupted uploads
// and of artefact writes cut short.
func Open(ctx context.Context, dir string) (*Store, error) {
	return OpenWith(ctx, dir, Options{})
}

// OpenWith is Open with options.
func OpenWith(ctx context.Context, dir string, opt Options) (*Store, error) {
	return open(ctx, dir, catalogueSync, opt)
}

// uriPath escapes the characters that end or alter the path of an SQLite
// URI filename ('%', '?', '#'): without it a data directory named
// "a#1" would open the catalogue "a", the one every "a#…" shares.
func uriPath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
}

func open(ctx context.Context, dir, synchronous string, opt Options) (*Store, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	for _, sub := range []string{"", "corpora", "builds", "vectors", "runs", "results", "tmp"} {
		if err := opt.Syncer.MkdirAll(filepath.Join(abs, sub), 0o755); err != nil {
			return nil, fmt.Errorf("data directory: %w", err)
		}
	}
	lock, err := lockDir(filepath.Join(abs, "lock"))
	if err != nil {
		return nil, fmt.Errorf("data directory %s: %w", abs, err)
	}
	ok := false
	defer func() {
		if !ok {
			lock.Close()
		}
	}()
	if err := clearDir(filepath.Join(abs, "tmp")); err != nil {
		return nil, fmt.Errorf("clearing tmp: %w", err)
	}
	file := "file:" + uriPath(filepath.ToSlash(filepath.Join(abs, DBFile)))
	// The writer opens first and puts the database in WAL mode (which
	// persists in the file); its transactions begin IMMEDIATE, taking the
	// write lock at once. busy_timeout only covers the rare moments a
	// reader meets a checkpoint or a WAL recovery.
	w, err := sql.Open("sqlite", file+"?_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)"+
		"&_pragma=synchronous("+synchronous+")&_txlock=immediate")
	if err != nil {
		return nil, fmt.Errorf("opening catalogue: %w", err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("opening catalogue: %w", err)
	}
	db, err := sql.Open("sqlite", file+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)&_pragma=query_only(1)")
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("opening catalogue: %w", err)
	}
	db.SetMaxIdleConns(4)
	s := &Store{db: db, w: w, dir: abs, now: func() time.Time { return time.Now().UTC() }, lock: lock, syncer: opt.Syncer}
	if err := s.migrate(ctx); err != nil {
		s.closeDB()
		return nil, err
	}
	// SQLite syncs the database's contents and the directory entry of a
	// new log, not the entry of a new database file: sync the data
	// directory once the catalogue exists.
	if err := s.syncer.SyncDir(abs); err != nil {
		s.closeDB()
		return nil, err
	}
	if err := s.forgetUnfinishedResults(ctx); err != nil {
		s.closeDB()
		return nil, fmt.Errorf("removing results of unfinished jobs: %w", err)
	}
	if err := s.removeOrphans(ctx); err != nil {
		s.closeDB()
		return nil, fmt.Errorf("removing files no catalogue entry refers to: %w", err)
	}
	if err := s.removeTempLeftovers(); err != nil {
		s.closeDB()
		return nil, fmt.Errorf("removing temporary files of interrupted writes: %w", err)
	}
	ok = true
	return s, nil
}

// removeOrphans deletes the files and directories under corpora, vectors,
// builds, runs and results that no catalogue row refers to. A process
// killed after an upload (or a job's result) was moved into place but
// before its row was committed leaves such a file, and the next upload
// given the same id must not find it; so does a deletion whose files could
// not all be removed.
func (s *Store) removeOrphans(ctx context.Context) error {
	ids := func(query string) (map[string]bool, error) {
		rows, err := s.db.QueryContext(ctx, query)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		set := map[string]bool{}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return nil, err
			}
			set[name] = true
		}
		return set, rows.Err()
	}
	for _, d := range []struct{ sub, query string }{
		{"corpora", `SELECT id || '.txt' || CASE WHEN gzipped THEN '.gz' ELSE '' END FROM corpora`},
		{"builds", `SELECT CAST(id AS TEXT) FROM corpora`},
		{"vectors", `SELECT id || '.txt' FROM vector_sets`},
		{"runs", `SELECT CAST(id AS TEXT) FROM runs`},
		{"results", `SELECT job_id || '.json' FROM job_results`},
	} {
		keep, err := ids(d.query)
		if err != nil {
			return err
		}
		entries, err := os.ReadDir(filepath.Join(s.dir, d.sub))
		if err != nil {
			return err
		}
		for _, e := range entries {
			if !keep[e.Name()] {
				if err := os.RemoveAll(filepath.Join(s.dir, d.sub, e.Name())); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func (s *Store) closeDB() error { return errors.Join(s.db.Close(), s.w.Close()) }

// Close closes the database and releases the data directory.
func (s *Store) Close() error {
	err := s.closeDB()
	if s.lock != nil {
		s.lock.Close()
	}
	return err
}

// Dir returns the absolute path of the data directory.
func (s *Store) Dir() string { return s.dir }

// Syncer returns the Syncer the store was opened with, for other packages
// that publish files in the data directory (a run's artefacts, in
// RunDir).
func (s *Store) Syncer() durable.Syncer { return s.syncer }

func clearDir(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// CorpusPath returns the file holding corpus id's text.
func (s *Store) CorpusPath(id int64, gzipped bool) string {
	name := strconv.FormatInt(id, 10) + ".txt"
	if gzipped {
		name += ".gz"
	}
	return filepath.Join(s.dir, "corpora", name)
}

// CorpusBuildDir returns the directory for the artefacts built from corpus
// id (it is not created here; DeleteCorpus removes it).
func (s *Store) CorpusBuildDir(id int64) string {
	return filepath.Join(s.dir, "builds", strconv.FormatInt(id, 10))
}

// VectorPath returns the file holding vector set id.
func (s *Store) VectorPath(id int64) string {
	return filepath.Join(s.dir, "vectors", strconv.FormatInt(id, 10)+".txt")
}

// RunDir returns the directory for the artefacts of training run id,
// creating it (durably) if needed.
func (s *Store) RunDir(id int64) (string, error) {
	d := filepath.Join(s.dir, "runs", strconv.FormatInt(id, 10))
	if err := s.syncer.MkdirAll(d, 0o755); err != nil {
		return "", err
	}
	return d, nil
}

// timestamps are stored as RFC 3339 text with nanoseconds, in UTC.
const timeLayout = time.RFC3339Nano

func fmtTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(ns sql.NullString) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t, err := time.Parse(timeLayout, ns.String)
	if err != nil {
		return time.Time{}
	}
	return t
}

func notFound(what string, id int64) error {
	return fmt.Errorf("%s %d: %w", what, id, ErrNotFound)
}
