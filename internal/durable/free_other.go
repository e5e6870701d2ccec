//go:build !unix

package durable

import "errors"

// FreeBytes is not available here: it returns an error, and callers leave
// the figure out of their messages.
func FreeBytes(string) (int64, error) {
	return 0, errors.New("free space is not known on this system")
}
