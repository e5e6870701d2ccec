//go:build !amd64

package glove

// hasAVX2 is false off amd64: the Go lane kernels are used.
const hasAVX2 = false

func dotLanes(a, b []float32) float32 { return dotLanesGo(a, b) }

func adagradLanes(wi, wj, gi, gj []float32, fdiff, eta, clip float32) {
	adagradGo(wi, wj, gi, gj, fdiff, eta, clip)
}
