package corpusbuild

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/durable"
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
	l, err := Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if l.Vocab.Len() != 8 || l.Matrix.Dim() != 8 || l.Summary.NNZ != int64(l.Matrix.NNZ()) {
		t.Errorf("loaded %d words, dim %d, nnz %d vs %d", l.Vocab.Len(), l.Matrix.Dim(), l.Summary.NNZ, l.Matrix.NNZ())
	}
	// A failed rebuild leaves no finished build behind.
	bad := filepath.Join(dir, "empty.txt")
	os.WriteFile(bad, nil, 0o644)
	if _, err := Build(context.Background(), bad, out, s, Budget{}, nil); !errors.Is(err, corpus.ErrEmptyCorpus) {
		t.Fatalf("empty corpus: err = %v", err)
	}
	if _, err := Load(out); !errors.Is(err, ErrNotBuilt) {
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

// TestBuildPublishesDurably checks the order in which a build makes its
// artefacts durable: the new build directory's entry, the removal of an old
// summary, then each artefact synced and renamed into a synced directory,
// summary.json last, so that after a power cut a summary never describes
// artefacts that are missing or from another build.
func TestBuildPublishesDurably(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(src, []byte(strings.Repeat("ice is solid\nsteam is gas\n", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "builds", "3")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		t.Fatal(err)
	}
	// dirSyncs[i] lists what out held at its i-th sync.
	var parentSynced bool
	var dirSyncs [][]string
	var fileSyncs []string
	record := func(path string) {
		switch {
		case path == filepath.Dir(out):
			if _, err := os.Stat(out); err == nil {
				parentSynced = true
			}
		case path == out:
			es, _ := os.ReadDir(out)
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			dirSyncs = append(dirSyncs, names)
		case filepath.Dir(path) == out:
			fileSyncs = append(fileSyncs, path)
		}
	}
	bl := Builder{Syncer: durable.Syncer{Observe: record}}
	if _, err := bl.Build(context.Background(), src, out, DefaultSettings(), Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	if !parentSynced {
		t.Error("the new build directory's parent was not synced")
	}
	artefacts := []string{"vocab.txt", "unigrams.txt", "matrix.gbcsr", "summary.json"}
	if len(fileSyncs) != len(artefacts) || len(dirSyncs) != len(artefacts) {
		t.Fatalf("%d file syncs and %d directory syncs, want %d of each (one per artefact)", len(fileSyncs), len(dirSyncs), len(artefacts))
	}
	for i, name := range artefacts {
		if !slices.Contains(dirSyncs[i], name) {
			t.Errorf("sync %d of the build directory: %v lacks %s", i, dirSyncs[i], name)
		}
		if name != "summary.json" && slices.Contains(dirSyncs[i], "summary.json") {
			t.Errorf("summary.json was in place before %s was synced", name)
		}
	}

	// A rebuild first makes the old summary's removal durable.
	dirSyncs, fileSyncs = nil, nil
	if _, err := bl.Build(context.Background(), src, out, DefaultSettings(), Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	if len(dirSyncs) != len(artefacts)+1 || slices.Contains(dirSyncs[0], "summary.json") || !slices.Contains(dirSyncs[0], "matrix.gbcsr") {
		t.Errorf("rebuild: first sync of the build directory %v, want the old artefacts without summary.json", dirSyncs)
	}
}

// TestBuildSpillsIntoItsOwnFolder builds with a counting budget small
// enough to spill: the spill files go to dir/spill while the build runs
// (seen from the progress callback) and the folder is gone afterwards;
// RemoveSpill clears one that a killed build left.
func TestBuildSpillsIntoItsOwnFolder(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.txt")
	var b strings.Builder
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&b, "w%d w%d w%d w%d\n", i%997, i%991, i%983, i%977)
	}
	if err := os.WriteFile(src, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "build")
	spill := filepath.Join(out, SpillDir)
	s := DefaultSettings()
	s.MinCount = 1
	maxSeen := 0
	_, err := Build(context.Background(), src, out, s, Budget{CountingBytes: 64 << 10}, func(float64, string) {
		if entries, err := os.ReadDir(spill); err == nil {
			maxSeen = max(maxSeen, len(entries))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if maxSeen == 0 {
		t.Fatal("no spill file was seen in the spill folder during the build; the budget did not force a spill")
	}
	if _, err := os.Stat(spill); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spill folder after the build: %v, want it gone", err)
	}
	// What a killed build leaves.
	if err := os.MkdirAll(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(spill, "gloveboard-tokens-1.bin"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := RemoveSpill(out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spill); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spill folder after RemoveSpill: %v, want it gone", err)
	}
	if _, err := ReadSummary(out); err != nil {
		t.Errorf("RemoveSpill damaged the build: %v", err)
	}
}

// TestUnchanged: the check that a reader opened the files of one build.
// It passes while the summary read first is still there, and fails with
// ErrRebuilt (an ErrNotBuilt) once a rebuild has removed it or written a
// newer one; Load without a summary fails too, rather than return a mix
// of two builds.
func TestUnchanged(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "corpus.txt")
	if err := os.WriteFile(src, []byte(strings.Repeat("ice is solid and cold\nsteam is gas and hot\n", 20)), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "build")
	if _, err := Build(context.Background(), src, out, DefaultSettings(), Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	before, err := ReadSummary(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := Unchanged(out, before); err != nil {
		t.Fatalf("same build: %v", err)
	}
	newer := *before
	newer.Built = before.Built.Add(time.Second)
	if err := Unchanged(out, &newer); !errors.Is(err, ErrRebuilt) || !errors.Is(err, ErrNotBuilt) {
		t.Errorf("a summary of another build: %v, want ErrRebuilt, an ErrNotBuilt", err)
	}
	// A rebuild removes the summary first.
	if _, err := Build(context.Background(), src, out, DefaultSettings(), Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	if err := Unchanged(out, before); !errors.Is(err, ErrRebuilt) {
		t.Errorf("after a rebuild: %v, want ErrRebuilt", err)
	}
	if err := os.Remove(filepath.Join(out, "summary.json")); err != nil {
		t.Fatal(err)
	}
	if err := Unchanged(out, before); !errors.Is(err, ErrRebuilt) {
		t.Errorf("summary removed: %v, want ErrRebuilt", err)
	}
	if _, err := Load(out); !errors.Is(err, ErrNotBuilt) {
		t.Errorf("Load without a summary: %v, want ErrNotBuilt", err)
	}
}
