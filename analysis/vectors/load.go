package vectors

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
)

// Format is a word-vector file format.
type Format int

const (
	// FormatAuto detects the format (see the package comment).
	FormatAuto Format = iota
	// FormatGloVeText is text rows "word v1 … vd" without a header.
	FormatGloVeText
	// FormatWord2VecText is text rows after a header line "n d".
	FormatWord2VecText
	// FormatWord2VecBinary is word2vec's binary format.
	FormatWord2VecBinary
)

// String names the format.
func (f Format) String() string {
	switch f {
	case FormatAuto:
		return "auto"
	case FormatGloVeText:
		return "glove-text"
	case FormatWord2VecText:
		return "word2vec-text"
	case FormatWord2VecBinary:
		return "word2vec-binary"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

// LoadOptions tunes Load and Read. The zero value detects everything and
// tolerates a wrong header row count and duplicate words.
type LoadOptions struct {
	// Format forces a format; FormatAuto (zero) detects it.
	Format Format
	// StrictHeader makes a header row count that differs from the rows
	// present an error (ErrHeaderMismatch) instead of a note in LoadInfo.
	StrictHeader bool
	// RejectDuplicates makes a repeated word an error (ErrDuplicateWord)
	// instead of keeping its first row.
	RejectDuplicates bool
	// Progress, when set, is called from the reading goroutine with the
	// number of input bytes (compressed bytes for gzip) consumed so far,
	// about every 4 MiB. It must return quickly.
	Progress func(bytesRead int64)
}

// LoadInfo describes what Load found.
type LoadInfo struct {
	Format Format
	Gzip   bool
	// HeaderRows and HeaderDim are the header's counts, -1 without header.
	HeaderRows, HeaderDim int
	// Rows is the number of vector rows in the input, duplicates included.
	Rows int
	// Duplicates counts rows dropped because their word came earlier;
	// FirstDuplicate and FirstDuplicateLine locate the first one (line for
	// text, 1-based record number for binary).
	Duplicates         int
	FirstDuplicate     string
	FirstDuplicateLine int
}

// HeaderMismatch reports whether a header's row count differs from the
// rows present.
func (li LoadInfo) HeaderMismatch() bool { return li.HeaderRows >= 0 && li.HeaderRows != li.Rows }

// MaxDim is the largest dimension a header may declare; it keeps a
// corrupt header from triggering a huge allocation.
const MaxDim = 1 << 20

// bufferSize is the size of read buffers and text chunks.
const bufferSize = 4 << 20

// sniffSize is how much of the input is examined to detect the format.
const sniffSize = 1 << 20

// Load reads a word-vector file (any Format, plain or gzip). Errors name
// the file and wrap the package's sentinels.
func Load(ctx context.Context, path string, opts LoadOptions) (*Set, LoadInfo, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, LoadInfo{}, err
	}
	defer f.Close()
	set, info, err := Read(ctx, f, opts)
	if err != nil {
		return nil, info, fmt.Errorf("%s: %w", path, err)
	}
	return set, info, nil
}

// Read reads word vectors from r (any Format, plain or gzip). When r is
// seekable (an *os.File, a multipart upload) text rows are counted in a
// first pass so the vectors are stored without reallocation; otherwise
// storage grows by doubling.
func Read(ctx context.Context, r io.Reader, opts LoadOptions) (*Set, LoadInfo, error) {
	src := &source{r: r, size: -1, progress: opts.Progress}
	if rs, ok := r.(io.ReadSeeker); ok {
		if start, err := rs.Seek(0, io.SeekCurrent); err == nil {
			src.rs, src.start = rs, start
			if end, err := rs.Seek(0, io.SeekEnd); err == nil {
				src.size = end - start
			}
			if _, err := rs.Seek(start, io.SeekStart); err != nil {
				return nil, LoadInfo{}, err
			}
		}
	}
	return load(ctx, src, opts)
}

// source is the raw input, rewindable when rs is set.
type source struct {
	r        io.Reader
	rs       io.ReadSeeker
	start    int64
	size     int64 // bytes from start to the end, -1 when unknown
	progress func(int64)
	opened   bool
	gzip     bool
	bom      int // bytes of a UTF-8 byte-order mark skipped at the start
}

// open returns the decompressed input from its start, after a UTF-8
// byte-order mark if there is one (see skipBOM). Unless the source is
// rewindable it can be opened only once.
func (s *source) open(progress bool) (*bufio.Reader, error) {
	if s.opened {
		if s.rs == nil {
			return nil, errors.New("vectors: input cannot be read twice")
		}
		if _, err := s.rs.Seek(s.start, io.SeekStart); err != nil {
			return nil, err
		}
	}
	s.opened = true
	var raw io.Reader = s.r
	if progress && s.progress != nil {
		raw = &countingReader{r: raw, report: s.progress}
	}
	br := bufio.NewReaderSize(raw, bufferSize)
	magic, _ := br.Peek(2)
	s.gzip = len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	if s.gzip {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		br = bufio.NewReaderSize(gzipEnd{gz}, bufferSize)
	}
	bom, err := skipBOM(br)
	if err != nil {
		return nil, err
	}
	s.bom = bom
	return br, nil
}

// utf8BOM is the UTF-8 encoding of U+FEFF, the byte-order mark some
// editors (Notepad, Excel's "CSV UTF-8") put at the start of a file.
var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// skipBOM discards a UTF-8 byte-order mark at the start of the text, so
// that a file is read as if it were absent: it never becomes part of the
// first word or hides a header "n d". It returns the number of bytes
// skipped. Only the very start is special; a U+FEFF further on is a
// character like any other. For gzip input the mark is looked for in the
// decompressed text.
func skipBOM(br *bufio.Reader) (int, error) {
	b, err := br.Peek(len(utf8BOM))
	if bytes.Equal(b, utf8BOM) {
		return br.Discard(len(utf8BOM))
	}
	// A short input is not an error here; anything else (a damaged gzip
	// stream) would be lost if ignored, as Peek hands it over only once.
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return 0, err
	}
	return 0, nil
}

