package phrases

import (
	"context"
	"os"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// learnFile learns the phrases of a shared corpus with the defaults and
// returns the rank of each phrase text, best first.
func learnFile(tb testing.TB, rel string) (*Model, map[string]int) {
	tb.Helper()
	var path string
	if rel == "corpora/vi-libreoffice-help.txt.gz" {
		path = testkit.Shipped(tb, testkit.VietnameseCorpus) // ships in the repository
	} else {
		path = testkit.Shared(tb, rel, "learns phrases from a real corpus")
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	m, err := Learn(context.Background(), f, DefaultOptions())
	if err != nil {
		tb.Fatal(err)
	}
	rank := map[string]int{}
	for i, p := range m.Phrases() {
		rank[p.Text] = i
	}
	return m, rank
}

// TestVietnameseCompounds: the defaults join common compound words of
// the Vietnamese corpus, two-syllable ones in the first pass and the
// four-syllable cơ sở dữ liệu (database) in the second.
func TestVietnameseCompounds(t *testing.T) {
	m, rank := learnFile(t, "corpora/vi-libreoffice-help.txt.gz")
	for _, w := range []string{"văn_bản", "cửa_sổ", "giá_trị", "danh_sách", "hiển_thị", "tập_tin", "dữ_liệu", "cơ_sở", "cơ_sở_dữ_liệu", "ví_dụ", "kiểm_tra"} {
		if r, ok := rank[w]; !ok || r >= 300 {
			t.Errorf("%s: rank %d (learned %v), want among the first 300 of %d", w, r, ok, m.Len())
		}
	}
	got := m.Apply([]string{"mở", "cơ", "sở", "dữ", "liệu", "và", "văn", "bản"})
	want := []string{"mở", "cơ_sở_dữ_liệu", "và", "văn_bản"}
	if len(got) != len(want) {
		t.Fatalf("Apply: got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Apply: got %q, want %q", got, want)
		}
	}
}

// TestEnglishNames: multiword names of the English corpora are learned.
func TestEnglishNames(t *testing.T) {
	for _, tt := range []struct {
		rel   string
		names []string
	}{
		{"corpora/brown-ci.txt", []string{"new_york", "united_states", "los_angeles", "san_francisco", "rhode_island", "peace_corps"}},
		{"corpora/bench-prose.txt.gz", []string{"new_york", "united_states", "los_angeles", "san_francisco", "hong_kong", "sri_lanka", "buenos_aires"}},
	} {
		_, rank := learnFile(t, tt.rel)
		for _, w := range tt.names {
			if r, ok := rank[w]; !ok || r >= 2000 {
				t.Errorf("%s: %s rank %d (learned %v), want among the first 2000", tt.rel, w, r, ok)
			}
		}
	}
}

// BenchmarkLearnBenchProse learns the phrases of bench-prose (36 MB of
// text) with the defaults; BenchmarkCountWordsBenchProse is the plain
// vocabulary count it starts with. Peak memory is measured by
// bench/phrases/run.sh.
func BenchmarkLearnBenchProse(b *testing.B) {
	path := testkit.Shared(b, "corpora/bench-prose.txt.gz", "measures phrase learning on 36 MB of English prose")
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m, err := Learn(context.Background(), f, DefaultOptions())
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(m.Len()), "phrases")
	}
}

func BenchmarkCountWordsBenchProse(b *testing.B) {
	path := testkit.Shared(b, "corpora/bench-prose.txt.gz", "measures phrase learning on 36 MB of English prose")
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		text, err := corpus.NewReader(f, corpus.ReadOptions{})
		if err != nil {
			b.Fatal(err)
		}
		v, _, err := corpus.CountWords(context.Background(), text, corpus.EncodeOptions{})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(v.Len()), "types")
	}
}
