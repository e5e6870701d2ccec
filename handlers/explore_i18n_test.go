package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// number reads a number written in English (1,234.5) or Vietnamese
// (1.234,5) notation.
func number(t *testing.T, s, lang string) float64 {
	t.Helper()
	s = strings.TrimSpace(s)
	if lang == "vi" {
		s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	} else {
		s = strings.ReplaceAll(s, ",", "")
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number in %s notation", s, lang)
	}
	return v
}

// Number shapes: a grouped whole number and a decimal, in each language.
var (
	viGrouped = regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`)
	enGrouped = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)
	viDecimal = regexp.MustCompile(`^−?-?\d+,\d+$`)
	enDecimal = regexp.MustCompile(`^−?-?\d+\.\d+$`)
)

func byClass(n *html.Node, tag, class string) *html.Node {
	for _, e := range findAll(n, tag) {
		if strings.Contains(" "+attr(e, "class")+" ", " "+class+" ") {
			return e
		}
	}
	return nil
}

// TestExplorePagesVietnamese renders the Explore list, a vector set's
// Explore page and its fragments with Accept-Language: vi: headings,
// labels and messages are Vietnamese, and numbers are written 1.234,5 —
// the same numbers the English page writes 1,234.5.
func TestExplorePagesVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	base := fmt.Sprintf("/vectors/%d", id)

	// The list: heading, and the set's size grouped with dots.
	words := map[string]float64{}
	for _, tc := range []struct {
		lang, heading string
		grouped       *regexp.Regexp
	}{{"vi", "Khám phá", viGrouped}, {"en", "Explore", enGrouped}} {
		doc := parse(t, a.getIn(tc.lang, "/explore", false).Body.String())
		if got := text(find(doc, "h1", "")); got != tc.heading {
			t.Errorf("%s: /explore heading %q, want %q", tc.lang, got, tc.heading)
		}
		cell := byClass(find(doc, "section", "explore-sets"), "td", "num")
		if cell == nil || !tc.grouped.MatchString(text(cell)) {
			t.Fatalf("%s: words column %q is not a grouped number", tc.lang, text(cell))
		}
		words[tc.lang] = number(t, text(cell), tc.lang)
	}
	if words["vi"] != words["en"] || words["vi"] < 1000 {
		t.Errorf("the list's word counts differ: vi %v, en %v", words["vi"], words["en"])
	}

	// The page: Vietnamese headings and title, the size in the lead.
	rec := a.getIn("vi", base+"/explore", false)
	doc := parse(t, rec.Body.String())
	if attr(find(doc, "html", ""), "lang") != "vi" {
		t.Error(`explore page: <html lang> is not "vi"`)
	}
	for sec, want := range map[string]string{
		"neighbors": "Láng giềng gần nhất", "analogy": "Phép loại suy", "maps": "Bản đồ hai chiều",
		"spectrum": "Phổ trị riêng", "set-evaluation": "Đánh giá", "downloads": "Tải xuống các véc-tơ này",
	} {
		if got := text(find(find(doc, "section", sec), "h2", "")); got != want {
			t.Errorf("explore page: section %s heading %q, want %q", sec, got, want)
		}
	}
	if title := text(find(doc, "title", "")); !strings.HasPrefix(title, "Khám phá ") {
		t.Errorf("explore page title %q", title)
	}
	lead := text(byClass(doc, "p", "lead"))
	if m := regexp.MustCompile(`^(\S+) từ × 50 chiều`).FindStringSubmatch(lead); m == nil || !viGrouped.MatchString(m[1]) || number(t, m[1], "vi") != words["en"] {
		t.Errorf("explore page lead %q does not start with the set's %v words × 50 dimensions in Vietnamese", lead, words["en"])
	}

	// Neighbours: heading, column, and cosines with a decimal comma that
	// equal the English ones.
	scores := map[string][]float64{}
	for _, lang := range []string{"vi", "en"} {
		doc := parse(t, a.getIn(lang, base+"/neighbors?word=king&n=5", true).Body.String())
		if lang == "vi" {
			if got := text(find(doc, "h3", "")); got != "Gần “king” nhất" {
				t.Errorf("neighbours heading %q", got)
			}
			if got := text(findAll(doc, "th")[2]); got != "cô-sin" {
				t.Errorf("neighbours score column %q", got)
			}
		}
		shape := map[string]*regexp.Regexp{"vi": viDecimal, "en": enDecimal}[lang]
		for _, tr := range findAll(find(doc, "tbody", ""), "tr") {
			cells := findAll(tr, "td")
			s := text(cells[len(cells)-1])
			if !shape.MatchString(s) {
				t.Errorf("%s: neighbour score %q is not a decimal in %s notation", lang, s, lang)
			}
			scores[lang] = append(scores[lang], number(t, s, lang))
		}
	}
	if len(scores["vi"]) != 5 || fmt.Sprint(scores["vi"]) != fmt.Sprint(scores["en"]) {
		t.Errorf("neighbour scores: vi %v, en %v", scores["vi"], scores["en"])
	}

	// Analogy.
	doc = parse(t, a.getIn("vi", base+"/analogy?a=man&b=king&c=woman", true).Body.String())
	if got := text(byClass(doc, "p", "answer")); got != "Đáp án tốt nhất: queen" {
		t.Errorf("analogy answer %q", got)
	}

	// A word the set lacks: the message from the handler, in Vietnamese.
	rec = a.getIn("vi", base+"/neighbors?word=qwertyuiop", true)
	if got := text(parse(t, rec.Body.String())); rec.Code != http.StatusUnprocessableEntity || !strings.Contains(got, "không có “qwertyuiop”") {
		t.Errorf("unknown word: %d %q", rec.Code, got)
	}

	// The spectrum card: β and the first component's share.
	beta := map[string]float64{}
	for _, lang := range []string{"vi", "en"} {
		doc := parse(t, a.getIn(lang, base+"/spectrum", true).Body.String())
		s := text(find(doc, "dd", "spectrum-beta"))
		if shape := map[string]*regexp.Regexp{"vi": viDecimal, "en": enDecimal}[lang]; !shape.MatchString(s) {
			t.Errorf("%s: β %q is not a decimal in %s notation", lang, s, lang)
		}
		beta[lang] = number(t, s, lang)
		if lang == "vi" && !strings.Contains(text(doc), "phương sai") {
			t.Errorf("spectrum card without its Vietnamese text: %q", text(doc))
		}
	}
	if beta["vi"] != beta["en"] || beta["vi"] <= 0 {
		t.Errorf("β: vi %v, en %v", beta["vi"], beta["en"])
	}
	// Its own page (a browser's request, not htmx's).
	doc = parse(t, a.getIn("vi", base+"/spectrum", false).Body.String())
	if got := text(find(doc, "h1", "")); !strings.HasPrefix(got, "Phổ của ma trận hiệp phương sai của ") {
		t.Errorf("spectrum page heading %q", got)
	}
	// A refused fit range: the message above the default fit.
	doc = parse(t, a.getIn("vi", base+"/spectrum?from=5&to=6", true).Body.String())
	if got := text(byClass(doc, "p", "run-error")); !strings.HasPrefix(got, "Khoảng khớp phải gồm các thứ hạng nguyên") {
		t.Errorf("refused fit range: %q", got)
	}

	// The plots: title, axis and legend in Vietnamese, numbers with a
	// decimal comma.
	for _, tc := range []struct {
		path string
		want []*regexp.Regexp
	}{
		{base + "/plots/neighbors?word=king&format=svg", []*regexp.Regexp{
			regexp.MustCompile(`^Láng giềng gần nhất của king · `), regexp.MustCompile(`^độ tương đồng cô-sin$`), regexp.MustCompile(`^0,\d{3}$`)}},
		{base + "/plots/spectrum?format=svg", []*regexp.Regexp{
			regexp.MustCompile(`^Phổ trị riêng của hiệp phương sai · `), regexp.MustCompile(`^thứ hạng r \(thang log\)$`),
			regexp.MustCompile(`^trị riêng$`), regexp.MustCompile(`^luật lũy thừa, thứ hạng \d+–\d+: β = \d,\d{3}, R² = \d,\d{3}$`)}},
	} {
		rec := a.getIn("vi", tc.path, false)
		texts := svgTexts(t, rec.Body.String())
		for _, re := range tc.want {
			found := false
			for _, s := range texts {
				found = found || re.MatchString(strings.TrimSpace(s))
			}
			if !found {
				t.Errorf("%s (%d): no text matches %s among %q", tc.path, rec.Code, re, texts)
			}
		}
	}

	// The evaluation card's own part.
	doc = parse(t, a.getIn("vi", base+"/evaluation", true).Body.String())
	if got := text(find(doc, "h3", "uploaded-evals")); got != "Bộ dữ liệu đánh giá của bạn" {
		t.Errorf("uploaded sets heading %q", got)
	}
}

// TestVectorPagesVietnamese: the vector sets page and a set's page in
// Vietnamese, the size written 4.000 × 50.
func TestVectorPagesVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	doc := parse(t, a.getIn("vi", "/vectors", false).Body.String())
	if got := text(find(doc, "h1", "")); got != "Tập véc-tơ" {
		t.Errorf("/vectors heading %q", got)
	}
	if got := text(find(doc, "title", "")); !strings.HasPrefix(got, "Tập véc-tơ") {
		t.Errorf("/vectors title %q", got)
	}
	if got := text(find(doc, "button", "")); got != "Tải lên véc-tơ" {
		t.Errorf("/vectors upload button %q", got)
	}
	doc = parse(t, a.getIn("vi", fmt.Sprintf("/vectors/%d", id), false).Body.String())
	facts := text(byClass(doc, "dl", "facts"))
	if !strings.Contains(facts, "Số từ × số chiều") || !regexp.MustCompile(`\d{1,3}\.\d{3} × 50`).MatchString(facts) {
		t.Errorf("vector page facts %q", facts)
	}
}

// TestEvalSetsVietnamese: the scores on uploaded sets in Vietnamese,
// 1,000 and "12 trên 12".
func TestEvalSetsVietnamese(t *testing.T) {
	a := newApp(t, 0)
	vecs, visim, _ := viEvalFixture()
	rec := a.upload(t, "/vectors", "vi", "vi.txt", []byte(vecs))
	var setID int64
	if _, err := fmt.Sscanf(rec.Header().Get("Location"), "/vectors/%d", &setID); err != nil {
		t.Fatalf("vector upload = %d → %q", rec.Code, rec.Header().Get("Location"))
	}
	body, ctype := multipartBody(t, "mine", "Visim-400.txt", []byte(visim))
	req := httptest.NewRequest(http.MethodPost, fmt.Sprintf("/evalsets?_csrf=%s&set=%d", url.QueryEscape(a.tok), setID), body)
	req.Header.Set("Content-Type", ctype)
	if rec := a.do(req); rec.Code != http.StatusSeeOther {
		t.Fatalf("evalset upload = %d: %s", rec.Code, rec.Body)
	}
	doc := parse(t, a.getIn("vi", fmt.Sprintf("/vectors/%d/evaluation", setID), true).Body.String())
	table := byClass(doc, "table", "eval-uploaded")
	if table == nil {
		t.Fatal("no table of uploaded sets")
	}
	if got := text(find(table, "thead", "")); !strings.Contains(got, "Định dạng") || !strings.Contains(got, "Số cặp có trong từ vựng") {
		t.Errorf("uploaded sets' headings %q", got)
	}
	if got := text(find(table, "tbody", "")); !containsAll(got, []string{"mine", "ViSim-400", "1,000", "12 trên 12", "xóa"}) {
		t.Errorf("uploaded set row %q", got)
	}
}
