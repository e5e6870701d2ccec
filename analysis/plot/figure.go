package plot

import (
	"fmt"
	"image/color"
	"math"

	xfont "golang.org/x/image/font"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Kind names the kind of a figure.
type Kind string

// Figure kinds.
const (
	KindScatter   Kind = "scatter"
	KindLoss      Kind = "loss"
	KindSpectrum  Kind = "spectrum"
	KindZipf      Kind = "zipf"
	KindRatio     Kind = "ratio"
	KindNeighbors Kind = "neighbors"
	KindFidelity  Kind = "fidelity"
)

// Figure is a built plot, ready to Render. Build one with NewScatter,
// NewLoss, NewSpectrum, NewZipf, NewRatio, NewBars or NewFidelity.
type Figure struct {
	kind     Kind
	p        *gplot.Plot
	title    string
	subtitle string
	notes    []string
	legend   []legendEntry
	// legendOutside puts the legend in a column right of the plot (under
	// it if too wide) instead of in the corner of the data area with the
	// fewest data points.
	legendOutside bool
	// occupied holds data coordinates the inside legend should avoid.
	occupied [][2]float64
	labels   *pointLabels
	omitted  int
	// fitNominalX turns the word labels of a nominal x axis sideways when
	// they would not fit side by side.
	fitNominalX bool
	// equalAspect widens one axis range at render time so that a data
	// unit is as long on x as on y.
	equalAspect bool
	// decimalComma is Output.DecimalComma while the figure renders, for
	// plotters that write numbers themselves.
	decimalComma bool
}

type legendEntry struct {
	name   string
	thumbs []gplot.Thumbnailer
}

// Description is what a figure shows, for tests and for callers that want
// to echo notes: the text, the axis ranges after padding (before the
// render-time widening of ScatterSpec.EqualAspect), which axes are
// logarithmic, the legend entries and the notes printed as a caption.
type Description struct {
	Kind           Kind
	Title          string
	Subtitle       string
	XLabel, YLabel string
	XMin, XMax     float64
	YMin, YMax     float64
	XLog, YLog     bool
	Legend         []string
	Notes          []string
	// XTicks and YTicks are the tick labels of nominal (word) axes, else nil.
	XTicks, YTicks []string
	// LabelCandidates is how many points could carry a word label (scatter).
	LabelCandidates int
	// Omitted counts input values not drawn: NaN, ±Inf, or non-positive on
	// a log axis. Each omission is also explained in Notes.
	Omitted int
}

// Describe returns what the figure shows.
func (f *Figure) Describe() Description {
	d := Description{
		Kind:     f.kind,
		Title:    f.title,
		Subtitle: f.subtitle,
		XLabel:   f.p.X.Label.Text,
		YLabel:   f.p.Y.Label.Text,
		XMin:     f.p.X.Min,
		XMax:     f.p.X.Max,
		YMin:     f.p.Y.Min,
		YMax:     f.p.Y.Max,
	}
	_, d.XLog = f.p.X.Scale.(gplot.LogScale)
	_, d.YLog = f.p.Y.Scale.(gplot.LogScale)
	for _, e := range f.legend {
		d.Legend = append(d.Legend, e.name)
	}
	d.Notes = append(d.Notes, f.notes...)
	if ct, ok := f.p.X.Tick.Marker.(gplot.ConstantTicks); ok {
		d.XTicks = tickLabels(ct)
	}
	if ct, ok := f.p.Y.Tick.Marker.(gplot.ConstantTicks); ok {
		d.YTicks = tickLabels(ct)
	}
	d.Omitted = f.omitted
	if f.labels != nil {
		d.LabelCandidates = len(f.labels.text)
	}
	return d
}

func tickLabels(ts gplot.ConstantTicks) []string {
	var out []string
	for _, t := range ts {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

// Notes returns the figure's notes (values omitted, thinning applied),
// which Render also prints under the plot.
func (f *Figure) Notes() []string { return append([]string(nil), f.notes...) }

// LabelsPlaced reports how many word labels the last Render of a scatter
// drew (0 before the first Render and for other kinds).
func (f *Figure) LabelsPlaced() int {
	if f.labels == nil {
		return 0
	}
	return f.labels.placed
}

// Fonts and colours. These and palette are read-only.
var (
	regularFont = font.Font{Typeface: "Liberation", Variant: "Sans"}
	boldFont    = font.Font{Typeface: "Liberation", Variant: "Sans", Weight: xfont.WeightBold}
	inkColor    = color.RGBA{R: 0x22, G: 0x22, B: 0x22, A: 0xff}
	mutedColor  = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff}
	gridColor   = color.RGBA{R: 0xdd, G: 0xdd, B: 0xdd, A: 0xff}
)

func textStyle(f font.Font, size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(f, size),
		Handler: gplot.DefaultTextHandler,
	}
}

// palette holds colours that stay distinguishable on white and for the
// common forms of colour blindness (Okabe & Ito's set, plus a violet, a
// brown and a grey). The order keeps the first six hues far apart, so the
// six built-in word groups never pair dark blue with sky blue; the
// interactive map (static/mapview.js) uses the same colours in the same
// order.
var palette = [...]color.RGBA{
	{0x00, 0x72, 0xb2, 0xff}, // blue
	{0xd5, 0x5e, 0x00, 0xff}, // vermilion
	{0x00, 0x9e, 0x73, 0xff}, // bluish green
	{0xcc, 0x79, 0xa7, 0xff}, // reddish purple
	{0xe6, 0x9f, 0x00, 0xff}, // orange
	{0x22, 0x22, 0x22, 0xff}, // near black
	{0x56, 0xb4, 0xe9, 0xff}, // sky blue
	{0x6a, 0x4c, 0x93, 0xff}, // violet
	{0x8c, 0x56, 0x4b, 0xff}, // brown
	{0x99, 0x99, 0x99, 0xff}, // grey
}

// seriesStyle returns the colour and glyph shape of series i: colours
// cycle first, then shapes, so up to len(palette)×len(shapes) series are
// distinct.
func seriesStyle(i int) (color.RGBA, draw.GlyphDrawer) {
	shapes := []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.PyramidGlyph{}, draw.CrossGlyph{}, draw.PlusGlyph{}}
	return palette[i%len(palette)], shapes[(i/len(palette))%len(shapes)]
}

