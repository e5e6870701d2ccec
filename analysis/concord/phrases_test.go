package concord_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/concord"
	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// handMade has two phrases a build learns: "new york" (ASCII: the
// prefilter path) and "văn bản" (the full scan), each also seen apart,
// and once split across lines 10 and 11, where no build joins it.
const handMade = `New York is big
văn bản mới
i love new york
new ideas
york minster
mở văn bản
the new york times
văn phòng
bản đồ
cold new
york rain
lưu văn bản cũ
New-York and new_york
new york new york
`

// learnHandMade learns the phrases of handMade as a build does (two
// passes of NPMI above 0.5), with pairs seen at least twice.
func learnHandMade(t *testing.T, tok corpus.Tokenizer) *phrases.Model {
	t.Helper()
	opt := phrases.DefaultOptions()
	opt.MinCount = 2
	opt.Scan = corpus.ScanOptions{Tokenizer: tok}
	model, err := phrases.Learn(context.Background(), strings.NewReader(handMade), opt)
	if err != nil {
		t.Fatal(err)
	}
	return model
}

// TestFindPhrases checks, by hand, the lines of phrase words and of
// their parts when the lines are rewritten with the learned model.
func TestFindPhrases(t *testing.T) {
	t.Parallel()
	tests := []struct {
		tok     corpus.Tokenizer
		learned []string // the phrases learned, best first
		word    string
		want    []int64 // line numbers, once per occurrence
	}{
		// Words: New-York and new_york are new york too (- and _ split).
		{corpus.Words, []string{"văn_bản", "new_york"}, "new_york", []int64{1, 3, 7, 13, 13, 14, 14}},
		{corpus.Words, nil, "văn_bản", []int64{2, 6, 12}},
		{corpus.Words, nil, "new", []int64{4, 10}},
		{corpus.Words, nil, "york", []int64{5, 11}},
		{corpus.Words, nil, "văn", []int64{8}},
		// Whitespace: New York (once) is not learned; the literal
		// new_york token is the phrase's text, found through the
		// prefilter's first part "new".
		{corpus.Whitespace, []string{"văn_bản", "new_york"}, "new_york", []int64{3, 7, 13, 14, 14}},
		{corpus.Whitespace, nil, "văn_bản", []int64{2, 6, 12}},
		{corpus.Whitespace, nil, "new", []int64{4, 10}},
		{corpus.Whitespace, nil, "New", []int64{1}},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%v/%s", tc.tok, tc.word), func(t *testing.T) {
			model := learnHandMade(t, tc.tok)
			if tc.learned != nil {
				var got []string
				for _, p := range model.Phrases() {
					got = append(got, p.Text)
				}
				if !slices.Equal(got, tc.learned) {
					t.Fatalf("learned %q, want %q", got, tc.learned)
				}
			}
			opt := concord.Options{Scan: corpus.ScanOptions{Tokenizer: tc.tok}, Window: 2, Symmetric: true,
				Phrases: model, MaxLines: 100}
			res, err := concord.Find(context.Background(), strings.NewReader(handMade), tc.word, opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, l := range res.Lines {
				got = append(got, l.Number)
				keywords := 0
				for _, tk := range l.Tokens {
					if tk.Role == concord.Keyword {
						keywords++
						if tk.Text != tc.word {
							t.Errorf("line %d: keyword %q", l.Number, tk.Text)
						}
					}
				}
				if keywords != 1 {
					t.Errorf("line %d: %d keywords", l.Number, keywords)
				}
			}
			if !slices.Equal(got, tc.want) || !res.Complete {
				t.Errorf("lines %v (complete %v), want %v", got, res.Complete, tc.want)
			}
			// Without the model a phrase word is not in the text.
			opt.Phrases = nil
			if plain, err := concord.Find(context.Background(), strings.NewReader(handMade), tc.word, opt); err != nil {
				t.Fatal(err)
			} else if tc.tok == corpus.Words && strings.Contains(tc.word, "_") && len(plain.Lines) != 0 {
				t.Errorf("without phrases: %d lines", len(plain.Lines))
			}
		})
	}
	t.Run("window", func(t *testing.T) {
		model := learnHandMade(t, corpus.Words)
		opt := words(concord.Options{Window: 2, Symmetric: true, DistanceWeighting: true, Phrases: model, MaxLines: 1})
		res, err := concord.Find(context.Background(), strings.NewReader(handMade), "new_york", opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Lines) != 1 || show(res.Lines[0]) != "1: (new_york) is[1:1] big[2:0.5]" {
			t.Errorf("got %v", res.Lines)
		}
	})
}

// TestWeightsSumToRowPhrases is TestWeightsSumToRow for a build with
// phrases: the model is learned from random text in which a few pairs
// (and one triple, for a second pass) always stand together, and the
// text is counted through it.
func TestWeightsSumToRowPhrases(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(17, 3))
	lex := []string{"the", "ice", "steam", "New York", "new", "york", "văn bản", "văn", "cơ sở dữ liệu",
		"solid", "gas", "water", "rare1", "ice cream", "don't", "Don’t"}
	var sb strings.Builder
	for line := 0; line < 500; line++ {
		for n := rng.IntN(12); n >= 0; n-- {
			sb.WriteString(lex[rng.IntN(len(lex))])
			sb.WriteString([]string{" ", " ", "  ", "\t"}[rng.IntN(4)])
		}
		sb.WriteString([]string{"\n", "\r\n"}[rng.IntN(2)])
	}
	text := sb.String()
	for _, tok := range []corpus.Tokenizer{corpus.Words, corpus.Whitespace} {
		popt := phrases.DefaultOptions()
		popt.MinCount = 10
		popt.Scan = corpus.ScanOptions{Tokenizer: tok}
		model, err := phrases.Learn(context.Background(), strings.NewReader(text), popt)
		if err != nil {
			t.Fatal(err)
		}
		var learned []string
		for _, p := range model.Phrases() {
			learned = append(learned, p.Text)
		}
		for _, want := range []string{"văn_bản", "ice_cream", "cơ_sở_dữ_liệu"} {
			if !slices.Contains(learned, want) {
				t.Fatalf("%v: learned %q, want %q among them", tok, learned, want)
			}
		}
		for _, sym := range []bool{true, false} {
			for _, weighted := range []bool{true, false} {
				t.Run(fmt.Sprintf("%v/sym=%v/weighted=%v", tok, sym, weighted), func(t *testing.T) {
					checkRows(t, text, cooccur.Options{Window: 3, Symmetric: sym, DistanceWeighting: weighted,
						MinCount: 20, Tokenizer: tok, Phrases: model})
				})
			}
		}
	}
}
