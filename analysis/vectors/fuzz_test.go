package vectors

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"runtime/metrics"
	"strings"
	"testing"
)

// The fuzz targets read arbitrary bytes with Read and check what comes
// back: on success a self-consistent Set (n·d values, unique non-empty
// words, finite values, a header that agrees) that survives a write/read
// round trip, and never from a damaged gzip stream; on failure one of the
// package's sentinels (or gzip's error for a damaged stream); and in both
// cases an allocation proportional to the input, whatever a header claims.
//
// The mode byte picks the options: bits 0–1 the format (see the targets),
// bit 2 StrictHeader, bit 3 RejectDuplicates, bit 4 a plain io.Reader
// (the growing path) instead of a seekable one (the line-counting path),
// bit 5 gzip-compress the input first, bit 6 (with bit 5) cut the last
// bytes off the compressed stream.
const (
	modeStrict   = 1 << 2
	modeRejectDu = 1 << 3
	modeStream   = 1 << 4
	modeGzip     = 1 << 5
	modeCutGzip  = 1 << 6
)

// FuzzReadText fuzzes the text paths: the format is auto-detected, GloVe
// text or word2vec text.
func FuzzReadText(f *testing.F) {
	seeds := []string{
		"a 1 2\nb 3 4\n",
		"2 2\na 1 2\nb 3 4\n",
		"1 2\na 1 2\nb 3 4",     // header undercounts, no final newline
		"5 2\na 1 2\nb 3 4\n",   // header overcounts
		"2 3\na 1 2\nb 1 2\n",   // header lies about the dimension
		"1000000000 2\na 1 2\n", // header claims 10^9 rows
		"1 1048576\n\n\n\n\n\n\n\n\n\n",
		"1 1048576\n\na 1\n",
		"2147483647 1048576\n",
		"3 2000000000\na 1 2\n",
		"a 1 2 3\nb 1 2\n", // ragged
		"a 1\nb 1 2\n",
		"a\nb 1\n",
		"a 1 2\nb nan 2\n",
		"a 1 +Inf\n",
		"a 1e39 1\n",
		"a 1 2\nb 3 4\na 5 6\n", // duplicate
		"\ufeffa 1 2\nb 3 4\n",  // BOM
		"\ufeff2 2\na 1 2\nb 3 4\n",
		"\ufeff a 1 2\nb 3 4\n", // BOM then a blank
		"\ufeff\ufeffa 1 2\n",   // only the first BOM is skipped
		"a 1 2\n\ufeffb 3 4\n",  // a BOM further on is part of a word
		"\ufeff\na 1 2\n",       // BOM, then a blank line
		"\ufeff",
		"a 1 2 \r\nb\t3  4\r\n\n\n", // CRLF, tabs, trailing blank lines
		"",
		"\n \n\n",
		"a 1 2\n\nb 3 4\n", // blank line inside
		"x +1 -0 .5 5. 1E2 -2.5e-3 123456789012345678901234 1e-45\n",
		"3 2",
		"1 1\n3 2\n",
		"new\u00a0york 1 2\nb 3 4\n", // NBSP inside a word
		"b 3 4\nnew\u00a0york 1 2\n",
		"a\v1 2\nb 3 4\n",
		"a 1 2\n\n\n\n\n\n",
		"a 1 2 3 4 5 6 7 8\n\n\n\n\n\nb 1 2 3 4 5 6 7 8\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s), uint8(0))
	}
	f.Add([]byte("a 1 2\nb 3 4\n"), uint8(modeStream))
	f.Add([]byte("1 1048576\n\n\n\n\n"), uint8(modeStream))
	f.Add([]byte("2 2\na 1 2\nb 3 4\na 1 1\n"), uint8(2|modeStrict|modeRejectDu))
	f.Add([]byte("a 1 2\nb 3 4\n"), uint8(modeGzip))
	f.Add([]byte("a 1 2\nb 3 4\n"), uint8(modeGzip|modeCutGzip))
	f.Add([]byte("a 1 2\nb 3 4\n"), uint8(modeGzip|modeCutGzip|modeStream))
	f.Add(gzipBytes(f, []byte("2 2\na 1 2\nb 3 4\n")), uint8(0))
	f.Add([]byte("\ufeff2 2\na 1 2\nb 3 4\n"), uint8(modeStream))
	f.Add([]byte("\ufeff2 2\na 1 2\nb 3 4\n"), uint8(modeGzip))
	f.Add([]byte("\ufeffa 1 2\nb 3 4\n"), uint8(modeGzip|modeStream))
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		format := [...]Format{FormatAuto, FormatGloVeText, FormatWord2VecText, FormatAuto}[mode&3]
		checkRead(t, in, mode, format)
	})
}

