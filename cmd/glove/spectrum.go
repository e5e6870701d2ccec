package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

func spectrumCommand() command {
	return command{
		name:    "spectrum",
		summary: "eigenvalues of a vector set's covariance, or singular values of a co-occurrence matrix, with a power-law fit",
		run:     runSpectrum,
	}
}

// spectrumJSON is the -json output of glove spectrum.
type spectrumJSON struct {
	Matrix         string                `json:"matrix"`
	Solver         string                `json:"solver,omitempty"` // lanczos or randomized (singular values only)
	N              int                   `json:"n"`
	NNZ            int                   `json:"nnz,omitempty"`
	Eigenvalues    []float64             `json:"eigenvalues,omitempty"`
	SingularValues []float64             `json:"singular_values,omitempty"`
	Fit            *spectrum.PowerLawFit `json:"fit,omitempty"` // its MarshalJSON gives the shape
}

func runSpectrum(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("spectrum", "(-vectors FILE | -corpus FILE -matrix counts|log|ppmi -top-n N) [-k K] [-fit-from R1 -fit-to R2] [-json]", stderr)
	vecPath := fs.String("vectors", "", "word vectors: eigenvalues of their covariance")
	var cf corpusFlags
	cf.register(fs, 10)
	matrix := fs.String("matrix", "ppmi", "with -corpus: counts, log (log(1+X)) or ppmi (α = 0.75 context smoothing)")
	topN := fs.Int("top-n", 10000, "with -corpus: the vocabulary is limited to the N most frequent words (as -max-vocab N)")
	k := fs.Int("k", 300, "number of singular values (with -corpus) or eigenvalues (with -vectors; 0: all)")
	solver := fs.String("solver", "lanczos", "with -corpus: lanczos (thick-restart Lanczos, converged to 1e-10) or randomized (Halko–Martinsson–Tropp; faster at small p, q but approximate)")
	oversample := fs.Int("oversample", 0, "randomized SVD oversampling p (0: k)")
	powerIters := fs.Int("power-iters", 0, "randomized SVD power iterations q (0: 7)")
	seed := fs.Uint64("seed", 1, "seed of the SVD's random start")
	fitFrom := fs.Int("fit-from", 1, "first rank of the power-law fit (1-based)")
	fitTo := fs.Int("fit-to", 0, "last rank of the power-law fit (0: the default, with -vectors the rule of spectrum.DefaultFitRange as on the Explore page, with -corpus the last value; else at least -fit-from + 2)")
	asJSON := fs.Bool("json", false, `print {"matrix",("eigenvalues"|"singular_values"),"fit":{"beta","r2","from","to",…}}`)
	if err := parseCommand(fs, args, stderr, "spectrum"); err != nil {
		return err
	}
	if (*vecPath == "") == (cf.corpus == "") {
		return usageError(fs, stderr, "spectrum", "give exactly one of -vectors and -corpus")
	}
	if *k < 0 || *topN < 2 {
		return usageError(fs, stderr, "spectrum", "-k must be ≥ 0 and -top-n ≥ 2")
	}
	// 0 selects the solver's default for both; the randomized SVD would
	// take a negative value silently (as k, or as no power iteration).
	if *oversample < 0 || *powerIters < 0 {
		return usageError(fs, stderr, "spectrum", fmt.Sprintf("-oversample and -power-iters must be ≥ 0 (0: the default), got %d and %d", *oversample, *powerIters))
	}
	// The fit's ranks are checked here as far as they do not depend on the
	// number of values (to ≤ that number is checked after the SVD); the
	// fit needs at least 3 ranks, as on the corpus page.
	if *fitFrom < 1 {
		return usageError(fs, stderr, "spectrum", fmt.Sprintf("-fit-from must be at least 1, got %d", *fitFrom))
	}
	if *fitTo != 0 && *fitTo < *fitFrom+2 {
		return usageError(fs, stderr, "spectrum", fmt.Sprintf("-fit-to must be 0 (the default range) or at least -fit-from + 2 = %d (3 ranks or more), got %d", *fitFrom+2, *fitTo))
	}
	out, values, to, err := spectrumJSON{}, []float64(nil), *fitTo, error(nil)
	if *vecPath != "" {
		if out, to, err = vectorsSpectrum(ctx, *vecPath, *k, to); err != nil {
			return err
		}
		values = out.Eigenvalues
	} else {
		w, err := spectrum.ParseWeighting(*matrix)
		if err != nil {
			return usageError(fs, stderr, "spectrum", err.Error())
		}
		if *solver != "lanczos" && *solver != "randomized" {
			return usageError(fs, stderr, "spectrum", fmt.Sprintf("-solver must be lanczos or randomized, not %q", *solver))
		}
		if *solver == "lanczos" && (*oversample != 0 || *powerIters != 0) {
			return usageError(fs, stderr, "spectrum", "-oversample and -power-iters apply to -solver randomized only")
		}
		opt, err := cf.checkedOptions(fs, stderr, "spectrum")
		if err != nil {
			return err
		}
		opt.MaxVocab = *topN
		res, err := countCorpus(ctx, cf.corpus, opt)
		if err != nil {
			return err
		}
		m := spectrum.Weight(spectrum.FromCooccur(res.Matrix, *topN), w, 0)
		kk := *k
		if kk == 0 {
			kk = 300
		}
		var sv []float64
		if *solver == "lanczos" {
			sv, err = spectrum.LanczosSVD(ctx, m, spectrum.LanczosOptions{K: kk, Seed: *seed})
		} else {
			sv, err = spectrum.RandomizedSVD(ctx, m, spectrum.SVDOptions{K: kk, Oversample: *oversample, PowerIters: *powerIters, Seed: *seed})
		}
		if err != nil {
			return err
		}
		values = sv
		out = spectrumJSON{Matrix: w.String(), Solver: *solver, N: m.Rows, NNZ: m.NNZ(), SingularValues: sv}
	}
	fit, err := spectrum.FitPowerLaw(values, *fitFrom, to)
	switch {
	case err == nil:
		out.Fit = &fit
	case errors.Is(err, spectrum.ErrFitRange) || errors.Is(err, spectrum.ErrNonPositive):
		return fmt.Errorf("power-law fit: %w", err)
	default:
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(out)
	}
	printSpectrum(stdout, out, values, fit)
	return nil
}

