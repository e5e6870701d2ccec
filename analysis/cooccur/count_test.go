package cooccur

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"go.uber.org/goleak"
)

// countString counts text with opt and fails the test on error.
func countString(t *testing.T, text string, opt Options) *Result {
	t.Helper()
	res, err := Count(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		t.Fatalf("Count: %v", err)
	}
	return res
}

// dense returns the matrix as a map keyed by word pairs.
func byWords(res *Result) map[[2]string]float64 {
	out := map[[2]string]float64{}
	for _, e := range res.Matrix.AppendEntries(nil) {
		out[[2]string{res.Vocab.Word(e.Row), res.Vocab.Word(e.Col)}] = e.Value
	}
	return out
}

func TestCountHandComputed(t *testing.T) {
	base := Options{Window: 2, Symmetric: true, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Whitespace}
	with := func(f func(*Options)) Options { o := base; f(&o); return o }
	type m = map[[2]string]float64
	tests := []struct {
		name string
		text string
		opt  Options
		want m
	}{
		{
			// the cat sat / the cat: pairs (the,cat,1) (the,sat,2) (cat,sat,1) (the,cat,1)
			name: "symmetric 1/d",
			text: "the cat sat\nthe cat\n",
			opt:  base,
			want: m{{"the", "cat"}: 2, {"cat", "the"}: 2, {"the", "sat"}: 0.5, {"sat", "the"}: 0.5, {"cat", "sat"}: 1, {"sat", "cat"}: 1},
		},
		{
			name: "left-only: X[context][target], context on the left",
			text: "the cat sat\nthe cat\n",
			opt:  with(func(o *Options) { o.Symmetric = false }),
			want: m{{"the", "cat"}: 2, {"the", "sat"}: 0.5, {"cat", "sat"}: 1},
		},
		{
			name: "no distance weighting",
			text: "the cat sat\nthe cat\n",
			opt:  with(func(o *Options) { o.DistanceWeighting = false }),
			want: m{{"the", "cat"}: 2, {"cat", "the"}: 2, {"the", "sat"}: 1, {"sat", "the"}: 1, {"cat", "sat"}: 1, {"sat", "cat"}: 1},
		},
		{
			name: "window 1",
			text: "the cat sat\nthe cat\n",
			opt:  with(func(o *Options) { o.Window = 1 }),
			want: m{{"the", "cat"}: 2, {"cat", "the"}: 2, {"cat", "sat"}: 1, {"sat", "cat"}: 1},
		},
		{
			name: "windows do not cross lines",
			text: "a\nb\n",
			opt:  base,
			want: m{},
		},
		{
			name: "repeated word: symmetric adds twice to the diagonal",
			text: "a a",
			opt:  base,
			want: m{{"a", "a"}: 2},
		},
		{
			name: "repeated word: left-only adds once",
			text: "a a",
			opt:  with(func(o *Options) { o.Symmetric = false }),
			want: m{{"a", "a"}: 1},
		},
		{
			name: "rare words are dropped before windowing",
			text: "a x b\na b\n",
			opt:  with(func(o *Options) { o.MinCount = 2; o.Window = 1 }),
			want: m{{"a", "b"}: 2, {"b", "a"}: 2},
		},
		{
			name: "words tokenizer",
			text: "The CAT, sat!\r\nthe cat.",
			opt:  with(func(o *Options) { o.Tokenizer = corpus.Words }),
			want: m{{"the", "cat"}: 2, {"cat", "the"}: 2, {"the", "sat"}: 0.5, {"sat", "the"}: 0.5, {"cat", "sat"}: 1, {"sat", "cat"}: 1},
		},
		{
			name: "whitespace tokenizer keeps case and punctuation",
			text: "The cat ,",
			opt:  with(func(o *Options) { o.Window = 1 }),
			want: m{{"The", "cat"}: 1, {"cat", "The"}: 1, {"cat", ","}: 1, {",", "cat"}: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := countString(t, tt.text, tt.opt)
			got := byWords(res)
			if len(got) != len(tt.want) {
				t.Errorf("got %d nonzeros %v, want %d %v", len(got), got, len(tt.want), tt.want)
			}
			for k, w := range tt.want {
				if g := got[k]; math.Abs(g-w) > 1e-12 {
					t.Errorf("X%v = %g, want %g", k, g, w)
				}
			}
			if res.NNZ != int64(res.Matrix.NNZ()) {
				t.Errorf("NNZ = %d, matrix has %d", res.NNZ, res.Matrix.NNZ())
			}
		})
	}
}

