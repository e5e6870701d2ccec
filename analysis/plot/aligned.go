package plot

import (
	"fmt"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// KindAligned is the figure kind of NewAlignedMap.
const KindAligned Kind = "aligned"

// Arrow is one word's move on an aligned map: from its place in the
// first set (rotated into the second's frame) to its place in the second.
type Arrow struct {
	Word                   string
	FromX, FromY, ToX, ToY float64
}

// AlignedMapSpec describes two vector sets' maps drawn in one frame.
type AlignedMapSpec struct {
	Arrows []Arrow
	// FromName and ToName name the two sets in the legend (defaults "A
	// (rotated)" and "B").
	FromName, ToName string
	// ExplainedVariance, when given, adds the share of variance to the
	// default axis labels (PC1, PC2).
	ExplainedVariance               []float64
	Title, Subtitle, XLabel, YLabel string
	// SubtitleFor, when set and Subtitle is empty, writes the subtitle
	// for the number of words drawn (default "12 words; arrows run from
	// the first set to the second"); OmittedNote writes the note on words
	// left out for non-finite coordinates (default "2 words with NaN or
	// infinite coordinates omitted"). A page in another language passes
	// its translations; the English defaults serve the CLI.
	SubtitleFor, OmittedNote func(words int) string
}

// NewAlignedMap draws each word twice — a hollow marker where the first
// set puts it and a filled one where the second does — joined by an arrow
// from the first to the second, with the word labelled at the arrow's
// head. One data unit is as long on x as on y. Arrows with a non-finite
// end are left out and counted in a note.
func NewAlignedMap(s AlignedMapSpec) (*Figure, error) {
	xl, yl := "PC1", "PC2"
	if len(s.ExplainedVariance) >= 2 {
		xl = fmt.Sprintf("PC1 (%.1f%% of variance)", 100*s.ExplainedVariance[0])
		yl = fmt.Sprintf("PC2 (%.1f%% of variance)", 100*s.ExplainedVariance[1])
	}
	f := newBase(KindAligned, or(s.Title, "Aligned map: where each word moved"), or(s.XLabel, xl), or(s.YLabel, yl))
	var kept []Arrow
	for _, a := range s.Arrows {
		if finite(a.FromX) && finite(a.FromY) && finite(a.ToX) && finite(a.ToY) {
			kept = append(kept, a)
		}
	}
	if bad := len(s.Arrows) - len(kept); bad > 0 {
		f.omitted += bad
		if s.OmittedNote != nil {
			f.note("%s", s.OmittedNote(bad))
		} else {
			f.note("%d %s with NaN or infinite coordinates omitted", bad, plural(bad, "word", "words"))
		}
	}
	if len(kept) == 0 {
		return nil, fmt.Errorf("%w: aligned map has no words with finite coordinates (%d given)", ErrNoData, len(s.Arrows))
	}
	subtitle := s.Subtitle
	if subtitle == "" && s.SubtitleFor != nil {
		subtitle = s.SubtitleFor(len(kept))
	}
	f.subtitle = cleanText(or(subtitle, fmt.Sprintf("%d %s; arrows run from the first set to the second", len(kept), plural(len(kept), "word", "words"))), maxTitleRunes)

	from, to := make(plotter.XYs, len(kept)), make(plotter.XYs, len(kept))
	xs, ys := make([]float64, 0, 2*len(kept)), make([]float64, 0, 2*len(kept))
	words := make([]string, len(kept))
	for i, a := range kept {
		from[i], to[i] = plotter.XY{X: a.FromX, Y: a.FromY}, plotter.XY{X: a.ToX, Y: a.ToY}
		xs, ys = append(xs, a.FromX, a.ToX), append(ys, a.FromY, a.ToY)
		words[i] = cleanText(a.Word, maxWordRunes)
	}
	fromColor, toColor := palette[0], palette[1]
	f.p.Add(&arrows{from: from, to: to, sty: draw.LineStyle{Color: color.RGBA{0x77, 0x77, 0x77, 0xff}, Width: vg.Points(0.9)}})
	radius := vg.Points(3)
	fromSc, _ := plotter.NewScatter(from) // finite, checked above
	fromSc.GlyphStyle = draw.GlyphStyle{Color: fromColor, Radius: radius, Shape: draw.RingGlyph{}}
	toSc, _ := plotter.NewScatter(to)
	toSc.GlyphStyle = draw.GlyphStyle{Color: toColor, Radius: radius, Shape: draw.CircleGlyph{}}
	f.p.Add(fromSc, toSc)
	f.legendOutside = true
	f.legend = append(f.legend,
		legendEntry{name: cleanText(or(s.FromName, "A (rotated)"), maxLegendRunes), thumbs: []gplot.Thumbnailer{fromSc}},
		legendEntry{name: cleanText(or(s.ToName, "B"), maxLegendRunes), thumbs: []gplot.Thumbnailer{toSc}})

	order := make([]int, len(kept))
	for i := range order {
		order[i] = i
	}
	headX, headY := make([]float64, len(kept)), make([]float64, len(kept))
	for i, a := range kept {
		headX[i], headY[i] = a.ToX, a.ToY
	}
	f.labels = &pointLabels{xs: headX, ys: headY, text: words, order: order, max: -1, radius: radius, sty: textStyle(regularFont, 8, inkColor)}
	f.p.Add(f.labels)

	f.equalAspect = true
	lo, hi := minMax(xs)
	setRange(&f.p.X, lo, hi, 0.06)
	lo, hi = minMax(ys)
	setRange(&f.p.Y, lo, hi, 0.06)
	return f, nil
}

// arrows is a gonum plotter drawing a line with an arrowhead from each
// from point to the matching to point.
type arrows struct {
	from, to plotter.XYs
	sty      draw.LineStyle
}

func (a *arrows) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	head := vg.Points(6).Points()
	for i := range a.from {
		x0, y0 := trX(a.from[i].X), trY(a.from[i].Y)
		x1, y1 := trX(a.to[i].X), trY(a.to[i].Y)
		c.StrokeLine2(a.sty, x0, y0, x1, y1)
		dx, dy := (x1 - x0).Points(), (y1 - y0).Points()
		l := math.Hypot(dx, dy)
		if l < 2 {
			continue // no room for a head
		}
		ux, uy := dx/l, dy/l
		for _, turn := range [2]float64{0.45, -0.45} {
			cos, sin := math.Cos(turn), math.Sin(turn)
			hx := -(ux*cos - uy*sin) * head
			hy := -(ux*sin + uy*cos) * head
			c.StrokeLine2(a.sty, x1, y1, x1+vg.Points(hx), y1+vg.Points(hy))
		}
	}
}
