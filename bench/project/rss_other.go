//go:build !unix

package main

// peakRSSMiB and cpuSeconds are not measured here (0).
func peakRSSMiB() float64 { return 0 }
func cpuSeconds() float64 { return 0 }
