package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// ErrInvalidUTF8 means the decoded text holds a byte sequence that is not
// UTF-8. Check wraps it in a *TextError naming the line and byte.
var ErrInvalidUTF8 = errors.New("the text is not valid UTF-8")

// TextError locates a byte that makes a corpus unusable: a NUL (Err is
// ErrBinary) or the start of an invalid UTF-8 sequence (Err is
// ErrInvalidUTF8). Line is 1-based; Offset is the 0-based byte offset in
// the decoded text (after gzip decompression); Byte is the byte itself.
// Likely is the encoding the text is probably in (see Encoding), guessed
// from the invalid bytes of the rest of the 1 MiB block the byte was
// found in; it is also set, with Err ErrUTF16, for UTF-16 without a
// byte-order mark.
type TextError struct {
	Err    error
	Line   int64
	Offset int64
	Byte   byte
	Likely Encoding
}

func (e *TextError) Error() string {
	if e.Err == ErrUTF16 {
		return fmt.Sprintf("%v: no byte-order mark, but its zero bytes say %v", e.Err, e.Likely)
	}
	return fmt.Sprintf("%v: byte 0x%02X at line %d (byte %d)", e.Err, e.Byte, e.Line, e.Offset)
}

func (e *TextError) Unwrap() error { return e.Err }

// Check reads a whole corpus the way a build will, so that what would make
// the build fail is found before one starts: it decodes r with NewReader
// and opt (gzip, the decoded-size limit, UTF-16 and binary sniffing: the
// errors of NewReader), then reads the text to the end. A NUL byte
// anywhere or invalid UTF-8 is a *TextError wrapping ErrBinary or
// ErrInvalidUTF8; text without a single letter or digit wraps
// ErrEmptyCorpus. Read errors (ErrCorruptGzip, ErrTooLarge, the reader's
// own) are returned as they are. Memory use is one 1 MiB buffer.
func Check(r io.Reader, opt ReadOptions) error {
	text, err := NewReader(r, opt)
	if err != nil {
		return err
	}
	_, err = checkText(text, false)
	return err
}

// CheckReplacing is Check for a corpus whose invalid UTF-8 is to be
// replaced rather than refused (a user's "replace invalid bytes and
// continue"): it counts the bytes that do not start a valid UTF-8
// sequence — what a build's tokenizer replaces, and reports in
// corpusbuild's Summary.InvalidUTF8 — instead of failing on the first,
// and refuses everything else as Check does (NUL bytes, UTF-16, damaged
// gzip, no letter or digit).
func CheckReplacing(r io.Reader, opt ReadOptions) (invalid int64, err error) {
	text, err := NewReader(r, opt)
	if err != nil {
		return 0, err
	}
	return checkText(text, true)
}

// checkBufferSize is the read size of Check.
const checkBufferSize = 1 << 20

// checkText reads decoded text to the end (see Check), counting invalid
// bytes instead of failing on them when replace is set.
func checkText(r io.Reader, replace bool) (invalid int64, err error) {
	buf := make([]byte, checkBufferSize)
	var (
		carry     int   // bytes of a rune cut at the end of the last read, moved to buf[0:carry]
		offset    int64 // decoded bytes before buf[0]
		line      int64 = 1
		sawLetter bool
	)
	for {
		n, err := io.ReadFull(r, buf[carry:])
		n += carry
		eof := err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF)
		if err != nil && !eof {
			return invalid, err
		}
		chunk := buf[:n]
		end := n
		if !eof {
			end = completeRunes(chunk)
		}
		if i := bytes.IndexByte(chunk[:end], 0); i >= 0 {
			return invalid, &TextError{Err: ErrBinary, Line: line + int64(bytes.Count(chunk[:i], []byte{'\n'})), Offset: offset + int64(i)}
		}
		if !utf8.Valid(chunk[:end]) {
			if !replace {
				i := firstInvalid(chunk[:end])
				return invalid, &TextError{Err: ErrInvalidUTF8, Line: line + int64(bytes.Count(chunk[:i], []byte{'\n'})), Offset: offset + int64(i), Byte: chunk[i],
					Likely: guessEightBit(chunk[i:end])}
			}
			invalid += countInvalid(chunk[:end])
		}
		if !sawLetter {
			sawLetter = hasLetterOrDigit(chunk[:end])
		}
		line += int64(bytes.Count(chunk[:end], []byte{'\n'}))
		if eof {
			if !sawLetter {
				return invalid, fmt.Errorf("%w: the text holds no letter or digit, only punctuation, symbols or spaces", ErrEmptyCorpus)
			}
			return invalid, nil
		}
		offset += int64(end)
		carry = copy(buf, chunk[end:])
	}
}

// completeRunes returns the length of p without a UTF-8 sequence cut at its
// end, which the next read completes.
func completeRunes(p []byte) int {
	n := len(p)
	for k := 1; k < utf8.UTFMax && k <= n; k++ {
		if utf8.RuneStart(p[n-k]) {
			if !utf8.FullRune(p[n-k:]) {
				return n - k
			}
			break
		}
	}
	return n
}

// firstInvalid returns the index of the first byte of p that does not
// start a valid UTF-8 sequence, or len(p).
func firstInvalid(p []byte) int {
	i := 0
	for i < len(p) {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	return i
}

// countInvalid returns the number of bytes of p that do not start a valid
// UTF-8 sequence (each is one replacement).
func countInvalid(p []byte) int64 {
	var n int64
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// hasLetterOrDigit reports whether valid UTF-8 text p holds a letter or a
// digit.
func hasLetterOrDigit(p []byte) bool {
	for len(p) > 0 {
		r, size := utf8.DecodeRune(p)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		p = p[size:]
	}
	return false
}
