package jobs_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m)
}

func newManager(t *testing.T, dir string, workers int) (*jobs.Manager, *store.Store) {
	t.Helper()
	st, err := store.Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	m, err := jobs.New(context.Background(), st, jobs.Options{Workers: workers})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := m.Close(ctx); err != nil {
			t.Error(err)
		}
		st.Close()
	})
	return m, st
}

func waitFinal(t *testing.T, m *jobs.Manager, id int64) jobs.Info {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	info, err := m.Wait(ctx, id)
	if err != nil {
		t.Fatalf("waiting for job %d: %v", id, err)
	}
	return info
}

func TestQueueOrderWithOneWorker(t *testing.T) {
	m, _ := newManager(t, t.TempDir(), 1)
	var mu sync.Mutex
	var order []int
	release := make(chan struct{})
	started := make(chan struct{})
	var ids []int64
	for i := range 4 {
		j, err := m.Submit("test", int64(i), func(ctx context.Context, _ jobs.Run) error {
			if i == 0 {
				close(started)
				<-release
			}
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	// While job 0 blocks, the others wait in submission order.
	<-started
	for k, id := range ids[1:] {
		info, err := m.Get(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if info.Status != store.JobQueued || info.Position != k+1 {
			t.Errorf("job %d: status %s position %d, want queued at %d", id, info.Status, info.Position, k+1)
		}
	}
	close(release)
	for _, id := range ids {
		if info := waitFinal(t, m, id); info.Status != store.JobDone || info.Progress != 1 {
			t.Errorf("job %d: %s progress %v, want done 1", id, info.Status, info.Progress)
		}
	}
	if want := []int{0, 1, 2, 3}; !equalInts(order, want) {
		t.Errorf("run order %v, want %v", order, want)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestBoundedConcurrency(t *testing.T) {
	for _, workers := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) { // a "#" in the name would reach the SQLite URI
			m, _ := newManager(t, t.TempDir(), workers)
			var running, peak atomic.Int32
			var ids []int64
			for range 8 {
				j, err := m.Submit("test", 0, func(ctx context.Context, _ jobs.Run) error {
					n := running.Add(1)
					for {
						p := peak.Load()
						if n <= p || peak.CompareAndSwap(p, n) {
							break
						}
					}
					time.Sleep(20 * time.Millisecond)
					running.Add(-1)
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, j.ID)
			}
			for _, id := range ids {
				waitFinal(t, m, id)
			}
			if got := peak.Load(); got > int32(workers) || got < 1 {
				t.Errorf("peak concurrency %d with %d workers", got, workers)
			}
		})
	}
}

func TestCancel(t *testing.T) {
	m, _ := newManager(t, t.TempDir(), 1)
	started := make(chan struct{})
	running, err := m.Submit("test", 1, func(ctx context.Context, _ jobs.Run) error {
		close(started)
		<-ctx.Done()
		return ctx.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	var ranQueued atomic.Bool
	queued, err := m.Submit("test", 2, func(ctx context.Context, _ jobs.Run) error {
		ranQueued.Store(true)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	<-started
	ctx := context.Background()
	if err := m.Cancel(ctx, queued.ID); err != nil {
		t.Fatalf("cancel queued: %v", err)
	}
	if err := m.Cancel(ctx, running.ID); err != nil {
		t.Fatalf("cancel running: %v", err)
	}
	for _, id := range []int64{running.ID, queued.ID} {
		if info := waitFinal(t, m, id); info.Status != store.JobCancelled {
			t.Errorf("job %d: %s, want cancelled", id, info.Status)
		}
	}
	if ranQueued.Load() {
		t.Error("cancelled queued job ran")
	}
	tests := []struct {
		name string
		id   int64
		want error
	}{
		{"finished", running.ID, jobs.ErrFinished},
		{"unknown", 9999, store.ErrNotFound},
	}
	for _, tc := range tests {
		if err := m.Cancel(ctx, tc.id); !errors.Is(err, tc.want) {
			t.Errorf("%s: Cancel = %v, want %v", tc.name, err, tc.want)
		}
	}
}

func TestProgressAndFailure(t *testing.T) {
	m, st := newManager(t, t.TempDir(), 1)
	step := make(chan struct{})
	cont := make(chan struct{})
	j, err := m.Submit("test", 0, func(ctx context.Context, run jobs.Run) error {
		progress := run.Progress
		progress(0.25, "a quarter")
		step <- struct{}{}
		<-cont
		progress(7, "clamped") // out of range values are clamped
		step <- struct{}{}
		<-cont
		return errors.New("boom")
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, want := range []struct {
		frac float64
		msg  string
	}{{0.25, "a quarter"}, {1, "clamped"}} {
		<-step
		info, err := m.Get(ctx, j.ID)
		if err != nil {
			t.Fatal(err)
		}
		if info.Status != store.JobRunning || info.Progress != want.frac || info.Message != want.msg {
			t.Errorf("got %s %v %q, want running %v %q", info.Status, info.Progress, info.Message, want.frac, want.msg)
		}
		cont <- struct{}{}
	}
	info := waitFinal(t, m, j.ID)
	if info.Status != store.JobFailed || info.Error != "boom" {
		t.Errorf("got %s %q, want failed boom", info.Status, info.Error)
	}
	rec, err := st.Job(ctx, j.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Status != store.JobFailed || rec.Started.IsZero() || rec.Finished.IsZero() {
		t.Errorf("stored record %+v", rec)
	}
}

func TestPanicBecomesFailure(t *testing.T) {
	m, _ := newManager(t, t.TempDir(), 1)
	j, err := m.Submit("test", 0, func(context.Context, jobs.Run) error { panic("bad index") })
	if err != nil {
		t.Fatal(err)
	}
	if info := waitFinal(t, m, j.ID); info.Status != store.JobFailed {
		t.Errorf("status %s, want failed", info.Status)
	}
}

func TestInterruptedOnRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	// A previous process left one running and one queued job behind.
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []int64
	for _, status := range []store.JobStatus{store.JobRunning, store.JobQueued, store.JobDone} {
		j, err := st.CreateJob(ctx, "train", 1)
		if err != nil {
			t.Fatal(err)
		}
		j.Status = status
		if err := st.SaveJob(ctx, j); err != nil {
			t.Fatal(err)
		}
		left = append(left, j.ID)
	}
	st.Close()

	m, _ := newManager(t, dir, 1)
	want := []store.JobStatus{store.JobInterrupted, store.JobInterrupted, store.JobDone}
	for i, id := range left {
		info, err := m.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if info.Status != want[i] {
			t.Errorf("job %d: %s, want %s", id, info.Status, want[i])
		}
		if info.Status == store.JobInterrupted && info.Error != jobs.ReasonRestart {
			t.Errorf("job %d: reason %q", id, info.Error)
		}
	}
}

func TestCloseInterruptsAndLeavesNoGoroutines(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(ctx, st, jobs.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{}, 2)
	var ids []int64
	for range 3 {
		j, err := m.Submit("test", 0, func(ctx context.Context, _ jobs.Run) error {
			started <- struct{}{}
			<-ctx.Done()
			return ctx.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	<-started
	<-started
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := m.Close(cctx); err != nil {
		t.Fatal(err)
	}
	for _, id := range ids {
		j, err := st.Job(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if j.Status != store.JobInterrupted || j.Error != jobs.ReasonShutdown {
			t.Errorf("job %d: %s %q, want interrupted by shutdown", id, j.Status, j.Error)
		}
	}
	if _, err := m.Submit("test", 0, func(context.Context, jobs.Run) error { return nil }); !errors.Is(err, jobs.ErrClosed) {
		t.Errorf("Submit after Close = %v, want ErrClosed", err)
	}
	goleak.VerifyNone(t, goleak.IgnoreCurrent())
}

// TestShutdownCause checks that a job can tell Close stopping it from a
// user cancelling it: the first is recorded as interrupted, and the job's
// own records (a training run) should say the same.
func TestShutdownCause(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(ctx, st, jobs.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{}, 2)
	causes := make(chan error, 2)
	var ids []int64
	for range 2 {
		j, err := m.Submit("test", 0, func(ctx context.Context, _ jobs.Run) error {
			started <- struct{}{}
			<-ctx.Done()
			causes <- context.Cause(ctx)
			return ctx.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, j.ID)
	}
	<-started
	<-started
	if err := m.Cancel(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if cause := <-causes; errors.Is(cause, jobs.ErrShutdown) || !errors.Is(cause, context.Canceled) {
		t.Errorf("cause seen by a cancelled job: %v, want context.Canceled", cause)
	}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := m.Close(cctx); err != nil {
		t.Fatal(err)
	}
	if cause := <-causes; !errors.Is(cause, jobs.ErrShutdown) {
		t.Errorf("cause seen by a job stopped by Close: %v, want ErrShutdown", cause)
	}
	for i, want := range []store.JobStatus{store.JobCancelled, store.JobInterrupted} {
		if j, err := st.Job(ctx, ids[i]); err != nil || j.Status != want {
			t.Errorf("job %d: %s (%v), want %s", ids[i], j.Status, err, want)
		}
	}
}

func TestQueueLimit(t *testing.T) {
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(context.Background(), st, jobs.Options{Workers: 1, QueueLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(context.Background())
	block := func(ctx context.Context, _ jobs.Run) error { <-ctx.Done(); return ctx.Err() }
	started := make(chan struct{})
	if _, err := m.Submit("test", 0, func(ctx context.Context, r jobs.Run) error { close(started); return block(ctx, r) }); err != nil {
		t.Fatal(err)
	}
	<-started
	for i := range 3 {
		_, err := m.Submit("test", 0, block)
		if want := i == 2; errors.Is(err, jobs.ErrQueueFull) != want {
			t.Errorf("submit %d: %v (queue full expected: %v)", i, err, want)
		}
	}
	if n := m.Active(); n != 3 {
		t.Errorf("Active = %d, want 3", n)
	}
}

// heldInsert stands in for the catalogue insert of Submit: while armed,
// each insert reports the job's kind on entered and waits for release, as
// a commit waiting on a slow disk would. It also notes whether the
// manager's mutex was held during the insert; if it was, it does not wait,
// so that a regression fails the test instead of hanging it.
type heldInsert struct {
	armed     atomic.Bool
	entered   chan string
	release   chan struct{}
	mutexHeld atomic.Bool
}

func holdInserts(m *jobs.Manager, st *store.Store) *heldInsert {
	h := &heldInsert{entered: make(chan string, 8), release: make(chan struct{})}
	m.SetCreateJob(func(ctx context.Context, kind string, targetID int64) (store.Job, error) {
		if h.armed.Load() {
			held := !m.MutexFree()
			h.mutexHeld.Store(held)
			h.entered <- kind
			if !held {
				<-h.release
			}
		}
		return st.CreateJob(ctx, kind, targetID)
	})
	return h
}

// wait returns once a held insert has begun, failing the test if it runs
// with the manager's mutex held.
func (h *heldInsert) wait(t *testing.T) {
	t.Helper()
	if kind := <-h.entered; h.mutexHeld.Load() {
		t.Fatalf("Submit(%q) writes the job's row with the manager's mutex held: Get, List and progress callbacks wait on the disk", kind)
	}
}

// TestSubmitInsertDoesNotBlockReaders: while Submit's insert waits (the
// catalogue syncs every commit), Get, List and a running job's progress
// callback go on.
func TestSubmitInsertDoesNotBlockReaders(t *testing.T) {
	m, st := newManager(t, t.TempDir(), 1)
	h := holdInserts(m, st)
	started, tick, ticked := make(chan struct{}), make(chan struct{}), make(chan struct{})
	a, err := m.Submit("test", 0, func(ctx context.Context, run jobs.Run) error {
		progress := run.Progress
		close(started)
		for {
			select {
			case <-tick:
				progress(0.5, "halfway")
				ticked <- struct{}{}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	<-started

	h.armed.Store(true)
	type result struct {
		job store.Job
		err error
	}
	submitted := make(chan result, 1)
	go func() {
		j, err := m.Submit("held", 0, func(ctx context.Context, _ jobs.Run) error { return nil })
		submitted <- result{j, err}
	}()
	h.wait(t)

	// The insert is pending: none of these may wait for it.
	tick <- struct{}{}
	<-ticked
	ctx := context.Background()
	info, err := m.Get(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if info.Status != store.JobRunning || info.Progress != 0.5 || info.Message != "halfway" {
		t.Errorf("Get during the insert: %s %v %q, want running 0.5 \"halfway\"", info.Status, info.Progress, info.Message)
	}
	if list, err := m.List(ctx, 10); err != nil || len(list) == 0 || list[0].ID != a.ID || list[0].Progress != 0.5 {
		t.Errorf("List during the insert = %+v, %v; want job %d at 0.5", list, err, a.ID)
	}
	if n := m.Active(); n != 1 {
		t.Errorf("Active during the insert = %d, want 1 (the held job is not queued yet)", n)
	}

	close(h.release)
	r := <-submitted
	if r.err != nil {
		t.Fatal(r.err)
	}
	if info, err := m.Get(ctx, r.job.ID); err != nil || info.Status != store.JobQueued || info.Position != 1 {
		t.Errorf("held job after its insert: %+v, %v; want queued at 1", info, err)
	}
}

// TestSubmitQueueLimitCountsPendingInserts: jobs whose rows are being
// written count against QueueLimit, so concurrent Submits cannot
// together queue more than the limit.
func TestSubmitQueueLimitCountsPendingInserts(t *testing.T) {
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(context.Background(), st, jobs.Options{Workers: 1, QueueLimit: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close(context.Background())
	h := holdInserts(m, st)
	block := func(ctx context.Context, _ jobs.Run) error { <-ctx.Done(); return ctx.Err() }
	started := make(chan struct{})
	if _, err := m.Submit("test", 0, func(ctx context.Context, r jobs.Run) error { close(started); return block(ctx, r) }); err != nil {
		t.Fatal(err)
	}
	<-started

	h.armed.Store(true)
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := m.Submit("held", 0, block)
			errs <- err
		}()
		h.wait(t)
	}
	// The queue is empty, but two rows are being written: a third job
	// would be one too many.
	if _, err := m.Submit("test", 0, block); !errors.Is(err, jobs.ErrQueueFull) {
		t.Errorf("Submit with 2 inserts pending and a limit of 2 = %v, want ErrQueueFull", err)
	}
	close(h.release)
	for range 2 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if n := m.Active(); n != 3 {
		t.Errorf("Active = %d, want 3 (1 running, 2 queued)", n)
	}
	if _, err := m.Submit("test", 0, block); !errors.Is(err, jobs.ErrQueueFull) {
		t.Errorf("Submit with 2 queued and a limit of 2 = %v, want ErrQueueFull", err)
	}
}

// TestSubmitDuringClose: a job whose row is being written when Close
// begins is recorded as interrupted by the shutdown, not left queued, and
// Close returns only once that is saved.
func TestSubmitDuringClose(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	m, err := jobs.New(ctx, st, jobs.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	h := holdInserts(m, st)
	h.armed.Store(true)
	submitted := make(chan error, 1)
	go func() {
		_, err := m.Submit("held", 0, func(context.Context, jobs.Run) error { return nil })
		submitted <- err
	}()
	h.wait(t)

	closed := make(chan error, 1)
	go func() {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		closed <- m.Close(cctx)
	}()
	for !m.Closing() {
		runtime.Gosched()
	}
	select {
	case err := <-closed:
		t.Fatalf("Close returned (%v) while a Submit was still writing its job", err)
	default:
	}
	close(h.release)
	if err := <-closed; err != nil {
		t.Fatal(err)
	}
	// Close has returned: the row is final already.
	js, err := st.Jobs(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(js) != 1 || js[0].Status != store.JobInterrupted || js[0].Error != jobs.ReasonShutdown {
		t.Errorf("jobs after Close = %+v, want one interrupted by the shutdown", js)
	}
	if err := <-submitted; !errors.Is(err, jobs.ErrClosed) {
		t.Errorf("Submit overtaken by Close = %v, want ErrClosed", err)
	}
}

// TestRunKnowsItsJob checks that a body sees its own job's record from its
// first line (no waiting for Submit to return), that SubmitWith uses the
// given insert, and that Latest finds the newest job of a kind and target
// with its live state.
func TestRunKnowsItsJob(t *testing.T) {
	m, st := newManager(t, t.TempDir(), 1)
	seen := make(chan jobs.Run, 2)
	hold := make(chan struct{})
	body := func(ctx context.Context, run jobs.Run) error {
		seen <- run
		<-hold
		return nil
	}
	first, err := m.Submit("build-corpus", 7, body)
	if err != nil {
		t.Fatal(err)
	}
	got := <-seen
	if got.ID != first.ID || got.Kind != "build-corpus" || got.TargetID != 7 || got.Progress == nil {
		t.Fatalf("body saw %+v, want job %d of build-corpus on 7 with a progress sink", got, first.ID)
	}
	inserted := 0
	second, err := m.SubmitWith(func(ctx context.Context) (store.Job, error) {
		inserted++
		return st.CreateJob(ctx, "build-corpus", 7)
	}, body)
	if err != nil || inserted != 1 {
		t.Fatalf("SubmitWith: %v after %d inserts", err, inserted)
	}
	latest, err := m.Latest(context.Background(), "build-corpus", 7)
	if err != nil || latest.ID != second.ID || latest.Status != store.JobQueued || latest.Position != 1 {
		t.Fatalf("Latest = %+v, %v; want queued job %d at position 1", latest, err, second.ID)
	}
	if _, err := m.Latest(context.Background(), "build-corpus", 8); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Latest of a target without jobs: %v, want ErrNotFound", err)
	}
	close(hold)
	if info := waitFinal(t, m, second.ID); info.Status != store.JobDone {
		t.Fatalf("second job %s", info.Status)
	}
	if got := <-seen; got.ID != second.ID {
		t.Fatalf("second body saw job %d, want %d", got.ID, second.ID)
	}
}
