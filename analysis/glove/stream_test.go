package glove

import (
	"bytes"
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// binBytes returns entries in the cooccurrence.bin format.
func binBytes(t testing.TB, entries []cooccur.Entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	bw := cooccur.NewBinWriter(&buf)
	for _, e := range entries {
		if err := bw.Write(e); err != nil {
			t.Fatal(err)
		}
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sortedEntries returns zipfEntries sorted by row then column, as counting
// writes them: the worst case for a shuffle that does not mix.
func sortedEntries(n, v int, seed uint64) []cooccur.Entry {
	es := zipfEntries(n, v, seed)
	slices.SortFunc(es, func(a, b cooccur.Entry) int {
		if a.Row != b.Row {
			return int(a.Row - b.Row)
		}
		return int(a.Col - b.Col)
	})
	return es
}

// streamBudget is a memory bound giving chunks of minChunkLen nonzeros.
const streamBudget = 2 * entryBytes * minChunkLen

func newBinTrainer(t *testing.T, bin []byte, vocab int, opt Options) *Trainer {
	t.Helper()
	tr, err := NewTrainerBin(context.Background(), bytes.NewReader(bin), int64(len(bin)), vocab, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// fileEntries reads a streamed trainer's block file back in file order.
func fileEntries(t *testing.T, tr *Trainer) []entry {
	t.Helper()
	b := tr.stream
	out := make([]entry, 0, b.nnz)
	for k := range b.chunks() {
		lo, hi := b.chunkRange(k)
		chunk := make([]entry, hi-lo)
		if err := b.readChunk(k, chunk, nil); err != nil {
			t.Fatal(err)
		}
		out = append(out, chunk...)
	}
	return out
}

func TestBinTrainerEqualsEntryTrainer(t *testing.T) {
	entries := zipfEntries(30_000, 400, 11)
	opt := smallOptions(3, 1)
	a := newTestTrainer(t, entries, 400, opt)
	b := newBinTrainer(t, binBytes(t, entries), 400, opt)
	if _, ok := b.Streamed(); ok {
		t.Fatal("no memory bound, yet the trainer streams")
	}
	if a.checksum != b.checksum {
		t.Errorf("checksums %x and %x differ", a.checksum, b.checksum)
	}
	for _, tr := range []*Trainer{a, b} {
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if i, ok := sameBits(a.params, b.params); !ok {
		t.Fatalf("parameters differ at %d: %v vs %v", i, a.params[i], b.params[i])
	}
}

// TestShuffleIsUniform draws the permutation of 4 entries with 24 000
// seeds: each of the 24 permutations must come up about 1000 times
// (chi-square with 23 degrees of freedom below 60, p ≈ 4e-5).
func TestShuffleIsUniform(t *testing.T) {
	counts := map[[4]uint32]int{}
	const trials = 24_000
	for seed := range uint64(trials) {
		ents := []entry{{row: 0}, {row: 1}, {row: 2}, {row: 3}}
		shuffleEntries(ents, rand.New(rand.NewPCG(seed, 77)))
		counts[[4]uint32{ents[0].row, ents[1].row, ents[2].row, ents[3].row}]++
	}
	if len(counts) != 24 {
		t.Fatalf("%d distinct permutations, want 24", len(counts))
	}
	chi2 := 0.0
	for _, c := range counts {
		d := float64(c) - trials/24
		chi2 += d * d / (trials / 24)
	}
	if chi2 > 60 {
		t.Errorf("chi-square %.1f over 24 permutations: not uniform (%v)", chi2, counts)
	}
}

// TestLoadShuffleIsTheSequentialShuffle checks that the shuffle done
// while loading, slice by slice behind the converters, is the forward
// shuffle of the whole array whatever the number of workers, for sizes
// around the slice and look-ahead boundaries.
func TestLoadShuffleIsTheSequentialShuffle(t *testing.T) {
	const v = 300
	for _, n := range []int{1, 2, shuffleAhead, shuffleAhead + 1, loadSlice - 1, loadSlice, 2*loadSlice + 17} {
		entries := zipfEntries(n, v, uint64(n))
		want := make([]entry, n)
		if _, err := convertEntries(want, entries, v, newPreps(v, DefaultOptions(), 1, int64(n))); err != nil {
			t.Fatal(err)
		}
		shuffleEntries(want, rand.New(rand.NewPCG(5, 6)))
		bin := binBytes(t, entries)
		for _, workers := range []int{1, 3} {
			got := make([]entry, n)
			if _, err := loadRecords(context.Background(), bytes.NewReader(bin), got, 0, newPreps(v, DefaultOptions(), workers, int64(n)), rand.New(rand.NewPCG(5, 6))); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("n=%d, %d workers: the loading shuffle differs from the sequential one", n, workers)
			}
		}
	}
}

func TestFenwickFind(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 2, 3, 7, 8, 9, 100} {
		counts := make([]int, n)
		f := newFenwick(n)
		for k := range counts {
			counts[k] = rng.IntN(4) // zeros included
			f.add(k, counts[k])
		}
		total := 0
		for k, c := range counts {
			for u := total; u < total+c; u++ {
				if got := f.find(u); got != k {
					t.Errorf("n=%d counts %v: find(%d) = %d, want %d", n, counts, u, got, k)
				}
			}
			total += c
		}
		if f.total() != total {
			t.Errorf("n=%d: total %d, want %d", n, f.total(), total)
		}
	}
}

// TestBlockFileIsAMixedPermutation checks the streamed one-off shuffle: the
// block file holds exactly the prepared nonzeros, and each chunk of a
// row-sorted input has the mean row of the whole within six standard
// errors (an unmixed chunk would hold a narrow band of rows).
func TestBlockFileIsAMixedPermutation(t *testing.T) {
	const n, v = 300_000, 500
	entries := sortedEntries(n, v, 3)
	opt := smallOptions(1, 2)
	opt.MemoryBytes = streamBudget
	tr := newBinTrainer(t, binBytes(t, entries), v, opt)
	if chunk, ok := tr.Streamed(); !ok || chunk != minChunkLen {
		t.Fatalf("Streamed() = %d, %v; want %d, true", chunk, ok, minChunkLen)
	}
	got := fileEntries(t, tr)
	want := make([]entry, n)
	if _, err := convertEntries(want, entries, v, newPreps(v, opt, 1, int64(n))); err != nil {
		t.Fatal(err)
	}
	cmp := func(a, b entry) int {
		if a.row != b.row {
			return int(a.row) - int(b.row)
		}
		if a.ctx != b.ctx {
			return int(a.ctx) - int(b.ctx)
		}
		return int(math.Float32bits(a.logX)) - int(math.Float32bits(b.logX))
	}
	sorted := slices.Clone(got)
	slices.SortStableFunc(sorted, cmp)
	slices.SortStableFunc(want, cmp)
	if !slices.Equal(sorted, want) {
		t.Fatal("the block file does not hold the same nonzeros as the input")
	}
	var mean, sq float64
	for _, e := range got {
		mean += float64(e.row)
		sq += float64(e.row) * float64(e.row)
	}
	mean /= n
	sd := math.Sqrt(sq/n - mean*mean)
	for k := range tr.stream.chunks() {
		lo, hi := tr.stream.chunkRange(k)
		var m float64
		for _, e := range got[lo:hi] {
			m += float64(e.row)
		}
		m /= float64(hi - lo)
		if se := sd / math.Sqrt(float64(hi-lo)); math.Abs(m-mean) > 6*se {
			t.Errorf("chunk %d: mean row %.2f, whole file %.2f (standard error %.2f): not mixed", k, m, mean, se)
		}
	}
}

// TestStreamedEqualsInMemoryBitForBit trains the same nonzeros, in the
// order of the block file and cut into the same chunks, once streamed and
// once in memory: with one worker and a fixed seed every parameter must
// agree to the bit.
func TestStreamedEqualsInMemoryBitForBit(t *testing.T) {
	const n, v = 200_000, 400
	entries := zipfEntries(n, v, 5)
	opt := smallOptions(3, 1)
	opt.MemoryBytes = streamBudget
	streamed := newBinTrainer(t, binBytes(t, entries), v, opt)
	mem := newTrainerPrepared(fileEntries(t, streamed), streamed.checksum, n, v, opt)
	mem.chunkLen = streamed.chunkLen
	mem.blocks = mem.blocks[:(mem.chunkLen+blockSize-1)/blockSize]
	mem.initParams()
	if i, ok := sameBits(mem.params, streamed.params); !ok {
		t.Fatalf("initial parameters differ at %d", i)
	}
	for _, tr := range []*Trainer{streamed, mem} {
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if i, ok := sameBits(mem.params, streamed.params); !ok {
		t.Fatalf("parameters differ at %d: %v (in memory) vs %v (streamed)", i, mem.params[i], streamed.params[i])
	}
	for e := range mem.history {
		if mem.history[e].Cost != streamed.history[e].Cost {
			t.Errorf("epoch %d: cost %v in memory, %v streamed", e+1, mem.history[e].Cost, streamed.history[e].Cost)
		}
	}
}

// TestStreamedCostMatchesInMemory compares the default in-memory run (one
// global shuffle, one chunk) with a streamed one (its own shuffle, chunks
// of 64 Ki) on row-sorted data: the per-epoch costs must agree within 1 %
// (one worker, so that the figures are reproducible).
func TestStreamedCostMatchesInMemory(t *testing.T) {
	const n, v = 400_000, 2000
	bin := binBytes(t, sortedEntries(n, v, 8))
	opt := smallOptions(4, 1)
	mem := newBinTrainer(t, bin, v, opt)
	opt.MemoryBytes = streamBudget
	streamed := newBinTrainer(t, bin, v, opt)
	for _, tr := range []*Trainer{mem, streamed} {
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for e := range mem.history {
		a, b := mem.history[e].Cost, streamed.history[e].Cost
		t.Logf("epoch %d: cost %.6f in memory, %.6f streamed (%+.3f %%)", e+1, a, b, 100*(b-a)/a)
		if math.Abs(b-a) > 0.01*a {
			t.Errorf("epoch %d: streamed cost %v differs from in-memory %v by more than 1 %%", e+1, b, a)
		}
	}
}

// TestDamagedBlockFile damages or truncates the block file after it is
// written: training must stop with ErrBadBlockFile before finishing an
// epoch, never train on the damaged data.
func TestDamagedBlockFile(t *testing.T) {
	const n, v = 200_000, 400
	bin := binBytes(t, zipfEntries(n, v, 6))
	for _, tc := range []struct {
		name   string
		damage func(f *os.File) error
	}{
		{"one byte flipped", func(f *os.File) error {
			b := make([]byte, 1)
			if _, err := f.ReadAt(b, 123_457); err != nil {
				return err
			}
			b[0] ^= 0x10
			_, err := f.WriteAt(b, 123_457)
			return err
		}},
		{"truncated", func(f *os.File) error { return f.Truncate(int64(n*entryBytes - 100)) }},
		{"emptied", func(f *os.File) error { return f.Truncate(0) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := smallOptions(2, 2)
			opt.MemoryBytes = streamBudget
			tr := newBinTrainer(t, bin, v, opt)
			if err := tc.damage(tr.stream.f); err != nil {
				t.Fatal(err)
			}
			err := tr.Run(context.Background())
			if !errors.Is(err, ErrBadBlockFile) {
				t.Fatalf("Run = %v, want ErrBadBlockFile", err)
			}
			if tr.Epoch() != 0 || len(tr.History()) != 0 {
				t.Errorf("an epoch was recorded on a damaged file: epoch %d", tr.Epoch())
			}
			t.Log(err)
		})
	}
}

// TestCancelStreamedLeavesNothing cancels a streamed run mid-epoch (and
// another while loading): no goroutine and no file may be left behind.
func TestCancelStreamedLeavesNothing(t *testing.T) {
	defer goleak.VerifyNone(t)
	const n, v = 400_000, 2000
	bin := binBytes(t, zipfEntries(n, v, 9))
	dir := t.TempDir()
	opt := smallOptions(1000, 2)
	opt.MemoryBytes = streamBudget
	opt.TempDir = dir

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := NewTrainerBin(ctx, bytes.NewReader(bin), int64(len(bin)), v, opt); !errors.Is(err, context.Canceled) {
		t.Errorf("loading with a cancelled context: %v, want context.Canceled", err)
	}
	assertEmptyDir(t, dir)

	tr, err := NewTrainerBin(context.Background(), bytes.NewReader(bin), int64(len(bin)), v, opt)
	if err != nil {
		t.Fatal(err)
	}
	assertEmptyDir(t, dir) // unlinked as soon as created
	ctx, cancel = context.WithCancel(context.Background())
	timer := time.AfterFunc(30*time.Millisecond, cancel)
	defer timer.Stop()
	err = tr.Run(ctx)
	cancel()
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run = %v, want context.Canceled", err)
	}
	if err := tr.Close(); err != nil {
		t.Fatal(err)
	}
	assertEmptyDir(t, dir)
}

func assertEmptyDir(t *testing.T, dir string) {
	t.Helper()
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 0 {
		t.Errorf("%s holds %d files, want none (first %s)", dir, len(names), names[0].Name())
	}
}

// TestBadBinStream checks the errors of NewTrainerBin on bad input, in
// memory and streamed.
func TestBadBinStream(t *testing.T) {
	const v = 400
	good := binBytes(t, zipfEntries(150_000, v, 4))
	badID := slices.Clone(good)
	badID[16*140_000+2] = 0xff // word id of record 140 001 far beyond v
	for _, budget := range []int64{0, streamBudget} {
		for _, tc := range []struct {
			name string
			data []byte
			size int64
			want string
		}{
			{"size not whole records", good, int64(len(good) - 3), "not a whole number"},
			{"stream shorter than its size", good[:len(good)-160], int64(len(good)), "ends after 149990 whole records"},
			{"id outside the vocabulary", badID, int64(len(badID)), "record 140001"},
			{"empty", nil, 0, "no nonzeros"},
		} {
			opt := smallOptions(1, 2)
			opt.MemoryBytes = budget
			opt.TempDir = t.TempDir()
			_, err := NewTrainerBin(context.Background(), bytes.NewReader(tc.data), tc.size, v, opt)
			if err == nil || !(errors.Is(err, cooccur.ErrBadBinFile) || errors.Is(err, ErrNoCooccurrences)) || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
				t.Errorf("budget %d, %s: error %v, want cooccur.ErrBadBinFile mentioning %q", budget, tc.name, err, tc.want)
			}
			assertEmptyDir(t, opt.TempDir)
		}
	}
}

// TestStreamedResumeEqualsUninterrupted checkpoints a streamed run after
// two epochs and resumes it streamed (ResumeBin) for two more: with one
// worker it must equal four epochs in one go. Close must leave the model
// readable.
func TestStreamedResumeEqualsUninterrupted(t *testing.T) {
	const n, v = 150_000, 300
	bin := binBytes(t, zipfEntries(n, v, 12))
	opt := smallOptions(4, 1)
	opt.MemoryBytes = streamBudget
	whole := newBinTrainer(t, bin, v, opt)
	if err := whole.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	opt.Epochs = 2
	first := newBinTrainer(t, bin, v, opt)
	if err := first.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := first.WriteCheckpoint(&buf); err != nil {
		t.Fatal(err)
	}
	ck, err := ReadCheckpoint(&buf)
	if err != nil {
		t.Fatal(err)
	}
	ck.Options.Epochs = 4
	ck.Options.MemoryBytes = streamBudget
	resumed, err := ResumeBin(context.Background(), bytes.NewReader(bin), int64(len(bin)), v, ck)
	if err != nil {
		t.Fatal(err)
	}
	if err := resumed.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := resumed.Close(); err != nil {
		t.Fatal(err)
	}
	if i, ok := sameBits(whole.params, resumed.params); !ok {
		t.Fatalf("resumed parameters differ at %d", i)
	}
	if got, want := resumed.Model().Word.At(3, 2), whole.Model().Word.At(3, 2); got != want {
		t.Errorf("Model after Close: W[3][2] = %v, want %v", got, want)
	}
	other := binBytes(t, zipfEntries(n, v, 13))
	if _, err := ResumeBin(context.Background(), bytes.NewReader(other), int64(len(other)), v, ck); !errors.Is(err, ErrCheckpointMismatch) {
		t.Errorf("ResumeBin on other data: %v, want ErrCheckpointMismatch", err)
	}
}

// TestMemoryBytesWithinBoundsTheStreamedAllocation checks the streamed
// estimate against what a streamed NewTrainerBin, two epochs and Model
// really allocate (the block file's buffers included): never below, at
// most 1.5× above, and far below the in-memory estimate.
func TestMemoryBytesWithinBoundsTheStreamedAllocation(t *testing.T) {
	const n, v, d = 2_000_000, 3000, 20
	bin := binBytes(t, zipfEntries(n, v, 14))
	opt := smallOptions(2, 2)
	opt.VectorSize = d
	opt.MemoryBytes = 4 * streamBudget // four chunks of 256 Ki
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	tr := newBinTrainer(t, bin, v, opt)
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	m := tr.Model()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(m)
	got := int64(after.TotalAlloc - before.TotalAlloc)
	est := MemoryBytesWithin(v, n, d, opt.MemoryBytes)
	t.Logf("estimate %d, allocated %d (%.3f×); in memory it would be %d", est, got, float64(est)/float64(got), MemoryBytes(v, n, d))
	if est < got || float64(est) > 1.5*float64(got) {
		t.Errorf("estimate %d bytes, allocated %d", est, got)
	}
	if est*3 > MemoryBytes(v, n, d) {
		t.Errorf("streamed estimate %d is not well below the in-memory %d", est, MemoryBytes(v, n, d))
	}
	if MemoryBytesWithin(v, n, d, 0) != MemoryBytes(v, n, d) || MemoryBytesWithin(v, n, d, 16*n) != MemoryBytes(v, n, d) {
		t.Error("MemoryBytesWithin differs from MemoryBytes for a budget that holds the matrix")
	}
}
