package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/views"
)

// viNumber is a number with a decimal comma (0,1234 or 1.234,5).
var viNumber = regexp.MustCompile(`^-?\d{1,3}(\.\d{3})*,\d+$`)

// TestComparePagesVietnamese: with Accept-Language: vi the align, axis
// and WEAT pages have their Vietnamese headings, write their numbers
// 1.234,5 and name the built-in WEAT tests in Vietnamese; the same
// pages in English keep their English text.
func TestComparePagesVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	demo, err := a.st.VectorSet(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	vi := views.NewLocale(views.Vietnamese)
	if demo.Count < 1000 {
		t.Fatalf("the demo set has %d words; the test needs 1,000 or more to see a group separator", demo.Count)
	}

	// Align: the demo set onto itself.
	alignPath := fmt.Sprintf("/compare/align?a=%d&b=%d&n=5&word=king", id, id)
	rec := a.getIn("vi", alignPath, false)
	if rec.Code != http.StatusOK {
		t.Fatalf("align page: %d %.300s", rec.Code, rec.Body.String())
	}
	doc := parse(t, rec.Body.String())
	if got, want := text(find(doc, "h1", "")), "Căn chỉnh hai tập véc-tơ"; got != want {
		t.Errorf("align h1 %q, want %q", got, want)
	}
	if got, want := text(find(find(doc, "section", "align-result"), "h2", "")), vi.Name(demo.Name)+" → "+vi.Name(demo.Name); got != want || want == demo.Name+" → "+demo.Name {
		t.Errorf("align heading %q, want %q (the demo set's Vietnamese name)", got, want)
	}
	if got, want := text(find(doc, "span", "align-shared")), vi.Int(int64(demo.Count)); got != want || !strings.Contains(got, ".") {
		t.Errorf("shared words %q, want %q (with a group dot)", got, want)
	}
	if got := text(find(doc, "span", "align-residual")); !viNumber.MatchString(got) {
		t.Errorf("residual %q is not written with a decimal comma", got)
	}
	for _, tr := range findAll(find(doc, "table", "neighbours-a"), "tr")[1:] {
		if cos := text(findAll(tr, "td")[1]); !viNumber.MatchString(cos) {
			t.Errorf("neighbour cosine %q is not written with a decimal comma", cos)
		}
		if status := text(findAll(tr, "td")[2]); status != "giữ nguyên" {
			t.Errorf("neighbour status %q, want giữ nguyên (a set aligned onto itself keeps every neighbour)", status)
		}
	}
	if opt := text(findAll(find(doc, "select", "align-a"), "option")[1]); !strings.Contains(opt, vi.Int(int64(demo.Count))+" từ × ") {
		t.Errorf("set chooser option %q does not count words in Vietnamese", opt)
	}
	if alt := attr(find(find(doc, "figure", "align-plot"), "img", ""), "alt"); !strings.HasPrefix(alt, "Bản đồ căn chỉnh của ") {
		t.Errorf("plot alt %q", alt)
	}

	// The aligned map's text in Vietnamese (SVG keeps text as text).
	svg := a.getIn("vi", fmt.Sprintf("/compare/plots/align?a=%d&b=%d&format=svg", id, id), false)
	if svg.Code != http.StatusOK {
		t.Fatalf("aligned map: %d %.300s", svg.Code, svg.Body.String())
	}
	for _, want := range []string{"(đã xoay)", "căn chỉnh theo", "PC1 (", "mũi tên đi từ tập thứ nhất"} {
		if !strings.Contains(svg.Body.String(), want) {
			t.Errorf("the Vietnamese aligned map lacks %q", want)
		}
	}

	// Axis.
	axes := fmt.Sprintf("/vectors/%d/axes?pairs=%s&words=%s&n=3", id, url.QueryEscape("he she\nman woman"),
		url.QueryEscape("mother father daughter son actress actor"))
	rec = a.getIn("vi", axes, false)
	if rec.Code != http.StatusOK {
		t.Fatalf("axes page: %d %.300s", rec.Code, rec.Body.String())
	}
	doc = parse(t, rec.Body.String())
	if got, want := text(find(doc, "h1", "")), "Trục khái niệm"; got != want {
		t.Errorf("axes h1 %q, want %q", got, want)
	}
	for _, tr := range findAll(find(doc, "table", "axis-to"), "tr")[1:] {
		if v := text(findAll(tr, "td")[2]); !viNumber.MatchString(v) {
			t.Errorf("projection %q is not written with a decimal comma", v)
		}
	}
	if how := text(find(doc, "section", "axes-result")); !strings.Contains(how, "Trục là hiệu véc-tơ trung bình") {
		t.Errorf("the axis is not explained in Vietnamese: %.300s", how)
	}
	svg = a.getIn("vi", strings.Replace(axes, "/axes?", "/plots/axes?", 1)+"&format=svg", false)
	for _, want := range []string{"Các từ dọc theo", "hình chiếu lên trục", "được chiếu", "đến: she, woman"} {
		if !strings.Contains(svg.Body.String(), want) {
			t.Errorf("the Vietnamese axis map lacks %q", want)
		}
	}

	// WEAT, a built-in test.
	rec = a.getIn("vi", fmt.Sprintf("/vectors/%d/weat?example=science-arts", id), false)
	if rec.Code != http.StatusOK {
		t.Fatalf("WEAT page: %d %.300s", rec.Code, rec.Body.String())
	}
	doc = parse(t, rec.Body.String())
	if got, want := text(find(doc, "h1", "")), "Kiểm định liên tưởng của biểu diễn từ (WEAT)"; got != want {
		t.Errorf("WEAT h1 %q, want %q", got, want)
	}
	if got := text(find(doc, "span", "weat-effect")); !viNumber.MatchString(got) {
		t.Errorf("effect size %q is not written with a decimal comma", got)
	}
	if note := text(find(doc, "p", "weat-note")); !strings.HasPrefix(note, "WEAT 8: khoa học và nghệ thuật") || !strings.Contains(note, "chemistry, Einstein") {
		t.Errorf("note %q", note)
	}
	for _, want := range []string{"Giá trị p được tính <strong>chính xác</strong>: đã duyệt hết", "X và Y. Bài báo công bố d = 1,24"} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Errorf("the WEAT explanation lacks %q", want)
		}
	}
	if defs := text(find(doc, "details", "")); !strings.Contains(defs, "không quá 100.000 cách chia") {
		t.Errorf("definitions %q do not write 100.000", defs)
	}

	// The same page in English keeps its English sentences, spaced.
	en := a.get(fmt.Sprintf("/vectors/%d/weat?example=science-arts", id)).Body.String()
	if !regexp.MustCompile(`The p-value is <strong>exact</strong>: all \d+ equal-size partitions of X ∪ Y were enumerated\. The paper reports d = 1\.24 `).MatchString(en) {
		t.Errorf("English WEAT explanation: %s", text(find(parse(t, en), "p", "weat-how")))
	}
}

