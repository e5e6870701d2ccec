package handlers

// The interactive map view (static/mapview.js): the view model that
// carries a map's points into the page, the page of a saved map
// (/vectors/:id/maps/:job without htmx), the map's figure (the whole map,
// or exactly the part on screen for the view's downloads) served through
// the one downloads convention (sendPlot), and every text that describes
// a map, in the request's language (map.* keys of the catalogue).

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// Limits of a view's download.
const (
	maxViewLabels = 2000 // labels a view may ask for
	minViewPx     = 64   // the smallest view (CSS pixels) and figure
)

// withViewer adds the interactive view of res (vector set v) to mv.
// plotBase is the address of the map's figure without a format; jobID is
// the map's job (0 for a map drawn in the request, which has no page of
// its own).
func withViewer(mv views.MapView, loc views.Locale, v store.VectorSet, res *app.MapResult, plotBase string, jobID int64) (views.MapView, error) {
	body := apiMapBody(res)
	body["vector_set"] = v.Name
	body["vector_set_id"] = v.ID
	if jobID != 0 {
		body["job_id"] = jobID
	}
	data, err := json.Marshal(body)
	if err != nil {
		return mv, fmt.Errorf("encoding the map: %w", err)
	}
	p := mapPlot(loc, res, v)
	mv.Viewer = views.MapViewer{SetID: v.ID, Data: string(data), Plot: plotBase, Words: len(res.Words),
		SelectionName: downloadName(p.owner, p.what+"-selection", "csv", p.params...).ascii,
		GroupLabels:   mapGroupLabels(loc, res)}
	if jobID != 0 {
		mv.Viewer.Permalink = fmt.Sprintf("/vectors/%d/maps/%d", v.ID, jobID)
	}
	return mv, nil
}

// mapPage is /vectors/:id/maps/:job asked for by a browser rather than by
// htmx: the map's own styled page, or the job's progress (polled into the
// page) while it runs.
func (s *Server) mapPage(c echo.Context) error {
	v, _, err := s.loadSet(c)
	if err != nil {
		return err
	}
	info, err := s.mapJob(c, v)
	if err != nil {
		return err
	}
	loc := locale(c)
	d := views.MapPageData{Page: s.page(c, loc.T("map.page.title_job", info.ID, loc.Name(v.Name)), views.SectionExplore), Set: vectorRow(v),
		Heading: loc.T("map.page.heading_job", info.ID, loc.Name(v.Name))}
	pend := views.MapPending{SetID: v.ID, JobID: info.ID, Status: string(info.Status), Percent: info.Progress, Message: info.Message, Error: info.Error}
	switch {
	case !info.Status.Final():
		d.Pending = &pend
		return s.ok(c, views.MapPage(d))
	case info.Status != store.JobDone:
		d.Pending, d.Failed = &pend, true
		return s.ok(c, views.MapPage(d))
	}
	res, err := s.svc.MapResultOf(ctx(c), info)
	if err != nil {
		return err
	}
	plotBase := fmt.Sprintf("/vectors/%d/plots/map?job=%d", v.ID, info.ID)
	if d.Map, err = withViewer(mapView(loc, res, plotBase), loc, v, res, plotBase, info.ID); err != nil {
		return err
	}
	d.Heading = loc.T("map.page.heading", d.Map.Method, loc.Int(int64(len(res.Words))), loc.Name(v.Name))
	d.Page.Title = d.Heading
	if seed, ok := apiMapBody(res)["seed"]; ok {
		d.Seed = fmt.Sprint(seed)
	}
	return s.ok(c, views.MapPage(d))
}

// mapViewQuery is the part of a map shown on screen, as the view's
// download links send it: the view box in data units (x0, x1, y0, y1),
// the view's size in CSS pixels (w, h), the figure's width (scale 1 or 2
// times w, or width pixels), the hidden groups (hide, repeated) and the
// labelled words (l, repeated).
type mapViewQuery struct {
	box           plot.ViewBox
	width, height int // pixels of the figure
	dpi           int
	hidden        map[string]bool
	labels        []string
}

