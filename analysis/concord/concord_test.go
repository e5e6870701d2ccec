package concord_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// tiny is "A b a c" and "a b", five times each (the word page's tiny
// corpus).
var tiny = strings.Repeat("A b a c\na b\n", 5)

func words(opt concord.Options) concord.Options {
	opt.Scan = corpus.ScanOptions{Tokenizer: corpus.Words}
	return opt
}

// show writes a line as "b[1] a[.5] (a) c[1]": window words with their
// weights, dropped tokens in braces, the keyword in parentheses.
func show(l concord.Line) string {
	var parts []string
	for _, t := range l.Tokens {
		switch t.Role {
		case concord.Keyword:
			parts = append(parts, "("+t.Text+")")
		case concord.InWindow:
			parts = append(parts, fmt.Sprintf("%s[%d:%.3g]", t.Text, t.Distance, t.Weight))
		case concord.Dropped:
			parts = append(parts, "{"+t.Text+"}")
		default:
			parts = append(parts, t.Text)
		}
	}
	return fmt.Sprintf("%d: %s", l.Number, strings.Join(parts, " "))
}

// TestFindHandComputed checks the lines, windows and weights of the tiny
// corpus by hand: window 2 with 1/d weights; "A" is lower-cased to a.
func TestFindHandComputed(t *testing.T) {
	t.Parallel()
	notB := func(w string) bool { return w != "b" }
	tests := []struct {
		name string
		word string
		opt  concord.Options
		want []string
	}{
		{"symmetric", "a", words(concord.Options{Window: 2, Symmetric: true, DistanceWeighting: true, MaxLines: 4}),
			[]string{"1: (a) b[1:1] a[2:0.5] c", "1: a[-2:0.5] b[-1:1] (a) c[1:1]", "2: (a) b[1:1]", "3: (a) b[1:1] a[2:0.5] c"}},
		{"right only", "a", words(concord.Options{Window: 1, MaxLines: 3}),
			[]string{"1: (a) b[1:1] a c", "1: a b (a) c[1:1]", "2: (a) b[1:1]"}},
		{"unweighted", "c", words(concord.Options{Window: 2, Symmetric: true, MaxLines: 2}),
			[]string{"1: a b[-2:1] a[-1:1] (c)", "3: a b[-2:1] a[-1:1] (c)"}},
		// b is below the minimum count: dropped before windowing, so the
		// second a is at distance 1 from the first.
		{"dropped", "a", words(concord.Options{Window: 2, Symmetric: true, DistanceWeighting: true, InVocab: notB, MaxLines: 2}),
			[]string{"1: (a) {b} a[1:1] c[2:0.5]", "1: a[-1:1] {b} (a) c[1:1]"}},
		{"context", "c", words(concord.Options{Window: 1, Symmetric: true, DistanceWeighting: true, Context: -1, MaxLines: 1}),
			[]string{"1: a[-1:1] (c)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := concord.Find(context.Background(), strings.NewReader(tiny), tc.word, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range res.Lines {
				got = append(got, show(l))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if res.Complete {
				t.Errorf("stopped after %d lines but says it read everything", len(res.Lines))
			}
		})
	}
	t.Run("cut", func(t *testing.T) {
		res, err := concord.Find(context.Background(), strings.NewReader("x y z a u v w\n"), "a",
			words(concord.Options{Window: 1, Symmetric: true, Context: 1}))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Lines) != 1 || show(res.Lines[0]) != "1: y z[-1:1] (a) u[1:1] v" || !res.Lines[0].CutBefore || !res.Lines[0].CutAfter {
			t.Errorf("got %+v", res.Lines)
		}
		if !res.Complete || res.Bytes != 14 {
			t.Errorf("complete %v after %d bytes, want true after 14", res.Complete, res.Bytes)
		}
	})
}

