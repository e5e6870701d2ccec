//go:build !unix

package store

import "os"

// lockDir is a no-op where flock is not available: running two servers on
// one data directory is then the user's responsibility.
func lockDir(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
}