// newBase returns a gonum plot with the house look: light grid, muted
// axes, the given labels.
func newBase(kind Kind, title, xlabel, ylabel string) *Figure {
	p := gplot.New()
	p.X.Label.Text = cleanText(xlabel, maxAxisLabelRunes)
	p.Y.Label.Text = cleanText(ylabel, maxAxisLabelRunes)
	for _, a := range []*gplot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(regularFont, 11)
		a.Label.TextStyle.Color = inkColor
		a.Tick.Label.Font = font.From(regularFont, 9)
		a.Tick.Label.Color = mutedColor
		a.Tick.Length = vg.Points(4)
		a.Tick.LineStyle.Color = mutedColor
		a.LineStyle.Color = mutedColor
		a.Padding = vg.Points(3)
		a.Tick.Marker = linearTicks{}
	}
	p.Add(&grid{})
	return &Figure{kind: kind, p: p, title: cleanText(title, maxTitleRunes)}
}

// note appends a caption line.
func (f *Figure) note(format string, args ...any) {
	f.notes = append(f.notes, fmt.Sprintf(format, args...))
}

// setLogX and setLogY switch an axis to a logarithmic scale with
// readable ticks.
func setLog(a *gplot.Axis) {
	a.Scale = gplot.LogScale{}
	a.Tick.Marker = logTicks{}
}

