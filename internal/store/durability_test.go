package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
)

// TestCatalogueSyncsEveryCommit checks the catalogue's settings: WAL mode
// with synchronous FULL, so that a commit that has returned survives a
// power cut (NORMAL may lose the last ones).
func TestCatalogueSyncsEveryCommit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// On a first start the new catalogue file's directory entry is synced.
	var synced bool
	st, err := store.OpenWith(ctx, dir, store.Options{Syncer: durable.Syncer{Observe: func(path string) {
		if _, err := os.Stat(filepath.Join(path, store.DBFile)); err == nil && path == dir {
			synced = true
		}
	}}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if !synced {
		t.Errorf("%s was not synced once it held %s", dir, store.DBFile)
	}
	// All writes go through one connection: WAL, synchronous FULL.
	var mode string
	var sync int
	if err := st.DB().QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if err := st.DB().QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" || sync != 2 {
		t.Errorf("writer: journal_mode %s, synchronous %d; want wal and 2 (FULL)", mode, sync)
	}
	if got := st.DB().Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer pool allows %d connections, want 1", got)
	}
	// Hold several reader connections at once so that the pool opens more
	// than one: each reads the WAL database and none may write.
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range 3 {
		conn, err := st.ReaderDB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
		var mode string
		var queryOnly int
		if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA query_only`).Scan(&queryOnly); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || queryOnly != 1 {
			t.Errorf("reader %d: journal_mode %s, query_only %d; want wal and 1", i, mode, queryOnly)
		}
	}
}

// TestPublishedFilesAreDurableBeforeCommit follows an upload and a vector
// set through AddCorpus and AddVectorSet: the staged file must be synced
// before it is moved, and the directory that receives it synced after the
// move and before the row that refers to it is committed. Otherwise a power
// cut could leave a committed row whose file is missing or empty.
func TestPublishedFilesAreDurableBeforeCommit(t *testing.T) {
	ctx := context.Background()
	st := open(t, t.TempDir())
	type seen struct {
		path    string
		present []string // entries of the directory synced
		rows    int      // committed rows of the table concerned
	}
	var (
		mu    sync.Mutex
		syncs []seen
		table string
	)
	st.SetSyncer(durable.Syncer{Observe: func(path string) {
		var s seen
		s.path = path
		if es, err := os.ReadDir(path); err == nil {
			for _, e := range es {
				s.present = append(s.present, e.Name())
			}
		}
		// Another connection sees only committed rows.
		if err := st.ReaderDB().QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&s.rows); err != nil {
			t.Errorf("counting %s: %v", table, err)
		}
		mu.Lock()
		syncs = append(syncs, s)
		mu.Unlock()
	}})

	for _, tc := range []struct {
		table string
		add   func(*store.Staged) (string, error)
	}{
		{"corpora", func(f *store.Staged) (string, error) {
			c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "durable"}, f)
			return c.Path, err
		}},
		{"vector_sets", func(f *store.Staged) (string, error) {
			v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: "durable", Count: 1, Dim: 2}, f)
			return v.Path, err
		}},
	} {
		table = tc.table
		syncs = nil
		f, err := st.Stage(strings.NewReader("word 0.5 0.25\n"), 0)
		if err != nil {
			t.Fatal(err)
		}
		path, err := tc.add(f)
		if err != nil {
			t.Fatal(err)
		}
		if len(syncs) != 2 {
			t.Fatalf("%s: syncs %+v; want the staged file, then the directory it was moved to", tc.table, syncs)
		}
		if file := syncs[0]; filepath.Dir(file.path) != filepath.Join(st.Dir(), "tmp") || file.rows != 0 {
			t.Errorf("%s: first sync %+v; want the staged file in tmp, before the commit", tc.table, file)
		}
		dir := syncs[1]
		if dir.path != filepath.Dir(path) || !slices.Contains(dir.present, filepath.Base(path)) {
			t.Errorf("%s: second sync %+v; want %s with %s already in it", tc.table, dir, filepath.Dir(path), filepath.Base(path))
		}
		if dir.rows != 0 {
			t.Errorf("%s: the row was committed before its file's directory was synced", tc.table)
		}
	}
}

// TestRunDirIsDurable checks that a new run directory's entry is synced,
// so that the artefacts written into it are reachable after a power cut.
func TestRunDirIsDurable(t *testing.T) {
	st := open(t, t.TempDir())
	var synced []string
	st.SetSyncer(durable.Syncer{Observe: func(path string) {
		if _, err := os.Stat(filepath.Join(path, "5")); err == nil {
			synced = append(synced, path)
		}
	}})
	d, err := st.RunDir(5)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Dir(d); len(synced) != 1 || synced[0] != want {
		t.Errorf("synced %v with the run directory in place, want [%s]", synced, want)
	}
}
