package vectors_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

// handMade is a small set with words a projector or word2vec file could
// mangle: an apostrophe, a non-ASCII word, a negative and a tiny value.
func handMade(t *testing.T) *vectors.Set {
	t.Helper()
	s, err := vectors.New([]string{"king", "queen", "don't", "Köln"}, 3, []float32{
		0.5, -1.25, 3,
		0.25, 1e-7, -2,
		1, 2, 3,
		-0.125, 0, 7.5,
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sameSet(t *testing.T, what string, got, want *vectors.Set) {
	t.Helper()
	if got.Len() != want.Len() || got.Dim() != want.Dim() {
		t.Fatalf("%s: %d×%d, want %d×%d", what, got.Len(), got.Dim(), want.Len(), want.Dim())
	}
	for i := range want.Len() {
		if got.Word(i) != want.Word(i) {
			t.Errorf("%s: word %d = %q, want %q", what, i, got.Word(i), want.Word(i))
		}
		for j, v := range want.Vector(i) {
			if g := got.Vector(i)[j]; g != v {
				t.Errorf("%s: %q[%d] = %g, want %g", what, want.Word(i), j, g, v)
			}
		}
	}
}

// TestReadUploadRoundTrips reads back every single-file format gloveboard
// writes (word2vec binary, GloVe and word2vec text, and each gzipped).
func TestReadUploadRoundTrips(t *testing.T) {
	want := handMade(t)
	var bin, glove, w2v bytes.Buffer
	if err := vectors.WriteBinary(&bin, want); err != nil {
		t.Fatal(err)
	}
	if err := vectors.WriteText(&glove, want, false); err != nil {
		t.Fatal(err)
	}
	if err := vectors.WriteText(&w2v, want, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		file       []byte
		wantFormat vectors.Format
		wantGzip   bool
		wantBinary bool // SniffBinary on the file as uploaded
	}{
		{"word2vec binary", bin.Bytes(), vectors.FormatWord2VecBinary, false, true},
		{"word2vec binary, gzip", gz(t, bin.Bytes()), vectors.FormatWord2VecBinary, true, false},
		{"GloVe text", glove.Bytes(), vectors.FormatGloVeText, false, false},
		{"GloVe text, gzip", gz(t, glove.Bytes()), vectors.FormatGloVeText, true, false},
		{"word2vec text, gzip", gz(t, w2v.Bytes()), vectors.FormatWord2VecText, true, false},
	}
	for _, tt := range tests {
		got, info, err := vectors.ReadUpload(context.Background(), bytes.NewReader(tt.file), vectors.UploadOptions{MaxDecoded: 1 << 20})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if info.Format != tt.wantFormat || info.Gzip != tt.wantGzip {
			t.Errorf("%s: read as %v (gzip %v), want %v (gzip %v)", tt.name, info.Format, info.Gzip, tt.wantFormat, tt.wantGzip)
		}
		if b := vectors.SniffBinary(tt.file); b != tt.wantBinary {
			t.Errorf("%s: SniffBinary = %v, want %v", tt.name, b, tt.wantBinary)
		}
		sameSet(t, tt.name, got, want)
	}
}

func TestReadProjectorRoundTrips(t *testing.T) {
	want := handMade(t)
	var vec, meta bytes.Buffer
	if err := vectors.WriteProjector(&vec, &meta, want); err != nil {
		t.Fatal(err)
	}
	got, err := vectors.ReadProjector(context.Background(), &vec, &meta)
	if err != nil {
		t.Fatal(err)
	}
	sameSet(t, "projector pair", got, want)

	// A metadata file with several columns has a header line.
	got, err = vectors.ReadProjector(context.Background(), strings.NewReader("1\t2\n3\t4\r\n\n"),
		strings.NewReader("word\tgroup\nsun\tsky\r\nmoon\tsky\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got.Len() != 2 || got.Word(0) != "sun" || got.Word(1) != "moon" || got.Vector(1)[1] != 4 {
		t.Errorf("columns: got %d words %q %q", got.Len(), got.Word(0), got.Word(1))
	}
}

func TestReadProjectorRefusesBadPairs(t *testing.T) {
	tests := []struct {
		name, vec, meta string
		want            error
	}{
		{"more words than rows", "1\t2\n", "a\nb\n", vectors.ErrHeaderMismatch},
		{"more rows than words", "1\t2\n3\t4\n", "a\n", vectors.ErrHeaderMismatch},
		{"ragged", "1\t2\n3\n", "a\nb\n", vectors.ErrRaggedRow},
		{"not a number", "1\tx\n", "a\n", vectors.ErrNotNumber},
		{"infinite", "1\t1e50\n", "a\n", vectors.ErrNonFinite},
		{"NUL in a word", "1\t2\n", "a\x00b\n", vectors.ErrNotText},
		{"blank word in the middle", "1\t2\n3\t4\n", "a\n\nb\n", vectors.ErrNotText},
		{"blank row in the middle", "1\t2\n\n3\t4\n", "a\nb\n", vectors.ErrBlankLine},
		{"duplicate word", "1\t2\n3\t4\n", "a\na\n", vectors.ErrDuplicateWord},
		{"empty", "", "a\n", vectors.ErrEmpty},
	}
	for _, tt := range tests {
		_, err := vectors.ReadProjector(context.Background(), strings.NewReader(tt.vec), strings.NewReader(tt.meta))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestUploadsRefuseNULInWords(t *testing.T) {
	// Text: ScanText (the streaming path for plain text uploads).
	_, err := vectors.ScanText(context.Background(), strings.NewReader("a\x00b 1 2\nc 3 4\n"))
	if !errors.Is(err, vectors.ErrNotText) || !strings.Contains(err.Error(), "NUL") {
		t.Errorf("ScanText: %v, want a NUL refusal", err)
	}
	// Binary, plain and gzipped: ReadUpload.
	bin := []byte("2 1\na\x00b ")
	bin = append(bin, 0, 0, 0x80, 0x3f) // 1.0 little-endian
	bin = append(bin, []byte("\nc ")...)
	bin = append(bin, 0, 0, 0, 0x40, '\n') // 2.0
	for _, f := range [][]byte{bin, gz(t, bin)} {
		_, _, err := vectors.ReadUpload(context.Background(), bytes.NewReader(f), vectors.UploadOptions{})
		if !errors.Is(err, vectors.ErrNotText) || !strings.Contains(err.Error(), "NUL") {
			t.Errorf("ReadUpload: %v, want a NUL refusal", err)
		}
	}
}

func TestReadUploadBoundsGzip(t *testing.T) {
	var big bytes.Buffer
	for i := range 5000 {
		fmt.Fprintf(&big, "w%d 0 0 0 0 0 0 0 0\n", i)
	}
	if _, _, err := vectors.ReadUpload(context.Background(), bytes.NewReader(gz(t, big.Bytes())), vectors.UploadOptions{MaxDecoded: 10000}); !errors.Is(err, vectors.ErrTooLarge) {
		t.Errorf("a gzip file decoding past the bound: %v, want ErrTooLarge", err)
	}
	if _, _, err := vectors.ReadUpload(context.Background(), bytes.NewReader(gz(t, big.Bytes())), vectors.UploadOptions{MaxDecoded: int64(big.Len())}); err != nil {
		t.Errorf("a gzip file decoding to exactly the bound: %v", err)
	}
	if _, _, err := vectors.ReadUpload(context.Background(), bytes.NewReader(gz(t, gz(t, []byte("word 1 2 3\n")))), vectors.UploadOptions{}); !errors.Is(err, vectors.ErrNotText) {
		t.Errorf("a file gzipped twice: %v, want ErrNotText", err)
	}
}