// setRange sets an axis range with a fractional margin on each side (in
// log space for log axes). Non-finite or degenerate ranges are widened so
// that gonum never sees min == max.
func setRange(a *gplot.Axis, lo, hi, margin float64) {
	_, isLog := a.Scale.(gplot.LogScale)
	if isLog {
		lo, hi = math.Log10(lo), math.Log10(hi)
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	span := hi - lo
	if span == 0 || math.IsNaN(span) {
		span = math.Max(math.Abs(lo), 1)
		if isLog {
			span = 1
		}
		lo -= span / 2
		hi += span / 2
		span *= 2
	}
	if !math.IsInf(span, 0) {
		lo -= margin * span
		hi += margin * span
	}
	if isLog {
		lo, hi = math.Pow(10, lo), math.Pow(10, hi)
	}
	a.Min, a.Max = lo, hi
}

// draw lays the figure out on c: title, subtitle, plot, legend, notes.
func (f *Figure) draw(c draw.Canvas) {
	c.SetColor(color.White)
	c.Fill(c.Rectangle.Path())
	pad := vg.Points(8)
	c = draw.Crop(c, pad, -pad, pad, -pad)
	width := c.Max.X - c.Min.X

	if f.title != "" {
		sty := textStyle(boldFont, 13, inkColor)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		t := fitWidth(sty, f.title, width)
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, t)
		c.Max.Y -= sty.Height(t) + vg.Points(3)
	}
	if f.subtitle != "" {
		sty := textStyle(regularFont, 10, mutedColor)
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YTop
		t := fitWidth(sty, f.subtitle, width)
		c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, t)
		c.Max.Y -= sty.Height(t) + vg.Points(3)
	}
	if f.title != "" || f.subtitle != "" {
		c.Max.Y -= vg.Points(4)
	}
	if len(f.notes) > 0 {
		sty := textStyle(regularFont, 9, mutedColor)
		sty.XAlign, sty.YAlign = draw.XLeft, draw.YBottom
		y := c.Min.Y
		for i := len(f.notes) - 1; i >= 0; i-- {
			t := fitWidth(sty, "Note: "+f.notes[i], width)
			c.FillText(sty, vg.Point{X: c.Min.X, Y: y}, t)
			y += sty.Height(t) + vg.Points(1)
		}
		c.Min.Y = y + vg.Points(4)
	}
	// The legend goes in a corner of the data area (line plots) or in a
	// column to the right (maps, bars); when it is too wide for that it
	// goes under the plot, unless it is also too tall, in which case its
	// entries are shortened.
	lg := f.newLegend()
	legendInside, legendRight := false, false
	if len(f.legend) > 0 {
		lw, lh := lg.size()
		short := lh <= (c.Max.Y-c.Min.Y)/3
		switch {
		// The data area is the width less the y axis's labels and ticks
		// (about 80 pt); placeInsideLegend takes at most 0.6 of it.
		case !f.legendOutside && lw <= 0.6*(width-vg.Points(80)):
			legendInside = true
		case f.legendOutside && (lw <= width/3 || !short):
			legendRight = true
		default:
			lg.width = width
			lg.draw(c, c.Min.X, c.Min.Y+lh, false)
			c.Min.Y += lh + vg.Points(4)
		}
	}
	// Axis labels are drawn here rather than by gonum, which reserves
	// space for them at the arithmetic mean of the axis range — far off
	// centre on a log axis, leaving a wide empty margin.
	xlab, ylab := f.p.X.Label.Text, f.p.Y.Label.Text
	f.p.X.Label.Text, f.p.Y.Label.Text = "", ""
	defer func() { f.p.X.Label.Text, f.p.Y.Label.Text = xlab, ylab }()
	labelSty := f.p.X.Label.TextStyle
	labelC := c // the area the axis labels sit in
	if ylab != "" {
		c.Min.X += labelSty.Height(ylab) + vg.Points(4)
	}
	if xlab != "" {
		c.Min.Y += labelSty.Height(xlab) + vg.Points(2)
	}

	if legendRight {
		lw, _ := lg.size()
		lw = min(lw, width/3)
		lc := c
		lc.Min.X = c.Max.X - lw
		lg.width = lw
		c.Max.X -= lw + vg.Points(8)
		// Align the top of the legend with the top of the data area.
		dc := f.p.DataCanvas(c)
		lc.Max.Y = dc.Max.Y
		lg.draw(lc, lc.Min.X, lc.Max.Y, false)
	}
	if c.Max.X-c.Min.X < vg.Points(20) || c.Max.Y-c.Min.Y < vg.Points(20) {
		return // too small to hold a plot; the text above is all we can show
	}
	if f.fitNominalX {
		f.fitXTickLabels(c)
	}
	if f.equalAspect {
		x, y := f.p.X, f.p.Y
		defer func() { f.p.X.Min, f.p.X.Max, f.p.Y.Min, f.p.Y.Max = x.Min, x.Max, y.Min, y.Max }()
		f.equalizeAspect(c)
	}
	f.p.Draw(c)
	dc := f.p.DataCanvas(c)
	if xlab != "" {
		sty := labelSty
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
		c.FillText(sty, vg.Point{X: dc.Center().X, Y: labelC.Min.Y}, fitWidth(sty, xlab, dc.Max.X-dc.Min.X))
	}
	if ylab != "" {
		sty := labelSty
		sty.XAlign, sty.YAlign = draw.XCenter, draw.YBottom
		sty.Rotation = math.Pi / 2
		x := labelC.Min.X + sty.Height(ylab) - sty.FontExtents().Descent
		c.FillText(sty, vg.Point{X: x, Y: dc.Center().Y}, fitWidth(sty, ylab, dc.Max.Y-dc.Min.Y))
	}
	if legendInside {
		f.placeInsideLegend(dc, lg)
	}
}

