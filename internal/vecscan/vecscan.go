// Package vecscan checks a word-vector text file (GloVe / word2vec text
// format: one word and its components per line, optionally preceded by a
// "count dim" header line) and measures it, without keeping the vectors.
// The dashboard uses it to validate uploads and record count × dim; the
// vectors themselves are loaded by the analysis code.
package vecscan

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// ErrFormat means the file is not a word-vector text file.
var ErrFormat = errors.New("not a word-vector text file")

// MaxDim is the largest dimension accepted.
const MaxDim = 10000

// Info describes a vector file.
type Info struct {
	Count     int  // number of vectors (rows)
	Dim       int  // components per vector
	HasHeader bool // the first line was a "count dim" header
}

// Scan reads r to the end and measures it. A header's counts are not
// trusted: real files undercount; the rows are counted instead. A UTF-8
// byte-order mark at the start is skipped, as the loader skips it.
func Scan(r io.Reader) (Info, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var info Info
	line, headerDim := 0, 0
	blank := 0 // the first blank line so far; rows may not follow one
	for sc.Scan() {
		line++
		// Split as analysis/vectors does when it loads the file: other
		// white space (a no-break space, a vertical tab) is part of the
		// word there, so counting it as a separator here would record
		// another dimension or reject a file that loads.
		text := sc.Bytes()
		if line == 1 {
			text = trimBOM(text)
		}
		fields := bytes.FieldsFunc(text, isSep)
		if len(fields) == 0 {
			if blank == 0 {
				blank = line
			}
			continue
		}
		if blank != 0 {
			// The loader (analysis/vectors) allows blank lines only at the
			// end, so a file with one before a row must not be accepted.
			return Info{}, fmt.Errorf("line %d: blank line between vector rows: %w", blank, ErrFormat)
		}
		if d, ok := header(fields); ok && line == 1 {
			info.HasHeader = true
			headerDim = d
			continue
		}
		if !utf8.Valid(fields[0]) {
			return Info{}, fmt.Errorf("line %d: word is not valid UTF-8: %w", line, ErrFormat)
		}
		d := len(fields) - 1
		switch {
		case d == 0:
			return Info{}, fmt.Errorf("line %d: a word without numbers: %w", line, ErrFormat)
		case d > MaxDim:
			return Info{}, fmt.Errorf("line %d: %d components, more than %d: %w", line, d, MaxDim, ErrFormat)
		case info.Dim != 0 && d != info.Dim:
			return Info{}, fmt.Errorf("line %d: %d components where earlier lines have %d: %w", line, d, info.Dim, ErrFormat)
		case info.HasHeader && d != headerDim:
			// A header's row count is often wrong in real files; its
			// dimension never is, so a mismatch means a damaged file.
			return Info{}, fmt.Errorf("line %d: %d components where the header says %d: %w", line, d, headerDim, ErrFormat)
		}
		info.Dim = d
		for _, f := range fields[1:] {
			v, err := strconv.ParseFloat(string(f), 64)
			switch {
			case err == nil && (math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > math.MaxFloat32),
				errors.Is(err, strconv.ErrRange):
				return Info{}, fmt.Errorf("line %d: %q is not a finite number in float32 range: %w", line, truncate(f), ErrFormat)
			case err != nil || !decimal(f):
				return Info{}, fmt.Errorf("line %d: %q is not a number: %w", line, truncate(f), ErrFormat)
			}
		}
		info.Count++
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Info{}, fmt.Errorf("line %d is longer than 4 MiB: %w", line+1, ErrFormat)
		}
		return Info{}, err
	}
	if info.Count == 0 {
		return Info{}, fmt.Errorf("no vectors found: %w", ErrFormat)
	}
	return info, nil
}

// utf8BOM is the UTF-8 encoding of U+FEFF, the byte-order mark.
var utf8BOM = []byte{0xef, 0xbb, 0xbf}

// trimBOM drops a UTF-8 byte-order mark from the start of the first line:
// analysis/vectors reads a file as if it were absent, so it must not be
// taken for part of the first word (or hide a header) here. A U+FEFF
// anywhere else is part of a word there, and so here.
func trimBOM(first []byte) []byte { return bytes.TrimPrefix(first, utf8BOM) }

// isSep reports whether r separates fields: a space, a tab or a '\r', as
// for analysis/vectors.
func isSep(r rune) bool { return r == ' ' || r == '\t' || r == '\r' }

// header returns the dimension of a "count dim" header line, and whether
// fields are one. The rule is the loader's (analysis/vectors): two
// unsigned decimal integers below 2^31 and a dimension of at least 1.
// Anything else ("-1 2", "3 0") is a row there, so it must be one here.
func header(fields [][]byte) (dim int, ok bool) {
	if len(fields) != 2 {
		return 0, false
	}
	_, err1 := strconv.ParseUint(string(fields[0]), 10, 31)
	d, err2 := strconv.ParseUint(string(fields[1]), 10, 31)
	if err1 != nil || err2 != nil || d < 1 {
		return 0, false
	}
	return int(d), true
}

func truncate(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "…"
	}
	return string(b)
}

// decimal reports whether b is written with the characters of a decimal
// number (digits, sign, point, exponent), as the loader requires: Go's
// ParseFloat also takes hexadecimal ("0x1p3") and underscores ("1_0").
func decimal(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.' || c == 'e' || c == 'E') {
			return false
		}
	}
	return true
}
