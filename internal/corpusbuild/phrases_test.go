package corpusbuild

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestBuildWithPhrasesVietnamese builds the shipped Vietnamese corpus with
// phrases on: common compounds are vocabulary words, the phrase list is
// saved and loaded back, and rebuilding by syllables removes it.
func TestBuildWithPhrasesVietnamese(t *testing.T) {
	src := testkit.Shipped(t, testkit.VietnameseCorpus)
	out := filepath.Join(t.TempDir(), "build")
	s := DefaultSettings()
	s.Tokens = TokensPhrases
	var last float64
	sum, err := Build(context.Background(), src, out, s, Budget{}, func(f float64, msg string) {
		if f < last || f > 1 {
			t.Errorf("progress went from %g to %g (%s)", last, f, msg)
		}
		last = f
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Phrases == 0 || sum.JoinedPairs == 0 || sum.NormalizedLines == 0 {
		t.Errorf("summary: %d phrases, %d joined pairs, %d normalised lines; want all > 0 (the corpus holds NFD lines)",
			sum.Phrases, sum.JoinedPairs, sum.NormalizedLines)
	}
	l, err := Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if l.Phrases.Len() != sum.Phrases {
		t.Errorf("loaded %d phrases, summary says %d", l.Phrases.Len(), sum.Phrases)
	}
	for _, w := range []string{"văn_bản", "giá_trị", "cơ_sở_dữ_liệu", "bảng_tính"} {
		if _, ok := l.Vocab.ID(w); !ok {
			t.Errorf("%q is not a vocabulary word after a phrases build", w)
		}
	}
	// Joined syllables are counted once: "văn" alone is far rarer than
	// before (it occurs mostly inside văn_bản).
	plain, err := Build(context.Background(), src, filepath.Join(t.TempDir(), "plain"), DefaultSettings(), Budget{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plain.Tokens <= sum.Tokens || plain.Tokens-sum.Tokens != sum.JoinedPairs {
		t.Errorf("tokens: %d by syllables, %d with phrases, %d joins; want the difference to equal the joins", plain.Tokens, sum.Tokens, sum.JoinedPairs)
	}
	if plain.NormalizedLines != sum.NormalizedLines {
		t.Errorf("normalised lines: %d by syllables, %d with phrases", plain.NormalizedLines, sum.NormalizedLines)
	}
	// A rebuild by syllables in the same directory leaves no phrase list.
	if _, err := Build(context.Background(), src, out, DefaultSettings(), Budget{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, PhrasesFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("phrases.tsv after a rebuild by syllables: %v", err)
	}
	if m, err := ReadPhrases(out); err != nil || m != nil {
		t.Errorf("ReadPhrases after a syllables build = %v, %v; want nil, nil", m, err)
	}
}

func TestBuildBadPhraseSettings(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "c.txt")
	// Random lines over 40 filler words, each with "new york", "new" or
	// "york" at a random place: only new york co-occurs more than chance.
	rng := rand.New(rand.NewPCG(1, 2))
	var text strings.Builder
	for range 400 {
		n := 3 + rng.IntN(8)
		at := rng.IntN(n)
		for k := range n {
			if k == at {
				text.WriteString([]string{"new york ", "new york ", "new ", "york "}[rng.IntN(4)])
			}
			fmt.Fprintf(&text, "w%d ", rng.IntN(40))
		}
		text.WriteString("\n")
	}
	os.WriteFile(src, []byte(text.String()), 0o644)
	for _, tt := range []struct {
		name string
		edit func(*Settings)
	}{
		{"tokens", func(s *Settings) { s.Tokens = "letters" }},
		{"passes", func(s *Settings) { s.PhrasePasses = 0 }},
		{"min count", func(s *Settings) { s.PhraseMinCount = 0 }},
		{"threshold", func(s *Settings) { s.PhraseThreshold = 2 }},
	} {
		s := DefaultSettings()
		s.Tokens = TokensPhrases
		tt.edit(&s)
		if _, err := Build(context.Background(), src, filepath.Join(dir, "b"), s, Budget{}, nil); !errors.Is(err, ErrBadPhraseSettings) {
			t.Errorf("%s: err = %v, want ErrBadPhraseSettings", tt.name, err)
		}
	}
	s := DefaultSettings()
	s.Tokens = TokensPhrases
	sum, err := Build(context.Background(), src, filepath.Join(dir, "ok"), s, Budget{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	l, err := Load(filepath.Join(dir, "ok"))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Phrases.Phrases(); sum.Phrases != 1 || len(got) != 1 || got[0].Text != "new_york" || got[0].Count < 150 {
		t.Errorf("learned %+v, want new_york (about 200 times) alone", got)
	}
	for _, w := range []string{"new_york", "new", "york"} {
		if _, ok := l.Vocab.ID(w); !ok {
			t.Errorf("%s is not in the vocabulary %v", w, l.Vocab.Words())
		}
	}
}
