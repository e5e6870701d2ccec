//go:build unix

package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// openNonblocking opens path for reading with O_NONBLOCK, so that a FIFO
// without a writer does not block the open; Go then reads FIFOs, pipes and
// terminals through its poller (reads park instead of blocking a thread,
// and read deadlines apply), and regular files ignore the flag.
func openNonblocking(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

// reopenNonblocking opens the file behind f again, without blocking, as a
// new open file description: setting O_NONBLOCK on f itself would change
// the terminal or pipe the shell shares with us.
func reopenNonblocking(f *os.File) (*os.File, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var reopened *os.File
	cerr := rc.Control(func(fd uintptr) {
		reopened, err = openNonblocking(fmt.Sprintf("/dev/fd/%d", fd))
	})
	if cerr != nil {
		return nil, cerr
	}
	return reopened, err
}

// waitForWriter returns when a FIFO opened by openNonblocking has had a
// writer (data to read, or a writer that came and went: end of file), or
// with an interrupted error when ctx is cancelled. Until a writer opens
// it, a read of a FIFO opened without blocking would return end of file at
// once, where a blocking open would have waited. Other files return at
// once.
func waitForWriter(ctx context.Context, f *os.File) error {
	st, err := f.Stat()
	if err != nil || st.Mode()&fs.ModeNamedPipe == 0 {
		return err
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { f.SetReadDeadline(time.Now()) })
	defer stop()
	// rc.Read parks the goroutine on the poller between calls of ready
	// while it returns false: no thread blocks and no timer spins. The
	// kernel reports POLLHUP only after a writer has come and gone, so
	// "no writer yet" is neither readable nor hung up.
	err = rc.Read(func(fd uintptr) bool {
		for {
			fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
			n, perr := unix.Poll(fds, 0)
			if errors.Is(perr, unix.EINTR) {
				continue
			}
			return perr != nil || n > 0 && fds[0].Revents&(unix.POLLIN|unix.POLLHUP|unix.POLLERR) != 0
		}
	})
	if ctx.Err() != nil {
		return interrupted(ctx)
	}
	return err
}
