package evalsets

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
)

//go:embed analogy/questions-words.txt analogy/NOTICE similarity/EN-*.txt similarity/LICENSE
var files embed.FS

// FS returns the embedded evaluation files, rooted at the folder holding
// analogy/ and similarity/.
func FS() fs.FS { return files }

// AnalogyFile is the Google analogy set inside an evaluation folder.
const AnalogyFile = "analogy/questions-words.txt"

// SimilarityDir holds the word-similarity sets EN-*.txt.
const SimilarityDir = "similarity"

// Set names one word-similarity file.
type Set struct {
	Name string // shown to users, e.g. "WS-353"
	File string // inside an evaluation folder, e.g. "similarity/EN-WS-353-ALL.txt"
}

// DefaultSimilarity are the word-similarity sets every run is scored on, in
// the order they are shown.
var DefaultSimilarity = []Set{
	{"WS-353", "similarity/EN-WS-353-ALL.txt"},
	{"SimLex-999", "similarity/EN-SIMLEX-999.txt"},
	{"MEN", "similarity/EN-MEN-TR-3k.txt"},
}

// AnalogyNotice is the source and licence of the analogy set, for the
// About page.
//
//go:embed analogy/NOTICE
var AnalogyNotice string

// SimilarityLicense is the licence of the word-similarity collection, for
// the About page (each set keeps its authors' terms).
//
//go:embed similarity/LICENSE
var SimilarityLicense string

// NamedPairs is one parsed word-similarity set.
type NamedPairs struct {
	Name  string
	Pairs []evaluate.WordPair
}

// Default parses the embedded Google analogy set and the
// DefaultSimilarity sets.
func Default() (analogy []evaluate.AnalogySection, similarity []NamedPairs, err error) {
	analogy, err = ReadAnalogies(files, AnalogyFile)
	if err != nil {
		return nil, nil, err
	}
	for _, s := range DefaultSimilarity {
		pairs, err := ReadPairs(files, s.File)
		if err != nil {
			return nil, nil, err
		}
		similarity = append(similarity, NamedPairs{Name: s.Name, Pairs: pairs})
	}
	return analogy, similarity, nil
}

// ReadAnalogies parses the analogy file name of fsys.
func ReadAnalogies(fsys fs.FS, name string) ([]evaluate.AnalogySection, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	secs, err := evaluate.ReadAnalogies(f)
	if err != nil {
		return nil, fmt.Errorf("analogy set %s: %w", name, err)
	}
	return secs, nil
}

// ReadPairs parses the word-similarity file name of fsys: w1 TAB w2 TAB
// score lines, or ViSim-400 or ViCon with their headers
// (evaluate.ReadSet), so that a folder given with -eval-dir may hold
// those too.
func ReadPairs(fsys fs.FS, name string) ([]evaluate.WordPair, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	pairs, _, err := evaluate.ReadSet(f)
	if err != nil {
		return nil, fmt.Errorf("similarity set %s: %w", name, err)
	}
	return pairs, nil
}

// SetName is the name a similarity file is shown under: the name of a
// DefaultSimilarity entry for its file, else the file name without the
// "EN-" prefix and ".txt" suffix ("similarity/EN-RW-STANFORD.txt" →
// "RW-STANFORD").
func SetName(file string) string {
	for _, s := range DefaultSimilarity {
		if path.Base(s.File) == path.Base(file) {
			return s.Name
		}
	}
	return strings.TrimSuffix(strings.TrimPrefix(path.Base(file), "EN-"), ".txt")
}

// Load parses the sets of an evaluation folder: its analogy file (nil when
// absent) and every similarity/*.txt, named by SetName, in file-name
// order. It returns fs.ErrNotExist when the folder holds neither.
func Load(fsys fs.FS) (analogy []evaluate.AnalogySection, similarity []NamedPairs, err error) {
	analogy, err = ReadAnalogies(fsys, AnalogyFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, nil, err
	}
	names, err := fs.Glob(fsys, SimilarityDir+"/*.txt")
	if err != nil {
		return nil, nil, err
	}
	for _, name := range names { // fs.Glob sorts
		pairs, err := ReadPairs(fsys, name)
		if err != nil {
			return nil, nil, err
		}
		similarity = append(similarity, NamedPairs{Name: SetName(name), Pairs: pairs})
	}
	if analogy == nil && similarity == nil {
		return nil, nil, fs.ErrNotExist
	}
	return analogy, similarity, nil
}
