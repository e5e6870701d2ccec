package vectors

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// sameSet fails unless got has the words and exactly the values of want.
func sameSet(t *testing.T, got, want *Set) {
	t.Helper()
	if got.Len() != want.Len() || got.Dim() != want.Dim() {
		t.Fatalf("got %d×%d, want %d×%d", got.Len(), got.Dim(), want.Len(), want.Dim())
	}
	for i := range want.Len() {
		if got.Word(i) != want.Word(i) {
			t.Fatalf("word %d: got %q, want %q", i, got.Word(i), want.Word(i))
		}
	}
	for i, v := range want.Data() {
		if got.Data()[i] != v {
			t.Fatalf("value %d: got %v, want %v", i, got.Data()[i], v)
		}
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	want := randomSet(t, 500, 17, 9)
	dir := t.TempDir()
	tests := []struct {
		name       string
		save       func(path string) error
		wantFormat Format
		wantGzip   bool
	}{
		{"glove.txt", func(p string) error { return SaveText(p, want, false) }, FormatGloVeText, false},
		{"w2v.txt", func(p string) error { return SaveText(p, want, true) }, FormatWord2VecText, false},
		{"w2v.bin", func(p string) error { return SaveBinary(p, want) }, FormatWord2VecBinary, false},
		{"glove.txt.gz", func(p string) error { return SaveText(p, want, false) }, FormatGloVeText, true},
		{"w2v.bin.gz", func(p string) error { return SaveBinary(p, want) }, FormatWord2VecBinary, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if err := tt.save(path); err != nil {
				t.Fatal(err)
			}
			got, info, err := Load(context.Background(), path, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if info.Format != tt.wantFormat || info.Gzip != tt.wantGzip || info.HeaderMismatch() {
				t.Errorf("info: got %+v, want %v gzip %v", info, tt.wantFormat, tt.wantGzip)
			}
			sameSet(t, got, want)
		})
	}
}

func TestWriteBinaryLayout(t *testing.T) {
	set, err := New([]string{"ab", "c"}, 2, []float32{1, -2, 0.5, 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteBinary(&buf, set); err != nil {
		t.Fatal(err)
	}
	var want []byte
	want = append(want, "2 2\nab "...)
	for _, v := range []float32{1, -2} {
		want = binary.LittleEndian.AppendUint32(want, math.Float32bits(v))
	}
	want = append(want, "\nc "...)
	for _, v := range []float32{0.5, 3} {
		want = binary.LittleEndian.AppendUint32(want, math.Float32bits(v))
	}
	want = append(want, '\n')
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("got % x, want % x", buf.Bytes(), want)
	}
}

func TestReadBinaryErrors(t *testing.T) {
	rec := func(word string, vals ...float32) []byte {
		b := []byte(word + " ")
		for _, v := range vals {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
		return append(b, '\n')
	}
	join := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	head := []byte("2 3\n")
	tests := []struct {
		name  string
		input []byte
		want  error
		where string
	}{
		{"truncated vector", join(head, rec("a", 1, 2, 3), rec("b", 1, 2, 3)[:7]), ErrTruncated, "record 2"},
		{"truncated word", join(head, rec("a", 1, 2, 3), []byte("bcd")), ErrTruncated, "record 2"},
		{"nan", join(head, rec("a", 1, float32(math.NaN()), 3)), ErrNonFinite, "record 1"},
		{"inf", join(head, rec("a", 1, 2, 3), rec("b", float32(math.Inf(1)), 2, 3)), ErrNonFinite, "record 2"},
		{"duplicate rejected", join(head, rec("a", 1, 2, 3), rec("a", 1, 2, 3)), ErrDuplicateWord, "record 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Read(context.Background(), bytes.NewReader(tt.input), LoadOptions{Format: FormatWord2VecBinary, RejectDuplicates: true})
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.where) {
				t.Errorf("got %v, want %v at %s", err, tt.want, tt.where)
			}
		})
	}
	// Detection: the same bytes are recognised as binary without forcing,
	// and a header that undercounts is tolerated.
	in := join([]byte("1 3\n"), rec("a", 1, 2, 3), rec("b", 4, 5, 6))
	set, info, err := Read(context.Background(), bytes.NewReader(in), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Format != FormatWord2VecBinary || set.Len() != 2 || set.Vector(1)[2] != 6 || !info.HeaderMismatch() {
		t.Errorf("got %v %d words %v, want binary, 2 words ending in 6, header mismatch", info.Format, set.Len(), set.Data())
	}
}

func TestSaveProjector(t *testing.T) {
	set, err := New([]string{"a", "b"}, 3, []float32{1, 0.5, -2, 0, 1e-7, 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "proj")
	if err := SaveProjector(dir, set); err != nil {
		t.Fatal(err)
	}
	vec, err := os.ReadFile(filepath.Join(dir, "vectors.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "metadata.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(vec), "1\t0.5\t-2\n0\t1e-07\t3\n"; got != want {
		t.Errorf("vectors.tsv: got %q, want %q", got, want)
	}
	if got, want := string(meta), "a\nb\n"; got != want {
		t.Errorf("metadata.tsv: got %q, want %q", got, want)
	}
}

// TestFormatTextIsOrderedAndComplete checks that the text of WriteText
// does not depend on how many goroutines format it, for sizes around the
// batch size, and that it reads back as the same set.
func TestFormatTextIsOrderedAndComplete(t *testing.T) {
	for _, n := range []int{0, 1, textBatch - 1, textBatch, 3*textBatch + 5} {
		s := randomSet(t, max(n, 1), 7, uint64(n))
		if n == 0 {
			empty, err := New(nil, 7, nil)
			if err != nil {
				t.Fatal(err)
			}
			s = empty
		}
		var want []byte
		want = s.appendText(want, 0, s.Len())
		for _, workers := range []int{1, 2, 3, 16} {
			var got bytes.Buffer
			var calls int
			err := formatText(s, workers, func(text []byte) error {
				calls++
				got.Write(text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Fatalf("n=%d workers=%d: text differs from the sequential text", n, workers)
			}
			if wantCalls := (n + textBatch - 1) / textBatch; calls != wantCalls {
				t.Errorf("n=%d workers=%d: emit called %d times, want %d", n, workers, calls, wantCalls)
			}
		}
		if n > 0 {
			var buf bytes.Buffer
			if err := WriteText(&buf, s, true); err != nil {
				t.Fatal(err)
			}
			got, _, err := Read(context.Background(), bytes.NewReader(buf.Bytes()), LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			sameSet(t, got, s)
		}
	}
}

// TestFormatTextStopsAtTheFirstError checks that an error of emit (a full
// disk, say) is returned at once and leaves no goroutine behind.
func TestFormatTextStopsAtTheFirstError(t *testing.T) {
	s := randomSet(t, 20*textBatch, 5, 3)
	full := errors.New("disk full")
	before := runtime.NumGoroutine()
	calls := 0
	err := formatText(s, 4, func([]byte) error {
		calls++
		if calls == 3 {
			return full
		}
		return nil
	})
	if !errors.Is(err, full) || calls != 3 {
		t.Fatalf("got %v after %d calls, want %v after 3", err, calls, full)
	}
	if after := runtime.NumGoroutine(); after > before {
		t.Errorf("%d goroutines before, %d after", before, after)
	}
}
