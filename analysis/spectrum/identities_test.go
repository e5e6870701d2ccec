package spectrum

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/glove"
)

func TestMeasureIdentities(t *testing.T) {
	const v, d = 40, 5
	rng := rand.New(rand.NewPCG(3, 4))
	w, wt := make([]float64, v*d), make([]float64, v*d)
	b, bt := make([]float64, v), make([]float64, v)
	for i := range w {
		w[i], wt[i] = rng.NormFloat64()*0.5, rng.NormFloat64()*0.5
	}
	for i := range b {
		b[i], bt[i] = rng.NormFloat64(), rng.NormFloat64()
	}
	p := &glove.Model{Word: mat.NewDense(v, d, w), Context: mat.NewDense(v, d, wt), WordBias: b, ContextBias: bt}
	model := func(i, j int) float64 {
		s := b[i] + bt[j]
		for k := 0; k < d; k++ {
			s += w[i*d+k] * wt[j*d+k]
		}
		return s
	}
	var exact, noisy []cooccur.Entry
	for i := 0; i < v; i++ {
		for j := 0; j < v; j++ {
			if rng.Float64() < 0.5 {
				m := model(i, j)
				exact = append(exact, cooccur.Entry{Row: int32(i), Col: int32(j), Value: math.Exp(m)})
				noisy = append(noisy, cooccur.Entry{Row: int32(i), Col: int32(j), Value: math.Exp(m + rng.NormFloat64())})
			}
		}
	}
	got, err := MeasureIdentities(p, exact, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got.LogCountR-1) > 1e-12 || math.Abs(got.LogCountR2-1) > 1e-12 || got.Sampled != len(exact) {
		t.Errorf("exact identity: r=%v R²=%v sampled %d, want 1, 1, %d", got.LogCountR, got.LogCountR2, got.Sampled, len(exact))
	}
	if got.PMIR < 0.3 || math.Abs(got.PMIR2-got.PMIR*got.PMIR) > 1e-15 {
		t.Errorf("exact identity: PMI r=%v r²=%v", got.PMIR, got.PMIR2)
	}
	n, err := MeasureIdentities(p, noisy, 200, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n.Sampled != 200 || !(n.LogCountR2 < got.LogCountR2) || !(n.LogCountR < 1) {
		t.Errorf("noisy: sampled %d r=%v R²=%v, want 200 and below the exact case", n.Sampled, n.LogCountR, n.LogCountR2)
	}
	again, _ := MeasureIdentities(p, noisy, 200, 1)
	if again != n {
		t.Errorf("same seed, different result: %+v vs %+v", again, n)
	}
	// The sample behind the statistics: one point per sampled entry, the
	// same statistics, and the identity exact on the exact entries.
	smp, err := SampleIdentities(p, noisy, 200, 1)
	if err != nil || len(smp.LogX) != 200 || len(smp.Model) != 200 || len(smp.PMI) != 200 || len(smp.Dot) != 200 || smp.Identities() != n {
		t.Errorf("SampleIdentities: %d points, %+v (%v); want 200 and %+v", len(smp.LogX), smp.Identities(), err, n)
	}
	exactSample, _ := SampleIdentities(p, exact, 0, 1)
	for i := range exactSample.LogX {
		if math.Abs(exactSample.LogX[i]-exactSample.Model[i]) > 1e-12 {
			t.Fatalf("exact entry %d: ln X %v, model %v", i, exactSample.LogX[i], exactSample.Model[i])
		}
	}
	if _, err := MeasureIdentities(p, nil, 0, 1); !errors.Is(err, ErrNoEntries) {
		t.Errorf("no entries: got %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Errorf("bad shapes did not panic")
		}
	}()
	p.WordBias = p.WordBias[:3]
	_, _ = MeasureIdentities(p, exact, 0, 1)
}

func TestFromCooccur(t *testing.T) {
	m, err := cooccur.NewMatrix(3, []cooccur.Entry{{Row: 0, Col: 1, Value: 2}, {Row: 1, Col: 0, Value: 2}, {Row: 2, Col: 2, Value: 5}, {Row: 0, Col: 2, Value: 1}, {Row: 2, Col: 0, Value: 1}}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := FromCooccur(m, 2).Dense(), []float64{0, 2, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("top 2: got %v, want %v", got, want)
	}
	if got, want := FromCooccur(m, 0).Dense(), []float64{0, 2, 1, 2, 0, 0, 1, 0, 5}; !slices.Equal(got, want) {
		t.Errorf("all: got %v, want %v", got, want)
	}
}
