package plot

import (
	"bytes"
	"strings"
	"testing"
)

// TestZipfMark checks that the marked word is named in the legend with
// its rank and count, and that a rank outside the data is a note, not a
// panic.
func TestZipfMark(t *testing.T) {
	counts := []float64{100, 50, 33, 25, 20}
	f, err := NewZipf(ZipfSpec{Counts: counts, Mark: &ZipfMark{Rank: 3, Label: "ice"}})
	if err != nil {
		t.Fatal(err)
	}
	d := f.Describe()
	if !strings.Contains(strings.Join(d.Legend, "|"), "ice: rank 3, f = 33") {
		t.Errorf("legend %q lacks the mark", d.Legend)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, Output{Format: SVG, Width: 320, Height: 240}); err != nil {
		t.Fatal(err)
	}
	f, err = NewZipf(ZipfSpec{Counts: counts, Mark: &ZipfMark{Rank: 9, Label: "ice"}})
	if err != nil {
		t.Fatal(err)
	}
	if d := f.Describe(); !strings.Contains(strings.Join(d.Notes, "|"), "rank 9 not drawn") || len(d.Legend) != 1 {
		t.Errorf("out-of-range mark: notes %q, legend %q", d.Notes, d.Legend)
	}
}

// TestFidelitySizes checks that sized points are named in the legend and
// render.
func TestFidelitySizes(t *testing.T) {
	f, err := NewFidelity(FidelitySpec{X: []float64{1, 2, 3}, Y: []float64{1.1, 1.9, 3.2}, Sizes: []float64{0.1, 0.5, 1}, SizeLabel: "f(X)"})
	if err != nil {
		t.Fatal(err)
	}
	if d := f.Describe(); !strings.Contains(strings.Join(d.Legend, "|"), "3 points, point size grows with f(X)") {
		t.Errorf("legend %q", d.Legend)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, Output{Format: PNG, Width: 320, Height: 240}); err != nil {
		t.Fatal(err)
	}
}
