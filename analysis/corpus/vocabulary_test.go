package corpus

import (
	"bytes"
	"context"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

func openFile(name string) (*os.File, error) { return os.Open(name) }

func TestVocabularyOrderAndPrune(t *testing.T) {
	v, err := NewVocabulary(
		[]string{"b", "a", "c", "é", "d", "e"},
		[]int64{5, 5, 9, 5, 1, 2})
	if err != nil {
		t.Fatal(err)
	}
	// count desc; ties by signed bytes: "é" (0xc3...) before ASCII.
	want := []string{"c", "é", "a", "b", "e", "d"}
	if got := v.Words(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("order %q, want %q", got, want)
	}
	if id, ok := v.ID("a"); !ok || id != 2 || v.Word(id) != "a" || v.Count(id) != 5 {
		t.Errorf("ID(a) = %d, %v", id, ok)
	}
	if _, ok := v.ID("zzz"); ok {
		t.Error("unknown word found")
	}
	if v.Total() != 27 {
		t.Errorf("Total = %d, want 27", v.Total())
	}
	for _, tt := range []struct {
		min  int64
		max  int
		want int
	}{{1, 0, 6}, {2, 0, 5}, {5, 0, 4}, {6, 0, 1}, {10, 0, 0}, {1, 3, 3}, {5, 10, 4}} {
		p := v.Prune(tt.min, tt.max)
		if p.Len() != tt.want {
			t.Errorf("Prune(%d, %d).Len() = %d, want %d", tt.min, tt.max, p.Len(), tt.want)
		}
		for i := 0; i < p.Len(); i++ {
			if id, ok := p.ID(p.Word(int32(i))); !ok || id != int32(i) {
				t.Errorf("pruned ID mismatch at %d", i)
			}
		}
		if p.Len() < v.Len() {
			if _, ok := p.ID(v.Word(int32(p.Len()))); ok {
				t.Errorf("Prune(%d, %d) still finds a dropped word", tt.min, tt.max)
			}
		}
	}
	if _, err := NewVocabulary([]string{"a", "a"}, []int64{1, 2}); !errors.Is(err, ErrBadVocabulary) {
		t.Errorf("duplicate words: err = %v", err)
	}
}

func TestVocabularyRoundTrip(t *testing.T) {
	enc, err := Encode(context.Background(), strings.NewReader("b a b c b a\nd"), EncodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	var buf bytes.Buffer
	if _, err := enc.Vocabulary.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "b 3\na 2\nc 1\nd 1\n"; got != want {
		t.Fatalf("vocab.txt = %q, want %q", got, want)
	}
	back, err := ReadVocabulary(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(back.Words(), " ") != "b a c d" || back.Count(0) != 3 {
		t.Errorf("read back %v %v", back.Words(), back.Counts())
	}
}

func TestReadVocabularyErrors(t *testing.T) {
	tests := []struct {
		name, in string
		ok       bool
		wantLine string
	}{
		{"good with blank and CRLF", "the 10\r\n\nof 5\r\n", true, ""},
		{"tab separated", "the\t10\n", true, ""},
		{"missing count", "the 10\nof\n", false, "line 2"},
		{"not a number", "the ten\n", false, "line 1"},
		{"zero count", "the 0\n", false, "line 1"},
		{"negative", "the -3\n", false, "line 1"},
		{"ascending", "a 1\nb 5\n", false, "line 2"},
		{"duplicate", "a 5\na 5\n", false, "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadVocabulary(strings.NewReader(tt.in))
			if tt.ok {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if !errors.Is(err, ErrBadVocabulary) || !strings.Contains(err.Error(), tt.wantLine) {
				t.Fatalf("err = %v, want ErrBadVocabulary mentioning %q", err, tt.wantLine)
			}
		})
	}
}

// TestReadVocabularyBOM: a UTF-8 byte-order mark at the start of a
// vocab.txt is read as if it were absent; further on it is part of a word.
func TestReadVocabularyBOM(t *testing.T) {
	const bom = "\ufeff"
	tests := []struct {
		name, in string
		want     []string
	}{
		{"first word", bom + "the 10\nof 5\n", []string{"the", "of"}},
		{"tab separated", bom + "the\t10\n", []string{"the"}},
		{"blank first line", bom + "\nthe 10\n", []string{"the"}},
		{"only the first BOM is dropped", bom + bom + "the 10\n", []string{bom + "the"}},
		{"a BOM further on is part of a word", "the 10\n" + bom + "of 5\n", []string{"the", bom + "of"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ReadVocabulary(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(v.Words(), tt.want) {
				t.Fatalf("words %q, want %q", v.Words(), tt.want)
			}
			if _, ok := v.ID(tt.want[0]); !ok {
				t.Errorf("ID(%q) not found", tt.want[0])
			}
		})
	}
}
