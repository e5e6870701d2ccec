package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// BenchmarkCommit measures the catalogue's most frequent writes under both
// synchronous settings: a training run's loss point (one commit per epoch)
// and a corpus upload's row (one commit, plus the file's directory sync).
// go test ./internal/store -run '^$' -bench Commit -benchtime 200x -count 3
func BenchmarkCommit(b *testing.B) {
	ctx := context.Background()
	for _, mode := range []string{"NORMAL", "FULL"} {
		b.Run("AppendLoss/synchronous="+mode, func(b *testing.B) {
			st, err := open(ctx, b.TempDir(), mode, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			f, err := st.Stage(strings.NewReader("a b c\n"), 0)
			if err != nil {
				b.Fatal(err)
			}
			c, err := st.AddCorpus(ctx, NewCorpus{Name: "bench"}, f)
			if err != nil {
				b.Fatal(err)
			}
			r, _, err := st.CreateRun(ctx, "train", c.ID, json.RawMessage(`{}`))
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := range b.N {
				if err := st.AppendLoss(ctx, r.ID, LossPoint{Epoch: i + 1, Cost: 0.1, Seconds: float64(i)}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("AddCorpus/synchronous="+mode, func(b *testing.B) {
			st, err := open(ctx, b.TempDir(), mode, Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				f, err := st.Stage(strings.NewReader("some words to count\n"), 0)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := st.AddCorpus(ctx, NewCorpus{Name: "bench"}, f); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
