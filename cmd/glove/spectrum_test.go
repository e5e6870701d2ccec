package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// spectrumOut is the wire shape of glove spectrum -json (and of the
// dashboard's spectrum API), written out here so that the tests check it
// rather than the types that produce it.
type spectrumOut struct {
	Matrix         string    `json:"matrix"`
	Solver         string    `json:"solver"`
	N              int       `json:"n"`
	NNZ            int       `json:"nnz"`
	Eigenvalues    []float64 `json:"eigenvalues"`
	SingularValues []float64 `json:"singular_values"`
	Fit            *struct {
		Beta      float64   `json:"beta"`
		R2        float64   `json:"r2"`
		From      int       `json:"from"`
		To        int       `json:"to"`
		LogC      float64   `json:"log_c"`
		ExpR2     float64   `json:"exponential_r2"`
		Residuals []float64 `json:"residuals"`
	} `json:"fit"`
}

func runSpectrumJSON(t *testing.T, args ...string) spectrumOut {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := runSpectrum(context.Background(), append(args, "-json"), &stdout, &stderr); err != nil {
		t.Fatalf("spectrum %v: %v (stderr %q)", args, err, stderr.String())
	}
	var out spectrumOut
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatalf("decoding %q: %v", stdout.String(), err)
	}
	return out
}

func TestSpectrumJSONShape(t *testing.T) {
	vec := testkit.Shipped(t, testkit.DemoVectors)
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove spectrum on brown-ci")
	t.Run("covariance of vectors", func(t *testing.T) {
		out := runSpectrumJSON(t, "-vectors", vec, "-fit-from", "2", "-fit-to", "40")
		if out.Matrix != "covariance" || len(out.Eigenvalues) != 50 || out.SingularValues != nil || out.N != 4197 {
			t.Fatalf("got matrix %q n %d, %d eigenvalues, %d singular values", out.Matrix, out.N, len(out.Eigenvalues), len(out.SingularValues))
		}
		for i := 1; i < len(out.Eigenvalues); i++ {
			if out.Eigenvalues[i] > out.Eigenvalues[i-1] {
				t.Errorf("eigenvalues not descending at %d", i)
			}
		}
		if f := out.Fit; f == nil || f.From != 2 || f.To != 40 || !(f.Beta > 0) || !(f.R2 > 0.5) || len(f.Residuals) != 39 {
			t.Errorf("fit %+v", out.Fit)
		}
	})
	for _, m := range []string{"counts", "log", "ppmi"} {
		t.Run(m+" of brown", func(t *testing.T) {
			out := runSpectrumJSON(t, "-corpus", brown, "-matrix", m, "-top-n", "400", "-k", "20", "-fit-from", "3", "-fit-to", "20")
			if out.Matrix != m || out.N != 400 || len(out.SingularValues) != 20 || out.Eigenvalues != nil || out.NNZ == 0 {
				t.Fatalf("got matrix %q n %d nnz %d, %d singular values", out.Matrix, out.N, out.NNZ, len(out.SingularValues))
			}
			if f := out.Fit; f == nil || f.From != 3 || f.To != 20 || !(f.Beta > 0) {
				t.Errorf("fit %+v", out.Fit)
			}
			if out.Solver != "lanczos" {
				t.Errorf("solver %q, want the default lanczos", out.Solver)
			}
		})
	}
	t.Run("the two solvers agree", func(t *testing.T) {
		lz := runSpectrumJSON(t, "-corpus", brown, "-top-n", "400", "-k", "20")
		rs := runSpectrumJSON(t, "-corpus", brown, "-top-n", "400", "-k", "20", "-solver", "randomized", "-oversample", "100", "-power-iters", "12")
		if rs.Solver != "randomized" || len(rs.SingularValues) != 20 {
			t.Fatalf("randomized: solver %q, %d values", rs.Solver, len(rs.SingularValues))
		}
		const tol = 1e-6
		for i := range lz.SingularValues {
			got, want := rs.SingularValues[i], lz.SingularValues[i]
			if math.Abs(got-want) > tol*want {
				t.Errorf("σ_%d: randomized %.10g, lanczos %.10g", i+1, got, want)
			}
		}
	})
}

func TestSpectrumErrors(t *testing.T) {
	vec := testkit.Shipped(t, testkit.DemoVectors)
	for _, args := range [][]string{{}, {"-vectors", vec, "-corpus", "x"}, {"-corpus", "x", "-matrix", "pmi"}} {
		var stdout, stderr bytes.Buffer
		if err := runSpectrum(context.Background(), args, &stdout, &stderr); !errors.Is(err, errUsage) {
			t.Errorf("spectrum %v: got %v, want a usage error", args, err)
		}
	}
	var stdout, stderr bytes.Buffer
	if err := runSpectrum(context.Background(), []string{"-vectors", vec, "-fit-from", "5", "-fit-to", "6"}, &stdout, &stderr); err == nil {
		t.Errorf("two-rank fit: no error")
	}
}
