package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/demo"
)

// Numbers with a fractional part and a group separator, as each language
// writes them: 1,234.50 and 1.234,50.
var (
	groupedEN = regexp.MustCompile(`\b\d{1,3}(,\d{3})+\.\d+\b`)
	groupedVI = regexp.MustCompile(`\b\d{1,3}(\.\d{3})+,\d+\b`)
)

// TestRatioPageVietnamese opens the ratio page of the Vietnamese demo
// corpus (built with phrases, its preset hàng/cột) with Accept-Language:
// vi and en: the headings, the explanation of P(k|i)/P(k|j), the
// legend, the discovered lists, the figure and the error messages speak
// the page's language, and the numbers use its separators.
func TestRatioPageVietnamese(t *testing.T) {
	a := newApp(t, 0)
	page := fmt.Sprintf("/corpora/%d", buildVietnameseDemo(t, a))
	p := demo.VietnamesePreset

	vi := a.getIn("vi-VN,vi;q=0.9,en;q=0.5", page+"/ratio", false)
	if vi.Code != http.StatusOK {
		t.Fatalf("ratio page in Vietnamese = %d: %s", vi.Code, mainText(t, vi))
	}
	doc := parse(t, vi.Body.String())
	if h1 := text(find(doc, "h1", "")); !strings.HasPrefix(h1, "Tỷ lệ xác suất") || !strings.Contains(h1, "trong") {
		t.Errorf("h1 %q, want “Tỷ lệ xác suất trong …”", h1)
	}
	main := text(find(doc, "main", ""))
	for _, want := range []string{
		"xác suất có điều kiện", "cửa sổ ngữ cảnh", // the explanation of P(k|i)
		"Các từ thăm dò k", "Tính tỷ lệ", // the form
		"Xác suất đồng xuất hiện của “" + p.I + "” và “" + p.J + "”", // the table
		"Các từ ngữ cảnh phân biệt “" + p.I + "” với “" + p.J + "”",  // the discovered words
		"cận tin cậy", "Nghiêng rõ về “" + p.I + "”",
	} {
		if !strings.Contains(main, want) {
			t.Errorf("the Vietnamese ratio page lacks %q", want)
		}
	}
	for _, english := range []string{"Probability", "Probe words", "Compute ratios", "Context words", "Leaning clearly", "ratio", "count near", "confidence"} {
		if strings.Contains(main, english) {
			t.Errorf("the Vietnamese ratio page says %q", english)
		}
	}
	if title := text(find(doc, "title", "")); !strings.HasPrefix(title, "Tỷ lệ xác suất · ") {
		t.Errorf("title %q", title)
	}
	// X_i and X_j are weighted (1/d) counts in the thousands: 1.234,56.
	hint := text(find(find(doc, "section", "ratio"), "p", ""))
	if !groupedVI.MatchString(hint) || groupedEN.MatchString(hint) {
		t.Errorf("X_i, X_j not written with Vietnamese separators: %q", hint)
	}
	// The ratios of the preset: chiều_cao ≈ 16 leans to hàng, bề_rộng ≈
	// 0.03 to cột, written with a decimal comma.
	rows := findAll(find(doc, "table", "ratio-table"), "tr")
	if len(rows) < 4 {
		t.Fatalf("ratio table has %d rows", len(rows))
	}
	ratios := findAll(rows[3], "td")
	if len(ratios) != len(p.Probes) {
		t.Fatalf("%d ratio cells, want %d", len(ratios), len(p.Probes))
	}
	if got := text(ratios[1]); !strings.HasPrefix(got, "0,0") {
		t.Errorf("ratio of bề_rộng %q, want 0,0…", got)
	}
	// The figure is asked for with the page's language and answers in it.
	img := find(find(doc, "section", "ratio"), "img", "")
	if alt := attr(img, "alt"); !strings.HasPrefix(alt, "Biểu đồ cột") {
		t.Errorf("figure alt %q", alt)
	}
	svg := a.getIn("vi", strings.Replace(attr(img, "src"), "format=png", "format=svg", 1), false).Body.String()
	// Its words, and the bar values with a decimal comma (bề_rộng ≈ 0,03).
	for _, want := range []string{"từ thăm dò k", "thang logarit", "thường gặp gần " + p.I + " hơn", ">0,0"} {
		if !strings.Contains(svg, want) {
			t.Errorf("the Vietnamese figure lacks %q", want)
		}
	}
	if strings.Contains(svg, ">0.0") {
		t.Errorf("the Vietnamese figure writes a bar value with a decimal point")
	}

	// The same page in English.
	en := a.getIn("en-GB,en;q=0.8", page+"/ratio", false)
	endoc := parse(t, en.Body.String())
	if h1 := text(find(endoc, "h1", "")); !strings.HasPrefix(h1, "Probability ratios in") {
		t.Errorf("English h1 %q", h1)
	}
	if hint := text(find(find(endoc, "section", "ratio"), "p", "")); !groupedEN.MatchString(hint) {
		t.Errorf("X_i, X_j not written with English separators: %q", hint)
	}
	svg = a.getIn("en", strings.Replace(attr(find(find(endoc, "section", "ratio"), "img", ""), "src"), "format=png", "format=svg", 1), false).Body.String()
	if !strings.Contains(svg, "probe word k") || strings.Contains(svg, "từ thăm dò") {
		t.Errorf("the English figure is not in English")
	}

	// Refusals built by the ratio handler are translated.
	for _, tc := range []struct{ query, want string }{
		{"i=" + url.QueryEscape(p.I) + "&j=" + url.QueryEscape(p.I), "Hai từ i và j phải khác nhau"},
		{"i=" + url.QueryEscape(p.I) + "&j=", "Hãy nhập cả hai từ i và j."},
		{"i=" + url.QueryEscape(p.I) + "&j=" + url.QueryEscape(p.J) + "&probes=,", "Hãy nhập ít nhất một từ thăm dò k"},
		{"i=" + url.QueryEscape(p.I) + "&j=" + url.QueryEscape(p.J) + "&probes=" + manyProbes(60), "Hãy nhập tối đa 50 từ thăm dò."},
	} {
		rec := a.getIn("vi", page+"/ratio?"+tc.query, false)
		if rec.Code < 400 || rec.Code >= 500 {
			t.Errorf("%s = %d, want 4xx", tc.query, rec.Code)
		}
		if got := text(find(parse(t, rec.Body.String()), "main", "")); !strings.Contains(got, tc.want) {
			t.Errorf("%s: no %q in %q", tc.query, tc.want, got)
		}
	}
}

