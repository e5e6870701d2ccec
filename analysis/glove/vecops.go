package glove

import "math"

// dotLanesGo returns Σ a[k]·b[k] for len(a) a multiple of 8, summed the
// way an 8-wide SIMD register does: lane l accumulates the products with
// k ≡ l (mod 8), and the lanes are combined as
// ((s0+s4)+(s2+s6)) + ((s1+s5)+(s3+s7)). The AVX2 kernel follows the same
// order, so both give bit-identical results.
func dotLanesGo(a, b []float32) float32 {
	var s [8]float32
	b = b[:len(a)]
	for k := 0; k+8 <= len(a); k += 8 {
		x := a[k : k+8 : k+8]
		y := b[k : k+8 : k+8]
		for l := range 8 {
			// The conversion forces the product to be rounded on its own: Go
			// may otherwise fuse it into the add (it does for GOAMD64=v3 and on
			// arm64), and the AVX2 kernel does not fuse.
			s[l] += float32(x[l] * y[l])
		}
	}
	return ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]))
}

// adagradGo applies glove.c's clipped AdaGrad step to every component k
// of the word vector wi and context vector wj with accumulators gi, gj:
//
//	t1 = η·clip(fdiff·wj[k]),  t2 = η·clip(fdiff·wi[k])
//	wi[k] −= t1/√gi[k];  wj[k] −= t2/√gj[k];  gi[k] += t1²;  gj[k] += t2²
//
// with the old values of wi[k] and wj[k] on the right-hand sides.
func adagradGo(wi, wj, gi, gj []float32, fdiff, eta, clip float32) {
	wj, gi, gj = wj[:len(wi)], gi[:len(wi)], gj[:len(wi)]
	for k := range wi {
		a, b := wi[k], wj[k]
		t1 := fdiff * b
		t2 := fdiff * a
		t1 = max(t1, -clip)
		t1 = min(t1, clip)
		t2 = max(t2, -clip)
		t2 = min(t2, clip)
		t1 *= eta
		t2 *= eta
		ga, gb := gi[k], gj[k]
		wi[k] = a - t1/float32(math.Sqrt(float64(ga)))
		wj[k] = b - t2/float32(math.Sqrt(float64(gb)))
		gi[k] = ga + float32(t1*t1) // unfused, as the AVX2 kernel
		gj[k] = gb + float32(t2*t2)
	}
}
