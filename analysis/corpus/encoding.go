package corpus

import (
	"fmt"
	"unicode/utf8"
)

// Encoding is the likely encoding of text that is not UTF-8, guessed from
// its bytes so that a refusal can say how to convert the file.
type Encoding int

// Encodings Check can recognise.
const (
	// EncodingUnknown: no single 8-bit Western encoding explains the bytes.
	EncodingUnknown Encoding = iota
	// EncodingWindows1252 (cp1252): bytes 0x80–0x9F used as its
	// punctuation (0x92 ’, 0x93 “, 0x94 ”, 0x96 –, 0x85 …, 0x80 €).
	// Converted as Latin-1 they would become C1 control characters.
	EncodingWindows1252
	// EncodingLatin1 (ISO-8859-1): bytes 0xA0–0xFF only, which Latin-1
	// and Windows-1252 read alike.
	EncodingLatin1
	// EncodingUTF16LE and EncodingUTF16BE: UTF-16 without a byte-order
	// mark (every other byte zero in ASCII text).
	EncodingUTF16LE
	EncodingUTF16BE
)

// String names the encoding for people.
func (e Encoding) String() string {
	switch e {
	case EncodingWindows1252:
		return "Windows-1252"
	case EncodingLatin1:
		return "Latin-1 (ISO-8859-1)"
	case EncodingUTF16LE:
		return "UTF-16 (little-endian)"
	case EncodingUTF16BE:
		return "UTF-16 (big-endian)"
	}
	return "an unknown encoding"
}

// Iconv returns the iconv(1) command that converts text in e to UTF-8
// (reading standard input), or "" for EncodingUnknown.
func (e Encoding) Iconv() string {
	names := map[Encoding]string{EncodingWindows1252: "WINDOWS-1252", EncodingLatin1: "LATIN1",
		EncodingUTF16LE: "UTF-16LE", EncodingUTF16BE: "UTF-16BE"}
	if n, ok := names[e]; ok {
		return fmt.Sprintf("iconv -f %s -t UTF-8", n)
	}
	return ""
}

// cp1252Undefined are the bytes of 0x80–0x9F that Windows-1252 leaves
// unassigned.
func cp1252Undefined(b byte) bool {
	return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D
}

// guessEightBit looks at the bytes of p that are not part of valid UTF-8
// and names the 8-bit encoding they most likely come from: any byte of
// 0x80–0x9F that Windows-1252 assigns (its curly quotes, dashes, ellipsis,
// euro sign) means Windows-1252, since in Latin-1 those are control
// characters no text uses; only 0xA0–0xFF means Latin-1 (which
// Windows-1252 reads the same); a byte Windows-1252 leaves unassigned
// means neither.
func guessEightBit(p []byte) Encoding {
	c1, high := 0, 0
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r != utf8.RuneError || size != 1 {
			i += size
			continue
		}
		switch b := p[i]; {
		case b >= 0x80 && b <= 0x9F && cp1252Undefined(b):
			return EncodingUnknown
		case b >= 0x80 && b <= 0x9F:
			c1++
		default:
			high++
		}
		i++
	}
	switch {
	case c1 > 0:
		return EncodingWindows1252
	case high > 0:
		return EncodingLatin1
	}
	return EncodingUnknown
}

// guessUTF16 reports UTF-16 without a byte-order mark: in a sample of at
// least 16 bytes, nearly all even (big-endian) or odd (little-endian)
// bytes are zero and the others are not, as in mostly-ASCII text.
func guessUTF16(p []byte) (Encoding, bool) {
	n := len(p) &^ 1
	if n < 16 {
		return EncodingUnknown, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if p[i] == 0 {
			zeroEven++
		}
		if p[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*9 && zeroEven*10 <= pairs:
		return EncodingUTF16LE, true
	case zeroEven*10 >= pairs*9 && zeroOdd*10 <= pairs:
		return EncodingUTF16BE, true
	}
	return EncodingUnknown, false
}
