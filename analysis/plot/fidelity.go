package plot

import (
	"fmt"
	"image/color"
	"math"
	"strconv"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/gloveboard/gloveboard/analysis/linefit"
)

// Reference is the line a fidelity scatter is compared against.
type Reference int

// References.
const (
	// Identity draws y = x; R² is 1 − Σ(y−x)² / Σ(x−x̄)², the share of
	// the variance of the target x that the prediction y explains.
	Identity Reference = iota
	// FitLine draws the least-squares line of y on x; R² is its
	// coefficient of determination.
	FitLine
	// NoLine draws no reference line and reports R² only if given.
	NoLine
)

// FidelitySpec describes a scatter of a target x against a prediction y,
// such as log X_ij (x) against the model's w_iᵀw̃_j + b_i + b̃_j (y).
type FidelitySpec struct {
	X, Y      []float64
	Reference Reference
	// R2, if non-nil, is reported in the title instead of the value
	// computed from the points and the reference line.
	R2 *float64
	// Sizes, if set (one per point, in [0, 1]), scale the points' area,
	// such as GloVe's weight f(X_ij) of each point; SizeLabel names them
	// in the legend.
	Sizes     []float64
	SizeLabel string
	// Title, XLabel and YLabel override "Fidelity", "x" and "y".
	Title, XLabel, YLabel string
	// Text, if set, replaces the English of the legend and of the title's
	// R² (the web's other languages; the zero value is English).
	Text FidelityText
}

// FidelityText is the wording of a fidelity plot's legend and title in a
// language other than English. Each field is a fmt format with one %s;
// an empty field keeps the English.
type FidelityText struct {
	// Points names the scatter, with the number of points ("%s points").
	Points string
	// SizedBy follows it when the points are sized, with SizeLabel
	// (", point size grows with %s").
	SizedBy string
	// R2 follows the title, with R² to 3 decimals (" — R² = %s").
	R2 string
	// Thinned is the note of a thinned scatter, with the stride, the
	// points drawn and all points ("showing every %s point (%s of %s);
	// …", the English with an ordinal).
	Thinned string
	// Number writes the numbers of these texts (the count with 0
	// decimals, R² with 3) in the language's convention; nil writes
	// them as Go does ("1234", "0.123").
	Number func(v float64, decimals int) string

	// Omitted is the note on points left out, with their number ("%s NaN
	// or infinite points omitted"); NoSpread the note when the
	// least-squares line cannot be drawn ("least-squares line not drawn:
	// x has no spread").
	Omitted, NoSpread string
	// Fit, if set, writes the least-squares line's legend entry from its
	// slope and intercept (English: "least squares: y = 0.873·x +0.12").
	Fit func(slope, intercept float64) string
}

// number writes v with d decimals by t.Number, or as Go does.
func (t FidelityText) number(v float64, d int) string {
	if t.Number != nil {
		return t.Number(v, d)
	}
	return strconv.FormatFloat(v, 'f', d, 64)
}

// maxFidelityPoints caps the points drawn; larger inputs are thinned by a
// fixed stride (with a note).
const maxFidelityPoints = 20000

