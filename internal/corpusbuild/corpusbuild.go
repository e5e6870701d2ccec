// Package corpusbuild turns an uploaded corpus file into the artefacts the
// dashboard shows — vocabulary, unigram counts, co-occurrence matrix and
// headline statistics — stored as files in a directory, and loads them
// back for the pages that read them (the application service caches what
// it loads).
//
// A build directory holds:
//
//	summary.json   Summary (settings, counts, H, MI, timings)
//	vocab.txt      kept vocabulary, Stanford format
//	unigrams.txt   every type with its count, Stanford format
//	matrix.gbcsr   co-occurrence matrix (cooccur.Matrix.WriteTo)
//	phrases.tsv    learned phrases, for builds with Tokens = "phrases"
//	               (phrases.Model.WriteTo)
//
// Files are written under temporary names and renamed when complete, and
// summary.json last, so a build cut off half way is never mistaken for a
// finished one.
package corpusbuild

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
	"github.com/gloveboard/gloveboard/analysis/pmi"
	"github.com/gloveboard/gloveboard/internal/durable"
)

// SpillDir is the folder inside a build directory that holds the
// counting's spill files (sorted runs, the token stream) while a build
// runs. Build removes it when it returns; RemoveSpill removes what a
// killed process left.
const SpillDir = "spill"

// RemoveSpill deletes the spill folder of the build directory dir, which
// can be gigabytes after a process was killed mid-build. It must not run
// while a build of dir is running.
func RemoveSpill(dir string) error {
	return os.RemoveAll(filepath.Join(dir, SpillDir))
}

// ErrNotBuilt means the directory holds no finished build.
var ErrNotBuilt = errors.New("the co-occurrence statistics of this corpus have not been built yet")

// ErrRebuilt means the build changed while its files were being opened
// (see Unchanged); it wraps ErrNotBuilt.
var ErrRebuilt = fmt.Errorf("%w: the corpus was rebuilt while its files were read", ErrNotBuilt)

// Settings are the user's choices for a build.
type Settings struct {
	Tokenizer         string `json:"tokenizer"` // words | whitespace
	Window            int    `json:"window"`
	Symmetric         bool   `json:"symmetric"`
	DistanceWeighting bool   `json:"distance_weighting"`
	MinCount          int64  `json:"min_count"`
	MaxVocab          int    `json:"max_vocab"`
	// Tokens is TokensSyllables (or "") to count the tokens as split, or
	// TokensPhrases to learn phrases first (see phrases.go) with the
	// Phrase* settings (passes, least count, NPMI threshold).
	Tokens          string  `json:"tokens,omitempty"`
	PhrasePasses    int     `json:"phrase_passes,omitempty"`
	PhraseMinCount  int64   `json:"phrase_min_count,omitempty"`
	PhraseThreshold float64 `json:"phrase_threshold,omitempty"`
}

// DefaultSettings mirror cooccur.DefaultOptions, without phrases; the
// phrase settings are phrases.DefaultOptions, used when Tokens is set to
// TokensPhrases.
func DefaultSettings() Settings {
	d := cooccur.DefaultOptions()
	p := phrases.DefaultOptions()
	return Settings{Tokenizer: d.Tokenizer.String(), Window: d.Window, Symmetric: d.Symmetric,
		DistanceWeighting: d.DistanceWeighting, MinCount: d.MinCount, Tokens: TokensSyllables,
		PhrasePasses: p.Passes, PhraseMinCount: p.MinCount, PhraseThreshold: p.Threshold}
}

// Budget bounds the resources of a build; zero fields mean the cooccur
// defaults (no bound on the matrix, corpus.DefaultMaxTypes words).
type Budget struct {
	// CountingBytes is the soft memory budget of counting; beyond it
	// sorted runs spill to the build directory. The matrix is written
	// through scratch files there too, so it bounds the build's memory
	// (bench/buildmem measures the peak against it).
	CountingBytes int64
	// MaxNonzeros bounds the matrix (cooccur.ErrMatrixTooLarge beyond):
	// Load holds it in memory, 12 bytes a nonzero.
	MaxNonzeros int64
	// MaxTypes bounds the distinct words read
	// (corpus.ErrVocabularyTooLarge beyond).
	MaxTypes int
	// MaxPairs bounds the distinct word pairs a phrase-learning pass
	// counts (phrases.ErrTooManyPairs beyond; 0: phrases.DefaultMaxPairs).
	MaxPairs int
}

