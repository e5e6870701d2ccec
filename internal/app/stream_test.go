package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/internal/store"
)

// streamBudget is a job budget far below the matrix of wideCorpus (about
// 10 MB of nonzeros at 16 bytes) but above its model.
const streamBudget = 4 << 20

// openBudget opens a service on dir with a memory budget of budget bytes.
func openBudget(t *testing.T, dir string, budget int64) *Service {
	t.Helper()
	s, err := Open(context.Background(), Config{DataDir: dir, Workers: 1, SkipDemoBuild: true, MemoryBudget: budget})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// wideCorpus builds, in a service with the default budget on dir, a corpus
// of 120,000 random tokens over 800 words (seed 1), whose matrix has
// several hundred thousand nonzeros, and closes the service. The build
// holds its matrix in memory, so it needs a budget the training will not
// have.
func wideCorpus(t *testing.T, dir string) (store.Corpus, BuildSummary) {
	t.Helper()
	s, err := Open(context.Background(), Config{DataDir: dir, Workers: 1, SkipDemoBuild: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for i := range 120_000 {
		fmt.Fprintf(&b, "w%d", rng.IntN(800))
		if i%20 == 19 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	f, err := s.st.Stage(strings.NewReader(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.st.AddCorpus(context.Background(), store.NewCorpus{Name: "wide"}, f)
	if err != nil {
		t.Fatal(err)
	}
	settings := DefaultBuildSettings()
	settings.MinCount = 1
	j, err := s.StartBuild(context.Background(), c.ID, settings)
	if err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, j.ID); info.Status != store.JobDone {
		t.Fatalf("build: %+v", info)
	}
	sum, err := s.BuildSummary(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c, *sum
}

// trainRun starts a run of epochs epochs (d 8, one thread, seed 7) on
// corpus id and waits for it.
func trainRun(t *testing.T, s *Service, id int64, epochs int) Run {
	t.Helper()
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads, p.Seed = id, 8, epochs, 10, 1, 7
	run, job, err := s.StartRun(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	waitJob(t, s, job.ID)
	r, err := s.Run(context.Background(), run.ID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// blockFiles lists the files of streamed runs left anywhere in dir.
func blockFiles(t *testing.T, dir string) []string {
	t.Helper()
	var left []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), "glove-blocks-") {
			left = append(left, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return left
}

// openBlockFiles lists the block files this process holds open (the
// targets of /proc/self/fd, which may be deleted).
func openBlockFiles(t *testing.T) []string {
	t.Helper()
	fds, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("this test reads /proc/self/fd (Linux): %v", err)
	}
	var open []string
	for _, fd := range fds {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", fd.Name()))
		if err == nil && strings.Contains(target, "glove-blocks-") {
			open = append(open, target)
		}
	}
	return open
}

// TestRunStreamsOverBudget: a run whose nonzeros exceed the budget,
// which the dashboard used to refuse, trains with the nonzeros streamed
// from disk, to the cost of an unbudgeted run, and leaves no block file.
func TestRunStreamsOverBudget(t *testing.T) {
	dir := t.TempDir()
	c, sum := wideCorpus(t, dir)
	if matrix := sum.NNZ * cooccur.BinRecordSize; matrix < 2*streamBudget {
		t.Fatalf("the matrix takes %d bytes, not enough above the budget of %d for the test", matrix, streamBudget)
	}
	// The memory the dashboard counted before it streamed: the trainer
	// holding every nonzero and the loaded matrix.
	if old := trainingBytes(sum.VocabSize, sum.NNZ, 8, 0) + sum.NNZ*cooccur.BytesPerNonzero; old <= streamBudget {
		t.Fatalf("the run would have fitted before (%d bytes): the test proves nothing", old)
	}

	unbudgeted, err := Open(context.Background(), Config{DataDir: dir, Workers: 1, SkipDemoBuild: true})
	if err != nil {
		t.Fatal(err)
	}
	full := trainRun(t, unbudgeted, c.ID, 3)
	unbudgeted.Close(context.Background())
	if full.Status != store.RunDone || full.Results.InMemoryNonzeros != 0 {
		t.Fatalf("unbudgeted run: %s, %+v", full.Status, full.Results)
	}

	s := openBudget(t, dir, streamBudget)
	// The model alone over the budget is still refused.
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize = c.ID, 1000
	if _, _, err := s.StartRun(context.Background(), p); !errors.Is(err, ErrOverBudget) || !strings.Contains(err.Error(), "streamed from disk") {
		t.Errorf("a model over the budget: %v, want ErrOverBudget saying the nonzeros already stream", err)
	}

	streamed := trainRun(t, s, c.ID, 3)
	if streamed.Status != store.RunDone {
		t.Fatalf("streamed run: %s, %+v", streamed.Status, streamed.Results)
	}
	if n := streamed.Results.InMemoryNonzeros; n <= 0 || n >= sum.NNZ || n*cooccur.BinRecordSize > streamBudget {
		t.Errorf("streamed run held %d of %d nonzeros in memory, want 0 < n < nnz within the budget", n, sum.NNZ)
	}
	// The streamed run visits the nonzeros in another order (blocks
	// shuffled once, then block order and order within blocks per epoch,
	// against one shuffle of all of them), so its cost is close to the
	// in-memory run's, not equal (the analysis/glove tests prove bit
	// identity for the same order).
	if a, b := full.Results.FinalCost, streamed.Results.FinalCost; math.Abs(a-b) > 0.02*a || a == b {
		t.Errorf("final cost streamed %g, in memory %g: want within 2 %% and a different order", b, a)
	}
	if left := blockFiles(t, dir); len(left) != 0 {
		t.Errorf("block files left after the run: %q", left)
	}
}

// TestStreamedRunCancel: cancelling a streamed run mid-training leaves no
// goroutine and no block file.
func TestStreamedRunCancel(t *testing.T) {
	dir := t.TempDir()
	c, _ := wideCorpus(t, dir)
	s := openBudget(t, dir, streamBudget)
	before := runtime.NumGoroutine()
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads = c.ID, 8, MaxEpochs, 10, 2
	run, job, err := s.StartRun(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	// Wait for the first epoch; the job's message says that it streams.
	deadline := time.Now().Add(2 * time.Minute)
	var msgs []string
	for {
		loss, err := s.st.Loss(context.Background(), run.ID)
		if err != nil {
			t.Fatal(err)
		}
		info, err := s.Job(context.Background(), job.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(msgs) == 0 || msgs[len(msgs)-1] != info.Message {
			msgs = append(msgs, info.Message)
		}
		if len(loss) >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no epoch after two minutes; messages %q", msgs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if all := strings.Join(msgs, "|"); !strings.Contains(all, "streamed from disk") {
		t.Errorf("job messages %q do not say that the run streams", msgs)
	}
	// The trainer unlinks its block file at once (nothing is left even if
	// the process is killed) and keeps it open: it must be in tmp/.
	open := openBlockFiles(t)
	if len(open) != 1 || !strings.HasPrefix(open[0], filepath.Join(dir, "tmp", "glove-blocks-")) {
		t.Errorf("open block files while the run trains: %q, want one in %s", open, filepath.Join(dir, "tmp"))
	}
	if err := s.CancelJob(context.Background(), job.ID); err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, job.ID); info.Status != store.JobCancelled {
		t.Fatalf("job %+v", info)
	}
	r, _ := s.Run(context.Background(), run.ID)
	if r.Status != store.RunCancelled || !strings.HasPrefix(r.Results.Error, "Cancelled after") {
		t.Errorf("cancelled run: %s, %q", r.Status, r.Results.Error)
	}
	if left := blockFiles(t, dir); len(left) != 0 {
		t.Errorf("block files left after cancelling: %q", left)
	}
	if open := openBlockFiles(t); len(open) != 0 {
		t.Errorf("block files still open after cancelling: %q", open)
	}
	for i := 0; ; i++ {
		n := runtime.NumGoroutine()
		if n <= before {
			break
		}
		if i == 100 {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines after cancelling, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(20 * time.Millisecond)
	}
}
