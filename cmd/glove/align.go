package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/align"
)

func alignCommand() command {
	return command{
		name:    "align",
		summary: "rotate one vector set onto another (Procrustes) and list the words that moved most",
		run:     runAlign,
	}
}

func runAlign(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("align", "-a FILE -b FILE [-n 20] [-fit-top N] [-json]", stderr)
	pathA := fs.String("a", "", "first vector set (rotated onto the second; required)")
	pathB := fs.String("b", "", "second vector set (required)")
	n := fs.Int("n", 20, "how many of the most moved words to list")
	fitTop := fs.Int("fit-top", 0, "fit the rotation on the N most frequent shared words (the first N in -a's order); 0: all shared words")
	asJSON := fs.Bool("json", false, `print {"shared","residual","moved":[{"word","distance"}]} instead of a table`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArguments(fs, stderr, "align"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "align", "a", "b"); err != nil {
		return err
	}
	if *n < 1 {
		return usageError(fs, stderr, "align", "-n must be at least 1")
	}
	if *fitTop < 0 {
		return usageError(fs, stderr, "align", "-fit-top must be 0 (all shared words) or positive")
	}
	setA, err := loadVectors(ctx, *pathA)
	if err != nil {
		return err
	}
	setB, err := loadVectors(ctx, *pathB)
	if err != nil {
		return err
	}
	res, err := align.Align(ctx, setA, setB, align.Options{FitTop: *fitTop})
	if err != nil {
		return err
	}
	moved := res.Moved[:min(*n, len(res.Moved))]
	if *asJSON {
		enc := json.NewEncoder(stdout)
		return enc.Encode(res.Summary(moved))
	}
	fmt.Fprintf(stdout, "shared words %d, rotation fitted on %d, relative residual ‖AR − B‖/‖B‖ = %.4f\n", res.Shared, res.FitWords, res.Residual)
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "word\tcosine distance\trank in a\trank in b")
	for _, m := range moved {
		fmt.Fprintf(tw, "%s\t%.4f\t%d\t%d\n", m.Word, m.Distance, m.RankA+1, m.RankB+1)
	}
	return tw.Flush()
}
