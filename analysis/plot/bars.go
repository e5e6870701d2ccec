package plot

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// ScoreBar is one word with a score (cosine similarity).
type ScoreBar struct {
	Word  string
	Score float64
}

// BarsSpec describes horizontal score bars for nearest neighbours or
// analogy answers, best first.
type BarsSpec struct {
	Bars []ScoreBar
	// Query, if set, names the query in the default title, e.g.
	// "Nearest neighbours of ice" or "king − man + woman".
	Query string
	// Title and XLabel override "Nearest neighbours" and
	// "cosine similarity".
	Title, XLabel string
}

// NewBars builds horizontal bars, one per word, the first at the top, with
// the score written at the end of each bar. NaN or infinite scores are
// omitted with a note.
func NewBars(s BarsSpec) (*Figure, error) {
	title := "Nearest neighbours"
	if q := cleanText(s.Query, maxWordRunes*4); q != "" {
		title = "Nearest neighbours of " + q
	}
	f := newBase(KindNeighbors, or(s.Title, title), or(s.XLabel, "cosine similarity"), "")
	hb := &hbars{fig: f}
	var names []string
	bad := 0
	for _, b := range s.Bars {
		if !finite(b.Score) {
			bad++
			continue
		}
		names = append(names, cleanText(b.Word, maxWordRunes))
		hb.values = append(hb.values, b.Score)
	}
	if bad > 0 {
		f.omitted += bad
		f.note("%d NaN or infinite %s omitted", bad, plural(bad, "score", "scores"))
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%w: no scores to plot (%d given)", ErrNoData, len(s.Bars))
	}
	// Best first at the top: word k sits at y = n-1-k.
	n := len(names)
	rev := make([]string, n)
	for k, w := range names {
		rev[n-1-k] = w
	}
	f.p.NominalY(rev...)
	f.p.Y.Tick.Label.Font.Size = 10
	f.p.Y.Tick.Label.Color = inkColor
	f.p.X.Padding = 0
	f.p.Y.Min, f.p.Y.Max = -0.6, float64(n)-0.4

	lo, hi := minMax(hb.values)
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if lo == hi {
		hi = 1
	}
	span := hi - lo
	// Room for the value labels at the ends of the bars.
	if hi > 0 {
		hi += 0.14 * span
	}
	if lo < 0 {
		lo -= 0.14 * span
	}
	f.p.X.Min, f.p.X.Max = lo, hi
	f.p.Add(hb)
	return f, nil
}

// hbars draws horizontal bars from 0, value k at y = n-1-k.
type hbars struct {
	values []float64
	fig    *Figure // for its render-time options (decimal comma)
}

func (hb *hbars) Plot(c draw.Canvas, p *gplot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(hb.values)
	zero := trX(0)
	halfH := (trY(1) - trY(0)) * 0.32
	sty := textStyle(regularFont, 9, mutedColor)
	sty.YAlign = draw.YCenter
	for k, v := range hb.values {
		y := trY(float64(n - 1 - k))
		x := trX(v)
		clr := palette[0]
		if v < 0 {
			clr = palette[1]
		}
		r := vg.Rectangle{Min: vg.Point{X: min(x, zero), Y: y - halfH}, Max: vg.Point{X: max(x, zero), Y: y + halfH}}
		c.SetColor(clr)
		c.Fill(r.Path())
		label := strconv.FormatFloat(v, 'f', 3, 64)
		if hb.fig != nil && hb.fig.decimalComma {
			label = strings.Replace(label, ".", ",", 1)
		}
		if v >= 0 {
			sty.XAlign = draw.XLeft
			c.FillText(sty, vg.Point{X: x + vg.Points(3), Y: y}, label)
		} else {
			sty.XAlign = draw.XRight
			c.FillText(sty, vg.Point{X: x - vg.Points(3), Y: y}, label)
		}
	}
	c.StrokeLine2(draw.LineStyle{Color: inkColor, Width: vg.Points(0.8)}, zero, c.Min.Y, zero, c.Max.Y)
}
