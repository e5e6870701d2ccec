package concord_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

var benchProse = sync.OnceValues(func() ([]byte, error) {
	dir, _ := testkit.SharedDir()
	f, err := os.Open(dir + "/corpora/bench-prose.txt.gz")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
})

// BenchmarkFindBenchProse finds the first 50 lines of words of every
// frequency on bench-prose (36 MB, 6.4 M tokens) with the default
// window: "the" within the first lines, "ice" (471 occurrences) and
// "steam" (106) further in, and a word that is absent (the whole text
// is read). plain reads the decoded text from memory (the default budget
// of 64 MiB covers it), gzip decompresses the 13 MB file as the
// dashboard does for an uploaded .gz, and gzip-8MiB stops after 8 MiB of
// text, the dashboard's budget for gzip corpora.
func BenchmarkFindBenchProse(b *testing.B) {
	path := testkit.Shared(b, "corpora/bench-prose.txt.gz", "times the concordance of bench-prose")
	text, err := benchProse()
	if err != nil {
		b.Fatal(err)
	}
	gz, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: corpus.Words}, Window: 10, Symmetric: true, DistanceWeighting: true}
	for _, word := range []string{"the", "ice", "steam", "zzyzzx"} {
		for _, src := range []struct {
			name   string
			budget int64
			open   func() (io.Reader, error)
		}{
			{"plain", 0, func() (io.Reader, error) { return bytes.NewReader(text), nil }},
			{"gzip", 0, func() (io.Reader, error) { return corpus.NewReader(bytes.NewReader(gz), corpus.ReadOptions{}) }},
			// The dashboard's budget for gzip corpora (app.ConcordanceGzipBytes).
			{"gzip-8MiB", 8 << 20, func() (io.Reader, error) { return corpus.NewReader(bytes.NewReader(gz), corpus.ReadOptions{}) }},
		} {
			opt := opt
			opt.MaxBytes = src.budget
			b.Run(word+"/"+src.name, func(b *testing.B) {
				var lines int
				var read int64
				for b.Loop() {
					r, err := src.open()
					if err != nil {
						b.Fatal(err)
					}
					res, err := concord.Find(context.Background(), r, word, opt)
					if err != nil {
						b.Fatal(err)
					}
					lines, read = len(res.Lines), res.Bytes
				}
				b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
				b.ReportMetric(float64(lines), "lines")
				b.ReportMetric(float64(read)/1e6, "MB-read")
			})
		}
	}
}

// BenchmarkFindBenchProsePhrases finds new_york on plain bench-prose
// rewritten with a phrase model of two passes (new york, then
// new_york city): the prefilter looks for "new" and every candidate line
// is rewritten. "new" without phrases (the same candidate lines) is the
// reference.
func BenchmarkFindBenchProsePhrases(b *testing.B) {
	testkit.Shared(b, "corpora/bench-prose.txt.gz", "times the concordance of bench-prose with phrases")
	text, err := benchProse()
	if err != nil {
		b.Fatal(err)
	}
	model, err := phrases.NewModel([]phrases.Phrase{
		{Text: "new_york", Left: "new", Right: "york", Count: 1, Score: 0.9, Pass: 1},
		{Text: "new_york_city", Left: "new_york", Right: "city", Count: 1, Score: 0.8, Pass: 2},
	})
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name, word string
		phrases    *phrases.Model
	}{
		{"new/plain", "new", nil},
		{"new_york/phrases", "new_york", model},
		{"new_york_city/phrases", "new_york_city", model},
	} {
		opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: corpus.Words}, Window: 10, Symmetric: true,
			DistanceWeighting: true, Phrases: tc.phrases}
		b.Run(tc.name, func(b *testing.B) {
			var lines int
			var read int64
			for b.Loop() {
				res, err := concord.Find(context.Background(), bytes.NewReader(text), tc.word, opt)
				if err != nil {
					b.Fatal(err)
				}
				lines, read = len(res.Lines), res.Bytes
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/op")
			b.ReportMetric(float64(lines), "lines")
			b.ReportMetric(float64(read)/1e6, "MB-read")
		})
	}
}
