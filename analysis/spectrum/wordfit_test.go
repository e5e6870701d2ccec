package spectrum_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
)

// TestFitOfRowHandComputed checks row a of the word page's tiny matrix
// (X_aa = 5, X_ab = 15, X_ac = 5; X_b = 17.5, X_c = 7.5; S = 50) under a
// one-dimensional model w_a = 2, w̃ = (0.5, 1, −1), b_a = 0.25,
// b̃ = (0.1, 0.2, 0.3), x_max = 10, α = 0.5, every number worked out
// from the definitions.
func TestFitOfRowHandComputed(t *testing.T) {
	t.Parallel()
	x, err := cooccur.NewMatrix(3, []cooccur.Entry{
		{Row: 0, Col: 0, Value: 5}, {Row: 0, Col: 1, Value: 15}, {Row: 0, Col: 2, Value: 5},
		{Row: 1, Col: 0, Value: 15}, {Row: 1, Col: 2, Value: 2.5},
		{Row: 2, Col: 0, Value: 5}, {Row: 2, Col: 1, Value: 2.5},
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	m := &glove.Model{Word: mat.NewDense(3, 1, []float64{2, 0, 0}), Context: mat.NewDense(3, 1, []float64{0.5, 1, -1}),
		WordBias: []float64{0.25, 0, 0}, ContextBias: []float64{0.1, 0.2, 0.3}}
	got, err := spectrum.FitOfRow(m, x, 0, 10, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	// dots 1, 2, −2; model 1.35, 2.45, −1.45; ln X = ln 5, ln 15, ln 5;
	// PMI = ln(X·50/(25·X_k)) with X_k = 25, 17.5, 7.5;
	// f = √0.5, 1, √0.5.
	wantDot := []float64{1, 2, -2}
	wantModel := []float64{1.35, 2.45, -1.45}
	wantLogX := []float64{math.Log(5), math.Log(15), math.Log(5)}
	wantPMI := []float64{math.Log(5 * 50 / (25 * 25.0)), math.Log(15 * 50 / (25 * 17.5)), math.Log(5 * 50 / (25 * 7.5))}
	wantW := []float64{math.Sqrt(0.5), 1, math.Sqrt(0.5)}
	for k := range 3 {
		for _, c := range []struct {
			name      string
			got, want float64
		}{{"dot", got.Dot[k], wantDot[k]}, {"model", got.Model[k], wantModel[k]}, {"log X", got.LogX[k], wantLogX[k]},
			{"PMI", got.PMI[k], wantPMI[k]}, {"f", got.Weight[k], wantW[k]}, {"residual", got.Residual[k], wantModel[k] - wantLogX[k]}} {
			if math.Abs(c.got-c.want) > 1e-12 {
				t.Errorf("context %d %s = %v, want %v", k, c.name, c.got, c.want)
			}
		}
	}
	// Pearson r by hand: centre, then Σxy/√(Σx²Σy²).
	pearson := func(a, b []float64) float64 {
		var ma, mb float64
		for i := range a {
			ma += a[i] / float64(len(a))
			mb += b[i] / float64(len(b))
		}
		var sab, saa, sbb float64
		for i := range a {
			sab += (a[i] - ma) * (b[i] - mb)
			saa += (a[i] - ma) * (a[i] - ma)
			sbb += (b[i] - mb) * (b[i] - mb)
		}
		return sab / math.Sqrt(saa*sbb)
	}
	var sse, sst, num, den float64
	meanLogX := (wantLogX[0] + wantLogX[1] + wantLogX[2]) / 3
	for k := range 3 {
		r := wantModel[k] - wantLogX[k]
		sse += r * r
		sst += (wantLogX[k] - meanLogX) * (wantLogX[k] - meanLogX)
		num += wantW[k] * r * r
		den += wantW[k]
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"r(model, ln X)", got.LogCountR, pearson(wantModel, wantLogX)}, {"R² against y = x", got.LogCountR2, 1 - sse/sst},
		{"r(dot, PMI)", got.PMIR, pearson(wantDot, wantPMI)}, {"weighted RMS", got.WeightedRMS, math.Sqrt(num / den)},
		{"mean b̃", got.MeanContextBias, 0.2}, {"ln X_w", got.LogRowSum, math.Log(25)}, {"ln S", got.LogTotal, math.Log(50)}} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if _, err := spectrum.FitOfRow(m, x, 0, 0, 0.5); !errors.Is(err, glove.ErrInvalidOptions) {
		t.Errorf("x_max 0: %v", err)
	}
}
