package corpus

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf8"
)

// Tokenizer selects how text is split into tokens; see the package
// documentation.
type Tokenizer int

const (
	// Words emits lower-cased Unicode word runs and drops punctuation.
	Words Tokenizer = iota
	// Whitespace splits on space, tab and newline only, keeping case and
	// punctuation, like the Stanford GloVe tools.
	Whitespace
)

// String returns the name ParseTokenizer accepts.
func (t Tokenizer) String() string {
	switch t {
	case Words:
		return "words"
	case Whitespace:
		return "whitespace"
	}
	return fmt.Sprintf("Tokenizer(%d)", int(t))
}

// ParseTokenizer maps "words" or "whitespace" to a Tokenizer.
func ParseTokenizer(s string) (Tokenizer, error) {
	switch s {
	case "words", "":
		return Words, nil
	case "whitespace":
		return Whitespace, nil
	}
	return 0, fmt.Errorf("%w %q (want words or whitespace)", ErrBadTokenizer, s)
}

// MaxTokenBytes is the longest token kept, in bytes; longer tokens are
// truncated (Stanford's MAX_STRING_LENGTH - 1).
const MaxTokenBytes = 999

// Stats counts what a Scanner has seen.
type Stats struct {
	Bytes       int64 // decoded bytes read
	Tokens      int64 // tokens emitted
	Lines       int64 // line feeds seen
	InvalidUTF8 int64 // invalid UTF-8 bytes dropped (Words mode)
	Truncated   int64 // tokens cut to MaxTokenBytes
	// NormalizedLines counts the lines that Unicode normalisation or the
	// tone-mark convention changed (a last line without a line feed
	// included).
	NormalizedLines int64
	// JoinedPairs counts the token pairs a phrase model joined into one
	// token (see EncodeOptions.Phrases); Tokens counts the joined token
	// once.
	JoinedPairs int64
}

// byte classes for the ASCII fast paths.
const (
	classSep  = iota // separator, dropped
	classWord        // part of a token
	classLF          // line feed: separator and line break
	classCR          // carriage return: ignored (Whitespace) or separator (Words)
	classApos        // ASCII apostrophe (Words)
	classHigh        // byte >= 0x80: decode a rune (Words)
)

var wordsClass, spaceClass [256]uint8

// lowerASCII maps ASCII bytes to lower case.
var lowerASCII [128]byte

func init() {
	for b := 0; b < 256; b++ {
		c := uint8(classSep)
		switch {
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9':
			c = classWord
		case b == '\n':
			c = classLF
		case b == '\'':
			c = classApos
		case b >= 0x80:
			c = classHigh
		}
		wordsClass[b] = c
		switch b {
		case ' ', '\t', 0:
			spaceClass[b] = classSep
		case '\n':
			spaceClass[b] = classLF
		case '\r':
			spaceClass[b] = classCR
		default:
			spaceClass[b] = classWord
		}
	}
	for b := 0; b < 128; b++ {
		lowerASCII[b] = byte(b)
		if b >= 'A' && b <= 'Z' {
			lowerASCII[b] = byte(b + 'a' - 'A')
		}
	}
}

// Scanner splits a text stream into tokens and line breaks.
//
//	sc := corpus.NewScanner(r, corpus.Words)
//	for sc.Scan() {
//		if sc.LineBreak() { ... } else { use(sc.Token()) }
//	}
//	if err := sc.Err(); err != nil { ... }
type Scanner struct {
	r        io.Reader
	mode     Tokenizer
	buf      []byte
	pos, end int
	eof      bool
	err      error
	started  bool

	tok        []byte
	lineBreak  bool
	truncating bool
	stats      Stats
	norm       *normalizer // nil without normalisation
}

// NewScanner returns a Scanner reading decoded text from r (see NewReader
// for gzip and binary detection) with the given tokenizer and the default
// text options (NFC, tone marks kept).
func NewScanner(r io.Reader, mode Tokenizer) *Scanner {
	return NewScannerOptions(r, ScanOptions{Tokenizer: mode})
}

