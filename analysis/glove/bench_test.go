package glove

import (
	"bytes"
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

// BenchmarkStart measures what glove train does before its first epoch on
// a cooccurrence.bin of 13.25 M nonzeros (the corpus) already in
// the page cache: read the records into the training layout, convert and
// check them, shuffle them and initialise the parameters. The target is
// ≤ 1 s; "nonzeros/s" is the loading rate.
func BenchmarkStart(b *testing.B) {
	const nnz, vocab = 13_250_000, 50_000
	bin := binBytes(b, sortedEntries(nnz, vocab, 1))
	opt := DefaultOptions()
	opt.Workers = 2
	ctx := context.Background()
	cpu := startCPUClock()
	b.ResetTimer()
	for range b.N {
		t, err := NewTrainerBin(ctx, bytes.NewReader(bin), int64(len(bin)), vocab, opt)
		if err != nil {
			b.Fatal(err)
		}
		t.Close()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/start")
	b.ReportMetric(cpu()/float64(b.N), "cpu-s/start")
	b.ReportMetric(float64(nnz)*float64(b.N)/b.Elapsed().Seconds(), "nonzeros/s")
}

// BenchmarkShuffle1e7 measures the one-off shuffle of 10 M prepared
// entries (160 MB) alone.
func BenchmarkShuffle1e7(b *testing.B) {
	ents := make([]entry, 10_000_000)
	adviseHugePages(entryBytesView(ents))
	for i := range ents {
		ents[i].row = uint32(i)
	}
	cpu := startCPUClock()
	b.ResetTimer()
	for range b.N {
		shuffleEntries(ents, rand.New(rand.NewPCG(1, 2)))
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(len(ents))*1e9, "ns/entry")
	b.ReportMetric(cpu()/float64(b.N)/float64(len(ents))*1e9, "cpu-ns/entry")
}

// BenchmarkEpochStreamed compares an epoch in memory with one streamed
// from a block file in chunks of 256 Ki nonzeros (8 chunks of the 2 M
// nonzeros here), at d = 50 with two workers; the block file is in the
// page cache, as the last chunks of a real run would be. cpu-s/epoch is
// less sensitive than wall time to other jobs on a shared machine.
func BenchmarkEpochStreamed(b *testing.B) {
	const nnz, vocab = 2_000_000, 50_000
	bin := binBytes(b, zipfEntries(nnz, vocab, 1))
	for _, budget := range []int64{0, 2 * entryBytes * 256 << 10} {
		name := "in-memory"
		if budget > 0 {
			name = "streamed"
		}
		b.Run(name, func(b *testing.B) {
			opt := DefaultOptions()
			opt.Workers = 2
			opt.Epochs = 1 << 30
			opt.MemoryBytes = budget
			opt.TempDir = b.TempDir()
			t, err := NewTrainerBin(context.Background(), bytes.NewReader(bin), int64(len(bin)), vocab, opt)
			if err != nil {
				b.Fatal(err)
			}
			defer t.Close()
			ctx := context.Background()
			cpu := startCPUClock()
			b.ResetTimer()
			for range b.N {
				t.opt.Epochs = t.epoch + 1
				if err := t.Run(ctx); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(nnz)*float64(b.N)/b.Elapsed().Seconds(), "nonzeros/s")
			b.ReportMetric(cpu()/float64(b.N), "cpu-s/epoch")
		})
	}
}