// parseMapView reads the view of a map download; ok is false when the
// request asks for the whole map (no view box).
func parseMapView(c echo.Context) (q mapViewQuery, ok bool, err error) {
	params := c.QueryParams()
	if params.Get("x0") == "" && params.Get("x1") == "" && params.Get("y0") == "" && params.Get("y1") == "" {
		return q, false, nil
	}
	for _, f := range []struct {
		name string
		dst  *float64
	}{{"x0", &q.box.X0}, {"x1", &q.box.X1}, {"y0", &q.box.Y0}, {"y1", &q.box.Y1}} {
		v, err := realNumber(params.Get(f.name), "The view's "+f.name, math.NaN(), -math.MaxFloat64, math.MaxFloat64)
		if err != nil || math.IsNaN(v) {
			return q, true, public(ErrBadRequest, "A map view needs four finite numbers x0 < x1 and y0 < y1 (the part of the map to draw).")
		}
		*f.dst = v
	}
	if q.box.X0 >= q.box.X1 || q.box.Y0 >= q.box.Y1 {
		return q, true, public(ErrBadRequest, "A map view needs x0 < x1 and y0 < y1 (the part of the map to draw).")
	}
	w, err := wholeNumber(params.Get("w"), "The view's width", 960, minViewPx, plot.MaxPixels)
	if err != nil {
		return q, true, err
	}
	h, err := wholeNumber(params.Get("h"), "The view's height", 640, minViewPx, plot.MaxPixels)
	if err != nil {
		return q, true, err
	}
	scale, err := wholeNumber(params.Get("scale"), "The scale", 1, 1, 2)
	if err != nil {
		return q, true, err
	}
	width, err := wholeNumber(params.Get("width"), "The width", w*scale, minViewPx, plot.MaxPixels)
	if err != nil {
		return q, true, err
	}
	q.width, q.height = width, max(minViewPx, int(math.Round(float64(width)*float64(h)/float64(w))))
	if q.height > plot.MaxPixels {
		return q, true, public(ErrBadRequest, fmt.Sprintf("A %d-pixel-wide figure of this view would be %d pixels high, more than %d: choose a smaller width.", width, q.height, plot.MaxPixels))
	}
	// Text keeps its size relative to the view: 96 dpi at the view's own
	// width, more for wider figures.
	q.dpi = max(1, min(plot.MaxDPI, int(math.Round(plot.DefaultDPI*float64(width)/float64(w)))))
	q.hidden = map[string]bool{}
	for _, g := range params["hide"] {
		q.hidden[g] = true
	}
	q.labels = params["l"]
	if len(q.labels) > maxViewLabels {
		return q, true, public(ErrBadRequest, fmt.Sprintf("A view may name at most %s labels.", views.Count(maxViewLabels)))
	}
	if q.labels == nil {
		q.labels = []string{}
	}
	return q, true, nil
}

// sendMapPlot sends the figure of map res (owner names it in the file
// name): the whole map, or with a view box (parseMapView) exactly the
// part on screen with the labels the view shows. The CSV always holds
// every point.
func (s *Server) sendMapPlot(c echo.Context, res *app.MapResult, v store.VectorSet) error {
	p := mapPlot(locale(c), res, v)
	q, ok, err := parseMapView(c)
	if err != nil || !ok {
		if err != nil {
			return err
		}
		return s.sendPlot(c, p)
	}
	groups := make([]string, 0, 8)
	seen := map[string]bool{}
	pts := make([]plot.MapPoint, 0, len(res.Words))
	for i, w := range res.Words {
		g := res.Groups[i]
		if !seen[g] {
			seen[g] = true
			groups = append(groups, g)
		}
		if !q.hidden[g] {
			pts = append(pts, plot.MapPoint{Word: w, X: res.Map.Points[2*i], Y: res.Map.Points[2*i+1], Group: g})
		}
	}
	whole := p.figure
	p.figure = func() (*plot.Figure, error) {
		fig, err := whole() // the whole map's spec, for its title and subtitle
		if err != nil {
			return nil, err
		}
		d := fig.Describe()
		spec := plot.ScatterSpec{Points: pts, Method: res.Map.Method, Title: d.Title, Subtitle: d.Subtitle,
			XLabel: d.XLabel, YLabel: d.YLabel, View: &q.box, Labels: q.labels, Groups: groups}
		mapLegendText(locale(c), res, &spec)
		fig, err = plot.NewScatter(spec)
		if err != nil {
			return nil, public(err, "Nothing of the map lies in this view (or every group in it is hidden): move or zoom out, then download again.")
		}
		return fig, nil
	}
	p.width, p.height, p.dpi = q.width, q.height, q.dpi
	p.params = append(p.params, "view")
	return s.sendPlot(c, p)
}

