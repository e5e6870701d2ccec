package evaluate

// Word-similarity sets in the formats users bring: the plain
// "w1 TAB w2 TAB score" of ReadPairs, and two Vietnamese sets (Nguyen,
// Schulte im Walde & Vu 2018) whose licence keeps them out of the
// repository:
//
//   - ViSim-400: a tab-separated file with the header
//     "Word1 Word2 POS Sim1 Sim2 STD"; Sim1 is the mean rating of the
//     judges on 0–6, Sim2 the same mapped linearly onto 0–10, STD the
//     judges' standard deviation. ReadSet takes Sim1: Spearman's ρ is the
//     same for either column (a linear map keeps the ranks), and Sim1 is
//     the ratings as collected.
//   - ViCon: tab-separated files (nouns, verbs, adjectives) with the header
//     "Word1 Word2 Relation", the relation SYN (synonyms) or ANT
//     (antonyms). ReadSet reads a synonym as gold score 1 and an antonym
//     as 0, so Similarity's ρ between gold and cosine is the rank-biserial
//     correlation of the two classes, a linear function of the ROC AUC of
//     telling synonyms from antonyms by cosine (ρ ∝ 2·AUC − 1 for a fixed
//     class balance): 0 at chance, positive when synonyms are closer than
//     antonyms. The paper reports average precision of the same ranking;
//     ContrastAUC gives the AUC itself.
//
// Multi-syllable words are joined with "_" in both (văn_bản), as the
// tokens of a corpus built with phrases are. Words are normalised to NFC
// so that a file typed with decomposed letters matches a corpus, which is
// normalised to NFC when read.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// SetFormat is the layout of a word-similarity file.
type SetFormat int

const (
	// FormatPairs is "w1 TAB w2 TAB score" without a header (ReadPairs).
	FormatPairs SetFormat = iota
	// FormatViSim is ViSim-400's "Word1 Word2 POS Sim1 Sim2 STD".
	FormatViSim
	// FormatViCon is ViCon's "Word1 Word2 Relation" (SYN or ANT).
	FormatViCon
)

// String names the format.
func (f SetFormat) String() string {
	switch f {
	case FormatPairs:
		return "word pairs with scores"
	case FormatViSim:
		return "ViSim-400"
	case FormatViCon:
		return "ViCon"
	}
	return fmt.Sprintf("SetFormat(%d)", int(f))
}

// ErrEmptySet means a similarity file holds no pair.
var ErrEmptySet = errors.New("no word pair in the file")

// ViCon's relation labels and the gold scores ReadSet gives them.
const (
	ViConSynonym = "SYN"
	ViConAntonym = "ANT"
)

// ReadSet reads a word-similarity set in any of the formats above,
// recognised by its first line that is neither blank nor a '#' comment: a
// header whose first two fields are Word1 and Word2 (any case) selects
// ViSim-400 (a Sim1 column) or ViCon (a Relation column); anything else is
// read as FormatPairs. Words are NFC-normalised. Errors: ErrBadLine
// wrapped with the line number (a header without a known score column
// too), ErrEmptySet for a file without pairs.
func ReadSet(r io.Reader) ([]WordPair, SetFormat, error) {
	sc := bufio.NewScanner(r)
	var (
		pairs  []WordPair
		format = FormatPairs
		header *setHeader
		line   = 1
	)
	for ; sc.Scan(); line++ {
		text := strings.TrimSpace(trimBOM(line, sc.Text()))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if header == nil && format == FormatPairs && len(pairs) == 0 {
			h, isHeader, err := parseSetHeader(text, line)
			if err != nil {
				return nil, format, err
			}
			if isHeader {
				header, format = h, h.format
				continue
			}
		}
		var (
			p   WordPair
			err error
		)
		if header != nil {
			p, err = header.parse(text, line)
		} else {
			p, err = parsePairLine(text, line)
		}
		if err != nil {
			return nil, format, err
		}
		p.A, p.B = norm.NFC.String(p.A), norm.NFC.String(p.B)
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, format, scanError(err, line)
	}
	if len(pairs) == 0 {
		return nil, format, fmt.Errorf("%v: %w", format, ErrEmptySet)
	}
	return pairs, format, nil
}

// setHeader is a parsed header line: the format and the columns of the
// two words and the score.
type setHeader struct {
	format           SetFormat
	a, b, score, num int // column indexes; num: fields a line must have
}

