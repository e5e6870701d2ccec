package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// wantDiskFullError checks that err is a disk-full error and that the
// store gives it the one message and code.
func wantDiskFullError(t *testing.T, st *store.Store, what string, err error) {
	t.Helper()
	if !store.IsDiskFull(err) {
		t.Fatalf("%s on a full disk: %v, want a disk-full error", what, err)
	}
	e := st.DiskFullError(err)
	if apperr.CodeOf(e) != apperr.DiskFull {
		t.Errorf("%s: code %v, want %v", what, apperr.CodeOf(e), apperr.DiskFull)
	}
	msg, _ := apperr.MessageOf(e)
	if !strings.HasPrefix(msg, "The data directory's disk is full: ") || !strings.Contains(msg, " MiB free") {
		t.Errorf("%s: message %q", what, msg)
	}
	if again := st.DiskFullError(e); again != e {
		t.Errorf("%s: DiskFullError is not idempotent", what)
	}
}

func TestStageOnFullDiskLeavesNoFile(t *testing.T) {
	st := open(t, t.TempDir())
	st.SetSyncer(durable.Syncer{Space: durable.NewSpace(1000)})
	_, err := st.Stage(bytes.NewReader(make([]byte, 5000)), 0)
	wantDiskFullError(t, st, "Stage", err)
	if n := tmpEntries(t, st); n != 0 {
		t.Errorf("a failed staging left %d files in tmp", n)
	}
	if err := st.DiskFullError(os.ErrNotExist); err != os.ErrNotExist {
		t.Errorf("DiskFullError changed an unrelated error: %v", err)
	}
}

func TestSaveJobResultOnFullDiskLeavesNothing(t *testing.T) {
	st := open(t, t.TempDir())
	ctx := context.Background()
	f, err := st.Stage(strings.NewReader("a 1 2\nb 3 4\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: "v", Source: store.SourceUpload, Count: 2, Dim: 2}, f)
	if err != nil {
		t.Fatal(err)
	}
	j, err := st.CreateJob(ctx, "tsne", v.ID)
	if err != nil {
		t.Fatal(err)
	}
	st.SetSyncer(durable.Syncer{Space: durable.NewSpace(8)})
	err = st.SaveJobResult(ctx, store.NewJobResult{JobID: j.ID, VectorSetID: v.ID}, []byte(`{"points":[[1,2],[3,4]]}`))
	wantDiskFullError(t, st, "SaveJobResult", err)
	if _, err := os.Stat(st.ResultPath(j.ID)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("result file after a failed save: %v", err)
	}
	if _, err := st.JobResult(ctx, j.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("result row after a failed save: %v", err)
	}
	if n := tmpEntries(t, st); n != 0 {
		t.Errorf("a failed save left %d files in tmp", n)
	}
}

// TestDeleteOnFullDatabase makes SQLite itself run out of room during a
// delete (a temporary trigger grows the database past max_page_count, so
// the DELETE fails with SQLITE_FULL, "database or disk is full", as on a
// full disk): the error is a disk-full one and the corpus, row and file,
// is still there whole.
func TestDeleteOnFullDatabase(t *testing.T) {
	st := open(t, t.TempDir())
	ctx := context.Background()
	f, err := st.Stage(strings.NewReader("some corpus text\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "c"}, f)
	if err != nil {
		t.Fatal(err)
	}
	db := st.DB() // the one writer connection: the temporary trigger lives on it
	var pages int64
	for _, q := range []string{
		`CREATE TABLE filler (b BLOB)`,
		`CREATE TEMP TRIGGER fill BEFORE DELETE ON main.corpora BEGIN INSERT INTO filler VALUES (zeroblob(4000000)); END`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, fmt.Sprintf("PRAGMA max_page_count = %d", pages+2)); err != nil {
		t.Fatal(err)
	}
	err = st.DeleteCorpus(ctx, c.ID)
	wantDiskFullError(t, st, "DeleteCorpus", err)
	if _, err := st.Corpus(ctx, c.ID); err != nil {
		t.Errorf("corpus row after a failed delete: %v", err)
	}
	if _, err := os.Stat(c.Path); err != nil {
		t.Errorf("corpus file after a failed delete: %v", err)
	}
}
