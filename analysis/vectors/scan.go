package vectors

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// ErrNotText reports input that ScanText refuses: not a word-vector text
// file it can measure. Its errors also wrap the loader's sentinel for the
// same problem (ErrRaggedRow, ErrNotNumber, ErrNonFinite, ErrBlankLine,
// ErrHeaderMismatch, ErrEmpty) where there is one.
var ErrNotText = errors.New("not a word-vector text file")

// MaxScanDim is the widest row ScanText accepts. Uploads wider than this
// are refused; Load itself takes up to MaxDim.
const MaxScanDim = 10000

// maxScanLine is the longest line ScanText reads: a row of MaxScanDim
// values of 25 characters each is under 256 KiB.
const maxScanLine = 4 << 20

// TextInfo describes a word-vector text file measured by ScanText.
type TextInfo struct {
	Count     int  // vector rows, duplicates included (LoadInfo.Rows)
	Dim       int  // values per row
	HasHeader bool // the first line was a "n d" header
}

// ScanText reads a word-vector text file (GloVe text, or word2vec text
// with its "n d" header) to the end and measures it without keeping the
// vectors: memory is one line. It splits lines into fields, recognises the
// header and the byte-order mark and parses numbers with the loader's own
// functions, so any file it accepts, Read loads as text with the same row
// count and dimension (FuzzScanText checks it). It is stricter than Read
// where uploads need it: a word must be valid UTF-8, a row at most
// MaxScanDim values, and gzip and word2vec binary files are not text.
// Like Read it takes the rows present over a header's row count.
//
// Errors wrap ErrNotText and name the line; ctx is checked every 4096
// lines.
func ScanText(ctx context.Context, r io.Reader) (TextInfo, error) {
	br := bufio.NewReaderSize(r, maxScanLine)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		return TextInfo{}, notText(nil, "the file is gzip-compressed")
	}
	if _, err := skipBOM(br); err != nil {
		return TextInfo{}, err
	}
	var (
		info      TextInfo
		headerDim int
		blank     int // the first blank line so far; rows may not follow one
	)
	for line := 1; ; line++ {
		if line%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return TextInfo{}, err
			}
		}
		text, err := br.ReadSlice('\n')
		complete := err == nil
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			return TextInfo{}, notText(nil, "line %d is longer than %d MiB", line, maxScanLine>>20)
		case err != nil && err != io.EOF:
			return TextInfo{}, err
		}
		if len(text) == 0 && err == io.EOF {
			break
		}
		text = bytes.TrimSuffix(text, []byte{'\n'})
		f := fields(text)
		switch {
		case len(f) == 0:
			if blank == 0 {
				blank = line
			}
		case blank != 0:
			return TextInfo{}, notText(ErrBlankLine, "line %d: blank line between vector rows", blank)
		case line == 1 && complete && len(f) == 2 && headerDimOf(text) > 0:
			// Read's rule: parseHeader on a whole first line.
			headerDim, info.HasHeader = headerDimOf(text), true
		default:
			if err := info.addRow(f, line, headerDim); err != nil {
				return TextInfo{}, err
			}
		}
		if err == io.EOF {
			break
		}
	}
	if info.Count == 0 {
		return TextInfo{}, notText(ErrEmpty, "no vectors found")
	}
	return info, nil
}

// headerDimOf returns the dimension of a "n d" header line, or 0 when
// line is not one.
func headerDimOf(line []byte) int {
	_, dim, ok := parseHeader(line)
	if !ok {
		return 0
	}
	return dim
}

// addRow checks the fields of one vector row (line) and counts it.
func (info *TextInfo) addRow(f [][]byte, line, headerDim int) error {
	if err := checkWord(f[0]); err != nil {
		return notText(nil, "line %d: %v", line, err)
	}
	d := len(f) - 1
	switch {
	case d == 0:
		return notText(ErrRaggedRow, "line %d: a word without numbers", line)
	case d > MaxScanDim:
		return notText(ErrRaggedRow, "line %d: %d components, more than %d", line, d, MaxScanDim)
	case info.Dim != 0 && d != info.Dim:
		return notText(ErrRaggedRow, "line %d: %d components where earlier lines have %d", line, d, info.Dim)
	case info.HasHeader && d != headerDim:
		// A header's row count is often wrong in real files; its
		// dimension never is, so a mismatch means a damaged file.
		return notText(ErrHeaderMismatch, "line %d: %d components where the header says %d", line, d, headerDim)
	}
	for _, v := range f[1:] {
		switch _, kind := parseNumber(v); kind {
		case numberNonFinite:
			return notText(ErrNonFinite, "line %d: %q is not a finite number in float32 range", line, clipShort(v))
		case numberInvalid:
			return notText(ErrNotNumber, "line %d: %q is not a number", line, clipShort(v))
		}
	}
	info.Dim = d
	info.Count++
	return nil
}

// clipShort shortens a value for a message to 20 bytes.
func clipShort(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "…"
	}
	return string(b)
}

// scanError is an error of ScanText: its message, then ErrNotText; it
// wraps ErrNotText and the loader's sentinel for the same problem.
type scanError struct {
	msg   string
	cause error // a loader sentinel, or nil
}

func notText(cause error, format string, args ...any) error {
	return &scanError{msg: fmt.Sprintf(format, args...), cause: cause}
}

func (e *scanError) Error() string { return e.msg + ": " + ErrNotText.Error() }

func (e *scanError) Unwrap() []error {
	if e.cause == nil {
		return []error{ErrNotText}
	}
	return []error{ErrNotText, e.cause}
}
