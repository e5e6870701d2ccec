package main

import (
	"context"
	"fmt"
	"io"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func analogyCommand() command {
	return command{
		name:    "analogy",
		summary: "solve A is to B as C is to ? (3CosAdd or 3CosMul)",
		run:     runAnalogy,
	}
}

func runAnalogy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("analogy", "-vectors FILE [-method add|mul] [-n 5] [-json] A B C", stderr)
	vecPath := fs.String("vectors", "", "word vectors: GloVe/word2vec text or word2vec binary, plain or gzip (required)")
	methodName := fs.String("method", "add", "add (3CosAdd: cos(d, b−a+c)) or mul (3CosMul, Levy & Goldberg 2014, ε = 0.001)")
	n := fs.Int("n", 5, "number of answers")
	asJSON := fs.Bool("json", false, `print {"results":[{"word":…,"score":…}]} (best first) instead of a table`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "analogy", "vectors"); err != nil {
		return err
	}
	if fs.NArg() != 3 {
		return usageError(fs, stderr, "analogy", fmt.Sprintf("want three words A B C after the flags, got %d", fs.NArg()))
	}
	if *n < 1 {
		return usageError(fs, stderr, "analogy", "-n must be at least 1")
	}
	method, err := vectors.ParseMethod(*methodName)
	if err != nil {
		return usageError(fs, stderr, "analogy", err.Error())
	}
	set, err := loadVectors(ctx, *vecPath)
	if err != nil {
		return err
	}
	a, b, c := fs.Arg(0), fs.Arg(1), fs.Arg(2)
	res, err := set.Analogy(ctx, a, b, c, method, *n)
	if err != nil {
		return err
	}
	return printResults(stdout, res, *asJSON, fmt.Sprintf("%s : %s :: %s : ?", a, b, c))
}
