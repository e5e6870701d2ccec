package svdembed

import (
	"bytes"
	"context"
	"errors"
	"math"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/gloveboard/gloveboard/analysis/cooccur"
	"github.com/gloveboard/gloveboard/analysis/evaluate"
	"github.com/gloveboard/gloveboard/analysis/spectrum"
	"github.com/gloveboard/gloveboard/analysis/vectors"
	"github.com/gloveboard/gloveboard/internal/testkit"
)

// glossBytes is how much of the shipped WordNet glosses the tests count:
// about as many tokens (530 k) as the Brown sample they used before the
// glosses shipped.
const glossBytes = 3 << 20

// glossMatrix counts the first glossBytes of the shipped demo corpus
// (WordNet glosses) with the default options and at most maxVocab words
// (0: all). Counts are kept per maxVocab for the package's tests, which
// only read them.
func glossMatrix(t *testing.T, maxVocab int) *cooccur.Result {
	t.Helper()
	glossMatrices.mu.Lock()
	defer glossMatrices.mu.Unlock()
	if res, ok := glossMatrices.byVocab[maxVocab]; ok {
		return res
	}
	text := testkit.ShippedPrefix(t, testkit.DemoCorpus, glossBytes)
	opt := cooccur.DefaultOptions()
	opt.MaxVocab = maxVocab
	res, err := cooccur.Count(context.Background(), bytes.NewReader(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	if glossMatrices.byVocab == nil {
		glossMatrices.byVocab = map[int]*cooccur.Result{}
	}
	glossMatrices.byVocab[maxVocab] = res
	return res
}

var glossMatrices struct {
	mu      sync.Mutex
	byVocab map[int]*cooccur.Result
}

// TestEmbedMatchesDenseSVD compares W = U Σ^p against gonum's dense SVD
// of the same PPMI matrix, column by column up to sign.
func TestEmbedMatchesDenseSVD(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"lanczos (default)", Options{}},
		{"randomized", Options{Randomized: true, Oversample: 40, PowerIters: 10}},
	} {
		t.Run(tc.name, func(t *testing.T) { checkEmbedMatchesDenseSVD(t, tc.opt) })
	}
}

func checkEmbedMatchesDenseSVD(t *testing.T, opt Options) {
	res := glossMatrix(t, 400)
	const d, p = 10, 0.5
	opt.Dim, opt.Power, opt.Seed = d, p, 3
	got, err := Embed(context.Background(), res.Matrix, opt)
	if err != nil {
		t.Fatal(err)
	}
	ppmi := spectrum.Weight(spectrum.FromCooccur(res.Matrix, 0), spectrum.PPMI, 0.75)
	n := ppmi.Rows
	vals, u := denseU(mat.NewDense(n, n, ppmi.Dense()), d)
	for j := 0; j < d; j++ {
		if rel := math.Abs(got.Singular[j]-vals[j]) / vals[j]; rel > 1e-6 {
			t.Errorf("σ_%d = %g, dense %g (rel %.2g)", j, got.Singular[j], vals[j], rel)
		}
		// Compare W[:, j] with ±u_j σ_j^p.
		scale := math.Pow(vals[j], p)
		dot, norm := 0.0, 0.0
		for i := 0; i < n; i++ {
			w := float64(got.Vectors[i*d+j])
			dot += w * u.At(i, j) * scale
			norm += w * w
		}
		if cos := math.Abs(dot) / (math.Sqrt(norm) * scale); math.Abs(cos-1) > 1e-4 {
			t.Errorf("column %d: |cos| with the dense singular vector = %.6f", j, cos)
		}
	}
	// Columns are orthogonal with squared norms σ^(2p).
	for a := 0; a < 3; a++ {
		for b := 0; b < 3; b++ {
			dot := 0.0
			for i := 0; i < n; i++ {
				dot += float64(got.Vectors[i*d+a]) * float64(got.Vectors[i*d+b])
			}
			want := 0.0
			if a == b {
				want = math.Pow(vals[a], 2*p)
			}
			if math.Abs(dot-want) > 1e-3*math.Max(1, want) {
				t.Errorf("column %d · column %d = %g, want %g", a, b, dot, want)
			}
		}
	}
}

// TestEmbedCapturesSimilarity: on real text (3 MiB of the shipped WordNet
// glosses, as many tokens as the Brown sample it used before; its 10,000
// most frequent words, which cover as many WS-353 pairs, 241, as the whole
// vocabulary) the baseline's cosine similarities correlate positively with
// human WS-353 judgements.
func TestEmbedCapturesSimilarity(t *testing.T) {
	res := glossMatrix(t, 10000)
	emb, err := Embed(context.Background(), res.Matrix, Options{Dim: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	set, err := vectors.New(res.Vocab.Words(), emb.Dim, emb.Vectors)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := evaluate.LoadPairs(testkit.Similarity(t, "EN-WS-353-ALL.txt"))
	if err != nil {
		t.Fatal(err)
	}
	score, err := evaluate.Similarity(set, pairs, evaluate.SimilarityOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("WS-353: Spearman %.3f on %d pairs", score.Spearman, score.Pairs)
	if score.Pairs < 100 || !(score.Spearman > 0.15) {
		t.Errorf("WS-353 Spearman %.3f on %d pairs; want > 0.15 on at least 100", score.Spearman, score.Pairs)
	}
}

func TestEmbedBadOptions(t *testing.T) {
	res := glossMatrix(t, 50)
	for _, opt := range []Options{{Dim: -1}, {Dim: 51}, {Power: -1}, {Power: math.NaN()}, {Alpha: 2}} {
		if _, err := Embed(context.Background(), res.Matrix, opt); !errors.Is(err, ErrBadOptions) {
			t.Errorf("%+v: err = %v", opt, err)
		}
	}
}

// denseU is used by tests: the left singular vectors of a dense matrix.
func denseU(a *mat.Dense, d int) ([]float64, *mat.Dense) {
	var svd mat.SVD
	svd.Factorize(a, mat.SVDThin)
	var u mat.Dense
	svd.UTo(&u)
	vals := svd.Values(nil)
	r, _ := u.Dims()
	return vals[:d], mat.DenseCopyOf(u.Slice(0, r, 0, d))
}