// FuzzReadBinary fuzzes the word2vec binary path: the format is
// auto-detected or forced to binary.
func FuzzReadBinary(f *testing.F) {
	binaryFile := func(words ...string) []byte {
		set, err := New(words, 2, make([]float32, 2*len(words)))
		if err != nil {
			f.Fatal(err)
		}
		var buf bytes.Buffer
		if err := WriteBinary(&buf, set); err != nil {
			f.Fatal(err)
		}
		return buf.Bytes()
	}
	set, err := New([]string{"a", "bc", "d\n"}, 2, []float32{1, 2, -0.5, 3, 0, 1e-40})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteBinary(&buf, set); err != nil {
		f.Fatal(err)
	}
	valid := buf.Bytes()
	body := valid[len("3 2\n"):]
	nan := binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(math.NaN())))
	inf := binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(math.Inf(1))))
	seeds := [][]byte{
		valid,
		valid[:len(valid)-3], // truncated record
		append([]byte("1000000000 2\n"), body...),             // header claims 10^9 rows
		append([]byte("1 2\n"), body...),                      // header undercounts
		append([]byte("3 1048576\n"), body...),                // huge dimension, little data
		append([]byte("3 1\n"), body...),                      // header lies about the dimension
		append(append([]byte("1 2\na "), nan...), nan...),     // NaN
		append(append([]byte("1 2\na "), inf...), 0, 0, 0, 0), // +Inf
		append(append([]byte("2 1\n\n\r\t a "), nan[:4]...), []byte("\n\na 0000")...),
		[]byte("1 2\nword"),
		binaryFile("new\u00a0york", "b"), // white space in a word that text does not split on
		binaryFile("a\vb"),
		[]byte("2 2\na 1 2\nb 3 4\n"),
		[]byte("\ufeff3 2\n"),
		append([]byte("\ufeff"), valid...), // BOM before a binary file's header
		[]byte("3 2\r\n"),
		{},
	}
	for _, s := range seeds {
		f.Add(s, uint8(1))
	}
	f.Add(valid, uint8(0))
	f.Add(valid, uint8(1|modeStream))
	f.Add(valid, uint8(1|modeStrict|modeRejectDu))
	f.Add(valid, uint8(1|modeGzip))
	f.Add(valid, uint8(1|modeGzip|modeCutGzip))
	f.Add(valid, uint8(1|modeGzip|modeStream))
	f.Add(gzipBytes(f, valid)[:20], uint8(1))
	f.Fuzz(func(t *testing.T, in []byte, mode uint8) {
		format := [...]Format{FormatAuto, FormatWord2VecBinary}[mode&1]
		checkRead(t, in, mode, format)
	})
}

// The sentinels Read may wrap for a data problem.
var readSentinels = []error{ErrEmpty, ErrRaggedRow, ErrNotNumber, ErrNonFinite,
	ErrBlankLine, ErrHeaderMismatch, ErrTruncated, ErrDuplicateWord}

