package app

// Corpus builds: the build job, its memory budget, the start-up
// reconciliation of the catalogue with the build directories, the demo
// build, and the cache of loaded builds.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

type (
	// Build is a finished corpus build loaded in memory (read-only).
	Build = corpusbuild.Loaded
	// BuildSettings are a user's choices for a build.
	BuildSettings = corpusbuild.Settings
	// BuildSummary is the headline record of a finished build.
	BuildSummary = corpusbuild.Summary
)

// DefaultBuildSettings are the settings of the build form and of the demo
// build (cooccur.DefaultOptions).
func DefaultBuildSettings() BuildSettings { return corpusbuild.DefaultSettings() }

// buildMemoryBytes bounds the memory of counting; beyond it sorted runs
// spill to the build directory.
const buildMemoryBytes = 256 << 20

// bytesPerType estimates the memory one distinct word takes while a
// corpus is read (its string, hash-map slot and count).
const bytesPerType = 96

// BuildBudget divides a job's memory budget (bytes) for a build: counting
// gets at most buildMemoryBytes before it spills to disk, and the matrix
// and the vocabulary may each use the whole budget. It is exported for
// bench/buildmem, which measures a build's peak against the budget.
func BuildBudget(memory int64) corpusbuild.Budget {
	return corpusbuild.Budget{
		CountingBytes: min(buildMemoryBytes, memory/4),
		MaxNonzeros:   memory / cooccur.BytesPerNonzero,
		MaxTypes:      int(min(memory/bytesPerType, corpus.DefaultMaxTypes)),
		MaxPairs:      int(min(memory/4/phrases.BytesPerPair, phrases.DefaultMaxPairs)),
	}
}

// StartBuild queues a build of corpus id with settings (already validated
// by the caller's form rules; the builder checks them again). A corpus
// already being built is a conflict (ErrInUse).
func (s *Service) StartBuild(ctx context.Context, id int64, settings BuildSettings) (store.Job, error) {
	c, err := s.st.Corpus(ctx, id)
	if err != nil {
		return store.Job{}, NotFound(err, "corpus", id)
	}
	if j, err := s.ActiveJob(ctx, KindBuild, id); err != nil {
		return store.Job{}, err
	} else if j != nil {
		return store.Job{}, apperr.Wrap(ErrInUse, apperr.Conflict, fmt.Sprintf("This corpus is already being built (job %d). Wait for it to finish or cancel it first.", j.ID))
	}
	return s.submitBuild(c, settings, BuildBudget(s.budget))
}

// LatestBuild returns the most recent build job of corpus id, or nil.
func (s *Service) LatestBuild(ctx context.Context, id int64) (*JobInfo, error) {
	return s.latest(ctx, KindBuild, id)
}

// submitBuild queues the build of c with settings within budget: it builds
// into the corpus's build directory, syncing files as the store does, and
// records the headline numbers in the catalogue.
func (s *Service) submitBuild(c store.Corpus, settings BuildSettings, budget corpusbuild.Budget) (store.Job, error) {
	dir := s.st.CorpusBuildDir(c.ID)
	return s.submit(KindBuild, c.ID, func(ctx context.Context, run jobs.Run) error {
		sum, err := corpusbuild.Builder{Syncer: s.st.Syncer()}.Build(ctx, c.Path, dir, settings, budget, corpusbuild.Progress(run.Progress))
		s.forgetBuild(dir)
		if err != nil {
			return buildError(err, settings, budget)
		}
		run.Progress(0.98, "recording statistics")
		if err := s.st.SetCorpusStats(context.WithoutCancel(ctx), c.ID, settings, catalogueStats(sum)); err != nil {
			return err
		}
		run.Progress(1, "done")
		return nil
	})
}

// buildError says what to change when a build fails for want of memory or
// words.
func buildError(err error, settings BuildSettings, budget corpusbuild.Budget) error {
	switch {
	case errors.Is(err, cooccur.ErrMatrixTooLarge):
		return apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("The co-occurrence matrix grew past %s nonzeros, the most that fit in the memory budget of %s, so the build was stopped. Raise the minimum count, set a maximum vocabulary or use a smaller window (or start the server with a larger -memory-budget).",
			views.Count(budget.MaxNonzeros), views.Bytes(budget.MaxNonzeros*cooccur.BytesPerNonzero)))
	case errors.Is(err, corpus.ErrVocabularyTooLarge):
		return apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("The corpus has more than %s distinct words, the most the memory budget allows. Split or clean the corpus (for example, remove numbers or markup), or start the server with a larger -memory-budget.",
			views.Count(int64(budget.MaxTypes))))
	case errors.Is(err, phrases.ErrTooManyPairs):
		return apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("Learning phrases met more than %s distinct word pairs, the most the memory budget allows. Raise the phrase minimum count (pairs of rarer words are not counted), build by syllables, or start the server with a larger -memory-budget.",
			views.Count(int64(budget.MaxPairs))))
	case errors.Is(err, corpusbuild.ErrBadPhraseSettings):
		return apperr.Wrap(err, apperr.Invalid, fmt.Sprintf("The phrase settings are out of range: %s.", err.Error()))
	case errors.Is(err, corpus.ErrEmptyCorpus) && settings.MinCount > 1:
		return apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("No word occurs at least %d times (the minimum count), so nothing is left to count. Lower the minimum count and build again.", settings.MinCount))
	}
	return err
}

