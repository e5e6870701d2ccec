package spectrum

import (
	"encoding/json"
	"math"
	"testing"
)

// TestFitJSON: the one wire shape of the fits, with non-finite numbers
// written as 0 (JSON has none) and the least-squares line marked
// descriptive.
func TestFitJSON(t *testing.T) {
	for _, c := range []struct {
		name string
		v    any
		want string
	}{
		{"power-law fit", PowerLawFit{Beta: 1.5, LogC: 2, R2: 0.9, From: 2, To: 5, Residuals: []float64{0.1, math.NaN()}, ExpR2: 0.5, ExpRate: 9},
			`{"beta":1.5,"r2":0.9,"from":2,"to":5,"log_c":2,"exponential_r2":0.5,"residuals":[0.1,0]}`},
		{"MLE", PowerLawMLE{Alpha: 2, AlphaSE: 0.1, XMin: 3, NTail: 40, KS: math.Inf(1), RankExponent: 1},
			`{"alpha":2,"alpha_se":0.1,"x_min":3,"n_tail":40,"ks":0,"rank_exponent":1}`},
		{"least squares", ZipfLeastSquares{Slope: -1, Intercept: 3, R2: 0.99},
			`{"slope":-1,"intercept":3,"r2":0.99,"descriptive":true}`},
	} {
		got, err := json.Marshal(c.v)
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %s, %v; want %s", c.name, got, err, c.want)
		}
	}
}
