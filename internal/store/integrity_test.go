package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
)

func TestIntegrityCheck(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st := open(t, dir)
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Fatalf("fresh catalogue: %v", err)
	}

	// An index that no longer matches its table: the table holds x and y
	// with different values, and the schema is rewritten to claim that the
	// index (built on x) is on y. SQLite then finds rows missing from the
	// index, which is what a torn write of an index page would look like.
	conn, err := st.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE probe (x INTEGER, y INTEGER)`,
		`INSERT INTO probe (x, y) VALUES (1, 101), (2, 102), (3, 103)`,
		`CREATE INDEX probe_x ON probe(x)`,
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = 'CREATE INDEX probe_x ON probe(y)' WHERE name = 'probe_x'`,
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	conn.Close()
	st.Close()

	// Reopen so that every connection reads the altered schema.
	st2 := open(t, dir)
	err = st2.IntegrityCheck(ctx)
	if !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("damaged index: %v, want ErrCorrupt", err)
	}
	t.Logf("reported: %v", err)
}

func TestIntegrityCheckForeignKeys(t *testing.T) {
	ctx := context.Background()
	st := open(t, t.TempDir())
	// A loss point of a run that does not exist, written with the
	// foreign key checks switched off on one connection.
	conn, err := st.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{
		`PRAGMA foreign_keys = OFF`,
		`INSERT INTO run_loss (run_id, epoch, cost, seconds) VALUES (999, 1, 0.5, 1)`,
		`PRAGMA foreign_keys = ON`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := st.IntegrityCheck(ctx); !errors.Is(err, store.ErrCorrupt) {
		t.Fatalf("dangling loss point: %v, want ErrCorrupt", err)
	}
}
