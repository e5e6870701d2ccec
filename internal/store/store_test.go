package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

func open(t *testing.T, dir string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func tmpEntries(t *testing.T, st *store.Store) int {
	t.Helper()
	es, err := os.ReadDir(filepath.Join(st.Dir(), "tmp"))
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

type failingReader struct{ n int }

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.ErrUnexpectedEOF
	}
	k := min(len(p), r.n)
	for i := range k {
		p[i] = 'x'
	}
	r.n -= k
	return k, nil
}

func TestStage(t *testing.T) {
	st := open(t, t.TempDir())
	tests := []struct {
		name    string
		r       io.Reader
		limit   int64
		wantErr error
	}{
		{"fits", strings.NewReader("hello world"), 11, nil},
		{"over limit", strings.NewReader("hello world!"), 11, store.ErrTooLarge},
		{"empty", strings.NewReader(""), 10, store.ErrEmptyUpload},
		{"client went away", &failingReader{n: 100000}, 0, io.ErrUnexpectedEOF},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := st.Stage(tc.r, tc.limit)
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				if n := tmpEntries(t, st); n != 0 {
					t.Errorf("%d files left in tmp", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer f.Discard()
			if f.Size != 11 || f.SHA256 != "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9" || f.Gzipped {
				t.Errorf("staged %+v", f)
			}
		})
	}
}

func TestCorpusLifecycle(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	f, err := st.Stage(strings.NewReader("\x1f\x8bnot really gzip"), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Filename: "a\x00b.txt.gz"}, f)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "ab.txt.gz" || !c.Gzipped || c.Source != store.SourceUpload {
		t.Errorf("corpus %+v", c)
	}
	if tmpEntries(t, st) != 0 {
		t.Error("staged file not moved")
	}
	if err := st.SetCorpusStats(ctx, c.ID, map[string]int{"window": 10}, store.CorpusStats{Built: true, Tokens: 5, Types: 3, VocabSize: 2}); err != nil {
		t.Fatal(err)
	}
	// Reopening applies no migration twice and keeps the data.
	st.Close()
	st = open(t, dir)
	got, err := st.Corpus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Stats.Built || got.Stats.Tokens != 5 || string(got.Settings) != `{"window":10}` {
		t.Errorf("reloaded %+v", got)
	}
	if err := os.MkdirAll(st.CorpusBuildDir(c.ID), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(st.CorpusBuildDir(c.ID), "summary.json"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCorpus(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{st.CorpusPath(c.ID, true), st.CorpusBuildDir(c.ID)} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still there: %v", p, err)
		}
	}
	for _, err := range []error{
		func() error { _, err := st.Corpus(ctx, c.ID); return err }(),
		func() error { _, err := st.VectorSet(ctx, 42); return err }(),
		func() error { _, err := st.Run(ctx, 42); return err }(),
		func() error { _, err := st.Job(ctx, 42); return err }(),
		st.DeleteCorpus(ctx, 42),
		st.DeleteVectorSet(ctx, 42),
	} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("err = %v, want ErrNotFound", err)
		}
	}
}

func TestRunsAndLoss(t *testing.T) {
	ctx := context.Background()
	st := open(t, t.TempDir())
	f, err := st.Stage(strings.NewReader("a b c"), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "c"}, f)
	if err != nil {
		t.Fatal(err)
	}
	r, j, err := st.CreateRun(ctx, "train", c.ID, json.RawMessage(`{"alpha": 0.75}`))
	if err != nil {
		t.Fatal(err)
	}
	if r.JobID != j.ID || j.Kind != "train" || j.Status != store.JobQueued || r.Status != store.RunRunning {
		t.Fatalf("CreateRun = %+v, %+v; want a running run linked to its queued job", r, j)
	}
	for e, cost := range []float64{0.5, 0.3, 0.2} {
		if err := st.AppendLoss(ctx, r.ID, store.LossPoint{Epoch: e + 1, Cost: cost, Seconds: float64(e)}); err != nil {
			t.Fatal(err)
		}
	}
	loss, err := st.Loss(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(loss) != 3 || loss[2].Cost != 0.2 {
		t.Errorf("loss %+v", loss)
	}
	if err := st.SetRunResults(ctx, r.ID, json.RawMessage(`{"epochs": 3}`)); err != nil {
		t.Fatal(err)
	}
	// The run's status is its job's, whatever the job goes through.
	for _, tc := range []struct {
		job  store.JobStatus
		want store.RunStatus
	}{
		{store.JobRunning, store.RunRunning}, {store.JobDone, store.RunDone}, {store.JobFailed, store.RunFailed},
		{store.JobCancelled, store.RunCancelled}, {store.JobInterrupted, store.RunInterrupted},
	} {
		j.Status = tc.job
		if tc.job.Final() {
			j.Finished = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
		}
		if err := st.SaveJob(ctx, j); err != nil {
			t.Fatal(err)
		}
		got, err := st.Run(ctx, r.ID)
		if err != nil || got.Status != tc.want || got.JobStatus != tc.job || string(got.Results) != `{"epochs": 3}` ||
			got.Finished.IsZero() == tc.job.Final() || (tc.job.Final() && !got.Finished.Equal(j.Finished)) {
			t.Errorf("job %s: run %+v, %v; want %s", tc.job, got, err, tc.want)
		}
		if byJob, err := st.RunOfJob(ctx, j.ID); err != nil || byJob.ID != r.ID || byJob.Status != tc.want {
			t.Errorf("RunOfJob(%d) = %+v, %v", j.ID, byJob, err)
		}
	}
	if _, err := st.RunOfJob(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("RunOfJob of an unknown job: %v, want ErrNotFound", err)
	}
	if err := st.SetRunResults(ctx, r.ID, json.RawMessage(`{`)); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("SetRunResults with bad JSON: %v, want ErrInvalid", err)
	}
}

func TestSchemaVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	var v int
	if err := st.DB().QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != store.SchemaVersion() {
		t.Errorf("schema version %d, want %d", v, store.SchemaVersion())
	}
	// A catalogue written by a newer build is refused, not mangled.
	if _, err := st.DB().ExecContext(ctx, `UPDATE schema_version SET version = ?`, store.SchemaVersion()+1); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := store.Open(ctx, dir); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("opening a newer catalogue: %v, want ErrInvalid", err)
	}
}

func TestOpenClearsInterruptedUploads(t *testing.T) {
	dir := t.TempDir()
	st := open(t, dir)
	stg, err := st.NewStaging(0)
	if err != nil {
		t.Fatal(err)
	}
	stg.Write([]byte("half"))
	// The process dies here: the staging file stays until the next Open.
	st.Close()
	st2 := open(t, dir)
	if n := tmpEntries(t, st2); n != 0 {
		t.Errorf("%d leftovers in tmp after Open", n)
	}
}

// A process killed between moving an upload into place and committing its
// row leaves a file nobody refers to; Open removes it and keeps the rest.
func TestOpenRemovesOrphans(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	f, err := st.Stage(strings.NewReader("kept words\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "kept"}, f)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(st.CorpusBuildDir(c.ID), 0o755); err != nil {
		t.Fatal(err)
	}
	orphans := []string{
		st.CorpusPath(c.ID+1, false), st.CorpusPath(c.ID, true), st.VectorPath(99),
		st.CorpusBuildDir(c.ID + 1), filepath.Join(dir, "runs", "7"),
	}
	for _, p := range orphans {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("orphan"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st2 := open(t, dir)
	for _, p := range orphans {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s survived Open (%v)", p, err)
		}
	}
	got, err := st2.Corpus(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(got.Path); err != nil || string(b) != "kept words\n" {
		t.Errorf("the corpus file is gone or changed: %q %v", b, err)
	}
	if _, err := os.Stat(st2.CorpusBuildDir(c.ID)); err != nil {
		t.Errorf("the corpus's build directory is gone: %v", err)
	}
}

func TestOpenLocksTheDataDirectory(t *testing.T) {
	dir := t.TempDir()
	st := open(t, dir)
	if _, err := store.Open(context.Background(), dir); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second Open: %v, want ErrLocked", err)
	}
	st.Close()
	open(t, dir) // released by Close
}

// TestMigrationKeepsOlderCatalogues opens a catalogue written at schema
// version 1 (before runs recorded their job): it must open, keep its rows,
// and from then on remember the job of a run across reopening.
func TestMigrationKeepsOlderCatalogues(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(dir, store.DBFile))+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		store.Migration(0),
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (1)`,
		`INSERT INTO corpora (name, filename, size, sha256, created) VALUES ('old', 'old.txt', 0, '', '2024-01-01T00:00:00Z')`,
		`INSERT INTO runs (corpus_id, status, created, finished) VALUES (1, 'done', '2024-01-01T00:00:00Z', '2024-01-01T00:01:00Z')`,
		`INSERT INTO jobs (kind, target_id, status, created) VALUES ('train', 1, 'done', '2024-01-01T00:00:00Z')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	st := open(t, dir)
	var v int
	if err := st.DB().QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&v); err != nil || v != store.SchemaVersion() {
		t.Fatalf("schema version %d (%v), want %d", v, err, store.SchemaVersion())
	}
	r, err := st.Run(ctx, 1)
	if err != nil || r.Status != store.RunDone || r.CorpusID != 1 || r.JobID != 0 {
		t.Fatalf("run recorded at version 1: %+v, %v; want done on corpus 1 without a job", r, err)
	}
	if n, err := st.InterruptUnlinkedRuns(ctx); err != nil || n != 0 {
		t.Errorf("InterruptUnlinkedRuns = %d, %v; want 0 (the old run is done)", n, err)
	}
	if _, err := st.DB().ExecContext(ctx, `UPDATE runs SET job_id = 1 WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = open(t, dir)
	if r, err := st.Run(ctx, 1); err != nil || r.JobID != 1 {
		t.Errorf("after reopening, run 1 has job %d (%v), want 1", r.JobID, err)
	}
	if rs, err := st.Runs(ctx); err != nil || len(rs) != 1 || rs[0].JobID != 1 {
		t.Errorf("Runs after reopening: %+v, %v", rs, err)
	}
	var fk int
	if err := st.DB().QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk); err != nil || fk != 0 {
		t.Errorf("foreign key check: %d violations (%v)", fk, err)
	}
}

// TestOpenPathWithURICharacters: data directories whose names hold the
// characters of an SQLite URI ('#', '?', '%') each get their own
// catalogue inside them (a '#' once cut the path short, so "a#1" and
// "a#2" shared a file "a" beside them).
func TestOpenPathWithURICharacters(t *testing.T) {
	parent := t.TempDir()
	for i, name := range []string{"a#1", "a#2", "b?x=1", "c%41"} {
		dir := filepath.Join(parent, name)
		st, err := store.Open(context.Background(), dir)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for range i + 1 {
			if _, err := st.CreateJob(context.Background(), "test", 0); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		js, err := st.Jobs(context.Background(), 100)
		if err != nil || len(js) != i+1 {
			t.Errorf("%s: %d jobs (%v), want its own %d", name, len(js), err, i+1)
		}
		st.Close()
		if _, err := os.Stat(filepath.Join(dir, store.DBFile)); err != nil {
			t.Errorf("%s: no catalogue inside the directory: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("parent holds %v, want only the four data directories", names)
	}
}
