//go:build unix

package plot

import (
	"syscall"
	"time"
)

// processCPU returns the user+system CPU time used by this process so far,
// so benchmarks can report CPU cost per op, which unlike wall time does
// not grow when other processes compete for the cores.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
