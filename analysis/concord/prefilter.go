package concord

import (
	"bytes"
	"encoding/binary"
	"strings"

	"github.com/gloveboard/gloveboard/analysis/corpus"
)

// prefilter finds, in a chunk of text, the positions of lines that may
// hold an ASCII word as a token: the word with no letter or digit (words
// tokenizer, after lower-casing) or no non-space byte (whitespace
// tokenizer) touching it, and the few non-ASCII characters that NFC or
// lower-casing turn into the word's ASCII characters. It may report lines
// that do not hold the word (the tokenizer decides); it never misses one.
type prefilter struct {
	word     []byte
	words    bool     // the words tokenizer: compare lower-cased
	specials [][]byte // sequences that make a line a candidate
	midCR    bool     // whitespace: a CR the tokenizer drops may join a token
	joiner   bool     // phrases: the word may begin a token word_…, so _ ends it too

	hay     []byte // the chunk, lower-cased for the words tokenizer
	lower   []byte
	special []int // next position of each special sequence, -1 none
	cr      int
	bom     int // length of a byte-order mark starting the text, 0 none
}

// newPrefilter returns the prefilter of word for tokenizer tok; with
// joiner, an underscore after the word is a boundary (the word is the
// first part of a phrase, a_b, that the whitespace tokenizer may have
// kept whole).
func newPrefilter(word string, tok corpus.Tokenizer, joiner bool) *prefilter {
	p := &prefilter{word: []byte(word), words: tok == corpus.Words, joiner: joiner}
	add := func(chars, seq string) {
		if strings.ContainsAny(word, chars) {
			p.specials = append(p.specials, []byte(seq))
		}
	}
	// U+212A KELVIN SIGN becomes K under NFC.
	add("kK", "\u212a")
	if p.words {
		add("i", "\u0130") // İ lower-cases to i
		add("'", "\u2019") // the tokenizer stores ’ as '
	} else {
		add(";", "\u037e") // GREEK QUESTION MARK becomes ; under NFC
		add("`", "\u1fef") // GREEK VARIA becomes `
		p.midCR = true
	}
	return p
}

// reset prepares the search of chunk; textStart says it starts the
// text, where a byte-order mark the scanner skips separates tokens.
func (p *prefilter) reset(chunk []byte, textStart bool) {
	p.hay = chunk
	p.bom = 0
	if textStart && bytes.HasPrefix(chunk, []byte(bom)) {
		p.bom = len(bom)
	}
	if p.words {
		p.lower = lowerASCII(append(p.lower[:0], chunk...))
		p.hay = p.lower
	}
	// The first positions are searched now: next only searches again
	// for a position before from, so a 0 here would report the chunk's
	// first line as a candidate whatever it holds.
	p.special = p.special[:0]
	for _, seq := range p.specials {
		p.special = append(p.special, indexFrom(p.hay, seq, 0))
	}
	p.cr = -1
	if p.midCR {
		p.cr = p.loneCR(0)
	}
}

// next returns the position of the first candidate at or after from, or
// -1.
func (p *prefilter) next(from int) int {
	best := -1
	take := func(at int) {
		if at >= 0 && (best < 0 || at < best) {
			best = at
		}
	}
	for k, seq := range p.specials {
		if p.special[k] >= 0 && p.special[k] < from {
			p.special[k] = indexFrom(p.hay, seq, from)
		}
		take(p.special[k])
	}
	if p.midCR {
		if p.cr >= 0 && p.cr < from {
			p.cr = p.loneCR(from)
		}
		take(p.cr)
	}
	for at := from; ; {
		i := indexFrom(p.hay, p.word, at)
		if i < 0 || (best >= 0 && i > best) {
			return best
		}
		if p.boundary(i-1) && p.boundary(i+len(p.word)) {
			take(i)
			return best
		}
		at = i + 1
	}
}

// loneCR returns the first CR at or after from that is not followed by
// a line feed (the whitespace tokenizer drops it, joining its
// neighbours), or -1.
func (p *prefilter) loneCR(from int) int {
	for at := from; ; {
		i := indexFrom(p.hay, []byte{'\r'}, at)
		if i < 0 || i+1 >= len(p.hay) || p.hay[i+1] != '\n' {
			return i
		}
		at = i + 2
	}
}

// boundary reports whether position i (possibly outside the chunk) may
// end a token.
func (p *prefilter) boundary(i int) bool {
	if i < p.bom || i >= len(p.hay) {
		return true
	}
	b := p.hay[i]
	if p.joiner && b == '_' {
		return true
	}
	if p.words {
		return !(b-'a' < 26 || b-'0' < 10)
	}
	switch b {
	case ' ', '\t', '\n', '\r', 0:
		return true
	}
	return false
}

// bom is the byte-order mark the scanner skips at the start of a text.
const bom = "\ufeff"

func indexFrom(hay, seq []byte, from int) int {
	if from > len(hay) {
		return -1
	}
	i := bytes.Index(hay[from:], seq)
	if i < 0 {
		return -1
	}
	return from + i
}

// lowerASCII lower-cases the ASCII letters of b in place, eight bytes at
// a time (bytes ≥ 0x80 are left alone), and returns b.
func lowerASCII(b []byte) []byte {
	const ones = 0x0101010101010101
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		low7 := x & (0x7f * ones)
		geA := low7 + (0x80-'A')*ones   // high bit set where the byte ≥ 'A'
		gtZ := low7 + (0x80-'Z'-1)*ones // high bit set where the byte > 'Z'
		upper := geA &^ gtZ &^ x & (0x80 * ones)
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		if c := b[i]; c-'A' < 26 {
			b[i] = c + 'a' - 'A'
		}
	}
	return b
}
