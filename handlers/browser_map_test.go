package handlers_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"image/png"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/analysis/project"
	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	service "github.com/gloveboard/gloveboard/internal/app"
	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/static"
	"github.com/gloveboard/gloveboard/views"
)

// shotsEnv names a folder for screenshots of the map view at 400, 1400
// and 1920 pixels (none are taken without it).
const shotsEnv = "GLOVEBOARD_SHOTS"

// mapShots saves screenshots of the page at the three widths as
// <name>-<width>.png in $GLOVEBOARD_SHOTS, and restores a 1400-pixel
// viewport.
func mapShots(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv(shotsEnv)
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, w := range []int64{400, 1400, 1920} {
		mustRun(t, ctx, chromedp.EmulateViewport(w, 1000))
		// Let the view see the resize and draw.
		mustRun(t, ctx, chromedp.Evaluate[bool](`new Promise(r => setTimeout(() => requestAnimationFrame(() => r(true)), 200))`, chromedp.EvalAwaitPromise))
		shot(t, ctx, filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w)))
	}
	mustRun(t, ctx, chromedp.EmulateViewport(1400, 1000))
}

// syntheticVectors are n words in clusters of dimension dim: word i is
// "w<i>" in cluster i mod clusters, except the first few, which look like
// spreadsheet formulas.
func syntheticVectors(n, dim, clusters int) (text []byte, words, groups []string) {
	r := rand.New(rand.NewPCG(14, 1))
	centres := make([][]float64, clusters)
	for c := range centres {
		centres[c] = make([]float64, dim)
		for j := range centres[c] {
			centres[c][j] = 4 * r.NormFloat64()
		}
	}
	var b bytes.Buffer
	for i := range n {
		w := fmt.Sprintf("w%05d", i)
		if i < 4 {
			w = []string{"=sum", "+one", "-neg", "@at"}[i]
		}
		c := i % clusters
		words = append(words, w)
		groups = append(groups, fmt.Sprintf("cluster %d", c))
		b.WriteString(w)
		for j := range dim {
			fmt.Fprintf(&b, " %.4f", centres[c][j]+r.NormFloat64())
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), words, groups
}

// waitMapDrawn waits until the page's map view has drawn its first frame.
func waitMapDrawn(t testing.TB, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!(window.mapviewStats && mapviewStats.last && mapviewStats.last.firstDraw > 0)`,
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the map was not drawn: %v", err)
	}
}

// nextFrame waits until the view has drawn what was asked of it.
const nextFrame = `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`

func waitFrame(t *testing.T, ctx context.Context) {
	t.Helper()
	mustRun(t, ctx, chromedp.Evaluate[bool](nextFrame, chromedp.EvalAwaitPromise))
}

// view evaluates expr with v bound to the page's map view.
func view[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return mustRun(t, ctx, chromedp.Evaluate[T](`(() => { const v = document.querySelector(".mapview").mapview; return (`+expr+`); })()`))
}

// TestBrowserMapView acts as a user on a 5,000-word t-SNE map of a
// synthetic vector set: the map is drawn, hovering shows a word, zooming
// in shows labels hidden before (never overlapping), a search rings the
// word and its nearest neighbours in the full space, a box selection
// exports its words and coordinates as CSV (guarded against formulas), and
// the view goes into the address.
func TestBrowserMapView(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the interactive map view in a real browser")
	a := newModelApp(t, "")
	const n = 5000
	text, words, groups := syntheticVectors(n, 16, 10)
	rec := a.upload(t, "/vectors", "synthetic", "synthetic.txt", text)
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: %d %s", rec.Code, rec.Body)
	}
	setID, _ := strconv.ParseInt(strings.TrimPrefix(strings.SplitN(rec.Header().Get("Location"), "?", 2)[0], "/vectors/"), 10, 64)
	ctx := context.Background()
	v, err := a.st.VectorSet(ctx, setID)
	if err != nil {
		t.Fatal(err)
	}
	set, err := a.svc.VectorSet(ctx, v)
	if err != nil {
		t.Fatal(err)
	}
	list := &wordgroups.Assignment{}
	for i, w := range words {
		list.Add(w, groups[i])
	}
	plan, err := a.svc.PlanMap(ctx, set, service.MapRequest{Method: project.MethodTSNE, Source: service.SourceWords, List: list, Perplexity: 10})
	if err != nil {
		t.Fatal(err)
	}
	job, err := a.svc.SubmitMap(v, set, plan)
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	if info, err := a.jobs.Wait(wctx, job.ID); err != nil || info.Status != store.JobDone {
		t.Fatalf("t-SNE of %d words: %+v, %v", n, info, err)
	}
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 4*time.Minute)
	bctx := browser.ctx
	mustRun(t, bctx, chromedp.EmulateViewport(1400, 1000))
	page := fmt.Sprintf("%s/vectors/%d/maps/%d", srv.URL, setID, job.ID)
	mustRun(t, bctx, chromedp.Navigate(page))
	waitMapDrawn(t, bctx)
	if got := view[int](t, bctx, "v.n"); got != n {
		t.Fatalf("the view holds %d points, want %d", got, n)
	}
	if cw, fw := view[float64](t, bctx, "v.w"), view[float64](t, bctx, `document.getElementById("map-plot").clientWidth`); cw < fw-4 || cw > fw {
		t.Errorf("canvas %v px wide in a figure of %v px: it should fill the width", cw, fw)
	}
	t.Logf("5,000 points: first draw %.1f ms", view[float64](t, bctx, "mapviewStats.last.firstDraw"))

	// Hover: the mouse over a point shows its word.
	rect := view[[]float64](t, bctx, `(() => { const r = v.canvas.getBoundingClientRect(); return [r.left, r.top]; })()`)
	pt := view[[]float64](t, bctx, `[v.sx(v.xs[100]), v.sy(v.ys[100])]`)
	mustRun(t, bctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, rect[0]+pt[0], rect[1]+pt[1]))
	waitFrame(t, bctx)
	hover := view[[]any](t, bctx, `[v.hover, v.hover >= 0 ? v.words[v.hover] : "", v.tip.hidden, v.tip.textContent,
		v.hover >= 0 ? Math.hypot(v.sx(v.xs[v.hover]) - `+ftoa(pt[0])+`, v.sy(v.ys[v.hover]) - `+ftoa(pt[1])+`) : -1]`)
	if hover[0].(float64) < 0 || hover[2].(bool) || !strings.HasPrefix(hover[3].(string), hover[1].(string)+" ·") || hover[4].(float64) > 8 {
		t.Errorf("hover over point 100: %v (want a word within 8 px shown in the tooltip)", hover)
	}
	mustRun(t, bctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, rect[0]-5, rect[1]-5))

	// Zooming in with the keyboard reveals labels hidden before, and
	// labels never overlap.
	mustRun(t, bctx, chromedp.Focus(chromedp.CSS(".mapview canvas")))
	mustRun(t, bctx, chromedp.KeyEvent("0"))
	waitFrame(t, bctx)
	before := view[[]int](t, bctx, "v.placed")
	for range 6 {
		mustRun(t, bctx, chromedp.KeyEvent("+"))
	}
	waitFrame(t, bctx)
	after := view[[]int](t, bctx, "v.placed")
	zoom := view[float64](t, bctx, "v.zoom")
	revealed := 0
	for _, i := range after {
		if !slices.Contains(before, i) {
			revealed++
		}
	}
	if zoom < 7 || revealed == 0 || len(before) == 0 {
		t.Errorf("zoom %.2f: %d labels before, %d after, %d of them new; want new labels after zooming in", zoom, len(before), len(after), revealed)
	}
	overlaps := view[int](t, bctx, `(() => { let k = 0; const b = v.placedBoxes; for (let i = 0; i < b.length; i++) for (let j = 0; j < i; j++)
		if (b[i][0] < b[j][2] && b[j][0] < b[i][2] && b[i][1] < b[j][3] && b[j][1] < b[i][3]) k++; return k; })()`)
	if overlaps != 0 {
		t.Errorf("%d pairs of labels overlap", overlaps)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`location.hash.includes("z=")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the zoom did not go into the address: %v", err)
	}

	// Search: the word and its neighbours in the full space are ringed
	// and labelled first.
	mustRun(t, bctx, chromedp.KeyEvent("0"))
	const sought = "w00042"
	if err := chromedp.Do(bctx,
		chromedp.SendKeys(chromedp.ID("mv-search"), sought),
		chromedp.SetValue(chromedp.ID("mv-k"), "8"),
		chromedp.Click(chromedp.CSS(".mapview-search button")),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll(".mapview-pin-list li").length === 8`, chromedp.WithPollingTimeout(10*time.Second)),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	waitFrame(t, bctx)
	var api struct {
		Results []struct {
			Word string `json:"word"`
		} `json:"results"`
	}
	if err := json.Unmarshal(a.get(fmt.Sprintf("/api/vectors/%d/neighbors?word=%s&n=8", setID, sought)).Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range api.Results {
		want = append(want, r.Word)
	}
	focus := view[[]string](t, bctx, `[v.words[v.focus.idx]].concat(v.focus.neighbours.map(i => v.words[i]))`)
	if len(focus) != 9 || focus[0] != sought || !slices.Equal(focus[1:], want) {
		t.Errorf("search ringed %v, want %s and its neighbours %v", focus, sought, want)
	}
	if labelled := view[[]string](t, bctx, `v.placed.slice(0, 9).map(i => v.words[i])`); len(labelled) == 0 || labelled[0] != sought {
		t.Errorf("labels drawn first %v, want %s first", labelled, sought)
	}
	if href := view[string](t, bctx, `document.querySelector(".mapview-pin-link").getAttribute("href")`); href != fmt.Sprintf("/vectors/%d/words/%s", setID, sought) {
		t.Errorf("word page link %q", href)
	}
	if _, err := chromedp.Run(bctx, chromedp.Poll[bool](`location.hash.includes("pin=`+sought+`")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("the pinned word did not go into the address: %v", err)
	}

	// Box selection by shift-drag, exported as CSV.
	mustRun(t, bctx, chromedp.KeyEvent("0"))
	waitFrame(t, bctx)
	x0, y0, x1, y1 := rect[0]+300, rect[1]+150, rect[0]+700, rect[1]+450
	shift := chromedp.ButtonModifiers(chromedp.ModifierShift)
	if err := chromedp.Do(bctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x0, y0, shift),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x0, y0, chromedp.ButtonLeft, shift),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, (x0+x1)/2, (y0+y1)/2, chromedp.ButtonLeft, shift),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x1, y1, chromedp.ButtonLeft, shift),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x1, y1, chromedp.ButtonLeft, shift),
	); err != nil {
		t.Fatal(err)
	}
	selected := view[int](t, bctx, "v.selection ? v.selection.idx.length : -1")
	if selected <= 0 || selected >= n {
		t.Fatalf("the box selected %d words", selected)
	}
	if err := chromedp.Do(bctx, chromedp.Click(chromedp.CSS(`.mapview button[data-act="csv"]`))); err != nil {
		t.Fatal(err)
	}
	rows := exportedCSV(t, bctx)
	box := view[[]float64](t, bctx, "[v.selection.x0, v.selection.x1, v.selection.y0, v.selection.y1]")
	if len(rows) != selected+1 || !slices.Equal(rows[0], []string{"word", "group", "x", "y"}) {
		t.Fatalf("CSV of %d rows for %d selected words: %v", len(rows), selected, rows[:min(3, len(rows))])
	}
	for _, r := range rows[1:] {
		x, errX := strconv.ParseFloat(r[2], 64)
		y, errY := strconv.ParseFloat(r[3], 64)
		if errX != nil || errY != nil || x < box[0] || x > box[1] || y < box[2] || y > box[3] {
			t.Errorf("CSV row %v lies outside the box %v", r, box)
			break
		}
	}
	// A selection holding a word that looks like a formula: its cell is
	// guarded as the server guards its CSV files.
	view[bool](t, bctx, `(() => { const i = v.index.get("=sum"); v.select({x0: v.xs[i] - 1e-9, x1: v.xs[i] + 1e-9, y0: v.ys[i] - 1e-9, y1: v.ys[i] + 1e-9}); v.exportCSV(); return true; })()`)
	if rows := exportedCSV(t, bctx); len(rows) < 2 || rows[1][0] != "'=sum" {
		t.Errorf("CSV of the formula-like word: %v, want its cell as '=sum", rows)
	}

	// The view's download links carry the view: the PNG is the view's
	// size (twice it for 2×) and spans the view box.
	mustRun(t, bctx, chromedp.Focus(chromedp.CSS(".mapview canvas")))
	for range 2 {
		mustRun(t, bctx, chromedp.KeyEvent("+"))
	}
	waitFrame(t, bctx)
	links := view[[]string](t, bctx, `(v.updateLinks(), ["png1", "png2", "svg"].map(k => v.root.querySelector('a[data-dl="' + k + '"]').href))`)
	size := view[[]int](t, bctx, "[v.w, v.h]")
	vb := view[[]float64](t, bctx, "(b => [b.x0, b.x1, b.y0, b.y1])(v.viewBox())")
	for i, scale := range []int{1, 2} {
		u, err := url.Parse(links[i])
		if err != nil {
			t.Fatal(err)
		}
		q := u.Query()
		if x0, _ := strconv.ParseFloat(q.Get("x0"), 64); math.Abs(x0-vb[0]) > 1e-9*math.Max(1, math.Abs(vb[0])) || len(q["l"]) == 0 {
			t.Errorf("download link %s does not carry the view %v and its labels", links[i], vb)
		}
		rec := a.get(u.RequestURI())
		im, err := png.Decode(bytes.NewReader(rec.Body.Bytes()))
		if rec.Code != http.StatusOK || err != nil || im.Bounds().Dx() != scale*size[0] || im.Bounds().Dy() != scale*size[1] {
			t.Errorf("the view's PNG (%d×): %d, %v; want %d×%d pixels", scale, rec.Code, err, scale*size[0], scale*size[1])
		}
	}
	mustRun(t, bctx, chromedp.KeyEvent("0"))
	mapShots(t, bctx, "permalink-5000")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser console errors: %v", p)
	}
}

