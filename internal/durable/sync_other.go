//go:build !unix

package durable

// syncDir is a no-op where a directory cannot be opened and synced (on
// Windows, NTFS journals its metadata and Go offers no directory fsync).
func syncDir(string) error { return nil }
