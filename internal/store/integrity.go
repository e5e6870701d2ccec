package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// ErrCorrupt means the catalogue database failed SQLite's consistency
// checks (PRAGMA integrity_check or PRAGMA foreign_key_check).
var ErrCorrupt = errors.New("catalogue database is corrupt")

// maxIntegrityProblems caps how many problems IntegrityCheck quotes.
const maxIntegrityProblems = 10

// IntegrityCheck runs SQLite's PRAGMA integrity_check and PRAGMA
// foreign_key_check on the catalogue. It returns nil when the first answers
// "ok" and the second finds no dangling reference, an error wrapping
// ErrCorrupt that quotes the first problems otherwise, and the database's
// own error when the checks cannot run. It reads the whole database, so it
// is meant for tests and maintenance, not for every request.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.db.QueryContext(ctx, `PRAGMA integrity_check(`+fmt.Sprint(maxIntegrityProblems)+`)`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: %w", err)
		}
		problems = append(problems, line)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return fmt.Errorf("%w: integrity_check: %s", ErrCorrupt, strings.Join(problems, "; "))
	}

	rows, err = s.db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	problems = problems[:0]
	for rows.Next() {
		// table, rowid (NULL for WITHOUT ROWID tables), parent table, fk index
		var table, parent string
		var rowid, fk any
		if err := rows.Scan(&table, &rowid, &parent, &fk); err != nil {
			return fmt.Errorf("foreign key check: %w", err)
		}
		if len(problems) < maxIntegrityProblems {
			problems = append(problems, fmt.Sprintf("%s row %v refers to a missing %s", table, rowid, parent))
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("foreign key check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: foreign_key_check: %s", ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}
