package corpusbuild

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBuildTinyBudgetMatchesLargeBudget builds the same text with a
// counting budget of 1 MiB (runs spilled and merged on disk, a small
// dense table, the matrix streamed through scratch files) and with the
// default of 1 GiB (nothing spilled): the vocabulary files must be the
// same bytes and the matrix the same entries. The values may differ in
// their last bits only (relative 1e-12), because the weights 1/d of one
// pair are summed in an order that depends on how the runs were grouped.
func TestBuildTinyBudgetMatchesLargeBudget(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(src, testkit.ShippedPrefix(t, testkit.DemoCorpus, 1_500_000), 0o644); err != nil {
		t.Fatal(err)
	}
	s := DefaultSettings()
	s.MinCount = 2
	large, small := filepath.Join(dir, "large"), filepath.Join(dir, "small")
	sumLarge, err := Build(context.Background(), src, large, s, Budget{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	spilled := 0
	sumSmall, err := Build(context.Background(), src, small, s, Budget{CountingBytes: 1 << 20}, func(float64, string) {
		if entries, err := os.ReadDir(filepath.Join(small, SpillDir)); err == nil {
			spilled = max(spilled, len(entries))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if spilled == 0 {
		t.Fatal("the 1 MiB build wrote no spill file: it did not test spilling")
	}
	for _, name := range []string{"vocab.txt", "unigrams.txt"} {
		a, errA := os.ReadFile(filepath.Join(large, name))
		b, errB := os.ReadFile(filepath.Join(small, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the budgets (%v, %v)", name, errA, errB)
		}
	}
	if sumSmall.Tokens != sumLarge.Tokens || sumSmall.VocabSize != sumLarge.VocabSize || sumSmall.NNZ != sumLarge.NNZ ||
		!close12(sumSmall.SumX, sumLarge.SumX) || !close12(sumSmall.MutualInformationBits, sumLarge.MutualInformationBits) ||
		sumSmall.EntropyBits != sumLarge.EntropyBits {
		t.Errorf("summary at 1 MiB %+v, want %+v", sumSmall, sumLarge)
	}
	l, err := Load(large)
	if err != nil {
		t.Fatal(err)
	}
	sm, err := Load(small)
	if err != nil {
		t.Fatal(err)
	}
	if l.Matrix.NNZ() < 100_000 || sm.Matrix.NNZ() != l.Matrix.NNZ() {
		t.Fatalf("nonzeros: %d at 1 MiB, %d at 1 GiB (want equal, and enough to spill)", sm.Matrix.NNZ(), l.Matrix.NNZ())
	}
	bad := 0
	for i := range int32(l.Matrix.Dim()) {
		wc, wv := l.Matrix.Row(i)
		gc, gv := sm.Matrix.Row(i)
		if !slices.Equal(gc, wc) {
			t.Fatalf("row %d: columns differ", i)
		}
		for k := range wv {
			if !close12(gv[k], wv[k]) {
				if bad++; bad <= 5 {
					t.Errorf("X[%d][%d] = %.17g at 1 MiB, %.17g at 1 GiB", i, wc[k], gv[k], wv[k])
				}
			}
		}
	}
}

// close12 reports whether a and b agree to 1e-12 relative.
func close12(a, b float64) bool { return math.Abs(a-b) <= 1e-12*math.Abs(b) }
