package glove

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// smallOptions are fast options for tests on synthetic data.
func smallOptions(epochs, workers int) Options {
	opt := DefaultOptions()
	opt.VectorSize = 8
	opt.Epochs = epochs
	opt.Workers = workers
	opt.Seed = 42
	return opt
}

func newTestTrainer(t *testing.T, entries []cooccur.Entry, vocab int, opt Options) *Trainer {
	t.Helper()
	tr, err := NewTrainer(entries, vocab, opt)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func sameBits(a, b []float32) (int, bool) {
	if len(a) != len(b) {
		return -1, false
	}
	for i := range a {
		if a[i] != b[i] {
			return i, false
		}
	}
	return 0, true
}

func TestOneWorkerIsReproducible(t *testing.T) {
	entries := zipfEntries(20_000, 400, 3)
	run := func(seed uint64) *Trainer {
		opt := smallOptions(3, 1)
		opt.Seed = seed
		tr := newTestTrainer(t, entries, 400, opt)
		if err := tr.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		return tr
	}
	a, b, c := run(42), run(42), run(43)
	if i, ok := sameBits(a.params, b.params); !ok {
		t.Fatalf("two runs with seed 42 differ at parameter %d: %v vs %v", i, a.params[i], b.params[i])
	}
	for e := range a.history {
		if a.history[e].Cost != b.history[e].Cost {
			t.Errorf("epoch %d: costs %v and %v differ", e+1, a.history[e].Cost, b.history[e].Cost)
		}
	}
	if _, ok := sameBits(a.params, c.params); ok {
		t.Fatal("seeds 42 and 43 gave identical parameters")
	}
}

// TestResumeEqualsUninterrupted trains 5 epochs, saves a checkpoint,
// resumes for 5 more and compares with 10 epochs in one go.
func TestResumeEqualsUninterrupted(t *testing.T) {
	entries := zipfEntries(20_000, 400, 5)
	whole := newTestTrainer(t, entries, 400, smallOptions(10, 1))
	if err := whole.Run(context.Background()); err != nil {
		t.Fatal(err)
	}

	first := newTestTrainer(t, entries, 400, smallOptions(5, 1))
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
	if ck.Epoch != 5 || len(ck.History) != 5 {
		t.Fatalf("checkpoint at epoch %d with %d history rows, want 5 and 5", ck.Epoch, len(ck.History))
	}
	ck.Options.Epochs = 10
	resumed, err := Resume(entries, 400, ck)
	if err != nil {
		t.Fatal(err)
	}
	if err := resumed.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if resumed.Epoch() != 10 {
		t.Fatalf("resumed trainer stopped at epoch %d, want 10", resumed.Epoch())
	}
	if i, ok := sameBits(whole.params, resumed.params); !ok {
		t.Fatalf("5+5 epochs differ from 10 at parameter %d: %v vs %v", i, resumed.params[i], whole.params[i])
	}
	h1, h2 := whole.History(), resumed.History()
	for e := range h1 {
		if h1[e].Epoch != h2[e].Epoch || h1[e].Cost != h2[e].Cost {
			t.Errorf("history row %d: %+v vs %+v", e, h1[e], h2[e])
		}
	}
}

func TestDivergenceIsReported(t *testing.T) {
	for _, workers := range []int{1, 2} {
		opt := smallOptions(5, workers)
		opt.Eta = 1e30
		tr := newTestTrainer(t, zipfEntries(20_000, 400, 9), 400, opt)
		err := tr.Run(context.Background())
		if !errors.Is(err, ErrDiverged) {
			t.Fatalf("workers=%d: got %v, want an error wrapping ErrDiverged", workers, err)
		}
		if !strings.Contains(err.Error(), "epoch 1") {
			t.Errorf("workers=%d: error %q does not name epoch 1", workers, err)
		}
		if tr.Epoch() != 0 {
			t.Errorf("workers=%d: Epoch() = %d after diverging in the first epoch, want 0", workers, tr.Epoch())
		}
	}
	goleak.VerifyNone(t)
}

func TestCancelLeavesNoGoroutines(t *testing.T) {
	t.Run("between epochs", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		opt := smallOptions(50, 2)
		var seen []int
		opt.Progress = func(st EpochStats) {
			seen = append(seen, st.Epoch)
			if st.Epoch == 2 {
				cancel()
			}
		}
		tr := newTestTrainer(t, zipfEntries(5_000, 300, 1), 300, opt)
		err := tr.Run(ctx)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
		if tr.Epoch() != 2 || len(seen) != 2 {
			t.Fatalf("stopped at epoch %d after %d progress calls, want 2 and 2", tr.Epoch(), len(seen))
		}
		goleak.VerifyNone(t)
	})
	t.Run("inside an epoch", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		opt := smallOptions(1, 2)
		opt.VectorSize = 64
		tr := newTestTrainer(t, zipfEntries(500_000, 20_000, 2), 20_000, opt)
		timer := time.AfterFunc(10*time.Millisecond, cancel)
		defer timer.Stop()
		start := time.Now()
		err := tr.Run(ctx)
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v after %v, want context.Canceled", err, time.Since(start))
		}
		if tr.Epoch() != 0 {
			t.Errorf("Epoch() = %d after a cancelled first epoch, want 0", tr.Epoch())
		}
		goleak.VerifyNone(t)
	})
}

