package plot

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/plot/plotter"
)

func xyOf(x, y []float64) plotter.XYs {
	xys := make(plotter.XYs, len(x))
	for i := range x {
		xys[i] = plotter.XY{X: x[i], Y: y[i]}
	}
	return xys
}

// TestPlaceLabelsInvariants places many labels at random and checks that
// none overlap each other, all lie inside the bounds, each sits next to
// its own point, and priority order is respected.
func TestPlaceLabelsInvariants(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bounds := box{0, 0, 600, 400}
	const n, h, gap = 1500, 9.0, 3.0
	anchors := make([][2]float64, n)
	w := make([]float64, n)
	order := make([]int, n)
	for i := range anchors {
		anchors[i] = [2]float64{rng.Float64() * 600, rng.Float64() * 400}
		w[i] = 10 + rng.Float64()*60
		order[i] = n - 1 - i // reverse priority
	}
	tests := []struct {
		name string
		max  int
	}{{"unlimited", -1}, {"max 40", 40}, {"none", 0}}
	for _, tt := range tests {
		got := placeLabels(anchors, w, h, order, bounds, gap, 2, tt.max)
		if tt.max >= 0 && len(got) > tt.max {
			t.Errorf("%s: %d labels placed, max %d", tt.name, len(got), tt.max)
		}
		if tt.max != 0 && len(got) == 0 {
			t.Errorf("%s: no labels placed", tt.name)
		}
		if tt.max == 40 {
			// The first label in priority order always fits on an empty canvas
			// unless its point is at the edge; the highest-priority point must
			// be among those tried first.
			if got[0].idx != order[0] && got[0].idx != order[1] && got[0].idx != order[2] {
				t.Errorf("%s: first placed label is %d, want one of the first in priority order", tt.name, got[0].idx)
			}
		}
		for a, pa := range got {
			if !pa.at.inside(bounds) {
				t.Errorf("%s: label %d at %+v outside bounds", tt.name, pa.idx, pa.at)
			}
			if gotW, wantW := pa.at.x1-pa.at.x0, w[pa.idx]; !near(gotW, wantW, 1e-9) || !near(pa.at.y1-pa.at.y0, h, 1e-9) {
				t.Errorf("%s: label %d box %+v, want %g×%g", tt.name, pa.idx, pa.at, wantW, h)
			}
			// Next to its anchor: the box lies within gap+max(w,h) of it.
			ax, ay := anchors[pa.idx][0], anchors[pa.idx][1]
			if pa.at.x1 < ax-gap-w[pa.idx]-1e-9 || pa.at.x0 > ax+gap+1e-9 || pa.at.y1 < ay-gap-h-1e-9 || pa.at.y0 > ay+gap+1e-9 {
				t.Errorf("%s: label %d box %+v not next to anchor (%g, %g)", tt.name, pa.idx, pa.at, ax, ay)
			}
			for _, pb := range got[a+1:] {
				if pa.at.overlaps(pb.at) {
					t.Fatalf("%s: labels %d and %d overlap: %+v %+v", tt.name, pa.idx, pb.idx, pa.at, pb.at)
				}
			}
		}
	}
}

func TestPlaceLabelsPositions(t *testing.T) {
	bounds := box{0, 0, 100, 100}
	tests := []struct {
		name   string
		anchor [2]float64
		want   box
	}{
		{"right by default", [2]float64{50, 50}, box{53, 45, 73, 55}},
		{"left at the right edge", [2]float64{95, 50}, box{72, 45, 92, 55}},
		{"above at the bottom edge", [2]float64{50, 2}, box{40, 5, 60, 15}},
	}
	for _, tt := range tests {
		got := placeLabels([][2]float64{tt.anchor}, []float64{20}, 10, []int{0}, bounds, 3, 1, -1)
		if len(got) != 1 || got[0].at != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestPlaceLabelsSkipsCoveredPoint(t *testing.T) {
	// Point 1 lies under point 0's right-hand label: it must not be
	// labelled, since its label would be read as point 0's.
	anchors := [][2]float64{{10, 50}, {20, 50}}
	got := placeLabels(anchors, []float64{30, 30}, 10, []int{0, 1}, box{0, 0, 100, 100}, 3, 1, -1)
	if len(got) != 1 || got[0].idx != 0 {
		t.Errorf("got %+v, want only label 0", got)
	}
}

func TestPlaceLabelsNearbyMarkersDoNotBlock(t *testing.T) {
	// Two points whose markers touch are both labelled: only a label, not
	// another marker, hides a point.
	anchors := [][2]float64{{50, 50}, {48, 53}}
	got := placeLabels(anchors, []float64{20, 20}, 10, []int{0, 1}, box{0, 0, 100, 100}, 3, 2, -1)
	if len(got) != 2 {
		t.Errorf("got %+v, want both labelled", got)
	}
}
