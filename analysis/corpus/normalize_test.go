package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/unicode/norm"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// scanWith returns the tokens of text ("\n" for line breaks) and the
// stats, read through one-byte reads when oneByte is set, so that every
// buffer boundary of the normalizer is exercised.
func scanWith(t *testing.T, text string, opt ScanOptions, oneByte bool) ([]string, Stats) {
	t.Helper()
	var r io.Reader = strings.NewReader(text)
	if oneByte {
		r = iotest.OneByteReader(r)
	}
	sc := NewScannerOptions(r, opt)
	var got []string
	for sc.Scan() {
		if sc.LineBreak() {
			got = append(got, "\n")
			continue
		}
		got = append(got, string(sc.Token()))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return got, sc.Stats()
}

func TestNormalizationNFC(t *testing.T) {
	nfd := norm.NFD.String
	long := strings.Repeat("x", normBufSize+17) + " " + nfd("Việt") + "\n" // a line longer than the buffer
	tests := []struct {
		name        string
		in          string
		want        []string
		wantChanged int64
	}{
		{"ascii", "The cat\nsat.", []string{"the", "cat", "\n", "sat"}, 0},
		{"nfc stays", "Hà Nội\nnước đá", []string{"hà", "nội", "\n", "nước", "đá"}, 0},
		{"nfd composed", nfd("Hà Nội") + "\nabc\n" + nfd("nước đá"), []string{"hà", "nội", "\n", "abc", "\n", "nước", "đá"}, 2},
		{"mixed on one line", "Hà " + nfd("Hà"), []string{"hà", "hà"}, 1},
		{"long line", long, []string{strings.Repeat("x", MaxTokenBytes), "việt", "\n"}, 1},
		{"invalid utf-8 kept as separator", "a\xff" + nfd("é") + "\n", []string{"a", "é", "\n"}, 1},
	}
	for _, tt := range tests {
		for _, oneByte := range []bool{false, true} {
			got, st := scanWith(t, tt.in, ScanOptions{Tokenizer: Words}, oneByte)
			if !slices.Equal(got, tt.want) {
				if len(got) > 8 || len(tt.want) > 8 {
					t.Errorf("%s (one-byte reads %v): %d tokens, want %d", tt.name, oneByte, len(got), len(tt.want))
				} else {
					t.Errorf("%s (one-byte reads %v): got %q, want %q", tt.name, oneByte, got, tt.want)
				}
			}
			if st.NormalizedLines != tt.wantChanged {
				t.Errorf("%s (one-byte reads %v): %d lines changed, want %d", tt.name, oneByte, st.NormalizedLines, tt.wantChanged)
			}
			if st.Bytes != int64(len(tt.in)) {
				t.Errorf("%s: Bytes %d, want the raw length %d", tt.name, st.Bytes, len(tt.in))
			}
		}
	}
}

func TestNormalizationNone(t *testing.T) {
	in := norm.NFD.String("Hà") + " Hà"
	got, st := scanWith(t, in, ScanOptions{Tokenizer: Whitespace, Normalization: NoNormalization}, false)
	if want := []string{norm.NFD.String("Hà"), "Hà"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if st.NormalizedLines != 0 {
		t.Errorf("%d lines changed without normalisation", st.NormalizedLines)
	}
}

func TestToneMarks(t *testing.T) {
	// Each row: the old-style and new-style spelling of one syllable
	// (or of a word that both conventions spell alike).
	tests := []struct{ old, new string }{
		{"hòa", "hoà"},
		{"hóa", "hoá"},
		{"khỏe", "khoẻ"},
		{"thủy", "thuỷ"},
		{"ủy", "uỷ"},
		{"lũy", "luỹ"},
		{"xõa", "xoã"},
		{"Hòa", "Hoà"},
		{"HÒA", "HOÀ"},
		{"tọa", "toạ"},
		// alike in both: a consonant or vowel after the cluster, qu-, no tone
		{"hoàn", "hoàn"},
		{"ngoài", "ngoài"},
		{"quý", "quý"},
		{"quà", "quà"},
		{"hoa", "hoa"},
		{"thuyền", "thuyền"},
	}
	for _, tt := range tests {
		for _, style := range []ToneMarks{OldToneMarks, NewToneMarks} {
			want := tt.new
			if style == OldToneMarks {
				want = tt.old
			}
			for _, in := range []string{tt.old, tt.new, norm.NFD.String(tt.old), norm.NFD.String(tt.new)} {
				got, _ := scanWith(t, in+", x", ScanOptions{Tokenizer: Whitespace, ToneMarks: style}, false)
				if len(got) != 2 || got[0] != want+"," {
					t.Errorf("%v: %q gives %q, want %q", style, in, got, want+",")
				}
			}
		}
	}
	// Kept by default.
	if got, _ := scanWith(t, "hòa hoà", ScanOptions{Tokenizer: Words}, false); !slices.Equal(got, []string{"hòa", "hoà"}) {
		t.Errorf("default: got %q, want both spellings kept", got)
	}
}

func TestToneMarksCountsLines(t *testing.T) {
	_, st := scanWith(t, "hòa bình\nhoà bình\nabc\n", ScanOptions{Tokenizer: Words, ToneMarks: NewToneMarks}, true)
	if st.NormalizedLines != 1 {
		t.Errorf("%d lines changed, want 1", st.NormalizedLines)
	}
}

// readViCorpus returns the decoded Vietnamese demo corpus.
func readViCorpus(t testing.TB) []byte {
	t.Helper()
	f, err := os.Open(testkit.Shipped(t, testkit.VietnameseCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// TestNFDCorpusSameVocabulary decomposes the Vietnamese corpus and checks
// that both forms give the same vocabulary, and that without
// normalisation they would not.
func TestNFDCorpusSameVocabulary(t *testing.T) {
	nfc := norm.NFC.Bytes(readViCorpus(t))
	nfd := norm.NFD.Bytes(nfc)
	count := func(text []byte, n Normalization) (*Vocabulary, Stats) {
		v, st, err := CountWords(context.Background(), bytes.NewReader(text), EncodeOptions{Normalization: n})
		if err != nil {
			t.Fatal(err)
		}
		return v, st
	}
	a, stA := count(nfc, NFC)
	b, stB := count(nfd, NFC)
	if !slices.Equal(a.Words(), b.Words()) || !slices.Equal(a.Counts(), b.Counts()) {
		t.Fatalf("NFC corpus: %d types, NFD corpus: %d types; want the same vocabulary", a.Len(), b.Len())
	}
	if stA.NormalizedLines != 0 {
		t.Errorf("NFC corpus: %d lines changed, want 0", stA.NormalizedLines)
	}
	if stB.NormalizedLines == 0 || stB.NormalizedLines > stB.Lines+1 {
		t.Errorf("NFD corpus: %d lines changed of %d", stB.NormalizedLines, stB.Lines)
	}
	raw, _ := count(nfd, NoNormalization)
	if raw.Len() == a.Len() && slices.Equal(raw.Words(), a.Words()) {
		t.Errorf("without normalisation the NFD corpus gives the same vocabulary: the test proves nothing")
	}
}

// FuzzNormalizer checks that the streaming normalizer, read one byte at a
// time, produces exactly norm.NFC of its input.
func FuzzNormalizer(f *testing.F) {
	for _, s := range []string{"", "a\n", "hòa hoà thuỷ ủy quý, Khỏe\n", "Vie\u0323\u0302t\nx", "e\u0301\u0301", "\xff\u0301a", "a\u0301\n\u0301b", strings.Repeat("a\u0301", 40000)} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := io.ReadAll(iotest.OneByteReader(newNormalizer(iotest.HalfReader(bytes.NewReader(in)), ScanOptions{})))
		if err != nil {
			t.Fatal(err)
		}
		if want := norm.NFC.Bytes(in); !bytes.Equal(got, want) {
			t.Fatalf("normalizer gives %q, norm.NFC %q", got, want)
		}
		// Tone marks: each style is idempotent, and old and new are
		// inverses on what they rewrite.
		apply := func(p []byte, tm ToneMarks) []byte {
			out, err := io.ReadAll(newNormalizer(bytes.NewReader(p), ScanOptions{ToneMarks: tm}))
			if err != nil {
				t.Fatal(err)
			}
			return out
		}
		oldStyle, newStyle := apply(in, OldToneMarks), apply(in, NewToneMarks)
		if again := apply(oldStyle, OldToneMarks); !bytes.Equal(again, oldStyle) {
			t.Fatalf("old style not idempotent: %q then %q", oldStyle, again)
		}
		if again := apply(newStyle, NewToneMarks); !bytes.Equal(again, newStyle) {
			t.Fatalf("new style not idempotent: %q then %q", newStyle, again)
		}
		if back := apply(newStyle, OldToneMarks); !bytes.Equal(back, oldStyle) {
			t.Fatalf("new then old gives %q, old alone %q", back, oldStyle)
		}
	})
}

// BenchmarkScanBenchProse tokenizes bench-prose (Words) with and without
// NFC normalisation: the cost of the normaliser on mostly ASCII text.
func BenchmarkScanBenchProse(b *testing.B) {
	f, err := os.Open(testkit.Shared(b, "corpora/bench-prose.txt.gz", "measures NFC normalisation on 36 MB of English prose"))
	if err != nil {
		b.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []Normalization{NoNormalization, NFC} {
		b.Run(n.String(), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				sc := NewScannerOptions(bytes.NewReader(text), ScanOptions{Tokenizer: Words, Normalization: n})
				for sc.Scan() {
				}
				if sc.Err() != nil {
					b.Fatal(sc.Err())
				}
			}
		})
	}
}

// TestToneMarksCorpus: the Vietnamese corpus writes "hoá" (new style)
// and "hóa" (old style) both; with NewToneMarks they are one type whose
// count is the sum, and the same for OldToneMarks the other way round.
func TestToneMarksCorpus(t *testing.T) {
	text := readViCorpus(t)
	count := func(tm ToneMarks) *Vocabulary {
		v, _, err := CountWords(context.Background(), bytes.NewReader(text), EncodeOptions{ToneMarks: tm})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	countOf := func(v *Vocabulary, w string) int64 {
		if id, ok := v.ID(w); ok {
			return v.Count(id)
		}
		return 0
	}
	kept := count(KeepToneMarks)
	for _, pair := range [][2]string{{"hóa", "hoá"}, {"hòa", "hoà"}, {"thủy", "thuỷ"}, {"ủy", "uỷ"}} {
		old, new := pair[0], pair[1]
		sum := countOf(kept, old) + countOf(kept, new)
		if sum == 0 {
			continue
		}
		for _, tt := range []struct {
			tm         ToneMarks
			want, gone string
		}{{NewToneMarks, new, old}, {OldToneMarks, old, new}} {
			v := count(tt.tm)
			if got := countOf(v, tt.want); got != sum || countOf(v, tt.gone) != 0 {
				t.Errorf("%v: %s %d and %s %d, want %d and 0", tt.tm, tt.want, got, tt.gone, countOf(v, tt.gone), sum)
			}
		}
	}
	if countOf(kept, "hóa") == 0 || countOf(kept, "hoá") == 0 {
		t.Errorf("the corpus no longer mixes hóa and hoá: the test proves less than it says")
	}
}
