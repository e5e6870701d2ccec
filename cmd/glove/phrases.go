package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

func phrasesCommand() command {
	return command{
		name:    "phrases",
		summary: "learn multiword tokens (văn_bản, new_york) from pair counts; print the model",
		run:     runPhrases,
	}
}

// phrasesJSON is the -json output: every phrase, best first.
type phrasesJSON struct {
	Phrases []phraseJSON `json:"phrases"`
}

type phraseJSON struct {
	Phrase string  `json:"phrase"`
	Count  int64   `json:"count"`
	Score  float64 `json:"score"`
	Pass   int     `json:"pass"`
}

func runPhrases(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("phrases", "-corpus F [-passes 2] [-min-count N] [-threshold T] [-scorer npmi|word2phrase] [-tokenizer ...] [-normalize nfc|none] [-tone-marks keep|old|new] [-json] [-out model.txt]", stderr)
	def := phrases.DefaultOptions()
	path := fs.String("corpus", "", "corpus file, plain text or gzip; - reads standard input (required)")
	passes := fs.Int("passes", def.Passes, fmt.Sprintf("joining passes (1..%d); pass k can join tokens joined by pass k-1", phrases.MaxPasses))
	minCount := fs.Int64("min-count", def.MinCount, "least count of a pair and of each of its tokens (and word2phrase's discount δ)")
	threshold := fs.Float64("threshold", def.Threshold, "join pairs scoring above this (with -scorer word2phrase the default is 100)")
	scorerName := fs.String("scorer", def.Scorer.String(), "npmi (normalised PMI, in [-1,1]) or word2phrase ((c_ab-δ)/(c_a c_b)·N)")
	tokName := fs.String("tokenizer", "words", "words or whitespace")
	var text textFlags
	text.registerScan(fs)
	asJSON := fs.Bool("json", false, `print {"phrases":[{"phrase","count","score","pass"}]}, best first`)
	out := fs.String("out", "", "write the model file here (default: standard output, unless -json)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArguments(fs, stderr, "phrases"); err != nil {
		return err
	}
	if err := requireFlags(fs, stderr, "phrases", "corpus"); err != nil {
		return err
	}
	opt := def
	opt.Passes, opt.MinCount = *passes, *minCount
	var err error
	if opt.Scorer, err = phrases.ParseScorer(*scorerName); err != nil {
		return usageFailure(fs, stderr, "phrases", err)
	}
	opt.Threshold = *threshold
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if !set["threshold"] {
		opt.Threshold = phrases.DefaultThreshold(opt.Scorer)
	}
	tok, err := corpus.ParseTokenizer(*tokName)
	if err == nil {
		opt.Scan, err = text.scanOptions(tok)
	}
	if err == nil && (opt.Passes < 1 || opt.Passes > phrases.MaxPasses) {
		err = fmt.Errorf("-passes %d is outside 1..%d", opt.Passes, phrases.MaxPasses)
	}
	if err == nil && (math.IsNaN(opt.Threshold) || math.IsInf(opt.Threshold, 0)) {
		err = fmt.Errorf("-threshold %v is not a finite number", opt.Threshold)
	}
	if err != nil {
		return usageFailure(fs, stderr, "phrases", err)
	}
	if err := checkOutputPath("out", *out); err != nil {
		return err
	}
	in, err := openCorpusInput(ctx, *path)
	if err != nil {
		return err
	}
	defer in.Close()
	model, err := phrases.Learn(ctx, in, opt)
	if err != nil {
		return err
	}
	if *out != "" && *out != "-" {
		f, err := createAtomic(*out)
		if err != nil {
			return err
		}
		defer f.abort()
		if _, err := model.WriteTo(f); err != nil {
			return fmt.Errorf("%s: %w", *out, err)
		}
		if err := f.commit(); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%d phrases in %d passes written to %s\n", model.Len(), model.Passes(), *out)
	}
	switch {
	case *asJSON:
		doc := phrasesJSON{Phrases: []phraseJSON{}}
		for _, p := range model.Phrases() {
			doc.Phrases = append(doc.Phrases, phraseJSON{Phrase: p.Text, Count: p.Count, Score: p.Score, Pass: p.Pass})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	case *out == "" || *out == "-":
		_, err := model.WriteTo(stdout)
		return err
	}
	return nil
}