// mapPlot is the figure of map res of vector set v, named
// gloveboard-<set>-<method>-<N>-seed<S>[-<source>[-<word>]].<ext> (axis
// maps add their relation), with a subtitle naming the set, the words and
// the method's parameters. Its title, axis labels, subtitle and legend
// speak loc's language; the file name and the CSV stay as they are.
func mapPlot(loc views.Locale, res *app.MapResult, v store.VectorSet) plotOut {
	pts := make([]plot.MapPoint, len(res.Words))
	rows := make([][]string, len(res.Words))
	finitePts := 0
	for i, w := range res.Words {
		x, y := res.Map.Points[2*i], res.Map.Points[2*i+1]
		pts[i] = plot.MapPoint{Word: w, X: x, Y: y, Group: res.Groups[i]}
		rows[i] = []string{w, res.Groups[i], fnum(x), fnum(y)}
		if isFinite(x) && isFinite(y) {
			finitePts++
		}
	}
	spec := plot.ScatterSpec{Points: pts, Method: res.Map.Method, EqualAspect: res.Map.Method == project.MethodPCA}
	if app.Source(res.Params.Source) == app.SourceNeighbors {
		spec.Highlight = []string{app.GroupQuery} // labelled first, drawn on top
	}
	method := mapMethodText(loc, res.Map.Method)
	spec.Title = loc.T("map.plot.title_method", method)
	spec.XLabel, spec.YLabel = loc.T("map.plot.dim1"), loc.T("map.plot.dim2")
	engine := ""
	switch res.Map.Method {
	case project.MethodPCA:
		spec.XLabel, spec.YLabel = loc.T("map.plot.pc", 1), loc.T("map.plot.pc", 2)
		if r := res.Map.ExplainedVarianceRatio; len(r) >= 2 {
			spec.XLabel = loc.T("map.plot.pc_variance", 1, loc.Fixed(100*r[0], 1)+"%")
			spec.YLabel = loc.T("map.plot.pc_variance", 2, loc.Fixed(100*r[1], 1)+"%")
		}
	case project.MethodAxis:
		a, b := mapGroupText(loc, res.Relation.GroupA), mapGroupText(loc, res.Relation.GroupB)
		spec.Title = loc.T("map.plot.axis_title", a, b)
		spec.XLabel = loc.T("map.plot.axis_x", a, b, loc.Int(int64(res.Map.AxisPairs)))
		spec.YLabel = loc.T("map.plot.axis_y")
	case project.MethodTSNE, project.MethodTSNEExact:
		spec.XLabel, spec.YLabel = loc.T("map.plot.tsne_axis", 1), loc.T("map.plot.tsne_axis", 2)
		engine = res.Map.Engine
	default:
		engine = res.Map.Engine
	}
	// The subtitle: the set and how the map was drawn, the engine, the
	// trustworthiness and the number of words drawn.
	parts := []string{loc.Name(v.Name)}
	if p := mapParamsText(loc, res); p != "" {
		parts = append(parts, p)
	}
	if engine != "" {
		parts = append(parts, loc.T("map.plot.engine", mapEngineShort(loc, engine)))
	}
	if t := res.Map.Trust; t.K > 0 && isFinite(t.Value) {
		parts = append(parts, loc.T("map.trust_value", loc.Fixed(t.Value, 3)))
	}
	wordsKey := "map.plot.word_many"
	if finitePts == 1 {
		wordsKey = "map.plot.word_one"
	}
	spec.Subtitle = strings.Join(append(parts, loc.T(wordsKey, loc.Int(int64(finitePts)))), " · ")
	mapLegendText(loc, res, &spec)
	p := res.Params
	params := []string{strconv.Itoa(len(res.Words)), "seed" + strconv.FormatUint(max(p.Seed, 1), 10)}
	switch app.Source(p.Source) {
	case app.SourceNeighbors:
		params = append(params, p.Source, p.Word)
	case app.SourceTop, app.SourceSample, app.SourceWords:
		params = append(params, p.Source)
	}
	if res.Map.Method == project.MethodAxis {
		params = append(params, res.Relation.Name())
	}
	return plotOut{what: res.Map.Method, owner: setOwner(v.ID, v.Name), params: params, figure: func() (*plot.Figure, error) { return plot.NewScatter(spec) },
		header: []string{"word", "group", "x", "y"}, rows: rows}
}

