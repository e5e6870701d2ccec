package project

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"testing"

	"go.uber.org/goleak"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

type sklearnExpected struct {
	Version                string      `json:"sklearn_version"`
	PCARows                int         `json:"pca_rows"`
	ExplainedVariance      []float64   `json:"explained_variance"`
	ExplainedVarianceRatio []float64   `json:"explained_variance_ratio"`
	FirstScoresAbs         [][]float64 `json:"first_scores_abs"`
	TrustRows              int         `json:"trust_rows"`
	TrustK10               float64     `json:"trustworthiness_first2_k10"`
	TrustK5                float64     `json:"trustworthiness_first2_k5"`
}

func readExpected(t *testing.T) sklearnExpected {
	t.Helper()
	b, err := os.ReadFile("testdata/sklearn_expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var e sklearnExpected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestPCAMatchesSklearn compares with testdata/sklearn_expected.json,
// written by testdata/sklearn_reference.py.
func TestPCAMatchesSklearn(t *testing.T) {
	want := readExpected(t)
	g := loadGlove(t, want.PCARows)
	n := len(g.words)
	res, err := PCA(context.Background(), g.data, n, g.dim, PCAOptions{Components: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.ExplainedVariance) != len(want.ExplainedVariance) {
		t.Fatalf("got %d variances, want %d", len(res.ExplainedVariance), len(want.ExplainedVariance))
	}
	for i, w := range want.ExplainedVariance {
		if got := res.ExplainedVariance[i]; math.Abs(got-w) > 1e-6*w {
			t.Errorf("variance %d: got %.12g, want %.12g (sklearn %s)", i, got, w, want.Version)
		}
		if got, w := res.ExplainedVarianceRatio[i], want.ExplainedVarianceRatio[i]; math.Abs(got-w) > 1e-6*w {
			t.Errorf("ratio %d: got %.12g, want %.12g", i, got, w)
		}
	}
	for i, row := range want.FirstScoresAbs {
		for c, w := range row {
			if got := math.Abs(res.Points[i*2+c]); math.Abs(got-w) > 1e-5*math.Max(1, w) {
				t.Errorf("|score[%d][%d]| = %.8g, want %.8g", i, c, got, w)
			}
		}
	}
}

func TestPCAProperties(t *testing.T) {
	const n, d = 400, 6
	data := make([]float32, n*d)
	for i := 0; i < n; i++ {
		s := float64(i)/n - 0.5
		for j := 0; j < d; j++ {
			data[i*d+j] = float32(float64(j+1)*s + 0.01*math.Sin(float64(i*(j+3))))
		}
	}
	res, err := PCA(context.Background(), data, n, d, PCAOptions{Components: 3, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	// Nearly rank one: the first ratio dominates; ratios sum to 1 and descend.
	var sum float64
	for i, r := range res.ExplainedVarianceRatio {
		sum += r
		if i > 0 && r > res.ExplainedVarianceRatio[i-1] {
			t.Errorf("ratios not descending at %d", i)
		}
	}
	if math.Abs(sum-1) > 1e-12 || res.ExplainedVarianceRatio[0] < 0.99 {
		t.Errorf("ratios sum %v, first %v", sum, res.ExplainedVarianceRatio[0])
	}
	// Loadings orthonormal, and the largest loading of each axis positive.
	c := res.Components
	for a := 0; a < c; a++ {
		big := 0.0
		for b := 0; b < c; b++ {
			var dot float64
			for j := 0; j < d; j++ {
				dot += res.Loadings[j*c+a] * res.Loadings[j*c+b]
			}
			want := 0.0
			if a == b {
				want = 1
			}
			if math.Abs(dot-want) > 1e-12 {
				t.Errorf("loading %d·%d = %v, want %v", a, b, dot, want)
			}
		}
		for j := 0; j < d; j++ {
			if v := res.Loadings[j*c+a]; math.Abs(v) > math.Abs(big) {
				big = v
			}
		}
		if big < 0 {
			t.Errorf("axis %d: largest loading %v is negative", a, big)
		}
	}
	// Scores have zero mean and the explained variances.
	for a := 0; a < c; a++ {
		var m, v float64
		for i := 0; i < n; i++ {
			m += res.Points[i*c+a]
		}
		m /= n
		for i := 0; i < n; i++ {
			v += (res.Points[i*c+a] - m) * (res.Points[i*c+a] - m)
		}
		v /= n - 1
		if math.Abs(m) > 1e-9 || math.Abs(v-res.ExplainedVariance[a]) > 1e-9*math.Max(1, v) {
			t.Errorf("axis %d: score mean %v, variance %v vs eigenvalue %v", a, m, v, res.ExplainedVariance[a])
		}
	}
}