// NewScannerOptions returns a Scanner reading decoded text from r,
// normalised as opt says. Options out of range (see ScanOptions.Check)
// are a programmer error: they panic.
func NewScannerOptions(r io.Reader, opt ScanOptions) *Scanner {
	if err := opt.Check(); err != nil {
		panic("corpus: NewScannerOptions: " + err.Error())
	}
	s := &Scanner{r: r, mode: opt.Tokenizer, buf: make([]byte, 1<<16), tok: make([]byte, 0, 64)}
	if opt.Normalization != NoNormalization || opt.ToneMarks != KeepToneMarks {
		s.norm = newNormalizer(r, opt)
		s.r = s.norm
	}
	return s
}

// Token returns the current token. It is valid until the next Scan.
func (s *Scanner) Token() []byte { return s.tok }

// LineBreak reports whether the current item is a line break.
func (s *Scanner) LineBreak() bool { return s.lineBreak }

// Err returns the first read error, or nil at a clean end of input.
func (s *Scanner) Err() error { return s.err }

// Stats returns the counts so far. With normalisation, Bytes counts the
// bytes read before it.
func (s *Scanner) Stats() Stats {
	st := s.stats
	if s.norm != nil {
		st.Bytes = s.norm.raw
		st.NormalizedLines = s.norm.changed
	}
	return st
}

// fill makes at least need bytes available from pos, unless the input
// ends first. It reports whether any byte is available.
//
// The first call skips a UTF-8 byte-order mark. It reads until it holds
// three bytes (or the input ends), however few the reader returns at a
// time: deciding on fewer would let a BOM through to the first token when
// the reader is a pipe or a decompressor that hands over one byte first.
// The decision is made once: U+FEFF later in the text is an ordinary
// character.
func (s *Scanner) fill(need int) bool {
	if !s.started {
		s.started = true
		s.read(3)
		if s.end-s.pos >= 3 && s.buf[s.pos] == 0xef && s.buf[s.pos+1] == 0xbb && s.buf[s.pos+2] == 0xbf {
			s.pos += 3
		}
	}
	s.read(need)
	return s.end > s.pos
}

// read reads until at least need bytes are available from pos or the
// input ends.
func (s *Scanner) read(need int) {
	for s.end-s.pos < need && !s.eof {
		if s.pos > 0 {
			copy(s.buf, s.buf[s.pos:s.end])
			s.end -= s.pos
			s.pos = 0
		}
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		s.stats.Bytes += int64(n)
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
		}
	}
}

// Scan advances to the next token or line break and reports whether there
// is one. It returns false at the end of the input or on a read error.
func (s *Scanner) Scan() bool {
	s.tok = s.tok[:0]
	s.lineBreak = false
	s.truncating = false
	if s.err != nil {
		return false
	}
	var ok bool
	if s.mode == Whitespace {
		ok = s.scanWhitespace()
	} else {
		ok = s.scanWords()
	}
	if s.err != nil {
		return false
	}
	return ok
}

// emitToken finishes the current token.
func (s *Scanner) emitToken() bool {
	if s.truncating {
		s.stats.Truncated++
		s.tok = trimPartialRune(s.tok)
	}
	s.stats.Tokens++
	return true
}

// appendBytes adds p to the token, truncating at MaxTokenBytes.
func (s *Scanner) appendBytes(p []byte) {
	if room := MaxTokenBytes - len(s.tok); len(p) > room {
		p = p[:room]
		s.truncating = true
	}
	s.tok = append(s.tok, p...)
}

