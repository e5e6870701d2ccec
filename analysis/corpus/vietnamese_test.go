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
	// Without normalisation the decomposed (NFD) lines reach the
	// tokenizer as they are; the default NFC scan is checked below.
	sc := NewScannerOptions(text, ScanOptions{Tokenizer: Words, Normalization: NoNormalization})
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

	// With the default NFC normalisation no token keeps a combining mark,
	// the changed lines are counted, and there are fewer types.
	f2, err := os.Open(testkit.Shipped(t, testkit.VietnameseCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	text2, err := NewReader(f2, ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	nfc := NewScanner(text2, Words)
	types := map[string]bool{}
	for nfc.Scan() {
		if nfc.LineBreak() {
			continue
		}
		for _, r := range string(nfc.Token()) {
			if unicode.Is(unicode.Mn, r) {
				t.Fatalf("NFC scan: token %q keeps a combining mark", nfc.Token())
			}
		}
		types[string(nfc.Token())] = true
	}
	if nfc.Stats().NormalizedLines == 0 || len(types) >= len(counts) {
		t.Errorf("NFC scan: %d lines normalised, %d types (%d without); want some lines and fewer types",
			nfc.Stats().NormalizedLines, len(types), len(counts))
	}
}
