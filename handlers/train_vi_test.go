package handlers_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/store"
	"github.com/gloveboard/gloveboard/views"
)

// trainViGrouped finds a number of four digits or more written with the
// Vietnamese group separator (12.345), not followed by more digits.
var trainViGrouped = regexp.MustCompile(`\d\.\d{3}\b`)

// TestTrainPagesInVietnamese walks the Train page, a run page with its
// progress and loss curve, and the comparison of two runs with
// Accept-Language: vi: the headings are Vietnamese and the numbers are
// written 1.234,5.
func TestTrainPagesInVietnamese(t *testing.T) {
	a := newModelApp(t, "")
	c := a.modelCorpus(t)
	first := a.modelStartRun(t, modelTrainValues(c.ID, nil))
	a.modelWaitRun(t, first)
	second := a.modelStartRun(t, modelTrainValues(c.ID, map[string]string{"seed": "2"}))
	if r := a.modelWaitRun(t, second); r.Status != store.RunDone {
		t.Fatalf("run %d: %s", second, r.Status)
	}
	a.modelBuild(t, a.modelUpload(t, "wide", modelWideCorpus())) // thousands of nonzeros
	vi := views.NewLocale(views.Vietnamese)

	t.Run("train page", func(t *testing.T) {
		rec := a.getIn(viAccept, "/train", false)
		if rec.Code != http.StatusOK {
			t.Fatalf("GET /train: %d", rec.Code)
		}
		doc := parse(t, rec.Body.String())
		if h1 := text(find(doc, "h1", "")); h1 != "Huấn luyện" {
			t.Errorf("heading %q, want Huấn luyện", h1)
		}
		if got := attr(find(doc, "html", ""), "lang"); got != "vi" {
			t.Errorf(`<html lang=%q>, want "vi"`, got)
		}
		sel := text(find(doc, "select", "train-corpus"))
		if !strings.Contains(sel, "phần tử khác 0") || !trainViGrouped.MatchString(sel) {
			t.Errorf("corpus choice %q: want its sizes in Vietnamese, grouped 1.234", sel)
		}
		body := text(doc)
		for _, want := range []string{"Lần chạy huấn luyện mới", "Bắt đầu huấn luyện", "Tốc độ học η", "Các lần chạy huấn luyện",
			"hoàn tất", "So sánh các lần chạy", "Độ chính xác phép loại suy"} {
			if !strings.Contains(body, want) {
				t.Errorf("Vietnamese train page lacks %q", want)
			}
		}
		for _, english := range []string{"Start training", "Training runs", "Learning rate", "Final cost"} {
			if strings.Contains(body, english) {
				t.Errorf("Vietnamese train page still says %q", english)
			}
		}
	})

	t.Run("run page", func(t *testing.T) {
		rec := a.getIn(viAccept, fmt.Sprintf("/runs/%d", first), false)
		if rec.Code != http.StatusOK {
			t.Fatalf("run page: %d", rec.Code)
		}
		doc := parse(t, rec.Body.String())
		if h1, want := text(find(doc, "h1", "")), fmt.Sprintf("Lần chạy %d hoàn tất", first); h1 != want {
			t.Errorf("heading %q, want %q", h1, want)
		}
		if got := text(find(doc, "dd", "run-epoch")); got != "2 trên 2" {
			t.Errorf("epoch %q, want 2 trên 2", got)
		}
		loss, err := a.st.Loss(context.Background(), first)
		if err != nil || len(loss) != 2 {
			t.Fatalf("loss %v, %v", loss, err)
		}
		if got, want := text(find(doc, "span", "run-cost")), vi.Fixed(loss[1].Cost, 5); got != want || !strings.Contains(got, ",") {
			t.Errorf("cost %q, want %q (decimal comma)", got, want)
		}
		eval := text(find(doc, "section", "evaluation"))
		// The Google analogy set has 19,544 questions.
		for _, want := range []string{"Phép loại suy của Google", "Tổng", "Ngữ nghĩa", "Cú pháp", "19.544", "Độ tương đồng từ"} {
			if !strings.Contains(eval, want) {
				t.Errorf("evaluation %q lacks %q", eval, want)
			}
		}
		body := text(doc)
		for _, want := range []string{"Siêu tham số", "Số chiều véc-tơ d", "Văn bản GloVe", "Khám phá các véc-tơ này", "Tải xuống"} {
			if !strings.Contains(body, want) {
				t.Errorf("Vietnamese run page lacks %q", want)
			}
		}
		if alt := attr(find(find(doc, "figure", "loss-plot"), "img", ""), "alt"); !strings.HasPrefix(alt, "Đường cong mất mát") {
			t.Errorf("loss plot alt %q", alt)
		}

		prog := a.getIn(viAccept, fmt.Sprintf("/runs/%d/progress", first), false)
		if got := text(parse(t, prog.Body.String())); !strings.Contains(got, "Tiến độ") || !strings.Contains(got, "trên mỗi phần tử khác 0") {
			t.Errorf("progress fragment %q", got)
		}
	})

	t.Run("loss plot", func(t *testing.T) {
		rec := a.getIn(viAccept, fmt.Sprintf("/runs/%d/plots/loss?format=svg", first), false)
		if rec.Code != http.StatusOK {
			t.Fatalf("loss SVG: %d", rec.Code)
		}
		svg := rec.Body.String()
		for _, want := range []string{fmt.Sprintf("Hàm mất mát của lần chạy %d", first), "vòng lặp (epoch)", "giá trị mất mát J"} {
			if !strings.Contains(svg, want) {
				t.Errorf("Vietnamese loss SVG lacks %q", want)
			}
		}
		if en := a.get(fmt.Sprintf("/runs/%d/plots/loss?format=svg", first)).Body.String(); !strings.Contains(en, "epoch") || !strings.Contains(en, "Training loss of run") {
			t.Error("the English loss SVG lost its English title or axis")
		}
	})

	t.Run("fidelity plots", func(t *testing.T) {
		logx := a.getIn(viAccept, fmt.Sprintf("/runs/%d/plots/fidelity?kind=logx&format=svg", first), false).Body.String()
		if !strings.Contains(logx, fmt.Sprintf("Lần chạy %d: mô hình so với log X", first)) || !regexp.MustCompile(`R² = -?\d+,\d{3}`).MatchString(logx) ||
			!regexp.MustCompile(`\d điểm`).MatchString(logx) {
			t.Error("the Vietnamese log X fidelity plot lacks its title, R² with a decimal comma, or its points legend")
		}
		pmi := a.getIn(viAccept, fmt.Sprintf("/runs/%d/plots/fidelity?kind=pmi&format=svg", first), false).Body.String()
		if !strings.Contains(pmi, "bình phương tối thiểu: y = ") || strings.Contains(pmi, "least squares") {
			t.Error("the Vietnamese PMI fidelity plot's fit legend is not in Vietnamese")
		}
		if en := a.get(fmt.Sprintf("/runs/%d/plots/fidelity?kind=pmi&format=svg", first)).Body.String(); !strings.Contains(en, "least squares: y = ") {
			t.Error("the English PMI fidelity plot lost its fit legend")
		}
	})

	t.Run("comparison", func(t *testing.T) {
		rec := a.getIn(viAccept, fmt.Sprintf("/runs/compare?runs=%d,%d", first, second), false)
		if rec.Code != http.StatusOK {
			t.Fatalf("compare: %d", rec.Code)
		}
		doc := parse(t, rec.Body.String())
		if h1 := text(find(doc, "h1", "")); h1 != "So sánh các lần chạy" {
			t.Errorf("heading %q", h1)
		}
		table := text(find(doc, "section", "compare-table"))
		for _, want := range []string{fmt.Sprintf("lần chạy %d: seed 1, d 10", first), "trên 2", "Hạng mất mát"} {
			if !strings.Contains(table, want) {
				t.Errorf("comparison table %q lacks %q", table, want)
			}
		}
		svg := a.getIn(viAccept, fmt.Sprintf("/runs/compare/plot?runs=%d,%d&format=svg", first, second), false).Body.String()
		if !strings.Contains(svg, fmt.Sprintf("lần chạy %d: seed 2, d 10", second)) || !strings.Contains(svg, "Hàm mất mát khi huấn luyện") {
			t.Error("the Vietnamese comparison plot lacks its Vietnamese title or legend")
		}
	})

	t.Run("refused form", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodPost, "/train", strings.NewReader(modelTrainValues(c.ID, map[string]string{"eta": "fast"}).Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-CSRF-Token", a.tok)
		req.Header.Set("Accept-Language", "vi")
		rec := a.do(req)
		msg := text(find(parse(t, rec.Body.String()), "p", "train-error"))
		english := text(find(parse(t, a.postModelForm("/train", modelTrainValues(c.ID, map[string]string{"eta": "fast"}), false).Body.String()), "p", "train-error"))
		if rec.Code != http.StatusBadRequest || !strings.Contains(english, "learning rate η") || msg != vi.Message(english) {
			t.Errorf("refused form: %d %q; want 400 with %q translated (%q)", rec.Code, msg, english, vi.Message(english))
		}
	})
}
