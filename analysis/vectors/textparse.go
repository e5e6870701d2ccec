package vectors

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"
	"unicode/utf8"
)

// parseWorkers is the number of goroutines parsing text chunks.
const parseWorkers = 2

// textParser parses text rows "word v1 … vd" into one row-major slice.
// The calling goroutine cuts the input into chunks of whole lines and
// counts their lines (so every chunk knows its first line and row);
// parseWorkers goroutines parse chunks straight into their rows.
type textParser struct {
	lineOffset int // file line number of the first data row, minus one
	dim        int // from the header, or 0 to take it from the first row

	mu        sync.Mutex
	err       error // the error with the smallest line number
	errLine   int
	rowsEnd   int // 1 + last row holding a vector
	blankLine int // smallest blank line number, 0 if none
}

// textChunk is a run of whole lines and where its rows go.
type textChunk struct {
	buf      []byte
	firstRow int // row of buf's first line
	words    []string
	data     []float32
	dim      int
}

// fail records err at line, keeping the earliest line.
func (p *textParser) fail(line int, err error) {
	p.mu.Lock()
	if p.err == nil || line < p.errLine {
		p.err, p.errLine = err, line
	}
	p.mu.Unlock()
}

// parse reads all rows from r. capRows is the number of rows the input can
// hold at most (from a line count) and size its length in bytes, or both
// -1 when unknown.
func (p *textParser) parse(ctx context.Context, r io.Reader, capRows int, size int64) (words []string, data []float32, dim int, err error) {
	// failed stops the reading loop after a bad line. Workers still parse
	// the chunks already queued (unless ctx itself is cancelled), so the
	// error reported is always the first one in the file.
	failed, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan textChunk, parseWorkers)
	free := make(chan []byte, parseWorkers+3)
	var workers, inflight sync.WaitGroup
	for range parseWorkers {
		workers.Go(func() {
			var scratch wordArena
			for c := range jobs {
				if ctx.Err() == nil {
					if err := p.parseChunk(&c, &scratch); err != nil {
						cancel()
					}
				}
				select {
				case free <- c.buf[:0]:
				default:
				}
				inflight.Done()
			}
		})
	}
	// stop closes the pipeline and waits, so no goroutine outlives parse.
	stop := func() {
		close(jobs)
		workers.Wait()
	}

	getBuf := func(size int) []byte {
		select {
		case b := <-free:
			if cap(b) >= size {
				return b[:size]
			}
		default:
		}
		return make([]byte, size)
	}

	dim = p.dim
	// Rows are stored by line number, but vectors only for as many rows as
	// the bytes read so far can hold: a row takes at least 2·dim+2 bytes
	// (a one-byte word, a separator and a digit per value, and a '\n' the
	// last line may lack). Storage for lines × dim would let a header's
	// dimension, or a wide first row, followed by blank lines ask for
	// gigabytes from a few bytes of input. A line beyond this storage
	// follows a blank or malformed line (see parseChunk).
	vectorRows := func(n int64) int { return int((n + 1) / int64(2*dim+2)) }
	// grow makes room for rows words and vecRows vectors. It waits for the
	// chunks writing into the old storage, then at least doubles it.
	grow := func(rows, vecRows, fit int) {
		inflight.Wait()
		if rows > len(words) {
			nw := make([]string, max(rows, 2*len(words), 1024))
			copy(nw, words)
			words = nw
		}
		if vecRows*dim > len(data) {
			nd := make([]float32, min(max(vecRows, 2*len(data)/dim, 1024), fit)*dim)
			copy(nd, data)
			data = nd
		}
	}
	if capRows >= 0 {
		words = make([]string, capRows)
	}
	var consumed int64 // bytes of the chunks handed to the workers

	buf := getBuf(bufferSize)
	carry := 0 // bytes of an unfinished line at the start of buf
	nextLine := p.lineOffset + 1
	eof := false
	for !eof {
		if failed.Err() != nil {
			break
		}
		n, rerr := io.ReadFull(r, buf[carry:])
		n += carry
		switch {
		case rerr == io.EOF || rerr == io.ErrUnexpectedEOF: // the end, not a wrapped error (see gzipEnd)
			eof = true
		case rerr != nil:
			stop()
			return nil, nil, 0, rerr
		}
		cut := n // bytes of whole lines
		if !eof {
			cut = bytes.LastIndexByte(buf[:n], '\n') + 1
			if cut == 0 { // one line longer than buf: enlarge and read on
				bigger := make([]byte, 2*len(buf))
				copy(bigger, buf[:n])
				buf, carry = bigger, n
				continue
			}
		}
		chunk := buf[:cut]
		lines := bytes.Count(chunk, []byte{'\n'})
		if eof && cut > 0 && chunk[cut-1] != '\n' {
			lines++
		}
		if dim == 0 {
			if dim, err = firstRowDim(chunk, nextLine); err != nil {
				stop()
				return nil, nil, 0, err
			}
		}
		if capRows >= 0 && data == nil {
			data = make([]float32, min(capRows, vectorRows(size))*dim)
		}
		firstRow := nextLine - p.lineOffset - 1
		consumed += int64(cut)
		fit := vectorRows(consumed)
		if firstRow+lines > len(words) && capRows >= 0 { // the input changed between the two passes
			stop()
			return nil, nil, 0, errors.New("vectors: input grew while being read")
		}
		if vecRows := min(firstRow+lines, fit); firstRow+lines > len(words) || vecRows*dim > len(data) {
			grow(firstRow+lines, vecRows, fit)
		}
		next := getBuf(max(bufferSize, n-cut+bufferSize/2))
		carry = copy(next, buf[cut:n])
		inflight.Add(1)
		jobs <- textChunk{buf: chunk, firstRow: firstRow, words: words, data: data, dim: dim}
		buf = next
		nextLine += lines
	}
	stop()
	if p.err != nil {
		return nil, nil, 0, p.err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, 0, err
	}
	if p.blankLine != 0 && p.blankLine-p.lineOffset-1 < p.rowsEnd {
		return nil, nil, 0, fmt.Errorf("line %d: %w", p.blankLine, ErrBlankLine)
	}
	n := p.rowsEnd
	return words[:n:n], data[: n*dim : n*dim], dim, nil
}

