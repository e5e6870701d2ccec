package main

import (
	"context"
	"io"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
)

func vocabCommand() command {
	return command{
		name:    "vocab",
		summary: "count words; print the vocabulary in Stanford vocab.txt format",
		run:     runVocab,
	}
}

func runVocab(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("vocab", "-corpus F [-min-count N] [-max-vocab N] [-tokenizer words|whitespace]", stderr)
	path := fs.String("corpus", "", "corpus file, plain text or gzip; - reads standard input (required)")
	minCount := fs.Int64("min-count", 1, "drop words seen fewer times")
	maxVocab := fs.Int("max-vocab", 0, "keep at most this many words (0: no limit)")
	tokName := fs.String("tokenizer", "words", "words or whitespace")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArguments(fs, stderr, "vocab"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "vocab", "corpus"); err != nil {
		return err
	}
	tok, err := corpus.ParseTokenizer(*tokName)
	if err != nil {
		return usageFailure(fs, stderr, "vocab", err)
	}
	// The same check and message as the other corpus commands (cooccur
	// checks these for every build, the dashboard's too), so the same exit
	// status 1; made here before the corpus is read, which can take long.
	if err := cooccur.CheckVocabLimits(*minCount, *maxVocab); err != nil {
		return err
	}
	f, err := openCorpusInput(ctx, *path)
	if err != nil {
		return err
	}
	defer f.Close()
	text, err := corpus.NewReader(f, corpus.ReadOptions{})
	if err != nil {
		return err
	}
	vocab, _, err := corpus.CountWords(ctx, text, corpus.EncodeOptions{Tokenizer: tok})
	if err != nil {
		return err
	}
	_, err = vocab.Prune(*minCount, *maxVocab).WriteTo(stdout)
	return err
}
