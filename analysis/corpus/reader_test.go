package corpus

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

func gzipBytes(t *testing.T, p []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(p); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// readAllText opens in with NewReader and reads it whole.
func readAllText(in []byte, opt ReadOptions) (string, error) {
	r, err := NewReader(bytes.NewReader(in), opt)
	if err != nil {
		return "", err
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

func TestNewReader(t *testing.T) {
	text := []byte("the cat sat\non the mat\n")
	gz := gzipBytes(t, text)
	twoMembers := append(gzipBytes(t, []byte("first\n")), gzipBytes(t, []byte("second\n"))...)
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
	elf := append([]byte("\x7fELF\x02\x01\x01\x00"), make([]byte, 64)...)
	zeroBomb := gzipBytes(t, make([]byte, 10<<20))
	spaceBomb := gzipBytes(t, bytes.Repeat([]byte(" "), 10<<20))
	tests := []struct {
		name    string
		in      []byte
		opt     ReadOptions
		want    string
		wantErr error
	}{
		{"plain", text, ReadOptions{}, string(text), nil},
		{"gzip", gz, ReadOptions{}, string(text), nil},
		{"gzip multi-member", twoMembers, ReadOptions{}, "first\nsecond\n", nil},
		{"empty", nil, ReadOptions{}, "", nil},
		{"truncated gzip", gz[:len(gz)/2], ReadOptions{}, "", ErrCorruptGzip},
		{"gzip header only", gz[:5], ReadOptions{}, "", ErrCorruptGzip},
		{"png", png, ReadOptions{}, "", ErrBinary},
		{"elf", elf, ReadOptions{}, "", ErrBinary},
		{"utf-16 le", []byte("\xff\xfeh\x00i\x00"), ReadOptions{}, "", ErrUTF16},
		{"utf-16 be", []byte("\xfe\xff\x00h\x00i"), ReadOptions{}, "", ErrUTF16},
		{"too large", text, ReadOptions{MaxBytes: 5}, "", ErrTooLarge},
		{"at the limit", text, ReadOptions{MaxBytes: int64(len(text))}, string(text), nil},
		{"gzip bomb stopped at the limit", spaceBomb, ReadOptions{MaxBytes: 1 << 20}, "", ErrTooLarge},
		{"gzip bomb of zeros is binary", zeroBomb, ReadOptions{MaxBytes: 1 << 20}, "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAllText(tt.in, tt.opt)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v, want %v", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEncodeErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		mode    Tokenizer
		opt     EncodeOptions
		wantErr error
	}{
		{"empty", "", Words, EncodeOptions{}, ErrEmptyCorpus},
		{"blank lines", "\n\n  \r\n", Words, EncodeOptions{}, ErrEmptyCorpus},
		{"only punctuation", "... ,,, !!! -- ??", Words, EncodeOptions{}, ErrEmptyCorpus},
		{"too many types", "a b c d e", Words, EncodeOptions{MaxTypes: 3}, ErrVocabularyTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Tokenizer = tt.mode
			_, err := Encode(context.Background(), strings.NewReader(tt.in), tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

func TestEncodeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	text := strings.Repeat("a b c d\n", 600_000) // > one block
	_, err := Encode(ctx, strings.NewReader(text), EncodeOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// replayed returns the ranks Replay passes on, joined.
func replayed(t *testing.T, enc *Encoded, vocabSize int) []int32 {
	t.Helper()
	var got []int32
	err := enc.Replay(context.Background(), vocabSize, func(b []int32) error {
		got = append(got, b...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestEncodeReplay(t *testing.T) {
	// counts: b 3, a 2, c 1 → ranks b=0 a=1 c=2.
	enc, err := Encode(context.Background(), strings.NewReader("\n\na b c\n\nb a\nb\n"), EncodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	if got, want := enc.Vocabulary.Words(), []string{"b", "a", "c"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("vocabulary %q, want %q", got, want)
	}
	L := LineBreak
	for _, tt := range []struct {
		size int
		want []int32
	}{
		{3, []int32{1, 0, 2, L, 0, 1, L, 0, L}},
		{2, []int32{1, 0, L, 0, 1, L, 0, L}}, // c dropped
		{1, []int32{0, L, 0, L, 0, L}},
	} {
		got := replayed(t, enc, tt.size)
		if !equalInt32(got, tt.want) {
			t.Errorf("vocab %d: replay %v, want %v", tt.size, got, tt.want)
		}
	}
}

func TestEncodeSpillMatchesMemory(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 12<<20; i++ {
		b.WriteString([]string{"alpha ", "beta ", "gamma ", "delta\n", "epsilon "}[i*7%5])
	}
	text := b.String()
	inMem, err := Encode(context.Background(), strings.NewReader(text), EncodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer inMem.Close()
	spilled, err := Encode(context.Background(), strings.NewReader(text), EncodeOptions{MemoryBytes: 1 << 20, TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if spilled.stream.file == nil {
		t.Fatal("the token stream did not spill to disk with a 1 MiB budget")
	}
	got, want := replayed(t, spilled, 5), replayed(t, inMem, 5)
	if !equalInt32(got, want) {
		t.Fatalf("spilled replay differs from in-memory replay (%d vs %d ids)", len(got), len(want))
	}
	name := spilled.stream.file.Name()
	if err := spilled.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := openFile(name); err == nil {
		t.Errorf("spill file %s still exists after Close", name)
	}
}

func equalInt32(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
