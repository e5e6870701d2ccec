package corpus

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ToneMarks selects where the tone mark of a Vietnamese syllable ending
// in oa, oe or uy is written; see the package documentation.
type ToneMarks int

const (
	// KeepToneMarks leaves tone marks where they are (the default).
	KeepToneMarks ToneMarks = iota
	// OldToneMarks writes the tone on the first vowel of the final oa, oe,
	// uy: hòa, khỏe, thủy, ủy (the traditional style, kiểu cũ).
	OldToneMarks
	// NewToneMarks writes the tone on the second vowel: hoà, khoẻ, thuỷ,
	// uỷ (the style of the 1980s spelling rules, kiểu mới).
	NewToneMarks
)

// String returns the name ParseToneMarks accepts.
func (t ToneMarks) String() string {
	switch t {
	case KeepToneMarks:
		return "keep"
	case OldToneMarks:
		return "old"
	case NewToneMarks:
		return "new"
	}
	return fmt.Sprintf("ToneMarks(%d)", int(t))
}

// ParseToneMarks maps "keep" (or ""), "old" and "new" to a ToneMarks.
func ParseToneMarks(s string) (ToneMarks, error) {
	switch s {
	case "keep", "":
		return KeepToneMarks, nil
	case "old":
		return OldToneMarks, nil
	case "new":
		return NewToneMarks, nil
	}
	return 0, fmt.Errorf("%w: tone marks %q (want keep, old or new)", ErrBadOption, s)
}

// tonedVowel is a vowel letter split into its plain letter and its tone:
// 0 none, 1 grave, 2 acute, 3 hook above, 4 tilde, 5 dot below.
type tonedVowel struct {
	base rune
	tone int8
}

// toneCombining are the combining marks of tones 1..5.
var toneCombining = [6]rune{0, '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'}

var (
	vowelParts map[rune]tonedVowel // precomposed (or plain) vowel → parts
	vowelOf    map[tonedVowel]rune // parts → precomposed vowel
)

func init() {
	vowelParts = make(map[rune]tonedVowel)
	vowelOf = make(map[tonedVowel]rune)
	for _, base := range "aeouyAEOUY" {
		for tone := int8(0); tone < 6; tone++ {
			s := string(base)
			if tone > 0 {
				s = norm.NFC.String(s + string(toneCombining[tone]))
			}
			r, size := utf8.DecodeRuneInString(s)
			if size != len(s) {
				panic("corpus: a toned vowel does not compose to one rune: " + s)
			}
			vowelParts[r] = tonedVowel{base, tone}
			vowelOf[tonedVowel{base, tone}] = r
		}
	}
}

// isVowelCluster reports whether plain letters a, b form oa, oe or uy (in
// either case): the clusters whose tone placement differs between the
// two conventions when they end a syllable.
func isVowelCluster(a, b rune) bool {
	a, b = unicode.ToLower(a), unicode.ToLower(b)
	return (a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')
}

// isVowelLetter reports whether r is a Vietnamese vowel letter, with or
// without marks.
func isVowelLetter(r rune) bool {
	d := norm.NFD.String(string(r))
	first, _ := utf8.DecodeRuneInString(d)
	switch unicode.ToLower(first) {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// retoneWord moves the tone mark of word (the runes of one word run, NFC)
// to the chosen vowel of a final oa, oe or uy, in place. It reports
// whether it changed anything. A word left alone: one without such an
// ending; one where the cluster has a consonant or another vowel after it
// (hoàn, ngoài: same in both styles) or a vowel before it; one starting
// qu (quý, quà: the u belongs to the consonant); one with no tone or a
// tone on both vowels.
func retoneWord(word []rune, style ToneMarks) bool {
	n := len(word)
	if n < 2 {
		return false
	}
	first, okA := vowelParts[word[n-2]]
	second, okB := vowelParts[word[n-1]]
	if !okA || !okB || !isVowelCluster(first.base, second.base) {
		return false
	}
	if (first.tone == 0) == (second.tone == 0) {
		return false
	}
	if n >= 3 {
		before := unicode.ToLower(word[n-3])
		if before == 'q' || isVowelLetter(word[n-3]) {
			return false
		}
	}
	tone := first.tone + second.tone
	var a, b rune
	if style == OldToneMarks {
		a, b = vowelOf[tonedVowel{first.base, tone}], vowelOf[tonedVowel{second.base, 0}]
	} else {
		a, b = vowelOf[tonedVowel{first.base, 0}], vowelOf[tonedVowel{second.base, tone}]
	}
	if a == word[n-2] && b == word[n-1] {
		return false
	}
	word[n-2], word[n-1] = a, b
	return true
}

// appendToneMarks appends line to dst with the tone marks of every word
// run moved to style. Bytes outside word runs (including invalid UTF-8)
// are copied as they are.
func appendToneMarks(dst, line []byte, style ToneMarks) []byte {
	var word []rune
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if !(size > 1 || r < utf8.RuneSelf) || !isWordRune(r) {
			dst = append(dst, line[i:i+size]...)
			i += size
			continue
		}
		j := i
		word = word[:0]
		for j < len(line) {
			r, size := utf8.DecodeRune(line[j:])
			if r == utf8.RuneError && size <= 1 || !isWordRune(r) {
				break
			}
			word = append(word, r)
			j += size
		}
		if retoneWord(word, style) {
			for _, r := range word {
				dst = utf8.AppendRune(dst, r)
			}
		} else {
			dst = append(dst, line[i:j]...)
		}
		i = j
	}
	return dst
}
