package align

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/vectors"
)

func mustSet(t testing.TB, words []string, dim int, data []float32) *vectors.Set {
	t.Helper()
	s, err := vectors.New(words, dim, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAlignHandComputed: A = (e1, e2, e1), B = (e1, e2, e2). AᵀB =
// [[1 1] [0 1]], whose nearest rotation (row vectors, a·R) is R(φ) =
// [[cos φ, sin φ], [−sin φ, cos φ]] with φ = atan2(b − c, a + d) =
// atan2(1, 2): R = [[2 1] [−1 2]]/√5. Then e1R = (2,1)/√5 and e2R =
// (−1,2)/√5, so the cosines to B's rows are 2/√5, 2/√5, 1/√5, and
// ‖AR − B‖² = Σ(2 − 2cos) = 2(3 − √5) against ‖B‖² = 3.
func TestAlignHandComputed(t *testing.T) {
	a := mustSet(t, []string{"one", "two", "three"}, 2, []float32{1, 0, 0, 1, 1, 0})
	b := mustSet(t, []string{"one", "two", "three"}, 2, []float32{1, 0, 0, 1, 0, 1})
	res, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s5 := math.Sqrt(5)
	wantR := []float64{2 / s5, 1 / s5, -1 / s5, 2 / s5}
	for i, want := range wantR {
		if got := res.Rotation.RawMatrix().Data[i]; math.Abs(got-want) > 1e-12 {
			t.Errorf("R[%d] = %.15g, want %.15g", i, got, want)
		}
	}
	if got, want := res.Residual, math.Sqrt(2*(3-s5)/3); math.Abs(got-want) > 1e-12 {
		t.Errorf("residual = %.15g, want %.15g", got, want)
	}
	wantMoved := []Moved{{"three", 1 - 1/s5, 2, 2}, {"one", 1 - 2/s5, 0, 0}, {"two", 1 - 2/s5, 1, 1}}
	if res.Shared != 3 || res.FitWords != 3 || len(res.Moved) != 3 {
		t.Fatalf("shared %d, fit %d, moved %d; want 3, 3, 3", res.Shared, res.FitWords, len(res.Moved))
	}
	for i, want := range wantMoved {
		got := res.Moved[i]
		if got.Word != want.Word || got.RankA != want.RankA || math.Abs(got.Distance-want.Distance) > 1e-12 {
			t.Errorf("moved[%d] = %+v, want %+v", i, got, want)
		}
	}
}

// TestAlignReflection: B = A with its second axis flipped is an exact
// reflection, which the orthogonal solution finds (residual 0).
func TestAlignReflection(t *testing.T) {
	a := mustSet(t, []string{"p", "q", "r"}, 2, []float32{1, 2, -3, 1, 0.5, 0.25})
	b := mustSet(t, []string{"p", "q", "r"}, 2, []float32{1, -2, -3, -1, 0.5, -0.25})
	res, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Residual > 1e-7 {
		t.Errorf("residual = %g, want 0", res.Residual)
	}
	want := mat.NewDense(2, 2, []float64{1, 0, 0, -1})
	if !mat.EqualApprox(res.Rotation, want, 1e-7) {
		t.Errorf("R = %v, want diag(1, -1)", mat.Formatted(res.Rotation))
	}
}

// randomOrthogonal returns the Q factor of a Gaussian matrix, uniformly
// distributed up to the signs QR fixes.
func randomOrthogonal(rng *rand.Rand, d int) *mat.Dense {
	g := mat.NewDense(d, d, nil)
	for i := range d {
		for j := range d {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	return &q
}

// rotatedCopy returns words with B = A·Q + noise, with the vectors of the
// words at the index pairs in swaps exchanged.
func rotatedCopy(t testing.TB, rng *rand.Rand, n, d int, noise float64, swaps [][2]int) (a, b *vectors.Set, q *mat.Dense) {
	t.Helper()
	words := make([]string, n)
	da := make([]float32, n*d)
	for i := range n {
		words[i] = fmt.Sprintf("w%03d", i)
		for k := range d {
			da[i*d+k] = float32(rng.NormFloat64())
		}
	}
	q = randomOrthogonal(rng, d)
	db := make([]float32, n*d)
	for i := range n {
		for k := range d {
			var v float64
			for j := range d {
				v += float64(da[i*d+j]) * q.At(j, k)
			}
			db[i*d+k] = float32(v + noise*rng.NormFloat64())
		}
	}
	for _, s := range swaps {
		x, y := s[0], s[1]
		for k := range d {
			db[x*d+k], db[y*d+k] = db[y*d+k], db[x*d+k]
		}
	}
	wb := append([]string(nil), words...)
	return mustSet(t, words, d, da), mustSet(t, wb, d, db), q
}

// TestAlignRecoversRotation: a set rotated by a random orthogonal matrix,
// with small noise and a few words' vectors swapped, is rotated back (R
// within the noise of Q), and exactly the swapped words are the most
// moved. Without swaps the residual is at the noise level.
func TestAlignRecoversRotation(t *testing.T) {
	const n, d, noise = 400, 20, 1e-3
	rng := rand.New(rand.NewPCG(16, 1))
	swaps := [][2]int{{3, 250}, {17, 101}, {42, 399}}
	a, b, q := rotatedCopy(t, rng, n, d, noise, swaps)
	res, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var diff mat.Dense
	diff.Sub(res.Rotation, q)
	if got := mat.Norm(&diff, 2); got > 0.05 {
		t.Errorf("‖R − Q‖_F = %g, want < 0.05 (6 of 400 rows are swapped)", got)
	}
	swapped := map[string]bool{}
	for _, s := range swaps {
		swapped[a.Word(s[0])], swapped[a.Word(s[1])] = true, true
	}
	for i := range 2 * len(swaps) {
		if w := res.Moved[i].Word; !swapped[w] {
			t.Errorf("moved[%d] = %s (distance %.3g), not a swapped word", i, w, res.Moved[i].Distance)
		}
	}
	if next := res.Moved[2*len(swaps)]; next.Distance > 1e-4 {
		t.Errorf("first unswapped word %s moved %g, want at the noise level", next.Word, next.Distance)
	}

	a, b, q = rotatedCopy(t, rng, n, d, noise, nil)
	res, err = Align(context.Background(), a, b, Options{FitTop: 100})
	if err != nil {
		t.Fatal(err)
	}
	// A row of d standard normals has length ≈ √d and its noise vector
	// ≈ noise·√d, so after scaling rows to unit length the residual is
	// about noise.
	if res.Residual > 3*noise || res.Residual < noise/10 {
		t.Errorf("residual without swaps = %g, want about the noise level %g", res.Residual, noise)
	}
	if res.FitWords != 100 || res.Shared != n {
		t.Errorf("fit %d of %d, want 100 of %d", res.FitWords, res.Shared, n)
	}
	diff.Sub(res.Rotation, q)
	if got := mat.Norm(&diff, 2); got > 20*noise {
		t.Errorf("‖R − Q‖_F = %g with 100 fit words, want < %g", got, 20*noise)
	}
}

// TestAlignProperties: aligning a set with itself is the identity with
// residual 0; distances lie in [0, 2] and come sorted.
func TestAlignProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	a, b, _ := rotatedCopy(t, rng, 60, 5, 0.5, nil)
	self, err := Align(context.Background(), a, a, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if self.Residual > 1e-7 || !mat.EqualApprox(self.Rotation, eye(5), 1e-7) {
		t.Errorf("self alignment: residual %g, R = %v", self.Residual, mat.Formatted(self.Rotation))
	}
	res, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range res.Moved {
		if m.Distance < -1e-12 || m.Distance > 2+1e-12 || math.IsNaN(m.Distance) {
			t.Errorf("distance %g outside [0, 2]", m.Distance)
		}
		if i > 0 && m.Distance > res.Moved[i-1].Distance {
			t.Errorf("moved not sorted at %d", i)
		}
	}
}

func eye(d int) *mat.Dense {
	m := mat.NewDense(d, d, nil)
	for i := range d {
		m.Set(i, i, 1)
	}
	return m
}

func TestAlignDifferentDimensionsAndVocabularies(t *testing.T) {
	a := mustSet(t, []string{"x1", "only-a", "x2", "x3"}, 3, []float32{1, 0, 0, 5, 5, 5, 0, 1, 0, 0, 0, 1})
	b := mustSet(t, []string{"x3", "x2", "x1", "only-b"}, 2, []float32{0, 0, 0, 1, 1, 0, 3, 3})
	res, err := Align(context.Background(), a, b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Shared != 3 {
		t.Errorf("shared = %d, want 3", res.Shared)
	}
	if r, c := res.Rotation.Dims(); r != 3 || c != 2 {
		t.Errorf("R is %d×%d, want 3×2", r, c)
	}
	// x3 maps to the zero vector in B: cosine 0, distance 1, the most moved.
	if res.Moved[0].Word != "x3" || math.Abs(res.Moved[0].Distance-1) > 1e-12 {
		t.Errorf("most moved = %+v, want x3 at distance 1", res.Moved[0])
	}
}

func TestAlignErrors(t *testing.T) {
	a := mustSet(t, []string{"a", "b"}, 2, []float32{1, 0, 0, 1})
	c := mustSet(t, []string{"a", "c"}, 2, []float32{1, 0, 0, 1})
	for _, tc := range []struct {
		name string
		b    *vectors.Set
		opts Options
		want error
	}{
		{"one shared word", c, Options{}, ErrTooFewShared},
		{"negative fit-top", a, Options{FitTop: -1}, ErrBadOptions},
		{"one fit word", a, Options{FitTop: 1}, ErrTooFewShared},
	} {
		if _, err := Align(context.Background(), a, tc.b, tc.opts); !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Align(ctx, a, a, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

func TestNeighbours(t *testing.T) {
	words := []string{"king", "queen", "prince", "apple", "pear"}
	// In A king is near queen and prince; in B near apple and queen.
	a := mustSet(t, words, 2, []float32{1, 0, 0.9, 0.1, 0.8, 0.3, 0, 1, 0.1, 1})
	b := mustSet(t, words, 2, []float32{1, 0, 0.9, 0.3, 0, 1, 0.95, 0.1, 0.1, 1})
	c, err := Neighbours(context.Background(), a, b, "king", 2)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(c.Kept, c.Lost, c.Gained)
	if want := "[queen] [prince] [apple]"; got != want {
		t.Errorf("kept, lost, gained = %s, want %s", got, want)
	}
	if _, err := Neighbours(context.Background(), a, b, "nope", 2); !errors.Is(err, vectors.ErrUnknownWord) {
		t.Errorf("unknown word: %v", err)
	}
}

func ExampleAlign() {
	words := []string{"ice", "steam", "water"}
	a, _ := vectors.New(words, 2, []float32{1, 0, 0, 1, 0.6, 0.8})
	// B is A turned a quarter turn: (x, y) → (−y, x).
	b, _ := vectors.New(words, 2, []float32{0, 1, -1, 0, -0.8, 0.6})
	res, _ := Align(context.Background(), a, b, Options{})
	fmt.Printf("shared %d, residual %.3f, most moved %s (%.3f)\n", res.Shared, res.Residual, res.Moved[0].Word, res.Moved[0].Distance)
	// Output: shared 3, residual 0.000, most moved ice (0.000)
}
