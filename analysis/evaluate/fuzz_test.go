package evaluate

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// errLine is how every parse error starts: the line it is about.
var errLine = regexp.MustCompile(`^line [1-9][0-9]*: `)

// inputLines splits in as bufio.ScanLines does (without a last empty line
// after a final '\n'; a '\r' before '\n' is kept, callers trim it), after
// the byte-order mark the readers skip at the start.
func inputLines(in []byte) [][]byte {
	lines := bytes.Split(bytes.TrimPrefix(in, []byte("\ufeff")), []byte{'\n'})
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// FuzzReadAnalogies: errors are ErrBadLine or ErrNoSection and name a
// line; a success holds every question line of the input, in order, as
// four words of that line under the last section header before it.
func FuzzReadAnalogies(f *testing.F) {
	for _, s := range []string{
		": capital-common-countries\nAthens Greece Baghdad Iraq\nAthens Greece Bangkok Thailand\n: gram1-adjective-to-adverb\namazing amazingly apparent apparently\n",
		": a\n\n  x y z w  \n:\n: b\n",
		": a\r\nx y z w\r\n",
		"x y z w\n",            // question before any section
		": a\nx y z\n",         // three words
		": a\nx y z w v\n",     // five words
		"\ufeff: a\nx y z w\n", // BOM
		"\ufeff\ufeff: a\n",    // only the first BOM is skipped
		": a\n\ufeffx y z w\n", // a BOM further on is part of a word
		": a\nx\ty\u00a0z w\n", // tab and NBSP separate words
		": a\nx y z w",         // no final newline
		"",
		"\n\n",
		":",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sections, err := ReadAnalogies(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrBadLine) && !errors.Is(err, ErrNoSection) {
				t.Fatalf("error wraps neither ErrBadLine nor ErrNoSection: %v", err)
			}
			if !errLine.MatchString(err.Error()) {
				t.Fatalf("error does not start with its line: %v", err)
			}
			return
		}
		lines := inputLines(in)
		var headers, questions []int // line numbers
		for i, l := range lines {
			text := strings.TrimSpace(string(l))
			switch {
			case text == "":
			case strings.HasPrefix(text, ":"):
				headers = append(headers, i+1)
			default:
				questions = append(questions, i+1)
			}
		}
		if len(sections) != len(headers) {
			t.Fatalf("%d sections, %d header lines", len(sections), len(headers))
		}
		var got []int
		for si, s := range sections {
			header := strings.TrimSpace(string(lines[headers[si]-1]))
			if want := strings.TrimSpace(header[1:]); s.Name != want {
				t.Fatalf("section %d named %q, its line says %q", si, s.Name, want)
			}
			for _, q := range s.Questions {
				if q.Line <= headers[si] || si+1 < len(headers) && q.Line >= headers[si+1] {
					t.Fatalf("question on line %d is not under its section's header on line %d", q.Line, headers[si])
				}
				words := []string{q.A, q.B, q.C, q.Expected}
				for _, w := range words {
					if w == "" || strings.IndexFunc(w, unicode.IsSpace) >= 0 {
						t.Fatalf("line %d: word %q", q.Line, w)
					}
				}
				if fields := strings.Fields(string(lines[q.Line-1])); !slices.Equal(fields, words) {
					t.Fatalf("line %d holds %q, question %q", q.Line, fields, words)
				}
				got = append(got, q.Line)
			}
		}
		if !slices.Equal(got, questions) {
			t.Fatalf("questions from lines %v, input has them on %v", got, questions)
		}
	})
}

// FuzzReadPairs: errors are ErrBadLine and name a line; a success holds
// one pair per line that is neither blank nor a comment, in order, with
// two non-empty words found on that line and a finite score.
func FuzzReadPairs(f *testing.F) {
	for _, s := range []string{
		"car\tautomobile\t3.92\ngem\tjewel\t3.84\n",
		"# comment\n\nold new 1.5\r\n",
		"a\tb c\t2\n",
		"a\t\t1\n", // empty word
		"a\t \t1\n",
		"a b\n",
		"a b c d\n",
		"a b NaN\n",
		"a b -Inf\n",
		"a b 1e400\n",
		"a b 0x1p-2\n",
		"\ufeffa\tb\t1\n", // BOM
		"\ufeff# comment\na b 1\n",
		"a b 1\n\ufeffc d 2\n",
		"a\u00a0b c\n",
		"a b 1",
		"",
		"#",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		pairs, err := ReadPairs(bytes.NewReader(in))
		if err != nil {
			if !errors.Is(err, ErrBadLine) {
				t.Fatalf("error does not wrap ErrBadLine: %v", err)
			}
			if !errLine.MatchString(err.Error()) {
				t.Fatalf("error does not start with its line: %v", err)
			}
			return
		}
		lines := inputLines(in)
		var want []int
		for i, l := range lines {
			if text := strings.TrimSpace(string(l)); text != "" && !strings.HasPrefix(text, "#") {
				want = append(want, i+1)
			}
		}
		var got []int
		for _, p := range pairs {
			got = append(got, p.Line)
			line := string(lines[p.Line-1])
			for _, w := range []string{p.A, p.B} {
				if w == "" || w != strings.TrimSpace(w) || strings.Contains(w, "\t") || !strings.Contains(line, w) {
					t.Fatalf("line %d (%q): word %q", p.Line, line, w)
				}
			}
			if math.IsNaN(p.Gold) || math.IsInf(p.Gold, 0) {
				t.Fatalf("line %d: score %v", p.Line, p.Gold)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("pairs from lines %v, input has them on %v", got, want)
		}
	})
}
