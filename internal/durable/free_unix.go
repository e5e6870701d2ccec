//go:build unix

package durable

import "golang.org/x/sys/unix"

// FreeBytes returns the bytes of the file system holding dir that an
// unprivileged user may still write (statfs: available blocks × block
// size).
func FreeBytes(dir string) (int64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}
