package views

import "testing"

func TestPhrasesShown(t *testing.T) {
	rows := make([]PhraseRow, 3)
	en, vi := NewLocale(English), NewLocale(Vietnamese)
	for _, tt := range []struct {
		v              PhrasesView
		wantEN, wantVI string
	}{
		{PhrasesView{Matched: 0}, "", ""},
		{PhrasesView{Matched: 3, Rows: rows}, "Showing all 3, best first (by score, then count).",
			"Hiển thị cả 3 cụm từ, xếp theo điểm rồi theo số lần."},
		{PhrasesView{Matched: 1514, Rows: rows}, "Showing the best 3 of 1,514, best first (by score, then count).",
			"Hiển thị 3 cụm từ tốt nhất trong số 1.514, xếp theo điểm rồi theo số lần."},
	} {
		if got := tt.v.Shown(en); got != tt.wantEN {
			t.Errorf("Shown(en) = %q, want %q", got, tt.wantEN)
		}
		if got := tt.v.Shown(vi); got != tt.wantVI {
			t.Errorf("Shown(vi) = %q, want %q", got, tt.wantVI)
		}
	}
}
