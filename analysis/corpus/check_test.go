package corpus_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

func gzipped(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCheck(t *testing.T) {
	// A run of 'é' (2 bytes each) that puts a rune across the 1 MiB read
	// boundary: Check must not take the cut for invalid UTF-8.
	straddle := "a" + strings.Repeat("é", 1<<19) + "\n"
	// Past the first 1 MiB buffer (and past NewReader's 64 KiB sniff),
	// so the later chunks' offsets are checked too.
	far := strings.Repeat("word ", 1<<18) + "\n"
	gz := gzipped(t, "the cat\nsat\n")
	tests := []struct {
		name     string
		in       []byte
		opt      corpus.ReadOptions
		want     error // nil, or the sentinel err must wrap
		wantText *corpus.TextError
	}{
		{"plain text", []byte("the cat sat\non the mat\n"), corpus.ReadOptions{}, nil, nil},
		{"digits only", []byte("1 2 3"), corpus.ReadOptions{}, nil, nil},
		{"gzip", gz, corpus.ReadOptions{}, nil, nil},
		{"rune across the read boundary", []byte(straddle), corpus.ReadOptions{}, nil, nil},
		{"no letter or digit", []byte("... !!! ---\n\n"), corpus.ReadOptions{}, corpus.ErrEmptyCorpus, nil},
		{"empty", nil, corpus.ReadOptions{}, corpus.ErrEmptyCorpus, nil},
		{"Latin-1 byte on line 3", []byte("ok\nfine\ncaf\xe9\n"), corpus.ReadOptions{}, corpus.ErrInvalidUTF8,
			&corpus.TextError{Err: corpus.ErrInvalidUTF8, Line: 3, Offset: 11, Byte: 0xe9, Likely: corpus.EncodingLatin1}},
		{"truncated sequence at the end", []byte("ab\xc3"), corpus.ReadOptions{}, corpus.ErrInvalidUTF8,
			&corpus.TextError{Err: corpus.ErrInvalidUTF8, Line: 1, Offset: 2, Byte: 0xc3, Likely: corpus.EncodingLatin1}},
		{"invalid byte after the first buffer", []byte(far + "x\x92y\n"), corpus.ReadOptions{}, corpus.ErrInvalidUTF8,
			&corpus.TextError{Err: corpus.ErrInvalidUTF8, Line: 2, Offset: int64(len(far)) + 1, Byte: 0x92, Likely: corpus.EncodingWindows1252}},
		{"NUL after the sniffed prefix", []byte(far + "a\x00b\n"), corpus.ReadOptions{}, corpus.ErrBinary,
			&corpus.TextError{Err: corpus.ErrBinary, Line: 2, Offset: int64(len(far)) + 1}},
		{"NUL in the sniffed prefix", []byte("a\x00b"), corpus.ReadOptions{}, corpus.ErrBinary, nil},
		{"UTF-16", []byte("\xff\xfeh\x00i\x00"), corpus.ReadOptions{}, corpus.ErrUTF16, nil},
		{"damaged gzip", gz[:len(gz)-6], corpus.ReadOptions{}, corpus.ErrCorruptGzip, nil},
		{"over the size limit", []byte(strings.Repeat("word ", 100)), corpus.ReadOptions{MaxBytes: 100}, corpus.ErrTooLarge, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := corpus.Check(bytes.NewReader(tc.in), tc.opt)
			if tc.want == nil {
				if err != nil {
					t.Fatalf("Check = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("Check = %v, want it to wrap %v", err, tc.want)
			}
			if tc.wantText == nil {
				return
			}
			var got *corpus.TextError
			if !errors.As(err, &got) {
				t.Fatalf("Check = %v, want a *TextError", err)
			}
			if *got != *tc.wantText {
				t.Errorf("got %+v, want %+v", *got, *tc.wantText)
			}
		})
	}
}

// TestCheckAgreesWithTokenizer checks that text Check accepts has words
// for the tokenizer (the property the upload check stands for): the only
// rejections for content are a NUL, invalid UTF-8 and no letter or digit.
func TestCheckAgreesWithTokenizer(t *testing.T) {
	for _, in := range []string{"x", "¿qué?", "٣", "— 7 —", "don't"} {
		if err := corpus.Check(strings.NewReader(in), corpus.ReadOptions{}); err != nil {
			t.Errorf("Check(%q) = %v", in, err)
		}
		sc := corpus.NewScanner(strings.NewReader(in), corpus.Words)
		words := 0
		for sc.Scan() {
			if len(sc.Token()) > 0 {
				words++
			}
		}
		if sc.Err() != nil || words == 0 {
			t.Errorf("%q: %d words (%v), but Check accepts it", in, words, sc.Err())
		}
	}
}

func ExampleCheck() {
	err := corpus.Check(strings.NewReader("naïve\ncaf\xe9\n"), corpus.ReadOptions{})
	var te *corpus.TextError
	if errors.As(err, &te) {
		fmt.Printf("line %d, byte %d: 0x%02X (%v)\n", te.Line, te.Offset, te.Byte, errors.Is(err, corpus.ErrInvalidUTF8))
	}
	// Output: line 2, byte 10: 0xE9 (true)
}
