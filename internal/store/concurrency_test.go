package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

// addCorpus stages text and adds it as a corpus named name.
func addCorpus(t *testing.T, st *store.Store, name, text string) store.Corpus {
	t.Helper()
	f, err := st.Stage(strings.NewReader(text), 0)
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.AddCorpus(context.Background(), store.NewCorpus{Name: name}, f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// addVectorSet stages a one-word set and adds it.
func addVectorSet(t *testing.T, st *store.Store, name, word string) store.VectorSet {
	t.Helper()
	f, err := st.Stage(strings.NewReader(word+" 0.5 0.25\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	v, err := st.AddVectorSet(context.Background(), store.NewVectorSet{Name: name, Count: 1, Dim: 2}, f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestDeleteAndJobSubmitAreDecidedOnce races a delete against a job
// submission on the same corpus (or vector set), 25 times each: exactly
// one may win. Either the job is recorded and the delete refused with an
// *InUseError naming it, or the delete happens and the job is refused as
// not found. A training run (CreateRun) races the same way.
func TestDeleteAndJobSubmitAreDecidedOnce(t *testing.T) {
	st := open(t, t.TempDir())
	ctx := context.Background()
	const pairs = 25
	type outcome struct{ deleted, submitted bool }
	race := func(del func() error, submit func() (int64, error)) (outcome, error) {
		var wg sync.WaitGroup
		var delErr, subErr error
		var job int64
		start := make(chan struct{})
		wg.Add(2)
		go func() { defer wg.Done(); <-start; delErr = del() }()
		go func() { defer wg.Done(); <-start; job, subErr = submit() }()
		close(start)
		wg.Wait()
		o := outcome{deleted: delErr == nil, submitted: subErr == nil}
		var inUse *store.InUseError
		switch {
		case o.deleted && o.submitted:
			return o, fmt.Errorf("both the delete and the job %d succeeded", job)
		case !o.deleted && !o.submitted:
			return o, fmt.Errorf("neither succeeded: delete %v, submit %v", delErr, subErr)
		case o.submitted && !(errors.As(delErr, &inUse) && inUse.JobID == job):
			return o, fmt.Errorf("delete refused with %v, want an InUseError naming job %d", delErr, job)
		case o.deleted && !errors.Is(subErr, store.ErrNotFound):
			return o, fmt.Errorf("submit refused with %v, want ErrNotFound", subErr)
		}
		return o, nil
	}
	kinds := []struct {
		name   string
		del    func(id int64) error
		submit func(id int64) (int64, error)
		add    func(i int) int64
	}{
		{"corpus build", func(id int64) error { return st.DeleteCorpus(ctx, id) }, func(id int64) (int64, error) {
			j, err := st.CreateJobFor(ctx, "build-corpus", id, store.JobOwner{CorpusID: id})
			return j.ID, err
		}, func(i int) int64 { return addCorpus(t, st, "c", fmt.Sprintf("text %d\n", i)).ID }},
		{"corpus run", func(id int64) error { return st.DeleteCorpus(ctx, id) }, func(id int64) (int64, error) {
			_, j, err := st.CreateRun(ctx, "train", id, json.RawMessage(`{}`))
			return j.ID, err
		}, func(i int) int64 { return addCorpus(t, st, "r", fmt.Sprintf("run text %d\n", i)).ID }},
		{"vector set map", func(id int64) error { return st.DeleteVectorSet(ctx, id) }, func(id int64) (int64, error) {
			j, err := st.CreateJobFor(ctx, "tsne", id, store.JobOwner{VectorSetID: id})
			return j.ID, err
		}, func(i int) int64 { return addVectorSet(t, st, "v", fmt.Sprintf("w%d", i)).ID }},
	}
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			var won [2]int
			for i := range pairs {
				id := k.add(i)
				o, err := race(func() error { return k.del(id) }, func() (int64, error) { return k.submit(id) })
				if err != nil {
					t.Fatalf("pair %d: %v", i, err)
				}
				if o.deleted {
					won[0]++
				} else {
					won[1]++
				}
			}
			t.Logf("%d deletes and %d submissions won", won[0], won[1])
		})
	}

	// Once the job is final, the delete goes through.
	c := addCorpus(t, st, "final", "final text\n")
	j, err := st.CreateJobFor(ctx, "build-corpus", c.ID, store.JobOwner{CorpusID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCorpus(ctx, c.ID); !errors.Is(err, store.ErrInUse) {
		t.Fatalf("delete with a queued job: %v, want ErrInUse", err)
	}
	j.Status, j.Finished = store.JobDone, time.Now()
	if err := st.SaveJob(ctx, j); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteCorpus(ctx, c.ID); err != nil {
		t.Fatalf("delete after the job ended: %v", err)
	}
}

// TestIdenticalAddsMakeOneEntry adds the same corpus (and vector set)
// content from many goroutines at once, as a double-clicked upload
// does: one entry is added, every other call is told its id.
func TestIdenticalAddsMakeOneEntry(t *testing.T) {
	st := open(t, t.TempDir())
	ctx := context.Background()
	const n = 12
	type result struct {
		id      int64
		created bool
		err     error
	}
	addAll := func(add func() (int64, error)) []result {
		out := make([]result, n)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				id, err := add()
				var dup *store.DuplicateError
				switch {
				case err == nil:
					out[i] = result{id: id, created: true}
				case errors.As(err, &dup):
					out[i] = result{id: dup.ID}
				default:
					out[i] = result{err: err}
				}
			}()
		}
		close(start)
		wg.Wait()
		return out
	}
	check := func(t *testing.T, results []result) int64 {
		t.Helper()
		created := 0
		for _, r := range results {
			if r.err != nil {
				t.Fatalf("add failed: %v", r.err)
			}
			if r.created {
				created++
			}
			if r.id != results[0].id {
				t.Fatalf("answers name entries %d and %d", results[0].id, r.id)
			}
		}
		if created != 1 {
			t.Fatalf("%d entries created, want 1", created)
		}
		return results[0].id
	}

	corpusID := check(t, addAll(func() (int64, error) {
		f, err := st.Stage(strings.NewReader("the same text twice\n"), 0)
		if err != nil {
			return 0, err
		}
		c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "double click"}, f)
		return c.ID, err
	}))
	cs, err := st.Corpora(ctx)
	if err != nil || len(cs) != 1 || cs[0].ID != corpusID {
		t.Fatalf("corpora = %+v (%v), want one, %d", cs, err, corpusID)
	}
	check(t, addAll(func() (int64, error) {
		f, err := st.Stage(strings.NewReader("same 1 2\n"), 0)
		if err != nil {
			return 0, err
		}
		v, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: "double click", Count: 1, Dim: 2}, f)
		return v.ID, err
	}))
	if vs, err := st.VectorSets(ctx); err != nil || len(vs) != 1 {
		t.Fatalf("vector sets = %+v (%v), want one", vs, err)
	}
	if got := tmpEntries(t, st); got != 0 {
		t.Errorf("%d staged files left in tmp", got)
	}

	// A trained set is always added: it belongs to its run.
	f, err := st.Stage(strings.NewReader("same 1 2\n"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddVectorSet(ctx, store.NewVectorSet{Name: "trained", Source: store.SourceTrained, Count: 1, Dim: 2}, f); err != nil {
		t.Fatalf("trained set with the content of an upload: %v", err)
	}
}

// TestWritersNeverMeetLockedDatabase writes from many goroutines at once
// — job states, runs and their loss curves, corpora added and deleted,
// results — while readers list everything, and requires every write to
// succeed: with one writer connection none may fail with SQLITE_BUSY
// ("database is locked").
func TestWritersNeverMeetLockedDatabase(t *testing.T) {
	if testing.Short() {
		t.Skip("stress test")
	}
	st := open(t, t.TempDir())
	ctx := context.Background()
	base := addCorpus(t, st, "base", "base text\n")
	const writers, rounds = 12, 6
	var wg sync.WaitGroup
	errs := make(chan error, writers*rounds*4)
	stop := make(chan struct{})
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				j, err := st.CreateJobFor(ctx, "tsne", 0, store.JobOwner{})
				if err != nil {
					errs <- fmt.Errorf("creating job: %w", err)
					continue
				}
				for _, status := range []store.JobStatus{store.JobRunning, store.JobDone} {
					j.Status, j.Progress = status, 0.5
					if err := st.SaveJob(ctx, j); err != nil {
						errs <- fmt.Errorf("saving job: %w", err)
					}
				}
				run, rj, err := st.CreateRun(ctx, "train", base.ID, json.RawMessage(`{"epochs":1}`))
				if err != nil {
					errs <- fmt.Errorf("recording run: %w", err)
					continue
				}
				if err := st.AppendLoss(ctx, run.ID, store.LossPoint{Epoch: 1, Cost: 0.5, Seconds: 1}); err != nil {
					errs <- fmt.Errorf("appending loss: %w", err)
				}
				rj.Status = store.JobCancelled
				if err := st.SaveJob(ctx, rj); err != nil {
					errs <- fmt.Errorf("saving run's job: %w", err)
				}
				f, err := st.Stage(strings.NewReader(fmt.Sprintf("writer %d round %d\n", w, r)), 0)
				if err != nil {
					errs <- err
					continue
				}
				c, err := st.AddCorpus(ctx, store.NewCorpus{Name: "stress"}, f)
				if err != nil {
					errs <- fmt.Errorf("recording corpus: %w", err)
					continue
				}
				if err := st.DeleteCorpus(ctx, c.ID); err != nil {
					errs <- fmt.Errorf("deleting corpus: %w", err)
				}
			}
		}()
	}
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if _, err := st.Jobs(ctx, 50); err != nil {
					errs <- fmt.Errorf("listing jobs: %w", err)
				}
				if _, err := st.Runs(ctx); err != nil {
					errs <- fmt.Errorf("listing runs: %w", err)
				}
			}
		}()
	}
	wg.Wait()
	close(stop)
	readers.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n < 5 {
			t.Error(err)
		}
		n++
	}
	if n > 0 {
		t.Fatalf("%d operations failed", n)
	}
	js, err := st.Jobs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := writers * rounds * 2; len(js) != want {
		t.Errorf("%d jobs recorded, want %d", len(js), want)
	}
	for _, j := range js {
		if !j.Status.Final() {
			t.Fatalf("job %d left %s", j.ID, j.Status)
		}
	}
}
