package project

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"testing"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

// blobs returns clusters × per Gaussian clusters in d dimensions (unit
// spread, centres 8 apart on random axes) and each point's cluster.
func blobs(seed uint64, clusters, per, d int) ([]float32, []int) {
	rng := rand.New(rand.NewPCG(seed, 9))
	data := make([]float32, clusters*per*d)
	labels := make([]int, clusters*per)
	for c := 0; c < clusters; c++ {
		centre := make([]float64, d)
		for k := range centre {
			centre[k] = 8 * rng.NormFloat64() / math.Sqrt(float64(d)) * 3
		}
		for p := 0; p < per; p++ {
			i := c*per + p
			labels[i] = c
			for k := 0; k < d; k++ {
				data[i*d+k] = float32(centre[k] + rng.NormFloat64())
			}
		}
	}
	return data, labels
}

// neighbourAccuracy is the share of points whose k nearest map neighbours
// are mostly of their own label.
func neighbourAccuracy(points []float64, labels []int, k int) float64 {
	n := len(labels)
	good := 0
	dist := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			dx, dy := points[2*i]-points[2*j], points[2*i+1]-points[2*j+1]
			dist[j] = dx*dx + dy*dy
		}
		same := 0
		for _, j := range kSmallest(dist, i, k, nil) {
			if labels[j] == labels[i] {
				same++
			}
		}
		if 2*same > k {
			good++
		}
	}
	return float64(good) / float64(n)
}