// Options converts s to cooccur options within budget b.
func (s Settings) Options(b Budget, tempDir string) (cooccur.Options, error) {
	tok, err := corpus.ParseTokenizer(s.Tokenizer)
	if err != nil {
		return cooccur.Options{}, err
	}
	if err := s.checkTokens(); err != nil {
		return cooccur.Options{}, err
	}
	return cooccur.Options{Window: s.Window, Symmetric: s.Symmetric, DistanceWeighting: s.DistanceWeighting,
		MinCount: s.MinCount, MaxVocab: s.MaxVocab, Tokenizer: tok, MemoryBytes: b.CountingBytes, TempDir: tempDir,
		MaxNonzeros: b.MaxNonzeros, MaxTypes: b.MaxTypes}, nil
}

// Summary is what a build records about a corpus.
type Summary struct {
	Settings              Settings `json:"settings"`
	Tokens                int64    `json:"tokens"`
	Types                 int      `json:"types"`
	Lines                 int64    `json:"lines"`
	InvalidUTF8           int64    `json:"invalid_utf8"`
	TruncatedTokens       int64    `json:"truncated_tokens"`
	VocabSize             int      `json:"vocab_size"`
	NNZ                   int64    `json:"nnz"`
	SumX                  float64  `json:"sum_x"`
	EntropyBits           float64  `json:"entropy_bits"`
	MutualInformationBits float64  `json:"mutual_information_bits"`
	// NormalizedLines counts the lines Unicode normalisation (NFC)
	// changed; JoinedPairs the token pairs joined into phrases, and
	// Phrases the phrases learned (builds with phrases).
	NormalizedLines int64     `json:"normalized_lines"`
	JoinedPairs     int64     `json:"joined_pairs,omitempty"`
	Phrases         int       `json:"phrases,omitempty"`
	Seconds         float64   `json:"seconds"`
	Built           time.Time `json:"built"`
}

// Progress receives a fraction in [0, 1] and a short message.
type Progress func(frac float64, msg string)

// Builder builds corpora. Its zero value is ready to use; Build is a
// shorthand for it.
type Builder struct {
	// Syncer makes the build directory and each artefact durable; its
	// zero value just syncs.
	Syncer durable.Syncer
}

// Build counts the corpus at corpusPath with settings s and stores the
// artefacts in dir (created if needed). b bounds the counting memory, the
// matrix and the vocabulary; spill files go to dir. progress may be nil.
// It is Builder{}.Build.
func Build(ctx context.Context, corpusPath, dir string, s Settings, b Budget, progress Progress) (*Summary, error) {
	return Builder{}.Build(ctx, corpusPath, dir, s, b, progress)
}

