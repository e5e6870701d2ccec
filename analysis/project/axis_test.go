package project

import (
	"context"
	"errors"
	"math"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/wordgroups"
)

func TestRelationAxisHandComputed(t *testing.T) {
	// Two pairs (0→1, 2→3) whose offsets are (2, 0) and (2, 0.2): the axis
	// is their mean (2, 0.1) normalised; the y axis is the one direction
	// left in 2-D.
	data := []float32{0, 0, 2, 0, 0, 1, 2, 1.2}
	a, err := RelationAxis(context.Background(), data, 4, 2, []Pair{{0, 1}, {2, 3}})
	if err != nil {
		t.Fatal(err)
	}
	const tol = 1e-6
	l := math.Hypot(2, 0.1)
	wantU := []float64{2 / l, 0.1 / l}
	for k := range wantU {
		if math.Abs(a.Direction[k]-wantU[k]) > tol {
			t.Errorf("direction %v, want %v", a.Direction, wantU)
		}
	}
	mean := []float64{1, 0.55}
	v := []float64{-wantU[1], wantU[0]} // the orthogonal direction, up to sign
	sign := 0.0
	for i := 0; i < 4; i++ {
		c := []float64{float64(data[2*i]) - mean[0], float64(data[2*i+1]) - mean[1]}
		if got, want := a.Points[2*i], c[0]*wantU[0]+c[1]*wantU[1]; math.Abs(got-want) > tol {
			t.Errorf("x[%d] = %v, want %v", i, got, want)
		}
		wantY := c[0]*v[0] + c[1]*v[1]
		if sign == 0 && math.Abs(wantY) > tol {
			sign = math.Copysign(1, a.Points[2*i+1]*wantY)
		}
		if got := a.Points[2*i+1]; math.Abs(got-sign*wantY) > tol {
			t.Errorf("y[%d] = %v, want %v", i, got, sign*wantY)
		}
	}
	// cos of (2, 0) and (2, 0.2) with u, averaged.
	wantAlign := (wantU[0] + (2*wantU[0]+0.2*wantU[1])/math.Hypot(2, 0.2)) / 2
	if math.Abs(a.Alignment-wantAlign) > tol {
		t.Errorf("alignment %v, want %v", a.Alignment, wantAlign)
	}
}

func TestRelationAxisErrors(t *testing.T) {
	data := []float32{1, 2, 3, 4}
	for _, tc := range []struct {
		name  string
		pairs []Pair
	}{{"no pairs", nil}, {"offsets cancel", []Pair{{0, 1}, {1, 0}}}} {
		if _, err := RelationAxis(context.Background(), data, 2, 2, tc.pairs); !errors.Is(err, ErrNoPairs) {
			t.Errorf("%s: err %v, want ErrNoPairs", tc.name, err)
		}
	}
}

// TestRelationAxisSeparatesHeldOutWords is the supervised counterpart of
// TestGroupsSeparate: on the GloVe 4k sample, the axis of each built-in
// pair family is learned with each pair left out in turn, and every word
// not used to learn it — the held-out pair and the words of the family
// that have no partner in the vocabulary — is classed by which side of the
// midpoint between the two groups' mean coordinates it falls.
func TestRelationAxisSeparatesHeldOutWords(t *testing.T) {
	g := loadGlove(t, 0)
	for _, fam := range wordgroups.Pairs() {
		var words []string
		group := map[string]int{} // word → 0 (first of a pair) or 1
		row := map[string]int{}   // word → row of the map
		add := func(w string, grp int) (int, bool) {
			if _, ok := g.index[w]; !ok {
				return 0, false
			}
			if _, seen := row[w]; !seen {
				row[w], group[w] = len(words), grp
				words = append(words, w)
			}
			return row[w], true
		}
		var pairs []Pair
		for _, p := range fam.Pairs {
			a, okA := add(p.A, 0)
			b, okB := add(p.B, 1)
			if okA && okB {
				pairs = append(pairs, Pair{a, b})
			}
		}
		_, data := g.subset(words)
		n, d := len(words), g.dim
		inPair := map[int]bool{}
		for _, p := range pairs {
			inPair[p.A], inPair[p.B] = true, true
		}
		correct, total := 0, 0
		classify := func(pts []float64, used []Pair, rows []int) {
			var m0, m1 float64
			for _, p := range used {
				m0 += pts[2*p.A]
				m1 += pts[2*p.B]
			}
			m0 /= float64(len(used))
			m1 /= float64(len(used))
			mid := (m0 + m1) / 2
			for _, r := range rows {
				side := 0
				if (pts[2*r] > mid) == (m1 > m0) {
					side = 1
				}
				if side == group[words[r]] {
					correct++
				}
				total++
			}
		}
		// Words with no partner: the axis of all pairs never saw them.
		a, err := RelationAxis(context.Background(), data, n, d, pairs)
		if err != nil {
			t.Fatal(err)
		}
		var unpaired []int
		for i := range words {
			if !inPair[i] {
				unpaired = append(unpaired, i)
			}
		}
		classify(a.Points, pairs, unpaired)
		// Each pair left out in turn.
		for k := range pairs {
			used := append(append([]Pair{}, pairs[:k]...), pairs[k+1:]...)
			b, err := RelationAxis(context.Background(), data, n, d, used)
			if err != nil {
				t.Fatal(err)
			}
			classify(b.Points, used, []int{pairs[k].A, pairs[k].B})
		}
		acc := float64(correct) / float64(total)
		t.Logf("%s→%s: %d pairs in the vocabulary, %d words; held-out accuracy %d/%d = %.3f; offset alignment %.3f",
			fam.GroupA, fam.GroupB, len(pairs), n, correct, total, acc, a.Alignment)
		if acc < 0.85 {
			t.Errorf("%s→%s: held-out accuracy %.3f, want ≥ 0.85", fam.GroupA, fam.GroupB, acc)
		}
	}
}
