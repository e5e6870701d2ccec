package plot

import (
	"bytes"
	"strings"
	"testing"
)

// TestRatioLegendOverride gives every legend entry of a ratio plot in
// Vietnamese: the figure uses them (in order), keeps the English defaults
// for entries not given, and renders them.
func TestRatioLegendOverride(t *testing.T) {
	bars := []RatioBar{
		{Word: "chiều_cao", Ratio: 16, Kind: RatioFinite},
		{Word: "bề_rộng", Ratio: 0.03, Kind: RatioFinite, Thin: true},
		{Word: "ô", Kind: RatioInf},
		{Word: "dữ_liệu", Kind: RatioZero},
		{Word: "x", Kind: RatioUndefined},
	}
	vi := RatioLegend{
		Up: "thường gặp gần hàng hơn (tỷ lệ > 1)", Down: "thường gặp gần cột hơn (tỷ lệ < 1)",
		Inf: "∞: k chưa từng gặp gần cột", Zero: "0: k chưa từng gặp gần hàng",
		Undefined: "0/0: k không gặp gần từ nào", Thin: "màu nhạt: ít bằng chứng (ít lần đồng xuất hiện)",
	}
	for _, tc := range []struct {
		name   string
		legend RatioLegend
		want   []string
	}{
		{"all given", vi, []string{vi.Up, vi.Down, vi.Inf, vi.Zero, vi.Undefined, vi.Thin}},
		{"none given", RatioLegend{}, []string{"more likely near hàng (ratio > 1)", "more likely near cột (ratio < 1)",
			"∞: k never seen near cột", "0: k never seen near hàng", "0/0: k seen near neither", "pale: thin evidence (few co-occurrences)"}},
		{"some given", RatioLegend{Up: vi.Up, Thin: "   "}, []string{vi.Up, "more likely near cột (ratio < 1)",
			"∞: k never seen near cột", "0: k never seen near hàng", "0/0: k seen near neither", "pale: thin evidence (few co-occurrences)"}},
	} {
		f, err := NewRatio(RatioSpec{I: "hàng", J: "cột", Bars: bars, Title: "P(k | hàng) / P(k | cột)",
			XLabel: "từ thăm dò k", YLabel: "tỷ lệ (thang logarit)", Legend: tc.legend})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		d := f.Describe()
		if got, want := strings.Join(d.Legend, " | "), strings.Join(tc.want, " | "); got != want {
			t.Errorf("%s: legend\n got %q\nwant %q", tc.name, got, want)
		}
		if d.XLabel != "từ thăm dò k" {
			t.Errorf("%s: x label %q", tc.name, d.XLabel)
		}
		var svg bytes.Buffer
		if err := f.Render(&svg, Output{Format: SVG}); err != nil {
			t.Fatalf("%s: render: %v", tc.name, err)
		}
		if !strings.Contains(svg.String(), "cột") {
			t.Errorf("%s: the SVG lacks the legend's words", tc.name)
		}
	}
}

// TestRatioBarValuesDecimalComma: the values written on the ratio bars
// follow Output.DecimalComma (15,9 and 0,0295), the bar words do not
// change, and the figure renders with points again afterwards.
func TestRatioBarValuesDecimalComma(t *testing.T) {
	f, err := NewRatio(RatioSpec{I: "hàng", J: "cột", Bars: []RatioBar{
		{Word: "chiều_cao", Ratio: 15.9, Kind: RatioFinite}, {Word: "bề_rộng", Ratio: 0.0295, Kind: RatioFinite}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		out          Output
		want, unwant []string
	}{
		{Output{}, []string{"15.9", "0.0295"}, []string{"15,9", "0,0295"}},
		{Output{DecimalComma: true}, []string{"15,9", "0,0295", "chiều_cao", "bề_rộng"}, []string{"15.9", "0.0295"}},
		{Output{}, []string{"15.9", "0.0295"}, []string{"15,9", "0,0295"}},
	} {
		texts := strings.Join(svgTexts(t, f, tc.out), "|")
		for _, w := range tc.want {
			if !strings.Contains(texts, w) {
				t.Errorf("DecimalComma %v: no %q in %s", tc.out.DecimalComma, w, texts)
			}
		}
		for _, w := range tc.unwant {
			if strings.Contains(texts, w) {
				t.Errorf("DecimalComma %v: %q in %s", tc.out.DecimalComma, w, texts)
			}
		}
	}
}
