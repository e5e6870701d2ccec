// Package jobs runs the dashboard's long computations (building a corpus,
// training, t-SNE) in a bounded pool of workers. Every job has a record in
// the store; while it is queued or running the manager also keeps it in
// memory, where the job's progress callback writes without blocking on the
// database. Jobs are cancelled through their context. A job that was queued
// or running when the previous process stopped is marked interrupted when
// a new Manager starts.
package jobs

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gloveboard/gloveboard/internal/store"
)

// Sentinel errors.
var (
	// ErrFinished means the job has already reached a final state.
	ErrFinished = errors.New("job already finished")
	// ErrClosed means the manager is shutting down and takes no new jobs.
	ErrClosed = errors.New("job manager is shut down")
	// ErrQueueFull means too many jobs are waiting.
	ErrQueueFull = errors.New("job queue is full")
	// ErrShutdown is the cause (context.Cause) of a running job's context
	// when Close stops it, as opposed to a user's Cancel.
	ErrShutdown = errors.New("the server is shutting down")
)

// Reasons recorded on interrupted jobs.
const (
	ReasonRestart  = "the server restarted while this job was queued or running"
	ReasonShutdown = "the server shut down before this job finished"
)

// Progress reports a job's progress: frac in [0, 1] and a short message.
// It never blocks on I/O and may be called as often as convenient.
type Progress func(frac float64, msg string)

// Run is what the body of a job is given besides its context: the job's
// own record (id, kind, target), known before the body starts, and its
// progress sink.
type Run struct {
	ID       int64
	Kind     string
	TargetID int64
	// Progress reports the job's progress; it never blocks on I/O.
	Progress Progress
}

// Func is the work of one job. It must return promptly once ctx is done
// (returning ctx.Err() or an error wrapping it). context.Cause(ctx) is
// ErrShutdown when the manager is closing rather than the job cancelled.
type Func func(ctx context.Context, run Run) error

// Options configures a Manager.
type Options struct {
	// Workers is the number of jobs run at the same time (default 1).
	Workers int
	// QueueLimit caps the number of queued jobs (default 100).
	QueueLimit int
	// ErrorMessage turns a job's error into the user-facing text stored
	// on the job. The default uses err.Error().
	ErrorMessage func(error) string
	// Logger receives failures to persist job records (default: discard).
	Logger *slog.Logger
	// SaveAttempts bounds the tries of one save of a job's state
	// (default 5); SaveBackoff is the wait after the first failed try,
	// doubled after each further one (default 20ms). A final state still
	// unsaved after them stays in memory, shown as it is, and is saved
	// again every ResaveInterval (default 5s) until it succeeds, and
	// once more by Close.
	SaveAttempts   int
	SaveBackoff    time.Duration
	ResaveInterval time.Duration
}

// Info is a job as shown to users: its record plus, for a queued job, its
// 1-based position in the queue (0 otherwise).
type Info struct {
	store.Job
	Position int
}

type entry struct {
	job       store.Job
	fn        Func
	cancel    context.CancelFunc // set while running
	cancelled bool               // user asked to cancel
	done      chan struct{}      // closed when final
}

// Manager owns the worker pool. Create it with New and stop it with Close.
type Manager struct {
	st   *store.Store
	opts Options
	// createJob inserts a job's row: st.CreateJob, replaced in this
	// package's tests to hold the insert and see what waits on it.
	createJob func(ctx context.Context, kind string, targetID int64) (store.Job, error)
	// saveJob writes a job's state: st.SaveJob, replaced in this
	// package's tests to make saves fail.
	saveJob func(ctx context.Context, j store.Job) error

	base    context.Context
	stopAll context.CancelCauseFunc
	wg      sync.WaitGroup

	mu    sync.Mutex
	cond  *sync.Cond
	queue []*entry
	live  map[int64]*entry
	// unsaved holds the finished jobs whose final state the catalogue
	// does not have yet (their saves failed); they stay in live, with
	// their true state, until the resaver has saved them.
	unsaved map[int64]*entry
	kick    chan struct{} // wakes the resaver (buffered, 1)
	closed  bool
	// inserting counts the Submits admitted but still writing their row
	// (they count against QueueLimit); inserts lets Close wait for them.
	inserting int
	inserts   sync.WaitGroup
}

