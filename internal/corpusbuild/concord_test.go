package corpusbuild

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// TestConcordanceOfPhrasesBuild builds a corpus with phrases and reads
// the concordance of its phrase words through the saved phrase list, as
// the word page does: a phrase word is found on exactly the lines it was
// written on, and for every vocabulary word the window weights of its
// lines sum to the build's row X_wk.
func TestConcordanceOfPhrasesBuild(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "c.txt")
	// Random lines of filler words w0…w29, with at a random place one of
	// three compounds, or one of their parts alone, or nothing. want
	// records the lines of each compound.
	compounds := []string{"new york", "văn bản", "cơ sở dữ liệu"}
	inserts := append(slices.Clone(compounds), "new", "york", "văn", "dữ", "", "")
	want := map[string][]int64{}
	rng := rand.New(rand.NewPCG(5, 8))
	var text strings.Builder
	for line := int64(1); line <= 600; line++ {
		n := 2 + rng.IntN(8)
		at := rng.IntN(n)
		for k := range n {
			if k == at {
				ins := inserts[rng.IntN(len(inserts))]
				if slices.Contains(compounds, ins) {
					joined := strings.ReplaceAll(ins, " ", "_")
					want[joined] = append(want[joined], line)
				}
				if ins != "" {
					text.WriteString(ins + " ")
				}
			}
			fmt.Fprintf(&text, "w%d ", rng.IntN(30))
		}
		text.WriteString("\n")
	}
	if err := os.WriteFile(src, []byte(text.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s := DefaultSettings()
	s.Tokens, s.Window = TokensPhrases, 4
	out := filepath.Join(dir, "build")
	if _, err := Build(context.Background(), src, out, s, Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	l, err := Load(out)
	if err != nil {
		t.Fatal(err)
	}
	inVocab := func(w string) bool { _, ok := l.Vocab.ID(w); return ok }
	opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: corpus.Words}, Window: s.Window, Symmetric: s.Symmetric,
		DistanceWeighting: s.DistanceWeighting, Phrases: l.Phrases, InVocab: inVocab, MaxLines: 1 << 20}
	find := func(word string) *concord.Result {
		f, err := os.Open(src)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		res, err := concord.Find(context.Background(), f, word, opt)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for word, lines := range want {
		var got []int64
		for _, line := range find(word).Lines {
			got = append(got, line.Number)
		}
		if !slices.Equal(got, lines) {
			t.Errorf("%s: lines %v, want %v", word, got, lines)
		}
	}
	for id := int32(0); id < int32(l.Vocab.Len()); id++ {
		w := l.Vocab.Word(id)
		res := find(w)
		if int64(len(res.Lines)) != l.Vocab.Count(id) || !res.Complete {
			t.Errorf("%q: %d lines (complete %v), count %d", w, len(res.Lines), res.Complete, l.Vocab.Count(id))
		}
		row := map[string]float64{}
		for _, line := range res.Lines {
			for _, tk := range line.Tokens {
				row[tk.Text] += tk.Weight
			}
		}
		cols, vals := l.Matrix.Row(id)
		for k, c := range cols {
			if got := row[l.Vocab.Word(c)]; math.Abs(got-vals[k]) > 1e-9 {
				t.Errorf("%q, %q: weights sum to %g, X = %g", w, l.Vocab.Word(c), got, vals[k])
			}
			delete(row, l.Vocab.Word(c))
		}
		for k, x := range row {
			if x != 0 {
				t.Errorf("%q, %q: weights sum to %g, X = 0", w, k, x)
			}
		}
	}
}