func (s *Scanner) scanWhitespace() bool {
	for {
		if s.pos >= s.end && !s.fill(1) {
			if len(s.tok) > 0 {
				return s.emitToken()
			}
			return false
		}
		buf := s.buf[s.pos:s.end]
		i := 0
		for i < len(buf) {
			c := spaceClass[buf[i]]
			if c == classWord {
				j := i + 1
				for j < len(buf) && spaceClass[buf[j]] == classWord {
					j++
				}
				s.appendBytes(buf[i:j])
				i = j
				continue
			}
			switch c {
			case classCR:
				i++
			case classSep:
				i++
				if len(s.tok) > 0 {
					s.pos += i
					return s.emitToken()
				}
			case classLF:
				if len(s.tok) > 0 {
					s.pos += i // the line feed is returned by the next Scan
					return s.emitToken()
				}
				s.pos += i + 1
				s.stats.Lines++
				s.lineBreak = true
				return true
			}
		}
		s.pos += i
	}
}

// isApostrophe reports whether r joins two word runs.
func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }

// isWordRune reports whether r belongs to a word in Words mode.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// peekRune decodes the rune at pos, refilling if a multi-byte sequence
// straddles the buffer end. size is 0 at the end of input.
func (s *Scanner) peekRune() (r rune, size int) {
	if s.end-s.pos < utf8.UTFMax {
		s.fill(utf8.UTFMax)
	}
	if s.pos >= s.end {
		return 0, 0
	}
	b := s.buf[s.pos]
	if b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRune(s.buf[s.pos:s.end])
}

func (s *Scanner) scanWords() bool {
	for {
		if s.pos >= s.end && !s.fill(1) {
			if len(s.tok) > 0 {
				return s.emitToken()
			}
			return false
		}
		b := s.buf[s.pos]
		switch wordsClass[b] {
		case classWord:
			// ASCII run.
			j := s.pos
			for j < s.end && wordsClass[s.buf[j]] == classWord {
				if len(s.tok) < MaxTokenBytes {
					s.tok = append(s.tok, lowerASCII[s.buf[j]])
				} else {
					s.truncating = true
				}
				j++
			}
			s.pos = j
		case classLF:
			if len(s.tok) > 0 {
				return s.emitToken()
			}
			s.pos++
			s.stats.Lines++
			s.lineBreak = true
			return true
		case classApos:
			s.pos++
			if s.apostropheJoins() {
				continue
			}
			if len(s.tok) > 0 {
				return s.emitToken()
			}
		case classHigh:
			r, size := s.peekRune()
			if r == utf8.RuneError && size <= 1 {
				s.stats.InvalidUTF8++
				s.pos++
				if len(s.tok) > 0 {
					return s.emitToken()
				}
				continue
			}
			s.pos += size
			switch {
			case isWordRune(r):
				s.appendRune(unicode.ToLower(r))
			case isApostrophe(r) && s.apostropheJoins():
			default:
				if len(s.tok) > 0 {
					return s.emitToken()
				}
			}
		default: // separator
			s.pos++
			if len(s.tok) > 0 {
				return s.emitToken()
			}
		}
	}
}

// appendRune adds r to the token unless that would pass MaxTokenBytes.
func (s *Scanner) appendRune(r rune) {
	if len(s.tok)+utf8.RuneLen(r) > MaxTokenBytes {
		s.truncating = true
		return
	}
	s.tok = utf8.AppendRune(s.tok, r)
}

// apostropheJoins is called just after an apostrophe was consumed; when
// the token is non-empty and a word rune follows, it appends ' and
// reports true.
func (s *Scanner) apostropheJoins() bool {
	if len(s.tok) == 0 {
		return false
	}
	r, size := s.peekRune()
	if size == 0 || (r == utf8.RuneError && size == 1) || !isWordRune(r) {
		return false
	}
	if len(s.tok)+1 <= MaxTokenBytes {
		s.tok = append(s.tok, '\'')
	} else {
		s.truncating = true
	}
	return true
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of p, left
// by byte-wise truncation.
func trimPartialRune(p []byte) []byte {
	for k := 1; k <= utf8.UTFMax && k <= len(p); k++ {
		b := p[len(p)-k]
		if b < utf8.RuneSelf {
			return p // ASCII: complete
		}
		if utf8.RuneStart(b) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return p[:len(p)-k]
			}
			return p
		}
	}
	return p
}