// New marks jobs left active by a previous process as interrupted and
// starts the workers.
func New(ctx context.Context, st *store.Store, opts Options) (*Manager, error) {
	if opts.Workers <= 0 {
		opts.Workers = 1
	}
	if opts.QueueLimit <= 0 {
		opts.QueueLimit = 100
	}
	if opts.ErrorMessage == nil {
		opts.ErrorMessage = func(err error) string { return err.Error() }
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.SaveAttempts <= 0 {
		opts.SaveAttempts = 5
	}
	if opts.SaveBackoff <= 0 {
		opts.SaveBackoff = 20 * time.Millisecond
	}
	if opts.ResaveInterval <= 0 {
		opts.ResaveInterval = 5 * time.Second
	}
	if _, err := st.InterruptActiveJobs(ctx, ReasonRestart); err != nil {
		return nil, fmt.Errorf("marking interrupted jobs: %w", err)
	}
	base, stop := context.WithCancelCause(context.Background())
	m := &Manager{st: st, opts: opts, createJob: st.CreateJob, saveJob: st.SaveJob, base: base, stopAll: stop,
		live: make(map[int64]*entry), unsaved: make(map[int64]*entry), kick: make(chan struct{}, 1)}
	m.cond = sync.NewCond(&m.mu)
	m.wg.Add(opts.Workers + 1)
	for range opts.Workers {
		go m.worker()
	}
	go m.resaver()
	return m, nil
}

// insertTimeout bounds the wait of a Submit for its row: the catalogue has
// one writer, so under a burst of writes on a busy machine the insert
// waits its turn; it must not fail (a 500) where a little patience
// succeeds, as the load test of issue 13 showed with 10 s.
const insertTimeout = time.Minute

// Workers returns the size of the worker pool.
func (m *Manager) Workers() int { return m.opts.Workers }

// Submit queues fn as a job of the given kind working on targetID and
// returns its record.
//
// The job's row is written without holding the manager's mutex: the
// catalogue syncs every commit, and Get, List and the progress callbacks
// of running jobs must not wait on the disk. So Submit first reserves a
// place (refusing it after Close or beyond QueueLimit, pending inserts
// included, so that concurrent Submits cannot overfill the queue), then
// writes the row, then queues the job.
func (m *Manager) Submit(kind string, targetID int64, fn Func) (store.Job, error) {
	return m.SubmitWith(func(ctx context.Context) (store.Job, error) { return m.createJob(ctx, kind, targetID) }, fn)
}

// SubmitWith is Submit with the job's row written by create, which must
// insert a queued job (store.CreateJob, or a transaction that records the
// job together with what it works on, such as a training run).
func (m *Manager) SubmitWith(create func(ctx context.Context) (store.Job, error), fn Func) (store.Job, error) {
	if fn == nil || create == nil {
		return store.Job{}, fmt.Errorf("job without work: %w", store.ErrInvalid)
	}
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return store.Job{}, ErrClosed
	}
	if n := len(m.queue) + m.inserting; n >= m.opts.QueueLimit {
		m.mu.Unlock()
		return store.Job{}, fmt.Errorf("%d jobs waiting: %w", n, ErrQueueFull)
	}
	m.inserting++
	// Added under the mutex while not closed, so before Close waits.
	m.inserts.Add(1)
	m.mu.Unlock()
	defer m.inserts.Done()

	ctx, cancel := context.WithTimeout(context.Background(), insertTimeout)
	defer cancel()
	j, err := create(ctx)

	m.mu.Lock()
	m.inserting--
	if err != nil {
		m.mu.Unlock()
		return store.Job{}, err
	}
	if m.closed {
		// Close began during the insert and has interrupted the queue it
		// found; this job is recorded the same way rather than left
		// queued (Close waits for this save).
		j.Status = store.JobInterrupted
		j.Error = ReasonShutdown
		j.Finished = time.Now().UTC()
		m.mu.Unlock()
		m.save(j)
		return store.Job{}, ErrClosed
	}
	e := &entry{job: j, fn: fn, done: make(chan struct{})}
	m.queue = append(m.queue, e)
	m.live[j.ID] = e
	m.cond.Signal()
	m.mu.Unlock()
	return j, nil
}