// fitWidth shortens s with an ellipsis until it is at most w wide.
func fitWidth(sty text.Style, s string, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi { // largest n with r[:n]+"…" fitting
		mid := (lo + hi + 1) / 2
		if sty.Width(string(r[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

// grid draws light major grid lines under the data.
type grid struct{}

func (grid) Plot(c draw.Canvas, p *gplot.Plot) {
	sty := draw.LineStyle{Color: gridColor, Width: vg.Points(0.5)}
	trX, trY := p.Transforms(&c)
	_, nominalX := p.X.Tick.Marker.(gplot.ConstantTicks)
	_, nominalY := p.Y.Tick.Marker.(gplot.ConstantTicks)
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if nominalX || t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
			continue
		}
		x := trX(t.Value)
		c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
	}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if nominalY || t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}

// fitXTickLabels sets the rotation of nominal x tick labels for a plot
// drawn in c: level when the widest fits its slot, 45° when the slots are
// at least 1.5 line heights wide, else vertical.
func (f *Figure) fitXTickLabels(c draw.Canvas) {
	ticks, ok := f.p.X.Tick.Marker.(gplot.ConstantTicks)
	if !ok || len(ticks) == 0 {
		return
	}
	sty := &f.p.X.Tick.Label
	sty.Rotation, sty.XAlign, sty.YAlign = 0, draw.XCenter, draw.YTop
	var widest vg.Length
	for _, t := range ticks {
		widest = max(widest, sty.Width(t.Label))
	}
	// The y axis (ticks and labels) takes roughly this much of the width.
	slot := (c.Max.X - c.Min.X - vg.Points(45)) / vg.Length(len(ticks))
	lineH := sty.Height("Ag")
	switch {
	case widest+vg.Points(4) <= slot:
	case slot >= 1.5*lineH:
		sty.Rotation, sty.XAlign, sty.YAlign = math.Pi/4, draw.XRight, draw.YCenter
	default:
		sty.Rotation, sty.XAlign, sty.YAlign = math.Pi/2, draw.XRight, draw.YCenter
	}
}

// equalizeAspect widens the x or y range (about its centre) so that one
// data unit has the same length on both axes of the data area in c.
func (f *Figure) equalizeAspect(c draw.Canvas) {
	widen := func(a *gplot.Axis, span float64) {
		mid := (a.Min + a.Max) / 2
		a.Min, a.Max = mid-span/2, mid+span/2
	}
	// New ranges bring new tick labels, which can change the data area a
	// little; a few rounds settle it.
	for range 4 {
		dc := f.p.DataCanvas(c)
		w, h := float64(dc.Max.X-dc.Min.X), float64(dc.Max.Y-dc.Min.Y)
		dx, dy := f.p.X.Max-f.p.X.Min, f.p.Y.Max-f.p.Y.Min
		if !(w > 0 && h > 0 && dx > 0 && dy > 0) {
			return
		}
		if dx/w > dy/h {
			widen(&f.p.Y, dx/w*h)
		} else {
			widen(&f.p.X, dy/h*w)
		}
	}
}
