package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// resultOwners adds a vector set and a corpus to st.
func resultOwners(t *testing.T, st *store.Store) (store.VectorSet, store.Corpus) {
	t.Helper()
	ctx := context.Background()
	f, err := st.Stage(strings.NewReader("word 0.5 0.25\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: "vectors", Count: 1, Dim: 2}, f)
	if err != nil {
		t.Fatal(err)
	}
	if f, err = st.Stage(strings.NewReader("some words\n"), 0); err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "corpus"}, f)
	if err != nil {
		t.Fatal(err)
	}
	return v, c
}

func newJob(t *testing.T, st *store.Store, kind string, target int64) int64 {
	t.Helper()
	j, err := st.CreateJob(context.Background(), kind, target)
	if err != nil {
		t.Fatal(err)
	}
	return j.ID
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// TestJobResults saves results for a vector set and a corpus, reads them
// back (also after reopening), refuses bad saves, reports missing and
// damaged results, and deletes results with what they belong to.
func TestJobResults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	v, c := resultOwners(t, st)
	mapJob := newJob(t, st, "tsne", v.ID)
	mapJob2 := newJob(t, st, "tsne", v.ID)
	specJob := newJob(t, st, "corpus-spectrum", c.ID)
	data := map[int64][]byte{
		mapJob:  []byte(`{"points":[0.1,-2.5e-300]}`),
		mapJob2: []byte(`{"points":[1,2]}`),
		specJob: []byte(`{"singular_values":[3.25,1]}`),
	}
	for _, r := range []store.NewJobResult{{JobID: mapJob, VectorSetID: v.ID}, {JobID: mapJob2, VectorSetID: v.ID}, {JobID: specJob, CorpusID: c.ID}} {
		if err := st.SaveJobResult(ctx, r, data[r.JobID]); err != nil {
			t.Fatalf("saving %+v: %v", r, err)
		}
		markDone(t, st, r.JobID) // as the job manager does once the result is saved
	}
	if n := tmpEntries(t, st); n != 0 {
		t.Errorf("%d files left in tmp", n)
	}

	t.Run("round trip", func(t *testing.T) {
		for job, want := range data {
			if got, err := st.JobResult(ctx, job); err != nil || !bytes.Equal(got, want) {
				t.Errorf("JobResult(%d) = %q, %v; want %q", job, got, err, want)
			}
			if got, err := os.ReadFile(st.ResultPath(job)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s holds %q (%v), want %q", st.ResultPath(job), got, err, want)
			}
		}
	})

	t.Run("listed by owner", func(t *testing.T) {
		listed := func(rs []store.SavedResult) []int64 {
			var ids []int64
			for _, r := range rs {
				if r.Size != int64(len(data[r.JobID])) || r.Created.IsZero() {
					t.Errorf("listed %+v: want size %d and a creation time", r, len(data[r.JobID]))
				}
				ids = append(ids, r.JobID)
			}
			return ids
		}
		vs, err := st.VectorSetResults(ctx, v.ID)
		if got, want := listed(vs), []int64{mapJob2, mapJob}; err != nil || !slices.Equal(got, want) {
			t.Errorf("VectorSetResults = %v, %v; want %v (newest first)", got, err, want)
		}
		cs, err := st.CorpusResults(ctx, c.ID)
		if got, want := listed(cs), []int64{specJob}; err != nil || !slices.Equal(got, want) {
			t.Errorf("CorpusResults = %v, %v; want %v", got, err, want)
		}
		if none, err := st.VectorSetResults(ctx, 9999); err != nil || len(none) != 0 {
			t.Errorf("results of an unknown vector set: %v, %v", none, err)
		}
	})

	t.Run("refused", func(t *testing.T) {
		other := newJob(t, st, "tsne", v.ID)
		tests := []struct {
			name string
			r    store.NewJobResult
			data []byte
			want error
		}{
			{"saved twice", store.NewJobResult{JobID: mapJob, VectorSetID: v.ID}, []byte("{}"), store.ErrInvalid},
			{"no owner", store.NewJobResult{JobID: other}, []byte("{}"), store.ErrInvalid},
			{"two owners", store.NewJobResult{JobID: other, VectorSetID: v.ID, CorpusID: c.ID}, []byte("{}"), store.ErrInvalid},
			{"empty", store.NewJobResult{JobID: other, VectorSetID: v.ID}, nil, store.ErrInvalid},
			{"unknown job", store.NewJobResult{JobID: 9999, VectorSetID: v.ID}, []byte("{}"), store.ErrNotFound},
			{"unknown vector set", store.NewJobResult{JobID: other, VectorSetID: 9999}, []byte("{}"), store.ErrNotFound},
			{"unknown corpus", store.NewJobResult{JobID: other, CorpusID: 9999}, []byte("{}"), store.ErrNotFound},
		}
		for _, tc := range tests {
			if err := st.SaveJobResult(ctx, tc.r, tc.data); !errors.Is(err, tc.want) {
				t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
			}
		}
		if got, err := st.JobResult(ctx, mapJob); err != nil || !bytes.Equal(got, data[mapJob]) {
			t.Errorf("after a refused second save, JobResult(%d) = %q, %v", mapJob, got, err)
		}
		if _, err := st.JobResult(ctx, other); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("JobResult of a job whose saves were refused: %v, want ErrNotFound", err)
		}
		if exists(st.ResultPath(other)) {
			t.Errorf("a refused save left %s", st.ResultPath(other))
		}
		if n := tmpEntries(t, st); n != 0 {
			t.Errorf("%d files left in tmp", n)
		}
	})

	t.Run("not found", func(t *testing.T) {
		for _, job := range []int64{9999, newJob(t, st, "tsne", v.ID)} {
			if got, err := st.JobResult(ctx, job); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("JobResult(%d) = %q, %v; want ErrNotFound", job, got, err)
			}
		}
	})

	// Reopened (the cleanup of the first open is registered on t, so
	// reopen here rather than in a subtest).
	st.Close()
	st = open(t, dir)
	for job, want := range data {
		if got, err := st.JobResult(ctx, job); err != nil || !bytes.Equal(got, want) {
			t.Errorf("after reopening, JobResult(%d) = %q, %v; want %q", job, got, err, want)
		}
	}

	t.Run("damaged", func(t *testing.T) {
		path := st.ResultPath(mapJob2)
		for _, damage := range []struct {
			name string
			do   func() error
		}{
			{"changed", func() error { return os.WriteFile(path, []byte(`{"points":[1,3]}`), 0o644) }},
			{"truncated", func() error { return os.WriteFile(path, []byte(`{"points":[1,`), 0o644) }},
			{"missing", func() error { return os.Remove(path) }},
		} {
			if err := damage.do(); err != nil {
				t.Fatal(err)
			}
			if got, err := st.JobResult(ctx, mapJob2); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("%s file: %q, %v; want ErrDamaged", damage.name, got, err)
			}
		}
	})

	t.Run("deleted with the vector set", func(t *testing.T) {
		if err := st.DeleteVectorSet(ctx, v.ID); err != nil {
			t.Fatal(err)
		}
		for _, job := range []int64{mapJob, mapJob2} {
			if _, err := st.JobResult(ctx, job); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("JobResult(%d) after deleting its vector set: %v, want ErrNotFound", job, err)
			}
			if exists(st.ResultPath(job)) {
				t.Errorf("%s survived deleting its vector set", st.ResultPath(job))
			}
		}
		if got, err := st.JobResult(ctx, specJob); err != nil || !bytes.Equal(got, data[specJob]) {
			t.Errorf("the corpus's result after deleting the vector set: %q, %v", got, err)
		}
		if rs, err := st.VectorSetResults(ctx, v.ID); err != nil || len(rs) != 0 {
			t.Errorf("results listed after deleting their vector set: %v, %v", rs, err)
		}
	})

	t.Run("deleted with the corpus", func(t *testing.T) {
		if err := st.DeleteCorpus(ctx, c.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := st.JobResult(ctx, specJob); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("JobResult(%d) after deleting its corpus: %v, want ErrNotFound", specJob, err)
		}
		if exists(st.ResultPath(specJob)) {
			t.Errorf("%s survived deleting its corpus", st.ResultPath(specJob))
		}
		var rows int
		if err := st.DB().QueryRowContext(ctx, `SELECT count(*) FROM job_results`).Scan(&rows); err != nil || rows != 0 {
			t.Errorf("%d result rows left (%v)", rows, err)
		}
		if err := st.IntegrityCheck(ctx); err != nil {
			t.Error(err)
		}
	})
}