// Cancel cancels job id: a queued job is removed from the queue at once; a
// running job has its context cancelled and becomes cancelled when its
// function returns.
func (m *Manager) Cancel(ctx context.Context, id int64) error {
	m.mu.Lock()
	e, ok := m.live[id]
	if !ok {
		m.mu.Unlock()
		if _, err := m.st.Job(ctx, id); err != nil {
			return err
		}
		return fmt.Errorf("job %d: %w", id, ErrFinished)
	}
	if e.job.Status.Final() { // finishing: being saved right now
		m.mu.Unlock()
		return fmt.Errorf("job %d: %w", id, ErrFinished)
	}
	e.cancelled = true
	if e.cancel != nil { // running
		e.cancel()
		m.mu.Unlock()
		return nil
	}
	for i, q := range m.queue {
		if q == e {
			m.queue = append(m.queue[:i], m.queue[i+1:]...)
			break
		}
	}
	e.job.Status = store.JobCancelled
	e.job.Finished = time.Now().UTC()
	e.job.Message = "cancelled before it started"
	snap := e.job
	m.mu.Unlock()
	m.finish(e, snap)
	return nil
}

// Get returns job id, with live progress if it is active.
func (m *Manager) Get(ctx context.Context, id int64) (Info, error) {
	m.mu.Lock()
	if e, ok := m.live[id]; ok {
		info := Info{Job: e.job, Position: m.positionLocked(e)}
		m.mu.Unlock()
		return info, nil
	}
	m.mu.Unlock()
	j, err := m.st.Job(ctx, id)
	if err != nil {
		return Info{}, err
	}
	return Info{Job: j}, nil
}

// List returns the limit most recent jobs, newest first, with live
// progress for active ones.
func (m *Manager) List(ctx context.Context, limit int) ([]Info, error) {
	js, err := m.st.Jobs(ctx, limit)
	if err != nil {
		return nil, err
	}
	out := make([]Info, len(js))
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, j := range js {
		out[i] = Info{Job: j}
		if e, ok := m.live[j.ID]; ok {
			out[i] = Info{Job: e.job, Position: m.positionLocked(e)}
		}
	}
	return out, nil
}

// Latest returns the most recent job of kind working on targetID, with
// live progress if it is active; store.ErrNotFound when there is none.
func (m *Manager) Latest(ctx context.Context, kind string, targetID int64) (Info, error) {
	j, err := m.st.LatestJob(ctx, kind, targetID)
	if err != nil {
		return Info{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.live[j.ID]; ok {
		return Info{Job: e.job, Position: m.positionLocked(e)}, nil
	}
	return Info{Job: j}, nil
}

// Live returns the queued and running jobs, in order of id.
func (m *Manager) Live() []Info {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Info, 0, len(m.live))
	for _, e := range m.live {
		out = append(out, Info{Job: e.job, Position: m.positionLocked(e)})
	}
	slices.SortFunc(out, func(a, b Info) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// Active reports the number of queued and running jobs.
func (m *Manager) Active() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.live)
}

// Wait blocks until job id is final or ctx is done, and returns its record.
func (m *Manager) Wait(ctx context.Context, id int64) (Info, error) {
	m.mu.Lock()
	e, ok := m.live[id]
	m.mu.Unlock()
	if ok {
		select {
		case <-e.done:
		case <-ctx.Done():
			return Info{}, ctx.Err()
		}
	}
	return m.Get(ctx, id)
}

// Close stops accepting jobs, marks queued jobs interrupted, cancels the
// running ones and waits for the workers to return and for Submits that
// were writing their job's row to record it as interrupted (or ctx to
// end).
func (m *Manager) Close(ctx context.Context) error {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return nil
	}
	m.closed = true
	queued := m.queue
	snaps := make([]store.Job, len(queued))
	for i, e := range queued {
		e.job.Status = store.JobInterrupted
		e.job.Error = ReasonShutdown
		e.job.Finished = time.Now().UTC()
		snaps[i] = e.job
	}
	m.queue = nil
	m.cond.Broadcast()
	m.mu.Unlock()
	m.stopAll(ErrShutdown)
	for i, e := range queued {
		m.finish(e, snaps[i])
	}
	waited := make(chan struct{})
	go func() {
		m.wg.Wait()
		m.inserts.Wait()
		m.resaveAll() // a last try for final states still unsaved
		close(waited)
	}()
	select {
	case <-waited:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("waiting for running jobs: %w", ctx.Err())
	}
}

func (m *Manager) positionLocked(e *entry) int {
	for i, q := range m.queue {
		if q == e {
			return i + 1
		}
	}
	return 0
}

