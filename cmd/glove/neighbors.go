package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// wordScore is one result line of neighbors and analogy in JSON.
type wordScore struct {
	Word  string  `json:"word"`
	Score float64 `json:"score"`
}

// resultsJSON is the -json output of neighbors and analogy:
// {"results":[{"word":…,"score":…}]}, best first.
type resultsJSON struct {
	Results []wordScore `json:"results"`
}

func neighborsCommand() command {
	return command{
		name:    "neighbors",
		summary: "nearest words to a word by cosine similarity",
		run:     runNeighbors,
	}
}

func runNeighbors(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("neighbors", "-vectors FILE -word WORD [-n 10] [-json]", stderr)
	vecPath := fs.String("vectors", "", "word vectors: GloVe/word2vec text or word2vec binary, plain or gzip (required)")
	word := fs.String("word", "", "query word, matched exactly (required)")
	n := fs.Int("n", 10, "number of neighbours")
	asJSON := fs.Bool("json", false, `print {"results":[{"word":…,"score":…}]} (best first) instead of a table`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "neighbors", "vectors", "word"); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError(fs, stderr, "neighbors", fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if *n < 1 {
		return usageError(fs, stderr, "neighbors", "-n must be at least 1")
	}
	set, err := loadVectors(ctx, *vecPath)
	if err != nil {
		return err
	}
	res, err := set.NeighborsOf(ctx, *word, *n)
	if err != nil {
		return err
	}
	return printResults(stdout, res, *asJSON, fmt.Sprintf("nearest to %q", *word))
}

// loadVectors reads a vectors file with the default policies (header row
// count tolerated, first of duplicate words kept).
func loadVectors(ctx context.Context, path string) (*vectors.Set, error) {
	set, _, err := vectors.Load(ctx, path, vectors.LoadOptions{})
	return set, err
}

// requireFlags reports the first of the named string flags left empty as
// a usage error.
func requireFlags(fs *flag.FlagSet, stderr io.Writer, cmd string, names ...string) error {
	for _, name := range names {
		if fs.Lookup(name).Value.String() == "" {
			return usageError(fs, stderr, cmd, "-"+name+" is required")
		}
	}
	return nil
}

// usageError prints msg and the usage, and returns errUsage (exit 2).
func usageError(fs *flag.FlagSet, stderr io.Writer, cmd, msg string) error {
	fmt.Fprintf(stderr, "glove %s: %s\n", cmd, msg)
	fs.Usage()
	return errUsage
}

// printResults writes matches as JSON or as a numbered table under title.
func printResults(w io.Writer, res []vectors.Match, asJSON bool, title string) error {
	if asJSON {
		out := resultsJSON{Results: make([]wordScore, len(res))}
		for i, m := range res {
			out.Results[i] = wordScore{Word: m.Word, Score: m.Score}
		}
		return json.NewEncoder(w).Encode(out)
	}
	if len(res) == 0 {
		return errors.New(title + ": no results")
	}
	fmt.Fprintln(w, title)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "rank\tword\tscore\t\n")
	for i, m := range res {
		fmt.Fprintf(tw, "%d\t%s\t%.4f\t\n", i+1, m.Word, m.Score)
	}
	return tw.Flush()
}
