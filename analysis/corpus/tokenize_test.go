package corpus

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// scanAll returns the tokens of text with "\n" standing for line breaks
// (default text options: NFC).
func scanAll(t *testing.T, text string, mode Tokenizer) ([]string, Stats) {
	t.Helper()
	return scanWith(t, text, ScanOptions{Tokenizer: mode}, false)
}

func TestScannerWords(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"punctuation dropped, lower-cased", "The Cat, sat. On  the MAT!", []string{"the", "cat", "sat", "on", "the", "mat"}},
		{"inner apostrophes kept", "don't 'quoted' rock'n'roll o'", []string{"don't", "quoted", "rock'n'roll", "o"}},
		{"curly apostrophe normalised", "don\u2019t l\u2019\u00e9t\u00e9", []string{"don't", "l'été"}},
		{"digits are words", "in 2014, 3.5 GB", []string{"in", "2014", "3", "5", "gb"}},
		{"french", "L'été est là, ÇA VA?", []string{"l'été", "est", "là", "ça", "va"}},
		{"german", "Die Straße ÜBER Äpfel", []string{"die", "straße", "über", "äpfel"}},
		{"vietnamese precomposed", "Tiếng Việt rất hay", []string{"tiếng", "việt", "rất", "hay"}},
		// Decomposed input is composed (NFC by default): one type with "việt".
		{"vietnamese combining marks", "Vie\u0323\u0302t", []string{"vi\u1ec7t"}},
		{"greek and cyrillic", "Λόγος Слово", []string{"λόγος", "слово"}},
		{"line breaks", "a b\nc\n\nd", []string{"a", "b", "\n", "c", "\n", "\n", "d"}},
		{"CRLF", "a b\r\nc\r\n", []string{"a", "b", "\n", "c", "\n"}},
		{"BOM skipped", "\ufeffHello world", []string{"hello", "world"}},
		{"hyphen splits", "well-known co-op", []string{"well", "known", "co", "op"}},
		{"symbols and emoji separate", "a+b=c 😀 d", []string{"a", "b", "c", "d"}},
		{"only punctuation", "... !!! ,,,", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := scanAll(t, tt.in, Words)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScannerWhitespace(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"case and punctuation kept", "The Cat , sat.", []string{"The", "Cat", ",", "sat."}},
		{"tabs and spaces", "a\t\tb  c", []string{"a", "b", "c"}},
		{"carriage returns ignored everywhere", "a\rb c\r\nd", []string{"ab", "c", "\n", "d"}},
		{"line breaks", "a\n\nb\n", []string{"a", "\n", "\n", "b", "\n"}},
		{"BOM skipped", "\ufeffa b", []string{"a", "b"}},
		{"invalid UTF-8 kept", "a\xffb c", []string{"a\xffb", "c"}},
		{"NUL separates", "a\x00b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := scanAll(t, tt.in, Whitespace)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestScannerBOMAnyReadSize: a leading byte-order mark is skipped however
// the reader splits the first bytes (a pipe or a decompressor may hand
// over one byte at a time), and U+FEFF further on is left alone.
func TestScannerBOMAnyReadSize(t *testing.T) {
	readers := []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{
		{"whole", func(r io.Reader) io.Reader { return r }},
		{"one byte", iotest.OneByteReader},
		{"half", iotest.HalfReader},
	}
	tests := []struct {
		name string
		mode Tokenizer
		in   string
		want []string
	}{
		{"words: BOM", Words, "\ufeffIce steam\n", []string{"ice", "steam", "\n"}},
		{"whitespace: BOM", Whitespace, "\ufeffIce steam\n", []string{"Ice", "steam", "\n"}},
		{"words: only a BOM", Words, "\ufeff", nil},
		{"whitespace: only a BOM", Whitespace, "\ufeff", nil},
		{"whitespace: BOM before a line break", Whitespace, "\ufeff\nab", []string{"\n", "ab"}},
		// Two of its three bytes are no BOM: kept as they are.
		{"whitespace: a cut BOM", Whitespace, "\xef\xbb", []string{"\xef\xbb"}},
		{"whitespace: U+FEFF after the start is kept", Whitespace, "a \ufeffb", []string{"a", "\ufeffb"}},
		{"whitespace: BOM, then U+FEFF", Whitespace, "\ufeff\ufeffb", []string{"\ufeffb"}},
	}
	for _, rd := range readers {
		for _, tt := range tests {
			t.Run(rd.name+"/"+tt.name, func(t *testing.T) {
				sc := NewScanner(rd.wrap(strings.NewReader(tt.in)), tt.mode)
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
				if !slices.Equal(got, tt.want) {
					t.Errorf("got %q, want %q", got, tt.want)
				}
				if b := sc.Stats().Bytes; b != int64(len(tt.in)) {
					t.Errorf("Stats().Bytes = %d, want %d", b, len(tt.in))
				}
			})
		}
	}
}

func TestScannerInvalidUTF8Words(t *testing.T) {
	got, st := scanAll(t, "ab\xffcd \xc3 ef", Words)
	want := []string{"ab", "cd", "ef"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if st.InvalidUTF8 != 2 {
		t.Errorf("InvalidUTF8 = %d, want 2", st.InvalidUTF8)
	}
}

func TestScannerLongTokensAndLines(t *testing.T) {
	for _, mode := range []Tokenizer{Words, Whitespace} {
		t.Run(mode.String(), func(t *testing.T) {
			// A 3 MiB line: one 1.5 MiB token and many short ones.
			var b bytes.Buffer
			b.WriteString(strings.Repeat("a", 3<<19))
			for b.Len() < 3<<20 {
				b.WriteString(" xy")
			}
			b.WriteString("\nend")
			got, st := scanAll(t, b.String(), mode)
			if len(got[0]) != MaxTokenBytes {
				t.Errorf("first token has %d bytes, want %d", len(got[0]), MaxTokenBytes)
			}
			if st.Truncated != 1 {
				t.Errorf("Truncated = %d, want 1", st.Truncated)
			}
			if got[1] != "xy" || got[len(got)-2] != "\n" || got[len(got)-1] != "end" {
				t.Errorf("tokens after the long one: %q ... %q", got[1], got[len(got)-2:])
			}
		})
	}
}

func TestScannerTruncationKeepsUTF8Whole(t *testing.T) {
	// 998 ASCII bytes then "é" (2 bytes): the cut at 999 would split it.
	in := strings.Repeat("a", 998) + "éé"
	for _, mode := range []Tokenizer{Words, Whitespace} {
		got, _ := scanAll(t, in, mode)
		if len(got) != 1 || got[0] != strings.Repeat("a", 998) {
			t.Errorf("%v: got %d tokens, first of %d bytes; want the 998 ASCII bytes only", mode, len(got), len(got[0]))
		}
	}
}

func TestParseTokenizer(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want Tokenizer
		ok   bool
	}{{"words", Words, true}, {"whitespace", Whitespace, true}, {"", Words, true}, {"chars", 0, false}} {
		got, err := ParseTokenizer(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseTokenizer(%q) = %v, %v", tt.in, got, err)
		}
	}
}
