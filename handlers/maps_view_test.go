package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/gloveboard/gloveboard/internal/store"
)

// mapPlotSrc is the address of the whole map's PNG in a map result: the
// PNG link under the interactive view (the page shows the picture only
// without JavaScript).
func mapPlotSrc(doc *html.Node) string {
	fig := find(doc, "figure", "map-plot")
	if fig == nil {
		return ""
	}
	for _, a := range findAll(fig, "a") {
		if attr(a, "class") == "dl-png" {
			return strings.Replace(attr(a, "href"), "&download=1", "", 1)
		}
	}
	return ""
}

// mapPoints is the map's JSON as the view reads it from the page or the
// API: its points.
type mapPoints struct {
	Method string `json:"method"`
	Points []struct {
		Word  string  `json:"word"`
		Group string  `json:"group"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
	} `json:"points"`
}

// pageMapData reads the data block of the map view in doc.
func pageMapData(t *testing.T, doc *html.Node) mapPoints {
	t.Helper()
	for _, s := range findAll(doc, "script") {
		if attr(s, "type") == "application/json" && strings.Contains(attr(s, "class"), "mapview-data") && s.FirstChild != nil {
			var m mapPoints
			if err := json.Unmarshal([]byte(s.FirstChild.Data), &m); err != nil {
				t.Fatalf("the map's data block: %v", err)
			}
			return m
		}
	}
	t.Fatal("no map data block in the page")
	return mapPoints{}
}

// tsneJobOf starts a t-SNE map (form: the map form's fields) by the
// form's POST and waits for it; it returns the job id.
func tsneJobOf(t *testing.T, a *app, setID int64, form string) int64 {
	t.Helper()
	rec := a.postMap(fmt.Sprintf("/vectors/%d/map", setID), "method=tsne&"+form)
	pending := find(parse(t, rec.Body.String()), "div", "map-pending")
	if rec.Code != http.StatusOK || pending == nil {
		t.Fatalf("t-SNE submit: %d %s", rec.Code, rec.Body)
	}
	var job int64
	if _, err := fmt.Sscanf(attr(pending, "hx-get"), fmt.Sprintf("/vectors/%d/maps/%%d", setID), &job); err != nil {
		t.Fatalf("poll address %q: %v", attr(pending, "hx-get"), err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if info, err := a.jobs.Wait(ctx, job); err != nil || info.Status != store.JobDone {
		t.Fatalf("t-SNE job: %+v, %v", info, err)
	}
	return job
}

const mapTestWords = "paris city\nlondon city\ntokyo city\nmoscow city\nfrance country\ngermany country\nitaly country\nengland country"

// TestMapPermalinkPage: a saved map's address is a styled page naming the
// vector set, method, size and trustworthiness, with the map's points in
// the page; htmx still gets the fragment.
func TestMapPermalinkPage(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	job := tsneJobOf(t, a, id, "source=builtin&perplexity=5")
	path := fmt.Sprintf("/vectors/%d/maps/%d", id, job)

	rec := a.get(path)
	doc := parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || find(doc, "header", "") == nil || find(doc, "main", "") == nil {
		t.Fatalf("permalink: %d, want a whole page: %s", rec.Code, clipBody(rec.Body.String()))
	}
	h1 := text(find(doc, "h1", ""))
	title := text(find(doc, "title", ""))
	for _, want := range []string{"t-SNE map of ", " words", "GloVe 6B 50d"} {
		if !strings.Contains(h1, want) || !strings.Contains(title, want) {
			t.Errorf("heading %q / title %q lack %q", h1, title, want)
		}
	}
	if !strings.Contains(text(doc), "trustworthiness 0.") {
		t.Errorf("the page does not show the trustworthiness: %q", text(doc))
	}
	got := pageMapData(t, doc)
	var api mapPoints
	if err := json.Unmarshal(a.get("/api"+path).Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	if len(got.Points) < 20 || len(got.Points) != len(api.Points) {
		t.Fatalf("%d points in the page, %d in the API, want the same, at least 20", len(got.Points), len(api.Points))
	}
	if n := fmt.Sprintf("t-SNE map of %d words", len(got.Points)); !strings.Contains(h1, n) {
		t.Errorf("heading %q, want %q", h1, n)
	}
	for i := range got.Points {
		if got.Points[i] != api.Points[i] {
			t.Errorf("point %d: page %+v, API %+v", i, got.Points[i], api.Points[i])
		}
	}
	var perma string
	for _, l := range findAll(doc, "a") {
		if attr(l, "class") == "mapview-permalink" {
			perma = attr(l, "href")
		}
	}
	if perma != path {
		t.Errorf("permalink link %q, want %q", perma, path)
	}

	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("HX-Request", "true")
	rec = a.do(req)
	if body := rec.Body.String(); rec.Code != http.StatusOK || strings.Contains(body, "<html") || !strings.Contains(body, "mapview-data") {
		t.Errorf("htmx request: %d, want the fragment: %s", rec.Code, clipBody(body))
	}
	if rec := a.get(fmt.Sprintf("/vectors/%d/maps/987654", id)); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "<html") {
		t.Errorf("unknown map: %d, want a 404 page", rec.Code)
	}
}

// TestMapViewDownload: the view's downloads draw exactly the view box at
// the size asked for, with the labels named, and refuse bad views.
func TestMapViewDownload(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	base := fmt.Sprintf("/vectors/%d/plots/map?source=words&method=pca&words=%s", id, url.QueryEscape(mapTestWords))
	var m mapPoints
	if err := json.Unmarshal(a.get(fmt.Sprintf("/api/vectors/%d/map?source=words&method=pca&words=%s", id, url.QueryEscape(mapTestWords))).Body.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	// A view around paris and london only.
	var x0, x1, y0, y1 float64
	for i, p := range m.Points[:2] {
		if i == 0 || p.X < x0 {
			x0 = p.X
		}
		if i == 0 || p.X > x1 {
			x1 = p.X
		}
		if i == 0 || p.Y < y0 {
			y0 = p.Y
		}
		if i == 0 || p.Y > y1 {
			y1 = p.Y
		}
	}
	pad := 0.05 * (x1 - x0 + y1 - y0)
	x0, x1, y0, y1 = x0-pad, x1+pad, y0-pad, y1+pad
	inView := func(w string) bool {
		for _, p := range m.Points {
			if p.Word == w {
				return p.X >= x0 && p.X <= x1 && p.Y >= y0 && p.Y <= y1
			}
		}
		return false
	}
	view := fmt.Sprintf("&x0=%g&x1=%g&y0=%g&y1=%g&w=800&h=500", x0, x1, y0, y1)

	sizes := []struct {
		query        string
		wantW, wantH int
	}{
		{"", 800, 500},
		{"&scale=2", 1600, 1000},
		{"&width=1200", 1200, 750},
	}
	for _, s := range sizes {
		rec := a.get(base + "&format=png&download=1" + view + s.query)
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: %d %s", s.query, rec.Code, rec.Body)
		}
		im, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
		if err != nil || im.Bounds().Dx() != s.wantW || im.Bounds().Dy() != s.wantH {
			t.Errorf("view PNG%s: %v, %v; want %d×%d", s.query, err, im.Bounds(), s.wantW, s.wantH)
		}
		if cd := rec.Header().Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "-view.png") {
			t.Errorf("view PNG%s: disposition %q", s.query, cd)
		}
	}
	// The SVG carries the labels named (paris) and no other, even of
	// points in the view (london).
	rec := a.get(base + "&format=svg" + view + "&l=paris")
	svg := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.Contains(svg, ">paris<") || strings.Contains(svg, ">london<") || !inView("london") {
		t.Errorf("view SVG: %d; paris labelled %v, london labelled %v (in view %v)", rec.Code, strings.Contains(svg, ">paris<"), strings.Contains(svg, ">london<"), inView("london"))
	}
	// Hidden groups are left out of the legend.
	rec = a.get(base + "&format=svg" + view + "&hide=city")
	if rec.Code != http.StatusUnprocessableEntity {
		t.Errorf("a view whose only group in sight is hidden: %d, want 422", rec.Code)
	}
	// The CSV holds every point whatever the view.
	rec = a.get(base + "&format=csv" + view)
	if lines := strings.Split(strings.TrimSpace(rec.Body.String()), "\n"); len(lines) != 9 {
		t.Errorf("CSV of a view: %d lines, want the 8 points and a header", len(lines))
	}

	bad := []struct{ query, want string }{
		{"&x0=1&x1=0&y0=0&y1=1", "x0 < x1"},
		{"&x0=abc&x1=1&y0=0&y1=1", "four finite numbers"},
		{"&x0=0&x1=1&y0=0", "four finite numbers"},
		{"&x0=0&x1=1&y0=0&y1=Inf", "four finite numbers"},
		{view + "&width=9000", "The width"},
		{view + "&scale=3", "The scale"},
		{"&x0=0&x1=1&y0=0&y1=10&w=100&h=1000&width=1000", "smaller width"},
		{view + "&l=" + strings.Repeat("&l=w", 2001), "at most 2,000 labels"},
	}
	for _, b := range bad {
		rec := a.get(base + "&format=png" + b.query)
		if rec.Code != http.StatusBadRequest || !strings.Contains(text(parse(t, rec.Body.String())), b.want) {
			t.Errorf("%.60s: %d, want 400 saying %q: %s", b.query, rec.Code, b.want, clipBody(rec.Body.String()))
		}
	}
	if rec := a.get(base + "&format=png&x0=1000&x1=1001&y0=1000&y1=1001"); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "Nothing of the map lies in this view") {
		t.Errorf("an empty view: %d %s", rec.Code, clipBody(rec.Body.String()))
	}
}