// manyProbes is n distinct probe words, comma-separated.
func manyProbes(n int) string {
	var words []string
	for k := range n {
		words = append(words, fmt.Sprintf("w%d", k))
	}
	return strings.Join(words, ",")
}

// TestRatioExamplesGlossed: the home page glosses the Vietnamese example
// for English readers from the catalogue, and not the English one
// (presetGloss, tested in presets_internal_test.go, glosses in any
// language; whether Vietnamese readers see a gloss is the home page's
// choice).
func TestRatioExamplesGlossed(t *testing.T) {
	a := newApp(t, 0)
	for _, tc := range []struct {
		accept       string
		want, unwant []string
	}{
		{"en", []string{"ice / steam", "hàng / cột", "(row / column)"}, []string{"(ice / steam)", "nước đá"}},
	} {
		ex := text(find(parse(t, a.getIn(tc.accept, "/", false).Body.String()), "p", "ratio-examples"))
		for _, w := range tc.want {
			if !strings.Contains(ex, w) {
				t.Errorf("%s: the examples lack %q: %q", tc.accept, w, ex)
			}
		}
		for _, w := range tc.unwant {
			if strings.Contains(ex, w) {
				t.Errorf("%s: the examples say %q: %q", tc.accept, w, ex)
			}
		}
	}
}
