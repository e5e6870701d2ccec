package plot

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// svgTickTexts renders f as SVG and returns the texts it draws.
func svgTexts(t *testing.T, f *Figure, out Output) []string {
	t.Helper()
	out.Format = SVG
	var buf bytes.Buffer
	if err := f.Render(&buf, out); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(buf.String(), -1) {
		texts = append(texts, m[1])
	}
	return texts
}

// TestDecimalComma: with Output.DecimalComma the numeric tick labels of
// a bar chart of cosines are written 0,2 (never 0.2), the words of its
// nominal axis are left alone, and the figure renders as before without
// the option (the tickers are restored).
func TestDecimalComma(t *testing.T) {
	fig, err := NewBars(BarsSpec{Bars: []ScoreBar{{Word: "a.b", Score: 0.81}, {Word: "nước", Score: 0.42}, {Word: "c", Score: 0.13}}})
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.Join(svgTexts(t, fig, Output{}), "|")
	comma := strings.Join(svgTexts(t, fig, Output{DecimalComma: true}), "|")
	if !regexp.MustCompile(`\b0\.\d`).MatchString(plain) {
		t.Fatalf("no decimal tick label in the plain figure: %s", plain)
	}
	if regexp.MustCompile(`\b0\.\d`).MatchString(comma) {
		t.Errorf("a tick label keeps its decimal point with DecimalComma: %s", comma)
	}
	if !regexp.MustCompile(`\b0,\d`).MatchString(comma) {
		t.Errorf("no tick label with a decimal comma: %s", comma)
	}
	for _, word := range []string{"a.b", "nước"} {
		if !strings.Contains(comma, word) {
			t.Errorf("the word %q is missing from the figure with DecimalComma: %s", word, comma)
		}
	}
	if again := strings.Join(svgTexts(t, fig, Output{}), "|"); again != plain {
		t.Errorf("rendering with DecimalComma changed the figure afterwards:\n%s\n%s", again, plain)
	}
}
