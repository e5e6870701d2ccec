//go:build unix

package glove

import "syscall"

// startCPUClock returns a function giving the CPU seconds (user + system)
// the process has used since: on the shared benchmark machine, other jobs
// stretch wall time far more than the CPU time of the code measured.
func startCPUClock() func() float64 {
	var start syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &start)
	return func() float64 {
		var now syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &now)
		sec := func(u syscall.Rusage) float64 {
			return float64(u.Utime.Sec+u.Stime.Sec) + float64(u.Utime.Usec+u.Stime.Usec)/1e6
		}
		return sec(now) - sec(start)
	}
}
