package plot

import (
	"bytes"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
)

func TestAlignedMap(t *testing.T) {
	arrows := []Arrow{
		{Word: "gay", FromX: 0, FromY: 0, ToX: 2, ToY: 1},
		{Word: "broadcast", FromX: -1, FromY: 0.5, ToX: -1.2, ToY: 0.4},
		{Word: "bad", FromX: math.NaN(), FromY: 0, ToX: 1, ToY: 1},
	}
	f, err := NewAlignedMap(AlignedMapSpec{Arrows: arrows, FromName: "1900s (rotated)", ToName: "1990s", ExplainedVariance: []float64{0.4, 0.25}})
	if err != nil {
		t.Fatal(err)
	}
	d := f.Describe()
	if d.Kind != KindAligned || d.XLabel != "PC1 (40.0% of variance)" || d.Omitted != 1 {
		t.Errorf("kind %s, x label %q, omitted %d", d.Kind, d.XLabel, d.Omitted)
	}
	if want := []string{"1900s (rotated)", "1990s"}; !slices.Equal(d.Legend, want) {
		t.Errorf("legend %v, want %v", d.Legend, want)
	}
	// Both ends of every kept arrow lie inside the axis ranges.
	if d.XMin >= -1.2 || d.XMax <= 2 || d.YMin >= 0 || d.YMax <= 1 {
		t.Errorf("ranges x [%g, %g], y [%g, %g] do not hold every arrow", d.XMin, d.XMax, d.YMin, d.YMax)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, Output{Format: SVG, Width: 480, Height: 360}); err != nil {
		t.Fatal(err)
	}
	texts, err := svgText(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(texts, " ")
	for _, w := range []string{"gay", "broadcast"} {
		if !strings.Contains(joined, w) {
			t.Errorf("label %q missing from the SVG text %q", w, joined)
		}
	}
	if f.LabelsPlaced() != 2 {
		t.Errorf("%d labels placed, want 2", f.LabelsPlaced())
	}
	if _, err := NewAlignedMap(AlignedMapSpec{Arrows: arrows[2:]}); !errors.Is(err, ErrNoData) {
		t.Errorf("only a NaN arrow: err = %v, want ErrNoData", err)
	}
}

// TestAlignedMapText: the optional text fields replace the English
// subtitle and note (with the counts of words drawn and left out), and
// without them the English defaults stay.
func TestAlignedMapText(t *testing.T) {
	arrows := []Arrow{
		{Word: "hà_nội", FromX: 0, FromY: 0, ToX: 1, ToY: 1},
		{Word: "nước_đá", FromX: 1, FromY: 0, ToX: 0.5, ToY: 0.2},
		{Word: "hơi_nước", FromX: -1, FromY: 0, ToX: -1, ToY: 0.5},
		{Word: "bad", FromX: math.Inf(1), FromY: 0, ToX: 1, ToY: 1},
	}
	for _, tc := range []struct {
		name     string
		spec     AlignedMapSpec
		subtitle string
		notes    []string
	}{
		{name: "English defaults", spec: AlignedMapSpec{Arrows: arrows},
			subtitle: "3 words; arrows run from the first set to the second",
			notes:    []string{"1 word with NaN or infinite coordinates omitted"}},
		{name: "translated", spec: AlignedMapSpec{Arrows: arrows,
			SubtitleFor: func(n int) string { return strings.Repeat("•", n) + " từ" },
			OmittedNote: func(n int) string { return "bỏ qua " + strings.Repeat("•", n) + " từ" }},
			subtitle: "••• từ", notes: []string{"bỏ qua • từ"}},
		{name: "Subtitle wins over SubtitleFor", spec: AlignedMapSpec{Arrows: arrows, Subtitle: "given",
			SubtitleFor: func(int) string { return "unused" }},
			subtitle: "given", notes: []string{"1 word with NaN or infinite coordinates omitted"}},
	} {
		f, err := NewAlignedMap(tc.spec)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		d := f.Describe()
		if d.Subtitle != tc.subtitle {
			t.Errorf("%s: subtitle %q, want %q", tc.name, d.Subtitle, tc.subtitle)
		}
		if !slices.Equal(d.Notes, tc.notes) {
			t.Errorf("%s: notes %q, want %q", tc.name, d.Notes, tc.notes)
		}
	}
}