// mapEngineShort names a map's engine in a figure's subtitle: its
// identifier in English ("exact", "umap-spectral"), words in other
// languages; Barnes–Hut is a name in every language.
func mapEngineShort(loc views.Locale, engine string) string {
	switch engine {
	case string(project.EngineExact):
		return loc.T("map.plot.engine_exact")
	case "umap-spectral":
		return loc.T("map.plot.engine_umap_spectral")
	case "umap-random":
		return loc.T("map.plot.engine_umap_random")
	}
	return engine
}

// mapLegendText names the groups of map res in spec's legend in loc's
// language.
func mapLegendText(loc views.Locale, res *app.MapResult, spec *plot.ScatterSpec) {
	spec.GroupLabels = mapGroupLabels(loc, res)
	spec.NoGroup = loc.T("map.group.none")
	spec.Highlighted = loc.T("map.group.highlighted", "%s")
}

// mapView is the view model of map res; link is the address of its
// figure without a format.
func mapView(loc views.Locale, res *app.MapResult, link string) views.MapView {
	m := res.Map
	mv := views.MapView{Method: mapMethodText(loc, m.Method), Words: len(res.Words), Skipped: res.Skipped, TrustK: m.Trust.K}
	if t := m.Trust; t.K > 0 && isFinite(t.Value) {
		mv.Trust = loc.Fixed(t.Value, 3)
	}
	var notes []string
	switch m.Method {
	case project.MethodPCA:
		if r := m.ExplainedVarianceRatio; len(r) >= 2 && isFinite(r[0]) && isFinite(r[1]) {
			notes = append(notes, loc.T("map.extra.pca", loc.Fixed(100*r[0], 1)+"%", loc.Fixed(100*r[1], 1)+"%"))
		}
	case project.MethodAxis:
		notes = append(notes, loc.T("map.extra.axis", mapGroupText(loc, res.Relation.GroupA), mapGroupText(loc, res.Relation.GroupB),
			loc.Int(int64(m.AxisPairs)), loc.Fixed(m.AxisAlignment, 2)))
	case project.MethodUMAP:
		init := strings.TrimPrefix(m.Engine, "umap-")
		switch init {
		case "spectral":
			init = loc.T("map.extra.umap_spectral")
		case "random":
			init = loc.T("map.extra.umap_random")
		}
		mv.Engine = loc.T("map.extra.umap_engine", init)
	default:
		switch project.Engine(m.Engine) {
		case project.EngineExact:
			mv.Engine = loc.T("map.extra.engine_exact")
		case project.EngineBarnesHut:
			mv.Engine = loc.T("map.extra.engine_bh")
		default:
			mv.Engine = m.Engine
		}
		if isFinite(m.KL) && m.KL != 0 {
			notes = append(notes, loc.T("map.extra.kl", loc.Fixed(m.KL, 3)))
		}
	}
	if t := m.Trust; t.K > 0 && t.Sampled > 0 && t.Sampled < len(res.Words) {
		notes = append(notes, loc.T("map.extra.trust_sample", loc.Int(int64(t.Sampled)), loc.Int(int64(len(res.Words)))))
	}
	if p := mapParamsText(loc, res); p != "" {
		notes = append(notes, p)
	}
	mv.Extra = strings.Join(notes, "; ")
	mv.Plot = views.NewModelPlot(link, loc.T("map.plot.alt", mv.Method, loc.Int(int64(len(res.Words)))), "")
	return mv
}

