package plot

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// legendBox draws a legend: one row per entry, thumbnail then text. gonum's
// own legend has no background and only fixed corners; this one is boxed
// and can sit in the emptiest corner or beside the plot.
type legendBox struct {
	entries []legendEntry
	sty     text.Style
	thumbW  vg.Length
	gap     vg.Length
	inset   vg.Length
	// width, when non-zero, caps the box width; longer entries are
	// shortened with an ellipsis.
	width vg.Length
}

func (f *Figure) newLegend() *legendBox {
	return &legendBox{
		entries: f.legend,
		sty:     textStyle(regularFont, 10, inkColor),
		thumbW:  vg.Points(18),
		gap:     vg.Points(5),
		inset:   vg.Points(5),
	}
}

func (l *legendBox) rowHeight() vg.Length {
	return l.sty.Height("Ag") + vg.Points(3)
}

// size returns the natural width and height of the box.
func (l *legendBox) size() (w, h vg.Length) {
	for _, e := range l.entries {
		w = max(w, l.sty.Width(e.name))
	}
	w += 2*l.inset + l.thumbW + l.gap
	h = 2*l.inset + vg.Length(len(l.entries))*l.rowHeight()
	return w, h
}

// draw draws the box with its top-left corner at (x0, ytop).
func (l *legendBox) draw(c draw.Canvas, x0, ytop vg.Length, background bool) {
	w, h := l.size()
	if l.width > 0 && w > l.width {
		w = l.width
	}
	box := vg.Rectangle{Min: vg.Point{X: x0, Y: ytop - h}, Max: vg.Point{X: x0 + w, Y: ytop}}
	if background {
		c.SetColor(color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xe0})
		c.Fill(box.Path())
		c.SetLineStyle(draw.LineStyle{Color: gridColor, Width: vg.Points(0.75)})
		c.Stroke(box.Path())
	}
	sty := l.sty
	sty.XAlign, sty.YAlign = draw.XLeft, draw.YCenter
	textW := w - 2*l.inset - l.thumbW - l.gap
	rh := l.rowHeight()
	y := ytop - l.inset
	entries := l.entries
	more := 0
	if fit := int((ytop - c.Min.Y - 2*l.inset) / rh); fit < len(entries) {
		// Not enough room: show what fits and say how many are left out.
		fit = max(fit-1, 0)
		more = len(entries) - fit
		entries = entries[:fit]
	}
	for _, e := range entries {
		thumb := draw.Canvas{Canvas: c.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: x0 + l.inset, Y: y - rh},
			Max: vg.Point{X: x0 + l.inset + l.thumbW, Y: y},
		}}
		for _, t := range e.thumbs {
			t.Thumbnail(&thumb)
		}
		c.FillText(sty, vg.Point{X: x0 + l.inset + l.thumbW + l.gap, Y: y - rh/2}, fitWidth(sty, e.name, textW))
		y -= rh
	}
	if more > 0 {
		c.FillText(sty, vg.Point{X: x0 + l.inset, Y: y - rh/2}, fitWidth(sty, fmt.Sprintf("… %d more", more), w-2*l.inset))
	}
}

// placeInsideLegend puts the legend in the corner of the data canvas that
// covers the fewest data points (top-right wins ties).
func (f *Figure) placeInsideLegend(dc draw.Canvas, l *legendBox) {
	w, h := l.size()
	dw := dc.Max.X - dc.Min.X
	if w > dw*0.6 {
		w = dw * 0.6
		l.width = w
	}
	m := vg.Points(4)
	corners := []vg.Point{ // top-left corner of each candidate box
		{X: dc.Max.X - w - m, Y: dc.Max.Y - m},
		{X: dc.Min.X + m, Y: dc.Max.Y - m},
		{X: dc.Max.X - w - m, Y: dc.Min.Y + h + m},
		{X: dc.Min.X + m, Y: dc.Min.Y + h + m},
	}
	trX, trY := f.p.Transforms(&dc)
	best, bestN := 0, -1
	for i, pt := range corners {
		n := 0
		for _, o := range f.occupied {
			x, y := trX(o[0]), trY(o[1])
			if x >= pt.X && x <= pt.X+w && y <= pt.Y && y >= pt.Y-h {
				n++
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = i, n
		}
	}
	l.draw(dc, corners[best].X, corners[best].Y, true)
}
