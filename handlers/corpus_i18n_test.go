package handlers_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/views"
)

// postFormVI is a.postForm with Accept-Language: vi.
func (a *app) postFormVI(path string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path+"?_csrf="+url.QueryEscape(a.tok), strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "vi")
	return a.do(req)
}

// TestCorporaPageVietnamese reads the corpora list and a refused upload
// with Accept-Language: vi: Vietnamese headings, the upload limit with a
// decimal comma, the refusal in Vietnamese.
func TestCorporaPageVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 3<<19) // 1.5 MiB: "1,5 MiB" in Vietnamese
	rec := a.getIn(viAccept, "/corpora", false)
	if rec.Code != http.StatusOK {
		t.Fatalf("GET /corpora = %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	main := text(find(doc, "main", ""))
	for _, want := range []string{"Kho ngữ liệu", "Tải lên một kho ngữ liệu", "tối đa 1,5 MiB", "Tất cả kho ngữ liệu", "Thay các byte không hợp lệ và tiếp tục"} {
		if !strings.Contains(main, want) {
			t.Errorf("/corpora in Vietnamese lacks %q: %s", want, clipBody(main))
		}
	}
	for _, english := range []string{"Upload a corpus", "All corpora", "Text file", "Replace invalid bytes"} {
		if strings.Contains(main, english) {
			t.Errorf("/corpora in Vietnamese still says %q", english)
		}
	}
	if title := text(find(doc, "title", "")); !strings.HasPrefix(title, "Kho ngữ liệu") {
		t.Errorf("title %q, want Kho ngữ liệu", title)
	}

	// A refused upload: the message of the web layer, translated.
	body, ctype := formBody(t, a.tok, "", "binary.txt", []byte("a\x00b\n"))
	req := httptest.NewRequest(http.MethodPost, "/corpora", body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Accept-Language", "vi")
	rec = a.do(req)
	msg := text(find(parse(t, rec.Body.String()), "main", ""))
	if rec.Code/100 != 4 || !strings.Contains(msg, "Tệp này không giống tệp văn bản: nó chứa byte NUL") || !strings.Contains(msg, "Hãy chọn lại tệp để thử lại") {
		t.Errorf("binary upload in Vietnamese: %d %s", rec.Code, clipBody(msg))
	}
}

// TestCorpusPageVietnamese builds the Vietnamese demo corpus with phrases
// and reads its page with Accept-Language: vi: every card's heading in
// Vietnamese, counts grouped with dots (1.234) and decimals with a comma
// (7,89 bit), PMI partners, a refused word and refused build settings in
// Vietnamese, and the Zipf plot's text from the catalogue.
func TestCorpusPageVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := a.vietnameseDemo(t)
	page := fmt.Sprintf("/corpora/%d", id)

	// Before the build: the build card.
	unbuilt := text(find(parse(t, a.getIn(viAccept, page, false).Body.String()), "main", ""))
	for _, want := range []string{"Xây dựng thống kê đồng xuất hiện", "Kho ngữ liệu này chưa được xây dựng", "Xây dựng ngay", "Bộ tách từ tố", "Cửa sổ ngữ cảnh"} {
		if !strings.Contains(unbuilt, want) {
			t.Errorf("unbuilt corpus page lacks %q", want)
		}
	}

	if rec := a.postForm(page+"/build", phrasesForm); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)

	rec := a.getIn(viAccept, page+"?pmi="+url.QueryEscape("văn bản"), false)
	if rec.Code != http.StatusOK {
		t.Fatalf("corpus page = %d", rec.Code)
	}
	doc := parse(t, rec.Body.String())
	for _, tc := range []struct{ section, heading string }{
		{"stats", "Thống kê kho ngữ liệu"},
		{"phrases", "Các cụm từ đã học"},
		{"zipf", "Định luật Zipf: tần suất theo thứ hạng"},
		{"pmi", "Các từ đi kèm mạnh nhất theo PMI"},
		{"corpus-spectrum", "Phổ giá trị kỳ dị của ma trận đồng xuất hiện"},
	} {
		sec := find(doc, "section", tc.section)
		if sec == nil {
			t.Errorf("no section %s", tc.section)
			continue
		}
		if h := text(find(sec, "h2", "")); h != tc.heading {
			t.Errorf("section %s heading %q, want %q", tc.section, h, tc.heading)
		}
	}

	// Numbers in the Vietnamese convention.
	stats := find(doc, "section", "stats")
	values := findAll(stats, "span")
	var tokens, entropy string
	for i, v := range values {
		if attr(v, "class") != "stat-label" || i == 0 {
			continue
		}
		switch text(v) {
		case "từ tố":
			tokens = text(values[i-1])
		case "H(W), entropy của phân phối từ":
			entropy = text(values[i-1])
		}
	}
	if !regexp.MustCompile(`^\d{1,3}(\.\d{3})+$`).MatchString(tokens) {
		t.Errorf("token count %q, want digits grouped with dots (1.234.567)", tokens)
	}
	if !regexp.MustCompile(`^\d+,\d{2} bit$`).MatchString(entropy) {
		t.Errorf("entropy %q, want a decimal comma (7,89 bit)", entropy)
	}
	statsText := text(stats)
	for _, want := range []string{"bộ tách từ tố theo từ, cửa sổ 10", "từ tố: cụm từ (2 lượt", "NPMI trên 0,50", "cụm từ đã học"} {
		if !strings.Contains(statsText, want) {
			t.Errorf("statistics lack %q: %s", want, clipBody(statsText))
		}
	}
	pmi := find(doc, "section", "pmi")
	if h := text(find(pmi, "th", "")); h == "" {
		t.Error("no PMI table for văn bản")
	}
	if got := text(pmi); !strings.Contains(got, "Từ đi kèm j của “văn_bản”") || !regexp.MustCompile(`\d,\d\d`).MatchString(got) {
		t.Errorf("PMI table in Vietnamese: %s", clipBody(got))
	}
	phrases := text(find(doc, "section", "phrases"))
	if !strings.Contains(phrases, "Hiển thị 200 cụm từ tốt nhất trong số") || !regexp.MustCompile(`0,\d{3}`).MatchString(phrases) {
		t.Errorf("phrase card in Vietnamese: %s", clipBody(phrases))
	}
	main := text(find(doc, "main", ""))
	for _, english := range []string{"Corpus statistics", "Learned phrases", "Strongest partners", "Rebuild with other settings", "Delete this corpus", "occurrences", "Compute spectrum"} {
		if strings.Contains(main, english) {
			t.Errorf("Vietnamese corpus page still says %q", english)
		}
	}

	// A word outside the vocabulary: the handler's message, translated.
	rec = a.getIn(viAccept, page+"?pmi=zzzzq", false)
	if got := text(find(parse(t, rec.Body.String()), "section", "pmi")); rec.Code != http.StatusUnprocessableEntity ||
		!strings.Contains(got, "“zzzzq” không có trong từ vựng của kho ngữ liệu này") {
		t.Errorf("unknown word in Vietnamese: %d %s", rec.Code, clipBody(got))
	}

	// Refused build settings: the label and rule in Vietnamese.
	bad := url.Values{"tokenizer": {"words"}, "window": {"abc"}, "min_count": {"5"}}
	rec = a.postFormVI(page+"/build", bad)
	if got := text(find(parse(t, rec.Body.String()), "p", "build-error")); rec.Code != http.StatusBadRequest ||
		!strings.HasPrefix(got, "Cửa sổ ngữ cảnh phải là một số nguyên từ 1 đến") || !strings.Contains(got, "“abc” không hợp lệ") {
		t.Errorf("refused window in Vietnamese: %d %q", rec.Code, got)
	}

	// The Zipf plot: title, axis labels and legend from the catalogue.
	svg := a.getIn(viAccept, page+"/plots/zipf?format=svg", false).Body.String()
	for _, want := range []string{"Định luật Zipf", "thứ hạng r (thang log)", "tần suất f (thang log)", "hợp lý cực đại", "bình phương tối thiểu"} {
		if !strings.Contains(svg, want) {
			t.Errorf("Vietnamese Zipf SVG lacks %q", want)
		}
	}
	if en := a.get(page + "/plots/zipf?format=svg").Body.String(); !strings.Contains(en, "rank r (log scale)") || !strings.Contains(en, "MLE, f ≥") {
		t.Error("English Zipf SVG lost its English labels")
	}
}

