package ratio

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/corpus"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// tiny builds a hand-made matrix over
// ice steam solid gas water fashion fire lonely.
func tiny(t *testing.T) (*cooccur.Matrix, *corpus.Vocabulary) {
	t.Helper()
	words := []string{"ice", "steam", "solid", "gas", "water", "fashion", "fire", "lonely"}
	counts := []int64{80, 70, 60, 50, 40, 30, 20, 10}
	v, err := corpus.NewVocabulary(words, counts)
	if err != nil {
		t.Fatal(err)
	}
	id := func(w string) int32 { i, _ := v.ID(w); return i }
	var es []cooccur.Entry
	add := func(a, b string, x float64) {
		es = append(es, cooccur.Entry{Row: id(a), Col: id(b), Value: x}, cooccur.Entry{Row: id(b), Col: id(a), Value: x})
	}
	// X_ice = 4 + 1 + 2 = 7; X_steam = 4 + 2 + 3 = 9.
	add("ice", "solid", 4)
	add("ice", "gas", 1)
	add("ice", "water", 2)
	add("steam", "gas", 4)
	add("steam", "water", 2)
	add("steam", "fire", 3)
	m, err := cooccur.NewMatrix(v.Len(), es, true)
	if err != nil {
		t.Fatal(err)
	}
	return m, v
}

func TestComputeHandChecked(t *testing.T) {
	m, v := tiny(t)
	opt := Options{Probes: []string{"solid", "gas", "water", "fashion", "fire", "unicorn"}, ThinBelow: 2}
	tab, err := Compute(m, v, "ice", "steam", opt)
	if err != nil {
		t.Fatal(err)
	}
	if tab.XI != 7 || tab.XJ != 9 {
		t.Fatalf("X_i, X_j = %g, %g; want 7, 9", tab.XI, tab.XJ)
	}
	tests := []struct {
		k         string
		pik, pjk  float64
		kind      Kind
		ratio     float64
		thin, inV bool
	}{
		{"solid", 4.0 / 7, 0, Inf, 0, true, true},
		{"gas", 1.0 / 7, 4.0 / 9, Finite, (1.0 / 7) / (4.0 / 9), true, true},
		{"water", 2.0 / 7, 2.0 / 9, Finite, 9.0 / 7, false, true},
		{"fashion", 0, 0, Undefined, 0, true, true},
		{"fire", 0, 3.0 / 9, Zero, 0, true, true},
		{"unicorn", 0, 0, Undefined, 0, true, false},
	}
	for i, tt := range tests {
		got := tab.Rows[i]
		if got.K != tt.k || got.Kind != tt.kind || got.Thin != tt.thin || got.InVocab != tt.inV {
			t.Errorf("row %s: got %+v", tt.k, got)
		}
		if math.Abs(got.PIK-tt.pik) > 1e-15 || math.Abs(got.PJK-tt.pjk) > 1e-15 {
			t.Errorf("row %s: P = %g, %g; want %g, %g", tt.k, got.PIK, got.PJK, tt.pik, tt.pjk)
		}
		if math.Abs(got.Ratio-tt.ratio) > 1e-12 || math.IsNaN(got.Ratio) {
			t.Errorf("row %s: ratio %g, want %g", tt.k, got.Ratio, tt.ratio)
		}
	}
}

func TestComputeSmoothing(t *testing.T) {
	m, v := tiny(t)
	lambda := 0.5
	tab, err := Compute(m, v, "ice", "steam", Options{Probes: []string{"solid", "fashion"}, Smoothing: lambda})
	if err != nil {
		t.Fatal(err)
	}
	V := 8.0
	wantSolid := ((4 + lambda) / (7 + lambda*V)) / ((0 + lambda) / (9 + lambda*V))
	wantFashion := ((0 + lambda) / (7 + lambda*V)) / ((0 + lambda) / (9 + lambda*V))
	for i, want := range []float64{wantSolid, wantFashion} {
		r := tab.Rows[i]
		if r.Kind != Finite || math.Abs(r.Ratio-want) > 1e-12 {
			t.Errorf("%s: %v %g, want finite %g", r.K, r.Kind, r.Ratio, want)
		}
	}
}

// wilson is the Wilson score interval of a binomial share, written out
// independently of leanBounds.
func wilson(a, b, z float64) (lo, hi float64) {
	n := a + b
	p := a / n
	c := p + z*z/(2*n)
	h := z * math.Sqrt(p*(1-p)/n+z*z/(4*n*n))
	return (c - h) / (1 + z*z/n), (c + h) / (1 + z*z/n)
}

