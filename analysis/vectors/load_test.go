package vectors

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// onlyReader hides Seek so Read takes the streaming (growing) path.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestReadMalformed(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		opts     LoadOptions
		want     error
		wantLine string // substring the message must contain
	}{
		{"empty", "", LoadOptions{}, ErrEmpty, ""},
		{"only blanks", "\n \n\n", LoadOptions{}, ErrEmpty, ""},
		{"header only", "3 2\n", LoadOptions{}, ErrEmpty, ""},
		{"absurd header dim", "3 2000000000\n\x01\x02", LoadOptions{}, ErrHeaderMismatch, "line 1"},
		{"ragged short", "a 1 2 3\nb 1 2\nc 1 2 3\n", LoadOptions{}, ErrRaggedRow, "line 2"},
		{"ragged long", "a 1 2 3\nb 1 2 3\nc 1 2 3 4\n", LoadOptions{}, ErrRaggedRow, "line 3"},
		{"word without values", "a\nb 1\n", LoadOptions{}, ErrRaggedRow, "line 1"},
		{"not a number", "a 1 2\nb 1 x\n", LoadOptions{}, ErrNotNumber, "line 2"},
		{"two dots", "a 1 2\nb 1 2.3.4\n", LoadOptions{}, ErrNotNumber, "line 2"},
		{"dangling exponent", "a 1 2\nb 1 2e\n", LoadOptions{}, ErrNotNumber, "line 2"},
		{"nan", "a 1 2\nb nan 2\n", LoadOptions{}, ErrNonFinite, "line 2"},
		{"NaN", "a 1 2\nb 1 NaN\n", LoadOptions{}, ErrNonFinite, "line 2"},
		{"inf", "a 1 2\nb 1 -Inf\n", LoadOptions{}, ErrNonFinite, "line 2"},
		{"beyond float32", "a 1 2\nb 1 1e39\n", LoadOptions{}, ErrNonFinite, "line 2"},
		{"beyond float64", "a 1 2\nb 1 1e999\n", LoadOptions{}, ErrNonFinite, "line 2"},
		{"blank line inside", "a 1 2\n\nb 1 2\n", LoadOptions{}, ErrBlankLine, "line 2"},
		{"header dim lies", "2 3\na 1 2\nb 1 2\n", LoadOptions{}, ErrHeaderMismatch, "line 2"},
		{"header count lies, strict", "3 2\na 1 2\nb 1 2\n", LoadOptions{StrictHeader: true}, ErrHeaderMismatch, "line 1"},
		{"missing header when forced", "a 1 2\n", LoadOptions{Format: FormatWord2VecText}, ErrHeaderMismatch, "line 1"},
		{"duplicate rejected", "a 1 2\nb 3 4\na 5 6\n", LoadOptions{RejectDuplicates: true}, ErrDuplicateWord, "line 3"},
		{"header then ragged", "2 2\na 1 2\nb 1\n", LoadOptions{}, ErrRaggedRow, "line 3"},
		// Forcing GloVe text reads "2 2" as a row of dimension 1.
		{"header forced off", "2 2\na 1 2\n", LoadOptions{Format: FormatGloVeText}, ErrRaggedRow, "line 2"},
	}
	for _, tt := range tests {
		for _, mode := range []string{"seekable", "stream"} {
			t.Run(tt.name+"/"+mode, func(t *testing.T) {
				var r io.Reader = strings.NewReader(tt.input)
				if mode == "stream" {
					r = onlyReader{r}
				}
				_, _, err := Read(context.Background(), r, tt.opts)
				if !errors.Is(err, tt.want) {
					t.Fatalf("got error %v, want %v", err, tt.want)
				}
				if !strings.Contains(err.Error(), tt.wantLine) {
					t.Errorf("error %q does not name %q", err, tt.wantLine)
				}
			})
		}
	}
}

