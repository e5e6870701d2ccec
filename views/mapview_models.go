package views

import (
	"context"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/a-h/templ"
)

// MapViewer is an interactive word map drawn in the browser by
// static/mapview.js from the map's points, which ride in the page as JSON
// (the shape of GET /api/vectors/:id/maps/:job), so no second request is
// needed.
type MapViewer struct {
	SetID int64
	// Data is the map as JSON. Its text must not contain "</" outside
	// strings; json.Marshal's output qualifies (it escapes <, > and &).
	Data string
	// Plot is the address of the map's figure without a format
	// (/vectors/1/plots/map?job=6, or the query of an instant map); the
	// view's downloads add the view box to it.
	Plot string
	// Permalink is the map's own page, "" for a map drawn in the request.
	Permalink string
	// SelectionName is the file name of an exported selection (CSV).
	SelectionName string
	// Words is the number of points, for the canvas's description.
	Words int
	// GroupLabels names groups in the page's language: the built-in
	// groups ("other" → "khác") and the unnamed group "". The map's data
	// keeps the groups' own names (they are its identifiers: the view's
	// address hides groups by them); groups not listed show as they are.
	GroupLabels map[string]string
}

// groupLabelsJSON is GroupLabels for the view's data-group-labels
// attribute ("{}" when there are none).
func (m MapViewer) groupLabelsJSON() string {
	if len(m.GroupLabels) == 0 {
		return "{}"
	}
	b, err := json.Marshal(m.GroupLabels)
	if err != nil {
		return "{}" // a map of strings always encodes
	}
	return string(b)
}

func (m MapViewer) neighborsURL() string {
	return "/api/vectors/" + strconv.FormatInt(m.SetID, 10) + "/neighbors"
}

func (m MapViewer) wordBase() string {
	return "/vectors/" + strconv.FormatInt(m.SetID, 10) + "/words/"
}

// mapData writes the map's JSON in a data block: a script element of type
// application/json is never run (so the Content Security Policy allows
// it) and mapview.js reads its text.
func mapData(js string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		// A "<" in the data could only close the element early; outside
		// strings JSON has none, and inside strings \u003c means the same.
		safe := strings.ReplaceAll(js, "<", `\u003c`)
		_, err := io.WriteString(w, `<script type="application/json" class="mapview-data">`+safe+`</script>`)
		return err
	})
}

// MapPageData is the page of one saved map (/vectors/:id/maps/:job).
type MapPageData struct {
	Page Page
	Set  VectorRow
	// Heading names the method, the vector set and the number of words.
	Heading string
	// Seed is the map's seed ("" when the map has none).
	Seed string
	// Pending is the job while it runs or when it failed (Map is then
	// empty).
	Pending *MapPending
	Failed  bool
	Map     MapView
}

// SpectrumPageData is a vector set's covariance spectrum on its own page.
type SpectrumPageData struct {
	Page Page
	Set  VectorRow
	View SpectrumView
}

// mapStatusKey is the catalogue key of a map job's status (store's
// JobStatus values); an unknown status shows under its own name.
func mapStatusKey(status string) string {
	switch status {
	case "queued":
		return "map.status.queued"
	case "running":
		return "map.status.running"
	case "done":
		return "map.status.done"
	case "failed":
		return "map.status.failed"
	case "cancelled":
		return "map.status.cancelled"
	}
	return status
}

// leftOutText says which of the asked-for words a map, a comparison or a
// WEAT test left out (the vector set lacks them), naming at most the first
// 30, in loc's language (the count of the rest included).
func leftOutText(loc Locale, words []string) string {
	const most = 30
	if len(words) > most {
		return loc.T("map.skipped_more", strings.Join(words[:most], ", "), loc.Int(int64(len(words)-most)))
	}
	return loc.T("map.skipped", strings.Join(words, ", "))
}
