package spectrum

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// brownCounts is textCounts of the Brown sample in ../shared/data (for the
// benchmark, whose figures are quoted on brown-ci).
func brownCounts(tb testing.TB, top int) *CSR {
	tb.Helper()
	f, err := os.Open(testkit.Shared(tb, "corpora/brown-ci.txt", "times the randomized SVD on brown-ci"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	return textCounts(tb, f, top)
}

// glossBytes is how much of the shipped WordNet glosses the tests count:
// about as many tokens (530 k) as the Brown sample, which the exactness
// tests used before the glosses shipped.
const glossBytes = 3 << 20

// glossCounts is textCounts of the first glossBytes of the shipped demo
// corpus (WordNet glosses).
func glossCounts(tb testing.TB, top int) *CSR {
	tb.Helper()
	f, err := os.Open(testkit.Shipped(tb, testkit.DemoCorpus))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	return textCounts(tb, io.LimitReader(zr, glossBytes), top)
}

// glossPPMI returns the PPMI matrix of glossCounts(2000) and its singular
// values from gonum's dense SVD, computed once for the tests that compare
// the Lanczos and randomized solvers with them (they only read them).
func glossPPMI(tb testing.TB) (*CSR, []float64) {
	tb.Helper()
	glossFixture.once.Do(func() {
		m := Weight(glossCounts(tb, 2000), PPMI, 0)
		glossFixture.m, glossFixture.sv = m, denseSingularValues(m)
	})
	if glossFixture.m == nil {
		tb.Fatal("building the glosses PPMI fixture failed in another test")
	}
	return glossFixture.m, glossFixture.sv
}

var glossFixture struct {
	once sync.Once
	m    *CSR
	sv   []float64
}

// textCounts builds a symmetric co-occurrence count matrix over the top
// words of a text (lower-cased whitespace tokens, window 5, weights
// 1/distance as GloVe counts), with a tiny local counter so the test does
// not depend on analysis/cooccur.
func textCounts(tb testing.TB, f io.Reader, top int) *CSR {
	tb.Helper()
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