// TestCostFallsOnBrown trains on the real co-occurrences of the Brown
// corpus sample: the Stanford cost must fall every epoch, and the full
// objective J must end well below its value at initialisation.
func TestCostFallsOnBrown(t *testing.T) {
	f, err := os.Open(testkit.Shared(t, "corpora/brown-ci.txt", "checks that the cost falls when training on brown-ci"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	copt := cooccur.DefaultOptions()
	copt.Window = 5
	copt.MinCount = 10
	res, err := cooccur.Count(context.Background(), f, copt)
	if err != nil {
		t.Fatal(err)
	}
	entries := res.Matrix.AppendEntries(nil)
	opt := DefaultOptions()
	opt.VectorSize = 10
	opt.Epochs = 4
	opt.Workers = 2
	tr := newTestTrainer(t, entries, res.Vocab.Len(), opt)
	j0, err := Objective(tr.Model(), entries, opt.XMax, opt.Alpha)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := tr.History()
	for e := 1; e < len(h); e++ {
		if !(h[e].Cost < h[e-1].Cost) {
			t.Errorf("cost rose from epoch %d to %d: %v → %v", e, e+1, h[e-1].Cost, h[e].Cost)
		}
	}
	j1, err := Objective(tr.Model(), entries, opt.XMax, opt.Alpha)
	if err != nil {
		t.Fatal(err)
	}
	if !(j1 < 0.5*j0) {
		t.Errorf("objective went from %.4g to %.4g; want it at least halved", j0, j1)
	}
	// The Stanford cost is J/(2·nnz) measured on moving parameters; at the
	// end of training it must be of the same size as the final J/(2·nnz).
	last := h[len(h)-1].Cost
	if ratio := j1 / (2 * float64(len(entries))) / last; ratio < 0.5 || ratio > 1.5 {
		t.Errorf("final J/(2·nnz) = %.4g but last epoch cost %.4g (ratio %.2f)", j1/(2*float64(len(entries))), last, ratio)
	}
	t.Logf("%d words, %d nonzeros; costs %v; J %.4g → %.4g", res.Vocab.Len(), len(entries), costs(h), j0, j1)
}

func costs(h []EpochStats) []float64 {
	out := make([]float64, len(h))
	for i, s := range h {
		out[i] = s.Cost
	}
	return out
}

func TestModelShapes(t *testing.T) {
	opt := smallOptions(1, 1)
	tr := newTestTrainer(t, zipfEntries(1000, 50, 4), 50, opt)
	m := tr.Model()
	if m.VocabSize() != 50 || m.VectorSize() != 8 || len(m.WordBias) != 50 || len(m.ContextBias) != 50 {
		t.Fatalf("model is %d×%d with %d and %d biases, want 50×8 and 50 biases", m.VocabSize(), m.VectorSize(), len(m.WordBias), len(m.ContextBias))
	}
	// Initialisation as glove.c: uniform in [−0.5, 0.5]/d, biases included.
	for _, v := range append(append([]float64(nil), m.Word.RawMatrix().Data...), m.ContextBias...) {
		if v < -0.5/8 || v > 0.5/8 {
			t.Fatalf("initial value %v outside [−1/16, 1/16]", v)
		}
	}
	sum := m.Sum()
	for i := range 50 {
		for k := range 8 {
			if got, want := sum.At(i, k), m.Word.At(i, k)+m.Context.At(i, k); got != want {
				t.Fatalf("Sum()[%d][%d] = %v, want W+W̃ = %v", i, k, got, want)
			}
		}
	}
}
