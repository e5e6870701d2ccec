package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/corpusbuild"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
)

// Sentinels of the service.
var (
	// ErrOverBudget marks work refused up front because it would need
	// more memory than Config.MemoryBudget.
	ErrOverBudget = errors.New("the job would exceed the memory budget")
	// ErrInUse marks a request a running job stands in the way of (the
	// store's: a delete refused by store.DeleteCorpus or DeleteVectorSet
	// is an *store.InUseError).
	ErrInUse = store.ErrInUse
	// ErrSpectrumTooLarge marks a spectrum asked for more words than
	// MaxSpectrumTopN.
	ErrSpectrumTooLarge = errors.New("too many words for a co-occurrence spectrum")
	// ErrNotBuilt means a corpus has no finished build.
	ErrNotBuilt = corpusbuild.ErrNotBuilt
	// Job manager errors a caller may meet.
	ErrJobFinished = jobs.ErrFinished
	ErrQueueFull   = jobs.ErrQueueFull
	ErrClosed      = jobs.ErrClosed
)

// NotFound gives a store.ErrNotFound a message naming what was missing
// (noun and id); other errors pass unchanged.
func NotFound(err error, noun string, id int64) error {
	if errors.Is(err, store.ErrNotFound) {
		return apperr.Wrap(err, apperr.NotFound, fmt.Sprintf("There is no %s with id %d. It may have been deleted.", noun, id))
	}
	return err
}

// jobSubmitError gives the job manager's refusals their codes.
func jobSubmitError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, jobs.ErrQueueFull), errors.Is(err, jobs.ErrClosed):
		return apperr.Wrap(err, apperr.Unavailable, "")
	case errors.Is(err, context.DeadlineExceeded):
		// The catalogue's one writer was busy for longer than a Submit
		// waits (jobs.insertTimeout).
		return apperr.Wrap(err, apperr.Unavailable, "The server is too busy to record the job now. Try again in a moment.")
	}
	return err
}

// jobFailures are the messages of sentinel errors a job body may return
// without an *apperr.Error of its own (the same wording as the web
// layer's table).
var jobFailures = []struct {
	err error
	msg string
}{
	{store.ErrEmptyUpload, "The file is empty."},
	{store.ErrTooLarge, "The file is too large."},
	{ErrOverBudget, "This would need more memory than the server allows for one job."},
	{cooccur.ErrMatrixTooLarge, "The co-occurrence matrix is larger than the memory budget allows: raise the minimum count or set a maximum vocabulary."},
	{corpusbuild.ErrNotBuilt, "This corpus has not been built yet. Open its page and build its co-occurrence statistics first."},
	{corpus.ErrEmptyCorpus, "The corpus contains no words (with these settings nothing is left to count)."},
	{corpus.ErrBinary, "The corpus looks like a binary file, not text."},
	{corpus.ErrUTF16, "The corpus is UTF-16 text; convert it to UTF-8 and upload it again."},
	{corpus.ErrCorruptGzip, "The corpus's gzip data is truncated or damaged."},
	{corpus.ErrVocabularyTooLarge, "The corpus has too many distinct words; set a maximum vocabulary or a higher minimum count."},
	{cooccur.ErrBadOptions, "The build settings are not usable: check the window (1–255), minimum count (at least 1) and maximum vocabulary."},
	{plot.ErrNoData, "There is nothing to plot."},
	{glove.ErrInvalidOptions, "The training settings are not usable: check the vector size, epochs, x_max (> 0), α (≥ 0) and η (> 0)."},
	{glove.ErrDiverged, "The training diverged: its cost became NaN or infinite or grew without bound. Lower the learning rate η."},
	{glove.ErrNoCooccurrences, "This corpus has no co-occurrences to train on."},
	{vectors.ErrNonFinite, "This vector set holds values that are not finite numbers, so it cannot be explored."},
	{project.ErrPerplexityTooLarge, "The perplexity must be smaller than the number of words minus one."},
	{project.ErrTooFewPoints, "Too few words to draw a map: give at least 4 that are in the vector set."},
	{project.ErrTooManyPointsExact, "Too many words for the exact t-SNE engine."},
	{project.ErrTooManyPoints, "Too many words for this map method: t-SNE and UMAP maps take at most 20,000."},
	{project.ErrBadUMAPOptions, "The UMAP parameters are out of range."},
	{spectrum.ErrFitRange, "Too few eigenvalues to fit a power law."},
	{spectrum.ErrNonPositive, "The spectrum has non-positive eigenvalues where a power law was to be fitted."},
}

// internalJobMessage is what users read about a job that failed for a
// reason they cannot act on.
const internalJobMessage = "The job failed because of an internal error. The details are in the server log."

// jobErrorMessage is JobErrorMessage with a full disk (anywhere in a
// job: a build's artefacts, a run's model, a map's saved result, the
// catalogue) turned into the one disk-full message first.
func (s *Service) jobErrorMessage(err error) string {
	return JobErrorMessage(s.log)(s.st.DiskFullError(err))
}

// JobErrorMessage returns the function the job manager uses to turn a
// failed job's error into the text users see: its *apperr.Error message,
// else the message of a known sentinel, else (logged) a message without
// details, so that no internal path reaches the page.
func JobErrorMessage(log *slog.Logger) func(error) string {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return func(err error) string {
		if msg, ok := apperr.MessageOf(err); ok {
			return msg
		}
		for _, f := range jobFailures {
			if errors.Is(err, f.err) {
				return f.msg
			}
		}
		log.Error("job failed", "err", err)
		return internalJobMessage
	}
}
