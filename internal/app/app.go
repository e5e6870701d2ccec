package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/durable"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/lru"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// DefaultMemoryBudget is the default memory budget of one job: 4 GiB.
const DefaultMemoryBudget = 4 << 30

// Sizes of the caches. Loaded corpus builds and vector sets are bounded
// by bytes, not by number: each of the two caches holds at most the
// memory budget of one job (Config.MemoryBudget), the least recently used
// going first (a single larger one is held alone).
const (
	maxMapResults     = 16 // finished t-SNE maps (all are saved in the store)
	maxSpectrumResult = 16 // finished co-occurrence spectra (all are saved)
	maxFigures        = 32 // covariance spectra, fidelity samples, evaluations
)

// Config configures Open.
type Config struct {
	// DataDir holds the catalogue and every file (created if missing).
	DataDir string
	// Workers is the number of jobs run at the same time (default 1).
	Workers int
	// MemoryBudget bounds the memory of one job in bytes (the
	// co-occurrence matrix and vocabulary of a build, the model of a
	// training run, a t-SNE map, a spectrum); larger work is refused with
	// a message saying what to change. DefaultMemoryBudget when 0.
	MemoryBudget int64
	// EvalDir holds the evaluation sets (analogy/questions-words.txt,
	// similarity/EN-*.txt) that training runs are scored on; "" for none.
	EvalDir string
	// Logger receives start-up notes and failures (default: discard).
	Logger *slog.Logger
	// SkipDemoBuild leaves the demo corpus unbuilt at start-up (for
	// tests and scripts that build, or not, on their own).
	SkipDemoBuild bool
	// Syncer makes the data directory's files durable (the store's
	// Options.Syncer); tests set its Space to simulate a full disk.
	Syncer durable.Syncer
	// MaxInstantAlign is the most shared words two vector sets may have
	// to be aligned in a request; larger alignments run as a job
	// (DefaultMaxInstantAlign when 0).
	MaxInstantAlign int
}

// Service is the application service. Create it with Open and stop it
// with Close. Its methods are safe for concurrent use.
type Service struct {
	st     *store.Store
	jobs   *jobs.Manager
	log    *slog.Logger
	budget int64 // bytes one job may use

	maxInstantAlign int // shared words aligned in a request at most

	evalDir  string
	evalOnce sync.Once
	eval     *runs.EvalSets
	evalErr  error

	builds   *lru.LRU[buildKey, *Build]       // loaded corpus builds
	sets     *lru.LRU[string, *vectors.Set]   // loaded vector sets by SHA-256
	maps     *lru.LRU[int64, *MapResult]      // finished t-SNE maps by job
	cspectra *lru.LRU[int64, *CorpusSpectrum] // finished co-occurrence spectra by job
	figures  *lru.LRU[string, any]            // computed figures (see figure)
	aligns   *lru.LRU[alignKey, *Alignment]   // alignments of two vector sets (compare.go)

	closeOnce sync.Once
	closeErr  error
}

// Open opens the data directory and brings it to a consistent state
// before any job runs: jobs and runs a killed process left active are
// interrupted, vector sets of runs that did not finish are removed, the
// catalogue is brought in line with the corpus builds on disk and their
// spill files removed (the store itself removes orphan files and the
// results of unfinished jobs), the demo data is installed, the job
// manager started and a build of the demo corpus queued when it has none.
func Open(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MemoryBudget <= 0 {
		cfg.MemoryBudget = DefaultMemoryBudget
	}
	st, err := store.OpenWith(ctx, cfg.DataDir, store.Options{Syncer: cfg.Syncer})
	if err != nil {
		return nil, err
	}
	s := newService(st, cfg)
	if err := s.start(ctx, cfg.Workers, !cfg.SkipDemoBuild); err != nil {
		st.Close()
		return nil, err
	}
	return s, nil
}

func newService(st *store.Store, cfg Config) *Service {
	if cfg.MaxInstantAlign <= 0 {
		cfg.MaxInstantAlign = DefaultMaxInstantAlign
	}
	return &Service{st: st, log: cfg.Logger, budget: cfg.MemoryBudget, evalDir: cfg.EvalDir, maxInstantAlign: cfg.MaxInstantAlign,
		builds:   newBuildCache(cfg.MemoryBudget),
		sets:     lru.NewSized[string](cfg.MemoryBudget, (*vectors.Set).MemoryBytes),
		maps:     lru.New[int64, *MapResult](maxMapResults),
		cspectra: lru.New[int64, *CorpusSpectrum](maxSpectrumResult),
		figures:  lru.New[string, any](maxFigures),
		aligns:   lru.New[alignKey, *Alignment](maxAlignments),
	}
}

// newBuildCache returns the cache of loaded builds, holding at most budget
// bytes of them.
func newBuildCache(budget int64) *lru.LRU[buildKey, *Build] {
	return lru.NewSized[buildKey](budget, (*Build).MemoryBytes)
}

