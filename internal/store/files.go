package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/internal/durable"
)

// Staging receives the bytes of a new file (an upload, or vectors written
// by a training run) in the data directory's tmp folder, counting and
// hashing them as they arrive. Finish it to get a Staged file that Add*
// methods move into place, or Discard it; either way nothing is left in
// tmp once the file has been added or discarded.
type Staging struct {
	f      *os.File
	w      io.Writer      // f, through the syncer's (simulated) disk space
	syncer durable.Syncer // the store's, when the staging began
	h      hash.Hash
	n      int64
	limit  int64
	head   []byte
	err    error
}

// NewStaging opens a temporary file in the data directory. limit is the
// maximum number of bytes accepted (0 means no limit); writing more fails
// with ErrTooLarge.
func (s *Store) NewStaging(limit int64) (*Staging, error) {
	f, err := os.CreateTemp(filepath.Join(s.dir, "tmp"), "upload-*")
	if err != nil {
		return nil, fmt.Errorf("creating temporary file: %w", err)
	}
	return &Staging{f: f, w: s.syncer.Writer(f), syncer: s.syncer, h: sha256.New(), limit: limit}, nil
}

// Write implements io.Writer.
func (st *Staging) Write(p []byte) (int, error) {
	if st.err != nil {
		return 0, st.err
	}
	if st.limit > 0 && st.n+int64(len(p)) > st.limit {
		st.err = fmt.Errorf("more than %d bytes: %w", st.limit, ErrTooLarge)
		return 0, st.err
	}
	if len(st.head) < 512 {
		k := min(512-len(st.head), len(p))
		st.head = append(st.head, p[:k]...)
	}
	n, err := st.w.Write(p)
	st.h.Write(p[:n])
	st.n += int64(n)
	if err != nil {
		st.err = err
	}
	return n, err
}

// Discard removes the temporary file. It is safe to call more than once
// and after Finish.
func (st *Staging) Discard() {
	if st.f != nil {
		st.f.Close()
		os.Remove(st.f.Name())
		st.f = nil
	}
}

// Finish closes the temporary file and returns its description. An empty
// file is discarded and reported as ErrEmptyUpload.
func (st *Staging) Finish() (*Staged, error) {
	if st.err != nil {
		st.Discard()
		return nil, st.err
	}
	if st.n == 0 {
		st.Discard()
		return nil, ErrEmptyUpload
	}
	name := st.f.Name()
	if err := st.syncer.SyncFile(st.f); err != nil {
		st.Discard()
		return nil, err
	}
	if err := st.f.Close(); err != nil {
		os.Remove(name)
		st.f = nil
		return nil, err
	}
	st.f = nil
	return &Staged{
		path:    name,
		Size:    st.n,
		SHA256:  hex.EncodeToString(st.h.Sum(nil)),
		Gzipped: bytes.HasPrefix(st.head, []byte{0x1f, 0x8b}),
		Head:    st.head,
	}, nil
}

// Stage copies r into a new staged file, enforcing limit (0: none). On any
// error, including a reader that fails half-way (a client that
// disconnected), nothing is left behind.
func (s *Store) Stage(r io.Reader, limit int64) (*Staged, error) {
	st, err := s.NewStaging(limit)
	if err != nil {
		return nil, err
	}
	if _, err := io.Copy(st, r); err != nil {
		st.Discard()
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("receiving file: %w", err)
	}
	return st.Finish()
}

// Staged is a complete temporary file waiting to be added to the catalogue.
type Staged struct {
	path    string
	Size    int64
	SHA256  string
	Gzipped bool   // starts with the gzip magic number
	Head    []byte // up to the first 512 bytes
}

// Open opens the staged file for reading (to validate it before adding).
func (sf *Staged) Open() (*os.File, error) { return os.Open(sf.path) }

// Discard removes the staged file if it has not been added.
func (sf *Staged) Discard() {
	if sf.path != "" {
		os.Remove(sf.path)
		sf.path = ""
	}
}

// place renames the staged file (synced by Finish) to dst and syncs dst's
// directory with sy: once place returns, the file survives a power cut, so
// the caller may commit the row that refers to it. The staged file is
// consumed.
func (sf *Staged) place(sy durable.Syncer, dst string) error {
	if sf.path == "" {
		return fmt.Errorf("staged file already used: %w", ErrInvalid)
	}
	if err := os.Rename(sf.path, dst); err != nil {
		return fmt.Errorf("moving file into place: %w", err)
	}
	sf.path = ""
	if err := sy.SyncDir(filepath.Dir(dst)); err != nil {
		os.Remove(dst)
		return fmt.Errorf("moving file into place: %w", err)
	}
	return nil
}