// TestOpenRemovesOrphanResults: a result file no row refers to (a process
// killed between moving it into place and committing its row, or a
// deletion whose files were not all removed) goes at the next Open; the
// others stay.
func TestOpenRemovesOrphanResults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	v, _ := resultOwners(t, st)
	job := newJob(t, st, "tsne", v.ID)
	if err := st.SaveJobResult(ctx, store.NewJobResult{JobID: job, VectorSetID: v.ID}, []byte("kept")); err != nil {
		t.Fatal(err)
	}
	markDone(t, st, job)
	// A job killed after saving its result but before it was marked done.
	killed := newJob(t, st, "tsne", v.ID)
	if err := st.SaveJobResult(ctx, store.NewJobResult{JobID: killed, VectorSetID: v.ID}, []byte("never served")); err != nil {
		t.Fatal(err)
	}
	orphans := []string{st.ResultPath(killed + 1), st.ResultPath(999), filepath.Join(dir, "results", "stray.tmp"), st.ResultPath(killed)}
	for _, p := range orphans {
		if err := os.WriteFile(p, []byte("orphan"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	st = open(t, dir)
	for _, p := range orphans {
		if exists(p) {
			t.Errorf("%s survived Open", p)
		}
	}
	if got, err := st.JobResult(ctx, job); err != nil || string(got) != "kept" {
		t.Errorf("the saved result after Open: %q, %v", got, err)
	}
	if _, err := st.JobResult(ctx, killed); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the result of the job that never finished after Open: err = %v, want ErrNotFound", err)
	}
}

// markDone records job id as done, as the job manager does.
func markDone(t *testing.T, st *store.Store, id int64) {
	t.Helper()
	j, err := st.Job(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	j.Status = store.JobDone
	if err := st.SaveJob(context.Background(), j); err != nil {
		t.Fatal(err)
	}
}

// TestJobResultIsDurableBeforeCommit: the result is synced in tmp, moved
// to results/ and that directory synced, all before its row is committed.
func TestJobResultIsDurableBeforeCommit(t *testing.T) {
	ctx := context.Background()
	st := open(t, t.TempDir())
	v, _ := resultOwners(t, st)
	job := newJob(t, st, "tsne", v.ID)
	type seen struct {
		path    string
		present []string
		rows    int
	}
	var (
		mu    sync.Mutex
		syncs []seen
	)
	st.SetSyncer(durable.Syncer{Observe: func(path string) {
		s := seen{path: path}
		if es, err := os.ReadDir(path); err == nil {
			for _, e := range es {
				s.present = append(s.present, e.Name())
			}
		}
		if err := st.ReaderDB().QueryRowContext(ctx, `SELECT count(*) FROM job_results`).Scan(&s.rows); err != nil {
			t.Errorf("counting results: %v", err)
		}
		mu.Lock()
		syncs = append(syncs, s)
		mu.Unlock()
	}})
	if err := st.SaveJobResult(ctx, store.NewJobResult{JobID: job, VectorSetID: v.ID}, []byte(`{"x":1}`)); err != nil {
		t.Fatal(err)
	}
	path := st.ResultPath(job)
	if len(syncs) != 2 {
		t.Fatalf("syncs %+v; want the staged file, then results/", syncs)
	}
	if f := syncs[0]; filepath.Dir(f.path) != filepath.Join(st.Dir(), "tmp") || f.rows != 0 {
		t.Errorf("first sync %+v; want the staged file in tmp, before the commit", f)
	}
	if d := syncs[1]; d.path != filepath.Dir(path) || !slices.Contains(d.present, filepath.Base(path)) || d.rows != 0 {
		t.Errorf("second sync %+v; want %s holding %s, before the commit", d, filepath.Dir(path), filepath.Base(path))
	}
}

// TestJobResultsOnOlderCatalogue opens a catalogue at schema version 2
// (before results were saved): it opens, gains the results table and
// folder, and keeps results from then on.
func TestJobResultsOnOlderCatalogue(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(filepath.Join(dir, store.DBFile))+"?_pragma=journal_mode(WAL)")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		store.Migration(0),
		store.Migration(1),
		`CREATE TABLE schema_version (version INTEGER NOT NULL)`,
		`INSERT INTO schema_version (version) VALUES (2)`,
		`INSERT INTO corpora (name, filename, size, sha256, created) VALUES ('old', 'old.txt', 0, '', '2024-01-01T00:00:00Z')`,
		`INSERT INTO jobs (kind, target_id, status, created) VALUES ('corpus-spectrum', 1, 'done', '2024-01-01T00:00:00Z')`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	st := open(t, dir)
	if _, err := st.JobResult(ctx, 1); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a job finished before results were saved: %v, want ErrNotFound", err)
	}
	if err := st.SaveJobResult(ctx, store.NewJobResult{JobID: 1, CorpusID: 1}, []byte("[1.5]")); err != nil {
		t.Fatal(err)
	}
	st.Close()
	st = open(t, dir)
	if got, err := st.JobResult(ctx, 1); err != nil || string(got) != "[1.5]" {
		t.Errorf("after reopening: %q, %v", got, err)
	}
}
