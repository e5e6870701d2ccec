package vectors

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkNeighbors measures one top-10 cosine query over 100,000 random
// 300-d vectors (unit vectors precomputed). The side-by-side comparison
// with gensim on 400,000 × 300 is bench/vectors/run.py.
func BenchmarkNeighbors(b *testing.B) {
	set := randomSet(b, 100000, 300, 1)
	set.Unit()
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := set.NeighborsOf(ctx, set.Word(i%set.Len()), 10); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/query")
	b.ReportMetric(float64(100000*300*4)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GB/s")
}

// BenchmarkAnalogyBatch answers 1,000 3CosAdd questions over 20,000 × 100
// vectors per op.
func BenchmarkAnalogyBatch(b *testing.B) {
	set := randomSet(b, 20000, 100, 2)
	set.Unit()
	rng := rand.New(rand.NewPCG(1, 1))
	qs := make([]AnalogyQuery, 1000)
	for i := range qs {
		qs[i] = AnalogyQuery{A: rng.IntN(set.Len()), B: rng.IntN(set.Len()), C: rng.IntN(set.Len())}
	}
	for b.Loop() {
		if _, err := set.AnalogyBatch(context.Background(), qs, CosAdd, 1, BatchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qs))*float64(b.N)/b.Elapsed().Seconds(), "questions/s")
}

// BenchmarkReadText parses 40,000 × 300 GloVe text held in memory.
func BenchmarkReadText(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 3))
	var buf bytes.Buffer
	for i := range 40000 {
		fmt.Fprintf(&buf, "w%d", i)
		for range 300 {
			fmt.Fprintf(&buf, " %.5g", 0.4*rng.NormFloat64())
		}
		buf.WriteByte('\n')
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, _, err := Read(context.Background(), bytes.NewReader(buf.Bytes()), LoadOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
