package spectrum

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
	"gonum.org/v1/gonum/stat"
)

func randomData(n, d int, seed uint64) []float32 {
	rng := rand.New(rand.NewPCG(seed, 11))
	out := make([]float32, n*d)
	for i := 0; i < n; i++ {
		for j := 0; j < d; j++ {
			// Columns with decreasing scale and a shared factor.
			out[i*d+j] = float32(rng.NormFloat64()/float64(j+1) + 0.5*float64(j%3)*rng.NormFloat64() + 3)
		}
	}
	return out
}

func TestCovarianceMatchesStat(t *testing.T) {
	for _, tc := range []struct{ n, d, workers int }{{2, 3, 1}, {700, 7, 2}, {1500, 20, 3}} {
		data := randomData(tc.n, tc.d, uint64(tc.n))
		got, mean, err := Covariance(context.Background(), data, tc.n, tc.d, CovOptions{Workers: tc.workers})
		if err != nil {
			t.Fatal(err)
		}
		x := mat.NewDense(tc.n, tc.d, nil)
		for i := range data {
			x.Set(i/tc.d, i%tc.d, float64(data[i]))
		}
		want := mat.NewSymDense(tc.d, nil)
		stat.CovarianceMatrix(want, x, nil)
		for i := 0; i < tc.d; i++ {
			if m := stat.Mean(mat.Col(nil, i, x), nil); math.Abs(m-mean[i]) > 1e-9*math.Max(1, math.Abs(m)) {
				t.Errorf("n=%d mean[%d]: got %v, want %v", tc.n, i, mean[i], m)
			}
			for j := 0; j < tc.d; j++ {
				if g, w := got.At(i, j), want.At(i, j); math.Abs(g-w) > 1e-10*math.Max(1, math.Abs(w)) {
					t.Errorf("n=%d C[%d,%d]: got %v, want %v", tc.n, i, j, g, w)
				}
			}
		}
	}
	if _, _, err := Covariance(context.Background(), []float32{1, 2}, 1, 2, CovOptions{}); !errors.Is(err, ErrTooFewVectors) {
		t.Errorf("one vector: got %v, want ErrTooFewVectors", err)
	}
}

func TestCovarianceEigenProperties(t *testing.T) {
	const n, d = 1000, 12
	data := randomData(n, d, 3)
	e, err := CovarianceEigen(context.Background(), data, n, d, true, CovOptions{})
	if err != nil {
		t.Fatal(err)
	}
	cov, _, _ := Covariance(context.Background(), data, n, d, CovOptions{})
	var trace float64
	for i := 0; i < d; i++ {
		trace += cov.At(i, i)
	}
	var sum float64
	for i, v := range e.Values {
		sum += v
		if i > 0 && v > e.Values[i-1] {
			t.Errorf("eigenvalues not descending at %d: %v > %v", i, v, e.Values[i-1])
		}
		if v < 0 {
			t.Errorf("negative eigenvalue %v", v)
		}
	}
	if math.Abs(sum-trace) > 1e-9*trace {
		t.Errorf("Σλ = %v, want trace %v", sum, trace)
	}
	var vtv mat.Dense
	vtv.Mul(e.Vectors.T(), e.Vectors)
	for i := 0; i < d; i++ {
		for j := 0; j < d; j++ {
			want := 0.0
			if i == j {
				want = 1
			}
			if math.Abs(vtv.At(i, j)-want) > 1e-10 {
				t.Errorf("VᵀV[%d,%d] = %v, want %v", i, j, vtv.At(i, j), want)
			}
		}
	}
	// C v_i = λ_i v_i.
	for i := 0; i < d; i++ {
		var cv mat.VecDense
		v := e.Vectors.ColView(i)
		cv.MulVec(cov, v)
		for j := 0; j < d; j++ {
			if math.Abs(cv.AtVec(j)-e.Values[i]*v.AtVec(j)) > 1e-9*e.Values[0] {
				t.Fatalf("C v_%d ≠ λ v_%d at %d", i, i, j)
			}
		}
	}
}

