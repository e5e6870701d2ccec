package runs

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestValidate(t *testing.T) {
	if err := DefaultParams().Validate(); err != nil {
		t.Fatalf("defaults rejected: %v", err)
	}
	bad := []func(*Params){
		func(p *Params) { p.VectorSize = 0 },
		func(p *Params) { p.VectorSize = 100000 },
		func(p *Params) { p.Epochs = 0 },
		func(p *Params) { p.XMax = 0 },
		func(p *Params) { p.XMax = math.Inf(1) },
		func(p *Params) { p.Alpha = -0.1 },
		func(p *Params) { p.Eta = math.NaN() },
		func(p *Params) { p.Eta = -1 },
		func(p *Params) { p.Threads = 0 },
	}
	for i, f := range bad {
		p := DefaultParams()
		f(&p)
		err := p.Validate()
		var ie *InvalidError
		if !errors.Is(err, glove.ErrInvalidOptions) || !errors.As(err, &ie) || ie.Msg == "" {
			t.Errorf("case %d: %+v gave %v", i, p, err)
		}
	}
}

// tinyBuild builds a small corpus in a fresh store opened with opt.
func tinyBuild(t *testing.T, opt store.Options) (*store.Store, *corpusbuild.Loaded) {
	t.Helper()
	ctx := context.Background()
	st, err := store.OpenWith(ctx, t.TempDir(), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	var b strings.Builder
	words := []string{"king", "queen", "man", "woman", "rules", "walks", "the", "a", "castle", "city"}
	for i := range 3000 {
		fmt.Fprintf(&b, "%s %s ", words[(i*7)%len(words)], words[(i*3+i/10)%len(words)])
		if i%12 == 11 {
			b.WriteString("\n")
		}
	}
	f, err := st.Stage(strings.NewReader(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "tiny"}, f)
	if err != nil {
		t.Fatal(err)
	}
	set := corpusbuild.DefaultSettings()
	set.MinCount = 1
	dir := st.CorpusBuildDir(c.ID)
	if _, err := corpusbuild.Build(ctx, c.Path, dir, set, corpusbuild.Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	l, err := corpusbuild.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	return st, l
}

func TestExecute(t *testing.T) {
	st, b := tinyBuild(t, store.Options{})
	ctx := context.Background()
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.XMax, p.Threads = 8, 3, 10, 1
	run, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	res, err := Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, Build: b,
		Progress: func(_ float64, m string) { msgs = append(msgs, m) }})
	if err != nil {
		t.Fatal(err)
	}
	if res.Epochs != 3 || res.VectorSetID == 0 || res.EvalNote == "" || math.IsNaN(res.FinalCost) {
		t.Errorf("results %+v", res)
	}
	loss, _ := st.Loss(ctx, run.ID)
	if len(loss) != 3 {
		t.Errorf("%d loss rows", len(loss))
	}
	if !strings.Contains(strings.Join(msgs, "|"), "epoch 3 of 3") {
		t.Errorf("progress messages %q", msgs)
	}
	v, err := st.VectorSet(ctx, res.VectorSetID)
	if err != nil || v.Source != store.SourceTrained || v.Count != b.Vocab.Len() || v.Dim != 8 {
		t.Fatalf("vector set %+v %v", v, err)
	}
	dir, _ := st.RunDir(run.ID)
	m, err := LoadModel(dir)
	if err != nil || m.VectorSize() != 8 || m.VocabSize() != b.Vocab.Len() {
		t.Fatalf("model %v", err)
	}
	fp, err := Fidelity(m, b.Matrix.AppendEntries(nil), 100, 1)
	if err != nil || len(fp.LogX) != min(100, b.Matrix.NNZ()) || fp.Identities.Sampled != len(fp.LogX) {
		t.Errorf("fidelity %v, %d points", err, len(fp.LogX))
	}
	if _, err := LoadModel(t.TempDir()); !errors.Is(err, ErrModelMissing) {
		t.Errorf("missing model: %v", err)
	}

	// Divergence names the epoch.
	p.Eta = 1e20
	_, err = Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, Build: b})
	var de *DivergedError
	if !errors.As(err, &de) || de.Epoch != 1 || !errors.Is(err, glove.ErrDiverged) || !strings.Contains(de.Error(), "lower the learning rate η") {
		t.Errorf("diverged: %v", err)
	}
	// Cancellation returns the context's error.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	p.Eta = 0.05
	if _, err := Execute(cctx, Training{Store: st, RunID: run.ID, Params: p, Build: b}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestEvalSets(t *testing.T) {
	// Without a folder: the embedded sets, all of them, in order.
	es, err := LoadEvalSets("")
	if err != nil {
		t.Fatalf("embedded sets: %v", err)
	}
	if got := analogyQuestions(es); got != 19544 || len(es.Analogy) != 14 {
		t.Errorf("embedded analogy set: %d questions in %d sections, want 19544 in 14", got, len(es.Analogy))
	}
	if got, want := setNames(es), []string{"WS-353", "SimLex-999", "MEN"}; !slices.Equal(got, want) {
		t.Errorf("embedded similarity sets %q, want %q", got, want)
	}
	// A folder with none of the files is a mistake, not "no sets".
	if _, err := LoadEvalSets(t.TempDir()); !errors.Is(err, ErrNoEvalSets) {
		t.Errorf("empty dir: %v", err)
	}
	if _, err := LoadEvalSets(filepath.Join(t.TempDir(), "missing")); !errors.Is(err, ErrNoEvalSets) {
		t.Errorf("missing dir: %v", err)
	}
	// A folder adds its sets: its analogy file replaces the embedded
	// one, a similarity set of the same name replaces the embedded set,
	// another one is added after them.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "analogy"), 0o755)
	os.MkdirAll(filepath.Join(dir, "similarity"), 0o755)
	os.WriteFile(filepath.Join(dir, "analogy", "questions-words.txt"), []byte(": capital\na b c d\n: gram-plural\nx xs y ys\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "similarity", "EN-WS-353-ALL.txt"), []byte("a\tb\t5\nc\td\t3\na\td\t1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "similarity", "EN-TOY-2.txt"), []byte("a\tb\t5\nc\td\t3\n"), 0o644)
	es, err = LoadEvalSets(dir)
	if err != nil || len(es.Analogy) != 2 {
		t.Fatalf("eval sets %v %+v", err, es)
	}
	if got, want := setNames(es), []string{"WS-353", "SimLex-999", "MEN", "TOY-2"}; !slices.Equal(got, want) {
		t.Fatalf("similarity sets with a folder %q, want %q", got, want)
	}
	if len(es.Similarity[0].Pairs) != 3 || len(es.Similarity[3].Pairs) != 2 {
		t.Fatalf("the folder's WS-353 and TOY-2 did not replace/add: %d and %d pairs", len(es.Similarity[0].Pairs), len(es.Similarity[3].Pairs))
	}
	es.Similarity = es.Similarity[:1] // the toy WS-353 only, for the scores below
	words := []string{"a", "b", "c", "d", "e"}
	data := []float32{1, 0, 0, 1, 1, 0.1, 0, 1, 0.5, 0.5}
	set, err := vectors.New(words, 2, data)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := es.Evaluate(context.Background(), set, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Analogy.Total.Questions != 2 || ev.Analogy.Total.Covered != 1 || ev.Analogy.Syntactic.Covered != 0 {
		t.Errorf("analogy %+v", ev.Analogy)
	}
	if len(ev.Similarity) != 1 || ev.Similarity[0].Pairs != 3 || ev.Similarity[0].Spearman == nil {
		t.Errorf("similarity %+v", ev.Similarity)
	}
}

func analogyQuestions(es *EvalSets) int {
	n := 0
	for _, s := range es.Analogy {
		n += len(s.Questions)
	}
	return n
}

func setNames(es *EvalSets) []string {
	var names []string
	for _, s := range es.Similarity {
		names = append(names, s.Name)
	}
	return names
}

// TestDemoRunScoredWithoutConfiguration trains on the shipped demo corpus
// (WordNet glosses, its 3,000 most frequent words, a few epochs) and
// checks that the run is scored on the Google analogy set and on WS-353,
// SimLex-999 and MEN with no evaluation folder configured: every covered
// count is positive and every correlation is a number.
func TestDemoRunScoredWithoutConfiguration(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := os.Open(testkit.Shipped(t, testkit.DemoCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	staged, err := st.Stage(f, 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "demo", Filename: "wordnet-glosses.txt.gz"}, staged)
	if err != nil {
		t.Fatal(err)
	}
	set := corpusbuild.DefaultSettings()
	set.MaxVocab, set.Window = 3000, 5
	dir := st.CorpusBuildDir(c.ID)
	if _, err := corpusbuild.Build(ctx, c.Path, dir, set, corpusbuild.Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	b, err := corpusbuild.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	eval, err := LoadEvalSets("")
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.Threads = 20, 3, 2
	run, _, err := st.CreateRun(ctx, "train", c.ID, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	res, err := Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, Build: b, Eval: eval})
	if err != nil {
		t.Fatal(err)
	}
	ev := res.Evaluation
	if ev == nil || ev.Analogy == nil {
		t.Fatalf("run not scored: note %q", res.EvalNote)
	}
	if ev.Analogy.Total.Questions != 19544 || ev.Analogy.Total.Covered == 0 {
		t.Errorf("analogy %+v: want all 19,544 questions and some covered", ev.Analogy.Total)
	}
	var names []string
	for _, s := range ev.Similarity {
		names = append(names, s.Name)
		if s.Pairs == 0 || s.Spearman == nil || math.IsNaN(*s.Spearman) {
			t.Errorf("%s: %d pairs covered, ρ %v", s.Name, s.Pairs, s.Spearman)
		}
	}
	if want := []string{"WS-353", "SimLex-999", "MEN"}; !slices.Equal(names, want) {
		t.Errorf("similarity sets %q, want %q", names, want)
	}
}

// TestExecuteWritesArtefactsDurably checks that the model and the
// checkpoint are each synced, renamed into the run directory and the
// directory synced before the run's vector set is published (and so before
// the run can be recorded as done).
func TestExecuteWritesArtefactsDurably(t *testing.T) {
	// The store, and so Execute, makes every file durable through this
	// Syncer; it records the syncs once runDir is known.
	var (
		runDir, vectorsDir string
		events             []string // "file", "dir:<entries>", "vectors"
	)
	sy := durable.Syncer{Observe: func(path string) {
		if runDir == "" {
			return
		}
		switch {
		case filepath.Dir(path) == runDir:
			events = append(events, "file")
		case path == runDir:
			es, _ := os.ReadDir(runDir)
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			events = append(events, "dir:"+strings.Join(names, ","))
		case path == vectorsDir:
			events = append(events, "vectors")
		}
	}}
	st, b := tinyBuild(t, store.Options{Syncer: sy})
	ctx := context.Background()
	p := DefaultParams()
	p.VectorSize, p.Epochs, p.XMax, p.Threads = 4, 1, 10, 1
	run, _, err := st.CreateRun(ctx, "train", 1, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	runDir = filepath.Join(st.Dir(), "runs", strconv.FormatInt(run.ID, 10))
	vectorsDir = filepath.Join(st.Dir(), "vectors")
	if _, err := Execute(ctx, Training{Store: st, RunID: run.ID, Params: p, Build: b}); err != nil {
		t.Fatal(err)
	}
	want := []string{"file", "dir:" + ModelFile, "file", "dir:" + CheckpointFile + "," + ModelFile, "vectors"}
	if !slices.Equal(events, want) {
		t.Errorf("syncs %q, want %q", events, want)
	}
}
