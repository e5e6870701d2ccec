//go:build !amd64

package spectrum

// hasAVX2 is false off amd64: the Go kernel is used.
const hasAVX2 = false

func gram2x4(s *[8]float64, a0, a1, b0, b1, b2, b3 []float64, n int) {
	gram2x4Go(s, a0, a1, b0, b1, b2, b3, n)
}
