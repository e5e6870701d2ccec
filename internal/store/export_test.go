package store

import (
	"database/sql"

	"github.com/gloveboard/gloveboard/internal/durable"
)

// DB exposes the writer connection to the tests.
func (s *Store) DB() *sql.DB { return s.w }

// ReaderDB exposes the pool of read-only connections to the tests.
func (s *Store) ReaderDB() *sql.DB { return s.db }

// Migration returns the SQL of migration i (0-based).
func Migration(i int) string { return migrations[i] }

// SetSyncer replaces the store's Syncer (to observe syncs once the store
// is open). Call it before the store is used concurrently; files being
// staged keep the Syncer they started with.
func (s *Store) SetSyncer(sy durable.Syncer) { s.syncer = sy }
