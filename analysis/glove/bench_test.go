package glove

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// zipfEntries returns n distinct-ish nonzeros over a vocabulary of v words
// whose rows and columns follow a Zipf law (s = 1.1), like real
// co-occurrence matrices: a few rows are hit constantly and stay in cache,
// most are cold. Counts are Zipf too, so f(X) varies.
func zipfEntries(n, v int, seed uint64) []cooccur.Entry {
	r := rand.New(rand.NewPCG(seed, 0))
	z := rand.NewZipf(r, 1.1, 1, uint64(v-1))
	out := make([]cooccur.Entry, n)
	for i := range out {
		out[i] = cooccur.Entry{Row: int32(z.Uint64()), Col: int32(z.Uint64()), Value: 1 + float64(z.Uint64()%500)/3}
	}
	return out
}

// BenchmarkEpoch measures training throughput on a synthetic Zipfian
// matrix of 2 M nonzeros over 50 000 words (parameters 20-40 MB, beyond
// the caches as on real data). Compare with the Stanford tool with
// bench/train/compare.sh, which uses real co-occurrences.
func BenchmarkEpoch(b *testing.B) {
	const nnz, vocab = 2_000_000, 50_000
	entries := zipfEntries(nnz, vocab, 1)
	for _, d := range []int{50, 100} {
		for _, workers := range []int{1, 2} {
			b.Run(fmt.Sprintf("d=%d/workers=%d", d, workers), func(b *testing.B) {
				opt := DefaultOptions()
				opt.VectorSize = d
				opt.Workers = workers
				opt.Epochs = 1 << 30
				t, err := NewTrainer(entries, vocab, opt)
				if err != nil {
					b.Fatal(err)
				}
				ctx := context.Background()
				b.ResetTimer()
				for range b.N {
					t.opt.Epochs = t.epoch + 1
					if err := t.Run(ctx); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(nnz)*float64(b.N)/b.Elapsed().Seconds(), "nonzeros/s")
			})
		}
	}
}