// firstRowDim returns the number of values on the first non-blank line of
// chunk (whose first line is number line).
func firstRowDim(chunk []byte, line int) (int, error) {
	for len(chunk) > 0 {
		l, _ := firstLine(chunk)
		if f := fields(l); len(f) > 0 {
			if len(f) < 2 {
				return 0, fmt.Errorf("line %d: a word without values: %w", line, ErrRaggedRow)
			}
			return len(f) - 1, nil
		}
		chunk = chunk[min(len(l)+1, len(chunk)):]
		line++
	}
	return 0, ErrEmpty
}

// wordArena collects the words of one chunk so they can share a single
// string allocation; spill takes the values of a row beyond the storage.
type wordArena struct {
	bytes []byte
	ends  []int32
	rows  []int32
	spill []float32
}

// parseChunk parses every line of c into its rows and records blank lines
// and the last row; on a bad line it records the error and returns it.
func (p *textParser) parseChunk(c *textChunk, arena *wordArena) error {
	arena.bytes, arena.ends, arena.rows = arena.bytes[:0], arena.ends[:0], arena.rows[:0]
	buf := c.buf
	row := c.firstRow
	rowsEnd, blank := 0, 0
	for len(buf) > 0 {
		i := bytes.IndexByte(buf, '\n')
		var line []byte
		if i < 0 {
			line, buf = buf, nil
		} else {
			line, buf = buf[:i], buf[i+1:]
		}
		lineNo := row + p.lineOffset + 1
		var dst []float32
		if (row+1)*c.dim <= len(c.data) {
			dst = c.data[row*c.dim : (row+1)*c.dim]
		} else {
			// No storage: the bytes so far cannot hold this many rows, so
			// a line before this one is blank or malformed (an error found
			// here or by another chunk). Parse into scratch to report the
			// earliest problem; the row itself is never returned.
			if cap(arena.spill) < c.dim {
				arena.spill = make([]float32, c.dim)
			}
			dst = arena.spill[:c.dim]
		}
		word, err := parseRow(line, dst)
		switch {
		case err != nil:
			p.fail(lineNo, fmt.Errorf("line %d: %w", lineNo, err))
			return err
		case word == nil:
			if blank == 0 {
				blank = lineNo
			}
		default:
			if blank != 0 {
				err := fmt.Errorf("line %d: %w", blank, ErrBlankLine)
				p.fail(blank, err)
				return err
			}
			arena.bytes = append(arena.bytes, word...)
			arena.ends = append(arena.ends, int32(len(arena.bytes)))
			arena.rows = append(arena.rows, int32(row))
			rowsEnd = row + 1
		}
		row++
	}
	// One allocation for all the words of the chunk; each word is a
	// substring of it.
	all := string(arena.bytes)
	start := int32(0)
	for k, end := range arena.ends {
		c.words[arena.rows[k]] = all[start:end]
		start = end
	}
	p.mu.Lock()
	p.rowsEnd = max(p.rowsEnd, rowsEnd)
	if blank != 0 && (p.blankLine == 0 || blank < p.blankLine) {
		p.blankLine = blank
	}
	p.mu.Unlock()
	return nil
}