// naiveCount is an independent reference: it keeps each line's kept
// ranks and sums every pair into a map.
func naiveCount(t *testing.T, text string, opt Options) (*corpus.Vocabulary, map[[2]int32]float64) {
	t.Helper()
	sc := corpus.NewScanner(strings.NewReader(text), opt.Tokenizer)
	var lines [][]string
	var line []string
	counts := map[string]int64{}
	for sc.Scan() {
		if sc.LineBreak() {
			lines = append(lines, line)
			line = nil
			continue
		}
		w := string(sc.Token())
		counts[w]++
		line = append(line, w)
	}
	lines = append(lines, line)
	var words []string
	var cs []int64
	for w, c := range counts {
		words = append(words, w)
		cs = append(cs, c)
	}
	full, err := corpus.NewVocabulary(words, cs)
	if err != nil {
		t.Fatal(err)
	}
	vocab := full.Prune(opt.MinCount, opt.MaxVocab)
	x := map[[2]int32]float64{}
	for _, l := range lines {
		var ids []int32
		for _, w := range l {
			if id, ok := vocab.ID(w); ok {
				ids = append(ids, id)
			}
		}
		for q := range ids {
			for p := max(0, q-opt.Window); p < q; p++ {
				w := 1.0
				if opt.DistanceWeighting {
					w = 1 / float64(q-p)
				}
				x[[2]int32{ids[p], ids[q]}] += w
				if opt.Symmetric {
					x[[2]int32{ids[q], ids[p]}] += w
				}
			}
		}
	}
	return vocab, x
}

func TestCountMatchesNaiveReference(t *testing.T) {
	raw := testkit.ShippedPrefix(t, testkit.DemoCorpus, 400_000) // real text: WordNet glosses
	text := string(raw)
	tests := []Options{
		{Window: 5, Symmetric: true, DistanceWeighting: true, MinCount: 2, Tokenizer: corpus.Whitespace},
		{Window: 15, Symmetric: true, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Words},
		{Window: 10, Symmetric: false, DistanceWeighting: true, MinCount: 3, Tokenizer: corpus.Words},
		{Window: 7, Symmetric: true, DistanceWeighting: false, MinCount: 2, MaxVocab: 500, Tokenizer: corpus.Words},
		// Tiny memory budget: the dense table is small and runs spill to disk.
		{Window: 10, Symmetric: true, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Words, MemoryBytes: 1 << 20, Workers: 3},
		{Window: 10, Symmetric: false, DistanceWeighting: true, MinCount: 1, Tokenizer: corpus.Whitespace, MemoryBytes: 1 << 20, Workers: 1},
	}
	for _, opt := range tests {
		name := fmt.Sprintf("w%d sym=%v dist=%v min=%d max=%d %v mem=%d workers=%d", opt.Window, opt.Symmetric, opt.DistanceWeighting, opt.MinCount, opt.MaxVocab, opt.Tokenizer, opt.MemoryBytes, opt.Workers)
		t.Run(name, func(t *testing.T) {
			opt.TempDir = t.TempDir()
			res := countString(t, text, opt)
			vocab, want := naiveCount(t, text, opt)
			if res.Vocab.Len() != vocab.Len() {
				t.Fatalf("vocabulary %d words, want %d", res.Vocab.Len(), vocab.Len())
			}
			if res.Matrix.NNZ() != len(want) {
				t.Errorf("nnz %d, want %d", res.Matrix.NNZ(), len(want))
			}
			bad := 0
			for _, e := range res.Matrix.AppendEntries(nil) {
				w := want[[2]int32{e.Row, e.Col}]
				if math.Abs(e.Value-w) > 1e-9*math.Abs(w) {
					if bad++; bad <= 5 {
						t.Errorf("X[%s][%s] = %.15g, want %.15g", res.Vocab.Word(e.Row), res.Vocab.Word(e.Col), e.Value, w)
					}
				}
			}
			if opt.MemoryBytes == 1<<20 {
				if res.SpilledRuns == 0 {
					t.Error("no run spilled to disk with a 1 MiB budget")
				}
				entries, _ := os.ReadDir(opt.TempDir)
				if len(entries) != 0 {
					t.Errorf("%d spill files left behind in %s", len(entries), opt.TempDir)
				}
			}
		})
	}
}

