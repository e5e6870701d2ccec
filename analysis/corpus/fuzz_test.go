package corpus

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzScanner checks the tokenizer's invariants on arbitrary bytes: no
// panic, no empty token, tokens within MaxTokenBytes, Words tokens valid
// lower-case UTF-8 without separators, Whitespace tokens free of
// separators, and line breaks matching the line feeds of the input.
func FuzzScanner(f *testing.F) {
	for _, s := range []string{"", "a", "The Cat, sat.\n", "don't 'x' l’été", "\ufeffa\r\nb", "a\xffb\xc3", "\x00\x00a b\n\n", strings.Repeat("é", 600), "Tiếng Việt\n2014"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, mode := range []Tokenizer{Words, Whitespace} {
			sc := NewScanner(bytes.NewReader(in), mode)
			breaks := 0
			for sc.Scan() {
				if sc.LineBreak() {
					breaks++
					continue
				}
				tok := sc.Token()
				if len(tok) == 0 || len(tok) > MaxTokenBytes {
					t.Fatalf("%v: token of %d bytes", mode, len(tok))
				}
				if bytes.ContainsAny(tok, " \t\n\r\x00") {
					t.Fatalf("%v: token %q holds a separator", mode, tok)
				}
				if mode == Words {
					if !utf8.Valid(tok) {
						t.Fatalf("words token %q is not valid UTF-8", tok)
					}
					if tok[0] == '\'' || tok[len(tok)-1] == '\'' {
						t.Fatalf("words token %q starts or ends with an apostrophe", tok)
					}
				}
			}
			if err := sc.Err(); err != nil {
				t.Fatal(err)
			}
			if want := bytes.Count(in, []byte{'\n'}); breaks != want {
				t.Fatalf("%v: %d line breaks, input has %d line feeds", mode, breaks, want)
			}
		}
	})
}

// FuzzReadVocabulary: no panic; a vocabulary that reads back is
// consistent and survives a write/read round trip.
func FuzzReadVocabulary(f *testing.F) {
	for _, s := range []string{"the 10\nof 5\n", "a 1", "x\t3\r\n", "a 5\na 5\n", "a 0\n", "  \n", "w -1",
		"\ufeffthe 10\nof 5\n", "\ufeff\nthe 1\n", "\ufeff\ufeffthe 1\n", "the 2\n\ufeffthe 1\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		v, err := ReadVocabulary(bytes.NewReader(in))
		if err != nil {
			return
		}
		for i := 0; i < v.Len(); i++ {
			if id, ok := v.ID(v.Word(int32(i))); !ok || id != int32(i) {
				t.Fatalf("word %d does not map back to its id", i)
			}
			if i > 0 && v.Count(int32(i)) > v.Count(int32(i-1)) {
				t.Fatalf("counts not descending at %d", i)
			}
		}
		var buf bytes.Buffer
		if _, err := v.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		back, err := ReadVocabulary(&buf)
		// Words holding spaces do not survive the format; that is an
		// error, not a panic or a silent change.
		if err == nil && back.Len() != v.Len() {
			t.Fatalf("round trip changed the length: %d → %d", v.Len(), back.Len())
		}
	})
}

// FuzzEncode: no panic, and Replay yields exactly the counted tokens.
func FuzzEncode(f *testing.F) {
	for _, s := range []string{"a b\nc", "\n\n", "x", "a a a\n\nb"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		enc, err := Encode(context.Background(), bytes.NewReader(in), EncodeOptions{})
		if err != nil {
			return
		}
		defer enc.Close()
		n := int64(0)
		enc.Replay(context.Background(), enc.Vocabulary.Len(), func(b []int32) error {
			for _, r := range b {
				if r != LineBreak {
					n++
				}
			}
			return nil
		})
		if n != enc.Vocabulary.Total() || n != enc.Stats.Tokens {
			t.Fatalf("replayed %d tokens, vocabulary counts %d, scanner %d", n, enc.Vocabulary.Total(), enc.Stats.Tokens)
		}
	})
}