// start reconciles the data directory and starts the job manager.
func (s *Service) start(ctx context.Context, workers int, demoBuild bool) error {
	jm, err := jobs.New(ctx, s.st, jobs.Options{Workers: workers, Logger: s.log, ErrorMessage: s.jobErrorMessage})
	if err != nil {
		return err
	}
	s.jobs = jm
	err = s.reconcile(ctx)
	if err == nil {
		err = demo.Install(ctx, s.st)
	}
	if err != nil {
		jm.Close(context.Background())
		return err
	}
	if !demoBuild {
		return nil
	}
	// A new user should see the demo corpus's numbers within seconds.
	if queued, err := s.buildDemoIfNeeded(ctx); err != nil {
		s.log.Warn("could not queue the demo corpus build", "err", err)
	} else if queued {
		s.log.Info("queued a build of the demo corpus")
	}
	return nil
}

// reconcile is the start-up clean-up; jobs.New has already marked every
// job of the previous process that was queued or running interrupted.
func (s *Service) reconcile(ctx context.Context) error {
	if n, err := s.st.InterruptUnlinkedRuns(ctx); err != nil {
		return err
	} else if n > 0 {
		s.log.Info("marked interrupted training runs recorded without a job", "count", n)
	}
	if n, err := s.st.DeleteVectorSetsOfUnfinishedRuns(ctx); err != nil {
		return err
	} else if n > 0 {
		s.log.Info("removed the vector sets of runs that did not finish", "count", n)
	}
	if n, err := s.st.RemoveRunDirs(ctx, resumable); err != nil {
		return err
	} else if n > 0 {
		s.log.Info("removed the run directories of runs that cannot be resumed", "count", n)
	}
	if n, err := s.reconcileBuilds(ctx); err != nil {
		return err
	} else if n > 0 {
		s.log.Info("brought the catalogue in line with the corpus builds on disk", "corpora", n)
	}
	return nil
}

// Close stops the job manager (running jobs are interrupted; it waits for
// them until ctx ends) and closes the store. Calling it again does
// nothing.
func (s *Service) Close(ctx context.Context) error {
	s.closeOnce.Do(func() { s.closeErr = errors.Join(s.jobs.Close(ctx), s.st.Close()) })
	return s.closeErr
}

// Store returns the catalogue, for reading records (corpora, vector sets,
// runs, loss curves) and for uploads.
func (s *Service) Store() *store.Store { return s.st }

// MemoryBudget returns the bytes one job may use.
func (s *Service) MemoryBudget() int64 { return s.budget }

// JobInfo is a job as shown to users: its record plus its queue position.
type JobInfo = jobs.Info

// Workers returns the number of jobs run at the same time.
func (s *Service) Workers() int { return s.jobs.Workers() }

// Job returns job id with live progress.
func (s *Service) Job(ctx context.Context, id int64) (JobInfo, error) { return s.jobs.Get(ctx, id) }

// Jobs returns the limit most recent jobs, newest first.
func (s *Service) Jobs(ctx context.Context, limit int) ([]JobInfo, error) {
	return s.jobs.List(ctx, limit)
}

// ActiveJobs returns every job the catalogue records as queued or
// running, oldest first, each with its live state (a job that has just
// ended shows its final state).
func (s *Service) ActiveJobs(ctx context.Context) ([]JobInfo, error) {
	recs, err := s.st.ActiveJobs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]JobInfo, 0, len(recs))
	for _, r := range recs {
		info, err := s.jobs.Get(ctx, r.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

// WaitJob blocks until job id is final or ctx is done.
func (s *Service) WaitJob(ctx context.Context, id int64) (JobInfo, error) {
	return s.jobs.Wait(ctx, id)
}

// CancelJob cancels job id (ErrJobFinished when it has already ended).
func (s *Service) CancelJob(ctx context.Context, id int64) error { return s.jobs.Cancel(ctx, id) }

// ActiveJob returns the queued or running job of kind on target, or nil.
func (s *Service) ActiveJob(ctx context.Context, kind Kind, target int64) (*JobInfo, error) {
	j, err := s.latest(ctx, kind, target)
	if err != nil || j == nil || j.Status.Final() {
		return nil, err
	}
	return j, nil
}

// latest returns the newest job of kind on target, or nil.
func (s *Service) latest(ctx context.Context, kind Kind, target int64) (*JobInfo, error) {
	j, err := s.jobs.Latest(ctx, string(kind), target)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &j, nil
}

// jobOf returns job id if it is of kind on target; otherwise a not-found
// error with message notFound.
func (s *Service) jobOf(ctx context.Context, kind Kind, target, id int64, notFound string) (JobInfo, error) {
	info, err := s.jobs.Get(ctx, id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return JobInfo{}, err
	}
	if err != nil || info.Kind != string(kind) || info.TargetID != target {
		return JobInfo{}, apperr.Wrap(fmt.Errorf("job %d: %w", id, store.ErrNotFound), apperr.NotFound, notFound)
	}
	return info, nil
}
