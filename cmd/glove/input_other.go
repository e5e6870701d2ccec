//go:build !unix

package main

import (
	"context"
	"errors"
	"os"
)

// openNonblocking opens path for reading (no FIFOs to worry about here).
func openNonblocking(path string) (*os.File, error) { return os.Open(path) }

// reopenNonblocking is not available: standard input is read as it is.
func reopenNonblocking(*os.File) (*os.File, error) {
	return nil, errors.New("cannot reopen standard input")
}

// waitForWriter has nothing to wait for.
func waitForWriter(context.Context, *os.File) error { return nil }
