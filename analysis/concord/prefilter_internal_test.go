package concord

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestLowerASCII checks the eight-bytes-at-a-time lower-casing against
// bytes.ToLower's ASCII rule on every byte value at every offset.
func TestLowerASCII(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 200 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		if n == 199 {
			for i := range b {
				b[i] = byte(i + 57) // every byte from 57 to 255
			}
		}
		want := make([]byte, n)
		for i, c := range b {
			want[i] = c
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 32
			}
		}
		if got := lowerASCII(bytes.Clone(b)); !bytes.Equal(got, want) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", b, got, want)
		}
	}
}