// vectorsSpectrum computes the covariance eigenvalues of the vectors in
// path (the k largest; k = 0: all) and, when to is 0, the last rank of
// the default fit: the same as the Explore page's, so both report the
// same β.
func vectorsSpectrum(ctx context.Context, path string, k, to int) (spectrumJSON, int, error) {
	set, err := loadVectors(ctx, path)
	if err != nil {
		return spectrumJSON{}, 0, err
	}
	eig, err := spectrum.CovarianceEigen(ctx, set.Data(), set.Len(), set.Dim(), false, spectrum.CovOptions{})
	if err != nil {
		return spectrumJSON{}, 0, err
	}
	values := eig.Values
	if k > 0 && k < len(values) {
		values = values[:k]
	}
	if to == 0 {
		fr, err := spectrum.DefaultFitRange(values)
		if err != nil {
			return spectrumJSON{}, 0, fmt.Errorf("power-law fit: %w", err)
		}
		to = fr.To
	}
	return spectrumJSON{Matrix: "covariance", N: set.Len(), Eigenvalues: values}, to, nil
}

// printSpectrum writes the table of glove spectrum without -json.
func printSpectrum(stdout io.Writer, out spectrumJSON, values []float64, fit spectrum.PowerLawFit) {
	name := "singular value"
	if out.Eigenvalues != nil {
		name = "eigenvalue"
	}
	fmt.Fprintf(stdout, "# %s spectrum, n = %d: %d values; fit λ_r ∝ r^-β over ranks %d..%d: β = %.4f, R² = %.4f (exponential decay R² = %.4f)\n",
		out.Matrix, out.N, len(values), fit.From, fit.To, fit.Beta, fit.R2, fit.ExpR2)
	fmt.Fprintf(stdout, "rank\t%s\n", name)
	for i, v := range values {
		fmt.Fprintf(stdout, "%d\t%.6g\n", i+1, v)
	}
}
