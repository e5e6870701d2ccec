package plot

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// wordMap returns n points in a few clusters, words "w0", "w1", … with
// some longer words mixed in, groups "g0".."g{groups-1}".
func wordMap(n, groups int, seed uint64) []MapPoint {
	rng := rand.New(rand.NewPCG(seed, 1))
	pts := make([]MapPoint, n)
	for i := range pts {
		g := i % groups
		cx, cy := 6*math.Cos(float64(g)), 6*math.Sin(float64(g))
		word := fmt.Sprintf("w%d", i)
		if i%7 == 0 {
			word = fmt.Sprintf("longer-word-%d", i)
		}
		pts[i] = MapPoint{Word: word, X: cx + rng.NormFloat64()*1.5, Y: cy + rng.NormFloat64()*1.5, Group: fmt.Sprintf("g%d", g)}
	}
	return pts
}

func zipfCounts(n int) []float64 {
	c := make([]float64, n)
	for r := range c {
		c[r] = math.Floor(1e5 / math.Pow(float64(r+1), 1.05))
	}
	return c
}

func ptr(v float64) *float64 { return &v }

// sampleFigures builds one figure of each kind from realistic data.
func sampleFigures(t testing.TB) map[string]*Figure {
	t.Helper()
	must := func(f *Figure, err error) *Figure {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	out := map[string]*Figure{}
	ice := []MapPoint{
		{"ice", 1, 2, "solid"}, {"steam", 4, 3, "gas"}, {"water", 2.5, 2.5, "liquid"},
		{"solid", 0.5, 1.5, "solid"}, {"gas", 4.5, 3.5, "gas"}, {"fashion", -2, 5, "other"},
		{"<script>alert(1)</script>", 3, 0, "other"}, {"R&D", 3.2, 0.2, "other"},
		{"שלום", -1, 0, "other"}, {"supercalifragilisticexpialidocious-and-more", 0, 4, "other"},
	}
	out["scatter-small"] = must(NewScatter(ScatterSpec{Points: ice, Method: "pca", Engine: "gonum PCA",
		ExplainedVariance: []float64{0.31, 0.12}, Trustworthiness: ptr(0.913), Highlight: []string{"solid"}, EqualAspect: true}))
	out["scatter-2000"] = must(NewScatter(ScatterSpec{Points: wordMap(2000, 6, 1), Method: "tsne", Engine: "go-tsne",
		Trustworthiness: ptr(0.87), Highlight: []string{"g2"}}))
	runs := []Series{}
	for k, lr := range []float64{0.05, 0.1, 0.2} {
		var y []float64
		for e := 0; e < 25; e++ {
			y = append(y, 0.02+0.5*math.Exp(-lr*float64(e))*(1+0.1*float64(k)))
		}
		runs = append(runs, Series{Name: fmt.Sprintf("lr%.2f.csv", lr), Y: y})
	}
	out["loss"] = must(NewLoss(LossSpec{Runs: runs}))
	out["loss-log"] = must(NewLoss(LossSpec{Runs: runs, LogY: true}))
	sv := make([]float64, 500)
	for r := range sv {
		sv[r] = 300 * math.Pow(float64(r+1), -0.7) * (1 + 0.05*math.Sin(float64(r)))
	}
	out["spectrum"] = must(NewSpectrum(SpectrumSpec{Values: sv, Matrix: "PPMI", Fit: &PowerLawFit{Beta: 0.7, R2: 0.991, From: 10, To: 400}}))
	out["zipf"] = must(NewZipf(ZipfSpec{Counts: zipfCounts(20000),
		MLE:          &ZipfMLE{Alpha: 1.95, AlphaSE: 0.02, XMin: 20, RankExponent: 1 / 0.95},
		LeastSquares: &ZipfLeastSquares{Slope: -1.04, R2: 0.99}}))
	out["ratio"] = must(NewRatio(RatioSpec{I: "ice", J: "steam", Bars: []RatioBar{
		{Word: "solid", Ratio: 8.9, Kind: RatioFinite}, {Word: "gas", Ratio: 0.085, Kind: RatioFinite}, {Word: "water", Ratio: 1.36, Kind: RatioFinite, Thin: true},
		{Word: "fashion", Ratio: 0.96, Kind: RatioFinite}, {Word: "crystalline", Ratio: 0, Kind: RatioInf}, {Word: "vapour", Ratio: 0, Kind: RatioZero}, {Word: "zebra", Ratio: 0, Kind: RatioUndefined}, {Word: "qwzx", Kind: RatioUndefined, NotInVocab: true},
	}}))
	out["neighbors"] = must(NewBars(BarsSpec{Query: "ice", Bars: []ScoreBar{
		{"snow", 0.81}, {"frozen", 0.77}, {"cold", 0.70}, {"glacier", 0.64}, {"water", 0.52}, {"antonym", -0.12},
	}}))
	rng := rand.New(rand.NewPCG(3, 4))
	var fx, fy []float64
	for k := 0; k < 3000; k++ {
		x := rng.ExpFloat64() * 2
		fx, fy = append(fx, x), append(fy, x+rng.NormFloat64()*0.4)
	}
	out["fidelity"] = must(NewFidelity(FidelitySpec{X: fx, Y: fy, XLabel: "log X_ij", YLabel: "w_iᵀw̃_j + b_i + b̃_j"}))
	return out
}

// stressFigures are awkward inputs for looking at: many groups, many
// bars, long and hostile words, tiny values.
func stressFigures(t testing.TB) map[string]*Figure {
	t.Helper()
	out := map[string]*Figure{}
	var err error
	pts := wordMap(400, 14, 5)
	pts[0].Word = "<script>alert(1)</script>"
	pts[1].Word = "R&D & more"
	pts[2].Group = "a-very-long-group-name-that-goes-on-and-on-forever"
	if out["stress-scatter"], err = NewScatter(ScatterSpec{Points: pts, Title: "A very long title " + strings.Repeat("that keeps going ", 12)}); err != nil {
		t.Fatal(err)
	}
	var bars []RatioBar
	for k := 0; k < 30; k++ {
		bars = append(bars, RatioBar{Word: fmt.Sprintf("probe-word-%d", k), Ratio: math.Pow(10, float64(k%7-3)) * 1.7})
	}
	if out["stress-ratio"], err = NewRatio(RatioSpec{I: "ice", J: "steam", Bars: bars}); err != nil {
		t.Fatal(err)
	}
	var nb []ScoreBar
	for k := 0; k < 25; k++ {
		nb = append(nb, ScoreBar{Word: fmt.Sprintf("neighbour-%d", k), Score: 0.9 - 0.01*float64(k)})
	}
	if out["stress-neighbors"], err = NewBars(BarsSpec{Bars: nb, Query: "king − man + woman"}); err != nil {
		t.Fatal(err)
	}
	if out["stress-loss"], err = NewLoss(LossSpec{LogY: true, Runs: []Series{{Name: "only", Y: []float64{3e-7, 2e-7, 0, 1.5e-7}}}}); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestWriteSamples writes every sample figure as PNG and SVG into
// $PLOT_SAMPLES_DIR for looking at; it is skipped when that is unset.
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("PLOT_SAMPLES_DIR")
	if dir == "" {
		t.Skip("set PLOT_SAMPLES_DIR to write sample figures")
	}
	figs := sampleFigures(t)
	for name, f := range stressFigures(t) {
		figs[name] = f
	}
	for name, f := range figs {
		if err := f.Render(io.Discard, Output{}); err != nil { // settle label count
			t.Fatal(err)
		}
		small, err := os.Create(filepath.Join(dir, name+"-small.png"))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Render(small, Output{Width: 480, Height: 360}); err != nil {
			t.Fatal(err)
		}
		small.Close()
		for _, format := range []Format{PNG, SVG} {
			w, err := os.Create(filepath.Join(dir, name+"."+format.String()))
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Render(w, Output{Format: format, Width: 1200, Height: 900}); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("%s: %d labels placed", name, f.LabelsPlaced())
	}
}
