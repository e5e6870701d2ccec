package plot

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// RatioKind says what kind of value a probability ratio is.
type RatioKind int

// Ratio kinds. For P(k|i)/P(k|j): Inf when k co-occurs with i but never
// with j, Zero when the reverse, Undefined when with neither.
const (
	RatioFinite RatioKind = iota
	RatioInf
	RatioZero
	RatioUndefined
	// ratioOOV is drawn for words not in the vocabulary (RatioBar.NotInVocab).
	ratioOOV RatioKind = -1
)

// RatioBar is one probe word k and its ratio P(k|i)/P(k|j).
type RatioBar struct {
	Word  string
	Ratio float64 // used when Kind is RatioFinite
	Kind  RatioKind
	// Thin marks a ratio resting on few co-occurrences; it is drawn pale.
	Thin bool
	// NotInVocab marks a probe word missing from the vocabulary; it is
	// drawn as "?" whatever its Kind.
	NotInVocab bool
}

// RatioSpec describes probability-ratio bars for a word pair (i, j).
type RatioSpec struct {
	I, J string
	Bars []RatioBar
	// Title, XLabel and YLabel override "P(k | i) / P(k | j)", "probe word
	// k" and "ratio (log scale, 1 = no preference)".
	Title, XLabel, YLabel string
	// Legend overrides the English legend entries (for a page in another
	// language); an empty field keeps its English default.
	Legend RatioLegend
}

// RatioLegend holds the legend entries of a ratio plot, complete (the
// caller puts the words i and j in): Up and Down name the bars above and
// below 1, Inf, Zero and Undefined the markers, Thin the pale bars.
type RatioLegend struct {
	Up, Down, Inf, Zero, Undefined, Thin string
}

// NewRatio builds one bar per probe word on a log axis centred at 1: bars
// grow up from 1 when k is more likely near i and down when more likely
// near j. Infinite, zero and undefined ratios cannot be bars; they are drawn
// as labelled markers (▲ ∞ at the top, ▼ 0 at the bottom, ○ 0/0 at 1) and
// listed in the legend. A "finite" ratio that is NaN, negative, 0 or ±Inf
// is shown as the matching marker with a note.
func NewRatio(s RatioSpec) (*Figure, error) {
	i, j := cleanText(s.I, maxWordRunes), cleanText(s.J, maxWordRunes)
	title := fmt.Sprintf("P(k | %s) / P(k | %s)", i, j)
	f := newBase(KindRatio, or(s.Title, title), or(s.XLabel, "probe word k"), or(s.YLabel, "ratio (log scale, 1 = no preference)"))
	if len(s.Bars) == 0 {
		return nil, fmt.Errorf("%w: no probe words for %s", ErrNoData, title)
	}
	setLog(&f.p.Y)

	rb := &ratioBars{fig: f}
	reclassified := 0
	extent := 0.5 // decades each way from 1: at least half a decade
	names := make([]string, len(s.Bars))
	for k, b := range s.Bars {
		names[k] = cleanText(b.Word, maxWordRunes)
		kind, v := b.Kind, b.Ratio
		if kind == RatioFinite {
			switch {
			case math.IsInf(v, 1):
				kind = RatioInf
			case v == 0:
				kind = RatioZero
			case math.IsNaN(v) || v < 0 || math.IsInf(v, -1):
				kind = RatioUndefined
			}
			if kind != RatioFinite {
				reclassified++
			}
		}
		if kind == RatioFinite {
			extent = math.Max(extent, math.Abs(math.Log10(v)))
		}
		if b.NotInVocab {
			kind = ratioOOV
		}
		rb.kinds = append(rb.kinds, kind)
		rb.thin = append(rb.thin, b.Thin)
		rb.values = append(rb.values, v)
	}
	if reclassified > 0 {
		f.note("%d %s not positive and finite, shown as markers", reclassified, plural(reclassified, "ratio", "ratios"))
	}
	f.p.NominalX(names...)
	f.p.X.Tick.Label.Font.Size = 9
	f.fitNominalX = true
	f.p.Y.Padding = 0
	f.p.X.Min, f.p.X.Max = -0.5, float64(len(names))-0.5
	// Symmetric in log space around 1, with room for the markers; capped
	// so that extreme ratios cannot overflow the axis.
	extent = math.Min(extent, 250)
	f.p.Y.Min, f.p.Y.Max = math.Pow(10, -1.15*extent), math.Pow(10, 1.15*extent)
	rb.top = math.Pow(10, extent)
	f.p.Add(rb)

	lg := s.Legend
	upName := legendOr(lg.Up, fmt.Sprintf("more likely near %s (ratio > 1)", i))
	downName := legendOr(lg.Down, fmt.Sprintf("more likely near %s (ratio < 1)", j))
	f.legend = append(f.legend,
		legendEntry{name: upName, thumbs: []gplot.Thumbnailer{swatch{clr: palette[0]}}},
		legendEntry{name: downName, thumbs: []gplot.Thumbnailer{swatch{clr: palette[1]}}},
	)
	counts := map[RatioKind]int{}
	for _, k := range rb.kinds {
		counts[k]++
	}
	if counts[RatioInf] > 0 {
		f.legend = append(f.legend, legendEntry{name: legendOr(lg.Inf, fmt.Sprintf("∞: k never seen near %s", j)), thumbs: []gplot.Thumbnailer{markerThumb{RatioInf}}})
	}
	if counts[RatioZero] > 0 {
		f.legend = append(f.legend, legendEntry{name: legendOr(lg.Zero, fmt.Sprintf("0: k never seen near %s", i)), thumbs: []gplot.Thumbnailer{markerThumb{RatioZero}}})
	}
	if counts[RatioUndefined] > 0 {
		f.legend = append(f.legend, legendEntry{name: legendOr(lg.Undefined, "0/0: k seen near neither"), thumbs: []gplot.Thumbnailer{markerThumb{RatioUndefined}}})
	}
	if counts[ratioOOV] > 0 {
		f.legend = append(f.legend, legendEntry{name: "?: k not in the vocabulary", thumbs: []gplot.Thumbnailer{markerThumb{ratioOOV}}})
	}
	if slices.Contains(rb.thin, true) {
		f.legend = append(f.legend, legendEntry{name: legendOr(lg.Thin, "pale: thin evidence (few co-occurrences)"), thumbs: []gplot.Thumbnailer{swatch{clr: pale(palette[0]), alt: pale(palette[1])}}})
	}
	f.legendOutside = true
	return f, nil
}