// gzipEnd wraps the io.ErrUnexpectedEOF of a gzip stream that is cut short.
// io.ReadFull returns a bare io.ErrUnexpectedEOF for a short last read, and
// the text readers take that for the end of the input; a truncated
// download used to load as a shorter file. Wrapped, it is an error there
// (they compare with ==), and errors.Is still finds io.ErrUnexpectedEOF.
type gzipEnd struct{ r io.Reader }

func (g gzipEnd) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("gzip stream ends early: %w", err)
	}
	return n, err
}

// countingReader reports the running byte count after each read.
type countingReader struct {
	r      io.Reader
	n      int64
	report func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.report(c.n)
	return n, err
}

// load detects the format and dispatches to the text or binary parser.
func load(ctx context.Context, src *source, opts LoadOptions) (*Set, LoadInfo, error) {
	info := LoadInfo{HeaderRows: -1, HeaderDim: -1}
	br, err := src.open(src.rs == nil)
	if err != nil {
		return nil, info, err
	}
	info.Gzip = src.gzip
	peek, err := br.Peek(sniffSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, info, err
	}
	if len(bytes.TrimSpace(peek)) == 0 {
		return nil, info, fmt.Errorf("line 1: %w", ErrEmpty)
	}
	first, complete := firstLine(peek)
	hdrRows, hdrDim, isHeader := parseHeader(first)
	isHeader = isHeader && complete
	switch opts.Format {
	case FormatGloVeText:
		isHeader = false
	case FormatWord2VecText, FormatWord2VecBinary:
		if !isHeader {
			return nil, info, fmt.Errorf("line 1: want a header \"n d\" for %v, got %q: %w", opts.Format, clip(first), ErrHeaderMismatch)
		}
	}
	if isHeader && hdrDim > MaxDim {
		return nil, info, fmt.Errorf("line 1: header dimension %d exceeds %d: %w", hdrDim, MaxDim, ErrHeaderMismatch)
	}
	format := FormatGloVeText
	if isHeader {
		info.HeaderRows, info.HeaderDim = hdrRows, hdrDim
		format = FormatWord2VecText
		rest := peek[len(first)+1:]
		if opts.Format == FormatWord2VecBinary || (opts.Format == FormatAuto && !looksLikeTextRow(rest)) {
			format = FormatWord2VecBinary
		} else if row, complete := firstLine(rest); complete || len(rest) < sniffSize-len(first)-1 {
			if f := fields(row); len(f) > 0 && len(f)-1 != hdrDim {
				return nil, info, fmt.Errorf("line 2: header says dimension %d, first row has %d values: %w", hdrDim, len(f)-1, ErrHeaderMismatch)
			}
		}
	}
	info.Format = format

	var (
		words  []string
		data   []float32
		dim    int
		offset int // line number of the first data row minus one
	)
	if format == FormatWord2VecBinary {
		if src.rs != nil { // the sniffing pass reported no progress
			if br, err = src.open(true); err != nil {
				return nil, info, err
			}
		}
		if _, err := br.Discard(len(first) + 1); err != nil {
			return nil, info, err
		}
		// Trust the header's count only as far as the input can hold it.
		capRows := hdrRows
		if src.size >= 0 && !src.gzip {
			capRows = min(capRows, int(src.size/int64(4*hdrDim+2))+1)
		} else {
			// Unknown size: start with at most 16 Mi floats and grow as
			// records arrive, whatever dimension the header claims.
			capRows = min(capRows, 1<<16, max(1, (1<<24)/hdrDim))
		}
		words, data, err = readBinary(ctx, br, int64(src.bom+len(first)+1), hdrDim, capRows)
		if err != nil {
			return nil, info, err
		}
		dim = hdrDim
	} else {
		capRows, size := -1, int64(-1) // unknown: grow
		if src.rs != nil {
			lines, n, err := countLines(ctx, br)
			if err != nil {
				return nil, info, err
			}
			if br, err = src.open(true); err != nil {
				return nil, info, err
			}
			capRows, size = lines, n
		}
		if isHeader {
			if _, err := br.Discard(len(first) + 1); err != nil {
				return nil, info, err
			}
			offset = 1
			if capRows > 0 {
				capRows--
				size -= int64(len(first) + 1)
			}
		}
		p := textParser{lineOffset: offset}
		if isHeader {
			p.dim = hdrDim
		}
		words, data, dim, err = p.parse(ctx, br, capRows, size)
		if err != nil {
			return nil, info, err
		}
	}
	info.Rows = len(words)
	if len(words) == 0 {
		return nil, info, ErrEmpty
	}
	if info.HeaderRows >= 0 && opts.StrictHeader && info.HeaderRows != info.Rows {
		return nil, info, fmt.Errorf("line 1: header says %d rows, input has %d: %w", info.HeaderRows, info.Rows, ErrHeaderMismatch)
	}
	set, err := buildSet(words, dim, data, offset, format == FormatWord2VecBinary, opts.RejectDuplicates, &info)
	return set, info, err
}