// exportedCSV is the last selection the page exported, parsed.
func exportedCSV(t *testing.T, ctx context.Context) [][]string {
	t.Helper()
	text := mustRun(t, ctx, chromedp.Evaluate[string](`window.mapviewStats.lastExport || ""`))
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("exported CSV %q: %v", text, err)
	}
	return rows
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// TestBrowserMapPermalinkRestart draws a t-SNE map from the Explore page's
// form, zooms, pins a word and hides a group; the permalink, opened after
// the server restarts, shows the same coordinates and restores the view.
func TestBrowserMapPermalinkRestart(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the map permalink across a restart in a real browser")
	dir := t.TempDir()
	a, stop := startAppAt(t, dir)
	id := demoSet(t, a)
	srv := httptest.NewServer(a.e)
	browser := newBrowser(t, chromium, 3*time.Minute)
	ctx := browser.ctx
	mustRun(t, ctx, chromedp.EmulateViewport(1400, 1000))
	if err := chromedp.Do(ctx,
		chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/explore", srv.URL, id)),
		chromedp.WaitVisible(chromedp.ID("map-submit")),
		chromedp.Click(chromedp.CSS(`input[name="method"][value="tsne"]`)),
		chromedp.SetValue(chromedp.ID("map-perplexity"), "5"),
		chromedp.Click(chromedp.ID("map-submit")),
		chromedp.WaitVisible(chromedp.CSS("#map-result .mapview canvas")),
	); err != nil {
		t.Fatalf("t-SNE map from the Explore page: %v", err)
	}
	waitMapDrawn(t, ctx)
	mapShots(t, ctx, "explore-tsne")

	// Zoom, pin a word, hide the first group.
	mustRun(t, ctx, chromedp.Focus(chromedp.CSS(".mapview canvas")))
	for range 3 {
		mustRun(t, ctx, chromedp.KeyEvent("+"))
	}
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("mv-search"), "paris"),
		chromedp.Click(chromedp.CSS(".mapview-search button")),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll(".mapview-pin-list li").length === 10`, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Click(chromedp.CSS(`.mapview-legend button[data-group="0"]`)),
		chromedp.Poll[chromedp.Void](`location.hash.includes("pin=paris") && location.hash.includes("hide=")`, chromedp.WithPollingTimeout(5*time.Second)),
	); err != nil {
		t.Fatalf("zoom, pin and hide: %v", err)
	}
	perma := view[string](t, ctx, `document.querySelector(".mapview-permalink").href`)
	u, err := url.Parse(perma)
	if err != nil || !strings.HasPrefix(u.Path, fmt.Sprintf("/vectors/%d/maps/", id)) || u.Fragment == "" {
		t.Fatalf("permalink %q", perma)
	}
	type state struct {
		Zoom, CX, CY float64
		Pin          string
		Hidden       []int
		Data         string
	}
	const stateJS = `({Zoom: v.zoom, CX: v.cx, CY: v.cy, Pin: v.focus ? v.focus.word : "", Hidden: Array.from(v.hidden),
		Data: v.root.querySelector(".mapview-data").textContent})`
	before := view[state](t, ctx, stateJS)

	stop()
	srv.Close()
	a2, _ := startAppAt(t, dir)
	srv2 := httptest.NewServer(a2.e)
	defer srv2.Close()
	mustRun(t, ctx, chromedp.Navigate(srv2.URL+u.RequestURI()+"#"+u.Fragment))
	waitMapDrawn(t, ctx)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!document.querySelector(".mapview").mapview.focus`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the pinned word was not restored: %v", err)
	}
	after := view[state](t, ctx, stateJS)
	var pb, pa mapPoints
	if json.Unmarshal([]byte(before.Data), &pb) != nil || json.Unmarshal([]byte(after.Data), &pa) != nil || len(pb.Points) < 20 {
		t.Fatalf("map data before %d bytes, after %d bytes", len(before.Data), len(after.Data))
	}
	if !slices.Equal(pb.Points, pa.Points) {
		t.Errorf("the coordinates changed across the restart")
	}
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-4*math.Max(1, math.Abs(y)) }
	if !near(after.Zoom, before.Zoom) || !near(after.CX, before.CX) || !near(after.CY, before.CY) || after.Pin != "paris" || !slices.Equal(after.Hidden, before.Hidden) {
		t.Errorf("view after the restart %+v, want %+v", after, before)
	}
	h1 := mustRun(t, ctx, chromedp.Text(chromedp.CSS("h1")))
	if !strings.Contains(h1, "t-SNE map of") || !strings.Contains(h1, "GloVe 6B 50d") {
		t.Errorf("permalink heading %q", h1)
	}
	mapShots(t, ctx, "permalink-tsne")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser console errors: %v", p)
	}
}

