package plot

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

// TestLegendNamesOverride checks the optional legend, note and mark text
// of the Zipf and spectrum specs: set, they replace the English defaults
// word for word; unset, the English stays (the CLI's).
func TestLegendNamesOverride(t *testing.T) {
	counts := make([]float64, 5000) // long enough to be thinned (a note)
	for i := range counts {
		counts[i] = 1e5 / float64(i+1)
	}
	mle := &ZipfMLE{Alpha: 2, AlphaSE: 0.01, XMin: 20, RankExponent: 1}
	ls := &ZipfLeastSquares{Slope: -1, R2: 1}
	upper := func(s string) string { return "<" + strings.ToUpper(s) + ">" }

	plain, err := NewZipf(ZipfSpec{Counts: counts, MLE: mle, LeastSquares: ls, Mark: &ZipfMark{Rank: 3, Label: "ice"}})
	if err != nil {
		t.Fatal(err)
	}
	d := plain.Describe()
	if len(d.Legend) != 4 || d.Legend[0] != "words" || !strings.HasPrefix(d.Legend[1], "MLE, f ≥ 20") ||
		!strings.HasPrefix(d.Legend[2], "least squares") || !strings.HasPrefix(d.Legend[3], "ice: rank 3") {
		t.Errorf("default Zipf legend %q", d.Legend)
	}
	if len(d.Notes) != 1 || !strings.HasPrefix(d.Notes[0], "ranks 1–1000 drawn one by one") {
		t.Fatalf("default Zipf notes %q", d.Notes)
	}

	named, err := NewZipf(ZipfSpec{Counts: counts, MLE: mle, LeastSquares: ls, Mark: &ZipfMark{Rank: 3, Label: "ice", Name: "nước đá: 3"},
		WordsName: "từ", MLEName: "hợp lý cực đại", LeastSquaresName: "bình phương tối thiểu", Translate: upper})
	if err != nil {
		t.Fatal(err)
	}
	d = named.Describe()
	if want := []string{"từ", "hợp lý cực đại", "bình phương tối thiểu", "nước đá: 3"}; !slices.Equal(d.Legend, want) {
		t.Errorf("named Zipf legend %q, want %q", d.Legend, want)
	}
	if want := upper(plain.Describe().Notes[0]); len(d.Notes) != 1 || d.Notes[0] != want {
		t.Errorf("translated Zipf notes %q, want %q", d.Notes, want)
	}
	var svg bytes.Buffer
	if err := named.Render(&svg, Output{Format: SVG}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(svg.String(), "&lt;NOTE:&gt;") && !strings.Contains(svg.String(), "<NOTE:>") {
		t.Error("the note label was not translated in the SVG")
	}

	fit := &PowerLawFit{Beta: 1, R2: 1, From: 1, To: 100}
	sp, err := NewSpectrum(SpectrumSpec{Values: counts[:200], Fit: fit})
	if err != nil {
		t.Fatal(err)
	}
	if d := sp.Describe(); d.Legend[0] != "singular values" || !strings.HasPrefix(d.Legend[1], "power law, ranks 1–100") {
		t.Errorf("default spectrum legend %q", d.Legend)
	}
	sp, err = NewSpectrum(SpectrumSpec{Values: append(counts[:200:200], 0), Fit: fit, ValuesName: "giá trị kỳ dị", FitName: "luật lũy thừa", Translate: upper})
	if err != nil {
		t.Fatal(err)
	}
	d = sp.Describe()
	if want := []string{"giá trị kỳ dị", "luật lũy thừa"}; !slices.Equal(d.Legend, want) {
		t.Errorf("named spectrum legend %q, want %q", d.Legend, want)
	}
	if len(d.Notes) != 1 || d.Notes[0] != "<1 NON-POSITIVE SINGULAR VALUE OMITTED (LOG AXIS)>" {
		t.Errorf("translated spectrum notes %q", d.Notes)
	}
}
