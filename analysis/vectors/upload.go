package vectors

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// ErrTooLarge reports a gzip upload that decompresses to more than
// UploadOptions.MaxDecoded bytes (a gzip bomb, or a file to split).
var ErrTooLarge = errors.New("the decompressed vector file is too large")

// checkWord refuses a word uploads may not carry: invalid UTF-8, a NUL
// byte (refused as in corpora: text never holds one), or a tab, carriage
// return or newline, which the text format the set is stored in cannot
// hold inside a word.
func checkWord(w []byte) error {
	switch {
	case !utf8.Valid(w):
		return errors.New("word is not valid UTF-8")
	case bytes.IndexByte(w, 0) >= 0:
		return fmt.Errorf("the word %q contains a NUL byte", clipShort(bytes.ReplaceAll(w, []byte{0}, []byte(`\0`))))
	case bytes.ContainsAny(w, "\t\r\n"):
		return fmt.Errorf("the word %q contains a tab or line break", clipShort(w))
	}
	return nil
}

// SniffBinary reports whether head, the first bytes of an uncompressed
// file, starts a word2vec binary file: a header "n d" and then a record
// that is not a text row (see the package comment's detection rule).
func SniffBinary(head []byte) bool {
	first, complete := firstLine(head)
	if _, _, ok := parseHeader(first); !ok || !complete {
		return false
	}
	return !looksLikeTextRow(head[len(first)+1:])
}

// LooksLikeProjectorVectors reports whether head, the first bytes of a
// file, starts like the vectors.tsv of a Projector pair: a first line of
// at least two tab-separated numbers and nothing else (a word-vector text
// row starts with its word).
func LooksLikeProjectorVectors(head []byte) bool {
	first, _ := firstLine(head)
	first = bytes.TrimRight(first, "\r")
	f := bytes.Split(first, []byte{'\t'})
	if len(f) < 2 {
		return false
	}
	for _, v := range f {
		if _, err := strconv.ParseFloat(string(bytes.TrimSpace(v)), 64); err != nil {
			return false
		}
	}
	return true
}

// UploadOptions bound ReadUpload.
type UploadOptions struct {
	// MaxDecoded bounds the bytes a gzip file may decompress to
	// (ErrTooLarge beyond); 0 means no bound.
	MaxDecoded int64
}

// ReadUpload reads an uploaded vector file in any format Read detects —
// GloVe or word2vec text, word2vec binary, or any of them gzip-compressed
// — with the checks of ScanText for words: valid UTF-8 without NUL, tab or
// line break (ErrNotText otherwise), at most MaxScanDim components
// (ErrRaggedRow), and at most opts.MaxDecoded bytes decompressed. A file
// compressed twice is refused (ErrNotText). Duplicated words keep their
// first row, as Read does.
func ReadUpload(ctx context.Context, r io.Reader, opts UploadOptions) (*Set, LoadInfo, error) {
	br := bufio.NewReader(r)
	magic, _ := br.Peek(2)
	gz := bytes.Equal(magic, []byte{0x1f, 0x8b})
	in := io.Reader(br)
	if gz {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, LoadInfo{}, fmt.Errorf("the gzip header is damaged (%v): %w", err, ErrNotText)
		}
		defer zr.Close()
		limited := &limitReader{r: zr, left: opts.MaxDecoded}
		if opts.MaxDecoded <= 0 {
			limited.left = math.MaxInt64
		}
		zbr := bufio.NewReader(limited)
		if inner, _ := zbr.Peek(2); bytes.Equal(inner, []byte{0x1f, 0x8b}) {
			return nil, LoadInfo{}, fmt.Errorf("the file is compressed twice: %w", ErrNotText)
		}
		in = zbr
	}
	set, info, err := Read(ctx, in, LoadOptions{})
	info.Gzip = gz
	if err != nil {
		return nil, info, err
	}
	if set.Dim() > MaxScanDim {
		return nil, info, fmt.Errorf("%d components, more than %d: %w", set.Dim(), MaxScanDim, ErrRaggedRow)
	}
	for i, w := range set.words {
		if err := checkWord([]byte(w)); err != nil {
			return nil, info, fmt.Errorf("row %d: %v: %w", i+1, err, ErrNotText)
		}
	}
	return set, info, nil
}

