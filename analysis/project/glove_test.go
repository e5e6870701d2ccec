package project

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// gloveVectors is a small test-local reader of the 4k GloVe sample: it
// skips the word2vec header line (which undercounts the rows) and keeps
// the first limit rows (all when limit ≤ 0).
type gloveVectors struct {
	words []string
	dim   int
	data  []float32
	index map[string]int
}

func loadGlove(tb testing.TB, limit int) *gloveVectors {
	tb.Helper()
	f, err := os.Open(testkit.Shipped(tb, testkit.DemoVectors))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	g := &gloveVectors{index: map[string]int{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if first {
			first = false
			if len(fields) == 2 {
				continue
			}
		}
		if len(fields) < 2 {
			continue
		}
		if g.dim == 0 {
			g.dim = len(fields) - 1
		}
		if len(fields)-1 != g.dim {
			tb.Fatalf("row %q has %d values, want %d", fields[0], len(fields)-1, g.dim)
		}
		g.index[fields[0]] = len(g.words)
		g.words = append(g.words, fields[0])
		for _, s := range fields[1:] {
			v, err := strconv.ParseFloat(s, 32)
			if err != nil {
				tb.Fatal(err)
			}
			g.data = append(g.data, float32(v))
		}
		if limit > 0 && len(g.words) == limit {
			break
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return g
}

// subset returns the rows of the given words, in order, skipping unknown ones.
func (g *gloveVectors) subset(words []string) (kept []string, data []float32) {
	for _, w := range words {
		if i, ok := g.index[w]; ok {
			kept = append(kept, w)
			data = append(data, g.data[i*g.dim:(i+1)*g.dim]...)
		}
	}
	return kept, data
}
