package plot

import (
	"slices"
	"testing"
)

// TestScatterGroupLabels: the legend names groups by GroupLabels, the
// unnamed group by NoGroup and highlighted groups with Highlighted; a
// spec without them keeps the English defaults (the CLI's).
func TestScatterGroupLabels(t *testing.T) {
	pts := []MapPoint{
		{Word: "hanoi", X: 0, Y: 0, Group: "capital"},
		{Word: "vietnam", X: 1, Y: 1, Group: "country"},
		{Word: "xyz", X: 2, Y: 0, Group: ""},
		{Word: "king", X: 0, Y: 2, Group: "query"},
	}
	for _, tc := range []struct {
		name string
		spec ScatterSpec
		want []string
	}{
		{"defaults", ScatterSpec{Points: pts, Method: "pca", Highlight: []string{"query"}},
			[]string{"capital", "country", "(no group)", "query (highlighted)"}},
		{"translated", ScatterSpec{Points: pts, Method: "pca", Highlight: []string{"query"},
			GroupLabels: map[string]string{"capital": "thủ đô", "query": "từ được hỏi"},
			NoGroup:     "(không thuộc nhóm nào)", Highlighted: "%s (tô đậm)"},
			[]string{"thủ đô", "country", "(không thuộc nhóm nào)", "từ được hỏi (tô đậm)"}},
	} {
		f, err := NewScatter(tc.spec)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := f.Describe().Legend; !slices.Equal(got, tc.want) {
			t.Errorf("%s: legend %q, want %q", tc.name, got, tc.want)
		}
	}
}