// catalogueStats are the headline numbers of a build as the catalogue
// keeps them (for the home page's list).
func catalogueStats(sum *corpusbuild.Summary) store.CorpusStats {
	return store.CorpusStats{
		Built: true, Tokens: sum.Tokens, Types: int64(sum.Types), VocabSize: int64(sum.VocabSize),
		Extra: map[string]any{
			"lines": sum.Lines, "nnz": sum.NNZ, "sum_x": sum.SumX,
			"entropy_bits": sum.EntropyBits, "mutual_information_bits": sum.MutualInformationBits,
			"normalized_lines": sum.NormalizedLines, "phrases": sum.Phrases,
		},
	}
}

// reconcileBuilds makes the catalogue agree with the build directories,
// which are the truth (summary.json is written last, and removed first
// when a rebuild starts): a process killed after a build finished but
// before its numbers were recorded, or during a rebuild, leaves them
// apart. It also removes the spill files of builds that were killed. It
// runs at start-up, before any job, and reports how many corpora it
// corrected.
func (s *Service) reconcileBuilds(ctx context.Context) (int, error) {
	cs, err := s.st.Corpora(ctx)
	if err != nil {
		return 0, err
	}
	fixed := 0
	for _, c := range cs {
		// No build runs yet: whatever spill files are there were left by a
		// process killed mid-build.
		if err := corpusbuild.RemoveSpill(s.st.CorpusBuildDir(c.ID)); err != nil {
			return fixed, fmt.Errorf("corpus %d: removing spill files: %w", c.ID, err)
		}
		sum, rerr := corpusbuild.ReadSummary(s.st.CorpusBuildDir(c.ID))
		var err error
		switch {
		case rerr == nil && !c.Stats.Built:
			err = s.st.SetCorpusStats(ctx, c.ID, sum.Settings, catalogueStats(sum))
		case errors.Is(rerr, corpusbuild.ErrNotBuilt) && c.Stats.Built:
			err = s.st.SetCorpusStats(ctx, c.ID, json.RawMessage(c.Settings), store.CorpusStats{})
		default:
			// In agreement, or a damaged summary, which the corpus page
			// reports and a rebuild replaces.
			continue
		}
		if err != nil {
			return fixed, fmt.Errorf("corpus %d: %w", c.ID, err)
		}
		fixed++
	}
	return fixed, nil
}

// buildDemoIfNeeded queues a build of each demo corpus with the default
// settings (the Vietnamese one with phrases) unless it has a finished
// build or a build job is already active. Calling it again is harmless.
func (s *Service) buildDemoIfNeeded(ctx context.Context) (queued bool, err error) {
	cs, err := s.st.Corpora(ctx)
	if err != nil {
		return false, err
	}
	// Oldest first (the catalogue lists the newest first): the WordNet
	// demo, the paper's example, is built before the Vietnamese one.
	for _, c := range slices.Backward(cs) {
		if c.Source != store.SourceDemo {
			continue
		}
		if _, err := corpusbuild.ReadSummary(s.st.CorpusBuildDir(c.ID)); err == nil {
			continue
		}
		if j, err := s.ActiveJob(ctx, KindBuild, c.ID); err != nil {
			return queued, err
		} else if j != nil {
			continue
		}
		if _, err := s.submitBuild(c, demoSettings(c), BuildBudget(DefaultMemoryBudget)); err != nil {
			return queued, err
		}
		queued = true
	}
	return queued, nil
}

// demoSettings are the build settings of demo corpus c: the defaults, with
// phrases for the Vietnamese corpus, whose words are made of syllables.
func demoSettings(c store.Corpus) BuildSettings {
	settings := corpusbuild.DefaultSettings()
	if demo.Vietnamese(c.SHA256) {
		settings.Tokens = corpusbuild.TokensPhrases
	}
	return settings
}

// buildKey names one finished build: its directory and the time of its
// summary.json (a rebuild gets a new key).
type buildKey struct {
	dir string
	mod int64 // summary.json's modification time, ns
}

// Build returns the loaded build of corpus id (cached; loaded once for
// concurrent callers). A corpus without a finished build gives
// ErrNotBuilt.
func (s *Service) Build(id int64) (*Build, error) { return s.buildIn(s.st.CorpusBuildDir(id)) }

func (s *Service) buildIn(dir string) (*Build, error) {
	st, err := os.Stat(filepath.Join(dir, "summary.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, corpusbuild.ErrNotBuilt
	}
	if err != nil {
		return nil, err
	}
	return s.builds.Get(buildKey{dir, st.ModTime().UnixNano()}, func() (*Build, error) { return corpusbuild.Load(dir) })
}

// forgetBuild drops the loaded builds of dir (after a rebuild).
func (s *Service) forgetBuild(dir string) {
	s.builds.RemoveIf(func(k buildKey) bool { return k.dir == dir })
}

// BuildSummary reads the summary of corpus id's build from disk
// (ErrNotBuilt when it has none) without loading the build.
func (s *Service) BuildSummary(id int64) (*BuildSummary, error) {
	return corpusbuild.ReadSummary(s.st.CorpusBuildDir(id))
}
