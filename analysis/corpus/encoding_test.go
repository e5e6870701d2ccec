package corpus_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

func TestCheckNamesTheLikelyEncoding(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		wantErr    error
		wantLine   int64
		wantByte   byte
		wantLikely corpus.Encoding
		wantIconv  string
	}{
		{"Windows-1252 apostrophe", "it is fine\nit\x92s a \x93quote\x94 \x96 here\n", corpus.ErrInvalidUTF8, 2, 0x92, corpus.EncodingWindows1252, "iconv -f WINDOWS-1252 -t UTF-8"},
		{"Windows-1252 punctuation after a Latin-1 letter", "caf\xe9 \x85\n", corpus.ErrInvalidUTF8, 1, 0xe9, corpus.EncodingWindows1252, "iconv -f WINDOWS-1252 -t UTF-8"},
		{"Latin-1 letters only", "na\xefve caf\xe9\nGr\xfc\xdfe\n", corpus.ErrInvalidUTF8, 1, 0xef, corpus.EncodingLatin1, "iconv -f LATIN1 -t UTF-8"},
		{"a byte Windows-1252 does not assign", "a\x81b\n", corpus.ErrInvalidUTF8, 1, 0x81, corpus.EncodingUnknown, ""},
		{"UTF-16LE without a byte-order mark", "h\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00\n\x00", corpus.ErrUTF16, 1, 0, corpus.EncodingUTF16LE, "iconv -f UTF-16LE -t UTF-8"},
		{"UTF-16BE without a byte-order mark", "\x00h\x00e\x00l\x00l\x00o\x00 \x00w\x00o\x00r\x00l\x00d\x00\n", corpus.ErrUTF16, 1, 0, corpus.EncodingUTF16BE, "iconv -f UTF-16BE -t UTF-8"},
	}
	for _, tt := range tests {
		err := corpus.Check(strings.NewReader(tt.text), corpus.ReadOptions{})
		var te *corpus.TextError
		if !errors.Is(err, tt.wantErr) || !errors.As(err, &te) {
			t.Errorf("%s: %v, want a *TextError wrapping %v", tt.name, err, tt.wantErr)
			continue
		}
		if te.Line != tt.wantLine || te.Byte != tt.wantByte || te.Likely != tt.wantLikely {
			t.Errorf("%s: line %d byte 0x%02X likely %v; want line %d byte 0x%02X likely %v",
				tt.name, te.Line, te.Byte, te.Likely, tt.wantLine, tt.wantByte, tt.wantLikely)
		}
		if got := te.Likely.Iconv(); got != tt.wantIconv {
			t.Errorf("%s: Iconv() = %q, want %q", tt.name, got, tt.wantIconv)
		}
	}
}

func TestCheckReplacingCountsInvalidBytes(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    int64
		wantErr error
	}{
		{"valid UTF-8", "naïve café\n", 0, nil},
		{"three invalid bytes", "it\x92s a \x93quote\x94\n", 3, nil},
		{"a cut sequence counts each byte", "caf\xc3 ok \xe2\x80\n", 3, nil},
		{"NUL is still refused", "a\x00b c\n", 0, corpus.ErrBinary},
		{"no letters is still refused", "\x92\x93 !!\n", 2, corpus.ErrEmptyCorpus},
	}
	for _, tt := range tests {
		got, err := corpus.CheckReplacing(strings.NewReader(tt.text), corpus.ReadOptions{})
		if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.wantErr)
		}
		if tt.wantErr == nil && got != tt.want {
			t.Errorf("%s: %d invalid bytes, want %d", tt.name, got, tt.want)
		}
	}
}

// TestCheckReplacingMatchesTheTokenizer checks that the count a user is
// promised at upload is the one the build reports: the tokenizer's
// Stats.InvalidUTF8.
func TestCheckReplacingMatchesTheTokenizer(t *testing.T) {
	text := "it\x92s a \x93quote\x94, caf\xc3 ok \xe2\x80 and na\xefve\n"
	n, err := corpus.CheckReplacing(strings.NewReader(text), corpus.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sc := corpus.NewScanner(strings.NewReader(text), corpus.Words)
	for sc.Scan() {
	}
	if got := sc.Stats().InvalidUTF8; got != n {
		t.Errorf("tokenizer replaced %d bytes, CheckReplacing counted %d", got, n)
	}
}