// isSep reports whether c separates fields.
func isSep(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// fields splits line at runs of separators (isSep), as parseRow does. Every
// decision about a row (its dimension, the header's) must split this way:
// bytes.Fields also splits at '\v', a no-break space and other white
// space, which parseRow keeps inside a word, so a first word holding one
// was taken for a wrong dimension.
func fields(line []byte) [][]byte {
	return bytes.FieldsFunc(line, func(r rune) bool { return r < utf8.RuneSelf && isSep(byte(r)) })
}

// parseRow parses "word v1 … vd" (fields separated by runs of spaces or
// tabs, surrounding blanks and '\r' ignored) into dst (length d). It
// returns a nil word for a blank line.
func parseRow(line []byte, dst []float32) (word []byte, err error) {
	i := 0
	for i < len(line) && isSep(line[i]) {
		i++
	}
	if i == len(line) {
		return nil, nil
	}
	start := i
	for i < len(line) && !isSep(line[i]) {
		i++
	}
	word = line[start:i]
	n := 0
	for {
		for i < len(line) && isSep(line[i]) {
			i++
		}
		if i == len(line) {
			break
		}
		if n == len(dst) {
			extra := len(fields(line[i:]))
			return nil, fmt.Errorf("word %q: %d values, want %d: %w", clip(word), n+extra, len(dst), ErrRaggedRow)
		}
		v, end, kind := scanNumber(line, i)
		switch kind {
		case numberInvalid:
			return nil, fmt.Errorf("word %q, value %d %q: %w", clip(word), n+1, clip(line[i:tokenEnd(line, i)]), ErrNotNumber)
		case numberNonFinite:
			return nil, fmt.Errorf("word %q, value %d %q: %w", clip(word), n+1, clip(line[i:tokenEnd(line, i)]), ErrNonFinite)
		}
		dst[n] = v
		n++
		i = end
	}
	if n != len(dst) {
		return nil, fmt.Errorf("word %q: %d values, want %d: %w", clip(word), n, len(dst), ErrRaggedRow)
	}
	return word, nil
}

// Results of parseNumber.
const (
	numberOK = iota
	numberInvalid
	numberNonFinite
)

// pow10 holds the powers of ten exactly representable in float64.
var pow10 = [...]float64{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22}

// tokenEnd returns the index of the first separator at or after i.
func tokenEnd(b []byte, i int) int {
	for i < len(b) && !isSep(b[i]) {
		i++
	}
	return i
}

// parseNumber parses all of b as a number (see scanNumber).
func parseNumber(b []byte) (float32, int) {
	v, end, kind := scanNumber(b, 0)
	if kind == numberOK && end != len(b) {
		return 0, numberInvalid
	}
	return v, kind
}

// scanNumber parses the decimal number starting at b[i] and ending at the
// next separator or the end of b, returning its value, the index just past
// it, and numberOK, numberInvalid or numberNonFinite. The value is the
// float64 nearest to the decimal, rounded to float32 (the same double
// rounding as reading into float64 and converting, which is what gensim
// and numpy do). The fast path is Clinger's: when the decimal significand
// has at most 15 digits and the power of ten at most 22, m·10^e or m/10^e
// is one correctly rounded float64 operation on exact operands. Anything
// else (long significands, large exponents, "nan", "inf") goes to
// strconv.ParseFloat. Tokenising and parsing in one pass matters: this is
// the loader's inner loop.
func scanNumber(b []byte, i int) (float32, int, int) {
	start := i
	neg := false
	if i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = b[i] == '-'
		i++
	}
	var mant uint64
	digits, exp := 0, 0
	sawDigit, exact := false, true
	for ; i < len(b) && b[i]-'0' < 10; i++ {
		sawDigit = true
		if digits < 15 {
			mant = mant*10 + uint64(b[i]-'0')
			if mant != 0 {
				digits++
			}
		} else {
			exact = false
		}
	}
	if i < len(b) && b[i] == '.' {
		i++
		for ; i < len(b) && b[i]-'0' < 10; i++ {
			sawDigit = true
			if digits < 15 {
				mant = mant*10 + uint64(b[i]-'0')
				exp--
				if mant != 0 {
					digits++
				}
			} else {
				exact = false
			}
		}
	}
	if !sawDigit {
		end := tokenEnd(b, start)
		v, kind := parseSlow(b[start:end])
		return v, end, kind
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		eneg := false
		if i < len(b) && (b[i] == '-' || b[i] == '+') {
			eneg = b[i] == '-'
			i++
		}
		if i == len(b) || b[i]-'0' >= 10 {
			return 0, i, numberInvalid
		}
		e := 0
		for ; i < len(b) && b[i]-'0' < 10; i++ {
			if e < 100000 {
				e = e*10 + int(b[i]-'0')
			}
		}
		if eneg {
			e = -e
		}
		exp += e
	}
	if i < len(b) && !isSep(b[i]) {
		return 0, i, numberInvalid
	}
	if !exact || exp < -22 || exp > 22 {
		v, kind := parseSlow(b[start:i])
		return v, i, kind
	}
	f := float64(mant)
	if exp < 0 {
		f /= pow10[-exp]
	} else {
		f *= pow10[exp]
	}
	if neg {
		f = -f
	}
	if f > math.MaxFloat32 || f < -math.MaxFloat32 {
		return 0, i, numberNonFinite
	}
	return float32(f), i, numberOK
}

