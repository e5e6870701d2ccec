package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/weat"
)

func weatCommand() command {
	return command{
		name:    "weat",
		summary: "Word Embedding Association Test: effect size and permutation p-value",
		run:     runWEAT,
	}
}

func runWEAT(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("weat", "-vectors FILE -x W,… -y W,… -a W,… -b W,… [-permutations N] [-seed S] [-json]", stderr)
	vecPath := fs.String("vectors", "", "word vectors (required)")
	lists := map[string]*string{
		"x": fs.String("x", "", "target words X, comma-separated (required)"),
		"y": fs.String("y", "", "target words Y (required)"),
		"a": fs.String("a", "", "attribute words A (required)"),
		"b": fs.String("b", "", "attribute words B (required)"),
	}
	perms := fs.Int("permutations", weat.DefaultPermutations, fmt.Sprintf("random partitions drawn when there are more than %d (else the p-value is exact)", weat.DefaultMaxExact))
	seed := fs.Uint64("seed", 1, "seed of the random partitions")
	asJSON := fs.Bool("json", false, `print {"effect_size","p_value","permutations","exact"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArguments(fs, stderr, "weat"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "weat", "vectors", "x", "y", "a", "b"); err != nil {
		return err
	}
	if *perms < 1 {
		return usageError(fs, stderr, "weat", "-permutations must be at least 1")
	}
	set, err := loadVectors(ctx, *vecPath)
	if err != nil {
		return err
	}
	words := weat.Sets{X: plotSplitList(*lists["x"]), Y: plotSplitList(*lists["y"]), A: plotSplitList(*lists["a"]), B: plotSplitList(*lists["b"])}
	res, err := weat.Test(ctx, set, words, weat.Options{Permutations: *perms, Seed: *seed})
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(res.Summary())
	}
	how := "exact, over all"
	if !res.Exact {
		how = fmt.Sprintf("sampled (seed %d), from", *seed)
	}
	fmt.Fprintf(stdout, "effect size d = %.4f (difference of mean associations over their standard deviation, n − 1)\n", res.EffectSize)
	fmt.Fprintf(stdout, "one-sided p = %.4g (%s %d partitions of X ∪ Y)\n", res.PValue, how, res.Permutations)
	if len(res.Missing) > 0 {
		fmt.Fprintf(stdout, "left out (not in the vectors): %s\n", strings.Join(res.Missing, ", "))
	}
	return nil
}
