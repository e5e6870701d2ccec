package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestZipfJSONShape(t *testing.T) {
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove zipf on brown-ci")
	var stdout, stderr bytes.Buffer
	if err := runZipf(context.Background(), []string{"-corpus", brown, "-json"}, &stdout, &stderr); err != nil {
		t.Fatalf("zipf: %v (stderr %q)", err, stderr.String())
	}
	// The wire shape, written out here so that the test checks it rather
	// than the types that produce it.
	var out struct {
		Tokens int64 `json:"tokens"`
		Types  int   `json:"types"`
		MLE    struct {
			Alpha        float64 `json:"alpha"`
			AlphaSE      float64 `json:"alpha_se"`
			XMin         int64   `json:"x_min"`
			NTail        int     `json:"n_tail"`
			KS           float64 `json:"ks"`
			RankExponent float64 `json:"rank_exponent"`
		} `json:"mle"`
		LeastSquares struct {
			Slope       float64 `json:"slope"`
			Intercept   float64 `json:"intercept"`
			R2          float64 `json:"r2"`
			Descriptive bool    `json:"descriptive"`
		} `json:"least_squares"`
		Counts []int64 `json:"counts"`
	}
	dec := json.NewDecoder(&stdout)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		t.Fatal(err)
	}
	m := out.MLE
	if !(m.Alpha > 1.5 && m.Alpha < 3) || !(m.AlphaSE > 0 && m.AlphaSE < 0.1) || m.XMin < 1 || m.NTail < 50 || !(m.KS < 0.05) {
		t.Errorf("mle %+v", m)
	}
	if diff := m.RankExponent - 1/(m.Alpha-1); diff > 1e-12 || diff < -1e-12 {
		t.Errorf("rank exponent %v, want 1/(α−1) = %v", m.RankExponent, 1/(m.Alpha-1))
	}
	if !(out.LeastSquares.Slope < 0) || !(out.LeastSquares.R2 > 0.9) || !out.LeastSquares.Descriptive {
		t.Errorf("least squares %+v", out.LeastSquares)
	}
	if len(out.Counts) != out.Types || out.Counts[0] < out.Counts[len(out.Counts)-1] || out.Tokens <= int64(out.Types) {
		t.Errorf("%d counts for %d types, %d tokens", len(out.Counts), out.Types, out.Tokens)
	}
}

func TestZipfTableAndErrors(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := runZipf(context.Background(), []string{}, &stdout, &stderr); !errors.Is(err, errUsage) {
		t.Errorf("no -corpus: got %v, want a usage error", err)
	}
	brown := testkit.Shared(t, "corpora/brown-ci.txt", "checks glove zipf on brown-ci")
	stdout.Reset()
	if err := runZipf(context.Background(), []string{"-corpus", brown}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout.String(), "alpha =") || !strings.Contains(stdout.String(), "descriptive") {
		t.Errorf("table output %q", stdout.String())
	}
}
