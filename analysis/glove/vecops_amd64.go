package glove

import "golang.org/x/sys/cpu"

// hasAVX2 selects the AVX2 kernels of vecops_amd64.s; x/sys/cpu also
// checks that the operating system saves the YMM registers. It is set once
// at start-up and never written again.
var hasAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasAVX

//go:noescape
func dotAVX2(a, b *float32, n int) float32

//go:noescape
func adagradAVX2(wi, wj, gi, gj *float32, n int, fdiff, eta, clip float32)

// dotLanes returns the dot product of a and b (len(a) a multiple of 8,
// len(b) ≥ len(a)) summed in eight lanes; see dotLanesGo.
func dotLanes(a, b []float32) float32 {
	if hasAVX2 && len(a) > 0 {
		_ = b[len(a)-1]
		return dotAVX2(&a[0], &b[0], len(a))
	}
	return dotLanesGo(a, b)
}

// adagradLanes applies adagradGo to the first len(wi) components (a
// multiple of 8), eight at a time with AVX2 when available.
func adagradLanes(wi, wj, gi, gj []float32, fdiff, eta, clip float32) {
	if hasAVX2 && len(wi) > 0 {
		n := len(wi)
		_, _, _ = wj[n-1], gi[n-1], gj[n-1]
		adagradAVX2(&wi[0], &wj[0], &gi[0], &gj[0], n, fdiff, eta, clip)
		return
	}
	adagradGo(wi, wj, gi, gj, fdiff, eta, clip)
}
