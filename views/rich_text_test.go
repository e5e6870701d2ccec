package views

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"
)

func TestRatioCellText(t *testing.T) {
	en, vi := NewLocale(English), NewLocale(Vietnamese)
	for _, tc := range []struct {
		cell             RatioCell
		textEN, textVI   string
		titleEN, titleVI string
		boundEN, boundVI string
	}{
		{RatioCell{Kind: "finite", Ratio: 0.0295, Bound: 0.384}, "0.0295", "0,0295", "", "", "0.384", "0,384"},
		{RatioCell{Kind: "finite", Ratio: 15.9, Bound: math.Inf(1)}, "15.9", "15,9", "", "", "∞", "∞"},
		{RatioCell{Kind: "inf"}, "∞", "∞", "infinite: k occurs near i but never near j", "vô cùng: k xuất hiện gần i nhưng chưa bao giờ xuất hiện gần j", "0", "0"},
		{RatioCell{Kind: "zero"}, "0", "0", "zero: k occurs near j but never near i", "bằng 0: k xuất hiện gần j nhưng chưa bao giờ xuất hiện gần i", "0", "0"},
		{RatioCell{Kind: "undefined", Ratio: math.NaN()}, "undefined", "không xác định", "undefined (0/0): k occurs near neither word", "không xác định (0/0): k không xuất hiện gần từ nào trong hai từ", "0", "0"},
	} {
		c := tc.cell
		for _, got := range []struct{ got, want string }{
			{c.RatioText(en), tc.textEN}, {c.RatioText(vi), tc.textVI},
			{c.RatioTitle(en), tc.titleEN}, {c.RatioTitle(vi), tc.titleVI},
			{c.BoundText(en), tc.boundEN}, {c.BoundText(vi), tc.boundVI},
		} {
			if got.got != got.want {
				t.Errorf("%+v: got %q, want %q", c, got.got, got.want)
			}
		}
	}
}

// TestRichT renders catalogue strings with markup arguments: words are
// escaped, components rendered in place, and a translation that moves
// its arguments moves the markup with them.
func TestRichT(t *testing.T) {
	render := func(l Locale, key string, args ...any) string {
		var b bytes.Buffer
		if err := richT(key, args...).Render(WithLocale(context.Background(), l), &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		l    Locale
		want string
	}{
		{"English", NewLocale(English), `<span class="notation" translate="no">X<sub>ik</sub></span> (count near &lt;b&gt;)`},
		{"Vietnamese", NewLocale(Vietnamese), `<span class="notation" translate="no">X<sub>ik</sub></span> (số lần gần “&lt;b&gt;”)`},
		// Each piece of catalogue text marked, the data between them not.
		{"pseudo", PseudoLocale(), `<span class="notation" translate="no">X<sub>ik</sub></span>⟦ (count near ⟧&lt;b&gt;⟦)⟧`},
	} {
		if got := render(tc.l, "ratio.table.count_near", ratioX("ik"), "<b>"); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
	// Six arguments, three of them markup, in the order each language
	// puts them.
	got := render(NewLocale(Vietnamese), "ratio.table.totals_unweighted", ratioX("i"), "1.234,5", "hàng", ratioX("j"), "7", "cột")
	for _, want := range []string{`<span class="notation" translate="no">X<sub>i</sub></span> = 1.234,5 (tổng số lần đồng xuất hiện của “hàng”`, `<span class="notation" translate="no">X<sub>j</sub></span> = 7 (của “cột”).`} {
		if !strings.Contains(got, want) {
			t.Errorf("totals: %q lacks %q", got, want)
		}
	}
}