// mapPerfServer serves the map page of n synthetic points (no vector set
// behind it: the page's own drawing is measured) with the static files
// and the dashboard's Content Security Policy.
func mapPerfServer(t testing.TB, n int) *httptest.Server {
	t.Helper()
	r := rand.New(rand.NewPCG(50, 0))
	type point struct {
		Word  string  `json:"word"`
		Group string  `json:"group"`
		X     float64 `json:"x"`
		Y     float64 `json:"y"`
	}
	pts := make([]point, n)
	for i := range pts {
		c := i % 12
		cx, cy := 30*math.Cos(float64(c)), 30*math.Sin(float64(c))
		pts[i] = point{Word: fmt.Sprintf("word%d", i), Group: fmt.Sprintf("group %d", c%8), X: cx + 8*r.NormFloat64(), Y: cy + 8*r.NormFloat64()}
	}
	data, err := json.Marshal(map[string]any{"method": "tsne", "points": pts})
	if err != nil {
		t.Fatal(err)
	}
	d := views.MapPageData{Page: views.Page{Title: "50k", Section: views.SectionExplore}, Set: views.VectorRow{ID: 1, Name: "synthetic", Count: n, Dim: 2},
		Heading: "50,000 points", Map: views.MapView{Method: "t-SNE", Words: n,
			Viewer: views.MapViewer{SetID: 1, Data: string(data), Plot: "/vectors/1/plots/map?job=1", Words: n}}}
	mux := http.NewServeMux()
	mux.Handle("/static/", http.StripPrefix("/static/", http.FileServerFS(static.FS)))
	mux.HandleFunc("/map", func(w http.ResponseWriter, req *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := views.MapPage(d).Render(req.Context(), w); err != nil {
			t.Error(err)
		}
	})
	return httptest.NewServer(mux)
}

