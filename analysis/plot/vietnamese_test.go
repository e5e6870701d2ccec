package plot

import (
	"bytes"
	"image/png"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
	"gonum.org/v1/plot/font"
)

// vietnameseSample is the sentence of issue 17.
const vietnameseSample = "Hà Nội, nước đá, hơi nước"

// vietnameseLetters returns every letter of the Vietnamese alphabet with
// every tone, lower and upper case, precomposed: the 12 vowels (a ă â e
// ê i o ô ơ u ư y) each plain and with the five tone marks, and đ.
func vietnameseLetters() string {
	var b strings.Builder
	for _, v := range []string{"a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y"} {
		for _, tone := range []string{"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"} {
			b.WriteString(v + tone)
		}
	}
	b.WriteString("đ")
	lower := norm.NFC.String(b.String())
	return lower + strings.ToUpper(lower)
}

// missingGlyphs returns the runes of s (spaces aside) that the face gonum
// draws f with maps to no glyph (index 0, .notdef, drawn as a box).
func missingGlyphs(t *testing.T, f font.Font, s string) []rune {
	t.Helper()
	face := font.DefaultCache.Lookup(f, 10)
	if face.Face == nil {
		t.Fatalf("no font face for %v", f)
	}
	if face.Font.Typeface != f.Typeface {
		t.Fatalf("gonum draws %v with %v", f, face.Font)
	}
	var buf sfnt.Buffer
	var missing []rune
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		gi, err := face.Face.GlyphIndex(&buf, r)
		if err != nil || gi == 0 {
			missing = append(missing, r)
		}
	}
	return missing
}

// TestVietnameseGlyphCoverage: the Liberation Sans faces of every figure
// (regular and bold) have a glyph for each rune of the sample and for
// every Vietnamese letter with every tone mark, stacked ones (ầ, ộ, ự)
// included; CJK words have none (see the package documentation).
func TestVietnameseGlyphCoverage(t *testing.T) {
	for _, f := range []font.Font{regularFont, boldFont} {
		for _, s := range []string{vietnameseSample, vietnameseLetters()} {
			if m := missingGlyphs(t, f, s); len(m) > 0 {
				t.Errorf("%v: no glyph for %q", f, string(m))
			}
		}
		if m := missingGlyphs(t, f, "東京 北京"); len(m) != 4 {
			t.Errorf("%v: %d of 4 CJK runes without a glyph; the documentation says CJK is drawn as boxes", f, len(m))
		}
	}
	if n := len([]rune(vietnameseLetters())); n != 2*(12*6+1) {
		t.Fatalf("%d letters, want 146: a letter did not compose to one rune", n)
	}
}

// TestVietnameseRenders draws a word map and a bar chart whose words,
// title and labels are Vietnamese, half of them decomposed (NFD), as PNG
// and SVG; the SVG must carry the precomposed text.
func TestVietnameseRenders(t *testing.T) {
	words := strings.Split(vietnameseSample, ", ")
	var pts []MapPoint
	for i, w := range words {
		if i%2 == 1 {
			w = norm.NFD.String(w)
		}
		pts = append(pts, MapPoint{Word: w, X: float64(i), Y: float64(i * i), Group: norm.NFD.String("nhóm ") + w})
	}
	f, err := NewScatter(ScatterSpec{Points: pts, Title: norm.NFD.String("Bản đồ từ: ") + vietnameseSample, XLabel: "chiều 1", YLabel: "chiều 2"})
	if err != nil {
		t.Fatal(err)
	}
	var svg, pngBuf bytes.Buffer
	if err := f.Render(&svg, Output{Format: SVG, Width: 800, Height: 600}); err != nil {
		t.Fatal(err)
	}
	if err := f.Render(&pngBuf, Output{Format: PNG, Width: 800, Height: 600}); err != nil {
		t.Fatal(err)
	}
	if _, err := png.Decode(&pngBuf); err != nil {
		t.Fatalf("PNG does not decode: %v", err)
	}
	texts, err := svgText(svg.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(texts, "\n")
	for _, want := range append(words, "Bản đồ từ: "+vietnameseSample, "nhóm hơi nước", "chiều 1") {
		if !strings.Contains(all, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if !norm.NFC.IsNormalString(all) {
		t.Errorf("SVG text is not NFC")
	}
}
