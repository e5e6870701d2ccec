//go:build !unix

package plot

import "time"

func processCPU() (time.Duration, bool) { return 0, false }
