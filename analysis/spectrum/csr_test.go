package spectrum

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestFromTriplets(t *testing.T) {
	tests := []struct {
		name string
		ts   []Triplet
		want []float64 // 2×3 dense
	}{
		{"empty", nil, []float64{0, 0, 0, 0, 0, 0}},
		{"unsorted", []Triplet{{1, 2, 5}, {0, 1, 2}, {1, 0, 3}}, []float64{0, 2, 0, 3, 0, 5}},
		{"duplicates summed", []Triplet{{0, 0, 1}, {0, 0, 2.5}, {1, 1, 4}}, []float64{3.5, 0, 0, 0, 4, 0}},
		{"zeros dropped", []Triplet{{0, 0, 1}, {0, 0, -1}, {1, 2, 0}}, []float64{0, 0, 0, 0, 0, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := FromTriplets(2, 3, tc.ts)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Dense(); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			for _, v := range m.Vals {
				if v == 0 {
					t.Errorf("stored zero in %v", m.Vals)
				}
			}
			tr := m.Transpose().Transpose()
			if got := tr.Dense(); !slices.Equal(got, tc.want) {
				t.Errorf("transpose twice: got %v, want %v", got, tc.want)
			}
		})
	}
	if _, err := FromTriplets(2, 2, []Triplet{{2, 0, 1}}); !errors.Is(err, ErrBadIndex) {
		t.Errorf("out of range: got %v, want ErrBadIndex", err)
	}
}

func TestTopN(t *testing.T) {
	m, _ := FromTriplets(3, 3, []Triplet{{0, 0, 1}, {0, 2, 2}, {1, 1, 3}, {2, 0, 4}})
	got := m.TopN(2).Dense()
	want := []float64{1, 0, 0, 3}
	if !slices.Equal(got, want) {
		t.Errorf("TopN(2) = %v, want %v", got, want)
	}
	if got := m.TopN(10).Dense(); !slices.Equal(got, m.Dense()) {
		t.Errorf("TopN(10) = %v, want the whole matrix", got)
	}
}

func TestWeight(t *testing.T) {
	// X = [[4 1] [2 0]] -> rows #(0)=5, #(1)=2, cols #(0)=6, #(1)=1, |D|=7.
	m, _ := FromTriplets(2, 2, []Triplet{{0, 0, 4}, {0, 1, 1}, {1, 0, 2}})
	const a = 0.75
	z := math.Pow(6, a) + math.Pow(1, a)
	ppmi := func(x, row, col float64) float64 {
		return math.Max(0, math.Log(x/(row*math.Pow(col, a)/z)))
	}
	tests := []struct {
		w    Weighting
		want []float64
	}{
		{Counts, []float64{4, 1, 2, 0}},
		{Log1p, []float64{math.Log(5), math.Log(2), math.Log(3), 0}},
		{PPMI, []float64{ppmi(4, 5, 6), ppmi(1, 5, 1), ppmi(2, 2, 6), 0}},
	}
	for _, tc := range tests {
		t.Run(tc.w.String(), func(t *testing.T) {
			got := Weight(m, tc.w, 0).Dense()
			for i := range got {
				if math.Abs(got[i]-tc.want[i]) > 1e-12 {
					t.Errorf("entry %d: got %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
	// PPMI(0,0) = log(4·Σ/(5·6^α)) with Σ = 6^α+1: check it is positive and
	// that a weight that clips to zero leaves the pattern.
	if got := ppmi(1, 5, 1); got <= 0 {
		t.Logf("entry (0,1) clipped: %v", got)
	}
}

func TestParseWeighting(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Weighting
		ok   bool
	}{{"counts", Counts, true}, {"log", Log1p, true}, {"log1p", Log1p, true}, {"ppmi", PPMI, true}, {"pmi", 0, false}} {
		got, err := ParseWeighting(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("ParseWeighting(%q) = %v, %v", tc.in, got, err)
		}
		if !tc.ok && !errors.Is(err, ErrUnknownWeighting) {
			t.Errorf("ParseWeighting(%q) error %v is not ErrUnknownWeighting", tc.in, err)
		}
	}
}