// legendOr is a legend entry the caller gave (cleaned; room for one word
// of the corpus beside the usual legend text), or def.
func legendOr(given, def string) string {
	if strings.TrimSpace(given) == "" {
		return def
	}
	return cleanText(given, maxLegendRunes+maxWordRunes)
}

// ratioBars draws bars from 1 to each finite ratio and markers for the
// others.
type ratioBars struct {
	values []float64
	kinds  []RatioKind
	thin   []bool
	top    float64 // data value where ∞ markers sit (1/top for 0)
	fig    *Figure // for its render-time options (decimal comma)
}

func (rb *ratioBars) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	one := trY(1)
	slot := trX(1) - trX(0)
	halfW := slot * 0.35
	c.StrokeLine2(draw.LineStyle{Color: inkColor, Width: vg.Points(0.8)}, c.Min.X, one, c.Max.X, one)
	for k, v := range rb.values {
		x := trX(float64(k))
		switch rb.kinds[k] {
		case RatioFinite:
			y := min(max(trY(v), c.Min.Y), c.Max.Y) // a capped axis may not reach v
			clr := palette[0]
			if v < 1 {
				clr = palette[1]
			}
			if rb.thin[k] {
				clr = pale(clr)
			}
			if y == one {
				c.StrokeLine2(draw.LineStyle{Color: clr, Width: vg.Points(2)}, x-halfW, y, x+halfW, y)
				continue
			}
			r := vg.Rectangle{Min: vg.Point{X: x - halfW, Y: min(y, one)}, Max: vg.Point{X: x + halfW, Y: max(y, one)}}
			c.SetColor(clr)
			c.Fill(r.Path())
			sty := textStyle(regularFont, 9, mutedColor)
			sty.XAlign = draw.XCenter
			label := formatSig(v)
			if rb.fig != nil && rb.fig.decimalComma {
				label = strings.NewReplacer(".", ",", ",", ".").Replace(label)
			}
			if sty.Width(label) > slot { // would run into the neighbours' labels
				continue
			}
			pt := vg.Point{X: x, Y: y - vg.Points(2)}
			sty.YAlign = draw.YTop
			if v > 1 {
				pt.Y, sty.YAlign = y+vg.Points(2), draw.YBottom
			}
			// A white backing keeps the value readable over grid lines.
			c.SetColor(color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xd0})
			c.Fill(sty.Rectangle(label).Add(pt).Path())
			c.FillText(sty, pt, label)
		default:
			drawRatioMarker(c, rb.kinds[k], x, trY(rb.top), trY(1/rb.top), one, true)
		}
	}
}

