package plot

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestScatterView checks a map drawn for a view box: the axes span the box
// exactly, points outside it are left out, and only the listed words are
// labelled.
func TestScatterView(t *testing.T) {
	pts := []MapPoint{
		{Word: "alpha", X: 0, Y: 0, Group: "g1"},
		{Word: "beta", X: 1, Y: 1, Group: "g2"},
		{Word: "gamma", X: 1.5, Y: 0.5, Group: "g1"},
		{Word: "outside", X: 9, Y: 9, Group: "g3"},
	}
	view := ViewBox{X0: -0.5, X1: 2, Y0: -0.25, Y1: 1.25}
	f, err := NewScatter(ScatterSpec{Points: pts, View: &view, Labels: []string{"alpha", "gamma", "outside"},
		Groups: []string{"g3", "g2", "g1"}})
	if err != nil {
		t.Fatal(err)
	}
	d := f.Describe()
	if d.XMin != view.X0 || d.XMax != view.X1 || d.YMin != view.Y0 || d.YMax != view.Y1 {
		t.Errorf("axes %g..%g × %g..%g, want the view %+v", d.XMin, d.XMax, d.YMin, d.YMax, view)
	}
	if d.LabelCandidates != 3 {
		t.Errorf("%d points drawn, want the 3 inside the view", d.LabelCandidates)
	}
	// g3 has no point in the view: no legend entry.
	if got := strings.Join(d.Legend, ","); got != "g2,g1" {
		t.Errorf("legend %q, want g2,g1 (in the order of Groups, without the empty g3)", got)
	}
	var buf bytes.Buffer
	if err := f.Render(&buf, Output{Format: SVG, Width: 600, Height: 400}); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, w := range []string{"alpha", "gamma"} {
		if !strings.Contains(svg, ">"+w+"<") {
			t.Errorf("label %q missing from the SVG", w)
		}
	}
	for _, w := range []string{"beta", "outside"} {
		if strings.Contains(svg, ">"+w+"<") {
			t.Errorf("label %q drawn, but it is not listed (or not in the view)", w)
		}
	}
	if f.LabelsPlaced() != 2 {
		t.Errorf("%d labels placed, want 2", f.LabelsPlaced())
	}
}

func TestScatterViewErrors(t *testing.T) {
	pts := []MapPoint{{Word: "a", X: 0, Y: 0}, {Word: "b", X: 1, Y: 1}}
	tests := []struct {
		name string
		view ViewBox
		want error
	}{
		{"inverted x", ViewBox{X0: 1, X1: 0, Y0: 0, Y1: 1}, ErrView},
		{"empty y", ViewBox{X0: 0, X1: 1, Y0: 1, Y1: 1}, ErrView},
		{"nan", ViewBox{X0: math.NaN(), X1: 1, Y0: 0, Y1: 1}, ErrView},
		{"infinite", ViewBox{X0: 0, X1: math.Inf(1), Y0: 0, Y1: 1}, ErrView},
		{"no point inside", ViewBox{X0: 5, X1: 6, Y0: 5, Y1: 6}, ErrNoData},
	}
	for _, tt := range tests {
		v := tt.view
		if _, err := NewScatter(ScatterSpec{Points: pts, View: &v}); !errors.Is(err, tt.want) {
			t.Errorf("%s: err = %v, want %v", tt.name, err, tt.want)
		}
	}
}
