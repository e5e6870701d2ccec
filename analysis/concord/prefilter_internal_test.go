package concord

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
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

// TestPrefilterCandidates checks the candidate positions of a chunk:
// the first line is a candidate only when it holds the word, and with
// joiner the word followed by _ (a phrase's first part) is one.
func TestPrefilterCandidates(t *testing.T) {
	tests := []struct {
		name   string
		word   string
		tok    corpus.Tokenizer
		joiner bool
		chunk  string
		want   []int
	}{
		{"words joiner", "new", corpus.Words, true, "ice\nNew_York x\nnewt\nold new\n", []int{4, 24}},
		{"words plain", "new", corpus.Words, false, "ice\nNew_York x\nnewt\n", []int{4}}, // _ splits words anyway
		{"whitespace joiner", "new", corpus.Whitespace, true, "ice\nnew_york\nNew_York\nnewt\n", []int{4}},
		{"whitespace plain", "new", corpus.Whitespace, false, "ice\nnew_york\nnew york\n", []int{13}},
		{"special not first", "kelvin", corpus.Words, false, "ice\nthe \u212aelvin\n", []int{8}},
		{"lone CR not first", "ice", corpus.Whitespace, false, "cold\nic\re\n", []int{7}},
		{"text's byte-order mark", "ice", corpus.Whitespace, false, "\ufeffice\n\ufeffice\n", []int{3}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newPrefilter(tc.word, tc.tok, tc.joiner)
			p.reset([]byte(tc.chunk), true)
			var got []int
			for from := 0; ; {
				at := p.next(from)
				if at < 0 {
					break
				}
				got = append(got, at)
				from = at + 1
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("candidates %v, want %v", got, tc.want)
			}
		})
	}
}