// buildSet indexes words, dropping (or rejecting) duplicates in place.
// Rows are numbered for messages as lines (row+lineOffset+1) or records.
func buildSet(words []string, dim int, data []float32, lineOffset int, binary, reject bool, info *LoadInfo) (*Set, error) {
	where := func(row int) string {
		if binary {
			return fmt.Sprintf("record %d", row+1)
		}
		return fmt.Sprintf("line %d", row+lineOffset+1)
	}
	index := make(map[string]int32, len(words))
	kept := 0
	for i, w := range words {
		if j, dup := index[w]; dup {
			if reject {
				return nil, fmt.Errorf("%s: %q already on %s: %w", where(i), w, where(int(j)), ErrDuplicateWord)
			}
			if info.Duplicates == 0 {
				info.FirstDuplicate = w
				if binary {
					info.FirstDuplicateLine = i + 1
				} else {
					info.FirstDuplicateLine = i + lineOffset + 1
				}
			}
			info.Duplicates++
			continue
		}
		// index holds positions in the input until the first duplicate;
		// after that, rows shift down and the stored row is the kept one.
		index[w] = int32(kept)
		if kept != i {
			words[kept] = w
			copy(data[kept*dim:(kept+1)*dim], data[i*dim:(i+1)*dim])
		}
		kept++
	}
	return &Set{words: words[:kept:kept], dim: dim, data: data[: kept*dim : kept*dim], index: index}, nil
}

// firstLine returns the first line of b without its '\n' (and a trailing
// '\r'), and whether it was terminated within b.
func firstLine(b []byte) (line []byte, complete bool) {
	i := bytes.IndexByte(b, '\n')
	if i < 0 {
		return b, false
	}
	return b[:i], true
}

// parseHeader recognises "n d": exactly two unsigned decimal integers,
// d ≥ 1.
func parseHeader(line []byte) (rows, dim int, ok bool) {
	f := fields(line)
	if len(f) != 2 {
		return 0, 0, false
	}
	r, err1 := strconv.ParseUint(string(f[0]), 10, 31)
	d, err2 := strconv.ParseUint(string(f[1]), 10, 31)
	if err1 != nil || err2 != nil || d < 1 {
		return 0, 0, false
	}
	return int(r), int(d), true
}

// looksLikeTextRow reports whether the bytes after a header start with a
// text row: a word and at least one number on a line of printable text.
// Binary float32 data almost always holds control bytes.
func looksLikeTextRow(rest []byte) bool {
	if len(bytes.TrimSpace(rest)) == 0 {
		return true
	}
	line, _ := firstLine(rest)
	line = bytes.TrimRight(line, "\r")
	for _, c := range line {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return false
		}
	}
	f := fields(line)
	if len(f) < 2 {
		return false
	}
	_, kind := parseNumber(f[1])
	return kind != numberInvalid
}

// countLines returns the number of lines in r (a last line without '\n'
// counts) and its length in bytes.
func countLines(ctx context.Context, r io.Reader) (int, int64, error) {
	buf := make([]byte, bufferSize)
	lines, size := 0, int64(0)
	var last byte = '\n'
	for {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		n, err := io.ReadFull(r, buf)
		if n > 0 {
			lines += bytes.Count(buf[:n], []byte{'\n'})
			size += int64(n)
			last = buf[n-1]
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF { // the end, not a wrapped error (see gzipEnd)
			break
		}
		if err != nil {
			return 0, 0, err
		}
	}
	if last != '\n' {
		lines++
	}
	return lines, size, nil
}

// clip shortens b for error messages.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}
