package vectors

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"go.uber.org/goleak"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// randomSet returns n random words of dimension d (fixed seed).
func randomSet(t testing.TB, n, d int, seed uint64) *Set {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 7))
	words := make([]string, n)
	data := make([]float32, n*d)
	for i := range words {
		words[i] = "w" + itoa(i)
	}
	for i := range data {
		data[i] = float32(rng.NormFloat64())
	}
	set, err := New(words, d, data)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// cosine64 is an independent float64 reference for the cosine.
func cosine64(a, b []float32) float64 {
	var ab, aa, bb float64
	for i := range a {
		ab += float64(a[i]) * float64(b[i])
		aa += float64(a[i]) * float64(a[i])
		bb += float64(b[i]) * float64(b[i])
	}
	return ab / math.Sqrt(aa*bb)
}

// bruteBest ranks all rows by score (float64 reference), skipping skip.
func bruteBest(n, k int, score func(row int) float64, skip func(row int) bool) []int {
	rows := make([]int, 0, n)
	for i := range n {
		if !skip(i) {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		sa, sb := score(a), score(b)
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
	return rows[:min(k, len(rows))]
}

func TestNeighborsTiny(t *testing.T) {
	// Hand-checked: cos(a,b)=1 (parallel), cos(a,c)=0, cos(a,d)=-1,
	// cos(a,e)=1/√2.
	set, err := New([]string{"a", "b", "c", "d", "e"}, 2, []float32{1, 0, 3, 0, 0, 2, -1, 0, 1, 1})
	if err != nil {
		t.Fatal(err)
	}
	got, err := set.NeighborsOf(context.Background(), "a", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []Match{{"b", 1, 1}, {"e", 4, 1 / math.Sqrt2}, {"c", 2, 0}, {"d", 3, -1}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Word != want[i].Word || got[i].Index != want[i].Index || math.Abs(got[i].Score-want[i].Score) > 1e-6 {
			t.Errorf("result %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestNeighborsMatchBruteForce(t *testing.T) {
	tests := []struct {
		n, d, k int
	}{
		{1, 3, 5}, {50, 7, 10}, {20000, 16, 10}, {9000, 64, 100},
	}
	for _, tt := range tests {
		set := randomSet(t, tt.n, tt.d, uint64(tt.n))
		for q := 0; q < tt.n; q += max(1, tt.n/7) {
			got, err := set.NeighborsOf(context.Background(), set.Word(q), tt.k)
			if err != nil {
				t.Fatal(err)
			}
			qv := set.Vector(q)
			want := bruteBest(tt.n, tt.k, func(r int) float64 { return cosine64(qv, set.Vector(r)) }, func(r int) bool { return r == q })
			if len(got) != len(want) {
				t.Fatalf("n=%d query %d: got %d results, want %d", tt.n, q, len(got), len(want))
			}
			for i := range want {
				ref := cosine64(qv, set.Vector(want[i]))
				// float32 dot products can swap near-ties; scores must agree.
				if math.Abs(got[i].Score-ref) > 1e-5 {
					t.Errorf("n=%d query %d rank %d: got %s %.7f, want %s %.7f", tt.n, q, i, got[i].Word, got[i].Score, set.Word(want[i]), ref)
				}
			}
		}
	}
}

func TestAnalogyMatchesBruteForce(t *testing.T) {
	set := randomSet(t, 3000, 12, 11)
	rng := rand.New(rand.NewPCG(5, 6))
	var qs []AnalogyQuery
	for range 40 {
		qs = append(qs, AnalogyQuery{A: rng.IntN(set.Len()), B: rng.IntN(set.Len()), C: rng.IntN(set.Len())})
	}
	for _, method := range []Method{CosAdd, CosMul} {
		got, err := set.AnalogyBatch(context.Background(), qs, method, 3, BatchOptions{BatchSize: 7})
		if err != nil {
			t.Fatal(err)
		}
		for j, q := range qs {
			a, b, c := set.Vector(q.A), set.Vector(q.B), set.Vector(q.C)
			score := func(r int) float64 {
				v := set.Vector(r)
				if method == CosMul {
					ca, cb, cc := cosine64(v, a), cosine64(v, b), cosine64(v, c)
					return (1 + cb) / 2 * (1 + cc) / 2 / ((1+ca)/2 + CosMulEpsilon)
				}
				// cos(v, b̂ − â + ĉ) with a float64 reference.
				na, nb, nc := math.Sqrt(dotSelf(a)), math.Sqrt(dotSelf(b)), math.Sqrt(dotSelf(c))
				t := make([]float32, len(v))
				for i := range t {
					t[i] = float32(float64(b[i])/nb - float64(a[i])/na + float64(c[i])/nc)
				}
				return cosine64(v, t)
			}
			want := bruteBest(set.Len(), 3, score, func(r int) bool { return r == q.A || r == q.B || r == q.C })
			for i := range want {
				if ref := score(want[i]); math.Abs(got[j][i].Score-ref) > 1e-5 {
					t.Errorf("%v question %d rank %d: got %s %.7f, want %s %.7f", method, j, i, got[j][i].Word, got[j][i].Score, set.Word(want[i]), ref)
				}
			}
		}
	}
}

func dotSelf(a []float32) float64 {
	var s float64
	for _, x := range a {
		s += float64(x) * float64(x)
	}
	return s
}

func TestAnalogyTiny(t *testing.T) {
	// In 2-D: man (1,0), king (1,1), woman (0,1): b̂ − â + ĉ =
	// (1/√2 − 1, 1/√2 + 1) ≈ (−0.29, 1.71), closest in angle to queen
	// (−0.1, 1) and farthest from apple (1, −1); query words excluded.
	set, err := New([]string{"man", "king", "woman", "queen", "apple"}, 2, []float32{1, 0, 1, 1, 0, 1, -0.1, 1, 1, -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []Method{CosAdd, CosMul} {
		got, err := set.Analogy(context.Background(), "man", "king", "woman", m, 2)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got[0].Word != "queen" || got[1].Word != "apple" {
			t.Errorf("%v: got %+v, want queen then apple", m, got)
		}
	}
}

func TestUnknownWords(t *testing.T) {
	set := randomSet(t, 10, 3, 1)
	ctx := context.Background()
	if _, err := set.NeighborsOf(ctx, "nope", 3); !errors.Is(err, ErrUnknownWord) {
		t.Errorf("NeighborsOf: got %v", err)
	}
	if _, err := set.Analogy(ctx, "w1", "nope", "w2", CosAdd, 3); !errors.Is(err, ErrUnknownWord) {
		t.Errorf("Analogy: got %v", err)
	}
	if _, _, err := set.OddOneOut([]string{"w1", "w2", "nope"}); !errors.Is(err, ErrUnknownWord) {
		t.Errorf("OddOneOut: got %v", err)
	}
	if _, _, err := set.OddOneOut([]string{"w1", "w2"}); !errors.Is(err, ErrTooFewWords) {
		t.Errorf("OddOneOut of two: got %v", err)
	}
	if _, err := set.Similarity("w1", "nope"); !errors.Is(err, ErrUnknownWord) {
		t.Errorf("Similarity: got %v", err)
	}
}

func TestOddOneOutTiny(t *testing.T) {
	set, err := New([]string{"cat", "dog", "mouse", "car"}, 2, []float32{1, 0.1, 1, 0, 0.9, 0.2, -0.2, 1})
	if err != nil {
		t.Fatal(err)
	}
	got, cos, err := set.OddOneOut([]string{"cat", "car", "dog", "mouse"})
	if err != nil {
		t.Fatal(err)
	}
	if got != "car" {
		t.Errorf("got %q (cosines %v), want car", got, cos)
	}
	for i, c := range cos {
		if i != 1 && c <= cos[1] {
			t.Errorf("cosine of word %d (%v) not above car's (%v)", i, c, cos[1])
		}
	}
}

func TestSearchCancelled(t *testing.T) {
	set := randomSet(t, 50000, 8, 2)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := set.NeighborsOf(ctx, "w1", 5); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestKingManWomanQueen(t *testing.T) {
	set, _, err := Load(context.Background(), testkit.Shipped(t, testkit.DemoVectors), LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []Method{CosAdd, CosMul} {
		got, err := set.Analogy(context.Background(), "man", "king", "woman", m, 5)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].Word != "queen" {
			t.Errorf("%v: man:king :: woman:? got %+v, want queen first", m, got)
		}
	}
}

func TestUnitRowsHaveUnitLength(t *testing.T) {
	set, err := New([]string{"z", "a"}, 3, []float32{0, 0, 0, 3, 4, 12})
	if err != nil {
		t.Fatal(err)
	}
	if got := set.UnitVector(0); got[0] != 0 || got[1] != 0 || got[2] != 0 {
		t.Errorf("zero row: got %v, want zeros", got)
	}
	want := []float32{3.0 / 13, 4.0 / 13, 12.0 / 13}
	for i, v := range set.UnitVector(1) {
		if math.Abs(float64(v-want[i])) > 1e-7 {
			t.Errorf("unit[%d]: got %v, want %v", i, v, want[i])
		}
	}
	if got := set.Norm(1); math.Abs(got-13) > 1e-9 {
		t.Errorf("norm: got %v, want 13", got)
	}
}

func TestNewRejects(t *testing.T) {
	if _, err := New([]string{"a", "a"}, 1, []float32{1, 2}); !errors.Is(err, ErrDuplicateWord) {
		t.Errorf("duplicate: got %v", err)
	}
	if _, err := New([]string{"a"}, 1, []float32{float32(math.NaN())}); !errors.Is(err, ErrNonFinite) {
		t.Errorf("NaN: got %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("shape mismatch did not panic")
		}
	}()
	_, _ = New([]string{"a"}, 2, []float32{1})
}

func TestZeroK(t *testing.T) {
	set := randomSet(t, 100, 4, 3)
	res, err := set.AnalogyBatch(context.Background(), []AnalogyQuery{{1, 2, 3}}, CosMul, 0, BatchOptions{})
	if err != nil || len(res) != 1 || len(res[0]) != 0 {
		t.Errorf("k=0: got %v, %v; want one empty result", res, err)
	}
	if got, err := set.NeighborsOf(context.Background(), "w1", 0); err != nil || len(got) != 0 {
		t.Errorf("k=0 neighbours: got %v, %v", got, err)
	}
}

func TestNeighborsOfVectorWithExclusions(t *testing.T) {
	set, err := New([]string{"a", "b", "c", "d"}, 2, []float32{1, 0, 0.9, 0.1, 0, 1, 0.7, 0.7})
	if err != nil {
		t.Fatal(err)
	}
	// Query (2, 0) is parallel to a; excluding a and b leaves d then c.
	got, err := set.Neighbors(context.Background(), []float32{2, 0}, 5, 0, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Word != "d" || got[1].Word != "c" || math.Abs(got[0].Score-1/math.Sqrt2) > 1e-6 {
		t.Errorf("got %+v, want d (0.7071) then c", got)
	}
	v, err := set.Lookup("d")
	if err != nil || v[0] != 0.7 {
		t.Errorf("Lookup(d) = %v, %v", v, err)
	}
	if sim, err := set.Similarity("a", "c"); err != nil || math.Abs(sim) > 1e-7 {
		t.Errorf("Similarity(a, c) = %v, %v; want 0", sim, err)
	}
}