// TestBrowserMap50k: a page of 50,000 points draws them all, places labels
// without overlap, and pans and zooms with the mouse. (Its speed is
// measured by BenchmarkBrowserMap50k.)
func TestBrowserMap50k(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "draws the map view with 50,000 points in a real browser")
	srv := mapPerfServer(t, 50000)
	defer srv.Close()
	browser := newBrowser(t, chromium, 3*time.Minute)
	ctx := browser.ctx
	mustRun(t, ctx, chromedp.EmulateViewport(1400, 1000))
	mustRun(t, ctx, chromedp.Navigate(srv.URL+"/map"))
	waitMapDrawn(t, ctx)
	if got := view[[]int](t, ctx, "[v.n, v.visibleCount, v.placed.length]"); got[0] != 50000 || got[1] != 50000 || got[2] < 10 {
		t.Errorf("50,000 points: %d held, %d drawn, %d labelled; want all held and drawn, at least 10 labels", got[0], got[1], got[2])
	}
	before := view[[]float64](t, ctx, "[v.zoom, v.cx, v.cy]")
	rect := view[[]float64](t, ctx, `(() => { const r = v.canvas.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	x, y := rect[0], rect[1]
	if err := chromedp.Do(ctx,
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1, -400 }),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+60, y+40, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+120, y+80, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+120, y+80, chromedp.ButtonLeft),
	); err != nil {
		t.Fatal(err)
	}
	waitFrame(t, ctx)
	after := view[[]float64](t, ctx, "[v.zoom, v.cx, v.cy, v.visibleCount]")
	if after[0] <= before[0]*1.5 || after[1] >= before[1] || after[2] <= before[2] || after[3] >= 50000 {
		t.Errorf("after a wheel zoom and a drag right and down: zoom, cx, cy, drawn = %v (before %v); want a closer view moved left and up", after, before)
	}
	overlaps := view[int](t, ctx, `(() => { let k = 0; const b = v.placedBoxes; for (let i = 0; i < b.length; i++) for (let j = 0; j < i; j++)
		if (b[i][0] < b[j][2] && b[j][0] < b[i][2] && b[i][1] < b[j][3] && b[j][1] < b[i][3]) k++; return k; })()`)
	if overlaps != 0 {
		t.Errorf("%d pairs of labels overlap", overlaps)
	}
	mustRun(t, ctx, chromedp.Focus(chromedp.CSS(".mapview canvas")))
	mustRun(t, ctx, chromedp.KeyEvent("0"))
	mapShots(t, ctx, "map-50000")
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser console errors: %v", p)
	}
}

// BenchmarkBrowserMap50k measures the map page with 50,000 points in
// Chromium, as issue 14 asks (targets: first draw ≤ 1 s, pan/zoom frame
// time p50 ≤ 33 ms), with performance.now() in the page: first-draw-ms
// from reading the data to the first frame, first-frame-after-request-ms
// that frame's time since the page was asked for (with loading the
// 3 MB page); frame-p50-ms the interval
// between animation frames while the view pans and zooms (120 frames);
// draw-p50-ms and draw-min-ms the page's own drawing of those frames.
// Each is the median of three loads of the page.
func BenchmarkBrowserMap50k(b *testing.B) {
	chromium := testkit.Browser(b, "measures the map view with 50,000 points in a real browser")
	srv := mapPerfServer(b, 50000)
	defer srv.Close()
	browser := newBrowser(b, chromium, 10*time.Minute)
	ctx := browser.ctx
	mustRun(b, ctx, chromedp.EmulateViewport(1400, 1000))
	const measure = `(async () => {
		const v = document.querySelector(".mapview").mapview;
		const gaps = [];
		v.stats.frames = [];
		let last = await new Promise(r => requestAnimationFrame(r));
		for (let k = 0; k < 120; k++) {
			if (k % 2 === 0) v.panBy(9, 5); else v.zoomAt(k < 60 ? 1.06 : 1 / 1.06, v.w / 2, v.h / 2);
			const now = await new Promise(r => requestAnimationFrame(r));
			gaps.push(now - last);
			last = now;
		}
		const med = a => { const s = a.slice().sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
		return [v.stats.firstDraw, med(gaps), med(v.stats.frames), Math.min(...v.stats.frames), v.n, v.stats.firstDrawAt];
	})()`
	med := func(v []float64) float64 { s := slices.Clone(v); slices.Sort(s); return s[len(s)/2] }
	var first, frame, drawn, least, since []float64
	for b.Loop() {
		first, frame, drawn, least, since = first[:0], frame[:0], drawn[:0], least[:0], since[:0]
		for run := range 3 {
			mustRun(b, ctx, chromedp.Navigate(fmt.Sprintf("%s/map?run=%d", srv.URL, run)))
			mustRun(b, ctx, chromedp.WaitVisible(chromedp.CSS(".mapview canvas")))
			waitMapDrawn(b, ctx)
			got := mustRun(b, ctx, chromedp.Evaluate[[]float64](measure, chromedp.EvalAwaitPromise))
			if got[4] != 50000 {
				b.Fatalf("the page holds %v points", got[4])
			}
			first, frame, drawn, least = append(first, got[0]), append(frame, got[1]), append(drawn, got[2]), append(least, got[3])
			since = append(since, got[5])
		}
		b.Logf("50,000 points, three loads: first draw %.0f ms (%.0f ms after the page was asked for), frame interval p50 %.1f ms, drawing p50 %.1f ms, fastest drawing %.1f ms",
			first, since, frame, drawn, least)
	}
	b.ReportMetric(med(first), "first-draw-ms")
	b.ReportMetric(med(since), "first-frame-after-request-ms")
	b.ReportMetric(med(frame), "frame-p50-ms")
	b.ReportMetric(med(drawn), "draw-p50-ms")
	b.ReportMetric(med(least), "draw-min-ms")
}

// touch dispatches a touch event with the points (x, y) given, finger i
// having id i.
func touch(typ input.DispatchTouchEventType, xy ...float64) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		pts := []*input.TouchPoint{}
		for i := 0; i+1 < len(xy); i += 2 {
			id := float64(i / 2)
			pts = append(pts, &input.TouchPoint{X: xy[i], Y: xy[i+1], ID: &id})
		}
		_, err := cdp.Call(ctx, t, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
		return chromedp.Void{}, err
	}
}

// TestBrowserMapTouch: on a 400-pixel touch screen the map fits the
// width, one finger pans and two fingers pinch to zoom.
func TestBrowserMapTouch(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "drives the map view with touch in a real browser")
	srv := mapPerfServer(t, 2000)
	defer srv.Close()
	browser := newBrowser(t, chromium, 2*time.Minute)
	ctx := browser.ctx
	mustRun(t, ctx, chromedp.EmulateViewport(400, 800, chromedp.EmulateTouch))
	mustRun(t, ctx, chromedp.Navigate(srv.URL+"/map"))
	waitMapDrawn(t, ctx)
	if got := view[[]float64](t, ctx, `[v.w, document.documentElement.scrollWidth]`); got[0] > 370 || got[1] > 400 {
		t.Errorf("at 400 px: canvas %v px wide, page %v px wide; want the map inside the screen", got[0], got[1])
	}
	mustRun(t, ctx, chromedp.Evaluate[bool](`document.querySelector(".mapview canvas").scrollIntoView(); true`))
	c := view[[]float64](t, ctx, `(() => { const r = v.canvas.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	x, y := c[0], c[1]
	before := view[[]float64](t, ctx, "[v.zoom, v.cx, v.cy]")
	if err := chromedp.Do(ctx,
		touch(input.DispatchTouchEventTypeTouchStart, x, y),
		touch(input.DispatchTouchEventTypeTouchMove, x+20, y+15),
		touch(input.DispatchTouchEventTypeTouchMove, x+40, y+30),
		touch(input.DispatchTouchEventTypeTouchEnd),
	); err != nil {
		t.Fatal(err)
	}
	waitFrame(t, ctx)
	panned := view[[]float64](t, ctx, "[v.zoom, v.cx, v.cy]")
	if panned[0] != before[0] || panned[1] >= before[1] || panned[2] <= before[2] {
		t.Errorf("one finger right and down: zoom, cx, cy = %v (before %v); want the same zoom, the view moved left and up", panned, before)
	}
	if err := chromedp.Do(ctx,
		touch(input.DispatchTouchEventTypeTouchStart, x-30, y, x+30, y),
		touch(input.DispatchTouchEventTypeTouchMove, x-60, y, x+60, y),
		touch(input.DispatchTouchEventTypeTouchMove, x-90, y, x+90, y),
		touch(input.DispatchTouchEventTypeTouchEnd),
	); err != nil {
		t.Fatal(err)
	}
	waitFrame(t, ctx)
	if z := view[float64](t, ctx, "v.zoom"); math.Abs(z/panned[0]-3) > 0.3 {
		t.Errorf("two fingers spread threefold: zoom %.2f → %.2f, want about three times", panned[0], z)
	}
	if p := browser.problems(); len(p) > 0 {
		t.Errorf("browser console errors: %v", p)
	}
}
