package app

// Evaluation sets users bring: word-similarity files in any format
// evaluate.ReadSet reads (plain pairs, ViSim-400, ViCon), uploaded once and
// kept in the data directory's evalsets folder, one file each, so that
// every vector set is scored on them beside the built-in sets. Sets such
// as ViSim-400 and ViCon carry a non-commercial licence and cannot ship
// with gloveboard; a user who has them uploads them here.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/apperr"
	"github.com/gloveboard/gloveboard/internal/runs"
	"github.com/gloveboard/gloveboard/views"
)

const (
	// MaxEvalSetBytes bounds an uploaded evaluation file (ViSim-400 is
	// about 20 kB); it fits the dashboard's form body limit.
	MaxEvalSetBytes = 512 << 10
	// MaxUserEvalSets bounds how many uploaded sets are kept.
	MaxUserEvalSets = 50
	// maxEvalSetName bounds a set's name, in runes.
	maxEvalSetName = 80
)

// ErrBadEvalSet means an uploaded evaluation file cannot be read as a
// word-similarity set.
var ErrBadEvalSet = errors.New("unreadable evaluation set")

// UserEvalSet is an uploaded word-similarity set.
type UserEvalSet struct {
	Name   string
	Format evaluate.SetFormat
	Pairs  []evaluate.WordPair
	// ID names the set's file (hex of its content's SHA-256, shortened).
	ID string
}

// namePrefix starts the first line of a kept file, which records the
// name given at upload (ReadSet skips it as a comment).
const namePrefix = "# gloveboard evaluation set: "

func (s *Service) evalSetDir() string { return filepath.Join(s.st.Dir(), "evalsets") }

// AddEvalSet checks and keeps an uploaded word-similarity file under name
// (the file name when blank). Errors are *apperr.Error: Invalid for a file
// that is not UTF-8 text or not a set (its message names the line),
// TooLarge beyond MaxEvalSetBytes, Conflict for a file already uploaded or
// beyond MaxUserEvalSets.
func (s *Service) AddEvalSet(name, filename string, r io.Reader) (UserEvalSet, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxEvalSetBytes+1))
	if err != nil {
		return UserEvalSet{}, err
	}
	if len(raw) > MaxEvalSetBytes {
		return UserEvalSet{}, apperr.Wrap(ErrBadEvalSet, apperr.TooLarge, fmt.Sprintf("An evaluation file may be at most %s; this one is larger.", views.Bytes(int64(MaxEvalSetBytes))))
	}
	raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
	if !utf8.Valid(raw) || bytes.IndexByte(raw, 0) >= 0 {
		return UserEvalSet{}, apperr.Wrap(ErrBadEvalSet, apperr.Invalid, "The evaluation file is not UTF-8 text. Save it as UTF-8 (tab-separated) and upload it again.")
	}
	pairs, format, err := evaluate.ReadSet(bytes.NewReader(raw))
	if err != nil {
		return UserEvalSet{}, apperr.Wrap(fmt.Errorf("%w: %w", ErrBadEvalSet, err), apperr.Invalid,
			fmt.Sprintf("The evaluation file could not be read: %s. Accepted: lines “word TAB word TAB score”, ViSim-400 (header Word1 Word2 POS Sim1 Sim2 STD) or ViCon (header Word1 Word2 Relation, SYN or ANT).", err.Error()))
	}
	name = evalSetName(name, filename)
	sum := sha256.Sum256(raw)
	id := hex.EncodeToString(sum[:8])
	existing, err := s.UserEvalSets()
	if err != nil {
		return UserEvalSet{}, err
	}
	if i := slices.IndexFunc(existing, func(u UserEvalSet) bool { return u.ID == id }); i >= 0 {
		return UserEvalSet{}, apperr.Wrap(ErrBadEvalSet, apperr.Conflict, fmt.Sprintf("This file was uploaded before, as “%s”.", existing[i].Name))
	}
	if len(existing) >= MaxUserEvalSets {
		return UserEvalSet{}, apperr.Wrap(ErrBadEvalSet, apperr.Conflict, fmt.Sprintf("At most %d evaluation sets can be uploaded.", MaxUserEvalSets))
	}
	sy := s.st.Syncer()
	if err := sy.MkdirAll(s.evalSetDir(), 0o755); err != nil {
		return UserEvalSet{}, err
	}
	err = sy.WriteFile(filepath.Join(s.evalSetDir(), id+".txt"), 0o644, func(w io.Writer) error {
		if _, err := io.WriteString(w, namePrefix+name+"\n"); err != nil {
			return err
		}
		_, err := w.Write(raw)
		return err
	})
	if err != nil {
		return UserEvalSet{}, err
	}
	return UserEvalSet{Name: name, Format: format, Pairs: pairs, ID: id}, nil
}