// NewFidelity builds a scatter of y against x with a reference line and
// R² in the title. Pairs with a NaN or infinite coordinate are omitted with
// a note. It panics if len(X) != len(Y).
func NewFidelity(s FidelitySpec) (*Figure, error) {
	if len(s.X) != len(s.Y) || (s.Sizes != nil && len(s.Sizes) != len(s.X)) {
		panic(fmt.Sprintf("plot: len(X) = %d but len(Y) = %d and len(Sizes) = %d", len(s.X), len(s.Y), len(s.Sizes)))
	}
	xys, o := cleanXY(s.X, s.Y, false, false)
	if len(xys) == 0 {
		return nil, fmt.Errorf("%w: no finite (x, y) pairs among %d", ErrNoData, len(s.X))
	}
	fit, fitErr := fitLine(xys)
	r2 := math.NaN()
	switch s.Reference {
	case Identity:
		r2 = identityR2(xys)
	case FitLine:
		if fitErr == nil {
			r2 = fit.R2
		}
	}
	if s.R2 != nil {
		r2 = *s.R2
	}
	title := or(s.Title, "Fidelity")
	if finite(r2) {
		title += fmt.Sprintf(or(s.Text.R2, " — R² = %s"), s.Text.number(r2, 3))
	}
	f := newBase(KindFidelity, title, or(s.XLabel, "x"), or(s.YLabel, "y"))
	if s.Text.Omitted != "" && o.nonFinite > 0 {
		f.note(s.Text.Omitted, s.Text.number(float64(o.nonFinite), 0))
		f.omitted += o.nonFinite
	} else {
		o.report(f, "points")
	}

	draws := xys
	if len(xys) > maxFidelityPoints {
		stride := (len(xys) + maxFidelityPoints - 1) / maxFidelityPoints
		draws = make(plotter.XYs, 0, len(xys)/stride+1)
		for k := 0; k < len(xys); k += stride {
			draws = append(draws, xys[k])
		}
		if s.Text.Thinned != "" {
			f.note(s.Text.Thinned, s.Text.number(float64(stride), 0), s.Text.number(float64(len(draws)), 0), s.Text.number(float64(len(xys)), 0))
		} else {
			f.note("showing every %d%s point (%d of %d); R² and the line use all points",
				stride, ordinalSuffix(stride), len(draws), len(xys))
		}
	}
	xlo, xhi, ylo, yhi := bounds(xys)
	pts, err := plotter.NewScatter(draws)
	if err != nil {
		panic(err)
	}
	radius := vg.Points(2)
	if len(draws) > 2000 {
		radius = vg.Points(1.2)
	}
	pts.GlyphStyle = draw.GlyphStyle{Color: color.NRGBA{R: 0x00, G: 0x72, B: 0xb2, A: 0x90}, Radius: radius, Shape: draw.CircleGlyph{}}
	name := fmt.Sprintf(or(s.Text.Points, "%s points"), s.Text.number(float64(len(xys)), 0))
	if s.Sizes != nil && len(draws) == len(s.X) { // sizes apply when nothing was thinned or omitted
		pts.GlyphStyleFunc = func(i int) draw.GlyphStyle {
			g := pts.GlyphStyle
			g.Radius = vg.Points(1.5 + 4.5*math.Sqrt(math.Max(0, math.Min(1, s.Sizes[i]))))
			return g
		}
		if s.SizeLabel != "" {
			name += fmt.Sprintf(or(s.Text.SizedBy, ", point size grows with %s"), cleanText(s.SizeLabel, 40))
		}
	}
	f.p.Add(pts)
	f.legend = append(f.legend, legendEntry{name: name, thumbs: []gplot.Thumbnailer{pts}})
	for _, p := range draws {
		f.occupied = append(f.occupied, [2]float64{p.X, p.Y})
	}

	var ref plotter.XYs
	var refName string
	switch s.Reference {
	case Identity:
		lo, hi := math.Max(xlo, ylo), math.Min(xhi, yhi)
		if lo >= hi { // ranges do not overlap: span both
			lo, hi = math.Min(xlo, ylo), math.Max(xhi, yhi)
		}
		ref, refName = plotter.XYs{{X: lo, Y: lo}, {X: hi, Y: hi}}, "y = x"
	case FitLine:
		if fitErr == nil {
			ref = plotter.XYs{{X: xlo, Y: fit.At(xlo)}, {X: xhi, Y: fit.At(xhi)}}
			refName = fmt.Sprintf("least squares: y = %.3g·x %+.3g", fit.Slope, fit.Intercept)
			if s.Text.Fit != nil {
				refName = s.Text.Fit(fit.Slope, fit.Intercept)
			}
		} else {
			f.note("%s", or(s.Text.NoSpread, "least-squares line not drawn: x has no spread"))
		}
	}
	if ref != nil {
		line, err := plotter.NewLine(ref)
		if err != nil {
			panic(err)
		}
		line.LineStyle = draw.LineStyle{Color: palette[1], Width: vg.Points(1.5)}
		f.p.Add(line)
		f.legend = append(f.legend, legendEntry{name: refName, thumbs: []gplot.Thumbnailer{line}})
		_, _, a, b := bounds(ref)
		ylo, yhi = math.Min(ylo, a), math.Max(yhi, b)
	}
	setRange(&f.p.X, xlo, xhi, 0.03)
	setRange(&f.p.Y, ylo, yhi, 0.03)
	return f, nil
}

// fitLine is the least-squares line through the points (analysis/linefit:
// an error for fewer than two points or no spread in x; R² = 1 when y is
// constant).
func fitLine(xys plotter.XYs) (linefit.Line, error) {
	x, y := make([]float64, len(xys)), make([]float64, len(xys))
	for i, p := range xys {
		x[i], y[i] = p.X, p.Y
	}
	return linefit.Fit(x, y)
}

// identityR2 is 1 − Σ(y−x)² / Σ(x−x̄)²: how much of the target x's
// variance the prediction y explains (negative when worse than x̄).
func identityR2(xys plotter.XYs) float64 {
	var mx float64
	for _, p := range xys {
		mx += p.X
	}
	mx /= float64(len(xys))
	var res, tot float64
	for _, p := range xys {
		res += (p.Y - p.X) * (p.Y - p.X)
		tot += (p.X - mx) * (p.X - mx)
	}
	if tot == 0 {
		return math.NaN()
	}
	return 1 - res/tot
}

func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}
