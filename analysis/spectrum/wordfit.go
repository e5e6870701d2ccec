package spectrum

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
)

// RowFit is how a GloVe model fitted one row w of X: for each context k
// with X_wk > 0 (in the row's column order), the target ln X_wk, the
// model's Model_k = w·w̃_k + b_w + b̃_k and Dot_k = w·w̃_k, PMI_k =
// ln(X_wk·S / (X_w·X_k)) in nats, the weight Weight_k = f(X_wk) the
// objective gives it and Residual_k = Model_k − ln X_wk. All slices have
// one element per context.
//
// LogCountR is the Pearson correlation of Model with ln X and LogCountR2
// the R² of the identity Model = ln X taken literally (against y = x, no
// refitted line; it can be negative). PMIR is the correlation of Dot with
// PMI. WeightedRMS is √(Σ f·r² / Σ f), the row's share of the objective
// per unit weight. A statistic that is undefined (fewer than two
// contexts, or no spread) is NaN.
type RowFit struct {
	Cols                        []int32
	LogX, Model, Dot, PMI       []float64
	Weight, Residual            []float64
	LogCountR, LogCountR2, PMIR float64
	WeightedRMS                 float64
	WordBias, MeanContextBias   float64
	LogRowSum, LogTotal         float64
}

// FitOfRow evaluates model m on row w of x with the weighting f(x) =
// (x/xMax)^alpha (capped at 1) of the run. It returns ErrNoEntries for a
// row without a positive entry and an error wrapping
// glove.ErrInvalidOptions for a bad xMax or alpha; it panics when w or
// the matrix does not fit the model (a programmer error: check the
// vocabulary sizes first).
func FitOfRow(m *glove.Model, x *cooccur.Matrix, w int32, xMax, alpha float64) (RowFit, error) {
	if !(xMax > 0) || math.IsInf(xMax, 0) || !(alpha >= 0) || math.IsInf(alpha, 0) {
		return RowFit{}, fmt.Errorf("%w: need finite x_max > 0 and alpha ≥ 0, got %v and %v", glove.ErrInvalidOptions, xMax, alpha)
	}
	if v := m.VocabSize(); x.Dim() != v || int(w) < 0 || int(w) >= v {
		panic(fmt.Sprintf("spectrum: row %d of a %d-word matrix against a %d-word model", w, x.Dim(), v))
	}
	cols, vals := x.Row(w)
	rowSum, total := x.RowSum(w), x.Sum()
	f := RowFit{LogRowSum: math.Log(rowSum), LogTotal: math.Log(total), WordBias: m.WordBias[w]}
	wv := m.Word.RowView(int(w))
	for k, c := range cols {
		if !(vals[k] > 0) {
			continue
		}
		dot := mat.Dot(wv, m.Context.RowView(int(c)))
		model := dot + m.WordBias[w] + m.ContextBias[c]
		logX := math.Log(vals[k])
		f.Cols = append(f.Cols, c)
		f.LogX = append(f.LogX, logX)
		f.Dot = append(f.Dot, dot)
		f.Model = append(f.Model, model)
		f.PMI = append(f.PMI, logX+f.LogTotal-f.LogRowSum-math.Log(x.ColSum(c)))
		f.Weight = append(f.Weight, glove.Weight(vals[k], xMax, alpha))
		f.Residual = append(f.Residual, model-logX)
		f.MeanContextBias += m.ContextBias[c]
	}
	n := len(f.Cols)
	if n == 0 {
		return RowFit{}, ErrNoEntries
	}
	f.MeanContextBias /= float64(n)
	f.LogCountR, f.LogCountR2, f.PMIR = math.NaN(), math.NaN(), math.NaN()
	if n >= 2 {
		f.LogCountR = stat.Correlation(f.Model, f.LogX, nil)
		f.PMIR = stat.Correlation(f.Dot, f.PMI, nil)
		mean := stat.Mean(f.LogX, nil)
		var sse, sst float64
		for i, y := range f.LogX {
			sse += f.Residual[i] * f.Residual[i]
			sst += (y - mean) * (y - mean)
		}
		if sst > 0 {
			f.LogCountR2 = 1 - sse/sst
		}
	}
	var num, den float64
	for i, r := range f.Residual {
		num += f.Weight[i] * r * r
		den += f.Weight[i]
	}
	f.WeightedRMS = math.NaN()
	if den > 0 {
		f.WeightedRMS = math.Sqrt(num / den)
	}
	return f, nil
}
