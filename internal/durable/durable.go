// Package durable publishes files in the data directory so that they
// survive a power cut, not only a crash of the process.
//
// A file placed by rename is safe from a crash of the process as soon as
// the rename returns, but after a power cut the file system may come back
// without the new directory entry (or, if the file's own bytes were never
// flushed, with an empty or partial file under the new name). The rule here
// is the classic one: fsync the file before the rename (Syncer.SyncFile),
// then fsync the directory that received the new name (Syncer.Rename,
// Syncer.SyncDir); Syncer.WriteFile does both. A catalogue row that refers
// to the file must be committed only after the directory has been synced.
package durable

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Syncer makes files and directories durable. Its zero value just syncs;
// a Syncer is a plain value, safe to copy and to use from several
// goroutines at once (as long as Observe is).
type Syncer struct {
	// Observe, if not nil, is called with every file or directory about
	// to be synced, just before the sync, which then happens as usual. It
	// is meant for tests that check what is already in place, and in
	// what order, when something is made durable. It may be called from
	// several goroutines at once.
	Observe func(path string)
	// Space, if not nil, is the free space of a simulated disk: the
	// bytes of every file written through Writer (and so WriteFile) take
	// from it, and writes fail with ENOSPC once it is used up. Tests set
	// it; nil writes to the real disk only.
	Space *Space
}

func (s Syncer) observe(path string) {
	if s.Observe != nil {
		s.Observe(path)
	}
}

// SyncFile flushes f's contents to stable storage.
func (s Syncer) SyncFile(f *os.File) error {
	s.observe(f.Name())
	return f.Sync()
}

// SyncDir makes the entries of dir (files created, renamed into or removed
// from it) durable.
func (s Syncer) SyncDir(dir string) error {
	s.observe(dir)
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("syncing directory %s: %w", dir, err)
	}
	return nil
}

// Rename renames oldpath to newpath and syncs newpath's directory, so that
// the file is found under its new name after a power cut once Rename has
// returned. The caller must have synced the file's contents before.
func (s Syncer) Rename(oldpath, newpath string) error {
	if err := os.Rename(oldpath, newpath); err != nil {
		return err
	}
	return s.SyncDir(filepath.Dir(newpath))
}

// MkdirAll is os.MkdirAll that also syncs the parent of every directory it
// creates, so that files later published inside are reachable after a power
// cut.
func (s Syncer) MkdirAll(dir string, perm fs.FileMode) error {
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
		if err := s.SyncDir(filepath.Dir(created[i])); err != nil {
			return err
		}
	}
	return nil
}

// TempPrefix begins the name of every temporary file WriteFile creates
// next to its target. A process killed between creating one and renaming
// it leaves it behind; RemoveTemps finds such files by this prefix, which
// no published file has.
const TempPrefix = ".tmp-"

// RemoveTemps removes from dir the temporary files of WriteFile calls that
// never finished, and nothing else. It must not run while a WriteFile into
// dir may be under way (the owner of a data directory calls it at start).
// The removals are not synced: a file that comes back after a power cut
// is removed by the next call.
func RemoveTemps(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), TempPrefix) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// WriteFile writes path through a temporary file in the same directory:
// write fills it, it is synced, given perm and renamed to path, and the
// directory is synced. Readers see the old file or the complete new one,
// and after a power cut the new one is there in full once WriteFile has
// returned. An error before the rename leaves the old file (if any) alone
// and no temporary file behind.
func (s Syncer) WriteFile(path string, perm fs.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), TempPrefix+"*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(s.Writer(tmp)); err != nil {
		return err
	}
	if err := s.SyncFile(tmp); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return s.Rename(tmp.Name(), path)
}
