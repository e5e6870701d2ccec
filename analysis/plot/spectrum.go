package plot

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// PowerLawFit is a fit λ_r ≈ C·r^(−β) over the inclusive 1-based rank
// range From..To.
type PowerLawFit struct {
	Beta, R2 float64
	From, To int
	// LogC is the natural-log intercept ln C. When nil, the figure uses
	// the least-squares intercept for the given β over the fitted ranks,
	// mean(ln λ_r + β ln r).
	LogC *float64
}

// SpectrumSpec describes a rank-ordered spectrum on log–log axes.
type SpectrumSpec struct {
	// Values are in rank order: Values[0] is rank 1.
	Values []float64
	// Quantity names the values, "singular value" by default (or
	// "eigenvalue").
	Quantity string
	// Matrix names the matrix for the default title, e.g. "PPMI".
	Matrix string
	// Fit, when non-nil, is drawn as a line over its rank range only.
	Fit *PowerLawFit
	// Title, XLabel and YLabel override the defaults.
	Title, XLabel, YLabel string
	// ValuesName and FitName, when set, replace the built-in English
	// legend entries of the points ("singular values") and of the fit
	// line ("power law, ranks a–b: β = …, R² = …"); the web writes them in
	// the page's language. Empty keeps the English default (the CLI).
	ValuesName, FitName string
	// Translate, when set, rewrites each note printed under the plot
	// (English formats, such as the thinning of long series); nil keeps
	// them in English.
	Translate func(note string) string
}

// Longest rank-ordered series drawn point by point; beyond thinHead ranks,
// longer series are drawn at log-spaced ranks (with a note).
const (
	thinAbove = 3000
	thinHead  = 1000
	thinTail  = 1000
)

// thinRanks returns the 0-based indices to draw of a rank-ordered series
// of length n: all of them if n ≤ thinAbove, else the first thinHead and
// about thinTail more spaced evenly in log rank.
func thinRanks(n int) []int {
	if n <= thinAbove {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	idx := make([]int, 0, thinHead+thinTail+1)
	for i := 0; i < thinHead; i++ {
		idx = append(idx, i)
	}
	lo, hi := math.Log(float64(thinHead+1)), math.Log(float64(n))
	for k := 0; k <= thinTail; k++ {
		r := int(math.Round(math.Exp(lo + (hi-lo)*float64(k)/thinTail))) // 1-based rank
		if i := r - 1; i > idx[len(idx)-1] && i < n {
			idx = append(idx, i)
		}
	}
	return idx
}

// rankSeries turns rank-ordered values into log–log points, dropping and
// counting unusable values and thinning long series.
func rankSeries(f *Figure, values []float64, what string) plotter.XYs {
	idx := thinRanks(len(values))
	var o omissions
	for _, v := range values {
		switch {
		case !finite(v):
			o.nonFinite++
		case v <= 0:
			o.nonPositive++
		}
	}
	xys := make(plotter.XYs, 0, len(idx))
	for _, i := range idx {
		if v := values[i]; finite(v) && v > 0 {
			xys = append(xys, plotter.XY{X: float64(i + 1), Y: v})
		}
	}
	o.report(f, what)
	if len(idx) < len(values) {
		f.note("ranks 1–%d drawn one by one; of the %d ranks after them, %d drawn at log-spaced ranks", thinHead, len(values)-thinHead, len(idx)-thinHead)
	}
	return xys
}

// powerLine returns the points of y = exp(logC)·r^(−exponent) for ranks
// from..to, sampled evenly in log rank.
func powerLine(logC, exponent float64, from, to int) plotter.XYs {
	const n = 64
	lo, hi := math.Log(float64(from)), math.Log(float64(to))
	xys := make(plotter.XYs, 0, n+1)
	for k := 0; k <= n; k++ {
		lr := lo + (hi-lo)*float64(k)/n
		xys = append(xys, plotter.XY{X: math.Exp(lr), Y: math.Exp(logC - exponent*lr)})
	}
	return xys
}

// NewSpectrum builds a log–log plot of rank against value with an
// optional power-law fit line drawn over its fitted ranks, β and R² in the
// legend. Non-positive values (e.g. negative eigenvalues) are omitted with
// a note.
func NewSpectrum(s SpectrumSpec) (*Figure, error) {
	q := or(strings.TrimSpace(s.Quantity), "singular value")
	title := capitalize(q) + " spectrum"
	if s.Matrix != "" {
		title += " of " + s.Matrix
	}
	f := newBase(KindSpectrum, or(s.Title, title), or(s.XLabel, "rank r (log scale)"), or(s.YLabel, q+" (log scale)"))
	setLog(&f.p.X)
	setLog(&f.p.Y)
	xys := rankSeries(f, s.Values, q+"s")
	if len(xys) == 0 {
		return nil, fmt.Errorf("%w: no positive %ss among %d values", ErrNoData, q, len(s.Values))
	}
	pts, err := plotter.NewScatter(xys)
	if err != nil {
		panic(err)
	}
	pts.GlyphStyle = draw.GlyphStyle{Color: palette[0], Radius: vg.Points(1.8), Shape: draw.CircleGlyph{}}
	f.p.Add(pts)
	f.legend = append(f.legend, legendEntry{name: or(s.ValuesName, q+"s"), thumbs: []gplot.Thumbnailer{pts}})
	for _, p := range xys {
		f.occupied = append(f.occupied, [2]float64{p.X, p.Y})
	}
	xlo, xhi, ylo, yhi := bounds(xys)

	if fit := s.Fit; fit != nil {
		if line, ok := spectrumFitLine(f, s.Values, *fit); ok {
			f.p.Add(line)
			f.legend = append(f.legend, legendEntry{
				name: or(s.FitName, fmt.Sprintf("power law, ranks %d–%d: β = %.3f, R² = %.3f",
					fit.From, fit.To, fit.Beta, fit.R2)),
				thumbs: []gplot.Thumbnailer{line},
			})
			_, _, a, b := bounds(line.XYs)
			ylo, yhi = math.Min(ylo, a), math.Max(yhi, b)
		}
	}
	setRange(&f.p.X, xlo, xhi, 0.03)
	setRange(&f.p.Y, ylo, yhi, 0.04)
	return f, nil
}

// spectrumFitLine makes the fit line, or notes why it cannot be drawn.
func spectrumFitLine(f *Figure, values []float64, fit PowerLawFit) (*plotter.Line, bool) {
	if fit.From < 1 || fit.To > len(values) || fit.From >= fit.To || !finite(fit.Beta) {
		f.note("power-law fit over ranks %d–%d (β = %g) not drawn: outside the %d ranks given",
			fit.From, fit.To, fit.Beta, len(values))
		return nil, false
	}
	logC := 0.0
	if fit.LogC != nil && finite(*fit.LogC) {
		logC = *fit.LogC
	} else {
		n := 0
		for r := fit.From; r <= fit.To; r++ {
			if v := values[r-1]; finite(v) && v > 0 {
				logC += math.Log(v) + fit.Beta*math.Log(float64(r))
				n++
			}
		}
		if n == 0 {
			f.note("power-law fit not drawn: no positive values in ranks %d–%d", fit.From, fit.To)
			return nil, false
		}
		logC /= float64(n)
	}
	line, err := plotter.NewLine(powerLine(logC, fit.Beta, fit.From, fit.To))
	if err != nil {
		f.note("power-law fit not drawn: %v", err)
		return nil, false
	}
	line.LineStyle = draw.LineStyle{Color: palette[1], Width: vg.Points(2)}
	return line, true
}

// capitalize upper-cases the first rune of s.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
