package handlers

// The interactive map view (static/mapview.js): the view model that
// carries a map's points into the page, the page of a saved map
// (/vectors/:id/maps/:job without htmx), and the figure of exactly the
// part of a map on screen (the view's downloads), served through the one
// downloads convention (sendPlot).

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/labstack/echo/v4"

	"github.com/gloveboard/gloveboard/analysis/plot"
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
func withViewer(mv views.MapView, v store.VectorSet, res *app.MapResult, plotBase string, jobID int64) (views.MapView, error) {
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
	p := mapPlot(res, v)
	mv.Viewer = views.MapViewer{SetID: v.ID, Data: string(data), Plot: plotBase, Words: len(res.Words),
		SelectionName: downloadName(p.owner, p.what+"-selection", "csv", p.params...).ascii}
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
	d := views.MapPageData{Page: s.page(c, fmt.Sprintf("Map %d · %s", info.ID, v.Name), views.SectionExplore), Set: vectorRow(v),
		Heading: fmt.Sprintf("Map %d of %s", info.ID, v.Name)}
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
	if d.Map, err = withViewer(mapView(res, plotBase), v, res, plotBase, info.ID); err != nil {
		return err
	}
	d.Heading = fmt.Sprintf("%s map of %s words · %s", d.Map.Method, views.Count(len(res.Words)), v.Name)
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
	p := mapPlot(res, v)
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