func TestCountProperties(t *testing.T) {
	raw := testkit.ShippedPrefix(t, testkit.DemoCorpus, 300_000) // real text: WordNet glosses
	opt := DefaultOptions()
	res := countString(t, string(raw), opt)
	m := res.Matrix
	// Symmetric window → X = Xᵀ; Σ_k P(k|i) = 1 for every row with mass.
	for i := int32(0); int(i) < m.Dim(); i++ {
		cols, vals := m.Row(i)
		sum := 0.0
		for k, j := range cols {
			if k > 0 && cols[k-1] >= j {
				t.Fatalf("row %d not sorted at %d", i, k)
			}
			if got := m.At(j, i); got != vals[k] {
				t.Fatalf("X[%d][%d] = %g but X[%d][%d] = %g", i, j, vals[k], j, i, got)
			}
			sum += vals[k] / m.RowSum(i)
		}
		if len(cols) > 0 && math.Abs(sum-1) > 1e-12 {
			t.Fatalf("Σ_k P(k|%d) = %.15g, want 1", i, sum)
		}
	}
	if math.Abs(m.Sum()-res.Sum) > 1e-9*res.Sum {
		t.Errorf("matrix sum %g, result sum %g", m.Sum(), res.Sum)
	}
}

func TestCountWorkersAgree(t *testing.T) {
	raw := testkit.ShippedPrefix(t, testkit.DemoCorpus, 200_000) // real text: WordNet glosses
	text := string(raw)
	var ref []Entry
	for _, workers := range []int{1, 2, 5} {
		opt := DefaultOptions()
		opt.Workers = workers
		got := countString(t, text, opt).Matrix.AppendEntries(nil)
		if ref == nil {
			ref = got
			continue
		}
		if len(got) != len(ref) {
			t.Fatalf("workers=%d: %d entries, want %d", workers, len(got), len(ref))
		}
		for k := range got {
			if got[k].Row != ref[k].Row || got[k].Col != ref[k].Col || math.Abs(got[k].Value-ref[k].Value) > 1e-12*ref[k].Value {
				t.Fatalf("workers=%d: entry %d = %+v, want %+v", workers, k, got[k], ref[k])
			}
		}
	}
}

func TestCountToMatchesCount(t *testing.T) {
	text := "a b c d a b\nc a b d\nb b a\n"
	opt := DefaultOptions()
	opt.MinCount = 1
	res := countString(t, text, opt)
	var buf bytes.Buffer
	if _, err := CountTo(context.Background(), strings.NewReader(text), opt, &buf); err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := res.Matrix.WriteBin(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want.Bytes()) {
		t.Fatal("CountTo output differs from Matrix.WriteBin")
	}
	back, err := ReadBin(&buf, res.Vocab.Len())
	if err != nil {
		t.Fatal(err)
	}
	m2, err := NewMatrix(res.Vocab.Len(), back, true)
	if err != nil {
		t.Fatal(err)
	}
	if m2.NNZ() != res.Matrix.NNZ() || m2.Sum() != res.Matrix.Sum() {
		t.Errorf("round trip: nnz %d sum %g, want %d %g", m2.NNZ(), m2.Sum(), res.Matrix.NNZ(), res.Matrix.Sum())
	}
}

