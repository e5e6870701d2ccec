package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// abcCorpus is "a b c" on 2,469 lines: every word counted 2,469 times,
// so the page shows grouped counts. With window 2, symmetric, 1/d
// weights: X_ab = X_bc = 2469 (distance 1, once a line), X_ac = 1234.5
// (distance 2, weight 1/2), X_a = 3703.5, and P(·|a) = (2/3, 1/3), whose
// entropy is H = log₂3 − 2/3 = 0.918 bits.
func abcCorpus(t *testing.T) (*app, string) {
	t.Helper()
	a := newApp(t, 0)
	rec := a.upload(t, "/corpora", "abc", "abc.txt", []byte(strings.Repeat("a b c\n", 2469)))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload = %d", rec.Code)
	}
	page := rec.Header().Get("Location")
	settings := url.Values{"tokenizer": {"words"}, "window": {"2"}, "symmetric": {"1"}, "distance_weighting": {"1"}, "min_count": {"1"}, "max_vocab": {"0"}}
	if rec := a.postForm(page+"/build", settings); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	return a, page
}

// TestWordPageVietnamese reads the word page, its run panel and its fit
// plot with Accept-Language: vi: Vietnamese headings, numbers written
// 1.234 and 0,918, the plot's title, legend and R² in Vietnamese, and
// the same page in English without Accept-Language.
func TestWordPageVietnamese(t *testing.T) {
	t.Parallel()
	a, page := abcCorpus(t)
	corpusID, _ := strconv.ParseInt(strings.TrimPrefix(page, "/corpora/"), 10, 64)
	id := a.modelStartRun(t, modelTrainValues(corpusID, map[string]string{"epochs": "3", "vector_size": "4"}))
	if r := a.modelWaitRun(t, id); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", id, r.Status)
	}
	vi := views.NewLocale(views.Vietnamese)

	rec := a.getIn("vi-VN,vi;q=0.9,en;q=0.5", page+"/words/a", false)
	if rec.Code != http.StatusOK {
		t.Fatalf("page = %d: %.300s", rec.Code, rec.Body)
	}
	doc := parse(t, rec.Body.String())
	if lang := attr(find(doc, "html", ""), "lang"); lang != "vi" {
		t.Errorf("<html lang=%q>, want vi", lang)
	}
	for _, tc := range []struct{ id, want string }{
		{"word-stats", "Số lần xuất hiện và ngữ cảnh"},
		{"word-count", "2.469"},
		{"word-entropy", "0,918 bit"},
		{"word-share", "33,3 %"},
		{"word-xw", "3.703,50"},
		{"partners", "Các từ đi kèm thường gặp nhất"},
		{"concordance", "Trong ngữ cảnh"},
		{"concordance-scope", "50 lần xuất hiện đầu tiên"},
		{"compare", "Mở bảng tỷ lệ xác suất"},
		{"word-run", "Mô hình đã huấn luyện biểu diễn “a” ra sao"},
		{"word-fit-reading", "Đọc kết quả một cách trung thực"},
	} {
		if n := byID(doc, tc.id); n == nil || !strings.Contains(text(n), tc.want) {
			t.Errorf("#%s does not show %q: %.200q", tc.id, tc.want, text(n))
		}
	}
	// The partners' X_wk: b (2,469) then c (2,469 × 1/2).
	rows := findAll(find(doc, "table", "partners-table"), "tr")
	if len(rows) != 3 || text(findAll(rows[1], "td")[2]) != "2.469" || text(findAll(rows[2], "td")[2]) != "1.234,50" {
		t.Errorf("partner X column not in Vietnamese numbers: %q", text(find(doc, "table", "partners-table")))
	}
	if opt := text(find(find(doc, "select", "word-run-select"), "option", "")); !strings.HasPrefix(opt, fmt.Sprintf("Lần chạy %d: d = 4, 3 vòng", id)) {
		t.Errorf("run choice %q", opt)
	}
	// The window rule and a token's hover text are built by the handler.
	if !strings.Contains(rec.Body.String(), "Cửa sổ ngữ cảnh: 2 từ ở mỗi bên") || !strings.Contains(rec.Body.String(), "đứng sau 1 từ; trọng số 1/1: cộng 1 vào X(a, b)") {
		t.Errorf("window rule or token title not in Vietnamese")
	}
	for _, english := range []string{"Counts and contexts", "Most frequent partners", "Reading it honestly", "occurrences", "Nearest neighbours"} {
		if strings.Contains(rec.Body.String(), english) {
			t.Errorf("the Vietnamese page still says %q", english)
		}
	}
	// The page's statistics are the API's, in Vietnamese numbers.
	got := getWordExtras(t, a, fmt.Sprintf("/api%s/words/a?run=%d", page, id))
	if got.Run == nil || got.Run.Fit == nil || got.Run.Fit.LogCountR == nil {
		t.Fatalf("no fit: %+v", got.Run)
	}
	if s, want := text(find(doc, "span", "fit-logx-r")), vi.Fixed(*got.Run.Fit.LogCountR, 3); s != want || !strings.Contains(s, ",") {
		t.Errorf("r on the page %q, want %q", s, want)
	}

	// The worst-fitted table shows X_wk as counted: 2.469 and 1.234,50.
	xs := map[string]string{}
	for _, row := range findAll(find(doc, "table", "worst-fit-table"), "tr")[1:] {
		cells := findAll(row, "td")
		xs[text(cells[0])] = text(cells[1])
	}
	if xs["b"] != "2.469" || xs["c"] != "1.234,50" {
		t.Errorf("worst-fitted X column %v, want b 2.469 and c 1.234,50", xs)
	}

	// The fit plot speaks the page's language: title, legend and R².
	svg := a.getIn("vi", fmt.Sprintf("%s/words/a/plots/fit?run=%d&format=svg", page, id), false).Body.String()
	for _, want := range []string{fmt.Sprintf("Lần chạy %d: hàng của a", id), "2 điểm, kích thước điểm tăng theo f(X_wk)", "R² = "} {
		if !strings.Contains(svg, want) {
			t.Errorf("Vietnamese fit plot lacks %q", want)
		}
	}
	if i := strings.Index(svg, "R² = "); i >= 0 && !strings.Contains(svg[i:min(len(svg), i+20)], ",") {
		t.Errorf("R² not written with a decimal comma: %q", svg[i:min(len(svg), i+20)])
	}
	en := a.get(fmt.Sprintf("%s/words/a/plots/fit?run=%d&format=svg", page, id)).Body.String()
	if !strings.Contains(en, fmt.Sprintf("Run %d: the row of a", id)) || !strings.Contains(en, "2 points, point size grows with") {
		t.Errorf("English fit plot lost its title or legend")
	}

	// The Zipf plot's mark names the word in the page's language.
	if z := a.getIn("vi", page+"/plots/zipf?word=a&format=svg", false).Body.String(); !strings.Contains(z, "a: thứ hạng 1, f = 2.469") {
		t.Errorf("Vietnamese Zipf plot lacks the mark's legend")
	}

	// English stays English.
	doc = parse(t, a.get(page+"/words/a").Body.String())
	if s := text(byID(doc, "word-count")); s != "2,469" {
		t.Errorf("English count %q, want 2,469", s)
	}

	// A message built by the word handlers is shown in Vietnamese.
	bad := a.getIn("vi", page+"/words/"+strings.Repeat("x", 500), false)
	if bad.Code != http.StatusBadRequest || !strings.Contains(bad.Body.String(), "Một từ chỉ được dài tối đa 100 ký tự.") {
		t.Errorf("too long a word in Vietnamese = %d: %.300s", bad.Code, mainText(t, bad))
	}
}

