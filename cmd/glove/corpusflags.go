package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// corpusFlags are the flags shared by commands that count a corpus.
type corpusFlags struct {
	corpus    string
	tokenizer string
	minCount  int64
	maxVocab  int
	window    int
	symmetric bool
	distance  bool
	memoryGB  float64
	tempDir   string
	threads   int
}

// register adds the corpus flags to fs with the given default window.
func (c *corpusFlags) register(fs *flag.FlagSet, window int) {
	fs.StringVar(&c.corpus, "corpus", "", "corpus file, plain text or gzip; - reads standard input (required)")
	fs.StringVar(&c.tokenizer, "tokenizer", "words", "words (Unicode words, lower-cased) or whitespace (Stanford: split on space/tab/newline, keep case)")
	fs.Int64Var(&c.minCount, "min-count", 5, "drop words seen fewer times")
	fs.IntVar(&c.maxVocab, "max-vocab", 0, "keep at most this many words (0: no limit)")
	fs.IntVar(&c.window, "window", window, fmt.Sprintf("context window in words (1..%d)", cooccur.MaxWindow))
	fs.BoolVar(&c.symmetric, "symmetric", true, "count left and right contexts (false: left only)")
	fs.BoolVar(&c.distance, "distance-weighting", true, "weight a pair at distance d by 1/d (false: by 1)")
	fs.Float64Var(&c.memoryGB, "memory", 1, "memory budget in GiB; beyond it, sorted runs spill to temporary files")
	fs.StringVar(&c.tempDir, "temp-dir", "", "directory for spill files (default: the system temporary directory)")
	fs.IntVar(&c.threads, "threads", 0, "counting goroutines (0: all cores)")
}

// options converts the flags to cooccur.Options. Its errors (an unknown
// tokenizer, -memory out of range) are command-line problems: commands
// report them with checkedOptions.
func (c *corpusFlags) options() (cooccur.Options, error) {
	tok, err := corpus.ParseTokenizer(c.tokenizer)
	if err != nil {
		return cooccur.Options{}, err
	}
	if !(c.memoryGB >= 0 && c.memoryGB <= 1<<20) { // NaN fails both
		return cooccur.Options{}, fmt.Errorf("%w: -memory %g GiB is out of range", cooccur.ErrBadOptions, c.memoryGB)
	}
	return cooccur.Options{
		Window:            c.window,
		Symmetric:         c.symmetric,
		DistanceWeighting: c.distance,
		MinCount:          c.minCount,
		MaxVocab:          c.maxVocab,
		Tokenizer:         tok,
		MemoryBytes:       int64(c.memoryGB * (1 << 30)),
		TempDir:           c.tempDir,
		Workers:           c.threads,
	}, nil
}

// checkedOptions is options with its errors reported as a bad command
// line of cmd (usage, exit 2). The counting settings that cooccur itself
// checks (window, minimum count, maximum vocabulary) fail later, exit 1.
func (c *corpusFlags) checkedOptions(fs *flag.FlagSet, stderr io.Writer, cmd string) (cooccur.Options, error) {
	opt, err := c.options()
	if err != nil {
		return opt, usageFailure(fs, stderr, cmd, err)
	}
	return opt, nil
}

// countCorpus opens the -corpus argument (a path, or - for standard input)
// and counts its co-occurrences in memory with opt.
func countCorpus(ctx context.Context, path string, opt cooccur.Options) (*cooccur.Result, error) {
	in, err := openCorpusInput(ctx, path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	return cooccur.Count(ctx, in, opt)
}

// openCorpusInput opens the -corpus argument, a path or - for standard
// input, so that ctx cancels the open and the reads (see openInput).
func openCorpusInput(ctx context.Context, path string) (io.ReadCloser, error) {
	if path == "" {
		return nil, fmt.Errorf("-corpus is required (a file path, or - for standard input)")
	}
	return openInput(ctx, path)
}

// openCorpus opens the -corpus argument: a path, or - for standard input.
// Its reads are not cancellable; commands use openCorpusInput (train.go
// still calls this one).
func openCorpus(path string, stdin io.Reader) (io.ReadCloser, error) {
	if path == "" {
		return nil, fmt.Errorf("-corpus is required (a file path, or - for standard input)")
	}
	if path == "-" {
		return io.NopCloser(stdin), nil
	}
	return os.Open(path)
}
