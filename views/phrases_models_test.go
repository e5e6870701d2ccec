package views

import "testing"

func TestPhrasesShown(t *testing.T) {
	rows := make([]PhraseRow, 3)
	for _, tt := range []struct {
		v    PhrasesView
		want string
	}{
		{PhrasesView{Matched: 0}, ""},
		{PhrasesView{Matched: 3, Rows: rows}, "all 3"},
		{PhrasesView{Matched: 1514, Rows: rows}, "the best 3 of 1,514"},
	} {
		if got := tt.v.Shown(); got != tt.want {
			t.Errorf("Shown() = %q, want %q", got, tt.want)
		}
	}
}
