package plot

import (
	"fmt"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ZipfMLE is a discrete power-law fit p(f) ∝ f^(−α) for f ≥ XMin to word
// frequencies (Clauset, Shalizi & Newman 2009).
type ZipfMLE struct {
	Alpha, AlphaSE float64
	XMin           float64
	// NTail is the number of words with frequency ≥ XMin, i.e. the ranks
	// 1..NTail the fit describes; 0 means count them from the data.
	NTail int
	KS    float64
	// RankExponent is s in f(r) ∝ r^(−s); 0 means 1/(α−1).
	RankExponent float64
}

// ZipfLeastSquares is the descriptive least-squares line
// ln f = a + Slope·ln r over all ranks.
type ZipfLeastSquares struct {
	Slope, R2 float64
	// Intercept is a (natural log); nil means the least-squares intercept
	// for Slope over all ranks.
	Intercept *float64
}

// ZipfSpec describes a rank–frequency plot on log–log axes.
type ZipfSpec struct {
	// Counts are word frequencies in rank order (largest first).
	Counts       []float64
	MLE          *ZipfMLE
	LeastSquares *ZipfLeastSquares
	// Mark, if set, singles out one word: its point is ringed and named
	// in the legend.
	Mark *ZipfMark
	// Title, XLabel and YLabel override the defaults.
	Title, XLabel, YLabel string
}

// ZipfMark names the word at Rank (from 1) of Counts.
type ZipfMark struct {
	Rank  int
	Label string
	// Legend, if set, is the mark's legend in full, in place of
	// "Label: rank r, f = n" (the web's other languages).
	Legend string
}

// NewZipf builds a rank–frequency plot. The MLE fit is drawn as
// f(r) = x_min·(r/n_tail)^(−s), s = 1/(α−1), over ranks 1..n_tail (the tail
// it was fitted to: at rank n_tail the frequency is x_min); the
// least-squares line is dashed and labelled as descriptive, since its
// slope is not an estimate of α.
func NewZipf(s ZipfSpec) (*Figure, error) {
	f := newBase(KindZipf, or(s.Title, "Zipf rank–frequency"), or(s.XLabel, "rank r (log scale)"), or(s.YLabel, "frequency f (log scale)"))
	setLog(&f.p.X)
	setLog(&f.p.Y)
	xys := rankSeries(f, s.Counts, "counts")
	if len(xys) == 0 {
		return nil, fmt.Errorf("%w: no positive counts among %d", ErrNoData, len(s.Counts))
	}
	pts, err := plotter.NewScatter(xys)
	if err != nil {
		panic(err)
	}
	pts.GlyphStyle = draw.GlyphStyle{Color: palette[0], Radius: vg.Points(1.6), Shape: draw.CircleGlyph{}}
	f.legend = append(f.legend, legendEntry{name: "words", thumbs: []gplot.Thumbnailer{pts}})
	for _, p := range xys {
		f.occupied = append(f.occupied, [2]float64{p.X, p.Y})
	}
	xlo, xhi, ylo, yhi := bounds(xys)
	n := len(s.Counts)

	if m := s.MLE; m != nil {
		exp := m.RankExponent
		if exp == 0 && m.Alpha > 1 {
			exp = 1 / (m.Alpha - 1)
		}
		tail := m.NTail
		if tail == 0 {
			for _, c := range s.Counts {
				if c >= m.XMin {
					tail++
				}
			}
		}
		switch {
		case !finite(exp) || exp <= 0 || !(m.XMin > 0) || !finite(m.XMin):
			f.note("MLE fit (α = %g, x_min = %g) not drawn: no usable rank exponent", m.Alpha, m.XMin)
		case tail < 2 || tail > n:
			f.note("MLE fit not drawn: tail of %d words does not fit the %d ranks given", tail, n)
		default:
			line, err := plotter.NewLine(powerLine(math.Log(m.XMin)+exp*math.Log(float64(tail)), exp, 1, tail))
			if err != nil {
				panic(err)
			}
			line.LineStyle = draw.LineStyle{Color: palette[1], Width: vg.Points(2)}
			f.p.Add(line)
			name := fmt.Sprintf("MLE, f ≥ %s: α = %.3f", formatNum(m.XMin), m.Alpha)
			if m.AlphaSE > 0 {
				name += fmt.Sprintf(" ± %.3f", m.AlphaSE)
			}
			name += fmt.Sprintf(" → rank exponent %.3f", exp)
			f.legend = append(f.legend, legendEntry{name: name, thumbs: []gplot.Thumbnailer{line}})
			_, _, a, b := bounds(line.XYs)
			ylo, yhi = math.Min(ylo, a), math.Max(yhi, b)
		}
	}
	if ls := s.LeastSquares; ls != nil {
		a := 0.0
		ok := finite(ls.Slope)
		if ls.Intercept != nil && finite(*ls.Intercept) {
			a = *ls.Intercept
		} else if ok {
			k := 0
			for i, c := range s.Counts {
				if finite(c) && c > 0 {
					a += math.Log(c) - ls.Slope*math.Log(float64(i+1))
					k++
				}
			}
			a /= float64(k) // k > 0: xys is non-empty
		}
		if !ok || n < 2 {
			f.note("least-squares line (slope %g) not drawn", ls.Slope)
		} else {
			line, err := plotter.NewLine(powerLine(a, -ls.Slope, 1, n))
			if err != nil {
				panic(err)
			}
			line.LineStyle = draw.LineStyle{Color: mutedColor, Width: vg.Points(1.2), Dashes: []vg.Length{vg.Points(5), vg.Points(3)}}
			f.p.Add(line)
			f.legend = append(f.legend, legendEntry{
				name:   fmt.Sprintf("least squares, all ranks (descriptive): slope %.3f, R² = %.3f", ls.Slope, ls.R2),
				thumbs: []gplot.Thumbnailer{line},
			})
			_, _, lo, hi := bounds(line.XYs)
			// Keep the axis on the data: a steep line may run far below it.
			ylo, yhi = math.Min(ylo, math.Max(lo, ylo/10)), math.Max(yhi, math.Min(hi, yhi*10))
		}
	}
	f.p.Add(pts) // after the lines, so the data stay visible
	if mk := s.Mark; mk != nil {
		if mk.Rank < 1 || mk.Rank > n || !finite(s.Counts[mk.Rank-1]) || s.Counts[mk.Rank-1] <= 0 {
			f.note("mark at rank %d not drawn: no positive count there", mk.Rank)
		} else {
			x, y := float64(mk.Rank), s.Counts[mk.Rank-1]
			// Guides from both axes, so the point stands out in a dense
			// curve.
			guide := draw.LineStyle{Color: palette[1], Width: vg.Points(1), Dashes: []vg.Length{vg.Points(3), vg.Points(3)}}
			for _, xys := range []plotter.XYs{{{X: x, Y: ylo}, {X: x, Y: y}}, {{X: xlo, Y: y}, {X: x, Y: y}}} {
				l, err := plotter.NewLine(xys)
				if err != nil {
					panic(err)
				}
				l.LineStyle = guide
				f.p.Add(l)
			}
			ring, err := plotter.NewScatter(plotter.XYs{{X: x, Y: y}})
			if err != nil {
				panic(err)
			}
			ring.GlyphStyle = draw.GlyphStyle{Color: palette[1], Radius: vg.Points(7), Shape: thickRing{}}
			f.p.Add(ring)
			name := fmt.Sprintf("%s: rank %s, f = %s", cleanText(mk.Label, 40), formatNum(float64(mk.Rank)), formatNum(s.Counts[mk.Rank-1]))
			if mk.Legend != "" {
				name = cleanText(mk.Legend, 80)
			}
			f.legend = append(f.legend, legendEntry{
				name:   name,
				thumbs: []gplot.Thumbnailer{ring},
			})
		}
	}
	setRange(&f.p.X, xlo, xhi, 0.03)
	setRange(&f.p.Y, ylo, yhi, 0.04)
	return f, nil
}

// thickRing is a ring glyph drawn with a 2 pt line (draw.RingGlyph's is
// hairline-thin next to dense data).
type thickRing struct{}

func (thickRing) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	c.SetLineStyle(draw.LineStyle{Color: sty.Color, Width: vg.Points(2)})
	var p vg.Path
	p.Move(vg.Point{X: pt.X + sty.Radius, Y: pt.Y})
	p.Arc(pt, sty.Radius, 0, 2*math.Pi)
	p.Close()
	c.Stroke(p)
}
