package corpusbuild

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

func TestBuildLoadCache(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.txt")
	text := strings.Repeat("ice is solid and cold\nsteam is gas and hot\n", 50)
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "build")
	if _, err := ReadSummary(out); !errors.Is(err, ErrNotBuilt) {
		t.Fatalf("before build: err = %v, want ErrNotBuilt", err)
	}
	var last float64
	s := DefaultSettings()
	sum, err := Build(context.Background(), src, out, s, Budget{}, func(f float64, msg string) {
		if f < last || f > 1 || math.IsNaN(f) {
			t.Errorf("progress went from %g to %g (%s)", last, f, msg)
		}
		last = f
	})
	if err != nil {
		t.Fatal(err)
	}
	if last != 1 {
		t.Errorf("final progress %g, want 1", last)
	}
	if sum.Tokens != 500 || sum.Types != 8 || sum.VocabSize != 8 || sum.EntropyBits <= 0 || sum.MutualInformationBits <= 0 {
		t.Errorf("summary %+v", sum)
	}
	c := NewCache(1)
	l, err := c.Get(out)
	if err != nil {
		t.Fatal(err)
	}
	if l.Vocab.Len() != 8 || l.Matrix.Dim() != 8 || l.Summary.NNZ != int64(l.Matrix.NNZ()) {
		t.Errorf("loaded %d words, dim %d, nnz %d vs %d", l.Vocab.Len(), l.Matrix.Dim(), l.Summary.NNZ, l.Matrix.NNZ())
	}
	if l2, _ := c.Get(out); l2 != l {
		t.Error("second Get reloaded instead of using the cache")
	}
	// A failed rebuild leaves no finished build behind.
	bad := filepath.Join(dir, "empty.txt")
	os.WriteFile(bad, nil, 0o644)
	if _, err := Build(context.Background(), bad, out, s, Budget{}, nil); !errors.Is(err, corpus.ErrEmptyCorpus) {
		t.Fatalf("empty corpus: err = %v", err)
	}
	if _, err := c.Get(out); !errors.Is(err, ErrNotBuilt) {
		t.Errorf("after a failed rebuild: err = %v, want ErrNotBuilt", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".tmp-") || strings.HasPrefix(e.Name(), "gloveboard-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestBuildBadSettings(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "c.txt")
	os.WriteFile(src, []byte("a b c"), 0o644)
	s := DefaultSettings()
	s.Tokenizer = "bytes"
	if _, err := Build(context.Background(), src, filepath.Join(dir, "b"), s, Budget{}, nil); !errors.Is(err, corpus.ErrBadTokenizer) {
		t.Errorf("err = %v", err)
	}
}
