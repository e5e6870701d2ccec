package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// openAt opens a service on dir without the demo build and closes it at
// the end of the test.
func openAt(t *testing.T, dir string) *Service {
	t.Helper()
	s, err := Open(context.Background(), Config{DataDir: dir, Workers: 1, SkipDemoBuild: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func waitJob(t *testing.T, s *Service, id int64) JobInfo {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	info, err := s.WaitJob(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// tinyCorpus uploads a small corpus and builds it.
func tinyCorpus(t *testing.T, s *Service) store.Corpus {
	t.Helper()
	var b strings.Builder
	words := []string{"king", "queen", "man", "woman", "rules", "walks", "the", "a", "castle", "city"}
	for i := range 3000 {
		fmt.Fprintf(&b, "%s %s ", words[(i*7)%len(words)], words[(i*3+i/10)%len(words)])
		if i%12 == 11 {
			b.WriteString("\n")
		}
	}
	f, err := s.st.Stage(strings.NewReader(b.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.st.AddCorpus(context.Background(), store.NewCorpus{Name: "tiny"}, f)
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
	return c
}

func TestJobErrorMessage(t *testing.T) {
	msg := JobErrorMessage(nil)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"apperr message", fmt.Errorf("job 3: %w", apperr.Wrap(os.ErrNotExist, apperr.Conflict, "Build it first.")), "Build it first."},
		{"known sentinel", fmt.Errorf("reading /secret/data/3.txt: %w", store.ErrEmptyUpload), "The file is empty."},
		{"unknown error hides details", errors.New("open /secret/data/3.txt: permission denied"), internalJobMessage},
	}
	for _, tc := range tests {
		if got := msg(tc.err); got != tc.want || strings.Contains(got, "/secret") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestDescribe checks that every kind is registered and that the stored
// kind strings of existing catalogues keep their meaning.
func TestDescribe(t *testing.T) {
	stored := map[string]string{"build-corpus": "corpus", "train": "corpus", "tsne": "vector set", "corpus-spectrum": "corpus",
		"svd-ppmi": "corpus", "align": "vector set", "umap-map": "vector set", "pca-map": "vector set", "axis-map": "vector set"}
	for _, k := range Kinds() {
		if _, ok := stored[string(k)]; !ok {
			t.Errorf("kind %q is not one of the stored kinds", k)
		}
	}
	for kind, noun := range stored {
		if d := Describe(kind); d.Target != noun || d.Title == "" || d.Title == kind || d.Description == "" {
			t.Errorf("Describe(%q) = %+v, want a title and target %q", kind, d, noun)
		}
	}
	if d := Describe("pca"); d.Title != "pca" || d.Target != "item" {
		t.Errorf("unknown kind described as %+v", d)
	}
}

// TestStartUpReconciles stands in for a process killed at the worst
// moments: a run whose job was running (and whose vectors were already
// saved), a finished build not yet recorded, a rebuild cut off, spill
// files. At the next Open the catalogue follows the truth.
func TestStartUpReconciles(t *testing.T) {
	dir := t.TempDir()
	s := openAt(t, dir)
	ctx := context.Background()
	c := tinyCorpus(t, s)
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads = c.ID, 4, 1, 10, 1
	run, job, err := s.StartRun(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if info := waitJob(t, s, job.ID); info.Status != store.JobDone {
		t.Fatalf("run job %+v", info)
	}
	done, err := s.Run(ctx, run.ID)
	if err != nil || done.Status != store.RunDone || done.Results.VectorSetID == 0 || done.Results.Epochs != 1 {
		t.Fatalf("finished run %+v, %v", done, err)
	}
	// A second run "killed" after saving its vectors: its job still says
	// running and its vector set is registered.
	killed, killedJob, err := s.st.CreateRun(ctx, string(KindTrain), c.ID, p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	killedJob.Status, killedJob.Started = store.JobRunning, time.Now()
	if err := s.st.SaveJob(ctx, killedJob); err != nil {
		t.Fatal(err)
	}
	f, err := s.st.Stage(strings.NewReader("a 1 2\nb 3 4\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	orphan, err := s.st.AddVectorSet(ctx, store.NewVectorSet{Name: "left by a kill", Source: store.SourceTrained, RunID: killed.ID, Count: 2, Dim: 2}, f)
	if err != nil {
		t.Fatal(err)
	}
	// A build recorded as not built, and spill files of a killed build.
	if err := s.st.SetCorpusStats(ctx, c.ID, map[string]any{}, store.CorpusStats{}); err != nil {
		t.Fatal(err)
	}
	spill := filepath.Join(s.st.CorpusBuildDir(c.ID), corpusbuild.SpillDir)
	if err := os.MkdirAll(spill, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(spill, "run-1"), make([]byte, 64), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(ctx); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, dir)
	got, err := s.Run(ctx, killed.ID)
	if err != nil || got.Status != store.RunInterrupted || got.JobStatus != store.JobInterrupted || got.Finished.IsZero() {
		t.Errorf("killed run after the restart: %+v, %v; want interrupted like its job, with a finish time", got, err)
	}
	if _, err := s.st.VectorSet(ctx, orphan.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("the vector set of the interrupted run: %v, want it deleted", err)
	}
	if again, err := s.Run(ctx, run.ID); err != nil || again.Status != store.RunDone {
		t.Errorf("finished run after the restart: %+v, %v", again, err)
	}
	if _, err := s.st.VectorSet(ctx, done.Results.VectorSetID); err != nil {
		t.Errorf("the finished run's vector set: %v", err)
	}
	if cc, err := s.st.Corpus(ctx, c.ID); err != nil || !cc.Stats.Built {
		t.Errorf("corpus after the restart: %+v, %v; want built (its build directory is complete)", cc.Stats, err)
	}
	if _, err := os.Stat(spill); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("spill folder after the restart: %v, want it gone", err)
	}
	// A rebuild cut off: the summary is gone, so the corpus is not built.
	if err := os.Remove(filepath.Join(s.st.CorpusBuildDir(c.ID), "summary.json")); err != nil {
		t.Fatal(err)
	}
	if n, err := s.reconcileBuilds(ctx); err != nil || n != 1 {
		t.Fatalf("reconcileBuilds = %d, %v; want 1", n, err)
	}
	if cc, _ := s.st.Corpus(ctx, c.ID); cc.Stats.Built {
		t.Error("a corpus without a finished build is still marked built")
	}
	if n, err := s.reconcileBuilds(ctx); err != nil || n != 0 {
		t.Errorf("second reconcileBuilds = %d, %v; want 0", n, err)
	}
}

// TestRunFollowsItsJob checks that a run cancelled while queued is
// cancelled at once, with a reason, without anything patching it.
func TestRunFollowsItsJob(t *testing.T) {
	s := openAt(t, t.TempDir())
	ctx := context.Background()
	c := tinyCorpus(t, s)
	hold := make(chan struct{})
	blocker, err := s.Submit(KindBuild, c.ID, func(ctx context.Context, _ jobs.Run) error { <-hold; return nil })
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultRunParams()
	p.CorpusID, p.VectorSize, p.Epochs, p.XMax, p.Threads = c.ID, 4, 1, 10, 1
	run, job, err := s.StartRun(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Run(ctx, run.ID); r.Status != store.RunRunning || r.JobStatus != store.JobQueued {
		t.Fatalf("queued run %+v", r)
	}
	if err := s.CancelJob(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	r, err := s.Run(ctx, run.ID)
	if err != nil || r.Status != store.RunCancelled || r.Results.Error != "Cancelled before training started." {
		t.Errorf("cancelled queued run: %+v, %v", r, err)
	}
	close(hold)
	waitJob(t, s, blocker.ID)
	// A damaged record is reported, not ignored.
	var typeErr *json.UnmarshalTypeError
	if _, err := decodeRun(store.Run{ID: 9, Params: json.RawMessage(`{"epochs": "many"}`)}); !errors.As(err, &typeErr) {
		t.Errorf("run with damaged params: %v, want the decoding error", err)
	}
	if _, err := decodeRun(store.Run{ID: 9, Params: json.RawMessage(`{}`), Results: json.RawMessage(`{"epochs":`)}); err == nil {
		t.Error("run with damaged results decoded without an error")
	}
}

// TestBuildDemoIfNeeded queues one build of each demo corpus (the
// Vietnamese one with phrases), and none while they run or once they are
// done.
func TestBuildDemoIfNeeded(t *testing.T) {
	s := openAt(t, t.TempDir())
	ctx := context.Background()
	queued, err := s.buildDemoIfNeeded(ctx)
	if err != nil || !queued {
		t.Fatalf("first call: %v, %v", queued, err)
	}
	if queued, err := s.buildDemoIfNeeded(ctx); err != nil || queued {
		t.Errorf("second call while building: %v, %v", queued, err)
	}
	cs, _ := s.st.Corpora(ctx)
	if len(cs) != 2 {
		t.Fatalf("%d demo corpora, want 2", len(cs))
	}
	for _, c := range cs {
		j, err := s.LatestBuild(ctx, c.ID)
		if err != nil || j == nil {
			t.Fatalf("LatestBuild(%s) = %v, %v", c.Name, j, err)
		}
		waitJob(t, s, j.ID)
	}
	if queued, err := s.buildDemoIfNeeded(ctx); err != nil || queued {
		t.Errorf("call after the build: %v, %v", queued, err)
	}
	cs, _ = s.st.Corpora(ctx)
	for _, c := range cs {
		if !c.Stats.Built {
			t.Fatalf("%s not built: %+v", c.Name, c.Stats)
		}
		b, err := s.Build(c.ID)
		if err != nil {
			t.Fatal(err)
		}
		switch c.Name {
		case demo.CorpusName:
			if c.Stats.Tokens < 1_000_000 || b.Summary.Settings.Phrases() {
				t.Errorf("WordNet demo: %d tokens, settings %+v", c.Stats.Tokens, b.Summary.Settings)
			}
		case demo.VietnameseName:
			_, ok := b.Vocab.ID("văn_bản")
			if !b.Summary.Settings.Phrases() || b.Phrases.Len() == 0 || !ok {
				t.Errorf("Vietnamese demo: settings %+v, %d phrases, văn_bản in the vocabulary: %v", b.Summary.Settings, b.Phrases.Len(), ok)
			}
			p := demo.VietnamesePreset
			for _, w := range append([]string{p.I, p.J}, p.Probes...) {
				if _, ok := b.Vocab.ID(w); !ok {
					t.Errorf("preset word %q is not in the Vietnamese demo's vocabulary", w)
				}
			}
		default:
			t.Errorf("unexpected corpus %q", c.Name)
		}
	}
}

// TestDeleteRacesBuild sends a corpus delete and a build of the same
// corpus at the same time, 25 times (issue 13, item 6): never may both
// succeed, and no build may then fail with an internal error (its corpus
// file gone); a build that won runs to the end.
func TestDeleteRacesBuild(t *testing.T) {
	s := openAt(t, t.TempDir())
	ctx := context.Background()
	settings := DefaultBuildSettings()
	settings.MinCount = 1
	var jobIDs []int64
	deleted := 0
	for i := range 25 {
		f, err := s.st.Stage(strings.NewReader(fmt.Sprintf("king queen %d man woman\ncastle city %d\n", i, i)), 0)
		if err != nil {
			t.Fatal(err)
		}
		c, err := s.st.AddCorpus(ctx, store.NewCorpus{Name: "race"}, f)
		if err != nil {
			t.Fatal(err)
		}
		var delErr, buildErr error
		var job store.Job
		done := make(chan struct{})
		go func() { delErr = s.st.DeleteCorpus(ctx, c.ID); close(done) }()
		job, buildErr = s.StartBuild(ctx, c.ID, settings)
		<-done
		switch {
		case delErr == nil && buildErr == nil:
			t.Fatalf("pair %d: the delete and build job %d both succeeded", i, job.ID)
		case delErr == nil:
			deleted++
			if !errors.Is(buildErr, store.ErrNotFound) || apperr.CodeOf(buildErr) != apperr.NotFound {
				t.Fatalf("pair %d: build refused with %v, want not found", i, buildErr)
			}
		case buildErr == nil:
			if !errors.Is(delErr, ErrInUse) {
				t.Fatalf("pair %d: delete refused with %v, want ErrInUse", i, delErr)
			}
			jobIDs = append(jobIDs, job.ID)
		default:
			t.Fatalf("pair %d: neither succeeded: delete %v, build %v", i, delErr, buildErr)
		}
	}
	for _, id := range jobIDs {
		if info := waitJob(t, s, id); info.Status != store.JobDone {
			t.Errorf("build job %d: %s %q", id, info.Status, info.Error)
		}
	}
	t.Logf("%d deletes and %d builds won", deleted, len(jobIDs))
}

// TestManyJobWritersLoseNoState submits, runs and cancels jobs from many
// goroutines at once while runs are recorded and corpora uploaded and
// deleted (issue 13, item 1): every job ends final in the catalogue, and
// no save, submit or write fails (no "database is locked").
func TestManyJobWritersLoseNoState(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	var logBuf strings.Builder
	var logMu sync.Mutex
	logger := slog.New(slog.NewTextHandler(writerFunc(func(p []byte) (int, error) {
		logMu.Lock()
		defer logMu.Unlock()
		return logBuf.Write(p)
	}), nil))
	s, err := Open(context.Background(), Config{DataDir: t.TempDir(), Workers: 2, SkipDemoBuild: true, Logger: logger})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	ctx := context.Background()
	const writers, each = 10, 8
	var wg sync.WaitGroup
	errs := make(chan error, writers*each*3)
	var ids sync.Map
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				f, err := s.st.Stage(strings.NewReader(fmt.Sprintf("writer %d corpus %d\n", w, i)), 0)
				if err != nil {
					errs <- err
					continue
				}
				c, err := s.st.AddCorpus(ctx, store.NewCorpus{Name: "stress"}, f)
				if err != nil {
					errs <- fmt.Errorf("recording corpus: %w", err)
					continue
				}
				j, err := s.Submit(KindSpectrum, c.ID, func(ctx context.Context, run jobs.Run) error {
					run.Progress(0.5, "half")
					return nil
				})
				if err != nil {
					errs <- fmt.Errorf("submitting: %w", err)
					continue
				}
				ids.Store(j.ID, true)
				if i%2 == 0 {
					if err := s.CancelJob(ctx, j.ID); err != nil && !errors.Is(err, ErrJobFinished) {
						errs <- fmt.Errorf("cancelling: %w", err)
					}
				}
				if _, err := s.WaitJob(ctx, j.ID); err != nil {
					errs <- err
				}
				if err := s.st.DeleteCorpus(ctx, c.ID); err != nil {
					errs <- fmt.Errorf("deleting corpus %d after its job: %w", c.ID, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	n := 0
	ids.Range(func(k, _ any) bool {
		n++
		j, err := s.st.Job(ctx, k.(int64))
		if err != nil || !j.Status.Final() {
			t.Errorf("job %v: %+v, %v", k, j, err)
		}
		return true
	})
	if n != writers*each {
		t.Errorf("%d jobs, want %d", n, writers*each)
	}
	logMu.Lock()
	defer logMu.Unlock()
	if strings.Contains(logBuf.String(), "level=ERROR") || strings.Contains(logBuf.String(), "locked") {
		t.Errorf("the log shows failures:\n%s", logBuf.String())
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
