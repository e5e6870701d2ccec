package store

import (
	"fmt"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/durable"
)

// IsDiskFull reports whether err says the data directory's file system is
// full, over quota or read-only (durable.IsDiskFull: ENOSPC, EDQUOT,
// EROFS, SQLite's SQLITE_FULL), anywhere in its chain.
func IsDiskFull(err error) bool { return durable.IsDiskFull(err) }

// DiskFullError returns err as an *apperr.Error of code apperr.DiskFull
// whose message says how much space the data directory has left ("the
// data directory's disk is full: N MiB free") when err is a disk-full
// error, and err unchanged otherwise (also when it already carries that
// code). It is the one place such errors get their message: the web
// layer's error table and the job manager's failure messages both use it.
func (s *Store) DiskFullError(err error) error {
	if !IsDiskFull(err) || apperr.CodeOf(err) == apperr.DiskFull {
		return err
	}
	return apperr.Wrap(err, apperr.DiskFull, s.diskFullMessage())
}

// diskFullMessage says so, with the space left on the data directory's
// file system when statfs can tell (a read-only file system may show
// plenty free).
func (s *Store) diskFullMessage() string {
	const msg = "The data directory's disk is full"
	free, err := durable.FreeBytes(s.dir)
	if err != nil {
		return msg + ". Free some space (delete corpora, vector sets or runs you no longer need) and try again."
	}
	return fmt.Sprintf("%s: %d MiB free. Free some space (delete corpora, vector sets or runs you no longer need) and try again; if space is free, the disk may be read-only or over its quota.", msg, free>>20)
}