// checkRead reads in (prepared as mode says) in the given format and
// checks the result.
func checkRead(t *testing.T, in []byte, mode uint8, format Format) {
	ctx := context.Background()
	opts := LoadOptions{
		Format:           format,
		StrictHeader:     mode&modeStrict != 0,
		RejectDuplicates: mode&modeRejectDu != 0,
	}
	input, cut := in, false
	if mode&modeGzip != 0 {
		input = gzipBytes(t, in)
		if mode&modeCutGzip != 0 {
			// Drop the trailer and a byte of the deflate stream: the
			// stream no longer ends where it should.
			input, cut = input[:len(input)-9], true
		}
	}
	// The payload the loader may have to hold: the input, decompressed if
	// it is gzip. Decompressing more than 64 MiB is not worth the time.
	payload := len(input)
	var gzErr error // what is wrong with a gzip stream
	if gzipped(input) {
		var n int
		n, gzErr = gunzip(input, 64<<20)
		if n > 64<<20 {
			t.Skip("decompresses to more than 64 MiB")
		}
		payload = max(payload, n)
	}
	var r io.Reader = bytes.NewReader(input)
	if mode&modeStream != 0 {
		r = onlyReader{r}
	}

	before := heapAllocs()
	set, info, err := Read(ctx, r, opts)
	allocated := heapAllocs() - before
	// Fixed costs are a few 4 MiB buffers (two sets with gzip) and, for a
	// binary stream of unknown size, a first 64 MiB block; the rest must
	// grow with the data, whatever a header says.
	if limit := uint64(160<<20 + 128*payload); allocated > limit {
		t.Fatalf("Read allocated %d MiB for %d bytes of input (%d of payload); limit %d MiB (err %v)",
			allocated>>20, len(input), payload, limit>>20, err)
	}

	if err != nil {
		if cut {
			return // any error will do
		}
		for _, s := range readSentinels {
			if errors.Is(err, s) {
				return
			}
		}
		// A damaged gzip stream is reported as gzip reports it.
		var corrupt flate.CorruptInputError
		if gzipped(input) && (errors.Is(err, gzip.ErrHeader) || errors.Is(err, gzip.ErrChecksum) ||
			errors.Is(err, io.ErrUnexpectedEOF) || errors.As(err, &corrupt)) {
			return
		}
		t.Fatalf("error wraps no sentinel: %v", err)
	}
	if cut || gzErr != nil {
		t.Fatalf("a damaged gzip stream (%v) read without error: %d words", gzErr, set.Len())
	}

	n, d := set.Len(), set.Dim()
	if n < 1 || d < 1 || len(set.Data()) != n*d || len(set.Words()) != n {
		t.Fatalf("%d words × dim %d but %d values and %d words", n, d, len(set.Data()), len(set.Words()))
	}
	if info.Rows != n+info.Duplicates {
		t.Fatalf("info.Rows %d, want %d words + %d duplicates", info.Rows, n, info.Duplicates)
	}
	if opts.RejectDuplicates && info.Duplicates != 0 {
		t.Fatalf("%d duplicates with RejectDuplicates", info.Duplicates)
	}
	if info.Gzip != gzipped(input) {
		t.Fatalf("info.Gzip = %v for input starting %x", info.Gzip, input[:min(2, len(input))])
	}
	switch info.Format {
	case FormatGloVeText:
		if info.HeaderRows != -1 || info.HeaderDim != -1 {
			t.Fatalf("GloVe text with a header %d %d", info.HeaderRows, info.HeaderDim)
		}
	case FormatWord2VecText, FormatWord2VecBinary:
		if info.HeaderDim != d || d > MaxDim || info.HeaderRows < 0 {
			t.Fatalf("header %d %d, set has dim %d", info.HeaderRows, info.HeaderDim, d)
		}
		if opts.StrictHeader && info.HeaderRows != info.Rows {
			t.Fatalf("StrictHeader, but the header says %d rows and there are %d", info.HeaderRows, info.Rows)
		}
	default:
		t.Fatalf("info.Format = %v", info.Format)
	}
	if format != FormatAuto && info.Format != format {
		t.Fatalf("forced %v, read %v", format, info.Format)
	}
	textOK := true
	for i, w := range set.Words() {
		if w == "" {
			t.Fatalf("word %d is empty", i)
		}
		if j, ok := set.Index(w); !ok || j != i {
			t.Fatalf("Index(%q) = %d, %v; want %d", w, j, ok, i)
		}
		if strings.ContainsAny(w, " \t\r\n") {
			if info.Format != FormatWord2VecBinary {
				t.Fatalf("text word %q holds a separator", w)
			}
			textOK = false
		}
		if strings.Contains(w, " ") || strings.ContainsAny(w[:1], "\t\r\n") {
			t.Fatalf("word %q cannot come from a file", w)
		}
	}
	for i, v := range set.Data() {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			t.Fatalf("value %d is %v", i, v)
		}
	}

	// What was read writes out and reads back the same, in the binary
	// format always and in the text format when no word holds one of its
	// separators.
	var buf bytes.Buffer
	if err := WriteBinary(&buf, set); err != nil {
		t.Fatal(err)
	}
	back, _, err := Read(ctx, bytes.NewReader(buf.Bytes()), LoadOptions{Format: FormatWord2VecBinary, StrictHeader: true, RejectDuplicates: true})
	if err != nil {
		t.Fatalf("binary round trip: %v", err)
	}
	sameSet(t, back, set)
	if textOK {
		buf.Reset()
		if err := WriteText(&buf, set, true); err != nil {
			t.Fatal(err)
		}
		back, _, err := Read(ctx, bytes.NewReader(buf.Bytes()), LoadOptions{Format: FormatWord2VecText, StrictHeader: true, RejectDuplicates: true})
		if err != nil {
			t.Fatalf("text round trip: %v", err)
		}
		sameSet(t, back, set)
	}
}

// gzipped reports whether b starts with the gzip magic bytes.
func gzipped(b []byte) bool { return len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b }

// gunzip returns how many bytes the gzip stream b decompresses to, up to
// limit+1, and the error that stops it.
func gunzip(b []byte, limit int64) (int, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(io.Discard, io.LimitReader(zr, limit+1))
	return int(n), err
}

// heapAllocs returns the bytes allocated on the heap so far.
func heapAllocs() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
