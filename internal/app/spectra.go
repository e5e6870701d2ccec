package app

// Spectra: the singular values of a corpus's weighted co-occurrence
// matrix (a job, the web counterpart of `glove spectrum -corpus`) and the
// covariance eigenvalues of a vector set (computed in the request).

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/jobs"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

const (
	// MaxSpectrumTopN is the most words (rows and columns) a corpus
	// spectrum may use.
	MaxSpectrumTopN = 50_000
	// DefaultSpectrumTopN and DefaultSpectrumK are the form's defaults
	// (at most the vocabulary).
	DefaultSpectrumTopN = 5000
	DefaultSpectrumK    = 300
	// spectrumSeed is the seed of the SVD's random start (the CLI's default).
	spectrumSeed = 1
)

// SpectrumParams are the fields of a corpus spectrum request as given
// (Matrix "" and nil numbers when absent; the web layer has read the
// numbers' syntax, CorpusSpectrumRequest checks their ranges).
type SpectrumParams struct {
	Matrix                  string
	TopN, K, FitFrom, FitTo *int
}

// SpectrumRequest is a validated corpus spectrum request.
type SpectrumRequest struct {
	Weighting spectrum.Weighting
	TopN      int // rows and columns used (at most the vocabulary)
	K         int
	From, To  int // the fit's inclusive rank range (To resolved)
	NNZ       int // nonzeros of the top-N block before weighting
	Note      string
}

// CorpusSpectrum is a finished corpus spectrum.
type CorpusSpectrum struct {
	CorpusID int64
	Name     string // the corpus's name, for file names
	Request  SpectrumRequest
	NNZ      int // nonzeros of the weighted matrix
	Values   []float64
	Fit      spectrum.PowerLawFit
	FitError string // why no fit was made ("" when Fit is set)
}

// WeightingLabel names a weighting for people.
func WeightingLabel(w spectrum.Weighting) string {
	switch w {
	case spectrum.Counts:
		return "raw counts X"
	case spectrum.Log1p:
		return "log(1 + X)"
	}
	return "PPMI"
}

// topNNonzeros counts the nonzeros of the leading n×n block of m.
func topNNonzeros(m *cooccur.Matrix, n int) int {
	total := 0
	for i := 0; i < n; i++ {
		cols, _ := m.Row(int32(i))
		total += sort.Search(len(cols), func(t int) bool { return int(cols[t]) >= n })
	}
	return total
}

// spectrumMemoryBytes is what a spectrum job needs: the unweighted top-N
// block and its weighted copy (12 B a nonzero each), and the Lanczos SVD of
// the weighted one.
func spectrumMemoryBytes(n, nnz, k int) int64 {
	return spectrum.LanczosMemoryBytes(n, n, nnz, k, 0, 0) + 2*(12*int64(nnz)+8*int64(n+1))
}

// orDefault is *p, or def when p is nil (a field not given).
func orDefault(p *int, def int) int {
	if p == nil {
		return def
	}
	return *p
}

// CorpusSpectrumRequest validates p against the build b and the memory
// budget, with messages for people. The defaults are those of the form:
// PPMI, the top min(vocabulary, 5,000) words, k = min(300, N), and a fit
// over ranks 1..k (as `glove spectrum`).
func (s *Service) CorpusSpectrumRequest(b *Build, p SpectrumParams) (SpectrumRequest, error) {
	var r SpectrumRequest
	vocab := b.Matrix.Dim()
	name := strings.ToLower(strings.TrimSpace(p.Matrix))
	if name == "" {
		name = "ppmi"
	}
	w, err := spectrum.ParseWeighting(name)
	if err != nil {
		return r, apperr.Invalidf("The matrix weighting must be counts, log (log(1 + X)) or ppmi, not “%s”.", apperr.Quote(strings.TrimSpace(p.Matrix)))
	}
	r.Weighting = w

	r.TopN = orDefault(p.TopN, min(vocab, DefaultSpectrumTopN))
	switch {
	case r.TopN > MaxSpectrumTopN:
		return r, apperr.Wrap(ErrSpectrumTooLarge, apperr.Unprocessable, fmt.Sprintf("A spectrum can use at most the %s most frequent words, not %s. Use fewer words.",
			views.Count(MaxSpectrumTopN), views.Count(r.TopN)))
	case r.TopN < 2:
		return r, apperr.Invalidf("The number of words (top-N) must be a whole number from 2 to %s.", views.Count(MaxSpectrumTopN))
	case r.TopN > vocab:
		r.Note = fmt.Sprintf("This corpus's co-occurrence matrix has only %s words, so all of them are used (%s were asked for).",
			views.Count(vocab), views.Count(r.TopN))
		r.TopN = vocab
	}

	r.K = orDefault(p.K, min(DefaultSpectrumK, r.TopN))
	if r.K < 1 || r.K > r.TopN {
		return r, apperr.Invalidf("The number of singular values k must be a whole number from 1 to %s (the number of words N), not %s.", views.Count(r.TopN), views.Count(r.K))
	}

	r.From, r.To = orDefault(p.FitFrom, 1), orDefault(p.FitTo, 0)
	if r.To == 0 {
		r.To = r.K
	}
	if r.From < 1 || r.To > r.K || r.To-r.From < 2 {
		return r, apperr.Wrap(spectrum.ErrFitRange, apperr.Unprocessable, fmt.Sprintf("The fit range must be whole ranks with 1 ≤ from, from + 2 ≤ to and to ≤ k = %d (an empty or 0 “to” means k); %d–%d is not.", r.K, r.From, r.To))
	}

	r.NNZ = topNNonzeros(b.Matrix, r.TopN)
	if need := spectrumMemoryBytes(r.TopN, r.NNZ, r.K); need > s.budget {
		return r, apperr.Wrap(ErrOverBudget, apperr.Unprocessable, fmt.Sprintf("The spectrum of the top %s words (%s nonzeros) with k = %s needs about %s of memory, more than the budget of %s for one job. Use fewer words or a smaller k (or start the server with a larger -memory-budget).",
			views.Count(r.TopN), views.Count(r.NNZ), views.Count(r.K), views.Bytes(need), views.Bytes(s.budget)))
	}
	return r, nil
}

