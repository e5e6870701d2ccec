package plot

import (
	"unicode"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// rasterCanvas is the PNG canvas. The raster text renderer lays glyphs
// out strictly left to right in string (logical) order, so a Hebrew or
// Arabic word would come out mirrored; FillString first puts the text into
// visual order. (SVG needs no help: viewers apply the Unicode
// bidirectional algorithm themselves.)
type rasterCanvas struct{ *vgimg.Canvas }

func (c rasterCanvas) FillString(f font.Face, pt vg.Point, s string) {
	c.Canvas.FillString(f, pt, visualOrder(s))
}

// isRTL reports whether r is a strong right-to-left letter.
func isRTL(r rune) bool {
	return unicode.In(r, unicode.Hebrew, unicode.Arabic, unicode.Syriac, unicode.Thaana, unicode.Nko) && (unicode.IsLetter(r) || unicode.IsMark(r))
}

func isStrongLTR(r rune) bool { return unicode.IsLetter(r) && !isRTL(r) }

// visualOrder is a small subset of the Unicode bidirectional algorithm,
// enough for single words and short labels: the base direction is that of
// the first strong character; right-to-left runs (with the neutral
// characters between their letters) are reversed, and in a right-to-left
// label the runs are also laid out right to left. Digits and other
// left-to-right runs keep their order. Text with no right-to-left letters
// is returned unchanged. Arabic contextual shaping is not done.
func visualOrder(s string) string {
	rs := []rune(s)
	hasRTL, baseRTL, seenStrong := false, false, false
	for _, r := range rs {
		rtl := isRTL(r)
		hasRTL = hasRTL || rtl
		if !seenStrong && (rtl || isStrongLTR(r)) {
			baseRTL, seenStrong = rtl, true
		}
	}
	if !hasRTL {
		return s
	}
	// Classify each rune: RTL letters are RTL; LTR letters and digits are
	// LTR; neutrals take the direction of their surroundings when both
	// sides agree, else the base direction.
	dir := make([]bool, len(rs)) // true: right to left
	known := make([]bool, len(rs))
	for i, r := range rs {
		switch {
		case isRTL(r):
			dir[i], known[i] = true, true
		case isStrongLTR(r) || unicode.IsDigit(r):
			dir[i], known[i] = false, true
		}
	}
	for i := 0; i < len(rs); {
		if known[i] {
			i++
			continue
		}
		j := i
		for j < len(rs) && !known[j] {
			j++
		}
		d := baseRTL
		if i > 0 && j < len(rs) && dir[i-1] == dir[j] {
			d = dir[i-1]
		}
		for k := i; k < j; k++ {
			dir[k] = d
		}
		i = j
	}
	// Split into runs and reverse the RTL ones.
	type run struct {
		text []rune
		rtl  bool
	}
	var runs []run
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && dir[j] == dir[i] {
			j++
		}
		seg := append([]rune(nil), rs[i:j]...)
		if dir[i] {
			for a, b := 0, len(seg)-1; a < b; a, b = a+1, b-1 {
				seg[a], seg[b] = seg[b], seg[a]
			}
		}
		runs = append(runs, run{seg, dir[i]})
		i = j
	}
	if baseRTL {
		for a, b := 0, len(runs)-1; a < b; a, b = a+1, b-1 {
			runs[a], runs[b] = runs[b], runs[a]
		}
	}
	out := make([]rune, 0, len(rs))
	for _, r := range runs {
		out = append(out, r.text...)
	}
	return string(out)
}
