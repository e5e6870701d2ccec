package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/pmi"
)

func statsCommand() command {
	return command{
		name:    "stats",
		summary: "corpus statistics: tokens, types, entropy H(W), mutual information",
		run:     runStats,
	}
}

type statsJSON struct {
	Tokens                int64   `json:"tokens"`
	Types                 int     `json:"types"`
	Lines                 int64   `json:"lines"`
	VocabSize             int     `json:"vocab_size"`
	EntropyBits           float64 `json:"entropy_bits"`
	MutualInformationBits float64 `json:"mutual_information_bits"`
	NNZ                   int64   `json:"nnz"`
	SumX                  float64 `json:"sum_x"`
	Window                int     `json:"window"`
	// InvalidUTF8 counts invalid UTF-8 bytes, which the words tokenizer
	// drops as separators and counts (the whitespace tokenizer passes
	// bytes through unchecked, like Stanford's tools, and reports 0).
	InvalidUTF8     int64 `json:"invalid_utf8"`
	TruncatedTokens int64 `json:"truncated_tokens"`
	// NormalizedLines counts the lines changed by -normalize and
	// -tone-marks; JoinedPairs the pairs -phrases joined into one token.
	NormalizedLines int64 `json:"normalized_lines"`
	JoinedPairs     int64 `json:"joined_pairs"`
}

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("stats", "-corpus F [-window N] [-min-count N] [-tokenizer ...] [-json]", stderr)
	var cf corpusFlags
	cf.register(fs, 10)
	asJSON := fs.Bool("json", false, "print JSON")
	nats := fs.Bool("nats", false, "report entropy and mutual information in nats instead of bits (text output only)")
	if err := parseCommand(fs, args, stderr, "stats", "corpus"); err != nil {
		return err
	}
	opt, err := cf.checkedOptionsContext(ctx, fs, stderr, "stats")
	if err != nil {
		return err
	}
	res, err := countCorpus(ctx, cf.corpus, opt)
	if err != nil {
		return err
	}
	s := statsJSON{
		Tokens:                res.Stats.Tokens,
		Types:                 res.Unigrams.Len(),
		Lines:                 res.Stats.Lines,
		VocabSize:             res.Vocab.Len(),
		EntropyBits:           pmi.Entropy(res.Unigrams.Counts(), pmi.Bits),
		MutualInformationBits: pmi.MutualInformation(res.Matrix, pmi.Bits),
		NNZ:                   res.NNZ,
		SumX:                  res.Sum,
		Window:                opt.Window,
		InvalidUTF8:           res.Stats.InvalidUTF8,
		TruncatedTokens:       res.Stats.Truncated,
		NormalizedLines:       res.Stats.NormalizedLines,
		JoinedPairs:           res.Stats.JoinedPairs,
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	}
	unit, h, mi := "bits", s.EntropyBits, s.MutualInformationBits
	if *nats {
		unit = "nats"
		h = pmi.Entropy(res.Unigrams.Counts(), pmi.Nats)
		mi = pmi.MutualInformation(res.Matrix, pmi.Nats)
	}
	fmt.Fprintf(stdout, "tokens              %d\n", s.Tokens)
	fmt.Fprintf(stdout, "types               %d\n", s.Types)
	fmt.Fprintf(stdout, "lines               %d\n", s.Lines)
	fmt.Fprintf(stdout, "vocabulary (kept)   %d words with count >= %d\n", s.VocabSize, opt.MinCount)
	fmt.Fprintf(stdout, "entropy H(W)        %.4f %s (unigram distribution of all types)\n", h, unit)
	fmt.Fprintf(stdout, "mutual information  %.4f %s (co-occurrence distribution, window %d)\n", mi, unit, opt.Window)
	fmt.Fprintf(stdout, "nonzeros of X       %d\n", s.NNZ)
	fmt.Fprintf(stdout, "sum of X            %.6g\n", s.SumX)
	if opt.Tokenizer == corpus.Whitespace {
		fmt.Fprintf(stdout, "invalid UTF-8       not checked (the whitespace tokenizer keeps bytes as they are)\n")
	} else {
		fmt.Fprintf(stdout, "invalid UTF-8       %d bytes, dropped as word separators\n", s.InvalidUTF8)
	}
	fmt.Fprintf(stdout, "truncated tokens    %d (longer than %d bytes)\n", s.TruncatedTokens, corpus.MaxTokenBytes)
	fmt.Fprintf(stdout, "normalised lines    %d (changed by -normalize %s, -tone-marks %s)\n", s.NormalizedLines, opt.Normalization, opt.ToneMarks)
	if opt.Phrases != nil {
		fmt.Fprintf(stdout, "joined pairs        %d (by -phrases)\n", s.JoinedPairs)
	}
	return nil
}
