package main

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// checkOutputPath reports, before any work is done, an output flag whose
// path cannot be written: a directory, or a file in a directory that does
// not exist. "" (flag not given) and "-" (standard output) pass.
func checkOutputPath(flagName, path string) error {
	if path == "" || path == "-" {
		return nil
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("-%s %s is a directory; give a file name", flagName, path)
	}
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("-%s %s: directory %s does not exist", flagName, path, dir)
	case err != nil:
		return fmt.Errorf("-%s %s: %w", flagName, path, pathErrCause(err))
	case !st.IsDir():
		return fmt.Errorf("-%s %s: %s is not a directory", flagName, path, dir)
	}
	return nil
}

// pathErrCause strips the *fs.PathError wrapper, whose path may be a
// temporary name the user never gave.
func pathErrCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// atomicFile is an output written under a temporary name in the
// directory of its final path and renamed into place by commit, so that
// a failed or interrupted run never leaves a truncated file behind.
// abort removes the temporary file unless commit succeeded; defer it.
type atomicFile struct {
	*os.File
	path      string
	committed bool
}

func createAtomic(path string) (*atomicFile, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, pathErrCause(err))
	}
	return &atomicFile{File: f, path: path}, nil
}

// commit closes the file, makes it readable by others (like os.Create
// under the usual umask) and renames it to its final path.
func (a *atomicFile) commit() error {
	if err := a.Close(); err != nil {
		return fmt.Errorf("%s: %w", a.path, pathErrCause(err))
	}
	if err := os.Chmod(a.Name(), 0o644); err != nil {
		return fmt.Errorf("%s: %w", a.path, pathErrCause(err))
	}
	if err := os.Rename(a.Name(), a.path); err != nil {
		return fmt.Errorf("cannot write %s: %w", a.path, errors.Unwrap(err))
	}
	a.committed = true
	return nil
}

func (a *atomicFile) abort() {
	if !a.committed {
		a.Close()
		os.Remove(a.Name())
	}
}

// writeFileAtomic writes path through an atomicFile: the file appears,
// complete, only when write succeeded.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := createAtomic(path)
	if err != nil {
		return err
	}
	defer f.abort()
	if err := write(f); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.commit()
}

// saveVectorsText writes s to path in GloVe text format (no header),
// gzip-compressed when path ends in ".gz", atomically (vectors.SaveText
// writes in place and would leave a partial file on failure).
func saveVectorsText(path string, s *vectors.Set) error {
	return writeFileAtomic(path, func(w io.Writer) error {
		if !strings.HasSuffix(path, ".gz") {
			return vectors.WriteText(w, s, false)
		}
		zw := gzip.NewWriter(w)
		if err := vectors.WriteText(zw, s, false); err != nil {
			return err
		}
		return zw.Close()
	})
}