func (m *Manager) worker() {
	defer m.wg.Done()
	for {
		m.mu.Lock()
		for len(m.queue) == 0 && !m.closed {
			m.cond.Wait()
		}
		if m.closed {
			m.mu.Unlock()
			return
		}
		e := m.queue[0]
		m.queue = m.queue[1:]
		ctx, cancel := context.WithCancel(m.base)
		e.cancel = cancel
		e.job.Status = store.JobRunning
		e.job.Started = time.Now().UTC()
		snap := e.job
		m.mu.Unlock()
		m.save(snap)

		err := m.run(ctx, e)
		cancel()

		m.mu.Lock()
		e.job.Finished = time.Now().UTC()
		switch {
		case err == nil:
			e.job.Status = store.JobDone
			e.job.Progress = 1
		case e.cancelled:
			e.job.Status = store.JobCancelled
			e.job.Message = "cancelled"
		case m.closed && m.base.Err() != nil:
			e.job.Status = store.JobInterrupted
			e.job.Error = ReasonShutdown
		default:
			e.job.Status = store.JobFailed
			e.job.Error = m.opts.ErrorMessage(err)
		}
		snap = e.job
		m.mu.Unlock()
		m.finish(e, snap)
	}
}

// finish persists the final record of e and only then forgets it, so that
// Get never sees a finished job's stale row. When the save fails even
// after retries, e stays in live with its true (final) state, so that Get,
// List and Cancel answer from it, and the resaver saves it later.
func (m *Manager) finish(e *entry, final store.Job) {
	err := m.save(final)
	m.mu.Lock()
	if err == nil {
		delete(m.live, final.ID)
	} else {
		m.unsaved[final.ID] = e
	}
	m.mu.Unlock()
	close(e.done)
	if err != nil {
		select {
		case m.kick <- struct{}{}:
		default:
		}
	}
}

// resaver saves the final states that finish could not save, every
// ResaveInterval once woken, until none is left; it returns when the
// manager closes (Close makes a last attempt itself).
func (m *Manager) resaver() {
	defer m.wg.Done()
	for {
		select {
		case <-m.base.Done():
			return
		case <-m.kick:
		}
		for !m.resaveAll() {
			t := time.NewTimer(m.opts.ResaveInterval)
			select {
			case <-m.base.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
	}
}

// resaveAll tries once to save every unsaved final state and forgets the
// jobs saved; it reports whether none is left.
func (m *Manager) resaveAll() bool {
	m.mu.Lock()
	pending := make([]store.Job, 0, len(m.unsaved))
	for _, e := range m.unsaved {
		pending = append(pending, e.job)
	}
	m.mu.Unlock()
	for _, j := range pending {
		if err := m.saveOnce(j); err != nil {
			m.opts.Logger.Error("saving job again", "job", j.ID, "status", j.Status, "err", err)
			continue
		}
		m.mu.Lock()
		delete(m.unsaved, j.ID)
		delete(m.live, j.ID)
		m.mu.Unlock()
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.unsaved) == 0
}

// run calls the job's function, turning a panic into an error so that one
// bad job cannot take the server down.
func (m *Manager) run(ctx context.Context, e *entry) (err error) {
	defer func() {
		if r := recover(); r != nil {
			m.opts.Logger.Error("job panicked", "job", e.job.ID, "kind", e.job.Kind, "panic", r)
			err = fmt.Errorf("job %d panicked: %v", e.job.ID, r)
		}
	}()
	return e.fn(ctx, Run{ID: e.job.ID, Kind: e.job.Kind, TargetID: e.job.TargetID, Progress: func(frac float64, msg string) {
		if math.IsNaN(frac) {
			frac = 0
		}
		frac = min(max(frac, 0), 1)
		if r := []rune(msg); len(r) > 200 {
			msg = string(r[:200])
		}
		msg = strings.TrimSpace(msg)
		m.mu.Lock()
		e.job.Progress = frac
		e.job.Message = msg
		m.mu.Unlock()
	}})
}

// save writes j's state, trying up to SaveAttempts times with a doubling
// backoff, and returns the last error (logged).
func (m *Manager) save(j store.Job) error {
	wait := m.opts.SaveBackoff
	var err error
	for try := 1; ; try++ {
		if err = m.saveOnce(j); err == nil || try == m.opts.SaveAttempts {
			break
		}
		time.Sleep(wait)
		wait *= 2
	}
	if err != nil {
		m.opts.Logger.Error("saving job", "job", j.ID, "status", j.Status, "attempts", m.opts.SaveAttempts, "err", err)
	}
	return err
}

func (m *Manager) saveOnce(j store.Job) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return m.saveJob(ctx, j)
}