// SubmitCorpusSpectrum queues the job computing r (from
// CorpusSpectrumRequest) for corpus c with build b.
func (s *Service) SubmitCorpusSpectrum(c store.Corpus, b *Build, r SpectrumRequest) (store.Job, error) {
	return s.submit(KindSpectrum, c.ID, func(jctx context.Context, run jobs.Run) error {
		res, err := corpusSpectrum(jctx, c, b, r, run.Progress)
		if err != nil {
			return err
		}
		run.Progress(0.97, "saving the spectrum")
		return keepResult(s, jctx, run, store.NewJobResult{JobID: run.ID, CorpusID: c.ID}, res, encodeSpectrumResult, s.cspectra)
	})
}

// corpusSpectrum weights the top-N block of b's matrix, computes its
// singular values and fits the power law.
func corpusSpectrum(ctx context.Context, c store.Corpus, b *Build, r SpectrumRequest, progress jobs.Progress) (*CorpusSpectrum, error) {
	label := WeightingLabel(r.Weighting)
	progress(0, fmt.Sprintf("weighting the top %s words (%s)", views.Count(r.TopN), label))
	m := spectrum.Weight(spectrum.FromCooccur(b.Matrix, r.TopN), r.Weighting, 0)
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	progress(0.05, "Lanczos SVD")
	sv, err := spectrum.LanczosSVD(ctx, m, spectrum.LanczosOptions{K: r.K, Seed: spectrumSeed,
		Progress: func(done, total int) {
			if total > 0 {
				progress(0.05+0.9*float64(done)/float64(total), fmt.Sprintf("Lanczos SVD: %d of %d singular values converged", done, total))
			}
		}})
	switch {
	case errors.Is(err, spectrum.ErrEmptyMatrix):
		return nil, apperr.Wrap(plot.ErrNoData, apperr.Unprocessable, fmt.Sprintf("The %s matrix of the top %s words has no nonzero entries, so it has no spectrum. Use more words or another weighting.",
			label, views.Count(r.TopN)))
	case errors.Is(err, spectrum.ErrNotConverged):
		return nil, apperr.Wrap(err, apperr.Unprocessable, fmt.Sprintf("The singular values of the %s matrix of the top %s words did not converge (%v). Ask for fewer values (a smaller k).",
			label, views.Count(r.TopN), err))
	case err != nil:
		return nil, err
	}
	res := &CorpusSpectrum{CorpusID: c.ID, Name: c.Name, Request: r, NNZ: m.NNZ(), Values: sv}
	fit, err := spectrum.FitPowerLaw(sv, r.From, r.To)
	switch {
	case err == nil:
		res.Fit = fit
	case errors.Is(err, spectrum.ErrNonPositive):
		res.FitError = fmt.Sprintf("No power law was fitted: some singular values in ranks %d–%d are zero (the matrix has lower rank). Fit a range of smaller ranks.", r.From, r.To)
	case errors.Is(err, spectrum.ErrFitRange):
		res.FitError = fmt.Sprintf("No power law was fitted: ranks %d–%d are not within the %d values.", r.From, r.To, len(sv))
	default:
		return nil, err
	}
	return res, nil
}

// CorpusSpectrumJob returns spectrum job id of corpus corpusID, and its
// result when it has finished (nil while it runs, or when it failed).
func (s *Service) CorpusSpectrumJob(ctx context.Context, corpusID, id int64) (JobInfo, *CorpusSpectrum, error) {
	info, err := s.jobOf(ctx, KindSpectrum, corpusID, id, fmt.Sprintf("There is no spectrum job %d of this corpus.", id))
	if err != nil || info.Status != store.JobDone {
		return info, nil, err
	}
	res, err := s.cspectra.Get(info.ID, func() (*CorpusSpectrum, error) {
		return loadResult(ctx, s, info.ID, decodeSpectrumResult, "The result of this spectrum is no longer available on the server. Compute it again.")
	})
	if err != nil {
		return info, nil, err
	}
	return info, res, nil
}

// CovarianceEigenvalues returns the eigenvalues of the covariance of the
// vectors of set v (vectors set), largest first, kept per set.
func (s *Service) CovarianceEigenvalues(ctx context.Context, v store.VectorSet, set *vectors.Set) ([]float64, error) {
	return figure(s, "spectrum:"+v.SHA256, func() ([]float64, error) {
		eig, err := spectrum.CovarianceEigen(ctx, set.Data(), set.Len(), set.Dim(), false, spectrum.CovOptions{Workers: 2})
		if err != nil {
			return nil, err
		}
		return eig.Values, nil
	})
}