// limitReader fails with ErrTooLarge once more than left bytes are read.
type limitReader struct {
	r    io.Reader
	left int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, ErrTooLarge
	}
	if int64(len(p))-1 > l.left {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, ErrTooLarge
	}
	return n, err
}

// ReadProjector reads the TensorFlow Embedding Projector pair that
// WriteProjector writes: vectorsTSV holds one row of d tab-separated
// numbers a line, metadataTSV the words one a line, in the same order. A
// metadata file of several tab-separated columns starts with a header
// line (the projector's rule) and gives the word in its first column. The
// two files must have as many rows (ErrHeaderMismatch otherwise); rows
// must all have d values (ErrRaggedRow), finite in float32 range
// (ErrNotNumber, ErrNonFinite); words follow ReadUpload's rules, and a
// repeated word is ErrDuplicateWord (the projector allows repeats, a
// Set cannot index them). Errors name the line.
func ReadProjector(ctx context.Context, vectorsTSV, metadataTSV io.Reader) (*Set, error) {
	words, err := readMetadata(metadataTSV)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(vectorsTSV)
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	var data []float32
	dim, rows, blank := 0, 0, false
	for sc.Scan() {
		line := bytes.TrimRight(sc.Bytes(), "\r")
		if len(bytes.TrimSpace(line)) == 0 {
			blank = true // fine at the end of the file, not before a row
			continue
		}
		if blank {
			return nil, fmt.Errorf("vectors.tsv line %d: a blank line before it: %w", rows+1, ErrBlankLine)
		}
		rows++
		if rows%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if rows > len(words) {
			return nil, fmt.Errorf("vectors.tsv line %d: more rows than the %d words of metadata.tsv: %w", rows, len(words), ErrHeaderMismatch)
		}
		f := bytes.Split(line, []byte{'\t'})
		switch {
		case dim == 0 && len(f) > MaxScanDim:
			return nil, fmt.Errorf("vectors.tsv line %d: %d values, more than %d: %w", rows, len(f), MaxScanDim, ErrRaggedRow)
		case dim == 0:
			dim = len(f)
		case len(f) != dim:
			return nil, fmt.Errorf("vectors.tsv line %d: %d values where earlier lines have %d: %w", rows, len(f), dim, ErrRaggedRow)
		}
		for _, v := range f {
			x, err := strconv.ParseFloat(string(bytes.TrimSpace(v)), 32)
			switch {
			case err != nil && !errors.Is(err, strconv.ErrRange):
				return nil, fmt.Errorf("vectors.tsv line %d: %q is not a number: %w", rows, clipShort(v), ErrNotNumber)
			case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
				return nil, fmt.Errorf("vectors.tsv line %d: %q is not a finite number in float32 range: %w", rows, clipShort(v), ErrNonFinite)
			}
			data = append(data, float32(x))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("vectors.tsv: %w", err)
	}
	switch {
	case rows == 0:
		return nil, fmt.Errorf("vectors.tsv: %w", ErrEmpty)
	case rows != len(words):
		return nil, fmt.Errorf("vectors.tsv has %d rows and metadata.tsv %d words: %w", rows, len(words), ErrHeaderMismatch)
	}
	set, err := New(words, dim, data)
	if err != nil {
		return nil, fmt.Errorf("projector pair: %w", err)
	}
	return set, nil
}

// readMetadata reads the words of a projector metadata.tsv.
func readMetadata(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	var words []string
	line, columns, blank := 0, false, 0
	for sc.Scan() {
		line++
		text := bytes.TrimRight(sc.Bytes(), "\r")
		if line == 1 && bytes.IndexByte(text, '\t') >= 0 {
			columns = true // a header line names the columns
			continue
		}
		if columns {
			text, _, _ = bytes.Cut(text, []byte{'\t'})
		}
		if len(text) == 0 {
			if blank == 0 {
				blank = line // fine at the end of the file, not before a word
			}
			continue
		}
		if blank > 0 {
			return nil, fmt.Errorf("metadata.tsv line %d: an empty word: %w", blank, ErrNotText)
		}
		if err := checkWord(text); err != nil {
			return nil, fmt.Errorf("metadata.tsv line %d: %v: %w", line, err, ErrNotText)
		}
		words = append(words, string(text))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("metadata.tsv: %w", err)
	}
	if len(words) == 0 {
		return nil, fmt.Errorf("metadata.tsv: %w", ErrEmpty)
	}
	return words, nil
}
