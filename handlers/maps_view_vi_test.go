package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/gloveboard/gloveboard/internal/demo"
	"github.com/gloveboard/gloveboard/views"
)

// shownText is the text of n a reader sees: text() without the contents
// of script elements (the map's data block holds the API's JSON, which
// stays English).
func shownText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// getVI asks for path as a browser set to Vietnamese does.
func getVI(a *app, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
	return a.do(req)
}

// mapViDecimal is a number written the Vietnamese way, with a decimal comma
// (0,912; 12,3%).
var mapViDecimal = regexp.MustCompile(`\d,\d`)

// TestMapPageVietnamese: with Accept-Language: vi the page of a saved
// t-SNE map, an instant PCA map and their figures speak Vietnamese and
// write numbers as Vietnamese does (4.197 từ, độ tin cậy 0,9…); the same
// addresses in English are unchanged.
func TestMapPageVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	job := tsneJobOf(t, a, id, "source=builtin&perplexity=5")
	path := fmt.Sprintf("/vectors/%d/maps/%d", id, job)

	rec := getVI(a, path)
	doc := parse(t, rec.Body.String())
	if rec.Code != http.StatusOK || attr(find(doc, "html", ""), "lang") != "vi" {
		t.Fatalf("map page in Vietnamese: %d, lang %q", rec.Code, attr(find(doc, "html", ""), "lang"))
	}
	h1, lead, body := text(find(doc, "h1", "")), "", shownText(doc)
	for _, p := range findAll(doc, "p") {
		if attr(p, "class") == "lead" {
			lead = text(p)
		}
	}
	setName := views.NewLocale(views.Vietnamese).Name(demo.VectorsName)
	if !strings.HasPrefix(h1, "Bản đồ t-SNE gồm ") || !strings.HasSuffix(h1, " từ · "+setName) {
		t.Errorf("heading %q, want “Bản đồ t-SNE gồm N từ · %s”", h1, setName)
	}
	// The demo set has 4,197 words: 4.197 in Vietnamese.
	if !strings.Contains(lead, "Tập véc-tơ "+setName+" (4.197 từ × 50 chiều)") || !regexp.MustCompile(`độ tin cậy 0,\d{3}`).MatchString(lead) {
		t.Errorf("lead %q, want the set's size as 4.197 từ and the trustworthiness with a decimal comma", lead)
	}
	for _, want := range []string{"Phương pháp", "Độ tin cậy (trustworthiness)", "Tìm một từ", "Đặt lại", "Tải xuống khung nhìn này:", "Chưa chọn từ nào.",
		"độ hỗn loạn (perplexity) 5", "các nhóm từ có sẵn", "nên bị bỏ qua:", " từ khác"} {
		if !strings.Contains(body, want) {
			t.Errorf("the Vietnamese map page lacks %q", want)
		}
	}
	for _, english := range []string{"Method", "Trustworthiness", "Find a word", "Reset", "Download this view", "No words selected", "perplexity 5", "built-in groups", "left out", " more"} {
		if strings.Contains(body, english) {
			t.Errorf("the Vietnamese map page shows the English %q", english)
		}
	}
	var labels string
	for _, d := range findAll(doc, "div") {
		if attr(d, "class") == "mapview" {
			labels = attr(d, "data-group-labels")
		}
	}
	if !strings.Contains(labels, `"country":"quốc gia"`) || !strings.Contains(labels, `"capital":"thủ đô"`) {
		t.Errorf("group labels %s, want the built-in groups in Vietnamese", labels)
	}

	// The figure: title, axis labels, subtitle and legend in Vietnamese.
	svg := getVI(a, fmt.Sprintf("/vectors/%d/plots/map?job=%d&format=svg", id, job)).Body.String()
	for _, want := range []string{"Bản đồ từ (t-SNE)", "quốc gia", "thủ đô", "độ tin cậy 0,", "thuật toán: chính xác", "độ hỗn loạn (perplexity) 5"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the Vietnamese SVG of the map lacks %q", want)
		}
	}

	// An instant PCA map of the top 1,500 words (the htmx fragment).
	req := httptest.NewRequest(http.MethodGet, fmt.Sprintf("/vectors/%d/map?method=pca&source=top&n=1500", id), nil)
	req.Header.Set("Accept-Language", "vi")
	req.Header.Set("HX-Request", "true")
	rec = a.do(req)
	frag := shownText(parse(t, rec.Body.String()))
	if rec.Code != http.StatusOK || !strings.Contains(frag, "1.500") || !strings.Contains(frag, "hai trục giải thích") ||
		!strings.Contains(frag, "1.500 từ thường gặp nhất") || !mapViDecimal.MatchString(frag) {
		t.Errorf("PCA map in Vietnamese: %d %q", rec.Code, clipBody(frag))
	}
	svg = getVI(a, fmt.Sprintf("/vectors/%d/plots/map?method=pca&source=top&n=1500&format=svg", id)).Body.String()
	if !strings.Contains(svg, "Bản đồ từ (PCA)") || !strings.Contains(svg, "thành phần chính 1 (") {
		t.Errorf("the Vietnamese SVG of the PCA map lacks its Vietnamese title or axis label")
	}

	// English, as before.
	en := text(parse(t, a.get(path).Body.String()))
	for _, want := range []string{"t-SNE map of ", "Trustworthiness", "Find a word", "perplexity 5", "the built-in groups"} {
		if !strings.Contains(en, want) {
			t.Errorf("the English map page lacks %q", want)
		}
	}
	if svg := a.get(fmt.Sprintf("/vectors/%d/plots/map?job=%d&format=svg", id, job)).Body.String(); !strings.Contains(svg, "Word map (t-SNE)") || !strings.Contains(svg, "country") {
		t.Errorf("the English SVG of the map lacks its title or legend")
	}
}

// TestMapPagesSpeakOnlyCatalogue extends TestPagesSpeakOnlyCatalogue to
// the pages only a map job makes: a saved t-SNE map's own page, its htmx
// fragment and its figure, rendered in the pseudo locale, show nothing
// outside the catalogue's marks but data.
func TestMapPagesSpeakOnlyCatalogue(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and trains a corpus")
	}
	p := newPseudoApp(t)
	job := tsneJobOf(t, p.app, p.set, "source=top&n=60&perplexity=5")
	page := fmt.Sprintf("/vectors/%d/maps/%d", p.set, job)
	for _, tc := range []struct {
		path string
		htmx bool
	}{
		{page, false},
		{page, true},
		{fmt.Sprintf("/vectors/%d/plots/map?job=%d&format=svg", p.set, job), false},
	} {
		req := httptest.NewRequest(http.MethodGet, tc.path, nil)
		if tc.htmx {
			req.Header.Set("HX-Request", "true")
		}
		rec := p.do(req)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s (htmx %v) = %d", tc.path, tc.htmx, rec.Code)
		}
		texts, _ := pageTexts(parse(t, rec.Body.String()))
		if len(texts) < 3 {
			t.Fatalf("GET %s (htmx %v): %d texts, want a map", tc.path, tc.htmx, len(texts))
		}
		for _, s := range texts {
			for _, w := range p.strays(s) {
				t.Errorf("GET %s (htmx %v) shows %q outside the catalogue, in %q", tc.path, tc.htmx, w, strings.TrimSpace(s))
			}
		}
	}
}