// TestWeightsSumToRow checks the defining property against package
// cooccur on random text: over every occurrence of w, the window weights
// of k sum to X_wk (symmetric or not, weighted or not, with words below
// the minimum count dropped).
func TestWeightsSumToRow(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(7, 1))
	lex := []string{"the", "The", "ice", "steam", "solid", "gas", "water", "rare1", "rare2", "don't", "Don’t", "ℹ", "eau", "Ice,", "\u212aelvin", "kelvin"}
	var sb strings.Builder
	for line := 0; line < 400; line++ {
		for n := rng.IntN(12); n >= 0; n-- {
			sb.WriteString(lex[rng.IntN(len(lex))])
			sb.WriteString([]string{" ", " ", "  ", "\t", ", "}[rng.IntN(5)])
		}
		sb.WriteString([]string{"\n", "\r\n"}[rng.IntN(2)])
	}
	text := sb.String()
	for _, tok := range []corpus.Tokenizer{corpus.Words, corpus.Whitespace} {
		for _, sym := range []bool{true, false} {
			for _, weighted := range []bool{true, false} {
				name := fmt.Sprintf("%v/sym=%v/weighted=%v", tok, sym, weighted)
				t.Run(name, func(t *testing.T) {
					checkRows(t, text, cooccur.Options{Window: 3, Symmetric: sym, DistanceWeighting: weighted, MinCount: 30, Tokenizer: tok})
				})
			}
		}
	}
}

// checkRows counts text with copt (and its phrase model, if any) and
// checks that, for every vocabulary word w, Find returns its count of
// lines and that their window weights of k sum to X_wk.
func checkRows(t *testing.T, text string, copt cooccur.Options) {
	t.Helper()
	res, err := cooccur.Count(context.Background(), strings.NewReader(text), copt)
	if err != nil {
		t.Fatal(err)
	}
	inVocab := func(w string) bool { _, ok := res.Vocab.ID(w); return ok }
	opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: copt.Tokenizer}, Window: copt.Window, Symmetric: copt.Symmetric,
		DistanceWeighting: copt.DistanceWeighting, InVocab: inVocab, MaxLines: 1 << 20}
	if copt.Phrases != nil {
		opt.Phrases = copt.Phrases.(*phrases.Model)
	}
	for id := int32(0); id < int32(res.Vocab.Len()); id++ {
		w := res.Vocab.Word(id)
		found, err := concord.Find(context.Background(), strings.NewReader(text), w, opt)
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(found.Lines)) != res.Vocab.Count(id) || !found.Complete {
			t.Errorf("%q: %d lines (complete %v), count %d", w, len(found.Lines), found.Complete, res.Vocab.Count(id))
		}
		row := map[string]float64{}
		for _, l := range found.Lines {
			for _, tk := range l.Tokens {
				row[tk.Text] += tk.Weight
			}
		}
		cols, vals := res.Matrix.Row(id)
		if len(cols) != len(nonzero(row)) {
			t.Errorf("%q: %d contexts, X has %d", w, len(nonzero(row)), len(cols))
		}
		for k, c := range cols {
			if got := row[res.Vocab.Word(c)]; math.Abs(got-vals[k]) > 1e-9 {
				t.Errorf("%q, %q: weights sum to %g, X = %g", w, res.Vocab.Word(c), got, vals[k])
			}
		}
	}
}

func nonzero(m map[string]float64) []string {
	var out []string
	for k, v := range m {
		if v != 0 {
			out = append(out, k)
		}
	}
	return out
}

// TestSpecialRunes checks the prefilter's list: every non-ASCII rune that
// NFC or lower-casing turns into ASCII letters must make its line a
// candidate, so that a word written with it is still found.
func TestSpecialRunes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		text, word string
		tok        corpus.Tokenizer
	}{
		{"the \u212aelvin scale\n", "kelvin", corpus.Words},
		{"\u0130ce cold\n", "ice", corpus.Words},
		{"don\u2019t go\n", "don't", corpus.Words},
		{"x \u212aelvin y\n", "Kelvin", corpus.Whitespace},
		{"a;b a\u037eb\n", "a;b", corpus.Whitespace},
		{"ic\re cold\n", "ice", corpus.Whitespace},
		{"\ufeffice\n\ufeffice\n", "ice", corpus.Whitespace}, // only the first line's BOM is skipped
	} {
		opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: tc.tok}, Window: 1, Symmetric: true, MaxLines: 10}
		res, err := concord.Find(context.Background(), strings.NewReader(tc.text), tc.word, opt)
		if err != nil {
			t.Fatal(err)
		}
		var want int
		sc := corpus.NewScannerOptions(strings.NewReader(tc.text), opt.Scan)
		for sc.Scan() {
			if !sc.LineBreak() && string(sc.Token()) == tc.word {
				want++
			}
		}
		if len(res.Lines) != want || want == 0 {
			t.Errorf("%q in %q: %d lines, the tokenizer sees %d", tc.word, tc.text, len(res.Lines), want)
		}
	}
}