// parseSetHeader reads a header line "Word1 Word2 …"; isHeader is false
// for a line that does not start with Word1 and Word2.
func parseSetHeader(text string, line int) (h *setHeader, isHeader bool, err error) {
	fields := splitFields(text)
	if len(fields) < 3 || !strings.EqualFold(fields[0], "word1") || !strings.EqualFold(fields[1], "word2") {
		return nil, false, nil
	}
	h = &setHeader{a: 0, b: 1, num: len(fields)}
	sim := slices.IndexFunc(fields, func(f string) bool { return strings.EqualFold(f, "sim1") })
	rel := slices.IndexFunc(fields, func(f string) bool { return strings.EqualFold(f, "relation") })
	switch {
	case sim >= 0:
		h.format, h.score = FormatViSim, sim
	case rel >= 0:
		h.format, h.score = FormatViCon, rel
	default:
		return nil, true, fmt.Errorf("line %d: a header with columns %s but neither Sim1 (ViSim-400) nor Relation (ViCon): %w",
			line, strings.Join(fields, ", "), ErrBadLine)
	}
	return h, true, nil
}

// parse reads one line under the header.
func (h *setHeader) parse(text string, line int) (WordPair, error) {
	f := splitFields(text)
	if len(f) != h.num {
		return WordPair{}, fmt.Errorf("line %d: %d fields, want %d as in the %v header: %w", line, len(f), h.num, h.format, ErrBadLine)
	}
	p := WordPair{A: f[h.a], B: f[h.b], Line: line}
	if p.A == "" || p.B == "" {
		return WordPair{}, fmt.Errorf("line %d: an empty word: %w", line, ErrBadLine)
	}
	raw := f[h.score]
	if h.format == FormatViCon {
		switch strings.ToUpper(raw) {
		case ViConSynonym:
			p.Gold = 1
		case ViConAntonym:
			p.Gold = 0
		default:
			return WordPair{}, fmt.Errorf("line %d: relation %q is neither %s nor %s: %w", line, clip(raw), ViConSynonym, ViConAntonym, ErrBadLine)
		}
		return p, nil
	}
	gold, err := strconv.ParseFloat(raw, 64)
	if err != nil || math.IsNaN(gold) || math.IsInf(gold, 0) {
		return WordPair{}, fmt.Errorf("line %d: Sim1 %q is not a finite number: %w", line, clip(raw), ErrBadLine)
	}
	p.Gold = gold
	return p, nil
}

// parsePairLine reads "w1 TAB w2 TAB score" as ReadPairs does.
func parsePairLine(text string, line int) (WordPair, error) {
	f := splitFields(text)
	if len(f) != 3 {
		return WordPair{}, fmt.Errorf("line %d: %d fields, want word, word, score (or a ViSim-400 or ViCon header): %w", line, len(f), ErrBadLine)
	}
	gold, err := strconv.ParseFloat(f[2], 64)
	if err != nil || math.IsNaN(gold) || math.IsInf(gold, 0) {
		return WordPair{}, fmt.Errorf("line %d: score %q is not a finite number: %w", line, clip(f[2]), ErrBadLine)
	}
	if f[0] == "" || f[1] == "" {
		return WordPair{}, fmt.Errorf("line %d: an empty word: %w", line, ErrBadLine)
	}
	return WordPair{A: f[0], B: f[1], Gold: gold, Line: line}, nil
}

// splitFields splits at tabs, or at runs of blanks when the line has no
// tab, trimming each field.
func splitFields(text string) []string {
	var f []string
	if strings.Contains(text, "\t") {
		f = strings.Split(text, "\t")
	} else {
		f = strings.Fields(text)
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

// clip shortens user text quoted in an error.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// ContrastAUC is the probability that a synonym pair (gold > 0.5) has a
// higher model score than an antonym pair (gold ≤ 0.5), ties counting
// one half: the ROC AUC of separating ViCon's classes by cosine. It is
// NaN when either class is empty. gold and model have equal lengths
// (else it panics).
func ContrastAUC(gold, model []float64) float64 {
	if len(gold) != len(model) {
		panic("evaluate: ContrastAUC of slices of different lengths")
	}
	ranks := Ranks(model)
	var syn, ant, rankSum float64
	for i, g := range gold {
		if g > 0.5 {
			syn++
			rankSum += ranks[i]
		} else {
			ant++
		}
	}
	if syn == 0 || ant == 0 {
		return math.NaN()
	}
	// Mann–Whitney U of the synonyms, over all syn × ant comparisons.
	return (rankSum - syn*(syn+1)/2) / (syn * ant)
}
