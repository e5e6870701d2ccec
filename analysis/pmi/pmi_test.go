package pmi

import (
	"errors"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
)

// twoByTwo is X = [[0, 2], [2, 2]]: S = 6, row sums 2 and 4.
func twoByTwo(t *testing.T) *cooccur.Matrix {
	t.Helper()
	m, err := cooccur.NewMatrix(2, []cooccur.Entry{{Row: 0, Col: 1, Value: 2}, {Row: 1, Col: 0, Value: 2}, {Row: 1, Col: 1, Value: 2}}, true)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestPMIHandChecked(t *testing.T) {
	m := twoByTwo(t)
	md, err := New(m, 1)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		i, j int32
		want float64
		ok   bool
	}{
		{0, 1, math.Log(2 * 6 / (2.0 * 4)), true}, // log 1.5
		{1, 0, math.Log(1.5), true},
		{1, 1, math.Log(2 * 6 / (4.0 * 4)), true}, // log 0.75
		{0, 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := md.PMI(tt.i, tt.j)
		if ok != tt.ok || math.Abs(got-tt.want) > 1e-15 {
			t.Errorf("PMI(%d,%d) = %g, %v; want %g, %v", tt.i, tt.j, got, ok, tt.want, tt.ok)
		}
	}
	// PPMI without smoothing clips the negative PMI of (1,1).
	if got := md.PPMI(1, 1); got != 0 {
		t.Errorf("PPMI(1,1) = %g, want 0", got)
	}
	if got, want := md.PPMI(0, 1), math.Log(1.5); math.Abs(got-want) > 1e-15 {
		t.Errorf("PPMI(0,1) = %g, want %g", got, want)
	}
	// Smoothed: P_α(1) = 4^α / (2^α + 4^α).
	alpha := 0.75
	ms, _ := New(m, alpha)
	pa := math.Pow(4, alpha) / (math.Pow(2, alpha) + math.Pow(4, alpha))
	want := math.Log((2.0 / 6) / ((2.0 / 6) * pa))
	if got := ms.PPMI(0, 1); math.Abs(got-want) > 1e-14 {
		t.Errorf("smoothed PPMI(0,1) = %g, want %g", got, want)
	}
	cols, vals := ms.RowPPMI(0)
	if len(cols) != 1 || cols[0] != 1 || math.Abs(vals[0]-want) > 1e-14 {
		t.Errorf("RowPPMI(0) = %v %v", cols, vals)
	}
}

func TestMutualInformationAndEntropy(t *testing.T) {
	m := twoByTwo(t)
	want := (2.0/6)*math.Log(1.5)*2 + (2.0/6)*math.Log(0.75)
	if got := MutualInformation(m, Nats); math.Abs(got-want) > 1e-15 {
		t.Errorf("MI = %g nats, want %g", got, want)
	}
	if got := MutualInformation(m, Bits); math.Abs(got-want/math.Ln2) > 1e-15 {
		t.Errorf("MI = %g bits, want %g", got, want/math.Ln2)
	}
	tests := []struct {
		counts []int64
		bits   float64
	}{
		{[]int64{1, 1, 2}, 1.5},
		{[]int64{5}, 0},
		{[]int64{3, 3, 3, 3}, 2},
		{[]int64{0, 7, 0, 7}, 1},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := Entropy(tt.counts, Bits); math.Abs(got-tt.bits) > 1e-15 {
			t.Errorf("Entropy(%v) = %g bits, want %g", tt.counts, got, tt.bits)
		}
	}
	// An independent joint distribution has zero mutual information.
	var es []cooccur.Entry
	p := []float64{1, 2, 3}
	for i := range p {
		for j := range p {
			es = append(es, cooccur.Entry{Row: int32(i), Col: int32(j), Value: p[i] * p[j]})
		}
	}
	ind, _ := cooccur.NewMatrix(3, es, true)
	if got := MutualInformation(ind, Bits); math.Abs(got) > 1e-15 {
		t.Errorf("MI of a product distribution = %g, want 0", got)
	}
}

func TestTop(t *testing.T) {
	m := twoByTwo(t)
	md, _ := New(m, 1)
	got := md.Top(1, 5, 0)
	if len(got) != 2 || got[0].ID != 0 || got[1].ID != 1 || got[0].PMI <= got[1].PMI {
		t.Errorf("Top(1) = %+v", got)
	}
	if got := md.Top(1, 5, 3); len(got) != 0 {
		t.Errorf("Top with min count 3 = %+v, want none", got)
	}
}

func TestNewBadAlpha(t *testing.T) {
	m := twoByTwo(t)
	for _, a := range []float64{0, -0.5, 1.5, math.NaN()} {
		if _, err := New(m, a); !errors.Is(err, ErrBadAlpha) {
			t.Errorf("alpha %g: err = %v", a, err)
		}
	}
}
