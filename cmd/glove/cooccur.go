package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

func cooccurCommand() command {
	return command{
		name:    "cooccur",
		summary: "count co-occurrences; write Stanford cooccurrence.bin (and vocab.txt)",
		run:     runCooccur,
	}
}

func runCooccur(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("cooccur", "-corpus F -out X.bin [-vocab-out vocab.txt] [-window N] [-symmetric=true|false] [-distance-weighting=true|false] [-min-count N] [-tokenizer ...] [-memory GB]", stderr)
	var cf corpusFlags
	cf.register(fs, 10)
	out := fs.String("out", "", "output cooccurrence.bin path (required)")
	vocabOut := fs.String("vocab-out", "", "also write the vocabulary (vocab.txt format) here")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out is required")
	}
	opt, err := cf.options()
	if err != nil {
		return err
	}
	in, err := openCorpus(cf.corpus, os.Stdin)
	if err != nil {
		return err
	}
	defer in.Close()
	// Write to a temporary file beside the output and rename on success,
	// so a failed run never leaves a truncated matrix behind.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".cooccur-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	res, err := cooccur.CountTo(ctx, in, opt, tmp)
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	if *vocabOut != "" {
		f, err := os.Create(*vocabOut)
		if err != nil {
			return err
		}
		if _, err := res.Vocab.WriteTo(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "%d tokens, %d types, vocabulary %d words, %d nonzeros written to %s\n",
		res.Stats.Tokens, res.Unigrams.Len(), res.Vocab.Len(), res.NNZ, *out)
	return nil
}