// DeleteEvalSet removes the uploaded set id. An id that names no kept
// set (or is not one: ids are 16 hex digits) is NotFound.
func (s *Service) DeleteEvalSet(id string) error {
	notFound := apperr.Wrap(ErrBadEvalSet, apperr.NotFound, "There is no uploaded evaluation set with that id.")
	if len(id) != 16 || strings.Trim(id, "0123456789abcdef") != "" {
		return notFound
	}
	path := filepath.Join(s.evalSetDir(), id+".txt")
	if err := os.Remove(path); errors.Is(err, fs.ErrNotExist) {
		return notFound
	} else if err != nil {
		return err
	}
	return s.st.Syncer().SyncDir(s.evalSetDir())
}

// evalSetName is the name a set is shown under: name, or the file name
// without its extension, on one line and at most maxEvalSetName runes.
func evalSetName(name, filename string) string {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		base := filepath.Base(strings.ReplaceAll(filename, `\`, "/"))
		name = strings.Join(strings.Fields(strings.TrimSuffix(base, filepath.Ext(base))), " ")
	}
	if name == "" || name == "." {
		name = "uploaded set"
	}
	if r := []rune(name); len(r) > maxEvalSetName {
		name = string(r[:maxEvalSetName])
	}
	return name
}

// UserEvalSets reads the uploaded sets, ordered by name. A kept file that
// no longer parses (edited by hand) is skipped and logged.
func (s *Service) UserEvalSets() ([]UserEvalSet, error) {
	entries, err := os.ReadDir(s.evalSetDir())
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []UserEvalSet
	for _, e := range entries {
		id, ok := strings.CutSuffix(e.Name(), ".txt")
		if !ok || e.IsDir() {
			continue
		}
		u, err := readUserEvalSet(filepath.Join(s.evalSetDir(), e.Name()))
		if err != nil {
			s.log.Warn("skipping an uploaded evaluation set", "file", e.Name(), "err", err)
			continue
		}
		u.ID = id
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b UserEvalSet) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

func readUserEvalSet(path string) (UserEvalSet, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return UserEvalSet{}, err
	}
	first, _, _ := bytes.Cut(raw, []byte("\n"))
	name, ok := strings.CutPrefix(string(first), namePrefix)
	if !ok {
		return UserEvalSet{}, fmt.Errorf("%w: no name line", ErrBadEvalSet)
	}
	pairs, format, err := evaluate.ReadSet(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		return UserEvalSet{}, err
	}
	return UserEvalSet{Name: name, Format: format, Pairs: pairs}, nil
}

// UserEvalScore is a vector set's score on one uploaded set: Spearman's ρ
// of gold and cosine (nil when it cannot be computed) and, for ViCon, the
// AUC of telling synonyms from antonyms by cosine.
type UserEvalScore struct {
	runs.SimilarityResult
	ID     string // the set's id (UserEvalSet.ID)
	Format evaluate.SetFormat
	AUC    *float64
}

// ScoreUserEvalSets scores set on every uploaded set. They are small
// (hundreds of pairs), so scores are computed on each call.
func (s *Service) ScoreUserEvalSets(set *vectors.Set) ([]UserEvalScore, error) {
	sets, err := s.UserEvalSets()
	if err != nil {
		return nil, err
	}
	out := make([]UserEvalScore, 0, len(sets))
	for _, u := range sets {
		r := UserEvalScore{SimilarityResult: runs.SimilarityResult{Name: u.Name, Total: len(u.Pairs)}, Format: u.Format, ID: u.ID}
		sc, err := evaluate.Similarity(set, u.Pairs, evaluate.SimilarityOptions{})
		switch {
		case errors.Is(err, evaluate.ErrNoPairs):
		case err != nil:
			return nil, err
		default:
			r.Pairs = sc.Pairs
			if finite(sc.Spearman) {
				v := sc.Spearman
				r.Spearman = &v
			}
			if u.Format == evaluate.FormatViCon && finite(sc.ContrastAUC) {
				auc := sc.ContrastAUC
				r.AUC = &auc
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
