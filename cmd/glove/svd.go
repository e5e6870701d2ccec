package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/gloveboard/gloveboard/analysis/svdembed"
	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func svdCommand() command {
	return command{
		name:    "svd",
		summary: "baseline word vectors W = U_d Σ_d^p from an SVD of the PPMI matrix",
		run:     runSVD,
	}
}

func runSVD(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("svd", "-corpus F -out vectors.txt [-dim 50] [-p 0.5] [-alpha 0.75] [-solver lanczos|randomized] [-seed N] [corpus flags]", stderr)
	var cf corpusFlags
	cf.register(fs, 10)
	out := fs.String("out", "", "write vectors here, GloVe text format (required)")
	dim := fs.Int("dim", 50, "vector dimension d")
	power := fs.Float64("p", 0.5, "eigenvalue weighting: W = U_d Σ_d^p (0, 0.5 or 1 are usual)")
	alpha := fs.Float64("alpha", 0.75, "context-distribution smoothing α of PPMI, in (0, 1]")
	solver := fs.String("solver", "lanczos", "lanczos (converged to working precision) or randomized (Halko–Martinsson–Tropp, p = d, q = 7)")
	seed := fs.Uint64("seed", 1, "seed of the SVD's random start")
	if err := parseCommand(fs, args, stderr, "svd", "corpus", "out"); err != nil {
		return err
	}
	// svdembed reads 0 as "default"; here an explicit 0 is a mistake. A
	// dimension beyond the vocabulary depends on the corpus (exit 1).
	switch {
	case *dim < 1:
		return usageError(fs, stderr, "svd", fmt.Sprintf("-dim must be at least 1, got %d", *dim))
	case !(*power >= 0) || math.IsInf(*power, 0):
		return usageError(fs, stderr, "svd", fmt.Sprintf("-p must be a finite number ≥ 0, got %v", *power))
	case !(*alpha > 0 && *alpha <= 1):
		return usageError(fs, stderr, "svd", fmt.Sprintf("-alpha must be in (0, 1], got %v", *alpha))
	case *solver != "lanczos" && *solver != "randomized":
		return usageError(fs, stderr, "svd", fmt.Sprintf("-solver must be lanczos or randomized, not %q", *solver))
	}
	opt, err := cf.checkedOptions(fs, stderr, "svd")
	if err != nil {
		return err
	}
	if err := checkOutputPath("out", *out); err != nil {
		return err
	}
	res, err := countCorpus(ctx, cf.corpus, opt)
	if err != nil {
		return err
	}
	emb, err := svdembed.Embed(ctx, res.Matrix, svdembed.Options{Dim: *dim, Power: *power, NoPower: *power == 0, Alpha: *alpha,
		Randomized: *solver == "randomized", Seed: *seed})
	if err != nil {
		return err
	}
	set, err := vectors.New(slices.Clone(res.Vocab.Words()), emb.Dim, emb.Vectors)
	if err != nil {
		return err
	}
	if err := saveVectorsText(*out, set); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d words × %d dimensions written to %s (σ_1 = %.4g, σ_%d = %.4g)\n",
		set.Len(), emb.Dim, *out, emb.Singular[0], emb.Dim, emb.Singular[emb.Dim-1])
	return nil
}
