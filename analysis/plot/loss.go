package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Series is one named curve. X may be nil, meaning 1, 2, …, len(Y)
// (epochs); otherwise it must have the same length as Y.
type Series struct {
	Name string
	X, Y []float64
}

// LossSpec describes training-loss curves, several runs overlaid.
type LossSpec struct {
	Runs []Series
	// LogY puts the cost on a logarithmic axis; non-positive costs are then
	// omitted with a note.
	LogY bool
	// Title, XLabel and YLabel override "Training loss", "epoch" and
	// "cost J".
	Title, XLabel, YLabel string
	// Text, if set, replaces the English of the text NewLoss writes on
	// its own (the web's other languages; the zero value is English).
	Text LossText
}

// LossText is the wording of a loss plot's own notes and default legend
// labels in a language other than English, as FidelityText is a fidelity
// plot's. Each field is a fmt format with one %s, a number written by
// Number; an empty field keeps the English (which has singular and
// plural forms; a translation has one).
type LossText struct {
	// NonFinite and NonPositive are the notes on costs left out, with
	// their number ("%s NaN or infinite costs omitted", "%s non-positive
	// costs omitted (log axis)").
	NonFinite, NonPositive string
	// Coincide is the note on curves identical to an earlier one, with
	// their number ("%s curves coincide with an earlier one: …").
	Coincide string
	// Run names a curve that has no name, with its number ("run %s").
	Run string
	// Number writes the numbers of these texts in the language's
	// convention; nil writes them as Go does.
	Number func(v float64, decimals int) string
}

// number writes the count n by t.Number, or as Go does.
func (t LossText) number(n int) string {
	if t.Number != nil {
		return t.Number(float64(n), 0)
	}
	return strconv.Itoa(n)
}

// omissions counts values dropped while preparing a figure's data.
type omissions struct {
	nonFinite   int
	nonPositive int
}

func (o *omissions) add(p omissions) {
	o.nonFinite += p.nonFinite
	o.nonPositive += p.nonPositive
}

// report appends notes for the omissions to f.
// what is a plural noun ("costs"), made singular for a count of one.
func (o omissions) report(f *Figure, what string) {
	noun := func(n int) string {
		if n == 1 {
			return strings.TrimSuffix(what, "s")
		}
		return what
	}
	if o.nonFinite > 0 {
		f.note("%d NaN or infinite %s omitted", o.nonFinite, noun(o.nonFinite))
	}
	if o.nonPositive > 0 {
		f.note("%d non-positive %s omitted (log axis)", o.nonPositive, noun(o.nonPositive))
	}
	f.omitted += o.nonFinite + o.nonPositive
}

// report appends the notes on omitted costs to f, in t's wording where
// it has one.
func (t LossText) report(f *Figure, o omissions) {
	rest := o // what is noted in English
	if o.nonFinite > 0 && t.NonFinite != "" {
		f.note(t.NonFinite, t.number(o.nonFinite))
		f.omitted += o.nonFinite
		rest.nonFinite = 0
	}
	if o.nonPositive > 0 && t.NonPositive != "" {
		f.note(t.NonPositive, t.number(o.nonPositive))
		f.omitted += o.nonPositive
		rest.nonPositive = 0
	}
	rest.report(f, "costs")
}

// cleanXY pairs x and y, dropping pairs that are not finite or that are
// non-positive on a log axis. It panics if the lengths differ (a
// programmer error); x == nil means 1, 2, ….
func cleanXY(x, y []float64, logX, logY bool) (plotter.XYs, omissions) {
	if x != nil && len(x) != len(y) {
		panic(fmt.Sprintf("plot: len(X) = %d but len(Y) = %d", len(x), len(y)))
	}
	var o omissions
	xys := make(plotter.XYs, 0, len(y))
	for i, yv := range y {
		xv := float64(i + 1)
		if x != nil {
			xv = x[i]
		}
		switch {
		case !finite(xv) || !finite(yv):
			o.nonFinite++
		case (logX && xv <= 0) || (logY && yv <= 0):
			o.nonPositive++
		default:
			xys = append(xys, plotter.XY{X: xv, Y: yv})
		}
	}
	return xys, o
}

// bounds returns the extremes of non-empty xys.
func bounds(xys plotter.XYs) (xlo, xhi, ylo, yhi float64) {
	xlo, xhi, ylo, yhi = xys[0].X, xys[0].X, xys[0].Y, xys[0].Y
	for _, p := range xys[1:] {
		xlo, xhi = math.Min(xlo, p.X), math.Max(xhi, p.X)
		ylo, yhi = math.Min(ylo, p.Y), math.Max(yhi, p.Y)
	}
	return
}

// lossDashes are the dash patterns of loss curves (solid first), so that
// curves differ in more than colour (printed in grey, or for readers who
// do not tell the colours apart).
var lossDashes = [][]vg.Length{
	nil,
	{vg.Points(6), vg.Points(3)},
	{vg.Points(1.5), vg.Points(2.5)},
	{vg.Points(8), vg.Points(3), vg.Points(1.5), vg.Points(3)},
	{vg.Points(3), vg.Points(3)},
	{vg.Points(11), vg.Points(4)},
}

// maxLossLegendRunes bounds a loss curve's legend label: longer than
// other legends', since labels of compared runs say what differs between
// them ("run 3: seed 1, d 50, η 0.05 (same settings as run 1)").
const maxLossLegendRunes = 80