// parseSlow handles what the fast path does not (long significands, large
// exponents, "nan", "inf").
func parseSlow(b []byte) (float32, int) {
	f, err := strconv.ParseFloat(string(b), 64)
	var numErr *strconv.NumError
	switch {
	case err == nil:
	case errors.As(err, &numErr) && errors.Is(numErr.Err, strconv.ErrRange):
		return 0, numberNonFinite
	default:
		return 0, numberInvalid
	}
	if nonFinite(f) || f > math.MaxFloat32 || f < -math.MaxFloat32 {
		return 0, numberNonFinite
	}
	return float32(f), numberOK
}

// readBinary reads word2vec binary records after the header (offset is the
// header's length, for messages) until EOF, with room for capRows rows
// before growing.
func readBinary(ctx context.Context, br *bufio.Reader, offset int64, dim, capRows int) ([]string, []float32, error) {
	words := make([]string, 0, capRows)
	data := make([]float32, 0, capRows*dim)
	raw := make([]byte, 4*dim)
	var arena wordArena
	flush := func() {
		all := string(arena.bytes)
		start := int32(0)
		for _, end := range arena.ends {
			words = append(words, all[start:end])
			start = end
		}
		arena.bytes, arena.ends = arena.bytes[:0], arena.ends[:0]
	}
	pos := offset
	for rec := 1; ; rec++ {
		if rec%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			flush()
		}
		// Records may be separated by '\n' (word2vec writes one after each
		// vector) or other blanks.
		c, err := br.ReadByte()
		for err == nil && (c == '\n' || c == ' ' || c == '\r' || c == '\t') {
			pos++
			c, err = br.ReadByte()
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		_ = br.UnreadByte()
		word, err := br.ReadSlice(' ')
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			return nil, nil, fmt.Errorf("record %d (byte %d): word longer than %d bytes: %w", rec, pos, bufferSize, ErrTruncated)
		case errors.Is(err, io.EOF):
			return nil, nil, fmt.Errorf("record %d (byte %d): input ends inside the word %q: %w", rec, pos, clip(word), ErrTruncated)
		case err != nil:
			return nil, nil, err
		}
		arena.bytes = append(arena.bytes, word[:len(word)-1]...)
		arena.ends = append(arena.ends, int32(len(arena.bytes)))
		wordStart := pos
		pos += int64(len(word))
		if _, err := io.ReadFull(br, raw); err != nil {
			if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
				return nil, nil, fmt.Errorf("record %d (byte %d): input ends inside the %d-byte vector: %w", rec, wordStart, len(raw), ErrTruncated)
			}
			return nil, nil, err
		}
		pos += int64(len(raw))
		for k := range dim {
			v := math.Float32frombits(uint32(raw[4*k]) | uint32(raw[4*k+1])<<8 | uint32(raw[4*k+2])<<16 | uint32(raw[4*k+3])<<24)
			if nonFinite(float64(v)) {
				return nil, nil, fmt.Errorf("record %d (byte %d), value %d: %w", rec, wordStart, k+1, ErrNonFinite)
			}
			data = append(data, v)
		}
	}
	flush()
	return words, data, nil
}
