package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	service "github.com/gloveboard/gloveboard/internal/app"
)

// TestHomeLeadsToTable1 checks that the home page points to the demo's
// ice/steam table (or to building it first) and that the link works.
func TestHomeLeadsToTable1(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	start := find(parse(t, a.get("/").Body.String()), "a", "start-ratio")
	if start == nil || !strings.HasPrefix(attr(start, "href"), "/corpora/") {
		t.Fatalf("no start link before the demo build")
	}
	a.buildDemo(t)
	doc := parse(t, a.get("/").Body.String())
	start = find(doc, "a", "start-ratio")
	if start == nil || !strings.HasSuffix(attr(start, "href"), "/ratio?i=ice&j=steam") {
		t.Fatalf("start link %v", start)
	}
	if s := text(find(doc, "section", "start")); !strings.Contains(s, "solid") || !strings.Contains(s, "near 1") {
		t.Errorf("no sentence on what to look for: %q", s)
	}
	if rec := a.get(attr(start, "href")); rec.Code != http.StatusOK || find(parse(t, rec.Body.String()), "table", "ratio-table") == nil {
		t.Errorf("the ice/steam table: %d", rec.Code)
	}
}

// TestBuildNow checks the one-click build after an upload: the form
// sends only what the defaults cannot express, and the build has the
// default settings.
func TestBuildNow(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "now", "now.txt", ratioCorpus())
	page := rec.Header().Get("Location")
	doc := parse(t, a.get(page).Body.String())
	btn := find(doc, "button", "build-now")
	if btn == nil {
		t.Fatal("no Build now button after the upload")
	}
	form := btn.Parent
	for form != nil && !(form.Type == html.ElementNode && form.Data == "form") {
		form = form.Parent
	}
	v := url.Values{}
	for _, in := range findAll(form, "input") {
		v.Set(attr(in, "name"), attr(in, "value"))
	}
	if rec := a.postForm(page+"/build", v); rec.Code != http.StatusSeeOther {
		t.Fatalf("build now = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	id, err := strconv.ParseInt(strings.TrimPrefix(page, "/corpora/"), 10, 64)
	if err != nil {
		t.Fatalf("upload went to %q", page)
	}
	sum, err := a.svc.BuildSummary(id)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Settings != service.DefaultBuildSettings() {
		t.Errorf("built with %+v, want the defaults %+v", sum.Settings, service.DefaultBuildSettings())
	}
}

// TestRatioRowsTable checks that the narrow-screen Table 1 (one probe a
// row) holds the wide table's numbers.
func TestRatioRowsTable(t *testing.T) {
	t.Parallel()
	a, page := builtCorpus(t)
	doc := parse(t, a.get(page+"/ratio?i=ice&j=steam&probes=solid,gas,water,hot,cold,is,a,the").Body.String())
	wide, rows := find(doc, "table", "ratio-table"), find(doc, "table", "ratio-table-rows")
	if wide == nil || rows == nil {
		t.Fatal("missing a table")
	}
	var wideRatios []string
	for _, tr := range findAll(wide, "tr") {
		if attr(tr, "class") == "ratio-row" {
			for _, td := range findAll(tr, "td") {
				wideRatios = append(wideRatios, text(td))
			}
		}
	}
	var rowRatios []string
	for _, td := range findAll(rows, "td") {
		if strings.Contains(attr(td, "class"), "ratio") {
			rowRatios = append(rowRatios, text(td))
		}
	}
	if len(wideRatios) != 8 || strings.Join(wideRatios, "|") != strings.Join(rowRatios, "|") {
		t.Errorf("wide %q, rows %q", wideRatios, rowRatios)
	}
}