func TestFitPowerLaw(t *testing.T) {
	vals := make([]float64, 100)
	for r := range vals {
		vals[r] = 5 * math.Pow(float64(r+1), -1.3)
	}
	tests := []struct {
		name     string
		from, to int
	}{{"all", 0, 0}, {"middle", 10, 60}, {"minimal", 3, 5}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := FitPowerLaw(vals, tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(got.Beta-1.3) > 1e-12 || math.Abs(got.R2-1) > 1e-12 || math.Abs(got.LogC-math.Log(5)) > 1e-10 {
				t.Errorf("got β=%v R²=%v lnC=%v, want 1.3, 1, ln 5", got.Beta, got.R2, got.LogC)
			}
			for _, r := range got.Residuals {
				if math.Abs(r) > 1e-12 {
					t.Errorf("residual %v, want 0", r)
				}
			}
			if got.ExpR2 >= got.R2 {
				t.Errorf("exponential R² %v should be below the power law's %v", got.ExpR2, got.R2)
			}
		})
	}
	// An exponential spectrum is fitted better by the exponential model.
	exp := make([]float64, 50)
	for r := range exp {
		exp[r] = math.Exp(-0.2 * float64(r))
	}
	if got, _ := FitPowerLaw(exp, 5, 50); !(got.ExpR2 > got.R2) || math.Abs(got.ExpRate-0.2) > 1e-12 {
		t.Errorf("exponential data: power R² %v, exp R² %v, rate %v", got.R2, got.ExpR2, got.ExpRate)
	}
	errs := []struct {
		vals     []float64
		from, to int
		want     error
	}{
		{vals, 5, 6, ErrFitRange},
		{vals, 0, 101, ErrFitRange},
		{vals, 60, 10, ErrFitRange},
		{[]float64{1, 0.5, 0, 0.1}, 1, 4, ErrNonPositive},
		{[]float64{1, 0.5, -2, 0.1}, 1, 4, ErrNonPositive},
	}
	for _, tc := range errs {
		if _, err := FitPowerLaw(tc.vals, tc.from, tc.to); !errors.Is(err, tc.want) {
			t.Errorf("FitPowerLaw(%v, %d, %d): got %v, want %v", tc.vals[:3], tc.from, tc.to, err, tc.want)
		}
	}
}

// samplePowerLaw draws n exact discrete power-law variates with exponent
// alpha and lower bound xmin by inverting P(X ≥ x) = ζ(α,x)/ζ(α,xmin).
func samplePowerLaw(rng *rand.Rand, n int, alpha float64, xmin int64) []int64 {
	z0 := mathext.Zeta(alpha, float64(xmin))
	tail := func(x int64) float64 { return mathext.Zeta(alpha, float64(x)) / z0 }
	out := make([]int64, n)
	for i := range out {
		u := 1 - rng.Float64() // (0, 1]
		// Largest x with tail(x) ≥ u: bracket by doubling, then bisect.
		lo, hi := xmin, xmin+1
		for tail(hi) >= u {
			lo, hi = hi, 2*hi
		}
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if tail(mid) >= u {
				lo = mid
			} else {
				hi = mid
			}
		}
		out[i] = lo
	}
	return out
}