func TestUMAPSeparatesClustersAndIsReproducible(t *testing.T) {
	const n, d = 500, 20
	data, labels := blobs(1, 5, 100, d)
	m, err := Project(context.Background(), data, n, d, MethodUMAP, Options{UMAP: UMAPOptions{Seed: 42}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Engine != "umap-spectral" {
		t.Errorf("engine %q, want umap-spectral", m.Engine)
	}
	if acc := neighbourAccuracy(m.Points, labels, 5); acc < 0.98 {
		t.Errorf("5-NN label accuracy %.3f, want ≥ 0.98", acc)
	}
	if m.Trust.Value < 0.9 {
		t.Errorf("trustworthiness %.4f, want ≥ 0.9", m.Trust.Value)
	}
	for _, v := range m.Points {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatal("non-finite coordinate")
		}
	}
	again, err := UMAP(context.Background(), data, n, d, UMAPOptions{Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	for i := range again.Points {
		if again.Points[i] != m.Points[i] {
			t.Fatalf("same seed, coordinate %d differs: %v vs %v", i, again.Points[i], m.Points[i])
		}
	}
	other, err := UMAP(context.Background(), data, n, d, UMAPOptions{Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	same := true
	for i := range other.Points {
		same = same && other.Points[i] == m.Points[i]
	}
	if same {
		t.Error("another seed gave the identical map")
	}
	t.Logf("UMAP of 5 blobs: trust %.4f, a %.4f, b %.4f", m.Trust.Value, again.A, again.B)
}

// TestUMAPMinDist: a smaller min-dist packs clusters more tightly: the
// mean distance to the nearest map neighbour shrinks.
func TestUMAPMinDist(t *testing.T) {
	const n, d = 300, 10
	data, _ := blobs(2, 3, 100, d)
	nearest := func(minDist float64) float64 {
		r, err := UMAP(context.Background(), data, n, d, UMAPOptions{MinDist: minDist, Seed: 1, Epochs: 200})
		if err != nil {
			t.Fatal(err)
		}
		var sum float64
		dist := make([]float64, n)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				dx, dy := r.Points[2*i]-r.Points[2*j], r.Points[2*i+1]-r.Points[2*j+1]
				dist[j] = math.Sqrt(dx*dx + dy*dy)
			}
			sum += dist[kSmallest(dist, i, 1, nil)[0]]
		}
		return sum / n
	}
	tight, loose := nearest(0.001), nearest(0.8)
	if !(tight < loose/2) {
		t.Errorf("mean nearest-neighbour distance %.4f at min-dist 0.001, %.4f at 0.8: want the first well below", tight, loose)
	}
}

func TestSmoothDistances(t *testing.T) {
	for _, row := range [][]float64{{1, 2, 3, 4, 5}, {0.5, 0.5, 0.6, 3}, {2, 2, 2, 2}, {0, 1, 1.5, 9}} {
		target := math.Log2(float64(len(row) + 1))
		rho, sigma := smoothDistances(row, target, 1)
		var sum float64
		for _, v := range row {
			sum += math.Exp(-math.Max(0, v-rho) / sigma)
		}
		if rho != firstPositive(row) {
			t.Errorf("%v: ρ = %g, want %g", row, rho, firstPositive(row))
		}
		// Rows whose distances all equal ρ sum to len(row) whatever σ is.
		if allEqual(row) {
			continue
		}
		if math.Abs(sum-target) > 1e-4 {
			t.Errorf("%v: Σ exp(−(d−ρ)/σ) = %.6f with σ = %g, want %.6f", row, sum, sigma, target)
		}
	}
}

func firstPositive(row []float64) float64 {
	for _, v := range row {
		if v > 0 {
			return v
		}
	}
	return 0
}

func allEqual(row []float64) bool {
	for _, v := range row {
		if v != row[0] {
			return false
		}
	}
	return true
}

func TestFuzzyGraphIsSymmetricUnion(t *testing.T) {
	data, _ := blobs(3, 2, 30, 4)
	opt, err := UMAPOptions{Neighbors: 6}.withDefaults(60)
	if err != nil {
		t.Fatal(err)
	}
	p, err := fuzzyGraph(context.Background(), data, 60, 4, opt)
	if err != nil {
		t.Fatal(err)
	}
	at := func(i, j int) float64 {
		for e := p.RowPtr[i]; e < p.RowPtr[i+1]; e++ {
			if int(p.ColIdx[e]) == j {
				return p.Vals[e]
			}
		}
		return 0
	}
	for i := 0; i < 60; i++ {
		if at(i, i) != 0 {
			t.Errorf("self loop at %d", i)
		}
		for e := p.RowPtr[i]; e < p.RowPtr[i+1]; e++ {
			j, v := int(p.ColIdx[e]), p.Vals[e]
			if !(v > 0 && v <= 1+1e-12) {
				t.Errorf("p[%d][%d] = %g outside (0, 1]", i, j, v)
			}
			if math.Abs(at(j, i)-v) > 1e-12 {
				t.Errorf("p[%d][%d] = %g but p[%d][%d] = %g", i, j, v, j, i, at(j, i))
			}
		}
	}
}

// TestFitCurve: the fitted a, b match umap-learn's find_ab_params, which
// is SciPy's curve_fit on the same 300 points; computed live with
// /usr/bin/python3 when SciPy is there, and against the published
// defaults (a = 1.577, b = 0.8951 for min-dist 0.1) always.
func TestFitCurve(t *testing.T) {
	a, b := fitCurve(0.1, 1)
	if math.Abs(a-1.5769) > 2e-3 || math.Abs(b-0.8951) > 2e-3 {
		t.Errorf("fitCurve(0.1, 1) = %.5f, %.5f; want about 1.5769, 0.8951", a, b)
	}
	py := testkit.Python(t, "compares the fitted a, b with SciPy's curve_fit", "numpy", "scipy")
	const script = `
import json, sys, numpy as np
from scipy.optimize import curve_fit
out = []
for md, sp in json.loads(sys.argv[1]):
    x = np.linspace(0, sp * 3, 300)
    y = np.where(x < md, 1.0, np.exp(-(x - md) / sp))
    (a, b), _ = curve_fit(lambda x, a, b: 1.0 / (1.0 + a * x ** (2 * b)), x, y)
    out.append([a, b])
print(json.dumps(out))
`
	cases := [][2]float64{{0.1, 1}, {0.001, 1}, {0.5, 1}, {0.25, 2}, {0.9, 1}}
	arg, _ := json.Marshal(cases)
	out, err := exec.Command(py, "-c", script, string(arg)).Output()
	if err != nil {
		t.Fatal(err)
	}
	var want [][2]float64
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		a, b := fitCurve(c[0], c[1])
		if math.Abs(a-want[i][0]) > 1e-4*want[i][0] || math.Abs(b-want[i][1]) > 1e-4*want[i][1] {
			t.Errorf("min-dist %g spread %g: a, b = %.6f, %.6f; SciPy %.6f, %.6f", c[0], c[1], a, b, want[i][0], want[i][1])
		}
	}
}

func TestUMAPBadOptions(t *testing.T) {
	data, _ := blobs(4, 2, 10, 3)
	for _, c := range []struct {
		opt  UMAPOptions
		want error
	}{
		{UMAPOptions{Neighbors: 1}, ErrBadUMAPOptions},
		{UMAPOptions{Neighbors: 21}, ErrBadUMAPOptions},
		{UMAPOptions{MinDist: 2}, ErrBadUMAPOptions},
		{UMAPOptions{MinDist: math.NaN()}, ErrBadUMAPOptions},
		{UMAPOptions{Spread: -1}, ErrBadUMAPOptions},
		{UMAPOptions{Epochs: -5}, ErrBadUMAPOptions},
	} {
		if _, err := UMAP(context.Background(), data, 20, 3, c.opt); !errors.Is(err, c.want) {
			t.Errorf("%+v: err = %v, want %v", c.opt, err, c.want)
		}
	}
	if _, err := UMAP(context.Background(), data[:9], 3, 3, UMAPOptions{}); !errors.Is(err, ErrTooFewPoints) {
		t.Errorf("3 points: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := UMAP(ctx, data, 20, 3, UMAPOptions{Neighbors: 5}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func ExampleUMAP() {
	data, _ := blobs(5, 3, 40, 8)
	r, _ := UMAP(context.Background(), data, 120, 8, UMAPOptions{Seed: 7, Epochs: 100})
	fmt.Println(len(r.Points)/2, "points, init", r.Init)
	// Output: 120 points, init spectral
}
