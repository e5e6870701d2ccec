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