func TestReadValid(t *testing.T) {
	tests := []struct {
		name       string
		input      string
		opts       LoadOptions
		wantWords  []string
		wantData   []float32
		wantFormat Format
		wantHeader int
		wantDups   int
	}{
		{"glove", "a 1 2\nb -3.5 4e-1\n", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, -3.5, 0.4}, FormatGloVeText, -1, 0},
		{"no final newline", "a 1 2\nb 3 4", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, 3, 4}, FormatGloVeText, -1, 0},
		{"crlf and trailing blanks", "a 1 2 \r\nb\t3  4\r\n\n\n", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, 3, 4}, FormatGloVeText, -1, 0},
		{"word2vec text", "2 2\na 1 2\nb 3 4\n", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, 3, 4}, FormatWord2VecText, 2, 0},
		{"header undercounts", "1 2\na 1 2\nb 3 4", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, 3, 4}, FormatWord2VecText, 1, 0},
		{"header overcounts", "5 2\na 1 2\nb 3 4\n", LoadOptions{}, []string{"a", "b"}, []float32{1, 2, 3, 4}, FormatWord2VecText, 5, 0},
		{"duplicates keep first", "a 1 2\nb 3 4\na 5 6\nc 7 8\n", LoadOptions{}, []string{"a", "b", "c"}, []float32{1, 2, 3, 4, 7, 8}, FormatGloVeText, -1, 1},
		// Only spaces, tabs and '\r' separate fields, on the first row as on
		// the others (found by FuzzReadBinary's text round trip).
		{"white space inside words", "new\u00a0york 1 2\na\vb 3 4\n", LoadOptions{}, []string{"new\u00a0york", "a\vb"}, []float32{1, 2, 3, 4}, FormatGloVeText, -1, 0},
		{"white space inside the first word after a header", "1 2\nnew\u00a0york 1 2\n", LoadOptions{}, []string{"new\u00a0york"}, []float32{1, 2}, FormatWord2VecText, 1, 0},
		{"signs and forms", "x +1 -0 .5 5. 1E2 -2.5e-3 123456789012345678901234\n", LoadOptions{}, []string{"x"}, []float32{1, float32(math.Copysign(0, -1)), 0.5, 5, 100, -0.0025, 123456789012345678901234}, FormatGloVeText, -1, 0},
	}
	for _, tt := range tests {
		for _, mode := range []string{"seekable", "stream"} {
			t.Run(tt.name+"/"+mode, func(t *testing.T) {
				var r io.Reader = strings.NewReader(tt.input)
				if mode == "stream" {
					r = onlyReader{r}
				}
				set, info, err := Read(context.Background(), r, tt.opts)
				if err != nil {
					t.Fatal(err)
				}
				if got, want := strings.Join(set.Words(), " "), strings.Join(tt.wantWords, " "); got != want {
					t.Errorf("words: got %q, want %q", got, want)
				}
				if got, want := fmt.Sprint(set.Data()), fmt.Sprint(tt.wantData); got != want {
					t.Errorf("data: got %v, want %v", got, want)
				}
				if info.Format != tt.wantFormat || info.HeaderRows != tt.wantHeader || info.Duplicates != tt.wantDups {
					t.Errorf("info: got %+v, want format %v, header %d, duplicates %d", info, tt.wantFormat, tt.wantHeader, tt.wantDups)
				}
				for i, w := range set.Words() {
					if j, ok := set.Index(w); !ok || j != i {
						t.Errorf("Index(%q) = %d, %v; want %d", w, j, ok, i)
					}
				}
			})
		}
	}
}

