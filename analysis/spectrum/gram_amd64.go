package spectrum

import "golang.org/x/sys/cpu"

// hasAVX2 selects the AVX2 Gram kernel of gram_amd64.s; x/sys/cpu also
// checks that the operating system saves the YMM registers. It is set once
// at start-up and never written again.
var hasAVX2 = cpu.X86.HasAVX2 && cpu.X86.HasAVX

//go:noescape
func gram2x4AVX(s *[8]float64, a0, a1, b0, b1, b2, b3 *float64, n int)

// gram2x4 sets s to the 8 dot products of a0, a1 with b0..b3 over their
// first n entries (n a positive multiple of 4), as gram2x4Go does.
func gram2x4(s *[8]float64, a0, a1, b0, b1, b2, b3 []float64, n int) {
	if !hasAVX2 {
		gram2x4Go(s, a0, a1, b0, b1, b2, b3, n)
		return
	}
	_, _, _, _, _, _ = a0[n-1], a1[n-1], b0[n-1], b1[n-1], b2[n-1], b3[n-1]
	gram2x4AVX(s, &a0[0], &a1[0], &b0[0], &b1[0], &b2[0], &b3[0], n)
}
