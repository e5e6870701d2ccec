package spectrum

import (
	"encoding/json"
	"math"
)

// finite is v, or 0 when v is NaN or infinite: JSON has no such numbers,
// and a fit never yields them from finite input (a constant or empty
// range is an error, not a NaN).
func finite(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// MarshalJSON writes f as {"beta","r2","from","to","log_c",
// "exponential_r2","residuals"}: the one wire shape of a power-law fit,
// in `glove spectrum -json` and the dashboard's API alike.
func (f PowerLawFit) MarshalJSON() ([]byte, error) {
	residuals := make([]float64, len(f.Residuals))
	for i, r := range f.Residuals {
		residuals[i] = finite(r)
	}
	return json.Marshal(struct {
		Beta      float64   `json:"beta"`
		R2        float64   `json:"r2"`
		From      int       `json:"from"`
		To        int       `json:"to"`
		LogC      float64   `json:"log_c"`
		ExpR2     float64   `json:"exponential_r2"`
		Residuals []float64 `json:"residuals"`
	}{finite(f.Beta), finite(f.R2), f.From, f.To, finite(f.LogC), finite(f.ExpR2), residuals})
}

// MarshalJSON writes m as {"alpha","alpha_se","x_min","n_tail","ks",
// "rank_exponent"} (`glove zipf -json`'s "mle" and the dashboard's API).
func (m PowerLawMLE) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Alpha        float64 `json:"alpha"`
		AlphaSE      float64 `json:"alpha_se"`
		XMin         int64   `json:"x_min"`
		NTail        int     `json:"n_tail"`
		KS           float64 `json:"ks"`
		RankExponent float64 `json:"rank_exponent"`
	}{finite(m.Alpha), finite(m.AlphaSE), m.XMin, m.NTail, finite(m.KS), finite(m.RankExponent)})
}

// MarshalJSON writes z as {"slope","intercept","r2","descriptive":true}:
// the least-squares line of ln f on ln r is descriptive only (Clauset,
// Shalizi & Newman 2009), which the field says wherever it is shown.
func (z ZipfLeastSquares) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Slope       float64 `json:"slope"`
		Intercept   float64 `json:"intercept"`
		R2          float64 `json:"r2"`
		Descriptive bool    `json:"descriptive"`
	}{finite(z.Slope), finite(z.Intercept), finite(z.R2), true})
}