func TestParseNumberMatchesStrconv(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	formats := []byte{'f', 'e', 'g'}
	for range 200000 {
		x := (rng.Float64()*2 - 1) * math.Pow(10, float64(rng.IntN(12)-8))
		prec := rng.IntN(12) - 1
		s := strconv.FormatFloat(x, formats[rng.IntN(3)], prec, 64)
		got, kind := parseNumber([]byte(s))
		if kind != numberOK {
			t.Fatalf("parseNumber(%q): kind %d", s, kind)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		if want := float32(f); got != want {
			t.Fatalf("parseNumber(%q) = %v, want %v", s, got, want)
		}
	}
}

// writeTemp writes b to a file in t's temp dir and returns its path.
func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipBytes(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestLoadRealSample(t *testing.T) {
	path := testkit.Shipped(t, testkit.DemoVectors)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, set *Set, info LoadInfo) {
		t.Helper()
		if got, want := set.Len(), 4197; got != want {
			t.Errorf("words: got %d, want %d", got, want)
		}
		if got, want := set.Dim(), 50; got != want {
			t.Errorf("dim: got %d, want %d", got, want)
		}
		if info.HeaderRows != 4196 || info.Rows != 4197 || !info.HeaderMismatch() {
			t.Errorf("info: got %+v, want header 4196 and 4197 rows", info)
		}
		if got, want := set.Word(0), "the"; got != want {
			t.Errorf("first word: got %q, want %q", got, want)
		}
		// First and last values of the first row, as printed in the file.
		if v := set.Vector(0); v[0] != 0.418 || v[49] != -0.78581 {
			t.Errorf("row 0: got %v … %v, want 0.418 … -0.78581", v[0], v[49])
		}
		// The last line has no trailing newline: its last value must still
		// be read in full.
		lastLine := raw[bytes.LastIndexByte(raw, '\n')+1:]
		fields := strings.Fields(string(lastLine))
		if got, want := set.Word(set.Len()-1), fields[0]; got != want {
			t.Errorf("last word: got %q, want %q", got, want)
		}
		lastVal, _ := strconv.ParseFloat(fields[50], 64)
		if got, want := set.Vector(set.Len() - 1)[49], float32(lastVal); got != want {
			t.Errorf("last value: got %v, want %v", got, want)
		}
	}
	t.Run("plain", func(t *testing.T) {
		set, info, err := Load(context.Background(), path, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, set, info)
		if info.Format != FormatWord2VecText || info.Gzip {
			t.Errorf("format: got %v gzip %v", info.Format, info.Gzip)
		}
	})
	t.Run("gzip", func(t *testing.T) {
		set, info, err := Load(context.Background(), writeTemp(t, "v.txt.gz", gzipBytes(t, raw)), LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, set, info)
		if !info.Gzip {
			t.Error("gzip not detected")
		}
	})
	t.Run("gzip stream", func(t *testing.T) {
		set, info, err := Read(context.Background(), onlyReader{bytes.NewReader(gzipBytes(t, raw))}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, set, info)
		if !info.Gzip {
			t.Error("gzip not detected")
		}
	})
	t.Run("stream", func(t *testing.T) {
		set, info, err := Read(context.Background(), onlyReader{bytes.NewReader(raw)}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		check(t, set, info)
	})
	t.Run("strict header", func(t *testing.T) {
		_, _, err := Load(context.Background(), path, LoadOptions{StrictHeader: true})
		if !errors.Is(err, ErrHeaderMismatch) {
			t.Errorf("got %v, want ErrHeaderMismatch", err)
		}
	})
}

func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, err := Read(ctx, strings.NewReader("a 1 2\n"), LoadOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestReadManyChunks(t *testing.T) {
	// Enough rows for several 4 MiB chunks, so chunk boundaries, ordering
	// and the growing path are exercised.
	const rows, dim = 30000, 40
	rng := rand.New(rand.NewPCG(3, 4))
	var b bytes.Buffer
	want := make([]float32, 0, rows*dim)
	for i := range rows {
		fmt.Fprintf(&b, "w%d", i)
		for range dim {
			v := float32(rng.NormFloat64())
			want = append(want, v)
			fmt.Fprintf(&b, " %v", v)
		}
		b.WriteByte('\n')
	}
	for _, mode := range []string{"seekable", "stream"} {
		t.Run(mode, func(t *testing.T) {
			var r io.Reader = bytes.NewReader(b.Bytes())
			if mode == "stream" {
				r = onlyReader{r}
			}
			var lastProgress int64
			set, _, err := Read(context.Background(), r, LoadOptions{Progress: func(n int64) { lastProgress = n }})
			if err != nil {
				t.Fatal(err)
			}
			if set.Len() != rows || set.Dim() != dim {
				t.Fatalf("got %d×%d, want %d×%d", set.Len(), set.Dim(), rows, dim)
			}
			for i, v := range set.Data() {
				if v != want[i] {
					t.Fatalf("value %d: got %v, want %v", i, v, want[i])
				}
			}
			if got, want := set.Word(rows-1), fmt.Sprintf("w%d", rows-1); got != want {
				t.Errorf("last word: got %q, want %q", got, want)
			}
			if lastProgress != int64(b.Len()) {
				t.Errorf("progress: got %d bytes, want %d", lastProgress, b.Len())
			}
		})
	}
}

// bigText returns rows×dim GloVe text; the rows listed in bad get a
// non-numeric value.
func bigText(rows, dim int, bad ...int) []byte {
	var b bytes.Buffer
	for i := range rows {
		fmt.Fprintf(&b, "w%d", i)
		for j := range dim {
			if j == dim/2 && slices.Contains(bad, i) {
				b.WriteString(" oops")
				continue
			}
			fmt.Fprintf(&b, " %d.25", j)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func TestReadReportsFirstBadLine(t *testing.T) {
	// Bad rows in several chunks: the first one in the file is reported,
	// whichever worker finishes first.
	in := bigText(40000, 60, 39000, 9000, 30000)
	for range 5 {
		_, _, err := Read(context.Background(), bytes.NewReader(in), LoadOptions{})
		if !errors.Is(err, ErrNotNumber) || !strings.Contains(err.Error(), "line 9001:") {
			t.Fatalf("got %v, want ErrNotNumber at line 9001", err)
		}
	}
}

func TestReadCancelledMidway(t *testing.T) {
	in := bigText(40000, 60)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	calls := 0
	_, _, err := Read(ctx, onlyReader{bytes.NewReader(in)}, LoadOptions{Progress: func(int64) {
		if calls++; calls == 2 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestLoadErrorNamesFileAndLine(t *testing.T) {
	path := writeTemp(t, "bad.txt", []byte("a 1 2\nb 1 2\nc 1 inf\n"))
	_, _, err := Load(context.Background(), path, LoadOptions{})
	if !errors.Is(err, ErrNonFinite) || !strings.Contains(err.Error(), path+": line 3:") {
		t.Errorf("got %v, want ErrNonFinite naming %s: line 3", err, path)
	}
	if _, _, err := Load(context.Background(), path+".missing", LoadOptions{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: got %v", err)
	}
}

func TestReadStorageFollowsData(t *testing.T) {
	// A header's dimension (or a wide first row) times a count of blank
	// lines used to size the vector storage: a few bytes could ask for
	// gigabytes. Storage now follows the bytes read.
	wide := "w" + strings.Repeat(" 1", 5000) + "\n"
	w2v := LoadOptions{Format: FormatWord2VecText}
	tests := []struct {
		name     string
		input    string
		opts     LoadOptions
		want     error
		wantLine string
	}{
		{"max dim header, blank lines", "1 1048576\n" + strings.Repeat("\n", 1000), LoadOptions{}, ErrEmpty, ""},
		{"max dim header, blank lines, rows", "1 1048576\n" + strings.Repeat("\n", 1000) + strings.Repeat("a 1\n", 1000), w2v, ErrRaggedRow, "line 1002"},
		{"short rows after a blank line", "1 1000\n\n" + strings.Repeat("a 1\n", 1000), w2v, ErrRaggedRow, "line 3"},
		{"wide row, blank lines, row", wide + strings.Repeat("\n", 20000) + wide, LoadOptions{}, ErrBlankLine, "line 2"},
		// More blank lines than one 4 MiB chunk: the row after them lies
		// beyond the storage and in another chunk than the first blank
		// line.
		{"blank lines across chunks", wide + strings.Repeat("\n", 5<<20) + wide, LoadOptions{}, ErrBlankLine, ""},
	}
	for _, tt := range tests {
		for _, mode := range []string{"seekable", "stream"} {
			t.Run(tt.name+"/"+mode, func(t *testing.T) {
				var r io.Reader = strings.NewReader(tt.input)
				if mode == "stream" {
					r = onlyReader{r}
				}
				before := heapAllocs()
				_, _, err := Read(context.Background(), r, tt.opts)
				// A few 4 MiB buffers, and 16 bytes of word per line.
				if got, limit := heapAllocs()-before, uint64(64<<20+64*len(tt.input)); got > limit {
					t.Errorf("allocated %d MiB for %d bytes", got>>20, len(tt.input))
				}
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.wantLine) {
					t.Errorf("got %v, want %v naming %q", err, tt.want, tt.wantLine)
				}
			})
		}
	}
	// Trailing blank lines, some in a chunk of their own, are fine.
	in := wide + "x" + wide[1:] + "y" + wide[1:] + strings.Repeat("\n", 5<<20)
	for _, mode := range []string{"seekable", "stream"} {
		var r io.Reader = strings.NewReader(in)
		if mode == "stream" {
			r = onlyReader{r}
		}
		set, _, err := Read(context.Background(), r, LoadOptions{})
		if err != nil || set.Len() != 3 || set.Dim() != 5000 {
			t.Errorf("%s: three wide rows and trailing blank lines: %v", mode, err)
		}
	}
}

func TestReadTruncatedGzip(t *testing.T) {
	// More than the 1 MiB examined for the format, so the cut is met by
	// the row parser, not the sniffing. The text parser used to take the
	// gzip reader's io.ErrUnexpectedEOF for the end of the input and load
	// the rows before the cut. A cut inside a binary record is
	// ErrTruncated; anywhere else it is the gzip stream's
	// io.ErrUnexpectedEOF.
	for _, tt := range []struct {
		name string
		raw  []byte
	}{
		{"text", bigText(40000, 60)},
		{"binary", func() []byte {
			var b bytes.Buffer
			if err := WriteBinary(&b, randomSet(t, 20000, 50, 1)); err != nil {
				t.Fatal(err)
			}
			return b.Bytes()
		}()},
	} {
		z := gzipBytes(t, tt.raw)
		for _, cut := range []int{4, 8, 100} { // inside the trailer, all of it, the data
			for _, mode := range []string{"seekable", "stream"} {
				var r io.Reader = bytes.NewReader(z[:len(z)-cut])
				if mode == "stream" {
					r = onlyReader{r}
				}
				_, _, err := Read(context.Background(), r, LoadOptions{})
				if !errors.Is(err, ErrTruncated) && !errors.Is(err, io.ErrUnexpectedEOF) {
					t.Errorf("%s without its last %d bytes (%s): got %v, want ErrTruncated or io.ErrUnexpectedEOF", tt.name, cut, mode, err)
				}
			}
		}
	}
}

// TestReadBOM: a UTF-8 byte-order mark at the start of the (decompressed)
// input is read as if it were absent, in every format and on every path;
// one later in the file is an ordinary part of a word.
func TestReadBOM(t *testing.T) {
	const bom = "\ufeff"
	binaryBody := func(words ...string) []byte {
		set, err := New(words, 2, []float32{1, 2, 3, 4}[:2*len(words)])
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteBinary(&buf, set); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	tests := []struct {
		name       string
		input      []byte
		opts       LoadOptions
		wantWords  []string
		wantFormat Format
		wantHeader int
		wantErr    error
		wantMsg    string // substring of the error
	}{
		{"GloVe text", []byte(bom + "a 1 2\nb 3 4\n"), LoadOptions{}, []string{"a", "b"}, FormatGloVeText, -1, nil, ""},
		{"word2vec text header", []byte(bom + "2 2\na 1 2\nb 3 4\n"), LoadOptions{}, []string{"a", "b"}, FormatWord2VecText, 2, nil, ""},
		{"word2vec text, forced", []byte(bom + "2 2\na 1 2\nb 3 4\n"), LoadOptions{Format: FormatWord2VecText}, []string{"a", "b"}, FormatWord2VecText, 2, nil, ""},
		{"word2vec binary", append([]byte(bom), binaryBody("a", "b")...), LoadOptions{}, []string{"a", "b"}, FormatWord2VecBinary, 2, nil, ""},
		{"word2vec binary, forced", append([]byte(bom), binaryBody("a", "b")...), LoadOptions{Format: FormatWord2VecBinary}, []string{"a", "b"}, FormatWord2VecBinary, 2, nil, ""},
		{"BOM then a blank", []byte(bom + " a 1 2\nb 3 4\n"), LoadOptions{}, []string{"a", "b"}, FormatGloVeText, -1, nil, ""},
		{"only the first BOM is dropped", []byte(bom + bom + "a 1 2\n"), LoadOptions{}, []string{bom + "a"}, FormatGloVeText, -1, nil, ""},
		{"a BOM further on is part of a word", []byte("a 1 2\n" + bom + "b 3 4\n"), LoadOptions{}, []string{"a", bom + "b"}, FormatGloVeText, -1, nil, ""},
		{"errors count lines as before", []byte(bom + "a 1 2\nb 1\n"), LoadOptions{}, nil, 0, 0, ErrRaggedRow, "line 2"},
		{"a BOM alone is empty", []byte(bom), LoadOptions{}, nil, 0, 0, ErrEmpty, ""},
		{"a BOM and a blank line before the rows", []byte(bom + "\na 1 2\n"), LoadOptions{}, nil, 0, 0, ErrBlankLine, "line 1"},
		// Byte offsets of binary records count the BOM: they point into
		// the file as it is.
		{"binary offsets count the BOM", []byte(bom + "1 2\na \x00\x00"), LoadOptions{}, nil, 0, 0, ErrTruncated, "record 1 (byte 7)"},
	}
	for _, tt := range tests {
		for _, mode := range []string{"seekable", "stream", "gzip"} {
			t.Run(tt.name+"/"+mode, func(t *testing.T) {
				var r io.Reader = bytes.NewReader(tt.input)
				switch mode {
				case "stream":
					r = onlyReader{r}
				case "gzip":
					r = bytes.NewReader(gzipBytes(t, tt.input))
				}
				set, info, err := Read(context.Background(), r, tt.opts)
				if tt.wantErr != nil {
					if !errors.Is(err, tt.wantErr) || !strings.Contains(err.Error(), tt.wantMsg) {
						t.Fatalf("got error %v, want %v naming %q", err, tt.wantErr, tt.wantMsg)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(set.Words(), tt.wantWords) {
					t.Errorf("words %q, want %q", set.Words(), tt.wantWords)
				}
				if want := []float32{1, 2, 3, 4}[:2*len(tt.wantWords)]; !slices.Equal(set.Data(), want) {
					t.Errorf("data %v, want %v", set.Data(), want)
				}
				if info.Format != tt.wantFormat || info.HeaderRows != tt.wantHeader {
					t.Errorf("info %+v, want format %v, header rows %d", info, tt.wantFormat, tt.wantHeader)
				}
			})
		}
	}
	// Load takes the same path as Read on a file.
	set, _, err := Load(context.Background(), writeTemp(t, "bom.txt", []byte(bom+"2 2\nice 1 2\nsteam 3 4\n")), LoadOptions{})
	if err != nil || set.Word(0) != "ice" {
		t.Fatalf("Load: %v, %v", set, err)
	}
}