// TestBudget checks that Find stops after MaxBytes and says so.
func TestBudget(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("filler words here\n", 200_000) + "ice\n" // 3.6 MB
	// The ASCII path stops at the last whole line within the budget; the
	// general path at the first line end after it, having read ahead at
	// most the tokenizer's buffers.
	for _, tc := range []struct {
		word     string
		min, max int64
	}{{"ice", 1<<20 - 18, 1 << 20}, {"ıce", 1 << 20, 1<<20 + 256<<10}} {
		word := tc.word
		opt := words(concord.Options{Window: 2, MaxBytes: 1 << 20})
		res, err := concord.Find(context.Background(), strings.NewReader(text), word, opt)
		if err != nil {
			t.Fatal(err)
		}
		if res.Complete || len(res.Lines) != 0 || res.Bytes < tc.min || res.Bytes > tc.max {
			t.Errorf("%s: complete %v, %d lines after %d bytes", word, res.Complete, len(res.Lines), res.Bytes)
		}
	}
	res, err := concord.Find(context.Background(), strings.NewReader(text), "ice", words(concord.Options{Window: 2}))
	if err != nil || !res.Complete || len(res.Lines) != 1 || res.Lines[0].Number != 200_001 {
		t.Errorf("without a budget: %+v, %v", res, err)
	}
}

// TestPathsAgree checks that the ASCII fast path and the general path
// (forced by a word the general path must handle) give the same lines on
// text mixing ASCII and other scripts.
func TestPathsAgree(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 9))
	lex := []string{"café", "cafe", "CAFE", "Café", "cafés", "x", "y", "—", "‘cafe’", "naïve", "cafe’s"}
	var sb strings.Builder
	for i := 0; i < 3000; i++ {
		sb.WriteString(lex[rng.IntN(len(lex))])
		sb.WriteString([]string{" ", "\n", ", "}[rng.IntN(3)])
	}
	text := sb.String()
	opt := words(concord.Options{Window: 2, Symmetric: true, DistanceWeighting: true, MaxLines: 1 << 20})
	ascii, err := concord.Find(context.Background(), strings.NewReader(text), "cafe", opt)
	if err != nil {
		t.Fatal(err)
	}
	var want []int64
	sc := corpus.NewScannerOptions(strings.NewReader(text), opt.Scan)
	line := int64(1)
	for sc.Scan() {
		switch {
		case sc.LineBreak():
			line++
		case string(sc.Token()) == "cafe":
			want = append(want, line)
		}
	}
	if len(ascii.Lines) != len(want) || len(want) == 0 {
		t.Fatalf("%d lines, the tokenizer sees %d", len(ascii.Lines), len(want))
	}
	for i, l := range ascii.Lines {
		if l.Number != want[i] {
			t.Fatalf("occurrence %d on line %d, want %d", i, l.Number, want[i])
		}
	}
	general, err := concord.Find(context.Background(), strings.NewReader(text), "café", opt)
	if err != nil || len(general.Lines) == 0 {
		t.Fatalf("café: %v, %d lines", err, len(general.Lines))
	}
}

func TestFindErrors(t *testing.T) {
	t.Parallel()
	ok := words(concord.Options{Window: 2})
	bad := []struct {
		word string
		opt  concord.Options
		want error
	}{
		{"a", words(concord.Options{}), concord.ErrBadOptions},
		{"a", words(concord.Options{Window: 256}), concord.ErrBadOptions},
		{"a", words(concord.Options{Window: 2, MaxLines: -1}), concord.ErrBadOptions},
		{"", ok, concord.ErrNoWord},
	}
	for _, tc := range bad {
		if _, err := concord.Find(context.Background(), strings.NewReader(tiny), tc.word, tc.opt); !errors.Is(err, tc.want) {
			t.Errorf("%q %+v: %v, want %v", tc.word, tc.opt, err, tc.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := concord.Find(ctx, bytes.NewReader([]byte(tiny)), "a", ok); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