func TestCountBadInput(t *testing.T) {
	good := DefaultOptions()
	with := func(f func(*Options)) Options { o := good; f(&o); return o }
	tests := []struct {
		name    string
		text    string
		opt     Options
		wantErr error
	}{
		{"window 0", "a b", with(func(o *Options) { o.Window = 0 }), ErrBadOptions},
		{"negative window", "a b", with(func(o *Options) { o.Window = -3 }), ErrBadOptions},
		{"absurd window", "a b", with(func(o *Options) { o.Window = 100000 }), ErrBadOptions},
		{"min-count 0", "a b", with(func(o *Options) { o.MinCount = 0 }), ErrBadOptions},
		{"negative max-vocab", "a b", with(func(o *Options) { o.MaxVocab = -1 }), ErrBadOptions},
		{"bad tokenizer", "a b", with(func(o *Options) { o.Tokenizer = 7 }), corpus.ErrBadTokenizer},
		{"empty corpus", "", good, corpus.ErrEmptyCorpus},
		{"only punctuation", "!!! ... ???", good, corpus.ErrEmptyCorpus},
		{"no word reaches min-count", "a b c", good, corpus.ErrEmptyCorpus},
		{"binary", "\x7fELF\x00\x00\x01", good, corpus.ErrBinary},
		{"utf-16", "\xff\xfea\x00", good, corpus.ErrUTF16},
		{"truncated gzip", "\x1f\x8b\x08\x00\x00\x00", good, corpus.ErrCorruptGzip},
		{"too large", strings.Repeat("word ", 1000), with(func(o *Options) { o.MaxBytes = 100 }), corpus.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Count(context.Background(), strings.NewReader(tt.text), tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestCountCancelLeavesNoGoroutines(t *testing.T) {
	defer goleak.VerifyNone(t)
	text := strings.Repeat("the quick brown fox jumps over the lazy dog\n", 200_000)
	ctx, cancel := context.WithCancel(context.Background())
	opt := DefaultOptions()
	opt.MinCount = 1
	calls := 0
	opt.Progress = func(p Progress) {
		if calls++; p.Phase == "counting" {
			cancel()
		}
	}
	_, err := Count(ctx, strings.NewReader(text), opt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if calls == 0 {
		t.Error("progress was never reported")
	}
}

func TestBinReaderErrors(t *testing.T) {
	var buf bytes.Buffer
	bw := NewBinWriter(&buf)
	bw.Write(Entry{Row: 0, Col: 1, Value: 2.5})
	bw.Write(Entry{Row: 4, Col: 0, Value: 1})
	bw.Flush()
	good := buf.Bytes()
	nan := append([]byte(nil), good...)
	copy(nan[8:16], []byte{0, 0, 0, 0, 0, 0, 0xf8, 0x7f})
	tests := []struct {
		name  string
		in    []byte
		vocab int
		want  int // entries, or -1 for ErrBadBinFile
	}{
		{"good", good, 5, 2},
		{"empty", nil, 5, 0},
		{"truncated record", good[:20], 5, -1},
		{"id beyond vocabulary", good, 4, -1},
		{"NaN value", nan, 5, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadBin(bytes.NewReader(tt.in), tt.vocab)
			if tt.want < 0 {
				if !errors.Is(err, ErrBadBinFile) {
					t.Fatalf("err = %v, want ErrBadBinFile", err)
				}
				return
			}
			if err != nil || len(got) != tt.want {
				t.Fatalf("got %d entries, err %v; want %d", len(got), err, tt.want)
			}
		})
	}
}

func TestMatrixFileRoundTrip(t *testing.T) {
	opt := DefaultOptions()
	opt.MinCount = 1
	res := countString(t, "a b c d a b\nc a b d\nb b a\n", opt)
	var buf bytes.Buffer
	if _, err := res.Matrix.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	good := append([]byte(nil), buf.Bytes()...)
	back, err := ReadMatrix(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want, got := res.Matrix.AppendEntries(nil), back.AppendEntries(nil)
	if len(got) != len(want) || back.Sum() != res.Matrix.Sum() || !back.Symmetric() {
		t.Fatalf("round trip: %d entries sum %g, want %d %g", len(got), back.Sum(), len(want), res.Matrix.Sum())
	}
	for k := range want {
		if got[k] != want[k] {
			t.Fatalf("entry %d: %+v, want %+v", k, got[k], want[k])
		}
	}
	for _, bad := range [][]byte{nil, []byte("GBCSR001"), good[:len(good)-3], append([]byte("XXXXXXXX"), good[8:]...)} {
		if _, err := ReadMatrix(bytes.NewReader(bad)); !errors.Is(err, ErrBadMatrixFile) {
			t.Errorf("damaged file of %d bytes: err = %v", len(bad), err)
		}
	}
}

func TestCountLimits(t *testing.T) {
	text := "a b c d e f g h a b c d e f g h\n"
	opt := DefaultOptions()
	opt.MinCount, opt.Window = 1, 3
	full, err := Count(context.Background(), strings.NewReader(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		maxNonzeros int64
		maxTypes    int
		wantErr     error
	}{
		{"nonzeros at the limit", full.NNZ, 0, nil},
		{"one nonzero too many", full.NNZ - 1, 0, ErrMatrixTooLarge},
		{"types at the limit", 0, 8, nil},
		{"one type too many", 0, 7, corpus.ErrVocabularyTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := opt
			o.MaxNonzeros, o.MaxTypes = tc.maxNonzeros, tc.maxTypes
			got, err := Count(context.Background(), strings.NewReader(text), o)
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
			if err == nil && got.NNZ != full.NNZ {
				t.Errorf("NNZ = %d, want %d", got.NNZ, full.NNZ)
			}
		})
	}
}
