package handlers_test

import (
	"fmt"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/gloveboard/gloveboard/analysis/wordgroups"
	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/internal/testkit"
	"github.com/gloveboard/gloveboard/views"
)

// TestBrowserMapVietnamese opens a saved map of the built-in groups in a
// browser whose Accept-Language is Vietnamese: the view's controls, its
// legend, the tooltip, the search's status lines and the pinned word's
// neighbours speak Vietnamese, and numbers are written 0,912.
func TestBrowserMapVietnamese(t *testing.T) {
	t.Parallel()
	chromium := testkit.Browser(t, "checks the interactive map in Vietnamese in a real browser")
	a := newModelApp(t, "")
	id := demoSet(t, a)
	job := tsneJobOf(t, a, id, "source=builtin&perplexity=5")
	srv := httptest.NewServer(a.e)
	defer srv.Close()
	browser := newBrowser(t, chromium, 3*time.Minute)
	ctx := browser.ctx
	mustRun(t, ctx, chromedp.EmulateViewport(1400, 1000))
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetExtraHTTPHeaders, network.SetExtraHTTPHeadersParams{Headers: network.Headers{"Accept-Language": "vi-VN,vi;q=0.9"}}); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ctx, chromedp.Navigate(fmt.Sprintf("%s/vectors/%d/maps/%d", srv.URL, id, job)))
	waitMapDrawn(t, ctx)

	// The controls and the legend.
	type controls struct {
		Lang, Reset, ZoomTitle, Select, Canvas, Legend, SelCount, Find string
		Groups                                                         []string
	}
	got := view[controls](t, ctx, `({Lang: document.documentElement.lang,
		Reset: v.root.querySelector('button[data-act="reset"]').textContent,
		ZoomTitle: v.root.querySelector('button[data-act="zoom-in"]').title,
		Select: v.root.querySelector('button[data-act="select"]').title,
		Canvas: v.canvas.getAttribute("aria-label"),
		Legend: v.root.querySelector(".mapview-legend").getAttribute("aria-label"),
		SelCount: v.root.querySelector(".mapview-selcount").textContent,
		Find: v.root.querySelector('.mapview-search button').textContent,
		Groups: Array.from(v.root.querySelectorAll(".mapview-legend button")).map(b => b.firstChild.nextSibling.textContent.trim())})`)
	want := controls{Lang: "vi", Reset: "Đặt lại", ZoomTitle: "Phóng to (+)", Select: "Kéo một khung để chọn từ (hoặc giữ Shift rồi kéo)",
		Legend: "Nhóm từ: nhấn để ẩn hoặc hiện", SelCount: "Chưa chọn từ nào.", Find: "Tìm"}
	viGroups := []string{"quốc gia", "thủ đô", "nam", "nữ", "số ít", "số nhiều"}
	if got.Lang != want.Lang || got.Reset != want.Reset || got.ZoomTitle != want.ZoomTitle || got.Select != want.Select ||
		got.Legend != want.Legend || got.SelCount != want.SelCount || got.Find != want.Find || !strings.HasPrefix(got.Canvas, "Bản đồ tương tác gồm ") {
		t.Errorf("controls %+v, want %+v and a Vietnamese canvas description", got, want)
	}
	if len(got.Groups) != len(viGroups) {
		t.Errorf("legend %q, want the six built-in groups in Vietnamese %q", got.Groups, viGroups)
	}
	for _, g := range got.Groups {
		if !slices.Contains(viGroups, g) {
			t.Errorf("legend entry %q is not a Vietnamese group name (%q)", g, viGroups)
		}
	}

	// The tooltip names the word's group in Vietnamese.
	rect := view[[]float64](t, ctx, `(() => { const r = v.canvas.getBoundingClientRect(); return [r.left, r.top]; })()`)
	pt := view[[]float64](t, ctx, `[v.sx(v.xs[0]), v.sy(v.ys[0])]`)
	mustRun(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, rect[0]+pt[0], rect[1]+pt[1]))
	waitFrame(t, ctx)
	tip := view[[]string](t, ctx, `[v.hover >= 0 ? v.words[v.hover] : "", v.tip.hidden ? "" : v.tip.textContent]`)
	word, group, ok := strings.Cut(tip[1], " · ")
	if tip[0] == "" || !ok || word != tip[0] || !slices.Contains(viGroups, group) {
		t.Errorf("tooltip %q over %q, want the word · its group in Vietnamese", tip[1], tip[0])
	}
	mustRun(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, rect[0]-5, rect[1]-5))

	// Search and pin: status, link, note and the neighbours' scores.
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("mv-search"), "paris"),
		chromedp.Click(chromedp.CSS(".mapview-search button")),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll(".mapview-pin-list li").length === 10`, chromedp.WithPollingTimeout(10*time.Second)),
	); err != nil {
		t.Fatalf("search: %v", err)
	}
	pin := view[[]string](t, ctx, `[v.root.querySelector(".mapview-status").textContent, v.root.querySelector(".mapview-pin-link").textContent,
		v.root.querySelector(".mapview-pin-note").textContent].concat(Array.from(v.root.querySelectorAll(".mapview-pin-list li")).map(li => li.textContent))`)
	if pin[0] != "Đã ghim “paris”." || pin[1] != "mở trang của từ" || !strings.HasPrefix(pin[2], "10 láng giềng gần nhất trong không gian đầy đủ") {
		t.Errorf("pinned paris: status %q, link %q, note %q", pin[0], pin[1], pin[2])
	}
	score := regexp.MustCompile(` -?\d,\d{3}( \(không có trên bản đồ\))?$`)
	for _, li := range pin[3:] {
		if !score.MatchString(li) {
			t.Errorf("neighbour %q: want its score written 0,912 (and “không có trên bản đồ” when off the map)", li)
		}
	}

	// A box selection counts its words in Vietnamese; a word the set
	// lacks is named in Vietnamese.
	sel := view[[]string](t, ctx, `(() => { const b = v.bounds; v.select({x0: b.x0, x1: b.x1, y0: b.y0, y1: b.y1});
		return [v.root.querySelector(".mapview-selcount").textContent, String(v.selection.idx.length)]; })()`)
	if sel[0] != "Đã chọn "+sel[1]+" từ." {
		t.Errorf("selection count %q, want “Đã chọn %s từ.”", sel[0], sel[1])
	}
	if err := chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("mv-search"), "zzqqxx"),
		chromedp.Click(chromedp.CSS(".mapview-search button")),
		chromedp.Poll[chromedp.Void](`!document.querySelector(".mapview-status").textContent.startsWith("Đang tra")`, chromedp.WithPollingTimeout(10*time.Second)),
	); err != nil {
		t.Fatalf("search for an unknown word: %v", err)
	}
	if s := view[string](t, ctx, `v.root.querySelector(".mapview-status").textContent`); s != "“zzqqxx” không có trong tập véc-tơ này." {
		t.Errorf("status after an unknown word %q", s)
	}
	mustRun(t, ctx, chromedp.Focus(chromedp.CSS(".mapview canvas")))
	mustRun(t, ctx, chromedp.KeyEvent("0"))
	mapShots(t, ctx, "map-vi")

	// Every word the page shows is Vietnamese interface text or data: the
	// map's words, the neighbours found and the built-in groups' words
	// this set lacks (listed as left out).
	walk := &vietnameseWalk{t: t, ctx: ctx, base: srv.URL, allowed: vietnameseWords(t)}
	data := view[[]string](t, ctx, `v.words.concat(v.focus ? v.focus.results.map(m => m.word) : [])`)
	data = append(data, "zzqqxx", views.NewLocale(views.Vietnamese).Name(demo.VectorsName)) // typed; the set's name
	for _, g := range wordgroups.Builtin() {
		data = append(data, g.Words...)
	}
	for _, w := range data {
		for _, l := range letterWords(strings.ToLower(w)) {
			walk.allowed[l] = true
		}
	}
	walk.check("map")
	// The unknown word's 422 is the one error the page should have seen.
	if p := slices.DeleteFunc(browser.problems(), func(m string) bool { return strings.Contains(m, "status of 422") }); len(p) > 0 {
		t.Errorf("browser console errors: %v", p)
	}
}
