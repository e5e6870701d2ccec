package corpus

import (
	"os"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// TestWordsOnVietnamese tokenizes the shipped Vietnamese corpus (10,948
// paragraphs of the LibreOffice help, a few of them in decomposed NFD
// form) with the Words tokenizer: every line is seen, no byte is invalid,
// the syllable count is the one SOURCES.md gives (about 240 k), tone and
// vowel marks stay on their letter — a combining mark never starts a
// token, and the NFD lines do yield tokens holding combining marks — and
// common syllables are found lower-cased.
func TestWordsOnVietnamese(t *testing.T) {
	t.Parallel()
	f, err := os.Open(testkit.Shipped(t, testkit.VietnameseCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text, err := NewReader(f, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sc := NewScanner(text, Words)
	counts := map[string]int{}
	withMark := 0
	for sc.Scan() {
		if sc.LineBreak() {
			continue
		}
		tok := sc.Token()
		first, _ := utf8.DecodeRune(tok)
		if !utf8.Valid(tok) || unicode.Is(unicode.Mn, first) {
			t.Fatalf("token %q: invalid UTF-8 or starts with a combining mark", tok)
		}
		for _, r := range string(tok) {
			if unicode.Is(unicode.Mn, r) {
				withMark++
				break
			}
		}
		counts[string(tok)]++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	st := sc.Stats()
	if st.Lines != 10948 || st.InvalidUTF8 != 0 {
		t.Errorf("lines %d, invalid bytes %d; want 10948, 0", st.Lines, st.InvalidUTF8)
	}
	if st.Tokens < 200_000 || st.Tokens > 280_000 {
		t.Errorf("%d tokens, want about 240 k syllables", st.Tokens)
	}
	if withMark == 0 {
		t.Error("no token holds a combining mark: the NFD lines were not exercised")
	}
	for _, w := range []string{"văn", "bản", "trang", "tính", "các"} {
		if counts[w] < 50 {
			t.Errorf("%q counted %d times, want a common syllable", w, counts[w])
		}
	}
	t.Logf("%d tokens, %d types, %d tokens with combining marks", st.Tokens, len(counts), withMark)
}
