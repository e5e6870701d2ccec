package plot

import (
	"strconv"
	"strings"
	"testing"
)

// TestFidelityText: a FidelityText replaces the English of the title's
// R², the legend and the thinning note, with numbers written by its
// Number; the zero value keeps the English.
func TestFidelityText(t *testing.T) {
	n := 2*maxFidelityPoints + 1 // thinned with stride 3
	x, y, sizes := make([]float64, n), make([]float64, n), make([]float64, n)
	for i := range x {
		x[i], y[i], sizes[i] = float64(i), float64(i)+0.5, 0.5
	}
	r2 := 0.25
	comma := func(v float64, d int) string {
		return strings.Replace(strconv.FormatFloat(v, 'f', d, 64), ".", ",", 1)
	}
	tests := []struct {
		name                      string
		text                      FidelityText
		title, legend, thinnedOut string
	}{
		{"English", FidelityText{}, "Fit — R² = 0.250", "40001 points", "showing every 3rd point (13334 of 40001); R² and the line use all points"},
		{"Vietnamese", FidelityText{Points: "%s điểm", SizedBy: ", kích thước theo %s", R2: " — R² = %s",
			Thinned: "vẽ một trong mỗi %s điểm (%s trên %s)", Number: comma},
			"Fit — R² = 0,250", "40001 điểm", "vẽ một trong mỗi 3 điểm (13334 trên 40001)"},
	}
	for _, tc := range tests {
		f, err := NewFidelity(FidelitySpec{X: x, Y: y, Sizes: sizes, SizeLabel: "f", Reference: Identity, R2: &r2, Title: "Fit", Text: tc.text})
		if err != nil {
			t.Fatal(err)
		}
		d := f.Describe()
		if d.Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.name, d.Title, tc.title)
		}
		if len(d.Legend) == 0 || d.Legend[0] != tc.legend {
			t.Errorf("%s: legend %q, want %q first", tc.name, d.Legend, tc.legend)
		}
		if notes := f.Notes(); len(notes) != 1 || notes[0] != tc.thinnedOut {
			t.Errorf("%s: notes %q, want %q", tc.name, notes, tc.thinnedOut)
		}
	}
	// Sized points name their size in the legend, in the text's words.
	small := FidelitySpec{X: x[:3], Y: y[:3], Sizes: sizes[:3], SizeLabel: "f(X_wk)", Text: tests[1].text}
	f, err := NewFidelity(small)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Describe().Legend[0], "3 điểm, kích thước theo f(X_wk)"; got != want {
		t.Errorf("sized legend %q, want %q", got, want)
	}
}
