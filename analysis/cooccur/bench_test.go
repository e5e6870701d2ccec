package cooccur

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// BenchmarkCountBenchProse counts bench-prose (window 15, symmetric,
// 1/d, min-count 5, whitespace tokens) and writes cooccurrence.bin to
// io.Discard: the setting of the Stanford comparison in bench/cooccur.
func BenchmarkCountBenchProse(b *testing.B) {
	path := testkit.Shared(b, "corpora/bench-prose.txt.gz", "measures counting speed on bench-prose")
	opt := DefaultOptions()
	opt.Window = 15
	opt.Tokenizer = corpus.Whitespace
	var tokens int64
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := CountTo(context.Background(), f, opt, io.Discard)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		tokens = res.Stats.Tokens
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
