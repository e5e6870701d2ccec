package weat

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gloveboard/gloveboard/analysis/vectors"

	"github.com/gloveboard/gloveboard/internal/testkit"
)

func mustSet(t testing.TB, words []string, dim int, data []float32) *vectors.Set {
	t.Helper()
	s, err := vectors.New(words, dim, data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestHandComputed: A = {(1,0)}, B = {(0,1)}, so s(w) = cos(w,A) −
// cos(w,B). X = {(1,0), (2,1)} and Y = {(1,2), (0,1)} give s = 1, r, −r,
// −1 with r = 1/√5. The sample variance is (2 + 2r²)/3 = 0.8, the means
// differ by 1 + r, so d = (1 + r)/√0.8. Of the C(4,2) = 6 partitions only
// the observed one has an X-side sum of 1 + r or more: p = 1/6.
func TestHandComputed(t *testing.T) {
	set := mustSet(t, []string{"x1", "x2", "y1", "y2", "a", "b"}, 2,
		[]float32{1, 0, 2, 1, 1, 2, 0, 1, 1, 0, 0, 1})
	res, err := Test(context.Background(), set, Sets{X: []string{"x1", "x2"}, Y: []string{"y1", "y2"}, A: []string{"a"}, B: []string{"b"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := 1 / math.Sqrt(5)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"effect size", res.EffectSize, (1 + r) / math.Sqrt(0.8)},
		{"p-value", res.PValue, 1.0 / 6},
		{"statistic", res.Statistic, 2 + 2*r},
		{"s(x2)", res.Associations[1].S, r},
		{"s(y2)", res.Associations[3].S, -1},
	} {
		if math.Abs(c.got-c.want) > 1e-14 {
			t.Errorf("%s = %.16g, want %.16g", c.name, c.got, c.want)
		}
	}
	if !res.Exact || res.Permutations != 6 {
		t.Errorf("exact %v with %d partitions, want exact with 6", res.Exact, res.Permutations)
	}
	// Swapping X and Y flips the sign of d; every partition then has an
	// X-side sum at least the observed −(1 + r) but one: p = 6/6 = 1.
	flip, err := Test(context.Background(), set, Sets{X: []string{"y1", "y2"}, Y: []string{"x1", "x2"}, A: []string{"a"}, B: []string{"b"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(flip.EffectSize+res.EffectSize) > 1e-14 || flip.PValue != 1 {
		t.Errorf("swapped: d = %g, p = %g; want %g and 1", flip.EffectSize, flip.PValue, -res.EffectSize)
	}
}

func TestErrorsAndMissingWords(t *testing.T) {
	set := mustSet(t, []string{"x1", "x2", "y1", "y2", "a", "b"}, 2,
		[]float32{1, 0, 2, 1, 1, 2, 0, 1, 1, 0, 0, 1})
	all := Sets{X: []string{"x1", "x2", "zz"}, Y: []string{"y1", "y2"}, A: []string{"a", "qq"}, B: []string{"b"}}
	res, err := Test(context.Background(), set, all, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Missing, ","); got != "zz,qq" {
		t.Errorf("missing = %s, want zz,qq", got)
	}
	for _, c := range []struct {
		name string
		sets Sets
		opts Options
		want error
	}{
		{"one known X word", Sets{X: []string{"x1", "zz"}, Y: all.Y, A: all.A, B: all.B}, Options{}, ErrTooFewWords},
		{"no known B word", Sets{X: all.X, Y: all.Y, A: all.A, B: []string{"nope"}}, Options{}, ErrTooFewWords},
		{"X and Y overlap", Sets{X: []string{"x1", "y1"}, Y: []string{"y1", "y2"}, A: all.A, B: all.B}, Options{}, ErrOverlap},
		{"A and B overlap", Sets{X: all.X, Y: all.Y, A: []string{"a"}, B: []string{"a", "b"}}, Options{}, ErrOverlap},
		{"no variance", Sets{X: []string{"x1", "a"}, Y: []string{"y2", "b"}, A: []string{"x2"}, B: []string{"y1"}}, Options{}, nil},
		{"negative permutations", all, Options{Permutations: -1}, ErrBadOptions},
	} {
		_, err := Test(context.Background(), set, c.sets, c.opts)
		if c.want == nil {
			continue
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
	}
	// Every target word at the same place: s is constant.
	flat := mustSet(t, []string{"p", "q", "r", "s", "a", "b"}, 2, []float32{1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1})
	if _, err := Test(context.Background(), flat, Sets{X: []string{"p", "q"}, Y: []string{"r", "s"}, A: []string{"a"}, B: []string{"b"}}, Options{}); !errors.Is(err, ErrNoVariance) {
		t.Errorf("constant s: err = %v, want ErrNoVariance", err)
	}
}

func TestBinomial(t *testing.T) {
	for _, c := range []struct {
		n, k, limit, want int
		ok                bool
	}{
		{4, 2, 100, 6, true}, {16, 8, 100_000, 12870, true}, {40, 20, 100_000, 0, false},
		{5, 0, 10, 1, true}, {200, 100, math.MaxInt, 0, false}, {30, 15, 155_117_520, 155_117_520, true},
	} {
		got, ok := binomial(c.n, c.k, c.limit)
		if got != c.want || ok != c.ok {
			t.Errorf("binomial(%d, %d, %d) = %d, %v; want %d, %v", c.n, c.k, c.limit, got, ok, c.want, c.ok)
		}
	}
}

// randomSet returns n words w00… of dimension d with Gaussian vectors,
// the second half shifted along the first axis so that associations are
// not all noise.
func randomSet(t testing.TB, seed uint64, n, d int) *vectors.Set {
	rng := rand.New(rand.NewPCG(seed, 3))
	words := make([]string, n)
	data := make([]float32, n*d)
	for i := range n {
		words[i] = fmt.Sprintf("w%02d", i)
		for k := range d {
			data[i*d+k] = float32(rng.NormFloat64())
		}
		if i%2 == 0 {
			data[i*d] += 0.7
		}
	}
	return mustSet(t, words, d, data)
}

func pick(set *vectors.Set, rows ...int) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = set.Word(r)
	}
	return out
}

// TestSampledAgreesWithExact: on a case with C(16, 8) = 12,870 partitions,
// 200,000 random partitions give a p-value within four standard errors of
// the exact one.
func TestSampledAgreesWithExact(t *testing.T) {
	set := randomSet(t, 11, 30, 8)
	sets := Sets{X: pick(set, 0, 2, 4, 6, 8, 10, 12, 1), Y: pick(set, 3, 5, 7, 9, 11, 13, 15, 17),
		A: pick(set, 20, 22, 24, 26), B: pick(set, 21, 23, 25, 27)}
	exact, err := Test(context.Background(), set, sets, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !exact.Exact || exact.Permutations != 12870 {
		t.Fatalf("exact = %v over %d partitions, want exact over 12870", exact.Exact, exact.Permutations)
	}
	const draws = 200_000
	sampled, err := Test(context.Background(), set, sets, Options{MaxExact: 100, Permutations: draws, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	if sampled.Exact || sampled.Permutations != draws {
		t.Fatalf("sampled: exact %v, %d permutations", sampled.Exact, sampled.Permutations)
	}
	p := exact.PValue
	se := math.Sqrt(p * (1 - p) / draws)
	if math.Abs(sampled.PValue-p) > 4*se+1.0/draws {
		t.Errorf("sampled p = %.5f, exact p = %.5f, standard error %.5f", sampled.PValue, p, se)
	}
	if sampled.EffectSize != exact.EffectSize {
		t.Errorf("the effect size does not depend on sampling: %g vs %g", sampled.EffectSize, exact.EffectSize)
	}
	t.Logf("exact p = %.6f, sampled p = %.6f (se %.6f), d = %.4f", p, sampled.PValue, se, exact.EffectSize)
}

// numpyReference computes d and the exact p-value independently with
// numpy and itertools.
const numpyReference = `
import itertools, json, sys
import numpy as np
words, rows = [], []
with open(sys.argv[1]) as f:
    for line in f:
        p = line.split()
        words.append(p[0]); rows.append([np.float32(v) for v in p[1:]])
E = np.array(rows, dtype=np.float32).astype(np.float64)
idx = {w: i for i, w in enumerate(words)}
sets = json.load(open(sys.argv[2]))
def cos(u, v): return float(u @ v / np.sqrt((u @ u) * (v @ v)))
def s(w): return np.mean([cos(E[idx[w]], E[idx[a]]) for a in sets["A"]]) - np.mean([cos(E[idx[w]], E[idx[b]]) for b in sets["B"]])
sx = np.array([s(w) for w in sets["X"]]); sy = np.array([s(w) for w in sets["Y"]])
allv = np.concatenate([sx, sy])
d = (sx.mean() - sy.mean()) / allv.std(ddof=1)
obs = sx.sum() - sy.sum(); total = allv.sum()
n = 0; ge = 0
for c in itertools.combinations(range(len(allv)), len(sx)):
    stat = 2 * allv[list(c)].sum() - total
    n += 1
    if stat >= obs - 1e-12 * np.abs(allv).sum() * 2: ge += 1
print(json.dumps({"effect_size": d, "p_value": ge / n, "partitions": n}))
`

// TestMatchesNumpy: effect size and exact p-value equal numpy's to 1e-9.
func TestMatchesNumpy(t *testing.T) {
	py := testkit.Python(t, "compares the WEAT effect size and exact p-value with numpy", "numpy")
	set := randomSet(t, 2017, 40, 12)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := vectors.WriteText(&buf, set, false); err != nil {
		t.Fatal(err)
	}
	vecPath := filepath.Join(dir, "vectors.txt")
	os.WriteFile(vecPath, buf.Bytes(), 0o600)
	for i, sets := range []Sets{
		{X: pick(set, 0, 2, 4, 6, 8, 10), Y: pick(set, 1, 3, 5, 7, 9, 11), A: pick(set, 20, 22, 24, 26, 28), B: pick(set, 21, 23, 25, 27, 29)},
		{X: pick(set, 30, 31, 32, 33), Y: pick(set, 34, 35, 36, 37, 38), A: pick(set, 0, 1), B: pick(set, 2)},
	} {
		setsPath := filepath.Join(dir, fmt.Sprintf("sets%d.json", i))
		js, _ := json.Marshal(map[string][]string{"X": sets.X, "Y": sets.Y, "A": sets.A, "B": sets.B})
		os.WriteFile(setsPath, js, 0o600)
		out, err := exec.Command(py, "-c", numpyReference, vecPath, setsPath).Output()
		if err != nil {
			t.Fatalf("numpy reference: %v", err)
		}
		var want struct {
			EffectSize float64 `json:"effect_size"`
			PValue     float64 `json:"p_value"`
			Partitions int     `json:"partitions"`
		}
		if err := json.Unmarshal(out, &want); err != nil {
			t.Fatal(err)
		}
		got, err := Test(context.Background(), set, sets, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.EffectSize-want.EffectSize) > 1e-9 || math.Abs(got.PValue-want.PValue) > 1e-9 || got.Permutations != want.Partitions {
			t.Errorf("case %d: d = %.12g, p = %.12g over %d; numpy d = %.12g, p = %.12g over %d",
				i, got.EffectSize, got.PValue, got.Permutations, want.EffectSize, want.PValue, want.Partitions)
		}
	}
}

func TestCancel(t *testing.T) {
	set := randomSet(t, 1, 40, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	words := set.Words()
	_, err := Test(ctx, set, Sets{X: words[:10], Y: words[10:20], A: words[20:25], B: words[25:30]}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func ExampleTest() {
	words := []string{"rose", "tulip", "ant", "wasp", "lovely", "nasty"}
	set, _ := vectors.New(words, 2, []float32{1, 0.1, 0.9, 0.2, 0.2, 1, 0.1, 0.8, 1, 0, 0, 1})
	res, _ := Test(context.Background(), set,
		Sets{X: []string{"rose", "tulip"}, Y: []string{"ant", "wasp"}, A: []string{"lovely"}, B: []string{"nasty"}}, Options{})
	fmt.Printf("d = %.2f, p = %.3f (exact over %d partitions)\n", res.EffectSize, res.PValue, res.Permutations)
	// Output: d = 1.73, p = 0.167 (exact over 6 partitions)
}

// TestBuiltins: every built-in test has four non-empty sets, equal-size
// targets as in the paper, no word twice within a test's target or
// attribute pair, and a unique name that BuiltinNamed finds.
func TestBuiltins(t *testing.T) {
	seen := map[string]bool{}
	for _, b := range Builtins() {
		if seen[b.Name] {
			t.Errorf("name %s twice", b.Name)
		}
		seen[b.Name] = true
		s := b.Sets
		if len(s.X) < 8 || len(s.X) != len(s.Y) || len(s.A) < 8 || len(s.A) != len(s.B) {
			t.Errorf("%s: sizes X %d, Y %d, A %d, B %d", b.Name, len(s.X), len(s.Y), len(s.A), len(s.B))
		}
		for _, pair := range [][2][]string{{s.X, s.Y}, {s.A, s.B}} {
			in := map[string]bool{}
			for _, w := range append(append([]string(nil), pair[0]...), pair[1]...) {
				if in[w] {
					t.Errorf("%s: %q twice", b.Name, w)
				}
				in[w] = true
			}
		}
		if got, ok := BuiltinNamed(b.Name); !ok || got.Title != b.Title {
			t.Errorf("BuiltinNamed(%s) = %v, %v", b.Name, got.Title, ok)
		}
	}
	if _, ok := BuiltinNamed("nope"); ok {
		t.Error("BuiltinNamed(nope) found something")
	}
	// Each call is a fresh copy.
	Builtins()[0].Sets.X[0] = "changed"
	if Builtins()[0].Sets.X[0] == "changed" {
		t.Error("Builtins shares its lists")
	}
}
