package cooccur

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestCountToFileMatchesCount checks that a matrix counted to disk writes
// the same file, byte for byte, as the in-memory one, that its sums and
// rows are the same bits, and that Close leaves nothing in the temporary
// folder. One worker: with more, the order in which equal keys of
// different runs are summed may differ from one count to the next.
func TestCountToFileMatchesCount(t *testing.T) {
	text := string(testkit.ShippedPrefix(t, testkit.DemoCorpus, 300_000)) // real text: WordNet glosses
	tests := []Options{
		{Window: 10, Symmetric: true, DistanceWeighting: true, MinCount: 2, Tokenizer: corpus.Words},
		{Window: 5, Symmetric: false, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Whitespace},
		// A 1 MiB budget: a small dense table, runs spilled and merged.
		{Window: 10, Symmetric: true, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Words, MemoryBytes: 1 << 20},
		{Window: 7, Symmetric: true, DistanceWeighting: false, MinCount: 3, MaxVocab: 300, Tokenizer: corpus.Words, MemoryBytes: 1 << 20},
	}
	for _, opt := range tests {
		opt.Workers = 1
		t.Run(fmt.Sprintf("w%d sym=%v dist=%v mem=%d", opt.Window, opt.Symmetric, opt.DistanceWeighting, opt.MemoryBytes), func(t *testing.T) {
			opt.TempDir = t.TempDir()
			want := countString(t, text, opt)
			res, mf, err := CountToFile(context.Background(), strings.NewReader(text), opt)
			if err != nil {
				t.Fatal(err)
			}
			m := want.Matrix
			if res.Matrix != nil || res.NNZ != want.NNZ || res.Sum != want.Sum || !slices.Equal(res.Vocab.Words(), want.Vocab.Words()) {
				t.Errorf("result: nnz %d sum %v, want %d %v (and a nil Matrix and the same vocabulary)", res.NNZ, res.Sum, want.NNZ, want.Sum)
			}
			if mf.Dim() != m.Dim() || mf.NNZ() != int64(m.NNZ()) || mf.Sum() != m.Sum() {
				t.Errorf("dim %d nnz %d sum %v, want %d %d %v", mf.Dim(), mf.NNZ(), mf.Sum(), m.Dim(), m.NNZ(), m.Sum())
			}
			for i := range int32(m.Dim()) {
				if mf.RowSum(i) != m.RowSum(i) || mf.ColSum(i) != m.ColSum(i) {
					t.Fatalf("word %d: row sum %v col sum %v, want %v %v", i, mf.RowSum(i), mf.ColSum(i), m.RowSum(i), m.ColSum(i))
				}
			}
			var got, ref bytes.Buffer
			if _, err := mf.WriteTo(&got); err != nil {
				t.Fatal(err)
			}
			if _, err := m.WriteTo(&ref); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), ref.Bytes()) {
				t.Errorf("MatrixFile.WriteTo: %d bytes, differs from Matrix.WriteTo's %d", got.Len(), ref.Len())
			}
			rows := 0
			err = mf.EachRow(func(i int32, cols []int32, vals []float64) error {
				rows++
				wc, wv := m.Row(i)
				if !slices.Equal(cols, wc) || !slices.Equal(vals, wv) {
					return fmt.Errorf("row %d differs", i)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if want := nonemptyRows(m); rows != want {
				t.Errorf("EachRow passed %d rows, want %d nonempty", rows, want)
			}
			if err := mf.Close(); err != nil {
				t.Fatal(err)
			}
			if entries, _ := os.ReadDir(opt.TempDir); len(entries) != 0 {
				t.Errorf("%d files left in the temporary folder after Close", len(entries))
			}
		})
	}
}

// TestCountToFileFailureLeavesNothing stops a count to disk at its
// nonzero bound and checks that no scratch file remains.
func TestCountToFileFailureLeavesNothing(t *testing.T) {
	text := string(testkit.ShippedPrefix(t, testkit.DemoCorpus, 100_000))
	opt := DefaultOptions()
	opt.MinCount = 1
	opt.MaxNonzeros = 1000
	opt.TempDir = t.TempDir()
	_, mf, err := CountToFile(context.Background(), strings.NewReader(text), opt)
	if !errors.Is(err, ErrMatrixTooLarge) || mf != nil {
		t.Fatalf("err = %v (MatrixFile %v), want ErrMatrixTooLarge", err, mf)
	}
	if entries, _ := os.ReadDir(opt.TempDir); len(entries) != 0 {
		t.Errorf("%d files left in the temporary folder", len(entries))
	}
}

func nonemptyRows(m *Matrix) int {
	n := 0
	for i := range int32(m.Dim()) {
		if cols, _ := m.Row(i); len(cols) > 0 {
			n++
		}
	}
	return n
}

// TestRunSetMergesWithinReadBudget adds many small runs to a run set whose
// in-memory budget holds only a few, so they are merged into files, then
// reduces the files to what a small read budget allows; the merged
// stream must be every key with its summed value, and no file may stay
// behind after close.
func TestRunSetMergesWithinReadBudget(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dir := t.TempDir()
	s := &runSet{budget: 3 * 500 * 16, tempDir: dir}
	want := map[uint64]float64{}
	const runs = 60
	for range runs {
		keys := map[uint64]float64{}
		for range 500 {
			key := uint64(rng.IntN(40))<<32 | uint64(rng.IntN(200))
			keys[key] += float64(rng.IntN(8)+1) / 8 // exact in binary: any order sums the same
		}
		r := &run{n: len(keys)}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			r.keys = append(r.keys, k)
			r.vals = append(r.vals, keys[k])
			want[k] += keys[k]
		}
		if err := s.add(r); err != nil {
			t.Fatal(err)
		}
	}
	if s.spilled == 0 || s.spilled >= runs {
		t.Fatalf("%d files spilled for %d runs, want runs merged into fewer files", s.spilled, runs)
	}
	readBytes := int64(4 * minReadBuf) // at most 4 files in the final merge
	readBuf, err := s.reduce(context.Background(), readBytes)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	for _, r := range s.runs {
		if r.file != "" {
			files++
		}
	}
	if files > 4 || readBuf*files > int(readBytes) || readBuf < minReadBuf {
		t.Errorf("%d files with %d-byte buffers after reduce, want at most 4 within %d bytes", files, readBuf, readBytes)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != files {
		t.Errorf("%d files in the folder, want the %d still in the set", len(entries), files)
	}
	m, err := newMerger(s.runs, readBuf)
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	prev := uint64(0)
	for {
		if _, ok := m.peek(); !ok {
			break
		}
		key, val, err := m.pop()
		if err != nil {
			t.Fatal(err)
		}
		if got > 0 && key <= prev {
			t.Fatalf("key %x after %x: not ascending", key, prev)
		}
		if w := want[key]; val != w {
			t.Errorf("key %x: %v, want %v", key, val, w)
		}
		prev = key
		got++
	}
	m.close()
	if got != len(want) {
		t.Errorf("%d keys merged, want %d", got, len(want))
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("%d files left after close", len(entries))
	}
}