func TestFitDiscretePowerLawRecoversAlpha(t *testing.T) {
	tests := []struct {
		alpha float64
		xmin  int64
		n     int
	}{{1.7, 1, 5000}, {2.0, 1, 5000}, {2.5, 3, 3000}, {3.0, 1, 4000}}
	for _, tc := range tests {
		rng := rand.New(rand.NewPCG(uint64(tc.alpha*100), 1))
		xs := samplePowerLaw(rng, tc.n, tc.alpha, tc.xmin)
		// With the true x_min fixed.
		fixed, err := FitDiscretePowerLaw(context.Background(), xs, MLEOptions{XMin: tc.xmin})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(fixed.Alpha-tc.alpha) > 2*fixed.AlphaSE {
			t.Errorf("α=%v fixed x_min: got %.4f ± %.4f", tc.alpha, fixed.Alpha, fixed.AlphaSE)
		}
		// Clauset's SE for large n: (α−1)/sqrt(n) for the continuous case.
		if approx := (tc.alpha - 1) / math.Sqrt(float64(tc.n)); fixed.AlphaSE > 2*approx || fixed.AlphaSE < approx/3 {
			t.Errorf("α=%v: SE %v far from (α−1)/√n = %v", tc.alpha, fixed.AlphaSE, approx)
		}
		// With x_min scanned by KS.
		scan, err := FitDiscretePowerLaw(context.Background(), xs, MLEOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(scan.Alpha-tc.alpha) > 2*scan.AlphaSE {
			t.Errorf("α=%v scanned: got %.4f ± %.4f (x_min %d, n_tail %d)", tc.alpha, scan.Alpha, scan.AlphaSE, scan.XMin, scan.NTail)
		}
		if scan.KS > 0.05 || math.Abs(scan.RankExponent-1/(scan.Alpha-1)) > 1e-12 {
			t.Errorf("α=%v: KS %v, rank exponent %v", tc.alpha, scan.KS, scan.RankExponent)
		}
		t.Logf("α=%v: fixed %.4f±%.4f; scanned %.4f±%.4f x_min=%d n_tail=%d KS=%.4f", tc.alpha,
			fixed.Alpha, fixed.AlphaSE, scan.Alpha, scan.AlphaSE, scan.XMin, scan.NTail, scan.KS)
	}
	if _, err := FitDiscretePowerLaw(context.Background(), []int64{1, 2, 3}, MLEOptions{}); !errors.Is(err, ErrTooFewObservations) {
		t.Errorf("3 observations: got %v, want ErrTooFewObservations", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := FitDiscretePowerLaw(ctx, samplePowerLaw(rand.New(rand.NewPCG(1, 1)), 500, 2, 1), MLEOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

func TestZipfLeastSquares(t *testing.T) {
	counts := make([]int64, 1000)
	for r := range counts {
		counts[len(counts)-1-r] = int64(math.Round(1e6 / float64(r+1))) // shuffled order
	}
	got, err := FitZipfLeastSquares(counts)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.Slope+1) > 1e-3 || got.R2 < 0.9999 {
		t.Errorf("got slope %v R² %v, want -1, 1", got.Slope, got.R2)
	}
	freq := RankFrequency([]int64{3, 0, 7, 1})
	if want := []float64{7, 3, 1}; len(freq) != 3 || freq[0] != want[0] || freq[2] != want[2] {
		t.Errorf("RankFrequency = %v, want %v", freq, want)
	}
}

// TestFitsOfConstantValues pins analysis/linefit's policy in the fits that
// use it: equal values are an exact line (slope 0, R² = 1), never NaN.
func TestFitsOfConstantValues(t *testing.T) {
	pow, err := FitPowerLaw([]float64{2, 2, 2, 2, 2}, 0, 0)
	if err != nil || pow.Beta != 0 || pow.R2 != 1 || pow.ExpR2 != 1 || pow.ExpRate != 0 || math.Abs(pow.LogC-math.Log(2)) > 1e-15 {
		t.Errorf("FitPowerLaw of constant values = %+v, %v; want β 0, R² 1, ln C ln 2", pow, err)
	}
	zipf, err := FitZipfLeastSquares([]int64{5, 5, 5, 5})
	if err != nil || zipf.Slope != 0 || zipf.R2 != 1 {
		t.Errorf("FitZipfLeastSquares of equal counts = %+v, %v; want slope 0, R² 1", zipf, err)
	}
}
