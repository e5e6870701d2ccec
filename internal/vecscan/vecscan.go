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
// trusted: real files undercount; the rows are counted instead.
func Scan(r io.Reader) (Info, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var info Info
	line, headerDim := 0, 0
	for sc.Scan() {
		line++
		fields := bytes.Fields(sc.Bytes())
		if len(fields) == 0 {
			continue
		}
		if line == 1 && len(fields) == 2 && isInt(fields[0]) && isInt(fields[1]) {
			info.HasHeader = true
			headerDim, _ = strconv.Atoi(string(fields[1]))
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
			if err != nil {
				return Info{}, fmt.Errorf("line %d: %q is not a number: %w", line, truncate(f), ErrFormat)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return Info{}, fmt.Errorf("line %d: %q is not a finite number: %w", line, truncate(f), ErrFormat)
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

func isInt(b []byte) bool {
	_, err := strconv.Atoi(string(b))
	return err == nil
}

func truncate(b []byte) string {
	if len(b) > 20 {
		return string(b[:20]) + "…"
	}
	return string(b)
}
