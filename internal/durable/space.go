package durable

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
)

// IsDiskFull reports whether err says that the file system holding the
// data cannot take more bytes: no space left (ENOSPC), the user's quota
// exhausted (EDQUOT), a file system mounted or remounted read-only
// (EROFS), or SQLite's SQLITE_FULL ("database or disk is full", which its
// drivers report with Code() 13, extended codes keeping 13 in the low
// byte). Callers turn such an error into one message (see FreeBytes)
// instead of a generic failure.
func IsDiskFull(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EROFS) {
		return true
	}
	var coded interface{ Code() int }
	return errors.As(err, &coded) && coded.Code()&0xff == sqliteFull
}

// sqliteFull is SQLite's primary result code SQLITE_FULL.
const sqliteFull = 13

// Space stands for the free space of a file system in tests: every byte
// written through a Syncer whose Space is set takes from it, and once it
// is used up writes fail with ENOSPC (a short write first when a write
// does not fit whole), as on a full disk. It is safe for concurrent use.
// A nil *Space is an unlimited disk.
type Space struct {
	mu   sync.Mutex
	left int64
}

// NewSpace returns a Space of n bytes.
func NewSpace(n int64) *Space { return &Space{left: n} }

// Left returns the bytes still free.
func (sp *Space) Left() int64 {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	return sp.left
}

// Set makes n bytes free (a test that fills the disk at a chosen step).
func (sp *Space) Set(n int64) {
	sp.mu.Lock()
	sp.left = n
	sp.mu.Unlock()
}

// take reserves up to n bytes and returns how many it got.
func (sp *Space) take(n int) int {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	k := int(min(int64(n), max(sp.left, 0)))
	sp.left -= int64(k)
	return k
}

// Writer returns what to write f's bytes through: f itself, or, when
// s.Space is set, a writer that takes every byte from it and fails with
// an *fs.PathError wrapping ENOSPC when it runs out. Every file the data
// directory's owners write (staged uploads, build artefacts, run
// artefacts, saved results) goes through it, so a test can fill the disk
// at any byte.
func (s Syncer) Writer(f *os.File) io.Writer {
	if s.Space == nil {
		return f
	}
	return &spaceWriter{f: f, space: s.Space}
}

type spaceWriter struct {
	f     *os.File
	space *Space
}

func (w *spaceWriter) Write(p []byte) (int, error) {
	k := w.space.take(len(p))
	n, err := w.f.Write(p[:k])
	if err == nil && k < len(p) {
		err = &fs.PathError{Op: "write", Path: w.f.Name(), Err: syscall.ENOSPC}
	}
	return n, err
}
