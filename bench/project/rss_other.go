//go:build !unix

package main

// peakRSSMiB is not measured here (0).
func peakRSSMiB() float64 { return 0 }