// mapMethodText names a map's method ("t-SNE", "relation axis").
func mapMethodText(loc views.Locale, method string) string {
	switch method {
	case project.MethodTSNE, project.MethodTSNEExact:
		return loc.T("map.method.tsne")
	case project.MethodUMAP:
		return loc.T("map.method.umap")
	case project.MethodAxis:
		return loc.T("map.method.axis")
	}
	return loc.T("map.method.pca")
}

// mapParamsText says how a map was drawn: its words, the method's
// parameters and the seed ("the top 5,000 words · perplexity 30 · seed 1").
func mapParamsText(loc views.Locale, res *app.MapResult) string {
	p := res.Params
	parts := []string{}
	if p.Name != "" {
		parts = append(parts, mapWordsText(loc, p))
	}
	switch res.Map.Method {
	case project.MethodTSNE:
		parts = append(parts, loc.T("map.params.perplexity", loc.Sig(p.Perplexity)))
	case project.MethodUMAP:
		parts = append(parts, loc.T("map.params.neighbours", loc.Int(int64(p.Neighbors))), loc.T("map.params.min_dist", loc.Sig(p.MinDist)))
	}
	if p.Seed != 0 && (res.Map.Method == project.MethodTSNE || res.Map.Method == project.MethodUMAP || p.Source == string(app.SourceSample)) {
		parts = append(parts, loc.T("map.params.seed", p.Seed))
	}
	return strings.Join(parts, " · ")
}

// mapWordsText describes a map's words for people, as app.MapRequest.Name
// does in English ("the top 5,000 words").
func mapWordsText(loc views.Locale, p app.MapParams) string {
	switch app.Source(p.Source) {
	case app.SourceWords:
		return loc.T("map.words.mine")
	case app.SourceTop:
		return loc.T("map.words.top", loc.Int(int64(p.N)))
	case app.SourceNeighbors:
		return loc.T("map.words.neighbours", p.Word, loc.Int(int64(p.N)))
	case app.SourceSample:
		return loc.T("map.words.sample", loc.Int(int64(p.N)), p.Seed)
	}
	return loc.T("map.words.builtin")
}

// mapGroupKeys are the catalogue keys of the groups the dashboard names
// itself: wordgroups.Builtin's and the groups of app's word sources.
var mapGroupKeys = map[string]string{
	"country":          "map.group.country",
	"capital":          "map.group.capital",
	"male":             "map.group.male",
	"female":           "map.group.female",
	"singular":         "map.group.singular",
	"plural":           "map.group.plural",
	app.GroupQuery:     "map.group.query",
	app.GroupNeighbour: "map.group.neighbour",
	app.GroupOther:     "map.group.other",
}

// mapGroupText names a built-in group in loc's language (other names as
// they are).
func mapGroupText(loc views.Locale, group string) string {
	if key, ok := mapGroupKeys[group]; ok {
		return loc.T(key)
	}
	return group
}

// mapGroupLabels names the groups of map res in loc's language: the
// built-in ones, unless the user named the groups (a list of words, whose
// groups are the user's own), and the unnamed group.
func mapGroupLabels(loc views.Locale, res *app.MapResult) map[string]string {
	labels := map[string]string{"": loc.T("map.group.none")}
	if app.Source(res.Params.Source) == app.SourceWords {
		return labels
	}
	for _, g := range res.Groups {
		if _, done := labels[g]; !done {
			labels[g] = mapGroupText(loc, g)
		}
	}
	return labels
}
