package main

import (
	"context"
	"fmt"
	"io"
	"os"

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
	if err := noArguments(fs, stderr, "cooccur"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "cooccur", "corpus", "out"); err != nil {
		return err
	}
	opt, err := cf.checkedOptions(fs, stderr, "cooccur")
	if err != nil {
		return err
	}
	if err := checkOutputPath("out", *out); err != nil {
		return err
	}
	if err := checkOutputPath("vocab-out", *vocabOut); err != nil {
		return err
	}
	in, err := openCorpusInput(ctx, cf.corpus)
	if err != nil {
		return err
	}
	defer in.Close()
	// Write both outputs under temporary names beside their final paths
	// and rename them only when everything succeeded, so a failed run
	// leaves neither a truncated matrix nor a matrix without its
	// vocabulary behind.
	bin, err := createAtomic(*out)
	if err != nil {
		return err
	}
	defer bin.abort()
	var voc *atomicFile
	if *vocabOut != "" {
		if voc, err = createAtomic(*vocabOut); err != nil {
			return err
		}
		defer voc.abort()
	}
	res, err := cooccur.CountTo(ctx, in, opt, bin)
	if err != nil {
		return err
	}
	if voc != nil {
		if _, err := res.Vocab.WriteTo(voc); err != nil {
			return fmt.Errorf("%s: %w", *vocabOut, err)
		}
		if err := voc.commit(); err != nil {
			return err
		}
	}
	if err := bin.commit(); err != nil {
		if voc != nil {
			os.Remove(*vocabOut) // no vocabulary without its matrix
		}
		return err
	}
	fmt.Fprintf(stderr, "%d tokens, %d types, vocabulary %d words, %d nonzeros written to %s\n",
		res.Stats.Tokens, res.Unigrams.Len(), res.Vocab.Len(), res.NNZ, *out)
	return nil
}
