package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

func zipfCommand() command {
	return command{
		name:    "zipf",
		summary: "word-frequency power law: Clauset–Shalizi–Newman discrete MLE with KS-chosen x_min",
		run:     runZipf,
	}
}

// zipfJSON is the -json output of glove zipf.
type zipfJSON struct {
	Types        int                       `json:"types"`
	Tokens       int64                     `json:"tokens"`
	MLE          spectrum.PowerLawMLE      `json:"mle"`
	LeastSquares spectrum.ZipfLeastSquares `json:"least_squares"`
	Counts       []float64                 `json:"counts,omitempty"`
}

func runZipf(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("zipf", "-corpus FILE [-tokenizer words|whitespace] [-min-tail N] [-counts] [-json]", stderr)
	path := fs.String("corpus", "", "corpus file, plain text or gzip; - reads standard input (required)")
	tokName := fs.String("tokenizer", "words", "words (Unicode words, lower-cased) or whitespace (split on space/tab/newline, keep case)")
	minTail := fs.Int("min-tail", 50, "fewest word types at or above a candidate x_min (at least 2)")
	withCounts := fs.Bool("counts", true, "include the rank-ordered counts in -json output (for glove plot zipf)")
	asJSON := fs.Bool("json", false, `print {"mle":{"alpha","alpha_se","x_min","n_tail","ks","rank_exponent"},"least_squares":{"slope","r2",…},"counts":[…]}`)
	if err := parseCommand(fs, args, stderr, "zipf", "corpus"); err != nil {
		return err
	}
	tok, err := corpus.ParseTokenizer(*tokName)
	if err != nil {
		return usageFailure(fs, stderr, "zipf", err)
	}
	// The fit would quietly raise a smaller tail to its default (0 or
	// less) or to 2 (one type has no slope), so say so before reading.
	if *minTail < 2 {
		return usageError(fs, stderr, "zipf", fmt.Sprintf("-min-tail must be at least 2, got %d", *minTail))
	}
	counts, tokens, err := zipfCounts(ctx, *path, tok)
	if err != nil {
		return err
	}
	mle, err := spectrum.FitDiscretePowerLaw(ctx, counts, spectrum.MLEOptions{MinTail: *minTail})
	if err != nil {
		return err
	}
	ls, err := spectrum.FitZipfLeastSquares(counts)
	if err != nil {
		return err
	}
	out := zipfJSON{Types: len(counts), Tokens: tokens,
		MLE:          mle,
		LeastSquares: ls}
	if *asJSON {
		if *withCounts {
			out.Counts = spectrum.RankFrequency(counts)
		}
		return json.NewEncoder(stdout).Encode(out)
	}
	fmt.Fprintf(stdout, "word types %d, tokens %d\n", out.Types, out.Tokens)
	fmt.Fprintf(stdout, "discrete power-law MLE (Clauset, Shalizi & Newman 2009): alpha = %.4f ± %.4f, x_min = %d, tail = %d types, KS D = %.4f\n",
		mle.Alpha, mle.AlphaSE, mle.XMin, mle.NTail, mle.KS)
	fmt.Fprintf(stdout, "implied rank-frequency exponent 1/(alpha-1) = %.4f\n", mle.RankExponent)
	fmt.Fprintf(stdout, "least-squares slope of ln f on ln r (descriptive only): %.4f, R² = %.4f\n", ls.Slope, ls.R2)
	return nil
}

// zipfCounts reads a corpus and returns the count of every word type.
func zipfCounts(ctx context.Context, path string, tok corpus.Tokenizer) ([]int64, int64, error) {
	f, err := openCorpusInput(ctx, path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	text, err := corpus.NewReader(f, corpus.ReadOptions{})
	if err != nil {
		return nil, 0, err
	}
	vocab, _, err := corpus.CountWords(ctx, text, corpus.EncodeOptions{Tokenizer: tok})
	if err != nil {
		return nil, 0, err
	}
	return vocab.Counts(), vocab.Total(), nil
}
