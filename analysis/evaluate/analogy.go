package evaluate

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

var (
	// ErrBadLine reports a line of an analogy or similarity file that does
	// not have the expected fields.
	ErrBadLine = errors.New("malformed line")
	// ErrNoSection reports an analogy question before any ": section" line.
	ErrNoSection = errors.New("analogy question before the first section header")
	// ErrNoPairs reports a similarity set none of whose pairs is covered.
	ErrNoPairs = errors.New("no word pair covered by the vocabulary")
)

// AnalogyQuestion is "A is to B as C is to Expected", from line Line.
type AnalogyQuestion struct {
	A, B, C, Expected string
	Line              int
}

// AnalogySection is a named group of questions.
type AnalogySection struct {
	Name      string
	Questions []AnalogyQuestion
}

// Syntactic reports whether the section is one of the Google set's
// grammatical ones (named "gram…").
func (s AnalogySection) Syntactic() bool { return strings.HasPrefix(s.Name, "gram") }

// ReadAnalogies parses an analogy file: ": name" section lines followed by
// lines of four words. Blank lines are skipped, and so is a UTF-8
// byte-order mark at the start.
func ReadAnalogies(r io.Reader) ([]AnalogySection, error) {
	var sections []AnalogySection
	sc := bufio.NewScanner(r)
	line := 1
	for ; sc.Scan(); line++ {
		text := strings.TrimSpace(trimBOM(line, sc.Text()))
		if text == "" {
			continue
		}
		if name, ok := strings.CutPrefix(text, ":"); ok {
			sections = append(sections, AnalogySection{Name: strings.TrimSpace(name)})
			continue
		}
		f := strings.Fields(text)
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: %d words, want 4: %w", line, len(f), ErrBadLine)
		}
		if len(sections) == 0 {
			return nil, fmt.Errorf("line %d: %w", line, ErrNoSection)
		}
		s := &sections[len(sections)-1]
		s.Questions = append(s.Questions, AnalogyQuestion{A: f[0], B: f[1], C: f[2], Expected: f[3], Line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, scanError(err, line)
	}
	return sections, nil
}

// trimBOM drops a UTF-8 byte-order mark (U+FEFF) from the start of line 1,
// so that a file saved with one (Notepad, Excel) reads as if it were
// absent. strings.TrimSpace keeps U+FEFF, which is not white space, and
// it would otherwise become part of the first word or hide a ": section"
// or "#" comment. Elsewhere U+FEFF is left as it is.
func trimBOM(line int, text string) string {
	if line == 1 {
		return strings.TrimPrefix(text, "\ufeff")
	}
	return text
}

// scanError names the line at which a bufio.Scanner stopped. A line too
// long for its buffer is a malformed line (ErrBadLine), not a bare
// "token too long" without a line number.
func scanError(err error, line int) error {
	if errors.Is(err, bufio.ErrTooLong) {
		return fmt.Errorf("line %d: longer than %d bytes: %w", line, bufio.MaxScanTokenSize, ErrBadLine)
	}
	return err
}

// LoadAnalogies reads an analogy file (see ReadAnalogies).
func LoadAnalogies(path string) ([]AnalogySection, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ReadAnalogies(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// AnalogyOptions tunes Analogies. The zero value is case-insensitive,
// 3CosAdd, whole vocabulary.
type AnalogyOptions struct {
	// CaseSensitive requires exact word matches.
	CaseSensitive bool
	// Restrict limits the vocabulary (questions and answers) to the first
	// Restrict rows; 0 means all rows.
	Restrict int
	// Method is vectors.CosAdd (zero) or vectors.CosMul.
	Method vectors.Method
	// Progress, when set, is called with the number of covered questions
	// answered so far and their total. It must not block.
	Progress func(done, total int)
}

// Score counts the questions of a section, or of an aggregate.
type Score struct {
	Name      string
	Questions int // questions in the file
	Covered   int // questions whose four words are in the vocabulary
	Correct   int // covered questions answered with the expected word
}

// Accuracy returns Correct/Covered as a fraction in [0, 1] (0 when
// nothing is covered).
func (s Score) Accuracy() float64 {
	if s.Covered == 0 {
		return 0
	}
	return float64(s.Correct) / float64(s.Covered)
}

// add accumulates o into s.
func (s *Score) add(o Score) {
	s.Questions += o.Questions
	s.Covered += o.Covered
	s.Correct += o.Correct
}

// AnalogyReport is the result of Analogies.
type AnalogyReport struct {
	Sections  []Score // in file order
	Semantic  Score   // non-"gram" sections
	Syntactic Score   // "gram" sections
	Total     Score
}

// vocabulary maps (possibly case-folded) words to rows of a set within a
// restriction.
type vocabulary struct {
	set     *vectors.Set
	limit   int
	fold    func(string) string
	rowOf   map[string]int // folded word → its first row
	classOf []int          // row → first row with the same folded word
}

func newVocabulary(set *vectors.Set, restrict int, caseSensitive bool) *vocabulary {
	limit := set.Len()
	if restrict > 0 && restrict < limit {
		limit = restrict
	}
	v := &vocabulary{set: set, limit: limit, fold: strings.ToUpper}
	if caseSensitive {
		v.fold = func(s string) string { return s }
	}
	v.rowOf = make(map[string]int, limit)
	v.classOf = make([]int, limit)
	for i := range limit {
		f := v.fold(set.Word(i))
		r, seen := v.rowOf[f]
		if !seen {
			r = i
			v.rowOf[f] = i
		}
		v.classOf[i] = r
	}
	return v
}

// row returns the row standing for word, and false when it is not covered.
func (v *vocabulary) row(word string) (int, bool) {
	r, ok := v.rowOf[v.fold(word)]
	return r, ok
}

// Analogies answers every covered question of sections and scores them.
// It returns only context errors.
func Analogies(ctx context.Context, set *vectors.Set, sections []AnalogySection, opts AnalogyOptions) (AnalogyReport, error) {
	vocab := newVocabulary(set, opts.Restrict, opts.CaseSensitive)
	var (
		queries  []vectors.AnalogyQuery
		expected []int
		sectOf   []int
	)
	report := AnalogyReport{Sections: make([]Score, len(sections))}
	for si, s := range sections {
		report.Sections[si] = Score{Name: s.Name, Questions: len(s.Questions)}
		for _, q := range s.Questions {
			a, okA := vocab.row(q.A)
			b, okB := vocab.row(q.B)
			c, okC := vocab.row(q.C)
			d, okD := vocab.row(q.Expected)
			if !okA || !okB || !okC || !okD {
				continue
			}
			queries = append(queries, vectors.AnalogyQuery{A: a, B: b, C: c})
			expected = append(expected, d)
			sectOf = append(sectOf, si)
		}
	}
	// A candidate is skipped when it is a case variant of a query word.
	exclude := func(q, row int) bool {
		cls := vocab.classOf[row]
		qq := queries[q]
		return cls == qq.A || cls == qq.B || cls == qq.C
	}
	answers, err := set.AnalogyBatch(ctx, queries, opts.Method, 1, vectors.BatchOptions{
		Limit:    vocab.limit,
		Exclude:  exclude,
		Progress: opts.Progress,
	})
	if err != nil {
		return AnalogyReport{}, err
	}
	for j, ans := range answers {
		sc := &report.Sections[sectOf[j]]
		sc.Covered++
		if len(ans) > 0 && vocab.classOf[ans[0].Index] == expected[j] {
			sc.Correct++
		}
	}
	report.Semantic.Name, report.Syntactic.Name, report.Total.Name = "semantic", "syntactic", "total"
	for si, sc := range report.Sections {
		if sections[si].Syntactic() {
			report.Syntactic.add(sc)
		} else {
			report.Semantic.add(sc)
		}
		report.Total.add(sc)
	}
	return report, nil
}