// lossShapes are the markers of loss curves, one a curve in turn.
var lossShapes = []draw.GlyphDrawer{draw.CircleGlyph{}, draw.SquareGlyph{}, draw.TriangleGlyph{}, draw.CrossGlyph{}, draw.PyramidGlyph{}, draw.PlusGlyph{}}

// lossStyle returns the colour, marker and dash pattern of the i-th loss
// curve. Colours, markers and dashes cycle with coprime-ish periods, so
// that two of the first dozen curves never share all three.
func lossStyle(i int) (color.RGBA, draw.GlyphDrawer, []vg.Length) {
	return palette[i%len(palette)], lossShapes[i%len(lossShapes)], lossDashes[(i+i/len(lossDashes))%len(lossDashes)]
}

// sameCurves counts the runs before i (copies) and after i (after) whose
// points are exactly those of run i.
func sameCurves(runs []Series, i int, logY bool) (copies, after int) {
	same := func(a, b Series) bool {
		x, _ := cleanXY(a.X, a.Y, false, logY)
		y, _ := cleanXY(b.X, b.Y, false, logY)
		return len(x) > 0 && slices.Equal(x, y)
	}
	for j := range runs {
		switch {
		case j < i && same(runs[j], runs[i]):
			copies++
		case j > i && same(runs[j], runs[i]):
			after++
		}
	}
	return copies, after
}

// NewLoss builds loss curves: cost against epoch, one line per run, with a
// legend naming the runs. Curves differ in colour, marker and dash
// pattern; one identical to an earlier curve stays visible over it.
func NewLoss(s LossSpec) (*Figure, error) {
	ylabel := "cost J"
	if s.LogY {
		ylabel = "cost J (log scale)"
	}
	f := newBase(KindLoss, or(s.Title, "Training loss"), or(s.XLabel, "epoch"), or(s.YLabel, ylabel))
	if s.LogY {
		setLog(&f.p.Y)
	}
	var (
		total              omissions
		first              = true
		integerX           = true // epochs: label whole numbers only
		xlo, xhi, ylo, yhi float64
		coinciding         int // curves identical to an earlier one
	)
	for i, run := range s.Runs {
		xys, o := cleanXY(run.X, run.Y, false, s.LogY)
		total.add(o)
		if len(xys) == 0 {
			continue
		}
		a, b, c, d := bounds(xys)
		if first {
			xlo, xhi, ylo, yhi = a, b, c, d
			first = false
		} else {
			xlo, xhi = math.Min(xlo, a), math.Max(xhi, b)
			ylo, yhi = math.Min(ylo, c), math.Max(yhi, d)
		}
		clr, shape, dashes := lossStyle(i)
		line, err := plotter.NewLine(xys)
		if err != nil {
			panic(err) // values were checked finite
		}
		// A curve identical to an earlier one is drawn over it with its
		// dashes shifted and smaller markers, so that both stay visible;
		// the earlier one's markers grow with the copies drawn over it.
		copies, after := sameCurves(s.Runs, i, s.LogY)
		if copies > 0 {
			coinciding++
			if dashes == nil {
				dashes = lossDashes[1]
			}
		}
		line.LineStyle = draw.LineStyle{Color: clr, Width: vg.Points(1.5), Dashes: dashes, DashOffs: vg.Points(2.5 * float64(copies))}
		thumbs := []gplot.Thumbnailer{line}
		f.p.Add(line)
		if len(xys) <= 40 {
			pts, err := plotter.NewScatter(xys)
			if err != nil {
				panic(err)
			}
			radius := vg.Points(max(2.2+1.3*float64(after)-0.5*float64(copies), 1.2))
			pts.GlyphStyle = draw.GlyphStyle{Color: clr, Radius: radius, Shape: shape}
			f.p.Add(pts)
			thumbs = append(thumbs, pts)
		}
		name := cleanText(run.Name, maxLossLegendRunes)
		if name == "" {
			name = fmt.Sprintf(or(s.Text.Run, "run %s"), s.Text.number(i+1))
		}
		f.legend = append(f.legend, legendEntry{name: name, thumbs: thumbs})
		for _, p := range xys {
			f.occupied = append(f.occupied, [2]float64{p.X, p.Y})
			integerX = integerX && p.X == math.Trunc(p.X)
		}
	}
	s.Text.report(f, total)
	if coinciding > 0 {
		if s.Text.Coincide != "" {
			f.note(s.Text.Coincide, s.Text.number(coinciding))
		} else {
			f.note("%d %s an earlier one: drawn over it, dashed, with smaller markers", coinciding,
				map[bool]string{true: "curve coincides with", false: "curves coincide with"}[coinciding == 1])
		}
	}
	if first {
		return nil, fmt.Errorf("%w: no loss values to plot (%d runs)", ErrNoData, len(s.Runs))
	}
	if len(s.Runs) == 1 && cleanText(s.Runs[0].Name, maxLossLegendRunes) == "" {
		f.legend = nil
	}
	if integerX {
		f.p.X.Tick.Marker = linearTicks{integer: true}
	}
	setRange(&f.p.X, xlo, xhi, 0.02)
	setRange(&f.p.Y, ylo, yhi, 0.04)
	return f, nil
}