// TestCorpusSpectrumVietnamese reads a finished spectrum with
// Accept-Language: vi: the explanation, the figures with a decimal comma
// and the plot's text.
func TestCorpusSpectrumVietnamese(t *testing.T) {
	t.Parallel()
	a := newApp(t, 0)
	id := demoCorpusID(t, a)
	if rec := a.postForm(fmt.Sprintf("/corpora/%d/build", id), url.Values{"tokenizer": {"words"}, "symmetric": {"1"}, "distance_weighting": {"1"}}); rec.Code != http.StatusSeeOther {
		t.Fatalf("build = %d: %s", rec.Code, rec.Body)
	}
	a.waitJobs(t)
	res := a.startSpectrum(t, id, "top_n=300&k=20")
	frag := text(parse(t, a.getIn(viAccept, fmt.Sprintf("/corpora/%d/spectra/%d", id, res.JobID), false).Body.String()))
	beta := views.NewLocale(views.Vietnamese).Fixed(res.Fit.Beta, 3)
	for _, want := range []string{"20 giá trị kỳ dị lớn nhất của ma trận PPMI gồm 300 từ thường gặp nhất", "Ý nghĩa của các con số", "β = " + beta, "mô hình suy giảm hàm mũ"} {
		if !strings.Contains(frag, want) {
			t.Errorf("Vietnamese spectrum lacks %q: %s", want, clipBody(frag))
		}
	}
	if !strings.Contains(beta, ",") {
		t.Errorf("β written %q, want a decimal comma", beta)
	}
	svg := a.getIn(viAccept, fmt.Sprintf("/corpora/%d/spectra/%d/plot?format=svg", id, res.JobID), false).Body.String()
	for _, want := range []string{"Phổ giá trị kỳ dị, PPMI, 300 từ", "giá trị kỳ dị (thang log)", "luật lũy thừa, thứ hạng"} {
		if !strings.Contains(svg, want) {
			t.Errorf("Vietnamese spectrum SVG lacks %q", want)
		}
	}
}
