package corpusbuild

// The phrases step of a build: with Settings.Tokens = TokensPhrases the
// build first learns which adjacent tokens form one word
// (analysis/phrases: văn bản → văn_bản), saves the list as phrases.tsv
// and counts the joined stream, so that the vocabulary, the matrix and
// everything read from them (ratios, word pages, training) see văn_bản
// as one token.

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"

	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// The values of Settings.Tokens.
const (
	// TokensSyllables counts the tokens as the tokenizer splits them
	// (for Vietnamese, syllables). The empty string means the same (builds
	// made before the setting existed).
	TokensSyllables = "syllables"
	// TokensPhrases learns phrases first and counts the joined tokens.
	TokensPhrases = "phrases"
)

// PhrasesFile is the learned phrase list in a build directory, in the
// format of phrases.Model.WriteTo (tab-separated pass, left, right,
// count, score; best first).
const PhrasesFile = "phrases.tsv"

// ErrBadPhraseSettings means a phrase setting is out of range.
var ErrBadPhraseSettings = errors.New("invalid phrase settings")

// Phrases reports whether s learns phrases before counting.
func (s Settings) Phrases() bool { return s.Tokens == TokensPhrases }

// checkTokens reports a Tokens value that is neither syllables nor
// phrases.
func (s Settings) checkTokens() error {
	if s.Tokens != "" && s.Tokens != TokensSyllables && s.Tokens != TokensPhrases {
		return fmt.Errorf("%w: tokens %q (want %s or %s)", ErrBadPhraseSettings, s.Tokens, TokensSyllables, TokensPhrases)
	}
	return nil
}

// phraseOptions returns the options of the phrase learner for s within
// budget b, or an error wrapping ErrBadPhraseSettings.
func (s Settings) phraseOptions(tok corpus.Tokenizer, b Budget, tempDir string) (phrases.Options, error) {
	opt := phrases.DefaultOptions()
	switch {
	case s.PhrasePasses < 1 || s.PhrasePasses > phrases.MaxPasses:
		return opt, fmt.Errorf("%w: passes %d outside 1..%d", ErrBadPhraseSettings, s.PhrasePasses, phrases.MaxPasses)
	case s.PhraseMinCount < 1:
		return opt, fmt.Errorf("%w: minimum count %d below 1", ErrBadPhraseSettings, s.PhraseMinCount)
	case math.IsNaN(s.PhraseThreshold) || s.PhraseThreshold < -1 || s.PhraseThreshold > 1:
		// NPMI, the scorer of builds, lies in [−1, 1].
		return opt, fmt.Errorf("%w: threshold %v outside −1..1", ErrBadPhraseSettings, s.PhraseThreshold)
	}
	opt.Passes, opt.MinCount, opt.Threshold = s.PhrasePasses, s.PhraseMinCount, s.PhraseThreshold
	opt.Scan = corpus.ScanOptions{Tokenizer: tok}
	opt.MemoryBytes, opt.TempDir, opt.MaxTypes, opt.MaxPairs = b.CountingBytes, tempDir, b.MaxTypes, b.MaxPairs
	return opt, nil
}

// learnPhrases learns the phrases of the corpus at corpusPath and writes
// them to dir/PhrasesFile.
func (bl Builder) learnPhrases(ctx context.Context, corpusPath, dir string, opt phrases.Options) (*phrases.Model, error) {
	f, err := os.Open(corpusPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	model, err := phrases.Learn(ctx, f, opt)
	if err != nil {
		return nil, err
	}
	if err := writeAtomic(bl.Syncer, filepath.Join(dir, PhrasesFile), model.WriteTo); err != nil {
		return nil, err
	}
	return model, nil
}

// removePhrases deletes the phrase list a previous build left in dir.
func removePhrases(dir string) error {
	err := os.Remove(filepath.Join(dir, PhrasesFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// ReadPhrases reads the phrase list of the build in dir: nil for a build
// without phrases, ErrNotBuilt for no build.
func ReadPhrases(dir string) (*phrases.Model, error) {
	sum, err := ReadSummary(dir)
	if err != nil {
		return nil, err
	}
	if !sum.Settings.Phrases() {
		return nil, nil
	}
	return readPhraseFile(filepath.Join(dir, PhrasesFile))
}

func readPhraseFile(path string) (*phrases.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return phrases.ReadModel(f)
}
