package store

import "database/sql"

// DB exposes the database handle to the tests.
func (s *Store) DB() *sql.DB { return s.db }

// Migration returns the SQL of migration i (0-based).
func Migration(i int) string { return migrations[i] }