// Build counts the corpus at corpusPath with settings s and stores the
// artefacts in dir (created if needed), as the package-level Build does,
// making them durable with bl.Syncer.
//
// A failed build (a full disk, a cancellation, bad text) leaves no
// artefact behind: once the old summary.json is gone, the artefacts
// written so far and the temporary files are removed (RemoveArtefacts)
// before Build returns, so the directory holds either a whole build or
// none.
func (bl Builder) Build(ctx context.Context, corpusPath, dir string, s Settings, b Budget, progress Progress) (sum *Summary, err error) {
	if progress == nil {
		progress = func(float64, string) {}
	}
	start := time.Now()
	spill := filepath.Join(dir, SpillDir)
	opt, err := s.Options(b, spill)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(corpusPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := max(st.Size(), 1)
	cr := &countingReader{r: f}
	var popt phrases.Options
	whole := progress // the whole build's bar; progress: counting's part
	if s.Phrases() {
		if popt, err = s.phraseOptions(opt.Tokenizer, b, spill); err != nil {
			return nil, err
		}
		// Learning reads the corpus once and replays it per pass; it takes
		// about as long as counting (bench/phrases/README.md).
		progress = func(frac float64, msg string) { whole(phraseShare+(1-phraseShare)*frac, msg) }
	}
	opt.Progress = func(p cooccur.Progress) {
		switch p.Phase {
		case "reading":
			progress(0.5*min(float64(cr.n.Load())/float64(size), 1), fmt.Sprintf("reading: %d tokens", p.Tokens))
		case "counting":
			progress(0.5+0.35*p.Done, "counting co-occurrences")
		case "merging":
			progress(0.85+0.1*p.Done, "merging")
		}
	}
	if err := bl.Syncer.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	defer func() {
		if err == nil {
			return
		}
		if rerr := RemoveArtefacts(dir); rerr != nil {
			err = errors.Join(err, rerr)
		}
	}()
	// An old build is invalid from now on, also after a power cut: the
	// removal is made durable before any new artefact can be.
	if err := os.Remove(filepath.Join(dir, "summary.json")); err == nil {
		if err := bl.Syncer.SyncDir(dir); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	// Spill files are scratch: they need no sync, and a folder of their own
	// lets RemoveSpill clear what a killed build left.
	if err := os.MkdirAll(spill, 0o755); err != nil {
		return nil, err
	}
	defer os.RemoveAll(spill)
	if err := removePhrases(dir); err != nil {
		return nil, err
	}
	var model *phrases.Model
	if s.Phrases() {
		whole(0, fmt.Sprintf("learning phrases (%d passes)", popt.Passes))
		if model, err = bl.learnPhrases(ctx, corpusPath, dir, popt); err != nil {
			return nil, err
		}
		opt.Phrases = model
	}
	// The matrix goes to scratch files in the spill folder as the merge
	// produces it, never whole into memory: the build's memory is
	// counting's budget (the pages that read the build later load it
	// whole, which MaxNonzeros keeps within the budget).
	res, matrix, err := cooccur.CountToFile(ctx, cr, opt)
	if err != nil {
		return nil, err
	}
	defer matrix.Close()
	progress(0.95, "saving")
	mi, err := pmi.MutualInformationOf(matrix, pmi.Bits)
	if err != nil {
		return nil, err
	}
	sum = &Summary{
		Settings: s, Tokens: res.Stats.Tokens, Types: res.Unigrams.Len(), Lines: res.Stats.Lines,
		InvalidUTF8: res.Stats.InvalidUTF8, TruncatedTokens: res.Stats.Truncated,
		VocabSize: res.Vocab.Len(), NNZ: res.NNZ, SumX: res.Sum,
		NormalizedLines: res.Stats.NormalizedLines, JoinedPairs: res.Stats.JoinedPairs, Phrases: model.Len(),
		EntropyBits:           pmi.Entropy(res.Unigrams.Counts(), pmi.Bits),
		MutualInformationBits: mi,
	}
	for _, a := range []struct {
		name string
		w    io.WriterTo
	}{{"vocab.txt", res.Vocab}, {"unigrams.txt", res.Unigrams}, {"matrix.gbcsr", matrix}} {
		if err := writeAtomic(bl.Syncer, filepath.Join(dir, a.name), a.w.WriteTo); err != nil {
			return nil, err
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	sum.Built = time.Now().UTC()
	err = writeAtomic(bl.Syncer, filepath.Join(dir, "summary.json"), func(w io.Writer) (int64, error) {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return 0, enc.Encode(sum)
	})
	if err != nil {
		return nil, err
	}
	progress(1, "done")
	return sum, nil
}

// artefacts are the files of a build directory, summary.json last.
var artefacts = []string{"vocab.txt", "unigrams.txt", "matrix.gbcsr", "phrases.tsv", "summary.json"}

// RemoveArtefacts removes the artefacts of a build from dir, the
// temporary files of artefact writes cut short and the spill folder,
// leaving dir itself. Build calls it when it fails.
func RemoveArtefacts(dir string) error {
	var errs []error
	for _, name := range artefacts {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := durable.RemoveTemps(dir); err != nil && !errors.Is(err, os.ErrNotExist) {
		errs = append(errs, err)
	}
	errs = append(errs, RemoveSpill(dir))
	return errors.Join(errs...)
}

// phraseShare is the part of a build's progress bar given to learning
// phrases.
const phraseShare = 0.4

// countingReader counts the bytes read. The count is atomic because the
// corpus is read on the tokenizer's goroutine while progress is reported
// from the counting one.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// writeAtomic writes path through a synced temporary file and a rename,
// and syncs the directory: each artefact is durable before the next one
// (summary.json last) is written.
func writeAtomic(sy durable.Syncer, path string, write func(io.Writer) (int64, error)) error {
	return sy.WriteFile(path, 0o644, func(w io.Writer) error {
		_, err := write(w)
		return err
	})
}

// ReadSummary reads the summary of a finished build, or ErrNotBuilt.
func ReadSummary(dir string) (*Summary, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "summary.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNotBuilt
	}
	if err != nil {
		return nil, err
	}
	var s Summary
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("%w: damaged summary: %v", ErrNotBuilt, err)
	}
	return &s, nil
}

// Loaded is a finished build in memory. It is read-only and safe for
// concurrent use.
type Loaded struct {
	Summary  Summary
	Vocab    *corpus.Vocabulary
	Unigrams *corpus.Vocabulary
	Matrix   *cooccur.Matrix
	PMI      *pmi.Model // context smoothing α = 0.75
	// Phrases is the learned phrase list (nil for a build without
	// phrases).
	Phrases *phrases.Model
}

// bytesPerWord estimates the memory one word of a loaded vocabulary takes
// (its string header and bytes, its count, its slot in the index).
const bytesPerWord = 96

// MemoryBytes estimates the memory l holds: the matrix's nonzeros
// (cooccur.BytesPerNonzero each) with its row pointers and row and column
// sums, and the two vocabularies. The service's cache of loaded builds
// counts it against the memory budget.
func (l *Loaded) MemoryBytes() int64 {
	n := int64(l.Matrix.Dim())
	return int64(l.Matrix.NNZ())*cooccur.BytesPerNonzero + 24*n +
		bytesPerWord*int64(l.Vocab.Len()+l.Unigrams.Len())
}

// Unchanged checks that the build in dir is still the one whose summary
// before was read before its other files were opened. Build removes the
// summary first and writes it last, so a reader that reads the summary,
// opens the files it needs and then finds the same summary (the same
// time of building) has opened files of that one build, never a mix of
// an old build and a newer one; an open file keeps its contents when a
// rebuild replaces it. Otherwise the error is ErrRebuilt: the corpus is
// being, or has just been, rebuilt.
func Unchanged(dir string, before *Summary) error {
	after, err := ReadSummary(dir)
	if err != nil || !after.Built.Equal(before.Built) || after.NNZ != before.NNZ || after.VocabSize != before.VocabSize {
		return ErrRebuilt
	}
	return nil
}

// Load reads a finished build from dir: the files of one build, never a
// mix of two (see Unchanged).
func Load(dir string) (*Loaded, error) {
	sum, err := ReadSummary(dir)
	if err != nil {
		return nil, err
	}
	l := &Loaded{Summary: *sum}
	if l.Vocab, err = readVocab(filepath.Join(dir, "vocab.txt")); err != nil {
		return nil, err
	}
	if l.Unigrams, err = readVocab(filepath.Join(dir, "unigrams.txt")); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "matrix.gbcsr"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if l.Matrix, err = cooccur.ReadMatrix(f); err != nil {
		return nil, err
	}
	if l.Matrix.Dim() != l.Vocab.Len() {
		return nil, fmt.Errorf("%w: matrix of %d words for a vocabulary of %d", cooccur.ErrBadMatrixFile, l.Matrix.Dim(), l.Vocab.Len())
	}
	if l.PMI, err = pmi.New(l.Matrix, 0.75); err != nil {
		return nil, err
	}
	if sum.Settings.Phrases() {
		if l.Phrases, err = readPhraseFile(filepath.Join(dir, PhrasesFile)); err != nil {
			return nil, fmt.Errorf("%w: phrase list: %v", ErrNotBuilt, err)
		}
	}
	if err := Unchanged(dir, sum); err != nil {
		return nil, err
	}
	return l, nil
}

func readVocab(path string) (*corpus.Vocabulary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return corpus.ReadVocabulary(f)
}
