package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// errInterrupted reports a command stopped by Ctrl-C or SIGTERM.
var errInterrupted = errors.New("interrupted")

// inputFile is an input opened by openInput: reads that block (a FIFO or
// a pipe with no data yet, a terminal) return when ctx is cancelled, with
// an error wrapping errInterrupted and ctx.Err(). It implements io.Seeker
// when the file does (a regular file), so loaders can take their
// two-pass path.
type inputFile struct {
	f     *os.File
	ctx   context.Context
	stop  func() bool // deregisters the cancellation hook
	close bool        // Close closes f (false for standard input used as is)
}

// openInput opens an input flag's path, or standard input for "-", so
// that ctx cancels both the open and the reads: a FIFO is opened without
// waiting for its writer (open(2) of a FIFO blocks until one appears and
// is not interrupted by a signal) and waited for here instead; the file
// is read through Go's poller, and a cancellation sets a read deadline
// that ends a blocked read. Nothing runs in the background unless ctx is
// cancelled, and then only for the moment it takes to set the deadline.
func openInput(ctx context.Context, path string) (*inputFile, error) {
	if err := ctx.Err(); err != nil {
		return nil, interrupted(ctx)
	}
	if path == "-" {
		return openStdin(ctx)
	}
	f, err := openNonblocking(path)
	if err != nil {
		return nil, err
	}
	if err := waitForWriter(ctx, f); err != nil {
		f.Close()
		return nil, err
	}
	return newInputFile(ctx, f, true), nil
}

// openStdin returns standard input as an inputFile: as it is when reads
// from it can be cancelled or never block (a regular file), otherwise
// reopened without blocking (through /dev/fd) so that they can be.
func openStdin(ctx context.Context) (*inputFile, error) {
	if os.Stdin.SetReadDeadline(time.Time{}) == nil { // already read through the poller
		return newInputFile(ctx, os.Stdin, false), nil
	}
	if st, err := os.Stdin.Stat(); err != nil || st.Mode().IsRegular() {
		return newInputFile(ctx, os.Stdin, false), nil
	}
	if f, err := reopenNonblocking(os.Stdin); err == nil {
		return newInputFile(ctx, f, true), nil
	}
	return newInputFile(ctx, os.Stdin, false), nil // not cancellable, as before
}

func newInputFile(ctx context.Context, f *os.File, closeFile bool) *inputFile {
	in := &inputFile{f: f, ctx: ctx, close: closeFile}
	in.stop = context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Now()) })
	return in
}

// interrupted is the error of an input read cut short by ctx.
func interrupted(ctx context.Context) error {
	return fmt.Errorf("%w while reading input (%w)", errInterrupted, ctx.Err())
}

func (in *inputFile) Read(p []byte) (int, error) {
	n, err := in.f.Read(p)
	if err != nil && err != io.EOF && in.ctx.Err() != nil {
		return n, interrupted(in.ctx)
	}
	return n, err
}

// Seek seeks the underlying file; it fails on a pipe or FIFO, which is
// how loaders find out that they cannot read twice.
func (in *inputFile) Seek(offset int64, whence int) (int64, error) {
	return in.f.Seek(offset, whence)
}

// Close releases the cancellation hook and closes the file (standard
// input used as is stays open).
func (in *inputFile) Close() error {
	in.stop()
	if !in.close {
		return nil
	}
	return in.f.Close()
}

// readInputFile opens path with openInput and parses it with read; read's
// errors are prefixed with the path.
func readInputFile[T any](ctx context.Context, path string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	in, err := openInput(ctx, path)
	if err != nil {
		return zero, err
	}
	defer in.Close()
	v, err := read(in)
	if err != nil {
		return zero, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}
