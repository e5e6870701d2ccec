package cooccur

import (
	"context"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/phrases"
)

// TestCountWithPhrases: a phrase model set in Options joins its pairs
// before counting: the joined token is a word of the vocabulary, its
// parts lose those occurrences, and the window counts it as one position.
func TestCountWithPhrases(t *testing.T) {
	model, err := phrases.NewModel([]phrases.Phrase{{Text: "new_york", Left: "new", Right: "york", Count: 2, Score: 0.9, Pass: 1}})
	if err != nil {
		t.Fatal(err)
	}
	opt := DefaultOptions()
	opt.MinCount, opt.Window, opt.DistanceWeighting = 1, 1, false
	opt.Phrases = model
	res, err := Count(context.Background(), strings.NewReader("I love New York\nnew york city\nnew car"), opt)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int64{}
	for i, w := range res.Vocab.Words() {
		counts[w] = res.Vocab.Count(int32(i))
	}
	for w, want := range map[string]int64{"new_york": 2, "new": 1, "york": 0, "love": 1, "city": 1, "car": 1, "i": 1} {
		if counts[w] != want {
			t.Errorf("count(%s) = %d, want %d", w, counts[w], want)
		}
	}
	id := func(w string) int32 {
		i, ok := res.Vocab.ID(w)
		if !ok {
			t.Fatalf("%s not in the vocabulary", w)
		}
		return i
	}
	// With window 1, new_york is next to love and to city.
	for _, w := range []string{"love", "city"} {
		if x := res.Matrix.At(id("new_york"), id(w)); x != 1 {
			t.Errorf("X(new_york, %s) = %g, want 1", w, x)
		}
	}
	if res.Stats.JoinedPairs != 2 || res.Stats.Tokens != 7 { // 9 tokens read, 2 pairs joined
		t.Errorf("stats: %d joined, %d tokens; want 2 and 7", res.Stats.JoinedPairs, res.Stats.Tokens)
	}
}