// TestCompareMessagesVietnamese: the messages the compare handlers write
// for bad input reach a Vietnamese page in Vietnamese (through
// messagesVI), with the form shown again.
func TestCompareMessagesVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	id := demoSet(t, a)
	axes := fmt.Sprintf("/vectors/%d/axes", id)
	weatPath := fmt.Sprintf("/vectors/%d/weat", id)
	pair := fmt.Sprintf("a=%d&b=%d", id, id)
	for _, c := range []struct {
		path, errID string
		status      int
		want        string
	}{
		{fmt.Sprintf("/compare/align?a=%d&b=", id), "align-error", 400, "Hãy chọn tập véc-tơ thứ hai (b=ID)."},
		{"/compare/align?" + pair + "&n=0", "align-error", 400, "Số từ liệt kê phải là số nguyên từ 1 đến 1.000; “0” thì không."},
		{"/compare/align?" + pair + "&fit_top=-1", "align-error", 400, "Số từ dùng để khớp (fit_top) phải là số nguyên không nhỏ hơn 0"},
		{"/compare/align?" + pair + "&max_rank=5&min_rank=10", "align-error", 400, "Thứ hạng tần suất cao nhất (5) nhỏ hơn thứ hạng thấp nhất (10)."},
		{"/compare/align?" + pair + "&word=notawordzz", "align-error", 422, "“notawordzz” không có trong"},
		{axes + "?mode=pairs&pairs=", "axes-error", 422, "Hãy nhập ít nhất một cặp từ"},
		{axes + "?pairs=he+she+it", "axes-error", 400, "Dòng 1 (“he she it”) không phải là một cặp"},
		{axes + "?pairs=he+he", "axes-error", 400, "Dòng 1 ghép “he” với chính nó"},
		{axes + "?mode=sets&set_a=he&set_b=", "axes-error", 400, "Hãy nhập từ vào cả hai nhóm"},
		{axes + "?mode=sets&set_a=he+him&set_b=she+him", "axes-error", 400, "“him” có trong cả hai nhóm từ"},
		{axes + "?pairs=zzqx+zzqy", "axes-error", 422, "Không thể dựng trục: không cặp nào có đủ cả hai từ"},
		{axes + "?mode=sets&set_a=zzqx&set_b=he", "axes-error", 422, "Không thể dựng trục: một trong hai nhóm từ"},
		{axes + "?pairs=he+she&top=1", "axes-error", 400, "Số từ có tần suất cao nhất (top) phải là số nguyên từ 2 đến 10.000"},
		{axes + "?pairs=he+she&n=0", "axes-error", 400, "Số từ liệt kê ở mỗi đầu"},
		{axes + "?pairs=he+she&words=he+she", "axes-error", 400, "Hãy đưa vào ít nhất một từ để chiếu"},
		{axes + "?mode=diagonal&pairs=he+she", "axes-error", 400, "Cách dựng trục phải là"},
		{weatPath + "?x=rose&y=ant&a=love&b=", "weat-error", 400, "Tập B đang trống"},
		{weatPath + "?x=rose+zzqq&y=ant+bee&a=love&b=death", "weat-error", 422, "Tập X chỉ có 1 từ nằm trong tập véc-tơ này"},
		{weatPath + "?x=he+man&y=man+she&a=work&b=home", "weat-error", 400, "có trong cả X và Y"},
		{weatPath + "?x=he+she&y=man+woman&a=work&b=work", "weat-error", 400, "có trong cả A và B"},
		{weatPath + "?example=nope", "weat-error", 400, "Không có phép kiểm định có sẵn nào tên “nope”"},
		{weatPath + "?x=rose+lily&y=ant+bee&a=love&b=death&permutations=0", "weat-error", 400, "Số hoán vị phải là số nguyên từ 1 đến 1.000.000"},
		{weatPath + "?x=rose+lily&y=ant+bee&a=love&b=death&seed=-1", "weat-error", 400, "Hạt giống ngẫu nhiên (seed) phải là"},
		{weatPath + "?x=" + strings.Repeat("a", 20001) + "&y=ant&a=love&b=death", "weat-error", 400, "Tập X quá dài (tối đa 20.000 ký tự)."},
	} {
		rec := a.getIn("vi", c.path, false)
		if rec.Code != c.status {
			t.Errorf("GET %s: %d, want %d; body %.300s", c.path, rec.Code, c.status, rec.Body.String())
			continue
		}
		if got := text(find(parse(t, rec.Body.String()), "p", c.errID)); !strings.Contains(got, c.want) {
			t.Errorf("GET %s: message %q, want it to contain %q", c.path, got, c.want)
		}
	}
}

