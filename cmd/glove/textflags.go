package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// textFlags are the flags that say what is done to the text of a corpus
// before counting: Unicode normalisation, the Vietnamese tone-mark
// convention and a phrase model. Every command that reads a corpus has
// them (through corpusFlags, or directly: vocab).
type textFlags struct {
	normalize string
	toneMarks string
	phrases   string
	// learned caches the model of -phrases (loaded or learned once per
	// run, however often options are asked for); set by register.
	learned *learnedPhrases
}

type learnedPhrases struct {
	done  bool
	model *phrases.Model
}

// errPhrasesFromStdin refuses -phrases auto on standard input, which
// cannot be read twice.
var errPhrasesFromStdin = errors.New("-phrases auto reads the corpus twice; give -corpus a file, or learn a model with glove phrases and pass -phrases FILE")

// register adds -normalize, -tone-marks and -phrases to fs.
func (t *textFlags) register(fs *flag.FlagSet) {
	t.registerScan(fs)
	fs.StringVar(&t.phrases, "phrases", "", "join word pairs into one token a_b before counting: a model FILE written by glove phrases, or auto (learn from -corpus first, default settings)")
	t.learned = &learnedPhrases{}
}

// registerScan adds -normalize and -tone-marks only (glove phrases, which
// learns the model -phrases would read).
func (t *textFlags) registerScan(fs *flag.FlagSet) {
	fs.StringVar(&t.normalize, "normalize", "nfc", "Unicode normalisation before tokenizing: nfc (precomposed and decomposed letters become one) or none")
	fs.StringVar(&t.toneMarks, "tone-marks", "keep", "Vietnamese tone marks in final oa, oe, uy: keep, old (hòa, thủy) or new (hoà, thuỷ)")
}

// scanOptions parses -normalize and -tone-marks, with tok.
func (t *textFlags) scanOptions(tok corpus.Tokenizer) (corpus.ScanOptions, error) {
	n, err := corpus.ParseNormalization(t.normalize)
	if err != nil {
		return corpus.ScanOptions{}, err
	}
	tm, err := corpus.ParseToneMarks(t.toneMarks)
	if err != nil {
		return corpus.ScanOptions{}, err
	}
	return corpus.ScanOptions{Tokenizer: tok, Normalization: n, ToneMarks: tm}, nil
}

// model returns the phrase model of -phrases (nil without one): read
// from the file, or with auto learned from the corpus at corpusPath with
// the default settings and the same text options. A failure to read the
// model is an error of the run (exit 1), -phrases auto on standard input
// an error of the command line.
func (t *textFlags) model(ctx context.Context, corpusPath string, scan corpus.ScanOptions, tempDir string) (*phrases.Model, error) {
	if t.phrases == "" {
		return nil, nil
	}
	if t.learned != nil && t.learned.done {
		return t.learned.model, nil
	}
	var m *phrases.Model
	var err error
	if t.phrases == "auto" {
		m, err = learnFromCorpus(ctx, corpusPath, scan, tempDir)
	} else {
		m, err = readPhraseModel(t.phrases)
	}
	if err != nil {
		return nil, err
	}
	if t.learned != nil {
		t.learned.done, t.learned.model = true, m
	}
	return m, nil
}

// checkPhrasesFlag reports -phrases auto with the corpus on standard
// input, a command-line error found before any reading.
func (t *textFlags) checkPhrasesFlag(corpusPath string) error {
	if t.phrases == "auto" && corpusPath == "-" {
		return errPhrasesFromStdin
	}
	return nil
}

func learnFromCorpus(ctx context.Context, path string, scan corpus.ScanOptions, tempDir string) (*phrases.Model, error) {
	if path == "-" {
		return nil, errPhrasesFromStdin
	}
	in, err := openCorpusInput(ctx, path)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	opt := phrases.DefaultOptions()
	opt.Scan = scan
	opt.TempDir = tempDir
	m, err := phrases.Learn(ctx, in, opt)
	if err != nil {
		return nil, fmt.Errorf("-phrases auto: %w", err)
	}
	return m, nil
}

func readPhraseModel(path string) (*phrases.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-phrases: %w", err)
	}
	defer f.Close()
	m, err := phrases.ReadModel(f)
	if err != nil {
		return nil, fmt.Errorf("-phrases %s: %w", path, err)
	}
	return m, nil
}
