// Package durable publishes files in the data directory so that they
// survive a power cut, not only a crash of the process.
//
// A file placed by rename is safe from a crash of the process as soon as
// the rename returns, but after a power cut the file system may come back
// without the new directory entry (or, if the file's own bytes were never
// flushed, with an empty or partial file under the new name). The rule here
// is the classic one: fsync the file before the rename (SyncFile), then
// fsync the directory that received the new name (Rename, SyncDir);
// WriteFile does both. A catalogue row that refers to the file must be
// committed only after the directory has been synced.
package durable

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
)

// observer, when set, is called with every file or directory this package
// is about to sync (see ObserveSyncs).
var observer atomic.Pointer[func(path string)]

// ObserveSyncs makes every later sync by this package call fn(path) just
// before the file or directory at path is synced, until the returned
// function is called. It is meant for tests that check what is already in
// place, and in what order, when something is made durable; the sync
// itself happens as usual. One observer at a time.
func ObserveSyncs(fn func(path string)) (stop func()) {
	observer.Store(&fn)
	return func() { observer.CompareAndSwap(&fn, nil) }
}

func observe(path string) {
	if fn := observer.Load(); fn != nil {
		(*fn)(path)
	}
}

// SyncFile flushes f's contents to stable storage.
func SyncFile(f *os.File) error {
	observe(f.Name())
	return f.Sync()
}

// SyncDir makes the entries of dir (files created, renamed into or removed
// from it) durable.
func SyncDir(dir string) error {
	observe(dir)
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("syncing directory %s: %w", dir, err)
	}
	return nil
}

// Rename renames oldpath to newpath and syncs newpath's directory, so that
// the file is found under its new name after a power cut once Rename has
// returned. The caller must have synced the file's contents before.
func Rename(oldpath, newpath string) error {
	if err := os.Rename(oldpath, newpath); err != nil {
		return err
	}
	return SyncDir(filepath.Dir(newpath))
}

// MkdirAll is os.MkdirAll that also syncs the parent of every directory it
// creates, so that files later published inside are reachable after a power
// cut.
func MkdirAll(dir string, perm fs.FileMode) error {
	dir = filepath.Clean(dir)
	var created []string // missing directories, deepest first
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil {
			break
		} else if !errors.Is(err, fs.ErrNotExist) {
			break // let MkdirAll report it
		}
		created = append(created, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if err := os.MkdirAll(dir, perm); err != nil {
		return err
	}
	for i := len(created) - 1; i >= 0; i-- {
		if err := SyncDir(filepath.Dir(created[i])); err != nil {
			return err
		}
	}
	return nil
}

// WriteFile writes path through a temporary file in the same directory:
// write fills it, it is synced, given perm and renamed to path, and the
// directory is synced. Readers see the old file or the complete new one,
// and after a power cut the new one is there in full once WriteFile has
// returned. An error before the rename leaves the old file (if any) alone
// and no temporary file behind.
func WriteFile(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := SyncFile(tmp); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return Rename(tmp.Name(), path)
}
