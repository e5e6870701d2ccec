package plot

import (
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// box is an axis-aligned rectangle in canvas points.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) inside(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

// occupancy is a uniform grid over the bounds that finds boxes
// overlapping a query box without scanning all of them.
type occupancy struct {
	bounds box
	cell   float64
	nx, ny int
	cells  [][]int32
	boxes  []box
}

func newOccupancy(bounds box, cell float64) *occupancy {
	nx := max(1, int(math.Ceil((bounds.x1-bounds.x0)/cell)))
	ny := max(1, int(math.Ceil((bounds.y1-bounds.y0)/cell)))
	return &occupancy{bounds: bounds, cell: cell, nx: nx, ny: ny, cells: make([][]int32, nx*ny)}
}

func (o *occupancy) span(b box) (i0, i1, j0, j1 int) {
	clamp := func(v, n int) int { return min(max(v, 0), n-1) }
	i0 = clamp(int((b.x0-o.bounds.x0)/o.cell), o.nx)
	i1 = clamp(int((b.x1-o.bounds.x0)/o.cell), o.nx)
	j0 = clamp(int((b.y0-o.bounds.y0)/o.cell), o.ny)
	j1 = clamp(int((b.y1-o.bounds.y0)/o.cell), o.ny)
	return
}

func (o *occupancy) free(b box) bool {
	i0, i1, j0, j1 := o.span(b)
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			for _, k := range o.cells[j*o.nx+i] {
				if o.boxes[k].overlaps(b) {
					return false
				}
			}
		}
	}
	return true
}

func (o *occupancy) add(b box) {
	k := int32(len(o.boxes))
	o.boxes = append(o.boxes, b)
	i0, i1, j0, j1 := o.span(b)
	for j := j0; j <= j1; j++ {
		for i := i0; i <= i1; i++ {
			o.cells[j*o.nx+i] = append(o.cells[j*o.nx+i], k)
		}
	}
}

// placement is where label idx goes.
type placement struct {
	idx int
	at  box
}

// placeLabels chooses label positions greedily. Points are visited in
// order (highest priority first); each label of size w[i]×h is tried
// right, left, above, below and at the four diagonals of its anchor, gap
// points away, and kept at the first position that lies inside bounds and
// overlaps neither an earlier label nor the marker (a square of the given
// radius) of an already labelled point. Labels that fit nowhere are
// skipped. At most maxN labels are placed (maxN < 0: no limit).
func placeLabels(anchors [][2]float64, w []float64, h float64, order []int, bounds box, gap, radius float64, maxN int) []placement {
	cell := math.Max(4*h, 8)
	occ := newOccupancy(bounds, cell)    // labels and labelled markers
	labels := newOccupancy(bounds, cell) // labels only
	var out []placement
	for _, i := range order {
		if maxN >= 0 && len(out) >= maxN {
			break
		}
		ax, ay := anchors[i][0], anchors[i][1]
		if math.IsNaN(ax) || math.IsNaN(ay) {
			continue
		}
		marker := box{ax - radius, ay - radius, ax + radius, ay + radius}
		if !labels.free(marker) {
			// An earlier label covers this point; a label here would be
			// read as belonging to the covering word's point.
			continue
		}
		wi := w[i]
		d := gap * 0.7
		candidates := [...]box{
			{ax + gap, ay - h/2, ax + gap + wi, ay + h/2},  // right
			{ax - gap - wi, ay - h/2, ax - gap, ay + h/2},  // left
			{ax - wi/2, ay + gap, ax + wi/2, ay + gap + h}, // above
			{ax - wi/2, ay - gap - h, ax + wi/2, ay - gap}, // below
			{ax + d, ay + d, ax + d + wi, ay + d + h},      // above right
			{ax - d - wi, ay + d, ax - d, ay + d + h},      // above left
			{ax + d, ay - d - h, ax + d + wi, ay - d},      // below right
			{ax - d - wi, ay - d - h, ax - d, ay - d},      // below left
		}
		for _, b := range candidates {
			if b.inside(bounds) && occ.free(b) {
				occ.add(b)
				occ.add(marker)
				labels.add(b)
				out = append(out, placement{idx: i, at: b})
				break
			}
		}
	}
	return out
}

// pointLabels is a gonum plotter that writes word labels next to points,
// choosing positions at draw time when the canvas size is known.
type pointLabels struct {
	xs, ys []float64
	text   []string
	order  []int
	max    int // < 0: automatic
	radius vg.Length
	sty    text.Style
	// placed is the number of labels drawn by the last Plot call.
	placed int
}

func (l *pointLabels) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	anchors := make([][2]float64, len(l.xs))
	widths := make([]float64, len(l.xs))
	for _, i := range l.order {
		anchors[i] = [2]float64{trX(l.xs[i]).Points(), trY(l.ys[i]).Points()}
		widths[i] = l.sty.Width(l.text[i]).Points()
	}
	sty := l.sty
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
	ref := sty.Rectangle("M") // vertical extent relative to the draw point
	h := (ref.Max.Y - ref.Min.Y).Points()
	bounds := box{c.Min.X.Points(), c.Min.Y.Points(), c.Max.X.Points(), c.Max.Y.Points()}
	r := l.radius.Points()
	maxN := l.max
	if maxN < 0 && len(l.order) > 0 { // automatic: cover at most ~1/6 of the area
		var sum float64
		for _, i := range l.order {
			sum += widths[i] * h
		}
		area := (bounds.x1 - bounds.x0) * (bounds.y1 - bounds.y0)
		maxN = max(1, int(area/6/(sum/float64(len(l.order)))))
	}
	placed := placeLabels(anchors, widths, h, l.order, bounds, r+2, r+0.5, maxN)
	halo := color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xb0}
	for _, pl := range placed {
		b := vg.Rectangle{
			Min: vg.Point{X: vg.Points(pl.at.x0 - 1), Y: vg.Points(pl.at.y0)},
			Max: vg.Point{X: vg.Points(pl.at.x1 + 1), Y: vg.Points(pl.at.y1)},
		}
		c.SetColor(halo)
		c.Fill(b.Path())
		pt := vg.Point{X: vg.Points(pl.at.x0), Y: vg.Points(pl.at.y0) - ref.Min.Y}
		c.FillText(sty, pt, l.text[pl.idx])
	}
	l.placed = len(placed)
}
