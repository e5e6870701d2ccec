package plot

import (
	"fmt"
	"math"
	"strings"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// MapPoint is one word on a 2-D map.
type MapPoint struct {
	Word  string
	X, Y  float64
	Group string // optional; points are coloured by group
}

// ScatterSpec describes a labelled 2-D word map (PCA, t-SNE, …).
type ScatterSpec struct {
	Points []MapPoint
	// Method names the projection ("pca", "tsne"); it picks the default
	// title and axis labels.
	Method string
	// Engine and Trustworthiness go into the subtitle, e.g.
	// "engine: go-tsne · trustworthiness 0.912 · 500 words".
	Engine          string
	Trustworthiness *float64
	// ExplainedVariance, for PCA, adds "(12.3% of variance)" to the
	// default axis labels.
	ExplainedVariance []float64
	// Title, Subtitle, XLabel and YLabel override the defaults.
	Title, Subtitle, XLabel, YLabel string
	// Context, when set, opens the default subtitle: what is mapped and
	// how, e.g. "demo · the top 1,000 words · perplexity 30 · seed 1".
	Context string
	// Highlight lists groups whose points are labelled first and drawn
	// on top of the others.
	Highlight []string
	// EqualAspect makes one unit as long on x as on y (sensible for PCA,
	// where distances are comparable across axes); one axis range is
	// widened at render time.
	EqualAspect bool
	// MaxLabels caps the number of word labels. 0 means automatic: as
	// many as fit without overlapping, but no more than keeps about a
	// sixth of the data area covered by text (so dense maps stay legible).
	// Negative means no labels.
	MaxLabels int
	// View, when set, is the part of the map to draw, in data units (the
	// view box of an interactive map): the axes span exactly it, points
	// outside it are left out, and EqualAspect is ignored.
	View *ViewBox
	// Labels, when non-nil, are the only words that get a label (those
	// visible in an interactive view); they are still placed without
	// overlap, in input order, and MaxLabels is ignored.
	Labels []string
	// Groups, when set, fixes the colour of each group by its index here
	// (so a view that leaves groups out keeps the colours of the whole
	// map); by default groups are coloured in order of first appearance.
	// Groups of points missing from it come after it.
	Groups []string
	// GroupLabels, when set, names groups in the legend (a translation
	// of built-in group names, "other" → "khác"); groups it lacks show
	// their own name. Group identity (colours, Highlight, Groups) stays
	// with the names of the points.
	GroupLabels map[string]string
	// NoGroup names the points without a group in the legend (default
	// "(no group)"); Highlighted formats a highlighted group's legend
	// entry from its name (default "%s (highlighted)").
	NoGroup, Highlighted string
}

// ViewBox is a rectangle of a map in data units: X0 < X1 and Y0 < Y1,
// all finite.
type ViewBox struct{ X0, X1, Y0, Y1 float64 }

func (v ViewBox) valid() bool {
	return finite(v.X0) && finite(v.X1) && finite(v.Y0) && finite(v.Y1) && v.X0 < v.X1 && v.Y0 < v.Y1
}

func (v ViewBox) contains(x, y float64) bool {
	return x >= v.X0 && x <= v.X1 && y >= v.Y0 && y <= v.Y1
}

// NewScatter builds a labelled word map. Points are coloured by group
// with a legend beside the plot; word labels are placed greedily —
// highlighted groups first, then in input order — next to their points,
// and a label that would overlap another label or leave the plot is
// skipped rather than drawn on top.
func NewScatter(s ScatterSpec) (*Figure, error) {
	method := strings.ToLower(strings.TrimSpace(s.Method))
	title, xl, yl := "Word map", "dimension 1", "dimension 2"
	switch method {
	case "pca":
		title, xl, yl = "Word map (PCA)", "PC1", "PC2"
		if len(s.ExplainedVariance) >= 2 {
			xl = fmt.Sprintf("PC1 (%.1f%% of variance)", 100*s.ExplainedVariance[0])
			yl = fmt.Sprintf("PC2 (%.1f%% of variance)", 100*s.ExplainedVariance[1])
		}
	case "tsne", "t-sne":
		title, xl, yl = "Word map (t-SNE)", "t-SNE 1", "t-SNE 2"
	case "":
	default:
		title = "Word map (" + s.Method + ")"
	}
	f := newBase(KindScatter, or(s.Title, title), or(s.XLabel, xl), or(s.YLabel, yl))
	if s.View != nil && !s.View.valid() {
		return nil, fmt.Errorf("%w: %+v (want finite X0 < X1 and Y0 < Y1)", ErrView, *s.View)
	}

	highlighted := map[string]bool{}
	for _, g := range s.Highlight {
		highlighted[g] = true
	}
	var (
		xs, ys   []float64
		words    []string
		groupOf  []int
		groups   []string
		index    = map[string]int{}
		labelled map[string]bool
		// wantLabel marks the points that may carry a label.
		wantLabel []bool
	)
	for _, g := range s.Groups {
		if _, ok := index[g]; !ok {
			index[g] = len(groups)
			groups = append(groups, g)
		}
	}
	if s.Labels != nil {
		labelled = make(map[string]bool, len(s.Labels))
		for _, w := range s.Labels {
			labelled[w] = true
		}
	}
	bad, outside := 0, 0
	for _, p := range s.Points {
		if !finite(p.X) || !finite(p.Y) {
			bad++
			continue
		}
		if s.View != nil && !s.View.contains(p.X, p.Y) {
			outside++
			continue
		}
		g, ok := index[p.Group]
		if !ok {
			g = len(groups)
			index[p.Group] = g
			groups = append(groups, p.Group)
		}
		xs, ys = append(xs, p.X), append(ys, p.Y)
		words = append(words, cleanText(p.Word, maxWordRunes))
		groupOf = append(groupOf, g)
		wantLabel = append(wantLabel, labelled == nil || labelled[p.Word])
	}
	if bad > 0 {
		f.omitted += bad
		f.note("%d %s with NaN or infinite coordinates omitted", bad, plural(bad, "point", "points"))
	}
	if len(xs) == 0 && outside > 0 {
		return nil, fmt.Errorf("%w: no point of the word map lies in the view %+v", ErrNoData, *s.View)
	}
	if len(xs) == 0 {
		return nil, fmt.Errorf("%w: word map has no points with finite coordinates (%d given)", ErrNoData, len(s.Points))
	}

	if s.Subtitle != "" {
		f.subtitle = cleanText(s.Subtitle, maxTitleRunes)
	} else {
		var parts []string
		if s.Context != "" {
			parts = append(parts, s.Context)
		}
		if s.Engine != "" {
			parts = append(parts, "engine: "+s.Engine)
		}
		if t := s.Trustworthiness; t != nil && finite(*t) {
			parts = append(parts, fmt.Sprintf("trustworthiness %.3f", *t))
		}
		parts = append(parts, fmt.Sprintf("%d %s", len(xs), plural(len(xs), "word", "words")))
		f.subtitle = cleanText(strings.Join(parts, " · "), maxTitleRunes)
	}

	radius := vg.Points(3)
	switch {
	case len(xs) > 1000:
		radius = vg.Points(1.6)
	case len(xs) > 200:
		radius = vg.Points(2.2)
	}
	// Draw ordinary groups first and highlighted groups on top.
	series := make([]plotter.XYs, len(groups))
	for i := range xs {
		series[groupOf[i]] = append(series[groupOf[i]], plotter.XY{X: xs[i], Y: ys[i]})
	}
	drawOrder := make([]int, 0, len(groups))
	for g := range groups {
		if !highlighted[groups[g]] {
			drawOrder = append(drawOrder, g)
		}
	}
	for g := range groups {
		if highlighted[groups[g]] {
			drawOrder = append(drawOrder, g)
		}
	}
	scatters := make([]*plotter.Scatter, len(groups))
	for _, g := range drawOrder {
		if len(series[g]) == 0 {
			continue // a group of s.Groups with no point here
		}
		sc, err := plotter.NewScatter(series[g])
		if err != nil {
			panic(err) // values were checked finite above
		}
		clr, shape := seriesStyle(g)
		sc.GlyphStyle = draw.GlyphStyle{Color: clr, Radius: radius, Shape: shape}
		if highlighted[groups[g]] {
			sc.GlyphStyle.Radius = radius + vg.Points(0.8)
		}
		scatters[g] = sc
		f.p.Add(sc)
	}
	if len(groups) > 1 || groups[0] != "" {
		f.legendOutside = true
		for g, name := range groups {
			if scatters[g] == nil {
				continue
			}
			label := name
			if l, ok := s.GroupLabels[name]; ok {
				label = l
			}
			label = cleanText(label, maxLegendRunes)
			if label == "" {
				label = or(s.NoGroup, "(no group)")
			}
			if highlighted[name] {
				label = fmt.Sprintf(or(s.Highlighted, "%s (highlighted)"), label)
			}
			// Legend thumbnails use a fixed, visible size.
			thumb := *scatters[g]
			thumb.GlyphStyle.Radius = vg.Points(3)
			f.legend = append(f.legend, legendEntry{name: label, thumbs: []gplot.Thumbnailer{&thumb}})
		}
	}

	order := make([]int, 0, len(xs))
	for i := range xs {
		if wantLabel[i] && highlighted[groups[groupOf[i]]] {
			order = append(order, i)
		}
	}
	for i := range xs {
		if wantLabel[i] && !highlighted[groups[groupOf[i]]] {
			order = append(order, i)
		}
	}
	maxLabels := s.MaxLabels
	switch {
	case s.Labels != nil:
		maxLabels = len(order)
	case maxLabels == 0:
		maxLabels = -1
	case maxLabels < 0:
		maxLabels = 0
	}
	f.labels = &pointLabels{
		xs: xs, ys: ys, text: words, order: order, max: maxLabels,
		radius: radius,
		sty:    textStyle(regularFont, 8, inkColor),
	}
	f.p.Add(f.labels)

	if v := s.View; v != nil {
		f.p.X.Min, f.p.X.Max, f.p.Y.Min, f.p.Y.Max = v.X0, v.X1, v.Y0, v.Y1
		return f, nil
	}
	f.equalAspect = s.EqualAspect
	lo, hi := minMax(xs)
	setRange(&f.p.X, lo, hi, 0.04)
	lo, hi = minMax(ys)
	setRange(&f.p.Y, lo, hi, 0.04)
	return f, nil
}

func or(s, def string) string {
	if strings.TrimSpace(s) != "" {
		return s
	}
	return def
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// minMax returns the extremes of a non-empty slice of finite values.
func minMax(v []float64) (lo, hi float64) {
	lo, hi = v[0], v[0]
	for _, x := range v[1:] {
		lo = math.Min(lo, x)
		hi = math.Max(hi, x)
	}
	return lo, hi
}