func TestComputeDiscover(t *testing.T) {
	m, v := tiny(t)
	// Candidates (X_ice = 7, X_steam = 9): solid 4 vs 0 (inf), water 2 vs
	// 2 (9/7), gas 1 vs 4 (9/28), fire 0 vs 3 (zero). At 95 % (z =
	// 1.6449) only solid leans clearly: its Wilson lower bound θ = 0.5965
	// gives ρ ≥ θ/(1−θ)·9/7 = 1.90 > 1. Fire's upper bound is 1.16 and
	// gas's 1.67: three sightings are too few to say they lean to steam,
	// and water's ratio is below 2.
	tab, err := Compute(m, v, "ice", "steam", Options{Top: 10, MinEvidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Largest) != 1 || tab.Largest[0].K != "solid" || len(tab.Smallest) != 0 {
		t.Fatalf("largest %v, smallest %v; want [solid] and none", tab.Largest, tab.Smallest)
	}
	z := 1.6448536269514722
	lo, _ := wilson(4, 0, z)
	if want := lo / (1 - lo) * 9 / 7; math.Abs(tab.Largest[0].Bound-want) > 1e-12 {
		t.Errorf("solid bound %.15g, want %.15g", tab.Largest[0].Bound, want)
	}
	// At confidence 0.5 (z = 0) the bounds are the ratios themselves, and
	// threshold 1 keeps every leaning word: the extreme ratios first.
	tab, err = Compute(m, v, "ice", "steam", Options{Top: 2, MinEvidence: 1, LeanThreshold: 1, Confidence: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		side []Row
		ks   []string
	}{{tab.Largest, []string{"solid", "water"}}, {tab.Smallest, []string{"fire", "gas"}}}
	for _, w := range want {
		if len(w.side) != len(w.ks) {
			t.Fatalf("got %d rows, want %v", len(w.side), w.ks)
		}
		for i, k := range w.ks {
			if w.side[i].K != k {
				t.Errorf("position %d: %s, want %s", i, w.side[i].K, k)
			}
		}
	}
	tab, _ = Compute(m, v, "ice", "steam", Options{Top: 10, MinEvidence: 3.5, LeanThreshold: 1, Confidence: 0.5})
	// Only solid (4), gas (5) and water (4) pass X_ik + X_jk ≥ 3.5; fire has 3.
	if got := len(tab.Largest) + len(tab.Smallest); got != 3 {
		t.Errorf("min evidence: %d discovered rows, want 3", got)
	}
}

// TestDiscoverRanksByEvidence: a word seen 2 times near i and never near
// j (ratio infinite) cannot outrank one seen 200 against 20 (ratio 10),
// and a word at ratio 1.5 is never listed under the default threshold.
func TestDiscoverRanksByEvidence(t *testing.T) {
	words := []string{"left", "right", "thin", "strong", "mild", "other"}
	v, err := corpus.NewVocabulary(words, []int64{600, 500, 400, 300, 200, 100})
	if err != nil {
		t.Fatal(err)
	}
	var es []cooccur.Entry
	add := func(a, b int32, x float64) {
		es = append(es, cooccur.Entry{Row: a, Col: b, Value: x}, cooccur.Entry{Row: b, Col: a, Value: x})
	}
	// Equal row sums: X_left = X_right = 1000.
	add(0, 2, 2)
	add(0, 3, 200)
	add(1, 3, 20)
	add(0, 4, 150)
	add(1, 4, 100)
	add(0, 5, 648)
	add(1, 5, 880)
	m, err := cooccur.NewMatrix(v.Len(), es, true)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Compute(m, v, "left", "right", Options{Top: 10, MinEvidence: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Largest) == 0 || tab.Largest[0].K != "strong" {
		t.Fatalf("largest = %+v, want strong first", tab.Largest)
	}
	for i, r := range tab.Largest {
		if r.K == "thin" && i == 0 {
			t.Error("2 sightings against 0 outrank 200 against 20")
		}
		if r.K == "mild" {
			t.Errorf("mild (ratio 1.5) listed")
		}
	}
	for _, side := range [][]Row{tab.Largest, tab.Smallest} {
		for _, r := range side {
			if r.Kind == Finite && r.Ratio > 0.5 && r.Ratio < 2 {
				t.Errorf("%s has ratio %g inside (0.5, 2)", r.K, r.Ratio)
			}
		}
	}
}

// TestDiscoverDemoCorpus: on the demo corpus (WordNet glosses, shipped in
// internal/demo) the discovered lists of the pairs users try first hold
// no word whose ratio is inside (0.5, 2), and every bound is on the side
// of 1 the list claims.
func TestDiscoverDemoCorpus(t *testing.T) {
	f, err := os.Open(testkit.Shipped(t, testkit.DemoCorpus))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := cooccur.Count(context.Background(), f, cooccur.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	for _, pair := range [][2]string{{"ice", "steam"}, {"king", "queen"}, {"man", "woman"}} {
		tab, err := Compute(res.Matrix, res.Vocab, pair[0], pair[1], DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tab.Largest {
			if (r.Kind == Finite && r.Ratio < 2) || r.Kind == Zero || !(r.Bound > 1) {
				t.Errorf("%s/%s largest: %s ratio %v %g bound %g", pair[0], pair[1], r.K, r.Kind, r.Ratio, r.Bound)
			}
		}
		for _, r := range tab.Smallest {
			if (r.Kind == Finite && r.Ratio > 0.5) || r.Kind == Inf || !(r.Bound < 1) {
				t.Errorf("%s/%s smallest: %s ratio %v %g bound %g", pair[0], pair[1], r.K, r.Kind, r.Ratio, r.Bound)
			}
		}
		var names []string
		for _, r := range tab.Largest {
			names = append(names, r.K)
		}
		names = append(names, "|")
		for _, r := range tab.Smallest {
			names = append(names, r.K)
		}
		t.Logf("%s/%s: %v", pair[0], pair[1], names)
	}
}

func TestComputeErrors(t *testing.T) {
	m, v := tiny(t)
	tests := []struct {
		name    string
		i, j    string
		opt     Options
		wantErr error
	}{
		{"same word", "ice", "ice", DefaultOptions(), ErrSameWord},
		{"unknown i", "unicorn", "steam", DefaultOptions(), ErrUnknownWord},
		{"unknown j", "ice", "unicorn", DefaultOptions(), ErrUnknownWord},
		{"no probes and no discovery", "ice", "steam", Options{}, ErrNoProbes},
		{"word without co-occurrences", "ice", "lonely", DefaultOptions(), ErrNoCooccurrence},
		{"negative smoothing", "ice", "steam", Options{Probes: DefaultProbes, Smoothing: -1}, ErrBadOptions},
		{"NaN smoothing", "ice", "steam", Options{Probes: DefaultProbes, Smoothing: math.NaN()}, ErrBadOptions},
		{"negative top", "ice", "steam", Options{Probes: DefaultProbes, Top: -1}, ErrBadOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compute(m, v, tt.i, tt.j, tt.opt)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// TestIceSteamBenchProse checks the paper's Table 1 pattern on real text:
// bench-prose, Words tokens, symmetric window 10, 1/d weighting.
func TestIceSteamBenchProse(t *testing.T) {
	f, err := os.Open(testkit.Shared(t, "corpora/bench-prose.txt.gz", "checks the paper's ice/steam ratio pattern on bench-prose"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := cooccur.Count(context.Background(), f, cooccur.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Compute(res.Matrix, res.Vocab, "ice", "steam", DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]Row{}
	for _, r := range tab.Rows {
		rows[r.K] = r
		t.Logf("k=%-8s X_ik=%7.2f X_jk=%7.2f P(k|ice)=%.3e P(k|steam)=%.3e ratio=%v %.3f", r.K, r.XIK, r.XJK, r.PIK, r.PJK, r.Kind, r.Ratio)
	}
	if r := rows["solid"]; !(r.Kind == Inf || (r.Kind == Finite && r.Ratio > 1)) {
		t.Errorf("solid: %v %g, want inf or > 1", r.Kind, r.Ratio)
	}
	if r := rows["gas"]; !(r.Kind == Zero || (r.Kind == Finite && r.Ratio < 1)) {
		t.Errorf("gas: %v %g, want < 1", r.Kind, r.Ratio)
	}
	if r := rows["water"]; !(r.Kind == Finite && r.Ratio >= 0.5 && r.Ratio <= 2) {
		t.Errorf("water: %v %g, want within [0.5, 2]", r.Kind, r.Ratio)
	}
	if r := rows["fashion"]; !(r.Kind == Undefined || (r.Kind == Finite && r.Ratio >= 0.5 && r.Ratio <= 2)) {
		t.Errorf("fashion: %v %g, want undefined or within [0.5, 2]", r.Kind, r.Ratio)
	}
}

func TestTableJSON(t *testing.T) {
	m, v := tiny(t)
	tab, err := Compute(m, v, "ice", "steam", Options{Probes: []string{"solid", "water"}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.Marshal(tab)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"i":"ice","j":"steam","x_i":7,"x_j":9,"rows":[` +
		`{"k":"solid","x_ik":4,"x_jk":0,"p_ik":0.5714285714285714,"p_jk":0,"ratio":null,"ratio_kind":"inf","thin":false,"in_vocab":true},` +
		`{"k":"water","x_ik":2,"x_jk":2,"p_ik":0.2857142857142857,"p_jk":0.2222222222222222,"ratio":1.2857142857142858,"ratio_kind":"finite","thin":false,"in_vocab":true}],` +
		`"largest":[],"smallest":[]}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