// TestAlignJobVietnamese: an alignment job's card speaks Vietnamese: its
// heading and its status (and English stays English).
func TestAlignJobVietnamese(t *testing.T) {
	a := newAppConfig(t, func(o *appOptions) { o.service.MaxInstantAlign = 100 })
	demoID := demoSet(t, a)
	rotID := uploadRotated(t, a, demoID, 0.01, nil)
	form := url.Values{"a": {fmt.Sprint(demoID)}, "b": {fmt.Sprint(rotID)}}
	req := httptest.NewRequest(http.MethodPost, "/compare/align?_csrf="+a.tok, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := a.do(req)
	loc, err := url.Parse(rec.Header().Get("Location"))
	if rec.Code != http.StatusSeeOther || err != nil || loc.Query().Get("job") == "" {
		t.Fatalf("POST: %d, Location %q", rec.Code, rec.Header().Get("Location"))
	}
	var jobID int64
	fmt.Sscan(loc.Query().Get("job"), &jobID)
	if info, err := a.jobs.Wait(context.Background(), jobID); err != nil || info.Status != "done" {
		t.Fatalf("job: %+v, %v", info, err)
	}
	card := a.getIn("vi", fmt.Sprintf("/compare/align/jobs/%d", jobID), false)
	doc := parse(t, card.Body.String())
	if got, want := text(find(doc, "h2", "")), fmt.Sprintf("Đang căn chỉnh (tác vụ %d)", jobID); card.Code != http.StatusOK || got != want {
		t.Errorf("job card: %d, heading %q, want %q", card.Code, got, want)
	}
	if got := text(find(doc, "span", "")); got != "hoàn tất" {
		t.Errorf("job status %q, want hoàn tất", got)
	}
	if en := text(find(parse(t, a.get(fmt.Sprintf("/compare/align/jobs/%d", jobID)).Body.String()), "span", "")); en != "done" {
		t.Errorf("English job status %q, want done", en)
	}
}
