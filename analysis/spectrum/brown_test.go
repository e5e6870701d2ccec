package spectrum

import (
	"bufio"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// brownCounts builds a symmetric co-occurrence count matrix over the top
// words of the Brown sample (lower-cased whitespace tokens, window 5,
// weights 1/distance as GloVe counts), with a tiny local counter so the
// test does not depend on analysis/cooccur.
func brownCounts(tb testing.TB, top int) *CSR {
	tb.Helper()
	f, err := os.Open(testkit.Shared(tb, "corpora/brown-ci.txt", "checks the spectrum of the brown-ci co-occurrences"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var lines [][]string
	freq := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		toks := strings.Fields(strings.ToLower(sc.Text()))
		for _, w := range toks {
			freq[w]++
		}
		lines = append(lines, toks)
	}
	words := make([]string, 0, len(freq))
	for w := range freq {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if freq[words[i]] != freq[words[j]] {
			return freq[words[i]] > freq[words[j]]
		}
		return words[i] < words[j]
	})
	rank := map[string]int32{}
	for i, w := range words[:min(top, len(words))] {
		rank[w] = int32(i)
	}
	var ts []Triplet
	for _, toks := range lines {
		for i, w := range toks {
			ri, ok := rank[w]
			if !ok {
				continue
			}
			for d := 1; d <= 5 && i+d < len(toks); d++ {
				if rj, ok := rank[toks[i+d]]; ok {
					ts = append(ts, Triplet{ri, rj, 1 / float64(d)}, Triplet{rj, ri, 1 / float64(d)})
				}
			}
		}
	}
	n := len(rank)
	m, err := FromTriplets(n, n, ts)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}