// TestVectorWordPageVietnamese reads the vector word page of the demo
// vectors with Accept-Language: vi.
func TestVectorWordPageVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoVectors(t, a)
	rec := a.getIn("vi", fmt.Sprintf("/vectors/%d/words/queen", id), false)
	if rec.Code != http.StatusOK {
		t.Fatalf("page = %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	for _, tc := range []struct{ id, want string }{
		{"vector-word-stats", "Véc-tơ của từ"},
		{"vword-position", "trên 4.197"},
		{"vword-neighbors", "Láng giềng gần nhất"},
		{"vword-maps", "Trên các bản đồ đã lưu"},
	} {
		if n := byID(doc, tc.id); n == nil || !strings.Contains(text(n), tc.want) {
			t.Errorf("#%s does not show %q: %.200q", tc.id, tc.want, text(n))
		}
	}
	if norm := text(byID(doc, "vword-norm")); !strings.Contains(strings.Fields(norm)[0], ",") {
		t.Errorf("norm %q not written with a decimal comma", norm)
	}
	if s := text(find(doc, "ol", "vword-neighbors-list")); !strings.Contains(s, "0,") {
		t.Errorf("cosines %q not written with a decimal comma", s)
	}
	long := a.getIn("vi", fmt.Sprintf("/vectors/%d/words/%s", id, strings.Repeat("x", 201)), false)
	if long.Code != http.StatusBadRequest || !strings.Contains(long.Body.String(), "Từ này quá dài.") {
		t.Errorf("too long a word = %d: %.300s", long.Code, mainText(t, long))
	}
}
