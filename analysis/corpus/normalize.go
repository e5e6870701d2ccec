package corpus

import (
	"bytes"
	"fmt"
	"io"

	"golang.org/x/text/unicode/norm"
)

// Normalization selects the Unicode normalisation applied to the text
// before it is split into tokens.
type Normalization int

const (
	// NFC composes letters and their marks (canonical composition), so
	// that precomposed and decomposed spellings of a word are one type.
	// It is the default (the zero value).
	NFC Normalization = iota
	// NoNormalization passes the bytes through as they are.
	NoNormalization
)

// String returns the name ParseNormalization accepts.
func (n Normalization) String() string {
	switch n {
	case NFC:
		return "nfc"
	case NoNormalization:
		return "none"
	}
	return fmt.Sprintf("Normalization(%d)", int(n))
}

// ParseNormalization maps "nfc" (or "") and "none" to a Normalization.
func ParseNormalization(s string) (Normalization, error) {
	switch s {
	case "nfc", "NFC", "":
		return NFC, nil
	case "none":
		return NoNormalization, nil
	}
	return 0, fmt.Errorf("%w: normalization %q (want nfc or none)", ErrBadOption, s)
}

// ScanOptions configures NewScannerOptions: how text is split, and what is
// done to it first.
type ScanOptions struct {
	Tokenizer Tokenizer
	// Normalization is NFC unless set to NoNormalization.
	Normalization Normalization
	// ToneMarks moves Vietnamese tone marks in oa, oe and uy to one
	// convention; the default keeps them where they are.
	ToneMarks ToneMarks
}

// Check reports an option out of range, wrapping ErrBadTokenizer or
// ErrBadOption.
func (o ScanOptions) Check() error {
	if o.Tokenizer != Words && o.Tokenizer != Whitespace {
		return fmt.Errorf("%w: %v", ErrBadTokenizer, o.Tokenizer)
	}
	if o.Normalization != NFC && o.Normalization != NoNormalization {
		return fmt.Errorf("%w: %v", ErrBadOption, o.Normalization)
	}
	if o.ToneMarks < KeepToneMarks || o.ToneMarks > NewToneMarks {
		return fmt.Errorf("%w: %v", ErrBadOption, o.ToneMarks)
	}
	return nil
}

// normBufSize is the raw buffer of the normalizer: a line longer than
// this is normalised in pieces cut at a space or a normalisation boundary.
const normBufSize = 1 << 16

// normalizer is the io.Reader between the decoded text and the tokenizer
// that applies NFC and the tone-mark convention, line by line, and counts
// the lines it changed. Text that is already normal (all of ASCII, and
// NFC text without tone-mark work) is passed through without a copy
// beyond the one into the caller's buffer.
type normalizer struct {
	r     io.Reader
	nfc   bool
	tones ToneMarks

	in         []byte // raw bytes; in[start:end] not yet processed
	start, end int
	ready      []byte // processed bytes waiting for Read
	out        []byte // storage of ready when the text was changed
	scratch    []byte
	eof        bool
	err        error

	raw         int64 // raw bytes read
	changed     int64 // lines changed
	lineChanged bool  // the current, unfinished line was changed
}

func newNormalizer(r io.Reader, opt ScanOptions) *normalizer {
	return &normalizer{r: r, nfc: opt.Normalization == NFC, tones: opt.ToneMarks, in: make([]byte, normBufSize)}
}

// Read implements io.Reader.
func (n *normalizer) Read(p []byte) (int, error) {
	for len(n.ready) == 0 {
		if n.start == n.end && n.eof {
			if n.lineChanged {
				n.changed++
				n.lineChanged = false
			}
			if n.err != nil {
				return 0, n.err
			}
			return 0, io.EOF
		}
		n.next()
	}
	k := copy(p, n.ready)
	n.ready = n.ready[k:]
	return k, nil
}

// next reads raw input and processes the longest piece that ends at a
// line feed (or, for a line longer than the buffer, at a safe cut).
func (n *normalizer) next() {
	for {
		data := n.in[n.start:n.end]
		cut := -1
		switch {
		case n.eof:
			cut = len(data)
		case bytes.LastIndexByte(data, '\n') >= 0:
			cut = bytes.LastIndexByte(data, '\n') + 1
		case n.start == 0 && n.end == len(n.in):
			cut = safeCut(data)
		}
		if cut >= 0 {
			n.process(data[:cut])
			n.start += cut
			return
		}
		if n.start > 0 {
			copy(n.in, data)
			n.end -= n.start
			n.start = 0
		}
		k, err := n.r.Read(n.in[n.end:])
		n.end += k
		n.raw += int64(k)
		if err != nil {
			n.eof = true
			if err != io.EOF {
				n.err = err
			}
		}
	}
}

// safeCut returns where a piece of a long line can end without changing
// its normalisation or splitting a word: after the last ASCII space or
// tab, or else at the last normalisation boundary.
func safeCut(data []byte) int {
	if i := bytes.LastIndexAny(data, " \t"); i >= 0 {
		return i + 1
	}
	if i := norm.NFC.LastBoundary(data); i > 0 {
		return i
	}
	return len(data)
}

// process normalises part, which ends at a line feed, a safe cut or the
// end of input, into n.ready.
func (n *normalizer) process(part []byte) {
	quick := len(part)
	if n.nfc {
		quick = norm.NFC.QuickSpan(part)
	}
	if quick == len(part) && n.tones == KeepToneMarks {
		// Nothing changes: only the line count of a long line changed in
		// an earlier piece is settled here.
		if n.lineChanged && bytes.IndexByte(part, '\n') >= 0 {
			n.changed++
			n.lineChanged = false
		}
		n.ready = part
		return
	}
	n.out = n.out[:0]
	for len(part) > 0 {
		line := part
		if i := bytes.IndexByte(part, '\n'); i >= 0 {
			line = part[:i+1]
		}
		part = part[len(line):]
		n.out = n.appendLine(n.out, line)
		if line[len(line)-1] == '\n' {
			if n.lineChanged {
				n.changed++
			}
			n.lineChanged = false
		}
	}
	n.ready = n.out
}

// appendLine appends the normalised line to dst and marks the line
// changed when it was.
func (n *normalizer) appendLine(dst, line []byte) []byte {
	if n.nfc && norm.NFC.QuickSpan(line) != len(line) {
		n.scratch = norm.NFC.Append(n.scratch[:0], line...)
		if !bytes.Equal(n.scratch, line) {
			n.lineChanged = true
			line = n.scratch
		}
	}
	if n.tones == KeepToneMarks || isASCII(line) {
		return append(dst, line...)
	}
	mark := len(dst)
	dst = appendToneMarks(dst, line, n.tones)
	if !bytes.Equal(dst[mark:], line) {
		n.lineChanged = true
	}
	return dst
}

// isASCII reports whether p holds only ASCII bytes.
func isASCII(p []byte) bool {
	for _, b := range p {
		if b >= 0x80 {
			return false
		}
	}
	return true
}