// drawRatioMarker draws the marker for a non-finite ratio kind.
func drawRatioMarker(c draw.Canvas, kind RatioKind, x, yTop, yBottom, yOne vg.Length, label bool) {
	sz := vg.Points(4.5)
	sty := textStyle(boldFont, 9, inkColor)
	sty.XAlign = draw.XCenter
	switch kind {
	case RatioInf:
		c.DrawGlyph(draw.GlyphStyle{Color: palette[0], Radius: sz, Shape: triangle{up: true}}, vg.Point{X: x, Y: yTop})
		if label {
			sty.YAlign = draw.YTop
			c.FillText(sty, vg.Point{X: x, Y: yTop - sz - vg.Points(1)}, "∞")
		}
	case RatioZero:
		c.DrawGlyph(draw.GlyphStyle{Color: palette[1], Radius: sz, Shape: triangle{up: false}}, vg.Point{X: x, Y: yBottom})
		if label {
			sty.YAlign = draw.YBottom
			c.FillText(sty, vg.Point{X: x, Y: yBottom + sz + vg.Points(1)}, "0")
		}
	case ratioOOV:
		sty.YAlign = draw.YCenter
		c.FillText(sty, vg.Point{X: x, Y: yOne}, "?")
	case RatioUndefined:
		c.DrawGlyph(draw.GlyphStyle{Color: mutedColor, Radius: sz, Shape: draw.RingGlyph{}}, vg.Point{X: x, Y: yOne})
		if label {
			sty.YAlign = draw.YBottom
			c.FillText(sty, vg.Point{X: x, Y: yOne + sz + vg.Points(1)}, "0/0")
		}
	}
}

// swatch is a legend thumbnail: a filled square, split into two colours
// (left, right) when alt is set.
type swatch struct{ clr, alt color.Color }

func (s swatch) Thumbnail(c *draw.Canvas) {
	side := min(c.Max.Y-c.Min.Y, c.Max.X-c.Min.X) * 0.8
	ctr := c.Center()
	r := vg.Rectangle{Min: vg.Point{X: ctr.X - side/2, Y: ctr.Y - side/2}, Max: vg.Point{X: ctr.X + side/2, Y: ctr.Y + side/2}}
	c.SetColor(s.clr)
	c.Fill(r.Path())
	if s.alt != nil {
		r.Min.X = ctr.X
		c.SetColor(s.alt)
		c.Fill(r.Path())
	}
}

// markerThumb is a legend thumbnail showing a ratio marker.
type markerThumb struct{ kind RatioKind }

func (m markerThumb) Thumbnail(c *draw.Canvas) {
	ctr := c.Center()
	drawRatioMarker(*c, m.kind, ctr.X, ctr.Y, ctr.Y, ctr.Y, false)
}

// triangle is a filled triangle glyph pointing up or down.
type triangle struct{ up bool }

func (t triangle) DrawGlyph(c *draw.Canvas, sty draw.GlyphStyle, pt vg.Point) {
	r := sty.Radius
	dir := vg.Length(1)
	if !t.up {
		dir = -1
	}
	c.FillPolygon(sty.Color, []vg.Point{
		{X: pt.X, Y: pt.Y + dir*r},
		{X: pt.X - r*0.9, Y: pt.Y - dir*r*0.6},
		{X: pt.X + r*0.9, Y: pt.Y - dir*r*0.6},
	})
}

// pale mixes c with 55% white, for bars resting on thin evidence.
func pale(c color.RGBA) color.RGBA {
	mix := func(v uint8) uint8 { return uint8((int(v)*45 + 255*55) / 100) }
	return color.RGBA{R: mix(c.R), G: mix(c.G), B: mix(c.B), A: 0xff}
}
