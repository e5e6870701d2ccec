//go:build !unix

package glove

// startCPUClock reports no CPU time where getrusage is missing; see
// cpuclock_unix_test.go.
func startCPUClock() func() float64 { return func() float64 { return 0 } }
